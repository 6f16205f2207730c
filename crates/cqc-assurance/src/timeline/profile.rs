//! Milestones of an assessment and the rules (with sources) that place them.
//!
//! The default rules are a data file, `data/timeline_profile.json`, so that every default and
//! the source it rests on can be read (and reviewed in a diff) in one place.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The default profile as bundled: every rule with its source.
pub const DEFAULT_PROFILE_JSON: &str = include_str!("../../data/timeline_profile.json");

/// The milestones of one assessment, in their usual order.
///
/// Ids (the serialised form) are snake_case: `notification`, `visit`, `factual_accuracy_due`,
/// ... The ids of the earlier model are still read: `on_site_notice` is the second notice
/// ([`MilestoneId::VisitNotice`]), `set_up_meeting` the senior leadership presentation, and
/// `on_site_start` / `on_site_end` the first and last days of the [`MilestoneId::Visit`].
///
/// ```
/// use cqc_assurance::MilestoneId;
/// let id: MilestoneId = "factual_accuracy_due".parse().unwrap();
/// assert_eq!(id, MilestoneId::FactualAccuracyDue);
/// assert_eq!(id.as_str(), "factual_accuracy_due");
/// assert_eq!("on_site_start".parse::<MilestoneId>().unwrap(), MilestoneId::Visit);
/// assert_eq!("site_visit".parse::<MilestoneId>().unwrap_err().code(), "unknown_milestone");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MilestoneId {
    /// CQC's first notice: the email to the Director of Adult Social Services with the
    /// information return request, which starts the assessment.
    Notification,
    /// The information return items CQC wants within about a week.
    OneWeekItemsDue,
    /// The rest of the information return (documents, data, contacts).
    InformationReturnDue,
    /// The council's self-assessment (part of the information return).
    SelfAssessmentDue,
    /// The list of about 50 cases from which CQC picks those it tracks.
    CaseTrackingListDue,
    /// CQC's second notice, with the dates of the visit (6-8 weeks ahead).
    VisitNotice,
    /// The senior leadership presentation to the assessors (about a month before the visit).
    LeadershipPresentation,
    /// The data and performance focus group (about a week before the visit).
    DataFocusGroup,
    /// The on-site visit, from its first to its last day.
    Visit,
    /// The assessors' feedback at the end of the visit.
    VisitFeedback,
    /// The draft report reaches the council.
    DraftReport,
    /// The council's factual accuracy comments are due.
    FactualAccuracyDue,
    /// The final report and rating are published.
    Publication,
    /// The end of the council-side planning figure of 20 weeks (not a CQC figure).
    TwentyWeekEnd,
}

/// Which day of a milestone that lasts several days (the visit): its first or its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MilestonePart {
    /// The first day (or the only day).
    Start,
    /// The last day of the visit.
    End,
}

impl MilestoneId {
    /// Every milestone, in the usual order (the order of the process).
    pub const ALL: [MilestoneId; 14] = [
        MilestoneId::Notification,
        MilestoneId::OneWeekItemsDue,
        MilestoneId::InformationReturnDue,
        MilestoneId::SelfAssessmentDue,
        MilestoneId::CaseTrackingListDue,
        MilestoneId::VisitNotice,
        MilestoneId::LeadershipPresentation,
        MilestoneId::DataFocusGroup,
        MilestoneId::Visit,
        MilestoneId::VisitFeedback,
        MilestoneId::DraftReport,
        MilestoneId::FactualAccuracyDue,
        MilestoneId::Publication,
        MilestoneId::TwentyWeekEnd,
    ];

