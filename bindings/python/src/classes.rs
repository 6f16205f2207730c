//! Python classes around the core's values: attributes read straight from the core's value,
//! and the same five methods on each (`to_dict`, `to_json`, `__repr__`, `_repr_html_`, `==`).

use cqc_assurance::{
    self as cqc, Assessment, EvidenceCategory, LocalAuthorityUse, QualityStatement, Rating,
    RatingMethod, Theme,
};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde_json::Value;

use crate::convert::{json_of, py_date, to_py};
use crate::errors::OrRaise;
use crate::html;

/// The common methods of every class. `value` gives the object's JSON form, `repr` its
/// `__repr__`.
macro_rules! record_methods {
    (
        $ty:ident, $title:literal,
        value = |$v:ident| $value:expr,
        repr = |$r:ident| $repr:expr,
        { $($body:tt)* }
    ) => {
        #[pymethods]
        impl $ty {
            $($body)*

            /// The object as plain Python values (dict, list, str, int, float, bool, None), with
            /// the same keys as its JSON form.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                to_py(py, &self.json_value())
            }

            /// The object as pretty-printed JSON text (the core's serialised form).
            fn to_json(&self) -> String {
                serde_json::to_string_pretty(&self.json_value()).unwrap_or_default()
            }

            fn __repr__(&self) -> String {
                let $r = self;
                crate::convert::python_quotes(&$repr)
            }

            /// A readable HTML table of the object, shown by Jupyter.
            fn _repr_html_(&self) -> String {
                html::table($title, &self.json_value())
            }
        }

        impl $ty {
            pub(crate) fn json_value(&self) -> Value {
                let $v = self;
                $value
            }
        }
    };
}

fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(|| "None".into(), |x| x.to_string())
}

fn rating_str(r: Rating) -> &'static str {
    r.as_str()
}

// ---------------------------------------------------------------------------------------------
// The framework.

/// One of the nine quality statements. `QualityStatement("Safe pathways, systems and
/// transitions")` finds one by id, number (`6`, `"QS6"`) or any published name.
///
/// >>> qs = QualityStatement("partnership and communities")
/// >>> (qs.id, qs.number, qs.theme.id)
/// ('partnerships', 5, 'providing-support')
#[pyclass(frozen, eq, hash, module = "cqc_assurance", name = "QualityStatement")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyQualityStatement(pub QualityStatement);

record_methods!(
    PyQualityStatement,
    "Quality statement",
    value = |s| json_of(&cqc::StatementView::from(s.0)),
    repr = |s| format!(
        "QualityStatement(number={}, id={:?}, name={:?})",
        s.0.number(),
        s.0.id(),
        s.0.name()
    ),
    {
        #[new]
        fn new(py: Python<'_>, name: &Bound<'_, PyAny>) -> PyResult<Self> {
            let text = if name.is_instance_of::<pyo3::types::PyBool>() {
                name.repr()?.to_string()
            } else {
                name.str()?.to_string()
            };
            QualityStatement::parse(&text)
                .map(PyQualityStatement)
                .or_raise(py)
        }
        /// Stable id used in documents, e.g. `assessing-needs`.
        #[getter]
        fn id(&self) -> &'static str {
            self.0.id()
        }
        /// Number 1-9 as in CQC's reports.
        #[getter]
        fn number(&self) -> u8 {
            self.0.number()
        }
        /// Zero-based position 0-8 (the column in arrays of nine scores).
        #[getter]
        fn index(&self) -> usize {
            self.0.index()
        }
        /// CQC's name of the statement.
        #[getter]
        fn name(&self) -> &'static str {
            self.0.name()
        }
        /// The theme the statement belongs to.
        #[getter]
        fn theme(&self) -> PyTheme {
            PyTheme(self.0.theme())
        }
        /// Other names seen in CQC reports and press releases.
        #[getter]
        fn aliases(&self) -> Vec<&'static str> {
            self.0.aliases().to_vec()
        }
        /// What the statement looks at, in this project's words (official wording at `url`).
        #[getter]
        fn description(&self) -> &'static str {
            self.0.description()
        }
        /// CQC's page with the official wording.
        #[getter]
        fn url(&self) -> &'static str {
            self.0.url()
        }
        fn __str__(&self) -> &'static str {
            self.0.name()
        }
    }
);

