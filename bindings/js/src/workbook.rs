//! The self-assessment workbook, for JavaScript: the workbook document is taken in the
//! core's own file format (JSON text, or the parsed object, keys exactly as in the file), checked
//! and analysed by the core; results come back with camelCase field names.

use cqc_assurance as cqc;
use wasm_bindgen::prelude::*;

use crate::convert::{date_arg, repr, to_json_text};
use crate::{thrown, to_js, JsResult};

/// The workbook as JSON text: a string is taken as the file's text, anything else is written
/// as JSON with its keys as given (the file format's field names are the core's).
fn workbook_text(workbook: &JsValue) -> Result<String, JsValue> {
    match workbook.as_string() {
        Some(s) => Ok(s),
        None => to_json_text(workbook, "").map_err(thrown),
    }
}

/// Checks a workbook and, when it is valid, analyses it as of `today`: every problem with its
/// code and path (not only the first), warnings, and the analysis (prediction, coverage,
/// stale evidence, indicators against England, overdue actions, benchmark, timeline).
#[wasm_bindgen(js_name = checkWorkbook)]
pub fn check_workbook(workbook: &JsValue, today: &JsValue) -> JsResult {
    let today = date_arg(today, "today")?;
    to_js(&cqc::check_workbook(&workbook_text(workbook)?, today))
}

/// Reads an evidence register in CSV: the rows that are good, and every bad row's error
/// (`invalid_csv` with `line N: field`); good rows are kept.
#[wasm_bindgen(js_name = evidenceFromCsv)]
pub fn evidence_from_csv(text: &JsValue) -> JsResult {
    let text = text.as_string().ok_or_else(|| {
        thrown(cqc::Error::InvalidCsv {
            path: "line 1: header".into(),
            line: 1,
            message: format!("expected the CSV text as a string, got {}", repr(text)),
        })
    })?;
    to_js(&cqc::evidence_from_csv(&text))
}

/// How an indicator compares with England's average: `better`, `similar` (the difference is
/// within `tolerance`, in the indicator's own unit) or `worse`.
#[wasm_bindgen(js_name = compareWithEngland)]
pub fn compare_with_england(
    value: &JsValue,
    england: &JsValue,
    higher_is_better: &JsValue,
    tolerance: &JsValue,
) -> JsResult {
    let number = |v: &JsValue, path: &str| match v.as_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(thrown(cqc::Error::InvalidValue {
            path: path.into(),
            message: format!("expected a finite number, got {}", repr(v)),
        })),
    };
    let value = number(value, "value")?;
    let england = number(england, "england")?;
    let higher_is_better = higher_is_better.as_bool().ok_or_else(|| {
        thrown(cqc::Error::InvalidValue {
            path: "higher_is_better".into(),
            message: format!("expected true or false, got {}", repr(higher_is_better)),
        })
    })?;
    let tolerance = number(tolerance, "tolerance")?;
    to_js(&cqc::compare_with_england(
        value,
        england,
        higher_is_better,
        tolerance,
    ))
}
