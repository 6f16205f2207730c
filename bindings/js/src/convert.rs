//! JavaScript values → the JSON text the core reads, and core errors → JavaScript `Error`s.
//!
//! The conversion never decides what is valid: it writes what JavaScript gave as faithfully as
//! JSON allows and lets the core judge it, so that a bad field gets the core's error code and
//! path. Values that JSON cannot hold are written as strings naming them (`"NaN"`,
//! `"Infinity"`, `"undefined"`), which every field of the core's documents rejects with its own
//! error (a score `"NaN"` is `score_out_of_range` at its path), instead of `JSON.stringify`'s
//! `null`, which the core would read as "not assessed": a wrong answer, not an error.

use cqc_assurance::{Assessment, Error, Score};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Objects nested deeper than this are refused (a cycle would otherwise recurse forever).
const MAX_DEPTH: usize = 64;

/// How the keys of an object (and of the objects inside it) are written.
#[derive(Clone, Copy)]
pub enum Keys<'a> {
    /// Keys are data (statement ids, milestone ids, names): written exactly as given, here and
    /// below. A property whose value is `undefined` is an invalid value (a score of `undefined`
    /// is an error, not "not assessed").
    Data,
    /// The top of a document: keys are the document's field names, written in the core's
    /// snake_case (`evidenceScores` → `evidence_scores`); below them keys are data, except
    /// under the fields listed, whose whole subtree is made of field names (a timeline
    /// `profile`). A property whose value is `undefined` is absent, as in `JSON.stringify` and
    /// TypeScript's optional properties.
    Document(&'a [&'a str]),
    /// A subtree of field names: snake_case all the way down; `undefined` is absent.
    Fields,
}

impl Keys<'_> {
    fn name(self, key: &str) -> String {
        match self {
            Keys::Data => key.to_string(),
            Keys::Document(_) | Keys::Fields => snake_case(key),
        }
    }

    fn undefined_is_absent(self) -> bool {
        !matches!(self, Keys::Data)
    }

    /// The mode of the value under `key` (already converted by [`Keys::name`]).
    fn below(self, key: &str) -> Keys<'static> {
        match self {
            Keys::Data => Keys::Data,
            Keys::Document(deep) if deep.contains(&key) => Keys::Fields,
            Keys::Document(_) => Keys::Data,
            Keys::Fields => Keys::Fields,
        }
    }
}

/// Writes `value` as JSON text, keys as given (data). `path` names `value` in error messages.
pub fn to_json_text(value: &JsValue, path: &str) -> Result<String, Error> {
    write(value, path, Keys::Data)
}

/// Writes a document (an object whose own keys are field names) as JSON text: see
/// [`Keys::Document`]; `deep` lists the fields whose subtrees are field names too.
pub fn document_to_json_text(value: &JsValue, deep: &[&str]) -> Result<String, Error> {
    write(value, "", Keys::Document(deep))
}

fn write(value: &JsValue, path: &str, keys: Keys) -> Result<String, Error> {
    let mut out = String::with_capacity(128);
    let mut p = path.to_string();
    let mut w = Writer {
        out: &mut out,
        path: &mut p,
        ancestors: Vec::new(),
    };
    w.value(value, keys)?;
    Ok(out)
}

