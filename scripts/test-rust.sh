#!/usr/bin/env bash
# Rust: formatting, clippy with warnings as errors, every test of the workspace (unit,
# property, golden published-results, conformance vectors, the command line on the matrix of bad
# inputs, doc tests), and what `cargo package` would publish: each published crate carries
# LICENSE-MIT, LICENSE-APACHE and NOTICE.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked

for crate in cqc-assurance cqc-assurance-cli; do
  listing=$(cargo package --list --locked --allow-dirty -q -p "$crate" 2>/dev/null)
  for f in LICENSE-MIT LICENSE-APACHE NOTICE README.md Cargo.toml; do
    if ! grep -qx "$f" <<<"$listing"; then
      echo "test-rust: cargo package -p $crate does not include $f; it lists:" >&2
      echo "$listing" >&2
      exit 1
    fi
  done
  echo "test-rust: cargo package -p $crate includes LICENSE-MIT, LICENSE-APACHE, NOTICE and README.md"
done
