//! Arbitrary input into every parser and public entry point: no panic, no hang, and every error
//! with a stable code and the path of the bad field.
//!
//! Three kinds of input reach each parser:
//! - arbitrary text (any Unicode, and JSON-looking text);
//! - arbitrary JSON values built from the documents' own vocabulary (field names, statement and
//!   category ids, dates, numbers at and beyond every edge);
//! - valid documents with one subtree replaced or removed, or with characters edited, so that
//!   the generated input gets past the first checks and into the deep ones.
//!
//! Then arbitrary valid assessments (both rating methods) go through every analysis, whose
//! invariants are checked. Case counts stay modest so that the suite stays fast; `scripts/fuzz.sh`
//! runs the same parsers under libFuzzer for as long as one likes.

use std::time::{Duration, Instant};

use cqc_assurance::{
    bank_holidays_from_gov_uk_json, check_published, check_workbook, easter_sunday,
    england_bank_holidays, evidence_from_csv, evidence_to_csv, explain, find_council,
    improvement_paths, parse_date, plan_timeline, rank_among_published, rate, rate_batch, rate_row,
    rating_for_total, rating_probabilities, rating_probabilities_json, Assessment, Error,
    EvidenceCategory, EvidenceScores, MilestoneId, PublishedDataset, QualityStatement, Rating,
    RatingMethod, Score, ScoreDistribution, Theme, TimelineInput, TimelineProfile, Workbook,
    WorkbookReport, WorkingCalendar, BUNDLED_CSV, FIRST_RULE_YEAR, LAST_RULE_YEAR,
};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use serde_json::{json, Map, Value};

const LIVERPOOL_WORKBOOK: &str = include_str!("../../../examples/liverpool-workbook.json");
const HOUNSLOW_TIMELINE: &str = include_str!("../../../examples/hounslow-timeline.json");
const GOV_UK_HOLIDAYS: &str = include_str!("data/gov-uk-bank-holidays-2025-2026.json");

/// Generous for a debug build: the slowest valid call (the largest improvement plan, 30,276
/// paths) takes a few milliseconds in release.
const TIME_LIMIT: Duration = Duration::from_secs(2);

/// `cases` per test, unless `PROPTEST_CASES` asks for more (for a long run by hand).
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..ProptestConfig::default()
    }
}

/// Runs `f`, failing if it takes longer than [`TIME_LIMIT`] (a panic fails the case by itself).
fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < TIME_LIMIT, "{what} took {took:?}");
    out
}

/// What every error promises: a snake_case code, a family, a message, and (where the input is
/// a document) the path of the field at fault.
fn check_error(e: &Error, needs_path: bool) {
    let code = e.code();
    assert!(
        !code.is_empty() && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
        "code {code:?}"
    );
    assert!(!e.family().as_str().is_empty());
    let report = e.report();
    assert_eq!(report.code, code);
    assert!(!report.message.is_empty(), "{code}: empty message");
    if let Some(p) = e.path() {
        assert!(!p.is_empty(), "{code}: empty path");
    } else {
        assert!(!needs_path, "{code}: no path ({e})");
    }
    // Errors serialise for the bindings.
    serde_json::to_string(&report).unwrap();
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

/// Words the documents use, so that generated objects hit real fields and real names.
const WORDS: &[&str] = &[
    "version",
    "method",
    "scores",
    "evidence_scores",
    "current",
    "earlier",
    "assessing-needs",
    "supporting-healthier-lives",
    "equity",
    "care-provision",
    "partnerships",
    "safe-systems",
    "safeguarding",
    "governance",
    "learning",
    "QS5",
    "5",
    "Partnership and communities",
    "peoples-experience",
    "staff-and-leaders",
    "partners",
    "processes",
    "observation",
    "outcomes",
    "council",
    "notes",
    "statements",
    "self_score",
    "strengths",
    "areas_for_improvement",
    "evidence",
    "indicators",
    "actions",
    "id",
    "title",
    "category",
    "supports",
    "owner",
    "date",
    "review_by",
    "expires",
    "reference",
    "name",
    "value",
    "england_average",
    "higher_is_better",
    "unit",
    "year",
    "collection",
    "description",
    "due",
    "status",
    "statement",
    "review_after_months",
    "timeline",
    "open",
    "done",
    "good",
    "requires_improvement",
    "notified",
    "actuals",
    "approximate",
    "today",
    "profile",
    "closures",
    "bank_holidays",
    "weeks_total",
    "minimum_on_site_notice_weeks",
    "milestones",
    "rule",
    "from",
    "offset",
    "source",
    "source_url",
    "on_site_start",
    "on_site_end",
    "notification",
    "draft_report",
    "factual_accuracy_due",
    "publication",
    "england-and-wales",
    "events",
    "division",
    "bunting",
    "2025-01-06",
    "",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(WORDS).prop_map(str::to_string),
        1 => "\\PC{0,12}",
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-2i64..=6).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        prop_oneof![
            Just(0.5f64),
            Just(2.5),
            Just(3.0),
            Just(-0.0),
            Just(1e-300),
            Just(1e300),
            Just(f64::MAX),
            Just(f64::MIN_POSITIVE),
            any::<f64>(),
        ]
        .prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        prop::sample::select(WORDS).prop_map(Value::from),
        "\\PC{0,16}".prop_map(Value::String),
        "-?[0-9]{1,5}-[0-9]{1,2}-[0-9]{1,2}".prop_map(Value::String),
        Just(json!([0.25, 0.25, 0.25, 0.25])),
        Just(json!([0, 0.5, 0.5, 0])),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 10, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..10).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Replaces (or, with `None`, removes) the node reached by following `choices` from the root.
