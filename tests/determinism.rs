//! The speed work must not change what is built: output is the same whatever the number of
//! threads, streaming pages to disk gives what rendering them into memory gives, a reused
//! large-print PDF is the PDF typesetting would give, and the preview's incremental rebuilds
//! end with exactly what a full build writes.

mod common;

use std::path::Path;

use common::{read_tree, repo, Site};
use planpress::build::{self, BuildOptions, Session};
use planpress::export::large_print::typeset::Typesetter;
use planpress::export::{self, large_print, website, Environment, Memory, RenderContext};
use planpress::theme::Theme;

/// True when the build reused the previous large-print PDF.
fn reused(summary: &build::BuildSummary) -> bool {
    summary
        .made("large-print")
        .is_some_and(|m| m.ends_with("unchanged since the last build"))
}

fn options(site: &Site, out: &str) -> BuildOptions {
    BuildOptions {
        content: site.path("content"),
        out: site.path(out),
        themes: repo().join("themes"),
        // The program `planpress` runs, as `planpress build` does.
        typesetter: Typesetter::program_at(env!("CARGO_BIN_EXE_planpress-typeset")),
        ..BuildOptions::default()
    }
}

/// Runs `planpress build` with `threads` worker threads into `out`.
fn build_with_threads(site: &Site, threads: &str, out: &str, extra: &[&str]) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_planpress"))
        .args(["build", "--out", out, "--themes-dir"])
        .arg(repo().join("themes"))
        .args(extra)
        .current_dir(site.dir.path())
        .env("RAYON_NUM_THREADS", threads)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn assert_same_trees(a: &Path, b: &Path) {
    let (a, b) = (read_tree(a), read_tree(b));
    let names = |t: &[(String, Vec<u8>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&a), names(&b), "different files");
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert!(
            x == y,
            "{name} differs:\n{}\n---\n{}",
            String::from_utf8_lossy(x),
            String::from_utf8_lossy(y)
        );
    }
}

#[test]
fn output_is_byte_identical_on_one_thread_and_on_four() {
    let site = Site::minimal();
    build_with_threads(&site, "1", "one", &[]);
    build_with_threads(&site, "4", "four", &[]);
    assert_same_trees(&site.path("one"), &site.path("four"));

    let shipped = Site::shipped();
    build_with_threads(&shipped, "1", "one", &["--no-large-print"]);
    build_with_threads(&shipped, "4", "four", &["--no-large-print"]);
    assert_same_trees(&shipped.path("one"), &shipped.path("four"));
}

#[test]
fn streaming_pages_to_disk_writes_what_rendering_them_in_memory_gives() {
    let site = Site::minimal();
    let opts = options(&site, "public");
    let summary = build::build(&opts).unwrap();
    let built = read_tree(&opts.out);

    assert!(summary.made("large-print").is_some());

    // Every output made again in memory, through the export contract, as the build makes
    // them (its PDF the one just typeset, found current).
    let plan = planpress::read_plan(&opts.content).unwrap();
    let theme = Theme::load(&opts.themes, &opts.theme).unwrap();
    let env = Environment {
        previous: &opts.out,
        typesetter: &opts.typesetter,
        progress: &export::Silent,
    };
    let prepared: Vec<_> = export::OUTPUTS
        .iter()
        .map(|o| o.prepare(&plan, &env).unwrap())
        .collect();
    let footer: Vec<_> = prepared.iter().flat_map(|p| p.downloads()).collect();
    let ctx = RenderContext {
        plan: &plan,
        theme: &theme,
        comparison: None,
        history: &[],
        downloads: &footer,
    };
    let memory = Memory::default();
    website::render(&ctx, &memory, || {
        let mut late = Vec::new();
        for p in &prepared {
            late.extend(p.write(&ctx, &memory)?);
        }
        Ok(late)
    })
    .unwrap();
    let rendered = memory.into_files();
    assert!(rendered.len() > 10);
    let names = |t: &[(String, Vec<u8>)]| t.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    // The output folder holds exactly what the outputs wrote: no file of planpress's own.
    let on_disk = built;
    assert_eq!(names(&on_disk), names(&rendered));
    for ((path, a), (_, b)) in on_disk.iter().zip(&rendered) {
        assert!(a == b, "{path} differs");
    }
}

