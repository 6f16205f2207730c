//! Analyses of the preparation parts of a workbook: the information return's counts and gaps,
//! the case register's counts (and warnings when a field looks like personal data), the
//! interview schedule with a briefing per role, the direction of travel per statement from
//! earlier self-assessments, how the council's scores compared with CQC's published ones, and
//! the annual assurance account ("you said, we did") from the actions done.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::framework::QualityStatement;
use crate::score::Score;
use crate::timeline::{Basis, MilestoneId, Timeline};

use super::analysis::{days_between, mode, Comparison, IndicatorComparison, Warning};
use super::document::{ActionStatus, SelfScore, Workbook};
use super::preparation::{
    personal_data_findings, CaseStatus, InterviewRole, ReturnItemKind, ReturnItemStatus,
};

/// The pilot-era figures for case tracking, with their status: the only published ones.
pub const CASE_TRACKING_PILOT_FIGURES: &str = "In CQC's pilot assessments (2023) councils listed about 50 cases, of which CQC selected 10 to track and 6 to examine in detail (CQC's evaluation of the pilots). CQC has not published the figures for formal assessments.";

/// One information return item, as analysed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct ReturnItemSummary {
    /// Position in the tracker.
    pub index: usize,
    /// The item's reference.
    pub reference: String,
    /// What is asked for.
    pub title: String,
    /// Document or data.
    pub kind: ReturnItemKind,
    /// The statements it supports.
    pub statements: Vec<QualityStatement>,
    /// Who gathers it.
    pub owner: Option<String>,
    /// When it is due: its own date, or the timeline's information return deadline.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "Option<crate::declarations::IsoDate>"),
        schemars(with = "Option<crate::declarations::IsoDate>")
    )]
    pub due: Option<Date>,
    /// Whether `due` is the timeline's deadline (the item has no date of its own).
    pub due_from_timeline: bool,
    /// Where it stands.
    pub status: ReturnItemStatus,
    /// Evidence items that answer it.
    pub evidence: u32,
    /// Days past due on the analysis date, for an item not yet submitted.
    pub days_overdue: Option<i32>,
}

/// The information return tracker: counts and gaps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct InformationReturnStatus {
    /// Every item, in the tracker's order.
    pub items: Vec<ReturnItemSummary>,
    /// All items.
    pub total: u32,
    /// Documents.
    pub documents: u32,
    /// Data.
    pub data: u32,
    /// Items not started.
    pub not_started: u32,
    /// Items in progress.
    pub in_progress: u32,
    /// Items ready to send.
    pub ready: u32,
    /// Items sent.
    pub submitted: u32,
    /// References of items with no evidence linked.
    pub without_evidence: Vec<String>,
    /// References of items not submitted and past due, most overdue first.
    pub overdue: Vec<String>,
    /// Items with no due date (neither their own nor the timeline's).
    pub without_due_date: u32,
    /// Statements no item supports.
    pub statements_without_items: Vec<QualityStatement>,
    /// The timeline's information return deadline, when the workbook has a timeline.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "Option<crate::declarations::IsoDate>"),
        schemars(with = "Option<crate::declarations::IsoDate>")
    )]
    pub deadline: Option<Date>,
}

/// Cases of one care pathway or client group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct PathwayCount {
    /// The pathway as entered (the first spelling seen).
    pub pathway: String,
    /// Cases.
    pub cases: u32,
}

/// The case-tracking register in counts (no references, no notes: nothing that could
/// identify a person).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct CaseTrackingSummary {
    /// Cases offered.
    pub total: u32,
    /// Still only offered.
    pub offered: u32,
    /// Selected by CQC.
    pub selected: u32,
    /// Contacted.
    pub contacted: u32,
    /// Done.
    pub done: u32,
    /// By pathway, most cases first (ties in the order first seen).
    pub pathways: Vec<PathwayCount>,
    /// Statements no case illustrates.
    pub statements_without_cases: Vec<QualityStatement>,
    /// Fields that look like personal data (each also a warning).
    pub personal_data_warnings: u32,
    /// The only published figures for case tracking, and their status.
    pub pilot_figures: String,
}

/// The on-site visit's days, from the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct VisitDays {
    /// The first day.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub first: Date,
    /// The last day.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub last: Date,
    /// How the first day is known (recorded, planned...).
    pub basis: Basis,
    /// Whether the date is fixed.
    pub firm: bool,
}

