//! Hostile and broken content: every file in `tests/fixtures/hostile/` (see its README) and a
//! few generated ones too big to commit. Each has its exact outcome asserted: for a refused
//! file, every error's place and message; for a sanitised one, the exact HTML it becomes; for
//! an accepted one, that it checks clean. Refused files are checked by the real binary with
//! its wall time and peak memory measured and held to generous bounds, so a file that makes
//! planpress slow or greedy fails here rather than in CI's time limit.

mod common;
mod safety;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::{repo, Site};
use planpress::plan::Route;
use planpress::render::markdown::render;
use safety::{html_problems, run_measured, search_page_problems, Measured};

/// Where each hostile file is put in a copy of the minimal plan.
const PLACED_AT: &str = "content/hostile.md";

/// What a refused file may cost to check, in CPU time (debug build): CPU time, not wall time,
/// so that a machine busy with other work does not fail the bound.
const REFUSE_TIME: Duration = Duration::from_secs(2);
const REFUSE_MEMORY_KIB: u64 = 200 * 1024;

fn hostile(rel: &str) -> Vec<u8> {
    fs::read(repo().join("tests/fixtures/hostile").join(rel))
        .unwrap_or_else(|e| panic!("tests/fixtures/hostile/{rel}: {e}"))
}

/// `planpress check` on the minimal plan after `change`, measured.
fn check_measured(change: impl FnOnce(&Site)) -> Measured {
    measured(CHECK, change)
}

/// The two ways a plan is checked: by `planpress check` (the whole plan before anything else,
/// as a build that makes the large-print edition does too), and by a build without that
/// edition, which checks the Markdown bodies as it renders them.
const CHECK: &[&str] = &["check"];
const BUILD: &[&str] = &["build", "--no-large-print"];

/// `planpress ARGS` on the minimal plan after `change`, measured; a build finds no previous
/// output and must leave none.
fn measured(args: &[&str], change: impl FnOnce(&Site)) -> Measured {
    let site = Site::minimal();
    change(&site);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_planpress"));
    cmd.args(args)
        .current_dir(site.dir.path())
        .env("NO_COLOR", "1");
    if args == BUILD {
        cmd.arg("--themes-dir").arg(repo().join("themes"));
    }
    let run = run_measured(&mut cmd, Duration::from_secs(60));
    assert_eq!(
        site.path("public").exists(),
        args == BUILD && run.status.success(),
        "{args:?}: {}",
        run.stderr
    );
    run
}

/// Checks the minimal plan with `bytes` at [`PLACED_AT`], both ways; asserts it is refused
/// with exactly `expected` (`line:col: message`, in order) and within the time and memory
/// bounds.
fn assert_refused(name: &str, bytes: &[u8], expected: &[String]) -> Measured {
    let build = refused_by(BUILD, name, bytes, expected);
    let check = refused_by(CHECK, name, bytes, expected);
    // The same problems; only the last line says what the build did not do.
    let all_but_the_count = |text: &str| {
        text.trim_end()
            .rsplit_once('\n')
            .map(|(a, _)| a.to_string())
    };
    assert_eq!(
        all_but_the_count(&build.stderr),
        all_but_the_count(&check.stderr),
        "{name}"
    );
    check
}

fn refused_by(args: &[&str], name: &str, bytes: &[u8], expected: &[String]) -> Measured {
    let run = measured(args, |s| {
        fs::write(s.path(PLACED_AT), bytes).unwrap();
    });
    let name = &format!("{name} ({})", args.join(" "));
    assert_eq!(run.status.code(), Some(1), "{name}: {}", run.stderr);
    let expected: Vec<String> = expected
        .iter()
        .map(|e| {
            // `line:col: message`, or `message` alone for a problem with the whole file.
            match e.split_once(": ").filter(|(p, _)| p.contains(':')) {
                Some((place, message)) => format!("{PLACED_AT}:{place}: error: {message}"),
                None => format!("{PLACED_AT}: error: {e}"),
            }
        })
        .collect();
    assert_eq!(run.error_lines(), expected, "{name}:\n{}", run.stderr);
    let n = expected.len();
    // `check` never writes, so only a build says that nothing was written.
    let summary = format!(
        "{n} problem{} found in the content{}",
        if n == 1 { "" } else { "s" },
        if args == BUILD {
            "; nothing was written"
        } else {
            ""
        }
    );
    assert!(
        run.stderr.ends_with(&format!("{summary}\n")),
        "{name}: {}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{name}: {}", run.stderr);
    assert!(
        run.cpu < REFUSE_TIME,
        "{name}: took {:?} of CPU to refuse",
        run.cpu
    );
    assert!(
        run.max_rss_kib < REFUSE_MEMORY_KIB,
        "{name}: used {} KiB to refuse",
        run.max_rss_kib
    );
    show_cost(name, &run);
    run
}

