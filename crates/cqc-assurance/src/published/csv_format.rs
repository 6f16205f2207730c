//! The published-results CSV: reading (every field and every row checked, each problem at
//! its line and column) and writing (the same format, every derived column filled in).

use std::collections::HashMap;

use super::councils::{Council, CouncilType, Directory, Region};
use super::{AssessmentKind, DatePrecision, PercentBasis, PublishedResult, SourceKind};
use crate::error::Error;
use crate::framework::normalise_name;
use crate::score::{published_percent, Rating, Score};

/// The columns of the published-results CSV, in the order [`super::PublishedDataset::to_csv`]
/// writes them (a file may give them in any order; every one must be there).
pub const PUBLISHED_CSV_COLUMNS: [&str; 25] = [
    "gss_code",
    "council",
    "region",
    "council_type",
    "assessment_kind",
    "published",
    "published_precision",
    "qs1",
    "qs2",
    "qs3",
    "qs4",
    "qs5",
    "qs6",
    "qs7",
    "qs8",
    "qs9",
    "total",
    "assessed",
    "percent",
    "percent_basis",
    "overall_rating",
    "source_kind",
    "source_url",
    "cqc_report_url",
    "note",
];

const GSS: usize = 0;
const COUNCIL: usize = 1;
const REGION: usize = 2;
const TYPE: usize = 3;
const KIND: usize = 4;
const PUBLISHED: usize = 5;
const PRECISION: usize = 6;
const QS1: usize = 7;
const TOTAL: usize = 16;
const ASSESSED: usize = 17;
const PERCENT: usize = 18;
const BASIS: usize = 19;
const RATING: usize = 20;
const SOURCE_KIND: usize = 21;
const SOURCES: usize = 22;
const REPORT: usize = 23;
const NOTE: usize = 24;

/// Separator of several addresses in `source_url`.
const URL_SEPARATOR: &str = " ; ";

/// The first year a council result can be published (CQC's duty began in April 2023).
const FIRST_YEAR: i16 = 2023;

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

