//! Type conversion only: Python objects to the JSON values the core's documents are made of, and
//! the core's serialised results back to Python objects. No rule of the domain lives here.

use cqc_assurance::Error;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple, PyType};
use serde_json::{Map, Number, Value};

use crate::errors::to_py_err;

/// serde_json's own nesting limit when it parses text; the same limit applies to Python input.
const MAX_DEPTH: usize = 128;

/// The name of an object's type, for error messages.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".into())
}

fn field(path: &str) -> String {
    if path.is_empty() {
        "input".into()
    } else {
        path.to_string()
    }
}

/// A float as a JSON value. JSON has no NaN or infinity: those become their names as text, so
/// the core reports them as values out of range at their path, like any other wrong value.
pub(crate) fn float_value(f: f64) -> Value {
    Number::from_f64(f)
        .map(Value::Number)
        .unwrap_or_else(|| Value::String(f.to_string()))
}

/// An integer as a JSON value: exact when it fits 64 bits, otherwise its decimal text (the core
/// then reports it as out of range, with the digits the user gave).
fn int_value(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    if let Ok(i) = obj.extract::<i64>() {
        return Ok(Value::from(i));
    }
    if let Ok(u) = obj.extract::<u64>() {
        return Ok(Value::from(u));
    }
    Ok(Value::String(obj.str()?.to_string()))
}

/// Converts a Python value (None, bool, int, float, str, dict or other mapping, list, tuple or
/// other sequence, numpy arrays and scalars) to a JSON value. `path` names the value in error
/// messages (`scores[3]`). Other types are a `TypeError`.
pub(crate) fn to_value(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<Value> {
    to_value_at(obj, path, 0)
}

fn to_value_at(obj: &Bound<'_, PyAny>, path: &str, depth: usize) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        let err = Error::InvalidJson {
            path: field(path),
            message: format!("nested more than {MAX_DEPTH} levels deep"),
        };
        return Err(to_py_err(obj.py(), &err));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        return int_value(obj);
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(float_value(f.value()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in d.iter() {
            insert_entry(&mut map, &k, &v, path, depth)?;
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        return seq_value(obj, path, depth);
    }
    // A `datetime.date` (or a `datetime`: its day) as ISO text, as documents write dates.
    static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    if obj.is_instance(DATE.import(obj.py(), "datetime", "date")?)? {
        return Ok(Value::String(iso_date(obj, path)?));
    }
    // numpy arrays and scalars (and anything else with `tolist`): their plain Python form.
    if obj.hasattr("tolist")? && obj.hasattr("dtype")? {
        let plain = obj.call_method0("tolist")?;
        return to_value_at(&plain, path, depth + 1);
    }
    if let Ok(m) = obj.cast::<PyMapping>() {
        let mut map = Map::new();
        for item in m.items()?.iter() {
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
            insert_entry(&mut map, &k, &v, path, depth)?;
        }
        return Ok(Value::Object(map));
    }
    if obj.hasattr("__index__")? {
        return int_value(&obj.call_method0("__index__")?);
    }
    if obj.hasattr("__float__")? && !obj.hasattr("__iter__")? {
        let f: f64 = obj.call_method0("__float__")?.extract()?;
        return Ok(float_value(f));
    }
    let is_text = obj.hasattr("decode")?;
    if !is_text && obj.hasattr("__iter__")? && obj.hasattr("__len__")? {
        return seq_value(obj, path, depth);
    }
    Err(PyTypeError::new_err(format!(
        "{}: cannot read a value of type {}",
        field(path),
        type_name(obj)
    )))
}

fn seq_value(obj: &Bound<'_, PyAny>, path: &str, depth: usize) -> PyResult<Value> {
    let mut items = Vec::new();
    for (i, item) in obj.try_iter()?.enumerate() {
        items.push(to_value_at(&item?, &format!("{path}[{i}]"), depth + 1)?);
    }
    Ok(Value::Array(items))
}

fn insert_entry(
    map: &mut Map<String, Value>,
    key: &Bound<'_, PyAny>,
    value: &Bound<'_, PyAny>,
    path: &str,
    depth: usize,
) -> PyResult<()> {
    let key_text = if let Ok(s) = key.cast::<PyString>() {
        s.to_cow()?.into_owned()
    } else if key.is_instance_of::<PyInt>() && !key.is_instance_of::<PyBool>() {
        // Statement numbers may be given as int keys: {5: 3} is {"5": 3}.
        key.str()?.to_string()
    } else {
        return Err(PyTypeError::new_err(format!(
            "{}: keys must be str (or int statement numbers), got {}",
            field(path),
            type_name(key)
        )));
    };
    let child = if path.is_empty() {
        key_text.clone()
    } else {
        format!("{path}.{key_text}")
    };
    let v = to_value_at(value, &child, depth + 1)?;
    if map.insert(key_text.clone(), v).is_some() {
        // {5: 3, "5": 2}: two Python keys with one text; keeping either would lose data.
        let err = Error::InvalidJson {
            path: child,
            message: format!("the key {key_text:?} is given twice (as an int and as a str)"),
        };
        return Err(to_py_err(key.py(), &err));
    }
    Ok(())
}

/// Converts a JSON value (a serialised core result) to plain Python objects: dict, list, str,
/// int, float, bool, None.
pub(crate) fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, value)?)
}

