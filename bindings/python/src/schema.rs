//! The types of the records: the JSON Schema of the core's results (`schemars::JsonSchema`,
//! derived in the core under its `declarations` feature, from the same serde attributes that
//! write the results), read once. A record knows its type, so that
//!
//! - a field the core leaves out when it has no value reads as `None`, and only a name the
//!   type does not have is an `AttributeError`;
//! - only a field of format `date` becomes a `datetime.date` (a note that happens to be
//!   `2025-01-06` stays text);
//! - a nested object is a record of its own type, named as the stubs name it.
//!
//! The stubs of the same types are generated from this table (`stubs.rs`), so what a type
//! checker is told is what the record does. The one record without a schema is the workbook
//! document itself, which is read as it is written.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

/// A core type handed to Python as a record (or a list of them): listed in
/// [`crate::results`]'s `record_classes!` with the Python class that holds it, which gives each
/// its place in the table, so that a record of a type without a schema does not compile.
pub(crate) trait RecordRoot {
    /// The type's place in [`Types::roots`].
    const INDEX: usize;
}

/// A root's schema, made by the generator that holds every definition.
pub(crate) type RootSchema = fn(&mut schemars::SchemaGenerator) -> schemars::Schema;

/// The table of record types, from `(class, type)` pairs (`None`: a plain `Record`, or a list
/// of them): `ROOTS` in order, and each type's place in it.
macro_rules! record_roots {
    ($($class:expr => $ty:ty),* $(,)?) => {
        pub(crate) const ROOTS: &[(Option<&str>, $crate::schema::RootSchema)] =
            &[$(($class, |g| g.subschema_for::<$ty>())),*];
        $crate::schema::record_roots!(@index 0usize; $($ty,)*);
    };
    (@index $n:expr; $ty:ty, $($rest:ty,)*) => {
        impl $crate::schema::RecordRoot for $ty {
            const INDEX: usize = $n;
        }
        $crate::schema::record_roots!(@index $n + 1usize; $($rest,)*);
    };
    (@index $n:expr;) => {};
}
pub(crate) use record_roots;

/// The schemas of every record type and of the types inside them.
pub(crate) struct Types {
    /// The definitions, by schema name (`Milestone`, `Basis` ...).
    pub(crate) defs: Map<String, Value>,
    /// The schema of each entry of `ROOTS`, in order, with its Python class.
    pub(crate) roots: Vec<(Option<&'static str>, Value)>,
    /// The name each definition of an object goes by in Python (its class's, or the stubs').
    titles: BTreeMap<String, String>,
    /// The Python class of each definition that has one.
    classes: BTreeMap<String, &'static str>,
}

/// How a value of a schema reads in Python.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Shape<'a> {
    /// A record of the named definition.
    Record(&'a str),
    /// A list, of items of this schema (`None`: unknown).
    List(Option<&'a Value>),
    /// Text of format `date`.
    Date,
    /// Anything else: text, a number, `true`/`false`, one of a set of values.
    Plain,
}

impl Types {
    /// The table, with the names the module exports (a nested type whose name a class of the
    /// module, or a Python exception or warning, already has is called `<name>Record`).
    pub(crate) fn new(exported: &BTreeSet<String>) -> Types {
        let mut g = SchemaSettings::draft2020_12()
            .for_serialize()
            .into_generator();
        let roots: Vec<(Option<&'static str>, Value)> = crate::results::ROOTS
            .iter()
            .map(|(class, schema)| (*class, schema(&mut g).to_value()))
            .collect();
        let defs: Map<String, Value> = g.take_definitions(true).into_iter().collect();
        let mut titles = BTreeMap::new();
        let mut classes = BTreeMap::new();
        for (class, schema) in &roots {
            if let (Some(class), Some(def)) = (class, schema.get("$ref").and_then(def_name)) {
                titles.insert(def.to_string(), class.to_string());
                classes.insert(def.to_string(), *class);
            }
        }
        for (name, def) in &defs {
            if def.get("properties").is_some() && !titles.contains_key(name) {
                // Python's own names for exceptions and warnings (`Warning`) are taken too.
                let builtin =
                    name == "Exception" || name.ends_with("Error") || name.ends_with("Warning");
                let taken = exported.contains(name) || builtin;
                titles.insert(
                    name.clone(),
                    format!("{name}{}", if taken { "Record" } else { "" }),
                );
            }
        }
        Types {
            defs,
            roots,
            titles,
            classes,
        }
    }

    /// The Python name of a definition of an object.
    pub(crate) fn title(&self, def: &str) -> &str {
        self.titles.get(def).map_or("Record", String::as_str)
    }

    /// The Python class a definition is held in, when it has one of its own.
    pub(crate) fn class(&self, def: &str) -> Option<&'static str> {
        self.classes.get(def).copied()
    }

    /// The Python class a value of a definition inside another result is held in: the
    /// definition's class when that class is made from the value alone, as the classes
    /// without state of their own are (a `Timeline` inside an analysis is a `Record`: a
    /// `Timeline`'s methods need its working calendar).
    pub(crate) fn nested_class(&self, def: &str) -> Option<&'static str> {
        self.class(def)
            .filter(|c| crate::results::VALUE_CLASSES.contains(c))
    }

    /// The schema of a field of a definition (`None`: the type has no such field).
    pub(crate) fn field(&self, def: &str, name: &str) -> Option<&Value> {
        self.defs.get(def)?.get("properties")?.get(name)
    }

    /// The fields of a definition, in the order serde writes them.
    pub(crate) fn fields(&self, def: &str) -> Vec<&str> {
        self.defs
            .get(def)
            .and_then(|d| d.get("properties"))
            .and_then(Value::as_object)
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// The definition a `$ref` (or an optional one) names.
    pub(crate) fn target<'a>(&'a self, schema: &'a Value) -> Option<(&'a str, &'a Value)> {
        let schema = not_null(schema);
        let name = schema.get("$ref").and_then(def_name)?;
        Some((name, self.defs.get(name)?))
    }

    /// How a value of `schema` reads: a `$ref` is followed, `null` set apart.
    pub(crate) fn shape<'a>(&'a self, schema: &'a Value) -> Shape<'a> {
        if let Some((name, def)) = self.target(schema) {
            return if def.get("properties").is_some() {
                Shape::Record(name)
            } else {
                self.shape(def)
            };
        }
        let schema = not_null(schema);
        match types_of(schema).as_slice() {
            ["string"] if schema.get("format").and_then(Value::as_str) == Some("date") => {
                Shape::Date
            }
            ["array"] => Shape::List(schema.get("items")),
            _ => Shape::Plain,
        }
    }
}

/// The table, made when the module is imported ([`init`]).
static TYPES: OnceLock<Types> = OnceLock::new();

/// Builds the table with the names the module exports.
pub(crate) fn init(exported: &BTreeSet<String>) {
    TYPES.get_or_init(|| Types::new(exported));
}

/// The table ([`init`] has run when the module was imported; if not, no name is taken).
pub(crate) fn types() -> &'static Types {
    TYPES.get_or_init(|| Types::new(&BTreeSet::new()))
}

