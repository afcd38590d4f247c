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
from typing import TYPE_CHECKING

from briefer.extract.text import spaced_dash, without_honorifics
from briefer.model import Mention
from briefer.names import fold
from briefer.nlp import doc_ents, span_ents
from briefer.rules.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

BREAKS = {",", ";", ":", "•", "–", "—", "(", ")", "·", "*", "|"}
LINKS = {"and", "&", "plus"}
LINK_PAIRS = {("along", "with"), ("together", "with"), ("accompanied", "by")}
RELATIVE = {"who", "which", "whose", "whom"}
PLACE_LABELS = {"LOC", "FAC", "EVENT", "DATE", "TIME"}  # never a name (the small model calls names ORG, NORP, PRODUCT)
NOISE_ENTS = {"", "CARDINAL", "ORDINAL", "DATE", "TIME"}
PLACE_NAMES = {"GPE", "LOC", "NORP", "FAC"}
NOISE_POS = {"VERB", "AUX", "ADP", "DET", "CCONJ", "SCONJ", "PART", "ADV", "PRON", "PUNCT", "SPACE", "NUM", "SYM"}
ROLE_PREPS = {"for", "from", "of", "representing", "at", "with"}
# Prepositions after a name that start an adjunct, never a name word: "counterpart Jane Roe in Lima on Tuesday".
ADJUNCT_PREPS = {"in", "on"}
PRONOUN_REFS = {"he", "she", "him", "her"}
ARTICLES = {"a", "an", "the"}
# Courtesy titles: no role of their own ("Deputy Minister, Ms. X" keeps "Deputy Minister").
QUOTES = set("\"“”„«»'‘’")
# A photo caption's place marks ("X, left, and Y, second right"; "(L)"): where someone stands, never a name or role.
POSITION_RE = re.compile(r"(?:(?:from|far|second|third|fourth|fifth|2nd|3rd|4th|5th|front|back|top|bottom|rear)\s+)*"
                         r"(?:left|right|centre|center|l|r|c|front|rear)", re.I)
