//! Analyses of a workbook as of a date: the predicted rating and the probability of each
//! rating, evidence coverage and its gaps, stale or expired evidence, indicators against
//! England, overdue actions, consistency warnings, and where the predicted scores sit among
//! published councils. Every result is a plain serialisable struct.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::error::{Error, ErrorReport};
use crate::framework::{EvidenceCategory, LocalAuthorityUse, QualityStatement, Theme};
use crate::method::RatingMethod;
use crate::probability::{
    rating_probabilities, RatingCall, RatingProbabilities, ScoreDistribution,
};
use crate::published::{PublishedDataset, Ranking};
use crate::rating::{rate, RatingResult};
use crate::score::{Rating, Score};

use crate::timeline::{plan_timeline, Timeline};

use super::assurance::{
    analyse_preparation, AccountEntry, Calibration, CaseTrackingSummary, DirectionOfTravel,
    InformationReturnStatus, InterviewSchedule,
};
use super::document::{timeline_input, ActionStatus, ProgressNote, Rag, SelfScore, Workbook};

/// A problem worth a look that does not stop the workbook being read: a statement not scored,
/// a statement with no evidence, a high self-score against poor indicators...
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct Warning {
    /// Stable code: `statement_not_scored`, `no_evidence`, `score_above_indicators`,
    /// `low_score_without_action`, `category_not_in_use`, `review_before_date`,
    /// `timeline_not_planned`, `interview_outside_visit`, and when a field of the case
    /// register (or an interview's note) looks like personal data `possible_name`,
    /// `possible_nhs_number`, `possible_date_of_birth`.
    pub code: String,
    /// The field concerned, where there is one.
    pub path: Option<String>,
    /// The statement concerned, where there is one.
    pub statement: Option<QualityStatement>,
    /// A sentence for people.
    pub message: String,
}

/// The predicted outcome of the self-scores.
///
/// Every figure beside the headline comes from one stated [`Scenario`], whose rating is the
/// rating called or, when it is too close to call, the worse of the ratings in contention: so
/// the total, percentage, band position, rank and benchmark never show a better position than
/// the headline supports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct Prediction {
    /// The headline: one rating when its probability is at least two in three
    /// ([`CALL_THRESHOLD`](crate::CALL_THRESHOLD)), otherwise too close to call.
    pub call: RatingCall,
    /// Statements with a self-score.
    pub scored: u32,
    /// Of these, statements whose self-score is a spread of probabilities rather than one
    /// score (0: the prediction is the rating of the scores as entered).
    pub uncertain: u32,
    /// The probability of each rating, and of each total and published percentage.
    pub probabilities: RatingProbabilities,
    /// The scores the figures beside the headline are worked out from.
    pub scenario: Scenario,
}

/// One set of statement scores, rated by CQC's rule: the basis of every figure in a report's
/// summary (total, percentage, band position, rank, benchmark).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct Scenario {
    /// What the scores are, in words: `the self-scores as entered`, `the most likely score
    /// of each statement (the lower score on a tie)`, or `the most likely scores that give
    /// requires improvement, the worse of the ratings too close to call`.
    pub description: String,
    /// The probability of exactly these scores (1 when no self-score is uncertain).
    pub probability: f64,
    /// The scores rated: total, percentage, rating and position in the band.
    pub result: RatingResult,
}

/// One statement's self-assessment, as analysed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct StatementSummary {
    /// The statement.
    pub statement: QualityStatement,
    /// Its number, 1-9.
    pub number: u8,
    /// Its name.
    pub name: String,
    /// Its theme.
    pub theme: Theme,
    /// Probabilities of scores 1-4, or `None` if not scored.
    pub distribution: Option<[f64; 4]>,
    /// The most likely score (the lower one on a tie), if scored.
    pub most_likely_score: Option<Score>,
    /// The score in the prediction's [`Scenario`], if scored.
    pub scenario_score: Option<Score>,
    /// The expected score, if scored.
    pub expected_score: Option<f64>,
    /// Whether the self-score is a spread of probabilities rather than one score.
    pub uncertain: bool,
    /// Evidence items supporting it (expired ones included).
    pub evidence_items: u32,
    /// Indicators linked to it.
    pub indicators: u32,
    /// Open actions for it.
    pub open_actions: u32,
    /// Strengths, as entered.
    pub strengths: Vec<String>,
    /// Areas for improvement, as entered.
    pub areas_for_improvement: Vec<String>,
}

/// One cell of the coverage matrix: the evidence for a statement in a category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct CoverageCell {
    /// The category.
    pub category: EvidenceCategory,
    /// Items in the register for this statement and category.
    pub items: u32,
    /// Of these, items not expired on the analysis date.
    pub current: u32,
}

/// One row of the coverage matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct CoverageRow {
    /// The statement.
    pub statement: QualityStatement,
    /// One cell per category, in the order of [`Coverage::categories`].
    pub cells: Vec<CoverageCell>,
}

/// A statement and category with no current evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct CoverageGap {
    /// The statement.
    pub statement: QualityStatement,
    /// The category.
    pub category: EvidenceCategory,
}

/// The coverage matrix, statement × evidence category, over the categories CQC uses for
/// councils ([`EvidenceCategory::local_authority_categories`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct Coverage {
    /// The columns.
    pub categories: Vec<EvidenceCategory>,
    /// Nine rows in CQC's order.
    pub rows: Vec<CoverageRow>,
    /// Cells with no current (unexpired) evidence, row by row.
    pub gaps: Vec<CoverageGap>,
    /// Cells with at least one current item.
    pub covered: u32,
    /// All cells (9 × categories).
    pub cells: u32,
}

