//! The probability of each rating when statement scores are uncertain, by exact enumeration.

use serde::{Deserialize, Serialize};

use crate::assessment::{check_version, statement_key};
use crate::error::{join_path, Error, Result};
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
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct RatingProbability {
    /// The rating.
    pub rating: Rating,
    /// Its probability.
    pub probability: f64,
}

/// The probability of one total.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
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

/// A rating is called only when its probability is at least two in three; below that, the
/// headline is "too close to call" with the ratings in contention. Two in three is this
/// project's choice, not CQC's (CQC rates an assessment, it does not forecast one): it is the
/// usual threshold for calling an outcome "likely" (more likely than not by two to one), high
/// enough that a coin toss or a 60/40 split is never headlined as one rating. A probability
/// within 1e-9 of two in three (floating-point sums of figures such as 1/3 + 1/3) counts as
/// reaching it.
pub const CALL_THRESHOLD: f64 = 2.0 / 3.0;

/// Ratings with at least this probability are named in a "too close to call" headline (the
/// others are in the full table of probabilities). When no rating reaches
/// [`CALL_THRESHOLD`], at least two ratings have 5% or more.
pub const CONTENDER_THRESHOLD: f64 = 0.05;

/// The headline a set of uncertain scores supports: one rating when its probability is at
/// least [`CALL_THRESHOLD`], otherwise "too close to call" between the ratings in contention.
///
/// ```
/// use cqc_assurance::{rating_probabilities_json, Rating};
/// // An even chance of 2 or 3 for partnerships: 22 or 23 of 36, 62% or 64%.
/// let p = rating_probabilities_json(r#"{"scores": [2, 3, 3, 2, [0, 0.5, 0.5, 0], 2, 2, 3, 3]}"#).unwrap();
/// assert!(p.call.too_close_to_call);
/// assert_eq!(p.call.rating, None);
/// assert_eq!(p.call.prudent_rating, Rating::RequiresImprovement);
/// assert_eq!(p.call.headline, "Too close to call: requires improvement 50% or good 50%");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct RatingCall {
    /// Whether no rating reaches [`CALL_THRESHOLD`].
    pub too_close_to_call: bool,
    /// The rating called, or `None` when it is too close to call.
    pub rating: Option<Rating>,
    /// The probability of the most likely rating.
    pub probability: f64,
    /// The ratings the headline names, worst first: the rating called, or every rating with a
    /// probability of at least [`CONTENDER_THRESHOLD`].
    pub contenders: Vec<RatingProbability>,
    /// The rating the figures beside the headline assume: the rating called, or the worst
    /// rating in contention (a close call is never read in the council's favour).
    pub prudent_rating: Rating,
    /// The headline in words: `Good (probability 83%)`, `Good (no uncertainty entered)` or
    /// `Too close to call: requires improvement 50% or good 50%`.
    pub headline: String,
}

impl RatingCall {
    /// Makes the call from the probability of each rating (worst first, as
    /// [`RatingProbabilities::ratings`]).
    fn new(ratings: &[RatingProbability]) -> RatingCall {
        let most_likely = most_probable(ratings);
        let probability = most_likely.probability;
        if probability + 1e-9 >= CALL_THRESHOLD {
            let headline = if probability >= 1.0 - 1e-12 {
                format!("{} (no uncertainty entered)", most_likely.rating.label())
            } else {
                format!(
                    "{} (probability {})",
                    most_likely.rating.label(),
                    percent_text(probability)
                )
            };
            RatingCall {
                too_close_to_call: false,
                rating: Some(most_likely.rating),
                probability,
                contenders: vec![most_likely],
                prudent_rating: most_likely.rating,
                headline,
            }
        } else {
            let contenders: Vec<RatingProbability> = ratings
                .iter()
                .copied()
                .filter(|r| r.probability >= CONTENDER_THRESHOLD)
                .collect();
            let named: Vec<String> = contenders
                .iter()
                .map(|r| {
                    format!(
                        "{} {}",
                        r.rating.label().to_ascii_lowercase(),
                        percent_text(r.probability)
                    )
                })
                .collect();
            let headline = format!("Too close to call: {}", or_list(&named));
            RatingCall {
                too_close_to_call: true,
                rating: None,
                probability,
                prudent_rating: contenders[0].rating,
                contenders,
                headline,
            }
        }
    }
}

/// The most probable rating, the worse one on a tie (ties never round in the council's
/// favour; probabilities within 1e-12 of each other are a tie).
fn most_probable(ratings: &[RatingProbability]) -> RatingProbability {
    ratings.iter().skip(1).fold(ratings[0], |best, r| {
        if r.probability > best.probability + 1e-12 {
            *r
        } else {
            best
        }
    })
}

