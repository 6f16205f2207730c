"""API.md's table of the API in each language, checked against the Python package: every
function the package exports is in the Python column, and every name there exists."""

import inspect
import re

import cqc_assurance

from conftest import REPO


def api_table_column(column: str) -> set[str]:
    """The names of one column of API.md's tables, each once."""
    names: set[str] = set()
    index = -1
    for line in (REPO / "API.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.split("|")[1:-1]]
        if cells[0] == "Task":
            index = cells.index(column)
        elif index > 0 and not cells[0].startswith("---"):
            names.update(re.findall(r"`([^`]+)`", cells[index]))
    return names


def test_every_listed_python_name_exists() -> None:
    listed = api_table_column("Python")
    assert len(listed) >= 40, listed
    missing = []
    for name in sorted(listed):
        owner: object = cqc_assurance
        for part in name.split("."):
            if not hasattr(owner, part):
                missing.append(name)
                break
            owner = getattr(owner, part)
    assert missing == []


def test_every_exported_function_is_listed() -> None:
    listed = api_table_column("Python")
    functions = [
        name
        for name in cqc_assurance.__all__
        if not name.startswith("_") and callable(getattr(cqc_assurance, name))
        and not inspect.isclass(getattr(cqc_assurance, name))
    ]
    assert len(functions) >= 25, functions
    assert [f for f in functions if f not in listed] == []
