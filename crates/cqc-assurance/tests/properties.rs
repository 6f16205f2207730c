//! Invariants of the rating rule, checked on generated assessments.

use cqc_assurance::{
    check_published, explain, improvement_paths, rate, rating_for_total, rating_probabilities,
    Assessment, QualityStatement, Rating, RatingResult, ScoreDistribution,
};
use proptest::prelude::*;

/// Nine optional scores with at least one assessed.
fn assessment() -> impl Strategy<Value = Assessment> {
    proptest::collection::vec(proptest::option::weighted(0.85, 1u8..=4), 9)
        .prop_filter("at least one statement assessed", |v| {
            v.iter().any(Option::is_some)
        })
        .prop_map(|v| Assessment::from_optional_scores(&v).unwrap())
}

fn distribution() -> impl Strategy<Value = ScoreDistribution> {
    (0u32..=100, 0u32..=100, 0u32..=100, 0u32..=100)
        .prop_filter("not all zero", |(a, b, c, d)| a + b + c + d > 0)
        .prop_map(|(a, b, c, d)| {
            let s = f64::from(a + b + c + d);
            let p = [
                f64::from(a) / s,
                f64::from(b) / s,
                f64::from(c) / s,
                f64::from(d) / s,
            ];
            ScoreDistribution::new(p).unwrap()
        })
}