/// Why an evidence item needs attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EvidenceState {
    /// Past its expiry date: it no longer counts towards coverage.
    Expired,
    /// Past its review date (or, without one, older than the workbook's review period).
    Stale,
}

/// An evidence item that is stale or expired on the analysis date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct EvidenceAttention {
    /// Position in the register.
    pub index: usize,
    /// The item's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its owner.
    pub owner: Option<String>,
    /// Expired or stale.
    pub state: EvidenceState,
    /// The date that passed (expiry, review, or date + review period).
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub since: Date,
    /// Days from that date to the analysis date.
    pub days: i32,
    /// Why, in words.
    pub reason: String,
}

/// How a council's figure compares with England.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// Better than England by more than the tolerance.
    Better,
    /// Within the tolerance of England (either way, edge included).
    Similar,
    /// Worse than England by more than the tolerance.
    Worse,
}

/// One indicator against the England average.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct IndicatorComparison {
    /// Position in the workbook's list.
    pub index: usize,
    /// What it measures.
    pub name: String,
    /// Survey or collection.
    pub collection: String,
    /// Year of the council's figure.
    pub year: Option<String>,
    /// Year of the England figure, where it differs from the council's.
    pub england_year: Option<String>,
    /// Unit.
    pub unit: Option<String>,
    /// The council's figure, if entered.
    pub value: Option<f64>,
    /// England's.
    pub england_average: f64,
    /// Whether higher is better.
    pub higher_is_better: bool,
    /// The tolerance used for "similar".
    pub tolerance: f64,
    /// Council minus England, if entered.
    pub difference: Option<f64>,
    /// Better, similar or worse; `None` if the council's figure is not entered.
    pub comparison: Option<Comparison>,
    /// Statements it speaks to.
    pub statements: Vec<QualityStatement>,
    /// Where the figures come from.
    pub reference: Option<String>,
}

/// An open action past its due date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct OverdueAction {
    /// Position in the plan.
    pub index: usize,
    /// The action's id.
    pub id: String,
    /// Its statement.
    pub statement: Option<QualityStatement>,
    /// What was to be done.
    pub description: String,
    /// Who owns it.
    pub owner: Option<String>,
    /// When it was due.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub due: Date,
    /// Where it stands.
    pub status: ActionStatus,
    /// Days past due on the analysis date.
    pub days_overdue: i32,
}

/// One action of the plan, as analysed: the action and whether it is overdue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct ActionSummary {
    /// Position in the plan.
    pub index: usize,
    /// The action's id.
    pub id: String,
    /// Its statement, or `None` for an action across statements.
    pub statement: Option<QualityStatement>,
    /// What will be done.
    pub description: String,
    /// Who owns it.
    pub owner: Option<String>,
    /// When it is due.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub due: Date,
    /// Where it stands.
    pub status: ActionStatus,
    /// Days past due on the analysis date, for an open action past its due date.
    pub days_overdue: Option<i32>,
    /// Its red, amber or green status, if given.
    pub rag: Option<Rag>,
    /// When it was last updated, if given.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "Option<crate::declarations::IsoDate>"),
        schemars(with = "Option<crate::declarations::IsoDate>")
    )]
    pub updated: Option<Date>,
    /// The latest of its progress notes (by date; the last written on a tie).
    pub latest_progress: Option<ProgressNote>,
}

/// Counts of the action plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct ActionCounts {
    /// All actions.
    pub total: u32,
    /// Not started, in progress or blocked.
    pub open: u32,
    /// Done.
    pub done: u32,
    /// Cancelled.
    pub cancelled: u32,
    /// Open and past due.
    pub overdue: u32,
}

/// How the published councils scored one statement, against the workbook's most likely score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct StatementBenchmark {
    /// The statement.
    pub statement: QualityStatement,
    /// The workbook's most likely score.
    pub score: Score,
    /// Councils scored 1, 2, 3 and 4.
    pub counts: [u32; 4],
    /// Councils compared.
    pub councils: u32,
    /// Their mean score.
    pub mean: f64,
    /// Councils with a lower score.
    pub lower: u32,
    /// Councils with the same score.
    pub same: u32,
    /// Councils with a higher score.
    pub higher: u32,
}

/// Where the predicted (most likely) scores sit among the councils with nine published
/// scores (the current assessment of each) in the published results used: the bundled ones
/// unless others are given ([`analyse_workbook_with`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct Benchmark {
    /// Overall position by percentage.
    pub ranking: Ranking,
    /// Statement by statement.
    pub statements: Vec<StatementBenchmark>,
}

