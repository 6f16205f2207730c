// Shared by the node --test files: the built package (bindings/js/pkg, made by build.sh), its
// entries, and the repository's shared conformance vectors.
import { existsSync, readFileSync, readdirSync } from "node:fs";
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
