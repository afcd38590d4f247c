"""The views (`@capture.view`) and checks (`unless: [check]`) a rule may name, each registered by decorator where it
is written (briefer/extract/views.py, checks.py). The rule schema, the gate and the docs' tests read them here.

The rules stage sits below extract and cannot import it, so the registries fill when `briefer.extract` is imported;
reading an empty one is a programming error and says so, instead of calling every view unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Registered:
    """One view or check: its name in rule files, the function, and what the gate must know of it."""

    name: str
    function: Callable[..., Any]
    parse: bool = False  # a view that walks the dependency tree: a rule using it needs the parser
    needs_token: dict[str, Any] | None = None  # a check that keeps no match unless its sentence (or the one before)
    # holds such a token (a single-token pattern): the gate looks for it before parsing (briefer/rules/triggers.py)


class Registry:
    """Name -> registered function of one kind (views or checks), filled by the `register` decorator."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._entries: dict[str, Registered] = {}

    def register(self, name: str, *, parse: bool = False, needs_token: dict[str, Any] | None = None):
        """Decorator: register the function under `name` (a name registered twice is a programming error)."""

        def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
            if name in self._entries:
                raise ValueError(f"{self.kind} '{name}' registered twice")
            self._entries[name] = Registered(name, function, parse, needs_token)
            return function

        return decorate

    def entries(self) -> dict[str, Registered]:
        """Every registered entry by name."""
        if not self._entries:
            raise RuntimeError(f"no {self.kind}s registered: import briefer.extract before reading rules")
        return self._entries

    def names(self) -> frozenset[str]:
        """The names a rule may use."""
        return frozenset(self.entries())

    def __getitem__(self, name: str) -> Callable[..., Any]:
        return self.entries()[name].function


# Views are called view(span, lexicon) -> a value (a list gives one fact per item); checks check(match, lexicon)
# -> True when the match is to be dropped.
VIEWS = Registry("view")
CHECKS = Registry("check")
