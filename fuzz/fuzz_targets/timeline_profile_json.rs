//! Timeline profiles (`TimelineProfile::from_json`); a valid one plans a timeline.
#![no_main]
use cqc_assurance::{plan_timeline, TimelineInput, TimelineProfile};
use libfuzzer_sys::fuzz_target;

include!("common.rs");

fuzz_target!(|text: &str| {
    match TimelineProfile::from_json(text) {
        Ok(profile) => {
            assert!(profile.validate().is_ok());
            let mut input = TimelineInput::new(jiff::civil::date(2025, 1, 6));
            input.profile = profile;
            if let Err(e) = plan_timeline(&input) {
                check_error(&e, true);
            }
        }
        Err(e) => check_error(&e, true),
    }
});
