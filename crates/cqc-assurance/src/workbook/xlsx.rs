//! The workbook as one Excel file (.xlsx), written with rust_xlsxwriter and read back with
//! calamine, losslessly: any workbook written and read again is the same workbook.
//!
//! Sheets, in order:
//!
//! - **About**: the council, the document version, the protective marking, the rating method,
//!   the review period, notes and the timeline (as the JSON the workbook file holds), then a
//!   description of each sheet (not read back).
//! - **Statements**: one row per quality statement: the self-score (1-4, a drop-down), or,
//!   when the council is unsure, the probability of each score in `P(1)`..`P(4)` with the
//!   self-score left empty; under the earlier method, the four evidence-category scores
//!   instead; strengths and areas for improvement (one per line in the cell); the narrative.
//! - **Evidence**, **Actions**, **Indicators**: the registers, one item per row, the columns
//!   of the CSV formats with people's labels for headers and values (`People's experience`,
//!   `In progress`, `QS1; QS7`), drop-down lists for categories, statements, statuses, RAG
//!   and yes / no, and real Excel dates shown as dd/mm/yyyy.
//! - **Information return**, **Case tracking**, **Interviews**, **History**: the preparation
//!   registers and the earlier self-assessments (one per row: date, label, the self-score of
//!   each statement, CQC's published scores), each written only when it has items and read
//!   when present, in the columns of its CSV format.
//!
//! Reading follows the CSV readers' rules (a date typed as text in a UK form is read, a
//! number where text is expected is read as the text it shows, columns that are not fields
//! are kept in notes, and every problem is an error at `Sheet row N: column`, the row number
//! Excel shows).

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use jiff::civil::Date;
use rust_xlsxwriter::{
    DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatAlign,
    FormatBorder, Workbook as XlsxBook, Worksheet, XlsxError,
};
use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::framework::{normalise_name, EvidenceCategory, QualityStatement};
use crate::json::number_text;

use super::document::WORKBOOK_VERSION;
use super::import::{combine, fewer_items, ImportOptions, WorkbookImport, WorkbookPart};
use super::rows::{read_table, table_cells, Register, Source, SourceRow, Style, TableRead};
use super::table::{bullets, bullets_of, column_for, number_of, text_of, Cell, Column};
use super::{
    Action, ActionStatus, CaseStatus, EvidenceItem, HistoryEntry, Indicator, Interview,
    InterviewRole, Rag, ReturnItem, ReturnItemKind, ReturnItemStatus, SelfScore, TrackedCase,
    Workbook,
};
use crate::method::RatingMethod;

const ABOUT: &str = "About";
const STATEMENTS: &str = "Statements";
const EVIDENCE: &str = "Evidence";
const ACTIONS: &str = "Actions";
const INDICATORS: &str = "Indicators";
const SHEETS: [&str; 5] = [ABOUT, STATEMENTS, EVIDENCE, ACTIONS, INDICATORS];
const INFORMATION_RETURN: &str = "Information return";
const CASES: &str = "Case tracking";
const INTERVIEWS: &str = "Interviews";
const HISTORY: &str = "History";
/// The sheets of the preparation parts: written when the part has items, read when present
/// (a file written before they existed, or for a workbook without them, has none).
const OPTIONAL_SHEETS: [&str; 4] = [INFORMATION_RETURN, CASES, INTERVIEWS, HISTORY];

/// The last row a drop-down list or column format reaches (Excel's last row).
const LAST_ROW: u32 = 1_048_575;

/// The About sheet's fields: label, document key, what it is.
const ABOUT_FIELDS: [(&str, &str, &str); 7] = [
    ("Council", "council", "The council's name."),
    (
        "Workbook version",
        "version",
        "The version of the workbook format (this library reads 1).",
    ),
    (
        "Protective marking",
        "protective_marking",
        "The security classification printed on what is made from the workbook (for example OFFICIAL-SENSITIVE); empty for none.",
    ),
    (
        "Rating method",
        "method",
        "current (each statement scored 1-4) or earlier (each evidence category scored, December 2023 to June 2025).",
    ),
    (
        "Review evidence after (months)",
        "review_after_months",
        "Months after its date that an evidence item with no review or expiry date is due for review (12 when empty).",
    ),
    ("Notes", "notes", "Notes about the workbook, shown at the top of the report."),
    (
        "Timeline (JSON)",
        "timeline",
        "The assessment timeline once notified, as the workbook file holds it (edit it with the cqc-assurance timeline tools).",
    ),
];

const README: [(&str, &str); 9] = [
    ("Statements", "One row per quality statement. Type the self-score (1-4) in Self-score; when unsure, leave it empty and give the probability of each score in P(1) to P(4) (they must add up to 1). Strengths and areas for improvement: one per line in the cell (Alt+Enter starts a line). The QS column says which statement a row is; the name and theme are there to read."),
    ("Evidence", "The evidence register, one item per row: a unique ID, the evidence category (from the list), the statements it supports as QS numbers separated by ; (QS1; QS7), and dates."),
    ("Actions", "The action plan: a unique ID, the statement (QS number, or empty for an action across statements), due date, status and RAG from the lists, and progress notes, one per line, each starting with its date (15/10/2026: what happened)."),
    ("Indicators", "Indicators against the England average: the council's figure (empty if not known yet), England's figure, whether higher is better, the years of both figures, and the statements (QS numbers separated by ;)."),
    ("Information return", "Written when the workbook tracks the information return: one item per row, its reference as CQC's request numbers it (General IR3, QS3 IR3) or the council's own, document or data, the statements, the due date (empty: the timeline's deadline), the status and the ids of the evidence that answers it."),
    ("Case tracking", "Written when the workbook has a case register: a local reference, the care pathway or client group, the statements and the status only. Never a name, NHS number or date of birth: the report warns when a cell looks like one."),
    ("Interviews", "Written when the workbook has an interview schedule: the role (never a name), the day, the time (10:00 or 10:00-11:00) and the statements to prepare."),
    ("History", "Written when the workbook has earlier self-assessments: one per row, its date, a label (2024 self-assessment), the self-score of each statement (QS1-QS9: 1-4, or the chance of each score, 0; 0.5; 0.5; 0) and CQC's published scores where known (CQC QS1 to CQC QS9) with their source."),
    ("Dates and extra columns", "Dates are real Excel dates shown as dd/mm/yyyy; a date typed as text is read as a UK date (day first). Columns you add to the Evidence, Actions or Indicators sheets are kept, in each item's notes."),
];