/// With `PLANPRESS_SHOW_COSTS=1`, prints what each hostile file cost to check.
fn show_cost(name: &str, run: &Measured) {
    if std::env::var_os("PLANPRESS_SHOW_COSTS").is_some() {
        safety::notice(&format!(
            "{name}: {} ms, {} ms of CPU, peak {} KiB",
            run.wall.as_millis(),
            run.cpu.as_millis(),
            run.max_rss_kib
        ));
    }
}

fn lines(expected: &[&str]) -> Vec<String> {
    expected.iter().map(|s| s.to_string()).collect()
}

/// Every refused file in the corpus and its exact errors.
const REFUSED: &[(&str, &[&str])] = &[
    // YAML that would cost unbounded time or memory, refused before serde sees it.
    (
        "billion-laughs",
        &["4:8: YAML aliases (\"*name\") are not allowed in front matter"],
    ),
    (
        "alias-in-flow",
        &["4:9: YAML aliases (\"*name\") are not allowed in front matter"],
    ),
    (
        "deep-flow-nesting",
        &["3:40: the front matter nests too deeply"],
    ),
    (
        "deep-flow-over-lines",
        &["36:3: the front matter nests too deeply"],
    ),
    (
        "deep-indented-maps",
        &["36:67: the front matter nests too deeply"],
    ),
    (
        "long-front-matter-line",
        &["2:1: this line is 5007 characters long, more than the 4096 allowed in front matter"],
    ),
    (
        "flow-bomb-over-lines",
        &["3:8: \"order\" should be a whole number but is a list"],
    ),
    // YAML mistakes, each at its place.
    (
        "duplicate-key",
        &["4:1: the key \"title\" appears more than once"],
    ),
    (
        "tab-indentation",
        &["4:1: a tab character is used for indentation"],
    ),
    (
        "multiple-yaml-documents",
        &["2:1: the front matter is not valid YAML: deserializing from YAML containing more than one document is not supported"],
    ),
    ("merge-key", &["3:1: unknown key \"<<\""]),
    (
        "front-matter-is-a-list",
        &["2:1: the front matter should be a set of keys, one per line but is a list"],
    ),
    (
        "huge-number",
        &["3:8: \"order\" should be a whole number but is string \"99999999999999999999999999999999999999999999999999999999999999999999999999999999... (2000 characters)\""],
    ),
    // Fences.
    (
        "unterminated-front-matter",
        &["1:1: the front matter is not closed: no second \"---\" line was found"],
    ),
    (
        "only-opening-fence",
        &["1:1: the front matter is not closed: no second \"---\" line was found"],
    ),
    ("empty", &["1:1: the file is empty"]),
    // Bytes that are not text.
    (
        "not-utf8",
        &["2:11: the file is not UTF-8 text (bad byte at offset 14)"],
    ),
    ("utf16", &["1:1: the file is saved as UTF-16 text, not UTF-8"]),
    (
        "nul-byte",
        &["4:6: the file contains a NUL byte (U+0000); it may not be a text file"],
    ),
    (
        "escape-sequence",
        &["4:6: the file contains a control character (U+001B) that is not text"],
    ),
    (
        "unicode-line-separator",
        &["2:14: the front matter contains a Unicode line separator (U+2028), which YAML reads as a line break"],
    ),
    (
        "c1-control",
        &["2:11: the file contains a control character (U+0085) that is not text"],
    ),
    // Markdown: script addresses, paths out of the site, third-party images, nesting.
    (
        "javascript-link",
        &[
            "4:1: the link \"javascript:alert(1)\" would run code or embed data",
            "6:1: the link \"data:text/html,<script>alert(1)</script>\" would run code or embed data",
            "8:1: the link \"VBScript:msgbox\" would run code or embed data",
            "10:1: the link \"javascript:alert(1)\" would run code or embed data",
        ],
    ),
    (
        "relative-links",
        &[
            "4:1: the link \"../../../etc/passwd\" climbs folders with \"..\"; links between pages give the page's address from the site root",
            "6:1: the image \"../secret.png\" is not in the images/ folder",
            "8:1: the link \"/../../etc/passwd\" climbs folders with \"..\"; links between pages give the page's address from the site root",
            "10:1: the link \"file:///etc/passwd\" uses the \"file:\" scheme, which browsers do not open as a web page",
        ],
    ),
    (
        "external-image",
        &[
            "4:1: the image \"https://tracker.example/p.gif\" is on another website; showing it would make every reader's browser contact that website",
            "6:1: the image \"//tracker.example/p.gif\" is on another website; showing it would make every reader's browser contact that website",
        ],
    ),
    (
        "deep-markdown-nesting",
        &["4:33: the text nests more than 32 levels deep here (quotes, lists or emphasis inside one another)"],
    ),
    (
        "deep-list-nesting",
        &["20:33: the text nests more than 32 levels deep here (quotes, lists or emphasis inside one another)"],
    ),
    (
        "deep-raw-html",
        &["4:1: the HTML here nests more than 32 elements deep"],
    ),
    (
        "level-one-heading",
        &["4:1: a level-1 heading (\"# \") in the text; the page title is already the level-1 heading"],
    ),
];

