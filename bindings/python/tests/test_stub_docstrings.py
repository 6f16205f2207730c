"""The docstrings of the hand-written stubs are the module's own: every function, class, method
and property the stubs declare by hand (outside the generated regions) carries, as its
docstring, the ``__doc__`` of the built module's object (the Rust doc comment, written once),
without its doctest examples, on one line, code in ``double backquotes``. This test fails while
one differs; with ``CQC_ASSURANCE_REGENERATE=1`` it rewrites them (``scripts/generate.sh``)."""

from __future__ import annotations

import ast
import inspect
import os
from typing import Any, Iterator, Optional, Union

import cqc_assurance._native as native
from conftest import REPO

STUB = REPO / "bindings" / "python" / "python" / "cqc_assurance" / "_native.pyi"


def stub_docstring(doc: Optional[str]) -> Optional[str]:
    """A runtime docstring as the stubs carry it: its prose without the doctest examples (a
    ``>>>`` line and what follows it up to a blank line), whitespace joined, code in double
    backquotes; None for an object without one."""
    if not doc or not doc.strip():
        return None
    kept: list[str] = []
    in_example = False
    for line in inspect.cleandoc(doc).splitlines():
        text = line.strip()
        if text.startswith(">>>"):
            in_example = True
        elif in_example and not text:
            in_example = False
        elif not in_example:
            kept.append(text)
    prose = " ".join(" ".join(kept).split()).replace("``", "`")
    return "``".join(prose.split("`")) or None


def generated_lines(lines: list[str]) -> set[int]:
    """The line numbers (1-based) inside the generated regions."""
    inside, out = False, set()
    for n, line in enumerate(lines, 1):
        if line.lstrip().startswith("# @generated"):
            inside = True
        if inside:
            out.add(n)
        if line.lstrip().startswith("# end of generated"):
            inside = False
    return out


Node = Union[ast.FunctionDef, ast.ClassDef]


def declared(tree: ast.Module, generated: set[int]) -> Iterator[tuple[str, Node, Any]]:
    """Every hand-declared item with its object in the module: functions, classes, and their
    methods and properties (dunder methods, whose documentation is Python's, and overloads
    left out)."""

    def wanted(node: Node) -> bool:
        overload = any(ast.unparse(d) == "overload" for d in node.decorator_list)
        dunder = node.name.startswith("__") and node.name.endswith("__")
        return node.lineno not in generated and not overload and not dunder

    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and wanted(node) and hasattr(native, node.name):
            yield node.name, node, getattr(native, node.name)
        elif isinstance(node, ast.ClassDef) and hasattr(native, node.name):
            cls = getattr(native, node.name)
            if wanted(node):
                yield node.name, node, cls
            for f in node.body:
                if isinstance(f, ast.FunctionDef) and wanted(f) and hasattr(cls, f.name):
                    yield f"{node.name}.{f.name}", f, getattr(cls, f.name)


def current(node: Node) -> Optional[ast.Expr]:
    """The node's docstring statement, if it has one."""
    first = node.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        if isinstance(first.value.value, str):
            return first
    return None


def quoted(text: str, indent: int) -> str:
    escaped = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return " " * indent + f'"""{escaped}"""'


def differences() -> tuple[list[str], list[tuple[Node, Optional[str]]], list[str]]:
    lines = STUB.read_text().splitlines()
    tree = ast.parse("\n".join(lines))
    wrong, edits = [], []
    for name, node, obj in declared(tree, generated_lines(lines)):
        want = stub_docstring(getattr(obj, "__doc__", None))
        doc = current(node)
        have = doc.value.value if doc is not None else None  # type: ignore[union-attr]
        if have != want:
            wrong.append(f"{name}: the stub says {have!r}, the module {want!r}")
            edits.append((node, want))
    return wrong, edits, lines


def rewrite(edits: list[tuple[Node, Optional[str]]], lines: list[str]) -> str:
    # From the bottom up, so that the line numbers of the edits still to make hold.
    for node, want in sorted(edits, key=lambda e: e[0].lineno, reverse=True):
        doc = current(node)
        indent = node.col_offset + 4
        body = node.body[0]
        if doc is not None:
            new = [quoted(want, indent)] if want else [" " * indent + "..."]
            lines[doc.lineno - 1 : doc.end_lineno] = new
        elif want is not None:
            # `def f(...) -> X: ...`: the ellipsis becomes the docstring on a line of its own.
            assert isinstance(body, ast.Expr) and body.value.value is Ellipsis  # type: ignore[attr-defined]
            last = body.lineno - 1
            head = lines[last]
            assert head.rstrip().endswith(": ..."), head
            lines[last] = head.rstrip()[: -len(" ...")]
            lines.insert(last + 1, quoted(want, indent))
    return "\n".join(lines) + "\n"


def test_the_stubs_docstrings_are_the_module_s() -> None:
    wrong, edits, lines = differences()
    if wrong and os.environ.get("CQC_ASSURANCE_REGENERATE"):
        STUB.write_text(rewrite(edits, lines))
        wrong, _, _ = differences()
    assert not wrong, (
        "the stubs' docstrings differ from the module's (run scripts/generate.sh):\n"
        + "\n".join(wrong[:20])
    )


def test_the_docstring_of_the_stubs_is_the_prose_of_the_module_s() -> None:
    # The conversion itself, on a docstring with an example, code and wrapped lines.
    doc = "The rating, e.g. `good`.\n\n>>> rate([4] * 9).rating\n'outstanding'\n\nThen  more\n  text."
    assert stub_docstring(doc) == "The rating, e.g. ``good``. Then more text."
    assert stub_docstring(None) is None and stub_docstring("  ") is None
    # And the check sees every kind of item: functions, classes, methods, properties.
    lines = STUB.read_text().splitlines()
    names = {n for n, _, _ in declared(ast.parse("\n".join(lines)), generated_lines(lines))}
    assert {"rate", "Timeline", "Timeline.to_ical", "RatingMethod.in_force_from"} <= names
    assert len(names) > 100
