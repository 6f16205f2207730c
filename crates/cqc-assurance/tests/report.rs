//! The workbook report: HTML and Markdown from templates, self-contained, everything the user
//! entered escaped, the figures those of the analysis.

use cqc_assurance::workbook::SelfScore;
use cqc_assurance::{Workbook, WorkbookReport};
use proptest::prelude::*;

const EXAMPLE: &str = include_str!("../../../examples/liverpool-workbook.json");

fn example() -> Workbook {
    Workbook::from_json(EXAMPLE).unwrap()
}

fn report(wb: &Workbook, today: &str) -> WorkbookReport {
    WorkbookReport::new(wb, today.parse().unwrap())
}

/// Nothing is fetched: no script, image, frame or stylesheet tag, no `src` attribute, no
/// `url(` or `@import` in the style sheet, and every `http` inside a tag is the address of a
/// plain link (`<a href="http...">`). User text is escaped, so every `<` starts a real tag.
fn assert_self_contained(html: &str) {
    let lower = html.to_lowercase();
    let style = &lower[lower.find("<style>").unwrap()..lower.find("</style>").unwrap()];
    assert!(!style.contains("url(") && !style.contains("@import"));
    for tag in lower
        .split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap())
    {
        for banned in [
            "script", "link", "img", "iframe", "object", "embed", "source", "video", "audio",
            "base",
        ] {
            assert!(
                !(tag.starts_with(banned) && tag[banned.len()..].starts_with([' ', '>', '/']))
                    && tag != banned,
                "a <{banned}> tag: <{tag}>"
            );
        }
        assert!(!tag.contains(" src="), "a src attribute: <{tag}>");
        if tag.contains("http") {
            assert!(
                tag.starts_with("a href=\"http"),
                "an http reference outside a plain link: <{tag}>"
            );
        }
    }
}

#[test]
fn the_example_report_is_self_contained_and_shows_the_analysis() {
    let wb = example();
    let r = report(&wb, "2025-04-01");
    let html = r.html().unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_self_contained(&html);
    let p = r.analysis().prediction.as_ref().unwrap();
    assert!(html.contains("<span class=\"rating\">Too close to call</span>"));
    assert!(html.contains("<span class=\"chance\">Requires improvement 50%</span>"));
    assert!(html.contains("<span class=\"chance\">Good 50%</span>"));
    assert!(html.contains("verdict close"));
    assert!(html.contains(&format!("{}%", p.scenario.result.percent)));
    // The published percentage is 62 or 64: no expectation of 63 is shown.
    assert!(html.contains("It could be 62% (50%) or 64% (50%)"));
    let summary = &html[html.find("id=\"summary\"").unwrap()..];
    let summary = &summary[..summary.find("</section>").unwrap()];
    assert!(!summary.contains("63%") && !html.contains("Expected published"));
    assert_eq!(html.matches("data-statement=\"QS").count(), 9);
    for chart in [
        "scores",
        "bands",
        "probabilities",
        "coverage",
        "timeline",
        "indicators",
        "benchmark",
    ] {
        assert!(
            html.contains(&format!("data-chart=\"{chart}\"")),
            "chart {chart} missing"
        );
    }
    // One heat-map cell per statement and category.
    assert_eq!(html.matches("<rect class=\"heat-").count(), 36);
    // The four rating bands with their lower edges.
    for edge in ["39%", "63%", "88%"] {
        assert!(html.contains(&format!(">{edge}</text>")), "{edge}");
    }
    // Every action of the plan and the stale evidence appear by id.
    for o in &r.analysis().action_plan {
        assert!(
            html.contains(&format!("<th scope=\"row\">{}</th>", o.id)),
            "{}",
            o.id
        );
    }
    for e in &r.analysis().evidence_attention {
        assert!(
            html.contains(&format!("<th scope=\"row\">{}</th>", e.id)),
            "{}",
            e.id
        );
    }
    // Rendering is deterministic.
    assert_eq!(html, report(&wb, "2025-04-01").html().unwrap());
}

