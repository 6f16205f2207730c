//! The workbook document: its model, reading it from JSON with every problem reported (with
//! its path), and writing it back.

use jiff::civil::Date;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use crate::assessment::{statement_key, EvidenceScores};
use crate::error::{join_path, Error, Result};
use crate::framework::{normalise_name, EvidenceCategory, LocalAuthorityUse, QualityStatement};
use crate::json::Object;
use crate::method::RatingMethod;
use crate::probability::{distribution_from_value, ScoreDistribution};
use crate::score::Score;
pub(crate) use crate::timeline::parse_date;
use crate::timeline::{plan_timeline, TimelineInput};

use super::preparation::{
    read_case, read_history_entry, read_interview, read_return_item, HistoryEntry, Interview,
    ReturnItem, TrackedCase,
};

/// The version of the workbook document this library reads and writes.
pub const WORKBOOK_VERSION: u32 = 1;

/// How many months after its date an evidence item without a review or expiry date is due for
/// review, unless the workbook says otherwise (`review_after_months`). This is the project's
/// default for keeping a register fresh, not a CQC rule.
pub const DEFAULT_REVIEW_AFTER_MONTHS: u32 = 12;

/// Where an action stands.
///
/// ```
/// use cqc_assurance::ActionStatus;
/// assert_eq!(ActionStatus::parse("In progress").unwrap(), ActionStatus::InProgress);
/// assert!(ActionStatus::Blocked.is_open());
/// assert!(!ActionStatus::Done.is_open());
/// assert_eq!(ActionStatus::parse("finished").unwrap_err().code(), "unknown_action_status");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Not started yet.
    NotStarted,
    /// Under way.
    InProgress,
    /// Stuck, waiting on something.
    Blocked,
    /// Completed.
    Done,
    /// Dropped; no longer planned.
    Cancelled,
}

impl ActionStatus {
    /// All statuses, in the order an action moves through them.
    pub const ALL: [ActionStatus; 5] = [
        ActionStatus::NotStarted,
        ActionStatus::InProgress,
        ActionStatus::Blocked,
        ActionStatus::Done,
        ActionStatus::Cancelled,
    ];

    /// The string form in documents: `not_started`, `in_progress`, `blocked`, `done`,
    /// `cancelled`.
    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "not_started",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Blocked => "blocked",
            ActionStatus::Done => "done",
            ActionStatus::Cancelled => "cancelled",
        }
    }

    /// A label for people: `Not started`, `In progress`...
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "Not started",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Blocked => "Blocked",
            ActionStatus::Done => "Done",
            ActionStatus::Cancelled => "Cancelled",
        }
    }

    /// Whether the action still has to be done (not started, in progress or blocked).
    pub fn is_open(self) -> bool {
        !matches!(self, ActionStatus::Done | ActionStatus::Cancelled)
    }

    /// Finds a status by its string form or label, ignoring case and punctuation.
    pub fn parse(input: &str) -> Result<ActionStatus> {
        let key = normalise_name(input);
        ActionStatus::ALL
            .into_iter()
            .find(|s| key == normalise_name(s.as_str()) || key == normalise_name(s.label()))
            .ok_or_else(|| Error::UnknownActionStatus {
                path: ".".into(),
                input: input.to_string(),
            })
    }
}

/// The red / amber / green rating a council gives an action's progress (its own judgement:
/// CQC does not use one).
///
/// ```
/// use cqc_assurance::Rag;
/// assert_eq!(Rag::parse("Amber").unwrap(), Rag::Amber);
/// assert_eq!(Rag::parse("g").unwrap(), Rag::Green); // R, A, G as plans write them
/// assert_eq!(Rag::Red.as_str(), "red");
/// assert_eq!(Rag::parse("blue").unwrap_err().code(), "unknown_rag");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rag {
    /// Off track.
    Red,
    /// At risk.
    Amber,
    /// On track.
    Green,
}

impl Rag {
    /// All three, red first.
    pub const ALL: [Rag; 3] = [Rag::Red, Rag::Amber, Rag::Green];

