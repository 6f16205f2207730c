//! Importing a register into a workbook without losing anything: every row checked first,
//! replace or merge by key, counts of what changed, and a refusal rather than a register that
//! silently shrinks.

use std::collections::HashMap;

use serde::{Serialize, Serializer};

use crate::error::{Error, ErrorReport};

use super::csv_io::{from_csv_bytes, CsvImport};
use super::rows::Register;
use super::{
    Action, EvidenceItem, HistoryEntry, Indicator, Interview, ReturnItem, TrackedCase, Workbook,
};

/// A register of the workbook that can be imported and exported as a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum WorkbookPart {
    /// The evidence register (`evidence`), keyed by id.
    Evidence,
    /// The action plan (`actions`), keyed by id.
    Actions,
    /// The indicators (`indicators`), keyed by name and collection: indicators have no id,
    /// and a name is only unique within its collection (names compared ignoring case, spaces
    /// and punctuation).
    Indicators,
    /// The information return tracker (`information_return`), keyed by reference (compared
    /// as names are).
    InformationReturn,
    /// The case-tracking register (`case_tracking`), keyed by local reference.
    CaseTracking,
    /// The interview schedule (`interviews`), keyed by role, date and time.
    Interviews,
    /// Earlier self-assessments (`history`), keyed by date.
    History,
}

impl WorkbookPart {
    /// All the registers, in the order of the document.
    pub const ALL: [WorkbookPart; 7] = [
        WorkbookPart::Evidence,
        WorkbookPart::Actions,
        WorkbookPart::Indicators,
        WorkbookPart::InformationReturn,
        WorkbookPart::CaseTracking,
        WorkbookPart::Interviews,
        WorkbookPart::History,
    ];

    /// The list's name in the document: `evidence`, `actions`, `indicators`.
    ///
    /// ```
    /// assert_eq!(cqc_assurance::WorkbookPart::Actions.as_str(), "actions");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            WorkbookPart::Evidence => "evidence",
            WorkbookPart::Actions => "actions",
            WorkbookPart::Indicators => "indicators",
            WorkbookPart::InformationReturn => "information_return",
            WorkbookPart::CaseTracking => "case_tracking",
            WorkbookPart::Interviews => "interviews",
            WorkbookPart::History => "history",
        }
    }

    /// The register with this document name, or an `invalid_value` error at `part` listing
    /// the names there are. `name` is `None` when the caller was given something that is not
    /// text; `shown` is the value as the caller's language writes it (`"evidnce"`, `42`).
    ///
    /// ```
    /// use cqc_assurance::WorkbookPart;
    /// assert_eq!(WorkbookPart::parse(Some("case_tracking"), "").unwrap(), WorkbookPart::CaseTracking);
    /// let e = WorkbookPart::parse(Some("evidnce"), "'evidnce'").unwrap_err();
    /// assert_eq!((e.code(), e.path()), ("invalid_value", Some("part")));
    /// assert!(e.to_string().contains("\"information_return\""));
    /// ```
    pub fn parse(name: Option<&str>, shown: &str) -> Result<WorkbookPart, Error> {
        WorkbookPart::ALL
            .into_iter()
            .find(|p| Some(p.as_str()) == name)
            .ok_or_else(|| Error::InvalidValue {
                path: "part".into(),
                message: format!(
                    "expected one of {}, got {shown}",
                    WorkbookPart::ALL
                        .iter()
                        .map(|p| format!("{:?}", p.as_str()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })
    }
}

/// How imported rows combine with the register already in the workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportMode {
    /// The register becomes the rows of the file, in file order (items with a key in the file
    /// are replaced, the others removed).
    #[default]
    Replace,
    /// Rows update the item with the same key in place, rows with a new key are added at the
    /// end, items not in the file are kept.
    Merge,
}

impl ImportMode {
    /// The mode named `replace` or `merge`, or an `invalid_value` error at `path`; `name` and
    /// `shown` as for [`WorkbookPart::parse`].
    ///
    /// ```
    /// use cqc_assurance::ImportMode;
    /// assert_eq!(ImportMode::parse(Some("merge"), "", "mode").unwrap(), ImportMode::Merge);
    /// let e = ImportMode::parse(Some("add"), "'add'", "mode").unwrap_err();
    /// assert_eq!((e.code(), e.path()), ("invalid_value", Some("mode")));
    /// ```
    pub fn parse(name: Option<&str>, shown: &str, path: &str) -> Result<ImportMode, Error> {
        match name {
            Some("replace") => Ok(ImportMode::Replace),
            Some("merge") => Ok(ImportMode::Merge),
            _ => Err(Error::InvalidValue {
                path: path.into(),
                message: format!("expected \"replace\" or \"merge\", got {shown}"),
            }),
        }
    }
}

/// What an import may do. The default is the safe one: replace, but only if every row is good
/// and no item is lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportOptions {
    /// Replace or merge.
    pub mode: ImportMode,
    /// Import the good rows even when some are rejected (each rejected row is still reported).
    /// Without it, one bad row means nothing is imported.
    pub keep_good_rows: bool,
    /// Accept a register with fewer items than it had (in replace mode, items not in the file
    /// are removed). Without it such an import is refused with [`Error::FewerItems`].
    pub allow_fewer: bool,
}

