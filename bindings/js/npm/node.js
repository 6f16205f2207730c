// Entry point for Node.js: loads the WebAssembly module synchronously from the package folder,
// so that `import { rate } from "cqc-assurance"` is ready to use at once.
import { readFileSync } from "node:fs";
import { initSync } from "./cqc_assurance.js";

initSync({ module: readFileSync(new URL("./cqc_assurance_bg.wasm", import.meta.url)) });

export {
  version,
  framework,
  statement,
  theme,
  evidenceCategory,
  rate,
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
  timeline,
  timelineIcs,
  timelineText,
  timelineProfile,
  bankHolidays,
  bankHolidaysFromGovUk,
  easterSunday,
  isWorkingDay,
  nonWorkingReason,
  addWorkingDays,
  workingDaysBetween,
  checkWorkbook,
  evidenceFromCsv,
  compareWithEngland,
} from "./cqc_assurance.js";
