//! The self-assessment workbook: reading with every problem and its path, the evidence register
//! CSV (lossless round trip, bad rows reported and the rest kept), and the analyses.

mod common;
use common::errors_of;
use cqc_assurance::workbook::{analyse_workbook_with, ActionStatus, EvidenceState, SelfScore};
use cqc_assurance::{
    analyse_workbook, check_workbook, evidence_from_csv, evidence_to_csv, Comparison,
    EvidenceCategory, EvidenceItem, PublishedDataset, QualityStatement, Rating, TimelineInput,
    Workbook,
};
use jiff::civil::Date;
use proptest::prelude::*;
use serde_json::{json, Value};

const EXAMPLE: &str = include_str!("../../../examples/liverpool-workbook.json");

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn example() -> Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

#[test]
fn the_example_reads_and_writes_back_unchanged() {
    let wb = Workbook::from_json(EXAMPLE).unwrap();
    assert_eq!(wb.council, "Liverpool");
    assert_eq!(wb.statements.len(), 9);
    assert_eq!(wb.evidence.len(), 14);
    assert_eq!(wb.indicators.len(), 6);
    assert_eq!(wb.actions.len(), 7);
    let again = Workbook::from_json(&wb.to_json()).unwrap();
    assert_eq!(again, wb);
    // Partnerships is uncertain, the others certain.
    let p = wb.statement(QualityStatement::Partnerships).unwrap();
    assert!(matches!(p.self_score, SelfScore::Distribution(_)));
    let s = wb.statement(QualityStatement::Safeguarding).unwrap();
    assert_eq!(s.self_score.certain().unwrap().get(), 2);
}

#[test]
fn every_problem_is_reported_with_its_path() {
    let mut doc = example();
    doc["statements"]
        .as_object_mut()
        .unwrap()
        .remove("equity")
        .unwrap();
    doc["statements"]["safeguarding"]["self_score"] = json!(5);
    doc["evidence"][3]["supports"][1] = json!("QS10");
    doc["evidence"][4]["category"] = json!("hearsay");
    doc["evidence"][5]["category"] = json!("observation");
    doc["evidence"][6]["date"] = json!("2025-02-30");
    doc["evidence"][7]["id"] = json!("EV-01");
    doc["actions"][2]["due"] = json!("31/03/2025");
    doc["actions"][3]["status"] = json!("finished");
    doc["indicators"][0]["colour"] = json!("red");
    doc["surprise"] = json!(1);
    let errors = errors_of(&doc);
    let expect = [
        ("missing_statement", "statements.equity"),
        ("score_out_of_range", "statements.safeguarding.self_score"),
        ("unknown_statement", "evidence[3].supports[1]"),
        ("unknown_evidence_category", "evidence[4].category"),
        ("evidence_category_not_used", "evidence[5].category"),
        ("invalid_date", "evidence[6].date"),
        ("duplicate_id", "evidence[7].id"),
        ("invalid_date", "actions[2].due"),
        ("unknown_action_status", "actions[3].status"),
        ("invalid_json", "indicators[0].colour"),
        ("invalid_json", "surprise"),
    ];
    for (code, path) in expect {
        assert!(
            errors.iter().any(|(c, p)| c == code && p == path),
            "expected {code} at {path}, got {errors:?}"
        );
    }
    assert_eq!(errors.len(), expect.len(), "{errors:?}");
}

#[test]
fn shape_errors_name_the_field() {
    let mut doc = example();
    doc["evidence"][0].as_object_mut().unwrap().remove("title");
    doc["indicators"][1]["value"] = json!("lots");
    doc["actions"][0]["description"] = json!("   ");
    doc["statements"]["learning"]["self_score"] = json!([0.5, 0.6, 0, 0]);
    doc["statements"]["equity"]["evidence_scores"] = json!({"processes": 3});
    doc["version"] = json!(2);
    let errors = errors_of(&doc);
    for (code, path) in [
        ("invalid_json", "evidence[0]"),
        ("invalid_json", "indicators[1].value"),
        ("empty_field", "actions[0].description"),
        ("invalid_probability", "statements.learning.self_score"),
        ("method_mismatch", "statements.equity.evidence_scores"),
        ("unsupported_version", "version"),
    ] {
        assert!(
            errors.iter().any(|(c, p)| c == code && p == path),
            "expected {code} at {path}, got {errors:?}"
        );
    }
}