#[test]
fn every_refused_file_gives_its_exact_errors_quickly_and_without_a_panic() {
    for (name, expected) in REFUSED {
        assert_refused(
            name,
            &hostile(&format!("refused/{name}.md")),
            &lines(expected),
        );
    }
}

#[test]
fn every_file_in_the_corpus_has_its_outcome_asserted() {
    let listed: Vec<String> = REFUSED
        .iter()
        .map(|(n, _)| format!("refused/{n}.md"))
        .chain(["refused/unknown-keys-flood.md", "refused/many-bad-links.md"].map(String::from))
        .chain(ACCEPTED.iter().map(|n| format!("accepted/{n}.md")))
        .chain(SANITISED.iter().map(|(n, _)| format!("sanitised/{n}.md")))
        .collect();
    let readme = fs::read_to_string(repo().join("tests/fixtures/hostile/README.md")).unwrap();
    for dir in ["refused", "accepted", "sanitised"] {
        for entry in fs::read_dir(repo().join("tests/fixtures/hostile").join(dir)).unwrap() {
            let rel = format!("{dir}/{}", entry.unwrap().file_name().to_string_lossy());
            assert!(listed.contains(&rel), "{rel} has no asserted outcome");
            assert!(
                readme.contains(&format!("`{rel}`")),
                "{rel} is not in the README"
            );
        }
    }
}

#[test]
fn a_flood_of_unknown_keys_is_reported_up_to_the_retry_budget() {
    // 2,000 unknown keys (16,903 bytes of front matter): the file is re-read once per problem,
    // up to 512 KiB of YAML in all, so the first 31 are reported, each at its line.
    let expected: Vec<String> = (0..31)
        .map(|i| format!("{}:1: unknown key \"k{i}\"", i + 3))
        .collect();
    assert_refused(
        "unknown-keys-flood",
        &hostile("refused/unknown-keys-flood.md"),
        &expected,
    );
}

#[test]
fn a_flood_of_broken_links_lists_the_first_hundred_then_says_more_follow() {
    let mut expected: Vec<String> = (0..100)
        .map(|i| {
            format!(
                "{}:1: the link \"/nowhere-{i}/\" points to a page that does not exist",
                i + 4
            )
        })
        .collect();
    expected.push(
        "104:1: more problems from here on are not listed (only the first 100 in the text are)"
            .to_string(),
    );
    assert_refused(
        "many-bad-links",
        &hostile("refused/many-bad-links.md"),
        &expected,
    );
}

/// Files that must simply work: line endings and byte order marks are normalised at load.
const ACCEPTED: &[&str] = &["bom", "double-bom", "crlf", "cr-only", "mixed-line-endings"];

#[test]
fn byte_order_marks_and_every_kind_of_line_ending_simply_work() {
    let site = Site::minimal();
    for name in ACCEPTED {
        fs::write(
            site.path(&format!("content/{name}.md")),
            hostile(&format!("accepted/{name}.md")),
        )
        .unwrap();
    }
    let run = site.run(&["check"]);
    assert!(run.status.success(), "{}", common::stderr(&run));
    let plan = planpress::read_plan(&site.path("content")).unwrap();
    let titles: Vec<&str> = plan.pages.iter().map(|p| p.title.as_str()).collect();
    for title in [
        "Byte order mark",
        "Two BOMs",
        "Windows line endings",
        "Old Mac line endings",
        "Mixed line endings",
    ] {
        assert!(titles.contains(&title), "{title} missing from {titles:?}");
    }
    let crlf = plan.pages.iter().find(|p| p.id == "crlf").unwrap();
    assert_eq!(
        crlf.body.markdown, "Saved on Windows.\n\n## A heading\n",
        "CRLF is normalised"
    );
}

// ---- Files too big to commit, generated here ---------------------------------------------

/// Peak memory of checking the minimal plan as it is, to compare the big files against.
fn baseline_memory_kib() -> u64 {
    let run = check_measured(|_| {});
    assert!(run.status.success(), "{}", run.stderr);
    run.max_rss_kib
}