    /// The string form in documents: `red`, `amber`, `green`.
    pub fn as_str(self) -> &'static str {
        match self {
            Rag::Red => "red",
            Rag::Amber => "amber",
            Rag::Green => "green",
        }
    }

    /// A label for people: `Red`, `Amber`, `Green`.
    pub fn label(self) -> &'static str {
        match self {
            Rag::Red => "Red",
            Rag::Amber => "Amber",
            Rag::Green => "Green",
        }
    }

    /// Finds a RAG rating by its string form, label or initial (`R`, `A`, `G`), ignoring case
    /// and punctuation.
    pub fn parse(input: &str) -> Result<Rag> {
        let key = normalise_name(input);
        Rag::ALL
            .into_iter()
            .find(|r| key == r.as_str() || key == r.as_str()[..1])
            .ok_or_else(|| Error::UnknownRag {
                path: ".".into(),
                input: input.to_string(),
            })
    }
}

/// A dated note of an action's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressNote {
    /// When it was written (or what it reports happened).
    pub date: Date,
    /// What happened.
    pub note: String,
}

/// A council's own score for one quality statement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SelfScore {
    /// Not scored yet (`null`); the statement is left out of the prediction, with a warning.
    NotScored,
    /// A score from 1 to 4.
    Score(Score),
    /// Unsure: the probability of each score 1-4.
    Distribution(ScoreDistribution),
    /// Earlier method: scores of the evidence categories, from which the statement score
    /// follows by CQC's conversion.
    EvidenceCategories(EvidenceScores),
}

impl SelfScore {
    /// The score as a distribution (a certain score has probability 1), or `None` if not
    /// scored.
    ///
    /// ```
    /// use cqc_assurance::{Score, SelfScore};
    /// let s = SelfScore::Score(Score::new(3).unwrap());
    /// assert_eq!(s.distribution().unwrap().get(), [0.0, 0.0, 1.0, 0.0]);
    /// assert!(SelfScore::NotScored.distribution().is_none());
    /// ```
    pub fn distribution(&self) -> Option<ScoreDistribution> {
        match self {
            SelfScore::NotScored => None,
            SelfScore::Score(s) => Some(ScoreDistribution::certain(*s)),
            SelfScore::Distribution(d) => Some(*d),
            SelfScore::EvidenceCategories(e) => {
                Some(ScoreDistribution::certain(e.statement_score()))
            }
        }
    }

    /// The score when it is certain (given, or derived from evidence-category scores).
    pub fn certain(&self) -> Option<Score> {
        match self {
            SelfScore::Score(s) => Some(*s),
            SelfScore::EvidenceCategories(e) => Some(e.statement_score()),
            SelfScore::Distribution(d) => Score::ALL.into_iter().find(|s| d.probability(*s) == 1.0),
            SelfScore::NotScored => None,
        }
    }
}

/// The workbook's entry for one quality statement.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementEntry {
    /// The statement.
    pub statement: QualityStatement,
    /// The council's own score.
    pub self_score: SelfScore,
    /// What the council does well here, in its own words.
    pub strengths: Vec<String>,
    /// What it knows it must improve.
    pub areas_for_improvement: Vec<String>,
    /// The council's own account for the statement, in its words (free text).
    pub narrative: Option<String>,
}

impl StatementEntry {
    /// An entry not scored yet, with no strengths or areas for improvement.
    pub fn empty(statement: QualityStatement) -> StatementEntry {
        StatementEntry {
            statement,
            self_score: SelfScore::NotScored,
            strengths: Vec::new(),
            areas_for_improvement: Vec::new(),
            narrative: None,
        }
    }
}

/// One item of the evidence register: a document, survey, audit, case file review or the like
/// that supports one or more quality statements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceItem {
    /// The council's reference for the item (unique in the workbook).
    pub id: String,
    /// What it is.
    pub title: String,
    /// Which of CQC's evidence categories it belongs to.
    pub category: EvidenceCategory,
    /// The statements it supports (at least one; an item may support several).
    pub supports: Vec<QualityStatement>,
    /// Who is responsible for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The date of the item (when it was written, run or last updated).
    pub date: Date,
    /// When it must be reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_by: Option<Date>,
    /// The last day it may be relied on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<Date>,
    /// Where to find it (an address or a file path).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Anything else about it (an import keeps here the columns a spreadsheet added that are
    /// not fields of the register).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A measure with the England average to compare it with (ASCOF, the Adult Social Care Survey,
