//! The assessment timeline as assessments ran in 2025-26: CQC's two notices, the information
//! return, the pre-visit meetings, the visit as one block, the draft report, factual accuracy
//! and publication, placed on working days in England, re-planned from what actually
//! happened, with the pre-election pause on publication, forecasts from real recorded cases,
//! the status on any date and an iCalendar export.
//!
//! Every default rule cites its source in the bundled profile (`data/timeline_profile.json`,
//! [`TimelineProfile::default`]); the pre-election calendar is `data/elections.json` and the
//! recorded cases `data/assessment_cases.csv`.

mod calendar;
mod cases;
mod elections;
mod holidays;
mod ical;
mod profile;

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

pub use calendar::{parse_date, parse_uk_date, WorkingCalendar};
pub use cases::{
    recorded_cases, recorded_cases_from_csv, Forecast, RecordedDate, RECORDED_CASES_CSV,
};
pub use elections::{
    first_thursday_in_may, latest_notice_of_election, ElectionCalendar, ElectionPeriodDefinition,
    ElectionYear, ElectionYears, PreElectionPeriod, PreElectionPolicy, PreElectionSettings,
    DEFAULT_ELECTIONS_JSON, NOTICE_WORKING_DAYS,
};
pub use holidays::{
    bank_holidays_from_gov_uk_json, easter_sunday, england_bank_holidays, BankHoliday,
    FIRST_RULE_YEAR, LAST_RULE_YEAR,
};
pub use profile::{
    Adjust, MilestoneDefinition, MilestoneId, MilestoneKind, MilestonePart, MilestoneRule, Offset,
    ReassessmentCycle, TimelineProfile, DEFAULT_PROFILE_JSON, HOW_WE_REPORT_URL,
};

use crate::error::{Error, Result};
pub(crate) use calendar::day_number;
use calendar::{add_days, long_date};
use holidays::check_year;

/// What a timeline is computed from: the notification date, what actually happened, the rules,
/// the working calendar and the pre-election settings.
///
/// ```
/// use cqc_assurance::{parse_date, plan_timeline, MilestoneId, TimelineInput};
/// let d = |s| parse_date(s, "date").unwrap();
/// let input = TimelineInput::new(d("2025-01-06"))
///     .with_visit(d("2025-03-18"), Some(d("2025-03-20")))
///     .with_actual(MilestoneId::DraftReport, d("2025-04-14"));
/// let timeline = plan_timeline(&input).unwrap();
/// // Ten working days from 14 April 2025, skipping Good Friday and Easter Monday.
/// assert_eq!(timeline.milestone(MilestoneId::FactualAccuracyDue).date, d("2025-04-30"));
/// // The visit is one milestone, its days counted inclusively.
/// assert_eq!(timeline.milestone(MilestoneId::Visit).length_days, Some(3));
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimelineInput {
    /// The day CQC's first notice arrived. When unknown, it is estimated from the recorded
    /// dates and marked as an estimate.
    pub notified: Option<Date>,
    /// What happened (events) or when something was delivered (deadlines). For the visit,
    /// its first day.
    pub actuals: BTreeMap<MilestoneId, Date>,
    /// The last day of the visit, when recorded.
    pub visit_end: Option<Date>,
    /// Actuals whose exact day is not known (for example "the week of 22 January").
    pub approximate: BTreeSet<MilestoneId>,
    /// The date to report the status on.
    pub today: Option<Date>,
    /// The rules.
    pub profile: TimelineProfile,
    /// Working days: bank holidays (CQC's deadlines fall on England's working days) and the
    /// council's closure days (which move only the council's own dates).
    pub calendar: WorkingCalendar,
    /// Pre-election periods: which years, and whether a publication in one is moved or flagged.
    pub pre_election: PreElectionSettings,
    /// The council, for the reader (and the calendar file's event ids).
    pub council: Option<String>,
    /// An id for this assessment (a workbook id), used in the calendar file's event ids in
    /// place of the council's name; give one to keep two assessments of a council apart.
    pub id: Option<String>,
    /// Free notes carried into the result (sources of the actuals, caveats).
    pub notes: Vec<String>,
}

impl TimelineInput {
    /// A timeline from a notification date, with the default rules and England's calendar.
    pub fn new(notified: Date) -> TimelineInput {
        TimelineInput {
            notified: Some(notified),
            ..TimelineInput::default()
        }
    }

    /// Records an actual date (for the visit: its first day).
    pub fn with_actual(mut self, id: MilestoneId, date: Date) -> TimelineInput {
        self.actuals.insert(id, date);
        self
    }

    /// Records the visit: its first day and, when known, its last.
    pub fn with_visit(mut self, start: Date, end: Option<Date>) -> TimelineInput {
        self.actuals.insert(MilestoneId::Visit, start);
        self.visit_end = end;
        self
    }

    /// Sets the date to report the status on.
    pub fn with_today(mut self, today: Date) -> TimelineInput {
        self.today = Some(today);
        self
    }

    /// Reads the JSON form:
    ///
    /// ```json
    /// {"notified": "2025-01-06",
    ///  "actuals": {"visit_notice": "2025-02-03", "visit": {"start": "2025-03-18", "end": "2025-03-20"}},
    ///  "approximate": ["leadership_presentation"],
    ///  "today": "2025-02-01",
    ///  "profile": {...}, "closures": ["2025-12-29"], "bank_holidays": [{"date": ..., "title": ...}],
    ///  "pre_election": {"election_years": "every_year", "policy": "move", "calendar": {...}},
    ///  "council": "...", "id": "...", "notes": ["..."]}
    /// ```
    ///
    /// The visit may also be given as `"visit": "2025-03-18"` (its first day),
    /// `"visit": "2025-03-18/2025-03-20"`, or with the earlier ids `on_site_start` and
    /// `on_site_end` (still read, as are `on_site_notice` and `set_up_meeting`). Everything but
    /// `notified` or `actuals` is optional. Bad dates are `invalid_date`, unknown milestone ids
    /// `unknown_milestone`, a date given twice under two names with different values
    /// `conflicting_dates`, each with the path of the field.
    ///
    /// ```
    /// use cqc_assurance::TimelineInput;
    /// let err = TimelineInput::from_json(r#"{"notified": "2025-01-06",
    ///     "actuals": {"site_visit": "2025-03-18"}}"#).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("unknown_milestone", Some("actuals.site_visit")));
    /// let old = TimelineInput::from_json(r#"{"notified": "2025-01-06",
    ///     "actuals": {"on_site_start": "2025-03-18", "on_site_end": "2025-03-20"}}"#).unwrap();
    /// assert_eq!(old.visit_end.unwrap().to_string(), "2025-03-20");
    /// ```
    pub fn from_json(text: &str) -> Result<TimelineInput> {
        TimelineInput::from_value(&crate::json::parse(text)?)
    }

    /// As [`TimelineInput::from_json`], from a parsed document (a workbook's `timeline`).
    pub(crate) fn from_value(doc: &serde_json::Value) -> Result<TimelineInput> {
        use crate::json::Object;
        const FIELDS: [&str; 11] = [
            "notified",
            "actuals",
            "approximate",
            "today",
            "profile",
            "closures",
            "bank_holidays",
            "pre_election",
            "council",
            "id",
            "notes",
        ];
        let raw = Object::new(
            doc,
            "",
            "a timeline input {notified, actuals, ...}",
            &FIELDS,
        )?;
        let mut input = TimelineInput {
            council: raw.str("council")?.map(str::to_string),
            id: raw.str("id")?.map(str::to_string),
            notes: raw
                .strings("notes")?
                .into_iter()
                .map(|(_, s)| s.to_string())
                .collect(),
            ..TimelineInput::default()
        };
        if let Some(n) = raw.str("notified")? {
            input.notified = Some(parse_date(n, "notified")?);
        }
        if let Some(v) = raw.get("actuals") {
            let paths = read_actuals(&mut input, v, &raw.path("actuals"))?;
            // Impossible orders reported at the field as written (an earlier id included).
            let at = |id: MilestoneId, end: bool| {
                paths
                    .get(&(id, end))
                    .cloned()
                    .unwrap_or_else(|| format!("actuals.{id}"))
            };
            if let Some(n) = input.notified {
                for (&id, &d) in &input.actuals {
                    if id != MilestoneId::Notification && d < n {
                        return Err(Error::DatesOutOfOrder {
                            path: at(id, false),
                            message: format!(
                                "{} is recorded on {d}, before the first notice on {n}",
                                if id == MilestoneId::Visit {
                                    "the first day of the visit"
                                } else {
                                    id.name()
                                }
                            ),
                        });
                    }
                }
            }
            if let (Some(s), Some(e)) = (input.actuals.get(&MilestoneId::Visit), input.visit_end) {
                if e < *s {
                    return Err(Error::DatesOutOfOrder {
                        path: at(MilestoneId::Visit, true),
                        message: format!(
                            "the visit is recorded as ending on {e}, before it starts on {s}"
                        ),
                    });
                }
            }
        }
        for (path, key) in raw.strings("approximate")? {
            let id = MilestoneId::parse(key).map_err(|e| e.under(&path))?;
            if !input.actuals.contains_key(&id) {
                return Err(Error::MissingDate {
                    path,
                    message: format!("{id} is marked approximate but has no actual date"),
                });
            }
            input.approximate.insert(id);
        }
        if let Some(t) = raw.str("today")? {
            input.today = Some(parse_date(t, "today")?);
        }
        if let Some(p) = raw.get("profile") {
            input.profile = TimelineProfile::from_value(p, "profile")?;
        }
        input.calendar = WorkingCalendar::read(&raw)?;
        if let Some(p) = raw.get("pre_election") {
            input.pre_election = PreElectionSettings::read(p, &raw.path("pre_election"))?;
        }
        Ok(input)
    }
}

