//! The self-assessment workbook commands: `workbook init`, `workbook check`, the registers'
//! CSV imports and exports (`import-evidence`, `export-evidence`, `import-actions`, ...), the
//! Excel file (`export-xlsx`, `import-xlsx`), and `report`.
//!
//! Every file is written whole or not at all ([`write_atomic`](crate::files::write_atomic)); an import that rejects a row,
//! or would leave a register with fewer items, writes nothing unless told to.

use std::fmt::Write as _;

use clap::{Args, Subcommand};
use cqc_assurance::{
    check_workbook_with, parse_date, Error, ImportMode, ImportOptions, Workbook, WorkbookImport,
    WorkbookPart, WorkbookReport,
};

use crate::data::DataArgs;
use crate::files::{write_atomic, write_new_atomic, write_whole};
use crate::{read_bytes, read_input, to_json, CliError, Outcome};

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
    /// Import the evidence register from a CSV file (replace, or --merge by id).
    ImportEvidence(ImportArgs),
    /// Write the evidence register as CSV (UTF-8 with a byte-order mark, as Excel wants it).
    ExportEvidence(ExportArgs),
    /// Import the action plan from a CSV file (replace, or --merge by id).
    ImportActions(ImportArgs),
    /// Write the action plan as CSV.
    ExportActions(ExportArgs),
    /// Import the indicators from a CSV file (replace, or --merge by name and collection).
    ImportIndicators(ImportArgs),
    /// Write the indicators as CSV.
    ExportIndicators(ExportArgs),
    /// Import the information return tracker from a CSV file (replace, or --merge by
    /// reference).
    ImportInformationReturn(ImportArgs),
    /// Write the information return tracker as CSV.
    ExportInformationReturn(ExportArgs),
    /// Import the case-tracking register from a CSV file (replace, or --merge by reference).
    /// The register holds no personal data: `workbook check` warns when a cell looks like a
    /// name, an NHS number or a date of birth.
    ImportCases(ImportArgs),
    /// Write the case-tracking register as CSV.
    ExportCases(ExportArgs),
    /// Import the interview schedule from a CSV file (replace, or --merge by role, date and
    /// time).
    ImportInterviews(ImportArgs),
    /// Write the interview schedule as CSV.
    ExportInterviews(ExportArgs),
    /// Import earlier self-assessments from a CSV file (replace, or --merge by date).
    ImportHistory(ImportArgs),
    /// Write earlier self-assessments as CSV.
    ExportHistory(ExportArgs),
    /// Write the whole workbook as an Excel file (.xlsx): statements, evidence, actions,
    /// indicators and an About sheet, with drop-down lists and real dates.
    ExportXlsx(ExportXlsxArgs),
    /// Read the whole workbook back from an Excel file written by export-xlsx and edited.
    ImportXlsx(ImportXlsxArgs),
}

