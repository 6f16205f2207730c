//! The rating rule: statement scores → overall percentage → rating, with the position in the
//! band and an explanation in plain words.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::error::Result;
use crate::framework::{EvidenceCategory, QualityStatement, Theme};
use crate::method::RatingMethod;
use crate::score::{min_total_for_percent, published_percent, Rating, Score};

/// Which half of its band a result sits in, as CQC words it ("upper threshold, nearing
/// outstanding" or "lower threshold, nearer to requires improvement").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BandHalf {
    /// From the band's midpoint up.
    Upper,
    /// Below the band's midpoint.
    Lower,
}

/// Where a result sits in its rating band.
///
/// Percentage points are whole published percentages; score points are points of statement
/// score (raising one statement from 2 to 3 is one score point).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct BandPosition {
    /// The band's rating.
    pub rating: Rating,
    /// The band's lowest published percentage.
    pub lower_percent: u8,
    /// The band's highest published percentage.
    pub upper_percent: u8,
    /// Published percentage minus the band's lowest (0 means on the edge).
    pub percent_above_lower_edge: u8,
    /// The next rating up, if any.
    pub next_rating: Option<Rating>,
    /// Score points needed to reach the next rating up (`None` for outstanding).
    pub points_to_next_rating: Option<u32>,
    /// Score points that can be lost while keeping this rating (`None` for inadequate, which
    /// has no band below).
    pub slack_points: Option<u32>,
    /// Upper or lower half of the band (the midpoint itself counts as upper).
    pub half: BandHalf,
    /// The position in CQC's words, e.g. "upper threshold of good, nearing outstanding".
    pub wording: Cow<'static, str>,
}

/// The evidence-category working of one statement (earlier method).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct EvidenceWorking {
    /// The categories scored, with their scores.
    pub categories: Vec<CategoryScore>,
    /// Sum of the category scores.
    pub total: u32,
    /// 4 × categories scored.
    pub max: u32,
    /// Exact statement percentage.
    pub percent_exact: f64,
    /// Statement percentage rounded up.
    pub percent: u8,
}

/// One evidence category's score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct CategoryScore {
    /// The category.
    pub category: EvidenceCategory,
    /// Its score.
    pub score: Score,
}

/// One assessed statement in a result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct StatementResult {
    /// The statement.
    pub statement: QualityStatement,
    /// Its theme.
    pub theme: Theme,
    /// Its score (under the earlier method, derived from the evidence categories).
    pub score: Score,
    /// The evidence-category working (earlier method only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "declarations", ts(optional))]
    pub evidence: Option<EvidenceWorking>,
}

/// The outcome of rating an assessment.
///
/// ```
/// use cqc_assurance::{rate, Assessment, Rating, BandHalf};
/// let result = rate(&Assessment::from_scores(&[2, 3, 3, 2, 3, 2, 2, 3, 3]).unwrap());
/// assert_eq!(result.rating, Rating::Good);
/// assert_eq!((result.total, result.max, result.assessed), (23, 36, 9));
/// assert_eq!(result.percent, 64); // 63.9% rounded up
/// assert!((result.percent_exact - 63.888).abs() < 0.001);
/// assert_eq!(result.band.slack_points, Some(0)); // one point less is requires improvement
/// assert_eq!(result.band.points_to_next_rating, Some(9)); // 32/36 = 88.9% → 89%
/// assert_eq!(result.band.half, BandHalf::Lower);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct RatingResult {
    /// The method the scores were given under.
    pub method: RatingMethod,
    /// The overall rating.
    pub rating: Rating,
    /// Sum of the statement scores.
    pub total: u32,
    /// 4 × statements assessed.
    pub max: u32,
    /// Number of statements assessed (1-9).
    pub assessed: u32,
    /// The published whole percentage: the exact percentage rounded up.
    pub percent: u8,
    /// The exact percentage, 100 × total ÷ max.
    pub percent_exact: f64,
    /// Each assessed statement, in CQC's order.
    pub statements: Vec<StatementResult>,
    /// Where the result sits in its band.
    pub band: BandPosition,
}

impl RatingResult {
    /// The result as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("results always serialise")
    }
}