#[test]
fn a_50_mb_file_is_refused_by_its_size_without_being_read() {
    let baseline = baseline_memory_kib();
    let run = check_measured(|s| {
        // Sparse: 50 MB long, no disk used.
        let f = fs::File::create(s.path(PLACED_AT)).unwrap();
        f.set_len(50 * 1000 * 1000).unwrap();
    });
    assert_eq!(
        run.error_lines(),
        vec![format!(
            "{PLACED_AT}: error: the file is larger than 1 MiB, too large to be a content file"
        )]
    );
    assert!(run.cpu < REFUSE_TIME, "took {:?} of CPU", run.cpu);
    show_cost("50 MB file", &run);
    // Reading it would add 50 MB; allow for the noise of a different path through the code.
    assert!(
        run.max_rss_kib < baseline + 8 * 1024,
        "peak memory {} KiB against {baseline} KiB for the plain plan",
        run.max_rss_kib
    );
}

#[test]
fn front_matter_larger_than_64_kib_is_refused_before_parsing() {
    let mut text = String::from("---\ntitle: Big\nitems:\n");
    while text.len() < 70 * 1024 {
        text.push_str("  - a commitment written in the front matter instead of the text\n");
    }
    text.push_str("---\n");
    assert_refused(
        "big-front-matter",
        text.as_bytes(),
        &lines(&["2:1: the front matter is 71 KiB, more than the 64 KiB allowed"]),
    );
}

#[test]
fn a_huge_scalar_is_refused_by_the_file_size_limit() {
    let text = format!("---\ntitle: {}\n---\n", "x".repeat(2 * 1024 * 1024));
    let run = assert_refused(
        "huge-scalar",
        text.as_bytes(),
        &lines(&["the file is larger than 1 MiB, too large to be a content file"]),
    );
    assert!(run.max_rss_kib < REFUSE_MEMORY_KIB);
}

#[test]
fn a_block_scalar_just_under_the_front_matter_limit_costs_little() {
    let mut text = String::from("---\ntitle: |\n");
    for _ in 0..60 {
        text.push_str(&format!("  {}\n", "y".repeat(1000)));
    }
    text.push_str("---\n");
    let run = check_measured(|s| {
        fs::write(s.path(PLACED_AT), &text).unwrap();
    });
    assert!(run.status.success(), "{}", run.stderr);
    assert!(run.cpu < REFUSE_TIME, "took {:?} of CPU", run.cpu);
}

/// The slowest shapes of Markdown found, at the largest size a content file may have. Each is
/// checked (parse, heading ids, every link and nesting limit), and built, within generous
/// bounds.
#[test]
fn the_costliest_markdown_at_the_size_limit_is_checked_in_bounded_time() {
    fn fill(unit: &str) -> String {
        let mut body = String::new();
        while body.len() + unit.len() < 1024 * 1024 - 64 {
            body.push_str(unit);
        }
        format!("---\ntitle: Worst case\n---\n{body}")
    }
    let cases = [
        ("150,000 same-named headings", fill("## a\n\n"), true),
        ("260,000 list items", fill("- a\n"), true),
        ("87,000 broken links", fill("[a](/nope/)\n"), false),
        (
            "87,000 links to tracking images",
            fill("![a](https://t.example/a.png)\n"),
            false,
        ),
        ("300,000 unclosed tags", fill("<b>"), false),
        // Minutes in the HTML sanitiser, were a build not to stop short of cleaning a body
        // it has found a problem in.
        ("200,000 unclosed blocks", fill("<div>"), false),
    ];
    for ((name, text, valid), args) in cases.iter().flat_map(|c| [(c, CHECK), (c, BUILD)]) {
        let run = measured(args, |s| {
            fs::write(s.path(PLACED_AT), text).unwrap();
        });
        let name = &format!("{name} ({})", args.join(" "));
        assert_eq!(run.status.success(), *valid, "{name}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{name}: {}", run.stderr);
        assert!(
            run.error_lines().len() <= 101,
            "{name}: {} errors",
            run.error_lines().len()
        );
        // CPU time, not wall time: the bound is for work that grows out of all proportion,
        // and must not fail because the machine is busy with other work.
        assert!(
            run.cpu < Duration::from_secs(15),
            "{name}: took {:?} of CPU ({:?} of wall time)",
            run.cpu,
            run.wall
        );
        show_cost(name, &run);
        assert!(
            run.max_rss_kib < 512 * 1024,
            "{name}: used {} KiB",
            run.max_rss_kib
        );
    }
}

// ---- Paths that lead out of their folder --------------------------------------------------

