//! The workbook report: one self-contained HTML file (inline CSS and SVG, nothing fetched),
//! the same content as Markdown, and (cargo feature `docx`) as a Word document. Rust computes
//! the figures, the sentences and the chart geometry ([`ReportModel`]); minijinja templates
//! (`templates/report.html`, `templates/report.md`) and the Word writer (`docx.rs`) only lay
//! them out, with everything the user entered escaped for the format.

use jiff::civil::Date;
use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{Environment, UndefinedBehavior, Value};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::framework::{QualityStatement, Theme};
use crate::published::{ordinal, PublishedDataset};
use crate::score::Rating;
use crate::timeline::{Basis, Milestone, MilestoneKind, MilestoneState, Timeline};
use crate::workbook::{
    analyse_workbook_with, ActionStatus, Comparison, EvidenceState, Prediction, Workbook,
    WorkbookAnalysis,
};

mod charts;
mod preparation;
pub use preparation::{ReportSection, ReportTable};
#[cfg(feature = "docx")]
mod docx;

const HTML_TEMPLATE: &str = include_str!("../../templates/report.html");
const MARKDOWN_TEMPLATE: &str = include_str!("../../templates/report.md");

/// Width of every chart, in SVG user units.
const CHART_WIDTH: f64 = 680.0;

/// A label with a position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct ChartLabel {
    /// Left (or anchor) x.
    pub(crate) x: f64,
    /// Baseline y.
    pub(crate) y: f64,
    /// The text.
    pub(crate) text: String,
    /// CSS class (may be empty).
    pub(crate) class: String,
}

/// A rectangle with a style class and an optional caption.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct ChartBar {
    /// Left.
    pub(crate) x: f64,
    /// Top.
    pub(crate) y: f64,
    /// Width.
    pub(crate) width: f64,
    /// Height.
    pub(crate) height: f64,
    /// CSS class (`rating-good`, `score-3`, `heat-0`...).
    pub(crate) class: String,
    /// Fill opacity, 0-1.
    pub(crate) opacity: f64,
    /// Text inside or beside the rectangle.
    pub(crate) text: String,
    /// The text's colour class (`light` or `dark`: whichever has the higher contrast on the
    /// fill), empty when there is no text.
    pub(crate) text_class: String,
    /// Where the text is anchored.
    pub(crate) text_x: f64,
    /// A tooltip.
    pub(crate) title: String,
}

/// A chart: its size, what to draw, and its data as a table (the chart's text alternative).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Chart {
    /// What the chart shows, its accessible name.
    pub title: String,
    /// Width.
    pub(crate) width: f64,
    /// Height.
    pub(crate) height: f64,
    /// The column headings of the chart's data table.
    pub columns: Vec<String>,
    /// The chart's data, one row per row of the table.
    pub rows: Vec<ReportRow>,
    /// Rectangles.
    pub(crate) bars: Vec<ChartBar>,
    /// Row and axis labels.
    pub(crate) labels: Vec<ChartLabel>,
    /// Headings within the chart (theme names, column names).
    pub(crate) headings: Vec<ChartLabel>,
    /// Vertical guide lines: x, top, bottom, label.
    pub(crate) guides: Vec<ChartGuide>,
    /// Point markers (a council's figure).
    pub(crate) markers: Vec<ChartBar>,
}

/// A vertical guide line with a label at its foot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct ChartGuide {
    /// x.
    pub(crate) x: f64,
    /// Top.
    pub(crate) y1: f64,
    /// Bottom.
    pub(crate) y2: f64,
    /// The label under the line.
    pub(crate) text: String,
    /// Where the label is centred.
    pub(crate) text_x: f64,
    /// CSS class.
    pub(crate) class: String,
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
    /// The two counts in words: `2 evidence items · 1 open action`.
    pub counts: String,
    /// Strengths.
    pub strengths: Vec<String>,
    /// Areas for improvement.
    pub areas_for_improvement: Vec<String>,
    /// The council's account of the statement, if written.
    pub narrative: Option<String>,
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

/// A figure of the summary: a value and what it counts (`1` `action overdue`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportFigure {
    /// The value, `62%`.
    pub value: String,
    /// What it is, with plurals right.
    pub label: String,
}

