// Invalid input from JavaScript gets the core's error (a thrown Error with `code`, `family`
// and `path`), never a WebAssembly trap, never a silent `null` or a wrong answer.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cqc, expectCqcError } from "./helpers.mjs";

const LIVERPOOL = [2, 3, 3, 2, 2, 2, 2, 3, 3];
const with4 = (v) => LIVERPOOL.map((s, i) => (i === 4 ? v : s));

test("NaN, Infinity, strings, undefined, holes and fractions as scores", () => {
  for (const bad of [NaN, Infinity, -Infinity, "2", undefined, 2.5, 0, 5, -1, true, {}, [], () => 3, Symbol("s")]) {
    const err = expectCqcError(() => cqc.rate(with4(bad)), "score_out_of_range", "scores[4]");
    assert.equal(err.family, "score");
  }
  // eslint-disable-next-line no-sparse-arrays
  expectCqcError(() => cqc.rate([2, 3, 3, 2, , 2, 2, 3, 3]), "score_out_of_range", "scores[4]");
  // JSON.stringify would have turned NaN into null ("not assessed"): the message names NaN.
  assert.match(expectCqcError(() => cqc.rate(with4(NaN)), "score_out_of_range").message, /NaN/);
});

test("the same in documents keyed by statement", () => {
  for (const bad of [NaN, undefined, "3", 3.5, Infinity]) {
    expectCqcError(() => cqc.rate({ scores: { safeguarding: bad, equity: 3 } }), "score_out_of_range", "scores.safeguarding");
  }
  expectCqcError(
    () => cqc.rate({ method: "earlier", evidenceScores: { equity: { partners: NaN } } }),
    "score_out_of_range",
    "evidence_scores.equity.partners",
  );
});

test("wrong lengths", () => {
  expectCqcError(() => cqc.rate(LIVERPOOL.slice(0, 8)), "wrong_length", "scores");
  expectCqcError(() => cqc.rate([...LIVERPOOL, 3]), "wrong_length", "scores");
  expectCqcError(() => cqc.rate([]), "wrong_length", "scores");
  expectCqcError(() => cqc.ratingProbabilities({ scores: { equity: [0.5, 0.5] } }), "wrong_length", "scores.equity");
  expectCqcError(() => cqc.rateMany(new Uint8Array(10)), "wrong_length", "scores");
});

test("not an assessment at all", () => {
  for (const bad of [undefined, null, "2,3,3", 3, true, Symbol("x"), () => 1]) {
    const err = expectCqcError(() => cqc.rate(bad), "invalid_json", ".");
    assert.equal(err.family, "document");
    assert.match(err.message, /expected an assessment/);
  }
  expectCqcError(() => cqc.rate({ scores: "2,3,3" }), "invalid_json", "scores");
  expectCqcError(() => cqc.rate({ scores: LIVERPOOL, themeScores: {} }), "invalid_json");
  expectCqcError(() => cqc.rate({}), "empty_assessment", "scores");
  expectCqcError(() => cqc.rate({ scores: undefined }), "empty_assessment", "scores");
  expectCqcError(() => cqc.rate(Array(9).fill(null)), "empty_assessment", "scores");
});

test("undefined document fields are absent, as in JSON.stringify and TypeScript", () => {
  assert.equal(cqc.rate({ version: undefined, method: undefined, scores: LIVERPOOL }).percent, 62);
});

test("cycles, deep nesting and throwing getters", () => {
  const cyclic = { scores: {} };
  cyclic.scores.self = cyclic;
  assert.match(expectCqcError(() => cqc.rate(cyclic), "invalid_json", "scores.self").message, /cycle/);
  const array = [];
  array.push(array);
  expectCqcError(() => cqc.rate(array), "invalid_json", "scores[0]");
  let deep = 3;
  for (let i = 0; i < 200; i++) deep = [deep];
  expectCqcError(() => cqc.rate({ scores: deep }), "invalid_json");
  const getter = {
    get scores() {
      throw new Error("boom");
    },
  };
  assert.match(expectCqcError(() => cqc.rate(getter), "invalid_json", "scores").message, /boom/);
});

test("names that do not resolve", () => {
  expectCqcError(() => cqc.rate({ scores: { wellbeing: 3 } }), "unknown_statement", "scores.wellbeing");
  expectCqcError(() => cqc.statement("asessing"), "unknown_statement");
  expectCqcError(() => cqc.statement(undefined), "unknown_statement");
  expectCqcError(() => cqc.theme("culture"), "unknown_theme");
  expectCqcError(() => cqc.evidenceCategory(NaN), "unknown_evidence_category");
  expectCqcError(() => cqc.findCouncil("Narnia"), "unknown_council", null);
  expectCqcError(() => cqc.findCouncil(undefined), "unknown_council", null);
  for (const bad of [NaN, undefined, null, 3, "excellent", {}]) {
    expectCqcError(() => cqc.improvementPaths(LIVERPOOL, bad), "unknown_rating", "target");
    expectCqcError(() => cqc.checkPublished(LIVERPOOL, bad, 62), "unknown_rating", "rating");
  }
  expectCqcError(() => cqc.rate({ method: NaN, scores: LIVERPOOL }), "unknown_method", "method");
});

