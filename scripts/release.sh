#!/usr/bin/env bash
# Builds the release artefacts into dist/ and checks them:
#
#   cqc-assurance-VERSION-x86_64-linux-musl.tar.gz   the command for Linux x86_64, one static
#                                                    (musl) binary that runs on any distribution
#   cqc-assurance-VERSION-x86_64-windows.zip         the command for Windows x86_64
#                                                    (x86_64-pc-windows-gnu, linked by mingw-w64)
#   cqc_assurance-VERSION-cp39-abi3-*.whl            the Python wheel (one for CPython >= 3.9)
#   cqc_assurance-VERSION.tar.gz                     the Python sdist
#   cqc-assurance-VERSION.tgz                        the npm package
#   cqc-assurance-workbook-VERSION.html              the workbook app, one self-contained HTML
#                                                    file that works from file:// offline
#   SHA256SUMS                                       sha256sum of each of the above
#
# Each archive of the command holds the binary with README.md, CHANGELOG.md, LICENSE-MIT,
# LICENSE-APACHE and NOTICE. Checks: the Linux binary is static and runs the README's example
# (Liverpool's scores, the published-rating check, the example workbook); the Windows binary is
# a PE32+ x86-64 executable that imports only Windows' own DLLs, and runs the same example under
# Debian's wine when wine can be installed (it says which was done); the wheel, the sdist and
# the npm tarball carry the licences and the NOTICE; SHA256SUMS verifies.
#
#   scripts/release.sh            everything above, into dist/ (replaced whole at the end)
#   scripts/release.sh --quick    only the static Linux binary, built and run on the example, in
#                                 a temporary folder (the check the test command runs)
#
# Installs what it needs when missing: the two Rust targets (rustup target add), mingw-w64
# (apt), maturin in .venv, the npm tools (bindings/js build.sh). The artefacts are built in a
# staging folder inside the repository and moved to dist/ only when every check passed, so
# dist/ is never left half-written.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

quick=0
case "${1:-}" in
  --quick) quick=1 ;;
  "") ;;
  *) echo "usage: scripts/release.sh [--quick]" >&2; exit 2 ;;
esac

version=$(cargo pkgid -p cqc-assurance-cli | sed 's/.*[#@]//')
musl=x86_64-unknown-linux-musl
windows=x86_64-pc-windows-gnu
LIVERPOOL=2,3,3,2,2,2,2,3,3
start=$(date +%s)
say() { echo "release: $*"; }

# apt-get, waiting up to 10 minutes for another apt-get on the machine to release its lock.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq \
    && apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$@" >/dev/null
}

add_target() {
  if ! rustup target list --installed | grep -qx "$1"; then
    say "adding the Rust target $1"
    rustup target add "$1"
  fi
}

# Runs the command's README example with BIN (a command line: the binary, or wine and the .exe)
# and checks what it prints. The output of each run is kept in $2.
run_example() {
  local log=$1
  shift
  : >"$log"
  local out status
  out=$("$@" rate --scores "$LIVERPOOL" | tr -d '\r')
  echo "$out" >>"$log"
  grep -q '^Rating: Requires improvement (62%)$' <<<"$out" || { echo "$out" >&2; return 1; }
  status=0
  out=$("$@" check-published --council Liverpool | tr -d '\r') || status=$?
  echo "$out" >>"$log"
  # Exit status 1: the conflict between the press figures and the published rating.
  # The record is named with its assessment: "Liverpool (baseline, published 2025-09-24)".
  [ "$status" -eq 1 ] && grep -q '^Liverpool (baseline, published [0-9-]*): INCONSISTENT$' <<<"$out" \
    || { echo "$out" >&2; return 1; }
  out=$("$@" workbook check examples/liverpool-workbook.json --today 2025-04-01 | tr -d '\r')
  echo "$out" >>"$log"
  grep -q 'the workbook reads' <<<"$out" || { echo "$out" >&2; return 1; }
  out=$("$@" --version | tr -d '\r')
  [ "$out" = "cqc-assurance $version" ] || { echo "version: $out" >&2; return 1; }
}

