//! # cqc-assurance-js
//!
//! The JavaScript bindings of [`cqc_assurance`], compiled to WebAssembly with wasm-bindgen and
//! published as the npm package `cqc-assurance`. Nothing here decides anything about CQC's
//! rules: every function converts its JavaScript arguments to what the core takes (usually the
//! core's JSON document forms), calls the core, and converts the result back, with struct
//! field names in camelCase ([`camel`]) and core errors as thrown JavaScript `Error`s carrying
//! the core's `code`, `family` and `path` ([`convert::to_js_error`]).
//!
//! The package is three WebAssembly modules built from this crate, one per feature, each
//! within the 150 KB gzipped budget: `rating` (the framework, the rating and the published
//! results), `timeline` (the assessment timeline and working days) and `workbook` (the
//! self-assessment workbook). All three are on by default. The npm package gives each module
//! a sub-path of its own (`cqc-assurance/rating`, `/timeline`, `/workbook`: a page that only
//! rates downloads one module) and all three at its root (`bindings/js/npm/`).
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
#[cfg(feature = "published")]
mod published;
#[cfg(feature = "rating")]
mod rating;
#[cfg(feature = "timeline")]
mod timeline;
#[cfg(feature = "workbook")]
mod workbook;

use cqc_assurance as cqc;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::camel::Camel;
use crate::convert::to_js_error;

#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

type JsResult = Result<JsValue, JsValue>;

/// A core error as the `Error` JavaScript receives.
fn thrown(e: cqc::Error) -> JsValue {
    to_js_error(&e)
}

/// A result as a JavaScript object: serialised with camelCase field names, then parsed by the
/// host's `JSON.parse` (one crossing instead of one per property).
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsResult {
    let text = serde_json::to_string(&Camel(value))
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    js_sys::JSON::parse(&text)
}
