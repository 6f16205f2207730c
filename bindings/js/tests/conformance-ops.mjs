// The conformance vectors' ops (tests/conformance/README.md at the repository root) as calls of
// the JavaScript API, and the declared TypeScript type of each op's result: the conformance
// runner (conformance.test.mjs) checks the values, the declarations test (declarations.test.mjs)
// checks that each result is what the package's .d.ts files say it is. A new op is added here,
// once, with its call and its declared type.
import { camel } from "./helpers.mjs";

/** Document field names as a JavaScript user writes them (`evidence_scores` → `evidenceScores`). */
function jsDocument(doc) {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return doc;
  return Object.fromEntries(Object.entries(doc).map(([k, v]) => [camel(k), v]));
}

/** Field names all the way down (a timeline profile): `working_days` → `workingDays`. */
function camelDeep(value) {
  if (Array.isArray(value)) return value.map(camelDeep);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [camel(k), camelDeep(v)]));
}

/** A timeline document as a JavaScript user writes it; `actuals` keys are milestone ids (data). */
function jsTimeline(doc) {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return doc;
  return Object.fromEntries(
    Object.entries(doc).map(([k, v]) => [
      camel(k),
      k === "profile" || k === "bank_holidays" || k === "pre_election" ? camelDeep(v) : v,
    ]),
  );
}

const calendar = (input) => (input.closures === undefined ? undefined : { closures: input.closures });

/**
 * One op of the README's table, run with the JavaScript API `api` (the root entry, or the
 * functions of the sub-path entries, each from its own module). An unknown op fails.
 */
export function run(api, op, input) {
  switch (op) {
    case "rate":
      return api.rate(jsDocument(input));
    case "explain":
      return api.explain(jsDocument(input));
    case "improve":
      return api.improvementPaths(jsDocument(input.assessment), input.target);
    case "probabilities":
      return api.ratingProbabilities(jsDocument(input));
    case "check_published":
      return api.checkPublished(jsDocument(input.assessment), input.rating, input.percent);
    case "published_find":
      return api.findCouncil(input.name);
    case "published_rank":
      return api.rankAmongPublished(input.scores);
    case "statement":
      return api.statement(input.name);
    case "bank_holidays":
      return api.bankHolidays(input.year);
    case "add_working_days":
      return { date: api.addWorkingDays(input.date, input.days, calendar(input)) };
    case "working_days_between":
      return { workingDays: api.workingDaysBetween(input.from, input.to, calendar(input)) };
    case "timeline":
      return api.planTimeline(jsTimeline(input));
    case "timeline_ical":
      return api.timelineIcs(jsTimeline(input.timeline), input.stamp);
    case "workbook_check":
      // The workbook is a file format: its keys are passed exactly as in the file.
      return api.checkWorkbook(input.workbook, input.today);
    case "evidence_csv_import":
      return api.evidenceFromCsv(input.csv);
    case "new_workbook":
      return api.starterWorkbook(input.council);
    default:
      throw new Error(`conformance vector uses an op the JavaScript runner does not know: ${op}`);
  }
}

/**
 * The declared type of each op's result, as a TypeScript type over `cqc`, the package's root
 * entry imported as a namespace (`import type * as cqc from "cqc-assurance"`). Where the runner
 * wraps a plain value (`{ date }`), the wrapper is written here around the function's type.
 * Overloaded functions name the overload the op calls.
 */
export const DECLARED = {
  rate: "ReturnType<typeof cqc.rate>",
  explain: "ReturnType<typeof cqc.explain>",
  improve: "ReturnType<typeof cqc.improvementPaths>",
  probabilities: "ReturnType<typeof cqc.ratingProbabilities>",
  check_published: "ReturnType<typeof cqc.checkPublished>",
  published_find: "ReturnType<typeof cqc.findCouncil>",
  published_rank: "cqc.Ranking",
  statement: "ReturnType<typeof cqc.statement>",
  bank_holidays: "ReturnType<typeof cqc.bankHolidays>",
  add_working_days: "{ date: ReturnType<typeof cqc.addWorkingDays> }",
  working_days_between: "{ workingDays: ReturnType<typeof cqc.workingDaysBetween> }",
  timeline: "ReturnType<typeof cqc.planTimeline>",
  timeline_ical: "ReturnType<typeof cqc.timelineIcs>",
  workbook_check: "ReturnType<typeof cqc.checkWorkbook>",
  evidence_csv_import: "ReturnType<typeof cqc.evidenceFromCsv>",
  new_workbook: "ReturnType<typeof cqc.starterWorkbook>",
};
