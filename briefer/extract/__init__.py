"""The extract stage: run compiled rules over a Doc and turn matches into facts with evidence."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefer.extract import checks, events, hearsay, voices  # noqa: F401 (they register the checks rules name)
from briefer.extract.dates import DateMention, date_mentions
from briefer.extract.interview import layout
from briefer.extract.speech import within_quotation
from briefer.extract.text import tidy
from briefer.extract.titled import mark_titled_names
from briefer.extract.views import person, sentence_value, view
from briefer.model import Article, Evidence, Fact
from briefer.names import fold
from briefer.nlp import doc_ents, span_text
from briefer.nlp.pieces import UNPARSED
from briefer.rules.compiler import CompiledRules, RuleMatch
from briefer.rules.lexicon import Lexicon
from briefer.rules.schema import CAPTURE_RE
from briefer.rules.vocabulary import CHECKS
from briefer.sections import BY_NAME

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
RELATIVE_ROLE_WORDS = 5  # "who is the chief mediator"; a longer clause describes rather than names an office
STATEMENT_KEY_WORDS = 5  # the words of a statement that find where it starts

# Told of every match: the `unless` check that dropped it (or None), the field dicts `emit` gave, the facts kept.
MatchHook = Callable[[RuleMatch, str | None, list[dict[str, Any]], list[Fact]], None]


@dataclass
class PersonMention:
    """A named person in an article, with the role and party the text gives there."""

    name: str
    role: str
    party: str | None
    start: int
    subject: bool = False  # the subject of its clause: what "he" or "she" most likely refers to
    quoted: bool = False  # named inside someone's quoted words: not whom a later "he" or "the envoy" means
    gender: str | None = None  # "f" or "m" when the text says so ("Ms", "spokeswoman"): whom "she" or "he" can mean


@dataclass
class ArticleFacts:
    """What one article yields: its facts, the people it names (for reference resolution) and the dates its
    sentences about talks give."""

    article: Article
    facts: list[Fact] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)


def _emit(match: RuleMatch, lexicon: Lexicon) -> list[dict[str, Any]]:
    """Evaluate a rule's `emit` against one match: one field dict, or one per item of a list view."""
    fields: dict[str, Any] = {}
    for name, spec in match.rule.emit.items():
        if isinstance(spec, str) and (found := CAPTURE_RE.match(spec)):
            span = match.captures.get(found.group(1))
            if span is None:
                return []
            fields[name] = view(span, found.group(2), lexicon)
        elif isinstance(spec, str) and spec.startswith("$"):
            fields[name] = sentence_value(match.sentence, match.span, spec)
        else:
            fields[name] = spec
    listed = [name for name, value in fields.items() if isinstance(value, list)]
    if not listed:
        return [fields]
    return [{**fields, listed[0]: item} for item in fields[listed[0]]]


def _evidence(match: RuleMatch, article: Article, statement: Any = None) -> Evidence:
    """Where a fact was found: the match's first sentence, or for a match over several sentences (an interview's
    answer) the sentence its statement starts in."""
    sentence = match.sentence
    if isinstance(statement, str) and match.span.end_char > sentence.end_char:
        sentence = _sentence_of(match.span, statement) or sentence
    return Evidence(
        source=article.id,
        sentence=" ".join(span_text(sentence).split()),
        start=match.span.start_char,
        end=match.span.end_char,
        rule=match.rule.id,
    )


def _sentence_of(span: Span, statement: str) -> Span | None:
    """The sentence of a span in which a statement (a claim of it, tidied) starts."""
    words = statement.split()[:STATEMENT_KEY_WORDS]
    found = re.search(r"\W*\s+".join(re.escape(w) for w in words), span_text(span)) if words else None
    return span.doc.char_span(span.start_char + found.start(), span.start_char + found.start() + 1,
                              alignment_mode="expand").sent if found else None


def _agent_of_impersonal(token: Token) -> bool:
    """The agent of a passive whose subject is no person ("the Iranians were led by X", "the talks were
    chaired by X"): the one who acts, what a following "he" or "she" most likely refers to."""
    if token.dep_ != "pobj" or token.head.dep_ != "agent":
        return False
    verb = token.head.head
    return not any(c.dep_ == "nsubjpass" and c.ent_type_ == "PERSON" for c in verb.children)


