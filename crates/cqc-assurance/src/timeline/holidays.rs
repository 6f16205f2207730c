//! Bank holidays in England and Wales: by rule for any supported year, or loaded from the
//! official GOV.UK list (<https://www.gov.uk/bank-holidays.json>).

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The first year whose bank holidays the rules here reproduce. The present set of eight
/// holidays in England and Wales dates from 1978, when the early May holiday was added (New
/// Year's Day from 1974, the spring and summer holidays from 1971).
pub const FIRST_RULE_YEAR: i16 = 1978;
/// The last year the library computes (jiff's calendar ends in 9999).
pub const LAST_RULE_YEAR: i16 = 9999;

/// The last year with a one-off bank holiday known to the rules (the coronation, 2023).
pub(crate) const LAST_ONE_OFF_YEAR: i16 = 2023;

/// The GOV.UK division the rules model.
pub const ENGLAND_AND_WALES: &str = "england-and-wales";

/// One bank holiday: its date, its title and a note such as "Substitute day".
///
/// ```
/// use cqc_assurance::england_bank_holidays;
/// let days = england_bank_holidays(2022).unwrap();
/// let funeral = days.iter().find(|d| d.date.to_string() == "2022-09-19").unwrap();
/// assert!(funeral.title.contains("State Funeral"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct BankHoliday {
    /// The day off.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub date: Date,
    /// Its name, as GOV.UK words it.
    pub title: String,
    /// "Substitute day" when the holiday replaces one that fell at a weekend; otherwise empty.
    #[serde(default)]
    pub notes: String,
}

