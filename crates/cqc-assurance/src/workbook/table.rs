//! Tables as spreadsheets hold them, for the CSV and Excel readers and writers of the
//! workbook's registers: decoding the bytes of a CSV file (UTF-8, UTF-16, Windows-1252: checked against encoding_rs), finding
//! its separator, reading its rows with the row numbers a spreadsheet program shows, guarding
//! cells against formula injection, and the typed cells and list encodings both formats share.

use std::borrow::Cow;

use jiff::civil::Date;

use crate::error::Error;
use crate::framework::normalise_name;
use crate::json::number_text;
use crate::timeline::parse_uk_date;

// ---------------------------------------------------------------------------------------------
// Bytes to text.

/// The text of a CSV file and how it was decoded.
pub(crate) struct Decoded {
    pub text: String,
    /// Said to the user when the encoding was a guess (Windows-1252).
    pub warning: Option<String>,
}

const SAVE_AS: &str =
    "in Excel, use File > Save As and choose \"CSV UTF-8 (Comma delimited) (*.csv)\"";

fn encoding_error(line: usize, message: String) -> Error {
    Error::CsvEncoding {
        path: format!("line {line}"),
        message,
    }
}

/// The line (1-based) of a byte offset.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Decodes a CSV file: UTF-8 with or without a byte-order mark; UTF-16 (little or big endian)
/// with a byte-order mark, as Excel's "Unicode Text" writes it; and, for bytes that are not
/// UTF-8 and have no byte-order mark, Windows-1252 (what Excel's plain "CSV (Comma delimited)"
/// writes on UK Windows), with a warning that says so. Refused with [`Error::CsvEncoding`]: a
/// byte-order mark followed by bytes that do not fit it, NUL characters (UTF-16 without a
/// byte-order mark, or not a text file), and bytes that Windows-1252 does not define.
/// UTF-16 code units (little or big endian) as text; `None` for an odd number of bytes or an
/// unpaired surrogate. Decoded with the standard library rather than encoding_rs: its decoders
/// are reached through one dispatch over every encoding it knows, which links all their tables
/// (about 140 KB gzipped) into the WebAssembly module that imports registers in a browser. The
/// tests check both decoders against encoding_rs.
fn utf16(bytes: &[u8], little: bool) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .ok()
}

/// The characters of bytes 0x80-0x9F in Windows-1252, from the WHATWG Encoding Standard's
/// index (the five bytes it leaves undefined map to the C1 controls of the same number, as
/// there); every other byte is the Unicode code point of its value.
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

/// Windows-1252 bytes as text (see [`WINDOWS_1252_HIGH`]).
fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    let (text, warning) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        match std::str::from_utf8(rest) {
            Ok(t) => (t.to_string(), None),
            Err(e) => {
                return Err(encoding_error(
                    line_of(rest, e.valid_up_to()),
                    format!(
                        "the file starts with the mark of UTF-8 text, but this line has bytes that are not UTF-8; {SAVE_AS}"
                    ),
                ))
            }
        }
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let little = bytes[0] == 0xFF;
        let name = if little {
            "UTF-16 (little endian)"
        } else {
            "UTF-16 (big endian)"
        };
        match utf16(&bytes[2..], little) {
            Some(t) => (t, None),
            None => {
                return Err(encoding_error(
                    1,
                    format!(
                        "the file starts with the mark of {name} text, but its bytes are not {name}; {SAVE_AS}"
                    ),
                ))
            }
        }
    } else {
        match std::str::from_utf8(bytes) {
            Ok(t) => (t.to_string(), None),
            Err(e) => {
                // Windows-1252 leaves five bytes undefined (the WHATWG decoder maps them to C1
                // controls): a file with one of them is in some other encoding.
                if let Some(at) = bytes
                    .iter()
                    .position(|b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D))
                {
                    return Err(encoding_error(
                        line_of(bytes, at),
                        format!(
                            "the file is not UTF-8 text, nor Windows-1252 (byte 0x{:02X} on this line); {SAVE_AS}",
                            bytes[at]
                        ),
                    ));
                }
                let t = windows_1252(bytes);
                let line = line_of(bytes, e.valid_up_to());
                (
                    t,
                    Some(format!(
                        "the file is not UTF-8 (first on line {line}): it was read as Windows-1252, \
                         the encoding of Excel's \"CSV (Comma delimited)\" on UK Windows; check \
                         that characters such as £ and é read right, or {SAVE_AS}"
                    )),
                )
            }
        }
    };
    if let Some(at) = text.find('\0') {
        return Err(encoding_error(
            line_of(text.as_bytes(), at),
            format!(
                "the file has NUL characters: it is probably UTF-16 text without a byte-order mark, or not a CSV file; {SAVE_AS}"
            ),
        ));
    }
    Ok(Decoded { text, warning })
}

