"""Where a question stands in its article: the article's or a section's own hook, or the running text."""

from __future__ import annotations

import pytest

from briefer.extract.placement import placement

# Made-up copy: a report, then a second piece on the same page under its own heading, then an interview.
PAGE = """Talks resume in Portmar

The envoys met on Monday. Will the truce hold? Nobody knows.

The mediators said the next round would open in May. Can the quotas be agreed by then? The envoys would not say.

Portmar Talks: What Comes Next for the River Deal

Can the two sides agree on quotas before winter? We spoke to a water expert to find out.

Expert: The quotas are the hard part. Can they be settled this year? Perhaps.
"""


@pytest.mark.parametrize(("question", "where"), [
    ("Will the truce hold?", "lead"),
    ("Can the quotas be agreed by then?", "text"),
    ("Can the two sides agree on quotas before winter?", "lead"),  # a section's lead-in under its heading
    ("Can they be settled this year?", "text"),
])
def test_a_question_opening_a_section_under_its_heading_is_a_lead_in(question, where):
    start = PAGE.index(question)
    assert placement(PAGE, question, start, start + len(question)) == where


def test_a_question_opening_a_paragraph_after_running_text_stays_in_the_text():
    text = PAGE.replace("Portmar Talks: What Comes Next for the River Deal", "The talks went on late into the night.")
    question = "Can the two sides agree on quotas before winter?"
    start = text.index(question)
    assert placement(text, question, start, start + len(question)) == "text"
