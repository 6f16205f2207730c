#!/usr/bin/env bash
# Python: builds the wheel users get (`maturin build --release`: one abi3 wheel) and the sdist,
# checks that both carry the licences and the NOTICE and that the wheel's metadata has the
# README as its long description and its classifiers, installs THAT wheel (not the source tree)
# into a fresh virtual environment, and runs there pytest (shared conformance vectors,
# hypothesis properties, error cases, docstring and README examples), `mypy.stubtest` (the type
# stubs match the built module exactly) and `mypy --strict` on the typed usage example; then the
# workbook's Excel file as independent programs read it (tests/xlsx): openpyxl, and LibreOffice
# headless, which this script installs with apt-get when it is missing (a missing LibreOffice
# fails the step).
# Works on a fresh machine: creates .venv (the build tools) and installs pinned tools; the test
# environment target/python-test-venv is made anew on every run.
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
# The build tool, pinned; pip skips it when already installed at this version.
.venv/bin/python -m pip install -q --disable-pip-version-check maturin==1.16.0

# 1. The wheel and the sdist, built once, in release mode, in their own target directory (so
#    that maturin and `cargo test` do not rebuild each other's artefacts).
export CARGO_TARGET_DIR="$PWD/target/maturin"
wheels="$PWD/target/python-dist"
rm -rf "$wheels"
(cd bindings/python && ../../.venv/bin/maturin build --release --locked --quiet --out "$wheels" \
  && ../../.venv/bin/maturin sdist --out "$wheels")
wheel=$(ls "$wheels"/cqc_assurance-*-abi3-*.whl)
sdist=$(ls "$wheels"/cqc_assurance-*.tar.gz)
echo "python: built $(basename "$wheel") and $(basename "$sdist")"

# 2. What the wheel and the sdist carry: the licences and the NOTICE, and (the wheel's METADATA,
#    which PyPI shows) the README as the long description and the classifiers.
.venv/bin/python scripts/check-python-dist.py "$wheel" "$sdist"

# 3. A fresh environment with that wheel and the test tools only.
venv="$PWD/target/python-test-venv"
rm -rf "$venv"
"$PY" -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check \
  pytest==9.2.0 hypothesis==6.170.15 numpy==2.4.6 pandas==3.1.1 mypy==2.4.1 icalendar==7.3.0 \
  openpyxl==3.1.5 pandas-stubs==3.1.0.261029
"$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps "$wheel"
echo "python: installed $(basename "$wheel") into a fresh environment ($venv)"

# Run from the tests directory so that `import cqc_assurance` is the installed package, not the
# source tree.
cd bindings/python
"$venv/bin/python" -m pytest -q -p no:cacheprovider tests
# The type stubs (python/cqc_assurance/_native.pyi) against the installed extension: every
# class, constructor (__new__), parameter name, default and kind, property and module attribute
# (not return types).
# Fails when the Rust binding and its stubs drift apart. No allowlist: every difference is an
# error.
"$venv/bin/python" -m mypy.stubtest cqc_assurance
"$venv/bin/python" -m mypy --strict --no-incremental examples/usage.py
cd ../..

# 4. The workbook's .xlsx as openpyxl and LibreOffice read it, written and read back by the
#    cqc-assurance command (built here in the usual target directory).
# Calc, not only soffice: test-rust.sh may have installed Writer alone, with which soffice
# converts no .xlsx and still exits 0.
source scripts/libreoffice.sh
need_libreoffice calc
echo "test-python: $(soffice --version | head -n 1)"
CARGO_TARGET_DIR="$PWD/target" cargo build --locked -q -p cqc-assurance-cli
CQC_ASSURANCE_BIN="$PWD/target/debug/cqc-assurance" \
  "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/xlsx
echo "python: pytest, stubtest, mypy --strict, and the .xlsx through openpyxl and LibreOffice passed"