/// Everything the workbook says as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct WorkbookAnalysis {
    /// The council.
    pub council: String,
    /// The date the analysis is for.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub as_of: Date,
    /// The rating method of the self-scores.
    pub method: RatingMethod,
    /// The prediction, or `None` if no statement is scored.
    pub prediction: Option<Prediction>,
    /// The nine statements.
    pub statements: Vec<StatementSummary>,
    /// Evidence coverage.
    pub coverage: Coverage,
    /// Evidence items in the register.
    pub evidence_items: u32,
    /// Stale or expired evidence.
    pub evidence_attention: Vec<EvidenceAttention>,
    /// Indicators against England, in the workbook's order.
    pub indicators: Vec<IndicatorComparison>,
    /// Action plan counts.
    pub actions: ActionCounts,
    /// Every action of the plan, in the plan's order.
    pub action_plan: Vec<ActionSummary>,
    /// Open actions past due, most overdue first.
    pub overdue_actions: Vec<OverdueAction>,
    /// Consistency warnings.
    pub warnings: Vec<Warning>,
    /// Position among published councils, if any statement is scored.
    pub benchmark: Option<Benchmark>,
    /// The assessment timeline with its status on the analysis date, if the workbook has one.
    pub timeline: Option<Timeline>,
    /// The information return tracker's counts and gaps, if the workbook has one.
    pub information_return: Option<InformationReturnStatus>,
    /// The case-tracking register in counts, if the workbook has one.
    pub case_tracking: Option<CaseTrackingSummary>,
    /// The interview schedule and briefing pack, if the workbook has interviews.
    pub interviews: Option<InterviewSchedule>,
    /// The direction of travel per statement, if the workbook has earlier self-assessments.
    pub direction_of_travel: Option<DirectionOfTravel>,
    /// Earlier self-assessments against CQC's published scores, where given.
    pub calibration: Vec<Calibration>,
    /// The assurance account ("you said, we did") from the actions done.
    pub assurance_account: Vec<AccountEntry>,
}

/// The result of checking a workbook document: every error (each with its path), and, when
/// it reads, its warnings and analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct WorkbookCheck {
    /// No errors.
    pub valid: bool,
    /// Every problem that stops the workbook being read.
    pub errors: Vec<ErrorReport>,
    /// Warnings (empty when there are errors).
    pub warnings: Vec<Warning>,
    /// The analysis, when the workbook reads.
    pub analysis: Option<WorkbookAnalysis>,
}

/// Reads and analyses a workbook document, reporting every problem rather than the first.
///
/// ```
/// use cqc_assurance::{check_workbook, Workbook};
/// let today = "2025-06-30".parse().unwrap();
/// let check = check_workbook(&Workbook::new("Anytown").to_json(), today);
/// assert!(check.valid);
/// assert!(check.warnings.iter().any(|w| w.code == "statement_not_scored"));
///
/// let check = check_workbook(r#"{"version": 1, "council": "", "statements": {}}"#, today);
/// assert!(!check.valid);
/// assert_eq!(check.errors.iter().filter(|e| e.code == "missing_statement").count(), 9);
/// assert!(check.errors.iter().any(|e| e.code == "empty_field" && e.path.as_deref() == Some("council")));
/// ```
pub fn check_workbook(text: &str, as_of: Date) -> WorkbookCheck {
    check_workbook_with(text, as_of, PublishedDataset::bundled())
}

/// [`check_workbook`] with the benchmark taken from another set of published results (one
/// read with [`PublishedDataset::from_csv`]) instead of the bundled one.
///
/// ```
/// use cqc_assurance::{check_workbook_with, PublishedDataset, Workbook};
/// let text = include_str!("../../../../examples/liverpool-workbook.json");
/// let data = PublishedDataset::from_csv(&PublishedDataset::bundled().to_csv()).unwrap();
/// let check = check_workbook_with(text, "2025-06-30".parse().unwrap(), &data);
/// assert!(check.analysis.unwrap().benchmark.is_some());
/// ```
pub fn check_workbook_with(text: &str, as_of: Date, data: &PublishedDataset) -> WorkbookCheck {
    match Workbook::from_json_all(text) {
        Ok(wb) => {
            let analysis = analyse_workbook_with(&wb, as_of, data);
            WorkbookCheck {
                valid: true,
                errors: Vec::new(),
                warnings: analysis.warnings.clone(),
                analysis: Some(analysis),
            }
        }
        Err(errors) => WorkbookCheck {
            valid: false,
            errors: errors.iter().map(Error::report).collect(),
            warnings: Vec::new(),
            analysis: None,
        },
    }
}

/// Days from `from` to `to` (negative if `to` is earlier). By day numbers rather than jiff's
/// `Date - Date`, whose `expect` would pull jiff's error formatting into the WebAssembly module.
pub(super) fn days_between(from: Date, to: Date) -> i32 {
    // Both dates are within jiff's years -9999..=9999: the difference fits an i32.
    (crate::timeline::day_number(to) - crate::timeline::day_number(from)) as i32
}

/// `date` plus `months` calendar months, the day clamped to the end of a shorter month
/// (31 January + 1 month is the last day of February), as jiff's `Date + Span` does; `None`
/// past the end of jiff's calendar (year 9999). Written out because jiff's span arithmetic
/// (rounding, relative units, their error messages) is a large part of the WebAssembly module.
fn add_months(date: Date, months: u32) -> Option<Date> {
    let index = i64::from(date.year()) * 12 + i64::from(date.month() - 1) + i64::from(months);
    let year = i16::try_from(index.div_euclid(12)).ok()?;
    let month = (index.rem_euclid(12) + 1) as i8;
    let first = Date::new(year, month, 1).ok()?;
    Date::new(year, month, date.day().min(first.days_in_month())).ok()
}

/// The most likely score of a distribution: the highest probability, the lower score on a tie
/// (a tie never rounds in the council's favour).
pub(super) fn mode(p: [f64; 4]) -> Score {
    let mut best = 0;
    for i in 1..4 {
        if p[i] > p[best] {
            best = i;
        }
    }
    Score::ALL[best]
}

