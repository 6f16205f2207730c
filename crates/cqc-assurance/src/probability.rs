//! The probability of each rating when statement scores are uncertain, by exact enumeration.

use serde::{Deserialize, Serialize};

use crate::assessment::{check_version, statement_key};
use crate::error::{join_path, parse_json, Error, Result};
use crate::framework::QualityStatement;
use crate::score::{published_percent, Rating, Score};

/// Probabilities of scores 1, 2, 3 and 4 for one statement: each finite and non-negative,
/// summing to 1 (within 1e-6, so that figures typed to a few decimals are accepted).
///
/// ```
/// use cqc_assurance::{ScoreDistribution, Score};
/// let d = ScoreDistribution::new([0.0, 0.25, 0.75, 0.0]).unwrap();
/// assert_eq!(d.probability(Score::new(3).unwrap()), 0.75);
/// assert_eq!(ScoreDistribution::certain(Score::new(2).unwrap()).get(), [0.0, 1.0, 0.0, 0.0]);
/// assert_eq!(ScoreDistribution::new([0.5, 0.6, 0.0, 0.0]).unwrap_err().code(), "invalid_probability");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "[f64; 4]", into = "[f64; 4]")]
pub struct ScoreDistribution([f64; 4]);

impl ScoreDistribution {
    /// Checks and wraps four probabilities (of scores 1-4).
    pub fn new(p: [f64; 4]) -> Result<ScoreDistribution> {
        ScoreDistribution::at_path(p, ".")
    }

    /// As [`ScoreDistribution::new`], reporting errors at `path`.
    pub fn at_path(p: [f64; 4], path: &str) -> Result<ScoreDistribution> {
        for (i, x) in p.iter().enumerate() {
            if !x.is_finite() || *x < 0.0 {
                return Err(Error::InvalidProbability {
                    path: format!("{}[{i}]", if path == "." { "" } else { path }),
                    message: format!(
                        "probability of score {} must be a number from 0 to 1, got {}",
                        i + 1,
                        crate::json::number_text(*x)
                    ),
                });
            }
        }
        let sum: f64 = p.iter().sum();
        if (sum - 1.0).abs() > 1e-6 {
            return Err(Error::InvalidProbability {
                path: path.to_string(),
                message: format!(
                    "probabilities of scores 1-4 must add up to 1, got {}",
                    crate::json::number_text(sum)
                ),
            });
        }
        Ok(ScoreDistribution(p))
    }

    /// A score known for certain.
    pub fn certain(score: Score) -> ScoreDistribution {
        let mut p = [0.0; 4];
        p[usize::from(score.get()) - 1] = 1.0;
        ScoreDistribution(p)
    }

    /// The probability of one score.
    pub fn probability(&self, score: Score) -> f64 {
        self.0[usize::from(score.get()) - 1]
    }

    /// The four probabilities, of scores 1-4.
    pub fn get(&self) -> [f64; 4] {
        self.0
    }

    /// The expected score.
    pub fn mean(&self) -> f64 {
        self.0
            .iter()
            .enumerate()
            .map(|(i, p)| (i as f64 + 1.0) * p)
            .sum()
    }
}

impl TryFrom<[f64; 4]> for ScoreDistribution {
    type Error = Error;
    fn try_from(p: [f64; 4]) -> Result<Self> {
        ScoreDistribution::new(p)
    }
}

impl From<ScoreDistribution> for [f64; 4] {
    fn from(d: ScoreDistribution) -> [f64; 4] {
        d.0
    }
}

/// The probability of one rating.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RatingProbability {
    /// The rating.
    pub rating: Rating,
    /// Its probability.
    pub probability: f64,
}

/// The probability of one total.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TotalProbability {
    /// The total of statement scores.
    pub total: u32,
    /// Its published percentage.
    pub percent: u8,
    /// The rating it gives.
    pub rating: Rating,
    /// Its probability.
    pub probability: f64,
}

/// The distribution of the rating when scores are uncertain.
///
/// ```
/// use cqc_assurance::{rating_probabilities, QualityStatement as QS, Rating, ScoreDistribution, Score};
/// // Eight statements certain at 2, 3, 3, 2, 2, 2, 3, 3 (20 points) and partnerships a coin toss between 2 and 3.
/// let certain = |n| ScoreDistribution::certain(Score::new(n).unwrap());
/// let mut input: Vec<_> = QS::ALL.iter().zip([2, 3, 3, 2, 2, 2, 2, 3, 3]).map(|(q, n)| (*q, certain(n))).collect();
/// input[4].1 = ScoreDistribution::new([0.0, 0.5, 0.5, 0.0]).unwrap();
/// let p = rating_probabilities(&input).unwrap();
/// assert_eq!(p.probability(Rating::Good), 0.5);
/// assert_eq!(p.probability(Rating::RequiresImprovement), 0.5);
/// assert_eq!(p.expected_percent, 63.0); // (62 + 64) / 2
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatingProbabilities {
    /// Statements included.
    pub assessed: u32,
    /// The four ratings with their probabilities, worst first.
    pub ratings: Vec<RatingProbability>,
    /// The most probable rating (the better one on a tie).
    pub most_likely: Rating,
    /// Expected total of statement scores.
    pub expected_total: f64,
    /// Expected exact percentage.
    pub expected_percent_exact: f64,
    /// Expected published (rounded-up) percentage.
    pub expected_percent: f64,
    /// Every total with a non-zero probability, lowest first.
    pub totals: Vec<TotalProbability>,
}