/// Reads `actuals`: `{milestone: date}`, the visit as a date, `start/end` or `{start, end}`.
/// Returns the path each date was read at.
fn read_actuals(
    input: &mut TimelineInput,
    value: &serde_json::Value,
    path: &str,
) -> Result<BTreeMap<(MilestoneId, bool), String>> {
    use crate::json::Object;
    use serde_json::Value;
    let obj = Object::open(value, path, "an object of dates {milestone: date}")?;
    let mut named: BTreeMap<(MilestoneId, bool), String> = BTreeMap::new();
    let mut paths: BTreeMap<(MilestoneId, bool), String> = BTreeMap::new();
    let mut put = |input: &mut TimelineInput,
                   id: MilestoneId,
                   end: bool,
                   date: Date,
                   key: &str,
                   p: &str|
     -> Result<()> {
        let before = if end {
            input.visit_end
        } else {
            input.actuals.get(&id).copied()
        };
        if let Some(b) = before.filter(|b| *b != date) {
            let what = if end {
                "the last day of the visit".to_string()
            } else if id == MilestoneId::Visit {
                "the first day of the visit".to_string()
            } else {
                id.name().to_string()
            };
            return Err(Error::ConflictingDates {
                path: p.to_string(),
                message: format!(
                    "{what} is given twice: {b} ({}) and {date} ({key})",
                    named.get(&(id, end)).cloned().unwrap_or_default()
                ),
            });
        }
        named.insert((id, end), key.to_string());
        paths.insert((id, end), p.to_string());
        if end {
            input.visit_end = Some(date);
        } else {
            input.actuals.insert(id, date);
        }
        Ok(())
    };
    for key in obj.keys() {
        let p = obj.path(key);
        let Some(v) = obj.get(key) else { continue };
        let (id, part) = MilestoneId::parse_part(key).map_err(|e| e.under(&p))?;
        let end = part == MilestonePart::End;
        match v {
            Value::String(s) if id == MilestoneId::Visit && !end && s.contains('/') => {
                let (a, b) = s.split_once('/').unwrap_or((s, ""));
                put(input, id, false, parse_date(a.trim(), &p)?, key, &p)?;
                put(input, id, true, parse_date(b.trim(), &p)?, key, &p)?;
            }
            Value::String(s) => put(input, id, end, parse_date(s, &p)?, key, &p)?,
            Value::Object(_) if id == MilestoneId::Visit && !end => {
                let o = Object::new(v, &p, "the visit {start, end}", &["start", "end"])?;
                let start = parse_date(o.required_str("start")?, &o.path("start"))?;
                put(input, id, false, start, key, &o.path("start"))?;
                if let Some(e) = o.str("end")? {
                    put(
                        input,
                        id,
                        true,
                        parse_date(e, &o.path("end"))?,
                        key,
                        &o.path("end"),
                    )?;
                }
            }
            other => {
                let expected = if id == MilestoneId::Visit && !end {
                    "a date, START/END or {start, end}"
                } else {
                    "a date"
                };
                return Err(crate::json::invalid_type(other, expected, &p));
            }
        }
    }
    Ok(paths)
}

/// How a milestone's date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Recorded by the user.
    Actual,
    /// Recorded, but the exact day is not known.
    Approximate,
    /// Computed from the rules and the dates before it.
    Planned,
    /// Computed from an estimated date, or the estimated notification itself.
    Estimated,
    /// Worked back from a later recorded date: recording the visit shows the second notice
    /// came, so its date is taken as the rules place it before the visit.
    Inferred,
}

/// Where a milestone stands on the status date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MilestoneState {
    /// It happened, or was delivered, on or before the status date (or a later recorded date
    /// shows it did).
    Done,
    /// Its date is in the current week (Monday to Sunday), from the status date on.
    DueThisWeek,
    /// Its date has passed and nothing shows it happened.
    Overdue,
    /// Later.
    Upcoming,
}

/// One milestone of a computed timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct Milestone {
    /// Its id, e.g. `factual_accuracy_due`.
    pub id: MilestoneId,
    /// A name for people.
    pub name: String,
    /// Event, deadline or marker.
    pub kind: MilestoneKind,
    /// When it happens (events) or is due (deadlines); for the visit, its first day.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub date: Date,
    /// The visit's last day (`None` for one-day milestones).
    #[cfg_attr(
        feature = "declarations",
        ts(as = "Option<crate::declarations::IsoDate>"),
        schemars(with = "Option<crate::declarations::IsoDate>")
    )]
    pub end: Option<Date>,
    /// How `end` is known.
    pub end_basis: Option<Basis>,
    /// For the visit: its length in calendar days, first and last included.
    pub length_days: Option<i64>,
    /// For the visit: its working days, first and last included.
    pub length_working_days: Option<i64>,
    /// How `date` is known.
    pub basis: Basis,
    /// Whether the date is fixed: recorded, or a deadline counted by CQC's rules from recorded
    /// dates through deadlines only (a due date counted from a planned visit could move).
    pub firm: bool,
    /// What the rule gives from the dates before it (for comparison with an actual date).
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub planned: Date,
    /// The recorded date: when it happened, or for a deadline when it was delivered.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "Option<crate::declarations::IsoDate>"),
        schemars(with = "Option<crate::declarations::IsoDate>")
    )]
    pub actual: Option<Date>,
    /// The rule, `None` for the notification.
    pub rule: Option<MilestoneRule>,
    /// The rule in words.
    pub rule_text: String,
    /// Where the rule comes from.
    pub source: String,
    /// A link to the source, where there is one.
    pub source_url: Option<String>,
    /// When the rule's date was not used: that date and why (`2025-04-18 (Good Friday)`, a
    /// pre-election period).
    pub moved_from: Option<String>,
    /// For a deadline on or after a council closure day: the council's own date, its last day
    /// open on or before CQC's (CQC's date stays on England's working days).
    #[cfg_attr(
        feature = "declarations",
        ts(as = "Option<crate::declarations::IsoDate>"),
        schemars(with = "Option<crate::declarations::IsoDate>")
    )]
    pub council_date: Option<Date>,
    /// The closure days that touch this deadline, in words.
    pub council_note: Option<String>,
    /// For a deadline: the day of the calendar reminder (the profile's working days before,
    /// on the council's working days).
    #[cfg_attr(
        feature = "declarations",
        ts(as = "Option<crate::declarations::IsoDate>"),
        schemars(with = "Option<crate::declarations::IsoDate>")
    )]
    pub reminder: Option<Date>,
    /// What the recorded cases imply for a milestone not yet reached.
    pub forecast: Option<Forecast>,
    /// Where it stands on the status date (when one was given).
    pub state: Option<MilestoneState>,
    /// The later recorded milestone that shows it happened, when nothing of its own is
    /// recorded.
    pub implied_by: Option<MilestoneId>,
    /// Calendar days from the status date to `date` (negative when past).
    pub calendar_days_remaining: Option<i64>,
    /// The council's working days after the status date up to and including `date` (negative
    /// when past).
    pub working_days_remaining: Option<i64>,
}

/// Kinds of inconsistency found in the dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IssueKind {
    /// The visit's dates came with less notice than the documented minimum.
    ShortOnSiteNotice,
    /// A recorded date comes before one it should follow.
    OutOfOrder,
    /// A deadline was met late.
    AfterDeadline,
    /// A milestone falls before the first notice.
    BeforeNotification,
    /// A planned publication falls in a pre-election period (with the `flag` policy).
    PreElectionPeriod,
}

/// An inconsistency in the dates; the timeline is still computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct TimelineIssue {
    /// What sort of problem.
    pub kind: IssueKind,
    /// The milestone concerned.
    pub milestone: MilestoneId,
    /// A sentence for people.
    pub message: String,
    /// Whether the finding depends on a planned or estimated date rather than recorded ones.
    pub depends_on_plan: bool,
}

/// The time between two recorded dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct Interval {
    /// The earlier milestone.
    pub from: MilestoneId,
    /// The earlier date is the last day of the visit.
    pub from_end: bool,
    /// The later milestone.
    pub to: MilestoneId,
    /// The earlier date.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub from_date: Date,
    /// The later date.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub to_date: Date,
    /// Calendar days between them.
    pub calendar_days: i64,
    /// The same as weeks and days, e.g. `12 weeks 3 days`.
    pub weeks: String,
    /// Working days in England after `from_date` up to and including `to_date`.
    pub working_days: i64,
    /// Whether either date is only approximately known.
    pub approximate: bool,
}

/// Where the assessment stands on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct TimelineStatus {
    /// The status date.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub today: Date,
    /// Calendar days since the first notice (negative before it).
    pub days_elapsed: i64,
    /// Whole weeks since the first notice.
    pub weeks_elapsed: i64,
    /// The week of the assessment the status date is in: week 1 is the day of the first notice
    /// and the six days after it (0 before the first notice). The same number everywhere.
    pub week_number: i64,
    /// The council's planning figure the weeks are counted against (20; not CQC's).
    pub weeks_total: u32,
    /// Calendar days from the status date to the end of the planning weeks.
    pub calendar_days_to_end: i64,
    /// Working days from the status date to the end of the planning weeks.
    pub working_days_to_end: i64,
    /// Milestones done (recorded, or shown by a later recorded date).
    pub done: Vec<MilestoneId>,
    /// Milestones in the current week, not yet done.
    pub due_this_week: Vec<MilestoneId>,
    /// Milestones whose date has passed with nothing to show they happened.
    pub overdue: Vec<MilestoneId>,
    /// The next milestone not yet done, from the status date on.
    pub next: Option<MilestoneId>,
    /// Its date.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "Option<crate::declarations::IsoDate>"),
        schemars(with = "Option<crate::declarations::IsoDate>")
    )]
    pub next_date: Option<Date>,
    /// Calendar days to it.
    pub calendar_days_to_next: Option<i64>,
    /// Working days to it.
    pub working_days_to_next: Option<i64>,
    /// The status in one sentence, as the command and the report print it.
    pub summary: String,
}