// ---------------------------------------------------------------------------------------------
// Writing.

struct Formats {
    header: Format,
    text: Format,
    date: Format,
    number: Format,
    bold: Format,
}

impl Formats {
    fn new() -> Formats {
        let top = Format::new().set_align(FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(0xD9E2F3)
                .set_border_bottom(FormatBorder::Thin),
            text: top.clone().set_text_wrap(),
            date: top.clone().set_num_format("dd/mm/yyyy"),
            number: top.clone(),
            bold: top.set_bold().set_text_wrap(),
        }
    }
}

/// Where a value of the workbook is, for an error while writing it.
fn write_error(e: XlsxError, place: &str) -> Error {
    let message = match e {
        XlsxError::MaxStringLengthExceeded => {
            "the text is longer than the 32,767 characters an Excel cell holds".to_string()
        }
        other => format!("cannot be written to an Excel file: {other}"),
    };
    Error::InvalidValue {
        path: place.to_string(),
        message,
    }
}

/// Writes one cell.
fn put(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    f: &Formats,
) -> std::result::Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Text(s) | Cell::Other(s) => {
            ws.write_string_with_format(row, col, s, &f.text)?;
        }
        Cell::Number(x) => {
            ws.write_number_with_format(row, col, *x, &f.number)?;
        }
        Cell::Bool(b) => {
            ws.write_boolean_with_format(row, col, *b, &f.number)?;
        }
        Cell::Date(d) => match excel_date(*d) {
            Some(x) => {
                ws.write_datetime_with_format(row, col, &x, &f.date)?;
            }
            // Before 1900 Excel has no dates: the ISO text, which the reader reads as a date.
            None => {
                ws.write_string_with_format(row, col, d.to_string(), &f.text)?;
            }
        },
    }
    Ok(())
}

fn excel_date(d: Date) -> Option<ExcelDateTime> {
    let (y, m, day) = (
        u16::try_from(d.year()).ok()?,
        d.month() as u8,
        d.day() as u8,
    );
    (y >= 1900)
        .then(|| ExcelDateTime::from_ymd(y, m, day).ok())
        .flatten()
}

/// A sheet's header row, widths and column formats, frozen below the header.
fn header(
    ws: &mut Worksheet,
    labels: &[&str],
    widths: &[f64],
    f: &Formats,
    freeze_cols: u16,
) -> std::result::Result<(), XlsxError> {
    for (c, label) in labels.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, *label, &f.header)?;
        ws.set_column_width(c, widths.get(c as usize).copied().unwrap_or(14.0))?;
    }
    ws.set_freeze_panes(1, freeze_cols)?;
    Ok(())
}

fn list_validation(
    ws: &mut Worksheet,
    col: u16,
    items: &[&str],
    title: &str,
) -> std::result::Result<(), XlsxError> {
    let dv = DataValidation::new()
        .allow_list_strings(items)?
        .set_input_title(title)?
        .set_error_message(format!("Choose one of: {}.", items.join(", ")))?;
    ws.add_data_validation(1, col, LAST_ROW, col, &dv)?;
    Ok(())
}

fn marking(ws: &mut Worksheet, marking: Option<&str>) {
    if let Some(m) = marking {
        // `&` starts a control code in Excel's header and footer text.
        let m = m.replace('&', "&&");
        ws.set_header(format!("&C&B{m}"));
        ws.set_footer(format!("&C&B{m}&R&P of &N"));
    }
}

/// How a register's sheet looks: its name, column widths, drop-down lists (column, items,
/// title) and date columns.
struct SheetLayout<'a> {
    name: &'a str,
    widths: &'a [f64],
    lists: &'a [(usize, &'a [&'a str], &'a str)],
    date_columns: &'a [usize],
}

/// A register's sheet: header, rows, formats, drop-downs.
fn register_sheet<T: Register>(
    book: &mut XlsxBook,
    layout: SheetLayout<'_>,
    items: &[T],
    f: &Formats,
    mark: Option<&str>,
) -> Result<()> {
    let SheetLayout {
        name,
        widths,
        lists,
        date_columns,
    } = layout;
    let ws = book.add_worksheet();
    let (labels, rows) = table_cells(items, Style::Xlsx);
    let at = |e: XlsxError| write_error(e, name);
    ws.set_name(name).map_err(at)?;
    header(ws, &labels, widths, f, 1).map_err(at)?;
    for (c, _) in labels.iter().enumerate() {
        let format = if date_columns.contains(&c) {
            &f.date
        } else {
            &f.text
        };
        ws.set_column_format(c as u16, format).map_err(at)?;
    }
    for (i, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            put(ws, i as u32 + 1, c as u16, cell, f)
                .map_err(|e| write_error(e, &format!("{}[{i}].{}", T::LIST, T::COLUMNS[c].name)))?;
        }
    }
    for (col, items, title) in lists {
        list_validation(ws, *col as u16, items, title).map_err(at)?;
    }
    ws.autofilter(0, 0, rows.len() as u32, labels.len() as u16 - 1)
        .map_err(at)?;
    marking(ws, mark);
    Ok(())
}

/// The statements sheet's columns for a method: the earlier method has evidence-category
/// scores where the current one has a self-score and its probabilities.
fn statement_columns(method: RatingMethod) -> Vec<Column> {
    let mut cols = vec![
        Column::new("qs", "QS", true),
        Column::new("statement", "Statement", false),
        Column::new("theme", "Theme", false),
    ];
    match method {
        RatingMethod::Current => cols.extend([
            Column::new("self_score", "Self-score", false).aka(&["score"]),
            Column::new("p1", "P(1)", false),
            Column::new("p2", "P(2)", false),
            Column::new("p3", "P(3)", false),
            Column::new("p4", "P(4)", false),
        ]),
        RatingMethod::Earlier => cols.extend(
            EvidenceCategory::local_authority_categories()
                .iter()
                .map(|c| Column::new(c.id(), category_score_label(*c), false)),
        ),
    }
    cols.extend([
        Column::new("strengths", "Strengths", false),
        Column::new("areas_for_improvement", "Areas for improvement", false),
        Column::new("narrative", "Narrative", false).aka(&["account"]),
    ]);
    cols
}