    /// The id string, e.g. `factual_accuracy_due`.
    pub fn as_str(self) -> &'static str {
        match self {
            MilestoneId::Notification => "notification",
            MilestoneId::OneWeekItemsDue => "one_week_items_due",
            MilestoneId::InformationReturnDue => "information_return_due",
            MilestoneId::SelfAssessmentDue => "self_assessment_due",
            MilestoneId::CaseTrackingListDue => "case_tracking_list_due",
            MilestoneId::VisitNotice => "visit_notice",
            MilestoneId::LeadershipPresentation => "leadership_presentation",
            MilestoneId::DataFocusGroup => "data_focus_group",
            MilestoneId::Visit => "visit",
            MilestoneId::VisitFeedback => "visit_feedback",
            MilestoneId::DraftReport => "draft_report",
            MilestoneId::FactualAccuracyDue => "factual_accuracy_due",
            MilestoneId::Publication => "publication",
            MilestoneId::TwentyWeekEnd => "twenty_week_end",
        }
    }

    /// A name for people.
    ///
    /// ```
    /// assert_eq!(cqc_assurance::MilestoneId::Visit.name(), "On-site visit");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            MilestoneId::Notification => "First notice from CQC (information return request)",
            MilestoneId::OneWeekItemsDue => "Information return: one-week items due",
            MilestoneId::InformationReturnDue => "Information return due",
            MilestoneId::SelfAssessmentDue => "Self-assessment due",
            MilestoneId::CaseTrackingListDue => "Case-tracking list due (about 50 cases)",
            MilestoneId::VisitNotice => "Second notice from CQC (dates of the visit)",
            MilestoneId::LeadershipPresentation => "Senior leadership presentation",
            MilestoneId::DataFocusGroup => "Data and performance focus group",
            MilestoneId::Visit => "On-site visit",
            MilestoneId::VisitFeedback => "Feedback at the end of the visit",
            MilestoneId::DraftReport => "Draft report received",
            MilestoneId::FactualAccuracyDue => "Factual accuracy response due",
            MilestoneId::Publication => "Report and rating published",
            MilestoneId::TwentyWeekEnd => {
                "End of the 20-week planning figure (the council's, not CQC's)"
            }
        }
    }

    /// The milestone as the object of a sentence: `the second notice`, `the first day of the
    /// visit` (`end`: `the last day of the visit`).
    ///
    /// ```
    /// use cqc_assurance::MilestoneId;
    /// assert_eq!(MilestoneId::Visit.phrase(true), "the last day of the visit");
    /// ```
    pub fn phrase(self, end: bool) -> &'static str {
        match self {
            MilestoneId::Notification => "the first notice",
            MilestoneId::OneWeekItemsDue => "the one-week items deadline",
            MilestoneId::InformationReturnDue => "the information return deadline",
            MilestoneId::SelfAssessmentDue => "the self-assessment deadline",
            MilestoneId::CaseTrackingListDue => "the case-tracking list deadline",
            MilestoneId::VisitNotice => "the second notice",
            MilestoneId::LeadershipPresentation => "the senior leadership presentation",
            MilestoneId::DataFocusGroup => "the data and performance focus group",
            MilestoneId::Visit if end => "the last day of the visit",
            MilestoneId::Visit => "the first day of the visit",
            MilestoneId::VisitFeedback => "the feedback at the end of the visit",
            MilestoneId::DraftReport => "the draft report",
            MilestoneId::FactualAccuracyDue => "the factual accuracy deadline",
            MilestoneId::Publication => "publication",
            MilestoneId::TwentyWeekEnd => "the end of the planning weeks",
        }
    }

    /// The recorded date of the milestone as the object of a sentence: for a deadline, its
    /// delivery (`the delivery of the information return`); otherwise [`phrase`](Self::phrase).
    pub fn recorded_phrase(self, end: bool) -> &'static str {
        match self {
            MilestoneId::OneWeekItemsDue => "the delivery of the one-week items",
            MilestoneId::InformationReturnDue => "the delivery of the information return",
            MilestoneId::SelfAssessmentDue => "the delivery of the self-assessment",
            MilestoneId::CaseTrackingListDue => "the delivery of the case-tracking list",
            MilestoneId::FactualAccuracyDue => "the factual accuracy response",
            _ => self.phrase(end),
        }
    }

    /// Whether this milestone is something that happens, a deadline for the council, or a
    /// marker.
    pub fn kind(self) -> MilestoneKind {
        match self {
            MilestoneId::OneWeekItemsDue
            | MilestoneId::InformationReturnDue
            | MilestoneId::SelfAssessmentDue
            | MilestoneId::CaseTrackingListDue
            | MilestoneId::FactualAccuracyDue => MilestoneKind::Deadline,
            MilestoneId::TwentyWeekEnd => MilestoneKind::Marker,
            _ => MilestoneKind::Event,
        }
    }

    /// Its place in the usual order (0 for the notification).
    pub fn position(self) -> usize {
        MilestoneId::ALL
            .iter()
            .position(|&m| m == self)
            .unwrap_or(usize::MAX)
    }

    /// Parses an id (exact snake_case id; hyphens and capitals are accepted too). The ids of
    /// the earlier model name the milestones that replaced them (`on_site_end` is the visit).
    pub fn parse(text: &str) -> Result<MilestoneId> {
        MilestoneId::parse_part(text).map(|(id, _)| id)
    }

    /// Parses an id and says which day of the visit it names: `visit_end` and the earlier
    /// `on_site_end` are its last day, `visit` and `on_site_start` its first.
    ///
    /// ```
    /// use cqc_assurance::{MilestoneId, MilestonePart};
    /// assert_eq!(MilestoneId::parse_part("on_site_end").unwrap(), (MilestoneId::Visit, MilestonePart::End));
    /// ```
    pub fn parse_part(text: &str) -> Result<(MilestoneId, MilestonePart)> {
        let norm = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        let alias = match norm.as_str() {
            "on_site_notice" => Some((MilestoneId::VisitNotice, MilestonePart::Start)),
            "set_up_meeting" => Some((MilestoneId::LeadershipPresentation, MilestonePart::Start)),
            "on_site_start" => Some((MilestoneId::Visit, MilestonePart::Start)),
            "on_site_end" | "visit_end" => Some((MilestoneId::Visit, MilestonePart::End)),
            _ => None,
        };
        alias
            .or_else(|| {
                MilestoneId::ALL
                    .into_iter()
                    .find(|m| m.as_str() == norm)
                    .map(|m| (m, MilestonePart::Start))
            })
            .ok_or_else(|| Error::UnknownMilestone {
                path: ".".into(),
                input: text.to_string(),
            })
    }
}

