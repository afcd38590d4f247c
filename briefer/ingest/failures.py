"""The internal signal that one input cannot be used; it becomes an InputFailure, never an exit."""


class BadInput(Exception):
    """An input (file, line, feed, URL) that is skipped; the message is the reason a user reads."""
