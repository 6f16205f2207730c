// A TypeScript usage example of the npm package, checked by `tsc --noEmit --strict` in
// scripts/test-js.sh against the package's index.d.ts (installed from the packed tarball).
import {
  rate,
  explain,
  improvementPaths,
  ratingProbabilities,
  checkPublished,
  findCouncil,
  framework,
  rateMany,
  timeline,
  timelineIcs,
  addWorkingDays,
  type CqcError,
  type RatingId,
  type RatingResult,
  type StatementId,
  type Timeline,
} from "cqc-assurance";

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
if (camden.scores !== null) {
  const check = checkPublished(camden.scores, camden.rating);
  console.log(check.consistent, check.findings.map((f) => f.kind));
}

const ids: string[] = framework().statements.map((s) => s.id);
console.log(ids.length);

const batch = rateMany(new Uint8Array([2, 3, 3, 2, 2, 2, 2, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4]));
const ratings: Uint8Array = batch.ratings;
console.log(ratings, batch.percents);

const t: Timeline = timeline({ notified: new Date(2025, 0, 6), actuals: { draft_report: "2025-04-14" } });
const due = t.milestones.find((m) => m.id === "factual_accuracy_due");
console.log(due?.date, timelineIcs({ notified: "2025-01-06" }, "2025-02-01").length);
console.log(addWorkingDays("2025-04-14", 10));

try {
  rate([2, 3, 3, 2, Number.NaN, 2, 2, 3, 3]);
} catch (e) {
  const err = e as CqcError;
  if (err.code === "score_out_of_range") console.log(err.path, err.family, err.message);
}
