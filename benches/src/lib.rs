//! Shared inputs for the benchmarks of `cqc-assurance` and plain reference implementations of
//! the rating rule to compare against.
//!
//! ```
//! let all = cqc_assurance_benches::all_score_vectors();
//! assert_eq!(all.len(), 9 * 262_144);
//! assert_eq!(&all[..9], &[1; 9]);
//! ```

/// Every complete vector of nine scores 1-4 (4^9 = 262,144 rows), stored flat, row `code` with
/// QS1 as the lowest base-4 digit of `code`.
///
/// ```
/// let all = cqc_assurance_benches::all_score_vectors();
/// assert_eq!(&all[9..18], &[2, 1, 1, 1, 1, 1, 1, 1, 1]); // code 1
/// assert_eq!(&all[all.len() - 9..], &[4; 9]);
/// ```
pub fn all_score_vectors() -> Vec<u8> {
    let mut scores = Vec::with_capacity(9 * 4usize.pow(9));
    for code in 0..4u32.pow(9) {
        let mut c = code;
        for _ in 0..9 {
            scores.push((c % 4 + 1) as u8);
            c /= 4;
        }
    }
    scores
}

/// The rating rule written out plainly (no tables), for comparison with the library: sum,
/// `ceil(100 × total / (4 × assessed))`, band read from the whole percentage. Returns the rating
/// index (0 inadequate … 3 outstanding) and the percentage; `None` for a row with no score.
///
/// ```
/// use cqc_assurance_benches::plain_rate_row;
/// assert_eq!(plain_rate_row(&[2, 3, 3, 2, 2, 2, 2, 3, 3]), Some((1, 62)));
/// assert_eq!(plain_rate_row(&[0; 9]), None);
/// ```
pub fn plain_rate_row(row: &[u8; 9]) -> Option<(u8, u8)> {
    let total: u32 = row.iter().map(|&s| u32::from(s)).sum();
    let assessed = row.iter().filter(|&&s| s != 0).count() as u32;
    if assessed == 0 {
        return None;
    }
    let percent = (100 * total).div_ceil(4 * assessed) as u8;
    let rating = match percent {
        0..=38 => 0,
        39..=62 => 1,
        63..=87 => 2,
        _ => 3,
    };
    Some((rating, percent))
}

/// Rows rated, by rating (index 0 inadequate … 3 outstanding), from a stream.
///
/// ```
/// use cqc_assurance_benches::{stream_rate, SyntheticRows};
/// let mut rows = SyntheticRows::new(1, 1000);
/// let s = stream_rate(64, |buf| rows.fill(buf)).unwrap();
/// assert_eq!(s.counts.iter().sum::<u64>(), s.rows);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StreamSummary {
    /// Rows rated.
    pub rows: u64,
    /// Rows per rating, worst first.
    pub counts: [u64; 4],
}

/// Rates a stream of rows of nine scores through [`cqc_assurance::rate_batch`] in chunks of
/// `chunk_rows`, so that memory stays at one chunk however long the stream. `fill` writes the
/// next rows into the buffer it is given (a whole number of rows of nine) and returns how many
/// bytes it wrote; 0 ends the stream. Errors carry the row's index in the whole stream.
///
/// ```
/// use cqc_assurance_benches::stream_rate;
/// let mut left = 3;
/// let summary = stream_rate(2, |buf| {
///     if left == 0 { return 0; }
///     left -= 1;
///     buf[..9].copy_from_slice(&[2, 3, 3, 2, 2, 2, 2, 3, 3]);
///     9
/// }).unwrap();
/// assert_eq!(summary.rows, 3);
/// assert_eq!(summary.counts, [0, 3, 0, 0]);
/// ```
pub fn stream_rate(
    chunk_rows: usize,
    mut fill: impl FnMut(&mut [u8]) -> usize,
) -> cqc_assurance::Result<StreamSummary> {
    let chunk_rows = chunk_rows.max(1);
    let mut scores = vec![0u8; 9 * chunk_rows];
    let (mut ratings, mut percents) = (vec![0u8; chunk_rows], vec![0u8; chunk_rows]);
    let mut summary = StreamSummary::default();
    loop {
        let n = fill(&mut scores);
        if n == 0 {
            return Ok(summary);
        }
        let rows = n.div_ceil(9);
        cqc_assurance::rate_batch(&scores[..n], &mut ratings[..rows], &mut percents[..rows])
            .map_err(|e| shift_row(e, summary.rows))?;
        for &r in &ratings[..rows] {
            summary.counts[usize::from(r)] += 1;
        }
        summary.rows += rows as u64;
    }
}

