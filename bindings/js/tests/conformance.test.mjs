// Runs the shared conformance vectors (tests/conformance/*.json at the repository root, format
// in its README.md) against the JavaScript API. Expected field names are converted to
// camelCase, as the package returns them; values (ids, ratings) are compared as written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cqc, viaSubPaths, conformanceFiles, camel } from "./helpers.mjs";
import { run } from "./conformance-ops.mjs";

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
