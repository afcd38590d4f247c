"""Capture views: how a matched token becomes a value ("@speaker.person", "@content.clause", ...)."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from briefer.extract import speech
from briefer.extract.clauses import passage, question
from briefer.extract.interview import layout
from briefer.extract.roster import (
    office_party,
    opposition_of,
    role_party,
    roster,
    run_on,
    semicolon_run,
    side_party,
    title_tail,
    without_dateline,
)
from briefer.extract.text import QUOTE_CHARS, quotes_in, spaced_dash, tidy, without_honorifics
from briefer.model import Mention
from briefer.names import fold
from briefer.nlp import doc_ents, doc_text, span_ents
from briefer.rules.lexicon import Lexicon
from briefer.rules.vocabulary import VIEWS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PHRASE_DEPS = {"compound", "amod", "nmod", "poss", "nummod", "flat", "case"}
ROLE_DEPS = {"compound", "amod", "nmod", "poss", "flat", "case"}
STRIP_LEFT = {"that", "because", ",", ":", "-", "—", "–", "and", "but"}
PRONOUNS = {"he", "she", "they", "him", "her", "we", "i"}
FIRST_PERSON = {"i", "we"}
SUBJECT_PRONOUNS = {"it", "they"}  # a subject that may stand for a speaking subject named before it in its sentence
THING_PRONOUN = "it"  # the subject of a reporting verb: the ministry, government or group that spoke just before
DETERMINERS = {"a", "an", "the", "his", "her", "its", "their"}
REFERRING = {"the", "his", "her", "its", "their", "this", "that"}  # "the source said": someone named before
SPEAKER_LABELS = {"ORG", "GPE", "NORP"}  # entities that speak without being a person
NON_SPEAKER_LABELS = {"WORK_OF_ART", "LAW", "EVENT", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}
# "at the Council on Foreign Relations", "for Eirene International": an expert's institution in an apposition
INSTITUTION_RE = re.compile(
    r"\b(?:at|with|for)\s+(?:the\s+)?((?:[A-Z][\w.&’'-]*(?:\s+(?:of|for|on|and|the)(?=\s+[A-Z]))?\s*)+)")
SENTENCE_ENDS = {".", "!", "?", "…"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod"}
POSSESSIVES = {"its", "their", "his", "her"}
SIDE_PREPS = {"from", "of", "for", "representing"}  # "the delegation from Ukraine", "representatives of the EU"
# A wire dateline: a place in capitals, or a place and a month, before a date, the agency or a dash.
# A date may come first ("Thursday, 15 May 2025, ISTANBUL —", "May 15, 2025 | Geneva:"): the place follows it.
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
DATE_FIRST = (r"(?P<lead>(?:[A-Z][a-z]+day,?\s+)?(?:\d{1,2}\s+" + MONTH + r",?\s+\d{4}|" + MONTH
              + r"\s+\d{1,2},?\s+\d{4})(?:,?\s+\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?)?[\s,|:–—-]+)?")
DATELINE_RE = re.compile(r"^\s*" + DATE_FIRST + r"(?![A-Z][a-z]+day\b)(?P<place>[A-Z][A-Za-z.’' -]{1,30}?)"
                         r"(?:(?P<date>,\s*(?:" + MONTH + r"\s+)?\d)"
                         r"|\s*\(|\s+[-–—]|,\s+[A-Z]{2,}|(?(lead)\s*[:,]\s|(?!)))")
# A known town opening a line before a dash or colon ("Juba — ...", "OSLO, Norway – ...", "Doha: ...").
TOWN_LINE_RE = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z.’' -]{1,30}?)(?:,\s*[A-Z][A-Za-z ]{1,25}?)?\s*(?:[-–—:]|--)\s")
AGE_UNITS = {"year", "years", "month", "months"}
AGE_RE = re.compile(r"\b\d+\s?-\s?(?:years?|months?)\s?-\s?old\s+(?=\w)")  # "the 52-year-old rebel chief"
DATELINE_LINES = 3  # a headline and a byline may come before it
ANTECEDENT_REACH = 300  # tokens back to the named phrase a description ("the embassy") refers to


def entity_at(token: Token) -> Span | None:
    """The named entity a token belongs to, if any (read from the IOB tags: `doc.ents` builds every entity)."""
    from spacy.tokens import Span

    if not token.ent_type:
        return None
    doc, label = token.doc, token.ent_type
    start, end = token.i, token.i + 1
    while doc[start].ent_iob_ == "I" and start > 0 and doc[start - 1].ent_type == label:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type == label:
        end += 1
    return Span(doc, start, end, label=label, kb_id=token.ent_kb_id)


def _left_modifiers(token: Token, deps: set[str]) -> int:
    """Index of the leftmost token of the modifier chain before `token`."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in deps:
            start = min(start, _left_modifiers(child, deps), child.left_edge.i if child.dep_ == "poss" else child.i)
    return start


def _age_ends_at(doc: Doc, i: int) -> bool:
    """Whether token `i` is the "old" that ends an age ("52-year-old")."""
    return i >= 2 and doc[i].lower_ == "old" and doc[i - 1].text == "-" and doc[i - 2].lower_ in AGE_UNITS


def after_age(doc: Doc, start: int, end: int) -> int:
    """The start of a phrase past an age before its head: "52-year-old rebel chief" -> "rebel chief" (the parser
    hangs "52-year" under "old", so a modifier chain stops at "old" and would make "old rebel chief" a title)."""
    for i in range(start, end - 1):
        if _age_ends_at(doc, i):
            return i + 1
    return start


def _before_age(doc: Doc, start: int) -> int:
    """The index of the word before a phrase and any age it opens with ("the" in "the 52-year-old envoy")."""
    i = start - 1
    if _age_ends_at(doc, i):
        i -= 3
        while i >= 0 and (doc[i].text == "-" or doc[i].like_num):
            i -= 1
    return i


def phrase(span: Span) -> Span:
    """The noun phrase around the span's head, without leading determiners or an age."""
    root = span.root
    ent = entity_at(root)
    start = min(_left_modifiers(root, PHRASE_DEPS), ent.start if ent else root.i)
    start = max([start, *(t.i + 1 for t in root.doc[start : root.i] if spaced_dash(t))])  # "CAIRO - Hamas"
    end = max(root.i + 1, ent.end if ent else 0)
    for child in root.rights:
        if child.dep_ in {"flat", "compound"} and child.i == end:
            end = child.i + 1
    doc = root.doc
    start = after_age(doc, start, end)
    while start < end - 1 and doc[start].lower_ in DETERMINERS:
        start += 1
    return doc[start:end]


def subtree(span: Span) -> Span:
    """The whole subtree under the span's head."""
    root = span.root
    return root.doc[root.left_edge.i : root.right_edge.i + 1]


