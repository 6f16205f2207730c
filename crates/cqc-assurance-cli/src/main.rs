//! The `cqc-assurance` command: a thin layer over the `cqc-assurance` library.
//!
//! Exit status: 0 success; 1 `check-published` found inconsistencies, or an import wrote the
//! good rows and left rejected ones out (`--keep-good-rows`); 2 bad input or usage (an import
//! that writes nothing).

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use cqc_assurance::Error;

mod data;
mod files;
mod published;
mod rating;
mod timeline;
mod workbook;

/// Rate, explain and check CQC local authority (adult social care) assessments.
#[derive(Debug, Parser)]
#[command(name = "cqc-assurance", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Rate an assessment: overall percentage, rating and position in the band.
    Rate(rating::RateArgs),
    /// Explain, step by step, how the rating follows from the scores.
    Explain(rating::InputArgs),
    /// List every minimal set of score increases that reaches a target rating.
    Improve(rating::ImproveArgs),
    /// Probability of each rating when scores are uncertain (exact, no sampling).
    Probabilities(rating::ProbabilitiesArgs),
    /// The framework: themes, quality statements, evidence categories, scores, ratings, methods.
    Framework(rating::JsonFlag),
    /// Published results of all 153 councils: the list, one council (history and rank), rating
    /// counts and statement distributions by region and type, the dataset as CSV.
    Published(published::PublishedArgs),
    /// Check published scores against a published rating (and percentage).
    CheckPublished(published::CheckArgs),
    /// The assessment timeline: every deadline on real working days, status, .ics export.
    Timeline(Box<timeline::TimelineArgs>),
    /// The self-assessment workbook: init, check, CSV imports and exports of the evidence,
    /// actions and indicators, and the whole workbook as an Excel file.
    Workbook(workbook::WorkbookArgs),
    /// Render a workbook's report: one self-contained HTML file, Markdown, and/or a Word document.
    Report(workbook::ReportArgs),
}

/// What a command produced: text for stdout and the exit status.
pub struct Outcome {
    text: String,
    status: u8,
}

impl Outcome {
    /// Success with this output.
    pub fn ok(text: String) -> Outcome {
        Outcome { text, status: 0 }
    }
    /// Output with a given status (1: inconsistencies found).
    pub fn with_status(text: String, status: u8) -> Outcome {
        Outcome { text, status }
    }
}

/// An error from any command: the library's error, or a problem reading a file.
#[derive(Debug)]
pub enum CliError {
    /// From the library: code, path, message.
    Core(Error),
    /// A file that cannot be read or written.
    Io(String),
    /// A published-results file with problems: every one, each at its line and column.
    Data {
        /// The file.
        file: String,
        /// Every problem.
        errors: Vec<Error>,
    },
}

impl From<Error> for CliError {
    fn from(e: Error) -> Self {
        CliError::Core(e)
    }
}

/// Reads a whole file (or stdin for `-`).
pub fn read_input(path: &str) -> Result<String, CliError> {
    if path == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| CliError::Io(format!("cannot read standard input: {e}")))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| CliError::Io(format!("cannot read {path}: {e}")))
    }
}

/// Reads a whole file as bytes (or stdin for `-`).
pub fn read_bytes(path: &str) -> Result<Vec<u8>, CliError> {
    if path == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b)
            .map_err(|e| CliError::Io(format!("cannot read standard input: {e}")))?;
        Ok(b)
    } else {
        std::fs::read(path).map_err(|e| CliError::Io(format!("cannot read {path}: {e}")))
    }
}

/// Pretty JSON of anything serialisable.
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("results always serialise");
    s.push('\n');
    s
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let json_errors = std::env::args().any(|a| a == "--json");
    let result = match cli.command {
        Command::Rate(a) => rating::rate(a),
        Command::Explain(a) => rating::explain(a),
        Command::Improve(a) => rating::improve(a),
        Command::Probabilities(a) => rating::probabilities(a),
        Command::Framework(a) => rating::framework(a),
        Command::Published(a) => published::published(a),
        Command::CheckPublished(a) => published::check_published(a),
        Command::Timeline(a) => timeline::timeline(*a),
        Command::Workbook(a) => workbook::workbook(a),
        Command::Report(a) => workbook::report(a),
    };
    match result {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = stdout.write_all(out.text.as_bytes());
            ExitCode::from(out.status)
        }
        Err(CliError::Core(e)) => {
            if json_errors {
                eprintln!("{}", serde_json::json!({ "error": e.report() }));
            } else {
                eprintln!("error[{}]: {e}", e.code());
            }
            ExitCode::from(2)
        }
        Err(CliError::Data { file, errors }) => {
            if json_errors {
                let reports: Vec<_> = errors.iter().map(Error::report).collect();
                eprintln!(
                    "{}",
                    serde_json::json!({ "error": {
                        "code": "invalid_csv",
                        "message": format!("{file}: {} problem(s); nothing was read", errors.len()),
                        "path": reports.first().and_then(|r| r.path.clone()),
                        "file": file,
                        "errors": reports,
                    } })
                );
            } else {
                for e in &errors {
                    eprintln!("error[{}]: {file}: {e}", e.code());
                }
                eprintln!(
                    "{file}: {} problem(s); nothing was read (fix them and run the command again)",
                    errors.len()
                );
            }
            ExitCode::from(2)
        }
        Err(CliError::Io(msg)) => {
            if json_errors {
                eprintln!(
                    "{}",
                    serde_json::json!({ "error": { "code": "io", "message": msg, "path": null } })
                );
            } else {
                eprintln!("error[io]: {msg}");
            }
            ExitCode::from(2)
        }
    }
}
