#!/usr/bin/env bash
# JavaScript: `npm run build` then `npm test` in bindings/js, as a JS developer runs them:
# build.sh builds the npm package into bindings/js/pkg/ (installing what it needs: the wasm32
# target, wasm-bindgen-cli at the version in Cargo.lock, binaryen and typescript from npm), and
# test.sh packs it, installs and imports the tarball in a fresh folder, type-checks, runs the
# node --test suites and checks every module's gzipped size.
set -euo pipefail
cd "$(dirname "$0")/../bindings/js"
npm run --silent build
npm test --silent