#[test]
fn links_and_named_pipes_that_leave_the_content_folder_are_refused() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    fs::write(
        outside.path().join("secret.md"),
        "---\ntitle: Secret\n---\n",
    )
    .unwrap();
    fs::create_dir(outside.path().join("folder")).unwrap();
    let fifo = outside.path().join("pipe");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let run = check_measured(|s| {
        symlink(
            outside.path().join("secret.md"),
            s.path("content/secret.md"),
        )
        .unwrap();
        symlink(outside.path().join("folder"), s.path("content/folder")).unwrap();
        symlink("/etc/passwd", s.path("content/passwd.md")).unwrap();
        // A pipe inside the folder: opening it would wait forever for a writer.
        fs::rename(&fifo, s.path("content/pipe-target")).unwrap();
        symlink(s.path("content/pipe-target"), s.path("content/pipe.md")).unwrap();
        symlink(s.path("content/about.md"), s.path("content/also-about.md")).unwrap();
    });
    let errors = run.error_lines();
    let outside_real = outside.path().canonicalize().unwrap();
    let expect = [
        format!(
            "content/folder: error: this link points outside the content folder (to {})",
            outside_real.join("folder").display()
        ),
        "content/passwd.md: error: this link points outside the content folder (to /etc/passwd)"
            .to_string(),
        "content/pipe.md: error: this is not a regular file".to_string(),
        format!(
            "content/secret.md: error: this link points outside the content folder (to {})",
            outside_real.join("secret.md").display()
        ),
    ];
    // `also-about.md` links inside the folder and is read like any file.
    assert_eq!(errors, expect, "{}", run.stderr);
    assert!(run.cpu < REFUSE_TIME, "took {:?} of CPU", run.cpu);
}