fn mutate(v: &mut Value, choices: &[usize], replacement: Option<Value>) {
    let (first, rest) = match choices.split_first() {
        Some(x) => x,
        None => {
            *v = replacement.unwrap_or(Value::Null);
            return;
        }
    };
    match v {
        Value::Object(map) if !map.is_empty() => {
            let k = map.keys().nth(first % map.len()).unwrap().clone();
            if rest.is_empty() && replacement.is_none() {
                map.shift_remove(&k);
            } else {
                mutate(map.get_mut(&k).unwrap(), rest, replacement);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let i = first % items.len();
            if rest.is_empty() && replacement.is_none() {
                items.remove(i);
            } else {
                mutate(&mut items[i], rest, replacement);
            }
        }
        _ => *v = replacement.unwrap_or(Value::Null),
    }
}

/// A valid document with one node replaced by an arbitrary value or removed.
fn mutated(seed: Value) -> impl Strategy<Value = String> {
    (
        prop::collection::vec(any::<usize>(), 0..6),
        prop::option::weighted(0.8, json_value()),
    )
        .prop_map(move |(choices, replacement)| {
            let mut v = seed.clone();
            mutate(&mut v, &choices, replacement);
            v.to_string()
        })
}

/// Text with a few characters inserted, deleted or replaced (syntax errors at every depth).
fn edited(seed: String) -> impl Strategy<Value = String> {
    prop::collection::vec((any::<usize>(), 0u8..3, any::<char>()), 1..4).prop_map(move |edits| {
        let mut chars: Vec<char> = seed.chars().collect();
        for (at, kind, c) in edits {
            let i = at % (chars.len() + 1);
            match kind {
                0 => chars.insert(i, c),
                1 if i < chars.len() => {
                    chars.remove(i);
                }
                _ if i < chars.len() => chars[i] = c,
                _ => chars.push(c),
            }
        }
        chars.into_iter().collect()
    })
}

/// Any text: arbitrary Unicode, JSON-looking text, or a generated JSON value.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\\[\\]{}\":,0-9a-z. -]{0,40}",
        json_value().prop_map(|v| v.to_string()),
    ]
}

fn assessment_seed() -> Value {
    json!({"version": 1, "method": "current", "scores": {
        "assessing-needs": 2, "supporting-healthier-lives": 3, "equity": 3, "care-provision": 2,
        "partnerships": 2, "safe-systems": 2, "safeguarding": 2, "governance": 3, "learning": 3}})
}

fn earlier_seed() -> Value {
    json!({"version": 1, "method": "earlier", "evidence_scores": {
        "assessing-needs": {"peoples-experience": 3, "staff-and-leaders": 2, "partners": 3, "processes": 2},
        "safeguarding": {"peoples-experience": 1, "processes": 2}}})
}

fn probability_seed() -> Value {
    json!({"version": 1, "scores": [[0, 0.2, 0.6, 0.2], 3, null, [0.1, 0.4, 0.4, 0.1], 2,
        [0.25, 0.25, 0.25, 0.25], 2, 3, [0, 0.5, 0.5, 0]]})
}

fn workbook_seed() -> Value {
    serde_json::from_str(LIVERPOOL_WORKBOOK).unwrap()
}

