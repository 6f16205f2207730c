//! Evidence register CSV (`evidence_from_csv`): what reads writes out and reads back the same.
#![no_main]
use cqc_assurance::{evidence_from_csv, evidence_to_csv};
use libfuzzer_sys::fuzz_target;

include!("common.rs");

fuzz_target!(|text: &str| {
    let import = evidence_from_csv(text);
    for e in &import.errors {
        check_error(e, true);
    }
    let again = evidence_from_csv(&evidence_to_csv(&import.items));
    assert!(again.errors.is_empty(), "{:?}", again.errors);
    assert_eq!(again.items, import.items);
});
