//! The preparation parts of the workbook: the information return tracker, the case-tracking
//! register, the interview schedule, earlier self-assessments and the assurance account. Read
//! strictly (every problem with its path), written back unchanged, and analysed.

mod common;
use common::errors_of;
use cqc_assurance::workbook::{
    nhs_number_check_digit_valid, Agreement, CaseStatus, Direction, InterviewRole, ReturnItemStatus,
};
use cqc_assurance::{analyse_workbook, QualityStatement, Workbook};
use jiff::civil::Date;
use serde_json::{json, Value};

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// A blank workbook with a timeline (visit 20-22 February 2024), two evidence items, and
/// every preparation part filled.
fn filled() -> Value {
    let mut doc: Value = serde_json::from_str(&Workbook::new("Anytown").to_json()).unwrap();
    doc["statements"]["assessing-needs"]["self_score"] = json!(3);
    doc["statements"]["assessing-needs"]["strengths"] = json!(["Assessments are timely"]);
    doc["statements"]["governance"]["self_score"] = json!([0.0, 0.5, 0.5, 0.0]);
    doc["statements"]["governance"]["areas_for_improvement"] = json!(["Risk reporting"]);
    doc["statements"]["safeguarding"]["self_score"] = json!(2);
    doc["evidence"] = json!([
        {"id": "EV-1", "title": "Carers strategy", "category": "processes", "supports": ["assessing-needs"], "date": "2023-10-01", "link": "https://example.org/carers"},
        {"id": "EV-2", "title": "Safeguarding audit", "category": "processes", "supports": ["safeguarding"], "date": "2023-11-01"}
    ]);
    doc["indicators"] = json!([
        {"name": "Carers satisfied", "collection": "SACE", "value": 30.0, "england_average": 36.7, "higher_is_better": true, "unit": "%", "statements": ["assessing-needs"]}
    ]);
    doc["actions"] = json!([
        {"id": "ACT-1", "statement": "assessing-needs", "description": "A carers' assessment offer co-designed with carers", "due": "2023-12-31", "status": "done", "updated": "2023-12-15", "you_said": "Carers told us assessments took too long", "evidence": ["EV-1"]},
        {"id": "ACT-2", "description": "Quarterly risk report to scrutiny", "due": "2024-06-30", "status": "in_progress"}
    ]);
    doc["timeline"] = json!({
        "actuals": {"notification": "2023-12-04", "visit": {"start": "2024-02-20", "end": "2024-02-22"}}
    });
    doc["information_return"] = json!([
        {"reference": "General IR1", "title": "Self-assessment", "kind": "document", "statements": ["working with people"], "owner": "Head of assurance", "status": "submitted", "evidence": ["EV-1"]},
        {"reference": "QS7 IR1", "title": "Safeguarding Adults Board annual report", "kind": "document", "statements": ["safeguarding"], "due": "2024-01-05", "status": "in_progress"},
        {"reference": "Own-1", "title": "Waiting lists by team", "kind": "data", "status": "not_started"}
    ]);
    doc["case_tracking"] = json!([
        {"reference": "C-01", "pathway": "Hospital discharge", "statements": ["safe-systems"], "status": "selected"},
        {"reference": "C-02", "pathway": "hospital discharge", "statements": ["assessing-needs"], "status": "offered"},
        {"reference": "C-03", "pathway": "Transition to adulthood", "status": "done", "notes": "Mrs Patel's son, NHS 943 476 5919, DOB 12/03/2006"}
    ]);
    doc["interviews"] = json!([
        {"role": "lead member", "date": "2024-02-21", "time": "10:00-11:00"},
        {"role": "principal_social_worker", "date": "2024-02-20", "time": "14:00", "statements": ["safeguarding", "assessing-needs"]},
        {"role": "scrutiny_chair", "date": "2024-02-26"}
    ]);
    doc["history"] = json!([
        {"date": "2023-03-31", "label": "2023 baseline", "scores": {"assessing-needs": 2, "governance": 2, "safeguarding": [0.0, 0.5, 0.5, 0.0]},
         "published": {"assessing-needs": 2, "governance": 1, "safeguarding": 3}, "published_source": "an illustrative earlier assessment"}
    ]);
    doc
}

