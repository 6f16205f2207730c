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
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cqc, conformanceFiles, here, pkgDir } from "./helpers.mjs";
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

function project() {
  assert.ok(existsSync(tsc), `${tsc} is missing: npm ci in bindings/js installs typescript`);
  const dir = mkdtempSync(join(tmpdir(), "cqc-declarations-"));
  writeFileSync(join(dir, "package.json"), '{"name": "declarations", "private": true, "type": "module"}');
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(pkgDir, join(dir, "node_modules", "cqc-assurance"), "dir");
  return dir;
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
  const dir = project();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
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
  const dir = project();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const { text, starts } = typedConstants(lies);
  const messages = compile(dir, "lies.ts", text)
    .split("\n")
    .filter((l) => l.includes("error TS"));
  const caught = new Set(messages.map((l) => labelOf(starts, l)));
  assert.deepEqual([...caught].sort(), lies.map((l) => l.label).sort(), messages.join("\n"));
});
