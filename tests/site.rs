//! The shipped plan builds into a complete, navigable, deterministic website.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use common::{element_text, stderr, stdout, strip_tags, tags, Site};
use planpress::plan::{CHIEF_CONSTABLE, COMMISSIONER};
use planpress::Plan;

fn shipped_plan() -> Plan {
    planpress::read_plan(&common::repo().join("content")).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn shipped_plan_has_every_aim_priority_commitment_and_outcome_of_the_draft() {
    let plan = shipped_plan();
    assert_eq!(plan.aims.len(), 4);
    let per_aim: Vec<usize> = plan.aims.iter().map(|a| a.priorities.len()).collect();
    assert_eq!(per_aim, vec![4, 4, 6, 5]);
    let outcomes: Vec<usize> = plan.aims.iter().map(|a| a.outcomes.len()).collect();
    assert_eq!(outcomes, vec![3, 4, 5, 8]);
    let by = |owner| plan.commitments().filter(|(_, o, _)| *o == owner).count();
    assert_eq!(by(COMMISSIONER), 92);
    assert_eq!(by(CHIEF_CONSTABLE), 57);
    assert_eq!(plan.status_label(), "draft");
}

#[test]
fn shipped_glossary_has_the_nine_defined_terms_and_the_plans_abbreviations() {
    let plan = shipped_plan();
    let defined = plan
        .glossary
        .iter()
        .filter(|t| !t.definition.is_empty())
        .count();
    assert_eq!(defined, 9);
    let abbreviations: BTreeSet<&str> = plan
        .glossary
        .iter()
        .flat_map(|t| t.abbreviations.iter().map(String::as_str))
        .collect();
    for a in [
        "CJS", "VAL", "SOC", "KSI", "VAWG", "HMICFRS", "SPR", "PCSO", "ASB", "OPCC",
    ] {
        assert!(abbreviations.contains(a), "glossary lacks {a}");
    }
}

#[test]
fn shipped_plan_keeps_the_plans_words_and_due_dates() {
    let plan = shipped_plan();
    let redditch = plan
        .commitments()
        .find(|(_, _, c)| c.text.contains("Redditch"))
        .expect("Redditch commitment");
    assert_eq!(redditch.2.due.as_deref(), Some("2023-10"));
    let lead = plan
        .priorities()
        .filter_map(|p| p.group(COMMISSIONER))
        .filter(|g| g.lead == "I will hold the Chief Constable to account to:")
        .count();
    assert_eq!(
        lead, 1,
        "Reforming priority 3 uses the hold-to-account lead"
    );
    for (_, _, c) in plan.commitments() {
        assert!(
            !c.text.contains("Page "),
            "extraction artefact in {}: {}",
            c.id,
            c.text
        );
        assert!(!c.text.contains("  "), "double space in {}", c.id);
    }
}

#[test]
fn every_page_has_language_title_one_h1_main_landmark_and_a_skip_link_first() {
    let site = Site::shipped();
    site.build();
    let mut titles = BTreeMap::new();
    let files = site.output();
    let pages: Vec<_> = files.iter().filter(|(p, _)| p.ends_with(".html")).collect();
    assert!(pages.len() >= 40, "only {} pages", pages.len());
    for (path, bytes) in pages {
        let html = String::from_utf8(bytes.clone()).unwrap();
        let t = tags(&html);
        assert_eq!(
            t.iter()
                .find(|t| t.name == "html")
                .and_then(|t| t.attr("lang")),
            Some("en-GB"),
            "{path}"
        );
        let title = element_text(&html, "title")
            .unwrap_or_else(|| panic!("{path} has no title"))
            .trim()
            .to_string();
        assert!(!title.is_empty(), "{path}");
        if let Some(other) = titles.insert(title.clone(), path.clone()) {
            panic!("{path} and {other} share the title {title:?}");
        }
        assert_eq!(
            t.iter().filter(|t| t.name == "h1").count(),
            1,
            "{path} must have one h1"
        );
        let mains: Vec<_> = t.iter().filter(|t| t.name == "main").collect();
        assert_eq!(mains.len(), 1, "{path}");
        assert_eq!(mains[0].attr("id"), Some("main-content"), "{path}");
        let first_focusable = t
            .iter()
            .find(|t| {
                t.name == "a"
                    || t.name == "button"
                    || t.name == "input"
                    || t.attr("tabindex") == Some("0")
            })
            .unwrap();
        assert_eq!(
            first_focusable.attr("href"),
            Some("#main-content"),
            "{path}: first focusable element must be the skip link"
        );
        assert!(html.contains(">Skip to main content</a>"), "{path}");
        assert!(
            html.contains("accessibility/index.html\">Accessibility statement</a>"),
            "{path}: footer link"
        );
        assert!(
            html.contains("Open Government Licence v3.0"),
            "{path}: licence"
        );
    }
}

/// Every internal link resolves, and the output folder holds only what a reader may fetch
/// (it is what an office uploads): every file is a page or is linked from one (a stylesheet,
/// a download), or is the page a web server shows for a missing address (`404.html`); no
/// hidden file, and no record planpress keeps for itself.
#[test]
fn every_internal_link_and_anchor_resolves_and_nothing_loads_from_another_host() {
    let site = Site::shipped();
    site.build();
    let files = site.output();
    let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut htmls = Vec::new();
    for (path, bytes) in &files {
        if path.ends_with(".html") {
            let html = String::from_utf8(bytes.clone()).unwrap();
            let t = tags(&html);
            ids.insert(
                path.clone(),
                t.iter()
                    .filter_map(|t| t.attr("id").map(str::to_string))
                    .collect(),
            );
            htmls.push((path.clone(), t));
        }
    }
    let existing: BTreeSet<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    let mut reached: BTreeSet<String> = BTreeSet::from(["index.html".to_string()]);
    let mut checked = 0;
    for (path, t) in &htmls {
        if path == "404.html" {
            continue; // served at any depth, so it links from the site root
        }
        for tag in t {
            for attr in ["href", "src"] {
                let Some(url) = tag.attr(attr) else { continue };
                if tag.name == "link" && tag.attr("rel") == Some("canonical") {
                    continue;
                }
                if url.starts_with("https://") || url.starts_with("http://") {
                    assert!(
                        tag.name == "a",
                        "{path}: <{}> loads {url} from another host",
                        tag.name
                    );
                    continue;
                }
                if url.starts_with("mailto:") || url.starts_with("tel:") {
                    continue;
                }
                assert!(
                    !url.starts_with('/'),
                    "{path}: root-relative {url} breaks when opened from disk"
                );
                let (file, anchor) = url
                    .split_once('#')
                    .map_or((url, None), |(f, a)| (f, Some(a)));
                let target = if file.is_empty() {
                    path.clone()
                } else {
                    resolve(path, file)
                };
                assert!(
                    existing.contains(target.as_str()),
                    "{path}: {url} → {target} does not exist"
                );
                reached.insert(target.clone());
                if let Some(anchor) = anchor {
                    assert!(
                        ids.get(&target).is_some_and(|s| s.contains(anchor)),
                        "{path}: {url}: no #{anchor} in {target}"
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "only {checked} links checked");

    // What the stylesheets load.
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".css")) {
        let css = String::from_utf8_lossy(bytes);
        for url in css.split("url(").skip(1).filter_map(|r| r.split_once(')')) {
            let url = url.0.trim_matches(|c| c == '"' || c == '\'');
            if !url.starts_with("data:") && !url.starts_with('#') {
                reached.insert(resolve(path, url));
            }
        }
    }
    // The Braille edition is listed on the Other formats page (other-formats/index.html);
    // until a build writes that page, its file is the one download no page links to.
    let listed_later = |p: &str| {
        p.starts_with("other-formats/")
            && p.ends_with(".brf")
            && !existing.contains("other-formats/index.html")
    };
    let unreachable: Vec<&str> = existing
        .iter()
        .copied()
        .filter(|p| !reached.contains(*p) && *p != "404.html" && !listed_later(p))
        .collect();
    assert!(
        unreachable.is_empty(),
        "files in the output that no reader reaches: {unreachable:?}"
    );
    let hidden: Vec<&str> = existing
        .iter()
        .copied()
        .filter(|p| p.split('/').any(|part| part.starts_with('.')))
        .collect();
    assert!(hidden.is_empty(), "hidden files in the output: {hidden:?}");
}

fn resolve(from: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in rel.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[test]
fn two_builds_are_byte_identical() {
    let a = Site::shipped();
    a.build();
    let first = a.output();
    a.build();
    assert_eq!(first, a.output());
    let b = Site::shipped();
    b.build();
    assert_eq!(first, b.output(), "a build in another folder differs");
}

#[test]
fn a_failed_build_exits_1_and_leaves_the_previous_output_untouched() {
    let site = Site::shipped();
    site.build();
    let before = site.output();
    site.edit("content/victims/01-victims-voice.md", "title:", "titel:");
    let out = site.run(&["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("content/victims/01-victims-voice.md:3:1: error: unknown key \"titel\""),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        before,
        site.output(),
        "public/ changed after a failed build"
    );
    let leftovers: Vec<_> = fs::read_dir(site.dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    assert!(
        leftovers.iter().all(|n| !n.contains("planpress-")),
        "staging folder left behind: {leftovers:?}"
    );
}

/// The text of a page's `main` element, tags dropped and spaces collapsed.
fn main_text(html: &str) -> String {
    let text = strip_tags(element_text(html, "main").unwrap_or_default());
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Another force's plan, started from nothing but the required keys: it names its own force
/// (never the shipped plan's; `force` when the force is not "<area> Police") in sentences
/// whose verb does not depend on whether the name is singular ("Northshire Constabulary") or
/// plural ("Northshire Police"), and a part it has nothing in (performance statements,
/// glossary terms) has no page and no link.
#[test]
fn a_new_plan_for_another_force_names_that_force_and_has_no_pages_for_what_it_has_not_got() {
    let site = Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write(
        "content/_index.md",
        "---\ntitle: Police and Crime Plan\nperiod: 2024-2029\nstatus: final\narea: Northshire\n\
         commissioner: A. Commissioner\n\
         organisation: Office of the Police and Crime Commissioner for Northshire\n\
         published: 2024-05-01\nlicence:\n  name: Open Government Licence v3.0\n  \
         url: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/\n\
         contact:\n  email: office@example.org\nnational_priorities:\n  - id: reduce-homicide\n    \
         title: Reduce murder and other homicide\n---\nMy plan.\n",
    );
    site.write(
        "content/safer/_index.md",
        "---\ntitle: Safer streets\norder: 1\n---\nStreets should be safe.\n",
    );
    site.write(
        "content/safer/01-knife-crime.md",
        "---\nnumber: 1\ntitle: Reduce knife crime\ncommissioner:\n  commitments:\n    \
         - id: fund-bins\n      text: Fund knife bins.\n---\nKnife crime matters.\n",
    );
    site.build();
    for (path, bytes) in site.output() {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            assert!(!text.contains("Mercia"), "{path} names West Mercia");
            for missing in ["glossary/index.html", "performance/index.html"] {
                assert!(!text.contains(missing), "{path} links to {missing}");
            }
        }
    }
    for missing in [
        "public/glossary",
        "public/performance",
        "public/data/performance.csv",
    ] {
        assert!(!site.path(missing).exists(), "{missing} was written");
    }
    let page = |rel: &str| main_text(&fs::read_to_string(site.path(rel)).unwrap());
    let national = page("public/national-priorities/index.html");
    assert!(
        national.contains("the contribution of Northshire Police towards"),
        "{national}"
    );
    let delivery = page("public/delivery/index.html");
    assert!(
        delivery.contains("1 commitment is listed as \"No status reported\""),
        "{delivery}"
    );
    let home = page("public/index.html");
    assert!(
        home.contains(
            "The plan has 1 aim. Each aim has priorities, with the Commissioner's commitments."
        ),
        "{home}"
    );
    assert!(!home.contains("Outcomes"), "{home}");
    let aim = page("public/safer/index.html");
    assert!(!aim.contains("Outcomes"), "{aim}");

    // A force not called "<area> Police" gives its name, and the open data carries it.
    site.edit(
        "content/_index.md",
        "area: Northshire\n",
        "area: Northshire\nforce: Northshire Constabulary\n",
    );
    site.build();
    let national = page("public/national-priorities/index.html");
    assert!(
        national.contains("the contribution of Northshire Constabulary towards"),
        "{national}"
    );
    let plan: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(site.path("public/data/plan.json")).unwrap())
            .unwrap();
    assert_eq!(plan["plan"]["force"], "Northshire Constabulary");
}

/// No sentence of the theme puts a verb after the force's name, whose number depends on the
/// name ("Northshire Constabulary is", "Northshire Police are").
#[test]
fn no_template_makes_a_verb_agree_with_the_force_name() {
    let dir = common::repo().join("themes/default/templates");
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            if let Some(at) = line.find("{{ site.force }}") {
                let after = line[at + "{{ site.force }}".len()..].trim_start();
                let verb = after.split_whitespace().next().unwrap_or("");
                assert!(
                    ![
                        "is",
                        "are",
                        "was",
                        "were",
                        "has",
                        "have",
                        "contributes",
                        "contribute"
                    ]
                    .contains(&verb),
                    "{}:{}: \"{{{{ site.force }}}} {verb}\"",
                    path.display(),
                    n + 1
                );
            }
        }
    }
}

#[test]
fn build_prints_one_summary_line() {
    let site = Site::minimal();
    let out = site.build();
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.starts_with("Built ") && text.contains(" pages ") && text.contains(" ms"),
        "{text}"
    );
}

/// Without a cache folder planpress cannot keep its record of the output folder it made: the
/// build says so, and the next build refuses the folder with the reason and what to do.
#[test]
fn without_a_cache_folder_the_build_says_the_next_cannot_replace_its_output() {
    let site = Site::minimal();
    let themes = common::repo().join("themes");
    let build = || {
        site.command(&["build", "--no-large-print", "--no-braille", "--no-audio"])
            .arg("--themes-dir")
            .arg(&themes)
            .env_remove("PLANPRESS_CACHE")
            .env_remove("XDG_CACHE_HOME")
            .env_remove("HOME")
            .output()
            .unwrap()
    };
    let first = build();
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("warning: planpress has no cache folder (set PLANPRESS_CACHE, XDG_CACHE_HOME or HOME), so it cannot keep its record of making public: the next build will not replace it"),
        "{}",
        stderr(&first)
    );
    let second = build();
    assert_eq!(second.status.code(), Some(1));
    assert!(
        stderr(&second).contains("none is set (PLANPRESS_CACHE, XDG_CACHE_HOME or HOME)")
            && stderr(&second).contains("remove it and build again"),
        "{}",
        stderr(&second)
    );
}

