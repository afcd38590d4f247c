"""What an article's text says of its sides is read once per text (resolve.delegations.text_sides): the kept
reading is the same as reading the text again, and side_context gives the same context with it as without."""

from __future__ import annotations

import pytest

from briefer.extract import ArticleFacts
from briefer.model import Article, Evidence, Fact, Mention
from briefer.resolve.delegations import TEXTS_KEPT, TextSides, side_context, text_sides

TEXTS = [
    "Hamas names its team for Cairo talks\n\nThe Hamas delegation arrived on Monday. Hamas officials said little.",
    "Envoys meet in Panmunjom\n\nThe North sent a vice-minister; North Korea's team met the South Korean side.",
    "Talks resume\n\nThe Colombian government and the rebels met in Havana. The opposition stayed away.",
    "Syrian rebels and the Assad regime trade blame\n\nThe Syrian opposition said the talks had stalled.",
    "A quiet day\n\nNothing was said about any delegation.",
]


@pytest.fixture(scope="module")
def lexicon(knowledge):
    return knowledge.lexicon


def _article(text: str) -> ArticleFacts:
    sentence = text.split("\n\n")[1]
    start = text.index(sentence)
    fact = Fact(section="delegations", fields={"party": "the government side", "priority": 5,
                                               "members": Mention(name="Ana Ruiz", role="envoy", party=None)},
                evidence=Evidence(source="a", sentence=sentence, start=start, end=start + len(sentence), rule="t"))
    return ArticleFacts(article=Article(id="a", text=text), facts=[fact])


def test_kept_reading_is_the_reading_of_the_text(lexicon):
    texts = TEXTS * (TEXTS_KEPT // len(TEXTS) + 2)  # more texts than are kept, each seen again
    for text in texts:
        assert text_sides(text, lexicon) == TextSides.read(text, lexicon)
    assert TextSides.read(TEXTS[0], lexicon).armed_group == "Hamas"
    assert TextSides.read(TEXTS[2], lexicon).governments == ["Colombia"]


def test_side_context_is_the_same_with_the_kept_reading(lexicon):
    for text in TEXTS + TEXTS:
        article = _article(text)
        kept = side_context(article, lexicon)
        lexicon.derived("resolve.text_sides", dict).clear()
        assert side_context(article, lexicon) == kept
