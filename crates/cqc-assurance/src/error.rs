//! The one error type of the library.
//!
//! Every error has a stable machine-readable [`Error::code`] (the same string in Rust, Python and
//! JavaScript), a [`Error::family`] that the bindings map to exception classes, and, where the
//! problem is in a field of the input, the [`Error::path`] of that field (`scores.assessing-needs`,
//! `scores[4]`, `evidence[2].category`).

use serde::{Deserialize, Serialize};

/// Shorthand for `Result<T, cqc_assurance::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the library, each with a stable [`code`](Error::code).
///
/// ```
/// use cqc_assurance::{Assessment, Error};
/// let err = Assessment::from_scores(&[2, 3, 3, 2, 5, 2, 2, 3, 3]).unwrap_err();
/// assert_eq!(err.code(), "score_out_of_range");
/// assert_eq!(err.path(), Some("scores[4]"));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A score outside 1-4 (or not a whole number).
    #[error("{path}: score must be a whole number from 1 to 4, got {value}{}", quoted_score_hint(.value))]
    ScoreOutOfRange {
        /// Where the bad score is.
        path: String,
        /// The value as given.
        value: String,
    },
    /// A name or id that is not one of the nine quality statements.
    #[error("{path}: unknown quality statement {input:?}{}", hint(.suggestion))]
    UnknownStatement {
        /// Where the name is.
        path: String,
        /// The name as given.
        input: String,
        /// The closest statement id, if one is close.
        suggestion: Option<String>,
    },
    /// A theme's name where one quality statement is wanted (a score is for one statement;
    /// a theme has two or three).
    #[error("{path}: {input:?} is a theme, not one quality statement: it covers {statements}; give each of them its own entry")]
    ThemeNotStatement {
        /// Where the name is.
        path: String,
        /// The name as given.
        input: String,
        /// The theme's statements, in words (`QS4 Care provision, integration and continuity
        /// and QS5 Partnerships and communities`).
        statements: String,
    },
    /// The same statement given twice (perhaps under two of its names).
    #[error("{path}: quality statement {statement:?} is given more than once")]
    DuplicateStatement {
        /// Where the second occurrence is.
        path: String,
        /// The statement's id.
        statement: String,
    },
    /// The same evidence category given twice for one statement.
    #[error("{path}: evidence category {category:?} is given more than once")]
    DuplicateEvidenceCategory {
        /// Where the second occurrence is.
        path: String,
        /// The category's id.
        category: String,
    },
    /// No statement assessed at all.
    #[error("{path}: at least one quality statement must be assessed")]
    EmptyAssessment {
        /// The empty collection.
        path: String,
    },
    /// A list with the wrong number of entries.
    #[error("{path}: expected {expected} entries, got {found}")]
    WrongLength {
        /// The list.
        path: String,
        /// How many entries are needed.
        expected: usize,
        /// How many were given.
        found: usize,
    },
    /// Scores stored flat, row after row of nine (QS1-QS9), whose count is not a multiple of 9:
    /// the last row is incomplete. Its code is `wrong_length`, like [`Error::WrongLength`].
    ///
    /// ```
    /// let err = cqc_assurance::rate_batch(&[2; 10], &mut [0; 1], &mut [0; 1]).unwrap_err();
    /// assert_eq!(err.code(), "wrong_length");
    /// assert_eq!(
    ///     err.to_string(),
    ///     "scores: expected a multiple of 9 scores (rows of nine, QS1-QS9), got 10: the last row has 1"
    /// );
    /// ```
    #[error("{path}: expected a multiple of 9 scores (rows of nine, QS1-QS9), got {found}: the last row has {}", .found % 9)]
    IncompleteRow {
        /// The flat list of scores.
        path: String,
        /// How many scores were given.
        found: usize,
    },
    /// A name that is not one of the six evidence categories.
    #[error("{path}: unknown evidence category {input:?}")]
    UnknownEvidenceCategory {
        /// Where the name is.
        path: String,
        /// The name as given.
        input: String,
    },
    /// An evidence category that CQC does not use for local authorities (observation), or did not
    /// use when the chosen method applied (outcomes in the baselining round).
    #[error("{path}: evidence category {category:?} is not used {reason}")]
    EvidenceCategoryNotUsed {
        /// Where the category is.
        path: String,
        /// The category's id.
        category: String,
        /// Why it is not used.
        reason: String,
    },
    /// A name that is not one of the four themes.
    #[error("{path}: unknown theme {input:?}")]
    UnknownTheme {
        /// Where the name is.
        path: String,
        /// The name as given.
        input: String,
    },
    /// A rating name that is not one of the four ratings.
    #[error("{path}: unknown rating {input:?} (expected inadequate, requires_improvement, good or outstanding)")]
    UnknownRating {
        /// Where the name is.
        path: String,
        /// The name as given.
        input: String,
    },
    /// A rating method name that is not `current` or `earlier`.
    #[error("{path}: unknown rating method {input:?} (expected current or earlier)")]
    UnknownMethod {
        /// Where the name is.
        path: String,
        /// The name as given.
        input: String,
    },
    /// Input shaped for one method given to the other (evidence-category scores to the current
    /// method, or statement scores to the earlier one).
    #[error("{path}: {message}")]
    MethodMismatch {
        /// The offending field.
        path: String,
        /// What does not fit.
        message: String,
    },
    /// A probability that is negative, not finite, or a distribution that does not sum to 1.
    #[error("{path}: {message}")]
    InvalidProbability {
        /// The offending distribution.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// A published percentage outside 25-100.
    #[error("{path}: percentage must be a whole number from 25 to 100, got {value}")]
    InvalidPercent {
        /// Where it is.
        path: String,
        /// The value as given.
        value: String,
    },
    /// Text that is not valid JSON, or JSON of the wrong shape (including unknown fields).
    #[error("{path}: invalid JSON: {message}")]
    InvalidJson {
        /// Where in the document the problem is (`.` for the whole document).
        path: String,
        /// The parser's description.
        message: String,
    },
    /// A CSV header or row that cannot be read, reported at the row and column.
    #[error("{path}: {message}")]
    InvalidCsv {
        /// `line N: column` (the column's field name, `supports`).
        path: String,
        /// The row number a spreadsheet program shows for the row (1 is the header; a cell
        /// with line breaks keeps its row on one number).
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// A CSV file whose bytes are not text in an encoding the import can read for certain (it
    /// reads UTF-8, UTF-16 with a byte-order mark, and Windows-1252 with a warning).
    #[error("{path}: {message}")]
    CsvEncoding {
        /// `line N` (the line of the first unreadable byte, or 1).
        path: String,
        /// What is wrong and how to save the file instead.
        message: String,
    },
    /// A CSV file whose column separator cannot be told from its header row (neither commas,
    /// semicolons nor tabs separate the expected column names).
    #[error("{path}: {message}")]
    CsvSeparator {
        /// `line 1`.
        path: String,
        /// What the header row holds and what was expected.
        message: String,
    },
    /// A sheet, row or cell of an Excel workbook (.xlsx) that cannot be read.
    #[error("{path}: {message}")]
    InvalidXlsx {
        /// `Sheet row N: column` (the row number Excel shows), `Sheet` or `.` for the file.
        path: String,
        /// What is wrong, with the cell reference (`cell D5`).
        message: String,
    },
    /// An import that would leave a register with fewer items than it had, refused unless the
    /// caller allows it: nothing is dropped without being asked for.
    #[error("{path}: {message}")]
    FewerItems {
        /// The register: `evidence`, `actions` or `indicators`.
        path: String,
        /// How many items there were and would be, and which would go.
        message: String,
    },
    /// A document version this library does not read.
    #[error(
        "{path}: unsupported document version {found} (this library reads version {supported})"
    )]
    UnsupportedVersion {
        /// The version field.
        path: String,
        /// The version as given.
        found: String,
        /// The version this library reads.
        supported: u32,
    },
    /// A date that is not a real calendar date written `YYYY-MM-DD`.
    #[error("{path}: invalid date {input:?} (expected a real date written YYYY-MM-DD)")]
    InvalidDate {
        /// Where the date is.
        path: String,
        /// The text as given.
        input: String,
    },
    /// A date in a CSV or Excel file that is not a real date in one of the forms UK
    /// spreadsheets write (see [`parse_uk_date`](crate::timeline::parse_uk_date)), or that could be read
    /// two ways (a two-digit year). Same code as [`Error::InvalidDate`].
    #[error("{path}: invalid date {input:?}: {reason}")]
    InvalidUkDate {
        /// Where the date is.
        path: String,
        /// The text as given.
        input: String,
        /// Why it cannot be read, and how to write it.
        reason: String,
    },
    /// A milestone id that is not one of the timeline's milestones.
    #[error("{path}: unknown milestone {input:?} (expected one of notification, one_week_items_due, information_return_due, self_assessment_due, case_tracking_list_due, visit_notice, leadership_presentation, data_focus_group, visit, visit_end, visit_feedback, draft_report, factual_accuracy_due, publication, twenty_week_end; the earlier names on_site_notice, set_up_meeting, on_site_start and on_site_end are still read)")]
    UnknownMilestone {
        /// Where the id is.
        path: String,
        /// The id as given.
        input: String,
    },
    /// Recorded dates in an impossible order (before the notification, a visit ending before
    /// it starts).
    #[error("{path}: {message}")]
    DatesOutOfOrder {
        /// The later-recorded field that cannot be right.
        path: String,
        /// What is out of order.
        message: String,
    },
    /// The same date given twice with different values.
    #[error("{path}: {message}")]
    ConflictingDates {
        /// The second of the two fields.
        path: String,
        /// The two values.
        message: String,
    },
    /// A date the timeline needs and cannot estimate.
    #[error("{path}: {message}")]
    MissingDate {
        /// The missing field.
        path: String,
        /// What is needed.
        message: String,
    },
    /// A date (or a result of date arithmetic) outside the years the library computes.
    #[error("{path}: {message}")]
    DateOutOfRange {
        /// The field.
        path: String,
        /// The range and the value.
        message: String,
    },
    /// A timeline profile that cannot be used (missing or duplicated milestone, missing rule,
    /// rules in a cycle).
    #[error("{path}: invalid timeline profile: {message}")]
    InvalidProfile {
        /// The offending field.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A bank-holiday list that cannot be used (missing division, wrong shape).
    #[error("{path}: invalid bank holiday list: {message}")]
    InvalidHolidays {
        /// The offending field.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// An official bank-holiday list with only some days of a year: it would replace the whole
    /// year and silently turn the missing holidays into working days, so it is refused.
    #[error("{path}: incomplete bank holiday list: {message}")]
    IncompleteHolidays {
        /// The list.
        path: String,
        /// Which year, and what it lacks.
        message: String,
    },
    /// A workbook without an entry for one of the nine quality statements.
    #[error("{path}: quality statement {statement:?} is missing (every workbook lists all nine; give null scores for statements not yet scored)")]
    MissingStatement {
        /// Where the entry should be (`statements.equity`).
        path: String,
        /// The missing statement's id.
        statement: String,
    },
    /// An id (of an evidence item or an action) used twice in one workbook.
    #[error("{path}: id {id:?} is used more than once")]
    DuplicateId {
        /// Where the second use is.
        path: String,
        /// The id.
        id: String,
    },
    /// A required text field left empty.
    #[error("{path}: must not be empty")]
    EmptyField {
        /// The empty field.
        path: String,
    },
    /// An action status that is not one of `not_started`, `in_progress`, `blocked`, `done`,
    /// `cancelled`.
    #[error("{path}: unknown action status {input:?} (expected not_started, in_progress, blocked, done or cancelled)")]
    UnknownActionStatus {
        /// Where the status is.
        path: String,
        /// The status as given.
        input: String,
    },
    /// A RAG rating that is not `red`, `amber` or `green` (or `R`, `A`, `G`).
    #[error("{path}: unknown RAG rating {input:?} (expected red, amber or green)")]
    UnknownRag {
        /// Where the rating is.
        path: String,
        /// The rating as given.
        input: String,
    },
    /// A value that is none of the choices a field allows (an interview role, a case status,
    /// the kind or status of an information return item).
    #[error("{path}: unknown {what} {input:?} (expected {expected})")]
    UnknownChoice {
        /// Where the value is.
        path: String,
        /// What the field is.
        what: String,
        /// The value as given.
        input: String,
        /// The allowed values.
        expected: String,
    },
    /// An id that names nothing in the list it refers to (an evidence id that is not in the
    /// register).
    #[error("{path}: {id:?} is not the id of any item in {list}")]
    UnknownReference {
        /// Where the id is.
        path: String,
        /// The id.
        id: String,
        /// The list it should be in (`the evidence register`).
        list: String,
    },
    /// A value of the right type that is not allowed where it is (a negative tolerance, for
    /// example).
    #[error("{path}: {message}")]
    InvalidValue {
        /// The offending field.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// A report template failed to render (a bug in the library, reported rather than
    /// panicking).
    #[error("the report could not be rendered: {message}")]
    ReportRender {
        /// The template engine's description.
        message: String,
    },
    /// A name or ONS GSS code that is none of the 153 councils with adult social care duties.
    #[error("unknown council {input:?}: not the name or ONS code of one of the 153 councils with adult social care duties{}", did_you_mean(.suggestions))]
    UnknownCouncil {
        /// The name as given.
        input: String,
        /// Councils with similar names.
        suggestions: Vec<String>,
    },
    /// A name that is not one of England's nine regions.
    #[error("{path}: unknown region {input:?} (expected one of North East, North West, Yorkshire and The Humber, East Midlands, West Midlands, East of England, London, South East, South West)")]
    UnknownRegion {
        /// Where the name is.
        path: String,
        /// The name as given.
        input: String,
    },
    /// A name that is not one of the kinds of council.
    #[error("{path}: unknown type of council {input:?} (expected county, unitary, metropolitan district, London borough or other)")]
    UnknownCouncilType {
        /// Where the name is.
        path: String,
        /// The name as given.
        input: String,
    },
}

/// For a score given as text (`"2"`, as hand-edited JSON often has it): how to write it.
fn quoted_score_hint(value: &str) -> String {
    let inner = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .map(str::trim);
    match inner.and_then(|v| v.parse::<u8>().ok()) {
        Some(n @ 1..=4) => format!(" (text, in quotes): write the number without quotes, {n}"),
        _ => String::new(),
    }
}

/// For a JSON syntax error in a document that has typographic quotes (“ ” ‘ ’, which word
/// processors and some editors put in as you type): what to do about them.
pub(crate) fn syntax_hint(text: &str) -> &'static str {
    if text.contains(['\u{201c}', '\u{201d}']) {
        "; the text has curly quotes (“ ”), which JSON does not accept: use straight double quotes (\"), for example by editing the file in Notepad rather than a word processor"
    } else if text.contains(['\u{2018}']) {
        "; the text has curly single quotes (‘ ’): JSON needs straight double quotes (\") around names and text"
    } else {
        ""
    }
}

fn hint(suggestion: &Option<String>) -> String {
    match suggestion {
        Some(s) => format!(" (did you mean {s:?}?)"),
        None => String::new(),
    }
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", suggestions.join(", "))
    }
}

