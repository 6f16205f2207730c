#!/usr/bin/env bash
# Rewrites the files generated from the Rust types, for committing after a type changes:
#   bindings/js/npm/types.d.ts   the npm package's result types (bindings/js/src/typescript.rs)
# `cargo test --workspace` (scripts/test-rust.sh) fails while a committed one is stale.
#
#   bash scripts/generate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CQC_ASSURANCE_REGENERATE=1 cargo test -q --locked -p cqc-assurance-js --lib typescript::
git status --short -- bindings/js/npm/types.d.ts
