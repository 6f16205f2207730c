//! Workbook documents (`Workbook::from_json_all`, `check_workbook`), analysed on a date and
//! rendered as the report (HTML, Markdown and Word).
#![no_main]
use cqc_assurance::{analyse_workbook, check_workbook, Workbook, WorkbookReport};
use libfuzzer_sys::fuzz_target;

include!("common.rs");

fuzz_target!(|text: &str| {
    let as_of = jiff::civil::date(2025, 6, 30);
    match Workbook::from_json_all(text) {
        Ok(wb) => {
            assert_eq!(Workbook::from_json(&wb.to_json()).unwrap(), wb);
            analyse_workbook(&wb, as_of);
            let report = WorkbookReport::new(&wb, as_of);
            for rendered in [report.html(), report.markdown()] {
                if let Err(e) = rendered {
                    check_error(&e, false);
                }
            }
            if let Err(e) = report.docx() {
                check_error(&e, false);
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in &errors {
                check_error(e, true);
            }
        }
    }
    let check = check_workbook(text, as_of);
    assert_eq!(check.valid, check.errors.is_empty());
});
