// `cqc-assurance/workbook/init` in Node.js: the workbook module (`cqc_assurance_workbook_bg.wasm`:
// the self-assessment workbook, evidence registers from CSV, indicators against England), with an
// explicit `await init()`, for code shared with browsers. `init()` reads the module from the
// package (as `cqc-assurance/workbook` does at import); `init(source)` takes its bytes (a Buffer,
// an ArrayBuffer, a typed array), a WebAssembly.Module, or a Response.
import { loadFrom, loadSync } from "./load.node.js";
import * as glue from "./cqc_assurance_workbook.js";

export * from "./workbook.api.js";

export async function init(source) {
  if (source === undefined) {
    loadSync(glue, new URL("./cqc_assurance_workbook_bg.wasm", import.meta.url));
  } else {
    await loadFrom(glue, source);
  }
}
