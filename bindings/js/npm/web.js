// Entry point for browsers and bundlers: fetches and instantiates the WebAssembly module next
// to this file (bundlers copy it: `new URL(..., import.meta.url)`), with a top-level await so
// that every export is ready when the import resolves.
import init from "./cqc_assurance.js";

await init({ module_or_path: new URL("./cqc_assurance_bg.wasm", import.meta.url) });

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
