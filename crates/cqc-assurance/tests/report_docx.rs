//! The Word report, read back with readers independent of the writer: the zip crate for the
//! container and quick-xml for its parts. The same sections as the HTML report, in the same
//! order; every figure of the model; every chart as its data table; user text as text.
#![cfg(feature = "docx")]

use std::collections::BTreeMap;
use std::io::Read;

use cqc_assurance::report::ReportModel;
use cqc_assurance::{Workbook, WorkbookReport};
use proptest::prelude::*;
use quick_xml::events::Event;
use quick_xml::Reader;

const EXAMPLE: &str = include_str!("../../../examples/liverpool-workbook.json");

fn example() -> Workbook {
    Workbook::from_json(EXAMPLE).unwrap()
}

fn report(wb: &Workbook, today: &str) -> WorkbookReport {
    WorkbookReport::new(wb, today.parse().unwrap())
}

/// Every part of the archive, by name.
fn parts(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.is_dir() {
            continue;
        }
        let mut text = String::new();
        f.read_to_string(&mut text).expect("UTF-8 XML");
        out.insert(f.name().to_string(), text);
    }
    out
}

/// A paragraph as a reader sees it: its style, its text (a `w:br` as a line break, a `w:tab`
/// as a tab), whether it is in a list, whether it is inside a table.
#[derive(Debug, Default, Clone)]
struct Para {
    style: String,
    text: String,
    listed: bool,
    in_table: bool,
}

/// A table: its rows of cell texts (a cell's paragraphs joined by line breaks), and for its
/// first row whether it repeats as a header row, is shaded in every cell and bold throughout.
#[derive(Debug, Default, Clone)]
struct TableRead {
    rows: Vec<Vec<String>>,
    header_repeats: bool,
    header_shaded: bool,
    header_bold: bool,
    /// Rows other than the first marked as header rows.
    other_header_rows: usize,
}

#[derive(Debug, Default)]
struct DocumentRead {
    paras: Vec<Para>,
    tables: Vec<TableRead>,
}

