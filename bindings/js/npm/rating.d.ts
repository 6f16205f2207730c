// Type declarations of the sub-path `cqc-assurance/rating`: the rating module
// (`cqc_assurance_bg.wasm`): the framework, the rating and what it would take to change it,
// probabilities, the published results.
//
// Every declaration is in index.d.ts (the root `cqc-assurance`, the whole API); this file
// re-exports this module's functions and every type they take, return or throw, nothing else.
// bindings/js/tests/entries.test.mjs checks both lists against index.d.ts and the module.

export {
  version, framework, statement, theme, evidenceCategory, rate, explain, improvementPaths,
  ratingProbabilities, checkPublished, ratingForTotal, assessmentDocument, rateMany,
  publishedResults, findCouncil, statementDistribution, rankAmongPublished, publishedRatingCounts,
  publishedConflicts, publishedProvenance,
} from "./index.js";

export type {
  StatementId, ThemeId, EvidenceCategoryId, RatingId, RatingMethodId, ScoreValue, NineScoreValues,
  LocalAuthorityUse, ErrorCode, ErrorFamily, CqcError, StatementScoresInput, NineScoresInput,
  CurrentMethodDocument, EarlierMethodDocument, AssessmentInput, RatingInput,
  ScoreDistributionInput, ProbabilityInput, Statement, Theme, EvidenceCategory, RatingInfo,
  ScoreInfo, RatingMethodInfo, Framework, CategoryScore, EvidenceWorking, StatementResult,
  BandPosition, RatingResult, Explanation, ScoreIncrease, ImprovementPath, ImprovementPlan,
  RatingProbability, TotalProbability, RatingProbabilities, RatingCall, FindingKind, Finding, ScoreCorrection,
  PublishedCheck, RatingForTotal, AssessmentDocument, RateManyResult, PublishedResult,
  StatementDistribution, Ranking, RatingCount, PublishedConflict, RegionId, CouncilTypeId,
} from "./index.js";
