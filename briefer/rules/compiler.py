"""Compiling rules onto spaCy's Matcher and PhraseMatcher and briefer's TreeMatcher (spaCy's dependency patterns,
searched faster; see treematch.py): the only matcher code."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from briefer.nlp import doc_text
from briefer.rules.gazetteer import Gazetteers
from briefer.rules.literals import ScreenedRegex
from briefer.rules.loader import LoadedRule
from briefer.rules.patterns import PatternProblem, dependency_problems, token_problems
from briefer.rules.problems import RuleProblem, value_line
from briefer.rules.schema import Rule, did_you_mean
from briefer.rules.screen import ScreenedMatcher

if TYPE_CHECKING:
    from spacy.language import Language
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
    regexes: list[tuple[Rule, ScreenedRegex]] = field(default_factory=list)  # skipped where their words are not
    token_captures: dict[str, list[str | None]] = field(default_factory=dict)
    token_patterns: dict[str, list[dict]] = field(default_factory=dict)  # as the token matcher took them, in order
    dependency_names: dict[str, list[str]] = field(default_factory=dict)
    _screened: ScreenedMatcher | None = field(default=None, repr=False)

    def matches(self, doc: Doc) -> Iterator[RuleMatch]:
        """Every rule match in the Doc, in document order per matcher."""
        vocab = doc.vocab
        token_matches = self._token_matches(doc) if len(self.token_matcher) else []
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
        for pattern_key, token_ids in self.dependency_matcher(doc) if len(self.dependency_matcher) else []:
            names = self.dependency_names[pattern_key]
            captures = {name: (i, i + 1) for name, i in zip(names, token_ids, strict=True)}
            yield self._match(doc, pattern_key, min(token_ids), max(token_ids) + 1, captures)
        text = doc_text(doc) if self.regexes else ""
        for rule, regex in self.regexes:
            for found in regex.finditer(text):
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

    def _token_matches(self, doc: Doc) -> list[tuple[int, int, int, list[int]]]:
        """The token matcher's matches, with alignments, run with only the patterns the Doc can match."""
        if self._screened is None:
            self._screened = ScreenedMatcher(doc.vocab, self.token_matcher, self.token_patterns)
        return self._screened(doc)

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


def gazetteer_refs(gazetteers: Gazetteers) -> list[str]:
    """Every list a pattern may name, as `file.key`."""
    return sorted(f"{stem}.{key}" for stem, content in gazetteers.data.items() for key in content
                  if gazetteers.has_list(f"{stem}.{key}"))


def _token_pattern(pattern: Any) -> tuple[list[dict], list[str | None]]:
    """Split a token pattern into spaCy's dicts and the capture name of each position."""
    if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
        raise ValueError("a token pattern is a list of token dicts")
    tokens, names = [], []
    for token in pattern:
        token = dict(token)
        name = token.pop(CAPTURE_KEY, None)
        if name is not None and not (isinstance(name, str) and name.isidentifier()):
            raise ValueError(f"{CAPTURE_KEY}: '{name}' is not a name (letters, digits, _)")
        names.append(name)
        tokens.append(token)
    return tokens, names


def _phrases(rule: Rule, gazetteers: Gazetteers, missing: list[str]) -> list[str]:
    """A phrase rule's phrases: its patterns ("$file.key" among them spliced in), then `phrases_from`'s list."""
    phrases = _expand_gazetteer_refs([p for p in rule.patterns if isinstance(p, str)], gazetteers, missing)
    if rule.phrases_from:
        phrases += _expand_ref("$" + rule.phrases_from, gazetteers, missing)
    return phrases


@lru_cache(maxsize=2)
def english_on(vocab: Vocab) -> Language:
    """A blank English pipeline on this vocabulary, to tokenize phrases: kept for the next compile on the same
    vocabulary (`rules check`, `rules test`), as making one loads the tokenizer's exceptions (about 0.5 s)."""
    import spacy

    return spacy.blank("en", vocab=vocab)


