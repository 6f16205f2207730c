//! The workbook's round trips through CSV and Excel files, as a council's performance team
//! runs them: files saved by UK Excel import whole, nothing is written when anything is
//! wrong, and nothing is lost.
//!
//! The files in `tests/data/` are the example workbook's evidence register as Excel saves it
//! after editing (see `tests/data/README.md`): "CSV UTF-8" (byte-order mark) and plain "CSV"
//! (Windows-1252), both with CRLF and dd/mm/yyyy dates and a `£` in EV-06's title; a
//! semicolon-separated file (European Excel, dd.mm.yyyy); and "Unicode Text" (UTF-16 with a
//! byte-order mark, tab-separated).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cqc_assurance::Workbook;

const EXAMPLE: &str = include_str!("../../../examples/liverpool-workbook.json");
const EV06_TITLE: &str =
    "Illustrative: market position statement and care home sufficiency review (£1.2m uplift)";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cqc-assurance"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// A folder of its own for a test, holding a copy of the example workbook.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("cqc-io-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("wb.json"), EXAMPLE).unwrap();
        Scratch(dir)
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).to_string_lossy().into_owned()
    }

    fn workbook(&self, name: &str) -> Workbook {
        Workbook::from_json(&std::fs::read_to_string(self.0.join(name)).unwrap()).unwrap()
    }

    /// The files in the folder (to see that nothing, not even a temporary file, was left).
    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn example() -> Workbook {
    Workbook::from_json(EXAMPLE).unwrap()
}

/// Imports one of the files UK Excel saves into the example workbook, in place.
fn import_excel_file(name: &str) -> (Output, Workbook) {
    let s = Scratch::new(name);
    let wb = s.path("wb.json");
    let csv = data(name);
    let o = run(&[
        "workbook",
        "import-evidence",
        &wb,
        "--csv",
        csv.to_str().unwrap(),
        "-o",
        &wb,
    ]);
    (o, s.workbook("wb.json"))
}

/// The example's register with EV-06's title as the fixtures have it.
fn expected_register() -> Vec<cqc_assurance::EvidenceItem> {
    let mut items = example().evidence;
    items[5].title = EV06_TITLE.into();
    items
}

#[test]
fn csv_utf8_saved_by_uk_excel_imports_all_14_rows() {
    let (o, wb) = import_excel_file("evidence-uk-excel-csv-utf8.csv");
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(wb.evidence, expected_register());
    let out = text(&o);
    assert!(out.contains("read 14 row(s)"), "{out}");
    assert!(
        out.contains("14 replaced (13 unchanged), 0 added, 0 kept, 0 removed"),
        "{out}"
    );
}

#[test]
fn plain_csv_saved_by_uk_excel_is_read_as_windows_1252_and_says_so() {
    let (o, wb) = import_excel_file("evidence-uk-excel-csv.csv");
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(wb.evidence, expected_register());
    assert_eq!(wb.evidence[5].title, EV06_TITLE); // £ read right
    assert!(text(&o).contains("read as Windows-1252"), "{}", text(&o));
}

#[test]
fn a_semicolon_separated_csv_imports() {
    let (o, wb) = import_excel_file("evidence-semicolon.csv");
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(wb.evidence, expected_register());
    assert!(text(&o).contains("semicolons"), "{}", text(&o));
}

#[test]
fn a_utf16_unicode_text_file_imports() {
    let (o, wb) = import_excel_file("evidence-unicode-text.txt");
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(wb.evidence, expected_register());
}

/// The UTF-8 fixture with EV-04's date made impossible (31 February) and EV-09's category
/// misspelt.
fn with_bad_rows() -> Vec<u8> {
    let csv = std::fs::read_to_string(data("evidence-uk-excel-csv-utf8.csv")).unwrap();
    let csv = csv.replacen("30/06/2024,,30/06/2026", "31/02/2024,,30/06/2026", 1);
    let csv = csv.replacen("annual report,partners", "annual report,partnerz", 1);
    assert_ne!(
        csv,
        std::fs::read_to_string(data("evidence-uk-excel-csv-utf8.csv")).unwrap()
    );
    csv.into_bytes()
}

