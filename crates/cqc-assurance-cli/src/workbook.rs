//! The self-assessment workbook commands: `workbook init`, `workbook check`,
//! `workbook import-evidence`, `workbook export-evidence`, and `report`.

use std::fmt::Write as _;

use clap::{Args, Subcommand};
use cqc_assurance::{
    check_workbook_with, evidence_from_csv, evidence_to_csv, parse_date, Workbook, WorkbookReport,
};

use crate::data::DataArgs;
use crate::{read_input, to_json, CliError, Outcome};

/// Arguments of `workbook`.
#[derive(Debug, Args)]
pub struct WorkbookArgs {
    #[command(subcommand)]
    command: WorkbookCommand,
}

#[derive(Debug, Subcommand)]
enum WorkbookCommand {
    /// Write a new workbook to fill in: nine statements not yet scored, the England figures of
    /// the usual indicators, an empty evidence register and action plan.
    Init(InitArgs),
    /// Check a workbook: every error with its path, then warnings and the main figures.
    Check(CheckArgs),
    /// Replace a workbook's evidence register with the rows of a CSV file.
    ImportEvidence(ImportArgs),
    /// Write a workbook's evidence register as CSV.
    ExportEvidence(ExportArgs),
}

#[derive(Debug, Args)]
struct InitArgs {
    /// The council's name.
    #[arg(long, default_value = "Your council")]
    council: String,
    /// Write here instead of standard output (an existing file is not overwritten).
    #[arg(long, short = 'o', value_name = "FILE")]
    out: Option<String>,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// The workbook (JSON); `-` reads standard input.
    file: String,
    /// The date to check evidence and actions against (YYYY-MM-DD); today (UTC) if omitted.
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    data: DataArgs,
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// The workbook (JSON).
    file: String,
    /// The evidence register (CSV; columns id, title, category, supports, owner, date,
    /// review_by, expires, link).
    #[arg(long, value_name = "CSV")]
    csv: String,
    /// Where to write the updated workbook (may be the same file).
    #[arg(long, short = 'o', value_name = "FILE")]
    out: String,
}

#[derive(Debug, Args)]
struct ExportArgs {
    /// The workbook (JSON); `-` reads standard input.
    file: String,
    /// Write here instead of standard output.
    #[arg(long, short = 'o', value_name = "CSV")]
    out: Option<String>,
}

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The workbook (JSON); `-` reads standard input.
    file: String,
    /// Write the HTML report here (one self-contained file).
    #[arg(long, value_name = "OUT")]
    html: Option<String>,
    /// Write the Markdown report here.
    #[arg(long, value_name = "OUT")]
    md: Option<String>,
    /// Write the report as a Word document (.docx) here: A4, for a board paper.
    #[arg(long, value_name = "OUT")]
    docx: Option<String>,
    /// The date the report is for (YYYY-MM-DD); today (UTC) if omitted.
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
    #[command(flatten)]
    data: DataArgs,
}

fn today(arg: &Option<String>) -> Result<jiff::civil::Date, CliError> {
    match arg {
        Some(d) => Ok(parse_date(d, "--today")?),
        None => Ok(jiff::Timestamp::now()
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date()),
    }
}

fn write_file(path: &str, text: &str) -> Result<(), CliError> {
    write_whole(&[(path, text.as_bytes())])
}

