//! Pre-election periods: the weeks before elections in England in which CQC pauses the
//! publication of local authority reports (it did so before the local elections of May 2026,
//! and before the general election of July 2024).
//!
//! Local elections follow a rule (the first Thursday in May) with exceptions (2020 postponed
//! to 2021, 2001 moved to June); the rule and its exceptions are a data file,
//! `data/elections.json`, that a calendar document of the same shape can override year by year.

use std::sync::OnceLock;

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

use super::calendar::{add_days, long_date, parse_date, WorkingCalendar};
use super::holidays::check_year;
use crate::error::{Error, Result};

/// The bundled election calendar: the rule, its exceptions and the pauses CQC announced, each
/// with its source.
pub const DEFAULT_ELECTIONS_JSON: &str = include_str!("../../data/elections.json");

/// The notice of election is published no later than this many working days (of the election
/// timetable) before polling day.
pub const NOTICE_WORKING_DAYS: i64 = 25;

/// One year that does not follow the rule, or whose notice date is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionYear {
    /// The year.
    pub year: i16,
    /// Polling day, when not the first Thursday in May.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub polling_day: Option<Date>,
    /// No ordinary local elections that year (2020: postponed to 2021).
    #[serde(default)]
    pub no_elections: bool,
    /// The day the notice of election was (or will be) published, when known; otherwise the
    /// latest day the law allows is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Date>,
    /// Why the year differs.
    #[serde(default)]
    pub note: String,
    /// The source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
}

/// A pause that is not a local election (a general election), given by its dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionPeriodDefinition {
    /// What it is for.
    pub title: String,
    /// Its first day.
    pub start: Date,
    /// Its last day (polling day).
    pub end: Date,
    /// What the source says.
    #[serde(default)]
    pub note: String,
    /// The source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
}

/// The calendar of elections: the rule for local elections in England, the years that differ,
/// and other pauses. [`ElectionCalendar::default`] is the bundled one.
///
/// ```
/// use cqc_assurance::{parse_date, ElectionCalendar, WorkingCalendar};
/// let cal = ElectionCalendar::default();
/// let p = cal.local_period(2027, &WorkingCalendar::england()).unwrap().unwrap();
/// // Polling day Thursday 6 May 2027; the notice 25 working days before, skipping the early
/// // May bank holiday (3 May): Wednesday 31 March 2027.
/// assert_eq!((p.start.to_string(), p.end.to_string()), ("2027-03-31".into(), "2027-05-06".into()));
/// assert!(cal.local_period(2020, &WorkingCalendar::england()).unwrap().is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionCalendar {
    /// The rule in words, with its source.
    pub rule: String,
    /// A link to the rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_source_url: Option<String>,
    /// The notice of election and how its latest day is counted.
    pub notice_source: String,
    /// A link to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_source_url: Option<String>,
    /// Where CQC says it pauses publication.
    pub pause_source: String,
    /// A link to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pause_source_url: Option<String>,
    /// Years that differ from the rule, or whose notice day is known.
    pub years: Vec<ElectionYear>,
    /// Other pauses (general elections).
    pub periods: Vec<ElectionPeriodDefinition>,
}

/// One pre-election period, in which CQC publishes no local authority reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct PreElectionPeriod {
    /// `Local elections of 6 May 2027`.
    pub title: String,
    /// The first day: the publication of the notice of election.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub start: Date,
    /// The last day: polling day.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub end: Date,
    /// Whether `start` is the latest day the law allows for the notice (it may come earlier);
    /// false when the notice day was given.
    pub start_is_latest_notice: bool,
    /// Why this year differs from the rule, when it does.
    pub note: String,
    /// The source.
    pub source_url: Option<String>,
}

impl PreElectionPeriod {
    /// Whether `date` falls inside the period.
    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }

    /// `the local elections of 6 May 2027 (31 March 2027 to 6 May 2027)`.
    pub fn short(&self) -> String {
        let title = lower_first(&self.title);
        let the = if title.starts_with("UK") || title.starts_with("local") {
            "the "
        } else {
            ""
        };
        format!(
            "{the}{title} ({} to {})",
            long_date(self.start),
            long_date(self.end)
        )
    }

    /// `31 March to 6 May 2027 (local elections of 6 May 2027)`.
    pub fn describe(&self) -> String {
        format!(
            "{} to {} ({}{})",
            long_date(self.start),
            long_date(self.end),
            lower_first(&self.title),
            if self.start_is_latest_notice {
                "; from the latest day for the notice of election, which may come earlier"
            } else {
                ""
            }
        )
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if !s.starts_with("UK") => f.to_ascii_lowercase().to_string() + c.as_str(),
        _ => s.to_string(),
    }
}