#[test]
fn the_large_print_pdf_is_reused_only_while_what_shapes_it_is_unchanged() {
    let site = Site::minimal();
    let opts = options(&site, "public");
    let first = build::build(&opts).unwrap();
    assert!(!reused(&first));
    let before = read_tree(&opts.out);
    let pdf = opts.out.join(large_print::PDF_PATH);
    let inode =
        |path: &Path| std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(path).unwrap());
    let first_file = inode(&pdf);
    let second = build::build(&opts).unwrap();
    assert!(reused(&second), "an unchanged plan typeset again");
    assert_eq!(before, read_tree(&opts.out));
    // The file itself is kept (linked into the new output), not read and written again.
    assert_eq!(inode(&pdf), first_file);

    // A damaged PDF is never reused.
    let mut bytes = std::fs::read(&pdf).unwrap();
    let last = bytes.len() - 10;
    bytes[last] ^= 1;
    std::fs::write(&pdf, bytes).unwrap();
    assert!(!reused(&build::build(&opts).unwrap()));
    assert_eq!(before, read_tree(&opts.out));

    // A change the PDF shows is typeset, giving what a build from nothing gives.
    site.edit(
        "content/safety/01-safer-streets.md",
        "Fund more patrols.",
        "Fund many more patrols.",
    );
    assert!(!reused(&build::build(&opts).unwrap()));
    assert_ne!(before, read_tree(&opts.out));
    let fresh = options(&site, "fresh");
    build::build(&fresh).unwrap();
    assert_same_trees(&opts.out, &fresh.out);
}

/// Rebuilds the session after `file` was edited and checks the output against a full build
/// of the edited content: at once, every file but the downloads (data files, large print,
/// other formats) and the pages listing them (which the session brings up to date later),
/// then, after its downloads are refreshed, every file. Returns how many pages the rebuild wrote.
fn rebuild_matches_a_full_build(site: &Site, session: &mut Session, file: &str) -> usize {
    let written = session.rebuild(&[site.path(file)]).unwrap().pages;
    let fresh = match session_large_print(site) {
        true => options(site, "fresh"),
        false => quiet_footer(options(site, "fresh")),
    };
    let _ = std::fs::remove_dir_all(&fresh.out);
    build::build(&fresh).unwrap();
    let plan = planpress::read_plan(&fresh.content).unwrap();
    let later: Vec<String> = website::routes(&plan)
        .iter()
        .filter(|r| website::shows_downloads(r))
        .map(|r| r.file())
        .collect();
    // The website's own files: its pages (but those listing downloads) and static files.
    let now = |tree: Vec<(String, Vec<u8>)>| {
        tree.into_iter()
            .filter(|(p, _)| p.ends_with(".html") || p.starts_with("static/"))
            .filter(|(p, _)| !later.contains(p) && !p.starts_with("large-print"))
            .collect::<Vec<_>>()
    };
    if !session_large_print(site) {
        let (ours, theirs) = (
            now(read_tree(&site.path("public"))),
            now(read_tree(&fresh.out)),
        );
        for ((name, x), (_, y)) in ours.iter().zip(&theirs) {
            assert!(
                x == y,
                "after editing {file}, {name} was not brought up to date"
            );
        }
        assert_eq!(ours.len(), theirs.len());
    }
    session.refresh_downloads().unwrap();
    assert_same_trees(&site.path("public"), &fresh.out);
    written
}

/// Rebuilds the session after `file` was edited, expecting the problems a full build of the
/// edited content reports, exactly, and the output left as it was.
fn fails_as_a_full_build_does(site: &Site, session: &mut Session, file: &str) {
    let before = read_tree(&site.path("public"));
    let ours = session.rebuild(&[site.path(file)]).unwrap_err();
    let fresh = options(site, "fresh");
    let _ = std::fs::remove_dir_all(&fresh.out);
    let theirs = build::build(&fresh).unwrap_err();
    let problems = |e: &anyhow::Error| {
        let found = e.downcast_ref::<planpress::ContentErrors>();
        format!("{:?}", found.expect("content problems").0)
    };
    assert_eq!(problems(&ours), problems(&theirs), "after editing {file}");
    assert_eq!(
        before,
        read_tree(&site.path("public")),
        "after editing {file}"
    );
}

/// `opts` without the output linked from every page's footer (the large print), whose size
/// changes with any edit, so that refreshing the downloads rewrites only the pages that list
/// them.
fn quiet_footer(opts: BuildOptions) -> BuildOptions {
    opts.without("large-print")
}

/// Whether the site's session makes the large-print edition (marked by a file in the site).
fn session_large_print(site: &Site) -> bool {
    site.path("large-print-on").exists()
}

