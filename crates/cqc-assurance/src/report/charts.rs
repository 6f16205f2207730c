//! The geometry of the report's charts: where each bar, label and guide goes, worked out in Rust so that the templates only draw. Every chart also
//! carries its data as a table (for screen readers and for anyone who prefers figures), and
//! every label is sized from the widths of the characters of the report's fonts so that no
//! label overlaps another or runs out of the chart.

use jiff::civil::Date;

use super::{
    basis_word, long_date, pct, plural, rating_class, round1, statement_label, with_unit, Chart,
    ChartBar, ChartGuide, ChartLabel, ReportRow, CHART_WIDTH,
};
use crate::score::Rating;
use crate::timeline::{Basis, Milestone, MilestoneId, MilestoneState, Timeline};
use crate::workbook::{Comparison, WorkbookAnalysis};

/// Widths of the printable ASCII characters (32-126) in Arial and its metric twin Liberation
/// Sans, in thousandths of the font size (the fonts' own metrics). The report asks for Segoe UI
/// or Helvetica first, which are up to about 7% wider: [`text_width`] adds 10%.
const ARIAL_WIDTHS: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // ' ' to '/'
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584,
    556, // 0-9 to ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
];

/// The width of `text` set at `size` px, with a margin for wider fonts and for bold type (bold
/// Arial is up to about 10% wider than regular).
pub(crate) fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let units: u32 = text
        .chars()
        .map(|c| match c as u32 {
            n @ 32..=126 => u32::from(ARIAL_WIDTHS[(n - 32) as usize]),
            _ => 600,
        })
        .sum();
    let margin = if bold { 1.22 } else { 1.1 };
    f64::from(units) / 1000.0 * size * margin
}

/// Splits text into lines no wider than `width` px at `size` px, at spaces (a word wider than
/// the line stands alone).
pub(crate) fn wrap_to_width(text: &str, width: f64, size: f64, bold: bool) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if text_width(&format!("{line} {word}"), size, bold) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// The relative luminance of an sRGB colour (WCAG 2.2's definition).
fn luminance([r, g, b]: [f64; 3]) -> f64 {
    let channel = |c: f64| {
        let c = c / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// WCAG contrast ratio of two colours.
pub(crate) fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A colour `#rrggbb` as three channels.
pub(crate) fn rgb(hex: &str) -> [f64; 3] {
    let value = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0);
    [
        f64::from((value >> 16) & 0xff),
        f64::from((value >> 8) & 0xff),
        f64::from(value & 0xff),
    ]
}

/// `colour` at `opacity` over white paper.
pub(crate) fn over_white(colour: [f64; 3], opacity: f64) -> [f64; 3] {
    colour.map(|c| c * opacity + 255.0 * (1.0 - opacity))
}

/// The report's text colour.
pub(crate) const INK: &str = "#1b1f24";

/// The text class (`light` for white, `dark` for ink) with the higher contrast on `fill`.
pub(crate) fn text_class_on(fill: [f64; 3]) -> &'static str {
    if contrast(rgb("#ffffff"), fill) >= contrast(rgb(INK), fill) {
        "light"
    } else {
        "dark"
    }
}

/// The colour of each score's cells (the score's meaning, not a rating): shortfalls in warm
/// colours, good and exceptional standards in cool ones, each dark enough for white text.
pub(crate) fn score_colour(score: u8) -> &'static str {
    match score {
        1 => Rating::Inadequate.colour(),
        2 => Rating::RequiresImprovement.colour(),
        3 => Rating::Good.colour(),
        _ => Rating::Outstanding.colour(),
    }
}

/// Where labels start: a little in from the chart's edge, since a glyph such as `W` reaches
/// slightly left of its origin.
const LEFT_MARGIN: f64 = 2.0;
/// Font size of chart text, px.
const FONT: f64 = 12.0;
/// Line height of wrapped chart labels, px.
const LINE: f64 = 14.0;

/// Row labels wrapped into the label column (from `x` to `right`), one [`ChartLabel`] per
/// line with its baseline; returns how many lines.
fn push_label(c: &mut Chart, text: &str, x: f64, right: f64, first_baseline: f64) -> usize {
    let lines = wrap_to_width(text, right - x, FONT, false);
    for (k, line) in lines.iter().enumerate() {
        c.labels.push(ChartLabel {
            x,
            y: round1(first_baseline + LINE * k as f64),
            text: line.clone(),
            class: "label".into(),
        });
    }
    lines.len()
}