impl fmt::Display for MilestoneId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for MilestoneId {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        MilestoneId::parse(s)
    }
}

/// What sort of milestone it is.
///
/// ```
/// use cqc_assurance::MilestoneId;
/// use cqc_assurance::timeline::MilestoneKind;
/// assert_eq!(MilestoneId::FactualAccuracyDue.kind(), MilestoneKind::Deadline);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    /// Something that happens (CQC's notices, a meeting, the visit, a report). Its actual
    /// date, once recorded, replaces the plan and later milestones follow from it.
    Event,
    /// Something the council must deliver by a date. Its actual date is when it was delivered;
    /// the due date still follows from the rule.
    Deadline,
    /// A reference point (the end of the council's planning weeks).
    Marker,
}

/// How far a milestone is from the one it follows.
///
/// ```
/// use cqc_assurance::timeline::Offset;
/// assert_eq!(Offset::WorkingDays(10).describe(), "10 working days");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Offset {
    /// Calendar days.
    Days(i32),
    /// Calendar weeks (7 days each).
    Weeks(i32),
    /// Working days (Monday to Friday, less bank holidays in England), counted from the day
    /// after.
    WorkingDays(i32),
}

impl Offset {
    /// In words: `3 weeks`, `-6 weeks`, `10 working days`.
    pub fn describe(self) -> String {
        let (n, unit) = match self {
            Offset::Days(n) => (n, "day"),
            Offset::Weeks(n) => (n, "week"),
            Offset::WorkingDays(n) => (n, "working day"),
        };
        format!("{n} {unit}{}", if n.abs() == 1 { "" } else { "s" })
    }

    pub(crate) fn value(self) -> i32 {
        match self {
            Offset::Days(n) | Offset::Weeks(n) | Offset::WorkingDays(n) => n,
        }
    }
}

/// What to do when a computed date is not a working day.
///
/// ```
/// use cqc_assurance::timeline::Adjust;
/// assert_eq!(serde_json::to_string(&Adjust::NextWorkingDay).unwrap(), "\"next_working_day\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Adjust {
    /// Keep the date as computed.
    None,
    /// Move to the next working day (deadlines, meetings, visits).
    #[default]
    NextWorkingDay,
    /// Move to the working day before (a meeting "about a month before" the visit).
    PreviousWorkingDay,
}

/// The rule that places a milestone: an offset from another milestone (from the last day of
/// the visit when `from_end`), then an adjustment to a working day. JSON: `{"from":
/// "draft_report", "working_days": 10, "adjust": "next_working_day"}` (exactly one of `days`,
/// `weeks`, `working_days`; `"from": "visit_end"` counts from the visit's last day).
///
/// ```
/// use cqc_assurance::MilestoneId;
/// use cqc_assurance::timeline::{MilestoneRule, Offset};
/// let rule: MilestoneRule = serde_json::from_str(
///     r#"{"from": "visit_end", "weeks": 8}"#).unwrap();
/// assert_eq!((rule.from, rule.from_end), (MilestoneId::Visit, true));
/// assert_eq!(rule.offset, Offset::Weeks(8));
/// assert_eq!(rule.describe(), "8 weeks after the last day of the visit, moved to the next working day");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(as = "RawRule"),
    schemars(with = "RawRule")
)]
#[serde(try_from = "RawRule", into = "RawRule")]
pub struct MilestoneRule {
    /// The milestone this one is counted from.
    pub from: MilestoneId,
    /// Counted from the last day of `from` (the visit) rather than its first.
    pub from_end: bool,
    /// How far from it.
    pub offset: Offset,
    /// Adjustment when the result is not a working day.
    pub adjust: Adjust,
}

impl MilestoneRule {
    /// In words: `6 weeks before the first day of the visit, moved to the working day before`.
    pub fn describe(&self) -> String {
        let n = self.offset.value();
        let anchor = self.from.phrase(self.from_end);
        let adjust = match (self.adjust, self.offset) {
            (_, Offset::WorkingDays(n)) if n != 0 => "",
            (Adjust::NextWorkingDay, _) => ", moved to the next working day",
            (Adjust::PreviousWorkingDay, _) => ", moved to the working day before",
            (Adjust::None, _) => "",
        };
        if n == 0 {
            return format!("on {anchor}{adjust}");
        }
        let dir = if n < 0 { "before" } else { "after" };
        let abs = match self.offset {
            Offset::Days(n) => Offset::Days(n.abs()),
            Offset::Weeks(n) => Offset::Weeks(n.abs()),
            Offset::WorkingDays(n) => Offset::WorkingDays(n.abs()),
        };
        format!("{} {dir} {anchor}{adjust}", abs.describe())
    }

