//! Results as `Record`s: one model for every result the core returns. A record reads its
//! fields from the core's serialised form by the JSON Schema of its type (`schema.rs`): nested
//! objects are records of their own types, lists are lists, fields of format `date` are
//! `datetime.date`, a field the result has no value for is None. Every record has the same
//! `keys`/`to_dict`/`to_json`/`_repr_html_`; a result's own class (`RatingResult`, `Timeline`
//! ...) is a subclass, so that `isinstance` and the stubs name it.
//!
//! A record holds either the serialised value (the timeline and workbook results, read whole)
//! or the core's value itself ([`Held::Result`]: the rating results), serialised one field at
//! a time as its fields are read, so that `rate(scores).rating` costs that one field, not the
//! whole result (`benches/README.md`).

use std::borrow::Cow;
use std::sync::Arc;

use cqc_assurance::{self as cqc, QualityStatement, Rating};
use pyo3::exceptions::{PyAttributeError, PyKeyError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString};
use pyo3::PyClassInitializer;
use serde::ser::{self, Impossible, Serialize, SerializeStruct, Serializer};
use serde_json::Value;

use crate::classes::PyQualityStatement;
use crate::convert::{py_date, to_py};
use crate::errors::OrRaise;
use crate::html;
use crate::input::rating_arg;
use crate::schema::{self, RecordRoot, Shape};

/// A result read from the core's JSON form: fields as attributes (and `record["key"]`).
///
/// Records are made by the library (`Record()` raises `TypeError`). Each is read by the JSON
/// Schema of the core's result it holds: a field the result has no value for reads as None, a
/// name the type lacks raises `AttributeError`, and the stubs declare the types of the fields,
/// generated from the same schema (so a type checker also refuses a misspelt field). The
/// workbook document is read as it is written (its fields untyped; text that is exactly an ISO
/// date is a `datetime.date`).
#[pyclass(subclass, frozen, module = "cqc_assurance", name = "Record")]
pub struct PyRecord {
    pub(crate) value: Held,
    /// The record's type in the schema table; `None` for the workbook document, whose fields
    /// are read as they are written.
    pub(crate) def: Option<&'static str>,
    /// The name `repr` and `_repr_html_` show: the Python class's, or the type's.
    pub(crate) title: &'static str,
}

/// What a record reads its fields from.
pub(crate) enum Held {
    /// The serialised value.
    Value(Value),
    /// The core's value, serialised a field at a time as fields are read.
    Result(Arc<dyn Fields>),
}

/// A core value whose fields can be serialised one at a time.
pub(crate) trait Fields: Send + Sync {
    /// The serialised value of one field (`None`: the value leaves it out, or has no such
    /// field).
    fn field(&self, name: &str) -> Option<Value>;
    /// The whole serialised value.
    fn whole(&self) -> Value;
}

impl<T: Serialize + Send + Sync> Fields for T {
    fn field(&self, name: &str) -> Option<Value> {
        let mut pick = Pick { name, found: None };
        match self.serialize(&mut pick) {
            Ok(()) => pick.found,
            // Not written as a struct (a flattened field makes serde write a map): read whole.
            Err(_) => self.whole().get(name).cloned(),
        }
    }

    fn whole(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

impl Held {
    fn get(&self, name: &str) -> Option<Cow<'_, Value>> {
        match self {
            Held::Value(v) => v.get(name).map(Cow::Borrowed),
            Held::Result(r) => r.field(name).map(Cow::Owned),
        }
    }

    /// The whole serialised value.
    pub(crate) fn value(&self) -> Cow<'_, Value> {
        match self {
            Held::Value(v) => Cow::Borrowed(v),
            Held::Result(r) => Cow::Owned(r.whole()),
        }
    }
}

/// A serializer that writes one field of a struct and passes over the others: what
/// [`Fields::field`] reads. Anything but a struct is an error (and is then read whole).
struct Pick<'a> {
    name: &'a str,
    found: Option<Value>,
}

fn not_a_struct() -> serde_json::Error {
    ser::Error::custom("not a struct")
}

macro_rules! not_a_struct {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $arg),*) -> Result<(), serde_json::Error> {
            Err(not_a_struct())
        })*
    };
}