/// Nine rows grouped under theme headings, one cell per score 1-4. A single score is a bar up
/// to it; a spread of probabilities shades each possible score's cell by its probability (and
/// outlines it with a dashed line, so that it reads in black and white too), with the
/// probability written in the cell.
pub(crate) fn score_chart(a: &WorkbookAnalysis) -> Chart {
    let label_right = 288.0;
    let (left, right) = (300.0, CHART_WIDTH - 8.0);
    let unit = (right - left) / 4.0;
    let mut c = Chart {
        width: CHART_WIDTH,
        title: "Self-scores of the nine quality statements, grouped by theme".into(),
        columns: vec!["Statement".into(), "Self-score".into()],
        ..Chart::default()
    };
    let top = 8.0;
    let mut y = top;
    for t in crate::framework::Theme::ALL {
        y += 18.0;
        c.headings.push(ChartLabel {
            x: LEFT_MARGIN,
            y,
            text: format!("Theme {}: {}", t.number(), t.name()),
            class: "heading".into(),
        });
        y += 8.0;
        for s in a.statements.iter().filter(|s| s.theme == t) {
            let label = format!("QS{} {}", s.number, s.name);
            let lines = wrap_to_width(&label, label_right - 12.0, FONT, false).len();
            let row = 26.0f64.max(6.0 + LINE * lines as f64 + 6.0);
            let bar_y = y + (row - 20.0) / 2.0;
            push_label(
                &mut c,
                &label,
                12.0,
                label_right,
                bar_y + 14.0 - LINE * (lines as f64 - 1.0) / 2.0,
            );
            let mut data = ReportRow {
                cells: vec![label.clone()],
                class: String::new(),
            };
            match (s.distribution, s.uncertain) {
                (None, _) => {
                    c.labels.push(ChartLabel {
                        x: left + 6.0,
                        y: bar_y + 14.0,
                        text: "not scored".into(),
                        class: "note".into(),
                    });
                    data.cells.push("not scored".into());
                }
                (Some(_), false) => {
                    let k = s.most_likely_score.map(|m| m.get()).unwrap_or(1);
                    let fill = rgb(score_colour(k));
                    c.bars.push(ChartBar {
                        x: left,
                        y: bar_y,
                        width: round1(unit * f64::from(k) - 2.0),
                        height: 20.0,
                        class: format!("score-{k}"),
                        opacity: 1.0,
                        text: k.to_string(),
                        text_class: text_class_on(fill).into(),
                        text_x: round1(left + unit * f64::from(k) - 14.0),
                        title: format!("{label}: self-score {k}"),
                    });
                    data.cells.push(k.to_string());
                }
                (Some(d), true) => {
                    let mut parts = Vec::new();
                    for (i, p) in d.iter().enumerate() {
                        if *p <= 0.0 {
                            continue;
                        }
                        let k = i as u8 + 1;
                        // Opacity follows the probability, with a floor so that a small
                        // chance is still visible.
                        let opacity = round1((0.12 + 0.68 * p) * 100.0) / 100.0;
                        let fill = over_white(rgb(score_colour(k)), opacity);
                        let x = round1(left + unit * f64::from(k - 1));
                        c.bars.push(ChartBar {
                            x,
                            y: bar_y,
                            width: round1(unit - 2.0),
                            height: 20.0,
                            class: format!("score-{k} possible"),
                            opacity,
                            text: format!("{k}: {}", pct(*p)),
                            text_class: text_class_on(fill).into(),
                            text_x: round1(x + 6.0),
                            title: format!("{label}: score {k} with probability {}", pct(*p)),
                        });
                        parts.push(format!("{k} ({})", pct(*p)));
                    }
                    data.cells
                        .push(format!("uncertain: {}", parts.join(" or ")));
                }
            }
            c.rows.push(data);
            y += row;
        }
    }
    // Score labels sit under the middle of each score's cell, not on its edge.
    for k in 0..=4u8 {
        c.guides.push(ChartGuide {
            x: round1(left + unit * f64::from(k)),
            y1: top,
            y2: y + 2.0,
            text: if k == 0 { String::new() } else { k.to_string() },
            text_x: round1(left + unit * (f64::from(k) - 0.5)),
            class: "grid".into(),
        });
    }
    c.height = y + 22.0;
    c
}

