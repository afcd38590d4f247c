"""The people an article names, to resolve its references ("he", a bare surname) to full names, roles and
parties; names are compared in briefer/names.py."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from briefer.extract import PersonMention
from briefer.model import Mention
from briefer.names import fold, given_names, name_words, same_person
from briefer.rules.lexicon import Lexicon

PRONOUNS = {"he", "she", "him", "her"}
# Words that stand where a speaker would but name nobody; "I" and "we" inside a quotation are the quoted speaker.
NON_SPEAKERS = {"this", "that", "it", "which", "who", "these", "those", "one", "some", "many", "others",
                "they", "there", "what", "all", "both", "each", "you", "something", "nothing", "everyone",
                "i", "we", "us", "me"}
PREVIOUS_SPEAKER = "previous speaker"  # a rule's speaker for a quotation that carries on the last speaker's words
SHE_REACH = 1500  # characters back to a woman the article names, whom a "she" refers to before anyone else


def _is_pronoun(name: str) -> bool:
    return fold(name) in PRONOUNS


def is_non_speaker(name: str) -> bool:
    """A word that stands where a speaker would but names nobody ("this", "it", "they")."""
    return fold(name) in NON_SPEAKERS or not re.search(r"[A-Za-z]", name or "")


def _better_role(role: str, other: str) -> str:
    """A role as the text gives it, unless it is only an honorific ("Mr") and the article says more elsewhere."""
    return other if not name_words(role) and other else role or other


def relational(role: str, lexicon: Lexicon) -> bool:
    """A role that says only how its holder stands to another ("Russian counterpart"), not what they hold."""
    padded = f" {fold(role)} "
    return any(f" {fold(title)} " in padded for title in lexicon.gazetteers.list("roles.relational_titles"))


class ArticlePeople:
    """The people one article names, to resolve its references to full names."""

    def __init__(self, mentions: list[PersonMention], lexicon: Lexicon):
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.lexicon = lexicon
        # Per name, each found once: a long article names thousands of people and has hundreds of pronouns,
        # and comparing every mention with every other for each pronoun took hours on a 1 MB article.
        self._fullest: dict[str, PersonMention | None] = {}
        self._genders: dict[str, str | None] = {}

    def _full(self, name: str) -> PersonMention | None:
        """The fullest mention of the same person in the article."""
        if name not in self._fullest:
            best = None
            for mention in self.mentions:
                if same_person(mention.name, name) and given_names(mention.name):
                    if best is None or len(mention.role) > len(best.role):
                        best = mention
            self._fullest[name] = best or self._surname_first(name)
        return self._fullest[name]

    def _surname_first(self, name: str) -> PersonMention | None:
        """The full name a lone family name stands for where family names come first ("Wang" for "Wang Yi",
        "Geng" for "Geng Shuang"): the one full name in the article that starts with it."""
        words = name_words(name)
        if len(words) != 1 or words[0] not in self.lexicon.gazetteers.words("roles.surname_first"):
            return None
        found = [m for m in self.mentions if 2 <= len(name_words(m.name)) <= 3 and name_words(m.name)[0] == words[0]]
        if len({fold(m.name) for m in found}) != 1:
            return None
        return max(found, key=lambda m: len(m.role))

    def _gender(self, mention: PersonMention) -> str | None:
        """The gender the article gives the person anywhere ("Ms Rao" once makes a later "Rao" a woman)."""
        if mention.gender:
            return mention.gender
        if mention.name not in self._genders:
            self._genders[mention.name] = next(
                (m.gender for m in self.mentions if m.gender and same_person(m.name, mention.name)), None)
        return self._genders[mention.name]

    def _before(self, offset: int, pronoun: str) -> PersonMention | None:
        """The person "he" or "she" at an offset refers to: the last subject named before it, else the last name;
        never one named inside a quotation ("“... as Lajcak said ...,” he told TV": he is not Lajcak), nor one the
        article makes a man for "she" or a woman for "he"; for "she", a woman the article marks as one comes before
        people of no stated gender (most people named in news on talks are men)."""
        wrong = {"she": "m", "her": "m", "he": "f", "him": "f"}[fold(pronoun)]
        candidates = [m for m in self.mentions if m.start < offset and not _is_pronoun(m.name) and not m.quoted
                      and self._gender(m) != wrong]
        if wrong == "m":  # "she": a woman the article marks as one, before anyone whose gender it does not give
            candidates = [m for m in candidates
                          if self._gender(m) == "f" and m.start >= offset - SHE_REACH] or candidates
        subjects = [m for m in candidates if m.subject]
        return (subjects or candidates or [None])[-1]

    def resolve(self, found: Mention | str, offset: int) -> Mention | None:
        """Full name, role and party for a person reference; None when it names nobody."""
        found = Mention.of(found)
        if _is_pronoun(found.name):
            antecedent = self._before(offset, found.name)
            if antecedent is None:
                return None
            found = Mention(name=antecedent.name)
        elif is_non_speaker(found.name):
            return None
        name, role, party = found.name, found.role, found.party
        full = self._full(name)
        if full is not None:
            name = name if given_names(name) else full.name
            role = _better_role(role, full.role)
            party = party or full.party
        if relational(role, self.lexicon):
            role = next((m.role for m in self.mentions if m.role and same_person(m.name, name)
                         and not relational(m.role, self.lexicon)), "")
        actor = self.lexicon.actor(name)
        if actor is not None:
            if not given_names(name):
                name = actor.name
            role = role or actor.role or ""
            party = party or actor.party
        return found.model_copy(update={"name": name, "role": role, "party": party})


def one_spelling(names: Iterable[tuple[str, int]], lexicon: Lexicon) -> dict[str, str]:
    """One spelling per known actor across a brief ("Volodymyr Zelenskiy" and "Volodymyr Zelensky" are one
    speaker): the spelling most of the weight (evidence) uses, the first on a tie. Names the actors gazetteer
    does not know keep their own spelling. Returns {name as written: name to show} for the names that change."""
    weight: dict[str, Counter[str]] = {}
    for name, count in names:
        actor = lexicon.actor(name)
        if actor is not None and given_names(name):
            weight.setdefault(actor.name, Counter())[name] += count
    shown = {}
    for spellings in weight.values():
        best = max(spellings, key=lambda spelling: spellings[spelling])  # the first of equals: Counter keeps order
        shown.update({spelling: best for spelling in spellings if spelling != best})
    return shown