#[test]
fn preview_rebuilds_write_what_a_full_build_writes() {
    // Without the edition in every footer (the large print), whose size would have every page
    // rewritten when the downloads are refreshed, so that each rebuild is checked alone.
    let site = Site::minimal();
    let mut session = Session::start(quiet_footer(options(&site, "public"))).unwrap();
    let all = read_tree(&site.path("public"))
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .count();

    let priority = "content/safety/01-safer-streets.md";
    site.edit(priority, "Fund more patrols.", "Fund many more patrols.");
    let written = rebuild_matches_a_full_build(&site, &mut session, priority);
    assert!(written < all, "a commitment's edit rewrote all {all} pages");

    site.edit(
        priority,
        "Responding quickly to calls.\n---\n",
        "Responding quickly to calls.\n---\nWhy this priority matters, in a few words.\n",
    );
    let written = rebuild_matches_a_full_build(&site, &mut session, priority);
    assert_eq!(
        written, 2,
        "a change to a priority's text alone shows on its page and the search page alone"
    );

    site.edit(
        priority,
        "title: Make streets safer",
        "title: Make the streets safer",
    );
    rebuild_matches_a_full_build(&site, &mut session, priority);

    // A heading added to a priority: its page offers a new anchor, so every body's links are
    // checked again; then a page links to it, and the heading is renamed, breaking that link.
    let roads = "content/safety/02-roads.md";
    site.edit(
        roads,
        "Enforce speed limits.\n---\n",
        "Enforce speed limits.\n---\n## Speed\n\nWhy speed matters.\n",
    );
    assert_eq!(rebuild_matches_a_full_build(&site, &mut session, roads), 2);
    site.edit(
        "content/about.md",
        "## How\n",
        "## How\n\nAbout [speed](/safety/roads/#speed).\n",
    );
    rebuild_matches_a_full_build(&site, &mut session, "content/about.md");
    site.edit(roads, "## Speed", "## Speeding");
    fails_as_a_full_build_does(&site, &mut session, roads);
    site.edit(roads, "## Speeding", "## Speed");
    rebuild_matches_a_full_build(&site, &mut session, roads);

    // Commitment ids: one given up by a priority may be taken by another; one still in use
    // may not, and the problem reads as `planpress build` gives it.
    site.edit(roads, "id: speed-enforcement", "id: speed-checks");
    rebuild_matches_a_full_build(&site, &mut session, roads);
    site.edit(priority, "id: street-lighting", "id: speed-enforcement");
    rebuild_matches_a_full_build(&site, &mut session, priority);
    site.edit(roads, "id: speed-checks", "id: speed-enforcement");
    fails_as_a_full_build_does(&site, &mut session, roads);
    site.edit(roads, "id: speed-enforcement", "id: speed-cameras");
    rebuild_matches_a_full_build(&site, &mut session, roads);
    // Two priorities edited in one rebuild, swapping ids between them.
    site.edit(roads, "id: speed-cameras", "id: street-lighting");
    site.edit(priority, "id: speed-enforcement", "id: speed-cameras");
    session
        .rebuild(&[site.path(roads), site.path(priority)])
        .unwrap();
    rebuild_matches_a_full_build(&site, &mut session, priority);

    let statement = "content/performance/calls-answered.md";
    site.edit(
        statement,
        "Calls were answered promptly.",
        "Calls were answered quickly.",
    );
    rebuild_matches_a_full_build(&site, &mut session, statement);

    let page = "content/about.md";
    site.edit(page, "More text.", "More words.");
    rebuild_matches_a_full_build(&site, &mut session, page);

    let aim = "content/safety/_index.md";
    site.edit(aim, "The aim's introduction.", "The aim's opening words.");
    rebuild_matches_a_full_build(&site, &mut session, aim);

    let term = "content/glossary/anti-social-behaviour.md";
    site.edit(term, "harassment", "harassment or");
    rebuild_matches_a_full_build(&site, &mut session, term);

    let plan = "content/_index.md";
    site.edit(plan, "This is the foreword.", "This is the new foreword.");
    rebuild_matches_a_full_build(&site, &mut session, plan);

    let added = "content/safety/03-new.md";
    site.write(
        added,
        "---\ntitle: A new priority\ncommissioner:\n  commitments:\n    - id: new-one\n      text: Something new.\n---\n",
    );
    rebuild_matches_a_full_build(&site, &mut session, added);
    std::fs::remove_file(site.path(added)).unwrap();
    rebuild_matches_a_full_build(&site, &mut session, added);
}

#[test]
fn a_failed_preview_rebuild_reports_the_problem_and_the_next_one_recovers() {
    let site = Site::minimal();
    site.write("large-print-on", "");
    let mut session = Session::start(options(&site, "public")).unwrap();
    let before = read_tree(&site.path("public"));
    let priority = "content/safety/02-roads.md";
    site.edit(priority, "title:", "titel:");
    let err = session.rebuild(&[site.path(priority)]).unwrap_err();
    let problems = err.downcast_ref::<planpress::ContentErrors>().unwrap();
    assert!(
        problems
            .0
            .iter()
            .any(|d| d.message.contains("unknown key \"titel\"")),
        "{problems:?}"
    );
    assert_eq!(before, read_tree(&site.path("public")));
    site.edit(priority, "titel:", "title:");
    site.edit(priority, "title: ", "title: Safer ");
    rebuild_matches_a_full_build(&site, &mut session, priority);
}
