//! Property-based fuzzing of the three ways content gets in: the front-matter parser, the
//! Markdown renderer and the whole-site loader. (`cargo fuzz` needs a nightly compiler; these
//! run on stable, in the ordinary test run.)
//!
//! Each target first replays the committed seed corpus (`tests/fixtures/fuzz-corpus/`, plus
//! the hostile corpus and the minimal plan), then runs generated cases: seeds mutated with
//! tokens that matter to YAML, Markdown and HTML, and arbitrary text. The properties: nothing
//! panics; every problem points into the file; rendered HTML never holds script, event
//! handlers, styles or script addresses, and its heading ids are the ones links are checked
//! against; each input is handled within a time bound.
//!
//! The default run is bounded by case counts and a time budget per target (about 30 seconds
//! in all). To fuzz longer, see docs/security.md: `PLANPRESS_FUZZ_CASES`,
//! `PLANPRESS_FUZZ_SECONDS` and `PLANPRESS_FUZZ_SEED`.
//!
//! No target passes without checking anything: a replay fails when a corpus folder is missing
//! or empty, and a generated run fails when no case was checked (zero cases asked for, or no
//! time to run one), when proptest ran fewer cases than asked for, or when the time budget did
//! not end it and fewer than all of them were checked. A property that holds only for some
//! inputs (parsing needs front matter that splits off; rendering needs a valid plan) counts
//! the cases that reached it, and fails when none did.

mod common;
mod safety;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use planpress::diagnostics::Diagnostics;
use planpress::load::SourceFile;
use planpress::parse::kinds::{
    AimFront, GlossaryFront, PageFront, PlanFront, PriorityFront, StatementFront,
};
use planpress::parse::markdown::{body_problems, heading_ids, RawHtml};
use planpress::parse::{front_matter, split};
use planpress::plan::Route;
use planpress::render::markdown::render;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

use common::repo;
use safety::{html_problems, notice, search_page_problems};

/// How long one input may take before it counts as a failure, however it ends.
const PER_CASE: Duration = Duration::from_secs(2);

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// A runner with a fixed seed (or `PLANPRESS_FUZZ_SEED`), `cases` cases, no failure files
/// written, and shrinking bounded in time.
fn runner(target: &str, cases: u32) -> TestRunner {
    let seed = env_u64("PLANPRESS_FUZZ_SEED").unwrap_or(0x706c_616e_7072_6573);
    let mut bytes = [0u8; 32];
    for (i, chunk) in bytes.chunks_mut(8).enumerate() {
        let mixed = seed
            ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
            ^ target
                .bytes()
                .fold(0u64, |h, b| h.rotate_left(5) ^ u64::from(b));
        chunk.copy_from_slice(&mixed.to_le_bytes());
    }
    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_time: 60_000,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &bytes))
}

/// The time budget for a target's generated cases (or `PLANPRESS_FUZZ_SECONDS`).
fn budget(default_seconds: u64) -> Duration {
    Duration::from_secs(env_u64("PLANPRESS_FUZZ_SECONDS").unwrap_or(default_seconds))
}

/// The number of generated cases a target asks for: `default`, or `PLANPRESS_FUZZ_CASES`.
fn cases(default: u32) -> u32 {
    env_u64("PLANPRESS_FUZZ_CASES").map_or(default, |c| u32::try_from(c).unwrap_or(u32::MAX))
}

/// How many of a target's generated cases were run and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ran {
    /// The cases asked for.
    asked: u32,
    /// The cases proptest generated and handed to the test.
    generated: u32,
    /// The cases checked before the time budget was spent.
    checked: u32,
    /// Whether the time budget was spent before every case was checked.
    out_of_time: bool,
}

