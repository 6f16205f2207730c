//! Property tests of working-day arithmetic, of planned deadlines, and of the timeline's
//! invariants: CQC's dates on England's working days whatever the closures, the visit's length,
//! a planned publication never inside a pre-election period, forecasts that are ranges, stable
//! calendar ids, milestones shown by later recorded dates never overdue.

use cqc_assurance::timeline::{Adjust, Basis, IssueKind, MilestoneKind, MilestoneState};
use cqc_assurance::{
    england_bank_holidays, plan_timeline, MilestoneId, PreElectionPolicy, TimelineInput,
    WorkingCalendar,
};
use jiff::civil::{Date, Weekday};
use proptest::prelude::*;

/// Any date in the supported years (1978-9999).
fn supported_date() -> impl Strategy<Value = Date> {
    (1978i16..=9999, 1i8..=12, 1i8..=31).prop_map(|(y, m, d)| Date::new(y, m, d.min(28)).unwrap())
}

/// Dates in the years assessments happen, where the property tests spend most of their time.
fn recent_date() -> impl Strategy<Value = Date> {
    (2018i16..=2035, 1i8..=12, 1i8..=31).prop_map(|(y, m, d)| Date::new(y, m, d.min(28)).unwrap())
}

/// Any date jiff accepts.
fn any_date() -> impl Strategy<Value = Date> {
    (-9999i16..=9999, 1i8..=12, 1i8..=31).prop_map(|(y, m, d)| Date::new(y, m, d.min(28)).unwrap())
}

fn closures() -> impl Strategy<Value = Vec<Date>> {
    prop::collection::vec(recent_date(), 0..20)
}

