"""Compiling rules onto spaCy's Matcher, PhraseMatcher and DependencyMatcher: the only matcher code."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefer.rules.gazetteer import Gazetteers
from briefer.rules.loader import LoadedRule, RuleProblem
from briefer.rules.schema import Rule

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

CAPTURE_KEY = "CAPTURE"  # in a token pattern dict: the name of the capture this token fills
PHRASE_CAPTURE = "match"  # a phrase rule's single capture


@dataclass
class RuleMatch:
    """One place a rule fired: its sentence, whole span and named captures."""

    rule: Rule
    sentence: Span
    span: Span
    captures: dict[str, Span]


@dataclass
class CompiledRules:
    """The active rules compiled onto spaCy matchers, run together over a Doc."""

    rules: dict[str, Rule]
    token_matcher: Any
    phrase_matcher: Any
    dependency_matcher: Any
    regexes: list[tuple[Rule, re.Pattern]] = field(default_factory=list)
    token_captures: dict[str, list[str | None]] = field(default_factory=dict)
    dependency_names: dict[str, list[str]] = field(default_factory=dict)

    def matches(self, doc: Doc) -> Iterator[RuleMatch]:
        """Every rule match in the Doc, in document order per matcher."""
        vocab = doc.vocab
        token_matches = self.token_matcher(doc, with_alignments=True) if len(self.token_matcher) else []
        for key, start, end, alignment in token_matches:
            pattern_key = vocab.strings[key]
            names = self.token_captures[pattern_key]
            captures: dict[str, list[int]] = {}
            for offset, pattern_index in enumerate(alignment):
                name = names[pattern_index]
                if name:
                    captures.setdefault(name, []).append(start + offset)
            yield self._match(doc, pattern_key, start, end, {n: (ix[0], ix[-1] + 1) for n, ix in captures.items()})
        for key, start, end in self.phrase_matcher(doc) if len(self.phrase_matcher) else []:
            yield self._match(doc, vocab.strings[key], start, end, {PHRASE_CAPTURE: (start, end)})
        for key, token_ids in self.dependency_matcher(doc) if len(self.dependency_matcher) else []:
            pattern_key = vocab.strings[key]
            names = self.dependency_names[pattern_key]
            captures = {name: (i, i + 1) for name, i in zip(names, token_ids, strict=True)}
            yield self._match(doc, pattern_key, min(token_ids), max(token_ids) + 1, captures)
        for rule, regex in self.regexes:
            for found in regex.finditer(doc.text):
                span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
                if span is None or len(span) == 0:
                    continue
                captures = {}
                for name in regex.groupindex:
                    if found.group(name) is not None and found.start(name) < found.end(name):
                        group = doc.char_span(found.start(name), found.end(name), alignment_mode="expand")
                        if group is not None:
                            captures[name] = (group.start, group.end)
                yield self._match(doc, rule.id, span.start, span.end, captures)

    def _match(self, doc: Doc, pattern_key: str, start: int, end: int, captures: dict[str, tuple[int, int]]):
        rule = self.rules[pattern_key.split("#", 1)[0]]
        return RuleMatch(rule, doc[start].sent, doc[start:end], {n: doc[s:e] for n, (s, e) in captures.items()})


def _expand_gazetteer_refs(value: Any, gazetteers: Gazetteers, missing: list[str]) -> Any:
    """Replace "$file.key" strings inside patterns by the gazetteer list they name."""
    if isinstance(value, dict):
        return {k: _expand_gazetteer_refs(v, gazetteers, missing) for k, v in value.items()}
    if isinstance(value, list):
        out: list[Any] = []
        for item in value:
            if isinstance(item, str) and item.startswith("$"):
                out.extend(_expand_ref(item, gazetteers, missing))
            else:
                out.append(_expand_gazetteer_refs(item, gazetteers, missing))
        return out
    if isinstance(value, str) and value.startswith("$") and value[1:2].isalpha():
        return _expand_ref(value, gazetteers, missing)
    return value


def _expand_ref(ref: str, gazetteers: Gazetteers, missing: list[str]) -> list[str]:
    if gazetteers.has_list(ref[1:]):
        return list(gazetteers.list(ref[1:]))
    missing.append(ref)
    return []


def _token_pattern(pattern: Any) -> tuple[list[dict], list[str | None]]:
    """Split a token pattern into spaCy's dicts and the capture name of each position."""
    if not isinstance(pattern, list) or not all(isinstance(t, dict) for t in pattern):
        raise ValueError("a token pattern is a list of token dicts")
    tokens, names = [], []
    for token in pattern:
        token = dict(token)
        names.append(token.pop(CAPTURE_KEY, None))
        tokens.append(token)
    return tokens, names


