//! The timeline, working days and the self-assessment workbook: the functions and the classes
//! with methods of their own (`Timeline`, `WorkingCalendar`, `Workbook`, `WorkbookImport`,
//! `WorkbookReport`). Their results are records (`results.rs`); the workbook document, which
//! has no schema, is read as it is written (text that is exactly an ISO date is a
//! `datetime.date`).

use std::sync::Arc;

use cqc_assurance::{self as cqc, TimelineInput, Workbook, WorkingCalendar};
use jiff::civil::Date;
use pyo3::exceptions::{PyFileNotFoundError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString};
use pyo3::PyClassInitializer;
use serde_json::{Map, Value};

use crate::convert::{iso_date, py_date, python_quotes, to_py, to_value, type_name};
use crate::errors::{to_py_err, OrRaise};
use crate::html;
use crate::results::{to_records, with_state, Held, PyRecord};

/// A date argument (`datetime.date` or ISO text) as the core's date; errors carry `path`.
pub(crate) fn date_arg(py: Python<'_>, obj: &Bound<'_, PyAny>, path: &str) -> PyResult<Date> {
    let iso = iso_date(obj, path)?;
    cqc::parse_date(&iso, path).or_raise(py)
}

/// `as_of=`: a date, or today when None.
fn as_of_arg(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Date> {
    match obj.filter(|o| !o.is_none()) {
        Some(o) => date_arg(py, o, "as_of"),
        None => {
            let today = py
                .import("datetime")?
                .getattr("date")?
                .call_method0("today")?;
            date_arg(py, &today, "as_of")
        }
    }
}

/// A document argument: JSON text, or a dict (dates in it may be `datetime.date`).
fn document_text(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow()?;
        // JSON text starts with `{` (after any byte order mark and white space); any other
        // string is the name of a file, never "invalid JSON".
        if text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{')
        {
            return Ok(text.into_owned());
        }
        return read_document_file(&text, what);
    }
    if obj.is_instance_of::<PyDict>() {
        let value = to_value(obj, "")?;
        return Ok(value.to_string());
    }
    if obj.hasattr("__fspath__")? {
        let path: std::path::PathBuf = obj.extract()?;
        return read_document_file(&path.to_string_lossy(), what);
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be a dict, JSON text or the path of a JSON file, got {}",
        type_name(obj)
    )))
}

/// A document read from a file, as UTF-8 (a byte order mark allowed); a missing file is
/// `FileNotFoundError` saying what else the argument could have been.
fn read_document_file(path: &str, what: &str) -> PyResult<String> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
            String::from_utf8(bytes.to_vec()).map_err(|e| {
                pyo3::exceptions::PyValueError::new_err(format!(
                    "{path}: a {what} file must be UTF-8 JSON; byte {} is not UTF-8",
                    e.utf8_error().valid_up_to() + 1
                ))
            })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(pyo3::exceptions::PyFileNotFoundError::new_err(format!(
                "no file '{path}': a {what} is a dict, JSON text (starting with '{{') or the \
                 path of a JSON file"
            )))
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// The timeline.

/// A computed assessment timeline: `milestones` (each with `date`, `basis`, `planned`,
/// `actual`, `rule_text`, `source`...), `issues`, `intervals`, `status` and more, as in the
/// core's JSON form, dates as `datetime.date`.
#[pyclass(extends = PyRecord, frozen, module = "cqc_assurance", name = "Timeline")]
pub struct PyTimeline {
    inner: Arc<cqc::Timeline>,
    calendar: WorkingCalendar,
}

#[pymethods]
impl PyTimeline {
    /// One milestone by id (`factual_accuracy_due`, ...).
    fn milestone<'py>(
        slf: PyRef<'py, Self>,
        py: Python<'py>,
        id: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let id = cqc::MilestoneId::parse(id).or_raise(py)?;
        to_records(py, slf.inner.milestone(id))
    }

    /// The timeline as text for people.
    fn to_text(&self) -> String {
        self.inner.to_text()
    }

    /// The milestones as an iCalendar file (RFC 5545), stamped with `stamp` (a date; today when
    /// None) so that the same timeline and date give the same bytes.
    #[pyo3(signature = (stamp = None))]
    fn to_ical(&self, py: Python<'_>, stamp: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        let date = as_of_arg(py, stamp)?;
        Ok(self.inner.to_ical_on(date))
    }

    /// Where the assessment stands on `today` (a date), with this timeline's working calendar.
    fn status_on<'py>(
        &self,
        py: Python<'py>,
        today: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let date = date_arg(py, today, "today")?;
        let status = self.inner.status_on(date, &self.calendar).or_raise(py)?;
        to_records(py, &status)
    }
}

