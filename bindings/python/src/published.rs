//! Published results: records with attributes, the set with `to_pandas()`, distributions and
//! ranking.

use cqc_assurance::{self as cqc, PublishedDataset, QualityStatement};
use pyo3::exceptions::{PyImportError, PyIndexError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PySlice, PyString};
use serde_json::{json, Value};

use crate::classes::{record_methods, PyAssessment, PyPublishedCheck, RatingName};
use crate::convert::{json_of, to_py};
use crate::errors::{to_py_err, OrRaise};
use crate::html;

/// One council's published result.
///
/// >>> camden = find_council("London Borough of Camden")
/// >>> (camden.council, camden.rating, camden.total)
/// ('Camden', 'outstanding', 32)
#[pyclass(frozen, eq, module = "cqc_assurance", name = "PublishedResult")]
#[derive(Clone, PartialEq)]
pub struct PyPublishedResult(pub cqc::PublishedResult);

/// How the published councils scored one statement.
#[pyclass(frozen, eq, module = "cqc_assurance", name = "StatementDistribution")]
#[derive(Clone, PartialEq)]
pub struct PyStatementDistribution(pub cqc::StatementDistribution);

/// Where a set of scores would be placed among the published councils with nine scores
/// (current assessment of each); a tie counts against the council placed.
///
/// >>> rank_among_published([4] * 9).rank
/// 1
#[pyclass(frozen, eq, module = "cqc_assurance", name = "Ranking")]
#[derive(Clone, PartialEq)]
pub struct PyRanking(pub cqc::Ranking);

record_methods!(
    PyPublishedResult,
    "Published result",
    value = |o| json_of(&o.0),
    repr = [council, rating, published, total],
    getters = |this| {
        /// The council's name (as in the reference table of the 153 councils).
        council -> &str = &this.0.council;
        /// The council's ONS GSS code.
        gss_code -> &str = &this.0.gss_code;
        /// The council's region id (`north_west`).
        region -> &'static str = this.0.region.id();
        /// The kind of council (`metropolitan_district`).
        council_type -> &'static str = this.0.council_type.id();
        /// `pilot`, `baseline` or `reassessment`; None for a council with no published
        /// assessment found.
        assessment_kind -> Option<&'static str> = this.0.assessment_kind.map(|k| k.id());
        /// `day`, `month` or `unknown`: how precisely `published` is known.
        published_precision -> Option<&'static str> = this.0.published_precision.map(|p| p.id());
        /// When published: `YYYY-MM-DD`, or `YYYY-MM` where only the month is known; None if
        /// unknown. (Text, not a date: many records only give the month.)
        published -> Option<&str> = this.0.published.as_deref();
        /// The nine statement scores in CQC's order, or None where not published.
        scores -> Option<Vec<u32>> = {
            // u32, not u8: pyo3 turns a Vec<u8> into bytes.
            this.0
                .scores
                .map(|s| s.iter().map(|x| u32::from(x.get())).collect())
        };
        /// The published overall rating, or None where no source found states it.
        rating -> Option<RatingName> = this.0.rating.map(|r| r.as_str());
        /// Statements scored (9), or None without scores.
        assessed -> Option<u32> = this.0.assessed;
        /// The overall percentage: stated by a source, else computed from the scores; or None.
        percent -> Option<u8> = this.0.percent;
        /// `stated` or `computed`: where `percent` comes from.
        percent_basis -> Option<&'static str> = this.0.percent_basis.map(|b| b.id());
        /// `cqc`, `council`, `press` or `scrape`: the kind of the first source.
        source_kind -> Option<&'static str> = this.0.source_kind.map(|k| k.id());
        /// The address of CQC's report, where known.
        cqc_report_url -> Option<&str> = this.0.cqc_report_url.as_deref();
        /// Whether this is the council's current result (one per council).
        current -> bool = this.0.current;
        /// Where the figures come from.
        sources -> Vec<String> = this.0.sources.clone();
        /// What to know about the record, or None.
        note -> Option<&str> = this.0.note.as_deref();
        /// A 2023 pilot assessment (indicative rating, not a formal one).
        pilot -> bool = this.0.pilot;
        /// Total of the nine scores, or None.
        total -> Option<u32> = this.0.total();
    },
    {
        /// The scores as an Assessment, or None.
        fn assessment(&self) -> Option<PyAssessment> {
            self.0.assessment().map(PyAssessment)
        }
        /// Checks the published rating against the published scores, or None without scores.
        fn check(&self) -> Option<PyPublishedCheck> {
            self.0.check().map(PyPublishedCheck)
        }
    }
);