fn category_score_label(c: EvidenceCategory) -> &'static str {
    match c {
        EvidenceCategory::PeoplesExperience => "Score: people's experience",
        EvidenceCategory::StaffAndLeaders => "Score: staff and leaders",
        EvidenceCategory::Partners => "Score: partners",
        EvidenceCategory::Processes => "Score: processes",
        EvidenceCategory::Observation => "Score: observation",
        EvidenceCategory::Outcomes => "Score: outcomes",
    }
}

impl Workbook {
    /// The workbook as an Excel file (.xlsx): an About sheet, the statements, the three
    /// registers, and a sheet for each preparation part and the history that has items, with
    /// drop-down lists, real dates shown as dd/mm/yyyy, frozen header rows and
    /// wrapped text (see the sheets in the module documentation).
    /// [`Workbook::from_xlsx`] reads it back to the same workbook.
    ///
    /// Fails with [`Error::InvalidValue`] at the field when a text is longer than an Excel cell
    /// holds (32,767 characters).
    ///
    /// ```
    /// use cqc_assurance::Workbook;
    /// let wb = Workbook::from_json(include_str!("../../../../examples/liverpool-workbook.json")).unwrap();
    /// let bytes = wb.to_xlsx().unwrap();
    /// assert_eq!(&bytes[..2], b"PK"); // a zip file, as every .xlsx is
    /// assert_eq!(Workbook::from_xlsx(&bytes).unwrap(), wb);
    /// ```
    pub fn to_xlsx(&self) -> Result<Vec<u8>> {
        let f = Formats::new();
        let mut book = XlsxBook::new();
        let mark = self.protective_marking.as_deref();
        book.set_properties(
            &DocProperties::new()
                .set_title(format!("Self-assessment workbook: {}", self.council))
                .set_comment("Written by cqc-assurance (workbook format version 1)"),
        );
        self.about_sheet(&mut book, &f, mark)?;
        self.statements_sheet(&mut book, &f, mark)?;
        let categories: Vec<&str> = crate::EvidenceCategory::ALL
            .into_iter()
            .filter(|c| c.applies_to_local_authorities())
            .map(|c| c.name())
            .collect();
        let qs: Vec<String> = QualityStatement::ALL
            .iter()
            .map(|q| format!("QS{}", q.number()))
            .collect();
        let qs: Vec<&str> = qs.iter().map(String::as_str).collect();
        let statuses: Vec<&str> = ActionStatus::ALL.iter().map(|s| s.label()).collect();
        let rags: Vec<&str> = Rag::ALL.iter().map(|r| r.label()).collect();
        let evidence = SheetLayout {
            name: EVIDENCE,
            widths: &[10.0, 44.0, 26.0, 22.0, 20.0, 12.0, 12.0, 12.0, 30.0, 30.0],
            lists: &[(2, &categories, "Evidence category")],
            date_columns: &[5, 6, 7],
        };
        register_sheet(&mut book, evidence, &self.evidence, &f, mark)?;
        let actions = SheetLayout {
            name: ACTIONS,
            widths: &[10.0, 10.0, 44.0, 20.0, 12.0, 13.0, 9.0, 12.0, 50.0, 30.0],
            lists: &[
                (1, &qs, "Quality statement"),
                (5, &statuses, "Status"),
                (6, &rags, "RAG"),
            ],
            date_columns: &[4, 7],
        };
        register_sheet(&mut book, actions, &self.actions, &f, mark)?;
        let indicators = SheetLayout {
            name: INDICATORS,
            widths: &[
                44.0, 26.0, 12.0, 12.0, 10.0, 10.0, 10.0, 7.0, 16.0, 10.0, 36.0, 30.0,
            ],
            lists: &[(4, &["Yes", "No"], "Higher is better")],
            date_columns: &[],
        };
        register_sheet(&mut book, indicators, &self.indicators, &f, mark)?;
        if !self.information_return.is_empty() {
            let kinds: Vec<&str> = ReturnItemKind::ALL.iter().map(|k| k.label()).collect();
            let statuses: Vec<&str> = ReturnItemStatus::ALL.iter().map(|s| s.label()).collect();
            let layout = SheetLayout {
                name: INFORMATION_RETURN,
                widths: &[14.0, 44.0, 10.0, 22.0, 20.0, 12.0, 13.0, 16.0, 30.0, 30.0],
                lists: &[(2, &kinds, "Kind"), (6, &statuses, "Status")],
                date_columns: &[5],
            };
            register_sheet(&mut book, layout, &self.information_return, &f, mark)?;
        }
        if !self.case_tracking.is_empty() {
            let statuses: Vec<&str> = CaseStatus::ALL.iter().map(|s| s.label()).collect();
            let layout = SheetLayout {
                name: CASES,
                widths: &[12.0, 30.0, 22.0, 12.0, 40.0],
                lists: &[(3, &statuses, "Status")],
                date_columns: &[],
            };
            register_sheet(&mut book, layout, &self.case_tracking, &f, mark)?;
        }
        if !self.interviews.is_empty() {
            let roles: Vec<&str> = InterviewRole::ALL.iter().map(|r| r.label()).collect();
            let layout = SheetLayout {
                name: INTERVIEWS,
                widths: &[30.0, 12.0, 13.0, 22.0, 40.0],
                lists: &[(0, &roles, "Role")],
                date_columns: &[1],
            };
            register_sheet(&mut book, layout, &self.interviews, &f, mark)?;
        }
        if !self.history.is_empty() {
            let mut widths = vec![12.0, 24.0];
            widths.extend([9.0; 18]);
            widths.push(40.0);
            let layout = SheetLayout {
                name: HISTORY,
                widths: &widths,
                lists: &[],
                date_columns: &[0],
            };
            register_sheet(&mut book, layout, &self.history, &f, mark)?;
        }
        book.save_to_buffer().map_err(|e| write_error(e, "."))
    }