/// Compares a council's figure with England's: within the tolerance (edge included, with a
/// margin of 1e-9 for decimal figures) is similar; otherwise better or worse by direction.
///
/// ```
/// use cqc_assurance::{compare_with_england, Comparison};
/// // Liverpool's carers with control over daily life: 14.36% against England's 21.53%.
/// assert_eq!(compare_with_england(14.36, 21.53, true, 1.0765), Comparison::Worse);
/// assert_eq!(compare_with_england(21.0, 21.53, true, 1.0765), Comparison::Similar);
/// assert_eq!(compare_with_england(10.0, 21.53, false, 1.0765), Comparison::Better);
/// ```
pub fn compare_with_england(
    value: f64,
    england: f64,
    higher_is_better: bool,
    tolerance: f64,
) -> Comparison {
    let diff = value - england;
    if diff.abs() <= tolerance + 1e-9 * england.abs().max(1.0) {
        Comparison::Similar
    } else if (diff > 0.0) == higher_is_better {
        Comparison::Better
    } else {
        Comparison::Worse
    }
}

/// Analyses a workbook as of a date (see [`WorkbookAnalysis`]). Works on any workbook value;
/// a statement with no entry is treated as not scored and warned about.
///
/// ```
/// use cqc_assurance::{analyse_workbook, Rating, Workbook};
/// let wb = Workbook::from_json(include_str!("../../../../examples/liverpool-workbook.json")).unwrap();
/// let a = analyse_workbook(&wb, "2025-06-30".parse().unwrap());
/// let p = a.prediction.unwrap();
/// // Partnerships is 2 in press coverage and 3 on CQC's report pages: modelled as 50/50.
/// assert_eq!(p.probabilities.probability(Rating::Good), 0.5);
/// assert_eq!(p.probabilities.probability(Rating::RequiresImprovement), 0.5);
/// // An even chance is too close to call, and the figures assume the worse rating.
/// assert!(p.call.too_close_to_call);
/// assert_eq!(p.scenario.result.rating, Rating::RequiresImprovement);
/// assert_eq!((p.scenario.result.total, p.scenario.result.percent), (22, 62));
/// ```
pub fn analyse_workbook(wb: &Workbook, as_of: Date) -> WorkbookAnalysis {
    analyse_workbook_with(wb, as_of, PublishedDataset::bundled())
}

/// [`analyse_workbook`] with the benchmark (where the most likely scores sit among published
/// councils) taken from another set of published results instead of the bundled one.
pub fn analyse_workbook_with(
    wb: &Workbook,
    as_of: Date,
    data: &PublishedDataset,
) -> WorkbookAnalysis {
    let mut warnings = Vec::new();
    let prediction = wb.prediction();
    let statements = statement_summaries(wb, prediction.as_ref(), &mut warnings);
    let coverage = evidence_coverage(wb, as_of);
    let evidence_attention = evidence_needing_attention(wb, as_of, &mut warnings);
    let indicators = indicator_comparisons(wb);
    let overdue_actions = overdue_actions(wb, as_of);
    let action_plan = action_plan(wb, as_of);
    let actions = action_counts(wb, overdue_actions.len());
    statement_consistency_warnings(wb, &statements, &indicators, &mut warnings);
    let benchmark = prediction.as_ref().map(|p| benchmark(&p.scenario, data));
    let timeline = planned_timeline(wb, as_of, &mut warnings);
    let preparation = analyse_preparation(wb, as_of, &indicators, timeline.as_ref(), &mut warnings);

    WorkbookAnalysis {
        council: wb.council.clone(),
        as_of,
        method: wb.method,
        prediction,
        statements,
        coverage,
        evidence_items: wb.evidence.len() as u32,
        evidence_attention,
        indicators,
        actions,
        action_plan,
        overdue_actions,
        warnings,
        benchmark,
        timeline,
        information_return: preparation.information_return,
        case_tracking: preparation.case_tracking,
        interviews: preparation.interviews,
        direction_of_travel: preparation.direction_of_travel,
        calibration: preparation.calibration,
        assurance_account: preparation.assurance_account,
    }
}

/// The nine statements' self-scores with their scenario scores, warning of each not scored.
fn statement_summaries(
    wb: &Workbook,
    prediction: Option<&Prediction>,
    warnings: &mut Vec<Warning>,
) -> Vec<StatementSummary> {
    let mut statements = Vec::new();
    for qs in QualityStatement::ALL {
        let entry = wb.statement(qs);
        let score = entry.map(|e| e.self_score).unwrap_or(SelfScore::NotScored);
        let dist = score.distribution();
        if dist.is_none() {
            warnings.push(Warning {
                code: "statement_not_scored".into(),
                path: Some(format!("statements.{}.self_score", qs.id())),
                statement: Some(qs),
                message: format!(
                    "QS{} {} has no self-score yet; the prediction leaves it out.",
                    qs.number(),
                    qs.name()
                ),
            });
        }
        let evidence_items = wb
            .evidence
            .iter()
            .filter(|e| e.supports.contains(&qs))
            .count() as u32;
        statements.push(StatementSummary {
            statement: qs,
            number: qs.number(),
            name: qs.name().to_string(),
            theme: qs.theme(),
            distribution: dist.map(|d| d.get()),
            most_likely_score: dist.map(|d| mode(d.get())),
            scenario_score: None,
            expected_score: dist.map(|d| d.mean()),
            uncertain: dist.is_some() && score.certain().is_none(),
            evidence_items,
            indicators: wb
                .indicators
                .iter()
                .filter(|i| i.statements.contains(&qs))
                .count() as u32,
            open_actions: wb
                .actions
                .iter()
                .filter(|a| a.statement == Some(qs) && a.status.is_open())
                .count() as u32,
            strengths: entry.map(|e| e.strengths.clone()).unwrap_or_default(),
            areas_for_improvement: entry
                .map(|e| e.areas_for_improvement.clone())
                .unwrap_or_default(),
        });
    }
    if let Some(p) = prediction {
        for sr in &p.scenario.result.statements {
            statements[sr.statement.index()].scenario_score = Some(sr.score);
        }
    }
    statements
}

