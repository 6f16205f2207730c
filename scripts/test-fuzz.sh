#!/usr/bin/env bash
# Fuzzing in the test command: every cargo-fuzz target of fuzz/ for FUZZ_SECONDS (default 20)
# each, through scripts/fuzz.sh (which installs a minimal nightly toolchain and cargo-fuzz
# 0.13.2 when they are missing). A crash, a timeout or a leak fails the step; the input that
# caused it is saved in fuzz/artifacts/TARGET/ and printed here (hex), so that a CI log alone is
# enough to reproduce it (`cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/crash-...`).
# When the nightly toolchain or cargo-fuzz cannot be installed, nothing is skipped silently: the
# step prints a FAILED-TO-RUN line and exits non-zero, failing the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${FUZZ_SECONDS:-20}"

mkdir -p fuzz/artifacts
marker=$(mktemp)
trap 'rm -f "$marker"' EXIT
status=0
bash scripts/fuzz.sh "$secs" || status=$?
case "$status" in
  0)
    echo "test-fuzz: every target fuzzed for ${secs} s without a crash"
    ;;
  2)
    echo "test-fuzz: FAILED-TO-RUN: fuzzing could not run here (no nightly toolchain or no cargo-fuzz; see above); the test command fails rather than skip it" >&2
    exit 2
    ;;
  3)
    echo "test-fuzz: FAILED: the fuzz targets do not build (see above)" >&2
    exit 1
    ;;
  *)
    echo "test-fuzz: FAILED: a fuzz target crashed (exit $status); the inputs, saved under fuzz/artifacts/:" >&2
    find fuzz/artifacts -mindepth 2 -type f -newer "$marker" 2>/dev/null | sort | while read -r input; do
      echo "  $input ($(wc -c < "$input") bytes):" >&2
      od -An -tx1 -v "$input" | head -20 >&2
    done
    exit 1
    ;;
esac
