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

from collections.abc import Iterator, Sequence
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


# The pattern parts below compare and hash by identity (eq=False): a TreeMatcher makes one object of equal parts
# (`_Parts`), so that the per-Doc caches, looked up for every pattern of every Doc, hash an address rather than
# nested tuples of frozensets, and patterns sharing a test (a verb list) share its cached positions.
@dataclass(frozen=True, eq=False)
class AttributeTest:
    """One attribute test of a node: a column of the Doc's array and the values it must (not) be among."""

    column: int
    values: frozenset[int]
    negated: bool


@dataclass(frozen=True, eq=False)
class Check:
    """What a token must be to fill a node: its attribute tests, and the test whose index gives its candidates
    (not negated, on the most telling column; None if it has none)."""

    tests: tuple[AttributeTest, ...]
    indexed: AttributeTest | None = None


@dataclass(frozen=True)
class Node:
    """A pattern node: its parent's index and operator (none for the anchor), and the check its token passes."""

    parent: int
    operator: str
    check: Check


@dataclass(frozen=True)
class TreePattern:
    """A compiled pattern: its key and nodes, the anchor first and every parent before its children; `screened`:
    the checks of the nodes whose candidates an anchor's tree must hold (none for a pattern that may leave the
    tree)."""

    key: str
    nodes: tuple[Node, ...]
    screened: tuple[Check, ...] = ()


class _Parts:
    """One object for each distinct attribute test and check of a TreeMatcher's patterns (see AttributeTest)."""

    def __init__(self) -> None:
        self._made: dict[tuple, AttributeTest | Check] = {}

    def test(self, column: int, values: frozenset[int], negated: bool) -> AttributeTest:
        key = ("test", column, values, negated)
        if key not in self._made:
            self._made[key] = AttributeTest(column, values, negated)
        return self._made[key]

    def check(self, tests: tuple[AttributeTest, ...]) -> Check:
        key = ("check", tests)
        if key not in self._made:
            indexable = [test for test in tests if not test.negated]
            indexed = min(indexable, key=lambda test: test.column) if indexable else None
            self._made[key] = Check(tests, indexed)
        return self._made[key]


def _tests(attrs: dict, vocab: Vocab, parts: _Parts) -> tuple[AttributeTest, ...] | None:
    """A node's RIGHT_ATTRS as tests, or None if it uses anything this module does not search."""
    tests = []
    for name, wanted in attrs.items():
        name = ALIASES.get(str(name).upper(), str(name).upper())
        if name not in ATTRIBUTES:
            return None
        column = ATTRIBUTES.index(name)
        if isinstance(wanted, str):
            tests.append(parts.test(column, frozenset({vocab.strings.add(wanted)}), negated=False))
            continue
        if not isinstance(wanted, dict) or not wanted:
            return None
        for operator, values in wanted.items():
            if str(operator).upper() not in ("IN", "NOT_IN") or not all(isinstance(v, str) for v in values):
                return None
            ids = frozenset(vocab.strings.add(v) for v in values)
            tests.append(parts.test(column, ids, negated=str(operator).upper() == "NOT_IN"))
    return tuple(tests)


def compile_tree_pattern(key: str, pattern: list[dict], vocab: Vocab,
                         parts: _Parts | None = None) -> TreePattern | None:
    """A valid spaCy dependency pattern as a TreePattern, or None if a node needs spaCy's own matcher; `parts`:
    the tests and checks of the patterns compiled before, shared with them."""
    parts = parts or _Parts()
    position = {node["RIGHT_ID"]: index for index, node in enumerate(pattern)}
    nodes = []
    for index, node in enumerate(pattern):
        tests = _tests(node["RIGHT_ATTRS"], vocab, parts)
        if tests is None:
            return None
        parent = position[node["LEFT_ID"]] if index else -1
        nodes.append(Node(parent, node.get("REL_OP", ""), parts.check(tests)))
    in_tree = not any(node.operator in PRECEDENCE_OPERATORS for node in nodes)
    screened = tuple(node.check for node in nodes[1:]
                     if in_tree and node.check.indexed is not None and node.check.indexed.column < WORD_COLUMNS)
    return TreePattern(key, tuple(nodes), screened)


def _groups(values) -> dict[int, list[int]]:
    """The positions of a numpy array grouped by value, each group in order: a stable sort and cuts in numpy, in
    place of a Python loop over every token (the index of a column, the children of each head)."""
    import numpy

    if not len(values):
        return {}
    order = numpy.argsort(values, kind="stable")
    ordered = values[order]
    cuts = (numpy.flatnonzero(ordered[1:] != ordered[:-1]) + 1).tolist()
    starts, ends, positions = [0, *cuts], [*cuts, len(values)], order.tolist()
    return {value: positions[start:end]
            for value, start, end in zip(ordered[starts].tolist(), starts, ends, strict=True)}


class _Columns(dict):
    """The Doc's attribute columns by index in ATTRIBUTES, each made a list when a test first reads it (the
    built-in rules read six of the nine)."""

    def __init__(self, array) -> None:
        super().__init__()
        self.array = array

    def __missing__(self, column: int) -> list[int]:
        found = self[column] = self.array[:, column].tolist()
        return found


