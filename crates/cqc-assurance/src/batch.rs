//! Batch scoring: many assessments at once, without allocating per row.
//!
//! Rows are nine statement scores in CQC's order, stored flat (row-major); `0` marks a statement
//! not assessed. The result of each row is its rating (as [`Rating`] or its index 0-3) and its
//! published percentage, exactly as [`rate`](crate::rate) gives them: the rule is the same
//! one, read from a table built from it.

use std::sync::OnceLock;

use crate::error::{Error, Result};
use crate::score::Rating;

/// `(rating index, published percent)` for every `(assessed, total)`: index `assessed * 37 +
/// total`, built once from [`crate::rating_for_total`].
fn table() -> &'static [(u8, u8); 370] {
    static TABLE: OnceLock<[(u8, u8); 370]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [(u8::MAX, 0u8); 370];
        for assessed in 1..=9u32 {
            for total in assessed..=4 * assessed {
                if let Some((r, p)) = crate::rating_for_total(total, assessed) {
                    t[(assessed * 37 + total) as usize] = (r as u8, p);
                }
            }
        }
        t
    })
}

/// The rating and published percentage of one row of nine scores (0 = not assessed), with the
/// row's index for error paths.
///
/// ```
/// use cqc_assurance::{rate_row, Rating};
/// assert_eq!(rate_row(&[2, 3, 3, 2, 2, 2, 2, 3, 3], 0).unwrap(), (Rating::RequiresImprovement, 62));
/// assert_eq!(rate_row(&[2, 3, 3, 2, 3, 2, 2, 3, 0], 0).unwrap(), (Rating::Good, 63));
/// assert_eq!(rate_row(&[2, 3, 3, 2, 5, 2, 2, 3, 3], 7).unwrap_err().path(), Some("scores[7][4]"));
/// ```
pub fn rate_row(row: &[u8; 9], index: usize) -> Result<(Rating, u8)> {
    let mut total = 0u32;
    let mut assessed = 0u32;
    for (col, &s) in row.iter().enumerate() {
        if s > 4 {
            return Err(Error::ScoreOutOfRange {
                path: format!("scores[{index}][{col}]"),
                value: s.to_string(),
            });
        }
        total += u32::from(s);
        assessed += u32::from(s != 0);
    }
    if assessed == 0 {
        return Err(Error::EmptyAssessment {
            path: format!("scores[{index}]"),
        });
    }
    let (r, p) = table()[(assessed * 37 + total) as usize];
    Ok((Rating::ALL[usize::from(r)], p))
}

/// Rates `scores.len() / 9` rows stored flat, writing each row's rating index (0 inadequate,
/// 1 requires improvement, 2 good, 3 outstanding) and published percentage into the output
/// slices. Stops at the first bad row with its path (`scores[row][column]`); rows before it are
/// written.
///
/// ```
/// use cqc_assurance::rate_batch;
/// let scores = [2, 3, 3, 2, 2, 2, 2, 3, 3, /* row 2 */ 3, 3, 4, 3, 4, 4, 3, 4, 4];
/// let (mut ratings, mut percents) = ([0u8; 2], [0u8; 2]);
/// rate_batch(&scores, &mut ratings, &mut percents).unwrap();
/// assert_eq!(ratings, [1, 3]);
/// assert_eq!(percents, [62, 89]);
/// ```
pub fn rate_batch(scores: &[u8], ratings: &mut [u8], percents: &mut [u8]) -> Result<()> {
    batch_rows(scores, ratings, percents)?;
    rate_rows(scores, ratings, percents, 0)
}

/// Rows per thread below which [`rate_batch_parallel`] rates the whole batch on one thread
/// (starting a thread costs more than rating this many rows, about 1 ms).
pub const ROWS_PER_THREAD: usize = 200_000;

/// As [`rate_batch`], on up to `threads` threads, each rating a contiguous run of at least
/// [`ROWS_PER_THREAD`] rows (a smaller batch is rated on the calling thread). The results are
/// those of [`rate_batch`], and so is an error: the first bad row's, with its row number in
/// the whole batch. After an error, rows other than those before the bad one may be written
/// too.
///
/// ```
/// use cqc_assurance::{rate_batch, rate_batch_parallel, ROWS_PER_THREAD};
/// let rows = 2 * ROWS_PER_THREAD;
/// let mut scores: Vec<u8> = [2, 3, 3, 2, 2, 2, 2, 3, 3].repeat(rows);
/// let (mut ratings, mut percents) = (vec![0u8; rows], vec![0u8; rows]);
/// rate_batch_parallel(&scores, &mut ratings, &mut percents, 2).unwrap();
/// assert!(ratings.iter().all(|&r| r == 1) && percents.iter().all(|&p| p == 62));
///
/// // A bad score in the second thread's run is reported at its row in the whole batch.
/// scores[9 * (rows - 1) + 4] = 7;
/// let err = rate_batch_parallel(&scores, &mut ratings, &mut percents, 2).unwrap_err();
/// let path = format!("scores[{}][4]", rows - 1);
/// assert_eq!(err.path(), Some(path.as_str()));
/// ```
pub fn rate_batch_parallel(
    scores: &[u8],
    ratings: &mut [u8],
    percents: &mut [u8],
    threads: usize,
) -> Result<()> {
    let rows = batch_rows(scores, ratings, percents)?;
    rate_in_runs(
        scores,
        ratings,
        percents,
        threads.min(rows / ROWS_PER_THREAD),
    )
}