def clause(span: Span, plain: frozenset[str] = frozenset()) -> str:
    """A reported clause: its subtree without a leading "that" or final punctuation, and without a verb that only
    attributes (one of `plain`) joined to it ("the meeting was frank, and added in a statement ...")."""
    tokens = list(subtree(span))
    joined = speech.attributing_conjunct(span.root, plain) if plain else None
    if joined is not None:
        tokens = [t for t in tokens if t.i < joined.left_edge.i]
        while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc" or tokens[-1].is_space):
            tokens = tokens[:-1]
    while tokens and (tokens[0].lower_ in STRIP_LEFT or tokens[0].text in QUOTE_CHARS or tokens[0].is_space):
        if tokens[0].lower_ == "because" and tokens[0].head != span.root:
            break  # "Because the river moved, the map is useless": the clause it opens is part of what was said
        tokens = tokens[1:]
    if not tokens:
        return ""
    doc = tokens[0].doc
    return tidy(doc[tokens[0].i : tokens[-1].i + 1].text)


def rest(span: Span) -> str:
    """The sentence from the end of the span on."""
    sentence = span.sent
    return tidy(span.doc[span.end : sentence.end].text) if span.end < sentence.end else ""


def quote(span: Span) -> str:
    """The quoted passages of the span's sentence, joined (a quote split around its cue is one)."""
    return tidy(" ".join(quotes_in(span.sent.text)))


def _role_tokens(root: Token, name_start: int) -> list[Token]:
    """Title words before a name: "Kremlin spokesperson" in "Kremlin spokesperson Dmitry Peskov"."""
    start = max(_left_modifiers(root, ROLE_DEPS), root.sent.start)
    doc = root.doc
    breaks = [t.i for t in doc[start:name_start] if "\n" in t.text_with_ws]
    start = breaks[-1] + 1 if breaks else start  # a title never runs over a line break
    joins = [t.i for t in doc[start:name_start] if t.dep_ == "cc" or t.ent_type_ == "PERSON"]
    start = joins[-1] + 1 if joins else start  # "X's leader A and Y's leader B": B's title starts after "and"
    start = after_age(doc, start, name_start)
    tokens = [t for t in doc[start:name_start] if not t.is_punct or t.text in {"-", "."}]
    while tokens and tokens[0].lower_ in DETERMINERS:
        tokens = tokens[1:]
    return tokens


def _apposition(root: Token) -> str:
    """An apposition after a name: ", a former Russian diplomat," -> "former Russian diplomat"."""
    for child in root.rights:
        if child.dep_ == "appos":
            text = root.doc[child.left_edge.i : child.right_edge.i + 1].text
            words = AGE_RE.sub("", text).split()
            while words and words[0].lower() in DETERMINERS | {"now"}:
                words = words[1:]
            return tidy(" ".join(words))
    return ""


def _titled_by(root: Token, lexicon: Lexicon) -> str:
    """The title a name stands in apposition to: "the ministry's spokesman, Ali Rahimi," -> "ministry's spokesman"
    (so that a later "the spokesman said" finds him)."""
    title = root.head
    if root.dep_ != "appos" or title.pos_ not in {"NOUN", "PROPN"} or fold(title.text) not in lexicon.title_words:
        return ""
    return tidy(phrase(title.doc[title.i : title.i + 1]).text)


def _copula_role(root: Token) -> str:
    """A role the text gives with "is": "Jane Doe is a senior fellow at the X Institute" -> that role."""
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_ != "be":
        return ""
    attr = next((c for c in verb.rights if c.dep_ == "attr"), None)
    if attr is None or attr.pos_ != "NOUN":
        return ""
    phrase_ = root.doc[attr.left_edge.i : attr.right_edge.i + 1]
    if len(phrase_) > 15 or any(e.label_ == "PERSON" for e in span_ents(phrase_)):
        return ""  # a list of people ("... are the head of the delegation X, accompanied by Y"), not a role
    words = phrase_.text.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return tidy(" ".join(words))


def _person_entity(span: Span) -> Span | None:
    """The PERSON entity of a capture: the one under its head, else the first inside a longer capture."""
    ent = entity_at(span.root)
    if ent is not None and (ent.label_ == "PERSON" or _name_after_quotation(ent)):
        return ent
    return next((e for e in span_ents(span) if e.label_ == "PERSON"), None) if len(span) > 1 else None


def _name_after_quotation(ent: Span) -> bool:
    """A speaker's name the entity recogniser took for a title because it follows a closing quotation mark
    ("“...,” Nimal Siripala de Silva, head of the delegation, told reporters" tagged WORK_OF_ART): two to five
    capitalised words (a particle aside), the subject of its clause, right after the mark."""
    doc = ent.doc
    words = [t for t in ent if not t.is_punct]
    return (ent.label_ == "WORK_OF_ART" and ent.root.dep_ == "nsubj" and 2 <= len(words) <= 5
            and all(t.pos_ == "PROPN" for t in words) and sum(t.text[:1].isupper() for t in words) >= 2
            and ent.start > 0 and doc[ent.start - 1].text in QUOTE_CHARS)


@lru_cache(maxsize=4)
def _honorific_name_re(honorifics: frozenset[str]) -> re.Pattern[str]:
    """An honorific of one word, capitalised, then two to four name words: "Dr. Jane Doe", "Mrs Doe"."""
    words = sorted((re.escape(word.capitalize()) for word in honorifics if " " not in word), key=len, reverse=True)
    return re.compile(rf"^((?:{'|'.join(words)})\b\.?)\s*([A-Za-z][\w’'-]*(?:\s[A-Z][\w’'.-]*){{1,3}})$")


def _titled_name(span: Span, lexicon: Lexicon) -> tuple[str, str] | None:
    """(name, honorific) of a captured "Dr. Jane Doe" that the entity recogniser missed or cut."""
    found = _honorific_name_re(lexicon.honorifics).match(" ".join(span.text.split()))
    return (found.group(2), found.group(1).rstrip(".")) if found else None


def _is_label(span: Span) -> bool:
    """A capture that opens a line and ends at a colon: a speaker's label in a transcript."""
    text = doc_text(span.doc)
    opens_line = span.start_char == 0 or text[span.start_char - 1] == "\n"
    return opens_line and text[span.end_char : span.end_char + 1] == ":"


def _beside(root: Token, child: Token) -> bool:
    """A phrase set beside the root, by apposition or by a comma the parser took for a list ("said delegate,
    Professor Ana Ruiz," parsed as a conjunct: there is no "and")."""
    if child.dep_ == "appos":
        return True
    comma = root.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
    return (child.dep_ == "conj" and comma is not None and comma.text == ","
            and not any(c.dep_ == "cc" for c in root.children))