# Where one description of a person ends and the next begins: "a critic of X and (an) aide to Y", "a critic, an aide".
DESCRIPTIONS_RE = re.compile(r",\s*|\s+and\s+")
# Words after which a role names what the job is for, not who holds it ("envoy to Ukraine").
QUALIFIER_RE = re.compile(r"\b(?:for|to|on|in charge of)\b", re.I)
# "A and B on the American side and C on the Russian side": a side named after the people it holds.
SIDE_MARK = {"on", "for", "from"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# Verbs that go on with a list rather than end it: "led by A and (will also) include B, C and D".
LISTING_VERBS = {"include", "comprise", "feature"}
HEADING_VERBS = {"head", "lead", "run", "direct", "chair"}  # "X, who heads the ministry's desk": X's office
OFFICE_LISTS = ("office_nouns", "office_words", "side_kinds", "delegation_nouns")  # what such a clause may name
# A side named only as the government ("on the side of the ruling party"): its country comes from the article.
GOVERNMENT_SIDE = "government"
# A side named only by its armed struggle ("the rebel delegation"): the armed group comes from the article.
REBEL_SIDE = "rebels"
# A side named only as one half of a divided country ("the North's delegation", "the South will send ..."): the
# party comes from the article ("North Korea"); not "the North Korean team", which names its party.
# A city in capitals opening a role: the dateline of the sentence the role was read from ("STOCKHOLM U.S. ...").
DATELINE_ROLE_RE = re.compile(r"^([A-Z][A-Z’'-]{2,}(?: [A-Z][A-Z’'-]{2,})?)\s+(?=\S)")
COMPASS_RE = re.compile(r"\b[Tt]he (North|South)\b(?!-?\s*[A-Z])")
COMPASS_SIDES = {"the North", "the South"}
# "the party's general secretary": an officer of the movement the article is about
GROUP_POSSESSIVE_RE = re.compile(r"(?:^|\b[Tt]he )(?:party|movement|group)['’]s?(?!\w)")
OPPOSITION_RE = re.compile(r"\b([A-Z][\w-]+) opposition\b")  # "the Syrian opposition"
# Where a side is based, which names no party: "groups based in northern Kenya", "the Doha-based negotiators".
BASED_RE = re.compile(r"\b(?:based|headquartered|stationed) in\b[^,;]*|\b[\w.’'-]+-based\b")
UNNAMED_SIDES = {GOVERNMENT_SIDE, REBEL_SIDE, *COMPASS_SIDES}


@dataclass
class Segment:
    """A stretch of a roster between commas or "and": a person, a role, or nothing useful."""

    tokens: list[Token]
    name: tuple[int, int] | None = None  # the name, when the segment was cut off a run of parties and names


def _text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return " ".join(doc[tokens[0].i : tokens[-1].i + 1].text.split()).strip(" ,;:-–—")


def _segments(region: Span, lexicon: Lexicon) -> list[Segment]:
    """Split a roster at commas, semicolons, dashes, bullets and "and"; drop relative clauses; stop at a
    finite verb outside them (the list is over: "A, B and C, all participants said ..."), but not at one that
    lists more ("led by A and includes B")."""
    segments: list[Segment] = []
    current: list[Token] = []
    skipping = False
    tokens = list(region)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        pair = (token.lower_, tokens[i + 1].lower_) if i + 1 < len(tokens) else None
        boundary = (token.text in BREAKS or "\n" in token.text or (token.lower_ in LINKS and token.ent_iob_ != "I")
                    or _joins_people(token) or spaced_dash(token))
        if _finite_verb(token) and not skipping and i > 0:
            if current and not _subject_of(current, token):  # "..., Xinhua reported": no entry of the list
                segments.append(Segment(current))
            listing = next((j for j in range(i, len(tokens)) if tokens[j].pos_ not in {"AUX", "ADV", "PART"}), None)
            if listing is None or tokens[listing].lemma_ not in LISTING_VERBS:
                return segments
            current, i = [], listing + 1
            continue
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
                i += _clause_end(token, clause.right_edge.i, lexicon) - token.i + 1
                continue
        elif not skipping:
            current.append(token)
        i += 1
    if current:
        segments.append(Segment(current))
    return segments


def _clause_end(start: Token, end: int, lexicon: Lexicon) -> int:
    """Where a relative clause ends in a roster: at its right edge, or before a ", and" that goes on to a person
    (a name, or a title before a proper noun), which the parser hung inside it ("X, who heads the office, and
    adviser Y": Y is the next entry)."""
    doc = start.doc
    for k in range(start.i + 1, end):
        rest = doc[k + 2 : end + 1]
        if doc[k].text == "," and doc[k + 1].lower_ in LINKS and any(
                t.ent_type_ == "PERSON" or (_title_word(t, lexicon) and t.i < end and doc[t.i + 1].pos_ == "PROPN")
                for t in rest):
            return k - 1
    return end


def _finite_verb(token: Token) -> bool:
    """A finite verb, not a name the tagger took for one ("Taye" of "Taye Alemu" tagged VBZ)."""
    return token.tag_ in FINITE_TAGS and token.pos_ in {"VERB", "AUX"} and token.ent_type_ != "PERSON"


def _subject_of(tokens: list[Token], verb: Token) -> bool:
    """Whether a stretch is no entry of the list a verb ends: it opens a line of prose ("X granted ..."), or it
    is that verb's subject and names no one ("..., Xinhua news agency reported"; but "Heading the team,
    commander X said" names X)."""
    first = tokens[0]
    if first.i > 0 and "\n" in first.doc[first.i - 1].text + first.doc[first.i - 1].whitespace_:
        return True
    heads = {verb.i, verb.head.i} if verb.dep_ == "aux" else {verb.i}
    return not any(t.ent_type_ == "PERSON" for t in tokens) and any(
        t.dep_ in {"nsubj", "nsubjpass"} and t.head.i in heads for t in tokens)


def _joins_people(token: Token) -> bool:
    """ "with" between a name and the next entry: "brings together A with B, C and D"."""
    if token.lower_ != "with" or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.ent_type_ == "PERSON" or (before.pos_ == "PROPN" and _known_surname(before))


def _known_surname(token: Token) -> bool:
    """A capitalised word the article also gives as the last word of a full name: a person, whatever the entity
    recogniser made of it here ("Araghchi" tagged as a place)."""
    return token.is_title and any(
        ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == token.text for ent in doc_ents(token.doc))


def _side_mark(tokens: list[Token], lexicon: Lexicon) -> str | None:
    """The party of an "on the American side" that closes a roster entry."""
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if len(tokens) < 4 or tokens[-1].lower_ != "side":
        return None
    for k, token in enumerate(tokens[:-3]):
        if token.lower_ in SIDE_MARK and tokens[k + 1].lower_ == "the":
            return lexicon.party_in(_text(tokens[k + 2 : -1]))
    return None


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


def _links_names(token: Token, lexicon: Lexicon) -> bool:
    """A particle or hyphen inside a name ("bin", "von", "-")."""
    return token.lower_ == "-" or token.lower_ in lexicon.name_particles


def _name_span(segment: Segment, lexicon: Lexicon, region: Span) -> tuple[int, int] | None:
    """The person a segment names, as token offsets: a PERSON entity, else a run of capitalised name words
    at its end (the small model misses many names: "Defence Secretary Aden Duale")."""
    if segment.name is not None:
        return segment.name
    doc, root = segment.tokens[0].doc, region.root
    first, last = segment.tokens[0].i, segment.tokens[-1].i
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON" or not first <= ent.start <= last or not _names_person(ent.text, lexicon):
            continue
        if ent.root.i != root.i and _modifies(ent.root, lexicon, region):
            continue
        start, end = ent.start, min(ent.end, last + 1)
        known = lexicon.actor(ent.text) is not None  # a known full name: no given name left out before it
        while end - start > 1 and _title_word(doc[start], lexicon):  # "Mullah Karim Zadran", "Gen Ali Musa"
            start += 1
        while (not known and start > first and end - start < 3 and _name_word(doc[start - 1], lexicon)
               and not lexicon.party_of(doc[start - 1].text)):  # a given name the recogniser left out
            start -= 1
        if end - start >= 3 and start > first and doc[start - 1].lower_ in {"of", "for"}:
            start += 1  # "the governor of Miranda Héctor Rodríguez": the place belongs to the title
        while end <= last and (_name_word(doc[end], lexicon) or (
                _links_names(doc[end], lexicon) and end < last and _name_word(doc[end + 1], lexicon))):
            end += 1
        if end == last and _place_surname(doc[end], lexicon):  # "Jorge" + "Lagos": a surname tagged as a place
            end += 1
        if all(_title_word(t, lexicon) for t in doc[start:end]):  # "Lt. Gen" taken for a name: ranks only
            continue
        return start, end
    cut = next((t.i for t in segment.tokens if t.i > first and (t.lower_ in ROLE_PREPS or (
        t.lower_ in ADJUNCT_PREPS and t.nbor(-1).pos_ == "PROPN" and t.nbor(-1).is_title))), last + 1)
    run = [t for t in segment.tokens if t.i < cut]
    while run and (run[-1].is_punct or run[-1].is_space):
        run = run[:-1]
    start = len(run)
    if len(run) >= 3 and _place_surname(run[-1], lexicon) and _name_word(run[-2], lexicon) and (
            run[-2].ent_type_ in {"", "PERSON"} and _title_word(run[-3], lexicon)):
        start -= 1  # "Ambassador Carlos Lima": a given name after a title, then a surname that is also a place
    while start > 0 and (_name_word(run[start - 1], lexicon) or (
            _links_names(run[start - 1], lexicon) and start < len(run) and start > 1)):
        start -= 1
    name = run[start:]
    while name and (_links_names(name[0], lexicon) or (len(name) > 2 and _place_after_title(name[0], lexicon))):
        name = name[1:]
    titled = start > 0 and fold(run[start - 1].text) in lexicon.title_words and run[start - 1].is_title
    # the very word a rule captured, written like a name and nothing else: "Abiy was accompanied by"
    # (or tagged as a place or organisation: "Qureshi, who ..., is leading the delegation", unless it names an office)
    alone = len(name) == 1 and ((name[0].i == root.i and name[0].tag_ == "NNP" and _may_be_surname(name[0], lexicon))
                                or _known_surname(name[0]))
    if not name and cut <= last:
        return _name_after_title(segment, lexicon, region)
    if not name or (len(name) < 2 and not titled and not alone) or not _names_person(_text(name), lexicon):
        return None
    if name[-1].i != root.i and _modifies(name[-1], lexicon, region):
        return None
    return name[0].i, name[-1].i + 1


def _name_after_title(segment: Segment, lexicon: Lexicon, region: Span) -> tuple[int, int] | None:
    """The name that ends a title with a prepositional tail, which the entity recogniser ran together with the
    place or took for an organisation: "Special Envoy to Lebanon Jane Roe" -> "Jane Roe"."""
    tokens = _strip_noise(segment.tokens)
    end = len(tokens)
    start = end
    while start > 0 and tokens[start - 1].pos_ == "PROPN" and tokens[start - 1].is_title and (
            fold(tokens[start - 1].text) not in lexicon.title_words | lexicon.demonyms
            | lexicon.gazetteers.words("roles.office_words")):
        start -= 1
    while end - start > 2 and _place_after_title(tokens[start], lexicon):
        start += 1
    if end - start < 2 or start == 0 or not _names_person(_text(tokens[start:end]), lexicon):
        return None
    if not is_title(_text(tokens[:start]), lexicon) or _modifies(tokens[end - 1], lexicon, region):
        return None
    return tokens[start].i, tokens[end - 1].i + 1


def _place_after_title(token: Token, lexicon: Lexicon) -> bool:
    """A place or party right after a title's preposition: "envoy to Lebanon Jane Roe", "for Africa"; the place
    belongs to the title, not to the name after it (but "Defence Minister Israel Katz" keeps his given name)."""
    doc = token.doc
    text = fold(token.text)
    return (token.i > 0 and doc[token.i - 1].lower_ in {"to", "for", "of", "on"} and bool(
        lexicon.party_of(token.text) or lexicon.places.get(text) or text in lexicon.gazetteers.words("places.regions")))


def title_tail(region: Span, lexicon: Lexicon) -> Span:
    """A region that ends on a title (or on the place a title is for), run on over the name the parser hung
    elsewhere: "US Special Envoy" + "to Lebanon Jane Roe" (stops at the first word that is neither a preposition
    of a title nor capitalised)."""
    doc = region.doc
    if not region or not (fold(region[-1].text) in lexicon.title_words or _place_after_title(region[-1], lexicon)):
        return region
    end, sentence_end = region.end, region[-1].sent.end
    while end < sentence_end and doc[end].ent_type_ not in NOISE_ENTS - {""} and (
            doc[end].lower_ in {"to", "for", "of", "on", "the"} or (doc[end].pos_ == "PROPN" and doc[end].is_title)):
        end += 1
    while end > region.end and not doc[end - 1].is_title:  # "... Jane Roe on": the preposition starts no name
        end -= 1
    return doc[region.start : end] if any(t.pos_ == "PROPN" for t in doc[region.end : end]) else region


def semicolon_run(region: Span) -> Span:
    """A roster the parser cut at a semicolon ("Senator A; General B; and former judge C"): a region a semicolon
    follows runs on to the end of its sentence, when no finite verb stands there (the list goes on, no new clause)."""
    doc, end = region.doc, region.end
    if not region or end >= len(doc) or doc[end].text != ";":
        return region
    rest = doc[end : region[-1].sent.end]
    return region if any(_finite_verb(t) for t in rest) else doc[region.start : rest.end]


def run_on(region: Span) -> Span:
    """A roster the sentence splitter cut short ("Maj. Gen. (res.)" + "Jane Roe, and adviser John Doe."): a region
    that ends its sentence runs on over the next ones on its line that hold no finite verb (fragments of it)."""
    doc, end = region.doc, region.end
    while end < len(doc) and all(t.is_punct for t in doc[end : doc[end - 1].sent.end]):
        following = doc[doc[end - 1].sent.end :][:1]
        if not following:
            break
        sentence = following[0].sent
        if any("\n" in t.text or "\n" in t.whitespace_ for t in doc[end - 1 : sentence.end - 1]) or any(
                t.tag_ in FINITE_TAGS and t.pos_ in {"VERB", "AUX"} for t in sentence):
            break
        end = sentence.end
    return doc[region.start : end] if end > region.end else region


def _modifies(token: Token, lexicon: Lexicon, region: Span) -> bool:
    """A name that describes something else, not a member: "Trump's envoy", "the Nicolás Maduro regime",
    "adviser to President X", "representatives of opposition leader X" (but "the governor of Miranda X" is X).
    A noun after the roster (which ends before the region's end) is no such thing: "with X mediating" parsed as a
    noun; nor is a preposition before the roster ("represented by" + "X, the ...")."""
    if token.dep_ == "poss" or (token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.i < region.end):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "by" and token.head.head.lemma_ in {"lead", "head", "chair"}:
        return False  # "the Rapid Support Forces, led by X": X heads the group the roster names
    if token.dep_ == "pobj" and token.head.lower_ in {"to", "for", "by", "with"} and token.head.i >= region.start:
        # "adviser to President X" is about X; "Special Representative for Iran X" and "Minister for
        # Foreign Affairs X" are titles whose holder is X
        between = [t for t in token.doc[token.head.i + 1 : token.i] if t.ent_type_ != "PERSON"]
        if _aide_to(token.head, lexicon):  # "an aide to US President X": the principal's country may come first
            between = [t for t in between if not lexicon.party_of(t.text)]
        return all(t.pos_ in {"DET", "PUNCT"} or fold(t.text) in lexicon.title_words for t in between)
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        noun = token.head.head
        return noun.pos_ == "NOUN" and (noun.tag_ == "NNS" or fold(noun.text) not in lexicon.title_words)
    return False


def _aide_to(prep: Token, lexicon: Lexicon) -> bool:
    """ "to" after a staff title: "aide to", "adviser to" (whose object is the principal, never the member)."""
    return prep.lower_ == "to" and prep.head.lower_ in lexicon.gazetteers.words("roles.staff_titles")


def _title_word(token: Token, lexicon: Lexicon) -> bool:
    """A title or rank that the entity recogniser took into a name ("Mullah", "Gen.", "Maj.")."""
    return fold(token.text) in lexicon.title_words or token.lower_ in lexicon.title_words


def _name_word(token: Token, lexicon: Lexicon) -> bool:
    """A capitalised word that can be part of a name: not a title, demonym, party or place."""
    text = fold(token.text)
    titles = lexicon.title_words
    plural = text[:-3] + "y" if text.endswith("ies") else text.rstrip("s")  # "Secretaries", "Ministers"
    return (token.pos_ == "PROPN" and token.is_title and text not in titles and plural not in titles
            and text not in lexicon.demonyms and not lexicon.places.get(text) and token.ent_type_ not in PLACE_LABELS
            and text not in lexicon.gazetteers.words("roles.office_words"))


def _place_surname(token: Token, lexicon: Lexicon) -> bool:
    """A capitalised word that names a place but ends a person's name right after their given name ("Jorge Lagos",
    "Carlos Lima"): only ever asked of the last word of a roster entry."""
    text = fold(token.text)
    return (token.pos_ == "PROPN" and token.is_title and token.ent_type_ in {"", "PERSON", "GPE", "LOC"}
            and not _title_word(token, lexicon) and text not in lexicon.demonyms
            and text not in lexicon.gazetteers.words("roles.office_words"))


def _names_person(name: str, lexicon: Lexicon) -> bool:
    """Not a party, office, organisation ("Negotiations Committee") or place, and written like a name."""
    words = fold(name).split()
    return (not lexicon.party_of(name) and not office_party(name, lexicon) and not lexicon.places.get(fold(name))
            and any(w[:1].isupper() for w in name.split())
            and not (words and words[-1] in lexicon.gazetteers.words("roles.organisation_words")))


def _may_be_surname(token: Token, lexicon: Lexicon) -> bool:
    """A lone capitalised word that can be a surname: untagged, a person, or a place or organisation of that one
    word ("Qureshi" tagged GPE), but never part of a longer place ("Arabia" of "Saudi Arabia") or an office."""
    if token.ent_type_ in {"", "PERSON"}:
        return True
    ent = next((e for e in doc_ents(token.doc) if e.start <= token.i < e.end), None)
    return (token.ent_type_ in {"GPE", "ORG"} and ent is not None and len(ent) == 1
            and not _names_office(token.text, lexicon))


def _names_office(text: str, lexicon: Lexicon) -> bool:
    """A ministry, department or office ("Ministry of Foreign Affairs of Peru"), not a person or a title."""
    words = fold(text).split()
    offices = lexicon.gazetteers.words("roles.office_nouns")
    if words[:1] == ["the"]:
        words = words[1:]
    if words and words[0] in offices:  # "Ministry of Foreign Affairs of Peru": named by its head noun
        return True
    return bool(set(words) & offices) and not is_title(text, lexicon)


def _group_head(segment: Segment) -> bool:
    """A plural noun at the head of a segment ("senior US officials"): a group, not one person's role."""
    inside = {t.i for t in segment.tokens}
    heads = [t for t in segment.tokens if t.head.i not in inside or t.head.i == t.i]
    return any(t.tag_ in {"NNS", "NNPS"} for t in heads)


def roster(region: Span, lexicon: Lexicon) -> list[Mention]:
    """Every person a roster names, in order, with the role the text gives and the party it implies."""
    people: list[Mention] = []
    pending: list[str] = []
    last_was_person = False
    described = False  # the last segment gave the last person's title: the office may follow it
    group_party = None  # "senior US officials, including ...": the party of the people that follow
    group_role = ""  # "the representatives of the EU – A and B": the role of those that have none
    unmarked = 0  # the first person no "on the X side" has placed yet
    segments = _segments(region, lexicon)
    if (paired := _respectively(segments, region, lexicon) or _paired(segments, region, lexicon)) is not None:
        return paired
    by_line = any("\n" in t.text + t.whitespace_ for t in region[:-1])  # one entry a line: "A, title"
    entry = None  # on such a list, the person the current line names
    for k, segment in enumerate(segments):
        tokens = segment.tokens
        if by_line and (k == 0 or _line_between(segments[k - 1].tokens[-1], tokens[0])):
            pending, entry = [], None
        if tokens[0].text in QUOTES:  # a nickname in quotes, not another person
            continue
        if _parenthetical(segment) or _position_marker(tokens):  # "Director General (Europe)"; ", left,"
            continue
        # "the Minsk Group Co-Chairs, A, B and C": a group the names that follow belong to, never a name itself
        found = None if _plural_title(tokens[-1], lexicon) else _name_span(segment, lexicon, region)
        described_before = described
        after_person, described = last_was_person or described, False
        if found is None:
            words = _strip_noise(tokens)
            if entry is not None and words:  # "B, Minister of Information and Culture": all B's on B's line
                joint = " and " if tokens[0].doc[tokens[0].i - 1].lower_ in LINKS else ", "
                role = joint.join(r for r in (people[entry].role, _text(words)) if r)
                party = people[entry].party or role_party(role, people[entry].name, lexicon)
                people[entry] = people[entry].model_copy(update={"role": role, "party": party})
            elif people and _describes_last(tokens, words, last_was_person and not people[-1].role,
                                            described_before, lexicon):
                # "B, a participant in past talks and a member of the council": an apposition describes B
                joint = " and " if described_before else ""
                role = joint.join(r for r in (people[-1].role if described_before else "", _text(words)) if r)
                party = people[-1].party or role_party(role, people[-1].name, lexicon)
                people[-1] = people[-1].model_copy(update={"role": role, "party": party})
                described, last_was_person = True, False
            elif len(tokens) == 1 and tokens[0].lower_ in PRONOUN_REFS:
                people.append(Mention(name=tokens[0].text))
                pending, last_was_person = [], True
            elif not words or _group_head(Segment(words)) or _plural_title(words[-1], lexicon):
                pending, last_was_person = [], False
                if words:
                    group_party, group_role = side_party(_text(words), lexicon), _singular(_text(words))
            elif last_was_person and people and not is_title(people[-1].role, lexicon) and is_title(
                    _text(words), lexicon):
                role = _text(words)
                people[-1] = people[-1].model_copy(
                    update={"role": role, "party": role_party(role, people[-1].name, lexicon)})
                described = True
                last_was_person = False
            elif (after_person or pending) and people and _names_office(_text(words), lexicon):
                # "X, Joint Secretary, Ministry of Foreign Affairs of Peru": the office the person works in (and
                # the titles between: "Ambassador X, Deputy Minister, Ministry of ...")
                role = ", ".join(r for r in (people[-1].role, *pending, _text(words)) if r)
                party = people[-1].party or role_party(role, people[-1].name, lexicon)
                people[-1] = people[-1].model_copy(update={"role": role, "party": party})
                pending, last_was_person = [], False
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
        if fold(role) in lexicon.honorifics:
            role = ""
        party = None
        if tokens[0].lower_ in {"its", "their"}:  # "X, its coordinator Y": Y sits for X's side
            party = people[-1].party if people else _possessor_party(tokens[0], lexicon)
        if before and (before[-1].tag_ in {"NNS", "NNPS"} or _plural_title(before[-1], lexicon)):
            role = group_role = _singular(role)  # "deputy ministers A and B", "Foreign Ministers A and B": each's
        if after and after[0].lower_ in ROLE_PREPS:  # "Presidents A of X and B of Y": B is President of Y
            role = f"{role or group_role} {_text(after)}".strip()
        described_by = None  # "the head of the Sudanese army, General X": a rank for a role, the office's party
        if pending and not is_title(role, lexicon):
            role = ", ".join([*pending, role]) if role else ", ".join(pending)
        elif pending:
            described_by = role_party(", ".join(pending), "", lexicon)
        pending, last_was_person = [], True
        group = group_party if group_party not in UNNAMED_SIDES else None
        party = party or role_party(role, name, lexicon) or described_by or group
        if party is None and (office := _office_clause(doc[start:end], lexicon)):
            role, party = role or office[0], office[1]
        name, role = without_honorifics(name, role or group_role, lexicon.honorifics)
        people.append(Mention(name=name, role=role, party=party))
        entry = len(people) - 1 if by_line else None
        if (marked := _side_mark(after, lexicon)) is not None:  # "A and B on the American side": both sit for it
            people[unmarked:] = [found.model_copy(update={"party": marked}) for found in people[unmarked:]]
            unmarked = len(people)
    if pending and people and not people[-1].role:  # "..., and C, a member of parliament": C's own description
        role = ", ".join(pending)
        people[-1] = people[-1].model_copy(
            update={"role": role, "party": people[-1].party or role_party(role, people[-1].name, lexicon)})
    return people


def _office_clause(name: Span, lexicon: Lexicon) -> tuple[str, str] | None:
    """The office of a side a relative clause puts a person at the head of ("X, who heads the Peruvian foreign
    ministry's Chile desk,": "head of the Peruvian foreign ministry's Chile desk", Peru); none if none, or if what
    the person runs is no office, army or delegation of a party ("who runs a Chilean think tank"). The roster
    skips the clause, and a person's side may be given nowhere else."""
    offices = set().union(*(lexicon.gazetteers.words(f"roles.{words}") for words in OFFICE_LISTS))
    for clause in name.root.children:
        if clause.dep_ != "relcl" or clause.lemma_ not in HEADING_VERBS:
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children):
            continue
        office = next((c for c in clause.children if c.dep_ == "dobj"), None)
        if office is None:
            continue
        words = name.doc[office.left_edge.i : office.right_edge.i + 1]
        if any(t.lower_ in offices for t in words) and (party := role_party(words.text, "", lexicon)):
            return "head of " + words.text, party
    return None


