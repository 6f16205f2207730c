//! Assessment documents (`Assessment::from_json`), then every analysis of what reads.
#![no_main]
use cqc_assurance::{
    check_published, explain, improvement_paths, rate, Assessment, Rating, RatingMethod,
};
use libfuzzer_sys::fuzz_target;

include!("common.rs");

fuzz_target!(|text: &str| {
    for default in [RatingMethod::Current, RatingMethod::Earlier] {
        match Assessment::from_json_with_default(text, default) {
            Ok(a) => {
                let r = rate(&a);
                assert!((25..=100).contains(&r.percent));
                assert_eq!(Rating::from_published_percent(r.percent), Some(r.rating));
                assert_eq!(Assessment::from_json(&a.to_json()).unwrap(), a);
                explain(&a);
                for target in Rating::ALL {
                    let plan = improvement_paths(&a, target);
                    assert_eq!(plan.already_met, plan.paths.is_empty());
                }
                let c = check_published(&a, r.rating, Some(r.percent)).unwrap();
                assert!(c.consistent);
            }
            Err(e) => check_error(&e, true),
        }
    }
});
