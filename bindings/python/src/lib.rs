//! The Python extension module `cqc_assurance._native`: a thin layer over the `cqc-assurance`
//! crate. Every function converts its arguments to what the core takes, calls the core once,
//! and wraps the core's result in a Python class; errors become `CqcError` subclasses carrying
//! the core's code. No rule of the domain is implemented here.
//!
//! The Python API is documented in `python/cqc_assurance/_native.pyi` and the package README.

mod batch;
mod classes;
mod convert;
mod errors;
mod html;
mod input;
mod published;
mod records;
mod results;
mod schema;
#[cfg(test)]
mod stubs;

use cqc_assurance::{
    self as cqc, EvidenceCategory, PublishedDataset, QualityStatement, Rating, RatingMethod, Theme,
};
use pyo3::prelude::*;
use pyo3::types::PyString;

use classes::*;
use errors::OrRaise;
use published::*;
use results::{result, results, with_state, PyExplanation, PyRatingProbabilities};

/// Rates an assessment by CQC's method.
///
/// `scores` is a list of nine scores in CQC's order (None = not assessed), a dict keyed by
/// statement id, number or any published name, a whole assessment document (dict or JSON
/// text), or an `Assessment`. `method` (`"current"` or `"earlier"`) applies when the scores do
/// not say; under `"earlier"` a dict maps statements to evidence-category scores.
///
/// >>> r = rate({"Assessing needs": 2, "safeguarding": 3})
/// >>> (r.rating, r.percent, r.max)
/// ('good', 63, 8)
#[pyfunction]
#[pyo3(signature = (scores, method = None))]
fn rate<'py>(
    py: Python<'py>,
    scores: &Bound<'_, PyAny>,
    method: Option<&Bound<'_, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let a = input::assessment_arg(py, scores, method)?;
    result(py, cqc::rate(&a))
}

/// Explains, step by step, how the rating follows from the scores (same inputs as `rate`).
///
/// >>> e = explain([2, 3, 3, 2, 2, 2, 2, 3, 3])
/// >>> "rounded up to 62%" in e.to_text()
/// True
#[pyfunction]
#[pyo3(signature = (scores, method = None))]
fn explain<'py>(
    py: Python<'py>,
    scores: &Bound<'_, PyAny>,
    method: Option<&Bound<'_, PyAny>>,
) -> PyResult<Bound<'py, PyExplanation>> {
    let a = input::assessment_arg(py, scores, method)?;
    with_state(py, cqc::explain(&a), PyExplanation)
}

/// Every minimal set of statement score increases that reaches `target` (a rating name).
///
/// >>> plan = improvement_paths([3] * 9, target="outstanding")
/// >>> (plan.points_needed, len(plan.paths))
/// (5, 126)
#[pyfunction]
#[pyo3(signature = (scores, target = None, method = None))]
fn improvement_paths<'py>(
    py: Python<'py>,
    scores: &Bound<'_, PyAny>,
    target: Option<&Bound<'_, PyAny>>,
    method: Option<&Bound<'_, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let a = input::assessment_arg(py, scores, method)?;
    let target = match target {
        Some(t) if !t.is_none() => input::rating_arg(py, t, "target")?,
        _ => Rating::Good,
    };
    result(py, cqc::improvement_paths(&a, target))
}

/// The probability of each rating when statement scores are uncertain.
///
/// `distributions` maps statements to `[p1, p2, p3, p4]` (the probabilities of scores 1-4), a
/// certain score, or None (not assessed); as a dict keyed by statement, a list of nine, a
/// document `{"scores": ...}` or JSON text.
///
/// >>> p = rating_probabilities({"equity": [0.5, 0.5, 0, 0], "learning": [0, 0, 0.5, 0.5]})
/// >>> [round(x.probability, 2) for x in p.ratings]
/// [0.0, 0.25, 0.75, 0.0]
#[pyfunction]
fn rating_probabilities<'py>(
    py: Python<'py>,
    distributions: &Bound<'_, PyAny>,
) -> PyResult<Bound<'py, PyRatingProbabilities>> {
    let text = input::probability_document(distributions)?;
    let p = cqc::rating_probabilities_json(&text).or_raise(py)?;
    with_state(py, p, PyRatingProbabilities)
}

