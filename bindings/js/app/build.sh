#!/usr/bin/env bash
# `npm run build:app` in bindings/js: the workbook app, built on the npm package in
# bindings/js/pkg (built first by bindings/js/build.sh when it is missing), two ways:
#   dist/web/                          a static folder any web server serves (no inline script);
#   dist/cqc-assurance-workbook.html   one self-contained file (scripts, styles and WebAssembly
#                                      inlined) that works opened from a shared drive or an
#                                      email attachment (file://), offline.
# Installs vite (npm ci, as locked in package-lock.json) when missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
js="$(cd "$here/.." && pwd)"
if [ ! -f "$js/pkg/package.json" ]; then
  echo "build:app: building the npm package first (bindings/js/build.sh)"
  bash "$js/build.sh"
fi
cd "$here"
if [ ! -x node_modules/.bin/vite ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
   || [ ! -e node_modules/cqc-assurance/package.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node_modules/.bin/vite build --mode web --logLevel warn
node_modules/.bin/vite build --mode single --logLevel warn
node scripts/single-file.mjs dist/single dist/cqc-assurance-workbook.html
rm -rf dist/single
node scripts/sizes.mjs dist/web dist/cqc-assurance-workbook.html
