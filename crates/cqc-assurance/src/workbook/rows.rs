//! The workbook's registers (evidence, actions, indicators, the information return, the case
//! register and the interviews) as rows of a table, shared by
//! the CSV and Excel formats: the columns of each, an item as cells, and a row read back as an
//! item. A row is read through the same checks as the JSON document (its cells become the
//! item's JSON fields first), so a CSV file, an Excel file and a workbook document accept
//! exactly the same items.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::error::Error;
use crate::framework::normalise_name;

use super::document::{read_action, read_evidence_item, read_indicator};
use super::preparation::{read_case, read_history_entry, read_interview, read_return_item};
use super::table::{
    bool_of, column_for, column_letters, date_of, dated_lines, dated_lines_of, number_of,
    required_date_of, split_list, text_of, Cell, CellResult, Column,
};
use super::{
    Action, EvidenceItem, HistoryEntry, Indicator, Interview, ReturnItem, SelfScore, TrackedCase,
    Workbook,
};

/// The form cells are written in: CSV keeps the document's ids (`peoples-experience`,
/// `in_progress`, statement ids), Excel shows people's labels (`People's experience`,
/// `In progress`, `QS1`). Both are read back either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
pub(crate) enum Style {
    Csv,
    Xlsx,
}

/// One of the registers, as rows.
pub(crate) trait Register: Sized + Clone + PartialEq {
    /// The list's key in the workbook document: `evidence`, `actions`, `indicators`.
    const LIST: &'static str;
    /// One item, for messages: `evidence item`.
    const ITEM: &'static str;
    /// The columns, in the order they are written.
    const COLUMNS: &'static [Column];
    /// The column whose value identifies the row in messages about duplicates.
    const KEY_COLUMN: usize;
    /// Whether the document requires keys to be unique (ids); indicators may repeat a name,
    /// and only a merge needs them unique.
    const UNIQUE: bool;
    /// The item's cells, one per column.
    fn cells(&self, style: Style) -> Vec<Cell>;
    /// The item's fields as its JSON object, read from the row's cells (one per column,
    /// `Cell::Empty` where the file has no such column); `notes` is the text to keep in the
    /// item's notes (the notes column and the extra columns). A cell that cannot be read is a
    /// problem of its column, and a placeholder of the right type stands in for a required
    /// field (the row is rejected anyway), so that the document reader still checks the others.
    fn fields(cells: &[Cell], notes: Option<String>) -> (Map<String, Value>, Vec<(usize, String)>);
    /// Reads the JSON object as the document reader does, errors at paths under `""`.
    fn read(value: &Value, errors: &mut Vec<Error>) -> Option<Self>;
    /// What identifies the item for merging: its id, or an indicator's name and collection.
    fn key(&self) -> String;
    /// The key as people read it: `EV-03`, `"Carers' survey" (SACE)`.
    fn key_label(&self) -> String;
    fn list(wb: &Workbook) -> &Vec<Self>;
    fn list_mut(wb: &mut Workbook) -> &mut Vec<Self>;
}

fn put(obj: &mut Map<String, Value>, key: &str, value: Option<String>) {
    if let Some(v) = value {
        obj.insert(key.into(), Value::String(v));
    }
}

/// Reads one cell with `read`, collecting its problem against column `k`.
fn cell<T>(
    cells: &[Cell],
    k: usize,
    errors: &mut Vec<(usize, String)>,
    read: impl Fn(&Cell) -> CellResult<T>,
) -> Option<T> {
    read(&cells[k]).map_err(|e| errors.push((k, e))).ok()
}

