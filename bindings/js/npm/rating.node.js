// `cqc-assurance/rating` in Node.js: the rating module only (the framework, the rating, what
// it would take to change it, probabilities, published results), loaded synchronously when
// this is imported.
import { loadSync } from "./load.node.js";
import * as glue from "./cqc_assurance.js";

loadSync(glue, new URL("./cqc_assurance_bg.wasm", import.meta.url));

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
