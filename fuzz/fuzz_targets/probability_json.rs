//! Probability documents (`rating_probabilities_json`).
#![no_main]
use cqc_assurance::rating_probabilities_json;
use libfuzzer_sys::fuzz_target;

include!("common.rs");

fuzz_target!(|text: &str| {
    match rating_probabilities_json(text) {
        Ok(p) => {
            let sum: f64 = p.ratings.iter().map(|r| r.probability).sum();
            assert!((sum - 1.0).abs() < 1e-5, "probabilities sum to {sum}");
            assert!(p.ratings.iter().all(|r| r.probability >= 0.0));
        }
        Err(e) => check_error(&e, true),
    }
});