/// One interview of the schedule, as analysed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct ScheduledInterview {
    /// Position in the workbook's list.
    pub index: usize,
    /// Who is interviewed.
    pub role: InterviewRole,
    /// The role in words.
    pub role_label: String,
    /// The day.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "Option<crate::declarations::IsoDate>"),
        schemars(with = "Option<crate::declarations::IsoDate>")
    )]
    pub date: Option<Date>,
    /// The time.
    pub time: Option<String>,
    /// The statements to prepare for (the interview's own, or the role's defaults).
    pub statements: Vec<QualityStatement>,
    /// Whether the day is one of the visit's days; `None` without a date or a timeline.
    pub on_visit_day: Option<bool>,
}

/// A key figure for a briefing: an indicator linked to the statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct KeyFigure {
    /// What it measures.
    pub name: String,
    /// The council's figure.
    pub value: Option<f64>,
    /// England's.
    pub england_average: f64,
    /// The unit.
    pub unit: Option<String>,
    /// The year of the council's figure.
    pub year: Option<String>,
    /// Better, similar or worse than England.
    pub comparison: Option<Comparison>,
}

/// What a role should be ready to say about one statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct BriefingStatement {
    /// The statement.
    pub statement: QualityStatement,
    /// Its number.
    pub number: u8,
    /// Its name.
    pub name: String,
    /// The council's most likely self-score (the lower on a tie).
    pub self_score: Option<Score>,
    /// Strengths, from the workbook.
    pub strengths: Vec<String>,
    /// Areas for improvement, from the workbook.
    pub areas_for_improvement: Vec<String>,
    /// Indicators linked to the statement.
    pub key_figures: Vec<KeyFigure>,
}

/// The briefing pack for one role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct RoleBriefing {
    /// The role.
    pub role: InterviewRole,
    /// In words.
    pub label: String,
    /// Where the list of statements comes from: the schedule, or the project's default
    /// mapping and why.
    pub statements_source: String,
    /// The statements, in CQC's order.
    pub statements: Vec<BriefingStatement>,
}

/// The interview schedule and the briefing pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct InterviewSchedule {
    /// The visit's days, when the workbook's timeline gives them.
    pub visit: Option<VisitDays>,
    /// Interviews by date and time (undated ones last, in the workbook's order).
    pub interviews: Vec<ScheduledInterview>,
    /// One briefing per role scheduled, in the order of [`InterviewRole::ALL`].
    pub briefings: Vec<RoleBriefing>,
}

/// Which way a statement's self-score moved since the previous self-assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// A higher expected score than before.
    Improved,
    /// The same.
    Unchanged,
    /// Lower.
    Declined,
}

/// One self-assessment's score for a statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct TravelPoint {
    /// The date of the self-assessment (the analysis date for the current one).
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub date: Date,
    /// Its label (`current` for the workbook's own scores).
    pub label: String,
    /// The expected score (the score itself when certain).
    pub expected: Option<f64>,
    /// The most likely score.
    pub most_likely: Option<Score>,
    /// Whether the score was a spread of probabilities.
    pub uncertain: bool,
}

/// A statement's self-scores over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct StatementTravel {
    /// The statement.
    pub statement: QualityStatement,
    /// Its number.
    pub number: u8,
    /// Its name.
    pub name: String,
    /// Earlier self-assessments by date, then the current one.
    pub points: Vec<TravelPoint>,
    /// The current expected score against the latest earlier one that scored the statement;
    /// `None` when either is missing.
    pub direction: Option<Direction>,
    /// The date of the earlier self-assessment compared with.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "Option<crate::declarations::IsoDate>"),
        schemars(with = "Option<crate::declarations::IsoDate>")
    )]
    pub compared_with: Option<Date>,
    /// Whether either score compared is a spread (the direction is of the expected scores).
    pub uncertain: bool,
}

/// The direction of travel, statement by statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct DirectionOfTravel {
    /// The nine statements.
    pub statements: Vec<StatementTravel>,
    /// Statements improved.
    pub improved: u32,
    /// Unchanged.
    pub unchanged: u32,
    /// Declined.
    pub declined: u32,
}

/// How a council's own score compared with CQC's published one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    /// The same score.
    Agree,
    /// The council scored itself higher than CQC did.
    CouncilHigher,
    /// Lower than CQC did.
    CouncilLower,
}

/// One statement: the council's score beside CQC's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct CalibrationRow {
    /// The statement.
    pub statement: QualityStatement,
    /// The council's most likely self-score (the lower on a tie).
    pub self_score: Score,
    /// CQC's published score.
    pub published: Score,
    /// Whether they agree.
    pub agreement: Agreement,
    /// Whether the self-score was a spread.
    pub uncertain: bool,
}