/// The window in which the next assessment would come if CQC's proposed cycle is agreed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct NextAssessment {
    /// The publication it is counted from.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub from: Date,
    /// How the publication date is known.
    pub from_basis: Basis,
    /// The earliest (the cycle's shortest years after publication).
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub earliest: Date,
    /// The latest.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub latest: Date,
    /// `proposal` while the cycle needs the Secretary of State's agreement.
    pub status: String,
    /// In words, labelled as a proposal.
    pub text: String,
    /// Where the proposal comes from.
    pub source: String,
    /// A link to it.
    pub source_url: Option<String>,
}

/// A computed timeline: every milestone with its date, the inconsistencies found, the
/// durations between recorded dates, the pre-election periods, the window of the next
/// assessment and, when a status date was given, the status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct Timeline {
    /// The council, when given.
    pub council: Option<String>,
    /// The assessment's id, when given.
    pub id: Option<String>,
    /// The first notice's date (recorded or estimated).
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub notified: Date,
    /// Whether `notified` was recorded or estimated.
    pub notified_basis: Basis,
    /// How the notification date was estimated, when it was.
    pub notified_estimate: Option<String>,
    /// The milestones, in date order.
    pub milestones: Vec<Milestone>,
    /// Inconsistencies in the dates.
    pub issues: Vec<TimelineIssue>,
    /// Durations between consecutive recorded dates, then from the first to the last.
    pub intervals: Vec<Interval>,
    /// The status on the status date, when one was given.
    pub status: Option<TimelineStatus>,
    /// The council's planning figure in weeks (the profile's; not CQC's).
    pub weeks_total: u32,
    /// What the planning weeks are, and are not.
    pub planning_note: String,
    /// The pre-election periods from the first notice to the latest date the plan or the
    /// forecasts reach.
    pub pre_election: Vec<PreElectionPeriod>,
    /// What the pre-election settings assume.
    pub pre_election_note: String,
    /// The publication against the pre-election periods, in a sentence: moved out of one,
    /// flagged, after one, or not near any; and whether the recorded cases' range spans one.
    pub publication_check: String,
    /// What the forecasts rest on.
    pub forecast_note: String,
    /// The window of the next assessment (a proposal).
    pub next_assessment: Option<NextAssessment>,
    /// Calendar reminders: working days before each deadline.
    pub reminder_working_days: u32,
    /// Notes carried over from the input.
    pub notes: Vec<String>,
}

impl Timeline {
    /// One milestone.
    pub fn milestone(&self, id: MilestoneId) -> &Milestone {
        self.milestones
            .iter()
            .find(|m| m.id == id)
            .unwrap_or_else(|| unreachable!("a timeline has every milestone"))
    }

    /// The timeline as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| unreachable!("timelines serialise"))
    }

    /// The timeline as text for people.
    ///
    /// ```
    /// use cqc_assurance::{parse_date, plan_timeline, TimelineInput};
    /// let t = plan_timeline(&TimelineInput::new(parse_date("2025-01-06", "d").unwrap())).unwrap();
    /// let text = t.to_text();
    /// assert!(text.contains("Factual accuracy response due"));
    /// assert!(text.contains("Second notice from CQC"));
    /// ```
    pub fn to_text(&self) -> String {
        use std::fmt::Write as _;
        let mut s = String::new();
        if let Some(c) = &self.council {
            let _ = writeln!(s, "{c}");
        }
        let _ = writeln!(
            s,
            "First notice {} ({}){}",
            self.notified,
            basis_word(self.notified_basis),
            self.notified_estimate
                .as_deref()
                .map(|e| format!(": {e}"))
                .unwrap_or_default()
        );
        s.push('\n');
        let pad = "                ";
        for m in &self.milestones {
            let state = match (m.state, m.implied_by) {
                (Some(MilestoneState::Done), Some(by)) => {
                    format!("  [done: shown by {}]", by.phrase(false))
                }
                (Some(MilestoneState::Done), None) => "  [done]".into(),
                (Some(MilestoneState::DueThisWeek), _) => "  [due this week]".into(),
                (Some(MilestoneState::Overdue), _) => "  [overdue]".into(),
                _ => String::new(),
            };
            let _ = writeln!(
                s,
                "{} {}  {:<52} {}{}",
                m.date,
                weekday_abbr(m.date.weekday()),
                m.name,
                basis_word(m.basis),
                state
            );
            if let (Some(end), Some(days)) = (m.end, m.length_days) {
                let _ = writeln!(
                    s,
                    "{pad}{} to {} ({}, {}; last day {})",
                    long_date(m.date),
                    long_date(end),
                    count(days, "day"),
                    count(m.length_working_days.unwrap_or(days), "working day"),
                    basis_word(m.end_basis.unwrap_or(m.basis))
                );
            }
            if let Some(a) = m.actual.filter(|_| m.kind == MilestoneKind::Deadline) {
                let _ = writeln!(s, "{pad}delivered {a}");
            }
            if !m.rule_text.is_empty() && m.basis != Basis::Actual {
                let _ = writeln!(s, "{pad}rule: {}", m.rule_text);
            }
            if let Some(mv) = &m.moved_from {
                let _ = writeln!(s, "{pad}moved from {mv}");
            }
            if let (Some(cd), Some(note)) = (m.council_date, &m.council_note) {
                let _ = writeln!(s, "{pad}the council's own date: {cd} ({note})");
            } else if let Some(note) = &m.council_note {
                let _ = writeln!(s, "{pad}{note}");
            }
            if let Some(f) = &m.forecast {
                let _ = writeln!(s, "{pad}forecast: {}", f.text);
            }
        }
        let _ = writeln!(s, "\n{}", self.planning_note);
        let _ = writeln!(s, "{}", self.pre_election_note);
        for p in &self.pre_election {
            let _ = writeln!(s, "  - {}", p.describe());
        }
        let _ = writeln!(s, "{}", self.publication_check);
        if let Some(st) = &self.status {
            let _ = writeln!(s, "\n{}", st.summary);
            for (label, list) in [
                ("Due this week", &st.due_this_week),
                ("Overdue", &st.overdue),
            ] {
                if !list.is_empty() {
                    let names: Vec<_> = list
                        .iter()
                        .map(|m| self.milestone(*m).name.clone())
                        .collect();
                    let _ = writeln!(s, "{label}: {}.", names.join("; "));
                }
            }
        }
        if let Some(n) = &self.next_assessment {
            let _ = writeln!(s, "\n{}", n.text);
        }
        if !self.intervals.is_empty() {
            s.push_str("\nDurations between recorded dates:\n");
            for i in &self.intervals {
                let _ = writeln!(
                    s,
                    "  {} -> {}: {} ({}, {}){}",
                    capitalise(i.from.recorded_phrase(i.from_end)),
                    i.to.recorded_phrase(false),
                    i.weeks,
                    count(i.calendar_days, "day"),
                    count(i.working_days, "working day"),
                    if i.approximate { " (approximate)" } else { "" }
                );
            }
        }
        if !self.issues.is_empty() {
            s.push_str("\nInconsistencies:\n");
            for i in &self.issues {
                let _ = writeln!(s, "  - {}", i.message);
            }
        }
        let _ = writeln!(s, "\n{}", self.forecast_note);
        for n in &self.notes {
            let _ = writeln!(s, "\nNote: {n}");
        }
        s
    }

    /// The timeline as an iCalendar (RFC 5545) file: one all-day event per milestone, the
    /// visit one event from its first to its last day shown as busy, a reminder on each
    /// deadline, estimated dates marked in the title, event ids that stay the same when dates
    /// move (the council or `id`, and the milestone) and a `SEQUENCE` that grows with
    /// `dtstamp`, so that importing a re-planned file updates the events instead of adding
    /// new ones. `dtstamp` is the creation time written into every event (pass a fixed time
    /// for reproducible files).
    ///
    /// ```
    /// use cqc_assurance::{parse_date, plan_timeline, TimelineInput};
    /// let t = plan_timeline(&TimelineInput::new(parse_date("2025-01-06", "d").unwrap())).unwrap();
    /// let ics = t.to_ical(jiff::Timestamp::UNIX_EPOCH);
    /// assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    /// assert!(ics.contains("DTSTART;VALUE=DATE:20250106\r\n"));
    /// ```
    pub fn to_ical(&self, dtstamp: jiff::Timestamp) -> String {
        ical::write(self, dtstamp)
    }

    /// The iCalendar file with `DTSTAMP` at midnight UTC of `stamp_date` (reproducible: the
    /// same timeline and date give the same bytes).
    ///
    /// ```
    /// use cqc_assurance::{parse_date, plan_timeline, TimelineInput};
    /// let d = |s| parse_date(s, "d").unwrap();
    /// let t = plan_timeline(&TimelineInput::new(d("2025-01-06"))).unwrap();
    /// assert!(t.to_ical_on(d("2025-02-01")).contains("DTSTAMP:20250201T000000Z\r\n"));
    /// ```
    pub fn to_ical_on(&self, stamp_date: Date) -> String {
        let stamp = jiff::Timestamp::from_second(day_number(stamp_date) * 86_400)
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        ical::write(self, stamp)
    }

    /// Where the timeline stands on `today`, with the working days of `calendar`.
    pub fn status_on(&self, today: Date, calendar: &WorkingCalendar) -> Result<TimelineStatus> {
        status(&mut self.clone(), today, calendar)
    }
}