impl Ran {
    /// Fails unless the run checked something: at least one case, every case proptest was
    /// asked for generated, and every one of them checked unless the time budget ran out.
    fn assert_not_vacuous(self, target: &str) {
        assert!(
            self.checked > 0,
            "fuzz {target}: no generated case was checked ({self:?}); \
             PLANPRESS_FUZZ_CASES and PLANPRESS_FUZZ_SECONDS must both allow at least one"
        );
        assert!(
            self.generated >= self.asked,
            "fuzz {target}: proptest generated {} of the {} cases asked for",
            self.generated,
            self.asked
        );
        assert!(
            self.out_of_time || self.checked == self.asked,
            "fuzz {target}: {} of {} cases were checked, with time to spare",
            self.checked,
            self.asked
        );
    }
}

/// Runs `cases` generated cases (or `PLANPRESS_FUZZ_CASES`) until they are done or `seconds`
/// (or `PLANPRESS_FUZZ_SECONDS`) are spent, fails if that checked nothing, and says how many
/// ran.
fn fuzz<S: Strategy>(
    target: &str,
    cases: u32,
    seconds: u64,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) -> Ran {
    run(target, self::cases(cases), budget(seconds), strategy, test)
}

/// Runs `asked` generated cases until they are done or `budget` is spent, fails if that
/// checked nothing, and says how many ran.
fn run<S: Strategy>(
    target: &str,
    asked: u32,
    budget: Duration,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) -> Ran {
    use std::sync::atomic::{AtomicBool, AtomicU32, Ordering::Relaxed};
    let deadline = Instant::now() + budget;
    let (generated, checked, out_of_time) =
        (AtomicU32::new(0), AtomicU32::new(0), AtomicBool::new(false));
    let result = runner(target, asked).run(&strategy, |value| {
        generated.fetch_add(1, Relaxed);
        if Instant::now() >= deadline {
            out_of_time.store(true, Relaxed);
            return Ok(());
        }
        checked.fetch_add(1, Relaxed);
        test(value)
    });
    if let Err(e) = result {
        panic!("{target}: {e}");
    }
    let ran = Ran {
        asked,
        generated: generated.into_inner(),
        checked: checked.into_inner(),
        out_of_time: out_of_time.into_inner(),
    };
    notice(&format!(
        "fuzz {target}: {} of {asked} generated cases checked{}",
        ran.checked,
        if ran.out_of_time {
            " before the time budget ran out"
        } else {
            ""
        }
    ));
    ran.assert_not_vacuous(target);
    ran
}

/// Every file under `dir` but READMEs, sorted; fails if the folder is missing or holds none,
/// so a replay never passes on an empty corpus.
fn files_in(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    assert!(
        dir.is_dir(),
        "the corpus folder {} is missing",
        dir.display()
    );
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file() && !e.file_name().eq("README.md"))
        .map(|e| (e.path().to_path_buf(), fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "the corpus folder {} holds no files",
        dir.display()
    );
    files
}

fn corpus(name: &str) -> Vec<(PathBuf, Vec<u8>)> {
    files_in(&repo().join("tests/fixtures/fuzz-corpus").join(name))
}

/// Every content file the repository holds as an example: the hostile corpus and the minimal
/// plan.
fn content_examples() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = files_in(&repo().join("tests/fixtures/hostile"));
    files.extend(files_in(&repo().join("tests/fixtures/minimal/content")));
    files
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

// ---- Mutation -----------------------------------------------------------------------------

