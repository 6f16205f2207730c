// The explicit-init entries `cqc-assurance/init`, `/rating/init`, `/timeline/init` and
// `/workbook/init` in node, resolved through package.json's `exports` as an installed package
// is: importing one loads no module; `await init()` loads its module(s) from the package, or
// from the bytes or the WebAssembly.Module given; each exports its sub-path's functions and
// `init`, sharing one instance with the other entries. (The browser side: tests/browser/.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cqc, modules, rootModules, glueFunctions, pkgDir, installedProject } from "./helpers.mjs";

const names = Object.keys(modules);
const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));

let project;
before(() => {
  project = installedProject("cqc-init-");
});
after(() => project.remove());
const inApp = (code) => project.run(code);

const calls = {
  rating: ["rate([2, 3, 3, 2, 2, 2, 2, 3, 3]).percent", 62],
  published: ['findCouncil("Manchester").gssCode', "E08000003"],
  timeline: ['addWorkingDays("2025-04-17", 1)', "2025-04-22"],
  workbook: ["compareWithEngland(50, 60, true, 1)", "worse"],
};
// The report and office modules take a workbook: a new one, as its file's text.
const blank = JSON.stringify(JSON.stringify(cqc.starterWorkbook("Anytown")));
calls.report = [`workbookReportHtml(${blank}, "2025-04-01").slice(0, 15)`, "<!DOCTYPE html>"];
calls.office = [`workbookToXlsx(${blank}).slice(0, 2).join(",")`, "80,75"];

test("package.json: each init entry has types, node, browser and default files, all packed", () => {
  for (const [sub, file] of [["./init", "init"], ...names.map((n) => [`./${n}/init`, `${n}.init`])]) {
    assert.deepEqual(
      pkg.exports[sub],
      { types: `./${file}.d.ts`, node: `./${file}.node.js`, browser: `./${file}.web.js`, default: `./${file}.web.js` },
      sub,
    );
    for (const ext of [".d.ts", ".node.js", ".web.js"]) assert.ok(pkg.files.includes(`${file}${ext}`), `${file}${ext}`);
    // No side effects at import: bundlers may drop an unused init entry.
    assert.ok(!pkg.sideEffects.some((f) => f.includes(".init.") || f === "./init.node.js" || f === "./init.web.js"), sub);
  }
});

test("each module's init entry loads nothing at import, its module at init(), and exports its functions and init", () => {
  for (const name of names) {
    const got = inApp(`
      const m = await import("cqc-assurance/${name}/init");
      out.keys = Object.keys(m).sort();
      out.atImport = [...wasmRead];
      await m.init();
      await m.init(); // again: nothing more
      const { ${calls[name][0].split("(")[0]} } = m;
      out.result = ${calls[name][0]};
    `);
    assert.deepEqual(got.keys, [...glueFunctions(name), "init"].sort(), `${name}/init exports`);
    assert.deepEqual(got.atImport, [], `${name}/init loads nothing at import`);
    assert.deepEqual(got.wasmRead, [modules[name].wasm], `${name}/init loads its module once`);
    assert.equal(got.result, calls[name][1]);
  }
});

test("init(bytes) and init(WebAssembly.Module) load the module given, not the package's file", () => {
  const wasm = join(pkgDir, modules.rating.wasm);
  const got = inApp(`
    const { readFile } = await import("node:fs/promises");
    const bytes = await readFile(${JSON.stringify(wasm)});
    const { init, rate } = await import("cqc-assurance/rating/init");
    await init(bytes);
    out.fromBytes = rate([2, 3, 3, 2, 2, 2, 2, 3, 3]).percent;
    const timeline = await import("cqc-assurance/timeline/init");
    const compiled = await WebAssembly.compile(await readFile(${JSON.stringify(join(pkgDir, modules.timeline.wasm))}));
    await timeline.init(compiled);
    out.fromModule = timeline.addWorkingDays("2025-12-24", 1);
    // The other entries share the instance: the sub-path loads nothing more.
    const sub = await import("cqc-assurance/rating");
    out.same = sub.rate === rate;
  `);
  assert.equal(got.fromBytes, 62);
  assert.equal(got.fromModule, "2025-12-29");
  assert.equal(got.same, true);
  assert.deepEqual(got.wasmRead, [], "no module read by the package");
});

test("the root init entry loads the root modules, takes sources by module, and rejects an unknown key", () => {
  const got = inApp(`
    const m = await import("cqc-assurance/init");
    out.keys = Object.keys(m).sort();
    out.atImport = [...wasmRead];
    for (const bad of [null, 5, "rating", [], { ratings: new Uint8Array(0) }]) {
      try { await m.init(bad); out.accepted = true; } catch (e) { (out.errors ??= []).push(e.name + ": " + e.message); }
    }
    await m.init();
    out.results = [m.rate([2, 3, 3, 2, 2, 2, 2, 3, 3]).percent, m.addWorkingDays("2025-04-17", 1), m.compareWithEngland(50, 60, true, 1)];
  `);
  assert.deepEqual(got.keys, [...rootModules.flatMap(glueFunctions), "init"].sort());
  assert.deepEqual(got.atImport, []);
  assert.equal(got.accepted, undefined);
  assert.equal(got.errors.length, 5);
  for (const e of got.errors) assert.match(e, /^TypeError: init: /);
  assert.match(got.errors[4], /unknown module "ratings"/);
  assert.deepEqual(got.results, [62, "2025-04-22", "worse"]);
  assert.deepEqual([...got.wasmRead].sort(), rootModules.map((n) => modules[n].wasm).sort());
});