/// The headline and the figures beside it, every one from the prediction's scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportSummary {
    /// Whether any statement is scored.
    pub predicted: bool,
    /// The headline in the tile: the rating called, `Too close to call`, or `Not yet scored`.
    pub headline: String,
    /// The tile's class: `rating-good` and the like for a rating called, `close` (a neutral
    /// colour) when it is too close to call, `none` when nothing is scored.
    pub headline_class: String,
    /// The lines under the headline: `Probability 83%`, `No uncertainty entered in the
    /// self-scores`, or one line per rating in contention (`Requires improvement 50%`).
    pub headline_detail: Vec<String>,
    /// The headline as one sentence (`Too close to call: requires improvement 50% or good
    /// 50%`), as the core's call states it.
    pub headline_sentence: String,
    /// Whether the call is too close.
    pub too_close_to_call: bool,
    /// The scenario every other figure comes from, in words.
    pub scenario: String,
    /// `22 of 36 points`.
    pub points: String,
    /// `62%`.
    pub percent: String,
    /// The scenario's rating, `Requires improvement`.
    pub scenario_rating: String,
    /// The scenario's position in its band, in CQC's words, capitalised.
    pub band_wording: String,
    /// The paragraph on the scenario (after its lead, `Figures in this summary.`): `They assume
    /// the most likely score of each statement (...): 22 of 36 points, 62%, requires
    /// improvement. Upper threshold of requires improvement, nearing good. That would place
    /// Liverpool between 51st and 56th of 76 (...).` Empty when nothing is scored.
    pub scenario_sentence: String,
    /// Each possible published percentage with its rating and probability.
    pub percentages: Vec<ReportRow>,
    /// The possible percentages in a sentence: `62% (probability 50%) or 64% (50%)`.
    pub percentages_text: String,
    /// The paragraph on the published percentage (after its lead, `Published percentage.`):
    /// `It could be 62% (50%) or 64% (50%); CQC publishes a whole number, so no percentage
    /// between these can occur.`, or `62%.` when only one can occur. Empty when nothing is
    /// scored.
    pub percentages_sentence: String,
    /// Each rating with its probability, best first.
    pub probabilities: Vec<ReportRow>,
    /// The figures beside the tile.
    pub figures: Vec<ReportFigure>,
    /// The scenario's position among published councils, in words.
    pub ranking: String,
    /// Key points in a sentence each.
    pub key_points: Vec<String>,
}

/// The rating colours the report draws with ([`Rating::colour`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatingColours {
    /// Inadequate.
    pub inadequate: String,
    /// Requires improvement.
    pub requires_improvement: String,
    /// Good.
    pub good: String,
    /// Outstanding.
    pub outstanding: String,
}

/// A link of the report's method note: `Method: how CQC determines ratings`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportLink {
    /// What the link is for, written before it: `Method`.
    pub label: String,
    /// The link's text: `how CQC determines ratings`.
    pub text: String,
    /// Its address.
    pub url: String,
}

/// The paragraphs that say how to read a section, the same in every format of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportExplanations {
    /// Under "Scores by theme": what each score means.
    pub scores: String,
    /// Under "Overall percentage against the rating bands": how the percentage is made and the
    /// bands' lower edges.
    pub bands: String,
    /// Under "Probability of each rating": how the probabilities are computed and when a rating
    /// is called.
    pub probabilities: String,
    /// Under "Evidence coverage": what is counted.
    pub coverage: String,
    /// Under "Indicators against England": what "similar" means.
    pub indicators: String,
}