/// The coverage matrix over the categories CQC uses for councils, and its gaps.
fn evidence_coverage(wb: &Workbook, as_of: Date) -> Coverage {
    let categories = EvidenceCategory::local_authority_categories().to_vec();
    let expired = |i: usize| wb.evidence[i].expires.is_some_and(|d| d < as_of);
    let rows: Vec<CoverageRow> = QualityStatement::ALL
        .into_iter()
        .map(|qs| CoverageRow {
            statement: qs,
            cells: categories
                .iter()
                .map(|&category| {
                    let matching: Vec<usize> = (0..wb.evidence.len())
                        .filter(|&i| {
                            wb.evidence[i].category == category
                                && wb.evidence[i].supports.contains(&qs)
                        })
                        .collect();
                    CoverageCell {
                        category,
                        items: matching.len() as u32,
                        current: matching.iter().filter(|&&i| !expired(i)).count() as u32,
                    }
                })
                .collect(),
        })
        .collect();
    let gaps: Vec<CoverageGap> = rows
        .iter()
        .flat_map(|r| {
            r.cells
                .iter()
                .filter(|c| c.current == 0)
                .map(|c| CoverageGap {
                    statement: r.statement,
                    category: c.category,
                })
        })
        .collect();
    let cells = (rows.len() * categories.len()) as u32;
    Coverage {
        covered: cells - gaps.len() as u32,
        cells,
        categories,
        rows,
        gaps,
    }
}

/// Stale or expired evidence, warning of items outside the categories in use or with a
/// review or expiry date before their own date.
fn evidence_needing_attention(
    wb: &Workbook,
    as_of: Date,
    warnings: &mut Vec<Warning>,
) -> Vec<EvidenceAttention> {
    let mut evidence_attention = Vec::new();
    for (i, e) in wb.evidence.iter().enumerate() {
        if e.category.local_authority_use() != LocalAuthorityUse::Used {
            warnings.push(Warning {
                code: "category_not_in_use".into(),
                path: Some(format!("evidence[{i}].category")),
                statement: None,
                message: format!(
                    "Evidence {} is filed under {}, which CQC did not use for councils in the baselining round; it does not count towards coverage.",
                    e.id,
                    e.category.name()
                ),
            });
        }
        for (field, d) in [("review_by", e.review_by), ("expires", e.expires)] {
            if let Some(d) = d.filter(|d| *d < e.date) {
                warnings.push(Warning {
                    code: "review_before_date".into(),
                    path: Some(format!("evidence[{i}].{field}")),
                    statement: None,
                    message: format!(
                        "Evidence {}: {field} {d} is before the item's own date {}.",
                        e.id, e.date
                    ),
                });
            }
        }
        let attention = if let Some(x) = e.expires.filter(|x| *x < as_of) {
            Some((EvidenceState::Expired, x, format!("expired on {x}")))
        } else if let Some(r) = e.review_by {
            (r < as_of).then(|| (EvidenceState::Stale, r, format!("review was due by {r}")))
        } else if e.expires.is_none() {
            add_months(e.date, wb.review_after_months)
                .filter(|due| *due < as_of)
                .map(|due| {
                    (
                        EvidenceState::Stale,
                        due,
                        format!(
                            "no review date, and more than {} months old",
                            wb.review_after_months
                        ),
                    )
                })
        } else {
            None
        };
        if let Some((state, since, reason)) = attention {
            evidence_attention.push(EvidenceAttention {
                index: i,
                id: e.id.clone(),
                title: e.title.clone(),
                owner: e.owner.clone(),
                state,
                since,
                days: days_between(since, as_of),
                reason,
            });
        }
    }
    evidence_attention
}

/// Each indicator against England, in the workbook's order.
fn indicator_comparisons(wb: &Workbook) -> Vec<IndicatorComparison> {
    wb.indicators
        .iter()
        .enumerate()
        .map(|(index, ind)| {
            let tolerance = ind.tolerance();
            IndicatorComparison {
                index,
                name: ind.name.clone(),
                collection: ind.collection.clone(),
                year: ind.year.clone(),
                england_year: ind.england_year.clone(),
                unit: ind.unit.clone(),
                value: ind.value,
                england_average: ind.england_average,
                higher_is_better: ind.higher_is_better,
                tolerance,
                difference: ind.value.map(|v| v - ind.england_average),
                comparison: ind.value.map(|v| {
                    compare_with_england(v, ind.england_average, ind.higher_is_better, tolerance)
                }),
                statements: ind.statements.clone(),
                reference: ind.reference.clone(),
            }
        })
        .collect()
}

