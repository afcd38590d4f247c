"""Rosters: the people a delegation sentence lists, each with the role and party the text gives.

Wire reports list delegations as runs of names, titles and appositions separated by commas and
"and" ("envoy Jane Roe, Omar bin Khalid Al Nasser, the foreign minister of Oman, and army chief
Lt. Gen. John Doe"). The parse of such runs is unreliable, so a roster is read linearly:
split into segments, each either a person (with the title before the name and a "for/from X"
after it) or a role alone, which goes to the person it describes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefer.rules.lexicon import Lexicon, fold

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

BREAKS = {",", ";", ":", "•", "–", "—", "(", ")", "·", "*", "|"}
LINKS = {"and", "&", "plus"}
LINK_PAIRS = {("along", "with"), ("together", "with"), ("accompanied", "by")}
RELATIVE = {"who", "which", "whose", "whom"}
PLACE_LABELS = {"LOC", "FAC", "EVENT", "DATE", "TIME"}  # never a name (the small model calls names ORG, NORP, PRODUCT)
NAME_LINKS = {"bin", "ibn", "al", "el", "de", "da", "del", "van", "von", "der", "-", "ben", "abu"}
NOISE_ENTS = {"", "CARDINAL", "ORDINAL", "DATE", "TIME"}
NOISE_POS = {"VERB", "AUX", "ADP", "DET", "CCONJ", "SCONJ", "PART", "ADV", "PRON", "PUNCT", "SPACE", "NUM", "SYM"}
ROLE_PREPS = {"for", "from", "of", "representing", "at", "with"}
PRONOUN_REFS = {"he", "she"}
QUOTES = set("\"“”„«»'‘’")
# Words after which a role names what the job is for, not who holds it ("envoy to Ukraine").
QUALIFIER_RE = re.compile(r"\b(?:for|to|on|in charge of)\b", re.I)
# A side named only as the government ("on the side of the ruling party"): its country comes from the article.
GOVERNMENT_SIDE = "government"
GOVERNMENT_WORDS = ("ruling party", "government", "regime", "authorities", "ruling coalition", "junta")


@dataclass
class Segment:
    """A stretch of a roster between commas or "and": a person, a role, or nothing useful."""

    tokens: list[Token]


def _text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return " ".join(doc[tokens[0].i : tokens[-1].i + 1].text.split()).strip(" ,;:-–—")


def _segments(region: Span) -> list[Segment]:
    """Split a roster at commas, semicolons, dashes, bullets and "and"; drop relative clauses."""
    segments: list[Segment] = []
    current: list[Token] = []
    skipping = False
    tokens = list(region)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        pair = (token.lower_, tokens[i + 1].lower_) if i + 1 < len(tokens) else None
        boundary = token.text in BREAKS or "\n" in token.text or (token.lower_ in LINKS and token.ent_iob_ != "I")
        if boundary or pair in LINK_PAIRS or pair == ("as", "well"):
            if current:
                segments.append(Segment(current))
            current, skipping = [], False
            i += 1 if boundary else 3 if pair == ("as", "well") else 2
            continue
        if token.lower_ in RELATIVE:
            if current:
                segments.append(Segment(current))
            current, skipping = [], True
            clause = next((t for t in token.ancestors if t.dep_ in {"relcl", "acl"}), None)
            if clause is not None and clause.right_edge.i > token.i:  # skip the whole relative clause
                i += clause.right_edge.i - token.i + 1
                continue
        elif not skipping:
            current.append(token)
        i += 1
    if current:
        segments.append(Segment(current))
    return segments


def _strip_noise(tokens: list[Token]) -> list[Token]:
    """Drop leading function words and verbs ("including", "accompanied by the") and trailing punctuation."""
    while tokens and (tokens[0].pos_ in NOISE_POS or tokens[0].text in QUOTES) and tokens[0].ent_type_ in NOISE_ENTS:
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def is_title(text: str, lexicon: Lexicon) -> bool:
    """Whether a role holds a title word ("minister", "envoy"), not only a relation ("his sister")."""
    words = fold(text).split()
    titles = lexicon.title_words
    return any(w in titles or w.rstrip("s") in titles for w in words)


def _name_span(segment: Segment, lexicon: Lexicon, root: Token) -> tuple[int, int] | None:
    """The person a segment names, as token offsets: a PERSON entity, else a run of capitalised name words
    at its end (the small model misses many names: "Defence Secretary Aden Duale")."""
    doc = segment.tokens[0].doc
    first, last = segment.tokens[0].i, segment.tokens[-1].i
    for ent in doc.ents:
        if ent.label_ != "PERSON" or not first <= ent.start <= last or not _names_person(ent.text, lexicon):
            continue
        if ent.root.i != root.i and _modifies(ent.root, lexicon):
            continue
        start, end = ent.start, min(ent.end, last + 1)
        while (start > first and end - start < 3 and _name_word(doc[start - 1], lexicon)
               and not lexicon.party_of(doc[start - 1].text)):  # a given name the recogniser left out
            start -= 1
        if end - start >= 3 and start > first and doc[start - 1].lower_ in {"of", "for"}:
            start += 1  # "the governor of Miranda Héctor Rodríguez": the place belongs to the title
        while end <= last and (_name_word(doc[end], lexicon) or (
                doc[end].lower_ in NAME_LINKS and end < last and _name_word(doc[end + 1], lexicon))):
            end += 1
        return start, end
    cut = next((t.i for t in segment.tokens if t.lower_ in ROLE_PREPS and t.i > first), last + 1)
    run = [t for t in segment.tokens if t.i < cut]
    while run and (run[-1].is_punct or run[-1].is_space):
        run = run[:-1]
    start = len(run)
    while start > 0 and (_name_word(run[start - 1], lexicon) or (
            run[start - 1].lower_ in NAME_LINKS and start < len(run) and start > 1)):
        start -= 1
    name = run[start:]
    while name and name[0].lower_ in NAME_LINKS:
        name = name[1:]
    titled = start > 0 and fold(run[start - 1].text) in lexicon.title_words and run[start - 1].is_title
    # the very word a rule captured, written like a name and nothing else: "Abiy was accompanied by"
    alone = len(name) == 1 and name[0].i == root.i and name[0].tag_ == "NNP" and name[0].ent_type_ in {"", "PERSON"}
    if not name or (len(name) < 2 and not titled and not alone) or not _names_person(_text(name), lexicon):
        return None
    if name[-1].i != root.i and _modifies(name[-1], lexicon):
        return None
    return name[0].i, name[-1].i + 1


def _modifies(token: Token, lexicon: Lexicon) -> bool:
    """A name that describes something else, not a member: "Trump's envoy", "the Nicolás Maduro regime",
    "adviser to President X", "representatives of opposition leader X" (but "the governor of Miranda X" is X)."""
    if token.dep_ == "poss" or (token.dep_ == "compound" and token.head.pos_ == "NOUN"):
        return True
    if token.dep_ == "pobj" and token.head.lower_ in {"to", "for", "by", "with"}:
        # "adviser to President X" is about X; "Special Representative for Iran X" and "Minister for
        # Foreign Affairs X" are titles whose holder is X
        between = [t for t in token.doc[token.head.i + 1 : token.i] if t.ent_type_ != "PERSON"]
        return all(t.pos_ in {"DET", "PUNCT"} or fold(t.text) in lexicon.title_words for t in between)
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        noun = token.head.head
        return noun.pos_ == "NOUN" and (noun.tag_ == "NNS" or fold(noun.text) not in lexicon.title_words)
    return False


def _name_word(token: Token, lexicon: Lexicon) -> bool:
    """A capitalised word that can be part of a name: not a title, demonym, party or place."""
    text = fold(token.text)
    titles = lexicon.title_words
    return (token.pos_ == "PROPN" and token.is_title and text not in titles and text.rstrip("s") not in titles
            and text not in lexicon.demonyms and not lexicon.places.get(text) and token.ent_type_ not in PLACE_LABELS)


def _names_person(name: str, lexicon: Lexicon) -> bool:
    """Not a party, office or place, and written like a name."""
    return (not lexicon.party_of(name) and not office_party(name, lexicon) and not lexicon.places.get(fold(name))
            and any(w[:1].isupper() for w in name.split()))


def _group_head(segment: Segment) -> bool:
    """A plural noun at the head of a segment ("senior US officials"): a group, not one person's role."""
    inside = {t.i for t in segment.tokens}
    heads = [t for t in segment.tokens if t.head.i not in inside or t.head.i == t.i]
    return any(t.tag_ in {"NNS", "NNPS"} for t in heads)


