#!/usr/bin/env bash
# Runs every test of the project: Rust (fmt, clippy, unit, property, golden, conformance, doc
# tests), Python (pytest + hypothesis + mypy), JavaScript (node --test + tsc + npm pack) and the
# browser tests (headless Chromium). Each step installs what it needs on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
for step in test-rust test-python test-js test-browser; do
  echo "==> scripts/$step.sh"
  bash "scripts/$step.sh"
done
echo "==> all test steps passed in $(( $(date +%s) - start )) s"
