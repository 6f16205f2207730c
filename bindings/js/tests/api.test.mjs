// The JavaScript surface: every function answers in JavaScript's idiom (camelCase fields,
// ISO date strings, typed arrays) with what the core computes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { cqc, modules, rootModules, glueFunctions, pkgDir, repoRoot, expectCqcError } from "./helpers.mjs";

const LIVERPOOL = [2, 3, 3, 2, 2, 2, 2, 3, 3];

test("framework: four themes, nine statements in order, six categories, four bands", () => {
  const f = cqc.framework();
  assert.equal(f.themes.length, 4);
  assert.deepEqual(
    f.statements.map((s) => [s.number, s.index]),
    [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [n, n - 1]),
  );
  // Every statement sits in exactly one theme, and the theme lists it.
  for (const s of f.statements) {
    const themes = f.themes.filter((t) => t.statements.includes(s.id));
    assert.deepEqual(themes.map((t) => t.id), [s.theme]);
  }
  assert.deepEqual(f.localAuthorityCategories, ["peoples-experience", "staff-and-leaders", "partners", "processes"]);
  assert.equal(f.evidenceCategories.find((c) => c.id === "observation").appliesToLocalAuthorities, false);
  assert.deepEqual(
    f.ratings.map((r) => [r.id, r.lowerPercent, r.upperPercent]),
    [["inadequate", 25, 38], ["requires_improvement", 39, 62], ["good", 63, 87], ["outstanding", 88, 100]],
  );
  assert.deepEqual(f.scores.map((s) => s.score), [1, 2, 3, 4]);
  assert.match(f.frameworkUrl, /^https:\/\/www\.cqc\.org\.uk\//);
  assert.equal(cqc.version(), JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")).version);
});

test("look-ups by id, number and published names", () => {
  assert.equal(cqc.statement(6).id, "safe-systems");
  assert.equal(cqc.statement("QS6").id, "safe-systems");
  assert.equal(cqc.statement("Partnership & communities").id, "partnerships");
  assert.equal(cqc.theme("ensuring safety").id, "ensuring-safety");
  assert.equal(cqc.evidenceCategory("Feedback from partners").id, "partners");
});

test("rate: Liverpool's scores, and the same assessment in every input form", () => {
  const r = cqc.rate(LIVERPOOL);
  assert.equal(r.rating, "requires_improvement");
  assert.equal(r.percent, 62); // 22/36 = 61.1%, rounded up
  assert.equal(r.band.pointsToNextRating, 1);
  assert.equal(r.statements[0].statement, "assessing-needs"); // ids are not case-converted
  const byName = Object.fromEntries(cqc.framework().statements.map((s, i) => [s.name, LIVERPOOL[i]]));
  assert.deepEqual(cqc.rate({ scores: byName }), r);
  assert.deepEqual(cqc.rate({ version: 1, method: "current", scores: LIVERPOOL }), r);
  const doc = cqc.assessmentDocument(LIVERPOOL);
  assert.deepEqual(doc.scores["assessing-needs"], 2);
  assert.deepEqual(cqc.rate(doc), r);
});

// rate() reads a plain array of nine scores directly (its fast path) and anything else through
// the core's document parser: for every array, the two give the same result or the same error.
test("rate: an array of nine and the document { scores } agree, results and errors", () => {
  const entry = fc.oneof(
    fc.constantFrom(null, 1, 2, 3, 4),
    fc.constantFrom(0, 5, -1, 2.5, NaN, Infinity, -0, "3", undefined, true, 1e300),
  );
  const outcome = (input) => {
    try {
      return { result: cqc.rate(input) };
    } catch (e) {
      return { error: { code: e.code, path: e.path, message: e.message } };
    }
  };
  fc.assert(
    fc.property(fc.array(entry, { minLength: 8, maxLength: 10 }), (scores) => {
      assert.deepEqual(outcome(scores), outcome({ scores }));
    }),
    { numRuns: 2000 },
  );
});

test("rate: statements not assessed are left out; the earlier method", () => {
  const r = cqc.rate([2, 3, 3, 2, 3, 2, 2, 3, null]);
  assert.equal(r.assessed, 8);
  assert.equal(r.percent, 63); // 20/32 = 62.5% → 63%: good
  assert.equal(r.rating, "good");
  const e = cqc.rate({
    method: "earlier",
    evidenceScores: {
      "assessing-needs": { "peoples-experience": 3, "staff-and-leaders": 2, partners: 3, processes: 2 },
    },
  });
  assert.equal(e.method, "earlier");
  assert.equal(e.statements[0].score, 3); // 10/16 = 62.5% → 63% → 3
  assert.equal(e.statements[0].evidence.percentExact, 62.5);
  assert.equal(e.statements[0].evidence.categories[0].category, "peoples-experience");
  // Category keys are data: a camelCased id is not a category.
  expectCqcError(
    () => cqc.rate({ method: "earlier", evidenceScores: { equity: { peoplesExperience: 3 } } }),
    "unknown_evidence_category",
    "evidence_scores.equity.peoplesExperience",
  );
});

test("explain: steps and numbered text", () => {
  const e = cqc.explain(LIVERPOOL);
  assert.equal(e.rating, "requires_improvement");
  assert.ok(e.steps.some((s) => s.includes("22 out of a possible 36")));
  assert.equal(e.text.split("\n").filter(Boolean).length, e.steps.length);
  assert.ok(e.text.startsWith("1. "));
});

test("improvement paths: each path, applied, reaches the target", () => {
  const start = [1, 2, 2, 1, 2, 2, 1, 2, 2];
  const plan = cqc.improvementPaths(start, "Good");
  assert.equal(plan.target, "good");
  assert.ok(plan.paths.length > 0);
  const ids = cqc.framework().statements.map((s) => s.id);
  for (const p of plan.paths) {
    const scores = [...start];
    for (const inc of p.increases) {
      const i = ids.indexOf(inc.statement);
      assert.equal(scores[i], inc.from);
      scores[i] = inc.to;
    }
    assert.equal(cqc.rate(scores).rating, "good");
    assert.equal(p.points, plan.pointsNeeded);
  }
  assert.equal(cqc.improvementPaths([3, 3, 3, 3, 3, 3, 3, 3, 3], "good").alreadyMet, true);
});

test("probabilities, published checks, totals", () => {
  const p = cqc.ratingProbabilities([2, 3, 3, 2, [0, 0.5, 0.5, 0], 2, 2, 3, 3]);
  assert.deepEqual(p.ratings.map((r) => r.probability), [0, 0.5, 0.5, 0]);
  assert.equal(p.expectedTotal, 22.5);
  const c = cqc.checkPublished(LIVERPOOL, "good");
  assert.equal(c.consistent, false);
  assert.equal(c.findings[0].kind, "rating_mismatch");
  assert.equal(c.computed.percent, 62);
  assert.deepEqual(cqc.ratingForTotal(22, 9), { rating: "requires_improvement", percent: 62 });
  assert.equal(cqc.ratingForTotal(40, 9), null); // more than 4 per statement: no scores give it
});

test("rateMany agrees with rate, row by row, and returns typed arrays", () => {
  const rows = [LIVERPOOL, [4, 4, 4, 4, 4, 4, 4, 4, 4], [0, 0, 0, 0, 0, 0, 0, 0, 3], [1, 1, 1, 1, 1, 2, 2, 2, 2]];
  const out = cqc.rateMany(Uint8Array.from(rows.flat()));
  assert.ok(out.ratings instanceof Uint8Array && out.percents instanceof Uint8Array);
  const names = cqc.framework().ratings.map((r) => r.id);
  rows.forEach((row, i) => {
    const r = cqc.rate(row.map((s) => (s === 0 ? null : s)));
    assert.equal(names[out.ratings[i]], r.rating);
    assert.equal(out.percents[i], r.percent);
  });
  assert.equal(cqc.rateMany(new Uint8Array(0)).ratings.length, 0);
});

test("published results", () => {
  const all = cqc.publishedResults();
  assert.ok(all.length >= 75);
  const camden = cqc.findCouncil("London Borough of Camden");
  assert.equal(camden.council, "Camden");
  assert.deepEqual(camden.scores, [3, 3, 4, 3, 4, 4, 3, 4, 4]);
  assert.equal(cqc.rate(camden.scores).rating, camden.rating);
  const dist = cqc.statementDistribution();
  assert.equal(dist.length, 9);
  // Rankings and distributions compare one assessment per council: its current one.
  assert.equal(all.filter((r) => r.current).length, 153);
  const scored = all.filter((r) => r.current && r.scores !== null).length;
  for (const d of dist) assert.equal(d.counts.reduce((a, b) => a + b, 0), scored);
  const rank = cqc.rankAmongPublished(camden.scores);
  assert.equal(rank.councils, scored);
  assert.equal(rank.higher + rank.equal + rank.lower, rank.councils);
  const counts = cqc.publishedRatingCounts();
  assert.equal(
    counts.reduce((a, c) => a + c.councils, 0),
    all.filter((r) => r.current && r.rating !== null).length,
  );
  assert.equal(rank.rank, rank.higher + rank.equal + 1);
  assert.equal(rank.bestRank, rank.higher + 1);
  assert.equal(cqc.findCouncil("Manchester").gssCode, "E08000003");
  for (const { record, check } of cqc.publishedConflicts()) {
    assert.equal(check.consistent, false);
    assert.equal(check.publishedRating, record.rating);
  }
  assert.match(cqc.publishedProvenance(), /\S/);
});

test("published: regional comparisons and a refreshed dataset from the shipped CSV format", () => {
  const all = cqc.publishedResults();
  const current = all.filter((r) => r.current);
  // Counts by region: every council once, in its region, whatever its result.
  const byRegion = cqc.publishedRatingCountsByRegion();
  assert.equal(byRegion.length, 9);
  assert.equal(byRegion.reduce((a, g) => a + g.councils, 0), 153);
  for (const g of byRegion) {
    const mine = current.filter((r) => r.region === g.region);
    assert.equal(g.councils, mine.length, g.region);
    assert.equal(g.noResult, mine.filter((r) => r.assessmentKind === null).length, g.region);
    const ids = ["inadequate", "requires_improvement", "good", "outstanding"];
    assert.deepEqual(g.counts, ids.map((id) => mine.filter((r) => r.rating === id).length), g.region);
  }
  const byType = cqc.publishedRatingCountsByType();
  assert.equal(byType.reduce((a, g) => a + g.councils, 0), 153);
  // A council's ranks: England, its region, its kind; never compared with itself.
  const sefton = cqc.councilRankings("Sefton");
  const seftonRecord = cqc.findCouncil("Sefton");
  assert.equal(sefton.gssCode, seftonRecord.gssCode);
  assert.equal(sefton.region.region, "north_west");
  const inRegion = current.filter((r) => r.region === "north_west" && r.scores && r.gssCode !== sefton.gssCode);
  assert.equal(sefton.region.councils, inRegion.length);
  assert.ok(sefton.region.councils < sefton.england.councils);
  assert.equal(cqc.councilRankings("Manchester"), null); // no published scores
  const what_if = cqc.rankAmongPublished([3, 3, 3, 3, 3, 3, 3, 3, 3], "Sefton");
  assert.equal(what_if.region.councils, sefton.region.councils);
  assert.equal(what_if.england.outOf, what_if.england.councils + 1);
  assert.throws(() => cqc.councilRankings("Atlantis"), (e) => e.code === "unknown_council");
  const dist = cqc.statementDistributionByRegion();
  assert.equal(dist.length, 9);
  for (const d of dist) for (const s of d.statements) assert.equal(s.counts.reduce((a, b) => a + b, 0), d.councils);
  // Refresh: the shipped CSV read back gives the bundled records; a bad row names its line.
  const csv = readFileSync(join(repoRoot, "crates", "cqc-assurance", "data", "la_published_results.csv"), "utf8");
  assert.deepEqual(cqc.publishedResultsFromCsv(csv), all);
  const lines = csv.split("\n");
  const row = lines.findIndex((l) => l.includes(",Good,cqc,"));
  lines[row] = lines[row].replace(",Good,cqc,", ",Brilliant,cqc,");
  assert.throws(
    () => cqc.publishedResultsFromCsv(lines.join("\n")),
    (e) => typeof e.code === "string" && e.message.includes(`line ${row + 1}`),
  );
});

test("planTimeline: deadlines on real working days, Date or ISO string in, ISO strings out", () => {
  const input = { notified: "2025-01-06", actuals: { on_site_start: "2025-03-18", draft_report: "2025-04-14" } };
  const t = cqc.planTimeline(input);
  const fa = t.milestones.find((m) => m.id === "factual_accuracy_due");
  // Ten working days from 14 April 2025, skipping Good Friday (18th) and Easter Monday (21st).
  assert.equal(fa.date, "2025-04-30");
  assert.equal(fa.basis, "planned");
  assert.ok(fa.source.length > 0);
  const viaDates = cqc.planTimeline({
    notified: new Date(2025, 0, 6),
    actuals: { on_site_start: new Date(2025, 2, 18), draft_report: new Date(2025, 3, 14) },
  });
  assert.deepEqual(viaDates, t);
  const ids = t.milestones.map((m) => m.id).sort();
  assert.deepEqual(ids, cqc.timelineProfile().milestones.map((m) => m.id).sort());
  // The visit is one milestone (the earlier id on_site_start gave its first day), 4 working
  // days by default: 18-21 March 2025.
  const visit = t.milestones.find((m) => m.id === "visit");
  assert.deepEqual([visit.date, visit.end, visit.lengthDays], ["2025-03-18", "2025-03-21", 4]);
  // The second notice, not recorded, worked back from the visit.
  assert.equal(t.milestones.find((m) => m.id === "visit_notice").basis, "inferred");
  for (const m of t.milestones) {
    assert.match(m.date, /^\d{4}-\d{2}-\d{2}$/);
    if (m.kind === "deadline") assert.equal(cqc.isWorkingDay(m.date), true, m.id);
  }
});

test("planTimeline: status on a date, custom profile round trip, closures", () => {
  const t = cqc.planTimeline({ notified: "2025-01-06", today: "2025-02-01" });
  assert.equal(t.status.today, "2025-02-01");
  assert.ok(t.status.done.includes("notification"));
  // The default profile, as returned (camelCase), is accepted back and changes nothing.
  const again = cqc.planTimeline({ notified: "2025-01-06", today: "2025-02-01", profile: cqc.timelineProfile() });
  assert.deepEqual(again, t);
  // A closure day does not move CQC's deadline (CQC does not extend it): the council gets its
  // own date, its last open day before.
  const due = t.milestones.find((m) => m.id === "information_return_due").date;
  const closed = cqc.planTimeline({ notified: "2025-01-06", closures: [due] });
  const r = closed.milestones.find((m) => m.id === "information_return_due");
  assert.deepEqual([r.date, r.councilDate], [due, "2025-01-24"]);
  // Pre-election settings in JavaScript's field names: a publication planned on 26 April 2027
  // is moved out of the pre-election period (31 March - 6 May 2027), or flagged, or left.
  const pub = (input) => cqc.planTimeline(input).milestones.find((m) => m.id === "publication").date;
  assert.equal(pub({ notified: "2026-11-23" }), "2027-05-07");
  assert.equal(pub({ notified: "2026-11-23", preElection: { policy: "flag" } }), "2027-04-26");
  assert.equal(pub({ notified: "2026-11-23", preElection: { electionYears: "none" } }), "2027-04-26");
  assert.equal(
    pub({ notified: "2026-11-23", preElection: { calendar: { years: [{ year: 2027, noElections: true }] } } }),
    "2027-04-26",
  );
  expectCqcError(() => cqc.planTimeline({ notified: "2026-11-23", preElection: { policy: "ignore" } }), "invalid_json", "pre_election.policy");
  expectCqcError(() => cqc.planTimeline({ notified: "2025-02-30" }), "invalid_date", "notified");
  expectCqcError(() => cqc.planTimeline({ notified: "2025-01-06", actuals: { site_visit: "2025-03-18" } }), "unknown_milestone", "actuals.site_visit");
  expectCqcError(() => cqc.planTimeline({ notified: new Date(NaN) }), "invalid_date", "notified");
  expectCqcError(() => cqc.planTimeline({ notified: NaN }), "invalid_date", "notified");
  expectCqcError(() => cqc.planTimeline(undefined), "invalid_json", ".");
});

test("planTimeline: the .ics text", () => {
  const input = { notified: "2025-01-06" };
  const ics = cqc.timelineIcs(input, "2025-02-01");
  assert.ok(ics.startsWith("BEGIN:VCALENDAR\r\n"));
  assert.ok(ics.trimEnd().endsWith("END:VCALENDAR"));
  assert.ok(ics.includes("DTSTAMP:20250201T000000Z\r\n"));
  const events = ics.split("BEGIN:VEVENT").length - 1;
  assert.equal(events, cqc.planTimeline(input).milestones.length);
  for (const m of cqc.planTimeline(input).milestones) {
    assert.ok(ics.includes(`DTSTART;VALUE=DATE:${m.date.replaceAll("-", "")}`), m.id);
  }
  assert.equal(cqc.timelineIcs(input, "2025-02-01"), ics); // reproducible
  const stamped = cqc.timelineIcs(input, new Date(Date.UTC(2025, 1, 1, 12, 30, 0)));
  assert.ok(stamped.includes("DTSTAMP:20250201T123000Z"));
  assert.match(cqc.timelineIcs(input), /DTSTAMP:\d{8}T\d{6}Z/);
  expectCqcError(() => cqc.timelineIcs(input, new Date(NaN)), "invalid_date", "stamp");
  assert.match(cqc.timelineText(input), /factual|Factual/);
});

test("working days and bank holidays", () => {
  assert.equal(cqc.easterSunday(2025), "2025-04-20");
  const h2025 = cqc.bankHolidays(2025);
  assert.equal(h2025.length, 8);
  assert.ok(h2025.every((h) => cqc.isWorkingDay(h.date) === false));
  assert.equal(cqc.addWorkingDays("2025-04-14", 10), "2025-04-30");
  assert.equal(cqc.workingDaysBetween("2025-04-14", "2025-04-30"), 10);
  assert.equal(cqc.workingDaysBetween("2025-04-30", "2025-04-14"), -10);
  assert.equal(cqc.nonWorkingReason("2025-04-18"), "Good Friday");
  assert.equal(cqc.nonWorkingReason("2025-04-17"), null);
  assert.equal(cqc.isWorkingDay("2025-12-29"), true);
  assert.equal(cqc.isWorkingDay(new Date(2025, 11, 29), { closures: ["2025-12-29"] }), false);
  const govUk = {
    "england-and-wales": {
      division: "england-and-wales",
      events: [{ title: "A one-off day", date: "2031-06-06", notes: "", bunting: true }],
    },
  };
  const official = cqc.bankHolidaysFromGovUk(govUk);
  assert.deepEqual(official.map((h) => h.date), ["2031-06-06"]);
  assert.deepEqual(cqc.bankHolidaysFromGovUk(JSON.stringify(govUk)), official);
  // One day of 2031 is part of a year: refused, not taken as a year with one holiday.
  expectCqcError(() => cqc.isWorkingDay("2031-06-06", { bankHolidays: official }), "incomplete_holidays", "bank_holidays");
  // The whole year with the one-off day is taken.
  const year = [...cqc.bankHolidays(2031), ...official];
  assert.equal(cqc.isWorkingDay("2031-06-06", { bankHolidays: year }), false);
  for (const bad of [NaN, 2.5, "2025", undefined, 1e6]) {
    expectCqcError(() => cqc.easterSunday(bad), "date_out_of_range", "year");
  }
  expectCqcError(() => cqc.addWorkingDays("2025-04-14", NaN), "invalid_json", "days");
  expectCqcError(() => cqc.addWorkingDays("14/04/2025", 1), "invalid_date", "date");
  expectCqcError(() => cqc.isWorkingDay("2025-04-14", { closures: ["nope"] }), "invalid_date", "closures[0]");
});

// ------------------------------------------------------------------------------------------
// The package's declarations and entry points
// ------------------------------------------------------------------------------------------

const dts = readFileSync(join(pkgDir, "index.d.ts"), "utf8");
// The results' types, generated from the Rust types (bindings/js/src/typescript.rs).
const generated = readFileSync(join(pkgDir, "types.d.ts"), "utf8");

test("index.d.ts declares exactly the functions the entry points export, with no any", () => {
  // Each name once: an overload (rankAmongPublished with a council) is declared twice.
  const declared = [...new Set([...dts.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]))].sort();
  const exported = Object.keys(cqc).sort();
  assert.deepEqual(exported, declared);
  // The root modules' glue: together they export every function index.d.ts declares, each once
  // (which sub-path exports which is tested in entries.test.mjs; the report and office modules,
  // on their sub-paths only, are declared in their own files).
  const glueExports = rootModules.flatMap(glueFunctions).sort();
  assert.deepEqual(glueExports, declared, "node.js/web.js must re-export every wasm export");
  const others = Object.keys(modules).filter((m) => !rootModules.includes(m));
  for (const file of ["index.d.ts", "types.d.ts", ...Object.keys(modules).map((m) => `${m}.d.ts`), ...others.map((m) => `${m}.types.d.ts`)]) {
    const text = readFileSync(join(pkgDir, file), "utf8");
    assert.doesNotMatch(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ""), /\bany\b/, file);
  }
});