/// `1 working day`, `3 working days`.
fn count(n: i64, unit: &str) -> String {
    format!("{n} {unit}{}", if n.abs() == 1 { "" } else { "s" })
}

/// `today`, `tomorrow`, `in 3 days`, `yesterday`, `4 days ago`.
pub(crate) fn when(days: i64) -> String {
    match days {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "yesterday".into(),
        n if n > 1 => format!("in {n} days"),
        n => format!("{} days ago", -n),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

pub(crate) fn basis_word(b: Basis) -> &'static str {
    match b {
        Basis::Actual => "recorded",
        Basis::Approximate => "recorded, approximate",
        Basis::Planned => "planned",
        Basis::Estimated => "estimated",
        Basis::Inferred => "estimated from a later recorded date",
    }
}

fn weekday_abbr(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Mon",
        Weekday::Tuesday => "Tue",
        Weekday::Wednesday => "Wed",
        Weekday::Thursday => "Thu",
        Weekday::Friday => "Fri",
        Weekday::Saturday => "Sat",
        Weekday::Sunday => "Sun",
    }
}

/// `12 weeks 3 days`.
fn weeks_text(days: i64) -> String {
    let (w, d) = (days / 7, days % 7);
    let plural = |n: i64, unit: &str| format!("{n} {unit}{}", if n.abs() == 1 { "" } else { "s" });
    match (w, d) {
        (0, _) => plural(d, "day"),
        (_, 0) => plural(w, "week"),
        _ => format!("{} {}", plural(w, "week"), plural(d, "day")),
    }
}

/// `date` plus `years` calendar years (29 February becomes 28 February).
fn add_years(date: Date, years: u32, path: &str) -> Result<Date> {
    let y = i32::from(date.year()) + years as i32;
    let out = || Error::DateOutOfRange {
        path: path.to_string(),
        message: format!("{years} years after {date} is past the years this library computes"),
    };
    let y = i16::try_from(y).map_err(|_| out())?;
    check_year(y, path).map_err(|_| out())?;
    let first = Date::new(y, date.month(), 1).map_err(|_| out())?;
    Date::new(y, date.month(), date.day().min(first.days_in_month())).map_err(|_| out())
}

/// Applies a rule to the date of the milestone it counts from. Returns the date and, when it
/// was moved to a working day, where from and why.
fn apply_rule(
    rule: &MilestoneRule,
    anchor: Date,
    calendar: &WorkingCalendar,
    path: &str,
) -> Result<(Date, Option<String>)> {
    let raw = match rule.offset {
        Offset::Days(n) => add_days(anchor, n.into(), path)?,
        Offset::Weeks(n) => add_days(anchor, i64::from(n) * 7, path)?,
        Offset::WorkingDays(n) => calendar.add_working_days(anchor, n.into())?,
    };
    let adjusted = match rule.adjust {
        Adjust::None => raw,
        Adjust::NextWorkingDay => calendar.on_or_after(raw)?,
        Adjust::PreviousWorkingDay => calendar.on_or_before(raw)?,
    };
    let moved = if adjusted != raw {
        let why = calendar
            .non_working_reason(raw)?
            .unwrap_or_else(|| "not a working day".into());
        Some(format!("{raw} ({why})"))
    } else {
        None
    };
    Ok((adjusted, moved))
}

/// Inverts a rule approximately (ignores the working-day adjustment): the anchor date that
/// gives `date`.
fn invert_rule(rule: &MilestoneRule, date: Date, calendar: &WorkingCalendar) -> Result<Date> {
    match rule.offset {
        Offset::Days(n) => add_days(date, -i64::from(n), "notified"),
        Offset::Weeks(n) => add_days(date, -i64::from(n) * 7, "notified"),
        Offset::WorkingDays(n) => calendar.add_working_days(date, -i64::from(n)),
    }
}

/// The visit's last day from its first: `days` working days, first and last included.
fn visit_end_from_start(start: Date, days: u32, cal: &WorkingCalendar) -> Result<Date> {
    if days <= 1 {
        return Ok(start);
    }
    cal.add_working_days(start, i64::from(days) - 1)
}

/// The visit's first day from its last.
fn visit_start_from_end(end: Date, days: u32, cal: &WorkingCalendar) -> Result<Date> {
    if days <= 1 {
        return Ok(end);
    }
    cal.add_working_days(end, -(i64::from(days) - 1))
}

/// A milestone's dates while planning.
#[derive(Debug, Clone, Copy)]
struct Computed {
    date: Date,
    end: Option<Date>,
    end_basis: Option<Basis>,
    planned: Date,
    basis: Basis,
    firm: bool,
    /// The date (and last day) forward planning counts from: recorded dates and the rules,
    /// never dates worked back from later ones (so `planned` shows what the rules alone give).
    forward: Date,
    forward_end: Option<Date>,
}

/// A date worked back from a later recorded event: the date, its end (the visit), how far the
/// recorded event is (links of rules) and which it is.
#[derive(Debug, Clone, Copy)]
struct Inference {
    date: Date,
    end: Option<Date>,
    distance: usize,
    from: MilestoneId,
}

/// Computes the timeline: every milestone's date from the rules and the recorded dates, the
/// inconsistencies, the durations between recorded dates, the pre-election periods, the
/// forecasts from recorded cases, the window of the next assessment and (with `today`) the
/// status.
///
/// CQC's dates are placed on England's working days; the council's closure days give its own
/// dates (`council_date`) and its remaining working days, never CQC's deadlines.
///
/// Errors: `dates_out_of_order` for a recorded date before a recorded notification, or a
/// visit that ends before it starts; `missing_date` when there is neither a notification date
/// nor a recorded event to estimate it from, or a visit's last day without its first;
/// `conflicting_dates` when `notified` and `actuals.notification` differ; `date_out_of_range`
/// past the supported years.
///
/// ```
/// use cqc_assurance::{parse_date, plan_timeline, TimelineInput, MilestoneId};
/// let d = |s| parse_date(s, "date").unwrap();
/// let input = TimelineInput::new(d("2025-01-06")).with_actual(MilestoneId::Visit, d("2024-12-01"));
/// let err = plan_timeline(&input).unwrap_err();
/// assert_eq!((err.code(), err.path()), ("dates_out_of_order", Some("actuals.visit")));
/// ```
pub fn plan_timeline(input: &TimelineInput) -> Result<Timeline> {
    let profile = &input.profile;
    profile.validate()?;
    let council_cal = &input.calendar;
    // CQC's dates: England's working days, without the council's closures.
    let cal = &council_cal.without_closures();
    check_recorded_dates(input)?;
    let (notified, notified_basis, notified_estimate) = first_notice(input, cal)?;
    let plan = Plan {
        input,
        profile,
        cal,
        council_cal,
        notified,
        notified_basis,
    };
    plan.check_order()?;
    let inferred = plan.work_back_events()?;
    let placed = plan.place_milestones(&inferred)?;
    let milestones = plan.milestones(&placed, &inferred)?;
    let mut timeline = plan.timeline(notified_estimate, milestones);
    timeline.issues = find_issues(&timeline, input, placed.flagged.as_ref())?;
    timeline.intervals = intervals(&timeline, input, cal)?;
    add_forecasts(&mut timeline, input);
    timeline.next_assessment = next_assessment(&timeline, profile)?;
    let hit = placed.periods_seen.first().cloned();
    timeline.pre_election =
        relevant_periods(&timeline, &input.pre_election, cal, placed.periods_seen)?;
    timeline.publication_check = publication_check(&timeline, hit.as_ref(), input);
    if let Some(today) = input.today {
        timeline.status = Some(status(&mut timeline, today, council_cal)?);
    }
    Ok(timeline)
}

/// Checks the council's recorded dates are in the supported years, and the visit's last day
/// comes with its first.
fn check_recorded_dates(input: &TimelineInput) -> Result<()> {
    for (id, d) in &input.actuals {
        check_year(d.year(), &format!("actuals.{id}"))?;
    }
    if let Some(e) = input.visit_end {
        check_year(e.year(), "actuals.visit_end")?;
        if !input.actuals.contains_key(&MilestoneId::Visit) {
            return Err(Error::MissingDate {
                path: "actuals.visit_end".into(),
                message: "the last day of the visit is recorded without its first day: give \
                          both (visit: {start, end})"
                    .into(),
            });
        }
    }
    if let Some(t) = input.today {
        check_year(t.year(), "today")?;
    }
    Ok(())
}

/// The first notice: its recorded date, or one estimated from the nearest recorded event.
fn first_notice(
    input: &TimelineInput,
    cal: &WorkingCalendar,
) -> Result<(Date, Basis, Option<String>)> {
    let recorded_notification = match (
        input.notified,
        input.actuals.get(&MilestoneId::Notification).copied(),
    ) {
        (Some(a), Some(b)) if a != b => {
            return Err(Error::ConflictingDates {
                path: "actuals.notification".into(),
                message: format!("notified is {a} but actuals.notification is {b}"),
            })
        }
        (Some(a), _) => Some(a),
        (None, b) => b,
    };
    Ok(match recorded_notification {
        Some(n) => {
            check_year(n.year(), "notified")?;
            let basis = if input.approximate.contains(&MilestoneId::Notification) {
                Basis::Approximate
            } else {
                Basis::Actual
            };
            (n, basis, None)
        }
        None => {
            let (date, text) = estimate_notification(input, cal)?;
            (date, Basis::Estimated, Some(text))
        }
    })
}