/// Pieces that mean something to YAML, Markdown or HTML, for mutations to insert.
const TOKENS: &[&str] = &[
    "---\n",
    "\n",
    "\r\n",
    "\r",
    "\t",
    " ",
    "  ",
    ": ",
    "- ",
    "? ",
    "&a ",
    "*a",
    "!!str ",
    "!!binary ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "'",
    "\"",
    "\\",
    "|",
    ">",
    "#",
    "%YAML 1.2\n",
    "...\n",
    "<<: ",
    "~",
    "null",
    "0x",
    "1e9999",
    "\u{feff}",
    "\u{0}",
    "\u{1b}",
    "\u{85}",
    "\u{2028}",
    "é",
    "👮",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<div>",
    "</div>",
    "<b>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "javascript:",
    "data:",
    "&#x3C;",
    "&amp;",
    "[l](",
    ")",
    "![i](",
    "](/glossary/)",
    "](https://e.example/)",
    "](../x)",
    "<https://a.b>",
    "**",
    "*",
    "_",
    "__",
    "~~",
    "`",
    "```",
    "\n```\n",
    "    ",
    "> ",
    ">>>>>>>>",
    "1. ",
    "\n\n",
    "| a | b |\n|---|---|\n",
    "## ",
    "# ",
    "\\\n",
    "title: ",
    "order: ",
    "id: ",
    "text: ",
    "commitments:\n",
    "  - id: x\n    text: y\n",
    "raw_html: reject\n",
];

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, &'static str),
    InsertText(usize, String),
    Delete(usize, usize),
    Repeat(usize, usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), prop::sample::select(TOKENS)).prop_map(|(p, t)| Edit::Insert(p, t)),
        2 => (any::<usize>(), "\\PC{0,12}").prop_map(|(p, t)| Edit::InsertText(p, t)),
        2 => (any::<usize>(), 1..64usize).prop_map(|(p, n)| Edit::Delete(p, n)),
        1 => (any::<usize>(), 1..32usize, 1..40usize).prop_map(|(p, n, k)| Edit::Repeat(p, n, k)),
    ]
}

fn boundary(s: &str, at: usize) -> usize {
    let mut at = if s.is_empty() { 0 } else { at % (s.len() + 1) };
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(mut s: String, edits: &[Edit]) -> String {
    for e in edits {
        match e {
            Edit::Insert(p, t) => {
                let at = boundary(&s, *p);
                s.insert_str(at, t);
            }
            Edit::InsertText(p, t) => {
                let at = boundary(&s, *p);
                s.insert_str(at, t);
            }
            Edit::Delete(p, n) => {
                let from = boundary(&s, *p);
                let to = boundary(&s, from + n).max(from);
                s.replace_range(from..to, "");
            }
            Edit::Repeat(p, n, k) => {
                let from = boundary(&s, *p);
                let to = boundary(&s, from + n).max(from);
                let piece = s[from..to].repeat(*k);
                s.insert_str(to, &piece);
            }
        }
    }
    s
}

/// A seed from `seeds`, mutated, or (less often) arbitrary text.
fn mutated(seeds: Vec<String>) -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (prop::sample::select(seeds), prop::collection::vec(edit(), 0..10))
            .prop_map(|(seed, edits)| apply(seed, &edits)),
        1 => "\\PC{0,400}",
        1 => prop::collection::vec(prop::sample::select(TOKENS), 0..60).prop_map(|t| t.concat()),
    ]
}

// ---- Properties ---------------------------------------------------------------------------

