"""Capture views: how a matched token becomes a value ("@speaker.person", "@content.clause", ...)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from briefer.extract.clauses import passage
from briefer.extract.roster import role_party, roster, side_party
from briefer.rules.lexicon import Lexicon, fold

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

QUOTE_CHARS = "\"“”„«»"
QUOTED_RE = re.compile(r"[\"“„«]([^\"“”„«»]{2,}?)[\"”»]")
PHRASE_DEPS = {"compound", "amod", "nmod", "poss", "nummod", "flat", "case"}
ROLE_DEPS = {"compound", "amod", "nmod", "poss", "flat", "case"}
STRIP_LEFT = {"that", "because", ",", ":", "-", "—", "–", "and", "but"}
PRONOUNS = {"he", "she", "they", "him", "her", "we", "i"}
DETERMINERS = {"a", "an", "the", "his", "her", "its", "their"}
SENTENCE_ENDS = {".", "!", "?", "…"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod"}
SIDE_PREPS = {"from", "of", "for", "representing"}  # "the delegation from Ukraine", "representatives of the EU"


def entity_at(token: Token) -> Span | None:
    """The named entity a token belongs to, if any."""
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def tidy(text: str) -> str:
    """Collapse white space and strip quotes, dashes and punctuation at the ends."""
    text = " ".join(text.split())
    return text.strip(" ,;:-–—" + QUOTE_CHARS).rstrip(".").strip(" " + QUOTE_CHARS)


def _left_modifiers(token: Token, deps: set[str]) -> int:
    """Index of the leftmost token of the modifier chain before `token`."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in deps:
            start = min(start, _left_modifiers(child, deps), child.left_edge.i if child.dep_ == "poss" else child.i)
    return start


def phrase(span: Span) -> Span:
    """The noun phrase around the span's head, without leading determiners."""
    root = span.root
    ent = entity_at(root)
    start = min(_left_modifiers(root, PHRASE_DEPS), ent.start if ent else root.i)
    end = max(root.i + 1, ent.end if ent else 0)
    for child in root.rights:
        if child.dep_ in {"flat", "compound"} and child.i == end:
            end = child.i + 1
    doc = root.doc
    while start < end - 1 and doc[start].lower_ in DETERMINERS:
        start += 1
    return doc[start:end]


def subtree(span: Span) -> Span:
    """The whole subtree under the span's head."""
    root = span.root
    return root.doc[root.left_edge.i : root.right_edge.i + 1]


def clause(span: Span) -> str:
    """A reported clause: its subtree without a leading "that" or final punctuation."""
    tokens = list(subtree(span))
    while tokens and (tokens[0].lower_ in STRIP_LEFT or tokens[0].text in QUOTE_CHARS or tokens[0].is_space):
        tokens = tokens[1:]
    if not tokens:
        return ""
    doc = tokens[0].doc
    return tidy(doc[tokens[0].i : tokens[-1].i + 1].text)


def rest(span: Span) -> str:
    """The sentence from the end of the span on."""
    sentence = span.sent
    return tidy(span.doc[span.end : sentence.end].text) if span.end < sentence.end else ""


def quotes_in(text: str) -> list[str]:
    """The quoted passages in a text, in order."""
    return [q.strip() for q in QUOTED_RE.findall(text)]


def quote(span: Span) -> str:
    """The quoted passages of the span's sentence, joined (a quote split around its cue is one)."""
    return tidy(" ".join(quotes_in(span.sent.text)))


def _role_tokens(root: Token, name_start: int) -> list[Token]:
    """Title words before a name: "Kremlin spokesperson" in "Kremlin spokesperson Dmitry Peskov"."""
    start = _left_modifiers(root, ROLE_DEPS)
    doc = root.doc
    tokens = [t for t in doc[start:name_start] if not t.is_punct or t.text in {"-", "."}]
    while tokens and tokens[0].lower_ in DETERMINERS:
        tokens = tokens[1:]
    return tokens


def _apposition(root: Token) -> str:
    """An apposition after a name: ", a former Russian diplomat," -> "former Russian diplomat"."""
    for child in root.rights:
        if child.dep_ == "appos":
            text = root.doc[child.left_edge.i : child.right_edge.i + 1].text
            words = text.split()
            while words and words[0].lower() in DETERMINERS:
                words = words[1:]
            return tidy(" ".join(words))
    return ""


