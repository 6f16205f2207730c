//! The commands about published results: `published` (the 153 councils, one council with its
//! history and rank, rating counts and statement distributions by region and type, the dataset
//! as CSV) and `check-published`.

use std::fmt::Write as _;

use clap::Args;
use cqc_assurance::{
    self as cqc, CouncilType, Error, PeerGroup, PublishedDataset, PublishedResult, Rating,
    RatingCounts, Region, StatementDistribution,
};
use serde_json::{json, Value};

use crate::data::DataArgs;
use crate::files::{write_atomic, write_new_atomic};
use crate::rating::{parse_scores, ranking_text, statement_table};
use crate::{to_json, CliError, Outcome};

/// Arguments of `published`.
#[derive(Debug, Args)]
pub struct PublishedArgs {
    /// A council's name or ONS GSS code ("Liverpool", "St. Helens", "E08000003"): its current
    /// result, its history and its rank. All councils if omitted.
    council: Option<String>,
    /// List every assessment (pilots and superseded results too), not each council's current
    /// result.
    #[arg(long, conflicts_with = "council")]
    history: bool,
    /// Only the councils of this region ("North West").
    #[arg(long, value_name = "REGION", conflicts_with = "council")]
    region: Option<String>,
    /// Only the councils of this kind: county, unitary, "metropolitan district", "London
    /// borough" or other.
    #[arg(
        long = "type",
        value_name = "TYPE",
        conflicts_with_all = ["council", "region"]
    )]
    council_type: Option<String>,
    /// How the councils with nine published scores scored each statement (within --region or
    /// --type if given).
    #[arg(long, conflicts_with_all = ["council", "history", "counts", "csv"])]
    distribution: bool,
    /// With --distribution: the distribution in each region.
    #[arg(long, requires = "distribution", conflicts_with_all = ["region", "council_type"])]
    by_region: bool,
    /// How many councils have each current rating, in each region and for each kind of council.
    #[arg(long, conflicts_with_all = ["council", "history", "csv", "region", "council_type"])]
    counts: bool,
    /// Write the published results as CSV, in the format --data reads (to standard output, or
    /// to the file given with -o).
    #[arg(long, conflicts_with_all = ["council", "history", "json", "region", "council_type"])]
    csv: bool,
    /// With --csv: the file to write (whole or not at all; an existing file only with --force).
    #[arg(long, short = 'o', value_name = "FILE", requires = "csv")]
    out: Option<String>,
    /// With -o: replace an existing file.
    #[arg(long, requires = "out")]
    force: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    data: DataArgs,
}

/// Arguments of `check-published`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Nine published scores in CQC's order, comma-separated.
    #[arg(long, value_name = "S1,...,S9")]
    scores: Option<String>,
    /// The published rating.
    #[arg(long, requires = "scores")]
    rating: Option<String>,
    /// The published overall percentage, if known.
    #[arg(long, requires = "scores")]
    percent: Option<u8>,
    /// Check a council's current published result (name or ONS code) instead.
    #[arg(long, conflicts_with_all = ["scores", "all"])]
    council: Option<String>,
    /// Check every published assessment (history included) and list every inconsistent one.
    #[arg(long, conflicts_with = "scores")]
    all: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    data: DataArgs,
}

fn region_arg(text: &str) -> Result<Region, Error> {
    Region::parse(text).map_err(|_| Error::UnknownRegion {
        path: "--region".into(),
        input: text.to_string(),
    })
}

fn type_arg(text: &str) -> Result<CouncilType, Error> {
    CouncilType::parse(text).map_err(|_| Error::UnknownCouncilType {
        path: "--type".into(),
        input: text.to_string(),
    })
}

fn group_of(args: &PublishedArgs) -> Result<PeerGroup, Error> {
    Ok(match (&args.region, &args.council_type) {
        (Some(r), _) => PeerGroup::Region(region_arg(r)?),
        (None, Some(t)) => PeerGroup::CouncilType(type_arg(t)?),
        (None, None) => PeerGroup::England,
    })
}