/// One of the four themes. `Theme("ensuring safety")` finds one by id, number or name.
///
/// >>> [qs.number for qs in Theme("leadership").statements]
/// [8, 9]
#[pyclass(frozen, eq, hash, module = "cqc_assurance", name = "Theme")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyTheme(pub Theme);

record_methods!(
    PyTheme,
    "Theme",
    value = |t| json_of(&cqc::ThemeView::from(t.0)),
    repr = |t| format!(
        "Theme(number={}, id={:?}, name={:?})",
        t.0.number(),
        t.0.id(),
        t.0.name()
    ),
    {
        #[new]
        fn new(py: Python<'_>, name: &Bound<'_, PyAny>) -> PyResult<Self> {
            Theme::parse(&name.str()?.to_string())
                .map(PyTheme)
                .or_raise(py)
        }
        /// Stable id, e.g. `ensuring-safety`.
        #[getter]
        fn id(&self) -> &'static str {
            self.0.id()
        }
        /// Number 1-4.
        #[getter]
        fn number(&self) -> u8 {
            self.0.number()
        }
        /// CQC's name of the theme.
        #[getter]
        fn name(&self) -> &'static str {
            self.0.name()
        }
        /// The quality statements under the theme, in order.
        #[getter]
        fn statements(&self) -> Vec<PyQualityStatement> {
            self.0
                .statements()
                .iter()
                .map(|q| PyQualityStatement(*q))
                .collect()
        }
        fn __str__(&self) -> &'static str {
            self.0.name()
        }
    }
);

/// One of the six evidence categories of CQC's single assessment framework.
///
/// >>> c = EvidenceCategory("Feedback from partners")
/// >>> (c.id, c.local_authority_use)
/// ('partners', 'used')
#[pyclass(frozen, eq, hash, module = "cqc_assurance", name = "EvidenceCategory")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyEvidenceCategory(pub EvidenceCategory);

fn use_str(u: LocalAuthorityUse) -> &'static str {
    match u {
        LocalAuthorityUse::Used => "used",
        LocalAuthorityUse::NotInBaseliningRound => "not_in_baselining_round",
        LocalAuthorityUse::NotUsed => "not_used",
    }
}

record_methods!(
    PyEvidenceCategory,
    "Evidence category",
    value = |c| json_of(&cqc::EvidenceCategoryView::from(c.0)),
    repr = |c| format!("EvidenceCategory(id={:?}, name={:?})", c.0.id(), c.0.name()),
    {
        #[new]
        fn new(py: Python<'_>, name: &Bound<'_, PyAny>) -> PyResult<Self> {
            EvidenceCategory::parse(&name.str()?.to_string())
                .map(PyEvidenceCategory)
                .or_raise(py)
        }
        /// Stable id, e.g. `peoples-experience`.
        #[getter]
        fn id(&self) -> &'static str {
            self.0.id()
        }
        /// Zero-based position 0-5.
        #[getter]
        fn index(&self) -> usize {
            self.0.index()
        }
        /// CQC's name of the category.
        #[getter]
        fn name(&self) -> &'static str {
            self.0.name()
        }
        /// What the category covers, in this project's words.
        #[getter]
        fn description(&self) -> &'static str {
            self.0.description()
        }
        /// `used`, `not_in_baselining_round` (outcomes) or `not_used` (observation).
        #[getter]
        fn local_authority_use(&self) -> &'static str {
            use_str(self.0.local_authority_use())
        }
        /// Whether the category can ever be used for councils (all but observation).
        #[getter]
        fn applies_to_local_authorities(&self) -> bool {
            self.0.applies_to_local_authorities()
        }
        /// CQC's page on how evidence categories are used for councils.
        #[getter]
        fn url(&self) -> &'static str {
            cqc::EVIDENCE_URL
        }
        fn __str__(&self) -> &'static str {
            self.0.name()
        }
    }
);

/// A rating method CQC has used: `current` (statement scores, from June 2025) or `earlier`
/// (evidence-category scores, December 2023 to June 2025).
///
/// >>> RatingMethod("earlier").in_force_from
/// datetime.date(2023, 12, 8)
#[pyclass(frozen, eq, hash, module = "cqc_assurance", name = "RatingMethod")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyRatingMethod(pub RatingMethod);

