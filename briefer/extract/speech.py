"""Reported speech: the quotations a cue introduces, the claims of a passage, a stance verb's predicate, what a
verb of saying reports without a parsed clause, and whether a cue stands inside someone else's words.

The word lists come from the `reporting` gazetteer (`Speech`), so users extend them without code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from briefer.extract.text import tidy
from briefer.names import fold
from briefer.nlp import doc_ents, doc_text, span_ents, span_text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from briefer.rules.lexicon import Lexicon

OPENING, CLOSING, STRAIGHT = "“„«", "”»", '"'
QUOTE_MARK_RE = re.compile(f"[{OPENING}{CLOSING}{STRAIGHT}]")
# What may stand before a quotation that is speech rather than a phrase in the narrator's words.
FULL_QUOTE_BEFORE = ",:;—–-.!?"
SHORT_CLAIM = 6  # a sentence this short or shorter ("This is non-negotiable.") belongs to the claim before it
MIN_PREDICATE = 3  # "expressed optimism" alone states no position; "rejected the proposal" does
SHORT_LEAD = 8  # an opening sentence this short introduces the claim after it
CARRY_ON = {"this", "these", "such", "however", "but", "yet", "that's", "that’s"}
TRANSCRIPT_LABEL_RE = re.compile(r"^\s*([A-Z][\w.’' -]{0,40}?|Q|A):\s")
CONNECTIVES = {"however", "therefore", "meanwhile", "nevertheless", "nonetheless", "thus", "moreover", "furthermore",
               "though"}  # adverbs that link the sentence to the one before, not part of a stance
PREDICATE_STOP = {"advcl", "prep", "npadvmod", "advmod", "relcl", "acl", "conj", "cc", "punct", "dep"}


@dataclass(frozen=True)
class Speech:
    """The words of the `reporting` gazetteer that the speech views read."""

    verbs: frozenset[str]  # every reporting verb (lemmas): cues of quotations and of nested speech
    participles: frozenset[str]  # participles that carry on what the subject says ("..., saying ...")
    addressees: frozenset[str]  # whom a statement is told to ("told reporters that ...")
    media: frozenset[str]  # news outlets: their "said" relays someone else's words
    honorifics: frozenset[str]  # "Dr", "Ms": a transcript label that opens with one names a person
    plain: frozenset[str] = frozenset()  # verbs that only attribute ("add", "note"): what they report is the words

    @classmethod
    def of(cls, lexicon: Lexicon) -> Speech:
        """The lists from the gazetteers, joined once per lexicon (the views ask at nearly every match)."""
        return lexicon.derived("speech", lambda: cls._read(lexicon))

    @classmethod
    def _read(cls, lexicon: Lexicon) -> Speech:
        words = lexicon.gazetteers.words
        say = words("reporting.say_verbs")
        return cls(verbs=words("reporting.verbs") | say,
                   participles=(say | words("reporting.stance_verbs")) - words("reporting.narrative_participles"),
                   addressees=words("reporting.addressees"),
                   media=words("reporting.media"), honorifics=lexicon.honorifics,
                   plain=words("reporting.plain_verbs"))

    def is_media(self, text: str) -> bool:
        """A news outlet or its report ("Channel 12 news", "the SABA news agency", "media reports")."""
        words = f" {fold(text)} "
        return any(f" {m} " in words for m in self.media)


def _paragraph(doc_text_: str, start: int, end: int) -> tuple[int, int]:
    """Character bounds of the line (paragraph) holding a range."""
    para_start = doc_text_.rfind("\n", 0, start) + 1
    para_end = doc_text_.find("\n", end)
    return para_start, para_end if para_end != -1 else len(doc_text_)


def _opens(text: str, i: int) -> bool:
    """Whether a straight quote mark opens a quotation: after a space or a dash, before a word."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