/// the Survey of Adult Carers in England, the Safeguarding Adults Collection...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// What it measures.
    pub name: String,
    /// The survey or data collection it comes from (`ASCOF`, `ASCS`, `SACE`...).
    pub collection: String,
    /// The council's figure, or `None` if not entered yet.
    pub value: Option<f64>,
    /// The England average for the same year.
    pub england_average: f64,
    /// Whether a higher figure is better.
    pub higher_is_better: bool,
    /// The year of the council's figure (`2023-24`), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<String>,
    /// The year of the England figure, when it differs from `year` (the council's figure is
    /// often a year more recent than the England average quoted beside it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub england_year: Option<String>,
    /// The unit shown after figures (`%`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The statements the indicator speaks to.
    #[serde(default)]
    pub statements: Vec<QualityStatement>,
    /// How far from the England average (in the indicator's units, either way) still counts
    /// as similar; when absent, 5% of the England average (see
    /// [`Indicator::tolerance`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similar_within: Option<f64>,
    /// Where the figures come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Anything else about it (an import keeps here the columns a spreadsheet added that are
    /// not fields of the register).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// The share of the England average within which a figure counts as similar when the indicator
/// gives no `similar_within` of its own: 5%.
pub const DEFAULT_SIMILAR_FRACTION: f64 = 0.05;

impl Indicator {
    /// The distance from the England average that still counts as similar: `similar_within`
    /// if given, otherwise 5% of the England average. This is the project's rule of thumb:
    /// the published collections do not come with one tolerance, and a council's figure
    /// within about a twentieth of the national one is usually described as in line with it.
    ///
    /// ```
    /// use cqc_assurance::Indicator;
    /// let carers = Indicator {
    ///     name: "Carers with as much control over daily life as they want".into(),
    ///     collection: "SACE".into(),
    ///     value: Some(14.36),
    ///     england_average: 21.53,
    ///     higher_is_better: true,
    ///     year: None,
    ///     england_year: None,
    ///     unit: Some("%".into()),
    ///     statements: vec![],
    ///     similar_within: None,
    ///     reference: None,
    ///     notes: None,
    /// };
    /// assert!((carers.tolerance() - 1.0765).abs() < 1e-9);
    /// ```
    pub fn tolerance(&self) -> f64 {
        self.similar_within
            .unwrap_or(DEFAULT_SIMILAR_FRACTION * self.england_average.abs())
    }
}

/// One action of the improvement plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// The council's reference (unique in the workbook).
    pub id: String,
    /// The statement it improves, or `None` for an action across statements.
    pub statement: Option<QualityStatement>,
    /// What will be done.
    pub description: String,
    /// Who is responsible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// When it is due.
    pub due: Date,
    /// Where it stands.
    pub status: ActionStatus,
    /// The council's red / amber / green view of its progress.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rag: Option<Rag>,
    /// When the action was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
    /// Dated notes of its progress, in the order written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<ProgressNote>,
    /// What people said that the action answers, in plain words for publication (the "you
    /// said" of the annual assurance account).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub you_said: Option<String>,
    /// The ids of the evidence register's items that show it was done.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// Anything else about it (an import keeps here the columns a spreadsheet added that are
    /// not fields of the plan).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A council's self-assessment workbook: its own score for each of the nine quality
/// statements (or the probability of each score when unsure), strengths and areas for
/// improvement, the evidence register, indicators against England, and the action plan.
///
/// Read it with [`Workbook::from_json`] (first problem) or [`Workbook::from_json_all`] (every
/// problem, each with its path); analyse it with [`analyse_workbook`](crate::analyse_workbook).
///
/// ```
/// use cqc_assurance::{Workbook, QualityStatement};
/// let mut wb = Workbook::new("Liverpool");
/// assert_eq!(wb.statements.len(), 9);
/// let text = wb.to_json();
/// assert_eq!(Workbook::from_json(&text).unwrap(), wb);
///
/// let bad = text.replace("\"equity\"", "\"equality\"");
/// let errors = Workbook::from_json_all(&bad).unwrap_err();
/// assert!(errors.iter().any(|e| e.code() == "unknown_statement" && e.path() == Some("statements.equality")));
/// assert!(errors.iter().any(|e| e.code() == "missing_statement" && e.path() == Some("statements.equity")));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Workbook {
    /// The council's name.
    pub council: String,
    /// The rating method the self-scores follow.
    pub method: RatingMethod,
    /// Notes about the workbook (who prepared it, what is provisional), shown at the top of the
    /// report.
    pub notes: Option<String>,
    /// The Government Security Classification marking the council gives the workbook
    /// (`OFFICIAL-SENSITIVE`), printed on what is made from it; none by default.
    pub protective_marking: Option<String>,
    /// Months after its date that an evidence item with no review or expiry date is due for
    /// review ([`DEFAULT_REVIEW_AFTER_MONTHS`] unless set).
    pub review_after_months: u32,
    /// One entry per quality statement, in CQC's order.
    pub statements: Vec<StatementEntry>,
    /// The evidence register.
    pub evidence: Vec<EvidenceItem>,
    /// Indicators against the England average.
    pub indicators: Vec<Indicator>,
    /// The action plan.
    pub actions: Vec<Action>,
    /// The assessment timeline, once the council has been notified: the timeline input
    /// document as [`TimelineInput::from_json`] reads it (notification date, actual dates),
    /// kept as given. The analysis plans it with the analysis date as the status date.
    pub timeline: Option<Value>,
    /// The information return tracker: the items CQC asks for and where each stands.
    pub information_return: Vec<ReturnItem>,
    /// The cases offered to CQC for case tracking (no personal data).
    pub case_tracking: Vec<TrackedCase>,
    /// The interview schedule of the on-site visit, by role.
    pub interviews: Vec<Interview>,
    /// Earlier self-assessments, with CQC's published scores where known.
    pub history: Vec<HistoryEntry>,
}

