//! The assessment timeline: golden bank holidays, GOV.UK loading, working-day arithmetic,
//! the 2025-26 shape of an assessment (two notices, the pre-visit meetings, the visit as one
//! block), the pre-election pause, forecasts from recorded cases, re-planning, inconsistencies,
//! status, iCalendar and the Hounslow case. Expected dates are worked out by hand on the
//! calendar (the arithmetic is in the comments).

use std::path::PathBuf;

use cqc_assurance::timeline::{Basis, IssueKind, MilestoneKind, MilestoneState};
use cqc_assurance::{
    bank_holidays_from_gov_uk_json, england_bank_holidays, parse_date, plan_timeline,
    ElectionYears, MilestoneId, PreElectionPolicy, Timeline, TimelineInput, TimelineProfile,
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
fn a_gov_uk_file_with_part_of_a_year_is_refused_not_taken_as_the_whole_year() {
    // Only the first three days of 2027: taken as the year, Good Friday (26 March) and every
    // later holiday of 2027 would be working days and deadlines across them a day early.
    let partial = r#"{"england-and-wales": {"division": "england-and-wales", "events": [
        {"title": "New Year’s Day", "date": "2027-01-01", "notes": "", "bunting": true},
        {"title": "Good Friday", "date": "2027-03-26", "notes": "", "bunting": false},
        {"title": "Easter Monday", "date": "2027-03-29", "notes": "", "bunting": true}]}}"#;
    let err = WorkingCalendar::england()
        .with_gov_uk_json(partial)
        .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("incomplete_holidays", Some("england-and-wales.events"))
    );
    let msg = err.to_string();
    assert!(msg.contains("2027 lists 3 days"), "{msg}");
    assert!(msg.contains("Summer bank holiday 30 August 2027"), "{msg}");
    // The same in a calendar or timeline document, at its field.
    let err = WorkingCalendar::from_json(
        r#"{"bank_holidays": [{"date": "2027-06-07", "title": "A one-off day"}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("incomplete_holidays", Some("bank_holidays"))
    );
    let err = TimelineInput::from_json(
        r#"{"notified": "2027-01-04", "bank_holidays": [{"date": "2027-06-07", "title": "x"}]}"#,
    )
    .unwrap_err();
    assert_eq!(err.code(), "incomplete_holidays");
    // The whole year with a one-off day added is taken, and the day is honoured.
    let mut year = england_bank_holidays(2027).unwrap();
    year.push(cqc_assurance::BankHoliday {
        date: d("2027-06-07"),
        title: "A one-off day".into(),
        notes: String::new(),
    });
    let cal = WorkingCalendar::england().with_bank_holidays(year).unwrap();
    assert!(!cal.is_working_day(d("2027-06-07")).unwrap());
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

fn ids_and_dates(t: &Timeline) -> Vec<(String, String)> {
    t.milestones
        .iter()
        .map(|m| (m.id.to_string(), m.date.to_string()))
        .collect()
}