// ---------------------------------------------------------------------------------------------
// Text to rows.

/// One row of a CSV file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CsvRow {
    /// The row number a spreadsheet program shows (the header is 1; blank lines count, line
    /// breaks inside a quoted cell do not).
    pub row: u64,
    /// The line of the file the row starts on, as a text editor numbers it.
    pub line: u64,
    pub cells: Vec<String>,
}

/// Splits CSV text into rows (RFC 4180, and what spreadsheet programs write): fields separated
/// by `separator`, rows ended by CRLF, LF or CR, a quoted field may hold separators, quotes
/// (doubled) and line breaks. Rows whose cells are all empty are left out (their numbers are
/// still counted). A quoted field that is never closed is an error at the line it opens on.
/// `first_row` and `first_line` number the first row of `text`.
pub(crate) fn csv_rows(
    text: &str,
    separator: char,
    first_row: u64,
    first_line: u64,
) -> Result<Vec<CsvRow>, Error> {
    let mut rows = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let (mut row, mut line) = (first_row, first_line);
    let (mut row_start, mut line_start) = (row, line);
    let mut chars = text.chars().peekable();
    let mut at_cell_start = true;
    let finish_row = |cells: &mut Vec<String>, rows: &mut Vec<CsvRow>, r: u64, l: u64| {
        if cells.iter().any(|c| !c.is_empty()) {
            rows.push(CsvRow {
                row: r,
                line: l,
                cells: std::mem::take(cells),
            });
        } else {
            cells.clear();
        }
    };
    let mut pending = false; // something read since the last row end
    while let Some(c) = chars.next() {
        if at_cell_start && c == '"' {
            pending = true;
            at_cell_start = false;
            let open_line = line;
            loop {
                match chars.next() {
                    None => {
                        return Err(Error::InvalidCsv {
                            path: format!("line {row}"),
                            line: row,
                            message: format!(
                                "a quoted cell opens on line {open_line} of the file and is never closed (a \" is missing)"
                            ),
                        })
                    }
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        cell.push('"');
                    }
                    Some('"') => break,
                    Some(x) => {
                        if x == '\n' || (x == '\r' && chars.peek() != Some(&'\n')) {
                            line += 1;
                        }
                        cell.push(x);
                    }
                }
            }
            continue;
        }
        if c == separator {
            cells.push(std::mem::take(&mut cell));
            at_cell_start = true;
            pending = true;
            continue;
        }
        if c == '\r' || c == '\n' {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            cells.push(std::mem::take(&mut cell));
            finish_row(&mut cells, &mut rows, row_start, line_start);
            row += 1;
            line += 1;
            row_start = row;
            line_start = line;
            at_cell_start = true;
            pending = false;
            continue;
        }
        pending = true;
        at_cell_start = false;
        cell.push(c);
    }
    if pending {
        cells.push(cell);
        finish_row(&mut cells, &mut rows, row_start, line_start);
    }
    Ok(rows)
}

/// A CSV file read as a table: the header row, the data rows, and what the reader noticed.
pub(crate) struct CsvTable {
    pub header: CsvRow,
    pub rows: Vec<CsvRow>,
    pub warnings: Vec<String>,
}

