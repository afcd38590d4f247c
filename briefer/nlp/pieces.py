"""Parsing only some pieces of a Doc: rough sentence bounds before any model runs, pieces planned over them,
the planned ones parsed together, and every Doc joined again from its pieces."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from briefer.model import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

Plan = list[tuple[int, int, bool]]  # (start, end, parse?) token ranges covering a tokenized Doc in order
Planner = Callable[["Doc", str], Plan]  # a tokenized Doc and its text -> its plan
UNPARSED = "briefer_unparsed"  # Doc.user_data key: the plan left every sentence out (the Doc has tokens only)


def rough_sentences(doc: Doc) -> list[tuple[int, int]]:
    """Sentence bounds of a tokenized Doc before any model runs: spaCy's punctuation rules (its Sentencizer's
    `predict`, which sets nothing) and a start after every line break; white space ends a sentence."""
    import numpy
    from spacy.attrs import IS_SPACE
    from spacy.pipeline import Sentencizer

    starts = Sentencizer().predict([doc])[0]
    spaces = numpy.flatnonzero(doc.to_array([IS_SPACE]))  # a line break is a space token of its own
    for i in spaces:
        if i + 1 < len(doc) and "\n" in doc[int(i)].text:
            starts[i + 1] = True
    for i in spaces:
        starts[i] = False
    bounds = [i for i, start in enumerate(starts) if start or i == 0]
    return list(zip(bounds, [*bounds[1:], len(doc)], strict=True))


def parse_planned(nlp: Language, articles: list[Article], plan: Planner) -> Iterator[tuple[Doc, Article]]:
    """One batch of articles: the pieces to parse, of every article, go through the pipeline together."""
    docs = [tokenized(nlp, article.text) for article in articles]
    plans = [within(doc, plan(doc, article.text), nlp.max_length) for doc, article in zip(docs, articles, strict=True)]
    pieces = [[doc if (start, end) == (0, len(doc)) else doc[start:end].as_doc() for start, end, _ in doc_plan]
              for doc, doc_plan in zip(docs, plans, strict=True)]
    wanted = [piece for doc_pieces, doc_plan in zip(pieces, plans, strict=True)
              for piece, (_, _, parse_it) in zip(doc_pieces, doc_plan, strict=True) if parse_it]
    parsed = iter(nlp.pipe(wanted, batch_size=max(1, len(wanted))))
    for article, doc_pieces, doc_plan in zip(articles, pieces, plans, strict=True):
        done = [next(parsed) if parse_it else piece
                for piece, (_, _, parse_it) in zip(doc_pieces, doc_plan, strict=True)]
        doc = done[0] if len(done) == 1 else joined(done)
        if not any(parse_it for _, _, parse_it in doc_plan):
            doc.user_data[UNPARSED] = True
        yield doc, article


def whole(doc: Doc, text: str) -> Plan:
    """The plan that parses all of a Doc (cut into pieces by `within` when it is long)."""
    return [(0, len(doc), True)]


def tokenized(nlp: Language, text: str) -> Doc:
    """`text` as a tokenized Doc; one longer than the pipeline's `max_length` (spaCy refuses it, [E088]) is
    tokenized in blocks of whole lines and the blocks joined, the text unchanged."""
    if len(text) <= nlp.max_length:
        return nlp.make_doc(text)
    from spacy.tokens import Doc

    blocks, start = [], 0
    while start < len(text):
        end = _cut(text, start, nlp.max_length)
        blocks.append(nlp.make_doc(text[start:end]))
        start = end
    return Doc.from_docs(blocks, ensure_whitespace=False)


def _cut(text: str, start: int, limit: int) -> int:
    """Where a block of at most `limit` characters from `start` ends: after its last line break, else its last
    space, else at the limit itself."""
    end = start + limit
    if end >= len(text):
        return len(text)
    for separator in ("\n\n", "\n", " "):
        found = text.rfind(separator, start + 1, end)
        if found > start:
            return found + len(separator)
    return end


def within(doc: Doc, plan: Plan, limit: int) -> Plan:
    """`plan` with every piece to parse that is longer than `limit` characters cut into runs of whole lines (of
    tokens, for a line longer than that): the parser's memory grows with the length of what it is given, which
    is why spaCy has a `max_length`."""
    bounded: Plan = []
    for start, end, parse_it in plan:
        while parse_it and doc[start:end].end_char - doc[start].idx > limit:
            cut = last_line = start
            for token in doc[start:end]:
                if token.idx + len(token.text) - doc[start].idx > limit:
                    break
                cut = token.i + 1
                if "\n" in token.text or "\n" in token.whitespace_:
                    last_line = cut
            cut = max(last_line if last_line > start else cut, start + 1)
            bounded.append((start, cut, True))
            start = cut
        bounded.append((start, end, parse_it))
    return bounded


def joined(pieces: list[Doc]) -> Doc:
    """One Doc from the pieces of a tokenized Doc, parsed or not: each keeps its annotations and sentence
    starts (an unparsed piece its rough ones)."""
    import numpy
    from spacy.attrs import SENT_START
    from spacy.tokens import Doc

    for piece in pieces:
        if not piece.has_annotation("SENT_START"):
            for start, end in rough_sentences(piece):
                piece[start].is_sent_start = True
                for token in piece[start + 1 : end]:
                    token.is_sent_start = False
    starts = numpy.concatenate([piece.to_array([SENT_START]) for piece in pieces])
    whole = Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor", "user_data"])
    whole.from_array([SENT_START], starts)  # from_docs set them from the parse alone, none in unparsed pieces
    return whole


__all__ = ["UNPARSED", "Plan", "Planner", "joined", "parse_planned", "rough_sentences", "tokenized", "whole", "within"]
