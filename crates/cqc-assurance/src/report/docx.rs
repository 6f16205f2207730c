//! The report as a Word document for a board paper: the sections, figures and words of the HTML
//! report, laid out from [`ReportModel`] alone (nothing is computed here), with each chart given
//! as its data table. A4 portrait; a running header with the council and the date; "Page N of
//! M" in the footer; the protective marking, when there is one, at the top and foot of every
//! page; Word's built-in `Title`, `Heading1` and `Heading2` styles (with outline levels, for
//! the navigation pane and the accessibility checker); tables with a bold, shaded header row
//! that repeats on each page.
//!
//! Written with docx-rs, which XML-escapes every text it is given: whatever the workbook holds
//! reaches Word as text, never as markup or a field. Three things docx-rs has no setting for
//! are added to the parts it writes, each at one place checked to exist exactly as expected
//! (otherwise the report fails with [`Error::ReportRender`] rather than coming out without
//! them): the document's title and language in its core properties, the proofing language
//! (en-GB) of every run in the styles' defaults, and the "repeat as header row" mark of each
//! table's header row. Two things docx-rs does in a way that would make one report give
//! different bytes from one call to the next are undone: the links' relationship ids (from a
//! counter shared by the whole process) are the report's own, and the relationships are
//! sorted (docx-rs writes them in a hash set's order).

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, BreakType, Docx, Footer, Header, Hyperlink,
    HyperlinkData, HyperlinkType, IndentLevel, Level, LevelJc, LevelText, LineSpacing, NumPages,
    NumberFormat, Numbering, NumberingId, PageMargin, PageNum, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, Shading, ShdType, SpecialIndentType,
    Start, Style, StyleType, Table, TableCell, TableRow, WidthType,
};

use super::{Chart, ReportModel, ReportRow};
use crate::error::{Error, Result};

/// A4 portrait, in twentieths of a point.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
/// 2 cm at the sides, 2.5 cm at the top and foot (the header and footer 1.2 cm from the edge).
const MARGIN_SIDE: i32 = 1134;
const MARGIN_TOP: i32 = 1418;
const MARGIN_HEADER: i32 = 680;
/// The width of the text between the side margins.
const TEXT_WIDTH: u32 = PAGE_WIDTH - 2 * MARGIN_SIDE as u32;

/// Ink, the muted grey of notes (6.2:1 on white), the headings' dark blue (12:1), the header
/// rows' light grey shading (black text on it 15:1): all readable printed in black and white.
const INK: &str = "1B1F24";
const MUTED: &str = "5A6270";
const ACCENT: &str = "22345C";
const HEADER_FILL: &str = "D9D9D9";
const RULE: &str = "8C939E";

/// Font sizes in half-points.
const BODY_SIZE: usize = 21;
const SMALL_SIZE: usize = 18;
const TABLE_SIZE: usize = 19;

/// The numbering of the bulleted lists (docx-rs defines a numbered list as 1).
const BULLETS: usize = 2;

/// The language of the report's text.
const LANGUAGE: &str = "en-GB";

/// Builds the Word document of `model`.
pub(super) fn document(model: &ReportModel) -> Result<Vec<u8>> {
    let mut w = Writer {
        docx: base(model),
        tables: 0,
    };
    w.cover(model);
    w.summary(model);
    w.scores(model);
    w.probabilities(model);
    w.coverage(model);
    w.timeline(model);
    w.indicators(model);
    w.evidence(model);
    w.actions(model);
    w.preparation(model);
    w.warnings(model);
    w.benchmark(model);
    w.statements(model);
    w.method_note(model);
    w.finish(model)
}

