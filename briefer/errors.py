"""One exception hierarchy; the CLI turns each into a one-line message and an exit code."""


class BrieferError(Exception):
    """Base of every error briefer reports to its user."""

    exit_code = 1


class UsageError(BrieferError):
    """The command line asks for something that cannot be done."""

    exit_code = 2


class ConfigError(BrieferError):
    """Bad configuration, rules or templates (file and line in the message)."""

    exit_code = 3


class NoInputError(BrieferError):
    """No usable article remains."""

    exit_code = 4


class RenderError(BrieferError):
    """A document could not be rendered."""

    exit_code = 5


class DeliveryError(BrieferError):
    """The brief could not be delivered; its files are still on disk."""

    exit_code = 6