/// What planning a timeline works from: the input, the working days and the first notice.
struct Plan<'a> {
    input: &'a TimelineInput,
    profile: &'a TimelineProfile,
    /// CQC's working days: England's, without the council's closures.
    cal: &'a WorkingCalendar,
    /// The council's working days: England's, less its closure days.
    council_cal: &'a WorkingCalendar,
    notified: Date,
    notified_basis: Basis,
}

/// The milestones placed so far, why any moved from its rule's date, and the pre-election
/// periods the publication met.
struct Placement {
    computed: BTreeMap<MilestoneId, Computed>,
    moved_from: BTreeMap<MilestoneId, String>,
    flagged: Option<PreElectionPeriod>,
    periods_seen: Vec<PreElectionPeriod>,
}

/// A milestone's date by its rule: the plan (any move out of a pre-election period
/// included), why it moved, and what the rules alone give.
struct ByRule {
    planned: Date,
    moved: Option<String>,
    rules_only: Date,
    /// Whether the plan and the rules alone count from the same date.
    same_anchor: bool,
}

impl Plan<'_> {
    /// The council's recorded date of a milestone.
    fn recorded(&self, id: MilestoneId) -> Option<Date> {
        self.input.actuals.get(&id).copied()
    }

    /// Whether a milestone is recorded with its exact day.
    fn exact(&self, id: MilestoneId) -> bool {
        self.input.actuals.contains_key(&id) && !self.input.approximate.contains(&id)
    }

    /// Rejects recorded dates before a recorded first notice, and a visit ending before it starts.
    fn check_order(&self) -> Result<()> {
        let input = self.input;
        let notified = self.notified;
        if self.notified_basis != Basis::Estimated {
            for (id, d) in &input.actuals {
                if *id != MilestoneId::Notification && *d < notified {
                    return Err(Error::DatesOutOfOrder {
                        path: format!("actuals.{id}"),
                        message: format!(
                            "{} is recorded on {d}, before the first notice on {notified}",
                            id.name()
                        ),
                    });
                }
            }
        }
        if let (Some(s), Some(e)) = (self.recorded(MilestoneId::Visit), input.visit_end) {
            if e < s {
                return Err(Error::DatesOutOfOrder {
                    path: "actuals.visit_end".into(),
                    message: format!(
                        "the visit is recorded as ending on {e}, before it starts on {s}"
                    ),
                });
            }
        }
        Ok(())
    }

    /// Dates events not recorded but shown by a later recorded one, worked back by the rules.
    fn work_back_events(&self) -> Result<BTreeMap<MilestoneId, Inference>> {
        // The visit shows that the second notice came: its date is worked back through the
        // rules from the nearest recorded event.
        let mut inferred: BTreeMap<MilestoneId, Inference> = BTreeMap::new();
        for (&y, &y_date) in &self.input.actuals {
            if y.kind() != MilestoneKind::Event || !self.exact(y) || y == MilestoneId::Notification
            {
                continue;
            }
            let mut date = y_date;
            for (distance, (_, rule)) in self.profile.chain(y).into_iter().enumerate() {
                let a = rule.from;
                if a == MilestoneId::Notification || self.recorded(a).is_some() {
                    break;
                }
                if a.kind() != MilestoneKind::Event {
                    break;
                }
                let (start, end) = self.worked_back(&rule, date)?;
                let candidate = Inference {
                    date: start,
                    end,
                    distance,
                    from: y,
                };
                match inferred.get(&a) {
                    Some(prev) if prev.distance <= distance => {}
                    _ => {
                        inferred.insert(a, candidate);
                    }
                }
                date = start;
            }
        }
        Ok(inferred)
    }

    /// The date (and for the visit its last day) a rule counts from, worked back from `date`.
    fn worked_back(&self, rule: &MilestoneRule, date: Date) -> Result<(Date, Option<Date>)> {
        let (cal, days) = (self.cal, self.profile.visit_working_days);
        let anchor = invert_rule(rule, date, cal)?;
        let (start, end) = if rule.from == MilestoneId::Visit {
            if rule.from_end {
                (visit_start_from_end(anchor, days, cal)?, Some(anchor))
            } else {
                (anchor, Some(visit_end_from_start(anchor, days, cal)?))
            }
        } else {
            (anchor, None)
        };
        // Not before the first notice: a later notice cannot precede it.
        let start = start.max(self.notified);
        Ok((start, end))
    }

    /// Places every milestone in dependency order: the first notice, then each by its rule.
    fn place_milestones(&self, inferred: &BTreeMap<MilestoneId, Inference>) -> Result<Placement> {
        let mut placed = Placement {
            computed: BTreeMap::new(),
            moved_from: BTreeMap::new(),
            flagged: None,
            periods_seen: Vec::new(),
        };
        for id in self.profile.evaluation_order() {
            let def = self.profile.definition(id);
            let Some(rule) = def.rule else {
                placed.computed.insert(id, self.first_notice_dates());
                continue;
            };
            let c = self.place(id, def, rule, inferred, &mut placed)?;
            placed.computed.insert(id, c);
        }
        Ok(placed)
    }

    /// The first notice's dates, as the milestones count from them.
    fn first_notice_dates(&self) -> Computed {
        let (notified, notified_basis) = (self.notified, self.notified_basis);
        Computed {
            date: notified,
            end: None,
            end_basis: None,
            planned: notified,
            basis: notified_basis,
            firm: notified_basis == Basis::Actual,
            forward: notified,
            forward_end: None,
        }
    }

    /// Places one milestone: its recorded date, one worked back from a later event, or the plan.
    fn place(
        &self,
        id: MilestoneId,
        def: &MilestoneDefinition,
        rule: MilestoneRule,
        inferred: &BTreeMap<MilestoneId, Inference>,
        placed: &mut Placement,
    ) -> Result<Computed> {
        let anchor = placed.computed[&rule.from];
        let by_rule = self.by_rule(id, rule, anchor, placed)?;
        if let Some(m) = by_rule.moved.clone() {
            placed.moved_from.insert(id, m);
        }
        Ok(match (id.kind(), self.recorded(id), inferred.get(&id)) {
            (MilestoneKind::Event, Some(a), _) => {
                placed.moved_from.remove(&id);
                self.recorded_dates(id, a, by_rule.rules_only)?
            }
            (MilestoneKind::Event, None, Some(inf)) => {
                placed.moved_from.remove(&id);
                self.inferred_dates(id, inf, by_rule.rules_only)?
            }
            (kind, _, _) => self.planned_dates(id, kind, def, anchor, &by_rule)?,
        })
    }

    /// A milestone's date by its rule on working days, out of any pre-election period.
    fn by_rule(
        &self,
        id: MilestoneId,
        rule: MilestoneRule,
        anchor: Computed,
        placed: &mut Placement,
    ) -> Result<ByRule> {
        let cal = self.cal;
        let pick = |date: Date, end: Option<Date>| {
            if rule.from_end {
                end.unwrap_or(date)
            } else {
                date
            }
        };
        let anchor_date = pick(anchor.date, anchor.end);
        let path = format!("milestones.{id}");
        let (mut planned, mut moved) = apply_rule(&rule, anchor_date, cal, &path)?;
        let same_anchor = pick(anchor.forward, anchor.forward_end) == anchor_date;
        // What the rules alone give (from recorded dates, not from dates worked back).
        let from_rules = pick(anchor.forward, anchor.forward_end);
        let (rules_only, _) = apply_rule(&rule, from_rules, cal, &path)?;
        if id == MilestoneId::Publication && self.recorded(id).is_none() {
            (planned, moved) = self.out_of_pre_election(planned, moved, placed)?;
        }
        Ok(ByRule {
            planned,
            moved,
            rules_only,
            same_anchor,
        })
    }

    /// Moves (or flags) a planned publication inside a pre-election period, by the policy.
    fn out_of_pre_election(
        &self,
        mut planned: Date,
        mut moved: Option<String>,
        placed: &mut Placement,
    ) -> Result<(Date, Option<String>)> {
        let input = self.input;
        let (date, period) = avoid_pre_election(planned, &input.pre_election, self.cal)?;
        if let Some(p) = period {
            let why = format!(
                "{planned} (inside the pre-election period of {}: CQC pauses the \
                 publication of reports then)",
                p.describe()
            );
            match input.pre_election.policy {
                PreElectionPolicy::Move => {
                    moved = Some(match moved {
                        Some(m) => format!("{m}, then {why}"),
                        None => why,
                    });
                    planned = date;
                }
                PreElectionPolicy::Flag => placed.flagged = Some(p.clone()),
            }
            placed.periods_seen.push(p);
        }
        Ok((planned, moved))
    }

    /// A recorded event's dates: the council's record (the visit's last day planned if not given).
    fn recorded_dates(&self, id: MilestoneId, a: Date, rules_only: Date) -> Result<Computed> {
        let input = self.input;
        let days = self.profile.visit_working_days;
        let basis = if input.approximate.contains(&id) {
            Basis::Approximate
        } else {
            Basis::Actual
        };
        let (end, end_basis) = if id == MilestoneId::Visit {
            match input.visit_end {
                Some(e) => (Some(e), Some(basis)),
                None => (
                    Some(visit_end_from_start(a, days, self.cal)?),
                    Some(Basis::Planned),
                ),
            }
        } else {
            (None, None)
        };
        Ok(Computed {
            date: a,
            end,
            end_basis,
            planned: rules_only,
            basis,
            firm: basis == Basis::Actual,
            forward: a,
            forward_end: end,
        })
    }

    /// An event's dates worked back from a later recorded one.
    fn inferred_dates(
        &self,
        id: MilestoneId,
        inf: &Inference,
        rules_only: Date,
    ) -> Result<Computed> {
        let days = self.profile.visit_working_days;
        let forward_end = (id == MilestoneId::Visit)
            .then(|| visit_end_from_start(rules_only, days, self.cal))
            .transpose()?;
        Ok(Computed {
            date: inf.date,
            end: inf.end,
            end_basis: inf.end.map(|_| Basis::Inferred),
            planned: rules_only,
            basis: Basis::Inferred,
            firm: false,
            forward: rules_only,
            forward_end,
        })
    }

    /// A milestone's planned dates by its rule, and whether they are firm.
    fn planned_dates(
        &self,
        id: MilestoneId,
        kind: MilestoneKind,
        def: &MilestoneDefinition,
        anchor: Computed,
        by_rule: &ByRule,
    ) -> Result<Computed> {
        let (cal, days) = (self.cal, self.profile.visit_working_days);
        let planned = by_rule.planned;
        let from_plan = match anchor.basis {
            Basis::Estimated | Basis::Inferred => Basis::Estimated,
            _ => Basis::Planned,
        };
        let end = (id == MilestoneId::Visit)
            .then(|| visit_end_from_start(planned, days, cal))
            .transpose()?;
        // Counted from the same dates as the plan: the plan itself (with any move out
        // of a pre-election period).
        let rules_only = if by_rule.same_anchor {
            planned
        } else {
            by_rule.rules_only
        };
        let forward_end = (id == MilestoneId::Visit)
            .then(|| visit_end_from_start(rules_only, days, cal))
            .transpose()?;
        Ok(Computed {
            date: planned,
            end,
            end_basis: end.map(|_| from_plan),
            planned,
            basis: from_plan,
            forward: rules_only,
            forward_end,
            // A due date is firm when CQC's own rule counts it from firm dates; the
            // planning mark is firm when counted from a recorded first notice.
            firm: match kind {
                MilestoneKind::Deadline => def.fixed && anchor.firm,
                MilestoneKind::Marker => anchor.firm,
                MilestoneKind::Event => false,
            },
        })
    }

    /// The milestones in date order, with the council's own dates and the reminders.
    fn milestones(
        &self,
        placed: &Placement,
        inferred: &BTreeMap<MilestoneId, Inference>,
    ) -> Result<Vec<Milestone>> {
        let mut milestones: Vec<Milestone> = Vec::with_capacity(MilestoneId::ALL.len());
        for &id in &MilestoneId::ALL {
            milestones.push(self.milestone(id, placed)?);
        }
        if let Some(inf) = inferred.get(&MilestoneId::VisitNotice) {
            let m = milestones
                .iter_mut()
                .find(|m| m.id == MilestoneId::VisitNotice)
                .unwrap_or_else(|| unreachable!("every milestone is listed"));
            m.rule_text = format!(
                "no later than {} before {} (the documented minimum), worked back from it",
                Offset::Weeks(self.profile.minimum_on_site_notice_weeks as i32).describe(),
                inf.from.phrase(false)
            );
        }
        // Date order; ties keep the usual order. (Unstable sorts with a unique key, here and
        // below: the same order as a stable sort, and the WebAssembly modules carry one sort
        // algorithm.)
        milestones.sort_unstable_by_key(|m| (m.date, m.id.position()));
        Ok(milestones)
    }

    /// One milestone as placed, with the council's own date, its reminder and the visit's length.
    fn milestone(&self, id: MilestoneId, placed: &Placement) -> Result<Milestone> {
        let (profile, council_cal) = (self.profile, self.council_cal);
        let reminder_days = profile.reminder_working_days;
        let def = profile.definition(id);
        let c = placed.computed[&id];
        let kind = id.kind();
        let (council_date, council_note) =
            if kind == MilestoneKind::Deadline && !council_cal.closures().is_empty() {
                council_dates(id, c.date, &placed.computed, profile, council_cal)?
            } else {
                (None, None)
            };
        let reminder = if kind == MilestoneKind::Deadline && reminder_days > 0 {
            council_cal
                .add_working_days(council_date.unwrap_or(c.date), -i64::from(reminder_days))
                .ok()
        } else {
            None
        };
        let (length_days, length_working_days) = self.visit_length(id, &c)?;
        Ok(Milestone {
            id,
            name: if id == MilestoneId::TwentyWeekEnd {
                format!(
                    "End of the {}-week planning figure (the council's, not CQC's)",
                    profile.weeks_total
                )
            } else {
                id.name().to_string()
            },
            kind,
            date: c.date,
            end: c.end,
            end_basis: c.end_basis,
            length_days,
            length_working_days,
            basis: c.basis,
            firm: c.firm,
            planned: c.planned,
            actual: self.recorded(id).or((id == MilestoneId::Notification
                && self.notified_basis != Basis::Estimated)
                .then_some(self.notified)),
            rule: def.rule,
            rule_text: def.rule.map(|r| r.describe()).unwrap_or_default(),
            source: def.source.clone(),
            source_url: def.source_url.clone(),
            moved_from: placed.moved_from.get(&id).cloned(),
            council_date,
            council_note,
            reminder,
            forecast: None,
            state: None,
            implied_by: None,
            calendar_days_remaining: None,
            working_days_remaining: None,
        })
    }

    /// The visit's length in calendar days and in working days, first and last included.
    fn visit_length(&self, id: MilestoneId, c: &Computed) -> Result<(Option<i64>, Option<i64>)> {
        let cal = self.cal;
        Ok(match c.end {
            Some(end) if id == MilestoneId::Visit => (
                Some(day_number(end) - day_number(c.date) + 1),
                Some(
                    cal.working_days_between(c.date, end)? + i64::from(cal.is_working_day(c.date)?),
                ),
            ),
            _ => (None, None),
        })
    }

    /// The timeline of these milestones, before its issues, intervals, forecasts and status.
    fn timeline(&self, notified_estimate: Option<String>, milestones: Vec<Milestone>) -> Timeline {
        let (input, profile) = (self.input, self.profile);
        Timeline {
            council: input.council.clone(),
            id: input.id.clone(),
            notified: self.notified,
            notified_basis: self.notified_basis,
            notified_estimate,
            milestones,
            issues: Vec::new(),
            intervals: Vec::new(),
            status: None,
            weeks_total: profile.weeks_total,
            planning_note: planning_note(profile),
            pre_election: Vec::new(),
            pre_election_note: input.pre_election.describe(),
            publication_check: String::new(),
            forecast_note: String::new(),
            next_assessment: None,
            reminder_working_days: profile.reminder_working_days,
            notes: input.notes.clone(),
        }
    }
}

