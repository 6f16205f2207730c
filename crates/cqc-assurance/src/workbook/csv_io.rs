//! The workbook's registers as CSV files that Excel opens right and that read back exactly:
//! the evidence register, the action plan and the indicators (the formats are described in the
//! `workbook` module's documentation, under "CSV files").

use serde::{Serialize, Serializer};

use crate::error::{Error, ErrorReport};

use super::rows::{read_table, table_cells, Register, Source, SourceRow, Style};
use super::table::{read_csv_table, unguarded, Cell};
use super::{Action, EvidenceItem, HistoryEntry, Indicator, Interview, ReturnItem, TrackedCase};

/// The columns of the evidence register CSV, in the order [`evidence_to_csv`] writes them.
/// `supports` holds statement ids separated by `;`. On import, columns may come in any order
/// and headers are matched ignoring case and punctuation (`Review by` is `review_by`); `owner`,
/// `review_by`, `expires`, `link` and `notes` may be left out.
pub const EVIDENCE_CSV_COLUMNS: [&str; 10] = [
    "id",
    "title",
    "category",
    "supports",
    "owner",
    "date",
    "review_by",
    "expires",
    "link",
    "notes",
];

/// The columns of the action plan CSV, in the order [`actions_to_csv`] writes them. `status`
/// and `rag` are written as in documents (`in_progress`, `amber`) and read as their labels too
/// (`In progress`, `Amber`, `A`); `progress` holds one note per line, `YYYY-MM-DD: text`, a line
/// break inside a note being followed by two spaces. `statement`, `owner`, `rag`, `updated`,
/// `progress`, `you_said`, `evidence` (evidence ids separated by `;`) and `notes` may be left
/// out.
pub const ACTION_CSV_COLUMNS: [&str; 12] = [
    "id",
    "statement",
    "description",
    "owner",
    "due",
    "status",
    "rag",
    "updated",
    "progress",
    "you_said",
    "evidence",
    "notes",
];

/// The columns of the indicators CSV, in the order [`indicators_to_csv`] writes them. `value`
/// is empty where the council's figure is not entered yet; `higher_is_better` is `true` or
/// `false` (read as yes / no too); `statements` holds statement ids separated by `;`. `year`,
/// `england_year`, `unit`, `statements`, `similar_within`, `reference` and `notes` may be left
/// out.
pub const INDICATOR_CSV_COLUMNS: [&str; 12] = [
    "name",
    "collection",
    "value",
    "england_average",
    "higher_is_better",
    "year",
    "england_year",
    "unit",
    "statements",
    "similar_within",
    "reference",
    "notes",
];

/// What a CSV file of a register gave: the items of its good rows, and one error per problem
/// (`line 4: category`), so that nothing is dropped without a word.
///
/// ```
/// use cqc_assurance::evidence_from_csv;
/// let csv = "id,title,category,supports,date\n\
///            EV1,Carers' survey,peoples-experience,assessing-needs;equity,30/11/2024\n\
///            EV2,Audit,vibes,safeguarding,2024-12-01\n";
/// let import = evidence_from_csv(csv);
/// assert_eq!(import.items.len(), 1);
/// assert_eq!(import.items[0].date.to_string(), "2024-11-30");
/// assert_eq!(import.errors[0].code(), "invalid_csv");
/// assert_eq!(import.errors[0].path(), Some("line 3: category"));
/// assert_eq!(import.rows, 2);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct CsvImport<T> {
    /// The good rows' items, in file order.
    pub items: Vec<T>,
    /// Problems with the file, the header or rows, in file order.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "Vec<ErrorReport>"),
        schemars(with = "Vec<ErrorReport>")
    )]
    pub errors: Vec<Error>,
    /// What the reader noticed and did that a person should know: an encoding guessed, a
    /// separator other than the comma, extra columns kept in notes.
    pub warnings: Vec<String>,
    /// The data rows read (blank rows not counted): `rows - items.len()` rows were rejected.
    pub rows: usize,
}

/// The evidence register read from CSV.
pub type EvidenceImport = CsvImport<EvidenceItem>;

