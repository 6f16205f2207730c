//! Working days: Monday to Friday, less bank holidays in England and Wales and a council's own
//! closure days.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::{Date, Weekday};
use jiff::SignedDuration;
use serde::{Deserialize, Serialize};

use super::holidays::{
    bank_holidays_from_gov_uk_json, check_year, england_bank_holidays, BankHoliday,
    ENGLAND_AND_WALES, FIRST_RULE_YEAR, LAST_ONE_OFF_YEAR, LAST_RULE_YEAR,
};
use crate::error::{Error, Result};

/// Parses a `YYYY-MM-DD` date, reporting [`Error::InvalidDate`] with `path` otherwise.
///
/// Only the plain calendar-date form is accepted: no times, no week dates, no other separators.
///
/// ```
/// use cqc_assurance::parse_date;
/// assert_eq!(parse_date("2025-01-06", "notified").unwrap().to_string(), "2025-01-06");
/// let err = parse_date("2025-02-30", "notified").unwrap_err();
/// assert_eq!((err.code(), err.path()), ("invalid_date", Some("notified")));
/// ```
pub fn parse_date(text: &str, path: &str) -> Result<Date> {
    let bad = || Error::InvalidDate {
        path: path.to_string(),
        input: text.to_string(),
    };
    let b = text.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| text[r].parse::<i16>().map_err(|_| bad());
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    Date::new(y, m as i8, d as i8).map_err(|_| bad())
}

/// Parses a date as people and spreadsheet programs in the UK write it, reporting
/// [`Error::InvalidUkDate`] (code `invalid_date`) with `path` and the reason otherwise. Every
/// reader of CSV and Excel files uses it; JSON documents keep [`parse_date`] (ISO only).
///
/// Read as day, month, year, in these forms (spaces around the text are ignored):
///
/// - ISO `2026-10-15` (year first, the form every export of this library writes);
/// - `15/10/2026`, `5/1/2026`, `15-10-2026`, `15.10.2026` (what UK Excel writes for a date
///   cell: always the day first);
/// - `15 Oct 2026`, `15 October 2026`, `15-Oct-2026`, `15th October 2026` (`Sept` too).
///
/// A two-digit year (`15/10/26`) is refused, not guessed, and so is a US-looking
/// `10/31/2026` (there is no month 31): a wrong date would be worse than an error.
///
/// ```
/// use cqc_assurance::timeline::parse_uk_date;
/// let d = |s| parse_uk_date(s, "date").unwrap().to_string();
/// assert_eq!(d("15/10/2026"), "2026-10-15");
/// assert_eq!(d("3/4/2026"), "2026-04-03"); // 3 April: day first
/// assert_eq!(d("15 October 2026"), "2026-10-15");
/// assert_eq!(d("2026-10-15"), "2026-10-15");
/// let err = parse_uk_date("10/31/2026", "date").unwrap_err();
/// assert_eq!((err.code(), err.path()), ("invalid_date", Some("date")));
/// assert!(err.to_string().contains("no month 31"));
/// assert!(parse_uk_date("15/10/26", "date").unwrap_err().to_string().contains("year in full"));
/// ```
pub fn parse_uk_date(text: &str, path: &str) -> Result<Date> {
    uk_date(text.trim()).map_err(|reason| Error::InvalidUkDate {
        path: path.to_string(),
        input: text.to_string(),
        reason,
    })
}

const FORMS: &str = "write it as 15/10/2026, 15 Oct 2026 or 2026-10-15";