test("published percentages", () => {
  for (const bad of [NaN, Infinity, 62.5, -1, 256, 1e9, "62", true, [62]]) {
    const err = expectCqcError(() => cqc.checkPublished(LIVERPOOL, "good", bad), "invalid_percent", "percent");
    assert.equal(err.family, "score");
  }
  expectCqcError(() => cqc.checkPublished(LIVERPOOL, "good", 101), "invalid_percent", "percent");
  expectCqcError(() => cqc.checkPublished(LIVERPOOL, "good", 24), "invalid_percent", "percent");
  // Not given (undefined or null) is a check of the rating alone.
  assert.equal(cqc.checkPublished(LIVERPOOL, "requires_improvement").consistent, true);
  assert.equal(cqc.checkPublished(LIVERPOOL, "requires_improvement", null).consistent, true);
});

test("probabilities", () => {
  for (const bad of [NaN, Infinity, "0.5", undefined, null]) {
    expectCqcError(
      () => cqc.ratingProbabilities({ scores: { equity: [bad, 0.5, 0.5, 0] } }),
      "invalid_probability",
      "scores.equity[0]",
    );
  }
  expectCqcError(() => cqc.ratingProbabilities({ scores: { equity: [0.5, 0.5, 0.5, 0] } }), "invalid_probability", "scores.equity");
  expectCqcError(() => cqc.ratingProbabilities(undefined), "invalid_json", ".");
});

test("rateMany takes a Uint8Array and reports the first bad row", () => {
  for (const bad of [[2, 3, 3, 2, 2, 2, 2, 3, 3], undefined, null, "x", new Uint16Array(9), new Uint8ClampedArray(9)]) {
    expectCqcError(() => cqc.rateMany(bad), "invalid_json", "scores");
  }
  // Every other typed array is named and refused, not converted (NaN would become 0, "not
  // assessed"; 258 would wrap to 2).
  const typed = [Int8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array];
  for (const T of typed) {
    const e = expectCqcError(() => cqc.rateMany(new T(9)), "invalid_json", "scores");
    assert.match(e.message, new RegExp(`^scores: invalid JSON: rateMany takes a Uint8Array of rows of nine scores \\(a multiple of 9 values, 0 = not assessed\\), got a ${T.name}: `));
    assert.match(e.message, /copy the scores \(whole numbers 0-4\) into a Uint8Array/);
  }
  assert.match(expectCqcError(() => cqc.rateMany(new DataView(new ArrayBuffer(9))), "invalid_json", "scores").message, /got a DataView/);
  assert.match(expectCqcError(() => cqc.rateMany(new ArrayBuffer(9)), "invalid_json", "scores").message, /got an ArrayBuffer: pass new Uint8Array\(buffer\)/);
  assert.match(expectCqcError(() => cqc.rateMany([2, 3, 3, 2, 2, 2, 2, 3, 3]), "invalid_json", "scores").message, /got an array: /);
  // A length that is not a multiple of 9: the last row is incomplete.
  for (const [n, last] of [[1, 1], [10, 1], [17, 8]]) {
    const e = expectCqcError(() => cqc.rateMany(new Uint8Array(n).fill(2)), "wrong_length", "scores");
    assert.equal(e.message, `scores: expected a multiple of 9 scores (rows of nine, QS1-QS9), got ${n}: the last row has ${last}`);
  }
  const rows = new Uint8Array([...LIVERPOOL, 1, 1, 1, 1, 7, 1, 1, 1, 1]);
  expectCqcError(() => cqc.rateMany(rows), "score_out_of_range", "scores[1][4]");
  expectCqcError(() => cqc.rateMany(new Uint8Array(18).fill(2, 0, 9)), "empty_assessment", "scores[1]");
});

test("ratingForTotal takes whole numbers", () => {
  for (const bad of [NaN, 2.5, -1, "22", undefined]) {
    expectCqcError(() => cqc.ratingForTotal(bad, 9), "invalid_json", "total");
    expectCqcError(() => cqc.ratingForTotal(22, bad), "invalid_json", "assessed");
  }
});

test("the module keeps working after every kind of error", () => {
  // A wasm trap would leave the module unusable; errors must not.
  assert.equal(cqc.rate(LIVERPOOL).percent, 62);
});