    fn about_sheet(&self, book: &mut XlsxBook, f: &Formats, mark: Option<&str>) -> Result<()> {
        let at = |e: XlsxError| write_error(e, ABOUT);
        let ws = book.add_worksheet();
        ws.set_name(ABOUT).map_err(at)?;
        header(
            ws,
            &["Field", "Value", "What it is"],
            &[30.0, 60.0, 70.0],
            f,
            0,
        )
        .map_err(at)?;
        let timeline = self
            .timeline
            .as_ref()
            .map(|t| serde_json::to_string(t).unwrap_or_default());
        let method = match self.method {
            RatingMethod::Current => "current",
            RatingMethod::Earlier => "earlier",
        };
        let values = [
            Cell::text(self.council.as_str()),
            Cell::Number(f64::from(WORKBOOK_VERSION)),
            Cell::opt_text(self.protective_marking.as_deref()),
            Cell::text(method),
            Cell::Number(f64::from(self.review_after_months)),
            Cell::opt_text(self.notes.as_deref()),
            Cell::opt_text(timeline.as_deref()),
        ];
        for (i, ((label, key, what), value)) in ABOUT_FIELDS.iter().zip(&values).enumerate() {
            let r = i as u32 + 1;
            ws.write_string_with_format(r, 0, *label, &f.bold)
                .map_err(at)?;
            put(ws, r, 1, value, f).map_err(|e| write_error(e, key))?;
            ws.write_string_with_format(r, 2, *what, &f.text)
                .map_err(at)?;
        }
        let dv = DataValidation::new()
            .allow_list_strings(&["current", "earlier"])
            .and_then(|d| d.set_input_title("Rating method"))
            .map_err(at)?;
        ws.add_data_validation(4, 1, 4, 1, &dv).map_err(at)?;
        // The read-me, below a blank row: not read back.
        let first = ABOUT_FIELDS.len() as u32 + 2;
        ws.write_string_with_format(first, 0, "Sheets in this workbook", &f.header)
            .map_err(at)?;
        ws.write_string_with_format(first, 1, "What each holds", &f.header)
            .map_err(at)?;
        for (i, (sheet, text)) in README.iter().enumerate() {
            let r = first + 1 + i as u32;
            ws.write_string_with_format(r, 0, *sheet, &f.bold)
                .map_err(at)?;
            ws.write_string_with_format(r, 1, *text, &f.text)
                .map_err(at)?;
        }
        marking(ws, mark);
        ws.set_active(true);
        Ok(())
    }

    fn statements_sheet(&self, book: &mut XlsxBook, f: &Formats, mark: Option<&str>) -> Result<()> {
        let at = |e: XlsxError| write_error(e, STATEMENTS);
        let ws = book.add_worksheet();
        ws.set_name(STATEMENTS).map_err(at)?;
        let columns = statement_columns(self.method);
        let labels: Vec<&str> = columns.iter().map(|c| c.label).collect();
        let widths: Vec<f64> = columns
            .iter()
            .map(|c| match c.name {
                "qs" => 6.0,
                "statement" => 36.0,
                "theme" => 22.0,
                "self_score" => 10.0,
                "p1" | "p2" | "p3" | "p4" => 7.0,
                "strengths" | "areas_for_improvement" | "narrative" => 55.0,
                _ => 12.0,
            })
            .collect();
        header(ws, &labels, &widths, f, 2).map_err(at)?;
        let col = |name: &str| columns.iter().position(|c| c.name == name).unwrap_or(0) as u16;
        for (i, e) in self.statements.iter().enumerate() {
            let r = i as u32 + 1;
            let qs = e.statement;
            let mut cells: Vec<(u16, Cell)> = vec![
                (col("qs"), Cell::text(format!("QS{}", qs.number()))),
                (col("statement"), Cell::text(qs.name())),
                (col("theme"), Cell::text(qs.theme().name())),
                (col("strengths"), Cell::text(bullets(&e.strengths))),
                (
                    col("areas_for_improvement"),
                    Cell::text(bullets(&e.areas_for_improvement)),
                ),
                (col("narrative"), Cell::opt_text(e.narrative.as_deref())),
            ];
            match &e.self_score {
                SelfScore::NotScored => {}
                SelfScore::Score(s) => {
                    cells.push((col("self_score"), Cell::Number(f64::from(s.get()))))
                }
                SelfScore::Distribution(d) => {
                    for (k, p) in d.get().iter().enumerate() {
                        cells.push((col(["p1", "p2", "p3", "p4"][k]), Cell::Number(*p)));
                    }
                }
                SelfScore::EvidenceCategories(ev) => {
                    for (c, s) in ev.iter() {
                        cells.push((col(c.id()), Cell::Number(f64::from(s.get()))));
                    }
                }
            }
            for (c, cell) in cells {
                let place = format!("statements.{}.{}", qs.id(), columns[c as usize].name);
                put(ws, r, c, &cell, f).map_err(|e| write_error(e, &place))?;
            }
        }
        for (c, column) in columns.iter().enumerate() {
            let c = c as u16;
            match column.name {
                "self_score" => list_validation(ws, c, &["1", "2", "3", "4"], "Self-score (1-4)"),
                "p1" | "p2" | "p3" | "p4" => {
                    let dv = DataValidation::new()
                        .allow_decimal_number(DataValidationRule::Between(0.0, 1.0))
                        .set_input_title("Probability (0 to 1)")
                        .and_then(|d| {
                            d.set_error_message(
                                "A probability from 0 to 1; P(1) to P(4) add up to 1.",
                            )
                        });
                    dv.and_then(|dv| ws.add_data_validation(1, c, 9, c, &dv).map(|_| ()))
                }
                "qs" | "statement" | "theme" => Ok(()),
                "strengths" | "areas_for_improvement" | "narrative" => {
                    ws.set_column_format(c, &f.text).map(|_| ())
                }
                _ => list_validation(ws, c, &["1", "2", "3", "4"], column.label),
            }
            .map_err(at)?;
        }
        marking(ws, mark);
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Reading.

/// What an Excel file gave, sheet by sheet.
struct XlsxRead {
    /// The workbook with its About and Statements sheets read, registers empty; `None` when
    /// they have problems (in `errors`).
    base: Option<Workbook>,
    evidence: TableRead<EvidenceItem>,
    actions: TableRead<Action>,
    indicators: TableRead<Indicator>,
    /// The preparation registers; `None` when the file has no such sheet.
    information_return: Option<TableRead<ReturnItem>>,
    case_tracking: Option<TableRead<TrackedCase>>,
    interviews: Option<TableRead<Interview>>,
    history: Option<TableRead<HistoryEntry>>,
    /// Problems of the file, the About sheet and the Statements sheet.
    errors: Vec<Error>,
    warnings: Vec<String>,
}

fn file_error(message: String) -> Error {
    Error::InvalidXlsx {
        path: ".".into(),
        message,
    }
}

fn sheet_error(sheet: &str, field: &str, message: String) -> Error {
    Error::InvalidXlsx {
        path: if field.is_empty() {
            sheet.to_string()
        } else {
            format!("{sheet}: {field}")
        },
        message,
    }
}

/// A calamine cell as a cell of this library.
fn cell_of(data: Option<&Data>) -> Cell {
    match data {
        None | Some(Data::Empty) => Cell::Empty,
        Some(Data::String(s)) => Cell::text(s.as_str()),
        Some(Data::Float(x)) => Cell::Number(*x),
        Some(Data::Int(i)) => Cell::Number(*i as f64),
        Some(Data::Bool(b)) => Cell::Bool(*b),
        Some(Data::DateTime(dt)) => {
            if dt.is_duration() {
                return Cell::Other("a duration".into());
            }
            if dt.as_f64().fract() != 0.0 {
                return Cell::Other("a date with a time of day".into());
            }
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match i16::try_from(y).ok().and_then(|y| Date::new(y, m as i8, d as i8).ok()) {
                Some(date) => Cell::Date(date),
                None => Cell::Other(format!(
                    "the date {d:02}/{m:02}/{y:04}, which does not exist (Excel's serial number {})",
                    number_text(dt.as_f64())
                )),
            }
        }
        Some(Data::DateTimeIso(s)) => {
            let date = s
                .get(..10)
                .and_then(|d| crate::timeline::parse_date(d, "").ok());
            let midnight = s.len() == 10
                || s[10..]
                    .trim_start_matches('T')
                    .trim_end_matches('Z')
                    .chars()
                    .all(|c| matches!(c, '0' | ':' | '.'));
            match date {
                Some(d) if midnight => Cell::Date(d),
                Some(_) => Cell::Other("a date with a time of day".into()),
                None => Cell::Other(format!("the date {s:?}")),
            }
        }
        Some(Data::DurationIso(_)) => Cell::Other("a duration".into()),
        Some(Data::Error(e)) => Cell::Other(format!("the error {e}")),
    }
}

/// A sheet as rows of cells (row numbers as Excel shows them), blank rows left out; the first
/// row is the header.
fn sheet_rows(range: &calamine::Range<Data>) -> (Vec<Cell>, Vec<SourceRow>) {
    let Some((last_row, last_col)) = range.end() else {
        return (Vec::new(), Vec::new());
    };
    let row = |r: u32| -> Vec<Cell> {
        (0..=last_col)
            .map(|c| cell_of(range.get_value((r, c))))
            .collect()
    };
    let header = row(0);
    let rows = (1..=last_row)
        .map(|r| SourceRow {
            row: u64::from(r) + 1,
            line: None,
            cells: row(r),
        })
        .filter(|r| r.cells.iter().any(|c| !c.is_empty()))
        .collect();
    (header, rows)
}

/// A number as a JSON value: whole numbers as integers (so that `12` months reads as a whole
/// number), others as they are.
fn json_number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        Value::from(x as i64)
    } else {
        serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
    }
}

