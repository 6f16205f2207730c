// Entry point for Node.js. The package is two WebAssembly modules (the whole API in one is over
// its 150 KB gzipped budget): the main one (framework, rating, published results) is loaded
// synchronously when the package is imported, so that `import { rate } from "cqc-assurance"` is
// ready to use at once; the date functions' module (timeline, working days, workbook) is loaded,
// synchronously too, the first time one of them is called.
import { readFileSync } from "node:fs";
import { initSync } from "./cqc_assurance.js";
import * as datesModule from "./cqc_assurance_dates.js";

initSync({ module: readFileSync(new URL("./cqc_assurance_bg.wasm", import.meta.url)) });

let datesLoaded = false;

/** The date functions' module, loaded on first use. */
function dates() {
  if (!datesLoaded) {
    datesModule.initSync({
      module: readFileSync(new URL("./cqc_assurance_dates_bg.wasm", import.meta.url)),
    });
    datesLoaded = true;
  }
  return datesModule;
}

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

export function timeline(input) {
  return dates().timeline(input);
}
export function timelineIcs(input, stamp) {
  return dates().timelineIcs(input, stamp);
}
export function timelineText(input) {
  return dates().timelineText(input);
}
export function timelineProfile() {
  return dates().timelineProfile();
}
export function bankHolidays(year, calendar) {
  return dates().bankHolidays(year, calendar);
}
export function bankHolidaysFromGovUk(data, division) {
  return dates().bankHolidaysFromGovUk(data, division);
}
export function easterSunday(year) {
  return dates().easterSunday(year);
}
export function isWorkingDay(date, calendar) {
  return dates().isWorkingDay(date, calendar);
}
export function nonWorkingReason(date, calendar) {
  return dates().nonWorkingReason(date, calendar);
}
export function addWorkingDays(date, days, calendar) {
  return dates().addWorkingDays(date, days, calendar);
}
export function workingDaysBetween(from, to, calendar) {
  return dates().workingDaysBetween(from, to, calendar);
}
export function checkWorkbook(workbook, today) {
  return dates().checkWorkbook(workbook, today);
}
export function evidenceFromCsv(text) {
  return dates().evidenceFromCsv(text);
}
export function compareWithEngland(value, england, higherIsBetter, tolerance) {
  return dates().compareWithEngland(value, england, higherIsBetter, tolerance);
}