def person(span: Span, lexicon: Lexicon) -> dict[str, Any]:
    """A speaker or member: name, role (titles or apposition) and party."""
    root = span.root
    ent = entity_at(root)
    if ent is None or ent.label_ != "PERSON":
        for child in root.children:
            if child.dep_ == "appos" and (appos_ent := entity_at(child)) is not None and appos_ent.label_ == "PERSON":
                role = tidy(phrase(span).text)
                return _with_party({"name": appos_ent.text, "role": role}, lexicon)
    if ent is not None and ent.label_ == "PERSON":
        name = tidy(ent.text)
        role_tokens = _role_tokens(root, ent.start)
        role = tidy(root.doc[role_tokens[0].i : ent.start].text) if role_tokens else ""
        role = role or _apposition(root)
        return _with_party({"name": name, "role": role}, lexicon)
    if root.lower_ in PRONOUNS:
        return {"name": root.text, "role": "", "party": None}
    return _with_party({"name": tidy(phrase(span).text), "role": ""}, lexicon)


def _with_party(found: dict[str, Any], lexicon: Lexicon) -> dict[str, Any]:
    name, role = found["name"], found.get("role") or ""
    actor = lexicon.actor(name)
    party = lexicon.party_in(role) or lexicon.party_of(name) or (actor.party if actor else None)
    if not party and not role:
        party = lexicon.party_in(name)
    role = re.sub(r"^(?:[A-Z][\w.]*\s?)+['’]s\s+", "", role) if party and role else role
    return {"name": name, "role": role or (actor.role if actor else ""), "party": party}


def party(span: Span, lexicon: Lexicon) -> str | None:
    """The party a side names: "the Russian delegation", "the delegation from Ukraine", a person's own party,
    or roster.GOVERNMENT_SIDE for "the ruling party"."""
    root = span.root
    ent = entity_at(root)
    if ent is not None and ent.label_ == "PERSON":
        found = person(ent, lexicon)
        return (role_party(found["role"], found["name"], lexicon) or found["party"]) if found else None
    texts = [phrase(span).text, span.text]
    texts += [" ".join(t.text for t in child.subtree) for child in root.children
              if child.dep_ == "prep" and child.lower_ in SIDE_PREPS]
    return next((p for p in (side_party(text, lexicon) for text in texts) if p), None)


def member(span: Span, lexicon: Lexicon) -> dict[str, Any] | None:
    """The first person a roster names (a leader: "led by Defence Minister Rustem Umerov")."""
    found = members(span, lexicon)
    return found[0] if found else None


def members(span: Span, lexicon: Lexicon) -> list[dict[str, Any]]:
    """The people a roster names: the subtree of a one-token capture, else the capture up to the end of
    its sentence (a list broken over lines, one name a line, runs on)."""
    if len(span) == 1:
        return roster(subtree(span), lexicon)
    doc = span.doc
    end = next((t.i for t in span[1:] if t.is_sent_start and doc[t.i - 1].text in SENTENCE_ENDS), span.end)
    return roster(doc[span.start : end], lexicon)


def place(span: Span, lexicon: Lexicon) -> str:
    """A place name: the entity under the capture, else its noun phrase. A country that modifies the
    talks ("the Russia-Ukraine talks") is a party to them, not a place: only cities count there."""
    root = span.root
    ent = entity_at(root)
    name = tidy(ent.text if ent is not None else phrase(span).text)
    head = root
    while head.dep_ in MODIFIER_DEPS and head.head is not head:
        head = head.head
    modifies_talks = head is not root and head.lower_ in lexicon.gazetteers.words("roles.talks_nouns")
    if modifies_talks and not lexicon.places.get(fold(name)) and lexicon.party_of(name):
        return ""
    return name


def view(span: Span, name: str | None, lexicon: Lexicon) -> Any:
    """Apply a named view to a captured span."""
    match name:
        case None | "text":
            return tidy(span.text)
        case "ent":
            ent = entity_at(span.root)
            return tidy((ent or span).text)
        case "phrase":
            return tidy(phrase(span).text)
        case "person":
            return person(span, lexicon)
        case "party":
            return party(span, lexicon)
        case "subtree":
            return tidy(subtree(span).text)
        case "clause":
            return clause(span)
        case "rest":
            return rest(span)
        case "quote":
            return quote(span)
        case "place":
            return place(span, lexicon)
        case "members":
            return members(span, lexicon)
        case "member":
            return member(span, lexicon)
        case "passage":
            return passage(span)
        case "sentences":
            clipped = (span.doc[max(s.start, span.start) : min(s.end, span.end)] for s in span.sents)
            return [text for text in (tidy(s.text) for s in clipped) if text]
    raise ValueError(f"unknown view {name}")


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