#[test]
fn a_folder_that_planpress_did_not_make_is_never_replaced() {
    let site = Site::minimal();
    site.write("public/notes.txt", "my own notes");
    let out = site.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not made by planpress"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::read_to_string(site.path("public/notes.txt")).unwrap(),
        "my own notes"
    );
}

#[test]
fn priority_pages_group_commitments_with_anchors_and_link_to_neighbours() {
    let site = Site::minimal();
    site.build();
    let html = fs::read_to_string(site.path("public/safety/safer-streets/index.html")).unwrap();
    let commissioner = html.find("The Commissioner's commitments</h2>").unwrap();
    let chief = html
        .find("The Chief Constable's responsibilities</h2>")
        .unwrap();
    let patrols = html.find("<li id=\"more-patrols\">").unwrap();
    let respond = html.find("<li id=\"respond-quickly\">").unwrap();
    assert!(commissioner < patrols && patrols < chief && chief < respond);
    assert!(html.contains("October 2025"), "due date shown in words");
    assert!(html.contains("rel=\"next\""), "link to the next priority");
    assert!(
        html.contains("../../performance/calls-answered/index.html"),
        "link to the statement that evidences it"
    );
    let roads = fs::read_to_string(site.path("public/safety/roads/index.html")).unwrap();
    assert!(roads.contains("I will hold the Chief Constable to account to:"));
    assert!(roads.contains("rel=\"prev\"") && !roads.contains("rel=\"next\""));
}

