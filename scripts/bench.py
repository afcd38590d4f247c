"""Benchmark briefer against bare spaCy, in one run on the same generated texts (`make bench`).

Prints: words/s of bare spaCy's nlp.pipe and of `briefer extract` (with and without the gate) on the same
texts, the same model, ops, batch size and BLAS threads, passes interleaved and repeated (median ratio and its
spread); the share of words and sentences the rules can use and the share parsed; extraction F1 on the seeds,
dev and dev2 with and without the gate; what the components cost; the `--jobs auto` speed-up; 200 articles end
to end; `briefer --help` and what it imports; peak memory at 200 and 2,000 articles.
Timings are wall clock and CPU seconds on whatever else the machine is doing: compare figures of one run.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from make_corpus import make_corpus

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BRIEFER = Path(sys.executable).with_name("briefer")
DAY = "2026-11-23"
TARGETS = {"ratio": 1.3, "ratio_bar": 1.1, "help": 0.2, "rss": 1.5, "jobs": 1.5, "end_to_end": 60.0, "f1": 0.005}
PARTS = ("throughput", "gate", "f1", "jobs", "components", "cli", "memory")
TARGET_ARTICLES = 200  # the throughput, --jobs and end-to-end targets are for a day's 200 articles or more
SETS = {
    "seeds": (SHARED / "gold", ROOT / "seeds"),
    "dev": (SHARED / "dev" / "gold", SHARED / "dev" / "articles"),
    "dev2": (SHARED / "dev2" / "gold", SHARED / "dev2" / "articles"),
}


def words_in(folder: Path) -> tuple[list[str], int]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return texts, sum(len(t.split()) for t in texts)


def verdict(ok: bool, articles: int = TARGET_ARTICLES) -> str:
    if articles < TARGET_ARTICLES:
        return f"{'ok' if ok else 'under'} (the target is for {TARGET_ARTICLES}+ articles)"
    return "ok" if ok else "MISSED"


def line(label: str, value: str, note: str = "") -> None:
    print(f"  {label:<48} {value:>14}  {note}", flush=True)


def spread(values: list[float]) -> str:
    return f"{min(values):.2f}-{max(values):.2f}" if len(values) > 1 else "one pass"


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (worker processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class Probes:
    """Wall time spent inside some of the real pipeline's functions, patched for one run (this process only)."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self._patched: list[tuple[object, str, object]] = []

    def watch(self, owner: object, name: str, label: str, *, generator: bool = False) -> None:
        """Add the time spent in `owner.name` (for a generator: in producing its items) to `label`."""
        real = owner.__dict__[name]
        function = real.__func__ if isinstance(real, classmethod) else real

        def timed(*args, **kwargs):
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.spent[label] += time.perf_counter() - began

        def timed_generator(*args, **kwargs):
            items = iter(function(*args, **kwargs))
            while True:
                began = time.perf_counter()
                try:
                    item = next(items)
                except StopIteration:
                    return
                finally:
                    self.spent[label] += time.perf_counter() - began
                yield item

        probe = timed_generator if generator else timed
        setattr(owner, name, classmethod(probe) if isinstance(real, classmethod) else probe)
        self._patched.append((owner, name, real))

    def restore(self) -> None:
        """Put the real functions back."""
        for owner, name, real in reversed(self._patched):
            setattr(owner, name, real)


class BareSpacy:
    """spaCy as briefer configures it (NumpyOps, one BLAS thread), the model loaded before any clock starts."""

    def __init__(self, model: str) -> None:
        import spacy
        from thinc.api import NumpyOps, set_current_ops
        from threadpoolctl import threadpool_limits

        # briefer's ops and BLAS threads: compare the pipelines, not the maths settings (measured apart below)
        set_current_ops(NumpyOps(use_blis=False))
        threadpool_limits(1, user_api="blas")
        self.nlp = spacy.load(model)

    def run(self, texts: list[str], batch_size: int) -> tuple[float, float]:
        """Wall and CPU seconds of nlp.pipe over the texts."""
        start, cpu = time.perf_counter(), cpu_seconds()
        for _ in self.nlp.pipe(texts, batch_size=batch_size):
            pass
        return time.perf_counter() - start, cpu_seconds() - cpu