def _named_after_its_object(root: Token, lexicon: Lexicon) -> tuple[Token, Span] | None:
    """The person set beside a title's object, where the parser hangs the apposition: "the UN envoy to Congo, the
    former Nigerian president Olusegun Obasanjo" (the envoy is Obasanjo, not Congo)."""
    if fold(root.text) not in lexicon.title_words:
        return None
    for prep in (c for c in root.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for child in obj.children:
                if child.dep_ == "appos" and (ent := _person_beside(child)) is not None:
                    return child, ent
    return None


def _person_beside(appos: Token) -> Span | None:
    """The person an apposition names: itself ("the envoy, Ana Ruiz"), or the person its own title stands beside
    ("the envoy, the former president Ana Ruiz", which the parser may split into a title and its apposition)."""
    for token in (appos, *(c for c in appos.children if c.dep_ == "appos")):
        if (ent := entity_at(token)) is not None and ent.label_ == "PERSON":
            return ent
    return None


def _untagged_name(child: Token, lexicon: Lexicon) -> str:
    """A person's name set beside an office that the entity recogniser left untagged ("The head of the delegation,
    Laurent Dona Fologo, said"): two to four capitalised proper nouns that name no place, party or body."""
    words = list(child.subtree)
    if not 2 <= len(words) <= 4 or any(t.pos_ != "PROPN" or not t.text[:1].isupper() or t.ent_type_ for t in words):
        return ""
    text = " ".join(t.text for t in words)
    return "" if lexicon.party_of(text) or lexicon.places.get(fold(text)) else text


def _names_speaker(span: Span, lexicon: Lexicon) -> bool:
    """Whether a phrase that names no person can speak: an organisation, a country, an office, a group of
    officials or experts ("the Kremlin", "a senior diplomat", "analysts") or a proper name the entity recogniser
    missed, but not a news outlet or a thing ("the inclusion", "media reports")."""
    root = span.root
    if speech.Speech.of(lexicon).is_media(phrase(span).text):
        return False
    ent = entity_at(root)
    if ent is not None and ent.label_ in SPEAKER_LABELS:
        return root.lemma_.lower() not in lexicon.gazetteers.words("roles.document_nouns")
    if ent is not None and ent.label_ in NON_SPEAKER_LABELS and not _named_elsewhere(root):
        return False  # "the Declaration of Principles called for ...": a text, not someone speaking
    if root.lemma_.lower() in lexicon.gazetteers.words("roles.document_nouns"):
        return False
    if root.pos_ == "PROPN" and (not root.is_sent_start or _named_elsewhere(root)):
        return True  # a name the entity recogniser missed here ("Odhiambo said"), not a capitalised first word
    if root.pos_ == "NOUN" and root.text[:1].isupper() and _named_elsewhere(root, {"PERSON"}):
        return True  # a surname opening a sentence, tagged as a common noun ("Okonkwo urged ...")
    if root.pos_ not in {"NOUN", "PROPN"}:
        return False
    nouns = lexicon.gazetteers.words("roles.speaker_nouns") | lexicon.gazetteers.words("roles.institution_words")
    if root.lower_ == "side":  # "the Georgian side said", not "the other side" nor "both sides" (a pair)
        return any(c.dep_ in {"amod", "compound", "poss"} and lexicon.party_of(c.text) for c in root.children)
    return root.lemma_.lower() in nouns or root.lower_ in nouns


def _subject_antecedent(pronoun: Token, lexicon: Lexicon) -> Mention | None:
    """The speaker an "it" or "they" subject stands for when its own sentence names a subject before it that can
    speak and agrees in number: "While the ministry has yet to reply, it has reiterated ...", "The unions issued a
    statement in which they rejected ..." (the nearest such subject; a person is never "it"). Not in a relative
    clause whose object is the noun it qualifies ("the regions it claims"): what is claimed is left out."""
    plural = pronoun.lower_ == "they"
    doc = pronoun.doc
    verb = pronoun.head
    if verb.dep_ == "relcl" and not any(c.dep_ == "prep" and any(g.tag_ in {"WDT", "WP"} for g in c.children)
                                        for c in verb.children):
        return None  # "the regions it claims to have annexed": the clause's object is the noun it qualifies
    for token in reversed(doc[pronoun.sent.start : pronoun.i]):
        if token.dep_ != "nsubj" or token.pos_ not in {"NOUN", "PROPN"} or token.head.i == pronoun.head.i:
            continue
        if (token.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in token.children)) != plural:
            continue
        if not plural and token.ent_type_ == "PERSON":
            continue
        found = person(doc[token.i : token.i + 1], lexicon)
        if found is not None:
            return found
    return None


def _named_elsewhere(token: Token, labels: frozenset[str] | set[str] = SPEAKER_LABELS | {"PERSON"}) -> bool:
    """The word is part of a name the entity recogniser found somewhere in the text (with one of `labels`)."""
    return any(token.text in ent.text.split() for ent in doc_ents(token.doc) if ent.label_ in labels)


def _dateline(token: Token) -> bool:
    """The place of a wire dateline ("MOSCOW, Nov 21 (Reuters) - ...", "Lisbon: ..."), which the parser may take
    for a subject."""
    doc = token.doc
    start = token.left_edge.i
    opens_line = start == 0 or "\n" in doc[start - 1].text_with_ws
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if not opens_line or following is None:
        return False
    if following.text == ":" and start == token.i and token.ent_type_ != "PERSON" and token.text[:1].isupper():
        return any(c.dep_ == "nsubj" and c.i > token.i for c in token.head.children)  # "Lisbon: The envoy said"
    return token.text.isupper() and following.text in {",", "(", "-", "--", "–", "—"}


def _subject_beside_another(token: Token) -> bool:
    """A second subject the parser gave a verb out of an apposition that has no closing comma ("X, a representative
    of the Y Platform told ..." makes both X and Platform subjects; "One Afghan negotiator, X said" both the
    negotiator and X; "Head of the X delegation Y said" both the head and Y): the named person speaks, not the
    phrase."""
    if token.dep_ != "nsubj" or token.ent_type_ == "PERSON":
        return False
    doc = token.doc
    for other in token.head.children:
        if other.dep_ != "nsubj" or other.ent_type_ != "PERSON" or other.i == token.i:
            continue
        if other.i < token.i and any(a.dep_ == "appos" and a.i < token.i for a in other.children):
            return True  # "X, a representative of the Y Platform told"
        name_start = entity_at(other).start
        if other.i > token.i and name_start > 0 and doc[name_start - 1].text == "," \
                and token.right_edge.i == name_start - 2:
            return True  # "One Afghan negotiator, X said": the negotiator is X
        if other.i > token.i and token.right_edge.i == name_start - 1:
            return True  # "Head of the X delegation Y said": the title's holder, Y, speaks
    return False