def roster(region: Span, lexicon: Lexicon) -> list[dict[str, Any]]:
    """Every person a roster names, in order, with the role the text gives and the party it implies."""
    people: list[dict[str, Any]] = []
    pending: list[str] = []
    last_was_person = False
    group_party = None  # "senior US officials, including ...": the party of the people that follow
    group_role = ""  # "the representatives of the EU – A and B": the role of those that have none
    for segment in _segments(region):
        tokens = segment.tokens
        if tokens[0].text in QUOTES:  # a nickname in quotes, not another person
            continue
        found = _name_span(segment, lexicon, region.root)
        if found is None:
            words = _strip_noise(tokens)
            if len(tokens) == 1 and tokens[0].lower_ in PRONOUN_REFS:
                people.append({"name": tokens[0].text, "role": "", "party": None})
                pending, last_was_person = [], True
            elif not words or _group_head(Segment(words)):
                pending, last_was_person = [], False
                if words:
                    group_party, group_role = side_party(_text(words), lexicon), _singular(_text(words))
            elif last_was_person and people and not is_title(people[-1]["role"], lexicon) and is_title(
                    _text(words), lexicon):
                people[-1]["role"] = _text(words)
                people[-1]["party"] = role_party(people[-1]["role"], people[-1]["name"], lexicon)
                last_was_person = False
            else:
                pending.append(_text(words))
                last_was_person = False
            continue
        start, end = found
        doc = tokens[0].doc
        name = " ".join(doc[start:end].text.split())
        before = _strip_noise([t for t in tokens if t.i < start])
        after = [t for t in tokens if t.i >= end]
        role = _text(before)
        if before and before[-1].tag_ in {"NNS", "NNPS"}:  # "deputy ministers A and B": the role of each
            role = group_role = _singular(role)
        if after and after[0].lower_ in ROLE_PREPS:
            role = f"{role} {_text(after)}".strip()
        if pending and not is_title(role, lexicon):
            role = ", ".join([*pending, role]) if role else ", ".join(pending)
        pending, last_was_person = [], True
        group = group_party if group_party != GOVERNMENT_SIDE else None
        people.append({"name": name, "role": role or group_role, "party": role_party(role, name, lexicon) or group})
    return people


