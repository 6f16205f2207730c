//! The workbook's Office files, for JavaScript: the report as a Word document and the workbook as
//! an Excel file, both ways. A module of its own (`office`), loaded only when such a file is
//! made or opened: the Word writer and the Excel reader and writer (two zip and two XML crates,
//! encoding tables) are most of its size. Every function converts and calls the core once.

use cqc_assurance as cqc;
use wasm_bindgen::prelude::*;

use crate::convert::{date_arg, to_js_error};
use crate::document::{bytes_arg, workbook_arg, workbook_object};
use crate::{thrown, JsResult};

/// The workbook's report as of `today` as a Word document (`.docx` bytes), as
/// `cqc-assurance report --docx` writes it.
#[wasm_bindgen(js_name = workbookReportDocx)]
pub fn workbook_report_docx(workbook: &JsValue, today: &JsValue) -> Result<Vec<u8>, JsValue> {
    let wb = workbook_arg(workbook)?;
    let today = date_arg(today, "today")?;
    cqc::WorkbookReport::new(&wb, today).docx().map_err(thrown)
}

/// The workbook as an Excel file (`.xlsx` bytes), as `cqc-assurance workbook export-xlsx`
/// writes it, which [`workbook_from_xlsx`] reads back.
#[wasm_bindgen(js_name = workbookToXlsx)]
pub fn workbook_to_xlsx(workbook: &JsValue) -> Result<Vec<u8>, JsValue> {
    workbook_arg(workbook)?.to_xlsx().map_err(thrown)
}

/// A workbook read from the bytes of its Excel file, as the object of its JSON file. When the
/// file does not read, the first problem is thrown with its code and path, and the thrown
/// error's `errors` holds every problem (`{ code, family, message, path }`).
#[wasm_bindgen(js_name = workbookFromXlsx)]
pub fn workbook_from_xlsx(bytes: &JsValue) -> JsResult {
    let bytes = bytes_arg(bytes, "bytes")?;
    match cqc::Workbook::from_xlsx(&bytes) {
        Ok(wb) => workbook_object(&wb),
        Err(errors) => {
            let thrown = to_js_error(&errors[0]);
            let all = js_sys::Array::new();
            for e in &errors {
                all.push(&to_js_error(e));
            }
            // Setting a property on a fresh Error object cannot fail.
            let _ = js_sys::Reflect::set(&thrown, &"errors".into(), &all);
            Err(thrown)
        }
    }
}