/// Rates an assessment by CQC's method: every assessed statement weighs the same; the overall
/// percentage is total ÷ (4 × statements assessed); CQC publishes it rounded up to a whole
/// number and reads the band from that whole number (25-38 inadequate, 39-62 requires
/// improvement, 63-87 good, 88+ outstanding). There is no theme-level score and no limiter.
///
/// ```
/// use cqc_assurance::{rate, Assessment, Rating};
/// // 14/36 = 38.9% → 39% → requires improvement.
/// let r = rate(&Assessment::from_scores(&[1, 1, 1, 1, 2, 2, 2, 2, 2]).unwrap());
/// assert_eq!((r.total, r.percent, r.rating), (14, 39, Rating::RequiresImprovement));
/// // Eight statements assessed: 20/32 = 62.5% → 63% → good.
/// let r = rate(&Assessment::from_optional_scores(&[Some(2), Some(3), Some(3), Some(2), Some(3), Some(2), Some(2), Some(3), None]).unwrap());
/// assert_eq!((r.total, r.max, r.percent, r.rating), (20, 32, 63, Rating::Good));
/// ```
pub fn rate(assessment: &Assessment) -> RatingResult {
    // One pass over the scores, and the statements vector allocated once at its final size
    // (collecting from a filtering iterator would grow it three times).
    let mut statements = Vec::with_capacity(9);
    let mut total = 0;
    for (qs, score) in assessment.statement_scores() {
        total += u32::from(score.get());
        statements.push(StatementResult {
            statement: qs,
            theme: qs.theme(),
            score,
            evidence: assessment.evidence(qs).map(|ev| EvidenceWorking {
                categories: ev
                    .iter()
                    .map(|(category, score)| CategoryScore { category, score })
                    .collect(),
                total: ev.total(),
                max: ev.max(),
                percent_exact: ev.percent_exact(),
                percent: ev.percent(),
            }),
        });
    }
    let assessed = statements.len() as u32;
    let max = 4 * assessed;
    let band = band_position(total, max);
    RatingResult {
        method: assessment.method(),
        rating: band.rating,
        total,
        max,
        assessed,
        percent: published_percent(total, max),
        percent_exact: 100.0 * f64::from(total) / f64::from(max),
        statements,
        band,
    }
}

/// Rates nine scores given in CQC's order (QS1-QS9) by the current method.
///
/// ```
/// let r = cqc_assurance::rate_scores(&[3, 3, 4, 3, 4, 4, 3, 4, 4]).unwrap(); // Camden
/// assert_eq!((r.percent, r.rating.as_str()), (89, "outstanding"));
/// ```
pub fn rate_scores(scores: &[u8]) -> Result<RatingResult> {
    Ok(rate(&Assessment::from_scores(scores)?))
}

/// The rating of a total out of `4 × assessed`, without building a result; the fast path for
/// batch scoring. `assessed` must be 1-9 and `total` within `assessed..=4 × assessed`.
///
/// ```
/// use cqc_assurance::{rating_for_total, Rating};
/// assert_eq!(rating_for_total(22, 9), Some((Rating::RequiresImprovement, 62)));
/// assert_eq!(rating_for_total(23, 9), Some((Rating::Good, 64)));
/// assert_eq!(rating_for_total(40, 9), None);
/// ```
pub fn rating_for_total(total: u32, assessed: u32) -> Option<(Rating, u8)> {
    if !(1..=9).contains(&assessed) || total < assessed || total > 4 * assessed {
        return None;
    }
    let percent = published_percent(total, 4 * assessed);
    Rating::from_published_percent(percent).map(|r| (r, percent))
}

/// The smallest total out of `max` that gives `rating` or better.
pub(crate) fn min_total_for_rating(rating: Rating, max: u32) -> u32 {
    min_total_for_percent(rating.band().0, max)
}

/// CQC's way of saying where a result sits in its band (a fixed phrase for each band half).
fn band_wording(rating: Rating, half: BandHalf) -> &'static str {
    match (rating, half) {
        (Rating::Inadequate, BandHalf::Lower) => "lower threshold of inadequate",
        (Rating::Inadequate, BandHalf::Upper) => {
            "upper threshold of inadequate, nearing requires improvement"
        }
        (Rating::RequiresImprovement, BandHalf::Lower) => {
            "lower threshold of requires improvement, nearer to inadequate"
        }
        (Rating::RequiresImprovement, BandHalf::Upper) => {
            "upper threshold of requires improvement, nearing good"
        }
        (Rating::Good, BandHalf::Lower) => {
            "lower threshold of good, nearer to requires improvement"
        }
        (Rating::Good, BandHalf::Upper) => "upper threshold of good, nearing outstanding",
        (Rating::Outstanding, BandHalf::Lower) => "lower threshold of outstanding, nearer to good",
        (Rating::Outstanding, BandHalf::Upper) => "upper threshold of outstanding",
    }
}

