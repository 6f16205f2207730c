// A TypeScript usage example of the npm package, checked by `tsc --noEmit --strict` in
// bindings/js/test.sh (`npm test`) against the package's .d.ts files (installed from the packed tarball).
//
// The root `cqc-assurance` has the whole API; the sub-paths `cqc-assurance/rating`,
// `/published`, `/timeline` and `/workbook` have one WebAssembly module's functions each (and
// every type), so that a browser page downloads only the modules it imports.
import {
  rate,
  explain,
  improvementPaths,
  ratingProbabilities,
  checkPublished,
  findCouncil,
  framework,
  rateMany,
  type CqcError,
  type RatingId,
  type RatingResult,
  type StatementId,
} from "cqc-assurance";
import { ratingForTotal, type RatingForTotal } from "cqc-assurance/rating";
import {
  planTimeline,
  timelineIcs,
  addWorkingDays,
  type Timeline,
  type CqcError as TimelineError,
} from "cqc-assurance/timeline";
import { compareWithEngland, type Comparison } from "cqc-assurance/workbook";
// The explicit-init entries: no top-level await; `init()` takes a URL, a Response, bytes or a
// WebAssembly.Module (or nothing: the module beside the entry).
import { init as initRating, rate as rateAfterInit, type WasmSource } from "cqc-assurance/rating/init";
import { init, type WasmSources } from "cqc-assurance/init";
// A sub-path has its own module's functions only (and every type).
import * as timelineOnly from "cqc-assurance/timeline";
// @ts-expect-error: checkWorkbook is in cqc-assurance/workbook, not in cqc-assurance/timeline
void timelineOnly.checkWorkbook;

// Liverpool's published scores, QS1-QS9.
const result: RatingResult = rate([2, 3, 3, 2, 2, 2, 2, 3, 3]);
const rating: RatingId = result.rating;
const next: RatingId | null = result.band.nextRating;
console.log(rating, result.percent, result.percentExact, next, result.band.pointsToNextRating);

// Keyed by statement id, number or published name; null = not assessed.
const partial = rate({ scores: { "assessing-needs": 2, "Partnership & communities": 3, QS9: null } });
const first: StatementId = partial.statements[0].statement;
console.log(first, partial.assessed);

console.log(explain([2, 3, 3, 2, 2, 2, 2, 3, 3]).text);

for (const path of improvementPaths([2, 3, 3, 2, 2, 2, 2, 3, 3], "good").paths) {
  console.log(path.increases.map((i) => `${i.statement} ${i.from}→${i.to}`).join(", "));
}

const p = ratingProbabilities({ scores: { equity: [0.5, 0.5, 0, 0], learning: 3 } });
console.log(p.mostLikely, p.ratings.map((r) => r.probability));

const camden = findCouncil("London Borough of Camden");
if (camden.scores !== null && camden.rating !== null) {
  const check = checkPublished(camden.scores, camden.rating);
  console.log(check.consistent, check.findings.map((f) => f.kind));
}

const ids: string[] = framework().statements.map((s) => s.id);
console.log(ids.length);

const batch = rateMany(new Uint8Array([2, 3, 3, 2, 2, 2, 2, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4]));
const ratings: Uint8Array = batch.ratings;
console.log(ratings, batch.percents);

const t: Timeline = planTimeline({ notified: new Date(2025, 0, 6), actuals: { draft_report: "2025-04-14" } });
const due = t.milestones.find((m) => m.id === "factual_accuracy_due");
console.log(due?.date, timelineIcs({ notified: "2025-01-06" }, "2025-02-01").length);
// The visit as one milestone, the pre-election settings, the forecasts of recorded cases.
const planned: Timeline = planTimeline({
  notified: "2026-12-07",
  actuals: { visit_notice: "2027-03-01", visit: { start: "2027-04-19", end: "2027-04-22" } },
  preElection: { electionYears: [2027], policy: "move" },
  closures: ["2026-12-29"],
});
const visit = planned.milestones.find((m) => m.id === "visit");
const published = planned.milestones.find((m) => m.id === "publication");
console.log(visit?.end, visit?.lengthDays, published?.forecast?.latest, planned.preElection.length);
console.log(addWorkingDays("2025-04-14", 10));

try {
  rate([2, 3, 3, 2, Number.NaN, 2, 2, 3, 3]);
} catch (e) {
  const err = e as CqcError;
  if (err.code === "score_out_of_range") console.log(err.path, err.family, err.message);
}

// 22 points over 9 statements: the rating and the published percentage.
const total: RatingForTotal | null = ratingForTotal(22, 9);
console.log(total?.rating, total?.percent);

// The same error type, whichever entry it is imported from.
try {
  addWorkingDays("14/04/2025", 1);
} catch (e) {
  const err: CqcError = e as TimelineError;
  console.log(err.code === "invalid_date", err.path);
}

const adults: Comparison = compareWithEngland(71.2, 68.9, true, 1);
console.log(adults);

// Explicit init: the rating module from a URL of the page's choosing, the others from beside
// the entry.
const wasmUrl: WasmSource = new URL("./cqc_assurance_bg.wasm", import.meta.url);
const sources: WasmSources = { rating: wasmUrl };
await Promise.all([initRating(wasmUrl), init(sources)]);
console.log(rateAfterInit([2, 3, 3, 2, 2, 2, 2, 3, 3]).percent);
// @ts-expect-error: the modules are rating, timeline and workbook
void init({ ratings: wasmUrl });