record_methods!(
    PyRatingMethod,
    "Rating method",
    value = |m| json_of(&cqc::RatingMethodView::from(m.0)),
    repr = |m| format!("RatingMethod(id={:?})", m.0.id()),
    {
        #[new]
        fn new(py: Python<'_>, name: &str) -> PyResult<Self> {
            RatingMethod::parse(name).map(PyRatingMethod).or_raise(py)
        }
        /// `current` or `earlier`.
        #[getter]
        fn id(&self) -> &'static str {
            self.0.id()
        }
        /// A short name for people.
        #[getter]
        fn name(&self) -> &'static str {
            self.0.name()
        }
        /// The first day the method applied.
        #[getter]
        fn in_force_from<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            py_date(py, self.0.in_force_from())
        }
        /// The day after the last day the method applied, or None if still in force.
        #[getter]
        fn in_force_until<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
            self.0.in_force_until().map(|d| py_date(py, d)).transpose()
        }
        /// Where the method is published.
        #[getter]
        fn source_url(&self) -> &'static str {
            self.0.source_url()
        }
        fn __str__(&self) -> &'static str {
            self.0.id()
        }
    }
);

// ---------------------------------------------------------------------------------------------
// Assessments and ratings.

/// The scores of an assessment under one rating method, read and checked once.
/// `Assessment(scores, method=None)` takes the same inputs as `rate`.
///
/// >>> a = Assessment([2, 3, 3, 2, 2, 2, 2, 3, 3])
/// >>> (a.total, a.max, a.assessed, a.method)
/// (22, 36, 9, 'current')
#[pyclass(frozen, eq, hash, module = "cqc_assurance", name = "Assessment")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyAssessment(pub Assessment);

record_methods!(
    PyAssessment,
    "Assessment",
    value = |a| json_of(&a.0),
    repr = |a| format!(
        "Assessment(method={:?}, scores={})",
        a.0.method().id(),
        nine(&a.0)
    ),
    {
        #[new]
        #[pyo3(signature = (scores, method = None))]
        fn new(
            py: Python<'_>,
            scores: &Bound<'_, PyAny>,
            method: Option<&Bound<'_, PyAny>>,
        ) -> PyResult<Self> {
            crate::input::assessment_arg(py, scores, method).map(PyAssessment)
        }
        /// The rating method: `current` or `earlier`.
        #[getter]
        fn method(&self) -> &'static str {
            self.0.method().id()
        }
        /// Nine entries in CQC's order, None where not assessed (under the earlier method, the
        /// scores derived from the evidence categories).
        #[getter]
        fn scores(&self) -> Vec<Option<u8>> {
            self.0.score_array().map(|s| s.map(|s| s.get())).to_vec()
        }
        /// The assessed statements' scores keyed by statement id.
        #[getter]
        fn statement_scores<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
            let d = PyDict::new(py);
            for (qs, s) in self.0.statement_scores() {
                d.set_item(qs.id(), s.get())?;
            }
            Ok(d)
        }
        /// Evidence-category scores by statement id (earlier method), or None.
        #[getter]
        fn evidence_scores<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
            let v = json_of(&self.0);
            v.get("evidence_scores").map(|e| to_py(py, e)).transpose()
        }
        /// Sum of the statement scores.
        #[getter]
        fn total(&self) -> u32 {
            self.0.total()
        }
        /// 4 × statements assessed.
        #[getter]
        fn max(&self) -> u32 {
            self.0.max()
        }
        /// Number of statements assessed (1-9).
        #[getter]
        fn assessed(&self) -> u32 {
            self.0.assessed()
        }
    }
);

fn nine(a: &Assessment) -> String {
    let parts: Vec<String> = a
        .score_array()
        .iter()
        .map(|s| opt(s.map(|s| s.get())))
        .collect();
    format!("[{}]", parts.join(", "))
}

/// Where a result sits in its rating band.
#[pyclass(frozen, eq, module = "cqc_assurance", name = "BandPosition")]
#[derive(Clone, PartialEq)]
pub struct PyBandPosition(pub cqc::BandPosition);

