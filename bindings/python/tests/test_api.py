"""The Python API as users rely on it: inputs in every accepted form, result objects, errors
with the core's codes, pandas, HTML, the batch API, the timeline and the workbook."""

from __future__ import annotations

import datetime
import doctest
import json
import math
from pathlib import Path

import numpy as np
import pytest

import cqc_assurance as cqc
from conftest import EXAMPLES, REPO

LIVERPOOL = [2, 3, 3, 2, 2, 2, 2, 3, 3]


def test_every_docstring_example_runs() -> None:
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    globs = {name: getattr(cqc, name) for name in cqc.__all__}
    tests = finder.find(cqc, "cqc_assurance", globs=globs)
    for name in cqc.__all__:
        obj = getattr(cqc, name)
        if callable(obj):
            tests += finder.find(obj, name, globs=dict(globs), module=False)
    examples = sum(len(t.examples) for t in tests)
    assert examples >= 30, f"only {examples} docstring examples found"
    for t in tests:
        runner.run(t)
    result = runner.summarize(verbose=False)
    assert result.failed == 0


def test_every_public_item_has_a_docstring() -> None:
    for name in cqc.__all__:
        obj = getattr(cqc, name)
        if callable(obj):
            assert obj.__doc__ and obj.__doc__.strip(), name


def test_liverpool_rates_requires_improvement_in_every_input_form() -> None:
    forms = [
        LIVERPOOL,
        tuple(LIVERPOOL),
        np.array(LIVERPOOL),
        np.array(LIVERPOOL, dtype=np.uint8),
        {qs.id: s for qs, s in zip(cqc.quality_statements(), LIVERPOOL)},
        {qs.name: s for qs, s in zip(cqc.quality_statements(), LIVERPOOL)},
        {qs.number: s for qs, s in zip(cqc.quality_statements(), LIVERPOOL)},
        {"version": 1, "method": "current", "scores": LIVERPOOL},
        json.dumps({"scores": LIVERPOOL}),
        cqc.Assessment(LIVERPOOL),
        [float(s) for s in LIVERPOOL],
    ]
    for form in forms:
        r = cqc.rate(form)
        assert (r.rating, r.percent, r.total, r.max) == ("requires_improvement", 62, 22, 36), form
        assert r.rating_label == "Requires improvement"
        assert math.isclose(r.percent_exact, 2200 / 36)
        assert r.band.points_to_next_rating == 1
        assert [s.score for s in r.statements] == LIVERPOOL


def test_result_objects() -> None:
    r = cqc.rate(LIVERPOOL)
    d = r.to_dict()
    assert d["rating"] == "requires_improvement" and d["band"]["next_rating"] == "good"
    assert json.loads(r.to_json()) == d
    assert repr(r).startswith("RatingResult(rating='requires_improvement', percent=62")
    html = r._repr_html_()
    assert "<table" in html and "requires_improvement" in html and "percent exact" in html
    assert r == cqc.rate(LIVERPOOL) and r != cqc.rate([3] * 9)
    assert r.statements[4].quality_statement.name == "Partnerships and communities"
    e = cqc.explain(LIVERPOOL)
    assert "rounded up to 62%" in str(e) and e.steps == e.to_dict()["steps"]
    plan = cqc.improvement_paths(LIVERPOOL)  # target defaults to good
    assert plan.target == "good" and len(plan.paths) == 9
    inc = plan.paths[0].increases[0]
    assert (inc.from_score, inc.to_score) == (2, 3)
    assert plan.paths[0].to_dict()["increases"][0]["from"] == 2


def test_not_assessed_and_earlier_method() -> None:
    r = cqc.rate([2, 3, 3, 2, 3, 2, 2, 3, None])
    assert (r.rating, r.max, r.assessed, r.percent) == ("good", 32, 8, 63)
    earlier = {
        "assessing-needs": {"peoples-experience": 3, "staff-and-leaders": 2, "partners": 3, "processes": 2}
    }
    r = cqc.rate(earlier, method="earlier")
    assert (r.method, r.rating, r.percent) == ("earlier", "good", 75)  # one statement scored 3
    assert r.statements[0].evidence is not None and r.statements[0].evidence.percent == 63
    a = cqc.Assessment(earlier, method=cqc.RatingMethod("earlier"))
    assert a.evidence_scores == {"assessing-needs": {"peoples-experience": 3, "staff-and-leaders": 2, "partners": 3, "processes": 2}}


