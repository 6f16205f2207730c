//! The matrix of bad inputs (`tests/conformance/bad_inputs.json`) through the command line: the
//! same invalid documents that the Rust, Python and JavaScript conformance runners check,
//! written to a file and given to the command a user would run, with `--json`. An error case
//! must exit with status 2 and print `{"error": {"code", "path", ...}}` on stderr with the
//! vector's code and path; a case with `expected` (`workbook check`, which reports every
//! problem in its output) must match it by the conformance README's rules. An op without a
//! command fails the test: a vector can never be skipped silently.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn vectors() -> Value {
    let file =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance/bad_inputs.json");
    serde_json::from_str(&std::fs::read_to_string(file).expect("bad_inputs.json")).expect("JSON")
}

/// A folder of its own for each case's files, removed afterwards.
struct Scratch(PathBuf);

impl Scratch {
    fn new(n: usize) -> Scratch {
        let dir = std::env::temp_dir().join(format!("cqc-bad-inputs-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
    fn write(&self, name: &str, value: &Value) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, value.to_string()).unwrap();
        path.to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The command line for `op` on `input`, its files written in `dir`.
fn command_for(op: &str, input: &Value, dir: &Scratch) -> Option<Vec<String>> {
    let s = |v: &str| v.to_string();
    Some(match op {
        "rate" | "explain" | "probabilities" | "timeline" => {
            vec![
                s(op),
                s("--file"),
                dir.write("input.json", input),
                s("--json"),
            ]
        }
        "improve" => vec![
            s("improve"),
            s("--file"),
            dir.write("assessment.json", &input["assessment"]),
            s("--target"),
            s(input["target"].as_str()?),
            s("--json"),
        ],
        "workbook_check" => vec![
            s("workbook"),
            s("check"),
            dir.write("workbook.json", &input["workbook"]),
            s("--today"),
            s(input["today"].as_str()?),
            s("--json"),
        ],
        _ => return None,
    })
}

/// The conformance README's matching: objects by subset, arrays by length and order, numbers
/// within 1e-9.
fn matches(expected: &Value, actual: &Value, path: &str, failures: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                match a.get(k) {
                    Some(av) => matches(v, av, &format!("{path}.{k}"), failures),
                    None => failures.push(format!("{path}.{k}: missing")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                failures.push(format!(
                    "{path}: expected {} entries, got {}: {actual}",
                    e.len(),
                    a.len()
                ));
            } else {
                for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                    matches(ev, av, &format!("{path}[{i}]"), failures);
                }
            }
        }
        (Value::Number(e), Value::Number(a))
            if (e.as_f64().unwrap() - a.as_f64().unwrap()).abs() > 1e-9 =>
        {
            failures.push(format!("{path}: expected {e}, got {a}"));
        }
        (Value::Number(_), Value::Number(_)) => {}
        _ if expected != actual => {
            failures.push(format!("{path}: expected {expected}, got {actual}"))
        }
        _ => {}
    }
}

#[test]
fn every_bad_input_gives_the_same_code_and_path_through_the_command_line() {
    let doc = vectors();
    let cases = doc["cases"].as_array().expect("cases");
    assert!(cases.len() >= 30, "the matrix has its cases");
    let mut failures = Vec::new();
    let (mut errors, mut outputs) = (0, 0);
    for (n, case) in cases.iter().enumerate() {
        let name = case["name"].as_str().unwrap();
        let op = case["op"].as_str().unwrap();
        let dir = Scratch::new(n);
        let Some(args) = command_for(op, &case["input"], &dir) else {
            failures.push(format!("{name}: op {op} has no command in this runner"));
            continue;
        };
        let out = Command::new(env!("CARGO_BIN_EXE_cqc-assurance"))
            .args(&args)
            .output()
            .expect("the binary runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.code() != Some(2) {
            failures.push(format!(
                "{name}: exit status {:?}, expected 2 (stderr: {stderr})",
                out.status.code()
            ));
            continue;
        }
        match (case.get("error"), case.get("expected")) {
            (Some(want), None) => {
                errors += 1;
                let Ok(report) = serde_json::from_str::<Value>(stderr.trim()) else {
                    failures.push(format!("{name}: stderr is not one JSON document: {stderr}"));
                    continue;
                };
                let got = &report["error"];
                if got["code"] != want["code"] {
                    failures.push(format!(
                        "{name}: code {} instead of {} ({})",
                        got["code"], want["code"], got["message"]
                    ));
                }
                if let Some(path) = want.get("path") {
                    if &got["path"] != path {
                        failures.push(format!(
                            "{name}: path {} instead of {path} ({})",
                            got["path"], got["message"]
                        ));
                    }
                }
                if !got["message"].is_string() || !got["family"].is_string() {
                    failures.push(format!(
                        "{name}: the report lacks its message or family: {got}"
                    ));
                }
            }
            (None, Some(expected)) => {
                outputs += 1;
                match serde_json::from_str::<Value>(&stdout) {
                    Ok(actual) => matches(expected, &actual, name, &mut failures),
                    Err(e) => failures.push(format!("{name}: stdout is not JSON ({e}): {stdout}")),
                }
            }
            _ => failures.push(format!("{name}: a case has either error or expected")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    assert!(
        errors >= 30 && outputs >= 1,
        "{errors} error cases, {outputs} output cases"
    );
    // The scratch folders are gone.
    assert!(!Path::new(
        &std::env::temp_dir().join(format!("cqc-bad-inputs-{}-0", std::process::id()))
    )
    .exists());
}