/// The number of rows of a batch, or the error of a batch whose lengths do not fit.
fn batch_rows(scores: &[u8], ratings: &[u8], percents: &[u8]) -> Result<usize> {
    if !scores.len().is_multiple_of(9) {
        return Err(Error::IncompleteRow {
            path: "scores".into(),
            found: scores.len(),
        });
    }
    let rows = scores.len() / 9;
    for (name, len) in [("ratings", ratings.len()), ("percents", percents.len())] {
        if len != rows {
            return Err(Error::WrongLength {
                path: name.into(),
                expected: rows,
                found: len,
            });
        }
    }
    Ok(rows)
}

/// Rates a batch (of lengths already checked) in `runs` contiguous runs of rows, one thread
/// each (one run, or none: on the calling thread); the error is the first in row order.
fn rate_in_runs(scores: &[u8], ratings: &mut [u8], percents: &mut [u8], runs: usize) -> Result<()> {
    let rows = ratings.len();
    if runs <= 1 || rows == 0 {
        return rate_rows(scores, ratings, percents, 0);
    }
    let per = rows.div_ceil(runs);
    std::thread::scope(|scope| {
        let handles: Vec<_> = scores
            .chunks(per * 9)
            .zip(ratings.chunks_mut(per))
            .zip(percents.chunks_mut(per))
            .enumerate()
            .map(|(i, ((s, r), p))| scope.spawn(move || rate_rows(s, r, p, i * per)))
            .collect();
        // `rate_rows` does not panic; if it ever did, the panic goes on to the caller.
        handles.into_iter().try_for_each(|h| {
            h.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    })
}

/// Rates rows whose lengths are checked, the first of them row `first` of the whole batch
/// (for error paths).
fn rate_rows(scores: &[u8], ratings: &mut [u8], percents: &mut [u8], first: usize) -> Result<()> {
    let table = table();
    for (i, ((row, r_out), p_out)) in scores
        .chunks_exact(9)
        .zip(ratings.iter_mut())
        .zip(percents.iter_mut())
        .enumerate()
    {
        let mut total = 0u32;
        let mut assessed = 0u32;
        let mut bad = false;
        for &s in row {
            bad |= s > 4;
            total += u32::from(s);
            assessed += u32::from(s != 0);
        }
        if bad || assessed == 0 {
            let row: &[u8; 9] = row.try_into().expect("chunks of nine");
            return rate_row(row, first + i).map(|_| ());
        }
        let (r, p) = table[(assessed * 37 + total) as usize];
        *r_out = r;
        *p_out = p;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{rate, Assessment};

    #[test]
    fn batch_agrees_with_rate_on_every_complete_vector() {
        let mut scores = Vec::with_capacity(9 * 4usize.pow(9));
        for code in 0..4u32.pow(9) {
            let mut c = code;
            for _ in 0..9 {
                scores.push((c % 4 + 1) as u8);
                c /= 4;
            }
        }
        let rows = scores.len() / 9;
        let (mut r, mut p) = (vec![0u8; rows], vec![0u8; rows]);
        rate_batch(&scores, &mut r, &mut p).unwrap();
        for (i, row) in scores.chunks_exact(9).enumerate().step_by(97) {
            let res = rate(&Assessment::from_scores(row).unwrap());
            assert_eq!((r[i], p[i]), (res.rating as u8, res.percent));
        }
    }

    #[test]
    fn partial_rows_and_errors() {
        let scores = [0, 0, 0, 0, 0, 0, 0, 0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 0];
        let (mut r, mut p) = ([9u8; 2], [0u8; 2]);
        rate_batch(&scores, &mut r, &mut p).unwrap();
        assert_eq!((r, p), ([2, 0], [75, 25]));
        let bad = [1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        let err = rate_batch(&bad, &mut r, &mut p).unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            ("empty_assessment", Some("scores[1]"))
        );
        assert_eq!(r[0], 0, "rows before the bad one are written");
        let err = rate_batch(&scores[..10], &mut r[..1], &mut p[..1]).unwrap_err();
        assert_eq!(err.code(), "wrong_length");
        assert!(err.to_string().contains("a multiple of 9"), "{err}");
        let err = rate_batch(&scores, &mut r[..1], &mut p).unwrap_err();
        assert_eq!(err.path(), Some("ratings"));
    }

    proptest::proptest! {
        /// Split into any number of runs, on as many threads, a batch is rated as one call
        /// rates it: the same outputs, or the same error (the first bad row's, at its row in
        /// the whole batch).
        #[test]
        fn runs_on_threads_rate_as_one_call(
            rows in proptest::collection::vec(proptest::collection::vec(0u8..=4, 9), 0..40),
            // Scores out of range, at (row, column), each taken modulo the batch's size.
            bad in proptest::collection::vec((0usize..40, 0usize..9, 5u8..=255), 0..3),
            runs in 1usize..=8,
        ) {
            let mut scores: Vec<u8> = rows.concat();
            let n = rows.len();
            for (row, col, value) in bad {
                if n > 0 {
                    scores[9 * (row % n) + col] = value;
                }
            }
            let (mut r1, mut p1) = (vec![0u8; n], vec![0u8; n]);
            let (mut r2, mut p2) = (vec![0u8; n], vec![0u8; n]);
            let one = rate_batch(&scores, &mut r1, &mut p1);
            let split = rate_in_runs(&scores, &mut r2, &mut p2, runs);
            proptest::prop_assert_eq!(&one, &split);
            if one.is_ok() {
                proptest::prop_assert_eq!((r1, p1), (r2, p2));
            }
        }
    }
}
