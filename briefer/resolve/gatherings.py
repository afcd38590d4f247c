"""Multilateral tracks: a summit or conference of many parties is named by its event ("Peace Summit in
Bürgenstock") or as multilateral talks, never by the two parties a report happens to name most.

A track is multilateral when a sentence of its articles about a meeting (one naming a meeting noun or one of
its venues) says that many parties take part ("leaders from over ninety countries", "the 164-member body"), or
when it weighs MANY_SIDES major sides or more. Its event is the name the sentences about its venues and its
headlines give a summit or conference: a capitalised name ("the “Peace Summit”", "Munich Security
Conference"), a kind of meeting ("a donor conference"), or a summit on a subject ("a summit on food security").
Words are gazetteer lists (`meetings.many_words`, `participant_nouns`, `event_nouns`, `event_kinds`).

A conference of a recurring series (`conferences.series`: "COP26", "the WTO's ministerial conference") is
multilateral whatever its sentences count, and titled by its series, with the number the text gives: when
its articles name it in a headline, a lead or a sentence naming the track's venue, or VENUE_WEIGHT times
elsewhere, and not as another meeting ("after the G7 summit", "at last year's COP").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from briefer.resolve.tracks import Track, major
from briefer.rules.lexicon import Lexicon

MANY_SIDES = 6  # major sides that make a track multilateral whatever its sentences say
MIN_COUNT = 10  # parties a sentence must count ("more than 10 countries")
TOPIC_WORDS = 5  # at most, in "a summit on <topic>"
VENUE_WEIGHT = 3  # an event named in a sentence that names the track's venue, against one named elsewhere


def _patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], ...]:
    """A count of participants; a named event; a kind of event; an event on a subject; a meeting (built once)."""

    def make():
        words = lexicon.alternation
        many, nouns = words("meetings.many_words"), words("meetings.participant_nouns")
        events, kinds = words("meetings.event_nouns"), words("meetings.event_kinds")
        count = re.compile(rf"\b(?:(?:\d[\d,]*|{many})\s+(?:[\w-]+\s+)?(?:of\s+)?(?:{nouns})\b"
                           rf"|\d+-(?:member|nation|country|state)\b)", re.IGNORECASE)
        capitalised = r"(?:[A-Z0-9][\w.'’/-]*)"
        named = re.compile(rf"(?<![\w.])((?:{capitalised}\s+){{1,4}}(?:{events.title()}|{events.upper()}|{events})"
                           r"(?:\s+(?:on|of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s*){1,3})?)", re.UNICODE)
        kind = re.compile(rf"\b((?:{kinds})\s+(?:{events}))\b", re.IGNORECASE)
        subject = re.compile(rf"\b((?:{events})\s+(?:on|for)\s+(?:the\s+)?[a-z][\w'’/-]*(?:\s+[a-z][\w'’/-]*)"
                             rf"{{0,{TOPIC_WORDS - 1}}}?)(?=\s+(?:at|in|with|and|was|is|will|,)\b|[,.;:!?]|$)")
        meeting = re.compile(rf"\b(?:{words('roles.talks_nouns')})\b", re.IGNORECASE)
        return count, named, kind, subject, meeting

    return lexicon.derived("gatherings.patterns", make)


@dataclass(frozen=True)
class Series:
    """A recurring conference: its title with a number (`{n}`, `{nth}`), its title without, how reports name it."""

    title: str
    plain: str
    names: re.Pattern[str]  # group "n": the number, when the name has one


_NUMBER = r"(?P<n>\d{1,3})(?:st|nd|rd|th)?"
_GLUE = r"(?:['’]s)?[\s-]+"  # between the words of a name: a space or hyphen, a possessive allowed
# Words just before a name that make it another meeting than the track's: "after the G7 summit in nearby Italy",
# "on the sidelines of the UN General Assembly", "at last year's COP".
_ANOTHER = re.compile(r"\b(?:sidelines|margins?|ahead|after|before|since|following|previous|prior|last|next|"
                      r"earlier|past)\b(?:\s+of)?(?:\s+(?:the|a|this|last|next|year['’]s))*(?:\s+[\w/.,-]+){0,3}\s*$",
                      re.IGNORECASE)


def _name_pattern(name: str) -> str:
    """A series name as a regular expression: `#` a number, words joined by `_GLUE`."""
    words = [re.escape(word).replace("\\#", _NUMBER) for word in name.split()]
    return rf"(?<![\w.-]){_GLUE.join(words)}(?![\w-])"


def _series(lexicon: Lexicon) -> list[Series]:
    def make():
        found = []
        for entry in lexicon.gazetteers.data.get("conferences", {}).get("series", []):
            names = sorted(entry["names"], key=len, reverse=True)
            # one group "n" per pattern: each alternative names its own, so number them apart and read any
            parts = [_name_pattern(name).replace("?P<n>", f"?P<n{i}>") for i, name in enumerate(names)]
            found.append(Series(entry["title"], entry["plain"], re.compile("|".join(parts), re.IGNORECASE)))
        return found

    return lexicon.derived("gatherings.series", make)


def _number(match: re.Match[str]) -> int | None:
    return next((int(value) for value in match.groupdict().values() if value), None)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _lead(text: str) -> str:
    """An article's first sentence (a dateline kept)."""
    return re.split(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])|\n", text.strip(), maxsplit=1)[0]


