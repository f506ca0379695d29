//! The large-print PDF read as a screen reader or a PDF/UA checker reads it: its structure tree
//! walked by `tests/pdf/structure.py` (pikepdf), which fails on a nested list outside its
//! item's LBody, a Caption outside its Table, an inline element or text straight under
//! Document, Sect or Div, a skipped heading level, a TH without /Scope, a link annotation
//! without clean /Contents, and a page that ends with a heading, caption or lead-in.
//!
//! Every plan's PDF is checked: the shipped plan, the fixture made to have nested lists and a
//! long table, and each example plan. Then the checks are shown to fail: on PDFs Typst makes
//! when the faults are written the way Typst does by default, and on trees broken one check
//! at a time (`structure.py --self-test`).
//!
//! pikepdf is installed by `.ci/install-test-deps` into `tests/pdf/.venv`; `PLANPRESS_PYTHON`
//! may name another Python that has it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use planpress::export::large_print::world;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn checker() -> PathBuf {
    repo().join("tests/pdf/structure.py")
}

/// A Python that can import pikepdf.
fn python() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| {
        let mut candidates: Vec<PathBuf> = Vec::new();
        if let Some(p) = std::env::var_os("PLANPRESS_PYTHON") {
            candidates.push(p.into());
        }
        candidates.push(repo().join("tests/pdf/.venv/bin/python3"));
        candidates.push("python3".into());
        candidates
            .into_iter()
            .find(|p| {
                Command::new(p)
                    .args(["-c", "import pikepdf"])
                    .output()
                    .is_ok_and(|o| o.status.success())
            })
            .unwrap_or_else(|| {
                panic!(
                    "the structure checks need Python with pikepdf: run `bash .ci/install-test-deps` (it makes tests/pdf/.venv), or set PLANPRESS_PYTHON to a Python that has pikepdf"
                )
            })
    })
}