def _phrases(rule: Rule, gazetteers: Gazetteers, missing: list[str]) -> list[str]:
    phrases = [p for p in rule.patterns if isinstance(p, str)]
    if rule.phrases_from:
        phrases += _expand_ref("$" + rule.phrases_from, gazetteers, missing)
    return [_expand_gazetteer_refs(p, gazetteers, missing) for p in phrases if isinstance(p, str)]


def compile_rules(
    loaded: list[LoadedRule], vocab: Vocab, gazetteers: Gazetteers
) -> tuple[CompiledRules, list[RuleProblem]]:
    """Compile rules onto spaCy matchers with validation; every problem is returned, none raised."""
    from spacy.errors import MatchPatternError
    from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher

    compiled = CompiledRules(
        rules={},
        token_matcher=Matcher(vocab, validate=True),
        phrase_matcher=PhraseMatcher(vocab, attr="LOWER"),
        dependency_matcher=DependencyMatcher(vocab, validate=True),
    )
    problems: list[RuleProblem] = []
    tokenizer_nlp = None
    for item in loaded:
        rule = item.rule

        def problem(message: str, item=item, rule=rule) -> None:
            problems.append(RuleProblem(item.path, item.line, rule.id, message))

        missing: list[str] = []
        patterns = _expand_gazetteer_refs(copy.deepcopy(rule.patterns), gazetteers, missing)
        captures_found: list[set[str]] = []
        try:
            if rule.kind == "token":
                for i, pattern in enumerate(patterns):
                    tokens, names = _token_pattern(pattern)
                    key = f"{rule.id}#{i}"
                    compiled.token_matcher.add(key, [tokens], greedy="LONGEST")
                    compiled.token_captures[key] = names
                    captures_found.append({n for n in names if n})
            elif rule.kind == "dependency":
                for i, pattern in enumerate(patterns):
                    key = f"{rule.id}#{i}"
                    compiled.dependency_matcher.add(key, [pattern])
                    compiled.dependency_names[key] = [node["RIGHT_ID"] for node in pattern]
                    captures_found.append(set(compiled.dependency_names[key]))
            elif rule.kind == "phrase":
                if tokenizer_nlp is None:
                    import spacy

                    tokenizer_nlp = spacy.blank("en", vocab=vocab)
                phrases = _phrases(rule, gazetteers, missing)
                compiled.phrase_matcher.add(rule.id, [tokenizer_nlp.make_doc(p) for p in phrases])
                captures_found.append({PHRASE_CAPTURE})
            elif rule.kind == "regex":
                for pattern in patterns:
                    regex = re.compile(pattern, re.MULTILINE)
                    compiled.regexes.append((rule, regex))
                    captures_found.append(set(regex.groupindex))
        except (MatchPatternError, ValueError, KeyError, TypeError, re.error) as exc:
            problem(f"invalid {rule.kind} pattern: {' '.join(str(exc).split())}")
            continue
        for ref in missing:
            problem(f"unknown gazetteer list '{ref}'")
        for i, found in enumerate(captures_found):
            for name in sorted(rule.captures_used() - found):
                problem(f"emit refers to capture '@{name}', which pattern {i + 1} lacks")
        compiled.rules[rule.id] = rule
    return compiled, problems
