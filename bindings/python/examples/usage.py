"""A typed tour of the Python API, checked with ``mypy --strict`` by scripts/test-python.sh and
run by the test suite. It follows the README: rate Liverpool's published scores, read the
rating and explanation, load the published results into pandas, rate many at once."""

from __future__ import annotations

import datetime

import numpy as np
import numpy.typing as npt

import cqc_assurance as cqc


def liverpool() -> cqc.RatingResult:
    # Liverpool as listed in press coverage, QS1-QS9 in CQC's order.
    result: cqc.RatingResult = cqc.rate([2, 3, 3, 2, 2, 2, 2, 3, 3])
    assert result.rating == "requires_improvement"
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
    scores: list[int] = camden.scores or []
    return sum(scores)


def batch() -> list[str]:
    scores: npt.NDArray[np.uint8] = np.array([[2, 3, 3, 2, 2, 2, 2, 3, 3], [3, 3, 4, 3, 4, 4, 3, 4, 4]], dtype=np.uint8)
    ratings, percents = cqc.rate_many(scores)
    return [f"{cqc.RATINGS[int(r)]} {int(p)}%" for r, p in zip(ratings, percents)]


def timeline() -> datetime.date:
    t: cqc.Timeline = cqc.plan_timeline(
        notified=datetime.date(2025, 1, 6),
        actuals={"on_site_start": datetime.date(2025, 3, 18), "draft_report": datetime.date(2025, 4, 14)},
    )
    due: datetime.date = t.milestone("factual_accuracy_due").date
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
