"""Benchmark briefer against bare spaCy, in one run on the same generated texts (`make bench`).

Prints: bare spaCy nlp.pipe words/s with the same model; briefer extract words/s and the ratio;
what disabling unneeded components gains; the --jobs 2 speed-up; 200 articles end to end (extract,
Markdown, PDF); time per PDF page; `briefer --help` wall time; peak RSS at 200 and 2,000 articles.
Timings are wall clock on whatever else the machine is doing: compare figures of one run.
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
BRIEFER = Path(sys.executable).with_name("briefer")
DAY = "2026-11-23"
TARGETS = {"ratio": 0.8, "help": 0.3, "rss": 1.5, "jobs": 1.5, "end_to_end": 60.0}


def words_in(folder: Path) -> tuple[list[str], int]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return texts, sum(len(t.split()) for t in texts)


TARGET_ARTICLES = 200  # the throughput, --jobs and end-to-end targets are for a day's 200 articles or more


def verdict(ok: bool, articles: int = TARGET_ARTICLES) -> str:
    if articles < TARGET_ARTICLES:
        return f"{'ok' if ok else 'under'} (the target is for {TARGET_ARTICLES}+ articles)"
    return "ok" if ok else "MISSED"


def line(label: str, value: str, note: str = "") -> None:
    print(f"  {label:<46} {value:>14}  {note}", flush=True)


def bare_spacy(texts: list[str], model: str, batch_size: int) -> float:
    """Seconds for bare spaCy's nlp.pipe over the texts (model loaded before the clock starts)."""
    import spacy
    from thinc.api import NumpyOps, set_current_ops
    from threadpoolctl import threadpool_limits

    # briefer's ops and BLAS threads: compare the pipelines, not the maths settings (measured apart below)
    set_current_ops(NumpyOps(use_blis=False))
    threadpool_limits(1, user_api="blas")
    nlp = spacy.load(model)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


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


def briefer_extract(folder: Path, jobs: int = 1) -> tuple[float, float, dict[str, float]]:
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
        extract(Settings(sources=[str(folder)], date=DAY, jobs=jobs))
        wall, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    finally:
        probes.restore()
    spent = probes.spent
    # resolve() pulls the facts through parse and extract_facts; the other stages are what is left of the run.
    parts = {"ingest": spent["ingest"], "rules and gazetteers load": spent["rules load"],
             "model load": spent["model load"], "parse (spaCy)": spent["parse"],
             "rule matching": spent["rule matching"],
             "rest of extraction": spent["extract_facts"] - spent["rule matching"],
             "resolution": spent["resolve"] - spent["parse"] - spent["extract_facts"]}
    parts["the rest"] = wall - sum(parts.values())
    return wall, cpu, parts


def spacy_defaults(texts: list[str], model: str) -> float:
    """Words/s of bare spaCy as installed (its own ops, all BLAS threads, default batch), in a new process."""
    code = ("import sys, time, spacy; texts = sys.stdin.read().split('\\x00'); nlp = spacy.load(sys.argv[1]); "
            "start = time.perf_counter(); [None for _ in nlp.pipe(texts)]; print(time.perf_counter() - start)")
    result = subprocess.run([sys.executable, "-c", code, model], input="\x00".join(texts), capture_output=True,
                            text=True, check=True)
    return sum(len(t.split()) for t in texts) / float(result.stdout)


def component_rates(texts: list[str]) -> dict[str, float]:
    """Words/s of briefer's pipeline with everything, without the parser, and without parser and tagger."""
    from briefer.nlp import LEMMAS, TAGS, load_pipeline
    from briefer.rules import load_knowledge

    patterns = load_knowledge().entity_patterns()
    words = sum(len(t.split()) for t in texts)
    rates = {}
    variants = (("all components", None), ("no parser", {TAGS, LEMMAS}), ("no parser, tagger, lemmatizer", ()))
    for label, needs in variants:
        nlp = load_pipeline(entity_patterns=patterns, **({} if needs is None else {"needs": needs}))
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


