"""Trigger-gated parsing: triggers derived from the rules never miss a match, and the briefing is the same with
and without the gate (with fewer rules on the sets scored, and from the CLI; the built-in rules on the sets scored
are in test_scores.py, each rule's examples in test_rule_examples.py, beside the ungated runs they compare with); a
rule without a derivable anchor makes the gate parse everything."""

from __future__ import annotations

import bisect
from pathlib import Path

import pytest
from conftest import SETS, SHARED
from in_process import briefer
from ruamel.yaml import YAML

from briefer.executors.extractor import Extractor
from briefer.extract import extract_facts
from briefer.extract.gate import Gate, triggers_of
from briefer.model import Article
from briefer.nlp import parse
from briefer.nlp.pieces import rough_sentences
from briefer.rules import load_knowledge
from briefer.rules.compiler import compile_rules
from briefer.rules.triggers import LemmaForms, anchor, derive_triggers
from briefer.rules.vocabulary import CHECKS

DAY = "2026-11-23"
TOLERANCE = 0.005  # issue 13: F1 may not move by more than this in any section


def always_cutting(compiled, nlp) -> Gate:
    """A gate that cuts a Doc whenever it can leave anything out and never stands aside (the default gate
    stands aside when the rules use nearly every sentence)."""
    gate = Gate.derive(compiled, nlp, min_skip=0.0, trial_tokens=None)
    assert gate is not None
    return gate


@pytest.fixture(scope="module")
def builtin(knowledge, nlp):
    """The built-in rules, compiled."""
    compiled = knowledge.compile(nlp.vocab)
    assert len(compiled.rules) > 40
    return compiled


def test_every_builtin_rule_has_an_anchor(builtin, nlp):
    """A rule that looks only at the parse ("“...,” X quipped": any verb right after a quotation) is anchored by
    the token its checks need (the quotation's closing mark), so the built-in rules can be gated."""
    assert "positions.quote-then-verb" in derive_triggers(builtin, nlp).underivable  # its patterns alone
    assert triggers_of(builtin, nlp).underivable == ()
    assert Gate.derive(builtin, nlp) is not None


def test_a_check_anchor_holds_in_the_sentence_after_the_quotation_too(knowledge, nlp):
    """`not_after_quote` needs a closing quotation mark right before the speaker; rough bounds may put it in the
    sentence before ("“Enough!,” he snapped"), so that sentence's successor is chosen as well."""
    loaded = next(item for item in knowledge.ruleset.rules if item.rule.id == "positions.quote-then-verb")
    compiled, _ = compile_rules([loaded], nlp.vocab, knowledge.gazetteers)
    triggers = triggers_of(compiled, nlp)
    text = "Farmers planted wheat. “Enough!,” the envoy snapped. Markets opened higher. Prices fell."
    doc = nlp.make_doc(text)
    bounds = rough_sentences(doc)
    chosen = {doc[start:end].text.strip() for start, end in triggers.spans(doc, bounds, text)}
    assert chosen == {"Enough!,”", "the envoy snapped."}  # the opening mark stays with the sentence before


def test_lemma_tests_become_the_words_that_may_have_the_lemma(nlp):
    forms = LemmaForms.of(nlp)
    words, _ = forms.words_for({"say"})
    assert {"say", "says", "said", "saying"} <= words
    words, patterns = forms.words_for({"be"})
    assert {"be", "is", "was", "were", "are", "being", "been"} <= words
    assert patterns  # the attribute ruler gives "n't" in "ain't" the lemma "be"


@pytest.mark.parametrize(("token", "holds"), [
    ({"LEMMA": {"IN": ["meet"]}, "POS": "VERB"}, ["met", "meeting", "meets", "Meet"]),
    ({"LOWER": {"IN": ["talks", "negotiations"]}, "DEP": "pobj"}, ["talks"]),
    ({"TEXT": "?"}, ["?"]),
])
def test_an_anchor_keeps_what_the_tokenizer_tells(nlp, token, holds):
    from spacy.matcher import Matcher

    alternatives = anchor(token, LemmaForms.of(nlp))
    matcher = Matcher(nlp.vocab)
    matcher.add("anchor", [[alternative] for alternative in alternatives])
    for word in holds:
        assert matcher(nlp.make_doc(word)), word
    assert not matcher(nlp.make_doc("weather"))


