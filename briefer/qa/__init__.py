"""Brief QA (`briefer brief --check`): the problems a careful reader would send back, each with its item."""

from briefer.qa.brief import check_briefing, check_length, count_words
from briefer.qa.headlines import headlines
from briefer.qa.words import CheckWords

__all__ = ["CheckWords", "check_briefing", "check_length", "count_words", "headlines"]
