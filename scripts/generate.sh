#!/usr/bin/env bash
# Rewrites the files generated from the Rust types, for committing after a type changes:
#   bindings/js/npm/types.d.ts                        the npm package's result types
#                                                     (bindings/js/src/typescript.rs)
#   bindings/python/python/cqc_assurance/_native.pyi  its "@generated" regions, from the JSON
#                                                     Schema of the results and record_methods!
#                                                     (bindings/python/src/stubs.rs), and the
#                                                     docstrings of what it declares by hand,
#                                                     from the built module's own
#                                                     (bindings/python/tests/test_stub_docstrings.py)
#   bindings/js/npm/index.d.ts, npm/*.types.d.ts      the JSDoc of each declared function, from
#                                                     its Rust function's doc comment
#                                                     (bindings/js/tests/jsdoc.test.mjs)
# `cargo test --workspace` (scripts/test-rust.sh) fails while a generated region is stale, and
# the Python and JavaScript tests while a docstring is.
#
#   bash scripts/generate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CQC_ASSURANCE_REGENERATE=1 cargo test -q --locked -p cqc-assurance-js --lib typescript::
CQC_ASSURANCE_REGENERATE=1 cargo test -q --locked -p cqc-assurance-py --lib stubs::
# The JSDoc needs no build: the test reads the Rust sources.
(cd bindings/js && CQC_ASSURANCE_REGENERATE=1 node --test tests/jsdoc.test.mjs)

# The docstrings: the extension built into the build tools' environment (.venv, as
# scripts/test-python.sh makes it), then the test that compares them, in its rewriting mode.
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check maturin==1.16.0 pytest==9.2.0
(cd bindings/python && VIRTUAL_ENV="$PWD/../../.venv" PATH="$PWD/../../.venv/bin:$PATH" \
  CARGO_TARGET_DIR="$PWD/../../target/maturin" maturin develop --release --locked --quiet)
(cd bindings/python && CQC_ASSURANCE_REGENERATE=1 ../../.venv/bin/python -m pytest -q \
  -p no:cacheprovider tests/test_stub_docstrings.py)
git status --short -- bindings/js/npm bindings/python/python/cqc_assurance/_native.pyi