class _DocView:
    """What a search needs of one Doc: attribute columns, lazy value indexes and operator results."""

    def __init__(self, doc: Doc, operators: dict, attribute_ids: list[int]):
        self.doc = doc
        self.columns = _Columns(doc.to_array(attribute_ids).reshape(len(doc), len(attribute_ids)))
        self._operators = operators
        self._indexes: dict[int, dict[int, list[int]]] = {}
        self._related: dict[tuple[int, str], list[int]] = {}
        self._heads = None  # numpy array of each token's head
        self._children: dict[int, list[int]] | None = None
        self._roots: list[int] | None = None
        self._trees: dict[Check, set[int]] = {}
        self._positions: dict[AttributeTest, list[int]] = {}
        self._candidates: dict[Check, list[int]] = {}

    def positions(self, test: AttributeTest) -> list[int]:
        """The tokens, in order, whose column value passes a (not negated) test."""
        found = self._positions.get(test)
        if found is None:
            found = self._positions[test] = self._index_lookup(test)
        return found

    def _index_lookup(self, test: AttributeTest) -> list[int]:
        index = self._indexes.get(test.column)
        if index is None:
            index = self._indexes[test.column] = _groups(self.columns.array[:, test.column])
        if len(test.values) == 1:
            return index.get(next(iter(test.values)), [])  # in order already
        return sorted(p for value in index.keys() & test.values for p in index[value])  # a set intersection in C

    def passes(self, check: Check, position: int) -> bool:
        """Whether the token at a position passes every test of a check."""
        columns = self.columns
        for test in check.tests:
            if (columns[test.column][position] in test.values) == test.negated:
                return False
        return True

    def candidates(self, check: Check) -> list[int]:
        """The tokens, in order, that pass a check: from the index of its indexed test, else all."""
        found = self._candidates.get(check)
        if found is None:
            scanned = self.positions(check.indexed) if check.indexed is not None else range(len(self.doc))
            found = self._candidates[check] = [p for p in scanned if self.passes(check, p)]
        return found

    def heads(self):
        """The head of each token (itself for a root), as a numpy array."""
        if self._heads is None:
            import numpy
            from spacy.attrs import HEAD

            offsets = self.doc.to_array([HEAD]).astype(numpy.int64).reshape(-1)
            self._heads = numpy.arange(len(self.doc)) + offsets
        return self._heads

    def children(self) -> dict[int, list[int]]:
        """The children of each token that has any, in order: the tokens whose head it is (spaCy's
        `Token.children`; a root, its own head, is no child of itself)."""
        if self._children is None:
            import numpy

            heads = self.heads()
            self._children = _groups(numpy.where(heads == numpy.arange(len(heads)), -1, heads))
            self._children.pop(-1, None)
        return self._children

    def roots(self) -> list[int] | None:
        """The root of each token's tree (following heads), or None if the heads do not form trees."""
        if self._roots is None:
            heads = self.heads()
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

    def trees_holding(self, check: Check) -> set[int]:
        """The roots of the trees that hold a token passing a check."""
        found = self._trees.get(check)
        if found is None:
            roots = self.roots()
            found = self._trees[check] = {roots[p] for p in self.candidates(check)}
        return found

    def reachable(self, pattern: TreePattern) -> list[int]:
        """The anchors from which the pattern may match: those whose tree holds a candidate of every screened
        check (every anchor for an unscreened pattern, or heads that form no trees). The trees come first: most
        Docs lack a screened word of most patterns, and then the anchors need no look-up."""
        trees: set[int] | None = None
        if pattern.screened and self.roots() is not None:
            for check in pattern.screened:
                trees = self.trees_holding(check) if trees is None else trees & self.trees_holding(check)
                if not trees:
                    return []
        anchors = self.candidates(pattern.nodes[0].check)
        if trees is None or not anchors:
            return anchors
        roots = self.roots()
        return [anchor for anchor in anchors if roots[anchor] in trees]

    def related(self, position: int, operator: str) -> Sequence[int]:
        """The tokens an operator reaches from a token, in order: spaCy's operator functions (cached), but for
        the commonest two, a token's children (">") and its head ("<"), read from the heads."""
        if operator == ">":
            return self.children().get(position, ())
        if operator == "<":
            head = int(self.heads()[position])
            return (head,) if head != position else ()
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
        self._parts = _Parts()

    def __len__(self) -> int:
        return len(self._raw)

    def add(self, key: str, pattern: list[dict]) -> None:
        """Validate a pattern with spaCy (raising its errors) and add it under a key."""
        from spacy.matcher import DependencyMatcher

        DependencyMatcher(self.vocab, validate=True).add(key, [pattern])
        self._raw[key] = pattern
        compiled = compile_tree_pattern(key, pattern, self.vocab, self._parts)
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
            reachable = view.reachable(pattern)
            if reachable:
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
        for position in view.related(placed[node.parent], node.operator):
            if not view.passes(node.check, position):
                continue
            placed[index] = position
            yield from extend(index + 1)

    for anchor in anchors:
        placed[0] = anchor
        yield from extend(1)
