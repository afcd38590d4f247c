"""Count what `briefer brief --check` finds on the seeds and both development sets, one brief per set.

Usage: .venv/bin/python scripts/check_counts.py [seeds|dev|dev2|all] [--audience NAME] [-v]
Runs the pipeline's own check (briefer.pipeline.check) on each set's whole brief; -v lists every problem.
Reads articles from ../shared (never copied here).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SETS = {"seeds": ROOT / "seeds", "dev": SHARED / "dev" / "articles", "dev2": SHARED / "dev2" / "articles"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("which", nargs="?", default="all", choices=[*SETS, "all"])
    ap.add_argument("--audience", default="analyst")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    from briefer.pipeline import Settings, check, extract

    for name in list(SETS) if args.which == "all" else [args.which]:
        settings = Settings(sources=[str(SETS[name])], audience=args.audience, date="2026-11-23", check=True)
        checks = check(extract(settings), settings)
        counts = Counter(found.check for found in checks)
        print(f"{name}: {len(checks)} problem(s) " + ", ".join(f"{code} {n}" for code, n in sorted(counts.items())))
        if args.verbose:
            for found in checks:
                where = f"{found.section}[{found.index}]" if found.index is not None else found.section
                print(f"  {found.check:20} {where:18} {found.item[:80]}: {found.message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