def _describes_last(tokens: list[Token], words: list[Token], bare: bool, described: bool, lexicon: Lexicon) -> bool:
    """Whether a segment naming no one describes the person named last: an apposition after a name without a role
    ("B, a participant in past talks"), or a second description joined by "and" to the one just given ("B, a
    member of the council and a former minister", "B, state councillor and foreign minister of X"; not "and other
    senior officials", a group)."""
    appositive = tokens[0].lower_ in ARTICLES
    if appositive and bare:
        return True
    second = appositive or (is_title(_text(words), lexicon) and not _group_head(Segment(words)))
    return described and _after_link(tokens[0]) and second


def _after_link(token: Token) -> bool:
    """Whether "and" (or "&") comes right before a token."""
    return token.i > 0 and token.doc[token.i - 1].lower_ in LINKS


def _plural_title(token: Token, lexicon: Lexicon) -> bool:
    """A title in the plural the tagger took for a name ("Ministers" of "Foreign Ministers A and B")."""
    text = fold(token.text)
    return (text.endswith("s") and not text.endswith("ss") and text[:-1] in lexicon.title_words
            and token.ent_type_ not in PLACE_NAMES)  # "the United States" is no group of state officials


def _line_between(before: Token, after: Token) -> bool:
    """Whether a line break parts two tokens."""
    return any("\n" in t.text + t.whitespace_ for t in before.doc[before.i : after.i])


