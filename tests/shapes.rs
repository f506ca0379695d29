//! Any office's plan, in any shape: planpress's own code names no particular plan, and plans
//! of other shapes (other words for the levels, one level only, commitments by other parties,
//! missing parts) build and read well.

mod common;

use std::fs;
use std::path::Path;

use common::repo;

/// Words that name the shipped plan's area, force, people and places: those its plan file
/// gives (area, force, commissioner, local policing areas, address, telephone, email), and
/// the places and people its pages name.
fn shipped_plan_words() -> Vec<String> {
    let plan = planpress::read_plan(&repo().join("content")).expect("the shipped plan reads");
    let m = &plan.meta;
    let mut words: Vec<String> = vec![m.area.clone(), m.force.clone(), m.commissioner.clone()];
    words.extend(m.areas.iter().map(|a| a.name.clone()));
    words.extend(m.contact.address.iter().cloned());
    words.extend(m.contact.phone.iter().cloned());
    words.extend(m.contact.email.iter().cloned());
    words.extend(m.contact.social.iter().map(|s| s.handle.clone()));
    words.extend(
        [
            "Mercia",
            "Campion",
            "Worcester",
            "Worcs",
            "Hindlip",
            "Hereford",
            "Shropshire",
            "Shrewsbury",
            "Telford",
            "Wrekin",
            "Redditch",
        ]
        .map(String::from),
    );
    // The commissioner's surname and the distinctive word of the area on their own.
    words.extend(m.commissioner.split_whitespace().last().map(String::from));
    words.sort();
    words.dedup();
    words.retain(|w| w.trim().len() >= 4);
    words
}

/// Every text file under `dir`, with its path.
fn text_files(dir: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let text = fs::read_to_string(e.path()).ok()?;
            Some((e.path().display().to_string(), text))
        })
        .collect()
}

/// The words found in `files`, each with where: `path:line: word`.
fn findings(files: &[(String, String)], words: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in files {
        for (n, line) in text.lines().enumerate() {
            let lower = line.to_lowercase();
            for w in words {
                if lower.contains(&w.to_lowercase()) {
                    found.push(format!("{path}:{}: {w}", n + 1));
                }
            }
        }
    }
    found
}

/// planpress serves every office: its code and its theme name no particular plan. Every such
/// word comes from the content.
#[test]
fn nothing_in_src_or_themes_names_the_shipped_plan() {
    let words = shipped_plan_words();
    assert!(words.iter().any(|w| w == "Campion"), "{words:?}");
    let mut files = text_files(&repo().join("src"));
    files.extend(text_files(&repo().join("themes")));
    assert!(files.len() > 50, "the scan read {} files", files.len());
    // The scan itself finds a word where one is written.
    let planted = vec![("planted.rs".to_string(), "// Hindlip Hall".to_string())];
    assert_eq!(findings(&planted, &words), ["planted.rs:1: Hindlip"]);
    let found = findings(&files, &words);
    assert!(
        found.is_empty(),
        "src/ and themes/ name the shipped plan:\n{}",
        found.join("\n")
    );
}

use std::collections::BTreeMap;
use std::process::{Command, Output};
use std::sync::OnceLock;

use common::{element_text, stderr, stdout, strip_tags, unescape};

/// The example plans under `examples/`, each in a shape of its own.
const EXAMPLES: [&str; 2] = ["one-level-partners", "six-themes"];