/// A cell as the JSON value of a document field: numbers as numbers, text as text.
fn json_of(cell: &Cell) -> std::result::Result<Option<Value>, String> {
    Ok(match cell {
        Cell::Number(x) => Some(json_number(*x)),
        other => text_of(other)?.map(Value::String),
    })
}

fn read_xlsx(bytes: &[u8]) -> XlsxRead {
    let mut read = XlsxRead {
        base: None,
        evidence: empty_table(),
        actions: empty_table(),
        indicators: empty_table(),
        information_return: None,
        case_tracking: None,
        interviews: None,
        history: None,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let mut book: Xlsx<_> = match calamine::open_workbook_from_rs(Cursor::new(bytes)) {
        Ok(b) => b,
        Err(e) => {
            read.errors.push(file_error(format!(
                "this is not an Excel workbook (.xlsx) that can be read: {e}; save it from Excel as \"Excel Workbook (*.xlsx)\""
            )));
            return read;
        }
    };
    let names = book.sheet_names();
    let mut ranges: HashMap<&str, calamine::Range<Data>> = HashMap::new();
    for want in SHEETS {
        match names.iter().find(|n| n.eq_ignore_ascii_case(want)) {
            None => read.errors.push(sheet_error(
                want,
                "",
                format!(
                    "the workbook has no sheet named {want:?} (its sheets: {}); the file should be one written by `cqc-assurance workbook export-xlsx`",
                    names.join(", ")
                ),
            )),
            Some(n) => match book.worksheet_range(n) {
                Ok(r) => {
                    ranges.insert(want, r);
                }
                Err(e) => read
                    .errors
                    .push(sheet_error(want, "", format!("the sheet cannot be read: {e}"))),
            },
        }
    }
    for want in OPTIONAL_SHEETS {
        if let Some(n) = names.iter().find(|n| n.eq_ignore_ascii_case(want)) {
            match book.worksheet_range(n) {
                Ok(r) => {
                    ranges.insert(want, r);
                }
                Err(e) => read.errors.push(sheet_error(
                    want,
                    "",
                    format!("the sheet cannot be read: {e}"),
                )),
            }
        }
    }
    for n in &names {
        if !SHEETS
            .iter()
            .chain(OPTIONAL_SHEETS.iter())
            .any(|s| s.eq_ignore_ascii_case(n))
        {
            read.warnings.push(format!(
                "the sheet {n:?} is not part of the workbook and was not read"
            ));
        }
    }
    if !read.errors.is_empty() {
        return read;
    }
    let base = read_base(&ranges[ABOUT], &ranges[STATEMENTS], &mut read.errors);
    let (h, rows) = sheet_rows(&ranges[EVIDENCE]);
    read.evidence = read_table(Source::Sheet(EVIDENCE), &h, &rows);
    let (h, rows) = sheet_rows(&ranges[ACTIONS]);
    read.actions = read_table(Source::Sheet(ACTIONS), &h, &rows);
    let (h, rows) = sheet_rows(&ranges[INDICATORS]);
    read.indicators = read_table(Source::Sheet(INDICATORS), &h, &rows);
    read.information_return = ranges.get(INFORMATION_RETURN).map(|r| {
        let (h, rows) = sheet_rows(r);
        read_table(Source::Sheet(INFORMATION_RETURN), &h, &rows)
    });
    read.case_tracking = ranges.get(CASES).map(|r| {
        let (h, rows) = sheet_rows(r);
        read_table(Source::Sheet(CASES), &h, &rows)
    });
    read.interviews = ranges.get(INTERVIEWS).map(|r| {
        let (h, rows) = sheet_rows(r);
        read_table(Source::Sheet(INTERVIEWS), &h, &rows)
    });
    read.history = ranges.get(HISTORY).map(|r| {
        let (h, rows) = sheet_rows(r);
        read_table(Source::Sheet(HISTORY), &h, &rows)
    });
    read.base = base;
    read
}

fn empty_table<T>() -> TableRead<T> {
    TableRead {
        items: Vec::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
        rows: 0,
    }
}

/// Reads the About and Statements sheets into a workbook document (registers empty) and reads
/// that with the document reader, each of its errors placed back at its sheet, row and column.
fn read_base(
    about: &calamine::Range<Data>,
    statements: &calamine::Range<Data>,
    errors: &mut Vec<Error>,
) -> Option<Workbook> {
    let before = errors.len();
    let mut doc = Map::new();
    // About: label in column A, value in column B, down to the first row with no label.
    let mut about_row: HashMap<&str, u64> = HashMap::new();
    let (_, rows) = sheet_rows(about);
    for (expected_row, r) in (2..).zip(rows.iter()) {
        if r.row != expected_row {
            break; // the blank row before the read-me
        }
        let label = text_of(&r.cells[0]).ok().flatten().unwrap_or_default();
        let value = r.cells.get(1).cloned().unwrap_or(Cell::Empty);
        let Some((_, key, _)) = ABOUT_FIELDS
            .iter()
            .find(|(l, k, _)| normalise_name(l) == normalise_name(&label) || *k == label)
        else {
            if label.trim().is_empty() {
                break;
            }
            errors.push(Source::Sheet(ABOUT).error(
                r.row,
                None,
                Some(0),
                Some(&label),
                format!(
                    "{label:?} is not a field of the workbook (the fields: {})",
                    ABOUT_FIELDS.iter().map(|f| f.0).collect::<Vec<_>>().join(", ")
                ),
            ));
            continue;
        };
        if about_row.insert(key, r.row).is_some() {
            errors.push(Source::Sheet(ABOUT).error(
                r.row,
                None,
                Some(0),
                Some(key),
                format!("{label:?} is given twice"),
            ));
            continue;
        }
        let value = match *key {
            "timeline" => match text_of(&value) {
                Ok(None) => None,
                Ok(Some(t)) => match crate::json::parse(&t) {
                    Ok(v) => Some(v),
                    Err(e) => {
                        errors.push(Source::Sheet(ABOUT).error(
                            r.row,
                            None,
                            Some(1),
                            Some(key),
                            format!("the timeline is not valid JSON: {e}"),
                        ));
                        continue;
                    }
                },
                Err(m) => {
                    errors.push(Source::Sheet(ABOUT).error(r.row, None, Some(1), Some(key), m));
                    continue;
                }
            },
            _ => match json_of(&value) {
                Ok(v) => v,
                Err(m) => {
                    errors.push(Source::Sheet(ABOUT).error(r.row, None, Some(1), Some(key), m));
                    continue;
                }
            },
        };
        if let Some(v) = value {
            doc.insert((*key).to_string(), v);
        }
    }
    let method = match doc.get("method").and_then(Value::as_str) {
        Some(m) => RatingMethod::parse(m).unwrap_or_default(),
        None => RatingMethod::Current,
    };
    // Statements: one row per statement.
    let (header, rows) = sheet_rows(statements);
    let columns = statement_columns(method);
    let mut index: Vec<Option<usize>> = vec![None; columns.len()];
    let place = Source::Sheet(STATEMENTS);
    for (i, h) in header.iter().enumerate() {
        let h = text_of(h).ok().flatten().unwrap_or_default();
        match column_for(&h, &columns) {
            Some(k) if index[k].is_none() => index[k] = Some(i),
            Some(k) => errors.push(place.error(1, None, Some(i), Some(columns[k].name), format!("column {h:?} is given twice"))),
            None if h.trim().is_empty() => {}
            None => errors.push(place.error(
                1,
                None,
                Some(i),
                Some(&h),
                format!(
                    "{h:?} is not a column of the statements sheet under the {} method (its columns: {}); move what it holds into the narrative",
                    if method == RatingMethod::Current { "current" } else { "earlier" },
                    columns.iter().map(|c| c.label).collect::<Vec<_>>().join(", ")
                ),
            )),
        }
    }
    if index[0].is_none() && index[1].is_none() {
        errors.push(place.error(
            1,
            None,
            None,
            Some("qs"),
            "the first row has no QS column saying which statement each row is".into(),
        ));
    }
    if errors.len() > before {
        return None;
    }
    let mut entries = Map::new();
    let mut statement_row: HashMap<&'static str, u64> = HashMap::new();
    for r in &rows {
        let row = StatementRow {
            row: r,
            columns: &columns,
            index: &index,
        };
        match row.read(method) {
            Err(list) => errors.extend(list),
            Ok((qs, entry)) => {
                if let Some(first) = statement_row.get(qs.id()) {
                    errors
                        .push(row.error("qs", format!("QS{} is also on row {first}", qs.number())));
                    continue;
                }
                statement_row.insert(qs.id(), r.row);
                entries.insert(qs.id().to_string(), Value::Object(entry));
            }
        }
    }
    if errors.len() > before {
        return None;
    }
    doc.insert("statements".into(), Value::Object(entries));
    match Workbook::from_value_all(&Value::Object(doc)) {
        Ok(wb) => Some(wb),
        Err(list) => {
            for e in list {
                errors.push(place_document_error(
                    e,
                    &about_row,
                    &statement_row,
                    &columns,
                    &index,
                ));
            }
            None
        }
    }
}

/// One row of the statements sheet.
struct StatementRow<'a> {
    row: &'a SourceRow,
    columns: &'a [Column],
    index: &'a [Option<usize>],
}

