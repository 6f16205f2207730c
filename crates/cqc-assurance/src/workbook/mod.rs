//! The self-assessment workbook: a council's own scores for the nine quality statements (or
//! the probability of each score when unsure), strengths and areas for improvement, the
//! evidence register (CSV in and out), indicators against England and the action plan; and
//! the analyses a council preparing for assessment needs from it.
//!
//! The document is versioned JSON (`"version": 1`); unknown fields are rejected and every
//! problem is reported with its path, not only the first ([`Workbook::from_json_all`],
//! [`check_workbook`]).

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
