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

/// A class's getters, each written once as `name -> type = expression` under its doc comment
/// (the expression reads the object as `this`), and the common methods of every class.
/// `value` gives the object's JSON form; `repr` the getters its `__repr__` shows, each as
/// Python's `repr` writes its value (`[rating, percent]`: `RatingResult(rating='good',
/// percent=70)`), or `{ |r| text }` for a repr of its own; `{ ... }` holds its other methods.
macro_rules! record_methods {
    (
        $ty:ident, $title:literal,
        value = |$v:ident| $value:expr,
        repr = $repr:tt,
        getters = |$this:ident| {
            $( $(#[doc = $doc:literal])* $name:ident -> $ret:ty = $get:expr; )*
        },
        { $($body:tt)* }
    ) => {
        #[pymethods]
        impl $ty {
            $(
                $(#[doc = $doc])*
                #[getter]
                fn $name(&self) -> $ret {
                    #[allow(unused_variables)] // a getter of a constant
                    let $this = self;
                    $get
                }
            )*

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

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                crate::classes::repr_of!(self, py, $ty, $repr)
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

        #[cfg(test)]
        impl $ty {
            /// The getters as the stub generator (`stubs.rs`) reads them: the class, then each
            /// getter's name, Rust type and doc comment.
            pub(crate) const GETTERS: (&'static str, &'static [(&'static str, &'static str, &'static str)]) = (
                stringify!($ty),
                &[$((stringify!($name), stringify!($ret), concat!($($doc, "\n",)* ""))),*],
            );
        }
    };
}
pub(crate) use record_methods;

/// A class's `__repr__`: its name and the listed getters' values as Python's `repr` writes
/// them, or a text of its own (`{ |r| format!(...) }`, quotes made Python's).
macro_rules! repr_of {
    ($self:ident, $py:ident, $ty:ident, [$($field:ident),* $(,)?]) => {{
        use pyo3::IntoPyObjectExt;
        let parts: Vec<String> = vec![$(
            format!(
                "{}={}",
                stringify!($field),
                $self.$field().into_bound_py_any($py)?.repr()?
            )
        ),*];
        let class = stringify!($ty);
        Ok(format!("{}({})", class.strip_prefix("Py").unwrap_or(class), parts.join(", ")))
    }};
    ($self:ident, $py:ident, $ty:ident, { |$r:ident| $repr:expr }) => {{
        let _ = $py;
        let $r = $self;
        Ok(crate::convert::python_quotes(&$repr))
    }};
}
pub(crate) use repr_of;

/// A rating as a getter returns it (`requires_improvement`): the stubs declare it as the
/// literal names of the four ratings.
pub(crate) type RatingName = &'static str;

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
    repr = [number, id, name],
    getters = |this| {
        /// Stable id used in documents, e.g. `assessing-needs`.
        id -> &'static str = this.0.id();
        /// Number 1-9 as in CQC's reports.
        number -> u8 = this.0.number();
        /// Zero-based position 0-8 (the column in arrays of nine scores).
        index -> usize = this.0.index();
        /// CQC's name of the statement.
        name -> &'static str = this.0.name();
        /// The theme the statement belongs to.
        theme -> PyTheme = PyTheme(this.0.theme());
        /// Other names seen in CQC reports and press releases.
        aliases -> Vec<&'static str> = this.0.aliases().to_vec();
        /// What the statement looks at, in this project's words (official wording at `url`).
        description -> &'static str = this.0.description();
        /// CQC's page with the official wording.
        url -> &'static str = this.0.url();
    },
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
    repr = [number, id, name],
    getters = |this| {
        /// Stable id, e.g. `ensuring-safety`.
        id -> &'static str = this.0.id();
        /// Number 1-4.
        number -> u8 = this.0.number();
        /// CQC's name of the theme.
        name -> &'static str = this.0.name();
        /// The quality statements under the theme, in order.
        statements -> Vec<PyQualityStatement> = {
            this.0
                .statements()
                .iter()
                .map(|q| PyQualityStatement(*q))
                .collect()
        };
    },
    {
        #[new]
        fn new(py: Python<'_>, name: &Bound<'_, PyAny>) -> PyResult<Self> {
            Theme::parse(&name.str()?.to_string())
                .map(PyTheme)
                .or_raise(py)
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
    repr = [id, name],
    getters = |this| {
        /// Stable id, e.g. `peoples-experience`.
        id -> &'static str = this.0.id();
        /// Zero-based position 0-5.
        index -> usize = this.0.index();
        /// CQC's name of the category.
        name -> &'static str = this.0.name();
        /// What the category covers, in this project's words.
        description -> &'static str = this.0.description();
        /// `used`, `not_in_baselining_round` (outcomes) or `not_used` (observation).
        local_authority_use -> &'static str = use_str(this.0.local_authority_use());
        /// Whether the category can ever be used for councils (all but observation).
        applies_to_local_authorities -> bool = this.0.applies_to_local_authorities();
        /// CQC's page on how evidence categories are used for councils.
        url -> &'static str = cqc::EVIDENCE_URL;
    },
    {
        #[new]
        fn new(py: Python<'_>, name: &Bound<'_, PyAny>) -> PyResult<Self> {
            EvidenceCategory::parse(&name.str()?.to_string())
                .map(PyEvidenceCategory)
                .or_raise(py)
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
    repr = [id],
    getters = |this| {
        /// `current` or `earlier`.
        id -> &'static str = this.0.id();
        /// A short name for people.
        name -> &'static str = this.0.name();
        /// Where the method is published.
        source_url -> &'static str = this.0.source_url();
    },
    {
        #[new]
        fn new(py: Python<'_>, name: &str) -> PyResult<Self> {
            RatingMethod::parse(name).map(PyRatingMethod).or_raise(py)
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
    repr = [method, scores],
    getters = |this| {
        /// The rating method: `current` or `earlier`.
        method -> &'static str = this.0.method().id();
        /// Nine entries in CQC's order, None where not assessed (under the earlier method, the
        /// scores derived from the evidence categories).
        scores -> Vec<Option<u8>> = this.0.score_array().map(|s| s.map(|s| s.get())).to_vec();
        /// Sum of the statement scores.
        total -> u32 = this.0.total();
        /// 4 × statements assessed.
        max -> u32 = this.0.max();
        /// Number of statements assessed (1-9).
        assessed -> u32 = this.0.assessed();
    },
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
    }
);

/// Where a result sits in its rating band.
#[pyclass(frozen, eq, module = "cqc_assurance", name = "BandPosition")]
#[derive(Clone, PartialEq)]
pub struct PyBandPosition(pub cqc::BandPosition);

record_methods!(
    PyBandPosition,
    "Band position",
    value = |b| json_of(&b.0),
    repr = [rating, half, points_to_next_rating, slack_points],
    getters = |this| {
        /// The band's rating.
        rating -> RatingName = rating_str(this.0.rating);
        /// The band's lowest published percentage.
        lower_percent -> u8 = this.0.lower_percent;
        /// The band's highest published percentage.
        upper_percent -> u8 = this.0.upper_percent;
        /// Published percentage minus the band's lowest (0 = on the edge).
        percent_above_lower_edge -> u8 = this.0.percent_above_lower_edge;
        /// The next rating up, or None for outstanding.
        next_rating -> Option<RatingName> = this.0.next_rating.map(rating_str);
        /// Score points needed to reach the next rating up, or None for outstanding.
        points_to_next_rating -> Option<u32> = this.0.points_to_next_rating;
        /// Score points that can be lost while keeping the rating, or None for inadequate.
        slack_points -> Option<u32> = this.0.slack_points;
        /// `upper` or `lower` half of the band (the midpoint counts as upper).
        half -> String = {
            json_of(&this.0.half)
                .as_str()
                .unwrap_or_default()
                .to_string()
        };
        /// The position in CQC's words, e.g. "upper threshold of good, nearing outstanding".
        wording -> &str = &this.0.wording;
    },
    {
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
    repr = [category, score],
    getters = |this| {
        /// The category's id.
        category -> &'static str = this.0.category.id();
        /// Its score, 1-4.
        score -> u8 = this.0.score.get();
    },
    {
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
    repr = [total, max, percent],
    getters = |this| {
        /// The categories scored.
        categories -> Vec<PyCategoryScore> = {
            this.0
                .categories
                .iter()
                .map(|c| PyCategoryScore(*c))
                .collect()
        };
        /// Sum of the category scores.
        total -> u32 = this.0.total;
        /// 4 × categories scored.
        max -> u32 = this.0.max;
        /// Exact statement percentage.
        percent_exact -> f64 = this.0.percent_exact;
        /// Statement percentage rounded up.
        percent -> u8 = this.0.percent;
    },
    {
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
    repr = [statement, score],
    getters = |this| {
        /// The statement's id.
        statement -> &'static str = this.0.statement.id();
        /// The statement as an object (number, name, theme...).
        quality_statement -> PyQualityStatement = PyQualityStatement(this.0.statement);
        /// The theme's id.
        theme -> &'static str = this.0.theme.id();
        /// The score, 1-4 (earlier method: derived from the evidence categories).
        score -> u8 = this.0.score.get();
        /// The evidence-category working (earlier method), or None.
        evidence -> Option<PyEvidenceWorking> = this.0.evidence.clone().map(PyEvidenceWorking);
    },
    {
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
    repr = [rating, percent, total, max, method],
    getters = |this| {
        /// The method the scores were given under.
        method -> &'static str = this.0.method.id();
        /// The overall rating: `inadequate`, `requires_improvement`, `good` or `outstanding`.
        rating -> RatingName = rating_str(this.0.rating);
        /// The rating as CQC prints it, e.g. `Requires improvement`.
        rating_label -> &'static str = this.0.rating.label();
        /// Sum of the statement scores.
        total -> u32 = this.0.total;
        /// 4 × statements assessed.
        max -> u32 = this.0.max;
        /// Number of statements assessed (1-9).
        assessed -> u32 = this.0.assessed;
        /// The published whole percentage: the exact one rounded up.
        percent -> u8 = this.0.percent;
        /// The exact percentage, 100 × total ÷ max.
        percent_exact -> f64 = this.0.percent_exact;
        /// Each assessed statement, in CQC's order.
        statements -> Vec<PyStatementResult> = {
            this.0
                .statements
                .iter()
                .cloned()
                .map(PyStatementResult)
                .collect()
        };
        /// Where the result sits in its band.
        band -> PyBandPosition = PyBandPosition(this.0.band.clone());
    },
    {
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
    repr = { |e| format!(
        "Explanation(rating={:?}, steps=<{} steps>)",
        e.0.rating.as_str(),
        e.0.steps.len()
    ) },
    getters = |this| {
        /// The rating explained.
        rating -> RatingName = rating_str(this.0.rating);
        /// One sentence or short paragraph per step, in order.
        steps -> Vec<String> = this.0.steps.clone();
    },
    {
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
    repr = { |i| format!(
        "ScoreIncrease(statement={:?}, from_score={}, to_score={})",
        i.0.statement.id(),
        i.0.from,
        i.0.to
    ) },
    getters = |this| {
        /// The statement's id.
        statement -> &'static str = this.0.statement.id();
        /// The score it would need (`to` in the JSON form).
        to_score -> u8 = this.0.to.get();
    },
    {
        /// Its score now (`from` in the JSON form).
        #[getter]
        #[allow(clippy::wrong_self_convention)] // a getter named after the field `from`
        fn from_score(&self) -> u8 {
            self.0.from.get()
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
    repr = { |p| {
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
    } },
    getters = |this| {
        /// The increases, in CQC's statement order.
        increases -> Vec<PyScoreIncrease> = {
            this.0
                .increases
                .iter()
                .map(|i| PyScoreIncrease(*i))
                .collect()
        };
        /// Score points added in all.
        points -> u32 = this.0.points;
        /// The published percentage the path reaches.
        percent -> u8 = this.0.percent;
        /// The rating the path reaches.
        rating -> RatingName = rating_str(this.0.rating);
    },
    {
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
    repr = { |p| format!(
        "ImprovementPlan(target={:?}, current_rating={:?}, points_needed={}, paths=<{} paths>)",
        p.0.target.as_str(),
        p.0.current_rating.as_str(),
        p.0.points_needed,
        p.0.paths.len()
    ) },
    getters = |this| {
        /// The rating aimed for.
        target -> RatingName = rating_str(this.0.target);
        /// The rating now.
        current_rating -> RatingName = rating_str(this.0.current_rating);
        /// The total now.
        current_total -> u32 = this.0.current_total;
        /// The lowest total that gives the target (out of the same maximum).
        target_total -> u32 = this.0.target_total;
        /// Score points needed (0 if already met).
        points_needed -> u32 = this.0.points_needed;
        /// Whether the scores already give the target or better.
        already_met -> bool = this.0.already_met;
        /// Whether the target can be reached within the limits given.
        reachable -> bool = this.0.reachable;
        /// Every minimal path, the most realistic first.
        paths -> Vec<PyImprovementPath> = {
            this.0
                .paths
                .iter()
                .cloned()
                .map(PyImprovementPath)
                .collect()
        };
    },
    {
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
    repr = [rating, probability],
    getters = |this| {
        /// The rating.
        rating -> RatingName = rating_str(this.0.rating);
        /// Its probability.
        probability -> f64 = this.0.probability;
    },
    {
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
    repr = [total, percent, rating, probability],
    getters = |this| {
        /// The total.
        total -> u32 = this.0.total;
        /// Its published percentage.
        percent -> u8 = this.0.percent;
        /// Its rating.
        rating -> RatingName = rating_str(this.0.rating);
        /// Its probability.
        probability -> f64 = this.0.probability;
    },
    {
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
    repr = { |p| {
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
    } },
    getters = |this| {
        /// Statements assessed.
        assessed -> u32 = this.0.assessed;
        /// The four ratings' probabilities, worst first.
        ratings -> Vec<PyRatingProbability> = {
            this.0
                .ratings
                .iter()
                .map(|r| PyRatingProbability(*r))
                .collect()
        };
        /// The most likely rating (the worse one on a tie).
        most_likely -> RatingName = rating_str(this.0.most_likely);
        /// Expected total.
        expected_total -> f64 = this.0.expected_total;
        /// Expected exact percentage.
        expected_percent_exact -> f64 = this.0.expected_percent_exact;
        /// Every possible total with its probability.
        totals -> Vec<PyTotalProbability> = {
            this.0
                .totals
                .iter()
                .map(|t| PyTotalProbability(*t))
                .collect()
        };
    },
    {
        /// The headline: one rating when its probability is at least two in three, otherwise
        /// too close to call (a `Record` with `too_close_to_call`, `rating`, `probability`,
        /// `contenders`, `prudent_rating` and `headline`).
        #[getter]
        fn call<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            crate::records::to_records(py, &self.0.call)
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
    repr = [kind, message],
    getters = |this| {
        /// `rating_mismatch`, `percent_mismatch`, `percent_outside_rating_band` or
        /// `percent_not_achievable`.
        kind -> &'static str = this.0.kind.code();
        /// A sentence for people.
        message -> &str = &this.0.message;
    },
    {
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
    repr = [statement, published, corrected, percent],
    getters = |this| {
        /// The statement's id.
        statement -> &'static str = this.0.statement.id();
        /// The score as published.
        published -> u8 = this.0.published.get();
        /// The score that would agree with the published figures.
        corrected -> u8 = this.0.corrected.get();
        /// The percentage with the corrected score.
        percent -> u8 = this.0.percent;
    },
    {
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
    repr = { |c| {
        format!("PublishedCheck(consistent={}, published_rating={:?}, computed_rating={:?}, findings=<{}>, corrections=<{}>)",
        if c.0.consistent { "True" } else { "False" }, c.0.published_rating.as_str(), c.0.computed.rating.as_str(), c.0.findings.len(), c.0.corrections.len())
    } },
    getters = |this| {
        /// What the method gives for the published scores.
        computed -> PyRatingResult = PyRatingResult(this.0.computed.clone());
        /// The rating as published.
        published_rating -> RatingName = rating_str(this.0.published_rating);
        /// The percentage as published, if given.
        published_percent -> Option<u8> = this.0.published_percent;
        /// True when there are no findings.
        consistent -> bool = this.0.consistent;
        /// Every inconsistency found.
        findings -> Vec<PyFinding> = this.0.findings.iter().cloned().map(PyFinding).collect();
        /// Candidate misprints: one-point changes to one score that reconcile the record.
        corrections -> Vec<PyScoreCorrection> = {
            this.0
                .corrections
                .iter()
                .map(|c| PyScoreCorrection(*c))
                .collect()
        };
    },
    {
    }
);
