//! The parts of a workbook that prepare for the visit and record the years after it: the
//! information return tracker, the case-tracking register, the interview schedule and the
//! history of earlier self-assessments (with CQC's published scores beside them).
//!
//! Each part is optional (absent: not shown), read with the same strictness as the rest of the
//! workbook (unknown fields refused, every problem reported with its path, nothing dropped)
//! and written back unchanged.
//!
//! What CQC's process asks for, with sources:
//!
//! - the information return: documents and data CQC requests at the start of an assessment,
//!   "where relevant" linked to quality statements (CQC, *Information return guidance*,
//!   <https://www.cqc.org.uk/guidance-regulation/local-authorities/la-information-return/guidance>);
//!   councils describe returns of 41 to 120 items, numbered per section and per statement
//!   (council papers of 2025-26, e.g. Tower Hamlets as reported at
//!   <https://londonlocal.news/stories/1662>);
//! - case tracking: in the pilots councils listed about 50 cases, of which CQC selected 10 to
//!   track and 6 to examine in detail; the figures for formal assessments are not published
//!   (CQC's pilot evaluation, a **pilot-era** figure);
//! - interviews on site with the DASS, the principal social worker, the lead member, the
//!   scrutiny chair, the chief executive, front-line staff, partners and people who draw on
//!   care (councils' accounts of their visits, 2025-26);
//! - the annual cycle: CQC's chief inspector **proposed** (November 2025) re-assessment every
//!   3-4 years with an annual self-assessment in between, subject to the Secretary of State's
//!   agreement.

use jiff::civil::Date;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use crate::error::{join_path, Error, Result};
use crate::framework::{normalise_name, QualityStatement};
use crate::json::Object;
use crate::probability::distribution_from_value;
use crate::score::Score;

use super::document::{parse_date, SelfScore};

/// What an information return item is: a document (a policy, strategy, report) or data (a
/// figure, a table, a list).
///
/// ```
/// use cqc_assurance::workbook::ReturnItemKind;
/// assert_eq!(ReturnItemKind::parse("Document").unwrap(), ReturnItemKind::Document);
/// assert_eq!(ReturnItemKind::parse("spreadsheet").unwrap_err().code(), "unknown_choice");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReturnItemKind {
    /// A document.
    Document,
    /// Data.
    Data,
}

/// Where an information return item stands.
///
/// ```
/// use cqc_assurance::workbook::ReturnItemStatus;
/// assert_eq!(ReturnItemStatus::parse("In progress").unwrap(), ReturnItemStatus::InProgress);
/// assert!(!ReturnItemStatus::Submitted.is_open());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReturnItemStatus {
    /// Nothing gathered yet.
    NotStarted,
    /// Being gathered or written.
    InProgress,
    /// Ready to send, signed off.
    Ready,
    /// Sent to CQC.
    Submitted,
}

/// Where a case offered for case tracking stands.
///
/// ```
/// use cqc_assurance::workbook::CaseStatus;
/// assert_eq!(CaseStatus::parse("selected").unwrap(), CaseStatus::Selected);
/// assert_eq!(CaseStatus::ALL.len(), 4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// On the list the council sent.
    Offered,
    /// Chosen by CQC to track.
    Selected,
    /// The person (or their family or advocate) has been contacted.
    Contacted,
    /// Tracked: CQC's work on the case is finished.
    Done,
}

/// The roles CQC interviews on site (as councils described their visits in 2025-26).
///
/// ```
/// use cqc_assurance::workbook::InterviewRole;
/// assert_eq!(InterviewRole::parse("Director of Adult Social Services").unwrap(), InterviewRole::Dass);
/// assert_eq!(InterviewRole::parse("PSW").unwrap(), InterviewRole::PrincipalSocialWorker);
/// assert_eq!(InterviewRole::parse("mayor").unwrap_err().code(), "unknown_choice");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum InterviewRole {
    /// The cabinet member for adult social care.
    LeadMember,
    /// The Director of Adult Social Services.
    Dass,
    /// The principal social worker.
    PrincipalSocialWorker,
    /// The council's chief executive.
    ChiefExecutive,
    /// The chair of the scrutiny committee for adult social care.
    ScrutinyChair,
    /// Front-line staff (social workers, occupational therapists, care coordinators).
    FrontLineStaff,
    /// Partners: the NHS, providers, the voluntary sector, Healthwatch.
    Partners,
    /// People who draw on care and support, and unpaid carers.
    PeopleWhoDrawOnCare,
}

