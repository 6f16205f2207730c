"""Benchmark of the Python package (run by hand, not part of the test command).

    .venv/bin/python bindings/python/benches/bench_rate_many.py [--rows 1000000] [--stream-rows 10000000]

1. ``rate_many`` on N×9 scores against a plain-Python implementation of the same rule (the
   comparison baseline below) and the fastest numpy formulation (a row sum and a 37-entry
   look-up per assessed count), best of 3 each in one run on the same rows; prints the times
   and the ratios (targets: at least 50× and 5×) and the ratio to copying the array once (the
   memory floor). All three results are compared row by row.
2. The time of one ``rate()`` call from Python (target: under 2 µs), of reading a field of
   its result, and of reading a list of nested results (an improvement plan's paths).
3. Streaming: 10,000,000 rows generated and rated in chunks with bounded memory; prints the
   throughput and the peak RSS (``resource.getrusage``).
"""

from __future__ import annotations

import argparse
import resource
import time
import timeit
from typing import Callable

import numpy as np

import cqc_assurance as cqc

# --- The comparison baseline: CQC's rule written in plain Python ------------------------------
# (Only here to measure against; the package itself never re-implements the rule.)
BASELINE_BANDS = ((25, 38, 0), (39, 62, 1), (63, 87, 2), (88, 100, 3))


