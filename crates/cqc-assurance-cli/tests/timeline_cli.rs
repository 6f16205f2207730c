//! The `timeline` command end to end: JSON output, the .ics file, exit codes and errors.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cqc-assurance"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn json_lists_milestones_with_id_date_and_source() {
    let o = run(&[
        "timeline",
        "--notified",
        "2025-01-06",
        "--on-site",
        "2025-03-18",
        "--draft-report",
        "2025-04-14",
        "--today",
        "2025-02-01",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ms = v["milestones"].as_array().unwrap();
    assert_eq!(ms.len(), 14);
    for m in ms {
        assert!(m["id"].is_string() && m["source"].is_string());
        assert_eq!(m["date"].as_str().unwrap().len(), 10);
    }
    let fa = ms
        .iter()
        .find(|m| m["id"] == "factual_accuracy_due")
        .unwrap();
    assert_eq!(fa["date"], "2025-04-30");
    // The second notice, worked back from the visit CQC gave (18 March less 6 weeks).
    assert_eq!(v["status"]["next"], "visit_notice");
    assert_eq!(v["status"]["week_number"], 4);
}

#[test]
fn ics_file_is_written_and_reproducible_with_today() {
    let dir = std::env::temp_dir().join(format!("cqc-timeline-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let a = dir.join("a.ics");
    let b = dir.join("b.ics");
    for f in [&a, &b] {
        let o = run(&[
            "timeline",
            "--notified",
            "2025-01-06",
            "--today",
            "2025-02-01",
            "--ics",
            f.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        // The human text goes to stdout.
        assert!(stdout(&o).contains("Factual accuracy response due"));
    }
    let ics = std::fs::read_to_string(&a).unwrap();
    assert_eq!(ics, std::fs::read_to_string(&b).unwrap());
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT\r\n").count(), 14);
    assert!(ics.contains("DTSTAMP:20250201T000000Z\r\n"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_input_exits_2_with_a_coded_error() {
    for (args, code) in [
        (vec!["timeline", "--notified", "2025-02-30"], "invalid_date"),
        (
            vec![
                "timeline",
                "--notified",
                "2025-01-06",
                "--on-site",
                "2024-12-01",
            ],
            "dates_out_of_order",
        ),
        (
            vec![
                "timeline",
                "--notified",
                "2025-01-06",
                "--actual",
                "site_visit=2025-03-01",
            ],
            "unknown_milestone",
        ),
        (vec!["timeline"], "missing_date"),
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).starts_with(&format!("error[{code}]")),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn hounslow_example_reports_durations_and_the_estimate() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/hounslow-timeline.json"
    );
    let o = run(&["timeline", "-f", path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("(estimated)"), "{text}");
    assert!(
        text.contains("The last day of the visit -> publication: 12 weeks 1 day"),
        "{text}"
    );
    assert!(
        text.contains("20 February 2024 to 22 February 2024 (3 days"),
        "{text}"
    );
}

#[test]
fn the_done_when_example_two_notices_meetings_one_visit_and_the_may_2027_period() {
    let o = run(&[
        "timeline",
        "--notified",
        "2026-12-07",
        "--today",
        "2026-12-07",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    for want in [
        "2026-12-07 Mon  First notice from CQC",
        "2026-12-29 Tue  Second notice from CQC (dates of the visit)",
        "2027-01-12 Tue  Senior leadership presentation",
        "2027-02-02 Tue  Data and performance focus group",
        "2027-02-09 Tue  On-site visit",
        "9 February 2027 to 12 February 2027 (4 days",
        "2027-05-07 Fri  Report and rating published",
        "31 March 2027 to 6 May 2027",
        "falls after the pre-election period",
        "week 1 since the first notice",
        "forecast: recorded cases 51 to 180 days after the first notice (3 cases",
        "the council's own planning figure, not CQC's",
        "a proposal",
    ] {
        assert!(text.contains(want), "{want:?} missing:\n{text}");
    }
    assert!(!text.contains("in 0 "), "{text}");
}

#[test]
fn earlier_ids_and_the_visit_as_start_and_end_are_read() {
    for args in [
        vec![
            "--actual",
            "on_site_start=2025-03-18",
            "--actual",
            "on_site_end=2025-03-20",
        ],
        vec!["--actual", "visit=2025-03-18/2025-03-20"],
        vec!["--on-site", "2025-03-18", "--on-site-end", "2025-03-20"],
        vec![
            "--actual",
            "visit=2025-03-18",
            "--actual",
            "visit_end=2025-03-20",
        ],
    ] {
        let mut all = vec!["timeline", "--notified", "2025-01-06", "--json"];
        all.extend(args.iter().copied());
        let o = run(&all);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        let visit = v["milestones"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == "visit")
            .unwrap()
            .clone();
        assert_eq!(
            (
                visit["date"].as_str(),
                visit["end"].as_str(),
                visit["length_days"].as_i64()
            ),
            (Some("2025-03-18"), Some("2025-03-20"), Some(3)),
            "{args:?}"
        );
    }
    let o = run(&[
        "timeline",
        "--notified",
        "2025-01-06",
        "--actual",
        "set_up_meeting=2025-02-10",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["id"] == "leadership_presentation" && m["basis"] == "actual"));
}

#[test]
fn closures_keep_cqc_deadlines_and_show_the_councils_own_date() {
    // The information return of a first notice on 7 December 2026 stays on Tuesday 29
    // December (CQC's date on England's working days); the council closed 29-31 December has
    // its own date, Thursday 24 December.
    let o = run(&[
        "timeline",
        "--notified",
        "2026-12-07",
        "--closure",
        "2026-12-29",
        "--closure",
        "2026-12-30",
        "--closure",
        "2026-12-31",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("2026-12-29 Tue  Information return due"),
        "{text}"
    );
    assert!(
        text.contains("moved from 2026-12-28 (Boxing Day)"),
        "{text}"
    );
    assert!(
        text.contains("the council's own date: 2026-12-24"),
        "{text}"
    );
    assert!(!text.contains("2027-01-04"), "{text}");
}

#[test]
fn pre_election_settings() {
    let json = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec!["timeline", "--notified", "2026-11-23", "--json"];
        args.extend(extra);
        let o = run(&args);
        assert_eq!(o.status.code(), Some(0), "{extra:?}: {}", stderr(&o));
        serde_json::from_str(&stdout(&o)).unwrap()
    };
    let publication = |v: &serde_json::Value| -> String {
        v["milestones"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == "publication")
            .unwrap()["date"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // Planned 26 April 2027, inside 31 March - 6 May 2027: moved to 7 May by default.
    assert_eq!(publication(&json(&[])), "2027-05-07");
    let flagged = json(&["--pre-election", "flag"]);
    assert_eq!(publication(&flagged), "2027-04-26");
    assert_eq!(flagged["issues"][0]["kind"], "pre_election_period");
    assert_eq!(
        publication(&json(&["--election-years", "none"])),
        "2027-04-26"
    );
    assert_eq!(
        publication(&json(&["--election-years", "2026,2027"])),
        "2027-05-07"
    );
    // A calendar document of the council's own.
    let dir = std::env::temp_dir().join(format!("cqc-elections-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join("elections.json");
    std::fs::write(
        &doc,
        r#"{"years": [{"year": 2027, "no_elections": true, "note": "postponed"}]}"#,
    )
    .unwrap();
    assert_eq!(
        publication(&json(&["--elections", doc.to_str().unwrap()])),
        "2027-04-26"
    );
    std::fs::remove_dir_all(&dir).unwrap();
    let o = run(&[
        "timeline",
        "--notified",
        "2026-11-23",
        "--election-years",
        "soon",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("error[invalid_value]: --election-years"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_ics_file_is_replaced_whole_and_keeps_its_ids_when_re_planned() {
    let dir = std::env::temp_dir().join(format!("cqc-ics-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("plan.ics");
    let uids = |ics: &str| -> Vec<String> {
        let mut u: Vec<String> = ics
            .replace("\r\n ", "")
            .split("\r\n")
            .filter_map(|l| l.strip_prefix("UID:").map(str::to_string))
            .collect();
        u.sort();
        u
    };
    let o = run(&[
        "timeline",
        "--notified",
        "2026-12-07",
        "--council",
        "Anytown",
        "--today",
        "2026-12-08",
        "--ics",
        f.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let first = std::fs::read_to_string(&f).unwrap();
    let o = run(&[
        "timeline",
        "--notified",
        "2026-12-07",
        "--council",
        "Anytown",
        "--today",
        "2027-03-02",
        "--actual",
        "visit_notice=2027-03-01",
        "--actual",
        "visit=2027-04-19/2027-04-22",
        "--reminder-days",
        "5",
        "--ics",
        f.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let second = std::fs::read_to_string(&f).unwrap();
    assert_eq!(uids(&first), uids(&second));
    assert!(second.contains("DTSTART;VALUE=DATE:20270419\r\nDTEND;VALUE=DATE:20270423\r\n"));
    // No temporary file left beside it.
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
    // A folder that does not exist: an error, nothing written.
    let bad = dir.join("missing").join("plan.ics");
    let o = run(&[
        "timeline",
        "--notified",
        "2026-12-07",
        "--ics",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("error[io]"), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).unwrap();
}
