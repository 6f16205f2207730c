//! Commands about scores and ratings: rate, explain, improve, probabilities, framework.

use std::fmt::Write as _;

use clap::Args;
use cqc_assurance::{
    self as cqc, Assessment, EvidenceCategory, Ranking, Rating, RatingMethod, RatingResult, Score,
    Theme,
};

use crate::data::DataArgs;
use crate::{read_input, to_json, CliError, Outcome};

/// Where the scores come from.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Nine scores in CQC's order (QS1-QS9), comma-separated; `-` for a statement not assessed.
    #[arg(
        long,
        value_name = "S1,...,S9",
        conflicts_with = "file",
        allow_hyphen_values = true
    )]
    scores: Option<String>,
    /// An assessment document (JSON), or a self-assessment workbook (its self-scores: where
    /// some are uncertain, the scenario its report's figures come from); `-` reads standard
    /// input.
    #[arg(long, short = 'f', value_name = "FILE")]
    file: Option<String>,
    /// The rating method: `current` (statement scores, default) or `earlier` (evidence-category
    /// scores in the file).
    #[arg(long, value_name = "METHOD")]
    method: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// Arguments of `rate`.
#[derive(Debug, Args)]
pub struct RateArgs {
    #[command(flatten)]
    input: InputArgs,
    /// The council the scores are for (name or ONS code): adds its rank within its region and
    /// among councils of its kind, its own published result left out.
    #[arg(long, value_name = "NAME")]
    council: Option<String>,
    #[command(flatten)]
    data: DataArgs,
}

/// Arguments of `improve`.
#[derive(Debug, Args)]
pub struct ImproveArgs {
    #[command(flatten)]
    input: InputArgs,
    /// The rating to reach: inadequate, requires_improvement, good or outstanding.
    #[arg(long, default_value = "good")]
    target: String,
    /// List at most this many paths (all are counted).
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Raise no statement by more than this many points (1: one step per statement).
    #[arg(long, value_name = "POINTS", value_parser = clap::value_parser!(u8).range(1..=3))]
    max_step: Option<u8>,
    /// Keep these statements' scores as they are (ids, numbers or names, comma-separated; a
    /// theme's name keeps all of its statements).
    #[arg(long, value_name = "STATEMENTS")]
    fixed: Option<String>,
}

