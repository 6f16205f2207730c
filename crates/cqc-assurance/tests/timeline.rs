//! The assessment timeline: golden bank holidays, GOV.UK loading, working-day arithmetic,
//! re-planning, inconsistencies, status, iCalendar and the Hounslow case.

use std::path::PathBuf;

use cqc_assurance::{
    bank_holidays_from_gov_uk_json, england_bank_holidays, parse_date, plan_timeline, Basis,
    IssueKind, MilestoneId, MilestoneKind, MilestoneState, TimelineInput, TimelineProfile,
    WorkingCalendar,
};
use jiff::civil::Date;

fn d(s: &str) -> Date {
    parse_date(s, "test").unwrap()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// England and Wales bank holidays 2020-2027 as GOV.UK lists them (written out from the
/// official calendar, not from the rules).
const OFFICIAL: &[(i16, &[&str])] = &[
    (
        2020,
        &[
            "2020-01-01",
            "2020-04-10",
            "2020-04-13",
            "2020-05-08",
            "2020-05-25",
            "2020-08-31",
            "2020-12-25",
            "2020-12-28",
        ],
    ),
    (
        2021,
        &[
            "2021-01-01",
            "2021-04-02",
            "2021-04-05",
            "2021-05-03",
            "2021-05-31",
            "2021-08-30",
            "2021-12-27",
            "2021-12-28",
        ],
    ),
    (
        2022,
        &[
            "2022-01-03",
            "2022-04-15",
            "2022-04-18",
            "2022-05-02",
            "2022-06-02",
            "2022-06-03",
            "2022-08-29",
            "2022-09-19",
            "2022-12-26",
            "2022-12-27",
        ],
    ),
    (
        2023,
        &[
            "2023-01-02",
            "2023-04-07",
            "2023-04-10",
            "2023-05-01",
            "2023-05-08",
            "2023-05-29",
            "2023-08-28",
            "2023-12-25",
            "2023-12-26",
        ],
    ),
    (
        2024,
        &[
            "2024-01-01",
            "2024-03-29",
            "2024-04-01",
            "2024-05-06",
            "2024-05-27",
            "2024-08-26",
            "2024-12-25",
            "2024-12-26",
        ],
    ),
    (
        2025,
        &[
            "2025-01-01",
            "2025-04-18",
            "2025-04-21",
            "2025-05-05",
            "2025-05-26",
            "2025-08-25",
            "2025-12-25",
            "2025-12-26",
        ],
    ),
    (
        2026,
        &[
            "2026-01-01",
            "2026-04-03",
            "2026-04-06",
            "2026-05-04",
            "2026-05-25",
            "2026-08-31",
            "2026-12-25",
            "2026-12-28",
        ],
    ),
    (
        2027,
        &[
            "2027-01-01",
            "2027-03-26",
            "2027-03-29",
            "2027-05-03",
            "2027-05-31",
            "2027-08-30",
            "2027-12-27",
            "2027-12-28",
        ],
    ),
];

#[test]
fn golden_bank_holidays_2020_to_2027() {
    for (year, want) in OFFICIAL {
        let got: Vec<String> = england_bank_holidays(*year)
            .unwrap()
            .iter()
            .map(|h| h.date.to_string())
            .collect();
        assert_eq!(got, *want, "bank holidays {year}");
    }
}

#[test]
fn substitute_days_are_marked() {
    let h = england_bank_holidays(2027).unwrap();
    let subs: Vec<_> = h.iter().filter(|h| h.notes == "Substitute day").collect();
    assert_eq!(subs.len(), 2);
    assert_eq!(subs[0].title, "Christmas Day");
    assert_eq!(subs[1].title, "Boxing Day");
    // 2022: Christmas Day on a Sunday; Boxing Day stays on Monday 26, Christmas moves to 27.
    let h = england_bank_holidays(2022).unwrap();
    let dec: Vec<_> = h.iter().filter(|h| h.date.month() == 12).collect();
    assert_eq!(
        (dec[0].title.as_str(), dec[0].notes.as_str()),
        ("Boxing Day", "")
    );
    assert_eq!(
        (dec[1].title.as_str(), dec[1].notes.as_str()),
        ("Christmas Day", "Substitute day")
    );
}

#[test]
fn earlier_one_off_days() {
    let has = |y: i16, s: &str| {
        england_bank_holidays(y)
            .unwrap()
            .iter()
            .any(|h| h.date == d(s))
    };
    assert!(has(2012, "2012-06-05") && has(2012, "2012-06-04") && !has(2012, "2012-05-28"));
    assert!(has(2002, "2002-06-03") && has(2002, "2002-06-04") && !has(2002, "2002-05-27"));
    assert!(has(2011, "2011-04-29"));
    assert!(has(1999, "1999-12-31"));
    assert!(has(1995, "1995-05-08") && !has(1995, "1995-05-01"));
}

#[test]
fn years_outside_the_rules_are_errors() {
    for y in [i16::MIN, -5, 0, 1, 1977] {
        assert_eq!(
            england_bank_holidays(y).unwrap_err().code(),
            "date_out_of_range"
        );
    }
    assert!(england_bank_holidays(9999).is_ok());
    let cal = WorkingCalendar::england();
    let err = cal.add_working_days(d("9999-12-30"), 5).unwrap_err();
    assert_eq!(err.code(), "date_out_of_range");
    let err = cal.add_working_days(d("2025-01-01"), i64::MAX).unwrap_err();
    assert_eq!(err.code(), "date_out_of_range");
}

#[test]
fn gov_uk_fixture_agrees_with_the_rules_and_overrides_them() {
    let text =
        std::fs::read_to_string(root().join("tests/data/gov-uk-bank-holidays-2025-2026.json"))
            .unwrap();
    let official = bank_holidays_from_gov_uk_json(&text, "england-and-wales").unwrap();
    for year in [2025, 2026] {
        let from_file: Vec<Date> = official
            .iter()
            .filter(|h| h.date.year() == year)
            .map(|h| h.date)
            .collect();
        let by_rule: Vec<Date> = england_bank_holidays(year)
            .unwrap()
            .iter()
            .map(|h| h.date)
            .collect();
        assert_eq!(from_file, by_rule, "{year}");
    }
    let scotland = bank_holidays_from_gov_uk_json(&text, "scotland").unwrap();
    assert!(scotland.iter().any(|h| h.date == d("2026-01-02")));

    // A one-off day in the official list is honoured; a year the list lacks keeps the rules.
    let edited = text.replace("\"2026-08-31\"", "\"2026-09-01\"");
    let cal = WorkingCalendar::england()
        .with_gov_uk_json(&edited)
        .unwrap();
    assert!(!cal.is_working_day(d("2026-09-01")).unwrap());
    assert!(cal.is_working_day(d("2026-08-31")).unwrap());
    assert!(!cal.is_working_day(d("2027-08-30")).unwrap());
}

#[test]
fn gov_uk_errors_have_paths() {
    let bad = r#"{"england-and-wales": {"division": "england-and-wales", "events": [
        {"title": "x", "date": "2026-02-30", "notes": "", "bunting": true}]}}"#;
    let err = bank_holidays_from_gov_uk_json(bad, "england-and-wales").unwrap_err();
    assert_eq!(err.code(), "invalid_date");
    assert_eq!(err.path(), Some("england-and-wales.events[0].date"));
    let err = bank_holidays_from_gov_uk_json("[1]", "england-and-wales").unwrap_err();
    assert_eq!(err.code(), "invalid_json");
    let err = bank_holidays_from_gov_uk_json("{}", "england-and-wales").unwrap_err();
    assert_eq!(err.code(), "invalid_holidays");
}