impl<T: Serialize> Serialize for CsvImport<T> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a, T> {
            items: &'a [T],
            errors: Vec<ErrorReport>,
            warnings: &'a [String],
            rows: usize,
        }
        Out {
            items: &self.items,
            errors: self.errors.iter().map(Error::report).collect(),
            warnings: &self.warnings,
            rows: self.rows,
        }
        .serialize(s)
    }
}

/// Reads a register from the bytes of a CSV file, every row checked as the workbook checks
/// its items.
pub(crate) fn from_csv_bytes<T: Register>(bytes: &[u8]) -> CsvImport<T> {
    let table = match read_csv_table(bytes, T::COLUMNS) {
        Ok(t) => t,
        Err(e) => {
            return CsvImport {
                items: Vec::new(),
                errors: vec![e],
                warnings: Vec::new(),
                rows: 0,
            }
        }
    };
    let cell = |c: &String| Cell::text(unguarded(c));
    let header: Vec<Cell> = table.header.cells.iter().map(cell).collect();
    let rows: Vec<SourceRow> = table
        .rows
        .iter()
        .map(|r| SourceRow {
            row: r.row,
            line: Some(r.line),
            cells: r.cells.iter().map(cell).collect(),
        })
        .collect();
    let read = read_table::<T>(Source::Csv, &header, &rows);
    let mut warnings = table.warnings;
    warnings.extend(read.warnings);
    CsvImport {
        items: read.items.into_iter().map(|(_, item)| item).collect(),
        errors: read.errors,
        warnings,
        rows: read.rows,
    }
}

/// Writes a register as CSV (see the module documentation).
pub(crate) fn to_csv<T: Register>(items: &[T]) -> String {
    let (header, rows) = table_cells(items, Style::Csv);
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // `unreachable!` rather than `expect`: `expect` would format the csv and io errors,
    // bringing their messages into the WebAssembly module for branches that never run.
    w.write_record(header)
        .unwrap_or_else(|_| unreachable!("writing to memory cannot fail"));
    for row in rows {
        w.write_record(row.iter().map(|c| c.csv().into_owned()))
            .unwrap_or_else(|_| unreachable!("writing to memory cannot fail"));
    }
    let bytes = w
        .into_inner()
        .unwrap_or_else(|_| unreachable!("writing to memory cannot fail"));
    let text =
        String::from_utf8(bytes).unwrap_or_else(|_| unreachable!("the fields were all UTF-8"));
    format!("\u{feff}{text}")
}

/// Reads an evidence register from CSV text (see [`evidence_from_csv_bytes`] for a file's
/// bytes). Every row is checked as the workbook checks evidence items (a known evidence category
/// used for councils, existing statements, real dates, an id used once); a bad row is reported
/// as [`Error::InvalidCsv`] at `line N: column` and left out of `items`, the others are kept:
/// whether to use them is the caller's decision (the `workbook import-evidence` command writes
/// nothing unless every row is good, or it is told to keep the good ones).
pub fn evidence_from_csv(text: &str) -> EvidenceImport {
    from_csv_bytes(text.as_bytes())
}

/// Reads an evidence register from the bytes of a CSV file, in any encoding Excel saves: see
/// the [CSV files](crate::workbook#csv-files) of the `workbook` module's documentation.
///
/// ```
/// use cqc_assurance::workbook::evidence_from_csv_bytes;
/// // Excel's plain "CSV (Comma delimited)" on UK Windows: Windows-1252, dates as dd/mm/yyyy.
/// let bytes = b"id;title;category;supports;date\r\nEV1;\xA3 spent on carers;processes;QS1;15/10/2026\r\n";
/// let import = evidence_from_csv_bytes(bytes);
/// assert!(import.errors.is_empty(), "{:?}", import.errors);
/// assert_eq!(import.items[0].title, "£ spent on carers");
/// assert_eq!(import.items[0].date.to_string(), "2026-10-15");
/// assert!(import.warnings.iter().any(|w| w.contains("Windows-1252")));
/// ```
pub fn evidence_from_csv_bytes(bytes: &[u8]) -> EvidenceImport {
    from_csv_bytes(bytes)
}

