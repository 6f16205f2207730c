//! The Word report opened by another program: LibreOffice converts the example's .docx (made by
//! the command, as a user makes it) to PDF and to plain text, and the text must carry the
//! report's headline, scenario, actions and statements; the PDF's own text (poppler's
//! pdftotext) must show "Page N of M" and the running header on every page, and with a
//! protective marking set, the marking at the top and foot of every page. The first pages are
//! drawn to PNG (pdftoppm) in `target/screenshots/` to be looked at.
//!
//! Ignored by a plain `cargo test` (it needs LibreOffice Writer and poppler-utils):
//! `scripts/test-rust.sh` installs them when missing and runs it with `--ignored`. Without them
//! the test fails, it never passes by skipping.

use std::path::{Path, PathBuf};
use std::process::Command;

use cqc_assurance::{Workbook, WorkbookReport};

const EXAMPLE: &str = "../../examples/liverpool-workbook.json";

fn tool(name: &str) -> PathBuf {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    });
    found.unwrap_or_else(|| {
        panic!(
            "{name} is not installed: this check needs LibreOffice Writer and poppler-utils \
             (scripts/test-rust.sh installs them with apt-get)"
        )
    })
}

fn run(program: &Path, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{} does not run: {e}", program.display()));
    assert!(
        out.status.success(),
        "{} {args:?} failed: {}",
        program.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Converts `docx` with LibreOffice (a profile of its own folder's, so that parallel runs do
/// not collide) into `to` (`pdf`, `txt:Text`), returning the file written.
fn convert(docx: &Path, to: &str, extension: &str) -> PathBuf {
    let soffice = tool("soffice");
    let dir = docx.parent().unwrap();
    let profile = std::env::temp_dir().join(format!(
        "lo-profile-{}-{}",
        std::process::id(),
        dir.file_name().unwrap().to_string_lossy()
    ));
    let out = dir.join(docx.with_extension(extension).file_name().unwrap());
    let _ = std::fs::remove_file(&out);
    run(
        &soffice,
        &[
            &format!("-env:UserInstallation=file://{}", profile.display()),
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            dir.to_str().unwrap(),
            docx.to_str().unwrap(),
        ],
    );
    let _ = std::fs::remove_dir_all(&profile);
    let size = std::fs::metadata(&out)
        .unwrap_or_else(|_| {
            panic!(
                "LibreOffice wrote no {extension} for {} (is libreoffice-writer installed?)",
                docx.display()
            )
        })
        .len();
    assert!(size > 0, "{} is empty", out.display());
    out
}

fn pages(pdf: &Path) -> u32 {
    let info = run(&tool("pdfinfo"), &[pdf.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the number of pages")
}

fn page_text(pdf: &Path, page: u32) -> String {
    let n = page.to_string();
    run(
        &tool("pdftotext"),
        &["-layout", "-f", &n, "-l", &n, pdf.to_str().unwrap(), "-"],
    )
}

/// Draws pages 1..=`count` of `pdf` as `target/screenshots/<prefix>-N.png`.
fn screenshots(pdf: &Path, prefix: &str, count: u32) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    for page in 1..=count {
        let n = page.to_string();
        let out = dir.join(format!("{prefix}-{page}"));
        run(
            &tool("pdftoppm"),
            &[
                "-png",
                "-r",
                "80",
                "-f",
                &n,
                "-l",
                &n,
                "-singlefile",
                pdf.to_str().unwrap(),
                out.to_str().unwrap(),
            ],
        );
        assert!(out.with_extension("png").is_file());
    }
}

/// A fresh folder of this test's own under `target/docx-check/`.
fn work_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/docx-check")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
#[ignore = "needs LibreOffice Writer and poppler-utils: scripts/test-rust.sh installs them and runs it"]
fn libreoffice_reads_the_example_word_report() {
    let dir = work_dir("example");
    let docx = dir.join("report.docx");
    run(
        Path::new(env!("CARGO_BIN_EXE_cqc-assurance")),
        &[
            "report",
            EXAMPLE,
            "--docx",
            docx.to_str().unwrap(),
            "--today",
            "2025-04-01",
        ],
    );
    let txt = std::fs::read_to_string(convert(&docx, "txt:Text", "txt")).unwrap();
    let pdf = convert(&docx, "pdf", "pdf");

    // What the report must say, worked out from the example: QS5 is an even chance of 2 or 3,
    // so 22 or 23 of 36 points (62% or 64%), requires improvement or good at 50% each.
    for text in [
        "Too close to call",
        "Requires improvement 50%",
        "Good 50%",
        "Figures in this summary. They assume the most likely score of each statement (the lower \
         score on a tie): 22 of 36 points, 62%, requires improvement.",
        "It could be 62% (50%) or 64% (50%)",
        "Self-assessment by statement",
    ] {
        assert!(txt.contains(text), "LibreOffice's text lacks {text:?}");
    }
    // The scenario sentence exactly as the model words it.
    let wb = Workbook::from_json(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    let report = WorkbookReport::new(&wb, "2025-04-01".parse().unwrap());
    assert!(txt.contains(&report.model().summary.scenario_sentence));
    // Every action of the plan and every statement, by name.
    let ids: Vec<&str> = wb.actions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), 7);
    for id in ids {
        assert!(txt.contains(id), "action {id}");
    }
    for qs in cqc_assurance::QualityStatement::ALL {
        assert!(txt.contains(qs.name()), "statement {}", qs.name());
    }

    // Each page of the PDF: the running header and "Page N of M", the fields computed.
    let n = pages(&pdf);
    // The example fills every part, the visit preparation sections included (14 pages when
    // they were added; the HTML report prints 16): a board paper, not a runaway document.
    assert!((4..=18).contains(&n), "{n} pages");
    for page in 1..=n {
        let text = page_text(&pdf, page);
        assert!(
            text.contains("Liverpool · adult social care self-assessment · 1 April 2025"),
            "page {page}: {text}"
        );
        assert!(
            text.contains(&format!("Page {page} of {n}")),
            "page {page}: {text}"
        );
        assert!(!text.contains("OFFICIAL"), "page {page}");
    }
    screenshots(&pdf, "report-docx", 3.min(n));
}

#[test]
#[ignore = "needs LibreOffice Writer and poppler-utils: scripts/test-rust.sh installs them and runs it"]
fn libreoffice_prints_the_protective_marking_on_every_page() {
    let dir = work_dir("marked");
    let wb = Workbook::from_json(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    let mut model = WorkbookReport::new(&wb, "2025-04-01".parse().unwrap())
        .model()
        .clone();
    model.protective_marking = Some("OFFICIAL-SENSITIVE".into());
    let docx = dir.join("report-marked.docx");
    std::fs::write(&docx, model.docx().unwrap()).unwrap();
    let pdf = convert(&docx, "pdf", "pdf");
    let n = pages(&pdf);
    for page in 1..=n {
        let text = page_text(&pdf, page);
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            lines.first(),
            Some(&"OFFICIAL-SENSITIVE"),
            "top of page {page}"
        );
        assert_eq!(
            lines.last(),
            Some(&"OFFICIAL-SENSITIVE"),
            "foot of page {page}"
        );
        assert_eq!(text.matches("OFFICIAL-SENSITIVE").count(), 2, "page {page}");
    }
    screenshots(&pdf, "report-docx-marked", 1);
}
