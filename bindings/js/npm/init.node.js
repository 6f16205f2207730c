// `cqc-assurance/init` (the whole API) in Node.js, with an explicit `await init()`, for code
// shared with browsers. `init()` reads the three modules from the package; `init({ rating,
// timeline, workbook })` takes any of them as bytes (a Buffer, an ArrayBuffer, a typed array), a
// WebAssembly.Module or a Response.
import { init as initRating } from "./rating.init.node.js";
import { init as initTimeline } from "./timeline.init.node.js";
import { init as initWorkbook } from "./workbook.init.node.js";

export * from "./rating.api.js";
export * from "./timeline.api.js";
export * from "./workbook.api.js";

export async function init(sources = {}) {
  if (sources === null || typeof sources !== "object" || Array.isArray(sources)) {
    throw new TypeError("init: expected { rating, timeline, workbook } (each optional), got " + String(sources));
  }
  for (const key of Object.keys(sources)) {
    if (!["rating", "timeline", "workbook"].includes(key)) {
      throw new TypeError(`init: unknown module "${key}" (expected rating, timeline or workbook)`);
    }
  }
  await Promise.all([initRating(sources.rating), initTimeline(sources.timeline), initWorkbook(sources.workbook)]);
}