@pytest.mark.parametrize("token", [
    {"POS": "PROPN", "OP": "+"},  # only the tagger can tell
    {"DEP": "nsubj", "ENT_TYPE": "PERSON"},  # only the parser and the entity recogniser can tell
    {"LOWER": {"NOT_IN": ["the"]}},  # picks no word out
    {"LOWER": "minister", "OP": "?"},  # need not be there
])
def test_a_token_that_says_nothing_about_where_is_no_anchor(nlp, token):
    assert anchor(token, LemmaForms.of(nlp)) is None


def _visible_articles() -> list[Article]:
    from briefer.ingest import read_sources

    folders = [str(folder) for _gold, folder in SETS.values() if folder.is_dir()]
    return read_sources(folders).articles


def test_triggers_hold_every_match_of_the_builtin_rules(nlp, builtin, knowledge):
    """Every token of every match (and of its captures) on the fully parsed visible articles lies in a sentence
    the triggers chose before parsing, unless a check that needs a token drops the match."""
    compiled = builtin
    triggers = triggers_of(compiled, nlp)
    assert not triggers.underivable
    missed, matches = [], 0
    for doc, article in parse(nlp, _visible_articles()):
        tokens = nlp.make_doc(article.text)
        bounds = rough_sentences(tokens)
        starts = [start for start, _ in bounds]
        chosen = set()
        for start, end in triggers.spans(tokens, bounds, article.text):
            chosen.update(range(bisect.bisect_right(starts, start) - 1, bisect.bisect_left(starts, end)))

        def check(match, *_, starts=starts, chosen=chosen):
            nonlocal matches
            if any(CHECKS[name](match, knowledge.lexicon) for name in match.rule.unless
                   if CHECKS.entries()[name].needs_token):
                return  # the check's own token is what anchors the rule
            matches += 1
            spans = [match.span, *match.captures.values()]
            held = {bisect.bisect_right(starts, i) - 1 for span in spans for i in (span.start, span.end - 1)}
            if not held <= chosen:
                missed.append((match.rule.id, match.sentence.text))

        extract_facts(doc, article, compiled, knowledge.lexicon, on_match=check)
    assert matches > 1000
    assert not missed, missed[:5]


def f1_of(evaluation) -> dict[str, float]:
    return {section: counts.scores[2] for section, counts in evaluation.sections.items()}


def _switched_off(knowledge, sections: set[str], folder: Path) -> Path:
    """A rule folder that switches off every built-in rule of these sections."""
    rules = [{"id": loaded.rule.id, "enabled": False} for loaded in knowledge.ruleset.rules
             if loaded.rule.section in sections]
    with (folder / "off.yml").open("w") as handle:
        YAML().dump({"version": 1, "rules": rules}, handle)
    return folder


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared is not here")
def test_fewer_rules_parse_fewer_sentences_and_score_the_same(nlp, knowledge, tmp_path):
    """With the positions and delegations rules off, the gate leaves a fifth of the words out; venues and open
    questions score as they do with every sentence parsed."""
    from briefer.evaluate import load_gold, score_articles
    from briefer.ingest import read_sources

    narrow = load_knowledge([_switched_off(knowledge, {"positions", "delegations"}, tmp_path)])
    compiled = narrow.compile(nlp.vocab)
    gate = always_cutting(compiled, nlp)
    whole, gated = Extractor(nlp, compiled, narrow.lexicon), Extractor(nlp, compiled, narrow.lexicon, gate)
    for name, (gold_dir, folder) in SETS.items():
        if not folder.is_dir():
            continue
        articles, gold = read_sources([str(folder)]).articles, load_gold(gold_dir)
        expected = f1_of(score_articles(gold, articles, whole, narrow.lexicon))
        got = f1_of(score_articles(gold, articles, gated, narrow.lexicon))
        for section in ("venues", "open_questions"):
            assert abs(expected[section] - got[section]) <= TOLERANCE, (name, section, expected, got)
    assert gate.counts.tokens_parsed < 0.85 * gate.counts.tokens


