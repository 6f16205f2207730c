//! The generated parts of the type stubs (`python/cqc_assurance/_native.pyi`):
//!
//! - the getters of the classes written with `record_methods!`, from each class's one list of
//!   its fields: every region between [`BEGIN`] and [`END`] in a class is rewritten from the
//!   class's `GETTERS` (name, Rust type, doc comment);
//! - the fields of the records, from the JSON Schema they are read by (`schema.rs`), between
//!   [`TYPES_BEGIN`] and [`TYPES_END`]: classes that exist only for type checkers
//!   (`@type_check_only`; at run time their objects are `Record`s), one per type inside a
//!   result and one with the fields of each record class (`_TimelineFields`, the base the
//!   stubs give `Timeline`), and sets of values as `Literal`s.
//!
//! The rest of the file is written by hand and checked by stubtest.
//!
//! `cargo test -p cqc-assurance-py stubs` fails when the committed stubs differ from what the
//! getters and the schema say; `scripts/generate.sh` rewrites them.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::classes::*;
use crate::schema::{types_of, Types};

type Getters = (
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
);

/// Every class written with `record_methods!` (the test checks the list against the sources).
const CLASSES: [Getters; 5] = [
    PyQualityStatement::GETTERS,
    PyTheme::GETTERS,
    PyEvidenceCategory::GETTERS,
    PyRatingMethod::GETTERS,
    PyAssessment::GETTERS,
];

const BEGIN: &str =
    "    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)";
const END: &str = "    # end of generated getters";
const TYPES_BEGIN: &str =
    "# @generated record types: the JSON Schema of the core's results (scripts/generate.sh)";
const TYPES_END: &str = "# end of generated record types";

/// The Python name of a set of values a definition allows (`_Basis`).
fn alias(def: &str) -> String {
    format!("_{def}")
}

/// The values of a definition that is a set of values (`enum`, or `oneOf` constants).
fn values(def: &Value) -> Option<Vec<&Value>> {
    if let Some(Value::Array(v)) = def.get("enum") {
        return Some(v.iter().collect());
    }
    let options = def.get("oneOf")?.as_array()?;
    options.iter().map(|o| o.get("const")).collect()
}

/// A JSON value as a Python literal.
fn literal(v: &Value) -> String {
    match v {
        Value::String(s) => serde_json::to_string(s).unwrap_or_default(),
        other => other.to_string(),
    }
}