/// Defines `ALL`, `as_str`, `label` and `parse` (string form, label or an alias, ignoring
/// case and punctuation; anything else is `unknown_choice`) for a simple choice.
macro_rules! choice {
    ($ty:ident, $what:literal, [$($variant:ident => $s:literal, $label:literal $(, $alias:literal)*);+ $(;)?]) => {
        impl $ty {
            /// Every value, in order.
            pub const ALL: [$ty; choice!(@count $($variant)+)] = [$($ty::$variant),+];

            /// The string form in documents.
            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $s),+ }
            }

            /// A label for people.
            pub fn label(self) -> &'static str {
                match self { $($ty::$variant => $label),+ }
            }

            /// Finds a value by its string form, label or a common alias, ignoring case and
            /// punctuation.
            pub fn parse(input: &str) -> Result<$ty> {
                let key = normalise_name(input);
                $(
                    if key == normalise_name($s) || key == normalise_name($label)
                        $(|| key == normalise_name($alias))* {
                        return Ok($ty::$variant);
                    }
                )+
                Err(Error::UnknownChoice {
                    path: ".".into(),
                    what: $what.into(),
                    input: input.to_string(),
                    expected: [$($s),+].join(", "),
                })
            }
        }
    };
    (@count $($x:ident)+) => { 0 $(+ choice!(@one $x))+ };
    (@one $x:ident) => { 1 };
}

choice!(ReturnItemKind, "information return item kind", [
    Document => "document", "Document";
    Data => "data", "Data";
]);

choice!(ReturnItemStatus, "information return status", [
    NotStarted => "not_started", "Not started";
    InProgress => "in_progress", "In progress";
    Ready => "ready", "Ready";
    Submitted => "submitted", "Submitted", "sent";
]);

choice!(CaseStatus, "case status", [
    Offered => "offered", "Offered";
    Selected => "selected", "Selected";
    Contacted => "contacted", "Contacted";
    Done => "done", "Done", "tracked", "complete", "completed";
]);

choice!(InterviewRole, "interview role", [
    LeadMember => "lead_member", "Lead member", "cabinet member", "portfolio holder";
    Dass => "dass", "Director of Adult Social Services", "director of adult social care", "director";
    PrincipalSocialWorker => "principal_social_worker", "Principal social worker", "psw";
    ChiefExecutive => "chief_executive", "Chief executive", "ceo", "head of paid service";
    ScrutinyChair => "scrutiny_chair", "Scrutiny chair", "chair of scrutiny";
    FrontLineStaff => "front_line_staff", "Front-line staff", "frontline staff", "staff";
    Partners => "partners", "Partners", "partner";
    PeopleWhoDrawOnCare => "people_who_draw_on_care", "People who draw on care", "people with lived experience", "carers";
]);

impl ReturnItemStatus {
    /// Whether the item still has to be sent (anything but submitted).
    pub fn is_open(self) -> bool {
        self != ReturnItemStatus::Submitted
    }
}

