// `cqc-assurance/workbook/init` in browsers and bundlers: the workbook module
// (`cqc_assurance_workbook_bg.wasm`: the self-assessment workbook, evidence registers from CSV,
// indicators against England), with an explicit `await init()` instead of a top-level await, for
// bundlers and targets that cannot take one (esbuild `--format=iife`, ES2020 targets, Rollup
// without a plugin) and pages that choose where the module comes from.
//
//   await init();       // fetches cqc_assurance_workbook_bg.wasm beside this file
//   await init(url);    // or from a URL (string or URL), a Response or a promise of one,
//   await init(bytes);  // its bytes (ArrayBuffer, typed array), or a WebAssembly.Module
//
// The functions are the same as `cqc-assurance/workbook`'s and share its instance; call them after
// `init()` has resolved. Calling `init()` again does nothing.
import initModule from "./cqc_assurance_workbook.js";

export * from "./workbook.api.js";

export async function init(source) {
  await initModule({ module_or_path: source ?? new URL("./cqc_assurance_workbook_bg.wasm", import.meta.url) });
}