/// The column's letters as a spreadsheet shows them (0 → A, 25 → Z, 26 → AA).
fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let d = (n - 1) % 26;
        out.push(b'A' + d as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The line a record starts on, counted from its byte offset (the `csv` crate's own line count
/// is one short after CRLF line ends, which spreadsheet programs write).
fn line_at(text: &str, pos: &csv::Position) -> u64 {
    let bytes = text.as_bytes();
    let mut end = usize::try_from(pos.byte())
        .unwrap_or(usize::MAX)
        .min(bytes.len());
    while end < bytes.len() && matches!(bytes[end], b'\r' | b'\n') {
        end += 1;
    }
    1 + bytes[..end].iter().filter(|&&b| b == b'\n').count() as u64
}

/// Reads a `published` value: `YYYY-MM-DD` (a real date) or `YYYY-MM`, from 2023.
fn parse_published(text: &str) -> Result<DatePrecision, String> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let shape_ok = match b.len() {
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    };
    let hint = if text.contains('/') || text.chars().any(char::is_alphabetic) {
        " (a spreadsheet program may have turned it into a local date: format the column as text and type it as 2025-06-20)"
    } else {
        ""
    };
    if !shape_ok {
        return Err(format!(
            "expected YYYY-MM-DD, or YYYY-MM where only the month is known, got {text:?}{hint}"
        ));
    }
    let num = |r: std::ops::Range<usize>| -> i16 { text[r].parse().unwrap_or(0) };
    let (year, month) = (num(0..4), num(5..7));
    if !(1..=12).contains(&month) {
        return Err(format!("{text:?} has no month {month}"));
    }
    if year < FIRST_YEAR {
        return Err(format!(
            "{text:?} is before {FIRST_YEAR}, when CQC began assessing councils"
        ));
    }
    if b.len() == 7 {
        return Ok(DatePrecision::Month);
    }
    let day = num(8..10);
    match jiff::civil::Date::new(year, month as i8, day as i8) {
        Ok(_) => Ok(DatePrecision::Day),
        Err(_) => Err(format!("{text:?} is not a real date")),
    }
}

/// One kept row with the line it was read from.
struct Row {
    line: u64,
    record: PublishedResult,
}

fn parse_kind(text: &str) -> Result<Option<AssessmentKind>, String> {
    match normalise_name(text).as_str() {
        "pilot" => Ok(Some(AssessmentKind::Pilot)),
        "baseline" => Ok(Some(AssessmentKind::Baseline)),
        "reassessment" | "re assessment" => Ok(Some(AssessmentKind::Reassessment)),
        "none" => Ok(None),
        _ => Err(format!(
            "expected pilot, baseline, reassessment, or none for a council with no published assessment, got {text:?}"
        )),
    }
}

fn parse_source_kind(text: &str) -> Result<SourceKind, String> {
    match normalise_name(text).as_str() {
        "cqc" => Ok(SourceKind::Cqc),
        "council" => Ok(SourceKind::Council),
        "press" => Ok(SourceKind::Press),
        "scrape" => Ok(SourceKind::Scrape),
        _ => Err(format!(
            "expected cqc, council, press or scrape (the kind of the first source), got {text:?}"
        )),
    }
}

fn is_address(text: &str) -> bool {
    (text.starts_with("https://") || text.starts_with("http://"))
        && text.len() > 8
        && !text.contains(char::is_whitespace)
}

/// Reads every row; returns the kept records (and a record for each council without a row)
/// and every problem found.
pub(super) fn read(text: &str) -> (Vec<PublishedResult>, Vec<Error>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut errors = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::None)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            errors.push(csv_error(1, "", format!("cannot read the header: {e}")));
            return (complete(Vec::new()), errors);
        }
    };
    let mut index: [Option<usize>; 25] = [None; 25];
    for (i, h) in headers.iter().enumerate() {
        let name = h.trim();
        match PUBLISHED_CSV_COLUMNS
            .iter()
            .position(|c| c.eq_ignore_ascii_case(name))
        {
            Some(k) if index[k].is_some() => errors.push(csv_error(
                1,
                name,
                format!(
                    "column {name:?} is given twice (column {})",
                    column_letters(i)
                ),
            )),
            Some(k) => index[k] = Some(i),
            None => errors.push(csv_error(
                1,
                name,
                format!(
                    "unknown column {name:?} (column {}); the columns are {}",
                    column_letters(i),
                    PUBLISHED_CSV_COLUMNS.join(", ")
                ),
            )),
        }
    }
    for (k, c) in PUBLISHED_CSV_COLUMNS.iter().enumerate() {
        if index[k].is_none() {
            errors.push(csv_error(1, c, format!("column {c:?} is missing")));
        }
    }
    if !errors.is_empty() {
        return (complete(Vec::new()), errors);
    }
    let index = index.map(|i| i.unwrap_or(0));
    let directory = Directory::get();
    let mut rows: Vec<Row> = Vec::new();
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
        if record.iter().all(|f| f.trim().is_empty()) {
            // An empty row (a spreadsheet's trailing line): nothing to read.
            continue;
        }
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
        let field = |k: usize| record.get(index[k]).unwrap_or("").trim();
        let mut problems = Vec::new();
        let mut problem = |k: usize, message: String| {
            problems.push(csv_error(
                line,
                PUBLISHED_CSV_COLUMNS[k],
                format!("{message} (column {})", column_letters(index[k])),
            ));
        };
        if let Some(r) = parse_row(&field, &mut problem, directory) {
            if problems.is_empty() {
                rows.push(Row { line, record: r });
            }
        }
        errors.extend(problems);
    }
    check_councils(&mut rows, &mut errors, &index);
    let records = complete(rows.into_iter().map(|r| r.record).collect());
    errors.sort_by_key(|e| match e {
        Error::InvalidCsv { line, .. } => *line,
        _ => 0,
    });
    (records, errors)
}

/// Adds a row saying no assessment was found for each council the records say nothing about,
/// and marks each council's current row.
fn complete(mut records: Vec<PublishedResult>) -> Vec<PublishedResult> {
    for c in Directory::get().councils() {
        if !records.iter().any(|r| r.gss_code == c.gss_code) {
            records.push(no_result(
                c.gss_code.clone(),
                c.name.clone(),
                c.region,
                c.council_type,
            ));
        }
    }
    mark_current(&mut records);
    records
}

