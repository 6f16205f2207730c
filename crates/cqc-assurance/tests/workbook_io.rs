//! The workbook in and out of CSV and Excel files: UK dates, encodings, separators, the formula
//! guard, replace and merge, the new fields, and lossless round trips of any workbook.

mod common;
use common::errors_of;
use cqc_assurance::timeline::parse_uk_date;
use cqc_assurance::workbook::{
    actions_from_csv, actions_from_csv_bytes, actions_to_csv, evidence_from_csv_bytes,
    indicators_from_csv, indicators_to_csv, Action, ActionStatus, Indicator, ProgressNote, Rag,
    SelfScore,
};
use cqc_assurance::{
    evidence_from_csv, evidence_to_csv, EvidenceCategory, EvidenceItem, EvidenceScores, ImportMode,
    ImportOptions, QualityStatement, Score, ScoreDistribution, Workbook, WorkbookPart,
};
use jiff::civil::Date;
use proptest::prelude::*;

const EXAMPLE: &str = include_str!("../../../examples/liverpool-workbook.json");

fn date(s: &str) -> Date {
    cqc_assurance::parse_date(s, "date").unwrap()
}

fn example() -> Workbook {
    Workbook::from_json(EXAMPLE).unwrap()
}

// ---------------------------------------------------------------------------------------------
// UK dates.

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn any_date() -> impl Strategy<Value = Date> {
    (1000i16..=9999, 1i8..=12, 1i8..=31)
        .prop_filter_map("a real date", |(y, m, d)| Date::new(y, m, d).ok())
}

proptest! {
    #[test]
    fn every_uk_form_of_a_date_reads_as_that_date(d in any_date()) {
        let (y, m, day) = (d.year(), d.month() as usize, d.day());
        let month = MONTHS[m - 1];
        let forms = [
            d.to_string(),
            format!("{day:02}/{m:02}/{y}"),
            format!("{day}/{m}/{y}"),
            format!("{day:02}-{m:02}-{y}"),
            format!("{day}.{m}.{y}"),
            format!("{day} {} {y}", &month[..3]),
            format!("{day} {month} {y}"),
            format!("{day}-{}-{y}", &month[..3]),
            format!(" {day} {} {y} ", month.to_uppercase()),
        ];
        for f in forms {
            prop_assert_eq!(parse_uk_date(&f, "date").map_err(|e| e.to_string()), Ok(d), "{}", f);
        }
    }

    #[test]
    fn a_two_digit_year_is_never_guessed(d in any_date()) {
        let text = format!("{:02}/{:02}/{:02}", d.day(), d.month(), d.year() % 100);
        let err = parse_uk_date(&text, "due").unwrap_err();
        prop_assert_eq!(err.code(), "invalid_date");
        prop_assert!(err.to_string().contains("year in full"), "{}", err);
    }
}

#[test]
fn dates_that_cannot_be_read_are_errors_that_say_why() {
    let reason = |s: &str| parse_uk_date(s, "date").unwrap_err().to_string();
    // A US date: month 31.
    assert!(
        reason("10/31/2026").contains("no month 31"),
        "{}",
        reason("10/31/2026")
    );
    assert!(reason("31/02/2026").contains("no 31 February 2026"));
    assert!(reason("29/02/2026").contains("no 29 February 2026"));
    assert_eq!(
        parse_uk_date("29/02/2028", "d").unwrap(),
        date("2028-02-29")
    );
    // Day first: 3 April, never 4 March.
    assert_eq!(
        parse_uk_date("03/04/2026", "d").unwrap(),
        date("2026-04-03")
    );
    assert_eq!(
        parse_uk_date("1st October 2026", "d").unwrap(),
        date("2026-10-01")
    );
    assert_eq!(
        parse_uk_date("22nd Sept 2026", "d").unwrap(),
        date("2026-09-22")
    );
    for bad in [
        "",
        "2026/10/15",
        "15/10-2026",
        "15 Octobre 2026",
        "15th",
        "1th October 2026",
        "15 10 2026",
        "150/10/2026",
        "15/10/20266",
        "October 15, 2026",
        "15/10/2026 10:30",
        "2026-10-15T00:00",
        "soon",
    ] {
        let err = parse_uk_date(bad, "due").unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            ("invalid_date", Some("due")),
            "{bad}"
        );
    }
    assert!(reason("15 Octobre 2026").contains("not the name of a month"));
    assert!(reason("2026/10/15").contains("2026-10-15"));
}

// ---------------------------------------------------------------------------------------------
// CSV files.

