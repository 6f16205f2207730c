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
    assert_eq!(ms.len(), 12);
    for m in ms {
        assert!(m["id"].is_string() && m["source"].is_string());
        assert_eq!(m["date"].as_str().unwrap().len(), 10);
    }
    let fa = ms
        .iter()
        .find(|m| m["id"] == "factual_accuracy_due")
        .unwrap();
    assert_eq!(fa["date"], "2025-04-30");
    assert_eq!(v["status"]["next"], "set_up_meeting");
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
    assert_eq!(ics.matches("BEGIN:VEVENT\r\n").count(), 12);
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
        text.contains("on_site_end -> publication: 12 weeks 1 day"),
        "{text}"
    );
}
