//! Reading the workbook document from JSON: each part checked separately, every problem
//! reported with its path (`statements.equity.self_score`, `evidence[3].supports[1]`).

use jiff::civil::Date;
use serde_json::Value;

use crate::assessment::{statement_key, EvidenceScores};
use crate::error::{join_path, Error, Result};
use crate::framework::{normalise_name, EvidenceCategory, LocalAuthorityUse, QualityStatement};
use crate::json::Object;
use crate::method::RatingMethod;
use crate::probability::distribution_from_value;
use crate::timeline::{plan_timeline, TimelineInput};

use super::super::preparation::{read_case, read_history_entry, read_interview, read_return_item};
use super::{
    parse_date, Action, ActionStatus, EvidenceItem, Indicator, ProgressNote, Rag, SelfScore,
    StatementEntry, Workbook, DEFAULT_REVIEW_AFTER_MONTHS, WORKBOOK_VERSION,
};

// ---------------------------------------------------------------------------------------------
// Reading, step two: validation with paths. Step one is serde (syntax, types, unknown fields)
// applied to each part separately, so that one bad item does not hide the problems of others.

const TOP_FIELDS: [&str; 15] = [
    "version",
    "council",
    "method",
    "notes",
    "protective_marking",
    "review_after_months",
    "statements",
    "evidence",
    "indicators",
    "actions",
    "timeline",
    "information_return",
    "case_tracking",
    "interviews",
    "history",
];

