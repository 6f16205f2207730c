//! Recorded cases: the dates real assessments reached their milestones (from council papers
//! and CQC's reports, each with its source), and the forecasts they give a timeline: for a
//! milestone not yet reached, the earliest and latest dates the recorded durations imply.

use std::sync::OnceLock;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::calendar::{add_days, day_number, long_date, parse_date};
use super::profile::{MilestoneId, MilestonePart};
use crate::error::{Error, Result};

/// The bundled recorded cases (`data/assessment_cases.csv`): council, milestone, date,
/// precision, source, note.
pub const RECORDED_CASES_CSV: &str = include_str!("../../data/assessment_cases.csv");

pub use crate::published::DatePrecision;

/// One recorded date of a real assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedDate {
    /// The council.
    pub council: String,
    /// The milestone (for a deadline: the day it was delivered).
    pub milestone: MilestoneId,
    /// For the visit: whether this is its last day rather than its first.
    pub visit_end: bool,
    /// The date, or the first day of the week or month.
    pub date: Date,
    /// How exactly it is known.
    pub precision: DatePrecision,
    /// Where it comes from.
    pub source: String,
    /// What the source says.
    pub note: String,
}

impl RecordedDate {
    /// The earliest day it can be.
    pub fn earliest(&self) -> Date {
        self.date
    }

    /// The latest day it can be.
    pub fn latest(&self) -> Date {
        match self.precision {
            // A recorded case always has a date: the reader takes day, week or month only.
            DatePrecision::Day | DatePrecision::Unknown => self.date,
            DatePrecision::Week => add_days(self.date, 4, "date").unwrap_or(self.date),
            DatePrecision::Month => self.date.last_of_month(),
        }
    }

    fn part(&self) -> MilestonePart {
        if self.visit_end {
            MilestonePart::End
        } else {
            MilestonePart::Start
        }
    }
}

/// Reads recorded cases from CSV with the columns `council, milestone, date, precision,
/// source, note`; a bad row is `invalid_csv` at its line and field.
///
/// ```
/// let cases = cqc_assurance::timeline::recorded_cases_from_csv(
///     "council,milestone,date,precision,source,note\nAnytown,visit,2025-06,month,minutes,\n").unwrap();
/// assert_eq!(cases[0].latest().to_string(), "2025-06-30");
/// ```
pub fn recorded_cases_from_csv(text: &str) -> Result<Vec<RecordedDate>> {
    let bad = |line: u64, field: &str, message: String| Error::InvalidCsv {
        path: format!("line {line}: {field}"),
        line,
        message,
    };
    let rows = csv_rows(text).map_err(|(line, message)| bad(line, "row", message))?;
    let want = [
        "council",
        "milestone",
        "date",
        "precision",
        "source",
        "note",
    ];
    match rows.first() {
        Some((_, header)) if header.iter().map(String::as_str).eq(want) => {}
        _ => {
            return Err(bad(
                1,
                "header",
                format!("expected the columns {}", want.join(", ")),
            ))
        }
    }
    let mut out = Vec::new();
    for (line, row) in rows.iter().skip(1) {
        let line = *line;
        if row.len() != want.len() {
            return Err(bad(
                line,
                "row",
                format!("{} fields, expected {}", row.len(), want.len()),
            ));
        }
        let field = |k: usize| row[k].trim();
        let council = field(0);
        if council.is_empty() {
            return Err(bad(line, "council", "the council is empty".into()));
        }
        let (milestone, part) =
            MilestoneId::parse_part(field(1)).map_err(|e| bad(line, "milestone", e.to_string()))?;
        let precision = match field(3) {
            "day" => DatePrecision::Day,
            "week" => DatePrecision::Week,
            "month" => DatePrecision::Month,
            other => {
                return Err(bad(
                    line,
                    "precision",
                    format!("{other:?} is not day, week or month"),
                ))
            }
        };
        let text = field(2);
        let date = match precision {
            DatePrecision::Month => parse_date(&format!("{text}-01"), "date"),
            _ => parse_date(text, "date"),
        }
        .map_err(|_| {
            bad(
                line,
                "date",
                format!(
                    "{text:?} is not a date written {}",
                    if precision == DatePrecision::Month {
                        "YYYY-MM"
                    } else {
                        "YYYY-MM-DD"
                    }
                ),
            )
        })?;
        let source = field(4);
        if source.is_empty() {
            return Err(bad(
                line,
                "source",
                "every recorded date needs its source".into(),
            ));
        }
        out.push(RecordedDate {
            council: council.to_string(),
            milestone,
            visit_end: part == MilestonePart::End,
            date,
            precision,
            source: source.to_string(),
            note: field(5).to_string(),
        });
    }
    Ok(out)
}