/// A piece of a date as written: a run of digits, a run of letters, or one separator (a run of
/// white space counts as one space).
#[derive(Clone, Copy, PartialEq)]
enum Piece<'a> {
    Digits(&'a str),
    Letters(&'a str),
    Sep(char),
}

fn pieces(t: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = t;
    while let Some(c) = rest.chars().next() {
        let run = |f: fn(char) -> bool| rest.find(|x: char| !f(x)).unwrap_or(rest.len());
        let (piece, len) = if c.is_ascii_digit() {
            let n = run(|x| x.is_ascii_digit());
            (Piece::Digits(&rest[..n]), n)
        } else if c.is_ascii_alphabetic() {
            let n = run(|x| x.is_ascii_alphabetic());
            (Piece::Letters(&rest[..n]), n)
        } else if c.is_whitespace() {
            (Piece::Sep(' '), run(char::is_whitespace))
        } else {
            (Piece::Sep(c), c.len_utf8())
        };
        out.push(piece);
        rest = &rest[len..];
    }
    out
}

fn uk_date(t: &str) -> std::result::Result<Date, String> {
    use Piece::{Digits, Letters, Sep};
    if t.is_empty() {
        return Err("the date is empty".into());
    }
    let p = pieces(t);
    let not_a_date = || FORMS.to_string();
    let day = |d: &str| (d.len() <= 2).then(|| d.parse::<i32>().ok()).flatten();
    match p.as_slice() {
        // ISO, year first.
        [Digits(y), Sep('-'), Digits(m), Sep('-'), Digits(d)] if y.len() == 4 => {
            match (day(m), day(d)) {
                (Some(m), Some(d)) => ymd(y, m, d),
                _ => Err(not_a_date()),
            }
        }
        [Digits(y), Sep(a), Digits(_), Sep(b), Digits(_)] if y.len() == 4 && a == b => {
            Err(format!(
                "a date that starts with the year is written with hyphens, 2026-10-15 ({FORMS})"
            ))
        }
        // Day first, as UK Excel writes a date cell: 15/10/2026, 5-1-2026, 15.10.2026.
        [Digits(d), Sep(a), Digits(m), Sep(b), Digits(y)]
            if a == b && matches!(a, '/' | '-' | '.') =>
        {
            match (day(d), day(m)) {
                (Some(d), Some(m)) => ymd(y, m, d),
                _ => Err(not_a_date()),
            }
        }
        // Day, month name, year: 15 Oct 2026, 15th October 2026, 15-Oct-2026.
        [Digits(d), Sep(a), Letters(name), Sep(b), Digits(y)]
        | [Digits(d), Letters(_), Sep(a), Letters(name), Sep(b), Digits(y)]
            if a == b && matches!(a, ' ' | '-') && ordinal_ok(&p) =>
        {
            let Some(d) = day(d) else {
                return Err(not_a_date());
            };
            match month_number(name) {
                Some(m) => ymd(y, m, d),
                None => Err(format!("{name:?} is not the name of a month ({FORMS})")),
            }
        }
        _ => Err(not_a_date()),
    }
}

/// `15th`: the letters after the day are the ordinal suffix that fits it (or there are none).
fn ordinal_ok(p: &[Piece<'_>]) -> bool {
    match p {
        [Piece::Digits(d), Piece::Letters(suffix), ..] => {
            let n: u32 = d.parse().unwrap_or(0);
            let want = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            suffix.eq_ignore_ascii_case(want)
        }
        _ => true,
    }
}

/// January is 1. Full names, three-letter abbreviations and `Sept`, in any case.
fn month_number(name: &str) -> Option<i32> {
    let name = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .map(|m| m.to_ascii_lowercase())
        .position(|m| {
            m == name
                || (name.len() == 3 && m.starts_with(name.as_str()))
                || (name == "sept" && m == "september")
        })
        .map(|i| i as i32 + 1)
}

fn ymd(y: &str, m: i32, d: i32) -> std::result::Result<Date, String> {
    let year = match y.len() {
        4 => y
            .parse::<i16>()
            .map_err(|_| format!("{y:?} is not a year ({FORMS})"))?,
        1 | 2 => {
            return Err(format!(
                "a two-digit year ({y}) could be in any century: write the year in full ({FORMS})"
            ))
        }
        _ => return Err(format!("{y:?} is not a year ({FORMS})")),
    };
    if !(1..=12).contains(&m) {
        return Err(format!(
            "there is no month {m} (dates are read day first, as UK Excel writes them: \
             31/10/2026 is 31 October 2026)"
        ));
    }
    let month = MONTHS[(m - 1) as usize];
    Date::new(year, m as i8, d as i8).map_err(|_| format!("there is no {d} {month} {year}"))
}

const EPOCH: Date = Date::constant(1970, 1, 1);

/// Days since 1970-01-01 (negative before).
pub(crate) fn day_number(d: Date) -> i64 {
    d.duration_since(EPOCH).as_secs() / 86_400
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `6 May 2027`: a date for people (written from the fields, without a date formatter).
pub(crate) fn long_date(d: Date) -> String {
    format!(
        "{} {} {}",
        d.day(),
        MONTHS[(d.month() - 1) as usize],
        d.year()
    )
}

/// Every year since 1978 has at least this many bank holidays in England and Wales.
const MIN_HOLIDAYS_A_YEAR: usize = 8;

/// The date `n` days after 1970-01-01, if inside the supported years.
fn from_day_number(n: i64, path: &str) -> Result<Date> {
    let out = || Error::DateOutOfRange {
        path: path.to_string(),
        message: format!(
            "the result falls outside the years {FIRST_RULE_YEAR}-{LAST_RULE_YEAR} this library \
             computes"
        ),
    };
    let hours = n.checked_mul(24).ok_or_else(out)?;
    let d = EPOCH
        .checked_add(SignedDuration::from_hours(hours))
        .map_err(|_| out())?;
    check_year(d.year(), path).map_err(|_| out())?;
    Ok(d)
}

/// Adds `n` calendar days, with an error (not a panic) past the supported years.
pub(crate) fn add_days(d: Date, n: i64, path: &str) -> Result<Date> {
    from_day_number(day_number(d).saturating_add(n), path)
}

fn is_weekend(d: Date) -> bool {
    matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// Which days are working days: weekdays that are neither bank holidays in England and Wales
/// nor closure days of the council.
///
/// By default the bank holidays come from the rules ([`england_bank_holidays`]). Loading the
/// official GOV.UK list replaces the rules for every year the list covers (GOV.UK publishes
/// whole years), so a one-off holiday announced after this library was released is honoured.
///
/// ```
/// use cqc_assurance::{parse_date, WorkingCalendar};
/// let cal = WorkingCalendar::england();
/// let d = |s| parse_date(s, "date").unwrap();
/// // A draft report emailed on Monday 14 April 2025: ten working days skip Good Friday (18th)
/// // and Easter Monday (21st).
/// assert_eq!(cal.add_working_days(d("2025-04-14"), 10).unwrap(), d("2025-04-30"));
/// assert_eq!(cal.working_days_between(d("2025-04-14"), d("2025-04-30")).unwrap(), 10);
/// assert!(!cal.is_working_day(d("2025-12-25")).unwrap());
///
/// let cal = cal.with_closures([d("2025-12-29")]);
/// assert!(!cal.is_working_day(d("2025-12-29")).unwrap());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(into = "CalendarDocument")]
pub struct WorkingCalendar {
    /// Official bank holidays by year; a year present here overrides the rules.
    official: BTreeMap<i16, Vec<BankHoliday>>,
    /// The council's own closure days.
    closures: BTreeSet<Date>,
}

/// The JSON form of a [`WorkingCalendar`]: `{"bank_holidays": [...], "closures": ["2025-12-29"]}`.
/// `bank_holidays` (optional) are official holidays that replace the rules for their years.
#[derive(Debug, Clone, Default, Serialize)]
struct CalendarDocument {
    bank_holidays: Vec<BankHoliday>,
    closures: Vec<Date>,
}

impl<'de> Deserialize<'de> for WorkingCalendar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        // Through the same reader as `from_json`, so that both accept the same documents.
        let value = serde_json::Value::deserialize(d)?;
        WorkingCalendar::from_value(&value).map_err(serde::de::Error::custom)
    }
}

impl From<WorkingCalendar> for CalendarDocument {
    fn from(cal: WorkingCalendar) -> Self {
        CalendarDocument {
            bank_holidays: cal.official.into_values().flatten().collect(),
            closures: cal.closures.into_iter().collect(),
        }
    }
}

impl WorkingCalendar {
    /// England and Wales bank holidays by rule, no closure days.
    pub fn england() -> WorkingCalendar {
        WorkingCalendar::default()
    }

    /// Reads a calendar document: `{"bank_holidays": [{"date", "title", "notes"}],
    /// "closures": ["YYYY-MM-DD"]}` (both optional).
    ///
    /// ```
    /// let cal = cqc_assurance::WorkingCalendar::from_json(r#"{"closures": ["2025-12-29"]}"#).unwrap();
    /// assert_eq!(cal.closures().len(), 1);
    /// let err = cqc_assurance::WorkingCalendar::from_json(r#"{"closures": ["29/12/2025"]}"#).unwrap_err();
    /// assert_eq!(err.code(), "invalid_date");
    /// ```
    pub fn from_json(text: &str) -> Result<WorkingCalendar> {
        WorkingCalendar::from_value(&crate::json::parse(text)?)
    }

    /// As [`WorkingCalendar::from_json`], from a parsed document.
    fn from_value(doc: &serde_json::Value) -> Result<WorkingCalendar> {
        let fields = crate::json::Object::new(
            doc,
            "",
            "a working calendar {bank_holidays, closures}",
            &["bank_holidays", "closures"],
        )?;
        WorkingCalendar::read(&fields)
    }

    /// Reads the `bank_holidays` and `closures` fields of a document (a calendar, or a
    /// timeline input, which has them too).
    pub(crate) fn read(fields: &crate::json::Object) -> Result<WorkingCalendar> {
        let mut holidays = Vec::new();
        let list_path = fields.path("bank_holidays");
        for (i, h) in fields.list("bank_holidays")?.iter().enumerate() {
            let item_path = format!("{list_path}[{i}]");
            // GOV.UK's fields, `bunting` included, so that its events can be given as they are.
            let h = crate::json::Object::new(
                h,
                &item_path,
                "a bank holiday {date, title, notes}",
                &["date", "title", "notes", "bunting"],
            )?;
            h.bool("bunting")?;
            let path = h.path("date");
            let date = parse_date(h.required_str("date")?, &path)?;
            check_year(date.year(), &path)?;
            holidays.push(BankHoliday {
                date,
                title: h.str("title")?.unwrap_or_default().to_string(),
                notes: h.str("notes")?.unwrap_or_default().to_string(),
            });
        }
        let mut closures = Vec::new();
        for (path, text) in fields.strings("closures")? {
            let date = parse_date(text, &path)?;
            check_year(date.year(), &path)?;
            closures.push(date);
        }
        Ok(WorkingCalendar::england()
            .with_bank_holidays(holidays)
            .map_err(|e| e.under(&list_path))?
            .with_closures(closures))
    }

    /// Uses the official list in GOV.UK's `bank-holidays.json` format (division
    /// `england-and-wales`) for every year it covers; other years keep the rules. A year with
    /// only some of its days is refused (`incomplete_holidays`, see
    /// [`with_bank_holidays`](Self::with_bank_holidays)).
    ///
    /// ```
    /// use cqc_assurance::{england_bank_holidays, parse_date, WorkingCalendar};
    /// // 2031 as GOV.UK would list it, with a one-off day added.
    /// let mut events: Vec<String> = england_bank_holidays(2031).unwrap().iter()
    ///     .map(|h| format!(r#"{{"title": "{}", "date": "{}", "notes": "", "bunting": true}}"#, h.title, h.date))
    ///     .collect();
    /// events.push(r#"{"title": "A one-off day", "date": "2031-06-06", "notes": "", "bunting": true}"#.into());
    /// let json = format!(r#"{{"england-and-wales": {{"division": "england-and-wales", "events": [{}]}}}}"#, events.join(","));
    /// let cal = WorkingCalendar::england().with_gov_uk_json(&json).unwrap();
    /// assert!(!cal.is_working_day(parse_date("2031-06-06", "d").unwrap()).unwrap());
    ///
    /// // Only two days of 2031: refused, not a year with six holidays fewer.
    /// let partial = r#"{"england-and-wales": {"division": "england-and-wales", "events": [
    ///     {"title": "New Year’s Day", "date": "2031-01-01", "notes": "", "bunting": true},
    ///     {"title": "A one-off day", "date": "2031-06-06", "notes": "", "bunting": true}]}}"#;
    /// let err = WorkingCalendar::england().with_gov_uk_json(partial).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("incomplete_holidays", Some("england-and-wales.events")));
    /// ```
    pub fn with_gov_uk_json(self, text: &str) -> Result<WorkingCalendar> {
        self.with_bank_holidays(bank_holidays_from_gov_uk_json(text, ENGLAND_AND_WALES)?)
            .map_err(|e| e.under(&format!("{ENGLAND_AND_WALES}.events")))
    }

    /// Uses these official bank holidays instead of the rules for every year in which at least
    /// one of them falls. Each such year must be listed whole: a year with fewer than the eight
    /// days every year since 1978 has is `incomplete_holidays` (path `.`), naming the days the
    /// rules give that the list lacks.
    ///
    /// Refused rather than taken with a warning: GOV.UK publishes whole years, so a partial
    /// year is a cut or hand-edited file, and taking it would make its missing holidays
    /// working days (every deadline across them a day early) with nothing in the dates to
    /// show it. To add a one-off day, give the whole year with it.
    ///
    /// ```
    /// use cqc_assurance::{england_bank_holidays, parse_date, BankHoliday, WorkingCalendar};
    /// let mut year = england_bank_holidays(2031).unwrap();
    /// year.push(BankHoliday { date: parse_date("2031-06-06", "d").unwrap(), title: "One-off".into(), notes: String::new() });
    /// assert!(WorkingCalendar::england().with_bank_holidays(year.clone()).is_ok());
    /// year.truncate(3);
    /// let err = WorkingCalendar::england().with_bank_holidays(year).unwrap_err();
    /// assert_eq!(err.code(), "incomplete_holidays");
    /// assert!(err.to_string().contains("Summer bank holiday"), "{err}");
    /// ```
    pub fn with_bank_holidays(
        mut self,
        holidays: impl IntoIterator<Item = BankHoliday>,
    ) -> Result<Self> {
        let mut by_year: BTreeMap<i16, Vec<BankHoliday>> = BTreeMap::new();
        for h in holidays {
            by_year.entry(h.date.year()).or_default().push(h);
        }
        for (year, mut days) in by_year {
            days.sort_unstable();
            days.dedup_by(|a, b| a.date == b.date);
            if days.len() < MIN_HOLIDAYS_A_YEAR {
                let missing: Vec<String> = england_bank_holidays(year)?
                    .into_iter()
                    .filter(|h| !days.iter().any(|d| d.date == h.date))
                    .map(|h| format!("{} {}", h.title, long_date(h.date)))
                    .collect();
                return Err(Error::IncompleteHolidays {
                    path: ".".into(),
                    message: format!(
                        "{year} lists {} day{} but every year has at least \
                         {MIN_HOLIDAYS_A_YEAR} bank holidays in England and Wales, and GOV.UK \
                         publishes whole years; the list would make these days working days: \
                         {}. Give the whole year's list",
                        days.len(),
                        if days.len() == 1 { "" } else { "s" },
                        if missing.is_empty() {
                            "(none by the rules)".to_string()
                        } else {
                            missing.join(", ")
                        }
                    ),
                });
            }
            self.official.insert(year, days);
        }
        Ok(self)
    }

    /// The same calendar without the council's closure days: the working days of England, on
    /// which CQC's deadlines fall (CQC does not extend them for a council's closures).
    pub fn without_closures(&self) -> WorkingCalendar {
        WorkingCalendar {
            official: self.official.clone(),
            closures: BTreeSet::new(),
        }
    }

    /// Whether the calendar has closure days.
    pub fn has_closures(&self) -> bool {
        !self.closures.is_empty()
    }

    /// Adds the council's own closure days (for example the days between Christmas and New
    /// Year).
    pub fn with_closures(mut self, days: impl IntoIterator<Item = Date>) -> Self {
        self.closures.extend(days);
        self
    }

    /// The council's closure days, in order.
    pub fn closures(&self) -> Vec<Date> {
        self.closures.iter().copied().collect()
    }

    /// The bank holidays of `year` this calendar uses: the official list when one was loaded
    /// for that year, the rules otherwise.
    ///
    /// ```
    /// let cal = cqc_assurance::WorkingCalendar::england();
    /// assert_eq!(cal.bank_holidays(2026).unwrap().len(), 8);
    /// ```
    pub fn bank_holidays(&self, year: i16) -> Result<Vec<BankHoliday>> {
        match self.official.get(&year) {
            Some(days) => Ok(days.clone()),
            None => england_bank_holidays(year),
        }
    }

    fn holiday_dates(&self, year: i16) -> Result<Vec<Date>> {
        Ok(self
            .bank_holidays(year)?
            .into_iter()
            .map(|h| h.date)
            .collect())
    }

    /// Whether `date` is a working day (not a weekend, bank holiday or closure day).
    pub fn is_working_day(&self, date: Date) -> Result<bool> {
        check_year(date.year(), "date")?;
        Ok(!is_weekend(date)
            && !self.closures.contains(&date)
            && !self.holiday_dates(date.year())?.contains(&date))
    }

    /// Why `date` is not a working day (`"Saturday"`, the bank holiday's title, `"closure
    /// day"`), or `None` for a working day.
    ///
    /// ```
    /// use cqc_assurance::{parse_date, WorkingCalendar};
    /// let cal = WorkingCalendar::england();
    /// let why = cal.non_working_reason(parse_date("2025-04-18", "d").unwrap()).unwrap();
    /// assert_eq!(why.as_deref(), Some("Good Friday"));
    /// ```
    pub fn non_working_reason(&self, date: Date) -> Result<Option<String>> {
        check_year(date.year(), "date")?;
        if is_weekend(date) {
            return Ok(Some(format!("{:?}", date.weekday())));
        }
        if let Some(h) = self
            .bank_holidays(date.year())?
            .into_iter()
            .find(|h| h.date == date)
        {
            return Ok(Some(h.title));
        }
        if self.closures.contains(&date) {
            return Ok(Some("closure day".into()));
        }
        Ok(None)
    }

    /// The date `n` working days after `date` (before it when `n` is negative). The result of a
    /// non-zero `n` is always a working day; `n = 0` returns `date` itself.
    ///
    /// The count starts on the day after `date`: one working day after Friday 4 April 2025 is
    /// Monday 7 April. Past the supported years the result is `date_out_of_range`.
    ///
    /// ```
    /// use cqc_assurance::{parse_date, WorkingCalendar};
    /// let d = |s| parse_date(s, "d").unwrap();
    /// let cal = WorkingCalendar::england();
    /// // Across Christmas and New Year 2025-26.
    /// assert_eq!(cal.add_working_days(d("2025-12-18"), 10).unwrap(), d("2026-01-06"));
    /// assert_eq!(cal.add_working_days(d("2026-01-06"), -10).unwrap(), d("2025-12-18"));
    /// ```
    pub fn add_working_days(&self, date: Date, n: i64) -> Result<Date> {
        check_year(date.year(), "date")?;
        // The supported years hold about 2.1 million working days; anything larger cannot fit.
        if n.unsigned_abs() > 3_000_000 {
            return Err(Error::DateOutOfRange {
                path: "days".into(),
                message: format!(
                    "{n} working days reach past the years {FIRST_RULE_YEAR}-{LAST_RULE_YEAR}"
                ),
            });
        }
        let step = if n >= 0 { 1 } else { -1 };
        let mut left = n.unsigned_abs();
        let mut day = day_number(date);
        let mut current = date;
        let mut year = current.year();
        let mut holidays = self.holiday_dates(year)?;
        // Skip whole weeks quickly: 5 working days per week less the holidays in between are
        // counted by the exact loop below, so only jump while far from the target.
        while left > 0 {
            if left > 30 {
                // Jump ahead by whole weeks, then add back any holidays/closures skipped.
                let weeks = (left - 20) / 5;
                let target = day + step * 7 * weeks as i64;
                let target_date = from_day_number(target, "date")?;
                // The days stepped onto: (current, target] going forward, [target, current)
                // going back, which is (target - 1, current - 1].
                let (lo, hi) = if step > 0 {
                    (current, target_date)
                } else {
                    (
                        from_day_number(target - 1, "date")?,
                        from_day_number(day - 1, "date")?,
                    )
                };
                let counted = self.count_working_days(lo, hi)?.unsigned_abs();
                day = target;
                current = target_date;
                left -= counted;
                year = current.year();
                holidays = self.holiday_dates(year)?;
                continue;
            }
            day += step;
            current = from_day_number(day, "date")?;
            if current.year() != year {
                year = current.year();
                holidays = self.holiday_dates(year)?;
            }
            if !is_weekend(current)
                && !holidays.contains(&current)
                && !self.closures.contains(&current)
            {
                left -= 1;
            }
        }
        Ok(current)
    }

    /// Working days after `from` up to and including `to`; negative when `to` is before
    /// `from` (`working_days_between(a, b) == -working_days_between(b, a)`).
    ///
    /// This is the inverse of [`add_working_days`](Self::add_working_days):
    /// `working_days_between(d, add_working_days(d, n)) == n` for every `n >= 0`.
    ///
    /// ```
    /// use cqc_assurance::{parse_date, WorkingCalendar};
    /// let d = |s| parse_date(s, "d").unwrap();
    /// let cal = WorkingCalendar::england();
    /// // Friday to the next Friday: 5 working days (Mon-Fri).
    /// assert_eq!(cal.working_days_between(d("2025-01-03"), d("2025-01-10")).unwrap(), 5);
    /// assert_eq!(cal.working_days_between(d("2025-01-10"), d("2025-01-03")).unwrap(), -5);
    /// ```
    pub fn working_days_between(&self, from: Date, to: Date) -> Result<i64> {
        check_year(from.year(), "from")?;
        check_year(to.year(), "to")?;
        if from <= to {
            self.count_working_days(from, to)
        } else {
            Ok(-self.count_working_days(to, from)?)
        }
    }

    /// Working days in `(lo, hi]`, for `lo <= hi`.
    fn count_working_days(&self, lo: Date, hi: Date) -> Result<i64> {
        let (a, b) = (day_number(lo), day_number(hi));
        // Weekdays in (a, b]: count Mon-Fri with day numbers (1970-01-01 was a Thursday).
        let weekdays_upto = |n: i64| -> i64 {
            // Number of weekdays in [epoch_monday, n], with epoch_monday = 1969-12-29 (-3).
            let k = n + 3; // days since Monday 1969-12-29
            let weeks = k.div_euclid(7);
            let rem = k.rem_euclid(7); // 0 = Monday
            weeks * 5 + (rem + 1).min(5)
        };
        let mut count = weekdays_upto(b) - weekdays_upto(a);
        for year in lo.year()..=hi.year() {
            let whole_year = year > lo.year() && year < hi.year();
            if whole_year && year > LAST_ONE_OFF_YEAR && !self.official.contains_key(&year) {
                // By rule, every year after the last one-off day has exactly eight bank
                // holidays, all on distinct weekdays (substitutes see to that), so long spans
                // need not build each year's list.
                count -= 8;
                continue;
            }
            for h in self.holiday_dates(year)? {
                if h > lo && h <= hi && !is_weekend(h) {
                    count -= 1;
                }
            }
        }
        for c in self
            .closures
            .range((std::ops::Bound::Excluded(lo), std::ops::Bound::Included(hi)))
        {
            if !is_weekend(*c) && !self.holiday_dates(c.year())?.contains(c) {
                count -= 1;
            }
        }
        Ok(count)
    }

    /// `date` itself if it is a working day, otherwise the next working day after it.
    pub fn on_or_after(&self, date: Date) -> Result<Date> {
        if self.is_working_day(date)? {
            Ok(date)
        } else {
            self.add_working_days(date, 1)
        }
    }

    /// `date` itself if it is a working day, otherwise the last working day before it.
    pub fn on_or_before(&self, date: Date) -> Result<Date> {
        if self.is_working_day(date)? {
            Ok(date)
        } else {
            self.add_working_days(date, -1)
        }
    }
}