record_methods!(
    PyBandPosition,
    "Band position",
    value = |b| json_of(&b.0),
    repr = |b| format!(
        "BandPosition(rating={:?}, half={:?}, points_to_next_rating={}, slack_points={})",
        b.0.rating.as_str(),
        json_of(&b.0.half).as_str().unwrap_or_default(),
        opt(b.0.points_to_next_rating),
        opt(b.0.slack_points)
    ),
    {
        /// The band's rating.
        #[getter]
        fn rating(&self) -> &'static str {
            rating_str(self.0.rating)
        }
        /// The band's lowest published percentage.
        #[getter]
        fn lower_percent(&self) -> u8 {
            self.0.lower_percent
        }
        /// The band's highest published percentage.
        #[getter]
        fn upper_percent(&self) -> u8 {
            self.0.upper_percent
        }
        /// Published percentage minus the band's lowest (0 = on the edge).
        #[getter]
        fn percent_above_lower_edge(&self) -> u8 {
            self.0.percent_above_lower_edge
        }
        /// The next rating up, or None for outstanding.
        #[getter]
        fn next_rating(&self) -> Option<&'static str> {
            self.0.next_rating.map(rating_str)
        }
        /// Score points needed to reach the next rating up, or None for outstanding.
        #[getter]
        fn points_to_next_rating(&self) -> Option<u32> {
            self.0.points_to_next_rating
        }
        /// Score points that can be lost while keeping the rating, or None for inadequate.
        #[getter]
        fn slack_points(&self) -> Option<u32> {
            self.0.slack_points
        }
        /// `upper` or `lower` half of the band (the midpoint counts as upper).
        #[getter]
        fn half(&self) -> String {
            json_of(&self.0.half)
                .as_str()
                .unwrap_or_default()
                .to_string()
        }
        /// The position in CQC's words, e.g. "upper threshold of good, nearing outstanding".
        #[getter]
        fn wording(&self) -> &str {
            &self.0.wording
        }
    }
);

/// One evidence category's score (earlier method).
#[pyclass(frozen, eq, module = "cqc_assurance", name = "CategoryScore")]
#[derive(Clone, PartialEq)]
pub struct PyCategoryScore(pub cqc::CategoryScore);

record_methods!(
    PyCategoryScore,
    "Category score",
    value = |c| json_of(&c.0),
    repr = |c| format!(
        "CategoryScore(category={:?}, score={})",
        c.0.category.id(),
        c.0.score
    ),
    {
        /// The category's id.
        #[getter]
        fn category(&self) -> &'static str {
            self.0.category.id()
        }
        /// Its score, 1-4.
        #[getter]
        fn score(&self) -> u8 {
            self.0.score.get()
        }
    }
);

/// The evidence-category working of one statement (earlier method).
#[pyclass(frozen, eq, module = "cqc_assurance", name = "EvidenceWorking")]
#[derive(Clone, PartialEq)]
pub struct PyEvidenceWorking(pub cqc::EvidenceWorking);

record_methods!(
    PyEvidenceWorking,
    "Evidence working",
    value = |e| json_of(&e.0),
    repr = |e| format!(
        "EvidenceWorking(total={}, max={}, percent={})",
        e.0.total, e.0.max, e.0.percent
    ),
    {
        /// The categories scored.
        #[getter]
        fn categories(&self) -> Vec<PyCategoryScore> {
            self.0
                .categories
                .iter()
                .map(|c| PyCategoryScore(*c))
                .collect()
        }
        /// Sum of the category scores.
        #[getter]
        fn total(&self) -> u32 {
            self.0.total
        }
        /// 4 × categories scored.
        #[getter]
        fn max(&self) -> u32 {
            self.0.max
        }
        /// Exact statement percentage.
        #[getter]
        fn percent_exact(&self) -> f64 {
            self.0.percent_exact
        }
        /// Statement percentage rounded up.
        #[getter]
        fn percent(&self) -> u8 {
            self.0.percent
        }
    }
);

/// One assessed statement in a rating result.
#[pyclass(frozen, eq, module = "cqc_assurance", name = "StatementResult")]
#[derive(Clone, PartialEq)]
pub struct PyStatementResult(pub cqc::StatementResult);

