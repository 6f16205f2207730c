// `cqc-assurance/workbook` in Node.js: the workbook module only (the self-assessment workbook
// checked and analysed, evidence registers from CSV, indicators against England), loaded
// synchronously when this is imported.
import { loadSync } from "./load.node.js";
import * as glue from "./cqc_assurance_workbook.js";

loadSync(glue, new URL("./cqc_assurance_workbook_bg.wasm", import.meta.url));

export * from "./workbook.api.js";