    /// The id the rule counts from as written in JSON (`visit_end` for the visit's last day).
    fn anchor_id(&self) -> &'static str {
        if self.from_end {
            "visit_end"
        } else {
            self.from.as_str()
        }
    }
}

/// The JSON form of a rule.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
#[serde(deny_unknown_fields)]
struct RawRule {
    /// The milestone counted from (`visit_end`: the visit's last day).
    from: String,
    /// Calendar days after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "declarations", ts(optional))]
    days: Option<i64>,
    /// Weeks after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "declarations", ts(optional))]
    weeks: Option<i64>,
    /// Working days after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "declarations", ts(optional))]
    working_days: Option<i64>,
    /// Where a date that is not a working day moves.
    #[serde(default)]
    adjust: Adjust,
}

/// Offsets beyond this (in their unit) are rejected as implausible.
const MAX_OFFSET: i64 = 5_000;

impl RawRule {
    fn validate(&self, path: &str) -> Result<MilestoneRule> {
        let (from, part) =
            MilestoneId::parse_part(&self.from).map_err(|e| e.under(&format!("{path}.from")))?;
        let given: Vec<(&str, i64)> = [
            ("days", self.days),
            ("weeks", self.weeks),
            ("working_days", self.working_days),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();
        let [(unit, n)] = given[..] else {
            return Err(Error::InvalidProfile {
                path: path.to_string(),
                message: "a rule needs exactly one of days, weeks or working_days".into(),
            });
        };
        if n.abs() > MAX_OFFSET {
            return Err(Error::InvalidProfile {
                path: format!("{path}.{unit}"),
                message: format!("offset {n} is beyond ±{MAX_OFFSET}"),
            });
        }
        let n = n as i32;
        let offset = match unit {
            "days" => Offset::Days(n),
            "weeks" => Offset::Weeks(n),
            _ => Offset::WorkingDays(n),
        };
        Ok(MilestoneRule {
            from,
            from_end: part == MilestonePart::End,
            offset,
            adjust: self.adjust,
        })
    }
}

impl TryFrom<RawRule> for MilestoneRule {
    type Error = Error;
    fn try_from(raw: RawRule) -> Result<Self> {
        raw.validate("rule")
    }
}

impl From<MilestoneRule> for RawRule {
    fn from(r: MilestoneRule) -> Self {
        let (days, weeks, working_days) = match r.offset {
            Offset::Days(n) => (Some(n.into()), None, None),
            Offset::Weeks(n) => (None, Some(n.into()), None),
            Offset::WorkingDays(n) => (None, None, Some(n.into())),
        };
        RawRule {
            from: r.anchor_id().to_string(),
            days,
            weeks,
            working_days,
            adjust: r.adjust,
        }
    }
}

/// One milestone of a profile: its rule (none for the notification, which everything else
/// follows) and where the default comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct MilestoneDefinition {
    /// Which milestone.
    pub id: MilestoneId,
    /// How it is placed; `None` only for the notification.
    pub rule: Option<MilestoneRule>,
    /// Whether the rule is CQC's own published rule (the 10 working days for factual
    /// accuracy), so that a date it gives from recorded dates is firm; the other rules are
    /// estimates from what councils and the LGA report, and CQC's emails set the real dates.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fixed: bool,
    /// Where the rule comes from, and which end of a range it uses.
    pub source: String,
    /// A link to the source, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "declarations", ts(optional))]
    pub source_url: Option<String>,
}

/// How CQC's report page describes the factual accuracy check.
pub const HOW_WE_REPORT_URL: &str =
    "https://www.cqc.org.uk/guidance-regulation/local-authorities/how-we-report-and-share";

/// The proposed cycle of re-assessment: the window of the next assessment after a
/// publication. A proposal, not a rule (see [`ReassessmentCycle::status`]).
///
/// ```
/// let cycle = cqc_assurance::TimelineProfile::default().reassessment;
/// assert_eq!((cycle.min_years, cycle.max_years, cycle.status.as_str()), (3, 4, "proposal"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct ReassessmentCycle {
    /// The earliest re-assessment, in years after publication.
    pub min_years: u32,
    /// The latest, in years after publication.
    pub max_years: u32,
    /// `proposal` while the cycle needs the Secretary of State's agreement.
    pub status: String,
    /// Where it comes from.
    pub source: String,
    /// A link to the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "declarations", ts(optional))]
    pub source_url: Option<String>,
}

