//! The assessment timeline: milestones from CQC's notification to publication, placed on real
//! working days (bank holidays in England and Wales, a council's closure days), re-planned from
//! what actually happened, with the status on any date and an iCalendar export.
//!
//! Every default rule cites its source in [`TimelineProfile::default`]; sources and their
//! ranges are described in the project's domain notes (§4).

mod calendar;
mod holidays;
mod ical;
mod profile;

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

pub use calendar::{parse_date, parse_uk_date, WorkingCalendar};
pub use holidays::{
    bank_holidays_from_gov_uk_json, easter_sunday, england_bank_holidays, BankHoliday,
    FIRST_RULE_YEAR, LAST_RULE_YEAR,
};
pub use profile::{
    Adjust, MilestoneDefinition, MilestoneId, MilestoneKind, MilestoneRule, Offset,
    TimelineProfile, HOW_WE_REPORT_URL,
};

use crate::error::{Error, Result};
use calendar::add_days;
pub(crate) use calendar::day_number;
use holidays::check_year;

/// What a timeline is computed from: the notification date, what actually happened, the rules
/// and the working calendar.
///
/// ```
/// use cqc_assurance::{parse_date, plan_timeline, MilestoneId, TimelineInput};
/// let d = |s| parse_date(s, "date").unwrap();
/// let input = TimelineInput::new(d("2025-01-06"))
///     .with_actual(MilestoneId::OnSiteStart, d("2025-03-18"))
///     .with_actual(MilestoneId::DraftReport, d("2025-04-14"));
/// let timeline = plan_timeline(&input).unwrap();
/// // Ten working days from 14 April 2025, skipping Good Friday and Easter Monday.
/// assert_eq!(timeline.milestone(MilestoneId::FactualAccuracyDue).date, d("2025-04-30"));
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimelineInput {
    /// The day CQC's notification arrived. When unknown, it is estimated from the recorded
    /// dates and marked as an estimate.
    pub notified: Option<Date>,
    /// What happened (events) or when something was delivered (deadlines).
    pub actuals: BTreeMap<MilestoneId, Date>,
    /// Actuals whose exact day is not known (for example "the week of 22 January").
    pub approximate: BTreeSet<MilestoneId>,
    /// The date to report the status on.
    pub today: Option<Date>,
    /// The rules.
    pub profile: TimelineProfile,
    /// Working days.
    pub calendar: WorkingCalendar,
    /// The council, for the reader.
    pub council: Option<String>,
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

    /// Records an actual date.
    pub fn with_actual(mut self, id: MilestoneId, date: Date) -> TimelineInput {
        self.actuals.insert(id, date);
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
    ///  "actuals": {"on_site_start": "2025-03-18"},
    ///  "approximate": ["set_up_meeting"],
    ///  "today": "2025-02-01",
    ///  "profile": {...}, "closures": ["2025-12-29"], "bank_holidays": [{"date": ..., "title": ...}],
    ///  "council": "...", "notes": ["..."]}
    /// ```
    ///
    /// Everything but `notified` or `actuals` is optional. Bad dates are `invalid_date`, unknown
    /// milestone ids `unknown_milestone`, each with the path of the field.
    ///
    /// ```
    /// use cqc_assurance::TimelineInput;
    /// let err = TimelineInput::from_json(r#"{"notified": "2025-01-06",
    ///     "actuals": {"site_visit": "2025-03-18"}}"#).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("unknown_milestone", Some("actuals.site_visit")));
    /// ```
    pub fn from_json(text: &str) -> Result<TimelineInput> {
        TimelineInput::from_value(&crate::json::parse(text)?)
    }

    /// As [`TimelineInput::from_json`], from a parsed document (a workbook's `timeline`).
    pub(crate) fn from_value(doc: &serde_json::Value) -> Result<TimelineInput> {
        const FIELDS: [&str; 9] = [
            "notified",
            "actuals",
            "approximate",
            "today",
            "profile",
            "closures",
            "bank_holidays",
            "council",
            "notes",
        ];
        let raw = crate::json::Object::new(
            doc,
            "",
            "a timeline input {notified, actuals, ...}",
            &FIELDS,
        )?;
        let mut input = TimelineInput {
            council: raw.str("council")?.map(str::to_string),
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
        for (key, path, value) in raw.string_map("actuals")? {
            let id = MilestoneId::parse(key).map_err(|e| e.under(&path))?;
            input.actuals.insert(id, parse_date(value, &path)?);
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
            input.profile = profile::RawProfile::read(p, "profile")?.validate("profile")?;
        }
        input.calendar = WorkingCalendar::read(&raw)?;
        Ok(input)
    }
}

/// How a milestone's date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Recorded by the user.
    Actual,
    /// Recorded, but the exact day is not known.
    Approximate,
    /// Computed from the rules and the dates before it.
    Planned,
    /// Computed from an estimated notification date, or the estimate itself.
    Estimated,
}

/// Where a milestone stands on the status date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneState {
    /// It happened, or was delivered, on or before the status date.
    Done,
    /// Its date is in the current week (Monday to Sunday), from the status date on.
    DueThisWeek,
    /// Its date has passed and nothing is recorded.
    Overdue,
    /// Later.
    Upcoming,
}