fn pairs(want: &[(&str, &str)]) -> Vec<(String, String)> {
    want.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// The default plan from a first notice on Monday 7 December 2026: both notices, the
/// pre-visit meetings, the visit as one block, a publication clear of the May 2027
/// pre-election period.
#[test]
fn notified_7_december_2026_both_notices_the_meetings_the_visit_and_a_publication_clear_of_may_2027(
) {
    let t = plan_timeline(&TimelineInput::new(d("2026-12-07"))).unwrap();
    // 3 weeks after 7 Dec is Monday 28 December, the substitute Boxing Day: Tuesday 29th. The
    // second notice (earliest: 3 weeks) likewise. The visit 6 weeks after the second notice:
    // 29 Dec + 42 days = Tuesday 9 February 2027, four working days to Friday 12th. The
    // leadership presentation 4 weeks before (12 January), the focus group 1 week before
    // (2 February). The draft 8 weeks after the last day: 12 Feb + 56 = Friday 9 April (Easter
    // 2027 is 28 March, out of the way); 10 working days: 12-16, 19-23 April, so Friday 23rd;
    // publication 2 weeks later, Friday 7 May, the day after the local elections of Thursday
    // 6 May 2027. The planning mark: 7 Dec + 140 days = Monday 26 April 2027.
    assert_eq!(
        ids_and_dates(&t),
        pairs(&[
            ("notification", "2026-12-07"),
            ("one_week_items_due", "2026-12-14"),
            ("information_return_due", "2026-12-29"),
            ("self_assessment_due", "2026-12-29"),
            ("case_tracking_list_due", "2026-12-29"),
            ("visit_notice", "2026-12-29"),
            ("leadership_presentation", "2027-01-12"),
            ("data_focus_group", "2027-02-02"),
            ("visit", "2027-02-09"),
            ("visit_feedback", "2027-02-12"),
            ("draft_report", "2027-04-09"),
            ("factual_accuracy_due", "2027-04-23"),
            ("twenty_week_end", "2027-04-26"),
            ("publication", "2027-05-07"),
        ])
    );
    let visit = t.milestone(MilestoneId::Visit);
    assert_eq!(visit.end, Some(d("2027-02-12")));
    assert_eq!(
        (visit.length_days, visit.length_working_days),
        (Some(4), Some(4))
    );
    assert_eq!(
        t.milestone(MilestoneId::InformationReturnDue)
            .moved_from
            .as_deref(),
        Some("2026-12-28 (Boxing Day)")
    );
    // The pre-election period of 2027: polling day Thursday 6 May; the notice of election no
    // later than 25 working days before, counting back without the early May bank holiday
    // (Monday 3 May): 5, 4, 30, 29, 28, 27, 26, 23, 22, 21, 20, 19, 16, 15, 14, 13, 12, 9, 8,
    // 7, 6, 5, 2, 1 April, 31 March: Wednesday 31 March 2027.
    assert_eq!(t.pre_election.len(), 1);
    let p = &t.pre_election[0];
    assert_eq!((p.start, p.end), (d("2027-03-31"), d("2027-05-06")));
    assert!(p.start_is_latest_notice);
    assert!(
        t.publication_check
            .contains("falls after the pre-election period"),
        "{}",
        t.publication_check
    );
    // Words, not ids.
    assert_eq!(
        t.milestone(MilestoneId::LeadershipPresentation).rule_text,
        "4 weeks before the first day of the visit, moved to the working day before"
    );
    assert_eq!(
        t.milestone(MilestoneId::DraftReport).rule_text,
        "8 weeks after the last day of the visit, moved to the next working day"
    );
    // What the 20 weeks are.
    assert!(t.planning_note.contains("not CQC's"));
    assert!(t
        .milestone(MilestoneId::TwentyWeekEnd)
        .name
        .contains("the council's, not CQC's"));
    let text = t.to_text();
    for want in [
        "First notice from CQC",
        "Second notice from CQC (dates of the visit)",
        "Senior leadership presentation",
        "Data and performance focus group",
        "9 February 2027 to 12 February 2027 (4 days",
        "31 March 2027 to 6 May 2027",
        "the council's own planning figure, not CQC's",
    ] {
        assert!(text.contains(want), "{want} missing from:\n{text}");
    }
}

#[test]
fn a_publication_planned_inside_the_pre_election_period_is_moved_or_flagged() {
    // First notice Monday 23 November 2026: second notice 14 Dec, visit 25-28 January 2027,
    // draft 28 Jan + 56 days = Thursday 25 March; 10 working days skip Good Friday (26th) and
    // Easter Monday (29th): 30, 31 March, 1, 2, 5, 6, 7, 8, 9, 12 April, so Monday 12th;
    // publication 2 weeks later, Monday 26 April 2027, inside 31 March - 6 May 2027.
    let input = TimelineInput::new(d("2026-11-23"));
    let t = plan_timeline(&input).unwrap();
    let p = t.milestone(MilestoneId::Publication);
    assert_eq!(p.planned, d("2027-05-07"));
    assert_eq!(
        p.date,
        d("2027-05-07"),
        "moved to the first working day after"
    );
    let why = p.moved_from.as_deref().unwrap();
    assert!(
        why.starts_with("2027-04-26 (inside the pre-election period"),
        "{why}"
    );
    assert!(
        t.publication_check.contains("was moved out"),
        "{}",
        t.publication_check
    );
    assert!(t
        .issues
        .iter()
        .all(|i| i.kind != IssueKind::PreElectionPeriod));

    // Flag instead: the date stays, and the issue says why.
    let mut flag = input.clone();
    flag.pre_election.policy = PreElectionPolicy::Flag;
    let t = plan_timeline(&flag).unwrap();
    assert_eq!(t.milestone(MilestoneId::Publication).date, d("2027-04-26"));
    let issue = t
        .issues
        .iter()
        .find(|i| i.kind == IssueKind::PreElectionPeriod)
        .unwrap();
    assert!(issue.message.contains("6 May 2027"), "{}", issue.message);

    // A council that expects no pause in 2027 (the setting): nothing moves.
    for years in [
        ElectionYears::Years(vec![]),
        ElectionYears::Years(vec![2028]),
    ] {
        let mut none = input.clone();
        none.pre_election.election_years = years;
        let t = plan_timeline(&none).unwrap();
        assert_eq!(t.milestone(MilestoneId::Publication).date, d("2027-04-26"));
        assert!(t.milestone(MilestoneId::Publication).moved_from.is_none());
    }

    // A calendar document overrides the rule: no elections in 2027 for this council.
    let doc = serde_json::json!({"notified": "2026-11-23", "pre_election": {"calendar": {
        "years": [{"year": 2027, "no_elections": true, "note": "postponed"}]}}});
    let t = plan_timeline(&TimelineInput::from_json(&doc.to_string()).unwrap()).unwrap();
    assert_eq!(t.milestone(MilestoneId::Publication).date, d("2027-04-26"));
    // ... or gives the day the notice was really published. First notice 9 November 2026:
    // second notice 30 Nov, visit 11-14 January 2027, draft 14 Jan + 56 = 11 March, 10 working
    // days (12, 15-19, 22-25 March) to 25 March, publication Thursday 8 April 2027: inside
    // the period from the latest legal notice (31 March), so moved to 7 May ...
    let t = plan_timeline(&TimelineInput::new(d("2026-11-09"))).unwrap();
    assert_eq!(t.milestone(MilestoneId::Publication).date, d("2027-05-07"));
    // ... but before a notice the council knows is published on 20 April: it stays.
    let doc = serde_json::json!({"notified": "2026-11-09", "pre_election": {"calendar": {
        "years": [{"year": 2027, "notice": "2027-04-20"}]}}});
    let t = plan_timeline(&TimelineInput::from_json(&doc.to_string()).unwrap()).unwrap();
    assert_eq!(t.milestone(MilestoneId::Publication).date, d("2027-04-08"));
    assert_eq!(t.pre_election[0].start, d("2027-04-20"));
    assert!(!t.pre_election[0].start_is_latest_notice);
}

#[test]
fn the_election_rule_and_its_exceptions() {
    use cqc_assurance::timeline::latest_notice_of_election;
    use cqc_assurance::ElectionCalendar;
    let cal = WorkingCalendar::england();
    // As the Electoral Commission's timetables give the last day for the notice of election:
    // 25 March for 1 May 2025; 30 March for 7 May 2026 (Good Friday 3 and Easter Monday 6
    // April and the early May bank holiday 4 May left out of the count).
    assert_eq!(
        latest_notice_of_election(d("2025-05-01"), &cal).unwrap(),
        d("2025-03-25")
    );
    assert_eq!(
        latest_notice_of_election(d("2026-05-07"), &cal).unwrap(),
        d("2026-03-30")
    );
    let e = ElectionCalendar::default();
    assert_eq!(e.polling_day(2026).unwrap(), Some(d("2026-05-07")));
    assert_eq!(e.polling_day(2020).unwrap(), None, "postponed to 2021");
    assert_eq!(e.polling_day(2021).unwrap(), Some(d("2021-05-06")));
    assert_eq!(e.polling_day(2001).unwrap(), Some(d("2001-06-07")));
    // The general election period of 2024 (25 May to 4 July), when CQC published no local
    // authority reports, is in the bundled calendar. First notice Monday 15 January 2024:
    // second notice 5 Feb, visit 18-21 March, draft 21 Mar + 56 = 16 May, 10 working days
    // (17, 20-24, 28-31 May; 27 May is the spring bank holiday) to 31 May, publication Friday
    // 14 June 2024: inside, so moved to Friday 5 July.
    let t = plan_timeline(&TimelineInput::new(d("2024-01-15"))).unwrap();
    let p = t.milestone(MilestoneId::Publication);
    assert_eq!(p.date, d("2024-07-05"));
    assert!(p
        .moved_from
        .as_deref()
        .unwrap()
        .starts_with("2024-06-14 (inside the pre-election period"));
    assert!(t
        .pre_election
        .iter()
        .any(|q| q.start == d("2024-05-25") && q.end == d("2024-07-04")));
    // The local elections of 2 May 2024: notice by 26 March (25 working days back, without
    // Easter Monday 1 April and Good Friday 29 March).
    assert!(t
        .pre_election
        .iter()
        .any(|q| q.start == d("2024-03-26") && q.end == d("2024-05-02")));
}

#[test]
fn the_second_notice_is_a_milestone_of_its_own_and_re_plans_the_visit() {
    // Havering's dates: first notice 7 April 2025, second 30 June 2025; with the second notice
    // recorded, the visit is planned 6 weeks after it: Monday 11 August 2025 (the real visit
    // came a week later, within the 6-8 weeks).
    let t = plan_timeline(
        &TimelineInput::new(d("2025-04-07")).with_actual(MilestoneId::VisitNotice, d("2025-06-30")),
    )
    .unwrap();
    assert_eq!(t.milestone(MilestoneId::VisitNotice).basis, Basis::Actual);
    assert_eq!(t.milestone(MilestoneId::Visit).date, d("2025-08-11"));
    assert_eq!(t.milestone(MilestoneId::Visit).end, Some(d("2025-08-14")));
    // The earlier id is still read.
    let old = TimelineInput::from_json(
        r#"{"notified": "2025-04-07", "actuals": {"on_site_notice": "2025-06-30"}}"#,
    )
    .unwrap();
    assert_eq!(old.actuals[&MilestoneId::VisitNotice], d("2025-06-30"));
}

#[test]
fn recording_the_visit_shows_the_earlier_milestones_happened() {
    // First notice 6 Jan 2025, the visit recorded 18-20 March 2025, status on 24 March: the
    // second notice, the information return, the meetings are done (not overdue).
    let input = TimelineInput::new(d("2025-01-06"))
        .with_visit(d("2025-03-18"), Some(d("2025-03-20")))
        .with_today(d("2025-03-24"));
    let t = plan_timeline(&input).unwrap();
    let st = t.status.as_ref().unwrap();
    // Only the feedback on the visit's last day, which nothing recorded shows.
    assert_eq!(st.overdue, [MilestoneId::VisitFeedback]);
    for id in [
        MilestoneId::OneWeekItemsDue,
        MilestoneId::InformationReturnDue,
        MilestoneId::VisitNotice,
        MilestoneId::LeadershipPresentation,
        MilestoneId::DataFocusGroup,
    ] {
        let m = t.milestone(id);
        assert_eq!(m.state, Some(MilestoneState::Done), "{id}");
        assert_eq!(m.implied_by, Some(MilestoneId::Visit), "{id}");
    }
    // The second notice, not recorded, is worked back from the visit: 18 March less 6 weeks is
    // Tuesday 4 February 2025.
    let n = t.milestone(MilestoneId::VisitNotice);
    assert_eq!((n.date, n.basis), (d("2025-02-04"), Basis::Inferred));
    // The same status date without the visit: they are overdue.
    let t =
        plan_timeline(&TimelineInput::new(d("2025-01-06")).with_today(d("2025-03-24"))).unwrap();
    let overdue = &t.status.as_ref().unwrap().overdue;
    assert!(overdue.contains(&MilestoneId::InformationReturnDue));
    assert!(overdue.contains(&MilestoneId::VisitNotice));
}

#[test]
fn short_notice_and_milestones_before_the_first_notice_are_issues() {
    // First notice Monday 7 December 2026, the visit recorded Monday 4 January 2027: 28 days,
    // so the notice of its dates (no earlier than the first notice) was under 6 weeks.
    let t = plan_timeline(
        &TimelineInput::new(d("2026-12-07")).with_actual(MilestoneId::Visit, d("2027-01-04")),
    )
    .unwrap();
    let short = t
        .issues
        .iter()
        .find(|i| i.kind == IssueKind::ShortOnSiteNotice)
        .unwrap();
    assert!(!short.depends_on_plan, "both dates are recorded");
    assert!(short.message.contains("28 days"), "{}", short.message);
    // The second notice is not placed before the first.
    assert_eq!(t.milestone(MilestoneId::VisitNotice).date, d("2026-12-07"));
    // The visit recorded on Tuesday 29 December 2026: the presentation 4 weeks before it
    // (1 December) is before the first notice.
    let t = plan_timeline(
        &TimelineInput::new(d("2026-12-07")).with_actual(MilestoneId::Visit, d("2026-12-29")),
    )
    .unwrap();
    let before: Vec<_> = t
        .issues
        .iter()
        .filter(|i| i.kind == IssueKind::BeforeNotification)
        .map(|i| i.milestone)
        .collect();
    assert_eq!(before, [MilestoneId::LeadershipPresentation]);
    // A recorded second notice 4 weeks before the visit.
    let t = plan_timeline(
        &TimelineInput::new(d("2025-01-06"))
            .with_actual(MilestoneId::VisitNotice, d("2025-02-17"))
            .with_actual(MilestoneId::Visit, d("2025-03-17")),
    )
    .unwrap();
    let issue = t
        .issues
        .iter()
        .find(|i| i.kind == IssueKind::ShortOnSiteNotice)
        .unwrap();
    assert!(!issue.depends_on_plan);
    assert!(issue.message.contains("28 days"), "{}", issue.message);
    // The default plan has no issue.
    assert!(plan_timeline(&TimelineInput::new(d("2026-12-07")))
        .unwrap()
        .issues
        .is_empty());
}

#[test]
fn closures_leave_cqc_deadlines_on_england_working_days_and_give_the_council_its_own_date() {
    // First notice 7 Dec 2026; the council closed 29-31 December. CQC's information return
    // stays on Tuesday 29 December (moved off the substitute Boxing Day, Monday 28th), not
    // 4 January; the council's own date is its last open day before: Thursday 24 December.
    let mut input = TimelineInput::new(d("2026-12-07"));
    input.calendar = WorkingCalendar::england().with_closures([
        d("2026-12-29"),
        d("2026-12-30"),
        d("2026-12-31"),
    ]);
    let t = plan_timeline(&input).unwrap();
    let r = t.milestone(MilestoneId::InformationReturnDue);
    assert_eq!(r.date, d("2026-12-29"));
    assert_eq!(r.moved_from.as_deref(), Some("2026-12-28 (Boxing Day)"));
    assert_eq!(r.council_date, Some(d("2026-12-24")));
    let note = r.council_note.as_deref().unwrap();
    assert!(
        note.contains("29 December 2026") && note.contains("does not extend"),
        "{note}"
    );
    // The reminder: 3 of the council's working days before its own date: 21 December.
    assert_eq!(r.reminder, Some(d("2026-12-21")));
    // Every other date is as without the closures.
    let plain = plan_timeline(&TimelineInput::new(d("2026-12-07"))).unwrap();
    assert_eq!(ids_and_dates(&t), ids_and_dates(&plain));
}

#[test]
fn forecasts_give_the_range_of_the_recorded_cases_and_say_what_they_rest_on() {
    let t = plan_timeline(&TimelineInput::new(d("2026-12-07"))).unwrap();
    // From the first notice to the first day of the visit, worked out from the bundled cases:
    // Hounslow (notified in December 2023, visit 20 February 2024): 51 to 81 days; Plymouth
    // (January 2025, June 2025): 121 to 180; Havering (7 April 2025, week of 18 August 2025):
    // 133 to 137. So 51 to 180 days: 27 January to 5 June 2027.
    let f = t.milestone(MilestoneId::Visit).forecast.as_ref().unwrap();
    assert_eq!(f.from, MilestoneId::Notification);
    assert_eq!((f.shortest_days, f.longest_days), (51, 180));
    assert_eq!((f.earliest, f.latest), (d("2027-01-27"), d("2027-06-05")));
    assert_eq!(f.cases, ["Hounslow", "Plymouth", "Havering"]);
    assert!(f.imprecise);
    assert!(f.text.contains("3 cases"), "{}", f.text);
    // Publication: Hounslow (Dec 2023 to 17 May 2024) 138-168 days, Plymouth (Jan 2025 to
    // 17 Dec 2025) 320-350, Havering (7 Apr 2025 to June 2026) 420-449: 24 April 2027 to
    // 29 February 2028, a range that spans the pre-election period of 2027.
    let f = t
        .milestone(MilestoneId::Publication)
        .forecast
        .as_ref()
        .unwrap();
    assert_eq!((f.shortest_days, f.longest_days), (138, 449));
    assert_eq!((f.earliest, f.latest), (d("2027-04-24"), d("2028-02-29")));
    assert!(t
        .publication_check
        .contains("spans the pre-election period"));
    assert!(t.forecast_note.contains("recorded dates of"));
    // With the visit recorded, the publication is forecast from it: Hounslow 87 days,
    // Plymouth (June to 17 Dec 2025) 170-199, Havering (18-22 Aug 2025 to June 2026) 283-316,
    // Salford (3-7 Nov 2025 to May 2026) 175-209: 87 to 316 days after 18 March 2025.
    let t = plan_timeline(
        &TimelineInput::new(d("2025-01-06"))
            .with_actual(MilestoneId::Visit, d("2025-03-18"))
            .with_actual(MilestoneId::DraftReport, d("2025-04-14")),
    )
    .unwrap();
    let f = t
        .milestone(MilestoneId::Publication)
        .forecast
        .as_ref()
        .unwrap();
    assert_eq!(f.from, MilestoneId::Visit);
    assert_eq!((f.shortest_days, f.longest_days), (87, 316));
    assert_eq!((f.earliest, f.latest), (d("2025-06-13"), d("2026-01-28")));
    assert_eq!(f.cases.len(), 4);
    // Milestones reached (before the draft report) get no forecast.
    assert!(t.milestone(MilestoneId::VisitNotice).forecast.is_none());
}

#[test]
fn the_next_assessment_window_is_a_labelled_proposal() {
    let t = plan_timeline(
        &TimelineInput::new(d("2025-01-06")).with_actual(MilestoneId::Publication, d("2025-09-24")),
    )
    .unwrap();
    let n = t.next_assessment.as_ref().unwrap();
    assert_eq!((n.earliest, n.latest), (d("2028-09-24"), d("2029-09-24")));
    assert_eq!(
        (n.status.as_str(), n.from_basis),
        ("proposal", Basis::Actual)
    );
    assert!(n.text.contains("a proposal") && n.text.contains("Secretary of State"));
    assert!(n.source_url.is_some());
}

#[test]
fn the_visit_is_one_milestone_counted_inclusively() {
    // Hounslow: 20-22 February 2024 is three days, not two.
    let t = plan_timeline(
        &TimelineInput::new(d("2023-12-11")).with_visit(d("2024-02-20"), Some(d("2024-02-22"))),
    )
    .unwrap();
    let v = t.milestone(MilestoneId::Visit);
    assert_eq!((v.length_days, v.length_working_days), (Some(3), Some(3)));
    assert!(!t
        .intervals
        .iter()
        .any(|i| i.from == MilestoneId::Visit && i.to == MilestoneId::Visit));
    // A visit over a weekend: Thursday to Tuesday is 6 days, 4 working days.
    let t = plan_timeline(
        &TimelineInput::new(d("2025-01-06")).with_visit(d("2025-03-13"), Some(d("2025-03-18"))),
    )
    .unwrap();
    let v = t.milestone(MilestoneId::Visit);
    assert_eq!((v.length_days, v.length_working_days), (Some(6), Some(4)));
    // Without a recorded last day, the profile's length: 4 working days from Thursday 13th
    // (13, 14, 17, 18): Tuesday 18 March.
    let t = plan_timeline(
        &TimelineInput::new(d("2025-01-06")).with_actual(MilestoneId::Visit, d("2025-03-13")),
    )
    .unwrap();
    let v = t.milestone(MilestoneId::Visit);
    assert_eq!(
        (v.end, v.end_basis),
        (Some(d("2025-03-18")), Some(Basis::Planned))
    );
    // The earlier ids, and the interval form, read the same visit.
    for doc in [
        r#"{"notified": "2025-01-06", "actuals": {"on_site_start": "2025-03-13", "on_site_end": "2025-03-18"}}"#,
        r#"{"notified": "2025-01-06", "actuals": {"visit": "2025-03-13/2025-03-18"}}"#,
        r#"{"notified": "2025-01-06", "actuals": {"visit": {"start": "2025-03-13", "end": "2025-03-18"}}}"#,
        r#"{"notified": "2025-01-06", "actuals": {"visit": "2025-03-13", "visit_end": "2025-03-18"}}"#,
    ] {
        let t = plan_timeline(&TimelineInput::from_json(doc).unwrap()).unwrap();
        let v = t.milestone(MilestoneId::Visit);
        assert_eq!(
            (v.date, v.end),
            (d("2025-03-13"), Some(d("2025-03-18"))),
            "{doc}"
        );
    }
    // Two names for one day with different dates are a conflict at the second.
    let err = TimelineInput::from_json(
        r#"{"notified": "2025-01-06", "actuals": {"visit": "2025-03-13", "on_site_start": "2025-03-14"}}"#,
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("conflicting_dates", Some("actuals.on_site_start"))
    );
}

#[test]
fn one_week_number_everywhere_and_today_said_as_today() {
    // Status on Monday 27 January 2025, 21 days after the first notice: week 4 (week 1 is the
    // first notice's day and the six after it); the next milestone is due that day.
    let t = plan_timeline(
        &TimelineInput::new(d("2025-01-06"))
            .with_actual(MilestoneId::OneWeekItemsDue, d("2025-01-10"))
            .with_today(d("2025-01-27")),
    )
    .unwrap();
    let s = t.status.as_ref().unwrap();
    assert_eq!((s.days_elapsed, s.weeks_elapsed, s.week_number), (21, 3, 4));
    assert!(
        s.summary.contains("week 4 since the first notice"),
        "{}",
        s.summary
    );
    assert!(
        s.summary.contains("on 27 January 2025, today"),
        "{}",
        s.summary
    );
    assert!(!s.summary.contains("in 0"), "{}", s.summary);
    assert!(t.to_text().contains(&s.summary));
}

#[test]
fn cli_example_plans_across_easter() {
    let input = TimelineInput::new(d("2025-01-06"))
        .with_actual(MilestoneId::Visit, d("2025-03-18"))
        .with_actual(MilestoneId::DraftReport, d("2025-04-14"))
        .with_today(d("2025-02-01"));
    let t = plan_timeline(&input).unwrap();
    // The second notice worked back from the recorded visit (18 March less 6 weeks: 4 Feb);
    // the presentation 18 Feb, the focus group 11 March; the visit 18-21 March (4 working
    // days); 10 working days from 14 April skip Easter (18, 21 April): 30 April; publication
    // 14 May (after the local elections of 1 May 2025).
    assert_eq!(
        ids_and_dates(&t),
        pairs(&[
            ("notification", "2025-01-06"),
            ("one_week_items_due", "2025-01-13"),
            ("information_return_due", "2025-01-27"),
            ("self_assessment_due", "2025-01-27"),
            ("case_tracking_list_due", "2025-01-27"),
            ("visit_notice", "2025-02-04"),
            ("leadership_presentation", "2025-02-18"),
            ("data_focus_group", "2025-03-11"),
            ("visit", "2025-03-18"),
            ("visit_feedback", "2025-03-21"),
            ("draft_report", "2025-04-14"),
            ("factual_accuracy_due", "2025-04-30"),
            ("publication", "2025-05-14"),
            ("twenty_week_end", "2025-05-26"),
        ])
    );
    assert_eq!(t.milestone(MilestoneId::Visit).basis, Basis::Actual);
    // The visit as the rules alone would have placed it: 6 weeks after the second notice of
    // 27 January (3 weeks after the first): 10 March.
    assert_eq!(t.milestone(MilestoneId::Visit).planned, d("2025-03-10"));
    let status = t.status.as_ref().unwrap();
    assert_eq!((status.weeks_elapsed, status.week_number), (3, 4));
    assert_eq!(status.next, Some(MilestoneId::VisitNotice));
    assert_eq!(status.working_days_to_next, Some(2));
    assert_eq!(
        status.overdue,
        [
            MilestoneId::OneWeekItemsDue,
            MilestoneId::InformationReturnDue,
            MilestoneId::SelfAssessmentDue,
            MilestoneId::CaseTrackingListDue,
        ]
    );
    assert!(t.issues.is_empty(), "{:?}", t.issues);
    assert!(t.milestone(MilestoneId::FactualAccuracyDue).firm);
}

#[test]
fn deadlines_roll_over_bank_holidays() {
    // Notified Monday 31 March 2025: three weeks later is Easter Monday (21 April), so the
    // information return is due on Tuesday 22 April.
    let t = plan_timeline(&TimelineInput::new(d("2025-03-31"))).unwrap();
    let m = t.milestone(MilestoneId::InformationReturnDue);
    assert_eq!(m.date, d("2025-04-22"));
    assert_eq!(m.moved_from.as_deref(), Some("2025-04-21 (Easter Monday)"));
    // Notified Thursday 4 December 2025: a draft report on 18 December gives a factual
    // accuracy deadline of 6 January 2026.
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
fn late_deliveries_and_recorded_dates_out_of_order_are_reported() {
    let base = TimelineInput::new(d("2025-01-06"));
    // A late factual accuracy response.
    let t = plan_timeline(
        &base
            .clone()
            .with_actual(MilestoneId::DraftReport, d("2025-04-14"))
            .with_actual(MilestoneId::FactualAccuracyDue, d("2025-05-02")),
    )
    .unwrap();
    let late = t
        .issues
        .iter()
        .find(|i| {
            i.kind == IssueKind::AfterDeadline && i.milestone == MilestoneId::FactualAccuracyDue
        })
        .unwrap();
    assert!(
        !late.depends_on_plan,
        "CQC's own rule from a recorded draft"
    );
    // The deadline did not move with the late response.
    assert_eq!(
        t.milestone(MilestoneId::FactualAccuracyDue).date,
        d("2025-04-30")
    );
    // Draft report recorded before the visit it reports on (its last day).
    let t = plan_timeline(
        &base
            .clone()
            .with_visit(d("2025-03-18"), Some(d("2025-03-20")))
            .with_actual(MilestoneId::DraftReport, d("2025-03-19")),
    )
    .unwrap();
    let issue = t
        .issues
        .iter()
        .find(|i| i.kind == IssueKind::OutOfOrder && i.milestone == MilestoneId::DraftReport)
        .unwrap();
    assert!(
        issue.message.contains("the last day of the visit"),
        "{}",
        issue.message
    );
    // A clean record has no issues.
    let t = plan_timeline(&base.with_actual(MilestoneId::Visit, d("2025-03-18"))).unwrap();
    assert!(t.issues.is_empty(), "{:?}", t.issues);
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
    assert!(
        err.to_string().contains("on_site_start"),
        "the old names are listed: {err}"
    );
    // An impossible order is reported where it was written, under an earlier id too ...
    let err = TimelineInput::from_json(
        r#"{"notified": "2025-01-06", "actuals": {"on_site_start": "2024-12-01"}}"#,
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("dates_out_of_order", Some("actuals.on_site_start"))
    );
    let err = TimelineInput::from_json(
        r#"{"notified": "2025-01-06", "actuals": {"on_site_start": "2025-03-18", "on_site_end": "2025-03-17"}}"#,
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("dates_out_of_order", Some("actuals.on_site_end"))
    );
    // ... and by the planner for an input built in code.
    let input =
        TimelineInput::new(d("2025-01-06")).with_visit(d("2025-03-18"), Some(d("2025-03-17")));
    let err = plan_timeline(&input).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("dates_out_of_order", Some("actuals.visit_end"))
    );
    let input = TimelineInput::from_json(
        r#"{"notified": "2025-01-06", "actuals": {"visit_end": "2025-03-17"}}"#,
    )
    .unwrap();
    let err = plan_timeline(&input).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("missing_date", Some("actuals.visit_end"))
    );
    let err = plan_timeline(&TimelineInput::from_json("{}").unwrap()).unwrap_err();
    assert_eq!((err.code(), err.path()), ("missing_date", Some("notified")));
    let err = TimelineInput::from_json(r#"{"notified": "1970-01-05"}"#)
        .and_then(|i| plan_timeline(&i))
        .unwrap_err();
    assert_eq!(err.code(), "date_out_of_range");
    let err = TimelineInput::from_json(
        r#"{"notified": "2025-01-06", "pre_election": {"policy": "ignore"}}"#,
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("invalid_json", Some("pre_election.policy"))
    );
    let err = TimelineInput::from_json(
        r#"{"notified": "2025-01-06", "pre_election": {"election_years": [2027, "x"]}}"#,
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("invalid_json", Some("pre_election.election_years[1]"))
    );
    let err = TimelineInput::from_json(
        r#"{"notified": "2025-01-06", "pre_election": {"calendar": {"periods": [{"title": "x", "start": "2025-05-02", "end": "2025-05-01"}]}}}"#,
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        (
            "dates_out_of_order",
            Some("pre_election.calendar.periods[0].end")
        )
    );
}

#[test]
fn profiles_load_from_json_and_are_checked() {
    let default = TimelineProfile::default();
    let json = serde_json::to_string(&default).unwrap();
    assert_eq!(TimelineProfile::from_json(&json).unwrap(), default);
    // Every default cites a source, with a link.
    assert!(default
        .milestones
        .iter()
        .all(|m| m.source.len() > 40 && m.source_url.is_some()));
    let index = |id: MilestoneId| default.milestones.iter().position(|m| m.id == id).unwrap();

    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let fa = index(MilestoneId::FactualAccuracyDue);
    v["milestones"][fa]["rule"]["from"] = "site_visit".into();
    let err = TimelineProfile::from_json(&v.to_string()).unwrap_err();
    assert_eq!(
        (err.code(), err.path().unwrap()),
        (
            "unknown_milestone",
            format!("milestones[{fa}].rule.from").as_str()
        )
    );

    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    // The visit counted from the second notice, which is counted from the visit.
    v["milestones"][index(MilestoneId::VisitNotice)]["rule"] =
        serde_json::json!({"from": "visit", "weeks": -6});
    let err = TimelineProfile::from_json(&v.to_string()).unwrap_err();
    assert_eq!(err.code(), "invalid_profile");
    assert!(err.to_string().contains("cycle"), "{err}");

    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ir = index(MilestoneId::InformationReturnDue);
    v["milestones"][ir]["rule"] =
        serde_json::json!({"from": "notification", "weeks": 3, "days": 1});
    let err = TimelineProfile::from_json(&v.to_string()).unwrap_err();
    assert_eq!(
        (err.code(), err.path().unwrap()),
        ("invalid_profile", format!("milestones[{ir}].rule").as_str())
    );

    // An earlier profile that still has the visit's last day as a milestone: a clear error.
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["milestones"][index(MilestoneId::Visit)]["id"] = "on_site_end".into();
    let err = TimelineProfile::from_json(&v.to_string()).unwrap_err();
    assert_eq!(err.code(), "invalid_profile");
    assert!(err.to_string().contains("visit_working_days"), "{err}");

    // A council's own rule: four weeks for the self-assessment; a 3-day visit.
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["milestones"][index(MilestoneId::SelfAssessmentDue)]["rule"]["weeks"] = 4.into();
    v["visit_working_days"] = 3.into();
    let input = TimelineInput::from_json(
        &serde_json::json!({"notified": "2025-01-06", "profile": v}).to_string(),
    )
    .unwrap();
    let t = plan_timeline(&input).unwrap();
    assert_eq!(
        t.milestone(MilestoneId::SelfAssessmentDue).date,
        d("2025-02-03")
    );
    assert_eq!(t.milestone(MilestoneId::Visit).length_working_days, Some(3));
    // Fields left out keep the default's values.
    let slim = serde_json::json!({"milestones": v["milestones"]});
    assert_eq!(
        TimelineProfile::from_json(&slim.to_string())
            .unwrap()
            .visit_working_days,
        4
    );
    let mut bad = serde_json::from_str::<serde_json::Value>(&json).unwrap();
    bad["visit_working_days"] = 0.into();
    assert_eq!(
        TimelineProfile::from_json(&bad.to_string())
            .unwrap_err()
            .path(),
        Some("visit_working_days")
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
    assert_eq!(s.weeks_total, 20);
    assert_eq!(
        s.done,
        [MilestoneId::Notification, MilestoneId::OneWeekItemsDue]
    );
    // Due today (Monday 27 January) counts as due this week, and so does the second notice
    // (3 weeks after the first).
    assert_eq!(
        s.due_this_week,
        [
            MilestoneId::InformationReturnDue,
            MilestoneId::SelfAssessmentDue,
            MilestoneId::CaseTrackingListDue,
            MilestoneId::VisitNotice,
        ]
    );
    assert!(s.overdue.is_empty());
    assert_eq!(s.next, Some(MilestoneId::InformationReturnDue));
    assert_eq!(s.calendar_days_to_next, Some(0));
    // The planning mark is Monday 26 May 2025: 119 calendar days; working days after 27 Jan up
    // to 26 May, less Good Friday, Easter Monday, 5 May and 26 May itself: 17 weeks x 5 = 85 - 4.
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

/// The VEVENTs of an .ics text, each as its content lines (VALARM lines included).
fn events(ics: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for l in ical_lines(ics) {
        match l.as_str() {
            "BEGIN:VEVENT" => current = Some(Vec::new()),
            "END:VEVENT" => out.push(current.take().unwrap()),
            _ => {
                if let Some(c) = current.as_mut() {
                    c.push(l.clone());
                }
            }
        }
    }
    out
}

fn field<'a>(e: &'a [String], k: &str) -> &'a str {
    e.iter()
        .find_map(|l| l.strip_prefix(k))
        .unwrap_or_else(|| panic!("{k} missing in {e:?}"))
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
    let evs = events(&ics);
    assert_eq!(evs.len(), MilestoneId::ALL.len());
    let mut uids = Vec::new();
    for (e, m) in evs.iter().zip(&t.milestones) {
        uids.push(field(e, "UID:").to_string());
        assert_eq!(field(e, "DTSTAMP:"), "20240520T000000Z");
        assert_eq!(
            field(e, "DTSTART;VALUE=DATE:"),
            m.date.to_string().replace('-', "")
        );
        // DTEND is exclusive: the day after the last day.
        let last = m.end.unwrap_or(m.date);
        assert_eq!(
            field(e, "DTEND;VALUE=DATE:"),
            last.tomorrow().unwrap().to_string().replace('-', "")
        );
        // TEXT values: no unescaped comma or semicolon.
        for key in ["SUMMARY:", "DESCRIPTION:"] {
            let v = field(e, key);
            let unescaped = v
                .replace("\\\\", "")
                .replace("\\,", "")
                .replace("\\;", "")
                .replace("\\n", "");
            assert!(
                !unescaped.contains(',') && !unescaped.contains(';'),
                "{key}{v}"
            );
            // Words, not ids.
            for id in ["on_site_start", "visit_notice", "factual_accuracy_due"] {
                assert!(!v.contains(id), "{key}{v}");
            }
        }
    }
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), MilestoneId::ALL.len(), "UIDs are unique");
    // The visit: one event from 20 to 22 February (DTEND 23rd), busy.
    let visit = evs
        .iter()
        .find(|e| field(e, "UID:").starts_with("visit-"))
        .unwrap();
    assert_eq!(field(visit, "DTSTART;VALUE=DATE:"), "20240220");
    assert_eq!(field(visit, "DTEND;VALUE=DATE:"), "20240223");
    assert_eq!(field(visit, "TRANSP:"), "OPAQUE");
    // Estimates are marked in the title.
    let first = evs
        .iter()
        .find(|e| field(e, "UID:").starts_with("notification-"))
        .unwrap();
    assert!(
        field(first, "SUMMARY:").contains("(estimated)"),
        "{first:?}"
    );
}