impl InterviewRole {
    /// The statements a person in this role is usually asked about, and why: the project's
    /// default, drawn from what each quality statement covers in CQC's assessment framework
    /// for local authority assurance
    /// (<https://www.cqc.org.uk/local-systems/local-authorities/assessment-framework>). CQC
    /// publishes no such mapping; an interview's own `statements` replace it.
    ///
    /// ```
    /// use cqc_assurance::QualityStatement;
    /// use cqc_assurance::workbook::InterviewRole;
    /// let (statements, _why) = InterviewRole::LeadMember.default_statements();
    /// assert!(statements.contains(&QualityStatement::Governance));
    /// ```
    pub fn default_statements(self) -> (Vec<QualityStatement>, &'static str) {
        use QualityStatement as Q;
        match self {
            InterviewRole::LeadMember => (
                vec![Q::Governance, Q::Learning, Q::Partnerships, Q::Equity],
                "political leadership and oversight (leadership theme), partnership working and equity",
            ),
            InterviewRole::Dass => (
                Q::ALL.to_vec(),
                "the Director answers for every part of Part 1 of the Care Act",
            ),
            InterviewRole::PrincipalSocialWorker => (
                vec![Q::AssessingNeeds, Q::Safeguarding, Q::Learning, Q::Equity],
                "social work practice, its quality and learning, and safeguarding practice",
            ),
            InterviewRole::ChiefExecutive => (
                vec![Q::Governance, Q::Partnerships, Q::Learning],
                "corporate leadership, resources and sustainability, and partnerships",
            ),
            InterviewRole::ScrutinyChair => (
                vec![Q::Governance, Q::Learning],
                "democratic accountability: how performance and risk are scrutinised",
            ),
            InterviewRole::FrontLineStaff => (
                vec![Q::AssessingNeeds, Q::SupportingHealthierLives, Q::SafeSystems, Q::Safeguarding],
                "assessment, prevention, transitions and safeguarding as practised day to day",
            ),
            InterviewRole::Partners => (
                vec![Q::Partnerships, Q::CareProvision, Q::SafeSystems],
                "joint working, the care market and hospital discharge and transitions",
            ),
            InterviewRole::PeopleWhoDrawOnCare => (
                vec![Q::AssessingNeeds, Q::SupportingHealthierLives, Q::Equity, Q::CareProvision],
                "people's experience of assessment, support, choice and fairness",
            ),
        }
    }
}

/// One item of the information return: a document or data CQC asks for, the statements it
/// supports, who gathers it, when it is due and the evidence that answers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReturnItem {
    /// The item's reference as CQC numbers it in the request (`General IR3`, `QS3 IR3`), or the
    /// council's own reference for an item it added (unique in the workbook).
    pub reference: String,
    /// What is asked for.
    pub title: String,
    /// A document or data.
    pub kind: ReturnItemKind,
    /// The statements it supports (may be empty for general items).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<QualityStatement>,
    /// Who gathers it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// When it is due; when absent, the timeline's information return deadline applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// Where it stands.
    pub status: ReturnItemStatus,
    /// The ids of the evidence register's items that answer it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// Where the item comes from (the request, a public source of a starting list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Anything else about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// One case the council offers CQC for case tracking. Only fields that identify no one: a
/// local reference, the care pathway or client group, the statements it illustrates, where it
/// stands and a note. The analysis warns when a field looks like a name, an NHS number or a
/// date of birth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackedCase {
    /// The council's own reference for the case (not a case-management system number that
    /// could identify the person outside the council; unique in the workbook).
    pub reference: String,
    /// The care pathway or client group (`hospital discharge`, `transition to adulthood`).
    pub pathway: String,
    /// The statements it illustrates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<QualityStatement>,
    /// Where it stands.
    pub status: CaseStatus,
    /// A note without personal data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// One interview of the on-site visit, by role (never by name).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interview {
    /// Who is interviewed.
    pub role: InterviewRole,
    /// The day, once known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The time (`10:00` or `10:00-11:00`), once known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// The statements to prepare for; when empty, the role's defaults
    /// ([`InterviewRole::default_statements`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<QualityStatement>,
    /// A note without personal data (the room, who briefs the interviewee).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// An earlier self-assessment: the date, the scores (certain or as probabilities, as the
/// workbook's own) and, when CQC had assessed the council at about that time, its published
/// scores beside them.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    /// When the self-assessment was made (or approved).
    pub date: Date,
    /// What it was (`2024 annual self-assessment`).
    pub label: Option<String>,
    /// The self-score of each statement, in CQC's order (not scored when absent).
    pub scores: [SelfScore; 9],
    /// CQC's published scores, in CQC's order (`None` for a statement not given).
    pub published: Option<[Option<Score>; 9]>,
    /// Where the published scores come from.
    pub published_source: Option<String>,
}

impl Serialize for HistoryEntry {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("date", &self.date)?;
        if let Some(l) = &self.label {
            map.serialize_entry("label", l)?;
        }
        let scores: serde_json::Map<String, Value> = QualityStatement::ALL
            .into_iter()
            .filter_map(|qs| {
                let v = match &self.scores[qs.index()] {
                    SelfScore::NotScored => return None,
                    SelfScore::Score(score) => Value::from(score.get()),
                    SelfScore::Distribution(d) => serde_json::to_value(d).ok()?,
                    SelfScore::EvidenceCategories(e) => Value::from(e.statement_score().get()),
                };
                Some((qs.id().to_string(), v))
            })
            .collect();
        map.serialize_entry("scores", &scores)?;
        if let Some(p) = &self.published {
            let published: serde_json::Map<String, Value> = QualityStatement::ALL
                .into_iter()
                .filter_map(|qs| p[qs.index()].map(|s| (qs.id().to_string(), Value::from(s.get()))))
                .collect();
            map.serialize_entry("published", &published)?;
        }
        if let Some(src) = &self.published_source {
            map.serialize_entry("published_source", src)?;
        }
        map.end()
    }
}