/// Open actions past due on the analysis date, most overdue first.
fn overdue_actions(wb: &Workbook, as_of: Date) -> Vec<OverdueAction> {
    let mut overdue_actions: Vec<OverdueAction> = wb
        .actions
        .iter()
        .enumerate()
        .filter(|(_, a)| a.status.is_open() && a.due < as_of)
        .map(|(index, a)| OverdueAction {
            index,
            id: a.id.clone(),
            statement: a.statement,
            description: a.description.clone(),
            owner: a.owner.clone(),
            due: a.due,
            status: a.status,
            days_overdue: days_between(a.due, as_of),
        })
        .collect();
    overdue_actions.sort_unstable_by(|a, b| {
        b.days_overdue
            .cmp(&a.days_overdue)
            .then(a.index.cmp(&b.index))
    });
    overdue_actions
}

/// Every action of the plan in its order, with its days overdue and latest progress note.
fn action_plan(wb: &Workbook, as_of: Date) -> Vec<ActionSummary> {
    wb.actions
        .iter()
        .enumerate()
        .map(|(index, a)| ActionSummary {
            index,
            id: a.id.clone(),
            statement: a.statement,
            description: a.description.clone(),
            owner: a.owner.clone(),
            due: a.due,
            status: a.status,
            days_overdue: (a.status.is_open() && a.due < as_of).then(|| days_between(a.due, as_of)),
            rag: a.rag,
            updated: a.updated,
            latest_progress: a
                .progress
                .iter()
                .enumerate()
                .max_by_key(|(i, n)| (n.date, *i))
                .map(|(_, n)| n.clone()),
        })
        .collect()
}

/// The action plan's counts by status, with the number overdue.
fn action_counts(wb: &Workbook, overdue: usize) -> ActionCounts {
    let count =
        |f: &dyn Fn(ActionStatus) -> bool| wb.actions.iter().filter(|a| f(a.status)).count() as u32;
    ActionCounts {
        total: wb.actions.len() as u32,
        open: count(&|s| s.is_open()),
        done: count(&|s| s == ActionStatus::Done),
        cancelled: count(&|s| s == ActionStatus::Cancelled),
        overdue: overdue as u32,
    }
}

/// Warnings statement by statement: no evidence, a good score against poor indicators, a low
/// score without an action.
fn statement_consistency_warnings(
    wb: &Workbook,
    statements: &[StatementSummary],
    indicators: &[IndicatorComparison],
    warnings: &mut Vec<Warning>,
) {
    for s in statements {
        warnings.extend(no_evidence_warning(s));
        warnings.extend(score_above_indicators_warning(s, indicators));
        warnings.extend(low_score_without_action_warning(wb, s));
    }
}

/// The chance that a statement's self-score is one of `scores` (0-based: `0..=1` is a score
/// of 1 or 2); 0 for a statement not scored.
fn chance_of(s: &StatementSummary, scores: std::ops::RangeInclusive<usize>) -> f64 {
    s.distribution
        .map_or(0.0, |d| d[scores].iter().sum::<f64>())
}

/// How a statement was self-scored, for a warning about a low (`low`) or a good score: the
/// score, or the chance of the scores the warning is about.
fn self_scored(s: &StatementSummary, low: bool) -> String {
    match (s.uncertain, s.most_likely_score) {
        (false, Some(score)) => format!("self-scored {score}"),
        _ if low => format!(
            "self-scored with a {} chance of 2 or less",
            crate::probability::percent_text(chance_of(s, 0..=1))
        ),
        _ => format!(
            "self-scored with a {} chance of 3 or more",
            crate::probability::percent_text(chance_of(s, 2..=3))
        ),
    }
}

// Both score warnings are raised when in doubt: a spread with an even chance or more of a good
// score is challenged like a good score, and one with an even chance or more of a low score
// needs an action like a low score.
const EVEN_CHANCE: f64 = 0.5 - 1e-9;

/// `no_evidence`: the register holds nothing for the statement.
fn no_evidence_warning(s: &StatementSummary) -> Option<Warning> {
    let qs = s.statement;
    (s.evidence_items == 0).then(|| Warning {
        code: "no_evidence".into(),
        path: Some(format!("statements.{}", qs.id())),
        statement: Some(qs),
        message: format!(
            "QS{} {} has no evidence in the register.",
            qs.number(),
            qs.name()
        ),
    })
}

/// `score_above_indicators`: a good score (or an even chance of one) while every indicator
/// linked to the statement is worse than England.
fn score_above_indicators_warning(
    s: &StatementSummary,
    indicators: &[IndicatorComparison],
) -> Option<Warning> {
    let qs = s.statement;
    let linked: Vec<&IndicatorComparison> = indicators
        .iter()
        .filter(|i| i.statements.contains(&qs) && i.comparison.is_some())
        .collect();
    let all_worse = !linked.is_empty()
        && linked
            .iter()
            .all(|i| i.comparison == Some(Comparison::Worse));
    (chance_of(s, 2..=3) >= EVEN_CHANCE && all_worse).then(|| Warning {
        code: "score_above_indicators".into(),
        path: Some(format!("statements.{}.self_score", qs.id())),
        statement: Some(qs),
        message: format!(
            "QS{} {} is {} but every linked indicator ({}) is worse than England: expect to be challenged on it.",
            qs.number(),
            qs.name(),
            self_scored(s, false),
            linked.iter().map(|i| i.name.as_str()).collect::<Vec<_>>().join("; ")
        ),
    })
}