impl RatingProbabilities {
    /// The probability of one rating.
    pub fn probability(&self, rating: Rating) -> f64 {
        self.ratings[rating as usize].probability
    }

    /// The probability of this rating or better.
    pub fn at_least(&self, rating: Rating) -> f64 {
        self.ratings[rating as usize..]
            .iter()
            .map(|r| r.probability)
            .sum()
    }
}

/// Computes the probability of each rating, and the expected percentage, when each statement's
/// score is uncertain. Statements are taken as independent. The distribution of the total is
/// built exactly by convolution (every one of the up to 4^9 combinations is accounted for, with
/// no sampling), then each total is rated by CQC's rule.
///
/// Statements not listed are not assessed. Errors: no statement
/// ([`Error::EmptyAssessment`]), a statement twice ([`Error::DuplicateStatement`]).
pub fn rating_probabilities(
    distributions: &[(QualityStatement, ScoreDistribution)],
) -> Result<RatingProbabilities> {
    let mut seen = [false; 9];
    for (qs, _) in distributions {
        if std::mem::replace(&mut seen[qs.index()], true) {
            return Err(Error::DuplicateStatement {
                path: join_path("scores", qs.id()),
                statement: qs.id().to_string(),
            });
        }
    }
    if distributions.is_empty() {
        return Err(Error::EmptyAssessment {
            path: "scores".into(),
        });
    }
    let n = distributions.len();
    // dist[t] = probability that the total of the statements so far is t.
    let mut dist = vec![0.0f64; 4 * n + 1];
    dist[0] = 1.0;
    let mut reach = 0;
    for (_, d) in distributions {
        let mut next = vec![0.0f64; 4 * n + 1];
        for (t, &pt) in dist.iter().enumerate().take(reach + 1) {
            if pt == 0.0 {
                continue;
            }
            for (k, &pk) in d.0.iter().enumerate() {
                next[t + k + 1] += pt * pk;
            }
        }
        dist = next;
        reach += 4;
    }
    let max = 4 * n as u32;
    let mut ratings: Vec<RatingProbability> = Rating::ALL
        .into_iter()
        .map(|rating| RatingProbability {
            rating,
            probability: 0.0,
        })
        .collect();
    let mut totals = Vec::new();
    let (mut e_total, mut e_exact, mut e_pub) = (0.0, 0.0, 0.0);
    for (t, &p) in dist.iter().enumerate() {
        if p == 0.0 || t < n {
            continue;
        }
        let total = t as u32;
        let percent = published_percent(total, max);
        let rating = Rating::from_published_percent(percent).expect("within 25-100");
        ratings[rating as usize].probability += p;
        e_total += p * f64::from(total);
        e_exact += p * 100.0 * f64::from(total) / f64::from(max);
        e_pub += p * f64::from(percent);
        totals.push(TotalProbability {
            total,
            percent,
            rating,
            probability: p,
        });
    }
    let most_likely = ratings
        .iter()
        .fold(ratings[0], |best, r| {
            if r.probability >= best.probability {
                *r
            } else {
                best
            }
        })
        .rating;
    Ok(RatingProbabilities {
        assessed: n as u32,
        ratings,
        most_likely,
        expected_total: e_total,
        expected_percent_exact: e_exact,
        expected_percent: e_pub,
        totals,
    })
}

