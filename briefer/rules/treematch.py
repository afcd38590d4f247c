"""Dependency patterns matched by search from an indexed anchor: spaCy's DependencyMatcher's results, faster.

spaCy's DependencyMatcher checks every node of every pattern at every token (a Python call per `IN` list and
token) and then tries the Cartesian product of the candidates in each sentence; with briefer's rules that cost
about 0.6 of parse time. Here the anchor's candidates come from a per-Doc index of one attribute it names, and
every other node is reached by following the pattern's operators (spaCy's own operator functions) from a token
already placed, checked one token at a time. Patterns whose nodes use more than equality and `IN`/`NOT_IN`
lists of the attributes below stay on a spaCy DependencyMatcher, so every valid pattern still works.

spaCy keeps only the matches whose tokens share one dependency tree. Following tree operators from the anchor
stays in its tree, and the precedence operators (`.`, `;`, ...) stop at the sentence, which on a parsed Doc
is one tree (spaCy refuses to set sentence starts that would split it: E043).

Most anchors lead nowhere: "a verb with a subject and 'at the head of' a delegation" is tried at every verb. So a
pattern of tree operators only is searched only from the anchors whose tree holds, for every node that names
its words (a LEMMA, LOWER, ORTH or NORM value: few tokens have it), a token passing that node's tests
(`TreePattern.screened`): the other anchors cannot reach one, as tree operators never leave the anchor's tree.
The matches and their order are the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# Attributes searched here, in the order of the per-Doc columns; the first ones index an anchor best.
ATTRIBUTES = ("LEMMA", "LOWER", "ORTH", "NORM", "TAG", "ENT_TYPE", "POS", "DEP", "SHAPE")
ALIASES = {"TEXT": "ORTH"}
PRECEDENCE_OPERATORS = frozenset({".", ".*", ";", ";*"})  # they leave the tree: every other operator stays in it
WORD_COLUMNS = 4  # LEMMA, LOWER, ORTH, NORM: a node testing one of them has few candidates, worth screening with


@dataclass(frozen=True)
class AttributeTest:
    """One attribute test of a node: a column of the Doc's array and the values it must (not) be among."""

    column: int
    values: frozenset[int]
    negated: bool


@dataclass(frozen=True)
class Node:
    """A pattern node: its parent's index and operator (none for the anchor), its attribute tests, and the test
    whose index gives its candidates (not negated, on the most telling column; None if it has none)."""

    parent: int
    operator: str
    tests: tuple[AttributeTest, ...]
    indexed: AttributeTest | None = None


@dataclass(frozen=True)
class TreePattern:
    """A compiled pattern: its key and nodes, the anchor first and every parent before its children; `screened`:
    the nodes whose candidates an anchor's tree must hold (none for a pattern that may leave the tree)."""

    key: str
    nodes: tuple[Node, ...]
    screened: tuple[Node, ...] = ()


def _tests(attrs: dict, vocab: Vocab) -> tuple[AttributeTest, ...] | None:
    """A node's RIGHT_ATTRS as tests, or None if it uses anything this module does not search."""
    tests = []
    for name, wanted in attrs.items():
        name = ALIASES.get(str(name).upper(), str(name).upper())
        if name not in ATTRIBUTES:
            return None
        column = ATTRIBUTES.index(name)
        if isinstance(wanted, str):
            tests.append(AttributeTest(column, frozenset({vocab.strings.add(wanted)}), negated=False))
            continue
        if not isinstance(wanted, dict) or not wanted:
            return None
        for operator, values in wanted.items():
            if str(operator).upper() not in ("IN", "NOT_IN") or not all(isinstance(v, str) for v in values):
                return None
            ids = frozenset(vocab.strings.add(v) for v in values)
            tests.append(AttributeTest(column, ids, negated=str(operator).upper() == "NOT_IN"))
    return tuple(tests)


def compile_tree_pattern(key: str, pattern: list[dict], vocab: Vocab) -> TreePattern | None:
    """A valid spaCy dependency pattern as a TreePattern, or None if a node needs spaCy's own matcher."""
    position = {node["RIGHT_ID"]: index for index, node in enumerate(pattern)}
    nodes = []
    for index, node in enumerate(pattern):
        tests = _tests(node["RIGHT_ATTRS"], vocab)
        if tests is None:
            return None
        parent = position[node["LEFT_ID"]] if index else -1
        indexable = [test for test in tests if not test.negated]
        indexed = min(indexable, key=lambda test: test.column) if indexable else None
        nodes.append(Node(parent, node.get("REL_OP", ""), tests, indexed))
    in_tree = not any(node.operator in PRECEDENCE_OPERATORS for node in nodes)
    screened = tuple(node for node in nodes[1:]
                     if in_tree and node.indexed is not None and node.indexed.column < WORD_COLUMNS)
    return TreePattern(key, tuple(nodes), screened)