@lru_cache(maxsize=256)
def quotations(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges inside the marks of a paragraph's quotations; an unclosed one ends where the next opens.
    Straight quote marks open or close by where they stand (cleaned text has no curly ones). A mark that closes
    with none open before it ends a quotation whose opening mark was lost: it runs from the paragraph's start
    ("... as well”, Darsalia said."); a closing mark placed where one opens (”Which ...) opens. Cached: every
    match in a paragraph asks."""
    found: list[tuple[int, int]] = []
    start = None
    for mark in QUOTE_MARK_RE.finditer(text):
        i, char = mark.start(), mark.group()
        opens = char in OPENING or (start is None and _opens(text, i)) or (
            char == STRAIGHT and start is not None and _opens(text, i))
        if opens:
            if start is not None:
                found.append((start, i))
            start = i + 1
        elif start is not None:
            found.append((start, i))
            start = None
        elif not found:
            found.append((0, i))
    if start is not None:
        found.append((start, len(text)))
    return tuple((s, e) for s, e in found if text[s:e].strip())


def _is_speech(paragraph: str, start: int, end: int) -> bool:
    """A quotation (its text from `start` to `end`) that stands as speech: it opens the paragraph or follows
    punctuation, not a word ("he said it was “regrettable”" is the narrator's sentence), or it is whole sentences
    after "that" ("wrote that “I met them. We agreed.”")."""
    before = paragraph[: max(start - 1, 0)].rstrip()
    return (not before or before[-1] in FULL_QUOTE_BEFORE or before[-1] in CLOSING + STRAIGHT
            or _sentences_after_that(before, paragraph[start:end]))


def _sentences_after_that(before: str, quoted: str) -> bool:
    """A quotation after "that" opening on a capital and holding more than one sentence."""
    body = quoted.strip()
    return (before.lower().endswith(" that") and body[:1].isupper() and body[-1:] in ".!?"
            and re.search(r"[.!?]\s+[A-Z]", body) is not None)


def _cues_between(doc, start: int, end: int, cue: Token, verbs: frozenset[str]) -> bool:
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(t.i != cue.i and t.pos_ == "VERB" and t.lemma_.lower() in verbs for t in span)


def _joins_previous(piece: str) -> bool:
    """A sentence that carries on the claim before it: very short, or opening on "This", "However", ..."""
    words = piece.split()
    return len(words) <= SHORT_CLAIM or words[0].lower().strip(",") in CARRY_ON


def _pieces(doc, start: int, end: int, keep=None) -> list[str]:
    """The sentences of a character range, clipped to it and tidied (those `keep` accepts)."""
    text = doc_text(doc)
    pieces = []
    for sentence in doc.char_span(start, end, alignment_mode="expand").sents:
        clipped = (max(sentence.start_char, start), min(sentence.end_char, end))
        piece = tidy(text[clipped[0] : clipped[1]])
        if piece and (keep is None or keep(doc.char_span(*clipped, alignment_mode="expand"))):
            pieces.append(piece)
    return pieces


def _join(pieces: list[str]) -> list[str]:
    """Sentences as claims: one that carries on the one before joins it; a short opening one joins the next."""
    claims: list[str] = []
    for index, piece in enumerate(pieces):
        if claims and _joins_previous(piece):
            claims[-1] = f"{claims[-1]}. {piece}"
        elif index == 1 and len(claims[0].split()) <= SHORT_LEAD:
            claims[0] = f"{claims[0]}. {piece}"
        else:
            claims.append(piece)
    return claims


def sentence_claims(doc, start: int, end: int) -> list[str]:
    """The sentences of a character range as claims (see `_join`)."""
    return _join(_pieces(doc, start, end))


def quotes(cue: Token, speech: Speech) -> list[str]:
    """The quotations a reporting cue introduces ("X said: “...”", "“...,” said X"), one claim per sentence."""
    doc, sentence = cue.doc, cue.sent
    text = doc_text(doc)
    sentence_end = sentence.start_char + len(span_text(sentence).rstrip())
    para_start, para_end = _paragraph(text, sentence.start_char, sentence_end)
    below = None
    if text[para_start:para_end].rstrip().endswith(":") and not text[sentence_end:para_end].strip():
        next_start = len(text) - len(text[para_end:].lstrip())  # "X told reporters:" and the quotation below
        para_end, sentence_end = _paragraph(text, next_start, next_start)[1], next_start + 1
        below = (next_start, para_end)
    paragraph = text[para_start:para_end]
    if below is not None and _block_quote(text[below[0] : below[1]], cue):
        return sentence_claims(doc, *below)  # "X, the minister, said:" and a paragraph set off without marks
    attached: list[tuple[int, int]] = []
    for start, end in quotations(paragraph):
        if not _is_speech(paragraph, start, end):
            continue
        start, end = start + para_start, end + para_start
        if sentence.start_char <= end <= cue.idx and not _cues_between(doc, end, cue.idx, cue, speech.verbs):
            attached.append((start, end))
        elif cue.idx < start <= sentence_end and not _cues_between(doc, cue.idx, start, cue, speech.verbs):
            attached.append((start, end))
    claims: list[str] = []
    for index, (start, end) in enumerate(attached):
        found = sentence_claims(doc, start, end)
        unfinished = index and not text[: attached[index - 1][1]].rstrip().endswith((".", "!", "?"))
        carries_on = found and (found[0][:1].islower() or not _has_verb(doc, *attached[index - 1]))
        if claims and unfinished and carries_on:  # "“Despite the delays,” she said, “we will sign.”"
            claims[-1] = f"{claims[-1].rstrip(',')}, {found.pop(0)}"
        claims.extend(found)
    return claims


def _block_quote(paragraph: str, cue: Token) -> bool:
    """The paragraph below "X said:" is a block quotation set off without quotation marks: the cue reports nothing
    of its own (no clause: "said the plan includes:" lists things), the paragraph has no quotation mark, is no
    transcript line ("Q: ...") and ends as prose does."""
    body = paragraph.strip()
    return (bool(body) and not QUOTE_MARK_RE.search(body) and body[-1] in ".!?…"
            and not TRANSCRIPT_LABEL_RE.match(body)
            and not any(child.dep_ in {"ccomp", "xcomp", "dobj"} for child in cue.children))


def _has_verb(doc, start: int, end: int) -> bool:
    """Whether a character range holds a verb: a quotation without one is a fragment of the next."""
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is None or any(token.pos_ in {"VERB", "AUX"} for token in span)


def _advice(sentence: Span) -> bool:
    """A sentence that tells the reader what to do ("Stay informed.", "Readers should ..."), not a claim."""
    root = sentence.root
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        first = next((t for t in sentence if not t.is_punct and not t.is_space), root)
        return root.tag_ == "VB" and first.i == root.i  # an imperative opens on its verb
    return subject.lower_ in {"you", "readers", "reader"}


def claims(span: Span) -> list[str]:
    """A passage (an interview answer) as claims, one per sentence; pleasantries, questions and advice to the
    reader dropped."""
    found = _join(_pieces(span.doc, span.start_char, span.end_char, keep=lambda s: not _advice(s)))
    return [c for c in found if len(c.split()) >= 3 and not c.endswith("?")]


def _relative_antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for ("membership, which the Russians called ..." -> membership)."""
    if token.tag_ not in {"WDT", "WP"}:
        return None
    verb = token.head
    while verb.dep_ not in {"relcl", "ROOT"} and verb.head.i != verb.i:
        verb = verb.head
    return verb.head if verb.dep_ == "relcl" else None


def _noun_phrase(noun: Token, without: Token) -> str:
    """A noun's phrase without one of its dependents (the relative clause that refers back to it)."""
    tokens = [t for t in noun.subtree if not (without.left_edge.i <= t.i <= without.right_edge.i)]
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ in {"WDT", "WP"}):
        tokens.pop()
    while tokens and tokens[0].lower_ in {"the", "a", "an"}:
        tokens.pop(0)
    return " ".join(t.text for t in tokens)


def _excluded(verb: Token) -> set[int]:
    """Tokens a predicate leaves out: the agent of a passive ("by the ministry"), wherever the parser hung it."""
    left_out: set[int] = set()
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)  # "had expressed fear ... by X"
    if verb.tag_ == "VBN" and not perfect:
        for token in verb.subtree:
            if token.lower_ == "by" and token.dep_ in {"agent", "prep"}:
                left_out.update(t.i for t in token.subtree)
    return left_out


