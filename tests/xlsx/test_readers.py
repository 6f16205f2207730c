"""The workbook's Excel file as other programs read it.

`cqc-assurance workbook export-xlsx` writes the example workbook; openpyxl (an independent
reader and writer) checks the sheets, headers, values, real dates, drop-down lists and frozen
headers, and edits the file the way a person would before `import-xlsx` reads it back;
LibreOffice (headless) converts every sheet to CSV and re-saves the file as .xlsx, which
`import-xlsx` must read back to the same workbook.

Run by scripts/test-python.sh with CQC_ASSURANCE_BIN set to the built command. A missing
command or a missing LibreOffice is a failure, never a skip.
"""

from __future__ import annotations

import csv
import datetime
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "liverpool-workbook.json"
# The example fills the information return, the case register, the interviews and the history
# of earlier self-assessments: each has a sheet of its own after the registers.
SHEETS = [
    "About", "Statements", "Evidence", "Actions", "Indicators",
    "Information return", "Case tracking", "Interviews", "History",
]


def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    binary = os.environ.get("CQC_ASSURANCE_BIN")
    assert binary and Path(binary).is_file(), (
        "CQC_ASSURANCE_BIN must name the built cqc-assurance command (scripts/test-python.sh sets it)"
    )
    done = subprocess.run([binary, *args], capture_output=True, text=True)
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice (soffice) is not installed: scripts/test-python.sh installs libreoffice-calc"
    return found