/// One milestone of a computed timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    /// Its id, e.g. `factual_accuracy_due`.
    pub id: MilestoneId,
    /// A name for people.
    pub name: String,
    /// Event, deadline or marker.
    pub kind: MilestoneKind,
    /// When it happens (events) or is due (deadlines).
    pub date: Date,
    /// How `date` is known.
    pub basis: Basis,
    /// What the rule gives from the dates before it (for comparison with an actual date).
    pub planned: Date,
    /// The recorded date: when it happened, or for a deadline when it was delivered.
    pub actual: Option<Date>,
    /// The rule, `None` for the notification.
    pub rule: Option<MilestoneRule>,
    /// The rule in words.
    pub rule_text: String,
    /// Where the rule comes from.
    pub source: String,
    /// A link to the source, where there is one.
    pub source_url: Option<String>,
    /// When the rule's date was not a working day: that date and why (`2025-04-18: Good
    /// Friday`).
    pub moved_from: Option<String>,
    /// Where it stands on the status date (when one was given).
    pub state: Option<MilestoneState>,
    /// Calendar days from the status date to `date` (negative when past).
    pub calendar_days_remaining: Option<i64>,
    /// Working days after the status date up to and including `date` (negative when past).
    pub working_days_remaining: Option<i64>,
}

/// Kinds of inconsistency found in the recorded dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IssueKind {
    /// The on-site dates came with less notice than the documented minimum.
    ShortOnSiteNotice,
    /// A recorded date comes before one it should follow.
    OutOfOrder,
    /// A deadline was met late.
    AfterDeadline,
}

/// An inconsistency in the recorded dates; the timeline is still computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
pub struct Interval {
    /// The earlier milestone.
    pub from: MilestoneId,
    /// The later milestone.
    pub to: MilestoneId,
    /// The earlier date.
    pub from_date: Date,
    /// The later date.
    pub to_date: Date,
    /// Calendar days between them.
    pub calendar_days: i64,
    /// The same as weeks and days, e.g. `12 weeks 3 days`.
    pub weeks: String,
    /// Working days after `from_date` up to and including `to_date`.
    pub working_days: i64,
    /// Whether either date is only approximately known.
    pub approximate: bool,
}

/// Where the assessment stands on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineStatus {
    /// The status date.
    pub today: Date,
    /// Calendar days since the notification.
    pub days_elapsed: i64,
    /// Whole weeks since the notification.
    pub weeks_elapsed: i64,
    /// The length the profile counts against (20).
    pub weeks_total: u32,
    /// Calendar days from the status date to the end of the `weeks_total` weeks.
    pub calendar_days_to_end: i64,
    /// Working days from the status date to the end of the `weeks_total` weeks.
    pub working_days_to_end: i64,
    /// Milestones done.
    pub done: Vec<MilestoneId>,
    /// Milestones in the current week, not yet done.
    pub due_this_week: Vec<MilestoneId>,
    /// Milestones whose date has passed with nothing recorded.
    pub overdue: Vec<MilestoneId>,
    /// The next milestone not yet done, from the status date on.
    pub next: Option<MilestoneId>,
    /// Its date.
    pub next_date: Option<Date>,
    /// Calendar days to it.
    pub calendar_days_to_next: Option<i64>,
    /// Working days to it.
    pub working_days_to_next: Option<i64>,
}