/// Parses `file` as a content file of every kind, as loading and validation would, checking
/// that nothing panics and every problem is placed inside the file. Returns how many texts
/// reached the YAML parser (none when the front matter does not split off).
fn check_front_matter(file: &str) -> Result<u32, TestCaseError> {
    let start = Instant::now();
    let path = Path::new("content/fuzz.md");
    let lines = SourceFile::new("", "", file).text.lines().count().max(1);
    let placed = |diags: &Diagnostics| -> Result<(), TestCaseError> {
        for d in diags.iter() {
            prop_assert!(
                d.line >= 1 && d.line <= lines + 1 && d.column >= 1,
                "{d} is outside the file ({lines} lines)"
            );
        }
        Ok(())
    };
    // As loaded from disk (control characters refused, line endings normalised)...
    let loaded = SourceFile::from_bytes("fuzz.md", path, file.as_bytes());
    // ...and as held in memory (a git revision, a test), where the YAML parser sees anything.
    let texts: Vec<String> = match loaded {
        Ok(f) => vec![f.text, SourceFile::new("fuzz.md", path, file).text],
        Err(d) => {
            prop_assert!(d.line >= 1 && d.column >= 1, "{d}");
            vec![SourceFile::new("fuzz.md", path, file).text]
        }
    };
    let mut parsed = 0;
    for text in texts {
        let Ok(parts) = split(&text, path) else {
            continue;
        };
        parsed += 1;
        macro_rules! parse_as {
            ($($kind:ty),*) => {$({
                // Loading parses each file once, as one kind: that is what is timed.
                let parse = Instant::now();
                let mut diags = Diagnostics::new();
                let parsed: Option<$kind> =
                    front_matter(parts.front, path, parts.front_line, &mut diags);
                prop_assert!(parse.elapsed() < PER_CASE, "took {:?}", parse.elapsed());
                prop_assert!(parsed.is_some() || !diags.is_empty(), "refused without a reason");
                placed(&diags)?;
            })*};
        }
        parse_as!(
            PlanFront,
            AimFront,
            PriorityFront,
            GlossaryFront,
            StatementFront,
            PageFront
        );
    }
    prop_assert!(start.elapsed() < PER_CASE * 6, "took {:?}", start.elapsed());
    Ok(parsed)
}

/// Renders `markdown` for a page, checking the HTML is safe and its heading ids are the ones
/// link checking expects.
fn check_markdown(markdown: &str) -> Result<(), TestCaseError> {
    let start = Instant::now();
    for mode in [RawHtml::Sanitise, RawHtml::Reject] {
        for p in body_problems(markdown, mode) {
            prop_assert!(p.offset <= markdown.len() && markdown.is_char_boundary(p.offset));
        }
    }
    let route = Route::Priority {
        aim: "victims".into(),
        id: "voice".into(),
    };
    let rendered = render(markdown, &route);
    let problems = html_problems(&rendered.html, false);
    prop_assert!(problems.is_empty(), "{problems:?} in\n{}", rendered.html);
    let ids: Vec<String> = rendered.headings.iter().map(|h| h.id.clone()).collect();
    prop_assert_eq!(
        &ids,
        &heading_ids(markdown),
        "heading ids differ from link checking's"
    );
    let unique: std::collections::BTreeSet<&String> = ids.iter().collect();
    prop_assert_eq!(unique.len(), ids.len(), "two headings share an id");
    prop_assert!(!ids.iter().any(|i| i == "main-content"));
    prop_assert!(start.elapsed() < PER_CASE, "took {:?}", start.elapsed());
    Ok(())
}

// ---- Targets ------------------------------------------------------------------------------

