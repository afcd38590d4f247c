"""The words a regex rule cannot match without, so that it is not run over a text lacking them.

A regex rule runs over the whole text of every article, and Python's `re` tries it at every position: with the
built-in rules' forty regexes that cost about a tenth of parse time, nearly all of it on articles where the rule
finds nothing ("Representing ... are", "Accompanying ... were"). Most of them need a literal run of characters
that a given article lacks. `requirements` reads, from the parsed regex, the literal runs every match holds: each
requirement is a set of alternatives (from `(?:led|headed)`), one of which every match contains. A text missing
every alternative of one requirement cannot match, so skipping the regex there changes no result.

The reading is conservative: anything it does not follow (case-insensitive flags, back references, assertions,
optional parts) adds no requirement, and a regex with none is always run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any

Requirement = frozenset[str]  # one of these strings is in every match


@dataclass(frozen=True)
class ScreenedRegex:
    """A rule's compiled regex with its requirements: `finditer` gives the regex's own matches, and skips a text
    lacking a requirement (where the regex would find nothing)."""

    regex: re.Pattern
    needs: tuple[Requirement, ...] = field(default=())

    @classmethod
    def of(cls, regex: re.Pattern) -> ScreenedRegex:
        """A compiled regex with the requirements read from it."""
        return cls(regex, requirements(regex))

    @property
    def groupindex(self) -> Any:
        """The regex's named groups (as `re.Pattern.groupindex`)."""
        return self.regex.groupindex

    def finditer(self, text: str) -> Iterator[re.Match]:
        """The regex's matches in the text, in order (none, unsearched, when a requirement is missing)."""
        return self.regex.finditer(text) if may_match(self.needs, text) else iter(())


def requirements(regex: re.Pattern) -> tuple[Requirement, ...]:
    """The requirements of a compiled regex (none when it is case-insensitive or cannot be read)."""
    if regex.flags & re.IGNORECASE or not isinstance(regex.pattern, str):
        return ()
    try:
        parsed = sre_parse.parse(regex.pattern, regex.flags)
    except (re.error, RecursionError):  # pragma: no cover - the pattern compiled already
        return ()
    found = _sequence(list(parsed))
    return tuple(dict.fromkeys(found)) if found is not None else ()


def may_match(needs: tuple[Requirement, ...], text: str) -> bool:
    """Whether a text holds an alternative of every requirement (False: the regex finds nothing in it). Loops, not
    all(any(...)): this runs for every regex rule on every article, and the generators cost more than the search."""
    for need in needs:
        for word in need:
            if word in text:
                break
        else:
            return False
    return True


def _sequence(items: list) -> list[Requirement] | None:
    """The requirements of a sequence of parsed items: its literal runs, and those of the parts it must match.
    None when the sequence uses case-insensitive matching somewhere (its literals would not be literal)."""
    found: list[Requirement] = []
    run: list[str] = []
    for op, arg in items:
        if op is sre.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        inner = _item(op, arg)
        if inner is None:
            return None
        found += inner
    if run:
        found.append(frozenset({"".join(run)}))
    return found


def _item(op, arg) -> list[Requirement] | None:
    """The requirements one non-literal item adds (None: case-insensitive inside)."""
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, pattern = arg
        if add_flags & sre.SRE_FLAG_IGNORECASE:
            return None
        return _sequence(list(pattern))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, pattern = arg
        inner = _sequence(list(pattern))
        if inner is None:
            return None
        return inner if low >= 1 else []
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(arg))
    if op is sre.BRANCH:
        return _branch(arg[1])
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [] if _sequence(list(arg[1])) is not None else None
    if op is sre.GROUPREF_EXISTS:
        return []
    return []  # a character class, an anchor, a category, any character: no literal required


def _branch(alternatives: list) -> list[Requirement] | None:
    """One requirement for an alternation: the best requirement of each alternative, joined (none when an
    alternative requires nothing)."""
    chosen: set[str] = set()
    for alternative in alternatives:
        inner = _sequence(list(alternative))
        if inner is None:
            return None
        if not inner:
            return []
        chosen |= max(inner, key=lambda need: min(len(word) for word in need))
    return [frozenset(chosen)]
