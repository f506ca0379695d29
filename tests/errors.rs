//! Every kind of content error is reported as `path:line:column: message`, with a hint where
//! one helps, all in one run, with exit status 1 and nothing written.

mod common;

use common::{stderr, Site};

/// Runs `planpress check` on the minimal plan after `change`, and returns stderr.
fn check_after(change: impl FnOnce(&Site)) -> String {
    let site = Site::minimal();
    change(&site);
    let out = site.run(&["check"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "check should fail:\n{}",
        stderr(&out)
    );
    stderr(&out)
}

fn assert_reports(err: &str, expected: &str) {
    assert!(
        err.lines().any(|l| l == expected),
        "expected the line\n  {expected}\nin\n{err}"
    );
}

const PRIORITY: &str = "content/safety/01-safer-streets.md";

#[test]
fn the_minimal_fixture_is_valid() {
    let site = Site::minimal();
    let out = site.run(&["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn unknown_key_names_the_line_and_the_nearest_valid_key() {
    let err = check_after(|s| {
        s.edit(PRIORITY, "      due: 2025-10", "      due_dat: 2025-10");
    });
    assert_reports(
        &err,
        "content/safety/01-safer-streets.md:10:7: error: unknown key \"due_dat\"",
    );
    assert_reports(&err, "  help: did you mean \"due\"?");
}

#[test]
fn missing_required_key_is_reported() {
    let err = check_after(|s| {
        s.edit(PRIORITY, "title: Make streets safer\n", "");
    });
    assert_reports(
        &err,
        "content/safety/01-safer-streets.md:2:1: error: missing required key \"title\"",
    );
    assert_reports(&err, "  help: add a line \"title: ...\"");
}

/// A plan file that is there but broken is reported for what is wrong with it, never as
/// missing (an author told it is missing goes looking for a file they can see); one that is
/// not there is reported as missing.
#[test]
fn a_broken_plan_file_is_reported_for_its_problems_not_as_missing() {
    // Every required key left out is reported in the one run, not one key a run.
    let err = check_after(|s| {
        s.edit("content/_index.md", "status: final\n", "");
        s.edit("content/_index.md", "period: 2024-2028\n", "");
    });
    assert_reports(
        &err,
        "content/_index.md:2:1: error: missing required key \"status\"",
    );
    assert_reports(
        &err,
        "content/_index.md:2:1: error: missing required key \"period\"",
    );
    assert_reports(&err, "  help: add a line \"period: ...\"");
    assert!(!err.contains("the plan file is missing"), "{err}");

    let err = check_after(|s| {
        std::fs::write(s.path("content/_index.md"), b"\xff\xfe-\x00-\x00-\x00").unwrap();
    });
    assert!(
        err.contains("content/_index.md:1:1: error: the file is saved as UTF-16"),
        "{err}"
    );
    assert!(!err.contains("the plan file is missing"), "{err}");

    let err = check_after(|s| {
        std::fs::remove_file(s.path("content/_index.md")).unwrap();
    });
    assert_reports(&err, "content/_index.md: error: the plan file is missing");
}

#[test]
fn wrong_type_is_reported_in_words() {
    let err = check_after(|s| {
        s.edit("content/safety/_index.md", "order: 1", "order: first");
    });
    assert_reports(&err, "content/safety/_index.md:3:8: error: \"order\" should be a whole number but is string \"first\"");
}

#[test]
fn a_value_outside_the_allowed_list_suggests_the_nearest() {
    let err = check_after(|s| {
        s.edit(PRIORITY, "      due: 2025-10", "      status: deliverd");
    });
    assert_reports(&err, "content/safety/01-safer-streets.md:10:15: error: \"deliverd\" is not an allowed value for \"status\"");
    assert!(err.contains("did you mean \"delivered\"?"), "{err}");
}

#[test]
fn malformed_yaml_is_reported_with_its_position() {
    let err = check_after(|s| {
        s.edit(
            "content/safety/_index.md",
            "  - People feel safer.",
            "  - \"People feel safer.",
        );
    });
    assert!(err.starts_with("content/safety/_index.md:"), "{err}");
    assert!(err.contains("not valid YAML"), "{err}");
}

#[test]
fn front_matter_fences_are_checked() {
    let err = check_after(|s| {
        s.write(
            "content/about.md",
            "---\ntitle: About\n\nNo closing line.\n",
        );
    });
    assert_reports(&err, "content/about.md:1:1: error: the front matter is not closed: no second \"---\" line was found");
    let err = check_after(|s| {
        s.write("content/about.md", "# About\n\nNo front matter.\n");
    });
    assert_reports(
        &err,
        "content/about.md:1:1: error: the file does not start with front matter",
    );
    let err = check_after(|s| {
        s.write("content/about.md", "");
    });
    assert_reports(&err, "content/about.md:1:1: error: the file is empty");
}

#[test]
fn duplicate_commitment_ids_are_reported_in_the_same_file_and_across_files() {
    let err = check_after(|s| {
        s.edit(PRIORITY, "id: street-lighting", "id: more-patrols");
    });
    assert_reports(&err, "content/safety/01-safer-streets.md:8:7: error: the commitment id \"more-patrols\" is already used in content/safety/01-safer-streets.md");
    let err = check_after(|s| {
        s.edit(
            "content/safety/02-roads.md",
            "id: speed-enforcement",
            "id: more-patrols",
        );
    });
    assert!(
        err.contains("the commitment id \"more-patrols\" is already used in"),
        "{err}"
    );
}

#[test]
fn a_commitment_id_used_in_three_files_names_the_file_that_used_it_last() {
    let err = check_after(|s| {
        s.edit(
            "content/safety/02-roads.md",
            "id: speed-enforcement",
            "id: more-patrols",
        );
        let roads = std::fs::read_to_string(s.path("content/safety/02-roads.md")).unwrap();
        s.write("content/safety/03-more-roads.md", &roads);
    });
    assert_reports(&err, "content/safety/02-roads.md:7:7: error: the commitment id \"more-patrols\" is already used in content/safety/01-safer-streets.md");
    assert_reports(&err, "content/safety/03-more-roads.md:7:7: error: the commitment id \"more-patrols\" is already used in content/safety/02-roads.md");
}

#[test]
fn references_to_missing_priorities_and_areas_are_reported_with_suggestions() {
    let err = check_after(|s| {
        s.edit(
            "content/performance/calls-answered.md",
            "priorities: [safer-streets]",
            "priorities: [safer-street]",
        );
        s.edit(
            "content/performance/calls-answered.md",
            "area: north",
            "area: nort",
        );
    });
    assert_reports(&err, "content/performance/calls-answered.md:14:14: error: there is no priority with the id \"safer-street\"");
    assert!(err.contains("did you mean \"safer-streets\"?"), "{err}");
    assert_reports(&err, "content/performance/calls-answered.md:12:11: error: there is no local policing area with the id \"nort\"");
}

#[test]
fn links_to_missing_pages_and_anchors_are_reported_at_the_link() {
    let err = check_after(|s| {
        s.edit(
            "content/about.md",
            "/safety/safer-streets/#more-patrols",
            "/safety/safer-streets/#more-patrol",
        );
        s.edit(
            "content/_index.md",
            "/glossary/#anti-social-behaviour",
            "/glosary/",
        );
    });
    assert_reports(&err, "content/about.md:7:17: error: the link \"/safety/safer-streets/#more-patrol\" points to an anchor \"#more-patrol\" that is not on that page");
    assert!(err.contains("did you mean \"#more-patrols\"?"), "{err}");
    assert_reports(&err, "content/_index.md:24:27: error: the link \"/glosary/\" points to a page that does not exist");
    assert!(err.contains("did you mean \"/glossary/\"?"), "{err}");
}

#[test]
fn dates_and_numbers_are_checked() {
    let err = check_after(|s| {
        s.edit(PRIORITY, "due: 2025-10", "due: October 2025");
        s.edit(
            "content/_index.md",
            "published: 2024-05-01",
            "published: 2024-02-30",
        );
    });
    assert_reports(&err, "content/safety/01-safer-streets.md:10:12: error: \"October 2025\" is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD");
    assert_reports(
        &err,
        "content/_index.md:8:12: error: \"2024-02-30\" is not a date in the form YYYY-MM-DD",
    );
    let err = check_after(|s| {
        s.edit(PRIORITY, "number: 1", "number: 3");
    });
    assert_reports(
        &err,
        "content/safety/01-safer-streets.md:2:1: error: \"number\" is 3 but the file name says 01",
    );
}

#[test]
fn files_in_the_wrong_place_or_with_bad_names_are_explained() {
    let err = check_after(|s| {
        s.write("content/safety/safer-roads.md", "---\ntitle: x\n---\n");
    });
    assert!(err.contains("content/safety/safer-roads.md: error: a priority's file name must start with its two-digit number"), "{err}");
    let err = check_after(|s| {
        s.write("content/lonely/01-thing.md", "---\ntitle: Thing\ncommissioner:\n  commitments:\n    - id: lonely-one\n      text: Something.\n---\n");
    });
    assert!(
        err.contains(
            "content/lonely/01-thing.md: error: the aim folder \"lonely\" has no _index.md"
        ),
        "{err}"
    );
    let err = check_after(|s| {
        s.write("content/glossary.md", "---\ntitle: Glossary\n---\n");
    });
    assert!(
        err.contains("\"glossary\" is reserved for a generated page"),
        "{err}"
    );
    // An aim's id is an anchor on the performance page, beside the page's own anchors.
    let err = check_after(|s| {
        s.write(
            "content/other-measures/_index.md",
            "---\ntitle: Other things\norder: 9\n---\n",
        );
    });
    assert!(
        err.contains("content/other-measures/_index.md: error: \"other-measures\" is reserved"),
        "{err}"
    );
    let err = check_after(|s| {
        s.write("content/Bad Name.md", "---\ntitle: x\n---\n");
    });
    assert!(
        err.contains("\"Bad Name\" cannot be used as an id"),
        "{err}"
    );
}

#[test]
fn text_that_is_not_utf8_is_reported_with_its_position() {
    let err = check_after(|s| {
        std::fs::write(s.path("content/about.md"), b"---\ntitle: Caf\xe9\n---\n").unwrap();
    });
    assert_reports(
        &err,
        "content/about.md:2:11: error: the file is not UTF-8 text (bad byte at offset 14)",
    );
}

#[test]
fn a_second_level_one_heading_is_refused() {
    let err = check_after(|s| {
        s.edit("content/about.md", "## How", "# How");
    });
    assert_reports(&err, "content/about.md:9:1: error: a level-1 heading (\"# \") in the text; the page title is already the level-1 heading");
}

#[test]
fn yaml_aliases_and_tabs_are_refused_before_parsing() {
    let err = check_after(|s| {
        s.edit(
            "content/safety/_index.md",
            "outcomes:",
            "x: &a [1]\noutcomes: *a\nold:",
        );
    });
    assert!(
        err.contains("YAML aliases (\"*name\") are not allowed"),
        "{err}"
    );
    let err = check_after(|s| {
        s.edit(
            "content/safety/_index.md",
            "  - People are safer.",
            "\t- People are safer.",
        );
    });
    assert!(
        err.contains("a tab character is used for indentation"),
        "{err}"
    );
}

#[test]
fn every_problem_in_every_file_is_reported_in_one_run() {
    let err = check_after(|s| {
        s.edit(
            PRIORITY,
            "      due: 2025-10",
            "      due_dat: 2025-10\n      colour: red",
        );
        s.edit("content/safety/_index.md", "order: 1", "order: first");
        s.edit(
            "content/about.md",
            "/safety/safer-streets/#more-patrols",
            "/glossary/#nowhere",
        );
    });
    let errors = err.lines().filter(|l| l.contains(": error: ")).count();
    assert_eq!(errors, 4, "{err}");
    assert!(err.ends_with("4 problems found in the content\n"), "{err}");
}

#[test]
fn two_priorities_numbered_alike_are_reported_with_each_file_s_own_problems() {
    // A new first file (in name order) takes the shipped priority's number and has a bad due
    // date: numbers are checked across files in the order they are read, due dates while each
    // priority is made (on any core); both are reported, sorted by file.
    let err = check_after(|s| {
        s.write(
            "content/safety/01-quieter-roads.md",
            "---\ntitle: Quieter roads\ncommissioner:\n  commitments:\n    - id: quieter-roads-one\n      text: Fewer speeding drivers.\n      due: 2025-13\n---\n",
        );
    });
    assert_reports(
        &err,
        "content/safety/01-quieter-roads.md:7:12: error: \"2025-13\" is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD",
    );
    assert_reports(
        &err,
        "content/safety/01-safer-streets.md: error: priority number 1 is also used by content/safety/01-quieter-roads.md",
    );
    assert_reports(&err, "2 problems found in the content");
    let first = err.find("01-quieter-roads.md:7:12").unwrap();
    let second = err.find("01-safer-streets.md: error").unwrap();
    assert!(first < second, "{err}");
}

/// Runs `planpress check` and `planpress build --no-large-print` on `site`, which has
/// problems: a build without the large-print edition checks the Markdown bodies as it renders
/// them (each parsed once), and it must report exactly what `check` does and leave the
/// previous output as it was. Returns the report.
fn build_reports_what_check_reports(site: &Site) -> String {
    let before = site.output();
    let check = site.run(&["check"]);
    let themes = common::repo().join("themes");
    let build = site.run(&[
        "build",
        "--no-large-print",
        "--themes-dir",
        themes.to_str().unwrap(),
    ]);
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    assert_eq!(build.status.code(), Some(1), "{}", stderr(&build));
    // The same problems; only the last line differs: `check` never writes, so it does not
    // say that nothing was written.
    let (check_err, build_err) = (stderr(&check), stderr(&build));
    let (problems, count) = check_err.trim_end().rsplit_once('\n').unwrap();
    assert_eq!(
        build_err,
        format!("{problems}\n{count}; nothing was written\n")
    );
    assert_eq!(site.output(), before, "the previous output was changed");
    stderr(&check)
}

#[test]
fn a_build_that_checks_bodies_while_rendering_reports_each_body_s_problems_and_keeps_the_output() {
    let site = Site::minimal();
    site.build();
    assert!(!site.output().is_empty());
    // A problem in a body of every kind, and nothing else wrong.
    site.edit(
        "content/_index.md",
        "(/glossary/#anti-social-behaviour)",
        "(/glosary/)",
    );
    site.edit("content/about.md", "## How", "# How");
    site.edit(
        "content/glossary/anti-social-behaviour.md",
        "distress.",
        "distress. ![A chart](https://tracker.example/c.png)",
    );
    site.edit(
        "content/performance/calls-answered.md",
        "promptly.",
        "promptly; see [the roads](/safety/roads/#speeding).",
    );
    site.edit(
        PRIORITY,
        "      text: Responding quickly to calls.\n---\n",
        &format!(
            "      text: Responding quickly to calls.\n---\n{}deep\n",
            "> ".repeat(40)
        ),
    );
    site.edit(
        "content/safety/_index.md",
        "introduction.",
        "introduction, with [a page](/safety/nowhere/).",
    );
    let err = build_reports_what_check_reports(&site);
    for file in [
        "content/_index.md",
        "content/about.md",
        "content/glossary/anti-social-behaviour.md",
        "content/performance/calls-answered.md",
        PRIORITY,
        "content/safety/_index.md",
    ] {
        assert_eq!(
            err.lines()
                .filter(|l| l.starts_with(&format!("{file}:")) && l.contains(": error: "))
                .count(),
            1,
            "one problem in {file}:\n{err}"
        );
    }
    assert!(err.ends_with("6 problems found in the content\n"), "{err}");
}

#[test]
fn a_build_with_problems_outside_the_bodies_reports_the_bodies_problems_too() {
    let site = Site::minimal();
    site.build();
    site.edit("content/safety/_index.md", "order: 1", "order: first");
    site.edit("content/about.md", "## How", "# How");
    let err = build_reports_what_check_reports(&site);
    assert_reports(&err, "content/about.md:9:1: error: a level-1 heading (\"# \") in the text; the page title is already the level-1 heading");
    assert!(err.ends_with("2 problems found in the content\n"), "{err}");
}

/// A folder has no line or column: a missing content folder is named alone, by every command
/// that reads it, and `check`, which never writes, does not say that nothing was written.
#[test]
fn a_missing_content_folder_is_named_without_a_line_or_column() {
    let site = Site::minimal();
    std::fs::remove_dir_all(site.path("content")).unwrap();
    for args in [&["check"][..], &["build", "--no-large-print"]] {
        let out = site.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert_reports(&err, "content: error: the content folder does not exist");
        assert_reports(
            &err,
            "  help: run planpress in the folder that holds content/, or pass --content DIR",
        );
        let last = err.lines().last().unwrap_or_default();
        if args[0] == "check" {
            assert_eq!(last, "1 problem found in the content", "{err}");
        } else {
            assert_eq!(
                last, "1 problem found in the content; nothing was written",
                "{err}"
            );
        }
    }
}