#[test]
fn the_markdown_report_has_the_same_content() {
    let r = report(&example(), "2025-04-01");
    let md = r.markdown().unwrap();
    assert!(md.starts_with("# Liverpool"));
    let p = r.analysis().prediction.as_ref().unwrap();
    assert!(md.contains(&format!("**Predicted rating: {}.**", p.call.headline)));
    for qs in cqc_assurance::QualityStatement::ALL {
        assert!(
            md.contains(&format!("| QS{} ", qs.number())),
            "QS{}",
            qs.number()
        );
    }
    assert!(md.contains("| Good | 50% |"));
    assert!(md.contains("| Requires improvement | 50% |"));
    assert!(md.contains("## Assessment timeline"));
    assert!(md.contains("**gap**"));
    // No run of blank lines left by the template.
    assert!(!md.contains("\n\n\n"), "{md}");
}

#[test]
fn user_text_is_escaped() {
    let mut wb = example();
    wb.council = "<script>alert('x')</script> & Co".into();
    wb.statements[0].strengths =
        vec!["<img src=x onerror=alert(1)> | *bold* [link](http://x)".into()];
    wb.evidence[0].title = "\"quoted\" <b>title</b>".into();
    wb.evidence[0].review_by = Some("2025-01-01".parse().unwrap());
    let r = report(&wb, "2025-04-01");
    let html = r.html().unwrap();
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("&lt;script&gt;"));
    assert!(!html.contains("<img src=x"));
    assert!(!html.contains("<b>title</b>"));
    assert_self_contained(&html);
    let md = r.markdown().unwrap();
    assert!(!md.contains("<script>"));
    assert!(!md.contains("<img"));
    assert!(md.contains("\\| \\*bold\\* \\[link\\]"));
}

#[test]
fn a_blank_workbook_renders() {
    let wb = Workbook::starter("Anytown");
    let r = report(&wb, "2025-04-01");
    let html = r.html().unwrap();
    assert!(html.contains("Not yet scored"));
    assert_self_contained(&html);
    assert!(!html.contains("data-chart=\"timeline\""));
    let md = r.markdown().unwrap();
    assert!(md.contains("No statement has a self-score yet"));
}

#[test]
fn single_scores_say_no_uncertainty_was_entered() {
    let mut wb = example();
    for e in &mut wb.statements {
        if let SelfScore::Distribution(_) = e.self_score {
            e.self_score = SelfScore::Score(cqc_assurance::Score::new(3).unwrap());
        }
    }
    let html = report(&wb, "2025-04-01").html().unwrap();
    assert!(html.contains("No uncertainty entered in the self-scores"));
    // A self-assessment is never "certain".
    assert!(!html.to_lowercase().contains("certain on"));
}

