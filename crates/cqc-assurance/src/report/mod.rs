//! The workbook report: one self-contained HTML file (inline CSS and SVG, nothing fetched) and
//! the same content as Markdown. Rust computes the figures and the chart geometry
//! ([`ReportModel`]); minijinja templates (`templates/report.html`, `templates/report.md`)
//! lay them out, with everything the user entered HTML-escaped.

use jiff::civil::Date;
use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{Environment, UndefinedBehavior, Value};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::framework::{QualityStatement, Theme};
use crate::score::Rating;
use crate::timeline::{Basis, MilestoneId, MilestoneState, Timeline};
use crate::workbook::{analyse_workbook, Comparison, EvidenceState, Workbook, WorkbookAnalysis};

const HTML_TEMPLATE: &str = include_str!("../../templates/report.html");
const MARKDOWN_TEMPLATE: &str = include_str!("../../templates/report.md");

/// Width of every chart, in SVG user units.
const CHART_WIDTH: f64 = 680.0;

/// A label with a position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartLabel {
    /// Left (or anchor) x.
    pub x: f64,
    /// Baseline y.
    pub y: f64,
    /// The text.
    pub text: String,
    /// CSS class (may be empty).
    pub class: String,
}

/// A rectangle with a style class and an optional caption.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartBar {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// CSS class (`rating-good`, `score-3`, `heat-0`...).
    pub class: String,
    /// Fill opacity, 0-1.
    pub opacity: f64,
    /// Text inside or beside the rectangle.
    pub text: String,
    /// A tooltip.
    pub title: String,
}

/// A chart: its size and what to draw.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Chart {
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// Rectangles.
    pub bars: Vec<ChartBar>,
    /// ReportRow and axis labels.
    pub labels: Vec<ChartLabel>,
    /// Headings within the chart (theme names, column names).
    pub headings: Vec<ChartLabel>,
    /// Vertical guide lines: x, top, bottom, label.
    pub guides: Vec<ChartGuide>,
    /// Point markers (a council's figure).
    pub markers: Vec<ChartBar>,
}

/// A vertical guide line with a label at its foot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartGuide {
    /// x.
    pub x: f64,
    /// Top.
    pub y1: f64,
    /// Bottom.
    pub y2: f64,
    /// ChartLabel under the line.
    pub text: String,
    /// CSS class.
    pub class: String,
}

/// One statement row of the report's tables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementRow {
    /// `QS1`.
    pub number: String,
    /// The statement's name.
    pub name: String,
    /// The theme's name.
    pub theme: String,
    /// `3`, `2 or 3 (50% / 50%)`, or `not scored`.
    pub score: String,
    /// The most likely score as a digit, or empty.
    pub score_digit: String,
    /// Evidence items supporting it.
    pub evidence_items: u32,
    /// Open actions.
    pub open_actions: u32,
    /// Strengths.
    pub strengths: Vec<String>,
    /// Areas for improvement.
    pub areas_for_improvement: Vec<String>,
}

/// A theme with its statements, for the grouped tables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeGroup {
    /// `Theme 1: Working with people`.
    pub title: String,
    /// Its statements.
    pub statements: Vec<StatementRow>,
}

/// A generic table row of display strings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRow {
    /// Cells, already formatted.
    pub cells: Vec<String>,
    /// CSS class for the row (`worse`, `expired`...).
    pub class: String,
}

/// The headline figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportSummary {
    /// Whether any statement is scored.
    pub predicted: bool,
    /// The most likely rating's label.
    pub rating: String,
    /// Its CSS class (`rating-good`).
    pub rating_class: String,
    /// Its probability, `50%`.
    pub probability: String,
    /// Whether every score is certain.
    pub certain: bool,
    /// `23 of 36 points`.
    pub points: String,
    /// `64%`.
    pub percent: String,
    /// The rating of the most likely scores (may differ from the most likely rating).
    pub most_likely_scores_rating: String,
    /// CQC-style band position of the most likely scores.
    pub band_wording: String,
    /// Expected published percentage, `63%`.
    pub expected_percent: String,
    /// Each rating with its probability.
    pub probabilities: Vec<ReportRow>,
    /// Statements scored, `9 of 9`.
    pub scored: String,
    /// `20 of 36`.
    pub coverage: String,
    /// Stale or expired evidence items.
    pub evidence_attention: usize,
    /// Overdue actions.
    pub overdue_actions: usize,
    /// Warnings.
    pub warnings: usize,
    /// `12th of 75 published councils`.
    pub ranking: String,
    /// Key points in a sentence each.
    pub key_points: Vec<String>,
}