impl Serializer for &mut Pick<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = Impossible<(), serde_json::Error>;
    type SerializeTuple = Impossible<(), serde_json::Error>;
    type SerializeTupleStruct = Impossible<(), serde_json::Error>;
    type SerializeTupleVariant = Impossible<(), serde_json::Error>;
    type SerializeMap = Impossible<(), serde_json::Error>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), serde_json::Error>;

    not_a_struct!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Self::Error> {
        value.serialize(self)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Self::Error> {
        Err(not_a_struct())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Self::Error> {
        Err(not_a_struct())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Self::Error> {
        Err(not_a_struct())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Self::Error> {
        Err(not_a_struct())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Self::Error> {
        Err(not_a_struct())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Self::Error> {
        Err(not_a_struct())
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Self::Error> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Self::Error> {
        Err(not_a_struct())
    }
}

impl SerializeStruct for &mut Pick<'_> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        if self.found.is_none() && key == self.name {
            self.found = Some(serde_json::to_value(value)?);
        }
        Ok(())
    }

    fn end(self) -> Result<(), Self::Error> {
        Ok(())
    }
}

fn is_iso_date(s: &str) -> bool {
    s.len() == 10 && cqc::parse_date(s, ".").is_ok()
}

/// A value of a record as a Python value, by its schema (`None`: read as written, text that
/// is exactly an ISO date becoming a `datetime.date`).
fn attr<'py>(
    py: Python<'py>,
    v: Value,
    schema: Option<&'static Value>,
) -> PyResult<Bound<'py, PyAny>> {
    let types = schema::types();
    let shape = schema.map(|s| types.shape(s));
    match (v, shape) {
        (Value::String(s), Some(Shape::Date)) => py_date(py, &s),
        (Value::String(s), None) if is_iso_date(&s) => py_date(py, &s),
        (Value::Array(items), _) => {
            let item = match shape {
                Some(Shape::List(item)) => item,
                _ => None,
            };
            let list = PyList::empty(py);
            for v in items {
                list.append(attr(py, v, item)?)?;
            }
            Ok(list.into_any())
        }
        (v @ Value::Object(_), Some(Shape::Record(def))) => typed_record(py, Held::Value(v), def),
        (v @ Value::Object(_), _) => Ok(Bound::new(
            py,
            PyRecord {
                value: Held::Value(v),
                def: None,
                title: "Record",
            },
        )?
        .into_any()),
        (other, _) => to_py(py, &other),
    }
}

/// A record of a type of the schema table, in its own class when it has one made from its
/// value alone.
fn typed_record<'py>(
    py: Python<'py>,
    value: Held,
    def: &'static str,
) -> PyResult<Bound<'py, PyAny>> {
    let base = PyClassInitializer::from(PyRecord {
        value,
        def: Some(def),
        title: schema::types().title(def),
    });
    value_class(py, base, schema::types().nested_class(def))
}

/// A core result as Python values by its type's schema, serialised whole: a record (of the
/// type's own class when it has one without state of its own), or a list of them.
pub(crate) fn to_records<'py, T: Serialize + RecordRoot>(
    py: Python<'py>,
    result: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(result).unwrap_or(Value::Null);
    attr(py, value, Some(schema::schema_of::<T>()))
}

/// The definition of a record type's schema.
fn def_of<T: RecordRoot>() -> Option<&'static str> {
    schema::types()
        .target(schema::schema_of::<T>())
        .map(|(d, _)| d)
}

/// The record part of a core result kept as it is, its fields serialised as they are read.
fn held<T>(result: Arc<T>) -> PyClassInitializer<PyRecord>
where
    T: Serialize + RecordRoot + Send + Sync + 'static,
{
    let def = def_of::<T>();
    PyClassInitializer::from(PyRecord {
        value: Held::Result(result),
        def,
        title: def.map_or("Record", |d| schema::types().title(d)),
    })
}

/// A core result in a class that keeps the core's value for its methods (`Explanation`,
/// `PublishedResult`): the record reads its fields from the same value.
pub(crate) fn with_state<T, C>(
    py: Python<'_>,
    result: T,
    class: impl FnOnce(Arc<T>) -> C,
) -> PyResult<Bound<'_, C>>
where
    T: Serialize + RecordRoot + Send + Sync + 'static,
    C: pyo3::PyClass<BaseType = PyRecord, Frozen = pyo3::pyclass::boolean_struct::True>,
{
    let result = Arc::new(result);
    Bound::new(py, held(result.clone()).add_subclass(class(result)))
}

