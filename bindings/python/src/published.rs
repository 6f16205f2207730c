//! Published results: records with attributes, the set with `to_pandas()`, distributions and
//! ranking.

use std::sync::Arc;

use cqc_assurance::{self as cqc, PublishedDataset, QualityStatement};
use pyo3::exceptions::{PyImportError, PyIndexError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PySlice, PyString};
use serde_json::{json, Value};

use crate::classes::PyAssessment;
use crate::convert::{json_of, to_py};
use crate::errors::{to_py_err, OrRaise};
use crate::html;
use crate::results::{result, results, to_records, with_state, PyRecord};

/// One council's published result; `assessment()` gives its scores as an `Assessment` and
/// `check()` checks its published rating against them.
///
/// >>> camden = find_council("London Borough of Camden")
/// >>> (camden.council, camden.rating, camden.total)
/// ('Camden', 'outstanding', 32)
#[pyclass(extends = PyRecord, frozen, module = "cqc_assurance", name = "PublishedResult")]
pub struct PyPublishedResult(Arc<cqc::PublishedResult>);

impl PyPublishedResult {
    /// The record in its class.
    pub(crate) fn new(py: Python<'_>, r: cqc::PublishedResult) -> PyResult<Bound<'_, Self>> {
        with_state(py, r, PyPublishedResult)
    }

    fn list<'py>(
        py: Python<'py>,
        records: impl IntoIterator<Item = cqc::PublishedResult>,
    ) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for r in records {
            list.append(Self::new(py, r)?)?;
        }
        Ok(list)
    }
}

#[pymethods]
impl PyPublishedResult {
    /// The scores as an Assessment, or None.
    fn assessment(&self) -> Option<PyAssessment> {
        self.0.assessment().map(PyAssessment)
    }

    /// Checks the published rating against the published scores, or None without scores.
    fn check<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0.check().map(|c| result(py, c)).transpose()
    }
}

/// A set of published results: `published_results()` gives the bundled one;
/// `PublishedResults.from_csv(text)` reads a CSV with the same columns. A sequence of
/// `PublishedResult`; `to_pandas()` gives a DataFrame.
///
/// >>> results = published_results()
/// >>> len(results) > 70, results.find("Camden").rating
/// (True, 'outstanding')
#[pyclass(frozen, eq, module = "cqc_assurance", name = "PublishedResults")]
#[derive(Clone, PartialEq)]
pub struct PyPublishedResults(pub PublishedDataset);

const PANDAS_HINT: &str = "to_pandas() needs pandas, which is not installed: pip install pandas \
                           (or pip install 'cqc-assurance[pandas]')";

#[pymethods]
impl PyPublishedResults {
    /// Reads a CSV in the bundled file's format (its columns, in any order: `gss_code,
    /// council, region, ..., qs1..qs9, ..., overall_rating, source_kind, source_url,
    /// cqc_report_url, note`); the first problem is a `DocumentError` naming its line and
    /// column.
    #[staticmethod]
    fn from_csv(py: Python<'_>, text: &str) -> PyResult<Self> {
        PublishedDataset::from_csv(text)
            .map(PyPublishedResults)
            .or_raise(py)
    }