impl StatementRow<'_> {
    fn position(&self, name: &str) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.name == name)
            .and_then(|k| self.index[k])
    }

    fn get(&self, name: &str) -> Cell {
        self.position(name)
            .and_then(|i| self.row.cells.get(i).cloned())
            .unwrap_or(Cell::Empty)
    }

    fn error(&self, name: &str, message: String) -> Error {
        Source::Sheet(STATEMENTS).error(
            self.row.row,
            None,
            self.position(name),
            Some(name),
            message,
        )
    }

    /// A number cell, or its problem.
    fn number(&self, name: &str, errors: &mut Vec<Error>) -> Option<Value> {
        number_of(&self.get(name))
            .map_err(|m| errors.push(self.error(name, m)))
            .ok()
            .flatten()
            .map(json_number)
    }

    /// A probability: a number, or text such as `50%` (a half).
    fn probability(&self, name: &str, errors: &mut Vec<Error>) -> Option<Value> {
        match self.get(name) {
            Cell::Text(t) if t.trim().ends_with('%') => match number_of(&Cell::text(t.as_str())) {
                Ok(x) => x.map(|x| json_number(x / 100.0)),
                Err(m) => {
                    errors.push(self.error(name, m));
                    None
                }
            },
            _ => self.number(name, errors),
        }
    }

    /// The statement the row is for, and its entry as the document writes it.
    fn read(
        &self,
        method: RatingMethod,
    ) -> std::result::Result<(QualityStatement, Map<String, Value>), Vec<Error>> {
        let mut errors = Vec::new();
        // Which statement: the QS column, else the name.
        let qs_text = text_of(&self.get("qs")).ok().flatten();
        let name_text = text_of(&self.get("statement")).ok().flatten();
        let by = |t: &Option<String>| t.as_deref().map(QualityStatement::parse);
        let qs = match (by(&qs_text), by(&name_text)) {
            (Some(Ok(a)), Some(Ok(b))) if a != b => {
                return Err(vec![self.error(
                    "qs",
                    format!(
                        "the QS column says {} but the statement is {:?}",
                        qs_text.unwrap_or_default(),
                        b.name()
                    ),
                )])
            }
            (Some(Ok(q)), _) | (None, Some(Ok(q))) => q,
            (Some(Err(e)), _) | (None, Some(Err(e))) => {
                let column = if qs_text.is_some() { "qs" } else { "statement" };
                let text = e.to_string();
                let text = text.strip_prefix(".: ").unwrap_or(&text).to_string();
                return Err(vec![self.error(column, text)]);
            }
            (None, None) => {
                return Err(vec![self.error(
                    "qs",
                    "the row does not say which statement it is: give its QS number".into(),
                )])
            }
        };
        let mut entry = Map::new();
        match method {
            RatingMethod::Current => {
                let plain = self.number("self_score", &mut errors);
                let ps: Vec<Option<Value>> = ["p1", "p2", "p3", "p4"]
                    .iter()
                    .map(|p| self.probability(p, &mut errors))
                    .collect();
                let any_p = ps.iter().any(Option::is_some);
                match (plain, any_p) {
                    (Some(s), false) => {
                        entry.insert("self_score".into(), s);
                    }
                    (None, true) => {
                        let list = ps
                            .into_iter()
                            .map(|p| p.unwrap_or(Value::from(0)))
                            .collect();
                        entry.insert("self_score".into(), Value::Array(list));
                    }
                    (Some(s), true) => {
                        // Both: fine when they say the same (the score certain).
                        let certain = s.as_u64().filter(|k| (1..=4).contains(k)).is_some_and(|k| {
                            ps.iter().enumerate().all(|(i, p)| {
                                let p = p.as_ref().and_then(Value::as_f64).unwrap_or(0.0);
                                p == if i as u64 + 1 == k { 1.0 } else { 0.0 }
                            })
                        });
                        if certain {
                            entry.insert("self_score".into(), s);
                        } else {
                            errors.push(self.error("self_score", "both a self-score and the probabilities P(1)-P(4) are given, and they disagree: clear the probabilities to use the self-score, or clear the self-score to use the probabilities".into()));
                        }
                    }
                    (None, false) => {}
                }
            }
            RatingMethod::Earlier => {
                let mut cats = Map::new();
                for c in EvidenceCategory::local_authority_categories() {
                    if let Some(v) = self.number(c.id(), &mut errors) {
                        cats.insert(c.id().to_string(), v);
                    }
                }
                if !cats.is_empty() {
                    entry.insert("evidence_scores".into(), Value::Object(cats));
                }
            }
        }
        for list in ["strengths", "areas_for_improvement"] {
            match text_of(&self.get(list)) {
                Ok(t) => {
                    let items = t.as_deref().map(bullets_of).unwrap_or_default();
                    entry.insert(
                        list.into(),
                        Value::Array(items.into_iter().map(Value::String).collect()),
                    );
                }
                Err(m) => errors.push(self.error(list, m)),
            }
        }
        match text_of(&self.get("narrative")) {
            Ok(Some(t)) => {
                entry.insert("narrative".into(), Value::String(t));
            }
            Ok(None) => {}
            Err(m) => errors.push(self.error("narrative", m)),
        }
        if errors.is_empty() {
            Ok((qs, entry))
        } else {
            Err(errors)
        }
    }
}