/// The families of errors, one exception class each in Python (`ScoreError`, ...).
///
/// ```
/// use cqc_assurance::{ErrorFamily, Score};
/// assert_eq!(Score::new(0).unwrap_err().family(), ErrorFamily::Score);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorFamily {
    /// Scores and percentages out of range.
    Score,
    /// Names of statements, themes, categories, ratings, methods, councils, regions that do not
    /// resolve.
    Lookup,
    /// An assessment of the wrong shape: empty, duplicated, wrong length, wrong method.
    Assessment,
    /// Probability distributions.
    Probability,
    /// Malformed documents: JSON syntax, unknown fields, versions.
    Document,
    /// Dates and the timeline.
    Timeline,
    /// The self-assessment workbook and its evidence register.
    Workbook,
}

impl ErrorFamily {
    /// The family's name as used in serialised errors (`score`, `lookup`, ...).
    ///
    /// ```
    /// assert_eq!(cqc_assurance::ErrorFamily::Document.as_str(), "document");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorFamily::Score => "score",
            ErrorFamily::Lookup => "lookup",
            ErrorFamily::Assessment => "assessment",
            ErrorFamily::Probability => "probability",
            ErrorFamily::Document => "document",
            ErrorFamily::Timeline => "timeline",
            ErrorFamily::Workbook => "workbook",
        }
    }
}

