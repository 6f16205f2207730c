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

    // Every council, with its current result or a row saying none was found.
    let o = run(&["published", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 153);

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

const EXAMPLE_WORKBOOK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/liverpool-workbook.json"
);

#[test]
fn rate_explain_and_improve_take_a_workbook() {
    // The example's partnerships score is an even chance of 2 or 3: the scores used are the
    // report's scenario (22/36, requires improvement), and the output says so.
    let o = run(&["rate", "--file", EXAMPLE_WORKBOOK]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with(
            "Scores from the workbook for Liverpool: the most likely score of each statement"
        ),
        "{out}"
    );
    assert!(out.contains("Predicted rating: Too close to call"), "{out}");
    assert!(out.contains("Rating: Requires improvement (62%)"), "{out}");
    let o = run(&["rate", "--file", EXAMPLE_WORKBOOK, "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        (v["total"].as_u64(), v["percent"].as_u64()),
        (Some(22), Some(62))
    );
    let o = run(&["explain", "--file", EXAMPLE_WORKBOOK]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("rounded up to 62%"), "{}", stdout(&o));
    let o = run(&[
        "improve",
        "--file",
        EXAMPLE_WORKBOOK,
        "--target",
        "good",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["points_needed"], 1);
}

#[test]
fn improve_lists_single_steps_from_the_lowest_scores_first_and_takes_limits() {
    let o = run(&[
        "improve",
        "--scores",
        "1,2,2,1,2,2,1,2,2",
        "--target",
        "good",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let first = &v["paths"][0]["increases"];
    // Eight points, one step each, starting with the three statements scored 1.
    assert_eq!(first.as_array().unwrap().len(), 8);
    for inc in first.as_array().unwrap() {
        assert_eq!(
            inc["to"].as_u64().unwrap(),
            inc["from"].as_u64().unwrap() + 1
        );
    }
    let from_one = first
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["from"] == 1)
        .count();
    assert_eq!(from_one, 3);
    // --max-step 1 leaves out every path with a jump; --fixed keeps a theme's statements.
    let o = run(&[
        "improve",
        "--scores",
        "1,2,2,1,2,2,1,2,2",
        "--target",
        "good",
        "--max-step",
        "1",
        "--fixed",
        "Leadership",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    for path in v["paths"].as_array().unwrap() {
        for inc in path["increases"].as_array().unwrap() {
            assert_eq!(
                inc["to"].as_u64().unwrap(),
                inc["from"].as_u64().unwrap() + 1
            );
            assert!(inc["statement"] != "governance" && inc["statement"] != "learning");
        }
    }
    // Out of reach within the limits: said plainly.
    let o = run(&[
        "improve",
        "--scores",
        "1,1,1,1,1,1,1,1,1",
        "--target",
        "outstanding",
        "--max-step",
        "1",
    ]);
    assert!(o.status.success());
    assert!(
        stdout(&o).contains("out of reach with at most 1 more per statement"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn hand_edited_json_gets_errors_that_say_what_to_do() {
    let o = run_stdin(
        &["rate", "--file", "-"],
        "{\"scores\": {\u{201c}equity\u{201d}: 3}}",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("curly quotes"), "{}", stderr(&o));
    let o = run_stdin(&["rate", "--file", "-"], r#"{"scores": {"equity": "2"}}"#);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("write the number without quotes, 2"),
        "{}",
        stderr(&o)
    );
    // A theme where one statement is wanted names the theme's statements.
    let o = run_stdin(
        &["rate", "--file", "-"],
        r#"{"scores": {"Providing support": 3}}"#,
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("theme_not_statement") && err.contains("QS4 Care provision, integration and continuity and QS5 Partnerships and communities"), "{err}");
}

/// A fresh, empty folder for one test's files.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("cqc-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_council_with_no_result_its_region_and_its_rank() {
    let o = run(&["published", "Manchester"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("Manchester: no published result found"),
        "{out}"
    );
    assert!(
        out.contains("E08000003; North West; metropolitan district"),
        "{out}"
    );
    // Spellings people use.
    for name in [
        "St. Helens",
        "Bristol, City of",
        "Kingston upon Hull",
        "E08000013",
    ] {
        assert!(run(&["published", name]).status.success(), "{name}");
    }
    // A published council: its rank in England, its region and among its kind, ties against it.
    let out = stdout(&run(&["published", "Sefton"]));
    assert!(out.contains("  North West: "), "{out}");
    assert!(out.contains("  metropolitan districts: "), "{out}");
    // Nottingham: the pilot and the formal report, the latter current.
    let out = stdout(&run(&["published", "Nottingham"]));
    assert!(
        out.contains("History:") && out.contains("pilot") && out.contains("(current)"),
        "{out}"
    );
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["published", "Nottingham", "--json"]))).unwrap();
    assert_eq!(v["assessment_kind"], "baseline");
    assert_eq!(v["history"].as_array().unwrap().len(), 2);
}

#[test]
fn regional_comparisons() {
    let out = stdout(&run(&["published", "--region", "north west"]));
    assert!(
        out.contains("24 councils in North West: 17 with a published result"),
        "{out}"
    );
    assert!(
        out.contains("Manchester") && out.contains("no published result found"),
        "{out}"
    );
    let o = run(&["published", "--counts", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["regions"].as_array().unwrap().len(), 9);
    assert_eq!(v["council_types"].as_array().unwrap().len(), 5);
    assert_eq!(v["england"]["councils"], 153);
    let o = run(&["published", "--distribution", "--by-region", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v[1]["region"], "north_west");
    assert_eq!(v[1]["statements"].as_array().unwrap().len(), 9);
    let out = stdout(&run(&[
        "published",
        "--distribution",
        "--type",
        "London borough",
    ]));
    assert!(out.starts_with("London boroughs: "), "{out}");
    // Rate with the council: rank in England, the North West and among metropolitan districts.
    let o = run(&[
        "rate",
        "--scores",
        "2,3,3,2,3,2,2,3,3",
        "--council",
        "Sefton",
    ]);
    let out = stdout(&o);
    assert!(
        out.contains("  England: ") && out.contains("  North West: "),
        "{out}"
    );
    assert!(
        out.contains("Sefton's own published result is left out"),
        "{out}"
    );
    let o = run(&["published", "--region", "Wessex"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("error[unknown_region]"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn published_csv_written_edited_and_read_back_with_data_and_the_environment() {
    let dir = scratch("data");
    let file = dir.join("results.csv");
    let path = file.to_str().unwrap();
    let o = run(&["published", "--csv", "-o", path]);
    assert!(o.status.success(), "{}", stderr(&o));
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written, cqc_assurance::BUNDLED_CSV);
    // An existing file is never overwritten without --force.
    let o = run(&["published", "--csv", "-o", path]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not overwritten"), "{}", stderr(&o));
    assert!(run(&["published", "--csv", "-o", path, "--force"])
        .status
        .success());

    // Manchester's result, typed in by hand (derived columns left empty).
    let manchester = written
        .lines()
        .find(|l| l.starts_with("E08000003,"))
        .unwrap();
    let edited = written.replace(
        manchester,
        "E08000003,Manchester,,,baseline,2026-07,,3,3,3,3,3,3,3,3,3,,,,,Good,council,https://example.org/m,,",
    );
    std::fs::write(&file, &edited).unwrap();
    let o = run(&["published", "Manchester", "--data", path]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("Manchester: Good (published 2026-07)"),
        "{}",
        stdout(&o)
    );
    // The same through the environment variable, for every command that uses the results.
    let with_env = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_cqc-assurance"))
            .args(args)
            .env("CQC_ASSURANCE_DATA", path)
            .output()
            .unwrap()
    };
    assert!(stdout(&with_env(&["published", "Manchester"])).contains("Good"));
    let rate = stdout(&with_env(&["rate", "--scores", "3,3,3,3,3,3,3,3,3"]));
    assert!(rate.contains(&format!("from {path}")), "{rate}");
    let all = with_env(&["check-published", "--all"]);
    assert!(stdout(&all).contains("Liverpool"), "{}", stdout(&all));
    // Written back, it is the edited file.
    let back = dir.join("back.csv");
    let o = with_env(&["published", "--csv", "-o", back.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let back = std::fs::read_to_string(&back).unwrap();
    assert!(back.contains("E08000003,Manchester,North West,metropolitan district,baseline,2026-07,month,3,3,3,3,3,3,3,3,3,27,9,75,computed,Good,council,https://example.org/m,,"));

    // A bad file: every problem at its line and column, nothing used.
    let bad = edited.replace(",2026-07,,3,3,3,3,", ",07/2026,,3,3,9,3,");
    std::fs::write(&file, &bad).unwrap();
    let o = run(&["published", "--data", path]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    let line = 1 + bad
        .lines()
        .position(|l| l.starts_with("E08000003,"))
        .unwrap();
    assert!(err.contains(&format!("line {line}: published")), "{err}");
    assert!(err.contains(&format!("line {line}: qs3")), "{err}");
    assert!(err.contains("2 problem(s); nothing was read"), "{err}");
    let o = run(&["published", "--data", path, "--json"]);
    let v: serde_json::Value = serde_json::from_str(stderr(&o).trim()).unwrap();
    assert_eq!(v["error"]["errors"].as_array().unwrap().len(), 2);
    // Not UTF-8 (a spreadsheet's "CSV" in Windows-1252).
    std::fs::write(&file, b"gss_code,council\nE08000003,Caf\xe9\n").unwrap();
    let o = run(&["published", "--data", path]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("CSV UTF-8"), "{}", stderr(&o));
    let o = run(&["workbook", "check", "--data", "/nonexistent/x.csv", "-"]);
    assert_eq!(o.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn report_writes_html_markdown_and_word_whole() {
    let dir = scratch("report");
    let html = dir.join("report.html");
    let md = dir.join("report.md");
    let docx = dir.join("report.docx");
    // An existing file is replaced, not appended to or left half-written.
    std::fs::write(&docx, "an older report").unwrap();
    let o = run(&[
        "report",
        "../../examples/liverpool-workbook.json",
        "--html",
        html.to_str().unwrap(),
        "--md",
        md.to_str().unwrap(),
        "--docx",
        docx.to_str().unwrap(),
        "--today",
        "2025-04-01",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        format!(
            "wrote {}\nwrote {}\nwrote {}\n",
            html.display(),
            md.display(),
            docx.display()
        )
    );
    let bytes = std::fs::read(&docx).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "a zip archive");
    assert!(std::fs::read_to_string(&html)
        .unwrap()
        .starts_with("<!DOCTYPE html>"));
    // No temporary file is left beside them.
    assert_eq!(names_in(&dir), ["report.docx", "report.html", "report.md"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn report_writes_nothing_when_one_output_cannot_be_written() {
    let dir = scratch("report-fails");
    let html = dir.join("report.html");
    let docx = dir.join("no-such-folder").join("report.docx");
    let o = run(&[
        "report",
        "../../examples/liverpool-workbook.json",
        "--html",
        html.to_str().unwrap(),
        "--docx",
        docx.to_str().unwrap(),
        "--today",
        "2025-04-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot write"), "{}", stderr(&o));
    assert!(stderr(&o).contains("report.docx"), "{}", stderr(&o));
    // The HTML, which could have been written, was not: all or nothing.
    assert!(names_in(&dir).is_empty(), "{:?}", names_in(&dir));
    let o = run(&["report", "../../examples/liverpool-workbook.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--docx OUT"), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).unwrap();
}