#[test]
fn statement_keys_accept_every_published_name() {
    let mut doc = example();
    let statements = doc["statements"].as_object_mut().unwrap();
    let entry = statements.remove("care-provision").unwrap();
    statements.insert(
        "Care provision, integration and continuity of care".into(),
        entry,
    );
    let entry = statements.remove("learning").unwrap();
    statements.insert("QS9".into(), entry);
    let wb = Workbook::from_json(&doc.to_string()).unwrap();
    assert_eq!(wb, Workbook::from_json(EXAMPLE).unwrap());
    // The same statement under two names is one too many.
    let mut doc = example();
    doc["statements"]["QS1"] = json!({"self_score": 3});
    let errors = errors_of(&doc);
    assert_eq!(
        errors,
        vec![(
            "duplicate_statement".to_string(),
            "statements.QS1".to_string()
        )]
    );
}

#[test]
fn earlier_method_scores_come_from_evidence_categories() {
    let mut wb = Workbook::new("Anytown");
    wb.method = cqc_assurance::RatingMethod::Earlier;
    let mut doc: Value = serde_json::from_str(&wb.to_json()).unwrap();
    for (qs, v) in doc["statements"].as_object_mut().unwrap() {
        v.as_object_mut().unwrap().remove("self_score");
        // 3+2+3+2 = 10 of 16 = 62.5%, published as 63%: a statement score of 3.
        v["evidence_scores"] = json!({"peoples-experience": 3, "staff-and-leaders": 2,
                                       "partners": 3, "processes": 2});
        let _ = qs;
    }
    let wb = Workbook::from_json(&doc.to_string()).unwrap();
    assert_eq!(Workbook::from_json(&wb.to_json()).unwrap(), wb);
    let a = analyse_workbook(&wb, date("2025-01-01"));
    let p = a.prediction.unwrap();
    assert_eq!(p.uncertain, 0);
    assert_eq!(p.scenario.result.total, 27);
    assert_eq!(p.call.rating, Some(Rating::Good));
    assert_eq!(p.scenario.description, "the self-scores as entered");
    assert!(p.scenario.result.statements[0].evidence.is_some());
    // A direct self-score is the wrong shape for the earlier method.
    doc["statements"]["equity"]["self_score"] = json!(3);
    assert!(errors_of(&doc)
        .iter()
        .any(|(c, p)| c == "method_mismatch" && p == "statements.equity.self_score"));
}

