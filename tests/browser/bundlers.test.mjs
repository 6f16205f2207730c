// The npm package in bundled pages, in headless Chromium, each page served with a strict
// Content-Security-Policy (`default-src 'self'; script-src 'self' 'wasm-unsafe-eval'`):
//
// - Vite 7 (`vite build`): the rating sub-path with its top-level await and the timeline's
//   explicit-init entry with its default source: Vite copies both modules.
// - esbuild, as an ES module: the explicit-init entry, the .wasm imported with the `file`
//   loader (copied, its URL passed to init()).
// - esbuild, as an IIFE for ES2020: the same code, the .wasm embedded with the `binary` loader
//   (its bytes passed to init()); the top-level-await entries cannot be bundled so, and esbuild
//   says so.
// - No bundler, the CSP without 'wasm-unsafe-eval': the browser refuses to compile the module,
//   which is why the README says the policy needs it.
//
// The small page is tests/browser/bundler-app/; the package is bindings/js/pkg (built by
// `npm run build` in bindings/js), linked into a copy of the app as node_modules/cqc-assurance.
// Screenshots go to target/screenshots/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { build as viteBuild } from "vite";
import { launch, repoRoot, screenshotDir, serveDirs } from "./browser.mjs";

const pkgDir = join(repoRoot, "bindings", "js", "pkg");
const appSrc = join(repoRoot, "tests", "browser", "bundler-app");
const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const WITHOUT_WASM = "default-src 'self'; script-src 'self'";
const LIVERPOOL = { rating: "requires_improvement", percent: 62 };

let work;
let browser;
const servers = [];

before(async () => {
  if (!existsSync(join(pkgDir, "package.json"))) throw new Error("build the package first: npm run build in bindings/js");
  work = mkdtempSync(join(tmpdir(), "cqc-bundlers-"));
  cpSync(appSrc, join(work, "app"), { recursive: true });
  mkdirSync(join(work, "app", "node_modules"));
  symlinkSync(pkgDir, join(work, "app", "node_modules", "cqc-assurance"), "dir");
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Serves `mounts` ({ url prefix: folder }) with `csp`; opens `page`; returns what it showed. */
async function open(mounts, page, csp, screenshot) {
  const server = await serveDirs(mounts, { "content-security-policy": csp });
  servers.push(server);
  const base = `http://127.0.0.1:${server.address().port}`;
  const tab = await browser.newPage();
  const failed = [];
  const errors = [];
  const wasm = [];
  tab.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
    if (new URL(r.url()).pathname.endsWith(".wasm")) wasm.push(new URL(r.url()).pathname);
  });
  tab.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  tab.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
  await tab.goto(`${base}/${page}`);
  const out = tab.locator("#result");
  await tab.waitForFunction(() => document.getElementById("result")?.dataset.state !== undefined, null, { timeout: 15000 });
  const state = await out.getAttribute("data-state");
  const text = await out.textContent();
  if (screenshot) await tab.screenshot({ path: join(screenshotDir, screenshot) });
  await tab.close();
  return { state, text, failed, errors, wasm };
}

function assertShown(got, expected, what) {
  assert.equal(got.state, "done", `${what}: ${got.text} ${got.errors.join("; ")}`);
  assert.deepEqual(JSON.parse(got.text), expected, what);
  assert.deepEqual(got.failed, [], `${what}: failed requests`);
  assert.deepEqual(got.errors, [], `${what}: errors`);
}

test("Vite build: the top-level-await sub-path and an explicit-init entry, under a strict CSP", async () => {
  const app = join(work, "app");
  const out = join(work, "vite-dist");
  await viteBuild({ root: app, logLevel: "error", configFile: false, build: { outDir: out, emptyOutDir: true } });
  const assets = readdirSync(join(out, "assets"));
  // Vite found both modules through new URL(..., import.meta.url) and copied them.
  assert.ok(assets.some((f) => /^cqc_assurance_bg-.*\.wasm$/.test(f)), `rating module copied: ${assets}`);
  assert.ok(assets.some((f) => /^cqc_assurance_timeline_bg-.*\.wasm$/.test(f)), `timeline module copied: ${assets}`);
  const got = await open({ "/": out }, "index.html", STRICT, "bundler-vite.png");
  assertShown(got, { ...LIVERPOOL, nextWorkingDay: "2025-04-22" }, "vite");
  assert.equal(got.wasm.length, 2, `two modules fetched: ${got.wasm}`);
});

