// Shared by the node --test files: the built package (bindings/js/pkg, made by build.sh) and
// the repository's shared conformance vectors.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, "..", "..", "..");
export const pkgDir = join(here, "..", "pkg");

if (!existsSync(join(pkgDir, "package.json"))) {
  throw new Error("bindings/js/pkg is missing: run bindings/js/build.sh first");
}

export const cqc = await import(join(pkgDir, "node.js"));

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