#[test]
fn the_example_analysis() {
    let wb = Workbook::from_json(EXAMPLE).unwrap();
    let a = analyse_workbook(&wb, date("2025-04-01"));
    let p = a.prediction.as_ref().unwrap();
    // 2+3+3+2+?+2+2+3+3 = 20 + partnerships (2 or 3): 22/36 → 62% RI or 23/36 → 64% good.
    assert_eq!(p.scored, 9);
    assert_eq!(p.uncertain, 1);
    assert_eq!(
        p.probabilities.probability(Rating::RequiresImprovement),
        0.5
    );
    assert_eq!(p.probabilities.probability(Rating::Good), 0.5);
    // An even chance is too close to call; every figure assumes the worse rating.
    assert_eq!(p.call.rating, None);
    assert!(p.call.too_close_to_call);
    assert_eq!(p.scenario.result.rating, Rating::RequiresImprovement);
    assert_eq!(p.scenario.result.total, 22);
    assert_eq!(p.scenario.result.percent, 62);
    let partnerships = &a.statements[QualityStatement::Partnerships.index()];
    assert_eq!(partnerships.most_likely_score.map(|s| s.get()), Some(2));
    assert_eq!(partnerships.scenario_score.map(|s| s.get()), Some(2));
    assert!(partnerships.uncertain);

    // Coverage: 9 statements × 4 categories. Partners evidence (EV-07, EV-09) covers
    // partnerships, safe-systems, care-provision and safeguarding only.
    assert_eq!(a.coverage.cells, 36);
    let cell = |qs: QualityStatement, c: EvidenceCategory| {
        a.coverage.rows[qs.index()]
            .cells
            .iter()
            .find(|x| x.category == c)
            .unwrap()
            .clone()
    };
    assert_eq!(
        cell(QualityStatement::Safeguarding, EvidenceCategory::Partners).items,
        1
    );
    assert!(a
        .coverage
        .gaps
        .iter()
        .any(|g| g.statement == QualityStatement::AssessingNeeds
            && g.category == EvidenceCategory::Partners));
    // EV-14 (processes, assessing-needs) expired on 2025-03-31: counted but not current.
    let c = cell(
        QualityStatement::AssessingNeeds,
        EvidenceCategory::Processes,
    );
    assert_eq!((c.items, c.current), (3, 2));
    let covered = a
        .coverage
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .filter(|c| c.current > 0)
        .count() as u32;
    assert_eq!(covered, a.coverage.covered);
    assert_eq!(a.coverage.covered + a.coverage.gaps.len() as u32, 36);

    // Evidence needing attention on 2025-04-01.
    let att: Vec<(&str, EvidenceState)> = a
        .evidence_attention
        .iter()
        .map(|e| (e.id.as_str(), e.state))
        .collect();
    assert!(att.contains(&("EV-14", EvidenceState::Expired)));
    assert!(att.contains(&("EV-06", EvidenceState::Stale))); // review by 2024-12-01
    assert!(att.contains(&("EV-12", EvidenceState::Stale))); // review by 2025-03-01
    assert!(!att.iter().any(|(id, _)| *id == "EV-01")); // review by 2025-05-30
    assert!(!att.iter().any(|(id, _)| *id == "EV-05")); // 2024-09-20, 12 months not yet up

    // The carers' indicator: 14.36 against 21.53, higher better: worse.
    assert_eq!(a.indicators[0].comparison, Some(Comparison::Worse));
    assert!(a.indicators[1].comparison.is_none());

    // Overdue: ACT-02 (2025-02-28), ACT-04 (2025-01-31, blocked), ACT-07 (2025-03-14);
    // ACT-05 is done, ACT-01 is due 2025-03-31 (yesterday: overdue by 1 day).
    let ids: Vec<&str> = a.overdue_actions.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["ACT-04", "ACT-02", "ACT-07", "ACT-01"]);
    assert_eq!(a.overdue_actions[0].days_overdue, 60);
    assert_eq!(a.overdue_actions[0].status, ActionStatus::Blocked);

    // The published ranking uses the most likely scores (23/36).
    let b = a.benchmark.as_ref().unwrap();
    assert_eq!(
        b.ranking.higher + b.ranking.equal + b.ranking.lower,
        b.ranking.councils
    );
    assert_eq!(b.statements.len(), 9);
}

#[test]
fn consistency_warnings() {
    let mut doc = example();
    // A 3 on assessing needs where the only indicator with a figure is worse than England.
    doc["statements"]["assessing-needs"]["self_score"] = json!(3);
    // Equity has evidence (EV-04, EV-11); remove it from both.
    for i in [3, 10] {
        let s: Vec<Value> = doc["evidence"][i]["supports"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| *v != "equity")
            .cloned()
            .collect();
        doc["evidence"][i]["supports"] = Value::Array(s);
    }
    doc["evidence"][0]["supports"] = json!(["assessing-needs"]);
    doc["statements"]["governance"]["self_score"] = Value::Null;
    let wb = Workbook::from_json(&doc.to_string()).unwrap();
    let a = analyse_workbook(&wb, date("2025-04-01"));
    let has = |code: &str, qs: QualityStatement| {
        a.warnings
            .iter()
            .any(|w| w.code == code && w.statement == Some(qs))
    };
    assert!(has(
        "score_above_indicators",
        QualityStatement::AssessingNeeds
    ));
    assert!(has("no_evidence", QualityStatement::Equity));
    assert!(has("statement_not_scored", QualityStatement::Governance));
    assert!(!has("no_evidence", QualityStatement::Safeguarding));
    assert_eq!(a.prediction.as_ref().unwrap().scored, 8);
    // With the indicator similar to England the first warning goes.
    doc["indicators"][0]["value"] = json!(21.0);
    let wb = Workbook::from_json(&doc.to_string()).unwrap();
    let a = analyse_workbook(&wb, date("2025-04-01"));
    assert!(!a
        .warnings
        .iter()
        .any(|w| w.code == "score_above_indicators"));
}

