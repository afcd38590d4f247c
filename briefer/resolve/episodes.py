"""Episodes: the parts of one article that each report one meeting.

A wire report covers one meeting; a digest covers several, one paragraph each (often followed by a comment
and a question of its own), and a report can name another meeting in passing ("fresh from talks in Washington
with ..."). An article is cut at its sentences: a sentence whose delegation and venue facts name a place other
than those of the episode before it goes back to an earlier episode that named one of them with the same
sides (or all of them, with one side in common), or, when it names
two principal sides, to an earlier episode of those sides or a new one; a sentence that names one side, or no
place, or one of the places already named, stays with the episode before it (a wire report names mediators and
hosts in every paragraph). A sentence without such facts goes with the signed sentence before it in its
paragraph (else the paragraph's first): a paragraph's comment and question stay with its meeting. Every fact
and date of the article lands in exactly one episode.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from briefer.extract import ArticleFacts
from briefer.model import Fact
from briefer.rules.lexicon import Lexicon, fold

SIGNATURE_SECTIONS = ("delegations", "venues")  # the facts that say who meets whom and where


def principal(sides: Counter[str]) -> frozenset[str]:
    """The two sides an account weighs most (one when it names only one)."""
    return frozenset(party for party, _ in sides.most_common(2))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the text's paragraphs (each line of text; blank lines separate nothing more)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def paragraph_at(spans: list[tuple[int, int]], text: str, start: int, sentence: str) -> int:
    """The paragraph that holds a sentence found at `start`: by offset when the sentence is there, else where
    the text holds the sentence (offsets of a cleaned text can drift), else the nearest by offset."""
    head = sentence[:40]
    for index, (first, last) in enumerate(spans):
        if first <= start < last and (not head or head in text[first:last]):
            return index
    found = text.find(head) if head else -1
    at = found if found >= 0 else start
    return next((i for i, (_, last) in enumerate(spans) if at < last), max(len(spans) - 1, 0))


@dataclass
class Episode:
    """The paragraphs of one article about one meeting, and the sides they name."""

    sides: frozenset[str] = frozenset()
    places: set[str] = field(default_factory=set)  # the venues its paragraphs name (folded)
    paragraphs: set[int] = field(default_factory=set)

    def fits(self, sides: frozenset[str]) -> bool:
        """Same principal sides, or one of them names one side of the other's two."""
        return bool(self.sides) and (sides == self.sides or sides < self.sides or self.sides < sides)


def places_of(fact: Fact, lexicon: Lexicon) -> set[str]:
    """A venue fact's place (its building or city before any comma) and the country it lies in, folded: Doha
    and Qatar meet."""
    place = str(fact.fields.get("name", "")).split(",")[0].strip()
    country = fact.fields.get("country") or lexicon.country_of_place(place) or lexicon.party_of(place)
    return {fold(place), *([fold(country)] if country else [])}