def _pair_referred(root: Token, lexicon: Lexicon) -> Mention | None:
    """"Both countries" / "the two leaders": the pair of countries or people just named together ("from Russia
    and Iran. Both countries ..."), as one speaker with `each` of the two."""
    labels = lexicon.pair_nouns.get(root.lemma_.lower())
    if not labels or not any(c.lower_ in {"both", "two"} for c in root.children):
        return None
    doc = root.doc
    start = doc[root.sent.start - 1].sent.start if root.sent.start > 0 else root.sent.start
    for token in reversed(doc[start : root.left_edge.i]):
        first = token.head
        if token.dep_ == "conj" and token.ent_type_ in labels and first.ent_type_ in labels and first.i < token.i:
            pair = [entity_at(first), entity_at(token)]
            each = tuple(_with_party(tidy(ent.text), "", lexicon) for ent in pair if ent is not None)
            if len(each) == 2:
                return Mention(name=" and ".join(e.name for e in each), each=each)
    return None


def _named_after_title(root: Token, lexicon: Lexicon) -> Span | None:
    """The person a title with a prepositional tail is set beside: "the secretary of foreign relations of
    Mexico, Jane Doe," (the parser hangs the name on the last noun of the title)."""
    if fold(root.text) not in lexicon.title_words:
        return None
    for token in root.subtree:
        if token.i <= root.i or token.pos_ in {"VERB", "AUX"}:
            continue
        ent = entity_at(token)
        if (token.dep_ == "appos" and ent is not None and ent.label_ == "PERSON" and ent.start > 0
                and root.doc[ent.start - 1].text == ","):
            return ent
    return None


def _titled_person(root: Token) -> Span | None:
    """The person a title phrase ends on: "US Special Envoy for Syria Jane Doe" (parsed as the envoy's)."""
    for child in root.rights:
        if child.dep_ == "prep" and not any(t.text == "," for t in child.subtree):
            ents = [e for e in span_ents(root.doc[child.i : child.right_edge.i + 1]) if e.label_ == "PERSON"]
            if ents and ents[-1].end == child.right_edge.i + 1:
                return ents[-1]
    return None


def _label(span: Span, ent: Span | None, titled: tuple[str, str] | None, lexicon: Lexicon) -> Mention | None:
    """The speaker of a transcript line ("Dr. Jane Doe: ..."): a person, named elsewhere too unless titled."""
    if titled:
        return _with_party(titled[0], titled[1], lexicon)
    if ent is None or doc_text(span.doc).count(span.text) < 2:
        return None  # "Quick Fact: ...", "The Best-Case Scenario: ..." are boxes and headings, not speakers
    return _with_party(tidy(span.text), "", lexicon)


@VIEWS.register("person", parse=True)
def person(span: Span, lexicon: Lexicon) -> Mention | None:
    """A speaker or member: name, role (titles or apposition) and party; None when the phrase names nobody.
    A phrase that names no person is marked `definite` ("the source", "the US leader") when it refers back."""
    root = span.root
    if _dateline(root) or _subject_beside_another(root):
        return None
    ent = _person_entity(span)
    titled = _titled_name(span, lexicon) if len(span) > 1 else None
    if len(span) > 1 and _is_label(span):
        return _label(span, ent, titled, lexicon)
    if titled and (ent is None or len(ent.text) < len(titled[0])):
        role = _apposition(ent.root) if ent is not None else ""
        return _with_party(titled[0], role or titled[1], lexicon)
    if ent is None:
        for child in root.children:
            if _beside(root, child) and (appos_ent := _person_beside(child)) is not None:
                role = tidy(phrase(span).text)
                return _with_party(appos_ent.text, role, lexicon)
            if child.dep_ == "appos" and (untagged := _untagged_name(child, lexicon)):
                return _with_party(untagged, tidy(phrase(span).text), lexicon)
        if (named_after := _named_after_its_object(root, lexicon)) is not None:
            apposition, named = named_after
            role = tidy(root.doc[_left_modifiers(root, ROLE_DEPS) : apposition.left_edge.i].text)
            found = _with_party(named.text, role, lexicon)  # an envoy *to* a country is not that country's:
            return found.model_copy(update={"party": role_party(role, named.text, lexicon)})
        if (titled_ent := _titled_person(root)) is not None:
            role = tidy(root.doc[_left_modifiers(root, ROLE_DEPS) : titled_ent.start].text)
            return _with_party(tidy(titled_ent.text), role, lexicon)
        if (named := _named_after_title(root, lexicon)) is not None:
            role = tidy(root.doc[_left_modifiers(root, ROLE_DEPS) : named.start].text)
            return _with_party(tidy(named.text), role, lexicon)
    if ent is not None:
        if speech.Speech.of(lexicon).is_media(ent.text):
            return None  # an outlet the recogniser took for a person ("told Sputnik")
        words = tidy(ent.text).split()
        honorifics = []
        while len(words) > 1 and words[0].lower().rstrip(".") in lexicon.honorifics:
            honorifics.append(words.pop(0))
        name = " ".join(words)
        role_tokens = _role_tokens(ent.root, ent.start)
        titles = [t for t in role_tokens if t.lower_.rstrip(".") not in lexicon.honorifics and not t.is_punct]
        role = tidy(root.doc[role_tokens[0].i : ent.start].text) if titles else ""
        honorific = " ".join(honorifics) or " ".join(t.text for t in role_tokens)
        role = role or _apposition(ent.root) or _copula_role(ent.root) or _titled_by(ent.root, lexicon)
        role = role or tidy(honorific)
        return _with_party(name, role, lexicon)
    if root.lower_ in SUBJECT_PRONOUNS and root.dep_ == "nsubj" and (
            antecedent := _subject_antecedent(root, lexicon)) is not None:
        return antecedent
    if root.lower_ == THING_PRONOUN and root.dep_ == "nsubj":  # "it said in a statement": a body that spoke before
        return Mention(name=root.text, definite=True)
    if root.lower_ in PRONOUNS:
        if root.lower_ in FIRST_PERSON and (answering := interviewee_at(span, lexicon)) is not None:
            return answering  # "I", "we" in an interview's answer: the interviewee (for their side)
        return Mention(name=root.text)
    if (pair := _pair_referred(root, lexicon)) is not None:
        return pair
    if root.lemma_.lower() in lexicon.gazetteers.words("reporting.nouns"):  # "a statement from the ministry"
        author = _author(root, lexicon)
        return person(author, lexicon) if author is not None else None
    if not _names_speaker(span, lexicon):
        return None
    noun_phrase = phrase(span)
    if any(t.pos_ in {"VERB", "AUX"} for t in noun_phrase):  # an entity run on over a verb ("Abrams told X")
        noun_phrase = root.doc[_left_modifiers(root, {"compound"}) : root.i + 1]
    start = noun_phrase.start
    owned_title = fold(root.text) in lexicon.title_words and any(  # "Trump's envoy", "Iran's foreign minister"
        c.dep_ == "poss" and c.pos_ == "PROPN" for c in root.children)
    before = _before_age(root.doc, start)
    definite = (before >= 0 and root.doc[before].lower_ in REFERRING) or owned_title
    found = _with_party(tidy(noun_phrase.text), "", lexicon)
    if found.party is None and fold(root.text) in lexicon.title_words:  # "the head of the Syrian delegation"
        found = found.model_copy(update={"party": _of_party(root, lexicon)})
    if not definite or entity_at(root):
        return found
    if _outlet_before(root, lexicon):
        return None  # "the agency added", after "the country's state news agency": an outlet, not a speaker
    named = None if fold(root.text) in lexicon.title_words else _named_before(root)  # people: by role, in resolve
    if named is None:
        return found.model_copy(update={"definite": True})
    if speech.Speech.of(lexicon).is_media(named.text):
        return None  # "the agency reported", after "the SABA news agency": an outlet, not a speaker
    return _with_party(tidy(named.text), "", lexicon)