record_methods!(
    PyStatementDistribution,
    "Statement distribution",
    value = |o| json_of(&o.0),
    repr = [statement, counts, mean],
    getters = |this| {
        /// The statement's id.
        statement -> &'static str = this.0.statement.id();
        /// Number of councils scored 1, 2, 3 and 4.
        counts -> Vec<u32> = this.0.counts.to_vec();
        /// Councils with a score for the statement.
        councils -> u32 = this.0.councils;
        /// Mean score.
        mean -> f64 = this.0.mean;
    },
    {
    }
);

record_methods!(
    PyRanking,
    "Ranking",
    value = |o| json_of(&o.0),
    repr = [rank, councils, percentile],
    getters = |this| {
        /// The lowest position of the tie group: 1 + councils with a higher or the same
        /// percentage.
        rank -> u32 = this.0.rank;
        /// The highest position of the tie group: 1 + councils with a higher percentage.
        best_rank -> u32 = this.0.best_rank;
        /// Positions in all: the councils compared and the one placed.
        out_of -> u32 = this.0.out_of;
        /// The region compared within (id), or None.
        region -> Option<&'static str> = this.0.region.map(|r| r.id());
        /// The kind of council compared within (id), or None.
        council_type -> Option<&'static str> = this.0.council_type.map(|t| t.id());
        /// Councils compared.
        councils -> u32 = this.0.councils;
        /// Councils with a higher percentage.
        higher -> u32 = this.0.higher;
        /// Councils with the same percentage.
        equal -> u32 = this.0.equal;
        /// Councils with a lower percentage.
        lower -> u32 = this.0.lower;
        /// Share of the councils compared with a strictly lower percentage, in per cent.
        percentile -> f64 = this.0.percentile;
    },
    {
    }
);

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
    /// Reads a CSV in the bundled file's format (the columns `PublishedDataset::to_csv` writes:
    /// `gss_code, council, region, ..., qs1..qs9, ..., overall_rating, source_kind,
    /// source_url, cqc_report_url, note`); the first problem is a `DocumentError` naming its
    /// line and column.
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
    fn records(&self) -> Vec<PyPublishedResult> {
        self.0
            .records()
            .iter()
            .cloned()
            .map(PyPublishedResult)
            .collect()
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
                list.append(PyPublishedResult(records[i as usize].clone()))?;
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
        Ok(Bound::new(py, PyPublishedResult(records[j as usize].clone()))?.into_any())
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        PyList::new(py, self.records())?.call_method0("__iter__")
    }

    /// Finds a council by name, ignoring case, punctuation and words such as "Council",
    /// "City of", "London Borough of"; an unknown name is an `UnknownNameError` with
    /// suggestions.
    fn find(&self, py: Python<'_>, name: &str) -> PyResult<PyPublishedResult> {
        self.0
            .find(name)
            .cloned()
            .map(PyPublishedResult)
            .or_raise(py)
    }

    /// The records with all nine scores published.
    fn scored(&self) -> Vec<PyPublishedResult> {
        self.0.scored().cloned().map(PyPublishedResult).collect()
    }

    /// How the councils with published scores scored each statement.
    fn statement_distribution(&self) -> Vec<PyStatementDistribution> {
        self.0
            .statement_distribution()
            .into_iter()
            .map(PyStatementDistribution)
            .collect()
    }

    /// How the councils with published scores scored each statement, in each region.
    fn statement_distribution_by_region<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::records::to_records(py, &self.0.statement_distribution_by_region())
    }

    /// Number of records with each published rating, in each region.
    fn rating_counts_by_region<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::records::to_records(py, &self.0.rating_counts_by_region())
    }

    /// Number of records with each published rating, for each type of council.
    fn rating_counts_by_type<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::records::to_records(py, &self.0.rating_counts_by_type())
    }

    /// A published council's ranks among all councils, in its region and among councils of
    /// its type (by name, alias or ONS code), or None when it has no published scores.
    fn council_rankings<'py>(&self, py: Python<'py>, council: &str) -> PyResult<Bound<'py, PyAny>> {
        let rankings = self.0.council_rankings(council).or_raise(py)?;
        crate::records::to_records(py, &rankings)
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
    fn rank(
        &self,
        py: Python<'_>,
        scores: &Bound<'_, PyAny>,
        method: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyRanking> {
        let a = crate::input::assessment_arg(py, scores, method)?;
        Ok(PyRanking(self.0.rank(&a)))
    }

    /// The records whose published rating does not follow from their published scores, each
    /// with its check.
    fn conflicts(&self) -> Vec<(PyPublishedResult, PyPublishedCheck)> {
        self.0
            .conflicts()
            .into_iter()
            .map(|(r, c)| (PyPublishedResult(r.clone()), PyPublishedCheck(c)))
            .collect()
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