fn timeline_seed() -> Value {
    json!({"notified": "2025-01-06", "actuals": {"on_site_start": "2025-03-18"},
        "approximate": ["on_site_start"], "today": "2025-02-01",
        "profile": serde_json::to_value(TimelineProfile::default()).unwrap(),
        "closures": ["2025-12-29"], "bank_holidays": [{"date": "2025-06-06", "title": "A one-off day"}],
        "council": "Anytown", "notes": ["generated"]})
}

/// A date in the supported years, or a little outside them.
fn any_date() -> impl Strategy<Value = jiff::civil::Date> {
    (
        i32::from(FIRST_RULE_YEAR) - 3..=i32::from(LAST_RULE_YEAR),
        1i8..=12,
        1i8..=31,
    )
        .prop_map(|(y, m, d)| {
            let y = y as i16;
            jiff::civil::Date::new(y, m, d)
                .unwrap_or_else(|_| jiff::civil::Date::new(y, m, 28).unwrap())
        })
}

/// Mostly near today, sometimes anywhere in the supported years.
fn near_date() -> impl Strategy<Value = jiff::civil::Date> {
    prop_oneof![
        12 => (-4000i64..8000).prop_map(|d| jiff::civil::date(2020, 1, 1)
            .checked_add(jiff::Span::new().days(d))
            .unwrap()),
        1 => any_date(),
    ]
}

fn assessment_text() -> impl Strategy<Value = String> {
    prop_oneof![
        text(),
        mutated(assessment_seed()),
        mutated(earlier_seed()),
        edited(assessment_seed().to_string()),
        edited(earlier_seed().to_string()),
    ]
}

/// Valid assessments of both methods, with every statement either unassessed or scored.
fn any_assessment() -> impl Strategy<Value = Assessment> {
    let current = prop::collection::vec(prop::option::weighted(0.85, 1u8..=4), 9)
        .prop_filter("one assessed", |v| v.iter().any(Option::is_some))
        .prop_map(|v| Assessment::from_optional_scores(&v).unwrap());
    let used = [
        EvidenceCategory::PeoplesExperience,
        EvidenceCategory::StaffAndLeaders,
        EvidenceCategory::Partners,
        EvidenceCategory::Processes,
    ];
    let categories = prop::collection::vec(prop::option::weighted(0.7, 1u8..=4), 4)
        .prop_filter("one category", |v| v.iter().any(Option::is_some))
        .prop_map(move |v| {
            EvidenceScores::from_pairs(
                used.iter()
                    .zip(v)
                    .filter_map(|(c, s)| s.map(|s| (*c, Score::new(s).unwrap()))),
            )
            .unwrap()
        });
    let earlier = prop::collection::vec(prop::option::weighted(0.8, categories), 9)
        .prop_filter("one assessed", |v| v.iter().any(Option::is_some))
        .prop_map(|v| {
            Assessment::from_evidence(
                QualityStatement::ALL
                    .into_iter()
                    .zip(v)
                    .filter_map(|(q, e)| e.map(|e| (q, e))),
            )
            .unwrap()
        });
    prop_oneof![3 => current, 1 => earlier]
}

fn rating() -> impl Strategy<Value = Rating> {
    prop::sample::select(Rating::ALL.to_vec())
}