/// Everything the templates draw: figures formatted for reading and chart geometry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportModel {
    /// `Liverpool`.
    pub council: String,
    /// The document's title: `Liverpool: adult social care self-assessment, 1 April 2025`.
    pub title: String,
    /// The line above the council's name on the first page: `Adult social care · CQC local
    /// authority assessment · self-assessment report`.
    pub kicker: String,
    /// The line under the council's name: `Position on 1 April 2025 · scores under the current
    /// method: each statement scored 1-4 directly`.
    pub position: String,
    /// The protective marking printed at the top and foot of every page
    /// (`OFFICIAL-SENSITIVE`), if the workbook has one.
    pub protective_marking: Option<String>,
    /// The running header of printed pages: `Liverpool · self-assessment · 1 April 2025`.
    pub running_header: String,
    /// The rating colours.
    pub colours: RatingColours,
    /// Fills of the coverage cells: no current evidence, 1, 2, 3 or more items.
    pub heat: Vec<String>,
    /// The workbook's notes.
    pub notes: Option<String>,
    /// `1 April 2025`.
    pub as_of: String,
    /// `2025-04-01`.
    pub as_of_iso: String,
    /// The rating method, in words.
    pub method: String,
    /// The four rating bands of the published percentage: `25-38% inadequate, 39-62% requires
    /// improvement, 63-87% good, 88% and above outstanding`.
    pub bands_text: String,
    /// How to read the sections.
    pub explanations: ReportExplanations,
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
    /// The whole action plan: open actions by due date (overdue ones marked), then done and
    /// cancelled ones.
    pub actions: Vec<ReportRow>,
    /// `7 actions: 5 open (2 overdue), 1 done, 1 cancelled`.
    pub action_counts: String,
    /// The paragraph above the action plan: the counts and the order of the table.
    pub action_note: String,
    /// Warnings in words.
    pub warnings: Vec<ReportRow>,
    /// Position among published councils, statement by statement.
    pub benchmark_chart: Chart,
    /// The same as a table.
    pub benchmark: Vec<ReportRow>,
    /// The position in a sentence: `With the most likely score of each statement (...),
    /// Liverpool would be between 51st and 56th of 76 (...) by overall percentage.` Empty when
    /// nothing is scored.
    pub benchmark_intro: String,
    /// Where the comparison data come from.
    pub benchmark_note: String,
    /// The note at the foot of the report: where it comes from, CQC's rule, and that the
    /// prediction carries no CQC authority.
    pub method_note: String,
    /// The sources of the method, linked after the note.
    pub method_links: Vec<ReportLink>,
    /// The assessment timeline, if the workbook has one.
    pub gantt: Option<ReportGantt>,
    /// The sections on preparing for the visit and the years after (information return, case
    /// tracking, interviews and briefings, direction of travel, assurance account): only those
    /// whose part of the workbook is filled.
    pub preparation: Vec<ReportSection>,
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
    crate::probability::percent_text(p)
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
    /// Builds the model from a workbook and its analysis.
    pub fn new(a: &WorkbookAnalysis, workbook: &Workbook) -> ReportModel {
        let notes = workbook.notes.as_deref();
        let themes = theme_groups(a, workbook);

        let method = match a.method {
            crate::method::RatingMethod::Current => {
                "current method: each statement scored 1-4 directly".to_string()
            }
            crate::method::RatingMethod::Earlier => {
                "earlier method: statement scores derived from evidence-category scores".to_string()
            }
        };
        let summary = summary(a);
        let bands_text = bands_text();
        let benchmark_intro = match &a.benchmark {
            Some(_) if summary.predicted => format!(
                "With {}, {} would be {} by overall percentage.",
                summary.scenario, a.council, summary.ranking
            ),
            _ => String::new(),
        };
        let action_counts = action_counts(a);
        ReportModel {
            council: a.council.clone(),
            title: format!(
                "{}: adult social care self-assessment, {}",
                a.council,
                long_date(a.as_of)
            ),
            kicker: "Adult social care · CQC local authority assessment · self-assessment report"
                .into(),
            position: format!("Position on {} · scores under the {method}", long_date(a.as_of)),
            protective_marking: workbook
                .protective_marking
                .as_deref()
                .map(str::trim)
                .filter(|m| !m.is_empty())
                .map(str::to_string),
            running_header: format!("{} · adult social care self-assessment · {}", a.council, long_date(a.as_of)),
            colours: RatingColours {
                inadequate: Rating::Inadequate.colour().into(),
                requires_improvement: Rating::RequiresImprovement.colour().into(),
                good: Rating::Good.colour().into(),
                outstanding: Rating::Outstanding.colour().into(),
            },
            heat: charts::HEAT.iter().map(|h| h.to_string()).collect(),
            notes: notes.map(str::to_string),
            as_of: long_date(a.as_of),
            as_of_iso: a.as_of.to_string(),
            method,
            explanations: explanations(),
            method_note: format!(
                "Prepared with cqc-assurance from the council's self-assessment workbook, position on {}. \
                 The rating rule is CQC's published method for local authority assessments (all assessed \
                 statements weigh the same; bands {bands_text}); rounding the percentage up is inferred \
                 from published results, not stated by CQC. Predictions are the council's own and carry \
                 no CQC authority.",
                a.as_of
            ),
            method_links: vec![
                ReportLink {
                    label: "Method".into(),
                    text: "how CQC determines ratings".into(),
                    url: "https://www.cqc.org.uk/guidance-regulation/local-authorities/how-we-determine-ratings".into(),
                },
                ReportLink {
                    label: "framework".into(),
                    text: "assessment framework for local authorities".into(),
                    url: "https://www.cqc.org.uk/guidance-regulation/local-authorities/assessment-framework".into(),
                },
            ],
            bands_text,
            summary,
            themes,
            score_chart: charts::score_chart(a),
            band_chart: charts::band_chart(a),
            probability_chart: charts::probability_chart(a),
            coverage_chart: charts::coverage_chart(a),
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
            coverage_table: coverage_table(a),
            indicator_chart: charts::indicator_chart(a),
            indicators: indicator_rows(a),
            evidence_attention: evidence_attention_rows(a),
            actions: action_rows(a),
            action_note: format!(
                "{action_counts}. Open actions by due date, then done and cancelled ones."
            ),
            action_counts,
            warnings: warning_rows(a),
            benchmark_chart: charts::benchmark_chart(a),
            benchmark: benchmark_rows(a),
            gantt: a.timeline.as_ref().map(|t| gantt(t, a.as_of)),
            preparation: preparation::sections(a),
            benchmark_intro,
            benchmark_note: format!(
                "Compared with the current assessment of each of the {} councils with nine published scores in the dataset of published CQC results used (sources listed per council in the dataset).",
                a.benchmark.as_ref().map(|b| b.ranking.councils).unwrap_or(0)
            ),
        }
    }
}

