//! Scores (1-4), ratings and the percentage bands that connect them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::framework::find_by_name;

/// A score of 1-4 given to a quality statement (or, in the earlier method, to an evidence
/// category).
///
/// ```
/// use cqc_assurance::Score;
/// let s = Score::new(3).unwrap();
/// assert_eq!(s.get(), 3);
/// assert_eq!(s.descriptor(), "Evidence shows a good standard");
/// assert_eq!(Score::new(5).unwrap_err().code(), "score_out_of_range");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Score(u8);

impl Score {
    /// The lowest score, 1.
    pub const MIN: Score = Score(1);
    /// The highest score, 4.
    pub const MAX: Score = Score(4);
    /// The four scores in order.
    pub const ALL: [Score; 4] = [Score(1), Score(2), Score(3), Score(4)];

    /// A score from 1 to 4; anything else is [`Error::ScoreOutOfRange`].
    pub fn new(value: u8) -> Result<Score> {
        Score::from_i64(i64::from(value), ".")
    }

    /// A score from an integer of any width, with the path to report if it is out of range.
    pub fn from_i64(value: i64, path: &str) -> Result<Score> {
        if (1..=4).contains(&value) {
            Ok(Score(value as u8))
        } else {
            Err(Error::ScoreOutOfRange {
                path: path.to_string(),
                value: value.to_string(),
            })
        }
    }

    /// A score from a JSON number: whole numbers 1-4 only (`3.0` is accepted, `2.5` is not).
    pub fn from_f64(value: f64, path: &str) -> Result<Score> {
        if value.fract() == 0.0 && (1.0..=4.0).contains(&value) {
            Ok(Score(value as u8))
        } else {
            Err(Error::ScoreOutOfRange {
                path: path.to_string(),
                value: crate::json::number_text(value),
            })
        }
    }

    /// The score as a number, 1-4.
    pub fn get(self) -> u8 {
        self.0
    }

    /// The score one higher, or `None` at 4.
    pub fn next(self) -> Option<Score> {
        (self.0 < 4).then_some(Score(self.0 + 1))
    }

    /// What the score means, in CQC's terms.
    pub fn descriptor(self) -> &'static str {
        match self.0 {
            1 => "Evidence shows significant shortfalls",
            2 => "Evidence shows some shortfalls",
            3 => "Evidence shows a good standard",
            _ => "Evidence shows an exceptional standard",
        }
    }
}

impl TryFrom<i64> for Score {
    type Error = Error;
    fn try_from(value: i64) -> Result<Score> {
        Score::from_i64(value, ".")
    }
}

impl From<Score> for u8 {
    fn from(s: Score) -> u8 {
        s.0
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// An overall rating, ordered from worst to best.
///
/// ```
/// use cqc_assurance::Rating;
/// assert!(Rating::Good > Rating::RequiresImprovement);
/// assert_eq!(Rating::RequiresImprovement.as_str(), "requires_improvement");
/// assert_eq!(Rating::RequiresImprovement.label(), "Requires improvement");
/// assert_eq!("Requires Improvement".parse::<Rating>().unwrap(), Rating::RequiresImprovement);
/// assert_eq!(Rating::from_published_percent(63), Some(Rating::Good));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[cfg_attr(feature = "declarations", ts(rename = "RatingId"))]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// 25-38%.
    Inadequate,
    /// 39-62%.
    RequiresImprovement,
    /// 63-87%.
    Good,
    /// 88-100%.
    Outstanding,
}

impl Rating {
    /// The four ratings from worst to best.
    pub const ALL: [Rating; 4] = [
        Rating::Inadequate,
        Rating::RequiresImprovement,
        Rating::Good,
        Rating::Outstanding,
    ];

