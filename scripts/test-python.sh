#!/usr/bin/env bash
# Python: builds and installs the package the way users do (`pip install ./bindings/python`, an
# isolated PEP 517 build with maturin), then runs pytest (shared conformance vectors, hypothesis
# properties, error cases, docstring examples), `mypy.stubtest` (the type stubs match the built
# module exactly) and `mypy --strict` on the typed usage example.
# Works on a fresh machine: creates .venv and installs pinned tools; fast when already there.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  if ! "$PY" -m venv .venv 2>/dev/null; then
    echo "installing python3-venv (apt)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq python3-venv >/dev/null
    rm -rf .venv
    "$PY" -m venv .venv
  fi
fi
# Pinned tools; pip skips what is already installed at these versions.
.venv/bin/python -m pip install -q --disable-pip-version-check \
  maturin==1.16.0 pytest==9.2.0 hypothesis==6.170.15 numpy==2.4.6 pandas==3.1.1 mypy==2.4.1 \
  icalendar==7.3.0

# The extension is built once, in release mode, in its own target directory (so that it and
# `cargo test` do not rebuild each other's artefacts).
export CARGO_TARGET_DIR="$PWD/target/maturin"
.venv/bin/python -m pip install -q --disable-pip-version-check --force-reinstall --no-deps \
  ./bindings/python

# Run from the tests directory so that `import cqc_assurance` is the installed package, not the
# source tree.
cd bindings/python
../../.venv/bin/python -m pytest -q -p no:cacheprovider tests
# The type stubs (python/cqc_assurance/_native.pyi) against the installed extension: every
# class, constructor (__new__), parameter name, default and kind, property and module attribute
# (not return types).
# Fails when the Rust binding and its stubs drift apart. No allowlist: every difference is an
# error.
../../.venv/bin/python -m mypy.stubtest cqc_assurance
../../.venv/bin/python -m mypy --strict --no-incremental examples/usage.py
echo "python: pytest, stubtest and mypy --strict passed"