/// The overall percentage scale 25-100 with the four rating bands and their edges, the
/// scenario's percentage, and the probability of each possible published percentage.
pub(crate) fn band_chart(a: &WorkbookAnalysis) -> Chart {
    let (left, right) = (20.0, CHART_WIDTH - 20.0);
    let x = |pct: f64| round1(left + (pct - 25.0) / 75.0 * (right - left));
    let mut c = Chart {
        width: CHART_WIDTH,
        height: 150.0,
        title: "Overall percentage on the four rating bands".into(),
        columns: vec![
            "Published percentage".into(),
            "Rating".into(),
            "Probability".into(),
        ],
        ..Chart::default()
    };
    let band_top = 84.0;
    for r in Rating::ALL {
        let (lo, hi) = r.band();
        let x0 = x(if lo == 25 { 25.0 } else { f64::from(lo) - 0.5 });
        let x1 = x(if hi == 100 {
            100.0
        } else {
            f64::from(hi) + 0.5
        });
        c.bars.push(ChartBar {
            x: x0,
            y: band_top,
            width: round1(x1 - x0),
            height: 26.0,
            class: rating_class(r),
            opacity: 1.0,
            text: r.label().to_string(),
            text_class: text_class_on(rgb(r.colour())).into(),
            text_x: round1((x0 + x1) / 2.0),
            title: format!("{}: {lo}-{hi}%", r.label()),
        });
        if lo > 25 {
            c.guides.push(ChartGuide {
                x: x0,
                y1: band_top - 4.0,
                y2: band_top + 30.0,
                text: format!("{lo}%"),
                text_x: x0,
                class: "edge".into(),
            });
        }
    }
    for (pct_v, label) in [(25.0, "25%"), (100.0, "100%")] {
        c.guides.push(ChartGuide {
            x: x(pct_v),
            y1: band_top,
            y2: band_top + 30.0,
            text: label.into(),
            text_x: if pct_v < 50.0 {
                x(pct_v) + 8.0
            } else {
                x(pct_v) - 12.0
            },
            class: "edge".into(),
        });
    }
    if let Some(p) = &a.prediction {
        // Probability of each published percentage: bars above the bands.
        let max = p
            .probabilities
            .totals
            .iter()
            .map(|t| t.probability)
            .fold(0.0, f64::max);
        for t in &p.probabilities.totals {
            let h = if max > 0.0 {
                36.0 * t.probability / max
            } else {
                0.0
            };
            c.bars.push(ChartBar {
                x: round1(x(f64::from(t.percent)) - 3.0),
                y: round1(band_top - 4.0 - h),
                width: 6.0,
                height: round1(h),
                class: "chance".into(),
                opacity: 1.0,
                text: String::new(),
                text_class: String::new(),
                text_x: 0.0,
                title: format!("{}%: probability {}", t.percent, pct(t.probability)),
            });
            c.rows.push(ReportRow {
                cells: vec![
                    format!("{}%", t.percent),
                    t.rating.label().to_string(),
                    pct(t.probability),
                ],
                class: rating_class(t.rating),
            });
        }
        let mx = x(f64::from(p.scenario.result.percent));
        let text = format!("{}% in the scenario", p.scenario.result.percent);
        let half = text_width(&text, FONT, true) / 2.0;
        c.markers.push(ChartBar {
            x: mx,
            y: band_top - 2.0,
            width: 0.0,
            height: 32.0,
            class: "marker".into(),
            opacity: 1.0,
            text_x: round1(mx.clamp(half + 2.0, CHART_WIDTH - half - 2.0)),
            text,
            text_class: String::new(),
            title: "The scenario of the summary".into(),
        });
    }
    c
}

