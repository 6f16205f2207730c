// Benchmarks of the npm package, run by hand after bindings/js/build.sh:
//   node bindings/js/bench/bench.mjs [rows]
// 1. rateMany over a Uint8Array of N rows against a plain-JavaScript implementation of the
//    same rule over an array of objects (the BASELINE, written here only to be compared with;
//    the package never uses it). Both results are checked equal row by row.
// 2. The cost of one rate() call (JS → wasm → JS with a full result object), and what it is
//    made of: a trivial wasm call, and JSON.parse of a result of the same size.
import { performance } from "node:perf_hooks";
import { rate, rateMany, version, framework } from "../pkg/node.js";

const N = Number(process.argv[2] ?? 1_000_000);

// Deterministic rows: scores 0-4 (0 = not assessed), at least one statement assessed.
let seed = 12345;
const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % 5;
const flat = new Uint8Array(N * 9);
for (let r = 0; r < N; r++) {
  let any = false;
  for (let c = 0; c < 9; c++) {
    const s = next();
    flat[r * 9 + c] = s;
    any ||= s !== 0;
  }
  if (!any) flat[r * 9] = 3;
}
const objects = [];
for (let r = 0; r < N; r++) objects.push({ scores: Array.from(flat.subarray(r * 9, r * 9 + 9)) });

// BASELINE: the rule in plain JavaScript (total / (4 × assessed), rounded up, into the bands).
const BANDS = framework().ratings.map((r) => [r.lowerPercent, r.upperPercent]);
function baseline(rows) {
  const ratings = new Array(rows.length);
  const percents = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    let total = 0;
    let assessed = 0;
    for (const s of rows[i].scores) {
      total += s;
      if (s !== 0) assessed++;
    }
    const percent = Math.ceil((100 * total) / (4 * assessed));
    ratings[i] = BANDS.findIndex(([lo, hi]) => percent >= lo && percent <= hi);
    percents[i] = percent;
  }
  return { ratings, percents };
}

function best(fn, runs = 5) {
  let min = Infinity;
  let out;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    out = fn();
    min = Math.min(min, performance.now() - t);
  }
  return { ms: min, out };
}

const wasm = best(() => rateMany(flat));
const js = best(() => baseline(objects));
for (let i = 0; i < N; i++) {
  if (wasm.out.ratings[i] !== js.out.ratings[i] || wasm.out.percents[i] !== js.out.percents[i]) {
    throw new Error(`row ${i}: rateMany and the baseline disagree`);
  }
}
console.log(`cqc-assurance ${version()}, node ${process.version}, ${N.toLocaleString("en-GB")} rows`);
console.log(`rateMany (Uint8Array, wasm):           ${wasm.ms.toFixed(1)} ms  (${((wasm.ms * 1e6) / N).toFixed(1)} ns/row)`);
console.log(`baseline (plain JS, array of objects): ${js.ms.toFixed(1)} ms  (${((js.ms * 1e6) / N).toFixed(1)} ns/row)`);
console.log(`ratio baseline / rateMany:             ${(js.ms / wasm.ms).toFixed(2)}×`);

function perCall(fn, calls = 200_000) {
  for (let i = 0; i < 10_000; i++) fn(); // warm up
  return best(() => {
    for (let i = 0; i < calls; i++) fn();
  }, 3).ms * 1000 / calls;
}
const scores = [2, 3, 3, 2, 2, 2, 2, 3, 3];
const text = JSON.stringify(rate(scores));
console.log(`rate(nine scores), one call:            ${perCall(() => rate(scores)).toFixed(2)} µs`);
console.log(`  of which a trivial wasm call:         ${perCall(() => version()).toFixed(2)} µs`);
console.log(`  and JSON.parse of its ${text.length}-byte result: ${perCall(() => JSON.parse(text)).toFixed(2)} µs`);
