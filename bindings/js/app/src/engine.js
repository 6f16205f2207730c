// The engine: the npm package's WebAssembly modules, loaded with their explicit `init()`. The
// workbook (the analysis, the timeline's milestones with it) and rating (the framework, the ways
// to the next rating) modules load with the page; the timeline module (the calendar file), the
// report's module (its templates and charts) and the Office module (the Word writer, the Excel
// reader and writer) the first time one is needed. In the served build each module is a file beside the script; in the single
// file it is inlined as base64 (virtual:wasm-sources) and handed to init() as bytes.
//
// Nothing here decides anything about the workbook: every answer is the core's.
import { inlined, sources } from "virtual:wasm-sources";
import * as workbook from "cqc-assurance/workbook/init";
import * as rating from "cqc-assurance/rating/init";

/** The bytes of an inlined module. */
function bytes(name) {
  const text = atob(sources[name]);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) out[i] = text.charCodeAt(i);
  return out;
}

const source = (name) => (inlined ? bytes(name) : undefined);

/** Loads the workbook and rating modules; resolves to `{ workbook, rating }`. */
export async function loadEngine() {
  await Promise.all([workbook.init(source("workbook")), rating.init(source("rating"))]);
  return { workbook, rating };
}

let timeline;
/** The timeline module (the calendar file), loaded the first time it is asked for. */
export function loadTimeline() {
  timeline ??= import("cqc-assurance/timeline/init").then(async (m) => {
    await m.init(source("timeline"));
    return m;
  });
  return timeline;
}

let report;
/** The report's module (the HTML report), loaded the first time it is asked for. */
export function loadReport() {
  report ??= import("cqc-assurance/report/init").then(async (m) => {
    await m.init(source("report"));
    return m;
  });
  return report;
}

let office;
/** The Office module (the Word report, the Excel workbook both ways), loaded the first time it is asked for. */
export function loadOffice() {
  office ??= import("cqc-assurance/office/init").then(async (m) => {
    await m.init(source("office"));
    return m;
  });
  return office;
}