test("the declarations list every error code and family of the core", () => {
  const src = readFileSync(join(repoRoot, "crates/cqc-assurance/src/error.rs"), "utf8");
  // The core's one table of variants, codes and families (`error_table! { Variant => "code", Family; ... }`).
  const start = src.indexOf("\nerror_table! {");
  assert.ok(start > 0, "error.rs has no error_table! invocation");
  const table = src.slice(start, src.indexOf("\n}", start));
  const codes = [...new Set([...table.matchAll(/=> "([a-z_]+)", \w+;/g)].map((m) => m[1]))];
  assert.ok(codes.length >= 40, `only ${codes.length} codes read from error_table!`);
  const union = generated.slice(generated.indexOf("export type ErrorCode"), generated.indexOf(";", generated.indexOf("export type ErrorCode")));
  const declared = [...union.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
  assert.deepEqual(declared.sort(), [...codes].sort());
  const famFn = src.slice(src.indexOf("pub fn as_str(self)"));
  const families = [...famFn.slice(0, famFn.indexOf("}\n    }")).matchAll(/=> "([a-z_]+)"/g)].map((m) => m[1]);
  const famUnion = generated.slice(generated.indexOf("export type ErrorFamily"), generated.indexOf(";", generated.indexOf("export type ErrorFamily")));
  assert.deepEqual([...famUnion.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]).sort(), families.sort());
});

