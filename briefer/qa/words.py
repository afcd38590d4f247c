"""The word lists the checks read from the gazetteers (checks.yml, reporting.media, parties)."""

from __future__ import annotations

from dataclasses import dataclass

from briefer.names import fold
from briefer.rules.gazetteer import Gazetteers


@dataclass(frozen=True)
class CheckWords:
    """Media outlets, speakers that name nobody, words a clause cannot end on, and each party's names."""

    media: tuple[str, ...]
    unnamed: frozenset[str]
    unfinished: frozenset[str]
    party_names: dict[str, tuple[str, ...]]

    @classmethod
    def from_gazetteers(cls, gazetteers: Gazetteers) -> CheckWords:
        """The lists, folded, from the merged gazetteers."""
        party_names = {party.name: tuple(dict.fromkeys(fold(n) for n in (party.name, *party.aliases,
                                                                           *party.demonyms) if fold(n)))
                       for party in gazetteers.parties}
        return cls(
            media=tuple(fold(word) for word in gazetteers.list("reporting.media")),
            unnamed=frozenset(fold(word) for word in gazetteers.list("checks.unnamed_speakers")),
            unfinished=frozenset(fold(word) for word in gazetteers.list("checks.unfinished_endings")),
            party_names=party_names,
        )