fn band_position(total: u32, max: u32) -> BandPosition {
    let percent = published_percent(total, max);
    let rating = Rating::from_published_percent(percent).expect("percent is within 25-100");
    let (lo, hi) = rating.band();
    let next_rating = rating.next_up();
    let points_to_next_rating = next_rating.map(|n| min_total_for_rating(n, max) - total);
    let slack_points = rating
        .next_down()
        .map(|_| total - min_total_for_rating(rating, max));
    let half = if 2 * u32::from(percent) >= u32::from(lo) + u32::from(hi) {
        BandHalf::Upper
    } else {
        BandHalf::Lower
    };
    let wording = Cow::Borrowed(band_wording(rating, half));
    BandPosition {
        rating,
        lower_percent: lo,
        upper_percent: hi,
        percent_above_lower_edge: percent - lo,
        next_rating,
        points_to_next_rating,
        slack_points,
        half,
        wording,
    }
}

/// The steps of a rating, in words a council officer can follow and check by hand.
///
/// ```
/// use cqc_assurance::{explain, Assessment};
/// let e = explain(&Assessment::from_scores(&[2, 3, 3, 2, 2, 2, 2, 3, 3]).unwrap());
/// let text = e.to_text();
/// assert!(text.contains("22 out of a possible 36"));
/// assert!(text.contains("61.1%"));
/// assert!(text.contains("rounded up to 62%"));
/// assert!(text.contains("Requires improvement"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct Explanation {
    /// The rating explained.
    pub rating: Rating,
    /// One sentence or short paragraph per step, in order.
    pub steps: Vec<String>,
}

impl Explanation {
    /// The steps as numbered lines.
    pub fn to_text(&self) -> String {
        self.steps
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}. {s}\n", i + 1))
            .collect()
    }
}

fn fmt_pct(x: f64) -> String {
    crate::json::one_decimal(x)
}

