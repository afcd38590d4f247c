"""The spaCy stage: load the pipeline once, add gazetteer entities, parse articles in small batches."""

from __future__ import annotations

import logging
import os
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from briefer.config import DEFAULT_MODEL
from briefer.errors import ConfigError
from briefer.model import Article
from briefer.nlp.cached import cache_rule_components
from briefer.nlp.pieces import Planner

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

log = logging.getLogger(__name__)

BATCH_SIZE = 4  # whole articles: spaCy's default batch holds gigabytes (field notes)
LINE_BREAK_SENTENCES = "briefer_line_sentences"
TEXT_KEY = "briefer_text"  # Doc.user_data: the Doc's text (parse sets it from the article)
ENTS_KEY = "briefer_ents"  # Doc.user_data: the Doc's entities, built once (see doc_ents)
ENTITY_CLEANUP = "briefer_entity_cleanup"

# Military and diplomatic ranks abbreviated with a full stop, which spaCy splits off ("Brig" + "."), so that the
# parser may end a sentence inside a name: "led by Brig. Gen. X" stays one sentence with these kept whole.
RANK_ABBREVIATIONS = ("Brig.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Cmdr.", "Cdr.", "Amb.", "Lt.-Gen.", "Maj.-Gen.")

# What the rules may need from the pipeline, and the model components that provide it.
PARSE, TAGS, LEMMAS = "parse", "tags", "lemmas"
EVERYTHING = frozenset({PARSE, TAGS, LEMMAS})
PROVIDERS = {
    PARSE: {"parser"},
    TAGS: {"tagger", "attribute_ruler"},
    LEMMAS: {"tagger", "attribute_ruler", "lemmatizer"},
}


def unneeded_components(needs: Collection[str]) -> set[str]:
    """Model components that provide nothing in `needs` (the tokenizer, tok2vec and NER are always kept)."""
    provided = set().union(*PROVIDERS.values())
    return provided - set().union(*(PROVIDERS[need] for need in needs))


def model_name(requested: str | None = None) -> str:
    """The pipeline to load: --model, else $BRIEFER_MODEL, else the bundled small English model."""
    return requested or os.environ.get("BRIEFER_MODEL") or DEFAULT_MODEL


def _breaks_line(token) -> bool:
    return "\n" in token.text or "\n" in token.whitespace_


def _register_components() -> None:
    """Register briefer's own pipeline components with spaCy (idempotent)."""
    from spacy.language import Language
    from spacy.util import filter_spans

    if Language.has_factory(LINE_BREAK_SENTENCES):
        return

    @Language.component(LINE_BREAK_SENTENCES)
    def line_sentences(doc):
        """Start a sentence after every line break: headings, list items and paragraphs stand alone. A line's
        second token starts none: the parser would otherwise cut off a paragraph's first word ("EU | top diplomat
        X said", "Addis | Abeba –")."""
        for token in doc[:-1]:
            if _breaks_line(token):
                doc[token.i + 1].is_sent_start = True
                if token.i + 2 < len(doc) and not _breaks_line(doc[token.i + 1]):
                    doc[token.i + 2].is_sent_start = False
        return doc

    @Language.component(ENTITY_CLEANUP)
    def entity_cleanup(doc):
        """Cut entities at line breaks and strip a leading "the" or trailing possessive."""
        spans = []
        for ent in doc.ents:
            start, end = ent.start, ent.end
            for token in doc[start:end]:
                if "\n" in token.text:
                    end = token.i
                    break
            while start < end and doc[start].lower_ in {"the", "’s", "'s"}:
                start += 1
            while end > start and doc[end - 1].lower_ in {"’s", "'s", "’", "'"}:
                end -= 1
            if end > start:
                spans.append(doc[start:end])
                spans[-1].label_ = ent.label_
        doc.ents = filter_spans(spans)
        return doc


