// Every conformance vector's result, as the package returns it at run time, checked against the
// type the package's TypeScript declarations give it: each result (or thrown error) is written
// as a typed constant in a .ts file, `const c: ReturnType<typeof cqc.rate> = {...}`, and the
// TypeScript compiler checks the file strictly against the built package's .d.ts files. A
// literal is checked field by field, all the way down: a field the declarations do not have, a
// declared field that is missing, a value of another type (null where the declaration says
// number, an id outside a declared union) is an error, so a declaration that lies fails here.
// A second file holds results with known lies, which the compiler must reject, so that this
// check is seen to fail when it should.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cqc, conformanceFiles, here, installedProject, repoRoot } from "./helpers.mjs";
import { run, DECLARED } from "./conformance-ops.mjs";

const tsc = join(here, "..", "node_modules", ".bin", "tsc");

/** A thrown error as the literal a `CqcError` is checked against: its own fields and the Error's. */
function errorFields(e) {
  const fields = { name: e.name, message: e.message };
  for (const k of Object.getOwnPropertyNames(e)) {
    if (k !== "stack") fields[k] = e[k];
  }
  return fields;
}

/**
 * A .ts file of typed constants, one per entry `{ label, type, value }`, and which line each
 * entry starts on (to name the vector in a compiler message).
 */
function typedConstants(entries) {
  const lines = ['import type * as cqc from "cqc-assurance";', ""];
  const starts = [];
  entries.forEach((entry, i) => {
    starts.push({ line: lines.length + 1, label: entry.label });
    lines.push(`// ${entry.label.replaceAll("\n", " ")}`);
    const literal = `export const c${i}: ${entry.type} = ${JSON.stringify(entry.value, null, 1)};`;
    lines.push(...literal.split("\n"), "");
  });
  return { text: lines.join("\n"), starts };
}

/** Type-checks `text` with the built package installed beside it; the compiler's messages, or "". */
function compile(dir, name, text) {
  writeFileSync(join(dir, name), text);
  try {
    execFileSync(
      tsc,
      ["--noEmit", "--strict", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext",
        "--lib", "es2022,dom", "--types", "", name],
      { cwd: dir, encoding: "utf8", stdio: "pipe" },
    );
    return "";
  } catch (e) {
    if (e.status === undefined || e.status === null) throw e; // tsc did not run at all
    return `${e.stdout}${e.stderr}`;
  }
}

/** A compiler message's line, turned into the label of the entry it falls in. */
function labelOf(starts, message) {
  const m = /\((\d+),\d+\)/.exec(message);
  if (!m) return "";
  const line = Number(m[1]);
  let label = "";
  for (const s of starts) if (s.line <= line) label = s.label;
  return label;
}

/** A folder with the package installed, for the compiler; removed when the test `t` ends. */
function project(t) {
  assert.ok(existsSync(tsc), `${tsc} is missing: npm ci in bindings/js installs typescript`);
  const installed = installedProject("cqc-declarations-");
  t.after(installed.remove);
  return installed.dir;
}

test("every conformance result has the type its declaration gives it", (t) => {
  const entries = [];
  for (const { file, doc } of conformanceFiles()) {
    for (const c of doc.cases) {
      const type = DECLARED[c.op];
      assert.ok(type, `${file}: ${c.name}: the op ${c.op} has no declared type in conformance-ops.mjs`);
      const label = `${file}: ${c.name} (${c.op})`;
      try {
        entries.push({ label, type, value: run(cqc, c.op, c.input) });
      } catch (e) {
        if (!("code" in e)) throw e;
        entries.push({ label: `${label}, its error`, type: "cqc.CqcError", value: errorFields(e) });
      }
    }
  }
  assert.ok(entries.length > 50, `only ${entries.length} results`);
  assert.ok(entries.some((e) => e.type === "cqc.CqcError"), "no error case was checked");
  const dir = project(t);
  const { text, starts } = typedConstants(entries);
  const messages = compile(dir, "results.ts", text);
  const named = messages
    .split("\n")
    .filter((l) => l.includes("error TS"))
    .map((l) => `${labelOf(starts, l)}: ${l}`);
  assert.deepEqual(named, [], `results that differ from their declarations:\n${named.join("\n")}`);
});