/// An earlier self-assessment against CQC's published scores of about the same time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct Calibration {
    /// The self-assessment's date.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub date: Date,
    /// Its label.
    pub label: Option<String>,
    /// Where the published scores come from.
    pub source: Option<String>,
    /// Statements with both scores, in CQC's order.
    pub rows: Vec<CalibrationRow>,
    /// Statements where they agree.
    pub agree: u32,
    /// Where the council was higher.
    pub council_higher: u32,
    /// Where it was lower.
    pub council_lower: u32,
    /// The mean of the council's score minus CQC's (positive: the council was generous).
    pub mean_difference: Option<f64>,
}

/// Evidence shown in the assurance account: its title and link, never its id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct AccountEvidence {
    /// What it is.
    pub title: String,
    /// Its date.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "crate::declarations::IsoDate"),
        schemars(with = "crate::declarations::IsoDate")
    )]
    pub date: Date,
    /// Where to find it.
    pub link: Option<String>,
}

/// One entry of the assurance account: what people said, what was done, how it shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct AccountEntry {
    /// The statement, if the action has one.
    pub statement: Option<QualityStatement>,
    /// The statement's name.
    pub statement_name: Option<String>,
    /// What people said (the action's `you_said`).
    pub you_said: Option<String>,
    /// What was done (the action's description).
    pub we_did: String,
    /// The latest progress note, if any.
    pub latest_progress: Option<String>,
    /// When it was done: the action's last update, or its latest progress note.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "Option<crate::declarations::IsoDate>"),
        schemars(with = "Option<crate::declarations::IsoDate>")
    )]
    pub completed: Option<Date>,
    /// The evidence that shows it.
    pub evidence: Vec<AccountEvidence>,
}

/// Everything the preparation parts say; each `None` (or empty) when its part is empty.
pub(crate) struct Preparation {
    pub information_return: Option<InformationReturnStatus>,
    pub case_tracking: Option<CaseTrackingSummary>,
    pub interviews: Option<InterviewSchedule>,
    pub direction_of_travel: Option<DirectionOfTravel>,
    pub calibration: Vec<Calibration>,
    pub assurance_account: Vec<AccountEntry>,
}

fn current_distribution(wb: &Workbook, qs: QualityStatement) -> Option<[f64; 4]> {
    wb.statement(qs)
        .and_then(|e| e.self_score.distribution())
        .map(|d| d.get())
}

fn is_spread(s: &SelfScore) -> bool {
    matches!(s, SelfScore::Distribution(_)) && s.certain().is_none()
}

fn expected(p: [f64; 4]) -> f64 {
    p.iter()
        .enumerate()
        .map(|(i, x)| (i as f64 + 1.0) * x)
        .sum()
}

pub(crate) fn analyse_preparation(
    wb: &Workbook,
    as_of: Date,
    indicators: &[IndicatorComparison],
    timeline: Option<&Timeline>,
    warnings: &mut Vec<Warning>,
) -> Preparation {
    Preparation {
        information_return: information_return(wb, as_of, timeline),
        case_tracking: case_tracking(wb, warnings),
        interviews: interviews(wb, indicators, timeline, warnings),
        direction_of_travel: direction_of_travel(wb, as_of),
        calibration: calibration(wb),
        assurance_account: assurance_account(wb),
    }
}

