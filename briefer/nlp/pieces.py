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
    docs = [nlp.make_doc(article.text) for article in articles]
    plans = [plan(doc, article.text) for doc, article in zip(docs, articles, strict=True)]
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


__all__ = ["UNPARSED", "Plan", "Planner", "joined", "parse_planned", "rough_sentences"]
