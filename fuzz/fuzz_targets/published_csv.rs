//! Published-results CSV (`PublishedDataset::from_csv_lenient`), and what reads checked.
#![no_main]
use cqc_assurance::PublishedDataset;
use libfuzzer_sys::fuzz_target;

include!("common.rs");

fuzz_target!(|text: &str| {
    let (data, errors) = PublishedDataset::from_csv_lenient(text);
    for e in &errors {
        check_error(e, true);
        assert_eq!(e.code(), "invalid_csv");
    }
    for r in data.records() {
        if let Some(c) = r.check() {
            assert_eq!(c.consistent, c.findings.is_empty());
        }
        if let Some(a) = r.assessment() {
            data.rank(&a);
        }
    }
    data.statement_distribution();
    data.rating_counts();
    if let Some(first) = data.records().first() {
        assert!(data.find(&first.council).is_ok());
    }
});
