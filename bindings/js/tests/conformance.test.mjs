// Runs the shared conformance vectors (tests/conformance/*.json at the repository root, format
// in its README.md) against the JavaScript API. Expected field names are converted to
// camelCase, as the package returns them; values (ids, ratings) are compared as written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cqc, viaSubPaths, conformanceFiles, camel } from "./helpers.mjs";

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
function run(api, op, input) {
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
      return api.timeline(jsTimeline(input));
    case "timeline_ical":
      return api.timelineIcs(jsTimeline(input.timeline), input.stamp);
    case "workbook_check":
      // The workbook is a file format: its keys are passed exactly as in the file.
      return api.checkWorkbook(input.workbook, input.today);
    case "evidence_csv_import":
      return api.evidenceFromCsv(input.csv);
    default:
      throw new Error(`conformance vector uses an op the JavaScript runner does not know: ${op}`);
  }
}

/** Compares by the README's rules; returns a list of mismatches. */
function match(expected, actual, path, failures) {
  if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    if ("$len" in expected) {
      if (!Array.isArray(actual) || actual.length !== expected.$len) {
        failures.push(`${path}: expected an array of length ${expected.$len}, got ${JSON.stringify(actual)}`);
      }
      return;
    }
    if ("$contains" in expected) {
      const needle = expected.$contains;
      const ok =
        (typeof actual === "string" && actual.includes(needle)) ||
        (Array.isArray(actual) && actual.some((s) => typeof s === "string" && s.includes(needle)));
      if (!ok) failures.push(`${path}: expected something containing ${JSON.stringify(needle)}, got ${JSON.stringify(actual)}`);
      return;
    }
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) {
      failures.push(`${path}: expected an object, got ${JSON.stringify(actual)}`);
      return;
    }
    for (const [k, v] of Object.entries(expected)) {
      const key = camel(k);
      if (!(key in actual)) {
        failures.push(`${path}.${key}: missing from the result`);
      } else {
        match(v, actual[key], `${path}.${key}`, failures);
      }
    }
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      failures.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
      return;
    }
    expected.forEach((e, i) => match(e, actual[i], `${path}[${i}]`, failures));
    return;
  }
  if (typeof expected === "number") {
    if (typeof actual !== "number" || !(Math.abs(actual - expected) <= 1e-9)) {
      failures.push(`${path}: expected ${expected}, got ${JSON.stringify(actual)}`);
    }
    return;
  }
  if (expected !== actual) {
    failures.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

const files = conformanceFiles();

test("the conformance vectors are there", () => {
  assert.ok(files.length >= 3, `only ${files.length} vector files`);
  assert.ok(files.reduce((n, f) => n + f.doc.cases.length, 0) > 50);
});

// Every case runs twice: through the root `cqc-assurance` and through the sub-path entry of the
// function's own module (`cqc-assurance/rating`, `/timeline`, `/workbook`).
const entries = [
  ["root", cqc],
  ["sub-path", viaSubPaths],
];

for (const { file, doc } of files) {
  for (const c of doc.cases) {
    for (const [entry, api] of entries) {
      test(`${file}: ${c.name} (${entry})`, () => {
        assert.ok(("expected" in c) !== ("error" in c), "a case needs exactly one of expected and error");
        let result;
        let error;
        try {
          result = run(api, c.op, c.input);
        } catch (e) {
          error = e;
        }
        if (error !== undefined && !("code" in error)) throw error; // the runner's own failure
        if ("error" in c) {
          assert.equal(error?.code, c.error.code, `expected error ${c.error.code}, got ${error ? error.message : JSON.stringify(result)}`);
          if ("path" in c.error) assert.equal(error.path, c.error.path, error.message);
          assert.ok(error instanceof Error);
        } else {
          assert.equal(error, undefined, error && `unexpected error ${error.code}: ${error.message}`);
          const failures = [];
          match(c.expected, result, "result", failures);
          assert.deepEqual(failures, []);
        }
      });
    }
  }
}