#[derive(Debug, Args)]
struct InitArgs {
    /// The council's name.
    #[arg(long, default_value = "Your council")]
    council: String,
    /// Start the information return tracker with the library's starting list (documents and
    /// data public sources say the return holds, each with its source; the references are
    /// the list's own, to replace with those of CQC's request).
    #[arg(long)]
    information_return: bool,
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

/// How an import may change the workbook.
#[derive(Debug, Args)]
struct ImportFlags {
    /// Update the items with the same key (id; name and collection for indicators) in place,
    /// add new ones and keep the items not in the file, instead of replacing the register.
    #[arg(long)]
    merge: bool,
    /// Import the good rows even when some are rejected (the rejected ones are listed, and
    /// the exit status is 1). Without it one bad row means nothing is written.
    #[arg(long)]
    keep_good_rows: bool,
    /// Allow the register to end up with fewer items than it had (replacing it by a file that
    /// leaves some out). Without it such an import writes nothing.
    #[arg(long)]
    allow_fewer: bool,
    /// Print what the import found and did as JSON.
    #[arg(long)]
    json: bool,
}

impl ImportFlags {
    fn options(&self) -> ImportOptions {
        ImportOptions {
            mode: if self.merge {
                ImportMode::Merge
            } else {
                ImportMode::Replace
            },
            keep_good_rows: self.keep_good_rows,
            allow_fewer: self.allow_fewer,
        }
    }
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// The workbook (JSON).
    file: String,
    /// The register as CSV (UTF-8, UTF-16 or Windows-1252; separated by commas, semicolons or
    /// tabs; dates as 15/10/2026 or 2026-10-15). `workbook export-...` writes the columns.
    #[arg(long, value_name = "CSV")]
    csv: String,
    /// Where to write the updated workbook (may be the same file; written whole or not at all).
    #[arg(long, short = 'o', value_name = "FILE")]
    out: String,
    #[command(flatten)]
    flags: ImportFlags,
}

#[derive(Debug, Args)]
struct ExportXlsxArgs {
    /// The workbook (JSON); `-` reads standard input.
    file: String,
    /// The Excel file to write (.xlsx).
    #[arg(long, short = 'o', value_name = "XLSX")]
    out: String,
}

#[derive(Debug, Args)]
struct ImportXlsxArgs {
    /// The workbook (JSON) the Excel file updates.
    file: String,
    /// The Excel file (.xlsx), as export-xlsx writes it.
    #[arg(long, value_name = "XLSX")]
    xlsx: String,
    /// Where to write the updated workbook (may be the same file; written whole or not at all).
    #[arg(long, short = 'o', value_name = "FILE")]
    out: String,
    #[command(flatten)]
    flags: ImportFlags,
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
        WorkbookCommand::ImportEvidence(a) => import_csv(a, WorkbookPart::Evidence),
        WorkbookCommand::ExportEvidence(a) => export_csv(a, WorkbookPart::Evidence),
        WorkbookCommand::ImportActions(a) => import_csv(a, WorkbookPart::Actions),
        WorkbookCommand::ExportActions(a) => export_csv(a, WorkbookPart::Actions),
        WorkbookCommand::ImportIndicators(a) => import_csv(a, WorkbookPart::Indicators),
        WorkbookCommand::ExportIndicators(a) => export_csv(a, WorkbookPart::Indicators),
        WorkbookCommand::ImportInformationReturn(a) => {
            import_csv(a, WorkbookPart::InformationReturn)
        }
        WorkbookCommand::ExportInformationReturn(a) => {
            export_csv(a, WorkbookPart::InformationReturn)
        }
        WorkbookCommand::ImportCases(a) => import_csv(a, WorkbookPart::CaseTracking),
        WorkbookCommand::ExportCases(a) => export_csv(a, WorkbookPart::CaseTracking),
        WorkbookCommand::ImportInterviews(a) => import_csv(a, WorkbookPart::Interviews),
        WorkbookCommand::ExportInterviews(a) => export_csv(a, WorkbookPart::Interviews),
        WorkbookCommand::ImportHistory(a) => import_csv(a, WorkbookPart::History),
        WorkbookCommand::ExportHistory(a) => export_csv(a, WorkbookPart::History),
        WorkbookCommand::ExportXlsx(a) => export_xlsx(a),
        WorkbookCommand::ImportXlsx(a) => import_xlsx(a),
    }
}