fn no_result(
    gss_code: String,
    council: String,
    region: Region,
    council_type: CouncilType,
) -> PublishedResult {
    PublishedResult {
        gss_code,
        council,
        region,
        council_type,
        assessment_kind: None,
        published: None,
        published_precision: None,
        scores: None,
        total: None,
        assessed: None,
        percent: None,
        percent_basis: None,
        rating: None,
        source_kind: None,
        sources: Vec::new(),
        cqc_report_url: None,
        note: None,
        pilot: false,
        current: false,
    }
}

/// Reads one row's fields; every problem goes to `problem` (column index, message). Returns
/// the record when the council is known (the caller keeps it only if there was no problem).
fn parse_row<'a>(
    field: &dyn Fn(usize) -> &'a str,
    problem: &mut dyn FnMut(usize, String),
    directory: &Directory,
) -> Option<PublishedResult> {
    let (code, council) = row_council(field, problem, directory)?;
    let kind = match parse_kind(field(KIND)) {
        Ok(k) => k,
        Err(m) => {
            problem(KIND, m);
            return None;
        }
    };
    let sources: Vec<String> = field(SOURCES)
        .split(URL_SEPARATOR.trim())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    for s in &sources {
        if !is_address(s) {
            problem(
                SOURCES,
                format!("{s:?} is not a web address (several are separated by \" ; \")"),
            );
        }
    }
    let note = Some(field(NOTE).to_string()).filter(|s| !s.is_empty());
    let mut record = no_result(
        code,
        council.name.clone(),
        council.region,
        council.council_type,
    );
    record.sources = sources;
    record.note = note;
    let Some(kind) = kind else {
        // A council with no published assessment: nothing else may be filled in.
        refuse_without_assessment(field, problem);
        return Some(record);
    };
    record.assessment_kind = Some(kind);
    record.pilot = kind == AssessmentKind::Pilot;

    read_when(field, problem, &mut record);
    read_scores(field, problem, &mut record);
    read_percent(field, problem, &mut record);
    read_rating_and_sources(field, problem, &mut record);
    Some(record)
}

/// The council of a row: the GSS code is the key; the name, region and type, where given, must
/// be the reference table's. `None` when the code is missing or not a council's.
fn row_council<'a, 'd>(
    field: &dyn Fn(usize) -> &'a str,
    problem: &mut dyn FnMut(usize, String),
    directory: &'d Directory,
) -> Option<(String, &'d Council)> {
    let code = field(GSS).to_ascii_uppercase();
    if code.is_empty() {
        problem(
            GSS,
            "the council's ONS GSS code is missing (`cqc-assurance published NAME` shows it)"
                .into(),
        );
        return None;
    }
    let Some(ci) = directory.by_code(&code) else {
        problem(
            GSS,
            format!("{code:?} is not the ONS GSS code of one of the 153 councils"),
        );
        return None;
    };
    let council = &directory.councils()[ci];
    let name = field(COUNCIL);
    if !name.is_empty() && !directory.names(ci, name) {
        problem(
            COUNCIL,
            format!(
                "{name:?} is not the council with code {code} ({})",
                council.name
            ),
        );
    }
    let region = field(REGION);
    if !region.is_empty() {
        match Region::parse(region) {
            Ok(r) if r == council.region => {}
            Ok(_) => problem(
                REGION,
                format!(
                    "{} is in {}, not {region}",
                    council.name,
                    council.region.label()
                ),
            ),
            Err(e) => problem(REGION, e.to_string().replacen("region: ", "", 1)),
        }
    }
    let kind_text = field(TYPE);
    if !kind_text.is_empty() {
        match CouncilType::parse(kind_text) {
            Ok(t) if t == council.council_type => {}
            Ok(_) => problem(
                TYPE,
                format!(
                    "{} is a {} council, not {kind_text}",
                    council.name,
                    council.council_type.label()
                ),
            ),
            Err(e) => problem(TYPE, e.to_string().replacen("council_type: ", "", 1)),
        }
    }
    Some((code, council))
}