/** The names of one column of API.md's tables (`Rust`, `Python`, `JavaScript`), each once. */
function apiTableColumn(column) {
  const names = new Set();
  let index = -1;
  for (const line of readFileSync(join(repoRoot, "API.md"), "utf8").split("\n")) {
    if (!line.startsWith("|")) continue;
    const cells = line.split("|").slice(1, -1).map((c) => c.trim());
    if (cells[0] === "Task") index = cells.indexOf(column);
    else if (index > 0 && !cells[0].startsWith("---")) {
      for (const m of cells[index].matchAll(/`([^`]+)`/g)) names.add(m[1]);
    }
  }
  return names;
}

test("API.md names every function the package declares, and only those", () => {
  const files = ["index.d.ts", ...Object.keys(modules).filter((m) => !rootModules.includes(m)).map((m) => `${m}.types.d.ts`)];
  const declared = new Set(files.flatMap((f) => [...readFileSync(join(pkgDir, f), "utf8").matchAll(/^export function (\w+)\(/gm)].map((m) => m[1])));
  const listed = apiTableColumn("JavaScript");
  assert.ok(listed.size >= 40, `only ${listed.size} JavaScript names read from API.md`);
  assert.deepEqual([...declared].filter((n) => !listed.has(n)).sort(), [], "declared but not in API.md");
  assert.deepEqual([...listed].filter((n) => !declared.has(n)).sort(), [], "in API.md but not declared");
});

test("timeline: planTimeline under its name in 0.1, so that code written for 0.1 runs", () => {
  const input = { notified: "2025-01-06", today: "2025-02-01" };
  assert.deepEqual(cqc.timeline(input), cqc.planTimeline(input));
  expectCqcError(() => cqc.timeline({ notified: "2025-02-30" }), "invalid_date", "notified");
});