def briefer_extract(folder: Path, *, jobs: int | str = 1, gate: bool = True) -> tuple[float, float, dict[str, float]]:
    """Wall seconds of briefer's whole extract stage, the CPU seconds it took here and in worker processes,
    and (in this process) where the time went."""
    import briefer.executors.extractor as extractor
    import briefer.pipeline
    import briefer.resolve
    import briefer.rules
    from briefer.pipeline import Settings, extract
    from briefer.rules.compiler import CompiledRules

    probes = Probes()
    probes.watch(briefer.pipeline, "read_articles", "ingest")
    probes.watch(briefer.rules, "load_knowledge", "rules load")
    probes.watch(extractor.Extractor, "load", "model load")
    probes.watch(extractor, "parse", "parse", generator=True)
    probes.watch(extractor, "extract_facts", "extract_facts")
    probes.watch(CompiledRules, "matches", "rule matching", generator=True)
    probes.watch(briefer.resolve, "resolve", "resolve")
    try:
        start, cpu = time.perf_counter(), cpu_seconds()
        extract(Settings(sources=[str(folder)], date=DAY, jobs=jobs, gate=gate))
        wall, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    finally:
        probes.restore()
    spent = probes.spent
    # resolve() pulls the facts through parse and extract_facts; the other stages are what is left of the run.
    parts = {"ingest": spent["ingest"], "rules and gazetteers load": spent["rules load"],
             "model load": spent["model load"], "parse (spaCy, and the gate's plan)": spent["parse"],
             "rule matching": spent["rule matching"],
             "rest of extraction": spent["extract_facts"] - spent["rule matching"],
             "resolution": spent["resolve"] - spent["parse"] - spent["extract_facts"]}
    parts["the rest"] = wall - sum(parts.values())
    return wall, cpu, parts


def throughput(corpus: Path, texts: list[str], words: int, model: str, repeats: int, articles: int,
               figures: dict[str, float]) -> None:
    """Bare spaCy and briefer extract (gate on, gate off), passes interleaved, `repeats` times."""
    from briefer.nlp import BATCH_SIZE

    bare = BareSpacy(model)
    runs: dict[str, list[tuple[float, float]]] = defaultdict(list)
    loads: dict[str, list[float]] = defaultdict(list)
    parts: dict[str, float] = {}
    for _ in range(repeats):
        runs["bare"].append(bare.run(texts, BATCH_SIZE))
        for name, gate in (("gate", True), ("no gate", False)):
            wall, cpu, found = briefer_extract(corpus, gate=gate)
            runs[name].append((wall, cpu))
            loads[name].append(found["model load"])
            parts = found if gate else parts
    bare_wall = [wall for wall, _ in runs["bare"]]
    line("bare spaCy nlp.pipe (model loaded)", f"{words / statistics.median(bare_wall):,.0f} w/s",
         f"batch_size {BATCH_SIZE}, NumpyOps, 1 BLAS thread; median of {repeats}, {spread(bare_wall)} s")
    for name in ("gate", "no gate"):
        walls = [wall for wall, _ in runs[name]]
        ratios = [b / w for (b, _), (w, _) in zip(runs["bare"], runs[name], strict=True)]
        after_load = [b / (w - load) for (b, _), (w, _), load in zip(runs["bare"], runs[name], loads[name],
                                                                      strict=True)]
        cpu_ratios = [b / w for (_, b), (_, w) in zip(runs["bare"], runs[name], strict=True)]
        label = "briefer extract" + (" --no-gate" if name == "no gate" else "")
        line(f"{label}, whole stage", f"{words / statistics.median(walls):,.0f} w/s",
             f"ingest, rules and model load, parse, rules, resolve; {spread(walls)} s")
        ratio = statistics.median(ratios)
        figures[f"ratio_{name.replace(' ', '_')}"] = ratio
        target = (f"target >= {TARGETS['ratio']} (bar {TARGETS['ratio_bar']}): "
                  f"{verdict(ratio >= TARGETS['ratio'], articles)}" if name == "gate" else "")
        line(f"  ratio to bare spaCy (median of {repeats} pairs)", f"{ratio:.2f}x",
             f"spread {spread(ratios)}; {target}")
        line("  ratio after model load (both sides)", f"{statistics.median(after_load):.2f}x",
             f"spread {spread(after_load)}")
        line("  ratio of CPU seconds", f"{statistics.median(cpu_ratios):.2f}x", f"spread {spread(cpu_ratios)}")
    parse_seconds = parts["parse (spaCy, and the gate's plan)"]
    for part, seconds in parts.items():
        line(f"  of which {part}", f"{seconds:.1f} s", f"{seconds / parse_seconds:.0%} of parse time (gate, last pass)")