/// A row without a published assessment: every field of an assessment must be empty.
fn refuse_without_assessment<'a>(
    field: &dyn Fn(usize) -> &'a str,
    problem: &mut dyn FnMut(usize, String),
) {
    for k in [
        PUBLISHED,
        PRECISION,
        QS1,
        QS1 + 1,
        QS1 + 2,
        QS1 + 3,
        QS1 + 4,
        QS1 + 5,
        QS1 + 6,
        QS1 + 7,
        QS1 + 8,
        TOTAL,
        ASSESSED,
        PERCENT,
        BASIS,
        RATING,
        SOURCE_KIND,
        REPORT,
    ] {
        if !field(k).is_empty() {
            problem(
                k,
                format!(
                    "{:?} is given but assessment_kind is none (no published assessment): give the kind of assessment, or leave this empty",
                    field(k)
                ),
            );
        }
    }
}

/// When the assessment was published, and how precisely the date is known.
fn read_when<'a>(
    field: &dyn Fn(usize) -> &'a str,
    problem: &mut dyn FnMut(usize, String),
    record: &mut PublishedResult,
) {
    // When.
    let published = field(PUBLISHED);
    let precision = if published.is_empty() {
        Some(DatePrecision::Unknown)
    } else {
        match parse_published(published) {
            Ok(p) => {
                record.published = Some(published.to_string());
                Some(p)
            }
            Err(m) => {
                problem(PUBLISHED, m);
                None
            }
        }
    };
    if let Some(p) = precision {
        let given = field(PRECISION);
        let ok = given.is_empty() || normalise_name(given) == p.id();
        if !ok {
            problem(
                PRECISION,
                format!(
                    "{given:?} does not match published {:?}, whose precision is {} (or leave it empty)",
                    published,
                    p.id()
                ),
            );
        }
        record.published_precision = Some(p);
    }
}

/// The scores (all nine, or none), and the total and count given beside them.
fn read_scores<'a>(
    field: &dyn Fn(usize) -> &'a str,
    problem: &mut dyn FnMut(usize, String),
    record: &mut PublishedResult,
) {
    // The scores: all nine, or none.
    let raw: Vec<&str> = (QS1..QS1 + 9).map(field).collect();
    if raw.iter().any(|s| !s.is_empty()) {
        let mut scores = [Score::MIN; 9];
        let mut ok = true;
        for (i, s) in raw.iter().enumerate() {
            let k = QS1 + i;
            let value = s
                .parse::<i64>()
                .ok()
                .and_then(|v| Score::from_i64(v, "").ok());
            match value {
                Some(v) => scores[i] = v,
                None => {
                    ok = false;
                    problem(
                        k,
                        if s.is_empty() {
                            format!(
                                "qs{} is empty but other scores are given: give all nine scores, or none",
                                i + 1
                            )
                        } else {
                            format!("score must be a whole number from 1 to 4, got {s:?}")
                        },
                    );
                }
            }
        }
        if ok {
            record.scores = Some(scores);
        }
    }
    let total = record.total();
    record.total = total;
    record.assessed = record.scores.map(|_| 9);
    for (k, want) in [(TOTAL, total), (ASSESSED, record.assessed)] {
        let given = field(k);
        if given.is_empty() {
            continue;
        }
        match (given.parse::<u32>(), want) {
            (Ok(v), Some(w)) if v == w => {}
            (_, Some(w)) => problem(
                k,
                format!(
                    "{given:?} does not match the scores, which give {w} (correct it, or leave it empty to have it computed)"
                ),
            ),
            (_, None) => problem(
                k,
                format!("{given:?} is given without the nine scores it is computed from: leave it empty"),
            ),
        }
    }
}

