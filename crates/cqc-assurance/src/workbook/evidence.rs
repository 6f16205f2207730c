//! The evidence register as CSV: export and import with the `csv` crate, lossless both ways,
//! each bad row reported with its line number and field while the good rows are kept.

use serde::{Serialize, Serializer};

use crate::error::{Error, ErrorReport};
use crate::framework::normalise_name;

use super::document::{evidence_item_from_fields, EvidenceFields, EvidenceItem};

/// The columns of the evidence register CSV, in the order [`evidence_to_csv`] writes them.
/// `supports` holds statement ids separated by `;`. On import, columns may come in any order
/// and headers are matched ignoring case and punctuation (`Review by` is `review_by`); `owner`,
/// `review_by`, `expires` and `link` may be left out.
pub const EVIDENCE_CSV_COLUMNS: [&str; 9] = [
    "id",
    "title",
    "category",
    "supports",
    "owner",
    "date",
    "review_by",
    "expires",
    "link",
];

const REQUIRED: [&str; 5] = ["id", "title", "category", "supports", "date"];

/// The result of importing an evidence register: the rows that were read, and one error per
/// problem in the others (`line 4: category`), so that nothing is dropped without a word.
///
/// ```
/// use cqc_assurance::evidence_from_csv;
/// let csv = "id,title,category,supports,date\n\
///            EV1,Carers' survey,peoples-experience,assessing-needs;equity,2024-11-30\n\
///            EV2,Audit,vibes,safeguarding,2024-12-01\n";
/// let import = evidence_from_csv(csv);
/// assert_eq!(import.items.len(), 1);
/// assert_eq!(import.errors[0].code(), "invalid_csv");
/// assert_eq!(import.errors[0].path(), Some("line 3: category"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceImport {
    /// The rows read, in file order.
    pub items: Vec<EvidenceItem>,
    /// Problems with the header or with rows, in file order.
    pub errors: Vec<Error>,
}

impl Serialize for EvidenceImport {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            items: &'a [EvidenceItem],
            errors: Vec<ErrorReport>,
        }
        Out {
            items: &self.items,
            errors: self.errors.iter().map(Error::report).collect(),
        }
        .serialize(s)
    }
}

/// Writes an evidence register as CSV (RFC 4180: CRLF line ends, fields quoted where they
/// contain commas, quotes or line breaks), columns as in [`EVIDENCE_CSV_COLUMNS`].
///
/// ```
/// use cqc_assurance::{evidence_from_csv, evidence_to_csv, Workbook};
/// let wb = Workbook::from_json(include_str!("../../../../examples/liverpool-workbook.json")).unwrap();
/// let csv = evidence_to_csv(&wb.evidence);
/// assert!(csv.starts_with("id,title,category,supports,owner,date,review_by,expires,link\r\n"));
/// assert_eq!(evidence_from_csv(&csv).items, wb.evidence);
/// ```
pub fn evidence_to_csv(items: &[EvidenceItem]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // `unreachable!` rather than `expect`: `expect` would format the csv and io errors,
    // bringing their messages into the WebAssembly module for branches that never run.
    w.write_record(EVIDENCE_CSV_COLUMNS)
        .unwrap_or_else(|_| unreachable!("writing to memory cannot fail"));
    for item in items {
        let supports = item
            .supports
            .iter()
            .map(|qs| qs.id())
            .collect::<Vec<_>>()
            .join(";");
        let date = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        w.write_record([
            item.id.as_str(),
            item.title.as_str(),
            item.category.id(),
            supports.as_str(),
            item.owner.as_deref().unwrap_or(""),
            item.date.to_string().as_str(),
            date(item.review_by).as_str(),
            date(item.expires).as_str(),
            item.link.as_deref().unwrap_or(""),
        ])
        .unwrap_or_else(|_| unreachable!("writing to memory cannot fail"));
    }
    let bytes = w
        .into_inner()
        .unwrap_or_else(|_| unreachable!("writing to memory cannot fail"));
    String::from_utf8(bytes).unwrap_or_else(|_| unreachable!("the fields were all UTF-8"))
}

