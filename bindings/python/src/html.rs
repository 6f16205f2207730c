//! `_repr_html_`: any result's JSON form as a readable HTML table for Jupyter. Presentation only.

use std::collections::BTreeSet;
use std::fmt::Write;

use serde_json::Value;

const STYLE: &str = "border-collapse:collapse;text-align:left";
const CELL: &str = "border:1px solid #ccc;padding:2px 6px;vertical-align:top;text-align:left";

/// Escapes text for HTML.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `percent_exact` → `percent exact`.
fn label(key: &str) -> String {
    escape(&key.replace('_', " "))
}

fn scalar(value: &Value) -> String {
    match value {
        Value::Null => "&mdash;".into(),
        Value::String(s) => escape(s),
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() => {
                let s = format!("{f:.4}");
                let s = s.trim_end_matches('0').trim_end_matches('.');
                s.to_string()
            }
            _ => n.to_string(),
        },
        Value::Bool(b) => if *b { "yes" } else { "no" }.into(),
        Value::Array(_) | Value::Object(_) => cell(value),
    }
}

fn cell(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let mut out = format!("<table style=\"{STYLE}\">");
            for (k, v) in map {
                let _ = write!(
                    out,
                    "<tr><th style=\"{CELL}\">{}</th><td style=\"{CELL}\">{}</td></tr>",
                    label(k),
                    cell(v)
                );
            }
            out.push_str("</table>");
            out
        }
        Value::Array(items) if items.iter().any(Value::is_object) => grid(items),
        Value::Array(items) if items.iter().any(Value::is_array) => {
            let rows: Vec<String> = items.iter().map(cell).collect();
            rows.join("<br>")
        }
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(scalar).collect();
            parts.join(", ")
        }
        other => scalar(other),
    }
}

/// A list of records as one table with a column per key.
fn grid(items: &[Value]) -> String {
    let mut columns: Vec<&str> = Vec::new();
    let mut seen = BTreeSet::new();
    for item in items {
        if let Value::Object(map) = item {
            for k in map.keys() {
                if seen.insert(k.as_str()) {
                    columns.push(k);
                }
            }
        }
    }
    let mut out = format!("<table style=\"{STYLE}\"><thead><tr>");
    for c in &columns {
        let _ = write!(out, "<th style=\"{CELL}\">{}</th>", label(c));
    }
    out.push_str("</tr></thead><tbody>");
    for item in items {
        out.push_str("<tr>");
        for c in &columns {
            let v = item.get(*c).unwrap_or(&Value::Null);
            let _ = write!(out, "<td style=\"{CELL}\">{}</td>", cell(v));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// A titled HTML table of a result's JSON form.
pub(crate) fn table(title: &str, value: &Value) -> String {
    let body = cell(value);
    format!(
        "<div class=\"cqc-assurance\"><strong>{}</strong>{}</div>",
        escape(title),
        body
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_nests() {
        let v = serde_json::json!({"name": "<b>&", "rows": [{"a": 1}, {"b": 2.5}], "n": null});
        let html = table("T", &v);
        assert!(html.contains("&lt;b&gt;&amp;"), "{html}");
        assert!(html.contains("<th style=\"border:1px solid #ccc;padding:2px 6px;vertical-align:top;text-align:left\">a</th>"));
        assert!(html.contains("2.5"));
        assert!(html.contains("&mdash;"));
        assert!(!html.contains("<b>"));
    }
}