/// The document before its content: page, styles, lists, running header and footer.
fn base(model: &ReportModel) -> Docx {
    let fonts = RunFonts::new()
        .ascii("Arial")
        .hi_ansi("Arial")
        .cs("Arial")
        .east_asia("Arial");
    let heading = |id: &str, name: &str, level: usize, size: usize, before: u32| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .ui_priority(9)
            .outline_lvl(level)
            .bold()
            .size(size)
            .color(ACCENT)
            .line_spacing(LineSpacing::new().before(before).after(120))
    };
    let bullets = AbstractNumbering::new(BULLETS).add_level(
        Level::new(
            0,
            Start::new(1),
            NumberFormat::new("bullet"),
            LevelText::new("•"),
            LevelJc::new("left"),
        )
        .indent(Some(360), Some(SpecialIndentType::Hanging(240)), None, None),
    );
    Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP)
                .bottom(MARGIN_TOP)
                .left(MARGIN_SIDE)
                .right(MARGIN_SIDE)
                .header(MARGIN_HEADER)
                .footer(MARGIN_HEADER)
                .gutter(0),
        )
        .default_fonts(fonts)
        .default_size(BODY_SIZE)
        .default_line_spacing(LineSpacing::new().after(100))
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .ui_priority(10)
                .bold()
                .size(48)
                .color(ACCENT)
                .line_spacing(LineSpacing::new().before(60).after(60)),
        )
        .add_style(heading("Heading1", "heading 1", 0, 30, 360))
        .add_style(heading("Heading2", "heading 2", 1, 24, 240))
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("caption")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .bold()
                .size(SMALL_SIZE)
                .color(INK)
                .line_spacing(LineSpacing::new().before(120).after(60)),
        )
        .add_style(
            Style::new("ReportNote", StyleType::Paragraph)
                .name("Report note")
                .based_on("Normal")
                .size(SMALL_SIZE)
                .color(MUTED),
        )
        .add_style(
            Style::new("TableText", StyleType::Paragraph)
                .name("Table text")
                .based_on("Normal")
                .size(TABLE_SIZE)
                .line_spacing(LineSpacing::new().before(20).after(20)),
        )
        // Word's built-in header and footer styles: the page number fields take their size
        // and colour from the paragraph.
        .add_style(
            Style::new("Header", StyleType::Paragraph)
                .name("header")
                .based_on("Normal")
                .size(SMALL_SIZE)
                .color(MUTED)
                .line_spacing(LineSpacing::new().after(0)),
        )
        .add_style(
            Style::new("Footer", StyleType::Paragraph)
                .name("footer")
                .based_on("Normal")
                .size(SMALL_SIZE)
                .color(MUTED)
                .line_spacing(LineSpacing::new().after(0)),
        )
        .add_abstract_numbering(bullets)
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .header(running_header(model))
        .footer(running_footer(model))
}

/// The protective marking as the header and the footer print it (on every page, so not again
/// in the body).
fn marking_paragraph(style: &str, marking: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .align(AlignmentType::Center)
        .add_run(text_run(marking).bold().color(INK))
}

fn running_header(model: &ReportModel) -> Header {
    let mut header = Header::new();
    if let Some(marking) = &model.protective_marking {
        header = header.add_paragraph(marking_paragraph("Header", marking));
    }
    header.add_paragraph(
        Paragraph::new()
            .style("Header")
            .add_run(text_run(&model.running_header)),
    )
}

fn running_footer(model: &ReportModel) -> Footer {
    let mut footer = Footer::new().add_paragraph(
        Paragraph::new()
            .style("Footer")
            .align(AlignmentType::Right)
            .add_run(Run::new().add_text("Page "))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" of "))
            .add_num_pages(NumPages::new()),
    );
    if let Some(marking) = &model.protective_marking {
        footer = footer.add_paragraph(marking_paragraph("Footer", marking));
    }
    footer
}

/// Characters XML 1.0 does not allow (control characters other than tab, line feed and
/// carriage return; U+FFFE and U+FFFF) become U+FFFD, the replacement character, so that a
/// stray control character in the workbook shows as a mark instead of making the file
/// unreadable.
fn xml_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => c,
        c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
        c => c,
    }
}

/// Text as one run: a line break in the text is a line break in Word, a tab a tab; docx-rs
/// escapes the rest.
fn text_run(text: &str) -> Run {
    let mut run = Run::new();
    let text: String = text.replace("\r\n", "\n").replace('\r', "\n");
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            if !piece.is_empty() {
                run = run.add_text(piece.chars().map(xml_char).collect::<String>());
            }
        }
    }
    run
}

fn paragraph(text: &str) -> Paragraph {
    Paragraph::new().add_run(text_run(text))
}

fn styled(style: &str, text: &str) -> Paragraph {
    Paragraph::new().style(style).add_run(text_run(text))
}

/// A paragraph with a bold lead: `Figures in this summary.` and the sentence.
fn lead_paragraph(lead: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(text_run(lead).bold())
        .add_run(text_run(&format!(" {text}")))
}