/// `evidenceScores` → `evidence_scores`. Only keys that look like camelCase identifiers
/// (ASCII letters and digits, starting with a lower-case letter) are converted.
fn snake_case(key: &str) -> String {
    let camel = key.starts_with(|c: char| c.is_ascii_lowercase())
        && key.chars().all(|c| c.is_ascii_alphanumeric());
    if !camel {
        return key.to_string();
    }
    let mut out = String::with_capacity(key.len() + 4);
    for ch in key.chars() {
        if ch.is_ascii_uppercase() {
            out.push('_');
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}

fn push_path(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

fn push_json_string(out: &mut String, s: &str) {
    // serde_json's escaping, written straight into `out`.
    out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| String::from("\"\"")));
}

/// How JavaScript would print a number (`NaN`, `Infinity`, `3`, `2.5`).
pub fn number_text(f: f64) -> String {
    if f.is_nan() {
        "NaN".into()
    } else if f.is_infinite() {
        if f > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else {
        // Much as JavaScript writes it (the core's formatter: digits for whole numbers below
        // 9 × 10^18, the shortest form that reads back the same otherwise).
        cqc_assurance::number_text(f)
    }
}

fn write_number(out: &mut String, f: f64) {
    if !f.is_finite() {
        push_json_string(out, &number_text(f));
    } else {
        out.push_str(&number_text(f));
    }
}

/// A description of a value that has no JSON form, as the string written in its place.
fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".into()
    } else if value.is_function() {
        "a function".into()
    } else if value.is_symbol() {
        "a symbol".into()
    } else {
        "a value of an unsupported type".into()
    }
}

fn shape_error(path: &str, message: String) -> Error {
    Error::InvalidJson {
        path: if path.is_empty() {
            ".".into()
        } else {
            path.into()
        },
        message,
    }
}

fn thrown(path: &str, e: JsValue) -> Error {
    Error::InvalidJson {
        path: if path.is_empty() {
            ".".into()
        } else {
            path.into()
        },
        message: format!(
            "reading the value threw: {}",
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| "an exception".into())
        ),
    }
}

/// The calendar date of a JavaScript `Date` in local time, as `YYYY-MM-DD` (what
/// `new Date(2025, 0, 6)` means); an invalid `Date` is written as `Invalid Date`.
pub fn date_text(date: &js_sys::Date) -> String {
    if date.get_time().is_nan() {
        return "Invalid Date".into();
    }
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// Writes JSON text for a JavaScript value, tracking the path of the value being written and
/// the objects it sits in (a value inside itself is a cycle, refused with its path).
struct Writer<'a> {
    out: &'a mut String,
    path: &'a mut String,
    ancestors: Vec<JsValue>,
}

impl Writer<'_> {
    fn value(&mut self, value: &JsValue, keys: Keys) -> Result<(), Error> {
        if value.is_null() {
            self.out.push_str("null");
        } else if let Some(b) = value.as_bool() {
            self.out.push_str(if b { "true" } else { "false" });
        } else if let Some(f) = value.as_f64() {
            write_number(self.out, f);
        } else if let Some(s) = value.as_string() {
            push_json_string(self.out, &s);
        } else if value.is_bigint() {
            // A BigInt is a whole number: written as one (the core checks its range).
            let text = js_sys::BigInt::from(value.clone())
                .to_string(10)
                .map(String::from)
                .unwrap_or_default();
            self.out.push_str(&text);
        } else if let Some(date) = value.dyn_ref::<js_sys::Date>() {
            push_json_string(self.out, &date_text(date));
        } else if value.is_object() && !value.is_function() {
            if self.ancestors.iter().any(|a| a == value) {
                return Err(shape_error(
                    self.path,
                    "contains itself (a cycle), which JSON cannot hold".into(),
                ));
            }
            if self.ancestors.len() >= MAX_DEPTH {
                return Err(shape_error(
                    self.path,
                    format!("nested more than {MAX_DEPTH} levels deep"),
                ));
            }
            self.ancestors.push(value.clone());
            if Array::is_array(value) || is_typed_array(value) {
                self.array(value, keys)?;
            } else {
                self.object(value, keys)?;
            }
            self.ancestors.pop();
        } else {
            push_json_string(self.out, &describe(value));
        }
        Ok(())
    }

    fn array(&mut self, value: &JsValue, keys: Keys) -> Result<(), Error> {
        // The elements of a list of field-name objects (a profile's milestones) are field
        // names too; anything else in a list is data.
        let element_keys = match keys {
            Keys::Fields => Keys::Fields,
            _ => Keys::Data,
        };
        let array = if Array::is_array(value) {
            value.clone().unchecked_into::<Array>()
        } else {
            Array::from(value)
        };
        self.out.push('[');
        let base = self.path.len();
        for i in 0..array.length() {
            if i > 0 {
                self.out.push(',');
            }
            self.path.push_str(&format!("[{i}]"));
            let item = array.get(i);
            if item.is_undefined() {
                // Also a hole (`[2, , 3]`): not a score, and not "not assessed" either.
                push_json_string(self.out, "undefined");
            } else {
                self.value(&item, element_keys)?;
            }
            self.path.truncate(base);
        }
        self.out.push(']');
        Ok(())
    }

    fn object(&mut self, value: &JsValue, keys: Keys) -> Result<(), Error> {
        let names = Object::keys(value.unchecked_ref::<Object>());
        self.out.push('{');
        let base = self.path.len();
        let mut first = true;
        for i in 0..names.length() {
            let key_value = names.get(i);
            let key = key_value.as_string().unwrap_or_default();
            push_path(self.path, &key);
            let item = Reflect::get(value, &key_value).map_err(|e| thrown(self.path, e))?;
            if item.is_undefined() && keys.undefined_is_absent() {
                self.path.truncate(base);
                continue;
            }
            if !first {
                self.out.push(',');
            }
            first = false;
            let name = keys.name(&key);
            push_json_string(self.out, &name);
            self.out.push(':');
            if item.is_undefined() {
                push_json_string(self.out, "undefined");
            } else {
                self.value(&item, keys.below(&name))?;
            }
            self.path.truncate(base);
        }
        self.out.push('}');
        Ok(())
    }
}

