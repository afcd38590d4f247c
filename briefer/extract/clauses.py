"""The text that holds a match: the clause that states a finding, or the question a question mark ends."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# A clause or noun phrase shorter than this says too little alone; the clause above it is taken.
MIN_WORDS = 4
# A relative or participle clause shorter than this leans on the clause it hangs from, which is taken with it.
LEANING_WORDS = 8
# A clause this short whose subject is "it" or "that" states a doubt about what the sentence before says.
BARE_WORDS = 5
CLAUSE_DEPS = {"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis", "csubj"}
# Words that join a clause to its neighbours, dropped at the edges of the cut.
JOINERS = {"as", "while", "whilst", "but", "and", "that", "because", "though", "although", "so", "yet", "or",
           "however", "still", "ultimately"}
JOINER_DEPS = {"cc", "mark", "advmod", "preconj"}
TRAILING_ADVERBS = {"yet", "still"}  # joiners at a clause's start, but "not reached yet" ends on its time adverb
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}


def _words(tokens: list[Token]) -> int:
    return sum(1 for t in tokens if not t.is_punct and not t.is_space)


def _inside(token: Token, sentence: Span) -> bool:
    return sentence.start <= token.i < sentence.end


def _first_head(token: Token, sentence: Span) -> Token:
    """The head of the unit that holds the matched word: a clause, or a noun in a prepositional adjunct
    ("despite doubts about X"); "whether" and "if" lead to the clause that asks."""
    if token.dep_ == "mark" and _inside(token.head, sentence):
        token = token.head.head if _inside(token.head.head, sentence) else token.head
    adjunct = token.dep_ == "pobj" and token.head.head.pos_ in {"VERB", "AUX"}
    if token.pos_ == "NOUN" and adjunct and _words(list(token.subtree)) >= MIN_WORDS:
        return token
    return _clause_head(token, sentence)


def _clause_head(token: Token, sentence: Span) -> Token:
    """The nearest clause head at or above `token`."""
    while token.dep_ not in CLAUSE_DEPS and token.head.i != token.i and _inside(token.head, sentence):
        token = token.head
    return token


def _edge(token: Token, head: Token) -> bool:
    """Punctuation, or the word that joins the clause to its neighbours ("but", "although", "however")."""
    joins = token.lower_ in JOINERS and token.dep_ in JOINER_DEPS and token.head.i == head.i
    return token.is_punct or token.is_space or joins


def _clause_tokens(head: Token, match: Span) -> list[Token]:
    """The head's subtree without clauses coordinated with it that lie outside the match."""
    dropped: set[int] = set()
    for child in head.children:
        outside = child.i >= match.end or child.right_edge.i < match.start
        if outside and child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}:
            dropped.update(t.i for t in child.subtree)
        elif outside and child.dep_ == "cc":
            dropped.add(child.i)
    tokens = sorted((t for t in head.subtree if t.i not in dropped), key=lambda t: t.i)  # a crossing arc
    while tokens and _edge(tokens[0], head):
        tokens = tokens[1:]
    while tokens and _edge(tokens[-1], head) and tokens[-1].lower_ not in TRAILING_ADVERBS:
        tokens = tokens[:-1]
    return tokens


def _leans_on_its_head(head: Token, tokens: list[Token]) -> bool:
    """A short clause whose subject lies outside it: a relative clause ("demands that could collapse the talks")
    or a participle clause ("..., clouding prospects of a deal"). Alone it does not say what it is about."""
    if _words(tokens) >= LEANING_WORDS:
        return False
    if head.dep_ == "relcl":
        return True
    own_subject = any(child.dep_ in SUBJECT_DEPS for child in head.children)
    return head.dep_ == "advcl" and head.tag_ in {"VBG", "VBN"} and not own_subject


def holding_clause(match: Span) -> Span:
    """The smallest clause of the match's sentence that holds the match and says enough alone."""
    sentence = match.sent
    head = _first_head(match.root, sentence)
    tokens = _clause_tokens(head, match)
    while (_words(tokens) < MIN_WORDS or _leans_on_its_head(head, tokens)) and head.head.i != head.i \
            and _inside(head.head, sentence):
        head = _clause_head(head.head, sentence)
        tokens = _clause_tokens(head, match)
    if not tokens:
        return sentence
    return match.doc[tokens[0].i : tokens[-1].i + 1]


def _close_quotes(text: str) -> str:
    """Close a quotation the cut left open ("... called it a \"top priority" -> "... a \"top priority\"")."""
    if text.count('"') % 2:
        text += '"'
    if text.count("“") > text.count("”"):
        text += "”"
    return text


def _points_back(clause: Span) -> bool:
    """The clause names what it is about with a demonstrative pronoun after a preposition ("the time for that",
    "no agreement on this"): the sentence before says what that is."""
    return any(t.lower_ in {"that", "this"} and t.pos_ == "PRON" and t.dep_ == "pobj" for t in clause)


def _bare(match: Span) -> bool:
    """The match's own clause says nothing but the doubt ("It is not clear.", "That remains to be seen"): a
    pronoun for its subject and no more than a few words. What is unclear is in the sentence before."""
    head = _clause_head(match.root, match.sent)
    words = [t for t in head.subtree if not t.is_punct and not t.is_space]
    return len(words) <= BARE_WORDS and any(
        t.dep_ in SUBJECT_DEPS and t.lower_ in {"it", "that", "this"} and t.head.i == head.i for t in words)


def _sentence_before_on_its_line(sentence: Span) -> Span | None:
    doc = sentence.doc
    if sentence.start == 0:
        return None
    before = doc[sentence.start - 1].sent
    words = [t for t in before if not t.is_space]
    if not words:
        return None
    between = doc.text[words[-1].idx + len(words[-1].text) : sentence.start_char]
    return None if "\n" in between else before


def passage(match: Span) -> str:
    """The clause that holds the match: the sentence without clauses coordinated with it, or a subordinate part;
    a clause that points back with "that" or "this", or says only the doubt ("It is not clear."), comes with the
    sentence before it on its line."""
    clause = holding_clause(match)
    before = _sentence_before_on_its_line(match.sent) if _points_back(clause) or _bare(match) else None
    if before is not None:
        clause = match.doc[before.start : clause.end]
    return _close_quotes(" ".join(clause.text.split()))


SENTENCE_ENDS = {".", "!", "?"}


def _ends_line_or_sentence(doc: Doc, i: int) -> bool:
    """Token i is a line break, a full stop, "!" or "?" (perhaps before a closing quote)."""
    token = doc[i]
    if token.is_space or "\n" in token.whitespace_:
        return True
    if token.is_quote and i > 0:
        token = doc[i - 1]
    return token.text in SENTENCE_ENDS


def question(mark: Span) -> str:
    """The question a question mark ends: from the end of the sentence before it on its line (or the line's
    start) to the mark, so a headline the parser split ("Putin | Sends Delegation ...?") stays whole."""
    doc = mark.doc
    start = mark.sent.start
    while start > 0 and not _ends_line_or_sentence(doc, start - 1):
        start = doc[start - 1].sent.start
    text = " ".join(doc[start : mark.end].text.split())
    return text.lstrip("•*-–— ")
