//! The workbook document: its types (the statements' self-scores, the evidence register,
//! indicators, the action plan and the workbook itself) and their methods. Reading it from JSON
//! with every problem reported (with its path) is in `read`; writing it back in `write`.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::assessment::EvidenceScores;
use crate::error::{Error, Result};
use crate::framework::{normalise_name, EvidenceCategory, QualityStatement};
use crate::method::RatingMethod;
use crate::probability::ScoreDistribution;
use crate::score::Score;
pub(crate) use crate::timeline::parse_date;

use super::preparation::{HistoryEntry, Interview, ReturnItem, TrackedCase};

mod read;
mod write;

use read::read_workbook;
pub(crate) use read::{
    read_action, read_evidence_item, read_indicator, statement_list, timeline_input,
};
// The CSV module's tests check that these are its columns.
#[cfg(test)]
pub(crate) use read::{ACTION_FIELDS, INDICATOR_FIELDS};

/// The version of the workbook document this library reads and writes.
pub const WORKBOOK_VERSION: u32 = 1;

/// How many months after its date an evidence item without a review or expiry date is due for
/// review, unless the workbook says otherwise (`review_after_months`). This is the project's
/// default for keeping a register fresh, not a CQC rule.
pub const DEFAULT_REVIEW_AFTER_MONTHS: u32 = 12;

/// Where an action stands.
///
/// ```
/// use cqc_assurance::workbook::ActionStatus;
/// assert_eq!(ActionStatus::parse("In progress").unwrap(), ActionStatus::InProgress);
/// assert!(ActionStatus::Blocked.is_open());
/// assert!(!ActionStatus::Done.is_open());
/// assert_eq!(ActionStatus::parse("finished").unwrap_err().code(), "unknown_action_status");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
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
/// use cqc_assurance::workbook::Rag;
/// assert_eq!(Rag::parse("Amber").unwrap(), Rag::Amber);
/// assert_eq!(Rag::parse("g").unwrap(), Rag::Green); // R, A, G as plans write them
/// assert_eq!(Rag::Red.as_str(), "red");
/// assert_eq!(Rag::parse("blue").unwrap_err().code(), "unknown_rag");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
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
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct ProgressNote {
    /// When it was written (or what it reports happened).
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
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
    /// use cqc_assurance::Score;
    /// use cqc_assurance::workbook::SelfScore;
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
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
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
    #[cfg_attr(feature = "declarations", ts(optional))]
    pub owner: Option<String>,
    /// The date of the item (when it was written, run or last updated).
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub date: Date,
    /// When it must be reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "declarations",
        ts(as = "Option<crate::declarations::IsoDate>", optional),
        schemars(with = "Option<crate::declarations::IsoDate>")
    )]
    pub review_by: Option<Date>,
    /// The last day it may be relied on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "declarations",
        ts(as = "Option<crate::declarations::IsoDate>", optional),
        schemars(with = "Option<crate::declarations::IsoDate>")
    )]
    pub expires: Option<Date>,
    /// Where to find it (an address or a file path).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "declarations", ts(optional))]
    pub link: Option<String>,
    /// Anything else about it (an import keeps here the columns a spreadsheet added that are
    /// not fields of the register).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "declarations", ts(optional))]
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
    /// use cqc_assurance::workbook::Indicator;
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
    /// document as [`TimelineInput::from_json`](crate::TimelineInput::from_json) reads it
    /// (notification date, actual dates), kept as given. The analysis plans it with the
    /// analysis date as the status date.
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
