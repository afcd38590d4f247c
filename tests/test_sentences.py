"""Sentence splitting: every line starts a sentence, and the parser may not cut a line's first word off."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("line", [
    "EU top diplomat Jana Petrova said the talks would be hard.",
    "UN top envoy Jana Petrova said that the talks are not going to be easy.",
    "Addis Abeba – The two delegations met again on Monday.",
    "JERUSALEM – Israeli negotiators returned from Doha on Friday.",
])
def test_a_paragraph_after_a_headline_keeps_its_first_word(nlp, line):
    doc = nlp(f"Some Headline About Talks Here\n\n{line}")
    sentences = [sentence.text.strip() for sentence in doc.sents]
    assert sentences[0] == "Some Headline About Talks Here"
    assert any(sentence.startswith(line.split()[0] + " " + line.split()[1]) for sentence in sentences[1:])
    assert line.split()[0] not in sentences, "the first word stands alone"


def test_every_line_starts_a_sentence_and_a_line_can_hold_several(nlp):
    doc = nlp("Key points\n- Delegations arrive on Monday. Talks start on Tuesday.\nNo date for a summit")
    starts = [sentence[0].text for sentence in doc.sents if not sentence[0].is_space]
    assert starts[:2] == ["Key", "-"] and "Talks" in starts and starts[-1] == "No"