def gate_shares(texts: list[str], label: str) -> None:
    """How much of the texts the built-in rules can use (planned Doc by Doc), and how much the gate as it runs
    parses: everything when a rule has no anchor, else it stands aside when cutting would not pay."""
    from briefer.extract.gate import Gate, triggers_of
    from briefer.nlp import load_pipeline
    from briefer.rules import load_knowledge

    knowledge = load_knowledge()
    nlp = load_pipeline(entity_patterns=knowledge.entity_patterns())
    every = knowledge.compile(nlp.vocab)
    underivable = triggers_of(every, nlp).underivable
    running = Gate.derive(every, nlp)
    planning = running and Gate.derive(every, nlp, trial_tokens=None)
    for text in texts:
        doc = nlp.make_doc(text)
        if running is not None:
            planning.plan(doc, text)
            running.plan(doc, text)
    if running is None:
        line(f"{label}: words the gate parses", "100%", f"no anchor in {', '.join(underivable)}: it parses all")
    else:
        counts = planning.counts
        line(f"{label}: sentences the rules can use", f"{counts.sentences_wanted / counts.sentences_planned:.0%}",
             f"{counts.share_wanted:.0%} of the words (with the sentence before, a quotation's paragraph, the "
             "sentences naming the same people)")
        line(f"{label}: words the gate parses", f"{running.counts.share_parsed:.0%}",
             "it stands aside: cutting Docs would cost more than it saves" if running.standing_aside else "")


def scores_with_and_without_gate(figures: dict[str, float]) -> None:
    """F1 per section on the seeds, dev and dev2 of the built-in rules: every sentence parsed, the gate as it
    runs, and a gate that cuts a Doc whenever it can leave anything out."""
    from briefer.evaluate import load_gold, score_articles
    from briefer.executors.extractor import Extractor
    from briefer.extract.gate import Gate
    from briefer.ingest import read_sources
    from briefer.nlp import load_pipeline
    from briefer.rules import load_knowledge

    knowledge = load_knowledge()
    nlp = load_pipeline(entity_patterns=knowledge.entity_patterns())
    every = knowledge.compile(nlp.vocab)
    lexicon = knowledge.lexicon
    columns = {
        "no gate": lambda: Extractor(nlp, every, lexicon),
        "gate": lambda: Extractor(nlp, every, lexicon, Gate.derive(every, nlp)),
        "cut": lambda: Extractor(nlp, every, lexicon, Gate.derive(every, nlp, min_skip=0.0, trial_tokens=None)),
    }
    print(f"  {'set':<6} {'section':<20} " + " ".join(f"{name:>9}" for name in columns) + "  (F1)")
    worst = 0.0
    for name, (gold_dir, folder) in SETS.items():
        if not gold_dir.is_dir() or not folder.is_dir():
            print(f"  {name}: not here ({folder})")
            continue
        articles, gold = read_sources([str(folder)]).articles, load_gold(gold_dir)
        found = {label: score_articles(gold, articles, make(), lexicon) for label, make in columns.items()}
        for section in found["no gate"].sections:
            values = {label: found[label].sections[section].scores[2] for label in columns}
            worst = max(worst, abs(values["gate"] - values["no gate"]), abs(values["cut"] - values["no gate"]))
            print(f"  {name:<6} {section:<20} " + " ".join(f"{value:>9.3f}" for value in values.values()),
                  flush=True)
    figures["f1_moved"] = worst
    line("largest F1 change made by a gate", f"{worst:.3f}",
         f"target <= {TARGETS['f1']}: {'ok' if worst <= TARGETS['f1'] else 'MISSED'}")


