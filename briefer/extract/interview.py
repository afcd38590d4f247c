"""Interviews as news prints them: a body of questions and answers, and the one person who answers.

The body alternates question lines and answer lines. A question line is labelled ("Q:", "Question:", the
outlet's or the interviewer's name), printed in bold ("**...?**"), or a paragraph that is only a question; an
answer line is labelled ("A:", the interviewee's name, surname or initials) or is any paragraph below a question.
The interviewee is introduced once: by the answer label, in the headline ("NAME: '...'", "Interview with NAME",
"'...', says NAME"), or in the intro ("In an interview with OUTLET, NAME, TITLE, said ...", "NAME spoke to OUTLET").

The words come from the `interviews` gazetteer; `layout(doc, lexicon)` reads a Doc once (cached)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from briefer.names import fold
from briefer.nlp import doc_ents, doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from briefer.rules.lexicon import Lexicon

LINE_RE = re.compile(r"[^\n]*\S[^\n]*")
# "Q: ...", "Dr. Jane Doe: ...", "TOLOnews: ...", "IA: ...", "JANE DOE, FOREIGN MINISTER: ...": a label of up to
# eight words, then a colon. A label printed on one line only is a speaker's only when the gazetteer lists it.
LABEL_RE = re.compile(r"^\s*(?:[-•*]\s*)?(?P<label>[A-Z][\w.’'&-]*(?:,?\s[\w.’'&-]+){0,7}?)\s*:\s+(?P<rest>\S.*)$")
SHORT_LABEL_RE = re.compile(r"^\s*(?P<label>Q|A)[.)]\s+(?P<rest>\S.*)$")  # "Q. ...", "A) ..."
DASH_RE = re.compile(r"^\s*(?P<label>[-–—])\s+(?P<rest>\S.*)$")  # "– ...": a turn marked by a dash
DASH = "–"
BOLD_RE = re.compile(r"^\s*(\*\*|__)(?P<rest>.+?)\1\s*$")
SECOND_PERSON_RE = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)
QUOTE_MARKS = "\"“”„«»"
MIN_TURNS = 2  # labelled or bold questions, each followed by an answer: an interview
MIN_PLAIN_TURNS = 3  # unlabelled question paragraphs, each followed by an answer: an interview, given a cue
MAX_QUESTION_WORDS = 60
MAX_HEADING_WORDS = 12
MAX_CLOSING_WORDS = 25  # "This interview has been edited for length and clarity."
ASKING_SHARE = 2 / 3  # of a label's lines that are questions: the label of the one who asks
ASKER_VERBS = {"interview", "ask"}
SMALL_WORDS = {"of", "for", "the", "and", "on", "to", "at", "in"}
NUMERIC_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
# What a headline that quotes someone puts before their name: "'...', says (TITLE) NAME", "'...' - (TITLE) NAME".
HEADLINE_CREDIT_RE = re.compile(r"(?:\b(?:says|said|tells|told)|\s[-–—])(?:\s+[\w.’'-]+){0,4}$")
INTRO_PARAGRAPHS = 3  # the paragraphs before a question-and-answer body that introduce who answers
_CACHE: dict[tuple[int, int], tuple[str, Layout | None]] = {}
CACHE_SIZE = 64


@dataclass(frozen=True)
class Line:
    """One paragraph of the text: where it starts, where its words start (after any label) and end, its label,
    whether it asks."""

    paragraph: int  # where the paragraph starts (its label, if any)
    start: int
    end: int
    label: str  # the speaker a label names, folded to its last name word ("q", "haddad"), "" when none
    asks: bool  # its words end on a question mark
    bold: bool
    words: int
    printed: str = ""  # the label as printed ("Q", "Dr. Amina Haddad, Foreign Minister")


@dataclass(frozen=True)
class Interviewee:
    """Who answers: where the text names them (a name to read as a person, `extract/views.py`), or only the name
    an answer label gives; and the office an intro gives them apart from their name."""

    at: tuple[int, int] | None
    name: str = ""
    role: str = ""
    party: str | None = None


@dataclass(frozen=True)
class Interview:
    """One question-and-answer body: its question and answer lines (character ranges) and who answers."""

    interviewee: Interviewee | None
    questions: tuple[tuple[int, int], ...]
    answers: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Layout:
    """The question-and-answer bodies of an article (an explainer's FAQ and an interview are two)."""

    interviews: tuple[Interview, ...]

    def asks_at(self, offset: int) -> bool:
        """Whether a character offset stands in a question line."""
        return any(start <= offset < end for one in self.interviews for start, end in one.questions)

    def answering_at(self, offset: int) -> Interview | None:
        """The interview whose answer line a character offset stands in, if any."""
        return next((one for one in self.interviews if any(start <= offset < end for start, end in one.answers)),
                    None)


def layout(doc: Doc, lexicon: Lexicon) -> Layout | None:
    """The interview layout of a Doc, or None when it has none (cached per Doc and lexicon)."""
    text = doc_text(doc)
    key = (id(doc), id(lexicon))
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is text:
        return cached[1]
    found = _read(doc, text, lexicon)
    if len(_CACHE) >= CACHE_SIZE:
        _CACHE.clear()
    _CACHE[key] = (text, found)
    return found


def _lines(text: str) -> list[Line]:
    lines = []
    for match in LINE_RE.finditer(text):
        raw, start = match.group(), match.start()
        bold = BOLD_RE.match(raw)
        inner_start = start + bold.start("rest") if bold else start
        inner = bold.group("rest") if bold else raw
        labelled = SHORT_LABEL_RE.match(inner) or LABEL_RE.match(inner) or DASH_RE.match(inner)
        printed = (DASH if labelled.re is DASH_RE else labelled.group("label")) if labelled else ""
        words_start = inner_start + labelled.start("rest") if labelled else inner_start
        body = text[words_start : start + len(raw)].rstrip()
        asks = body.rstrip(" *_" + QUOTE_MARKS + "’").endswith("?")
        lines.append(Line(start, words_start, words_start + len(body), _speaker(printed), asks, bool(bold),
                          len(body.split()), printed))
    return lines


def _speaker(printed: str) -> str:
    """Who a label names, as one key: "Christiane Amanpour" and "AMANPOUR", "Dr. Jane Doe, Envoy" and "Doe" are
    one speaker."""
    if printed in {"", DASH}:
        return printed
    words = fold(printed.split(",")[0]).split()
    return words[-1] if words else ""


def _speakers_only(lines: list[Line], lexicon: Lexicon) -> list[Line]:
    """The lines with only speakers' labels: a label printed on one line ("The reason is simple: ...") is part
    of the paragraph's words, unless the gazetteer lists it ("Q", "A")."""
    counts = Counter(line.label for line in lines[1:] if line.label)
    listed = lexicon.gazetteers.words("interviews.asking_labels") | lexicon.gazetteers.words("interviews.answer_labels")
    return [line if counts[line.label] >= MIN_TURNS or fold(line.label) in listed or not line.label
            else replace(line, label="", printed="", start=line.paragraph) for line in lines]


def _asking_labels(lines: list[Line], lexicon: Lexicon) -> set[str]:
    """The labels of the one who asks: the gazetteer's ("Q", "Interviewer"), and a label whose lines are mostly
    questions beside another label whose lines are mostly not ("Ledger: ...?" and "Haddad: ...")."""
    listed = lexicon.gazetteers.words("interviews.asking_labels")
    counts, questions = Counter(), Counter()
    for line in lines[1:]:
        if line.label:
            counts[line.label] += 1
            questions[line.label] += line.asks
    asking = {label for label in counts if label in listed}
    mostly = {label for label, n in counts.items() if n >= MIN_TURNS and questions[label] >= ASKING_SHARE * n}
    answering = {label for label, n in counts.items() if n >= MIN_TURNS and questions[label] <= (1 - ASKING_SHARE) * n}
    return asking | (mostly if answering else set()) | ({DASH} & mostly)


def _closing(line: Line, text: str, lexicon: Lexicon) -> bool:
    """A line that closes a transcript ("This interview has been edited for length.")."""
    words = f" {fold(text[line.start : line.end])} "
    phrases = lexicon.gazetteers.words("interviews.closing_lines")
    return line.words <= MAX_CLOSING_WORDS and any(f" {p} " in words or words.strip().startswith(p) for p in phrases)


def _heading(line: Line, text: str) -> bool:
    """A short line that does not end like prose: a section heading, after which an article goes on."""
    body = text[line.paragraph : line.end].rstrip(" *_")
    return line.words <= MAX_HEADING_WORDS and not body.endswith((".", "!", "?", "…", ":", *QUOTE_MARKS, "’"))


def _plain_question(line: Line, text: str) -> bool:
    """A paragraph that is only a question, with no quotation in it (no one else's question reported)."""
    body = text[line.start : line.end]
    return (line.asks and not line.label and line.words <= MAX_QUESTION_WORDS
            and not any(mark in body for mark in QUOTE_MARKS))


def _cue_before(doc: Doc, end: int, lexicon: Lexicon) -> bool:
    """Whether the headline or intro (the text before `end`) says an interview follows."""
    words = f" {fold(doc_text(doc)[:end])} "
    return any(f" {cue} " in words for cue in _cue_words(lexicon))


def _cue_words(lexicon: Lexicon) -> set[str]:
    """The interview cues, folded as the text they are looked for in is ("Q&A" is "q a")."""
    return {fold(cue) for cue in lexicon.gazetteers.words("interviews.cue_words")}


def _credited_in_headline(headline: str, ent: Span) -> bool:
    """A headline that quotes the person it ends on: "'...', says NAME", "'...' - TITLE NAME"."""
    if headline[ent.end_char :].strip(" .") or not any(mark in headline for mark in QUOTE_MARKS + "‘’'"):
        return False
    return bool(HEADLINE_CREDIT_RE.search(headline[: ent.start_char].rstrip()))


def _questions(lines: list[Line], doc: Doc, lexicon: Lexicon) -> tuple[list[int], set[str]]:
    """The indexes of the question lines, and the labels of the one who asks (empty for bold or plain)."""
    text = doc_text(doc)
    body = lines[1:]  # the headline is no turn
    asking = _asking_labels(lines, lexicon)
    labelled = [i + 1 for i, line in enumerate(body) if line.label in asking]
    if len(labelled) >= MIN_TURNS:
        return labelled, asking
    followed = [i + 1 for i, line in enumerate(body[:-1]) if not body[i + 1].asks and not body[i + 1].bold]
    dashed = [i for i, line in enumerate(lines) if i > 1 and line.label == DASH]
    before_dash = [i - 1 for i in dashed if lines[i - 1].label != DASH and not lines[i].asks]
    if sum(lines[i].asks for i in before_dash) >= MIN_TURNS and 2 * len(before_dash) >= len(dashed):
        return before_dash, set()  # "...?" then "– ...": the dash marks the answers
    bold = [i for i in followed if lines[i].bold and lines[i].asks]
    if len(bold) >= MIN_TURNS:
        return [i for i in followed if lines[i].bold and lines[i].words <= MAX_QUESTION_WORDS], set()
    plain = [i for i in range(1, len(lines)) if _plain_question(lines[i], text)]
    answered = [i for i in plain if i in followed]
    addressed = [i for i in answered if SECOND_PERSON_RE.search(text[lines[i].start : lines[i].end])]
    if len(answered) >= MIN_PLAIN_TURNS and _cue_before(doc, lines[answered[0]].start, lexicon) and (
            2 * len(addressed) >= len(answered) or (addressed and _introduced(doc, lines[answered[0]].start, lexicon))):
        return plain, set()
    return [], set()


def _introduced(doc: Doc, end: int, lexicon: Lexicon) -> bool:
    """Whether the text before `end` introduces someone to answer: a person named in a sentence with an interview
    cue ("The Courier spoke to the mediator, Amina Sow"), not the one who asks, nor one who spoke to reporters
    (`reporting.addressees`: a news conference). With that, questions put to "you" now and then are an interview's,
    though most of them do not say "you"."""
    cues = _cue_words(lexicon)
    addressees = lexicon.gazetteers.words("reporting.addressees")

    def introduces(ent: Span) -> bool:
        words = set(fold(ent.sent.text).split())
        return (any(f" {cue} " in f" {fold(ent.sent.text)} " for cue in cues)
                and not any(word.rstrip("s") in addressees for word in words))

    return any(ent.end_char <= end and not _asker(ent, lexicon) and introduces(ent)
               for ent in doc_ents(doc) if ent.label_ == "PERSON")


def _read(doc: Doc, text: str, lexicon: Lexicon) -> Layout | None:
    lines = _speakers_only(_lines(text), lexicon)
    asked, asking = _questions(lines, doc, lexicon)
    if not asked:
        return None
    runs: list[list[int]] = []
    for k, index in enumerate(asked):
        if not k or lines[index].label != lines[asked[k - 1]].label:
            runs.append([])  # a new asking label ("Q:", then "Outlet:") opens another body
        runs[-1].append(index)
    ends = [run[0] for run in runs[1:]] + [len(lines)]
    found = [_body(doc, lines, run, end, asking, lexicon) for run, end in zip(runs, ends, strict=True)]
    interviews = tuple(one for one in found if one is not None)
    return Layout(interviews) if interviews else None


def _body(doc: Doc, lines: list[Line], asked: list[int], end: int, asking: set[str],
          lexicon: Lexicon) -> Interview | None:
    """One question-and-answer body: its questions `asked`, the answers below them up to line `end`."""
    text = doc_text(doc)
    answer_words = lexicon.gazetteers.words("interviews.answer_labels")
    question_set = set(asked)
    after = Counter(lines[i + 1].label for i in asked if i + 1 < end and lines[i + 1].label
                    and lines[i + 1].label not in asking)
    answering = after.most_common(1)[0][0] if after else ""
    answers, speaking = [], False
    for i in range(asked[0], end):
        line = lines[i]
        if _closing(line, text, lexicon):
            break
        if i in question_set:
            speaking = True
            continue
        if _heading(line, text):
            speaking = False  # the article goes on under a heading of its own, up to the next question
            continue
        if line.label:
            speaking = line.label == answering or line.label in answer_words
        if speaking:
            answers.append((line.paragraph, line.end))
    if not answers:
        return None
    questions = tuple((lines[i].paragraph, lines[i].end) for i in asked)
    printed = max((lines[i].printed for i in range(asked[0], end) if lines[i].label == answering), key=len,
                  default="")
    label = printed if answering not in answer_words and answering != DASH else ""
    intro_start = lines[max(asked[0] - INTRO_PARAGRAPHS, 0)].paragraph
    who = _interviewee(doc, label, intro_start, lines[asked[0]].paragraph, lexicon)
    return Interview(who, questions, tuple(answers))


def _interviewee(doc: Doc, label: str, intro_start: int, body_start: int, lexicon: Lexicon) -> Interviewee | None:
    """Who answers: the person the answer label names; else the person the headline's label names ("NAME:
    '...'"), with the office the intro gives them; else the person an intro sentence with an interview cue names
    ("In an interview with OUTLET, NAME, TITLE, said ...", "NAME spoke to OUTLET"). None when no one is introduced
    (an explainer's "Q: ... A: ..." answers for its writer)."""
    people = _people(doc, lexicon)
    if label:
        named = _named_by_label(label, people, lexicon)
        if named is not None:
            return Interviewee((named.start_char, named.end_char))
        bare, _, title = (part.strip() for part in _without_honorific(label, lexicon).partition(","))
        if len(bare.split()) >= 2:  # "ZOHRAB MNATSAKANYAN, ARMENIAN MINISTER OF FOREIGN AFFAIRS"
            bare, title = (_uncapped(bare), _uncapped(title)) if bare.isupper() else (bare, title)
            return Interviewee(None, bare, role=title, party=lexicon.party_in(title) if title else None)
    text = doc_text(doc)
    headline_end = text.find("\n") if "\n" in text else len(text)
    intro = [ent for ent in people if (ent.start_char < headline_end or intro_start <= ent.start_char < body_start)
             and not _asker(ent, lexicon)]
    headline_label = LABEL_RE.match(text[:headline_end])
    if headline_label:
        for ent in intro:
            if ent.text == headline_label.group("label"):
                role, party = _described(doc, headline_end, body_start, lexicon)
                return Interviewee((ent.start_char, ent.end_char), role=role, party=party)
    for ent in intro:
        if ent.start_char < headline_end and _credited_in_headline(text[:headline_end], ent):
            role, party = _described(doc, headline_end, body_start, lexicon)
            return Interviewee((ent.start_char, ent.end_char), role=role, party=party)
    cues = _cue_words(lexicon)
    for ent in sorted(intro, key=lambda ent: ent.label_ != "PERSON"):  # a name tagged as a place comes second
        if any(f" {cue} " in f" {fold(ent.sent.text)} " for cue in cues):
            return Interviewee((ent.start_char, ent.end_char))
    return None


def _people(doc: Doc, lexicon: Lexicon) -> list[Span]:
    """The people the text names: PERSON entities, and names the recogniser took for a place, an organisation or
    a product that a title stands beside ("Lars Eklund, Norway's special envoy", "Ambassador Jane Doe")."""
    titles = lexicon.title_words
    found = []
    for ent in doc_ents(doc):
        if ent.label_ == "PERSON":
            found.append(ent)
        elif ent.label_ not in NUMERIC_LABELS and len(ent) >= 2:
            before = {fold(t.text) for t in doc[max(ent.start - 2, 0) : ent.start]}
            appos = [t for t in doc[ent.end : min(ent.end + 8, len(doc))] if t.dep_ == "appos" and t.head.i in
                     range(ent.start, ent.end)]
            beside = before | {fold(t.text) for a in appos for t in a.subtree}
            if beside & titles:
                found.append(ent)
    return found


def _uncapped(words: str) -> str:
    """A label printed in capitals as a name or title is written ("MINISTER OF FOREIGN AFFAIRS" -> "Minister of
    Foreign Affairs")."""
    return " ".join(w.lower() if w.lower() in SMALL_WORDS else w.capitalize() for w in words.split())


def _without_honorific(label: str, lexicon: Lexicon) -> str:
    """A label without the honorific it opens on ("Dr. Lena Varga" -> "Lena Varga"; `roles.honorifics`)."""
    first, _, rest = label.partition(" ")
    return rest.lstrip() if rest and fold(first.rstrip(".")) in lexicon.honorifics else label


def _named_by_label(label: str, people: list[Span], lexicon: Lexicon) -> Span | None:
    """The name an answer label stands for: the same name, its surname ("Haddad") or its initials ("IA")."""
    bare = _without_honorific(label.split(",")[0], lexicon)
    key = fold(bare)
    for ent in people:
        words = ent.text.split()
        if fold(ent.text) == key or key.endswith(f" {fold(ent.text)}") or fold(words[-1]) == key or (
                bare.isupper() and len(bare) == len(words) > 1 and "".join(w[0] for w in words).upper() == bare):
            return ent
    return None


def _asker(ent: Span, lexicon: Lexicon) -> bool:
    """The one who asks: the subject of "interviewed" or "asked", or a person an asker's role describes
    ("TOLOnews' correspondent Jane Doe", "Jane Doe, the host")."""
    if ent.root.dep_ == "nsubj" and ent.root.head.lemma_.lower() in ASKER_VERBS:
        return True
    roles = lexicon.gazetteers.words("interviews.asker_roles")
    doc = ent.doc
    near = [t.lower_ for t in doc[max(ent.start - 3, 0) : ent.start]]
    near += [t.lower_ for t in doc[ent.end : min(ent.end + 4, len(doc))] if t.head.i in range(ent.start, ent.end)
             or t.head.head.i in range(ent.start, ent.end)]
    return any(word in roles for word in near)


def _described(doc: Doc, headline_end: int, body_start: int, lexicon: Lexicon) -> tuple[str, str | None]:
    """The office an intro gives a person the headline names ("The deputy foreign minister of Uzbekistan
    discussed ..."): the subject of the intro's first sentence when it is a title phrase, and its party."""
    for sentence in doc.sents:
        if sentence.start_char <= headline_end or not sentence.text.strip():
            continue
        if sentence.start_char >= body_start:
            break
        subject = next((t for t in sentence.root.children if t.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.ent_type_ == "PERSON":
            return "", None
        words = [t for t in subject.subtree]
        phrase = " ".join(t.text for t in words)
        if set(fold(phrase).split()) & lexicon.title_words and not any(t.ent_type_ == "PERSON" for t in words):
            role = phrase[4:] if phrase.lower().startswith("the ") else phrase
            return role, lexicon.party_in(phrase)
        return "", None
    return "", None
