"""Checks a rule lists under `unless`: a match is dropped when one of them holds."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefer.extract.interview import layout
from briefer.extract.speech import Speech
from briefer.extract.speech import nested as inside_speech
from briefer.extract.voices import voiced_by_side
from briefer.names import fold
from briefer.nlp import doc_ents, doc_text, span_text
from briefer.rules.lexicon import Lexicon
from briefer.rules.vocabulary import CHECKS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from briefer.rules.compiler import RuleMatch

# "Dr. Jane Doe: ...", "Time.news: ...", "Q: ...": a label of capitalised words, then a colon.
SPEAKER_LINE_RE = re.compile(r"^\s*(?:[-•*]\s*)?(?:\d+\.\s*)?(?P<label>[A-Z][\w.’'-]*(?:\s[\w.’'-]+){0,4}):\s")
ASKING_LABELS = {"q", "question", "interviewer", "reporter"}
ANSWER_RE = re.compile(r"^\s*(A|Answer)\s*[:.]")
FAQ_HEADING_RE = re.compile(r"\b(faq|frequently asked questions|questions and answers|q\s?&\s?a)\b", re.I)
# A short wh-question that opens a paragraph or heads a section ("Why Istanbul? The choice ...", "What's next?")
# is a lead-in the text below answers; a yes/no question ("Will the truce hold?") stays open.
LEAD_IN_WORDS = 5
WH_WORDS = {"why", "what", "how", "who", "where", "when", "which", "whats"}
YES_NO_RE = re.compile(r"^(?:yes|no)\b\s*(?:[.,;!–—-]|and\b|but\b)", re.I)  # "Yes.", "No, but ...", "Yes and no."
ANSWER_END = ".,;!–—-"  # what closes a short answer ("Not even close.", "Hardly, ...")
DASHES = "—–-"  # marks that open the lines of an exchange ("— Will you sign?" / "— Not before May.")
LIST_MARK_RE = re.compile(r"^[\s•*\-–—]*(?:\d+(?:\.\d+)*[.)]\s+)?")
CLOSING_QUOTES = {"”", '"', "’"}
REPORTED_SPEECH_ENDS = {",", *CLOSING_QUOTES}  # what closes the words before their attribution: "“...,” X said"
EMBEDDED_DEPS = {"ccomp", "csubj", "pcomp", "xcomp", "advcl", "pobj"}  # a clause under another word
WH_TAGS = {"WP", "WDT", "WRB"}  # "what", "which", "how", "why": the words that open an embedded question
BACKDROP_MARKS = {"if", "unless", "after", "since", "once", "because"}  # "if they cannot agree", "after X failed"
BACKDROP_REACH = 6  # words back from a clause to an "after" the parser hung elsewhere ("after months of talks")
PLACE_LABELS = {"GPE", "LOC", "FAC"}
CAUSE_MARKS = {"since", "because"}  # a reason, which may be a stance held now ("since X says ...")
CONDITION_MARKS = {"unless"}  # "we will not sign unless ..."; "if they are to succeed" asks what the outcome needs
SIDE_PRONOUNS = {"i", "we", "he", "she", "they"}  # who sets a condition on their own act
SIDE_LABELS = {"PERSON", "GPE", "NORP", "ORG"}
BACKDROP_TIME_WORDS = {"after", "before", "since", "until", "once"}  # "announced after the talks failed to ..."
CONCESSIVE_MARKS = {"while", "although", "though"}  # "While the envoy warned that a deal was far off, ..."
NEGATING = {"no", "little"}  # "makes no difference whether ...", "matters little whether ..."
DISMISS_REACH = 4  # heads up from an embedded question to the word that waves it aside
OBJECT_DEPS = {"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative"}  # a verb's own object after it


def _line_bounds(sentence: Span) -> tuple[int, int]:
    """Start and end offsets of the line a sentence stands in (a trailing line break is not in it)."""
    text = doc_text(sentence.doc)
    start = text.rfind("\n", 0, sentence.start_char) + 1
    end = text.find("\n", sentence.start_char + len(span_text(sentence).rstrip()))
    return start, end if end != -1 else len(text)


def line_of(sentence: Span) -> str:
    """The whole line (paragraph) a sentence stands in."""
    start, end = _line_bounds(sentence)
    return doc_text(sentence.doc)[start:end]


def _next_line(sentence: Span) -> str:
    """The first non-empty line after the sentence's line."""
    text = doc_text(sentence.doc)
    for line in text[_line_bounds(sentence)[1] :].splitlines():
        if line.strip():
            return line.strip()
    return ""