/// A core result kept as it is, in its own class (one made from its value alone).
pub(crate) fn result<T>(py: Python<'_>, result: T) -> PyResult<Bound<'_, PyAny>>
where
    T: Serialize + RecordRoot + Send + Sync + 'static,
{
    let class = def_of::<T>().and_then(|d| schema::types().nested_class(d));
    value_class(py, held(Arc::new(result)), class)
}

/// A list of core results, each kept as it is.
pub(crate) fn results<T>(
    py: Python<'_>,
    items: impl IntoIterator<Item = T>,
) -> PyResult<Bound<'_, PyList>>
where
    T: Serialize + RecordRoot + Send + Sync + 'static,
{
    let list = PyList::empty(py);
    for item in items {
        list.append(result(py, item)?)?;
    }
    Ok(list)
}

/// `object.__getattribute__`: the ordinary look-up of methods and getters.
fn generic_getattr(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static GENERIC: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    GENERIC
        .get_or_try_init(py, || {
            let object = py.import("builtins")?.getattr("object")?;
            Ok::<_, PyErr>(object.getattr("__getattribute__")?.unbind())
        })
        .map(|f| f.bind(py))
}

#[pymethods]
impl PyRecord {
    /// A field of the record's type is read straight from its value, without the ordinary
    /// look-up failing first (which cost two thirds of a field's read); any other name is
    /// looked up as usual (methods, getters such as `rating_label`), then as a key of a record
    /// without a type. No field of a type is also a name of its class
    /// (`test_no_field_is_hidden_by_a_name_of_its_class`), so the order changes nothing.
    fn __getattribute__<'py>(
        slf: &Bound<'py, Self>,
        name: &Bound<'py, PyString>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let this = slf.get();
        if let Some(def) = this.def {
            let key = name.to_cow()?;
            if let Some(schema) = schema::types().field(def, &key) {
                return match this.value.get(&key) {
                    Some(v) => attr(py, v.into_owned(), Some(schema)),
                    None => Ok(py.None().into_bound(py)),
                };
            }
        }
        match generic_getattr(py)?.call1((slf, name)) {
            Err(e) if e.is_instance_of::<PyAttributeError>(py) => {
                let key = name.to_cow()?;
                this.field(py, &key)?.ok_or_else(|| {
                    PyAttributeError::new_err(format!("{} has no field {key:?}", this.title))
                })
            }
            found => found,
        }
    }

    fn __getitem__<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, key)?
            .ok_or_else(|| PyKeyError::new_err(key.to_string()))
    }

    /// The field names: the type's fields (`None` when the result has no value for one), or
    /// the keys of the workbook document.
    fn keys(&self) -> Vec<String> {
        match (self.def, self.value.value().as_ref()) {
            (Some(def), _) => schema::types()
                .fields(def)
                .into_iter()
                .map(String::from)
                .collect(),
            (None, Value::Object(map)) => map.keys().cloned().collect(),
            (None, _) => Vec::new(),
        }
    }

    fn __dir__(&self) -> Vec<String> {
        let mut names = self.keys();
        names.extend(["keys", "to_dict", "to_json"].map(String::from));
        names
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyRecord>()
            .is_ok_and(|o| o.get().value.value() == self.value.value())
    }

    /// The record as plain Python values (dates as ISO text, as in its JSON form).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.value.value())
    }

    /// The record as pretty-printed JSON text (the core's serialised form).
    fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.value.value()).unwrap_or_default()
    }

    /// The record's name and its headline fields (its class's, or its first four plain
    /// ones), each as Python writes it (`Milestone(id='visit', ..., date=datetime.date(2025,
    /// 3, 18))`).
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let whole = self.value.value();
        let Value::Object(map) = whole.as_ref() else {
            return Ok(format!("{}({})", self.title, whole));
        };
        let plain = |v: &Value| !v.is_object() && !v.is_array() && !v.is_null();
        let named: Vec<(&String, &Value)> = match repr_fields(self.title) {
            Some(names) => names.iter().filter_map(|n| map.get_key_value(*n)).collect(),
            None => map.iter().filter(|(_, v)| plain(v)).take(4).collect(),
        };
        let mut fields = Vec::new();
        for (k, v) in named {
            let schema = self.def.and_then(|d| schema::types().field(d, k));
            fields.push(format!("{k}={}", attr(py, v.clone(), schema)?.repr()?));
        }
        Ok(format!("{}({})", self.title, fields.join(", ")))
    }

    /// A readable HTML table of the record, shown by Jupyter.
    fn _repr_html_(&self) -> String {
        html::table(self.title, &self.value.value())
    }
}