/// The percentage: stated by a source, or computed from the scores.
fn read_percent<'a>(
    field: &dyn Fn(usize) -> &'a str,
    problem: &mut dyn FnMut(usize, String),
    record: &mut PublishedResult,
) {
    // The percentage: stated by a source, or computed from the scores.
    let computed = record.total.map(|t| published_percent(t, 36));
    let given = field(PERCENT);
    let percent = if given.is_empty() {
        None
    } else {
        match given.parse::<u8>() {
            Ok(p) if (25..=100).contains(&p) => Some(p),
            _ => {
                problem(
                    PERCENT,
                    format!("percentage must be a whole number from 25 to 100, got {given:?}"),
                );
                None
            }
        }
    };
    let basis_text = field(BASIS);
    let basis = match normalise_name(basis_text).as_str() {
        "" => None,
        "stated" => Some(PercentBasis::Stated),
        "computed" => Some(PercentBasis::Computed),
        _ => {
            problem(
                BASIS,
                format!("expected stated (a source gives it) or computed (from the scores), got {basis_text:?}"),
            );
            None
        }
    };
    match (percent, basis) {
        (Some(p), Some(PercentBasis::Stated)) => {
            record.percent = Some(p);
            record.percent_basis = Some(PercentBasis::Stated);
        }
        (Some(p), Some(PercentBasis::Computed)) => match computed {
            Some(c) if c == p => {
                record.percent = Some(c);
                record.percent_basis = Some(PercentBasis::Computed);
            }
            Some(c) => problem(
                PERCENT,
                format!(
                    "{p} is marked computed but the scores give {c}: correct it, mark it stated if a source gives {p}, or leave both empty"
                ),
            ),
            None => problem(
                BASIS,
                "the percentage is marked computed but there are no scores to compute it from: mark it stated if a source gives it".into(),
            ),
        },
        (Some(_), None) if basis_text.is_empty() => problem(
            BASIS,
            "say whether the percentage is stated by a source or computed from the scores".into(),
        ),
        (None, Some(_)) if given.is_empty() => problem(
            BASIS,
            format!("{basis_text:?} is given without a percentage: leave it empty"),
        ),
        (None, None) if computed.is_some() => {
            record.percent = computed;
            record.percent_basis = Some(PercentBasis::Computed);
        }
        _ => {}
    }
}

/// The rating, the kind of the first source, the sources and CQC's report.
fn read_rating_and_sources<'a>(
    field: &dyn Fn(usize) -> &'a str,
    problem: &mut dyn FnMut(usize, String),
    record: &mut PublishedResult,
) {
    let rating = field(RATING);
    if !rating.is_empty() {
        match Rating::parse(rating) {
            Ok(r) => record.rating = Some(r),
            Err(_) => problem(
                RATING,
                format!(
                    "unknown rating {rating:?} (expected Inadequate, Requires improvement, Good or Outstanding, or empty where no source states it)"
                ),
            ),
        }
    }

    let source_kind = field(SOURCE_KIND);
    if source_kind.is_empty() {
        problem(
            SOURCE_KIND,
            "the kind of the first source is missing (cqc, council, press or scrape)".into(),
        );
    } else {
        match parse_source_kind(source_kind) {
            Ok(k) => record.source_kind = Some(k),
            Err(m) => problem(SOURCE_KIND, m),
        }
    }
    if record.sources.is_empty() {
        problem(
            SOURCES,
            "an assessment needs at least one source (a web address)".into(),
        );
    }
    let report = field(REPORT);
    if !report.is_empty() {
        if is_address(report) {
            record.cqc_report_url = Some(report.to_string());
        } else {
            problem(REPORT, format!("{report:?} is not a web address"));
        }
    }
}

/// Whether `a` was published before `b`, where both dates can be ordered (neither unknown,
/// and not the same month given once as a month and once as a day).
fn before(a: Option<&str>, b: Option<&str>) -> Option<bool> {
    let (a, b) = (a?, b?);
    if a == b || a.starts_with(b) || b.starts_with(a) {
        return None;
    }
    Some(a < b)
}