# ---- 1. The command for Linux x86_64: static, musl --------------------------------------------
add_target "$musl"
say "building the command for $musl"
# Stripped of its symbols, which no user needs (about a fifth of the file).
CARGO_PROFILE_RELEASE_STRIP=symbols cargo build --release --locked -q -p cqc-assurance-cli --target "$musl"
linux_bin="target/$musl/release/cqc-assurance"
# Static: no program interpreter and no shared library needed.
if readelf -l "$linux_bin" | grep -q 'Requesting program interpreter' \
   || readelf -d "$linux_bin" | grep -q '(NEEDED)'; then
  echo "release: $linux_bin is not statically linked:" >&2
  readelf -d "$linux_bin" >&2
  exit 1
fi
run_example "target/release-example-linux.log" "$linux_bin"
say "the static Linux binary ($(wc -c <"$linux_bin") bytes) ran the example: $(head -1 target/release-example-linux.log)"
if [ "$quick" -eq 1 ]; then
  say "--quick: the static Linux binary builds and runs ($(($(date +%s) - start)) s); nothing written to dist/"
  exit 0
fi

stage="$root/dist.staging"
rm -rf "$stage"
mkdir -p "$stage"
trap 'rm -rf "$stage"' EXIT
docs=(README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE NOTICE)

linux_name="cqc-assurance-$version-x86_64-linux-musl"
mkdir -p "$stage/$linux_name"
cp "$linux_bin" "${docs[@]}" "$stage/$linux_name/"
tar -C "$stage" --owner=0 --group=0 --numeric-owner -czf "$stage/$linux_name.tar.gz" "$linux_name"
rm -rf "${stage:?}/$linux_name"

# ---- 2. The command for Windows x86_64 (mingw-w64) ---------------------------------------------
add_target "$windows"
if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
  say "installing Debian's mingw-w64 (the Windows linker)"
  apt_install mingw-w64
fi
say "building the command for $windows"
CARGO_PROFILE_RELEASE_STRIP=symbols cargo build --release --locked -q -p cqc-assurance-cli --target "$windows"
exe="target/$windows/release/cqc-assurance.exe"

# The PE header: "MZ", the PE signature at e_lfanew, machine x86-64 (0x8664), a PE32+ optional
# header (0x20b), the console subsystem (3).
python3 - "$exe" <<'EOF'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:2] == b"MZ", "no MZ header"
pe = struct.unpack_from("<I", data, 0x3C)[0]
assert data[pe:pe + 4] == b"PE\0\0", "no PE signature"
machine = struct.unpack_from("<H", data, pe + 4)[0]
assert machine == 0x8664, f"machine {machine:#x}, not x86-64"
magic, = struct.unpack_from("<H", data, pe + 24)
assert magic == 0x20B, f"optional header magic {magic:#x}, not PE32+"
subsystem, = struct.unpack_from("<H", data, pe + 24 + 68)
assert subsystem == 3, f"subsystem {subsystem}, not the Windows console"
print(f"release: {sys.argv[1]}: PE32+ x86-64 console executable ({len(data)} bytes)")
EOF
# Only Windows' own DLLs: no mingw runtime DLL (libgcc_s, libwinpthread) to ship beside it.
dlls=$(x86_64-w64-mingw32-objdump -p "$exe" | awk '/DLL Name:/ { print $3 }' | sort -u)
say "the Windows binary imports: $(echo $dlls)"
for dll in $dlls; do
  case "${dll,,}" in
    kernel32.dll | ntdll.dll | advapi32.dll | bcrypt.dll | bcryptprimitives.dll | ws2_32.dll \
      | userenv.dll | msvcrt.dll | api-ms-win-*.dll | ucrtbase.dll | shell32.dll | ole32.dll) ;;
    *) echo "release: the Windows binary needs $dll, which Windows does not have" >&2; exit 1 ;;
  esac
done

wine_ran=0
if ! command -v wine >/dev/null 2>&1; then
  say "trying to install Debian's wine to run the Windows binary"
  apt_install wine wine64 || say "apt-get could not install wine (see its message above)"
