// The npm package's browser entries in headless Chromium, served by the demo's server: each
// sub-path (`rating.web.js`, `timeline.web.js`, `workbook.web.js`) fetches its own WebAssembly
// module only and exports exactly that module's functions, ready to call when the import
// resolves; the root `web.js` exports those of the four root modules and fetches them in parallel
// (the report and office modules are on their sub-paths only).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot, startDemo } from "./browser.mjs";
import { INTERNAL } from "../../bindings/js/tests/internal.mjs";
import { MODULES, ROOT_MODULES } from "../../bindings/js/entries.mjs";

const jsDir = join(repoRoot, "bindings", "js");
const pkgDir = join(jsDir, "pkg");

const modules = Object.fromEntries(
  MODULES.map((m) => [m.name, { glue: `${m.glue}.js`, wasm: `${m.glue}_bg.wasm` }]),
);
/** A module's functions: what its wasm-bindgen glue exports, less what only the package's glue calls. */
const functionsOf = (name) =>
  [...readFileSync(join(pkgDir, modules[name].glue), "utf8").matchAll(/^export function (\w+)\(/gm)]
    .map((m) => m[1])
    .filter((f) => !INTERNAL.includes(f))
    .sort();

let demo;
let browser;
let base;

before(async () => {
  demo = await startDemo();
  ({ browser, base } = demo);
});

after(async () => {
  await demo?.close();
});

/** A blank page on the server's origin, recording the paths it requests. */
async function blankPage() {
  const page = await browser.newPage();
  const fetched = [];
  const problems = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  await page.route(`${base}/blank.html`, (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>blank</title>" }),
  );
  await page.goto(`${base}/blank.html`);
  fetched.length = 0;
  return { page, fetched, problems };
}

/** Imports `path` in the page: its export names, and one call of `call` (a function's name and arguments). */
function importIn(page, path, call) {
  return page.evaluate(
    async ([path, call]) => {
      const m = await import(path);
      return { keys: Object.keys(m).sort(), result: m[call[0]](...call[1]) };
    },
    [path, call],
  );
}

const calls = {
  rating: ["rate", [[2, 3, 3, 2, 2, 2, 2, 3, 3]]],
  published: ["findCouncil", ["Manchester"]],
  timeline: ["addWorkingDays", ["2025-04-17", 1]],
  workbook: ["compareWithEngland", [50, 60, true, 1]],
};
// The report and office modules take a workbook: a new one, as its file's text (made in node).
const { starterWorkbook } = await import(pathToFileURL(join(repoRoot, "bindings", "js", "pkg", "node.js")).href);
const blank = JSON.stringify(starterWorkbook("Anytown"));
calls.report = ["workbookReportHtml", [blank, "2025-04-01"]];
calls.office = ["workbookReportDocx", [blank, "2025-04-01"]];

test("each sub-path fetches its own module only and exports exactly its functions", async () => {
  for (const name of Object.keys(modules)) {
    const { page, fetched, problems } = await blankPage();
    const { keys, result } = await importIn(page, `/pkg/${name}.web.js`, calls[name]);
    assert.deepEqual(keys, functionsOf(name), `${name}.web.js exports`);
    assert.deepEqual(fetched.filter((p) => p.endsWith(".wasm")), [`/pkg/${modules[name].wasm}`], `${name}.web.js fetches`);
    for (const other of Object.keys(modules).filter((n) => n !== name)) {
      assert.deepEqual(fetched.filter((p) => p.includes(modules[other].glue)), [], `${name}.web.js loads nothing of ${other}`);
    }
    if (name === "rating") assert.equal(result.percent, 62);
    if (name === "timeline") assert.equal(result, "2025-04-22");
    if (name === "workbook") assert.equal(result, "worse");
    if (name === "report") assert.match(result, /^<!DOCTYPE html>/);
    if (name === "office") assert.ok(result && typeof result === "object", "the .docx bytes");
    assert.deepEqual(problems, []);
    await page.close();
  }
});

const rootNames = ROOT_MODULES.map((m) => m.name);

test("the root entry exports the root modules' functions and fetches those modules in parallel (not report or office)", async () => {
  const { page, fetched, problems } = await blankPage();
  // Hold every module's response until all have been requested: fetched one after the
  // other, the second request would never come while the first is held.
  const held = [];
  let releaseAll;
  const allRequested = new Promise((resolve) => (releaseAll = resolve));
  await page.route("**/*.wasm", async (route) => {
    held.push(new URL(route.request().url()).pathname);
    if (held.length === ROOT_MODULES.length) releaseAll();
    await allRequested;
    await route.continue();
  });
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve("timeout"), 10000)));
  const imported = importIn(page, "/pkg/web.js", calls.timeline);
  const first = await Promise.race([allRequested.then(() => "all"), timeout]);
  clearTimeout(timer);
  if (first !== "all") releaseAll();
  assert.equal(first, "all", `only ${held.join(", ")} requested while the first was held: not in parallel`);
  const { keys, result } = await imported;
  assert.deepEqual(held.sort(), rootNames.map((n) => `/pkg/${modules[n].wasm}`).sort());
  assert.deepEqual(keys, rootNames.flatMap(functionsOf).sort());
  assert.equal(result, "2025-04-22");
  assert.equal(fetched.filter((p) => p.endsWith(".wasm")).length, ROOT_MODULES.length);
  assert.deepEqual(problems, []);
  await page.close();
});
