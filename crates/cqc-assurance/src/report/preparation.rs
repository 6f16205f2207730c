//! The report's sections on preparing for the visit and the years after: the information
//! return, case tracking (counts only), the interview schedule with a briefing pack per role,
//! the direction of travel and calibration against CQC's scores, and the assurance account.
//! Each appears only when its part of the workbook is filled.

use serde::{Deserialize, Serialize};

use crate::framework::QualityStatement;
use crate::workbook::{
    Agreement, CaseStatus, Comparison, Direction, ReturnItemStatus, WorkbookAnalysis,
};

use super::{long_date, num, plural, statement_label, ReportRow};

/// A table of a section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportTable {
    /// Its caption (may be empty).
    pub caption: String,
    /// The column headers.
    pub columns: Vec<String>,
    /// Relative column widths (for Word).
    pub weights: Vec<u32>,
    /// The rows; the first cell of each is the row's header.
    pub rows: Vec<ReportRow>,
}

/// A section of the report made of paragraphs and tables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportSection {
    /// The HTML id (`information-return`).
    pub id: String,
    /// The heading.
    pub title: String,
    /// Paragraphs before the tables.
    pub paragraphs: Vec<String>,
    /// The tables, each with its caption.
    pub tables: Vec<ReportTable>,
    /// Notes after the tables (sources, what is proposed or pilot-era).
    pub notes: Vec<String>,
}

