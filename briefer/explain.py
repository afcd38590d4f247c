"""Why a fact came out: the rule behind it, the sentence and span it matched, its captures, and what was dropped."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefer.errors import UsageError
from briefer.model import Article, Fact, InputFailure
from briefer.pipeline import Settings, read_articles
from briefer.rules import Knowledge, load_knowledge
from briefer.rules.loader import LoadedRule
from briefer.rules.schema import did_you_mean
from briefer.sections import BY_NAME

if TYPE_CHECKING:
    from briefer.rules.compiler import RuleMatch


@dataclass(frozen=True)
class Capture:
    """A named capture: its text and character offsets into the firing's text."""

    name: str
    text: str
    start: int
    end: int


@dataclass
class Firing:
    """One place a rule fired, and what came of it: facts, or the reason there were none."""

    rule: LoadedRule
    text: str  # the sentence, widened to hold the whole match; line breaks as spaces
    start: int  # the match, as character offsets into `text`
    end: int
    captures: list[Capture]
    facts: list[dict[str, Any]] = field(default_factory=list)
    dropped_by: str | None = None  # the `unless` check that held
    reason: str = ""  # why no fact came out


@dataclass
class ArticleExplanation:
    """The firings in one article, in the order the matchers found them."""

    article: Article
    firings: list[Firing] = field(default_factory=list)


@dataclass
class Explanation:
    """Every article's firings and the inputs that could not be read."""

    articles: list[ArticleExplanation]
    failures: list[InputFailure]


def _no_fact_reason(match: RuleMatch, emitted: list[dict[str, Any]]) -> str:
    """Why a match that no check dropped gave no fact."""
    rule = match.rule
    if not emitted:
        lacking = sorted(set(rule.captures_used()) - set(match.captures))
        if lacking:
            return f"capture '@{lacking[0]}' is not in this match"
        return "a list view gave no items"
    for fields in emitted:
        for required in BY_NAME[rule.section].required:
            options = required.split("|")  # "a|b": either will do
            if any(fields.get(name) for name in options):
                continue
            what = (f"required field '{options[0]}' is empty" if len(options) == 1
                    else f"required fields are empty: one of {', '.join(options)} is needed")
            specs = [str(rule.emit[name]) for name in options if name in rule.emit]
            return what + (f" ({', '.join(specs)} gave nothing)" if specs else " (not emitted)")
    return "repeats a fact this rule already gave in this sentence"


def _firing(loaded: LoadedRule, match: RuleMatch, dropped_by: str | None, emitted: list, facts: list[Fact]) -> Firing:
    sentence, span = match.sentence, match.span
    begin, finish = min(sentence.start_char, span.start_char), max(sentence.end_char, span.end_char)
    text = sentence.doc.text[begin:finish].replace("\n", " ")
    text = text[: max(len(text.rstrip()), span.end_char - begin)]
    captures = [Capture(name, found.text, found.start_char - begin, found.end_char - begin)
                for name, found in match.captures.items()]
    firing = Firing(loaded, text, span.start_char - begin, span.end_char - begin, captures, dropped_by=dropped_by)
    firing.facts = [{k: v for k, v in fact.fields.items() if k != "priority"} for fact in facts]
    if dropped_by:
        firing.reason = f"dropped by the `unless` check '{dropped_by}'"
    elif not facts:
        firing.reason = _no_fact_reason(match, emitted)
    return firing


def _chosen_rule(knowledge: Knowledge, rule_id: str | None) -> None:
    """Refuse an unknown or switched-off --rule before any article is parsed."""
    if rule_id is None or any(loaded.rule.id == rule_id for loaded in knowledge.ruleset.rules):
        return
    off = next((loaded for loaded in knowledge.ruleset.disabled if loaded.rule.id == rule_id), None)
    if off is not None:
        raise UsageError(f"--rule {rule_id}: the rule is switched off (enabled: false in {off.path}:{off.line})")
    ids = [loaded.rule.id for loaded in knowledge.ruleset.rules]
    raise UsageError(f"--rule {rule_id}: no such rule{did_you_mean(rule_id, ids)} (see `briefer rules list`)")


def explain(settings: Settings, rule_id: str | None = None) -> Explanation:
    """Run the rules over the sources: every fact with its firing, or with `rule_id` every firing of that rule."""
    from briefer.executors.extractor import Extractor
    from briefer.extract import extract_facts
    from briefer.nlp import parse

    knowledge = load_knowledge(settings.all_rules_dirs)
    knowledge.ruleset.raise_on_problems()
    _chosen_rule(knowledge, rule_id)
    articles, failures = read_articles(settings)
    extractor = Extractor.load(knowledge, settings.model or settings.config.model)
    by_id = {loaded.rule.id: loaded for loaded in knowledge.ruleset.rules}
    explained = []
    for doc, article in parse(extractor.nlp, articles):
        found = ArticleExplanation(article)

        def heard(match: RuleMatch, dropped_by: str | None, emitted: list, facts: list[Fact], found=found) -> None:
            if (rule_id is None and facts) or match.rule.id == rule_id:
                found.firings.append(_firing(by_id[match.rule.id], match, dropped_by, emitted, facts))

        extract_facts(doc, article, extractor.rules, extractor.lexicon, on_match=heard)
        explained.append(found)
    return Explanation(explained, failures)
