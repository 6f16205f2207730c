//! `check_published`: does a published rating (and percentage) follow from the published
//! scores by CQC's method?

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::error::{Error, Result};
use crate::framework::QualityStatement;
use crate::rating::{rate, RatingResult};
use crate::score::{published_percent, Rating, Score};

/// What kind of inconsistency a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// The scores give a different rating from the one published.
    RatingMismatch,
    /// The scores give a different percentage from the one published.
    PercentMismatch,
    /// The published percentage lies outside the published rating's band.
    PercentOutsideRatingBand,
    /// No set of scores for this number of statements gives the published percentage.
    PercentNotAchievable,
}

impl FindingKind {
    /// The stable code (`rating_mismatch`, ...).
    pub fn code(self) -> &'static str {
        match self {
            FindingKind::RatingMismatch => "rating_mismatch",
            FindingKind::PercentMismatch => "percent_mismatch",
            FindingKind::PercentOutsideRatingBand => "percent_outside_rating_band",
            FindingKind::PercentNotAchievable => "percent_not_achievable",
        }
    }
}

/// One inconsistency between published figures and the method.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct Finding {
    /// What kind.
    pub kind: FindingKind,
    /// A sentence for people.
    pub message: String,
}

/// A single published score which, if it were different, would make the record consistent:
/// a candidate misprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct ScoreCorrection {
    /// The statement.
    pub statement: QualityStatement,
    /// The score as published.
    pub published: Score,
    /// The score that would agree with the published rating (and percentage).
    pub corrected: Score,
    /// The percentage with the corrected score.
    pub percent: u8,
}

/// The outcome of [`check_published`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct PublishedCheck {
    /// What the method gives for the published scores.
    pub computed: RatingResult,
    /// The rating as published.
    pub published_rating: Rating,
    /// The percentage as published, if given.
    pub published_percent: Option<u8>,
    /// True when there are no findings.
    pub consistent: bool,
    /// Every inconsistency found.
    pub findings: Vec<Finding>,
    /// Changes of one point to one published score that would reconcile the record, when it is
    /// inconsistent: candidate misprints.
    pub corrections: Vec<ScoreCorrection>,
}

/// Checks published scores against a published rating and, optionally, a published percentage,
/// and reports every inconsistency with CQC's method, with the one-point changes to a single
/// score that would reconcile them (candidate misprints).
///
/// ```
/// use cqc_assurance::{check_published, Assessment, FindingKind, QualityStatement, Rating};
/// // Liverpool as reported in the press: 22/36 published as good.
/// let scores = Assessment::from_scores(&[2, 3, 3, 2, 2, 2, 2, 3, 3]).unwrap();
/// let check = check_published(&scores, Rating::Good, None).unwrap();
/// assert!(!check.consistent);
/// assert_eq!(check.findings[0].kind, FindingKind::RatingMismatch);
/// assert_eq!(check.computed.rating, Rating::RequiresImprovement);
/// // The CQC report pages give partnerships = 3: one of the candidate corrections.
/// assert!(check.corrections.iter().any(|c| c.statement == QualityStatement::Partnerships && c.corrected.get() == 3));
/// ```
pub fn check_published(
    assessment: &Assessment,
    published_rating: Rating,
    published_percent_value: Option<u8>,
) -> Result<PublishedCheck> {
    if let Some(p) = published_percent_value {
        if !(25..=100).contains(&p) {
            return Err(Error::InvalidPercent {
                path: "percent".into(),
                value: p.to_string(),
            });
        }
    }
    let computed = rate(assessment);
    let mut findings = Vec::new();
    if computed.rating != published_rating {
        findings.push(Finding {
            kind: FindingKind::RatingMismatch,
            message: format!(
                "the scores add up to {}/{} = {}% ({} rounded up), which is {}, but the rating published is {}",
                computed.total,
                computed.max,
                computed.percent,
                trim(computed.percent_exact),
                computed.rating.label().to_ascii_lowercase(),
                published_rating.label().to_ascii_lowercase()
            ),
        });
    }
    if let Some(p) = published_percent_value {
        if p != computed.percent {
            findings.push(Finding {
                kind: FindingKind::PercentMismatch,
                message: format!(
                    "the scores give {}% but {}% is published",
                    computed.percent, p
                ),
            });
        }
        findings.extend(band_finding(published_rating, p));
        findings.extend(achievability_finding(p, computed.assessed));
    }
    let mut corrections = Vec::new();
    if !findings.is_empty() {
        for (qs, published) in assessment.statement_scores() {
            let g = published.get();
            let neighbours = [g.checked_sub(1), Some(g + 1)];
            for corrected in neighbours
                .into_iter()
                .flatten()
                .filter_map(|v| Score::new(v).ok())
            {
                let r = rate(&assessment.with_score(qs, corrected));
                if r.rating == published_rating
                    && published_percent_value.is_none_or(|p| p == r.percent)
                {
                    corrections.push(ScoreCorrection {
                        statement: qs,
                        published,
                        corrected,
                        percent: r.percent,
                    });
                }
            }
        }
    }
    Ok(PublishedCheck {
        consistent: findings.is_empty(),
        computed,
        published_rating,
        published_percent: published_percent_value,
        findings,
        corrections,
    })
}

