"""Score the executive bottom line against a desk officer's reference of a morning (scripts/mornings/*.yml).

Usage: .venv/bin/python scripts/bottom_line_score.py [MORNING.yml ...] [--show]

For each morning: briefs its articles (from ../shared, never copied here, or the project's seeds/) for the executive
audience, then reports
- the weighted recall of the reference's facts in the bottom line (the Pyramid method: a fact is
  carried when the bottom line holds one spelling of each of its term groups, all in one sentence
  when there are two or more groups; case and accents folded), and
- the B-cubed precision, recall and F1 of the articles' assignment to tracks (an article may sit in
  several tracks: the extended B-cubed of Amigó et al. 2009), from briefing.json's `talks[].sources`;
  a briefing without tracks puts every article in one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import unicodedata
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MORNINGS = sorted((ROOT / "scripts" / "mornings").glob("*.yml"))
_CITATION = re.compile(r"\s*\[\[\d+\]\]\(#src-\d+\)|<a [^>]*>|</a>|\[\d+(?:[,–-]\s*\d+)*\]")
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+|\n+")


def fold(text: str) -> str:
    """Lower case, accents and punctuation other than hyphens dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("–", "-")
    return " ".join(re.sub(r"[^\w\s-]", " ", text).split())


def holds(text: str, term: str) -> bool:
    """Whether folded `text` holds folded `term` as whole words."""
    return re.search(rf"(?<!\w){re.escape(fold(term))}(?!\w)", text) is not None


def bottom_line(markdown: str) -> str:
    """The text of the brief's Bottom line section, citations removed."""
    found = re.search(r"^## Bottom line\s*$(.*?)(?=^## |\Z)", markdown, re.MULTILINE | re.DOTALL)
    return _CITATION.sub("", found.group(1)).strip() if found else ""


def carried(fact: dict, sentences: list[str], whole: str) -> bool:
    """A fact is carried when one sentence (or, for one term group, the whole text) holds all its groups."""
    groups = fact["needs"]
    if len(groups) == 1:
        return any(holds(whole, term) for term in groups[0])
    return any(all(any(holds(s, term) for term in group) for group in groups) for s in sentences)


def fact_recall(facts: list[dict], text: str) -> tuple[float, list[dict]]:
    """Weighted recall and the facts missed."""
    sentences = [fold(s) for s in _SENTENCE_END.split(text) if s.strip()]
    whole = fold(text)
    missed = [f for f in facts if not carried(f, sentences, whole)]
    total = sum(f["weight"] for f in facts)
    return (total - sum(f["weight"] for f in missed)) / total, missed


def bcubed(reference: dict[str, set[str]], system: dict[str, set[str]]) -> tuple[float, float, float]:
    """Extended B-cubed precision, recall and F1 for overlapping clusterings of the same items."""
    items = list(reference)

    def score(a: dict[str, set[str]], b: dict[str, set[str]]) -> float:
        total = 0.0
        for e in items:
            sharing = [e2 for e2 in items if a[e] & a[e2]]
            total += sum(min(len(a[e] & a[e2]), len(b[e] & b[e2])) / len(a[e] & a[e2]) for e2 in sharing) / len(sharing)
        return total / len(items)

    precision, recall = score(system, reference), score(reference, system)
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def system_tracks(briefing: dict, ids: dict[str, str]) -> dict[str, set[str]]:
    """Article path -> the tracks the briefing puts it in (every article in one when there are none)."""
    tracks = briefing.get("talks")
    if tracks is None:
        return {path: {"all"} for path in ids}
    member = {path: {t["id"] for t in tracks if ids[path] in t.get("sources", [])} for path in ids}
    return {path: found or {f"alone:{path}"} for path, found in member.items()}


def article_path(article: str) -> Path:
    """An article of the project's own (seeds/) or of ../shared."""
    return ROOT / article if (ROOT / article).is_file() else SHARED / article


def score_morning(path: Path, show: bool) -> dict:
    """Brief one morning and score it."""
    from briefer.pipeline import Settings, extract, render

    reference = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    articles = {article: set(tracks) for article, tracks in reference["articles"].items()}
    files = [str(article_path(article)) for article in articles]
    with tempfile.TemporaryDirectory(prefix="briefer-morning-") as out:
        settings = Settings(sources=files, out_dir=Path(out), formats=("md", "json"), audience="executive",
                            date=str(reference["date"]), title=reference["title"])
        extraction = extract(settings)
        documents = render(extraction, settings)
    markdown = documents["brief.md"].decode("utf-8")
    briefing = json.loads(documents["briefing.json"])
    ids = {article: Path(article).stem for article in articles}
    text = bottom_line(markdown)
    recall, missed = fact_recall(reference["facts"], text)
    precision_b, recall_b, f1_b = bcubed(articles, system_tracks(briefing, ids))
    if show:
        print(f"--- {reference['name']}: bottom line\n{text}\n")
        for fact in missed:
            print(f"MISSED ({fact['weight']}) [{fact['track']}] {fact['fact']}")
    return {"morning": reference["name"], "fact_recall": recall, "bcubed": (precision_b, recall_b, f1_b),
            "words": len(text.split())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mornings", nargs="*", type=Path, default=MORNINGS)
    parser.add_argument("--show", action="store_true", help="print each bottom line and the facts it misses")
    args = parser.parse_args()
    for path in args.mornings:
        result = score_morning(path, args.show)
        p, r, f = result["bcubed"]
        print(f"{result['morning']:10} fact recall {result['fact_recall']:.2f}  tracks B-cubed P {p:.2f} R {r:.2f} "
              f"F1 {f:.2f}  ({result['words']} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