impl BankHoliday {
    fn new(date: Date, title: &str, notes: &str) -> BankHoliday {
        BankHoliday {
            date,
            title: title.to_string(),
            notes: notes.to_string(),
        }
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus, as published by
/// Meeus; valid for every Gregorian year).
///
/// ```
/// use cqc_assurance::easter_sunday;
/// assert_eq!(easter_sunday(2025).unwrap().to_string(), "2025-04-20");
/// assert_eq!(easter_sunday(2027).unwrap().to_string(), "2027-03-28");
/// ```
pub fn easter_sunday(year: i16) -> Result<Date> {
    check_year(year, "year")?;
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // month is 3 or 4 and day 1..=31 by construction of the algorithm.
    Ok(date(year, month as i8, day as i8))
}

/// Rejects years outside [`FIRST_RULE_YEAR`]..=[`LAST_RULE_YEAR`].
pub(crate) fn check_year(year: i16, path: &str) -> Result<()> {
    if (FIRST_RULE_YEAR..=LAST_RULE_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(Error::DateOutOfRange {
            path: path.to_string(),
            message: format!(
                "year {year} is outside the years this library computes bank holidays for \
                 ({FIRST_RULE_YEAR}-{LAST_RULE_YEAR})"
            ),
        })
    }
}

/// Years whose early May bank holiday was moved to another day (VE day anniversaries).
const MOVED_EARLY_MAY: [(i16, i8, i8); 2] = [(1995, 5, 8), (2020, 5, 8)];

/// Years whose spring bank holiday was moved to make room for a jubilee.
const MOVED_SPRING: [(i16, i8, i8); 3] = [(2002, 6, 4), (2012, 6, 4), (2022, 6, 2)];

/// Extra one-off bank holidays proclaimed for a single year.
const ONE_OFF_DAYS: [(i16, i8, i8, &str); 8] = [
    (1981, 7, 29, "Royal wedding"),
    (1999, 12, 31, "Millennium Celebrations"),
    (2002, 6, 3, "Golden Jubilee bank holiday"),
    (2011, 4, 29, "Royal wedding"),
    (2012, 6, 5, "Queen’s Diamond Jubilee"),
    (2022, 6, 3, "Platinum Jubilee bank holiday"),
    (
        2022,
        9,
        19,
        "Bank Holiday for the State Funeral of Queen Elizabeth II",
    ),
    (
        2023,
        5,
        8,
        "Bank holiday for the coronation of King Charles III",
    ),
];

/// A date known to be valid (all callers pass constants or computed in-range values).
///
/// The impossible failures below panic with a fixed message rather than through `expect`:
/// `expect` would format jiff's error, which pulls jiff's whole error-message machinery into
/// the WebAssembly module (tens of KB) for a branch that never runs.
fn date(year: i16, month: i8, day: i8) -> Date {
    Date::new(year, month, day)
        .unwrap_or_else(|_| unreachable!("bank holiday rules only build valid dates"))
}

fn is_weekend(d: Date) -> bool {
    matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// The first Monday of a month, or the last one when `nth` is -1.
fn monday(year: i16, month: i8, nth: i8) -> Date {
    date(year, month, 1)
        .nth_weekday_of_month(nth, Weekday::Monday)
        .unwrap_or_else(|_| unreachable!("every month has a first and a last Monday"))
}

/// Bank holidays in England and Wales for `year`, computed by rule, in date order.
///
/// The rules: New Year's Day, Good Friday and Easter Monday (Easter by the computus), the early
/// May holiday (first Monday of May), the spring holiday (last Monday of May), the summer
/// holiday (last Monday of August), Christmas Day and Boxing Day. A holiday that falls at a
/// weekend is replaced by the next weekday that is not already a holiday ("Substitute day").
/// One-off changes made by proclamation are included: the royal wedding of 1981, the early May
/// holiday moved to 8 May in 1995 and 2020, 31 December 1999, the jubilees of 2002, 2012 and
/// 2022 (spring holiday moved), the royal wedding of 2011, the state funeral of 19 September
/// 2022 and the coronation of 8 May 2023. Future one-off days cannot be known in advance:
/// load the official list ([`WorkingCalendar::with_gov_uk_json`](crate::WorkingCalendar::with_gov_uk_json))
/// when it matters. Years outside 1978-9999 are an error (`date_out_of_range`).
///
/// ```
/// use cqc_assurance::england_bank_holidays;
/// let dates: Vec<String> = england_bank_holidays(2027)
///     .unwrap()
///     .iter()
///     .map(|h| h.date.to_string())
///     .collect();
/// assert_eq!(dates, [
///     "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03",
///     "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
/// ]);
/// assert_eq!(england_bank_holidays(1900).unwrap_err().code(), "date_out_of_range");
/// ```
pub fn england_bank_holidays(year: i16) -> Result<Vec<BankHoliday>> {
    check_year(year, "year")?;
    let mut days = Vec::with_capacity(10);

    // New Year's Day, with a substitute on the Monday after a weekend.
    let new_year = date(year, 1, 1);
    days.push(match new_year.weekday() {
        Weekday::Saturday => BankHoliday::new(date(year, 1, 3), "New Year’s Day", "Substitute day"),
        Weekday::Sunday => BankHoliday::new(date(year, 1, 2), "New Year’s Day", "Substitute day"),
        _ => BankHoliday::new(new_year, "New Year’s Day", ""),
    });

    let easter = easter_sunday(year)?;
    days.push(BankHoliday::new(
        easter
            .yesterday()
            .and_then(|d| d.yesterday())
            .unwrap_or_else(|_| unreachable!("Easter is in March or April")),
        "Good Friday",
        "",
    ));
    days.push(BankHoliday::new(
        easter
            .tomorrow()
            .unwrap_or_else(|_| unreachable!("Easter is in March or April")),
        "Easter Monday",
        "",
    ));

    // Early May and spring bank holidays, unless that year's was moved (see the tables).
    let moved = |table: &[(i16, i8, i8)]| table.iter().find(|(y, _, _)| *y == year).copied();
    days.push(match moved(&MOVED_EARLY_MAY) {
        Some((y, m, d)) => BankHoliday::new(date(y, m, d), "Early May bank holiday (VE day)", ""),
        None => BankHoliday::new(monday(year, 5, 1), "Early May bank holiday", ""),
    });
    days.push(match moved(&MOVED_SPRING) {
        Some((y, m, d)) => BankHoliday::new(date(y, m, d), "Spring bank holiday", ""),
        None => BankHoliday::new(monday(year, 5, -1), "Spring bank holiday", ""),
    });
    days.push(BankHoliday::new(
        monday(year, 8, -1),
        "Summer bank holiday",
        "",
    ));
    for &(y, m, d, title) in ONE_OFF_DAYS.iter().filter(|(y, ..)| *y == year) {
        days.push(BankHoliday::new(date(y, m, d), title, ""));
    }

    // Christmas Day and Boxing Day: each one at a weekend moves to the next weekday that is
    // not already taken, so 25 Sat gives Mon 27 + Tue 28 and 25 Sun gives Mon 26 + Tue 27.
    let christmas = date(year, 12, 25);
    let boxing = date(year, 12, 26);
    let mut taken: Vec<Date> = Vec::new();
    for day in [christmas, boxing] {
        if !is_weekend(day) {
            taken.push(day);
        }
    }
    for (day, title) in [(christmas, "Christmas Day"), (boxing, "Boxing Day")] {
        if is_weekend(day) {
            let mut sub = day;
            while is_weekend(sub) || taken.contains(&sub) {
                sub = sub
                    .tomorrow()
                    .unwrap_or_else(|_| unreachable!("late December has a following weekday"));
            }
            taken.push(sub);
            days.push(BankHoliday::new(sub, title, "Substitute day"));
        } else {
            days.push(BankHoliday::new(day, title, ""));
        }
    }
    days.sort_unstable();
    Ok(days)
}

/// Reads the bank holidays of one division (`england-and-wales`, `scotland`,
/// `northern-ireland`) from the GOV.UK format:
/// `{"england-and-wales": {"division": "england-and-wales", "events": [{"title", "date",
/// "notes", "bunting"}]}, ...}`.
///
/// ```
/// use cqc_assurance::bank_holidays_from_gov_uk_json;
/// let json = r#"{"england-and-wales": {"division": "england-and-wales", "events": [
///     {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true}]}}"#;
/// let days = bank_holidays_from_gov_uk_json(json, "england-and-wales").unwrap();
/// assert_eq!(days[0].date.to_string(), "2026-12-25");
/// let err = bank_holidays_from_gov_uk_json(json, "scotland").unwrap_err();
/// assert_eq!(err.code(), "invalid_holidays");
/// ```
pub fn bank_holidays_from_gov_uk_json(text: &str, division: &str) -> Result<Vec<BankHoliday>> {
    use crate::json::Object;
    let doc = crate::json::parse(text)?;
    let doc = Object::open(
        &doc,
        "",
        "GOV.UK's bank holidays file (an object of divisions)",
    )?;
    let Some(div) = doc.value(division) else {
        let mut found: Vec<&str> = doc.keys().collect();
        found.sort_unstable();
        return Err(Error::InvalidHolidays {
            path: if division.is_empty() {
                ".".to_string()
            } else {
                division.to_string()
            },
            message: format!(
                "no division {} in the file (found: {})",
                crate::json::quoted(division),
                found.join(", ")
            ),
        });
    };
    let div = Object::open(div, division, "a division {division, events}")?;
    if let Some(name) = div.str("division")? {
        if name != division {
            return Err(Error::InvalidHolidays {
                path: div.path("division"),
                message: format!(
                    "division {} is filed under {}",
                    crate::json::quoted(name),
                    crate::json::quoted(division)
                ),
            });
        }
    }
    div.required("events", "a list of events")?;
    let events_path = div.path("events");
    let events = div.list("events")?;
    let mut days = Vec::with_capacity(events.len());
    for (i, e) in events.iter().enumerate() {
        let event_path = format!("{events_path}[{i}]");
        let e = Object::open(e, &event_path, "an event {title, date, notes}")?;
        let path = e.path("date");
        let d = super::calendar::parse_date(e.required_str("date")?, &path)?;
        check_year(d.year(), &path)?;
        let title = e.required_str("title")?;
        days.push(BankHoliday::new(
            d,
            title,
            e.str("notes")?.unwrap_or_default(),
        ));
    }
    days.sort_unstable();
    days.dedup_by(|a, b| a.date == b.date);
    Ok(days)
}