/// `low_score_without_action`: a low score (or an even chance of one) and no action in the
/// plan for the statement (cancelled actions do not count).
fn low_score_without_action_warning(wb: &Workbook, s: &StatementSummary) -> Option<Warning> {
    let qs = s.statement;
    let has_action = wb
        .actions
        .iter()
        .any(|a| a.statement == Some(qs) && a.status != ActionStatus::Cancelled);
    (chance_of(s, 0..=1) >= EVEN_CHANCE && !has_action).then(|| Warning {
        code: "low_score_without_action".into(),
        path: Some(format!("statements.{}.self_score", qs.id())),
        statement: Some(qs),
        message: format!(
            "QS{} {} is {} but has no action in the plan.",
            qs.number(),
            qs.name(),
            self_scored(s, true)
        ),
    })
}

/// Where the scenario's scores sit among the published councils, overall and statement by
/// statement.
fn benchmark(scenario: &Scenario, data: &PublishedDataset) -> Benchmark {
    let dist = data.statement_distribution();
    Benchmark {
        ranking: data.rank(&scenario_assessment(&scenario.result)),
        statements: scenario
            .result
            .statements
            .iter()
            .map(|sr| {
                let d = &dist[sr.statement.index()];
                let k = usize::from(sr.score.get()) - 1;
                StatementBenchmark {
                    statement: sr.statement,
                    score: sr.score,
                    counts: d.counts,
                    councils: d.councils,
                    mean: d.mean,
                    lower: d.counts[..k].iter().sum(),
                    same: d.counts[k],
                    higher: d.counts[k + 1..].iter().sum(),
                }
            })
            .collect(),
    }
}

/// The workbook's timeline planned as of the analysis date, warning when it cannot be.
fn planned_timeline(wb: &Workbook, as_of: Date, warnings: &mut Vec<Warning>) -> Option<Timeline> {
    let planned = timeline_input(wb.timeline.as_ref()?)
        .and_then(|input| plan_timeline(&input.with_today(as_of)));
    match planned {
        Ok(t) => Some(t),
        Err(e) => {
            warnings.push(Warning {
                code: "timeline_not_planned".into(),
                path: e.path().map(str::to_string),
                statement: None,
                message: format!("The timeline could not be planned: {e}"),
            });
            None
        }
    }
}

fn scenario_assessment(result: &RatingResult) -> Assessment {
    let mut scores = [None; 9];
    for s in &result.statements {
        scores[s.statement.index()] = Some(s.score);
    }
    Assessment::from_score_array(scores)
        .unwrap_or_else(|_| unreachable!("a prediction has at least one statement"))
}

impl Workbook {
    /// What the self-scores predict: the call (a rating, or too close to call), the
    /// probability of each rating, and the [`Scenario`] the figures beside the headline come
    /// from; `None` when no statement is scored. The same as the prediction of
    /// [`analyse_workbook`](crate::analyse_workbook), which does not depend on the date.
    ///
    /// ```
    /// use cqc_assurance::{Rating, Workbook};
    /// let wb = Workbook::from_json(include_str!("../../../../examples/liverpool-workbook.json")).unwrap();
    /// let p = wb.prediction().unwrap();
    /// assert!(p.call.too_close_to_call);
    /// assert_eq!(p.assessment().total(), 22);
    /// ```
    pub fn prediction(&self) -> Option<Prediction> {
        let mut dists = Vec::new();
        let mut modes = [None; 9];
        let mut uncertain = 0;
        for qs in QualityStatement::ALL {
            let score = self
                .statement(qs)
                .map(|e| e.self_score)
                .unwrap_or(SelfScore::NotScored);
            if let Some(d) = score.distribution() {
                dists.push((qs, d));
                modes[qs.index()] = Some(mode(d.get()));
                if score.certain().is_none() {
                    uncertain += 1;
                }
            }
        }
        predict(self, &dists, modes, uncertain)
    }
}

impl Prediction {
    /// The scenario's scores as an assessment (under the earlier method, with their
    /// evidence-category scores), to rate, explain or improve.
    pub fn assessment(&self) -> Assessment {
        let result = &self.scenario.result;
        let evidence: Vec<_> = result
            .statements
            .iter()
            .filter_map(|s| {
                s.evidence.as_ref().map(|w| {
                    let pairs: Vec<_> =
                        w.categories.iter().map(|c| (c.category, c.score)).collect();
                    (s.statement, pairs)
                })
            })
            .collect();
        if evidence.len() == result.statements.len() {
            let parsed: Option<Vec<_>> = evidence
                .into_iter()
                .map(|(qs, pairs)| {
                    crate::assessment::EvidenceScores::from_pairs(pairs)
                        .ok()
                        .map(|e| (qs, e))
                })
                .collect();
            if let Some(a) = parsed.and_then(|e| Assessment::from_evidence(e).ok()) {
                return a;
            }
        }
        scenario_assessment(result)
    }
}