def _passive_theme(verb: Token) -> Token | None:
    """What a passive verb is about: its passive subject, or a subject the parser gave a bare participle."""
    for child in verb.lefts:
        if child.dep_ == "nsubjpass" or (child.dep_ == "nsubj" and verb.tag_ == "VBN"):
            if not any(c.dep_ in {"aux", "auxpass"} and c.lemma_ == "have" for c in verb.children):
                return child
    return None


def _is_when(child: Token) -> bool:
    """An adjunct that only dates the statement: "on Monday", "this week", "Wednesday"."""
    words = [t for t in child.subtree if not t.is_punct]
    dated = [t for t in words if t.ent_type_ in {"DATE", "TIME"}]
    return bool(dated) and len(dated) >= len(words) - 1 and child.dep_ in {"prep", "npadvmod", "advmod"}


def _joined(conjunct: Token) -> bool:
    """Whether a conjunct is joined to what stands before it by a conjunction or a comma; one that follows a noun
    with neither is that noun's own head word misread as a verb ("rejected a ceasefire | deal in exchange for
    ...")."""
    before = conjunct.left_edge.i - 1
    return before < 0 or conjunct.doc[before].dep_ == "cc" or conjunct.doc[before].is_punct or (
        conjunct.doc[before].pos_ not in {"NOUN", "PROPN", "NUM", "ADJ"})