/// All the rules of a timeline. [`TimelineProfile::default`] holds the defaults, each with its
/// source, read from the bundled `data/timeline_profile.json`; a council can load its own from
/// JSON (the same shape as the default serialises to; fields it leaves out keep the default).
///
/// ```
/// use cqc_assurance::{MilestoneId, TimelineProfile};
/// use cqc_assurance::timeline::Offset;
/// let profile = TimelineProfile::default();
/// let fa = profile.definition(MilestoneId::FactualAccuracyDue);
/// assert_eq!(fa.rule.unwrap().offset, Offset::WorkingDays(10));
/// assert_eq!(profile.visit_working_days, 4);
///
/// // Round trip through JSON, then change a rule.
/// let mut json: serde_json::Value = serde_json::to_value(&profile).unwrap();
/// json["milestones"][2]["rule"]["weeks"] = 4.into();
/// let edited = TimelineProfile::from_json(&json.to_string()).unwrap();
/// assert_eq!(edited.definition(MilestoneId::InformationReturnDue).rule.unwrap().offset,
///            Offset::Weeks(4));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct TimelineProfile {
    /// The council-side planning figure the status counts weeks against (20; not CQC's).
    pub weeks_total: u32,
    /// Where the planning figure comes from, and what it is not.
    pub weeks_total_source: String,
    /// The shortest notice of the visit's dates the sources document, in weeks; a shorter
    /// notice is reported.
    pub minimum_on_site_notice_weeks: u32,
    /// Where the minimum notice comes from.
    pub minimum_on_site_notice_source: String,
    /// How many working days the visit lasts when its last day is not recorded (first and
    /// last days included).
    pub visit_working_days: u32,
    /// Where the visit's length comes from.
    pub visit_source: String,
    /// A link to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "declarations", ts(optional))]
    pub visit_source_url: Option<String>,
    /// Reminders in calendar files: this many working days before each deadline (0: none).
    pub reminder_working_days: u32,
    /// The proposed re-assessment cycle.
    pub reassessment: ReassessmentCycle,
    /// One definition per milestone, in the usual order.
    pub milestones: Vec<MilestoneDefinition>,
}

impl Default for TimelineProfile {
    fn default() -> Self {
        static DEFAULT: OnceLock<TimelineProfile> = OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                crate::json::parse(DEFAULT_PROFILE_JSON)
                    .and_then(|v| RawProfile::read(&v, ""))
                    .and_then(|raw| raw.validate("", None))
                    .unwrap_or_else(|_| unreachable!("the bundled profile is valid (tested)"))
            })
            .clone()
    }
}

/// The JSON form of a profile ([`RawProfile::read`]), validated into [`TimelineProfile`].
#[derive(Debug, Default)]
pub(crate) struct RawProfile {
    weeks_total: Option<u32>,
    weeks_total_source: Option<String>,
    minimum_on_site_notice_weeks: Option<u32>,
    minimum_on_site_notice_source: Option<String>,
    visit_working_days: Option<u32>,
    visit_source: Option<String>,
    visit_source_url: Option<String>,
    reminder_working_days: Option<u32>,
    reassessment: Option<ReassessmentCycle>,
    milestones: Vec<RawDefinition>,
}

#[derive(Debug)]
struct RawDefinition {
    id: String,
    rule: Option<RawRule>,
    fixed: bool,
    source: String,
    source_url: Option<String>,
}

const PROFILE_FIELDS: [&str; 11] = [
    "description",
    "weeks_total",
    "weeks_total_source",
    "minimum_on_site_notice_weeks",
    "minimum_on_site_notice_source",
    "visit_working_days",
    "visit_source",
    "visit_source_url",
    "reminder_working_days",
    "reassessment",
    "milestones",
];