impl Workbook {
    /// A blank workbook for a council: nine statements not yet scored, current method, empty
    /// register, indicators and plan.
    pub fn new(council: &str) -> Workbook {
        Workbook {
            council: council.to_string(),
            method: RatingMethod::Current,
            notes: None,
            protective_marking: None,
            review_after_months: DEFAULT_REVIEW_AFTER_MONTHS,
            statements: QualityStatement::ALL
                .into_iter()
                .map(StatementEntry::empty)
                .collect(),
            evidence: Vec::new(),
            indicators: Vec::new(),
            actions: Vec::new(),
            timeline: None,
            information_return: Vec::new(),
            case_tracking: Vec::new(),
            interviews: Vec::new(),
            history: Vec::new(),
        }
    }

    /// A workbook to start from: [`Workbook::new`] plus the indicators CQC's detailed metrics
    /// list for assessing needs, each with the England figure quoted in CQC reports and the
    /// council's own figure left empty (`null`) to fill in.
    ///
    /// ```
    /// let wb = cqc_assurance::Workbook::starter("Anytown");
    /// assert!(wb.indicators.iter().all(|i| i.value.is_none()));
    /// assert!(wb.indicators.iter().any(|i| i.england_average == 77.6));
    /// ```
    pub fn starter(council: &str) -> Workbook {
        let ind = |name: &str,
                   collection: &str,
                   england: f64,
                   year: Option<&str>,
                   qs: &[QualityStatement],
                   reference: &str| Indicator {
            name: name.into(),
            collection: collection.into(),
            value: None,
            england_average: england,
            higher_is_better: true,
            year: year.map(str::to_string),
            england_year: None,
            unit: Some("%".into()),
            statements: qs.to_vec(),
            similar_within: None,
            reference: Some(reference.into()),
            notes: None,
        };
        let quoted = "England figure as quoted in CQC reports";
        use QualityStatement::AssessingNeeds as QS1;
        let mut wb = Workbook::new(council);
        wb.indicators = vec![
            ind(
                "People who use services with as much control over their daily life as they want",
                "ASCOF (from the Adult Social Care Survey)",
                77.6,
                Some("2023-24"),
                &[QS1],
                quoted,
            ),
            ind(
                "People who use services with as much social contact as they would like",
                "Adult Social Care Survey (ASCS)",
                45.6,
                None,
                &[QS1],
                quoted,
            ),
            ind(
                "People satisfied with their care and support",
                "Adult Social Care Survey (ASCS)",
                61.21,
                None,
                &[QS1],
                "England figure as quoted in CQC's report on Windsor and Maidenhead",
            ),
            ind(
                "Carers very or extremely satisfied with social services",
                "Survey of Adult Carers in England (SACE)",
                36.7,
                Some("2023-24"),
                &[QS1],
                quoted,
            ),
            ind(
                "Carers with as much control over their daily life as they want",
                "Survey of Adult Carers in England (SACE)",
                21.53,
                None,
                &[QS1],
                "England figure as quoted in CQC's report on Liverpool",
            ),
            ind(
                "People receiving direct payments",
                "ASCOF",
                25.5,
                None,
                &[],
                quoted,
            ),
        ];
        wb
    }

    /// The entry of a statement, if the workbook has one.
    pub fn statement(&self, statement: QualityStatement) -> Option<&StatementEntry> {
        self.statements.iter().find(|e| e.statement == statement)
    }