def run_soffice(args: list[str], cwd: Path, writes: Path) -> None:
    # Its own profile folder (HOME), and the UK locale of a council's laptop: LibreOffice
    # shows a dd/mm/yyyy cell in its locale's date order.
    env = dict(os.environ, HOME=str(cwd / "lo-profile"), LANG="en_GB.UTF-8", LC_ALL="en_GB.UTF-8")
    done = subprocess.run([soffice(), "--headless", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    # soffice exits 0 when it has no filter for a file (Calc not installed, say): what it said
    # is the only clue, so it goes in the message.
    assert writes.exists(), f"soffice wrote no {writes.name}: {done.stdout}{done.stderr}"


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    out = tmp_path / "liverpool.xlsx"
    cli("workbook", "export-xlsx", str(EXAMPLE), "-o", str(out))
    return out


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def headers(ws: Any) -> list[Any]:
    return [c.value for c in next(ws.iter_rows(min_row=1, max_row=1))]


def row_of(ws: Any, column: int, value: str) -> int:
    for row in ws.iter_rows(min_row=2):
        if row[column].value == value:
            return int(row[column].row)
    raise AssertionError(f"no row with {value!r} in {ws.title}")


def validations(ws: Any) -> dict[str, str]:
    """Each list validation's range and its list."""
    return {str(dv.sqref): str(dv.formula1) for dv in ws.data_validations.dataValidation if dv.type == "list"}


def test_openpyxl_reads_sheets_headers_values_and_real_dates(exported: Path) -> None:
    book = openpyxl.load_workbook(exported)
    assert book.sheetnames == SHEETS
    about = book["About"]
    assert [about.cell(r, 1).value for r in range(2, 5)] == ["Council", "Workbook version", "Protective marking"]
    assert about["B2"].value == "Liverpool" and about["B3"].value == 1

    ev = book["Evidence"]
    assert headers(ev) == [
        "ID", "Title", "Evidence category", "Statements supported", "Owner",
        "Date", "Review by", "Expires", "Link", "Notes",
    ]
    first = example()["evidence"][0]
    assert ev["A2"].value == first["id"] == "EV-01"
    assert ev["C2"].value == "Processes"
    assert ev["D2"].value == "QS1; QS2; QS3; QS4; QS5; QS6; QS7; QS8; QS9"
    # Real dates: date cells holding the date, shown as dd/mm/yyyy.
    assert ev["F2"].is_date and ev["F2"].value == datetime.datetime(2024, 11, 29)
    assert ev["F2"].number_format == "dd/mm/yyyy"
    assert ev["G2"].value == datetime.datetime(2025, 5, 30)
    assert ev.max_row == 1 + len(example()["evidence"])
    assert ev.freeze_panes == "B2"
    assert ev["B2"].alignment.wrap_text
    assert ev.column_dimensions["B"].width > ev.column_dimensions["A"].width

    st = book["Statements"]
    assert headers(st)[:8] == ["QS", "Statement", "Theme", "Self-score", "P(1)", "P(2)", "P(3)", "P(4)"]
    assert st.freeze_panes == "C2"
    assert (st["A2"].value, st["B2"].value, st["D2"].value) == ("QS1", "Assessing needs", 2)
    # Partnerships is uncertain: the plain score empty, the probabilities beside it.
    r = row_of(st, 0, "QS5")
    assert [st.cell(r, c).value for c in range(4, 9)] == [None, 0, 0.5, 0.5, 0]
    assert st.cell(2, 9).value.startswith("• People say they feel listened to")

    act = book["Actions"]
    r = row_of(act, 0, "ACT-01")
    assert act.cell(r, 6).value == "In progress" and act.cell(r, 7).value == "Amber"
    assert act.cell(r, 8).value == datetime.datetime(2025, 2, 14)
    assert act.cell(r, 9).value.splitlines()[0].startswith("2025-01-10: ")

    ind = book["Indicators"]
    assert "England year" in headers(ind)
    years = [row[6].value for row in ind.iter_rows(min_row=2)]
    assert "2023-24" in years

    # Earlier self-assessments: one row each, a real date, a score per statement, an
    # uncertain score as its four chances.
    hist = book["History"]
    assert headers(hist)[:4] == ["Date", "Label", "QS1", "QS2"] and headers(hist)[11] == "CQC QS1"
    earlier = example()["history"][0]
    assert hist.max_row == 1 + len(example()["history"])
    assert hist["A2"].is_date and hist["A2"].value == datetime.datetime.fromisoformat(earlier["date"])
    assert hist["B2"].value == earlier["label"]
    assert hist["C2"].value == earlier["scores"]["assessing-needs"] == 1
    assert hist["H2"].value == "0; 0.5; 0.5; 0"  # QS6, safe systems: between 2 and 3


def test_the_drop_down_lists_exist(exported: Path) -> None:
    book = openpyxl.load_workbook(exported)
    lists = {name: set(validations(book[name]).values()) for name in SHEETS}
    assert '"1,2,3,4"' in lists["Statements"]
    assert any("Processes" in f and "People's experience" in f for f in lists["Evidence"])
    assert '"Not started,In progress,Blocked,Done,Cancelled"' in lists["Actions"]
    assert '"Red,Amber,Green"' in lists["Actions"]
    assert any(f.startswith('"QS1,QS2') for f in lists["Actions"])
    assert '"Yes,No"' in lists["Indicators"]
    # The lists reach down the sheet, for rows a person adds.
    assert any(r.endswith("1048576") for r in validations(book["Actions"]))


def test_a_file_edited_by_another_program_imports(exported: Path, tmp_path: Path) -> None:
    """openpyxl edits the file as a person would in Excel: a title changed, a date typed as
    UK text, a row added with an id typed as a number, a plain score typed where the
    probabilities were (and the probabilities cleared), a RAG chosen, a column added."""
    book = openpyxl.load_workbook(exported)
    ev = book["Evidence"]
    ev["B3"] = "Case file audit of 60 assessments (£4k)"
    ev["F3"] = "15/10/2026"
    ev.append([14, "New survey", "People's experience", "QS1; QS3", "Ann", datetime.datetime(2026, 10, 1)])
    ev["K1"] = "Comments"
    ev["K2"] = "check with the principal social worker"
    st = book["Statements"]
    r = row_of(st, 0, "QS5")
    st.cell(r, 4).value = 3
    for c in range(5, 9):
        st.cell(r, c).value = None
    act = book["Actions"]
    act.cell(row_of(act, 0, "ACT-02"), 7).value = "Red"
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    out = tmp_path / "out.json"
    done = cli("workbook", "import-xlsx", str(EXAMPLE), "--xlsx", str(edited), "-o", str(out))
    assert "15 item(s) (was 14): 14 replaced (12 unchanged), 1 added" in done.stdout, done.stdout
    wb = json.loads(out.read_text(encoding="utf-8"))
    e = wb["evidence"]
    assert e[1]["title"] == "Case file audit of 60 assessments (£4k)" and e[1]["date"] == "2026-10-15"
    assert e[0]["notes"] == "Comments: check with the principal social worker"
    assert e[14]["id"] == "14" and e[14]["date"] == "2026-10-01"
    assert e[14]["supports"] == ["assessing-needs", "equity"]
    assert wb["statements"]["partnerships"]["self_score"] == 3
    assert [a["rag"] for a in wb["actions"] if a["id"] == "ACT-02"] == ["red"]


def test_an_edited_file_with_a_mistake_writes_nothing(exported: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(exported)
    book["Evidence"]["F4"] = "10/31/2026"  # a US date: there is no month 31
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    out = tmp_path / "out.json"
    done = cli("workbook", "import-xlsx", str(EXAMPLE), "--xlsx", str(edited), "-o", str(out), check=False)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Evidence row 4: date: invalid date \"10/31/2026\": there is no month 31" in done.stdout, done.stdout
    assert "(cell F4)" in done.stdout
    assert not out.exists()


def test_a_mistake_in_the_history_sheet_names_its_cell(exported: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(exported)
    book["History"]["E2"] = 5  # QS3: there is no score 5
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    out = tmp_path / "out.json"
    done = cli("workbook", "import-xlsx", str(EXAMPLE), "--xlsx", str(edited), "-o", str(out), check=False)
    assert done.returncode == 2, done.stdout + done.stderr
    said = done.stdout + done.stderr
    assert "History row 2: equity: score must be a whole number from 1 to 4, got 5" in said, said
    assert "(cell E2)" in said
    assert not out.exists()


def test_libreoffice_converts_every_sheet(exported: Path, tmp_path: Path) -> None:
    # Every sheet to CSV (the last filter option, -1, is "all sheets"), values as shown.
    run_soffice(
        ["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
         "--outdir", str(tmp_path / "csv"), str(exported)],
        tmp_path,
        tmp_path / "csv",
    )
    sheets = {}
    for name in SHEETS:
        path = tmp_path / "csv" / f"liverpool-{name}.csv"
        assert path.is_file(), f"LibreOffice wrote no {path.name}: {sorted(os.listdir(tmp_path / 'csv'))}"
        with path.open(encoding="utf-8", newline="") as f:
            sheets[name] = list(csv.reader(f))
    assert sheets["About"][1][:2] == ["Council", "Liverpool"]
    assert sheets["Evidence"][1][0] == "EV-01"
    assert sheets["Evidence"][1][5] == "29/11/2024"  # the date cell, shown dd/mm/yyyy
    assert sheets["Statements"][1][:4] == ["QS1", "Assessing needs", "Working with people", "2"]
    assert any(row[0] == "ACT-01" and row[6] == "Amber" for row in sheets["Actions"])
    assert len(sheets["Indicators"]) == 1 + len(example()["indicators"])
    assert len(sheets["Case tracking"]) == 1 + len(example()["case_tracking"])
    assert sheets["Interviews"][1][0] == "Director of Adult Social Services"
    assert sheets["History"][1][:3] == ["28/03/2024", example()["history"][0]["label"], "1"]


def test_a_file_re_saved_by_libreoffice_reads_back_the_same(exported: Path, tmp_path: Path) -> None:
    run_soffice(["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "re"), str(exported)], tmp_path,
                tmp_path / "re" / "liverpool.xlsx")
    resaved = tmp_path / "re" / "liverpool.xlsx"
    assert resaved.is_file() and resaved.read_bytes() != exported.read_bytes()
    out = tmp_path / "back.json"
    cli("workbook", "import-xlsx", str(EXAMPLE), "--xlsx", str(resaved), "-o", str(out))
    # The same workbook: compared as the library writes it (the canonical order of fields).
    cli("workbook", "check", str(out), "--today", "2025-04-01")
    canonical = tmp_path / "canonical.json"
    cli("workbook", "import-xlsx", str(EXAMPLE), "--xlsx", str(exported), "-o", str(canonical))
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(canonical.read_text(encoding="utf-8"))
    assert json.loads(out.read_text(encoding="utf-8")) == example()