#[test]
fn every_part_reads_and_writes_back_unchanged() {
    let wb = Workbook::from_json(&filled().to_string()).unwrap();
    assert_eq!(wb.information_return.len(), 3);
    assert_eq!(wb.case_tracking.len(), 3);
    assert_eq!(wb.interviews.len(), 3);
    assert_eq!(wb.history.len(), 1);
    assert_eq!(wb.actions[0].evidence, vec!["EV-1".to_string()]);
    // A theme stands for its statements.
    assert_eq!(
        wb.information_return[0].statements,
        vec![
            QualityStatement::AssessingNeeds,
            QualityStatement::SupportingHealthierLives,
            QualityStatement::Equity
        ]
    );
    assert_eq!(wb.case_tracking[0].status, CaseStatus::Selected);
    assert_eq!(wb.interviews[0].role, InterviewRole::LeadMember);
    let again = Workbook::from_json(&wb.to_json()).unwrap();
    assert_eq!(again, wb);
    // The written form is the document's own: statuses and roles as in documents.
    let written: Value = serde_json::from_str(&wb.to_json()).unwrap();
    assert_eq!(written["interviews"][0]["role"], "lead_member");
    assert_eq!(
        written["history"][0]["scores"]["safeguarding"],
        json!([0.0, 0.5, 0.5, 0.0])
    );
    assert_eq!(written["history"][0]["published"]["governance"], 1);
}

#[test]
fn a_workbook_without_the_parts_writes_none_of_them() {
    let text = Workbook::new("Anytown").to_json();
    for key in [
        "information_return",
        "case_tracking",
        "interviews",
        "history",
        "you_said",
    ] {
        assert!(!text.contains(key), "{key}");
    }
}

#[test]
fn every_problem_is_reported_with_its_path() {
    let mut doc = filled();
    doc["information_return"][1]["colour"] = json!("red");
    doc["information_return"][2]["kind"] = json!("spreadsheet");
    doc["information_return"][0]["evidence"] = json!(["EV-1", "EV-9"]);
    // The same reference, spelt differently.
    doc["information_return"].as_array_mut().unwrap().push(
        json!({"reference": "general ir1", "title": "Again", "kind": "data", "status": "ready"}),
    );
    doc["case_tracking"][2]["status"] = json!("closed");
    doc["case_tracking"][1]["reference"] = json!("C-01");
    doc["case_tracking"][2]["pathway"] = json!("  ");
    doc["interviews"][0]["role"] = json!("mayor");
    doc["interviews"][1]["time"] = json!("25:00");
    doc["interviews"][2]["date"] = json!("2024-02-30");
    doc["history"][0]["scores"]["equity"] = json!(5);
    doc["history"][0]["published"]["learning"] = json!([0.5, 0.5, 0.0, 0.0]);
    doc["actions"][1]["evidence"] = json!(["EV-2", "EV-404"]);
    let errors = errors_of(&doc);
    for (code, path) in [
        ("invalid_json", "information_return[1].colour"),
        ("unknown_choice", "information_return[2].kind"),
        ("unknown_reference", "information_return[0].evidence[1]"),
        ("duplicate_id", "information_return[3].reference"),
        ("unknown_choice", "case_tracking[2].status"),
        ("duplicate_id", "case_tracking[1].reference"),
        ("empty_field", "case_tracking[2].pathway"),
        ("unknown_choice", "interviews[0].role"),
        ("invalid_value", "interviews[1].time"),
        ("invalid_date", "interviews[2].date"),
        ("score_out_of_range", "history[0].scores.equity"),
        ("score_out_of_range", "history[0].published.learning"),
        ("unknown_reference", "actions[1].evidence[1]"),
    ] {
        assert!(
            errors.contains(&(code.to_string(), path.to_string())),
            "{code} at {path} missing from {errors:?}"
        );
    }
    assert_eq!(errors.len(), 13, "{errors:?}");
}

