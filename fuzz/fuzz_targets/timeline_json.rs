//! Timeline documents (`TimelineInput::from_json`), planned, exported and given a status.
#![no_main]
use cqc_assurance::{plan_timeline, TimelineInput};
use libfuzzer_sys::fuzz_target;

include!("common.rs");

fuzz_target!(|text: &str| {
    let input = match TimelineInput::from_json(text) {
        Ok(i) => i,
        Err(e) => return check_error(&e, true),
    };
    match plan_timeline(&input) {
        Ok(t) => {
            assert!(t.milestones.windows(2).all(|w| w[0].date <= w[1].date));
            t.to_json();
            t.to_text();
            let today = input.today.unwrap_or(t.notified);
            t.to_ical_on(today);
            if let Err(e) = t.status_on(today, &input.calendar) {
                check_error(&e, true);
            }
        }
        Err(e) => check_error(&e, true),
    }
});
