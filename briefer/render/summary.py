"""Sentences composed from the model: the key developments of the analyst brief."""

from __future__ import annotations

from briefer.model import OpenQuestion, Position
from briefer.render.entries import Entry
from briefer.render.view import BriefView, Sentence, long_date, shorten


def _cites(*entries: Entry) -> tuple[int, ...]:
    return tuple(sorted({n for entry in entries for n in entry.cites}))


def _sentence(text: str, *entries: Entry) -> Sentence:
    end = "" if text.rstrip().endswith((".", "?", "!", "…", "”", '"')) else "."
    return Sentence(text + end, _cites(*entries))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def speaker_phrase(position: Position) -> str:
    """`Name (Role, Party)` with whatever the model knows."""
    details = [part for part in (position.speaker.role, position.speaker.party) if part]
    return position.speaker.name + (f" ({', '.join(details)})" if details else "")


def statement_phrase(position: Position, words: int = 35) -> str:
    """The statement, in typographic quotes when the text quotes the speaker."""
    text = shorten(position.statement, words)
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
        top = view.positions[0]
        sentences.append(
            _sentence(
                f"{_plural(len(view.positions), 'stated position')} from {_plural(speakers, 'speaker')} "
                f"({officials} official, {len(view.positions) - officials} analyst); most widely reported: "
                f"{speaker_phrase(top.item)}: {statement_phrase(top.item, 25)}",  # type: ignore[arg-type]
                top,
            )
        )
    if view.open_questions:
        top = view.open_questions[0]
        question: OpenQuestion = top.item  # type: ignore[assignment]
        count = _plural(len(view.open_questions), "open question")
        sentences.append(Sentence(f"{count}, among them: {shorten(question.text, 30)}", top.cites))
    change = changes_sentence(view)
    return sentences + ([change] if change else [])