/// Plans an assessment timeline: every milestone from notification to publication on real
/// working days, re-planned from the actual dates given, with issues, intervals and (with
/// `today`) the status.
///
/// Give the timeline input document (dict or JSON text, as the core reads it) or the keyword
/// arguments; dates may be `datetime.date` or ISO text.
///
/// >>> import datetime
/// >>> t = plan_timeline(notified=datetime.date(2025, 1, 6),
/// ...                   actuals={"on_site_start": datetime.date(2025, 3, 18),
/// ...                            "draft_report": datetime.date(2025, 4, 14)})
/// >>> t.milestone("factual_accuracy_due").date
/// datetime.date(2025, 4, 30)
#[pyfunction]
#[pyo3(signature = (document = None, *, notified = None, actuals = None, approximate = None,
                    today = None, profile = None, closures = None, bank_holidays = None,
                    council = None, notes = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn plan_timeline<'py>(
    py: Python<'py>,
    document: Option<&Bound<'py, PyAny>>,
    notified: Option<&Bound<'py, PyAny>>,
    actuals: Option<&Bound<'py, PyAny>>,
    approximate: Option<&Bound<'py, PyAny>>,
    today: Option<&Bound<'py, PyAny>>,
    profile: Option<&Bound<'py, PyAny>>,
    closures: Option<&Bound<'py, PyAny>>,
    bank_holidays: Option<&Bound<'py, PyAny>>,
    council: Option<&Bound<'py, PyAny>>,
    notes: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyTimeline>> {
    let text = match document.filter(|d| !d.is_none()) {
        Some(d) => document_text(d, "document")?,
        None => {
            let mut map = Map::new();
            let fields = [
                ("notified", notified),
                ("actuals", actuals),
                ("approximate", approximate),
                ("today", today),
                ("profile", profile),
                ("closures", closures),
                ("bank_holidays", bank_holidays),
                ("council", council),
                ("notes", notes),
            ];
            for (name, v) in fields {
                if let Some(v) = v.filter(|v| !v.is_none()) {
                    let wrapped = PyDict::new(py);
                    wrapped.set_item(name, v)?;
                    if let Value::Object(m) = to_value(&wrapped, "")? {
                        map.extend(m);
                    }
                }
            }
            Value::Object(map).to_string()
        }
    };
    let input = TimelineInput::from_json(&text).or_raise(py)?;
    let timeline = cqc::plan_timeline(&input).or_raise(py)?;
    with_state(py, timeline, |inner| PyTimeline {
        inner,
        calendar: input.calendar,
    })
}

/// Working days: Monday to Friday less bank holidays in England (by rule, or official lists
/// given as `bank_holidays`) and the council's own `closures`.
///
/// >>> import datetime
/// >>> WorkingCalendar().add_working_days(datetime.date(2025, 4, 14), 10)
/// datetime.date(2025, 4, 30)
#[pyclass(frozen, module = "cqc_assurance", name = "WorkingCalendar")]
pub struct PyWorkingCalendar(WorkingCalendar);

#[pymethods]
impl PyWorkingCalendar {
    #[new]
    #[pyo3(signature = (bank_holidays = None, closures = None))]
    fn new(
        py: Python<'_>,
        bank_holidays: Option<&Bound<'_, PyAny>>,
        closures: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let wrapped = PyDict::new(py);
        if let Some(b) = bank_holidays.filter(|b| !b.is_none()) {
            wrapped.set_item("bank_holidays", b)?;
        }
        if let Some(c) = closures.filter(|c| !c.is_none()) {
            wrapped.set_item("closures", c)?;
        }
        let text = to_value(&wrapped, "")?.to_string();
        WorkingCalendar::from_json(&text)
            .map(PyWorkingCalendar)
            .or_raise(py)
    }

