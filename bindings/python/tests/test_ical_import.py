"""The .ics export read back by an independent iCalendar parser (the `icalendar` package), as a
calendar program would import it: one all-day event per milestone, on the milestone's date."""

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
        matching = [e for s, e in by_summary.items() if m.name in s]
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