record_methods!(
    PyStatementResult,
    "Statement result",
    value = |s| json_of(&s.0),
    repr = |s| format!(
        "StatementResult(statement={:?}, score={})",
        s.0.statement.id(),
        s.0.score
    ),
    {
        /// The statement's id.
        #[getter]
        fn statement(&self) -> &'static str {
            self.0.statement.id()
        }
        /// The statement as an object (number, name, theme...).
        #[getter]
        fn quality_statement(&self) -> PyQualityStatement {
            PyQualityStatement(self.0.statement)
        }
        /// The theme's id.
        #[getter]
        fn theme(&self) -> &'static str {
            self.0.theme.id()
        }
        /// The score, 1-4 (earlier method: derived from the evidence categories).
        #[getter]
        fn score(&self) -> u8 {
            self.0.score.get()
        }
        /// The evidence-category working (earlier method), or None.
        #[getter]
        fn evidence(&self) -> Option<PyEvidenceWorking> {
            self.0.evidence.clone().map(PyEvidenceWorking)
        }
    }
);

/// The outcome of rating an assessment.
///
/// >>> r = rate([2, 3, 3, 2, 2, 2, 2, 3, 3])
/// >>> (r.rating, r.percent, r.total, r.max, r.band.points_to_next_rating)
/// ('requires_improvement', 62, 22, 36, 1)
#[pyclass(frozen, eq, module = "cqc_assurance", name = "RatingResult")]
#[derive(Clone, PartialEq)]
pub struct PyRatingResult(pub cqc::RatingResult);

record_methods!(
    PyRatingResult,
    "Rating result",
    value = |r| json_of(&r.0),
    repr = |r| format!(
        "RatingResult(rating={:?}, percent={}, total={}, max={}, method={:?})",
        r.0.rating.as_str(),
        r.0.percent,
        r.0.total,
        r.0.max,
        r.0.method.id()
    ),
    {
        /// The method the scores were given under.
        #[getter]
        fn method(&self) -> &'static str {
            self.0.method.id()
        }
        /// The overall rating: `inadequate`, `requires_improvement`, `good` or `outstanding`.
        #[getter]
        fn rating(&self) -> &'static str {
            rating_str(self.0.rating)
        }
        /// The rating as CQC prints it, e.g. `Requires improvement`.
        #[getter]
        fn rating_label(&self) -> &'static str {
            self.0.rating.label()
        }
        /// Sum of the statement scores.
        #[getter]
        fn total(&self) -> u32 {
            self.0.total
        }
        /// 4 × statements assessed.
        #[getter]
        fn max(&self) -> u32 {
            self.0.max
        }
        /// Number of statements assessed (1-9).
        #[getter]
        fn assessed(&self) -> u32 {
            self.0.assessed
        }
        /// The published whole percentage: the exact one rounded up.
        #[getter]
        fn percent(&self) -> u8 {
            self.0.percent
        }
        /// The exact percentage, 100 × total ÷ max.
        #[getter]
        fn percent_exact(&self) -> f64 {
            self.0.percent_exact
        }
        /// Each assessed statement, in CQC's order.
        #[getter]
        fn statements(&self) -> Vec<PyStatementResult> {
            self.0
                .statements
                .iter()
                .cloned()
                .map(PyStatementResult)
                .collect()
        }
        /// Where the result sits in its band.
        #[getter]
        fn band(&self) -> PyBandPosition {
            PyBandPosition(self.0.band.clone())
        }
    }
);

/// The steps of a rating in words a council officer can check by hand.
///
/// >>> print(explain([2, 3, 3, 2, 2, 2, 2, 3, 3]).steps[3])
/// 22 ÷ 36 = 61.1%, which CQC publishes rounded up to 62% (the rounding is inferred from every published score; CQC does not state it).
#[pyclass(frozen, eq, module = "cqc_assurance", name = "Explanation")]
#[derive(Clone, PartialEq)]
pub struct PyExplanation(pub cqc::Explanation);

record_methods!(
    PyExplanation,
    "Explanation",
    value = |e| json_of(&e.0),
    repr = |e| format!(
        "Explanation(rating={:?}, steps=<{} steps>)",
        e.0.rating.as_str(),
        e.0.steps.len()
    ),
    {
        /// The rating explained.
        #[getter]
        fn rating(&self) -> &'static str {
            rating_str(self.0.rating)
        }
        /// One sentence or short paragraph per step, in order.
        #[getter]
        fn steps(&self) -> Vec<String> {
            self.0.steps.clone()
        }
        /// The steps as numbered lines.
        fn to_text(&self) -> String {
            self.0.to_text()
        }
        fn __str__(&self) -> String {
            self.0.to_text()
        }
    }
);

/// One statement's score raised.
#[pyclass(frozen, eq, module = "cqc_assurance", name = "ScoreIncrease")]
#[derive(Clone, PartialEq)]
pub struct PyScoreIncrease(pub cqc::ScoreIncrease);