#[test]
fn one_bad_row_writes_nothing_and_exits_non_zero_listing_every_problem() {
    let s = Scratch::new("bad-row");
    std::fs::write(s.path("bad.csv"), with_bad_rows()).unwrap();
    let before = std::fs::read(s.path("wb.json")).unwrap();
    let wb = s.path("wb.json");
    // In place, and to a new file: neither is written.
    for out in [wb.clone(), s.path("new.json")] {
        let o = run(&[
            "workbook",
            "import-evidence",
            &wb,
            "--csv",
            &s.path("bad.csv"),
            "-o",
            &out,
        ]);
        assert_eq!(o.status.code(), Some(2), "{}", text(&o));
        let t = text(&o);
        // Row numbers as Excel shows them, with the column (and the cell).
        assert!(
            t.contains("line 5: date: invalid date \"31/02/2024\": there is no 31 February 2024"),
            "{t}"
        );
        assert!(t.contains("(cell F5)"), "{t}");
        assert!(
            t.contains("line 10: category: unknown evidence category \"partnerz\""),
            "{t}"
        );
        assert!(t.contains("nothing written"), "{t}");
        assert!(t.contains("--keep-good-rows"), "{t}");
    }
    assert_eq!(std::fs::read(s.path("wb.json")).unwrap(), before);
    assert_eq!(s.files(), ["bad.csv", "wb.json"]);
}

