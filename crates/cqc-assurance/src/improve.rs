//! "What would it take to reach good?": every minimal set of statement score increases that
//! reaches a target rating.

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::framework::QualityStatement;
use crate::rating::{min_total_for_rating, rate};
use crate::score::{Rating, Score};

/// One statement's score raised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct ScoreIncrease {
    /// The statement.
    pub statement: QualityStatement,
    /// Its score now.
    pub from: Score,
    /// The score it would need.
    pub to: Score,
}

/// A set of score increases that together reach the target rating, and from which no point can
/// be taken away without missing it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct ImprovementPath {
    /// The increases, in CQC's statement order.
    pub increases: Vec<ScoreIncrease>,
    /// Score points added in all.
    pub points: u32,
    /// The published percentage the path reaches.
    pub percent: u8,
    /// The rating the path reaches.
    pub rating: Rating,
}

/// Every minimal way from an assessment's scores to a target rating.
///
/// ```
/// use cqc_assurance::{improvement_paths, Assessment, Rating, QualityStatement};
/// // Liverpool as in the press: 22/36 → requires improvement; one point reaches good.
/// let plan = improvement_paths(&Assessment::from_scores(&[2, 3, 3, 2, 2, 2, 2, 3, 3]).unwrap(), Rating::Good);
/// assert_eq!(plan.points_needed, 1);
/// // Any one of the nine statements raised by one point.
/// assert_eq!(plan.paths.len(), 9);
/// assert!(plan.paths.iter().all(|p| p.increases.len() == 1));
/// assert!(plan.paths.iter().any(|p| p.increases[0].statement == QualityStatement::Partnerships));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct ImprovementPlan {
    /// The rating aimed for.
    pub target: Rating,
    /// The rating now.
    pub current_rating: Rating,
    /// The total now.
    pub current_total: u32,
    /// The lowest total that gives the target (out of the same maximum).
    pub target_total: u32,
    /// Score points needed (0 if the target is already met).
    pub points_needed: u32,
    /// Whether the current scores already give the target or better.
    pub already_met: bool,
    /// Whether the target can be reached within the options' limits (without limits it always
    /// can: all 4s give 100%).
    pub reachable: bool,
    /// Every minimal path, the most realistic first (see [`improvement_paths_with`]); empty if
    /// the target is already met or cannot be reached within the limits.
    pub paths: Vec<ImprovementPath>,
}

/// Limits on the ways to a target rating.
///
/// ```
/// use cqc_assurance::{improvement_paths_with, Assessment, ImprovementOptions, QualityStatement as QS, Rating};
/// let a = Assessment::from_scores(&[1, 2, 2, 1, 2, 2, 1, 2, 2]).unwrap(); // 15/36 = 42%
/// let options = ImprovementOptions { max_step: Some(1), fixed: vec![QS::Safeguarding] };
/// let plan = improvement_paths_with(&a, Rating::Good, &options);
/// assert!(plan.reachable);
/// for path in &plan.paths {
///     assert!(path.increases.iter().all(|i| i.to.get() == i.from.get() + 1));
///     assert!(path.increases.iter().all(|i| i.statement != QS::Safeguarding));
/// }
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImprovementOptions {
    /// The most one statement's score may rise (1: one step per statement, no jump from 2 to
    /// 4); `None` for no limit.
    #[serde(default)]
    pub max_step: Option<u8>,
    /// Statements whose scores stay as they are.
    #[serde(default)]
    pub fixed: Vec<QualityStatement>,
}

/// Lists every minimal set of single-statement score increases that brings an assessment to at
/// least `target`, with no limits ([`improvement_paths_with`] takes them).
///
/// Only statements that were assessed are raised (an unassessed statement has no score to
/// raise). The rating depends only on the total, so a set of increases is minimal exactly when
/// it adds the points needed and no more; each such set is listed once. Under the earlier
/// method the increases are to the derived statement scores.
pub fn improvement_paths(assessment: &Assessment, target: Rating) -> ImprovementPlan {
    improvement_paths_with(assessment, target, &ImprovementOptions::default())
}

/// As [`improvement_paths`], within limits: no statement raised by more than
/// `options.max_step`, none of `options.fixed` raised at all.
///
/// Paths come most realistic first: those that raise each statement by one step before those
/// with a jump of two or three; then those that raise the lowest scores first (the scores
/// they start from, lowest first, compared in turn: a significant shortfall lifted comes
/// before a good standard made exceptional); then fewer statements changed; then CQC's
/// statement order.
///
/// ```
/// use cqc_assurance::{improvement_paths_with, Assessment, ImprovementOptions, Rating};
/// // 30/36 = 83.3%, published 84%, good; outstanding needs 32/36 (88.9% → 89%): two points.
/// let a = Assessment::from_scores(&[4, 4, 4, 4, 4, 3, 3, 3, 1]).unwrap();
/// let plan = improvement_paths_with(&a, Rating::Outstanding, &ImprovementOptions::default());
/// // Raising the 1 to 2 and a 3 to 4 starts from the lowest score, so it comes first; the
/// // jump of the 1 straight to 3 comes after every path of single steps.
/// let first = &plan.paths[0];
/// assert_eq!(first.increases.iter().map(|i| i.from.get()).min(), Some(1));
/// assert!(first.increases.iter().all(|i| i.to.get() == i.from.get() + 1));
/// ```
pub fn improvement_paths_with(
    assessment: &Assessment,
    target: Rating,
    options: &ImprovementOptions,
) -> ImprovementPlan {
    let now = rate(assessment);
    let target_total = min_total_for_rating(target, now.max);
    let already_met = now.rating >= target;
    let points_needed = target_total.saturating_sub(now.total);
    let mut paths = Vec::new();
    let assessed: Vec<(QualityStatement, Score)> = assessment.statement_scores().collect();
    let max_step = options.max_step.map_or(3, u32::from);
    let headroom: Vec<u32> = assessed
        .iter()
        .map(|(qs, s)| {
            if options.fixed.contains(qs) {
                0
            } else {
                (4 - u32::from(s.get())).min(max_step)
            }
        })
        .collect();
    let reachable = already_met || headroom.iter().sum::<u32>() >= points_needed;
    if !already_met && reachable {
        // Every path adds exactly the points needed, so all reach the same percentage.
        let percent = crate::score::published_percent(now.total + points_needed, now.max);
        let rating = Rating::from_published_percent(percent).expect("within 25-100");
        let mut chosen = vec![0u32; assessed.len()];
        enumerate(&headroom, 0, points_needed, &mut chosen, &mut |d| {
            let mut increases = Vec::with_capacity(d.iter().filter(|&&k| k > 0).count());
            for (&(statement, from), &k) in assessed.iter().zip(d) {
                if k > 0 {
                    increases.push(ScoreIncrease {
                        statement,
                        from,
                        to: Score::ALL[usize::from(from.get()) - 1 + k as usize],
                    });
                }
            }
            paths.push(ImprovementPath {
                increases,
                points: points_needed,
                percent,
                rating,
            });
        });
        paths.sort_by_cached_key(realism);
    }
    ImprovementPlan {
        target,
        current_rating: now.rating,
        current_total: now.total,
        target_total,
        points_needed,
        already_met,
        reachable,
        paths,
    }
}