def _previous_line(sentence: Span) -> str:
    """The last non-empty line before the sentence's line."""
    text = doc_text(sentence.doc)
    for line in reversed(text[: _line_bounds(sentence)[0]].splitlines()):
        if line.strip():
            return line.strip()
    return ""


def speaker_label(line: str) -> str:
    """The speaker label that opens a transcript line ("Dr. Jane Doe", "Q"), or ""."""
    found = SPEAKER_LINE_RE.match(line)
    return found.group("label").lower() if found else ""


def is_heading(sentence: Span) -> bool:
    """A line of its own that does not end like prose (a title or section heading)."""
    line = line_of(sentence).strip()
    return line == " ".join(span_text(sentence).split()) and not line.endswith((".", "!", "\"", "”"))


@CHECKS.register("interviewer")
def interviewer(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The sentence is in an interviewer's line: "Q: ...?", or "Outlet: ...?" next to another speaker's line, or a
    question line of an interview's layout (bold, or a paragraph that only asks; briefer/extract/interview.py)."""
    found = layout(match.sentence.doc, lexicon)
    if found is not None and found.asks_at(match.sentence.start_char):
        return True
    line = line_of(match.sentence)
    label = speaker_label(line)
    if not label or "?" not in line:
        return False
    if label in ASKING_LABELS:
        return True
    neighbours = (speaker_label(_next_line(match.sentence)), speaker_label(_previous_line(match.sentence)))
    return any(other and other != label for other in neighbours)


@CHECKS.register("outside_interview")
def outside_interview(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The match is not in an answer line of an interview (briefer/extract/interview.py)."""
    found = layout(match.sentence.doc, lexicon)
    return found is None or found.answering_at(match.span.start_char) is None


def _in_faq(sentence: Span) -> bool:
    """The sentence stands under an FAQ or Q&A heading (among the last dozen short lines)."""
    text = doc_text(sentence.doc)[: sentence.start_char]
    short_lines = [ln for ln in text.splitlines() if 0 < len(ln.split()) <= 8 and not ln.strip().endswith(".")]
    return any(FAQ_HEADING_RE.search(ln) for ln in short_lines[-12:])


def _lead_in(sentence: Span) -> bool:
    """A short wh-question that opens a paragraph or heads a section: the text below answers it."""
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    opening = [t for t in words if t.lower_ not in {"so", "but", "and", "then"}][:1]
    if not opening or len(words) > LEAD_IN_WORDS or fold(opening[0].text).replace(" ", "") not in WH_WORDS:
        return False
    text = doc_text(sentence.doc)
    start, end = _line_bounds(sentence)
    if text[start : sentence.start_char].strip(" \t•*-–—"):
        return False
    following = text[sentence.end_char : end].strip() or _next_line(sentence)
    return bool(following) and "?" not in following  # something below answers it; a closing question stays open


def _answer_after(sentence: Span, lexicon: Lexicon) -> bool:
    """The words after the question on its line open with a bare "Yes." or "No," ("Is it a breakthrough? Yes."),
    or with a short answer of `questions.short_answers` ("... ? Not even close.", "... ? Hardly.")."""
    text = doc_text(sentence.doc)
    after = text[sentence.end_char : _line_bounds(sentence)[1]].strip()
    if YES_NO_RE.match(after):
        return True
    lowered = after.lower().replace("’", "'")
    return any(lowered.startswith(phrase) and lowered[len(phrase) : len(phrase) + 1] in set(ANSWER_END)
               for phrase in lexicon.gazetteers.list("questions.short_answers"))


def _answered_below(sentence: Span) -> bool:
    """A line that only asks and the line below answers it: a dash-marked exchange ("— Will you sign?" then
    "— Not before May."), or an answer that opens with a bare "Yes" or "No" ("Is a deal near?" then "Yes, ...")."""
    line = line_of(sentence).strip()
    following = _next_line(sentence)
    if not line.endswith("?") or not following:
        return False
    if line[0] in DASHES and following[0] in DASHES:
        return True
    return bool(YES_NO_RE.match(following.lstrip(DASHES + " ")))


@CHECKS.register("answered")
def answered(match: RuleMatch, lexicon: Lexicon) -> bool:
    """A question the text answers at once: an FAQ entry, a heading followed by an answer line, a lead-in, a
    question the next words answer with "Yes", "No" or a short answer ("Not even close."), a question line the line
    below answers (a dash-marked exchange, a bare "Yes" or "No")."""
    sentence = match.sentence
    if _lead_in(sentence) or _answer_after(sentence, lexicon) or _answered_below(sentence):
        return True
    if not is_heading(sentence):
        return False
    following = _next_line(sentence)
    answer_line = bool(ANSWER_RE.match(following)) or (bool(speaker_label(following)) and "?" not in following)
    return answer_line or _in_faq(sentence)


def _neighbour_sentences(sentence: Span) -> list[Span]:
    """The sentence and the sentences just before and after it on the same line."""
    doc = sentence.doc
    found = [sentence]
    if sentence.start > 0:
        found.append(doc[sentence.start - 1].sent)
    if sentence.end < len(doc):
        found.append(doc[sentence.end].sent)
    return found


@CHECKS.register("reader_bait")
def reader_bait(match: RuleMatch, lexicon: Lexicon) -> bool:
    """A call to the reader ("What do you think? Share your thoughts"), or a question next to one."""
    start, end = _line_bounds(match.sentence)
    phrases = [f" {fold(p)} " for p in lexicon.gazetteers.list("questions.reader_bait")]
    for sentence in _neighbour_sentences(match.sentence):
        if sentence.start_char < start or sentence.start_char >= end:
            continue
        text = f" {fold(span_text(sentence))} "
        if any(p in text for p in phrases):
            return True
    return False


@CHECKS.register("quoted")
def quoted(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The match lies inside quotation marks."""
    before = doc_text(match.sentence.doc)[match.sentence.start_char : match.span.start_char]
    return sum(before.count(q) for q in "\"“”") % 2 == 1


def _squeeze(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


@CHECKS.register("repeated")
def repeated(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The same sentence comes again later (a table of contents or teaser repeating a heading): keep the last."""
    sentence = match.sentence
    later = doc_text(sentence.doc)[sentence.start_char + len(span_text(sentence).rstrip()) :]
    own = LIST_MARK_RE.sub("", _squeeze(span_text(sentence)))
    return len(own.split()) >= 3 and own in _squeeze(later)


@CHECKS.register("table_cell")
def table_cell(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The match is in a table row ("Side | Demand |"), not in prose."""
    return line_of(match.sentence).count("|") >= 2


@CHECKS.register("heading")
def heading(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The match is in a heading line (a line that ends on a colon leads into what follows: no heading)."""
    return is_heading(match.sentence) and not line_of(match.sentence).rstrip().endswith(":")


@CHECKS.register("no_entity")
def no_entity(match: RuleMatch, lexicon: Lexicon) -> bool:
    """No named entity in the match."""
    return not any(match.span.start <= ent.start < match.span.end for ent in doc_ents(match.span.doc))


@CHECKS.register("nested")
def nested(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The cue (or the match) is inside someone else's words (see briefer/extract/speech.py)."""
    cue = match.captures.get("cue")
    return inside_speech((cue if cue is not None else match.span).root, Speech.of(lexicon))


@CHECKS.register("content_first")
def content_first(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The words the cue reports come before it ("“...,” X acknowledged at a news conference"): a clause it
    takes that ends at a comma or closing quote, or a quotation whose verb the parser made the cue's head. That is
    reported speech, for the rules that take it, and what follows the cue is no stance."""
    cue = match.captures.get("cue")
    verb = (cue if cue is not None else match.span).root
    doc = verb.doc
    clause_before = any(
        child.dep_ == "ccomp" and child.right_edge.i + 1 < verb.i
        and {doc[child.right_edge.i].text, doc[child.right_edge.i + 1].text} & REPORTED_SPEECH_ENDS
        for child in verb.children)
    quotation_before = verb.head.i < verb.i and any(
        child.dep_ == "punct" and child.text in CLOSING_QUOTES for child in verb.lefts)
    return clause_before or quotation_before


@CHECKS.register("not_after_quote", needs_token={"ORTH": {"IN": sorted(CLOSING_QUOTES)}})
def not_after_quote(match: RuleMatch, lexicon: Lexicon) -> bool:
    """Unless the speaker comes right after a quotation that ends on a comma ("“...,” X tempered") and the verb
    takes no object after it: then the verb, whatever it is, attributes the quotation."""
    speaker, cue = match.captures.get("speaker"), match.captures.get("cue")
    if speaker is None or cue is None:
        return True
    doc, verb = cue.doc, cue.root
    if any(child.dep_ in OBJECT_DEPS and child.i > verb.i for child in verb.children):
        return True
    start = speaker.root.left_edge.i
    before = {doc[i].text for i in range(max(start - 2, 0), start)}
    return not (before & CLOSING_QUOTES and "," in before)


@CHECKS.register("open_question")
def open_question(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The cue heads a clause the text asks about, not one it reports: "it is not clear what the rebels will
    demand", "nobody knows whether Kyiv will accept" (an open question, not a stance)."""
    cue = match.captures.get("cue")
    verb = (cue if cue is not None else match.span).root
    if verb.dep_ not in EMBEDDED_DEPS:
        return False
    return any((child.tag_ in WH_TAGS and child.i < verb.i)
               or (child.dep_ == "mark" and child.lower_ in {"whether", "if"}) for child in verb.children)


@CHECKS.register("logistics")
def logistics(match: RuleMatch, lexicon: Lexicon) -> bool:
    """Unnamed sources report a movement or a schedule, not a stance: "X arrived in Cairo on Friday, a source
    said", "the envoys were in the capital for talks, officials said" (a development; the gold leaves it out)."""
    speaker = match.captures.get("speaker")
    if speaker is None or any(t.ent_type_ == "PERSON" for t in speaker.root.subtree):
        return False
    if speaker.root.lemma_.lower() not in lexicon.gazetteers.words("reporting.unnamed_sources"):
        return False
    said = {t.i for t in speaker.root.subtree}
    movements = lexicon.gazetteers.words("reporting.logistics_verbs")
    for token in match.sentence:
        if token.i in said or token.pos_ not in {"VERB", "AUX"}:
            continue
        if token.lemma_.lower() in movements:
            return True
        if token.lemma_ == "be" and token.dep_ in {"ROOT", "ccomp"} and any(  # "X were in Sanaa for talks"
                c.dep_ == "prep" and c.lower_ in {"in", "at"} and any(g.ent_type_ in PLACE_LABELS for g in c.children)
                for c in token.children):
            return True
    return False


@CHECKS.register("active_perfect")
def active_perfect(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The cue is an active verb in a perfect tense ("he had expressed fear over the withdrawal by the army"): a
    "by" under it names no agent who speaks."""
    cue = match.captures.get("cue")
    verb = (cue if cue is not None else match.span).root
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children) and not any(
        c.dep_ == "auxpass" for c in verb.children)


@CHECKS.register("subject_given")
def subject_given(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The cue has a subject of its own: the rules that read the subject take it."""
    cue = match.captures.get("cue")
    verb = (cue if cue is not None else match.span).root
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


@CHECKS.register("named_between")
def named_between(match: RuleMatch, lexicon: Lexicon) -> bool:
    """Another person is named between the subject (the "leader" or "roster" capture) and the cue: the parser may
    have hung the cue's own subject elsewhere ("A landed on Sunday and envoy B will head the team": B under "on")."""
    leader, cue = match.captures.get("leader") or match.captures.get("roster"), match.captures.get("cue")
    if leader is None or cue is None:
        return False
    doc = leader.doc
    return any(t.ent_type_ == "PERSON" for t in doc[leader.root.right_edge.i + 1 : cue.start])


@CHECKS.register("supposed_or_past")
def supposed_or_past(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The matched words stand in a clause that supposes ("if they cannot agree") or gives the backdrop ("after
    months of talks failed to produce a deal"): no question the text leaves open."""
    token = match.span.root
    verb = token if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"aux", "auxpass"} else token.head
    for clause in (verb, verb.head):
        if any(c.dep_ == "mark" and c.lower_ in BACKDROP_MARKS and not _stance_now(clause, c, lexicon)
               for c in clause.children):
            return True
        if clause.dep_ not in {"xcomp", "conj"}:
            break
    doc = verb.doc
    for token in reversed(doc[max(verb.left_edge.i - BACKDROP_REACH, verb.sent.start) : verb.left_edge.i]):
        if token.is_punct or token.pos_ in {"VERB", "AUX"}:  # the parser took "after" for a preposition
            return False
        if token.lower_ in BACKDROP_MARKS:
            return True
    return False


def _stance_now(verb: Token, mark: Token, lexicon: Lexicon) -> bool:
    """A reason given as someone's present stance: "since the rebels say that ...", "because Kyiv insists ..."."""
    return (mark.lower_ in CAUSE_MARKS and verb.tag_ in {"VBZ", "VBP"}
            and verb.lemma_.lower() in lexicon.gazetteers.words("reporting.verbs"))


@CHECKS.register("no_comment")
def no_comment(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The sentence is about a request for comment ("did not immediately respond to a request for comment"): a
    no-comment, not a reply the talks wait for."""
    text = f" {fold(span_text(match.sentence))} "
    return any(f" {fold(p)} " in text for p in lexicon.gazetteers.list("uncertainty.no_comment"))


@CHECKS.register("past_outcome")
def past_outcome(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The words tell how a past episode went, in the past perfect of a narrative ("the rebels had not given any
    response, so the mediators drafted another"), not a state still open: no "yet" or "still", no "by <date>" that
    it held up to, and no reporting verb above it (whose "had" is the present moved back: "said no date had been
    set")."""
    token = match.span.root
    verb = token if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"aux", "auxpass"} else token.head
    if not any(c.dep_ in {"aux", "auxpass"} and c.lower_ == "had" for c in verb.children):
        return False
    if any(c.lower_ in {"yet", "still"} for c in verb.subtree):
        return False
    if any(c.dep_ == "prep" and c.lower_ in {"by", "until", "as"} for c in verb.children):
        return False
    reporting = lexicon.gazetteers.words("reporting.verbs")
    head = verb
    while head.head.i != head.i:
        if head.dep_ in {"ccomp", "xcomp"} and head.head.lemma_.lower() in reporting:
            return False
        head = head.head
    return True


@CHECKS.register("sourcing")
def sourcing(match: RuleMatch, lexicon: Lexicon) -> bool:
    """What the cue takes is the speaker's own sourcing ("insisted on anonymity", "asked not to be named"), not a
    claim about the talks."""
    cue = match.captures.get("cue")
    verb = (cue if cue is not None else match.span).root
    words = lexicon.gazetteers.words("reporting.sourcing_words")
    taken = [t for child in verb.rights if child.dep_ not in {"conj", "cc", "punct"} for t in child.subtree]
    # "asked not to be named", not "had identified common ground" (a verb with an object of its own)
    return any(t.lower_ in words and not any(c.dep_ == "dobj" for c in t.children) for t in taken)


@CHECKS.register("side_condition")
def side_condition(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The condition is one a side sets on what it will do itself ("we will not sign unless the troops leave",
    "Israel will not send a team unless Hamas accepts"), or what a side says must happen if something is to
    ("“They must drop the demand if there are to be talks on trade,” the minister said"): a stance, not a question
    the text leaves open. A condition on an outcome ("the truce will not last unless ...") stays."""
    for token in match.span:
        if token.dep_ == "mark" and token.lower_ == "if" and voiced_by_side(token.head, lexicon):
            return True
        if token.dep_ != "mark" or token.lower_ not in CONDITION_MARKS:
            continue
        verb = token.head.head
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if any(s.lower_ in SIDE_PRONOUNS or s.ent_type_ in SIDE_LABELS for s in subjects):
            return True
        if _told_by_a_side(verb, lexicon):
            return True
    return False


def _told_by_a_side(verb: Token, lexicon: Lexicon) -> bool:
    """The clause is reported from a side's official ("the Azerbaijani president stated that the fighting will not
    end unless ..."): the condition is that side's demand. Not from observers or analysts ("observers say ...")."""
    reporting = lexicon.gazetteers.words("reporting.verbs")
    while verb.dep_ in {"ccomp", "conj"} and verb.head.i != verb.i:
        verb = verb.head
        if verb.lemma_.lower() not in reporting:
            continue
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            role = " ".join(t.text for t in subject.subtree)
            if lexicon.is_analyst(role):
                return False
            if subject.ent_type_ in SIDE_LABELS or fold(subject.text) in lexicon.title_words:
                return True
    return False


@CHECKS.register("event_fact")
def event_fact(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The uncertainty is about the facts of an event, not about what the talks will bring: its subject is a toll,
    a cause or an identity ("the death toll remains unclear", "the cause of the blast is still unknown");
    nouns in `gazetteers/uncertainty.yml`, `event_facts`."""
    root = match.span.root
    verb = root if root.pos_ in {"VERB", "AUX"} else root.head
    facts = lexicon.gazetteers.words("uncertainty.event_facts")
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in facts for c in verb.children)


@CHECKS.register("clause_after")
def clause_after(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The captured clause stands before the cue while the cue reports another clause after it ("In an interview
    aired on Saturday, X said Iran is open to ..."): the parser hung an opening phrase on the cue, and what was said
    is the clause after it."""
    content, cue = match.captures.get("content"), match.captures.get("cue")
    if content is None or cue is None:
        return False
    verb = cue.root
    return content.root.i < verb.i and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


def _speaks(token: Token) -> bool:
    """A subject that names someone who holds a view: a person, a country or body, a pronoun for one, or an office
    ("the minister")."""
    return (token.lower_ in SIDE_PRONOUNS or token.ent_type_ in SIDE_LABELS
            or token.pos_ == "PROPN")


def _named(token: Token) -> bool:
    """A word of a subject that names a person: a person's name, or a proper noun in apposition ("the vice
    president, Jane Doe")."""
    return token.ent_type_ == "PERSON" or (token.dep_ == "appos" and token.pos_ == "PROPN")


@CHECKS.register("speaker_doubt")
def speaker_doubt(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The doubt is a named speaker's own view ("the minister was sceptical that ...", "Maravia is doubtful about
    ...", "the Thai premier Jane Doe voiced scepticism over the rebels' sincerity"): a position, which the stance
    rules take, not a question the text leaves open. Doubt that nobody in particular holds ("few are sure",
    "scepticism remains"), or that a group or an office voices ("officials voiced scepticism", "the mediator
    expressed doubt"), stays."""
    word = match.captures.get("word")
    if word is None:
        return False
    verb = word.root.head if word.root.dep_ == "dobj" else word.root  # "voiced scepticism over ..."
    if verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon.gazetteers.words("uncertainty.doubt_verbs"):
        return any(c.dep_ == "nsubj" and (_speaks(c) or any(_named(t) for t in c.subtree)) for c in verb.children)
    if verb.pos_ != "ADJ":
        return False
    titles = lexicon.gazetteers.words("roles.speaker_nouns") | lexicon.gazetteers.words("roles.title_words")
    verb = verb.head
    return any(c.dep_ == "nsubj" and (_speaks(c) or c.lemma_.lower() in titles) for c in verb.children)


@CHECKS.register("dismissed")
def dismissed(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The embedded question is waved aside by what governs it ("it does not matter whether ...", "makes no
    difference whether ...", "whether they sign today is irrelevant"): the speaker settles it as unimportant.
    Words in `gazetteers/uncertainty.yml`, `dismissive_words`: a verb or noun negated ("not", "no"), or an
    adjective."""
    words = lexicon.gazetteers.words("uncertainty.dismissive_words")

    def waves_aside(token: Token) -> bool:
        if token.lemma_.lower() not in words:
            return False
        return token.pos_ == "ADJ" or any(c.dep_ == "neg" or c.lower_ in NEGATING for c in token.children)

    token = match.span.root
    for _ in range(DISMISS_REACH):
        if token.head.i == token.i:
            break
        token = token.head
        if waves_aside(token) or any(waves_aside(c) for c in token.children):
            return True
    return False


@CHECKS.register("remedied")
def remedied(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The uncertainty is what an aim or act removes ("to reduce uncertainties in the region", "dispelled the
    uncertainty over the border"): the object of a verb in `gazetteers/uncertainty.yml`, `remedy_verbs`, not a
    state the text reports."""
    verbs = lexicon.gazetteers.words("uncertainty.remedy_verbs")
    root = match.span.root
    holder = root.head if root.dep_ in {"dobj", "pobj", "nsubjpass"} else None
    if holder is not None and holder.dep_ == "prep":  # "the reduction of uncertainty"
        holder = holder.head
    return holder is not None and holder.lemma_.lower() in verbs


@CHECKS.register("moment_remark")
def moment_remark(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The words stand in a clause that describes a moment the speaker calls sensitive ("this is a delicate time,
    when any incident could derail the talks", "a sensitive moment, which is why I will not say whether ..."): a
    remark about the moment, not a question the text leaves open. Nouns in `gazetteers/uncertainty.yml`,
    `moment_nouns`."""
    moments = lexicon.gazetteers.words("uncertainty.moment_nouns")
    token = match.span.root
    while token.head.i != token.i:
        if token.dep_ in {"relcl", "advcl", "acl"}:
            head = token.head
            if head.lemma_.lower() in moments or any(
                    c.dep_ in {"attr", "acomp"} and c.lemma_.lower() in moments for c in head.children):
                return True
        token = token.head
    return False


@CHECKS.register("not_concessive")
def not_concessive(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The words do not stand in a concessive clause ("While ...", "Although ...", "Even though ..."): a negative
    outlook outside one is mostly a speaker's assessment (a position), not a doubt the sentence grants."""
    token = match.span.root
    while True:
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONCESSIVE_MARKS for c in token.children):
            return False
        if token.head.i == token.i:
            return True
        token = token.head


@CHECKS.register("backdrop_content")
def backdrop_content(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The clause the parser gave the cue is the backdrop of the announcement, not what was said: a time word of
    the cue stands between them and the clause has no subject of its own, which the time phrase took ("the
    government announced today after 13 days of meetings failed to bring agreement")."""
    content, cue = match.captures.get("content"), match.captures.get("cue")
    if content is None or cue is None or content.root.i < cue.root.i:
        return False
    verb = content.root
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children):
        return False
    return any(c.lower_ in BACKDROP_TIME_WORDS and c.dep_ in {"prep", "mark"} and cue.root.i < c.i < verb.i
               for c in cue.root.children)