/// The probability of each rating, best first.
pub(crate) fn probability_chart(a: &WorkbookAnalysis) -> Chart {
    let (left, right) = (190.0, CHART_WIDTH - 70.0);
    let mut c = Chart {
        width: CHART_WIDTH,
        height: 4.0 * 30.0 + 10.0,
        title: "Probability of each rating".into(),
        columns: vec!["Rating".into(), "Probability".into()],
        ..Chart::default()
    };
    let Some(p) = &a.prediction else {
        return c;
    };
    for (i, r) in p.probabilities.ratings.iter().rev().enumerate() {
        let y = 6.0 + 30.0 * i as f64;
        c.labels.push(ChartLabel {
            x: LEFT_MARGIN,
            y: y + 16.0,
            text: r.rating.label().to_string(),
            class: "label".into(),
        });
        let w = round1((right - left) * r.probability);
        c.bars.push(ChartBar {
            x: left,
            y,
            width: w,
            height: 22.0,
            class: rating_class(r.rating),
            opacity: 1.0,
            text: String::new(),
            text_class: String::new(),
            text_x: 0.0,
            title: format!("{}: {}", r.rating.label(), pct(r.probability)),
        });
        c.labels.push(ChartLabel {
            x: round1(left + w + 6.0),
            y: y + 16.0,
            text: pct(r.probability),
            class: "value".into(),
        });
        c.rows.push(ReportRow {
            cells: vec![r.rating.label().to_string(), pct(r.probability)],
            class: rating_class(r.rating),
        });
    }
    c.guides.push(ChartGuide {
        x: left,
        y1: 2.0,
        y2: c.height - 2.0,
        text: String::new(),
        text_x: left,
        class: "axis".into(),
    });
    c
}

/// Statement × evidence category: how many current items each cell has.
pub(crate) fn coverage_chart(a: &WorkbookAnalysis) -> Chart {
    let label_right = 288.0;
    let left = 300.0;
    let cols = a.coverage.categories.len().max(1) as f64;
    let cw = ((CHART_WIDTH - left) / cols).floor();
    let mut c = Chart {
        width: CHART_WIDTH,
        title: "Evidence coverage: current items per statement and evidence category".into(),
        columns: std::iter::once("Statement".to_string())
            .chain(a.coverage.categories.iter().map(|k| k.name().to_string()))
            .collect(),
        ..Chart::default()
    };
    let mut heading_lines = 1;
    let wrapped: Vec<Vec<String>> = a
        .coverage
        .categories
        .iter()
        .map(|cat| wrap_to_width(cat.name(), cw - 8.0, 11.5, true))
        .collect();
    for lines in &wrapped {
        heading_lines = heading_lines.max(lines.len());
    }
    let top = 12.0 + LINE * heading_lines as f64;
    for (j, lines) in wrapped.into_iter().enumerate() {
        let x = round1(left + cw * j as f64 + cw / 2.0);
        let first_y = top - 8.0 - LINE * (lines.len() as f64 - 1.0);
        for (k, line) in lines.into_iter().enumerate() {
            c.headings.push(ChartLabel {
                x,
                y: round1(first_y + LINE * k as f64),
                text: line,
                class: "colhead".into(),
            });
        }
    }
    let mut y = top;
    for row in &a.coverage.rows {
        let label = statement_label(row.statement);
        let lines = wrap_to_width(&label, label_right, FONT, false).len();
        let rh = 26.0f64.max(6.0 + LINE * lines as f64 + 6.0);
        push_label(
            &mut c,
            &label,
            LEFT_MARGIN,
            label_right,
            y + rh / 2.0 + 4.0 - LINE * (lines as f64 - 1.0) / 2.0,
        );
        let mut data = ReportRow {
            cells: vec![label],
            class: String::new(),
        };
        for (j, cell) in row.cells.iter().enumerate() {
            let level = cell.current.min(3);
            let expired = cell.items - cell.current;
            let text = match (cell.current, expired) {
                (0, 0) => "gap".to_string(),
                (0, e) => format!("gap ({e} expired)"),
                (n, 0) => n.to_string(),
                (n, e) => format!("{n} (+{e} expired)"),
            };
            let x = round1(left + cw * j as f64 + 1.0);
            let fill = rgb(HEAT[usize::try_from(level).unwrap_or(3)]);
            c.bars.push(ChartBar {
                x,
                y: y + 1.0,
                width: cw - 2.0,
                height: rh - 2.0,
                class: format!("heat-{level}"),
                opacity: 1.0,
                text: text.clone(),
                text_class: if level == 0 {
                    "gaptext".into()
                } else {
                    text_class_on(fill).into()
                },
                text_x: round1(x + (cw - 2.0) / 2.0),
                title: format!(
                    "{} / {}: {} current, {} expired",
                    statement_label(row.statement),
                    cell.category.name(),
                    plural(cell.current, "item", "items"),
                    expired
                ),
            });
            data.cells.push(text);
        }
        c.rows.push(data);
        y += rh;
    }
    c.height = y + 8.0;
    c
}

/// Fills of the coverage cells by current items: none (a gap), 1, 2, 3 or more.
pub(crate) const HEAT: [&str; 4] = ["#fbe3e1", "#d7e9d8", "#9cc9a0", "#2e6b34"];

