"""Validating spaCy patterns before they are compiled: spaCy's own token schema, located to the key at fault."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from briefer.rules.schema import did_you_mean

DEPENDENCY_KEYS = ("RIGHT_ID", "RIGHT_ATTRS", "LEFT_ID", "REL_OP")
MANDATORY_OPS = re.compile(r"^(?:1|\+|\{[1-9]\d*(?:,\d*)?\})$")  # OP values that need the token there
SPACY_ERROR_RE = re.compile(r"^\[pattern -> (?P<token>\d+)(?: -> (?P<path>.*?))?\] (?P<message>.*)$")


@dataclass(frozen=True)
class PatternProblem:
    """One thing wrong in one pattern: where inside it (token index, then keys) and what."""

    loc: tuple[int | str, ...]
    message: str


@cache
def token_attributes() -> frozenset[str]:
    """The token attributes spaCy's pattern schema knows (LOWER, POS, ENT_TYPE, OP, ...)."""
    from spacy.schemas import TokenPattern

    return frozenset(f.alias or name.upper() for name, f in TokenPattern.model_fields.items())


@cache
def attribute_operators() -> frozenset[str]:
    """The operators an attribute's dict may use (IN, NOT_IN, REGEX, FUZZY, >=, ...)."""
    from spacy.schemas import TokenPatternNumber, TokenPatternString

    fields = [*TokenPatternString.model_fields.items(), *TokenPatternNumber.model_fields.items()]
    return frozenset((f.alias or name).upper() for name, f in fields)


@cache
def dependency_operators() -> tuple[str, ...]:
    """The REL_OP values spaCy's DependencyMatcher supports."""
    from spacy.matcher import DependencyMatcher
    from spacy.vocab import Vocab

    return tuple(DependencyMatcher(Vocab())._ops)  # an empty vocabulary: a language's costs a tokenizer (0.4 s)


def _located(token: dict, path: str) -> tuple[str, ...]:
    """The keys of spaCy's error path that are the user's own (dropping schema type names)."""
    keys: list[str] = []
    node: Any = token
    for part in path.split(" -> ") if path else []:
        if isinstance(node, dict) and part in node:
            keys.append(part)
            node = node[part]
    return tuple(keys)


def token_problems(tokens: list[dict]) -> list[PatternProblem]:
    """spaCy's validation of token dicts, one problem per key at fault, with a suggestion for typos."""
    from spacy.schemas import validate_token_pattern

    problems: dict[tuple, PatternProblem] = {}
    for error in validate_token_pattern(tokens):
        found = SPACY_ERROR_RE.match(error)
        if not found:
            problems.setdefault((), PatternProblem((), error))
            continue
        index = int(found["token"])
        keys = _located(tokens[index], found["path"] or "") if index < len(tokens) else ()
        loc = (index, *keys)
        message = found["message"]
        unknown_key = message == "Extra inputs are not permitted" and bool(keys)
        if (index, *keys[:1]) in problems and not unknown_key:
            continue  # one message per attribute, not one per member of spaCy's unions
        if unknown_key:
            known = token_attributes() if len(keys) == 1 else attribute_operators()
            what = "token attribute" if len(keys) == 1 else f"operator in {keys[0]}"
            message = f"unknown {what} '{keys[-1]}'{did_you_mean(keys[-1], known)}"
        elif keys:
            message = f"{'.'.join(keys)}: {message}"
        problems[(index, *keys[:1])] = PatternProblem(loc, f"token {index + 1}: {message}")
    return list(problems.values())


def dependency_problems(nodes: Any) -> list[PatternProblem]:
    """The structure of a DependencyMatcher pattern, then spaCy's validation of each node's RIGHT_ATTRS."""
    if not isinstance(nodes, list) or not nodes or not all(isinstance(n, dict) for n in nodes):
        return [PatternProblem((), "a dependency pattern is a list of node dicts")]
    problems: list[PatternProblem] = []
    declared: set[str] = set()
    for index, node in enumerate(nodes):
        where = f"node {index + 1}"
        misspelt = set()
        for key in node:
            if key not in DEPENDENCY_KEYS:
                hint = did_you_mean(key, DEPENDENCY_KEYS)
                misspelt.add(hint.split("'")[1] if hint else None)
                problems.append(PatternProblem((index, key), f"{where}: unknown key '{key}'{hint}"))
        needed = ("RIGHT_ID", "RIGHT_ATTRS") if index == 0 else DEPENDENCY_KEYS
        for key in needed:
            if key not in node and key not in misspelt:
                problems.append(PatternProblem((index,), f"{where}: missing {key}"))
        if index == 0 and ("LEFT_ID" in node or "REL_OP" in node):
            problems.append(PatternProblem((index,), f"{where}: the first node is the anchor: no LEFT_ID or REL_OP"))
        right_id, left_id = node.get("RIGHT_ID"), node.get("LEFT_ID")
        names = [(key, value) for key, value in (("RIGHT_ID", right_id), ("LEFT_ID", left_id))
                 if value is not None and not isinstance(value, str)]
        if names:
            problems += [PatternProblem((index, key), f"{where}: {key} is a name, not {value!r}")
                         for key, value in names]
            continue
        if right_id in declared:
            problems.append(PatternProblem((index, "RIGHT_ID"), f"{where}: RIGHT_ID '{right_id}' is used twice"))
        if index and left_id is not None and left_id not in declared:
            hint = did_you_mean(str(left_id), declared)
            problems.append(PatternProblem(
                (index, "LEFT_ID"), f"{where}: LEFT_ID '{left_id}' is not a RIGHT_ID of an earlier node{hint}"))
        if index and "REL_OP" in node and node["REL_OP"] not in dependency_operators():
            message = f"{where}: unknown REL_OP '{node['REL_OP']}'; known: {' '.join(dependency_operators())}"
            problems.append(PatternProblem((index, "REL_OP"), message))
        declared.add(right_id)
        attrs = node.get("RIGHT_ATTRS", {})
        if not isinstance(attrs, dict):
            problems.append(PatternProblem((index, "RIGHT_ATTRS"), f"{where}: RIGHT_ATTRS is a token dict"))
            continue
        for found in token_problems([attrs]):
            message = found.message.replace("token 1: ", f"{where}: ", 1)
            problems.append(PatternProblem((index, "RIGHT_ATTRS", *found.loc[1:]), message))
    return problems
