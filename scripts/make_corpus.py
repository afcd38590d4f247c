"""Make N benchmark articles from the seed articles, each with its own id and title.

Each article is a run of consecutive lines (paragraphs) of one seed (about --words words, starting
at a different line for each copy) under a numbered title line, so ingest keeps every one
(it drops duplicate texts). Usage: python scripts/make_corpus.py N OUT_DIR [--seeds DIR] [--words W]
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of a text: the seeds put one paragraph or heading on a line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def article_text(seed: list[str], number: int, start: int, words: int | None) -> str:
    """Paragraphs of a seed from `start` on (wrapping), until about `words` words; all of them when None.

    Paragraphs are joined by a blank line, as most articles separate them.
    """
    if words is None:
        chosen = seed[start:] + seed[:start]
    else:
        chosen, count = [], 0
        for i in range(len(seed)):
            paragraph = seed[(start + i) % len(seed)]
            chosen.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
    return f"Negotiations report {number:05d}\n\n" + "\n\n".join(chosen) + "\n"


def make_corpus(count: int, out_dir: Path, *, seeds_dir: Path = ROOT / "seeds", words: int | None = 700) -> list[Path]:
    """Write `count` articles into `out_dir`; return their paths."""
    seeds = [paragraphs(p.read_text(encoding="utf-8")) for p in sorted(seeds_dir.glob("*.txt"))]
    if not seeds:
        raise SystemExit(f"no .txt seed articles in {seeds_dir}")
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        seed = seeds[number % len(seeds)]
        start = (number // len(seeds) * 7) % len(seed)  # each copy of a seed starts further in
        path = out_dir / f"bench_{number:05d}.txt"
        path.write_text(article_text(seed, number, start, words), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--words", type=int, default=700, help="words per article (0: whole seeds)")
    args = parser.parse_args()
    paths = make_corpus(args.count, args.out_dir, seeds_dir=args.seeds, words=args.words or None)
    total = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} articles, {total} words in {args.out_dir}")


if __name__ == "__main__":
    main()