/// What to do with a planned publication that falls in a pre-election period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PreElectionPolicy {
    /// Move it to the first working day after the period (CQC's practice in 2026).
    #[default]
    Move,
    /// Keep the date and report it as an issue.
    Flag,
}

/// The years in which a pause for local elections is expected.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ElectionYears {
    /// Every year with ordinary local elections (the default: CQC paused publication
    /// nationally in 2026, whether or not a council had elections itself).
    #[default]
    EveryYear,
    /// Only these years (an empty list: never).
    Years(Vec<i16>),
}

impl Serialize for ElectionYears {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            ElectionYears::EveryYear => s.serialize_str("every_year"),
            ElectionYears::Years(y) => y.serialize(s),
        }
    }
}

impl ElectionYears {
    fn includes(&self, year: i16) -> bool {
        match self {
            ElectionYears::EveryYear => true,
            ElectionYears::Years(y) => y.contains(&year),
        }
    }
}

/// How a timeline treats pre-election periods: which years, what to do, which calendar. JSON
/// (the `pre_election` field of a timeline document, every field optional):
/// `{"election_years": "every_year" | "none" | [2027], "policy": "move" | "flag",
/// "calendar": {"years": [...], "periods": [...]}}`.
///
/// ```
/// use cqc_assurance::{ElectionYears, PreElectionPolicy};
/// use cqc_assurance::timeline::PreElectionSettings;
/// let s = PreElectionSettings::from_json(r#"{"election_years": [2027], "policy": "flag"}"#).unwrap();
/// assert_eq!((s.election_years, s.policy), (ElectionYears::Years(vec![2027]), PreElectionPolicy::Flag));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct PreElectionSettings {
    /// The years with a pause for local elections.
    pub election_years: ElectionYears,
    /// Move or flag a planned publication inside a period.
    pub policy: PreElectionPolicy,
    /// The calendar of elections (the bundled one, with any overrides).
    #[serde(skip)]
    pub calendar: ElectionCalendar,
}

impl Default for ElectionCalendar {
    fn default() -> Self {
        static DEFAULT: OnceLock<ElectionCalendar> = OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                crate::json::parse(DEFAULT_ELECTIONS_JSON)
                    .and_then(|v| ElectionCalendar::read(&v, ""))
                    .unwrap_or_else(|_| unreachable!("the bundled election calendar is valid"))
            })
            .clone()
    }
}

/// The first Thursday in May of `year`.
pub fn first_thursday_in_may(year: i16) -> Result<Date> {
    check_year(year, "year")?;
    Date::new(year, 5, 1)
        .and_then(|d| d.nth_weekday_of_month(1, Weekday::Thursday))
        .map_err(|_| Error::DateOutOfRange {
            path: "year".into(),
            message: format!("no first Thursday in May {year}"),
        })
}

/// The latest day for the notice of election: 25 days of the election timetable before
/// polling day, counting without Saturdays, Sundays, Christmas Eve, Christmas Day, Good Friday
/// and bank holidays (in England, from `calendar`'s bank holidays; its closure days are the
/// council's own and do not count).
///
/// ```
/// use cqc_assurance::{parse_date, WorkingCalendar};
/// use cqc_assurance::timeline::latest_notice_of_election;
/// let d = |s| parse_date(s, "d").unwrap();
/// let cal = WorkingCalendar::england();
/// // As the Electoral Commission's timetables give them.
/// assert_eq!(latest_notice_of_election(d("2025-05-01"), &cal).unwrap(), d("2025-03-25"));
/// assert_eq!(latest_notice_of_election(d("2026-05-07"), &cal).unwrap(), d("2026-03-30"));
/// ```
pub fn latest_notice_of_election(polling_day: Date, calendar: &WorkingCalendar) -> Result<Date> {
    let cal = calendar.without_closures();
    let mut left = NOTICE_WORKING_DAYS;
    let mut day = polling_day;
    while left > 0 {
        day = add_days(day, -1, "polling_day")?;
        let christmas_eve = day.month() == 12 && day.day() == 24;
        if cal.is_working_day(day)? && !christmas_eve {
            left -= 1;
        }
    }
    Ok(day)
}