/// Writes an evidence register as CSV, columns as in [`EVIDENCE_CSV_COLUMNS`]: UTF-8 with a
/// byte-order mark, CRLF, formula-like cells guarded (see the module documentation).
///
/// ```
/// use cqc_assurance::{evidence_from_csv, evidence_to_csv, Workbook};
/// let wb = Workbook::from_json(include_str!("../../../../examples/liverpool-workbook.json")).unwrap();
/// let csv = evidence_to_csv(&wb.evidence);
/// assert!(csv.starts_with("\u{feff}id,title,category,supports,owner,date,review_by,expires,link,notes\r\n"));
/// assert_eq!(evidence_from_csv(&csv).items, wb.evidence);
/// ```
pub fn evidence_to_csv(items: &[EvidenceItem]) -> String {
    to_csv(items)
}

/// Reads an action plan from CSV text, columns as in [`ACTION_CSV_COLUMNS`] (see
/// [`evidence_from_csv`] for what is checked and reported).
///
/// ```
/// use cqc_assurance::workbook::{actions_from_csv, Rag};
/// let csv = "ID,Statement,Description,Due,Status,RAG,Progress\n\
///            A1,QS1,Carers' breaks offer,31/03/2026,In progress,A,\"2026-01-10: scoped\n2026-02-01: agreed\"\n";
/// let import = actions_from_csv(csv);
/// assert!(import.errors.is_empty(), "{:?}", import.errors);
/// assert_eq!(import.items[0].rag, Some(Rag::Amber));
/// assert_eq!(import.items[0].progress[1].note, "agreed");
/// ```
pub fn actions_from_csv(text: &str) -> CsvImport<Action> {
    from_csv_bytes(text.as_bytes())
}

/// Reads an action plan from the bytes of a CSV file (see [`evidence_from_csv_bytes`]).
pub fn actions_from_csv_bytes(bytes: &[u8]) -> CsvImport<Action> {
    from_csv_bytes(bytes)
}

/// Writes an action plan as CSV, columns as in [`ACTION_CSV_COLUMNS`].
///
/// ```
/// use cqc_assurance::Workbook;
/// use cqc_assurance::workbook::{actions_from_csv, actions_to_csv};
/// let wb = Workbook::from_json(include_str!("../../../../examples/liverpool-workbook.json")).unwrap();
/// assert_eq!(actions_from_csv(&actions_to_csv(&wb.actions)).items, wb.actions);
/// ```
pub fn actions_to_csv(actions: &[Action]) -> String {
    to_csv(actions)
}

/// Reads indicators from CSV text, columns as in [`INDICATOR_CSV_COLUMNS`] (see
/// [`evidence_from_csv`] for what is checked and reported). Numbers are written with a full
/// stop for decimals and no thousands separators; `61.2%` is read as 61.2.
///
/// ```
/// use cqc_assurance::workbook::indicators_from_csv;
/// let csv = "name,collection,value,england_average,higher_is_better,year,england_year\n\
///            Carers with control,SACE,14.36,21.53,yes,2024-25,2023-24\n";
/// let import = indicators_from_csv(csv);
/// assert!(import.errors.is_empty(), "{:?}", import.errors);
/// assert_eq!(import.items[0].england_year.as_deref(), Some("2023-24"));
/// ```
pub fn indicators_from_csv(text: &str) -> CsvImport<Indicator> {
    from_csv_bytes(text.as_bytes())
}

/// Reads indicators from the bytes of a CSV file (see [`evidence_from_csv_bytes`]).
pub fn indicators_from_csv_bytes(bytes: &[u8]) -> CsvImport<Indicator> {
    from_csv_bytes(bytes)
}

/// Writes indicators as CSV, columns as in [`INDICATOR_CSV_COLUMNS`].
///
/// ```
/// use cqc_assurance::Workbook;
/// use cqc_assurance::workbook::{indicators_from_csv, indicators_to_csv};
/// let wb = Workbook::starter("Anytown");
/// assert_eq!(indicators_from_csv(&indicators_to_csv(&wb.indicators)).items, wb.indicators);
/// ```
pub fn indicators_to_csv(indicators: &[Indicator]) -> String {
    to_csv(indicators)
}

/// The columns of the information return CSV, in the order [`information_return_to_csv`]
/// writes them: `kind` is `document` or `data`, `status` one of `not_started`, `in_progress`,
/// `ready`, `submitted` (labels read too); `statements` and `evidence` (evidence ids) hold
/// lists separated by `;`. `statements`, `owner`, `due`, `evidence`, `source` and `notes` may be
/// left out.
pub const INFORMATION_RETURN_CSV_COLUMNS: [&str; 10] = [
    "reference",
    "title",
    "kind",
    "statements",
    "owner",
    "due",
    "status",
    "evidence",
    "source",
    "notes",
];

