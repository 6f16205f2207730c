// Entry point for browsers and bundlers. The package is two WebAssembly modules (the whole API
// in one is over its 150 KB gzipped budget): the main one (framework, rating, published results)
// and the date functions' one (timeline, working days, workbook). Every function is synchronous,
// and a browser can only fetch a module asynchronously, so both are fetched and instantiated in
// parallel here (bundlers copy them: `new URL(..., import.meta.url)`), with a top-level await
// so that every export is ready when the import resolves.
import init from "./cqc_assurance.js";
import initDates from "./cqc_assurance_dates.js";

await Promise.all([
  init({ module_or_path: new URL("./cqc_assurance_bg.wasm", import.meta.url) }),
  initDates({ module_or_path: new URL("./cqc_assurance_dates_bg.wasm", import.meta.url) }),
]);

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
} from "./cqc_assurance.js";

export {
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
} from "./cqc_assurance_dates.js";
