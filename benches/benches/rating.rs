//! The rating rule and the analyses built on it: one assessment, all 4^9 score vectors,
//! exact rating probabilities, improvement paths, documents.
//!
//! Run: `cargo bench -p cqc-assurance-benches --bench rating`.

use cqc_assurance::{
    explain, improvement_paths, rate, rate_batch, rate_row, rating_for_total, rating_probabilities,
    rating_probabilities_json, Assessment, QualityStatement, Rating, Score, ScoreDistribution,
};
use cqc_assurance_benches::{all_score_vectors, plain_rate_row};
use divan::counter::ItemsCount;
use divan::{black_box, Bencher};

fn main() {
    divan::main();
}

/// Liverpool as reported in the press: 22/36, requires improvement, one point from good.
const LIVERPOOL: [u8; 9] = [2, 3, 3, 2, 2, 2, 2, 3, 3];

mod one {
    use super::*;

    /// `rate`: the full result (statements, band position, wording).
    #[divan::bench]
    fn rate_assessment(bencher: Bencher) {
        let a = Assessment::from_scores(&LIVERPOOL).unwrap();
        bencher.bench(|| rate(black_box(&a)));
    }

    /// `rate_row`: rating and percentage of one row of nine, as the batch path and the
    /// bindings' `rate_row` use it.
    #[divan::bench]
    fn rate_row_of_nine(bencher: Bencher) {
        bencher.bench(|| rate_row(black_box(&LIVERPOOL), 0));
    }

    /// `rating_for_total`: the rule on a total alone.
    #[divan::bench]
    fn rating_for_total_only(bencher: Bencher) {
        bencher.bench(|| rating_for_total(black_box(22), black_box(9)));
    }

    /// `Assessment::from_scores` then `rate`: what a caller holding nine numbers pays.
    #[divan::bench]
    fn from_scores_and_rate(bencher: Bencher) {
        bencher.bench(|| rate(&Assessment::from_scores(black_box(&LIVERPOOL)).unwrap()));
    }

    /// `explain`: the worded steps.
    #[divan::bench]
    fn explain_assessment(bencher: Bencher) {
        let a = Assessment::from_scores(&LIVERPOOL).unwrap();
        bencher.bench(|| explain(black_box(&a)));
    }

    /// Reading an assessment document (object form keyed by names).
    #[divan::bench]
    fn assessment_from_json(bencher: Bencher) {
        let json = r#"{"version": 1, "method": "current", "scores": {
            "assessing-needs": 2, "supporting-healthier-lives": 3, "equity": 3,
            "care-provision": 2, "Partnership and communities": 2, "safe-systems": 2,
            "safeguarding": 2, "governance": 3, "learning": 3}}"#;
        bencher.bench(|| Assessment::from_json(black_box(json)).unwrap());
    }
}

mod all_vectors {
    use super::*;

    const ROWS: usize = 262_144;

    /// `rate_batch` over all 262,144 rows, then the ratings tabulated.
    #[divan::bench]
    fn rate_batch_and_tabulate(bencher: Bencher) {
        let scores = all_score_vectors();
        let (mut ratings, mut percents) = (vec![0u8; ROWS], vec![0u8; ROWS]);
        bencher.counter(ItemsCount::new(ROWS)).bench_local(|| {
            rate_batch(black_box(&scores), &mut ratings, &mut percents).unwrap();
            let mut counts = [0u32; 4];
            for &r in &ratings {
                counts[usize::from(r)] += 1;
            }
            black_box(counts)
        });
    }

    /// `rate_row` in a loop.
    #[divan::bench]
    fn rate_row_loop(bencher: Bencher) {
        let scores = all_score_vectors();
        bencher.counter(ItemsCount::new(ROWS)).bench_local(|| {
            let mut counts = [0u32; 4];
            for row in black_box(&scores).chunks_exact(9) {
                let (r, _) = rate_row(row.try_into().unwrap(), 0).unwrap();
                counts[r as usize] += 1;
            }
            black_box(counts)
        });
    }