fn init(a: InitArgs) -> Result<Outcome, CliError> {
    let mut wb = Workbook::starter(&a.council);
    if a.information_return {
        wb.information_return = cqc_assurance::information_return_starter();
    }
    let text = wb.to_json();
    match a.out {
        None => Ok(Outcome::ok(text)),
        Some(path) => {
            write_new_atomic(
                &path,
                text.as_bytes(),
                "an existing workbook is never overwritten",
            )?;
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

fn import_csv(a: ImportArgs, part: WorkbookPart) -> Result<Outcome, CliError> {
    let wb = read_workbook(&a.file)?;
    let bytes = read_bytes(&a.csv)?;
    let import = wb.import_csv(part, &bytes, &a.flags.options());
    finish_import(import, &a.csv, &a.out, &a.flags)
}

fn import_xlsx(a: ImportXlsxArgs) -> Result<Outcome, CliError> {
    let wb = read_workbook(&a.file)?;
    let bytes = read_bytes(&a.xlsx)?;
    let import = wb.import_xlsx(&bytes, &a.flags.options());
    finish_import(import, &a.xlsx, &a.out, &a.flags)
}

/// Reports an import and writes its workbook when it may be written. Exit status 0: written,
/// every row imported; 1: written with rejected rows left out (`--keep-good-rows`); 2:
/// nothing written.
fn finish_import(
    import: WorkbookImport,
    source: &str,
    out_path: &str,
    flags: &ImportFlags,
) -> Result<Outcome, CliError> {
    let status = match &import.workbook {
        Some(_) if import.errors.is_empty() => 0,
        Some(_) => 1,
        None => 2,
    };
    if let Some(wb) = &import.workbook {
        write_atomic(out_path, wb.to_json().as_bytes())?;
    }
    if flags.json {
        return Ok(Outcome::with_status(to_json(&import), status));
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "read {} row(s) from {source}: {} good, {} rejected",
        import.rows,
        import.rows - import.rejected,
        import.rejected
    );
    for w in &import.warnings {
        let _ = writeln!(out, "  warning: {w}");
    }
    for e in &import.errors {
        let _ = writeln!(out, "  error[{}]: {e}", e.code());
    }
    let fewer = import
        .errors
        .iter()
        .any(|e| matches!(e, Error::FewerItems { .. }));
    if import.workbook.is_some() || fewer {
        let prefix = if import.workbook.is_some() {
            ""
        } else {
            "if written, "
        };
        for c in &import.changes {
            let _ = writeln!(out, "{prefix}{}", c.summary());
        }
    }
    if import.workbook.is_some() {
        let _ = writeln!(out, "wrote {out_path}");
        if status == 1 {
            let _ = writeln!(
                out,
                "{} rejected row(s) left out (--keep-good-rows): fix them and import again",
                import.rejected
            );
        }
        return Ok(Outcome::with_status(out, status));
    }
    let _ = write!(out, "nothing written: ");
    let rejected_only = import.rejected > 0
        && import
            .errors
            .iter()
            .all(|e| matches!(e, Error::InvalidCsv { .. } | Error::InvalidXlsx { .. }));
    if fewer {
        let _ = writeln!(
            out,
            "give --merge to keep the items the file leaves out, or --allow-fewer to remove them"
        );
    } else if rejected_only {
        let _ = writeln!(
            out,
            "fix the {} problem(s) above and import again, or give --keep-good-rows to import the {} good row(s) without the {} rejected{}",
            import.errors.len(),
            import.rows - import.rejected,
            import.rejected,
            if flags.merge {
                ""
            } else {
                " (with --merge, the rejected rows' items keep their current version)"
            }
        );
    } else {
        let _ = writeln!(out, "fix the problem(s) above and import again");
    }
    Ok(Outcome::with_status(out, 2))
}

fn export_csv(a: ExportArgs, part: WorkbookPart) -> Result<Outcome, CliError> {
    let wb = read_workbook(&a.file)?;
    let (csv, count) = wb.register_csv(part);
    match a.out {
        None => Ok(Outcome::ok(csv)),
        Some(path) => {
            write_atomic(&path, csv.as_bytes())?;
            Ok(Outcome::ok(format!(
                "wrote {count} {} item(s) to {path}\n",
                part.as_str()
            )))
        }
    }
}

fn export_xlsx(a: ExportXlsxArgs) -> Result<Outcome, CliError> {
    let wb = read_workbook(&a.file)?;
    let bytes = wb.to_xlsx()?;
    write_atomic(&a.out, &bytes)?;
    Ok(Outcome::ok(format!(
        "wrote {}: statements, {} evidence item(s), {} action(s), {} indicator(s)\n",
        a.out,
        wb.evidence.len(),
        wb.actions.len(),
        wb.indicators.len()
    )))
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
