//! # cqc-assurance-js
//!
//! The JavaScript bindings of [`cqc_assurance`], compiled to WebAssembly with wasm-bindgen and
//! published as the npm package `cqc-assurance`. Nothing here decides anything about CQC's
//! rules: every function converts its JavaScript arguments to what the core takes (usually the
//! core's JSON document forms), calls the core, and converts the result back, with struct
//! field names in camelCase ([`camel`]) and core errors as thrown JavaScript `Error`s carrying
//! the core's `code`, `family` and `path` ([`convert::to_js_error`]).
//!
//! The package is six WebAssembly modules built from this crate, one per feature: `rating`
//! (the framework, the rating; within the 150 KB gzipped budget of a calculator page),
//! `published` (the published results), `timeline` (the assessment timeline and working days),
//! `workbook` (the self-assessment workbook: a new one, its analysis, its registers as CSV),
//! `report` (the workbook's report as HTML) and `office` (the report as Word, the workbook as
//! Excel). All are on by default. The npm package gives each module a sub-path of its own
//! (`cqc-assurance/rating`, `/timeline`, ...: a page downloads only the modules it imports)
//! and all of them at its root (`bindings/js/npm/`).
//!
//! The exported functions only work inside a JavaScript host; the conversions they are made
//! of are plain Rust and are tested here:
//!
//! ```
//! use cqc_assurance_js::camel::Camel;
//! let explanation = cqc_assurance::explain(
//!     &cqc_assurance::Assessment::from_scores(&[2, 3, 3, 2, 2, 2, 2, 3, 3]).unwrap(),
//! );
//! let json = serde_json::to_value(Camel(&explanation)).unwrap();
//! assert_eq!(json["rating"], "requires_improvement");
//! ```

pub mod camel;
pub mod convert;
#[cfg(any(feature = "workbook", feature = "report", feature = "office"))]
mod document;
#[cfg(feature = "office")]
mod office;
#[cfg(feature = "published")]
mod published;
#[cfg(feature = "rating")]
mod rating;
#[cfg(feature = "report")]
mod report;
#[cfg(feature = "timeline")]
mod timeline;
#[cfg(all(
    test,
    feature = "rating",
    feature = "published",
    feature = "timeline",
    feature = "workbook"
))]
mod typescript;
#[cfg(feature = "workbook")]
mod workbook;

use cqc_assurance as cqc;
use wasm_bindgen::prelude::*;

use crate::convert::to_js_error;

#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(any(
    feature = "rating",
    feature = "published",
    feature = "timeline",
    feature = "workbook",
    feature = "office"
))]
type JsResult = Result<JsValue, JsValue>;

/// A core error as the `Error` JavaScript receives.
fn thrown(e: cqc::Error) -> JsValue {
    to_js_error(&e)
}

/// A result as a JavaScript object: serialised with camelCase field names, then parsed by the
/// host's `JSON.parse` (one crossing instead of one per property). (The report and office modules
/// hand back documents and bytes only.)
#[cfg(any(
    feature = "rating",
    feature = "published",
    feature = "timeline",
    feature = "workbook"
))]
fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> JsResult {
    let text = serde_json::to_string(&camel::Camel(value))
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    js_sys::JSON::parse(&text)
}
