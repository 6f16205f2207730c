//! The workbook's report, for JavaScript: a module of its own (`report`), loaded only by pages
//! that show or download the report (its templates and charts). Every function converts and
//! calls the core once.

use cqc_assurance as cqc;
use wasm_bindgen::prelude::*;

use crate::convert::date_arg;
use crate::document::workbook_arg;
use crate::thrown;

/// The workbook's report as of `today`, as the HTML page `cqc-assurance report` writes (the
/// same templates, charts and words): one self-contained document with its styles inline.
#[wasm_bindgen(js_name = workbookReportHtml)]
pub fn workbook_report_html(workbook: &JsValue, today: &JsValue) -> Result<String, JsValue> {
    let wb = workbook_arg(workbook)?;
    let today = date_arg(today, "today")?;
    cqc::WorkbookReport::new(&wb, today).html().map_err(thrown)
}