/// One cell of a table: its paragraphs.
struct Cell(Vec<Paragraph>);

impl Cell {
    fn text(text: &str) -> Cell {
        Cell(vec![styled("TableText", text)])
    }
}

struct Writer {
    docx: Docx,
    /// How many tables were added (each has one header row).
    tables: usize,
}

impl Writer {
    fn push(&mut self, p: Paragraph) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_paragraph(p);
    }

    fn heading1(&mut self, text: &str) {
        self.push(styled("Heading1", text).keep_next(true));
    }

    fn heading2(&mut self, text: &str) {
        self.push(styled("Heading2", text).keep_next(true));
    }

    /// A note on how to read what follows, kept on the page of what follows.
    fn note(&mut self, text: &str) {
        self.push(styled("ReportNote", text).keep_next(true));
    }

    fn bullets(&mut self, items: impl IntoIterator<Item = Paragraph>) {
        for p in items {
            self.push(p.numbering(NumberingId::new(BULLETS), IndentLevel::new(0)));
        }
    }

    /// A table with a caption above it (kept with it), a header row of `columns` and one row
    /// per entry of `rows`. `weights` share the text width between the columns (the first
    /// column twice the others when not given).
    fn table(
        &mut self,
        caption: Option<&str>,
        columns: &[String],
        rows: Vec<Vec<Cell>>,
        weights: &[u32],
    ) {
        if let Some(caption) = caption.filter(|c| !c.is_empty()) {
            self.push(styled("Caption", caption).keep_next(true));
        }
        let n = columns.len().max(1);
        let weights: Vec<u32> = if weights.len() == n {
            weights.to_vec()
        } else {
            (0..n).map(|i| if i == 0 { 2 } else { 1 }).collect()
        };
        let total: u32 = weights.iter().sum::<u32>().max(1);
        let widths: Vec<usize> = weights
            .iter()
            .map(|w| (TEXT_WIDTH * w / total) as usize)
            .collect();
        let header = TableRow::new(
            columns
                .iter()
                .zip(&widths)
                .map(|(c, w)| {
                    TableCell::new()
                        .width(*w, WidthType::Dxa)
                        .shading(
                            Shading::new()
                                .shd_type(ShdType::Clear)
                                .color("auto")
                                .fill(HEADER_FILL),
                        )
                        .add_paragraph(
                            Paragraph::new()
                                .style("TableText")
                                .keep_next(true)
                                .add_run(text_run(c).bold()),
                        )
                })
                .collect(),
        )
        .cant_split();
        let mut table_rows = vec![header];
        for row in rows {
            let cells = row
                .into_iter()
                .zip(&widths)
                .map(|(cell, w)| {
                    let mut c = TableCell::new().width(*w, WidthType::Dxa);
                    for p in cell.0 {
                        c = c.add_paragraph(p);
                    }
                    c
                })
                .collect();
            // A row is kept on one page (a long one still breaks where it must).
            table_rows.push(TableRow::new(cells).cant_split());
        }
        let table = Table::new(table_rows)
            .set_grid(widths.clone())
            .width(TEXT_WIDTH as usize, WidthType::Dxa);
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_table(table);
        self.tables += 1;
        // A little space after the table, and no two tables run together.
        self.push(Paragraph::new().line_spacing(LineSpacing::new().after(60)));
    }

    /// A table of display strings.
    fn text_table(
        &mut self,
        caption: Option<&str>,
        columns: &[&str],
        rows: &[ReportRow],
        weights: &[u32],
    ) {
        let columns: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
        let rows = rows
            .iter()
            .map(|r| r.cells.iter().map(|c| Cell::text(c)).collect())
            .collect();
        self.table(caption, &columns, rows, weights);
    }

    /// A chart as its data table, titled with the chart's title.
    fn chart_table(&mut self, chart: &Chart, weights: &[u32]) {
        let rows = chart
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| Cell::text(c)).collect())
            .collect();
        self.table(Some(&chart.title), &chart.columns, rows, weights);
    }

    fn cover(&mut self, m: &ReportModel) {
        self.push(
            Paragraph::new().add_run(
                text_run(&m.kicker.to_uppercase())
                    .size(SMALL_SIZE)
                    .color(MUTED),
            ),
        );
        self.push(styled("Title", &m.council));
        self.push(
            Paragraph::new()
                .add_run(text_run(&m.position).color(MUTED))
                .line_spacing(LineSpacing::new().after(200)),
        );
        if let Some(notes) = &m.notes {
            let mut p = lead_paragraph("About this workbook.", notes).style("ReportNote");
            p.property = p.property.set_borders(
                ParagraphBorders::with_empty().set(
                    ParagraphBorder::new(ParagraphBorderPosition::Left)
                        .val(BorderType::Single)
                        .size(24)
                        .space(8)
                        .color(RULE),
                ),
            );
            self.push(p.indent(Some(160), None, None, None));
        }
    }

    fn summary(&mut self, m: &ReportModel) {
        let s = &m.summary;
        self.heading1("Summary");
        // The headline tile: a box, dashed when it is too close to call; the rating is text.
        let dashed = s.too_close_to_call;
        let boxed = |p: Paragraph| {
            let border = |pos| {
                ParagraphBorder::new(pos)
                    .val(if dashed {
                        BorderType::Dashed
                    } else {
                        BorderType::Single
                    })
                    .size(12)
                    .space(4)
                    .color(INK)
            };
            let mut p = p.keep_next(true).indent(Some(120), None, Some(120), None);
            p.property = p.property.set_borders(
                ParagraphBorders::with_empty()
                    .set(border(ParagraphBorderPosition::Top))
                    .set(border(ParagraphBorderPosition::Left))
                    .set(border(ParagraphBorderPosition::Bottom))
                    .set(border(ParagraphBorderPosition::Right)),
            );
            p
        };
        self.push(boxed(
            Paragraph::new()
                .line_spacing(LineSpacing::new().before(80).after(0))
                .add_run(
                    text_run("PREDICTED RATING")
                        .bold()
                        .size(SMALL_SIZE)
                        .color(MUTED),
                ),
        ));
        let last = s.headline_detail.is_empty();
        self.push(boxed(
            Paragraph::new()
                .line_spacing(LineSpacing::new().after(if last { 120 } else { 0 }))
                .add_run(text_run(&s.headline).bold().size(40).color(INK)),
        ));
        for (i, line) in s.headline_detail.iter().enumerate() {
            let last = i + 1 == s.headline_detail.len();
            self.push(boxed(
                Paragraph::new()
                    .line_spacing(LineSpacing::new().after(if last { 120 } else { 0 }))
                    .add_run(text_run(line).size(24)),
            ));
        }
        self.push(Paragraph::new().line_spacing(LineSpacing::new().after(0)));
        let figures: Vec<ReportRow> = s
            .figures
            .iter()
            .map(|f| ReportRow {
                cells: vec![f.label.clone(), f.value.clone()],
                class: String::new(),
            })
            .collect();
        self.text_table(None, &["Measure", "Value"], &figures, &[4, 1]);
        if s.predicted {
            self.push(lead_paragraph(
                "Figures in this summary.",
                &s.scenario_sentence,
            ));
            self.push(lead_paragraph(
                "Published percentage.",
                &s.percentages_sentence,
            ));
        }
        self.bullets(s.key_points.iter().map(|k| paragraph(k)));
    }

    fn scores(&mut self, m: &ReportModel) {
        self.heading1("Scores by theme");
        self.note(&m.explanations.scores);
        self.chart_table(&m.score_chart, &[3, 2]);
        self.heading2("Overall percentage against the rating bands");
        self.note(&m.explanations.bands);
        self.chart_table(&m.band_chart, &[1, 1, 1]);
    }

    fn probabilities(&mut self, m: &ReportModel) {
        self.heading1("Probability of each rating");
        self.note(&m.explanations.probabilities);
        self.chart_table(&m.probability_chart, &[1, 1]);
    }

    fn coverage(&mut self, m: &ReportModel) {
        self.heading1("Evidence coverage");
        self.note(&m.explanations.coverage);
        let n = m.coverage_chart.columns.len();
        let weights: Vec<u32> = (0..n).map(|i| if i == 0 { 5 } else { 2 }).collect();
        self.chart_table(&m.coverage_chart, &weights);
    }

    fn timeline(&mut self, m: &ReportModel) {
        let Some(g) = &m.gantt else {
            return;
        };
        self.heading1("Assessment timeline");
        self.push(paragraph(&g.status).keep_next(true));
        self.note(&g.planning_note);
        for n in &g.notes {
            self.note(n);
        }
        self.bullets(g.issues.iter().map(|i| paragraph(i)));
        self.text_table(
            None,
            &["Milestone", "Date", "Status", "Recorded cases", "Source"],
            &g.rows,
            &[5, 3, 3, 4, 6],
        );
        self.bullets(g.pre_election.iter().map(|p| paragraph(p)));
        if let Some(next) = &g.next_assessment {
            self.push(paragraph(next));
        }
        self.note(&g.forecast_note);
    }

    fn indicators(&mut self, m: &ReportModel) {
        self.heading1("Indicators against England");
        self.note(&m.explanations.indicators);
        if m.indicators.is_empty() {
            self.push(paragraph("No indicators entered."));
        } else {
            self.text_table(
                None,
                &[
                    "Indicator",
                    "Collection and year",
                    "Council",
                    "England",
                    "Compared",
                    "Statements",
                    "Source of figures",
                ],
                &m.indicators,
                &[6, 4, 2, 2, 2, 2, 4],
            );
        }
    }

    fn evidence(&mut self, m: &ReportModel) {
        self.heading1("Evidence needing attention");
        if m.evidence_attention.is_empty() {
            self.push(paragraph(
                "Every evidence item is within its review and expiry dates.",
            ));
        } else {
            self.text_table(
                None,
                &["Id", "Item", "State", "Why", "Owner"],
                &m.evidence_attention,
                &[2, 6, 3, 5, 3],
            );
        }
    }

    fn actions(&mut self, m: &ReportModel) {
        self.heading1("Action plan");
        self.push(paragraph(&m.action_note).keep_next(true));
        if !m.actions.is_empty() {
            self.text_table(
                None,
                &[
                    "Id",
                    "Statement",
                    "Action",
                    "Owner",
                    "Due",
                    "Status",
                    "RAG",
                    "Latest progress",
                ],
                &m.actions,
                &[2, 2, 6, 3, 3, 3, 2, 5],
            );
        }
    }

    /// The sections on preparing for the visit and after it, each only when filled.
    fn preparation(&mut self, m: &ReportModel) {
        for sec in &m.preparation {
            self.heading1(&sec.title);
            for p in &sec.paragraphs {
                self.push(paragraph(p));
            }
            for t in &sec.tables {
                let columns: Vec<&str> = t.columns.iter().map(String::as_str).collect();
                self.text_table(Some(&t.caption), &columns, &t.rows, &t.weights);
            }
            for n in &sec.notes {
                self.push(styled("ReportNote", n));
            }
        }
    }

    fn warnings(&mut self, m: &ReportModel) {
        self.heading1("Consistency warnings");
        if m.warnings.is_empty() {
            self.push(paragraph("None."));
            return;
        }
        let code = RunFonts::new()
            .ascii("Courier New")
            .hi_ansi("Courier New")
            .cs("Courier New");
        self.bullets(m.warnings.iter().map(|w| {
            let message = w.cells.first().map(String::as_str).unwrap_or_default();
            let mut p = paragraph(message);
            if let Some(path) = w.cells.get(1).filter(|p| !p.is_empty()) {
                p = p
                    .add_run(Run::new().add_text(" "))
                    .add_run(text_run(path).fonts(code.clone()).size(SMALL_SIZE));
            }
            p
        }));
    }

    fn benchmark(&mut self, m: &ReportModel) {
        self.heading1("Position among published councils");
        if m.benchmark.is_empty() {
            self.push(paragraph("No self-scores yet."));
            return;
        }
        self.push(
            paragraph(&format!(
                "{} Statement by statement, how many councils scored lower, the same, or higher:",
                m.benchmark_intro
            ))
            .keep_next(true),
        );
        self.chart_table(&m.benchmark_chart, &[6, 2, 2, 2, 2]);
        self.note(&m.benchmark_note);
    }

    fn statements(&mut self, m: &ReportModel) {
        self.heading1("Self-assessment by statement");
        let columns: Vec<String> = ["Statement", "Score", "Strengths", "Areas for improvement"]
            .iter()
            .map(|c| c.to_string())
            .collect();
        let list = |items: &[String]| {
            if items.is_empty() {
                Cell::text("–")
            } else {
                Cell(
                    items
                        .iter()
                        .map(|x| {
                            styled("TableText", x)
                                .line_spacing(LineSpacing::new().before(20).after(80))
                        })
                        .collect(),
                )
            }
        };
        for t in &m.themes {
            self.heading2(&t.title);
            let rows = t
                .statements
                .iter()
                .map(|s| {
                    vec![
                        Cell(vec![
                            Paragraph::new()
                                .style("TableText")
                                .add_run(text_run(&s.number).bold())
                                .add_run(text_run(&format!(" {}", s.name))),
                            Paragraph::new()
                                .style("TableText")
                                .add_run(text_run(&s.counts).size(SMALL_SIZE).color(MUTED)),
                        ]),
                        Cell::text(&s.score),
                        list(&s.strengths),
                        list(&s.areas_for_improvement),
                    ]
                })
                .collect();
            self.table(None, &columns, rows, &[30, 14, 28, 28]);
            for s in t.statements.iter() {
                if let Some(n) = &s.narrative {
                    self.push(
                        Paragraph::new()
                            .add_run(text_run(&format!("{} narrative. ", s.number)).bold())
                            .add_run(text_run(n)),
                    );
                }
            }
        }
    }

    /// The footer's note: where the report comes from and CQC's method, with the sources'
    /// addresses written out (a printed copy keeps them).
    fn method_note(&mut self, m: &ReportModel) {
        let mut p = Paragraph::new()
            .style("ReportNote")
            .line_spacing(LineSpacing::new().before(360))
            .add_run(text_run(&m.method_note));
        p.property = p.property.set_borders(
            ParagraphBorders::with_empty().set(
                ParagraphBorder::new(ParagraphBorderPosition::Top)
                    .val(BorderType::Single)
                    .size(4)
                    .space(6)
                    .color(RULE),
            ),
        );
        for (i, l) in m.method_links.iter().enumerate() {
            let last = i + 1 == m.method_links.len();
            let mut link = Hyperlink::new(&l.url, HyperlinkType::External)
                .add_run(text_run(&l.text).underline("single").color(ACCENT));
            // docx-rs numbers links from a counter shared by every document of the process (not
            // atomically): the report numbers its own, so that the same report gives the same
            // bytes and documents written at once on two threads cannot share a number.
            if let HyperlinkData::External { rid, .. } = &mut link.link {
                *rid = format!("rIdReportLink{}", i + 1);
            }
            p = p
                .add_run(text_run(&format!(" {}: ", l.label)))
                .add_hyperlink(link)
                .add_run(text_run(&format!(
                    " ({}){}",
                    l.url,
                    if last { "." } else { ";" }
                )));
        }
        self.push(p);
    }

    /// Packs the document, with the three additions docx-rs has no setting for.
    fn finish(self, m: &ReportModel) -> Result<Vec<u8>> {
        let date = format!("{}T00:00:00Z", m.as_of_iso);
        let mut xml = self.docx.created_at(&date).updated_at(&date).build();
        // The title and language of the document (File > Info in Word; the accessibility
        // checker asks for a title).
        insert_once(
            &mut xml.doc_props.core,
            "</cp:coreProperties>",
            &format!(
                "<dc:title>{}</dc:title><dc:language>{LANGUAGE}</dc:language><dc:creator>cqc-assurance</dc:creator>",
                xml_escape(&m.title)
            ),
            "core properties",
        )?;
        // The proofing language of every run: the last element a run's properties may have
        // here, so it goes just before the defaults' closing tag.
        insert_once(
            &mut xml.styles,
            "</w:rPr></w:rPrDefault>",
            &format!("<w:lang w:val=\"{LANGUAGE}\" w:eastAsia=\"{LANGUAGE}\" w:bidi=\"ar-SA\" />"),
            "style defaults",
        )?;
        // Each table's first row repeats at the top of every page the table runs onto: the
        // first row properties after each table's start get the mark. Text is escaped by
        // docx-rs, so `<w:tbl>` can only be a table's start.
        let document = std::str::from_utf8(&xml.document).map_err(render_error)?;
        let row = "<w:trPr><w:cantSplit /></w:trPr>";
        let mut pieces = document.split("<w:tbl>");
        let mut marked = pieces.next().unwrap_or_default().to_string();
        let mut tables = 0;
        for piece in pieces {
            let Some(at) = piece.find(row) else {
                return Err(render_error("a table without its header row"));
            };
            marked.push_str("<w:tbl>");
            marked.push_str(&piece[..at]);
            marked.push_str("<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>");
            marked.push_str(&piece[at + row.len()..]);
            tables += 1;
        }
        if tables != self.tables {
            return Err(render_error(format!(
                "{tables} tables found of the {} written",
                self.tables
            )));
        }
        xml.document = marked.into_bytes();
        // docx-rs lists the links' relationships in a hash set's order, which changes from one
        // run to the next: sorted, the same report gives the same bytes.
        sort_relationships(&mut xml.document_rels)?;
        let mut out = Cursor::new(Vec::new());
        xml.pack(&mut out).map_err(render_error)?;
        Ok(out.into_inner())
    }
}

