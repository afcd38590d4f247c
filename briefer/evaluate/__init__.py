"""`briefer eval`: extract each article alone, with one loaded pipeline, and score it against its gold file.

The matching is the shared gold scorer's (see `matching`), so the numbers equal what score.py reports
for `briefer extract --format json` run on each article. Beside the sections it tells each rule's
precision: a prediction counts for every rule in its evidence, and as correct when it pairs with a gold item.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer.errors import NoInputError
from briefer.evaluate.matching import SECTIONS, DocScore, fold, prf, score_doc
from briefer.model import Article, InputFailure
from briefer.pipeline import Settings, read_articles

if TYPE_CHECKING:
    from briefer.executors.extractor import Extractor
    from briefer.rules import Lexicon

log = logging.getLogger(__name__)

# Each scored section reads its predictions from this briefing section.
BRIEFING_SECTION = {
    "delegation_people": "delegations", "delegation_leaders": "delegations", "venues": "venues",
    "positions": "positions", "open_questions": "open_questions",
}


@dataclass
class Counts:
    """Recall and precision counts of one section, summed over articles."""

    tp_recall: int = 0
    gold: int = 0
    tp_precision: int = 0
    pred: int = 0

    @property
    def scores(self) -> tuple[float, float, float]:
        """Precision, recall, F1."""
        return prf(self.tp_recall, self.gold, self.tp_precision, self.pred)


@dataclass
class RuleCounts:
    """How many predictions a rule took part in, and how many of them matched gold."""

    predictions: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        """Share of its predictions that matched gold."""
        return self.correct / self.predictions if self.predictions else 0.0


@dataclass
class Miss:
    """A required gold item no prediction found, or a prediction no gold item took."""

    article: str
    section: str
    kind: str  # "missed" or "spurious"
    text: str


@dataclass
class Evaluation:
    """Scores over every article that has a gold file."""

    sections: dict[str, Counts] = field(default_factory=lambda: {s: Counts() for s in SECTIONS})
    roles_right: int = 0
    roles_compared: int = 0
    rules: dict[tuple[str, str], RuleCounts] = field(default_factory=dict)  # (section, rule id)
    misses: list[Miss] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    without_gold: list[str] = field(default_factory=list)
    gold_without_article: list[str] = field(default_factory=list)
    failures: list[InputFailure] = field(default_factory=list)
    predictions: dict[str, dict[str, Any]] = field(default_factory=dict)  # by gold stem: the scored sections

    @property
    def role_accuracy(self) -> float | None:
        """Share of member roles right, among the people both sides agree on."""
        return self.roles_right / self.roles_compared if self.roles_compared else None

    def add(self, article: str, scored: DocScore, prediction: dict[str, Any]) -> None:
        """Add one article's scores, misses and rule counts."""
        self.articles.append(article)
        self.predictions[article] = prediction
        self.roles_right += scored.roles[0]
        self.roles_compared += scored.roles[1]
        for section, result in scored.sections.items():
            counts = self.sections[section]
            counts.tp_recall += result.tp_recall
            counts.gold += result.gold
            counts.tp_precision += result.tp_precision
            counts.pred += result.pred
            self.misses += [Miss(article, section, "missed", text) for text in result.missed]
            self.misses += [Miss(article, section, "spurious", text) for text in result.spurious]
            if section == "delegation_leaders":  # its people are counted under delegation_people
                continue
            for index, item in enumerate(result.pred_items):
                for rule in _rules_of(section, item, prediction):
                    counts_of_rule = self.rules.setdefault((section, rule), RuleCounts())
                    counts_of_rule.predictions += 1
                    counts_of_rule.correct += index in result.matched


def _rules_of(section: str, item: dict[str, Any], prediction: dict[str, Any]) -> list[str]:
    """The rules behind one scored prediction (for a delegation member: the evidence that names them)."""
    if section != "delegation_people":
        evidence = item.get("evidence") or []
    else:
        delegation = prediction["delegations"][item["delegation"]]
        evidence = delegation.get("evidence") or []
        surname = fold(item["name"]).split()[-1:] or [""]
        naming = [e for e in evidence if surname[0] and surname[0] in fold(e.get("sentence", "")).split()]
        evidence = naming or evidence
    return sorted({e["rule"] for e in evidence if e.get("rule")})


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """Every gold file of a folder (`<article stem>.json`), by stem."""
    if not gold_dir.is_dir():
        raise NoInputError(f"gold folder '{gold_dir}' does not exist or is not a folder")
    gold = {}
    for path in sorted(gold_dir.glob("*.json")):
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise NoInputError(f"gold file '{path}': cannot be read as JSON ({exc})") from exc
        if not isinstance(loaded, dict):
            raise NoInputError(f"gold file '{path}': expected a JSON object, found {type(loaded).__name__}")
        gold[path.stem] = loaded
    if not gold:
        raise NoInputError(f"gold folder '{gold_dir}' holds no .json gold file")
    return gold


def _gold_key(article: Article, gold: dict[str, dict[str, Any]]) -> str | None:
    """The gold file an article is scored against: the one named after its file, else after its id."""
    for key in (Path(article.path).stem if article.path else "", article.id):
        if key and key in gold:
            return key
    return None


def score_articles(gold: dict[str, dict[str, Any]], articles: list[Article], extractor: Extractor,
                   lexicon: Lexicon) -> Evaluation:
    """Extract every article alone with a loaded extractor and score those that have a gold file."""
    from briefer.resolve import resolve

    evaluation = Evaluation()
    scored = [a for a in articles if _gold_key(a, gold)]
    evaluation.without_gold = [a.path or a.id for a in articles if not _gold_key(a, gold)]
    keys = [_gold_key(a, gold) for a in scored]
    evaluation.gold_without_article = sorted(set(gold) - set(keys))
    for key, facts in zip(keys, extractor.facts(scored), strict=True):
        resolved = resolve([facts], lexicon)
        prediction = {section: [item.model_dump(mode="json") for item in getattr(resolved, section)]
                      for section in set(BRIEFING_SECTION.values())}
        evaluation.add(key, score_doc(gold[key], prediction), prediction)
        log.info("scored %s", key)
    return evaluation


def evaluate(gold_dir: Path, settings: Settings) -> Evaluation:
    """Read the gold files and the sources, load the pipeline once, and score every article that has gold."""
    from briefer.executors.extractor import Extractor
    from briefer.rules import load_knowledge

    gold = load_gold(gold_dir)
    knowledge = load_knowledge(settings.all_rules_dirs)
    knowledge.ruleset.raise_on_problems()
    articles, failures = read_articles(settings)
    if not any(_gold_key(a, gold) for a in articles):
        raise NoInputError(f"no article has a gold file in '{gold_dir}' (gold files are named <article stem>.json)")
    extractor = Extractor.load(knowledge, settings.model or settings.config.model)
    evaluation = score_articles(gold, articles, extractor, knowledge.lexicon)
    evaluation.failures = failures
    return evaluation


__all__ = ["Evaluation", "evaluate", "load_gold", "score_articles"]