fn predict(
    wb: &Workbook,
    dists: &[(QualityStatement, ScoreDistribution)],
    modes: [Option<Score>; 9],
    uncertain: u32,
) -> Option<Prediction> {
    let probabilities = rating_probabilities(dists).ok()?;
    let call = probabilities.call.clone();
    let scenario = if uncertain == 0 {
        // The scores as entered. Under the earlier method the evidence working is kept, so the
        // report can show it.
        let earlier: Vec<_> = wb
            .statements
            .iter()
            .filter_map(|e| match e.self_score {
                SelfScore::EvidenceCategories(ev) => Some((e.statement, ev)),
                _ => None,
            })
            .collect();
        let assessment = if wb.method == RatingMethod::Earlier && earlier.len() == dists.len() {
            Assessment::from_evidence(earlier).ok()?
        } else {
            Assessment::from_score_array(modes).ok()?
        };
        Scenario {
            description: "the self-scores as entered".into(),
            probability: 1.0,
            result: rate(&assessment),
        }
    } else {
        let (scores, probability) = most_likely_scores_giving(dists, call.prudent_rating)?;
        let mut array = [None; 9];
        for ((qs, _), score) in dists.iter().zip(&scores) {
            array[qs.index()] = Some(*score);
        }
        let description = if array == modes {
            "the most likely score of each statement (the lower score on a tie)".to_string()
        } else if call.too_close_to_call {
            format!(
                "the most likely scores that give {}, the worse of the ratings too close to call",
                call.prudent_rating.label().to_ascii_lowercase()
            )
        } else {
            format!(
                "the most likely scores that give {}, the rating called",
                call.prudent_rating.label().to_ascii_lowercase()
            )
        };
        Scenario {
            description,
            probability,
            result: rate(&Assessment::from_score_array(array).ok()?),
        }
    };
    Some(Prediction {
        call,
        scored: dists.len() as u32,
        uncertain,
        probabilities,
        scenario,
    })
}

/// The most probable set of scores (statements taken as independent) whose total gives
/// `rating`, with its probability; `None` if no set with a non-zero probability gives it.
/// Ties go to the lower total, then to the lower scores in CQC's order, so the result is
/// never the more favourable of two equally likely sets. By dynamic programming over the
/// running total (at most 9 statements × 37 totals), exact: among sets with the same total
/// after the first statements, the one with the higher probability (or the lower scores on a
/// tie) stays ahead whatever the remaining statements score.
fn most_likely_scores_giving(
    dists: &[(QualityStatement, ScoreDistribution)],
    rating: Rating,
) -> Option<(Vec<Score>, f64)> {
    let n = dists.len();
    // best[t]: the best scores so far with running total t, and their probability.
    let mut best: Vec<Option<(f64, Vec<Score>)>> = vec![None; 4 * n + 1];
    best[0] = Some((1.0, Vec::new()));
    let better = |a: &(f64, Vec<Score>), b: &(f64, Vec<Score>)| {
        let tolerance = 1e-12 * a.0.max(b.0);
        a.0 > b.0 + tolerance || ((a.0 - b.0).abs() <= tolerance && a.1 < b.1)
    };
    for (_, d) in dists {
        let mut next: Vec<Option<(f64, Vec<Score>)>> = vec![None; 4 * n + 1];
        for (t, entry) in best.iter().enumerate() {
            let Some((p, scores)) = entry else { continue };
            for score in Score::ALL {
                let q = d.probability(score);
                if q == 0.0 {
                    continue;
                }
                let mut extended = scores.clone();
                extended.push(score);
                let candidate = (p * q, extended);
                let slot = &mut next[t + usize::from(score.get())];
                if slot
                    .as_ref()
                    .is_none_or(|current| better(&candidate, current))
                {
                    *slot = Some(candidate);
                }
            }
        }
        best = next;
    }
    let mut chosen: Option<(f64, Vec<Score>)> = None;
    for (t, entry) in best.into_iter().enumerate() {
        let Some(entry) = entry else { continue };
        let gives = crate::rating::rating_for_total(t as u32, n as u32).map(|(r, _)| r);
        if gives != Some(rating) {
            continue;
        }
        // Totals rise, so keeping the first of equally likely sets keeps the lower total.
        let tolerance = 1e-12 * entry.0;
        if chosen.as_ref().is_none_or(|c| entry.0 > c.0 + tolerance) {
            chosen = Some(entry);
        }
    }
    chosen.map(|(p, scores)| (scores, p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::ToSpan;
    use proptest::prelude::*;

    fn any_date() -> impl Strategy<Value = Date> {
        (1900i16..=2200, 1i8..=12, 1i8..=31).prop_map(|(y, m, d)| {
            let first = Date::new(y, m, 1).unwrap();
            Date::new(y, m, d.min(first.days_in_month())).unwrap()
        })
    }

    #[test]
    fn add_months_clamps_to_the_end_of_the_month() {
        let d = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(add_months(d(2024, 1, 31), 1), Some(d(2024, 2, 29)));
        assert_eq!(add_months(d(2025, 1, 31), 1), Some(d(2025, 2, 28)));
        assert_eq!(add_months(d(2025, 11, 30), 3), Some(d(2026, 2, 28)));
        assert_eq!(add_months(d(9999, 6, 1), 7), None);
    }

    proptest! {
        /// The same dates as jiff's own span arithmetic (the code it replaces).
        #[test]
        fn add_months_agrees_with_jiff(date in any_date(), months in 0u32..=1200) {
            let jiff = date.checked_add((months as i32).months()).ok();
            prop_assert_eq!(add_months(date, months), jiff);
        }

        #[test]
        fn days_between_agrees_with_jiff(a in any_date(), b in any_date()) {
            prop_assert_eq!(days_between(a, b), (b - a).get_days());
        }
    }
}
