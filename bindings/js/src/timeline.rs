//! The assessment timeline and working-day arithmetic, for JavaScript: dates in and
//! out as ISO `YYYY-MM-DD` strings, JavaScript `Date`s accepted wherever a date is taken (their
//! calendar date in local time).

use cqc_assurance::{self as cqc, plan_timeline, Timeline, TimelineInput, WorkingCalendar};
use wasm_bindgen::prelude::*;

use crate::convert::{date_arg, document_to_json_text, expect_object, repr};
use crate::{thrown, to_js, JsResult};

/// The document fields of a timeline input whose whole subtree is field names.
const TIMELINE_FIELD_TREES: &[&str] = &["profile", "bank_holidays", "pre_election"];

/// A year: a whole number; outside what the core computes (or what fits its year type) is the
/// core's `date_out_of_range`.
fn year_arg(value: &JsValue) -> Result<i16, JsValue> {
    match value.as_f64() {
        Some(f) if f.fract() == 0.0 && f >= f64::from(i16::MIN) && f <= f64::from(i16::MAX) => {
            Ok(f as i16)
        }
        _ => Err(thrown(cqc::Error::DateOutOfRange {
            path: "year".into(),
            message: format!(
                "year {} is outside the years this library computes bank holidays for ({}-{})",
                repr(value),
                cqc::FIRST_RULE_YEAR,
                cqc::LAST_RULE_YEAR
            ),
        })),
    }
}

/// A whole number of days (may be negative).
fn days_arg(value: &JsValue) -> Result<i64, JsValue> {
    match value.as_f64() {
        Some(f) if f.fract() == 0.0 && f.abs() <= 1e9 => Ok(f as i64),
        _ => Err(thrown(cqc::Error::InvalidJson {
            path: "days".into(),
            message: format!(
                "expected a whole number of working days, got {}",
                repr(value)
            ),
        })),
    }
}

/// An optional working calendar: `{ bankHolidays?, closures? }`; absent means England's rules.
fn calendar_arg(value: &JsValue) -> Result<WorkingCalendar, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(WorkingCalendar::england());
    }
    expect_object(value, "a working calendar { bankHolidays?, closures? }").map_err(thrown)?;
    let text = document_to_json_text(value, &["bank_holidays"]).map_err(thrown)?;
    WorkingCalendar::from_json(&text).map_err(thrown)
}

fn plan(input: &JsValue) -> Result<Timeline, JsValue> {
    expect_object(
        input,
        "a timeline input { notified, actuals?, today?, profile?, closures?, bankHolidays?, preElection? }",
    )
    .map_err(thrown)?;
    let text = document_to_json_text(input, TIMELINE_FIELD_TREES).map_err(thrown)?;
    let input = TimelineInput::from_json(&text).map_err(thrown)?;
    plan_timeline(&input).map_err(thrown)
}

/// The timeline of an assessment: every milestone with its date, rule and source, the
/// inconsistencies found in recorded dates, intervals, and the status on `today` if given
/// (`plan_timeline` in Rust and Python).
#[wasm_bindgen(js_name = planTimeline)]
pub fn plan_timeline_js(input: &JsValue) -> JsResult {
    to_js(&plan(input)?)
}

/// `planTimeline` under its name before 0.2.0, kept so that code written for 0.1 runs.
#[wasm_bindgen]
pub fn timeline(input: &JsValue) -> JsResult {
    plan_timeline_js(input)
}

/// The timeline as an iCalendar (RFC 5545) file, one all-day event per milestone (the visit one
/// busy event from its first to its last day, reminders on deadlines, ids that survive a
/// re-plan). `stamp` is
/// the creation time written into the file: now if absent, a `Date`'s instant, or midnight UTC
/// of a `YYYY-MM-DD` string (for reproducible files).
#[wasm_bindgen(js_name = timelineIcs)]
pub fn timeline_ics(input: &JsValue, stamp: &JsValue) -> Result<String, JsValue> {
    let t = plan(input)?;
    if let Some(s) = stamp.as_string() {
        return Ok(t.to_ical_on(cqc::parse_date(&s, "stamp").map_err(thrown)?));
    }
    let millis = if stamp.is_undefined() || stamp.is_null() {
        js_sys::Date::now()
    } else if let Some(d) = stamp.dyn_ref::<js_sys::Date>() {
        d.get_time()
    } else {
        f64::NAN
    };
    let instant = if millis.is_finite() {
        jiff::Timestamp::from_millisecond(millis as i64).ok()
    } else {
        None
    };
    match instant {
        Some(ts) => Ok(t.to_ical(ts)),
        None => Err(thrown(cqc::Error::InvalidDate {
            path: "stamp".into(),
            input: repr(stamp),
        })),
    }
}

