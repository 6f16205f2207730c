//! iCalendar (RFC 5545) export, written directly.
//!
//! Written here rather than with the `icalendar` crate: that crate pulls in chrono and uuid and
//! stamps events with the clock and random ids when they are created, which the WebAssembly
//! build of this library cannot do without extra platform glue, and which would make files
//! differ from run to run. What RFC 5545 asks of an all-day event list is small and is tested:
//! CRLF line ends, lines folded at 75 octets (never inside a UTF-8 character), TEXT escaping,
//! `DTSTART;VALUE=DATE` with an exclusive `DTEND`, a `UID` that stays the same when the dates
//! move, a `SEQUENCE` that grows with the file's `DTSTAMP`, and `VALARM` reminders.
//!
//! What a person importing the file sees: one event per milestone; the visit one event from its
//! first to its last day, shown as busy; estimated and planned dates marked in the title; a
//! reminder a few working days before each deadline; descriptions in words. Importing a
//! re-planned file (the same council or id) updates the events instead of adding new ones.

use std::fmt::Write as _;

use jiff::civil::Date;

use super::calendar::{day_number, long_date};
use super::{basis_word, Basis, Milestone, MilestoneId, MilestoneKind, Timeline};

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, newline.
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Folds one content line (RFC 5545 §3.1): at most 75 octets per line, continuation lines start
/// with a space, and a multi-byte character is never split. Appends the line with CRLF.
pub(crate) fn fold_into(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

fn ics_date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// 2024-01-01T00:00:00Z: `SEQUENCE` counts minutes from it.
const SEQUENCE_EPOCH: i64 = 1_704_067_200;

/// The `SEQUENCE` of every event in a file stamped `dtstamp`: the whole minutes from the start
/// of 2024, so that a file made later carries higher numbers and a calendar program takes its
/// events as updates of those it imported before (RFC 5545 §3.8.7.4).
pub(crate) fn sequence(dtstamp: jiff::Timestamp) -> i64 {
    ((dtstamp.as_second() - SEQUENCE_EPOCH) / 60).clamp(0, i64::from(i32::MAX))
}

/// The part of the event ids that names the assessment: the `id`, else the council, as
/// lowercase ASCII letters, digits and hyphens.
fn uid_key(t: &Timeline) -> String {
    let who =
        t.id.as_deref()
            .filter(|s| !s.trim().is_empty())
            .or(t.council.as_deref())
            .unwrap_or("");
    let slug: String = who
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if slug.is_empty() {
        "assessment".into()
    } else {
        slug
    }
}

/// `(estimated)`, `(planned)`, `(approximate date)` or nothing, for the title.
fn title_mark(m: &Milestone) -> &'static str {
    match m.basis {
        Basis::Estimated | Basis::Inferred => " (estimated)",
        Basis::Approximate => " (approximate date)",
        Basis::Planned if !m.firm => " (planned)",
        _ => "",
    }
}

fn description(m: &Milestone) -> String {
    let mut desc = String::new();
    let _ = write!(desc, "{} ({}).", m.name, basis_word(m.basis));
    if let (Some(end), Some(days)) = (m.end, m.length_days) {
        let _ = write!(
            desc,
            "\nFrom {} to {} ({} day{}, first and last included).",
            long_date(m.date),
            long_date(end),
            days,
            if days == 1 { "" } else { "s" }
        );
    }
    if m.kind == MilestoneKind::Deadline {
        if let Some(a) = m.actual {
            let _ = write!(desc, "\nDelivered on {}.", long_date(a));
        }
    }
    if !m.rule_text.is_empty() && m.basis != Basis::Actual {
        let _ = write!(desc, "\nWhen: {}.", m.rule_text);
    }
    if let Some(mv) = &m.moved_from {
        let _ = write!(desc, "\nMoved from {mv}.");
    }
    if let Some(note) = &m.council_note {
        match m.council_date {
            Some(cd) => {
                let _ = write!(
                    desc,
                    "\nThe council's own date: {} ({note}).",
                    long_date(cd)
                );
            }
            None => {
                let _ = write!(desc, "\n{note}.");
            }
        }
    }
    if let Some(f) = &m.forecast {
        let _ = write!(desc, "\nForecast: {}.", f.text);
    }
    if !m.source.is_empty() {
        let _ = write!(desc, "\nSource: {}", m.source);
    }
    if let Some(url) = &m.source_url {
        let _ = write!(desc, "\n{url}");
    }
    desc
}