#[test]
fn encodings_and_separators() {
    let rows = "id;title;category;supports;date\r\nEV1;Café £5;processes;QS1;15/10/2026\r\n";
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(rows.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(rows.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let cp1252: Vec<u8> = rows
        .chars()
        .map(|c| match c {
            'é' => 0xE9,
            '£' => 0xA3,
            c => c as u8,
        })
        .collect();
    let bom: Vec<u8> = b"\xEF\xBB\xBF"
        .iter()
        .copied()
        .chain(rows.bytes())
        .collect();
    for (name, bytes) in [
        ("utf-8", rows.as_bytes().to_vec()),
        ("utf-8 with bom", bom),
        ("utf-16le", utf16le),
        ("utf-16be", utf16be),
        ("windows-1252", cp1252),
    ] {
        let import = evidence_from_csv_bytes(&bytes);
        assert!(import.errors.is_empty(), "{name}: {:?}", import.errors);
        assert_eq!(import.items[0].title, "Café £5", "{name}");
        assert_eq!(import.items[0].date, date("2026-10-15"), "{name}");
        let guessed = import.warnings.iter().any(|w| w.contains("Windows-1252"));
        assert_eq!(
            guessed,
            name == "windows-1252",
            "{name}: {:?}",
            import.warnings
        );
    }
    // Tabs, and Excel's `sep=` line (not a row: the header is still row 1).
    let tabs = "id\ttitle\tcategory\tsupports\tdate\nEV1\tA, b\tprocesses\tQS1\t2026-10-15\n";
    assert_eq!(evidence_from_csv(tabs).items[0].title, "A, b");
    let sep = "sep=|\nid|title|category|supports|date\nEV1|x|processes|QS1|bad\n";
    let import = evidence_from_csv(sep);
    assert_eq!(import.errors[0].path(), Some("line 2: date"));
    assert!(import.errors[0].to_string().contains("line 3 of the file"));
}

#[test]
fn files_that_cannot_be_read_are_refused_with_how_to_save_them() {
    let check = |bytes: &[u8], code: &str, path: &str| {
        let import = evidence_from_csv_bytes(bytes);
        assert!(import.items.is_empty());
        let e = &import.errors[0];
        assert_eq!((e.code(), e.path()), (code, Some(path)), "{e}");
        e.to_string()
    };
    // UTF-16 without a byte-order mark: NUL bytes.
    let no_bom: Vec<u8> = "id,title\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert!(check(&no_bom, "csv_encoding", "line 1").contains("CSV UTF-8 (Comma delimited)"));
    // A byte Windows-1252 does not define, and broken UTF-8 after a UTF-8 byte-order mark.
    check(b"id,title\n\x81", "csv_encoding", "line 2");
    check(b"\xEF\xBB\xBFid,title\n\n\xFF", "csv_encoding", "line 3");
    // No known column names under any separator.
    let msg = check(b"a|b|c\n1|2|3\n", "csv_separator", "line 1");
    assert!(msg.contains("id, title, category"), "{msg}");
    // A quote opened and never closed, reported where it opens.
    let msg = check(
        b"id,title,category,supports,date\nE1,\"open,processes,QS1,2026-01-01\nE2,x,processes,QS1,2026-01-01\n",
        "invalid_csv",
        "line 2",
    );
    assert!(msg.contains("never closed"), "{msg}");
}

#[test]
fn blank_rows_are_skipped_and_rows_keep_excel_numbers() {
    let csv = "id,title,category,supports,date\r\n,,,,\r\nE1,x,processes,QS1,2026-01-01\r\n\r\n,,,,\r\nE2,y,vibes,QS1,2026-01-01\r\n,,,,\r\n";
    let import = evidence_from_csv(csv);
    assert_eq!(import.rows, 2);
    assert_eq!(import.items.len(), 1);
    assert_eq!(import.errors[0].path(), Some("line 6: category"));
}

#[test]
fn a_row_with_more_cells_than_the_header_is_refused() {
    // An unquoted comma in a title shifts every cell after it.
    let csv = "id,title,category,supports,date\nE1,Survey, carers,processes,QS1,2026-01-01\n";
    let import = evidence_from_csv(csv);
    assert!(import.items.is_empty());
    assert!(import
        .errors
        .iter()
        .any(|e| e.path() == Some("line 2") && e.to_string().contains("double quotes")));
}

#[test]
fn extra_columns_are_kept_in_notes_never_dropped() {
    let csv = "ID,Title,Comments,Category,Supports,Date,Notes,\r\n\
               E1,x,check with Ann,processes,QS1,2026-01-01,first,\r\n\
               E2,y,,processes,QS1,2026-01-01,,stray\r\n";
    let import = evidence_from_csv(csv);
    assert!(import.errors.is_empty(), "{:?}", import.errors);
    assert_eq!(
        import.items[0].notes.as_deref(),
        Some("first\nComments: check with Ann")
    );
    assert_eq!(import.items[1].notes.as_deref(), Some("Column H: stray"));
    assert_eq!(import.warnings.len(), 2, "{:?}", import.warnings);
}

#[test]
fn actions_and_indicators_csv_read_people_s_forms() {
    let csv = "ID,Statement,Description,Owner,Due,Status,RAG,Updated,Progress\r\n\
               A1,Assessing needs,Trusted assessors,OT lead,31 March 2026,In progress,Amber,14/02/2026,\"10/01/2026: training booked\n14/02/2026: 12 trained\n  and signed off\"\r\n\
               A2,,Refresh the register,,2026-03-14,done,g,,\r\n";
    let import = actions_from_csv(csv);
    assert!(import.errors.is_empty(), "{:?}", import.errors);
    let a = &import.items[0];
    assert_eq!(a.statement, Some(QualityStatement::AssessingNeeds));
    assert_eq!(
        (a.status, a.rag, a.updated),
        (
            ActionStatus::InProgress,
            Some(Rag::Amber),
            Some(date("2026-02-14"))
        )
    );
    assert_eq!(
        a.progress,
        [
            ProgressNote {
                date: date("2026-01-10"),
                note: "training booked".into()
            },
            ProgressNote {
                date: date("2026-02-14"),
                note: "12 trained\nand signed off".into()
            },
        ]
    );
    assert_eq!(
        (import.items[1].statement, import.items[1].rag),
        (None, Some(Rag::Green))
    );
    // Each problem at its row and column.
    let bad = "id,description,due,status,rag,progress\r\nA1,x,2026-01-01,in_progress,purple,\"no date here\"\r\n";
    let import = actions_from_csv(bad);
    let paths: Vec<_> = import.errors.iter().map(|e| e.path().unwrap()).collect();
    assert_eq!(paths, ["line 2: rag", "line 2: progress"]);
    assert!(import.errors[0]
        .to_string()
        .contains("unknown RAG rating \"purple\""));
    let csv = "name,collection,value,england_average,higher_is_better\r\n\
               A,SACE,61.2%,60,TRUE\r\nB,SACE,,1e-7,no\r\nC,SACE,\"1,234\",1,yes\r\nD,SACE,1,,maybe\r\n";
    let import = indicators_from_csv(csv);
    assert_eq!(import.items[0].value, Some(61.2));
    assert_eq!(
        (import.items[1].value, import.items[1].england_average),
        (None, 1e-7)
    );
    let paths: Vec<_> = import.errors.iter().map(|e| e.path().unwrap()).collect();
    assert_eq!(
        paths,
        [
            "line 4: value",
            "line 5: england_average",
            "line 5: higher_is_better"
        ]
    );
    assert!(import.errors[0]
        .to_string()
        .contains("thousands separators"));
}

// ---------------------------------------------------------------------------------------------
// Generators of any workbook.

/// Any text with something visible, including what needs care in each format: the characters
/// that start formulas, quotes, separators, line breaks, the list cells' bullet, Excel's
/// `_xHHHH_` escapes, control characters, non-ASCII.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("=".to_string()),
        Just("+".to_string()),
        Just("-".to_string()),
        Just("@".to_string()),
        Just("'".to_string()),
        Just("\t".to_string()),
        Just("\r".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\"".to_string()),
        Just("•".to_string()),
        Just("  ".to_string()),
        Just("_x000D_".to_string()),
        Just("2026-01-01: ".to_string()),
        "[a-zA-Z0-9 ,;:é£€😀\u{1}]{1,6}",
    ];
    (
        proptest::collection::vec(piece.clone(), 0..4),
        "[a-zA-Z0-9é£€😀]",
        proptest::collection::vec(piece, 0..4),
    )
        .prop_map(|(a, b, c)| format!("{}{b}{}", a.concat(), c.concat()))
}