fn scores_text(r: &PublishedResult) -> String {
    r.scores.map_or_else(String::new, |s| {
        s.iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(",")
    })
}

/// `Good`, `Good (pilot, indicative)`, `rating not found`, `no published result found`.
fn result_text(r: &PublishedResult) -> String {
    match (r.assessment_kind, r.rating) {
        (None, _) => "no published result found".into(),
        (Some(_), None) => "rating not found".into(),
        (Some(k), Some(rating)) => {
            if k == cqc::AssessmentKind::Pilot {
                format!("{} (pilot, indicative)", rating.label())
            } else {
                rating.label().to_string()
            }
        }
    }
}

fn percent_text(r: &PublishedResult) -> String {
    match (r.percent, r.percent_basis) {
        (Some(p), Some(cqc::PercentBasis::Stated)) => format!("{p}% stated"),
        (Some(p), _) => format!("{p}%"),
        _ => String::new(),
    }
}

/// `published`.
pub fn published(args: PublishedArgs) -> Result<Outcome, CliError> {
    let data = args.data.load()?;
    let set: &PublishedDataset = &data.set;
    if args.csv {
        let text = set.to_csv();
        return match &args.out {
            None => Ok(Outcome::ok(text)),
            Some(path) => {
                if args.force {
                    write_atomic(path, text.as_bytes())?;
                } else {
                    write_new_atomic(
                        path,
                        text.as_bytes(),
                        "not overwritten: give --force to replace it",
                    )?;
                }
                Ok(Outcome::ok(format!(
                    "wrote {path}: {} rows ({} assessments, {} councils without one), from {}\n",
                    set.records().len(),
                    set.assessments().count(),
                    set.records().iter().filter(|r| !r.is_assessment()).count(),
                    data.origin()
                )))
            }
        };
    }
    if args.counts {
        return Ok(Outcome::ok(counts(set, args.json)));
    }
    if args.distribution {
        return distribution(set, &args);
    }
    if let Some(name) = &args.council {
        return council(set, name, args.json);
    }
    let group = group_of(&args)?;
    let rows: Vec<&PublishedResult> = if args.history {
        set.assessments().filter(|r| group.contains(r)).collect()
    } else {
        set.current().filter(|r| group.contains(r)).collect()
    };
    if args.json {
        return Ok(Outcome::ok(to_json(&rows)));
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<36} {:<9}  {:<24} {:<12} {:<10} {:<17} {:<8} Rating",
        "Council", "ONS code", "Region", "Assessment", "Published", "Scores", "Percent"
    );
    for r in &rows {
        let _ = writeln!(
            out,
            "{:<36} {:<9}  {:<24} {:<12} {:<10} {:<17} {:<8} {}{}{}",
            r.council,
            r.gss_code,
            r.region.label(),
            r.assessment_kind.map_or("-", |k| k.id()),
            r.published.as_deref().unwrap_or("-"),
            if r.is_assessment() && r.scores.is_none() {
                "(rating only)".to_string()
            } else {
                scores_text(r)
            },
            percent_text(r),
            result_text(r),
            if args.history && r.current {
                " (current)"
            } else {
                ""
            },
            if r.findings().is_empty() {
                ""
            } else {
                " [inconsistent: see check-published]"
            }
        );
    }
    if args.history {
        let _ = writeln!(
            out,
            "{} assessment(s) of councils in {}; from {}.",
            rows.len(),
            group.label(),
            data.origin()
        );
    } else {
        let with = rows.iter().filter(|r| r.is_assessment()).count();
        let scored = rows.iter().filter(|r| r.scores.is_some()).count();
        let _ = writeln!(
            out,
            "{} councils in {}: {with} with a published result ({scored} with nine scores), {} with none found; from {}.",
            rows.len(),
            group.label(),
            rows.len() - with,
            data.origin()
        );
    }
    Ok(Outcome::ok(out))
}

