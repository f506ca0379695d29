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
/// point), with the sign before it and the per cent sign after it when there are. A minus
/// sign is read as a hyphen-minus, however it is typeset; an en dash joins a range
/// ("2021–2025"), so it is no sign.
fn figures_in(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let mut sign = None;
        if i > 0 && matches!(chars[i - 1], '-' | '+' | '−') {
            sign = Some(if chars[i - 1] == '+' { '+' } else { '-' });
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
        out.push(
            sign.into_iter()
                .chain(chars[i..j].iter().copied())
                .collect(),
        );
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
    assert_eq!(
        figures_in("Plan 2021\u{2013}2025: \u{2212}10% and +5%"),
        ["2021", "2025", "-10%", "+5%"]
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

/// The shipped plan with the second report, built once.
fn built_with_q2() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = Site::shipped_with_q2();
        site.build();
        site
    })
}

fn page(site: &Site, path: &str) -> String {
    fs::read_to_string(site.path(&format!("public/{path}")))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The rows of the "Report by report" table: each report's title, figure and status.
fn by_report_rows(html: &str) -> Vec<(String, String, String)> {
    let start = html
        .find("id=\"by-report-caption\"")
        .expect("a report-by-report table");
    let end = start + html[start..].find("</table>").unwrap();
    html[start..end]
        .split("<tr>")
        .skip(2)
        .map(|row| {
            let cells: Vec<String> = row
                .split("<t")
                .skip(1)
                .map(|c| strip_tags(&format!("<t{c}")).trim().to_string())
                .filter(|c| !c.is_empty())
                .collect();
            (cells[0].clone(), cells[1].clone(), cells[3].clone())
        })
        .collect()
}

#[test]
fn statement_pages_show_every_published_report_in_the_chart_and_the_table() {
    let site = built_with_q2();
    let html = page(site, "performance/all-crime/index.html");
    assert_eq!(
        by_report_rows(&html),
        [
            (
                "Quarter 1 2021/22".to_string(),
                "21,009".to_string(),
                "● Within control limits".to_string()
            ),
            (
                "Quarter 2 2021/22".to_string(),
                "22,350".to_string(),
                "● Within control limits".to_string()
            ),
        ]
    );
    // The chart plots both reports' figures, each labelled, over both reports' names.
    let svg = &html[html.find("id=\"chart-by-report-title\"").expect("a chart")..];
    let svg = &svg[..svg.find("</svg>").unwrap()];
    for text in [
        "Quarter 1 2021/22",
        "Quarter 2 2021/22",
        ">21,009<",
        ">22,350<",
    ] {
        assert!(svg.contains(text), "the chart lacks {text}");
    }
    assert_eq!(svg.matches("<circle class=\"chart-point").count(), 2);
    // The latest figures are the second report's, and the page says what changed since the
    // first, in words.
    assert!(html.contains("22,350 (Quarter 2 2021/22 (July to September 2021))"));
    assert!(html.contains("What has changed since Quarter 1 2021/22"));
    assert!(
        html.contains("The latest figure rose from 21,009 in"),
        "{html}"
    );
    assert!(html.contains("to 22,350, an increase of 6%."));
    // A status that changed is said to have changed.
    let hate = page(site, "performance/hate-crime-recorded/index.html");
    assert!(hate
        .contains("Its status changed from above upper control limit to within control limits."));
    // The series over time is every month the two reports give, each once.
    let val = page(site, "performance/victims-advice-line-referrals/index.html");
    let months: Vec<&str> = [
        "April 2021",
        "May 2021",
        "June 2021",
        "July 2021",
        "August 2021",
        "September 2021",
    ]
    .into_iter()
    .collect();
    let at: Vec<usize> = months
        .iter()
        .map(|m| {
            val.find(&format!("<th scope=\"row\">{m}</th>"))
                .unwrap_or_else(|| panic!("no row {m}"))
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "months in order");
    assert_eq!(val.matches("<th scope=\"row\">June 2021</th>").count(), 1);
    // A statement the second report does not give keeps the first report's figures, and the
    // performance page says where they are from.
    let index = page(site, "performance/index.html");
    assert!(index.contains("These are the figures of the latest report, for <a href=\"../reports/2021-22-q2/index.html\">Quarter 2 2021/22</a>"));
    assert!(index.contains("(from the report for Quarter 1 2021/22)"));
    let outcomes = page(site, "performance/outcomes/index.html");
    assert_eq!(by_report_rows(&outcomes).len(), 1);
    // Every report is listed, newest first.
    let list = page(site, "reports/index.html");
    let (q2, q1) = (
        list.find("Quarter 2 2021/22").unwrap(),
        list.find("Quarter 1 2021/22").unwrap(),
    );
    assert!(q2 < q1);
}

/// The text of a PDF as poppler's `pdftotext` reads it, white space made single spaces.
fn pdf_text(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed: bash .ci/install-test-deps");
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn each_report_is_a_large_print_panel_paper_of_its_own_figures() {
    let site = built_with_q2();
    for (id, title, has, lacks) in [
        ("2021-22-q1", "Quarter 1 2021/22", "21,009", "22,350"),
        ("2021-22-q2", "Quarter 2 2021/22", "22,350", "21,497"),
    ] {
        let pdf = site.path(&format!("public/reports/{id}/large-print.pdf"));
        let bytes = fs::read(&pdf).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert!(bytes.starts_with(b"%PDF-"));
        // Linked from the report's page, with its pages and size.
        let html = page(site, &format!("reports/{id}/index.html"));
        let size = planpress::words::human_size(bytes.len());
        let link = format!("<a href=\"../../reports/{id}/large-print.pdf\">This report in large print, 18 point (PDF, ");
        let at = html
            .find(&link)
            .unwrap_or_else(|| panic!("{id}: no link to its paper"));
        let label = &html[at + link.len()..];
        assert!(
            label.starts_with(&format!("{} pages, {size})</a>", pdf_pages(&pdf))),
            "{id}: {}",
            &label[..60.min(label.len())]
        );
        let text = pdf_text(&pdf);
        assert!(
            text.contains(&format!("{title} performance report")),
            "{id}"
        );
        assert!(text.contains("Large print edition (18 point)"), "{id}");
        assert!(text.contains("All crime recorded, by crime type"), "{id}");
        assert!(text.contains(has), "{id} lacks its figure {has}");
        assert!(
            !text.contains(lacks),
            "{id} gives {lacks}, another report's figure"
        );
        // And in standard print, the same words in fewer pages.
        let standard = site.path(&format!("public/reports/{id}/report.pdf"));
        let size = planpress::words::human_size(fs::metadata(&standard).unwrap().len() as usize);
        let pages = pdf_pages(&standard);
        assert!(
            pages < pdf_pages(&pdf),
            "{id}: {pages} pages in standard print"
        );
        assert!(
            html.contains(&format!("<a href=\"../../reports/{id}/report.pdf\">This report, standard print (PDF, {pages} pages, {size})</a>")),
            "{id}: no link to its standard print paper"
        );
        let words = pdf_text(&standard);
        assert!(words.contains("Standard print edition (12 point)"), "{id}");
        assert!(words.contains(has) && !words.contains(lacks), "{id}");
    }
    // Only a report's own page links its paper.
    assert!(!page(site, "reports/2021-22-q2/index.html").contains("2021-22-q1/large-print.pdf"));
    assert!(!page(site, "performance/index.html").contains("reports/2021-22-q1/large-print.pdf"));
}

#[test]
fn a_reports_paper_is_typeset_again_only_when_it_changes() {
    let site = Site::shipped();
    let summary = |out: &std::process::Output| common::stdout(out);
    let first = summary(&site.build());
    assert!(
        first.contains("and the Panel papers of 1 report;"),
        "{first}"
    );
    let pdf = site.path("public/reports/2021-22-q1/large-print.pdf");
    let before = fs::read(&pdf).unwrap();
    let again = summary(&site.build());
    assert!(
        again.contains("and the Panel papers of 1 report, unchanged;"),
        "{again}"
    );
    assert_eq!(
        fs::read(&pdf).unwrap(),
        before,
        "the kept paper is the same file"
    );
    // A change to what the paper says typesets it again.
    site.edit(
        "content/reports/2021-22-q1/_index.md",
        "The force's quarterly performance report",
        "The force's quarterly report",
    );
    let edited = summary(&site.build());
    assert!(
        edited.contains("and the Panel papers of 1 report;"),
        "{edited}"
    );
    assert_ne!(fs::read(&pdf).unwrap(), before);
}

/// How many pages poppler's `pdfinfo` counts in a PDF.
fn pdf_pages(pdf: &Path) -> usize {
    let out = std::process::Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) must be installed: bash .ci/install-test-deps");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the page count")
}

#[test]
fn the_performance_page_links_the_table_of_every_reports_figures() {
    let site = built_with_q2();
    let csv = fs::read(site.path("public/data/reports.csv")).unwrap();
    let index = page(site, "performance/index.html");
    let link = format!(
        "<a href=\"../data/reports.csv\">Download the figures of every report (CSV, {})</a>",
        planpress::words::human_size(csv.len())
    );
    assert!(index.contains(&link), "{index}");
    // A report's own pages list only its own downloads, so they stay as published.
    assert!(!page(site, "reports/2021-22-q1/index.html").contains("reports.csv"));
}

#[test]
fn the_first_reports_pages_are_byte_identical_after_a_second_is_added() {
    let folder = "reports/2021-22-q1/";
    let of = |site: &Site| -> Vec<(String, Vec<u8>)> {
        site.output()
            .into_iter()
            .filter(|(p, _)| p.starts_with(folder))
            .collect()
    };
    let before = of(shipped());
    let after = of(built_with_q2());
    assert!(before.len() > 30, "{} files in {folder}", before.len());
    let names =
        |files: &[(String, Vec<u8>)]| files.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(names(&before), names(&after));
    for ((path, a), (_, b)) in before.iter().zip(&after) {
        assert!(a == b, "{path} changed when the second report was added");
    }
    // While the pages that show the latest report did change.
    assert_ne!(
        fs::read(shipped().path("public/performance/all-crime/index.html")).unwrap(),
        fs::read(built_with_q2().path("public/performance/all-crime/index.html")).unwrap()
    );
}

#[test]
fn a_figure_for_one_period_that_two_reports_give_differently_is_an_error_naming_both() {
    let site = Site::shipped_with_q2();
    site.edit(
        "content/reports/2021-22-q2/all-crime.md",
        "previous:\n  value: 21009",
        "previous:\n  value: 21100",
    );
    let out = site.run(&["check"]);
    assert!(!out.status.success());
    let err = common::stderr(&out);
    assert!(
        err.contains("content/reports/2021-22-q2/all-crime.md:6:3: error: the figure for \"Quarter 1 2021/22 (April to June 2021)\" is 21,100 here but 21,009 in content/reports/2021-22-q1/all-crime.md:3"),
        "{err}"
    );
    assert!(err.contains("must be the same in every report"), "{err}");
    // A breakdown item's figure and an area's figure in a series are checked alike.
    let site = Site::shipped_with_q2();
    site.edit(
        "content/reports/2021-22-q2/victims-advice-line-referrals.md",
        "  - period: June 2021\n    value: 22.6",
        "  - period: June 2021\n    value: 22.7",
    );
    let err = common::stderr(&site.run(&["check"]));
    assert!(
        err.contains("victims-advice-line-referrals.md:17:13: error: the figure for \"June 2021\" is 22.7 here but 22.6 in content/reports/2021-22-q1/victims-advice-line-referrals.md:46"),
        "{err}"
    );
}

#[test]
fn new_report_starts_a_draft_that_check_lists_as_incomplete() {
    let site = Site::shipped();
    let out = site.run(&["new", "report", "2021-22-q2"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let said = common::stdout(&out);
    assert!(
        said.starts_with("Started the report for Quarter 2 2021/22 in content/reports/2021-22-q2 from the statements of Quarter 1 2021/22: 33 files,"),
        "{said}"
    );
    assert!(
        said.contains("[ ] content/reports/2021-22-q2/all-crime.md:"),
        "{said}"
    );
    let index = fs::read_to_string(site.path("content/reports/2021-22-q2/_index.md")).unwrap();
    assert_eq!(
        index,
        "---\ntitle: Quarter 2 2021/22\nstart: 2021-07-01\nend: 2021-09-30\npresented:\nstatus: draft\nsource:\n---\n"
    );
    // Every figure is blank; the shape (breakdowns, item labels, areas) is the last report's.
    let crime = fs::read_to_string(site.path("content/reports/2021-22-q2/all-crime.md")).unwrap();
    assert!(
        crime.starts_with("---\nlatest:\n  value:\n  period:\n"),
        "{crime}"
    );
    assert!(crime.contains("      - label: Violence With Injury\n        value:\n"));
    // No figure is carried over: the only digits left are in the words on how the control
    // limits are set.
    for line in crime
        .lines()
        .filter(|l| l.chars().any(|c| c.is_ascii_digit()))
    {
        assert!(
            line.trim_start()
                .starts_with("basis: Two standard deviations"),
            "{line}"
        );
    }
    // check passes, and lists what the draft lacks, with its line.
    let out = site.run(&["check"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let listed = common::stdout(&out);
    assert!(
        listed.contains("The draft report Quarter 2 2021/22 is incomplete:"),
        "{listed}"
    );
    assert!(listed.contains("content/reports/2021-22-q2/_index.md:5:1: to fill in: presented\n"));
    assert!(listed
        .contains("content/reports/2021-22-q2/all-crime.md:3:3: to fill in: latest › value\n"));
    assert!(listed.contains(
        "content/reports/2021-22-q2/all-crime.md:21:9: to fill in: breakdowns › Recorded crime by crime type › Violence With Injury › value\n"
    ), "{listed}");
    // It builds, and it is not the latest report until it is published.
    site.build();
    let index = page(&site, "performance/index.html");
    assert!(
        index.contains("for <a href=\"../reports/2021-22-q1/index.html\">Quarter 1 2021/22</a>")
    );
    let draft = page(&site, "reports/2021-22-q2/index.html");
    assert!(draft.contains("<strong class=\"tag\">Draft</strong>"));
    // Its Panel paper says it is a draft.
    let paper = pdf_text(&site.path("public/reports/2021-22-q2/large-print.pdf"));
    assert!(
        paper.contains("Draft. This report is being filled in"),
        "{paper}"
    );
    // Asking again for a report that is there changes nothing.
    let again = site.run(&["new", "report", "2021-22-q2"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(common::stderr(&again).contains("the report \"2021-22-q2\" is already there"));
    // Published as it is, each blank is an error.
    site.edit(
        "content/reports/2021-22-q2/_index.md",
        "status: draft",
        "status: published",
    );
    let err = common::stderr(&site.run(&["check"]));
    assert!(err.contains("content/reports/2021-22-q2/all-crime.md:3:3: error: \"latest › value\" is blank in a published report"), "{err}");
    assert!(
        err.contains("_index.md:5:1: error: \"presented\" is blank in a published report"),
        "{err}"
    );
}

/// The minimal plan turned into one that reports: its statement's figures moved into a
/// report for `2024-25-q1`.
fn minimal_reporting() -> Site {
    let site = Site::minimal();
    site.write(
        "content/performance/calls-answered.md",
        "---\nmeasure: 999 calls answered within 10 seconds\nunit: percent\nbetter: higher\ntarget:\n  text: 90% answered within 10 seconds\n  value: 90\npriorities: [safer-streets]\n---\n",
    );
    site.write(
        "content/reports/2024-25-q1/_index.md",
        &report_index(
            "Quarter 1 2024/25",
            "2024-04-01",
            "2024-06-30",
            "2024-07-20",
        ),
    );
    site.write(
        "content/reports/2024-25-q1/calls-answered.md",
        "---\nlatest:\n  value: 93\n  period: June 2024\n---\n- Calls were answered promptly.\n",
    );
    site
}

fn report_index(title: &str, start: &str, end: &str, presented: &str) -> String {
    format!("---\ntitle: {title}\nstart: {start}\nend: {end}\npresented: {presented}\nstatus: published\nsource: Test force performance report\n---\n")
}

/// `planpress check`'s messages, asserting it failed.
fn problems(site: &Site) -> String {
    let out = site.run(&["check"]);
    assert!(
        !out.status.success(),
        "check passed:\n{}",
        common::stdout(&out)
    );
    common::stderr(&out)
}

#[test]
fn a_minimal_plan_reports_through_a_report() {
    let site = minimal_reporting();
    let out = site.run(&["check"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(common::stdout(&out).contains("1 report)"));
}

#[test]
fn hostile_reports_are_located_errors() {
    // A report naming a statement that does not exist.
    let site = minimal_reporting();
    site.write(
        "content/reports/2024-25-q1/calls-answerd.md",
        "---\nlatest:\n  value: 1\n  period: June 2024\n---\n",
    );
    let err = problems(&site);
    assert!(err.contains("content/reports/2024-25-q1/calls-answerd.md: error: there is no performance statement with the id \"calls-answerd\" for this report to give figures for\n  help: did you mean \"calls-answered\"? rename the file to calls-answered.md"), "{err}");

    // The same period twice, and a period overlapping another.
    let site = minimal_reporting();
    site.write(
        "content/reports/again/_index.md",
        &report_index("Again", "2024-04-01", "2024-06-30", "2024-07-20"),
    );
    let err = problems(&site);
    assert!(err.contains("content/reports/again/_index.md:3:1: error: this report is for the same period as content/reports/2024-25-q1/_index.md (2024-04-01 to 2024-06-30)"), "{err}");
    let site = minimal_reporting();
    site.write(
        "content/reports/overlap/_index.md",
        &report_index("Overlap", "2024-06-01", "2024-08-31", "2024-09-20"),
    );
    assert!(problems(&site).contains("content/reports/overlap/_index.md:3:1: error: this report's period (2024-06-01 to 2024-08-31) overlaps that of content/reports/2024-25-q1/_index.md"));

    // Dates out of order, and dates that are not dates.
    let site = minimal_reporting();
    site.write(
        "content/reports/2024-25-q1/_index.md",
        &report_index("Q1", "2024-06-30", "2024-04-01", "2024-07-20"),
    );
    assert!(problems(&site).contains("_index.md:4:1: error: the period ends (2024-04-01) before it starts (2024-06-30)\n  help: swap \"start\" and \"end\""));
    site.write(
        "content/reports/2024-25-q1/_index.md",
        &report_index("Q1", "2024-04-01", "2024-06-30", "2024-06-01"),
    );
    assert!(problems(&site).contains("_index.md:5:1: error: the report is presented (2024-06-01) before its period ends (2024-06-30)"));
    site.write(
        "content/reports/2024-25-q1/_index.md",
        &report_index("Q1", "2024-02-30", "2024-06-30", "2024-07-01"),
    );
    assert!(problems(&site)
        .contains("_index.md:3:1: error: \"2024-02-30\" is not a date in the form YYYY-MM-DD"));
    // A published report must say when it was presented.
    site.write(
        "content/reports/2024-25-q1/_index.md",
        "---\ntitle: Q1\nstart: 2024-04-01\nend: 2024-06-30\nstatus: published\n---\n",
    );
    assert!(problems(&site)
        .contains("error: a published report must say when it was presented to the Panel"));

    // A published report with a figure left blank.
    let site = minimal_reporting();
    site.write(
        "content/reports/2024-25-q1/calls-answered.md",
        "---\nlatest:\n  value:\n  period: June 2024\n---\n",
    );
    assert!(problems(&site).contains("content/reports/2024-25-q1/calls-answered.md:3:3: error: \"latest › value\" is blank in a published report"));

    // Figures in the statement's own file of a plan that reports.
    let site = minimal_reporting();
    site.edit(
        "content/performance/calls-answered.md",
        "priorities:",
        "latest:\n  value: 93\n  period: June 2024\npriorities:",
    );
    let err = problems(&site);
    assert!(err.contains("content/performance/calls-answered.md:8:1: error: this plan gives its figures in reports, but the statement's own file gives \"latest\"\n  help: move the figures (and the \"source\") to content/reports/2024-25-q1/calls-answered.md"), "{err}");

    // A misspelt key, figures for a statement in words only, a folder without its _index.md.
    let site = minimal_reporting();
    site.write(
        "content/reports/2024-25-q1/calls-answered.md",
        "---\nlates:\n  value: 93\n---\n",
    );
    assert!(problems(&site).contains("calls-answered.md:2:1: error: unknown key \"lates\""));
    let site = minimal_reporting();
    site.edit(
        "content/performance/calls-answered.md",
        "unit: percent",
        "unit: text",
    );
    site.edit("content/performance/calls-answered.md", "  value: 90\n", "");
    assert!(problems(&site).contains("content/reports/2024-25-q1/calls-answered.md:2:1: error: the statement is in words only (\"unit: text\" in its file), but this report gives it figures"));
    let site = minimal_reporting();
    site.write(
        "content/reports/2024-25-q2/calls-answered.md",
        "---\nlatest:\n  value: 94\n  period: September 2024\n---\n",
    );
    assert!(problems(&site).contains("content/reports/2024-25-q2/calls-answered.md: error: the report folder \"2024-25-q2\" has no _index.md"));

    // Files where no report's files can be, and a page taking the reports' address.
    for (rel, message) in [
        (
            "content/reports/_index.md",
            "the reports folder does not take an _index.md",
        ),
        (
            "content/reports/2024-25-q2.md",
            "a report is a folder, not a file",
        ),
        (
            "content/reports/2024-25-q1/more/calls.md",
            "a report's files are directly in its folder",
        ),
        (
            "content/reports.md",
            "\"reports\" is reserved for a generated page and cannot name a page",
        ),
    ] {
        let site = minimal_reporting();
        site.write(rel, "---\ntitle: T\n---\n");
        let err = problems(&site);
        assert!(err.contains(message), "{rel}: {err}");
    }
}

/// A thousand quarters, each with one statement's figures, load and check in moments (no
/// check compares every report with every other), and build.
#[test]
fn a_thousand_reports_are_checked_and_built() {
    let site = minimal_reporting();
    let t = std::time::Instant::now();
    for i in 1..1000 {
        let year = 2024 + i / 4;
        let (start, end) = match i % 4 {
            0 => ("04-01", "06-30"),
            1 => ("07-01", "09-30"),
            2 => ("10-01", "12-31"),
            _ => ("01-01", "03-31"),
        };
        let y = if i % 4 == 3 { year + 1 } else { year };
        let id = format!("r{i:04}");
        site.write(
            &format!("content/reports/{id}/_index.md"),
            &report_index(
                &format!("Report {i}"),
                &format!("{y}-{start}"),
                &format!("{y}-{end}"),
                &format!("{}-01-01", y + 1),
            ),
        );
        site.write(
            &format!("content/reports/{id}/calls-answered.md"),
            &format!(
                "---\nlatest:\n  value: {}\n  period: Period {i}\n---\n",
                80 + i % 20
            ),
        );
    }
    let out = site.run(&["check"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(common::stdout(&out).contains("1000 reports"));
    let checked = t.elapsed();
    let out = site.run(&[
        "build",
        "--no-large-print",
        "--no-epub",
        "--no-braille",
        "--no-audio",
        "--no-plain-text",
    ]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let built = t.elapsed() - checked;
    assert!(site
        .path("public/reports/r0999/calls-answered/index.html")
        .exists());
    let last = page(&site, "performance/calls-answered/index.html");
    assert_eq!(by_report_rows(&last).len(), 1000);
    // A report's own page shows the last twelve reports up to it, and says so.
    let frozen = page(&site, "reports/r0999/calls-answered/index.html");
    assert_eq!(by_report_rows(&frozen).len(), 12);
    assert!(frozen.contains("These are the last 12 reports up to this one;"));
    eprintln!(
        "NOTICE: 1,000 reports: written and checked in {checked:?}, built in {built:?}, read in {:?}",
        t.elapsed() - checked - built
    );
}
