#!/usr/bin/env bash
# Rewrites the files generated from the Rust types, for committing after a type changes:
#   bindings/js/npm/types.d.ts                        the npm package's result types
#                                                     (bindings/js/src/typescript.rs)
#   bindings/python/python/cqc_assurance/_native.pyi  its "@generated getters" regions, from
#                                                     record_methods! (bindings/python/src/stubs.rs)
# `cargo test --workspace` (scripts/test-rust.sh) fails while a committed one is stale.
#
#   bash scripts/generate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CQC_ASSURANCE_REGENERATE=1 cargo test -q --locked -p cqc-assurance-js --lib typescript::
CQC_ASSURANCE_REGENERATE=1 cargo test -q --locked -p cqc-assurance-py --lib stubs::
git status --short -- bindings/js/npm/types.d.ts bindings/python/python/cqc_assurance/_native.pyi