/// Reads a CSV file's bytes as a table whose header names `columns`: decodes them, takes the
/// separator from an Excel `sep=` line or else from the header row (comma, semicolon or tab:
/// the one that splits it into the most known column names), and splits the rows.
pub(crate) fn read_csv_table(bytes: &[u8], columns: &[Column]) -> Result<CsvTable, Error> {
    let decoded = decode(bytes)?;
    let mut warnings: Vec<String> = decoded.warning.into_iter().collect();
    let text = decoded
        .text
        .strip_prefix('\u{feff}')
        .unwrap_or(&decoded.text);
    // Excel writes and reads a first line `sep=;` naming the separator; it is not a row.
    let first_end = text.find(['\r', '\n']).unwrap_or(text.len());
    let first = &text[..first_end];
    let (separator, body, first_line) = match first
        .strip_prefix("sep=")
        .or_else(|| first.strip_prefix("SEP="))
    {
        Some(sep) if sep.chars().count() == 1 => {
            let rest = &text[first_end..];
            let rest = rest
                .strip_prefix("\r\n")
                .or_else(|| rest.strip_prefix('\n'))
                .or_else(|| rest.strip_prefix('\r'))
                .unwrap_or(rest);
            (sep.chars().next(), rest, 2)
        }
        _ => (None, text, 1),
    };
    let separator = match separator {
        Some(s) => s,
        None => detect_separator(body, columns)?,
    };
    match separator {
        ';' => warnings.push(
            "the columns are separated by semicolons (as Excel writes CSV where a comma is the decimal mark)".into(),
        ),
        '\t' => warnings.push("the columns are separated by tabs".into()),
        _ => {}
    }
    let mut rows = csv_rows(body, separator, 1, first_line)?.into_iter();
    let header = rows.next().ok_or_else(|| Error::InvalidCsv {
        path: "line 1".into(),
        line: 1,
        message: "the file is empty: the first row should name the columns".into(),
    })?;
    if header.row != 1 {
        return Err(Error::InvalidCsv {
            path: "line 1".into(),
            line: 1,
            message: format!(
                "the first row is empty: the column names should be on row 1 (they are on row {})",
                header.row
            ),
        });
    }
    Ok(CsvTable {
        header,
        rows: rows.collect(),
        warnings,
    })
}