    /// A calendar whose official bank holidays come from GOV.UK's `bank-holidays.json` text
    /// (England and Wales), with the same closures.
    fn with_gov_uk_json(&self, py: Python<'_>, text: &str) -> PyResult<Self> {
        self.0
            .clone()
            .with_gov_uk_json(text)
            .map(PyWorkingCalendar)
            .or_raise(py)
    }

    /// Whether `date` is a working day.
    fn is_working_day(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        let d = date_arg(py, date, "date")?;
        self.0.is_working_day(d).or_raise(py)
    }

    /// Why `date` is not a working day (`Saturday`, `Good Friday`...), or None if it is one.
    fn non_working_reason(
        &self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
    ) -> PyResult<Option<String>> {
        let d = date_arg(py, date, "date")?;
        self.0.non_working_reason(d).or_raise(py)
    }

    /// The date `n` working days after `date` (before it when `n` is negative).
    fn add_working_days<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
        n: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let d = date_arg(py, date, "date")?;
        let out = self.0.add_working_days(d, n).or_raise(py)?;
        py_date(py, &out.to_string())
    }

    /// Working days after `start` up to and including `end` (negative when `end` is earlier).
    fn working_days_between(
        &self,
        py: Python<'_>,
        start: &Bound<'_, PyAny>,
        end: &Bound<'_, PyAny>,
    ) -> PyResult<i64> {
        let (a, b) = (date_arg(py, start, "start")?, date_arg(py, end, "end")?);
        self.0.working_days_between(a, b).or_raise(py)
    }

    /// The first working day on or after `date`.
    fn on_or_after<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let d = date_arg(py, date, "date")?;
        py_date(py, &self.0.on_or_after(d).or_raise(py)?.to_string())
    }

    /// The last working day on or before `date`.
    fn on_or_before<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let d = date_arg(py, date, "date")?;
        py_date(py, &self.0.on_or_before(d).or_raise(py)?.to_string())
    }

    /// The bank holidays of a year (official where given, otherwise by rule): Records with
    /// `date`, `title`, `notes`.
    fn bank_holidays<'py>(&self, py: Python<'py>, year: i16) -> PyResult<Bound<'py, PyAny>> {
        let days = self.0.bank_holidays(year).or_raise(py)?;
        to_records(py, &days)
    }

    /// The council's closure days.
    fn closures<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.0
            .closures()
            .iter()
            .map(|d| py_date(py, &d.to_string()))
            .collect()
    }

    /// The calendar as JSON text (`bank_holidays`, `closures`).
    fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.0).unwrap_or_default()
    }

    /// The calendar as plain Python values.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &serde_json::to_value(&self.0).unwrap_or(Value::Null))
    }

    fn __repr__(&self) -> String {
        format!(
            "WorkingCalendar(<{} closure days>)",
            self.0.closures().len()
        )
    }

    /// An HTML table of the calendar.
    fn _repr_html_(&self) -> String {
        html::table(
            "Working calendar",
            &serde_json::to_value(&self.0).unwrap_or(Value::Null),
        )
    }
}

/// The bank holidays of England and Wales in a year, by rule (with the one-off days): Records
/// with `date`, `title` and `notes`.
#[pyfunction]
pub(crate) fn england_bank_holidays<'py>(
    py: Python<'py>,
    year: i16,
) -> PyResult<Bound<'py, PyAny>> {
    let days = cqc::england_bank_holidays(year).or_raise(py)?;
    to_records(py, &days)
}

/// The default timeline rules: each milestone with its rule and source, the planning weeks,
/// the re-assessment cycle.
#[pyfunction]
pub(crate) fn timeline_profile(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_records(py, &cqc::TimelineProfile::default())
}

/// Easter Sunday of a year.
///
/// >>> easter_sunday(2025)
/// datetime.date(2025, 4, 20)
#[pyfunction]
pub(crate) fn easter_sunday<'py>(py: Python<'py>, year: i16) -> PyResult<Bound<'py, PyAny>> {
    let d = cqc::easter_sunday(year).or_raise(py)?;
    py_date(py, &d.to_string())
}

