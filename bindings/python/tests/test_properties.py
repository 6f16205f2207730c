"""Hypothesis properties: the invariants the Rust suite checks (tests/properties.rs), through
the Python API, and arbitrary input that must give a CqcError or TypeError, never a crash."""

from __future__ import annotations

import json
import math
from typing import Any, Optional

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import cqc_assurance as cqc

ORDER = list(cqc.RATINGS)

nine = st.lists(
    st.one_of(st.none(), st.integers(1, 4)), min_size=9, max_size=9
).filter(lambda v: any(s is not None for s in v))

distribution = st.tuples(*[st.integers(0, 100)] * 4).filter(lambda t: sum(t) > 0).map(
    lambda t: [x / sum(t) for x in t]
)


def rank(rating: str) -> int:
    return ORDER.index(rating)


@settings(max_examples=300)
@given(nine, st.integers(0, 8))
def test_raising_any_score_never_lowers_the_rating(scores: list[Optional[int]], pick: int) -> None:
    s = scores[pick]
    if s is None or s == 4:
        return
    before = cqc.rate(scores)
    up = list(scores)
    up[pick] = s + 1
    after = cqc.rate(up)
    assert rank(after.rating) >= rank(before.rating)
    assert after.percent >= before.percent and after.total == before.total + 1


@settings(max_examples=300)
@given(nine)
def test_percent_is_the_exact_one_rounded_up_and_the_band_is_read_from_it(scores: list[Optional[int]]) -> None:
    r = cqc.rate(scores)
    assert 25 <= r.percent <= 100 and 25 <= r.percent_exact <= 100
    assert r.percent >= r.percent_exact - 1e-9 and r.percent < r.percent_exact + 1
    assert cqc.rating_for_percent(r.percent) == r.rating
    lo, hi = cqc.rating_band(r.rating)
    assert lo <= r.percent <= hi
    assert r.max == 4 * r.assessed and r.total == sum(s for s in scores if s is not None)


@settings(max_examples=300)
@given(nine)
def test_band_position_is_exact(scores: list[Optional[int]]) -> None:
    r = cqc.rate(scores)
    b = r.band
    if b.points_to_next_rating is None:
        assert r.rating == "outstanding"
    else:
        p = b.points_to_next_rating
        assert cqc.rating_for_total(r.total + p, r.assessed) == (b.next_rating, cqc.rating_for_total(r.total + p, r.assessed)[1])  # type: ignore[index]
        assert cqc.rating_for_total(r.total + p - 1, r.assessed)[0] == r.rating  # type: ignore[index]
    if b.slack_points is None:
        assert r.rating == "inadequate"
    else:
        assert cqc.rating_for_total(r.total - b.slack_points, r.assessed)[0] == r.rating  # type: ignore[index]
        if r.total - b.slack_points > r.assessed:
            lost = cqc.rating_for_total(r.total - b.slack_points - 1, r.assessed)
            assert rank(lost[0]) < rank(r.rating)  # type: ignore[index]


@settings(max_examples=200)
@given(nine)
def test_json_round_trips_are_lossless(scores: list[Optional[int]]) -> None:
    a = cqc.Assessment(scores)
    assert cqc.Assessment(a.to_json()) == a
    assert cqc.Assessment(a.to_dict()) == a
    assert a.scores == scores
    r = cqc.rate(a)
    assert json.loads(r.to_json()) == r.to_dict()
    assert cqc.rate(a.to_json()) == r


def plain(value: Any) -> Any:
    """A field's value as plain data, the way `to_dict` writes it (dates as ISO text)."""
    if isinstance(value, cqc.Record):
        return value.to_dict()
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


