"""The .ics export read back by an independent iCalendar parser (the `icalendar` package), as a
calendar program would import it: one all-day event per milestone, on the milestone's date; the
visit one busy event with an exclusive end; reminders on deadlines; and a re-planned file
imported over the first gives no duplicate events (same UIDs, higher SEQUENCE)."""

import datetime

import icalendar

import cqc_assurance as cqc


def test_ics_imports_with_an_independent_parser() -> None:
    timeline = cqc.plan_timeline(notified="2025-01-06", actuals={"on_site_start": "2025-03-18"},
                                 today="2025-02-01")
    cal = icalendar.Calendar.from_ical(timeline.to_ical())
    assert cal.get("VERSION") == "2.0"
    assert cal.get("PRODID")
    events = list(cal.walk("VEVENT"))
    milestones = list(timeline.milestones)
    assert len(events) == len(milestones)
    uids = {str(e.get("UID")) for e in events}
    assert len(uids) == len(events), "every event has its own UID"
    by_summary = {str(e.get("SUMMARY")): e for e in events}
    for m in milestones:
        matching = [e for s, e in by_summary.items() if s.startswith(f"CQC: {m.name}")]
        assert matching, f"no event for {m.name}"
        start = matching[0].decoded("DTSTART")
        # All-day events: a date, not a date-time.
        assert type(start) is datetime.date
        assert start == m.date
        assert matching[0].get("DTSTAMP") is not None
    fa = next(m for m in milestones if m.id == "factual_accuracy_due")
    assert fa.date.weekday() < 5


def test_ics_escapes_user_text() -> None:
    timeline = cqc.plan_timeline(notified="2025-01-06", council="Anytown; Borough, \"North\"\\x",
                                 today="2025-02-01")
    cal = icalendar.Calendar.from_ical(timeline.to_ical())
    name = "Anytown; Borough, \"North\"\\x"
    for event in cal.walk("VEVENT"):
        assert name in str(event.get("SUMMARY"))


def _import(store: dict[str, icalendar.Event], ics: str) -> dict[str, icalendar.Event]:
    """Imports as calendar programs do: an event replaces the one with its UID when its
    SEQUENCE is higher."""
    for e in icalendar.Calendar.from_ical(ics).walk("VEVENT"):
        uid = str(e.get("UID"))
        had = store.get(uid)
        if had is None or int(e.get("SEQUENCE")) > int(had.get("SEQUENCE")):
            store[uid] = e
    return store


def test_the_visit_is_one_busy_event_and_deadlines_carry_reminders() -> None:
    t = cqc.plan_timeline(notified="2026-12-07", council="Anytown")
    cal = icalendar.Calendar.from_ical(t.to_ical(datetime.date(2026, 12, 8)))
    events = {str(e.get("UID")): e for e in cal.walk("VEVENT")}
    visit = events["visit-anytown@cqc-assurance"]
    assert visit.decoded("DTSTART") == datetime.date(2027, 2, 9)
    # DTEND exclusive: the day after the last day (12 February).
    assert visit.decoded("DTEND") == datetime.date(2027, 2, 13)
    assert str(visit.get("TRANSP")) == "OPAQUE"
    for uid, e in events.items():
        alarms = [c for c in e.subcomponents if c.name == "VALARM"]
        is_deadline = "deadline" in str(e.get("CATEGORIES").to_ical(), "ascii")
        assert len(alarms) == (1 if is_deadline else 0), uid
        if is_deadline:
            assert alarms[0].decoded("TRIGGER") < datetime.timedelta(0), uid
    # The return due 29 December 2026: 09:00 on Tuesday 22 December (3 working days before,
    # past the bank holidays of 28 and 25 December).
    ir = events["information_return_due-anytown@cqc-assurance"]
    alarm = next(c for c in ir.subcomponents if c.name == "VALARM")
    at = datetime.datetime.combine(ir.decoded("DTSTART"), datetime.time()) + alarm.decoded("TRIGGER")
    assert at == datetime.datetime(2026, 12, 22, 9, 0)
    assert "(planned)" in str(visit.get("SUMMARY"))


def test_importing_a_re_planned_file_twice_duplicates_nothing() -> None:
    first = cqc.plan_timeline(notified="2026-12-07", council="Anytown")
    replanned = cqc.plan_timeline(
        notified="2026-12-07",
        council="Anytown",
        actuals={"visit_notice": "2027-03-01", "visit": {"start": "2027-04-19", "end": "2027-04-22"}},
    )
    before = first.to_ical(datetime.date(2026, 12, 8))
    after = replanned.to_ical(datetime.date(2027, 3, 2))
    store = _import(_import({}, before), after)
    assert len(store) == len(list(first.milestones)), "no duplicate events"
    uids = lambda ics: sorted(str(e.get("UID")) for e in icalendar.Calendar.from_ical(ics).walk("VEVENT"))  # noqa: E731
    assert uids(before) == uids(after)
    visit = store["visit-anytown@cqc-assurance"]
    assert visit.decoded("DTSTART") == datetime.date(2027, 4, 19)
    assert visit.decoded("DTEND") == datetime.date(2027, 4, 23)
    old = {str(e.get("UID")): int(e.get("SEQUENCE")) for e in icalendar.Calendar.from_ical(before).walk("VEVENT")}
    assert all(int(e.get("SEQUENCE")) > old[uid] for uid, e in store.items())