/// Matches every variant that carries a `path` (listed once, here), binding it to `$path`.
macro_rules! with_path {
    ($err:expr, $path:ident => $some:expr, $none:expr) => {
        match $err {
            Error::ScoreOutOfRange { path: $path, .. }
            | Error::UnknownStatement { path: $path, .. }
            | Error::ThemeNotStatement { path: $path, .. }
            | Error::DuplicateStatement { path: $path, .. }
            | Error::DuplicateEvidenceCategory { path: $path, .. }
            | Error::EmptyAssessment { path: $path, .. }
            | Error::WrongLength { path: $path, .. }
            | Error::IncompleteRow { path: $path, .. }
            | Error::UnknownEvidenceCategory { path: $path, .. }
            | Error::EvidenceCategoryNotUsed { path: $path, .. }
            | Error::UnknownTheme { path: $path, .. }
            | Error::UnknownRating { path: $path, .. }
            | Error::UnknownMethod { path: $path, .. }
            | Error::MethodMismatch { path: $path, .. }
            | Error::InvalidProbability { path: $path, .. }
            | Error::InvalidPercent { path: $path, .. }
            | Error::InvalidJson { path: $path, .. }
            | Error::UnsupportedVersion { path: $path, .. }
            | Error::InvalidCsv { path: $path, .. }
            | Error::CsvEncoding { path: $path, .. }
            | Error::CsvSeparator { path: $path, .. }
            | Error::InvalidXlsx { path: $path, .. }
            | Error::FewerItems { path: $path, .. }
            | Error::InvalidDate { path: $path, .. }
            | Error::InvalidUkDate { path: $path, .. }
            | Error::UnknownMilestone { path: $path, .. }
            | Error::DatesOutOfOrder { path: $path, .. }
            | Error::ConflictingDates { path: $path, .. }
            | Error::MissingDate { path: $path, .. }
            | Error::DateOutOfRange { path: $path, .. }
            | Error::InvalidProfile { path: $path, .. }
            | Error::InvalidHolidays { path: $path, .. }
            | Error::IncompleteHolidays { path: $path, .. }
            | Error::MissingStatement { path: $path, .. }
            | Error::DuplicateId { path: $path, .. }
            | Error::EmptyField { path: $path, .. }
            | Error::UnknownActionStatus { path: $path, .. }
            | Error::UnknownRag { path: $path, .. }
            | Error::UnknownChoice { path: $path, .. }
            | Error::UnknownReference { path: $path, .. }
            | Error::InvalidValue { path: $path, .. }
            | Error::UnknownRegion { path: $path, .. }
            | Error::UnknownCouncilType { path: $path, .. } => $some,
            // Listed, not `_`, so that a new variant must be placed on one side or the other.
            Error::UnknownCouncil { .. } | Error::ReportRender { .. } => $none,
        }
    };
}