def _position_marker(tokens: list[Token]) -> bool:
    """A caption's place mark standing alone between commas or in brackets: "left", "second right", "(R)"."""
    words = [t for t in tokens if not t.is_punct]
    return bool(words) and POSITION_RE.fullmatch(" ".join(t.text for t in words)) is not None


def _parenthetical(segment: Segment) -> bool:
    """A segment standing alone in brackets: "(Europe)" of "Director General (Europe)"."""
    doc, first, last = segment.tokens[0].doc, segment.tokens[0].i, segment.tokens[-1].i
    return first > 0 and doc[first - 1].text == "(" and last + 1 < len(doc) and doc[last + 1].text == ")"


def _possessor_party(token: Token, lexicon: Lexicon) -> str | None:
    """The party an "its" or "their" refers to: the last party the sentence names before it."""
    named = [ent for ent in span_ents(token.sent) if ent.end <= token.i and lexicon.party_of(ent.text)]
    return lexicon.party_of(named[-1].text) if named else None


def _respectively(segments: list[Segment], region: Span, lexicon: Lexicon) -> list[Mention] | None:
    """ "the governors of A, and the B one, X and Y respectively": the roles listed first go to the names listed
    after them, in order (None when the roster says no "respectively" or the counts differ). Parties listed first
    give their sides, and the title before the first name is everyone's: "A and B, led by their chief negotiators
    X and Y, respectively"."""
    after = region.doc[region.start : min(region.end + 2, len(region.doc))]  # "..., respectively," hung on the verb
    if not any(t.lower_ == "respectively" for t in after):
        return None
    roles, names, shared = [], [], ""
    for segment in segments:
        found = _name_span(segment, lexicon, region)
        if found is None and not names:
            text = _text(_strip_noise(segment.tokens))
            roles.append(text if lexicon.party_of(text) else _singular(text))
        elif found is not None:
            if not names:
                shared = _singular(_text(_strip_noise([t for t in segment.tokens if t.i < found[0]])))
            names.append(" ".join(segment.tokens[0].doc[found[0] : found[1]].text.split()))
    if len(names) < 2 or len(roles) != len(names):
        return None
    return [Mention(name=name, role=shared, party=lexicon.party_of(role)) if lexicon.party_of(role)
            else Mention(name=name, role=role, party=role_party(role, name, lexicon))
            for name, role in zip(names, roles, strict=True)]