@settings(max_examples=150)
@given(nine, st.sampled_from(ORDER))
def test_each_field_read_alone_is_what_the_whole_result_holds(
    scores: list[Optional[int]], target: str
) -> None:
    # A rating result's record serialises one field when it is read; every field read so is
    # the field of the whole serialised result, and a field the result leaves out is None.
    results = [cqc.rate(scores), cqc.explain(scores), cqc.improvement_paths(scores, target=target),
               cqc.check_published(scores, target), cqc.rank_among_published(scores)]
    for result in results:
        whole = result.to_dict()
        for key in result.keys():
            assert plain(result[key]) == whole.get(key), (type(result).__name__, key)


@settings(max_examples=150)
@given(nine, st.sampled_from(ORDER))
def test_improvement_paths_reach_the_target_with_exactly_the_points_needed(
    scores: list[Optional[int]], target: str
) -> None:
    plan = cqc.improvement_paths(scores, target=target)
    now = cqc.rate(scores)
    assert plan.already_met == (rank(now.rating) >= rank(target))
    paths = plan.paths  # read once: each read builds every path's record
    assert (len(paths) == 0) == plan.already_met
    by_id = {qs.id: qs.index for qs in cqc.quality_statements()}
    for path in paths[:30]:
        raised = list(scores)
        for inc in path.increases:
            assert inc.to_score > inc.from_score == raised[by_id[inc.statement]]
            raised[by_id[inc.statement]] = inc.to_score
        r = cqc.rate(raised)
        assert rank(r.rating) >= rank(target)
        assert r.total == now.total + plan.points_needed
        short = cqc.rating_for_total(r.total - 1, r.assessed)
        assert short is not None and rank(short[0]) < rank(target)


@settings(max_examples=150)
@given(nine, st.lists(distribution, min_size=9, max_size=9))
def test_probabilities_sum_to_one_and_certain_scores_agree_with_rate(
    scores: list[Optional[int]], dists: list[list[float]]
) -> None:
    r = cqc.rate(scores)
    p = cqc.rating_probabilities(scores)
    assert math.isclose(p.probability(r.rating), 1.0, abs_tol=1e-12)
    assert p.call.rating == r.rating
    assert [t.percent for t in p.totals] == [r.percent]
    uncertain = [d if s is not None else None for s, d in zip(scores, dists)]
    p = cqc.rating_probabilities(uncertain)
    assert math.isclose(sum(x.probability for x in p.ratings), 1.0, abs_tol=1e-9)
    assert all(x.probability >= 0 for x in p.ratings)
    # The call never overstates: a rating is called only at two in three or more, and a
    # close call assumes the worst rating in contention.
    best = p.probability(p.most_likely)
    if p.call.rating is None:
        assert p.call.too_close_to_call and best < 2 / 3 + 1e-9
        assert p.call.prudent_rating == p.call.contenders[0].rating
    else:
        assert p.call.rating == p.most_likely and best + 1e-9 >= 2 / 3
    order = [x.rating for x in p.ratings]
    assert all(
        x.probability < best - 1e-12
        for x in p.ratings[: order.index(p.most_likely)]
    ), "a tie went to the better rating"


@settings(max_examples=150)
@given(nine)
def test_a_record_is_consistent_with_its_own_rating(scores: list[Optional[int]]) -> None:
    r = cqc.rate(scores)
    assert cqc.check_published(scores, r.rating, r.percent).consistent
    by_id = {qs.id: qs.index for qs in cqc.quality_statements()}
    for other in ORDER:
        if other == r.rating:
            continue
        c = cqc.check_published(scores, other)
        assert not c.consistent
        for k in c.corrections:
            fixed = list(scores)
            fixed[by_id[k.statement]] = k.corrected
            assert cqc.rate(fixed).rating == other


@settings(max_examples=150)
@given(nine)
def test_explanation_states_the_result(scores: list[Optional[int]]) -> None:
    r = cqc.rate(scores)
    e = cqc.explain(scores)
    text = e.to_text()
    assert e.rating == r.rating
    assert f"{r.total} out of a possible {r.max}" in text
    assert f"{r.percent}%" in text and r.rating_label in text


