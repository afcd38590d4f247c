"""Open questions: one entry per question, however many sentences and sources raise it."""

from __future__ import annotations

from functools import lru_cache

from briefer.extract.placement import placement
from briefer.model import Fact, OpenQuestion
from briefer.names import fold
from briefer.resolve.context import ArticleContext

# Words left out when two questions are compared (their merge thresholds were tuned on this list).
STOP = {"the", "a", "an", "of", "to", "and", "in", "on", "that", "is", "are", "was", "were", "be", "will", "for"}


@lru_cache(maxsize=1 << 16)
def content_words(text: str) -> frozenset[str]:
    """Folded content words of a question."""
    return frozenset(w for w in fold(text).split() if w not in STOP)


def _same_question(a: str, b: str) -> bool:
    """Two wordings of one question: nearly all content words shared (at least three when one is short)."""
    wa, wb = content_words(a), content_words(b)
    shared = len(wa & wb)
    if not shared:
        return False
    return (shared >= 3 and shared / min(len(wa), len(wb)) >= 0.85) or shared / max(len(wa), len(wb)) >= 0.7


def _holds(a: str, b: str) -> bool:
    """One text holds all the content words of the other (a clause of a sentence already listed)."""
    wa, wb = content_words(a), content_words(b)
    return wa <= wb or wb <= wa


class QuestionBook:
    """The open questions of a brief, filled fact by fact."""

    def __init__(self, questions: list[OpenQuestion]):
        self.questions = questions
        self._sentences: list[set[str]] = []  # per open question, the sentences it was found in

    def add(self, fact: Fact, article: ArticleContext) -> None:
        """One entry per question: a part of a sentence already listed, or the same question worded alike.
        A question any source raises in its running text is a question of the text, not a hook."""
        text = fact.fields["text"]
        evidence = fact.evidence
        where = placement(article.article.text, evidence.sentence, evidence.start, evidence.end,
                          article.article.title)
        for question, sentences in zip(self.questions, self._sentences, strict=True):
            same_sentence = evidence.sentence in sentences
            if (same_sentence and _holds(question.text, text)) or _same_question(question.text, text):
                question.evidence.append(evidence)
                sentences.add(evidence.sentence)
                question.source_count = len({e.source for e in question.evidence})
                if fact.fields.get("kind") == "explicit":
                    question.kind = "explicit"
                if where == "text":
                    question.placement = "text"
                return
        self.questions.append(OpenQuestion(
            text=text, kind=fact.fields.get("kind") or "explicit", placement=where, evidence=[evidence],
            source_count=1))
        self._sentences.append({evidence.sentence})

    def settle(self) -> None:
        """Nothing waits for the last fact."""