fn planning_note(profile: &TimelineProfile) -> String {
    format!(
        "The {} weeks are the council's own planning figure, not CQC's: CQC gives no total \
         length for an assessment, and publication often comes after the end of the {} weeks \
         (Hounslow about 22 weeks from the first notice, Havering over 60).",
        profile.weeks_total, profile.weeks_total
    )
}

/// The publication against the pre-election periods, in a sentence.
fn publication_check(
    t: &Timeline,
    hit: Option<&PreElectionPeriod>,
    input: &TimelineInput,
) -> String {
    let p = t.milestone(MilestoneId::Publication);
    let near = 42;
    let mut out =
        if p.actual.is_some() {
            match t.pre_election.iter().find(|q| q.contains(p.date)) {
                Some(q) => format!(
                "Publication is recorded on {}, inside the pre-election period for {} (kept as \
                 recorded).",
                long_date(p.date),
                q.short()
            ),
                None => format!("Publication is recorded on {}.", long_date(p.date)),
            }
        } else {
            match (hit, input.pre_election.policy) {
                (Some(q), PreElectionPolicy::Move) => format!(
                "The planned publication was moved out of the pre-election period for {} to {}, \
                 the first working day after it.",
                q.short(),
                long_date(p.date)
            ),
                (Some(q), PreElectionPolicy::Flag) => format!(
                "The planned publication on {} is inside the pre-election period for {} (kept and \
                 flagged: CQC paused publication in such a period in 2026).",
                long_date(p.date),
                q.short()
            ),
                (None, _) => {
                    let after =
                        t.pre_election.iter().rev().find(|q| {
                            q.end < p.date && day_number(p.date) - day_number(q.end) <= near
                        });
                    let before = t.pre_election.iter().find(|q| {
                        q.start > p.date && day_number(q.start) - day_number(p.date) <= near
                    });
                    match (after, before) {
                        (Some(q), _) => format!(
                            "The planned publication on {} falls after the pre-election period of \
                         {}.",
                            long_date(p.date),
                            q.short()
                        ),
                        (None, Some(q)) => format!(
                        "The planned publication on {} falls before the pre-election period of \
                         {}: a later publication would wait until it ends.",
                        long_date(p.date),
                        q.short()
                    ),
                        (None, None) => format!(
                        "No pre-election period is within six weeks of the planned publication \
                         on {}.",
                        long_date(p.date)
                    ),
                    }
                }
            }
        };
    if let Some(f) = &p.forecast {
        let spanned: Vec<String> = t
            .pre_election
            .iter()
            .filter(|q| q.start <= f.latest && q.end >= f.earliest)
            .map(|q| q.short())
            .collect();
        if !spanned.is_empty() {
            out.push_str(&format!(
                " The recorded cases' range ({} to {}) spans the pre-election period{} for {}: a \
                 publication then would wait until after it.",
                long_date(f.earliest),
                long_date(f.latest),
                if spanned.len() == 1 { "" } else { "s" },
                spanned.join("; and ")
            ));
        }
    }
    out
}

/// Moves `date` out of every pre-election period it falls in (to the first working day after
/// it); returns the new date and the period it was in.
fn avoid_pre_election(
    date: Date,
    settings: &PreElectionSettings,
    cal: &WorkingCalendar,
) -> Result<(Date, Option<PreElectionPeriod>)> {
    let mut d = date;
    let mut hit = None;
    for _ in 0..8 {
        let periods = settings.periods(d.year().saturating_sub(1), d.year(), cal)?;
        match periods.into_iter().find(|p| p.contains(d)) {
            Some(p) => {
                d = cal.add_working_days(p.end, 1)?;
                hit.get_or_insert(p);
            }
            None => break,
        }
    }
    Ok((d, hit))
}

