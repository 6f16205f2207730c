#!/usr/bin/env bash
# Rust: formatting, clippy with warnings as errors, and every test of the workspace (unit,
# property, golden published-results, conformance vectors, doc tests).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked
