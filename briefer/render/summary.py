"""Sentences composed from the model: the key developments of the analyst brief."""

from __future__ import annotations

from briefer.model import Position
from briefer.render.bottomline import clause
from briefer.render.entries import Cites, Entry, more
from briefer.render.view import BriefView, Sentence, long_date


def _cites(*entries: Entry) -> Cites:
    counted = max((more(entry.cites) for entry in entries), default=0)
    return Cites({n for entry in entries for n in entry.cites}, counted=counted)


def _sentence(text: str, *entries: Entry) -> Sentence:
    end = "" if text.rstrip().endswith((".", "?", "!", "…", "”", '"')) else "."
    return Sentence(text + end, _cites(*entries))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


STATEMENT_WORDS = 25  # of the most reported statement, whole or a complete clause of it
QUESTION_WORDS = 30


def speaker_phrase(position: Position) -> str:
    """`Name (Role, Party)` with whatever the model knows; a party speaking as itself is named once."""
    details = [part for part in (position.speaker.role, position.speaker.party)
               if part and part != position.speaker.name]
    return position.speaker.name + (f" ({', '.join(details)})" if details else "")


def statement_phrase(position: Position, words: int = STATEMENT_WORDS) -> str | None:
    """The statement whole, or a complete clause of it, in typographic quotes when the text quotes the speaker;
    None when no clause of it fits in `words` words."""
    text = clause(position.statement, words)
    if text is None:
        return None
    return f"“{text}”" if position.direct_quote else text


def changes_sentence(view: BriefView) -> Sentence | None:
    """How many items are new, changed and dropped since the previous brief."""
    if view.changes is None:
        return None
    changes = view.changes
    counts = (f"{changes.counts['new']} new, {changes.counts['changed']} changed and {changes.counts['dropped']} "
              "dropped items")
    return _sentence(f"Since {long_date(changes.previous_date)}: {counts}", *changes.new, *changes.changed)


def developments(view: BriefView) -> list[Sentence]:
    """Key developments beside the tracks' bottom lines: the positions, the open questions, what changed."""
    sentences: list[Sentence] = []
    if view.positions:
        officials = sum(1 for e in view.positions if e.item.kind == "official")  # type: ignore[attr-defined]
        speakers = len({e.item.speaker.name for e in view.positions})  # type: ignore[attr-defined]
        shown = [(e, statement_phrase(e.item)) for e in view.positions]  # type: ignore[arg-type]
        top, said = next(((e, text) for e, text in shown if text), (None, None))
        counts = (f"{_plural(len(view.positions), 'stated position')} from {_plural(speakers, 'speaker')} "
                  f"({officials} official, {len(view.positions) - officials} analyst)")
        if top is None:
            sentences.append(_sentence(counts, *view.positions[:1]))
        else:
            sentences.append(_sentence(f"{counts}; most widely reported: {speaker_phrase(top.item)}: {said}",
                                       top))  # type: ignore[arg-type]
    if view.open_questions:
        count = _plural(len(view.open_questions), "open question")
        asked = [(e, clause(e.item.text, QUESTION_WORDS)) for e in view.open_questions]  # type: ignore[attr-defined]
        first, text = next(((e, text) for e, text in asked if text), (view.open_questions[0], None))
        sentences.append(Sentence(f"{count}, among them: {text}" if text else count, first.cites))
    change = changes_sentence(view)
    return sentences + ([change] if change else [])
