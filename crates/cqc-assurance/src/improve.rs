//! "What would it take to reach good?": every minimal set of statement score increases that
//! reaches a target rating.

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::framework::QualityStatement;
use crate::rating::{min_total_for_rating, rate};
use crate::score::{Rating, Score};

/// One statement's score raised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    /// Every minimal path, fewest statements changed first; empty if the target is already met.
    /// (Any target can be reached: all 4s give 100%.)
    pub paths: Vec<ImprovementPath>,
}

/// Lists every minimal set of single-statement score increases that brings an assessment to at
/// least `target`.
///
/// Only statements that were assessed are raised (an unassessed statement has no score to
/// raise). The rating depends only on the total, so a set of increases is minimal exactly when
/// it adds the points needed and no more; each such set is listed once. Under the earlier
/// method the increases are to the derived statement scores.
pub fn improvement_paths(assessment: &Assessment, target: Rating) -> ImprovementPlan {
    let now = rate(assessment);
    let target_total = min_total_for_rating(target, now.max);
    let already_met = now.rating >= target;
    let points_needed = target_total.saturating_sub(now.total);
    let mut paths = Vec::new();
    if !already_met {
        let assessed: Vec<(QualityStatement, Score)> = assessment.statement_scores().collect();
        let headroom: Vec<u32> = assessed
            .iter()
            .map(|(_, s)| 4 - u32::from(s.get()))
            .collect();
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
        // Fewest statements first, then by statement order with the larger increase first;
        // compared lazily (a plan can hold tens of thousands of paths).
        let key = |i: &ScoreIncrease| (i.statement.index(), std::cmp::Reverse(i.to));
        paths.sort_by(|a, b| {
            a.increases
                .len()
                .cmp(&b.increases.len())
                .then_with(|| a.increases.iter().map(key).cmp(b.increases.iter().map(key)))
        });
    }
    ImprovementPlan {
        target,
        current_rating: now.rating,
        current_total: now.total,
        target_total,
        points_needed,
        already_met,
        paths,
    }
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
        // Sorted by number of statements changed.
        assert!(plan
            .paths
            .windows(2)
            .all(|w| w[0].increases.len() <= w[1].increases.len()));
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