def load_pipeline(
    name: str | None = None,
    *,
    entity_patterns: Sequence[dict] = (),
    exclude: Iterable[str] = (),
    needs: Collection[str] = EVERYTHING,
    cached: bool = True,
) -> Language:
    """Load a spaCy pipeline with briefer's sentence splitting and gazetteer entity ruler.

    Components that provide nothing in `needs` are not loaded; without the parser, spaCy's
    punctuation `sentencizer` splits sentences instead. `cached`: the attribute ruler and lemmatizer
    compute each distinct token once (same annotations, see cached.py).
    """
    import spacy
    from thinc.api import NumpyOps, set_current_ops
    from threadpoolctl import threadpool_limits

    set_current_ops(NumpyOps(use_blis=False))  # 1.5x faster on these CPUs (field notes)
    threadpool_limits(1, user_api="blas")  # OpenBLAS's second thread spins on spaCy's small matrices: 2x the CPU
    _register_components()
    name = model_name(name)
    try:
        nlp = spacy.load(name, exclude=[*exclude, *unneeded_components(needs)])
    except OSError as exc:
        raise ConfigError(f"cannot load spaCy pipeline '{name}': is it installed? ({exc})") from exc
    for abbreviation in RANK_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    if cached:
        cache_rule_components(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAK_SENTENCES, before="parser")  # the parser keeps sentence starts set before it
    else:
        nlp.add_pipe("sentencizer", first=True)
        nlp.add_pipe(LINE_BREAK_SENTENCES, after="sentencizer")
    if entity_patterns:
        where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
        ruler = nlp.add_pipe("entity_ruler", name="briefer_gazetteer", config={"phrase_matcher_attr": "LOWER"}, **where)
        # the ruler runs its phrases through the components before it, yet matches their lower-case words only:
        # tokens are enough (the same patterns; about a second less on a thousand phrases)
        with nlp.select_pipes(disable=nlp.pipe_names[: nlp.pipe_names.index("briefer_gazetteer")]):
            ruler.add_patterns(list(entity_patterns))
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(ENTITY_CLEANUP, after="ner")
    log.info("loaded spaCy pipeline %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: `Doc.text` makes a Token of every token and joins them on each call."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """A Span's text (`Span.text`), cut from the Doc's: `Span.text` makes a Token of each of its tokens."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """The Doc's entities, built once: `Doc.ents` makes a Span of every entity on each call (and `Span.ents`
    reads them all), and extraction asks thousands of times per article. Only for a Doc the pipeline is done
    with: its entities no longer change."""
    ents = doc.user_data.get(ENTS_KEY)
    if ents is None:
        ents = doc.user_data[ENTS_KEY] = doc.ents
    return ents


def span_ents(span: Span) -> list[Span]:
    """`span.ents` (the entities wholly inside a span, in order) from the Doc's entities built once."""
    found = []
    for ent in doc_ents(span.doc):
        if ent.start >= span.start:
            if ent.end <= span.end:
                found.append(ent)
            else:
                break
    return found


def parse(
    nlp: Language,
    articles: Iterable[Article],
    *,
    batch_size: int = BATCH_SIZE,
    plan: Planner | None = None,
) -> Iterator[tuple[Doc, Article]]:
    """Parse articles lazily, in small batches, yielding each Doc with its article. With a `plan`, only the
    pieces it marks go through the pipeline; the rest keep their tokens and rough sentence bounds only. An article
    longer than the pipeline's `max_length` is parsed in pieces of whole lines, never refused."""
    for doc, article in _batches(nlp, articles, batch_size, plan):
        doc.user_data[TEXT_KEY] = article.text  # the Doc was made from it: its text is the same
        yield doc, article


def _batches(nlp: Language, articles: Iterable[Article], batch_size: int, plan: Planner | None):
    """The Docs of `parse`, batch by batch."""
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == batch_size:
            yield from _parse_batch(nlp, batch, plan)
            batch = []
    if batch:
        yield from _parse_batch(nlp, batch, plan)


def _parse_batch(nlp: Language, batch: list[Article], plan: Planner | None) -> Iterator[tuple[Doc, Article]]:
    from briefer.nlp.pieces import parse_planned, whole

    if plan is None and all(len(article.text) <= nlp.max_length for article in batch):
        yield from nlp.pipe(((article.text, article) for article in batch), as_tuples=True, batch_size=len(batch))
    else:
        yield from parse_planned(nlp, batch, plan or whole)