record_methods!(
    PyScoreIncrease,
    "Score increase",
    value = |i| json_of(&i.0),
    repr = |i| format!(
        "ScoreIncrease(statement={:?}, from_score={}, to_score={})",
        i.0.statement.id(),
        i.0.from,
        i.0.to
    ),
    {
        /// The statement's id.
        #[getter]
        fn statement(&self) -> &'static str {
            self.0.statement.id()
        }
        /// Its score now (`from` in the JSON form).
        #[getter]
        #[allow(clippy::wrong_self_convention)] // a getter named after the field `from`
        fn from_score(&self) -> u8 {
            self.0.from.get()
        }
        /// The score it would need (`to` in the JSON form).
        #[getter]
        fn to_score(&self) -> u8 {
            self.0.to.get()
        }
    }
);

/// A minimal set of score increases that reaches the target rating.
#[pyclass(frozen, eq, module = "cqc_assurance", name = "ImprovementPath")]
#[derive(Clone, PartialEq)]
pub struct PyImprovementPath(pub cqc::ImprovementPath);

record_methods!(
    PyImprovementPath,
    "Improvement path",
    value = |p| json_of(&p.0),
    repr = |p| {
        let parts: Vec<String> =
            p.0.increases
                .iter()
                .map(|i| format!("{} {}→{}", i.statement.id(), i.from, i.to))
                .collect();
        format!(
            "ImprovementPath([{}], points={}, percent={}, rating={:?})",
            parts.join(", "),
            p.0.points,
            p.0.percent,
            p.0.rating.as_str()
        )
    },
    {
        /// The increases, in CQC's statement order.
        #[getter]
        fn increases(&self) -> Vec<PyScoreIncrease> {
            self.0
                .increases
                .iter()
                .map(|i| PyScoreIncrease(*i))
                .collect()
        }
        /// Score points added in all.
        #[getter]
        fn points(&self) -> u32 {
            self.0.points
        }
        /// The published percentage the path reaches.
        #[getter]
        fn percent(&self) -> u8 {
            self.0.percent
        }
        /// The rating the path reaches.
        #[getter]
        fn rating(&self) -> &'static str {
            rating_str(self.0.rating)
        }
    }
);

/// Every minimal way from an assessment's scores to a target rating.
///
/// >>> plan = improvement_paths([2, 3, 3, 2, 2, 2, 2, 3, 3], target="good")
/// >>> (plan.points_needed, len(plan.paths))
/// (1, 9)
#[pyclass(frozen, eq, module = "cqc_assurance", name = "ImprovementPlan")]
#[derive(Clone, PartialEq)]
pub struct PyImprovementPlan(pub cqc::ImprovementPlan);

record_methods!(
    PyImprovementPlan,
    "Improvement plan",
    value = |p| json_of(&p.0),
    repr = |p| format!(
        "ImprovementPlan(target={:?}, current_rating={:?}, points_needed={}, paths=<{} paths>)",
        p.0.target.as_str(),
        p.0.current_rating.as_str(),
        p.0.points_needed,
        p.0.paths.len()
    ),
    {
        /// The rating aimed for.
        #[getter]
        fn target(&self) -> &'static str {
            rating_str(self.0.target)
        }
        /// The rating now.
        #[getter]
        fn current_rating(&self) -> &'static str {
            rating_str(self.0.current_rating)
        }
        /// The total now.
        #[getter]
        fn current_total(&self) -> u32 {
            self.0.current_total
        }
        /// The lowest total that gives the target (out of the same maximum).
        #[getter]
        fn target_total(&self) -> u32 {
            self.0.target_total
        }
        /// Score points needed (0 if already met).
        #[getter]
        fn points_needed(&self) -> u32 {
            self.0.points_needed
        }
        /// Whether the scores already give the target or better.
        #[getter]
        fn already_met(&self) -> bool {
            self.0.already_met
        }
        /// Whether the target can be reached within the limits given.
        #[getter]
        fn reachable(&self) -> bool {
            self.0.reachable
        }
        /// Every minimal path, the most realistic first.
        #[getter]
        fn paths(&self) -> Vec<PyImprovementPath> {
            self.0
                .paths
                .iter()
                .cloned()
                .map(PyImprovementPath)
                .collect()
        }
    }
);

