//! GOV.UK bank-holidays JSON (`bank_holidays_from_gov_uk_json`) and calendar documents
//! (`WorkingCalendar::from_json`).
#![no_main]
use cqc_assurance::{bank_holidays_from_gov_uk_json, WorkingCalendar};
use libfuzzer_sys::fuzz_target;

include!("common.rs");

fuzz_target!(|text: &str| {
    match bank_holidays_from_gov_uk_json(text, "england-and-wales") {
        Ok(list) => match WorkingCalendar::england().with_bank_holidays(list.clone()) {
            Ok(cal) => {
                for h in &list {
                    if let Ok(working) = cal.is_working_day(h.date) {
                        assert!(!working, "{} is a bank holiday", h.date);
                    }
                }
            }
            // Part of a year is refused, never taken as the whole year.
            Err(e) => {
                assert_eq!(e.code(), "incomplete_holidays");
                check_error(&e, true);
            }
        },
        Err(e) => check_error(&e, true),
    }
    if let Err(e) = WorkingCalendar::from_json(text) {
        check_error(&e, true);
    }
});