/// The columns of the case-tracking CSV: `status` is `offered`, `selected`, `contacted` or
/// `done`. No column is for personal data; a column the file adds is kept in the case's notes
/// and checked like them (the analysis warns when a field looks like a name, an NHS number or a
/// date of birth).
pub const CASE_TRACKING_CSV_COLUMNS: [&str; 5] =
    ["reference", "pathway", "statements", "status", "notes"];

/// The columns of the interviews CSV: `role` one of the roles CQC interviews
/// ([`InterviewRole`](crate::workbook::InterviewRole)), `time` `HH:MM` or `HH:MM-HH:MM`.
pub const INTERVIEW_CSV_COLUMNS: [&str; 5] = ["role", "date", "time", "statements", "notes"];

/// Reads an information return tracker from the bytes of a CSV file, columns as in
/// [`INFORMATION_RETURN_CSV_COLUMNS`] (see [`evidence_from_csv_bytes`] for what is checked).
///
/// ```
/// use cqc_assurance::workbook::{information_return_from_csv_bytes, information_return_to_csv};
/// let csv = "reference,title,kind,status\nGeneral IR1,Self-assessment,document,in_progress\n";
/// let import = information_return_from_csv_bytes(csv.as_bytes());
/// assert_eq!(import.items.len(), 1);
/// let again = information_return_from_csv_bytes(information_return_to_csv(&import.items).as_bytes());
/// assert_eq!(again.items, import.items);
/// ```
pub fn information_return_from_csv_bytes(bytes: &[u8]) -> CsvImport<ReturnItem> {
    from_csv_bytes(bytes)
}

/// Writes an information return tracker as CSV.
pub fn information_return_to_csv(items: &[ReturnItem]) -> String {
    to_csv(items)
}

/// Reads a case-tracking register from the bytes of a CSV file, columns as in
/// [`CASE_TRACKING_CSV_COLUMNS`].
///
/// ```
/// use cqc_assurance::workbook::case_tracking_from_csv_bytes;
/// let csv = "reference,pathway,status\nCT-01,Hospital discharge,closed\n";
/// let import = case_tracking_from_csv_bytes(csv.as_bytes());
/// assert_eq!(import.errors[0].path(), Some("line 2: status"));
/// ```
pub fn case_tracking_from_csv_bytes(bytes: &[u8]) -> CsvImport<TrackedCase> {
    from_csv_bytes(bytes)
}

/// Writes a case-tracking register as CSV.
pub fn case_tracking_to_csv(cases: &[TrackedCase]) -> String {
    to_csv(cases)
}

/// Reads an interview schedule from the bytes of a CSV file, columns as in
/// [`INTERVIEW_CSV_COLUMNS`].
///
/// ```
/// use cqc_assurance::workbook::{interviews_from_csv_bytes, InterviewRole};
/// let csv = "role,date,time\nDASS,2024-03-12,09:00\n";
/// assert_eq!(interviews_from_csv_bytes(csv.as_bytes()).items[0].role, InterviewRole::Dass);
/// ```
pub fn interviews_from_csv_bytes(bytes: &[u8]) -> CsvImport<Interview> {
    from_csv_bytes(bytes)
}

/// Writes an interview schedule as CSV.
pub fn interviews_to_csv(interviews: &[Interview]) -> String {
    to_csv(interviews)
}

/// The columns of the history CSV: `date`, `label`, the nine self-scores under their statement
/// ids (a score 1-4, or four probabilities separated by `;`: `0; 0.5; 0.5; 0`), CQC's nine
/// published scores (`published_assessing-needs`...), and `published_source`. Only `date` is
/// required; a column that is not one of these is refused (an earlier self-assessment has no
/// notes to keep it in).
pub const HISTORY_CSV_COLUMNS: [&str; 21] = [
    "date",
    "label",
    "assessing-needs",
    "supporting-healthier-lives",
    "equity",
    "care-provision",
    "partnerships",
    "safe-systems",
    "safeguarding",
    "governance",
    "learning",
    "published_assessing-needs",
    "published_supporting-healthier-lives",
    "published_equity",
    "published_care-provision",
    "published_partnerships",
    "published_safe-systems",
    "published_safeguarding",
    "published_governance",
    "published_learning",
    "published_source",
];