#[test]
fn closures_add_to_bank_holidays() {
    // A council closed 29-31 December 2025: a draft on 18 Dec then has its 10 working days
    // end on 9 January 2026 instead of 6 January.
    let cal = WorkingCalendar::england().with_closures([
        d("2025-12-29"),
        d("2025-12-30"),
        d("2025-12-31"),
    ]);
    assert_eq!(
        cal.add_working_days(d("2025-12-18"), 10).unwrap(),
        d("2026-01-09")
    );
    assert_eq!(
        cal.working_days_between(d("2025-12-18"), d("2026-01-09"))
            .unwrap(),
        10
    );
    // A closure on a bank holiday or a weekend is not counted twice.
    let cal = WorkingCalendar::england().with_closures([d("2025-12-25"), d("2025-12-27")]);
    assert_eq!(
        cal.add_working_days(d("2025-12-18"), 10).unwrap(),
        d("2026-01-06")
    );
}

#[test]
fn cli_example_plans_across_easter() {
    let input = TimelineInput::new(d("2025-01-06"))
        .with_actual(MilestoneId::OnSiteStart, d("2025-03-18"))
        .with_actual(MilestoneId::DraftReport, d("2025-04-14"))
        .with_today(d("2025-02-01"));
    let t = plan_timeline(&input).unwrap();
    let want = [
        ("notification", "2025-01-06"),
        ("one_week_items_due", "2025-01-13"),
        ("information_return_due", "2025-01-27"),
        ("self_assessment_due", "2025-01-27"),
        ("set_up_meeting", "2025-02-03"),
        ("on_site_notice", "2025-02-04"),
        ("on_site_start", "2025-03-18"),
        ("on_site_end", "2025-03-20"),
        ("draft_report", "2025-04-14"),
        ("factual_accuracy_due", "2025-04-30"),
        ("publication", "2025-05-14"),
        ("twenty_week_end", "2025-05-26"),
    ];
    let got: Vec<(String, String)> = t
        .milestones
        .iter()
        .map(|m| (m.id.to_string(), m.date.to_string()))
        .collect();
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(t.milestone(MilestoneId::OnSiteStart).basis, Basis::Actual);
    assert_eq!(
        t.milestone(MilestoneId::OnSiteStart).planned,
        d("2025-03-10")
    );
    let status = t.status.as_ref().unwrap();
    assert_eq!(status.weeks_elapsed, 3);
    assert_eq!(status.next, Some(MilestoneId::SetUpMeeting));
    assert_eq!(status.working_days_to_next, Some(1));
    assert_eq!(
        status.overdue,
        [
            MilestoneId::OneWeekItemsDue,
            MilestoneId::InformationReturnDue,
            MilestoneId::SelfAssessmentDue
        ]
    );
    assert!(t.issues.is_empty(), "{:?}", t.issues);
}