// ---------------------------------------------------------------------------------------------
// Parsers
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(384))]

    #[test]
    fn assessment_documents(text in assessment_text()) {
        for default in [RatingMethod::Current, RatingMethod::Earlier] {
            match timed("Assessment::from_json", || Assessment::from_json_with_default(&text, default)) {
                Ok(a) => {
                    // Whatever reads, rates, and its document reads back to the same thing.
                    let r = rate(&a);
                    prop_assert!((25..=100).contains(&r.percent));
                    prop_assert_eq!(Assessment::from_json(&a.to_json()).unwrap(), a);
                }
                Err(e) => check_error(&e, true),
            }
        }
        if let Ok(v) = serde_json::from_str::<Value>(&text) {
            match Assessment::from_value(&v) {
                Ok(_) => {}
                Err(e) => check_error(&e, true),
            }
        }
    }

    #[test]
    fn probability_documents(
        text in prop_oneof![text(), mutated(probability_seed()), edited(probability_seed().to_string())]
    ) {
        match timed("rating_probabilities_json", || rating_probabilities_json(&text)) {
            Ok(p) => {
                let sum: f64 = p.ratings.iter().map(|r| r.probability).sum();
                prop_assert!((sum - 1.0).abs() < 1e-6, "probabilities sum to {}", sum);
                prop_assert!(p.ratings.iter().all(|r| r.probability >= 0.0));
                prop_assert!(p.totals.iter().all(|t| (25..=100).contains(&t.percent)));
            }
            Err(e) => check_error(&e, true),
        }
    }

    #[test]
    fn published_results_csv(
        text in prop_oneof![
            any::<String>(),
            "[a-z0-9,\"\n\r -]{0,80}",
            edited(BUNDLED_CSV.lines().take(4).collect::<Vec<_>>().join("\n")),
            (0usize..25, "\\PC{0,10}").prop_map(|(col, junk)| {
                // The header and one row with one field replaced.
                let mut lines = BUNDLED_CSV.lines();
                let header = lines.next().unwrap();
                let mut row: Vec<String> = lines.next().unwrap().split(',').map(str::to_string).collect();
                let col = col % row.len();
                row[col] = junk;
                format!("{header}\n{}\n", row.join(","))
            }),
        ]
    ) {
        let (data, errors) = timed("from_csv_lenient", || PublishedDataset::from_csv_lenient(&text));
        for e in &errors {
            check_error(e, true);
            prop_assert_eq!(e.code(), "invalid_csv");
        }
        // Every record that was kept is usable.
        for r in data.records() {
            prop_assert!(!r.council.is_empty());
            if let Some(check) = r.check() {
                prop_assert_eq!(check.consistent, check.findings.is_empty());
            }
            if let Some(a) = r.assessment() {
                let rank = data.rank(&a);
                prop_assert_eq!(rank.councils, rank.higher + rank.equal + rank.lower);
                prop_assert!(rank.equal >= 1, "a record ties with itself");
            }
            prop_assert!(data.find(&r.council).is_ok());
        }
        // One current row per council, whatever the file; the counts are of current ratings.
        prop_assert_eq!(data.current().count(), 153);
        prop_assert_eq!(
            data.rating_counts().iter().map(|(_, n)| *n as usize).sum::<usize>(),
            data.current().filter(|r| r.rating.is_some()).count()
        );
        let strict = PublishedDataset::from_csv(&text);
        prop_assert_eq!(strict.is_ok(), errors.is_empty());
    }

    #[test]
    fn workbook_documents(
        text in prop_oneof![
            1 => text(),
            4 => mutated(workbook_seed()),
            1 => edited(workbook_seed().to_string()),
        ],
        day in 0i64..40_000,
    ) {
        let as_of = jiff::civil::date(1990, 1, 1)
            .checked_add(jiff::Span::new().days(day))
            .unwrap();
        match timed("Workbook::from_json_all", || Workbook::from_json_all(&text)) {
            Ok(wb) => {
                prop_assert_eq!(Workbook::from_json(&wb.to_json()).unwrap(), wb.clone());
                let analysis = timed("analyse_workbook", || cqc_assurance::analyse_workbook(&wb, as_of));
                prop_assert_eq!(analysis.statements.len(), wb.statements.len());
                // The report renders whatever the workbook holds (names, notes, any text); one
                // case in four, as rendering is the slowest step of a debug build.
                if day % 4 == 0 {
                    let report = timed("WorkbookReport::new", || WorkbookReport::new(&wb, as_of));
                    let html = timed("html", || report.html());
                    let markdown = timed("markdown", || report.markdown());
                    for rendered in [html, markdown] {
                        match rendered {
                            Ok(text) => prop_assert!(!text.is_empty()),
                            Err(e) => check_error(&e, false),
                        }
                    }
                    #[cfg(feature = "docx")]
                    match timed("docx", || report.docx()) {
                        Ok(bytes) => prop_assert!(bytes.starts_with(b"PK\x03\x04")),
                        Err(e) => check_error(&e, false),
                    }
                }
                let csv = evidence_to_csv(&wb.evidence);
                let back = evidence_from_csv(&csv);
                prop_assert!(back.errors.is_empty(), "{:?}", back.errors);
                prop_assert_eq!(back.items, wb.evidence);
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for e in &errors {
                    check_error(e, true);
                }
            }
        }
        let check = timed("check_workbook", || check_workbook(&text, as_of));
        prop_assert_eq!(check.valid, check.errors.is_empty());
        prop_assert_eq!(check.valid, check.analysis.is_some());
    }

    #[test]
    fn evidence_register_csv(
        text in prop_oneof![
            any::<String>(),
            "[a-z0-9,;\"\n -]{0,80}",
            edited(evidence_to_csv(&Workbook::from_json(LIVERPOOL_WORKBOOK).unwrap().evidence)),
        ]
    ) {
        let import = timed("evidence_from_csv", || evidence_from_csv(&text));
        for e in &import.errors {
            check_error(e, true);
        }
        // What was read writes out and reads back the same.
        let again = evidence_from_csv(&evidence_to_csv(&import.items));
        prop_assert!(again.errors.is_empty(), "{:?}", again.errors);
        prop_assert_eq!(again.items, import.items);
    }

    #[test]
    fn names_and_dates(text in prop_oneof![any::<String>(), "\\PC{0,6}", prop::sample::select(WORDS).prop_map(str::to_string)]) {
        for e in [
            QualityStatement::parse(&text).err(),
            Theme::parse(&text).err(),
            EvidenceCategory::parse(&text).err(),
            Rating::parse(&text).err(),
            RatingMethod::parse(&text).err(),
            find_council(&text).err(),
        ]
        .into_iter()
        .flatten()
        {
            check_error(&e, false);
        }
        if let Some(m) = RatingMethod::in_force_on(&text) {
            prop_assert!(text.len() == 10 && text.as_str() >= m.in_force_from());
        }
        // Paths placed under any prefix stay non-empty.
        let e = Error::EmptyAssessment { path: "scores".into() }.under(&text);
        check_error(&e, true);
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn timeline_documents(
        text in prop_oneof![
            1 => text(),
            4 => mutated(timeline_seed()),
            1 => mutated(serde_json::from_str(HOUNSLOW_TIMELINE).unwrap()),
            1 => edited(timeline_seed().to_string()),
        ],
        today in near_date(),
    ) {
        let input = match timed("TimelineInput::from_json", || TimelineInput::from_json(&text)) {
            Ok(input) => input,
            Err(e) => {
                check_error(&e, true);
                return Ok(());
            }
        };
        match timed("plan_timeline", || plan_timeline(&input)) {
            Ok(t) => {
                // Every milestone once, in date order.
                prop_assert!(t.milestones.windows(2).all(|w| w[0].date <= w[1].date));
                let json = t.to_json();
                serde_json::from_str::<Value>(&json).unwrap();
                prop_assert!(!timed("to_text", || t.to_text()).is_empty());
                let ics = timed("to_ical_on", || t.to_ical_on(today));
                prop_assert!(ics.starts_with("BEGIN:VCALENDAR"));
                prop_assert!(ics.lines().all(|l| l.len() <= 75), "folded at 75 octets");
                match timed("status_on", || t.status_on(today, &input.calendar)) {
                    Ok(_) => {}
                    Err(e) => check_error(&e, true),
                }
            }
            Err(e) => check_error(&e, true),
        }
    }

    #[test]
    fn timeline_profiles(
        text in prop_oneof![
            text(),
            mutated(serde_json::to_value(TimelineProfile::default()).unwrap()),
            edited(serde_json::to_string(&TimelineProfile::default()).unwrap()),
        ]
    ) {
        match timed("TimelineProfile::from_json", || TimelineProfile::from_json(&text)) {
            Ok(profile) => {
                prop_assert!(profile.validate().is_ok());
                // A valid profile plans a timeline (or says why not) without hanging.
                let mut input = TimelineInput::new(jiff::civil::date(2025, 1, 6));
                input.profile = profile;
                if let Err(e) = timed("plan_timeline", || plan_timeline(&input)) {
                    check_error(&e, true);
                }
            }
            Err(e) => check_error(&e, true),
        }
    }

    #[test]
    fn calendars_and_holiday_lists(
        text in prop_oneof![
            text(),
            mutated(serde_json::from_str(GOV_UK_HOLIDAYS).unwrap()),
            mutated(json!({"bank_holidays": [{"date": "2031-06-06", "title": "One-off", "notes": ""}],
                "closures": ["2025-12-29", "2026-12-29"]})),
        ],
        division in prop_oneof![Just("england-and-wales".to_string()), "\\PC{0,12}"],
    ) {
        match timed("bank_holidays_from_gov_uk_json", || bank_holidays_from_gov_uk_json(&text, &division)) {
            Ok(list) => match WorkingCalendar::england().with_bank_holidays(list.clone()) {
                // A list with whole years: every day in it is a holiday.
                Ok(cal) => {
                    for h in list.iter().filter(|h| (FIRST_RULE_YEAR..=LAST_RULE_YEAR).contains(&h.date.year())) {
                        prop_assert!(!cal.is_working_day(h.date).unwrap());
                    }
                }
                // Part of a year is refused with its code, never taken as the whole year.
                Err(e) => {
                    prop_assert_eq!(e.code(), "incomplete_holidays");
                    check_error(&e, true);
                }
            },
            Err(e) => check_error(&e, true),
        }
        if let Err(e) = timed("WorkingCalendar::from_json", || WorkingCalendar::from_json(&text)) {
            check_error(&e, true);
        }
    }

    #[test]
    fn working_day_arithmetic(
        from in near_date(),
        to in near_date(),
        n in prop_oneof![4 => -400i64..400, 1 => any::<i64>()],
        closures in prop::collection::vec(near_date(), 0..20),
    ) {
        let cal = WorkingCalendar::england().with_closures(closures);
        match timed("add_working_days", || cal.add_working_days(from, n)) {
            Ok(d) => {
                if n != 0 {
                    prop_assert!(cal.is_working_day(d).unwrap());
                }
                if n >= 0 {
                    prop_assert_eq!(cal.working_days_between(from, d).unwrap(), n);
                }
            }
            Err(e) => check_error(&e, true),
        }
        match timed("working_days_between", || cal.working_days_between(from, to)) {
            Ok(k) => prop_assert_eq!(cal.working_days_between(to, from).unwrap(), -k),
            Err(e) => check_error(&e, true),
        }
    }

    #[test]
    fn dates_years_and_milestone_names(
        text in prop_oneof![any::<String>(), "-?[0-9]{1,6}-[0-9]{1,3}-[0-9]{1,3}", prop::sample::select(WORDS).prop_map(str::to_string)],
        year in any::<i16>(),
    ) {
        if let Err(e) = parse_date(&text, "date") {
            check_error(&e, true);
        }
        if let Err(e) = MilestoneId::parse(&text) {
            check_error(&e, false);
        }
        match easter_sunday(year) {
            Ok(d) => prop_assert!(d.year() == year && (3..=4).contains(&d.month())),
            Err(e) => check_error(&e, true),
        }
        match england_bank_holidays(year) {
            Ok(list) => prop_assert!(list.iter().all(|h| h.date.year() == year)),
            Err(e) => check_error(&e, true),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Numeric entry points
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn scores_from_any_number(i in any::<i64>(), f in any::<f64>(), b in any::<u8>()) {
        prop_assert_eq!(Score::from_i64(i, "x").is_ok(), (1..=4).contains(&i));
        prop_assert_eq!(Score::new(b).is_ok(), (1..=4).contains(&b));
        match Score::from_f64(f, "x") {
            Ok(s) => prop_assert_eq!(f64::from(s.get()), f),
            Err(e) => check_error(&e, true),
        }
    }

    #[test]
    fn rating_for_any_total(total in any::<u32>(), assessed in any::<u32>()) {
        let r = rating_for_total(total, assessed);
        prop_assert_eq!(
            r.is_some(),
            (1..=9).contains(&assessed) && (assessed..=4 * assessed).contains(&total)
        );
    }

    #[test]
    fn nine_arbitrary_bytes(row in prop::array::uniform9(any::<u8>()), index in any::<usize>()) {
        match rate_row(&row, index) {
            Ok((r, p)) => {
                prop_assert!(row.iter().all(|&s| s <= 4) && row.iter().any(|&s| s != 0));
                prop_assert_eq!(Rating::from_published_percent(p), Some(r));
            }
            Err(e) => {
                check_error(&e, true);
                let prefix = format!("scores[{index}]");
                prop_assert!(e.path().unwrap().starts_with(&prefix));
            }
        }
        let scores: Vec<Option<u8>> = row.iter().map(|&s| (s != 0).then_some(s)).collect();
        match Assessment::from_optional_scores(&scores) {
            Ok(a) => prop_assert_eq!(rate_row(&row, 0).unwrap(), (rate(&a).rating, rate(&a).percent)),
            Err(e) => check_error(&e, true),
        }
    }

    #[test]
    fn batches_of_arbitrary_bytes(
        scores in prop::collection::vec(prop_oneof![8 => 0u8..=4, 1 => any::<u8>()], 0..200),
        extra_r in 0usize..3,
        extra_p in 0usize..3,
    ) {
        let rows = scores.len() / 9;
        // Output slices of the right length, or one or two too long.
        let (mut r, mut p) = (vec![99u8; rows + extra_r], vec![99u8; rows + extra_p]);
        let result = timed("rate_batch", || rate_batch(&scores, &mut r, &mut p));
        let shape_ok = scores.len() % 9 == 0 && extra_r == 0 && extra_p == 0;
        match result {
            Ok(()) => {
                prop_assert!(shape_ok);
                for (i, row) in scores.chunks_exact(9).enumerate() {
                    let (rating, percent) = rate_row(row.try_into().unwrap(), i).unwrap();
                    prop_assert_eq!((r[i], p[i]), (rating as u8, percent));
                }
            }
            Err(e) => {
                check_error(&e, true);
                if shape_ok {
                    // The first bad row is reported; the rows before it were written.
                    let bad = scores
                        .chunks_exact(9)
                        .position(|row| rate_row(row.try_into().unwrap(), 0).is_err())
                        .expect("an error means a bad row");
                    let prefix = format!("scores[{bad}]");
                    prop_assert!(e.path().unwrap().starts_with(&prefix));
                    for i in 0..bad {
                        let row = &scores[9 * i..9 * i + 9];
                        let (rating, percent) = rate_row(row.try_into().unwrap(), i).unwrap();
                        prop_assert_eq!((r[i], p[i]), (rating as u8, percent));
                    }
                } else {
                    prop_assert_eq!(e.code(), "wrong_length");
                }
            }
        }
    }

    #[test]
    fn arbitrary_probabilities(
        raw in prop::collection::vec(prop::array::uniform4(prop_oneof![
            4 => 0.0f64..=1.0,
            1 => any::<f64>(),
            1 => Just(f64::NAN),
            1 => Just(0.25),
        ]), 0..10),
        picks in prop::collection::vec(0usize..9, 0..10),
    ) {
        let mut input = Vec::new();
        for (p, &q) in raw.iter().zip(&picks) {
            match ScoreDistribution::new(*p) {
                Ok(d) => input.push((QualityStatement::ALL[q], d)),
                Err(e) => {
                    check_error(&e, true);
                    prop_assert_eq!(e.code(), "invalid_probability");
                }
            }
        }
        match timed("rating_probabilities", || rating_probabilities(&input)) {
            Ok(p) => {
                let sum: f64 = p.ratings.iter().map(|r| r.probability).sum();
                prop_assert!((sum - 1.0).abs() < 1e-5, "sum {}", sum);
                prop_assert_eq!(p.assessed as usize, input.len());
            }
            Err(e) => {
                check_error(&e, true);
                let mut seen = std::collections::HashSet::new();
                let duplicate = input.iter().any(|(q, _)| !seen.insert(*q));
                prop_assert!(input.is_empty() || duplicate, "{}", e);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Arbitrary valid assessments through every analysis
// ---------------------------------------------------------------------------------------------

/// The number of ways to add exactly `points` to statements with the given headroom, counted
/// by brute force over every combination.
fn count_distributions(headroom: &[u32], points: u32) -> usize {
    let mut count = 0;
    let mut d = vec![0u32; headroom.len()];
    loop {
        if d.iter().sum::<u32>() == points {
            count += 1;
        }
        let mut i = 0;
        loop {
            if i == d.len() {
                return count;
            }
            if d[i] < headroom[i] {
                d[i] += 1;
                break;
            }
            d[i] = 0;
            i += 1;
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn analyses_of_any_valid_assessment(
        a in any_assessment(),
        target in rating(),
        published in rating(),
        percent in prop::option::of(any::<u8>()),
    ) {
        let r = timed("rate", || rate(&a));
        prop_assert_eq!(r.max, 4 * r.assessed);
        prop_assert!((r.assessed..=r.max).contains(&r.total));
        prop_assert_eq!(Rating::from_published_percent(r.percent), Some(r.rating));
        prop_assert_eq!(r.statements.len() as u32, r.assessed);
        prop_assert_eq!(
            r.statements.iter().map(|s| u32::from(s.score.get())).sum::<u32>(),
            r.total
        );
        if a.method() == RatingMethod::Earlier {
            prop_assert!(r.statements.iter().all(|s| s.evidence.is_some()));
        }

        let e = timed("explain", || explain(&a));
        prop_assert_eq!(e.rating, r.rating);
        let shown = format!("{}%", r.percent);
        prop_assert!(e.to_text().contains(&shown));

        let plan = timed("improvement_paths", || improvement_paths(&a, target));
        prop_assert_eq!(plan.already_met, r.rating >= target);
        prop_assert_eq!(plan.already_met, plan.paths.is_empty());
        if !plan.already_met {
            let headroom: Vec<u32> =
                a.statement_scores().map(|(_, s)| 4 - u32::from(s.get())).collect();
            prop_assert_eq!(plan.paths.len(), count_distributions(&headroom, plan.points_needed));
            for p in &plan.paths {
                let added: u32 = p
                    .increases
                    .iter()
                    .map(|i| u32::from(i.to.get() - i.from.get()))
                    .sum();
                prop_assert_eq!(added, plan.points_needed);
                prop_assert!(p.rating >= target);
            }
        }

        let certain: Vec<_> = a
            .statement_scores()
            .map(|(q, s)| (q, ScoreDistribution::certain(s)))
            .collect();
        let p = timed("rating_probabilities", || rating_probabilities(&certain)).unwrap();
        prop_assert_eq!(p.probability(r.rating), 1.0);
        prop_assert_eq!(p.totals[0].percent, r.percent);

        match timed("check_published", || check_published(&a, published, percent)) {
            Ok(c) => {
                prop_assert!(percent.is_none_or(|p| (25..=100).contains(&p)));
                prop_assert_eq!(c.consistent, c.findings.is_empty());
                if published == r.rating && percent.is_none_or(|p| p == r.percent) {
                    prop_assert!(c.consistent);
                }
                if published != r.rating {
                    prop_assert!(!c.consistent);
                }
            }
            Err(e) => {
                check_error(&e, true);
                prop_assert_eq!(e.code(), "invalid_percent");
                prop_assert!(percent.is_some_and(|p| !(25..=100).contains(&p)));
            }
        }

        // Ranking among the published results: a tie counts against the council (the lowest
        // position of the tie group), the counts add up, and all 4s are never below anyone.
        let rank = timed("rank_among_published", || rank_among_published(&a));
        prop_assert_eq!(rank.rank, rank.higher + rank.equal + 1);
        prop_assert_eq!(rank.best_rank, rank.higher + 1);
        prop_assert_eq!(rank.out_of, rank.councils + 1);
        prop_assert_eq!(rank.councils, rank.higher + rank.equal + rank.lower);
        prop_assert!((0.0..=100.0).contains(&rank.percentile));
        let best = Assessment::from_scores(&[4; 9]).unwrap();
        prop_assert!(rank_among_published(&best).higher <= rank.higher);

        // The document form reads back to the same assessment.
        prop_assert_eq!(Assessment::from_json(&a.to_json()).unwrap(), a);
    }
}

/// Inputs that once panicked or gave a malformed error, kept as regression tests.
#[test]
fn known_crashers() {
    // A name whose first word has a multi-byte character across byte 3: the "did you mean"
    // hints of statements and councils sliced the word by bytes and panicked.
    for input in ["ééé", "aé€x", "qsé", "日本語の名前", "\u{116d0}"] {
        let e = QualityStatement::parse(input).unwrap_err();
        check_error(&e, false);
        let doc = json!({"scores": {input: 3}}).to_string();
        let e = Assessment::from_json(&doc).unwrap_err();
        assert_eq!(e.code(), "unknown_statement");
        assert_eq!(e.path(), Some(format!("scores.{input}").as_str()));
        let e = find_council(input).unwrap_err();
        assert_eq!(e.code(), "unknown_council");
    }
    // "Liv" finds Liverpool as a suggestion; a non-ASCII stem still suggests by characters.
    let e = find_council("Livxyz").unwrap_err();
    assert!(e.to_string().contains("Liverpool"), "{e}");
    // A number that the default JSON float parser read back one unit in the last place off:
    // a workbook written by to_json must read back unchanged.
    let mut doc: Value = serde_json::from_str(LIVERPOOL_WORKBOOK).unwrap();
    doc["indicators"][0]["value"] = json!(14303812352780233728u64);
    let wb = Workbook::from_json(&doc.to_string()).unwrap();
    assert_eq!(Workbook::from_json(&wb.to_json()).unwrap(), wb);
    // An empty key at the top of a workbook: an error at `.`, not at an empty path.
    let errors = Workbook::from_json_all(r#"{"": null}"#).unwrap_err();
    for e in &errors {
        check_error(e, true);
    }
    assert!(errors
        .iter()
        .any(|e| e.code() == "invalid_json" && e.path() == Some(".")));
}
