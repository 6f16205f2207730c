// Shared by the node --test files: the built package (bindings/js/pkg, made by build.sh), its
// entries, and the repository's shared conformance vectors.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { INTERNAL } from "./internal.mjs";
import { MODULES, ROOT_MODULES } from "../entries.mjs";

export { INTERNAL };

export const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, "..", "..", "..");
export const pkgDir = join(here, "..", "pkg");

if (!existsSync(join(pkgDir, "package.json"))) {
  throw new Error("bindings/js/pkg is missing: run bindings/js/build.sh first");
}

/** The root entry `cqc-assurance` (node.js): the whole API. */
export const cqc = await import(join(pkgDir, "node.js"));

/**
 * The package's WebAssembly modules, as the entry writer lists them (entries.mjs): each one's
 * sub-path entry for node (its functions, nothing else) and its wasm-bindgen glue (whose exports
 * are the module's functions).
 */
export const modules = Object.fromEntries(
  MODULES.map((m) => [m.name, { glue: `${m.glue}.js`, wasm: `${m.glue}_bg.wasm` }]),
);
for (const [name, m] of Object.entries(modules)) {
  m.entry = await import(join(pkgDir, `${name}.node.js`));
}

/** The modules of the root entries; the others (report, office) are on their sub-paths only. */
export const rootModules = ROOT_MODULES.map((m) => m.name);

/** Where a module's functions are declared: index.d.ts, or its own file for a sub-path-only module. */
export const declarationFile = (name) => (rootModules.includes(name) ? "index.d.ts" : `${name}.types.d.ts`);

/** The whole API again, each function taken from its own module's sub-path entry. */
export const viaSubPaths = Object.assign({}, ...Object.values(modules).map((m) => m.entry));

/** The functions a module's glue exports (the module's own functions, less the internal ones), sorted. */
export function glueFunctions(name) {
  const text = readFileSync(join(pkgDir, modules[name].glue), "utf8");
  return [...text.matchAll(/^export function (\w+)\(/gm)]
    .map((m) => m[1])
    .filter((f) => !INTERNAL.includes(f))
    .sort();
}


/** Every tests/conformance/*.json file, parsed, sorted by name. */
export function conformanceFiles() {
  const dir = join(repoRoot, "tests", "conformance");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ file: f, doc: JSON.parse(readFileSync(join(dir, f), "utf8")) }));
}

/** `points_to_next_rating` → `pointsToNextRating` (what the package does to field names). */
export function camel(key) {
  return key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}

/** Throws unless `fn()` throws a CqcError with this code (and path, if given); returns it. */
export function expectCqcError(fn, code, path) {
  let err;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  if (err === undefined) {
    throw new Error(`expected a ${code} error, got no error`);
  }
  if (!(err instanceof Error) || err instanceof WebAssembly.RuntimeError) {
    throw new Error(`expected a CqcError ${code}, got ${err}`);
  }
  if (err.code !== code) {
    throw new Error(`expected code ${code}, got ${err.code}: ${err.message}`);
  }
  if (path !== undefined && err.path !== path) {
    throw new Error(`expected path ${JSON.stringify(path)}, got ${JSON.stringify(err.path)}: ${err.message}`);
  }
  if (typeof err.family !== "string" || err.name !== "CqcError" || typeof err.message !== "string") {
    throw new Error(`malformed error: ${JSON.stringify({ ...err, name: err.name })}`);
  }
  return err;
}

/**
 * A project folder with the package in its node_modules (a link to bindings/js/pkg), so that
 * bare specifiers go through package.json's `exports` with node's conditions, as for an
 * installed package. `run(code)` runs `code` (an ES module) in a fresh node process inside it,
 * with every `.wasm` file the package reads recorded, and returns what the code put in `out`,
 * with `wasmRead`; `remove()` deletes the folder.
 */
export function installedProject(prefix) {
  const app = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(app, "node_modules"));
  symlinkSync(pkgDir, join(app, "node_modules", "cqc-assurance"), "dir");
  writeFileSync(join(app, "package.json"), '{"name": "app", "private": true, "type": "module"}\n');
  const prelude = `
    import fs from "node:fs";
    import { syncBuiltinESMExports } from "node:module";
    const wasmRead = [];
    const read = fs.readFileSync;
    fs.readFileSync = function (file, ...rest) {
      const path = file instanceof URL ? file.pathname : String(file);
      if (path.endsWith(".wasm")) wasmRead.push(path.slice(path.lastIndexOf("/") + 1));
      return read.call(this, file, ...rest);
    };
    syncBuiltinESMExports();
    const out = {};
  `;
  const run = (code) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        ["--input-type=module", "-e", `${prelude}\n${code}\nconsole.log(JSON.stringify({ ...out, wasmRead }));`],
        { cwd: app, encoding: "utf8" },
      ),
    );
  return { dir: app, run, remove: () => rmSync(app, { recursive: true, force: true }) };
}