/// Checks published scores against a published rating and, optionally, a published whole
/// percentage; lists every inconsistency and the one-point corrections that would explain it.
///
/// >>> c = check_published([3, 3, 4, 3, 4, 4, 3, 4, 4], "outstanding", 89)
/// >>> c.consistent
/// True
#[pyfunction]
#[pyo3(signature = (scores, rating, percent = None, method = None))]
fn check_published<'py>(
    py: Python<'py>,
    scores: &Bound<'_, PyAny>,
    rating: &Bound<'_, PyAny>,
    percent: Option<&Bound<'_, PyAny>>,
    method: Option<&Bound<'_, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let a = input::assessment_arg(py, scores, method)?;
    let rating = input::rating_arg(py, rating, "rating")?;
    let percent = input::percent_arg(py, percent)?;
    result(py, cqc::check_published(&a, rating, percent).or_raise(py)?)
}

/// The bundled published results (every assessment found for the 153 councils, each with its
/// sources, and a row for each council without one).
///
/// >>> published_results().find("Durham County Council").council
/// 'County Durham'
#[pyfunction]
fn published_results() -> PyPublishedResults {
    PyPublishedResults(PublishedDataset::bundled().clone())
}

/// The bundled published results as a pandas DataFrame (needs pandas).
#[pyfunction]
fn published_dataframe<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    Bound::new(py, published_results())?.call_method0("to_pandas")
}

/// Finds a council's published result by name ("Liverpool City Council", "Royal Borough of
/// Windsor & Maidenhead"...); an unknown name is an `UnknownNameError` with suggestions.
///
/// >>> find_council("Liverpool City Council").rating
/// 'good'
#[pyfunction]
fn find_council<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyPublishedResult>> {
    PyPublishedResult::new(py, cqc::find_council(name).or_raise(py)?.clone())
}

/// How the published councils scored each statement, in CQC's order.
///
/// >>> d = statement_distribution()
/// >>> (len(d), d[6].statement)
/// (9, 'safeguarding')
#[pyfunction]
fn statement_distribution(py: Python<'_>) -> PyResult<Bound<'_, pyo3::types::PyList>> {
    results(py, PublishedDataset::bundled().statement_distribution())
}

/// Where scores (any input `rate` takes) would rank among the published councils with nine
/// scores, by overall percentage.
#[pyfunction]
#[pyo3(signature = (scores, method = None))]
fn rank_among_published<'py>(
    py: Python<'py>,
    scores: &Bound<'_, PyAny>,
    method: Option<&Bound<'_, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let a = input::assessment_arg(py, scores, method)?;
    result(py, cqc::rank_among_published(&a))
}

/// The four themes in CQC's order.
#[pyfunction]
fn themes() -> Vec<PyTheme> {
    Theme::ALL.into_iter().map(PyTheme).collect()
}

/// The nine quality statements in CQC's order (QS1-QS9).
///
/// >>> [qs.id for qs in quality_statements()][:3]
/// ['assessing-needs', 'supporting-healthier-lives', 'equity']
#[pyfunction]
fn quality_statements() -> Vec<PyQualityStatement> {
    QualityStatement::ALL
        .into_iter()
        .map(PyQualityStatement)
        .collect()
}

/// The six evidence categories in the framework's order.
#[pyfunction]
fn evidence_categories() -> Vec<PyEvidenceCategory> {
    EvidenceCategory::ALL
        .into_iter()
        .map(PyEvidenceCategory)
        .collect()
}

/// Both rating methods, newest first.
#[pyfunction]
fn rating_methods() -> Vec<PyRatingMethod> {
    RatingMethod::ALL.into_iter().map(PyRatingMethod).collect()
}

/// The rating method in force on a date (a `datetime.date` or ISO text), or None before
/// 8 December 2023.
///
/// >>> import datetime
/// >>> method_in_force_on(datetime.date(2024, 5, 17)).id
/// 'earlier'
#[pyfunction]
fn method_in_force_on(date: &Bound<'_, PyAny>) -> PyResult<Option<PyRatingMethod>> {
    let iso = convert::iso_date(date, "date")?;
    Ok(RatingMethod::in_force_on(&iso).map(PyRatingMethod))
}