fn iso(d: Option<jiff::civil::Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// The notes column's text followed by the extra columns'.
fn with_notes(obj: &mut Map<String, Value>, notes: Option<String>) {
    put(obj, "notes", notes);
}

fn statements_cell(list: &[crate::QualityStatement], style: Style) -> Cell {
    Cell::text(match style {
        Style::Csv => list.iter().map(|q| q.id()).collect::<Vec<_>>().join(";"),
        Style::Xlsx => list
            .iter()
            .map(|q| format!("QS{}", q.number()))
            .collect::<Vec<_>>()
            .join("; "),
    })
}

/// Ids (of evidence items) as one cell, separated by `; `.
fn ids_cell(ids: &[String]) -> Cell {
    Cell::text(ids.join("; "))
}

/// A list cell (statements, ids) as a JSON list of strings: items separated by `;`, `,` or
/// line breaks.
fn statements_value(text: Option<String>) -> Value {
    Value::Array(
        text.as_deref()
            .map(split_list)
            .unwrap_or_default()
            .into_iter()
            .map(|s| Value::String(s.to_string()))
            .collect(),
    )
}

// ---------------------------------------------------------------------------------------------

const EVIDENCE_COLUMNS: [Column; 10] = [
    Column::new("id", "ID", true).aka(&["reference", "ref"]),
    Column::new("title", "Title", true),
    Column::new("category", "Evidence category", true),
    Column::new("supports", "Statements supported", true)
        .aka(&["statements", "quality statements"]),
    Column::new("owner", "Owner", false),
    Column::new("date", "Date", true),
    Column::new("review_by", "Review by", false),
    Column::new("expires", "Expires", false),
    Column::new("link", "Link", false),
    Column::new("notes", "Notes", false),
];

impl Register for EvidenceItem {
    const LIST: &'static str = "evidence";
    const ITEM: &'static str = "evidence item";
    const COLUMNS: &'static [Column] = &EVIDENCE_COLUMNS;
    const KEY_COLUMN: usize = 0;
    const UNIQUE: bool = true;

    fn cells(&self, style: Style) -> Vec<Cell> {
        vec![
            Cell::text(self.id.as_str()),
            Cell::text(self.title.as_str()),
            Cell::text(match style {
                Style::Csv => self.category.id(),
                Style::Xlsx => self.category.name(),
            }),
            statements_cell(&self.supports, style),
            Cell::opt_text(self.owner.as_deref()),
            Cell::Date(self.date),
            Cell::opt_date(self.review_by),
            Cell::opt_date(self.expires),
            Cell::opt_text(self.link.as_deref()),
            Cell::opt_text(self.notes.as_deref()),
        ]
    }

    fn fields(cells: &[Cell], notes: Option<String>) -> (Map<String, Value>, Vec<(usize, String)>) {
        let mut errors = Vec::new();
        let mut obj = Map::new();
        for (k, key) in [(0, "id"), (1, "title"), (2, "category")] {
            let v = cell(cells, k, &mut errors, text_of).flatten();
            obj.insert(key.into(), Value::String(v.unwrap_or_default()));
        }
        let supports = cell(cells, 3, &mut errors, text_of).flatten();
        obj.insert("supports".into(), statements_value(supports));
        put(
            &mut obj,
            "owner",
            cell(cells, 4, &mut errors, text_of).flatten(),
        );
        let date = cell(cells, 5, &mut errors, required_date_of);
        obj.insert("date".into(), Value::String(iso(date).unwrap_or_default()));
        put(
            &mut obj,
            "review_by",
            cell(cells, 6, &mut errors, date_of).and_then(iso),
        );
        put(
            &mut obj,
            "expires",
            cell(cells, 7, &mut errors, date_of).and_then(iso),
        );
        put(
            &mut obj,
            "link",
            cell(cells, 8, &mut errors, text_of).flatten(),
        );
        with_notes(&mut obj, notes);
        (obj, errors)
    }

    fn read(value: &Value, errors: &mut Vec<Error>) -> Option<Self> {
        read_evidence_item(value, "", errors)
    }

    fn key(&self) -> String {
        self.id.clone()
    }

    fn key_label(&self) -> String {
        self.id.clone()
    }

    fn list(wb: &Workbook) -> &Vec<Self> {
        &wb.evidence
    }

    fn list_mut(wb: &mut Workbook) -> &mut Vec<Self> {
        &mut wb.evidence
    }
}

// ---------------------------------------------------------------------------------------------

const ACTION_COLUMNS: [Column; 12] = [
    Column::new("id", "ID", true).aka(&["reference", "ref"]),
    Column::new("statement", "Statement", false).aka(&["quality statement"]),
    Column::new("description", "Description", true).aka(&["action"]),
    Column::new("owner", "Owner", false),
    Column::new("due", "Due", true).aka(&["due date"]),
    Column::new("status", "Status", true),
    Column::new("rag", "RAG", false).aka(&["rag rating"]),
    Column::new("updated", "Updated", false).aka(&["last updated"]),
    Column::new("progress", "Progress", false).aka(&["progress notes"]),
    Column::new("you_said", "You said", false),
    Column::new("evidence", "Evidence", false).aka(&["evidence ids"]),
    Column::new("notes", "Notes", false),
];

impl Register for Action {
    const LIST: &'static str = "actions";
    const ITEM: &'static str = "action";
    const COLUMNS: &'static [Column] = &ACTION_COLUMNS;
    const KEY_COLUMN: usize = 0;
    const UNIQUE: bool = true;

    fn cells(&self, style: Style) -> Vec<Cell> {
        let notes: Vec<_> = self
            .progress
            .iter()
            .map(|p| (p.date, p.note.as_str()))
            .collect();
        vec![
            Cell::text(self.id.as_str()),
            match (self.statement, style) {
                (None, _) => Cell::Empty,
                (Some(q), Style::Csv) => Cell::text(q.id()),
                (Some(q), Style::Xlsx) => Cell::text(format!("QS{}", q.number())),
            },
            Cell::text(self.description.as_str()),
            Cell::opt_text(self.owner.as_deref()),
            Cell::Date(self.due),
            Cell::text(match style {
                Style::Csv => self.status.as_str(),
                Style::Xlsx => self.status.label(),
            }),
            match (self.rag, style) {
                (None, _) => Cell::Empty,
                (Some(r), Style::Csv) => Cell::text(r.as_str()),
                (Some(r), Style::Xlsx) => Cell::text(r.label()),
            },
            Cell::opt_date(self.updated),
            Cell::text(dated_lines(&notes)),
            Cell::opt_text(self.you_said.as_deref()),
            ids_cell(&self.evidence),
            Cell::opt_text(self.notes.as_deref()),
        ]
    }

    fn fields(cells: &[Cell], notes: Option<String>) -> (Map<String, Value>, Vec<(usize, String)>) {
        let mut errors = Vec::new();
        let mut obj = Map::new();
        for (k, key) in [(0, "id"), (2, "description"), (5, "status")] {
            let v = cell(cells, k, &mut errors, text_of).flatten();
            obj.insert(key.into(), Value::String(v.unwrap_or_default()));
        }
        put(
            &mut obj,
            "statement",
            cell(cells, 1, &mut errors, text_of).flatten(),
        );
        put(
            &mut obj,
            "owner",
            cell(cells, 3, &mut errors, text_of).flatten(),
        );
        let due = cell(cells, 4, &mut errors, required_date_of);
        obj.insert("due".into(), Value::String(iso(due).unwrap_or_default()));
        put(
            &mut obj,
            "rag",
            cell(cells, 6, &mut errors, text_of).flatten(),
        );
        put(
            &mut obj,
            "updated",
            cell(cells, 7, &mut errors, date_of).and_then(iso),
        );
        let progress = cell(cells, 8, &mut errors, |c| match text_of(c)? {
            None => Ok(Vec::new()),
            Some(t) => dated_lines_of(&t),
        });
        if let Some(list) = progress.filter(|l| !l.is_empty()) {
            let list = list
                .into_iter()
                .map(|(date, note)| {
                    let mut o = Map::new();
                    o.insert("date".into(), Value::String(date.to_string()));
                    o.insert("note".into(), Value::String(note));
                    Value::Object(o)
                })
                .collect();
            obj.insert("progress".into(), Value::Array(list));
        }
        put(
            &mut obj,
            "you_said",
            cell(cells, 9, &mut errors, text_of).flatten(),
        );
        if let Some(ids) = cell(cells, 10, &mut errors, text_of) {
            obj.insert("evidence".into(), statements_value(ids));
        }
        with_notes(&mut obj, notes);
        (obj, errors)
    }

    fn read(value: &Value, errors: &mut Vec<Error>) -> Option<Self> {
        read_action(value, "", errors)
    }

    fn key(&self) -> String {
        self.id.clone()
    }

    fn key_label(&self) -> String {
        self.id.clone()
    }

    fn list(wb: &Workbook) -> &Vec<Self> {
        &wb.actions
    }

    fn list_mut(wb: &mut Workbook) -> &mut Vec<Self> {
        &mut wb.actions
    }
}

// ---------------------------------------------------------------------------------------------

const INDICATOR_COLUMNS: [Column; 12] = [
    Column::new("name", "Name", true).aka(&["indicator", "measure"]),
    Column::new("collection", "Collection", true).aka(&["source"]),
    Column::new("value", "Council figure", true).aka(&["council value", "council"]),
    Column::new("england_average", "England average", true).aka(&["england"]),
    Column::new("higher_is_better", "Higher is better", true),
    Column::new("year", "Year", false).aka(&["council year"]),
    Column::new("england_year", "England year", false),
    Column::new("unit", "Unit", false),
    Column::new("statements", "Statements", false).aka(&["quality statements"]),
    Column::new("similar_within", "Similar within", false).aka(&["tolerance"]),
    Column::new("reference", "Reference", false),
    Column::new("notes", "Notes", false),
];

impl Register for Indicator {
    const LIST: &'static str = "indicators";
    const ITEM: &'static str = "indicator";
    const COLUMNS: &'static [Column] = &INDICATOR_COLUMNS;
    const KEY_COLUMN: usize = 0;
    const UNIQUE: bool = false;

    fn cells(&self, style: Style) -> Vec<Cell> {
        vec![
            Cell::text(self.name.as_str()),
            Cell::text(self.collection.as_str()),
            Cell::opt_number(self.value),
            Cell::Number(self.england_average),
            match style {
                Style::Csv => Cell::Bool(self.higher_is_better),
                Style::Xlsx => Cell::text(if self.higher_is_better { "Yes" } else { "No" }),
            },
            Cell::opt_text(self.year.as_deref()),
            Cell::opt_text(self.england_year.as_deref()),
            Cell::opt_text(self.unit.as_deref()),
            statements_cell(&self.statements, style),
            Cell::opt_number(self.similar_within),
            Cell::opt_text(self.reference.as_deref()),
            Cell::opt_text(self.notes.as_deref()),
        ]
    }

    fn fields(cells: &[Cell], notes: Option<String>) -> (Map<String, Value>, Vec<(usize, String)>) {
        let mut errors = Vec::new();
        let mut obj = Map::new();
        for (k, key) in [(0, "name"), (1, "collection")] {
            let v = cell(cells, k, &mut errors, text_of).flatten();
            obj.insert(key.into(), Value::String(v.unwrap_or_default()));
        }
        let number = |x: f64| serde_json::Number::from_f64(x).map(Value::Number);
        if let Some(v) = cell(cells, 2, &mut errors, number_of) {
            obj.insert("value".into(), v.and_then(number).unwrap_or(Value::Null));
        }
        let england = match cell(cells, 3, &mut errors, number_of) {
            Some(Some(x)) => x,
            Some(None) => {
                errors.push((3, "must not be empty: give England's figure".into()));
                0.0
            }
            None => 0.0,
        };
        obj.insert(
            "england_average".into(),
            number(england).unwrap_or(Value::from(0)),
        );
        let higher = match cell(cells, 4, &mut errors, bool_of) {
            Some(Some(b)) => b,
            Some(None) => {
                errors.push((4, "must not be empty: say yes or no".into()));
                false
            }
            None => false,
        };
        obj.insert("higher_is_better".into(), Value::Bool(higher));
        put(
            &mut obj,
            "year",
            cell(cells, 5, &mut errors, text_of).flatten(),
        );
        put(
            &mut obj,
            "england_year",
            cell(cells, 6, &mut errors, text_of).flatten(),
        );
        put(
            &mut obj,
            "unit",
            cell(cells, 7, &mut errors, text_of).flatten(),
        );
        if let Some(s) = cell(cells, 8, &mut errors, text_of) {
            obj.insert("statements".into(), statements_value(s));
        }
        if let Some(Some(x)) = cell(cells, 9, &mut errors, number_of) {
            obj.insert("similar_within".into(), number(x).unwrap_or(Value::Null));
        }
        put(
            &mut obj,
            "reference",
            cell(cells, 10, &mut errors, text_of).flatten(),
        );
        with_notes(&mut obj, notes);
        (obj, errors)
    }

    fn read(value: &Value, errors: &mut Vec<Error>) -> Option<Self> {
        read_indicator(value, "", errors)
    }

    /// Indicators have no id: an indicator is its name within its collection, compared as
    /// names are (ignoring case, spaces and punctuation).
    fn key(&self) -> String {
        format!(
            "{}\u{1f}{}",
            normalise_name(&self.name),
            normalise_name(&self.collection)
        )
    }

    fn key_label(&self) -> String {
        format!("{:?} ({})", self.name, self.collection)
    }

    fn list(wb: &Workbook) -> &Vec<Self> {
        &wb.indicators
    }

    fn list_mut(wb: &mut Workbook) -> &mut Vec<Self> {
        &mut wb.indicators
    }
}

// ---------------------------------------------------------------------------------------------

const RETURN_ITEM_COLUMNS: [Column; 10] = [
    Column::new("reference", "Reference", true).aka(&["ref", "item"]),
    Column::new("title", "Title", true).aka(&["item requested"]),
    Column::new("kind", "Kind", true).aka(&["type"]),
    Column::new("statements", "Statements", false).aka(&["quality statements"]),
    Column::new("owner", "Owner", false),
    Column::new("due", "Due", false).aka(&["due date"]),
    Column::new("status", "Status", true),
    Column::new("evidence", "Evidence", false).aka(&["evidence ids"]),
    Column::new("source", "Source", false),
    Column::new("notes", "Notes", false),
];

impl Register for ReturnItem {
    const LIST: &'static str = "information_return";
    const ITEM: &'static str = "information return item";
    const COLUMNS: &'static [Column] = &RETURN_ITEM_COLUMNS;
    const KEY_COLUMN: usize = 0;
    const UNIQUE: bool = true;

    fn cells(&self, style: Style) -> Vec<Cell> {
        vec![
            Cell::text(self.reference.as_str()),
            Cell::text(self.title.as_str()),
            Cell::text(match style {
                Style::Csv => self.kind.as_str(),
                Style::Xlsx => self.kind.label(),
            }),
            statements_cell(&self.statements, style),
            Cell::opt_text(self.owner.as_deref()),
            Cell::opt_date(self.due),
            Cell::text(match style {
                Style::Csv => self.status.as_str(),
                Style::Xlsx => self.status.label(),
            }),
            ids_cell(&self.evidence),
            Cell::opt_text(self.source.as_deref()),
            Cell::opt_text(self.notes.as_deref()),
        ]
    }

    fn fields(cells: &[Cell], notes: Option<String>) -> (Map<String, Value>, Vec<(usize, String)>) {
        let mut errors = Vec::new();
        let mut obj = Map::new();
        for (k, key) in [(0, "reference"), (1, "title"), (2, "kind"), (6, "status")] {
            let v = cell(cells, k, &mut errors, text_of).flatten();
            obj.insert(key.into(), Value::String(v.unwrap_or_default()));
        }
        if let Some(s) = cell(cells, 3, &mut errors, text_of) {
            obj.insert("statements".into(), statements_value(s));
        }
        put(
            &mut obj,
            "owner",
            cell(cells, 4, &mut errors, text_of).flatten(),
        );
        put(
            &mut obj,
            "due",
            cell(cells, 5, &mut errors, date_of).and_then(iso),
        );
        if let Some(ids) = cell(cells, 7, &mut errors, text_of) {
            obj.insert("evidence".into(), statements_value(ids));
        }
        put(
            &mut obj,
            "source",
            cell(cells, 8, &mut errors, text_of).flatten(),
        );
        with_notes(&mut obj, notes);
        (obj, errors)
    }

    fn read(value: &Value, errors: &mut Vec<Error>) -> Option<Self> {
        read_return_item(value, "", errors)
    }

    /// References compared as names are (`General IR3` and `general ir3` are one item), as
    /// the document reader compares them.
    fn key(&self) -> String {
        normalise_name(&self.reference)
    }

    fn key_label(&self) -> String {
        self.reference.clone()
    }

    fn list(wb: &Workbook) -> &Vec<Self> {
        &wb.information_return
    }

    fn list_mut(wb: &mut Workbook) -> &mut Vec<Self> {
        &mut wb.information_return
    }
}

// ---------------------------------------------------------------------------------------------

const CASE_COLUMNS: [Column; 5] = [
    Column::new("reference", "Reference", true).aka(&["ref", "local reference"]),
    Column::new("pathway", "Pathway or client group", true).aka(&["client group", "care pathway"]),
    Column::new("statements", "Statements", false).aka(&["quality statements"]),
    Column::new("status", "Status", true),
    Column::new("notes", "Notes", false).aka(&["note"]),
];

impl Register for TrackedCase {
    const LIST: &'static str = "case_tracking";
    const ITEM: &'static str = "case";
    const COLUMNS: &'static [Column] = &CASE_COLUMNS;
    const KEY_COLUMN: usize = 0;
    const UNIQUE: bool = true;

    fn cells(&self, style: Style) -> Vec<Cell> {
        vec![
            Cell::text(self.reference.as_str()),
            Cell::text(self.pathway.as_str()),
            statements_cell(&self.statements, style),
            Cell::text(match style {
                Style::Csv => self.status.as_str(),
                Style::Xlsx => self.status.label(),
            }),
            Cell::opt_text(self.notes.as_deref()),
        ]
    }

    fn fields(cells: &[Cell], notes: Option<String>) -> (Map<String, Value>, Vec<(usize, String)>) {
        let mut errors = Vec::new();
        let mut obj = Map::new();
        for (k, key) in [(0, "reference"), (1, "pathway"), (3, "status")] {
            let v = cell(cells, k, &mut errors, text_of).flatten();
            obj.insert(key.into(), Value::String(v.unwrap_or_default()));
        }
        if let Some(s) = cell(cells, 2, &mut errors, text_of) {
            obj.insert("statements".into(), statements_value(s));
        }
        with_notes(&mut obj, notes);
        (obj, errors)
    }

    fn read(value: &Value, errors: &mut Vec<Error>) -> Option<Self> {
        read_case(value, "", errors)
    }

    fn key(&self) -> String {
        normalise_name(&self.reference)
    }

    fn key_label(&self) -> String {
        self.reference.clone()
    }

    fn list(wb: &Workbook) -> &Vec<Self> {
        &wb.case_tracking
    }

    fn list_mut(wb: &mut Workbook) -> &mut Vec<Self> {
        &mut wb.case_tracking
    }
}

// ---------------------------------------------------------------------------------------------

const INTERVIEW_COLUMNS: [Column; 5] = [
    Column::new("role", "Role", true),
    Column::new("date", "Date", false),
    Column::new("time", "Time", false),
    Column::new("statements", "Statements", false).aka(&["quality statements"]),
    Column::new("notes", "Notes", false).aka(&["note"]),
];

impl Register for Interview {
    const LIST: &'static str = "interviews";
    const ITEM: &'static str = "interview";
    const COLUMNS: &'static [Column] = &INTERVIEW_COLUMNS;
    const KEY_COLUMN: usize = 0;
    const UNIQUE: bool = false;

    fn cells(&self, style: Style) -> Vec<Cell> {
        vec![
            Cell::text(match style {
                Style::Csv => self.role.as_str(),
                Style::Xlsx => self.role.label(),
            }),
            Cell::opt_date(self.date),
            Cell::opt_text(self.time.as_deref()),
            statements_cell(&self.statements, style),
            Cell::opt_text(self.notes.as_deref()),
        ]
    }

    fn fields(cells: &[Cell], notes: Option<String>) -> (Map<String, Value>, Vec<(usize, String)>) {
        let mut errors = Vec::new();
        let mut obj = Map::new();
        let role = cell(cells, 0, &mut errors, text_of).flatten();
        obj.insert("role".into(), Value::String(role.unwrap_or_default()));
        put(
            &mut obj,
            "date",
            cell(cells, 1, &mut errors, date_of).and_then(iso),
        );
        put(
            &mut obj,
            "time",
            cell(cells, 2, &mut errors, text_of).flatten(),
        );
        if let Some(s) = cell(cells, 3, &mut errors, text_of) {
            obj.insert("statements".into(), statements_value(s));
        }
        with_notes(&mut obj, notes);
        (obj, errors)
    }

    fn read(value: &Value, errors: &mut Vec<Error>) -> Option<Self> {
        read_interview(value, "", errors)
    }

    /// Interviews have no id: one is its role, day and time.
    fn key(&self) -> String {
        format!(
            "{}\u{1f}{}\u{1f}{}",
            self.role.as_str(),
            self.date.map(|d| d.to_string()).unwrap_or_default(),
            self.time.as_deref().unwrap_or_default()
        )
    }

    fn key_label(&self) -> String {
        let mut s = self.role.label().to_string();
        if let Some(d) = self.date {
            s.push_str(&format!(" on {d}"));
        }
        if let Some(t) = &self.time {
            s.push_str(&format!(" at {t}"));
        }
        s
    }

    fn list(wb: &Workbook) -> &Vec<Self> {
        &wb.interviews
    }

    fn list_mut(wb: &mut Workbook) -> &mut Vec<Self> {
        &mut wb.interviews
    }
}

// ---------------------------------------------------------------------------------------------

/// The columns of the history: the date and label, the nine self-scores (a score 1-4, or the
/// four probabilities separated by `;`), CQC's nine published scores, and their source.
const HISTORY_COLUMNS: [Column; 21] = [
    Column::new("date", "Date", true),
    Column::new("label", "Label", false),
    Column::new("assessing-needs", "QS1", false),
    Column::new("supporting-healthier-lives", "QS2", false),
    Column::new("equity", "QS3", false),
    Column::new("care-provision", "QS4", false),
    Column::new("partnerships", "QS5", false),
    Column::new("safe-systems", "QS6", false),
    Column::new("safeguarding", "QS7", false),
    Column::new("governance", "QS8", false),
    Column::new("learning", "QS9", false),
    Column::new("published_assessing-needs", "CQC QS1", false),
    Column::new("published_supporting-healthier-lives", "CQC QS2", false),
    Column::new("published_equity", "CQC QS3", false),
    Column::new("published_care-provision", "CQC QS4", false),
    Column::new("published_partnerships", "CQC QS5", false),
    Column::new("published_safe-systems", "CQC QS6", false),
    Column::new("published_safeguarding", "CQC QS7", false),
    Column::new("published_governance", "CQC QS8", false),
    Column::new("published_learning", "CQC QS9", false),
    Column::new("published_source", "Source of CQC's scores", false),
];

/// A self-score as a cell: the score, or its four probabilities separated by `; `.
fn self_score_cell(s: &SelfScore) -> Cell {
    match s {
        SelfScore::NotScored => Cell::Empty,
        SelfScore::Score(score) => Cell::Number(f64::from(score.get())),
        SelfScore::EvidenceCategories(e) => Cell::Number(f64::from(e.statement_score().get())),
        SelfScore::Distribution(d) => Cell::text(
            d.get()
                .iter()
                .map(|p| crate::json::number_text(*p))
                .collect::<Vec<_>>()
                .join("; "),
        ),
    }
}

/// A score cell as its JSON value: a number, or four probabilities (a list of numbers) when
/// the text has `;`. Text that is not a number is kept as text, for the reader to report.
fn score_value(cell: &Cell) -> CellResult<Option<Value>> {
    let number = |x: f64| serde_json::Number::from_f64(x).map(Value::Number);
    Ok(match cell {
        Cell::Number(x) => number(*x),
        other => match text_of(other)? {
            None => None,
            Some(t) if t.contains(';') => {
                let mut list = Vec::new();
                for part in t.split(';') {
                    match part.trim().parse::<f64>().ok().and_then(number) {
                        Some(v) => list.push(v),
                        None => {
                            return Err(format!(
                                "expected four probabilities separated by ;, got {t:?}"
                            ))
                        }
                    }
                }
                Some(Value::Array(list))
            }
            Some(t) => Some(
                t.trim()
                    .parse::<f64>()
                    .ok()
                    .and_then(number)
                    .unwrap_or(Value::String(t)),
            ),
        },
    })
}

impl Register for HistoryEntry {
    const LIST: &'static str = "history";
    const ITEM: &'static str = "earlier self-assessment";
    const COLUMNS: &'static [Column] = &HISTORY_COLUMNS;
    const KEY_COLUMN: usize = 0;
    const UNIQUE: bool = true;

    fn cells(&self, _style: Style) -> Vec<Cell> {
        let mut cells = vec![Cell::Date(self.date), Cell::opt_text(self.label.as_deref())];
        cells.extend(self.scores.iter().map(self_score_cell));
        for i in 0..9 {
            cells.push(
                self.published
                    .as_ref()
                    .and_then(|p| p[i])
                    .map_or(Cell::Empty, |s| Cell::Number(f64::from(s.get()))),
            );
        }
        cells.push(Cell::opt_text(self.published_source.as_deref()));
        cells
    }

    fn fields(cells: &[Cell], notes: Option<String>) -> (Map<String, Value>, Vec<(usize, String)>) {
        let mut errors = Vec::new();
        let mut obj = Map::new();
        let date = cell(cells, 0, &mut errors, required_date_of);
        obj.insert("date".into(), Value::String(iso(date).unwrap_or_default()));
        put(
            &mut obj,
            "label",
            cell(cells, 1, &mut errors, text_of).flatten(),
        );
        let mut scores = Map::new();
        let mut published = Map::new();
        for (i, qs) in crate::QualityStatement::ALL.into_iter().enumerate() {
            // A cell that cannot be read is its column's problem; a placeholder score stands
            // in for it (the row is rejected anyway) so that the reader checks the others.
            match cell(cells, 2 + i, &mut errors, score_value) {
                Some(Some(v)) => {
                    scores.insert(qs.id().to_string(), v);
                }
                Some(None) => {}
                None => {
                    scores.insert(qs.id().to_string(), Value::from(1));
                }
            }
            match cell(cells, 11 + i, &mut errors, score_value) {
                Some(Some(v)) => {
                    published.insert(qs.id().to_string(), v);
                }
                Some(None) => {}
                None => {
                    published.insert(qs.id().to_string(), Value::from(1));
                }
            }
        }
        obj.insert("scores".into(), Value::Object(scores));
        if !published.is_empty() {
            obj.insert("published".into(), Value::Object(published));
        }
        put(
            &mut obj,
            "published_source",
            cell(cells, 20, &mut errors, text_of).flatten(),
        );
        if notes.is_some() {
            // An earlier self-assessment has no notes to keep other columns in: refused rather
            // than dropped.
            errors.push((
                0,
                "the file has columns that are not fields of the history (it has no notes to keep them in): remove them".into(),
            ));
        }
        (obj, errors)
    }

    /// Read as the document reads an entry, each error at the column of its field
    /// (`scores.equity` is the column `equity`, `published.equity` is `published_equity`).
    fn read(value: &Value, errors: &mut Vec<Error>) -> Option<Self> {
        let mut own = Vec::new();
        let entry = read_history_entry(value, "", &mut own);
        for e in own {
            let path = e.path().unwrap_or("").to_string();
            let column = if let Some(id) = path.strip_prefix("scores.") {
                Some(id.split('[').next().unwrap_or(id).to_string())
            } else {
                path.strip_prefix("published.")
                    .map(|id| format!("published_{}", id.split('[').next().unwrap_or(id)))
            };
            errors.push(match column {
                Some(c) => e.at_path(c.as_str()),
                None => e,
            });
        }
        entry
    }

    fn key(&self) -> String {
        self.date.to_string()
    }

    fn key_label(&self) -> String {
        self.date.to_string()
    }

    fn list(wb: &Workbook) -> &Vec<Self> {
        &wb.history
    }

    fn list_mut(wb: &mut Workbook) -> &mut Vec<Self> {
        &mut wb.history
    }
}

// ---------------------------------------------------------------------------------------------
// A table of rows to items.

/// One row of a table, wherever it comes from.
pub(crate) struct SourceRow {
    /// The row number the spreadsheet shows.
    pub row: u64,
    /// The line of a CSV file the row starts on (when it differs from the row, a cell above
    /// has line breaks).
    pub line: Option<u64>,
    pub cells: Vec<Cell>,
}

/// Where rows come from, to place errors: a CSV file (`line N: column`) or a sheet of an
/// Excel file (`Sheet row N: column`).
#[derive(Clone, Copy)]
#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
pub(crate) enum Source<'a> {
    Csv,
    Sheet(&'a str),
}

impl Source<'_> {
    /// An error at a row and, where known, a column (its position in the file and its field
    /// name).
    pub(crate) fn error(
        &self,
        row: u64,
        line: Option<u64>,
        index: Option<usize>,
        name: Option<&str>,
        message: String,
    ) -> Error {
        let mut message = message;
        match index {
            Some(i) => message.push_str(&format!(" (cell {}{row}", column_letters(i))),
            None => message.push_str(&format!(" (row {row}")),
        }
        match line {
            Some(l) if l != row => {
                message.push_str(&format!("; line {l} of the file in a text editor)"))
            }
            _ => message.push(')'),
        }
        let at = match name {
            Some(name) if !name.is_empty() => format!(" {row}: {name}"),
            _ => format!(" {row}"),
        };
        match self {
            Source::Csv => Error::InvalidCsv {
                path: format!("line{at}"),
                line: row,
                message,
            },
            Source::Sheet(sheet) => Error::InvalidXlsx {
                path: format!("{sheet} row{at}"),
                message,
            },
        }
    }
}

