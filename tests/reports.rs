//! Reporting periods: the shipped plan's figures, and every figure its pages show, survive the
//! move into its first report.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use common::{normalise_download_sizes, strip_tags, Site};

/// Every figure each page of the shipped plan's site showed before its figures moved into
/// reports: one `page<TAB>figure` line per figure string, from [`figures_on_pages`].
const FIGURES_BEFORE: &str = "tests/fixtures/reports/figures-before.txt";

/// The shipped plan, built once for the tests that read its pages.
fn shipped() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = Site::shipped();
        site.build();
        site
    })
}

/// The figure strings of a text: a run of digits (with thousands commas and one decimal
/// point), with the sign before it and the per cent sign after it when there are.
fn figures_in(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let mut start = i;
        if i > 0 && matches!(chars[i - 1], '-' | '+' | '−') {
            start = i - 1;
        }
        let mut j = i;
        while j < chars.len() {
            let c = chars[j];
            let joins = matches!(c, ',' | '.')
                && chars.get(j + 1).is_some_and(char::is_ascii_digit)
                && j > i;
            if c.is_ascii_digit() || joins {
                j += 1;
            } else {
                break;
            }
        }
        if chars.get(j) == Some(&'%') {
            j += 1;
        }
        out.push(chars[start..j].iter().collect());
        i = j;
    }
    out
}

/// Every figure string in the main content of every page under `site` (file sizes and page
/// counts of downloads left out: they change with any edit), by page.
fn figures_on_pages(site: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut pages = BTreeMap::new();
    for (path, bytes) in common::read_tree(site) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = normalise_download_sizes(&String::from_utf8(bytes).unwrap());
        let main = match (html.find("<main"), html.find("</main>")) {
            (Some(a), Some(b)) => &html[a..b],
            _ => &html[..],
        };
        let figures: BTreeSet<String> = figures_in(&strip_tags(main)).into_iter().collect();
        pages.insert(path, figures);
    }
    pages
}

#[test]
fn figures_are_read_with_their_signs_commas_and_per_cent() {
    assert_eq!(
        figures_in("21,009 in Quarter 1 2021/22; -29% and 24.2%, 1.5. Up 3."),
        ["21,009", "1", "2021", "22", "-29%", "24.2%", "1.5", "3"]
    );
}

/// Every figure string on every page of the shipped plan's site, as it was built before its
/// figures moved into `content/reports/`, is still on the same page. The list was recorded
/// from that build: `PLANPRESS_RECORD_FIGURES=1 cargo test --test reports` writes it again
/// from the current build (and then passes only if it could write it).
#[test]
fn every_figure_the_site_showed_before_reports_is_still_shown() {
    let now = figures_on_pages(&shipped().path("public"));
    let list = common::repo().join(FIGURES_BEFORE);
    if std::env::var_os("PLANPRESS_RECORD_FIGURES").is_some() {
        let mut text = String::new();
        for (page, figures) in &now {
            for f in figures {
                text.push_str(&format!("{page}\t{f}\n"));
            }
        }
        fs::create_dir_all(list.parent().unwrap()).unwrap();
        fs::write(&list, text).unwrap();
        return;
    }
    let before = fs::read_to_string(&list).unwrap();
    let mut checked = 0;
    let mut missing = Vec::new();
    for line in before.lines() {
        let (page, figure) = line.split_once('\t').unwrap();
        checked += 1;
        if !now.get(page).is_some_and(|f| f.contains(figure)) {
            missing.push(format!("{page}: {figure}"));
        }
    }
    assert!(
        checked > 1_000,
        "only {checked} figures in {FIGURES_BEFORE}"
    );
    assert!(
        missing.is_empty(),
        "{} of {checked} figures are no longer shown:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
