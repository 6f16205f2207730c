//! The framework's values and the assessment as Python classes (`QualityStatement`, `Theme`,
//! `EvidenceCategory`, `RatingMethod`, `Assessment`): built from names, hashed, compared and
//! passed as arguments, unlike results (`results.rs`). Each lists its getters once in
//! `record_methods!`, with the same five methods (`to_dict`, `to_json`, `__repr__`,
//! `_repr_html_`, `==`).

use cqc_assurance::{
    self as cqc, Assessment, EvidenceCategory, QualityStatement, RatingMethod, Theme,
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
        local_authority_use -> String = match json_of(&this.0.local_authority_use()) {
            Value::String(id) => id,
            other => other.to_string(),
        };
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
