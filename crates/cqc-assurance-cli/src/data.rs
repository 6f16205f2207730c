//! Which published results a command uses (`--data FILE`, else the `CQC_ASSURANCE_DATA`
//! environment variable, else the bundled dataset), and writing a file whole or not at all.

use std::borrow::Cow;
use std::io::Write as _;
use std::path::Path;

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

/// Writes `text` to `path` whole or not at all: to a temporary file in the same folder, then
/// renamed over the target. An existing file is replaced only with `overwrite`.
pub fn write_whole(path: &str, text: &str, overwrite: bool) -> Result<(), CliError> {
    let target = Path::new(path);
    if !overwrite && target.exists() {
        return Err(CliError::Io(format!(
            "{path} exists: not overwritten (give --force to replace it)"
        )));
    }
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let fail = |e: std::io::Error| CliError::Io(format!("cannot write {path}: {e}"));
    let mut n = 0u32;
    let (temp, mut file) = loop {
        let temp = folder.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(f) => break (temp, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
            Err(e) => return Err(fail(e)),
        }
    };
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all());
    drop(file);
    if let Err(e) = written.and_then(|()| {
        if !overwrite && target.exists() {
            // Created meanwhile by someone else: keep theirs.
            return Err(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "the file appeared while writing; not overwritten",
            ));
        }
        std::fs::rename(&temp, target)
    }) {
        let _ = std::fs::remove_file(&temp);
        return Err(fail(e));
    }
    Ok(())
}