/// Arguments of `probabilities`.
#[derive(Debug, Args)]
pub struct ProbabilitiesArgs {
    /// A probability document: `{"scores": {"assessing-needs": [p1, p2, p3, p4], "equity": 3}}`.
    #[arg(long, short = 'f', value_name = "FILE")]
    file: String,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// Just `--json`.
#[derive(Debug, Args)]
pub struct JsonFlag {
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub(crate) fn parse_scores(text: &str) -> Result<Assessment, CliError> {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    let mut scores = Vec::with_capacity(parts.len());
    for (i, p) in parts.iter().enumerate() {
        if *p == "-" || p.is_empty() {
            scores.push(None);
        } else {
            let v: i64 = p.parse().map_err(|_| cqc::Error::ScoreOutOfRange {
                path: format!("scores[{i}]"),
                value: (*p).to_string(),
            })?;
            scores.push(Some(Score::from_i64(v, &format!("scores[{i}]"))?.get()));
        }
    }
    Ok(Assessment::from_optional_scores(&scores)?)
}

/// The assessment to rate, and where its scores came from when that needs saying (a workbook).
fn read_assessment(input: &InputArgs) -> Result<(Assessment, Option<String>), CliError> {
    let text = match (&input.scores, &input.file) {
        (None, Some(f)) => Some(read_input(f)?),
        _ => None,
    };
    if let (Some(f), Some(text)) = (&input.file, &text) {
        if is_workbook(text) {
            if input.method.is_some() {
                return Err(cqc::Error::MethodMismatch {
                    path: "--method".into(),
                    message: "a workbook states its own method".into(),
                }
                .into());
            }
            let wb = cqc::Workbook::from_json_all(text).map_err(|mut errors| {
                if errors.len() > 1 {
                    eprintln!(
                        "{f}: {} problems; run `cqc-assurance workbook check {f}` to list them all",
                        errors.len()
                    );
                }
                CliError::Core(errors.swap_remove(0))
            })?;
            let p = wb.prediction().ok_or(cqc::Error::EmptyAssessment {
                path: "statements".into(),
            })?;
            let note = format!(
                "Scores from the workbook for {}: {}. Predicted rating: {}.",
                wb.council, p.scenario.description, p.call.headline
            );
            return Ok((p.assessment(), Some(note)));
        }
    }
    Ok((read_assessment_document(input, text.as_deref())?, None))
}

/// Whether a JSON document is a self-assessment workbook rather than an assessment document:
/// an object with `statements` and `council`.
fn is_workbook(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| {
            v.as_object()
                .map(|o| o.contains_key("statements") && o.contains_key("council"))
        })
        .unwrap_or(false)
}

/// The assessment of `--scores`, or of the file's `text` (already read).
fn read_assessment_document(input: &InputArgs, text: Option<&str>) -> Result<Assessment, CliError> {
    let method = input
        .method
        .as_deref()
        .map(|m| RatingMethod::parse(m).map_err(|e| e.under("--method")))
        .transpose()?;
    match (&input.scores, &input.file) {
        (Some(s), _) => {
            if method == Some(RatingMethod::Earlier) {
                return Err(cqc::Error::MethodMismatch {
                    path: "--scores".into(),
                    message: "the earlier method needs evidence-category scores: give them in a file with --file".into(),
                }
                .into());
            }
            parse_scores(s)
        }
        (None, Some(_)) => {
            let a = Assessment::from_json_with_default(
                text.unwrap_or_default(),
                method.unwrap_or_default(),
            )?;
            if let Some(m) = method {
                if m != a.method() {
                    return Err(cqc::Error::MethodMismatch {
                        path: "method".into(),
                        message: format!(
                            "--method {} was given but the file says \"method\": \"{}\"",
                            m,
                            a.method()
                        ),
                    }
                    .into());
                }
            }
            Ok(a)
        }
        (None, None) => Err(cqc::Error::EmptyAssessment {
            path: "--scores".into(),
        }
        .into()),
    }
}

/// Text output with the note about where the scores came from, if any, above it.
fn with_note(note: Option<String>, text: String) -> String {
    match note {
        Some(n) => format!("{n}\n{text}"),
        None => text,
    }
}

pub(crate) fn statement_table(result: &RatingResult, out: &mut String) {
    for theme in Theme::ALL {
        let rows: Vec<_> = result
            .statements
            .iter()
            .filter(|s| s.theme == theme)
            .collect();
        let _ = writeln!(out, "  {}", theme.name());
        for qs in theme.statements() {
            match rows.iter().find(|s| s.statement == *qs) {
                Some(s) => {
                    let _ = write!(out, "    QS{} {:<44} {}", qs.number(), qs.name(), s.score);
                    if let Some(ev) = &s.evidence {
                        let _ = write!(
                            out,
                            "   (evidence {}/{} = {}%)",
                            ev.total, ev.max, ev.percent
                        );
                    }
                    out.push('\n');
                }
                None => {
                    let _ = writeln!(out, "    QS{} {:<44} not assessed", qs.number(), qs.name());
                }
            }
        }
    }
}

pub(crate) fn pct(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// A ranking in words: `56th-61st of 77 (76 councils compared: 55 higher, 5 level, 16 lower;
/// percentile 21.1)`.
pub(crate) fn ranking_text(r: &Ranking) -> String {
    if r.councils == 0 {
        return "no council with nine published scores to compare with".into();
    }
    format!(
        "{} ({} council{} compared: {} higher, {} level, {} lower; percentile {})",
        r.position(),
        r.councils,
        if r.councils == 1 { "" } else { "s" },
        r.higher,
        r.equal,
        r.lower,
        pct(r.percentile)
    )
}

/// `rate`.
pub fn rate(args: RateArgs) -> Result<Outcome, CliError> {
    let (a, note) = read_assessment(&args.input)?;
    let r = cqc::rate(&a);
    if args.input.json {
        return Ok(Outcome::ok(to_json(&r)));
    }
    let mut out = with_note(note, String::new());
    let _ = writeln!(out, "Rating: {} ({}%)", r.rating.label(), r.percent);
    let _ = writeln!(
        out,
        "Scores: {} of {} ({} statement{} assessed) = {}%, published rounded up as {}%",
        r.total,
        r.max,
        r.assessed,
        if r.assessed == 1 { "" } else { "s" },
        pct(r.percent_exact),
        r.percent
    );
    let _ = writeln!(out, "Position: {}", r.band.wording);
    if let (Some(n), Some(p)) = (r.band.next_rating, r.band.points_to_next_rating) {
        let _ = writeln!(
            out,
            "  {p} more score {} would reach {}",
            if p == 1 { "point" } else { "points" },
            n.label().to_lowercase()
        );
    }
    if let (Some(d), Some(s)) = (r.rating.next_down(), r.band.slack_points) {
        let _ = writeln!(
            out,
            "  {} {} fewer would drop it to {}",
            s + 1,
            if s == 0 { "point" } else { "points" },
            d.label().to_lowercase()
        );
    }
    let _ = writeln!(out, "Method: {} ({})", r.method.name(), r.method.id());
    statement_table(&r, &mut out);
    let data = args.data.load()?;
    let council = args
        .council
        .as_deref()
        .map(cqc::find_council_reference)
        .transpose()?;
    let _ = writeln!(
        out,
        "Where it would rank among the councils with nine published scores (the current assessment of each, from {}; a tie counts against it):",
        data.origin()
    );
    match council {
        None => {
            let r = data.set.rank(&a);
            let _ = writeln!(out, "  England: {}", ranking_text(&r));
        }
        Some(c) => {
            let r = data.set.rankings_for(&a, c);
            for rank in [&r.england, &r.region, &r.council_type] {
                let _ = writeln!(out, "  {}: {}", rank.group().label(), ranking_text(rank));
            }
            let _ = writeln!(out, "  ({}'s own published result is left out.)", c.name);
        }
    }
    Ok(Outcome::ok(out))
}

/// `explain`.
pub fn explain(args: InputArgs) -> Result<Outcome, CliError> {
    let (a, note) = read_assessment(&args)?;
    let e = cqc::explain(&a);
    Ok(Outcome::ok(if args.json {
        to_json(&e)
    } else {
        with_note(note, e.to_text())
    }))
}

/// `improve`.
pub fn improve(args: ImproveArgs) -> Result<Outcome, CliError> {
    let (a, note) = read_assessment(&args.input)?;
    let target = Rating::parse(&args.target).map_err(|e| e.under("--target"))?;
    let mut fixed = Vec::new();
    for (i, name) in args.fixed.iter().flat_map(|f| f.split(',')).enumerate() {
        let found = cqc::QualityStatement::parse_list_item(name.trim())
            .map_err(|e| e.under(&format!("--fixed[{i}]")))?;
        fixed.extend(found);
    }
    let options = cqc::ImprovementOptions {
        max_step: args.max_step,
        fixed,
    };
    let plan = cqc::improvement_paths_with(&a, target, &options);
    if args.input.json {
        return Ok(Outcome::ok(to_json(&plan)));
    }
    let mut out = with_note(note, String::new());
    let _ = writeln!(
        out,
        "Now: {} ({} of {}). Target: {}.",
        plan.current_rating.label(),
        plan.current_total,
        a.max(),
        target.label()
    );
    if plan.already_met {
        let _ = writeln!(out, "The target is already met.");
        return Ok(Outcome::ok(out));
    }
    if !plan.reachable {
        let _ = writeln!(
            out,
            "Needs a total of {} ({} more score points): out of reach with {}.",
            plan.target_total,
            plan.points_needed,
            match (args.max_step, options.fixed.is_empty()) {
                (Some(m), true) => format!("at most {m} more per statement"),
                (None, false) => "those statements fixed".to_string(),
                _ => "those limits".to_string(),
            }
        );
        return Ok(Outcome::ok(out));
    }
    let _ = writeln!(
        out,
        "Needs a total of {} ({} more score point{}). {} minimal way{}, the most realistic first (one step per statement, lowest scores first):",
        plan.target_total,
        plan.points_needed,
        if plan.points_needed == 1 { "" } else { "s" },
        plan.paths.len(),
        if plan.paths.len() == 1 { "" } else { "s" }
    );
    for (i, p) in plan.paths.iter().take(args.limit).enumerate() {
        let steps: Vec<String> = p
            .increases
            .iter()
            .map(|inc| {
                format!(
                    "QS{} {} {}→{}",
                    inc.statement.number(),
                    inc.statement.name(),
                    inc.from,
                    inc.to
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "  {:>3}. {}  ({}%)",
            i + 1,
            steps.join("; "),
            p.percent
        );
    }
    if plan.paths.len() > args.limit {
        let _ = writeln!(
            out,
            "  ... and {} more (use --limit or --json to see all)",
            plan.paths.len() - args.limit
        );
    }
    Ok(Outcome::ok(out))
}

/// `probabilities`.
pub fn probabilities(args: ProbabilitiesArgs) -> Result<Outcome, CliError> {
    let text = read_input(&args.file)?;
    let p = cqc::rating_probabilities_json(&text)?;
    if args.json {
        return Ok(Outcome::ok(to_json(&p)));
    }
    let mut out = String::new();
    for r in &p.ratings {
        let _ = writeln!(
            out,
            "{:<22} {:>6.2}%",
            r.rating.label(),
            100.0 * r.probability
        );
    }
    let _ = writeln!(out, "Headline: {}", p.call.headline);
    let percents: Vec<String> = p
        .totals
        .iter()
        .map(|t| format!("{}% ({:.2}%)", t.percent, 100.0 * t.probability))
        .collect();
    let _ = writeln!(
        out,
        "Possible published percentages: {}",
        percents.join(", ")
    );
    let _ = writeln!(
        out,
        "Expected exact percentage: {:.1}% (an average: the published percentage is one of the whole numbers above)",
        p.expected_percent_exact
    );
    Ok(Outcome::ok(out))
}

/// `framework`.
pub fn framework(args: JsonFlag) -> Result<Outcome, CliError> {
    if args.json {
        return Ok(Outcome::ok(to_json(&cqc::framework_view())));
    }
    let mut out = String::new();
    for t in Theme::ALL {
        let _ = writeln!(out, "Theme {}: {}", t.number(), t.name());
        for q in t.statements() {
            let _ = writeln!(out, "  QS{} {} [{}]", q.number(), q.name(), q.id());
            let _ = writeln!(out, "      {}", q.description());
        }
    }
    let _ = writeln!(out, "Official wording: {}", cqc::FRAMEWORK_URL);
    let _ = writeln!(out, "\nEvidence categories:");
    for c in EvidenceCategory::ALL {
        let used = match c.local_authority_use() {
            cqc::LocalAuthorityUse::Used => "used for local authorities",
            cqc::LocalAuthorityUse::NotInBaseliningRound => "not used in the baselining round",
            cqc::LocalAuthorityUse::NotUsed => "never used for local authorities",
        };
        let _ = writeln!(out, "  {:<32} {}", c.name(), used);
    }
    let _ = writeln!(out, "\nScores:");
    for s in Score::ALL {
        let _ = writeln!(out, "  {} {}", s, s.descriptor());
    }
    let _ = writeln!(out, "\nRatings (published percentage, rounded up):");
    for r in Rating::ALL {
        let (lo, hi) = r.band();
        let _ = writeln!(out, "  {:<22} {lo}-{hi}%", r.label());
    }
    Ok(Outcome::ok(out))
}