#[test]
fn history_needs_a_date_and_at_least_one_score() {
    let mut doc = filled();
    doc["history"] = json!([{"date": "2023-03-31", "scores": {}}, {"scores": {"equity": 2}}, {"date": "2023-03-31", "scores": {"equity": 2, "Equity in experience and outcomes": 3}}]);
    let errors = errors_of(&doc);
    assert!(errors.contains(&("empty_field".into(), "history[0].scores".into())));
    assert!(errors.contains(&("invalid_json".into(), "history[1]".into())));
    assert!(errors.contains(&(
        "duplicate_statement".into(),
        "history[2].scores.Equity in experience and outcomes".into()
    )));
}

#[test]
fn the_information_return_counts_gaps_and_overdue_items() {
    let wb = Workbook::from_json(&filled().to_string()).unwrap();
    let a = analyse_workbook(&wb, date("2024-01-10"));
    let ir = a.information_return.unwrap();
    // Notified on Monday 4 December 2023: the return is due three weeks later, the deadline
    // the timeline's profile gives.
    let deadline = a
        .timeline
        .as_ref()
        .unwrap()
        .milestone(cqc_assurance::MilestoneId::InformationReturnDue)
        .date;
    assert_eq!(ir.deadline, Some(deadline));
    assert_eq!((ir.total, ir.documents, ir.data), (3, 2, 1));
    assert_eq!(
        (ir.not_started, ir.in_progress, ir.ready, ir.submitted),
        (1, 1, 0, 1)
    );
    assert_eq!(ir.without_evidence, vec!["QS7 IR1", "Own-1"]);
    // QS7 IR1 is due on 5 January (its own date): 5 days overdue on the 10th. Own-1 takes the
    // timeline's deadline; the submitted item is never overdue.
    assert_eq!(ir.items[1].days_overdue, Some(5));
    assert!(ir.items[2].due_from_timeline);
    assert_eq!(ir.items[2].due, Some(deadline));
    assert_eq!(ir.items[0].days_overdue, None);
    let own_overdue = (deadline < date("2024-01-10")) as usize;
    assert_eq!(ir.overdue.len(), 1 + own_overdue);
    assert_eq!(
        ir.overdue[0],
        if own_overdue == 1 && deadline < date("2024-01-05") {
            "Own-1"
        } else {
            "QS7 IR1"
        }
    );
    assert_eq!(ir.items[0].status, ReturnItemStatus::Submitted);
    // No item supports care provision, partnerships, safe systems, governance or learning.
    assert_eq!(ir.statements_without_items.len(), 5);
}

#[test]
fn the_case_register_is_counted_and_personal_data_is_flagged_without_repeating_it() {
    let wb = Workbook::from_json(&filled().to_string()).unwrap();
    let a = analyse_workbook(&wb, date("2024-01-10"));
    let c = a.case_tracking.unwrap();
    assert_eq!(
        (c.total, c.offered, c.selected, c.contacted, c.done),
        (3, 1, 1, 0, 1)
    );
    assert_eq!(c.pathways[0].pathway, "Hospital discharge");
    assert_eq!(c.pathways[0].cases, 2);
    assert_eq!(c.personal_data_warnings, 3);
    for code in [
        "possible_name",
        "possible_nhs_number",
        "possible_date_of_birth",
    ] {
        let w = a.warnings.iter().find(|w| w.code == code).unwrap();
        assert_eq!(w.path.as_deref(), Some("case_tracking[2].notes"));
        assert!(!w.message.contains("Patel") && !w.message.contains("5919"));
    }
    assert!(c.pilot_figures.contains("pilot"));
}

