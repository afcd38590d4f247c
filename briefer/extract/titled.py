"""Names the entity recogniser missed after a title: "Fisheries Minister Georgia Hale" (where "Georgia" was
taken for a place), "Presidential Adviser Tor Wakuak", "irrigation minister Karim Abdel Nour" (cut short),
"Presidential Adviser on National Reconciliation Maria Lindqvist" (taken with its title for a work of art
or an organisation).

A run of two to four capitalised proper nouns right after a title word, on one line, that holds no title, office
or organisation word and no entity but a person's or a one-word place's, is a person's name. After a title with its
field ("on National Reconciliation", "for the Horn of Africa"), the last two capitalised words of the run (three with a
middle initial) are the name, when no title, office or organisation word is among them and no person is named in
the field ("Envoy for Peace Jane Doe and Mullah Omar Bakr" names two).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from briefer.names import fold
from briefer.nlp import ENTS_KEY
from briefer.rules.lexicon import Lexicon

MIN_WORDS, MAX_WORDS = 2, 4
PLACE_LABELS = {"GPE", "LOC", "NORP"}  # one word of these may be a name's ("Victoria")
INSIDE_NAME = {"PERSON", "", *PLACE_LABELS}  # entity labels a missed name's words may carry
FIELD_OPENERS = {"on", "for"}  # "Adviser on National Reconciliation", "Envoy for the Great Lakes"
FIELD_JOINERS = {"of", "and", "the"}  # inside a field: "Horn of Africa", "Peace and Reconciliation"


def mark_titled_names(doc: Doc, lexicon: Lexicon) -> None:
    """Make each run of name words after a title one PERSON entity (see the module's docstring)."""
    stop = lexicon.derived("titled.stop", lambda: lexicon.title_words | _words(
        lexicon, "roles.organisation_words", "roles.office_nouns", "roles.office_words"))
    found = []
    for token in doc[:-MIN_WORDS]:
        if fold(token.text) in lexicon.title_words and "\n" not in token.whitespace_:
            end = _run_end(doc, token.i + 1, stop)
            if end - token.i - 1 >= MIN_WORDS and not _named_already(doc[token.i + 1 : end]):
                found.append(Span(doc, token.i + 1, end, label="PERSON"))
            elif (name := _after_field(doc, token.i + 1, stop)) is not None:
                found.append(name)
    if not found:
        return
    found += _repeated(doc, found)
    spans = [*found, *(ent for ent in doc.ents if not any(_overlap(ent, name) for name in found))]
    doc.ents = filter_spans(spans)
    doc.user_data.pop(ENTS_KEY, None)  # built before this change


def _repeated(doc: Doc, names: list[Span]) -> list[Span]:
    """The other places the text gives a name found after a title in the same words ("Georgia Hale" with no
    title before it), where no entity but a one-word place's covers them."""
    wanted = {tuple(t.text for t in name) for name in names}
    taken = {name.start for name in names}
    found = []
    for start in range(len(doc)):
        for words in wanted:
            end = start + len(words)
            if (start not in taken and end <= len(doc) and tuple(t.text for t in doc[start:end]) == words
                    and all(t.ent_type_ in INSIDE_NAME and t.ent_type_ != "PERSON" for t in doc[start:end])
                    and not (end < len(doc) and doc[end].ent_iob_ == "I")):
                found.append(Span(doc, start, end, label="PERSON"))
    return found


def _after_field(doc: Doc, start: int, stop: frozenset[str]) -> Span | None:
    """The name after a title's field starting at `start` ("on National Reconciliation Maria Lindqvist"), unless the
    recogniser took it for a person already."""
    if start >= len(doc) or doc[start].lower_ not in FIELD_OPENERS:
        return None
    end = start + 1
    while end < len(doc) and "\n" not in doc[end - 1].whitespace_ and (
            _capitalised(doc[end]) or (doc[end].lower_ in FIELD_JOINERS and end + 1 < len(doc)
                                       and _capitalised(doc[end + 1]))):
        end += 1
    size = 3 if end - start > 4 and _initial(doc[end - 2]) else MIN_WORDS
    name = doc[end - size : end]
    field = doc[start + 1 : end - size]
    if (not any(_capitalised(t) for t in field) or any(t.ent_type_ == "PERSON" for t in field)
            or any(not _capitalised(t) or _stop_word(t, stop) for t in name)
            or (name[0].ent_type_ == "PERSON" and name[0].ent_iob_ == "B")):
        return None
    return Span(doc, name.start, name.end, label="PERSON")


def _capitalised(token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def _initial(token) -> bool:
    return len(token.text) == 2 and token.text.endswith(".") and token.text[0].isupper()


def _words(lexicon: Lexicon, *keys: str) -> frozenset[str]:
    return frozenset().union(*(lexicon.gazetteers.words(key) for key in keys))


def _run_end(doc: Doc, start: int, stop: frozenset[str]) -> int:
    """Where a run of name words starting at `start` ends (`start` itself when there is none)."""
    end = start
    while end < len(doc) and end - start < MAX_WORDS:
        token = doc[end]
        if (not _capitalised(token) or _stop_word(token, stop)
                or token.ent_type_ not in INSIDE_NAME
                or (token.ent_type_ in PLACE_LABELS and not _one_word(token))):
            break
        end += 1
        if "\n" in token.whitespace_:
            break
    return end


def _stop_word(token, stop: frozenset[str]) -> bool:
    """A title, office or organisation word, also in the plural ("Foreign Ministers A and B")."""
    word = fold(token.text)
    return word in stop or token.lemma_.lower() in stop or word.removesuffix("s") in stop


def _one_word(token) -> bool:
    return token.ent_iob_ == "B" and (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")


def _named_already(run: Span) -> bool:
    """A run that is one person's name already, or that an entity runs into or past."""
    after = run.doc[run.end] if run.end < len(run.doc) else None
    return (run[0].ent_iob_ == "I" or (after is not None and after.ent_iob_ == "I")
            or (run[0].ent_type_ == "PERSON" and all(t.ent_type_ == "PERSON" and t.ent_iob_ == "I" for t in run[1:])))


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end