/// The statements of the report, grouped by theme, each with its score in words, counts and
/// the council's narrative.
fn theme_groups(a: &WorkbookAnalysis, workbook: &Workbook) -> Vec<ThemeGroup> {
    Theme::ALL
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
                    score: match (s.distribution, s.uncertain) {
                        (None, _) => "not scored".into(),
                        (Some(_), false) => s
                            .most_likely_score
                            .map(|x| x.to_string())
                            .unwrap_or_default(),
                        (Some(d), true) => {
                            let parts: Vec<String> = d
                                .iter()
                                .enumerate()
                                .filter(|(_, p)| **p > 0.0)
                                .map(|(i, p)| format!("{} ({})", i + 1, pct(*p)))
                                .collect();
                            format!("uncertain: {}", parts.join(" or "))
                        }
                    },
                    score_digit: s
                        .most_likely_score
                        .map(|x| x.to_string())
                        .unwrap_or_default(),
                    evidence_items: s.evidence_items,
                    open_actions: s.open_actions,
                    counts: format!(
                        "{} · {}",
                        plural(s.evidence_items, "evidence item", "evidence items"),
                        plural(s.open_actions, "open action", "open actions")
                    ),
                    strengths: s.strengths.clone(),
                    areas_for_improvement: s.areas_for_improvement.clone(),
                    narrative: workbook
                        .statement(s.statement)
                        .and_then(|e| e.narrative.clone())
                        .filter(|n| !n.trim().is_empty()),
                })
                .collect(),
        })
        .collect()
}

/// The evidence coverage as a table: a row per statement, a cell per category (gaps marked).
fn coverage_table(a: &WorkbookAnalysis) -> Vec<ReportRow> {
    a.coverage
        .rows
        .iter()
        .map(|r| ReportRow {
            cells: std::iter::once(statement_label(r.statement))
                .chain(
                    r.cells
                        .iter()
                        .map(|c| match (c.current, c.items - c.current) {
                            (0, 0) => "**gap**".to_string(),
                            (0, e) => format!("**gap** ({e} expired)"),
                            (n, 0) => n.to_string(),
                            (n, e) => format!("{n} (+{e} expired)"),
                        }),
                )
                .collect(),
            class: String::new(),
        })
        .collect()
}

