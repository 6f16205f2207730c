// `cqc-assurance/timeline` in Node.js: the timeline module only (the assessment timeline on
// real working days, bank holidays, working-day arithmetic), loaded synchronously when this is
// imported.
import { loadSync } from "./load.node.js";
import * as glue from "./cqc_assurance_timeline.js";

loadSync(glue, new URL("./cqc_assurance_timeline_bg.wasm", import.meta.url));

export * from "./timeline.api.js";