test("a result that lies about its declaration fails the check", (t) => {
  const rated = cqc.rate([2, 3, 3, 2, 2, 2, 2, 3, 3]);
  const timeline = cqc.timeline({ notified: "2025-01-06" });
  const lies = [
    // A field the declaration does not have.
    { label: "extra field", type: DECLARED.rate, value: { ...rated, notDeclared: 1 } },
    // A declared field missing.
    { label: "missing field", type: DECLARED.rate, value: Object.fromEntries(Object.entries(rated).filter(([k]) => k !== "rating")) },
    // A value outside the declared union of ratings.
    { label: "unknown rating", type: DECLARED.rate, value: { ...rated, rating: "excellent" } },
    // Deep inside: a milestone's date as a number.
    {
      label: "nested type",
      type: DECLARED.timeline,
      value: { ...timeline, milestones: [{ ...timeline.milestones[0], date: 20250106 }, ...timeline.milestones.slice(1)] },
    },
  ];
  const dir = project(t);
  const { text, starts } = typedConstants(lies);
  const messages = compile(dir, "lies.ts", text)
    .split("\n")
    .filter((l) => l.includes("error TS"));
  const caught = new Set(messages.map((l) => labelOf(starts, l)));
  assert.deepEqual([...caught].sort(), lies.map((l) => l.label).sort(), messages.join("\n"));
});

