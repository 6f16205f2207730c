// `cqc-assurance` (the root, the whole API) in Node.js. The package is three WebAssembly
// modules, each within its 150 KB gzipped budget: rating, timeline and workbook (the sub-paths
// `cqc-assurance/rating`, `/timeline` and `/workbook` load one each). Here the rating module is
// loaded synchronously at import, so that `import { rate } from "cqc-assurance"` is ready at
// once; the timeline and workbook modules are each loaded, synchronously too, the first time
// one of their functions is called. One instance of each module serves this entry and the
// sub-paths alike (load.node.js).
import { loadSync } from "./load.node.js";
import * as timelineGlue from "./cqc_assurance_timeline.js";
import * as workbookGlue from "./cqc_assurance_workbook.js";

export * from "./rating.node.js";

const timelineWasm = new URL("./cqc_assurance_timeline_bg.wasm", import.meta.url);
const workbookWasm = new URL("./cqc_assurance_workbook_bg.wasm", import.meta.url);

/** The timeline module, loaded on first use. */
const timelineModule = () => loadSync(timelineGlue, timelineWasm);
/** The workbook module, loaded on first use. */
const workbookModule = () => loadSync(workbookGlue, workbookWasm);

export function timeline(input) {
  return timelineModule().timeline(input);
}
export function timelineIcs(input, stamp) {
  return timelineModule().timelineIcs(input, stamp);
}
export function timelineText(input) {
  return timelineModule().timelineText(input);
}
export function timelineProfile() {
  return timelineModule().timelineProfile();
}
export function bankHolidays(year, calendar) {
  return timelineModule().bankHolidays(year, calendar);
}
export function bankHolidaysFromGovUk(data, division) {
  return timelineModule().bankHolidaysFromGovUk(data, division);
}
export function easterSunday(year) {
  return timelineModule().easterSunday(year);
}
export function isWorkingDay(date, calendar) {
  return timelineModule().isWorkingDay(date, calendar);
}
export function nonWorkingReason(date, calendar) {
  return timelineModule().nonWorkingReason(date, calendar);
}
export function addWorkingDays(date, days, calendar) {
  return timelineModule().addWorkingDays(date, days, calendar);
}
export function workingDaysBetween(from, to, calendar) {
  return timelineModule().workingDaysBetween(from, to, calendar);
}

export function checkWorkbook(workbook, today) {
  return workbookModule().checkWorkbook(workbook, today);
}
export function evidenceFromCsv(text) {
  return workbookModule().evidenceFromCsv(text);
}
export function compareWithEngland(value, england, higherIsBetter, tolerance) {
  return workbookModule().compareWithEngland(value, england, higherIsBetter, tolerance);
}
