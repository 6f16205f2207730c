//! The getters' part of the type stubs (`python/cqc_assurance/_native.pyi`), written from
//! `record_methods!`'s one list of each class's fields: every region between the lines
//! [`BEGIN`] and [`END`] in a class of the stub file is rewritten from the class's `GETTERS`
//! (name, Rust type, doc comment). The rest of the file is written by hand and checked by
//! stubtest.
//!
//! `cargo test -p cqc-assurance-py stubs` fails when the committed stubs differ from what the
//! getters say; `scripts/generate.sh` rewrites them.

use crate::classes::*;
use crate::published::*;

type Getters = (
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
);

/// Every class written with `record_methods!` (the test checks the list against the sources).
const CLASSES: [Getters; 23] = [
    PyQualityStatement::GETTERS,
    PyTheme::GETTERS,
    PyEvidenceCategory::GETTERS,
    PyRatingMethod::GETTERS,
    PyAssessment::GETTERS,
    PyBandPosition::GETTERS,
    PyCategoryScore::GETTERS,
    PyEvidenceWorking::GETTERS,
    PyStatementResult::GETTERS,
    PyRatingResult::GETTERS,
    PyExplanation::GETTERS,
    PyScoreIncrease::GETTERS,
    PyImprovementPath::GETTERS,
    PyImprovementPlan::GETTERS,
    PyRatingProbability::GETTERS,
    PyTotalProbability::GETTERS,
    PyRatingProbabilities::GETTERS,
    PyFinding::GETTERS,
    PyScoreCorrection::GETTERS,
    PyPublishedCheck::GETTERS,
    PyPublishedResult::GETTERS,
    PyStatementDistribution::GETTERS,
    PyRanking::GETTERS,
];

const BEGIN: &str =
    "    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)";
const END: &str = "    # end of generated getters";

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
        "RatingName" => "_RatingName".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i16" | "i32" | "i64" => "int".into(),
        "f64" => "float".into(),
        "bool" => "bool".into(),
        other => match other.strip_prefix("Py") {
            Some(class) if class.chars().all(char::is_alphanumeric) => class.into(),
            _ => panic!("stubs.rs: no Python type for the getter type `{rust}`: add it here"),
        },
    }
}

/// A doc comment as a docstring's text: one line, Markdown code as reST code.
fn docstring(doc: &str) -> String {
    let text = doc.split_whitespace().collect::<Vec<_>>().join(" ");
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

/// The stub file with every class's region rewritten.
fn regenerate(stubs: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut class: Option<&str> = None;
    let mut skipping = false;
    let mut done = Vec::new();
    for line in stubs.lines() {
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
            skipping = true;
            continue;
        }
        if skipping {
            skipping = line != END;
            continue;
        }
        out.push(line.to_string());
    }
    for (ty, _) in CLASSES {
        let name = &ty[2..];
        assert!(
            done.iter().any(|d| d == name),
            "class {name} of the stubs has no generated getters region"
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
        "{path}: the getters' stubs are not what record_methods! says: run scripts/generate.sh"
    );
}

#[test]
fn every_class_with_getters_is_listed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut in_sources = Vec::new();
    for file in ["classes.rs", "published.rs"] {
        let text = std::fs::read_to_string(format!("{dir}/{file}")).unwrap();
        for block in text.split("\nrecord_methods!(\n").skip(1) {
            in_sources.push(block.trim_start().split(',').next().unwrap().to_string());
        }
    }
    let listed: Vec<String> = CLASSES.iter().map(|(ty, _)| ty.to_string()).collect();
    assert_eq!(in_sources, listed);
}
