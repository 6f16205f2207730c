//! `rate_many`: an N×9 array of scores to arrays of rating codes and percentages, computed by the
//! core's `rate_batch_parallel` on the machine's cores with the GIL released.

use cqc_assurance::{self as cqc, Error};
use numpy::{
    dtype, Element, IntoPyArray, PyArray1, PyArray2, PyArrayDescrMethods, PyArrayMethods,
    PyUntypedArray, PyUntypedArrayMethods,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyList, PyString, PyTuple};

use crate::convert::{is_pandas_na, type_name};
use crate::errors::to_py_err;

fn out_of_range(row: usize, col: usize, value: String) -> Error {
    Error::ScoreOutOfRange {
        path: format!("scores[{row}][{col}]"),
        value,
    }
}

/// An integer cell as the core's batch byte; a value the byte cannot hold is out of range.
fn int_cell<T: Copy + TryInto<u8> + ToString>(v: T, row: usize, col: usize) -> Result<u8, Error> {
    v.try_into()
        .map_err(|_| out_of_range(row, col, v.to_string()))
}

/// A float cell: NaN means not assessed (0); whole numbers convert; anything else is out of
/// range.
fn float_cell(v: f64, row: usize, col: usize) -> Result<u8, Error> {
    if v.is_nan() {
        Ok(0)
    } else if v.fract() == 0.0 && (0.0..=255.0).contains(&v) {
        Ok(v as u8)
    } else {
        Err(out_of_range(row, col, v.to_string()))
    }
}

/// Copies a 2-D numpy array of element type `T` into row-major bytes.
fn copy_typed<T: Element + Copy>(
    arr: &Bound<'_, PyUntypedArray>,
    cell: impl Fn(T, usize, usize) -> Result<u8, Error>,
) -> PyResult<Result<Vec<u8>, Error>> {
    let typed = arr.cast::<PyArray2<T>>()?;
    let view = typed.readonly();
    let view = view.as_array();
    let mut out = Vec::with_capacity(view.len());
    for (r, row) in view.outer_iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            match cell(*v, r, c) {
                Ok(b) => out.push(b),
                Err(e) => return Ok(Err(e)),
            }
        }
    }
    Ok(Ok(out))
}

/// One cell from a Python object: None, NaN or pd.NA = not assessed, int, whole float, numpy
/// scalar.
fn object_cell(obj: &Bound<'_, PyAny>, row: usize, col: usize) -> PyResult<Result<u8, Error>> {
    if obj.is_none() || is_pandas_na(obj)? {
        return Ok(Ok(0));
    }
    if obj.is_instance_of::<PyBool>() {
        return Ok(Err(out_of_range(row, col, obj.repr()?.to_string())));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(float_cell(f.value(), row, col));
    }
    if obj.is_instance_of::<PyInt>() || obj.hasattr("__index__")? {
        let i = obj.call_method0("__index__")?;
        return Ok(match i.extract::<i64>() {
            Ok(v) => int_cell(v, row, col),
            Err(_) => Err(out_of_range(row, col, i.str()?.to_string())),
        });
    }
    if obj.hasattr("__float__")? && !obj.is_instance_of::<PyString>() {
        let f: f64 = obj.call_method0("__float__")?.extract()?;
        return Ok(float_cell(f, row, col));
    }
    Err(PyTypeError::new_err(format!(
        "scores[{row}][{col}]: a score must be a number or None, got {}",
        type_name(obj)
    )))
}

/// Rows from Python sequences (lists of lists, object arrays via `tolist`).
fn copy_objects(rows: &Bound<'_, PyAny>) -> PyResult<Result<Vec<u8>, Error>> {
    let mut out = Vec::new();
    for (r, row) in rows.try_iter()?.enumerate() {
        let row = row?;
        let is_row = row.is_instance_of::<PyList>()
            || row.is_instance_of::<PyTuple>()
            || row.is_instance_of::<PyUntypedArray>();
        if !is_row {
            return Err(PyTypeError::new_err(format!(
                "scores[{r}]: each row must be a list of nine scores, got {}",
                type_name(&row)
            )));
        }
        let n = row.len()?;
        if n != 9 {
            return Ok(Err(Error::WrongLength {
                path: format!("scores[{r}]"),
                expected: 9,
                found: n,
            }));
        }
        for (c, cell) in row.try_iter()?.enumerate() {
            match object_cell(&cell?, r, c)? {
                Ok(b) => out.push(b),
                Err(e) => return Ok(Err(e)),
            }
        }
    }
    Ok(Ok(out))
}