/// The line a record starts on, counted from its byte offset (the `csv` crate's own line count
/// is one short after CRLF line ends, which spreadsheet programs and [`evidence_to_csv`]
/// write).
fn line_at(text: &str, pos: &csv::Position) -> u64 {
    let bytes = text.as_bytes();
    let mut end = usize::try_from(pos.byte())
        .unwrap_or(usize::MAX)
        .min(bytes.len());
    // After CRLF the recorded start can be the line feed ending the previous line.
    while end < bytes.len() && matches!(bytes[end], b'\r' | b'\n') {
        end += 1;
    }
    1 + bytes[..end].iter().filter(|&&b| b == b'\n').count() as u64
}

fn csv_error(line: u64, field: &str, message: String) -> Error {
    Error::InvalidCsv {
        path: if field.is_empty() {
            format!("line {line}")
        } else {
            format!("line {line}: {field}")
        },
        line,
        message,
    }
}

/// Reads an evidence register from CSV. Every row is checked as the workbook checks evidence
/// items (a known evidence category used for councils, existing statements, real dates, an id
/// used once); a bad row is reported as [`Error::InvalidCsv`] with its line number and field
/// and left out, and the other rows are kept. A byte-order mark at the start (as spreadsheet
/// programs write) is ignored.
pub fn evidence_from_csv(text: &str) -> EvidenceImport {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut errors = Vec::new();
    let mut items: Vec<EvidenceItem> = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::None)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            errors.push(csv_error(1, "", format!("cannot read the header: {e}")));
            return EvidenceImport { items, errors };
        }
    };
    // Column index of each known field.
    let mut index: [Option<usize>; 9] = [None; 9];
    for (i, h) in headers.iter().enumerate() {
        let key = normalise_name(h);
        match EVIDENCE_CSV_COLUMNS
            .iter()
            .position(|c| normalise_name(c) == key)
        {
            Some(k) if index[k].is_some() => {
                errors.push(csv_error(1, h, format!("column {h:?} is given twice")))
            }
            Some(k) => index[k] = Some(i),
            None => errors.push(csv_error(
                1,
                h,
                format!(
                    "unknown column {h:?}: its values are not imported (known columns: {})",
                    EVIDENCE_CSV_COLUMNS.join(", ")
                ),
            )),
        }
    }
    let missing: Vec<&str> = REQUIRED
        .iter()
        .filter(|c| {
            let k = EVIDENCE_CSV_COLUMNS.iter().position(|x| x == *c).unwrap();
            index[k].is_none()
        })
        .copied()
        .collect();
    if !missing.is_empty() {
        for c in missing {
            errors.push(csv_error(1, c, format!("required column {c:?} is missing")));
        }
        return EvidenceImport { items, errors };
    }
    let mut ids: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| line_at(text, p)).unwrap_or(0);
                errors.push(csv_error(line, "", format!("cannot read the row: {e}")));
                continue;
            }
        };
        let line = record.position().map(|p| line_at(text, p)).unwrap_or(0);
        if record.len() != headers.len() {
            errors.push(csv_error(
                line,
                "",
                format!(
                    "expected {} fields as in the header, got {}",
                    headers.len(),
                    record.len()
                ),
            ));
            continue;
        }
        let get = |k: usize| index[k].map(|i| record[i].to_string());
        let optional = |k: usize| get(k).filter(|s| !s.is_empty());
        let fields = EvidenceFields {
            id: get(0).unwrap_or_default(),
            title: get(1).unwrap_or_default(),
            category: get(2).unwrap_or_default(),
            supports: get(3)
                .unwrap_or_default()
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            owner: optional(4),
            date: get(5).unwrap_or_default(),
            review_by: optional(6),
            expires: optional(7),
            link: optional(8),
        };
        let mut row_errors = Vec::new();
        let item = evidence_item_from_fields(fields, &|f| f.to_string(), &mut row_errors);
        // Re-place each field error at `line N: field`, keeping the inner code in the message.
        for e in row_errors {
            let field = e.path().unwrap_or("").to_string();
            let text = e.to_string();
            let text = text
                .strip_prefix(&format!("{field}: "))
                .unwrap_or(&text)
                .to_string();
            errors.push(csv_error(line, &field, format!("{text} [{}]", e.code())));
        }
        if let Some(item) = item {
            if let Some(first) = ids.get(&item.id) {
                errors.push(csv_error(
                    line,
                    "id",
                    format!("id {:?} is already used on line {first}", item.id),
                ));
                continue;
            }
            ids.insert(item.id.clone(), line);
            items.push(item);
        }
    }
    EvidenceImport { items, errors }
}