def predicate(verb: Token, speech: Speech) -> str:
    """A stance verb with what it takes, without its agent: "expressed optimism about the talks". A participle
    that reports speech stays ("..., saying a deal is possible"); other trailing adverbial clauses go, and so does
    a connective before the verb ("however", "therefore")."""
    doc = verb.doc
    start = verb.i
    while start > 0 and doc[start - 1].dep_ in {"advmod", "neg"} and doc[start - 1].head.i == verb.i:
        start -= 1
    while start < verb.i and doc[start].lower_ in CONNECTIVES:  # "X, however, rejected ...": the narrator's link
        start += 1
    parts = [doc[start : verb.i + 1].text]
    theme = _passive_theme(verb)
    for child in verb.lefts:
        if child.dep_ in {"dobj", "nsubjpass"} and (antecedent := _relative_antecedent(child)) is not None:
            parts.append(_noun_phrase(antecedent, verb))
        elif theme is not None and child.i == theme.i:
            parts.append(doc[child.left_edge.i : child.right_edge.i + 1].text)
    if theme is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        parts.append(_noun_phrase(verb.head, verb))
    left_out = _excluded(verb)
    children = list(verb.rights)
    for position, child in enumerate(children):
        after_comma = position > 0 and children[position - 1].text == ","
        speech_participle = child.dep_ == "advcl" and child.tag_ == "VBG" and child.lemma_ in speech.participles
        if (child.dep_ == "cc" or (child.dep_ == "conj" and _joined(child))
                or (after_comma and child.dep_ in PREDICATE_STOP and not speech_participle)):
            break
        if child.dep_ in {"agent", "punct"} or _is_when(child):
            continue
        if speech_participle:
            parts.append(",")
        parts.append("".join(t.text_with_ws for t in child.subtree if t.i not in left_out).strip())
    statement = tidy(" ".join(parts).replace(" ,", ","))
    return statement if len(statement.split()) >= MIN_PREDICATE else ""


def conjunct(verb: Token, speech: Speech) -> str:
    """The predicate of a verb joined to an earlier one ("said A and repeated that B"), when it shares that verb's
    subject; nothing when it has a subject of its own ("Kyiv agreed and Moscow warned that ..."). A verb that only
    attributes gives the words it reports ("and added in a statement that B" -> B)."""
    if any(child.dep_ in {"nsubj", "nsubjpass", "expl"} for child in verb.children):
        return ""
    if verb.lemma_ in speech.plain:
        content = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        words = _reported_clause(content) if content is not None else _after_setting(verb) or reported(verb, speech)
        if words:
            return words
    return predicate(verb, speech)