fn copy_array(arr: &Bound<'_, PyUntypedArray>) -> PyResult<Result<Vec<u8>, Error>> {
    let py = arr.py();
    let shape = arr.shape();
    if arr.ndim() != 2 {
        return Err(PyTypeError::new_err(format!(
            "rate_many needs a 2-D array of shape (N, 9); got {} dimension(s) {:?} (one row: \
             reshape(1, 9))",
            arr.ndim(),
            shape
        )));
    }
    if shape[1] != 9 {
        return Ok(Err(Error::WrongLength {
            path: "scores[0]".into(),
            expected: 9,
            found: shape[1],
        }));
    }
    let dt = arr.dtype();
    macro_rules! ints {
        ($($t:ty),*) => {
            $(
                if dt.is_equiv_to(&dtype::<$t>(py)) {
                    return copy_typed::<$t>(arr, int_cell);
                }
            )*
        };
    }
    if dt.is_equiv_to(&dtype::<bool>(py)) {
        return Err(PyTypeError::new_err(
            "rate_many needs scores as numbers, got a boolean array",
        ));
    }
    if dt.is_equiv_to(&dtype::<u8>(py)) {
        let typed = arr.cast::<PyArray2<u8>>()?;
        let view = typed.readonly();
        return Ok(Ok(match view.as_slice() {
            Ok(s) => s.to_vec(),
            Err(_) => view.as_array().iter().copied().collect(),
        }));
    }
    ints!(i8, i16, i32, i64, u16, u32, u64);
    if dt.is_equiv_to(&dtype::<f64>(py)) {
        return copy_typed::<f64>(arr, float_cell);
    }
    if dt.is_equiv_to(&dtype::<f32>(py)) {
        return copy_typed::<f32>(arr, |v, r, c| float_cell(f64::from(v), r, c));
    }
    if dt.is_equiv_to(&dtype::<Py<PyAny>>(py)) {
        return copy_objects(&arr.call_method0("tolist")?);
    }
    Err(PyTypeError::new_err(format!(
        "rate_many needs numeric scores, got an array of dtype {}",
        dt.str()?
    )))
}

/// `(rating codes, percents)`.
type RatedBatch<'py> = (Bound<'py, PyArray1<u8>>, Bound<'py, PyArray1<u8>>);

/// Rates many assessments at once.
///
/// `scores` is an N×9 array of statement scores in CQC's order (a numpy array of any integer or
/// float dtype, a pandas DataFrame, or a list of lists). A statement not assessed is `0` (the
/// core's batch convention), `None` or `NaN`.
///
/// Returns `(ratings, percents)`, two numpy `uint8` arrays of length N: the rating code of each
/// row (0 inadequate, 1 requires improvement, 2 good, 3 outstanding: the index into `RATINGS`)
/// and its published percentage. The rule is the core's, the same as `rate()`; the GIL is
/// released while rating. A bad row raises the error of `rate()` with its path
/// (`scores[row][column]`).
///
/// >>> ratings, percents = rate_many([[2, 3, 3, 2, 2, 2, 2, 3, 3], [3, 3, 4, 3, 4, 4, 3, 4, 4]])
/// >>> [RATINGS[r] for r in ratings], percents.tolist()
/// (['requires_improvement', 'outstanding'], [62, 89])
#[pyfunction]
pub(crate) fn rate_many<'py>(
    py: Python<'py>,
    scores: &Bound<'py, PyAny>,
) -> PyResult<RatedBatch<'py>> {
    let flat = if let Ok(arr) = scores.cast::<PyUntypedArray>() {
        copy_array(arr)?
    } else if scores.is_instance_of::<PyList>() || scores.is_instance_of::<PyTuple>() {
        copy_objects(scores)?
    } else if scores.is_instance_of::<PyString>() || !scores.hasattr("__len__")? {
        return Err(PyTypeError::new_err(format!(
            "rate_many needs an N×9 array or a list of lists, got {}",
            type_name(scores)
        )));
    } else {
        // pandas DataFrames and other array-likes: numpy's view of them.
        let arr = py.import("numpy")?.call_method1("asarray", (scores,))?;
        match arr.cast::<PyUntypedArray>() {
            Ok(a) => copy_array(a)?,
            Err(_) => copy_objects(scores)?,
        }
    };
    let flat = flat.map_err(|e| to_py_err(py, &labelled(scores, e)))?;
    let rows = flat.len() / 9;
    let (mut ratings, mut percents) = (vec![0u8; rows], vec![0u8; rows]);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    py.detach(|| cqc::rate_batch_parallel(&flat, &mut ratings, &mut percents, threads))
        .map_err(|e| to_py_err(py, &labelled(scores, e)))?;
    Ok((ratings.into_pyarray(py), percents.into_pyarray(py)))
}

/// The error with a DataFrame's own names in its path: `scores[3][4]` of a frame indexed by
/// council becomes `scores.loc['Sefton', 'qs5']` (the row label and column a pandas user
/// reads, as `repr` writes them). Anything that is not a labelled frame, or a path that is
/// not a row or cell, keeps its positions.
fn labelled(scores: &Bound<'_, PyAny>, err: Error) -> Error {
    // A frame of the wrong width is reported at `scores[0]` with its width: no row to name.
    if matches!(err, Error::WrongLength { .. }) {
        return err;
    }
    let Some(path) = err.path() else {
        return err;
    };
    let Some(rest) = path.strip_prefix("scores[") else {
        return err;
    };
    let mut parts = rest.trim_end_matches(']').split("][");
    let (Some(row), col) = (
        parts.next().and_then(|r| r.parse::<usize>().ok()),
        parts.next(),
    ) else {
        return err;
    };
    let label = |axis: &str, i: usize| -> Option<String> {
        let names = scores.getattr(axis).ok()?;
        Some(names.get_item(i).ok()?.repr().ok()?.to_string())
    };
    if !(scores.hasattr("index").unwrap_or(false) && scores.hasattr("columns").unwrap_or(false)) {
        return err;
    }
    let Some(row_label) = label("index", row) else {
        return err;
    };
    let new_path = match col.map(str::parse::<usize>) {
        None => format!("scores.loc[{row_label}]"),
        Some(Ok(c)) => match label("columns", c) {
            Some(col_label) => format!("scores.loc[{row_label}, {col_label}]"),
            None => return err,
        },
        Some(Err(_)) => return err,
    };
    err.at_path(new_path)
}