test("esbuild, ES module: the explicit-init entry with the .wasm copied by the file loader, under a strict CSP", async () => {
  const out = join(work, "esbuild-esm");
  const result = await esbuild.build({
    entryPoints: [join(work, "app", "esbuild-main.js")],
    bundle: true,
    format: "esm",
    outdir: out,
    loader: { ".wasm": "file" },
    logLevel: "silent",
  });
  assert.deepEqual(result.errors, []);
  writeFileSync(join(out, "index.html"), page("esbuild-main.js", "module"));
  assert.ok(readdirSync(out).some((f) => /^cqc_assurance_bg-.*\.wasm$/.test(f)), "the file loader copied the module");
  const got = await open({ "/": out }, "index.html", STRICT, "bundler-esbuild-esm.png");
  assert.equal(got.state, "done", `${got.text} ${got.errors.join("; ")}`);
  const { steps, ...shown } = JSON.parse(got.text);
  assert.deepEqual(shown, LIVERPOOL);
  assert.ok(steps > 3, `the explanation has its steps (${steps})`);
  assert.deepEqual(got.failed, []);
  assert.deepEqual(got.errors, []);
  assert.equal(got.wasm.length, 1);
});

test("esbuild, IIFE for ES2020: the explicit-init entry with the module's bytes embedded, under a strict CSP", async () => {
  const out = join(work, "esbuild-iife");
  const result = await esbuild.build({
    entryPoints: [join(work, "app", "esbuild-main.js")],
    bundle: true,
    format: "iife",
    target: "es2020",
    outdir: out,
    loader: { ".wasm": "binary" },
    logLevel: "silent",
  });
  assert.deepEqual(result.errors, []);
  writeFileSync(join(out, "index.html"), page("esbuild-main.js", "classic"));
  const got = await open({ "/": out }, "index.html", STRICT, "bundler-esbuild-iife.png");
  assert.equal(got.state, "done", `${got.text} ${got.errors.join("; ")}`);
  assert.deepEqual({ rating: JSON.parse(got.text).rating, percent: JSON.parse(got.text).percent }, LIVERPOOL);
  assert.deepEqual(got.failed, []);
  assert.deepEqual(got.errors, []);
  assert.deepEqual(got.wasm, [], "nothing fetched: the bytes are in the bundle");
});

test("esbuild says why the top-level-await entries cannot be bundled as an IIFE (the reason for the init entries)", async () => {
  const entry = join(work, "app", "tla-main.js");
  writeFileSync(entry, 'import { rate } from "cqc-assurance/rating";\nconsole.log(rate([2, 3, 3, 2, 2, 2, 2, 3, 3]).percent);\n');
  await assert.rejects(
    esbuild.build({ entryPoints: [entry], bundle: true, format: "iife", write: false, logLevel: "silent" }),
    (e) => {
      assert.match(e.message, /Top-level await is currently not supported with the "iife" output format/);
      return true;
    },
  );
});

test("no bundler, strict CSP: the page works with 'wasm-unsafe-eval' and the module is refused without it", async () => {
  const mounts = { "/": join(work, "app"), "/pkg/": pkgDir };
  const allowed = await open(mounts, "plain.html", STRICT, "csp-wasm-unsafe-eval.png");
  assertShown(allowed, LIVERPOOL, "CSP with wasm-unsafe-eval");
  const refused = await open(mounts, "plain.html", WITHOUT_WASM);
  assert.equal(refused.state, "error", `without 'wasm-unsafe-eval' the module must be refused: ${refused.text}`);
  assert.match(refused.text, /^CompileError: .*Content Security [Pp]olicy/);
});

/** An index.html loading `script` (an ES module, or a classic script for an IIFE). */
function page(script, kind) {
  const tag = kind === "module" ? `<script type="module" src="./${script}"></script>` : `<script src="./${script}"></script>`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>cqc-assurance bundled by esbuild</title></head>
<body>
  <h1>cqc-assurance bundled by esbuild</h1>
  <p>Liverpool's scores: <output id="result">loading…</output></p>
  ${tag}
</body>
</html>
`;
}