def attributing_conjunct(head: Token, plain: frozenset[str]) -> Token | None:
    """A verb that only attributes, joined to a clause with no subject of its own ("the meeting was frank, and added
    in a statement ..."): it starts the next thing said, not more of this clause."""
    return next((c for c in head.rights if c.dep_ == "conj" and c.pos_ == "VERB" and c.lemma_ in plain
                 and not any(g.dep_ in {"nsubj", "nsubjpass", "expl", "dobj"} for g in c.children)), None)


def _after_setting(verb: Token) -> str:
    """The words a verb of saying introduces after where it was said and a colon or comma ("added in a statement:
    “B”" -> B); nothing when no such break follows."""
    doc, end = verb.doc, verb.sent.end
    i = verb.i + 1
    while i < end and doc[i].dep_ == "prep" and doc[i].head.i == verb.i:
        i = doc[i].right_edge.i + 1
    if i == verb.i + 1 or i >= end or doc[i].text not in {":", ","}:
        return ""
    while i < end and (doc[i].is_punct or doc[i].is_space):
        i += 1
    return tidy(doc[i:end].text) if i < end else ""


def _reported_clause(head: Token) -> str:
    """A reported clause without its "that"."""
    doc = head.doc
    start = head.left_edge.i
    while start < head.i and (doc[start].lower_ == "that" or doc[start].is_punct):
        start += 1
    return tidy(doc[start : head.right_edge.i + 1].text)


def reported(cue: Token, speech: Speech) -> str:
    """What a reporting verb reports when the parser gave it no clause: the words after it ("said the scenarios
    had returned", "told reporters that ..."), or, for a cue closing its sentence, the words before it
    ("The US is doing well, Trump told reporters.")."""
    if any(child.dep_ == "ccomp" for child in cue.children):
        return ""
    doc, sentence = cue.doc, cue.sent
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    subject = next((c for c in subjects if c.i > cue.i), subjects[0] if subjects else None)  # "“...,” said X"
    clause_start = min(cue.i, subject.left_edge.i if subject is not None else cue.i)
    after = [t for t in doc[cue.i + 1 : sentence.end] if not t.is_space]
    if subject is not None and subject.i > cue.i:  # "..., said the mediator, who ...": the words are the speaker's
        after = [t for t in after if t.i > subject.right_edge.i]
    addressee = next((c for c in cue.children if c.dep_ in {"dobj", "dative"} and c.i == cue.i + 1), None)
    if addressee is not None and (addressee.ent_type_ or addressee.lemma_ in speech.addressees):
        after = [t for t in after if t.i > addressee.right_edge.i]
    that = next((t for t in after[:8] if t.lower_ == "that" and t.dep_ == "mark"), None)
    if that is not None and not any(t.pos_ in {"VERB", "AUX"} for t in after if t.i < that.i):
        after = [t for t in after if t.i > that.i]
    for index, token in enumerate(after[1:], start=1):  # "..., reported Kazinform news agency"
        if after[index - 1].text == "," and (token.lemma_ in speech.verbs or token.lower_ == "according"):
            after = after[: index - 1]
            break
    words = [t for t in after if not t.is_punct]
    if len(words) >= 4 and any(t.dep_ in {"nsubj", "nsubjpass", "expl"} for t in after):
        return tidy(doc[after[0].i : after[-1].i + 1].text)
    closes_sentence = len(words) <= 6 and not any(t.text in OPENING + CLOSING + STRAIGHT + ":" for t in after)
    before = doc[sentence.start : clause_start]
    if closes_sentence and doc[clause_start - 1].text == "," and any(t.pos_ in {"VERB", "AUX"} for t in before):
        text = before.text.rstrip(" ,")
        if not text.endswith(tuple(CLOSING + STRAIGHT)):
            return tidy(text)
    return ""


def within_quotation(doc, offset: int) -> bool:
    """Whether a character offset lies inside the quotation marks of its paragraph."""
    text = doc_text(doc)
    para_start, para_end = _paragraph(text, offset, offset)
    return any(start <= offset - para_start < end for start, end in quotations(text[para_start:para_end]))