    /// Reads a workbook document, failing on the first problem (see
    /// [`Workbook::from_json_all`] for all of them).
    pub fn from_json(text: &str) -> Result<Workbook> {
        Workbook::from_json_all(text).map_err(|mut errors| errors.swap_remove(0))
    }

    /// Reads a workbook document, reporting every problem found, each with the path of its
    /// field (`statements.equity.self_score`, `evidence[3].supports[1]`, `actions[2].due`).
    /// The list is never empty on error.
    pub fn from_json_all(text: &str) -> std::result::Result<Workbook, Vec<Error>> {
        let value = crate::json::parse(text).map_err(|e| vec![e])?;
        Workbook::from_value_all(&value)
    }

    /// As [`Workbook::from_json_all`], from an already parsed JSON value.
    pub fn from_value_all(value: &Value) -> std::result::Result<Workbook, Vec<Error>> {
        let mut errors = Vec::new();
        let wb = read_workbook(value, &mut errors);
        match wb {
            Some(wb) if errors.is_empty() => Ok(wb),
            _ => {
                if errors.is_empty() {
                    errors.push(Error::InvalidJson {
                        path: ".".into(),
                        message: "the workbook could not be read".into(),
                    });
                }
                Err(errors)
            }
        }
    }

    /// The workbook as a document (pretty-printed JSON), which [`Workbook::from_json`] reads
    /// back unchanged.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self)
            .unwrap_or_else(|_| unreachable!("workbooks always serialise"));
        s.push('\n');
        s
    }
}

impl Serialize for Workbook {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("version", &WORKBOOK_VERSION)?;
        map.serialize_entry("council", &self.council)?;
        map.serialize_entry("method", &self.method)?;
        if let Some(n) = &self.notes {
            map.serialize_entry("notes", n)?;
        }
        if let Some(m) = &self.protective_marking {
            map.serialize_entry("protective_marking", m)?;
        }
        if self.review_after_months != DEFAULT_REVIEW_AFTER_MONTHS {
            map.serialize_entry("review_after_months", &self.review_after_months)?;
        }
        map.serialize_entry("statements", &StatementsSer(&self.statements))?;
        map.serialize_entry("evidence", &self.evidence)?;
        map.serialize_entry("indicators", &self.indicators)?;
        map.serialize_entry("actions", &self.actions)?;
        if let Some(t) = &self.timeline {
            map.serialize_entry("timeline", t)?;
        }
        if !self.information_return.is_empty() {
            map.serialize_entry("information_return", &self.information_return)?;
        }
        if !self.case_tracking.is_empty() {
            map.serialize_entry("case_tracking", &self.case_tracking)?;
        }
        if !self.interviews.is_empty() {
            map.serialize_entry("interviews", &self.interviews)?;
        }
        if !self.history.is_empty() {
            map.serialize_entry("history", &self.history)?;
        }
        map.end()
    }
}

struct StatementsSer<'a>(&'a [StatementEntry]);

impl Serialize for StatementsSer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for e in self.0 {
            map.serialize_entry(e.statement.id(), &EntrySer(e))?;
        }
        map.end()
    }
}

struct EntrySer<'a>(&'a StatementEntry);

impl Serialize for EntrySer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let e = self.0;
        let mut map = s.serialize_map(None)?;
        match &e.self_score {
            SelfScore::NotScored => map.serialize_entry("self_score", &Value::Null)?,
            SelfScore::Score(score) => map.serialize_entry("self_score", score)?,
            SelfScore::Distribution(d) => map.serialize_entry("self_score", d)?,
            SelfScore::EvidenceCategories(ev) => {
                let cats: serde_json::Map<String, Value> = ev
                    .iter()
                    .map(|(c, s)| (c.id().to_string(), Value::from(s.get())))
                    .collect();
                map.serialize_entry("evidence_scores", &cats)?;
            }
        }
        map.serialize_entry("strengths", &e.strengths)?;
        map.serialize_entry("areas_for_improvement", &e.areas_for_improvement)?;
        if let Some(n) = &e.narrative {
            map.serialize_entry("narrative", n)?;
        }
        map.end()
    }
}

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

fn read_workbook(value: &Value, errors: &mut Vec<Error>) -> Option<Workbook> {
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
pub(crate) const INDICATOR_FIELDS: [&str; 12] = super::csv_io::INDICATOR_CSV_COLUMNS;

/// The fields of an action in the document.
// One list: the fields are the CSV columns.
pub(crate) const ACTION_FIELDS: [&str; 12] = super::csv_io::ACTION_CSV_COLUMNS;

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
