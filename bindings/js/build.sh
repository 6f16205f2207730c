#!/usr/bin/env bash
# Builds the npm package `cqc-assurance` into bindings/js/pkg/ (which `npm pack` turns into a
# tarball): the core compiled to WebAssembly (profile wasm-release) as six modules, one per
# feature of the crate (step 5), wasm-bindgen's ES-module glue (target `web`) for each, each
# module shrunk by `wasm-opt -Oz`, and the package files in npm/ (package.json, the entry
# points of the root and of the sub-paths `cqc-assurance/rating`, `/timeline`, `/workbook` for
# node and for browsers, their .d.ts files).
#
# Installs what it needs on a fresh machine, each only when missing or at the wrong version:
# the wasm32-unknown-unknown target (rustup), wasm-bindgen-cli at exactly the wasm-bindgen
# version recorded in Cargo.lock (cargo install, without --locked: the CLI's own lock file
# pins a crate version the registry no longer serves), binaryen 132.0.0 and typescript (npm ci in bindings/js).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

# 1. The Rust target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "build.sh: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli at the version of the wasm-bindgen crate in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$want" ]; then
  echo "build.sh: no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  echo "build.sh: installing wasm-bindgen-cli $want (found: ${have:-none}; takes about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$want"
fi

# 3. npm tools (binaryen's wasm-opt, typescript), exactly as locked in package-lock.json.
if [ ! -x "$here/node_modules/.bin/wasm-opt" ] || [ ! -x "$here/node_modules/.bin/tsc" ] \
   || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  echo "build.sh: installing the npm tools (npm ci)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

# 4. Reproducible modules: the source paths compiled into them (panic locations) are written
#    relative to the crates.io sources folder and to the repository, not as this machine's
#    absolute paths (shorter, too). The registry folder's name carries a hash of the index URL:
#    it is found where cargo keeps the wasm-bindgen crate of Cargo.lock, not hard-coded. The
#    flags are only a function of those two folders, so every run passes the same ones and
#    nothing is rebuilt twice (they apply to the wasm32 target only, whose artefacts live apart
#    from the host's; build scripts and proc macros are built without them).
cargo fetch --locked --quiet
cargo_home="${CARGO_HOME:-$HOME/.cargo}"
crate=$(ls -d "$cargo_home"/registry/cache/*/"wasm-bindgen-$want.crate" 2>/dev/null | head -n 1 || true)
if [ -z "$crate" ]; then
  echo "build.sh: wasm-bindgen-$want.crate is not in $cargo_home/registry/cache after cargo fetch" >&2
  exit 1
fi
registry_src="$cargo_home/registry/src/$(basename "$(dirname "$crate")")"
# CARGO_ENCODED_RUSTFLAGS (flags separated by 0x1f) so that a path with a space stays whole;
# it takes precedence over RUSTFLAGS and any config.
sep=$'\x1f'
export CARGO_ENCODED_RUSTFLAGS="--remap-path-prefix=$registry_src/=${sep}--remap-path-prefix=$root/="
unset RUSTFLAGS

# 5. Compile the binding alone for wasm (never the whole workspace: pyo3 does not build there),
#    once per module, each with one feature of the crate: `rating` (framework, rating),
#    `published` (the published results of every council), `timeline` (assessment timeline,
#    working days), `workbook` (the self-assessment workbook), `report` (the workbook's report as
#    HTML: loaded only when a page shows it) and `office` (the report as Word, the workbook as
#    Excel: loaded only when such a file is made or opened). A page that only rates loads
#    the rating module alone, within its 150 KB gzipped budget. The list of modules is also in
#    entries.mjs, which writes the entry points: a test checks the two agree.
#    Each build is turned into glue + a shrunk module at once (the builds write the same file).
out="$here/pkg"
rm -rf "$out"
mkdir -p "$out"
wasm="target/wasm32-unknown-unknown/wasm-release/cqc_assurance_js.wasm"
modules="rating:cqc_assurance published:cqc_assurance_published timeline:cqc_assurance_timeline workbook:cqc_assurance_workbook report:cqc_assurance_report office:cqc_assurance_office"
for part in $modules; do
  feature="${part%%:*}"
  name="${part#*:}"
  # The rating module is the one pages call per keystroke (rate, explain, improvementPaths):
  # its binding crate, where the result serialisers are instantiated, is compiled for speed
  # (opt-level 3): improvementPaths 26 -> 14 µs a call, explain 15 -> 13 µs, rate 0.95 ->
  # 0.82 µs (benches/README.md), for about 4 KB gzipped. The others stay at the profile's
  # opt-level "z" (the workbook module is closest to its budget).
  speed=()
  if [ "$feature" = rating ]; then
    speed=(--config 'profile.wasm-release.package.cqc-assurance-js.opt-level=3')
  fi
  cargo build --locked --profile wasm-release --target wasm32-unknown-unknown \
    -p cqc-assurance-js --no-default-features --features "$feature" "${speed[@]}"
  # 6. The glue (ES module, target `web`) and the module shrunk by wasm-opt.
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$name" "$wasm"
  "$here/node_modules/.bin/wasm-opt" -Oz "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
done

# 7. The package files (the hand-written ones in npm/: package.json without its entries, the
#    declarations index.d.ts, rate.js, load.node.js, the README), the licences and the NOTICE
#    (the data's attribution) from the root; then the entry points and package.json's exports,
#    written by entries.mjs from the functions each module's glue exports.
cp "$here"/npm/* "$out/"
cp "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$root/NOTICE" "$out/"
version=$(cargo pkgid -p cqc-assurance-js | sed 's/.*[#@]//')
node -e '
  const fs = require("fs");
  const file = process.argv[1] + "/package.json";
  const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
  pkg.version = process.argv[2];
  fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
' "$out" "$version"
node "$here/entries.mjs" "$out"

for part in $modules; do
  name="${part#*:}"
  # The remapping of step 4 worked: no path of this machine is left in the module.
  for path in "$cargo_home/registry/" "$root/"; do
    if grep -qaF "$path" "$out/${name}_bg.wasm"; then
      echo "build.sh: ${name}_bg.wasm still contains $path" >&2
      exit 1
    fi
  done
  size=$(wc -c < "$out/${name}_bg.wasm")
  gz=$(gzip -9c "$out/${name}_bg.wasm" | wc -c)
  echo "build.sh: ${name}_bg.wasm (${part%%:*}): $size bytes, $gz gzipped"
done
echo "build.sh: built cqc-assurance $version in bindings/js/pkg/"