#[test]
fn check_reports_errors_or_analysis() {
    let check = check_workbook(EXAMPLE, date("2025-04-01"));
    assert!(check.valid);
    assert!(check.analysis.is_some());
    let check = check_workbook("{\"version\": 1,", date("2025-04-01"));
    assert!(!check.valid);
    assert_eq!(check.errors[0].code, "invalid_json");
}

// ---------------------------------------------------------------------------------------------
// The evidence register as CSV.

#[test]
fn csv_round_trip_of_the_example() {
    let wb = Workbook::from_json(EXAMPLE).unwrap();
    let csv = evidence_to_csv(&wb.evidence);
    let import = evidence_from_csv(&csv);
    assert!(import.errors.is_empty(), "{:?}", import.errors);
    assert_eq!(import.items, wb.evidence);
}

#[test]
fn bad_rows_are_reported_and_the_rest_kept() {
    let csv = "\u{feff}ID,Title,Category,Supports,Owner,Date,Review by,Expires,Link\n\
        A1,\"Survey, with comma\",People's experience,QS1; equity,Ann,2025-01-10,,,\n\
        A2,Audit,hearsay,safeguarding,,2025-01-10,,,\n\
        A3,Audit,processes,QS10,,2025-01-10,,,\n\
        A4,Audit,processes,safeguarding,,2025-13-01,,,\n\
        A1,Again,processes,safeguarding,,2025-01-10,,,\n\
        A5,Short row\n\
        A6,\"Multi\nline\",partners,partnerships,,2025-01-10,2025-07-10,,https://example.org/a6\n\
        A7,Seen,observation,safeguarding,,2025-01-10,,,\n";
    let import = evidence_from_csv(csv);
    let ids: Vec<&str> = import.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["A1", "A6"]);
    assert_eq!(import.items[0].title, "Survey, with comma");
    assert_eq!(
        import.items[0].supports,
        [QualityStatement::AssessingNeeds, QualityStatement::Equity]
    );
    assert_eq!(import.items[1].title, "Multi\nline");
    let paths: Vec<&str> = import.errors.iter().map(|e| e.path().unwrap()).collect();
    // Row numbers as a spreadsheet shows them: A6's cell with a line break keeps it on row 8,
    // so A7 is row 9 (line 10 of the file). A short row's missing cells are empty.
    assert_eq!(
        paths,
        [
            "line 3: category",
            "line 4: supports",
            "line 5: date",
            "line 6: id",
            "line 7: category",
            "line 7: supports",
            "line 7: date",
            "line 9: category"
        ]
    );
    assert!(import.errors.iter().all(|e| e.code() == "invalid_csv"));
    assert!(import.errors[0].to_string().contains("hearsay"));
    assert!(import.errors[0].to_string().contains("(cell C3)"));
    assert!(
        import.errors[7].to_string().contains("line 10 of the file"),
        "{}",
        import.errors[7]
    );
    match &import.errors[7] {
        cqc_assurance::Error::InvalidCsv { line, .. } => assert_eq!(*line, 9),
        other => panic!("{other:?}"),
    }
    assert_eq!(import.rows, 8);
}

#[test]
fn line_numbers_are_right_with_crlf_line_ends() {
    // Spreadsheet programs (and evidence_to_csv) end lines with CRLF.
    for end in ["\n", "\r\n"] {
        let csv = [
            "id,title,category,supports,date",
            "A,Ok,processes,QS1,2025-01-01",
            "B,Bad,hearsay,QS1,2025-01-01",
            "C,\"Two\nlines\",processes,QS1,2025-01-01",
            "D,Bad,processes,QS1,2025-02-30",
        ]
        .join(end);
        let import = evidence_from_csv(&csv);
        let paths: Vec<&str> = import.errors.iter().map(|e| e.path().unwrap()).collect();
        // D is on row 5 as a spreadsheet shows it (C's two lines are one row).
        assert_eq!(
            paths,
            ["line 3: category", "line 5: date"],
            "line ends {end:?}"
        );
        assert_eq!(import.items.len(), 2);
    }
}