impl PyRecord {
    /// A field by name: its value, `None` for a field of the type the result has no value
    /// for, nothing for a name the type does not have.
    fn field<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let schema = self.def.and_then(|d| schema::types().field(d, name));
        match (self.value.get(name), schema) {
            (Some(v), schema) => attr(py, v.into_owned(), schema).map(Some),
            (None, Some(_)) => Ok(Some(py.None().into_bound(py))),
            (None, None) => Ok(None),
        }
    }

    /// A field read as a core type (`rating` as a `Rating`).
    fn read<T: serde::de::DeserializeOwned>(&self, name: &str) -> PyResult<T> {
        let v = self.value.get(name).map(Cow::into_owned);
        serde_json::from_value(v.unwrap_or(Value::Null))
            .map_err(|e| PyAttributeError::new_err(format!("{}.{name}: {e}", self.title)))
    }
}

/// Every record type: the core type, the Python class that holds it and the fields its `repr`
/// shows (else its first four plain fields). The classes made from a result's value alone are
/// declared here with their docstrings; `@state` classes keep the core's value for methods of
/// their own and are declared with them; `@plain` types are handed to Python as plain
/// `Record`s. The schemas' table ([`schema::Types`]) is made from the same list, so a class
/// and its type are named once.
macro_rules! record_classes {
    (
        $($(#[doc = $doc:literal])* $py:ident = $name:literal: $ty:ty $([$($field:ident),*])?;)*
        $(@state $other:literal: $other_ty:ty $([$($other_field:ident),*])?;)*
        $(@plain $plain:ty;)*
    ) => {
        $(
            $(#[doc = $doc])*
            #[pyclass(extends = PyRecord, frozen, module = "cqc_assurance", name = $name)]
            pub struct $py;
        )*

        schema::record_roots! {
            $(Some($name) => $ty,)*
            $(Some($other) => $other_ty,)*
            $(None => $plain,)*
        }

        /// The names of the classes made from a result's value alone.
        pub(crate) const VALUE_CLASSES: &[&str] = &[$($name),*];

        /// A record in the class named, or a plain `Record`.
        fn value_class<'py>(
            py: Python<'py>,
            base: PyClassInitializer<PyRecord>,
            class: Option<&str>,
        ) -> PyResult<Bound<'py, PyAny>> {
            Ok(match class {
                $(Some($name) => Bound::new(py, base.add_subclass($py))?.into_any(),)*
                _ => Bound::new(py, base)?.into_any(),
            })
        }

        /// The fields a class's `repr` shows, where it names them.
        fn repr_fields(class: &str) -> Option<&'static [&'static str]> {
            match class {
                $($($name => Some(&[$(stringify!($field)),*]),)?)*
                $($($other => Some(&[$(stringify!($other_field)),*]),)?)*
                _ => None,
            }
        }

        /// Adds the classes to the module.
        pub(crate) fn add_value_classes(m: &Bound<'_, PyModule>) -> PyResult<()> {
            $(m.add_class::<$py>()?;)*
            Ok(())
        }
    };
}

