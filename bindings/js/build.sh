#!/usr/bin/env bash
# Builds the npm package `cqc-assurance` into bindings/js/pkg/ (which `npm pack` turns into a
# tarball): the core compiled to WebAssembly (profile wasm-release) as two modules (the main
# one and the date functions', see step 4), wasm-bindgen's ES-module glue (target `web`) for
# each, each module shrunk by `wasm-opt -Oz`, and the package files in npm/ (package.json, the
# node and browser entry points, index.d.ts, README.md).
#
# Installs what it needs on a fresh machine, each only when missing or at the wrong version:
# the wasm32-unknown-unknown target (rustup), wasm-bindgen-cli at exactly the wasm-bindgen
# version recorded in Cargo.lock (cargo install, without --locked: see
# /work/shared/toolchain-notes.md), binaryen 132.0.0 and typescript (npm ci in bindings/js).
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

# 4. Compile the binding alone for wasm (never the whole workspace: pyo3 does not build there),
#    twice: the main module (feature `rating`: framework, rating, published results) and the
#    module the package loads on first use of a date function (feature `dates`: timeline,
#    working days, workbook). One module with both is over the 150 KB gzipped budget.
#    Each build is turned into glue + a shrunk module at once (both builds write the same file).
out="$here/pkg"
rm -rf "$out"
mkdir -p "$out"
wasm="target/wasm32-unknown-unknown/wasm-release/cqc_assurance_js.wasm"
for part in rating:cqc_assurance dates:cqc_assurance_dates; do
  feature="${part%%:*}"
  name="${part#*:}"
  cargo build --locked --profile wasm-release --target wasm32-unknown-unknown \
    -p cqc-assurance-js --no-default-features --features "$feature"
  # 5. The glue (ES module, target `web`) and the module shrunk by wasm-opt.
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$name" "$wasm"
  "$here/node_modules/.bin/wasm-opt" -Oz "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
done

# 6. The package files.
cp "$here"/npm/* "$out/"
version=$(cargo pkgid -p cqc-assurance-js | sed 's/.*[#@]//')
node -e '
  const fs = require("fs");
  const file = process.argv[1] + "/package.json";
  const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
  pkg.version = process.argv[2];
  fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
' "$out" "$version"

for name in cqc_assurance cqc_assurance_dates; do
  size=$(wc -c < "$out/${name}_bg.wasm")
  gz=$(gzip -9c "$out/${name}_bg.wasm" | wc -c)
  echo "build.sh: ${name}_bg.wasm: $size bytes, $gz gzipped"
done
echo "build.sh: built cqc-assurance $version in bindings/js/pkg/"