fn detect_separator(text: &str, columns: &[Column]) -> Result<char, Error> {
    let mut best: Option<(usize, char)> = None;
    for sep in [',', ';', '\t'] {
        // The first line only: a header never needs a line break, and a bad quote further
        // down is reported by the full read.
        let first = &text[..text.find(['\r', '\n']).unwrap_or(text.len())];
        let header = csv_rows(first, sep, 1, 1)
            .ok()
            .and_then(|rows| rows.into_iter().next());
        let Some(header) = header else { continue };
        let known = header
            .cells
            .iter()
            .filter(|h| column_for(h, columns).is_some())
            .count();
        if known > 0 && best.is_none_or(|(k, _)| known > k) {
            best = Some((known, sep));
        }
    }
    best.map(|(_, sep)| sep).ok_or_else(|| {
        let names: Vec<&str> = columns.iter().map(|c| c.name).collect();
        Error::CsvSeparator {
            path: "line 1".into(),
            message: format!(
                "the first row should name the columns ({}), separated by commas, semicolons or \
                 tabs; none of these names was found in it",
                names.join(", ")
            ),
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Formula injection.

/// A text cell as it is written to CSV: one beginning with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a single quote in front, so that a spreadsheet program shows it as text
/// instead of running it as a formula (OWASP, "CSV Injection",
/// <https://owasp.org/www-community/attacks/CSV_Injection>); one beginning with a single quote
/// gets a second one, so that [`unguarded`] can always take exactly one off and the round trip
/// is lossless.
pub(crate) fn guarded(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\'') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// A CSV cell as read: a leading single quote (the guard [`guarded`] adds) is taken off.
pub(crate) fn unguarded(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

// ---------------------------------------------------------------------------------------------
// Columns and cells.

/// A column of a register: its field name (the CSV header this library writes), the header
/// Excel files show, whether it must be there, and other headers read as it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub name: &'static str,
    pub label: &'static str,
    pub required: bool,
    pub aliases: &'static [&'static str],
}

impl Column {
    pub(crate) const fn new(name: &'static str, label: &'static str, required: bool) -> Column {
        Column {
            name,
            label,
            required,
            aliases: &[],
        }
    }

    pub(crate) const fn aka(mut self, aliases: &'static [&'static str]) -> Column {
        self.aliases = aliases;
        self
    }
}

/// The column a header names (ignoring case, spaces and punctuation), if any.
pub(crate) fn column_for(header: &str, columns: &[Column]) -> Option<usize> {
    let key = normalise_name(header);
    if key.is_empty() {
        return None;
    }
    columns.iter().position(|c| {
        normalise_name(c.name) == key
            || normalise_name(c.label) == key
            || c.aliases.iter().any(|a| normalise_name(a) == key)
    })
}

/// A spreadsheet column's letters: 0 is `A`, 26 is `AA`.
pub(crate) fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// A cell's value, as CSV text gives it (always text) or as Excel stores it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
pub(crate) enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(Date),
    /// A value this library cannot use, described (`the error #N/A`, `a time of day`).
    Other(String),
}

impl Cell {
    pub(crate) fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    pub(crate) fn opt_text(s: Option<&str>) -> Cell {
        s.map_or(Cell::Empty, Cell::text)
    }

    pub(crate) fn opt_date(d: Option<Date>) -> Cell {
        d.map_or(Cell::Empty, Cell::Date)
    }

    pub(crate) fn opt_number(x: Option<f64>) -> Cell {
        x.map_or(Cell::Empty, Cell::Number)
    }

    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.is_empty(),
            _ => false,
        }
    }

    /// The cell as CSV text: texts guarded against formula injection, numbers in the shortest
    /// form that reads back the same, dates as ISO, booleans as `true` / `false`.
    pub(crate) fn csv(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(s) => guarded(s),
            Cell::Number(x) => Cow::Owned(number_text(*x)),
            Cell::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Cell::Date(d) => Cow::Owned(d.to_string()),
            Cell::Other(s) => Cow::Borrowed(s),
        }
    }
}

/// What is wrong with one cell, in words for the person who typed it.
pub(crate) type CellResult<T> = Result<T, String>;

/// Text, or `None` for an empty cell. A number is read as the text it shows (an id typed as
/// `12`); a date in a text column is refused (Excel turns some texts, such as `1-2`, into
/// dates).
pub(crate) fn text_of(cell: &Cell) -> CellResult<Option<String>> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Text(s) if s.is_empty() => Ok(None),
        Cell::Text(s) => Ok(Some(s.clone())),
        Cell::Number(x) => Ok(Some(number_text(*x))),
        Cell::Bool(b) => Ok(Some(if *b { "TRUE" } else { "FALSE" }.into())),
        Cell::Date(d) => Err(format!(
            "the cell holds the date {} but this column is text (Excel may have turned what was \
             typed into a date): format the cell as Text and type the value again",
            uk(*d)
        )),
        Cell::Other(what) => Err(format!("the cell holds {what}, expected text")),
    }
}

/// A date: a date cell, or text in a form [`parse_uk_date`] reads. `None` when empty.
pub(crate) fn date_of(cell: &Cell) -> CellResult<Option<Date>> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Text(s) if s.trim().is_empty() => Ok(None),
        Cell::Text(s) => parse_uk_date(s, "")
            .map(Some)
            .map_err(|e| match e {
                Error::InvalidUkDate { input, reason, .. } => {
                    format!("invalid date {input:?}: {reason}")
                }
                other => other.to_string(),
            }),
        Cell::Date(d) => Ok(Some(*d)),
        Cell::Number(x) => Err(format!(
            "the cell holds the number {}, not a date: type the date as 15/10/2026 (or format the cell as a date)",
            number_text(*x)
        )),
        Cell::Bool(_) => Err("the cell holds TRUE or FALSE, not a date".into()),
        Cell::Other(what) => Err(format!("the cell holds {what}, not a date")),
    }
}

