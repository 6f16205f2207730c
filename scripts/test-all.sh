#!/usr/bin/env bash
# Runs every test of the project: Rust (fmt, clippy, unit, property, golden, conformance, doc
# tests, the command line on the matrix of bad inputs), Python (on the release wheel, installed
# into a fresh environment: pytest + hypothesis + stubtest + mypy), JavaScript (`npm run build`
# and `npm test`: node --test + tsc + npm pack), fuzzing (every parser, 20 s each), the static
# Linux command built and run on the example (release.sh --quick) and the browser tests
# (headless Chromium: the demo, pages bundled by Vite and esbuild, a strict CSP, the report).
# Each step installs what it needs on a fresh machine; a step that cannot run fails the command.
# Prints each step's wall time and the total.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
times=()
for step in test-rust test-python test-js test-fuzz "release --quick" test-browser; do
  echo "==> scripts/${step%% *}.sh${step#"${step%% *}"}"
  t=$(date +%s)
  # shellcheck disable=SC2086 # the step's arguments are split on purpose
  bash scripts/${step%% *}.sh ${step#"${step%% *}"}
  times+=("${step}: $(( $(date +%s) - t )) s")
done
echo "==> step times:"
printf '      %s\n' "${times[@]}"
echo "==> all test steps passed in $(( $(date +%s) - start )) s"