def test_framework_objects() -> None:
    assert [t.number for t in cqc.themes()] == [1, 2, 3, 4]
    qs = cqc.quality_statements()
    assert [q.number for q in qs] == list(range(1, 10))
    assert cqc.QualityStatement("QS6") == cqc.QualityStatement("Safe pathways, systems and transitions")
    assert len({cqc.QualityStatement(n) for n in range(1, 10)}) == 9
    assert qs[0].url == cqc.FRAMEWORK_URL and qs[0].description
    cats = cqc.evidence_categories()
    assert [c.local_authority_use for c in cats].count("used") == 4
    assert cqc.method_in_force_on(datetime.date(2024, 5, 17)) == cqc.RatingMethod("earlier")
    assert cqc.method_in_force_on("2023-01-01") is None
    assert cqc.rating_methods()[1].in_force_until == datetime.date(2025, 6, 30)
    assert cqc.rating_band("Requires Improvement") == (39, 62)
    assert cqc.rating_for_total(23, 9) == ("good", 64)
    assert cqc.rating_for_total(40, 9) is None
    assert cqc.rating_for_percent(88) == "outstanding" and cqc.rating_for_percent(24) is None


def test_published_results_and_pandas() -> None:
    results = cqc.published_results()
    assert len(results) > 153 and len(results[:3]) == 3 and results[-1] == list(results)[-1]
    assert sum(1 for r in results if r.current) == 153
    liverpool = cqc.find_council("Liverpool City Council")
    assert liverpool.scores == LIVERPOOL and liverpool.rating == "good"
    assert (liverpool.gss_code, liverpool.region, liverpool.assessment_kind) == ("E08000012", "north_west", "baseline")
    manchester = cqc.find_council("Manchester")
    assert manchester.rating is None and manchester.assessment_kind is None and manchester.current
    check = liverpool.check()
    assert check is not None and not check.consistent
    assert any(c.statement == "partnerships" and c.corrected == 3 for c in check.corrections)
    assert [r.council for r, _ in results.conflicts()] == ["Liverpool"]
    df = cqc.published_dataframe()
    assert len(df) == len(results) and df["current"].sum() == 153
    row = df[df["council"] == "Camden"].iloc[0]
    assert row["total"] == 32 and row["rating"] == "outstanding"
    assert df["qs1"].isna().sum() == sum(1 for r in results if r.scores is None)
    assert "<table" in results._repr_html_()
    dist = cqc.statement_distribution()
    assert all(sum(d.counts) == d.councils for d in dist)
    ranking = cqc.rank_among_published([4] * 9)
    assert ranking.rank == 1 and ranking.higher == 0 and ranking.best_rank == 1
    assert ranking.out_of == ranking.councils + 1 and ranking.region is None


def test_the_shipped_csv_read_by_an_independent_reader() -> None:
    # The bundled file is byte for byte what `published --csv` writes (checked in Rust): read
    # with Python's csv module and pandas, it gives the records the library serves.
    import csv

    import pandas as pd

    path = REPO / "crates" / "cqc-assurance" / "data" / "la_published_results.csv"
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    records = list(cqc.published_results())
    assert len(rows) == len(records)
    labels = {"inadequate": "Inadequate", "requires_improvement": "Requires improvement", "good": "Good", "outstanding": "Outstanding"}
    for row, r in zip(rows, records):
        assert row["gss_code"] == r.gss_code and row["council"] == r.council
        assert (row["assessment_kind"] if row["assessment_kind"] != "none" else None) == r.assessment_kind
        scores = [row[f"qs{i}"] for i in range(1, 10)]
        assert ([int(x) for x in scores] if scores[0] else None) == r.scores
        assert (int(row["percent"]) if row["percent"] else None) == r.percent
        assert (row["percent_basis"] or None) == r.percent_basis
        assert (row["overall_rating"] or None) == (labels[r.rating] if r.rating else None)
        assert [u for u in row["source_url"].split(" ; ") if u] == r.sources
    df = pd.read_csv(path, dtype={"gss_code": str})
    assert df.shape == (len(records), 25)
    assert df["gss_code"].nunique() == 153
    assert sorted(df[df["assessment_kind"] == "none"]["gss_code"]) == sorted(
        r.gss_code for r in records if r.assessment_kind is None
    )