def nested(cue: Token, speech: Speech) -> bool:
    """Whether a cue reports no words of its subject's own: it is negated ("did not respond"), or it stands
    inside someone else's words: within quotation marks, on a transcript line that a named person speaks, or
    in the clause another reporting verb reports ("she said he had warned ..."), unless a news outlet reports it
    as that clause's own verb ("the channel said the envoy warned ...", not "... claimed he met them, describing");
    a verb that only attributes, joined to that clause without a subject ("said A, and added B"), is the speaker's."""
    if any(child.dep_ == "neg" for child in cue.children):
        return True
    if within_quotation(cue.doc, cue.idx):
        return True
    text = doc_text(cue.doc)
    para_start, para_end = _paragraph(text, cue.idx, cue.idx)
    paragraph = text[para_start:para_end]
    offset = cue.idx - para_start
    label = TRANSCRIPT_LABEL_RE.match(paragraph)
    if label and offset > label.end() and not _place_name(cue.doc, label.group(1)):
        spans = cue.doc.char_span(para_start, para_start + label.end(1), alignment_mode="expand")
        if spans is not None and any(e.label_ == "PERSON" for e in span_ents(spans)) or label.group(1) in {"Q", "A"}:
            return True
        if fold(re.split(r"[\s.]", label.group(1))[0]) in speech.honorifics:
            return True
    head = cue
    if cue.dep_ == "conj" and cue.head.dep_ == "ccomp" and attributing_conjunct(cue.head, speech.plain) == cue:
        head = cue.head.head  # "X said A, and added B": "added" is X's, whatever clause the parser joined it to
    while head.head.i != head.i:
        if head.dep_ == "ccomp" and head.head.lemma_ in speech.verbs and not (
                head is cue and _relayed_by_media(head.head, speech)):
            return True
        head = head.head
    return False


def _place_name(doc, label: str) -> bool:
    """A line's label the text names as a place elsewhere: a dateline ("Lisbon: The minister said ..."), no
    transcript speaker."""
    return any(ent.label_ in {"GPE", "LOC"} and ent.text == label for ent in doc_ents(doc))


def _relayed_by_media(cue: Token, speech: Speech) -> bool:
    """The cue's subject is a news outlet: "Channel 12 said that the envoy stressed ..." gives the envoy's words;
    so does a site that "reports" ("Axar.az reports that this was stated by X")."""
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    words = list(subject.subtree)
    if cue.lemma_ == "report" and not any(t.ent_type_ == "PERSON" for t in words):
        return True
    return speech.is_media(" ".join(t.text for t in words))


def preceding(cue: Token) -> list[str]:
    """The claims a cue refers back to ("This was stated by X"): the sentences before it in its paragraph, or the
    paragraph before when its sentence opens the paragraph."""
    doc, sentence = cue.doc, cue.sent
    text = doc_text(doc)
    para_start, _ = _paragraph(text, sentence.start_char, sentence.start_char)
    if text[para_start : sentence.start_char].strip():
        return sentence_claims(doc, para_start, sentence.start_char)
    before = text[:para_start].rstrip()
    if not before:
        return []
    start, end = _paragraph(text, len(before) - 1, len(before) - 1)
    return sentence_claims(doc, start, end)


def outside(token: Token) -> str:
    """The sentence without the token's phrase ("..., according to X, a professor at Y" -> the rest). When the
    phrase opens a sentence whose verb has no subject, the parser took that subject into the phrase as a
    conjunct after a comma ("According to X, A and B are ..."): the phrase ends at that comma."""
    sentence = token.sent
    doc = token.doc
    end = token.right_edge.i
    if token.left_edge.i == sentence.start and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.head.children):
        subject = next((t for t in token.subtree if t.dep_ == "conj" and doc[t.i - 1].text == ","), None)
        end = subject.i - 1 if subject is not None else end
    before = doc[sentence.start : token.left_edge.i].text
    after = doc[end + 1 : sentence.end].text
    return tidy(" ".join(f"{before} {after}".split()).replace(" ,", ","))
