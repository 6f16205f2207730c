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
    if !scores.len().is_multiple_of(9) {
        return Err(Error::WrongLength {
            path: "scores".into(),
            expected: scores.len().div_ceil(9) * 9,
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
            return rate_row(row, i).map(|_| ());
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
        let err = rate_batch(&scores, &mut r[..1], &mut p).unwrap_err();
        assert_eq!(err.path(), Some("ratings"));
    }
}