#[test]
fn csv_header_problems() {
    let import = evidence_from_csv("id,title,category,date\nA,B,processes,2025-01-01\n");
    assert!(import.items.is_empty());
    assert_eq!(import.errors[0].path(), Some("line 1: supports"));
    let import = evidence_from_csv(
        "id,title,category,supports,date,colour\nA,B,processes,QS1,2025-01-01,red\n",
    );
    // A column that is not a field is kept in the item's notes, with a warning: never dropped.
    assert_eq!(import.items.len(), 1);
    assert!(import.errors.is_empty(), "{:?}", import.errors);
    assert_eq!(import.items[0].notes.as_deref(), Some("colour: red"));
    assert!(
        import.warnings[0].contains("\"colour\" (F)"),
        "{:?}",
        import.warnings
    );
}

fn text() -> impl Strategy<Value = String> {
    // Anything, including commas, quotes, line breaks and unicode, with something visible.
    (
        "[a-zA-Z0-9 ,\"'\r\n;é€😀\t-]{0,12}",
        "[a-zA-Z0-9é€😀]",
        "[a-zA-Z0-9 ,\"'\r\n;é€😀\t-]{0,12}",
    )
        .prop_map(|(a, b, c)| format!("{a}{b}{c}"))
}

fn a_date() -> impl Strategy<Value = Date> {
    (1900i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn item() -> impl Strategy<Value = EvidenceItem> {
    let categories = [
        EvidenceCategory::PeoplesExperience,
        EvidenceCategory::StaffAndLeaders,
        EvidenceCategory::Partners,
        EvidenceCategory::Processes,
        EvidenceCategory::Outcomes,
    ];
    (
        text(),
        text(),
        0usize..5,
        Just(QualityStatement::ALL.to_vec()).prop_shuffle(),
        1usize..=9,
        proptest::option::of(text()),
        a_date(),
        proptest::option::of(a_date()),
        proptest::option::of(a_date()),
        proptest::option::of(text()),
        proptest::option::of(text()),
    )
        .prop_map(
            move |(id, title, c, all, n, owner, date, review_by, expires, link, notes)| {
                EvidenceItem {
                    id,
                    title,
                    category: categories[c],
                    supports: all[..n].to_vec(),
                    owner,
                    date,
                    review_by,
                    expires,
                    link,
                    notes,
                }
            },
        )
}

proptest! {
    #[test]
    fn csv_round_trip_is_lossless(items in proptest::collection::vec(item(), 0..8)) {
        // Ids are unique in a register.
        let mut items = items;
        for (i, it) in items.iter_mut().enumerate() {
            it.id = format!("{}#{i}", it.id);
        }
        let csv = evidence_to_csv(&items);
        let import = evidence_from_csv(&csv);
        prop_assert!(import.errors.is_empty(), "{:?}", import.errors);
        prop_assert_eq!(import.items, items);
    }

    #[test]
    fn json_round_trip_is_lossless(items in proptest::collection::vec(item(), 0..5)) {
        let mut wb = Workbook::new("Anytown");
        let mut items = items;
        for (i, it) in items.iter_mut().enumerate() {
            it.id = format!("{}#{i}", it.id);
        }
        wb.evidence = items;
        let again = Workbook::from_json(&wb.to_json()).unwrap();
        prop_assert_eq!(again, wb);
    }

    #[test]
    fn coverage_and_counts_add_up(items in proptest::collection::vec(item(), 0..12), y in 1950i16..2150) {
        let mut wb = Workbook::new("Anytown");
        wb.evidence = items;
        let a = analyse_workbook(&wb, Date::new(y, 6, 1).unwrap());
        prop_assert_eq!(a.coverage.covered + a.coverage.gaps.len() as u32, 36);
        for row in &a.coverage.rows {
            for cell in &row.cells {
                prop_assert!(cell.current <= cell.items);
                let n = wb.evidence.iter().filter(|e| e.category == cell.category && e.supports.contains(&row.statement)).count() as u32;
                prop_assert_eq!(cell.items, n);
            }
        }
        // A statement with items never gets the no-evidence warning, and vice versa.
        for s in &a.statements {
            let warned = a.warnings.iter().any(|w| w.code == "no_evidence" && w.statement == Some(s.statement));
            prop_assert_eq!(warned, s.evidence_items == 0);
        }
    }

    #[test]
    fn similar_is_symmetric_and_better_worse_flip(v in -1000.0f64..1000.0, e in -1000.0f64..1000.0, t in 0.0f64..50.0) {
        use cqc_assurance::compare_with_england as cmp;
        let up = cmp(v, e, true, t);
        let down = cmp(v, e, false, t);
        match up {
            Comparison::Similar => prop_assert_eq!(down, Comparison::Similar),
            Comparison::Better => prop_assert_eq!(down, Comparison::Worse),
            Comparison::Worse => prop_assert_eq!(down, Comparison::Better),
        }
        prop_assert_eq!(up == Comparison::Similar, (v - e).abs() <= t + 1e-9 * e.abs().max(1.0));
    }
}

#[test]
fn a_key_given_twice_is_reported_not_dropped() {
    // JSON text can name a key twice; a JSON value cannot hold both, so the second must be an
    // error at its path rather than silently replacing the first (lost data).
    let text = EXAMPLE.replacen(
        "\"statements\": {",
        "\"statements\": {\"equity\": {\"self_score\": 1}, ",
        1,
    );
    assert_ne!(text, EXAMPLE, "the example has a statements object");
    let errors = Workbook::from_json_all(&text).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code(), "invalid_json");
    assert_eq!(errors[0].path(), Some("statements.equity"));
    assert!(
        errors[0].to_string().contains("given twice"),
        "{}",
        errors[0]
    );

    let err = TimelineInput::from_json(r#"{"notified": "2025-01-06", "notified": "2025-01-13"}"#)
        .unwrap_err();
    assert_eq!((err.code(), err.path()), ("invalid_json", Some("notified")));
}

#[test]
fn a_syntax_error_names_where_it_is() {
    let err = Workbook::from_json(r#"{"version": 1, "evidence": [{"id": "E1",}]}"#).unwrap_err();
    assert_eq!(err.code(), "invalid_json");
    assert_eq!(err.path(), Some("evidence[0]"));
}

#[test]
fn a_required_field_given_as_null_is_reported_at_the_field() {
    let mut doc = example();
    doc["evidence"][0]["id"] = Value::Null;
    doc["indicators"][0]["england_average"] = Value::Null;
    doc["actions"][0]["due"] = Value::Null;
    let errors = errors_of(&doc);
    for path in [
        "evidence[0].id",
        "indicators[0].england_average",
        "actions[0].due",
    ] {
        assert!(
            errors.iter().any(|(c, p)| c == "invalid_json" && p == path),
            "expected invalid_json at {path}, got {errors:?}"
        );
    }
    assert_eq!(errors.len(), 3, "{errors:?}");
}

/// A workbook with the given self-scores (a JSON value per statement, in CQC's order).
fn scored(scores: [Value; 9]) -> Workbook {
    let mut doc: Value = serde_json::from_str(&Workbook::new("Anytown").to_json()).unwrap();
    for (qs, score) in QualityStatement::ALL.iter().zip(scores) {
        doc["statements"][qs.id()]["self_score"] = score;
    }
    Workbook::from_json(&doc.to_string()).unwrap()
}

#[test]
fn four_statements_at_sixty_forty_are_too_close_to_call() {
    // Five statements certain at 3, 3, 3, 2, 2 (13 points) and four at 60% score 2, 40%
    // score 3: 21 points (59%, requires improvement) with their most likely scores, good
    // (23 points or more) when two or more of the four score 3, probability
    // 1 - 0.6^4 - 4 × 0.4 × 0.6^3 = 0.5248.
    let spread = json!([0, 0.6, 0.4, 0]);
    let wb = scored([
        json!(3),
        json!(3),
        json!(3),
        json!(2),
        json!(2),
        spread.clone(),
        spread.clone(),
        spread.clone(),
        spread,
    ]);
    let a = analyse_workbook(&wb, date("2025-04-01"));
    let p = a.prediction.unwrap();
    assert!((p.probabilities.probability(Rating::Good) - 0.5248).abs() < 1e-12);
    assert_eq!(p.probabilities.most_likely, Rating::Good);
    // Good is the most likely rating, but at 52% it is not called.
    assert_eq!(p.call.rating, None);
    assert_eq!(
        p.call.headline,
        "Too close to call: requires improvement 48% or good 52%"
    );
    // The figures beside it come from one scenario that agrees with the headline.
    assert_eq!(p.scenario.result.rating, Rating::RequiresImprovement);
    assert_eq!(
        (p.scenario.result.total, p.scenario.result.percent),
        (21, 59)
    );
    assert_eq!(
        p.scenario.description,
        "the most likely score of each statement (the lower score on a tie)"
    );
    let b = a.benchmark.unwrap();
    let expected = cqc_assurance::PublishedDataset::bundled()
        .rank(&cqc_assurance::Assessment::from_scores(&[3, 3, 3, 2, 2, 2, 2, 2, 2]).unwrap());
    assert_eq!(b.ranking, expected);
}

#[test]
fn a_called_rating_is_never_contradicted_by_the_figures_beside_it() {
    // Every statement 51% score 3, 49% score 1: each statement's most likely score is 3
    // (27 of 36, good), but the total is 9 + 2 × (number of 3s), good only with seven or more
    // 3s (probability about 0.1), so requires improvement is called. The scenario is the most
    // likely set of scores that gives requires improvement: six 3s and three 1s, 21 of 36.
    let wb = scored(std::array::from_fn(|_| json!([0.49, 0, 0.51, 0])));
    let p = analyse_workbook(&wb, date("2025-04-01"))
        .prediction
        .unwrap();
    assert_eq!(p.call.rating, Some(Rating::RequiresImprovement));
    assert_eq!(p.scenario.result.rating, Rating::RequiresImprovement);
    assert_eq!(p.scenario.result.total, 21);
    assert_eq!(
        p.scenario.description,
        "the most likely scores that give requires improvement, the rating called"
    );
    // Of the sets with six 3s, the one with the lower scores first: 1, 1, 1, then 3s.
    let scores: Vec<u8> = p
        .scenario
        .result
        .statements
        .iter()
        .map(|s| s.score.get())
        .collect();
    assert_eq!(scores, [1, 1, 1, 3, 3, 3, 3, 3, 3]);
}

#[test]
fn single_scores_are_never_called_certain() {
    let wb = scored(std::array::from_fn(|i| {
        json!([2, 3, 3, 2, 3, 2, 2, 3, 3][i])
    }));
    let a = analyse_workbook(&wb, date("2025-04-01"));
    let p = a.prediction.as_ref().unwrap();
    assert_eq!(p.call.headline, "Good (no uncertainty entered)");
    let report = cqc_assurance::WorkbookReport::new(&wb, date("2025-04-01"));
    for text in [report.html().unwrap(), report.markdown().unwrap()] {
        assert!(!text.to_lowercase().contains("certain on"), "{text}");
        assert!(!text.contains("(certain"));
    }
}

/// Every set of scores the distributions allow, with its probability.
fn every_scenario(dists: &[[f64; 4]]) -> Vec<(Vec<u8>, f64)> {
    let mut out = vec![(Vec::new(), 1.0)];
    for d in dists {
        out = out
            .into_iter()
            .flat_map(|(scores, p)| {
                (0..4).filter(|k| d[*k] > 0.0).map(move |k| {
                    let mut s = scores.clone();
                    s.push(k as u8 + 1);
                    (s, p * d[k])
                })
            })
            .collect();
    }
    out
}

fn spread() -> impl Strategy<Value = [f64; 4]> {
    // Probabilities in tenths, so that ties are common.
    proptest::array::uniform4(0u8..=4).prop_filter_map("some weight", |w| {
        let sum: u32 = w.iter().map(|&x| u32::from(x)).sum();
        (sum > 0).then(|| w.map(|x| f64::from(x) / f64::from(sum)))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The scenario gives the rating the headline rests on (the rating called, or the worst
    /// in contention), it is the most probable set of scores that does, and of equally
    /// probable ones it has the lowest total: it never shows a better position than the
    /// headline supports.
    #[test]
    fn the_scenario_is_the_most_likely_set_of_scores_behind_the_headline(
        dists in proptest::collection::vec(spread(), 9)
    ) {
        let wb = scored(std::array::from_fn(|i| json!(dists[i])));
        let p = analyse_workbook(&wb, date("2025-04-01")).prediction.unwrap();
        let target = p.call.prudent_rating;
        prop_assert_eq!(p.scenario.result.rating, target);
        let mine: Vec<u8> = p.scenario.result.statements.iter().map(|s| s.score.get()).collect();
        let total: u32 = mine.iter().map(|&x| u32::from(x)).sum();
        for (scores, prob) in every_scenario(&dists) {
            let t: u32 = scores.iter().map(|&x| u32::from(x)).sum();
            if cqc_assurance::rating_for_total(t, 9).unwrap().0 != target {
                continue;
            }
            prop_assert!(prob <= p.scenario.probability * (1.0 + 1e-9), "{:?} is likelier", scores);
            if (prob - p.scenario.probability).abs() <= 1e-12 * prob {
                prop_assert!(total <= t, "an equally likely set {:?} has a lower total", scores);
            }
        }
    }
}

#[test]
fn the_analysis_depends_only_on_the_workbook_the_date_and_the_published_results() {
    let wb = Workbook::from_json(EXAMPLE).unwrap();
    let bundled = PublishedDataset::bundled();
    for wb in [wb, Workbook::new("Anytown")] {
        for as_of in [date("2025-04-01"), date("2026-12-01")] {
            let a = analyse_workbook(&wb, as_of);
            assert_eq!(analyse_workbook(&wb, as_of), a);
            assert_eq!(analyse_workbook_with(&wb, as_of, bundled), a);
            let check = check_workbook(&wb.to_json(), as_of);
            assert_eq!(check.warnings, a.warnings);
            assert_eq!(check.analysis.as_ref(), Some(&a));
        }
    }
}

/// A low self-score needs an action: warned when the plan has none for the statement (a
/// cancelled one does not count), and, prudently, when a spread gives an even chance or more of
/// a score of 2 or less.
#[test]
fn a_low_score_without_an_action_is_warned() {
    let warned = |doc: &Value, qs: QualityStatement| {
        let wb = Workbook::from_json(&doc.to_string()).unwrap();
        analyse_workbook(&wb, date("2025-04-01"))
            .warnings
            .iter()
            .any(|w| w.code == "low_score_without_action" && w.statement == Some(qs))
    };
    let mut doc = example();
    // The example: every statement scored 2 has an open action (care provision's is in
    // progress), and partnerships' 50/50 between 2 and 3 has one too.
    for qs in QualityStatement::ALL {
        assert!(!warned(&doc, qs), "{qs:?}");
    }
    // Care provision's only action removed: warned, at its self-score.
    let actions: Vec<Value> = doc["actions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["statement"] != "care-provision")
        .cloned()
        .collect();
    doc["actions"] = Value::Array(actions);
    assert!(warned(&doc, QualityStatement::CareProvision));
    let wb = Workbook::from_json(&doc.to_string()).unwrap();
    let w = analyse_workbook(&wb, date("2025-04-01"))
        .warnings
        .into_iter()
        .find(|w| w.code == "low_score_without_action")
        .unwrap();
    assert_eq!(
        w.path.as_deref(),
        Some("statements.care-provision.self_score")
    );
    assert!(w.message.contains("self-scored 2"), "{}", w.message);
    // Partnerships' action cancelled: an even chance of 2 is warned like a 2.
    let i = doc["actions"]
        .as_array()
        .unwrap()
        .iter()
        .position(|a| a["statement"] == "partnerships")
        .unwrap();
    doc["actions"][i]["status"] = json!("cancelled");
    assert!(warned(&doc, QualityStatement::Partnerships));
    // A 40% chance of 2 or less is not.
    doc["statements"]["partnerships"]["self_score"] = json!([0, 0.4, 0.6, 0]);
    assert!(!warned(&doc, QualityStatement::Partnerships));
    // A score of 3 needs no action.
    doc["statements"]["care-provision"]["self_score"] = json!(3);
    assert!(!warned(&doc, QualityStatement::CareProvision));
}