/// A document reader's error on the About or Statements sheet, at its row and column.
fn place_document_error(
    e: Error,
    about_row: &HashMap<&str, u64>,
    statement_row: &HashMap<&'static str, u64>,
    columns: &[Column],
    index: &[Option<usize>],
) -> Error {
    let path = e.path().unwrap_or(".").to_string();
    let text = e.to_string();
    let text = text
        .strip_prefix(&format!("{path}: "))
        .unwrap_or(&text)
        .to_string();
    let message = format!("{text} [{}]", e.code());
    let mut parts = path.split('.');
    let first = parts.next().unwrap_or("");
    if first == "statements" {
        let id = parts.next().unwrap_or("");
        let field = parts.next().unwrap_or("");
        let field = field.split('[').next().unwrap_or("");
        let column = match field {
            "self_score" if path.contains("self_score[") => {
                let k = path
                    .split("self_score[")
                    .nth(1)
                    .and_then(|s| s.chars().next())
                    .and_then(|c| c.to_digit(10));
                format!("p{}", k.map_or(1, |k| k + 1))
            }
            "evidence_scores" => parts.next().unwrap_or("").to_string(),
            other => other.to_string(),
        };
        return match statement_row.get(id) {
            Some(row) => {
                let k = columns.iter().position(|c| c.name == column);
                Source::Sheet(STATEMENTS).error(
                    *row,
                    None,
                    k.and_then(|k| index[k]),
                    Some(if k.is_some() { column.as_str() } else { "qs" }),
                    message,
                )
            }
            None => sheet_error(STATEMENTS, id, message),
        };
    }
    let key = first.split('[').next().unwrap_or("");
    match about_row.get(key) {
        Some(row) => Source::Sheet(ABOUT).error(*row, None, Some(1), Some(key), message),
        None => sheet_error(
            ABOUT,
            if key.is_empty() || key == "." {
                ""
            } else {
                key
            },
            message,
        ),
    }
}