fn information_return(
    wb: &Workbook,
    as_of: Date,
    timeline: Option<&Timeline>,
) -> Option<InformationReturnStatus> {
    if wb.information_return.is_empty() {
        return None;
    }
    let deadline = timeline.map(|t| {
        let m = t.milestone(MilestoneId::InformationReturnDue);
        // The council's own date when a closure brings it forward: never later than CQC's.
        m.council_date.unwrap_or(m.date).min(m.date)
    });
    let items: Vec<ReturnItemSummary> = wb
        .information_return
        .iter()
        .enumerate()
        .map(|(index, r)| {
            let due = r.due.or(deadline);
            ReturnItemSummary {
                index,
                reference: r.reference.clone(),
                title: r.title.clone(),
                kind: r.kind,
                statements: r.statements.clone(),
                owner: r.owner.clone(),
                due,
                due_from_timeline: r.due.is_none() && deadline.is_some(),
                status: r.status,
                evidence: r.evidence.len() as u32,
                days_overdue: due
                    .filter(|d| r.status.is_open() && *d < as_of)
                    .map(|d| days_between(d, as_of)),
            }
        })
        .collect();
    let count = |s: ReturnItemStatus| items.iter().filter(|i| i.status == s).count() as u32;
    let mut overdue: Vec<&ReturnItemSummary> =
        items.iter().filter(|i| i.days_overdue.is_some()).collect();
    overdue.sort_by(|a, b| {
        b.days_overdue
            .cmp(&a.days_overdue)
            .then(a.index.cmp(&b.index))
    });
    Some(InformationReturnStatus {
        total: items.len() as u32,
        documents: items
            .iter()
            .filter(|i| i.kind == ReturnItemKind::Document)
            .count() as u32,
        data: items
            .iter()
            .filter(|i| i.kind == ReturnItemKind::Data)
            .count() as u32,
        not_started: count(ReturnItemStatus::NotStarted),
        in_progress: count(ReturnItemStatus::InProgress),
        ready: count(ReturnItemStatus::Ready),
        submitted: count(ReturnItemStatus::Submitted),
        without_evidence: items
            .iter()
            .filter(|i| i.evidence == 0)
            .map(|i| i.reference.clone())
            .collect(),
        overdue: overdue.iter().map(|i| i.reference.clone()).collect(),
        without_due_date: items.iter().filter(|i| i.due.is_none()).count() as u32,
        statements_without_items: QualityStatement::ALL
            .into_iter()
            .filter(|qs| !items.iter().any(|i| i.statements.contains(qs)))
            .collect(),
        deadline,
        items,
    })
}

fn personal_data_warnings(
    fields: &[(&str, Option<&str>)],
    path: &str,
    what: &str,
    warnings: &mut Vec<Warning>,
) -> u32 {
    let mut n = 0;
    for (field, value) in fields {
        let Some(value) = value else { continue };
        for (code, why) in personal_data_findings(value) {
            n += 1;
            // The message never repeats the field's text: it may be the personal data.
            warnings.push(Warning {
                code: code.into(),
                path: Some(format!("{path}.{field}")),
                statement: None,
                message: format!(
                    "The {field} of {what} {why}. Keep personal data out of the workbook: use a local reference and the care pathway only."
                ),
            });
        }
    }
    n
}

fn case_tracking(wb: &Workbook, warnings: &mut Vec<Warning>) -> Option<CaseTrackingSummary> {
    if wb.case_tracking.is_empty() {
        return None;
    }
    let mut flagged = 0;
    for (i, c) in wb.case_tracking.iter().enumerate() {
        flagged += personal_data_warnings(
            &[
                ("reference", Some(c.reference.as_str())),
                ("pathway", Some(c.pathway.as_str())),
                ("notes", c.notes.as_deref()),
            ],
            &format!("case_tracking[{i}]"),
            &format!("case {}", i + 1),
            warnings,
        );
    }
    let mut pathways: Vec<(String, PathwayCount)> = Vec::new();
    for c in &wb.case_tracking {
        let key = crate::framework::normalise_name(&c.pathway);
        match pathways.iter_mut().find(|(k, _)| *k == key) {
            Some((_, p)) => p.cases += 1,
            None => pathways.push((
                key,
                PathwayCount {
                    pathway: c.pathway.clone(),
                    cases: 1,
                },
            )),
        }
    }
    // A stable sort keeps the order first seen among equal counts.
    pathways.sort_by_key(|p| std::cmp::Reverse(p.1.cases));
    let count = |s: CaseStatus| wb.case_tracking.iter().filter(|c| c.status == s).count() as u32;
    Some(CaseTrackingSummary {
        total: wb.case_tracking.len() as u32,
        offered: count(CaseStatus::Offered),
        selected: count(CaseStatus::Selected),
        contacted: count(CaseStatus::Contacted),
        done: count(CaseStatus::Done),
        pathways: pathways.into_iter().map(|(_, p)| p).collect(),
        statements_without_cases: QualityStatement::ALL
            .into_iter()
            .filter(|qs| !wb.case_tracking.iter().any(|c| c.statements.contains(qs)))
            .collect(),
        personal_data_warnings: flagged,
        pilot_figures: CASE_TRACKING_PILOT_FIGURES.into(),
    })
}

