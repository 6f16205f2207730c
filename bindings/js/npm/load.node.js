// Internal to the package (not an entry point): how the node entry points load a WebAssembly
// module, synchronously, once. Shared so that the root `cqc-assurance` and the sub-paths
// (`cqc-assurance/rating`, `/timeline`, `/workbook`) use one instance of each module, whichever
// of them a program imports.
import { readFileSync } from "node:fs";

const loaded = new Set();

/**
 * Instantiates `glue`'s module (the `.wasm` at `wasm`, a URL) unless done already; returns
 * `glue`, the module's wasm-bindgen glue, ready to call.
 */
export function loadSync(glue, wasm) {
  if (!loaded.has(glue)) {
    glue.initSync({ module: readFileSync(wasm) });
    loaded.add(glue);
  }
  return glue;
}

/**
 * Instantiates `glue`'s module from `source` (bytes, a WebAssembly.Module, a Response) unless
 * done already (then nothing is read); for the explicit-init entries (`init(source)`).
 */
export async function loadFrom(glue, source) {
  if (!loaded.has(glue)) {
    await glue.default({ module_or_path: source });
    loaded.add(glue);
  }
  return glue;
}
