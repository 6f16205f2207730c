// `rate` has two paths (npm/rate.js): a plain array of nine scores is rated with its numbers
// passed back in a Float64Array and the object built in JavaScript; everything else goes
// through the module's JSON result. Both must give the same object, key for key and in the
// same order (JSON.stringify compares both), for every input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cqc, modules, pkgDir, INTERNAL } from "./helpers.mjs";

const { rate } = cqc;
/** The same scores as a document: `rate` takes the JSON path for it. */
const viaJson = (scores) => rate({ scores });

test("every vector of nine scores 1-4 gives the same result by both paths", () => {
  const scores = new Array(9);
  for (let n = 0; n < 4 ** 9; n++) {
    for (let i = 0, k = n; i < 9; i++, k = Math.floor(k / 4)) scores[i] = 1 + (k % 4);
    const fast = JSON.stringify(rate(scores));
    const json = JSON.stringify(viaJson(scores));
    if (fast !== json) assert.equal(fast, json, `scores ${scores}`);
  }
});

test("vectors with statements not assessed give the same result by both paths", () => {
  // Every pattern of not-assessed statements (all but all nine), with scores cycling 1-4.
  const scores = new Array(9);
  for (let mask = 0; mask < 2 ** 9 - 1; mask++) {
    for (let shift = 0; shift < 4; shift++) {
      for (let i = 0; i < 9; i++) scores[i] = mask & (1 << i) ? null : 1 + ((i + shift) % 4);
      assert.equal(JSON.stringify(rate(scores)), JSON.stringify(viaJson(scores)), `scores ${scores}`);
    }
  }
});

test("the result is a fresh object each call", () => {
  const a = rate([2, 3, 3, 2, 2, 2, 2, 3, 3]);
  const b = rate([2, 3, 3, 2, 2, 2, 2, 3, 3]);
  assert.notEqual(a, b);
  assert.notEqual(a.statements, b.statements);
  assert.notEqual(a.band, b.band);
  a.band.rating = "changed";
  assert.equal(b.band.rating, "requires_improvement");
});

test("a score the core rejects gets the core's error and path, whichever the path", () => {
  for (const [bad, path] of [[5, "scores[4]"], [0, "scores[4]"], [2.5, "scores[4]"], [NaN, "scores[4]"], [-0, "scores[4]"]]) {
    const scores = [2, 3, 3, 2, bad, 2, 2, 3, 3];
    assert.throws(() => rate(scores), (e) => e.code === "score_out_of_range" && e.path === path, String(bad));
  }
  assert.throws(() => rate([null, null, null, null, null, null, null, null, null]), (e) => e.code === "empty_assessment");
  assert.throws(() => rate([2, 3, 3, 2, "2", 2, 2, 3, 3]), (e) => e.name === "CqcError");
  assert.throws(() => rate([2, 3, 3, 2, undefined, 2, 2, 3, 3]), (e) => e.name === "CqcError");
});

test("other arguments take the JSON path, errors included", () => {
  assert.equal(rate(new Uint8Array([2, 3, 3, 2, 2, 2, 2, 3, 3])).percent, 62);
  assert.equal(rate({ scores: { equity: 3 } }).percent, 75);
  for (const bad of [[2, 3, 3, 2, 5, 2, 2, 3, 3], [2, 3], [null, null, null, null, null, null, null, null, null], [2, 3, 3, 2, 2.5, 2, 2, 3, 3]]) {
    assert.throws(() => rate(bad), (e) => e.name === "CqcError" && typeof e.code === "string");
  }
});

test("the fast path's helpers are internal: no entry exports them, no .d.ts declares them", () => {
  for (const entry of [cqc, ...Object.values(modules).map((m) => m.entry)]) {
    for (const f of INTERNAL) assert.equal(f in entry, false, f);
  }
  for (const dts of ["index.d.ts", "rating.d.ts"]) {
    const text = readFileSync(join(pkgDir, dts), "utf8");
    for (const f of INTERNAL) assert.equal(text.includes(f), false, `${f} in ${dts}`);
  }
});