def peak_rss(folder: Path) -> int:
    """Peak RSS of `briefer extract` over a folder, in a fresh process of its own."""
    code = ("import resource, subprocess, sys; "
            "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    command = [sys.executable, "-c", code, str(BRIEFER), "extract", str(folder), "--date", DAY]
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


def pdf_per_page(briefing_json: Path) -> tuple[float, int]:
    """Seconds per page to render the briefing's PDF (warm: the second of two renders)."""
    from briefer.model import Briefing
    from briefer.render import render_documents

    briefing = Briefing.model_validate_json(briefing_json.read_text(encoding="utf-8"))
    render_documents(briefing, formats=["pdf"])
    start = time.perf_counter()
    pdf = render_documents(briefing, formats=["pdf"])["brief.pdf"]
    seconds = time.perf_counter() - start
    from io import BytesIO

    from pypdf import PdfReader

    pages = len(PdfReader(BytesIO(pdf)).pages)
    return seconds / pages, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="articles for throughput and end to end")
    parser.add_argument("--words", type=int, default=700, help="words per generated article (0: whole seeds)")
    parser.add_argument("--rss-words", type=int, default=100, help="words per article of the RSS runs")
    parser.add_argument("--quick", action="store_true",
                        help="60 articles (too few to judge the 200-article targets); RSS at 200 vs 2,000 of 40 words")
    parser.add_argument("--rule-costs", action="store_true", help="also time each rule's patterns on their own")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="seed articles to build the corpus from")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.rss_words = 60, 40
    logging.basicConfig(level=logging.WARNING)
    from briefer.nlp import BATCH_SIZE, model_name

    model = model_name()
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="briefer-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        make_corpus(args.articles, corpus, seeds_dir=args.seeds, words=args.words or None)
        texts, words = words_in(corpus)
        print(f"briefer benchmark: {args.articles} articles, {words} words (~{words // args.articles} per article),"
              f" model {model}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start", flush=True)

        print("throughput (same texts, one process):")
        bare = bare_spacy(texts, model, BATCH_SIZE)
        one, one_cpu, parts = briefer_extract(corpus)
        load = parts["model load"]
        figures["bare"], figures["briefer"] = words / bare, words / one
        figures["ratio"], figures["ratio_after_load"] = bare / one, bare / (one - load)
        line("bare spaCy nlp.pipe (model loaded)", f"{words / bare:,.0f} w/s",
             f"batch_size {BATCH_SIZE}, NumpyOps, 1 BLAS thread, {bare:.1f} s")
        line("briefer extract, whole stage", f"{words / one:,.0f} w/s",
             f"{one:.1f} s: ingest, model load ({load:.1f} s), parse, rules, resolve")
        line("ratio briefer / bare, whole stage", f"{bare / one:.2f}",
             f"target >= {TARGETS['ratio']}: {verdict(bare / one >= TARGETS['ratio'], args.articles)}")
        line("ratio briefer / bare, after model load", f"{bare / (one - load):.2f}",
             "(both sides without loading the model)")
        for part, seconds in parts.items():
            line(f"  of which {part}", f"{seconds:.1f} s", f"{seconds / parts['parse (spaCy)']:.0%} of parse time")

        two, two_cpu, _ = briefer_extract(corpus, jobs=2)
        figures["jobs"], figures["jobs_cpu"] = one / two, two_cpu / one_cpu
        line("briefer extract --jobs 2", f"{words / two:,.0f} w/s", f"{two:.1f} s")
        line("CPU seconds, --jobs 2 / --jobs 1", f"{two_cpu / one_cpu:.2f}",
             f"{two_cpu:.0f} / {one_cpu:.0f} s: the cost of two workers (model loads, pickling)")
        line("--jobs 2 speed-up", f"{one / two:.2f}x",
             f"target >= {TARGETS['jobs']}: {verdict(one / two >= TARGETS['jobs'], args.articles)}")

        subset = texts[: max(10, len(texts) // 5)]
        print(f"components (briefer's pipeline, nlp.pipe over {len(subset)} articles):")
        from briefer.rules import load_knowledge
        from briefer.rules.needs import pipeline_needs

        needs = sorted(pipeline_needs(r.rule for r in load_knowledge().ruleset.rules))
        rates = {"bare spaCy as installed (defaults)": spacy_defaults(subset, model), **component_rates(subset)}
        full = rates["all components"]
        for label, rate in rates.items():
            line(label, f"{rate:,.0f} w/s", "" if rate == full else f"{rate / full:.2f}x of all components")
        line("built-in rules need", ", ".join(needs) or "tokens and entities only")
        if args.rule_costs:
            costs = rule_costs(subset)
            print(f"rule matching, each rule on its own matcher over the same {len(subset)} articles (top 10):")
            for rule_id, seconds in list(costs.items())[:10]:
                line(rule_id, f"{seconds:.2f} s", f"{seconds / sum(costs.values()):.0%} of all rules")

        print("end to end (CLI, new process):")
        out = Path(tmp) / "out"
        seconds = timed_run([str(BRIEFER), "brief", str(corpus), "--out", str(out), "--format", "md,pdf,json",
                             "--date", DAY, "--no-history"])
        figures["end_to_end"] = seconds
        line(f"briefer brief, {args.articles} articles -> md, pdf", f"{seconds:.1f} s",
             f"target < {TARGETS['end_to_end']:.0f} s: {verdict(seconds < TARGETS['end_to_end'], args.articles)}")
        per_page, pages = pdf_per_page(out / "briefing.json")
        figures["pdf_page"] = per_page
        line("PDF render per page (warm)", f"{per_page * 1000:.0f} ms", f"{pages} pages")
        help_times = help_seconds()
        figures["help"] = statistics.median(help_times)
        line("briefer --help (median of 5)", f"{statistics.median(help_times):.2f} s",
             f"max {max(help_times):.2f} s; target < {TARGETS['help']} s: "
             f"{verdict(statistics.median(help_times) < TARGETS['help'])}")

        print(f"memory (briefer extract in its own process, articles of ~{args.rss_words} words):")
        rss = {}
        for count in (200, 2000):
            folder = Path(tmp) / f"rss{count}"
            make_corpus(count, folder, seeds_dir=args.seeds, words=args.rss_words)
            start = time.perf_counter()
            rss[count] = peak_rss(folder)
            line(f"peak RSS at {count:,} articles", f"{rss[count] / 2**20:,.0f} MiB",
                 f"{words_in(folder)[1]:,} words, {time.perf_counter() - start:.0f} s")
        figures["rss"] = rss[2000] / rss[200]
        line("RSS 2,000 / 200", f"{rss[2000] / rss[200]:.2f}x",
             f"target <= {TARGETS['rss']}: {verdict(rss[2000] / rss[200] <= TARGETS['rss'])}")
    print(f"load average at end {os.getloadavg()[0]:.1f}")
    print("figures " + json.dumps({k: round(v, 3) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