#[test]
fn interviews_are_scheduled_on_the_visit_days_and_briefed_from_the_workbook() {
    let wb = Workbook::from_json(&filled().to_string()).unwrap();
    let a = analyse_workbook(&wb, date("2024-01-10"));
    let s = a.interviews.unwrap();
    let v = s.visit.unwrap();
    assert_eq!((v.first, v.last), (date("2024-02-20"), date("2024-02-22")));
    // By date: the principal social worker (20th), the lead member (21st), scrutiny (26th).
    let order: Vec<_> = s.interviews.iter().map(|i| i.role).collect();
    assert_eq!(
        order,
        vec![
            InterviewRole::PrincipalSocialWorker,
            InterviewRole::LeadMember,
            InterviewRole::ScrutinyChair
        ]
    );
    assert_eq!(s.interviews[2].on_visit_day, Some(false));
    let w: Vec<_> = a
        .warnings
        .iter()
        .filter(|w| w.code == "interview_outside_visit")
        .collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].path.as_deref(), Some("interviews[2].date"));
    // Briefings in the order of the roles; the lead member's from the default mapping.
    assert_eq!(s.briefings[0].role, InterviewRole::LeadMember);
    assert!(s.briefings[0].statements_source.contains("not a CQC list"));
    let gov = s.briefings[0]
        .statements
        .iter()
        .find(|b| b.statement == QualityStatement::Governance)
        .unwrap();
    assert_eq!(gov.areas_for_improvement, vec!["Risk reporting"]);
    // 0.5 / 0.5 between 2 and 3: the lower score.
    assert_eq!(gov.self_score.map(|s| s.get()), Some(2));
    let psw = &s.briefings[1];
    assert_eq!(psw.role, InterviewRole::PrincipalSocialWorker);
    assert!(psw.statements_source.contains("schedule"));
    // In CQC's order, whatever the order given.
    assert_eq!(
        psw.statements[0].statement,
        QualityStatement::AssessingNeeds
    );
    assert_eq!(psw.statements[0].strengths, vec!["Assessments are timely"]);
    assert_eq!(psw.statements[0].key_figures[0].value, Some(30.0));
}

#[test]
fn a_workbook_without_a_timeline_gives_no_visit_and_no_warning() {
    let mut doc = filled();
    doc.as_object_mut().unwrap().remove("timeline");
    let wb = Workbook::from_json(&doc.to_string()).unwrap();
    let a = analyse_workbook(&wb, date("2024-01-10"));
    let s = a.interviews.unwrap();
    assert!(s.visit.is_none());
    assert!(s.interviews.iter().all(|i| i.on_visit_day.is_none()));
    assert!(!a
        .warnings
        .iter()
        .any(|w| w.code == "interview_outside_visit"));
    assert!(a.information_return.unwrap().deadline.is_none());
}

#[test]
fn the_direction_of_travel_compares_expected_scores_with_the_last_self_assessment() {
    let wb = Workbook::from_json(&filled().to_string()).unwrap();
    let a = analyse_workbook(&wb, date("2024-01-10"));
    let d = a.direction_of_travel.unwrap();
    let of = |qs: QualityStatement| &d.statements[qs.index()];
    // Assessing needs 2 -> 3.
    assert_eq!(
        of(QualityStatement::AssessingNeeds).direction,
        Some(Direction::Improved)
    );
    // Governance 2 -> (2 or 3 even): expected 2.5 > 2.
    let gov = of(QualityStatement::Governance);
    assert_eq!(gov.direction, Some(Direction::Improved));
    assert!(gov.uncertain);
    // Safeguarding expected 2.5 -> 2.
    assert_eq!(
        of(QualityStatement::Safeguarding).direction,
        Some(Direction::Declined)
    );
    // Equity was never scored.
    assert_eq!(of(QualityStatement::Equity).direction, None);
    assert_eq!((d.improved, d.unchanged, d.declined), (2, 0, 1));
    assert_eq!(gov.points.len(), 2);
    assert_eq!(gov.points[1].label, "current");
}