fn council(set: &PublishedDataset, name: &str, json_out: bool) -> Result<Outcome, CliError> {
    let rec = set.find(name)?;
    let history = set.history(&rec.gss_code)?;
    let rankings = set.council_rankings(&rec.gss_code)?;
    if json_out {
        let mut v = serde_json::to_value(rec).unwrap_or(Value::Null);
        if let Value::Object(m) = &mut v {
            m.insert("history".into(), json!(history));
            m.insert("rankings".into(), json!(rankings));
        }
        return Ok(Outcome::ok(to_json(&v)));
    }
    let mut out = String::new();
    match rec.assessment_kind {
        None => {
            let _ = writeln!(out, "{}: no published result found", rec.council);
        }
        Some(_) => {
            let _ = writeln!(
                out,
                "{}: {} (published {})",
                rec.council,
                result_text(rec),
                rec.published.as_deref().unwrap_or("date unknown")
            );
        }
    }
    let _ = writeln!(
        out,
        "  ONS code {}; {}; {}",
        rec.gss_code,
        rec.region.label(),
        rec.council_type.label()
    );
    if let Some(k) = rec.assessment_kind {
        let _ = writeln!(
            out,
            "  Assessment: {}; date known to the {}; figures from a {} source",
            k.id(),
            rec.published_precision.map_or("-", |p| p.id()),
            rec.source_kind.map_or("-", |s| s.id())
        );
    }
    if let Some(a) = rec.assessment() {
        let r = cqc::rate(&a);
        let _ = writeln!(
            out,
            "Scores {}/{} = {}% → {}",
            r.total,
            r.max,
            r.percent,
            r.rating.label()
        );
        statement_table(&r, &mut out);
    } else if rec.is_assessment() {
        let _ = writeln!(out, "Scores not published in the sources used.");
    }
    if let Some(p) = rec.stated_percent() {
        let _ = writeln!(out, "Overall percentage stated by a source: {p}%");
    }
    for f in rec.findings() {
        let _ = writeln!(out, "INCONSISTENT: {}", f.message);
    }
    if rec.pilot {
        let _ = writeln!(out, "Pilot assessment: indicative, not a formal rating.");
    }
    if let Some(n) = &rec.note {
        let _ = writeln!(out, "Note: {n}");
    }
    for s in &rec.sources {
        let _ = writeln!(out, "Source: {s}");
    }
    if let Some(u) = &rec.cqc_report_url {
        let _ = writeln!(out, "CQC report: {u}");
    }
    if let Some(r) = &rankings {
        let _ = writeln!(
            out,
            "Rank by overall percentage among the other councils with nine published scores (current assessment of each; a tie counts against it):"
        );
        for rank in [&r.england, &r.region, &r.council_type] {
            let _ = writeln!(out, "  {}: {}", rank.group().label(), ranking_text(rank));
        }
    }
    if history.len() > 1 {
        let _ = writeln!(out, "History:");
        for h in &history {
            let figures = match h.total {
                Some(t) => format!(" ({t}/36 = {})", percent_text(h)),
                None if h.percent.is_some() => format!(" ({})", percent_text(h)),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "  {:<10} {:<12} {}{figures}{}",
                h.published.as_deref().unwrap_or("-"),
                h.assessment_kind.map_or("-", |k| k.id()),
                result_text(h),
                if h.current { " (current)" } else { "" }
            );
        }
    }
    Ok(Outcome::ok(out))
}