/// The items of an optional table (none when the sheet is absent).
fn items_of<T>(t: Option<TableRead<T>>) -> Vec<T> {
    t.map(|t| t.items.into_iter().map(|(_, i)| i).collect())
        .unwrap_or_default()
}

fn table_rows<T>(t: &TableRead<T>) -> (usize, usize) {
    (t.rows, t.rows - t.items.len())
}

impl Workbook {
    /// Reads a workbook from an Excel file written by [`Workbook::to_xlsx`] (and perhaps edited
    /// in Excel since), every problem reported with its sheet, row and column.
    pub fn from_xlsx(bytes: &[u8]) -> std::result::Result<Workbook, Vec<Error>> {
        let read = read_xlsx(bytes);
        let mut errors = read.errors;
        for e in [
            &read.evidence.errors,
            &read.actions.errors,
            &read.indicators.errors,
        ] {
            errors.extend(e.iter().cloned());
        }
        for e in [
            read.information_return.as_ref().map(|t| &t.errors),
            read.case_tracking.as_ref().map(|t| &t.errors),
            read.interviews.as_ref().map(|t| &t.errors),
            read.history.as_ref().map(|t| &t.errors),
        ]
        .into_iter()
        .flatten()
        {
            errors.extend(e.iter().cloned());
        }
        match read.base {
            Some(mut wb) if errors.is_empty() => {
                wb.evidence = read.evidence.items.into_iter().map(|(_, i)| i).collect();
                wb.actions = read.actions.items.into_iter().map(|(_, i)| i).collect();
                wb.indicators = read.indicators.items.into_iter().map(|(_, i)| i).collect();
                wb.information_return = items_of(read.information_return);
                wb.case_tracking = items_of(read.case_tracking);
                wb.interviews = items_of(read.interviews);
                wb.history = items_of(read.history);
                wb.validated()
            }
            _ => {
                if errors.is_empty() {
                    errors.push(file_error("the workbook could not be read".into()));
                }
                Err(errors)
            }
        }
    }

    /// Imports a whole workbook from an Excel file into this one, with the CSV imports' rules
    /// (see [`Workbook::import_csv`]): the About and Statements sheets replace this
    /// workbook's settings and statements, and each register is replaced (or merged by key)
    /// by its sheet. Nothing is to be written (`workbook` is `None`) when a sheet has a
    /// problem, unless the only problems are register rows and `keep_good_rows` is given;
    /// nor when a register would lose items without `allow_fewer`.
    pub fn import_xlsx(&self, bytes: &[u8], options: &ImportOptions) -> WorkbookImport {
        let read = read_xlsx(bytes);
        let mut import = WorkbookImport {
            workbook: None,
            errors: read.errors,
            warnings: read.warnings,
            rows: 0,
            rejected: 0,
            changes: Vec::new(),
        };
        let fatal = !import.errors.is_empty() || read.base.is_none();
        for (rows, rejected) in [
            table_rows(&read.evidence),
            table_rows(&read.actions),
            table_rows(&read.indicators),
        ]
        .into_iter()
        .chain(read.information_return.as_ref().map(table_rows))
        .chain(read.case_tracking.as_ref().map(table_rows))
        .chain(read.interviews.as_ref().map(table_rows))
        .chain(read.history.as_ref().map(table_rows))
        {
            import.rows += rows;
            import.rejected += rejected;
        }
        let mut wb = match read.base {
            Some(base) => base,
            None => self.clone(),
        };
        let mut row_errors = Vec::new();
        let mut other_errors = Vec::new();
        macro_rules! part {
            ($part:expr, $table:expr, $field:ident) => {{
                let table = $table;
                import.warnings.extend(table.warnings);
                let header_problem = table.rows == 0 && !table.errors.is_empty();
                let table_rejected = !table.errors.is_empty();
                if header_problem {
                    other_errors.extend(table.errors);
                } else {
                    row_errors.extend(table.errors);
                }
                let items = table.items.into_iter().map(|(_, i)| i).collect();
                match combine($part, &self.$field, items, options.mode) {
                    Ok((list, change)) => {
                        if change.after < change.before
                            && !options.allow_fewer
                            && (options.keep_good_rows || !table_rejected)
                        {
                            other_errors.push(fewer_items(&change));
                        }
                        wb.$field = list;
                        import.changes.push(change);
                    }
                    Err(e) => other_errors.push(e),
                }
            }};
        }
        part!(WorkbookPart::Evidence, read.evidence, evidence);
        part!(WorkbookPart::Actions, read.actions, actions);
        part!(WorkbookPart::Indicators, read.indicators, indicators);
        // A preparation sheet the file does not have leaves its part as it is (a file written
        // before the parts existed, or by a workbook without them).
        match read.information_return {
            Some(t) => part!(WorkbookPart::InformationReturn, t, information_return),
            None => wb.information_return = self.information_return.clone(),
        }
        match read.case_tracking {
            Some(t) => part!(WorkbookPart::CaseTracking, t, case_tracking),
            None => wb.case_tracking = self.case_tracking.clone(),
        }
        match read.interviews {
            Some(t) => part!(WorkbookPart::Interviews, t, interviews),
            None => wb.interviews = self.interviews.clone(),
        }
        match read.history {
            Some(t) => part!(WorkbookPart::History, t, history),
            None => wb.history = self.history.clone(),
        }
        let refused = fatal
            || !other_errors.is_empty()
            || (!row_errors.is_empty() && !options.keep_good_rows);
        import.errors.extend(row_errors);
        import.errors.extend(other_errors);
        if refused {
            return import;
        }
        match wb.validated() {
            Ok(wb) => import.workbook = Some(wb),
            Err(errors) => import.errors.extend(errors),
        }
        import
    }
}
