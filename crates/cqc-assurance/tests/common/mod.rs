//! Helpers shared by the workbook test files.

use cqc_assurance::Workbook;

/// Every problem of a workbook document that does not read, as `(code, path)` pairs.
pub fn errors_of(doc: &serde_json::Value) -> Vec<(String, String)> {
    Workbook::from_json_all(&doc.to_string())
        .unwrap_err()
        .iter()
        .map(|e| (e.code().to_string(), e.path().unwrap_or("").to_string()))
        .collect()
}