def spacy_defaults(texts: list[str], model: str) -> float:
    """Words/s of bare spaCy as installed (its own ops, all BLAS threads, default batch), in a new process."""
    code = ("import sys, time, spacy; texts = sys.stdin.read().split('\\x00'); nlp = spacy.load(sys.argv[1]); "
            "start = time.perf_counter(); [None for _ in nlp.pipe(texts)]; print(time.perf_counter() - start)")
    result = subprocess.run([sys.executable, "-c", code, model], input="\x00".join(texts), capture_output=True,
                            text=True, check=True)
    return sum(len(t.split()) for t in texts) / float(result.stdout)


def component_rates(texts: list[str]) -> dict[str, float]:
    """Words/s of briefer's pipeline: as briefer runs it, with spaCy's own attribute ruler and lemmatizer, without
    the parser, and without parser and tagger."""
    from briefer.nlp import LEMMAS, TAGS, load_pipeline
    from briefer.rules import load_knowledge

    patterns = load_knowledge().entity_patterns()
    words = sum(len(t.split()) for t in texts)
    rates = {}
    variants = (("all components", {}), ("spaCy's own attribute ruler, lemmatizer", {"cached": False}),
                ("no parser", {"needs": {TAGS, LEMMAS}}), ("no parser, tagger, lemmatizer", {"needs": ()}))
    for label, options in variants:
        nlp = load_pipeline(entity_patterns=patterns, **options)
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=4):
            pass
        rates[label] = words / (time.perf_counter() - start)
    return rates


def rule_costs(texts: list[str]) -> dict[str, float]:
    """Seconds each built-in rule's patterns take to match the parsed texts, each rule on a matcher of its own."""
    from spacy.matcher import Matcher

    from briefer.executors.extractor import Extractor
    from briefer.rules import load_knowledge
    from briefer.rules.treematch import TreeMatcher

    extractor = Extractor.load(load_knowledge())
    docs, compiled = list(extractor.nlp.pipe(texts, batch_size=4)), extractor.rules
    costs: dict[str, float] = defaultdict(float)
    for kind, keys, source in (("token", compiled.token_captures, compiled.token_matcher),
                               ("dependency", compiled.dependency_names, compiled.dependency_matcher)):
        for key in keys:
            if kind == "token":
                matcher = Matcher(docs[0].vocab)
                matcher.add(key, source.get(key)[1], greedy="LONGEST")
            else:
                matcher = TreeMatcher(docs[0].vocab)
                matcher.add(key, source.get(key)[1][0])
            start = time.perf_counter()
            for doc in docs:
                matcher(doc)
            costs[key.split("#", 1)[0]] += time.perf_counter() - start
    for rule, regex in compiled.regexes:
        start = time.perf_counter()
        for doc in docs:
            list(regex.finditer(doc.text))
        costs[rule.id] += time.perf_counter() - start
    return dict(sorted(costs.items(), key=lambda item: -item[1]))


def timed_run(command: list[str]) -> float:
    """Wall seconds of one command in a new process; stop the benchmark if it fails."""
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return time.perf_counter() - start