impl ElectionCalendar {
    /// Reads a calendar document (every field optional): `{"rule", "years": [{"year",
    /// "polling_day", "no_elections", "notice", "note", "source_url"}], "periods": [{"title",
    /// "start", "end", "note", "source_url"}]}`.
    ///
    /// ```
    /// let cal = cqc_assurance::ElectionCalendar::from_json(
    ///     r#"{"years": [{"year": 2027, "no_elections": true, "note": "postponed"}]}"#).unwrap();
    /// assert!(cal.years[0].no_elections);
    /// ```
    pub fn from_json(text: &str) -> Result<ElectionCalendar> {
        ElectionCalendar::read(&crate::json::parse(text)?, "")
    }

    pub(crate) fn read(value: &serde_json::Value, path: &str) -> Result<ElectionCalendar> {
        use crate::json::Object;
        let raw = Object::new(
            value,
            path,
            "an election calendar {years, periods, ...}",
            &[
                "description",
                "rule",
                "rule_source_url",
                "notice_source",
                "notice_source_url",
                "pause_source",
                "pause_source_url",
                "years",
                "periods",
            ],
        )?;
        raw.str("description")?;
        let text = |k: &str| -> Result<String> { Ok(raw.str(k)?.unwrap_or_default().to_string()) };
        let url = |k: &str| -> Result<Option<String>> { Ok(raw.str(k)?.map(str::to_string)) };
        let date = |o: &Object, k: &str| -> Result<Option<Date>> {
            match o.str(k)? {
                None => Ok(None),
                Some(s) => {
                    let p = o.path(k);
                    let d = parse_date(s, &p)?;
                    check_year(d.year(), &p)?;
                    Ok(Some(d))
                }
            }
        };
        let mut years: Vec<ElectionYear> = Vec::new();
        let years_path = raw.path("years");
        for (i, y) in raw.list("years")?.iter().enumerate() {
            let p = format!("{years_path}[{i}]");
            let o = Object::new(
                y,
                &p,
                "an election year {year, polling_day, no_elections, notice, note, source_url}",
                &[
                    "year",
                    "polling_day",
                    "no_elections",
                    "notice",
                    "note",
                    "source_url",
                ],
            )?;
            o.required("year", "a year")?;
            let year_path = o.path("year");
            let year = o
                .i64("year")?
                .and_then(|n| i16::try_from(n).ok())
                .ok_or_else(|| Error::InvalidValue {
                    path: year_path.clone(),
                    message: "expected a year".into(),
                })?;
            check_year(year, &year_path)?;
            if years.iter().any(|e| e.year == year) {
                return Err(Error::InvalidValue {
                    path: year_path,
                    message: format!("year {year} is given twice"),
                });
            }
            let entry = ElectionYear {
                year,
                polling_day: date(&o, "polling_day")?,
                no_elections: o.bool("no_elections")?.unwrap_or(false),
                notice: date(&o, "notice")?,
                note: o.str("note")?.unwrap_or_default().to_string(),
                source_url: o.str("source_url")?.map(str::to_string),
            };
            if entry.no_elections && (entry.polling_day.is_some() || entry.notice.is_some()) {
                return Err(Error::InvalidValue {
                    path: o.path("no_elections"),
                    message: format!(
                        "year {year} has no elections but gives a polling day or a notice"
                    ),
                });
            }
            if let Some(pd) = entry.polling_day {
                if pd.year() != year {
                    return Err(Error::InvalidValue {
                        path: o.path("polling_day"),
                        message: format!("polling day {pd} is not in {year}"),
                    });
                }
            }
            if let Some(n) = entry.notice {
                let pd = match entry.polling_day {
                    Some(pd) => pd,
                    None => first_thursday_in_may(year)?,
                };
                if n >= pd {
                    return Err(Error::DatesOutOfOrder {
                        path: o.path("notice"),
                        message: format!(
                            "the notice of election on {n} is not before polling day {pd}"
                        ),
                    });
                }
            }
            years.push(entry);
        }
        let mut periods = Vec::new();
        let periods_path = raw.path("periods");
        for (i, v) in raw.list("periods")?.iter().enumerate() {
            let p = format!("{periods_path}[{i}]");
            let o = Object::new(
                v,
                &p,
                "a pre-election period {title, start, end, note, source_url}",
                &["title", "start", "end", "note", "source_url"],
            )?;
            let title = o.required_str("title")?.to_string();
            o.required("start", "a date")?;
            o.required("end", "a date")?;
            let (Some(start), Some(end)) = (date(&o, "start")?, date(&o, "end")?) else {
                unreachable!("required above")
            };
            if end < start {
                return Err(Error::DatesOutOfOrder {
                    path: o.path("end"),
                    message: format!("the period ends on {end}, before it starts on {start}"),
                });
            }
            periods.push(ElectionPeriodDefinition {
                title,
                start,
                end,
                note: o.str("note")?.unwrap_or_default().to_string(),
                source_url: o.str("source_url")?.map(str::to_string),
            });
        }
        Ok(ElectionCalendar {
            rule: text("rule")?,
            rule_source_url: url("rule_source_url")?,
            notice_source: text("notice_source")?,
            notice_source_url: url("notice_source_url")?,
            pause_source: text("pause_source")?,
            pause_source_url: url("pause_source_url")?,
            years,
            periods,
        })
    }