/// Everything the templates draw: figures formatted for reading and chart geometry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportModel {
    /// `Liverpool`.
    pub council: String,
    /// The workbook's notes.
    pub notes: Option<String>,
    /// `1 April 2025`.
    pub as_of: String,
    /// `2025-04-01`.
    pub as_of_iso: String,
    /// The rating method, in words.
    pub method: String,
    /// Headline figures.
    pub summary: ReportSummary,
    /// The nine statements grouped by theme.
    pub themes: Vec<ThemeGroup>,
    /// Scores by theme with score gridlines.
    pub score_chart: Chart,
    /// The overall percentage on the four rating bands, with their edges.
    pub band_chart: Chart,
    /// Probability of each rating.
    pub probability_chart: Chart,
    /// Coverage heat-map, statement × category.
    pub coverage_chart: Chart,
    /// Coverage gaps in words.
    pub coverage_gaps: Vec<String>,
    /// The coverage matrix's column names.
    pub coverage_columns: Vec<String>,
    /// The coverage matrix as a table: the statement, then one cell per column.
    pub coverage_table: Vec<ReportRow>,
    /// Indicators against England, as a dot chart.
    pub indicator_chart: Chart,
    /// Indicators as a table.
    pub indicators: Vec<ReportRow>,
    /// Stale or expired evidence.
    pub evidence_attention: Vec<ReportRow>,
    /// Overdue actions.
    pub overdue_actions: Vec<ReportRow>,
    /// `7 actions: 5 open, 1 done, 0 cancelled`.
    pub action_counts: String,
    /// Warnings in words.
    pub warnings: Vec<ReportRow>,
    /// Position among published councils, statement by statement.
    pub benchmark_chart: Chart,
    /// The same as a table.
    pub benchmark: Vec<ReportRow>,
    /// Where the comparison data come from.
    pub benchmark_note: String,
    /// The assessment timeline, if the workbook has one.
    pub gantt: Option<ReportGantt>,
}

/// The assessment timeline as a Gantt chart and a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportGantt {
    /// One bar per milestone, from the milestone it is counted from to its own date (the
    /// visit from its first to its last day), the ranges the recorded cases give, and the
    /// pre-election periods.
    pub chart: Chart,
    /// Milestone, date, status, what the recorded cases give, source.
    pub rows: Vec<ReportRow>,
    /// The week of the assessment and what is next, in a sentence (the timeline's own).
    pub status: String,
    /// Inconsistencies in the dates.
    pub issues: Vec<String>,
    /// What the planning weeks are (the council's figure, not CQC's).
    pub planning_note: String,
    /// The pre-election periods and what is assumed about them.
    pub pre_election: Vec<String>,
    /// The window of the next assessment (a proposal).
    pub next_assessment: Option<String>,
    /// What the forecasts rest on.
    pub forecast_note: String,
    /// Notes carried with the timeline (where its dates come from).
    pub notes: Vec<String>,
}

fn pct(p: f64) -> String {
    let v = p * 100.0;
    if v > 0.0 && v < 0.5 {
        "<1%".into()
    } else if v < 100.0 && v > 99.5 {
        ">99%".into()
    } else {
        format!("{v:.0}%")
    }
}