def peak_rss(folder: Path, *extra: str) -> int:
    """Peak RSS of `briefer extract` over a folder, in a fresh process of its own (the largest of it and its
    worker processes: each worker holds a model of its own)."""
    code = ("import resource, subprocess, sys; "
            "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    command = [sys.executable, "-c", code, str(BRIEFER), "extract", str(folder), "--date", DAY, *extra]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise SystemExit(f"briefer extract {folder} failed:\n{result.stderr[-2000:]}")
    return int(result.stdout.strip()) * 1024


def help_seconds(runs: int = 5) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(BRIEFER), "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return times


def heaviest_imports(count: int = 5) -> list[tuple[str, float]]:
    """The packages `briefer --help` spends most import time in: each module's own time (python -X
    importtime), summed by top-level package."""
    code = "import sys; sys.argv = ['briefer', '--help']; from briefer.cli import main; main()"
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    own: dict[str, float] = defaultdict(float)
    for row in result.stderr.splitlines():
        fields = row.removeprefix("import time:").split("|")
        if not row.startswith("import time:") or len(fields) != 3 or not fields[0].strip().isdigit():
            continue
        own[fields[2].strip().split(".")[0]] += int(fields[0]) / 1e6
    return sorted(own.items(), key=lambda item: -item[1])[:count]


def pdf_per_page(briefing_json: Path) -> tuple[float, int]:
    """Seconds per page to render the briefing's PDF (warm: the second of two renders)."""
    from io import BytesIO

    from pypdf import PdfReader

    from briefer.model import Briefing
    from briefer.render import render_documents

    briefing = Briefing.model_validate_json(briefing_json.read_text(encoding="utf-8"))
    render_documents(briefing, formats=["pdf"])
    start = time.perf_counter()
    pdf = render_documents(briefing, formats=["pdf"])["brief.pdf"]
    seconds = time.perf_counter() - start
    return seconds / len(PdfReader(BytesIO(pdf)).pages), len(PdfReader(BytesIO(pdf)).pages)


def jobs_speedup(corpus: Path, words: int, articles: int, figures: dict[str, float]) -> None:
    """briefer extract with --jobs auto (the default) against one process, on the same corpus."""
    from briefer.executors import jobs_for

    one, one_cpu, _ = briefer_extract(corpus, jobs=1)
    auto, auto_cpu, _ = briefer_extract(corpus, jobs="auto")
    chosen = jobs_for("auto", articles)
    figures["jobs"] = one / auto
    line(f"briefer extract --jobs auto ({chosen} process{'es' if chosen > 1 else ''})", f"{words / auto:,.0f} w/s",
         f"{auto:.1f} s against {one:.1f} s in one process")
    line("CPU seconds, --jobs auto / one process", f"{auto_cpu / one_cpu:.2f}",
         f"{auto_cpu:.0f} / {one_cpu:.0f} s: the cost of the workers (model loads, pickling)")
    line("--jobs auto speed-up", f"{one / auto:.2f}x",
         f"target >= {TARGETS['jobs']}: {verdict(one / auto >= TARGETS['jobs'], articles)}" if chosen > 1
         else f"one process for {articles} articles (auto starts workers above 40)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="articles for throughput and end to end")
    parser.add_argument("--words", type=int, default=700, help="words per generated article (0: whole seeds)")
    parser.add_argument("--repeats", type=int, default=3, help="interleaved passes of bare spaCy and briefer")
    parser.add_argument("--rss-words", type=int, default=100, help="words per article of the RSS runs")
    parser.add_argument("--quick", action="store_true",
                        help="40 articles, 2 passes, no F1 table (too few to judge the 200-article targets)")
    parser.add_argument("--no-gate", action="store_true", help="end to end and memory with --no-gate")
    parser.add_argument("--rule-costs", action="store_true", help="also time each rule's patterns on their own")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="seed articles to build the corpus from")
    parser.add_argument("--parts", default=",".join(PARTS),
                        help=f"which measurements, comma-separated (default all: {','.join(PARTS)})")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    if parts - set(PARTS):
        parser.error(f"--parts: unknown {', '.join(sorted(parts - set(PARTS)))}; known: {', '.join(PARTS)}")
    if args.quick:
        args.articles, args.repeats, args.rss_words = 40, 2, 40
    logging.basicConfig(level=logging.WARNING)
    from briefer.nlp import model_name

    model = model_name()
    figures: dict[str, float] = {}
    gate_flag = ["--no-gate"] if args.no_gate else []
    with tempfile.TemporaryDirectory(prefix="briefer-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        make_corpus(args.articles, corpus, seeds_dir=args.seeds, words=args.words or None)
        texts, words = words_in(corpus)
        print(f"briefer benchmark: {args.articles} articles, {words} words (~{words // args.articles} per article),"
              f" model {model}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start", flush=True)

        if "throughput" in parts:
            print(f"throughput (same texts, one process, {args.repeats} interleaved passes each):")
            throughput(corpus, texts, words, model, args.repeats, args.articles, figures)
        if "gate" in parts:
            print("the gate (built-in rules):")
            gate_shares(texts, "benchmark corpus")
            visible = [p.read_text(encoding="utf-8") for _, folder in SETS.values() if folder.is_dir()
                       for p in sorted(folder.glob("*.txt"))]
            gate_shares(visible, "seeds, dev and dev2")
        if "f1" in parts and not args.quick:
            print("extraction F1 with and without the gate:")
            scores_with_and_without_gate(figures)
        if "jobs" in parts:
            print("--jobs (one run each):")
            jobs_speedup(corpus, words, args.articles, figures)
        if "components" in parts:
            components(texts, model, args.rule_costs)
        if "cli" in parts:
            cli_figures(corpus, args.articles, Path(tmp), gate_flag, figures)
        if "memory" in parts:
            memory(Path(tmp), args.seeds, args.rss_words, gate_flag, figures)
    print(f"load average at end {os.getloadavg()[0]:.1f}")
    print("figures " + json.dumps({k: round(v, 3) for k, v in figures.items()}))


def components(texts: list[str], model: str, rule_costs_too: bool) -> None:
    """Words/s of briefer's pipeline with components on and off, and of spaCy as installed."""
    from briefer.rules import load_knowledge
    from briefer.rules.needs import pipeline_needs

    subset = texts[: max(10, len(texts) // 5)]
    print(f"components (briefer's pipeline, nlp.pipe over {len(subset)} articles):")
    needs = sorted(pipeline_needs(r.rule for r in load_knowledge().ruleset.rules))
    rates = {"bare spaCy as installed (defaults)": spacy_defaults(subset, model), **component_rates(subset)}
    full = rates["all components"]
    for label, rate in rates.items():
        line(label, f"{rate:,.0f} w/s", "" if rate == full else f"{rate / full:.2f}x of all components")
    line("built-in rules need", ", ".join(needs) or "tokens and entities only")
    if rule_costs_too:
        costs = rule_costs(subset)
        print(f"rule matching, each rule on its own matcher over the same {len(subset)} articles (top 10):")
        for rule_id, seconds in list(costs.items())[:10]:
            line(rule_id, f"{seconds:.2f} s", f"{seconds / sum(costs.values()):.0%} of all rules")


def cli_figures(corpus: Path, articles: int, tmp: Path, gate_flag: list[str], figures: dict[str, float]) -> None:
    """`briefer brief` end to end, PDF pages, `briefer --help` and its heaviest imports."""
    print("end to end (CLI, new process):")
    out = tmp / "out"
    seconds = timed_run([str(BRIEFER), "brief", str(corpus), "--out", str(out), "--format", "md,pdf,json",
                         "--date", DAY, "--no-history", *gate_flag])
    figures["end_to_end"] = seconds
    line(f"briefer brief, {articles} articles -> md, pdf", f"{seconds:.1f} s",
         f"--jobs auto; target < {TARGETS['end_to_end']:.0f} s: {verdict(seconds < TARGETS['end_to_end'], articles)}")
    per_page, pages = pdf_per_page(out / "briefing.json")
    figures["pdf_page"] = per_page
    line("PDF render per page (warm)", f"{per_page * 1000:.0f} ms", f"{pages} pages")
    help_times = help_seconds()
    figures["help"] = statistics.median(help_times)
    line("briefer --help (median of 5)", f"{statistics.median(help_times):.2f} s",
         f"max {max(help_times):.2f} s; target < {TARGETS['help']} s on a quiet machine: "
         f"{verdict(statistics.median(help_times) < TARGETS['help'])}")
    line("  heaviest imports of --help", ", ".join(f"{name} {seconds:.2f} s" for name, seconds in heaviest_imports(4)))


def memory(tmp: Path, seeds: Path, words: int, gate_flag: list[str], figures: dict[str, float]) -> None:
    """Peak RSS of `briefer extract` at 200 and 2,000 articles, in worker processes and in one."""
    print(f"memory (briefer extract in its own process, articles of ~{words} words):")
    rss = {}
    for count in (200, 2000):
        folder = tmp / f"rss{count}"
        make_corpus(count, folder, seeds_dir=seeds, words=words)
        for label, extra in (("--jobs auto", ()), ("--jobs 1", ("--jobs", "1"))):
            start = time.perf_counter()
            rss[(count, label)] = peak_rss(folder, *extra, *gate_flag)
            line(f"peak RSS at {count:,} articles, {label}", f"{rss[(count, label)] / 2**20:,.0f} MiB",
                 f"{words_in(folder)[1]:,} words, {time.perf_counter() - start:.0f} s")
    for label in ("--jobs auto", "--jobs 1"):
        ratio = rss[(2000, label)] / rss[(200, label)]
        figures[f"rss {label}"] = ratio
        line(f"RSS 2,000 / 200 articles, {label}", f"{ratio:.2f}x",
             f"target <= {TARGETS['rss']}: {verdict(ratio <= TARGETS['rss'])}")


if __name__ == "__main__":
    main()
