//! The package's declarations of results, `npm/types.d.ts`, generated from the Rust types that
//! the functions serialise (`ts_rs::TS`, derived in the core under its `declarations` feature and
//! here under `cfg(test)`): field names in camelCase as [`crate::camel`] writes them, values as
//! serde writes them, doc comments as JSDoc. The hand-written `npm/index.d.ts` declares the
//! functions and their inputs and re-exports these.
//!
//! `cargo test -p cqc-assurance-js typescript` fails when the committed file differs from what
//! the types say; `scripts/generate.sh` rewrites it.

use std::collections::BTreeMap;

use cqc_assurance as cqc;
use ts_rs::{Config, TypeVisitor, TS};

/// Collects the declaration of every type reachable from the roots, each once, by name (the
/// derive visits a type's dependencies in an order that can change from one build to the next,
/// so the file is written in the order of the names).
struct Declarations {
    cfg: Config,
    out: BTreeMap<String, String>,
}

impl TypeVisitor for Declarations {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if T::output_path().is_none() {
            // Arrays, maps, options and primitives: their parts may be declared types.
            T::visit_dependencies(self);
            T::visit_generics(self);
            return;
        }
        let name = T::ident(&self.cfg);
        if self.out.contains_key(&name) {
            return;
        }
        self.out.insert(
            name,
            format!(
                "{}export {}",
                T::docs().as_deref().map(jsdoc).unwrap_or_default(),
                tidy(&jsdoc(&T::decl(&self.cfg)))
            ),
        );
        T::visit_dependencies(self);
    }
}

/// The `ErrorCode` union, from the core's table of errors (their families are the derived
/// `ErrorFamily`).
fn error_codes() -> String {
    let mut codes: Vec<String> = Vec::new();
    for (code, _) in cqc::ERROR_CODES {
        // Two variants may share a code (`invalid_date` of a field and of a file's cell).
        let code = format!("{code:?}");
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    format!(
        "/**\n * The stable code of every error (`CqcError.code`).\n */\nexport type ErrorCode = {};",
        codes.join(" | ")
    )
}

/// A Rust doc comment made JSDoc for TypeScript readers: its Rust examples (fenced code) left
/// out, with the blank lines before them, and rustdoc's links written as code
/// (``[`framework_view`]`` becomes `` `framework_view` ``).
fn jsdoc(text: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let mut in_example = false;
    for line in text.lines() {
        let content = line.trim_start().trim_start_matches('*').trim();
        if content.starts_with("```") {
            in_example = !in_example;
            while out.last().is_some_and(|l| l.trim() == "*") {
                out.pop();
            }
            continue;
        }
        if !in_example {
            out.push(line);
        }
    }
    let mut text = out.join("\n").replace("[`", "`").replace("`]", "`");
    text.push('\n');
    text
}

/// A declaration as ts-rs writes it (an object's fields one per line, flush left, the closing
/// brace after the last), with its fields indented and the brace on a line of its own.
fn tidy(decl: &str) -> String {
    let mut lines = decl.lines();
    let mut out = vec![lines.next().unwrap_or_default().trim_end().to_string()];
    for line in lines {
        let line = line.trim_end();
        match line.strip_suffix(" };") {
            Some(last) => {
                out.push(format!("  {}", last.trim_end()));
                out.push("};".into());
            }
            None => out.push(format!("  {line}")),
        }
    }
    out.join("\n")
}

/// The whole text of `npm/types.d.ts`.
fn declarations() -> String {
    let mut d = Declarations {
        cfg: Config::new().with_large_int("number"),
        out: BTreeMap::new(),
    };
    // The results of the package's functions.
    d.visit::<cqc::FrameworkView>();
    d.visit::<cqc::RatingResult>();
    d.visit::<crate::rating::ExplanationOut>();
    d.visit::<cqc::ImprovementPlan>();
    d.visit::<cqc::RatingProbabilities>();
    d.visit::<cqc::PublishedCheck>();
    d.visit::<crate::rating::RatingForTotal>();
    d.visit::<cqc::AssessmentDocument>();
    d.visit::<cqc::PublishedResult>();
    d.visit::<cqc::StatementDistribution>();
    d.visit::<cqc::Ranking>();
    d.visit::<cqc::CouncilRankings>();
    d.visit::<cqc::RatingCounts>();
    d.visit::<cqc::GroupDistribution>();
    d.visit::<crate::published::RatingCount>();
    d.visit::<crate::published::Conflict>();
    d.visit::<cqc::Timeline>();
    d.visit::<cqc::TimelineProfile>();
    d.visit::<cqc::BankHoliday>();
    d.visit::<cqc::WorkbookCheck>();
    d.visit::<cqc::EvidenceImport>();
    d.visit::<cqc::Comparison>();
    d.visit::<cqc::WorkbookImport>();
    format!(
        "// @generated by bindings/js/src/typescript.rs from the Rust types (scripts/generate.sh):\n\
         // do not edit. The results of the package's functions, field names in camelCase.\n\n{}\n{}\n",
        error_codes(),
        d.out.into_values().collect::<Vec<_>>().join("\n\n")
    )
}

#[test]
fn committed_declarations_are_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/npm/types.d.ts");
    let fresh = declarations();
    if std::env::var_os("CQC_ASSURANCE_REGENERATE").is_some() {
        std::fs::write(path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{path} is not what the Rust types declare: run scripts/generate.sh and commit the result"
    );
}