def _paired(segments: list[Segment], region: Span, lexicon: Lexicon) -> list[Mention] | None:
    """A role shared by two or more parties and as many names, matched in order: "the foreign ministers of A and B,
    X and Y", "his A and B counterparts, X and Y", "A's and B's envoys, X and Y", "X and Y, the envoys of A and B
    respectively" (names first only with "respectively"). None when the roster is not so built."""
    segments = _unglued(segments, region, lexicon)
    spans = [_name_span(segment, lexicon, region) for segment in segments]
    while len(spans) > 1 and spans[-1] is None and segments[-1].tokens[0].pos_ == "ADP":  # "..., in Ankara"
        segments, spans = segments[:-1], spans[:-1]
    kinds = [span is not None for span in spans]
    if len(segments) < 4 or sum(kinds) * 2 != len(segments) or kinds[0] == kinds[-1]:
        return None
    half = len(segments) // 2
    if kinds[:half] != [kinds[0]] * half:  # one block of names and one of roles
        return None
    names_first = kinds[0]
    after = region.doc[region.start : region.end + 1]  # "X and Y, the envoys of A and B" + "respectively"
    if names_first and not any(t.lower_ == "respectively" for t in after):
        return None
    roles = [_strip_noise([t for t in s.tokens if t.lower_ != "respectively"]) for s in segments]
    roles = roles[half:] if names_first else roles[:half]
    parties = [_party_words(tokens, lexicon) for tokens in roles]
    shared = [tokens for tokens in roles if any(t.tag_ in {"NNS", "NNPS"} for t in tokens)]
    if None in parties or len({fold(p) for p in parties}) != half or len(shared) != 1:
        return None
    template, own = _singular(_text(shared[0])), parties[roles.index(shared[0])]
    named = [segment for segment, span in zip(segments, spans, strict=True) if span is not None]
    people = []
    for segment, party_words in zip(named, parties, strict=True):
        start, end = _name_span(segment, lexicon, region)
        name = " ".join(segment.tokens[0].doc[start:end].text.split())
        role = re.sub(rf"\b{re.escape(own)}\b", party_words, template, count=1)
        people.append(Mention(name=name, role=role, party=role_party(role, name, lexicon)))
    return people


