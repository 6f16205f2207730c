// The workbook as files, for the browser app: a new workbook, a register imported from a CSV
// file's bytes and written back, the report as HTML and Word, the workbook as an Excel file.
// Each is what the core makes; these check the conversion (file keys kept, bytes in and out,
// errors with the core's code and path).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cqc, modules, repoRoot, expectCqcError } from "./helpers.mjs";

const LIVERPOOL = JSON.parse(readFileSync(join(repoRoot, "examples", "liverpool-workbook.json"), "utf8"));

test("starterWorkbook: the file's own keys, nine statements to score, a valid workbook", () => {
  const wb = cqc.starterWorkbook("Anytown");
  assert.equal(wb.version, 1);
  assert.equal(wb.council, "Anytown");
  assert.equal(Object.keys(wb.statements).length, 9);
  // Keys as in the file (snake_case), not camelCase: JSON.stringify(wb) is the file.
  assert.ok("self_score" in wb.statements["assessing-needs"]);
  assert.ok(wb.indicators.every((i) => "england_average" in i && i.value === null));
  const check = cqc.checkWorkbook(JSON.stringify(wb), "2026-01-05");
  assert.equal(check.valid, true, JSON.stringify(check.errors));
  expectCqcError(() => cqc.starterWorkbook(42), "invalid_value", "council");
});

test("importCsv: UK dates and Windows-1252 bytes merged by id; nothing written with a bad row", () => {
  const before = LIVERPOOL.evidence.length;
  const csv = new Uint8Array([
    ...new TextEncoder().encode("id;title;category;supports;date\r\nEV-NEW;"),
    0xa3, // £ in Windows-1252
    ...new TextEncoder().encode(" spent on carers;processes;QS1;15/10/2025\r\n"),
  ]);
  const merged = cqc.importCsv(LIVERPOOL, "evidence", csv, { mode: "merge" });
  assert.equal(merged.written, true, JSON.stringify(merged.errors));
  assert.equal(merged.workbook.evidence.length, before + 1);
  const added = merged.workbook.evidence.at(-1);
  assert.deepEqual([added.id, added.title, added.date], ["EV-NEW", "£ spent on carers", "2025-10-15"]);
  assert.ok(merged.warnings.some((w) => w.includes("Windows-1252")), merged.warnings.join("; "));
  assert.equal(merged.changes[0].added, 1);
  assert.equal(merged.changes[0].kept, before);

  // Replace by default: one row in place of the register is refused (items would be lost).
  const replaced = cqc.importCsv(LIVERPOOL, "evidence", csv);
  assert.equal(replaced.written, false);
  assert.equal(replaced.workbook, null);
  assert.equal(replaced.errors[0].code, "fewer_items");

  // A bad row: nothing is written, the row is reported at its line and column.
  const bad = "id,title,category,supports,date\nEV-X,Audit,vibes,QS7,15/10/2025\n";
  const rejected = cqc.importCsv(LIVERPOOL, "evidence", bad, { mode: "merge" });
  assert.equal(rejected.written, false);
  assert.equal(rejected.rejected, 1);
  assert.equal(rejected.errors[0].path, "line 2: category");
  // Unless told to keep the good rows (there are none here: the register is unchanged).
  const kept = cqc.importCsv(LIVERPOOL, "evidence", bad, { mode: "merge", keepGoodRows: true });
  assert.equal(kept.workbook.evidence.length, before);

  expectCqcError(() => cqc.importCsv(LIVERPOOL, "evidences", bad), "invalid_value", "part");
  expectCqcError(() => cqc.importCsv(LIVERPOOL, "evidence", 12), "invalid_value", "bytes");
  expectCqcError(() => cqc.importCsv(LIVERPOOL, "evidence", bad, { mode: "add" }), "invalid_value", "options.mode");
  expectCqcError(() => cqc.importCsv({ version: 1 }, "evidence", bad), "invalid_json", "council");
});

test("registerToCsv: every register written and read back unchanged", () => {
  const parts = ["evidence", "actions", "indicators", "information_return", "case_tracking", "interviews", "history"];
  for (const part of parts) {
    assert.ok(LIVERPOOL[part]?.length > 0, `the example fills ${part}`);
    const csv = cqc.registerToCsv(LIVERPOOL, part);
    assert.ok(csv.startsWith("\ufeff"), part);
    const back = cqc.importCsv(LIVERPOOL, part, csv);
    assert.equal(back.written, true, `${part}: ${JSON.stringify(back.errors)}`);
    assert.deepEqual(back.workbook[part], LIVERPOOL[part], part);
    assert.equal(back.changes[0].unchanged, LIVERPOOL[part].length, part);
  }
  expectCqcError(() => cqc.registerToCsv(LIVERPOOL, "visits"), "invalid_value", "part");
});

test("report and office modules: the HTML report, the Word report, the Excel round trip", () => {
  const report = modules.report.entry;
  const office = modules.office.entry;
  const html = report.workbookReportHtml(LIVERPOOL, "2025-10-01");
  assert.match(html, /^<!DOCTYPE html>/i);
  assert.ok(html.includes("Liverpool"));
  // The rating the report states is the analysis's.
  const analysis = cqc.checkWorkbook(LIVERPOOL, "2025-10-01").analysis;
  assert.ok(analysis.prediction, "the example is scored");
  const docx = office.workbookReportDocx(LIVERPOOL, "2025-10-01");
  assert.ok(docx instanceof Uint8Array);
  assert.deepEqual([...docx.slice(0, 2)], [0x50, 0x4b], "a zip archive");
  const xlsx = office.workbookToXlsx(LIVERPOOL);
  assert.deepEqual([...xlsx.slice(0, 2)], [0x50, 0x4b], "a zip archive");
  // Read back, it is the workbook (as the core writes it: the CSV round trip normalises the same way).
  const back = office.workbookFromXlsx(xlsx);
  const normal = cqc.importCsv(LIVERPOOL, "evidence", cqc.registerToCsv(LIVERPOOL, "evidence")).workbook;
  assert.deepEqual(back, normal);
  const err = expectCqcError(() => office.workbookFromXlsx(new Uint8Array([1, 2, 3])), "invalid_xlsx");
  assert.ok(Array.isArray(err.errors) && err.errors.length >= 1);
  expectCqcError(() => report.workbookReportHtml(LIVERPOOL, "31/12/2025"), "invalid_date", "today");
});