impl RawProfile {
    /// Reads the JSON form of a profile at `path` (field types and names; [`RawProfile::validate`]
    /// checks the rest).
    pub(crate) fn read(value: &serde_json::Value, path: &str) -> Result<RawProfile> {
        use crate::json::Object;
        let raw = Object::new(
            value,
            path,
            "a timeline profile {weeks_total, visit_working_days, milestones, ...}",
            &PROFILE_FIELDS,
        )?;
        raw.str("description")?;
        let whole = |raw: &Object, key: &str, unit: &str| -> Result<Option<u32>> {
            match raw.i64(key)? {
                None => Ok(None),
                Some(n) => u32::try_from(n).map(Some).map_err(|_| Error::InvalidJson {
                    path: raw.path(key),
                    message: format!(
                        "invalid value: integer `{n}`, expected a whole number of {unit}"
                    ),
                }),
            }
        };
        let text = |key: &str| -> Result<Option<String>> { Ok(raw.str(key)?.map(str::to_string)) };
        let reassessment = match raw.get("reassessment") {
            None => None,
            Some(v) => {
                let p = raw.path("reassessment");
                let r = Object::new(
                    v,
                    &p,
                    "a re-assessment cycle {min_years, max_years, status, source, source_url}",
                    &["min_years", "max_years", "status", "source", "source_url"],
                )?;
                let years = |key: &str| -> Result<u32> {
                    r.required(key, "a whole number of years")?;
                    Ok(whole(&r, key, "years")?.unwrap_or_default())
                };
                Some(ReassessmentCycle {
                    min_years: years("min_years")?,
                    max_years: years("max_years")?,
                    status: r.str("status")?.unwrap_or("proposal").to_string(),
                    source: r.str("source")?.unwrap_or_default().to_string(),
                    source_url: r.str("source_url")?.map(str::to_string),
                })
            }
        };
        raw.required("milestones", "a list of milestones")?;
        let list_path = raw.path("milestones");
        let mut milestones = Vec::new();
        for (i, m) in raw.list("milestones")?.iter().enumerate() {
            let item_path = format!("{list_path}[{i}]");
            let m = Object::new(
                m,
                &item_path,
                "a milestone {id, rule, fixed, source, source_url}",
                &["id", "rule", "fixed", "source", "source_url"],
            )?;
            let rule = match m.get("rule") {
                None => None,
                Some(r) => Some(RawRule::read(r, &m.path("rule"))?),
            };
            milestones.push(RawDefinition {
                id: m.required_str("id")?.to_string(),
                rule,
                fixed: m.bool("fixed")?.unwrap_or(false),
                source: m.str("source")?.unwrap_or_default().to_string(),
                source_url: m.str("source_url")?.map(str::to_string),
            });
        }
        Ok(RawProfile {
            weeks_total: whole(&raw, "weeks_total", "weeks")?,
            weeks_total_source: text("weeks_total_source")?,
            minimum_on_site_notice_weeks: whole(&raw, "minimum_on_site_notice_weeks", "weeks")?,
            minimum_on_site_notice_source: text("minimum_on_site_notice_source")?,
            visit_working_days: whole(&raw, "visit_working_days", "working days")?,
            visit_source: text("visit_source")?,
            visit_source_url: text("visit_source_url")?,
            reminder_working_days: whole(&raw, "reminder_working_days", "working days")?,
            reassessment,
            milestones,
        })
    }
}

impl RawRule {
    /// Reads the JSON form of a rule at `path`.
    fn read(value: &serde_json::Value, path: &str) -> Result<RawRule> {
        let raw = crate::json::Object::new(
            value,
            path,
            "a rule {from, days | weeks | working_days, adjust}",
            &["from", "days", "weeks", "working_days", "adjust"],
        )?;
        let adjust = raw.variant("adjust")?.unwrap_or_default();
        Ok(RawRule {
            from: raw.required_str("from")?.to_string(),
            days: raw.i64("days")?,
            weeks: raw.i64("weeks")?,
            working_days: raw.i64("working_days")?,
            adjust,
        })
    }
}

impl<'de> Deserialize<'de> for TimelineProfile {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        // Through the same reader as `from_json`, so that both accept the same documents.
        let value = serde_json::Value::deserialize(d)?;
        TimelineProfile::from_value(&value, "").map_err(serde::de::Error::custom)
    }
}