#[test]
fn calibration_sets_the_council_s_scores_beside_cqc_s() {
    let wb = Workbook::from_json(&filled().to_string()).unwrap();
    let a = analyse_workbook(&wb, date("2024-01-10"));
    let c = &a.calibration[0];
    assert_eq!(c.rows.len(), 3);
    // Assessing needs 2 = 2; governance 2 > 1; safeguarding 2 (the lower of an even 2/3) < 3.
    // In CQC's order: assessing needs 2 = 2; safeguarding 2 (the lower of an even 2 or 3)
    // < 3; governance 2 > 1.
    let agreement: Vec<_> = c.rows.iter().map(|r| (r.statement, r.agreement)).collect();
    assert_eq!(
        agreement,
        vec![
            (QualityStatement::AssessingNeeds, Agreement::Agree),
            (QualityStatement::Safeguarding, Agreement::CouncilLower),
            (QualityStatement::Governance, Agreement::CouncilHigher),
        ]
    );
    assert!(c.rows[1].uncertain);
    assert_eq!((c.agree, c.council_higher, c.council_lower), (1, 1, 1));
    // (0 + 1 - 1) / 3.
    assert!(c.mean_difference.unwrap().abs() < 1e-12);
}

#[test]
fn the_assurance_account_lists_actions_done_with_their_evidence_and_no_ids() {
    let wb = Workbook::from_json(&filled().to_string()).unwrap();
    let a = analyse_workbook(&wb, date("2024-01-10"));
    assert_eq!(a.assurance_account.len(), 1);
    let e = &a.assurance_account[0];
    assert_eq!(
        e.you_said.as_deref(),
        Some("Carers told us assessments took too long")
    );
    assert_eq!(e.completed, Some(date("2023-12-15")));
    assert_eq!(e.evidence[0].title, "Carers strategy");
    let text = serde_json::to_string(e).unwrap();
    assert!(!text.contains("ACT-1") && !text.contains("EV-1"));
}

#[test]
fn the_nhs_number_check_digit_follows_modulus_11() {
    // Check digits worked by hand: 401 023 2137 (sum 92, 92 mod 11 = 4, 11 - 4 = 7).
    assert!(nhs_number_check_digit_valid("4010232137"));
    assert!(!nhs_number_check_digit_valid("4010232138"));
    // A remainder of 1 gives 10: no valid number has it. 000 000 001 0: sum 2, 11 - 2 = 9.
    assert!(nhs_number_check_digit_valid("0000000019"));
    // 1000000000: sum 10, 11 - 10 = 1.
    assert!(nhs_number_check_digit_valid("1000000001"));
    // 000 000 010 then 8: weight 3 on the eighth digit, sum 3, 11 - 3 = 8.
    assert!(nhs_number_check_digit_valid("0000000108"));
    // 5 at weight 3: sum 15, 15 mod 11 = 4, 11 - 4 = 7.
    assert!(nhs_number_check_digit_valid("0000000507"));
    // Weights 9 and 2: sum 11, remainder 0, 11 - 0 = 11, which reads as 0.
    assert!(nhs_number_check_digit_valid("0100000010"));
    // Weights 10 and 2: sum 12, remainder 1, 11 - 1 = 10: no check digit makes it valid.
    for last in 0..10 {
        assert!(!nhs_number_check_digit_valid(&format!("100000001{last}")));
    }
}

