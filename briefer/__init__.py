"""briefer: rule-based briefings on negotiations from news articles."""

__version__ = "0.1.0"