def _of_party(title: Token, lexicon: Lexicon) -> str | None:
    """The party an office belongs to by its "of" phrase ("head of the Syrian delegation", "minister of Peru")."""
    for child in title.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return lexicon.party_in(" ".join(t.text for t in child.subtree))
    return None


def _issuer(text: Token, lexicon: Lexicon) -> Span | None:
    """Who puts out a text: "a statement from/by the ministry", "a communique read by the chief negotiator", "the
    movement's statement" (not "its statement": a pronoun is resolved nowhere here)."""
    doc = text.doc
    for child in text.children:
        if child.dep_ == "poss" and child.pos_ in {"NOUN", "PROPN"}:
            return doc[child.i : child.i + 1]
        if child.dep_ == "prep" and child.lower_ in {"by", "from", "of"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return doc[pobj.i : pobj.i + 1]
        if child.dep_ == "acl" and child.lemma_.lower() in lexicon.gazetteers.words("reporting.issuing_verbs"):
            by = next((c for c in child.children if c.dep_ == "agent" or c.lower_ == "by"), None)
            pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            if pobj is not None:
                return doc[pobj.i : pobj.i + 1]
    return None


def _joint(text: Token, lexicon: Lexicon) -> bool:
    """A text the sides put out together ("the joint statement", "a trilateral communique by A, B and C"): it
    speaks for none of them alone. ("A statement by the State Department and the UN", of no such word, is the
    first one's.)"""
    joint = lexicon.gazetteers.words("reporting.joint_words")
    return any(c.dep_ == "amod" and c.lower_ in joint for c in text.children)


def _author(text: Token, lexicon: Lexicon) -> Span | None:
    """Who speaks through a text that "says" things: its issuer, or for "the statement" the one who issued the
    statement the article named before ("X issued a statement ... the statement said", "X said in a communique");
    none for a text the sides put out together (`_joint`)."""
    if _joint(text, lexicon):
        return None
    found = _issuer(text, lexicon)
    doc = text.doc
    if found is not None or text.i == 0 or doc[text.left_edge.i].lower_ not in REFERRING - {"his", "her"}:
        return found
    lemma = text.lemma_.lower()
    issuing = lexicon.gazetteers.words("reporting.issuing_verbs")
    for token in reversed(doc[max(0, text.i - ANTECEDENT_REACH) : text.i]):
        if token.lemma_.lower() != lemma:
            continue
        if (found := _issuer(token, lexicon)) is not None:
            return None if _joint(token, lexicon) else found
        verb = token.head
        if token.dep_ == "pobj" and verb.lower_ == "in":  # "X said in a statement"
            verb = verb.head
        elif token.dep_ != "dobj" or verb.lemma_.lower() not in issuing:  # "X issued a statement"
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return None if _joint(token, lexicon) else doc[subject.i : subject.i + 1]
    return None


def _named_before(root: Token) -> Span | None:
    """The last phrase before a description with the same head noun and a proper name in it: "the embassy" ->
    "US Embassy" (of "according to the US Embassy in Lebanon"). None when that phrase holds a person (the
    resolve stage matches people by their roles) or when no earlier phrase names one."""
    doc, lemma = root.doc, root.lemma_.lower()
    for token in reversed(doc[max(0, root.i - ANTECEDENT_REACH) : root.i]):
        if token.lemma_.lower() != lemma or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        named = phrase(doc[token.i : token.i + 1])
        if any(t.ent_type_ == "PERSON" for t in named):
            return None
        if not _modifiers(root) <= _modifiers(token):
            continue  # "the Russian source" is not "U.S. State Department sources"
        if any(t.pos_ == "PROPN" and t.i != token.i and t.ent_type_ != "NORP" for t in named):
            return named
    return None


def _outlet_before(root: Token, lexicon: Lexicon) -> bool:
    """The last phrase before a description with the same head noun is a news outlet's ("the state news agency"
    for "the agency")."""
    doc, lemma = root.doc, root.lemma_.lower()
    for token in reversed(doc[max(0, root.i - ANTECEDENT_REACH) : root.i]):
        if token.lemma_.lower() == lemma and token.pos_ in {"NOUN", "PROPN"}:
            return speech.Speech.of(lexicon).is_media(phrase(doc[token.i : token.i + 1]).text)
    return False


def _modifiers(noun: Token) -> set[str]:
    """The words that narrow a noun down ("Russian" in "the Russian source"), folded."""
    return {fold(c.text) for c in noun.children if c.dep_ in {"amod", "compound", "nmod"}}


def _institution(role: str) -> str | None:
    """The institution an expert works at: "a fellow at the Center for X" -> "Center for X"."""
    found = INSTITUTION_RE.findall(role)
    return found[-1].strip() if found else None


def _with_party(name: str, role: str, lexicon: Lexicon) -> Mention:
    """A mention with the party its role, its name or the actors gazetteer gives; an honorific ("Shri", "Dr")
    neither opens the name nor ends the role ("Commerce Minister Shri Jane Doe")."""
    role = without_dateline(role, lexicon)
    name, role = without_honorifics(name, role, lexicon.honorifics)
    actor = lexicon.actor(name)
    institution = _institution(role) if lexicon.is_analyst(role) else None
    party = institution or lexicon.party_in(role) or office_party(role, lexicon) or lexicon.party_of(name)
    party = party or (actor.party if actor else None)
    if not party and not role:
        party = lexicon.party_in(name) or office_party(name, lexicon)
    role = re.sub(r"^(?:[A-Z][\w.]*\s?)+['’]s\s+", "", role) if party and role else role
    return Mention(name=name, role=role or (actor.role if actor else ""), party=party)


@VIEWS.register("party", parse=True)
def party(span: Span, lexicon: Lexicon) -> str | None:
    """The party a side names: "the Russian delegation", "the delegation from Ukraine", a person's own party,
    or roster.GOVERNMENT_SIDE for "the ruling party"."""
    root = span.root
    if any(c.dep_ == "conj" for c in root.children) and _respective_of(span):
        return None  # "represented A and B respectively": each person's own party, not the first one's
    ent = entity_at(root)
    if ent is not None and ent.label_ == "PERSON":
        found = person(ent, lexicon)
        own = (role_party(found.role, found.name, lexicon) or found.party) if found else None
        outside = span.doc[span.start : ent.start].text + " " + span.doc[ent.end : span.end].text
        return own or side_party(outside, lexicon)  # "Guaidó and the unitary platform"
    if root.dep_ in ("amod", "compound") and root.head.i > root.i and (
            opposed := opposition_of(span.doc[root.i : root.head.i + 1].text, lexicon)):
        return opposed  # "the Syrian opposition delegation": the side is the opposition, not Syria
    texts = [phrase(span).text, span.text]
    texts += [" ".join(t.text for t in child.subtree) for child in root.children
              if child.dep_ == "prep" and child.lower_ in SIDE_PREPS]
    found = next((p for p in (side_party(text, lexicon) for text in texts) if p), None)
    if found is None and any(c.dep_ == "poss" and c.lower_ in POSSESSIVES for c in root.children):
        return _owner_party(root, lexicon)  # "the rebels said their delegation ...": the rebels'
    if found is None and root.dep_ == "dobj" and root.head.lemma_ in lexicon.gazetteers.words("roles.sending_verbs"):
        return _sender_party(root.head, lexicon)  # "the North will send a delegation headed by ...": the North's
    return found or _organisation_named(root, lexicon)


def _organisation_named(token: Token, lexicon: Lexicon) -> str | None:
    """An organisation the gazetteers do not know, named in full ("the High Negotiations Committee"): its name is
    its party. Only an ORG entity that ends on an organisation's word (`roles.organisation_words`)."""
    ent = entity_at(token)
    if ent is None or ent.label_ != "ORG" or ent[-1].lower_ not in lexicon.gazetteers.words("roles.organisation_words"):
        return None
    words = ent.text.split()
    return " ".join(words[1:] if words[0].lower() == "the" else words)


def _sender_party(verb: Token, lexicon: Lexicon) -> str | None:
    """The party of who sends, names or proposes a delegation: the subject of the verb, as a whole phrase ("the
    North", "Seoul")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    return party(subject.doc[subject.left_edge.i : subject.right_edge.i + 1], lexicon)


def _respective_of(span: Span) -> bool:
    """Whether a side's coordinated parties are listed for the people before them: "respectively" right after
    them (the parser hangs it on either)."""
    after = span.root.right_edge.i
    return any(t.lower_ == "respectively" for t in span.doc[max(after - 1, 0) : after + 3])


def _owner_party(token: Token, lexicon: Lexicon) -> str | None:
    """The party of the subject of the nearest clause above a token ("X said its delegation ...": X)."""
    for ancestor in token.ancestors:
        subject = next((c for c in ancestor.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i != token.i
                        and token.i not in {t.i for t in c.subtree}), None)
        if subject is not None and ancestor.pos_ in {"VERB", "AUX"}:
            return party(subject.doc[subject.i : subject.i + 1], lexicon)
    return None


@VIEWS.register("heads")
def heads(span: Span, lexicon: Lexicon) -> list[Mention]:
    """A list, for parties named together ("the leaders of A and B"): for each, the head of state or government
    of that party the article names first, by title after its name or demonym ("Armenian Prime Minister X") or as
    a known actor ("Aliyev said"). Read from the text, so it holds whichever sentences were parsed."""
    named = [p for p in (lexicon.party_of(part) for part in re.split(r",\s*|\s+and\s+", span.text)) if p]
    text = span.doc.text
    found = []
    for party_name in dict.fromkeys(named):
        if (head := _head_named(text, party_name, lexicon)) is not None:
            found.append(head)
    return found


def _head_named(text: str, party_name: str, lexicon: Lexicon) -> Mention | None:
    """The first head of state or government of a party the text names: by a head title after the party's name or
    demonym, or a known actor of that party whose office is one."""
    party_entry = next((p for p in lexicon.gazetteers.parties if p.name == party_name), None)
    if party_entry is None:
        return None
    spellings = sorted({party_entry.name, *party_entry.aliases, *party_entry.demonyms}, key=len, reverse=True)
    titles = sorted(lexicon.gazetteers.list("roles.head_titles"), key=len, reverse=True)
    party_words, title_words = "|".join(map(re.escape, spellings)), "|".join(map(re.escape, titles))
    titled = re.compile(rf"\b(?:{party_words})(?:['’]s)? ((?i:{title_words})) ((?:[A-Z][\w’'-]+ ){{0,3}}[A-Z][\w’'-]+)")
    candidates = []
    if found := titled.search(text):
        candidates.append((found.start(), Mention(name=found.group(2), role=found.group(1), party=party_name)))
    head_titles = {fold(t) for t in titles}
    for actor in lexicon.gazetteers.actors:
        if actor.party != party_name or fold(actor.role or "") not in head_titles:
            continue
        at = min((m.start() for name in (actor.name, *actor.aliases)
                  for m in [re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)] if m), default=None)
        if at is not None:
            candidates.append((at, Mention(name=actor.name, role=actor.role or "", party=party_name)))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


@VIEWS.register("member")
def member(span: Span, lexicon: Lexicon) -> Mention | None:
    """The first person a roster names (a leader: "led by Defence Minister Rustem Umerov")."""
    found = members(span, lexicon)
    return found[0] if found else None


def _split_subject(region: Span) -> Span:
    """A subject the parser cut in two at the comma of an apposition ("The Turkish and Russian envoys, X and Y,
    will meet": two subjects of "meet"), or inside a hyphenated word ("the Co-" + "Chairs, X and Y"): the names
    run on from the plural noun phrase that describes them."""
    root, doc = region.root, region.doc
    if region and region[-1].text == "-" and not region[-1].whitespace_ and region.end < len(doc):
        return doc[region.start : doc[region.end].right_edge.i + 1]  # "Co -" + "Chairs, A, B": one word cut in two
    if root.dep_ != "nsubj" or region.start < 2 or doc[region.start - 1].text != ",":
        return region
    before = [c for c in root.head.children if c.dep_ == "nsubj" and c.i < root.i and c.tag_ in {"NNS", "NNPS"}]
    if not before or before[-1].right_edge.i != region.start - 2:
        return region
    return doc[before[-1].left_edge.i : region.end]


@VIEWS.register("members")
def members(span: Span, lexicon: Lexicon) -> list[Mention]:
    """The people a roster names: the subtree of a one-token capture, else the capture up to the end of
    its sentence (a list broken over lines, one name a line, runs on), and on over fragments the sentence
    splitter cut off it."""
    if len(span) == 1:
        region = run_on(semicolon_run(title_tail(_split_subject(subtree(span)), lexicon)))
        return _respective_parties(region, roster(region, lexicon), lexicon)
    doc = span.doc
    end = next((t.i for t in span[1:] if t.is_sent_start and doc[t.i - 1].text in SENTENCE_ENDS
                and not (t.i >= 2 and doc[t.i - 2].like_num)), span.end)  # "2." numbers a list, ends no sentence
    return roster(run_on(doc[span.start : end]), lexicon)


def _respective(region: Span, lexicon: Lexicon) -> list[str]:
    """The parties coordinated after a roster and before a "respectively" that closes its clause ("X and Y
    represented A and B respectively"), in order; none when the sentence says no "respectively" there."""
    sentence = region.root.sent
    end = next((t.i for t in sentence if t.i >= region.end and t.lower_ == "respectively"), None)
    if end is None:
        return []
    ents = [e for e in span_ents(sentence) if region.end <= e.start and e.end <= end]
    return [party for party in (lexicon.party_of(e.text) for e in ents) if party]


def _respective_parties(region: Span, people: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """The people of a roster, each given the party listed in the same place after it, "respectively"."""
    parties = _respective(region, lexicon)
    if len(people) < 2 or len(parties) != len(people) or len({fold(p) for p in parties}) != len(parties):
        return people
    return [m.model_copy(update={"party": p}) for m, p in zip(people, parties, strict=True)]


@VIEWS.register("place", parse=True)
def place(span: Span, lexicon: Lexicon) -> str:
    """A place name: the entity under the capture, else its noun phrase. A country that modifies the
    talks ("the Russia-Ukraine talks") is a party to them, not a place: only cities count there."""
    root = _named_town(span.root, lexicon)
    if not root.ent_type_ and root.lower_ in lexicon.gazetteers.words("places.town_nouns"):
        return _capital_of(root, lexicon)  # "in the Qatari capital": Doha; "in the capital": no town named
    if root.dep_ == "pobj" and root.head.lower_ == "of" and (capital := _capital_of(root.head.head, lexicon)):
        return capital  # "the capital of Kenya": Nairobi
    ent = entity_at(root)
    name = tidy(ent.text if ent is not None else phrase(span).text)
    if name.split()[-1].lower() in lexicon.gazetteers.words("roles.talks_nouns"):
        return ""  # a headline's "Progress in Brexit Talks": the talks, not a place
    if _at_press_event(root) or _in_area_after_building(root):
        return ""
    talks_nouns = lexicon.gazetteers.words("roles.talks_nouns")
    head, modifies_talks = root, False
    while head.dep_ in MODIFIER_DEPS and head.head.i != head.i:
        head = head.head
        modifies_talks = modifies_talks or head.lower_ in talks_nouns  # "the Iran nuclear talks"
    if modifies_talks and fold(name) in {fold(w) for w in lexicon.gazetteers.list("places.not_venues")}:
        return ""  # "the Darfur talks", "the Normandy format talks": a region or format names the talks
    if modifies_talks and not lexicon.places.get(fold(name)):
        parts = [part.replace(".", "") for part in re.split(r"[-–/]", name)]
        if any(lexicon.party_of(part) for part in parts if part):  # "Russia-U.S. talks": the parties
            return ""
    if modifies_talks and _hyphen_paired(ent if ent is not None else root.doc[root.i : root.i + 1]):
        return ""  # "the Belgrade-Pristina dialogue": two capitals for the two sides
    return _with_city(ent, name)


def _named_town(place: Token, lexicon: Lexicon) -> Token:
    """The town a town noun introduces ("Gabon's capital, Libreville", "the Saudi city of Jeddah"), else the
    place itself."""
    if place.ent_type_ or place.lower_ not in lexicon.gazetteers.words("places.town_nouns"):
        return place
    for child in place.children:
        if child.dep_ in {"appos", "compound"} and child.ent_type_ in {"GPE", "LOC", "FAC"}:
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            named = next((g for g in child.children if g.dep_ == "pobj" and g.ent_type_ in {"GPE", "LOC"}), None)
            country = place.lower_ == "capital" and lexicon.party_of(named.text) in lexicon.capitals if named else False
            if named is not None and not country:
                return named  # "the Saudi city of Jeddah" (not "the capital of Kenya": a country's capital)
    return place


def _hyphen_paired(name: Span) -> bool:
    """A place joined by a hyphen to another ("Belgrade-Pristina"): a pair of sides named by their capitals."""
    doc, neighbours = name.doc, []
    if name.start >= 2 and doc[name.start - 1].text in {"-", "–"} and not doc[name.start - 2].whitespace_:
        neighbours.append(doc[name.start - 2])
    if name.end + 1 < len(doc) and doc[name.end].text in {"-", "–"} and not doc[name.end - 1].whitespace_:
        neighbours.append(doc[name.end + 1])
    return any(token.ent_type_ == "GPE" for token in neighbours)


def _capital_of(town: Token, lexicon: Lexicon) -> str:
    """The capital a "capital" noun names by its country ("the Qatari capital", "Qatar's capital", "the capital of
    Qatar"): the gazetteer's; "" for another town noun or a capital of no known country."""
    if town.lower_ != "capital":
        return ""
    for child in town.children:
        named = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" and child.lower_ == "of" else (
            [child] if child.dep_ in {"amod", "poss", "compound", "nmod"} else [])
        for word in named:
            ent = entity_at(word)
            party = lexicon.party_of(ent.text if ent is not None else word.text)
            if party in lexicon.capitals:
                return lexicon.capitals[party]
    return ""


def _at_press_event(place: Token) -> bool:
    """The place of a news conference or briefing ("told a news conference in Halifax"), not of the talks."""
    holder = place.head.head if place.dep_ == "pobj" else None
    return holder is not None and holder.lemma_ in {"conference", "briefing"} and any(
        c.lower_ in {"news", "press", "media"} for c in holder.children)


def _with_city(ent: Span | None, name: str) -> str:
    """A building with the city or park it lies in: set after it ("at the Grand Hotel, Lisbon", "at the Lake Lodge
    in the Kora National Park") or before it ("at Lisbon's Congress Centre"); both, the wider place last."""
    if ent is None or ent.label_ != "FAC":
        return name
    doc, root = ent.doc, ent.root
    wider = None
    if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        wider = entity_at(doc[ent.end + 1])
        wider = wider if wider is not None and wider.label_ == "GPE" else None
    for child in root.children:
        if wider is None and child.dep_ == "poss" and child.i < ent.start:
            wider = entity_at(child)
            wider = wider if wider is not None and wider.label_ == "GPE" else None
    if wider is None:
        wider = _area_after(ent)
    return f"{name}, {tidy(wider.text)}" if wider is not None else name


def _area_after(ent: Span) -> Span | None:
    """The park, area or city named right after a building ("the Lake Lodge in the Kora National Park", "arrived at
    County Hall in Nairobi"), which a city's own match, if any, joins in resolve."""
    doc, i = ent.doc, ent.end
    if i + 1 >= len(doc) or doc[i].lower_ != "in":
        return None
    i += 1 if doc[i + 1].lower_ != "the" else 2
    area = entity_at(doc[i]) if i < len(doc) else None
    return area if area is not None and area.label_ in {"LOC", "FAC", "ORG", "GPE"} and area.start == i else None


def _in_area_after_building(place: Token) -> bool:
    """The place is the park or area a building just before it lies in ("... Lodge in the Kora National Park"):
    the building's venue names it."""
    ent = entity_at(place)
    if ent is None or ent.label_ not in {"LOC", "FAC", "ORG"}:
        return False
    i = ent.start - 1
    i -= 1 if i >= 0 and ent.doc[i].lower_ == "the" else 0
    if i < 1 or ent.doc[i].lower_ != "in":
        return False
    building = entity_at(ent.doc[i - 1])
    return building is not None and building.label_ == "FAC" and _area_after(building) is not None


def dateline(doc, towns: Collection[str] = ()) -> str:
    """The place of the article's wire dateline ("HANGZHOU, Sept. 5 (Xinhua) --", "Geneva, July 15:", or one of
    `towns`, folded, before a dash or colon: "Juba — "), where "met here" happened; "" when its opening lines carry
    none."""
    lines = [line for line in doc_text(doc).splitlines() if line.strip()][:DATELINE_LINES]
    for line in lines:
        found = DATELINE_RE.match(line)
        if not (found and (found.group("place").isupper() or found.group("date") or found.group("lead"))):
            found = TOWN_LINE_RE.match(line)
            found = found if found and fold(found.group("place").strip()) in towns else None
        if found:
            place_name = found.group("place").strip()
            return place_name.title() if place_name.isupper() else place_name
    return ""


def view(span: Span, name: str | None, lexicon: Lexicon) -> Any:
    """Apply a named view to a captured span (plain text without one)."""
    return VIEWS[name or "text"](span, lexicon)


# The views a rule may name ("@capture.view"), each called view(span, lexicon); `parse`: it walks the dependency
# tree, so a rule that uses it needs the parser (briefer/rules/needs.py).
@VIEWS.register("text")
def _text(span: Span, lexicon: Lexicon) -> str:
    return tidy(span.text)


@VIEWS.register("ent", parse=True)
def _ent(span: Span, lexicon: Lexicon) -> str:
    ent = entity_at(span.root)
    return tidy((ent or span).text)


@VIEWS.register("phrase", parse=True)
def _phrase(span: Span, lexicon: Lexicon) -> str:
    return tidy(phrase(span).text)


@VIEWS.register("subtree", parse=True)
def _subtree(span: Span, lexicon: Lexicon) -> str:
    return tidy(subtree(span).text)


@VIEWS.register("clause", parse=True)
def _clause(span: Span, lexicon: Lexicon) -> str:
    return clause(span, speech.Speech.of(lexicon).plain)


@VIEWS.register("rest")
def _rest(span: Span, lexicon: Lexicon) -> str:
    return rest(span)


@VIEWS.register("quote")
def _quote(span: Span, lexicon: Lexicon) -> str:
    return quote(span)


@VIEWS.register("dateline")
def _dateline_of(span: Span, lexicon: Lexicon) -> str:
    return dateline(span.doc, lexicon.places)


@VIEWS.register("passage")
def _passage(span: Span, lexicon: Lexicon) -> str:
    return passage(span)


@VIEWS.register("question")
def _question(span: Span, lexicon: Lexicon) -> str:
    return question(span)


@VIEWS.register("sentences")
def _sentences(span: Span, lexicon: Lexicon) -> list[str]:
    clipped = (span.doc[max(s.start, span.start) : min(s.end, span.end)] for s in span.sents)
    return [text for text in (tidy(s.text) for s in clipped) if text]


# Views of reported speech (briefer/extract/speech.py).
@VIEWS.register("quotes")
def _quotes(span: Span, lexicon: Lexicon) -> list[str]:
    return speech.quotes(span.root, speech.Speech.of(lexicon))


@VIEWS.register("claims")
def _claims(span: Span, lexicon: Lexicon) -> list[str]:
    return speech.claims(span)


@VIEWS.register("interviewee", parse=True)
def interviewee_at(span: Span, lexicon: Lexicon) -> Mention | None:
    """The interviewee of an interview (briefer/extract/interview.py) as a person, when the span stands in an
    answer line."""
    found = layout(span.doc, lexicon)
    answering = found.answering_at(span.start_char) if found is not None else None
    if answering is None or answering.interviewee is None:
        return None
    who = answering.interviewee
    named = span.doc.char_span(*who.at, alignment_mode="expand") if who.at else None
    mention = (person(named, lexicon) if named is not None else None) or Mention(name=tidy(who.name or named.text))
    if named is not None and not mention.role and (role := _apposition(named.root)):
        mention = _with_party(mention.name, role, lexicon)  # a name tagged as a place: "X, Norway's envoy"
    if who.role and not mention.role:
        mention = mention.model_copy(update={"role": who.role, "party": mention.party or who.party})
    return mention


@VIEWS.register("answers")
def _answers(span: Span, lexicon: Lexicon) -> list[str]:
    """The claims (as `.claims`) of the interview's answer lines within the span: a paragraph that is no answer
    (a heading and what follows it, the line that closes a transcript) is left out."""
    found = layout(span.doc, lexicon)
    answering = found.answering_at(span.start_char) if found is not None else None
    if answering is None:
        return []
    claims = []
    for start, end in answering.answers:
        if start < span.end_char and end > span.start_char:
            line = span.doc.char_span(max(start, span.start_char), min(end, span.end_char), alignment_mode="expand")
            claims += speech.claims(line) if line is not None else []
    return claims


@VIEWS.register("predicate")
def _predicate(span: Span, lexicon: Lexicon) -> str:
    return speech.predicate(span.root, speech.Speech.of(lexicon))


@VIEWS.register("outside")
def _outside(span: Span, lexicon: Lexicon) -> str:
    return speech.outside(span.root)


@VIEWS.register("preceding")
def _preceding(span: Span, lexicon: Lexicon) -> list[str]:
    return speech.preceding(span.root)


@VIEWS.register("conjunct")
def _conjunct(span: Span, lexicon: Lexicon) -> str:
    return speech.conjunct(span.root, speech.Speech.of(lexicon))


@VIEWS.register("reported")
def _reported(span: Span, lexicon: Lexicon) -> str:
    return speech.reported(span.root, speech.Speech.of(lexicon))


def sentence_value(sentence: Span, match: Span, name: str) -> str:
    """Values computed from the whole sentence: $sentence, $quote, $after_colon, $outside."""
    text = " ".join(sentence.text.split())
    if name == "$outside":
        doc = sentence.doc
        before, after = doc[sentence.start : match.start].text, doc[match.end : sentence.end].text
        return tidy(" ".join(f"{before} {after}".split()))
    if name == "$sentence":
        return text.strip()
    if name == "$quote":
        return tidy(" ".join(quotes_in(text)))
    if name == "$after_colon":
        return tidy(text.split(":", 1)[1]) if ":" in text else ""
    raise ValueError(f"unknown value {name}")


def folded_words(text: str) -> set[str]:
    """Content words of a text, folded, for overlap tests."""
    return set(fold(text).split())