fn is_bank_holiday(d: Date) -> bool {
    england_bank_holidays(d.year())
        .unwrap()
        .iter()
        .any(|h| h.date == d)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Adding n working days and counting back gives n; the result is a working day.
    #[test]
    fn add_then_count_back(date in recent_date(), n in 0i64..400, extra in closures()) {
        let cal = WorkingCalendar::england().with_closures(extra);
        let later = cal.add_working_days(date, n).unwrap();
        prop_assert_eq!(cal.working_days_between(date, later).unwrap(), n);
        prop_assert_eq!(cal.working_days_between(later, date).unwrap(), -n);
        if n > 0 {
            prop_assert!(cal.is_working_day(later).unwrap());
            prop_assert!(later > date);
        }
    }

    /// Going back n working days from a working day and counting forward gives n.
    #[test]
    fn subtract_then_count_forward(date in recent_date(), n in 0i64..400) {
        let cal = WorkingCalendar::england();
        let start = cal.on_or_after(date).unwrap();
        let earlier = cal.add_working_days(start, -n).unwrap();
        prop_assert_eq!(cal.working_days_between(earlier, start).unwrap(), n);
    }

    /// The counting shortcut agrees with stepping one day at a time.
    #[test]
    fn count_matches_day_by_day(date in recent_date(), span in 0i64..800, extra in closures()) {
        let cal = WorkingCalendar::england().with_closures(extra);
        let mut day = date;
        let mut count = 0;
        for _ in 0..span {
            day = day.tomorrow().unwrap();
            if cal.is_working_day(day).unwrap() {
                count += 1;
            }
        }
        prop_assert_eq!(cal.working_days_between(date, day).unwrap(), count);
    }

    /// Working days are exactly weekdays that are not bank holidays.
    #[test]
    fn working_day_definition(date in supported_date()) {
        let cal = WorkingCalendar::england();
        let weekend = matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday);
        prop_assert_eq!(cal.is_working_day(date).unwrap(), !weekend && !is_bank_holiday(date));
    }

    /// Every year has its eight regular holidays (or more), none at a weekend, all distinct.
    #[test]
    fn bank_holidays_are_weekdays(year in 1978i16..=9999) {
        let days = england_bank_holidays(year).unwrap();
        prop_assert!(days.len() >= 8);
        for h in &days {
            prop_assert!(!matches!(h.date.weekday(), Weekday::Saturday | Weekday::Sunday));
            prop_assert_eq!(h.date.year(), year);
        }
        let mut dates: Vec<_> = days.iter().map(|h| h.date).collect();
        dates.dedup();
        prop_assert_eq!(dates.len(), days.len());
    }

    /// After the last one-off day (2023), every year has exactly eight bank holidays by rule
    /// (the counting shortcut for long spans relies on it).
    #[test]
    fn eight_holidays_a_year_after_2023(year in 2024i16..=9999) {
        prop_assert_eq!(england_bank_holidays(year).unwrap().len(), 8);
    }

    /// Counting over spans of many years agrees with adding up year by year.
    #[test]
    fn long_spans_add_up(from_year in 1978i16..9000, years in 1i16..900, extra in closures()) {
        let cal = WorkingCalendar::england().with_closures(extra);
        let to_year = (from_year + years).min(9999);
        let mut sum = 0;
        for y in from_year..to_year {
            let a = Date::new(y, 12, 31).unwrap();
            let b = Date::new(y + 1, 12, 31).unwrap();
            sum += cal.working_days_between(a, b).unwrap();
        }
        let a = Date::new(from_year, 12, 31).unwrap();
        let b = Date::new(to_year, 12, 31).unwrap();
        prop_assert_eq!(cal.working_days_between(a, b).unwrap(), sum);
    }

    /// CQC's deadlines land on England's working days whatever the council's closures (CQC
    /// does not extend them); the council's own date, when there is one, is a day it is open,
    /// before CQC's; the factual accuracy deadline is exactly 10 working days after the draft
    /// report; a milestone before the first notice is reported.
    #[test]
    fn deadlines_are_working_days(
        notified in recent_date(),
        site_after in 0i64..120,
        draft_after in 0i64..120,
        extra in closures(),
    ) {
        let england = WorkingCalendar::england();
        let cal = WorkingCalendar::england().with_closures(extra);
        let on_site = notified.checked_add(jiff::Span::new().days(site_after)).unwrap();
        let draft = on_site.checked_add(jiff::Span::new().days(draft_after)).unwrap();
        let mut input = TimelineInput::new(notified)
            .with_actual(MilestoneId::Visit, on_site)
            .with_actual(MilestoneId::DraftReport, draft);
        input.calendar = cal.clone();
        let t = plan_timeline(&input).unwrap();
        for m in &t.milestones {
            let rule_moves = m.rule.is_some_and(|r| r.adjust == Adjust::NextWorkingDay);
            if m.kind == MilestoneKind::Deadline || (rule_moves && m.actual.is_none() && m.basis == Basis::Planned) {
                prop_assert!(england.is_working_day(m.date).unwrap(), "{} on {}", m.id, m.date);
            }
            if let Some(own) = m.council_date {
                prop_assert!(own < m.date && cal.is_working_day(own).unwrap(), "{}: {own}", m.id);
            }
            if m.date < notified && m.actual.is_none() {
                prop_assert!(
                    t.issues.iter().any(|i| i.milestone == m.id && i.kind == IssueKind::BeforeNotification),
                    "{} on {} before {notified} unreported", m.id, m.date
                );
            }
        }
        let fa = t.milestone(MilestoneId::FactualAccuracyDue).date;
        prop_assert_eq!(england.working_days_between(draft, fa).unwrap(), 10);
        // Worked-back dates never come before the first notice.
        for m in t.milestones.iter().filter(|m| m.basis == Basis::Inferred) {
            prop_assert!(m.date >= notified);
        }
        // A visit under the documented minimum after the first notice is reported.
        if site_after < 42 {
            prop_assert!(t.issues.iter().any(|i| i.kind == IssueKind::ShortOnSiteNotice));
        }
    }

    /// Without a recorded last day the visit lasts the profile's working days, first and last
    /// included; with one, its length counts both days.
    #[test]
    fn the_visit_length_counts_both_days(notified in recent_date(), after in 42i64..200, len in 0i64..10) {
        let england = WorkingCalendar::england();
        let start = england.on_or_after(notified.checked_add(jiff::Span::new().days(after)).unwrap()).unwrap();
        let t = plan_timeline(&TimelineInput::new(notified).with_actual(MilestoneId::Visit, start)).unwrap();
        let v = t.milestone(MilestoneId::Visit);
        prop_assert_eq!(v.length_working_days, Some(4));
        let end = start.checked_add(jiff::Span::new().days(len)).unwrap();
        let t = plan_timeline(&TimelineInput::new(notified).with_visit(start, Some(end))).unwrap();
        let v = t.milestone(MilestoneId::Visit);
        prop_assert_eq!(v.length_days, Some(len + 1));
        prop_assert_eq!(v.length_working_days, Some(england.working_days_between(start, end).unwrap() + 1));
    }

    /// With the default policy a planned publication is never inside a pre-election period;
    /// with `flag`, the issue is there exactly when it is.
    #[test]
    fn publication_keeps_out_of_pre_election_periods(notified in recent_date()) {
        let t = plan_timeline(&TimelineInput::new(notified)).unwrap();
        let p = t.milestone(MilestoneId::Publication);
        prop_assert!(!t.pre_election.iter().any(|q| q.contains(p.date)), "{} in a period", p.date);
        let mut flag = TimelineInput::new(notified);
        flag.pre_election.policy = PreElectionPolicy::Flag;
        let f = plan_timeline(&flag).unwrap();
        let inside = f.pre_election.iter().any(|q| q.contains(f.milestone(MilestoneId::Publication).date));
        let flagged = f.issues.iter().any(|i| i.kind == IssueKind::PreElectionPeriod);
        prop_assert_eq!(inside, flagged);
        // Moved exactly when flagged, to a later day.
        prop_assert_eq!(p.date > f.milestone(MilestoneId::Publication).date, flagged);
    }

    /// A forecast is a range counted from its recorded anchor, resting on at least one case.
    #[test]
    fn forecasts_are_ranges_from_their_anchor(notified in recent_date(), site_after in 0i64..200) {
        let visit = notified.checked_add(jiff::Span::new().days(site_after)).unwrap();
        for input in [TimelineInput::new(notified), TimelineInput::new(notified).with_actual(MilestoneId::Visit, visit)] {
            let t = plan_timeline(&input).unwrap();
            for m in &t.milestones {
                if let Some(f) = &m.forecast {
                    prop_assert!(f.shortest_days <= f.longest_days && f.earliest <= f.latest);
                    prop_assert!(!f.cases.is_empty());
                    prop_assert_eq!(
                        f.from_date.checked_add(jiff::Span::new().days(f.shortest_days)).unwrap(),
                        f.earliest
                    );
                    let n = format!("{} case", f.cases.len());
                    prop_assert!(f.text.contains(&n), "{}", f.text);
                    prop_assert!(m.actual.is_none());
                }
            }
        }
    }

    /// The calendar file's event ids never carry a date: re-planning with any recorded dates
    /// keeps every one, and a later file has a higher SEQUENCE.
    #[test]
    fn calendar_ids_survive_any_re_plan(notified in recent_date(), site_after in 0i64..200, days in 1i64..400) {
        let uids = |ics: &str| -> Vec<String> {
            let mut u: Vec<String> = ics.replace("\r\n ", "").split("\r\n")
                .filter_map(|l| l.strip_prefix("UID:").map(str::to_string)).collect();
            u.sort();
            u
        };
        let seq = |ics: &str| -> i64 {
            ics.split("\r\n").find_map(|l| l.strip_prefix("SEQUENCE:")).unwrap().parse().unwrap()
        };
        let mut plain = TimelineInput::new(notified);
        plain.council = Some("Anytown".into());
        let visit = notified.checked_add(jiff::Span::new().days(site_after)).unwrap();
        let replanned = plain.clone().with_actual(MilestoneId::Visit, visit);
        let later = notified.checked_add(jiff::Span::new().days(days)).unwrap();
        let a = plan_timeline(&plain).unwrap().to_ical_on(notified);
        let b = plan_timeline(&replanned).unwrap().to_ical_on(later);
        prop_assert_eq!(uids(&a), uids(&b));
        prop_assert_eq!(uids(&a).len(), MilestoneId::ALL.len());
        prop_assert!(seq(&b) >= seq(&a));
        if notified.year() >= 2024 {
            prop_assert!(seq(&b) > seq(&a));
        }
    }

    /// Nothing before a recorded event in the process is overdue once that event has happened.
    #[test]
    fn recorded_events_show_the_earlier_steps_happened(
        notified in recent_date(),
        site_after in 42i64..200,
        today_after in 0i64..60,
    ) {
        let visit = notified.checked_add(jiff::Span::new().days(site_after)).unwrap();
        let today = visit.checked_add(jiff::Span::new().days(today_after)).unwrap();
        let t = plan_timeline(&TimelineInput::new(notified).with_actual(MilestoneId::Visit, visit).with_today(today)).unwrap();
        for m in &t.milestones {
            if m.id.position() < MilestoneId::Visit.position() {
                prop_assert_eq!(m.state, Some(MilestoneState::Done), "{}", m.id);
            }
        }
    }

    /// No panic on any date jiff accepts: a plan, or an error with a code.
    #[test]
    fn no_panic_on_any_date(notified in any_date(), other in any_date(), today in any_date()) {
        let input = TimelineInput::new(notified)
            .with_actual(MilestoneId::DraftReport, other)
            .with_today(today);
        if let Err(e) = plan_timeline(&input) {
            prop_assert!(!e.code().is_empty());
            prop_assert!(e.path().is_some());
        }
        let cal = WorkingCalendar::england();
        let _ = cal.add_working_days(notified, 10);
        let _ = cal.working_days_between(notified, other);
    }
}