/// What an import did, or would have done, to one register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct PartChange {
    /// The register.
    pub part: WorkbookPart,
    /// Items before.
    pub before: usize,
    /// Items after.
    pub after: usize,
    /// Items replaced by a row with the same key (in either mode)...
    pub replaced: usize,
    /// ...of which this many were the same as before.
    pub unchanged: usize,
    /// Rows with a new key, added.
    pub added: usize,
    /// Items not in the file and kept (merge).
    pub kept: usize,
    /// The keys of the items not in the file and removed (replace), as people read them.
    pub removed: Vec<String>,
}

impl PartChange {
    /// One line for people: `evidence: 14 items (was 14): 13 replaced (12 unchanged), 1 added,
    /// 0 kept, 1 removed (EV-09)`.
    pub fn summary(&self) -> String {
        let removed = if self.removed.is_empty() {
            "0 removed".to_string()
        } else {
            format!(
                "{} removed ({})",
                self.removed.len(),
                self.removed.join(", ")
            )
        };
        format!(
            "{}: {} item(s) (was {}): {} replaced ({} unchanged), {} added, {} kept, {removed}",
            self.part.as_str(),
            self.after,
            self.before,
            self.replaced,
            self.unchanged,
            self.added,
            self.kept
        )
    }
}

/// The result of importing into a workbook: the new workbook when the import may be written,
/// and everything found on the way.
///
/// ```
/// use cqc_assurance::{ImportOptions, Workbook, WorkbookPart};
/// let wb = Workbook::from_json(include_str!("../../../../examples/liverpool-workbook.json")).unwrap();
/// // A file with one good row and one bad one: nothing is imported.
/// let csv = "id,title,category,supports,date\nEV-99,New audit,processes,QS7,15/10/2026\nEV-98,Bad,vibes,QS7,15/10/2026\n";
/// let import = wb.import_csv(WorkbookPart::Evidence, csv.as_bytes(), &ImportOptions::default());
/// assert!(import.workbook.is_none());
/// assert_eq!(import.errors[0].path(), Some("line 3: category"));
/// // Replacing 14 items by one row would lose 13: refused too, even with the bad row fixed.
/// let csv = "id,title,category,supports,date\nEV-99,New audit,processes,QS7,15/10/2026\n";
/// let import = wb.import_csv(WorkbookPart::Evidence, csv.as_bytes(), &ImportOptions::default());
/// assert_eq!(import.errors[0].code(), "fewer_items");
/// // Merged by id, the row is added and the 14 items kept.
/// let merge = ImportOptions { mode: cqc_assurance::ImportMode::Merge, ..Default::default() };
/// let import = wb.import_csv(WorkbookPart::Evidence, csv.as_bytes(), &merge);
/// assert_eq!(import.workbook.unwrap().evidence.len(), 15);
/// assert_eq!((import.changes[0].added, import.changes[0].kept), (1, 14));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS),
    ts(as = "WorkbookImportSummary<'static>")
)]
pub struct WorkbookImport {
    /// The workbook with the import applied, or `None` when nothing may be written (a row was
    /// rejected and `keep_good_rows` was not given, the file could not be read, items would be
    /// lost, or the result would not be a valid workbook).
    pub workbook: Option<Workbook>,
    /// Every problem, in file order.
    pub errors: Vec<Error>,
    /// What the reader noticed that a person should know.
    pub warnings: Vec<String>,
    /// The data rows read (blank rows not counted).
    pub rows: usize,
    /// The rows rejected.
    pub rejected: usize,
    /// What happened (or would have happened) to each register imported.
    pub changes: Vec<PartChange>,
}