#[test]
fn front_matter_seed_corpus_replays_cleanly() {
    for (path, bytes) in corpus("front-matter") {
        let file = format!("---\n{}---\nBody.\n", text(&bytes));
        let parsed =
            check_front_matter(&file).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(parsed > 0, "{}: never reached the parser", path.display());
    }
    let mut parsed = 0;
    for (path, bytes) in content_examples() {
        parsed +=
            check_front_matter(&text(&bytes)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    assert!(parsed > 0, "no example content file reached the parser");
}

#[test]
fn front_matter_parser_survives_generated_files() {
    let seeds: Vec<String> = corpus("front-matter")
        .into_iter()
        .map(|(_, b)| format!("---\n{}---\nBody.\n", text(&b)))
        .chain(content_examples().into_iter().map(|(_, b)| text(&b)))
        .collect();
    let parsed = std::sync::atomic::AtomicU32::new(0);
    fuzz("front-matter", 2000, 12, mutated(seeds), |file| {
        let n = check_front_matter(&file)?;
        parsed.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    });
    let parsed = parsed.into_inner();
    notice(&format!(
        "fuzz front-matter: {parsed} texts reached the parser"
    ));
    assert!(
        parsed > 0,
        "no generated file reached the front-matter parser"
    );
}

#[test]
fn markdown_seed_corpus_replays_cleanly() {
    for (path, bytes) in corpus("markdown").into_iter().chain(content_examples()) {
        check_markdown(&text(&bytes)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

#[test]
fn markdown_renderer_survives_generated_bodies() {
    let seeds: Vec<String> = corpus("markdown")
        .into_iter()
        .chain(content_examples())
        .map(|(_, b)| text(&b))
        .collect();
    fuzz("markdown", 20000, 12, mutated(seeds), |md| {
        check_markdown(&md)
    });
}

/// Where generated files go in the site: existing files (to replace), the kinds of place a
/// file can have, and places that are wrong.
const SITE_PATHS: &[&str] = &[
    "_index.md",
    "about.md",
    "safety/_index.md",
    "safety/01-safer-streets.md",
    "safety/02-roads.md",
    "safety/03-new.md",
    "glossary/anti-social-behaviour.md",
    "glossary/new-term.md",
    "glossary/_index.md",
    "performance/calls-answered.md",
    "performance/new-measure.md",
    "new-page.md",
    "glossary.md",
    "index.md",
    "Bad Name.md",
    "safety/no-number.md",
    "deep/er/still.md",
    "other/_index.md",
    "other/01-x.md",
    ".hidden.md",
    "notes.txt",
];

/// The minimal plan's files, whose bodies a change may replace.
const VALID_FILES: &[&str] = &[
    "_index.md",
    "about.md",
    "safety/_index.md",
    "safety/01-safer-streets.md",
    "glossary/anti-social-behaviour.md",
    "performance/calls-answered.md",
];

#[test]
fn site_loader_survives_generated_sites() {
    let minimal = repo().join("tests/fixtures/minimal/content");
    let theme = planpress::theme::Theme::load(&repo().join("themes"), "default").unwrap();
    let seeds: Vec<String> = content_examples()
        .into_iter()
        .chain(corpus("markdown"))
        .map(|(_, b)| text(&b))
        .collect();
    // A change replaces a file, or keeps a file's front matter and gives it a new body (so
    // that enough generated plans are valid for their rendering to be checked too).
    let bodies: Vec<String> = corpus("markdown")
        .into_iter()
        .map(|(_, b)| text(&b))
        .chain(["Plain text.\n".to_string(), String::new()])
        .collect();
    let change = prop_oneof![
        (prop::sample::select(SITE_PATHS), mutated(seeds)).prop_map(|(p, t)| (p, t, false)),
        (prop::sample::select(VALID_FILES), mutated(bodies)).prop_map(|(p, t)| (p, t, true)),
    ];
    let changes = prop::collection::vec(change, 1..4);
    let (rendered, refused) = (
        std::sync::atomic::AtomicU32::new(0),
        std::sync::atomic::AtomicU32::new(0),
    );
    fuzz("site", 5000, 15, changes, |changes| {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        common::copy_tree(&minimal, &content);
        for (rel, text, body_only) in &changes {
            let path = content.join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            let text = if *body_only {
                let old = fs::read_to_string(&path).unwrap_or_default();
                let front_end = old.match_indices("---\n").nth(1).map_or(0, |(i, _)| i + 4);
                format!("{}{text}", &old[..front_end])
            } else {
                text.clone()
            };
            fs::write(&path, text).unwrap();
        }
        let start = Instant::now();
        match planpress::read_plan(&content) {
            Err(errors) => {
                refused.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                prop_assert!(!errors.0.is_empty());
                for d in &errors.0 {
                    prop_assert!(
                        d.path.starts_with(&content),
                        "{d} is not about a file in the plan"
                    );
                    if d.line > 0 {
                        // Counted as loading counts them: a lone CR ends a line too.
                        let file = text(&fs::read(&d.path).unwrap_or_default());
                        let lines = SourceFile::new("", "", &file).text.lines().count().max(1);
                        prop_assert!(d.line <= lines + 1, "{d} is past the end ({lines} lines)");
                    }
                }
            }
            Ok(plan) => {
                rendered.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let files =
                    planpress::export::website::render_site(&plan, &theme).map_err(|e| {
                        TestCaseError::fail(format!("a valid plan did not render: {e:#}"))
                    })?;
                let mut pages = 0;
                for (path, bytes) in files {
                    if path.ends_with(".html") {
                        pages += 1;
                        let html = String::from_utf8(bytes).unwrap();
                        // The search page has its form and its two script files (and only
                        // those, in their one shape).
                        let problems = if path == "search/index.html" {
                            search_page_problems(&html)
                        } else {
                            html_problems(&html, true)
                        };
                        prop_assert!(problems.is_empty(), "{path}: {problems:?}");
                    }
                }
                prop_assert!(pages > 0, "a valid plan rendered no page");
            }
        }
        prop_assert!(start.elapsed() < PER_CASE * 2, "took {:?}", start.elapsed());
        Ok(())
    });
    let (rendered, refused) = (rendered.into_inner(), refused.into_inner());
    notice(&format!(
        "fuzz site: {rendered} generated plans were valid and rendered, {refused} refused"
    ));
    assert!(
        rendered > 0,
        "no generated plan was valid, so no rendering was checked"
    );
    assert!(
        refused > 0,
        "no generated plan was refused, so no error was checked"
    );
}

// ---- The guards against passing vacuously --------------------------------------------------

#[test]
#[should_panic(expected = "no generated case was checked")]
fn a_run_asked_for_no_cases_fails() {
    run(
        "zero-cases",
        0,
        Duration::from_secs(60),
        any::<u8>(),
        |_| Ok(()),
    );
}

#[test]
#[should_panic(expected = "no generated case was checked")]
fn a_run_with_no_time_to_check_a_case_fails() {
    run("zero-seconds", 10, Duration::ZERO, any::<u8>(), |_| Ok(()));
}

#[test]
fn a_run_with_time_to_spare_checks_every_case_it_asked_for() {
    let ran = run("full", 50, Duration::from_secs(60), any::<u8>(), |_| Ok(()));
    assert_eq!(
        ran,
        Ran {
            asked: 50,
            generated: 50,
            checked: 50,
            out_of_time: false
        }
    );
}

#[test]
fn a_run_cut_short_by_its_budget_passes_when_it_checked_some_cases() {
    let ran = run(
        "slow",
        1000,
        Duration::from_millis(100),
        any::<u8>(),
        |_| {
            std::thread::sleep(Duration::from_millis(10));
            Ok(())
        },
    );
    assert!(ran.out_of_time, "{ran:?}");
    assert!(ran.checked > 0 && ran.checked < 1000, "{ran:?}");
    assert_eq!(ran.generated, 1000);
}

#[test]
#[should_panic(expected = "9 of 10 cases were checked, with time to spare")]
fn a_run_that_skipped_cases_with_time_to_spare_fails() {
    Ran {
        asked: 10,
        generated: 10,
        checked: 9,
        out_of_time: false,
    }
    .assert_not_vacuous("skipped");
}

#[test]
#[should_panic(expected = "proptest generated 5 of the 10 cases asked for")]
fn a_run_where_proptest_generated_too_few_cases_fails() {
    Ran {
        asked: 10,
        generated: 5,
        checked: 5,
        out_of_time: true,
    }
    .assert_not_vacuous("few");
}

#[test]
#[should_panic(expected = "is missing")]
fn a_missing_corpus_folder_fails() {
    let dir = tempfile::tempdir().unwrap();
    files_in(&dir.path().join("front-matter"));
}

#[test]
#[should_panic(expected = "holds no files")]
fn a_corpus_folder_holding_only_its_readme_fails() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("empty")).unwrap();
    fs::write(dir.path().join("README.md"), "Seeds.\n").unwrap();
    files_in(dir.path());
}
