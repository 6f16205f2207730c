#!/usr/bin/env bash
# Browser tests in Debian's headless Chromium (playwright-core drives it): the JS demo page, the
# package's entries, pages bundled by Vite 7 and by esbuild (an ES module and an ES2020 IIFE)
# and a page without a bundler, each served with a strict Content-Security-Policy
# (`script-src 'self' 'wasm-unsafe-eval'`), the workbook HTML report, and the workbook app
# (bindings/js/app: its served build under that policy and its single HTML file from file://). Installs Chromium
# (apt) and playwright-core, vite and esbuild (npm ci, as locked) when missing.
# Screenshots go to target/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  echo "installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
( cd tests/browser && npm ci --no-audit --no-fund --loglevel=error )
# The pages need the npm package (built by scripts/test-js.sh) and the report needs the CLI.
[ -f bindings/js/pkg/package.json ] || (cd bindings/js && npm run --silent build)
# The workbook app, both ways (a static folder and one self-contained HTML file).
(cd bindings/js && npm run --silent build:app)
cargo build --locked -p cqc-assurance-cli
node --test --test-concurrency=1 tests/browser/