def people_in(doc: Doc, lexicon: Lexicon) -> list[PersonMention]:
    """Every PERSON entity, and every known actor or earlier-named person's surname the entity recogniser missed,
    with its role and party; none without a parse (roles come from it)."""
    if not doc.has_annotation("DEP"):
        return []  # a pipeline without the parser: the rules need no people, and tree walks would crash
    mentions = []
    reporting = lexicon.gazetteers.words("reporting.verbs")
    for ent in doc_ents(doc):
        if ent.label_ == "PERSON":
            found = person(ent, lexicon)
            if found is None:
                continue
            root = ent.root
            subject = (root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS)
                       or _agent_of_impersonal(root) or _source_of_according(root) or _quoted_as_saying(root)) \
                and not _reported_subject(root, reporting)
            role = _with_relative_role(found.role, root)
            mentions.append(PersonMention(found.name, role, found.party, ent.start_char, subject,
                                          within_quotation(doc, ent.start_char), _gender(ent, role, lexicon)))
    for token in _name_candidates(doc):
        if token.pos_ != "PROPN" and not _mistagged_surname(token, mentions):
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and start <= doc[start - 1].head.i <= token.i:
            start -= 1
        feminine, masculine = (lexicon.gazetteers.words(f"roles.{g}_words") for g in ("feminine", "masculine"))
        honorific = fold(doc[start].text) if start < token.i else ""
        # "Mr Mahmood": the name is Mahmood, and he is a man; "Shri Jane Doe": the name is Jane Doe
        start += honorific in feminine | masculine or honorific in lexicon.honorifics
        gender = "f" if honorific in feminine else "m" if honorific in masculine else None
        name = doc[start : token.i + 1].text
        actor = lexicon.actor(token.text)
        earlier = _named_in_full(name, mentions, doc[start].idx)
        if actor is None and earlier is None:
            continue  # a surname alone counts once the full name came first ("Petkovic said", tagged ORG)
        party = actor.party if actor is not None else earlier.party
        subject = token.dep_ in SUBJECT_DEPS and not _reported_subject(token, reporting)
        mentions.append(PersonMention(name if earlier else token.text, "", party, doc[start].idx,
                                      subject, within_quotation(doc, doc[start].idx), gender))
    return sorted(mentions, key=lambda mention: mention.start)