/// Each indicator on its own scale from zero: the council's figure as a dot, England's as a
/// tick, the gap between them coloured by the comparison, and both figures written at the
/// right.
pub(crate) fn indicator_chart(a: &WorkbookAnalysis) -> Chart {
    let with_values: Vec<_> = a.indicators.iter().filter(|i| i.value.is_some()).collect();
    let label_right = 288.0;
    let (left, right) = (300.0, 540.0);
    let text_x = 552.0;
    let mut c = Chart {
        width: CHART_WIDTH,
        title: "Indicators: the council's figure against the England average".into(),
        columns: vec![
            "Indicator".into(),
            "Council".into(),
            "England".into(),
            "Compared".into(),
        ],
        ..Chart::default()
    };
    let mut y = 8.0;
    for ind in &with_values {
        let v = ind.value.unwrap_or(0.0);
        let e = ind.england_average;
        let lines = wrap_to_width(&ind.name, label_right, FONT, false).len();
        let rh = (LINE * lines.max(2) as f64 + 12.0).max(34.0);
        let mid = y + rh / 2.0;
        push_label(
            &mut c,
            &ind.name,
            LEFT_MARGIN,
            label_right,
            mid + 4.0 - LINE * (lines as f64 - 1.0) / 2.0,
        );
        let lo = v.min(e).min(0.0);
        let hi = v.max(e).max(0.0);
        let span = if hi - lo > 0.0 { hi - lo } else { 1.0 };
        let x = |w: f64| round1(left + (w - lo) / (span * 1.1) * (right - left));
        let class = match ind.comparison {
            Some(Comparison::Better) => "better",
            Some(Comparison::Similar) => "similar",
            _ => "worse",
        };
        c.bars.push(ChartBar {
            x: x(lo),
            y: mid - 1.0,
            width: round1(right - left),
            height: 2.0,
            class: "track".into(),
            opacity: 1.0,
            text: String::new(),
            text_class: String::new(),
            text_x: 0.0,
            title: String::new(),
        });
        let (x0, x1) = (x(e.min(v)), x(e.max(v)));
        c.bars.push(ChartBar {
            x: x0,
            y: mid - 3.0,
            width: round1(x1 - x0),
            height: 6.0,
            class: format!("gapline {class}"),
            opacity: 1.0,
            text: String::new(),
            text_class: String::new(),
            text_x: 0.0,
            title: String::new(),
        });
        c.markers.push(ChartBar {
            x: x(e),
            y: mid - 9.0,
            width: 0.0,
            height: 18.0,
            class: "england".into(),
            opacity: 1.0,
            text: String::new(),
            text_class: String::new(),
            text_x: 0.0,
            title: format!("England: {}", with_unit(e, &ind.unit)),
        });
        c.markers.push(ChartBar {
            x: x(v),
            y: mid,
            width: 6.0,
            height: 6.0,
            class: format!("council {class}"),
            opacity: 1.0,
            text: String::new(),
            text_class: String::new(),
            text_x: 0.0,
            title: format!("{}: {}", ind.name, with_unit(v, &ind.unit)),
        });
        c.labels.push(ChartLabel {
            x: text_x,
            y: round1(mid - 3.0),
            text: format!("Council {}", with_unit(v, &ind.unit)),
            class: "value".into(),
        });
        c.labels.push(ChartLabel {
            x: text_x,
            y: round1(mid + 11.0),
            text: format!("England {}", with_unit(e, &ind.unit)),
            class: "value muted".into(),
        });
        c.rows.push(ReportRow {
            cells: vec![
                ind.name.clone(),
                with_unit(v, &ind.unit),
                with_unit(e, &ind.unit),
                match ind.comparison {
                    Some(Comparison::Better) => "Better".into(),
                    Some(Comparison::Similar) => "Similar".into(),
                    Some(Comparison::Worse) => "Worse".into(),
                    None => "—".into(),
                },
            ],
            class: class.into(),
        });
        y += rh;
    }
    c.height = if with_values.is_empty() { 0.0 } else { y + 8.0 };
    c
}