def _unglued(segments: list[Segment], region: Span, lexicon: Lexicon) -> list[Segment]:
    """A list of parties run straight on into a list of names, with no comma between ("the foreign ministers of A
    and B Jane Roe and John Doe"): the segment that holds the last party and the first name, cut in two. Only
    after a plural title and before any name; else the segments as they are."""
    if not segments or not any(t.tag_ in {"NNS", "NNPS"} or _plural_title(t, lexicon) for t in segments[0].tokens):
        return segments
    for k, segment in enumerate(segments):
        tokens = segment.tokens
        size = next((n for n in (3, 2, 1) if n < len(tokens) - 1 and lexicon.party_of(_text(tokens[:n]))), 0)
        if not size or not tokens[size].is_title:
            if _name_span(segment, lexicon, region) is not None:
                return segments
            continue
        if k == 0:
            return segments
        rest = tokens[size:]
        if len(rest) < 2 or not all(_name_word(t, lexicon) or _links_names(t, lexicon) for t in rest) or (
                not _names_person(_text(rest), lexicon)):
            return segments
        return [*segments[:k], Segment(tokens[:size]), Segment(rest, (rest[0].i, rest[-1].i + 1)), *segments[k + 1:]]
    return segments


def _party_words(tokens: list[Token], lexicon: Lexicon) -> str | None:
    """The words of a roster segment that name a party ("Armenia", "Greek", "Egypt" of "Egypt's"), when they name
    exactly one."""
    found, i = [], 0
    while i < len(tokens):
        size = next((n for n in (3, 2, 1) if i + n <= len(tokens) and lexicon.party_of(_text(tokens[i : i + n]))), 0)
        if size:
            found.append(_text(tokens[i : i + size]))
        i += size or 1
    return found[0] if len(found) == 1 else None


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
        for name in names:
            at = folded.find(f" {fold(name)} ")
            if at >= 0:  # "Israel's National Security Council" is Israel's, not the American one
                return lexicon.party_in(" ".join(folded[:at].split()[-2:])) or party
    return None