/// What a table gave.
pub(crate) struct TableRead<T> {
    /// The good rows' items, with their row numbers.
    pub items: Vec<(u64, T)>,
    /// Every problem, in file order.
    pub errors: Vec<Error>,
    pub warnings: Vec<String>,
    /// Rows read (blank rows not counted).
    pub rows: usize,
}

/// Reads a table's rows as items of register `T`: the header names the columns (in any order,
/// matched ignoring case and punctuation; the required ones must be there), each row is read
/// as an item, a key used twice is reported at its second row. Columns that are not fields of
/// the register are kept, in each item's notes, as `Header: value` lines (with a warning).
pub(crate) fn read_table<T: Register>(
    source: Source<'_>,
    header: &[Cell],
    rows: &[SourceRow],
) -> TableRead<T> {
    let columns = T::COLUMNS;
    let mut read = TableRead {
        items: Vec::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
        rows: 0,
    };
    let header_error = |index: Option<usize>, name: &str, message: String| {
        source.error(1, None, index, Some(name), message)
    };
    // Column of the file for each field, and the extra columns with their headers.
    let mut index: Vec<Option<usize>> = vec![None; columns.len()];
    let mut extras: Vec<(usize, String)> = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let h = text_of(h).ok().flatten().unwrap_or_default();
        match column_for(&h, columns) {
            Some(k) if index[k].is_some() => read.errors.push(header_error(
                Some(i),
                columns[k].name,
                format!(
                    "column {:?} is given twice (columns {} and {})",
                    h,
                    column_letters(index[k].unwrap_or(0)),
                    column_letters(i)
                ),
            )),
            Some(k) => index[k] = Some(i),
            None => extras.push((i, h)),
        }
    }
    for (k, c) in columns.iter().enumerate() {
        if c.required && index[k].is_none() {
            read.errors.push(header_error(
                None,
                c.name,
                format!(
                    "the required column {:?} is missing from the first row (the columns of the {} are: {})",
                    c.name,
                    T::LIST,
                    columns.iter().map(|c| c.name).collect::<Vec<_>>().join(", ")
                ),
            ));
        }
    }
    if !read.errors.is_empty() {
        return read;
    }
    read.rows = rows.len();
    let width = header.len();
    let mut extra_used = vec![false; extras.len()];
    let mut keys: HashMap<String, u64> = HashMap::new();
    for r in rows {
        // Cells beyond the header: a comma inside an unquoted cell splits it in two.
        if let Some(i) = (width..r.cells.len()).find(|&i| !r.cells[i].is_empty()) {
            read.errors.push(source.error(
                r.row,
                r.line,
                Some(i),
                None,
                format!(
                    "this row has a value in column {} but the first row names only {width} columns (in a CSV file, a cell with a comma in it must be in double quotes)",
                    column_letters(i)
                ),
            ));
            continue;
        }
        let empty = Cell::Empty;
        let get = |i: usize| r.cells.get(i).unwrap_or(&empty);
        let cells: Vec<Cell> = index
            .iter()
            .map(|i| i.map_or(Cell::Empty, |i| get(i).clone()))
            .collect();
        // The notes: the notes column, then each extra column with a value.
        let notes_k = columns.iter().position(|c| c.name == "notes");
        let mut notes: Vec<String> = Vec::new();
        let mut cell_errors: Vec<(Option<usize>, &str, String)> = Vec::new();
        if let Some(k) = notes_k {
            match text_of(&cells[k]) {
                Ok(Some(t)) => notes.push(t),
                Ok(None) => {}
                Err(e) => cell_errors.push((index[k], columns[k].name, e)),
            }
        }
        for (x, (i, h)) in extras.iter().enumerate() {
            match text_of(get(*i)) {
                Ok(Some(t)) => {
                    extra_used[x] = true;
                    let name = if h.trim().is_empty() {
                        format!("Column {}", column_letters(*i))
                    } else {
                        h.trim().to_string()
                    };
                    notes.push(format!("{name}: {t}"));
                }
                Ok(None) => {}
                Err(e) => cell_errors.push((Some(*i), "", e)),
            }
        }
        let notes = (!notes.is_empty()).then(|| notes.join("\n"));
        // Each problem with its column's position, to list them left to right.
        let mut errors: Vec<(Option<usize>, Error)> = cell_errors
            .into_iter()
            .map(|(i, name, m)| (i, source.error(r.row, r.line, i, Some(name), m)))
            .collect();
        // The cells' own problems; then the item is read as the document reader reads it, so
        // that every problem of the row is reported, not only the first.
        let (obj, cell_problems) = T::fields(&cells, notes);
        let mut failed = vec![false; columns.len()];
        for (k, m) in cell_problems {
            failed[k] = true;
            errors.push((
                index[k],
                source.error(r.row, r.line, index[k], Some(columns[k].name), m),
            ));
        }
        let mut json_errors = Vec::new();
        let item = T::read(&Value::Object(obj), &mut json_errors);
        for e in json_errors {
            let path = e.path().unwrap_or(".").to_string();
            let field = path.split(['.', '[']).next().unwrap_or("");
            let k = columns.iter().position(|c| c.name == field);
            if k.is_some_and(|k| failed[k]) {
                continue; // a placeholder: the cell's own problem is reported above
            }
            let text = e.to_string();
            let text = text.strip_prefix(&format!("{path}: ")).unwrap_or(&text);
            let message = format!("{text} [{}]", e.code());
            let i = k.and_then(|k| index[k]);
            errors.push((
                i,
                source.error(r.row, r.line, i, k.map(|k| columns[k].name), message),
            ));
        }
        if !errors.is_empty() {
            errors.sort_by_key(|(i, _)| i.unwrap_or(usize::MAX));
            read.errors.extend(errors.into_iter().map(|(_, e)| e));
            continue;
        }
        let Some(item) = item else { continue };
        if let Some(first) = keys.get(&item.key()).filter(|_| T::UNIQUE) {
            let k = T::KEY_COLUMN;
            read.errors.push(source.error(
                r.row,
                r.line,
                index[k],
                Some(columns[k].name),
                format!("{} {} is also on row {first}", T::ITEM, item.key_label()),
            ));
            continue;
        }
        keys.insert(item.key(), r.row);
        read.items.push((r.row, item));
    }
    for ((i, h), used) in extras.iter().zip(extra_used) {
        if used {
            let name = if h.trim().is_empty() {
                format!("the column with no name ({})", column_letters(*i))
            } else {
                format!("column {:?} ({})", h.trim(), column_letters(*i))
            };
            read.warnings.push(format!(
                "{name} is not a field of the {}: its values are kept in each {}'s notes",
                T::LIST,
                T::ITEM
            ));
        }
    }
    read
}

/// The table's rows as items, header first: what the CSV and Excel writers write.
pub(crate) fn table_cells<T: Register>(
    items: &[T],
    style: Style,
) -> (Vec<&'static str>, Vec<Vec<Cell>>) {
    let header = T::COLUMNS
        .iter()
        .map(|c| match style {
            Style::Csv => c.name,
            Style::Xlsx => c.label,
        })
        .collect();
    (header, items.iter().map(|i| i.cells(style)).collect())
}
