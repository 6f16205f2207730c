#!/usr/bin/env bash
# The main job on real examples, through the cqc-assurance command:
# 1. Liverpool City Council's published scores (as listed in press coverage of CQC's report of
#    24 September 2025): the rating, the explanation, what it would take to reach good, and the
#    check against the published rating; its published result beside the other councils of
#    its region and of its kind, and the ratings of all 153 councils by region and type.
# 2. The timeline of an assessment whose first notice comes on 7 December 2026, as assessments
#    ran in 2025-26: both notices, the pre-visit meetings, the visit as one block, publication
#    clear of the May 2027 pre-election period, forecasts from real recorded cases; written as an
#    .ics file to import into a calendar (Outlook, Google, Thunderbird).
# 3. Hounslow's real assessment (December 2023 to May 2024) loaded as actual dates.
# 4. The self-assessment workbook built from Liverpool's public record, as an HTML and a Markdown
#    report.
# Files are written to out/.
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
echo
echo "== cqc-assurance published Liverpool   (its rank in England, the North West and among metropolitan districts)"
cqc published Liverpool
echo
echo "== cqc-assurance published --counts   (current ratings by region and by type of council)"
cqc published --counts

mkdir -p out
echo
echo "== cqc-assurance timeline --notified 2026-12-07 --council Anytown --today 2026-12-07 --ics out/timeline.ics"
cqc timeline --notified 2026-12-07 --council Anytown --today 2026-12-07 --ics out/timeline.ics
echo
echo "== cqc-assurance timeline --file examples/hounslow-timeline.json"
cqc timeline --file examples/hounslow-timeline.json
echo
echo "== cqc-assurance workbook check examples/liverpool-workbook.json --today 2025-04-01"
cqc workbook check examples/liverpool-workbook.json --today 2025-04-01
echo
echo "== cqc-assurance report examples/liverpool-workbook.json --html out/report.html --md out/report.md --today 2025-04-01"
cqc report examples/liverpool-workbook.json --html out/report.html --md out/report.md --today 2025-04-01
echo
echo "Written: out/timeline.ics, out/report.html (open it in a browser), out/report.md"
