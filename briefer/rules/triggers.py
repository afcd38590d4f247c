"""Where in a text the active rules can match before it is parsed: triggers derived from the compiled rules.

A token or dependency pattern can only match in a sentence that holds a token for each of its anchors: the pattern
tokens (dependency nodes) that must be there, relaxed to what the tokenizer alone gives. Tests of the parse, the
tagger or the entity recogniser are dropped, and a lemma test becomes a test of the words the model's lemmatizer
could give that lemma (read backwards from its tables), so a relaxed anchor holds wherever the real token can. A
rule's `unless` checks may add anchors of their own: a check that drops every match unless some token stands in
the match's sentence or the one before (a quotation's closing mark before the speaker) names it, and a sentence
that holds it or follows one holds that anchor. A pattern that runs on past a sentence start ("... in principle.
But") finds the anchors of its later tokens in the next sentence, and both sentences go. Phrase and regex rules
need nothing but tokens and text: they run as they are. A pattern with no anchor left (only parse or entity
tests, or only "not these words", and no check that needs a token) cannot be gated: the rules that hold one are
`underivable`, and the gate then parses everything.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefer.rules.compiler import CompiledRules
from briefer.rules.literals import ScreenedRegex
from briefer.rules.patterns import MANDATORY_OPS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Token attributes the tokenizer alone sets (spaCy's lexeme attributes, and NORM): an anchor keeps these tests.
TOKENIZER_ATTRIBUTES = frozenset({
    "ORTH", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "IS_ALPHA", "IS_ASCII", "IS_DIGIT",
    "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT",
    "IS_BRACKET", "IS_QUOTE", "IS_CURRENCY", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL",
})
WORD_ATTRIBUTES = frozenset({"ORTH", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX"})
PICKING = frozenset({"IN", "REGEX", "FUZZY", "=="})  # tests that pick a few words out of many
LOOKED_UP = ("LOWER", "ORTH", "NORM")  # word attributes whose tests are answered once per distinct word

Alternatives = list[dict[str, Any]]  # single-token spaCy patterns, any of which passes an anchor


def _picks(name: str, value: Any) -> bool:
    """Whether a test picks some words out: a word, a list, a regex (not "not these", a flag or a length)."""
    if name not in WORD_ATTRIBUTES:
        return False
    return isinstance(value, str) or (isinstance(value, dict) and bool(set(value) & PICKING))


def anchor(token: dict[str, Any], forms: LemmaForms | None, tokenizer_attributes=TOKENIZER_ATTRIBUTES):
    """The relaxed test of a pattern token (a token dict or a dependency node's RIGHT_ATTRS) as alternative
    single-token patterns, or None when it is optional or picks no words out: then it says nothing about where
    a match may be. A lemma test becomes a test of the words that may have the lemma (`forms`; without them,
    or beside a LOWER test, it is dropped)."""
    if not MANDATORY_OPS.match(str(token.get("OP", "1"))):
        return None
    kept: dict[str, Any] = {}
    lemmas: set[str] = set()
    for name, value in token.items():
        key = "ORTH" if str(name).upper() == "TEXT" else str(name).upper()
        if key in tokenizer_attributes:
            kept[key] = value
        elif key == "LEMMA" and isinstance(value, str):
            lemmas = {value}
        elif key == "LEMMA" and isinstance(value, dict) and "IN" in value:
            lemmas = set(value["IN"])  # other tests beside IN only narrow it down
    if lemmas and forms is not None and "LOWER" not in kept:
        words, patterns = forms.words_for(lemmas)
        if words is not None:
            listed = {**kept, "LOWER": {"IN": sorted(words)}}
            return [listed, *({**kept, "LOWER": {"REGEX": pattern}} for pattern in patterns)]
    return [kept] if any(_picks(name, value) for name, value in kept.items()) else None


def pattern_anchors(pattern: list[dict[str, Any]], forms: LemmaForms | None, *, dependency: bool,
                    tokenizer_attributes=TOKENIZER_ATTRIBUTES) -> list[Alternatives]:
    """The anchors of a token pattern (its tokens) or a dependency pattern (its nodes' RIGHT_ATTRS)."""
    tokens = [dict(node.get("RIGHT_ATTRS", {})) for node in pattern] if dependency else pattern
    found = (anchor(token, forms, tokenizer_attributes) for token in tokens)
    return [alternatives for alternatives in found if alternatives is not None]


def _word_test(test: dict[str, Any]) -> tuple[str, frozenset[str], re.Pattern | None] | None:
    """(attribute, words, regex) for one test of a word attribute against a word, a list or a regex; None for
    any other test (those go to spaCy's Matcher)."""
    if len(test) != 1:
        return None
    ((name, value),) = test.items()
    if name not in LOOKED_UP:
        return None
    if isinstance(value, str):
        return name, frozenset({value}), None
    if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
        return name, frozenset(value["IN"]), None
    if isinstance(value, dict) and set(value) == {"REGEX"} and isinstance(value["REGEX"], str):
        return name, frozenset(), re.compile(value["REGEX"])  # spaCy's Matcher searches, as here
    return None


@dataclass
class WordTests:
    """The anchors' tests of one word attribute (LOWER, ORTH or NORM), answered once per distinct word."""

    attribute: str
    words: dict[str, set[int]] = field(default_factory=dict)  # word -> anchors it passes
    regexes: list[tuple[re.Pattern, int]] = field(default_factory=list)  # (regex, anchor)
    _known: dict[int, frozenset[int]] = field(default_factory=dict)  # a word's hash -> anchors it passes

    def anchors(self, word_hash: int, strings: Any) -> frozenset[int]:
        """The anchors a word passes (cached: a day's articles share most of their words)."""
        found = self._known.get(word_hash)
        if found is None:
            word = strings[word_hash]
            found = frozenset(self.words.get(word, ())) | {a for regex, a in self.regexes if regex.search(word)}
            self._known[word_hash] = found
        return found


@dataclass
class Triggers:
    """The anchors of the active rules' patterns, and their phrase and regex rules as they are."""

    word_tests: list[WordTests]
    other_tests: Any  # spaCy Matcher: the anchors' other single-token tests, keyed by the anchor's number
    phrase_matcher: Any  # the rules' own (phrases need only tokens)
    regexes: list[ScreenedRegex]  # the rules' own (text only)
    needs: list[frozenset[int]]  # the anchor sets a sentence must hold one of (no set holds a smaller one)
    underivable: tuple[str, ...] = ()  # ids of rules with a pattern that has no anchor
    reaching: frozenset[int] = frozenset()  # anchors (of checks) that the sentence after the one holding them holds
    from_next: frozenset[int] = frozenset()  # anchors of pattern tokens past a sentence start: the next sentence's

    def _anchors_by_token(self, doc: Doc) -> Iterable[tuple[int, frozenset[int]]]:
        """(token index, anchors it passes) for the tokens that pass any."""
        import numpy
        from spacy.attrs import IDS

        strings = doc.vocab.strings
        if self.word_tests:
            columns = doc.to_array([IDS[tests.attribute] for tests in self.word_tests]).reshape(len(doc), -1)
            for column, tests in enumerate(self.word_tests):
                distinct, where = numpy.unique(columns[:, column], return_inverse=True)
                passed = [tests.anchors(int(word), strings) for word in distinct]
                for i in numpy.flatnonzero(numpy.array([bool(found) for found in passed])[where]):
                    yield int(i), passed[where[i]]
        for key, start, _end in self.other_tests(doc) if len(self.other_tests) else []:
            yield start, frozenset({int(strings[key])})

    def spans(self, doc: Doc, sentences: list[tuple[int, int]], text: str) -> Iterable[tuple[int, int]]:
        """Token ranges of a tokenized Doc (of `text`) where a rule may match: the sentences (of `sentences`)
        that hold every anchor of some pattern, and the phrase and regex rules' matches."""
        starts = [start for start, _ in sentences]
        present: dict[int, set[int]] = {}
        for i, anchors in self._anchors_by_token(doc):
            index = bisect.bisect_right(starts, i) - 1
            present.setdefault(index, set()).update(anchors)
            reaching = anchors & self.reaching
            if reaching and index + 1 < len(sentences):
                present.setdefault(index + 1, set()).update(reaching)
            from_next = anchors & self.from_next
            if from_next and index:
                present.setdefault(index - 1, set()).update(from_next)
        for index, found in present.items():
            met = [needed for needed in self.needs if needed <= found]
            if not met:
                continue
            spanning = index + 1 < len(sentences) and any(needed & self.from_next for needed in met)
            yield sentences[index][0], sentences[index + 1 if spanning else index][1]
        for _key, start, end in self.phrase_matcher(doc) if len(self.phrase_matcher) else []:
            yield start, end
        for regex in self.regexes:
            for found in regex.finditer(text):
                span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
                if span is not None:
                    yield span.start, span.end


def derive_triggers(compiled: CompiledRules, nlp: Language, needed_tokens: dict[str, dict] | None = None) -> Triggers:
    """The anchors of every compiled pattern of the active rules, on matchers over tokens only; `needed_tokens`:
    check name -> the token (a single-token pattern) a match must have in its sentence or the one before for
    the check to keep it."""
    from spacy.matcher import Matcher

    forms = LemmaForms.of(nlp)
    tokenizer_attributes = TOKENIZER_ATTRIBUTES - _set_by_ruler(nlp)
    matcher = Matcher(nlp.vocab)
    word_tests = {name: WordTests(name) for name in LOOKED_UP}
    ids: dict[str, int] = {}
    needs: list[frozenset[int]] = []
    reaching: set[int] = set()
    underivable: list[str] = []
    sources = [(key, compiled.token_matcher.get(key)[1][0], False) for key in compiled.token_captures]
    sources += [(key, compiled.dependency_matcher.get(key)[1][0], True) for key in compiled.dependency_names]
    from_next: set[int] = set()
    for key, pattern, dependency in sources:
        own, after = (pattern, []) if dependency else _at_sentence_start(pattern)
        found = pattern_anchors(own, forms, dependency=dependency, tokenizer_attributes=tokenizer_attributes)
        names = [json.dumps(alternatives, sort_keys=True) for alternatives in found]
        following = pattern_anchors(after, forms, dependency=False, tokenizer_attributes=tokenizer_attributes)
        found += following
        names += ["next " + json.dumps(alternatives, sort_keys=True) for alternatives in following]
        checked = [anchor(token, forms, tokenizer_attributes)
                   for check, token in (needed_tokens or {}).items() if check in compiled.rules[_rule_id(key)].unless]
        checked = [alternatives for alternatives in checked if alternatives is not None]
        found += checked
        names += ["unless " + json.dumps(alternatives, sort_keys=True) for alternatives in checked]
        if not found:
            underivable.append(_rule_id(key))
            continue
        for name, alternatives in zip(names, found, strict=True):
            if name not in ids:
                ids[name] = len(ids)
                _file_anchor(ids[name], alternatives, word_tests, matcher)
                if name.startswith("unless "):
                    reaching.add(ids[name])
                elif name.startswith("next "):
                    from_next.add(ids[name])
        needs.append(frozenset(ids[name] for name in names))
    looked_up = [tests for tests in word_tests.values() if tests.words or tests.regexes]
    return Triggers(looked_up, matcher, compiled.phrase_matcher, [regex for _rule, regex in compiled.regexes],
                    _fewest(needs), tuple(dict.fromkeys(underivable)), frozenset(reaching), frozenset(from_next))


def _at_sentence_start(pattern: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A token pattern cut where a later token must open a sentence ("... in principle. But"): the tokens of
    the sentence it starts in, and those of the next (empty when it stays in one sentence)."""
    for index, token in enumerate(pattern[1:], start=1):
        if token.get("IS_SENT_START") in (True, 1):
            return pattern[:index], pattern[index:]
    return pattern, []


def _rule_id(pattern_key: str) -> str:
    """The id of the rule a compiled pattern's key belongs to ("rule.id#2" -> "rule.id")."""
    return pattern_key.split("#", 1)[0]


def _fewest(needs: list[frozenset[int]]) -> list[frozenset[int]]:
    """The anchor sets that hold no smaller one: a sentence that holds a larger set holds the smaller."""
    kept: list[frozenset[int]] = []
    for needed in sorted(set(needs), key=len):
        if not any(smaller <= needed for smaller in kept):
            kept.append(needed)
    return kept


def _file_anchor(anchor_id: int, alternatives: Alternatives, word_tests: dict[str, WordTests], matcher: Any) -> None:
    """File an anchor's alternative tests: word tests in their tables, the rest on the Matcher."""
    for alternative in alternatives:
        test = _word_test(alternative)
        if test is None:
            matcher.add(str(anchor_id), [[alternative]])
            continue
        attribute, words, regex = test
        for word in words:
            word_tests[attribute].words.setdefault(word, set()).add(anchor_id)
        if regex is not None:
            word_tests[attribute].regexes.append((regex, anchor_id))


def _set_by_ruler(nlp: Language) -> set[str]:
    """Token attributes the pipeline's attribute ruler sets, which the tokenizer alone cannot tell."""
    if "attribute_ruler" not in nlp.pipe_names:
        return set()
    return {str(name).upper() for entry in nlp.get_pipe("attribute_ruler").patterns for name in entry["attrs"]}


@dataclass
class LemmaForms:
    """Which words the pipeline may give a lemma: read backwards from its lemmatizer's tables (the suffix
    rules and exceptions of every part of speech, or its lookup table) and its attribute ruler's fixed lemmas
    ("'re" -> be). Any word may also be its own lemma."""

    suffix_rules: list[tuple[str, str]]  # (old, new): a word ending in `old` may have the lemma ending in `new`
    words_by_lemma: dict[str, set[str]]  # exceptions, lookups and fixed lemmas, backwards
    patterns_by_lemma: dict[str, list[str]]  # lemmas the attribute ruler sets on words matching a regex ("" any)

    @classmethod
    def of(cls, nlp: Language) -> LemmaForms | None:
        """The forms of the pipeline's lemmatizer, or None if it is neither a rule nor a lookup lemmatizer."""
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        mode = getattr(lemmatizer, "mode", None)
        if lemmatizer is not None and mode not in {"rule", "lookup"}:
            return None
        rules: set[tuple[str, str]] = set()
        backwards: dict[str, set[str]] = {}
        if mode == "rule":
            from spacy.parts_of_speech import IDS

            tables = {name: lemmatizer.lookups.get_table(name, {}) for name in ("lemma_rules", "lemma_exc")}
            for pos in (name.lower() for name in IDS if name):
                rules.update((old, new) for old, new in tables["lemma_rules"].get(pos, []))
                for word, lemmas in tables["lemma_exc"].get(pos, {}).items():
                    for lemma in lemmas:
                        backwards.setdefault(lemma, set()).add(word)
        elif mode == "lookup":
            for word, lemma in lemmatizer.lookups.get_table("lemma_lookup", {}).items():
                backwards.setdefault(str(lemma), set()).add(str(word).lower())
        patterns: dict[str, list[str]] = {}
        for lemma, word, pattern in _fixed_lemmas(nlp):
            if word is not None:
                backwards.setdefault(lemma, set()).add(word)
            else:
                patterns.setdefault(lemma, []).append(pattern or "")
        return cls(sorted(rules), backwards, patterns)

    def words_for(self, lemmas: set[str]) -> tuple[set[str] | None, list[str]]:
        """The lower-case words that may have one of these lemmas, and regexes for more; (None, []) when any
        word may."""
        words: set[str] = set()
        patterns: list[str] = []
        for lemma in lemmas:
            folded = lemma.lower()
            words.add(folded)
            for old, new in self.suffix_rules:
                if folded.endswith(new):  # the lemmatizer makes `folded` from a word ending in `old`
                    words.add(folded[: len(folded) - len(new)] + old)
            words.update(self.words_by_lemma.get(lemma, ()))
            patterns.extend(self.patterns_by_lemma.get(lemma, ()))
        if "" in patterns:
            return None, []
        return words, sorted(set(patterns))


def _fixed_lemmas(nlp: Language) -> Iterable[tuple[str, str | None, str | None]]:
    """(lemma, word, regex) for every lemma the attribute ruler sets by the word ("'re" -> be, "wo" -> will):
    a lower-case word, or a regex of the words it matches (None for both: it may set it on any word)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    for entry in nlp.get_pipe("attribute_ruler").patterns:
        lemma = entry["attrs"].get("LEMMA")
        for token in (t for pattern in entry["patterns"] for t in pattern) if lemma else ():
            tests = [token[name] for name in ("LOWER", "ORTH", "TEXT", "NORM") if name in token]
            if not tests:
                yield lemma, None, None
            for value in tests:
                if isinstance(value, str):
                    yield lemma, value.lower(), None
                elif isinstance(value, dict) and ("IN" in value or "REGEX" in value):
                    for word in value.get("IN", []):
                        yield lemma, str(word).lower(), None
                    if "REGEX" in value:
                        yield lemma, None, f"(?i){value['REGEX']}"
                else:
                    yield lemma, None, None


__all__ = ["LemmaForms", "Triggers", "anchor", "derive_triggers", "pattern_anchors"]