record_classes! {
    /// Where an assessment stands on a date.
    PyTimelineStatus = "TimelineStatus": cqc::TimelineStatus;
    /// The analysis of a workbook on a date: prediction, statement summaries, evidence
    /// coverage and attention, indicators against England, actions, benchmark, timeline,
    /// warnings.
    PyWorkbookAnalysis = "WorkbookAnalysis": cqc::WorkbookAnalysis;
    /// Every problem of a workbook document (`valid`, `errors`, `warnings`, `analysis`).
    PyWorkbookCheck = "WorkbookCheck": cqc::WorkbookCheck;
    /// An evidence register read from CSV: `items` and `errors` (one per bad row, not raised).
    PyEvidenceImport = "EvidenceImport": cqc::workbook::EvidenceImport;
    /// The outcome of rating an assessment; `rating_label` is the rating as CQC prints it.
    ///
    /// >>> r = rate([2, 3, 3, 2, 2, 2, 2, 3, 3])
    /// >>> (r.rating, r.percent, r.total, r.max, r.band.points_to_next_rating)
    /// ('requires_improvement', 62, 22, 36, 1)
    /// >>> r
    /// RatingResult(rating='requires_improvement', percent=62, total=22, max=36, method='current')
    PyRatingResult = "RatingResult": cqc::RatingResult [rating, percent, total, max, method];
    /// Where a result sits in its rating band.
    PyBandPosition = "BandPosition": cqc::BandPosition [rating, half, points_to_next_rating, slack_points];
    /// One evidence category's score (earlier method).
    PyCategoryScore = "CategoryScore": cqc::CategoryScore;
    /// The evidence-category working of one statement (earlier method).
    PyEvidenceWorking = "EvidenceWorking": cqc::EvidenceWorking [total, max, percent];
    /// One assessed statement in a rating result; `quality_statement` is the statement as an
    /// object.
    PyStatementResult = "StatementResult": cqc::StatementResult [statement, score];
    /// One statement's score raised: `from_score` and `to_score` (`from` and `to` in its JSON
    /// form).
    PyScoreIncrease = "ScoreIncrease": cqc::ScoreIncrease [statement, from, to];
    /// A minimal set of score increases that reaches the target rating.
    PyImprovementPath = "ImprovementPath": cqc::ImprovementPath [points, percent, rating];
    /// Every minimal way from an assessment's scores to a target rating.
    ///
    /// >>> plan = improvement_paths([2, 3, 3, 2, 2, 2, 2, 3, 3], target="good")
    /// >>> (plan.points_needed, len(plan.paths))
    /// (1, 9)
    PyImprovementPlan = "ImprovementPlan": cqc::ImprovementPlan [target, current_rating, points_needed];
    /// The probability of one rating.
    PyRatingProbability = "RatingProbability": cqc::RatingProbability;
    /// The probability of one total.
    PyTotalProbability = "TotalProbability": cqc::TotalProbability [total, percent, rating, probability];
    /// One inconsistency between published figures and the method.
    PyFinding = "Finding": cqc::Finding;
    /// A one-point change to one published score that would reconcile a record.
    PyScoreCorrection = "ScoreCorrection": cqc::ScoreCorrection;
    /// Whether a published rating (and percentage) follows from published scores.
    ///
    /// >>> c = check_published([2, 3, 3, 2, 2, 2, 2, 3, 3], "good")
    /// >>> (c.consistent, c.computed.rating, c.findings[0].kind)
    /// (False, 'requires_improvement', 'rating_mismatch')
    PyPublishedCheck = "PublishedCheck": cqc::PublishedCheck [consistent, published_rating, published_percent];
    /// How the published councils scored one statement.
    PyStatementDistribution = "StatementDistribution": cqc::StatementDistribution [statement, counts, mean];
    /// Where a set of scores would be placed among the published councils with nine scores
    /// (current assessment of each); a tie counts against the council placed.
    ///
    /// >>> rank_among_published([4] * 9).rank
    /// 1
    PyRanking = "Ranking": cqc::Ranking [rank, councils, percentile];

    // The classes with state of their own (each declared with its methods), and the fields
    // their `repr` shows.
    @state "Timeline": cqc::Timeline;
    @state "WorkbookImport": cqc::WorkbookImport;
    @state "Explanation": cqc::Explanation [rating];
    @state "RatingProbabilities": cqc::RatingProbabilities [most_likely, expected_percent_exact, assessed];
    @state "PublishedResult": cqc::PublishedResult [council, rating, published, total];

    // Results handed to Python as plain records, or lists of them.
    @plain cqc::timeline::Milestone;
    @plain Vec<cqc::BankHoliday>;
    @plain cqc::RatingCall;
    @plain cqc::TimelineProfile;
    @plain Vec<cqc::GroupDistribution>;
    @plain Vec<cqc::RatingCounts>;
    @plain Option<cqc::CouncilRankings>;
}