fn interviews(
    wb: &Workbook,
    indicators: &[IndicatorComparison],
    timeline: Option<&Timeline>,
    warnings: &mut Vec<Warning>,
) -> Option<InterviewSchedule> {
    if wb.interviews.is_empty() {
        return None;
    }
    let visit = timeline.map(|t| {
        let m = t.milestone(MilestoneId::Visit);
        VisitDays {
            first: m.date,
            last: m.end.unwrap_or(m.date),
            basis: m.basis,
            firm: m.firm,
        }
    });
    let mut scheduled: Vec<ScheduledInterview> = Vec::new();
    for (index, iv) in wb.interviews.iter().enumerate() {
        let mut statements = if iv.statements.is_empty() {
            iv.role.default_statements().0
        } else {
            iv.statements.clone()
        };
        statements.sort_by_key(|q| q.index());
        let on_visit_day = match (iv.date, &visit) {
            (Some(d), Some(v)) => Some(v.first <= d && d <= v.last),
            _ => None,
        };
        if on_visit_day == Some(false) {
            if let (Some(d), Some(v)) = (iv.date, &visit) {
                warnings.push(Warning {
                    code: "interview_outside_visit".into(),
                    path: Some(format!("interviews[{index}].date")),
                    statement: None,
                    message: format!(
                        "The interview with the {} on {d} is not on the visit's days ({} to {}, {}).",
                        iv.role.label().to_lowercase(),
                        v.first,
                        v.last,
                        crate::timeline::basis_word(v.basis)
                    ),
                });
            }
        }
        scheduled.push(ScheduledInterview {
            index,
            role: iv.role,
            role_label: iv.role.label().into(),
            date: iv.date,
            time: iv.time.clone(),
            statements,
            on_visit_day,
        });
        personal_data_warnings(
            &[("notes", iv.notes.as_deref())],
            &format!("interviews[{index}]"),
            &format!("interview {}", index + 1),
            warnings,
        );
    }
    scheduled.sort_by(|a, b| {
        (
            a.date.is_none(),
            a.date,
            start_minutes(a.time.as_deref()),
            a.index,
        )
            .cmp(&(
                b.date.is_none(),
                b.date,
                start_minutes(b.time.as_deref()),
                b.index,
            ))
    });
    let mut briefings = Vec::new();
    for role in InterviewRole::ALL {
        let of_role: Vec<_> = wb.interviews.iter().filter(|i| i.role == role).collect();
        if of_role.is_empty() {
            continue;
        }
        let (defaults, why) = role.default_statements();
        let own = of_role.iter().all(|i| !i.statements.is_empty());
        let mut list: Vec<QualityStatement> = Vec::new();
        for i in &of_role {
            let s = if i.statements.is_empty() {
                &defaults
            } else {
                &i.statements
            };
            for q in s {
                if !list.contains(q) {
                    list.push(*q);
                }
            }
        }
        list.sort_by_key(|q| q.index());
        let statements_source = if own {
            "the statements given in the interview schedule".to_string()
        } else {
            format!(
                "the project's default for the role, from what each statement covers in CQC's assessment framework ({why}); not a CQC list"
            )
        };
        briefings.push(RoleBriefing {
            role,
            label: role.label().into(),
            statements_source,
            statements: list
                .into_iter()
                .map(|qs| {
                    let entry = wb.statement(qs);
                    BriefingStatement {
                        statement: qs,
                        number: qs.number(),
                        name: qs.name().into(),
                        self_score: current_distribution(wb, qs).map(mode),
                        strengths: entry.map(|e| e.strengths.clone()).unwrap_or_default(),
                        areas_for_improvement: entry
                            .map(|e| e.areas_for_improvement.clone())
                            .unwrap_or_default(),
                        key_figures: indicators
                            .iter()
                            .filter(|i| i.statements.contains(&qs))
                            .map(|i| KeyFigure {
                                name: i.name.clone(),
                                value: i.value,
                                england_average: i.england_average,
                                unit: i.unit.clone(),
                                year: i.year.clone(),
                                comparison: i.comparison,
                            })
                            .collect(),
                    }
                })
                .collect(),
        });
    }
    Some(InterviewSchedule {
        visit,
        interviews: scheduled,
        briefings,
    })
}

/// The start of a time `HH:MM` or `HH:MM-HH:MM` in minutes (times are checked on reading).
fn start_minutes(time: Option<&str>) -> Option<u32> {
    let t = time?.split('-').next()?.trim();
    let (h, m) = t.split_once(':')?;
    Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?)
}