/// The indicators as table rows: the figure against England's, with the comparison.
fn indicator_rows(a: &WorkbookAnalysis) -> Vec<ReportRow> {
    a.indicators
        .iter()
        .map(|i| ReportRow {
            cells: vec![
                i.name.clone(),
                indicator_years(i),
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
        .collect()
}

/// The evidence that needs attention (expired or due for review) as table rows.
fn evidence_attention_rows(a: &WorkbookAnalysis) -> Vec<ReportRow> {
    a.evidence_attention
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
        .collect()
}

/// The analysis's warnings as table rows: the message and where it is.
fn warning_rows(a: &WorkbookAnalysis) -> Vec<ReportRow> {
    a.warnings
        .iter()
        .map(|w| ReportRow {
            cells: vec![w.message.clone(), w.path.clone().unwrap_or_default()],
            class: w.code.clone(),
        })
        .collect()
}

/// Each statement's score against the published councils' as table rows.
fn benchmark_rows(a: &WorkbookAnalysis) -> Vec<ReportRow> {
    a.benchmark
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
        .collect()
}

/// The four bands of the published percentage in words, from [`Rating::band`]: `25-38%
/// inadequate, 39-62% requires improvement, 63-87% good, 88% and above outstanding`.
fn bands_text() -> String {
    Rating::ALL
        .iter()
        .map(|r| {
            let (lo, hi) = r.band();
            let label = r.label().to_ascii_lowercase();
            if hi == 100 {
                format!("{lo}% and above {label}")
            } else {
                format!("{lo}-{hi}% {label}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn explanations() -> ReportExplanations {
    let edges: Vec<String> = Rating::ALL
        .iter()
        .skip(1)
        .map(|r| format!("{}% {}", r.band().0, r.label().to_ascii_lowercase()))
        .collect();
    ReportExplanations {
        scores: "Each statement's self-score (1 = significant shortfalls, 2 = some shortfalls, \
             3 = good standard, 4 = exceptional)."
            .into(),
        bands: format!(
            "All assessed statements weigh the same; the percentage is the total over four points \
             per statement, rounded up (inferred from CQC's published scores). Band edges: {}.",
            edges.join(", ")
        ),
        probabilities: "Computed exactly from the probability given for each self-score \
             (statements taken as independent), then each possible total rated by CQC's rule. A \
             rating is called only when its probability is at least two in three; otherwise the \
             prediction is too close to call."
            .into(),
        coverage: "Items in the evidence register for each statement and each evidence category \
             CQC uses for councils (people's experience, staff and leaders, partners, processes). \
             Expired items do not count; a cell marked \"gap\" has no current evidence."
            .into(),
        indicators: format!(
            "\"Similar\" means within {}% of the England average (or the tolerance given for the \
             indicator); beyond that, better or worse according to whether a higher figure is \
             better.",
            num(crate::workbook::DEFAULT_SIMILAR_FRACTION * 100.0)
        ),
    }
}

/// The whole action plan as table rows: open actions by due date, then done, then cancelled
/// (each group in plan order).
fn action_rows(a: &WorkbookAnalysis) -> Vec<ReportRow> {
    let mut order: Vec<&crate::workbook::ActionSummary> = a.action_plan.iter().collect();
    order.sort_by_key(|s| {
        (
            match s.status {
                ActionStatus::Done => 1,
                ActionStatus::Cancelled => 2,
                _ => 0,
            },
            if s.status.is_open() {
                Some(s.due)
            } else {
                None
            },
            s.index,
        )
    });
    order
        .into_iter()
        .map(|s| ReportRow {
            cells: vec![
                s.id.clone(),
                s.statement
                    .map(|q| format!("QS{}", q.number()))
                    .unwrap_or_else(|| "All".into()),
                s.description.clone(),
                s.owner.clone().unwrap_or_default(),
                long_date(s.due),
                match s.days_overdue {
                    Some(d) => format!("{}, {} overdue", s.status.label(), days(i64::from(d))),
                    None => s.status.label().to_string(),
                },
                s.rag.map(|r| r.label().to_string()).unwrap_or_default(),
                match (&s.latest_progress, s.updated) {
                    (Some(n), _) => format!("{}: {}", long_date(n.date), n.note),
                    (None, Some(u)) => format!("updated {}", long_date(u)),
                    (None, None) => String::new(),
                },
            ],
            class: if s.days_overdue.is_some() {
                "overdue".into()
            } else {
                s.status.as_str().replace('_', "-")
            },
        })
        .collect()
}

/// The collection and the years of an indicator's figures, saying when they differ or are not
/// stated: a council's figure and England's are comparable only for the same year.
fn indicator_years(i: &crate::workbook::IndicatorComparison) -> String {
    match (&i.year, &i.england_year) {
        (Some(y), Some(e)) if y != e => format!(
            "{} (council {y}, England {e}: different years, not directly comparable)",
            i.collection
        ),
        (Some(y), _) => format!("{} ({y})", i.collection),
        (None, Some(e)) => format!(
            "{} (England {e}; the council's year is not stated)",
            i.collection
        ),
        (None, None) => format!("{} (year not stated)", i.collection),
    }
}

fn action_counts(a: &WorkbookAnalysis) -> String {
    let c = &a.actions;
    if c.total == 0 {
        return "No actions in the plan".into();
    }
    format!(
        "{}: {} open ({} overdue), {} done, {} cancelled",
        plural(c.total, "action", "actions"),
        c.open,
        c.overdue,
        c.done,
        c.cancelled
    )
}

/// `1 action`, `2 actions`.
pub(crate) fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// Where the scenario would rank among published councils, never better than it could: a
/// tie with other councils is shown as the range of places the tie covers.
fn ranking_text(r: &crate::published::Ranking) -> String {
    if r.equal == 0 {
        format!(
            "{} (among {} councils with nine published scores)",
            r.position(),
            r.councils
        )
    } else {
        format!(
            "{} ({} the same percentage: {} if placed after all of them)",
            r.position(),
            plural(r.equal, "published council has", "published councils have"),
            ordinal(r.rank)
        )
    }
}

fn summary(a: &WorkbookAnalysis) -> ReportSummary {
    let Some(p) = a.prediction.as_ref() else {
        return unscored_summary(a);
    };
    let sc = &p.scenario.result;
    let call = &p.call;
    let key_points = key_points(a, p);
    let mut figures = vec![ReportFigure {
        value: format!("{}%", sc.percent),
        label: format!(
            "{} of {} points, {} (the scenario)",
            sc.total,
            sc.max,
            sc.rating.label().to_ascii_lowercase()
        ),
    }];
    figures.extend(progress_figures(a));
    let (headline, headline_class, headline_detail) = headline(p);
    let percentages_text = percentages_text(p);
    let percentages: Vec<ReportRow> = p
        .probabilities
        .totals
        .iter()
        .map(|t| ReportRow {
            cells: vec![
                format!("{}%", t.percent),
                t.rating.label().to_string(),
                pct(t.probability),
            ],
            class: rating_class(t.rating),
        })
        .collect();
    let ranking = a
        .benchmark
        .as_ref()
        .map(|b| ranking_text(&b.ranking))
        .unwrap_or_default();
    let scenario_sentence = format!(
        "They assume {}: {} of {} points, {}%, {}. {}.{}",
        p.scenario.description,
        sc.total,
        sc.max,
        sc.percent,
        sc.rating.label().to_ascii_lowercase(),
        capitalised(&sc.band.wording),
        if ranking.is_empty() {
            String::new()
        } else {
            format!(" That would place {} {ranking}.", a.council)
        }
    );
    let percentages_sentence = if p.probabilities.totals.len() > 1 {
        format!(
            "It could be {percentages_text}; CQC publishes a whole number, so no percentage \
             between these can occur."
        )
    } else {
        format!("{percentages_text}.")
    };
    ReportSummary {
        predicted: true,
        headline,
        headline_class,
        headline_detail,
        headline_sentence: call.headline.clone(),
        too_close_to_call: call.too_close_to_call,
        scenario: p.scenario.description.clone(),
        points: format!("{} of {} points", sc.total, sc.max),
        percent: format!("{}%", sc.percent),
        scenario_rating: sc.rating.label().to_string(),
        band_wording: capitalised(&sc.band.wording),
        scenario_sentence,
        percentages,
        percentages_text,
        percentages_sentence,
        probabilities: p
            .probabilities
            .ratings
            .iter()
            .rev()
            .map(|r| ReportRow {
                cells: vec![r.rating.label().to_string(), pct(r.probability)],
                class: rating_class(r.rating),
            })
            .collect(),
        figures,
        ranking,
        key_points,
    }
}

/// The summary of a workbook with no self-score yet: no prediction.
fn unscored_summary(a: &WorkbookAnalysis) -> ReportSummary {
    let key_points =
        vec!["No statement has a self-score yet, so there is no prediction.".to_string()];
    let mut figures = vec![ReportFigure {
        value: "–".into(),
        label: "no scores yet".into(),
    }];
    figures.extend(progress_figures(a));
    ReportSummary {
        predicted: false,
        headline: "Not yet scored".into(),
        headline_class: "none".into(),
        headline_detail: Vec::new(),
        headline_sentence: "No statement has a self-score yet.".into(),
        too_close_to_call: false,
        scenario: String::new(),
        points: String::new(),
        percent: String::new(),
        scenario_rating: String::new(),
        band_wording: String::new(),
        scenario_sentence: String::new(),
        percentages: Vec::new(),
        percentages_text: String::new(),
        percentages_sentence: String::new(),
        probabilities: Vec::new(),
        figures,
        ranking: String::new(),
        key_points,
    }
}

/// The key figures of progress, after the headline figure: evidence coverage, statements
/// scored, overdue actions, stale evidence, consistency warnings.
fn progress_figures(a: &WorkbookAnalysis) -> Vec<ReportFigure> {
    let mut figures = Vec::new();
    figures.push(ReportFigure {
        value: format!("{} of {}", a.coverage.covered, a.coverage.cells),
        label: "statement and evidence-category cells with current evidence".into(),
    });
    let scored = a.prediction.as_ref().map(|p| p.scored).unwrap_or(0);
    figures.push(ReportFigure {
        value: format!("{scored} of 9"),
        label: "statements self-scored".into(),
    });
    figures.push(ReportFigure {
        value: a.actions.overdue.to_string(),
        label: format!(
            "{} overdue, of {} open",
            if a.actions.overdue == 1 {
                "action"
            } else {
                "actions"
            },
            a.actions.open
        ),
    });
    let attention = a.evidence_attention.len() as u32;
    figures.push(ReportFigure {
        value: attention.to_string(),
        label: format!(
            "evidence {} stale or expired",
            if attention == 1 { "item" } else { "items" }
        ),
    });
    let warnings = a.warnings.len() as u32;
    figures.push(ReportFigure {
        value: warnings.to_string(),
        label: if warnings == 1 {
            "consistency warning".into()
        } else {
            "consistency warnings".into()
        },
    });
    figures
}

/// The summary's key points of a prediction: the scenario's total or the spread, the points
/// to the next rating, the lower edge of a band, evidence gaps, indicators worse than
/// England's, overdue actions.
fn key_points(a: &WorkbookAnalysis, p: &Prediction) -> Vec<String> {
    let mut key_points = Vec::new();
    let sc = &p.scenario.result;
    let call = &p.call;
    if p.uncertain == 0 {
        key_points.push(format!(
            "The self-scores total {} of {} points, {}%: {}.",
            sc.total, sc.max, sc.percent, sc.band.wording
        ));
    } else {
        key_points.push(format!(
            "{} a spread of scores rather than one score. {}.",
            plural(p.uncertain, "statement has", "statements have"),
            call.headline
        ));
    }
    if let (Some(points), Some(next)) = (sc.band.points_to_next_rating, sc.band.next_rating) {
        key_points.push(format!(
            "{points} more {} of statement score would reach {}.",
            if points == 1 { "point" } else { "points" },
            next.label().to_ascii_lowercase()
        ));
    }
    if let (Some(0), Some(down)) = (sc.band.slack_points, sc.rating.next_down()) {
        key_points.push(format!(
            "The scenario is on the lower edge of its band: one point less would give {}.",
            down.label().to_ascii_lowercase()
        ));
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
        .count() as u32;
    if worse > 0 {
        key_points.push(format!(
            "{} worse than the England average.",
            plural(worse, "indicator is", "indicators are")
        ));
    }
    if a.actions.overdue > 0 {
        key_points.push(format!(
            "{} overdue.",
            plural(a.actions.overdue, "action is", "actions are")
        ));
    }
    key_points
}

/// The headline of a prediction: the rating called (with its probability, or that no
/// uncertainty was entered), or too close to call with the contenders.
fn headline(p: &Prediction) -> (String, String, Vec<String>) {
    let call = &p.call;
    match call.rating {
        Some(r) => (
            r.label().to_string(),
            rating_class(r),
            vec![if p.uncertain == 0 {
                "No uncertainty entered in the self-scores".to_string()
            } else {
                format!("Probability {}", pct(call.probability))
            }],
        ),
        None => (
            "Too close to call".to_string(),
            "close".to_string(),
            call.contenders
                .iter()
                .map(|c| format!("{} {}", c.rating.label(), pct(c.probability)))
                .collect(),
        ),
    }
}

/// The percentages the prediction can publish with their probabilities, in words (`62% (40%),
/// 64% (35%) or 67% (25%)`), or the one percentage.
fn percentages_text(p: &Prediction) -> String {
    let sc = &p.scenario.result;
    if p.probabilities.totals.len() == 1 {
        format!("{}%", sc.percent)
    } else {
        let parts: Vec<String> = p
            .probabilities
            .totals
            .iter()
            .map(|t| format!("{}% ({})", t.percent, pct(t.probability)))
            .collect();
        match parts.split_last() {
            Some((last, init)) if !init.is_empty() => format!("{} or {last}", init.join(", ")),
            _ => parts.join(""),
        }
    }
}

fn gantt(t: &Timeline, today: Date) -> ReportGantt {
    let rows = t.milestones.iter().map(milestone_row).collect();
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
        chart: charts::gantt_chart(t, today),
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

/// A milestone as a row of the timeline's table: its name, date, status, forecast and source.
fn milestone_row(ms: &Milestone) -> ReportRow {
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
        WorkbookReport::with_data(workbook, as_of, PublishedDataset::bundled())
    }

    /// Analyses the workbook as of `as_of`, its benchmark taken from the given published
    /// results (see [`analyse_workbook_with`]), and prepares the
    /// report.
    pub fn with_data(workbook: &Workbook, as_of: Date, data: &PublishedDataset) -> WorkbookReport {
        let analysis = analyse_workbook_with(workbook, as_of, data);
        let model = ReportModel::new(&analysis, workbook);
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

    /// The same report as a Word document (.docx) for a board paper: the sections, figures
    /// and words of the HTML report, each chart as its data table; A4 portrait, a running
    /// header with the council and the date, "Page N of M" in the footer, the protective
    /// marking at the top and foot of every page when there is one, Word's built-in heading
    /// styles, tables with a header row repeated on each page, language en-GB. See
    /// [`ReportModel::docx`].
    ///
    /// ```
    /// use cqc_assurance::{Workbook, WorkbookReport};
    /// let wb = Workbook::from_json(include_str!("../../../../examples/liverpool-workbook.json")).unwrap();
    /// let report = WorkbookReport::new(&wb, "2025-04-01".parse().unwrap());
    /// let bytes = report.docx().unwrap();
    /// // A .docx file is a zip archive.
    /// assert!(bytes.starts_with(b"PK\x03\x04"));
    /// ```
    #[cfg(feature = "docx")]
    pub fn docx(&self) -> Result<Vec<u8>> {
        self.model.docx()
    }
}

impl ReportModel {
    /// The report of this model as a Word document (.docx): what
    /// [`WorkbookReport::docx`] writes, from a model that may have been changed (a protective
    /// marking set, say). Nothing is computed from the model: it is laid out as it is.
    ///
    /// ```
    /// use cqc_assurance::{Workbook, WorkbookReport};
    /// let wb = Workbook::from_json(include_str!("../../../../examples/liverpool-workbook.json")).unwrap();
    /// let mut model = WorkbookReport::new(&wb, "2025-04-01".parse().unwrap()).model().clone();
    /// model.protective_marking = Some("OFFICIAL-SENSITIVE".into());
    /// let bytes = model.docx().unwrap();
    /// assert!(bytes.starts_with(b"PK"));
    /// ```
    #[cfg(feature = "docx")]
    pub fn docx(&self) -> Result<Vec<u8>> {
        docx::document(self)
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

/// Text as a quoted CSS string (for the printed page's running header): every character other
/// than letters, digits, spaces and a few safe marks is written as a CSS hex escape, so that no
/// text entered in the workbook can end the string or the style sheet.
fn css_string(s: String) -> Value {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() || matches!(ch, ' ' | '-' | ',' | '.' | ':' | '(' | ')') {
            out.push(ch);
        } else {
            out.push_str(&format!("\\{:x} ", u32::from(ch)));
        }
    }
    out.push('"');
    Value::from_safe_string(out)
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
    env.add_filter("css", css_string);
    let to_err = |e: minijinja::Error| Error::ReportRender {
        message: format!("{e:#}"),
    };
    env.add_template(name, source).map_err(to_err)?;
    let template = env.get_template(name).map_err(to_err)?;
    template.render(Value::from(Serde(model))).map_err(to_err)
}