#[test]
fn the_parts_round_trip_through_csv() {
    use cqc_assurance::workbook::{
        actions_from_csv, actions_to_csv, case_tracking_from_csv_bytes, case_tracking_to_csv,
        information_return_from_csv_bytes, information_return_to_csv, interviews_from_csv_bytes,
        interviews_to_csv,
    };
    let wb = Workbook::from_json(&filled().to_string()).unwrap();
    let ir = information_return_from_csv_bytes(
        information_return_to_csv(&wb.information_return).as_bytes(),
    );
    assert!(ir.errors.is_empty(), "{:?}", ir.errors);
    assert_eq!(ir.items, wb.information_return);
    let cases = case_tracking_from_csv_bytes(case_tracking_to_csv(&wb.case_tracking).as_bytes());
    assert_eq!(cases.items, wb.case_tracking);
    let iv = interviews_from_csv_bytes(interviews_to_csv(&wb.interviews).as_bytes());
    assert_eq!(iv.items, wb.interviews);
    let actions = actions_from_csv(&actions_to_csv(&wb.actions));
    assert_eq!(actions.items, wb.actions);
    // Bad rows: each problem at its line and column.
    let bad =
        "reference,pathway,status\nCT-01,Hospital discharge,closed\nCT-01,Reablement,offered\n";
    let read = case_tracking_from_csv_bytes(bad.as_bytes());
    let paths: Vec<_> = read
        .errors
        .iter()
        .map(|e| e.path().unwrap_or("").to_string())
        .collect();
    assert_eq!(paths, vec!["line 2: status"]);
    assert_eq!(read.items.len(), 1);
}

#[test]
fn importing_a_case_register_with_a_bad_row_writes_nothing() {
    use cqc_assurance::{ImportOptions, WorkbookPart};
    let wb = Workbook::from_json(&filled().to_string()).unwrap();
    let csv = "reference,pathway,status\nCT-09,Reablement,offered\nCT-10,Reablement,lost\n";
    let import = wb.import_csv(
        WorkbookPart::CaseTracking,
        csv.as_bytes(),
        &ImportOptions::default(),
    );
    assert!(import.workbook.is_none());
    assert_eq!(import.errors[0].path(), Some("line 3: status"));
    // An information return item naming evidence not in the register: the result would not be
    // a valid workbook, so nothing is written.
    let csv =
        "reference,title,kind,status,evidence\nGeneral IR1,Self-assessment,document,ready,EV-404\n";
    let options = ImportOptions {
        allow_fewer: true,
        ..ImportOptions::default()
    };
    let import = wb.import_csv(WorkbookPart::InformationReturn, csv.as_bytes(), &options);
    assert!(import.workbook.is_none());
    assert_eq!(import.errors[0].code(), "unknown_reference");
}

#[test]
#[cfg(feature = "xlsx")]
fn the_parts_round_trip_through_excel_and_errors_name_the_cell() {
    let wb = Workbook::from_json(&filled().to_string()).unwrap();
    let bytes = wb.to_xlsx().unwrap();
    assert_eq!(Workbook::from_xlsx(&bytes).unwrap(), wb);
    // A workbook without the parts has none of their sheets and reads back the same.
    let blank = Workbook::new("Anytown");
    assert_eq!(
        Workbook::from_xlsx(&blank.to_xlsx().unwrap()).unwrap(),
        blank
    );
    // Importing a file without the sheets keeps the parts as they are.
    let mut without = wb.clone();
    without.information_return.clear();
    without.case_tracking.clear();
    without.interviews.clear();
    without.history.clear();
    let import = wb.import_xlsx(
        &without.to_xlsx().unwrap(),
        &cqc_assurance::ImportOptions {
            allow_fewer: true,
            ..Default::default()
        },
    );
    let after = import.workbook.unwrap();
    assert_eq!(after, wb);
    // The earlier self-assessments have a sheet of their own, one per row, not JSON in a cell.
    let book = calamine_sheet(&bytes, "History");
    assert_eq!(book[0][..3], ["Date", "Label", "QS1"]);
    assert_eq!(book[1][1], "2023 baseline");
}