#[test]
fn ical_reminders_on_deadlines_and_busy_visit() {
    let t = plan_timeline(&TimelineInput::new(d("2026-12-07"))).unwrap();
    let evs = events(&t.to_ical_on(d("2026-12-08")));
    for e in &evs {
        let uid = field(e, "UID:");
        let is_deadline = field(e, "CATEGORIES:") == "deadline";
        assert_eq!(
            e.contains(&"BEGIN:VALARM".to_string()),
            is_deadline,
            "{uid}"
        );
        assert_eq!(
            field(e, "TRANSP:"),
            if uid.starts_with("visit-") {
                "OPAQUE"
            } else {
                "TRANSPARENT"
            },
            "{uid}"
        );
        // Planned dates are marked as such in the title (the recorded first notice and the
        // planning mark counted from it are not planned).
        let fixed = uid.starts_with("notification-") || uid.starts_with("twenty_week_end-");
        assert_eq!(field(e, "SUMMARY:").contains("(planned)"), !fixed, "{uid}");
    }
    // The information return is due Tuesday 29 December 2026; 3 working days before, counting
    // back past the bank holidays of 28 and 25 December: 24, 23, 22, so Tuesday 22 December,
    // 7 days earlier. 09:00 that day is 6 days and 15 hours before the midnight that starts
    // the 29th.
    let ir = evs
        .iter()
        .find(|e| field(e, "UID:").starts_with("information_return_due-"))
        .unwrap();
    assert_eq!(field(ir, "TRIGGER:"), "-P6DT15H");
    assert_eq!(field(ir, "ACTION:"), "DISPLAY");
    // Settable: one working day before (Thursday 24 December: 5 days before, -P4DT15H).
    let mut input = TimelineInput::new(d("2026-12-07"));
    input.profile.reminder_working_days = 1;
    let t = plan_timeline(&input).unwrap();
    let evs = events(&t.to_ical_on(d("2026-12-08")));
    let ir = evs
        .iter()
        .find(|e| field(e, "UID:").starts_with("information_return_due-"))
        .unwrap();
    assert_eq!(field(ir, "TRIGGER:"), "-P4DT15H");
    // None at all.
    input.profile.reminder_working_days = 0;
    let ics = plan_timeline(&input).unwrap().to_ical_on(d("2026-12-08"));
    assert!(!ics.contains("BEGIN:VALARM"));
}

