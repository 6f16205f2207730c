//! Arguments from Python, converted to what the core takes. Scores become the core's assessment
//! document (so the core's own validation and error paths apply); names go to the core's
//! parsers; nothing is decided here.

use cqc_assurance::{Assessment, Error, Rating, RatingMethod};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PySet, PyString, PyTuple};
use serde_json::{json, Value};

use crate::classes::{PyAssessment, PyRatingMethod};
use crate::convert::{is_missing, to_value, type_name};
use crate::errors::{to_py_err, OrRaise};

/// The keys of an assessment document (`{"version", "method", "scores", "evidence_scores"}`);
/// a dict with any of them is read as a whole document, any other dict as scores keyed by
/// statement.
const DOCUMENT_KEYS: [&str; 4] = ["version", "method", "scores", "evidence_scores"];

/// `method=`: None, a method name (`current`, `earlier`, ...) or a `RatingMethod`.
pub(crate) fn method_arg(
    py: Python<'_>,
    method: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<RatingMethod>> {
    let Some(m) = method.filter(|m| !m.is_none()) else {
        return Ok(None);
    };
    if let Ok(obj) = m.cast::<PyRatingMethod>() {
        return Ok(Some(obj.get().0));
    }
    if let Ok(s) = m.cast::<PyString>() {
        return RatingMethod::parse(&s.to_cow()?)
            .map_err(|e| e.under("method"))
            .map(Some)
            .or_raise(py);
    }
    Err(PyTypeError::new_err(format!(
        "method must be a str such as 'current' or 'earlier', or a RatingMethod, got {}",
        type_name(m)
    )))
}

/// A rating given by name (`good`, `Requires improvement`, ...); errors carry `path`.
pub(crate) fn rating_arg(py: Python<'_>, obj: &Bound<'_, PyAny>, path: &str) -> PyResult<Rating> {
    match obj.cast::<PyString>() {
        Ok(s) => Rating::parse(&s.to_cow()?)
            .map_err(|e| e.under(path))
            .or_raise(py),
        Err(_) => Err(PyTypeError::new_err(format!(
            "{path} must be a rating name such as 'good', got {}",
            type_name(obj)
        ))),
    }
}

/// A published percentage: a whole number (the core checks the range 25-100).
pub(crate) fn percent_arg(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<u8>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let invalid = |value: String| {
        to_py_err(
            py,
            &Error::InvalidPercent {
                path: "percent".into(),
                value,
            },
        )
    };
    if obj.is_instance_of::<PyBool>() || obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "percent must be a whole number or None, got {}",
            type_name(obj)
        )));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        let v = f.value();
        // A whole float such as 89.0 is the number 89; anything else cannot be a percentage.
        if v.fract() != 0.0 || !(0.0..=255.0).contains(&v) {
            return Err(invalid(v.to_string()));
        }
        return Ok(Some(v as u8));
    }
    if obj.is_instance_of::<PyInt>() || obj.hasattr("__index__")? {
        let i = obj.call_method0("__index__")?;
        return match i.extract::<i64>() {
            // Values the core's u8 cannot hold are out of its range too.
            Ok(v) if (0..=255).contains(&v) => Ok(Some(v as u8)),
            _ => Err(invalid(i.str()?.to_string())),
        };
    }
    Err(PyTypeError::new_err(format!(
        "percent must be a whole number or None, got {}",
        type_name(obj)
    )))
}

/// Nine Python ints (or None) in a list or tuple, each 0-255: read without building a document.
/// Anything else returns None and takes the document path.
fn plain_nine(scores: &Bound<'_, PyAny>) -> Option<[Option<u8>; 9]> {
    let items: Vec<Bound<'_, PyAny>> = if let Ok(l) = scores.cast::<PyList>() {
        if l.len() != 9 {
            return None;
        }
        l.iter().collect()
    } else if let Ok(t) = scores.cast::<PyTuple>() {
        if t.len() != 9 {
            return None;
        }
        t.iter().collect()
    } else {
        return None;
    };
    let mut out = [None; 9];
    for (slot, item) in out.iter_mut().zip(&items) {
        if item.is_none() {
            continue;
        }
        if !item.is_exact_instance_of::<PyInt>() {
            return None;
        }
        match item.extract::<i64>() {
            Ok(v) if (0..=255).contains(&v) => *slot = Some(v as u8),
            _ => return None,
        }
    }
    Some(out)
}

/// Reads `scores` (with `method=`) into the core's [`Assessment`]:
/// - an [`Assessment`](PyAssessment);
/// - a list (or tuple, numpy array) of nine scores in CQC's order, None for not assessed;
/// - a dict keyed by statement id, number or any published name (under the earlier method,
///   each value is a dict of evidence-category scores);
/// - a whole assessment document as a dict (keys `version`, `method`, `scores`,
///   `evidence_scores`) or as JSON text.
///
/// `method` is the method when the input does not say; an input that says another method is an
/// `AssessmentError` (`method_mismatch`).
pub(crate) fn assessment_arg(
    py: Python<'_>,
    scores: &Bound<'_, PyAny>,
    method: Option<&Bound<'_, PyAny>>,
) -> PyResult<Assessment> {
    let method = method_arg(py, method)?;
    let assessment = read_assessment(py, scores, method)?;
    if let Some(m) = method {
        if assessment.method() != m {
            let err = Error::MethodMismatch {
                path: "method".into(),
                message: format!(
                    "method={:?} was asked for, but the scores are given under the {} method",
                    m.id(),
                    assessment.method().id()
                ),
            };
            return Err(to_py_err(py, &err));
        }
    }
    Ok(assessment)
}

