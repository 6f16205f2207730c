//! What the workbook and report modules share: the workbook document and file bytes taken
//! from JavaScript, and the workbook handed back as the object of its file.

use cqc_assurance as cqc;
use wasm_bindgen::prelude::*;

use crate::convert::to_json_text;
use crate::thrown;
#[cfg(any(feature = "workbook", feature = "office"))]
use crate::{convert::repr, JsResult};
#[cfg(any(feature = "workbook", feature = "office"))]
use wasm_bindgen::JsCast;

/// The workbook as JSON text: a string is taken as the file's text, anything else is written
/// as JSON with its keys as given (the file format's field names are the core's).
pub(crate) fn workbook_text(workbook: &JsValue) -> Result<String, JsValue> {
    match workbook.as_string() {
        Some(s) => Ok(s),
        None => to_json_text(workbook, "").map_err(thrown),
    }
}

/// A workbook document (JSON text or the parsed object) read by the core: its first problem
/// thrown with the core's code and path.
pub(crate) fn workbook_arg(workbook: &JsValue) -> Result<cqc::Workbook, JsValue> {
    cqc::Workbook::from_json(&workbook_text(workbook)?).map_err(thrown)
}

/// A workbook as the object of its file (keys as in the file, not camelCase), so that what
/// JavaScript saves with `JSON.stringify` is the document the command and Python read.
#[cfg(any(feature = "workbook", feature = "office"))]
pub(crate) fn workbook_object(workbook: &cqc::Workbook) -> JsResult {
    js_sys::JSON::parse(&workbook.to_json())
}

/// Bytes from JavaScript: a `Uint8Array` (or any typed array or `ArrayBuffer`, byte for
/// byte), or a string taken as its UTF-8 bytes; anything else is `invalid_value` at `path`.
#[cfg(any(feature = "workbook", feature = "office"))]
pub(crate) fn bytes_arg(value: &JsValue, path: &str) -> Result<Vec<u8>, JsValue> {
    if let Some(s) = value.as_string() {
        return Ok(s.into_bytes());
    }
    if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(buffer).to_vec());
    }
    if js_sys::ArrayBuffer::is_view(value) {
        let view: &js_sys::Object = value.unchecked_ref();
        let get = |key: &str| {
            js_sys::Reflect::get(view, &key.into())
                .ok()
                .and_then(|v| v.as_f64())
        };
        if let (Ok(buffer), Some(offset), Some(length)) = (
            js_sys::Reflect::get(view, &"buffer".into()),
            get("byteOffset"),
            get("byteLength"),
        ) {
            if let Some(buffer) = buffer.dyn_ref::<js_sys::ArrayBuffer>() {
                return Ok(js_sys::Uint8Array::new_with_byte_offset_and_length(
                    buffer,
                    offset as u32,
                    length as u32,
                )
                .to_vec());
            }
        }
    }
    Err(thrown(cqc::Error::InvalidValue {
        path: path.into(),
        message: format!(
            "expected the file's bytes (a Uint8Array or ArrayBuffer) or its text, got {}",
            repr(value)
        ),
    }))
}
