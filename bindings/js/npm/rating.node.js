// `cqc-assurance/rating` in Node.js: the rating module only (the framework, the rating, what
// it would take to change it, probabilities, published results), loaded synchronously when
// this is imported.
import { loadSync } from "./load.node.js";
import * as glue from "./cqc_assurance.js";

loadSync(glue, new URL("./cqc_assurance_bg.wasm", import.meta.url));

export * from "./rating.api.js";
