//! # cqc-assurance
//!
//! The reference implementation of the Care Quality Commission's assessment of English councils'
//! adult social care (Care Act 2014, Part 1): the framework (4 themes, 9 quality statements,
//! evidence categories), the rating rule exactly as CQC applies it, and the analyses around it
//! that councils preparing for assessment need.
//!
//! ```
//! use cqc_assurance::{rate, explain, improvement_paths, Assessment, Rating};
//!
//! // Scores for QS1-QS9 in CQC's order.
//! let scores = Assessment::from_scores(&[2, 3, 3, 2, 2, 2, 2, 3, 3]).unwrap();
//! let result = rate(&scores);
//! assert_eq!(result.rating, Rating::RequiresImprovement);
//! assert_eq!(result.percent, 62); // 22/36 = 61.1%, published rounded up
//!
//! // What would it take to reach good? One more point on any statement scored 2.
//! let plan = improvement_paths(&scores, Rating::Good);
//! assert_eq!(plan.points_needed, 1);
//!
//! println!("{}", explain(&scores).to_text());
//! ```
//!
//! Every rule and figure is documented with its source in the items below. Where CQC's method
//! is inferred rather than published (rounding the percentage up), the docs say so.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod assessment;
mod batch;
mod check;
mod error;
mod framework;
mod framework_view;
mod improve;
mod json;
mod method;
mod probability;
mod published;
mod rating;
mod report;
mod score;
mod timeline;
#[cfg(feature = "typescript")]
pub mod typescript;
mod workbook;

pub use assessment::{
    Assessment, AssessmentDocument, EvidencePairs, EvidenceScores, DOCUMENT_VERSION,
};
pub use batch::{rate_batch, rate_row};
pub use check::{
    check_published, check_published_percent, Finding, FindingKind, PublishedCheck, ScoreCorrection,
};
pub use error::{Error, ErrorFamily, ErrorReport, Result, ERROR_CODES};
pub use framework::{
    EvidenceCategory, LocalAuthorityUse, QualityStatement, Theme, EVIDENCE_URL, FRAMEWORK_URL,
};
pub use framework_view::{
    framework_view, EvidenceCategoryView, FrameworkView, RatingMethodView, RatingView, ScoreView,
    StatementView, ThemeView,
};
pub use improve::{
    improvement_paths, improvement_paths_with, ImprovementOptions, ImprovementPath,
    ImprovementPlan, ScoreIncrease,
};
pub use json::number_text;
pub use method::{RatingMethod, RATINGS_URL};
pub use probability::{
    rating_probabilities, rating_probabilities_json, RatingCall, RatingProbabilities,
    RatingProbability, ScoreDistribution, TotalProbability, CALL_THRESHOLD, CONTENDER_THRESHOLD,
};
pub use published::{
    councils, find_council, find_council_reference, published_results, rank_among_published,
    AssessmentKind, Council, CouncilRankings, CouncilType, DatePrecision, GroupDistribution,
    Inconsistency, PeerGroup, PercentBasis, PublishedDataset, PublishedResult, Ranking,
    RatingCounts, Region, SourceKind, StatementDistribution, BUNDLED_CSV, COUNCILS_CSV,
    COUNCIL_ALIASES_CSV, PROVENANCE, PUBLISHED_CSV_COLUMNS,
};
pub use rating::{
    explain, rate, rate_scores, rating_for_total, BandHalf, BandPosition, CategoryScore,
    EvidenceWorking, Explanation, RatingResult, StatementResult,
};
pub use report::{
    Chart, ChartBar, ChartGuide, ChartLabel, RatingColours, ReportExplanations, ReportFigure,
    ReportGantt, ReportLink, ReportModel, ReportRow, ReportSection, ReportSummary, ReportTable,
    StatementRow, ThemeGroup, WorkbookReport,
};
pub use score::{Rating, Score};
pub use timeline::{
    bank_holidays_from_gov_uk_json, easter_sunday, england_bank_holidays, first_thursday_in_may,
    latest_notice_of_election, parse_date, parse_uk_date, plan_timeline, recorded_cases,
    recorded_cases_from_csv, Adjust, BankHoliday, Basis, ElectionCalendar,
    ElectionPeriodDefinition, ElectionYear, ElectionYears, Forecast, Interval, IssueKind,
    Milestone, MilestoneDefinition, MilestoneId, MilestoneKind, MilestonePart, MilestoneRule,
    MilestoneState, NextAssessment, Offset, PreElectionPeriod, PreElectionPolicy,
    PreElectionSettings, ReassessmentCycle, RecordedDate, Timeline, TimelineInput, TimelineIssue,
    TimelineProfile, TimelineStatus, WorkingCalendar, DEFAULT_ELECTIONS_JSON, DEFAULT_PROFILE_JSON,
    FIRST_RULE_YEAR, HOW_WE_REPORT_URL, LAST_RULE_YEAR, NOTICE_WORKING_DAYS, RECORDED_CASES_CSV,
};
pub use workbook::{
    actions_from_csv, actions_from_csv_bytes, actions_to_csv, analyse_workbook,
    analyse_workbook_with, case_tracking_from_csv_bytes, case_tracking_to_csv, check_workbook,
    check_workbook_with, compare_with_england, evidence_from_csv, evidence_from_csv_bytes,
    evidence_to_csv, history_from_csv_bytes, history_to_csv, indicators_from_csv,
    indicators_from_csv_bytes, indicators_to_csv, information_return_from_csv_bytes,
    information_return_starter, information_return_to_csv, interviews_from_csv_bytes,
    interviews_to_csv, nhs_number_check_digit_valid, AccountEntry, AccountEvidence, Action,
    ActionCounts, ActionStatus, ActionSummary, Agreement, Benchmark, BriefingStatement,
    Calibration, CalibrationRow, CaseStatus, CaseTrackingSummary, Comparison, Coverage,
    CoverageCell, CoverageGap, CoverageRow, CsvImport, Direction, DirectionOfTravel,
    EvidenceAttention, EvidenceImport, EvidenceItem, EvidenceState, HistoryEntry, ImportMode,
    ImportOptions, Indicator, IndicatorComparison, InformationReturnStatus, Interview,
    InterviewRole, InterviewSchedule, KeyFigure, OverdueAction, PartChange, PathwayCount,
    Prediction, ProgressNote, Rag, ReturnItem, ReturnItemKind, ReturnItemStatus, ReturnItemSummary,
    RoleBriefing, Scenario, ScheduledInterview, SelfScore, StatementBenchmark, StatementEntry,
    StatementSummary, StatementTravel, TrackedCase, TravelPoint, VisitDays, Warning, Workbook,
    WorkbookAnalysis, WorkbookCheck, WorkbookImport, WorkbookPart, ACTION_CSV_COLUMNS,
    CASE_TRACKING_CSV_COLUMNS, CASE_TRACKING_PILOT_FIGURES, DEFAULT_REVIEW_AFTER_MONTHS,
    DEFAULT_SIMILAR_FRACTION, EVIDENCE_CSV_COLUMNS, HISTORY_CSV_COLUMNS, INDICATOR_CSV_COLUMNS,
    INFORMATION_RETURN_CSV_COLUMNS, INTERVIEW_CSV_COLUMNS, WORKBOOK_VERSION,
};

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