/// Reads earlier self-assessments from the bytes of a CSV file, columns as in
/// [`HISTORY_CSV_COLUMNS`].
///
/// ```
/// use cqc_assurance::workbook::{history_from_csv_bytes, history_to_csv};
/// let csv = "date,label,assessing-needs,governance,published_governance\n2024-03-28,2024,2,0; 0.5; 0.5; 0,3\n";
/// let import = history_from_csv_bytes(csv.as_bytes());
/// assert!(import.errors.is_empty(), "{:?}", import.errors);
/// assert_eq!(history_from_csv_bytes(history_to_csv(&import.items).as_bytes()).items, import.items);
/// ```
pub fn history_from_csv_bytes(bytes: &[u8]) -> CsvImport<HistoryEntry> {
    from_csv_bytes(bytes)
}

/// Writes earlier self-assessments as CSV.
pub fn history_to_csv(history: &[HistoryEntry]) -> String {
    to_csv(history)
}

impl super::Workbook {
    /// One register of the workbook as CSV (what `workbook export-*` writes and
    /// [`Workbook::import_csv`](super::Workbook::import_csv) reads back), with its number of
    /// rows.
    ///
    /// ```
    /// use cqc_assurance::{Workbook, WorkbookPart};
    /// let (csv, rows) = Workbook::starter("Anytown").register_csv(WorkbookPart::Indicators);
    /// assert!(rows > 0 && csv.lines().count() == rows + 1);
    /// ```
    pub fn register_csv(&self, part: super::WorkbookPart) -> (String, usize) {
        use super::WorkbookPart as P;
        match part {
            P::Evidence => (evidence_to_csv(&self.evidence), self.evidence.len()),
            P::Actions => (actions_to_csv(&self.actions), self.actions.len()),
            P::Indicators => (indicators_to_csv(&self.indicators), self.indicators.len()),
            P::InformationReturn => (
                information_return_to_csv(&self.information_return),
                self.information_return.len(),
            ),
            P::CaseTracking => (
                case_tracking_to_csv(&self.case_tracking),
                self.case_tracking.len(),
            ),
            P::Interviews => (interviews_to_csv(&self.interviews), self.interviews.len()),
            P::History => (history_to_csv(&self.history), self.history.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preparation_columns_are_their_registers_columns_and_fields() {
        let names =
            |c: &[super::super::table::Column]| c.iter().map(|c| c.name).collect::<Vec<_>>();
        use super::super::preparation as p;
        assert_eq!(names(ReturnItem::COLUMNS), INFORMATION_RETURN_CSV_COLUMNS);
        assert_eq!(names(TrackedCase::COLUMNS), CASE_TRACKING_CSV_COLUMNS);
        assert_eq!(names(Interview::COLUMNS), INTERVIEW_CSV_COLUMNS);
        assert_eq!(names(HistoryEntry::COLUMNS), HISTORY_CSV_COLUMNS);
        assert_eq!(INFORMATION_RETURN_CSV_COLUMNS, p::RETURN_ITEM_FIELDS);
        assert_eq!(CASE_TRACKING_CSV_COLUMNS, p::CASE_FIELDS);
        assert_eq!(INTERVIEW_CSV_COLUMNS, p::INTERVIEW_FIELDS);
    }

    #[test]
    fn the_column_lists_are_the_registers_columns() {
        let names =
            |c: &[super::super::table::Column]| c.iter().map(|c| c.name).collect::<Vec<_>>();
        assert_eq!(names(EvidenceItem::COLUMNS), EVIDENCE_CSV_COLUMNS);
        assert_eq!(names(Action::COLUMNS), ACTION_CSV_COLUMNS);
        assert_eq!(names(Indicator::COLUMNS), INDICATOR_CSV_COLUMNS);
        // The JSON fields of an item are its columns.
        assert_eq!(ACTION_CSV_COLUMNS, super::super::document::ACTION_FIELDS);
        assert_eq!(
            INDICATOR_CSV_COLUMNS,
            super::super::document::INDICATOR_FIELDS
        );
    }
}