#[pymethods]
impl PyRatingResult {
    /// The rating as CQC prints it, e.g. `Requires improvement`.
    #[getter]
    fn rating_label(slf: &Bound<'_, Self>) -> PyResult<&'static str> {
        let rating: Rating = slf.as_super().get().read("rating")?;
        Ok(rating.label())
    }
}

#[pymethods]
impl PyStatementResult {
    /// The statement as an object (number, name, theme...).
    #[getter]
    fn quality_statement(slf: &Bound<'_, Self>) -> PyResult<PyQualityStatement> {
        let id: String = slf.as_super().get().read("statement")?;
        QualityStatement::parse(&id)
            .map(PyQualityStatement)
            .or_raise(slf.py())
    }
}

#[pymethods]
impl PyScoreIncrease {
    /// Its score now (`from` in the JSON form).
    #[getter]
    #[allow(clippy::wrong_self_convention)] // a getter named after the field `from`
    fn from_score(slf: &Bound<'_, Self>) -> PyResult<u8> {
        slf.as_super().get().read("from")
    }

    /// The score it would need (`to` in the JSON form).
    #[getter]
    fn to_score(slf: &Bound<'_, Self>) -> PyResult<u8> {
        slf.as_super().get().read("to")
    }
}

/// The steps of a rating in words a council officer can check by hand; `to_text()` (and
/// `str()`) as numbered lines.
///
/// >>> print(explain([2, 3, 3, 2, 2, 2, 2, 3, 3]).steps[3])
/// 22 ÷ 36 = 61.1%, which CQC publishes rounded up to 62% (the rounding is inferred from every published score; CQC does not state it).
#[pyclass(extends = PyRecord, frozen, module = "cqc_assurance", name = "Explanation")]
pub struct PyExplanation(pub(crate) Arc<cqc::Explanation>);

#[pymethods]
impl PyExplanation {
    /// The steps as numbered lines.
    fn to_text(&self) -> String {
        self.0.to_text()
    }

    fn __str__(&self) -> String {
        self.0.to_text()
    }
}

/// The probability of each rating when statement scores are uncertain; `call` is the
/// headline (one rating when its probability is at least two in three, otherwise too close
/// to call).
///
/// >>> p = rating_probabilities([2, 3, 3, 2, [0, 0.5, 0.5, 0], 2, 2, 3, 3])
/// >>> (p.probability("good"), p.at_least("requires_improvement"))
/// (0.5, 1.0)
#[pyclass(extends = PyRecord, frozen, module = "cqc_assurance", name = "RatingProbabilities")]
pub struct PyRatingProbabilities(pub(crate) Arc<cqc::RatingProbabilities>);

#[pymethods]
impl PyRatingProbabilities {
    /// The probability of exactly this rating.
    fn probability(&self, py: Python<'_>, rating: &Bound<'_, PyAny>) -> PyResult<f64> {
        Ok(self.0.probability(rating_arg(py, rating, "rating")?))
    }

    /// The probability of this rating or better.
    fn at_least(&self, py: Python<'_>, rating: &Bound<'_, PyAny>) -> PyResult<f64> {
        Ok(self.0.at_least(rating_arg(py, rating, "rating")?))
    }
}

#[cfg(test)]
mod tests {
    use super::Fields;
    use serde::Serialize;
    use serde_json::json;

    #[derive(Serialize)]
    struct Inner {
        a: u8,
        b: Vec<&'static str>,
    }

    #[derive(Serialize)]
    struct Plain {
        x: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        missing: Option<u8>,
        inner: Inner,
    }

    #[derive(Serialize)]
    struct Flattened {
        y: bool,
        #[serde(flatten)]
        inner: Inner,
    }

    #[test]
    fn one_field_is_what_the_whole_value_holds() {
        let plain = Plain {
            x: 7,
            missing: None,
            inner: Inner { a: 1, b: vec!["q"] },
        };
        for name in ["x", "missing", "inner", "nope"] {
            assert_eq!(
                plain.field(name).as_ref(),
                plain.whole().get(name),
                "{name}"
            );
        }
        assert_eq!(plain.field("inner"), Some(json!({"a": 1, "b": ["q"]})));
        assert_eq!(plain.field("missing"), None);
    }

    #[test]
    fn a_value_serde_writes_as_a_map_is_read_whole() {
        let flat = Flattened {
            y: true,
            inner: Inner { a: 2, b: vec![] },
        };
        // serde writes a struct with a flattened field as a map: the field is read from the
        // whole value, as it is written.
        assert_eq!(flat.field("a"), Some(json!(2)));
        assert_eq!(flat.field("y"), Some(json!(true)));
        assert_eq!(flat.field("inner"), None);
        assert_eq!(vec![1, 2].field("len"), None);
    }
}
