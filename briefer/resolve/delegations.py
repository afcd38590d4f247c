"""Delegations: the party each named person sits for, who leads, and one entry per party.

A delegation sentence names its side in different ways: by an adjective ("the Russian delegation"),
by the offices of its members ("CIA director William Burns"), or not at all ("the team includes
..."), when the side is the one the article spoke of last. Heads of state and government who
attend talks lead their party's delegation; a delegation of one named person is led by that person.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from briefer.extract import ArticleFacts
from briefer.extract.roster import COMPASS_SIDES, REBEL_SIDE, UNNAMED_SIDES, is_title, role_party, side_party
from briefer.model import Conflict, Delegation, Fact, Mention, Person
from briefer.names import fold, same_person
from briefer.resolve.context import ArticleContext, SideContext
from briefer.resolve.people import ArticlePeople
from briefer.resolve.wording import Wording
from briefer.rules.lexicon import Lexicon

OPPOSITION = "opposition"
# A sentence about an earlier event: "In 2019, then-President X met Y in Hanoi".
BACKGROUND_RE = re.compile(r"^\W*(?:(?:Back )?[Ii]n|During|By)\s+(?:(?:early|late|mid)[- ])?(?:[A-Z][a-z]+\s+)?"
                           r"(?:19|20)\d\d\b|\bthen-[A-Za-z]")
NAME_RE = re.compile(r"\b[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?")
COUNTERPART_RE = re.compile(r"\b(?:his|her|their) ([A-Z][\w.-]+(?: [A-Z][\w-]+)?) counterparts?\b")
# Rules at this priority or below show people meeting or attending, with no delegation wording: such a meeting
# placed at another time and place is not the article's talks.
WEAK_PRIORITY = 6
PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
MAX_ROLE_WORDS = 12  # longer is a clause the role finder caught, not a title
# Delegation rules at this priority or below only hint at who sits for a side (a minister who speaks on the
# talks): their people join a side no stronger rule has named anyone for, and never as heads of state.
HINT_PRIORITY = 2


@dataclass(frozen=True)
class TextSides:
    """What an article's text alone says of its sides: the armed group it names most, the party its headline
    opens on, the parties of "the North" and "the South", the countries whose government it names."""

    armed_group: str | None
    headline: str | None
    compass: dict[str, str]
    governments: list[str]

    @classmethod
    def read(cls, text: str, lexicon: Lexicon) -> TextSides:
        """Read them from the text (no cache: see text_sides)."""
        named = (_party_named(found, lexicon) for found in Wording.of(lexicon).government.findall(text))
        return cls(armed_group=_armed_group(text, lexicon), headline=_headline_party(text, lexicon),
                   compass=_compass_parties(text, lexicon),
                   governments=[c for c in named if c and _is_country(c, lexicon)])


# An article is resolved once per sentence that names sides, once per episode, then in its track, after every
# other article's episodes: keeping fewer texts than a day's articles (200) read each text twice.
TEXTS_KEPT = 512


def text_sides(text: str, lexicon: Lexicon) -> TextSides:
    """TextSides.read, kept for the last few texts (the same for every part of an article)."""
    kept: dict[str, TextSides] = lexicon.derived("resolve.text_sides", dict)
    found = kept.get(text)
    if found is None:
        if len(kept) >= TEXTS_KEPT:
            kept.clear()
        found = kept[text] = TextSides.read(text, lexicon)
    return found


def side_context(article: ArticleFacts, lexicon: Lexicon) -> SideContext:
    """The sides an article names for its delegations, and the country its government side belongs to."""
    named = sorted((f for f in article.facts if f.section == "delegations" and f.fields.get("party")),
                   key=lambda f: f.evidence.start)
    sides = [(f.evidence.start, lexicon.party_of(f.fields["party"]) or f.fields["party"]) for f in named]
    text = article.article.text
    read = text_sides(text, lexicon)
    government = _government_country(article, [party for _, party in sides], lexicon, read.governments)
    places = [f for f in article.facts if f.section == "venues" and f.fields.get("name")]
    venues = {fold(f.fields["name"]) for f in places}
    rebels = read.armed_group or _government_opposition(government, text, lexicon)
    present = {fold(f.fields["name"]) for f in places if not Wording.of(lexicon).other_time.search(f.evidence.sentence)}
    context = SideContext(government=government, venues=venues, rebels=rebels, present=present,
                          headline=read.headline, compass=dict(read.compass))
    resolved = [(start, context.unnamed(party)) for start, party in sides]
    context.sides = [(start, party) for start, party in resolved if party]
    return context


def _headline_party(text: str, lexicon: Lexicon) -> str | None:
    """The party of an article whose headline opens on it and names no other ("Taliban name their delegation for
    intra-Afghan talks"): the side a delegation sentence means when it names none and no side was named before it
    (not "Envoys meet Taliban": the party met is not the one whose team the article lists)."""
    words = text.strip().split("\n", 1)[0].replace(",", " ").replace(":", " ").split()
    found: dict[int, str] = {}  # where a party's name starts -> the party
    for i in range(len(words)):
        for size in (3, 2, 1):
            span = " ".join(words[i : i + size])
            if (i + size <= len(words) and all(w[:1].isupper() for w in words[i : i + size])
                    and not (len(span) <= 3 and not span.isupper())):  # "Join Us": an acronym is in capitals
                if party := _party_named(span, lexicon):
                    found[i] = party
                    break
    return found[min(found)] if len(set(found.values())) == 1 and min(found) < 2 else None


def _armed_group(text: str, lexicon: Lexicon) -> str | None:
    """The armed group an unnamed "rebel side" is: the one of `parties.armed_groups` the article names most often
    (by name or alias), the first named on a tie; else a country's opposition it names; None when it names none."""
    groups = set(lexicon.gazetteers.list("parties.armed_groups"))
    names = tuple((party.name, tuple(sorted({party.name, *party.aliases})))
                  for party in lexicon.gazetteers.parties if party.name in groups)
    return _most_named(text, names) or _national_opposition(text, lexicon)


def _government_opposition(country: str | None, text: str, lexicon: Lexicon) -> str | None:
    """The opposition of the country whose government the article's government side is ("Syrian government
    negotiators ... the opposition ... rebel delegation chief X": the Syrian opposition), when the article speaks
    of an opposition."""
    entry = next((p for p in lexicon.gazetteers.parties if p.name == country), None)
    if entry is None or not entry.demonyms or not re.search(r"\b[Oo]pposition\b", text):
        return None
    name = f"{entry.demonyms[0]} opposition"
    return lexicon.party_of(name) or name


def _national_opposition(text: str, lexicon: Lexicon) -> str | None:
    """For an article that names no armed group but a country's rebels or opposition ("Syrian rebels", "the Syrian
    opposition"): that opposition, the first named."""
    for found in Wording.of(lexicon).opposition.finditer(text):
        if fold(found.group(1)) in lexicon.demonyms:
            name = f"{found.group(1)} opposition"
            return lexicon.party_of(name) or name
    return None


def _compass_parties(text: str, lexicon: Lexicon) -> dict[str, str]:
    """For "the North" and "the South", the party of that half the article names most ("North Korea"), by name,
    alias or demonym; none for a half it does not name."""
    found = {}
    for side in COMPASS_SIDES:
        word = side.split()[-1]
        names = tuple((party.name, tuple(sorted({party.name, *party.aliases, *party.demonyms})))
                      for party in lexicon.gazetteers.parties if party.name.split()[0] == word)
        # "North and South Korea"
        shared = (lexicon.party_of(f"{word} {both}") for both in Wording.of(lexicon).paired_halves.findall(text))
        if party := (_most_named(text, names) if names else None) or next((p for p in shared if p), None):
            found[side] = party
    return found


@lru_cache(maxsize=64)
def _most_named(text: str, names: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    """Of (party, its spellings), the party `text` names most often, the first named on a tie (cached: an
    article's sides are read once per fact it resolves)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for party, spellings in names:
        for name in spellings:
            if name not in text:  # the pattern needs the name verbatim: most spellings are not there
                continue
            for found in _standing_alone(name).finditer(text):
                counts[party] += 1
                first[party] = min(first.get(party, found.start()), found.start())
    if not counts:
        return None
    return min(counts, key=lambda name: (-counts[name], first[name]))


@lru_cache(maxsize=4096)
def _standing_alone(name: str) -> re.Pattern:
    """`name` as a whole word (not inside a longer word or hyphenated compound), compiled once: the gazetteer
    holds more spellings than the `re` module's own cache keeps."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")


def _government_country(article: ArticleFacts, sides: list[str], lexicon: Lexicon,
                        governments: list[str]) -> str | None:
    """The country whose government an unnamed "government side" is: the country of an opposition side
    ("Venezuelan opposition"), else of "the Colombian government" / "the Maduro regime" (`governments`, read
    from the text), else the first country the headline names, else the country most of the article's people
    belong to."""
    countries = [c for c in (_country_of_opposition(party, lexicon) for party in sides) if c]
    if not countries:
        countries = list(governments)
    if not countries:
        headline = article.article.text.strip().split("\n", 1)[0]
        named = (_party_named(word, lexicon) for word in NAME_RE.findall(headline))
        countries = [c for c in named if c and _is_country(c, lexicon)][:1]
    if not countries:
        countries = [m.party for m in article.people if m.party and _is_country(m.party, lexicon)]
    return Counter(countries).most_common(1)[0][0] if countries else None


def is_background(sentence: str) -> bool:
    """A sentence about an earlier event ("In 2019, ...", "then-President X")."""
    return bool(BACKGROUND_RE.search(sentence))


def _party_named(name: str, lexicon: Lexicon) -> str | None:
    """The party a name stands for: a party's name or demonym, or a known actor's party ("Maduro")."""
    actor = lexicon.actor(name)
    return lexicon.party_of(name) or (actor.party if actor else None)


def _country_of_opposition(party: str, lexicon: Lexicon) -> str | None:
    """ "Venezuelan opposition" -> Venezuela."""
    words = fold(party).split()
    if len(words) > 1 and words[-1] == OPPOSITION:
        return lexicon.party_of(" ".join(words[:-1]))
    return None


def _is_country(party: str, lexicon: Lexicon) -> bool:
    return any(p.name == party and p.capital for p in lexicon.gazetteers.parties)


def _title_phrases(lexicon: Lexicon, key: str) -> tuple[str, ...]:
    return tuple(fold(t) for t in lexicon.gazetteers.list(key))


def is_head_of_state(role: str | None, lexicon: Lexicon) -> bool:
    """A head of state or government: "US President", "Armenia's Prime Minister" (not "Vice President")."""
    words = fold(role or "").split()
    while words and words[0] == "the":
        words = words[1:]
    while words:
        if len(words) > 1 and lexicon.party_of(" ".join(words[:2])):
            words = words[2:]
        elif lexicon.party_of(words[0]):
            words = words[1:]
        else:
            break
    return " ".join(words) in _title_phrases(lexicon, "roles.head_titles")


def heads_delegation(role: str | None, lexicon: Lexicon) -> bool:
    """A role that says its holder heads the delegation ("head of the delegation", "chief negotiator")."""
    text = f" {fold(role or '')} "
    return any(f" {phrase} " in text for phrase in _title_phrases(lexicon, "roles.delegation_heads"))


class DelegationBook:
    """The delegations of a brief, one per party, filled fact by fact."""

    def __init__(self, lexicon: Lexicon, delegations: list[Delegation]):
        self.lexicon = lexicon
        self.delegations = delegations
        self._by_party: dict[str, Delegation] = {}
        self._evidence: dict[str, set[tuple]] = {}  # per folded party: the evidence it holds, as keys
        self._implicit: set[int] = set()  # delegations whose leader is only a head of state seen at the talks
        self._principals: dict[int, list[str]] = {}  # per delegation: who the text shows meeting for it
        self._hosts: dict[int, list[str]] = {}  # per delegation: who the text shows hosting the talks

    def _delegation(self, party: str, fact: Fact) -> Delegation:
        folded = fold(party)
        delegation = self._by_party.get(folded)
        if delegation is None:
            delegation = self._by_party[folded] = Delegation(party=party, talks=fact.fields.get("talks") or "")
            self.delegations.append(delegation)
            self._evidence[folded] = set()
        evidence = fact.evidence
        key = (evidence.source, evidence.sentence, evidence.start, evidence.end, evidence.rule)
        if key not in self._evidence[folded]:
            self._evidence[folded].add(key)
            delegation.evidence.append(evidence)
            delegation.source_count = len({e.source for e in delegation.evidence})
        return delegation

    def _party(self, name: str | None) -> str | None:
        return (self.lexicon.party_of(name) or name) if name else None

    def _not_at_table(self, sentence: str, present: set[str]) -> bool:
        """A meeting at another occasion ("met X at the G20 summit last month"), or a call from afar."""
        wording = Wording.of(self.lexicon)
        return _elsewhere(sentence, present, wording) or bool(wording.call.search(sentence))

    def add(self, fact: Fact, article: ArticleContext) -> None:
        """Add one delegation fact: its side, leader, members and sender."""
        fields, offset = fact.fields, fact.evidence.start
        people, context = article.people, article.sides
        if is_background(fact.evidence.sentence) and not (fields.get("party") or fields.get("leader")):
            return  # people who met at an earlier event are no delegation to these talks
        if fields.get("venue") and fold(fields["venue"]) not in context.venues:
            return  # people who travel somewhere that is not where the talks are
        weak = fields.get("priority", 0) <= WEAK_PRIORITY
        if weak and self._not_at_table(fact.evidence.sentence, context.present):
            return  # a meeting at another occasion ("met X at the G20 summit last month"), or a call from afar
        side = fields.get("party")
        # the sentence speaks of a side without naming it ("the team includes"), not of rebels it cannot place
        unnamed_side = "party" in fields and not (side == REBEL_SIDE and context.rebels is None)
        side = self._party(context.unnamed(side))
        text = article.article.text
        leader = self._resolve(people, fields.get("leader"), offset, text)
        members = [m for m in (self._resolve(people, item, offset, text) for item in _items(fields)) if m]
        principal = self._resolve(people, fields.get("principal"), offset, text)
        host = self._resolve(people, fields.get("host"), offset, text)
        members += [found for found in (principal, host) if found]
        if not side:  # "rebel delegation chief X" in an article that names no armed group: no side to seat X on
            leader = None if leader and self._unplaced_rebel(leader, context) else leader
            members = [m for m in members if not self._unplaced_rebel(m, context)]
        sender = self._resolve(people, fields.get("sent_by"), offset, text)

        def own_party(found: Mention) -> str | None:
            role = found.role
            own = found.party or role_party(role, found.name, self.lexicon)
            if own is None and (unnamed := side_party(role, self.lexicon)) in UNNAMED_SIDES:
                own = context.unnamed(unnamed)  # "government negotiator X", "rebel commander Y"
            return self._party(own)

        # who accompanies a leader sits on the leader's side (named in the sentence, by the leader's office, or by
        # the delegation the leader already heads: "X led the Jordanian team. She was joined by ..."); a side
        # named without a name is the one named last
        leader_party = (own_party(leader) or self._seated(leader.name)) if leader else None
        default = side or leader_party or ((context.before(offset) or context.headline) if unnamed_side else None)
        if leader and (party := side or leader_party or default):
            self._lead(self._delegation(party, fact), leader, explicit=True)
        hint = fields.get("priority", 0) <= HINT_PRIORITY
        facing = self._facing(fact, article, principal) if principal else None
        if weak:  # "the envoy met detained leader X": who cannot sit at the table is on no side's team
            members = [m for m in members if not self._away(m, fact.evidence.sentence)]
        for member in members:  # a person already seated by a stronger rule keeps that side
            if party := self._titled_elsewhere(member, side) or side or self._seated(member.name) or own_party(
                    member) or default or (facing if member is principal else None) or self._introduced(
                    people, member, offset):
                if hint and not self._open_to_hint(party, member):
                    continue
                delegation = self._delegation(party, fact)
                self._join(delegation, member, hosting=member is host)
                if member is principal or member is host:
                    book = self._principals if member is principal else self._hosts
                    book.setdefault(id(delegation), []).append(member.name)
        if party := side or (own_party(sender) if sender else None):
            delegation = self._delegation(party, fact)
            if sender and delegation.sent_by is None:
                delegation.sent_by = _person(sender)
                self._stays_home(delegation)

    def _titled_elsewhere(self, member: Mention, side: str | None) -> str | None:
        """The organisation a member's own title names when it is not the side the sentence lists them with ("the US
        team, led by A, and hosted by UN Special Coordinator B": B sits for the UN). A country in a title stays a
        nationality ("the OSCE co-chairs, X of Russia and Y of France" sit for the OSCE)."""
        own = self._party(role_party(member.role or "", "", self.lexicon)) if side and member.role else None
        return own if own and own != side and not _is_country(own, self.lexicon) else None

    def _facing(self, fact: Fact, article: ArticleContext, principal: Mention) -> str | None:
        """The side a principal with no party of their own sits for: the party the article names most other than
        the one they meet ("X held talks with his Pakistani counterpart Y", "X will hold talks with Iran's Foreign
        Minister Y"), when the sentence gives the other side one party."""
        if self.lexicon.party_in(principal.name):
            return None  # "Foreign Minister of Iran Abdollahian": a name the parser ran into a party's
        sentence, text = fact.evidence.sentence, article.article.text
        found = COUNTERPART_RE.search(sentence)
        met = {self.lexicon.party_of(found.group(1))} if found else set()
        if not found:
            near = [m for m in article.people.mentions if abs(m.start - fact.evidence.start) < len(sentence)
                    and m.name in sentence and not same_person(m.name, principal.name)]
            resolved = [article.people.resolve(Mention(name=m.name, party=m.party), m.start) for m in near]
            resolved += [article.people.resolve(Mention(name=word), fact.evidence.start)  # "he met with X"
                         for word in set(PRONOUN_RE.findall(sentence))]
            met = {self._party(found.party) for found in resolved
                   if found and found.party and not same_person(found.name, principal.name)}
        if len(met) != 1 or None in met:
            return None
        return _other_party(text, met.pop(), self.lexicon)

    def _away(self, member: Mention, sentence: str) -> bool:
        """A person whose role, or the words just before their name, keep them from the table: "detained leader X",
        "the ousted president, Y"."""
        words = fold(member.role or "").split()
        at = next((found for found in (sentence.find(part) for part in (member.name, member.name.split()[-1]))
                   if found >= 0), -1)
        if at >= 0:
            words += fold(sentence[:at]).split()[-4:]
        return bool(set(words) & self.lexicon.gazetteers.words("roles.away_words"))

    def _unplaced_rebel(self, found: Mention, context: SideContext) -> bool:
        """Whether a person's role names a rebel side ("rebel negotiator") the article names no armed group for,
        and nothing else gives their party: the side named last is not theirs."""
        return (context.rebels is None and not found.party and not role_party(found.role, found.name, self.lexicon)
                and side_party(found.role or "", self.lexicon) == REBEL_SIDE)

    def _open_to_hint(self, party: str, member: Mention) -> bool:
        """Whether a hinted person may sit for a side: not a head of state or government (who leads only where a
        stronger rule seats them), nor a "former" office holder, and only on a side no one is seated for yet
        (a minister who comments from home is not the team the text named)."""
        role = member.role
        if (is_head_of_state(role, self.lexicon) or " prime minister" in f" {fold(role)}"
                or "former" in fold(role).split()):
            return False
        delegation = self._by_party.get(fold(self._party(party) or party))
        return delegation is None or (delegation.leader is None and not delegation.members) or any(
            same_person(p.name, member.name) for p in [delegation.leader, *delegation.members] if p)

    def _introduced(self, people: ArticlePeople, member: Mention, offset: int) -> str | None:
        """The party the article gives a person where it introduces them ("Chinese Vice Commerce Minister X" in
        one sentence, "X met Y" in another): the last resort of seating, when this fact's text gives none. Only a
        party the gazetteer knows: an analyst's institute is no side."""
        found = people.resolve(Mention(name=member.name), offset)
        return self.lexicon.party_of(found.party) if found and found.party else None

    def _seated(self, name: str) -> str | None:
        """The party of the delegation a person already heads or sits in."""
        for delegation in self.delegations:
            if any(p and same_person(p.name, name) for p in [delegation.leader, *delegation.members]):
                return delegation.party
        return None

    def _resolve(self, people: ArticlePeople, found: Mention | str | None, offset: int, text: str) -> Mention | None:
        """A named person (full name and role), or None for a pronoun with no antecedent or a party. Its party
        is the one the fact's own text gives (seating reads it), not one resolution found elsewhere. A person
        the text gives a nom de guerre ("X, known by the alias Y") goes by it, as the article does after."""
        if not found:
            return None
        found = _by_given_name(Mention.of(found), people)
        resolved = people.resolve(found, offset)
        if (resolved is None or not resolved.name or self.lexicon.party_of(resolved.name)
                or self._office_words(resolved.name)):
            return None
        role = resolved.role
        if not found.role and not self._is_role(role):  # a clause caught as a role
            actor = self.lexicon.actor(resolved.name)
            role = actor.role if actor and actor.role else ""
        return resolved.model_copy(update={"role": role, "party": found.party, "name": _known_as(resolved.name, text)})

    def _office_words(self, name: str) -> bool:
        """A "name" made only of office or organisation words ("the Foreign Ministries of A and B"): nobody."""
        offices = self.lexicon.derived("resolve.office_words", lambda: frozenset().union(*(
            self.lexicon.gazetteers.words(key) for key in ("roles.office_nouns", "roles.organisation_words"))))
        words = fold(name).split()
        return bool(words) and all(w in offices or w.removesuffix("ies") + "y" in offices
                                   or w.removesuffix("s") in offices for w in words)

    def _is_role(self, role: str | None) -> bool:
        """A title ("Foreign Minister"), not a clause or a name the role finder caught."""
        return 0 < len((role or "").split()) <= MAX_ROLE_WORDS and is_title(role or "", self.lexicon)

    def _lead(self, delegation: Delegation, leader: Mention, explicit: bool) -> None:
        if delegation.leader is None:
            delegation.members = [m for m in delegation.members if not same_person(m.name, leader.name)]
            delegation.leader = _person(leader)
            if not explicit:
                self._implicit.add(id(delegation))
        elif not same_person(delegation.leader.name, leader.name) and explicit:
            _note_conflict(delegation, "leader", [delegation.leader.name, leader.name])
            if not any(same_person(m.name, leader.name) for m in delegation.members):
                delegation.members.append(_person(leader))  # a head the text also gives still sits on the side

    def _stays_home(self, delegation: Delegation) -> None:
        """Who sends a delegation does not go with it ("Netanyahu sent his negotiators"): a head of state the
        brief seated only for being seen near the talks leaves it."""
        sender = delegation.sent_by
        if sender is None:
            return
        if delegation.leader is not None and id(delegation) in self._implicit and same_person(
                delegation.leader.name, sender.name):
            delegation.leader = None
            self._implicit.discard(id(delegation))
        delegation.members = [m for m in delegation.members if not same_person(m.name, sender.name)]

    def _join(self, delegation: Delegation, member: Mention, hosting: bool = False) -> None:
        """Seat a person on a side: one whose role heads a delegation leads it, and so does a head of state or
        government, unless the fact shows them hosting the talks (a host is no side's head for that)."""
        if delegation.sent_by is not None and same_person(delegation.sent_by.name, member.name):
            return  # the sender stays home
        role = member.role
        if heads_delegation(role, self.lexicon):
            self._lead(delegation, member, explicit=True)
            return
        if not hosting and (is_head_of_state(role, self.lexicon)
                            or is_head_of_state(_known_role(member, self.lexicon), self.lexicon)):
            self._lead(delegation, member, explicit=False)  # a head of state is nobody's member
            return
        if not any(p and same_person(p.name, member.name) for p in [delegation.leader, *delegation.members]):
            delegation.members.append(_person(member))

    def settle(self) -> None:
        """A delegation with no named leader is led by its one named person (unless the text calls them only
        one of its members: "one Afghan negotiator, X"), else by its one principal: the one person the text
        shows meeting the other side for it ("Foreign Minister A held talks with B. Also attending were ...").
        A roster of several with no head wording and no single principal has no leader: the text names none,
        and the most senior title is no proof of one ("the team included Deputy Minister X and envoy Y";
        "A and B met C and D"). A host heads no side for being its one person named ("X, who hosted the talks"),
        only when the text also shows them meeting for it."""
        for delegation in self.delegations:
            if delegation.leader is not None or not delegation.members:
                continue
            if len(delegation.members) == 1 and not self._only_member(delegation.members[0].role) and not (
                    self._among(delegation, self._hosts) and not self._among(delegation, self._principals)):
                delegation.leader = delegation.members.pop()
            elif (principal := self._sole_principal(delegation)) is not None:
                delegation.members.remove(principal)
                delegation.leader = principal

    def _sole_principal(self, delegation: Delegation) -> Person | None:
        """The member the text shows meeting for a side, when it shows exactly one."""
        found = self._among(delegation, self._principals)
        return found[0] if len(found) == 1 else None

    @staticmethod
    def _among(delegation: Delegation, book: dict[int, list[str]]) -> list[Person]:
        """The members of a delegation a book (its principals or hosts) names."""
        named = book.get(id(delegation), [])
        return [m for m in delegation.members if any(same_person(m.name, name) for name in named)]

    def _only_member(self, role: str | None) -> bool:
        """A role that makes its holder one of a team, not its head: "Afghan negotiator", "a member"."""
        words = set(fold(role or "").split())
        return bool(words & set(_title_phrases(self.lexicon, "roles.member_titles"))) and not (
            heads_delegation(role, self.lexicon) or words & set(_title_phrases(self.lexicon, "roles.head_words")))


def _known_as(name: str, text: str) -> str:
    """The full name a person goes by when the text gives one after their own name ("X, known by the alias Y",
    "X, alias \"Y\"", "X, also known as Y"); else the name itself."""
    if name not in text:
        return name
    found = re.search(rf"{re.escape(name)},? \(?(?:(?:also|better) )?(?:known (?:by the (?:alias|name) |as )|alias |"
                      rf"a\.k\.a\.? |aka )[\"“']?([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){{1,3}})", text)
    return found.group(1) if found else name


def _elsewhere(sentence: str, present: set[str], wording: Wording) -> bool:
    """A meeting the sentence places at another occasion: a summit or conference at another time ("met X at the
    G20 summit last month", "will attend a summit in Washington next week"), in none of the places the article's
    talks are held in now."""
    if not wording.other_time.search(sentence) or not wording.occasion.search(sentence):
        return False
    folded = f" {fold(sentence)} "
    return not any(f" {venue} " in folded for venue in present)


def _other_party(text: str, party: str, lexicon: Lexicon) -> str | None:
    """The party the article names most other than `party` (by name, alias or demonym)."""
    names = tuple((entry.name, tuple(sorted({entry.name, *entry.aliases, *entry.demonyms})))
                  for entry in lexicon.gazetteers.parties if entry.name != party)
    return _most_named(text, names)


def _items(fields: dict[str, Any]) -> list[Any]:
    items = fields.get("members")
    items = items if isinstance(items, list) else [items] if items else []
    return [*items, fields["member"]] if fields.get("member") else items


def _by_given_name(found: Mention, people: ArticlePeople) -> Mention:
    """A one-word name that is the given name of one person the article names in full ("Abiy" for
    "Abiy Ahmed", "Anwar" for "Anwar Ibrahim"): that person."""
    words = fold(found.name).split()
    if len(words) != 1:
        return found
    full = {m.name for m in people.mentions if len(fold(m.name).split()) > 1 and fold(m.name).split()[0] == words[0]}
    surnames = {m.name for m in people.mentions if fold(m.name).split()[-1:] == words}
    if len(full) == 1 and not surnames - full:
        return found.model_copy(update={"name": full.pop()})
    return found


def _known_role(member: Mention, lexicon: Lexicon) -> str | None:
    actor = lexicon.actor(member.name)
    return actor.role if actor else None


def _person(found: Mention) -> Person:
    return Person(name=found.name, role=found.role or None)


def _note_conflict(item: Delegation, field_name: str, values: list[str]) -> None:
    for conflict in item.conflicts:
        if conflict.field == field_name:
            conflict.values.extend(v for v in values if v not in conflict.values)
            return
    item.conflicts.append(Conflict(field=field_name, values=values))
