//! Snapshots of every kind of page, data file and diff report, built by the real binary from a
//! small fictional plan (`tests/fixtures/snapshot/content/`) that has each page kind and each
//! notable variant of one, so any change to the markup is seen in review.
//!
//! The fixture is committed to a throwaway git repository and tagged `consultation`, then
//! edited (a reworded, an added and a removed commitment, a changed delivery status, changed
//! figures, a reworded outcome and page) and built with `compare_with: consultation`, so the
//! "What has changed" page is built too;
//! the diff reports compare the same two versions. It is built once per test run and held in
//! memory. The build is deterministic, so only what legitimately changes with the typesetter
//! is normalised: the sizes of the editions linked from every footer.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use common::{copy_tree, read_tree, repo};

/// What one build of the fixture made: every output file, and the diff reports.
struct Built {
    files: BTreeMap<String, Vec<u8>>,
    diff_text: String,
    diff_markdown: String,
    diff_html: String,
}

/// The edits that turn the consultation draft into the version built: (file, from, to), each
/// replacing the one place `from` is.
const EDITS: &[(&str, &str, &str)] = &[
    (
        "_index.md",
        "base_url: https://plan.northshire.example/\n",
        "base_url: https://plan.northshire.example/\ncompare_with: consultation\n",
    ),
    (
        "safer-communities/01-neighbourhood-policing.md",
        "Fund forty more neighbourhood officers",
        "Fund fifty more neighbourhood officers",
    ),
    (
        "safer-communities/02-roads.md",
        "    - id: drink-drive-campaign\n      text: Run a drink-drive campaign every winter.\n",
        "    - id: drink-drive-campaign\n      text: Run a drink-drive campaign every winter.\n    - id: school-crossings\n      text: Check speeds outside every school once a term.\n      due: 2025-09\n",
    ),
    (
        "victims/01-victim-support.md",
        "    - id: court-updates\n      text: Keeping victims informed as their case goes through court.\n",
        "",
    ),
    (
        "safer-communities/_index.md",
        "day and night.",
        "at any time of day or night.",
    ),
    (
        "safer-communities/01-neighbourhood-policing.md",
        "      text: Tackling ASB where it is reported most often.\n      status: in-progress\n",
        "      text: Tackling ASB where it is reported most often.\n      status: delivered\n",
    ),
    (
        "performance/calls-answered.md",
        "latest:\n  value: 87.5",
        "latest:\n  value: 90.4",
    ),
    (
        "performance/calls-answered.md",
        "  - period: Quarter 4 2024/25\n    value: 87.5",
        "  - period: Quarter 4 2024/25\n    value: 90.4",
    ),
    (
        "performance/calls-answered.md",
        "      - area: kingsport\n        value: 85.2",
        "      - area: kingsport\n        value: 90.1",
    ),
    (
        "performance/calls-answered.md",
        "  - area: kingsport\n    value: 85.2",
        "  - area: kingsport\n    value: 90.1",
    ),
    (
        "about.md",
        "The draft was shaped by a consultation.",
        "The plan was shaped by a consultation and by the Police and Crime Panel's review.",
    ),
];

/// Runs `planpress ARGS` in `dir`, asserts it succeeded and returns what it printed.
fn planpress(dir: &Path, args: &[&str]) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_planpress"));
    for var in common::GIT_REPOSITORY_VARS {
        command.env_remove(var);
    }
    let out = command
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "planpress {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Commits the fixture as `consultation`, applies [`EDITS`], builds the site and writes the
/// diff reports, in a temporary folder that is gone once everything is read into memory.
fn build() -> Built {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let content = root.join("content");
    copy_tree(&repo().join("tests/fixtures/snapshot/content"), &content);
    common::git(root, &["init", "-q", "-b", "main"]);
    common::git(root, &["add", "-A"]);
    common::git(root, &["commit", "-q", "-m", "Consultation draft"]);
    common::git(root, &["tag", "consultation"]);
    for (file, from, to) in EDITS {
        let path = content.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.matches(from).count(), 1, "{file}: {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
    planpress(
        root,
        &[
            "build",
            "--themes-dir",
            repo().join("themes").to_str().unwrap(),
            // The Braille and audio editions need programs a machine may not have; the
            // pages must read the same everywhere, so the snapshots are of a site without them
            // (tests/braille.rs and tests/audio.rs check those editions and their page).
            "--no-braille",
            "--no-audio",
        ],
    );
    let report = |format| planpress(root, &["diff", "consultation", "--format", format]);
    Built {
        files: read_tree(&root.join("public")).into_iter().collect(),
        diff_text: report("text"),
        diff_markdown: report("markdown"),
        diff_html: report("html"),
    }
}

/// The one build of the fixture that every test reads.
fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(build)
}

/// A file the build wrote, as text.
fn file(path: &str) -> &'static str {
    let bytes = built()
        .files
        .get(path)
        .unwrap_or_else(|| panic!("the build wrote no {path}"));
    std::str::from_utf8(bytes).unwrap()
}