#[test]
fn a_final_plan_has_no_draft_banner_and_a_draft_has_one_on_every_page() {
    let site = Site::minimal();
    site.build();
    for (path, bytes) in site.output().iter().filter(|(p, _)| p.ends_with(".html")) {
        assert!(
            !String::from_utf8_lossy(bytes).contains("draft-banner"),
            "{path}"
        );
    }
    site.edit("content/_index.md", "status: final", "status: draft");
    site.build();
    for (path, bytes) in site.output().iter().filter(|(p, _)| p.ends_with(".html")) {
        assert!(
            String::from_utf8_lossy(bytes).contains("This is the draft plan"),
            "{path}"
        );
    }
}

#[test]
fn code_blocks_are_highlighted_with_classes() {
    let site = Site::minimal();
    site.edit(
        "content/about.md",
        "More text.",
        "```yaml\nstatus: draft\n```\n",
    );
    site.build();
    let html = fs::read_to_string(site.path("public/about/index.html")).unwrap();
    assert!(
        html.contains("<pre class=\"code\" tabindex=\"0\""),
        "{html}"
    );
    assert!(html.contains("class=\"hl-"), "{html}");
}

#[test]
fn help_is_available_for_every_command_and_bad_usage_exits_2() {
    let site = Site::minimal();
    for args in [
        vec!["--help"],
        vec!["build", "--help"],
        vec!["check", "--help"],
    ] {
        let out = site.run(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(stdout(&out).contains("Usage:"), "{args:?}");
    }
    let out = site.run(&["build", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
    let out = site.run(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_plan_too_long_for_the_editions_read_start_to_end_builds_without_them_and_says_so() {
    let site = Site::minimal();
    let items: String = (0..25_000).map(|i| format!("- item {i}\n")).collect();
    site.write(
        "content/about.md",
        &format!("---\ntitle: About\n---\nA long list.\n\n{items}"),
    );
    let out = site.run(&["build", "--no-large-print"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for what in [
        "the plain-text edition",
        "the EPUB edition",
        "the Braille edition",
        "the audio edition",
    ] {
        let said = err
            .lines()
            .filter(|l| l.contains(&format!("{what} was left out: the plan is too long for it")))
            .count();
        assert_eq!(said, 1, "{what}: {err}");
    }
    let formats = fs::read_to_string(site.path("public/other-formats/index.html")).unwrap();
    assert!(
        !formats.contains(".epub") && !formats.contains(".brf"),
        "{formats}"
    );
    assert!(!site.path("public/plain.txt").exists());
    // The website itself is whole.
    let about = fs::read_to_string(site.path("public/about/index.html")).unwrap();
    assert!(about.contains("item 24999"));
}