pub(crate) fn write(t: &Timeline, dtstamp: jiff::Timestamp) -> String {
    // `%Y%m%dT%H%M%SZ` in UTC, written from the fields: jiff's `strftime` would bring its whole
    // formatter (and its error messages) into the WebAssembly module for this one line.
    let utc = jiff::tz::Offset::UTC.to_datetime(dtstamp);
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        utc.year(),
        utc.month(),
        utc.day(),
        utc.hour(),
        utc.minute(),
        utc.second()
    );
    let seq = sequence(dtstamp);
    let mut out = String::new();
    let who = t.council.clone().unwrap_or_default();
    let cal_name = if who.is_empty() {
        "CQC assessment timeline".to_string()
    } else {
        format!("CQC assessment timeline: {who}")
    };
    for line in [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//cqc-assurance//timeline//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", escape_text(&cal_name)),
    ] {
        fold_into(&mut out, &line);
    }
    // UIDs name the assessment and the milestone only, never a date: they stay the same when
    // the dates move, so calendar programs update the events instead of duplicating them.
    let key = uid_key(t);
    for m in &t.milestones {
        let last = m.end.unwrap_or(m.date);
        // DTEND is exclusive: the day after the last day.
        let end = last.tomorrow().unwrap_or(last);
        let summary = match &t.council {
            Some(c) => format!("CQC: {}{} ({c})", m.name, title_mark(m)),
            None => format!("CQC: {}{}", m.name, title_mark(m)),
        };
        let confirmed = matches!(m.basis, Basis::Actual) || m.firm;
        let mut lines = vec![
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}-{key}@cqc-assurance", m.id),
            format!("DTSTAMP:{stamp}"),
            format!("SEQUENCE:{seq}"),
            format!("DTSTART;VALUE=DATE:{}", ics_date(m.date)),
            format!("DTEND;VALUE=DATE:{}", ics_date(end)),
            format!("SUMMARY:{}", escape_text(&summary)),
            format!("DESCRIPTION:{}", escape_text(&description(m))),
            format!(
                "STATUS:{}",
                if confirmed { "CONFIRMED" } else { "TENTATIVE" }
            ),
            format!(
                "CATEGORIES:{}",
                // The variant names are ASCII: the ASCII lowercasing is the same and avoids
                // the Unicode case tables of `str::to_lowercase` in the WebAssembly module.
                escape_text(&format!("{:?}", m.kind).to_ascii_lowercase())
            ),
            // The visit blocks the diary; other all-day entries do not.
            if m.id == MilestoneId::Visit {
                "TRANSP:OPAQUE".to_string()
            } else {
                "TRANSP:TRANSPARENT".to_string()
            },
        ];
        if let (Some(r), None) = (m.reminder, m.actual) {
            // Relative to DTSTART (midnight at the start of the due day, local time): 09:00 on
            // the reminder day is 15 hours before the midnight that ends it.
            let k = day_number(m.date) - day_number(r);
            if k >= 1 {
                let trigger = if k == 1 {
                    "-PT15H".to_string()
                } else {
                    format!("-P{}DT15H", k - 1)
                };
                lines.extend([
                    "BEGIN:VALARM".to_string(),
                    "ACTION:DISPLAY".to_string(),
                    format!(
                        "DESCRIPTION:{}",
                        escape_text(&format!(
                            "Reminder: {} on {} ({} working days ahead)",
                            m.name,
                            long_date(m.council_date.unwrap_or(m.date)),
                            t.reminder_working_days
                        ))
                    ),
                    format!("TRIGGER:{trigger}"),
                    "END:VALARM".to_string(),
                ]);
            }
        }
        lines.push("END:VEVENT".to_string());
        for line in lines {
            fold_into(&mut out, &line);
        }
    }
    fold_into(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_lines_within_75_octets_and_utf8_whole() {
        let line = format!("DESCRIPTION:{}", "é€a".repeat(60));
        let mut out = String::new();
        fold_into(&mut out, &line);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        // Unfolding (RFC 5545: remove CRLF followed by one space) gives the line back.
        assert_eq!(out.replace("\r\n ", "").trim_end_matches("\r\n"), line);
    }

    proptest::proptest! {
        /// The DTSTAMP is what jiff's `strftime("%Y%m%dT%H%M%SZ")` (the code it replaces) gives,
        /// over jiff's whole range of instants.
        #[test]
        fn dtstamp_is_the_utc_time_in_basic_format(
            secs in jiff::Timestamp::MIN.as_second()..=jiff::Timestamp::MAX.as_second()
        ) {
            let ts = jiff::Timestamp::from_second(secs).unwrap();
            let t = crate::plan_timeline(&crate::TimelineInput::new(
                jiff::civil::Date::new(2025, 1, 6).unwrap(),
            ))
            .unwrap();
            let want = format!("DTSTAMP:{}\r\n", ts.strftime("%Y%m%dT%H%M%SZ"));
            proptest::prop_assert!(write(&t, ts).contains(&want));
        }
    }

    #[test]
    fn categories_name_each_milestone_kind() {
        let t = crate::plan_timeline(&crate::TimelineInput::new(
            jiff::civil::Date::new(2025, 1, 6).unwrap(),
        ))
        .unwrap();
        let ics = write(&t, jiff::Timestamp::UNIX_EPOCH);
        let found: Vec<&str> = ics
            .split("\r\n")
            .filter_map(|l| l.strip_prefix("CATEGORIES:"))
            .collect();
        assert_eq!(found.len(), t.milestones.len());
        for (m, c) in t.milestones.iter().zip(&found) {
            let want = match m.kind {
                MilestoneKind::Event => "event",
                MilestoneKind::Deadline => "deadline",
                MilestoneKind::Marker => "marker",
            };
            assert_eq!(*c, want);
        }
        assert!(found.contains(&"deadline") && found.contains(&"event"));
    }

    #[test]
    fn text_escaping() {
        assert_eq!(escape_text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }
}