fn a_date() -> impl Strategy<Value = Date> {
    // Excel has no dates before 1900: those are written as ISO text.
    (1800i16..2200, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn a_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e6f64..1e6,
        Just(0.1 + 0.2),
        Just(1e-7),
        Just(1e300),
        Just(-0.0),
        Just(123_456_789.123_456_79),
        (0i64..1000).prop_map(|n| n as f64),
    ]
}

fn statements() -> impl Strategy<Value = Vec<QualityStatement>> {
    (
        Just(QualityStatement::ALL.to_vec()).prop_shuffle(),
        0usize..=9,
    )
        .prop_map(|(all, n)| all[..n].to_vec())
}

fn evidence_item() -> impl Strategy<Value = EvidenceItem> {
    let categories = [
        EvidenceCategory::PeoplesExperience,
        EvidenceCategory::StaffAndLeaders,
        EvidenceCategory::Partners,
        EvidenceCategory::Processes,
        EvidenceCategory::Outcomes,
    ];
    (
        (
            text(),
            text(),
            0usize..5,
            statements().prop_filter("at least one", |s| !s.is_empty()),
        ),
        (
            proptest::option::of(text()),
            a_date(),
            proptest::option::of(a_date()),
            proptest::option::of(a_date()),
        ),
        (proptest::option::of(text()), proptest::option::of(text())),
    )
        .prop_map(
            move |((id, title, c, supports), (owner, date, review_by, expires), (link, notes))| {
                EvidenceItem {
                    id,
                    title,
                    category: categories[c],
                    supports,
                    owner,
                    date,
                    review_by,
                    expires,
                    link,
                    notes,
                }
            },
        )
}

