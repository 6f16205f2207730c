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
//!
//! The crate root holds the framework, the rating, the published results and the main entry
//! points of the assessment timeline, the self-assessment workbook and its report
//! ([`plan_timeline`], [`WorkingCalendar`], [`Workbook`], [`check_workbook`],
//! [`WorkbookReport`] ...); the types of their parts (a milestone, an evidence item, an action,
//! the report's view model) are in the modules [`timeline`], [`workbook`] and [`report`].
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod assessment;
mod batch;
mod check;
#[cfg(feature = "declarations")]
pub mod declarations;
mod error;
mod framework;
mod framework_view;
mod improve;
mod json;
mod method;
mod probability;
mod published;
mod rating;
pub mod report;
mod score;
pub mod timeline;
pub mod workbook;

pub use assessment::{
    Assessment, AssessmentDocument, EvidencePairs, EvidenceScores, DOCUMENT_VERSION,
};
pub use batch::{rate_batch, rate_batch_parallel, rate_row, ROWS_PER_THREAD};
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
pub use report::WorkbookReport;
pub use score::{Rating, Score};
pub use timeline::{
    bank_holidays_from_gov_uk_json, easter_sunday, england_bank_holidays, parse_date,
    plan_timeline, BankHoliday, ElectionCalendar, ElectionYears, MilestoneId, MilestonePart,
    PreElectionPolicy, Timeline, TimelineInput, TimelineProfile, TimelineStatus, WorkingCalendar,
    FIRST_RULE_YEAR, HOW_WE_REPORT_URL, LAST_RULE_YEAR,
};
pub use workbook::{
    analyse_workbook, check_workbook, check_workbook_with, compare_with_england, evidence_from_csv,
    evidence_to_csv, information_return_starter, Comparison, EvidenceImport, EvidenceItem,
    ImportMode, ImportOptions, Workbook, WorkbookAnalysis, WorkbookCheck, WorkbookImport,
    WorkbookPart, EVIDENCE_CSV_COLUMNS, WORKBOOK_VERSION,
};

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