def without_dateline(role: str, lexicon: Lexicon) -> str:
    """A role without the wire dateline the sentence opens on ("STOCKHOLM U.S. Secretary of State": the city the
    story was filed from is not the person's side)."""
    found = DATELINE_ROLE_RE.match(role)
    if found is None:
        return role
    cities = lexicon.derived("views.cities", lambda: {*lexicon.places, *(
        fold(p.capital) for p in lexicon.gazetteers.parties if p.capital)})
    return role[found.end() :] if fold(found.group(1)) in cities else role


def role_party(role: str, name: str, lexicon: Lexicon) -> str | None:
    """The party a person belongs to, from the job in their role (not what it is for, nor a stance towards a
    country: "a China critic and an aide to the US President"; nor a wire dateline the role runs on from:
    "STOCKHOLM U.S. Secretary of State"), office, or fame."""
    role = _without_stances(without_dateline(role or "", lexicon), lexicon)
    job = QUALIFIER_RE.split(role, maxsplit=1)[0]
    actor = lexicon.actor(name) if name else None
    return (group_named(job, lexicon) or lexicon.party_in(job) or _principal_party(role or "", job, lexicon)
            or office_party(role or "", lexicon) or (actor.party if actor else None))


def _without_stances(role: str, lexicon: Lexicon) -> str:
    """A role without the descriptions of its holder's stance ("a fierce critic of Beijing", "a China hawk")."""
    parts = DESCRIPTIONS_RE.split(role)
    stances = lexicon.gazetteers.words("roles.stance_nouns")
    kept = [part for part in parts if not set(fold(part).split()) & stances]
    return ", ".join(kept) if len(kept) < len(parts) else role


