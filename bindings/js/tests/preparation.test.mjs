// The workbook's preparation parts through the package: the information return, the case
// register, the interviews, earlier self-assessments and the assurance account, as the example
// workbook fills them (camelCase result keys, every figure from the library).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cqc, repoRoot } from "./helpers.mjs";

const example = JSON.parse(readFileSync(join(repoRoot, "examples", "liverpool-workbook.json"), "utf8"));

test("the example's preparation parts are analysed", () => {
  const check = cqc.checkWorkbook(example, "2025-04-01");
  assert.equal(check.valid, true);
  const a = check.analysis;
  // Nine starter items; Starter 09 was due on 28 March: 4 days overdue on 1 April.
  assert.equal(a.informationReturn.total, 9);
  assert.deepEqual(a.informationReturn.overdue, ["Starter 09"]);
  assert.equal(a.informationReturn.items[8].daysOverdue, 4);
  // Six cases, all offered; no field looks like personal data.
  assert.equal(a.caseTracking.total, 6);
  assert.equal(a.caseTracking.offered, 6);
  assert.equal(a.caseTracking.personalDataWarnings, 0);
  // Seven dated interviews on the visit's days, one not dated yet (listed last).
  assert.equal(a.interviews.interviews.length, 8);
  assert.equal(a.interviews.interviews[7].role, "people_who_draw_on_care");
  assert.equal(a.interviews.interviews[7].onVisitDay, null);
  assert.ok(a.interviews.interviews.slice(0, 7).every((i) => i.onVisitDay === true));
  // 2024 against now: QS1, QS2, QS3, QS5 (2 -> 2.5 expected), QS8, QS9 up; QS4, QS7 the same;
  // QS6 (2.5 expected -> 2) down.
  assert.deepEqual(
    [a.directionOfTravel.improved, a.directionOfTravel.unchanged, a.directionOfTravel.declined],
    [6, 2, 1],
  );
  assert.equal(a.assuranceAccount.length, 1);
  assert.ok(a.assuranceAccount[0].youSaid.includes("children's to adult services"));
  assert.ok(!JSON.stringify(a.assuranceAccount).includes("ACT-05"));
});

test("personal data in the case register is a warning at its field, never repeated", () => {
  const wb = structuredClone(example);
  wb.case_tracking[0].notes = "Mrs Smith, NHS 943 476 5919";
  const check = cqc.checkWorkbook(wb, "2025-04-01");
  const found = check.warnings.filter((w) => w.path === "case_tracking[0].notes").map((w) => w.code);
  assert.deepEqual(found, ["possible_nhs_number", "possible_name"]);
  assert.ok(check.warnings.every((w) => !w.message.includes("Smith") && !w.message.includes("5919")));
});

test("a bad preparation field is an error with its code and path", () => {
  const wb = structuredClone(example);
  wb.interviews[0].role = "mayor";
  wb.information_return[0].evidence = ["EV-404"];
  const check = cqc.checkWorkbook(wb, "2025-04-01");
  assert.equal(check.valid, false);
  assert.deepEqual(
    check.errors.map((e) => [e.code, e.path]),
    [
      ["unknown_choice", "interviews[0].role"],
      ["unknown_reference", "information_return[0].evidence[0]"],
    ],
  );
});
