// The declarations of `cqc-assurance/report` (the workbook's report as HTML):
// a module on its own sub-path only, which the root entries do not load. Types shared with
// the rest of the package come from index.d.ts.
import type { DateInput, JsonObject } from "./index.js";

// --- The report (cqc-assurance/report) ---

/**
 * The workbook's report as of `today`, as the HTML page `cqc-assurance report` writes (the same
 * templates, charts and words): one self-contained document with its styles inline.
 */
export function workbookReportHtml(workbook: string | JsonObject, today: DateInput): string;