/// Explains how the rating of an assessment follows from its scores.
pub fn explain(assessment: &Assessment) -> Explanation {
    let r = rate(assessment);
    let mut steps = Vec::new();
    steps.push(match r.method {
        RatingMethod::Current => format!(
            "Method: {} ({} onwards). Each quality statement assessed gets a score from 1 (significant shortfalls) to 4 (exceptional standard).",
            r.method.name(), r.method.in_force_from()
        ),
        RatingMethod::Earlier => format!(
            "Method: {} ({} until {}). Each statement's evidence categories were scored 1-4; the statement's percentage, rounded up, gives its score: 25-38% → 1, 39-62% → 2, 63-87% → 3, 88% or more → 4.",
            r.method.name(),
            r.method.in_force_from(),
            r.method.in_force_until().unwrap_or("now")
        ),
    });
    if r.method == RatingMethod::Earlier {
        for s in &r.statements {
            if let Some(ev) = &s.evidence {
                let parts: Vec<String> = ev
                    .categories
                    .iter()
                    .map(|c| format!("{} {}", c.category.name().to_ascii_lowercase(), c.score))
                    .collect();
                steps.push(format!(
                    "{} (QS{}): {} = {} of {} = {}%, rounded up to {}%, so a statement score of {}.",
                    s.statement.name(),
                    s.statement.number(),
                    parts.join(", "),
                    ev.total,
                    ev.max,
                    fmt_pct(ev.percent_exact),
                    ev.percent,
                    s.score
                ));
            }
        }
    }
    let listed: Vec<String> = r
        .statements
        .iter()
        .map(|s| {
            format!(
                "QS{} {} {}",
                s.statement.number(),
                s.statement.name(),
                s.score
            )
        })
        .collect();
    let not_assessed: Vec<String> = QualityStatement::ALL
        .into_iter()
        .filter(|qs| assessment.score(*qs).is_none())
        .map(|qs| format!("QS{} {}", qs.number(), qs.name()))
        .collect();
    let mut s = format!(
        "{} of 9 quality statements assessed: {}.",
        r.assessed,
        listed.join("; ")
    );
    if !not_assessed.is_empty() {
        s.push_str(&format!(
            " Not assessed, and left out of the sums: {}.",
            not_assessed.join("; ")
        ));
    }
    steps.push(s);
    steps.push(format!(
        "Every assessed statement counts the same. The scores add up to {} out of a possible {} (4 points × {} statements).",
        r.total, r.max, r.assessed
    ));
    let exact_is_whole = (100 * r.total).is_multiple_of(r.max);
    steps.push(if exact_is_whole {
        format!(
            "{} ÷ {} = {}%, a whole number, so the published score is {}%.",
            r.total, r.max, r.percent, r.percent
        )
    } else {
        format!(
            "{} ÷ {} = {}%, which CQC publishes rounded up to {}% (the rounding is inferred from every published score; CQC does not state it).",
            r.total,
            r.max,
            fmt_pct(r.percent_exact),
            r.percent
        )
    });
    steps.push(format!(
        "{}% is in the {} band ({}-{}%), so the rating is {}. Bands: inadequate 25-38%, requires improvement 39-62%, good 63-87%, outstanding 88% and above.",
        r.percent,
        r.rating.label().to_ascii_lowercase(),
        r.band.lower_percent,
        r.band.upper_percent,
        r.rating.label()
    ));
    if r.statements.iter().any(|s| s.score.get() == 1) {
        steps.push(
            "A score of 1 does not cap the rating: there is no limiter and no theme-level score (Warrington scored 1 for safeguarding and was rated requires improvement). CQC does tell the Secretary of State where a council fails to meet its duties to an acceptable standard.".into(),
        );
    }
    let mut position = format!("Position: {}.", r.band.wording);
    if let (Some(n), Some(p)) = (r.band.next_rating, r.band.points_to_next_rating) {
        position.push_str(&format!(
            " {} more score point{} would reach {}.",
            p,
            if p == 1 { "" } else { "s" },
            n.label().to_ascii_lowercase()
        ));
    }
    if let (Some(d), Some(slack)) = (r.rating.next_down(), r.band.slack_points) {
        position.push_str(&format!(
            " {} point{} fewer would drop it to {}.",
            slack + 1,
            if slack == 0 { "" } else { "s" },
            d.label().to_ascii_lowercase()
        ));
    }
    steps.push(position);
    Explanation {
        rating: r.rating,
        steps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explain_rounds_an_exact_half_up_as_people_do() {
        // 26 of 32 (eight statements assessed) is exactly 81.25%.
        let a = Assessment::from_optional_scores(&[
            Some(4),
            Some(4),
            Some(3),
            Some(3),
            Some(3),
            Some(3),
            Some(3),
            Some(3),
            None,
        ])
        .unwrap();
        let text = explain(&a).to_text();
        assert!(
            text.contains("26 ÷ 32 = 81.3%, which CQC publishes rounded up to 82%"),
            "{text}"
        );
    }

    #[test]
    fn band_position_edges() {
        // 22/36 = 61.1% → 62%: the top of requires improvement.
        let b = band_position(22, 36);
        assert_eq!(b.rating, Rating::RequiresImprovement);
        assert_eq!(b.points_to_next_rating, Some(1));
        assert_eq!(b.slack_points, Some(22 - 14));
        assert_eq!(b.half, BandHalf::Upper);
        assert_eq!(
            b.wording,
            "upper threshold of requires improvement, nearing good"
        );
        // 36/36: outstanding, nothing above.
        let b = band_position(36, 36);
        assert_eq!(b.points_to_next_rating, None);
        assert_eq!(b.slack_points, Some(36 - 32));
        // 9/36: inadequate, nothing below.
        let b = band_position(9, 36);
        assert_eq!(b.slack_points, None);
        assert_eq!(b.points_to_next_rating, Some(14 - 9));
        assert_eq!(b.wording, "lower threshold of inadequate");
    }

    #[test]
    fn explanation_mentions_not_assessed() {
        let a = Assessment::from_optional_scores(&[
            Some(1),
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            Some(4),
        ])
        .unwrap();
        let text = explain(&a).to_text();
        assert!(text.contains("2 of 9"), "{text}");
        assert!(text.contains("Not assessed"), "{text}");
        assert!(text.contains("no limiter"), "{text}");
        assert!(text.contains("5 ÷ 8 = 62.5%"), "{text}");
    }
}