test("every function of the root entry returns what its declaration says, on real inputs", (t) => {
  const workbook = readFileSync(join(repoRoot, "examples", "liverpool-workbook.json"), "utf8");
  const hounslow = JSON.parse(readFileSync(join(repoRoot, "examples", "hounslow-timeline.json"), "utf8"));
  const scores = [2, 3, 3, 2, 2, 2, 2, 3, 3];
  const evidence = cqc.registerToCsv(workbook, "evidence");
  const govUk = { "england-and-wales": { division: "england-and-wales", events: [{ title: "New Year’s Day", date: "2026-01-01", notes: "", bunting: true }] } };
  // fn → [declared type, calls]; each call's result is checked against the type.
  const calls = {
    version: ["ReturnType<typeof cqc.version>", [[]]],
    framework: ["ReturnType<typeof cqc.framework>", [[]]],
    statement: ["ReturnType<typeof cqc.statement>", [["QS6"], [1]]],
    theme: ["ReturnType<typeof cqc.theme>", [["leadership"]]],
    evidenceCategory: ["ReturnType<typeof cqc.evidenceCategory>", [["partners"]]],
    rate: ["ReturnType<typeof cqc.rate>", [[scores]]],
    explain: ["ReturnType<typeof cqc.explain>", [[scores]]],
    improvementPaths: ["ReturnType<typeof cqc.improvementPaths>", [[scores, "good"], [scores, "outstanding"]]],
    ratingProbabilities: ["ReturnType<typeof cqc.ratingProbabilities>", [[[2, 3, [0, 0.5, 0.5, 0], 2, null, 2, 2, 3, 3]]]],
    checkPublished: ["ReturnType<typeof cqc.checkPublished>", [[scores, "good", 62], [scores, "requires_improvement"]]],
    ratingForTotal: ["ReturnType<typeof cqc.ratingForTotal>", [[22, 9], [99, 9]]],
    assessmentDocument: ["ReturnType<typeof cqc.assessmentDocument>", [[scores], [[2, null, 3, 2, 2, 2, 2, 3, 3]]]],
    publishedResults: ["ReturnType<typeof cqc.publishedResults>", [[]]],
    findCouncil: ["ReturnType<typeof cqc.findCouncil>", [["Liverpool"], ["E09000018"]]],
    statementDistribution: ["ReturnType<typeof cqc.statementDistribution>", [[]]],
    rankAmongPublished: ["ReturnType<typeof cqc.rankAmongPublished>", [[scores, "Liverpool"]]],
    councilRankings: ["ReturnType<typeof cqc.councilRankings>", [["Liverpool"], ["Hounslow"]]],
    publishedRatingCountsByRegion: ["ReturnType<typeof cqc.publishedRatingCountsByRegion>", [[]]],
    publishedRatingCountsByType: ["ReturnType<typeof cqc.publishedRatingCountsByType>", [[]]],
    statementDistributionByRegion: ["ReturnType<typeof cqc.statementDistributionByRegion>", [[]]],
    publishedResultsFromCsv: ["ReturnType<typeof cqc.publishedResultsFromCsv>", [[readFileSync(join(repoRoot, "crates", "cqc-assurance", "data", "la_published_results.csv"), "utf8")]]],
    publishedRatingCounts: ["ReturnType<typeof cqc.publishedRatingCounts>", [[]]],
    publishedConflicts: ["ReturnType<typeof cqc.publishedConflicts>", [[]]],
    publishedProvenance: ["ReturnType<typeof cqc.publishedProvenance>", [[]]],
    planTimeline: ["ReturnType<typeof cqc.planTimeline>", [[{ notified: "2025-01-06", today: "2025-03-03" }], [hounslow]]],
    timeline: ["ReturnType<typeof cqc.timeline>", [[{ notified: "2025-01-06", today: "2025-03-03" }], [hounslow]]],
    timelineIcs: ["ReturnType<typeof cqc.timelineIcs>", [[{ notified: "2025-01-06" }, "2025-01-06"]]],
    timelineText: ["ReturnType<typeof cqc.timelineText>", [[{ notified: "2025-01-06" }]]],
    timelineProfile: ["ReturnType<typeof cqc.timelineProfile>", [[]]],
    bankHolidays: ["ReturnType<typeof cqc.bankHolidays>", [[2026]]],
    bankHolidaysFromGovUk: ["ReturnType<typeof cqc.bankHolidaysFromGovUk>", [[govUk]]],
    easterSunday: ["ReturnType<typeof cqc.easterSunday>", [[2026]]],
    isWorkingDay: ["ReturnType<typeof cqc.isWorkingDay>", [["2026-05-04"]]],
    nonWorkingReason: ["ReturnType<typeof cqc.nonWorkingReason>", [["2026-05-04"], ["2026-05-05"]]],
    addWorkingDays: ["ReturnType<typeof cqc.addWorkingDays>", [["2026-05-01", 1]]],
    workingDaysBetween: ["ReturnType<typeof cqc.workingDaysBetween>", [["2026-05-01", "2026-05-08"]]],
    checkWorkbook: ["ReturnType<typeof cqc.checkWorkbook>", [[workbook, "2025-04-01"], ['{"version": 99}', "2025-04-01"]]],
    evidenceFromCsv: ["ReturnType<typeof cqc.evidenceFromCsv>", [[evidence], [evidence + "x,y\r\n"]]],
    compareWithEngland: ["ReturnType<typeof cqc.compareWithEngland>", [[50, 60, true, 1]]],
    starterWorkbook: ["ReturnType<typeof cqc.starterWorkbook>", [["Liverpool"]]],
    importCsv: ["ReturnType<typeof cqc.importCsv>", [[workbook, "evidence", evidence], [workbook, "evidence", "id\r\n"]]],
    registerToCsv: ["ReturnType<typeof cqc.registerToCsv>", [[workbook, "actions"]]],
  };
  // rateMany returns typed arrays, which have no literal form to check; api.test.mjs checks
  // that they are Uint8Arrays.
  const unchecked = ["rateMany"];
  assert.deepEqual(Object.keys(cqc).filter((f) => !unchecked.includes(f)).sort(), Object.keys(calls).sort());
  const entries = [];
  for (const [fn, [type, argLists]] of Object.entries(calls)) {
    for (const args of argLists) {
      entries.push({ label: `${fn}(${args.map((a) => JSON.stringify(a)?.slice(0, 30)).join(", ")})`, type, value: cqc[fn](...args) });
    }
  }
  const dir = project(t);
  const { text, starts } = typedConstants(entries);
  const named = compile(dir, "functions.ts", text)
    .split("\n")
    .filter((l) => l.includes("error TS"))
    .map((l) => `${labelOf(starts, l)}: ${l}`);
  assert.deepEqual(named, [], `results that differ from their declarations:\n${named.join("\n")}`);
});