/// A date that must be there.
pub(crate) fn required_date_of(cell: &Cell) -> CellResult<Date> {
    date_of(cell)?.ok_or_else(|| "must not be empty: give a date such as 15/10/2026".into())
}

/// A number: a number cell, or text such as `61.2`, `-3`, `61.2%` (the `%` is the unit, not a
/// hundredth: Excel shows `61.2%` for a percentage cell holding 61.2 percent points only when
/// the figure was typed that way, so the number before it is taken). Thousands separators and
/// decimal commas are refused rather than guessed. `None` when empty.
pub(crate) fn number_of(cell: &Cell) -> CellResult<Option<f64>> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(x) => Ok(Some(*x)),
        Cell::Text(s) if s.trim().is_empty() => Ok(None),
        Cell::Text(s) => {
            let t = s.trim();
            let t = t.strip_suffix('%').map(str::trim_end).unwrap_or(t);
            let plain = !t.is_empty()
                && t.bytes()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
            match t.parse::<f64>() {
                Ok(x) if plain && x.is_finite() => Ok(Some(x)),
                _ if t.contains(',') => Err(format!(
                    "{s:?} is not a number this import reads: write it without thousands separators and with a full stop for decimals (61.2)"
                )),
                _ => Err(format!("{s:?} is not a number")),
            }
        }
        Cell::Bool(_) => Err("the cell holds TRUE or FALSE, expected a number".into()),
        Cell::Date(d) => Err(format!(
            "the cell holds the date {}, expected a number",
            uk(*d)
        )),
        Cell::Other(what) => Err(format!("the cell holds {what}, expected a number")),
    }
}

/// Yes or no: a TRUE / FALSE cell, or `yes`, `no`, `true`, `false`, `y`, `n`, `1`, `0`.
/// `None` when empty.
pub(crate) fn bool_of(cell: &Cell) -> CellResult<Option<bool>> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Bool(b) => Ok(Some(*b)),
        Cell::Number(x) if *x == 1.0 => Ok(Some(true)),
        Cell::Number(x) if *x == 0.0 => Ok(Some(false)),
        Cell::Text(s) if s.trim().is_empty() => Ok(None),
        Cell::Text(s) => match normalise_name(s).as_str() {
            "yes" | "y" | "true" | "1" => Ok(Some(true)),
            "no" | "n" | "false" | "0" => Ok(Some(false)),
            _ => Err(format!("{s:?} is not yes or no")),
        },
        other => Err(format!(
            "expected yes or no, got {}",
            text_of(other).ok().flatten().unwrap_or_default()
        )),
    }
}

