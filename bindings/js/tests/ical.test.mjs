// The .ics files read back by an independent iCalendar parser (ICAL.js, as Thunderbird and
// many web calendars use it), and imported twice into a calendar the way calendar programs
// do it (an event is replaced by one with the same UID and a higher SEQUENCE): after a
// re-plan no event is duplicated.
import { test } from "node:test";
import assert from "node:assert/strict";
import ICAL from "ical.js";
import { cqc } from "./helpers.mjs";

/** The VEVENTs of an .ics text, as ICAL.Event objects. */
function events(ics) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

/** A calendar's store of events by UID, importing as calendar programs do. */
function importInto(store, ics) {
  for (const e of events(ics)) {
    const had = store.get(e.uid);
    if (had === undefined || e.sequence > had.sequence) store.set(e.uid, e);
  }
  return store;
}

const first = { notified: "2026-12-07", council: "Anytown" };
const replanned = {
  ...first,
  actuals: { visit_notice: "2027-03-01", visit: { start: "2027-04-19", end: "2027-04-22" } },
};

test("ical.js reads every milestone: the visit one busy event with an exclusive end, reminders on deadlines", () => {
  const t = cqc.timeline(first);
  const evs = events(cqc.timelineIcs(first, "2026-12-08"));
  assert.equal(evs.length, t.milestones.length);
  const visit = evs.find((e) => e.uid.startsWith("visit-"));
  assert.equal(visit.startDate.toString(), "2027-02-09");
  // DTEND is the day after the last day (12 February): 4 days.
  assert.equal(visit.endDate.toString(), "2027-02-13");
  assert.equal(visit.duration.toSeconds(), 4 * 86400);
  assert.equal(visit.component.getFirstPropertyValue("transp"), "OPAQUE");
  assert.match(visit.summary, /\(planned\)/);
  for (const e of evs) {
    const deadline = e.component.getFirstPropertyValue("categories") === "deadline";
    const alarms = e.component.getAllSubcomponents("valarm");
    assert.equal(alarms.length, deadline ? 1 : 0, e.uid);
    if (deadline) {
      const trigger = alarms[0].getFirstPropertyValue("trigger");
      assert.ok(trigger.isNegative, e.uid);
      assert.equal(alarms[0].getFirstPropertyValue("action"), "DISPLAY");
    }
    // Descriptions in words, not ids.
    assert.doesNotMatch(e.description, /on_site_start|visit_notice|factual_accuracy_due/, e.uid);
  }
  // The return due Tuesday 29 December 2026: reminder at 09:00 on Tuesday 22 December (3
  // working days before, past the bank holidays of 28 and 25 December).
  const ir = evs.find((e) => e.uid.startsWith("information_return_due-"));
  const alarm = ir.component.getFirstSubcomponent("valarm");
  // Relative to the start of the due day (midnight, local time).
  const at = ir.startDate.clone();
  at.isDate = false;
  at.addDuration(alarm.getFirstPropertyValue("trigger"));
  assert.equal(at.toString(), "2026-12-22T09:00:00");
});

test("importing twice after a re-plan gives no duplicate events: UIDs stable, SEQUENCE higher", () => {
  const before = cqc.timelineIcs(first, "2026-12-08");
  const after = cqc.timelineIcs(replanned, "2027-03-02");
  const store = importInto(importInto(new Map(), before), after);
  assert.equal(store.size, cqc.timeline(first).milestones.length, "no duplicates");
  const uidsBefore = events(before).map((e) => e.uid).sort();
  const uidsAfter = events(after).map((e) => e.uid).sort();
  assert.deepEqual(uidsAfter, uidsBefore);
  for (const e of events(after)) {
    const old = events(before).find((o) => o.uid === e.uid);
    assert.ok(e.sequence > old.sequence, e.uid);
  }
  // The store now holds the re-planned dates.
  const visit = store.get("visit-anytown@cqc-assurance");
  assert.equal(visit.startDate.toString(), "2027-04-19");
  assert.equal(visit.endDate.toString(), "2027-04-23");
  assert.doesNotMatch(visit.summary, /\(planned\)/, "recorded dates are not marked");
  const notice = store.get("visit_notice-anytown@cqc-assurance");
  assert.equal(notice.startDate.toString(), "2027-03-01");
});