/// The schema of a record type.
pub(crate) fn schema_of<T: RecordRoot>() -> &'static Value {
    &types().roots[T::INDEX].1
}

/// `Milestone` from `#/$defs/Milestone`.
fn def_name(r: &Value) -> Option<&str> {
    r.as_str()?.strip_prefix("#/$defs/")
}

/// The schema without its `null` alternative: `anyOf: [X, {type: null}]` is X, and
/// `type: [t, "null"]` is `t` (kept as written; [`types_of`] leaves `null` out).
fn not_null(schema: &Value) -> &Value {
    if let Some(Value::Array(options)) = schema.get("anyOf") {
        let real: Vec<&Value> = options
            .iter()
            .filter(|o| o.get("type").and_then(Value::as_str) != Some("null"))
            .collect();
        if let [one] = real.as_slice() {
            return one;
        }
    }
    schema
}

/// The JSON types a schema allows, `null` left out.
pub(crate) fn types_of(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(t)) if t != "null" => vec![t.as_str()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .filter(|t| *t != "null")
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cqc_assurance as cqc;

    #[test]
    fn every_record_type_has_its_schema() {
        let t = Types::new(&BTreeSet::from(["Milestone".to_string()]));
        assert_eq!(t.roots.len(), crate::results::ROOTS.len());
        let (def, _) = t.target(schema_of_in::<cqc::Timeline>(&t)).unwrap();
        assert_eq!(t.title(def), "Timeline");
        assert_eq!(t.class(def), Some("Timeline"));
        // A nested type named as a class of the module is told apart; a type with a class
        // of its own goes by the class's name.
        assert_eq!(t.title("Milestone"), "MilestoneRecord");
        assert_eq!(t.class("Milestone"), None);
        assert_eq!(t.title("RatingResult"), "RatingResult");
        assert_eq!(t.nested_class("RatingResult"), Some("RatingResult"));
    }

    fn schema_of_in<T: RecordRoot>(t: &Types) -> &Value {
        &t.roots[T::INDEX].1
    }

    #[test]
    fn shapes_follow_references_and_leave_null_aside() {
        let t = Types::new(&BTreeSet::new());
        let field = |def: &str, name: &str| t.shape(t.field(def, name).unwrap());
        assert_eq!(field("Timeline", "notified"), Shape::Date);
        assert_eq!(field("Timeline", "status"), Shape::Record("TimelineStatus"));
        assert_eq!(field("Timeline", "council"), Shape::Plain);
        assert_eq!(field("Timeline", "notified_basis"), Shape::Plain);
        let Shape::List(Some(item)) = field("Timeline", "milestones") else {
            panic!("milestones is a list")
        };
        assert_eq!(t.shape(item), Shape::Record("Milestone"));
        assert_eq!(t.field("Timeline", "nope"), None);
    }
}