/// A computed timeline: every milestone with its date, the inconsistencies found, the
/// durations between recorded dates and, when a status date was given, the status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// The council, when given.
    pub council: Option<String>,
    /// The notification date used (recorded or estimated).
    pub notified: Date,
    /// Whether `notified` was recorded or estimated.
    pub notified_basis: Basis,
    /// How the notification date was estimated, when it was.
    pub notified_estimate: Option<String>,
    /// The milestones, in date order.
    pub milestones: Vec<Milestone>,
    /// Inconsistencies in the recorded dates.
    pub issues: Vec<TimelineIssue>,
    /// Durations between consecutive recorded dates, then from the first to the last.
    pub intervals: Vec<Interval>,
    /// The status on the status date, when one was given.
    pub status: Option<TimelineStatus>,
    /// The length of the assessment the status counts against, in weeks (the profile's).
    pub weeks_total: u32,
    /// Notes carried over from the input.
    pub notes: Vec<String>,
}

impl Timeline {
    /// One milestone.
    pub fn milestone(&self, id: MilestoneId) -> &Milestone {
        self.milestones
            .iter()
            .find(|m| m.id == id)
            .expect("a timeline has every milestone")
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
    /// assert!(t.to_text().contains("Factual accuracy response due"));
    /// ```
    pub fn to_text(&self) -> String {
        use std::fmt::Write as _;
        let mut s = String::new();
        if let Some(c) = &self.council {
            let _ = writeln!(s, "{c}");
        }
        let _ = writeln!(
            s,
            "Notified {} ({}){}",
            self.notified,
            basis_word(self.notified_basis),
            self.notified_estimate
                .as_deref()
                .map(|e| format!(": {e}"))
                .unwrap_or_default()
        );
        s.push('\n');
        for m in &self.milestones {
            let state = m
                .state
                .map(|st| match st {
                    MilestoneState::Done => "  [done]",
                    MilestoneState::DueThisWeek => "  [due this week]",
                    MilestoneState::Overdue => "  [overdue]",
                    MilestoneState::Upcoming => "",
                })
                .unwrap_or("");
            let _ = writeln!(
                s,
                "{} {}  {:<44} {}{}",
                m.date,
                weekday_abbr(m.date.weekday()),
                m.name,
                basis_word(m.basis),
                state
            );
            if let Some(a) = m.actual.filter(|_| m.kind == MilestoneKind::Deadline) {
                let _ = writeln!(s, "{:16}delivered {a}", "");
            }
            if !m.rule_text.is_empty() && m.basis != Basis::Actual {
                let _ = writeln!(s, "{:16}rule: {}", "", m.rule_text);
            }
            if let Some(mv) = &m.moved_from {
                let _ = writeln!(s, "{:16}moved from {mv}", "");
            }
        }
        if let Some(st) = &self.status {
            let _ = writeln!(
                s,
                "\nOn {}: week {} of {} ({} days elapsed); {} calendar days, {} working days to \
                 the end of week {}.",
                st.today,
                st.weeks_elapsed,
                st.weeks_total,
                st.days_elapsed,
                st.calendar_days_to_end,
                st.working_days_to_end,
                st.weeks_total
            );
            if let (Some(n), Some(d)) = (st.next, st.next_date) {
                let _ = writeln!(
                    s,
                    "Next: {} on {d} (in {}, {}).",
                    n.name(),
                    count(st.calendar_days_to_next.unwrap_or(0), "calendar day"),
                    count(st.working_days_to_next.unwrap_or(0), "working day")
                );
            }
            for (label, list) in [
                ("Due this week", &st.due_this_week),
                ("Overdue", &st.overdue),
            ] {
                if !list.is_empty() {
                    let names: Vec<_> = list.iter().map(|m| m.name()).collect();
                    let _ = writeln!(s, "{label}: {}.", names.join("; "));
                }
            }
        }
        if !self.intervals.is_empty() {
            s.push_str("\nDurations between recorded dates:\n");
            for i in &self.intervals {
                let _ = writeln!(
                    s,
                    "  {} -> {}: {} ({}, {}){}",
                    i.from,
                    i.to,
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
        for n in &self.notes {
            let _ = writeln!(s, "\nNote: {n}");
        }
        s
    }

    /// The timeline as an iCalendar (RFC 5545) file with one all-day event per milestone.
    /// `dtstamp` is the creation time written into every event (pass a fixed time for
    /// reproducible files).
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

fn basis_word(b: Basis) -> &'static str {
    match b {
        Basis::Actual => "recorded",
        Basis::Approximate => "recorded, approximate",
        Basis::Planned => "planned",
        Basis::Estimated => "estimated",
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

/// Computes the timeline: every milestone's date from the rules and the recorded dates, the
/// inconsistencies, the durations between recorded dates and (with `today`) the status.
///
/// Errors: `dates_out_of_order` for a recorded date before a recorded notification, or an
/// on-site visit that ends before it starts; `missing_date` when there is neither a
/// notification date nor a recorded event to estimate it from; `conflicting_dates` when
/// `notified` and `actuals.notification` differ; `date_out_of_range` past the supported years.
///
/// ```
/// use cqc_assurance::{parse_date, plan_timeline, TimelineInput, MilestoneId};
/// let d = |s| parse_date(s, "date").unwrap();
/// let input = TimelineInput::new(d("2025-01-06")).with_actual(MilestoneId::OnSiteStart, d("2024-12-01"));
/// let err = plan_timeline(&input).unwrap_err();
/// assert_eq!((err.code(), err.path()), ("dates_out_of_order", Some("actuals.on_site_start")));
/// ```
pub fn plan_timeline(input: &TimelineInput) -> Result<Timeline> {
    let profile = &input.profile;
    profile.validate()?;
    let cal = &input.calendar;
    for (id, d) in &input.actuals {
        check_year(d.year(), &format!("actuals.{id}"))?;
    }
    if let Some(t) = input.today {
        check_year(t.year(), "today")?;
    }

    // 1. The notification date: recorded, or estimated from the nearest recorded event.
    let recorded_notification = match (
        input.notified,
        input.actuals.get(&MilestoneId::Notification),
    ) {
        (Some(a), Some(b)) if a != *b => {
            return Err(Error::ConflictingDates {
                path: "actuals.notification".into(),
                message: format!("notified is {a} but actuals.notification is {b}"),
            })
        }
        (Some(a), _) => Some(a),
        (None, b) => b.copied(),
    };
    let (notified, notified_basis, notified_estimate) = match recorded_notification {
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
            let (date, text) = estimate_notification(input)?;
            (date, Basis::Estimated, Some(text))
        }
    };

    // 2. Hard errors: recorded dates before a recorded notification, a visit ending before it
    //    starts.
    if notified_basis != Basis::Estimated {
        for (id, d) in &input.actuals {
            if *id != MilestoneId::Notification && *d < notified {
                return Err(Error::DatesOutOfOrder {
                    path: format!("actuals.{id}"),
                    message: format!(
                        "{} is recorded on {d}, before the notification on {notified}",
                        id.name()
                    ),
                });
            }
        }
    }
    if let (Some(s), Some(e)) = (
        input.actuals.get(&MilestoneId::OnSiteStart),
        input.actuals.get(&MilestoneId::OnSiteEnd),
    ) {
        if e < s {
            return Err(Error::DatesOutOfOrder {
                path: "actuals.on_site_end".into(),
                message: format!(
                    "the on-site visit is recorded as ending on {e}, before it starts on {s}"
                ),
            });
        }
    }

    // 3. Every milestone in dependency order.
    struct Computed {
        date: Date,
        planned: Date,
        basis: Basis,
        moved: Option<String>,
    }
    let mut computed: BTreeMap<MilestoneId, Computed> = BTreeMap::new();
    for id in profile.evaluation_order() {
        let def = profile.definition(id);
        let Some(rule) = def.rule else {
            computed.insert(
                id,
                Computed {
                    date: notified,
                    planned: notified,
                    basis: notified_basis,
                    moved: None,
                },
            );
            continue;
        };
        let anchor = &computed[&rule.from];
        let (planned, moved) = apply_rule(&rule, anchor.date, cal, &format!("milestones.{id}"))?;
        let inherited = match anchor.basis {
            Basis::Estimated => Basis::Estimated,
            _ => Basis::Planned,
        };
        let actual = input.actuals.get(&id).copied();
        let c = match (id.kind(), actual) {
            (MilestoneKind::Event, Some(a)) => Computed {
                date: a,
                planned,
                basis: if input.approximate.contains(&id) {
                    Basis::Approximate
                } else {
                    Basis::Actual
                },
                moved: None,
            },
            _ => Computed {
                date: planned,
                planned,
                basis: inherited,
                moved,
            },
        };
        computed.insert(id, c);
    }

    let mut milestones: Vec<Milestone> = MilestoneId::ALL
        .iter()
        .map(|&id| {
            let def = profile.definition(id);
            let c = &computed[&id];
            Milestone {
                id,
                name: id.name().to_string(),
                kind: id.kind(),
                date: c.date,
                basis: c.basis,
                planned: c.planned,
                actual: input
                    .actuals
                    .get(&id)
                    .copied()
                    .or(
                        (id == MilestoneId::Notification && notified_basis != Basis::Estimated)
                            .then_some(notified),
                    ),
                rule: def.rule,
                rule_text: def.rule.map(|r| r.describe()).unwrap_or_default(),
                source: def.source.clone(),
                source_url: def.source_url.clone(),
                moved_from: c.moved.clone(),
                state: None,
                calendar_days_remaining: None,
                working_days_remaining: None,
            }
        })
        .collect();
    // Date order; ties keep the usual order. (Unstable sorts with a unique key, here and below:
    // the same order as a stable sort, and the WebAssembly modules carry one sort algorithm.)
    let usual: Vec<MilestoneId> = milestones.iter().map(|m| m.id).collect();
    milestones.sort_unstable_by_key(|m| (m.date, usual.iter().position(|&id| id == m.id)));

    let mut timeline = Timeline {
        council: input.council.clone(),
        notified,
        notified_basis,
        notified_estimate,
        milestones,
        issues: Vec::new(),
        intervals: Vec::new(),
        status: None,
        weeks_total: profile.weeks_total,
        notes: input.notes.clone(),
    };
    timeline.issues = find_issues(&timeline, input)?;
    timeline.intervals = intervals(&timeline, input, cal)?;
    if let Some(today) = input.today {
        timeline.status = Some(status(&mut timeline, today, cal)?);
    }
    Ok(timeline)
}

/// Estimates the notification date from the recorded event closest to it in the rules.
fn estimate_notification(input: &TimelineInput) -> Result<(Date, String)> {
    let profile = &input.profile;
    let mut best: Option<(usize, MilestoneId, Vec<MilestoneRule>)> = None;
    for &id in input.actuals.keys() {
        if id.kind() != MilestoneKind::Event || input.approximate.contains(&id) {
            continue;
        }
        let mut chain = Vec::new();
        let mut cur = id;
        while let Some(rule) = profile.definition(cur).rule {
            chain.push(rule);
            cur = rule.from;
        }
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
    let mut date = recorded;
    for rule in &chain {
        date = invert_rule(rule, date, &input.calendar)?;
    }
    let rules: Vec<String> = chain.iter().map(|r| r.describe()).collect();
    Ok((
        date,
        format!(
            "estimated from {id} on {recorded} by reversing the rule(s): {}; the real date is \
             not known",
            rules.join("; ")
        ),
    ))
}

fn find_issues(t: &Timeline, input: &TimelineInput) -> Result<Vec<TimelineIssue>> {
    let profile = &input.profile;
    let mut issues = Vec::new();
    let recorded_event = |id: MilestoneId| -> Option<Date> {
        if id == MilestoneId::Notification {
            return (t.notified_basis != Basis::Estimated).then_some(t.notified);
        }
        (id.kind() == MilestoneKind::Event)
            .then(|| input.actuals.get(&id).copied())
            .flatten()
    };

    // Short on-site notice.
    let notice = t.milestone(MilestoneId::OnSiteNotice);
    let start = t.milestone(MilestoneId::OnSiteStart);
    let gap = day_number(start.date) - day_number(notice.date);
    let min_days = i64::from(profile.minimum_on_site_notice_weeks) * 7;
    let notice_recorded = input.actuals.contains_key(&MilestoneId::OnSiteNotice);
    let start_recorded = input.actuals.contains_key(&MilestoneId::OnSiteStart);
    if (notice_recorded || start_recorded) && gap < min_days {
        let plan = !(notice_recorded && start_recorded);
        issues.push(TimelineIssue {
            kind: IssueKind::ShortOnSiteNotice,
            milestone: MilestoneId::OnSiteNotice,
            message: format!(
                "notice of the on-site dates on {} ({}) and the visit starting {} ({}) leave {} \
                 days, less than the documented minimum of {} weeks",
                notice.date,
                basis_word(notice.basis),
                start.date,
                basis_word(start.basis),
                gap,
                profile.minimum_on_site_notice_weeks
            ),
            depends_on_plan: plan,
        });
    }

    // Recorded events out of the order the rules give.
    for &id in &MilestoneId::ALL {
        let Some(date) = recorded_event(id) else {
            continue;
        };
        let mut cur = id;
        let mut direction = 0i32;
        while let Some(rule) = profile.definition(cur).rule {
            let sign = match rule.offset {
                Offset::Days(n) | Offset::Weeks(n) | Offset::WorkingDays(n) => n.signum(),
            };
            if sign == 0 || (direction != 0 && sign != direction) {
                break;
            }
            direction = sign;
            cur = rule.from;
            if let Some(anchor) = recorded_event(cur) {
                let wrong = (direction > 0 && date < anchor) || (direction < 0 && date > anchor);
                if wrong {
                    issues.push(TimelineIssue {
                        kind: IssueKind::OutOfOrder,
                        milestone: id,
                        message: format!(
                            "{} is recorded on {date}, {} {} on {anchor}",
                            id.name(),
                            if direction > 0 { "before" } else { "after" },
                            cur.name()
                        ),
                        depends_on_plan: false,
                    });
                }
                break;
            }
        }
    }

    // Deadlines met late. A due date is firm when it follows, through deadlines only, from a
    // recorded event (a due date computed from a planned visit could still move).
    let firm = |id: MilestoneId| -> bool {
        let mut cur = id;
        loop {
            if cur == MilestoneId::Notification {
                return t.notified_basis == Basis::Actual;
            }
            if cur.kind() == MilestoneKind::Event {
                return input.actuals.contains_key(&cur) && !input.approximate.contains(&cur);
            }
            match profile.definition(cur).rule {
                Some(rule) => cur = rule.from,
                None => return false,
            }
        }
    };
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
                    depends_on_plan: !firm(m.id),
                });
            }
        }
    }
    Ok(issues)
}

fn intervals(t: &Timeline, input: &TimelineInput, cal: &WorkingCalendar) -> Result<Vec<Interval>> {
    let mut recorded: Vec<(Date, MilestoneId, bool)> = t
        .milestones
        .iter()
        .filter_map(|m| {
            let approx = input.approximate.contains(&m.id);
            m.actual.map(|a| (a, m.id, approx))
        })
        .collect();
    let position = |id: MilestoneId| t.milestones.iter().position(|m| m.id == id);
    recorded.sort_unstable_by_key(|r| (r.0, position(r.1)));
    let make = |a: &(Date, MilestoneId, bool), b: &(Date, MilestoneId, bool)| -> Result<Interval> {
        let days = day_number(b.0) - day_number(a.0);
        Ok(Interval {
            from: a.1,
            to: b.1,
            from_date: a.0,
            to_date: b.0,
            calendar_days: days,
            weeks: weeks_text(days),
            working_days: cal.working_days_between(a.0, b.0)?,
            approximate: a.2 || b.2,
        })
    };
    let mut out = Vec::new();
    for pair in recorded.windows(2) {
        out.push(make(&pair[0], &pair[1])?);
    }
    if recorded.len() > 2 {
        out.push(make(&recorded[0], &recorded[recorded.len() - 1])?);
    }
    Ok(out)
}

/// Fills each milestone's state and remaining days, and returns the summary.
fn status(t: &mut Timeline, today: Date, cal: &WorkingCalendar) -> Result<TimelineStatus> {
    check_year(today.year(), "today")?;
    // Sunday of today's week (weeks run Monday to Sunday).
    let to_sunday = 6 - i64::from(today.weekday().to_monday_zero_offset());
    let week_end = add_days(today, to_sunday, "today")?;
    let mut done = Vec::new();
    let mut due_this_week = Vec::new();
    let mut overdue = Vec::new();
    for m in &mut t.milestones {
        let happened = match m.kind {
            MilestoneKind::Marker => m.date <= today,
            _ => {
                m.actual.is_some_and(|a| a <= today)
                    || (m.id == MilestoneId::Notification && m.date <= today)
            }
        };
        let state = if happened {
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
    Ok(TimelineStatus {
        today,
        days_elapsed,
        weeks_elapsed: days_elapsed.div_euclid(7),
        weeks_total: t.weeks_total,
        calendar_days_to_end: day_number(end) - day_number(today),
        working_days_to_end: cal.working_days_between(today, end)?,
        done,
        due_this_week,
        overdue,
        next: next.map(|m| m.id),
        next_date: next.map(|m| m.date),
        calendar_days_to_next: next.and_then(|m| m.calendar_days_remaining),
        working_days_to_next: next.and_then(|m| m.working_days_remaining),
    })
}