pub(super) fn read_workbook(value: &Value, errors: &mut Vec<Error>) -> Option<Workbook> {
    let Some(obj) = value.as_object() else {
        errors.push(Error::InvalidJson {
            path: ".".into(),
            message: "a workbook is a JSON object".into(),
        });
        return None;
    };
    for key in obj.keys() {
        if !TOP_FIELDS.contains(&key.as_str()) {
            errors.push(crate::json::unknown_field("", key, &TOP_FIELDS));
        }
    }
    match obj.get("version") {
        Some(v) if v.as_u64() == Some(u64::from(WORKBOOK_VERSION)) => {}
        Some(v) => errors.push(Error::UnsupportedVersion {
            path: "version".into(),
            found: v.to_string(),
            supported: WORKBOOK_VERSION,
        }),
        None => errors.push(Error::InvalidJson {
            path: "version".into(),
            message: format!(
                "missing field `version` (this library reads version {WORKBOOK_VERSION})"
            ),
        }),
    }
    let council = match obj.get("council") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::String(_)) => {
            errors.push(Error::EmptyField {
                path: "council".into(),
            });
            String::new()
        }
        Some(other) => {
            errors.push(Error::InvalidJson {
                path: "council".into(),
                message: format!("expected the council's name as a string, got {other}"),
            });
            String::new()
        }
        None => {
            errors.push(Error::InvalidJson {
                path: "council".into(),
                message: "missing field `council`".into(),
            });
            String::new()
        }
    };
    let method = match obj.get("method") {
        None | Some(Value::Null) => RatingMethod::Current,
        Some(Value::String(m)) => RatingMethod::parse(m)
            .map_err(|e| errors.push(e.under("method")))
            .unwrap_or_default(),
        Some(other) => {
            errors.push(Error::UnknownMethod {
                path: "method".into(),
                input: other.to_string(),
            });
            RatingMethod::Current
        }
    };
    let text_field = |key: &str, errors: &mut Vec<Error>| match obj.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => optional_text(Some(s.clone())),
        Some(other) => {
            errors.push(Error::InvalidJson {
                path: key.into(),
                message: format!("expected text, got {other}"),
            });
            None
        }
    };
    let notes = text_field("notes", errors);
    let protective_marking = text_field("protective_marking", errors);
    let review_after_months = match obj.get("review_after_months") {
        None | Some(Value::Null) => DEFAULT_REVIEW_AFTER_MONTHS,
        Some(v) => match v.as_u64() {
            Some(n @ 1..=120) => n as u32,
            _ => {
                errors.push(Error::InvalidValue {
                    path: "review_after_months".into(),
                    message: format!("expected a whole number of months from 1 to 120, got {v}"),
                });
                DEFAULT_REVIEW_AFTER_MONTHS
            }
        },
    };
    let statements = read_statements(obj.get("statements"), method, errors);
    let evidence = read_list(obj.get("evidence"), "evidence", errors, read_evidence_item);
    let indicators = read_list(obj.get("indicators"), "indicators", errors, read_indicator);
    let actions = read_list(obj.get("actions"), "actions", errors, read_action);
    check_unique_ids(
        evidence.iter().map(|(i, e)| (*i, e.id.as_str())),
        "evidence",
        errors,
    );
    check_unique_ids(
        actions.iter().map(|(i, a)| (*i, a.id.as_str())),
        "actions",
        errors,
    );
    let information_return = read_list(
        obj.get("information_return"),
        "information_return",
        errors,
        read_return_item,
    );
    let case_tracking = read_list(obj.get("case_tracking"), "case_tracking", errors, read_case);
    let interviews = read_list(obj.get("interviews"), "interviews", errors, read_interview);
    let history = read_list(obj.get("history"), "history", errors, read_history_entry);
    check_unique_keys(
        information_return
            .iter()
            .map(|(i, r)| (*i, normalise_name(&r.reference))),
        "information_return",
        "reference",
        errors,
    );
    check_unique_keys(
        case_tracking
            .iter()
            .map(|(i, c)| (*i, normalise_name(&c.reference))),
        "case_tracking",
        "reference",
        errors,
    );
    check_unique_keys(
        history.iter().map(|(i, h)| (*i, h.date.to_string())),
        "history",
        "date",
        errors,
    );
    // Evidence ids named by information return items and actions must be in the register
    // (the register as given, bad items included, so that one bad item is one error).
    // When an item's own id cannot be read, which ids are missing is not known: that item's
    // error is reported, and no reference is called unknown on its account.
    let given: Vec<Option<&str>> = obj
        .get("evidence")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|v| v.get("id").and_then(Value::as_str))
        .collect();
    let register_known = given.iter().all(Option::is_some);
    let register: std::collections::HashSet<&str> = given.into_iter().flatten().collect();
    let unknown = |list: &str, i: usize, ids: &[String], errors: &mut Vec<Error>| {
        for (k, id) in ids.iter().enumerate() {
            if register_known && !register.contains(id.as_str()) {
                errors.push(Error::UnknownReference {
                    path: format!("{list}[{i}].evidence[{k}]"),
                    id: id.clone(),
                    list: "the evidence register".into(),
                });
            }
        }
    };
    for (i, r) in &information_return {
        unknown("information_return", *i, &r.evidence, errors);
    }
    for (i, a) in &actions {
        unknown("actions", *i, &a.evidence, errors);
    }
    let timeline = match obj.get("timeline") {
        None | Some(Value::Null) => None,
        Some(v) => {
            match timeline_input(v) {
                Ok(_) => {}
                Err(e) => errors.push(e),
            }
            Some(v.clone())
        }
    };
    Some(Workbook {
        council,
        method,
        notes,
        protective_marking,
        review_after_months,
        statements,
        evidence: evidence.into_iter().map(|(_, e)| e).collect(),
        indicators: indicators.into_iter().map(|(_, e)| e).collect(),
        actions: actions.into_iter().map(|(_, e)| e).collect(),
        timeline,
        information_return: information_return.into_iter().map(|(_, e)| e).collect(),
        case_tracking: case_tracking.into_iter().map(|(_, e)| e).collect(),
        interviews: interviews.into_iter().map(|(_, e)| e).collect(),
        history: history.into_iter().map(|(_, e)| e).collect(),
    })
}

fn check_unique_ids<'a>(
    ids: impl Iterator<Item = (usize, &'a str)>,
    list: &str,
    errors: &mut Vec<Error>,
) {
    let mut seen = std::collections::HashSet::new();
    for (i, id) in ids {
        if !seen.insert(id) {
            errors.push(Error::DuplicateId {
                path: format!("{list}[{i}].id"),
                id: id.to_string(),
            });
        }
    }
}

/// Keys that must be unique in a list (compared as given to `keys`): the second use is
/// `duplicate_id` at `list[i].field`.
fn check_unique_keys(
    keys: impl Iterator<Item = (usize, String)>,
    list: &str,
    field: &str,
    errors: &mut Vec<Error>,
) {
    let mut seen = std::collections::HashSet::new();
    for (i, key) in keys {
        if !seen.insert(key.clone()) {
            errors.push(Error::DuplicateId {
                path: format!("{list}[{i}].{field}"),
                id: key,
            });
        }
    }
}

