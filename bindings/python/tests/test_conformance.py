"""Runs the shared conformance vectors (tests/conformance/*.json) against the Python API.

Each case's op is run with the public Python functions, and the result's ``to_dict()`` is
compared with the expected JSON by the rules of tests/conformance/README.md. An op this runner
does not know fails its case: new vector files can never be skipped silently.
"""

from __future__ import annotations

import json
import math
from typing import Any, Callable

import pytest

import cqc_assurance as cqc

from conftest import CONFORMANCE


def _statement(inp: dict[str, Any]) -> dict[str, Any]:
    # The framework view, as every runner writes it.
    return cqc.QualityStatement(inp["name"]).to_dict()


OPS: dict[str, Callable[[Any], Any]] = {
    "rate": lambda inp: cqc.rate(inp).to_dict(),
    "explain": lambda inp: cqc.explain(inp).to_dict(),
    "improve": lambda inp: cqc.improvement_paths(inp["assessment"], target=inp["target"]).to_dict(),
    "probabilities": lambda inp: cqc.rating_probabilities(inp).to_dict(),
    "check_published": lambda inp: cqc.check_published(
        inp["assessment"], inp["rating"], inp.get("percent")
    ).to_dict(),
    "published_find": lambda inp: cqc.find_council(inp["name"]).to_dict(),
    "published_rank": lambda inp: cqc.rank_among_published(inp["scores"]).to_dict(),
    "statement": _statement,
    "bank_holidays": lambda inp: [d.to_dict() for d in cqc.england_bank_holidays(inp["year"])],
    "add_working_days": lambda inp: {
        "date": cqc.WorkingCalendar(closures=inp.get("closures"))
        .add_working_days(inp["date"], inp["days"])
        .isoformat()
    },
    "working_days_between": lambda inp: {
        "working_days": cqc.WorkingCalendar(closures=inp.get("closures")).working_days_between(
            inp["from"], inp["to"]
        )
    },
    "timeline": lambda inp: cqc.plan_timeline(inp).to_dict(),
    "timeline_ical": lambda inp: cqc.plan_timeline(inp["timeline"]).to_ical(inp["stamp"]),
    "workbook_check": lambda inp: cqc.check_workbook(inp["workbook"], as_of=inp["today"]).to_dict(),
    "evidence_csv_import": lambda inp: cqc.evidence_from_csv(inp["csv"]).to_dict(),
    "new_workbook": lambda inp: cqc.Workbook.starter(inp["council"]).to_dict(),
}


def _cases() -> list[Any]:
    files = sorted(CONFORMANCE.glob("*.json"))
    assert files, f"no conformance vectors in {CONFORMANCE}"
    out = []
    for f in files:
        for case in json.loads(f.read_text(encoding="utf-8"))["cases"]:
            out.append(pytest.param(case, id=f"{f.stem}: {case['name']}"))
    return out


CASES = _cases()


def test_vectors_were_found() -> None:
    # The suite must not pass on an empty directory.
    assert len(CASES) >= 60


def matches(expected: Any, actual: Any, path: str, failures: list[str]) -> None:
    """The README's matching rules: subset for objects, order for arrays, 1e-9 for numbers,
    ``$len`` and ``$contains``."""
    if isinstance(expected, dict) and "$len" in expected:
        if not isinstance(actual, list) or len(actual) != expected["$len"]:
            failures.append(f"{path}: expected an array of length {expected['$len']}, got {actual!r}")
    elif isinstance(expected, dict) and "$contains" in expected:
        needle = expected["$contains"]
        ok = (isinstance(actual, str) and needle in actual) or (
            isinstance(actual, list) and any(isinstance(a, str) and needle in a for a in actual)
        )
        if not ok:
            failures.append(f"{path}: expected something containing {needle!r}, got {actual!r}")
    elif isinstance(expected, dict):
        if not isinstance(actual, dict):
            failures.append(f"{path}: expected an object, got {actual!r}")
            return
        for k, v in expected.items():
            if k not in actual:
                failures.append(f"{path}.{k}: missing from the result")
            else:
                matches(v, actual[k], f"{path}.{k}", failures)
    elif isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            failures.append(f"{path}: expected {expected!r}, got {actual!r}")
            return
        for i, (e, a) in enumerate(zip(expected, actual)):
            matches(e, a, f"{path}[{i}]", failures)
    elif isinstance(expected, (int, float)) and not isinstance(expected, bool):
        ok = (
            isinstance(actual, (int, float))
            and not isinstance(actual, bool)
            and math.isclose(actual, expected, rel_tol=0, abs_tol=1e-9)
        )
        if not ok:
            failures.append(f"{path}: expected {expected!r}, got {actual!r}")
    elif expected != actual:
        failures.append(f"{path}: expected {expected!r}, got {actual!r}")


@pytest.mark.parametrize("case", CASES)
def test_conformance(case: dict[str, Any]) -> None:
    op = case["op"]
    assert op in OPS, f"conformance vector uses an op the Python runner does not know: {op}"
    assert ("expected" in case) != ("error" in case), "a case needs exactly one of expected and error"
    if "error" in case:
        with pytest.raises(cqc.CqcError) as info:
            OPS[op](case["input"])
        want = case["error"]
        assert info.value.code == want["code"], str(info.value)
        if "path" in want:
            assert info.value.path == want["path"], str(info.value)
    else:
        actual = OPS[op](case["input"])
        failures: list[str] = []
        matches(case["expected"], actual, "result", failures)
        assert not failures, "\n".join(failures)
