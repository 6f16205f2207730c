//! The self-assessment workbook: a council's own scores for the nine quality statements (or
//! the probability of each score when unsure), strengths and areas for improvement, the
//! evidence register (CSV in and out), indicators against England and the action plan; and
//! the analyses a council preparing for assessment needs from it.
//!
//! The document is versioned JSON (`"version": 1`); unknown fields are rejected and every
//! problem is reported with its path, not only the first ([`Workbook::from_json_all`],
//! [`check_workbook`]).

mod analysis;
mod document;
mod evidence;

pub use analysis::{
    analyse_workbook, analyse_workbook_with, check_workbook, check_workbook_with,
    compare_with_england, ActionCounts, ActionSummary, Benchmark, Comparison, Coverage,
    CoverageCell, CoverageGap, CoverageRow, EvidenceAttention, EvidenceState, IndicatorComparison,
    OverdueAction, Prediction, Scenario, StatementBenchmark, StatementSummary, Warning,
    WorkbookAnalysis, WorkbookCheck,
};
pub use document::{
    Action, ActionStatus, EvidenceItem, Indicator, SelfScore, StatementEntry, Workbook,
    DEFAULT_REVIEW_AFTER_MONTHS, DEFAULT_SIMILAR_FRACTION, WORKBOOK_VERSION,
};
pub use evidence::{evidence_from_csv, evidence_to_csv, EvidenceImport, EVIDENCE_CSV_COLUMNS};