fn is_typed_array(value: &JsValue) -> bool {
    js_sys::ArrayBuffer::is_view(value) && !value.is_instance_of::<js_sys::DataView>()
}

/// A JavaScript value used as a name (`findCouncil(name)`, `statement(name)`): strings as they
/// are, anything else as JavaScript would print it (`String(value)`), so that the core's
/// look-up rejects it with its own error ("unknown council \"undefined\"").
pub fn text_arg(value: &JsValue) -> String {
    if let Some(s) = value.as_string() {
        s
    } else if let Some(f) = value.as_f64() {
        number_text(f)
    } else if value.is_null() {
        "null".into()
    } else if let Some(b) = value.as_bool() {
        b.to_string()
    } else if let Some(date) = value.dyn_ref::<js_sys::Date>() {
        date_text(date)
    } else {
        describe_for_text(value)
    }
}

/// A value as shown in an error message: strings quoted (`"62"`), anything else as
/// [`text_arg`] prints it (`62`, `NaN`, `undefined`).
pub fn repr(value: &JsValue) -> String {
    match value.as_string() {
        Some(s) => serde_json::to_string(&s).unwrap_or(s),
        None => text_arg(value),
    }
}

/// Refuses a value that cannot be a document (`undefined`, a number, a string...) with
/// `invalid_json` at the top, saying what was expected instead of serde's "invalid type".
pub fn expect_object(value: &JsValue, expected: &str) -> Result<(), Error> {
    if value.is_object() && !value.is_function() {
        Ok(())
    } else {
        Err(shape_error(
            "",
            format!("expected {expected}, got {}", repr(value)),
        ))
    }
}

fn describe_for_text(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".into()
    } else if Array::is_array(value) {
        "[an array]".into()
    } else if value.is_object() {
        "[an object]".into()
    } else {
        describe(value)
    }
}

/// The JavaScript `Error` for a core error: `message` is the core's sentence, and `code`,
/// `family` and `path` (a string, or `null` where the error has no field) are the core's.
pub fn to_js_error(err: &Error) -> JsValue {
    let report = err.report();
    let e = js_sys::Error::new(&report.message);
    e.set_name("CqcError");
    let obj: &JsValue = e.as_ref();
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(obj, &"code".into(), &report.code.as_str().into());
    let _ = Reflect::set(obj, &"family".into(), &report.family.as_str().into());
    let path = match &report.path {
        Some(p) => JsValue::from_str(p),
        None => JsValue::NULL,
    };
    let _ = Reflect::set(obj, &"path".into(), &path);
    e.into()
}