#[test]
fn theme_files_that_link_outside_the_theme_are_refused() {
    use std::os::unix::fs::symlink;
    let site = Site::minimal();
    let themes = site.path("themes");
    fs::create_dir_all(themes.join("evil/static")).unwrap();
    fs::create_dir_all(themes.join("evil/templates")).unwrap();
    symlink("/etc/passwd", themes.join("evil/static/passwd.css")).unwrap();
    let run = site.run(&["build", "--theme", "evil", "--no-large-print"]);
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(
        common::stderr(&run),
        "error: themes/evil/static/passwd.css points outside the theme folder; copy the file in instead\n"
    );
    assert!(!site.path("public").exists());

    // A template folder that is itself a link out of the theme is refused the same way.
    fs::remove_file(themes.join("evil/static/passwd.css")).unwrap();
    fs::remove_dir(themes.join("evil/templates")).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    fs::write(elsewhere.path().join("base.html"), "{{ page.title }}").unwrap();
    symlink(elsewhere.path(), themes.join("evil/templates")).unwrap();
    let run = site.run(&["build", "--theme", "evil", "--no-large-print"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        common::stderr(&run).contains("themes/evil/templates points outside the theme folder"),
        "{}",
        common::stderr(&run)
    );
    // A theme name cannot climb out of the themes folder either.
    let run = site.run(&["build", "--theme", "../evil", "--no-large-print"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        common::stderr(&run).contains("\"../evil\" is not a theme name"),
        "{}",
        common::stderr(&run)
    );
}

#[test]
fn a_theme_template_nested_thousands_deep_is_refused_at_its_line_not_a_crash() {
    // Tera's parser and renderer recurse once per level: a few hundred nested blocks or
    // brackets overflow the stack and end the process. Both shapes are refused with the line.
    let site = Site::minimal();
    let templates = site.path("themes/deep/templates");
    fs::create_dir_all(&templates).unwrap();
    let blocks = format!(
        "{{% extends \"base.html\" %}}\n{{% block content %}}\n{}x{}\n{{% endblock content %}}\n",
        "{% if true %}".repeat(5_000),
        "{% endif %}".repeat(5_000)
    );
    let brackets = format!(
        "{{% extends \"base.html\" %}}\n{{% block content %}}\n\n{{{{ {}1{} }}}}\n{{% endblock content %}}\n",
        "(".repeat(50_000),
        ")".repeat(50_000)
    );
    for (template, line) in [(blocks, 3), (brackets, 4)] {
        fs::write(templates.join("page.html"), template).unwrap();
        let run = site.run(&["build", "--theme", "deep", "--no-large-print"]);
        assert_eq!(run.status.code(), Some(1), "{}", common::stderr(&run));
        let stderr = common::stderr(&run);
        assert!(
            stderr.starts_with(&format!(
                "error: themes/deep/templates/page.html:{line}: the template nests more than 32 levels deep here"
            )),
            "{stderr}"
        );
        assert!(!site.path("public").exists());
    }
}

// ---- Names that collide -------------------------------------------------------------------

#[test]
fn items_that_would_share_an_address_or_take_a_generated_one_are_refused() {
    let run = check_measured(|s| {
        // A page with the same id as the aim folder `safety`.
        s.write("content/safety.md", "---\ntitle: Safety page\n---\n");
        // Pages named after generated pages and folders.
        s.write("content/glossary.md", "---\ntitle: Glossary\n---\n");
        s.write("content/static.md", "---\ntitle: Static\n---\n");
        s.write("content/404.md", "---\ntitle: Not found\n---\n");
        s.write("content/large-print.md", "---\ntitle: Large print\n---\n");
        // A second priority file with an id already used in the aim.
        s.write(
            "content/safety/03-safer-streets.md",
            "---\ntitle: Again\ncommissioner:\n  commitments:\n    - id: again-one\n      text: Again.\n---\n",
        );
    });
    let errors = run.error_lines();
    let expected = [
        "content/404.md: error: \"404\" is reserved for a generated page and cannot name a page",
        "content/glossary.md: error: \"glossary\" is reserved for a generated page and cannot name a page",
        "content/large-print.md: error: \"large-print\" is reserved for a generated page and cannot name a page",
        "content/safety/03-safer-streets.md: error: the priority id \"safer-streets\" is already used by content/safety/01-safer-streets.md",
        "content/safety.md: error: the page id \"safety\" is already used by content/safety/_index.md",
        "content/static.md: error: \"static\" is reserved for a generated page and cannot name a page",
    ];
    assert_eq!(errors, expected, "{}", run.stderr);
}

// ---- Raw HTML -----------------------------------------------------------------------------

/// Each sanitised file and exactly what its body becomes.
const SANITISED: &[(&str, &str)] = &[
    (
        "script-elements",
        "<p>Before  after.</p>\n\n\n",
    ),
    (
        "event-handlers",
        "<img src=\"x.png\" alt=\"x\">\n<p><a href=\"/about/\">link</a></p>\n<div>hover</div>\n<p tabindex=\"0\">focus</p>\n",
    ),
    (
        "script-addresses",
        "<p><a>a</a>\n<a>b</a>\n<a>c</a>\n<a>d</a>\n<a>e</a>\n<a href=\"https://www.gov.uk/\">f</a></p>\n",
    ),
    (
        "frames-and-objects",
        "\n<p></p>\n\n\n<p>Text stays.</p>\n",
    ),
    ("forms", "Log in\n"),
    (
        "styles",
        "\n<p>Styled</p>\n<div>bg</div>\n",
    ),
    (
        "images",
        "<img alt=\"tracker\">\n<img alt=\"protocol-relative\">\n<img alt=\"data\">\n<img src=\"/static/logo.png\" alt=\"Logo\">\n",
    ),
    (
        "document-level-tags",
        "\n\n\n<p>Text stays.</p>\n",
    ),
    ("svg-and-math", "<p></p>\n<p></p>\n"),
    (
        "comments-and-cdata",
        // CDATA is not HTML: the parser reads it as a comment up to the first `>`, and the
        // rest as text.
        "\nalert(2)]]&gt;\n<p>Text stays.</p>\n",
    ),
    // The `<noscript>` trick leaves its text and a harmless image; the tag inside a tag is
    // read as text up to the image.
    (
        "parser-confusion",
        "<p>&lt;p title=\"<img src=\"x\">\"&gt;</p>\n<p></p>\n<p>&lt;a href=\"/about/\"<img src=\"x\">&gt;x</p>\n",
    ),
    (
        "allowed-html",
        "<p><abbr title=\"Police and Crime Commissioner\">PCC</abbr> and <b>bold</b>, <i>italic</i>, <mark>marked</mark>.</p>\n<details><summary>More</summary>\n<p>Hidden text.</p>\n</details>\n<p><a href=\"https://www.gov.uk/\">GOV.UK</a></p>\n",
    ),
];

fn body_of(file: &[u8]) -> String {
    let text = String::from_utf8(file.to_vec()).unwrap();
    let split = planpress::parse::split(&text, Path::new("x.md")).unwrap();
    split.body.to_string()
}

#[test]
fn raw_html_is_sanitised_to_exactly_what_is_safe() {
    for (name, expected) in SANITISED {
        let body = body_of(&hostile(&format!("sanitised/{name}.md")));
        let html = render(&body, &Route::Page((*name).to_string())).html;
        assert_eq!(html, *expected, "{name}");
        assert!(
            html_problems(&html, false).is_empty(),
            "{name}: {:?}",
            html_problems(&html, false)
        );
    }
}

#[test]
fn raw_html_can_be_refused_with_its_place_instead() {
    let run = check_measured(|s| {
        s.edit(
            "content/_index.md",
            "published: 2024-05-01",
            "published: 2024-05-01\nraw_html: reject",
        );
        fs::write(s.path(PLACED_AT), hostile("sanitised/event-handlers.md")).unwrap();
        let mut many = String::from("---\ntitle: Many\n---\n");
        for i in 0..25 {
            many.push_str(&format!("Line {i} <b>bold</b>\n\n"));
        }
        s.write("content/many.md", &many);
    });
    let mut expected = vec![
        "content/hostile.md:4:1: error: raw HTML (\"<img src=\"x.png\" alt=\"x\" onerror=\"alert(...\") is not allowed: the plan sets raw_html: reject".to_string(),
        "content/hostile.md:6:1: error: raw HTML (\"<a href=\"/about/\" onclick=\"alert(2)\">\") is not allowed: the plan sets raw_html: reject".to_string(),
        "content/hostile.md:6:42: error: raw HTML (\"</a>\") is not allowed: the plan sets raw_html: reject".to_string(),
        "content/hostile.md:8:1: error: raw HTML (\"<div onmouseover=\"alert(3)\">hover</div>\") is not allowed: the plan sets raw_html: reject".to_string(),
        "content/hostile.md:10:1: error: raw HTML (\"<p ONFOCUS=alert(4) tabindex=0>focus</p>\") is not allowed: the plan sets raw_html: reject".to_string(),
    ];
    // 25 lines with two tags each: the first 20 places, then one line saying more follow.
    for i in 0..10 {
        let line = 4 + 2 * i;
        let col = if i < 10 { 8 } else { 9 };
        expected.push(format!("content/many.md:{line}:{col}: error: raw HTML (\"<b>\") is not allowed: the plan sets raw_html: reject"));
        expected.push(format!("content/many.md:{line}:{}: error: raw HTML (\"</b>\") is not allowed: the plan sets raw_html: reject", col + 7));
    }
    expected.push("content/many.md:24:9: error: more raw HTML from here on is not allowed either (only the first places are listed)".to_string());
    let mut errors: Vec<String> = run.error_lines().iter().map(|s| s.to_string()).collect();
    errors.sort();
    expected.sort();
    assert_eq!(errors, expected, "{}", run.stderr);
    assert!(run.stderr.contains("help: write it in Markdown instead"));

    // The setting takes the two spellings, and nothing else.
    let run = check_measured(|s| {
        s.edit(
            "content/_index.md",
            "published: 2024-05-01",
            "published: 2024-05-01\nraw_html: sanitize",
        );
    });
    assert!(run.status.success(), "{}", run.stderr);
    let run = check_measured(|s| {
        s.edit(
            "content/_index.md",
            "published: 2024-05-01",
            "published: 2024-05-01\nraw_html: allow",
        );
    });
    // (An unparsable plan file is also reported as missing: a cascade outside this test's
    // scope, so only the line that matters is asserted.)
    assert!(
        run.error_lines().contains(
            &"content/_index.md:9:11: error: \"allow\" is not an allowed value for \"raw_html\""
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("use one of: sanitise, sanitize, reject"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_script_address_in_the_plan_settings_is_refused() {
    let run = check_measured(|s| {
        s.edit(
            "content/_index.md",
            "  url: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            "  url: javascript:alert(document.cookie)",
        );
    });
    assert_eq!(
        run.error_lines(),
        vec!["content/_index.md:11:8: error: \"javascript:alert(document.cookie)\" is not a web address"]
    );
}

/// Every field an author writes, with script in it: each must come out escaped.
const PAYLOAD: &str = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";

#[test]
fn hostile_pages_and_fields_build_into_a_site_with_no_script_anywhere() {
    let site = Site::minimal();
    for (name, _) in SANITISED {
        fs::write(
            site.path(&format!("content/{name}.md")),
            hostile(&format!("sanitised/{name}.md")),
        )
        .unwrap();
    }
    let quoted = format!("\"{}\"", PAYLOAD.replace('"', "\\\""));
    site.edit(
        "content/_index.md",
        "title: Test Plan",
        &format!("title: {quoted}"),
    )
    .edit(
        "content/_index.md",
        "area: Testshire",
        &format!("area: {quoted}\nsubtitle: {quoted}"),
    )
    .edit(
        "content/_index.md",
        "commissioner: Alex Example",
        &format!("commissioner: {quoted}"),
    )
    .edit(
        "content/_index.md",
        "  name: Open Government Licence v3.0",
        &format!("  name: {quoted}"),
    )
    .edit(
        "content/_index.md",
        "  phone: 01234 567890",
        &format!("  phone: {quoted}"),
    )
    .edit(
        "content/_index.md",
        "  email: opcc@example.org",
        &format!("  email: {quoted}"),
    )
    .edit(
        "content/_index.md",
        "    - Testtown",
        &format!("    - {quoted}"),
    )
    .edit(
        "content/safety/_index.md",
        "title: Keeping people safe",
        &format!("title: {quoted}"),
    )
    .edit(
        "content/safety/_index.md",
        "  - People are safer.",
        &format!("  - {quoted}"),
    )
    .edit(
        "content/safety/01-safer-streets.md",
        "title: Make streets safer",
        &format!("title: {quoted}"),
    )
    .edit(
        "content/safety/01-safer-streets.md",
        "      text: Fund more patrols.",
        &format!("      text: {quoted}\n      owner: {quoted}"),
    )
    .edit(
        "content/glossary/anti-social-behaviour.md",
        "term: Anti-social behaviour",
        &format!("term: {quoted}"),
    )
    .edit(
        "content/about.md",
        "title: About the plan",
        &format!("title: {quoted}"),
    )
    .edit(
        "content/performance/calls-answered.md",
        "source: Test force performance report",
        &format!("source: {quoted}"),
    );
    site.build();
    let mut pages = 0;
    for (path, bytes) in site.output() {
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        let html = String::from_utf8(bytes).unwrap();
        let mut problems = html_problems(&html, true);
        if path == "large-print/index.html" || path == "cy/large-print/index.html" {
            // Its stylesheet is inline (see docs/security.md); nothing else may be.
            problems.retain(|p| p != "<style> element");
        }
        if path == "search/index.html" || path == "cy/search/index.html" {
            // Its form and its two script files, and nothing else (see docs/security.md).
            problems = search_page_problems(&html);
        } else {
            assert!(!html.contains("<script"), "{path}");
        }
        assert!(problems.is_empty(), "{path}: {problems:?}");
        assert!(!html.contains("alert(1)</script>\""), "{path}");
    }
    assert!(pages >= 20, "only {pages} pages");
    // The payload shows as text where the author wrote it.
    let escaped =
        "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;";
    for page in [
        "index.html",
        "safety/index.html",
        "safety/safer-streets/index.html",
        "glossary/index.html",
        "about/index.html",
        "performance/calls-answered/index.html",
    ] {
        let html = fs::read_to_string(site.path("public").join(page)).unwrap();
        assert!(
            html.contains(escaped),
            "{page} does not show the escaped text"
        );
    }
}

// ---- The published site -------------------------------------------------------------------

/// The policy `base.html` gives every page.
const CSP: &str = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

#[test]
fn every_page_of_the_shipped_site_carries_and_satisfies_the_content_security_policy() {
    let site = Site::shipped();
    site.build();
    let mut pages = 0;
    for (path, bytes) in site.output() {
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        let html = String::from_utf8(bytes).unwrap();
        let tags = common::tags(&html);
        let policy = tags
            .iter()
            .find(|t| t.name == "meta" && t.attr("http-equiv") == Some("Content-Security-Policy"))
            .and_then(|t| t.attr("content"));
        let mut problems = html_problems(&html, true);
        if path == "large-print/index.html" || path == "cy/large-print/index.html" {
            // The known exception (docs/security.md): its stylesheet is inline because the same
            // page is also exported standalone, and it carries no policy of its own.
            assert_eq!(policy, None, "{path}");
            problems.retain(|p| p != "<style> element");
        } else {
            assert_eq!(policy, Some(CSP), "{path}");
        }
        if path == "search/index.html" || path == "cy/search/index.html" {
            // The one page with scripts: its index and the theme's search.js, both files of
            // the site (which the policy allows), and its search form, sent nowhere.
            problems = search_page_problems(&html);
        }
        // No script but the search page's two files, nothing inline for `style-src 'self'`
        // to block, no plugin, no form but the search page's.
        assert!(problems.is_empty(), "{path}: {problems:?}");
        assert!(
            !tags.iter().any(|t| t.name == "meta"
                && t.attr("name")
                    .is_some_and(|n| n.eq_ignore_ascii_case("generator"))),
            "{path} has a generator banner"
        );
        assert!(
            !html.contains("planpress 0."),
            "{path} names planpress's version"
        );
    }
    assert!(pages > 60, "only {pages} pages");
    // The only script files are the search page's: the theme's search.js and the index.
    let scripts: Vec<String> = site
        .output()
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| p.ends_with(".js"))
        .collect();
    // The shipped plan is in English and Welsh: each language's search page has its index.
    assert_eq!(scripts.len(), 3, "{scripts:?}");
    assert!(
        scripts[0].starts_with("cy/search/search-index."),
        "{scripts:?}"
    );
    let scripts = &scripts[1..];
    assert_eq!(scripts[1], "static/search.js", "{scripts:?}");
    assert!(
        scripts[0].starts_with("search/search-index."),
        "{scripts:?}"
    );
}