/// Every variant of [`Error`] with its stable code and its family, listed once: `code()`,
/// `family()` and [`ERROR_CODES`] are written from this table. Two variants share a code where
/// they are the same problem to a user (`wrong_length`, `invalid_date`).
macro_rules! error_table {
    ($($variant:ident => $code:literal, $family:ident;)*) => {
        /// Every error code and its family, one entry per variant of [`Error`], in the order
        /// the variants are declared (a code appears twice where two variants share it). The
        /// npm package's TypeScript `ErrorCode` union is checked against this table by its tests.
        ///
        /// ```
        /// use cqc_assurance::{ErrorFamily, ERROR_CODES};
        /// assert!(ERROR_CODES.contains(&("score_out_of_range", ErrorFamily::Score)));
        /// ```
        pub const ERROR_CODES: &[(&str, ErrorFamily)] = &[$(($code, ErrorFamily::$family)),*];

        impl Error {
            /// The stable machine-readable code of this error, the same in every binding.
            ///
            /// ```
            /// use cqc_assurance::QualityStatement;
            /// let err = "asessing".parse::<QualityStatement>().unwrap_err();
            /// assert_eq!(err.code(), "unknown_statement");
            /// ```
            pub fn code(&self) -> &'static str {
                match self {
                    $(Error::$variant { .. } => $code,)*
                }
            }

            /// The family of this error; each binding maps a family to an exception class.
            ///
            /// ```
            /// use cqc_assurance::{Error, ErrorFamily};
            /// let err = cqc_assurance::Assessment::from_json("{").unwrap_err();
            /// assert_eq!(err.family(), ErrorFamily::Document);
            /// ```
            pub fn family(&self) -> ErrorFamily {
                match self {
                    $(Error::$variant { .. } => ErrorFamily::$family,)*
                }
            }
        }
    };
}