/// Statement by statement: how many published councils scored lower, the same or higher than
/// the scenario's score.
pub(crate) fn benchmark_chart(a: &WorkbookAnalysis) -> Chart {
    let label_right = 288.0;
    let (left, right) = (300.0, CHART_WIDTH - 8.0);
    let mut c = Chart {
        width: CHART_WIDTH,
        title: "Each statement's score against the published councils' scores".into(),
        columns: vec![
            "Statement".into(),
            "Score in the scenario".into(),
            "Councils scoring lower".into(),
            "The same".into(),
            "Higher".into(),
        ],
        ..Chart::default()
    };
    let Some(b) = &a.benchmark else {
        return c;
    };
    let mut y = 8.0;
    for s in &b.statements {
        let label = format!(
            "QS{} {} (scored {})",
            s.statement.number(),
            s.statement.name(),
            s.score
        );
        let lines = wrap_to_width(&label, label_right, FONT, false).len();
        let rh = 24.0f64.max(LINE * lines as f64 + 8.0);
        push_label(
            &mut c,
            &label,
            LEFT_MARGIN,
            label_right,
            y + rh / 2.0 + 4.0 - LINE * (lines as f64 - 1.0) / 2.0,
        );
        let total = f64::from(s.councils.max(1));
        let mut x0 = left;
        for (n, class, fill, what) in [
            (s.lower, "lower", "#c9d3e3", "scored lower"),
            (s.same, "same", "#22345c", "scored the same"),
            (s.higher, "higher", "#8ea0bf", "scored higher"),
        ] {
            let w = round1((right - left) * f64::from(n) / total);
            let text = n.to_string();
            let fits = text_width(&text, 11.0, false) + 6.0 <= w;
            c.bars.push(ChartBar {
                x: round1(x0),
                y: round1(y + rh / 2.0 - 9.0),
                width: w,
                height: 18.0,
                class: class.into(),
                opacity: 1.0,
                text: if fits { text } else { String::new() },
                text_class: text_class_on(rgb(fill)).into(),
                text_x: round1(x0 + w / 2.0),
                title: format!("{} {what}", plural(n, "council", "councils")),
            });
            x0 += w;
        }
        c.rows.push(ReportRow {
            cells: vec![
                statement_label(s.statement),
                s.score.to_string(),
                s.lower.to_string(),
                s.same.to_string(),
                s.higher.to_string(),
            ],
            class: String::new(),
        });
        y += rh;
    }
    c.height = y + 8.0;
    c
}

/// The Gantt chart's time axis: the dates from the first to the last (milestones, forecasts,
/// today) across the plot, from `left` to `right`.
struct TimeAxis {
    start: Date,
    end: Date,
    left: f64,
    right: f64,
    /// Days from `start` to `end`, at least one.
    span: f64,
}

impl TimeAxis {
    fn new(t: &Timeline, today: Date) -> TimeAxis {
        let dates = || {
            t.milestones
                .iter()
                .flat_map(|m| {
                    [
                        Some(m.date),
                        m.end,
                        m.forecast.as_ref().map(|f| f.earliest),
                        m.forecast.as_ref().map(|f| f.latest),
                    ]
                    .into_iter()
                    .flatten()
                })
                .chain([today])
        };
        let start = dates().min().unwrap_or(today);
        let end = dates().max().unwrap_or(today);
        TimeAxis {
            start,
            end,
            left: 250.0,
            right: CHART_WIDTH - 20.0,
            span: f64::from((end - start).get_days().max(1)),
        }
    }

    /// Where a date falls (a date outside the axis at its nearer end).
    fn x(&self, d: Date) -> f64 {
        let d = d.clamp(self.start, self.end);
        round1(
            self.left
                + f64::from((d - self.start).get_days()) / self.span * (self.right - self.left),
        )
    }
}

/// The height of a row of the Gantt chart, and where its first row starts.
const GANTT_ROW: f64 = 22.0;
const GANTT_TOP: f64 = 26.0;

