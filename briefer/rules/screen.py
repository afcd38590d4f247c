"""Token patterns a Doc can match at all, read from the words each pattern requires, so that spaCy's Matcher runs
with only those: the same matches in the same order, at a fraction of the cost.

spaCy's `Matcher` tries every pattern at every token (its cost grows with patterns times tokens), yet most
patterns need a word most articles lack ("to be decided", "skeptical about"). A token a pattern must match (its
operator asks for at least one) with a literal ORTH, LOWER, NORM or LEMMA value, or an `IN` list of them, must
be in the Doc for the pattern to match anywhere. Leaving out patterns that cannot match changes nothing in what
the others give: each pattern's states run on their own in spaCy's matcher, and the order of the results is the
order of the remaining patterns' own.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from briefer.rules.patterns import MANDATORY_OPS

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

SCREENED = ("ORTH", "LOWER", "NORM", "LEMMA")  # the attributes whose values a pattern's required words are read in
_ALIASES = {"TEXT": "ORTH"}
MATCHERS_KEPT = 64  # matchers of pattern subsets kept for Docs that need the same ones (each about 1 ms to build)

Requirement = tuple[str, frozenset[int]]  # an attribute, and the values one of the Doc's tokens must have there


def requirements(pattern: list[dict[str, Any]]) -> list[Requirement]:
    """What a Doc must hold for a token pattern to match in it: for each required token with literal values, the
    attribute and the values (as spaCy's string ids) one token must have."""
    from spacy.strings import get_string_id

    found: list[Requirement] = []
    for token in pattern:
        if not MANDATORY_OPS.match(str(token.get("OP", "1"))):
            continue  # "?", "*", "!", "{0,n}": the token may be absent
        for key, value in token.items():
            attr = _ALIASES.get(key.upper(), key.upper()) if isinstance(key, str) else None
            if attr not in SCREENED:
                continue
            if isinstance(value, str):
                found.append((attr, frozenset((get_string_id(value),))))
            elif isinstance(value, dict) and isinstance(value.get("IN"), list):
                if all(isinstance(v, str | int) and not isinstance(v, bool) for v in value["IN"]):
                    found.append((attr, frozenset(get_string_id(v) for v in value["IN"])))
    return found


class ScreenedMatcher:
    """spaCy's Matcher over only the patterns a Doc can match: called as the full matcher is, with alignments."""

    def __init__(self, vocab: Vocab, full: Matcher, patterns: dict[str, list[dict[str, Any]]]):
        """`full`: the matcher holding every pattern, added in the order of `patterns` (one pattern per key, greedy
        LONGEST)."""
        self.vocab = vocab
        self.full = full
        self.patterns = patterns
        self.needs = {key: requirements(pattern) for key, pattern in patterns.items()}
        self.columns = sorted({attr for needs in self.needs.values() for attr, _ in needs})
        self._subsets: OrderedDict[tuple[str, ...], Matcher] = OrderedDict()

    def possible(self, doc: Doc) -> tuple[str, ...]:
        """The keys of the patterns the Doc holds every required word of, in the full matcher's order."""
        if not self.columns:
            return tuple(self.patterns)
        from spacy.attrs import IDS

        values = doc.to_array([IDS[attr] for attr in self.columns])
        if values.ndim == 1:
            values = values.reshape(-1, 1)
        present = {attr: set(values[:, i].tolist()) for i, attr in enumerate(self.columns)}
        return tuple(key for key, needs in self.needs.items() if self._holds(present, needs))

    @staticmethod
    def _holds(present: dict[str, set[int]], needs: list[Requirement]) -> bool:
        """Whether the Doc's values hold one of each requirement's (a loop: a generator per pattern cost more)."""
        for attr, wanted in needs:
            if present[attr].isdisjoint(wanted):
                return False
        return True

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, list[int]]]:
        """The full matcher's matches of the Doc, with alignments."""
        if not self._annotated(doc):
            return self.full(doc, with_alignments=True)  # the full matcher says what is missing, as it always did
        keys = self.possible(doc)
        if len(keys) == len(self.patterns):
            return self.full(doc, with_alignments=True)
        if not keys:
            return []
        return self._matcher(keys)(doc, with_alignments=True)

    def _annotated(self, doc: Doc) -> bool:
        from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

        return all(doc.has_annotation(attr) for attr in (TAG, POS, MORPH, LEMMA, DEP) if attr in self.full._seen_attrs)

    def _matcher(self, keys: tuple[str, ...]) -> Matcher:
        if keys in self._subsets:
            self._subsets.move_to_end(keys)
            return self._subsets[keys]
        from spacy.matcher import Matcher

        matcher = Matcher(self.vocab, validate=False)  # the full matcher validated them (a third of the build)
        for key in keys:
            matcher.add(key, [self.patterns[key]], greedy="LONGEST")
        self._subsets[keys] = matcher
        if len(self._subsets) > MATCHERS_KEPT:
            self._subsets.popitem(last=False)
        return matcher