def test_csv_reading_reports_bad_rows() -> None:
    header = (
        "gss_code,council,region,council_type,assessment_kind,published,published_precision,"
        "qs1,qs2,qs3,qs4,qs5,qs6,qs7,qs8,qs9,total,assessed,percent,percent_basis,overall_rating,"
        "source_kind,source_url,cqc_report_url,note\n"
    )
    good = "E08000003,Manchester,,,baseline,2026-07,,2,3,3,2,2,2,2,3,3,,,,,Requires improvement,press,https://example.org,,\n"
    bad = "E08000001,Bolton,,,baseline,2026-07,,2,3,3,2,9,2,2,3,3,,,,,Good,press,https://example.org,,\n"
    data = cqc.PublishedResults.from_csv(header + good)
    assert data.find("Manchester").total == 22 and data.find("Manchester").percent == 62
    with pytest.raises(cqc.DocumentError) as info:
        cqc.PublishedResults.from_csv(header + good + bad)
    assert info.value.code == "invalid_csv" and info.value.path == "line 3: qs5"
    data, errors = cqc.PublishedResults.from_csv_lenient(header + good + bad)
    # Every council has a row: the one read, and one without an assessment for each other.
    assert len(data) == 153 and [e.code for e in errors] == ["invalid_csv"]


ERROR_CASES = [
    (lambda: cqc.rate([2, 3, 3, 2, 5, 2, 2, 3, 3]), cqc.ScoreError, "score_out_of_range", "scores[4]"),
    (lambda: cqc.rate([2, 3, 3, 2, 2.5, 2, 2, 3, 3]), cqc.ScoreError, "score_out_of_range", "scores[4]"),
    (lambda: cqc.rate([2, 3, 3, 2, float("inf"), 2, 2, 3, 3]), cqc.ScoreError, "score_out_of_range", "scores[4]"),
    (lambda: cqc.rate([2, 3, 3, 2, True, 2, 2, 3, 3]), cqc.ScoreError, "score_out_of_range", "scores[4]"),
    (lambda: cqc.rate([2, 3, 3, 2, 10**30, 2, 2, 3, 3]), cqc.ScoreError, "score_out_of_range", "scores[4]"),
    (lambda: cqc.rate([2, 3, 3]), cqc.AssessmentError, "wrong_length", "scores"),
    (lambda: cqc.rate([None] * 9), cqc.AssessmentError, "empty_assessment", "scores"),
    (lambda: cqc.rate({}), cqc.AssessmentError, "empty_assessment", "scores"),
    (lambda: cqc.rate({"wellbeing": 3}), cqc.UnknownNameError, "unknown_statement", "scores.wellbeing"),
    (lambda: cqc.rate({5: 3, "partnerships": 2}), cqc.AssessmentError, "duplicate_statement", "scores.partnerships"),
    (lambda: cqc.rate({5: 3, "5": 2}), cqc.DocumentError, "invalid_json", "5"),
    (lambda: cqc.rate("{"), cqc.DocumentError, "invalid_json", None),
    (lambda: cqc.rate(LIVERPOOL, method="2019"), cqc.UnknownNameError, "unknown_method", "method"),
    (lambda: cqc.rate(LIVERPOOL, method="earlier"), cqc.AssessmentError, "method_mismatch", "scores"),
    (lambda: cqc.rate({"method": "earlier", "evidence_scores": {"equity": {"partners": 3}}}, method="current"),
     cqc.AssessmentError, "method_mismatch", "method"),
    (lambda: cqc.improvement_paths(LIVERPOOL, target="excellent"), cqc.UnknownNameError, "unknown_rating", "target"),
    (lambda: cqc.check_published(LIVERPOOL, "good", 101), cqc.ScoreError, "invalid_percent", "percent"),
    (lambda: cqc.check_published(LIVERPOOL, "good", 300), cqc.ScoreError, "invalid_percent", "percent"),
    (lambda: cqc.check_published(LIVERPOOL, "good", -1), cqc.ScoreError, "invalid_percent", "percent"),
    (lambda: cqc.check_published(LIVERPOOL, "great"), cqc.UnknownNameError, "unknown_rating", "rating"),
    (lambda: cqc.rating_probabilities({"equity": [0.5, 0.5, 0.5, 0]}), cqc.ProbabilityError, "invalid_probability", "scores.equity"),
    (lambda: cqc.rating_probabilities({"equity": [float("nan"), 0.5, 0.5, 0]}), cqc.ProbabilityError, "invalid_probability", "scores.equity[0]"),
    (lambda: cqc.find_council("Narnia"), cqc.UnknownNameError, "unknown_council", None),
    (lambda: cqc.QualityStatement("asessing"), cqc.UnknownNameError, "unknown_statement", "."),
    (lambda: cqc.rate_many([[2, 3, 3, 2, 2, 2, 2, 3, 3], [1, 1, 1, 1, 7, 1, 1, 1, 1]]), cqc.ScoreError, "score_out_of_range", "scores[1][4]"),
    (lambda: cqc.rate_many(np.array([[2] * 9, [0] * 9])), cqc.AssessmentError, "empty_assessment", "scores[1]"),
    (lambda: cqc.rate_many(np.full((2, 9), 300, dtype=np.int64)), cqc.ScoreError, "score_out_of_range", "scores[0][0]"),
    (lambda: cqc.rate_many(np.full((2, 9), -1.0)), cqc.ScoreError, "score_out_of_range", "scores[0][0]"),
    (lambda: cqc.rate_many([[2] * 8]), cqc.AssessmentError, "wrong_length", "scores[0]"),
    (lambda: cqc.rate_many(np.ones((3, 8))), cqc.AssessmentError, "wrong_length", "scores[0]"),
    (lambda: cqc.plan_timeline({"notified": "2025-02-30"}), cqc.TimelineError, "invalid_date", "notified"),
    (lambda: cqc.Workbook({"version": 1, "council": "", "statements": {}}), cqc.WorkbookError, None, None),
]