@settings(max_examples=100)
@given(arrays(np.uint8, st.tuples(st.integers(0, 40), st.just(9)), elements=st.integers(0, 4)))
def test_rate_many_agrees_with_rate(scores: np.ndarray) -> None:
    if scores.shape[0] and (scores.sum(axis=1) == 0).any():
        first = int(np.argmax(scores.sum(axis=1) == 0))
        try:
            cqc.rate_many(scores)
        except cqc.AssessmentError as e:
            assert e.code == "empty_assessment" and e.path == f"scores[{first}]"
            return
        raise AssertionError("an all-zero row must be an error")
    ratings, percents = cqc.rate_many(scores)
    for row, code, pct in zip(scores.tolist(), ratings.tolist(), percents.tolist()):
        r = cqc.rate([s or None for s in row])
        assert (cqc.RATINGS[code], pct) == (r.rating, r.percent)
    as_float = scores.astype(float)
    assert cqc.rate_many(as_float)[1].tolist() == percents.tolist()


# Arbitrary Python values where scores, names, ratings, percentages and documents go.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.binary(max_size=5),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=10),
        st.tuples(inner, inner),
        st.dictionaries(st.one_of(st.text(max_size=12), st.integers(-3, 12)), inner, max_size=6),
        st.sets(st.integers(), max_size=3),
    ),
    max_leaves=30,
)
names = st.sampled_from(
    [qs.id for qs in cqc.quality_statements()] + ["version", "method", "scores", "evidence_scores", "QS5", "5"]
)
documentish = st.one_of(
    values,
    st.lists(st.one_of(st.none(), st.integers(-2, 6), st.floats(), st.text(max_size=3)), min_size=9, max_size=9),
    st.dictionaries(names, values, max_size=5),
    st.dictionaries(st.sampled_from(["version", "method", "scores", "evidence_scores", "extra"]), values, max_size=4),
)


def only_library_errors(call: Any, *args: Any, **kwargs: Any) -> None:
    try:
        call(*args, **kwargs)
    except OSError as e:
        # A string that is not JSON names a file (documents only): the file's own error.
        assert call in (cqc.plan_timeline, cqc.check_workbook, cqc.Workbook), e
    except (cqc.CqcError, TypeError) as e:
        if isinstance(e, cqc.CqcError):
            assert e.code and e.family and e.message
    # Anything else (PanicException is a BaseException, not an Exception) fails the test.


@settings(max_examples=400)
@given(documentish, st.one_of(st.none(), st.sampled_from(["current", "earlier", "x"]), values))
def test_arbitrary_scores_never_crash(scores: Any, method: Any) -> None:
    for f in (cqc.rate, cqc.explain, cqc.rank_among_published):
        only_library_errors(f, scores, method=method)
    only_library_errors(cqc.Assessment, scores, method)


@settings(max_examples=300)
@given(documentish, values, values)
def test_arbitrary_arguments_never_crash(scores: Any, rating: Any, percent: Any) -> None:
    only_library_errors(cqc.check_published, [2] * 9, rating, percent)
    only_library_errors(cqc.improvement_paths, [2] * 9, rating)
    only_library_errors(cqc.rating_probabilities, scores)
    only_library_errors(cqc.rate_many, scores)
    only_library_errors(cqc.plan_timeline, scores if isinstance(scores, (dict, str)) else None, notified=rating)
    only_library_errors(cqc.check_workbook, scores if isinstance(scores, (dict, str)) else "{}", as_of="2025-01-01")
    if isinstance(rating, str):
        only_library_errors(cqc.find_council, rating)
        only_library_errors(cqc.QualityStatement, rating)
        only_library_errors(cqc.parse_rating, rating)


@settings(max_examples=100)
@given(arrays(st.sampled_from([np.int64, np.float64, np.int8, np.uint16]), st.tuples(st.integers(0, 5), st.integers(7, 10))))
def test_arbitrary_arrays_never_crash(scores: np.ndarray) -> None:
    only_library_errors(cqc.rate_many, scores)
