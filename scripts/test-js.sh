#!/usr/bin/env bash
# JavaScript: builds the npm package (bindings/js/build.sh installs what it needs: the wasm32
# target, wasm-bindgen-cli at the version in Cargo.lock, binaryen and typescript from npm),
# packs it, installs the tarball into a fresh folder and imports it there, runs the node --test
# suites (shared conformance vectors, error cases, the API), type-checks the TypeScript example
# with tsc --strict, and checks the size of the gzipped main .wasm (the date functions are a
# second module, loaded on first use: see bindings/js/npm/node.js).
set -euo pipefail
cd "$(dirname "$0")/.."
js=bindings/js

bash "$js/build.sh"

# 1. The tarball users install.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$js/pkg" && npm pack --pack-destination "$work" --loglevel=error >/dev/null)
tarball=$(ls "$work"/cqc-assurance-*.tgz)
echo "test-js: packed $(basename "$tarball") ($(wc -c < "$tarball") bytes)"

# 2. A fresh project installs it and imports it the way the README says.
mkdir -p "$work/app"
(
  cd "$work/app"
  echo '{"name": "app", "private": true, "type": "module"}' > package.json
  npm install --no-audit --no-fund --loglevel=error "$tarball"
  node --input-type=module -e '
    import { rate } from "cqc-assurance";
    const r = rate([2, 3, 3, 2, 2, 2, 2, 3, 3]);
    if (r.rating !== "requires_improvement" || r.percent !== 62) {
      throw new Error("unexpected result " + JSON.stringify(r));
    }
    console.log("test-js: import { rate } from \"cqc-assurance\" in a fresh folder: " + r.rating + ", " + r.percent + "%");
    const { addWorkingDays } = await import("cqc-assurance");
    const day = addWorkingDays("2025-04-17", 1);
    if (day !== "2025-04-22") throw new Error("unexpected working day " + day);
    console.log("test-js: the date functions module loads on first use: addWorkingDays(2025-04-17, 1) = " + day);
  '
  # 3. The TypeScript example, strictly, against the installed package's index.d.ts.
  cp "$OLDPWD/$js/examples/usage.ts" .
  "$OLDPWD/$js/node_modules/.bin/tsc" --noEmit --strict --target es2022 --module nodenext \
    --moduleResolution nodenext --lib es2022,dom --types '' usage.ts
  echo "test-js: tsc --noEmit --strict on examples/usage.ts passed"
)

# 4. The node test suites, against the built package.
node --test --test-reporter=dot "$js"/tests/*.test.mjs

# 5. Size of the main module (framework, rating, published results): at most 150 KB gzipped.
#    The date functions' module, loaded on first use of a date function, is reported.
max=$((150 * 1024))
gz=$(gzip -9c "$js/pkg/cqc_assurance_bg.wasm" | wc -c)
dates_gz=$(gzip -9c "$js/pkg/cqc_assurance_dates_bg.wasm" | wc -c)
echo "test-js: cqc_assurance_bg.wasm is $gz bytes gzipped (limit $max); cqc_assurance_dates_bg.wasm (loaded on first use of a date function) is $dates_gz"
if [ "$gz" -gt "$max" ]; then
  echo "test-js: the gzipped main .wasm is over 150 KB" >&2
  exit 1
fi
