// Internal to the package (not an entry point): `rate`, as the rating entries export it.
//
// For the common call, an array of nine scores (numbers, or null for a statement not
// assessed), the scores go to the rating module as a Float64Array (the nulls as bits of a
// mask), the module rates them and writes the result's numbers into another Float64Array
// (names as indexes into the core's own lists, `packedNames`; the band's wording as an index,
// each wording fetched once with `packedWording`), and the object is built here in the shape
// `rate` has always returned (the same keys in the same order, camelCase): several times
// faster than writing the result as JSON text in wasm and parsing it here. Nothing is decided
// here: every number and name comes from the core, which also judges every score (a number it
// does not accept sends the call to the other path). Any other argument (a document, a typed
// array, a string, bad input) goes to the module's `rate`, which reads every form and throws
// every error. A test compares the two paths for every vector of nine scores
// (bindings/js/tests/rate.test.mjs).
import {
  rate as rateFromJson,
  _ratePacked as ratePacked,
  _packedNames as packedNames,
  _packedWording as packedWording,
} from "./cqc_assurance.js";

const scores = new Float64Array(9);
const slots = new Float64Array(17 + 3 * 9);
let names;
const wordings = [];

export function rate(assessment) {
  if (!Array.isArray(assessment) || assessment.length !== 9) return rateFromJson(assessment);
  let notAssessed = 0;
  for (let i = 0; i < 9; i++) {
    const v = assessment[i];
    if (v === null) {
      notAssessed |= 1 << i;
      scores[i] = 0;
    } else if (typeof v === "number") {
      scores[i] = v;
    } else {
      return rateFromJson(assessment);
    }
  }
  if (!ratePacked(scores, notAssessed, slots)) return rateFromJson(assessment);
  names ??= packedNames();
  const s = slots;
  const ratings = names.ratings;
  const statements = [];
  for (let i = 0, n = s[16]; i < n; i++) {
    const at = 17 + 3 * i;
    statements.push({
      statement: names.statements[s[at]],
      theme: names.themes[s[at + 1]],
      score: s[at + 2],
    });
  }
  return {
    method: names.methods[s[0]],
    rating: ratings[s[1]],
    total: s[2],
    max: s[3],
    assessed: s[4],
    percent: s[5],
    percentExact: s[6],
    statements,
    band: {
      rating: ratings[s[7]],
      lowerPercent: s[8],
      upperPercent: s[9],
      percentAboveLowerEdge: s[10],
      nextRating: s[11] < 0 ? null : ratings[s[11]],
      pointsToNextRating: s[12] < 0 ? null : s[12],
      slackPoints: s[13] < 0 ? null : s[13],
      half: names.halves[s[14]],
      wording: (wordings[s[15]] ??= packedWording(s[15])),
    },
  };
}