error_table! {
    ScoreOutOfRange => "score_out_of_range", Score;
    UnknownStatement => "unknown_statement", Lookup;
    ThemeNotStatement => "theme_not_statement", Lookup;
    DuplicateStatement => "duplicate_statement", Assessment;
    DuplicateEvidenceCategory => "duplicate_evidence_category", Assessment;
    EmptyAssessment => "empty_assessment", Assessment;
    WrongLength => "wrong_length", Assessment;
    IncompleteRow => "wrong_length", Assessment;
    UnknownEvidenceCategory => "unknown_evidence_category", Lookup;
    EvidenceCategoryNotUsed => "evidence_category_not_used", Assessment;
    UnknownTheme => "unknown_theme", Lookup;
    UnknownRating => "unknown_rating", Lookup;
    UnknownMethod => "unknown_method", Lookup;
    MethodMismatch => "method_mismatch", Assessment;
    InvalidProbability => "invalid_probability", Probability;
    InvalidPercent => "invalid_percent", Score;
    InvalidJson => "invalid_json", Document;
    InvalidCsv => "invalid_csv", Document;
    CsvEncoding => "csv_encoding", Document;
    CsvSeparator => "csv_separator", Document;
    InvalidXlsx => "invalid_xlsx", Document;
    FewerItems => "fewer_items", Workbook;
    UnsupportedVersion => "unsupported_version", Document;
    InvalidDate => "invalid_date", Timeline;
    InvalidUkDate => "invalid_date", Timeline;
    UnknownMilestone => "unknown_milestone", Timeline;
    DatesOutOfOrder => "dates_out_of_order", Timeline;
    ConflictingDates => "conflicting_dates", Timeline;
    MissingDate => "missing_date", Timeline;
    DateOutOfRange => "date_out_of_range", Timeline;
    InvalidProfile => "invalid_profile", Timeline;
    InvalidHolidays => "invalid_holidays", Timeline;
    IncompleteHolidays => "incomplete_holidays", Timeline;
    MissingStatement => "missing_statement", Workbook;
    DuplicateId => "duplicate_id", Workbook;
    EmptyField => "empty_field", Workbook;
    UnknownActionStatus => "unknown_action_status", Lookup;
    UnknownRag => "unknown_rag", Lookup;
    UnknownChoice => "unknown_choice", Lookup;
    UnknownReference => "unknown_reference", Workbook;
    InvalidValue => "invalid_value", Workbook;
    ReportRender => "report_render", Workbook;
    UnknownCouncil => "unknown_council", Lookup;
    UnknownRegion => "unknown_region", Lookup;
    UnknownCouncilType => "unknown_council_type", Lookup;
}

