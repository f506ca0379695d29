//! The Braille edition, checked from the outside: the real `planpress` binary writes the BRF
//! and liblouis reads it back, as a braille reader would, page by page.
//!
//! liblouis and its tables are installed by `.ci/install-test-deps`; without them these tests
//! fail, naming what to install.

mod common;

use common::{stderr, stdout, Site};
use planpress::export::braille::louis::Louis;

fn louis() -> &'static Louis {
    Louis::get().unwrap_or_else(|e| panic!("{e}"))
}

/// The one BRF file in the build's `other-formats/` folder.
fn brf_of(site: &Site) -> (String, Vec<u8>) {
    let files: Vec<_> = site
        .output()
        .into_iter()
        .filter(|(p, _)| p.starts_with("other-formats/") && p.ends_with(".brf"))
        .collect();
    assert_eq!(
        files.len(),
        1,
        "{:?}",
        files.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    files.into_iter().next().unwrap()
}

/// The pages of a BRF file: each a list of lines, the form feeds and CR LFs taken off.
fn pages(brf: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(brf).expect("a BRF file is ASCII");
    assert!(
        text.ends_with("\r\n\x0c"),
        "every page ends with a form feed"
    );
    text.split_terminator('\x0c')
        .map(|p| {
            p.strip_suffix("\r\n")
                .unwrap()
                .split("\r\n")
                .map(String::from)
                .collect()
        })
        .collect()
}

/// Checks the file's characters and each page's size.
fn check_shape(brf: &[u8], cells: usize, lines: usize) -> Vec<Vec<String>> {
    let bad: Vec<u8> = brf
        .iter()
        .copied()
        .filter(|&b| !((0x20..=0x5f).contains(&b) || b == b'\r' || b == b'\n' || b == 0x0c))
        .collect();
    assert!(bad.is_empty(), "not braille ASCII: {bad:?}");
    let pages = pages(brf);
    assert!(pages.len() > 2, "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.len() <= lines,
            "page {} has {} lines",
            i + 1,
            page.len()
        );
        for line in page {
            assert!(
                line.len() <= cells,
                "page {}: {} cells: {line:?}",
                i + 1,
                line.len()
            );
        }
        // The page number stands alone at the right of the last line.
        let last = page.last().unwrap();
        assert!(
            last.len() == cells && last.starts_with("   "),
            "page {}: {last:?}",
            i + 1
        );
    }
    pages
}

/// The whole text back in print, as liblouis reads it: page numbers left out, lines joined.
fn back_translated(pages: &[Vec<String>]) -> String {
    let braille: Vec<&str> = pages
        .iter()
        .flat_map(|p| p[..p.len() - 1].iter())
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    louis().back_translate(&braille.join(" ")).unwrap()
}

/// Lower case letters and digits, one space between words: what is compared.
fn words(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_shipped_plan_reads_back_with_every_commitment() {
    let site = Site::shipped();
    site.build();
    let (path, brf) = brf_of(&site);
    let pages = check_shape(&brf, 40, 25);
    let print = words(&back_translated(&pages));
    let plan = planpress::read_plan(&site.path("content")).unwrap();
    let mut missing = Vec::new();
    let mut count = 0;
    for (_, _, c) in plan.commitments() {
        count += 1;
        if !print.contains(&words(&c.text)) {
            missing.push(c.text.clone());
        }
    }
    assert!(count > 50, "{count} commitments");
    assert!(
        missing.is_empty(),
        "{path}: not found after back-translation:\n{}",
        missing.join("\n")
    );
    assert!(
        print.contains(&words(&plan.meta.title)),
        "the title page names the plan"
    );
    // The site lists it with its size: the BRF is a download of the build.
    assert!(brf.len() > 50_000, "{} bytes", brf.len());
}

#[test]
fn export_lays_the_edition_out_for_the_size_asked() {
    let site = Site::minimal();
    let out = site.run(&[
        "export", "braille", "--cells", "32", "--lines", "20", "--out", "plan.brf",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("32 cells by 20 lines"),
        "{}",
        stdout(&out)
    );
    let brf = std::fs::read(site.path("plan.brf")).unwrap();
    let pages = check_shape(&brf, 32, 20);
    let plan = planpress::read_plan(&site.path("content")).unwrap();
    let print = words(&back_translated(&pages));
    for (_, _, c) in plan.commitments() {
        assert!(
            print.contains(&words(&c.text)),
            "{:?} not in {print}",
            c.text
        );
    }
    // Lists are numbered: the first commitment begins "1." (#A4 in braille ASCII).
    assert!(brf.windows(3).any(|w| w == b"#A4"));
}

#[test]
fn page_sizes_no_braille_page_has_are_refused() {
    let site = Site::minimal();
    for (flag, value, says) in [("--cells", "12", "20 to 100"), ("--lines", "2", "4 to 100")] {
        let out = site.run(&["export", "braille", flag, value, "--out", "x.brf"]);
        assert!(!out.status.success());
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
        assert!(!site.path("x.brf").exists());
    }
}

#[test]
fn without_liblouis_the_build_says_so_once_and_leaves_braille_out() {
    let site = Site::minimal();
    let out = site
        .command(&[
            "build",
            "--themes-dir",
            common::repo().join("themes").to_str().unwrap(),
        ])
        .env("PLANPRESS_LIBLOUIS", site.path("no-such-liblouis.so"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("Braille")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].contains("liblouis") && lines[0].contains("liblouis-data"),
        "{err}"
    );
    assert!(
        stdout(&out).contains("Braille: left out"),
        "{}",
        stdout(&out)
    );
    assert!(
        !site.output().iter().any(|(p, _)| p.ends_with(".brf")),
        "no BRF file without liblouis"
    );
    // And `export braille` fails with the same reason.
    let out = site
        .command(&["export", "braille"])
        .env("PLANPRESS_LIBLOUIS", site.path("no-such-liblouis.so"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("liblouis-data"), "{}", stderr(&out));
}

#[test]
fn odd_characters_and_overlong_words_stay_braille_ascii_within_the_line() {
    let site = Site::minimal();
    let plan = planpress::read_plan(&site.path("content")).unwrap();
    let (_, _, first) = plan.commitments().next().unwrap();
    let long = "Supercalifragilisticexpialidocious".repeat(3);
    let odd = format!("Keep 😀 streets\u{202e} safe\u{a0}— “quoted” café {long} ∑ 中文 end");
    // The first commitment's text, wherever it is written, becomes the odd one.
    let file = walkdir::WalkDir::new(site.path("content"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .find(|p| p.is_file() && std::fs::read_to_string(p).unwrap().contains(&first.text))
        .unwrap();
    let rel = file
        .strip_prefix(site.dir.path())
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    site.edit(&rel, &first.text, &odd);
    // The large print's font has no emoji or Chinese, and refuses them: left out here.
    let themes = common::repo().join("themes");
    let out = site.run(&[
        "build",
        "--no-large-print",
        "--themes-dir",
        themes.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (_, brf) = brf_of(&site);
    let pages = check_shape(&brf, 40, 25);
    let print = words(&back_translated(&pages));
    assert!(print.contains("keep streets safe"), "{print}");
    assert!(print.contains("quoted caf"), "{print}");
}
