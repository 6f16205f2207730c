#!/usr/bin/env bash
# Python: builds and installs the package the way users do (`pip install ./bindings/python`, an
# isolated PEP 517 build with maturin), then runs pytest (shared conformance vectors, hypothesis
# properties, error cases, docstring examples), `mypy.stubtest` (the type stubs match the built
# module exactly) and `mypy --strict` on the typed usage example. Then the workbook's Excel file
# as independent programs read it (tests/xlsx): openpyxl, and LibreOffice headless, which this
# script installs with apt-get when it is missing (a missing LibreOffice fails the step).
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
  icalendar==7.3.0 openpyxl==3.1.5

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
cd ../..

# The workbook's .xlsx as openpyxl and LibreOffice read it, written and read back by the
# cqc-assurance command (built here in the usual target directory).
if ! command -v soffice >/dev/null 2>&1; then
  echo "test-python: LibreOffice is not installed: installing libreoffice-calc (apt-get, a few minutes)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq -o DPkg::Lock::Timeout=600
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends libreoffice-calc >/dev/null
  command -v soffice >/dev/null 2>&1 || { echo "test-python: soffice still missing after installing libreoffice-calc" >&2; exit 1; }
fi
echo "test-python: $(soffice --version | head -n 1)"
CARGO_TARGET_DIR="$PWD/target" cargo build --locked -q -p cqc-assurance-cli
CQC_ASSURANCE_BIN="$PWD/target/debug/cqc-assurance" \
  .venv/bin/python -m pytest -q -p no:cacheprovider tests/xlsx
echo "python: pytest, stubtest, mypy --strict, and the .xlsx through openpyxl and LibreOffice passed"