/// A rating's canonical name from any spelling (`"Requires Improvement"` →
/// `"requires_improvement"`); an unknown name is an `UnknownNameError`.
#[pyfunction]
fn parse_rating(py: Python<'_>, name: &Bound<'_, PyAny>) -> PyResult<&'static str> {
    Ok(input::rating_arg(py, name, "rating")?.as_str())
}

/// A rating as CQC prints it (`"requires_improvement"` → `"Requires improvement"`).
#[pyfunction]
fn rating_label(py: Python<'_>, rating: &Bound<'_, PyAny>) -> PyResult<&'static str> {
    Ok(input::rating_arg(py, rating, "rating")?.label())
}

/// The band of published percentages of a rating, inclusive: `rating_band("good")` is
/// `(63, 87)`.
#[pyfunction]
fn rating_band(py: Python<'_>, rating: &Bound<'_, PyAny>) -> PyResult<(u8, u8)> {
    Ok(input::rating_arg(py, rating, "rating")?.band())
}

/// The rating a published whole percentage falls in, or None outside 25-100.
#[pyfunction]
fn rating_for_percent(percent: i64) -> Option<&'static str> {
    u8::try_from(percent)
        .ok()
        .and_then(Rating::from_published_percent)
        .map(Rating::as_str)
}

/// `(rating, published percent)` of a total out of 4 × `assessed`, or None when the total is
/// impossible for that many statements.
///
/// >>> rating_for_total(22, 9)
/// ('requires_improvement', 62)
#[pyfunction]
fn rating_for_total(total: i64, assessed: i64) -> Option<(&'static str, u8)> {
    let (t, a) = (u32::try_from(total).ok()?, u32::try_from(assessed).ok()?);
    cqc::rating_for_total(t, a).map(|(r, p)| (r.as_str(), p))
}

/// The extension module, declared: each class and function it exports is listed once, here
/// exceptions included; the constants are added when it is first imported.
#[pymodule]
mod _native {
    use super::*;
    #[pymodule_export]
    use super::{
        check_published, evidence_categories, explain, find_council, improvement_paths,
        method_in_force_on, parse_rating, published_dataframe, published_results,
        quality_statements, rank_among_published, rate, rating_band, rating_for_percent,
        rating_for_total, rating_label, rating_methods, rating_probabilities,
        statement_distribution, themes, PyAssessment, PyEvidenceCategory, PyPublishedResult,
        PyPublishedResults, PyQualityStatement, PyRatingMethod, PyTheme,
    };
    #[pymodule_export]
    use crate::batch::rate_many;
    #[pymodule_export]
    use crate::errors::{
        AssessmentError, CqcError, DocumentError, ProbabilityError, ScoreError, TimelineError,
        UnknownNameError, WorkbookError,
    };
    #[pymodule_export]
    use crate::records::{
        analyse_workbook, bank_holidays_from_gov_uk_json, check_workbook, compare_with_england,
        easter_sunday, england_bank_holidays, evidence_from_csv, evidence_to_csv, plan_timeline,
        timeline_profile, PyTimeline, PyWorkbook, PyWorkbookImport, PyWorkbookReport,
        PyWorkingCalendar,
    };
    #[pymodule_export]
    use crate::results::{PyExplanation, PyRatingProbabilities, PyRecord};

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        let py = m.py();
        crate::records::register(m)?;
        crate::results::add_value_classes(m)?;
        let exported: Vec<String> = m.dir()?.extract()?;
        crate::schema::init(&exported.into_iter().collect());
        let ratings: Vec<&str> = Rating::ALL.iter().map(|r| r.as_str()).collect();
        m.add("RATINGS", pyo3::types::PyTuple::new(py, ratings)?)?;
        m.add("FRAMEWORK_URL", cqc::FRAMEWORK_URL)?;
        m.add("EVIDENCE_URL", cqc::EVIDENCE_URL)?;
        m.add("RATINGS_URL", cqc::RATINGS_URL)?;
        m.add("DOCUMENT_VERSION", cqc::DOCUMENT_VERSION)?;
        m.add("PROVENANCE", PyString::new(py, cqc::PROVENANCE))?;
        m.add("CORE_VERSION", env!("CARGO_PKG_VERSION"))?;
        Ok(())
    }
}
