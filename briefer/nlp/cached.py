"""The attribute ruler's matching and the lemmatizer, as spaCy computes them, cached by what they read of a token.

Why by hand: with en_core_web_sm, spaCy's AttributeRuler runs a Matcher of 179 patterns over every token (a
Python call per token and pattern with a list test) and its rule lemmatizer makes several Python calls per token:
together about a fifth of the pipeline's CPU time, for results that depend on a handful of a token's attributes.
Here each distinct combination of those attributes is computed once, by spaCy's own code (the ruler's patterns
on spaCy's Matcher, the lemmatizer's `lemmatize`), and reused; patterns that read more than one token stay on a
spaCy Matcher. The lemmatizer's index of known forms, which it only asks "is this form in it?", becomes a set
(it is a list of thousands, searched on every new word). The Doc gets the same annotations
(tests/test_nlp_cached.py compares them token by token).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Token attributes a one-token ruler pattern may test and the cache can key on: lexical ones come from the
# token's text (ORTH), the others are read as they are (a token's NORM may differ from its word's).
LEXICAL = frozenset({
    "ORTH", "TEXT", "LOWER", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "IS_ALPHA", "IS_ASCII", "IS_DIGIT",
    "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL",
})
ANNOTATED = frozenset({"TAG", "POS", "MORPH", "LEMMA", "NORM", "DEP"})
CACHED_LEMMATIZER = "briefer_cached_lemmatizer"


class RulerMatches:
    """A stand-in for `AttributeRuler.match`: the same sorted (rule, match id, start, end) list."""

    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import IDS
        from spacy.matcher import Matcher

        self.one_token = Matcher(ruler.vocab)  # patterns of one plain token: cached per token signature
        self.longer = Matcher(ruler.vocab)  # the rest, matched as spaCy does
        read: set[str] = set()
        for index in range(len(ruler.attrs)):
            key = str(index)
            for pattern in ruler.matcher.get(key)[1]:
                names = {str(name).upper() for name in pattern[0]} if len(pattern) == 1 else set()
                if names and "OP" not in names and names <= LEXICAL | ANNOTATED:
                    self.one_token.add(key, [pattern])
                    read |= {"ORTH" if name in LEXICAL else name for name in names}
                else:
                    self.longer.add(key, [pattern])
        self.columns = [IDS[name] for name in sorted(read)]
        self.cache: dict[tuple[int, ...], tuple[int, ...]] = {}

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The ruler's matches in the Doc, in the order it applies them."""
        found = set(self.longer(doc, allow_missing=True)) if len(self.longer) else set()
        if len(self.one_token):
            cache, matcher = self.cache, self.one_token
            for i, signature in enumerate(map(tuple, doc.to_array(self.columns).tolist())):
                keys = cache.get(signature)
                if keys is None:
                    keys = cache[signature] = tuple(key for key, _, _ in matcher(doc[i : i + 1], allow_missing=True))
                found.update((key, i, i + 1) for key in keys)
        strings = doc.vocab.strings
        return sorted((int(strings[key]), key, start, end) for key, start, end in found)


class CachedLemmatizer:
    """A pipeline component in place of a rule or lookup lemmatizer: its lemma for each (text, part of speech,
    morphology), computed once by the lemmatizer itself. Other attributes are read from the lemmatizer."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.__dict__["lemmatizer"], name)

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of every token that has none (or of every token, if the lemmatizer overwrites)."""
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        lemmatizer, cache, strings = self.lemmatizer, self.cache, doc.vocab.strings
        if not lemmatizer._validated:
            lemmatizer._validate_tables()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3:4].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemmatizer.overwrite or lemma == 0:
                key = (orth, pos, morph)
                value = cache.get(key)
                if value is None:
                    value = cache[key] = strings.add(lemmatizer.lemmatize(doc[i])[0])
                lemmas[i, 0] = value
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, docs, **_options):
        """Lemmatize a stream of Docs."""
        for doc in docs:
            yield self(doc)


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(CACHED_LEMMATIZER):
        Language.factory(CACHED_LEMMATIZER, func=lambda nlp, name: CachedLemmatizer(None))


def cache_rule_components(nlp: Language) -> None:
    """Give the pipeline's attribute ruler and lemmatizer their cached forms, where they are spaCy's own."""
    from spacy.pipeline import AttributeRuler, Lemmatizer

    if "attribute_ruler" in nlp.pipe_names and isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler):
        ruler = nlp.get_pipe("attribute_ruler")
        ruler.match = RulerMatches(ruler)  # AttributeRuler.__call__ asks self.match, then sets the attributes
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode in {"rule", "lookup"}:
        if lemmatizer.mode == "rule" and "lemma_index" in lemmatizer.lookups:
            index = lemmatizer.lookups.get_table("lemma_index")
            for key in list(index.keys()):  # rule_lemmatize only asks whether a form is in a list of thousands
                index[key] = frozenset(index[key])
        _register()
        nlp.replace_pipe("lemmatizer", CACHED_LEMMATIZER)
        nlp.get_pipe("lemmatizer").lemmatizer = lemmatizer


__all__ = ["CachedLemmatizer", "RulerMatches", "cache_rule_components"]
