#!/usr/bin/env bash
# Rust: formatting, clippy with warnings as errors (the core also without its default
# features, and its tests run so), every test of the workspace (unit,
# property, golden published-results, conformance vectors, the command line on the matrix of bad
# inputs, doc tests), what `cargo package` would publish (each published crate carries
# LICENSE-MIT, LICENSE-APACHE and NOTICE), then the Word report opened by LibreOffice (the
# example's .docx converted to PDF and text and checked, its first pages drawn to
# target/screenshots/report-docx-*.png).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check

# The repository stands alone: no file refers to a folder outside it (the notes a session works
# from, another machine's paths) or to an issue tracker's numbers, which a reader of a release
# cannot follow.
if outside=$(git grep -nIE '\.\./shared|/work/|[Ii]ssue [0-9]+' -- . ':!Cargo.lock' ':!scripts/test-rust.sh'); then
  echo "test-rust: these lines refer to what is not in the repository:" >&2
  echo "$outside" >&2
  exit 1
fi
cargo clippy --workspace --all-targets --locked -- -D warnings
# The core without its optional Word and Excel writers (`default-features = false`, as a
# service that needs neither would take it): the library and every test build and pass.
cargo clippy -p cqc-assurance --no-default-features --all-targets --locked -- -D warnings
cargo test -p cqc-assurance --no-default-features --locked -q
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

# The Word report read by another program. LibreOffice Writer converts it (soffice without
# Writer, e.g. with Calc alone, cannot open a .docx) and poppler-utils reads the PDF; both are
# installed with apt-get when missing. The test fails, never skips, if they are still missing.
source scripts/libreoffice.sh
need_libreoffice writer
if ! command -v pdftoppm >/dev/null || ! command -v pdftotext >/dev/null \
   || ! command -v pdfinfo >/dev/null; then
  echo "test-rust.sh: installing poppler-utils (apt-get) to read the Word report's PDF"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq -o DPkg::Lock::Timeout=600
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 poppler-utils >/dev/null
fi
# One test at a time: two headless LibreOffice instances starting together, even with profiles
# of their own, can abort ("Unspecified Application Error"), as one did in a clean run here.
cargo test -p cqc-assurance-cli --locked --test docx_libreoffice -- --ignored --test-threads=1
echo "test-rust.sh: LibreOffice read the Word report; pages drawn in target/screenshots/report-docx-*.png"
