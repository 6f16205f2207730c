//! The assessment timeline: planning, status, iCalendar, working-day arithmetic, bank holidays.
//!
//! Run: `cargo bench -p cqc-assurance-benches --bench timeline`.

use cqc_assurance::{
    bank_holidays_from_gov_uk_json, england_bank_holidays, plan_timeline, MilestoneId,
    TimelineInput, WorkingCalendar,
};
use divan::{black_box, Bencher};
use jiff::civil::date;

fn main() {
    divan::main();
}

const HOUNSLOW: &str = include_str!("../../examples/hounslow-timeline.json");
const GOV_UK: &str =
    include_str!("../../crates/cqc-assurance/tests/data/gov-uk-bank-holidays-2025-2026.json");

/// Every milestone from a notification date, by the default rules (across Easter 2025).
#[divan::bench]
fn plan_from_notification(bencher: Bencher) {
    let input = TimelineInput::new(date(2025, 1, 6));
    bencher.bench(|| plan_timeline(black_box(&input)).unwrap());
}

/// Re-planned from recorded dates, with a status date.
#[divan::bench]
fn plan_with_actuals_and_status(bencher: Bencher) {
    let input = TimelineInput::new(date(2025, 1, 6))
        .with_actual(
            MilestoneId::parse("on_site_start").unwrap(),
            date(2025, 3, 18),
        )
        .with_today(date(2025, 2, 1));
    bencher.bench(|| plan_timeline(black_box(&input)).unwrap());
}

/// Hounslow's real dates, read from the example document and planned.
#[divan::bench]
fn hounslow_from_json(bencher: Bencher) {
    bencher
        .bench(|| plan_timeline(&TimelineInput::from_json(black_box(HOUNSLOW)).unwrap()).unwrap());
}

/// The iCalendar export of a planned timeline.
#[divan::bench]
fn to_ical(bencher: Bencher) {
    let t = plan_timeline(&TimelineInput::new(date(2025, 1, 6))).unwrap();
    bencher.bench(|| black_box(&t).to_ical_on(date(2025, 1, 6)));
}

/// The factual accuracy deadline: 10 working days across Christmas 2025.
#[divan::bench]
fn add_ten_working_days(bencher: Bencher) {
    let cal = WorkingCalendar::england();
    bencher.bench(|| {
        cal.add_working_days(black_box(date(2025, 12, 18)), 10)
            .unwrap()
    });
}

/// A year of working days (250), forwards.
#[divan::bench]
fn add_a_year_of_working_days(bencher: Bencher) {
    let cal = WorkingCalendar::england();
    bencher.bench(|| {
        cal.add_working_days(black_box(date(2025, 1, 6)), 250)
            .unwrap()
    });
}

/// Working days between two dates 30 years apart.
#[divan::bench]
fn working_days_over_30_years(bencher: Bencher) {
    let cal = WorkingCalendar::england();
    bencher.bench(|| {
        cal.working_days_between(black_box(date(2000, 1, 1)), date(2030, 1, 1))
            .unwrap()
    });
}

/// England's bank holidays of one year, by rule (Easter by computus, substitute days).
#[divan::bench]
fn bank_holidays_by_rule(bencher: Bencher) {
    bencher.bench(|| england_bank_holidays(black_box(2026)).unwrap());
}

/// GOV.UK's bank-holidays.json (two years of England and Wales, Scotland, Northern Ireland).
#[divan::bench]
fn gov_uk_json(bencher: Bencher) {
    bencher
        .bench(|| bank_holidays_from_gov_uk_json(black_box(GOV_UK), "england-and-wales").unwrap());
}