/// HTML escaping as minijinja's autoescape does it.
fn html_escaped(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '&' => "&amp;".to_string(),
            '"' => "&quot;".to_string(),
            '\'' => "&#x27;".to_string(),
            '/' => "&#x2f;".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// The report's Markdown escaping, as documented: a backslash before Markdown's special
/// characters, `<`, `>`, `&` as entities, a line break as a space.
fn markdown_escaped(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '!' | '~' => format!("\\{c}"),
            '<' => "&lt;".into(),
            '>' => "&gt;".into(),
            '&' => "&amp;".into(),
            '\r' => String::new(),
            '\n' => " ".into(),
            c => c.to_string(),
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn any_entered_text_stays_text(text in "[<>&\"'a-z /=|*_\\[\\]()\\n]{1,40}") {
        let mut wb = example();
        wb.actions[1].description = text.clone();
        let r = report(&wb, "2025-04-01");
        let html = r.html().unwrap();
        assert_self_contained(&html);
        // The overdue action's description cell holds exactly the escaped text.
        let cell = format!("<td>{}</td>", html_escaped(&text));
        prop_assert!(html.contains(&cell), "{cell}");
        let md = r.markdown().unwrap();
        let cell = format!("| {} |", markdown_escaped(&text));
        prop_assert!(md.contains(&cell), "{cell}");
    }
}

#[test]
fn the_shared_sentences_are_in_the_model_and_in_both_formats() {
    let r = report(&example(), "2025-04-01");
    let m = r.model();
    // Worked out by hand from the example: QS5 is an even chance of 2 or 3, the lower score is
    // taken on a tie, so 2+3+3+2+2+2+2+3+3 = 22 of 36 points, 61.1% rounded up to 62%. Of the
    // 76 councils with nine published scores, 51 have a higher percentage and 5 the same: places
    // 52 to 57 of 77, and 57th counting the ties against it.
    assert_eq!(
        m.summary.scenario_sentence,
        "They assume the most likely score of each statement (the lower score on a tie): 22 of \
         36 points, 62%, requires improvement. Upper threshold of requires improvement, nearing \
         good. That would place Liverpool 52nd-57th of 77 (5 published councils have the same \
         percentage: 57th if placed after all of them)."
    );
    assert_eq!(
        m.summary.percentages_sentence,
        "It could be 62% (50%) or 64% (50%); CQC publishes a whole number, so no percentage \
         between these can occur."
    );
    assert_eq!(
        m.bands_text,
        "25-38% inadequate, 39-62% requires improvement, 63-87% good, 88% and above outstanding"
    );
    assert!(m
        .explanations
        .bands
        .ends_with("Band edges: 39% requires improvement, 63% good, 88% outstanding."));
    assert_eq!(
        m.action_note,
        "7 actions: 6 open (4 overdue), 1 done, 0 cancelled. Open actions by due date, then done \
         and cancelled ones."
    );
    assert!(m.benchmark_intro.starts_with("With the most likely score"));
    let html = r.html().unwrap();
    let md = r.markdown().unwrap();
    for text in [
        &m.title,
        &m.kicker,
        &m.position,
        &m.summary.scenario_sentence,
        &m.summary.percentages_sentence,
        &m.explanations.scores,
        &m.explanations.bands,
        &m.explanations.probabilities,
        &m.explanations.coverage,
        &m.explanations.indicators,
        &m.action_note,
        &m.benchmark_intro,
        &m.method_note,
    ] {
        assert!(html.contains(&html_escaped(text)), "HTML lacks {text}");
    }
    for text in [
        &m.summary.scenario_sentence,
        &m.summary.percentages_sentence,
        &m.explanations.indicators,
        &m.action_note,
        &m.benchmark_intro,
        &m.method_note,
    ] {
        assert!(
            md.contains(&markdown_escaped(text)),
            "Markdown lacks {text}"
        );
    }
    // A workbook with nothing scored has none of the scenario's sentences.
    let blank = report(&Workbook::starter("Anytown"), "2025-04-01");
    let b = blank.model();
    assert!(b.summary.scenario_sentence.is_empty() && b.benchmark_intro.is_empty());
    assert!(!blank.html().unwrap().contains("data-testid=\"scenario\""));
}

#[test]
fn the_board_paper_has_the_whole_action_plan_the_marking_and_no_instruction_text() {
    let mut wb = example();
    let r = report(&wb, "2025-04-01");
    let html = r.html().unwrap();
    let md = r.markdown().unwrap();
    // No marking unless the workbook has one.
    assert!(!html.contains("class=\"marking\""));
    // Every action of the plan (done and not started too), with RAG and the latest note.
    for a in &wb.actions {
        assert!(
            html.contains(&format!("<th scope=\"row\">{}</th>", a.id)),
            "{}",
            a.id
        );
        assert!(md.contains(&format!("| {} |", a.id)), "{}", a.id);
    }
    assert!(html.contains("<th scope=\"col\">RAG</th>"));
    assert!(html.contains("<th scope=\"col\">Latest progress</th>"));
    assert!(html.contains("14 February 2025: Illustrative: 12 staff trained"));
    assert!(!html.contains("10 January 2025: Illustrative: trusted assessor"));
    // Template instructions never reach the paper; different or missing years are said.
    for text in [&html, &md] {
        assert!(!text.contains("to be entered") && !text.contains("enter the council"));
        assert!(text.contains("council 2024-25, England 2023-24: different years"));
        assert!(text.contains("year not stated"));
    }
    // A marking set in the workbook: at the top and foot of the page and in every printed
    // page's margin boxes.
    wb.protective_marking = Some("OFFICIAL-SENSITIVE".into());
    let html = report(&wb, "2025-04-01").html().unwrap();
    assert_eq!(
        html.matches("<p class=\"marking\"").count(),
        2,
        "the marking above the title and at the end"
    );
    assert!(html.contains("@top-right { content: \"OFFICIAL-SENSITIVE\""));
    assert!(html.contains("@bottom-left { content: \"OFFICIAL-SENSITIVE\""));
    assert!(report(&wb, "2025-04-01")
        .markdown()
        .unwrap()
        .starts_with("**OFFICIAL-SENSITIVE**"));
}
