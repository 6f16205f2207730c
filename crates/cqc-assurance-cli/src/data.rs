//! Which published results a command uses (`--data FILE`, else the `CQC_ASSURANCE_DATA`
//! environment variable, else the bundled dataset), and writing a file whole or not at all.

use std::borrow::Cow;

use clap::Args;
use cqc_assurance::PublishedDataset;

use crate::CliError;

/// The environment variable naming a published-results CSV to use instead of the bundled one.
pub const DATA_ENV: &str = "CQC_ASSURANCE_DATA";

/// `--data FILE`.
#[derive(Debug, Args)]
pub struct DataArgs {
    /// Published results to use instead of the bundled ones: a CSV in the format
    /// `published --csv` writes. Default: the file named by the environment variable
    /// CQC_ASSURANCE_DATA, if set, else the bundled dataset.
    #[arg(long, value_name = "CSV")]
    data: Option<String>,
}

/// The published results in use and where they come from.
pub struct Data {
    /// The dataset.
    pub set: Cow<'static, PublishedDataset>,
    /// `None` for the bundled dataset, else the file.
    pub file: Option<String>,
}

impl Data {
    /// Where the results come from, for the output: `the bundled dataset` or the file name.
    pub fn origin(&self) -> String {
        match &self.file {
            None => "the bundled dataset".into(),
            Some(f) => f.clone(),
        }
    }
}

impl DataArgs {
    /// The file to read, if any: `--data`, else the environment variable (ignored when empty).
    fn file(&self) -> Option<String> {
        self.data.clone().or_else(|| {
            std::env::var(DATA_ENV)
                .ok()
                .filter(|v| !v.trim().is_empty())
        })
    }

    /// Loads the published results: every problem of the file is reported (and nothing is
    /// used) rather than the rows that read being used silently; records that disagree with
    /// CQC's method are kept, and counted on standard error.
    pub fn load(&self) -> Result<Data, CliError> {
        let Some(file) = self.file() else {
            return Ok(Data {
                set: Cow::Borrowed(PublishedDataset::bundled()),
                file: None,
            });
        };
        let bytes =
            std::fs::read(&file).map_err(|e| CliError::Io(format!("cannot read {file}: {e}")))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            CliError::Io(format!(
                "{file} is not UTF-8 text (byte {} is not): in Excel, save it as \"CSV UTF-8 (Comma delimited)\"",
                e.utf8_error().valid_up_to() + 1
            ))
        })?;
        let (set, errors) = PublishedDataset::from_csv_lenient(&text);
        if !errors.is_empty() {
            return Err(CliError::Data { file, errors });
        }
        let inconsistent = set.inconsistencies().len();
        if inconsistent > 0 {
            eprintln!(
                "{file}: {inconsistent} record(s) disagree with CQC's method; `cqc-assurance check-published --all --data {file}` lists them"
            );
        }
        Ok(Data {
            set: Cow::Owned(set),
            file: Some(file),
        })
    }
}