/// Reads a list, each element separately; returns the good elements with their positions.
fn read_list<T>(
    value: Option<&Value>,
    path: &str,
    errors: &mut Vec<Error>,
    read: fn(&Value, &str, &mut Vec<Error>) -> Option<T>,
) -> Vec<(usize, T)> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| read(v, &format!("{path}[{i}]"), errors).map(|t| (i, t)))
            .collect(),
        Some(other) => {
            errors.push(Error::InvalidJson {
                path: path.into(),
                message: format!("expected a list, got {other}"),
            });
            Vec::new()
        }
    }
}

/// A required text: present (serde checked), and not blank.
fn required_text(s: String, path: &str, errors: &mut Vec<Error>) -> Option<String> {
    if s.trim().is_empty() {
        errors.push(Error::EmptyField { path: path.into() });
        None
    } else {
        Some(s)
    }
}

/// An optional text: a blank string is the same as none.
fn optional_text(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.is_empty())
}

fn optional_date(s: Option<String>, path: &str, errors: &mut Vec<Error>) -> Option<Date> {
    match s.as_deref() {
        None | Some("") => None,
        Some(text) => parse_date(text, path).map_err(|e| errors.push(e)).ok(),
    }
}

fn read_statements(
    value: Option<&Value>,
    method: RatingMethod,
    errors: &mut Vec<Error>,
) -> Vec<StatementEntry> {
    let mut entries: [Option<StatementEntry>; 9] = Default::default();
    match value {
        Some(Value::Object(map)) => {
            for (key, v) in map {
                let path = join_path("statements", key);
                let qs = match statement_key(key, &path) {
                    Ok(qs) => qs,
                    Err(e) => {
                        errors.push(e);
                        continue;
                    }
                };
                if entries[qs.index()].is_some() {
                    errors.push(Error::DuplicateStatement {
                        path,
                        statement: qs.id().to_string(),
                    });
                    continue;
                }
                if let Some(entry) = read_statement(qs, v, &path, method, errors) {
                    entries[qs.index()] = Some(entry);
                }
            }
            for qs in QualityStatement::ALL {
                if entries[qs.index()].is_none() && !map_has(map, qs) {
                    errors.push(Error::MissingStatement {
                        path: join_path("statements", qs.id()),
                        statement: qs.id().to_string(),
                    });
                }
            }
        }
        Some(other) => errors.push(Error::InvalidJson {
            path: "statements".into(),
            message: format!("expected an object keyed by quality statement, got {other}"),
        }),
        None => errors.push(Error::InvalidJson {
            path: "statements".into(),
            message:
                "missing field `statements` (one entry for each of the nine quality statements)"
                    .into(),
        }),
    }
    entries.into_iter().flatten().collect()
}

/// Whether some key of the map names `qs` (then a bad entry was reported at that key, and the
/// statement is not also reported missing).
fn map_has(map: &serde_json::Map<String, Value>, qs: QualityStatement) -> bool {
    map.keys()
        .any(|k| QualityStatement::parse(k).is_ok_and(|q| q == qs))
}

/// The fields of a statement entry, their types checked.
struct RawStatement<'a> {
    self_score: Option<&'a Value>,
    evidence_scores: Option<&'a serde_json::Map<String, Value>>,
    strengths: Vec<String>,
    areas_for_improvement: Vec<String>,
    narrative: Option<String>,
}