@pytest.mark.parametrize("call, cls, code, path", ERROR_CASES)
def test_errors_carry_the_core_code_and_path(call, cls, code, path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(cls) as info:
        call()
    err = info.value
    assert isinstance(err, cqc.CqcError) and isinstance(err, ValueError)
    if code is not None:
        assert err.code == code, str(err)
    if path is not None:
        assert err.path == path, str(err)
    assert err.message == str(err) and err.family in str(type(err)).lower() or err.family
    assert err.message.startswith(err.path or "") or err.code in ("unknown_council",)


@pytest.mark.parametrize(
    "call",
    [
        lambda: cqc.rate(3),
        lambda: cqc.rate(b"[2,3]"),
        lambda: cqc.rate({2, 3}),
        lambda: cqc.rate([object()] * 9),
        lambda: cqc.rate({(1, 2): 3}),
        lambda: cqc.rate(LIVERPOOL, method=3),
        lambda: cqc.check_published(LIVERPOOL, 3),
        lambda: cqc.check_published(LIVERPOOL, "good", "89"),
        lambda: cqc.rate_many("2,3,3"),
        lambda: cqc.rate_many(np.ones(9)),
        lambda: cqc.rate_many(np.ones((2, 9), dtype=bool)),
        lambda: cqc.rate_many([["2"] * 9]),
        lambda: cqc.find_council(3),
        lambda: cqc.method_in_force_on(20240517),
    ],
)
def test_wrong_python_types_are_type_errors(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError):
        call()


def test_nesting_limit_is_an_error_not_a_crash() -> None:
    deep: list[object] = []
    cur = deep
    for _ in range(1000):
        nxt: list[object] = []
        cur.append(nxt)
        cur = nxt
    with pytest.raises(cqc.DocumentError):
        cqc.rate({"scores": deep})
    loop: list[object] = []
    loop.append(loop)
    with pytest.raises(cqc.DocumentError):
        cqc.rate({"scores": loop})


def test_rate_many_agrees_with_rate_and_marks_not_assessed() -> None:
    rows = [LIVERPOOL, [3, 3, 4, 3, 4, 4, 3, 4, 4], [2, 3, 3, 2, 3, 2, 2, 3, 0], [0, 0, 0, 0, 0, 0, 0, 0, 3]]
    for arr in (rows, np.array(rows, dtype=np.uint8), np.array(rows, dtype=np.int32), np.array(rows, dtype=float)):
        ratings, percents = cqc.rate_many(arr)
        assert ratings.dtype == np.uint8 and percents.dtype == np.uint8
        expected = [cqc.rate([s or None for s in row]) for row in rows]
        assert [cqc.RATINGS[r] for r in ratings] == [e.rating for e in expected]
        assert percents.tolist() == [e.percent for e in expected]
    with_nan = np.array(rows, dtype=float)
    with_nan[with_nan == 0] = np.nan
    assert cqc.rate_many(with_nan)[1].tolist() == cqc.rate_many(rows)[1].tolist()
    assert cqc.rate_many([[None if s == 0 else s for s in r] for r in rows])[1].tolist() == cqc.rate_many(rows)[1].tolist()
    # Non-contiguous views and pandas DataFrames.
    big = np.array(rows * 3, dtype=np.int64)
    assert cqc.rate_many(big[::3])[1].tolist() == cqc.rate_many(big)[1].tolist()[::3]
    import pandas as pd

    assert cqc.rate_many(pd.DataFrame(rows))[1].tolist() == cqc.rate_many(rows)[1].tolist()
    empty = cqc.rate_many(np.zeros((0, 9), dtype=np.uint8))
    assert empty[0].shape == (0,)


def test_rate_many_releases_the_gil() -> None:
    import threading

    scores = np.random.default_rng(1).integers(1, 5, size=(200_000, 9), dtype=np.uint8)
    out: list[object] = []
    threads = [threading.Thread(target=lambda: out.append(cqc.rate_many(scores))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(out) == 4


def test_a_large_batch_split_across_cores_rates_each_row_and_reports_the_first_error() -> None:
    # Above 200,000 rows per core the batch is rated in runs, one per core: the results are
    # those of rating each row alone, and an error names its row in the whole batch.
    rng = np.random.default_rng(7)
    scores = rng.integers(0, 5, size=(650_001, 9), dtype=np.uint8)
    scores[scores.sum(axis=1) == 0, 0] = 2
    ratings, percents = cqc.rate_many(scores)
    totals, assessed = scores.sum(axis=1, dtype=np.int64), (scores > 0).sum(axis=1)
    for i in rng.choice(len(scores), size=400, replace=False).tolist() + [0, 325_000, 650_000]:
        one = cqc.rate([int(s) or None for s in scores[i]])
        assert (cqc.RATINGS[ratings[i]], int(percents[i])) == (one.rating, one.percent), i
        assert (one.total, one.max) == (int(totals[i]), 4 * int(assessed[i]))
    bad = scores.copy()
    bad[612_345, 6] = 9
    bad[640_000, 1] = 8
    with pytest.raises(cqc.ScoreError) as err:
        cqc.rate_many(bad)
    assert err.value.path == "scores[612345][6]"
    bad[300_000, 0] = 5
    with pytest.raises(cqc.ScoreError) as err:
        cqc.rate_many(bad)
    assert err.value.path == "scores[300000][0]"


def test_timeline() -> None:
    t = cqc.plan_timeline(
        notified=datetime.date(2025, 1, 6),
        actuals={"on_site_start": datetime.date(2025, 3, 18), "draft_report": "2025-04-14"},
        today=datetime.date(2025, 2, 1),
    )
    fa = t.milestone("factual_accuracy_due")
    assert fa.date == datetime.date(2025, 4, 30) and isinstance(fa.date, datetime.date)
    assert isinstance(t, cqc.Timeline) and isinstance(t, cqc.Record)
    assert t.notified == datetime.date(2025, 1, 6)
    assert t.status is not None and t.status.today == datetime.date(2025, 2, 1)
    assert t.to_dict()["notified"] == "2025-01-06"
    assert "Factual accuracy" in t.to_text()
    visit = t.milestone("on_site_start")  # the earlier id names the visit
    assert (visit.id, visit.date, visit.end, visit.length_days) == (
        "visit", datetime.date(2025, 3, 18), datetime.date(2025, 3, 21), 4)
    assert t.milestone("visit_notice").basis == "inferred"
    assert t.status.week_number == 4
    moved = cqc.plan_timeline(notified="2026-11-23").milestone("publication")
    assert moved.date == datetime.date(2027, 5, 7) and "pre-election" in moved.moved_from
    flagged = cqc.plan_timeline({"notified": "2026-11-23", "pre_election": {"policy": "flag"}})
    assert flagged.milestone("publication").date == datetime.date(2027, 4, 26)
    assert flagged.issues[0].kind == "pre_election_period"
    ics = t.to_ical(datetime.date(2025, 2, 1))
    assert ics.startswith("BEGIN:VCALENDAR") and "DTSTAMP:20250201T000000Z\r\n" in ics
    status = t.status_on(datetime.date(2025, 4, 20))
    assert isinstance(status, cqc.TimelineStatus) and status.today == datetime.date(2025, 4, 20)
    hounslow = json.loads((EXAMPLES / "hounslow-timeline.json").read_text())
    assert cqc.plan_timeline(hounslow).to_dict() == cqc.plan_timeline(json.dumps(hounslow)).to_dict()
    cal = cqc.WorkingCalendar(closures=[datetime.date(2025, 12, 29)])
    assert not cal.is_working_day(datetime.date(2025, 12, 29))
    assert cal.non_working_reason("2025-12-25")
    assert cqc.easter_sunday(2025) == datetime.date(2025, 4, 20)
    assert len(cqc.england_bank_holidays(2025)) == 8
    with pytest.raises(AttributeError):
        _ = t.no_such_field


def test_workbook() -> None:
    text = (EXAMPLES / "liverpool-workbook.json").read_text()
    wb = cqc.Workbook(text)
    assert wb.council.startswith("Liverpool")
    a = wb.analyse(as_of=datetime.date(2025, 6, 30))
    assert isinstance(a, cqc.WorkbookAnalysis)
    assert a.prediction.probabilities.ratings[2].probability == 0.5
    report = wb.report(as_of="2025-06-30")
    assert report.html().startswith("<!DOCTYPE html>") and "# Liverpool" in report.markdown()
    check = cqc.check_workbook({"version": 1, "council": "", "statements": {}}, as_of="2025-06-30")
    assert not check.valid and sum(e.code == "missing_statement" for e in check.errors) == 9
    csv = wb.evidence_csv()
    imported = cqc.evidence_from_csv(csv)
    assert imported.errors == [] and cqc.evidence_to_csv(imported.items) == csv
    assert cqc.compare_with_england(14.36, 21.53, True, 1.0765) == "worse"


def test_workbook_preparation_parts() -> None:
    doc = json.loads((EXAMPLES / "liverpool-workbook.json").read_text())
    a = cqc.Workbook(json.dumps(doc)).analyse(as_of=datetime.date(2025, 4, 1))
    # Nine starter items; Starter 09 was due on 28 March: 4 days overdue on 1 April.
    assert a.information_return.total == 9
    assert a.information_return.overdue == ["Starter 09"]
    assert a.information_return.items[8].days_overdue == 4
    assert a.case_tracking.total == 6 and a.case_tracking.personal_data_warnings == 0
    assert a.interviews.visit.first == datetime.date(2025, 6, 27)
    # 2024 against now: six statements up, two the same, one (QS6, 2.5 expected -> 2) down.
    d = a.direction_of_travel
    assert (d.improved, d.unchanged, d.declined) == (6, 2, 1)
    assert [e.we_did for e in a.assurance_account] == [x["description"] for x in doc["actions"] if x["status"] == "done"]
    # Personal data in the case register: a warning at the field, never repeating the text.
    doc["case_tracking"][0]["notes"] = "born 12/03/1950"
    check = cqc.check_workbook(doc, as_of="2025-04-01")
    w = [w for w in check.warnings if w.path == "case_tracking[0].notes"]
    assert [x.code for x in w] == ["possible_date_of_birth"] and "1950" not in w[0].message
    # A bad field: its code and path.
    doc["case_tracking"][0]["status"] = "closed"
    check = cqc.check_workbook(doc, as_of="2025-04-01")
    assert [(e.code, e.path) for e in check.errors] == [("unknown_choice", "case_tracking[0].status")]


PARTS = ["evidence", "actions", "indicators", "information_return", "case_tracking", "interviews", "history"]


@pytest.mark.parametrize("part", PARTS)
def test_every_register_round_trips_through_csv(part: str, tmp_path: Path) -> None:
    wb = cqc.Workbook(EXAMPLES / "liverpool-workbook.json")
    csv = wb.register_csv(part)
    assert csv.startswith("\ufeff") and "\r\n" in csv
    # Read back as text, as bytes and from a file: the same workbook, every item replaced by itself.
    path = tmp_path / f"{part}.csv"
    path.write_text(csv, encoding="utf-8", newline="")
    items = len(wb.to_dict()[part])
    for data in (csv, csv.encode("utf-8"), path):
        imported = wb.import_csv(part, data)
        assert imported.written and imported.errors == [] and imported.rejected == 0
        assert imported.workbook is not None and imported.workbook.to_dict() == wb.to_dict()
        (change,) = imported.changes
        assert (change.part, change.before, change.after, change.unchanged) == (part, items, items, items)


def test_a_csv_import_that_would_lose_rows_writes_nothing() -> None:
    wb = cqc.Workbook(EXAMPLES / "liverpool-workbook.json")
    lines = wb.register_csv("case_tracking").splitlines(keepends=True)
    # One row too few: refused unless allowed, and merging keeps the one not in the file.
    shorter = "".join(lines[:-1])
    refused = wb.import_csv("case_tracking", shorter)
    assert not refused.written and refused.workbook is None
    assert [e.code for e in refused.errors] == ["fewer_items"]
    assert wb.import_csv("case_tracking", shorter, allow_fewer=True).workbook is not None
    merged = wb.import_csv("case_tracking", shorter, mode="merge")
    assert merged.workbook is not None and merged.workbook.to_dict() == wb.to_dict()
    # A bad row: nothing written, the row's error with its line; keep_good_rows writes the rest.
    bad = lines[0] + lines[1].replace("offered", "closed", 1) + "".join(lines[2:])
    rejected = wb.import_csv("case_tracking", bad)
    assert rejected.workbook is None and rejected.rejected == 1
    (error,) = rejected.errors
    assert (error.code, error.path) == ("invalid_csv", "line 2: status")
    assert "unknown case status" in error.message and "(cell D2)" in error.message
    kept = wb.import_csv("case_tracking", bad, keep_good_rows=True, allow_fewer=True)
    assert kept.workbook is not None and len(kept.workbook.to_dict()["case_tracking"]) == len(lines) - 2
    # The original is never changed.
    assert wb.to_dict() == cqc.Workbook(EXAMPLES / "liverpool-workbook.json").to_dict()


def test_csv_import_arguments_are_checked() -> None:
    wb = cqc.Workbook.blank("Anytown")
    with pytest.raises(cqc.CqcError) as err:
        wb.register_csv("evidnce")
    assert (err.value.code, err.value.path) == ("invalid_value", "part")
    assert "'information_return'" in str(err.value) or '"information_return"' in str(err.value)
    with pytest.raises(cqc.CqcError) as err:
        wb.import_csv("evidence", "", mode="add")
    assert (err.value.code, err.value.path) == ("invalid_value", "mode")
    with pytest.raises(TypeError, match="CSV text, bytes or the path"):
        wb.import_csv("evidence", 42)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError, match="no file"):
        wb.import_csv("evidence", Path("no-such-register.csv"))


def test_the_typed_usage_example_runs() -> None:
    import runpy
    from pathlib import Path

    runpy.run_path(str(Path(__file__).parents[1] / "examples" / "usage.py"), run_name="__main__")


def test_the_readme_python_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import REPO

    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index("```python\n") + len("```python\n")
    code = text[start : text.index("```\n", start)]
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "requires_improvement 62" in out and "partnerships" in out


def test_the_published_dataframe_has_the_dtypes_an_analyst_expects() -> None:
    import pandas as pd

    df = cqc.published_dataframe()
    records = list(cqc.published_results())
    # Dates: datetime64, the first day the published date can mean, with its precision beside it.
    assert pd.api.types.is_datetime64_any_dtype(df["published"])
    barnet = df[df["council"] == "Barnet"].iloc[0]
    assert barnet["published"] == pd.Timestamp("2025-01-01") and barnet["published_precision"] == "month"
    assert df["published"].isna().sum() == sum(1 for r in records if r.published is None)
    # Ratings: an ordered Categorical in CQC's order, so comparisons and sorting work.
    assert isinstance(df["rating"].dtype, pd.CategoricalDtype) and df["rating"].cat.ordered
    assert list(df["rating"].cat.categories) == list(cqc.RATINGS)
    assert (df["rating"] >= "good").sum() == sum(1 for r in records if r.rating in ("good", "outstanding"))
    assert df["rating"].isna().sum() == sum(1 for r in records if r.rating is None)
    # Scores and totals: nullable small integers, <NA> where no source states them.
    for column in [f"qs{i}" for i in range(1, 10)] + ["total", "assessed", "percent"]:
        assert str(df[column].dtype) == "Int8", column
    assert df["gss_code"].str.match(r"^E(0[6-9]|10)\d{6}$").all()
    # A regional comparison, as the README shows it.
    current = df[df["current"] & df["rating"].notna()]
    share = (current["rating"] >= "good").groupby(current["region"]).mean()
    assert 0 < share.min() <= share.max() <= 1 and len(share) == 9


def test_missing_scores_mean_not_assessed_in_rate_and_rate_many() -> None:
    # None, NaN and pd.NA are all "not assessed", in one assessment as in a batch, so that a
    # pandas row means what the same frame means to rate_many.
    import pandas as pd

    base = [2, 3, 3, 2, None, 2, 2, 3, 3]
    expected = cqc.rate(base)
    for missing in (None, float("nan"), np.nan, pd.NA):
        row = [missing if s is None else s for s in base]
        got = cqc.rate(row)
        assert (got.rating, got.percent, got.total, got.max) == (expected.rating, expected.percent, expected.total, expected.max)
        by_name = cqc.rate({"assessing-needs": 2, "equity": missing, "partnerships": 3})
        assert by_name.max == 8
        assert cqc.rate_many([row])[1].tolist() == [expected.percent]
    columns = [f"qs{i}" for i in range(1, 10)]
    frame = pd.DataFrame([[4 if s is None else s for s in base], base], columns=columns).astype("Int8")
    assert frame["qs5"].isna().tolist() == [False, True]
    assert cqc.rate_many(frame)[1].tolist() == [cqc.rate([4 if s is None else s for s in base]).percent, expected.percent]
    assert cqc.rate(frame.iloc[1]).percent == expected.percent
    assert cqc.rate_many(frame.astype(float))[1].tolist() == cqc.rate_many(frame)[1].tolist()
    # Infinity and fractions are not missing: they are errors.
    for bad in (float("inf"), 2.5):
        with pytest.raises(cqc.ScoreError):
            cqc.rate([bad if s is None else s for s in base])


def test_rate_many_takes_the_package_s_own_dataframe() -> None:
    df = cqc.published_dataframe()
    scored = df[df["qs1"].notna()]
    ratings, percents = cqc.rate_many(scored[[f"qs{i}" for i in range(1, 10)]])
    computed = scored["percent_basis"] == "computed"
    assert computed.sum() > 50
    assert percents[computed.to_numpy()].tolist() == scored.loc[computed, "percent"].astype(int).tolist()


def test_errors_on_a_labelled_dataframe_name_the_row_and_column() -> None:
    import pandas as pd

    columns = [f"qs{i}" for i in range(1, 10)]
    frame = pd.DataFrame([LIVERPOOL, [2, 3, 3, 2, 7, 2, 2, 3, 3]], index=["Liverpool", "Sefton"], columns=columns)
    with pytest.raises(cqc.ScoreError) as err:
        cqc.rate_many(frame)
    assert err.value.code == "score_out_of_range"
    assert err.value.path == "scores.loc['Sefton', 'qs5']"
    assert "scores.loc['Sefton', 'qs5']" in str(err.value)
    # A plain array keeps its positions.
    with pytest.raises(cqc.ScoreError) as err:
        cqc.rate_many(frame.to_numpy())
    assert err.value.path == "scores[1][4]"
    # A frame of the wrong width names no row.
    with pytest.raises(cqc.AssessmentError) as err:
        cqc.rate_many(frame.iloc[:, :8])
    assert err.value.path == "scores[0]"


def test_a_workbook_opens_from_a_path_text_or_dict(tmp_path: Path) -> None:
    path = EXAMPLES / "liverpool-workbook.json"
    text = path.read_text(encoding="utf-8")
    from_text = cqc.Workbook(text).to_dict()
    assert cqc.Workbook(path).to_dict() == from_text
    assert cqc.Workbook(str(path)).to_dict() == from_text
    assert cqc.Workbook(json.loads(text)).to_dict() == from_text
    with_bom = tmp_path / "bom.json"
    with_bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert cqc.Workbook(with_bom).to_dict() == from_text
    # A string that is not JSON is a file name, never "invalid JSON".
    for name in ("good", "my-workbook.json"):
        with pytest.raises(FileNotFoundError, match=f"no file '{name}'"):
            cqc.Workbook(name)
    assert cqc.check_workbook(path, "2025-01-06").valid == cqc.check_workbook(text, "2025-01-06").valid


def test_word_and_excel_files_are_read_back_by_independent_readers(tmp_path: Path) -> None:
    import io
    import zipfile

    import openpyxl

    wb = cqc.Workbook(EXAMPLES / "liverpool-workbook.json")
    xlsx = wb.to_xlsx()
    book = openpyxl.load_workbook(io.BytesIO(xlsx))
    assert book.sheetnames[:3] == ["About", "Statements", "Evidence"]
    statements = book["Statements"]
    cells = [c.value for row in statements.iter_rows() for c in row]
    assert "Safeguarding" in cells or "safeguarding" in cells, cells[:20]
    # Read back, from bytes and from a path: the same workbook.
    assert cqc.Workbook.from_xlsx(xlsx) == wb
    path = tmp_path / "liverpool.xlsx"
    path.write_bytes(xlsx)
    assert cqc.Workbook.from_xlsx(path).to_dict() == wb.to_dict()
    with pytest.raises(cqc.DocumentError) as e:
        cqc.Workbook.from_xlsx(b"not a spreadsheet")
    assert e.value.code == "invalid_xlsx"
    with pytest.raises(FileNotFoundError):
        cqc.Workbook.from_xlsx(tmp_path / "missing.xlsx")

    docx = wb.report(as_of="2025-06-01").docx()
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        document = z.read("word/document.xml").decode()
    assert "Liverpool" in document and "Safeguarding" in document


def test_published_results_by_region_type_and_council() -> None:
    published = cqc.published_results()
    by_region = published.rating_counts_by_region()
    by_type = published.rating_counts_by_type()
    england = published.rating_counts()
    # Each council is in one region and of one type: the counts add up to England's.
    for groups in (by_region, by_type):
        for i, rating in enumerate(cqc.RATINGS):
            assert sum(g.counts[i] for g in groups) == england[rating], (rating, groups)
    regions = published.statement_distribution_by_region()
    assert [g.region for g in regions] == [c.region for c in by_region]
    liverpool = published.council_rankings("Liverpool")
    assert liverpool is not None and liverpool.gss_code == "E08000012"
    assert published.council_rankings("E08000012") == liverpool
    with pytest.raises(cqc.UnknownNameError):
        published.council_rankings("Atlantis")
    profile = cqc.timeline_profile()
    assert profile.weeks_total == 20 and profile.milestones