fn render_error(e: impl std::fmt::Display) -> Error {
    Error::ReportRender {
        message: format!("Word document: {e}"),
    }
}

/// Text escaped for XML content (the core properties, which docx-rs does not write for us).
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(xml_char) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' | '\n' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Sorts the `<Relationship ... />` elements of a relationships part (their order has no
/// meaning). Attribute values are escaped, so `/>` only ends an element.
fn sort_relationships(part: &mut Vec<u8>) -> Result<()> {
    let text = std::str::from_utf8(part).map_err(render_error)?;
    let (Some(start), Some(end)) = (text.find("<Relationship "), text.rfind("</Relationships>"))
    else {
        return Err(render_error(
            "the document's relationships are not where expected",
        ));
    };
    let mut elements: Vec<String> = text[start..end]
        .split_inclusive("/>")
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty())
        .collect();
    if elements
        .iter()
        .any(|e| !e.starts_with("<Relationship ") || !e.ends_with("/>"))
    {
        return Err(render_error(
            "an unexpected element among the relationships",
        ));
    }
    elements.sort();
    *part = format!("{}{}{}", &text[..start], elements.concat(), &text[end..]).into_bytes();
    Ok(())
}

/// Inserts `insert` before the one occurrence of `before` in `part`, or fails if there is not
/// exactly one.
fn insert_once(part: &mut Vec<u8>, before: &str, insert: &str, what: &str) -> Result<()> {
    let text = std::str::from_utf8(part).map_err(render_error)?;
    let found = text.matches(before).count();
    if found != 1 {
        return Err(Error::ReportRender {
            message: format!("Word document: {what}: {found} places for an addition, not one"),
        });
    }
    *part = text
        .replacen(before, &format!("{insert}{before}"), 1)
        .into_bytes();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_forbids_become_the_replacement_character() {
        assert_eq!(xml_char('\u{1}'), '\u{FFFD}');
        assert_eq!(xml_char('\u{FFFF}'), '\u{FFFD}');
        assert_eq!(xml_char('\t'), '\t');
        assert_eq!(xml_char('é'), 'é');
        assert_eq!(
            xml_escape("a<b & \"c\"\n\u{7}"),
            "a&lt;b &amp; &quot;c&quot; \u{FFFD}"
        );
    }

    #[test]
    fn relationships_are_sorted() {
        let mut part = b"<?xml?><Relationships x=\"1\"><Relationship Id=\"b\" /><Relationship Id=\"a\" Target=\"x&gt;/y\" /></Relationships>".to_vec();
        sort_relationships(&mut part).unwrap();
        assert_eq!(
            std::str::from_utf8(&part).unwrap(),
            "<?xml?><Relationships x=\"1\"><Relationship Id=\"a\" Target=\"x&gt;/y\" /><Relationship Id=\"b\" /></Relationships>"
        );
        let mut odd = b"<Relationships><Relationship Id=\"a\" /><Other /></Relationships>".to_vec();
        assert!(sort_relationships(&mut odd).is_err());
    }

    #[test]
    fn an_addition_needs_exactly_one_place() {
        let mut part = b"<a></a>".to_vec();
        insert_once(&mut part, "</a>", "<b/>", "test").unwrap();
        assert_eq!(part, b"<a><b/></a>");
        let mut twice = b"<a></a><a></a>".to_vec();
        assert!(insert_once(&mut twice, "</a>", "<b/>", "test").is_err());
        assert!(insert_once(&mut part, "</c>", "<b/>", "test").is_err());
    }
}
