#!/usr/bin/env bash
# `npm test` in bindings/js: tests the package that `npm run build` (build.sh) left in pkg/. It
# packs it, installs the tarball into a fresh folder and imports it there (the root, each
# sub-path and the explicit-init entries), type-checks the TypeScript example with tsc --strict,
# runs the node --test suites (shared conformance vectors, error cases, the API, the entries,
# the explicit-init entries, what `npm pack` publishes: every entry, the licences, the NOTICE),
# and checks the WebAssembly modules' sizes (the rating module at most 150 KB gzipped).
set -euo pipefail
cd "$(dirname "$0")/../.."
js=bindings/js

if [ ! -f "$js/pkg/package.json" ]; then
  echo "test.sh: bindings/js/pkg is missing: run npm run build (build.sh) first" >&2
  exit 1
fi
if [ ! -x "$js/node_modules/.bin/tsc" ]; then
  (cd "$js" && npm ci --no-audit --no-fund --loglevel=error)
fi

# 1. The tarball users install.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$js/pkg" && npm pack --pack-destination "$work" --loglevel=error >/dev/null)
tarball=$(ls "$work"/cqc-assurance-*.tgz)
echo "test-js: packed $(basename "$tarball") ($(wc -c < "$tarball") bytes)"

# 2. A fresh project installs it and imports it the way the README says: the root, then one
#    function from each sub-path.
mkdir -p "$work/app"
(
  cd "$work/app"
  echo '{"name": "app", "private": true, "type": "module"}' > package.json
  npm install --no-audit --no-fund --loglevel=error "$tarball"
  node --input-type=module -e '
    import { rate } from "cqc-assurance";
    const r = rate([2, 3, 3, 2, 2, 2, 2, 3, 3]);
    if (r.rating !== "requires_improvement" || r.percent !== 62) {
      throw new Error("unexpected result " + JSON.stringify(r));
    }
    console.log("test-js: import { rate } from \"cqc-assurance\" in a fresh folder: " + r.rating + ", " + r.percent + "%");
    const { addWorkingDays } = await import("cqc-assurance");
    const day = addWorkingDays("2025-04-17", 1);
    if (day !== "2025-04-22") throw new Error("unexpected working day " + day);
    console.log("test-js: the root loads the timeline module on first use: addWorkingDays(2025-04-17, 1) = " + day);
  '
  node --input-type=module -e '
    import { ratingForTotal } from "cqc-assurance/rating";
    import { easterSunday } from "cqc-assurance/timeline";
    import { compareWithEngland } from "cqc-assurance/workbook";
    const total = ratingForTotal(22, 9);
    if (total?.rating !== "requires_improvement" || total.percent !== 62) {
      throw new Error("unexpected ratingForTotal " + JSON.stringify(total));
    }
    const easter = easterSunday(2025);
    if (easter !== "2025-04-20") throw new Error("unexpected Easter Sunday " + easter);
    const comparison = compareWithEngland(50, 60, true, 1);
    if (comparison !== "worse") throw new Error("unexpected comparison " + comparison);
    console.log("test-js: sub-paths in a fresh folder: cqc-assurance/rating ratingForTotal(22, 9) = "
      + total.rating + " " + total.percent + "%, cqc-assurance/timeline easterSunday(2025) = " + easter
      + ", cqc-assurance/workbook compareWithEngland(50, 60, true, 1) = " + comparison);
  '
  node --input-type=module -e '
    import { init, rate } from "cqc-assurance/rating/init";
    import { init as initAll, planTimeline } from "cqc-assurance/init";
    await init();
    await initAll();
    const r = rate([2, 3, 3, 2, 2, 2, 2, 3, 3]);
    const due = planTimeline({ notified: "2025-01-06" }).milestones.length;
    if (r.percent !== 62 || !(due >= 10)) throw new Error("unexpected " + r.percent + " " + due);
    console.log("test-js: explicit init in a fresh folder: cqc-assurance/rating/init and cqc-assurance/init after await init(): "
      + r.rating + " " + r.percent + "%, " + due + " milestones");
  '
  # 3. The TypeScript example, strictly, against the installed package's .d.ts files (root
  #    and sub-paths, resolved through package.json's exports).
  cp "$OLDPWD/$js/examples/usage.ts" .
  "$OLDPWD/$js/node_modules/.bin/tsc" --noEmit --strict --target es2022 --module nodenext \
    --moduleResolution nodenext --lib es2022,dom --types '' usage.ts
  echo "test-js: tsc --noEmit --strict on examples/usage.ts passed"
)

# 4. The node test suites, against the built package.
node --test --test-reporter=dot "$js"/tests/*.test.mjs

# 5. Size. The rating module, which a calculator page loads alone, is at most 150 KB gzipped
#    (gzip -9, 150 KB read as 150,000 bytes). The other modules grow with their features (the
#    published results of 153 councils, the 2025-26 timeline) and are each held under 300,000
#    bytes gzipped, a guard that catches an accidental doubling; the workbook app's first load
#    (at most 600 KB gzipped: the workbook and rating modules and the app's own files) is
#    measured by its own browser test. Each module is reported; any limit exceeded fails the
#    step.
#    The workbook module carries the whole workbook: its analysis with the timeline, the
#    registers as CSV, and since the visit preparation parts (information return, case
#    tracking, interviews, history, the starting list of items) 317,499 bytes gzipped, up from
#    260,716: its guard is 400,000.
#    Two modules that only a page making a report or an Office file loads, after its first view,
#    have guards of their own: the report (its templates and charts; 525,117 with the
#    preparation sections) 600,000 bytes gzipped, and office (the Word writer, the Excel reader
#    and writer: two zip crates, two quick-xml versions and encoding_rs's tables: 1,023,803)
#    1,100,000 bytes gzipped.
rating_max=150000
workbook_max=400000
report_max=600000
office_max=1100000
other_max=300000
count=0
failed=0
for wasm in "$js"/pkg/*.wasm; do
  count=$((count + 1))
  gz=$(gzip -9c "$wasm" | wc -c)
  case "$(basename "$wasm")" in
    cqc_assurance_bg.wasm) max=$rating_max ;;
    cqc_assurance_workbook_bg.wasm) max=$workbook_max ;;
    cqc_assurance_report_bg.wasm) max=$report_max ;;
    cqc_assurance_office_bg.wasm) max=$office_max ;;
    *) max=$other_max ;;
  esac
  if [ "$gz" -gt "$max" ]; then
    echo "test-js: $(basename "$wasm") is $gz bytes gzipped: OVER its limit of $max" >&2
    failed=1
  else
    echo "test-js: $(basename "$wasm") is $gz bytes gzipped (limit $max)"
  fi
done
if [ "$count" -ne 6 ]; then
  echo "test-js: expected the package's 6 WebAssembly modules, found $count" >&2
  exit 1
fi
[ "$failed" -eq 0 ]
