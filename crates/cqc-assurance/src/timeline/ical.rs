//! iCalendar (RFC 5545) export, written directly.
//!
//! Written here rather than with the `icalendar` crate: that crate pulls in chrono and uuid and
//! stamps events with the clock and random ids when they are created, which the WebAssembly
//! build of this library cannot do without extra platform glue, and which would make files
//! differ from run to run. What RFC 5545 asks of an all-day event list is small and is tested:
//! CRLF line ends, lines folded at 75 octets (never inside a UTF-8 character), TEXT escaping,
//! `DTSTART;VALUE=DATE` with an exclusive `DTEND`, a stable `UID` and a `DTSTAMP` in UTC.

use std::fmt::Write as _;

use jiff::civil::Date;

use super::{basis_word, MilestoneKind, Timeline};

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
    // UIDs stay the same when the file is regenerated for the same assessment, so calendar
    // programs update the events instead of duplicating them.
    let slug: String = who
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    for m in &t.milestones {
        let end = m.date.tomorrow().unwrap_or(m.date);
        let mut desc = String::new();
        let _ = write!(desc, "{} ({}).", m.name, basis_word(m.basis));
        if m.kind == MilestoneKind::Deadline {
            if let Some(a) = m.actual {
                let _ = write!(desc, "\nDelivered {a}.");
            }
        }
        if !m.rule_text.is_empty() {
            let _ = write!(desc, "\nRule: {}.", m.rule_text);
        }
        if let Some(mv) = &m.moved_from {
            let _ = write!(desc, "\nMoved from {mv}.");
        }
        if !m.source.is_empty() {
            let _ = write!(desc, "\nSource: {}", m.source);
        }
        if let Some(url) = &m.source_url {
            let _ = write!(desc, "\n{url}");
        }
        let summary = match (&t.council, m.kind) {
            (Some(c), _) => format!("CQC: {} ({c})", m.name),
            (None, _) => format!("CQC: {}", m.name),
        };
        let uid = format!(
            "{}-{}{}@cqc-assurance",
            m.id,
            ics_date(t.notified),
            if slug.is_empty() {
                String::new()
            } else {
                format!("-{slug}")
            }
        );
        for line in [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{uid}"),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", ics_date(m.date)),
            format!("DTEND;VALUE=DATE:{}", ics_date(end)),
            format!("SUMMARY:{}", escape_text(&summary)),
            format!("DESCRIPTION:{}", escape_text(&desc)),
            format!(
                "CATEGORIES:{}",
                // The variant names are ASCII: the ASCII lowercasing is the same and avoids
                // the Unicode case tables of `str::to_lowercase` in the WebAssembly module.
                escape_text(&format!("{:?}", m.kind).to_ascii_lowercase())
            ),
            "TRANSP:TRANSPARENT".to_string(),
            "END:VEVENT".to_string(),
        ] {
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