/// The probability of one rating.
#[pyclass(frozen, eq, module = "cqc_assurance", name = "RatingProbability")]
#[derive(Clone, PartialEq)]
pub struct PyRatingProbability(pub cqc::RatingProbability);

record_methods!(
    PyRatingProbability,
    "Rating probability",
    value = |r| json_of(&r.0),
    repr = |r| format!(
        "RatingProbability(rating={:?}, probability={})",
        r.0.rating.as_str(),
        r.0.probability
    ),
    {
        /// The rating.
        #[getter]
        fn rating(&self) -> &'static str {
            rating_str(self.0.rating)
        }
        /// Its probability.
        #[getter]
        fn probability(&self) -> f64 {
            self.0.probability
        }
    }
);

/// The probability of one total.
#[pyclass(frozen, eq, module = "cqc_assurance", name = "TotalProbability")]
#[derive(Clone, PartialEq)]
pub struct PyTotalProbability(pub cqc::TotalProbability);

record_methods!(
    PyTotalProbability,
    "Total probability",
    value = |t| json_of(&t.0),
    repr = |t| format!(
        "TotalProbability(total={}, percent={}, rating={:?}, probability={})",
        t.0.total,
        t.0.percent,
        t.0.rating.as_str(),
        t.0.probability
    ),
    {
        /// The total.
        #[getter]
        fn total(&self) -> u32 {
            self.0.total
        }
        /// Its published percentage.
        #[getter]
        fn percent(&self) -> u8 {
            self.0.percent
        }
        /// Its rating.
        #[getter]
        fn rating(&self) -> &'static str {
            rating_str(self.0.rating)
        }
        /// Its probability.
        #[getter]
        fn probability(&self) -> f64 {
            self.0.probability
        }
    }
);

/// The probability of each rating when statement scores are uncertain.
///
/// >>> p = rating_probabilities([2, 3, 3, 2, [0, 0.5, 0.5, 0], 2, 2, 3, 3])
/// >>> (p.probability("good"), p.at_least("requires_improvement"))
/// (0.5, 1.0)
#[pyclass(frozen, eq, module = "cqc_assurance", name = "RatingProbabilities")]
#[derive(Clone, PartialEq)]
pub struct PyRatingProbabilities(pub cqc::RatingProbabilities);

record_methods!(
    PyRatingProbabilities,
    "Rating probabilities",
    value = |p| json_of(&p.0),
    repr = |p| {
        let parts: Vec<String> =
            p.0.ratings
                .iter()
                .map(|r| format!("{}={:.4}", r.rating.as_str(), r.probability))
                .collect();
        format!(
            "RatingProbabilities({}, most_likely={:?}, call={:?})",
            parts.join(", "),
            p.0.most_likely.as_str(),
            p.0.call.headline
        )
    },
    {
        /// Statements assessed.
        #[getter]
        fn assessed(&self) -> u32 {
            self.0.assessed
        }
        /// The four ratings' probabilities, worst first.
        #[getter]
        fn ratings(&self) -> Vec<PyRatingProbability> {
            self.0
                .ratings
                .iter()
                .map(|r| PyRatingProbability(*r))
                .collect()
        }
        /// The most likely rating (the worse one on a tie).
        #[getter]
        fn most_likely(&self) -> &'static str {
            rating_str(self.0.most_likely)
        }
        /// The headline: one rating when its probability is at least two in three, otherwise
        /// too close to call (a `Record` with `too_close_to_call`, `rating`, `probability`,
        /// `contenders`, `prudent_rating` and `headline`).
        #[getter]
        fn call<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            crate::records::record_object(py, json_of(&self.0.call), "RatingCall")
        }
        /// Expected total.
        #[getter]
        fn expected_total(&self) -> f64 {
            self.0.expected_total
        }
        /// Expected exact percentage.
        #[getter]
        fn expected_percent_exact(&self) -> f64 {
            self.0.expected_percent_exact
        }
        /// Every possible total with its probability.
        #[getter]
        fn totals(&self) -> Vec<PyTotalProbability> {
            self.0
                .totals
                .iter()
                .map(|t| PyTotalProbability(*t))
                .collect()
        }
        /// The probability of exactly this rating.
        fn probability(&self, py: Python<'_>, rating: &Bound<'_, PyAny>) -> PyResult<f64> {
            Ok(self
                .0
                .probability(crate::input::rating_arg(py, rating, "rating")?))
        }
        /// The probability of this rating or better.
        fn at_least(&self, py: Python<'_>, rating: &Bound<'_, PyAny>) -> PyResult<f64> {
            Ok(self
                .0
                .at_least(crate::input::rating_arg(py, rating, "rating")?))
        }
    }
);