#[test]
fn deadlines_roll_over_bank_holidays() {
    // Notified Monday 31 March 2025: three weeks later is Easter Monday (21 April), so the
    // information return is due on Tuesday 22 April.
    let t = plan_timeline(&TimelineInput::new(d("2025-03-31"))).unwrap();
    let m = t.milestone(MilestoneId::InformationReturnDue);
    assert_eq!(m.date, d("2025-04-22"));
    assert_eq!(m.moved_from.as_deref(), Some("2025-04-21 (Easter Monday)"));
    // Notified Thursday 4 December 2025: the one-week items are due Thursday 11 December; a
    // draft report on 18 December gives a factual accuracy deadline of 6 January 2026.
    let t = plan_timeline(
        &TimelineInput::new(d("2025-12-04")).with_actual(MilestoneId::DraftReport, d("2025-12-18")),
    )
    .unwrap();
    assert_eq!(
        t.milestone(MilestoneId::FactualAccuracyDue).date,
        d("2026-01-06")
    );
}

#[test]
fn actuals_replan_later_milestones_and_inconsistencies_are_reported() {
    let base = TimelineInput::new(d("2025-01-06"));
    // On-site notice of 4 weeks only.
    let t = plan_timeline(
        &base
            .clone()
            .with_actual(MilestoneId::OnSiteNotice, d("2025-02-17"))
            .with_actual(MilestoneId::OnSiteStart, d("2025-03-17")),
    )
    .unwrap();
    let issue = t
        .issues
        .iter()
        .find(|i| i.kind == IssueKind::ShortOnSiteNotice)
        .unwrap();
    assert!(!issue.depends_on_plan);
    assert!(issue.message.contains("28 days"), "{}", issue.message);

    // A late factual accuracy response.
    let t = plan_timeline(
        &base
            .clone()
            .with_actual(MilestoneId::DraftReport, d("2025-04-14"))
            .with_actual(MilestoneId::FactualAccuracyDue, d("2025-05-02")),
    )
    .unwrap();
    assert!(t
        .issues
        .iter()
        .any(|i| i.kind == IssueKind::AfterDeadline
            && i.milestone == MilestoneId::FactualAccuracyDue));
    // The deadline did not move with the late response.
    assert_eq!(
        t.milestone(MilestoneId::FactualAccuracyDue).date,
        d("2025-04-30")
    );

    // Draft report recorded before the visit it reports on.
    let t = plan_timeline(
        &base
            .clone()
            .with_actual(MilestoneId::OnSiteStart, d("2025-03-18"))
            .with_actual(MilestoneId::DraftReport, d("2025-03-10")),
    )
    .unwrap();
    assert!(t
        .issues
        .iter()
        .any(|i| i.kind == IssueKind::OutOfOrder && i.milestone == MilestoneId::DraftReport));

    // A clean record has no issues.
    let t = plan_timeline(&base.with_actual(MilestoneId::OnSiteStart, d("2025-03-18"))).unwrap();
    assert!(t.issues.is_empty());
}

