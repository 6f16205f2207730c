//! Runs one operation many times in a plain loop, for instruction-level profiles with
//! `valgrind --tool=callgrind` (divan's own timer calibration would dominate such a profile).
//!
//! ```text
//! CARGO_PROFILE_RELEASE_DEBUG=true cargo build --release -p cqc-assurance-benches --bin profile_op
//! valgrind --tool=callgrind target/release/profile_op assessment_from_json 2000
//! callgrind_annotate --inclusive=yes callgrind.out.<pid> | head -40
//! ```

use std::hint::black_box;

use cqc_assurance::{rate, Assessment};

const DOCUMENT: &str = r#"{"version": 1, "method": "current", "scores": {
    "assessing-needs": 2, "supporting-healthier-lives": 3, "equity": 3,
    "care-provision": 2, "Partnership and communities": 2, "safe-systems": 2,
    "safeguarding": 2, "governance": 3, "learning": 3}}"#;
const ARRAY_DOCUMENT: &str = r#"{"scores": [2, 3, 3, 2, 2, 2, 2, 3, 3]}"#;
const LIVERPOOL: [u8; 9] = [2, 3, 3, 2, 2, 2, 2, 3, 3];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let op = args.first().map(String::as_str).unwrap_or("rate");
    let n: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let a = Assessment::from_scores(&LIVERPOOL).unwrap();
    for _ in 0..n {
        match op {
            "rate" => drop(black_box(rate(black_box(&a)))),
            "rate_to_json" => drop(black_box(rate(black_box(&a)).to_json())),
            "from_scores" => drop(black_box(Assessment::from_scores(black_box(&LIVERPOOL)))),
            "assessment_from_json" => drop(black_box(Assessment::from_json(black_box(DOCUMENT)))),
            "assessment_from_array_json" => {
                drop(black_box(Assessment::from_json(black_box(ARRAY_DOCUMENT))))
            }
            other => {
                eprintln!(
                    "profile_op: unknown op {other:?} (rate, rate_to_json, from_scores, \
                     assessment_from_json, assessment_from_array_json)"
                );
                std::process::exit(2);
            }
        }
    }
}