    /// Reads a CSV keeping every good row: returns the results and a list of `CqcError`s, one
    /// per bad row (not raised).
    #[staticmethod]
    fn from_csv_lenient<'py>(py: Python<'py>, text: &str) -> PyResult<(Self, Bound<'py, PyList>)> {
        let (data, errors) = PublishedDataset::from_csv_lenient(text);
        let list = PyList::empty(py);
        for e in &errors {
            list.append(to_py_err(py, e).into_value(py))?;
        }
        Ok((PyPublishedResults(data), list))
    }

    /// Every record, in file order.
    #[getter]
    fn records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyPublishedResult::list(py, self.0.records().iter().cloned())
    }

    fn __len__(&self) -> usize {
        self.0.records().len()
    }

    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let records = self.0.records();
        if let Ok(slice) = index.cast::<PySlice>() {
            let idx = slice.indices(records.len() as isize)?;
            let list = PyList::empty(py);
            let mut i = idx.start;
            for _ in 0..idx.slicelength {
                list.append(PyPublishedResult::new(py, records[i as usize].clone())?)?;
                i += idx.step;
            }
            return Ok(list.into_any());
        }
        if index.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "index with a position; use .find(name) to look a council up by name",
            ));
        }
        let i: isize = index.extract()?;
        let n = records.len() as isize;
        let j = if i < 0 { i + n } else { i };
        if !(0..n).contains(&j) {
            return Err(PyIndexError::new_err("published result index out of range"));
        }
        Ok(PyPublishedResult::new(py, records[j as usize].clone())?.into_any())
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.records(py)?.call_method0("__iter__")
    }

    /// Finds a council by name, ignoring case, punctuation and words such as "Council",
    /// "City of", "London Borough of"; an unknown name is an `UnknownNameError` with
    /// suggestions.
    fn find<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyPublishedResult>> {
        PyPublishedResult::new(py, self.0.find(name).or_raise(py)?.clone())
    }

    /// The records with all nine scores published.
    fn scored<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyPublishedResult::list(py, self.0.scored().cloned())
    }

    /// How the councils with published scores scored each statement.
    fn statement_distribution<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        results(py, self.0.statement_distribution())
    }

    /// How the councils with published scores scored each statement, in each region.
    fn statement_distribution_by_region<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Bound<'py, PyAny>> {
        to_records(py, &self.0.statement_distribution_by_region())
    }

    /// Number of records with each published rating, in each region.
    fn rating_counts_by_region<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_records(py, &self.0.rating_counts_by_region())
    }

    /// Number of records with each published rating, for each type of council.
    fn rating_counts_by_type<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_records(py, &self.0.rating_counts_by_type())
    }

    /// A published council's ranks among all councils, in its region and among councils of
    /// its type (by name, alias or ONS code), or None when it has no published scores.
    fn council_rankings<'py>(&self, py: Python<'py>, council: &str) -> PyResult<Bound<'py, PyAny>> {
        let rankings = self.0.council_rankings(council).or_raise(py)?;
        to_records(py, &rankings)
    }

    /// Number of records with each published rating, worst first.
    fn rating_counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (r, n) in self.0.rating_counts() {
            d.set_item(r.as_str(), n)?;
        }
        Ok(d)
    }

    /// Where scores (any input `rate` takes) would rank among these councils.
    #[pyo3(signature = (scores, method = None))]
    fn rank<'py>(
        &self,
        py: Python<'py>,
        scores: &Bound<'_, PyAny>,
        method: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let a = crate::input::assessment_arg(py, scores, method)?;
        result(py, self.0.rank(&a))
    }

    /// The records whose published rating does not follow from their published scores, each
    /// with its check.
    fn conflicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for (r, c) in self.0.conflicts() {
            list.append((PyPublishedResult::new(py, r.clone())?, result(py, c)?))?;
        }
        Ok(list)
    }

    /// The records as a pandas DataFrame, one row per record (an assessment, or a council with
    /// none found): `council`, `gss_code`, `region`, `council_type`, `assessment_kind`,
    /// `published` (`datetime64`: the first day the published date can mean, see
    /// `published_precision`), `published_precision`, `current`, `rating` (an ordered
    /// `Categorical`, inadequate < requires_improvement < good < outstanding), `pilot`,
    /// `qs1` .. `qs9`, `total`, `assessed`, `percent` (nullable `Int8`: `<NA>` where no
    /// source states them), `percent_basis`, `source_kind`, `cqc_report_url`, `note`,
    /// `sources` (lists). Needs pandas (an `ImportError` saying how to install it otherwise).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pandas = py
            .import("pandas")
            .map_err(|_| PyImportError::new_err(PANDAS_HINT))?;
        let records = self.0.records();
        let columns = PyDict::new(py);
        let col = |f: &dyn Fn(&cqc::PublishedResult) -> Value| -> PyResult<Bound<'py, PyList>> {
            let list = PyList::empty(py);
            for r in records {
                list.append(to_py(py, &f(r))?)?;
            }
            Ok(list)
        };
        columns.set_item("council", col(&|r| json!(r.council))?)?;
        columns.set_item("gss_code", col(&|r| json!(r.gss_code))?)?;
        columns.set_item("region", col(&|r| json!(r.region))?)?;
        columns.set_item("council_type", col(&|r| json!(r.council_type))?)?;
        columns.set_item("assessment_kind", col(&|r| json!(r.assessment_kind))?)?;
        columns.set_item("current", col(&|r| json!(r.current))?)?;
        let published = col(&|r| json!(r.published_from()))?;
        columns.set_item(
            "published",
            pandas.getattr("to_datetime")?.call1((published,))?,
        )?;
        columns.set_item(
            "published_precision",
            col(&|r| json!(r.published_precision))?,
        )?;
        let options = PyDict::new(py);
        let ratings: Vec<&str> = cqc::Rating::ALL.iter().map(|r| r.as_str()).collect();
        options.set_item("categories", ratings)?;
        options.set_item("ordered", true)?;
        let categorical = pandas
            .getattr("Categorical")?
            .call((col(&|r| json!(r.rating))?,), Some(&options))?;
        columns.set_item("rating", categorical)?;
        columns.set_item("pilot", col(&|r| json!(r.pilot))?)?;
        let mut int_columns = Vec::new();
        for qs in QualityStatement::ALL {
            let name = format!("qs{}", qs.number());
            columns.set_item(
                &name,
                col(&|r| json!(r.scores.map(|s| s[qs.index()].get())))?,
            )?;
            int_columns.push(name);
        }
        columns.set_item("total", col(&|r| json!(r.total()))?)?;
        int_columns.push("total".into());
        columns.set_item("assessed", col(&|r| json!(r.assessed))?)?;
        int_columns.push("assessed".into());
        columns.set_item("percent", col(&|r| json!(r.percent))?)?;
        int_columns.push("percent".into());
        columns.set_item("percent_basis", col(&|r| json!(r.percent_basis))?)?;
        columns.set_item("source_kind", col(&|r| json!(r.source_kind))?)?;
        columns.set_item("cqc_report_url", col(&|r| json!(r.cqc_report_url))?)?;
        columns.set_item("note", col(&|r| json!(r.note))?)?;
        columns.set_item("sources", col(&|r| json!(r.sources))?)?;
        let df = pandas.getattr("DataFrame")?.call1((columns,))?;
        let dtypes = PyDict::new(py);
        for c in &int_columns {
            dtypes.set_item(c, "Int8")?;
        }
        df.call_method1("astype", (dtypes,))
    }

    /// The records as a list of dicts.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &json!({ "records": json_of(&self.0.records()) }))
    }

    /// The records as pretty-printed JSON text.
    fn to_json(&self) -> String {
        serde_json::to_string_pretty(&json!({ "records": json_of(&self.0.records()) }))
            .unwrap_or_default()
    }

    fn __repr__(&self) -> String {
        let counts: Vec<String> = self
            .0
            .rating_counts()
            .iter()
            .map(|(r, n)| format!("{}={}", r.as_str(), n))
            .collect();
        format!(
            "PublishedResults(<{} councils>, {})",
            self.0.records().len(),
            counts.join(", ")
        )
    }

    /// A readable HTML table of the records, shown by Jupyter.
    fn _repr_html_(&self) -> String {
        let rows: Vec<Value> = self
            .0
            .records()
            .iter()
            .map(|r| {
                json!({
                    "council": r.council, "published": r.published, "rating": r.rating.map(|x| x.label()),
                    "scores": r.scores.map(|s| s.map(|x| x.get())), "total": r.total(),
                    "pilot": r.pilot, "note": r.note,
                })
            })
            .collect();
        html::table(
            &format!("Published results ({} councils)", rows.len()),
            &Value::Array(rows),
        )
    }
}
