// What `npm pack` publishes (asked of npm itself, `npm pack --dry-run --json`): every file an
// entry of package.json's `exports` points to, the three WebAssembly modules, the README, and
// the licences and the NOTICE (the data's Open Government Licence attribution) with the
// repository's text; and the package's version is the workspace's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pkgDir, repoRoot } from "./helpers.mjs";

const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
const [packed] = JSON.parse(
  execFileSync("npm", ["pack", "--dry-run", "--json", "--loglevel=error"], { cwd: pkgDir, encoding: "utf8" }),
);
const files = new Set(packed.files.map((f) => f.path));

/** Every file path an `exports` entry names (through its conditions). */
function exported(value) {
  if (typeof value === "string") return [value.replace(/^\.\//, "")];
  return Object.values(value).flatMap(exported);
}

test("the tarball carries LICENSE-MIT, LICENSE-APACHE and NOTICE, the repository's own text", () => {
  for (const f of ["LICENSE-MIT", "LICENSE-APACHE", "NOTICE"]) {
    assert.ok(files.has(f), `${f} is packed (packed: ${[...files].sort().join(", ")})`);
    assert.equal(readFileSync(join(pkgDir, f), "utf8"), readFileSync(join(repoRoot, f), "utf8"), f);
  }
  assert.match(readFileSync(join(pkgDir, "NOTICE"), "utf8"), /Open Government Licence v3\.0/);
  assert.equal(pkg.license, "MIT OR Apache-2.0");
});

test("the tarball carries every file the entries point to, the modules and the README", () => {
  const wanted = new Set(Object.values(pkg.exports).flatMap(exported));
  assert.ok(wanted.size > 20, "exports lists the entries");
  for (const f of wanted) assert.ok(files.has(f), `${f} (from exports) is packed`);
  for (const f of ["cqc_assurance_bg.wasm", "cqc_assurance_published_bg.wasm", "cqc_assurance_timeline_bg.wasm", "cqc_assurance_workbook_bg.wasm", "README.md", "package.json"]) {
    assert.ok(files.has(f), `${f} is packed`);
  }
  // Nothing packed that "files" does not name (package.json, README and licences npm adds).
  for (const f of files) assert.ok(pkg.files.includes(f) || f === "package.json", `${f} is in "files"`);
});

test("the package's version is the workspace's", () => {
  const cargo = readFileSync(join(repoRoot, "Cargo.toml"), "utf8");
  const version = cargo.match(/^\[workspace\.package\][^[]*?^version = "([^"]+)"/m)[1];
  assert.equal(packed.version, version);
  assert.equal(pkg.version, version);
  assert.equal(packed.name, "cqc-assurance");
});
