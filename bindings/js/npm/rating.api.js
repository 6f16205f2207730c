// Internal to the package (not an entry point): what `cqc-assurance/rating` exports, listed once
// for its node entry (rating.node.js) and its browser entry (rating.web.js), which load
// the rating module (`cqc_assurance_bg.wasm`) and then re-export this.
export {
  version,
  framework,
  statement,
  theme,
  evidenceCategory,
  explain,
  improvementPaths,
  ratingProbabilities,
  checkPublished,
  ratingForTotal,
  assessmentDocument,
  rateMany,
  publishedResults,
  findCouncil,
  statementDistribution,
  rankAmongPublished,
  publishedRatingCounts,
  publishedConflicts,
  publishedProvenance,
} from "./cqc_assurance.js";
export { rate } from "./rate.js";