#[test]
fn bad_input_is_an_error_with_a_path() {
    let err = TimelineInput::from_json(r#"{"notified": "2025-13-01"}"#).unwrap_err();
    assert_eq!((err.code(), err.path()), ("invalid_date", Some("notified")));
    let err = TimelineInput::from_json(
        r#"{"notified": "2025-01-06", "actuals": {"site_visit": "2025-03-01"}}"#,
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("unknown_milestone", Some("actuals.site_visit"))
    );
    let input = TimelineInput::from_json(
        r#"{"notified": "2025-01-06", "actuals": {"on_site_start": "2024-12-01"}}"#,
    )
    .unwrap();
    let err = plan_timeline(&input).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("dates_out_of_order", Some("actuals.on_site_start"))
    );
    let input = TimelineInput::from_json(
        r#"{"notified": "2025-01-06", "actuals": {"on_site_start": "2025-03-18", "on_site_end": "2025-03-17"}}"#,
    )
    .unwrap();
    assert_eq!(
        plan_timeline(&input).unwrap_err().code(),
        "dates_out_of_order"
    );
    let err = plan_timeline(&TimelineInput::from_json("{}").unwrap()).unwrap_err();
    assert_eq!((err.code(), err.path()), ("missing_date", Some("notified")));
    let err = TimelineInput::from_json(r#"{"notified": "1970-01-05"}"#)
        .and_then(|i| plan_timeline(&i))
        .unwrap_err();
    assert_eq!(err.code(), "date_out_of_range");
}

#[test]
fn profiles_load_from_json_and_are_checked() {
    let default = TimelineProfile::default();
    let json = serde_json::to_string(&default).unwrap();
    assert_eq!(TimelineProfile::from_json(&json).unwrap(), default);
    // Every default cites a source.
    assert!(default.milestones.iter().all(|m| m.source.len() > 20));

    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["milestones"][9]["rule"]["from"] = "site_visit".into();
    let err = TimelineProfile::from_json(&v.to_string()).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("unknown_milestone", Some("milestones[9].rule.from"))
    );

    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    // on_site_start counted from on_site_notice, which is counted from on_site_start.
    v["milestones"][6]["rule"]["from"] = "on_site_notice".into();
    let err = TimelineProfile::from_json(&v.to_string()).unwrap_err();
    assert_eq!(err.code(), "invalid_profile");
    assert!(err.to_string().contains("cycle"), "{err}");

    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["milestones"][2]["rule"] = serde_json::json!({"from": "notification", "weeks": 3, "days": 1});
    let err = TimelineProfile::from_json(&v.to_string()).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("invalid_profile", Some("milestones[2].rule"))
    );

    // A council's own rule: four weeks for the self-assessment.
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["milestones"][3]["rule"]["weeks"] = 4.into();
    let input = TimelineInput::from_json(
        &serde_json::json!({"notified": "2025-01-06", "profile": v}).to_string(),
    )
    .unwrap();
    let t = plan_timeline(&input).unwrap();
    assert_eq!(
        t.milestone(MilestoneId::SelfAssessmentDue).date,
        d("2025-02-03")
    );
}

#[test]
fn status_on_a_date() {
    let t = plan_timeline(
        &TimelineInput::new(d("2025-01-06"))
            .with_actual(MilestoneId::OneWeekItemsDue, d("2025-01-10"))
            .with_today(d("2025-01-27")),
    )
    .unwrap();
    let s = t.status.as_ref().unwrap();
    assert_eq!(s.days_elapsed, 21);
    assert_eq!(s.weeks_elapsed, 3);
    assert_eq!(s.weeks_total, 20);
    assert_eq!(
        s.done,
        [MilestoneId::Notification, MilestoneId::OneWeekItemsDue]
    );
    // Due today (Monday 27 January) counts as due this week. The latest on-site notice is
    // also 27 January: the planned visit (10 March) less the 6-week minimum.
    assert_eq!(
        s.due_this_week,
        [
            MilestoneId::InformationReturnDue,
            MilestoneId::SelfAssessmentDue,
            MilestoneId::OnSiteNotice
        ]
    );
    assert!(s.overdue.is_empty());
    assert_eq!(s.next, Some(MilestoneId::InformationReturnDue));
    assert_eq!(s.calendar_days_to_next, Some(0));
    // 20-week end is Monday 26 May 2025: 119 calendar days; working days after 27 Jan up to
    // 26 May, less Good Friday, Easter Monday, 5 May and 26 May itself: 17 weeks x 5 = 85 - 4.
    assert_eq!(s.calendar_days_to_end, 119);
    assert_eq!(s.working_days_to_end, 81);
    let m = t.milestone(MilestoneId::InformationReturnDue);
    assert_eq!(m.state, Some(MilestoneState::DueThisWeek));
    assert_eq!(m.working_days_remaining, Some(0));
}

