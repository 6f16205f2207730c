#!/usr/bin/env bash
# Sourced by the test scripts: `need_libreoffice writer calc` installs, with apt-get, each
# LibreOffice component that is missing. A component is present when its library sits beside
# the soffice program (Writer: libswlo.so, Calc: libsclo.so): soffice on the PATH is not
# enough, since a machine with Writer alone converts no .xlsx (soffice then exits 0 having
# written nothing) and one with Calc alone opens no .docx.
need_libreoffice() {
  local need=() component lib soffice_path program_dir=""
  soffice_path=$(command -v soffice || true)
  if [ -n "$soffice_path" ]; then
    program_dir=$(dirname "$(readlink -f "$soffice_path")")
  fi
  for component in "$@"; do
    case "$component" in
      writer) lib=libswlo.so ;;
      calc) lib=libsclo.so ;;
      *) echo "need_libreoffice: unknown component $component" >&2; return 2 ;;
    esac
    if [ -z "$program_dir" ] || [ ! -e "$program_dir/$lib" ]; then
      need+=("libreoffice-$component")
    fi
  done
  if [ ${#need[@]} -gt 0 ]; then
    echo "installing ${need[*]} (apt-get; LibreOffice takes a few minutes)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq -o DPkg::Lock::Timeout=600
    apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends "${need[@]}" >/dev/null
    soffice_path=$(command -v soffice || true)
    [ -n "$soffice_path" ] || { echo "need_libreoffice: soffice missing after installing ${need[*]}" >&2; return 1; }
    program_dir=$(dirname "$(readlink -f "$soffice_path")")
    for component in "$@"; do
      case "$component" in writer) lib=libswlo.so ;; calc) lib=libsclo.so ;; esac
      [ -e "$program_dir/$lib" ] || { echo "need_libreoffice: $lib missing after installing ${need[*]}" >&2; return 1; }
    done
  fi
}
