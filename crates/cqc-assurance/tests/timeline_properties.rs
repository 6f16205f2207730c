//! Property tests of working-day arithmetic and of planned deadlines.

use cqc_assurance::{
    england_bank_holidays, plan_timeline, Adjust, MilestoneId, MilestoneKind, TimelineInput,
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

    /// A computed deadline never lands on a weekend, bank holiday or closure day, whatever the
    /// notification date and recorded dates; and the factual accuracy deadline is exactly 10
    /// working days after the draft report.
    #[test]
    fn deadlines_are_working_days(
        notified in recent_date(),
        site_after in 0i64..120,
        draft_after in 0i64..120,
        extra in closures(),
    ) {
        let cal = WorkingCalendar::england().with_closures(extra);
        let on_site = notified.checked_add(jiff::Span::new().days(site_after)).unwrap();
        let draft = on_site.checked_add(jiff::Span::new().days(draft_after)).unwrap();
        let mut input = TimelineInput::new(notified)
            .with_actual(MilestoneId::OnSiteStart, on_site)
            .with_actual(MilestoneId::DraftReport, draft);
        input.calendar = cal.clone();
        let t = plan_timeline(&input).unwrap();
        for m in &t.milestones {
            let rule_moves = m.rule.is_some_and(|r| r.adjust == Adjust::NextWorkingDay);
            if m.kind == MilestoneKind::Deadline || (rule_moves && m.actual.is_none()) {
                prop_assert!(cal.is_working_day(m.date).unwrap(), "{} on {}", m.id, m.date);
            }
        }
        let fa = t.milestone(MilestoneId::FactualAccuracyDue).date;
        prop_assert_eq!(cal.working_days_between(draft, fa).unwrap(), 10);
        // Planned milestones never come before the notification.
        for m in &t.milestones {
            prop_assert!(m.date >= notified || m.id == MilestoneId::OnSiteNotice);
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
