#!/usr/bin/env bash
# Fuzzes every parser of the core with libFuzzer (cargo-fuzz), SECONDS per target.
#
#   scripts/fuzz.sh [SECONDS=60] [TARGET ...]      (targets: cargo +nightly fuzz list)
#
# The test command runs it through scripts/test-fuzz.sh (20 s per target). libFuzzer needs a
# nightly toolchain: the script installs what it needs (a minimal nightly through rustup,
# cargo-fuzz at an exact version) and says plainly, with exit status 2, when it cannot; it never
# reports success without having fuzzed.
# Inputs start from fuzz/seeds/TARGET (valid and invalid documents taken from the conformance
# vectors and the examples); new coverage goes to fuzz/corpus/TARGET, crashes to
# fuzz/artifacts/TARGET. Exit status 1 when any target found a crash, 3 when the targets do not
# build.
set -euo pipefail
cd "$(dirname "$0")/.."

secs="${1:-60}"
[ $# -gt 0 ] && shift
CARGO_FUZZ_VERSION=0.13.2

if ! command -v rustup >/dev/null 2>&1; then
  echo "fuzz.sh: rustup is not installed, so no nightly toolchain: fuzzing NOT run" >&2
  exit 2
fi
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "fuzz.sh: installing a nightly toolchain (rustup toolchain install nightly --profile minimal)"
  if ! rustup toolchain install nightly --profile minimal; then
    echo "fuzz.sh: no nightly toolchain could be installed: fuzzing NOT run" >&2
    exit 2
  fi
fi
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  echo "fuzz.sh: installing cargo-fuzz $CARGO_FUZZ_VERSION"
  if ! cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked; then
    echo "fuzz.sh: cargo-fuzz could not be installed: fuzzing NOT run" >&2
    exit 2
  fi
fi

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo +nightly fuzz list)
fi
echo "fuzz.sh: ${#targets[@]} targets, ${secs} s each, $(rustup run nightly rustc --version)"
if ! cargo +nightly fuzz build; then
  echo "fuzz.sh: the fuzz targets do not build" >&2
  exit 3
fi

failed=()
summary=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/seeds/$t"
  dict=()
  case "$t" in *_json) dict=(-dict=fuzz/json.dict) ;; esac
  log="fuzz/artifacts/$t.log"
  mkdir -p fuzz/artifacts
  echo "==> $t"
  status=0
  cargo +nightly fuzz run "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${dict[@]}" \
    >"$log" 2>&1 || status=$?
  runs=$(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{print $2}')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  corpus=$(find "fuzz/corpus/$t" -type f | wc -l)
  if [ "$status" -ne 0 ]; then
    failed+=("$t")
    summary+=("$t: FAILED (exit $status) after ${runs:-?} runs; see $log and fuzz/artifacts/$t/")
    tail -40 "$log"
  else
    summary+=("$t: ok, ${runs:-?} runs, coverage ${cov:-?} edges, corpus $corpus inputs")
  fi
done

echo
echo "fuzz.sh summary (${secs} s per target):"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: crashes in: ${failed[*]}" >&2
  exit 1
fi