/// Checks across rows: one row per assessment, at most one pilot and one baseline per
/// council, reassessments that can be ordered, and no "none" row beside an assessment. The
/// later row of a clash is reported and left out ("none" rows always).
fn check_councils(rows: &mut Vec<Row>, errors: &mut Vec<Error>, index: &[usize; 25]) {
    let at = |k: usize| format!("column {}", column_letters(index[k]));
    let mut drop = vec![false; rows.len()];
    let mut by_council: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        by_council
            .entry(r.record.gss_code.as_str())
            .or_default()
            .push(i);
    }
    let mut found = Vec::new();
    for list in by_council.values() {
        let assessments: Vec<usize> = list
            .iter()
            .copied()
            .filter(|&i| rows[i].record.is_assessment())
            .collect();
        for &i in list {
            let r = &rows[i];
            if r.record.is_assessment() {
                continue;
            }
            if let Some(&j) = assessments.first() {
                found.push((i, KIND, format!(
                    "assessment_kind is none but line {} gives an assessment of {}: remove this row",
                    rows[j].line, r.record.council
                )));
            } else if let Some(&j) = list
                .iter()
                .find(|&&j| j < i && !rows[j].record.is_assessment())
            {
                found.push((
                    i,
                    KIND,
                    format!(
                        "{} already has a row without an assessment on line {}",
                        r.record.council, rows[j].line
                    ),
                ));
            }
        }
        for (n, &i) in assessments.iter().enumerate() {
            let r = &rows[i].record;
            for &j in &assessments[..n] {
                let s = &rows[j].record;
                if s.assessment_kind != r.assessment_kind {
                    continue;
                }
                let line = rows[j].line;
                let message = match r.assessment_kind {
                    Some(AssessmentKind::Reassessment) => match before(s.published.as_deref(), r.published.as_deref()) {
                        Some(_) => continue,
                        None => format!(
                            "{} has another reassessment on line {line} and the two cannot be ordered by their publication dates: give both dates",
                            r.council
                        ),
                    },
                    Some(k) => format!(
                        "{} already has a {} assessment on line {line}: a council has one",
                        r.council,
                        k.id()
                    ),
                    None => continue,
                };
                found.push((i, KIND, message));
                break;
            }
        }
    }
    found.sort_by_key(|(i, _, _)| *i);
    for (i, k, message) in found {
        if !drop[i] {
            drop[i] = true;
            errors.push(csv_error(
                rows[i].line,
                PUBLISHED_CSV_COLUMNS[k],
                format!("{message} ({})", at(k)),
            ));
        }
    }
    let mut i = 0;
    rows.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// Marks each council's current row: its latest reassessment, else its baseline, else its
/// pilot, else its row without an assessment.
fn mark_current(records: &mut [PublishedResult]) {
    // Whether `a` is a more current result than `b` of the same council.
    let better =
        |a: &PublishedResult, b: &PublishedResult| match (a.assessment_kind, b.assessment_kind) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(x), Some(y)) if x != y => x > y,
            _ => before(b.published.as_deref(), a.published.as_deref()) == Some(true),
        };
    // A few hundred rows: a scan per row, rather than a hash map (whose hashing would add to
    // the WebAssembly modules).
    let current: Vec<bool> = (0..records.len())
        .map(|i| {
            let r = &records[i];
            !records.iter().enumerate().any(|(j, s)| {
                j != i && s.gss_code == r.gss_code && (better(s, r) || (j < i && !better(r, s)))
            })
        })
        .collect();
    for (r, c) in records.iter_mut().zip(current) {
        r.current = c;
    }
}