/// Writes each file whole or not at all: every one goes first to a temporary file in its own
/// folder (flushed to disk), and only when all are written are they renamed over their
/// targets. A failure removes the temporary files and leaves every target as it was.
fn write_whole(files: &[(&str, &[u8])]) -> Result<(), CliError> {
    let mut temps: Vec<(std::path::PathBuf, &str)> = Vec::new();
    let failed = |temps: &[(std::path::PathBuf, &str)], path: &str, e: std::io::Error| {
        for (t, _) in temps {
            let _ = std::fs::remove_file(t);
        }
        CliError::Io(format!("cannot write {path}: {e}"))
    };
    for (i, (path, bytes)) in files.iter().enumerate() {
        let target = std::path::Path::new(path);
        let Some(name) = target.file_name() else {
            return Err(failed(
                &temps,
                path,
                std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"),
            ));
        };
        let folder = target
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        let temp = folder.join(format!(
            ".{}.{}-{i}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .and_then(|mut f| {
                std::io::Write::write_all(&mut f, bytes)?;
                f.sync_all()
            });
        if let Err(e) = written {
            let _ = std::fs::remove_file(&temp);
            return Err(failed(&temps, path, e));
        }
        temps.push((temp, path));
    }
    for k in 0..temps.len() {
        let (temp, path) = &temps[k];
        if let Err(e) = std::fs::rename(temp, path) {
            return Err(failed(&temps[k..], path, e));
        }
    }
    Ok(())
}

/// Reads a workbook; on failure the first problem is the error and a hint counts the others
/// (`workbook check` lists them all).
fn read_workbook(path: &str) -> Result<Workbook, CliError> {
    let text = read_input(path)?;
    Workbook::from_json_all(&text).map_err(|mut errors| {
        if errors.len() > 1 {
            eprintln!(
                "{path}: {} problems; run `cqc-assurance workbook check {path}` to list them all",
                errors.len()
            );
        }
        CliError::Core(errors.swap_remove(0))
    })
}

/// Runs `workbook ...`.
pub fn workbook(args: WorkbookArgs) -> Result<Outcome, CliError> {
    match args.command {
        WorkbookCommand::Init(a) => init(a),
        WorkbookCommand::Check(a) => check(a),
        WorkbookCommand::ImportEvidence(a) => import_evidence(a),
        WorkbookCommand::ExportEvidence(a) => export_evidence(a),
    }
}

fn init(a: InitArgs) -> Result<Outcome, CliError> {
    let text = Workbook::starter(&a.council).to_json();
    match a.out {
        None => Ok(Outcome::ok(text)),
        Some(path) => {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .map_err(|e| {
                    CliError::Io(format!(
                        "cannot create {path}: {e} (an existing workbook is never overwritten)"
                    ))
                })?;
            std::io::Write::write_all(&mut file, text.as_bytes())
                .map_err(|e| CliError::Io(format!("cannot write {path}: {e}")))?;
            Ok(Outcome::ok(format!(
                "wrote {path}: fill in the self-scores, evidence, indicator figures and actions, then run `cqc-assurance workbook check {path}`\n"
            )))
        }
    }
}

fn check(a: CheckArgs) -> Result<Outcome, CliError> {
    let text = read_input(&a.file)?;
    let data = a.data.load()?;
    let check = check_workbook_with(&text, today(&a.today)?, &data.set);
    let status = if check.valid { 0 } else { 2 };
    if a.json {
        return Ok(Outcome::with_status(to_json(&check), status));
    }
    let mut out = String::new();
    if !check.valid {
        let _ = writeln!(out, "{}: {} problem(s) to fix:", a.file, check.errors.len());
        for e in &check.errors {
            let _ = writeln!(out, "  error[{}]: {}", e.code, e.message);
        }
        return Ok(Outcome::with_status(out, status));
    }
    let an = check
        .analysis
        .as_ref()
        .expect("a valid workbook is analysed");
    let _ = writeln!(out, "{}: the workbook reads ({})", a.file, an.council);
    match &an.prediction {
        Some(p) => {
            let sc = &p.scenario.result;
            let _ = writeln!(out, "  predicted rating: {}", p.call.headline);
            let _ = writeln!(
                out,
                "  figures assume {}: {} of {} points, {}%, {}",
                p.scenario.description, sc.total, sc.max, sc.percent, sc.band.wording
            );
            if p.probabilities.totals.len() > 1 {
                let percents: Vec<String> = p
                    .probabilities
                    .totals
                    .iter()
                    .map(|t| format!("{}% ({:.0}%)", t.percent, 100.0 * t.probability))
                    .collect();
                let _ = writeln!(
                    out,
                    "  possible published percentages: {}",
                    percents.join(", ")
                );
            }
        }
        None => {
            let _ = writeln!(out, "  no self-scores yet");
        }
    }
    let _ = writeln!(
        out,
        "  evidence: {} items, {} of {} statement × category cells covered, {} stale or expired",
        an.evidence_items,
        an.coverage.covered,
        an.coverage.cells,
        an.evidence_attention.len()
    );
    let _ = writeln!(
        out,
        "  actions: {} open, {} overdue",
        an.actions.open, an.actions.overdue
    );
    if check.warnings.is_empty() {
        let _ = writeln!(out, "  no warnings");
    } else {
        let _ = writeln!(out, "  {} warning(s):", check.warnings.len());
        for w in &check.warnings {
            let _ = writeln!(
                out,
                "  warning[{}]: {}{}",
                w.code,
                w.message,
                w.path
                    .as_deref()
                    .map(|p| format!(" ({p})"))
                    .unwrap_or_default()
            );
        }
    }
    Ok(Outcome::ok(out))
}