/// Every HTML page the build writes, with the name of its snapshot: what kind of page it is.
const PAGES: &[(&str, &str)] = &[
    ("index.html", "home"),
    ("safer-communities/index.html", "aim_with_outcomes"),
    ("victims/index.html", "aim_without_outcomes"),
    (
        "safer-communities/neighbourhood-policing/index.html",
        "priority_with_both_groups_delivery_details_and_a_rich_body",
    ),
    (
        "safer-communities/roads/index.html",
        "priority_with_the_commissioner_only_and_its_own_lead",
    ),
    (
        "victims/victim-support/index.html",
        "priority_with_the_chief_constable_only",
    ),
    ("glossary/index.html", "glossary"),
    ("performance/index.html", "performance_index"),
    (
        "performance/calls-answered/index.html",
        "statement_numeric_target_by_area_and_over_time",
    ),
    (
        "performance/burglary/index.html",
        "statement_above_the_upper_control_limit_with_chart_only_figures",
    ),
    (
        "performance/answer-time/index.html",
        "statement_in_seconds_below_the_lower_control_limit",
    ),
    (
        "performance/road-injuries/index.html",
        "statement_change_target_with_a_breakdown",
    ),
    (
        "performance/victim-survey/index.html",
        "statement_breakdowns_with_notes_limits_and_one_item",
    ),
    (
        "performance/serious-violence/index.html",
        "statement_text_only_national_measure",
    ),
    (
        "performance/reoffending/index.html",
        "statement_rate_exactly_on_target",
    ),
    (
        "performance/confidence/index.html",
        "statement_with_no_figure_published",
    ),
    ("national-priorities/index.html", "national_priorities"),
    ("delivery/index.html", "delivery"),
    ("about/index.html", "page_with_headings_and_raw_html"),
    ("contact/index.html", "page_plain"),
    ("accessibility/index.html", "accessibility_statement"),
    ("about-this-plan/index.html", "about_this_plan"),
    ("404.html", "not_found"),
    ("large-print/index.html", "large_print_web_page"),
    ("listen/index.html", "listen_without_a_recording"),
    ("other-formats/index.html", "other_formats"),
    ("changes/index.html", "what_has_changed"),
    ("search/index.html", "search_and_a_to_z"),
];

/// Checks the page at `path` against its snapshot, named in [`PAGES`].
fn snapshot_page(path: &str) {
    let (_, name) = PAGES
        .iter()
        .find(|(p, _)| *p == path)
        .unwrap_or_else(|| panic!("{path} is not in PAGES"));
    insta::assert_snapshot!(*name, common::normalise_download_sizes(file(path)));
}

#[test]
fn every_page_the_build_writes_has_a_snapshot() {
    let written: Vec<&str> = built()
        .files
        .keys()
        .map(String::as_str)
        .filter(|p| p.ends_with(".html"))
        .collect();
    let mut listed: Vec<&str> = PAGES.iter().map(|(p, _)| *p).collect();
    listed.sort_unstable();
    assert_eq!(
        written, listed,
        "add each new page to PAGES and a test for it"
    );
    let names: std::collections::BTreeSet<&str> = PAGES.iter().map(|(_, n)| *n).collect();
    assert_eq!(names.len(), PAGES.len(), "two pages share a snapshot name");
}

/// One test per page, so each failing snapshot is reported on its own.
macro_rules! page_tests {
    ($($test:ident: $path:literal,)*) => {
        $(
            #[test]
            fn $test() {
                snapshot_page($path);
            }
        )*

        #[test]
        fn every_page_has_a_test() {
            let tested = [$($path),*];
            for (path, _) in PAGES {
                assert!(tested.contains(path), "{path} has no test in page_tests!");
            }
            assert_eq!(tested.len(), PAGES.len());
        }
    };
}

page_tests! {
    home: "index.html",
    aim_with_outcomes: "safer-communities/index.html",
    aim_without_outcomes: "victims/index.html",
    priority_with_both_groups: "safer-communities/neighbourhood-policing/index.html",
    priority_with_the_commissioner_only: "safer-communities/roads/index.html",
    priority_with_the_chief_constable_only: "victims/victim-support/index.html",
    glossary: "glossary/index.html",
    performance_index: "performance/index.html",
    statement_by_area_and_over_time: "performance/calls-answered/index.html",
    statement_above_the_upper_limit: "performance/burglary/index.html",
    statement_below_the_lower_limit: "performance/answer-time/index.html",
    statement_change_target: "performance/road-injuries/index.html",
    statement_breakdowns: "performance/victim-survey/index.html",
    statement_text_only: "performance/serious-violence/index.html",
    statement_exactly_on_target: "performance/reoffending/index.html",
    statement_with_no_figure: "performance/confidence/index.html",
    national_priorities: "national-priorities/index.html",
    delivery: "delivery/index.html",
    page_with_headings_and_raw_html: "about/index.html",
    page_plain: "contact/index.html",
    accessibility_statement: "accessibility/index.html",
    about_this_plan: "about-this-plan/index.html",
    not_found: "404.html",
    large_print_web_page: "large-print/index.html",
    listen_without_a_recording: "listen/index.html",
    other_formats: "other-formats/index.html",
    what_has_changed: "changes/index.html",
    search_and_a_to_z: "search/index.html",
}

#[test]
fn plan_json() {
    insta::assert_snapshot!("plan_json", file("data/plan.json"));
}

#[test]
fn commitments_csv() {
    insta::assert_snapshot!("commitments_csv", file("data/commitments.csv"));
}

#[test]
fn performance_csv() {
    insta::assert_snapshot!("performance_csv", file("data/performance.csv"));
}

#[test]
fn diff_report_text() {
    insta::assert_snapshot!("diff_report_text", &built().diff_text);
}

#[test]
fn diff_report_markdown() {
    insta::assert_snapshot!("diff_report_markdown", &built().diff_markdown);
}

#[test]
fn diff_report_html() {
    insta::assert_snapshot!("diff_report_html", &built().diff_html);
}
