"""Score the rules on the seeds and both development sets in one process (for rule authors).

Usage: .venv/bin/python scripts/dev_score.py [seeds|dev|dev2|all] [--show-misses] [--section NAME] [--doc STEM]
       .venv/bin/python scripts/dev_score.py --set NAME=DIR   (a further set kept outside the project:
                                                              DIR/articles/*.txt and DIR/gold/*.json)
Uses ../shared/gold/score.py's own matching; reads articles from ../shared (never copied here).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SETS = {
    "seeds": (SHARED / "gold", ROOT / "seeds"),
    "dev": (SHARED / "dev" / "gold", SHARED / "dev" / "articles"),
    "dev2": (SHARED / "dev2" / "gold", SHARED / "dev2" / "articles"),
}


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "gold" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("which", nargs="?", default="all", choices=[*SETS, "all", "none"])
    ap.add_argument("--set", action="append", default=[], metavar="NAME=DIR",
                    help="also score DIR/articles against DIR/gold under NAME (repeatable; 'none' skips the sets "
                         "above)")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--section")
    ap.add_argument("--doc", help="only the articles whose stem starts with this")
    args = ap.parse_args()
    score = load_scorer()
    from briefer.pipeline import Settings, extract

    sets = dict(SETS) if args.which == "all" else {} if args.which == "none" else {args.which: SETS[args.which]}
    for extra in args.set:
        name, _, folder = extra.partition("=")
        if not folder or not Path(folder, "gold").is_dir():
            ap.error(f"--set {extra}: expected NAME=DIR with DIR/gold/*.json and DIR/articles/*.txt")
        sets[name] = (Path(folder, "gold"), Path(folder, "articles"))
    for name, (gold_dir, article_dir) in sets.items():
        totals, roles = {}, [0, 0]
        for gold_file in sorted(gold_dir.glob("*.json")):
            if args.doc and not gold_file.stem.startswith(args.doc):
                continue
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            article = article_dir / f"{gold_file.stem}.txt"
            pred = json.loads(extract(Settings(sources=[str(article)])).briefing.model_dump_json())
            sections, doc_roles = score.score_doc(gold, pred)
            roles[0] += doc_roles[0]
            roles[1] += doc_roles[1]
            for section, r in sections.items():
                t = totals.setdefault(section, [0, 0, 0, 0])
                t[0] += r["tp_recall"]; t[1] += r["gold"]; t[2] += r["tp_precision"]; t[3] += r["pred"]
                if args.show_misses and (not args.section or args.section == section):
                    for x in r["missed"]:
                        print(f"MISSED   {gold_file.stem[:12]} {section}: {x}")
                    for x in r["spurious"]:
                        print(f"SPURIOUS {gold_file.stem[:12]} {section}: {x}")
        print(f"== {name}")
        print(f'{"section":<20} {"P":>6} {"R":>6} {"F1":>6} {"gold":>5} {"pred":>5}')
        for section, t in totals.items():
            p, r, f = score.prf(*t)
            print(f"{section:<20} {p:6.2f} {r:6.2f} {f:6.2f} {t[1]:5d} {t[3]:5d}")
        print(f"member roles right {roles[0]}/{roles[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