impl DocumentRead {
    fn text(&self) -> String {
        self.paras
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn headings(&self) -> Vec<(u8, String)> {
        self.paras
            .iter()
            .filter_map(|p| match p.style.as_str() {
                "Heading1" => Some((1, p.text.clone())),
                "Heading2" => Some((2, p.text.clone())),
                _ => None,
            })
            .collect()
    }

    fn has_paragraph(&self, text: &str) -> bool {
        self.paras.iter().any(|p| p.text == text)
    }

    fn has_paragraph_containing(&self, text: &str) -> bool {
        self.paras.iter().any(|p| p.text.contains(text))
    }

    /// The table whose rows are exactly these.
    fn table(&self, rows: &[Vec<String>]) -> Option<&TableRead> {
        self.tables.iter().find(|t| t.rows == rows)
    }
}

fn attr(e: &quick_xml::events::BytesStart<'_>, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .unwrap()
        .map(|a| String::from_utf8(a.value.to_vec()).unwrap())
}

/// Reads `word/document.xml` (or a header or footer) with quick-xml. (Attribute values are read
/// raw: the ones looked at, style ids and colours, hold no entities.)
fn read_document(xml: &str) -> DocumentRead {
    let mut reader = Reader::from_str(xml);
    let mut doc = DocumentRead::default();
    let mut para: Option<Para> = None;
    let mut in_t = false;
    let mut in_rpr = false;
    let mut run_bold = false;
    let mut table: Option<TableRead> = None;
    let mut row: Option<Vec<String>> = None;
    let mut row_is_header = false;
    let mut row_all_shaded = true;
    let mut row_all_bold = true;
    let mut cell: Option<(Vec<String>, bool, bool)> = None; // paragraphs, shaded, any plain text
    loop {
        let event = reader.read_event().expect("well-formed XML");
        let (empty, e) = match &event {
            Event::Start(e) => (false, Some(e.clone())),
            Event::Empty(e) => (true, Some(e.clone())),
            _ => (false, None),
        };
        if let Some(e) = e {
            let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
            match name.as_str() {
                "w:tbl" if !empty => table = Some(TableRead::default()),
                "w:tr" if !empty => {
                    row = Some(Vec::new());
                    row_is_header = false;
                    row_all_shaded = true;
                    row_all_bold = true;
                }
                "w:tblHeader" => row_is_header = true,
                "w:tc" if !empty => cell = Some((Vec::new(), false, false)),
                "w:shd" => {
                    if let Some(c) = cell.as_mut() {
                        c.1 = attr(&e, "w:fill").is_some_and(|f| f != "auto" && f != "FFFFFF");
                    }
                }
                "w:p" => {
                    para = Some(Para {
                        in_table: cell.is_some(),
                        ..Para::default()
                    });
                    if empty {
                        let p = para.take().unwrap();
                        doc.paras.push(p);
                    }
                }
                "w:pStyle" => {
                    if let Some(p) = para.as_mut() {
                        p.style = attr(&e, "w:val").unwrap_or_default();
                    }
                }
                "w:numPr" => {
                    if let Some(p) = para.as_mut() {
                        p.listed = true;
                    }
                }
                "w:r" if !empty => run_bold = false,
                "w:rPr" if !empty => in_rpr = true,
                "w:b" if in_rpr => {
                    run_bold = attr(&e, "w:val").is_none_or(|v| v != "false" && v != "0")
                }
                "w:t" if !empty => in_t = true,
                "w:tab" if !in_rpr && para.is_some() && !in_t => {
                    // A tab character in a run (tab stops are `w:tabs/w:tab` in pPr).
                    if let Some(p) = para.as_mut() {
                        p.text.push('\t');
                    }
                }
                "w:br" => {
                    if let Some(p) = para.as_mut() {
                        p.text.push('\n');
                    }
                }
                _ => {}
            }
        }
        match &event {
            Event::Text(t) if in_t => {
                let s = t.decode().unwrap();
                if let Some(p) = para.as_mut() {
                    p.text.push_str(&s);
                }
                if let Some(c) = cell.as_mut() {
                    if !run_bold && !s.trim().is_empty() {
                        c.2 = true;
                    }
                }
            }
            Event::GeneralRef(r) if in_t => {
                let ch = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&r.decode().unwrap())
                        .expect("a predefined entity")
                        .to_string(),
                };
                if let Some(p) = para.as_mut() {
                    p.text.push_str(&ch);
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_t = false,
                b"w:rPr" => in_rpr = false,
                b"w:p" => {
                    let p = para.take().unwrap();
                    if let Some(c) = cell.as_mut() {
                        c.0.push(p.text.clone());
                    }
                    doc.paras.push(p);
                }
                b"w:tc" => {
                    let (texts, shaded, plain) = cell.take().unwrap();
                    row_all_shaded &= shaded;
                    row_all_bold &= !plain;
                    row.as_mut().unwrap().push(texts.join("\n"));
                }
                b"w:tr" => {
                    let r = row.take().unwrap();
                    let t = table.as_mut().unwrap();
                    if t.rows.is_empty() {
                        t.header_repeats = row_is_header;
                        t.header_shaded = row_all_shaded;
                        t.header_bold = row_all_bold;
                    } else if row_is_header {
                        t.other_header_rows += 1;
                    }
                    t.rows.push(r);
                }
                b"w:tbl" => doc.tables.push(table.take().unwrap()),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    doc
}

/// The text of every `<tag ...>...</tag>` of the HTML, tags inside removed and entities
/// decoded.
fn html_elements(html: &str, open: &str, close: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(open) {
        let after = &rest[i..];
        let start = after.find('>').unwrap() + 1;
        let end = after.find(close).unwrap();
        let inner = &after[start..end];
        let mut text = String::new();
        let mut in_tag = false;
        for c in inner.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        let text = text
            .replace("&#x27;", "'")
            .replace("&#x2f;", "/")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        out.push(text.trim().to_string());
        rest = &after[end..];
    }
    out
}

fn rows_of(columns: &[String], rows: &[cqc_assurance::report::ReportRow]) -> Vec<Vec<String>> {
    std::iter::once(columns.to_vec())
        .chain(rows.iter().map(|r| r.cells.clone()))
        .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_word_report_has_the_sections_of_the_html_report_in_the_same_order() {
    let r = report(&example(), "2025-04-01");
    let html = r.html().unwrap();
    let parts = parts(&r.docx().unwrap());
    let doc = read_document(&parts["word/document.xml"]);
    // h2 -> Heading1, h3 -> Heading2, in the order the HTML has them.
    let mut expected: Vec<(usize, u8, String)> = Vec::new();
    for (tag, level) in [("<h2", 1u8), ("<h3", 2u8)] {
        let mut rest = html.as_str();
        let mut offset = 0;
        while let Some(i) = rest.find(tag) {
            let close = if level == 1 { "</h2>" } else { "</h3>" };
            let text = html_elements(&rest[i..], tag, close).remove(0);
            expected.push((offset + i, level, text));
            offset += i + 1;
            rest = &rest[i + 1..];
        }
    }
    expected.sort();
    let expected: Vec<(u8, String)> = expected.into_iter().map(|(_, l, t)| (l, t)).collect();
    assert_eq!(doc.headings(), expected);
    // The list, written out: the sixteen sections (the example fills every optional one).
    let h1: Vec<String> = doc
        .headings()
        .into_iter()
        .filter(|(l, _)| *l == 1)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        h1,
        strings(&[
            "Summary",
            "Scores by theme",
            "Probability of each rating",
            "Evidence coverage",
            "Assessment timeline",
            "Indicators against England",
            "Evidence needing attention",
            "Action plan",
            "Information return",
            "Case tracking",
            "Interview schedule and briefing pack",
            "Direction of travel",
            "You said, we did: our assurance account",
            "Consistency warnings",
            "Position among published councils",
            "Self-assessment by statement",
        ])
    );
    // The council is the document's Title.
    assert!(doc
        .paras
        .iter()
        .any(|p| p.style == "Title" && p.text == "Liverpool"));
}

#[test]
fn the_word_report_has_every_figure_of_the_model() {
    let r = report(&example(), "2025-04-01");
    let m = r.model();
    let parts = parts(&r.docx().unwrap());
    let doc = read_document(&parts["word/document.xml"]);
    // The headline: too close to call, with the two ratings in contention (a coin toss on
    // QS5 between 2 and 3 gives 22 or 23 of 36 points: 62% or 64%).
    assert!(doc.has_paragraph("PREDICTED RATING"));
    assert!(doc.has_paragraph("Too close to call"));
    assert!(doc.has_paragraph("Requires improvement 50%"));
    assert!(doc.has_paragraph("Good 50%"));
    assert!(doc.has_paragraph(&format!(
        "Figures in this summary. {}",
        m.summary.scenario_sentence
    )));
    assert!(doc.has_paragraph_containing("22 of 36 points, 62%, requires improvement"));
    assert!(doc.has_paragraph(
        "Published percentage. It could be 62% (50%) or 64% (50%); CQC publishes a whole number, \
         so no percentage between these can occur."
    ));
    // The figures beside the tile, label then value.
    let figures: Vec<Vec<String>> = std::iter::once(strings(&["Measure", "Value"]))
        .chain(
            m.summary
                .figures
                .iter()
                .map(|f| vec![f.label.clone(), f.value.clone()]),
        )
        .collect();
    assert!(doc.table(&figures).is_some(), "figures table");
    // Key points as a list.
    for k in &m.summary.key_points {
        assert!(
            doc.paras.iter().any(|p| p.listed && &p.text == k),
            "key point {k}"
        );
    }
    // Every chart as its data table, with the chart's title as its caption just before it.
    for chart in [
        &m.score_chart,
        &m.band_chart,
        &m.probability_chart,
        &m.coverage_chart,
        &m.benchmark_chart,
    ] {
        assert!(!chart.rows.is_empty(), "{}", chart.title);
        assert!(
            doc.table(&rows_of(&chart.columns, &chart.rows)).is_some(),
            "chart {}",
            chart.title
        );
        assert!(doc
            .paras
            .iter()
            .any(|p| p.style == "Caption" && p.text == chart.title));
    }
    // The tables of the HTML report, with its column headings.
    let g = m.gantt.as_ref().unwrap();
    for (columns, rows) in [
        (
            strings(&["Milestone", "Date", "Status", "Recorded cases", "Source"]),
            &g.rows,
        ),
        (
            strings(&[
                "Indicator",
                "Collection and year",
                "Council",
                "England",
                "Compared",
                "Statements",
                "Source of figures",
            ]),
            &m.indicators,
        ),
        (
            strings(&["Id", "Item", "State", "Why", "Owner"]),
            &m.evidence_attention,
        ),
        (
            strings(&[
                "Id",
                "Statement",
                "Action",
                "Owner",
                "Due",
                "Status",
                "RAG",
                "Latest progress",
            ]),
            &m.actions,
        ),
    ] {
        assert!(!rows.is_empty());
        assert!(doc.table(&rows_of(&columns, rows)).is_some(), "{columns:?}");
    }
    // Every action of the plan by id, in the plan's table.
    for a in &r.analysis().action_plan {
        assert!(
            doc.tables
                .iter()
                .any(|t| t.rows.iter().any(|row| row[0] == a.id)),
            "{}",
            a.id
        );
    }
    // The sentences every format shares.
    for text in [
        &m.position,
        &m.explanations.scores,
        &m.explanations.bands,
        &m.explanations.probabilities,
        &m.explanations.coverage,
        &m.explanations.indicators,
        &m.action_note,
        &g.status,
        &m.benchmark_note,
    ] {
        assert!(doc.has_paragraph(text), "{text}");
    }
    for n in &g.notes {
        assert!(doc.has_paragraph(n), "{n}");
    }
    assert!(doc.has_paragraph(&format!(
        "{} Statement by statement, how many councils scored lower, the same, or higher:",
        m.benchmark_intro
    )));
    assert!(doc.has_paragraph("None."), "no consistency warnings");
    let footer_note = m
        .method_links
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let end = if i + 1 == m.method_links.len() {
                "."
            } else {
                ";"
            };
            format!(" {}: {} ({}){end}", l.label, l.text, l.url)
        })
        .collect::<String>();
    assert!(doc.has_paragraph(&format!("{}{footer_note}", m.method_note)));
    // The nine statements, with their scores, strengths and areas for improvement.
    for t in &m.themes {
        let mut rows = vec![strings(&[
            "Statement",
            "Score",
            "Strengths",
            "Areas for improvement",
        ])];
        for s in &t.statements {
            let list = |items: &[String]| {
                if items.is_empty() {
                    "–".to_string()
                } else {
                    items.join("\n")
                }
            };
            rows.push(vec![
                format!("{} {}\n{}", s.number, s.name, s.counts),
                s.score.clone(),
                list(&s.strengths),
                list(&s.areas_for_improvement),
            ]);
        }
        assert!(doc.table(&rows).is_some(), "{}", t.title);
    }
    for qs in cqc_assurance::QualityStatement::ALL {
        assert!(
            doc.text()
                .contains(&format!("QS{} {}", qs.number(), qs.name())),
            "QS{}",
            qs.number()
        );
    }
    // Every table's first row is a bold, shaded header row repeated on each page; no other
    // row is.
    assert!(doc.tables.len() >= 14, "{} tables", doc.tables.len());
    for t in &doc.tables {
        assert!(t.header_repeats, "{:?}", t.rows[0]);
        assert!(t.header_shaded && t.header_bold, "{:?}", t.rows[0]);
        assert_eq!(t.other_header_rows, 0, "{:?}", t.rows[0]);
    }
    // The headline is not inside a table (a layout table confuses screen readers).
    assert!(doc
        .paras
        .iter()
        .any(|p| p.text == "Too close to call" && !p.in_table));
}

#[test]
fn the_page_is_a4_portrait_with_a_running_header_page_numbers_styles_and_language() {
    let r = report(&example(), "2025-04-01");
    let m = r.model();
    let parts = parts(&r.docx().unwrap());
    let document = &parts["word/document.xml"];
    assert!(
        document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\""),
        "A4"
    );
    assert!(!document.contains("w:orient=\"landscape\""));
    assert!(document.contains("<w:headerReference") && document.contains("<w:footerReference"));
    let header_name = parts.keys().find(|k| k.starts_with("word/header")).unwrap();
    let footer_name = parts.keys().find(|k| k.starts_with("word/footer")).unwrap();
    let header = read_document(&parts[header_name]);
    assert_eq!(header.text(), m.running_header);
    assert_eq!(
        m.running_header,
        "Liverpool · adult social care self-assessment · 1 April 2025"
    );
    let footer = &parts[footer_name];
    assert!(footer.contains("<w:instrText>PAGE</w:instrText>"));
    assert!(footer.contains("<w:instrText>NUMPAGES</w:instrText>"));
    let footer_text = read_document(footer).text();
    assert!(footer_text.starts_with("Page ") && footer_text.contains(" of "));
    assert!(!footer_text.contains("OFFICIAL") && !header.text().contains("OFFICIAL"));
    // No field anywhere in the body: only the footer's page numbers are fields.
    assert!(!document.contains("w:fldChar") && !document.contains("w:fldSimple"));
    // Word's built-in heading styles, with outline levels.
    let styles = &parts["word/styles.xml"];
    for (id, name, level) in [("Heading1", "heading 1", 0), ("Heading2", "heading 2", 1)] {
        let at = styles
            .find(&format!("w:styleId=\"{id}\""))
            .unwrap_or_else(|| panic!("{id}"));
        let style = &styles[at..at + styles[at..].find("</w:style>").unwrap()];
        assert!(
            style.contains(&format!("<w:name w:val=\"{name}\" />")),
            "{style}"
        );
        assert!(
            style.contains(&format!("<w:outlineLvl w:val=\"{level}\" />")),
            "{style}"
        );
    }
    // The language of every run, and the document's title and language.
    let defaults =
        &styles[styles.find("<w:rPrDefault>").unwrap()..styles.find("</w:rPrDefault>").unwrap()];
    assert!(defaults.contains("<w:lang w:val=\"en-GB\""), "{defaults}");
    let core = read_core(&parts["docProps/core.xml"]);
    assert_eq!(core["dc:title"], m.title);
    assert_eq!(
        core["dc:title"],
        "Liverpool: adult social care self-assessment, 1 April 2025"
    );
    assert_eq!(core["dc:language"], "en-GB");
    assert_eq!(core["dcterms:created"], "2025-04-01T00:00:00Z");
    // The same report gives the same bytes, every time (docx-rs's own order of the links'
    // relationships changed from one document to the next).
    let first = r.docx().unwrap();
    for _ in 0..12 {
        let again = report(&example(), "2025-04-01").docx().unwrap();
        assert!(first == again, "the bytes differ");
    }
}