    /// `Assessment::from_scores` + `rate` in a loop: the full result for every row.
    #[divan::bench(sample_count = 20)]
    fn rate_loop(bencher: Bencher) {
        let scores = all_score_vectors();
        bencher.counter(ItemsCount::new(ROWS)).bench_local(|| {
            let mut counts = [0u32; 4];
            for row in black_box(&scores).chunks_exact(9) {
                let r = rate(&Assessment::from_scores(row).unwrap());
                counts[r.rating as usize] += 1;
            }
            black_box(counts)
        });
    }

    /// The plain rule (no table) in a loop, for comparison.
    #[divan::bench]
    fn plain_loop(bencher: Bencher) {
        let scores = all_score_vectors();
        bencher.counter(ItemsCount::new(ROWS)).bench_local(|| {
            let mut counts = [0u32; 4];
            for row in black_box(&scores).chunks_exact(9) {
                let (r, _) = plain_rate_row(row.try_into().unwrap()).unwrap();
                counts[usize::from(r)] += 1;
            }
            black_box(counts)
        });
    }
}

mod probabilities {
    use super::*;

    fn nine_uncertain() -> Vec<(QualityStatement, ScoreDistribution)> {
        let d = [
            [0.0, 0.2, 0.6, 0.2],
            [0.1, 0.4, 0.4, 0.1],
            [0.0, 0.5, 0.5, 0.0],
            [0.05, 0.25, 0.5, 0.2],
            [0.0, 0.3, 0.6, 0.1],
            [0.2, 0.5, 0.3, 0.0],
            [0.1, 0.3, 0.4, 0.2],
            [0.0, 0.1, 0.6, 0.3],
            [0.25, 0.25, 0.25, 0.25],
        ];
        QualityStatement::ALL
            .into_iter()
            .zip(d)
            .map(|(q, p)| (q, ScoreDistribution::new(p).unwrap()))
            .collect()
    }

    /// `rating_probabilities` with all nine statements uncertain.
    #[divan::bench]
    fn nine_uncertain_statements(bencher: Bencher) {
        let input = nine_uncertain();
        bencher.bench(|| rating_probabilities(black_box(&input)).unwrap());
    }

    /// The same from a probability document (parsing included).
    #[divan::bench]
    fn from_json_document(bencher: Bencher) {
        let json = r#"{"version": 1, "scores": [[0, 0.2, 0.6, 0.2], [0.1, 0.4, 0.4, 0.1],
            [0, 0.5, 0.5, 0], [0.05, 0.25, 0.5, 0.2], [0, 0.3, 0.6, 0.1], [0.2, 0.5, 0.3, 0],
            [0.1, 0.3, 0.4, 0.2], [0, 0.1, 0.6, 0.3], [0.25, 0.25, 0.25, 0.25]]}"#;
        bencher.bench(|| rating_probabilities_json(black_box(json)).unwrap());
    }
}

mod improvement {
    use super::*;

    /// Liverpool to good: one point, nine one-statement paths.
    #[divan::bench]
    fn one_point_to_good(bencher: Bencher) {
        let a = Assessment::from_scores(&LIVERPOOL).unwrap();
        bencher.bench(|| improvement_paths(black_box(&a), Rating::Good));
    }

    /// All 2s (18/36) to good: 5 points over nine statements, 882 paths.
    #[divan::bench]
    fn all_twos_to_good(bencher: Bencher) {
        let a = Assessment::from_scores(&[2; 9]).unwrap();
        bencher.bench(|| improvement_paths(black_box(&a), Rating::Good));
    }

    /// The largest plan there is: all 1s (9/36) to good needs 14 points over nine statements
    /// with three points of headroom each: 30,276 paths (every vector of nine 0-3 summing to
    /// 14; 13 and 14 are the two most likely sums).
    #[divan::bench(sample_count = 20)]
    fn all_ones_to_good(bencher: Bencher) {
        let a = Assessment::from_scores(&[1; 9]).unwrap();
        bencher.bench(|| improvement_paths(black_box(&a), Rating::Good));
    }

    /// Outstanding from good with one score already 4.
    #[divan::bench]
    fn good_to_outstanding(bencher: Bencher) {
        let a = Assessment::from_scores(&[3, 3, 4, 3, 3, 3, 3, 3, 3])
            .unwrap()
            .with_score(QualityStatement::Safeguarding, Score::new(3).unwrap());
        bencher.bench(|| improvement_paths(black_box(&a), Rating::Outstanding));
    }
}
