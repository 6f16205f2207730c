// `cqc-assurance/rating/init` in Node.js: the rating module (`cqc_assurance_bg.wasm`: the
// framework, the rating, what it would take to change it, probabilities, published results), with
// an explicit `await init()`, for code shared with browsers. `init()` reads the module from the
// package (as `cqc-assurance/rating` does at import); `init(source)` takes its bytes (a Buffer, an
// ArrayBuffer, a typed array), a WebAssembly.Module, or a Response.
import { loadFrom, loadSync } from "./load.node.js";
import * as glue from "./cqc_assurance.js";

export * from "./rating.api.js";

export async function init(source) {
  if (source === undefined) {
    loadSync(glue, new URL("./cqc_assurance_bg.wasm", import.meta.url));
  } else {
    await loadFrom(glue, source);
  }
}
