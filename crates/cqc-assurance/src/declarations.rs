//! `ts_rs::TS` and `schemars::JsonSchema` for the types that serde writes by hand (feature
//! `declarations`): the ids of the framework's statements, themes and evidence categories as
//! unions of their ids, a score as `1 | 2 | 3 | 4`, a date as its `YYYY-MM-DD` string. The
//! derived types take their declarations from their fields, so that what the npm package
//! declares, and the JSON Schema the Python package reads its records by, is what serde writes.
//!
//! ```
//! use ts_rs::{Config, TS};
//! let cfg = Config::new();
//! assert_eq!(cqc_assurance::Score::decl(&cfg), "type ScoreValue = 1 | 2 | 3 | 4;");
//! assert!(cqc_assurance::QualityStatement::decl(&cfg).contains("\"assessing-needs\""));
//!
//! let schema = schemars::SchemaGenerator::default().into_root_schema_for::<cqc_assurance::Score>();
//! assert_eq!(schema.get("enum"), Some(&serde_json::json!([1, 2, 3, 4])));
//! ```

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use ts_rs::{Config, TS};

use crate::{EvidenceCategory, QualityStatement, Score, Theme};

/// A date as serde writes it (`YYYY-MM-DD`): fields of type `jiff::civil::Date` are declared
/// `as` this type (ts-rs and schemars know no jiff 1 type).
pub struct IsoDate;

impl JsonSchema for IsoDate {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "IsoDate".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "string", "format": "date"})
    }
}

impl TS for IsoDate {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &Config) -> String {
        "string".into()
    }
    fn inline(_: &Config) -> String {
        "string".into()
    }
}

/// A declared union of string or number literals: `TS` and `JsonSchema` for a type that serde
/// writes as one of a fixed set of values (`$json`: the values as serde writes them).
macro_rules! union_type {
    ($rust:ty, $name:literal, $doc:literal, $values:expr, $json:expr) => {
        impl JsonSchema for $rust {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                let values: Vec<serde_json::Value> = $json.into_iter().collect();
                json_schema!({"description": $doc, "enum": values})
            }
        }

        impl TS for $rust {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            // A union: a map keyed by it may hold any of its values, not every one (ts-rs
            // then declares the map's keys optional).
            const IS_ENUM: bool = true;
            fn docs() -> Option<String> {
                Some(format!("/** {} */\n", $doc))
            }
            fn name(_: &Config) -> String {
                $name.into()
            }
            fn inline(_: &Config) -> String {
                $values.into_iter().collect::<Vec<String>>().join(" | ")
            }
            fn decl(cfg: &Config) -> String {
                format!("type {} = {};", $name, Self::inline(cfg))
            }
            fn decl_concrete(cfg: &Config) -> String {
                Self::decl(cfg)
            }
            fn output_path() -> Option<std::path::PathBuf> {
                Some(concat!($name, ".ts").into())
            }
        }
    };
}

union_type!(
    QualityStatement,
    "StatementId",
    "The id of a quality statement, QS1 to QS9 in order.",
    QualityStatement::ALL.map(|s| format!("{:?}", s.id())),
    QualityStatement::ALL.map(|s| s.id().into())
);
union_type!(
    Theme,
    "ThemeId",
    "The id of a theme.",
    Theme::ALL.map(|t| format!("{:?}", t.id())),
    Theme::ALL.map(|t| t.id().into())
);
union_type!(
    EvidenceCategory,
    "EvidenceCategoryId",
    "The id of an evidence category.",
    EvidenceCategory::ALL.map(|c| format!("{:?}", c.id())),
    EvidenceCategory::ALL.map(|c| c.id().into())
);
union_type!(
    Score,
    "ScoreValue",
    "A statement's score: 1 to 4.",
    Score::ALL.map(|s| s.get().to_string()),
    Score::ALL.map(|s| s.get().into())
);