def series_name(track: Track, lexicon: Lexicon, venue: str = "", leads: bool = True) -> str:
    """The recurring conference the track's articles report ("COP26", "WTO Ministerial Conference"), "" when
    none: one named VENUE_WEIGHT times or more, a headline, a lead (`leads`: the track holds whole articles)
    or a sentence naming the venue counting VENUE_WEIGHT, a name after words of another meeting not at all."""
    place = venue.split(",")[0].strip()
    weights: dict[str, int] = {}
    for sentence in _sentences(track, every_fact=True):
        weights[sentence] = max(weights.get(sentence, 0),
                                VENUE_WEIGHT if place and re.search(rf"\b{re.escape(place)}\b", sentence) else 1)
    for frame in track.frames:
        for first in (frame.article.article.title, _lead(frame.article.article.text) if leads else ""):
            if first:
                weights[first] = VENUE_WEIGHT
    best, best_weight = "", 0
    for series in _series(lexicon):
        weight, numbers = 0, Counter()
        for sentence, sentence_weight in weights.items():
            for match in series.names.finditer(sentence):
                if _ANOTHER.search(sentence, 0, match.start()):
                    continue
                weight += sentence_weight
                if (n := _number(match)) is not None:
                    numbers[n] += 1
        if weight >= VENUE_WEIGHT and weight > best_weight:
            n = numbers.most_common(1)[0][0] if numbers else None
            best, best_weight = series.title.format(n=n, nth=_ordinal(n)) if n else series.plain, weight
    return best


def _sentences(track: Track, every_fact: bool = False) -> list[str]:
    """The sentences of a track's venue and delegation facts (`every_fact`: of all its facts), and its articles'
    headlines."""
    found: dict[str, None] = {}
    for frame in track.frames:
        if frame.article.article.title:
            found[frame.article.article.title] = None
        for fact in frame.article.facts:
            if every_fact or fact.section in ("venues", "delegations"):
                found[fact.evidence.sentence] = None
    return list(found)


def is_multilateral(track: Track, lexicon: Lexicon) -> bool:
    """Whether many parties meet in a track: MANY_SIDES major sides, or a sentence about its meeting that counts
    MIN_COUNT participants or more."""
    if len(major(track.sides)) >= MANY_SIDES:
        return True
    count, *_, meeting = _patterns(lexicon)
    return any(_counts_many(found.group(0)) for sentence in _sentences(track) if meeting.search(sentence)
               for found in count.finditer(sentence))


def _counts_many(text: str) -> bool:
    """Whether a count names MIN_COUNT or more (a number in figures; a word of `many_words` always does)."""
    figures = re.match(r"\d[\d,]*", text)
    return figures is None or int(figures.group(0).replace(",", "")) >= MIN_COUNT


def event_name(track: Track, lexicon: Lexicon, venue: str = "") -> str:
    """The name the track's sentences give its summit or conference ("" if none): the most often named, a
    sentence that names the track's venue counting VENUE_WEIGHT times (a sentence on another meeting names its
    own: "after the G7 summit in nearby Italy")."""
    _, named, kind, subject, _ = _patterns(lexicon)
    place = venue.split(",")[0].strip()
    found: Counter[str] = Counter()
    for sentence in _sentences(track):
        weight = VENUE_WEIGHT if place and re.search(rf"\b{re.escape(place)}\b", sentence) else 1
        for pattern in (named, kind, subject):
            for match in pattern.finditer(sentence):
                name = _tidy(match.group(1))
                if len(name.split()) > 1:  # "The Summit" names no event
                    found[name] += weight
    return max(found, key=lambda name: (found[name], len(name)), default="")


def _tidy(name: str) -> str:
    """An event name as a title starts it: no leading article, first letter capitalised."""
    name = re.sub(r"^(?:the|a|an)\s+", "", " ".join(name.split()), flags=re.IGNORECASE)
    return name[:1].upper() + name[1:]


def gathering_title(event: str, venue: str, place: str) -> str:
    """`Peace Summit in Bürgenstock`, `Multilateral talks in Geneva`, `Donor conference`: `place` is the venue as
    a sentence names it ("the Kremlin")."""
    name = event or "Multilateral talks"
    if not venue or venue.split(",")[0].strip().lower() in name.lower():
        return name
    return f"{name} in {place}"


def events(tracks: list[Track], places: dict[str, str], lexicon: Lexicon) -> list[str | None]:
    """For each track, its event when it is multilateral ("" for one with no name), None when it is not
    (`places`: place key -> display name, for the track's most reported venue). A conference of a recurring
    series is its event; an article's lead speaks for a track only when the article is one episode."""
    episodes = Counter(frame.article.article.id for track in tracks for frame in track.frames)
    found = []
    for track in tracks:
        venue = places.get(track.venues.most_common(1)[0][0], "") if track.venues else ""
        whole = all(episodes[frame.article.article.id] == 1 for frame in track.frames)
        if series := series_name(track, lexicon, venue, leads=whole):
            found.append(series)
        else:
            found.append(event_name(track, lexicon, venue) if is_multilateral(track, lexicon) else None)
    return found