class _RuleCompiler:
    """Compiles one rule after another onto shared matchers, collecting every problem with its line."""

    def __init__(self, vocab: Vocab, gazetteers: Gazetteers):
        from spacy.matcher import Matcher, PhraseMatcher

        from briefer.rules.treematch import TreeMatcher

        self.vocab = vocab
        self.gazetteers = gazetteers
        self.compiled = CompiledRules(
            rules={},
            token_matcher=Matcher(vocab, validate=True),
            phrase_matcher=PhraseMatcher(vocab, attr="LOWER"),
            dependency_matcher=TreeMatcher(vocab),
        )
        self.problems: list[RuleProblem] = []
        self._tokenizer = None

    def problem(self, item: LoadedRule, line: int, message: str) -> None:
        self.problems.append(RuleProblem(item.path, line or item.line, item.rule.id, message))

    def _pattern_problems(self, item: LoadedRule, index: int, found: list[PatternProblem]) -> bool:
        for problem in found:
            joint = ", " if problem.loc else ": "  # "pattern 1, token 3: ..." or "pattern 1: ..."
            line = item.line_at("patterns", index, *problem.loc)
            self.problem(item, line, f"pattern {index + 1}{joint}{problem.message}")
        return bool(found)

    def _add(self, item: LoadedRule, index: int, pattern: Any) -> tuple[set[str] | None, bool]:
        """Add one pattern to its matcher: the captures it offers (None if unknown), and whether it is valid."""
        rule, compiled = item.rule, self.compiled
        key = f"{rule.id}#{index}"
        if rule.kind == "token":
            tokens, names = _token_pattern(pattern)
            if self._pattern_problems(item, index, token_problems(tokens)):
                return {n for n in names if n}, False
            compiled.token_matcher.add(key, [tokens], greedy="LONGEST")
            compiled.token_captures[key] = names
            compiled.token_patterns[key] = tokens
            return {n for n in names if n}, True
        if rule.kind == "dependency":
            found = dependency_problems(pattern)
            if self._pattern_problems(item, index, found):
                if not all(problem.loc for problem in found):  # not even a list of nodes: captures unknown
                    return None, False
                return {str(node["RIGHT_ID"]) for node in pattern if node.get("RIGHT_ID")}, False
            names = [node["RIGHT_ID"] for node in pattern]
            compiled.dependency_matcher.add(key, pattern)
            compiled.dependency_names[key] = names
            return set(names), True
        if rule.kind == "regex":
            if not isinstance(pattern, str):
                raise ValueError("a regex pattern is a string")
            regex = re.compile(pattern, re.MULTILINE)
            compiled.regexes.append((rule, ScreenedRegex.of(regex)))
            return set(regex.groupindex), True
        raise ValueError(f"unknown kind {rule.kind}")

    def _add_phrases(self, item: LoadedRule, missing: list[str]) -> bool:
        if self._tokenizer is None:
            self._tokenizer = english_on(self.vocab)
        for index, pattern in enumerate(item.rule.patterns):
            if not isinstance(pattern, str):
                self.problem(item, item.line_at("patterns", index), f"pattern {index + 1}: a phrase is a string")
                return False
        phrases = _phrases(item.rule, self.gazetteers, missing)
        self.compiled.phrase_matcher.add(item.rule.id, [self._tokenizer.make_doc(p) for p in phrases])
        return True

    def add(self, item: LoadedRule) -> None:
        """Validate and compile one rule."""
        from spacy.errors import MatchPatternError

        rule = item.rule
        missing: list[str] = []
        patterns = _expand_gazetteer_refs(copy.deepcopy(rule.patterns), self.gazetteers, missing)
        offered: list[set[str]] = []
        valid = True
        if rule.kind == "phrase":
            try:
                valid = self._add_phrases(item, missing)
            except (ValueError, TypeError) as exc:
                self.problem(item, item.line_at("patterns"), f"invalid phrase patterns: {' '.join(str(exc).split())}")
                valid = False
            offered.append({PHRASE_CAPTURE})
        for index, pattern in enumerate(patterns if rule.kind != "phrase" else []):
            try:
                found, ok = self._add(item, index, pattern)
            except (MatchPatternError, ValueError, KeyError, TypeError, AttributeError, re.error) as exc:
                self.problem(item, item.line_at("patterns", index),
                             f"pattern {index + 1}: invalid {rule.kind} pattern: {' '.join(str(exc).split())}")
                found, ok = None, False
            valid = valid and ok
            if found is not None:
                offered.append(found)
        for ref in dict.fromkeys(missing):
            line = value_line(item.node, ref) or value_line(item.node, ref[1:]) or item.line_at("patterns")
            hint = did_you_mean(ref[1:], gazetteer_refs(self.gazetteers))
            self.problem(item, line, f"unknown gazetteer list '{ref}'{hint}")
        if offered:
            self._check_captures(item, offered)
        if valid and not missing:
            self.compiled.rules[rule.id] = rule

    def _check_captures(self, item: LoadedRule, offered: list[set[str]]) -> None:
        """Every capture `emit` reads must be in every pattern."""
        everywhere = set.intersection(*offered)
        for field_name, capture in item.rule.capture_fields().items():
            if capture in everywhere:
                continue
            lacking = [str(i + 1) for i, names in enumerate(offered) if capture not in names]
            known = sorted(set.union(*offered))
            where = "no pattern captures it" if len(lacking) == len(offered) else f"not in pattern {', '.join(lacking)}"
            self.problem(item, item.line_at("emit", field_name),
                         f"emit.{field_name}: capture '@{capture}': {where}{did_you_mean(capture, known)}; "
                         f"captures: {', '.join(known) or 'none'}")


def compile_rules(
    loaded: list[LoadedRule], vocab: Vocab, gazetteers: Gazetteers
) -> tuple[CompiledRules, list[RuleProblem]]:
    """Compile rules onto spaCy matchers with validation; every problem is returned, none raised."""
    compiler = _RuleCompiler(vocab, gazetteers)
    for item in loaded:
        compiler.add(item)
    return compiler.compiled, compiler.problems