/// A CSV row: the line it starts on, and its fields.
type CsvRow = (u64, Vec<String>);

/// The rows of a CSV text (RFC 4180: fields separated by commas, quoted with `"` when they hold
/// a comma, a quote (doubled) or a line break), each with the line it starts on; blank lines
/// are skipped. Written here rather than with the `csv` crate, which would be the timeline
/// WebAssembly module's only user of it, for one small bundled file.
fn csv_rows(text: &str) -> std::result::Result<Vec<CsvRow>, (u64, String)> {
    let mut rows = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1u64;
    while chars.peek().is_some() {
        let start = line;
        let mut row = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        loop {
            match chars.next() {
                None if quoted => return Err((start, "a quoted field is not closed".into())),
                None => break,
                Some('"') if quoted => {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        field.push('"');
                    } else {
                        quoted = false;
                    }
                }
                Some('"') if field.is_empty() => quoted = true,
                Some(',') if !quoted => row.push(std::mem::take(&mut field)),
                Some('\r') if !quoted => {}
                Some('\n') if !quoted => {
                    line += 1;
                    break;
                }
                Some(c) => {
                    if c == '\n' {
                        line += 1;
                    }
                    field.push(c);
                }
            }
        }
        row.push(field);
        if !(row.len() == 1 && row[0].trim().is_empty()) {
            rows.push((start, row));
        }
    }
    Ok(rows)
}

/// The bundled recorded cases.
///
/// ```
/// let cases = cqc_assurance::timeline::recorded_cases();
/// assert!(cases.iter().any(|c| c.council == "Havering"));
/// ```
pub fn recorded_cases() -> &'static [RecordedDate] {
    static CASES: OnceLock<Vec<RecordedDate>> = OnceLock::new();
    CASES.get_or_init(|| {
        recorded_cases_from_csv(RECORDED_CASES_CSV)
            .unwrap_or_else(|_| unreachable!("the bundled cases are valid (tested)"))
    })
}

/// For a milestone not yet reached: the dates the recorded cases imply, counted from the last
/// milestone this timeline has recorded for which cases exist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct Forecast {
    /// The recorded milestone it is counted from.
    pub from: MilestoneId,
    /// Counted from the last day of the visit.
    pub from_end: bool,
    /// Its date in this timeline.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub from_date: Date,
    /// The shortest recorded time from it, in calendar days.
    pub shortest_days: i64,
    /// The longest, in calendar days.
    pub longest_days: i64,
    /// `from_date` plus the shortest time.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub earliest: Date,
    /// `from_date` plus the longest time.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub latest: Date,
    /// The councils whose recorded dates it rests on.
    pub cases: Vec<String>,
    /// Whether any of those dates is known only to the week or month (the range is then
    /// widened to cover every day they can be).
    pub imprecise: bool,
    /// In words, with the number of cases.
    pub text: String,
}

/// The shortest and longest durations, in days, from `(from, from_part)` to `(to, to_part)` in
/// the recorded cases, with the councils and whether any date is imprecise.
fn durations(
    cases: &[RecordedDate],
    from: (MilestoneId, MilestonePart),
    to: (MilestoneId, MilestonePart),
) -> Option<(i64, i64, Vec<String>, bool)> {
    let mut lo = i64::MAX;
    let mut hi = i64::MIN;
    let mut councils: Vec<String> = Vec::new();
    let mut imprecise = false;
    for a in cases.iter().filter(|c| (c.milestone, c.part()) == from) {
        for b in cases
            .iter()
            .filter(|c| c.council == a.council && (c.milestone, c.part()) == to)
        {
            let shortest = (day_number(b.earliest()) - day_number(a.latest())).max(0);
            let longest = (day_number(b.latest()) - day_number(a.earliest())).max(0);
            lo = lo.min(shortest);
            hi = hi.max(longest);
            imprecise |= a.precision != DatePrecision::Day || b.precision != DatePrecision::Day;
            if !councils.contains(&a.council) {
                councils.push(a.council.clone());
            }
        }
    }
    (!councils.is_empty()).then_some((lo, hi, councils, imprecise))
}