impl RawProfile {
    /// Checks the profile: every milestone exactly once, only the notification without a rule,
    /// rules that refer to known milestones without a cycle, plausible numbers. Fields left
    /// out take their value from `base` (the default profile); without a base they are
    /// required (the bundled profile itself).
    pub(crate) fn validate(
        &self,
        prefix: &str,
        base: Option<&TimelineProfile>,
    ) -> Result<TimelineProfile> {
        let at = |p: String| crate::error::join_path(prefix, &p);
        let invalid = |path: String, message: String| Error::InvalidProfile {
            path: at(path),
            message,
        };
        let mut milestones: Vec<MilestoneDefinition> = Vec::new();
        for (i, d) in self.milestones.iter().enumerate() {
            let (id, part) = MilestoneId::parse_part(&d.id)
                .map_err(|e| e.under(&at(format!("milestones[{i}].id"))))?;
            if part == MilestonePart::End {
                return Err(invalid(
                    format!("milestones[{i}].id"),
                    format!(
                        "{} is not a milestone of its own: the visit is one milestone from its \
                         first to its last day (id `visit`); set its length with \
                         visit_working_days",
                        d.id.trim()
                    ),
                ));
            }
            if milestones.iter().any(|m| m.id == id) {
                return Err(invalid(
                    format!("milestones[{i}].id"),
                    format!("milestone {id} is defined twice"),
                ));
            }
            let rule = match &d.rule {
                Some(r) => Some(r.validate(&at(format!("milestones[{i}].rule")))?),
                None => None,
            };
            match (id, rule) {
                (MilestoneId::Notification, Some(_)) => {
                    return Err(invalid(
                        format!("milestones[{i}].rule"),
                        "the notification is recorded, not computed: it takes no rule".into(),
                    ))
                }
                (MilestoneId::Notification, None) => {}
                (_, None) => {
                    return Err(invalid(
                        format!("milestones[{i}].rule"),
                        format!("milestone {id} needs a rule"),
                    ))
                }
                (_, Some(r)) if r.from == id => {
                    return Err(invalid(
                        format!("milestones[{i}].rule.from"),
                        format!("milestone {id} cannot be counted from itself"),
                    ))
                }
                _ => {}
            }
            milestones.push(MilestoneDefinition {
                id,
                rule,
                fixed: d.fixed,
                source: d.source.clone(),
                source_url: d.source_url.clone(),
            });
        }
        for id in MilestoneId::ALL {
            if !milestones.iter().any(|m| m.id == id) {
                return Err(invalid(
                    "milestones".into(),
                    format!("milestone {id} is missing"),
                ));
            }
        }
        // Every milestone in the usual order, whatever order the document gave.
        milestones.sort_unstable_by_key(|m| m.id.position());
        let need = |field: &str| invalid(field.into(), format!("{field} is missing"));
        let number = |given: Option<u32>, from_base: Option<u32>, field: &str| -> Result<u32> {
            given.or(from_base).ok_or_else(|| need(field))
        };
        let string = |given: &Option<String>, from_base: Option<&String>, field: &str| {
            given
                .clone()
                .or_else(|| from_base.cloned())
                .ok_or_else(|| need(field))
        };
        let profile = TimelineProfile {
            weeks_total: number(self.weeks_total, base.map(|b| b.weeks_total), "weeks_total")?,
            weeks_total_source: string(
                &self.weeks_total_source,
                base.map(|b| &b.weeks_total_source),
                "weeks_total_source",
            )?,
            minimum_on_site_notice_weeks: number(
                self.minimum_on_site_notice_weeks,
                base.map(|b| b.minimum_on_site_notice_weeks),
                "minimum_on_site_notice_weeks",
            )?,
            minimum_on_site_notice_source: string(
                &self.minimum_on_site_notice_source,
                base.map(|b| &b.minimum_on_site_notice_source),
                "minimum_on_site_notice_source",
            )?,
            visit_working_days: number(
                self.visit_working_days,
                base.map(|b| b.visit_working_days),
                "visit_working_days",
            )?,
            visit_source: string(
                &self.visit_source,
                base.map(|b| &b.visit_source),
                "visit_source",
            )?,
            visit_source_url: self
                .visit_source_url
                .clone()
                .or_else(|| base.and_then(|b| b.visit_source_url.clone())),
            reminder_working_days: number(
                self.reminder_working_days,
                base.map(|b| b.reminder_working_days),
                "reminder_working_days",
            )?,
            reassessment: self
                .reassessment
                .clone()
                .or_else(|| base.map(|b| b.reassessment.clone()))
                .ok_or_else(|| need("reassessment"))?,
            milestones,
        };
        if profile.weeks_total == 0 || profile.weeks_total > 520 {
            return Err(invalid(
                "weeks_total".into(),
                format!(
                    "{} weeks is not a plausible assessment length",
                    profile.weeks_total
                ),
            ));
        }
        if !(1..=20).contains(&profile.visit_working_days) {
            return Err(invalid(
                "visit_working_days".into(),
                format!(
                    "a visit of {} working days is not plausible (1 to 20)",
                    profile.visit_working_days
                ),
            ));
        }
        if profile.reminder_working_days > 30 {
            return Err(invalid(
                "reminder_working_days".into(),
                format!(
                    "a reminder {} working days ahead is not plausible (0 to 30)",
                    profile.reminder_working_days
                ),
            ));
        }
        let cycle = &profile.reassessment;
        if cycle.min_years == 0 || cycle.min_years > cycle.max_years || cycle.max_years > 20 {
            return Err(invalid(
                "reassessment".into(),
                format!(
                    "a cycle of {} to {} years is not plausible (1 to 20, the first no more than \
                     the second)",
                    cycle.min_years, cycle.max_years
                ),
            ));
        }
        // Every chain of rules must lead back to the notification.
        for (i, m) in profile.milestones.iter().enumerate() {
            let mut seen = vec![m.id];
            let mut cur = m.id;
            while let Some(rule) = profile.definition(cur).rule {
                cur = rule.from;
                if seen.contains(&cur) {
                    return Err(invalid(
                        format!("milestones[{i}].rule.from"),
                        format!(
                            "the rules form a cycle: {}",
                            seen.iter()
                                .chain([&cur])
                                .map(|m| m.as_str())
                                .collect::<Vec<_>>()
                                .join(" -> ")
                        ),
                    ));
                }
                seen.push(cur);
            }
        }
        Ok(profile)
    }
}