/// The timeline as plain text for people.
#[wasm_bindgen(js_name = timelineText)]
pub fn timeline_text(input: &JsValue) -> Result<String, JsValue> {
    Ok(plan(input)?.to_text())
}

/// The default timeline rules, each milestone with its rule and source.
#[wasm_bindgen(js_name = timelineProfile)]
pub fn timeline_profile() -> JsResult {
    to_js(&cqc::TimelineProfile::default())
}

/// The bank holidays of `year` in England and Wales (by rule, or from `calendar`'s official
/// list where it has one for that year).
#[wasm_bindgen(js_name = bankHolidays)]
pub fn bank_holidays(year: &JsValue, calendar: &JsValue) -> JsResult {
    let year = year_arg(year)?;
    to_js(
        &calendar_arg(calendar)?
            .bank_holidays(year)
            .map_err(thrown)?,
    )
}

/// Easter Sunday of `year`, as `YYYY-MM-DD`.
#[wasm_bindgen(js_name = easterSunday)]
pub fn easter_sunday(year: &JsValue) -> Result<String, JsValue> {
    Ok(cqc::easter_sunday(year_arg(year)?)
        .map_err(thrown)?
        .to_string())
}

/// Bank holidays read from GOV.UK's `bank-holidays.json` (the parsed object or its text), for
/// one division (default `england-and-wales`).
#[wasm_bindgen(js_name = bankHolidaysFromGovUk)]
pub fn bank_holidays_from_gov_uk(data: &JsValue, division: &JsValue) -> JsResult {
    let text = match data.as_string() {
        Some(s) => s,
        None => crate::convert::to_json_text(data, "").map_err(thrown)?,
    };
    let division = if division.is_undefined() || division.is_null() {
        "england-and-wales".to_string()
    } else {
        crate::convert::text_arg(division)
    };
    to_js(&cqc::bank_holidays_from_gov_uk_json(&text, &division).map_err(thrown)?)
}

/// Whether `date` is a working day (not a weekend, bank holiday or closure day).
#[wasm_bindgen(js_name = isWorkingDay)]
pub fn is_working_day(date: &JsValue, calendar: &JsValue) -> Result<bool, JsValue> {
    let date = date_arg(date, "date")?;
    calendar_arg(calendar)?.is_working_day(date).map_err(thrown)
}

/// Why `date` is not a working day (`"Saturday"`, the bank holiday, `"closure day"`), or
/// `null` for a working day.
#[wasm_bindgen(js_name = nonWorkingReason)]
pub fn non_working_reason(date: &JsValue, calendar: &JsValue) -> JsResult {
    let date = date_arg(date, "date")?;
    let reason = calendar_arg(calendar)?
        .non_working_reason(date)
        .map_err(thrown)?;
    Ok(reason.map_or(JsValue::NULL, |r| JsValue::from_str(&r)))
}

/// `date` plus `days` working days (negative: back), as `YYYY-MM-DD`.
#[wasm_bindgen(js_name = addWorkingDays)]
pub fn add_working_days(
    date: &JsValue,
    days: &JsValue,
    calendar: &JsValue,
) -> Result<String, JsValue> {
    let date = date_arg(date, "date")?;
    let days = days_arg(days)?;
    Ok(calendar_arg(calendar)?
        .add_working_days(date, days)
        .map_err(thrown)?
        .to_string())
}

/// The number of working days after `from` up to and including `to` (negative if `to` is
/// before `from`).
#[wasm_bindgen(js_name = workingDaysBetween)]
pub fn working_days_between(
    from: &JsValue,
    to: &JsValue,
    calendar: &JsValue,
) -> Result<f64, JsValue> {
    let from = date_arg(from, "from")?;
    let to = date_arg(to, "to")?;
    let n = calendar_arg(calendar)?
        .working_days_between(from, to)
        .map_err(thrown)?;
    Ok(n as f64)
}