def _singular(text: str) -> str:
    """A group's description as one member's role: "senior officials of the EU" -> "senior official of the EU"."""
    words = text.split()
    for i, word in enumerate(words):
        if word.lower() in {"of", "from", "for", "at", "with"}:
            break
        if word.endswith("s") and not word.endswith("ss") and (i + 1 == len(words) or words[i + 1].lower() in {
                "of", "from", "for", "at", "with"}):
            words[i] = word[:-1]
    return " ".join(words)


def office_party(text: str, lexicon: Lexicon) -> str | None:
    """The party an office or institution belongs to ("Secretary of State", "Mossad"), from parties.yml."""
    folded = f" {fold(text)} "
    offices = lexicon.gazetteers.data.get("parties", {}).get("offices", {})
    for party, names in offices.items():
        if any(f" {fold(name)} " in folded for name in names):
            return party
    return None


def role_party(role: str, name: str, lexicon: Lexicon) -> str | None:
    """The party a person belongs to, from the job in their role (not what it is for), office, or fame."""
    job = QUALIFIER_RE.split(role or "", maxsplit=1)[0]
    actor = lexicon.actor(name) if name else None
    return lexicon.party_in(job) or office_party(role or "", lexicon) or (actor.party if actor else None)


def side_party(text: str, lexicon: Lexicon) -> str | None:
    """The party a side is named by ("the Russian delegation"), or GOVERNMENT_SIDE for an unnamed government."""
    found = lexicon.party_in(text) or office_party(text, lexicon)
    if found:
        return found
    folded = f" {fold(text)} "
    return GOVERNMENT_SIDE if any(f" {w} " in folded for w in GOVERNMENT_WORDS) else None