    /// This calendar with `other`'s years in place of its own (year by year), its periods
    /// added, and its texts where given.
    pub fn merged(&self, other: &ElectionCalendar) -> ElectionCalendar {
        let mut out = self.clone();
        for y in &other.years {
            out.years.retain(|e| e.year != y.year);
            out.years.push(y.clone());
        }
        out.years.sort_unstable_by_key(|y| y.year);
        out.periods.extend(other.periods.iter().cloned());
        let pick = |mine: &mut String, theirs: &String| {
            if !theirs.is_empty() {
                mine.clone_from(theirs);
            }
        };
        pick(&mut out.rule, &other.rule);
        pick(&mut out.notice_source, &other.notice_source);
        pick(&mut out.pause_source, &other.pause_source);
        out
    }

    /// Polling day of the ordinary local elections of `year`, or `None` in a year without them.
    pub fn polling_day(&self, year: i16) -> Result<Option<Date>> {
        match self.years.iter().find(|y| y.year == year) {
            Some(y) if y.no_elections => Ok(None),
            Some(ElectionYear {
                polling_day: Some(d),
                ..
            }) => Ok(Some(*d)),
            _ => first_thursday_in_may(year).map(Some),
        }
    }

    /// The pre-election period of the local elections of `year` (none in a year without
    /// them), with `calendar`'s bank holidays.
    pub fn local_period(
        &self,
        year: i16,
        calendar: &WorkingCalendar,
    ) -> Result<Option<PreElectionPeriod>> {
        let Some(polling) = self.polling_day(year)? else {
            return Ok(None);
        };
        let entry = self.years.iter().find(|y| y.year == year);
        let given = entry.and_then(|y| y.notice);
        let start = match given {
            Some(n) => n,
            None => latest_notice_of_election(polling, calendar)?,
        };
        Ok(Some(PreElectionPeriod {
            title: format!("Local elections of {}", long_date(polling)),
            start,
            end: polling,
            start_is_latest_notice: given.is_none(),
            note: entry.map(|y| y.note.clone()).unwrap_or_default(),
            source_url: entry
                .and_then(|y| y.source_url.clone())
                .or_else(|| self.rule_source_url.clone()),
        }))
    }
}

impl PreElectionSettings {
    /// Reads the `pre_election` field of a timeline document.
    pub fn from_json(text: &str) -> Result<PreElectionSettings> {
        PreElectionSettings::read(&crate::json::parse(text)?, "")
    }