/// Reads the bundled file, taking each field as written. The test suite checks that the file
/// reads without a problem by [`read`] and that this gives the same records; the checks and
/// messages of [`read`] are left out here so that the WebAssembly modules, which only use the
/// bundled data, do without them.
pub(super) fn read_bundled(text: &str) -> Vec<PublishedResult> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for row in reader.records().flatten() {
        let f = |k: usize| row.get(k).unwrap_or("");
        let text = |k: usize| Some(f(k).to_string()).filter(|s| !s.is_empty());
        let num = |k: usize| f(k).parse::<u32>().ok();
        let (Some(region), Some(council_type)) = (
            Region::ALL.into_iter().find(|r| r.label() == f(REGION)),
            CouncilType::ALL.into_iter().find(|t| t.label() == f(TYPE)),
        ) else {
            continue;
        };
        let assessment_kind = match f(KIND) {
            "pilot" => Some(AssessmentKind::Pilot),
            "baseline" => Some(AssessmentKind::Baseline),
            "reassessment" => Some(AssessmentKind::Reassessment),
            _ => None,
        };
        let mut scores = [Score::MIN; 9];
        let mut all = true;
        for (i, s) in scores.iter_mut().enumerate() {
            match f(QS1 + i)
                .parse::<u8>()
                .ok()
                .and_then(|v| Score::new(v).ok())
            {
                Some(v) => *s = v,
                None => all = false,
            }
        }
        records.push(PublishedResult {
            gss_code: f(GSS).to_string(),
            council: f(COUNCIL).to_string(),
            region,
            council_type,
            assessment_kind,
            published: text(PUBLISHED),
            published_precision: match f(PRECISION) {
                "day" => Some(DatePrecision::Day),
                "month" => Some(DatePrecision::Month),
                "unknown" => Some(DatePrecision::Unknown),
                _ => None,
            },
            scores: all.then_some(scores),
            total: num(TOTAL),
            assessed: num(ASSESSED),
            percent: f(PERCENT).parse::<u8>().ok(),
            percent_basis: match f(BASIS) {
                "stated" => Some(PercentBasis::Stated),
                "computed" => Some(PercentBasis::Computed),
                _ => None,
            },
            rating: Rating::ALL.into_iter().find(|r| r.label() == f(RATING)),
            source_kind: match f(SOURCE_KIND) {
                "cqc" => Some(SourceKind::Cqc),
                "council" => Some(SourceKind::Council),
                "press" => Some(SourceKind::Press),
                "scrape" => Some(SourceKind::Scrape),
                _ => None,
            },
            sources: f(SOURCES)
                .split(URL_SEPARATOR)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            cqc_report_url: text(REPORT),
            note: text(NOTE),
            pilot: assessment_kind == Some(AssessmentKind::Pilot),
            current: false,
        });
    }
    mark_current(&mut records);
    records
}

/// Writes the records in the format [`read`] reads.
pub(super) fn write(records: &[PublishedResult]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // `unreachable!` rather than `expect`: writing to memory cannot fail, and `expect` would
    // bring the csv crate's error messages into the WebAssembly modules.
    w.write_record(PUBLISHED_CSV_COLUMNS)
        .unwrap_or_else(|_| unreachable!("writing to memory cannot fail"));
    let num = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    for r in records {
        let mut row: Vec<String> = vec![
            r.gss_code.clone(),
            r.council.clone(),
            r.region.label().to_string(),
            r.council_type.label().to_string(),
            r.assessment_kind
                .map_or("none", AssessmentKind::id)
                .to_string(),
            r.published.clone().unwrap_or_default(),
            r.published_precision
                .map(|p| p.id().to_string())
                .unwrap_or_default(),
        ];
        match r.scores {
            Some(s) => row.extend(s.iter().map(|x| x.get().to_string())),
            None => row.extend(std::iter::repeat_n(String::new(), 9)),
        }
        row.extend([
            num(r.total),
            num(r.assessed),
            num(r.percent.map(u32::from)),
            r.percent_basis
                .map(|b| b.id().to_string())
                .unwrap_or_default(),
            r.rating.map(|x| x.label().to_string()).unwrap_or_default(),
            r.source_kind
                .map(|k| k.id().to_string())
                .unwrap_or_default(),
            r.sources.join(URL_SEPARATOR),
            r.cqc_report_url.clone().unwrap_or_default(),
            r.note.clone().unwrap_or_default(),
        ]);
        w.write_record(&row)
            .unwrap_or_else(|_| unreachable!("writing to memory cannot fail"));
    }
    let bytes = w
        .into_inner()
        .unwrap_or_else(|_| unreachable!("writing to memory cannot fail"));
    String::from_utf8(bytes).unwrap_or_else(|_| unreachable!("the fields were all UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(24), "Y");
    }

    #[test]
    fn dates() {
        assert_eq!(parse_published("2025-06-20"), Ok(DatePrecision::Day));
        assert_eq!(parse_published("2025-06"), Ok(DatePrecision::Month));
        for bad in [
            "2025-13",
            "2025-02-30",
            "2022-05",
            "20/06/2025",
            "Jun-25",
            "2025",
            "2025-6-1",
        ] {
            assert!(parse_published(bad).is_err(), "{bad}");
        }
        assert!(parse_published("20/06/2025")
            .unwrap_err()
            .contains("format the column as text"));
        assert_eq!(before(Some("2025-06"), Some("2025-07-01")), Some(true));
        assert_eq!(before(Some("2025-06"), Some("2025-06-01")), None);
        assert_eq!(before(None, Some("2025-06-01")), None);
    }
}
