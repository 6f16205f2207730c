// The declarations of `cqc-assurance/office` (the Word report, the workbook as Excel and back):
// a module on its own sub-path only, which the root entries do not load. Types shared with
// the rest of the package come from index.d.ts.
import type { DateInput, JsonObject } from "./index.js";

// --- The Word report and the Excel workbook (cqc-assurance/office) ---

/**
 * The workbook's report as of `today` as a Word document (`.docx` bytes), as
 * `cqc-assurance report --docx` writes it.
 */
export function workbookReportDocx(workbook: string | JsonObject, today: DateInput): Uint8Array;

/**
 * The workbook as an Excel file (`.xlsx` bytes), as `cqc-assurance workbook export-xlsx` writes it,
 * which {@link workbookFromXlsx} reads back.
 */
export function workbookToXlsx(workbook: string | JsonObject): Uint8Array;

/**
 * A workbook read from the bytes of its Excel file, as the object of its JSON file. When the file
 * does not read, the first problem is thrown with its code and path, and the thrown error's
 * `errors` holds every problem (`{ code, family, message, path }`).
 */
export function workbookFromXlsx(bytes: Uint8Array | ArrayBuffer): JsonObject;