def baseline_rate_rows(rows: list[list[int]]) -> tuple[list[int], list[int]]:
    """Plain Python: sum the assessed scores (0 = not assessed), percentage = ceil(100 × total
    ÷ (4 × assessed)), rating from the band of that whole percentage."""
    ratings: list[int] = []
    percents: list[int] = []
    for row in rows:
        total = 0
        assessed = 0
        for s in row:
            if s < 0 or s > 4:
                raise ValueError(f"score out of range: {s}")
            if s:
                total += s
                assessed += 1
        if assessed == 0:
            raise ValueError("empty row")
        percent = -(-100 * total // (4 * assessed))
        for lo, hi, code in BASELINE_BANDS:
            if lo <= percent <= hi:
                ratings.append(code)
                percents.append(percent)
                break
    return ratings, percents


def numpy_rate(scores: np.ndarray, table_r: np.ndarray, table_p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The fastest numpy formulation found: a row sum and a count of assessed statements, then
    one look-up in a 37 × 10 table of (rating, percent) by (assessed, total)."""
    total = scores.sum(axis=1, dtype=np.uint16)
    assessed = np.count_nonzero(scores, axis=1).astype(np.uint16)
    key = assessed * 37 + total
    return table_r[key], table_p[key]


def lookup_tables() -> tuple[np.ndarray, np.ndarray]:
    """The numpy formulation's tables, filled from the baseline rule above."""
    table_r = np.zeros(10 * 37, dtype=np.uint8)
    table_p = np.zeros(10 * 37, dtype=np.uint8)
    for assessed in range(1, 10):
        for total in range(assessed, 4 * assessed + 1):
            percent = -(-100 * total // (4 * assessed))
            code = next(c for lo, hi, c in BASELINE_BANDS if lo <= percent <= hi)
            table_r[assessed * 37 + total], table_p[assessed * 37 + total] = code, percent
    return table_r, table_p


def best_of(n: int, f: Callable[[], object]) -> float:
    """The best of n wall-clock times of f()."""
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


# -----------------------------------------------------------------------------------------------


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--stream-rows", type=int, default=10_000_000)
    parser.add_argument("--chunk", type=int, default=250_000)
    args = parser.parse_args()
    rng = np.random.default_rng(2024)

    # 1. rate_many against the plain-Python baseline, same rows, one run.
    scores = rng.integers(1, 5, size=(args.rows, 9), dtype=np.uint8)
    scores[rng.random(scores.shape) < 0.05] = 0  # about 5% of statements not assessed
    scores[scores.sum(axis=1) == 0, 0] = 2  # every row has at least one assessed statement
    rows = scores.tolist()  # the baseline's natural input; conversion not timed

    # Each timing is the best of 3, all in this one run on the same rows.
    t_base = best_of(3, lambda: baseline_rate_rows(rows))
    base_r, base_p = baseline_rate_rows(rows)
    table_r, table_p = lookup_tables()
    t_numpy = best_of(3, lambda: numpy_rate(scores, table_r, table_p))
    np_r, np_p = numpy_rate(scores, table_r, table_p)
    t_native = best_of(3, lambda: cqc.rate_many(scores))
    ratings, percents = cqc.rate_many(scores)
    as_int64 = scores.astype(np.int64)
    t_native_i64 = best_of(3, lambda: cqc.rate_many(as_int64))
    # The floor: reading the N×9 bytes once (a copy of the array), what no rating can beat.
    t_read = best_of(3, lambda: scores.copy())

    assert ratings.tolist() == base_r and percents.tolist() == base_p, "results differ"
    assert np_r.tolist() == base_r and np_p.tolist() == base_p, "numpy results differ"
    print(f"rows: {args.rows:,} ({scores.nbytes / 1e6:.0f} MB of uint8); best of 3 each")
    print(f"plain Python baseline : {t_base:8.4f} s  ({t_base / args.rows * 1e9:7.1f} ns/row)")
    print(f"numpy (sum + look-up) : {t_numpy:8.4f} s  ({t_numpy / args.rows * 1e9:7.1f} ns/row)")
    print(f"rate_many (uint8)     : {t_native:8.4f} s  ({t_native / args.rows * 1e9:7.1f} ns/row)")
    print(f"rate_many (int64)     : {t_native_i64:8.4f} s  ({t_native_i64 / args.rows * 1e9:7.1f} ns/row)")
    print(f"copying the array     : {t_read:8.4f} s  (the memory floor)")
    print(f"ratio plain Python / rate_many : {t_base / t_native:7.0f}x  (target >= 50x)")
    print(f"ratio numpy / rate_many        : {t_numpy / t_native:7.1f}x  (target >= 5x)")
    print(f"ratio rate_many / memory floor : {t_native / t_read:7.1f}x")

    # 2. One rate() call from Python.
    liverpool = [2, 3, 3, 2, 2, 2, 2, 3, 3]
    n = 200_000
    per_call = min(timeit.repeat(lambda: cqc.rate(liverpool), number=n, repeat=5)) / n
    per_call_rating = min(timeit.repeat(lambda: cqc.rate(liverpool).rating, number=n, repeat=5)) / n
    result = cqc.rate(liverpool)
    per_field = min(timeit.repeat(lambda: result.rating, number=n, repeat=5)) / n
    per_method = min(timeit.repeat(lambda: result.to_dict, number=n, repeat=5)) / n
    print(f"rate(list of nine)          : {per_call * 1e6:6.2f} us per call (target < 2 us)")
    print(f"rate(list of nine).rating   : {per_call_rating * 1e6:6.2f} us per call")
    # A field is read before the class's names are looked up; a method after the fields.
    print(f"result.rating (a field)     : {per_field * 1e6:6.2f} us ({per_field / per_call:.2f} x a rate() call)")
    print(f"result.to_dict (a method)   : {per_method * 1e6:6.2f} us ({per_method / per_call:.2f} x a rate() call)")
    # Results are records over the core's value: a field is serialised when it is read, so a
    # list of nested results costs each item's serialisation (126 paths here).
    plan = cqc.improvement_paths([3] * 9, target="outstanding")
    paths = len(plan.paths)
    per_path = min(timeit.repeat(lambda: plan.paths, number=20, repeat=5)) / 20 / paths
    print(f"improvement_paths(...).paths: {per_path * 1e6:6.2f} us per path ({paths} paths)")

    # 3. Streaming in chunks with bounded memory.
    del scores, rows, base_r, base_p, ratings, percents
    counts = np.zeros(4, dtype=np.int64)
    rss_before = peak_rss_mib()
    t0 = time.perf_counter()
    done = 0
    while done < args.stream_rows:
        k = min(args.chunk, args.stream_rows - done)
        chunk = rng.integers(1, 5, size=(k, 9), dtype=np.uint8)
        r, _ = cqc.rate_many(chunk)
        counts += np.bincount(r, minlength=4)
        done += k
    t_stream = time.perf_counter() - t0
    assert int(counts.sum()) == args.stream_rows
    print(
        f"streaming {args.stream_rows:,} rows in chunks of {args.chunk:,}: {t_stream:.2f} s "
        f"(including generating the random chunks); peak RSS {peak_rss_mib():.0f} MiB "
        f"(before streaming {rss_before:.0f} MiB)"
    )
    print("ratings:", dict(zip(cqc.RATINGS, counts.tolist())))


if __name__ == "__main__":
    main()