/// Bank holidays read from GOV.UK's `bank-holidays.json` text for one division
/// (`england-and-wales` by default).
#[pyfunction]
#[pyo3(signature = (text, division = "england-and-wales"))]
pub(crate) fn bank_holidays_from_gov_uk_json<'py>(
    py: Python<'py>,
    text: &str,
    division: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let days = cqc::bank_holidays_from_gov_uk_json(text, division).or_raise(py)?;
    to_records(py, &days)
}

// ---------------------------------------------------------------------------------------------
// The workbook.

/// A council's self-assessment workbook, read from its JSON document (dict or text); the first
/// problem raises (use `check_workbook` for all of them). Fields as in the document.
#[pyclass(extends = PyRecord, frozen, module = "cqc_assurance", name = "Workbook")]
pub struct PyWorkbook(Workbook);

fn workbook_value(wb: &Workbook) -> Value {
    serde_json::from_str(&wb.to_json()).unwrap_or(Value::Null)
}

fn workbook_init(wb: Workbook) -> PyClassInitializer<PyWorkbook> {
    PyClassInitializer::from(PyRecord {
        value: Held::Value(workbook_value(&wb)),
        def: None,
        title: "Workbook",
    })
    .add_subclass(PyWorkbook(wb))
}

/// The self-assessment report of a workbook: `html()` (one self-contained file),
/// `markdown()` and `docx()` (a Word document), with the `analysis` it shows.
#[pyclass(frozen, module = "cqc_assurance", name = "WorkbookReport")]
pub struct PyWorkbookReport(cqc::WorkbookReport);

#[pymethods]
impl PyWorkbook {
    #[new]
    fn new(py: Python<'_>, document: &Bound<'_, PyAny>) -> PyResult<PyClassInitializer<Self>> {
        let text = document_text(document, "document")?;
        let wb = Workbook::from_json(&text).or_raise(py)?;
        Ok(workbook_init(wb))
    }

    /// A blank workbook for a council: nine statements not yet scored, and nothing else.
    #[staticmethod]
    fn blank<'py>(py: Python<'py>, council: &str) -> PyResult<Bound<'py, PyWorkbook>> {
        Bound::new(py, workbook_init(Workbook::new(council)))
    }

    /// A workbook to start from, as the command's `workbook init` and the npm package's
    /// `starterWorkbook` make it: a blank workbook plus the indicators CQC's detailed metrics list
    /// for assessing needs, each with the England figure and the council's own left to fill in.
    #[staticmethod]
    fn starter<'py>(py: Python<'py>, council: &str) -> PyResult<Bound<'py, PyWorkbook>> {
        Bound::new(py, workbook_init(Workbook::starter(council)))
    }

    /// The analysis as of a date (today when None).
    #[pyo3(signature = (as_of = None))]
    fn analyse<'py>(
        &self,
        py: Python<'py>,
        as_of: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let date = as_of_arg(py, as_of)?;
        to_records(py, &cqc::analyse_workbook(&self.0, date))
    }

    /// The report as of a date (today when None).
    #[pyo3(signature = (as_of = None))]
    fn report(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyWorkbookReport> {
        let date = as_of_arg(py, as_of)?;
        Ok(PyWorkbookReport(cqc::WorkbookReport::new(&self.0, date)))
    }

    /// The workbook as an Excel file (`.xlsx` bytes), as the command's `workbook export-xlsx`
    /// writes it: one sheet per part, dates as dates, the registers' choices as drop-down
    /// lists. `Workbook.from_xlsx` reads it back.
    fn to_xlsx<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let bytes = self.0.to_xlsx().or_raise(py)?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// A workbook read from its Excel file (bytes, or the path of the file), as the command's
    /// `workbook import-xlsx` reads it; the first problem raises, with its code and path.
    #[staticmethod]
    fn from_xlsx<'py>(py: Python<'py>, data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, Self>> {
        let bytes = file_bytes(data)?;
        match Workbook::from_xlsx(&bytes) {
            Ok(wb) => Bound::new(py, workbook_init(wb)),
            Err(errors) => Err(errors.first().map_or_else(
                || PyTypeError::new_err("the Excel file does not read"),
                |e| to_py_err(py, e),
            )),
        }
    }

    /// The evidence register as CSV text.
    fn evidence_csv(&self) -> String {
        cqc::evidence_to_csv(&self.0.evidence)
    }

    /// A register (`evidence`, `actions`, `indicators`, `information_return`,
    /// `case_tracking`, `interviews` or `history`) as CSV text, as the command's
    /// `workbook export-*` writes it and `import_csv` reads it back.
    fn register_csv(&self, py: Python<'_>, part: &str) -> PyResult<String> {
        let part = cqc::WorkbookPart::parse(Some(part), &python_quotes(&format!("{part:?}")))
            .or_raise(py)?;
        Ok(self.0.register_csv(part).0)
    }

    /// Imports a register from CSV (text, bytes in any encoding the readers take, or a
    /// path), as the command's `workbook import-*` does: every row checked, replace or merge
    /// by key, nothing lost unless asked. The workbook itself is unchanged: the result's
    /// `workbook` is the new one, or None when nothing may be written.
    #[pyo3(signature = (part, data, *, mode = "replace", keep_good_rows = false, allow_fewer = false))]
    fn import_csv<'py>(
        &self,
        py: Python<'py>,
        part: &str,
        data: &Bound<'py, PyAny>,
        mode: &str,
        keep_good_rows: bool,
        allow_fewer: bool,
    ) -> PyResult<Bound<'py, PyWorkbookImport>> {
        let part = cqc::WorkbookPart::parse(Some(part), &python_quotes(&format!("{part:?}")))
            .or_raise(py)?;
        let mode = cqc::ImportMode::parse(Some(mode), &python_quotes(&format!("{mode:?}")), "mode")
            .or_raise(py)?;
        let bytes = csv_bytes(data)?;
        let options = cqc::ImportOptions {
            mode,
            keep_good_rows,
            allow_fewer,
        };
        let import = self.0.import_csv(part, &bytes, &options);
        with_state(py, import, |i| PyWorkbookImport(i.workbook.clone()))
    }
}

