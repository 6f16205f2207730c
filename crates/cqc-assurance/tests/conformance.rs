//! Runs the shared conformance vectors in `tests/conformance/*.json` against the Rust API.
//! The Python and JavaScript suites run the same files against their bindings.

use std::path::PathBuf;

use cqc_assurance::{self as cqc, Assessment, QualityStatement, Rating};
use serde_json::{json, Value};

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance")
}

/// Runs one op with the Rust API, returning the result as JSON or the error.
fn run(op: &str, input: &Value) -> Result<Value, cqc::Error> {
    let assessment = |v: &Value| Assessment::from_json(&v.to_string());
    let to = |v: &dyn erased::Ser| v.json();
    Ok(match op {
        "rate" => to(&cqc::rate(&assessment(input)?)),
        "explain" => to(&cqc::explain(&assessment(input)?)),
        "improve" => {
            let a = assessment(&input["assessment"])?;
            let target = Rating::parse(input["target"].as_str().unwrap_or_default())
                .map_err(|e| e.under("target"))?;
            to(&cqc::improvement_paths(&a, target))
        }
        "probabilities" => to(&cqc::rating_probabilities_json(&input.to_string())?),
        "check_published" => {
            let a = assessment(&input["assessment"])?;
            let rating = Rating::parse(input["rating"].as_str().unwrap_or_default())
                .map_err(|e| e.under("rating"))?;
            let percent = match input.get("percent").and_then(Value::as_u64) {
                Some(p) => Some(u8::try_from(p).map_err(|_| cqc::Error::InvalidPercent {
                    path: "percent".into(),
                    value: p.to_string(),
                })?),
                None => None,
            };
            to(&cqc::check_published(&a, rating, percent)?)
        }
        "published_find" => to(cqc::find_council(
            input["name"].as_str().unwrap_or_default(),
        )?),
        "published_rank" => to(&cqc::rank_among_published(&assessment(input)?)),
        "statement" => {
            let qs = QualityStatement::parse(input["name"].as_str().unwrap_or_default())?;
            to(&cqc::StatementView::from(qs))
        }
        "bank_holidays" => {
            let year = input["year"].as_i64().unwrap_or_default();
            let year = i16::try_from(year).unwrap_or(i16::MIN);
            to(&cqc::england_bank_holidays(year)?)
        }
        "add_working_days" | "working_days_between" => {
            let cal = cqc::WorkingCalendar::england().with_closures(
                input["closures"]
                    .as_array()
                    .map(|a| a.as_slice())
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        cqc::parse_date(c.as_str().unwrap_or_default(), &format!("closures[{i}]"))
                    })
                    .collect::<Result<Vec<_>, _>>()?,
            );
            let date = |k: &str| cqc::parse_date(input[k].as_str().unwrap_or_default(), k);
            if op == "add_working_days" {
                let n = input["days"].as_i64().unwrap_or_default();
                json!({"date": cal.add_working_days(date("date")?, n)?})
            } else {
                json!({"working_days": cal.working_days_between(date("from")?, date("to")?)?})
            }
        }
        "timeline" => to(&cqc::plan_timeline(&cqc::TimelineInput::from_json(
            &input.to_string(),
        )?)?),
        "timeline_ical" => {
            let t = cqc::plan_timeline(&cqc::TimelineInput::from_json(
                &input["timeline"].to_string(),
            )?)?;
            let stamp = cqc::parse_date(input["stamp"].as_str().unwrap_or_default(), "stamp")?;
            json!(t.to_ical_on(stamp))
        }
        "workbook_check" => {
            let today = cqc::parse_date(input["today"].as_str().unwrap_or_default(), "today")?;
            to(&cqc::check_workbook(&input["workbook"].to_string(), today))
        }
        "new_workbook" => serde_json::from_str(
            &cqc::Workbook::starter(input["council"].as_str().unwrap_or_default()).to_json(),
        )
        .map_err(|e| cqc::Error::InvalidJson {
            path: ".".into(),
            message: e.to_string(),
        })?,
        "evidence_csv_import" => to(&cqc::evidence_from_csv(
            input["csv"].as_str().unwrap_or_default(),
        )),
        other => return Err(extra_op(other, input)),
    })
}