/// "a", "a or b", "a, b or c".
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// A probability as a whole percentage for people: `50%`, with `<1%` and `>99%` so that a
/// small chance never reads as none and a near-certainty never as certain.
pub(crate) fn percent_text(p: f64) -> String {
    let v = p * 100.0;
    if v > 0.0 && v < 0.5 {
        "<1%".into()
    } else if (99.5..100.0).contains(&v) {
        ">99%".into()
    } else {
        format!("{}%", v.round() as i64)
    }
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
/// // A tie: the worse rating is the most likely one, and the call is too close.
/// assert_eq!(p.most_likely, Rating::RequiresImprovement);
/// assert!(p.call.too_close_to_call);
/// // The published percentage is 62 or 64, each with probability 1/2 (never 63).
/// let percents: Vec<(u8, f64)> = p.totals.iter().map(|t| (t.percent, t.probability)).collect();
/// assert_eq!(percents, [(62, 0.5), (64, 0.5)]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct RatingProbabilities {
    /// Statements included.
    pub assessed: u32,
    /// The four ratings with their probabilities, worst first.
    pub ratings: Vec<RatingProbability>,
    /// The most probable rating (the worse one on a tie).
    pub most_likely: Rating,
    /// The headline: one rating if it has a probability of at least two in three, otherwise
    /// too close to call.
    pub call: RatingCall,
    /// Expected total of statement scores.
    pub expected_total: f64,
    /// Expected exact percentage (an average: the published percentage is always a whole
    /// number, whose distribution is [`RatingProbabilities::totals`]).
    pub expected_percent_exact: f64,
    /// Every total with a non-zero probability, lowest first, with its published percentage:
    /// the distribution of the published percentage.
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
    let (mut e_total, mut e_exact) = (0.0, 0.0);
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
        totals.push(TotalProbability {
            total,
            percent,
            rating,
            probability: p,
        });
    }
    let call = RatingCall::new(&ratings);
    Ok(RatingProbabilities {
        assessed: n as u32,
        most_likely: most_probable(&ratings).rating,
        ratings,
        call,
        expected_total: e_total,
        expected_percent_exact: e_exact,
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
    use crate::assessment::RawScores;
    let doc =
        crate::json::parse_naming_duplicates(text, &crate::assessment::duplicate_in_document)?;
    let what = "a probability document {version, scores}";
    let raw = crate::json::Object::new(&doc, "", what, &["version", "scores"])?;
    check_version(raw.get("version"), "version")?;
    let scores = RawScores::read(raw.required("scores", RawScores::EXPECTED)?, "scores")?;
    let mut out = Vec::new();
    match scores {
        RawScores::List(list) => {
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
        RawScores::Map(entries) => {
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
        assert_eq!(p.call.rating, Some(r.rating));
        assert_eq!(
            p.call.headline,
            "Requires improvement (no uncertainty entered)"
        );
        assert_eq!(p.totals[0].percent, r.percent);
        assert_eq!(p.totals.len(), 1);
    }

    /// Liverpool's press scores with partnerships uncertain: 22 (requires improvement) or 23
    /// (good) of 36.
    fn partnerships_split(p2: f64, p3: f64) -> RatingProbabilities {
        rating_probabilities_json(&format!(
            r#"{{"scores": [2, 3, 3, 2, [0, {p2}, {p3}, 0], 2, 2, 3, 3]}}"#
        ))
        .unwrap()
    }

    #[test]
    fn two_in_three_is_called_and_just_under_is_too_close() {
        // Exactly two in three (as a user types thirds) is called.
        let p = partnerships_split(1.0 / 3.0, 2.0 / 3.0);
        assert_eq!(p.call.rating, Some(Rating::Good));
        assert!(!p.call.too_close_to_call);
        assert_eq!(p.call.headline, "Good (probability 67%)");
        assert_eq!(p.call.prudent_rating, Rating::Good);
        // 0.66 is under two in three: too close, and the figures assume the worse rating.
        let p = partnerships_split(0.34, 0.66);
        assert_eq!(p.most_likely, Rating::Good);
        assert_eq!(p.call.rating, None);
        assert!(p.call.too_close_to_call);
        assert_eq!(p.call.prudent_rating, Rating::RequiresImprovement);
        assert_eq!(
            p.call.headline,
            "Too close to call: requires improvement 34% or good 66%"
        );
        // The other way round: requires improvement at 0.7 is called.
        let p = partnerships_split(0.7, 0.3);
        assert_eq!(p.call.rating, Some(Rating::RequiresImprovement));
    }

    #[test]
    fn ties_go_to_the_worse_rating() {
        let p = partnerships_split(0.5, 0.5);
        assert_eq!(p.most_likely, Rating::RequiresImprovement);
        assert_eq!(p.call.prudent_rating, Rating::RequiresImprovement);
        let names: Vec<Rating> = p.call.contenders.iter().map(|r| r.rating).collect();
        assert_eq!(names, [Rating::RequiresImprovement, Rating::Good]);
    }

    #[test]
    fn small_chances_are_not_named_in_the_headline() {
        // Every score equally likely for all nine statements: requires improvement and good
        // each 49.7% (an exact tie, by symmetry), inadequate and outstanding each 0.27%.
        let u = ScoreDistribution::new([0.25; 4]).unwrap();
        let input: Vec<_> = QualityStatement::ALL.into_iter().map(|q| (q, u)).collect();
        let p = rating_probabilities(&input).unwrap();
        assert!(p.probability(Rating::Outstanding) > 0.0);
        assert_eq!(p.most_likely, Rating::RequiresImprovement);
        let named: Vec<Rating> = p.call.contenders.iter().map(|r| r.rating).collect();
        assert_eq!(named, [Rating::RequiresImprovement, Rating::Good]);
        assert_eq!(
            p.call.headline,
            "Too close to call: requires improvement 50% or good 50%"
        );
        assert_eq!(percent_text(0.004), "<1%");
        assert_eq!(percent_text(0.996), ">99%");
        assert_eq!(percent_text(1.0), "100%");
        assert_eq!(percent_text(0.0), "0%");
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