fn import_evidence(a: ImportArgs) -> Result<Outcome, CliError> {
    let mut wb = read_workbook(&a.file)?;
    let csv = read_input(&a.csv)?;
    let import = evidence_from_csv(&csv);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "read {} evidence item(s) from {}; {} problem(s)",
        import.items.len(),
        a.csv,
        import.errors.len()
    );
    for e in &import.errors {
        let _ = writeln!(out, "  error[{}]: {e}", e.code());
    }
    let replaced = wb.evidence.len();
    wb.evidence = import.items;
    // The imported register must still make a valid workbook (ids unique and so on).
    let text = wb.to_json();
    if let Err(errors) = Workbook::from_json_all(&text) {
        for e in &errors {
            let _ = writeln!(out, "  error[{}]: {e}", e.code());
        }
        return Ok(Outcome::with_status(out + "nothing written\n", 2));
    }
    write_file(&a.out, &text)?;
    let _ = writeln!(
        out,
        "wrote {} with {} evidence item(s) (replacing {replaced})",
        a.out,
        wb.evidence.len()
    );
    // Rows left out are listed above; say so in the exit status too.
    let status = if import.errors.is_empty() { 0 } else { 1 };
    Ok(Outcome::with_status(out, status))
}

fn export_evidence(a: ExportArgs) -> Result<Outcome, CliError> {
    let wb = read_workbook(&a.file)?;
    let csv = evidence_to_csv(&wb.evidence);
    match a.out {
        None => Ok(Outcome::ok(csv)),
        Some(path) => {
            write_file(&path, &csv)?;
            Ok(Outcome::ok(format!(
                "wrote {} evidence item(s) to {path}\n",
                wb.evidence.len()
            )))
        }
    }
}

/// Runs `report`.
pub fn report(a: ReportArgs) -> Result<Outcome, CliError> {
    if a.html.is_none() && a.md.is_none() && a.docx.is_none() {
        return Err(CliError::Io(
            "nothing to write: give --html OUT, --md OUT and/or --docx OUT".into(),
        ));
    }
    let wb = read_workbook(&a.file)?;
    let data = a.data.load()?;
    let report = WorkbookReport::with_data(&wb, today(&a.today)?, &data.set);
    // Every output is rendered before any is written, and all are written whole or none, so
    // that a failure writes nothing.
    let mut outputs: Vec<(&str, Vec<u8>)> = Vec::new();
    if let Some(path) = &a.html {
        outputs.push((path, report.html()?.into_bytes()));
    }
    if let Some(path) = &a.md {
        outputs.push((path, report.markdown()?.into_bytes()));
    }
    if let Some(path) = &a.docx {
        outputs.push((path, report.docx()?));
    }
    let files: Vec<(&str, &[u8])> = outputs.iter().map(|(p, b)| (*p, b.as_slice())).collect();
    write_whole(&files)?;
    let mut out = String::new();
    for (path, _) in &outputs {
        let _ = writeln!(out, "wrote {path}");
    }
    Ok(Outcome::ok(out))
}