/// Ops defined by later modules are added here as they land; an unknown op fails the suite.
fn extra_op(op: &str, _input: &Value) -> cqc::Error {
    panic!("conformance vector uses an op the Rust runner does not know: {op}")
}

mod erased {
    pub trait Ser {
        fn json(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Ser for T {
        fn json(&self) -> serde_json::Value {
            serde_json::to_value(self).expect("results serialise")
        }
    }
}

/// Checks `actual` against `expected` by the rules in tests/conformance/README.md.
fn matches(expected: &Value, actual: &Value, path: &str, failures: &mut Vec<String>) {
    match expected {
        Value::Object(map) if map.contains_key("$len") => {
            let want = map["$len"].as_u64().unwrap() as usize;
            match actual.as_array() {
                Some(a) if a.len() == want => {}
                _ => failures.push(format!(
                    "{path}: expected an array of length {want}, got {actual}"
                )),
            }
        }
        Value::Object(map) if map.contains_key("$contains") => {
            let needle = map["$contains"].as_str().unwrap();
            let ok = match actual {
                Value::String(s) => s.contains(needle),
                Value::Array(items) => items
                    .iter()
                    .any(|i| i.as_str().is_some_and(|s| s.contains(needle))),
                _ => false,
            };
            if !ok {
                failures.push(format!(
                    "{path}: expected something containing {needle:?}, got {actual}"
                ));
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                match actual.get(k) {
                    Some(a) => matches(v, a, &format!("{path}.{k}"), failures),
                    None => failures.push(format!("{path}.{k}: missing from the result")),
                }
            }
        }
        Value::Array(items) => match actual.as_array() {
            Some(a) if a.len() == items.len() => {
                for (i, (e, a)) in items.iter().zip(a).enumerate() {
                    matches(e, a, &format!("{path}[{i}]"), failures);
                }
            }
            _ => failures.push(format!("{path}: expected {expected}, got {actual}")),
        },
        Value::Number(n) => {
            let ok = actual
                .as_f64()
                .is_some_and(|a| (a - n.as_f64().unwrap()).abs() <= 1e-9);
            if !ok {
                failures.push(format!("{path}: expected {n}, got {actual}"));
            }
        }
        _ => {
            if expected != actual {
                failures.push(format!("{path}: expected {expected}, got {actual}"));
            }
        }
    }
}

#[test]
fn conformance_vectors() {
    let mut files: Vec<_> = std::fs::read_dir(vectors_dir())
        .expect("tests/conformance exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    let mut count = 0;
    for file in &files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let fname = file.file_name().unwrap().to_string_lossy().to_string();
        for case in doc["cases"].as_array().expect("cases") {
            count += 1;
            let name = format!("{fname}: {}", case["name"].as_str().unwrap());
            let op = case["op"].as_str().unwrap();
            let result = run(op, &case["input"]);
            match (result, case.get("expected"), case.get("error")) {
                (Ok(actual), Some(expected), None) => {
                    let mut f = Vec::new();
                    matches(expected, &actual, "result", &mut f);
                    failures.extend(f.into_iter().map(|m| format!("{name}: {m}")));
                }
                (Err(e), None, Some(want)) => {
                    if e.code() != want["code"].as_str().unwrap() {
                        failures.push(format!(
                            "{name}: expected error {}, got {} ({e})",
                            want["code"],
                            e.code()
                        ));
                    }
                    if let Some(p) = want.get("path").and_then(Value::as_str) {
                        if e.path() != Some(p) {
                            failures.push(format!(
                                "{name}: expected error path {p:?}, got {:?}",
                                e.path()
                            ));
                        }
                    }
                }
                (Ok(actual), None, Some(want)) => failures.push(format!(
                    "{name}: expected error {}, got result {actual}",
                    want["code"]
                )),
                (Err(e), Some(_), None) => {
                    failures.push(format!("{name}: unexpected error {} ({e})", e.code()))
                }
                _ => failures.push(format!(
                    "{name}: a case needs exactly one of expected and error"
                )),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("{count} conformance cases passed");
}
