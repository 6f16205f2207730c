// `cqc-assurance/workbook` in browsers and bundlers: fetches and instantiates the workbook
// module only (`cqc_assurance_workbook_bg.wasm`: the self-assessment workbook checked and
// analysed, evidence registers from CSV, indicators against England), with a top-level await,
// so that every export is ready when the import resolves. Bundlers see the module through
// `new URL(..., import.meta.url)`.
import init from "./cqc_assurance_workbook.js";

await init({ module_or_path: new URL("./cqc_assurance_workbook_bg.wasm", import.meta.url) });

export * from "./workbook.api.js";
