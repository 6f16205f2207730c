"""A typed tour of the Python API, checked with ``mypy --strict`` by scripts/test-python.sh and
run by the test suite. It follows the README: rate Liverpool's published scores, read the
rating and explanation, load the published results into pandas, rate many at once."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Literal, Optional, Sequence

from typing_extensions import assert_type

import numpy as np
import numpy.typing as npt
import pandas as pd

import cqc_assurance as cqc


def liverpool() -> cqc.RatingResult:
    # Liverpool as listed in press coverage, QS1-QS9 in CQC's order.
    result: cqc.RatingResult = cqc.rate([2, 3, 3, 2, 2, 2, 2, 3, 3])
    # A rating is typed as one of the four names, so a misspelt comparison is a type error.
    rating: Literal["inadequate", "requires_improvement", "good", "outstanding"] = result.rating
    assert rating == "requires_improvement"
    assert (result.percent, result.total, result.max) == (62, 22, 36)
    band: cqc.BandPosition = result.band
    assert band.points_to_next_rating == 1
    return result


def explain_and_check() -> list[str]:
    explanation: cqc.Explanation = cqc.explain({"partnerships": 2, "Safeguarding": 2, "QS9": 3})
    check: cqc.PublishedCheck = cqc.check_published([2, 3, 3, 2, 2, 2, 2, 3, 3], "good")
    corrections: list[str] = [f"{c.statement}: {c.published} -> {c.corrected}" for c in check.corrections]
    return explanation.steps + corrections


def published() -> int:
    results: cqc.PublishedResults = cqc.published_results()
    camden: cqc.PublishedResult = results.find("London Borough of Camden")
    scores: Sequence[int] = camden.scores or []
    return sum(scores)


def regions() -> pd.DataFrame:
    # Current results, Good or better, by region: the DataFrame is typed (pandas-stubs).
    df: pd.DataFrame = cqc.published_dataframe()
    current = df[df["current"] & df["rating"].notna()]
    at_least_good = current["rating"] >= "good"
    return at_least_good.groupby(current["region"]).mean().sort_values(ascending=False).to_frame("good_or_better")


def workbook(path: Path) -> cqc.WorkbookAnalysis:
    # A workbook opens from a path as well as from JSON text or a dict.
    return cqc.Workbook(path).analyse("2025-01-06")


def batch() -> list[str]:
    scores: npt.NDArray[np.uint8] = np.array([[2, 3, 3, 2, 2, 2, 2, 3, 3], [3, 3, 4, 3, 4, 4, 3, 4, 4]], dtype=np.uint8)
    ratings, percents = cqc.rate_many(scores)
    return [f"{cqc.RATINGS[int(r)]} {int(p)}%" for r, p in zip(ratings, percents)]


def timeline() -> datetime.date:
    t: cqc.Timeline = cqc.plan_timeline(
        notified=datetime.date(2025, 1, 6),
        actuals={"on_site_start": datetime.date(2025, 3, 18), "draft_report": datetime.date(2025, 4, 14)},
        today=datetime.date(2025, 4, 16),
    )
    # The records are typed: a type checker knows a milestone's date is a date, its state one
    # of four names, and that the status may be absent.
    due = t.milestone("factual_accuracy_due").date
    assert_type(due, datetime.date)
    state = t.milestones[0].state
    assert_type(state, Optional[Literal["done", "due_this_week", "overdue", "upcoming"]])
    assert_type(t.weeks_total, int)
    past = [m.name for m in t.milestones if (m.working_days_remaining or 0) < 0]
    print(past, t.status.week_number if t.status is not None else "no status date")
    return due


def errors() -> str:
    try:
        cqc.rate([2, 3, 3, 2, 5, 2, 2, 3, 3])
    except cqc.ScoreError as e:
        return f"{e.code} at {e.path}"
    return "no error"


if __name__ == "__main__":
    print(liverpool())
    print("\n".join(explain_and_check()))
    print(published(), batch(), timeline(), errors())
    print(regions())
    print(workbook(Path(__file__).parents[3] / "examples" / "liverpool-workbook.json"))