/// Reads a probability document and computes [`rating_probabilities`]:
/// `{"version": 1, "scores": {"assessing-needs": [0.1, 0.2, 0.5, 0.2], "equity": 3, ...}}`, or
/// `"scores"` as an array of nine (each a distribution, a certain score or `null`).
///
/// ```
/// let p = cqc_assurance::rating_probabilities_json(
///     r#"{"scores": [2, 3, 3, 2, [0, 0.5, 0.5, 0], 2, 2, 3, 3]}"#).unwrap();
/// assert_eq!(p.probability(cqc_assurance::Rating::Good), 0.5);
/// ```
pub fn rating_probabilities_json(text: &str) -> Result<RatingProbabilities> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Raw {
        #[serde(default)]
        version: Option<serde_json::Value>,
        scores: crate::assessment::RawScores,
    }
    let raw: Raw = parse_json(text)?;
    check_version(raw.version.as_ref(), "version")?;
    let mut out = Vec::new();
    match &raw.scores {
        crate::assessment::RawScores::List(list) => {
            if list.len() != 9 {
                return Err(Error::WrongLength {
                    path: "scores".into(),
                    expected: 9,
                    found: list.len(),
                });
            }
            for (i, v) in list.iter().enumerate() {
                if let Some(d) = distribution_from_value(v, &format!("scores[{i}]"))? {
                    out.push((QualityStatement::ALL[i], d));
                }
            }
        }
        crate::assessment::RawScores::Map(entries) => {
            for (key, v) in entries {
                let p = join_path("scores", key);
                let qs = statement_key(key, &p)?;
                if out.iter().any(|(q, _)| *q == qs) {
                    return Err(Error::DuplicateStatement {
                        path: p,
                        statement: qs.id().to_string(),
                    });
                }
                if let Some(d) = distribution_from_value(v, &p)? {
                    out.push((qs, d));
                }
            }
        }
    }
    rating_probabilities(&out)
}

/// A distribution from JSON: `null` (not assessed), a score 1-4 (certain) or four
/// probabilities.
pub(crate) fn distribution_from_value(
    v: &serde_json::Value,
    path: &str,
) -> Result<Option<ScoreDistribution>> {
    match v {
        serde_json::Value::Array(items) => {
            if items.len() != 4 {
                return Err(Error::WrongLength {
                    path: path.into(),
                    expected: 4,
                    found: items.len(),
                });
            }
            let mut p = [0.0; 4];
            for (i, item) in items.iter().enumerate() {
                p[i] = item.as_f64().ok_or_else(|| Error::InvalidProbability {
                    path: format!("{path}[{i}]"),
                    message: format!("expected a number from 0 to 1, got {item}"),
                })?;
            }
            ScoreDistribution::at_path(p, path).map(Some)
        }
        other => {
            Ok(crate::assessment::score_from_value(other, path, true)?
                .map(ScoreDistribution::certain))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{rate, Assessment};

    #[test]
    fn certain_scores_give_the_plain_rating() {
        let scores = [2u8, 3, 3, 2, 2, 2, 2, 3, 3];
        let input: Vec<_> = QualityStatement::ALL
            .into_iter()
            .zip(scores)
            .map(|(q, s)| (q, ScoreDistribution::certain(Score::new(s).unwrap())))
            .collect();
        let p = rating_probabilities(&input).unwrap();
        let r = rate(&Assessment::from_scores(&scores).unwrap());
        assert_eq!(p.probability(r.rating), 1.0);
        assert_eq!(p.expected_percent, f64::from(r.percent));
        assert_eq!(p.totals.len(), 1);
    }

    #[test]
    fn uniform_over_nine_matches_brute_force() {
        let u = ScoreDistribution::new([0.25; 4]).unwrap();
        let input: Vec<_> = QualityStatement::ALL.into_iter().map(|q| (q, u)).collect();
        let p = rating_probabilities(&input).unwrap();
        let mut counts = [0u32; 4];
        for code in 0..4u32.pow(9) {
            let mut c = code;
            let mut total = 0;
            for _ in 0..9 {
                total += c % 4 + 1;
                c /= 4;
            }
            let (r, _) = crate::rating_for_total(total, 9).unwrap();
            counts[r as usize] += 1;
        }
        for r in Rating::ALL {
            let expected = f64::from(counts[r as usize]) / 4f64.powi(9);
            assert!((p.probability(r) - expected).abs() < 1e-12, "{r:?}");
        }
        assert!((p.expected_total - 22.5).abs() < 1e-9);
    }

    #[test]
    fn bad_distributions() {
        assert_eq!(
            ScoreDistribution::new([f64::NAN, 0.0, 0.0, 1.0])
                .unwrap_err()
                .code(),
            "invalid_probability"
        );
        assert_eq!(
            ScoreDistribution::new([-0.1, 0.1, 0.0, 1.0])
                .unwrap_err()
                .path(),
            Some("[0]")
        );
        let err = rating_probabilities_json(r#"{"scores": {"equity": [0.5, 0.5]}}"#).unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            ("wrong_length", Some("scores.equity"))
        );
        let err =
            rating_probabilities_json(r#"{"scores": {"equity": [0.5, 0.5, 0.5, 0]}}"#).unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            ("invalid_probability", Some("scores.equity"))
        );
        let err = rating_probabilities_json(r#"{"scores": {}}"#).unwrap_err();
        assert_eq!(err.code(), "empty_assessment");
    }
}