#[test]
fn re_planning_keeps_every_uid_and_raises_the_sequence() {
    // The plan from the first notice, imported on 8 December 2026; then re-planned with the
    // real second notice and visit dates and imported again on 2 March 2027.
    let mut first = TimelineInput::new(d("2026-12-07"));
    first.council = Some("Anytown".into());
    let before = plan_timeline(&first).unwrap().to_ical_on(d("2026-12-08"));
    let mut second = first
        .clone()
        .with_actual(MilestoneId::VisitNotice, d("2027-03-01"))
        .with_visit(d("2027-04-19"), Some(d("2027-04-22")));
    second.today = Some(d("2027-03-02"));
    let after = plan_timeline(&second).unwrap().to_ical_on(d("2027-03-02"));
    let uids = |ics: &str| -> Vec<String> {
        let mut u: Vec<String> = events(ics)
            .iter()
            .map(|e| field(e, "UID:").to_string())
            .collect();
        u.sort();
        u
    };
    assert_eq!(uids(&before), uids(&after), "every event keeps its UID");
    assert!(uids(&before)
        .iter()
        .all(|u| u.ends_with("-anytown@cqc-assurance")));
    let seq = |ics: &str| -> i64 { field(&events(ics)[0], "SEQUENCE:").parse().unwrap() };
    assert!(seq(&after) > seq(&before));
    // An estimated notification that moves (recorded visits of different days) keeps the
    // UIDs too: they never carry a date.
    let a =
        plan_timeline(&TimelineInput::default().with_actual(MilestoneId::Visit, d("2024-02-20")))
            .unwrap()
            .to_ical_on(d("2024-01-01"));
    let b =
        plan_timeline(&TimelineInput::default().with_actual(MilestoneId::Visit, d("2024-03-05")))
            .unwrap()
            .to_ical_on(d("2024-01-02"));
    assert_eq!(uids(&a), uids(&b));
    // An id keeps two assessments of one council apart.
    let mut again = first.clone();
    again.id = Some("anytown-2029".into());
    let other = plan_timeline(&again).unwrap().to_ical_on(d("2029-01-01"));
    assert!(uids(&other)
        .iter()
        .all(|u| u.ends_with("-anytown-2029@cqc-assurance")));
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
    // 20 February 2024 less 6 weeks (the second notice) less 3 weeks: 19 December 2023.
    assert_eq!(t.notified, d("2023-12-19"));
    assert!(t
        .notified_estimate
        .as_deref()
        .unwrap()
        .contains("the first day of the visit"));
    // The recorded dates stand as recorded.
    let v = t.milestone(MilestoneId::Visit);
    assert_eq!(
        (v.date, v.end, v.length_days),
        (d("2024-02-20"), Some(d("2024-02-22")), Some(3))
    );
    assert_eq!(t.milestone(MilestoneId::Publication).date, d("2024-05-17"));
    assert_eq!(
        t.milestone(MilestoneId::LeadershipPresentation).basis,
        Basis::Approximate
    );
    // Durations between known dates (worked out on the calendar):
    // last day of the visit 22 Feb -> published 17 May 2024: 85 days = 12 weeks 1 day;
    // return 19 Jan -> published 17 May: 119 days = 17 weeks.
    let find = |from: MilestoneId, to: MilestoneId| {
        t.intervals
            .iter()
            .find(|i| i.from == from && i.to == to)
            .unwrap()
    };
    let i = find(MilestoneId::Visit, MilestoneId::Publication);
    assert!(i.from_end);
    assert_eq!(
        (i.calendar_days, i.weeks.as_str(), i.approximate),
        (85, "12 weeks 1 day", false)
    );
    // Working days 23 Feb - 17 May 2024: 12 weeks 1 day of weekdays = 61, less Good Friday
    // (29 Mar), Easter Monday (1 Apr) and the early May holiday (6 May) = 58.
    assert_eq!(i.working_days, 58);
    let i = find(MilestoneId::InformationReturnDue, MilestoneId::Publication);
    assert_eq!((i.calendar_days, i.weeks.as_str()), (119, "17 weeks"));
    assert!(
        find(
            MilestoneId::InformationReturnDue,
            MilestoneId::LeadershipPresentation
        )
        .approximate
    );
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
    // Only CQC's own published rule is fixed.
    let fixed: Vec<_> = p
        .milestones
        .iter()
        .filter(|m| m.fixed)
        .map(|m| m.id)
        .collect();
    assert_eq!(fixed, [MilestoneId::FactualAccuracyDue]);
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