impl TimelineProfile {
    /// Reads a profile from JSON (the shape [`TimelineProfile::default`] serialises to; fields
    /// left out keep the default's values, but every milestone must be defined).
    /// Errors: `invalid_json` for malformed JSON, `unknown_milestone` for an id that is not one,
    /// `invalid_profile` for a missing or duplicated milestone, a missing rule or a cycle.
    ///
    /// ```
    /// let err = cqc_assurance::TimelineProfile::from_json(r#"{"milestones": []}"#).unwrap_err();
    /// assert_eq!(err.code(), "invalid_profile");
    /// ```
    pub fn from_json(text: &str) -> Result<TimelineProfile> {
        TimelineProfile::from_value(&crate::json::parse(text)?, "")
    }

    /// As [`TimelineProfile::from_json`], from a parsed document at `path`.
    pub(crate) fn from_value(value: &serde_json::Value, path: &str) -> Result<TimelineProfile> {
        let base = TimelineProfile::default();
        RawProfile::read(value, path)?.validate(path, Some(&base))
    }

    /// Checks a profile built in code (fields are public): the same rules as
    /// [`from_json`](Self::from_json).
    pub fn validate(&self) -> Result<()> {
        let raw = RawProfile {
            weeks_total: Some(self.weeks_total),
            weeks_total_source: Some(self.weeks_total_source.clone()),
            minimum_on_site_notice_weeks: Some(self.minimum_on_site_notice_weeks),
            minimum_on_site_notice_source: Some(self.minimum_on_site_notice_source.clone()),
            visit_working_days: Some(self.visit_working_days),
            visit_source: Some(self.visit_source.clone()),
            visit_source_url: self.visit_source_url.clone(),
            reminder_working_days: Some(self.reminder_working_days),
            reassessment: Some(self.reassessment.clone()),
            milestones: self
                .milestones
                .iter()
                .map(|m| RawDefinition {
                    id: m.id.as_str().to_string(),
                    rule: m.rule.map(RawRule::from),
                    fixed: m.fixed,
                    source: m.source.clone(),
                    source_url: m.source_url.clone(),
                })
                .collect(),
        };
        raw.validate("profile", None).map(|_| ())
    }

    /// The definition of one milestone.
    pub fn definition(&self, id: MilestoneId) -> &MilestoneDefinition {
        self.milestones
            .iter()
            .find(|m| m.id == id)
            .unwrap_or_else(|| unreachable!("a validated profile defines every milestone"))
    }

    /// The milestones in an order where each comes after the one it is counted from.
    pub(crate) fn evaluation_order(&self) -> Vec<MilestoneId> {
        let mut order: Vec<MilestoneId> = Vec::with_capacity(self.milestones.len());
        while order.len() < self.milestones.len() {
            for m in &self.milestones {
                if order.contains(&m.id) {
                    continue;
                }
                match m.rule {
                    None => order.push(m.id),
                    Some(r) if order.contains(&r.from) => order.push(m.id),
                    _ => {}
                }
            }
        }
        order
    }

    /// The chain of rules from `id` back to the notification: `(milestone, its rule)` from
    /// `id` upwards.
    pub(crate) fn chain(&self, id: MilestoneId) -> Vec<(MilestoneId, MilestoneRule)> {
        let mut out = Vec::new();
        let mut cur = id;
        while let Some(rule) = self.definition(cur).rule {
            out.push((cur, rule));
            cur = rule.from;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_profile_reads_and_cites_a_source_for_every_rule() {
        let raw = RawProfile::read(&crate::json::parse(DEFAULT_PROFILE_JSON).unwrap(), "").unwrap();
        let p = raw.validate("", None).unwrap();
        assert_eq!(p, TimelineProfile::default());
        for m in &p.milestones {
            assert!(m.source.len() > 40, "{}: {}", m.id, m.source);
            assert!(
                m.source_url
                    .as_deref()
                    .is_some_and(|u| u.starts_with("http")),
                "{} has no link",
                m.id
            );
        }
        for s in [
            &p.weeks_total_source,
            &p.visit_source,
            &p.minimum_on_site_notice_source,
        ] {
            assert!(s.len() > 40, "{s}");
        }
        assert!(p.reassessment.source.contains("Secretary of State"));
    }

    #[test]
    fn the_old_ids_name_their_new_milestones() {
        for (old, new, part) in [
            (
                "on_site_notice",
                MilestoneId::VisitNotice,
                MilestonePart::Start,
            ),
            (
                "set_up_meeting",
                MilestoneId::LeadershipPresentation,
                MilestonePart::Start,
            ),
            ("on_site_start", MilestoneId::Visit, MilestonePart::Start),
            ("on_site_end", MilestoneId::Visit, MilestonePart::End),
            ("On-Site End", MilestoneId::Visit, MilestonePart::End),
        ] {
            assert_eq!(MilestoneId::parse_part(old).unwrap(), (new, part), "{old}");
        }
        for id in MilestoneId::ALL {
            assert_eq!(MilestoneId::parse(id.as_str()).unwrap(), id);
        }
    }
}