/// Unfolds an iCalendar text into content lines, checking the RFC 5545 line rules.
fn ical_lines(ics: &str) -> Vec<String> {
    assert!(ics.ends_with("\r\n"));
    for raw in ics.split("\r\n") {
        assert!(
            !raw.contains('\n') && !raw.contains('\r'),
            "bare line break in {raw:?}"
        );
        assert!(raw.len() <= 75, "line of {} octets: {raw:?}", raw.len());
    }
    let unfolded = ics.replace("\r\n ", "");
    unfolded
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn ical_export_follows_rfc_5545() {
    let input = TimelineInput::from_json(
        &std::fs::read_to_string(root().join("../../examples/hounslow-timeline.json")).unwrap(),
    )
    .unwrap();
    let t = plan_timeline(&input).unwrap();
    let ics = t.to_ical_on(d("2024-05-20"));
    assert_eq!(
        ics,
        t.to_ical_on(d("2024-05-20")),
        "deterministic for a given stamp"
    );
    let lines = ical_lines(&ics);
    assert_eq!(lines.first().unwrap(), "BEGIN:VCALENDAR");
    assert_eq!(lines.last().unwrap(), "END:VCALENDAR");
    assert!(lines.contains(&"VERSION:2.0".to_string()));
    assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
    // One VEVENT per milestone, each with UID, DTSTAMP, an all-day DTSTART and DTEND the day
    // after.
    let mut events = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for l in &lines {
        match l.as_str() {
            "BEGIN:VEVENT" => current = Some(Vec::new()),
            "END:VEVENT" => events.push(current.take().unwrap()),
            _ => {
                if let Some(c) = current.as_mut() {
                    c.push(l.clone());
                }
            }
        }
    }
    assert_eq!(events.len(), 12);
    let mut uids = Vec::new();
    for (e, m) in events.iter().zip(&t.milestones) {
        let get = |k: &str| {
            e.iter()
                .find_map(|l| l.strip_prefix(k))
                .unwrap_or_else(|| panic!("{k} missing in {e:?}"))
                .to_string()
        };
        uids.push(get("UID:"));
        assert_eq!(get("DTSTAMP:"), "20240520T000000Z");
        let start = get("DTSTART;VALUE=DATE:");
        assert_eq!(start, m.date.to_string().replace('-', ""));
        let end = get("DTEND;VALUE=DATE:");
        assert_eq!(end, m.date.tomorrow().unwrap().to_string().replace('-', ""));
        // TEXT values: no unescaped comma or semicolon.
        for key in ["SUMMARY:", "DESCRIPTION:"] {
            let v = get(key);
            let unescaped = v
                .replace("\\\\", "")
                .replace("\\,", "")
                .replace("\\;", "")
                .replace("\\n", "");
            assert!(
                !unescaped.contains(',') && !unescaped.contains(';'),
                "{key}{v}"
            );
        }
    }
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), 12, "UIDs are unique");
    // The estimate is visible in the calendar, not presented as fact.
    assert!(ics
        .replace("\r\n ", "")
        .contains("Notification from CQC (estimated)"));
}