/// Runs the checker on some PDFs.
fn run_checker(args: &[&Path]) -> Output {
    Command::new(python())
        .arg(checker())
        .args(args)
        .output()
        .expect("run tests/pdf/structure.py")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// What the checker said about each file: the checks that failed (with their messages) and
/// its counts of what it looked at.
#[derive(Debug, Default)]
struct Verdict {
    faults: Vec<(String, String)>,
    counts: BTreeMap<String, usize>,
}

fn verdicts(out: &str) -> BTreeMap<String, Verdict> {
    let mut by_file: BTreeMap<String, Verdict> = BTreeMap::new();
    for line in out.lines() {
        if let Some(rest) = line.strip_prefix("FAULT ") {
            let mut parts = rest.splitn(3, ' ');
            let (check, file, message) = (
                parts.next().unwrap_or_default(),
                parts.next().unwrap_or_default(),
                parts.next().unwrap_or_default(),
            );
            by_file
                .entry(file.to_string())
                .or_default()
                .faults
                .push((check.to_string(), message.to_string()));
        } else if let Some(rest) = line.strip_prefix("checked ") {
            let (file, summary) = rest.split_once(": ").expect("checked FILE: counts");
            let counts = &mut by_file.entry(file.to_string()).or_default().counts;
            for part in summary.split(&[',', ';'][..]) {
                let part = part.trim();
                if let Some((n, what)) = part.split_once(' ') {
                    if let Ok(n) = n.parse() {
                        counts.insert(what.to_string(), n);
                    }
                }
            }
        }
    }
    by_file
}

/// Exports a plan's large-print PDF as `planpress build` publishes it (18 point, with the
/// performance statements).
fn export(content: &Path, out: &Path) {
    let o = Command::new(env!("CARGO_BIN_EXE_planpress"))
        .args(["export", "large-print", "--with-performance", "--content"])
        .arg(content)
        .arg("--out")
        .arg(out)
        .output()
        .expect("run planpress");
    assert!(
        o.status.success(),
        "export of {} failed: {}",
        content.display(),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The shipped plan, the structure fixture and every example plan (a folder under
/// `examples/` holding `_index.md`, or `content/_index.md`).
fn plans() -> Vec<(String, PathBuf)> {
    let mut plans = vec![
        ("shipped".to_string(), repo().join("content")),
        (
            "fixture".to_string(),
            repo().join("tests/fixtures/large-print-structure/content"),
        ),
    ];
    if let Ok(entries) = std::fs::read_dir(repo().join("examples")) {
        let mut examples: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        examples.sort();
        for dir in examples {
            let content = [dir.clone(), dir.join("content")]
                .into_iter()
                .find(|d| d.join("_index.md").is_file());
            if let Some(content) = content {
                let name = dir.file_name().unwrap().to_string_lossy().into_owned();
                plans.push((format!("example-{name}"), content));
            }
        }
    }
    plans
}

#[test]
fn every_plan_s_large_print_pdf_has_a_sound_structure_tree() {
    let dir = tempfile::tempdir().unwrap();
    let plans = plans();
    let pdfs: Vec<PathBuf> = plans
        .iter()
        .map(|(name, content)| {
            let pdf = dir.path().join(format!("{name}.pdf"));
            export(content, &pdf);
            pdf
        })
        .collect();
    let args: Vec<&Path> = pdfs.iter().map(PathBuf::as_path).collect();
    let out = run_checker(&args);
    let text = stdout(&out);
    let verdicts = verdicts(&text);
    for pdf in &pdfs {
        let v = verdicts
            .get(pdf.to_str().unwrap())
            .unwrap_or_else(|| panic!("nothing said about {}: {text}", pdf.display()));
        assert!(
            v.faults.is_empty(),
            "{} has faults in its structure tree:\n{text}",
            pdf.display()
        );
        // The checker looked at something: a tree, headings, lines on the pages.
        for what in ["elements", "headings", "lines", "links"] {
            assert!(
                v.counts.get(what).copied().unwrap_or(0) > 0,
                "no {what} checked in {}: {text}",
                pdf.display()
            );
        }
    }
    assert!(out.status.success(), "{text}");
    // The fixture has what it is there for, so its passing means something.
    let fixture = &verdicts[pdfs[1].to_str().unwrap()];
    for (what, at_least) in [
        ("nested lists", 5),
        ("tables over pages", 1),
        ("captions", 1),
    ] {
        assert!(
            fixture.counts[what] >= at_least,
            "the fixture's PDF has {} {what}, fewer than {at_least}: {text}",
            fixture.counts[what]
        );
    }
    let shipped = &verdicts[pdfs[0].to_str().unwrap()];
    assert!(
        shipped.counts["tables"] > 20 && shipped.counts["TH"] > 200,
        "{text}"
    );
}

/// A page set up as the edition's is (A4, page numbers in the footer, Liberation Sans at 18
/// point, British English), for the faulty sources below.
const PAGE: &str = r#"#set document(title: "Fault")
#set page(paper: "a4", margin: (x: 20mm, top: 20mm, bottom: 28mm), footer: context align(center)[#counter(page).display()])
#set text(font: "Liberation Sans", size: 18pt, lang: "en", region: "GB")
#set list(marker: [•])
"#;

/// Typst sources written the way Typst reads them by default, without the markup planpress
/// writes around them, each with the checks it must fail.
fn faulty_sources() -> Vec<(&'static str, String, Vec<&'static str>)> {
    let mut figures = String::from("= Tables\n");
    // The same table at every height on the page: where the heading after it moves to the
    // next page, Typst tags the caption beside the table; where only the caption fits, it is
    // left alone at the foot of the page.
    for n in 0..16 {
        if n > 0 {
            figures.push_str("#pagebreak()\n");
        }
        let _ = writeln!(figures, "== Section {n}");
        for _ in 0..n {
            figures.push_str("A line of text.\n\n");
        }
        figures.push_str(
            "#figure(kind: table, caption: [Calls by week, with the trend], table(columns: 3, table.header[Week][Calls][Trend], [1], [100], [Rising], [2], [120], [Rising], [3], [90], [Falling], [4], [95], [Rising]))\n\n== After the table\nText after the table.\n\n",
        );
    }
    vec![
        (
            "nested-list",
            // A list at the end of a list item is tagged beside the item, not in its LBody.
            "= Lists\n#list([Outer item #list([inner one], [inner two])], [Second item])\n"
                .to_string(),
            vec!["list"],
        ),
        (
            "bold-block",
            // A block holding only inline content is no paragraph: the bold run is tagged
            // straight under Document.
            "= Leads\n#block[#strong[I will:]]\n#list([Act.], [Report.])\n".to_string(),
            vec!["inline"],
        ),
        (
            "outline",
            // Typst describes an unnumbered contents entry's link as " “Title” page N".
            "#outline()\n= First part\nText.\n= Second part\nText.\n".to_string(),
            vec!["link"],
        ),
        (
            "heading-at-foot",
            "= Part\nText.\n== A heading\n#pagebreak()\nIts text, on the next page.\n".to_string(),
            vec!["page-end"],
        ),
        (
            "lead-at-foot",
            "= Part\nText.\n\n#par[#strong[I will:]]\n#pagebreak()\n#list([Act.], [Report.])\n"
                .to_string(),
            vec!["page-end"],
        ),
        ("figures", figures, vec!["caption", "page-end"]),
    ]
}

#[test]
fn the_checks_fail_on_the_faults_typst_makes_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let cases = faulty_sources();
    let mut pdfs = Vec::new();
    for (name, body, _) in &cases {
        let compiled = world::compile_pdf(format!("{PAGE}{body}"), Some((2024, 5, 1)))
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let pdf = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&pdf, compiled.bytes).unwrap();
        pdfs.push(pdf);
    }
    let args: Vec<&Path> = pdfs.iter().map(PathBuf::as_path).collect();
    let out = run_checker(&args);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let verdicts = verdicts(&text);
    for ((name, _, expected), pdf) in cases.iter().zip(&pdfs) {
        let v = &verdicts[pdf.to_str().unwrap()];
        for check in expected {
            assert!(
                v.faults.iter().any(|(c, _)| c == check),
                "{name}: the {check} check did not fail:\n{text}"
            );
        }
    }
}

#[test]
fn each_check_fails_on_a_tree_broken_its_way() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("fixture.pdf");
    export(
        &repo().join("tests/fixtures/large-print-structure/content"),
        &pdf,
    );
    let out = run_checker(&[Path::new("--self-test"), &pdf]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    for check in [
        "list", "table", "caption", "scope", "toc", "inline", "heading", "link", "page-end",
    ] {
        assert!(
            text.contains(&format!("self-test: the {check} check catches: ")),
            "{check}: {text}"
        );
    }
    assert!(
        text.contains("self-test: 9 of 9 checks caught their fault"),
        "{text}"
    );
}

#[test]
fn a_pdf_without_a_structure_tree_is_refused_not_passed() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("untagged.pdf");
    // The smallest PDF there is: one empty page, no /StructTreeRoot.
    let body = "%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n";
    let mut file = body.to_string();
    let offsets: Vec<usize> = ["1 0 obj", "2 0 obj", "3 0 obj"]
        .iter()
        .map(|o| body.find(o).unwrap())
        .collect();
    let xref = file.len();
    file.push_str("xref\n0 4\n0000000000 65535 f \n");
    for o in offsets {
        let _ = writeln!(file, "{o:010} 00000 n ");
    }
    let _ = write!(
        file,
        "trailer<</Size 4/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n"
    );
    std::fs::write(&pdf, file).unwrap();
    let out = run_checker(&[&pdf]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("no structure tree"), "{text}");
}