/// The pre-election periods from the first notice to the latest date of the plan, its
/// forecasts and the periods already met.
fn relevant_periods(
    t: &Timeline,
    settings: &PreElectionSettings,
    cal: &WorkingCalendar,
    seen: Vec<PreElectionPeriod>,
) -> Result<Vec<PreElectionPeriod>> {
    let last = t
        .milestones
        .iter()
        .flat_map(|m| {
            [Some(m.date), m.end, m.forecast.as_ref().map(|f| f.latest)]
                .into_iter()
                .flatten()
        })
        .max()
        .unwrap_or(t.notified);
    let mut out: Vec<PreElectionPeriod> = settings
        .periods(t.notified.year(), last.year(), cal)?
        .into_iter()
        .filter(|p| p.end >= t.notified && p.start <= last)
        .collect();
    for p in seen {
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out.sort_unstable_by_key(|p| (p.start, p.end));
    Ok(out)
}

/// For a deadline the council's closures touch: its last day open on or before CQC's date,
/// and the closure days in words.
fn council_dates(
    id: MilestoneId,
    due: Date,
    computed: &BTreeMap<MilestoneId, Computed>,
    profile: &TimelineProfile,
    council_cal: &WorkingCalendar,
) -> Result<(Option<Date>, Option<String>)> {
    let england = council_cal.without_closures();
    let from = profile
        .definition(id)
        .rule
        .map(|r| {
            let a = computed[&r.from];
            if r.from_end {
                a.end.unwrap_or(a.date)
            } else {
                a.date
            }
        })
        .unwrap_or(due);
    let lo = from.min(due);
    // Closure days on England's working days from the day after the anchor to the due date.
    let days: Vec<Date> = council_cal
        .closures()
        .into_iter()
        .filter(|c| *c > lo && *c <= due)
        .filter(|c| england.is_working_day(*c).unwrap_or(false))
        .collect();
    if days.is_empty() {
        return Ok((None, None));
    }
    let own = council_cal.on_or_before(due)?;
    let list: Vec<String> = days.iter().map(|d| long_date(*d)).collect();
    let note = format!(
        "closure day{} {} fall{} on or before CQC's date, which stays on England's working days: \
         CQC does not extend its deadlines for a council's closures",
        if days.len() == 1 { "" } else { "s" },
        list.join(", "),
        if days.len() == 1 { "s" } else { "" }
    );
    Ok(((own != due).then_some(own), Some(note)))
}

/// Estimates the notification date from the recorded event closest to it in the rules.
fn estimate_notification(input: &TimelineInput, cal: &WorkingCalendar) -> Result<(Date, String)> {
    let profile = &input.profile;
    let mut best: Option<(usize, MilestoneId, Vec<MilestoneRule>)> = None;
    for &id in input.actuals.keys() {
        if id.kind() != MilestoneKind::Event || input.approximate.contains(&id) {
            continue;
        }
        let chain: Vec<MilestoneRule> = profile.chain(id).into_iter().map(|(_, r)| r).collect();
        if best.as_ref().is_none_or(|b| chain.len() < b.0) {
            best = Some((chain.len(), id, chain));
        }
    }
    let Some((_, id, chain)) = best else {
        return Err(Error::MissingDate {
            path: "notified".into(),
            message: "no notification date, and no recorded event (with an exact day) to \
                      estimate it from"
                .into(),
        });
    };
    let recorded = input.actuals[&id];
    let days = profile.visit_working_days;
    let mut date = recorded;
    for rule in &chain {
        date = invert_rule(rule, date, cal)?;
        if rule.from == MilestoneId::Visit && rule.from_end {
            date = visit_start_from_end(date, days, cal)?;
        }
    }
    let rules: Vec<String> = chain.iter().map(|r| r.describe()).collect();
    Ok((
        date,
        format!(
            "estimated from {} on {recorded} by working back through the rules ({}); the real \
             date is not known",
            id.phrase(false),
            rules.join("; ")
        ),
    ))
}

fn find_issues(
    t: &Timeline,
    input: &TimelineInput,
    flagged: Option<&PreElectionPeriod>,
) -> Result<Vec<TimelineIssue>> {
    let profile = &input.profile;
    let mut issues = Vec::new();
    let exact = |id: MilestoneId| -> bool {
        input.actuals.contains_key(&id) && !input.approximate.contains(&id)
    };
    let recorded_event = |id: MilestoneId, end: bool| -> Option<Date> {
        if id == MilestoneId::Notification {
            return (t.notified_basis != Basis::Estimated).then_some(t.notified);
        }
        if id.kind() != MilestoneKind::Event {
            return None;
        }
        let start = input.actuals.get(&id).copied()?;
        if end {
            return Some(input.visit_end.unwrap_or(start));
        }
        Some(start)
    };

    // Short notice of the visit's dates.
    let notice = t.milestone(MilestoneId::VisitNotice);
    let visit = t.milestone(MilestoneId::Visit);
    let gap = day_number(visit.date) - day_number(notice.date);
    let min_days = i64::from(profile.minimum_on_site_notice_weeks) * 7;
    let notice_recorded = input.actuals.contains_key(&MilestoneId::VisitNotice);
    let visit_recorded = input.actuals.contains_key(&MilestoneId::Visit);
    let bounded_by_first_notice = notice.basis == Basis::Inferred
        && notice.date == t.notified
        && t.notified_basis == Basis::Actual;
    if (notice_recorded || visit_recorded) && gap < min_days {
        let firm = visit_recorded
            && exact(MilestoneId::Visit)
            && (notice_recorded || bounded_by_first_notice);
        let message = if notice_recorded {
            format!(
                "the second notice on {} ({}) and the visit starting {} ({}) leave {} days, \
                 less than the documented minimum of {} weeks",
                notice.date,
                basis_word(notice.basis),
                visit.date,
                basis_word(visit.basis),
                gap,
                profile.minimum_on_site_notice_weeks
            )
        } else {
            format!(
                "the visit starting {} ({}) is {} days after the first notice on {} ({}); the \
                 notice of its dates cannot have come earlier, so it was less than the \
                 documented minimum of {} weeks",
                visit.date,
                basis_word(visit.basis),
                gap,
                t.notified,
                basis_word(t.notified_basis),
                profile.minimum_on_site_notice_weeks
            )
        };
        issues.push(TimelineIssue {
            kind: IssueKind::ShortOnSiteNotice,
            milestone: MilestoneId::VisitNotice,
            message,
            depends_on_plan: !firm,
        });
    }

    // Milestones before the first notice.
    for m in &t.milestones {
        if m.id == MilestoneId::Notification || m.date >= t.notified || m.actual.is_some() {
            continue;
        }
        let anchor_firm = m.rule.map(|r| t.milestone(r.from).firm).unwrap_or(false);
        issues.push(TimelineIssue {
            kind: IssueKind::BeforeNotification,
            milestone: m.id,
            message: format!(
                "{} falls on {}, before the first notice on {} ({}): the rule ({}) places it \
                 before the assessment starts, so the recorded dates leave less time than the \
                 sources describe",
                m.name,
                m.date,
                t.notified,
                basis_word(t.notified_basis),
                m.rule_text
            ),
            depends_on_plan: !(anchor_firm && t.notified_basis == Basis::Actual),
        });
    }

    // Recorded events out of the order the rules give.
    for &id in &MilestoneId::ALL {
        let Some(date) = recorded_event(id, false) else {
            continue;
        };
        let mut cur = id;
        let mut direction = 0i32;
        while let Some(rule) = profile.definition(cur).rule {
            let sign = rule.offset.value().signum();
            if sign == 0 || (direction != 0 && sign != direction) {
                break;
            }
            direction = sign;
            cur = rule.from;
            if let Some(anchor) = recorded_event(cur, rule.from_end) {
                let wrong = (direction > 0 && date < anchor) || (direction < 0 && date > anchor);
                if wrong {
                    issues.push(TimelineIssue {
                        kind: IssueKind::OutOfOrder,
                        milestone: id,
                        message: format!(
                            "{} is recorded on {date}, {} {} on {anchor}",
                            t.milestone(id).name,
                            if direction > 0 { "before" } else { "after" },
                            cur.phrase(rule.from_end)
                        ),
                        depends_on_plan: false,
                    });
                }
                break;
            }
        }
    }

    // Deadlines met late.
    for m in &t.milestones {
        if m.kind != MilestoneKind::Deadline {
            continue;
        }
        if let Some(a) = m.actual {
            if a > m.date {
                issues.push(TimelineIssue {
                    kind: IssueKind::AfterDeadline,
                    milestone: m.id,
                    message: format!(
                        "{} delivered on {a}, after the due date {} ({}){}",
                        m.name,
                        m.date,
                        basis_word(m.basis),
                        if m.basis == Basis::Estimated {
                            "; the due date follows from an estimated notification date, so \
                             this may not be a real delay"
                        } else {
                            ""
                        }
                    ),
                    depends_on_plan: !m.firm,
                });
            }
        }
    }

    // A planned publication inside a pre-election period (policy: flag).
    if let Some(p) = flagged {
        let pub_m = t.milestone(MilestoneId::Publication);
        issues.push(TimelineIssue {
            kind: IssueKind::PreElectionPeriod,
            milestone: MilestoneId::Publication,
            message: format!(
                "publication is planned on {}, inside the pre-election period of {}: CQC \
                 paused publication in such a period in 2026, so expect it after {}",
                pub_m.date,
                p.describe(),
                long_date(p.end)
            ),
            depends_on_plan: true,
        });
    }
    Ok(issues)
}

fn intervals(t: &Timeline, input: &TimelineInput, cal: &WorkingCalendar) -> Result<Vec<Interval>> {
    // (date, milestone, last day of the visit, approximate)
    type Point = (Date, MilestoneId, bool, bool);
    let mut recorded: Vec<Point> = Vec::new();
    for m in &t.milestones {
        let approx = input.approximate.contains(&m.id);
        if let Some(a) = m.actual {
            recorded.push((a, m.id, false, approx));
        }
        if m.id == MilestoneId::Visit {
            if let Some(e) = input.visit_end {
                recorded.push((e, m.id, true, approx));
            }
        }
    }
    recorded.sort_unstable_by_key(|r| (r.0, r.1.position(), r.2));
    let make = |a: &Point, b: &Point| -> Result<Interval> {
        let days = day_number(b.0) - day_number(a.0);
        Ok(Interval {
            from: a.1,
            from_end: a.2,
            to: b.1,
            from_date: a.0,
            to_date: b.0,
            calendar_days: days,
            weeks: weeks_text(days),
            working_days: cal.working_days_between(a.0, b.0)?,
            approximate: a.3 || b.3,
        })
    };
    let mut out = Vec::new();
    for pair in recorded.windows(2) {
        // The visit's own length is its milestone's (first and last days included), not an
        // interval between its first and last day.
        if pair[0].1 == MilestoneId::Visit && pair[1].1 == MilestoneId::Visit {
            continue;
        }
        out.push(make(&pair[0], &pair[1])?);
    }
    let distinct: BTreeSet<MilestoneId> = recorded.iter().map(|r| r.1).collect();
    if distinct.len() > 2 {
        out.push(make(&recorded[0], &recorded[recorded.len() - 1])?);
    }
    Ok(out)
}

/// Adds the forecasts from recorded cases to the milestones not yet reached.
fn add_forecasts(t: &mut Timeline, input: &TimelineInput) {
    let cases = recorded_cases();
    let mut anchors: Vec<(MilestoneId, MilestonePart, Date)> = Vec::new();
    if t.notified_basis != Basis::Estimated {
        anchors.push((MilestoneId::Notification, MilestonePart::Start, t.notified));
    }
    for (&id, &d) in &input.actuals {
        if id != MilestoneId::Notification {
            anchors.push((id, MilestonePart::Start, d));
        }
    }
    if let Some(e) = input.visit_end {
        anchors.push((MilestoneId::Visit, MilestonePart::End, e));
    }
    // Milestones before the latest recorded one in the process have been reached.
    let reached = input
        .actuals
        .keys()
        .map(|m| m.position())
        .max()
        .unwrap_or(0);
    let mut used: BTreeSet<String> = BTreeSet::new();
    for m in &mut t.milestones {
        let open = matches!(m.basis, Basis::Planned | Basis::Estimated)
            && m.id.position() > reached
            && m.id != MilestoneId::Notification;
        if open {
            m.forecast = cases::forecast(cases, m.id, &anchors);
            if let Some(f) = &m.forecast {
                used.extend(f.cases.iter().cloned());
            }
        }
    }
    let councils: BTreeSet<&str> = cases.iter().map(|c| c.council.as_str()).collect();
    t.forecast_note = format!(
        "Forecasts rest on {} recorded dates of {} real assessments ({}), each with its source \
         (data/assessment_cases.csv in the library); each milestone says how many cases its \
         range rests on. Few cases record every step, so a range is a guide to the late case \
         as well as the early one, not a prediction.",
        cases.len(),
        councils.len(),
        councils.into_iter().collect::<Vec<_>>().join(", ")
    );
}

/// The window of the next assessment after publication, if CQC's proposed cycle is agreed.
fn next_assessment(t: &Timeline, profile: &TimelineProfile) -> Result<Option<NextAssessment>> {
    let p = t.milestone(MilestoneId::Publication);
    let cycle = &profile.reassessment;
    let (Ok(earliest), Ok(latest)) = (
        add_years(p.date, cycle.min_years, "next_assessment"),
        add_years(p.date, cycle.max_years, "next_assessment"),
    ) else {
        return Ok(None);
    };
    let label = if cycle.status == "proposal" {
        "a proposal: CQC's chief inspector proposed a 3-4 year cycle in November 2025, which \
         needs the Secretary of State's agreement"
            .to_string()
    } else {
        format!("status: {}", cycle.status)
    };
    Ok(Some(NextAssessment {
        from: p.date,
        from_basis: p.basis,
        earliest,
        latest,
        status: cycle.status.clone(),
        text: format!(
            "Next assessment: between {} and {}, {} to {} years after publication on {} ({}) \
             ({label}).",
            long_date(earliest),
            long_date(latest),
            cycle.min_years,
            cycle.max_years,
            long_date(p.date),
            basis_word(p.basis)
        ),
        source: cycle.source.clone(),
        source_url: cycle.source_url.clone(),
    }))
}

/// Fills each milestone's state and remaining days, and returns the summary.
fn status(t: &mut Timeline, today: Date, cal: &WorkingCalendar) -> Result<TimelineStatus> {
    check_year(today.year(), "today")?;
    // Sunday of today's week (weeks run Monday to Sunday).
    let to_sunday = 6 - i64::from(today.weekday().to_monday_zero_offset());
    let week_end = add_days(today, to_sunday, "today")?;
    // Recorded events on or before today, latest in the process first: they show that every
    // milestone before them in the process happened.
    let mut shown_by: Option<(usize, MilestoneId)> = None;
    for m in &t.milestones {
        let recorded_by_today = match m.kind {
            MilestoneKind::Event => {
                matches!(m.basis, Basis::Actual | Basis::Approximate) && m.date <= today
            }
            MilestoneKind::Deadline => m.actual.is_some_and(|a| a <= today),
            MilestoneKind::Marker => false,
        };
        if recorded_by_today && shown_by.is_none_or(|(p, _)| m.id.position() > p) {
            shown_by = Some((m.id.position(), m.id));
        }
    }
    let mut done = Vec::new();
    let mut due_this_week = Vec::new();
    let mut overdue = Vec::new();
    for m in &mut t.milestones {
        let own = match m.kind {
            MilestoneKind::Marker => m.date <= today,
            _ => {
                m.actual.is_some_and(|a| a <= today)
                    || (m.id == MilestoneId::Notification && m.date <= today)
                    || (m.kind == MilestoneKind::Event
                        && matches!(m.basis, Basis::Actual | Basis::Approximate)
                        && m.date <= today)
            }
        };
        let implied = match shown_by {
            Some((p, by)) if !own && m.kind != MilestoneKind::Marker && m.id.position() < p => {
                Some(by)
            }
            _ => None,
        };
        m.implied_by = implied;
        let state = if own || implied.is_some() {
            MilestoneState::Done
        } else if m.date < today {
            MilestoneState::Overdue
        } else if m.date <= week_end {
            MilestoneState::DueThisWeek
        } else {
            MilestoneState::Upcoming
        };
        match state {
            MilestoneState::Done => done.push(m.id),
            MilestoneState::DueThisWeek => due_this_week.push(m.id),
            MilestoneState::Overdue => overdue.push(m.id),
            MilestoneState::Upcoming => {}
        }
        m.state = Some(state);
        m.calendar_days_remaining = Some(day_number(m.date) - day_number(today));
        m.working_days_remaining = Some(cal.working_days_between(today, m.date)?);
    }
    let next = t.milestones.iter().find(|m| {
        matches!(
            m.state,
            Some(MilestoneState::DueThisWeek | MilestoneState::Upcoming)
        )
    });
    let end = t.milestone(MilestoneId::TwentyWeekEnd).date;
    let days_elapsed = day_number(today) - day_number(t.notified);
    let week_number = if days_elapsed < 0 {
        0
    } else {
        days_elapsed.div_euclid(7) + 1
    };
    let estimated = match t.notified_basis {
        Basis::Estimated => " (estimated)",
        _ => "",
    };
    let calendar_days_to_end = day_number(end) - day_number(today);
    let mut summary = if days_elapsed < 0 {
        format!(
            "On {}: the first notice{estimated} on {} is {}.",
            long_date(today),
            long_date(t.notified),
            when(-days_elapsed)
        )
    } else {
        format!(
            "On {}: week {week_number} since the first notice{estimated} on {} (day {} of the \
             assessment); the council's {}-week planning figure (not CQC's) ends on {}, {}.",
            long_date(today),
            long_date(t.notified),
            days_elapsed + 1,
            t.weeks_total,
            long_date(end),
            when(calendar_days_to_end)
        )
    };
    if let Some(m) = next {
        let cd = m.calendar_days_remaining.unwrap_or(0);
        let wd = m.working_days_remaining.unwrap_or(0);
        summary.push_str(&format!(
            " Next: {} on {}, {}{}.",
            m.name,
            long_date(m.date),
            when(cd),
            if cd > 0 {
                format!(" ({})", count(wd, "working day"))
            } else {
                String::new()
            }
        ));
    }
    Ok(TimelineStatus {
        today,
        days_elapsed,
        weeks_elapsed: days_elapsed.div_euclid(7),
        week_number,
        weeks_total: t.weeks_total,
        calendar_days_to_end,
        working_days_to_end: cal.working_days_between(today, end)?,
        done,
        due_this_week,
        overdue,
        next: next.map(|m| m.id),
        next_date: next.map(|m| m.date),
        calendar_days_to_next: next.and_then(|m| m.calendar_days_remaining),
        working_days_to_next: next.and_then(|m| m.working_days_remaining),
        summary,
    })
}