#[test]
fn keep_good_rows_keeps_them_and_never_shrinks_the_register_unasked() {
    let s = Scratch::new("keep-good");
    std::fs::write(s.path("bad.csv"), with_bad_rows()).unwrap();
    let wb = s.path("wb.json");
    let import = |extra: &[&str]| {
        let mut args = vec!["workbook", "import-evidence", &wb, "--csv"];
        let csv = s.path("bad.csv");
        args.push(&csv);
        args.extend(["-o", &wb, "--keep-good-rows"]);
        args.extend(extra);
        run(&args)
    };
    // Replacing 14 items by the 12 good rows would lose two: refused.
    let o = import(&[]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("fewer_items"), "{}", text(&o));
    assert!(text(&o).contains("EV-04, EV-09"), "{}", text(&o));
    assert_eq!(s.workbook("wb.json"), example());
    // Merged: the 12 rows update their items, EV-04 and EV-09 keep their old versions.
    let o = import(&["--merge"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains(
            "14 item(s) (was 14): 12 replaced (11 unchanged), 0 added, 2 kept, 0 removed"
        ),
        "{}",
        text(&o)
    );
    let after = s.workbook("wb.json");
    let mut expected = example().evidence;
    expected[5].title = EV06_TITLE.into();
    assert_eq!(after.evidence, expected);
}

#[test]
fn replacing_with_fewer_items_needs_allow_fewer() {
    let s = Scratch::new("fewer");
    let wb = s.path("wb.json");
    std::fs::write(
        s.path("two.csv"),
        "id,title,category,supports,date\r\nEV-01,Narrative,processes,QS1,29/11/2024\r\nEV-99,New,partners,QS5,1 December 2025\r\n",
    )
    .unwrap();
    let args = |extra: &'static str| {
        let mut a = vec![
            "workbook".to_string(),
            "import-evidence".into(),
            wb.clone(),
            "--csv".into(),
            s.path("two.csv"),
            "-o".into(),
            wb.clone(),
        ];
        if !extra.is_empty() {
            a.push(extra.into());
        }
        a
    };
    let o = Command::new(env!("CARGO_BIN_EXE_cqc-assurance"))
        .args(args(""))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let t = text(&o);
    assert!(t.contains("would leave 2 item(s) of the 14"), "{t}");
    assert!(t.contains("13 would be removed"), "{t}");
    assert!(t.contains("--merge") && t.contains("--allow-fewer"), "{t}");
    assert_eq!(s.workbook("wb.json").evidence.len(), 14);
    // Merge: one replaced, one added, thirteen kept.
    let o = Command::new(env!("CARGO_BIN_EXE_cqc-assurance"))
        .args(args("--merge"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o)
            .contains("15 item(s) (was 14): 1 replaced (0 unchanged), 1 added, 13 kept, 0 removed"),
        "{}",
        text(&o)
    );
    let merged = s.workbook("wb.json");
    assert_eq!(merged.evidence.len(), 15);
    assert_eq!(merged.evidence[0].title, "Narrative");
    assert_eq!(merged.evidence[14].id, "EV-99");
    assert_eq!(merged.evidence[14].date.to_string(), "2025-12-01");
    // Told to, but the information return and an action name items the file leaves out:
    // the result would not be a valid workbook, so nothing is written.
    let o = Command::new(env!("CARGO_BIN_EXE_cqc-assurance"))
        .args(args("--allow-fewer"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("unknown_reference"), "{}", text(&o));
    assert_eq!(s.workbook("wb.json").evidence.len(), 15);
    // Without those references, the register becomes the file.
    let mut wb = s.workbook("wb.json");
    wb.information_return
        .iter_mut()
        .for_each(|i| i.evidence.clear());
    wb.actions.iter_mut().for_each(|a| a.evidence.clear());
    std::fs::write(s.path("wb.json"), wb.to_json()).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_cqc-assurance"))
        .args(args("--allow-fewer"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("13 removed (EV-02, "), "{}", text(&o));
    assert_eq!(s.workbook("wb.json").evidence.len(), 2);
}

#[test]
fn the_export_opens_right_in_excel_and_guards_formulas() {
    let s = Scratch::new("export");
    let mut wb = example();
    wb.evidence[0].title = "=HYPERLINK(\"http://example.invalid\",\"click\")".into();
    wb.evidence[1].owner = Some("'quoted' owner".into());
    wb.evidence[2].title = "£ and é".into();
    std::fs::write(s.path("wb.json"), wb.to_json()).unwrap();
    let o = run(&[
        "workbook",
        "export-evidence",
        &s.path("wb.json"),
        "-o",
        &s.path("ev.csv"),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let bytes = std::fs::read(s.path("ev.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFid,title,"));
    let csv = String::from_utf8(bytes).unwrap();
    assert!(csv.contains("\r\n") && !csv.replace("\r\n", "").contains('\n'));
    assert!(
        csv.contains("EV-01,\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"click\"\")\","),
        "{csv}"
    );
    assert!(csv.contains(",''quoted' owner,"), "{csv}");
    assert!(csv.contains("£ and é"));
    // Read back unchanged.
    let o = run(&[
        "workbook",
        "import-evidence",
        &s.path("wb.json"),
        "--csv",
        &s.path("ev.csv"),
        "-o",
        &s.path("back.json"),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(s.workbook("back.json"), wb);
}

#[test]
fn actions_and_indicators_round_trip_through_csv() {
    let s = Scratch::new("parts");
    let wb = s.path("wb.json");
    for part in ["actions", "indicators"] {
        let csv = s.path(&format!("{part}.csv"));
        let o = run(&["workbook", &format!("export-{part}"), &wb, "-o", &csv]);
        assert!(o.status.success(), "{}", text(&o));
        let o = run(&[
            "workbook",
            &format!("import-{part}"),
            &wb,
            "--csv",
            &csv,
            "-o",
            &s.path("back.json"),
        ]);
        assert!(o.status.success(), "{part}: {}", text(&o));
        assert_eq!(s.workbook("back.json"), example(), "{part}");
    }
    // An indicator is merged by its name and collection (compared ignoring case).
    std::fs::write(
        s.path("ind.csv"),
        "Name,Collection,Council figure,England average,Higher is better\r\n\
         people receiving direct payments,ascof,27.1,25.5,yes\r\n",
    )
    .unwrap();
    let o = run(&[
        "workbook",
        "import-indicators",
        &wb,
        "--csv",
        &s.path("ind.csv"),
        "-o",
        &s.path("merged.json"),
        "--merge",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("1 replaced (0 unchanged), 0 added, 5 kept"),
        "{}",
        text(&o)
    );
    let merged = s.workbook("merged.json");
    let dp = merged
        .indicators
        .iter()
        .find(|i| i.name == "people receiving direct payments")
        .unwrap();
    assert_eq!(dp.value, Some(27.1));
    assert_eq!(merged.indicators.len(), 6);
}

#[test]
fn the_workbook_round_trips_through_an_excel_file() {
    let s = Scratch::new("xlsx");
    let wb = s.path("wb.json");
    let o = run(&["workbook", "export-xlsx", &wb, "-o", &s.path("wb.xlsx")]);
    assert!(o.status.success(), "{}", text(&o));
    let o = run(&[
        "workbook",
        "import-xlsx",
        &wb,
        "--xlsx",
        &s.path("wb.xlsx"),
        "-o",
        &s.path("back.json"),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(s.workbook("back.json"), example());
    assert_eq!(s.files(), ["back.json", "wb.json", "wb.xlsx"]);
}

#[test]
fn a_file_that_is_not_an_excel_workbook_writes_nothing() {
    let s = Scratch::new("not-xlsx");
    let wb = s.path("wb.json");
    std::fs::write(s.path("fake.xlsx"), "id,title\r\n").unwrap();
    let o = run(&[
        "workbook",
        "import-xlsx",
        &wb,
        "--xlsx",
        &s.path("fake.xlsx"),
        "-o",
        &s.path("out.json"),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("invalid_xlsx"), "{}", text(&o));
    assert!(text(&o).contains("nothing written"), "{}", text(&o));
    assert_eq!(s.files(), ["fake.xlsx", "wb.json"]);
}

#[test]
fn the_import_report_as_json() {
    let s = Scratch::new("json");
    let wb = s.path("wb.json");
    std::fs::write(s.path("bad.csv"), with_bad_rows()).unwrap();
    let o = run(&[
        "workbook",
        "import-evidence",
        &wb,
        "--csv",
        &s.path("bad.csv"),
        "-o",
        &wb,
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["written"], false);
    assert_eq!(v["rows"], 14);
    assert_eq!(v["rejected"], 2);
    assert_eq!(v["errors"][0]["path"], "line 5: date");
    assert_eq!(v["errors"][1]["path"], "line 10: category");
}

#[test]
fn init_still_never_overwrites() {
    let s = Scratch::new("init");
    let o = run(&[
        "workbook",
        "init",
        "--council",
        "Anytown",
        "-o",
        &s.path("wb.json"),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("never overwritten"), "{}", text(&o));
    assert_eq!(s.workbook("wb.json"), example());
    let o = run(&[
        "workbook",
        "init",
        "--council",
        "Anytown",
        "-o",
        &s.path("new.json"),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(s.workbook("new.json").council, "Anytown");
    assert_eq!(s.files(), ["new.json", "wb.json"]);
}

#[test]
fn the_preparation_registers_import_and_export_and_a_bad_row_writes_nothing() {
    let s = Scratch::new("preparation");
    let wb = s.path("wb.json");
    let good = "reference,pathway,statements,status\r\nCT-01,Hospital discharge,QS6,selected\r\nCT-02,Transition to adulthood,QS6;QS3,offered\r\n";
    std::fs::write(s.path("cases.csv"), good).unwrap();
    let o = run(&[
        "workbook",
        "import-cases",
        &wb,
        "--csv",
        &s.path("cases.csv"),
        "--allow-fewer",
        "-o",
        &wb,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(s.workbook("wb.json").case_tracking.len(), 2);
    // Exported and imported again: the same register.
    let o = run(&["workbook", "export-cases", &wb, "-o", &s.path("out.csv")]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let before = s.workbook("wb.json");
    let o = run(&[
        "workbook",
        "import-cases",
        &wb,
        "--csv",
        &s.path("out.csv"),
        "-o",
        &wb,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(s.workbook("wb.json"), before);
    // One bad row: nothing written, exit 2, the row and column named.
    let bytes = std::fs::read(&wb).unwrap();
    std::fs::write(
        s.path("bad.csv"),
        "role,date,time\nDASS,2025-06-10,09:00\nmayor,2025-06-10,10:00\n",
    )
    .unwrap();
    let o = run(&[
        "workbook",
        "import-interviews",
        &wb,
        "--csv",
        &s.path("bad.csv"),
        "-o",
        &wb,
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("line 3: role"), "{}", text(&o));
    assert_eq!(std::fs::read(&wb).unwrap(), bytes);
    // The information return: an item answered by evidence in the register.
    std::fs::write(
        s.path("ir.csv"),
        "reference,title,kind,status,evidence\nGeneral IR1,Self-assessment,document,ready,EV-01\n",
    )
    .unwrap();
    let o = run(&[
        "workbook",
        "import-information-return",
        &wb,
        "--csv",
        &s.path("ir.csv"),
        "--merge",
        "-o",
        &wb,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // Earlier self-assessments: exported and imported again, the same workbook.
    let before = s.workbook("wb.json");
    let o = run(&[
        "workbook",
        "export-history",
        &wb,
        "-o",
        &s.path("history.csv"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = run(&[
        "workbook",
        "import-history",
        &wb,
        "--csv",
        &s.path("history.csv"),
        "-o",
        &wb,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(s.workbook("wb.json"), before);
    assert_eq!(before.history.len(), 1);
    // Merged: the example's nine starter items kept, the new one added at the end.
    assert_eq!(s.workbook("wb.json").information_return.len(), 10);
    let o = run(&["workbook", "export-information-return", &wb]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("General IR1,Self-assessment,document"));
}
