// The declarations of `cqc-assurance/office` (the Word report, the workbook as Excel and back):
// a module on its own sub-path only, which the root entries do not load. Types shared with
// the rest of the package come from index.d.ts.
import type { DateInput, JsonObject } from "./index.js";

// --- The Word report and the Excel workbook (cqc-assurance/office) ---

/** The workbook's report as of `today` as a Word document (`.docx` bytes). */
export function workbookReportDocx(workbook: string | JsonObject, today: DateInput): Uint8Array;

/** The workbook as an Excel file (`.xlsx` bytes), which {@link workbookFromXlsx} reads back. */
export function workbookToXlsx(workbook: string | JsonObject): Uint8Array;

/**
 * A workbook read from its Excel file, as the object of its JSON file. Throws the first problem;
 * the thrown error's `errors` holds every one.
 */
export function workbookFromXlsx(bytes: Uint8Array | ArrayBuffer): JsonObject;