/// What a [`WorkbookImport`] serialises as: whether the workbook was written and what
/// happened, without the workbook (which the bindings hand back as the object of its file).
#[derive(Serialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(
    feature = "declarations",
    ts(rename = "WorkbookImport"),
    schemars(rename = "WorkbookImport")
)]
struct WorkbookImportSummary<'a> {
    /// Whether the import gave a workbook to write.
    written: bool,
    /// Every problem, in file order.
    errors: Vec<ErrorReport>,
    /// What the reader noticed that a person should know.
    warnings: &'a [String],
    /// The data rows read (blank rows not counted).
    rows: usize,
    /// The rows rejected.
    rejected: usize,
    /// What happened (or would have happened) to each register imported.
    changes: &'a [PartChange],
}

impl Serialize for WorkbookImport {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        WorkbookImportSummary {
            written: self.workbook.is_some(),
            errors: self.errors.iter().map(Error::report).collect(),
            warnings: &self.warnings,
            rows: self.rows,
            rejected: self.rejected,
            changes: &self.changes,
        }
        .serialize(s)
    }
}

/// The JSON Schema of what a [`WorkbookImport`] serialises as: its summary.
#[cfg(feature = "declarations")]
impl schemars::JsonSchema for WorkbookImport {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        WorkbookImportSummary::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        WorkbookImportSummary::json_schema(generator)
    }
}

/// Combines a register with imported items (see [`ImportMode`]).
pub(crate) fn combine<T: Register>(
    part: WorkbookPart,
    existing: &[T],
    imported: Vec<T>,
    mode: ImportMode,
) -> Result<(Vec<T>, PartChange), Error> {
    let mut at: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, item) in existing.iter().enumerate() {
        at.entry(item.key()).or_default().push(i);
    }
    let mut change = PartChange {
        part,
        before: existing.len(),
        after: 0,
        replaced: 0,
        unchanged: 0,
        added: 0,
        kept: 0,
        removed: Vec::new(),
    };
    let mut matched = vec![false; existing.len()];
    let mut seen: HashMap<String, ()> = HashMap::new();
    let mut out: Vec<T> = match mode {
        ImportMode::Replace => Vec::with_capacity(imported.len()),
        ImportMode::Merge => existing.to_vec(),
    };
    for item in imported {
        if mode == ImportMode::Merge && seen.insert(item.key(), ()).is_some() {
            return Err(Error::InvalidValue {
                path: part.as_str().into(),
                message: format!(
                    "the file has two rows for the {} {}: a merge cannot tell which one to keep",
                    T::ITEM,
                    item.key_label()
                ),
            });
        }
        match at.get(&item.key()).map(Vec::as_slice) {
            Some([i]) => {
                matched[*i] = true;
                change.replaced += 1;
                if existing[*i] == item {
                    change.unchanged += 1;
                }
                match mode {
                    ImportMode::Replace => out.push(item),
                    ImportMode::Merge => out[*i] = item,
                }
            }
            Some(several) if mode == ImportMode::Merge => {
                return Err(Error::InvalidValue {
                    path: format!("{}[{}]", part.as_str(), several[1]),
                    message: format!(
                        "the workbook has {} {}s {}: a merge cannot tell which one the file's row updates; give them different names or replace instead",
                        several.len(),
                        T::ITEM,
                        item.key_label()
                    ),
                });
            }
            Some(several) => {
                for i in several {
                    matched[*i] = true;
                }
                change.replaced += 1;
                out.push(item);
            }
            None => {
                change.added += 1;
                out.push(item);
            }
        }
    }
    for (i, m) in matched.iter().enumerate() {
        if !m {
            match mode {
                ImportMode::Replace => change.removed.push(existing[i].key_label()),
                ImportMode::Merge => change.kept += 1,
            }
        }
    }
    change.after = out.len();
    Ok((out, change))
}

