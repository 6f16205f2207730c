//! The `cqc-assurance` command as a user runs it: output, JSON keys, exit codes and errors.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cqc-assurance"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn run_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cqc-assurance"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn rate_json_has_the_documented_keys() {
    let o = run(&["rate", "--scores", "2,3,3,2,2,2,2,3,3", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["rating"], "requires_improvement");
    assert_eq!(v["percent"], 62);
    assert!((v["percent_exact"].as_f64().unwrap() - 61.111).abs() < 0.001);
    assert_eq!(v["total"], 22);
    assert_eq!(v["max"], 36);
    assert_eq!(v["assessed"], 9);
}

#[test]
fn rate_human_output() {
    let o = run(&["rate", "--scores", "2,3,3,2,3,2,2,3,3"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("Rating: Good (64%)"), "{out}");
    assert!(out.contains("QS5 Partnerships and communities"), "{out}");
    assert!(out.contains("rank"), "{out}");
}

#[test]
fn not_assessed_statements_with_a_dash() {
    let o = run(&["rate", "--scores", "2,3,3,2,3,2,2,3,-", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        (v["total"].as_u64(), v["max"].as_u64(), v["rating"].as_str()),
        (Some(20), Some(32), Some("good"))
    );
}

#[test]
fn rate_from_a_file_and_stdin_with_the_earlier_method() {
    let doc = r#"{"method": "earlier", "evidence_scores": {
        "assessing-needs": {"peoples-experience": 3, "staff-and-leaders": 2, "partners": 3, "processes": 2}}}"#;
    let o = run_stdin(&["rate", "--file", "-", "--json"], doc);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["method"], "earlier");
    assert_eq!(v["statements"][0]["score"], 3);

    // --method earlier on a document without a method field.
    let doc = r#"{"evidence_scores": {"equity": {"partners": 2}}}"#;
    let o = run_stdin(
        &["rate", "--file", "-", "--method", "earlier", "--json"],
        doc,
    );
    assert!(o.status.success(), "{}", stderr(&o));

    // --method contradicting the file.
    let doc = r#"{"method": "current", "scores": [2,3,3,2,2,2,2,3,3]}"#;
    let o = run_stdin(&["rate", "--file", "-", "--method", "earlier"], doc);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("method_mismatch"), "{}", stderr(&o));
}

#[test]
fn bad_input_names_the_problem_and_exits_non_zero() {
    for (args, code, needle) in [
        (
            vec!["rate", "--scores", "2,3,3,2,5,2,2,3,3"],
            "score_out_of_range",
            "scores[4]",
        ),
        (
            vec!["rate", "--scores", "2,3,3,2,x,2,2,3,3"],
            "score_out_of_range",
            "scores[4]",
        ),
        (
            vec!["rate", "--scores", "2,3,3"],
            "wrong_length",
            "expected 9",
        ),
        (
            vec!["rate", "--scores", "-,-,-,-,-,-,-,-,-"],
            "empty_assessment",
            "at least one",
        ),
        (vec!["rate"], "empty_assessment", "--scores"),
        (
            vec!["rate", "--file", "/nonexistent/file.json"],
            "io",
            "cannot read",
        ),
        (
            vec![
                "improve",
                "--scores",
                "2,3,3,2,2,2,2,3,3",
                "--target",
                "excellent",
            ],
            "unknown_rating",
            "--target",
        ),
        (vec!["published", "Narnia"], "unknown_council", "Narnia"),
        (
            vec![
                "rate",
                "--scores",
                "2,3,3,2,2,2,2,3,3",
                "--method",
                "newest",
            ],
            "unknown_method",
            "newest",
        ),
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(err.contains(&format!("error[{code}]")), "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(stdout(&o).is_empty());
    }
}

#[test]
fn json_errors_are_json_on_stderr() {
    let o = run(&["rate", "--scores", "2,3,3,2,0,2,2,3,3", "--json"]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_str(&stderr(&o)).unwrap();
    assert_eq!(v["error"]["code"], "score_out_of_range");
    assert_eq!(v["error"]["path"], "scores[4]");
    assert_eq!(v["error"]["family"], "score");
}

#[test]
fn malformed_json_file() {
    let o = run_stdin(
        &["rate", "--file", "-"],
        r#"{"scores": [2,3,3,2,2,2,2,3,3], "extra": true}"#,
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("error[invalid_json]") && err.contains("extra"),
        "{err}"
    );
}

#[test]
fn explain_and_improve() {
    let o = run(&["explain", "--scores", "2,3,3,2,2,2,2,3,3"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("rounded up to 62%"));
    let o = run(&[
        "improve",
        "--scores",
        "2,3,3,2,2,2,2,3,3",
        "--target",
        "good",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["points_needed"], 1);
    assert_eq!(v["paths"].as_array().unwrap().len(), 9);
    let o = run(&[
        "improve",
        "--scores",
        "1,1,1,1,1,1,1,1,1",
        "--target",
        "outstanding",
        "--limit",
        "3",
    ]);
    let out = stdout(&o);
    assert!(out.contains("more (use --limit"), "{out}");
}

#[test]
fn probabilities_command() {
    let o = run_stdin(
        &["probabilities", "--file", "-", "--json"],
        r#"{"scores": [2, 3, 3, 2, [0, 0.5, 0.5, 0], 2, 2, 3, 3]}"#,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["ratings"][2]["probability"], 0.5);
}

#[test]
fn published_and_check_published() {
    let o = run(&["published", "Liverpool City Council"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains("Liverpool: Good") && out.contains("INCONSISTENT"),
        "{out}"
    );

    let o = run(&["published", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 79);

    let o = run(&["published", "--distribution", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 9);

    // Liverpool as in the press: inconsistent, exit 1.
    let o = run(&[
        "check-published",
        "--scores",
        "2,3,3,2,2,2,2,3,3",
        "--rating",
        "good",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("QS5 Partnerships and communities were 3 instead of 2"));

    // Camden: consistent, exit 0.
    let o = run(&[
        "check-published",
        "--scores",
        "3,3,4,3,4,4,3,4,4",
        "--rating",
        "outstanding",
        "--percent",
        "89",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));

    let o = run(&["check-published", "--all", "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v[0]["council"], "Liverpool");
}

#[test]
fn framework_lists_nine_statements() {
    let o = run(&["framework", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["statements"].as_array().unwrap().len(), 9);
    assert_eq!(
        v["evidence_categories"][3]["local_authority_use"],
        "not_used"
    );
    let o = run(&["framework"]);
    assert!(stdout(&o).contains("QS6 Safe systems, pathways and transitions"));
}