fn action() -> impl Strategy<Value = Action> {
    (
        (
            text(),
            proptest::option::of(0usize..9),
            text(),
            proptest::option::of(text()),
            a_date(),
            0usize..5,
        ),
        (
            proptest::option::of(0usize..3),
            proptest::option::of(a_date()),
            proptest::collection::vec((a_date(), text()), 0..3),
            proptest::option::of(text()),
            proptest::option::of(text()),
        ),
    )
        .prop_map(
            |(
                (id, qs, description, owner, due, status),
                (rag, updated, progress, notes, you_said),
            )| Action {
                id,
                statement: qs.map(|i| QualityStatement::ALL[i]),
                description,
                owner,
                due,
                status: ActionStatus::ALL[status],
                rag: rag.map(|i| Rag::ALL[i]),
                updated,
                progress: progress
                    .into_iter()
                    .map(|(date, note)| ProgressNote { date, note })
                    .collect(),
                you_said,
                evidence: Vec::new(),
                notes,
            },
        )
}

fn indicator() -> impl Strategy<Value = Indicator> {
    (
        (
            text(),
            text(),
            proptest::option::of(a_number()),
            a_number(),
            any::<bool>(),
        ),
        (
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::option::of(text()),
            statements(),
        ),
        (
            proptest::option::of(0.0f64..100.0),
            proptest::option::of(text()),
            proptest::option::of(text()),
        ),
    )
        .prop_map(
            |(
                (name, collection, value, england_average, higher_is_better),
                (year, england_year, unit, statements),
                (similar_within, reference, notes),
            )| Indicator {
                name,
                collection,
                value,
                england_average,
                higher_is_better,
                year,
                england_year,
                unit,
                statements,
                similar_within,
                reference,
                notes,
            },
        )
}

/// Ids made unique, as a workbook requires.
fn unique<T>(mut items: Vec<T>, id: fn(&mut T) -> &mut String) -> Vec<T> {
    for (i, it) in items.iter_mut().enumerate() {
        let s = id(it);
        *s = format!("{s}#{i}");
    }
    items
}

fn distribution() -> impl Strategy<Value = ScoreDistribution> {
    proptest::array::uniform4(0u32..=4)
        .prop_filter("not all zero", |w| w.iter().any(|&x| x > 0))
        .prop_map(|w| {
            let total: u32 = w.iter().sum();
            let mut p = w.map(|x| f64::from(x) / f64::from(total));
            // Make the sum exactly what the reader checks against, as a person's would be.
            let s: f64 = p.iter().sum();
            p[3] += 1.0 - s;
            if p[3] < 0.0 {
                p[3] = 0.0;
            }
            ScoreDistribution::new(p).unwrap()
        })
}

fn self_score(earlier: bool) -> BoxedStrategy<SelfScore> {
    if earlier {
        prop_oneof![
            Just(SelfScore::NotScored),
            proptest::collection::vec((0usize..4, 1u8..=4), 1..4).prop_map(|pairs| {
                let mut seen = [false; 4];
                let pairs: Vec<_> = pairs
                    .into_iter()
                    .filter(|(c, _)| !std::mem::replace(&mut seen[*c], true))
                    .map(|(c, s)| {
                        (
                            EvidenceCategory::local_authority_categories()[c],
                            Score::new(s).unwrap(),
                        )
                    })
                    .collect();
                SelfScore::EvidenceCategories(EvidenceScores::from_pairs(pairs).unwrap())
            }),
        ]
        .boxed()
    } else {
        prop_oneof![
            Just(SelfScore::NotScored),
            (1u8..=4).prop_map(|s| SelfScore::Score(Score::new(s).unwrap())),
            distribution().prop_map(SelfScore::Distribution),
        ]
        .boxed()
    }
}