/// The sort key of [`improvement_paths_with`]: the largest single rise, the starting scores
/// lowest first, the number of statements changed, then the statements in CQC's order (with
/// their rises).
fn realism(path: &ImprovementPath) -> (u8, Vec<u8>, usize, Vec<(usize, u8)>) {
    let step = |i: &ScoreIncrease| i.to.get() - i.from.get();
    let mut from: Vec<u8> = path.increases.iter().map(|i| i.from.get()).collect();
    from.sort_unstable();
    (
        path.increases.iter().map(step).max().unwrap_or(0),
        from,
        path.increases.len(),
        path.increases
            .iter()
            .map(|i| (i.statement.index(), step(i)))
            .collect(),
    )
}

/// Calls `emit` with every vector `d` where `0 <= d[i] <= headroom[i]` and the sum of `d[i..]`
/// is `remaining`.
fn enumerate(
    headroom: &[u32],
    i: usize,
    remaining: u32,
    chosen: &mut Vec<u32>,
    emit: &mut dyn FnMut(&[u32]),
) {
    if i == headroom.len() {
        if remaining == 0 {
            emit(chosen);
        }
        return;
    }
    let rest: u32 = headroom[i + 1..].iter().sum();
    let low = remaining.saturating_sub(rest);
    let high = headroom[i].min(remaining);
    for k in low..=high {
        chosen[i] = k;
        enumerate(headroom, i + 1, remaining - k, chosen, emit);
    }
    chosen[i] = 0;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_reaches_the_target_and_is_minimal() {
        let a = Assessment::from_scores(&[1, 2, 2, 1, 2, 2, 1, 2, 2]).unwrap();
        let plan = improvement_paths(&a, Rating::Good);
        assert!(!plan.paths.is_empty());
        let mut seen = std::collections::HashSet::new();
        for p in &plan.paths {
            let mut b = a;
            for inc in &p.increases {
                assert_eq!(b.score(inc.statement), Some(inc.from));
                b = b.with_score(inc.statement, inc.to);
            }
            assert!(rate(&b).rating >= Rating::Good);
            // Minimal: taking one point off any increase misses the target.
            for inc in &p.increases {
                let lower = Score::ALL[usize::from(inc.to.get()) - 2];
                assert!(rate(&b.with_score(inc.statement, lower)).rating < Rating::Good);
            }
            assert!(seen.insert(p.clone()), "listed twice");
        }
        // The most realistic first.
        assert!(plan
            .paths
            .windows(2)
            .all(|w| realism(&w[0]) <= realism(&w[1])));
        assert!(plan.paths[0]
            .increases
            .iter()
            .all(|i| i.to.get() == i.from.get() + 1));
    }

    #[test]
    fn limits_can_make_a_target_unreachable() {
        // 9/36 = 25%: outstanding needs 32, 23 more points; with one step each, 9 at most.
        let a = Assessment::from_scores(&[1; 9]).unwrap();
        let one_step = ImprovementOptions {
            max_step: Some(1),
            fixed: vec![],
        };
        let plan = improvement_paths_with(&a, Rating::Outstanding, &one_step);
        assert!(!plan.reachable && plan.paths.is_empty() && !plan.already_met);
        // Requires improvement (14 needed: 5 points) is reachable one step at a time, but not
        // with five of the nine statements fixed.
        assert!(improvement_paths_with(&a, Rating::RequiresImprovement, &one_step).reachable);
        let fixed = ImprovementOptions {
            max_step: Some(1),
            fixed: QualityStatement::ALL[..5].to_vec(),
        };
        assert!(!improvement_paths_with(&a, Rating::RequiresImprovement, &fixed).reachable);
    }

    #[test]
    fn already_met_and_unreachable() {
        let a = Assessment::from_scores(&[3; 9]).unwrap();
        let plan = improvement_paths(&a, Rating::Good);
        assert!(plan.already_met && plan.paths.is_empty() && plan.points_needed == 0);
        let plan = improvement_paths(&a, Rating::Outstanding);
        assert_eq!(plan.points_needed, 32 - 27);
        assert!(!plan.paths.is_empty());
        let b = Assessment::from_scores(&[4; 9]).unwrap();
        assert!(improvement_paths(&b, Rating::Outstanding).already_met);
    }
}