/// The bytes of a file argument: bytes, or the path of the file (`str` or `os.PathLike`).
fn file_bytes(data: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if data.is_instance_of::<PyString>() || data.hasattr("__fspath__")? {
        let path: std::path::PathBuf = data.extract()?;
        return std::fs::read(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                PyFileNotFoundError::new_err(format!("no file '{}'", path.display()))
            }
            _ => e.into(),
        });
    }
    if let Ok(b) = data.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Ok(b) = data.cast::<PyByteArray>() {
        return Ok(b.to_vec());
    }
    Err(PyTypeError::new_err(format!(
        "data must be the bytes or the path of a file, got {}",
        type_name(data)
    )))
}

/// The bytes of a CSV argument: text, bytes, or the path of a file (`os.PathLike`).
fn csv_bytes(data: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(s) = data.cast::<PyString>() {
        return Ok(s.to_cow()?.as_bytes().to_vec());
    }
    if let Ok(b) = data.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Ok(b) = data.cast::<PyByteArray>() {
        return Ok(b.to_vec());
    }
    if data.hasattr("__fspath__")? {
        let path: std::path::PathBuf = data.extract()?;
        return std::fs::read(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                PyFileNotFoundError::new_err(format!("no file '{}'", path.display()))
            }
            _ => e.into(),
        });
    }
    Err(PyTypeError::new_err(format!(
        "data must be CSV text, bytes or the path of a CSV file, got {}",
        type_name(data)
    )))
}

/// What importing a register from CSV did (`written`, `errors`, `warnings`, `rows`,
/// `rejected`, `changes`), and the new `workbook` when it may be written.
#[pyclass(extends = PyRecord, frozen, module = "cqc_assurance", name = "WorkbookImport")]
pub struct PyWorkbookImport(Option<Workbook>);

#[pymethods]
impl PyWorkbookImport {
    /// The workbook with the import applied, or None when nothing may be written.
    #[getter]
    fn workbook<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyWorkbook>>> {
        self.0
            .as_ref()
            .map(|wb| Bound::new(py, workbook_init(wb.clone())))
            .transpose()
    }
}

#[pymethods]
impl PyWorkbookReport {
    /// One self-contained HTML file (inline CSS and SVG).
    fn html(&self, py: Python<'_>) -> PyResult<String> {
        self.0.html().or_raise(py)
    }

