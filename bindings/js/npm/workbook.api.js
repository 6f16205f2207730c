// Internal to the package (not an entry point): what `cqc-assurance/workbook` exports, listed once
// for its node entry (workbook.node.js) and its browser entry (workbook.web.js), which load
// the workbook module (`cqc_assurance_workbook_bg.wasm`) and then re-export this.
export { checkWorkbook, evidenceFromCsv, compareWithEngland } from "./cqc_assurance_workbook.js";