fi
if command -v wine >/dev/null 2>&1; then
  # A 64-bit prefix of its own, run by wine64 itself (Debian's `wine` wants the 32-bit half).
  export WINEPREFIX="$root/target/wine" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
  wine64=$(command -v wine64 || echo /usr/lib/wine/wine64)
  [ -d "$WINEPREFIX/drive_c/windows/system32" ] || "$wine64" wineboot --init >/dev/null 2>&1 || true
  if [ ! -f "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" ]; then
    # Wine before 9 lacks the DLL that Rust's std needs at start (ProcessPrng); Windows has it.
    say "$(wine --version) has no bcryptprimitives.dll: adding a stand-in to the wine prefix only (scripts/wine/bcryptprimitives.c)"
    x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
      scripts/wine/bcryptprimitives.c -ladvapi32
  fi
  if run_example "target/release-example-windows.log" "$wine64" "$exe"; then
    wine_ran=1
    say "the Windows binary ran the example under $(wine --version): $(head -1 target/release-example-windows.log)"
  else
    echo "release: the Windows binary did not run the example under wine" >&2
    exit 1
  fi
else
  say "no wine here: the Windows binary was checked by its PE header and imports only, NOT run"
fi

win_name="cqc-assurance-$version-x86_64-windows"
python3 - "$stage/$win_name.zip" "$win_name" "$exe" "${docs[@]}" <<'EOF'
import os, sys, zipfile
out, folder, *files = sys.argv[1:]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for f in files:
        name = os.path.basename(f)
        # Text files with Windows line ends, so that Notepad shows them as written.
        data = open(f, "rb").read()
        if not name.endswith(".exe"):
            data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
            if "." not in name:
                name += ".txt"
        info = zipfile.ZipInfo(f"{folder}/{name}", date_time=(2026, 1, 1, 0, 0, 0))
        info.external_attr = 0o644 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
EOF

# ---- 3. The Python wheel and sdist ---------------------------------------------------------------
if [ ! -x .venv/bin/maturin ]; then
  python3 -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check maturin==1.16.0
fi
say "building the Python wheel and sdist"
(
  cd bindings/python
  export CARGO_TARGET_DIR="$root/target/maturin"
  ../../.venv/bin/maturin build --release --locked --quiet --out "$stage"
  ../../.venv/bin/maturin sdist --out "$stage" >/dev/null 2>&1
)
.venv/bin/python scripts/check-python-dist.py "$stage"/cqc_assurance-"$version"-*abi3*.whl "$stage/cqc_assurance-$version.tar.gz"

# ---- 4. The npm package ----------------------------------------------------------------------------
say "building the npm package"
(cd bindings/js && npm run --silent build >/dev/null)
(cd bindings/js/pkg && npm pack --pack-destination "$stage" --loglevel=error >/dev/null)
listing=$(tar -tzf "$stage/cqc-assurance-$version.tgz")
for f in LICENSE-MIT LICENSE-APACHE NOTICE README.md cqc_assurance_bg.wasm; do
  grep -qx "package/$f" <<<"$listing" || { echo "release: the npm tarball lacks $f" >&2; exit 1; }
done

# ---- 5. The single-file workbook app -------------------------------------------------------------
# The workbook app as one self-contained HTML file (bindings/js/app: scripts, styles and the
# WebAssembly modules inlined), which works opened from a shared drive or an email attachment.
# Checked: it loads no script or stylesheet from beside it (the browser test opens it from
# file:// with the network blocked).
say "building the single-file workbook app"
(cd bindings/js && npm run --silent build:app >/dev/null)
app_html="cqc-assurance-workbook-$version.html"
cp bindings/js/app/dist/cqc-assurance-workbook.html "$stage/$app_html"
if grep -qE '<script[^>]+src=|<link[^>]+rel="stylesheet"' "$stage/$app_html"; then
  echo "release: $app_html loads a script or stylesheet from beside it" >&2
  exit 1
fi

# ---- 6. Checksums, and dist/ replaced whole --------------------------------------------------------
(cd "$stage" && sha256sum -- * >SHA256SUMS && sha256sum --quiet -c SHA256SUMS)
rm -rf dist.previous
[ -d dist ] && mv dist dist.previous
mv "$stage" dist
trap - EXIT
rm -rf dist.previous

echo
say "dist/ ($(($(date +%s) - start)) s):"
(cd dist && for f in *; do printf '  %-60s %10s bytes\n' "$f" "$(wc -c <"$f")"; done)
if [ "$wine_ran" -eq 1 ]; then
  say "checked: the static Linux binary and the Windows binary (under wine) ran the example; SHA256SUMS verified"
else
  say "checked: the static Linux binary ran the example; the Windows binary's PE header and imports (wine unavailable: not run); SHA256SUMS verified"
fi