/// The Python type of a schema, not counting `null`.
fn schema_type(types: &Types, schema: &Value) -> String {
    if let Some((name, def)) = types.target(schema) {
        return if def.get("properties").is_some() {
            match (types.class(name), types.nested_class(name)) {
                // A record class with state of its own is, inside a result, its fields only.
                (Some(class), None) => fields_base(class),
                _ => types.title(name).to_string(),
            }
        } else if values(def).is_some() {
            alias(name)
        } else {
            schema_type(types, def)
        };
    }
    if let Some(options) = schema.get("anyOf").and_then(Value::as_array) {
        let real: Vec<String> = options
            .iter()
            .filter(|o| o.get("type").and_then(Value::as_str) != Some("null"))
            .map(|o| schema_type(types, o))
            .collect();
        return match real.as_slice() {
            [one] => one.clone(),
            many => format!("Union[{}]", many.join(", ")),
        };
    }
    if let Some(v) = values(schema) {
        return format!(
            "Literal[{}]",
            v.into_iter().map(literal).collect::<Vec<_>>().join(", ")
        );
    }
    let one = |t: &str| match t {
        "string" if schema.get("format").and_then(Value::as_str) == Some("date") => {
            "datetime.date".to_string()
        }
        "string" => "str".into(),
        "integer" => "int".into(),
        "number" => "float".into(),
        "boolean" => "bool".into(),
        "array" => format!(
            "list[{}]",
            schema
                .get("items")
                .map_or_else(|| "Any".into(), |i| field_type(types, i))
        ),
        "object" => "Record".into(),
        other => panic!("stubs.rs: no Python type for the JSON type `{other}`: add it here"),
    };
    match types_of(schema).as_slice() {
        [t] => one(t),
        [] => panic!("stubs.rs: no Python type for the schema {schema}: add it here"),
        many => format!(
            "Union[{}]",
            many.iter().map(|t| one(t)).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// The Python type of a value of `schema`: `Optional` when it may be `null`.
fn field_type(types: &Types, schema: &Value) -> String {
    let t = schema_type(types, schema);
    if allows_null(schema) {
        format!("Optional[{t}]")
    } else {
        t
    }
}

/// Python's keywords, which cannot be attribute names.
const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// The properties of a record's fields: a field the result may leave out reads as None.
fn properties(types: &Types, def: &serde_json::Map<String, Value>) -> Vec<String> {
    let required: BTreeSet<&str> = def
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut lines = Vec::new();
    let fields = def.get("properties").and_then(Value::as_object);
    // A field named as a Python keyword (`from`) is read as `record["from"]` only.
    let named = |(name, _): &(&String, &Value)| !KEYWORDS.contains(&name.as_str());
    for (name, schema) in fields.into_iter().flatten().filter(named) {
        let mut t = field_type(types, schema);
        if !required.contains(name.as_str()) && !t.starts_with("Optional[") {
            t = format!("Optional[{t}]");
        }
        lines.push("    @property".into());
        let head = format!("    def {name}(self) -> {t}:");
        match schema.get("description").and_then(Value::as_str) {
            Some(doc) => {
                lines.push(head);
                lines.push(format!("        \"\"\"{}\"\"\"", docstring(doc)));
            }
            None => lines.push(format!("{head} ...")),
        }
    }
    lines
}

/// The generated types region: sets of values, then the records: each type without a class of
/// its own, and the fields of each record class (`_TimelineFields`), with the class itself
/// where the stubs do not declare it by hand (a class with no methods of its own).
fn record_types(types: &Types, by_hand: &BTreeSet<String>) -> Vec<String> {
    let mut lines = vec![TYPES_BEGIN.to_string(), String::new()];
    let mut defs: Vec<_> = types.defs.iter().collect();
    defs.sort_by_key(|(name, _)| *name);
    for (name, def) in defs {
        if let Some(v) = values(def) {
            let v: Vec<String> = v.into_iter().map(literal).collect();
            let line = format!("{}: TypeAlias = Literal[{}]", alias(name), v.join(", "));
            if line.len() <= 99 {
                lines.push(line);
            } else {
                lines.push(format!("{}: TypeAlias = Literal[", alias(name)));
                lines.extend(v.iter().map(|v| format!("    {v},")));
                lines.push("]".into());
            }
        }
    }
    for (def, title, schema) in records(types) {
        let class = types.class(def);
        lines.push(String::new());
        lines.push("@type_check_only".into());
        match class {
            // The record class itself is declared by hand, with this as its base.
            Some(class) => lines.push(format!("class {}(Record):", fields_base(class))),
            None => {
                lines.push("@final".into());
                lines.push(format!("class {title}(Record):"));
            }
        }
        let doc = schema
            .get("description")
            .and_then(Value::as_str)
            .map_or_else(
                || format!("A `{def}` of the core, read as a record."),
                str::to_string,
            );
        let keyword_fields = types
            .fields(def)
            .into_iter()
            .filter(|f| KEYWORDS.contains(f))
            .map(|f| format!(" `{f}` is read as `record[\"{f}\"]`."));
        let doc: String = std::iter::once(doc).chain(keyword_fields).collect();
        lines.push(format!("    \"\"\"{}\"\"\"", docstring(&doc)));
        lines.push(String::new());
        lines.extend(properties(types, schema));
        if let Some(class) = class.filter(|c| !by_hand.contains(*c)) {
            lines.push(String::new());
            lines.push("@final".into());
            lines.push(format!("class {class}({}):", fields_base(class)));
            lines.push(format!("    \"\"\"{}\"\"\"", docstring(&doc)));
        }
    }
    lines.push(String::new());
    lines.push(TYPES_END.into());
    lines
}

/// The type-check-only base that holds a record class's fields (`_TimelineFields`): stubtest
/// checks a class's own attributes against the module, and a record's fields are read by
/// `__getattr__`, not declared there.
fn fields_base(class: &str) -> String {
    format!("_{class}Fields")
}

/// The record types held in classes of their own: (definition, title, class).
fn record_classes(types: &Types) -> Vec<(&str, &str, &'static str)> {
    records(types)
        .filter_map(|(def, title, _)| Some((def, title, types.class(def)?)))
        .collect()
}

/// The definitions of objects, with the name each goes by in Python, in name order.
fn records(types: &Types) -> impl Iterator<Item = (&str, &str, &serde_json::Map<String, Value>)> {
    let mut records: Vec<_> = types
        .defs
        .iter()
        .filter_map(|(def, schema)| {
            let schema = schema.as_object()?;
            let title = types.title(def);
            schema
                .contains_key("properties")
                .then_some((def.as_str(), title, schema))
        })
        .collect();
    records.sort_by_key(|(def, _, _)| *def);
    records.into_iter()
}

/// Whether a schema allows `null` (an optional field, or a required one serde writes `null`).
fn allows_null(schema: &Value) -> bool {
    let null = |s: &Value| match s.get("type") {
        Some(Value::String(t)) => t == "null",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "null"),
        _ => false,
    };
    null(schema)
        || schema
            .get("anyOf")
            .and_then(Value::as_array)
            .is_some_and(|o| o.iter().any(null))
}

/// The classes a stub file declares outside its generated regions.
fn declared_classes(stubs: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut generated = false;
    for line in stubs.lines() {
        if line == TYPES_BEGIN {
            generated = true;
        } else if line == TYPES_END {
            generated = false;
        } else if let Some(rest) = line.strip_prefix("class ").filter(|_| !generated) {
            names.extend(rest.split(['(', ':']).next().map(str::to_string));
        }
    }
    names
}

/// The Python type of a getter's Rust type.
fn python_type(rust: &str) -> String {
    let t = rust.trim();
    let inner = |prefix: &str| t.strip_prefix(prefix).and_then(|r| r.strip_suffix('>'));
    if let Some(i) = inner("Option<") {
        return format!("Optional[{}]", python_type(i));
    }
    if let Some(i) = inner("Vec<") {
        return format!("list[{}]", python_type(i));
    }
    let t = t.trim_start_matches("&'static ").trim_start_matches('&');
    match t {
        "str" | "String" => "str".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i16" | "i32" | "i64" => "int".into(),
        "f64" => "float".into(),
        "bool" => "bool".into(),
        other => match other.strip_prefix("Py") {
            Some(class) if class.chars().all(char::is_alphanumeric) => class.into(),
            _ => panic!("stubs.rs: no Python type for the getter type `{rust}`: add it here"),
        },
    }
}

/// A doc comment as a docstring's text: one line, Markdown code as reST code, and the Rust
/// examples (fenced code blocks) left out.
fn docstring(doc: &str) -> String {
    let prose: String = doc.split("```").step_by(2).collect::<Vec<_>>().join(" ");
    let text = prose.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            out.push_str("``");
        }
        out.push_str(part);
    }
    out.replace('\\', "\\\\").replace("\"\"\"", "\\\"\\\"\\\"")
}