def _principal_party(role: str, job: str, lexicon: Lexicon) -> str | None:
    """An aide's party is their principal's: "Deputy Chief of Staff for the Russian President", "adviser to the
    Turkish Prime Minister" (an envoy *to* a country is not that country's)."""
    if not set(fold(job).replace("-", " ").split()) & set(lexicon.gazetteers.words("roles.staff_titles")):
        return None
    principal = role[len(job) :]
    heads = [fold(t) for t in lexicon.gazetteers.list("roles.head_titles")]
    folded = f" {fold(principal)} "
    return lexicon.party_in(principal) if any(f" {head} " in folded for head in heads) else None


def group_named(text: str, lexicon: Lexicon) -> str | None:
    """A movement or group the text names in full, as its own party even when its name holds a country's ("the
    Sudan Liberation Movement" is not Sudan); a known one by its gazetteer name."""
    # a parse's tokens joined again: "Real - Sudan People 's" is "Real-Sudan People's"
    joined = re.sub(r"\s+(['’]s)\b", r"\1", re.sub(r"(\w)\s+-\s+(?=[A-Z])", r"\1-", text or ""))
    found = lexicon.group_name_re.search(joined)
    if found is None:
        return None
    name = found.group(0)
    return lexicon.party_of(name) or lexicon.party_of(name.rsplit(None, 1)[0]) or name  # "Houthi Movement": Houthis


def opposition_of(text: str, lexicon: Lexicon) -> str | None:
    """A country's opposition as its own side ("the Syrian opposition's negotiator" sits for the Syrian
    opposition, not for Syria): the gazetteer's party of that name, else the name as the text gives it."""
    found = OPPOSITION_RE.search(text or "")
    if found is None or fold(found.group(1)) not in lexicon.demonyms:
        return None
    name = f"{found.group(1)} opposition"
    return lexicon.party_of(name) or name


def side_party(text: str, lexicon: Lexicon) -> str | None:
    """The party a side is named by ("the Russian delegation"), GOVERNMENT_SIDE for an unnamed government,
    REBEL_SIDE for unnamed rebels ("the insurgents' team"), or one of COMPASS_SIDES ("the North's delegation"); where
    the side is based names none ("the Doha-based Taliban team" is the Taliban's)."""
    text = BASED_RE.sub("", text or "")
    found = (opposition_of(text, lexicon) or group_named(text, lexicon) or lexicon.party_in(text)
             or office_party(text, lexicon))
    if found:
        return found
    if compass := COMPASS_RE.search(text or ""):
        return f"the {compass.group(1)}"
    if GROUP_POSSESSIVE_RE.search(text or ""):
        return REBEL_SIDE  # "the movement's general secretary": the movement the article is about
    folded = f" {fold(text)} "
    if any(f" {w} " in folded for w in lexicon.government_words):
        return GOVERNMENT_SIDE
    return REBEL_SIDE if any(f" {w} " in folded for w in lexicon.rebel_words) else None