fn workbook() -> impl Strategy<Value = Workbook> {
    any::<bool>().prop_flat_map(|earlier| {
        (
            (
                text(),
                proptest::option::of(text()),
                proptest::option::of(text()),
                1u32..=120,
                proptest::option::of(Just(
                    serde_json::json!({"notified": "2025-01-06", "council": "Anytown"}),
                )),
            ),
            proptest::collection::vec(
                (
                    self_score(earlier),
                    proptest::collection::vec(text(), 0..3),
                    proptest::collection::vec(text(), 0..3),
                    proptest::option::of(text()),
                ),
                9,
            ),
            (
                proptest::collection::vec(evidence_item(), 0..4),
                proptest::collection::vec(action(), 0..4),
                proptest::collection::vec(indicator(), 0..4),
            ),
        )
            .prop_map(
                move |(
                    (council, notes, marking, months, timeline),
                    entries,
                    (evidence, actions, indicators),
                )| {
                    let mut wb = Workbook::new(&council);
                    wb.method = if earlier {
                        cqc_assurance::RatingMethod::Earlier
                    } else {
                        cqc_assurance::RatingMethod::Current
                    };
                    wb.notes = notes;
                    wb.protective_marking = marking;
                    wb.review_after_months = months;
                    wb.timeline = timeline;
                    for (entry, (score, strengths, areas, narrative)) in
                        wb.statements.iter_mut().zip(entries)
                    {
                        entry.self_score = score;
                        entry.strengths = strengths;
                        entry.areas_for_improvement = areas;
                        entry.narrative = narrative;
                    }
                    wb.evidence = unique(evidence, |e| &mut e.id);
                    wb.actions = unique(actions, |a| &mut a.id);
                    wb.indicators = indicators;
                    wb
                },
            )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_register_reads_back_from_its_csv(
        evidence in proptest::collection::vec(evidence_item(), 0..6),
        actions in proptest::collection::vec(action(), 0..6),
        indicators in proptest::collection::vec(indicator(), 0..6),
    ) {
        let evidence = unique(evidence, |e| &mut e.id);
        let actions = unique(actions, |a| &mut a.id);
        let csv = evidence_to_csv(&evidence);
        prop_assert!(csv.starts_with('\u{feff}'), "no byte-order mark");
        let back = evidence_from_csv(&csv);
        prop_assert!(back.errors.is_empty(), "{:?}\n{}", back.errors, csv);
        prop_assert_eq!(back.items, evidence);
        let csv = actions_to_csv(&actions);
        let back = actions_from_csv_bytes(csv.as_bytes());
        prop_assert!(back.errors.is_empty(), "{:?}\n{}", back.errors, csv);
        prop_assert_eq!(back.items, actions);
        let csv = indicators_to_csv(&indicators);
        let back = indicators_from_csv(&csv);
        prop_assert!(back.errors.is_empty(), "{:?}\n{}", back.errors, csv);
        prop_assert_eq!(back.items, indicators);
    }

    #[test]
    fn no_exported_cell_starts_a_formula(items in proptest::collection::vec(evidence_item(), 1..6)) {
        let items = unique(items, |e| &mut e.id);
        let csv = evidence_to_csv(&items);
        // Every cell as a spreadsheet program sees it: none begins with a formula character.
        for record in csv::ReaderBuilder::new().has_headers(false).from_reader(csv.as_bytes()).records() {
            for cell in record.unwrap().iter() {
                prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{:?}", cell);
            }
        }
    }

    #[test]
    fn any_workbook_reads_back_from_its_json(wb in workbook()) {
        prop_assert_eq!(Workbook::from_json(&wb.to_json()).unwrap(), wb);
    }
}

// ---------------------------------------------------------------------------------------------
// Replace and merge.

fn evidence_with_ids(ids: &[u8], title: &str) -> Vec<EvidenceItem> {
    let base = example().evidence[0].clone();
    ids.iter()
        .map(|i| EvidenceItem {
            id: format!("E{i}"),
            title: format!("{title} {i}"),
            ..base.clone()
        })
        .collect()
}

proptest! {
    #[test]
    fn merge_keeps_every_item_and_replace_loses_none_unasked(
        before in proptest::collection::btree_set(0u8..12, 0..8),
        file in proptest::collection::btree_set(0u8..12, 0..8),
        same_titles in any::<bool>(),
    ) {
        let before: Vec<u8> = before.into_iter().collect();
        let file: Vec<u8> = file.into_iter().rev().collect();
        let mut wb = Workbook::new("Anytown");
        wb.evidence = evidence_with_ids(&before, "old");
        let imported = evidence_with_ids(&file, if same_titles { "old" } else { "new" });
        let csv = evidence_to_csv(&imported);
        let merge = ImportOptions { mode: ImportMode::Merge, ..Default::default() };
        let import = wb.import_csv(WorkbookPart::Evidence, csv.as_bytes(), &merge);
        let after = import.workbook.expect("a merge of good rows is written").evidence;
        let c = &import.changes[0];
        let matched = file.iter().filter(|i| before.contains(i)).count();
        prop_assert_eq!((c.replaced, c.added, c.kept), (matched, file.len() - matched, before.len() - matched));
        prop_assert_eq!(c.unchanged, if same_titles { matched } else { 0 });
        prop_assert_eq!(after.len(), before.len() + c.added);
        // The items before keep their places; rows of the file replace them or follow, in
        // file order.
        let ids: Vec<String> = after.iter().map(|e| e.id.clone()).collect();
        let mut want: Vec<String> = before.iter().map(|i| format!("E{i}")).collect();
        want.extend(file.iter().filter(|i| !before.contains(i)).map(|i| format!("E{i}")));
        prop_assert_eq!(ids, want);
        for item in &imported {
            prop_assert!(after.contains(item));
        }
        // Replace: the file's rows exactly, but only when nothing is lost or it is allowed.
        let import = wb.import_csv(WorkbookPart::Evidence, csv.as_bytes(), &ImportOptions::default());
        let lost = before.iter().any(|i| !file.contains(i));
        let fewer = file.len() < before.len();
        prop_assert_eq!(import.workbook.is_none(), fewer);
        prop_assert_eq!(import.changes[0].removed.len(), before.len() - matched);
        prop_assert_eq!(lost, !import.changes[0].removed.is_empty());
        let allow = ImportOptions { allow_fewer: true, ..Default::default() };
        let import = wb.import_csv(WorkbookPart::Evidence, csv.as_bytes(), &allow);
        prop_assert_eq!(import.workbook.unwrap().evidence, imported);
    }
}

#[test]
fn a_bad_row_stops_the_import_unless_good_rows_are_kept() {
    let wb = example();
    let mut csv = evidence_to_csv(&wb.evidence);
    csv = csv.replacen("2024-10-15", "15/13/2024", 1);
    let import = wb.import_csv(
        WorkbookPart::Evidence,
        csv.as_bytes(),
        &ImportOptions::default(),
    );
    assert!(import.workbook.is_none());
    assert_eq!((import.rows, import.rejected), (14, 1));
    assert_eq!(import.errors.len(), 1);
    assert_eq!(import.errors[0].path(), Some("line 3: date"));
    let keep = ImportOptions {
        keep_good_rows: true,
        mode: ImportMode::Merge,
        ..Default::default()
    };
    let import = wb.import_csv(WorkbookPart::Evidence, csv.as_bytes(), &keep);
    assert_eq!(import.workbook.unwrap(), wb);
    assert_eq!(import.changes[0].kept, 1);
}

#[test]
fn indicators_merge_by_name_and_collection() {
    let wb = example();
    let mut changed = wb.indicators.clone();
    changed[1].value = Some(80.1);
    changed[1].name = changed[1].name.to_uppercase();
    let mut new = changed[0].clone();
    new.collection = "Another collection".into();
    let file = vec![changed[1].clone(), new.clone()];
    let merge = ImportOptions {
        mode: ImportMode::Merge,
        ..Default::default()
    };
    let import = wb.import_csv(
        WorkbookPart::Indicators,
        indicators_to_csv(&file).as_bytes(),
        &merge,
    );
    let after = import.workbook.unwrap().indicators;
    assert_eq!(after.len(), 7);
    assert_eq!(after[1], changed[1]);
    assert_eq!(after[6], new);
    // Two rows for one indicator: a merge cannot tell which to keep; a replace keeps both.
    let twice = vec![changed[1].clone(), changed[1].clone()];
    let csv = indicators_to_csv(&twice);
    let import = wb.import_csv(WorkbookPart::Indicators, csv.as_bytes(), &merge);
    assert!(import.workbook.is_none());
    assert!(
        import.errors[0].to_string().contains("two rows"),
        "{:?}",
        import.errors
    );
    let allow = ImportOptions {
        allow_fewer: true,
        ..Default::default()
    };
    let import = wb.import_csv(WorkbookPart::Indicators, csv.as_bytes(), &allow);
    assert_eq!(import.workbook.unwrap().indicators, twice);
}

// ---------------------------------------------------------------------------------------------
// The new fields in the document.

#[test]
fn the_new_fields_read_and_write_back() {
    let wb = example();
    assert_eq!(wb.actions[0].rag, Some(Rag::Amber));
    assert!(!wb.actions[0].progress.is_empty());
    assert!(wb.indicators.iter().any(|i| i.england_year.is_some()));
    assert!(wb.statements[0].narrative.is_some());
    let mut doc: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    doc["protective_marking"] = "OFFICIAL-SENSITIVE".into();
    let wb = Workbook::from_json(&doc.to_string()).unwrap();
    assert_eq!(wb.protective_marking.as_deref(), Some("OFFICIAL-SENSITIVE"));
    assert_eq!(Workbook::from_json(&wb.to_json()).unwrap(), wb);
    // A blank marking or narrative is none.
    doc["protective_marking"] = "".into();
    doc["statements"]["equity"]["narrative"] = "".into();
    let wb = Workbook::from_json(&doc.to_string()).unwrap();
    assert_eq!(
        (wb.protective_marking, wb.statements[2].narrative.clone()),
        (None, None)
    );
}

#[test]
fn the_new_fields_are_read_strictly() {
    let mut doc: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    doc["protective_marking"] = 3.into();
    doc["statements"]["equity"]["narrative"] = serde_json::json!(["a list"]);
    doc["actions"][0]["rag"] = "purple".into();
    doc["actions"][1]["progress"] = serde_json::json!([
        {"date": "2025-02-30", "note": "x"},
        {"date": "2025-01-01", "note": " "},
        {"date": "2025-01-01", "note": "x", "by": "Ann"},
        {"note": "no date"},
        "a string"
    ]);
    doc["actions"][2]["updated"] = "14/02/2025".into();
    doc["indicators"][0]["england_year"] = 2024.into();
    doc["evidence"][0]["notes"] = false.into();
    let errors = errors_of(&doc);
    for want in [
        ("invalid_json", "protective_marking"),
        ("invalid_json", "statements.equity.narrative"),
        ("unknown_rag", "actions[0].rag"),
        ("invalid_date", "actions[1].progress[0].date"),
        ("empty_field", "actions[1].progress[1].note"),
        ("invalid_json", "actions[1].progress[2].by"),
        ("invalid_json", "actions[1].progress[3]"),
        ("invalid_json", "actions[1].progress[4]"),
        ("invalid_date", "actions[2].updated"),
        ("invalid_json", "indicators[0].england_year"),
        ("invalid_json", "evidence[0].notes"),
    ] {
        assert!(
            errors.contains(&(want.0.to_string(), want.1.to_string())),
            "{want:?} not in {errors:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Excel files.

#[cfg(feature = "xlsx")]
mod xlsx {
    use super::*;
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook as Book};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any workbook, written by rust_xlsxwriter and read by calamine, is the same workbook.
        #[test]
        fn any_workbook_reads_back_from_its_xlsx(wb in workbook()) {
            let bytes = wb.to_xlsx().unwrap();
            prop_assert_eq!(Workbook::from_xlsx(&bytes).map_err(|e| format!("{e:?}")), Ok(wb));
        }
    }

    /// A workbook file as a person might make or edit one in Excel: the sheets written cell by
    /// cell.
    struct Sheets {
        book: Book,
    }

    enum V<'a> {
        S(&'a str),
        N(f64),
        D(u16, u8, u8),
    }

    impl Sheets {
        fn new() -> Sheets {
            Sheets { book: Book::new() }
        }

        fn sheet(mut self, name: &str, rows: &[&[V<'_>]]) -> Sheets {
            let ws = self.book.add_worksheet();
            ws.set_name(name).unwrap();
            let date = Format::new().set_num_format("dd/mm/yyyy");
            for (r, row) in rows.iter().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    let (r, c) = (r as u32, c as u16);
                    match v {
                        V::S("") => {}
                        V::S(s) => {
                            ws.write_string(r, c, *s).unwrap();
                        }
                        V::N(x) => {
                            ws.write_number(r, c, *x).unwrap();
                        }
                        V::D(y, m, d) => {
                            let dt = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                            ws.write_datetime_with_format(r, c, &dt, &date).unwrap();
                        }
                    }
                }
            }
            self
        }

        fn bytes(mut self) -> Vec<u8> {
            self.book.save_to_buffer().unwrap()
        }
    }

    use V::{D, N, S};

    fn about() -> Vec<Vec<V<'static>>> {
        vec![
            vec![S("Field"), S("Value")],
            vec![S("Council"), S("Anytown")],
            vec![S("Workbook version"), N(1.0)],
            vec![S("Rating method"), S("current")],
        ]
    }

    fn statement_rows(
        scores: &[(&'static str, V<'static>, [V<'static>; 4])],
    ) -> Vec<Vec<V<'static>>> {
        let mut rows = vec![vec![
            S("QS"),
            S("Self-score"),
            S("P(1)"),
            S("P(2)"),
            S("P(3)"),
            S("P(4)"),
            S("Strengths"),
        ]];
        for (qs, plain, ps) in scores {
            let [a, b, c, d] = ps;
            let copy = |v: &V<'static>| match v {
                S(s) => S(s),
                N(x) => N(*x),
                D(y, m, d) => D(*y, *m, *d),
            };
            rows.push(vec![
                S(qs),
                copy(plain),
                copy(a),
                copy(b),
                copy(c),
                copy(d),
                S(""),
            ]);
        }
        rows
    }

    fn nine(
        first: (&'static str, V<'static>, [V<'static>; 4]),
    ) -> Vec<(&'static str, V<'static>, [V<'static>; 4])> {
        let mut all = vec![first];
        for qs in ["QS2", "QS3", "QS4", "QS5", "QS6", "QS7", "QS8", "QS9"] {
            all.push((qs, S(""), [S(""), S(""), S(""), S("")]));
        }
        all
    }

    fn file(
        statements: &[(&'static str, V<'static>, [V<'static>; 4])],
        evidence: &[&[V<'_>]],
    ) -> Vec<u8> {
        let about = about();
        let about: Vec<&[V<'_>]> = about.iter().map(Vec::as_slice).collect();
        let st = statement_rows(statements);
        let st: Vec<&[V<'_>]> = st.iter().map(Vec::as_slice).collect();
        Sheets::new()
            .sheet("About", &about)
            .sheet("Statements", &st)
            .sheet("Evidence", evidence)
            .sheet(
                "Actions",
                &[&[S("ID"), S("Description"), S("Due"), S("Status")]],
            )
            .sheet(
                "Indicators",
                &[&[
                    S("Name"),
                    S("Collection"),
                    S("Council figure"),
                    S("England average"),
                    S("Higher is better"),
                ]],
            )
            .bytes()
    }

    const EVIDENCE_HEADER: [V<'static>; 5] = [
        S("ID"),
        S("Title"),
        S("Evidence category"),
        S("Statements supported"),
        S("Date"),
    ];

    #[test]
    fn what_a_person_types_in_excel_is_read() {
        let bytes = file(
            &nine(("QS1", N(3.0), [S(""), S(""), S(""), S("")])),
            &[
                &EVIDENCE_HEADER,
                // An id typed as a number, a real date.
                &[
                    N(12.0),
                    S("Audit"),
                    S("Processes"),
                    S("QS1; QS7"),
                    D(2026, 10, 15),
                ],
                // A date typed as text, in UK form.
                &[
                    S("E2"),
                    S("Survey"),
                    S("People's experience"),
                    N(1.0),
                    S("15/10/2026"),
                ],
            ],
        );
        let wb = Workbook::from_xlsx(&bytes).unwrap();
        assert_eq!(wb.council, "Anytown");
        assert_eq!(
            wb.statements[0].self_score,
            SelfScore::Score(Score::new(3).unwrap())
        );
        assert_eq!(wb.statements[1].self_score, SelfScore::NotScored);
        assert_eq!(wb.evidence[0].id, "12");
        assert_eq!(
            wb.evidence[0].supports,
            [
                QualityStatement::AssessingNeeds,
                QualityStatement::Safeguarding
            ]
        );
        assert_eq!(wb.evidence[1].date, date("2026-10-15"));
        assert_eq!(wb.evidence[1].supports, [QualityStatement::AssessingNeeds]);
        // Probabilities typed, the plain score left empty; 50% typed as text is a half.
        let bytes = file(
            &nine(("QS1", S(""), [S(""), N(0.5), S("50%"), S("")])),
            &[&EVIDENCE_HEADER],
        );
        let wb = Workbook::from_xlsx(&bytes).unwrap();
        assert_eq!(
            wb.statements[0].self_score,
            SelfScore::Distribution(ScoreDistribution::new([0.0, 0.5, 0.5, 0.0]).unwrap())
        );
    }

    #[test]
    fn every_problem_is_reported_at_its_sheet_row_and_column() {
        let bytes = file(
            &nine(("QS1", N(3.0), [S(""), N(0.5), N(0.5), S("")])),
            &[
                &EVIDENCE_HEADER,
                &[
                    S("E1"),
                    S("Audit"),
                    S("Processes"),
                    S("QS1"),
                    S("10/31/2026"),
                ],
                &[S("E2"), S(""), S("Vibes"), S("QS10"), D(2026, 1, 1)],
            ],
        );
        let errors = Workbook::from_xlsx(&bytes).unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|e| e.path().unwrap()).collect();
        assert_eq!(
            paths,
            [
                "Statements row 2: self_score",
                "Evidence row 2: date",
                "Evidence row 3: title",
                "Evidence row 3: category",
                "Evidence row 3: supports",
            ]
        );
        assert!(errors.iter().all(|e| e.code() == "invalid_xlsx"));
        assert!(errors[0].to_string().contains("disagree"), "{}", errors[0]);
        assert!(
            errors[1].to_string().contains("no month 31")
                && errors[1].to_string().contains("(cell E2)"),
            "{}",
            errors[1]
        );
        // A statement missing and one given twice.
        let mut rows = nine(("QS1", N(3.0), [S(""), S(""), S(""), S("")]));
        rows[8] = ("QS2", S(""), [S(""), S(""), S(""), S("")]);
        let errors = Workbook::from_xlsx(&file(&rows, &[&EVIDENCE_HEADER])).unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|e| e.path().unwrap()).collect();
        assert_eq!(paths, ["Statements row 10: qs"]);
        rows[8] = ("QS10", S(""), [S(""), S(""), S(""), S("")]);
        let errors = Workbook::from_xlsx(&file(&rows, &[&EVIDENCE_HEADER])).unwrap_err();
        assert_eq!(errors[0].path(), Some("Statements row 10: qs"));
        rows.pop();
        let errors = Workbook::from_xlsx(&file(&rows, &[&EVIDENCE_HEADER])).unwrap_err();
        assert_eq!(errors[0].path(), Some("Statements: learning"), "{errors:?}");
        assert!(
            errors[0].to_string().contains("missing_statement"),
            "{errors:?}"
        );
    }

    #[test]
    fn import_xlsx_never_loses_data() {
        let wb = example();
        let mut edited = wb.clone();
        edited.evidence.truncate(3);
        edited.actions[0].rag = Some(Rag::Red);
        let bytes = edited.to_xlsx().unwrap();
        // Replacing would lose 11 evidence items.
        let import = wb.import_xlsx(&bytes, &ImportOptions::default());
        assert!(import.workbook.is_none());
        assert_eq!(import.errors[0].code(), "fewer_items");
        assert_eq!(import.errors[0].path(), Some("evidence"));
        // Merged: the evidence kept, the action updated.
        let merge = ImportOptions {
            mode: ImportMode::Merge,
            ..Default::default()
        };
        let import = wb.import_xlsx(&bytes, &merge);
        let after = import.workbook.unwrap();
        assert_eq!(after.evidence, wb.evidence);
        assert_eq!(after.actions[0].rag, Some(Rag::Red));
        assert_eq!(import.changes[0].kept, 11);
        // A sheet missing: nothing.
        let bytes = Sheets::new().sheet("About", &[&[S("Field")]]).bytes();
        let import = wb.import_xlsx(&bytes, &merge);
        assert!(import.workbook.is_none());
        assert!(
            import.errors.iter().any(|e| e.path() == Some("Statements")),
            "{:?}",
            import.errors
        );
    }

    #[test]
    fn a_text_too_long_for_a_cell_is_an_error_at_its_field() {
        let mut wb = example();
        wb.evidence[2].title = "x".repeat(40_000);
        let err = wb.to_xlsx().unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            ("invalid_value", Some("evidence[2].title"))
        );
        assert!(err.to_string().contains("32,767"));
    }
}