/// The core properties' elements and their text.
fn read_core(xml: &str) -> BTreeMap<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                current = Some(String::from_utf8(e.name().as_ref().to_vec()).unwrap());
            }
            Event::Text(t) => {
                if let Some(c) = &current {
                    out.entry(c.clone())
                        .or_insert_with(String::new)
                        .push_str(&t.decode().unwrap());
                }
            }
            Event::GeneralRef(r) => {
                let ch = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&r.decode().unwrap())
                        .unwrap()
                        .to_string(),
                };
                if let Some(c) = &current {
                    out.entry(c.clone())
                        .or_insert_with(String::new)
                        .push_str(&ch);
                }
            }
            Event::End(_) => current = None,
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn the_protective_marking_is_at_the_top_and_foot_of_every_page() {
    let r = report(&example(), "2025-04-01");
    let mut model: ReportModel = r.model().clone();
    model.protective_marking = Some("OFFICIAL-SENSITIVE".into());
    let parts = parts(&model.docx().unwrap());
    // One section, one header and one footer: they print on every page.
    assert_eq!(parts["word/document.xml"].matches("<w:sectPr").count(), 1);
    assert_eq!(
        parts
            .keys()
            .filter(|k| k.starts_with("word/header"))
            .count(),
        1
    );
    assert_eq!(
        parts
            .keys()
            .filter(|k| k.starts_with("word/footer"))
            .count(),
        1
    );
    let header =
        read_document(&parts[parts.keys().find(|k| k.starts_with("word/header")).unwrap()]);
    let footer =
        read_document(&parts[parts.keys().find(|k| k.starts_with("word/footer")).unwrap()]);
    assert_eq!(header.paras[0].text, "OFFICIAL-SENSITIVE");
    assert_eq!(footer.paras.last().unwrap().text, "OFFICIAL-SENSITIVE");
    assert!(header.text().contains(&model.running_header));
}

