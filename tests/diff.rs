//! `planpress diff`: what changed between two versions of a plan, read from throwaway git
//! repositories with scripted revisions, checked in all three report formats.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::strip_tags;

const BIN: &str = env!("CARGO_BIN_EXE_planpress");

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff-base/content")
}

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// A git repository in a temporary folder whose `content/` starts as a copy of a plan, with
/// that first version committed on `main` and tagged `base`.
struct Repo {
    dir: tempfile::TempDir,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

impl Repo {
    fn new(plan: &Path) -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().unwrap(),
        };
        copy_dir(plan, &repo.path().join("content"));
        repo.git(&["init", "-q", "-b", "main"]);
        repo.commit("First draft");
        repo.git(&["tag", "base"]);
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn git(&self, args: &[&str]) -> String {
        let out = Command::new("git")
            .current_dir(self.path())
            .args([
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.org",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    /// Rewrites one content file.
    fn edit(&self, rel: &str, change: impl FnOnce(String) -> String) {
        let path = self.path().join("content").join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        let new = change(text.clone());
        assert_ne!(new, text, "the edit to {rel} changed nothing");
        std::fs::write(path, new).unwrap();
    }

    fn rename(&self, from: &str, to: &str) {
        let content = self.path().join("content");
        std::fs::rename(content.join(from), content.join(to)).unwrap();
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .current_dir(self.path())
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    }

    /// The report in all three formats, each run checked to succeed.
    fn reports(&self, args: &[&str]) -> Reports {
        let run = |format: &str| {
            let mut all = vec!["diff"];
            all.extend_from_slice(args);
            all.extend(["--format", format]);
            let out = self.run(&all);
            assert_eq!(
                out.status.code(),
                Some(0),
                "planpress {all:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).unwrap()
        };
        Reports {
            text: run("text"),
            markdown: run("markdown"),
            html: run("html"),
        }
    }
}

struct Reports {
    text: String,
    markdown: String,
    html: String,
}

impl Reports {
    /// Checks that every format says `words` (as plain text; HTML and Markdown escaping aside).
    fn all_say(&self, words: &str) {
        assert!(
            self.text.contains(words),
            "text lacks {words:?}:\n{}",
            self.text
        );
        let md_plain = self
            .markdown
            .replace('\\', "")
            .replace("**", "")
            .replace("~~", "")
            .replace('`', "");
        assert!(
            md_plain.contains(words),
            "markdown lacks {words:?}:\n{}",
            self.markdown
        );
        let html_plain = strip_tags(&self.html);
        assert!(
            html_plain.contains(words),
            "html lacks {words:?}:\n{html_plain}"
        );
    }
}

const VOICE: &str = "victims/01-victims-voice.md";
const SUPPORT: &str = "victims/02-support-services.md";
const TRAINING: &str = "    - id: victim-care-training\n      text: Ensuring officers and staff have the appropriate training for their role in victim care.\n";

/// Rewords `swifter-justice` and `complaints-review`, and moves `victim-care-training` from
/// priority 1.1 to 1.2 (the Chief Constable's list).
fn reword_two_and_move_one(repo: &Repo) {
    repo.edit(VOICE, |s| {
        s.replace(
            "Play a leading role in supporting and challenging criminal justice partners",
            "Lead and challenge criminal justice partners",
        )
        .replace(
            "Review complaints from victims",
            "Review every complaint from victims",
        )
        .replace(TRAINING, "")
    });
    repo.edit(SUPPORT, |s| {
        s.replace(
            "\n---\n",
            &format!("\nchief_constable:\n  commitments:\n{TRAINING}---\n"),
        )
    });
}

#[test]
fn reword_two_commitments_and_move_one_is_told_in_words() {
    let repo = Repo::new(&fixture());
    repo.git(&["checkout", "-q", "-b", "review"]);
    reword_two_and_move_one(&repo);
    repo.commit("Respond to the Panel");
    // Against the branch it started from, and with the working tree as NEW.
    let r = repo.reports(&["main"]);
    r.all_say("Commitments: 2 reworded, 1 moved.");
    r.all_say("Changed commitment swifter-justice in Priority 1.1: Put victims and their voice at the heart of the criminal justice system, the Commissioner's commitments");
    r.all_say("Text reworded: [deleted: Play a leading role in supporting] [added: Lead] and [deleted: challenging] [added: challenge] criminal justice partners");
    r.all_say("Review [deleted: complaints] [added: every complaint] from victims");
    r.all_say("Moved from Priority 1.1: Put victims and their voice at the heart of the criminal justice system, the Chief Constable's responsibilities to Priority 1.2: Provide support services that help victims cope and recover, the Chief Constable's responsibilities");
    // Nothing else is reported: no other sections, no additions or removals.
    for format in [&r.text, &r.markdown] {
        assert!(!format.contains("Added commitment"), "{format}");
        assert!(!format.contains("Removed commitment"), "{format}");
        assert!(!format.contains("Priorities"), "{format}");
    }
    // Markdown marks the words as well as labelling them.
    assert!(r
        .markdown
        .contains("\\[deleted: ~~complaints~~\\] \\[added: **every complaint**\\]"));
    // Two revisions give the same report as revision and working tree.
    let both = repo.reports(&["main", "review"]);
    assert_eq!(
        both.markdown.replace("and review", "and the working tree"),
        r.markdown
    );
}

#[test]
fn the_html_report_is_an_accessible_page() {
    let repo = Repo::new(&fixture());
    reword_two_and_move_one(&repo);
    let html = repo.reports(&["base"]).html;
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
    assert_eq!(html.matches("<h1").count(), 1, "{html}");
    assert!(html.contains("<a class=\"skip-link\" href=\"#main-content\">"));
    assert!(html.contains("<main id=\"main-content\""));
    // The summary table comes before any changed item.
    let table = html.find("<table").unwrap();
    let first_item = html.find("class=\"changed-item\"").unwrap();
    assert!(table < first_item);
    assert!(html.contains("<caption"));
    assert!(html.contains(
        "<th scope=\"row\">Commitments</th><td>0</td><td>0</td><td>2</td><td>1</td><td>0</td>"
    ));
    // Changes are labelled in words, not by colour alone.
    assert!(html.contains("[deleted: <del>complaints</del>]"), "{html}");
    assert!(
        html.contains("[added: <ins>every complaint</ins>]"),
        "{html}"
    );
    // The appendix holds the source diff, highlighted with classes, not inline styles.
    let appendix = &html[html.find("id=\"appendix\"").unwrap()..];
    assert!(appendix.contains("victims/01-victims-voice.md"));
    assert!(appendix.contains("class=\"hl-"), "{appendix}");
    assert!(!html.contains("style=\""), "inline styles in the report");
    assert!(!html.contains("<script"));
    // --out writes the same page to a file.
    let out = repo.run(&["diff", "base", "--format", "html", "--out", "report.html"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(repo.path().join("report.html")).unwrap(),
        html
    );
}

#[test]
fn added_and_removed_commitments_are_listed_with_their_words() {
    let repo = Repo::new(&fixture());
    repo.edit("safety/01-safer-streets.md", |s| {
        s.replace(
            "      due: 2025-10\n",
            "      due: 2025-10\n    - id: shop-theft\n      text: Work with retailers to reduce shop theft.\n",
        )
    });
    repo.edit("safety/02-roads.md", |s| {
        s.replace(
            "    - id: speed-watch\n      text: Double the number of Community Speed Watch groups.\n",
            "",
        )
    });
    let r = repo.reports(&["base"]);
    r.all_say("Commitments: 1 added, 1 removed.");
    r.all_say("Added commitment shop-theft in Priority 2.1: Make streets safer, the Commissioner's commitments");
    r.all_say("Text: [added: Work with retailers to reduce shop theft.]");
    r.all_say("Removed commitment speed-watch in Priority 2.2: Reduce harm on the roads, the Commissioner's commitments");
    r.all_say("Text: [deleted: Double the number of Community Speed Watch groups.]");
}

#[test]
fn reordered_priorities_are_renumbered_and_their_files_renamed() {
    let repo = Repo::new(&fixture());
    repo.rename("safety/01-safer-streets.md", "safety/02-safer-streets.md");
    repo.rename("safety/02-roads.md", "safety/01-roads.md");
    repo.edit("safety/02-safer-streets.md", |s| {
        s.replace("number: 1\n", "number: 2\n")
    });
    repo.edit("safety/01-roads.md", |s| {
        s.replace("number: 2\n", "number: 1\n")
    });
    repo.commit("Roads first");
    let r = repo.reports(&["base", "main"]);
    r.all_say("Priorities: 2 moved, 2 otherwise changed.");
    r.all_say("Changed Priority 2.2: Make streets safer");
    r.all_say("Moved from position 1 to position 2 in Aim 2: Keeping people safe");
    r.all_say("Moved from position 2 to position 1 in Aim 2: Keeping people safe");
    r.all_say("File renamed from safety/01-safer-streets.md to safety/02-safer-streets.md");
    r.all_say("File renamed from safety/02-roads.md to safety/01-roads.md");
    // Their commitments did not move: they are still in the same priority and list.
    assert!(!r.text.contains("Commitments"), "{}", r.text);
    // The appendix pairs the renamed files rather than showing them as deleted and new.
    assert!(strip_tags(&r.html).contains("safety/01-safer-streets.md → safety/02-safer-streets.md"));
}

#[test]
fn commitments_reordered_within_a_list_are_reported_as_moved() {
    let repo = Repo::new(&fixture());
    repo.edit("safety/01-safer-streets.md", |s| {
        let patrols = "    - id: more-patrols\n      text: Fund more patrols in town centres.\n";
        s.replace(patrols, "").replace(
            "      due: 2025-10\n",
            &format!("      due: 2025-10\n{patrols}"),
        )
    });
    let r = repo.reports(&["base"]);
    // Swapping two neighbours moves one past the other; which one is said to move is the
    // algorithm's choice, but exactly one is.
    r.all_say("Commitments: 1 moved.");
    r.all_say("Moved from position 2 to position 1 in the Commissioner's commitments of Priority 2.1: Make streets safer");
}

#[test]
fn changed_targets_figures_and_statuses_read_from_and_to() {
    let repo = Repo::new(&fixture());
    repo.edit("performance/calls-answered.md", |s| {
        s.replace(
            "  text: 90% answered within 10 seconds\n  value: 90\n",
            "  text: 95% answered within 10 seconds\n  value: 95\n",
        )
        .replace(
            "  value: 93\n  period: June 2024\n",
            "  value: 94.5\n  period: September 2024\n",
        )
    });
    repo.edit(VOICE, |s| {
        s.replace(
            "      status: in-progress\n      due: 2025-03\n",
            "      status: delivered\n      due: 2025-01\n",
        )
    });
    repo.edit("_index.md", |s| s.replace("status: draft", "status: final"));
    let r = repo.reports(&["base"]);
    r.all_say("Plan status: draft → final");
    r.all_say("Target: 90% answered within 10 seconds → 95% answered within 10 seconds");
    r.all_say("Target figure: 90% → 95%");
    r.all_say("Latest figure: 93% (June 2024) → 94.5% (September 2024)");
    r.all_say("Changed commitment victims-code");
    r.all_say("Status: In progress → Delivered");
    r.all_say("Due date: March 2025 → January 2025");
    r.all_say("Performance statements: 1 otherwise changed.");
}

#[test]
fn every_figure_of_a_statement_is_compared_and_its_judged_status_too() {
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/performance/content");
    let repo = Repo::new(&plan);
    // Control limits moved so that the latest figure falls within them, a published change
    // and its direction, an area's figure inside a series, a change target, and a breakdown
    // item's baseline: none of these is a latest figure, and each must be seen.
    repo.edit("performance/hate-crime.md", |s| {
        s.replace("  upper: 607\n", "  upper: 750\n")
            .replace("  value: 56\n  basis:", "  value: 57\n  basis:")
            .replace("limits:\n", "direction: up\nlimits:\n")
    });
    repo.edit("performance/calls-answered.md", |s| {
        s.replacen(
            "      - area: north\n        value: 90\n",
            "      - area: north\n        value: 91\n",
            1,
        )
    });
    repo.edit("performance/road-casualties.md", |s| {
        s.replace("  change: -20\n", "  change: -25\n").replace(
            "        value: 9\n        baseline: 11\n",
            "        value: 9\n        baseline: 12\n",
        )
    });
    let r = repo.reports(&["base"]);
    r.all_say("Status: Above upper control limit → Within control limits");
    r.all_say("Control limits: 307 to 607 (Two standard deviations either side of the 2022/23 mean) → 307 to 750");
    r.all_say("Published change: +56% (Year to date on 2022/23) → +57% (Year to date on 2022/23)");
    r.all_say("Direction: not set → Rising");
    r.all_say("April 2024: 91%, North Testshire 90%");
    r.all_say("April 2024: 91%, North Testshire 91%");
    r.all_say("Target change: \u{2212}20% → \u{2212}25%");
    r.all_say("Fatal 9 against 11");
    r.all_say("Fatal 9 against 12");
    r.all_say("Performance statements: 3 otherwise changed.");
}

#[test]
fn renamed_files_and_changed_ids_are_matched_by_wording() {
    let repo = Repo::new(&fixture());
    repo.rename(
        "glossary/anti-social-behaviour.md",
        "glossary/antisocial-behaviour.md",
    );
    repo.edit("about.md", |s| {
        s.replace("#anti-social-behaviour", "#antisocial-behaviour")
    });
    repo.edit("safety/01-safer-streets.md", |s| {
        s.replace("id: more-patrols", "id: town-centre-patrols")
    });
    let r = repo.reports(&["base"]);
    r.all_say("Changed glossary term: Anti-social behaviour");
    r.all_say("Id changed from anti-social-behaviour to antisocial-behaviour; paired by its wording (100% alike)");
    r.all_say(
        "File renamed from glossary/anti-social-behaviour.md to glossary/antisocial-behaviour.md",
    );
    r.all_say("Changed commitment town-centre-patrols");
    r.all_say(
        "Id changed from more-patrols to town-centre-patrols; paired by its wording (100% alike)",
    );
    for kind in ["glossary term", "commitment"] {
        assert!(!r.text.contains(&format!("Added {kind}")), "{}", r.text);
        assert!(!r.text.contains(&format!("Removed {kind}")), "{}", r.text);
    }
}

#[test]
fn a_reworded_commitment_with_a_new_id_shows_the_match_and_its_score() {
    let repo = Repo::new(&fixture());
    repo.edit("victims/02-support-services.md", |s| {
        s.replace(
            "    - id: advice-line\n      text: Maintain the Victims Advice Line as the single point of contact for victims.",
            "    - id: victims-advice-line\n      text: Maintain the Victims Advice Line as the single point of contact for all victims.",
        )
    });
    let r = repo.reports(&["base"]);
    r.all_say("Id changed from advice-line to victims-advice-line; paired by its wording (");
    r.all_say("Text reworded: Maintain the Victims Advice Line as the single point of contact for [added: all] victims.");
}

#[test]
fn outcomes_and_pages_are_compared_too() {
    let repo = Repo::new(&fixture());
    repo.edit("victims/_index.md", |s| {
        s.replace("  - Victims are kept informed.\n", "  - Victims are kept informed at every stage.\n  - Victims are treated with dignity.\n")
    });
    repo.edit("about.md", |s| {
        s.replace("public consultation", "public consultation in 2024")
    });
    let r = repo.reports(&["base"]);
    r.all_say("Outcomes: 1 added, 1 reworded.");
    r.all_say(
        "Text reworded: Victims are kept [deleted: informed.] [added: informed at every stage.]",
    );
    r.all_say("Added outcome of Aim 1: Putting victims first");
    r.all_say("Changed page: About the plan");
    r.all_say("Paragraph reworded: The plan follows a public [deleted: consultation.] [added: consultation in 2024.]");
}

#[test]
fn layout_changes_alone_are_no_changes() {
    let repo = Repo::new(&fixture());
    repo.edit("_index.md", |s| {
        s.replace("kept safe.\nIt is", "kept safe. It is").replace(
            "title: Safer Testshire Plan",
            "title: \"Safer Testshire Plan\"",
        )
    });
    let r = repo.reports(&["base"]);
    r.all_say("No changes: the two versions of the plan say the same.");
}

#[test]
fn the_shipped_plan_reports_a_reworded_and_a_moved_commitment() {
    let repo = Repo::new(&shipped());
    repo.edit("victims/01-victims-voice.md", |s| {
        s.replace(
            "Continue to act as the voice of the victim within the force",
            "Continue to act as the independent voice of the victim within the force",
        )
    });
    let moved = "    - id: explain-case-outcomes\n";
    let text =
        std::fs::read_to_string(repo.path().join("content/victims/01-victims-voice.md")).unwrap();
    let start = text
        .find(moved)
        .expect("the shipped plan has explain-case-outcomes");
    let end = text[start + moved.len()..].find("    - id: ").map_or_else(
        || text[start..].find("---").unwrap() + start,
        |e| e + start + moved.len(),
    );
    let block = text[start..end].to_string();
    repo.edit("victims/01-victims-voice.md", |s| s.replace(&block, ""));
    repo.edit("victims/02-support-services.md", |s| {
        let at = s.rfind("---").unwrap();
        if s.contains("chief_constable:") {
            format!("{}{block}---\n", &s[..at])
        } else {
            format!("{}chief_constable:\n  commitments:\n{block}---\n", &s[..at])
        }
    });
    // The shipped plan is in Welsh too: the Welsh words move with the commitment.
    let welsh = "  - id: explain-case-outcomes\n";
    let text = std::fs::read_to_string(repo.path().join("content/victims/01-victims-voice.cy.md"))
        .unwrap();
    let start = text
        .find(welsh)
        .expect("the Welsh has explain-case-outcomes");
    let end = text[start + welsh.len()..].find("  - id: ").map_or_else(
        || text[start..].find("---").unwrap() + start,
        |e| e + start + welsh.len(),
    );
    let block = text[start..end].to_string();
    repo.edit("victims/01-victims-voice.cy.md", |s| s.replace(&block, ""));
    repo.edit("victims/02-support-services.cy.md", |s| {
        let at = s.rfind("---").unwrap();
        format!("{}{block}---\n", &s[..at])
    });
    let r = repo.reports(&["base"]);
    r.all_say("Commitments: 1 reworded, 1 moved.");
    r.all_say("Continue to act as the [added: independent] voice of the victim");
    r.all_say("Changed commitment explain-case-outcomes in Priority 1.2");
}

#[test]
fn content_folders_can_be_compared_without_git() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    copy_dir(&fixture(), &a);
    copy_dir(&fixture(), &b);
    let voice = b.join(VOICE);
    let text = std::fs::read_to_string(&voice).unwrap();
    std::fs::write(
        &voice,
        text.replace("Delivering sustained", "Delivering lasting"),
    )
    .unwrap();
    let out = Command::new(BIN)
        .current_dir(dir.path())
        .args(["diff", "a", "b"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("What changed between a and b"), "{text}");
    assert!(
        text.contains("Delivering [deleted: sustained] [added: lasting] improvements"),
        "{text}"
    );
}

#[test]
fn an_unknown_revision_is_a_usage_error_that_names_it() {
    let repo = Repo::new(&fixture());
    let out = repo.run(&["diff", "no-such-tag"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("\"no-such-tag\""), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_folder_or_revision_without_content_is_a_usage_error() {
    let repo = Repo::new(&fixture());
    std::fs::create_dir(repo.path().join("empty")).unwrap();
    let out = repo.run(&["diff", "empty"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty has no content"));
    // A revision from before the content folder existed.
    repo.git(&["checkout", "-q", "--orphan", "bare"]);
    repo.git(&["rm", "-q", "-r", "--cached", "content"]);
    std::fs::write(repo.path().join("README"), "nothing yet\n").unwrap();
    repo.git(&["add", "README"]);
    repo.git(&["commit", "-q", "-m", "empty"]);
    let out = repo.run(&["diff", "bare", "base"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("revision \"bare\" has no content"), "{err}");
}

#[test]
fn outside_a_repository_a_name_that_is_not_a_folder_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(), &dir.path().join("content"));
    let out = Command::new(BIN)
        .current_dir(dir.path())
        .args(["diff", "consultation-draft"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("\"consultation-draft\" is not a folder"),
        "{err}"
    );
}

#[test]
fn content_errors_name_the_revision_and_the_line() {
    let repo = Repo::new(&fixture());
    repo.edit(VOICE, |s| {
        s.replace("      due: 2025-03\n", "      due_date: 2025-03\n")
    });
    repo.commit("A typo");
    repo.git(&["tag", "broken"]);
    let out = repo.run(&["diff", "broken", "base"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "broken:content/victims/01-victims-voice.md:13:7: error: unknown key \"due_date\""
        ),
        "{err}"
    );
    // The working tree is named by its path.
    let out = repo.run(&["diff", "base"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("content/victims/01-victims-voice.md:13:7"),
        "{err}"
    );
}

#[test]
fn git_diff_shows_the_plan_level_summary_through_the_external_driver() {
    let repo = Repo::new(&fixture());
    std::fs::write(
        repo.path().join(".gitattributes"),
        "content/**/*.md diff=planpress\n",
    )
    .unwrap();
    repo.git(&[
        "config",
        "diff.planpress.command",
        &format!("{BIN} diff --git-external"),
    ]);
    reword_two_and_move_one(&repo);
    let out = repo.git(&["diff"]);
    assert!(out.contains("planpress diff a/content/victims/01-victims-voice.md b/content/victims/01-victims-voice.md"), "{out}");
    assert!(
        out.contains("Review [deleted: complaints] [added: every complaint] from victims"),
        "{out}"
    );
    // Per file, a move between files reads as a removal from one and an addition to the other.
    assert!(
        out.contains("Removed commitment victim-care-training"),
        "{out}"
    );
    assert!(
        out.contains("Added commitment victim-care-training"),
        "{out}"
    );
    repo.commit("Reworded");
    let log = repo.git(&["log", "-p", "--ext-diff", "-1"]);
    assert!(log.contains("Commitments: 1 removed, 2 reworded."), "{log}");
}

#[test]
fn the_website_shows_what_changed_since_the_named_revision() {
    let repo = Repo::new(&fixture());
    reword_two_and_move_one(&repo);
    repo.edit("_index.md", |s| {
        s.replace("---\nThis plan", "compare_with: base\n---\nThis plan")
    });
    let out = repo.run(&["build"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(repo.path().join("public/changes/index.html")).unwrap();
    assert!(page.contains("<h1>What has changed</h1>"));
    assert!(page.contains("[deleted: <del>complaints</del>]"), "{page}");
    assert!(page.contains("Commitments: 2 reworded, 1 moved."), "{page}");
    let home = std::fs::read_to_string(repo.path().join("public/index.html")).unwrap();
    assert!(
        home.contains("href=\"changes/index.html\""),
        "the home page links to the page"
    );

    // A revision that does not exist fails the build and says which.
    repo.edit("_index.md", |s| {
        s.replace("compare_with: base", "compare_with: gone")
    });
    let out = repo.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"gone\""));
}

#[test]
fn the_website_builds_outside_git_when_no_revision_is_named() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(), &dir.path().join("content"));
    let out = Command::new(BIN)
        .current_dir(dir.path())
        .args(["build"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!dir.path().join("public/changes").exists());
}

#[test]
fn figures_revised_after_their_report_was_published_are_told_as_such() {
    let repo = Repo::new(&shipped());
    // The fictional second report, still a draft.
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports/2021-22-q2"),
        &repo.path().join("content/reports/2021-22-q2"),
    );
    repo.edit("reports/2021-22-q2/_index.md", |s| {
        s.replace("status: published", "status: draft")
    });
    repo.commit("Start the second quarter's report");
    repo.git(&["tag", "q2-draft"]);
    // The first quarter's all crime figure, published, is revised; the draft follows it and
    // is published.
    repo.edit("reports/2021-22-q1/all-crime.md", |s| {
        s.replacen("latest:\n  value: 21009\n", "latest:\n  value: 21100\n", 1)
    });
    repo.edit("reports/2021-22-q2/all-crime.md", |s| {
        s.replacen(
            "previous:\n  value: 21009\n",
            "previous:\n  value: 21100\n",
            1,
        )
    });
    repo.edit("reports/2021-22-q2/_index.md", |s| {
        s.replace("status: draft", "status: published")
    });
    let r = repo.reports(&["q2-draft"]);
    r.all_say("1 figure revised after its report was published.");
    r.all_say("Reports: 2 otherwise changed.");
    r.all_say("Changed report: Quarter 1 2021/22");
    r.all_say("Revised after publication: All crime recorded, by crime type, latest figure: 21,009 (Quarter 1 2021/22 (April to June 2021)) → 21,100 (Quarter 1 2021/22 (April to June 2021))");
    // The draft's figure changed before publication: a change, not a revision.
    r.all_say("Changed report: Quarter 2 2021/22");
    r.all_say("Status: draft → published");
    r.all_say("All crime recorded, by crime type: previous figure: 21,009 (Quarter 1 2021/22 (April to June 2021)) → 21,100 (Quarter 1 2021/22 (April to June 2021))");
    assert_eq!(
        r.text.matches("Revised after publication").count(),
        1,
        "{}",
        r.text
    );
    // A report added after another was published revises nothing.
    let r = repo.reports(&["base"]);
    r.all_say("Reports: 1 added, 1 otherwise changed.");
    r.all_say("Added report: Quarter 2 2021/22");
    r.all_say("1 figure revised after its report was published.");
    // Comparing a plan with itself finds nothing, reports included.
    let r = repo.reports(&["HEAD", "HEAD"]);
    assert!(!r.text.contains("Reports"), "{}", r.text);
}