fn read_assessment(
    py: Python<'_>,
    scores: &Bound<'_, PyAny>,
    method: Option<RatingMethod>,
) -> PyResult<Assessment> {
    if let Ok(a) = scores.cast::<PyAssessment>() {
        return Ok(a.get().0);
    }
    let default = method.unwrap_or_default();
    if let Ok(text) = scores.cast::<PyString>() {
        return Assessment::from_json_with_default(&text.to_cow()?, default).or_raise(py);
    }
    if default == RatingMethod::Current {
        if let Some(nine) = plain_nine(scores) {
            return Assessment::from_optional_scores(&nine).or_raise(py);
        }
    }
    let is_dict = scores.is_instance_of::<PyDict>()
        || scores
            .cast::<pyo3::types::PyMapping>()
            .is_ok_and(|m| !m.is_instance_of::<PyString>());
    let is_sequence = !is_dict
        && !scores.is_instance_of::<PyString>()
        && !scores.hasattr("decode")?
        && !scores.is_instance_of::<PySet>()
        && !scores.is_instance_of::<PyFrozenSet>()
        && scores.hasattr("__len__")?
        && (scores.hasattr("__iter__")? || scores.hasattr("__getitem__")?);
    if !is_dict && !is_sequence {
        return Err(PyTypeError::new_err(format!(
            "scores must be a list of nine scores, a dict keyed by quality statement, an \
             assessment document (dict or JSON text) or an Assessment, got {}",
            type_name(scores)
        )));
    }
    let value = to_value(&missing_as_none(scores, is_dict)?, "")?;
    let document = match value {
        Value::Object(map) if map.keys().any(|k| DOCUMENT_KEYS.contains(&k.as_str())) => {
            Value::Object(map)
        }
        // Under the earlier method a dict maps statements to evidence-category scores; a list
        // is statement scores whatever the method (the core then reports the mismatch).
        other @ Value::Object(_) if default == RatingMethod::Earlier => {
            json!({ "evidence_scores": other })
        }
        other => json!({ "scores": other }),
    };
    Assessment::from_json_with_default(&document.to_string(), default).or_raise(py)
}

/// The scores with each missing statement score (NaN, `pd.NA`) as `None`, which the core reads
/// as not assessed: a pandas row (`df.iloc[i]`, `.tolist()`) means what `rate_many` reads from
/// the same frame. Only the nine scores themselves (the items of a list, the values of a dict
/// keyed by statement); anything deeper is read as given.
fn missing_as_none<'py>(scores: &Bound<'py, PyAny>, is_dict: bool) -> PyResult<Bound<'py, PyAny>> {
    let py = scores.py();
    let none = |v: Bound<'py, PyAny>| -> PyResult<Bound<'py, PyAny>> {
        Ok(if is_missing(&v)? {
            py.None().into_bound(py)
        } else {
            v
        })
    };
    if is_dict {
        let Ok(mapping) = scores.cast::<pyo3::types::PyMapping>() else {
            return Ok(scores.clone());
        };
        let out = PyDict::new(py);
        for item in mapping.items()?.iter() {
            let (k, v): (Bound<'py, PyAny>, Bound<'py, PyAny>) = item.extract()?;
            out.set_item(k, none(v)?)?;
        }
        return Ok(out.into_any());
    }
    let out = PyList::empty(py);
    for v in scores.try_iter()? {
        out.append(none(v?)?)?;
    }
    Ok(out.into_any())
}

/// The document of [`cqc_assurance::rating_probabilities_json`] from Python: a dict or list of
/// per-statement distributions, a whole document (dict with `scores`), or JSON text.
pub(crate) fn probability_document(distributions: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(text) = distributions.cast::<PyString>() {
        return Ok(text.to_cow()?.into_owned());
    }
    if distributions.is_instance_of::<PySet>() || distributions.hasattr("decode")? {
        return Err(PyTypeError::new_err(format!(
            "distributions must be a dict keyed by quality statement, a list of nine, a \
             document or JSON text, got {}",
            type_name(distributions)
        )));
    }
    let value = to_value(distributions, "")?;
    let document = match value {
        Value::Object(map) if map.contains_key("scores") || map.contains_key("version") => {
            Value::Object(map)
        }
        other @ (Value::Object(_) | Value::Array(_)) => json!({ "scores": other }),
        _ => {
            return Err(PyTypeError::new_err(format!(
                "distributions must be a dict keyed by quality statement, a list of nine, a \
                 document or JSON text, got {}",
                type_name(distributions)
            )))
        }
    };
    Ok(document.to_string())
}