#[test]
fn what_the_user_typed_stays_text() {
    let mut wb = example();
    wb.council = "Bath & <North> \"East\" Somerset's".into();
    wb.statements[0].strengths = vec![
        "<w:fldSimple w:instr=\"PAGE\"/> & \"quoted\" 'single' <b>bold</b>\nsecond line".into(),
    ];
    wb.actions[0].description = "{ PAGE } ]]> <![CDATA[x]]> &amp; \u{1}\u{FFFF}\ttab".into();
    let r = report(&wb, "2025-04-01");
    let bytes = r.docx().unwrap();
    let parts = parts(&bytes);
    let document = &parts["word/document.xml"];
    let doc = read_document(document);
    // Read back exactly, the line break as a break.
    assert!(doc.paras.iter().any(|p| p.text
        == "<w:fldSimple w:instr=\"PAGE\"/> & \"quoted\" 'single' <b>bold</b>\nsecond line"));
    assert!(document.contains("&lt;w:fldSimple"));
    assert!(!document.contains("<w:fldSimple") && !document.contains("w:fldChar"));
    assert!(!document.contains("<b>"));
    // A control character and U+FFFF, which XML cannot hold, show as the replacement mark.
    assert!(doc
        .paras
        .iter()
        .any(|p| p.text == "{ PAGE } ]]> <![CDATA[x]]> &amp; \u{FFFD}\u{FFFD}\ttab"));
    assert!(doc.has_paragraph("Bath & <North> \"East\" Somerset's"));
    let core = read_core(&parts["docProps/core.xml"]);
    assert_eq!(
        core["dc:title"],
        "Bath & <North> \"East\" Somerset's: adult social care self-assessment, 1 April 2025"
    );
    let header =
        read_document(&parts[parts.keys().find(|k| k.starts_with("word/header")).unwrap()]);
    assert!(header
        .text()
        .starts_with("Bath & <North> \"East\" Somerset's · "));
}