impl<'a> RawStatement<'a> {
    fn read(value: &'a Value, path: &str) -> Result<RawStatement<'a>> {
        let raw = Object::new(
            value,
            path,
            "a statement entry {self_score, strengths, areas_for_improvement, narrative}",
            &[
                "self_score",
                "evidence_scores",
                "strengths",
                "areas_for_improvement",
                "narrative",
            ],
        )?;
        let evidence_scores = match raw.get("evidence_scores") {
            None => None,
            Some(Value::Object(map)) => Some(map),
            Some(other) => {
                return Err(crate::json::invalid_type(
                    other,
                    "an object {evidence category: score}",
                    &raw.path("evidence_scores"),
                ))
            }
        };
        let texts = |key: &str| -> Result<Vec<String>> {
            Ok(raw
                .strings(key)?
                .into_iter()
                .map(|(_, s)| s.to_string())
                .collect())
        };
        Ok(RawStatement {
            self_score: raw.get("self_score"),
            evidence_scores,
            strengths: texts("strengths")?,
            areas_for_improvement: texts("areas_for_improvement")?,
            narrative: raw.str("narrative")?.map(str::to_string),
        })
    }
}

pub(crate) fn read_statement(
    qs: QualityStatement,
    value: &Value,
    path: &str,
    method: RatingMethod,
    errors: &mut Vec<Error>,
) -> Option<StatementEntry> {
    let raw = RawStatement::read(value, path)
        .map_err(|e| errors.push(e))
        .ok()?;
    let score_path = join_path(path, "self_score");
    let ev_path = join_path(path, "evidence_scores");
    let self_score = match method {
        RatingMethod::Current => {
            if raw.evidence_scores.is_some() {
                errors.push(Error::MethodMismatch {
                    path: ev_path,
                    message: "evidence-category scores belong to the earlier method; set \"method\": \"earlier\" or give \"self_score\"".into(),
                });
                SelfScore::NotScored
            } else {
                match raw.self_score {
                    None => SelfScore::NotScored,
                    Some(v) => match distribution_from_value(v, &score_path) {
                        Ok(None) => SelfScore::NotScored,
                        Ok(Some(d)) => match (v, SelfScore::Distribution(d).certain()) {
                            (Value::Array(_), _) | (_, None) => SelfScore::Distribution(d),
                            (_, Some(s)) => SelfScore::Score(s),
                        },
                        Err(e) => {
                            errors.push(e);
                            SelfScore::NotScored
                        }
                    },
                }
            }
        }
        RatingMethod::Earlier => {
            if raw.self_score.is_some() {
                errors.push(Error::MethodMismatch {
                    path: score_path,
                    message: "under the earlier method a statement is scored through its evidence categories: give \"evidence_scores\" {category: score}, or use \"method\": \"current\"".into(),
                });
                SelfScore::NotScored
            } else {
                match raw.evidence_scores {
                    None => SelfScore::NotScored,
                    Some(cats) => read_evidence_scores(cats, &ev_path, errors),
                }
            }
        }
    };
    let strengths = raw.strengths;
    let areas = raw.areas_for_improvement;
    for (field, list) in [("strengths", &strengths), ("areas_for_improvement", &areas)] {
        for (i, s) in list.iter().enumerate() {
            if s.trim().is_empty() {
                errors.push(Error::EmptyField {
                    path: format!("{}[{i}]", join_path(path, field)),
                });
            }
        }
    }
    Some(StatementEntry {
        statement: qs,
        self_score,
        strengths,
        areas_for_improvement: areas,
        narrative: optional_text(raw.narrative),
    })
}

fn read_evidence_scores(
    cats: &serde_json::Map<String, Value>,
    path: &str,
    errors: &mut Vec<Error>,
) -> SelfScore {
    let mut pairs = Vec::new();
    let mut seen = [false; 6];
    let before = errors.len();
    for (key, v) in cats {
        let cp = join_path(path, key);
        let cat = match EvidenceCategory::parse(key) {
            Ok(c) => c,
            Err(_) => {
                errors.push(Error::UnknownEvidenceCategory {
                    path: cp,
                    input: key.clone(),
                });
                continue;
            }
        };
        if cat.local_authority_use() != LocalAuthorityUse::Used {
            errors.push(Error::EvidenceCategoryNotUsed {
                path: cp,
                category: cat.id().to_string(),
                reason: "in local authority assessments under the earlier method".into(),
            });
            continue;
        }
        if std::mem::replace(&mut seen[cat.index()], true) {
            errors.push(Error::DuplicateEvidenceCategory {
                path: cp,
                category: cat.id().to_string(),
            });
            continue;
        }
        match crate::assessment::score_from_value(v, &cp, true) {
            Ok(Some(s)) => pairs.push((cat, s)),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    if errors.len() > before || pairs.is_empty() {
        return SelfScore::NotScored;
    }
    match EvidenceScores::from_pairs(pairs) {
        Ok(ev) => SelfScore::EvidenceCategories(ev),
        Err(e) => {
            errors.push(e.under(path));
            SelfScore::NotScored
        }
    }
}

/// Reads a list of statements (an evidence item's `supports`, an indicator's `statements`):
/// each entry a statement, or a theme's name standing for the theme's statements. A statement
/// named twice is an error at its second entry; one that a theme already brought in (or that
/// a theme brings in again) is simply listed once.
pub(crate) fn statement_list(
    items: &[String],
    path_of: &dyn Fn(usize) -> String,
    errors: &mut Vec<Error>,
) -> Vec<QualityStatement> {
    let mut list = Vec::new();
    let mut named = Vec::new();
    for (i, input) in items.iter().enumerate() {
        match QualityStatement::parse_list_item(input) {
            Ok(found) if found.len() == 1 => {
                let qs = found[0];
                if named.contains(&qs) {
                    errors.push(Error::DuplicateStatement {
                        path: path_of(i),
                        statement: qs.id().to_string(),
                    });
                }
                named.push(qs);
                if !list.contains(&qs) {
                    list.push(qs);
                }
            }
            Ok(theme) => {
                for qs in theme {
                    if !list.contains(&qs) {
                        list.push(qs);
                    }
                }
            }
            Err(e) => errors.push(e.under(&path_of(i))),
        }
    }
    list
}

/// Validated fields of one evidence item, from the document or a CSV row.
pub(crate) struct EvidenceFields {
    pub id: String,
    pub title: String,
    pub category: String,
    pub supports: Vec<String>,
    pub owner: Option<String>,
    pub date: String,
    pub review_by: Option<String>,
    pub expires: Option<String>,
    pub link: Option<String>,
    pub notes: Option<String>,
}

/// Checks the fields of an evidence item, reporting each problem with `path(field)`. Returns
/// the item only if every field is good.
pub(crate) fn evidence_item_from_fields(
    f: EvidenceFields,
    path: &dyn Fn(&str) -> String,
    errors: &mut Vec<Error>,
) -> Option<EvidenceItem> {
    let before = errors.len();
    let id = required_text(f.id, &path("id"), errors);
    let title = required_text(f.title, &path("title"), errors);
    let category = match EvidenceCategory::parse(&f.category) {
        Ok(c) if c.applies_to_local_authorities() => Some(c),
        Ok(c) => {
            errors.push(Error::EvidenceCategoryNotUsed {
                path: path("category"),
                category: c.id().to_string(),
                reason: "in local authority assessments".into(),
            });
            None
        }
        Err(_) => {
            errors.push(Error::UnknownEvidenceCategory {
                path: path("category"),
                input: f.category.clone(),
            });
            None
        }
    };
    if f.supports.is_empty() {
        errors.push(Error::EmptyField {
            path: path("supports"),
        });
    }
    let supports = statement_list(
        &f.supports,
        &|i| format!("{}[{i}]", path("supports")),
        errors,
    );
    let date = parse_date(&f.date, &path("date"))
        .map_err(|e| errors.push(e))
        .ok();
    let review_by = optional_date(f.review_by, &path("review_by"), errors);
    let expires = optional_date(f.expires, &path("expires"), errors);
    if errors.len() > before {
        return None;
    }
    Some(EvidenceItem {
        id: id?,
        title: title?,
        category: category?,
        supports,
        owner: optional_text(f.owner),
        date: date?,
        review_by,
        expires,
        link: optional_text(f.link),
        notes: optional_text(f.notes),
    })
}

pub(crate) fn read_evidence_item(
    value: &Value,
    path: &str,
    errors: &mut Vec<Error>,
) -> Option<EvidenceItem> {
    let fields = evidence_fields(value, path)
        .map_err(|e| errors.push(e))
        .ok()?;
    evidence_item_from_fields(fields, &|field| join_path(path, field), errors)
}

/// The fields of an evidence item in the document, their types checked.
fn evidence_fields(value: &Value, path: &str) -> Result<EvidenceFields> {
    let raw = Object::new(
        value,
        path,
        "an evidence item {id, title, category, supports, date, ...}",
        // An item's fields are the evidence register's columns.
        &crate::workbook::csv_io::EVIDENCE_CSV_COLUMNS,
    )?;
    let text = |key: &str| raw.required_str(key).map(str::to_string);
    let optional = |key: &str| Ok::<_, Error>(raw.str(key)?.map(str::to_string));
    raw.required("supports", "a list of quality statements")?;
    Ok(EvidenceFields {
        id: text("id")?,
        title: text("title")?,
        category: text("category")?,
        supports: raw
            .strings("supports")?
            .into_iter()
            .map(|(_, s)| s.to_string())
            .collect(),
        owner: optional("owner")?,
        date: text("date")?,
        review_by: optional("review_by")?,
        expires: optional("expires")?,
        link: optional("link")?,
        notes: optional("notes")?,
    })
}

/// The fields of an indicator in the document.
// One list: the fields are the CSV columns.
pub(crate) const INDICATOR_FIELDS: [&str; 12] = super::super::csv_io::INDICATOR_CSV_COLUMNS;

/// The fields of an action in the document.
// One list: the fields are the CSV columns.
pub(crate) const ACTION_FIELDS: [&str; 12] = super::super::csv_io::ACTION_CSV_COLUMNS;

/// The fields of an indicator, their types checked.
struct RawIndicator {
    name: String,
    collection: String,
    value: Option<f64>,
    england_average: f64,
    higher_is_better: bool,
    year: Option<String>,
    england_year: Option<String>,
    unit: Option<String>,
    statements: Vec<String>,
    similar_within: Option<f64>,
    reference: Option<String>,
    notes: Option<String>,
}

impl RawIndicator {
    fn read(value: &Value, path: &str) -> Result<RawIndicator> {
        let raw = Object::new(
            value,
            path,
            "an indicator {name, collection, value, england_average, higher_is_better, ...}",
            &INDICATOR_FIELDS,
        )?;
        let optional = |key: &str| Ok::<_, Error>(raw.str(key)?.map(str::to_string));
        Ok(RawIndicator {
            name: raw.required_str("name")?.to_string(),
            collection: raw.required_str("collection")?.to_string(),
            value: raw.f64("value")?,
            england_average: raw.required_f64("england_average")?,
            higher_is_better: raw.required_bool("higher_is_better")?,
            year: optional("year")?,
            england_year: optional("england_year")?,
            unit: optional("unit")?,
            statements: raw
                .strings("statements")?
                .into_iter()
                .map(|(_, s)| s.to_string())
                .collect(),
            similar_within: raw.f64("similar_within")?,
            reference: optional("reference")?,
            notes: optional("notes")?,
        })
    }
}

pub(crate) fn read_indicator(
    value: &Value,
    path: &str,
    errors: &mut Vec<Error>,
) -> Option<Indicator> {
    let raw = RawIndicator::read(value, path)
        .map_err(|e| errors.push(e))
        .ok()?;
    let before = errors.len();
    let name = required_text(raw.name, &join_path(path, "name"), errors);
    let collection = required_text(raw.collection, &join_path(path, "collection"), errors);
    let statements = statement_list(
        &raw.statements,
        &|i| format!("{}[{i}]", join_path(path, "statements")),
        errors,
    );
    if let Some(t) = raw.similar_within {
        if !(t.is_finite() && t >= 0.0) {
            errors.push(Error::InvalidValue {
                path: join_path(path, "similar_within"),
                message: format!(
                    "the tolerance must be zero or more, got {}",
                    crate::json::number_text(t)
                ),
            });
        }
    }
    if errors.len() > before {
        return None;
    }
    Some(Indicator {
        name: name?,
        collection: collection?,
        value: raw.value,
        england_average: raw.england_average,
        higher_is_better: raw.higher_is_better,
        year: optional_text(raw.year),
        england_year: optional_text(raw.england_year),
        unit: optional_text(raw.unit),
        statements,
        similar_within: raw.similar_within,
        reference: optional_text(raw.reference),
        notes: optional_text(raw.notes),
    })
}

/// The fields of an action, their types checked.
struct RawAction<'a> {
    id: &'a str,
    statement: Option<&'a str>,
    description: &'a str,
    owner: Option<&'a str>,
    due: &'a str,
    status: &'a str,
    rag: Option<&'a str>,
    progress: &'a [Value],
    updated: Option<&'a str>,
    you_said: Option<&'a str>,
    evidence: Vec<(String, &'a str)>,
    notes: Option<&'a str>,
}

impl<'a> RawAction<'a> {
    fn read(value: &'a Value, path: &str) -> Result<RawAction<'a>> {
        let raw = Object::new(
            value,
            path,
            "an action {id, statement, description, owner, due, status, rag, updated, progress, you_said, evidence, notes}",
            &ACTION_FIELDS,
        )?;
        Ok(RawAction {
            id: raw.required_str("id")?,
            statement: raw.str("statement")?,
            description: raw.required_str("description")?,
            owner: raw.str("owner")?,
            due: raw.required_str("due")?,
            status: raw.required_str("status")?,
            rag: raw.str("rag")?,
            progress: raw.list("progress")?,
            updated: raw.str("updated")?,
            you_said: raw.str("you_said")?,
            evidence: raw.strings("evidence")?,
            notes: raw.str("notes")?,
        })
    }
}

pub(crate) fn read_action(value: &Value, path: &str, errors: &mut Vec<Error>) -> Option<Action> {
    let raw = RawAction::read(value, path)
        .map_err(|e| errors.push(e))
        .ok()?;
    let before = errors.len();
    let id = required_text(raw.id.to_string(), &join_path(path, "id"), errors);
    let description = required_text(
        raw.description.to_string(),
        &join_path(path, "description"),
        errors,
    );
    let statement = match raw.statement {
        None | Some("") => None,
        Some(s) => statement_key(s, &join_path(path, "statement"))
            .map_err(|e| errors.push(e))
            .ok(),
    };
    let due = parse_date(raw.due, &join_path(path, "due"))
        .map_err(|e| errors.push(e))
        .ok();
    let status = ActionStatus::parse(raw.status)
        .map_err(|e| errors.push(e.under(&join_path(path, "status"))))
        .ok();
    let rag = match raw.rag {
        None | Some("") => None,
        Some(r) => Rag::parse(r)
            .map_err(|e| errors.push(e.under(&join_path(path, "rag"))))
            .ok(),
    };
    let progress_path = join_path(path, "progress");
    let progress: Vec<ProgressNote> = raw
        .progress
        .iter()
        .enumerate()
        .filter_map(|(i, v)| read_progress_note(v, &format!("{progress_path}[{i}]"), errors))
        .collect();
    let updated = optional_date(
        raw.updated.map(str::to_string),
        &join_path(path, "updated"),
        errors,
    );
    let mut evidence = Vec::new();
    for (p, id) in raw.evidence {
        if id.trim().is_empty() {
            errors.push(Error::EmptyField { path: p });
        } else {
            evidence.push(id.to_string());
        }
    }
    if errors.len() > before {
        return None;
    }
    Some(Action {
        id: id?,
        statement,
        description: description?,
        owner: optional_text(raw.owner.map(str::to_string)),
        due: due?,
        status: status?,
        rag,
        updated,
        progress,
        you_said: optional_text(raw.you_said.map(str::to_string)),
        evidence,
        notes: optional_text(raw.notes.map(str::to_string)),
    })
}

/// One progress note `{"date": "YYYY-MM-DD", "note": "..."}`, both required.
fn read_progress_note(value: &Value, path: &str, errors: &mut Vec<Error>) -> Option<ProgressNote> {
    let raw = Object::new(
        value,
        path,
        "a progress note {date, note}",
        &["date", "note"],
    )
    .and_then(|o| Ok((o.required_str("date")?, o.required_str("note")?)));
    let (date, note) = raw.map_err(|e| errors.push(e)).ok()?;
    let date = parse_date(date, &join_path(path, "date"))
        .map_err(|e| errors.push(e))
        .ok();
    let note = required_text(note.to_string(), &join_path(path, "note"), errors);
    Some(ProgressNote {
        date: date?,
        note: note?,
    })
}

/// Reads and plans a workbook's timeline, errors placed under `timeline`.
pub(crate) fn timeline_input(value: &Value) -> Result<TimelineInput> {
    let input = TimelineInput::from_value(value).map_err(|e| e.under("timeline"))?;
    plan_timeline(&input).map_err(|e| e.under("timeline"))?;
    Ok(input)
}