/// A date argument: a `Date` (its local calendar date) or a `YYYY-MM-DD` string; anything else
/// is the core's `invalid_date` at `path`.
#[cfg(any(
    feature = "timeline",
    feature = "workbook",
    feature = "report",
    feature = "office"
))]
pub(crate) fn date_arg(value: &JsValue, path: &str) -> Result<jiff::civil::Date, JsValue> {
    let text = match (value.dyn_ref::<js_sys::Date>(), value.as_string()) {
        (Some(d), _) => date_text(d),
        (None, Some(s)) => s,
        (None, None) => repr(value),
    };
    cqc_assurance::parse_date(&text, path).map_err(|e| to_js_error(&e))
}

pub(crate) fn is_list(value: &JsValue) -> bool {
    Array::is_array(value) || js_sys::ArrayBuffer::is_view(value)
}

/// An assessment from JavaScript: an array of nine scores (QS1-QS9, `null` = not assessed) or
/// an assessment document (`{ scores }`, `{ method: "earlier", evidenceScores }`).
pub fn assessment_arg(value: &JsValue) -> Result<Assessment, JsValue> {
    use crate::thrown;
    if let Some(assessment) = plain_nine_scores(value) {
        return Ok(assessment);
    }
    let text = if is_list(value) {
        let scores = to_json_text(value, "scores").map_err(thrown)?;
        format!("{{\"scores\":{scores}}}")
    } else {
        expect_object(
            value,
            "an assessment: an array of nine scores or a document { scores }",
        )
        .map_err(thrown)?;
        document_to_json_text(value, &[]).map_err(thrown)?
    };
    Assessment::from_json(&text).map_err(thrown)
}

/// The fast path of [`assessment_arg`]: a plain array of nine entries, each `null` or a whole
/// number 1-4 that [`Score::from_f64`] accepts, at least one a score, read directly (no JSON
/// text, no parse). Anything else (`None`) takes the general path, which reports the core's
/// error with its path, so both paths give the same result for every input.
fn plain_nine_scores(value: &JsValue) -> Option<Assessment> {
    let array = value.dyn_ref::<Array>()?;
    if array.length() != 9 {
        return None;
    }
    let mut scores = [None; 9];
    for (i, slot) in scores.iter_mut().enumerate() {
        let item = array.get(i as u32);
        if item.is_null() {
            continue;
        }
        let f = item.as_f64()?;
        if f.fract() != 0.0 || !(1.0..=4.0).contains(&f) {
            return None;
        }
        *slot = Some(Score::from_f64(f, "").ok()?);
    }
    Assessment::from_score_array(scores).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_of_document_fields() {
        assert_eq!(snake_case("evidenceScores"), "evidence_scores");
        assert_eq!(snake_case("scores"), "scores");
        assert_eq!(snake_case("evidence_scores"), "evidence_scores");
        assert_eq!(snake_case("Safeguarding"), "Safeguarding");
        assert_eq!(snake_case("assessing-needs"), "assessing-needs");
    }

    #[test]
    fn numbers_print_like_javascript() {
        assert_eq!(number_text(f64::NAN), "NaN");
        assert_eq!(number_text(f64::INFINITY), "Infinity");
        assert_eq!(number_text(f64::NEG_INFINITY), "-Infinity");
        assert_eq!(number_text(3.0), "3");
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(2.5), "2.5");
        // Whatever its size, a finite number is written as a JSON number.
        for f in [1e300, 1e-7, -12345.678, 9.1e15] {
            let v: serde_json::Value = serde_json::from_str(&number_text(f)).unwrap();
            assert_eq!(v.as_f64(), Some(f));
        }
    }
}
