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

/// Peak resident memory of this process in KiB (`VmHWM` in `/proc/self/status`), where the
/// system reports it.
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
    fn peak_rss_is_reported_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(peak_rss_kib().is_some_and(|k| k > 0));
        }
    }
}