/// The generated region of one class.
fn region(getters: &[(&str, &str, &str)]) -> Vec<String> {
    let mut lines = vec![BEGIN.to_string()];
    for (name, rust, doc) in getters {
        lines.push("    @property".into());
        let head = format!("    def {name}(self) -> {}:", python_type(rust));
        if doc.trim().is_empty() {
            lines.push(format!("{head} ..."));
        } else {
            lines.push(head);
            lines.push(format!("        \"\"\"{}\"\"\"", docstring(doc)));
        }
    }
    lines.push(END.into());
    lines
}

/// The stub file with every generated region rewritten.
fn regenerate(stubs: &str) -> String {
    let by_hand = declared_classes(stubs);
    let types = Types::new(&by_hand);
    let mut out: Vec<String> = Vec::new();
    let mut class: Option<&str> = None;
    let mut until: Option<&str> = None;
    let mut done = Vec::new();
    for line in stubs.lines() {
        if let Some(end) = until {
            if line == end {
                until = None;
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("class ") {
            class = rest.split(['(', ':']).next();
        }
        if line == BEGIN {
            let name = class.expect("a generated region outside a class");
            let (_, getters) = CLASSES
                .iter()
                .find(|(ty, _)| ty.strip_prefix("Py") == Some(name))
                .unwrap_or_else(|| panic!("class {name} has a generated region but no getters"));
            out.extend(region(getters));
            done.push(name.to_string());
            until = Some(END);
        } else if line == TYPES_BEGIN {
            out.extend(record_types(&types, &by_hand));
            until = Some(TYPES_END);
        } else {
            out.push(line.to_string());
        }
    }
    for (ty, _) in CLASSES {
        let name = &ty[2..];
        assert!(
            done.iter().any(|d| d == name),
            "class {name} of the stubs has no generated getters region"
        );
    }
    for (_, _, class) in record_classes(&types) {
        let line = format!("class {class}({}):", fields_base(class));
        assert!(
            out.contains(&line),
            "the stubs declare {class} without its fields: `{line}`"
        );
    }
    out.join("\n") + "\n"
}

#[test]
fn committed_stubs_are_current() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/python/cqc_assurance/_native.pyi"
    );
    let committed = std::fs::read_to_string(path).unwrap();
    let fresh = regenerate(&committed);
    if std::env::var_os("CQC_ASSURANCE_REGENERATE").is_some() {
        std::fs::write(path, &fresh).unwrap();
        return;
    }
    assert!(
        committed == fresh,
        "{path}: the generated stubs are not what record_methods! and the schema say: run scripts/generate.sh"
    );
}

#[test]
fn every_class_with_getters_is_listed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut in_sources = Vec::new();
    for file in ["classes.rs"] {
        let text = std::fs::read_to_string(format!("{dir}/{file}")).unwrap();
        for block in text.split("\nrecord_methods!(\n").skip(1) {
            in_sources.push(block.trim_start().split(',').next().unwrap().to_string());
        }
    }
    let listed: Vec<String> = CLASSES.iter().map(|(ty, _)| ty.to_string()).collect();
    assert_eq!(in_sources, listed);
}