// ---------------------------------------------------------------------------------------------
// Reading.

/// The fields of an information return item.
// One list: the fields are the CSV columns.
pub(crate) const RETURN_ITEM_FIELDS: [&str; 10] = super::csv_io::INFORMATION_RETURN_CSV_COLUMNS;

/// The fields of a tracked case.
// One list: the fields are the CSV columns.
pub(crate) const CASE_FIELDS: [&str; 5] = super::csv_io::CASE_TRACKING_CSV_COLUMNS;

/// The fields of an interview.
// One list: the fields are the CSV columns.
pub(crate) const INTERVIEW_FIELDS: [&str; 5] = super::csv_io::INTERVIEW_CSV_COLUMNS;

/// The fields of a history entry.
pub(crate) const HISTORY_FIELDS: [&str; 5] =
    ["date", "label", "scores", "published", "published_source"];

fn text(raw: &Object, key: &str, errors: &mut Vec<Error>) -> Option<String> {
    match raw.required_str(key) {
        Ok(s) if s.trim().is_empty() => {
            errors.push(Error::EmptyField {
                path: raw.path(key),
            });
            None
        }
        Ok(s) => Some(s.to_string()),
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

fn optional(raw: &Object, key: &str, errors: &mut Vec<Error>) -> Option<String> {
    match raw.str(key) {
        Ok(s) => s.filter(|s| !s.is_empty()).map(str::to_string),
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

fn optional_date(raw: &Object, key: &str, errors: &mut Vec<Error>) -> Option<Option<Date>> {
    match optional(raw, key, errors) {
        None => Some(None),
        Some(s) => match parse_date(&s, &raw.path(key)) {
            Ok(d) => Some(Some(d)),
            Err(e) => {
                errors.push(e);
                None
            }
        },
    }
}

fn choice<T>(
    raw: &Object,
    key: &str,
    parse: fn(&str) -> Result<T>,
    errors: &mut Vec<Error>,
) -> Option<T> {
    let s = text(raw, key, errors)?;
    parse(&s)
        .map_err(|e| errors.push(e.under(&raw.path(key))))
        .ok()
}

fn statements(raw: &Object, key: &str, errors: &mut Vec<Error>) -> Vec<QualityStatement> {
    match raw.strings(key) {
        Ok(items) => {
            let items: Vec<String> = items.into_iter().map(|(_, s)| s.to_string()).collect();
            let path = raw.path(key);
            super::document::statement_list(&items, &|i| format!("{path}[{i}]"), errors)
        }
        Err(e) => {
            errors.push(e);
            Vec::new()
        }
    }
}

fn strings(raw: &Object, key: &str, errors: &mut Vec<Error>) -> Vec<String> {
    match raw.strings(key) {
        Ok(items) => {
            let mut out = Vec::new();
            for (p, s) in items {
                if s.trim().is_empty() {
                    errors.push(Error::EmptyField { path: p });
                } else {
                    out.push(s.to_string());
                }
            }
            out
        }
        Err(e) => {
            errors.push(e);
            Vec::new()
        }
    }
}

/// Reads one information return item, every problem with its path.
pub(crate) fn read_return_item(
    value: &Value,
    path: &str,
    errors: &mut Vec<Error>,
) -> Option<ReturnItem> {
    let raw = Object::new(
        value,
        path,
        "an information return item {reference, title, kind, statements, owner, due, status, evidence, ...}",
        &RETURN_ITEM_FIELDS,
    )
    .map_err(|e| errors.push(e))
    .ok()?;
    let before = errors.len();
    let reference = text(&raw, "reference", errors);
    let title = text(&raw, "title", errors);
    let kind = choice(&raw, "kind", ReturnItemKind::parse, errors);
    let statements = statements(&raw, "statements", errors);
    let owner = optional(&raw, "owner", errors);
    let due = optional_date(&raw, "due", errors);
    let status = choice(&raw, "status", ReturnItemStatus::parse, errors);
    let evidence = strings(&raw, "evidence", errors);
    let source = optional(&raw, "source", errors);
    let notes = optional(&raw, "notes", errors);
    if errors.len() > before {
        return None;
    }
    Some(ReturnItem {
        reference: reference?,
        title: title?,
        kind: kind?,
        statements,
        owner,
        due: due?,
        status: status?,
        evidence,
        source,
        notes,
    })
}

/// Reads one tracked case.
pub(crate) fn read_case(value: &Value, path: &str, errors: &mut Vec<Error>) -> Option<TrackedCase> {
    let raw = Object::new(
        value,
        path,
        "a case {reference, pathway, statements, status, notes}",
        &CASE_FIELDS,
    )
    .map_err(|e| errors.push(e))
    .ok()?;
    let before = errors.len();
    let reference = text(&raw, "reference", errors);
    let pathway = text(&raw, "pathway", errors);
    let statements = statements(&raw, "statements", errors);
    let status = choice(&raw, "status", CaseStatus::parse, errors);
    let notes = optional(&raw, "notes", errors);
    if errors.len() > before {
        return None;
    }
    Some(TrackedCase {
        reference: reference?,
        pathway: pathway?,
        statements,
        status: status?,
        notes,
    })
}

/// Whether `s` is a time of day `HH:MM` (24-hour clock) or a range `HH:MM-HH:MM` whose end is
/// after its start.
fn valid_time(s: &str) -> bool {
    fn minutes(t: &str) -> Option<u32> {
        let (h, m) = t.trim().split_once(':')?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return None;
        }
        let h: u32 = h.parse().ok()?;
        let m: u32 = m.parse().ok()?;
        (h < 24 && m < 60).then_some(h * 60 + m)
    }
    match s.split_once('-') {
        Some((a, b)) => matches!((minutes(a), minutes(b)), (Some(a), Some(b)) if b > a),
        None => minutes(s).is_some(),
    }
}

/// Reads one interview.
pub(crate) fn read_interview(
    value: &Value,
    path: &str,
    errors: &mut Vec<Error>,
) -> Option<Interview> {
    let raw = Object::new(
        value,
        path,
        "an interview {role, date, time, statements, notes}",
        &INTERVIEW_FIELDS,
    )
    .map_err(|e| errors.push(e))
    .ok()?;
    let before = errors.len();
    let role = choice(&raw, "role", InterviewRole::parse, errors);
    let date = optional_date(&raw, "date", errors);
    let time = optional(&raw, "time", errors);
    if let Some(t) = &time {
        if !valid_time(t) {
            errors.push(Error::InvalidValue {
                path: raw.path("time"),
                message: format!(
                    "expected a time HH:MM or a range HH:MM-HH:MM (24-hour clock), got {t:?}"
                ),
            });
        }
    }
    let statements = statements(&raw, "statements", errors);
    let notes = optional(&raw, "notes", errors);
    if errors.len() > before {
        return None;
    }
    Some(Interview {
        role: role?,
        date: date?,
        time,
        statements,
        notes,
    })
}

/// Reads one value at a path, collecting its problems.
type ReadValue<T> = dyn Fn(&Value, &str, &mut Vec<Error>) -> Option<T>;

/// Reads a map `{statement: value}` with `read` for each value; a statement named twice (by two
/// spellings) is an error at its second key.
fn statement_map<T>(
    value: &Value,
    path: &str,
    errors: &mut Vec<Error>,
    read: &ReadValue<T>,
) -> Option<[Option<T>; 9]> {
    let Value::Object(map) = value else {
        errors.push(crate::json::invalid_type(
            value,
            "an object keyed by quality statement",
            path,
        ));
        return None;
    };
    let mut out: [Option<T>; 9] = Default::default();
    let mut seen = [false; 9];
    for (key, v) in map {
        let p = join_path(path, key);
        let qs = match crate::assessment::statement_key(key, &p) {
            Ok(qs) => qs,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        if std::mem::replace(&mut seen[qs.index()], true) {
            errors.push(Error::DuplicateStatement {
                path: p,
                statement: qs.id().to_string(),
            });
            continue;
        }
        out[qs.index()] = read(v, &p, errors);
    }
    Some(out)
}

/// Reads one earlier self-assessment.
pub(crate) fn read_history_entry(
    value: &Value,
    path: &str,
    errors: &mut Vec<Error>,
) -> Option<HistoryEntry> {
    let raw = Object::new(
        value,
        path,
        "an earlier self-assessment {date, label, scores, published, published_source}",
        &HISTORY_FIELDS,
    )
    .map_err(|e| errors.push(e))
    .ok()?;
    let before = errors.len();
    let date = text(&raw, "date", errors).and_then(|d| {
        parse_date(&d, &raw.path("date"))
            .map_err(|e| errors.push(e))
            .ok()
    });
    let label = optional(&raw, "label", errors);
    let scores = match raw.required("scores", "an object keyed by quality statement") {
        Ok(v) => statement_map(v, &raw.path("scores"), errors, &|v, p, errors| {
            match distribution_from_value(v, p) {
                Ok(None) => None,
                Ok(Some(d)) => Some(match (v, SelfScore::Distribution(d).certain()) {
                    (Value::Array(_), _) | (_, None) => SelfScore::Distribution(d),
                    (_, Some(s)) => SelfScore::Score(s),
                }),
                Err(e) => {
                    errors.push(e);
                    None
                }
            }
        }),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    if let Some(s) = &scores {
        if s.iter().all(Option::is_none) && errors.len() == before {
            errors.push(Error::EmptyField {
                path: raw.path("scores"),
            });
        }
    }
    let published = match raw.get("published") {
        None => Some(None),
        Some(v) => statement_map(v, &raw.path("published"), errors, &|v, p, errors| {
            crate::assessment::score_from_value(v, p, true)
                .map_err(|e| errors.push(e))
                .ok()
                .flatten()
        })
        .map(Some),
    };
    let published_source = optional(&raw, "published_source", errors);
    if errors.len() > before {
        return None;
    }
    let scores = scores?.map(|s| s.unwrap_or(SelfScore::NotScored));
    Some(HistoryEntry {
        date: date?,
        label,
        scores,
        published: published?,
        published_source,
    })
}

/// The starting list of information return items shipped with the library
/// (`data/information_return_starter.json`): documents and data that public sources say the
/// return holds, each with its source. A starting list to edit, not CQC's request: the
/// references (`Starter 01`...) are the list's own, because no public source found numbers
/// CQC's items; replace them with the references of the request when it comes.
///
/// ```
/// let items = cqc_assurance::information_return_starter();
/// assert!(items.len() >= 9);
/// assert!(items.iter().all(|i| i.source.as_deref().is_some_and(|s| s.starts_with("Starting list") && s.contains("https://"))));
/// ```
pub fn information_return_starter() -> Vec<ReturnItem> {
    const STARTER: &str = include_str!("../../data/information_return_starter.json");
    let Ok(Value::Array(items)) = serde_json::from_str::<Value>(STARTER) else {
        return Vec::new();
    };
    let mut errors = Vec::new();
    items
        .iter()
        .enumerate()
        .filter_map(|(i, v)| read_return_item(v, &format!("[{i}]"), &mut errors))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Personal data: what a field of the case register (or an interview's note) should never hold.

/// Whether ten digits pass the NHS number check: weights 10 down to 2 on the first nine, the
/// sum's remainder modulo 11 taken from 11 is the tenth digit (11 reads as 0; 10 means the
/// number is not valid). NHS England, *NHS number* data dictionary entry
/// (<https://www.datadictionary.nhs.uk/attributes/nhs_number.html>).
///
/// ```
/// use cqc_assurance::workbook::nhs_number_check_digit_valid;
/// assert!(nhs_number_check_digit_valid("9434765919")); // NHS England's published example
/// assert!(!nhs_number_check_digit_valid("9434765918"));
/// assert!(!nhs_number_check_digit_valid("943476591")); // nine digits
/// ```
pub fn nhs_number_check_digit_valid(digits: &str) -> bool {
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 10 || digits.chars().count() != 10 {
        return false;
    }
    let sum: u32 = d[..9]
        .iter()
        .enumerate()
        .map(|(i, x)| x * (10 - i as u32))
        .sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        c => c,
    };
    check == d[9]
}

/// The runs of ten digits in `s` written as an NHS number is (`9434765919` or `943 476 5919`),
/// not part of a longer number.
fn ten_digit_runs(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            // Digits and single spaces between digits.
            let mut j = i;
            let mut digits = String::new();
            while j < chars.len() {
                if chars[j].is_ascii_digit() {
                    digits.push(chars[j]);
                    j += 1;
                } else if chars[j] == ' '
                    && j + 1 < chars.len()
                    && chars[j + 1].is_ascii_digit()
                    && digits.len() < 10
                {
                    j += 1;
                } else {
                    break;
                }
            }
            if digits.len() == 10 {
                out.push(digits);
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether `s` holds a full date (day, month and year: `12/03/1950`, `12.3.50`, `1950-03-12`,
/// `12 March 1950`, `12 Mar 1950`) or the words `date of birth`, `DOB`, `born`.
fn looks_like_date_of_birth(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if lower.contains("date of birth") || words.iter().any(|w| matches!(*w, "dob" | "born")) {
        return true;
    }
    if lower.contains("d.o.b") {
        return true;
    }
    // Numeric dates: three groups of digits joined by / . or -.
    let tokens: Vec<&str> = lower.split_whitespace().collect();
    for t in &tokens {
        let t = t.trim_matches(|c: char| !c.is_ascii_digit());
        for sep in ['/', '.', '-'] {
            let parts: Vec<&str> = t.split(sep).collect();
            if parts.len() == 3
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
            {
                let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
                let dmy = lens[0] <= 2 && lens[1] <= 2 && matches!(lens[2], 2 | 4);
                let ymd = lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2;
                if dmy || ymd {
                    return true;
                }
            }
        }
    }
    // Written dates: a day, a month's name (or its first three letters), a year.
    for w in words.windows(3) {
        let day = w[0].len() <= 2 && w[0].chars().all(|c| c.is_ascii_digit());
        let month = MONTHS
            .iter()
            .any(|m| w[1] == *m || (w[1].len() >= 3 && m.starts_with(w[1])));
        let year = matches!(w[2].len(), 2 | 4) && w[2].chars().all(|c| c.is_ascii_digit());
        if day && month && year {
            return true;
        }
    }
    false
}

/// Words that start with a capital in a care record without being anyone's name: the care
/// vocabulary, places of care, days and months. A pair of capitalised words outside this list
/// is taken for a possible name.
const NOT_NAMES: &[&str] = &[
    "a",
    "about",
    "act",
    "adult",
    "adults",
    "advocacy",
    "advocate",
    "after",
    "age",
    "aged",
    "and",
    "april",
    "assessment",
    "august",
    "autism",
    "autistic",
    "before",
    "better",
    "board",
    "care",
    "carer",
    "carers",
    "case",
    "cases",
    "chc",
    "child",
    "children",
    "clinical",
    "commissioning",
    "community",
    "complex",
    "continuing",
    "council",
    "court",
    "day",
    "december",
    "deprivation",
    "direct",
    "disabilities",
    "disability",
    "discharge",
    "domiciliary",
    "during",
    "early",
    "english",
    "equality",
    "extra",
    "family",
    "february",
    "first",
    "for",
    "friday",
    "from",
    "fund",
    "funded",
    "funding",
    "health",
    "healthcare",
    "help",
    "home",
    "homes",
    "hospital",
    "housing",
    "icb",
    "in",
    "independent",
    "integrated",
    "january",
    "july",
    "june",
    "learning",
    "liberty",
    "living",
    "local",
    "march",
    "may",
    "mca",
    "mental",
    "monday",
    "needs",
    "new",
    "nhs",
    "november",
    "nursing",
    "occupational",
    "october",
    "of",
    "older",
    "on",
    "or",
    "ot",
    "pathway",
    "payment",
    "payments",
    "people",
    "person",
    "physical",
    "placement",
    "plan",
    "primary",
    "protection",
    "reablement",
    "referral",
    "residential",
    "respite",
    "review",
    "safeguarding",
    "saturday",
    "section",
    "sensory",
    "september",
    "service",
    "services",
    "shared",
    "short",
    "social",
    "specialist",
    "staff",
    "sunday",
    "support",
    "supported",
    "team",
    "term",
    "the",
    "therapy",
    "thursday",
    "to",
    "transition",
    "transitions",
    "tuesday",
    "unpaid",
    "wednesday",
    "with",
    "worker",
    "young",
    "year",
    "years",
];

/// Titles written before a name.
const TITLES: [&str; 8] = ["mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"];

/// Whether `s` holds something that reads as a person's name: a title followed by a
/// capitalised word (`Mrs Patel`), or two capitalised words in a row that are not care
/// vocabulary (`John Smith`). A heuristic: it errs on the side of warning.
fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s
        .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let capitalised = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
            && !NOT_NAMES.contains(&w.to_lowercase().as_str())
    };
    for pair in words.windows(2) {
        let first = pair[0].to_lowercase();
        if TITLES.contains(&first.as_str())
            && pair[1].chars().next().is_some_and(char::is_uppercase)
        {
            return true;
        }
        if capitalised(pair[0]) && capitalised(pair[1]) {
            return true;
        }
    }
    false
}

/// A field that may hold personal data, with what it looks like: `possible_nhs_number`,
/// `possible_date_of_birth` or `possible_name` (in that order of certainty), and a sentence.
pub(crate) fn personal_data_findings(s: &str) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let runs = ten_digit_runs(s);
    if let Some(run) = runs.first() {
        let valid = nhs_number_check_digit_valid(run);
        out.push((
            "possible_nhs_number",
            if valid {
                "holds ten digits that pass the NHS number check digit: it looks like an NHS number".to_string()
            } else {
                "holds ten digits written as an NHS number is (the check digit does not match, but a mistyped NHS number is still personal data)".to_string()
            },
        ));
    }
    if looks_like_date_of_birth(s) {
        out.push((
            "possible_date_of_birth",
            "holds a full date or the words \"date of birth\": it may be a date of birth".into(),
        ));
    }
    if looks_like_name(s) {
        out.push((
            "possible_name",
            "holds words that read as a person's name".into(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nhs_numbers_are_found_with_or_without_spaces() {
        assert_eq!(ten_digit_runs("ref 943 476 5919 x"), vec!["9434765919"]);
        assert_eq!(ten_digit_runs("9434765919"), vec!["9434765919"]);
        // Eleven digits (a phone number) and nine digits are not NHS numbers.
        assert!(ten_digit_runs("07700900123").is_empty());
        assert!(ten_digit_runs("123456789").is_empty());
        let f = personal_data_findings("NHS 943 476 5919");
        assert_eq!(f[0].0, "possible_nhs_number");
        assert!(f[0].1.contains("pass the NHS number check digit"));
        let f = personal_data_findings("4010232137");
        assert_eq!(f[0].0, "possible_nhs_number");
        // 4010232137: 4*10+0*9+1*8+0*7+2*6+3*5+2*4+1*3+3*2 = 92, 92 % 11 = 4, 11 - 4 = 7.
        assert!(nhs_number_check_digit_valid("4010232137"));
    }

    #[test]
    fn dates_of_birth_are_found_in_several_forms() {
        for s in [
            "born 1950",
            "DOB 12/03/1950",
            "12.3.50",
            "1950-03-12",
            "12 March 1950",
            "seen 3 Sep 2024",
            "date of birth unknown",
        ] {
            assert!(looks_like_date_of_birth(s), "{s}");
        }
        for s in ["hospital discharge", "2024-25 review", "QS3", "aged 80s"] {
            assert!(!looks_like_date_of_birth(s), "{s}");
        }
    }

    #[test]
    fn names_are_told_from_care_vocabulary() {
        for s in ["Mrs Patel", "John Smith's review", "seen by Dr Jones"] {
            assert!(looks_like_name(s), "{s}");
        }
        for s in [
            "Older People with Learning Disability",
            "Hospital discharge to Home",
            "transition to adulthood",
            "Mental Health Act review",
            "CHC funded",
        ] {
            assert!(!looks_like_name(s), "{s}");
        }
    }

    #[test]
    fn the_starter_list_reads_whole() {
        const STARTER: &str = include_str!("../../data/information_return_starter.json");
        let all: Vec<Value> = serde_json::from_str(STARTER).unwrap();
        assert_eq!(information_return_starter().len(), all.len());
    }

    #[test]
    fn times_are_checked() {
        for t in ["10:00", "9:30", "10:00-11:30", "10:00 - 11:00"] {
            assert!(valid_time(t), "{t}");
        }
        for t in ["25:00", "10", "11:00-10:00", "ten", "10:0"] {
            assert!(!valid_time(t), "{t}");
        }
    }
}