/// The forecast of `target` from the recorded milestones `anchors` of a timeline (`(milestone,
/// part, date)`, any order): from the anchor latest in the process for which the cases record
/// both it and the target.
pub(crate) fn forecast(
    cases: &[RecordedDate],
    target: MilestoneId,
    anchors: &[(MilestoneId, MilestonePart, Date)],
) -> Option<Forecast> {
    let mut ordered: Vec<&(MilestoneId, MilestonePart, Date)> = anchors
        .iter()
        .filter(|(m, _, _)| m.position() < target.position())
        .collect();
    ordered.sort_unstable_by_key(|(m, p, _)| (m.position(), *p == MilestonePart::End));
    for &&(from, part, from_date) in ordered.iter().rev() {
        let Some((lo, hi, councils, imprecise)) =
            durations(cases, (from, part), (target, MilestonePart::Start))
        else {
            continue;
        };
        let earliest = add_days(from_date, lo, "forecast").ok()?;
        let latest = add_days(from_date, hi, "forecast").ok()?;
        let n = councils.len();
        let what = if target.kind() == super::profile::MilestoneKind::Deadline {
            "recorded cases delivered it"
        } else {
            "recorded cases"
        };
        let range = if lo == hi {
            format!("{lo} days")
        } else {
            format!("{lo} to {hi} days")
        };
        let dates = if earliest == latest {
            format!("so around {}", long_date(earliest))
        } else {
            format!(
                "so between {} and {}",
                long_date(earliest),
                long_date(latest)
            )
        };
        let text = format!(
            "{what} {range} after {} ({n} case{}: {}{}), {dates}",
            from.recorded_phrase(part == MilestonePart::End),
            if n == 1 { "" } else { "s" },
            councils.join(", "),
            if imprecise {
                "; dates known only to the week or month widen the range"
            } else {
                ""
            },
        );
        return Some(Forecast {
            from,
            from_end: part == MilestonePart::End,
            from_date,
            shortest_days: lo,
            longest_days: hi,
            earliest,
            latest,
            cases: councils,
            imprecise,
            text,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_cases_read_and_each_cites_its_source() {
        let cases = recorded_cases();
        assert!(cases.len() >= 20);
        assert!(cases.iter().all(|c| c.source.len() > 10));
        // Havering: 19 weeks from the first notice to the week of the visit.
        let n = |m: MilestoneId| {
            cases
                .iter()
                .find(|c| c.council == "Havering" && c.milestone == m && !c.visit_end)
                .unwrap()
        };
        let days =
            day_number(n(MilestoneId::Visit).date) - day_number(n(MilestoneId::Notification).date);
        assert_eq!(days, 19 * 7);
    }

    #[test]
    fn quoted_fields_are_read_as_rfc_4180_writes_them() {
        let rows = csv_rows("a,\"b, \"\"c\"\"\"\n\n\"multi\nline\",d\r\ne,f\n").unwrap();
        assert_eq!(
            rows,
            [
                (1, vec!["a".to_string(), "b, \"c\"".to_string()]),
                (3, vec!["multi\nline".to_string(), "d".to_string()]),
                (5, vec!["e".to_string(), "f".to_string()]),
            ]
        );
    }

    #[test]
    fn bad_rows_are_reported_at_their_line() {
        let head = "council,milestone,date,precision,source,note\n";
        for (row, field) in [
            ("Anytown,site_visit,2025-06-01,day,x,", "milestone"),
            ("Anytown,visit,2025-06,day,x,", "date"),
            ("Anytown,visit,2025-06-01,year,x,", "precision"),
            ("Anytown,visit,2025-06-01,day,,", "source"),
            (",visit,2025-06-01,day,x,", "council"),
            ("Anytown,visit,2025-06-01,day,x", "row"),
            ("Anytown,visit,2025-06-01,day,\"x,", "row"),
        ] {
            let err = recorded_cases_from_csv(&format!("{head}{row}\n")).unwrap_err();
            assert_eq!(err.code(), "invalid_csv");
            assert_eq!(
                err.path(),
                Some(format!("line 2: {field}").as_str()),
                "{row}"
            );
        }
    }
}