#[test]
fn a_blank_workbook_gives_a_word_report_without_a_prediction() {
    let r = report(&Workbook::starter("Anytown"), "2025-04-01");
    let doc = read_document(&parts(&r.docx().unwrap())["word/document.xml"]);
    assert!(doc.has_paragraph("Not yet scored"));
    assert!(!doc.has_paragraph_containing("Figures in this summary."));
    assert!(!doc
        .headings()
        .iter()
        .any(|(_, h)| h == "Assessment timeline"));
    assert!(doc.has_paragraph("No self-scores yet."));
    assert!(doc.has_paragraph(
        "No actions in the plan. Open actions by due date, then done and cancelled ones."
    ));
}

/// What the reader gets back for a text: line endings as breaks, characters XML cannot hold
/// as U+FFFD.
fn as_read(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .map(|c| match c {
            '\t' | '\n' => c,
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn any_entered_text_reads_back_as_the_same_text(
        text in "([<>&\"' a-z/=|*_{}\\[\\]()\\n\\r\\t\u{0}-\u{1f}\u{fffe}\u{ffff}é€😀]|<w:t>|]]>|&amp;){1,30}"
    ) {
        let mut wb = example();
        wb.actions[1].description = text.clone();
        let r = report(&wb, "2025-04-01");
        let doc = read_document(&parts(&r.docx().unwrap())["word/document.xml"]);
        let id = wb.actions[1].id.clone();
        let row = doc
            .tables
            .iter()
            .flat_map(|t| &t.rows)
            .find(|row| row[0] == id)
            .expect("the action's row");
        prop_assert_eq!(&row[2], &as_read(&text));
    }
}
