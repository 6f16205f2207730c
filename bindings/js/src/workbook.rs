//! The self-assessment workbook, for JavaScript: the workbook document is taken in the
//! core's own file format (JSON text, or the parsed object, keys exactly as in the file), checked
//! and analysed by the core; results come back with camelCase field names.

use cqc_assurance as cqc;
use wasm_bindgen::prelude::*;

use crate::convert::{date_arg, repr};
use crate::document::{bytes_arg, workbook_arg, workbook_object, workbook_text};
use crate::{thrown, to_js, JsResult};

/// Checks a workbook (the object of its JSON file, or the text) and, when it is valid, analyses
/// it as of `today`: every problem with its code and path in `errors` (not only the first, and
/// none thrown), warnings, and the analysis (prediction, coverage, stale evidence, indicators
/// against England, overdue actions, benchmark, timeline).
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

/// A register's name (`evidence`, `actions`, ..., `history`): the core's names and message.
fn part_arg(part: &JsValue) -> Result<cqc::WorkbookPart, JsValue> {
    cqc::WorkbookPart::parse(part.as_string().as_deref(), &repr(part)).map_err(thrown)
}

/// A boolean option: absent is false.
fn flag(options: &JsValue, key: &str) -> Result<bool, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(false);
    }
    let v = js_sys::Reflect::get(options, &key.into()).unwrap_or(JsValue::UNDEFINED);
    if v.is_undefined() {
        return Ok(false);
    }
    v.as_bool().ok_or_else(|| {
        thrown(cqc::Error::InvalidValue {
            path: format!("options.{key}"),
            message: format!("expected true or false, got {}", repr(&v)),
        })
    })
}

/// The import options `{ mode: "replace" | "merge", keepGoodRows, allowFewer }` (each
/// optional; the core's safe defaults: replace, every row good, no item lost).
fn import_options(options: &JsValue) -> Result<cqc::ImportOptions, JsValue> {
    if !(options.is_undefined() || options.is_null() || options.is_object()) {
        return Err(thrown(cqc::Error::InvalidValue {
            path: "options".into(),
            message: format!(
                "expected {{ mode, keepGoodRows, allowFewer }}, got {}",
                repr(options)
            ),
        }));
    }
    let mode = if options.is_object() {
        js_sys::Reflect::get(options, &"mode".into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    };
    let mode = if mode.is_undefined() {
        cqc::ImportMode::Replace
    } else {
        cqc::ImportMode::parse(mode.as_string().as_deref(), &repr(&mode), "options.mode")
            .map_err(thrown)?
    };
    Ok(cqc::ImportOptions {
        mode,
        keep_good_rows: flag(options, "keepGoodRows")?,
        allow_fewer: flag(options, "allowFewer")?,
    })
}

/// A new workbook for a council: the core's starter (nine statements not yet scored, the
/// indicators CQC's metrics list with England's figures and the council's left empty), as
/// the object of its file.
#[wasm_bindgen(js_name = starterWorkbook)]
pub fn starter_workbook(council: &JsValue) -> JsResult {
    let council = council.as_string().ok_or_else(|| {
        thrown(cqc::Error::InvalidValue {
            path: "council".into(),
            message: format!("expected the council's name, got {}", repr(council)),
        })
    })?;
    workbook_object(&cqc::Workbook::starter(&council))
}

/// Imports a register (`evidence`, `actions`, `indicators`, `information_return`,
/// `case_tracking`, `interviews` or `history`) from the bytes (or text) of a CSV file into a
/// workbook, as the command's `workbook import-*` does: any encoding Excel saves, UK dates,
/// every row checked, replace or merge by key, nothing lost without being asked; a workbook
/// that does not read throws its first problem. The result says what happened (`written`, `errors`
/// with code and path, `warnings`, `rows`, `rejected`, `changes`) and, when written, holds the
/// new workbook as the object of its file in `workbook`.
#[wasm_bindgen(js_name = importCsv)]
pub fn import_csv(
    workbook: &JsValue,
    part: &JsValue,
    bytes: &JsValue,
    options: &JsValue,
) -> JsResult {
    let wb = workbook_arg(workbook)?;
    let part = part_arg(part)?;
    let bytes = bytes_arg(bytes, "bytes")?;
    let options = import_options(options)?;
    let import = wb.import_csv(part, &bytes, &options);
    let out = to_js(&import)?;
    let written = match &import.workbook {
        Some(w) => workbook_object(w)?,
        None => JsValue::NULL,
    };
    // Setting a property on a fresh object cannot fail.
    let _ = js_sys::Reflect::set(&out, &"workbook".into(), &written);
    Ok(out)
}

/// A register of the workbook as CSV, as the command's `workbook export-*` writes it (UTF-8
/// with a byte-order mark, CRLF, formula-like cells guarded), which [`import_csv`] reads back.
#[wasm_bindgen(js_name = registerToCsv)]
pub fn register_to_csv(workbook: &JsValue, part: &JsValue) -> Result<String, JsValue> {
    let wb = workbook_arg(workbook)?;
    Ok(wb.register_csv(part_arg(part)?).0)
}
