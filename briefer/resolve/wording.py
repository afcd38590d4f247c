"""The gazetteer words the delegation resolver looks for in an article's text, as patterns joined once per
lexicon (`meetings` and `parties` gazetteers; case kept, whole words)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefer.rules.lexicon import Lexicon

NAME = r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?"  # one or two capitalised words
NUMBERED_TIMES = r"\d+ (?:years|months|weeks) ago|(?:in|since) (?:19|20)\d\d"  # "3 years ago", "in 2019"


@dataclass(frozen=True)
class Wording:
    """Patterns of the delegation resolver's word lists."""

    other_time: re.Pattern[str]  # "last month", "in 2019": a time other than the talks'
    occasion: re.Pattern[str]  # "summit", "sidelines": an occasion other than the talks
    call: re.Pattern[str]  # "spoke by phone": no one at a table
    government: re.Pattern[str]  # "the Colombian government": group 1 is the name
    opposition: re.Pattern[str]  # "Syrian rebels": group 1 is the demonym
    paired_halves: re.Pattern[str]  # "North and South Korea": group 1 is the country's last word

    @classmethod
    def of(cls, lexicon: Lexicon) -> Wording:
        """The patterns of this lexicon's lists, built on first use."""
        return lexicon.derived("delegation-wording", lambda: cls._read(lexicon))

    @classmethod
    def _read(cls, lexicon: Lexicon) -> Wording:
        words = lexicon.alternation
        return cls(other_time=re.compile(rf"\b(?:{words('meetings.other_times')}|{NUMBERED_TIMES})\b"),
                   occasion=re.compile(rf"\b(?:{words('meetings.occasions')})\b"),
                   call=re.compile(rf"\b(?:{words('meetings.calls')})\b"),
                   government=re.compile(rf"\b({NAME})(?:['’]s)? (?:{words('parties.government_nouns')})\b"),
                   opposition=re.compile(rf"\b([A-Z][a-z]+) (?:{words('parties.opposition_nouns')})\b"),
                   paired_halves=re.compile(rf"\b(?:{words('parties.paired_halves')}) ([A-Z][a-z]+)\b"))