/// Renumbers a chunk's row error (`scores[i]...`) to the row's index in the whole stream.
fn shift_row(e: cqc_assurance::Error, offset: u64) -> cqc_assurance::Error {
    use cqc_assurance::Error;
    let shift = |path: String| -> String {
        let Some(rest) = path.strip_prefix("scores[") else {
            return path;
        };
        let Some((num, tail)) = rest.split_once(']') else {
            return path;
        };
        match num.parse::<u64>() {
            Ok(i) => format!("scores[{}]{tail}", i + offset),
            Err(_) => path,
        }
    };
    match e {
        Error::ScoreOutOfRange { path, value } => Error::ScoreOutOfRange {
            path: shift(path),
            value,
        },
        Error::EmptyAssessment { path } => Error::EmptyAssessment { path: shift(path) },
        other => other,
    }
}

/// A fixed, reproducible stream of score rows (xorshift64): each statement scored 1-4, or
/// (one time in ten) not assessed, with at least one statement assessed in every row.
///
/// ```
/// let mut rows = cqc_assurance_benches::SyntheticRows::new(42, 5);
/// let mut buf = [0u8; 9 * 4];
/// assert_eq!(rows.fill(&mut buf), 36);
/// assert_eq!(rows.fill(&mut buf), 9);
/// assert_eq!(rows.fill(&mut buf), 0);
/// assert!(buf[..9].iter().all(|&s| s <= 4) && buf[..9].iter().any(|&s| s > 0));
/// ```
#[derive(Debug, Clone)]
pub struct SyntheticRows {
    state: u64,
    left: u64,
}

impl SyntheticRows {
    /// `rows` rows from `seed` (any non-zero seed).
    pub fn new(seed: u64, rows: u64) -> SyntheticRows {
        SyntheticRows {
            state: seed.max(1),
            left: rows,
        }
    }

    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    /// Writes as many whole rows as fit into `buf` (and are left); returns the bytes written.
    pub fn fill(&mut self, buf: &mut [u8]) -> usize {
        let rows = ((buf.len() / 9) as u64).min(self.left) as usize;
        for row in buf[..9 * rows].chunks_exact_mut(9) {
            let mut bits = self.next();
            for s in row.iter_mut() {
                // 0-9: 0 is "not assessed", 1-9 spread over scores 1-4.
                let x = (bits % 10) as u8;
                bits /= 10;
                *s = if x == 0 { 0 } else { 1 + (x - 1) % 4 };
            }
            if row.iter().all(|&s| s == 0) {
                row[0] = 2;
            }
        }
        self.left -= rows as u64;
        9 * rows
    }
}

/// Peak resident memory of this process in KiB (`VmHWM` in `/proc/self/status`), where the
/// system reports it.
///
/// ```
/// if let Some(kib) = cqc_assurance_benches::peak_rss_kib() {
///     assert!(kib > 0);
/// }
/// ```
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_rule_agrees_with_the_library_on_every_vector() {
        let all = all_score_vectors();
        let rows = all.len() / 9;
        let (mut r, mut p) = (vec![0u8; rows], vec![0u8; rows]);
        cqc_assurance::rate_batch(&all, &mut r, &mut p).unwrap();
        for (i, row) in all.chunks_exact(9).enumerate() {
            let row: &[u8; 9] = row.try_into().unwrap();
            assert_eq!(plain_rate_row(row), Some((r[i], p[i])), "row {i}");
        }
    }

    #[test]
    fn streaming_agrees_with_rating_each_row() {
        let mut expected = [0u64; 4];
        let mut rows = SyntheticRows::new(7, 10_001);
        let mut buf = vec![0u8; 9 * 10_001];
        let n = rows.fill(&mut buf);
        for row in buf[..n].chunks_exact(9) {
            let (r, _) = plain_rate_row(row.try_into().unwrap()).unwrap();
            expected[usize::from(r)] += 1;
        }
        // Chunks that do not divide the stream evenly, including a last partial chunk.
        for chunk in [1, 7, 1000, 4096, 20_000] {
            let mut rows = SyntheticRows::new(7, 10_001);
            let summary = stream_rate(chunk, |b| rows.fill(b)).unwrap();
            assert_eq!(summary.rows, 10_001);
            assert_eq!(summary.counts, expected, "chunk {chunk}");
        }
    }

    #[test]
    fn stream_errors_name_the_row_in_the_whole_stream() {
        let mut sent = 0;
        let err = stream_rate(4, |b| {
            if sent == 3 {
                return 0;
            }
            sent += 1;
            let n = 9 * 4;
            b[..n].fill(2);
            if sent == 3 {
                b[9 + 5] = 7; // second row of the third chunk: row 9 of the stream
            }
            n
        })
        .unwrap_err();
        assert_eq!(err.code(), "score_out_of_range");
        assert_eq!(err.path(), Some("scores[9][5]"));
    }

    #[test]
    fn peak_rss_is_reported_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(peak_rss_kib().is_some_and(|k| k > 0));
        }
    }
}