/// The timeline's Gantt chart: a row per milestone, from the milestone it is counted from to
/// its own date (the visit from its first to its last day), coloured by how the date is known,
/// with the forecast's range, the pre-election periods, month guides and today's line.
pub(crate) fn gantt_chart(t: &Timeline, today: Date) -> Chart {
    let axis = TimeAxis::new(t, today);
    let periods: Vec<_> = t
        .pre_election
        .iter()
        .filter(|p| p.end >= axis.start && p.start <= axis.end)
        .collect();
    let rows_drawn = t.milestones.len() + usize::from(!periods.is_empty());
    let mut c = Chart {
        width: CHART_WIDTH,
        height: GANTT_TOP + GANTT_ROW * rows_drawn as f64 + 24.0,
        ..Chart::default()
    };
    let bottom = c.height - 20.0;
    c.guides = month_guides(&axis, bottom);
    for (i, ms) in t.milestones.iter().enumerate() {
        let y = GANTT_TOP + GANTT_ROW * i as f64;
        c.labels.push(ChartLabel {
            x: 2.0,
            y: y + 14.0,
            text: chart_label(ms.id, t.weeks_total),
            class: String::new(),
        });
        c.bars.extend(milestone_bars(t, ms, &axis, y));
    }
    if !periods.is_empty() {
        let y = GANTT_TOP + GANTT_ROW * t.milestones.len() as f64;
        c.labels.push(ChartLabel {
            x: 2.0,
            y: y + 14.0,
            text: "Pre-election period (no publication)".into(),
            class: String::new(),
        });
        for p in &periods {
            let (x0, x1) = (axis.x(p.start), axis.x(p.end));
            c.bars.push(ChartBar {
                x: x0,
                y: y + 3.0,
                width: round1((x1 - x0).max(4.0)),
                height: GANTT_ROW - 8.0,
                class: "tl tl-pre-election".into(),
                opacity: 1.0,
                text: String::new(),
                text_class: String::new(),
                text_x: 0.0,
                title: p.describe(),
            });
        }
    }
    c.markers.push(today_marker(&axis, today, bottom));
    c
}

/// Month guides: every month when the chart spans a year or less, else each quarter; the
/// first guide and January's carry the year.
fn month_guides(axis: &TimeAxis, bottom: f64) -> Vec<ChartGuide> {
    let mut guides: Vec<ChartGuide> = Vec::new();
    let step = if axis.span > 400.0 { 3 } else { 1 };
    let mut m = axis.start.first_of_month();
    while m <= axis.end {
        if m >= axis.start && (m.month() - 1) % step == 0 {
            guides.push(ChartGuide {
                x: axis.x(m),
                y1: GANTT_TOP - 6.0,
                y2: bottom,
                text: if m.month() == 1 || guides.is_empty() {
                    m.strftime("%b %Y").to_string()
                } else {
                    m.strftime("%b").to_string()
                },
                text_x: axis.x(m),
                class: "grid".into(),
            });
        }
        match m.checked_add(jiff::Span::new().months(1)) {
            Ok(next) => m = next,
            Err(_) => break,
        }
    }
    guides
}

/// A milestone's bars on the row at `y`: its forecast's range, if any, then the milestone.
fn milestone_bars(t: &Timeline, ms: &Milestone, axis: &TimeAxis, y: f64) -> Vec<ChartBar> {
    let (left, rh) = (axis.left, GANTT_ROW);
    let x = |d: Date| axis.x(d);
    let date_of = |id: MilestoneId, last: bool| {
        t.milestones.iter().find(|m| m.id == id).map(|m| {
            if last {
                m.end.unwrap_or(m.date)
            } else {
                m.date
            }
        })
    };
    let basis_class = |b: Basis| match b {
        Basis::Actual => "actual",
        Basis::Approximate => "approximate",
        Basis::Planned => "planned",
        Basis::Estimated | Basis::Inferred => "estimated",
    };
    let mut bars = Vec::new();
    // The visit from its first to its last day; the others from the milestone they are
    // counted from to their own date.
    let (a, b) = match ms.end {
        Some(e) => (ms.date, e),
        None => {
            let from = ms
                .rule
                .as_ref()
                .and_then(|r| date_of(r.from, r.from_end))
                .unwrap_or(ms.date);
            (from.min(ms.date), from.max(ms.date))
        }
    };
    let (x0, x1) = (x(a), x(b));
    let width = (x1 - x0).max(4.0);
    let basis = basis_class(ms.basis);
    let state = match ms.state {
        Some(MilestoneState::Done) => " done",
        Some(MilestoneState::Overdue) => " overdue",
        Some(MilestoneState::DueThisWeek) => " due-this-week",
        _ => "",
    };
    if let Some(f) = &ms.forecast {
        let (f0, f1) = (x(f.earliest), x(f.latest));
        bars.push(ChartBar {
            x: f0,
            y: y + 8.0,
            width: round1((f1 - f0).max(2.0)),
            height: 4.0,
            class: "tl tl-forecast".into(),
            opacity: 1.0,
            text: String::new(),
            text_class: String::new(),
            text_x: 0.0,
            title: format!("{}: {}", ms.name, f.text),
        });
    }
    bars.push(ChartBar {
        x: round1(x1.min(x0 + width) - width.max(0.0)).max(left - 2.0),
        y: y + 3.0,
        width: round1(width),
        height: rh - 8.0,
        class: format!("tl tl-{basis}{state}"),
        opacity: 1.0,
        text: String::new(),
        text_class: String::new(),
        text_x: 0.0,
        title: match ms.end {
            Some(e) => format!(
                "{}: {} to {} ({})",
                ms.name,
                long_date(ms.date),
                long_date(e),
                basis_word(ms.basis)
            ),
            None => format!(
                "{}: {} ({})",
                ms.name,
                long_date(ms.date),
                basis_word(ms.basis)
            ),
        },
    });
    bars
}