    /// The string form used in JSON and by the bindings: `inadequate`,
    /// `requires_improvement`, `good`, `outstanding`.
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Inadequate => "inadequate",
            Rating::RequiresImprovement => "requires_improvement",
            Rating::Good => "good",
            Rating::Outstanding => "outstanding",
        }
    }

    /// The label as CQC prints it: `Requires improvement`.
    pub fn label(self) -> &'static str {
        match self {
            Rating::Inadequate => "Inadequate",
            Rating::RequiresImprovement => "Requires improvement",
            Rating::Good => "Good",
            Rating::Outstanding => "Outstanding",
        }
    }

    /// The colour this project gives the rating in charts and tiles, as `#rrggbb`: red,
    /// amber, green and blue, each dark enough for white text (contrast of at least 4.5:1,
    /// WCAG 2.2 AA). CQC publishes no colours of its own for council ratings.
    ///
    /// ```
    /// use cqc_assurance::Rating;
    /// assert_eq!(Rating::Good.colour(), "#2e7d32");
    /// ```
    pub fn colour(self) -> &'static str {
        match self {
            Rating::Inadequate => "#b3261e",
            Rating::RequiresImprovement => "#b25400",
            Rating::Good => "#2e7d32",
            Rating::Outstanding => "#005a8c",
        }
    }

    /// The band of published percentages that gives this rating, inclusive:
    /// (25, 38), (39, 62), (63, 87), (88, 100).
    pub fn band(self) -> (u8, u8) {
        match self {
            Rating::Inadequate => (25, 38),
            Rating::RequiresImprovement => (39, 62),
            Rating::Good => (63, 87),
            Rating::Outstanding => (88, 100),
        }
    }

    /// The rating one better, or `None` for outstanding.
    pub fn next_up(self) -> Option<Rating> {
        match self {
            Rating::Inadequate => Some(Rating::RequiresImprovement),
            Rating::RequiresImprovement => Some(Rating::Good),
            Rating::Good => Some(Rating::Outstanding),
            Rating::Outstanding => None,
        }
    }

    /// The rating one worse, or `None` for inadequate.
    pub fn next_down(self) -> Option<Rating> {
        match self {
            Rating::Inadequate => None,
            Rating::RequiresImprovement => Some(Rating::Inadequate),
            Rating::Good => Some(Rating::RequiresImprovement),
            Rating::Outstanding => Some(Rating::Good),
        }
    }

    /// The rating a published (whole) percentage falls in, or `None` outside 25-100.
    pub fn from_published_percent(percent: u8) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| {
            let (lo, hi) = r.band();
            (lo..=hi).contains(&percent)
        })
    }

    /// Finds a rating by its string form or label, ignoring case and punctuation
    /// (`good`, `Requires improvement`, `requires_improvement`).
    pub fn parse(input: &str) -> Result<Rating> {
        static NAMES: std::sync::OnceLock<Vec<(String, Rating)>> = std::sync::OnceLock::new();
        find_by_name(
            &NAMES,
            || {
                Rating::ALL
                    .into_iter()
                    .flat_map(|r| [(r.as_str(), r), (r.label(), r)])
                    .collect()
            },
            input,
        )
        .ok_or_else(|| Error::UnknownRating {
            path: ".".into(),
            input: input.to_string(),
        })
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl FromStr for Rating {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Rating::parse(s)
    }
}

/// `ceil(100 * total / max)`, CQC's published whole percentage (rounding up is inferred from
/// every published overall score, not stated by CQC). `max` must be positive.
pub(crate) fn published_percent(total: u32, max: u32) -> u8 {
    debug_assert!(max > 0 && total <= max);
    (100 * total).div_ceil(max) as u8
}

/// The smallest total out of `max` whose published percentage is at least `percent`.
pub(crate) fn min_total_for_percent(percent: u8, max: u32) -> u32 {
    // ceil(100 t / max) >= p  <=>  100 t / max > p - 1  <=>  100 t > (p - 1) max.
    // Smallest such t: floor((p - 1) max / 100) + 1.
    (u32::from(percent) - 1) * max / 100 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_percent_rounds_up() {
        assert_eq!(published_percent(22, 36), 62); // 61.1
        assert_eq!(published_percent(21, 36), 59); // 58.3
        assert_eq!(published_percent(32, 36), 89); // 88.9
        assert_eq!(published_percent(25, 36), 70); // 69.4
        assert_eq!(published_percent(14, 36), 39); // 38.9
        assert_eq!(published_percent(20, 32), 63); // 62.5
        assert_eq!(published_percent(9, 36), 25);
        assert_eq!(published_percent(36, 36), 100);
        assert_eq!(published_percent(18, 36), 50);
    }

    #[test]
    fn min_total_inverts_published_percent() {
        for max in (4..=36).step_by(4) {
            for p in 25..=100u8 {
                let t = min_total_for_percent(p, max);
                assert!(published_percent(t, max.max(t)) >= p || t > max);
                if t >= 1 && t - 1 <= max && t - 1 > 0 {
                    assert!(published_percent(t - 1, max) < p, "p={p} max={max}");
                }
            }
        }
    }

    #[test]
    fn bands_cover_25_to_100_without_gaps() {
        for p in 25..=100 {
            assert!(Rating::from_published_percent(p).is_some());
        }
        assert_eq!(Rating::from_published_percent(24), None);
        assert_eq!(Rating::from_published_percent(38), Some(Rating::Inadequate));
        assert_eq!(
            Rating::from_published_percent(39),
            Some(Rating::RequiresImprovement)
        );
        assert_eq!(
            Rating::from_published_percent(62),
            Some(Rating::RequiresImprovement)
        );
        assert_eq!(Rating::from_published_percent(87), Some(Rating::Good));
        assert_eq!(
            Rating::from_published_percent(88),
            Some(Rating::Outstanding)
        );
    }

    #[test]
    fn score_json() {
        assert_eq!(serde_json::to_string(&Score::new(3).unwrap()).unwrap(), "3");
        assert!(serde_json::from_str::<Score>("0").is_err());
        assert!(serde_json::from_str::<Score>("4").is_ok());
        assert_eq!(
            serde_json::to_string(&Rating::RequiresImprovement).unwrap(),
            "\"requires_improvement\""
        );
    }
}
