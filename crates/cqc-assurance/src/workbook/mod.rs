//! The self-assessment workbook: a council's own scores for the nine quality statements (or
//! the probability of each score when unsure), strengths and areas for improvement, the
//! evidence register (CSV in and out), indicators against England and the action plan; and
//! the analyses a council preparing for assessment needs from it.
//!
//! The document is versioned JSON (`"version": 1`); unknown fields are rejected and every
//! problem is reported with its path, not only the first ([`Workbook::from_json_all`],
//! [`check_workbook`]).
//!
//! ## CSV files
//!
//! **Writing**: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as Windows-1252 and
//! shows `Â£` for `£`), CRLF line ends, cells quoted where they hold commas, quotes or line
//! breaks (RFC 4180), dates as ISO `YYYY-MM-DD`, and every text cell that begins with `=`,
//! `+`, `-`, `@`, a tab or a carriage return given a leading single quote `'` so that a
//! spreadsheet program shows it as text rather than running it as a formula (OWASP, "CSV
//! Injection", <https://owasp.org/www-community/attacks/CSV_Injection>). A text that itself
//! begins with `'` gets a second one, so the rule on reading is always the same.
//!
//! **Reading**: UTF-8 (with or without the byte-order mark), UTF-16 with a byte-order mark, or
//! Windows-1252 (with a warning); columns separated by commas, semicolons (European Excel) or
//! tabs, told from the header row (or from Excel's `sep=` first line); a leading `'` taken off
//! every cell (exactly one: the guard the writer adds); dates in the UK forms of
//! [`parse_uk_date`](crate::timeline::parse_uk_date); rows whose cells are all empty skipped;
//! columns in any order, headers matched ignoring case and punctuation (`Review by` is
//! `review_by`);
//! columns that are not fields of the register kept in each item's `notes` as `Header: value`
//! lines, with a warning, never dropped. Every problem is an error at `line N: column`, `N`
//! being the row number a spreadsheet program shows for the row.

mod analysis;
mod assurance;
mod csv_io;
mod document;
mod import;
mod preparation;
mod rows;
mod table;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use analysis::{
    analyse_workbook, analyse_workbook_with, check_workbook, check_workbook_with,
    compare_with_england, ActionCounts, ActionSummary, Benchmark, Comparison, Coverage,
    CoverageCell, CoverageGap, CoverageRow, EvidenceAttention, EvidenceState, IndicatorComparison,
    OverdueAction, Prediction, Scenario, StatementBenchmark, StatementSummary, Warning,
    WorkbookAnalysis, WorkbookCheck,
};
pub use assurance::{
    AccountEntry, AccountEvidence, Agreement, BriefingStatement, Calibration, CalibrationRow,
    CaseTrackingSummary, Direction, DirectionOfTravel, InformationReturnStatus, InterviewSchedule,
    KeyFigure, PathwayCount, ReturnItemSummary, RoleBriefing, ScheduledInterview, StatementTravel,
    TravelPoint, VisitDays, CASE_TRACKING_PILOT_FIGURES,
};
pub use csv_io::{
    actions_from_csv, actions_from_csv_bytes, actions_to_csv, case_tracking_from_csv_bytes,
    case_tracking_to_csv, evidence_from_csv, evidence_from_csv_bytes, evidence_to_csv,
    history_from_csv_bytes, history_to_csv, indicators_from_csv, indicators_from_csv_bytes,
    indicators_to_csv, information_return_from_csv_bytes, information_return_to_csv,
    interviews_from_csv_bytes, interviews_to_csv, CsvImport, EvidenceImport, ACTION_CSV_COLUMNS,
    CASE_TRACKING_CSV_COLUMNS, EVIDENCE_CSV_COLUMNS, HISTORY_CSV_COLUMNS, INDICATOR_CSV_COLUMNS,
    INFORMATION_RETURN_CSV_COLUMNS, INTERVIEW_CSV_COLUMNS,
};
pub use document::{
    Action, ActionStatus, EvidenceItem, Indicator, ProgressNote, Rag, SelfScore, StatementEntry,
    Workbook, DEFAULT_REVIEW_AFTER_MONTHS, DEFAULT_SIMILAR_FRACTION, WORKBOOK_VERSION,
};
pub use import::{ImportMode, ImportOptions, PartChange, WorkbookImport, WorkbookPart};
pub use preparation::{
    information_return_starter, nhs_number_check_digit_valid, CaseStatus, HistoryEntry, Interview,
    InterviewRole, ReturnItem, ReturnItemKind, ReturnItemStatus, TrackedCase,
};