/// Runs `planpress ARGS` in `dir`, without colour.
fn planpress(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planpress"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

/// One example built into a temporary folder by the real binary, with every output.
struct Built {
    _dir: tempfile::TempDir,
    out: std::path::PathBuf,
    build: Output,
}

impl Built {
    fn file(&self, rel: &str) -> String {
        fs::read_to_string(self.out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// The text of a page's main landmark, each tag read as a space and white space made
    /// single.
    fn main(&self, rel: &str) -> String {
        words_of(element_text(&self.file(rel), "main").unwrap_or_default())
    }

    /// The page's title.
    fn title(&self, rel: &str) -> String {
        unescape(element_text(&self.file(rel), "title").unwrap_or_default())
    }

    /// The large-print PDF's text, read back by poppler's pdftotext, white space made single.
    fn pdf_text(&self) -> String {
        let out = Command::new("pdftotext")
            .arg(self.out.join("large-print.pdf"))
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) runs; bash .ci/install-test-deps installs it");
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Builds `examples/<name>/content` once per test run.
fn built(name: &'static str) -> &'static Built {
    static BUILT: OnceLock<std::sync::Mutex<BTreeMap<&'static str, &'static Built>>> =
        OnceLock::new();
    let map = BUILT.get_or_init(Default::default);
    let mut map = map.lock().unwrap();
    map.entry(name).or_insert_with(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let content = repo().join("examples").join(name).join("content");
        let build = planpress(
            &repo(),
            &[
                "build",
                "--content",
                content.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert!(build.status.success(), "{name}: {}", stderr(&build));
        Box::leak(Box::new(Built {
            _dir: dir,
            out,
            build,
        }))
    })
}

/// The four words the issue names, and every other word that names the shipped plan.
fn forbidden_words() -> Vec<String> {
    let mut words: Vec<String> = ["Mercia", "Campion", "Worcester", "Hindlip"]
        .map(String::from)
        .to_vec();
    words.extend(shipped_plan_words());
    words.sort();
    words.dedup();
    words
}

/// Each example builds, passes `check --statutory --strict` (each covers every element), is
/// canonically formatted, warns of nothing, and no page, data file or line of its large-print
/// PDF names the shipped plan's area, force, people or places.
#[test]
fn the_examples_build_pass_the_strict_statutory_check_and_name_nothing_of_the_shipped_plan() {
    let words = forbidden_words();
    for name in EXAMPLES {
        let content = format!("examples/{name}/content");
        let check = planpress(
            &repo(),
            &["check", "--content", &content, "--statutory", "--strict"],
        );
        assert!(
            check.status.success(),
            "{name}: {}{}",
            stdout(&check),
            stderr(&check)
        );
        assert!(
            stdout(&check).contains("Every one is set out."),
            "{}",
            stdout(&check)
        );
        let fmt = planpress(
            &repo(),
            &["fmt", "--check", "--content", &content, &content],
        );
        assert!(
            fmt.status.success(),
            "{name} is not formatted: {}",
            stderr(&fmt)
        );
        let site = built(name);
        assert_eq!(stderr(&site.build), "", "{name}: the build warned");
        let mut files = text_files(&site.out);
        assert!(
            files.iter().any(|(p, _)| p.ends_with("plan.json")),
            "{name}"
        );
        assert!(
            files.iter().any(|(p, _)| p.ends_with("index.html")),
            "{name}"
        );
        files.push(("large-print.pdf (its text)".to_string(), site.pdf_text()));
        let found = findings(&files, &words);
        assert!(
            found.is_empty(),
            "{name} names the shipped plan:\n{}",
            found.join("\n")
        );
    }
    // The scan reads the PDF's text: a word there is found.
    let planted = vec![("large-print.pdf".to_string(), "at Hindlip Hall".to_string())];
    assert_eq!(findings(&planted, &words).len(), 1);
}

/// The words of some HTML: each tag read as a space, entities decoded, white space single.
fn words_of(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    unescape(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words readers see on every page of a built site (the whole page, tags removed).
fn visible_words(site: &Built) -> Vec<(String, String)> {
    walkdir::WalkDir::new(&site.out)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let html = fs::read_to_string(e.path()).unwrap();
            let text = unescape(&strip_tags(&html));
            (e.path().display().to_string(), text)
        })
        .collect()
}

/// The places `word` is written in `texts`, as whole words, any case.
fn whole_word(texts: &[(String, String)], word: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in texts {
        let lower = text.to_lowercase();
        for (at, _) in lower.match_indices(word) {
            let before = lower[..at].chars().next_back();
            let after = lower[at + word.len()..].chars().next();
            if !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
            {
                found.push(format!(
                    "{path}: …{}…",
                    &text[at.saturating_sub(40)..(at + 40).min(text.len())]
                ));
            }
        }
    }
    found
}

/// A plan of six themes whose level below is "area of focus": every page, the large print,
/// the plain text and the data say "theme" and "area of focus", never "aim" or "priority", in
/// headings, breadcrumbs, navigation and counts that agree in number; themes without outcomes
/// have no outcomes heading.
#[test]
fn the_plans_words_for_its_levels_are_used_everywhere() {
    let site = built("six-themes");
    let home = site.main("index.html");
    assert!(
        home.contains("The plan has 6 themes. Each theme has areas of focus, with the Commissioner's commitments and the Chief Constable's responsibilities; some also name the outcomes they seek."),
        "{home}"
    );
    let violence = site.main("violence/index.html");
    assert!(
        violence.starts_with("Reducing violence against women & girls"),
        "{violence}"
    );
    assert!(
        violence.contains("Areas of focus Safe at night in the towns"),
        "{violence}"
    );
    assert!(!violence.contains("Outcomes"), "{violence}");
    assert!(site.main("prevention/index.html").contains("Outcomes"));
    let page = "prevention/problem-solving/index.html";
    assert!(
        site.title(page)
            .starts_with("Area of focus 1.1: Problem-solving in every neighbourhood – "),
        "{}",
        site.title(page)
    );
    let priority = site.main(page);
    assert!(
        priority.starts_with("Preventing crime before it happens: area of focus 1 of 2"),
        "{priority}"
    );
    assert!(
        priority.contains(
            "Next area of focus Area of focus 1.2: Designing out crime: homes, car parks & paths"
        ),
        "{priority}"
    );
    let html = site.file(page);
    assert!(
        html.contains("aria-label=\"Previous and next area of focus\""),
        "{html}"
    );
    let delivery = site.main("delivery/index.html");
    for expected in [
        "By theme",
        "Theme Not started",
        "All themes",
        "Area of focus 1.1: Problem-solving",
    ] {
        assert!(delivery.contains(expected), "{expected}: {delivery}");
    }
    assert!(site
        .main("performance/burglary/index.html")
        .contains("Areas of focus this measure evidences"));
    let pdf = site.pdf_text();
    assert!(pdf.contains("Theme 1 of 6."), "{pdf}");
    assert!(
        pdf.contains("Area of focus 1.1: Problem-solving in every neighbourhood"),
        "{pdf}"
    );
    let mut texts = visible_words(site);
    texts.push(("large-print.pdf".into(), pdf));
    texts.push(("plain.txt".into(), site.file("plain.txt")));
    for word in ["aim", "aims", "priority", "priorities"] {
        let found = whole_word(&texts, word);
        assert!(
            found.is_empty(),
            "\"{word}\" shown to readers:\n{}",
            found.join("\n")
        );
    }
    let data: serde_json::Value = serde_json::from_str(&site.file("data/plan.json")).unwrap();
    assert_eq!(data["levels"]["aim"]["plural"], "themes");
    assert_eq!(data["levels"]["priority"]["singular"], "area of focus");
    assert_eq!(data["aims"].as_array().unwrap().len(), 6);
}

/// A plan of one level: its four priorities sit directly under the plan, in one folder with
/// no aim file. No page, the large print or the data shows an aim; one priority has text and no
/// commitments, and says so; a plan without statements or glossary terms has no page, link or
/// download for them.
#[test]
fn a_plan_of_one_level_has_no_aims_anywhere() {
    let site = built("one-level-partners");
    let home = site.main("index.html");
    assert!(
        home.contains("The plan has 4 priorities, with the Commissioner's commitments, the Chief Constable's responsibilities, commitments by Partners and commitments by Community Safety Partnerships."),
        "{home}"
    );
    assert!(site
        .main("priorities/index.html")
        .starts_with("Priorities ‘Safe at home’"));
    let page = "priorities/roads-and-rural-crime/index.html";
    assert!(
        site.title(page)
            .starts_with("Priority 2: Roads & rural crime – Safer Dunmere & Holt 2025–2029"),
        "{}",
        site.title(page)
    );
    let priority = site.main(page);
    assert!(
        priority.starts_with("Priority 2 of 4 Roads & rural crime"),
        "{priority}"
    );
    assert!(
        priority.contains("Previous priority Priority 1: ‘Safe at home’"),
        "{priority}"
    );
    let html = site.file(page);
    let crumbs = html
        .split("<nav class=\"breadcrumbs\"")
        .nth(1)
        .unwrap()
        .split("</nav>")
        .next()
        .unwrap();
    assert_eq!(
        words_of(&format!("<nav{crumbs}")),
        "Home Priorities",
        "{crumbs}"
    );
    assert!(site
        .main("priorities/neighbourhoods/index.html")
        .contains("No commitments are listed under this priority."));
    let delivery = site.main("delivery/index.html");
    assert!(delivery.contains("By priority"), "{delivery}");
    assert!(delivery.contains("All priorities"), "{delivery}");
    let mut texts = visible_words(site);
    let pdf = site.pdf_text();
    assert!(
        pdf.contains("Priorities Priority 1: ‘Safe at home’: tackling domestic abuse & stalking"),
        "{pdf}"
    );
    assert!(
        pdf.contains("No commitments are listed under this priority."),
        "{pdf}"
    );
    texts.push(("large-print.pdf".into(), pdf));
    for word in ["aim", "aims", "glossary"] {
        let found = whole_word(&texts, word);
        assert!(
            found.is_empty(),
            "\"{word}\" shown to readers:\n{}",
            found.join("\n")
        );
    }
    for missing in [
        "glossary",
        "performance",
        "data/performance.csv",
        "national-priorities",
    ] {
        assert!(!site.out.join(missing).exists(), "{missing} was made");
    }
    let data: serde_json::Value = serde_json::from_str(&site.file("data/plan.json")).unwrap();
    assert_eq!(data["aims"], serde_json::json!([]));
    assert_eq!(data["priorities"].as_array().unwrap().len(), 4);
    let csv = site.file("data/commitments.csv");
    let roads = csv
        .lines()
        .find(|l| l.starts_with("rural-crime-team,"))
        .unwrap();
    assert!(
        roads.starts_with("rural-crime-team,,,roads-and-rural-crime,2,"),
        "{roads}"
    );
}

/// Commitments by parties the plan declares: each with its own heading and lead-in on the
/// priority's page, counted by party on the delivery page and the aim's list, named in the
/// large print, and in the open data under the party's id.
#[test]
fn commitments_by_declared_parties_are_shown_and_tracked_by_party() {
    let site = built("one-level-partners");
    let safe = site.main("priorities/safe-at-home/index.html");
    assert!(
        safe.contains("What our partners will do Our partners will: Ask about domestic abuse"),
        "{safe}"
    );
    let html = site.file("priorities/safe-at-home/index.html");
    assert!(
        html.contains("<h2 id=\"partners\">What our partners will do</h2>"),
        "{html}"
    );
    let roads = site.main("priorities/roads-and-rural-crime/index.html");
    assert!(
        roads.contains("Commitments by Community Safety Partnerships The Community Safety Partnerships will: Train volunteers"),
        "{roads}"
    );
    assert!(
        roads.contains("The Chief Constable will: Enforce speed limits"),
        "a priority's own lead-in: {roads}"
    );
    let list = site.main("priorities/index.html");
    assert!(
        list.contains("(1 commitment by the Commissioner; 2 responsibilities for the Chief Constable; 1 commitment by Community Safety Partnerships)"),
        "{list}"
    );
    let delivery = site.main("delivery/index.html");
    assert!(delivery.contains("By who made them"), "{delivery}");
    for row in [
        "The Commissioner 0 0 0 0 3 0 3",
        "Partners 0 0 0 0 3 0 3",
        "Community Safety Partnerships 0 0 0 0 2 0 2",
    ] {
        assert!(delivery.contains(row), "{row}: {delivery}");
    }
    assert!(site
        .pdf_text()
        .contains("What our partners will do Our partners will:"));
    let data: serde_json::Value = serde_json::from_str(&site.file("data/plan.json")).unwrap();
    let first = &data["priorities"][0];
    assert_eq!(
        first["commitments_by"]["partners"]["lead"],
        "Our partners will:"
    );
    assert_eq!(
        first["commitments_by"]["partners"]["commitments"][0]["id"],
        "health-routine-enquiry"
    );
    assert!(first["chief_constable"].is_null());
    let parties: Vec<&str> = data["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        parties,
        [
            "commissioner",
            "chief-constable",
            "partners",
            "community-safety-partnerships"
        ]
    );
    let csv = site.file("data/commitments.csv");
    assert!(
        csv.lines().any(|l| l.starts_with("village-speed-checks,")
            && l.contains(",community-safety-partnerships,")),
        "{csv}"
    );
}

/// Names with ampersands, quotes, dashes, apostrophes and accented letters come through
/// whole: escaped once in HTML, as written in the PDF, the plain text and the data.
#[test]
fn real_names_are_rendered_correctly_everywhere() {
    let one = built("one-level-partners");
    let six = built("six-themes");
    let names = [
        (one, "Siân Ó Briain"),
        (one, "‘Safe at home’: tackling domestic abuse & stalking"),
        (one, "Young people — early help, not late help"),
        (one, "Safer Dunmere & Holt"),
        (six, "Dafydd O’Neill-Hughes"),
        (six, "Designing out crime: homes, car parks & paths"),
        (six, "Lower Vale & Aberdŵr"),
    ];
    for (site, name) in names {
        let escaped = name.replace('&', "&amp;");
        let pages: Vec<String> = walkdir::WalkDir::new(&site.out)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
            .map(|e| fs::read_to_string(e.path()).unwrap())
            .collect();
        assert!(
            pages.iter().any(|p| p.contains(&escaped)),
            "{name} is on no page"
        );
        // The areas' names are in the large print only with its performance part.
        if !name.starts_with("Lower Vale") {
            assert!(site.pdf_text().contains(name), "{name} is not in the PDF");
        }
        assert!(
            site.file("data/plan.json").contains(name),
            "{name} not in plan.json"
        );
    }
    assert!(six.pdf_text().contains("The Old Mill, Aberdŵr"));
    assert!(one
        .file("plain.txt")
        .contains("‘Safe at home’: tackling domestic abuse & stalking"));
    for site in [one, six] {
        for (path, text) in text_files(&site.out) {
            for bad in ["&amp;amp;", "&amp;#", "â€", "Ã"] {
                assert!(!text.contains(bad), "{path} holds {bad}");
            }
        }
    }
}

/// Copies `examples/<name>/content` to `<dir>/<to>`.
fn copy_example(name: &str, dir: &Path, to: &str) {
    common::copy_tree(
        &repo().join("examples").join(name).join("content"),
        &dir.join(to),
    );
}

/// Replaces the one place `from` is in `file`.
fn edit(file: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", file.display());
    fs::write(file, text.replacen(from, to, 1)).unwrap();
}

/// The diff report names aims and priorities in the plan's own words, numbers priorities as
/// every page does, names a declared party's commitments by their heading, and writes real
/// names whole.
#[test]
fn the_diff_report_speaks_the_plans_words() {
    let dir = tempfile::tempdir().unwrap();
    copy_example("six-themes", dir.path(), "old");
    copy_example("six-themes", dir.path(), "new");
    let new = dir.path().join("new");
    edit(
        &new.join("roads/_index.md"),
        "title: Safer roads and rural places",
        "title: Safer roads & rural places",
    );
    edit(
        &new.join("prevention/02-designing-out-crime.md"),
        "every large new estate",
        "every new estate of twenty homes or more",
    );
    let report = planpress(dir.path(), &["diff", "old", "new", "--format", "markdown"]);
    assert!(report.status.success(), "{}", stderr(&report));
    let md = stdout(&report);
    for expected in [
        "## Themes",
        "## Commitments",
        "Theme 4: Safer roads & rural places",
        "Area of focus 1.2: Designing out crime: homes, car parks & paths",
    ] {
        assert!(md.contains(expected), "{expected}:\n{md}");
    }
    for word in ["Aim ", "Aims", "Priority ", "Priorities"] {
        assert!(!md.contains(word), "{word}:\n{md}");
    }
    let html = planpress(dir.path(), &["diff", "old", "new", "--format", "html"]);
    let html = stdout(&html);
    assert!(
        html.contains("Theme 4: Safer roads &amp; rural places"),
        "{html}"
    );
    assert!(!html.contains("&amp;amp;"), "{html}");

    // A commitment moved from a declared party to the Commissioner is named by both headings.
    copy_example("one-level-partners", dir.path(), "a");
    copy_example("one-level-partners", dir.path(), "b");
    let b = dir.path().join("b/priorities/01-safe-at-home.md");
    edit(&b, "      - id: housing-safe-moves\n        text: Give victims who need to move home a safe place within a week.\n", "");
    edit(&b, "      text: Open a stalking advice clinic with the Constabulary and the courts.\n", "      text: Open a stalking advice clinic with the Constabulary and the courts.\n    - id: housing-safe-moves\n      text: Give victims who need to move home a safe place within a week.\n");
    let report = planpress(dir.path(), &["diff", "a", "b", "--format", "text"]);
    let text = stdout(&report);
    assert!(
        text.contains("Moved from Priority 1: ‘Safe at home’: tackling domestic abuse & stalking, what our partners will do to Priority 1: ‘Safe at home’: tackling domestic abuse & stalking, the Commissioner's commitments"),
        "{text}"
    );
}

/// The plan file of a small plan, with `extra` front matter added before its end.
fn plan_file(extra: &str) -> String {
    format!(
        "---\ntitle: Plan\nperiod: 2025-2029\nstatus: draft\narea: Northshire\ncommissioner: A. Person\n\
         organisation: Office of the Police and Crime Commissioner for Northshire\npublished: 2025-01-01\n\
         licence:\n  name: Open Government Licence v3.0\n  url: https://example.org/licence\n\
         contact:\n  email: office@example.org\n{extra}---\nThe foreword.\n"
    )
}

const AIM: &str = "---\ntitle: Safer streets\norder: 1\n---\nThe aim.\n";

/// A priority with `front` front matter (after its title).
fn priority_file(front: &str) -> String {
    format!("---\ntitle: A priority\n{front}---\n")
}

/// `planpress check` on a plan of `files` (path, text): its success, and what it printed.
fn check_files(files: &[(&str, &str)], args: &[&str]) -> (Output, String) {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in files {
        let p = dir.path().join("content").join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
    let mut all = vec!["check"];
    all.extend(args);
    let out = planpress(dir.path(), &all);
    let text = format!("{}{}", stdout(&out), stderr(&out));
    (out, text)
}

/// Asserts the plan is refused with `message` at `place` (`file:line`), and `hint`.
fn refused(files: &[(&str, &str)], place: &str, message: &str, hint: &str) {
    let (out, text) = check_files(files, &[]);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let line = text
        .lines()
        .position(|l| l.contains(message))
        .unwrap_or_else(|| panic!("no \"{message}\" in:\n{text}"));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[line].starts_with(place), "not at {place}:\n{text}");
    assert!(
        lines[line + 1..].iter().take(2).any(|l| l.contains(hint)),
        "no hint \"{hint}\" after it:\n{text}"
    );
}

const COMMITMENT: &str = "    commitments:\n      - id: c1\n        text: Do it.\n";

/// Every new setting refuses what it cannot use, at its file and line, with how to fix it.
#[test]
fn hostile_parties_levels_and_covers_are_refused_where_they_are_written() {
    let parties = "parties:\n  - id: partners\n    name: Partners\n";
    // A party key the plan does not declare: the nearest one is suggested.
    refused(
        &[
            ("_index.md", &plan_file(parties)),
            ("safer/_index.md", AIM),
            (
                "safer/01-a.md",
                &priority_file(&format!("commitments_by:\n  partnres:\n{COMMITMENT}")),
            ),
        ],
        "content/safer/01-a.md:4:",
        "\"partnres\" is not a party the plan declares",
        "did you mean \"partners\"?",
    );
    // The Commissioner's commitments under commitments_by.
    refused(
        &[
            ("_index.md", &plan_file("")),
            ("safer/_index.md", AIM),
            (
                "safer/01-a.md",
                &priority_file(&format!("commitments_by:\n  commissioner:\n{COMMITMENT}")),
            ),
        ],
        "content/safer/01-a.md:4:",
        "\"commissioner\" is not a party the plan declares",
        "written at the top of the front matter, as \"commissioner:\"",
    );
    // No parties declared at all.
    refused(
        &[
            ("_index.md", &plan_file("")),
            ("safer/_index.md", AIM),
            (
                "safer/01-a.md",
                &priority_file(&format!("commitments_by:\n  partners:\n{COMMITMENT}")),
            ),
        ],
        "content/safer/01-a.md:4:",
        "\"partners\" is not a party the plan declares",
        "declare the party once under \"parties:\"",
    );
    let priority = priority_file(&format!("commissioner:\n{COMMITMENT}"));
    let with = |extra: &str| -> Vec<(&'static str, String)> {
        vec![
            ("_index.md", plan_file(extra)),
            ("safer/_index.md", AIM.to_string()),
            ("safer/01-a.md", priority.clone()),
        ]
    };
    let refused_plan = |extra: &str, line: usize, message: &str, hint: &str| {
        let files = with(extra);
        let files: Vec<(&str, &str)> = files.iter().map(|(a, b)| (*a, b.as_str())).collect();
        refused(&files, &format!("content/_index.md:{line}:"), message, hint);
    };
    refused_plan(
        "parties:\n  - id: commissioner\n    name: Me\n",
        15,
        "\"commissioner\" is built in and cannot be declared",
        "list only the others here",
    );
    refused_plan(
        "parties:\n  - id: Our Partners\n    name: Partners\n",
        15,
        "\"Our Partners\" cannot be used as a party id",
        "e.g. \"our-partners\"",
    );
    refused_plan(
        "parties:\n  - id: a\n    name: A\n  - id: a\n    name: B\n",
        17,
        "the party id \"a\" is declared twice",
        "give each party its own id",
    );
    refused_plan(
        "parties:\n  - id: a\n    name: \"  \"\n",
        16,
        "the party \"a\" has an empty name",
        "give the name readers see",
    );
    refused_plan(
        "parties:\n  - id: a\n    name: A\n    lead: \"\"\n",
        17,
        "the party \"a\" has an empty lead",
        "or leave \"lead\" out",
    );
    refused_plan(
        "parties:\n  - id: a\n    nmae: A\n",
        16,
        "nmae",
        "did you mean \"name\"?",
    );
    // Level words.
    refused_plan(
        "levels:\n  aim:\n    singular: \"\"\n    plural: themes\n",
        16,
        "the singular word for the aim level is empty",
        "such as \"theme\"",
    );
    refused_plan(
        &format!(
            "levels:\n  priority:\n    singular: focus\n    plural: {}\n",
            "x".repeat(41)
        ),
        17,
        "the plural word for the priority level is longer than 40 characters",
        "such as \"areas of focus\"",
    );
    refused_plan(
        "levels:\n  aim:\n    singular: 1st\n    plural: firsts\n",
        16,
        "does not start with a letter",
        "",
    );
    refused_plan(
        "levels:\n  aim:\n    singular: th<e>me\n    plural: themes\n",
        16,
        "holds a character that cannot be shown in a heading",
        "",
    );
    refused_plan(
        "levels:\n  aims:\n    singular: theme\n    plural: themes\n",
        15,
        "aims",
        "did you mean \"aim\"?",
    );
    refused_plan(
        "levels:\n  aim:\n    singular: theme\n",
        16,
        "missing required key \"plural\" in \"levels > aim\"",
        "add a line \"plural: ...\"",
    );
    // Covers: only the Act's elements, and only where covers is allowed.
    refused(
        &[
            ("_index.md", &plan_file("")),
            (
                "safer/_index.md",
                "---\ntitle: Safer\norder: 1\ncovers: [resourses]\n---\n",
            ),
            ("safer/01-a.md", &priority),
        ],
        "content/safer/_index.md:4:",
        "resourses",
        "did you mean \"resources\"?",
    );
    refused(
        &[
            ("_index.md", &plan_file("")),
            ("safer/_index.md", AIM),
            ("safer/01-a.md", &priority),
            (
                "money.md",
                "---\ntitle: Money\ncovers: [resources, objectivs]\n---\n",
            ),
        ],
        "content/money.md:3:",
        "objectivs",
        "did you mean \"objectives\"?",
    );
    refused(
        &[
            ("_index.md", &plan_file("")),
            ("safer/_index.md", AIM),
            ("safer/01-a.md", &priority),
            ("glossary/asb.md", "---\nterm: ASB\ncovers: [grants]\n---\n"),
        ],
        "content/glossary/asb.md:3:",
        "covers",
        "",
    );
}

/// A priority needs commitments or text; a plan without aims keeps its priorities in one
/// folder, and a plan with aims has an _index.md in every folder of priorities.
#[test]
fn hostile_plan_shapes_are_refused_with_a_way_out() {
    let priority = priority_file(&format!("commissioner:\n{COMMITMENT}"));
    refused(
        &[
            ("_index.md", &plan_file("")),
            ("safer/_index.md", AIM),
            ("safer/01-a.md", "---\ntitle: Empty\n---\n"),
        ],
        "content/safer/01-a.md:2:",
        "the priority has no commitments and no text",
        "or write the priority's text below the front matter",
    );
    // Two folders of priorities and no aim files.
    let (out, text) = check_files(
        &[
            ("_index.md", &plan_file("")),
            ("one/01-a.md", &priority),
            ("two/01-b.md", &priority.replace("c1", "c2")),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1), "{text}");
    for folder in ["one", "two"] {
        assert!(
            text.contains(&format!("the aim folder \"{folder}\" has no _index.md")),
            "{text}"
        );
    }
    assert!(
        text.contains("a plan without aims keeps all its priorities in one folder"),
        "{text}"
    );
    // A folder of priorities without an _index.md beside aims.
    let (out, text) = check_files(
        &[
            ("_index.md", &plan_file("")),
            ("safer/_index.md", AIM),
            ("safer/01-a.md", &priority),
            ("loose/01-b.md", &priority.replace("c1", "c2")),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("the aim folder \"loose\" has no _index.md"),
        "{text}"
    );
    // A plan without aims whose folder would take a generated page's address.
    let (out, text) = check_files(
        &[
            ("_index.md", &plan_file("")),
            ("delivery/01-a.md", &priority),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("\"delivery\" is reserved for a generated page"),
        "{text}"
    );
    // The same folder, well named, is a plan of one level.
    let (out, text) = check_files(
        &[
            ("_index.md", &plan_file("")),
            ("priorities/01-a.md", &priority),
        ],
        &[],
    );
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("(1 priority, 1 commitment, 0 glossary terms, 0 statements, 0 pages)"),
        "{text}"
    );
}

/// `planpress init` with no terminal asks nothing, writes a complete plan that checks
/// (every statutory element covered) and builds, and a README naming every file it wrote.
#[test]
fn init_starts_a_valid_plan_without_asking_when_there_is_no_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let out = planpress(
        dir.path(),
        &[
            "init",
            "myplan",
            "--area",
            "Ynys Môn & Dyfed",
            "--commissioner",
            "Siân “Sam” Ó Briain",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(!said.contains("]: "), "it asked a question: {said}");
    assert!(said.contains("cd myplan && planpress check"), "{said}");
    let plan = dir.path().join("myplan");
    let readme = fs::read_to_string(plan.join("README.md")).unwrap();
    for line in said.lines().filter_map(|l| l.strip_prefix("wrote myplan/")) {
        if line != "README.md" {
            assert!(
                readme.contains(&format!("`{line}`")),
                "the README does not name {line}"
            );
        }
    }
    assert_eq!(
        fs::read_to_string(plan.join(".gitignore")).unwrap(),
        "public/\nexports/\n",
        "git should ignore the built site and the folder `planpress export` writes to"
    );
    let check = planpress(&plan, &["check", "--statutory", "--strict"]);
    assert!(
        check.status.success(),
        "{}{}",
        stdout(&check),
        stderr(&check)
    );
    let fmt = planpress(&plan, &["fmt", "--check"]);
    assert!(fmt.status.success(), "{}", stderr(&fmt));
    let build = planpress(&plan, &["build", "--no-large-print"]);
    assert!(build.status.success(), "{}", stderr(&build));
    assert_eq!(stderr(&build), "", "the new plan needs no warning");
    let home = fs::read_to_string(plan.join("public/index.html")).unwrap();
    assert!(
        home.contains("Police and Crime Commissioner for Ynys Môn &amp; Dyfed"),
        "{home}"
    );
    assert!(home.contains("Siân “Sam” Ó Briain"), "{home}");
    let about = fs::read_to_string(plan.join("public/about-this-plan/index.html")).unwrap();
    assert!(!about.contains("Not yet set out"), "{about}");
}

/// `init` refuses a folder with anything in it, and with `--force` adds only what is missing:
/// a file that is there is never replaced. Every option refuses what it cannot use.
#[test]
fn init_never_replaces_a_file_and_refuses_what_it_cannot_use() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan");
    fs::create_dir_all(plan.join(".git")).unwrap();
    // A folder holding only .git is empty enough.
    let out = planpress(dir.path(), &["init", "plan"]);
    assert!(out.status.success(), "{}", stderr(&out));
    fs::remove_dir_all(plan.join("content")).unwrap();
    fs::write(plan.join("README.md"), "Our own notes.\n").unwrap();
    let out = planpress(dir.path(), &["init", "plan"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the folder plan is not empty (it holds .gitignore, README.md)"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert!(!plan.join("content").exists(), "nothing was written");
    let out = planpress(dir.path(), &["init", "plan", "--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("kept plan/README.md (it was already there)"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        fs::read_to_string(plan.join("README.md")).unwrap(),
        "Our own notes.\n"
    );
    assert!(plan.join("content/_index.md").is_file());
    // A file where the folder should be.
    fs::write(dir.path().join("file"), "x").unwrap();
    let out = planpress(dir.path(), &["init", "file"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("file is a file, not a folder"),
        "{}",
        stderr(&out)
    );
    let long = "x".repeat(10_000);
    for (option, value, message) in [
        ("--area", "", "the area is empty"),
        ("--area", "   ", "the area is empty"),
        ("--commissioner", "A\nB", "holds a control character"),
        ("--period", long.as_str(), "is 10000 characters long"),
    ] {
        let out = planpress(dir.path(), &["init", "fresh", option, value]);
        assert_eq!(out.status.code(), Some(2), "{option} {value:?}");
        assert!(stderr(&out).contains(message), "{option}: {}", stderr(&out));
        assert!(!dir.path().join("fresh").exists(), "{option} wrote a plan");
    }
}

/// `planpress new` adds one well-formed file with the next free number and an id of its own,
/// prints its path, and leaves the plan valid; it refuses what it cannot use.
#[test]
fn new_adds_one_file_and_leaves_the_plan_valid() {
    let dir = tempfile::tempdir().unwrap();
    copy_example("six-themes", dir.path(), "content");
    let run = |args: &[&str]| {
        let mut all = vec!["new"];
        all.extend(args);
        planpress(dir.path(), &all)
    };
    let path = |out: &Output| {
        assert!(out.status.success(), "{}", stderr(out));
        stdout(out).trim().to_string()
    };
    assert_eq!(
        path(&run(&["aim", "Partnership & prevention"])),
        "content/partnership-prevention/_index.md"
    );
    assert!(
        fs::read_to_string(dir.path().join("content/partnership-prevention/_index.md"))
            .unwrap()
            .contains("order: 7\n")
    );
    assert_eq!(
        path(&run(&[
            "priority",
            "prevention",
            "Problem-solving in every neighbourhood"
        ])),
        "content/prevention/03-problem-solving-in-every-neighbourhood.md"
    );
    assert_eq!(
        path(&run(&["priority", "prevention", "Problem-solving"])),
        "content/prevention/04-problem-solving-2.md",
        "the id \"problem-solving\" is taken"
    );
    assert_eq!(
        path(&run(&["statement", "Calls answered — within 10 seconds"])),
        "content/performance/calls-answered-within-10-seconds.md"
    );
    assert_eq!(
        path(&run(&["term", "Anti-social behaviour"])),
        "content/glossary/anti-social-behaviour.md"
    );
    assert_eq!(
        path(&run(&["page", "Glossary"])),
        "content/glossary-2.md",
        "a generated page's id"
    );
    assert_eq!(
        path(&run(&["page", "Aberdŵr’s “plan”", "--id", "our-plan"])),
        "content/our-plan.md"
    );
    let title = fs::read_to_string(dir.path().join("content/our-plan.md")).unwrap();
    assert!(
        title.starts_with("---\ntitle: Aberdŵr’s “plan”\n"),
        "{title}"
    );
    let check = planpress(dir.path(), &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(
        stdout(&check).contains("7 themes, 9 areas of focus"),
        "{}",
        stdout(&check)
    );
    let long = "word ".repeat(2_000);
    for (args, code, message) in [
        (vec!["page", ""], 2, "the title is empty"),
        (
            vec!["page", "!!!"],
            2,
            "has no letters or digits to make an id from",
        ),
        (vec!["page", long.as_str()], 2, "is 9999 characters long"),
        (
            vec!["page", "About", "--id", "delivery"],
            2,
            "the address of a page planpress makes",
        ),
        (
            vec!["page", "About", "--id", "Not An Id"],
            2,
            "cannot be used as an id",
        ),
        (
            vec!["page", "About", "--id", "strong-foundations"],
            2,
            "already used",
        ),
        (
            vec!["priority", "preventon", "Title"],
            2,
            "did you mean \"prevention\"?",
        ),
        (
            vec!["priority", "Title"],
            2,
            "say which theme the new area of focus is under",
        ),
        (vec!["aim", "One", "Two"], 2, "takes one title"),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
    }
    // A plan with a problem is not added to; a folder without a plan says how to start one.
    fs::write(dir.path().join("content/broken.md"), "---\ntitle: [\n---\n").unwrap();
    let out = run(&["page", "Another"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("content/broken.md:"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("content/another.md").exists());
    let empty = tempfile::tempdir().unwrap();
    let out = planpress(empty.path(), &["new", "page", "Hello"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("planpress init"), "{}", stderr(&out));
}

/// In a plan without aims, `new priority` needs no aim and numbers on; `new aim` says why
/// it cannot add one.
#[test]
fn new_in_a_plan_of_one_level() {
    let dir = tempfile::tempdir().unwrap();
    copy_example("one-level-partners", dir.path(), "content");
    let out = planpress(dir.path(), &["new", "priority", "Cyber crime & fraud"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "content/priorities/05-cyber-crime-fraud.md"
    );
    let out = planpress(dir.path(), &["new", "aim", "Anything"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out)
            .contains("this plan has no aims: its priorities are in the folder priorities/"),
        "{}",
        stderr(&out)
    );
    let check = planpress(dir.path(), &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
}

/// `check --statutory` lists each element with the files that cover it or "missing";
/// `--strict` fails when one is missing; the build warns once; the About page links to each
/// place and says plainly what is not set out.
#[test]
fn the_statutory_contents_are_checked_and_shown() {
    let dir = tempfile::tempdir().unwrap();
    copy_example("one-level-partners", dir.path(), "content");
    fs::remove_file(dir.path().join("content/grants.md")).unwrap();
    edit(
        &dir.path().join("content/money-and-accountability.md"),
        "covers: [resources, reporting, measurement]",
        "covers: [resources]",
    );
    let check = planpress(dir.path(), &["check", "--statutory"]);
    assert!(
        check.status.success(),
        "without --strict a missing element is not a failure"
    );
    let text = stdout(&check);
    assert!(text.contains("(c) The money and other resources the Commissioner will give the Chief Constable [resources]: content/money-and-accountability.md"), "{text}");
    assert!(text.contains("(a) The Commissioner's police and crime objectives [objectives]: content/priorities/01-safe-at-home.md (by its commitments)"), "{text}");
    for id in ["reporting", "measurement", "grants"] {
        assert!(text.contains(&format!("[{id}]: missing")), "{id}: {text}");
    }
    assert!(
        text.contains("3 of 6 are missing: add \"covers: [reporting, measurement, grants]\""),
        "{text}"
    );
    let strict = planpress(dir.path(), &["check", "--strict"]);
    assert_eq!(strict.status.code(), Some(1), "{}", stdout(&strict));
    let plain = planpress(dir.path(), &["check"]);
    assert!(
        !stdout(&plain).contains("missing"),
        "plain check says nothing of it"
    );
    let build = planpress(dir.path(), &["build", "--no-large-print"]);
    assert!(build.status.success());
    let warnings: Vec<String> = stderr(&build).lines().map(str::to_string).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0]
            .starts_with("warning: the plan does not say where it sets out 3 of the 6 contents"),
        "{warnings:?}"
    );
    let about = fs::read_to_string(dir.path().join("public/about-this-plan/index.html")).unwrap();
    let about = words_of(&about);
    assert!(about.contains("How the Chief Constable will report to the Commissioner on that policing (section 7(1)(d)) Not yet set out in this plan."), "{about}");
    assert!(
        about.contains("(section 7(1)(c)) Money and accountability"),
        "{about}"
    );
    let footer = fs::read_to_string(dir.path().join("public/index.html")).unwrap();
    assert!(footer.contains("<a href=\"about-this-plan/index.html\">About this plan</a>"));
}

/// On a terminal (given to it here by `script`, from util-linux), `init` asks for each value
/// it was not given, showing the default, and an empty answer takes the default.
#[test]
fn init_asks_on_a_terminal_only_what_it_was_not_given() {
    let dir = tempfile::tempdir().unwrap();
    let run = |command: String, input: &str| {
        let mut child = Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("script (util-linux) runs the command on a terminal");
        use std::io::Write as _;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
        stdout(&out)
    };
    let bin = env!("CARGO_BIN_EXE_planpress");
    let said = run(
        format!("{bin} init asked"),
        "Ynys Môn & Dyfed\n\n2030-2034\n",
    );
    for question in [
        "The police force area [Northshire]: ",
        "The Police and Crime Commissioner's name [Alex Morgan]: ",
        "The years the plan covers [",
    ] {
        assert!(said.contains(question), "{question}: {said}");
    }
    let plan = fs::read_to_string(dir.path().join("asked/content/_index.md")).unwrap();
    for line in [
        "area: Ynys Môn & Dyfed\n",
        "commissioner: Alex Morgan\n",
        "period: 2030-2034\n",
    ] {
        assert!(plan.contains(line), "{line}: {plan}");
    }
    let said = run(
        format!("{bin} init given --area Northshire --period 2025-2029"),
        "Sam Lee\n",
    );
    assert!(
        !said.contains("force area ["),
        "asked for the area it was given: {said}"
    );
    assert!(
        said.contains("Commissioner's name [Alex Morgan]: "),
        "{said}"
    );
    let plan = fs::read_to_string(dir.path().join("given/content/_index.md")).unwrap();
    assert!(plan.contains("commissioner: Sam Lee\n"), "{plan}");
}

/// The preview rewrites the "About this plan" page when what a page or a priority covers
/// changes, and leaves it alone when only a priority's text does.
#[test]
fn the_preview_rewrites_the_about_page_when_covers_change() {
    let dir = tempfile::tempdir().unwrap();
    copy_example("one-level-partners", dir.path(), "content");
    let content = dir.path().join("content");
    let out = dir.path().join("public");
    let opts = planpress::BuildOptions {
        content: content.clone(),
        out: out.clone(),
        themes: repo().join("themes"),
        ..Default::default()
    }
    .without("large-print");
    let mut session = planpress::build::Session::new(opts).unwrap();
    session.rebuild(&[]).unwrap();
    let about = || words_of(&fs::read_to_string(out.join("about-this-plan/index.html")).unwrap());
    assert!(
        !about().contains("Money and accountability Priority 2"),
        "{}",
        about()
    );
    let roads = content.join("priorities/02-roads-and-rural-crime.md");
    edit(&roads, "---\n", "---\ncovers: [reporting]\n");
    session.rebuild(std::slice::from_ref(&roads)).unwrap();
    assert!(
        about()
            .contains("(section 7(1)(d)) Priority 2: Roads & rural crime Money and accountability"),
        "{}",
        about()
    );
    let written = session
        .last_written()
        .expect("a priority's edit rewrites some pages only");
    assert!(
        written.iter().any(|p| p == "about-this-plan/index.html"),
        "{written:?}"
    );
    let safe = content.join("priorities/01-safe-at-home.md");
    edit(
        &safe,
        "the crime most likely",
        "the crime that is most likely",
    );
    session.rebuild(std::slice::from_ref(&safe)).unwrap();
    let written = session
        .last_written()
        .expect("a text edit rewrites its page and the search page alone");
    // The search page and its index hold every priority's text.
    assert_eq!(written.len(), 3, "{written:?}");
    assert_eq!(written[0], "priorities/safe-at-home/index.html");
    assert_eq!(written[1], "search/index.html");
    assert!(
        written[2].starts_with("search/search-index."),
        "{written:?}"
    );
    let grants = content.join("grants.md");
    edit(&grants, "covers: [grants]", "covers: [grants, measurement]");
    session.rebuild(std::slice::from_ref(&grants)).unwrap();
    assert!(
        about().contains("(section 7(1)(e)) Money and accountability Grants to reduce crime"),
        "{}",
        about()
    );
}

/// A change to the words for the levels or to a declared party is a change to the plan's
/// settings, and the diff report says so.
#[test]
fn the_diff_report_names_changes_to_the_levels_and_parties() {
    let dir = tempfile::tempdir().unwrap();
    copy_example("one-level-partners", dir.path(), "a");
    copy_example("one-level-partners", dir.path(), "b");
    edit(
        &dir.path().join("b/_index.md"),
        "    heading: What our partners will do\n",
        "    heading: What partners will do\n",
    );
    edit(
        &dir.path().join("b/_index.md"),
        "---\nDunmere",
        "levels:\n  priority:\n    singular: objective\n    plural: objectives\n---\nDunmere",
    );
    let report = planpress(dir.path(), &["diff", "a", "b", "--format", "text"]);
    let text = stdout(&report);
    assert!(
        text.contains("Words for the priorities: priority (priorities) → objective (objectives)"),
        "{text}"
    );
    assert!(
        text.contains("Other parties that make commitments: Partners: What our partners will do, \"Our partners will:\"; Community Safety Partnerships: Commitments by Community Safety Partnerships, \"The Community Safety Partnerships will:\" → Partners: What partners will do"),
        "{text}"
    );
}