fn qs_list(list: &[QualityStatement]) -> String {
    list.iter()
        .map(|q| format!("QS{}", q.number()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn plural_points(x: f64) -> String {
    if (x - 1.0).abs() < 1e-9 {
        "1 point".into()
    } else {
        format!("{} points", num(x))
    }
}

fn status_label(s: ReturnItemStatus) -> &'static str {
    s.label()
}

fn table(caption: &str, columns: &[&str], weights: &[u32], rows: Vec<ReportRow>) -> ReportTable {
    ReportTable {
        caption: caption.into(),
        columns: columns.iter().map(|c| c.to_string()).collect(),
        weights: weights.to_vec(),
        rows,
    }
}

fn row(cells: Vec<String>, class: &str) -> ReportRow {
    ReportRow {
        cells,
        class: class.into(),
    }
}

/// The sections, in the order they are shown; empty parts give none.
pub(super) fn sections(a: &WorkbookAnalysis) -> Vec<ReportSection> {
    [
        information_return(a),
        case_tracking(a),
        interviews(a),
        direction_of_travel(a),
        assurance_account(a),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The information return: its items by state, what lacks evidence or is overdue.
fn information_return(a: &WorkbookAnalysis) -> Option<ReportSection> {
    let ir = a.information_return.as_ref()?;
    let mut paragraphs = vec![format!(
        "{} ({} and {}): {} submitted, {} ready, {} in progress, {} not started.",
        plural(ir.total, "item", "items"),
        plural(ir.documents, "document", "documents"),
        plural(ir.data, "data item", "data items"),
        ir.submitted,
        ir.ready,
        ir.in_progress,
        ir.not_started
    )];
    paragraphs.push(format!(
        "{} no evidence linked{}; {} overdue on {}{}.",
        plural(ir.without_evidence.len() as u32, "item has", "items have"),
        if ir.without_evidence.is_empty() {
            String::new()
        } else {
            format!(" ({})", ir.without_evidence.join(", "))
        },
        plural(ir.overdue.len() as u32, "item is", "items are"),
        long_date(a.as_of),
        if ir.overdue.is_empty() {
            String::new()
        } else {
            format!(" ({})", ir.overdue.join(", "))
        }
    ));
    if let Some(d) = ir.deadline {
        paragraphs.push(format!(
            "Items without a date of their own are due on {}, the information return deadline of the timeline.",
            long_date(d)
        ));
    }
    if !ir.statements_without_items.is_empty() {
        paragraphs.push(format!(
            "No item of the return supports {}.",
            qs_list(&ir.statements_without_items)
        ));
    }
    let rows = ir
        .items
        .iter()
        .map(|i| {
            row(
                vec![
                    i.reference.clone(),
                    i.title.clone(),
                    i.kind.label().into(),
                    qs_list(&i.statements),
                    i.owner.clone().unwrap_or_default(),
                    match (i.due, i.days_overdue) {
                        (Some(d), Some(n)) => format!(
                            "{} ({} overdue)",
                            long_date(d),
                            plural(n as u32, "day", "days")
                        ),
                        (Some(d), None) => long_date(d),
                        (None, _) => "not set".into(),
                    },
                    status_label(i.status).into(),
                    if i.evidence == 0 {
                        "none".into()
                    } else {
                        plural(i.evidence, "item", "items")
                    },
                ],
                if i.days_overdue.is_some() {
                    "overdue"
                } else if i.evidence == 0 {
                    "no-evidence"
                } else {
                    ""
                },
            )
        })
        .collect();
    Some(ReportSection {
        id: "information-return".into(),
        title: "Information return".into(),
        paragraphs,
        tables: vec![table(
            "Information return items",
            &["Reference", "Item", "Kind", "Statements", "Owner", "Due", "Status", "Evidence"],
            &[2, 5, 2, 2, 3, 3, 2, 2],
            rows,
        )],
        notes: vec!["CQC sends the information return with its first notice and asks for it within about three weeks; councils returned 41 to 120 items in 2025-26, numbered per section and per statement. References are CQC's where its request numbers the item; others are the council's own.".into()],
    })
}

/// Case tracking: the cases offered, by pathway and statement.
fn case_tracking(a: &WorkbookAnalysis) -> Option<ReportSection> {
    let c = a.case_tracking.as_ref()?;
    let mut paragraphs = vec![format!(
        "{} offered for case tracking: {} {}, {} {}, {} {}, {} {}.",
        plural(c.total, "case", "cases"),
        c.offered,
        CaseStatus::Offered.label().to_lowercase(),
        c.selected,
        CaseStatus::Selected.label().to_lowercase(),
        c.contacted,
        CaseStatus::Contacted.label().to_lowercase(),
        c.done,
        CaseStatus::Done.label().to_lowercase(),
    )];
    if !c.statements_without_cases.is_empty() {
        paragraphs.push(format!(
            "No case illustrates {}.",
            qs_list(&c.statements_without_cases)
        ));
    }
    if c.personal_data_warnings > 0 {
        paragraphs.push(format!(
            "{} of the register look like personal data (see the consistency warnings): remove them, the register holds references and pathways only.",
            plural(c.personal_data_warnings, "field", "fields")
        ));
    }
    Some(ReportSection {
        id: "case-tracking".into(),
        title: "Case tracking".into(),
        paragraphs,
        tables: vec![table(
            "Cases by care pathway or client group",
            &["Pathway or client group", "Cases"],
            &[6, 2],
            c.pathways
                .iter()
                .map(|p| row(vec![p.pathway.clone(), p.cases.to_string()], ""))
                .collect(),
        )],
        notes: vec![format!(
            "{} The register never holds a name, NHS number or date of birth: only the council's own reference, shown nowhere in this report.",
            c.pilot_figures
        )],
    })
}

/// The interview schedule of the visit, by role.
fn interviews(a: &WorkbookAnalysis) -> Option<ReportSection> {
    let s = a.interviews.as_ref()?;
    let mut paragraphs = Vec::new();
    if let Some(v) = &s.visit {
        paragraphs.push(format!(
            "The on-site visit: {} to {} ({}).",
            long_date(v.first),
            long_date(v.last),
            if v.firm {
                "recorded"
            } else {
                "planned from the timeline's rules, not yet recorded"
            }
        ));
    }
    let outside = s
        .interviews
        .iter()
        .filter(|i| i.on_visit_day == Some(false))
        .count() as u32;
    if outside > 0 {
        paragraphs.push(format!(
            "{} not on the visit's days.",
            plural(outside, "interview is", "interviews are")
        ));
    }
    let mut tables = vec![table(
        "Interview schedule",
        &["Role", "Date", "Time", "Statements", "On a visit day"],
        &[4, 3, 2, 4, 2],
        s.interviews
            .iter()
            .map(|i| {
                row(
                    vec![
                        i.role_label.clone(),
                        i.date.map(long_date).unwrap_or_else(|| "to be set".into()),
                        i.time.clone().unwrap_or_default(),
                        qs_list(&i.statements),
                        match i.on_visit_day {
                            Some(true) => "yes".into(),
                            Some(false) => "no".into(),
                            None => String::new(),
                        },
                    ],
                    if i.on_visit_day == Some(false) {
                        "outside"
                    } else {
                        ""
                    },
                )
            })
            .collect(),
    )];
    // The briefing pack, statement by statement: who speaks to it, and what the workbook
    // says about it (each statement once, however many roles speak to it).
    let mut sources: Vec<String> = Vec::new();
    for b in &s.briefings {
        sources.push(format!("{}: {}", b.label, b.statements_source));
    }
    let rows = QualityStatement::ALL
        .into_iter()
        .filter_map(|qs| {
            let roles: Vec<&str> = s
                .briefings
                .iter()
                .filter(|b| b.statements.iter().any(|st| st.statement == qs))
                .map(|b| b.label.as_str())
                .collect();
            let st = s
                .briefings
                .iter()
                .flat_map(|b| &b.statements)
                .find(|st| st.statement == qs)?;
            Some(row(
                vec![
                    statement_label(qs),
                    roles.join(", "),
                    st.self_score
                        .map(|s| s.to_string())
                        .unwrap_or_else(|| "not scored".into()),
                    st.strengths.join("; "),
                    st.areas_for_improvement.join("; "),
                    st.key_figures
                        .iter()
                        .map(|k| {
                            let unit = k.unit.clone().unwrap_or_default();
                            format!(
                                "{}: {} (England {}{}{})",
                                k.name,
                                k.value
                                    .map(|v| format!("{}{unit}", num(v)))
                                    .unwrap_or_else(|| "not entered".into()),
                                num(k.england_average),
                                unit,
                                match k.comparison {
                                    Some(Comparison::Better) => ", better",
                                    Some(Comparison::Similar) => ", similar",
                                    Some(Comparison::Worse) => ", worse",
                                    None => "",
                                }
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("; "),
                ],
                "",
            ))
        })
        .collect();
    tables.push(table(
        "Briefing pack: what each statement's speakers should be ready to say",
        &[
            "Statement",
            "Speaks to it",
            "Self-score",
            "Strengths",
            "Areas for improvement",
            "Key figures",
        ],
        &[4, 4, 2, 5, 5, 5],
        rows,
    ));
    let mut notes = vec!["CQC interviews, among others, the Director of Adult Social Services, the principal social worker, the lead member, the scrutiny chair, the chief executive, front-line staff, partners and people who draw on care (councils' accounts of their visits, 2025-26). The strengths, areas for improvement and figures are the workbook's own.".to_string()];
    notes.push(format!("Statements by role: {}.", sources.join(". ")));
    Some(ReportSection {
        id: "interviews".into(),
        title: "Interview schedule and briefing pack".into(),
        paragraphs,
        tables,
        notes,
    })
}

/// The direction of travel: the self-scores against earlier self-assessments and CQC's published scores.
fn direction_of_travel(a: &WorkbookAnalysis) -> Option<ReportSection> {
    let d = a.direction_of_travel.as_ref()?;
    let earlier: Vec<String> = d
        .statements
        .first()
        .map(|s| {
            s.points[..s.points.len().saturating_sub(1)]
                .iter()
                .map(|p| p.label.clone())
                .collect()
        })
        .unwrap_or_default();
    let mut columns: Vec<&str> = vec!["Statement"];
    columns.extend(earlier.iter().map(String::as_str));
    columns.extend(["Now", "Direction"]);
    let score = |p: &crate::workbook::TravelPoint| match (p.most_likely, p.uncertain, p.expected) {
        (Some(s), false, _) => s.to_string(),
        (Some(_), true, Some(e)) => format!("{e:.1} expected"),
        _ => "–".into(),
    };
    let rows = d
        .statements
        .iter()
        .map(|s| {
            let mut cells = vec![statement_label(s.statement)];
            cells.extend(s.points.iter().map(score));
            cells.push(
                match s.direction {
                    Some(Direction::Improved) => "improved",
                    Some(Direction::Unchanged) => "unchanged",
                    Some(Direction::Declined) => "declined",
                    None => "not comparable",
                }
                .to_string()
                    + if s.uncertain { " (uncertain)" } else { "" },
            );
            row(
                cells,
                match s.direction {
                    Some(Direction::Declined) => "declined",
                    Some(Direction::Improved) => "improved",
                    _ => "",
                },
            )
        })
        .collect();
    let n = columns.len();
    let mut weights = vec![4];
    weights.extend(std::iter::repeat_n(2, n - 2));
    weights.push(3);
    let mut tables = vec![table("Self-scores over time", &columns, &weights, rows)];
    let mut paragraphs = vec![format!(
        "Since the last self-assessment that scored them: {} improved, {} unchanged, {} declined. A score given as probabilities is compared by its expected value.",
        plural(d.improved, "statement", "statements"),
        d.unchanged,
        d.declined
    )];
    for c in &a.calibration {
        let n = c.rows.len() as u32;
        paragraphs.push(format!(
            "Against CQC's published scores ({}{}): the council's own score agreed on {} of {}, was higher on {} and lower on {}{}.",
            c.label.clone().unwrap_or_else(|| long_date(c.date)),
            c.source
                .as_ref()
                .map(|s| format!(", {s}"))
                .unwrap_or_default(),
            c.agree,
            n,
            c.council_higher,
            c.council_lower,
            c.mean_difference
                .map(|m| if m.abs() < 1e-9 {
                    " (no difference on average)".to_string()
                } else {
                    format!(
                        " (on average {} {} CQC's)",
                        plural_points(m.abs()),
                        if m > 0.0 { "above" } else { "below" }
                    )
                })
                .unwrap_or_default()
        ));
        tables.push(table(
            &format!(
                "Calibration: {} against CQC's scores",
                c.label.clone().unwrap_or_else(|| long_date(c.date))
            ),
            &["Statement", "Council", "CQC", "Agreement"],
            &[5, 2, 2, 3],
            c.rows
                .iter()
                .map(|r| {
                    row(
                        vec![
                            statement_label(r.statement),
                            format!(
                                "{}{}",
                                r.self_score,
                                if r.uncertain { " (most likely)" } else { "" }
                            ),
                            r.published.to_string(),
                            match r.agreement {
                                Agreement::Agree => "agree",
                                Agreement::CouncilHigher => "council higher",
                                Agreement::CouncilLower => "council lower",
                            }
                            .into(),
                        ],
                        match r.agreement {
                            Agreement::Agree => "agree",
                            Agreement::CouncilHigher => "higher",
                            Agreement::CouncilLower => "lower",
                        },
                    )
                })
                .collect(),
        ));
    }
    Some(ReportSection {
        id: "direction".into(),
        title: "Direction of travel".into(),
        paragraphs,
        tables,
        notes: vec!["CQC's chief inspector proposed in November 2025 that councils be re-assessed every 3 to 4 years with an annual self-assessment in between; this is a proposal, subject to the Secretary of State's agreement.".into()],
    })
}

/// The assurance account: what people said, what was done, how it shows.
fn assurance_account(a: &WorkbookAnalysis) -> Option<ReportSection> {
    if a.assurance_account.is_empty() {
        return None;
    }
    Some(ReportSection {
        id: "assurance-account".into(),
        title: "You said, we did: our assurance account".into(),
        paragraphs: vec![format!(
            "What people told us and what we have done about it: {} completed.",
            plural(a.assurance_account.len() as u32, "action", "actions")
        )],
        tables: vec![table(
            "You said, we did",
            &["You said", "We did", "How we know", "Completed"],
            &[5, 5, 5, 2],
            a.assurance_account
                .iter()
                .map(|e| {
                    let mut did = e.we_did.clone();
                    if let Some(p) = &e.latest_progress {
                        did.push_str(&format!(" ({p})"));
                    }
                    row(
                        vec![
                            e.you_said.clone().unwrap_or_else(|| {
                                e.statement_name
                                    .as_ref()
                                    .map(|n| format!("About {}", n.to_lowercase()))
                                    .unwrap_or_else(|| "Across our services".into())
                            }),
                            did,
                            e.evidence
                                .iter()
                                .map(|ev| format!("{} ({})", ev.title, long_date(ev.date)))
                                .collect::<Vec<_>>()
                                .join("; "),
                            e.completed.map(long_date).unwrap_or_default(),
                        ],
                        "",
                    )
                })
                .collect(),
        )],
        notes: vec!["Generated from the actions marked done, in plain words for publication; the workbook's internal references are left out.".into()],
    })
}
