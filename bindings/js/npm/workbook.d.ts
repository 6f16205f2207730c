// Type declarations of the sub-path `cqc-assurance/workbook`: the workbook module
// (`cqc_assurance_workbook_bg.wasm`): the self-assessment workbook checked and analysed,
// evidence registers read from CSV, indicators compared with England.
//
// Every declaration is in index.d.ts (the root `cqc-assurance`, the whole API); this file
// re-exports this module's functions and every type they take, return or throw, nothing else.
// bindings/js/tests/entries.test.mjs checks both lists against index.d.ts and the module.

export {
  checkWorkbook, evidenceFromCsv, compareWithEngland,
} from "./index.js";

export type {
  StatementId, ThemeId, EvidenceCategoryId, RatingId, RatingMethodId, ScoreValue, MilestoneId,
  DateInput, ErrorCode, ErrorFamily, CqcError, CategoryScore, EvidenceWorking, StatementResult,
  BandPosition, RatingResult, RatingProbability, TotalProbability, RatingProbabilities, RatingCall, Ranking,
  Adjust, Basis, MilestoneKind, MilestoneState, IssueKind, MilestoneRule, Forecast, Milestone,
  TimelineIssue, Interval, TimelineStatus, PreElectionPeriod, NextAssessment, Timeline, JsonValue, JsonObject, ActionStatus, Comparison,
  EvidenceState, ErrorReport, Warning, Prediction, Scenario, StatementSummary, CoverageCell, Coverage,
  EvidenceAttention, IndicatorComparison, OverdueAction, ActionSummary, ActionCounts, StatementBenchmark,
  WorkbookAnalysis, WorkbookCheck, EvidenceItem, EvidenceImport, RegionId, CouncilTypeId,
} from "./index.js";
