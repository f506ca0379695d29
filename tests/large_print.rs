//! The large-print edition, checked from the outside: the real `planpress` binary writes the
//! files and poppler's `pdfinfo`, `pdffonts` and `pdftotext` read them back, as a reviewer
//! would. Sizes are measured from the PDF's own drawing instructions (see [`glyph_sizes`]).
//!
//! poppler-utils is installed by `.ci/install-test-deps`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use planpress::export::large_print::{self, Options};
use planpress::Plan;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn content() -> PathBuf {
    repo().join("content")
}

fn planpress(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planpress"))
        .args(args)
        .current_dir(cwd)
        .env(
            "PLANPRESS_CACHE",
            Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-cache"),
        )
        .output()
        .expect("run planpress")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs a poppler tool and returns its standard output.
fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed (poppler-utils): {e}"));
    assert!(out.status.success(), "{tool} {args:?}: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Exports the shipped plan with the binary into a new temporary folder.
fn export(extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let content = content();
    let mut args = vec![
        "export",
        "large-print",
        "--content",
        content.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let out = planpress(&args, dir.path());
    assert!(out.status.success(), "export failed: {}", stderr(&out));
    // Without --out, the export folder, with the file named for what it holds.
    let default = format!(
        "exports/large-print{}.{}",
        if extra.contains(&"--without-performance") {
            "-without-performance"
        } else {
            ""
        },
        if extra.contains(&"html") {
            "html"
        } else {
            "pdf"
        }
    );
    let file = dir.path().join(
        extra
            .iter()
            .position(|a| *a == "--out")
            .map_or(default.as_str(), |i| extra[i + 1]),
    );
    assert!(file.is_file(), "{} was not written", file.display());
    (dir, file)
}

/// The export at 18 point without the performance statements (the plan alone, a third of
/// the pages, quicker to typeset and read), made once for several tests.
fn plan_only_pdf() -> &'static (tempfile::TempDir, PathBuf) {
    static PDF: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    PDF.get_or_init(|| export(&["--without-performance"]))
}

fn pdfinfo(pdf: &Path) -> BTreeMap<String, String> {
    poppler("pdfinfo", &[pdf.to_str().unwrap()])
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

fn page_count(pdf: &Path) -> usize {
    pdfinfo(pdf)["Pages"].parse().unwrap()
}

/// The text of the PDF with all runs of white space (including no-break spaces) made one
/// space, so sentences can be found whatever the line breaks.
fn pdf_text(pdf: &Path) -> String {
    normalise(&poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]))
}

/// The text without the page numbers, which poppler reads out wherever a page ends, even in
/// the middle of a sentence.
fn text_without_page_numbers(pdf: &Path) -> String {
    let text = pdf_text(pdf);
    let words: Vec<&str> = text.split(' ').collect();
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let is_number = |w: Option<&&str>| w.is_some_and(|w| w.parse::<u32>().is_ok());
        if words[i] == "Page"
            && is_number(words.get(i + 1))
            && words.get(i + 2) == Some(&"of")
            && is_number(words.get(i + 3))
        {
            i += 4;
        } else {
            out.push(words[i]);
            i += 1;
        }
    }
    out.join(" ")
}

/// The text of a PDF's structure tree (from `pdfinfo -struct-text`), in reading order, with
/// white space normalised. Artifacts such as page numbers are not part of it.
fn struct_text(tree: &str) -> String {
    let runs: Vec<&str> = tree
        .lines()
        .map(str::trim)
        .filter(|l| l.len() >= 2 && l.starts_with('"') && l.ends_with('"'))
        .map(|l| &l[1..l.len() - 1])
        .collect();
    normalise(&runs.join(" "))
}