/// A sheet's cells as the text calamine reads (an independent reader of the file).
#[cfg(feature = "xlsx")]
fn calamine_sheet(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range(name).unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

#[test]
fn the_report_shows_each_filled_part_and_no_personal_data_or_internal_ids() {
    use cqc_assurance::WorkbookReport;
    let wb = Workbook::from_json(&filled().to_string()).unwrap();
    let report = WorkbookReport::new(&wb, date("2024-01-10"));
    let html = report.html().unwrap();
    let md = report.markdown().unwrap();
    for id in [
        "information-return",
        "case-tracking",
        "interviews",
        "direction",
        "assurance-account",
    ] {
        assert!(html.contains(&format!("<section id=\"{id}\"")), "{id}");
    }
    for title in [
        "## Information return",
        "## Case tracking",
        "## Interview schedule and briefing pack",
        "## Direction of travel",
        "## You said, we did: our assurance account",
    ] {
        assert!(md.contains(title), "{title}");
    }
    // Case references and notes never reach the report (the note holds personal data).
    for text in [&html, &md] {
        assert!(!text.contains("C-01") && !text.contains("Patel") && !text.contains("5919"));
    }
    // The account: what was said and done, not the action's or evidence's id.
    let account = &md[md.find("## You said, we did").unwrap()..];
    let account = &account[..account.find("## Consistency warnings").unwrap()];
    assert!(account.contains("Carers told us assessments took too long"));
    assert!(account.contains("Carers strategy"));
    assert!(!account.contains("ACT-1") && !account.contains("EV-1"));
    // A markdown table row per item.
    assert!(
        md.contains("| QS7 IR1 | Safeguarding Adults Board annual report |"),
        "{md}"
    );
    // Without the parts, none of the sections.
    let blank = WorkbookReport::new(&Workbook::new("Anytown"), date("2024-01-10"));
    let html = blank.html().unwrap();
    assert!(!html.contains("information-return") && !html.contains("assurance-account"));
    #[cfg(feature = "docx")]
    {
        let bytes = report.docx().unwrap();
        assert!(bytes.len() > 1000);
    }
}

#[test]
fn earlier_self_assessments_round_trip_through_csv_and_bad_cells_name_their_column() {
    use cqc_assurance::workbook::{history_from_csv_bytes, history_to_csv};
    use cqc_assurance::{ImportOptions, WorkbookPart};
    let wb = Workbook::from_json(&filled().to_string()).unwrap();
    let csv = history_to_csv(&wb.history);
    let read = history_from_csv_bytes(csv.as_bytes());
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    assert_eq!(read.items, wb.history);
    // A probability list that is not four numbers, and a published score of 5.
    let bad = "date,equity,published_learning\n2023-03-31,0.5; x,5\n";
    let read = history_from_csv_bytes(bad.as_bytes());
    let paths: Vec<_> = read
        .errors
        .iter()
        .map(|e| e.path().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        paths,
        vec!["line 2: equity", "line 2: published_learning"],
        "{:?}",
        read.errors
    );
    // A column that is not a field is refused, not dropped.
    let extra = "date,equity,comment\n2023-03-31,2,kept?\n";
    let read = history_from_csv_bytes(extra.as_bytes());
    assert_eq!(read.items.len(), 0);
    assert_eq!(read.errors.len(), 1);
    // Imported into the workbook (merge by date): the entry is replaced, nothing else lost.
    let csv = "date,label,assessing-needs\n2023-03-31,2023 baseline,1\n";
    let merge = ImportOptions {
        mode: cqc_assurance::ImportMode::Merge,
        ..ImportOptions::default()
    };
    let import = wb.import_csv(WorkbookPart::History, csv.as_bytes(), &merge);
    let after = import.workbook.unwrap();
    assert_eq!(after.history.len(), 1);
    assert_eq!(
        after.history[0].scores[0].certain().map(|s| s.get()),
        Some(1)
    );
}