fn counts(set: &PublishedDataset, json_out: bool) -> String {
    let england = set.rating_counts_in(PeerGroup::England);
    let regions = set.rating_counts_by_region();
    let kinds = set.rating_counts_by_type();
    if json_out {
        return to_json(&json!({
            "england": england, "regions": regions, "council_types": kinds,
        }));
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Current rating of each council (its latest formal assessment, else its pilot's indicative rating):"
    );
    let head = |out: &mut String, title: &str| {
        let _ = writeln!(
            out,
            "{:<26} {:>8} {:>10} {:>12} {:>5} {:>11} {:>8} {:>9}  of which pilot",
            title,
            "councils",
            "inadequate",
            "requires imp",
            "good",
            "outstanding",
            "unknown",
            "no result"
        );
    };
    let row = |out: &mut String, label: &str, c: &RatingCounts| {
        let _ = writeln!(
            out,
            "{:<26} {:>8} {:>10} {:>12} {:>5} {:>11} {:>8} {:>9}  {}",
            label,
            c.councils,
            c.counts[0],
            c.counts[1],
            c.counts[2],
            c.counts[3],
            c.rating_unknown,
            c.no_result,
            c.pilot
        );
    };
    head(&mut out, "Region");
    for c in &regions {
        row(&mut out, c.region.map_or("-", Region::label), c);
    }
    row(&mut out, "England", &england);
    out.push('\n');
    head(&mut out, "Kind of council");
    for c in &kinds {
        row(&mut out, c.council_type.map_or("-", CouncilType::plural), c);
    }
    row(&mut out, "England", &england);
    let _ = writeln!(
        out,
        "\"unknown\": a published assessment whose rating no source found states; \"no result\": no published assessment found."
    );
    out
}

fn distribution_table(out: &mut String, dist: &[StatementDistribution]) {
    let _ = writeln!(
        out,
        "{:<48} {:>4} {:>4} {:>4} {:>4}  mean",
        "Statement", "1", "2", "3", "4"
    );
    for d in dist {
        let _ = writeln!(
            out,
            "QS{} {:<44} {:>4} {:>4} {:>4} {:>4}  {}",
            d.statement.number(),
            d.statement.name(),
            d.counts[0],
            d.counts[1],
            d.counts[2],
            d.counts[3],
            if d.councils == 0 {
                "-".to_string()
            } else {
                format!("{:.2}", d.mean)
            }
        );
    }
}

fn distribution(set: &PublishedDataset, args: &PublishedArgs) -> Result<Outcome, CliError> {
    if args.by_region {
        let groups = set.statement_distribution_by_region();
        if args.json {
            return Ok(Outcome::ok(to_json(&groups)));
        }
        let mut out = String::new();
        for g in &groups {
            let _ = writeln!(
                out,
                "{} ({} council{} with nine published scores, current assessment of each)",
                g.region.map_or("-", Region::label),
                g.councils,
                if g.councils == 1 { "" } else { "s" }
            );
            distribution_table(&mut out, &g.statements);
            out.push('\n');
        }
        return Ok(Outcome::ok(out));
    }
    let group = group_of(args)?;
    let dist = set.statement_distribution_in(group);
    if args.json {
        return Ok(Outcome::ok(to_json(&dist)));
    }
    let mut out = String::new();
    let councils = dist.first().map_or(0, |d| d.councils);
    let _ = writeln!(
        out,
        "{}: {councils} council{} with nine published scores (current assessment of each)",
        group.label(),
        if councils == 1 { "" } else { "s" }
    );
    distribution_table(&mut out, &dist);
    Ok(Outcome::ok(out))
}

/// `check-published`.
pub fn check_published(args: CheckArgs) -> Result<Outcome, CliError> {
    if args.all || args.council.is_some() {
        let data = args.data.load()?;
        return if args.all {
            check_all(&data.set, &data.origin(), args.json)
        } else {
            check_council(&data.set, args.council.as_deref().unwrap_or(""), args.json)
        };
    }
    let scores = args.scores.as_deref().ok_or(cqc::Error::EmptyAssessment {
        path: "--scores".into(),
    })?;
    let a = parse_scores(scores)?;
    let rating = args
        .rating
        .as_deref()
        .ok_or_else(|| cqc::Error::UnknownRating {
            path: "--rating".into(),
            input: String::new(),
        })
        .and_then(|r| Rating::parse(r).map_err(|e| e.under("--rating")))?;
    let check = cqc::check_published(&a, rating, args.percent)?;
    let status = u8::from(!check.consistent);
    if args.json {
        return Ok(Outcome::with_status(to_json(&check), status));
    }
    let mut out = String::new();
    check_text(&mut out, "scores", &check.findings, Some(&check));
    Ok(Outcome::with_status(out, status))
}

fn check_text(
    out: &mut String,
    name: &str,
    findings: &[cqc::Finding],
    check: Option<&cqc::PublishedCheck>,
) {
    if findings.is_empty() {
        match check {
            Some(c) => {
                let _ = writeln!(
                    out,
                    "{name}: consistent ({}/{} = {}% → {})",
                    c.computed.total,
                    c.computed.max,
                    c.computed.percent,
                    c.computed.rating.label()
                );
            }
            None => {
                let _ = writeln!(out, "{name}: consistent");
            }
        }
        return;
    }
    let _ = writeln!(out, "{name}: INCONSISTENT");
    for f in findings {
        let _ = writeln!(out, "  - {}", f.message);
    }
    if let Some(c) = check.filter(|c| !c.corrections.is_empty()) {
        let _ = writeln!(out, "  A single misprinted score would explain it if:");
        for k in &c.corrections {
            let _ = writeln!(
                out,
                "    QS{} {} were {} instead of {} ({}%)",
                k.statement.number(),
                k.statement.name(),
                k.corrected,
                k.published,
                k.percent
            );
        }
    }
}

fn record_name(r: &PublishedResult) -> String {
    format!(
        "{} ({}, published {})",
        r.council,
        r.assessment_kind.map_or("-", |k| k.id()),
        r.published.as_deref().unwrap_or("date unknown")
    )
}

fn check_council(set: &PublishedDataset, name: &str, json_out: bool) -> Result<Outcome, CliError> {
    let rec = set.find(name)?;
    let check = rec.check();
    if check.is_none() && rec.stated_percent().is_none() {
        return Err(cqc::Error::EmptyAssessment {
            path: format!(
                "{}: {}",
                rec.council,
                if rec.is_assessment() {
                    "scores (not published in the sources used; nothing to check)"
                } else {
                    "no published result found"
                }
            ),
        }
        .into());
    }
    let findings = rec.findings();
    let status = u8::from(!findings.is_empty());
    if json_out {
        let value = match &check {
            Some(c) => json!(c),
            None => json!({"consistent": findings.is_empty(), "findings": findings}),
        };
        return Ok(Outcome::with_status(to_json(&value), status));
    }
    let mut out = String::new();
    check_text(&mut out, &record_name(rec), &findings, check.as_ref());
    Ok(Outcome::with_status(out, status))
}

fn check_all(set: &PublishedDataset, origin: &str, json_out: bool) -> Result<Outcome, CliError> {
    let found = set.inconsistencies();
    let checked = set
        .assessments()
        .filter(|r| r.check().is_some() || r.stated_percent().is_some())
        .count();
    let status = u8::from(!found.is_empty());
    if json_out {
        let value: Vec<Value> = found
            .iter()
            .map(|i| {
                json!({
                    "council": i.record.council, "gss_code": i.record.gss_code,
                    "assessment_kind": i.record.assessment_kind, "published": i.record.published,
                    "findings": i.findings, "check": i.check,
                })
            })
            .collect();
        return Ok(Outcome::with_status(to_json(&value), status));
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} of {checked} published assessments with scores or a stated percentage are inconsistent with the method (from {origin}):",
        found.len()
    );
    for i in &found {
        check_text(
            &mut out,
            &record_name(i.record),
            &i.findings,
            i.check.as_ref(),
        );
    }
    Ok(Outcome::with_status(out, status))
}