    pub(crate) fn read(value: &serde_json::Value, path: &str) -> Result<PreElectionSettings> {
        use crate::json::Object;
        let raw = Object::new(
            value,
            path,
            "pre-election settings {election_years, policy, calendar}",
            &["election_years", "policy", "calendar"],
        )?;
        let election_years = match raw.get("election_years") {
            None => ElectionYears::EveryYear,
            Some(serde_json::Value::String(s)) if s == "every_year" => ElectionYears::EveryYear,
            Some(serde_json::Value::String(s)) if s == "none" => ElectionYears::Years(Vec::new()),
            Some(serde_json::Value::Array(items)) => {
                let p = raw.path("election_years");
                let mut years = Vec::new();
                for (i, v) in items.iter().enumerate() {
                    let ip = format!("{p}[{i}]");
                    let y = v
                        .as_i64()
                        .and_then(|n| i16::try_from(n).ok())
                        .ok_or_else(|| crate::json::invalid_type(v, "a year", &ip))?;
                    check_year(y, &ip)?;
                    years.push(y);
                }
                ElectionYears::Years(years)
            }
            Some(other) => {
                return Err(crate::json::invalid_type(
                    other,
                    "\"every_year\", \"none\" or a list of years",
                    &raw.path("election_years"),
                ))
            }
        };
        let policy: PreElectionPolicy = raw.variant("policy")?.unwrap_or_default();
        let calendar = match raw.get("calendar") {
            None => ElectionCalendar::default(),
            Some(v) => ElectionCalendar::default()
                .merged(&ElectionCalendar::read(v, &raw.path("calendar"))?),
        };
        Ok(PreElectionSettings {
            election_years,
            policy,
            calendar,
        })
    }

    /// The pre-election periods from `from_year` to `to_year`: those of local elections in the
    /// years these settings include, and the calendar's other periods that touch those years;
    /// in date order.
    pub fn periods(
        &self,
        from_year: i16,
        to_year: i16,
        calendar: &WorkingCalendar,
    ) -> Result<Vec<PreElectionPeriod>> {
        let mut out = Vec::new();
        for year in from_year..=to_year {
            if self.election_years.includes(year) {
                if let Some(p) = self.calendar.local_period(year, calendar)? {
                    out.push(p);
                }
            }
        }
        for p in &self.calendar.periods {
            if p.end.year() >= from_year && p.start.year() <= to_year {
                out.push(PreElectionPeriod {
                    title: p.title.clone(),
                    start: p.start,
                    end: p.end,
                    start_is_latest_notice: false,
                    note: p.note.clone(),
                    source_url: p.source_url.clone(),
                });
            }
        }
        out.sort_unstable_by_key(|p| (p.start, p.end));
        Ok(out)
    }

    /// What these settings assume, in words.
    pub fn describe(&self) -> String {
        let years = match &self.election_years {
            ElectionYears::EveryYear => "every year with local elections in May is assumed to \
                                         bring a pause (CQC paused nationally before the local \
                                         elections of May 2026, whether or not a council had \
                                         elections itself; whether a council has elections in \
                                         a given year is not in the bundled data: set \
                                         pre_election.election_years)"
                .to_string(),
            ElectionYears::Years(y) if y.is_empty() => {
                "no pause for local elections is assumed (pre_election.election_years is none)"
                    .to_string()
            }
            ElectionYears::Years(y) => format!(
                "a pause for local elections is assumed only in {}",
                y.iter()
                    .map(|y| y.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let what = match self.policy {
            PreElectionPolicy::Move => {
                "a planned publication inside a period is moved to the \
                                        first working day after it"
            }
            PreElectionPolicy::Flag => {
                "a planned publication inside a period keeps its date \
                                        and is reported as an issue"
            }
        };
        format!("Pre-election periods: {years}; {what}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        parse_date(s, "d").unwrap()
    }

    #[test]
    fn notice_dates_match_the_electoral_commission_timetables() {
        let cal = WorkingCalendar::england();
        for (poll, notice) in [
            ("2025-05-01", "2025-03-25"),
            ("2026-05-07", "2026-03-30"),
            ("2027-05-06", "2027-03-31"),
        ] {
            assert_eq!(latest_notice_of_election(d(poll), &cal).unwrap(), d(notice));
        }
    }

    #[test]
    fn the_bundled_calendar_has_its_exceptions() {
        let cal = ElectionCalendar::default();
        assert_eq!(cal.polling_day(2020).unwrap(), None);
        assert_eq!(cal.polling_day(2021).unwrap(), Some(d("2021-05-06")));
        assert_eq!(cal.polling_day(2001).unwrap(), Some(d("2001-06-07")));
        assert_eq!(cal.polling_day(2027).unwrap(), Some(d("2027-05-06")));
        assert!(cal.pause_source_url.is_some() && cal.rule.contains("first Thursday in May"));
        assert_eq!(cal.periods.len(), 1);
    }
}
