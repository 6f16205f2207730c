//! The core's one error type as Python exceptions: `CqcError(ValueError)` and one subclass per
//! [`ErrorFamily`], each instance carrying the core's `code`, `family`, `path` and `message`.

use cqc_assurance::{Error, ErrorFamily};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyType;

create_exception!(
    cqc_assurance,
    CqcError,
    PyValueError,
    "Every error of the library. `code` is the core's stable code (the same in Rust, Python and \
     JavaScript), `family` its family, `path` the offending field of the input (or None) and \
     `message` a sentence for people."
);
create_exception!(
    cqc_assurance,
    ScoreError,
    CqcError,
    "A score outside 1-4 (or not a whole number), or a published percentage outside 25-100."
);
create_exception!(
    cqc_assurance,
    UnknownNameError,
    CqcError,
    "A statement, theme, evidence category, rating, method or council name that does not resolve."
);
create_exception!(
    cqc_assurance,
    AssessmentError,
    CqcError,
    "An assessment of the wrong shape: empty, duplicated, wrong length, wrong method."
);
create_exception!(
    cqc_assurance,
    ProbabilityError,
    CqcError,
    "A probability distribution that is negative, not finite or does not add up to 1."
);
create_exception!(
    cqc_assurance,
    DocumentError,
    CqcError,
    "A malformed document: JSON syntax, unknown fields, unsupported version, bad CSV row."
);
create_exception!(
    cqc_assurance,
    TimelineError,
    CqcError,
    "A date or a timeline that cannot be worked out."
);
create_exception!(
    cqc_assurance,
    WorkbookError,
    CqcError,
    "The self-assessment workbook or its evidence register."
);

/// The exception class of a family.
fn class_of(py: Python<'_>, family: ErrorFamily) -> Bound<'_, PyType> {
    match family {
        ErrorFamily::Score => py.get_type::<ScoreError>(),
        ErrorFamily::Lookup => py.get_type::<UnknownNameError>(),
        ErrorFamily::Assessment => py.get_type::<AssessmentError>(),
        ErrorFamily::Probability => py.get_type::<ProbabilityError>(),
        ErrorFamily::Document => py.get_type::<DocumentError>(),
        ErrorFamily::Timeline => py.get_type::<TimelineError>(),
        ErrorFamily::Workbook => py.get_type::<WorkbookError>(),
        // A family added to the core later still reaches Python as a CqcError.
        _ => py.get_type::<CqcError>(),
    }
}

/// Converts a core error to the Python exception of its family, with its report's fields as
/// attributes.
pub(crate) fn to_py_err(py: Python<'_>, err: &Error) -> PyErr {
    let report = err.report();
    let build = || -> PyResult<PyErr> {
        let exc = class_of(py, report.family).call1((report.message.clone(),))?;
        exc.setattr("code", &report.code)?;
        exc.setattr("family", report.family.as_str())?;
        exc.setattr("path", report.path.as_deref())?;
        exc.setattr("message", &report.message)?;
        Ok(PyErr::from_value(exc))
    };
    build().unwrap_or_else(|e| e)
}

/// `result.map_err(to_py_err)` with the interpreter at hand.
pub(crate) trait OrRaise<T> {
    /// The value, or the core's error as a Python exception.
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> OrRaise<T> for Result<T, Error> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py_err(py, &e))
    }
}