/// Today's line, its label centred on it, except near an edge of the plot, where it ends (or
/// starts) at the line so that it stays inside the chart (today is often the last date).
fn today_marker(axis: &TimeAxis, today: Date, bottom: f64) -> ChartBar {
    // Half the width of "Today, 30 Sep" in the chart's bold 12 px type, with a margin.
    const TODAY_LABEL_HALF_WIDTH: f64 = 48.0;
    let today_x = axis.x(today);
    let anchor = if today_x > axis.right - TODAY_LABEL_HALF_WIDTH {
        "end"
    } else if today_x < axis.left + TODAY_LABEL_HALF_WIDTH {
        "start"
    } else {
        ""
    };
    ChartBar {
        x: today_x,
        y: GANTT_TOP - 4.0,
        width: 0.0,
        height: bottom - GANTT_TOP + 4.0,
        class: "today".into(),
        opacity: 1.0,
        text: format!("Today, {}", today.strftime("%-d %b")),
        text_class: anchor.into(),
        text_x: today_x,
        title: String::new(),
    }
}

/// A milestone's name short enough for the chart's label column (the table has the full one).
fn chart_label(id: MilestoneId, weeks: u32) -> String {
    match id {
        MilestoneId::Notification => "First notice".into(),
        MilestoneId::OneWeekItemsDue => "One-week items due".into(),
        MilestoneId::InformationReturnDue => "Information return due".into(),
        MilestoneId::SelfAssessmentDue => "Self-assessment due".into(),
        MilestoneId::CaseTrackingListDue => "Case-tracking list due".into(),
        MilestoneId::VisitNotice => "Second notice (visit dates)".into(),
        MilestoneId::LeadershipPresentation => "Leadership presentation".into(),
        MilestoneId::DataFocusGroup => "Data and performance group".into(),
        MilestoneId::Visit => "On-site visit".into(),
        MilestoneId::VisitFeedback => "Feedback at the visit's end".into(),
        MilestoneId::DraftReport => "Draft report".into(),
        MilestoneId::FactualAccuracyDue => "Factual accuracy due".into(),
        MilestoneId::Publication => "Report published".into(),
        MilestoneId::TwentyWeekEnd => format!("End of {weeks} planning weeks"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_examples() {
        // Black on white is 21:1; WCAG's grey #767676 on white is just over 4.5:1.
        assert!((contrast(rgb("#000000"), rgb("#ffffff")) - 21.0).abs() < 1e-9);
        let grey = contrast(rgb("#767676"), rgb("#ffffff"));
        assert!(grey > 4.5 && grey < 4.6, "{grey}");
    }

    #[test]
    fn every_rating_and_score_colour_carries_white_text() {
        for r in Rating::ALL {
            let ratio = contrast(rgb("#ffffff"), rgb(r.colour()));
            assert!(ratio >= 4.5, "{r:?}: {ratio}");
        }
        for (level, heat) in HEAT.iter().enumerate().skip(1) {
            let fill = rgb(heat);
            let best = contrast(rgb("#ffffff"), fill).max(contrast(rgb(INK), fill));
            assert!(best >= 4.5, "heat-{level}: {best}");
        }
    }

    #[test]
    fn wrapped_lines_fit_their_width() {
        let text = "QS4 Care provision, integration and continuity (scored 2)";
        let lines = wrap_to_width(text, 200.0, 12.0, false);
        assert!(lines.len() >= 2);
        assert!(lines
            .iter()
            .all(|l| text_width(l, 12.0, false) <= 200.0 || !l.contains(' ')));
        assert_eq!(lines.join(" "), text);
    }
}