    /// The same report as Markdown.
    fn markdown(&self, py: Python<'_>) -> PyResult<String> {
        self.0.markdown().or_raise(py)
    }

    /// The same report as a Word document (`.docx` bytes), as the command's `report --docx`
    /// writes it.
    fn docx<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let bytes = self.0.docx().or_raise(py)?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// The analysis the report shows.
    #[getter]
    fn analysis<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_records(py, self.0.analysis())
    }

    /// The report in Jupyter: its HTML.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        self.html(py)
    }

    fn __repr__(&self) -> String {
        python_quotes(&format!(
            "WorkbookReport(council={:?})",
            self.0.analysis().council
        ))
    }
}

/// Reads and analyses a workbook document, reporting every problem rather than the first.
#[pyfunction]
#[pyo3(signature = (document, as_of = None))]
pub(crate) fn check_workbook<'py>(
    py: Python<'py>,
    document: &Bound<'py, PyAny>,
    as_of: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let text = document_text(document, "document")?;
    let date = as_of_arg(py, as_of)?;
    to_records(py, &cqc::check_workbook(&text, date))
}

/// Analyses a workbook (a `Workbook`, or its document as dict or text) as of a date.
///
/// >>> a = analyse_workbook(Workbook.blank("Anytown"), as_of="2025-06-30")
/// >>> a.prediction is None, any(w.code == "statement_not_scored" for w in a.warnings)
/// (True, True)
#[pyfunction]
#[pyo3(signature = (workbook, as_of = None))]
pub(crate) fn analyse_workbook<'py>(
    py: Python<'py>,
    workbook: &Bound<'py, PyAny>,
    as_of: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let date = as_of_arg(py, as_of)?;
    if let Ok(wb) = workbook.cast::<PyWorkbook>() {
        return to_records(py, &cqc::analyse_workbook(&wb.get().0, date));
    }
    let text = document_text(workbook, "workbook")?;
    let wb = Workbook::from_json(&text).or_raise(py)?;
    to_records(py, &cqc::analyse_workbook(&wb, date))
}

/// Reads an evidence register from CSV, keeping every good row.
#[pyfunction]
pub(crate) fn evidence_from_csv<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    to_records(py, &cqc::evidence_from_csv(text))
}

/// Writes evidence items (Records or dicts with the register's fields) as CSV.
#[pyfunction]
pub(crate) fn evidence_to_csv(py: Python<'_>, items: &Bound<'_, PyAny>) -> PyResult<String> {
    let list = PyList::empty(py);
    for item in items.try_iter()? {
        let item = item?;
        match item.cast::<PyRecord>() {
            Ok(r) => list.append(to_py(py, &r.get().value.value())?)?,
            Err(_) => list.append(item)?,
        }
    }
    let value = to_value(&list, "")?;
    let parsed: Vec<cqc::EvidenceItem> = serde_json::from_value(value).map_err(|e| {
        to_py_err(
            py,
            &cqc::Error::InvalidJson {
                path: "items".into(),
                message: e.to_string(),
            },
        )
    })?;
    Ok(cqc::evidence_to_csv(&parsed))
}

/// Compares a council's figure with England's: `better`, `similar` or `worse`.
///
/// >>> compare_with_england(14.36, 21.53, True, 1.0765)
/// 'worse'
#[pyfunction]
pub(crate) fn compare_with_england(
    value: f64,
    england: f64,
    higher_is_better: bool,
    tolerance: f64,
) -> String {
    serde_json::to_value(cqc::compare_with_england(
        value,
        england,
        higher_is_better,
        tolerance,
    ))
    .ok()
    .and_then(|v| v.as_str().map(str::to_string))
    .unwrap_or_default()
}

/// Adds the module's constants of the timeline and the workbook.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("TIMELINE_URL", cqc::HOW_WE_REPORT_URL)?;
    m.add("WORKBOOK_VERSION", cqc::WORKBOOK_VERSION)?;
    m.add("EVIDENCE_CSV_COLUMNS", cqc::EVIDENCE_CSV_COLUMNS.to_vec())?;
    Ok(())
}