def test_cut_doc_keeps_its_text_and_parses_only_the_planned_sentences(nlp, knowledge, tmp_path):
    narrow = load_knowledge([_switched_off(knowledge, {"positions", "delegations", "venues"}, tmp_path)])
    gate = always_cutting(narrow.compile(nlp.vocab), nlp)
    text = ("Ceasefire talks\n\nThe weather was mild in the capital on Monday. Markets opened higher.\n\n"
            "Will the truce hold until the spring? Nobody knows yet.\n\nFarmers planted wheat.")
    doc, _ = next(parse(nlp, [Article(id="a", text=text)], plan=gate.plan))
    assert doc.text == text
    parsed = {s.text.strip() for s in doc.sents if any(t.dep_ for t in s)}
    assert "Will the truce hold until the spring?" in parsed
    assert "Farmers planted wheat." not in parsed and "Markets opened higher." in parsed  # the sentence before
    assert [s.text.strip() for s in doc.sents if s.text.strip()][-1] == "Farmers planted wheat."


def test_rule_without_derivable_anchor_makes_the_gate_parse_everything(tmp_path, knowledge, nlp):
    rule = {"id": "test.name-then-verb", "description": "a name, then a verb: no word to look for",
            "section": "open_questions", "kind": "token",
            "patterns": [[{"POS": "PROPN", "CAPTURE": "who"}, {"POS": "VERB"}]], "emit": {"text": "$sentence"},
            "examples": [{"text": "Lavrov spoke.", "expect": [{"text": "Lavrov spoke."}]},
                         {"text": "The talks ended.", "expect": []}]}
    with (tmp_path / "user.yml").open("w") as handle:
        YAML().dump({"version": 1, "rules": [rule]}, handle)
    extended = load_knowledge([tmp_path])
    assert Gate.derive(extended.compile(nlp.vocab), nlp) is None
    assert Extractor.load(extended, gated=True).gate is None
    result = briefer("-v", "extract", "seeds/", "--date", DAY, "--rules", str(tmp_path), "--format", "table")
    assert result.returncode == 0, result.stderr
    assert "parsing every sentence: no trigger can be derived for rule(s) test.name-then-verb" in result.stderr


def _items(briefing_json: str) -> dict[str, list[str]]:
    """What a briefing says, without the evidence behind it (a sentence parsed without its neighbours may add
    or lose a piece of evidence for an item found anyway)."""
    from briefer.model import Briefing

    briefing = Briefing.model_validate_json(briefing_json)
    return {"venues": sorted(v.name for v in briefing.venues),
            "open_questions": sorted(q.text for q in briefing.open_questions)}


def test_no_gate_flag_gives_the_same_briefing(tmp_path, knowledge):
    """`--no-gate` parses every sentence; with rules that leave sentences out, the gate does (the log says how
    many words it parsed) and the briefing says the same."""
    rules = _switched_off(knowledge, {"positions", "delegations"}, tmp_path)
    gated = briefer("-v", "extract", "seeds/", "--date", DAY, "--rules", str(rules))
    whole = briefer("-v", "extract", "seeds/", "--date", DAY, "--rules", str(rules), "--no-gate")
    assert gated.returncode == 0 and whole.returncode == 0, gated.stderr + whole.stderr
    assert _items(gated.stdout) == _items(whole.stdout)
    assert _items(whole.stdout)["venues"] and _items(whole.stdout)["open_questions"]
    assert "the gate parsed" in gated.stderr and "the gate parsed" not in whole.stderr
