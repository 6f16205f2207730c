// `cqc-assurance/init` (the whole API) in browsers and bundlers, with an explicit
// `await init()` instead of the root's top-level await: for bundlers and targets that cannot take
// one (esbuild `--format=iife`, ES2020 targets, Rollup without a plugin) and pages that choose
// where the three WebAssembly modules come from.
//
//   await init();                                   // fetches the three modules beside this file
//   await init({ rating: url, timeline: bytes });   // each from a URL, a Response, its bytes or a
//                                                   // WebAssembly.Module (the others as above)
//
// The three are fetched in parallel. The functions are the same as `cqc-assurance`'s and share
// its instances; call them after `init()` has resolved. A page that needs one module imports
// `cqc-assurance/rating/init` (or `/timeline/init`, `/workbook/init`) instead.
import { init as initRating } from "./rating.init.web.js";
import { init as initTimeline } from "./timeline.init.web.js";
import { init as initWorkbook } from "./workbook.init.web.js";

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