fn normalise(text: &str) -> String {
    // A word broken by a hyphen at a line end would read "self- serve"; large print never
    // breaks words, so such a break is not repaired here: it would make the test fail.
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shipped_plan() -> Plan {
    planpress::read_plan(&content()).expect("the shipped plan is valid")
}

#[test]
fn the_pdf_is_tagged_a4_portrait_with_a_title_and_british_english() {
    let (_dir, pdf) = plan_only_pdf();
    let info = pdfinfo(pdf);
    assert_eq!(info["Tagged"], "yes", "{info:?}");
    let size = &info["Page size"];
    let dims: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert_eq!(
        (dims[0].round(), dims[1].round()),
        (595.0, 842.0),
        "A4 portrait: {size}"
    );
    assert_eq!(
        info["Title"],
        "Safer West Mercia Plan 2021\u{2013}2025 (large print)"
    );
    let meta = poppler("pdfinfo", &["-meta", pdf.to_str().unwrap()]);
    assert!(
        meta.contains("<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li>"),
        "{meta}"
    );
    assert!(
        meta.contains("<pdfuaid:part>1</pdfuaid:part>"),
        "PDF/UA-1 identifier: {meta}"
    );
    let bytes = std::fs::read(pdf).unwrap();
    assert!(contains(&bytes, b"/Lang(en-GB)"), "catalog language");
    assert!(contains(&bytes, b"/Outlines"), "bookmarks");
    assert_eq!(info["CreationDate"], "Mon Aug  9 00:00:00 2021 UTC");
}

#[test]
fn headings_lists_and_page_numbers_are_tagged() {
    let (_dir, pdf) = plan_only_pdf();
    let tree = poppler("pdfinfo", &["-struct-text", pdf.to_str().unwrap()]);
    for tag in ["H1", "H2", "H3", "P", "L", "LI", "LBody", "TOC", "TOCI"] {
        assert!(
            tree.lines()
                .any(|l| l.trim_start().starts_with(&format!("{tag} ")) || l.trim() == tag),
            "no {tag} in the structure tree"
        );
    }
    // Page numbers are artifacts: they are drawn but not part of the tagged text.
    assert!(
        !tree.contains("Page 1 of"),
        "page numbers must be artifacts"
    );
    assert!(
        pdf_text(pdf).contains("Page 1 of "),
        "page numbers are printed"
    );
}

#[test]
fn every_font_is_embedded_and_none_is_italic() {
    let (_dir, pdf) = plan_only_pdf();
    let fonts = poppler("pdffonts", &[pdf.to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type… encoding emb sub uni object-id generation
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "not embedded: {row}");
        let name = cols[0].to_lowercase();
        assert!(
            !name.contains("italic") && !name.contains("oblique"),
            "italic font: {row}"
        );
        assert!(name.contains("liberationsans"), "unexpected font: {row}");
    }
}

#[test]
fn no_text_is_smaller_than_the_body_size() {
    let (_dir, pdf) = plan_only_pdf();
    assert_smallest_glyph_at_least(pdf, 18.0);
}

#[test]
fn every_commitment_appears_in_its_group_in_plan_order() {
    let (_dir, pdf) = plan_only_pdf();
    let text = text_without_page_numbers(pdf);
    let plan = shipped_plan();
    // Walk through the text in plan order: each priority, then each group's heading and lead
    // (unless it only repeats the heading), then each commitment must come after the one
    // before it.
    let mut at = 0;
    let mut found = 0;
    for p in plan.priorities() {
        let title = normalise(&plan.priority_label(p));
        at = find_from(&text, &title, at);
        for group in &p.groups {
            let party = plan.party(&group.party);
            at = find_from(&text, &normalise(&party.heading), at);
            if let Some(lead) = party.lead_under_heading(&group.lead) {
                at = find_from(&text, &normalise(lead), at);
            }
            for c in &group.commitments {
                at = find_from(&text, &normalise(&c.text), at);
                found += 1;
            }
        }
    }
    assert_eq!(found, plan.commitments().count());
    assert!(found > 50, "the shipped plan has many commitments");
}

fn find_from(text: &str, needle: &str, from: usize) -> usize {
    match text[from..].find(needle) {
        Some(i) => from + i + needle.len(),
        None => panic!(
            "{needle:?} is missing from the PDF text (or out of order) after byte {from}: {}",
            text.get(from..(from + 300).min(text.len())).unwrap_or("")
        ),
    }
}

#[test]
fn the_whole_plan_is_there_with_a_contents_list() {
    let (_dir, pdf) = plan_only_pdf();
    let text = pdf_text(pdf);
    let plan = shipped_plan();
    assert!(text.contains("Contents Foreword"), "contents list first");
    for aim in &plan.aims {
        assert!(text.contains(&normalise(&aim.title)), "{}", aim.title);
        for o in &aim.outcomes {
            assert!(text.contains(&normalise(o)), "outcome {o}");
        }
    }
    for page in &plan.pages {
        assert!(
            text.contains(&normalise(&page.title)),
            "page {}",
            page.title
        );
    }
    for t in &plan.glossary {
        assert!(text.contains(&normalise(&t.term)), "glossary {}", t.term);
    }
    assert!(text.contains("Glossary"));
    assert!(text.contains("01905 331656"), "contact details");
    // With --without-performance the statements are left out.
    let first = &plan.statements[0];
    assert!(!text.contains(&normalise(&first.status_sentence())));
}

#[test]
fn sizes_16_18_and_24_work_and_bigger_type_takes_more_pages() {
    let plan_only = "--without-performance";
    let (_d16, pdf16) = export(&["--size", "16", plan_only, "--out", "lp16.pdf"]);
    let (_d24, pdf24) = export(&["--size", "24", plan_only, "--out", "lp24.pdf"]);
    let (_d18, pdf18) = plan_only_pdf();
    let pages = [page_count(&pdf16), page_count(pdf18), page_count(&pdf24)];
    assert!(
        pages[0] < pages[1] && pages[1] < pages[2],
        "pages at 16, 18, 24pt: {pages:?}"
    );
    assert_smallest_glyph_at_least(&pdf16, 16.0);
    assert_smallest_glyph_at_least(&pdf24, 24.0);
    assert!(pdf_text(&pdf24).contains("Large print edition (24 point)"));
}

#[test]
fn performance_statements_come_as_tables_and_words_by_default() {
    let (_dir, pdf) = export(&[]);
    // The tagged text, in reading order: each table cell is whole and the page numbers (as
    // artifacts) are not there, where pdftotext reads a wrapped cell around its neighbours.
    let tree = poppler("pdfinfo", &["-struct-text", pdf.to_str().unwrap()]);
    let text = struct_text(&tree);
    let plan = shipped_plan();
    let (mut tables, mut lists) = (0, 0);
    // Every statement, in order: its status in words, then each chart as its summary sentence
    // and the figures behind it, as a table when it fits and as a list when it is too wide.
    let mut at = text.find("How the plan's progress is measured").unwrap();
    for s in &plan.statements {
        at = find_from(&text, &normalise(&s.measure), at);
        at = find_from(&text, &normalise(&s.status_sentence()), at);
        for block in s.figure_blocks(&plan) {
            at = find_from(&text, &normalise(&block.summary), at);
            let t = &block.table;
            let Some(row) = t.rows.first() else { continue };
            let first = row.cells.first().cloned().unwrap_or_default();
            if t.head.len() <= planpress::render::document::MAX_TABLE_COLUMNS {
                at = find_from(&text, &normalise(&t.caption), at);
                for h in &t.head {
                    at = find_from(&text, &normalise(h), at);
                }
                at = find_from(&text, &normalise(&row.header), at);
                at = find_from(&text, &normalise(&first), at);
                tables += 1;
            } else {
                at = find_from(&text, &normalise(&t.caption), at);
                let item = format!("• {}: {} – {}: {first}", t.head[0], row.header, t.head[1]);
                at = find_from(&text, &normalise(&item), at);
                lists += 1;
            }
        }
    }
    assert!(tables > 0 && lists > 0, "{tables} tables, {lists} lists");
    assert!(tree.contains("Table (block)"), "tagged as a table");
    assert!(tree.contains("/Scope /Column") && tree.contains("/Scope /Row"));
    assert!(page_count(&pdf) > page_count(&plan_only_pdf().1));
    assert_smallest_glyph_at_least(&pdf, 18.0);
}

#[test]
fn two_exports_are_byte_identical() {
    let (_dir, again) = export(&["--without-performance", "--out", "again.pdf"]);
    let first = std::fs::read(&plan_only_pdf().1).unwrap();
    let second = std::fs::read(&again).unwrap();
    assert!(first == second, "the two exports differ");
}

#[test]
fn a_size_below_the_ukaaf_minimum_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let content = content();
    let out = planpress(
        &[
            "export",
            "large-print",
            "--content",
            content.to_str().unwrap(),
            "--size",
            "15",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "usage error");
    assert!(
        stderr(&out).contains("15pt is below the UKAAF minimum of 16pt for large print"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn an_unwritable_out_path_is_a_clear_error_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-file"), "x").unwrap();
    std::fs::create_dir(dir.path().join("a-folder")).unwrap();
    let content = content();
    for (target, message) in [
        ("missing/large-print.pdf", "No such file or directory"),
        ("a-file/large-print.pdf", "Not a directory"),
        ("a-folder", "it is a folder"),
    ] {
        let out = planpress(
            &[
                "export",
                "large-print",
                "--content",
                content.to_str().unwrap(),
                "--out",
                target,
            ],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(1), "{target}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!("cannot write {target}")) && err.contains(message),
            "{target}: {err}"
        );
    }
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["a-file", "a-folder"], "no partial or temporary file");
    assert_eq!(
        std::fs::read_dir(dir.path().join("a-folder"))
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn a_failed_write_leaves_the_previous_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("large-print.pdf");
    planpress::write::file_atomically(&target, b"old").unwrap();
    // A target whose folder cannot hold the temporary file fails before touching anything.
    let bad = dir.path().join("large-print.pdf/inner.pdf");
    assert!(planpress::write::file_atomically(&bad, b"new").is_err());
    assert_eq!(std::fs::read(&target).unwrap(), b"old");
    planpress::write::file_atomically(&target, b"new").unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"new");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_missing_title_fails_loudly_in_pdf_ua_mode() {
    let mut plan = shipped_plan();
    plan.meta.title = String::new();
    let err = large_print::pdf(&plan, &Options::new(18.0).unwrap())
        .expect_err("PDF/UA-1 requires a document title");
    let message = err.to_string();
    assert!(
        message.contains("PDF/UA-1 error: missing document title"),
        "{message}"
    );
    assert!(
        message.contains("set \"title:\" in content/_index.md"),
        "{message}"
    );
}

#[test]
fn typst_syntax_in_the_content_is_printed_not_obeyed() {
    let mut plan = shipped_plan();
    let tricky = r##"Cost #sum(1) [in] *bold* _under_ $x^2$ \ "quoted" <label> @ref // not a comment #set page(width: 1pt) ]"##;
    plan.aims[0].priorities[0].groups[0].commitments[0].text = tricky.to_string();
    let source = large_print::typst_source(&plan, &Options::new(18.0).unwrap());
    assert!(
        !source.contains("#sum(1)\""),
        "the text stays inside a string"
    );
    let pdf = large_print::pdf(&plan, &Options::new(18.0).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tricky.pdf");
    std::fs::write(&file, &pdf.bytes).unwrap();
    assert!(pdf_text(&file).contains(&normalise(tricky)));
    assert_eq!(
        pdfinfo(&file)["Page size"],
        pdfinfo(&plan_only_pdf().1)["Page size"]
    );
}

#[test]
fn the_html_export_is_one_accessible_page_with_every_commitment() {
    let (_dir, file) = export(&["--format", "html"]);
    assert!(file.ends_with("large-print.html"));
    let html = std::fs::read_to_string(&file).unwrap();
    assert_accessible_page(&html);
    for (_, _, c) in shipped_plan().commitments() {
        assert!(
            html.contains(&planpress::render::escape(&c.text)),
            "{}",
            c.text
        );
    }
    assert!(html.contains("font-size: 150%"), "18pt is 150% of 12pt");
    let (_dir, file) = export(&["--format", "html", "--size", "24", "--out", "lp.html"]);
    assert!(std::fs::read_to_string(file)
        .unwrap()
        .contains("font-size: 200%"));
}

fn assert_accessible_page(html: &str) {
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
    assert_eq!(html.matches("<h1").count(), 1, "one h1");
    assert_eq!(html.matches("<main").count(), 1, "one main landmark");
    assert!(html.contains("<a class=\"skip-link\" href=\"#main-content\">"));
    assert!(html.contains("<main id=\"main-content\""));
    assert!(!html.contains("<em>") && !html.contains("<i>") && !html.contains("<u>"));
    let mut ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "ids are unique");
}

#[test]
fn build_publishes_the_large_print_files_and_every_page_links_to_them() {
    let dir = tempfile::tempdir().unwrap();
    let content = content();
    let out = planpress(
        &[
            "build",
            "--content",
            content.to_str().unwrap(),
            "--out",
            "site",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let site = dir.path().join("site");
    let pdf = site.join("large-print.pdf");
    let pages = page_count(&pdf);
    let size = planpress::words::human_size(std::fs::metadata(&pdf).unwrap().len() as usize);
    let label = format!("Large print version (PDF, {pages} pages, {size})");
    let first = &shipped_plan().statements[0];
    assert!(
        pdf_text(&pdf).contains(&normalise(&first.status_sentence())),
        "the published PDF includes the performance statements"
    );
    let mut checked = 0;
    for entry in walk(&site) {
        let html = || std::fs::read_to_string(&entry).unwrap();
        // A report's pages are frozen as published: they list no file whose size changes
        // with a later report.
        let is_html = entry.extension().is_some_and(|e| e == "html");
        // The Welsh pages (cy/) have the same frozen report pages.
        let in_reports =
            entry.starts_with(site.join("reports")) || entry.starts_with(site.join("cy/reports"));
        if in_reports && !entry.ends_with("reports/index.html") {
            // A report's own paper is a PDF, not a page.
            if !is_html {
                continue;
            }
            assert!(
                !html().contains("Large print version ("),
                "{}",
                entry.display()
            );
            continue;
        }
        // The Welsh pages list the Welsh edition (tests/welsh_editions.rs).
        if entry.extension().is_some_and(|e| e == "html")
            && !entry.ends_with("large-print/index.html")
            && !entry.starts_with(site.join("cy"))
        {
            let html = html();
            assert!(html.contains(&label), "{} lacks {label}", entry.display());
            assert!(html.contains("large-print/index.html\">Large print version (web page)"));
            checked += 1;
        }
    }
    assert!(checked > 30, "{checked} pages checked");
    let home = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(
        home.contains("<a href=\"large-print.pdf\">"),
        "relative link"
    );
    let page = std::fs::read_to_string(site.join("large-print/index.html")).unwrap();
    assert_accessible_page(&page);

    // `export large-print` makes the PDF the website publishes, byte for byte, into the
    // export folder, and says what it holds in the words the web page and --help use.
    let exported = planpress(
        &[
            "export",
            "large-print",
            "--content",
            content.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(exported.status.success(), "{}", stderr(&exported));
    let said = String::from_utf8_lossy(&exported.stdout).into_owned();
    assert!(
        said.starts_with("Exporting large-print to exports/\n"),
        "{said}"
    );
    let holds = "the whole plan with its performance statements";
    assert!(
        said.contains(&format!(
            "Wrote exports/large-print.pdf (18 point, PDF, {pages} pages, {size}: {holds})"
        )),
        "{said}"
    );
    assert!(
        std::fs::read(dir.path().join("exports/large-print.pdf")).unwrap()
            == std::fs::read(&pdf).unwrap()
    );
    assert!(
        page.contains("<p>The whole plan with its performance statements, on one page, set in large print (18 point)."),
        "{page}"
    );
    let help = planpress(&["export", "large-print", "--help"], dir.path());
    let help = String::from_utf8_lossy(&help.stdout).into_owned();
    assert!(
        help.contains(holds) && help.contains("the plan without its performance statements"),
        "{help}"
    );
    // Nothing was written in the folder the commands ran in but the site and the export folder.
    let mut top: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, ["exports", "site"]);
    assert!(page.contains(&format!(
        "href=\"../large-print.pdf\">download the large print version (PDF, {pages} pages, {size})"
    )));
    assert!(String::from_utf8_lossy(&out.stdout).contains("large print"));
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Asserts that no glyph in the PDF is drawn smaller than `size` points, by two measures.
fn assert_smallest_glyph_at_least(pdf: &Path, size: f64) {
    let sizes = glyph_sizes(&std::fs::read(pdf).unwrap());
    assert!(sizes.len() > 1000, "text runs found: {}", sizes.len());
    let smallest = sizes.iter().copied().fold(f64::INFINITY, f64::min);
    let largest = sizes.iter().copied().fold(0.0, f64::max);
    assert!(
        smallest >= size - 0.01,
        "{}: smallest text is {smallest:.2}pt, below {size}pt",
        pdf.display()
    );
    // The measure reads real sizes: body text is exactly the size asked for and the title
    // is twice that.
    assert!((smallest - size).abs() < 0.01, "smallest {smallest:.2}pt");
    assert!(
        (largest - 2.0 * size).abs() < 0.01,
        "largest {largest:.2}pt"
    );
    // Second opinion from poppler: its word boxes run from the font's ascent to its descent
    // (the font descriptor's /Ascent and /Descent, in thousandths of an em) at the size the
    // word is drawn, so a box's height divided by that span is the word's size in points.
    let bytes = std::fs::read(pdf).unwrap();
    let span = font_descriptor_spans(&bytes)
        .into_iter()
        .fold(0.0, f64::max);
    assert!(span > 0.5, "font descriptors found: {span}");
    let layout = poppler("pdftotext", &["-bbox-layout", pdf.to_str().unwrap(), "-"]);
    let mut words = 0;
    let mut smallest_word = f64::INFINITY;
    for line in layout
        .lines()
        .filter(|l| l.trim_start().starts_with("<word "))
    {
        let attr = |name: &str| -> f64 {
            let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            line[start..start + line[start..].find('"').unwrap()]
                .parse()
                .unwrap()
        };
        let word_size = (attr("yMax") - attr("yMin")) / span;
        assert!(word_size >= size - 0.01, "word at {word_size:.2}pt: {line}");
        smallest_word = smallest_word.min(word_size);
        words += 1;
    }
    assert!(
        (smallest_word - size).abs() < 0.05,
        "smallest word {smallest_word:.2}pt"
    );
    assert!(words > 1000, "words measured: {words}");
}

/// (Ascent − Descent) / 1000 of every font descriptor in the PDF.
fn font_descriptor_spans(pdf: &[u8]) -> Vec<f64> {
    let number_after = |body: &[u8], key: &[u8]| -> Option<f64> {
        let at = find(body, key, 0)? + key.len();
        let text = String::from_utf8_lossy(&body[at..(at + 24).min(body.len())]).into_owned();
        let token: String = text
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
            .collect();
        token.parse().ok()
    };
    objects(pdf)
        .values()
        .filter(|body| contains(body, b"/Type/FontDescriptor"))
        .filter_map(|body| {
            Some((number_after(body, b"/Ascent")? - number_after(body, b"/Descent")?) / 1000.0)
        })
        .collect()
}

/// The size, in points on the page, of every text-showing operation in every page's content
/// stream: the font size set by `Tf`, scaled by the text matrix (`Tm`) and the current
/// transformation matrix (`cm`, with `q`/`Q` nesting), measured along the text's vertical
/// axis. Fails if the PDF draws text any other way (form XObjects, Type 3 fonts), so nothing
/// escapes the measurement.
fn glyph_sizes(pdf: &[u8]) -> Vec<f64> {
    assert!(
        !contains(pdf, b"/Subtype/Form") && !contains(pdf, b"/Subtype /Form"),
        "form XObjects would hide text from this measurement"
    );
    assert!(!contains(pdf, b"/Type3"), "Type 3 fonts are not measured");
    let objects = objects(pdf);
    let mut sizes = Vec::new();
    let mut pages = 0;
    for body in objects.values() {
        let dict = &body[..body.len().min(600)];
        let is_page = [&b"/Type/Page/"[..], b"/Type/Page>>", b"/Type /Page "]
            .iter()
            .any(|marker| contains(dict, marker));
        if !is_page {
            continue;
        }
        pages += 1;
        for id in contents_refs(dict) {
            let stream = stream_data(&objects[&id]);
            sizes.extend(sizes_in_content(&stream));
        }
    }
    assert!(pages > 0, "no pages found");
    sizes
}

/// Every `N 0 obj … endobj`, by object number.
fn objects(pdf: &[u8]) -> BTreeMap<u32, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut i = 0;
    while let Some(pos) = find(pdf, b" 0 obj", i) {
        let mut start = pos;
        while start > 0 && pdf[start - 1].is_ascii_digit() {
            start -= 1;
        }
        let number: u32 = std::str::from_utf8(&pdf[start..pos])
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body_start = pos + b" 0 obj".len();
        let end = find(pdf, b"endobj", body_start).unwrap_or(pdf.len());
        out.insert(number, pdf[body_start..end].to_vec());
        i = end;
    }
    out
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// The object numbers in a page's `/Contents` (a single reference or an array).
fn contents_refs(dict: &[u8]) -> Vec<u32> {
    let Some(at) = find(dict, b"/Contents", 0) else {
        return Vec::new();
    };
    let rest = String::from_utf8_lossy(&dict[at + 9..]).into_owned();
    let rest = rest.trim_start();
    let list = if let Some(inner) = rest.strip_prefix('[') {
        inner[..inner.find(']').unwrap()].to_string()
    } else {
        rest.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let tokens: Vec<&str> = list.split_whitespace().collect();
    tokens
        .chunks(3)
        .filter(|c| c.len() == 3 && c[2].starts_with('R'))
        .map(|c| c[0].parse().unwrap())
        .collect()
}

/// A stream object's data, inflated when it is Flate-compressed.
fn stream_data(object: &[u8]) -> Vec<u8> {
    let start = find(object, b"stream", 0).expect("a stream object") + 6;
    let start = start + usize::from(object[start] == b'\r') + 1;
    let end = find(object, b"endstream", start).unwrap();
    let raw = &object[start..end];
    if contains(&object[..start], b"FlateDecode") {
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(raw)
            .read_to_end(&mut out)
            .expect("inflate a content stream");
        out
    } else {
        raw.to_vec()
    }
}

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`, in PDF's row-vector convention.
fn multiply(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

/// Interprets one content stream's graphics and text state operators.
fn sizes_in_content(data: &[u8]) -> Vec<f64> {
    let mut sizes = Vec::new();
    let mut ctm = IDENTITY;
    let mut stack: Vec<Matrix> = Vec::new();
    let mut tm = IDENTITY;
    let mut line = IDENTITY;
    let mut font_size = 0.0;
    let mut numbers: Vec<f64> = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        match c {
            b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0' => i += 1,
            b'%' => {
                while i < data.len() && data[i] != b'\n' {
                    i += 1;
                }
            }
            b'(' => {
                // A literal string: balanced parentheses, backslash escapes.
                let mut depth = 0;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                i += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => {
                numbers.clear();
                i += 2;
            }
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                while i < data.len() && data[i] != b'>' {
                    i += 1;
                }
                i += 1;
            }
            b'[' | b']' | b'{' | b'}' => i += 1,
            b'/' => {
                i += 1;
                while i < data.len() && !b" \n\r\t/[]()<>{}%".contains(&data[i]) {
                    i += 1;
                }
            }
            b'0'..=b'9' | b'-' | b'+' | b'.' => {
                let start = i;
                i += 1;
                while i < data.len() && (data[i].is_ascii_digit() || data[i] == b'.') {
                    i += 1;
                }
                let text = std::str::from_utf8(&data[start..i]).unwrap();
                numbers.push(text.parse().unwrap_or(0.0));
            }
            _ => {
                let start = i;
                while i < data.len() && !b" \n\r\t/[]()<>{}%".contains(&data[i]) {
                    i += 1;
                }
                let op = &data[start..i];
                let last = |k: usize| -> Matrix {
                    let n = &numbers[numbers.len() - k..];
                    [n[0], n[1], n[2], n[3], n[4], n[5]]
                };
                match op {
                    b"q" => stack.push(ctm),
                    b"Q" => ctm = stack.pop().unwrap_or(IDENTITY),
                    b"cm" => ctm = multiply(&last(6), &ctm),
                    b"BT" => {
                        tm = IDENTITY;
                        line = IDENTITY;
                    }
                    b"Tf" => font_size = *numbers.last().unwrap(),
                    b"Tm" => {
                        tm = last(6);
                        line = tm;
                    }
                    b"Td" | b"TD" => {
                        let n = &numbers[numbers.len() - 2..];
                        line = multiply(&[1.0, 0.0, 0.0, 1.0, n[0], n[1]], &line);
                        tm = line;
                    }
                    b"Tj" | b"TJ" | b"'" | b"\"" => {
                        let m = multiply(&tm, &ctm);
                        sizes.push(font_size * (m[2] * m[2] + m[3] * m[3]).sqrt());
                    }
                    _ => {}
                }
                numbers.clear();
            }
        }
    }
    sizes
}
