//! The self-assessment workbook: reading, analysis, checking, the evidence register, the
//! report.
//!
//! Run: `cargo bench -p cqc-assurance-benches --bench workbook`.

use cqc_assurance::{
    analyse_workbook, check_workbook, evidence_from_csv, evidence_to_csv, Workbook, WorkbookReport,
};
use divan::{black_box, Bencher};
use jiff::civil::date;

fn main() {
    divan::main();
}

/// The example workbook: nine statements, 14 evidence items, 6 indicators, 7 actions.
const LIVERPOOL: &str = include_str!("../../examples/liverpool-workbook.json");

/// Reading the document (every field checked, every problem collected).
#[divan::bench]
fn read_json(bencher: Bencher) {
    bencher.bench(|| Workbook::from_json(black_box(LIVERPOOL)).unwrap());
}

/// The analysis: prediction (exact probabilities), coverage, evidence attention, indicators,
/// actions, warnings, benchmark against published results.
#[divan::bench]
fn analyse(bencher: Bencher) {
    let wb = Workbook::from_json(LIVERPOOL).unwrap();
    bencher.bench(|| analyse_workbook(black_box(&wb), date(2025, 3, 1)));
}

/// `check_workbook`: read and analyse from text, as the bindings call it.
#[divan::bench]
fn check_from_text(bencher: Bencher) {
    bencher.bench(|| check_workbook(black_box(LIVERPOOL), date(2025, 3, 1)));
}

/// The evidence register written as CSV and read back.
#[divan::bench]
fn evidence_csv_round_trip(bencher: Bencher) {
    let wb = Workbook::from_json(LIVERPOOL).unwrap();
    bencher.bench(|| evidence_from_csv(&evidence_to_csv(black_box(&wb.evidence))));
}

/// The report as HTML (templated, with charts).
#[divan::bench]
fn report_html(bencher: Bencher) {
    let wb = Workbook::from_json(LIVERPOOL).unwrap();
    let report = WorkbookReport::new(&wb, date(2025, 3, 1));
    bencher.bench(|| black_box(&report).html().unwrap());
}
