// `cqc-assurance/timeline/init` in Node.js: the timeline module (`cqc_assurance_timeline_bg.wasm`:
// the assessment timeline on real working days, bank holidays, working-day arithmetic), with an
// explicit `await init()`, for code shared with browsers. `init()` reads the module from the
// package (as `cqc-assurance/timeline` does at import); `init(source)` takes its bytes (a Buffer,
// an ArrayBuffer, a typed array), a WebAssembly.Module, or a Response.
import { loadFrom, loadSync } from "./load.node.js";
import * as glue from "./cqc_assurance_timeline.js";

export * from "./timeline.api.js";

export async function init(source) {
  if (source === undefined) {
    loadSync(glue, new URL("./cqc_assurance_timeline_bg.wasm", import.meta.url));
  } else {
    await loadFrom(glue, source);
  }
}