impl Error {
    /// The path of the offending field in the input, where there is one.
    ///
    /// Paths are written as a user reads them: `scores.assessing-needs`, `scores[4]`,
    /// `evidence_scores.safeguarding.observation`.
    pub fn path(&self) -> Option<&str> {
        with_path!(self, path => Some(path.as_str()), None)
    }

    /// The serialisable form shared by every binding: `{"code", "family", "message", "path"}`.
    ///
    /// ```
    /// let err = cqc_assurance::Score::new(5).unwrap_err();
    /// let report = err.report();
    /// assert_eq!(report.code, "score_out_of_range");
    /// assert_eq!(serde_json::to_value(&report).unwrap()["family"], "score");
    /// ```
    pub fn report(&self) -> ErrorReport {
        ErrorReport {
            code: self.code().to_string(),
            family: self.family(),
            message: self.to_string(),
            path: self.path().map(str::to_string),
        }
    }

    /// Returns the same error with its path placed under `prefix` (`scores[4]` under `input`
    /// becomes `input.scores[4]`). Used when one document is embedded in another.
    pub fn under(mut self, prefix: &str) -> Self {
        if prefix.is_empty() {
            return self;
        }
        if let Some(p) = self.path_mut() {
            *p = join_path(prefix, p);
        }
        self
    }

