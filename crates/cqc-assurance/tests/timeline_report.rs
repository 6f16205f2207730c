//! The timeline part of the workbook report: the same status sentence (and week number) as
//! the command prints, the visit as one bar, the ranges of recorded cases, the pre-election
//! periods, and the table's forecasts.

use cqc_assurance::{parse_date, plan_timeline, TimelineInput, Workbook, WorkbookReport};

const EXAMPLE: &str = include_str!("../../../examples/liverpool-workbook.json");

/// The example workbook with a timeline from a first notice on Monday 23 November 2026.
fn workbook() -> Workbook {
    let mut doc: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    doc["timeline"] = serde_json::json!({"council": "Anytown", "notified": "2026-11-23"});
    Workbook::from_json(&doc.to_string()).unwrap()
}

#[test]
fn the_report_prints_the_timelines_own_status_sentence() {
    // On Monday 4 January 2027, 42 days after the first notice: week 7 (week 1 is the first
    // notice's day and the six after it). The report once said "Week N+1" where the command
    // said "week N": both now print the timeline's sentence.
    let today = parse_date("2027-01-04", "d").unwrap();
    let t = plan_timeline(
        &TimelineInput::new(parse_date("2026-11-23", "d").unwrap()).with_today(today),
    )
    .unwrap();
    let st = t.status.as_ref().unwrap();
    assert_eq!(st.week_number, 7);
    assert!(
        st.summary.contains("week 7 since the first notice"),
        "{}",
        st.summary
    );
    let r = WorkbookReport::new(&workbook(), today);
    let html = r.html().unwrap();
    let md = r.markdown().unwrap();
    // As the HTML template escapes it (an apostrophe is &#x27;).
    let escaped = st.summary.replace('\'', "&#x27;");
    assert!(html.contains(&escaped), "HTML lacks: {escaped}");
    assert!(md.contains(&st.summary), "Markdown lacks: {}", st.summary);
    assert!(!html.contains("Week 8 of"));
}

#[test]
fn the_chart_and_table_show_the_visit_the_cases_and_the_pre_election_period() {
    let r = WorkbookReport::new(&workbook(), parse_date("2027-01-04", "d").unwrap());
    let html = r.html().unwrap();
    // The visit 25-28 January 2027 as one bar.
    assert!(
        html.contains("<title>On-site visit: 25 January 2027 to 28 January 2027 (planned)</title>"),
        "visit bar"
    );
    assert!(html.contains("tl tl-forecast"), "ranges of recorded cases");
    assert!(html.contains("tl tl-pre-election"), "pre-election period");
    assert!(html.contains("Pre-election period (no publication)"));
    assert!(html.contains("<th scope=\"col\">Recorded cases</th>"));
    let md = r.markdown().unwrap();
    // The publication planned 26 April 2027 is moved out of 31 March - 6 May 2027.
    assert!(
        md.contains("| Report and rating published | 7 May 2027 |"),
        "{md}"
    );
    assert!(md.contains("moved from 2027-04-26 (inside the pre-election period"));
    assert!(md.contains("recorded cases 51 to 180 days after the first notice (3 cases"));
    assert!(md.contains("the council's own planning figure, not CQC's"));
    assert!(md.contains("a proposal"));
    assert!(!md.contains("\n\n\n"), "no run of blank lines");
}