/// The finding when a published percentage lies outside the published rating's band.
fn band_finding(rating: Rating, percent: u8) -> Option<Finding> {
    let (lo, hi) = rating.band();
    (!(lo..=hi).contains(&percent)).then(|| Finding {
        kind: FindingKind::PercentOutsideRatingBand,
        message: format!(
            "{}% is outside the {} band ({}-{}%)",
            percent,
            rating.label().to_ascii_lowercase(),
            lo,
            hi
        ),
    })
}

/// The finding when no scores of `assessed` statements give a published percentage.
fn achievability_finding(percent: u8, assessed: u32) -> Option<Finding> {
    let max = 4 * assessed;
    let possible: Vec<u8> = (assessed..=max)
        .map(|t| published_percent(t, max))
        .collect();
    if possible.contains(&percent) {
        return None;
    }
    let below = possible.iter().rev().find(|&&x| x < percent);
    let above = possible.iter().find(|&&x| x > percent);
    let nearest = match (below, above) {
        (Some(b), Some(a)) => format!("the nearest possible are {b}% and {a}%"),
        (Some(b), None) => format!("the nearest possible is {b}%"),
        (None, Some(a)) => format!("the nearest possible is {a}%"),
        (None, None) => String::new(),
    };
    Some(Finding {
        kind: FindingKind::PercentNotAchievable,
        message: format!("no scores for {assessed} statements give {percent}%: {nearest}"),
    })
}

/// Checks a published overall percentage where the statement scores are not published: it
/// must lie in the published rating's band (when the rating is known) and be a percentage
/// that some scores of `assessed` statements give (rounded up, as CQC publishes it).
///
/// ```
/// use cqc_assurance::{check_published_percent, FindingKind, Rating};
/// // Newham: "62 out of 100", requires improvement (one mark from good).
/// assert!(check_published_percent(Some(Rating::RequiresImprovement), 62, 9).unwrap().is_empty());
/// // 62 published as good, and 60 that nine scores cannot give (21/36 -> 59, 22/36 -> 62).
/// let f = check_published_percent(Some(Rating::Good), 62, 9).unwrap();
/// assert_eq!(f[0].kind, FindingKind::PercentOutsideRatingBand);
/// let f = check_published_percent(None, 60, 9).unwrap();
/// assert_eq!(f[0].kind, FindingKind::PercentNotAchievable);
/// ```
pub fn check_published_percent(
    published_rating: Option<Rating>,
    published_percent_value: u8,
    assessed: u32,
) -> Result<Vec<Finding>> {
    if !(25..=100).contains(&published_percent_value) {
        return Err(Error::InvalidPercent {
            path: "percent".into(),
            value: published_percent_value.to_string(),
        });
    }
    if !(1..=9).contains(&assessed) {
        return Err(Error::InvalidValue {
            path: "assessed".into(),
            message: format!("between 1 and 9 statements are assessed, not {assessed}"),
        });
    }
    Ok(published_rating
        .and_then(|r| band_finding(r, published_percent_value))
        .into_iter()
        .chain(achievability_finding(published_percent_value, assessed))
        .collect())
}

fn trim(x: f64) -> String {
    crate::json::one_decimal(x) + "%"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consistent_record() {
        // Camden: 32/36 = 88.9% → 89% → outstanding.
        let a = Assessment::from_scores(&[3, 3, 4, 3, 4, 4, 3, 4, 4]).unwrap();
        let c = check_published(&a, Rating::Outstanding, Some(89)).unwrap();
        assert!(c.consistent, "{:?}", c.findings);
        assert!(c.corrections.is_empty());
    }

    #[test]
    fn every_kind_of_finding() {
        let a = Assessment::from_scores(&[3, 3, 4, 3, 4, 4, 3, 4, 4]).unwrap();
        // 60% is not a ceil(t/36) value... check: t=21 → 59, t=22 → 62. So 60 is unachievable.
        let c = check_published(&a, Rating::Good, Some(60)).unwrap();
        let kinds: Vec<_> = c.findings.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            [
                FindingKind::RatingMismatch,
                FindingKind::PercentMismatch,
                FindingKind::PercentOutsideRatingBand,
                FindingKind::PercentNotAchievable
            ]
        );
        assert_eq!(
            check_published(&a, Rating::Good, Some(101))
                .unwrap_err()
                .code(),
            "invalid_percent"
        );
    }
}