def _with_relative_role(role: str, root: Token) -> str:
    """A role with the office a relative clause gives ("X, who is the chief mediator, said"), so that "the
    mediator" refers back to X."""
    for clause in root.children:
        if clause.dep_ == "relcl" and clause.lemma_ == "be" and any(
                c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children):
            office = next((c for c in clause.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
            if office is not None and len(list(office.subtree)) <= RELATIVE_ROLE_WORDS:
                if fold(office.text) in fold(role).split():
                    return role
                words = " ".join(t.text for t in office.subtree if t.dep_ != "det")
                return tidy(", ".join(filter(None, [role, words])))
    return role


def _name_candidates(doc: Doc) -> Iterator[Token]:
    """The tokens that may name a person the recogniser missed, in order: proper nouns, and common nouns (a
    mistagged surname), outside PERSON entities and not inside a compound or flat name. Read from the Doc's
    arrays: making a Token of every token and reading its labels cost more than the rest of `people_in`."""
    from spacy.attrs import DEP, ENT_TYPE, POS

    strings = doc.vocab.strings
    person, nouns = strings["PERSON"], {strings["PROPN"], strings["NOUN"]}
    inside = {strings[dep] for dep in ("compound", "flat")}
    for i, (pos, ent_type, dep) in enumerate(doc.to_array([POS, ENT_TYPE, DEP]).tolist()):
        if pos in nouns and ent_type != person and dep not in inside:
            yield doc[i]


def _source_of_according(token: Token) -> bool:
    """The person in "according to X" (or "according to the envoy, X"): the one who speaks, whom a following "he"
    or "she" most likely refers to, rather than a person named inside what X said."""
    if token.dep_ == "appos":
        token = token.head
    to = token.head
    return token.dep_ == "pobj" and to.lower_ == "to" and to.head.lower_ == "according"


def _quoted_as_saying(token: Token) -> bool:
    """The person in "<outlet> quoted X as saying ...": the one who speaks, whom a following "he" or "she" most
    likely refers to, rather than the outlet's or an earlier speaker."""
    verb = token.head
    return (token.dep_ == "dobj" and verb.lemma_ == "quote"
            and any(c.lower_ == "as" and any(g.lemma_ in {"say", "tell"} for g in c.children) for c in verb.rights))


def _mistagged_surname(token: Token, mentions: list[PersonMention]) -> bool:
    """A capitalised word the tagger took for a common noun that is the surname of someone named in full before
    ("Pedro Alves met ... Alves welcomed the visit", with "Alves" tagged as a plural noun)."""
    return (token.pos_ == "NOUN" and token.text[:1].isupper() and not token.text.isupper()
            and _named_in_full(token.text, mentions, token.idx) is not None)


def _reported_subject(token: Token, verbs: frozenset[str]) -> bool:
    """The subject of a clause someone else is reported to say ("Mr A recalled that Mr B had accepted ..."): a
    later "he said" goes on with A, who speaks, not B."""
    verb = token.head
    reporting = verb.head
    if verb.dep_ != "ccomp" or reporting.i == verb.i or reporting.lemma_.lower() not in verbs:
        return False
    return any(c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN") and c.i < token.i
               for c in reporting.children)


def _gender(ent: Span, role: str, lexicon: Lexicon) -> str | None:
    """"f" or "m" when an honorific or a role word says so ("Ms Rao", "the spokeswoman, Jane Doe"), "f" for a given
    name borne by women only ("Samia Hassan")."""
    doc = ent.doc
    words = set(fold(f"{role} {ent.text}").split())
    words |= {fold(doc[i].text) for i in range(max(ent.start - 2, 0), ent.start)}
    if words & lexicon.gazetteers.words("roles.feminine_words"):
        return "f"
    if words & lexicon.gazetteers.words("roles.masculine_words"):
        return "m"
    given = fold(ent.text).split()[:1]  # "Samia Hassan": a name borne by women
    return "f" if given and given[0] in lexicon.gazetteers.words("roles.feminine_given_names") else None


def _named_in_full(surname: str, mentions: list[PersonMention], before: int) -> PersonMention | None:
    """The person named in full before an offset whose name ends in these words ("De la Calle")."""
    words = surname.lower().split()
    for mention in mentions:
        named = mention.name.lower().split()
        if mention.start < before and len(named) > len(words) and named[-len(words) :] == words:
            return mention
    return None


def _asked(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The match stands in an interviewer's question line (briefer/extract/interview.py): no one's position,
    whichever rule matched."""
    found = layout(match.sentence.doc, lexicon)
    return found is not None and found.asks_at(match.span.start_char)


def extract_facts(
    doc: Doc, article: Article, rules: CompiledRules, lexicon: Lexicon, on_match: MatchHook | None = None
) -> ArticleFacts:
    """Run every rule over one parsed article; `on_match` (for `briefer explain`) hears what each match gave."""
    if doc.user_data.get(UNPARSED):
        return ArticleFacts(article=article)  # no sentence of it can yield a fact (see extract/gate.py)
    mark_titled_names(doc, lexicon)
    result = ArticleFacts(article=article, people=people_in(doc, lexicon))
    seen: set[tuple[str, int, str]] = set()
    for match in rules.matches(doc):
        dropped_by = next((check for check in match.rule.unless if CHECKS[check](match, lexicon)), None)
        if dropped_by is None and match.rule.section == "positions" and _asked(match, lexicon):
            dropped_by = "interviewer"
        if dropped_by is not None:
            if on_match:
                on_match(match, dropped_by, [], [])
            continue
        emitted, kept = _emit(match, lexicon), len(result.facts)
        for fields in emitted:
            key = (match.rule.id, match.sentence.start, repr(sorted(fields.items())))
            if key in seen:
                continue
            seen.add(key)
            if BY_NAME[match.rule.section].complete(fields):
                fields["priority"] = match.rule.priority
                result.facts.append(Fact(section=match.rule.section, fields=fields,
                                         evidence=_evidence(match, article, fields.get("statement"))))
        if on_match:
            on_match(match, None, emitted, result.facts[kept:])
    meeting_facts = [f.evidence.start for f in result.facts if f.section in ("delegations", "venues")]
    result.dates = date_mentions(doc, meeting_facts)
    return result


__all__ = ["ArticleFacts", "MatchHook", "PersonMention", "extract_facts"]
