// The package's entries: the root `cqc-assurance` (the whole API) and the sub-paths
// `cqc-assurance/rating`, `/timeline` and `/workbook` (one WebAssembly module each), resolved
// through package.json's `exports` the way an installed package is; which module each one
// loads; their .d.ts files; and that every function of every module answers bad arguments with
// the core's error, never a trap.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { cqc, modules, rootModules, declarationFile, glueFunctions, pkgDir, installedProject } from "./helpers.mjs";

const names = Object.keys(modules);
const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));

// A project with the package installed (a link to bindings/js/pkg): see installedProject.
let project;
before(() => {
  project = installedProject("cqc-entries-");
});
after(() => project.remove());
const inApp = (code) => project.run(code);

test("each sub-path exports exactly the functions of its module, and the root the union of the root modules", () => {
  const got = inApp(`
    for (const s of ["cqc-assurance", ...${JSON.stringify(names.map((n) => `cqc-assurance/${n}`))}]) {
      out[s] = Object.keys(await import(s)).sort();
    }
  `);
  const union = [];
  for (const name of names) {
    const own = glueFunctions(name);
    assert.ok(own.length > 0, `${name} exports functions`);
    assert.deepEqual(got[`cqc-assurance/${name}`], own, `cqc-assurance/${name}`);
    assert.deepEqual(Object.keys(modules[name].entry).sort(), own, `${name}.node.js`);
    // No function is in two modules.
    for (const f of own) assert.ok(!union.includes(f), `${f} is in one module only`);
    union.push(...own);
  }
  const root = rootModules.flatMap(glueFunctions).sort();
  assert.deepEqual(got["cqc-assurance"], root);
  assert.deepEqual(Object.keys(cqc).sort(), root);
  assert.ok(!root.includes("workbookReportHtml") && !root.includes("workbookToXlsx"), "report and office are not in the root");
});

test("importing a sub-path in node loads its own module only; the root loads the others on first use", () => {
  for (const name of names) {
    const { wasmRead } = inApp(`await import("cqc-assurance/${name}");`);
    assert.deepEqual(wasmRead, [modules[name].wasm], `cqc-assurance/${name}`);
  }
  const lazy = inApp(`
    const { rate, addWorkingDays, planTimeline, compareWithEngland, findCouncil } = await import("cqc-assurance");
    out.atImport = [...wasmRead];
    out.percent = rate([2, 3, 3, 2, 2, 2, 2, 3, 3]).percent;
    out.day = addWorkingDays("2025-04-17", 1);
    out.milestones = planTimeline({ notified: "2025-01-06" }).milestones.length;
    out.afterTimeline = [...wasmRead];
    out.comparison = compareWithEngland(70, 60, true, 1);
    out.council = findCouncil("Manchester").gssCode;
  `);
  assert.deepEqual(lazy.atImport, [modules.rating.wasm]);
  assert.equal(lazy.percent, 62);
  assert.equal(lazy.day, "2025-04-22"); // Good Friday and Easter Monday skipped
  assert.ok(lazy.milestones >= 10);
  // Loaded once, however many of its functions are called.
  assert.deepEqual(lazy.afterTimeline, [modules.rating.wasm, modules.timeline.wasm]);
  assert.equal(lazy.comparison, "better");
  assert.equal(lazy.council, "E08000003");
  assert.deepEqual(lazy.wasmRead, [modules.rating.wasm, modules.timeline.wasm, modules.workbook.wasm, modules.published.wasm]);
});

test("the root and the sub-paths share one instance of each module", () => {
  const got = inApp(`
    const root = await import("cqc-assurance");
    const rating = await import("cqc-assurance/rating");
    const timeline = await import("cqc-assurance/timeline");
    out.sameRate = root.rate === rating.rate;
    out.days = [root.addWorkingDays("2025-12-24", 1), timeline.addWorkingDays("2025-12-24", 1)];
  `);
  assert.equal(got.sameRate, true);
  assert.deepEqual(got.days, ["2025-12-29", "2025-12-29"]);
  assert.deepEqual(got.wasmRead, [modules.rating.wasm, modules.timeline.wasm]);
});

test("package.json: every entry has types, node, browser and default files, all packed", () => {
  const files = new Set(pkg.files);
  for (const [sub, file] of [[".", "index"], ...names.map((n) => [`./${n}`, n])]) {
    const entry = pkg.exports[sub];
    assert.deepEqual(Object.keys(entry), ["types", "node", "browser", "default"], sub);
    const node = file === "index" ? "node.js" : `${file}.node.js`;
    const web = file === "index" ? "web.js" : `${file}.web.js`;
    assert.deepEqual(entry, { types: `./${file}.d.ts`, node: `./${node}`, browser: `./${web}`, default: `./${web}` }, sub);
    for (const f of [`${file}.d.ts`, node, web]) assert.ok(files.has(f), `${f} is in "files"`);
  }
  // "files" is exactly what build.sh puts in the package (package.json is always packed).
  const built = readdirSync(pkgDir).filter((f) => f !== "package.json" && !f.endsWith(".tgz"));
  assert.deepEqual([...files].sort(), built.sort());
  for (const name of names) {
    assert.equal(pkg.exports[`./${modules[name].wasm}`], `./${modules[name].wasm}`);
    for (const f of [`${name}.node.js`, `${name}.web.js`]) assert.ok(pkg.sideEffects.includes(`./${f}`), f);
  }
});