fn direction_of_travel(wb: &Workbook, as_of: Date) -> Option<DirectionOfTravel> {
    if wb.history.is_empty() {
        return None;
    }
    let mut history: Vec<_> = wb.history.iter().collect();
    history.sort_by_key(|h| h.date);
    let point = |date: Date, label: String, s: &SelfScore| TravelPoint {
        date,
        label,
        expected: s.distribution().map(|d| expected(d.get())),
        most_likely: s.distribution().map(|d| mode(d.get())),
        uncertain: is_spread(s),
    };
    let mut statements = Vec::new();
    let (mut improved, mut unchanged, mut declined) = (0, 0, 0);
    for qs in QualityStatement::ALL {
        let mut points: Vec<TravelPoint> = history
            .iter()
            .map(|h| {
                point(
                    h.date,
                    h.label.clone().unwrap_or_else(|| h.date.to_string()),
                    &h.scores[qs.index()],
                )
            })
            .collect();
        let current = wb
            .statement(qs)
            .map(|e| e.self_score)
            .unwrap_or(SelfScore::NotScored);
        let now = point(as_of, "current".into(), &current);
        let before = points
            .iter()
            .rev()
            .find(|p| p.expected.is_some() && p.date <= as_of);
        let (direction, compared_with, uncertain) = match (before, now.expected) {
            (Some(b), Some(n)) => {
                let e = b.expected.unwrap_or_default();
                let d = if n > e + 1e-9 {
                    Direction::Improved
                } else if n < e - 1e-9 {
                    Direction::Declined
                } else {
                    Direction::Unchanged
                };
                (Some(d), Some(b.date), b.uncertain || now.uncertain)
            }
            _ => (None, None, false),
        };
        match direction {
            Some(Direction::Improved) => improved += 1,
            Some(Direction::Unchanged) => unchanged += 1,
            Some(Direction::Declined) => declined += 1,
            None => {}
        }
        points.push(now);
        statements.push(StatementTravel {
            statement: qs,
            number: qs.number(),
            name: qs.name().into(),
            points,
            direction,
            compared_with,
            uncertain,
        });
    }
    Some(DirectionOfTravel {
        statements,
        improved,
        unchanged,
        declined,
    })
}

fn calibration(wb: &Workbook) -> Vec<Calibration> {
    let mut out: Vec<Calibration> = wb
        .history
        .iter()
        .filter_map(|h| {
            let published = h.published.as_ref()?;
            let rows: Vec<CalibrationRow> = QualityStatement::ALL
                .into_iter()
                .filter_map(|qs| {
                    let p = published[qs.index()]?;
                    let own = &h.scores[qs.index()];
                    let s = mode(own.distribution()?.get());
                    Some(CalibrationRow {
                        statement: qs,
                        self_score: s,
                        published: p,
                        agreement: match s.get().cmp(&p.get()) {
                            std::cmp::Ordering::Equal => Agreement::Agree,
                            std::cmp::Ordering::Greater => Agreement::CouncilHigher,
                            std::cmp::Ordering::Less => Agreement::CouncilLower,
                        },
                        uncertain: is_spread(own),
                    })
                })
                .collect();
            let n = |a: Agreement| rows.iter().filter(|r| r.agreement == a).count() as u32;
            let mean_difference = (!rows.is_empty()).then(|| {
                rows.iter()
                    .map(|r| f64::from(r.self_score.get()) - f64::from(r.published.get()))
                    .sum::<f64>()
                    / rows.len() as f64
            });
            Some(Calibration {
                date: h.date,
                label: h.label.clone(),
                source: h.published_source.clone(),
                agree: n(Agreement::Agree),
                council_higher: n(Agreement::CouncilHigher),
                council_lower: n(Agreement::CouncilLower),
                mean_difference,
                rows,
            })
        })
        .collect();
    out.sort_by_key(|c| c.date);
    out
}

fn assurance_account(wb: &Workbook) -> Vec<AccountEntry> {
    wb.actions
        .iter()
        .filter(|a| a.status == ActionStatus::Done)
        .map(|a| {
            let latest = a
                .progress
                .iter()
                .enumerate()
                .max_by_key(|(i, n)| (n.date, *i))
                .map(|(_, n)| n);
            AccountEntry {
                statement: a.statement,
                statement_name: a.statement.map(|q| q.name().to_string()),
                you_said: a.you_said.clone(),
                we_did: a.description.clone(),
                latest_progress: latest.map(|n| n.note.clone()),
                completed: a.updated.or(latest.map(|n| n.date)),
                evidence: a
                    .evidence
                    .iter()
                    .filter_map(|id| wb.evidence.iter().find(|e| &e.id == id))
                    .map(|e| AccountEvidence {
                        title: e.title.clone(),
                        date: e.date,
                        link: e.link.clone(),
                    })
                    .collect(),
            }
        })
        .collect()
}
