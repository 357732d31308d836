"""Make the mutants of one module: small changes to its syntax tree that a good test notices.

Operators (the ones issue 17 names):

- ``compare``: every comparison flipped (``<`` to ``<=`` and ``>``, ``==`` to ``!=``, ``in`` to
  ``not in``, ``is`` to ``is not``...).
- ``number``: every number moved by one (``n + 1`` and ``n - 1``); ``True`` and ``False`` swapped.
- ``string``: every string constant changed (``"XX" + s + "XX"``; ``""`` becomes ``"XX"``), so a
  regex, a wording or a lookup key that no test pins shows up.
- ``boolop``: ``and`` and ``or`` swapped.
- ``delete``: every ``return`` and ``raise`` statement replaced by ``pass``.

Docstrings, annotations, the literal parts of f-strings (message wording, pinned by the tests'
``match=`` where it matters) and the entries of the module's data tables named in
``targets.toml`` (hundreds of country spellings are checked by tests that go through the whole
table, not by mutating each entry) are left alone.

Each mutant has an id that does not depend on line numbers, so the list of equivalent mutants
survives edits elsewhere in the module: ``function | operator | before -> after``, with ``#2``,
``#3``... when the same change occurs more than once in one function.
"""

from __future__ import annotations

import ast
import copy
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

_COMPARE_SWAPS: dict[type, tuple[type, ...]] = {
    ast.Lt: (ast.LtE, ast.Gt),
    ast.LtE: (ast.Lt, ast.GtE),
    ast.Gt: (ast.GtE, ast.Lt),
    ast.GtE: (ast.Gt, ast.LtE),
    ast.Eq: (ast.NotEq,),
    ast.NotEq: (ast.Eq,),
    ast.In: (ast.NotIn,),
    ast.NotIn: (ast.In,),
    ast.Is: (ast.IsNot,),
    ast.IsNot: (ast.Is,),
}
_SNIPPET = 70  # characters of source shown in an id


@dataclass(frozen=True)
class Mutant:
    """One change to a module: where it is, what it does, and how to make it."""

    id: str
    line: int
    operator: str
    node_index: int  # position of the changed node in ast.walk(tree)
    change: object  # what to put there; see _apply


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 3] + "..."


def _skipped_nodes(tree: ast.Module, data_tables: set[str]) -> set[int]:
    """Return the ids of nodes whose subtrees are not mutated."""
    skipped: set[int] = set()

    def skip(node: ast.AST | None) -> None:
        if node is not None:
            skipped.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skip(body[0])  # a docstring
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            skip(node.returns)
            for arg in ast.walk(node.args):
                if isinstance(arg, ast.arg):
                    skip(arg.annotation)
        elif isinstance(node, ast.AnnAssign):
            skip(node.annotation)
        elif isinstance(node, ast.JoinedStr):
            skipped.update(id(v) for v in node.values if isinstance(v, ast.Constant))
        elif isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            skip(node)
        elif isinstance(node, ast.ImportFrom | ast.Import):
            skip(node)
    for statement in tree.body:
        targets = _assigned_names(statement)
        if targets & data_tables:
            skip(statement.value)
        if "__all__" in targets:
            skip(statement)
    return skipped


def _assigned_names(statement: ast.stmt) -> set[str]:
    if isinstance(statement, ast.Assign):
        return {t.id for t in statement.targets if isinstance(t, ast.Name)}
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return {statement.target.id}
    return set()


def _owners(tree: ast.Module) -> dict[int, str]:
    """Map each node to the function (``Class.method``) or module-level name it belongs to."""
    owners: dict[int, str] = {}

    def visit(node: ast.AST, owner: str) -> None:
        for child in ast.iter_child_nodes(node):
            name = owner
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = child.name if owner == "<module>" else f"{owner}.{child.name}"
            elif owner == "<module>" and isinstance(child, ast.stmt):
                assigned = sorted(_assigned_names(child))
                name = assigned[0] if assigned else "<module>"
            owners[id(child)] = name
            visit(child, name)

    visit(tree, "<module>")
    return owners


def _changes(node: ast.AST) -> Iterator[tuple[str, str, str, object]]:
    """Yield (operator, before, after, change) for every mutation of one node."""
    if isinstance(node, ast.Compare):
        before = ast.unparse(node)
        for index, op in enumerate(node.ops):
            for swap in _COMPARE_SWAPS[type(op)]:
                mutated = copy.deepcopy(node)
                mutated.ops[index] = swap()
                yield "compare", before, ast.unparse(mutated), ("op", index, swap)
    elif isinstance(node, ast.BoolOp):
        swap = ast.Or if isinstance(node.op, ast.And) else ast.And
        mutated = copy.deepcopy(node)
        mutated.op = swap()
        yield "boolop", ast.unparse(node), ast.unparse(mutated), ("boolop", swap)
    elif isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool):
            yield "number", repr(value), repr(not value), ("value", not value)
        elif isinstance(value, int | float) and not isinstance(value, complex):
            for moved in (value + 1, value - 1):
                yield "number", repr(value), repr(moved), ("value", moved)
        elif isinstance(value, str):
            changed = "XX" + value + "XX" if value else "XX"
            yield "string", repr(value), repr(changed), ("value", changed)
    elif isinstance(node, ast.Return | ast.Raise):
        yield "delete", ast.unparse(node), "pass", ("delete",)


def make_mutants(source: str, data_tables: set[str] = frozenset()) -> list[Mutant]:
    """Return every mutant of a module's source, in source order.

    Parameters
    ----------
    source : str
        The module's code.
    data_tables : set of str
        Module-level names whose literal entries are not mutated one by one.
    """
    tree = ast.parse(source)
    skipped = _skipped_nodes(tree, set(data_tables))
    owners = _owners(tree)
    found = []
    for index, node in enumerate(ast.walk(tree)):
        if id(node) in skipped:
            continue
        position = (getattr(node, "lineno", 0), getattr(node, "col_offset", 0), index)
        for operator, before, after, change in _changes(node):
            base = f"{owners.get(id(node), '<module>')} | {operator} | "
            base += f"{_short(before)} -> {_short(after)}"
            found.append((position, base, operator, index, change))
    # Number repeated changes in source order: "#2" is the second one down the function.
    mutants: list[Mutant] = []
    seen: Counter[str] = Counter()
    for (line, _column, _index), base, operator, index, change in sorted(found, key=_first_two):
        seen[base] += 1
        mutant_id = base if seen[base] == 1 else f"{base} #{seen[base]}"
        mutants.append(Mutant(mutant_id, line, operator, index, change))
    return mutants


def mutated_tree(source: str, mutant: Mutant) -> ast.Module:
    """Return the syntax tree of the module with one mutant applied."""
    tree = ast.parse(source)
    nodes = list(ast.walk(tree))
    node = nodes[mutant.node_index]
    kind, *args = mutant.change
    if kind == "op":
        index, swap = args
        node.ops[index] = swap()
    elif kind == "boolop":
        node.op = args[0]()
    elif kind == "value":
        node.value = args[0]
    elif kind == "delete":
        _replace_statement(tree, node, ast.copy_location(ast.Pass(), node))
    return ast.fix_missing_locations(tree)


def _replace_statement(tree: ast.Module, old: ast.stmt, new: ast.stmt) -> None:
    for parent in ast.walk(tree):
        for _field, value in ast.iter_fields(parent):
            if isinstance(value, list) and any(item is old for item in value):
                value[[item is old for item in value].index(True)] = new
                return
    raise LookupError("statement not found in its tree")


def _first_two(item: tuple) -> tuple:
    return item[0], item[1]