/// The refusal of a register that would shrink.
pub(crate) fn fewer_items(change: &PartChange) -> Error {
    let gone = if change.removed.is_empty() {
        String::new()
    } else {
        let mut list = change.removed.clone();
        if list.len() > 10 {
            let more = list.len() - 10;
            list.truncate(10);
            list.push(format!("and {more} more"));
        }
        format!(
            " ({} would be removed: {})",
            change.removed.len(),
            list.join(", ")
        )
    };
    Error::FewerItems {
        path: change.part.as_str().into(),
        message: format!(
            "the import would leave {} item(s) of the {} it has{gone}; merge by key to keep the items not in the file, or allow fewer items",
            change.after, change.before
        ),
    }
}

impl Workbook {
    /// Imports a register from the bytes of a CSV file (any encoding and separator the CSV
    /// readers take: [`evidence_from_csv_bytes`](crate::workbook::evidence_from_csv_bytes)). Nothing is
    /// lost: the result has a workbook only when every row is good (or `keep_good_rows` says
    /// to leave the bad ones out), no item would be removed without `allow_fewer`, and the
    /// result is a valid workbook. The changes say how many items were replaced, added, kept
    /// and removed.
    pub fn import_csv(
        &self,
        part: WorkbookPart,
        bytes: &[u8],
        options: &ImportOptions,
    ) -> WorkbookImport {
        match part {
            WorkbookPart::Evidence => {
                self.import_items(part, from_csv_bytes::<EvidenceItem>(bytes), options)
            }
            WorkbookPart::Actions => {
                self.import_items(part, from_csv_bytes::<Action>(bytes), options)
            }
            WorkbookPart::Indicators => {
                self.import_items(part, from_csv_bytes::<Indicator>(bytes), options)
            }
            WorkbookPart::InformationReturn => {
                self.import_items(part, from_csv_bytes::<ReturnItem>(bytes), options)
            }
            WorkbookPart::CaseTracking => {
                self.import_items(part, from_csv_bytes::<TrackedCase>(bytes), options)
            }
            WorkbookPart::Interviews => {
                self.import_items(part, from_csv_bytes::<Interview>(bytes), options)
            }
            WorkbookPart::History => {
                self.import_items(part, from_csv_bytes::<HistoryEntry>(bytes), options)
            }
        }
    }

    fn import_items<T: Register>(
        &self,
        part: WorkbookPart,
        read: CsvImport<T>,
        options: &ImportOptions,
    ) -> WorkbookImport {
        let mut import = WorkbookImport {
            workbook: None,
            rejected: read.rows - read.items.len(),
            rows: read.rows,
            errors: read.errors,
            warnings: read.warnings,
            changes: Vec::new(),
        };
        // An error before any row (the file, the header) leaves nothing to import.
        let unreadable = import.rows == 0 && !import.errors.is_empty();
        let mut wb = self.clone();
        // Rejected rows already stop an import that does not keep the good ones: whether the
        // good ones alone would shrink the register is then beside the point.
        let rows_stop = !import.errors.is_empty() && !options.keep_good_rows;
        let combined = combine(part, T::list(self), read.items, options.mode);
        match combined {
            Ok((list, change)) => {
                if change.after < change.before && !options.allow_fewer && !rows_stop {
                    import.errors.push(fewer_items(&change));
                }
                *T::list_mut(&mut wb) = list;
                import.changes.push(change);
            }
            Err(e) => import.errors.push(e),
        }
        let refused = unreadable
            || import
                .errors
                .iter()
                .any(|e| !matches!(e, Error::InvalidCsv { .. }))
            || (!import.errors.is_empty() && !options.keep_good_rows);
        if refused {
            return import;
        }
        match wb.validated() {
            Ok(wb) => import.workbook = Some(wb),
            Err(errors) => import.errors.extend(errors),
        }
        import
    }

    /// The workbook as its document reads back, or every problem with it (the checks a
    /// document gets, applied to a workbook built in memory).
    pub(crate) fn validated(self) -> Result<Workbook, Vec<Error>> {
        let value = serde_json::to_value(&self)
            .unwrap_or_else(|_| unreachable!("workbooks always serialise"));
        Workbook::from_value_all(&value)
    }
}