fn check_call(p: &cqc_assurance::RatingProbabilities) -> Result<(), TestCaseError> {
    use cqc_assurance::{CALL_THRESHOLD, CONTENDER_THRESHOLD};
    let best = p.probability(p.most_likely);
    for r in Rating::ALL {
        // No rating is more likely than the most likely one, and none as likely is worse.
        prop_assert!(p.probability(r) <= best + 1e-12);
        if r < p.most_likely {
            prop_assert!(
                p.probability(r) < best - 1e-12,
                "a tie went to the better rating"
            );
        }
    }
    match p.call.rating {
        Some(r) => {
            prop_assert!(!p.call.too_close_to_call);
            prop_assert_eq!(r, p.most_likely);
            prop_assert!(p.probability(r) + 1e-9 >= CALL_THRESHOLD);
            prop_assert_eq!(p.call.prudent_rating, r);
        }
        None => {
            prop_assert!(p.call.too_close_to_call);
            prop_assert!(best + 1e-9 < CALL_THRESHOLD);
            prop_assert!(p.call.contenders.len() >= 2);
            prop_assert!(p
                .call
                .contenders
                .iter()
                .all(|c| c.probability >= CONTENDER_THRESHOLD));
            prop_assert!(p
                .call
                .contenders
                .windows(2)
                .all(|w| w[0].rating < w[1].rating));
            prop_assert_eq!(p.call.prudent_rating, p.call.contenders[0].rating);
            prop_assert!(p.call.headline.starts_with("Too close to call"));
            for c in &p.call.contenders {
                prop_assert!(p
                    .call
                    .headline
                    .contains(&c.rating.label().to_ascii_lowercase()));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn raising_any_score_never_lowers_the_rating(a in assessment(), pick in 0usize..9) {
        let qs = QualityStatement::ALL[pick];
        if let Some(s) = a.score(qs) {
            if let Some(up) = s.next() {
                let before = rate(&a);
                let after = rate(&a.with_score(qs, up));
                prop_assert!(after.rating >= before.rating);
                prop_assert!(after.percent >= before.percent);
                prop_assert_eq!(after.total, before.total + 1);
            }
        }
    }

    #[test]
    fn percent_is_25_to_100_and_the_band_is_read_from_it(a in assessment()) {
        let r = rate(&a);
        prop_assert!((25..=100).contains(&r.percent));
        prop_assert!(r.percent_exact >= 25.0 && r.percent_exact <= 100.0);
        // Published = exact rounded up, and never more than one point above it.
        prop_assert!(f64::from(r.percent) >= r.percent_exact - 1e-9);
        prop_assert!(f64::from(r.percent) < r.percent_exact + 1.0);
        prop_assert_eq!(Rating::from_published_percent(r.percent), Some(r.rating));
        let (lo, hi) = r.rating.band();
        prop_assert!((lo..=hi).contains(&r.percent));
        prop_assert_eq!(r.max, 4 * r.assessed);
    }

    #[test]
    fn band_position_is_exact(a in assessment()) {
        let r = rate(&a);
        // Adding the points to the next rating reaches it; one fewer does not.
        if let (Some(next), Some(p)) = (r.band.next_rating, r.band.points_to_next_rating) {
            prop_assert!(p >= 1);
            let (rt, _) = rating_for_total(r.total + p, r.assessed).unwrap();
            prop_assert_eq!(rt, next);
            let (below, _) = rating_for_total(r.total + p - 1, r.assessed).unwrap();
            prop_assert_eq!(below, r.rating);
        } else {
            prop_assert_eq!(r.rating, Rating::Outstanding);
        }
        // Losing the slack keeps the rating; one more point loses it.
        if let Some(slack) = r.band.slack_points {
            let (keep, _) = rating_for_total(r.total - slack, r.assessed).unwrap();
            prop_assert_eq!(keep, r.rating);
            if r.total - slack > r.assessed {
                let (lost, _) = rating_for_total(r.total - slack - 1, r.assessed).unwrap();
                prop_assert!(lost < r.rating);
            }
        } else {
            prop_assert_eq!(r.rating, Rating::Inadequate);
        }
    }

    #[test]
    fn assessment_json_round_trip_is_lossless(a in assessment()) {
        let back = Assessment::from_json(&a.to_json()).unwrap();
        prop_assert_eq!(back, a);
    }

    #[test]
    fn result_json_round_trip_is_lossless(a in assessment()) {
        let r = rate(&a);
        let back: RatingResult = serde_json::from_str(&r.to_json()).unwrap();
        prop_assert_eq!(back, r);
    }

    /// Limits are kept (no rise above max_step, no fixed statement raised), a target is out of
    /// reach exactly when the allowed headroom is short, and single steps from the lowest
    /// scores come first: every path of single steps before any with a jump.
    #[test]
    fn improvement_limits_are_kept_and_single_steps_come_first(
        a in assessment(),
        max_step in proptest::option::of(1u8..=3),
        fixed in proptest::collection::vec(0usize..9, 0..3),
        target in prop_oneof![Just(Rating::RequiresImprovement), Just(Rating::Good), Just(Rating::Outstanding)],
    ) {
        let fixed: Vec<QualityStatement> = fixed.into_iter().map(|i| QualityStatement::ALL[i]).collect();
        let options = cqc_assurance::ImprovementOptions { max_step, fixed: fixed.clone() };
        let plan = cqc_assurance::improvement_paths_with(&a, target, &options);
        let headroom: u32 = a
            .statement_scores()
            .filter(|(qs, _)| !fixed.contains(qs))
            .map(|(_, s)| u32::from(4 - s.get()).min(u32::from(max_step.unwrap_or(3))))
            .sum();
        prop_assert_eq!(plan.reachable, plan.already_met || headroom >= plan.points_needed);
        let mut seen_jump = false;
        for p in &plan.paths {
            let points: u32 = p.increases.iter().map(|i| u32::from(i.to.get() - i.from.get())).sum();
            prop_assert_eq!(points, plan.points_needed);
            let jump = p.increases.iter().any(|i| i.to.get() - i.from.get() > 1);
            prop_assert!(!seen_jump || jump, "a path of single steps after one with a jump");
            seen_jump |= jump;
            for i in &p.increases {
                prop_assert!(!fixed.contains(&i.statement));
                prop_assert!(max_step.is_none_or(|m| i.to.get() - i.from.get() <= m));
            }
        }
    }

    #[test]
    fn improvement_paths_reach_the_target_with_exactly_the_points_needed(
        a in assessment(),
        target in prop::sample::select(Rating::ALL.to_vec()),
    ) {
        let plan = improvement_paths(&a, target);
        let now = rate(&a);
        prop_assert_eq!(plan.already_met, now.rating >= target);
        prop_assert_eq!(plan.paths.is_empty(), plan.already_met);
        for path in plan.paths.iter().take(50) {
            let mut b = a;
            for inc in &path.increases {
                prop_assert!(inc.to > inc.from);
                b = b.with_score(inc.statement, inc.to);
            }
            let r = rate(&b);
            prop_assert!(r.rating >= target);
            prop_assert_eq!(r.total, now.total + plan.points_needed);
            // One point fewer (the smallest total that reaches it) misses the target.
            let (short, _) = rating_for_total(r.total - 1, r.assessed).unwrap();
            prop_assert!(short < target);
        }
    }

    #[test]
    fn probabilities_sum_to_one_and_certain_scores_agree_with_rate(
        a in assessment(),
        dists in proptest::collection::vec(distribution(), 9),
    ) {
        let certain: Vec<_> = a
            .statement_scores()
            .map(|(qs, s)| (qs, ScoreDistribution::certain(s)))
            .collect();
        let p = rating_probabilities(&certain).unwrap();
        let r = rate(&a);
        prop_assert!((p.probability(r.rating) - 1.0).abs() < 1e-12);
        prop_assert_eq!(p.call.rating, Some(r.rating));
        prop_assert_eq!(p.totals.len(), 1);
        prop_assert_eq!(p.totals[0].percent, r.percent);

        let uncertain: Vec<_> = a
            .statement_scores()
            .zip(dists)
            .map(|((qs, _), d)| (qs, d))
            .collect();
        let p = rating_probabilities(&uncertain).unwrap();
        let sum: f64 = p.ratings.iter().map(|x| x.probability).sum();
        prop_assert!((sum - 1.0).abs() < 1e-9);
        prop_assert!(p.ratings.iter().all(|x| x.probability >= 0.0));
        // The published percentages possible are whole numbers whose probabilities sum to 1.
        let by_total: f64 = p.totals.iter().map(|t| t.probability).sum();
        prop_assert!((by_total - 1.0).abs() < 1e-9);
        prop_assert!(p.totals.iter().all(|t| (25..=100).contains(&t.percent)));
        check_call(&p)?;
    }

    /// The call never overstates: a rating is called only at two in three or more, a tie goes
    /// to the worse rating, and a close call assumes the worst rating in contention.
    #[test]
    fn the_call_is_prudent(
        a in assessment(),
        dists in proptest::collection::vec(distribution(), 9),
    ) {
        let uncertain: Vec<_> = a
            .statement_scores()
            .zip(dists)
            .map(|((qs, _), d)| (qs, d))
            .collect();
        check_call(&rating_probabilities(&uncertain).unwrap())?;
    }

    #[test]
    fn a_record_is_consistent_with_its_own_rating(a in assessment()) {
        let r = rate(&a);
        let c = check_published(&a, r.rating, Some(r.percent)).unwrap();
        prop_assert!(c.consistent);
        for other in Rating::ALL.into_iter().filter(|x| *x != r.rating) {
            let c = check_published(&a, other, None).unwrap();
            prop_assert!(!c.consistent);
            for k in &c.corrections {
                let fixed = rate(&a.with_score(k.statement, k.corrected));
                prop_assert_eq!(fixed.rating, other);
            }
        }
    }

    #[test]
    fn explanation_states_the_result(a in assessment()) {
        let r = rate(&a);
        let e = explain(&a);
        let text = e.to_text();
        prop_assert_eq!(e.rating, r.rating);
        let needle = format!("{} out of a possible {}", r.total, r.max);
        let pct = format!("{}%", r.percent);
        prop_assert!(text.contains(&needle));
        prop_assert!(text.contains(&pct));
        prop_assert!(text.contains(r.rating.label()));
    }
}

#[test]
fn band_edges_are_exact() {
    let nine = |total: u32| rating_for_total(total, 9).unwrap();
    assert_eq!(nine(13), (Rating::Inadequate, 37));
    assert_eq!(nine(14), (Rating::RequiresImprovement, 39));
    assert_eq!(nine(22), (Rating::RequiresImprovement, 62));
    assert_eq!(nine(23), (Rating::Good, 64));
    assert_eq!(nine(31), (Rating::Good, 87));
    assert_eq!(nine(32), (Rating::Outstanding, 89));
    let eight = |total: u32| rating_for_total(total, 8).unwrap();
    assert_eq!(eight(19), (Rating::RequiresImprovement, 60));
    assert_eq!(eight(20), (Rating::Good, 63));
    assert_eq!(eight(27), (Rating::Good, 85));
    // 28/32 = 87.5%, rounded up to 88: outstanding.
    assert_eq!(eight(28), (Rating::Outstanding, 88));
}

#[test]
fn every_score_vector_rates_by_the_published_rule() {
    // All 4^9 complete vectors: the rating is read from ceil(100 * total / 36).
    let mut counts = [0u32; 4];
    for code in 0..4u32.pow(9) {
        let mut c = code;
        let mut scores = [0u8; 9];
        for s in &mut scores {
            *s = (c % 4 + 1) as u8;
            c /= 4;
        }
        let total: u32 = scores.iter().map(|&s| u32::from(s)).sum();
        let percent = (100 * total).div_ceil(36);
        let want = match percent {
            25..=38 => Rating::Inadequate,
            39..=62 => Rating::RequiresImprovement,
            63..=87 => Rating::Good,
            _ => Rating::Outstanding,
        };
        let r = rate(&Assessment::from_scores(&scores).unwrap());
        assert_eq!(
            (r.rating, u32::from(r.percent)),
            (want, percent),
            "{scores:?}"
        );
        counts[want as usize] += 1;
    }
    // Every rating occurs; most vectors land in requires improvement or good.
    assert!(counts.iter().all(|&c| c > 0), "{counts:?}");
    assert_eq!(counts.iter().sum::<u32>(), 262_144);
}