/// One inconsistency between published figures and the method.
#[pyclass(frozen, eq, module = "cqc_assurance", name = "Finding")]
#[derive(Clone, PartialEq)]
pub struct PyFinding(pub cqc::Finding);

record_methods!(
    PyFinding,
    "Finding",
    value = |f| json_of(&f.0),
    repr = |f| format!(
        "Finding(kind={:?}, message={:?})",
        f.0.kind.code(),
        f.0.message
    ),
    {
        /// `rating_mismatch`, `percent_mismatch`, `percent_outside_rating_band` or
        /// `percent_not_achievable`.
        #[getter]
        fn kind(&self) -> &'static str {
            self.0.kind.code()
        }
        /// A sentence for people.
        #[getter]
        fn message(&self) -> &str {
            &self.0.message
        }
    }
);

/// A one-point change to one published score that would reconcile a record.
#[pyclass(frozen, eq, module = "cqc_assurance", name = "ScoreCorrection")]
#[derive(Clone, PartialEq)]
pub struct PyScoreCorrection(pub cqc::ScoreCorrection);

record_methods!(
    PyScoreCorrection,
    "Score correction",
    value = |c| json_of(&c.0),
    repr = |c| format!(
        "ScoreCorrection(statement={:?}, published={}, corrected={}, percent={})",
        c.0.statement.id(),
        c.0.published,
        c.0.corrected,
        c.0.percent
    ),
    {
        /// The statement's id.
        #[getter]
        fn statement(&self) -> &'static str {
            self.0.statement.id()
        }
        /// The score as published.
        #[getter]
        fn published(&self) -> u8 {
            self.0.published.get()
        }
        /// The score that would agree with the published figures.
        #[getter]
        fn corrected(&self) -> u8 {
            self.0.corrected.get()
        }
        /// The percentage with the corrected score.
        #[getter]
        fn percent(&self) -> u8 {
            self.0.percent
        }
    }
);

/// Whether a published rating (and percentage) follows from published scores.
///
/// >>> c = check_published([2, 3, 3, 2, 2, 2, 2, 3, 3], "good")
/// >>> (c.consistent, c.computed.rating, c.findings[0].kind)
/// (False, 'requires_improvement', 'rating_mismatch')
#[pyclass(frozen, eq, module = "cqc_assurance", name = "PublishedCheck")]
#[derive(Clone, PartialEq)]
pub struct PyPublishedCheck(pub cqc::PublishedCheck);

record_methods!(
    PyPublishedCheck,
    "Published check",
    value = |c| json_of(&c.0),
    repr = |c| {
        format!("PublishedCheck(consistent={}, published_rating={:?}, computed_rating={:?}, findings=<{}>, corrections=<{}>)",
        if c.0.consistent { "True" } else { "False" }, c.0.published_rating.as_str(), c.0.computed.rating.as_str(), c.0.findings.len(), c.0.corrections.len())
    },
    {
        /// What the method gives for the published scores.
        #[getter]
        fn computed(&self) -> PyRatingResult {
            PyRatingResult(self.0.computed.clone())
        }
        /// The rating as published.
        #[getter]
        fn published_rating(&self) -> &'static str {
            rating_str(self.0.published_rating)
        }
        /// The percentage as published, if given.
        #[getter]
        fn published_percent(&self) -> Option<u8> {
            self.0.published_percent
        }
        /// True when there are no findings.
        #[getter]
        fn consistent(&self) -> bool {
            self.0.consistent
        }
        /// Every inconsistency found.
        #[getter]
        fn findings(&self) -> Vec<PyFinding> {
            self.0.findings.iter().cloned().map(PyFinding).collect()
        }
        /// Candidate misprints: one-point changes to one score that reconcile the record.
        #[getter]
        fn corrections(&self) -> Vec<PyScoreCorrection> {
            self.0
                .corrections
                .iter()
                .map(|c| PyScoreCorrection(*c))
                .collect()
        }
    }
);