    /// Returns the same error at another path: a binding naming the place in its own terms
    /// (a DataFrame's row label and column for `scores[3][4]`), a reader showing a field under
    /// another name (a table's column for a document's nested field). An error without a path
    /// is returned as it is.
    ///
    /// ```
    /// let err = cqc_assurance::Error::ScoreOutOfRange { path: "scores[3][4]".into(), value: "7".into() };
    /// assert_eq!(err.at_path("scores.loc['Sefton', 'qs5']").path(), Some("scores.loc['Sefton', 'qs5']"));
    /// ```
    pub fn at_path(mut self, path: impl Into<String>) -> Self {
        if let Some(p) = self.path_mut() {
            *p = path.into();
        }
        self
    }

    fn path_mut(&mut self) -> Option<&mut String> {
        with_path!(self, path => Some(path), None)
    }
}

/// Joins a field path: `join_path("scores", "[4]")` is `scores[4]`,
/// `join_path("scores", "safeguarding")` is `scores.safeguarding`.
pub(crate) fn join_path(prefix: &str, rest: &str) -> String {
    if rest.is_empty() && (prefix.is_empty() || prefix == ".") {
        // Never an empty path (a key "" at the top of a document): `.` is the document.
        ".".to_string()
    } else if prefix.is_empty() || prefix == "." {
        rest.to_string()
    } else if rest.is_empty() || rest == "." {
        prefix.to_string()
    } else if rest.starts_with('[') {
        format!("{prefix}{rest}")
    } else {
        format!("{prefix}.{rest}")
    }
}

/// An error in the form every binding shows it: Python's `CqcError` attributes and JavaScript's
/// `Error` properties carry exactly these fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct ErrorReport {
    /// The stable code, e.g. `score_out_of_range`.
    pub code: String,
    /// The family, e.g. `score`.
    pub family: ErrorFamily,
    /// A sentence for people.
    pub message: String,
    /// The offending field, where there is one.
    pub path: Option<String>,
}