/// A figure with up to two decimals, trailing zeros dropped.
fn num(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

fn with_unit(v: f64, unit: &Option<String>) -> String {
    match unit.as_deref() {
        Some("%") => format!("{}%", num(v)),
        Some(u) => format!("{} {u}", num(v)),
        None => num(v),
    }
}

fn days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

fn long_date(d: Date) -> String {
    d.strftime("%-d %B %Y").to_string()
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn rating_class(r: Rating) -> String {
    format!("rating-{}", r.as_str().replace('_', "-"))
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn statement_label(qs: QualityStatement) -> String {
    format!("QS{} {}", qs.number(), qs.name())
}

impl ReportModel {
    /// Builds the model from an analysis and the workbook's notes.
    pub fn new(a: &WorkbookAnalysis, notes: Option<&str>) -> ReportModel {
        let themes = Theme::ALL
            .into_iter()
            .map(|t| ThemeGroup {
                title: format!("Theme {}: {}", t.number(), t.name()),
                statements: a
                    .statements
                    .iter()
                    .filter(|s| s.theme == t)
                    .map(|s| StatementRow {
                        number: format!("QS{}", s.number),
                        name: s.name.clone(),
                        theme: t.name().to_string(),
                        score: match (s.distribution, s.certain) {
                            (None, _) => "not scored".into(),
                            (Some(_), true) => s
                                .most_likely_score
                                .map(|x| x.to_string())
                                .unwrap_or_default(),
                            (Some(d), false) => {
                                let parts: Vec<String> = d
                                    .iter()
                                    .enumerate()
                                    .filter(|(_, p)| **p > 0.0)
                                    .map(|(i, p)| format!("{}: {}", i + 1, pct(*p)))
                                    .collect();
                                format!("uncertain ({})", parts.join(", "))
                            }
                        },
                        score_digit: s
                            .most_likely_score
                            .map(|x| x.to_string())
                            .unwrap_or_default(),
                        evidence_items: s.evidence_items,
                        open_actions: s.open_actions,
                        strengths: s.strengths.clone(),
                        areas_for_improvement: s.areas_for_improvement.clone(),
                    })
                    .collect(),
            })
            .collect();

        ReportModel {
            council: a.council.clone(),
            notes: notes.map(str::to_string),
            as_of: long_date(a.as_of),
            as_of_iso: a.as_of.to_string(),
            method: match a.method {
                crate::method::RatingMethod::Current => {
                    "current method: each statement scored 1-4 directly".into()
                }
                crate::method::RatingMethod::Earlier => {
                    "earlier method: statement scores derived from evidence-category scores".into()
                }
            },
            summary: summary(a),
            themes,
            score_chart: score_chart(a),
            band_chart: band_chart(a),
            probability_chart: probability_chart(a),
            coverage_chart: coverage_chart(a),
            coverage_gaps: a
                .coverage
                .gaps
                .iter()
                .map(|g| format!("{}: {}", statement_label(g.statement), g.category.name()))
                .collect(),
            coverage_columns: a
                .coverage
                .categories
                .iter()
                .map(|c| c.name().to_string())
                .collect(),
            coverage_table: a
                .coverage
                .rows
                .iter()
                .map(|r| ReportRow {
                    cells: std::iter::once(statement_label(r.statement))
                        .chain(r.cells.iter().map(|c| match (c.current, c.items - c.current) {
                            (0, 0) => "**gap**".to_string(),
                            (0, e) => format!("**gap** ({e} expired)"),
                            (n, 0) => n.to_string(),
                            (n, e) => format!("{n} (+{e} expired)"),
                        }))
                        .collect(),
                    class: String::new(),
                })
                .collect(),
            indicator_chart: indicator_chart(a),
            indicators: a
                .indicators
                .iter()
                .map(|i| ReportRow {
                    cells: vec![
                        i.name.clone(),
                        match &i.year {
                            Some(y) => format!("{} ({y})", i.collection),
                            None => i.collection.clone(),
                        },
                        i.value
                            .map(|v| with_unit(v, &i.unit))
                            .unwrap_or_else(|| "not entered".into()),
                        with_unit(i.england_average, &i.unit),
                        match i.comparison {
                            Some(Comparison::Better) => "Better".into(),
                            Some(Comparison::Similar) => "Similar".into(),
                            Some(Comparison::Worse) => "Worse".into(),
                            None => "—".into(),
                        },
                        i.statements
                            .iter()
                            .map(|q| format!("QS{}", q.number()))
                            .collect::<Vec<_>>()
                            .join(", "),
                        i.reference.clone().unwrap_or_default(),
                    ],
                    class: match i.comparison {
                        Some(Comparison::Better) => "better".into(),
                        Some(Comparison::Similar) => "similar".into(),
                        Some(Comparison::Worse) => "worse".into(),
                        None => "missing".into(),
                    },
                })
                .collect(),
            evidence_attention: a
                .evidence_attention
                .iter()
                .map(|e| ReportRow {
                    cells: vec![
                        e.id.clone(),
                        e.title.clone(),
                        match e.state {
                            EvidenceState::Expired => "Expired".into(),
                            EvidenceState::Stale => "Due for review".into(),
                        },
                        format!("{} ({} ago)", e.reason, days(i64::from(e.days))),
                        e.owner.clone().unwrap_or_default(),
                    ],
                    class: match e.state {
                        EvidenceState::Expired => "expired".into(),
                        EvidenceState::Stale => "stale".into(),
                    },
                })
                .collect(),
            overdue_actions: a
                .overdue_actions
                .iter()
                .map(|o| ReportRow {
                    cells: vec![
                        o.id.clone(),
                        o.statement
                            .map(|q| format!("QS{}", q.number()))
                            .unwrap_or_else(|| "All".into()),
                        o.description.clone(),
                        o.owner.clone().unwrap_or_default(),
                        long_date(o.due),
                        days(i64::from(o.days_overdue)),
                        o.status.label().to_string(),
                    ],
                    class: "overdue".into(),
                })
                .collect(),
            action_counts: format!(
                "{} actions: {} open, {} done, {} cancelled; {} overdue",
                a.actions.total, a.actions.open, a.actions.done, a.actions.cancelled, a.actions.overdue
            ),
            warnings: a
                .warnings
                .iter()
                .map(|w| ReportRow {
                    cells: vec![w.message.clone(), w.path.clone().unwrap_or_default()],
                    class: w.code.clone(),
                })
                .collect(),
            benchmark_chart: benchmark_chart(a),
            benchmark: a
                .benchmark
                .iter()
                .flat_map(|b| &b.statements)
                .map(|s| ReportRow {
                    cells: vec![
                        statement_label(s.statement),
                        s.score.to_string(),
                        format!("{:.2}", s.mean),
                        s.lower.to_string(),
                        s.same.to_string(),
                        s.higher.to_string(),
                    ],
                    class: String::new(),
                })
                .collect(),
            gantt: a.timeline.as_ref().map(|t| gantt(t, a.as_of)),
            benchmark_note: format!(
                "Compared with the {} councils with nine published scores in the bundled dataset of published CQC results (sources listed per council in the dataset).",
                a.benchmark.as_ref().map(|b| b.ranking.councils).unwrap_or(0)
            ),
        }
    }
}

fn summary(a: &WorkbookAnalysis) -> ReportSummary {
    let mut key_points = Vec::new();
    let p = a.prediction.as_ref();
    if let Some(p) = p {
        let ml = &p.most_likely;
        if p.certain {
            key_points.push(format!(
                "The self-scores total {} of {} points, {}%: {}.",
                ml.total, ml.max, ml.percent, ml.band.wording
            ));
        } else {
            let alternatives: Vec<String> = p
                .probabilities
                .ratings
                .iter()
                .filter(|r| r.probability > 0.0)
                .map(|r| format!("{} {}", r.rating.label().to_lowercase(), pct(r.probability)))
                .collect();
            key_points.push(format!(
                "Some self-scores are uncertain: the rating could be {}.",
                alternatives.join(", ")
            ));
        }
        if let Some(points) = ml.band.points_to_next_rating {
            if let Some(next) = ml.band.next_rating {
                key_points.push(format!(
                    "{} more point{} of statement score would reach {}.",
                    points,
                    if points == 1 { "" } else { "s" },
                    next.label().to_lowercase()
                ));
            }
        }
        if ml.band.slack_points == Some(0) {
            key_points.push(
                "The result is on the lower edge of its band: one point less would drop a rating."
                    .into(),
            );
        }
    } else {
        key_points.push("No statement has a self-score yet, so there is no prediction.".into());
    }
    if !a.coverage.gaps.is_empty() {
        key_points.push(format!(
            "{} of {} statement and evidence-category combinations have no current evidence.",
            a.coverage.gaps.len(),
            a.coverage.cells
        ));
    }
    let worse = a
        .indicators
        .iter()
        .filter(|i| i.comparison == Some(Comparison::Worse))
        .count();
    if worse > 0 {
        key_points.push(format!(
            "{worse} indicator{} worse than the England average.",
            if worse == 1 { " is" } else { "s are" }
        ));
    }
    if a.actions.overdue > 0 {
        key_points.push(format!(
            "{} action{} overdue.",
            a.actions.overdue,
            if a.actions.overdue == 1 {
                " is"
            } else {
                "s are"
            }
        ));
    }
    ReportSummary {
        predicted: p.is_some(),
        rating: p.map(|p| p.rating.label().to_string()).unwrap_or_default(),
        rating_class: p.map(|p| rating_class(p.rating)).unwrap_or_default(),
        probability: p.map(|p| pct(p.probability)).unwrap_or_default(),
        certain: p.is_some_and(|p| p.certain),
        points: p
            .map(|p| format!("{} of {} points", p.most_likely.total, p.most_likely.max))
            .unwrap_or_default(),
        percent: p
            .map(|p| format!("{}%", p.most_likely.percent))
            .unwrap_or_default(),
        most_likely_scores_rating: p
            .map(|p| p.most_likely.rating.label().to_string())
            .unwrap_or_default(),
        band_wording: p
            .map(|p| {
                let w = &p.most_likely.band.wording;
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            })
            .unwrap_or_default(),
        expected_percent: p
            .map(|p| format!("{:.0}%", p.probabilities.expected_percent))
            .unwrap_or_default(),
        probabilities: p
            .map(|p| {
                p.probabilities
                    .ratings
                    .iter()
                    .rev()
                    .map(|r| ReportRow {
                        cells: vec![r.rating.label().to_string(), pct(r.probability)],
                        class: rating_class(r.rating),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        scored: format!("{} of 9", p.map(|p| p.scored).unwrap_or(0)),
        coverage: format!("{} of {}", a.coverage.covered, a.coverage.cells),
        evidence_attention: a.evidence_attention.len(),
        overdue_actions: a.overdue_actions.len(),
        warnings: a.warnings.len(),
        ranking: a
            .benchmark
            .as_ref()
            .map(|b| {
                let r = &b.ranking;
                if r.equal > 0 {
                    format!(
                        "joint {} of {} published councils ({} with the same percentage)",
                        ordinal(r.rank),
                        r.councils,
                        r.equal
                    )
                } else {
                    format!("{} of {} published councils", ordinal(r.rank), r.councils)
                }
            })
            .unwrap_or_default(),
        key_points,
    }
}

/// Nine rows grouped under theme headings; a bar to the most likely score, coloured by score,
/// and for uncertain statements each possible score shaded by its probability.
fn score_chart(a: &WorkbookAnalysis) -> Chart {
    let (left, right) = (300.0, CHART_WIDTH - 20.0);
    let unit = (right - left) / 4.0;
    let mut c = Chart {
        width: CHART_WIDTH,
        ..Chart::default()
    };
    let mut y = 8.0;
    for t in Theme::ALL {
        y += 18.0;
        c.headings.push(ChartLabel {
            x: 0.0,
            y,
            text: format!("Theme {}: {}", t.number(), t.name()),
            class: String::new(),
        });
        y += 8.0;
        for s in a.statements.iter().filter(|s| s.theme == t) {
            c.labels.push(ChartLabel {
                x: 12.0,
                y: y + 15.0,
                text: format!("QS{} {}", s.number, s.name),
                class: String::new(),
            });
            match s.distribution {
                None => c.labels.push(ChartLabel {
                    x: left + 6.0,
                    y: y + 15.0,
                    text: "not scored".into(),
                    class: String::new(),
                }),
                Some(d) => {
                    let mode = s.most_likely_score.map(|m| m.get()).unwrap_or(1);
                    for (i, p) in d.iter().enumerate() {
                        let k = i as u8 + 1;
                        if k <= mode || *p > 0.0 {
                            // Solid up to the most likely score; beyond it, the chance of a
                            // higher score; below it within the mode's cell, the chance of a
                            // lower score is shown by the cell's label.
                            let opacity = if k <= mode { 1.0 } else { (*p).max(0.15) };
                            c.bars.push(ChartBar {
                                x: round1(left + unit * f64::from(k - 1)),
                                y,
                                width: round1(unit - 2.0),
                                height: 20.0,
                                class: if k <= mode {
                                    format!("score-{mode}")
                                } else {
                                    format!("score-{k} possible")
                                },
                                opacity: round1(opacity * 100.0) / 100.0,
                                text: if k == mode {
                                    if s.certain {
                                        k.to_string()
                                    } else {
                                        format!("{k} ({})", pct(*p))
                                    }
                                } else if k > mode {
                                    format!("{k} ({})", pct(*p))
                                } else {
                                    String::new()
                                },
                                title: format!(
                                    "QS{}: score {k}, probability {}",
                                    s.number,
                                    pct(*p)
                                ),
                            });
                        }
                    }
                    if !s.certain {
                        let lower: f64 = d[..usize::from(mode) - 1].iter().sum();
                        if lower > 0.0 {
                            c.labels.push(ChartLabel {
                                x: round1(left - 6.0),
                                y: y + 15.0,
                                text: format!("lower: {}", pct(lower)),
                                class: "note".into(),
                            });
                        }
                    }
                }
            }
            y += 26.0;
        }
    }
    let top = 8.0;
    for k in 0..=4u8 {
        c.guides.push(ChartGuide {
            x: round1(left + unit * f64::from(k)),
            y1: top,
            y2: y + 2.0,
            text: if k == 0 { String::new() } else { k.to_string() },
            class: "grid".into(),
        });
    }
    c.height = y + 22.0;
    c
}

/// The overall percentage scale 25-100 with the four rating bands and their edges, the most
/// likely scores' percentage, and the probability of each possible percentage.
fn band_chart(a: &WorkbookAnalysis) -> Chart {
    let (left, right) = (20.0, CHART_WIDTH - 20.0);
    let x = |pct: f64| round1(left + (pct - 25.0) / 75.0 * (right - left));
    let mut c = Chart {
        width: CHART_WIDTH,
        height: 140.0,
        ..Chart::default()
    };
    let band_top = 74.0;
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
            opacity: 0.9,
            text: r.label().to_string(),
            title: format!("{}: {lo}-{hi}%", r.label()),
        });
        if lo > 25 {
            c.guides.push(ChartGuide {
                x: x0,
                y1: band_top - 4.0,
                y2: band_top + 30.0,
                text: format!("{lo}%"),
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
                title: format!("{}%: probability {}", t.percent, pct(t.probability)),
            });
        }
        c.markers.push(ChartBar {
            x: x(f64::from(p.most_likely.percent)),
            y: band_top - 2.0,
            width: 0.0,
            height: 32.0,
            class: "marker".into(),
            opacity: 1.0,
            text: format!("{}% with the most likely scores", p.most_likely.percent),
            title: "The most likely scores".into(),
        });
    }
    c
}

fn probability_chart(a: &WorkbookAnalysis) -> Chart {
    let (left, right) = (190.0, CHART_WIDTH - 70.0);
    let mut c = Chart {
        width: CHART_WIDTH,
        height: 4.0 * 30.0 + 10.0,
        ..Chart::default()
    };
    let Some(p) = &a.prediction else {
        return c;
    };
    for (i, r) in p.probabilities.ratings.iter().rev().enumerate() {
        let y = 6.0 + 30.0 * i as f64;
        c.labels.push(ChartLabel {
            x: 0.0,
            y: y + 16.0,
            text: r.rating.label().to_string(),
            class: String::new(),
        });
        let w = round1((right - left) * r.probability);
        c.bars.push(ChartBar {
            x: left,
            y,
            width: w,
            height: 22.0,
            class: rating_class(r.rating),
            opacity: 1.0,
            text: pct(r.probability),
            title: format!("{}: {}", r.rating.label(), pct(r.probability)),
        });
        c.labels.push(ChartLabel {
            x: round1(left + w + 6.0),
            y: y + 16.0,
            text: pct(r.probability),
            class: String::new(),
        });
    }
    c.guides.push(ChartGuide {
        x: left,
        y1: 2.0,
        y2: c.height - 2.0,
        text: String::new(),
        class: "axis".into(),
    });
    c
}

/// Splits text into lines of at most `width` characters at spaces (a longer word stands alone).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width.max(1) => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

fn coverage_chart(a: &WorkbookAnalysis) -> Chart {
    let left = 300.0;
    let cols = a.coverage.categories.len().max(1) as f64;
    let cw = ((CHART_WIDTH - left) / cols).floor();
    let rh = 26.0;
    let top = 48.0;
    let mut c = Chart {
        width: CHART_WIDTH,
        height: top + rh * a.coverage.rows.len() as f64 + 8.0,
        ..Chart::default()
    };
    for (j, cat) in a.coverage.categories.iter().enumerate() {
        // Column headings wrapped to the column's width (about 6.5 units a character).
        let x = round1(left + cw * j as f64 + cw / 2.0);
        let lines = wrap(cat.name(), ((cw - 8.0) / 6.5) as usize);
        let first_y = 38.0 - 14.0 * (lines.len() as f64 - 1.0);
        for (k, line) in lines.into_iter().enumerate() {
            c.headings.push(ChartLabel {
                x,
                y: round1(first_y + 14.0 * k as f64),
                text: line,
                class: String::new(),
            });
        }
    }
    for (i, row) in a.coverage.rows.iter().enumerate() {
        let y = top + rh * i as f64;
        c.labels.push(ChartLabel {
            x: 0.0,
            y: y + 17.0,
            text: statement_label(row.statement),
            class: String::new(),
        });
        for (j, cell) in row.cells.iter().enumerate() {
            let level = cell.current.min(3);
            let expired = cell.items - cell.current;
            c.bars.push(ChartBar {
                x: round1(left + cw * j as f64 + 1.0),
                y: y + 1.0,
                width: cw - 2.0,
                height: rh - 2.0,
                class: format!("heat-{level}"),
                opacity: 1.0,
                text: match (cell.current, expired) {
                    (0, 0) => "gap".into(),
                    (0, e) => format!("gap ({e} expired)"),
                    (n, 0) => n.to_string(),
                    (n, e) => format!("{n} (+{e} expired)"),
                },
                title: format!(
                    "{} / {}: {} current item(s), {} expired",
                    statement_label(row.statement),
                    cell.category.name(),
                    cell.current,
                    expired
                ),
            });
        }
    }
    c
}

fn indicator_chart(a: &WorkbookAnalysis) -> Chart {
    let with_values: Vec<_> = a.indicators.iter().filter(|i| i.value.is_some()).collect();
    let (left, right) = (300.0, CHART_WIDTH - 30.0);
    let rh = 30.0;
    let mut c = Chart {
        width: CHART_WIDTH,
        height: 20.0 + rh * with_values.len() as f64 + 24.0,
        ..Chart::default()
    };
    if with_values.is_empty() {
        return c;
    }
    let max = with_values
        .iter()
        .flat_map(|i| [i.value.unwrap_or(0.0), i.england_average])
        .fold(0.0f64, |m, v| m.max(v.abs()));
    let min = with_values
        .iter()
        .flat_map(|i| [i.value.unwrap_or(0.0), i.england_average])
        .fold(0.0f64, f64::min);
    let span = if max - min > 0.0 { max - min } else { 1.0 };
    let (lo, hi) = (min, max + span * 0.1);
    let x = |v: f64| round1(left + (v - lo) / (hi - lo) * (right - left));
    for (i, ind) in with_values.iter().enumerate() {
        let y = 14.0 + rh * i as f64;
        let v = ind.value.unwrap_or(0.0);
        c.labels.push(ChartLabel {
            x: 0.0,
            y: y + 15.0,
            text: ind.name.clone(),
            class: String::new(),
        });
        let (x0, x1) = (x(ind.england_average.min(v)), x(ind.england_average.max(v)));
        let class = match ind.comparison {
            Some(Comparison::Better) => "better",
            Some(Comparison::Similar) => "similar",
            _ => "worse",
        };
        c.bars.push(ChartBar {
            x: x0,
            y: y + 8.0,
            width: round1(x1 - x0),
            height: 6.0,
            class: format!("gapline {class}"),
            opacity: 1.0,
            text: String::new(),
            title: String::new(),
        });
        c.markers.push(ChartBar {
            x: x(ind.england_average),
            y: y + 2.0,
            width: 0.0,
            height: 18.0,
            class: "england".into(),
            opacity: 1.0,
            text: format!("England {}", with_unit(ind.england_average, &ind.unit)),
            title: String::new(),
        });
        c.markers.push(ChartBar {
            x: x(v),
            y: y + 11.0,
            width: 6.0,
            height: 6.0,
            class: format!("council {class}"),
            opacity: 1.0,
            text: with_unit(v, &ind.unit),
            title: format!("{}: {}", ind.name, with_unit(v, &ind.unit)),
        });
    }
    c.guides.push(ChartGuide {
        x: x(lo),
        y1: 8.0,
        y2: c.height - 18.0,
        text: num(lo),
        class: "axis".into(),
    });
    c
}

fn benchmark_chart(a: &WorkbookAnalysis) -> Chart {
    let (left, right) = (300.0, CHART_WIDTH - 20.0);
    let rh = 24.0;
    let mut c = Chart {
        width: CHART_WIDTH,
        ..Chart::default()
    };
    let Some(b) = &a.benchmark else {
        return c;
    };
    c.height = 8.0 + rh * b.statements.len() as f64 + 8.0;
    for (i, s) in b.statements.iter().enumerate() {
        let y = 8.0 + rh * i as f64;
        c.labels.push(ChartLabel {
            x: 0.0,
            y: y + 15.0,
            text: format!(
                "QS{} {} (scored {})",
                s.statement.number(),
                s.statement.name(),
                s.score
            ),
            class: String::new(),
        });
        let total = f64::from(s.councils.max(1));
        let mut x0 = left;
        for (n, class, what) in [
            (s.lower, "lower", "scored lower"),
            (s.same, "same", "scored the same"),
            (s.higher, "higher", "scored higher"),
        ] {
            let w = round1((right - left) * f64::from(n) / total);
            c.bars.push(ChartBar {
                x: round1(x0),
                y: y + 2.0,
                width: w,
                height: rh - 6.0,
                class: class.into(),
                opacity: 1.0,
                text: if w >= 22.0 {
                    n.to_string()
                } else {
                    String::new()
                },
                title: format!("{n} councils {what}"),
            });
            x0 += w;
        }
    }
    c
}

fn gantt(t: &Timeline, today: Date) -> ReportGantt {
    use crate::timeline::MilestoneKind;
    let (left, right) = (250.0, CHART_WIDTH - 20.0);
    let rh = 22.0;
    let top = 26.0;
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
    let span = f64::from((end - start).get_days().max(1));
    let x = |d: Date| {
        let d = d.clamp(start, end);
        round1(left + f64::from((d - start).get_days()) / span * (right - left))
    };
    let date_of = |id: MilestoneId, last: bool| {
        t.milestones.iter().find(|m| m.id == id).map(|m| {
            if last {
                m.end.unwrap_or(m.date)
            } else {
                m.date
            }
        })
    };
    let periods: Vec<_> = t
        .pre_election
        .iter()
        .filter(|p| p.end >= start && p.start <= end)
        .collect();
    let rows_drawn = t.milestones.len() + usize::from(!periods.is_empty());
    let mut c = Chart {
        width: CHART_WIDTH,
        height: top + rh * rows_drawn as f64 + 24.0,
        ..Chart::default()
    };
    let bottom = c.height - 20.0;
    // Month guides (every month when the chart spans a year or less, else each quarter).
    let step = if span > 400.0 { 3 } else { 1 };
    let mut m = start.first_of_month();
    while m <= end {
        if m >= start && (m.month() - 1) % step == 0 {
            c.guides.push(ChartGuide {
                x: x(m),
                y1: top - 6.0,
                y2: bottom,
                text: if m.month() == 1 || c.guides.is_empty() {
                    m.strftime("%b %Y").to_string()
                } else {
                    m.strftime("%b").to_string()
                },
                class: "grid".into(),
            });
        }
        match m.checked_add(jiff::Span::new().months(1)) {
            Ok(next) => m = next,
            Err(_) => break,
        }
    }
    let basis_class = |b: Basis| match b {
        Basis::Actual => "actual",
        Basis::Approximate => "approximate",
        Basis::Planned => "planned",
        Basis::Estimated | Basis::Inferred => "estimated",
    };
    for (i, ms) in t.milestones.iter().enumerate() {
        let y = top + rh * i as f64;
        c.labels.push(ChartLabel {
            x: 0.0,
            y: y + 14.0,
            text: chart_label(ms.id, t.weeks_total),
            class: String::new(),
        });
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
            c.bars.push(ChartBar {
                x: f0,
                y: y + 8.0,
                width: round1((f1 - f0).max(2.0)),
                height: 4.0,
                class: "tl tl-forecast".into(),
                opacity: 1.0,
                text: String::new(),
                title: format!("{}: {}", ms.name, f.text),
            });
        }
        c.bars.push(ChartBar {
            x: round1(x1.min(x0 + width) - width.max(0.0)).max(left - 2.0),
            y: y + 3.0,
            width: round1(width),
            height: rh - 8.0,
            class: format!("tl tl-{basis}{state}"),
            opacity: 1.0,
            text: String::new(),
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
    }
    if !periods.is_empty() {
        let y = top + rh * t.milestones.len() as f64;
        c.labels.push(ChartLabel {
            x: 0.0,
            y: y + 14.0,
            text: "Pre-election period (no publication)".into(),
            class: String::new(),
        });
        for p in &periods {
            let (x0, x1) = (x(p.start), x(p.end));
            c.bars.push(ChartBar {
                x: x0,
                y: y + 3.0,
                width: round1((x1 - x0).max(4.0)),
                height: rh - 8.0,
                class: "tl tl-pre-election".into(),
                opacity: 1.0,
                text: String::new(),
                title: p.describe(),
            });
        }
    }
    c.markers.push(ChartBar {
        x: x(today),
        y: top - 4.0,
        width: 0.0,
        height: bottom - top + 4.0,
        class: "today".into(),
        opacity: 1.0,
        text: format!("Today, {}", today.strftime("%-d %b")),
        title: String::new(),
    });
    let rows = t
        .milestones
        .iter()
        .map(|ms| {
            let mut date = match (ms.end, ms.length_days) {
                (Some(e), Some(n)) => {
                    format!("{} to {} ({})", long_date(ms.date), long_date(e), days(n))
                }
                _ => long_date(ms.date),
            };
            if ms.basis == Basis::Approximate {
                date.push_str(" (approximate)");
            }
            if let Some(cd) = ms.council_date {
                date.push_str(&format!("; the council's own date {}", long_date(cd)));
            }
            let mut status = match ms.basis {
                Basis::Actual => "Recorded",
                Basis::Approximate => "Recorded (approximate)",
                Basis::Planned if ms.firm => "Due by CQC's rule",
                Basis::Planned => "Planned",
                Basis::Estimated => "Estimated",
                Basis::Inferred => "Estimated from a later recorded date",
            }
            .to_string();
            status.push_str(match (ms.state, ms.implied_by) {
                (Some(MilestoneState::Done), Some(_)) => ", done (shown by a later recorded date)",
                (Some(MilestoneState::Done), None) => ", done",
                (Some(MilestoneState::Overdue), _) => ", overdue",
                (Some(MilestoneState::DueThisWeek), _) => ", due this week",
                (Some(MilestoneState::Upcoming), _) => ", upcoming",
                (None, _) => "",
            });
            if ms.kind == MilestoneKind::Deadline {
                if let Some(a) = ms.actual {
                    status.push_str(&format!("; delivered {}", long_date(a)));
                }
            }
            if let Some(mv) = &ms.moved_from {
                status.push_str(&format!("; moved from {mv}"));
            }
            ReportRow {
                cells: vec![
                    ms.name.clone(),
                    date,
                    status,
                    ms.forecast
                        .as_ref()
                        .map(|f| f.text.clone())
                        .unwrap_or_default(),
                    ms.source.clone(),
                ],
                class: match ms.state {
                    Some(MilestoneState::Overdue) => "overdue".into(),
                    _ => String::new(),
                },
            }
        })
        .collect();
    let status = match &t.status {
        Some(st) => st.summary.clone(),
        None => format!(
            "First notice{} on {}.",
            if t.notified_basis == Basis::Estimated {
                " (estimated)"
            } else {
                ""
            },
            long_date(t.notified)
        ),
    };
    let mut pre_election = vec![t.pre_election_note.clone()];
    pre_election.extend(t.pre_election.iter().map(|p| p.describe()));
    pre_election.push(t.publication_check.clone());
    ReportGantt {
        chart: c,
        rows,
        status,
        issues: t.issues.iter().map(|i| i.message.clone()).collect(),
        planning_note: t.planning_note.clone(),
        pre_election,
        next_assessment: t.next_assessment.as_ref().map(|n| n.text.clone()),
        forecast_note: t.forecast_note.clone(),
        notes: t.notes.clone(),
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

fn basis_word(b: Basis) -> &'static str {
    match b {
        Basis::Actual => "recorded",
        Basis::Approximate => "recorded, approximate",
        Basis::Planned => "planned",
        Basis::Estimated => "estimated",
        Basis::Inferred => "estimated from a later recorded date",
    }
}

/// The report on a workbook as of a date, as HTML and Markdown.
///
/// ```
/// use cqc_assurance::{Workbook, WorkbookReport};
/// let wb = Workbook::from_json(include_str!("../../../../examples/liverpool-workbook.json")).unwrap();
/// let report = WorkbookReport::new(&wb, "2025-04-01".parse().unwrap());
/// let html = report.html().unwrap();
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(html.contains("<svg"));
/// let md = report.markdown().unwrap();
/// assert!(md.contains("# Liverpool"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct WorkbookReport {
    analysis: WorkbookAnalysis,
    model: ReportModel,
}

impl WorkbookReport {
    /// Analyses the workbook as of `as_of` and prepares the report.
    pub fn new(workbook: &Workbook, as_of: Date) -> WorkbookReport {
        let analysis = analyse_workbook(workbook, as_of);
        let model = ReportModel::new(&analysis, workbook.notes.as_deref());
        WorkbookReport { analysis, model }
    }

    /// The analysis the report shows.
    pub fn analysis(&self) -> &WorkbookAnalysis {
        &self.analysis
    }

    /// The figures and chart geometry the templates draw.
    pub fn model(&self) -> &ReportModel {
        &self.model
    }

    /// One self-contained HTML file: inline CSS and SVG, no scripts, fonts or images fetched.
    pub fn html(&self) -> Result<String> {
        render("report.html", HTML_TEMPLATE, &self.model)
    }

    /// The same report as Markdown (tables instead of charts).
    pub fn markdown(&self) -> Result<String> {
        render("report.md", MARKDOWN_TEMPLATE, &self.model)
    }
}

/// Escapes text for a Markdown table cell or paragraph: backslash before Markdown's special
/// characters, HTML's `<`, `>` and `&` as entities, line breaks as spaces.
fn markdown_escape(s: String) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '!' | '~' => {
                out.push('\\');
                out.push(ch);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' => {}
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn render(name: &str, source: &str, model: &ReportModel) -> Result<String> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    let syntax = SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
        .map_err(|e| Error::ReportRender {
            message: e.to_string(),
        })?;
    env.set_syntax(syntax);
    env.add_filter("md", markdown_escape);
    let to_err = |e: minijinja::Error| Error::ReportRender {
        message: format!("{e:#}"),
    };
    env.add_template(name, source).map_err(to_err)?;
    let template = env.get_template(name).map_err(to_err)?;
    template.render(Value::from(Serde(model))).map_err(to_err)
}
