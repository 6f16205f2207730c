#!/usr/bin/env bash
# The main job on a real example: Liverpool City Council's published scores (as listed in press
# coverage of CQC's report of 24 September 2025) through the cqc-assurance command: the rating,
# the explanation, what it would take to reach good, and the check against the published rating.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q -p cqc-assurance-cli
cqc() { ./target/release/cqc-assurance "$@"; }
LIVERPOOL=2,3,3,2,2,2,2,3,3

echo "== cqc-assurance rate --scores $LIVERPOOL"
cqc rate --scores "$LIVERPOOL"
echo
echo "== cqc-assurance explain --scores $LIVERPOOL"
cqc explain --scores "$LIVERPOOL"
echo
echo "== cqc-assurance improve --scores $LIVERPOOL --target good"
cqc improve --scores "$LIVERPOOL" --target good
echo
echo "== cqc-assurance check-published --council Liverpool   (exit status 1 = inconsistent)"
status=0
cqc check-published --council Liverpool || status=$?
[ "$status" -le 1 ] || exit "$status"