#[test]
fn hounslow_case_loads_with_its_durations() {
    let text =
        std::fs::read_to_string(root().join("../../examples/hounslow-timeline.json")).unwrap();
    let t = plan_timeline(&TimelineInput::from_json(&text).unwrap()).unwrap();
    // The notification day is not published: it is estimated and marked so.
    assert_eq!(t.notified_basis, Basis::Estimated);
    assert_eq!(
        t.milestone(MilestoneId::Notification).basis,
        Basis::Estimated
    );
    assert_eq!(t.milestone(MilestoneId::Notification).actual, None);
    assert_eq!(t.notified.month(), 12);
    assert_eq!(t.notified.year(), 2023);
    assert!(t
        .notified_estimate
        .as_deref()
        .unwrap()
        .contains("on_site_start"));
    // The recorded dates stand as recorded.
    assert_eq!(t.milestone(MilestoneId::OnSiteStart).date, d("2024-02-20"));
    assert_eq!(t.milestone(MilestoneId::OnSiteEnd).date, d("2024-02-22"));
    assert_eq!(t.milestone(MilestoneId::Publication).date, d("2024-05-17"));
    assert_eq!(
        t.milestone(MilestoneId::SetUpMeeting).basis,
        Basis::Approximate
    );
    // Durations between known dates (worked out on the calendar):
    // on-site end 22 Feb -> published 17 May 2024: 85 days = 12 weeks 1 day;
    // return 19 Jan -> published 17 May: 119 days = 17 weeks.
    let find = |from: MilestoneId, to: MilestoneId| {
        t.intervals
            .iter()
            .find(|i| i.from == from && i.to == to)
            .unwrap()
    };
    let i = find(MilestoneId::OnSiteEnd, MilestoneId::Publication);
    assert_eq!(
        (i.calendar_days, i.weeks.as_str(), i.approximate),
        (85, "12 weeks 1 day", false)
    );
    // Working days 23 Feb - 17 May 2024: 12 weeks 1 day of weekdays = 61, less Good Friday
    // (29 Mar), Easter Monday (1 Apr) and the early May holiday (6 May) = 58.
    assert_eq!(i.working_days, 58);
    let i = find(MilestoneId::InformationReturnDue, MilestoneId::Publication);
    assert_eq!((i.calendar_days, i.weeks.as_str()), (119, "17 weeks"));
    assert!(find(MilestoneId::InformationReturnDue, MilestoneId::SetUpMeeting).approximate);
    // Any lateness found against an estimated due date says so.
    assert!(t.issues.iter().all(|i| i.depends_on_plan));
}

#[test]
fn every_milestone_kind_is_consistent() {
    let p = TimelineProfile::default();
    for m in &p.milestones {
        assert_eq!(m.rule.is_none(), m.id == MilestoneId::Notification);
    }
    assert_eq!(
        MilestoneId::FactualAccuracyDue.kind(),
        MilestoneKind::Deadline
    );
    assert_eq!(
        serde_json::to_value(MilestoneId::FactualAccuracyDue).unwrap(),
        "factual_accuracy_due"
    );
}

#[test]
fn gov_uk_events_can_be_given_as_they_are_to_a_calendar_and_a_timeline() {
    // GOV.UK's events carry `bunting`; a calendar's bank_holidays accept them unchanged.
    let file: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/gov-uk-bank-holidays-2025-2026.json"))
            .unwrap(),
    )
    .unwrap();
    let events = file["england-and-wales"]["events"].clone();
    assert!(events[0].get("bunting").is_some());
    let cal =
        WorkingCalendar::from_json(&serde_json::json!({ "bank_holidays": events }).to_string())
            .unwrap();
    assert!(!cal.is_working_day(d("2025-12-25")).unwrap());
    let same: WorkingCalendar =
        serde_json::from_value(serde_json::json!({ "bank_holidays": events })).unwrap();
    assert_eq!(same, cal, "serde and from_json read a calendar alike");
    let input = serde_json::json!({ "notified": "2025-01-06", "bank_holidays": events });
    assert!(TimelineInput::from_json(&input.to_string()).is_ok());
    // `bunting` is GOV.UK's true or false.
    let bad = serde_json::json!({ "bank_holidays": [
        { "date": "2025-12-25", "title": "Christmas Day", "bunting": "yes" } ] });
    let err = WorkingCalendar::from_json(&bad.to_string()).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("invalid_json", Some("bank_holidays[0].bunting"))
    );
}

#[test]
fn a_required_field_given_as_null_is_reported_at_the_field() {
    let err = WorkingCalendar::from_json(r#"{"bank_holidays": [{"date": null}]}"#).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("invalid_json", Some("bank_holidays[0].date"))
    );
    let err = WorkingCalendar::from_json(r#"{"bank_holidays": [{"title": "x"}]}"#).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("invalid_json", Some("bank_holidays[0]"))
    );
    assert!(err.to_string().contains("missing field `date`"), "{err}");
    let err = TimelineProfile::from_json(r#"{"milestones": null}"#).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("invalid_json", Some("milestones"))
    );
    // A division given as null is a wrong type where it is, not a division missing.
    let err = bank_holidays_from_gov_uk_json(r#"{"england-and-wales": null}"#, "england-and-wales")
        .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("invalid_json", Some("england-and-wales"))
    );
    let err = bank_holidays_from_gov_uk_json(
        r#"{"england-and-wales": {"events": [{"date": "2025-12-25", "title": null}]}}"#,
        "england-and-wales",
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("invalid_json", Some("england-and-wales.events[0].title"))
    );
}