test("each browser entry fetches its own module (new URL(..., import.meta.url)) and re-exports exactly its functions", () => {
  for (const name of names) {
    const text = readFileSync(join(pkgDir, `${name}.web.js`), "utf8");
    const imports = [...text.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    assert.deepEqual(imports, [`./${modules[name].glue}`], `${name}.web.js imports its own glue only`);
    const urls = [...text.matchAll(/new URL\("\.\/([^"]+)", import\.meta\.url\)/g)].map((m) => m[1]);
    assert.deepEqual(urls, [modules[name].wasm]);
    // Both entries re-export the list in <name>.api.js: from the glue, and (the rating
    // entry's `rate`) from the package's rate.js.
    for (const entry of [`${name}.web.js`, `${name}.node.js`]) {
      const reexports = [...readFileSync(join(pkgDir, entry), "utf8").matchAll(/^export .*$/gm)].map((m) => m[0]);
      assert.deepEqual(reexports, [`export * from "./${name}.api.js";`], entry);
    }
    const api = readFileSync(join(pkgDir, `${name}.api.js`), "utf8");
    const lists = [...api.matchAll(/^export \{([^}]*)\} from "\.\/([^"]+)";$/gm)];
    for (const [, , from] of lists) {
      assert.ok(from === modules[name].glue || (name === "rating" && from === "rate.js"), from);
    }
    const exported = lists.flatMap(([, list]) => list.split(",").map((s) => s.trim()).filter(Boolean));
    assert.deepEqual(exported.sort(), glueFunctions(name));
  }
  const web = readFileSync(join(pkgDir, "web.js"), "utf8").replace(/^\/\/.*\n/gm, "");
  assert.equal(web.trim(), rootModules.map((n) => `export * from "./${n}.web.js";`).join("\n"));
});

// ---- The .d.ts files ---------------------------------------------------------------------------

/** A declaration file's top-level declarations (comments removed): name → { kind, body }. */
function declarations(file = "index.d.ts") {
  const src = readFileSync(join(pkgDir, file), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
  const starts = [...src.matchAll(/^export (type|interface|function) (\w+)/gm)];
  return new Map(
    starts.map((m, i) => [
      m[2],
      { kind: m[1], body: src.slice(m.index + m[0].length, starts[i + 1]?.index ?? src.length) },
    ]),
  );
}

/** Every type `roots` mention, directly or through other types. */

/** The functions a sub-path .d.ts re-exports from where they are declared (`from`, `index`
 * or `<name>.types`); it re-exports every type of index.d.ts too. */
function reexports(file, from = "index") {
  const text = readFileSync(join(pkgDir, file), "utf8").replace(/\/\/.*$/gm, "");
  const list = new RegExp(`^export \\{([^}]*)\\} from "\\./${from.replace(".", "\\.")}\\.js";$`, "gm");
  const blocks = [...text.matchAll(list)];
  assert.equal(blocks.length, 1, `${file}: one list of functions`);
  assert.match(text, /^export type \* from "\.\/index\.js";$/m, `${file} re-exports the types`);
  const rest = text
    .replace(list, "")
    .replace(/^export type \* from "\.\/index\.js";$/gm, "");
  assert.equal(rest.trim(), "", `${file} declares nothing itself`);
  return blocks[0][1].split(",").map((s) => s.trim()).filter(Boolean).sort();
}

test("each sub-path's .d.ts re-exports exactly its module's functions (declared in index.d.ts, or its own file) and the types", () => {
  for (const name of names) {
    const file = declarationFile(name);
    const declaredFunctions = [...declarations(file)].filter(([, d]) => d.kind === "function").map(([n]) => n);
    const functions = reexports(`${name}.d.ts`, file.replace(/\.d\.ts$/, ""));
    assert.deepEqual(functions, glueFunctions(name), `${name}.d.ts functions`);
    assert.deepEqual([...new Set(declaredFunctions)].sort().filter((f) => glueFunctions(name).includes(f)), functions, `${file} declares them`);
  }
});

// ---- Bad arguments, for every function of every module -----------------------------------------

const cyclic = {};
cyclic.self = cyclic;
const junk = [undefined, null, NaN, -Infinity, -1, 1e300, 2.5, "", "x".repeat(10000), Symbol("s"), {}, [], cyclic, () => 1, 10n, new Date(NaN)];

test("every function of every module, given bad arguments, answers or throws the core's error, never a trap", () => {
  for (const name of names) {
    for (const [fname, fn] of Object.entries(modules[name].entry)) {
      for (const arg of junk) {
        for (const args of [[arg], [arg, arg], [arg, arg, arg, arg]]) {
          try {
            fn(...args);
          } catch (e) {
            const what = `${name}/${fname}(${args.map((a) => (typeof a === "symbol" ? "Symbol" : typeof a === "bigint" ? `${a}n` : String(a).slice(0, 20))).join(", ")})`;
            assert.ok(!(e instanceof WebAssembly.RuntimeError), `${what}: trap ${e.message}`);
            assert.equal(e.name, "CqcError", `${what}: ${e}`);
            assert.equal(typeof e.code, "string", what);
            assert.equal(typeof e.family, "string", what);
          }
        }
      }
    }
    // The module still works afterwards.
  }
  assert.equal(modules.rating.entry.rate([2, 3, 3, 2, 2, 2, 2, 3, 3]).percent, 62);
  assert.equal(modules.timeline.entry.addWorkingDays("2025-04-17", 1), "2025-04-22");
  assert.equal(modules.workbook.entry.compareWithEngland(50, 60, true, 1), "worse");
});