class _DocView:
    """What a search needs of one Doc: attribute columns, lazy value indexes and operator results."""

    def __init__(self, doc: Doc, operators: dict, attribute_ids: list[int]):
        self.doc = doc
        self.columns = doc.to_array(attribute_ids).T.tolist()
        self._operators = operators
        self._indexes: dict[int, dict[int, list[int]]] = {}
        self._related: dict[tuple[int, str], list[int]] = {}
        self._roots: list[int] | None = None
        self._trees: dict[Node, set[int]] = {}
        self._positions: dict[AttributeTest, list[int]] = {}  # patterns share their nodes' tests (a verb list)
        self._candidates: dict[Node, list[int]] = {}

    def positions(self, test: AttributeTest) -> list[int]:
        """The tokens, in order, whose column value passes a (not negated) test."""
        found = self._positions.get(test)
        if found is None:
            found = self._positions[test] = self._index_lookup(test)
        return found

    def _index_lookup(self, test: AttributeTest) -> list[int]:
        index = self._indexes.get(test.column)
        if index is None:
            index = self._indexes[test.column] = {}
            for position, value in enumerate(self.columns[test.column]):
                index.setdefault(value, []).append(position)
        return sorted(p for value in index.keys() & test.values for p in index[value])  # a set intersection in C

    def passes(self, node: Node, position: int) -> bool:
        """Whether the token at a position passes every test of a node."""
        columns = self.columns
        for test in node.tests:
            if (columns[test.column][position] in test.values) == test.negated:
                return False
        return True

    def candidates(self, node: Node) -> list[int]:
        """The tokens, in order, that pass every test of a node: from the index of its indexed test, else all."""
        found = self._candidates.get(node)
        if found is None:
            scanned = self.positions(node.indexed) if node.indexed is not None else range(len(self.doc))
            found = self._candidates[node] = [p for p in scanned if self.passes(node, p)]
        return found

    def roots(self) -> list[int] | None:
        """The root of each token's tree (following heads), or None if the heads do not form trees."""
        if self._roots is None:
            import numpy
            from spacy.attrs import HEAD

            heads = numpy.arange(len(self.doc)) + self.doc.to_array([HEAD]).astype(numpy.int64).reshape(-1)
            roots = heads
            for _ in range(len(self.doc)):
                above = heads[roots]
                if (above == roots).all():
                    break
                roots = above
            else:
                return None  # a cycle of heads: no screening
            self._roots = roots.tolist()
        return self._roots

    def trees_holding(self, node: Node) -> set[int]:
        """The roots of the trees that hold a token passing a node's tests."""
        found = self._trees.get(node)
        if found is None:
            roots = self.roots()
            found = self._trees[node] = {roots[p] for p in self.candidates(node)}
        return found

    def reachable(self, pattern: TreePattern, anchors: list[int]) -> list[int]:
        """The anchors from which the pattern may match: those whose tree holds a candidate of every screened
        node (all of them for an unscreened pattern, or heads that form no trees)."""
        if not pattern.screened or not anchors or self.roots() is None:
            return anchors
        roots = self.roots()
        trees: set[int] | None = None
        for node in pattern.screened:
            trees = self.trees_holding(node) if trees is None else trees & self.trees_holding(node)
            if not trees:
                return []
        return [anchor for anchor in anchors if roots[anchor] in trees]

    def related(self, position: int, operator: str) -> list[int]:
        """The tokens an operator reaches from a token, in order (spaCy's operator functions, cached)."""
        found = self._related.get((position, operator))
        if found is None:
            found = sorted({token.i for token in self._operators[operator](self.doc, position)})
            self._related[(position, operator)] = found
        return found


class TreeMatcher:
    """A drop-in for spaCy's DependencyMatcher over the patterns briefer compiles: same patterns, same matches."""

    def __init__(self, vocab: Vocab):
        import spacy.attrs
        from spacy.matcher import DependencyMatcher

        self.vocab = vocab
        self.patterns: list[TreePattern] = []
        self.fallback = DependencyMatcher(vocab)  # patterns beyond the searched attributes
        self._operators = self.fallback._ops  # spaCy's own REL_OP implementations: the same semantics
        self._attribute_ids = [getattr(spacy.attrs, name) for name in ATTRIBUTES]
        self._raw: dict[str, list[dict]] = {}

    def __len__(self) -> int:
        return len(self._raw)

    def add(self, key: str, pattern: list[dict]) -> None:
        """Validate a pattern with spaCy (raising its errors) and add it under a key."""
        from spacy.matcher import DependencyMatcher

        DependencyMatcher(self.vocab, validate=True).add(key, [pattern])
        self._raw[key] = pattern
        compiled = compile_tree_pattern(key, pattern, self.vocab)
        if compiled is None:
            self.fallback.add(key, [pattern])
        else:
            self.patterns.append(compiled)

    def get(self, key: str) -> tuple[None, list[list[dict]]] | None:
        """The pattern stored under a key, shaped like spaCy's `DependencyMatcher.get`."""
        return (None, [self._raw[key]]) if key in self._raw else None

    def __call__(self, doc: Doc) -> list[tuple[str, list[int]]]:
        """Every match as (key, token index per node), patterns in the order they were added."""
        view = _DocView(doc, self._operators, self._attribute_ids)
        found = []
        for pattern in self.patterns:
            reachable = view.reachable(pattern, view.candidates(pattern.nodes[0]))
            found += [(pattern.key, tokens) for tokens in _search(pattern, reachable, view)]
        if len(self.fallback):
            found += [(doc.vocab.strings[key], tokens) for key, tokens in self.fallback(doc)]
        return found


def _search(pattern: TreePattern, anchors: list[int], view: _DocView) -> Iterator[list[int]]:
    """Every assignment of tokens to the pattern's nodes, the first among the anchors, that passes every test
    and operator."""
    nodes, size = pattern.nodes, len(pattern.nodes)
    placed = [0] * size

    def extend(index: int) -> Iterator[list[int]]:
        if index == size:
            yield list(placed)
            return
        node = nodes[index]
        parent = placed[node.parent]
        for position in view.related(parent, node.operator):
            if not view.passes(node, position):
                continue
            placed[index] = position
            yield from extend(index + 1)

    for anchor in anchors:
        placed[0] = anchor
        yield from extend(1)
