"""Lookups built once from the gazetteers: party names, demonyms, known actors, role words."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from briefer.names import fold, name_words, same_person, translit_key
from briefer.rules.gazetteer import Actor, Gazetteers


@dataclass
class Lexicon:
    """What the extraction and resolution stages ask of the gazetteers."""

    gazetteers: Gazetteers
    _party_by_key: dict[str, str] = field(default_factory=dict)
    _derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for party in self.gazetteers.parties:
            for name in [party.name, *party.aliases, *party.demonyms]:
                key = fold(name)
                self._party_by_key.setdefault(key, party.name)
                if key.startswith("the "):
                    self._party_by_key.setdefault(key[4:], party.name)
            for demonym in party.demonyms:  # a people named in the plural: "the Peruvians", "the Iraqis"
                key = fold(demonym)
                if key[-1:] in {"n", "i"} and " " not in key:
                    self._party_by_key.setdefault(f"{key}s", party.name)

    def derived(self, key: str, make: Callable[[], Any]) -> Any:
        """A value another stage builds from these gazetteers (its own word sets), made once per lexicon."""
        found = self._derived.get(key)
        if found is None:
            found = self._derived[key] = make()
        return found

    def alternation(self, ref: str) -> str:
        """A gazetteer list as a regular expression's alternatives, each phrase matched as written; one that
        matches nothing when the list is missing or empty."""
        phrases = self.gazetteers.list(ref) if self.gazetteers.has_list(ref) else []
        return "|".join(re.escape(phrase) for phrase in phrases) or "(?!)"

    def party_of(self, text: str) -> str | None:
        """The party a name, alias or demonym stands for ("Kremlin" -> Russia), if any."""
        key = fold(text)
        if key.startswith("the "):
            key = key[4:]
        return self._party_by_key.get(key)

    def party_in(self, text: str) -> str | None:
        """The first party named anywhere in a phrase ("Russia's deputy foreign minister" -> Russia)."""
        words = fold(text).split()
        for size in (4, 3, 2, 1):
            for i in range(len(words) - size + 1):
                party = self._party_by_key.get(" ".join(words[i : i + size]))
                if party:
                    return party
        return None

    @cached_property
    def demonyms(self) -> frozenset[str]:
        """Demonyms, lower case ("russian")."""
        return frozenset(fold(d) for p in self.gazetteers.parties for d in p.demonyms)

    @cached_property
    def _actors_by_key(self) -> dict[str, Actor]:
        actors: dict[str, Actor] = {}
        for actor in self.gazetteers.actors:
            for name in [actor.name, *actor.aliases]:
                actors.setdefault(fold(name), actor)
        return actors

    @cached_property
    def _actors_by_surname(self) -> dict[str, list[Actor]]:
        actors: dict[str, list[Actor]] = {}
        for actor in self.gazetteers.actors:
            words = name_words(actor.name)
            if len(words) > 1:
                actors.setdefault(translit_key(words[-1]), []).append(actor)
        return actors

    def actor(self, name: str) -> Actor | None:
        """A known actor by any of their spellings, or by a full name that can only be them ("Mikhail Podolyak"
        for Mykhailo Podolyak: the same surname, the same given name transliterated)."""
        known = self._actors_by_key.get(fold(name))
        words = name_words(name)
        if known is not None or len(words) < 2:
            return known
        alike = [actor for actor in self._actors_by_surname.get(translit_key(words[-1]), ())
                 if same_person(actor.name, name)]
        return alike[0] if len(alike) == 1 else None

    @cached_property
    def places(self) -> dict[str, str]:
        """Folded place name -> country."""
        return {fold(place): country for place, country in self.gazetteers.places.items()}

    @cached_property
    def within(self) -> dict[str, str]:
        """Folded room or building -> the folded building it lies in."""
        return {fold(inner): fold(outer) for inner, outer in self.gazetteers.within.items()}

    @cached_property
    def capitals(self) -> dict[str, str]:
        """Party name -> its capital ("Qatar" -> "Doha")."""
        return {p.name: p.capital for p in self.gazetteers.parties if p.capital}

    def country_of_place(self, place: str) -> str | None:
        """The country a city or building lies in, or the country itself."""
        return self.places.get(fold(place)) or self.party_of(place)

    @cached_property
    def absence(self) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        """Words that set a party apart from a meeting (gazetteer `meetings`; case ignored): those after its name
        ("did not attend") and those before it ("without")."""
        lists = ("meetings.absent_after", "meetings.absent_before")
        if not all(self.gazetteers.has_list(ref) for ref in lists):
            return None
        after, before = (self.alternation(ref) for ref in lists)
        return re.compile(rf"\b(?:{after})\b", re.IGNORECASE), re.compile(rf"\b(?:{before})\b", re.IGNORECASE)

    @cached_property
    def war_after(self) -> re.Pattern[str]:
        """What follows a party's name when the name names a war, not a side: "-Ukraine war", "'s invasion",
        " strikes" (gazetteer `meetings.war_words`; matched where the name ends)."""
        nouns = self.gazetteers.list("meetings.war_words") if self.gazetteers.has_list("meetings.war_words") else []
        if not nouns:
            return re.compile(r"(?!)")
        words = self.alternation("meetings.war_words")
        return re.compile(rf"(?:['’]s)?(?:\s*[/–-]\s*[A-Z][\w'’.]*)*\s+(?:{words})\b", re.IGNORECASE)

    @cached_property
    def offer(self) -> re.Pattern[str] | None:
        """Words that make a sentence an offer to host talks (gazetteer `meetings.offer`; case ignored)."""
        if not self.gazetteers.has_list("meetings.offer"):
            return None
        return re.compile(rf"\b(?:{self.alternation('meetings.offer')})\b", re.IGNORECASE)

    @cached_property
    def earlier_meeting(self) -> re.Pattern[str] | None:
        """A meeting noun with a word that makes it an earlier meeting ("previous rounds"; gazetteers
        `meetings.earlier` and `roles.talks_nouns`), up to a word apart ("earlier peace talks"; case ignored)."""
        if not self.gazetteers.has_list("meetings.earlier"):
            return None
        cues, nouns = self.alternation("meetings.earlier"), self.alternation("roles.talks_nouns")
        return re.compile(rf"\b(?:{cues})\s+(?:\w+\s+)?(?:{nouns})\b", re.IGNORECASE)

    @cached_property
    def title_words(self) -> frozenset[str]:
        """Words that make up titles before names ("deputy", "foreign", "minister")."""
        return self.gazetteers.words("roles.title_words")

    @cached_property
    def honorifics(self) -> frozenset[str]:
        """Honorifics before a name ("mr", "dr", "his excellency"), folded."""
        return frozenset(fold(word) for word in self.gazetteers.list("roles.honorifics"))

    @cached_property
    def name_particles(self) -> frozenset[str]:
        """Particles inside names ("bin", "von", "al"), lower case."""
        return self.gazetteers.words("roles.name_particles")

    @cached_property
    def pair_nouns(self) -> dict[str, frozenset[str]]:
        """Noun -> the entity labels of a pair it refers back to ("both countries": GPE, NORP, ORG)."""
        nouns = self.gazetteers.data.get("roles", {}).get("pair_nouns", {})
        return {noun.lower(): frozenset(labels) for noun, labels in nouns.items()}

    @cached_property
    def government_words(self) -> tuple[str, ...]:
        """Words that name a side by its government ("the regime", "the ruling party"), folded."""
        return tuple(fold(word) for word in self.gazetteers.list("parties.government_words"))

    @cached_property
    def rebel_words(self) -> tuple[str, ...]:
        """Words that name a side by its armed struggle ("the rebel delegation"), folded."""
        return tuple(fold(word) for word in self.gazetteers.list("parties.rebel_words"))

    @cached_property
    def group_name_re(self) -> re.Pattern:
        """A movement or group named in full: capitalised words ending on a group word ("Liberation Front")."""
        words = "|".join(re.escape(w.capitalize()) for w in self.gazetteers.list("parties.group_name_words")) or "(?!)"
        return re.compile(rf"\b(?:(?!The\b)[A-Z][\w’'.-]*(?:\s?['’]s)?\s+){{1,6}}(?:{words})\b")

    @cached_property
    def analyst_markers(self) -> tuple[str, ...]:
        """Phrases that mark an expert or commentator."""
        return tuple(fold(m) for m in self.gazetteers.list("roles.analyst_markers"))

    @cached_property
    def official_markers(self) -> tuple[str, ...]:
        """Phrases that keep a speaker an official."""
        return tuple(fold(m) for m in self.gazetteers.list("roles.official_markers"))

    def is_analyst(self, role: str | None, party: str | None = None) -> bool:
        """Whether a role (or institution) marks an expert rather than an official."""
        text = f" {fold(role or '')} {fold(party or '')} "
        if not text.strip():
            return False
        hits = [m for m in self.analyst_markers if f" {m} " in text]
        if not hits:
            return False
        if hits == ["former"]:
            return not any(f" {m} " in text for m in ("president", "prime minister"))
        return True