/// A serialisable core value as JSON.
pub(crate) fn json_of<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// An ISO date (`YYYY-MM-DD`) as a `datetime.date`.
pub(crate) fn py_date<'py>(py: Python<'py>, iso: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("datetime")?
        .getattr("date")?
        .call_method1("fromisoformat", (iso,))
}

/// A `datetime.date` (or `datetime.datetime`, or ISO text) as ISO text `YYYY-MM-DD`.
pub(crate) fn iso_date(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(s.to_cow()?.into_owned());
    }
    let datetime = obj.py().import("datetime")?;
    if obj.is_instance(&datetime.getattr("datetime")?)? {
        return obj
            .call_method0("date")?
            .call_method0("isoformat")?
            .extract();
    }
    if obj.is_instance(&datetime.getattr("date")?)? {
        return obj.call_method0("isoformat")?.extract();
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be a datetime.date or ISO text YYYY-MM-DD, got {}",
        type_name(obj)
    )))
}

/// Rewrites the Rust-quoted strings in a `__repr__` (`"text"`, from `{:?}`) the way Python
/// writes them (`'text'`), so that reprs read like Python.
pub(crate) fn python_quotes(rust: &str) -> String {
    let mut out = String::with_capacity(rust.len());
    let mut chars = rust.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            out.push(c);
            continue;
        }
        let mut text = String::new();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => text.push('\n'),
                    Some('r') => text.push('\r'),
                    Some('t') => text.push('\t'),
                    Some('0') => text.push('\0'),
                    Some('u') => {
                        let code: String = chars
                            .by_ref()
                            .skip_while(|&c| c == '{')
                            .take_while(|&c| c != '}')
                            .collect();
                        let ch = u32::from_str_radix(&code, 16).ok().and_then(char::from_u32);
                        text.push(ch.unwrap_or('\u{fffd}'));
                    }
                    Some(other) => text.push(other),
                    None => {}
                },
                c => text.push(c),
            }
        }
        let quote = if text.contains('\'') && !text.contains('"') {
            '"'
        } else {
            '\''
        };
        out.push(quote);
        for c in text.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if c == quote => {
                    out.push('\\');
                    out.push(c);
                }
                c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push(quote);
    }
    out
}

/// Whether the object is pandas' missing value `pd.NA` (told by its type, so that pandas is
/// never imported here).
pub(crate) fn is_pandas_na(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    let ty = obj.get_type();
    Ok(ty.name()?.to_cow()? == "NAType" && ty.module()?.to_cow()?.starts_with("pandas"))
}

/// Whether the object is a missing value as pandas counts one (`None`, a float NaN, `pd.NA`):
/// a score so given is not assessed, in `rate` as in `rate_many`.
pub(crate) fn is_missing(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    if obj.is_none() || is_pandas_na(obj)? {
        return Ok(true);
    }
    Ok(obj.cast::<PyFloat>().is_ok_and(|f| f.value().is_nan()))
}

#[cfg(test)]
mod tests {
    use super::python_quotes;

    #[test]
    fn reprs_use_python_quotes() {
        let rust = format!("X(a={:?}, b={:?}, n=3)", "it's", "say \"hi\"\n");
        assert_eq!(
            python_quotes(&rust),
            "X(a=\"it's\", b='say \"hi\"\\n', n=3)"
        );
        assert_eq!(python_quotes(&format!("{:?}", "é\u{7}")), "'é\\x07'");
    }
}