/// A date as UK readers write it: `15/10/2026`.
pub(crate) fn uk(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

// ---------------------------------------------------------------------------------------------
// Lists in one cell.

/// Items separated by `;` (or `,`, or line breaks), blanks ignored: `QS1; QS7`.
pub(crate) fn split_list(text: &str) -> Vec<&str> {
    text.split([';', ',', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The indent that marks a line continuing the item above it in a list cell.
const CONTINUATION: &str = "  ";

#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
/// A list of texts as one cell, one item per line, each starting with `• `; a line break inside
/// an item is followed by two spaces. [`bullets_of`] reads it back exactly, and reads what a
/// person types too (one item per line, with or without the bullet).
pub(crate) fn bullets(items: &[String]) -> String {
    items
        .iter()
        .map(|item| format!("• {}", item.replace('\n', &format!("\n{CONTINUATION}"))))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
/// Reads [`bullets`]: a line starting with `•` (and one space after it) or with no indent
/// starts an item; a line starting with two spaces continues the item above; empty lines are
/// skipped.
pub(crate) fn bullets_of(text: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for line in text.split('\n') {
        if let (Some(rest), Some(last)) = (line.strip_prefix(CONTINUATION), items.last_mut()) {
            last.push('\n');
            last.push_str(rest);
        } else if let Some(rest) = line.strip_prefix('•') {
            items.push(rest.strip_prefix(' ').unwrap_or(rest).to_string());
        } else if !line.trim().is_empty() {
            items.push(line.to_string());
        }
    }
    items
}

/// Dated notes as one cell, one per line: `2026-10-15: text`; a line break inside a note is
/// followed by two spaces. [`dated_lines_of`] reads it back exactly.
pub(crate) fn dated_lines(notes: &[(Date, &str)]) -> String {
    notes
        .iter()
        .map(|(d, note)| format!("{d}: {}", note.replace('\n', &format!("\n{CONTINUATION}"))))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads [`dated_lines`]: each note starts with a date in a form [`parse_uk_date`] reads, then
/// `:`; a line starting with two spaces continues the note above; empty lines are skipped.
pub(crate) fn dated_lines_of(text: &str) -> CellResult<Vec<(Date, String)>> {
    let mut notes: Vec<(Date, String, usize)> = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if let (Some(rest), Some(last)) = (line.strip_prefix(CONTINUATION), notes.last_mut()) {
            last.1.push('\n');
            last.1.push_str(rest);
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let n = i + 1;
        let Some((date, note)) = line.split_once(':') else {
            return Err(format!(
                "line {n} of the cell does not start with a date and a colon (2026-10-15: what happened)"
            ));
        };
        let date = parse_uk_date(date, "").map_err(|e| match e {
            Error::InvalidUkDate { input, reason, .. } => {
                format!(
                    "line {n} of the cell: invalid date {:?}: {reason}",
                    input.trim()
                )
            }
            other => other.to_string(),
        })?;
        let note = note.strip_prefix(' ').unwrap_or(note);
        notes.push((date, note.to_string(), n));
    }
    notes
        .into_iter()
        .map(|(date, note, n)| {
            if note.trim().is_empty() {
                Err(format!("line {n} of the cell has a date but no note"))
            } else {
                Ok((date, note))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<(u64, u64, Vec<String>)> {
        csv_rows(text, ',', 1, 1)
            .unwrap()
            .into_iter()
            .map(|r| (r.row, r.line, r.cells))
            .collect()
    }

    fn v(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        let text = "a,b\r\n1,\"two\r\nlines\"\r\n\r\n,\r\n3,\"x\"\"y\"\r\n";
        assert_eq!(
            rows(text),
            [
                (1, 1, v(&["a", "b"])),
                (2, 2, v(&["1", "two\r\nlines"])),
                // Row 3 (an empty line) and row 4 (empty cells) are blank: left out.
                (5, 6, v(&["3", "x\"y"])),
            ]
        );
        assert_eq!(
            rows("a\rb\nc"),
            [(1, 1, v(&["a"])), (2, 2, v(&["b"])), (3, 3, v(&["c"]))]
        );
        assert_eq!(rows("a,\"\""), [(1, 1, v(&["a", ""]))]);
        assert_eq!(rows("a,b\"c"), [(1, 1, v(&["a", "b\"c"]))]);
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opens() {
        let err = csv_rows("a,b\n1,\"open\n2,3\n", ',', 1, 1).unwrap_err();
        assert_eq!(err.path(), Some("line 2"));
        assert!(err.to_string().contains("line 2 of the file"), "{err}");
    }

    #[test]
    fn encodings() {
        let d = |b: &[u8]| decode(b).map(|d| (d.text, d.warning.is_some()));
        assert_eq!(d(b"\xEF\xBB\xBFa\xC2\xA3").unwrap(), ("a£".into(), false));
        assert_eq!(d(b"\xFF\xFEa\x00\xA3\x00").unwrap(), ("a£".into(), false));
        assert_eq!(d(b"\xFE\xFF\x00a\x00\xA3").unwrap(), ("a£".into(), false));
        assert_eq!(d(b"a\xA3 \x80").unwrap(), ("a£ €".into(), true));
        assert_eq!(d(b"a\n\x81").unwrap_err().path(), Some("line 2"));
        assert_eq!(d(b"a\x00b\x00").unwrap_err().code(), "csv_encoding");
        assert_eq!(
            d(b"\xEF\xBB\xBFok\n\xA3").unwrap_err().path(),
            Some("line 2")
        );
    }

    #[test]
    fn windows_1252_is_decoded_as_encoding_rs_decodes_it() {
        for b in 0..=255u8 {
            let byte = [b];
            let (want, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
            assert_eq!(windows_1252(&byte), want, "byte 0x{b:02X}");
        }
    }

    proptest::proptest! {
        #[test]
        fn utf16_is_decoded_as_encoding_rs_decodes_it(bytes in proptest::collection::vec(
            proptest::prop_oneof![proptest::num::u8::ANY, 0xD8..=0xDFu8], 0..40)) {
            for (little, encoding) in [(true, encoding_rs::UTF_16LE), (false, encoding_rs::UTF_16BE)] {
                let want = encoding
                    .decode_without_bom_handling_and_without_replacement(&bytes)
                    .map(|t| t.into_owned());
                proptest::prop_assert_eq!(utf16(&bytes, little), want);
            }
        }
    }

    #[test]
    fn guard_and_unguard() {
        for s in [
            "=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'q", "''", "plain", "",
        ] {
            assert_eq!(unguarded(&guarded(s)), s);
        }
        assert_eq!(guarded("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(guarded("a=b"), "a=b");
    }

    #[test]
    fn letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn list_cells_round_trip() {
        for items in [
            vec![],
            vec!["one".to_string()],
            vec![
                "a\nb".into(),
                "  spaced".into(),
                "• bullet".into(),
                "".into(),
                "x\n".into(),
            ],
        ] {
            assert_eq!(bullets_of(&bullets(&items)), items);
        }
        assert_eq!(
            bullets_of("first\nsecond\n\n• third"),
            ["first", "second", "third"]
        );
        let d = Date::constant(2026, 10, 15);
        let notes = [(d, "met\n  the board"), (d, " lead: space")];
        let back = dated_lines_of(&dated_lines(&notes)).unwrap();
        assert_eq!(
            back,
            [
                (d, "met\n  the board".to_string()),
                (d, " lead: space".to_string())
            ]
        );
        assert_eq!(
            dated_lines_of("15/10/2026: typed by hand").unwrap(),
            [(d, "typed by hand".to_string())]
        );
        assert!(dated_lines_of("no date here")
            .unwrap_err()
            .contains("line 1"));
        assert!(dated_lines_of("2026-10-15:")
            .unwrap_err()
            .contains("no note"));
    }

    #[test]
    fn numbers_and_booleans() {
        let n = |s: &str| number_of(&Cell::text(s));
        assert_eq!(n("61.2").unwrap(), Some(61.2));
        assert_eq!(n(" -3 ").unwrap(), Some(-3.0));
        assert_eq!(n("61.2%").unwrap(), Some(61.2));
        assert_eq!(n("1e-7").unwrap(), Some(1e-7));
        assert_eq!(n("").unwrap(), None);
        assert!(n("1,234").unwrap_err().contains("thousands"));
        assert!(n("inf").is_err());
        assert!(n("NaN").is_err());
        assert!(n("0x10").is_err());
        let b = |s: &str| bool_of(&Cell::text(s));
        assert_eq!(b("TRUE").unwrap(), Some(true));
        assert_eq!(b("no").unwrap(), Some(false));
        assert!(b("maybe").is_err());
    }
}