def split(article: ArticleFacts, sides_of: Callable[[ArticleFacts, bool], Counter[str]],
          lexicon: Lexicon) -> list[ArticleFacts]:
    """The article's episodes, in order of first appearance, as articles of their own facts and dates.

    `sides_of(part, with_headline)` weighs the parties a part of the article names as sides of a meeting.
    """
    text = article.article.text
    spans = paragraph_spans(text)
    if len(spans) < 2:
        return [article]
    located = {id(fact): _locate(spans, text, fact.evidence.start, fact.evidence.sentence) for fact in article.facts}
    episodes = [Episode()]
    signed_at: dict[int, list[tuple[int, int]]] = {}  # paragraph -> (position, episode) of its signed sentences
    entering: dict[int, int] = {}  # paragraph -> the episode current before it
    current = 0
    for index in range(len(spans)):
        entering[index] = current
        sentences: dict[str, list[Fact]] = {}
        for fact in sorted(article.facts, key=lambda f: located[id(f)][1]):
            if located[id(fact)][0] == index and fact.section in SIGNATURE_SECTIONS:
                sentences.setdefault(fact.evidence.sentence, []).append(fact)
        for signed in sentences.values():
            first = not episodes[0].sides
            sides = principal(sides_of(replace(article, facts=signed, dates=[]), first))
            places = {key for f in signed if f.section == "venues" for key in places_of(f, lexicon)}
            current = _episode_for(episodes, current, sides, places)
            signed_at.setdefault(index, []).append((located[id(signed[0])][1], current))
            episodes[current].paragraphs.add(index)

    def owner(paragraph: int, position: int) -> int:
        """A sentence's episode: that of the nearest signed sentence before it in its paragraph, else of the
        paragraph's first, else the episode the paragraph follows."""
        signed = signed_at.get(paragraph, [])
        before = [number for at, number in signed if at <= position]
        return before[-1] if before else signed[0][1] if signed else entering[paragraph]

    if len(episodes) == 1:
        return [article]
    parts = []
    for number, _ in enumerate(episodes):
        facts = [f for f in article.facts if owner(*located[id(f)]) == number]
        dates = [d for d in article.dates if owner(*_locate(spans, text, d.start, d.sentence)) == number]
        parts.append(replace(article, facts=facts, dates=dates))
    return parts


def _locate(spans: list[tuple[int, int]], text: str, start: int, sentence: str) -> tuple[int, int]:
    """The paragraph of a sentence and its position in the text (where the paragraph holds it, else `start`)."""
    paragraph = paragraph_at(spans, text, start, sentence)
    first, last = spans[paragraph]
    found = text.find(sentence[:40], first, last) if sentence else -1
    return paragraph, found if found >= 0 else start


def one_venue_per_place(parts: list[ArticleFacts]) -> list[ArticleFacts]:
    """The episodes of one article with each place it names in two of them kept by the episode that names it
    most (the first on a tie): the report names one venue ("talks in Turkey", then "Turkey's offer to host").
    Run after the episodes' sides are weighed: a moved sentence says nothing of its new episode's sides."""
    counts: dict[str, Counter[int]] = {}
    for number, part in enumerate(parts):
        for fact in part.facts:
            if fact.section == "venues":
                counts.setdefault(_place_key(fact), Counter())[number] += 1
    home = {place: max(c, key=lambda number: (c[number], -number)) for place, c in counts.items() if len(c) > 1}
    if not home:
        return parts
    moved = [f for part in parts for f in part.facts if f.section == "venues" and _place_key(f) in home]
    kept = [replace(part, facts=[f for f in part.facts if f not in moved]) for part in parts]
    for fact in moved:
        kept[home[_place_key(fact)]].facts.append(fact)
    return kept


def _place_key(fact: Fact) -> str:
    return fold(str(fact.fields.get("name", "")).split(",")[0])


def _episode_for(episodes: list[Episode], current: int, sides: frozenset[str], places: set[str]) -> int:
    """The episode a sentence naming `sides` and `places` belongs to: the current one when it names no place
    or one of its places (a wire report names mediators and hosts beside the sides in every paragraph); an
    earlier one that named the place, with sides that fit (a digest comes back to a meeting it reported); a new
    one when it names two sides and a place no episode has."""
    episode = episodes[current]
    if not episode.sides and sides:
        episode.sides, episode.places = sides, places
        return current
    if not places or not episode.places or places & episode.places:
        episode.places |= places
        return current
    back = next((number for number, earlier in enumerate(episodes) if places & earlier.places and (
        earlier.fits(sides) or places <= earlier.places and (not sides or sides & earlier.sides))), None)
    if back is not None:
        episodes[back].places |= places
        return back
    if len(sides) < 2:
        episode.places |= places
        return current
    for number in [current, *range(len(episodes))]:
        episode = episodes[number]
        if episode.fits(sides):
            episode.sides |= sides  # one side named first, both later
            episode.places |= places
            return number
    episodes.append(Episode(sides, places))
    return len(episodes) - 1
