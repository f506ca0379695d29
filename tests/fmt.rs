//! `planpress fmt`: canonical formatting that never changes what the plan says.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use planpress::fmt::{body, format_text};
use planpress::load::SourceFile;
use planpress::Plan;

const BIN: &str = env!("CARGO_BIN_EXE_planpress");

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// Every shipped content file: path relative to content/, full path, text.
fn shipped_files() -> Vec<(String, PathBuf, String)> {
    let root = content_dir();
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(path).unwrap();
        out.push((rel, path.to_path_buf(), text));
    }
    assert!(out.len() > 40, "the shipped plan was not found");
    out
}

/// A plan as comparable data: every Markdown body replaced by its normalised events, so a
/// rewrapped paragraph compares equal and a changed word does not.
fn model(files: &[SourceFile]) -> serde_json::Value {
    fn walk(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    if k == "markdown" {
                        let md = v.as_str().unwrap_or("").to_string();
                        *v = serde_json::Value::String(format!(
                            "{:?}",
                            body::normalised_events(&md)
                        ));
                    } else {
                        walk(v);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let plan = Plan::from_files(files, &[], Path::new("content"), Default::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let mut value = serde_json::to_value(&plan).unwrap();
    walk(&mut value);
    value
}

#[test]
fn every_shipped_file_keeps_its_model_and_formats_idempotently() {
    let mut before = Vec::new();
    let mut after = Vec::new();
    for (rel, path, text) in shipped_files() {
        let once = format_text(&rel, &path, &text).unwrap_or_else(|e| panic!("{rel}: {e:?}"));
        let twice = format_text(&rel, &path, &once).unwrap_or_else(|e| panic!("{rel}: {e:?}"));
        assert_eq!(once, twice, "{rel}: formatting twice differs from once");
        // The body's words are the same, in the same order: only line breaks moved. (The front
        // matter may also lose or gain quotes; the model comparison below covers it.)
        let body_words = |s: &str| {
            let body = s.splitn(3, "---\n").nth(2).unwrap_or("");
            body.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        assert_eq!(body_words(&text), body_words(&once), "{rel}: words changed");
        before.push(SourceFile::new(rel.clone(), &path, &text));
        after.push(SourceFile::new(rel, &path, &once));
    }
    assert_eq!(model(&before), model(&after));
}

#[test]
fn a_changed_word_is_a_different_model() {
    // The round-trip check above would notice a real change.
    let files = |extra: &str| {
        shipped_files()
            .into_iter()
            .map(|(rel, path, text)| {
                let text = if rel == "introduction.md" {
                    text.replace("clear vision", extra)
                } else {
                    text
                };
                SourceFile::new(rel, &path, &text)
            })
            .collect::<Vec<_>>()
    };
    assert_ne!(
        model(&files("clear vision")),
        model(&files("clear  vision!"))
    );
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_shipped_content_is_formatted() {
    let out = run(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["fmt", "--check", "--content", "content"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "content/ is not in canonical form; run `planpress fmt`:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// A temporary content folder holding a few files.
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in files {
        let path = dir.path().join("content").join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

const UNFORMATTED_PAGE: &str =
    "---\norder: 2\ntitle: 'About'\n---\nFirst sentence. Second sentence.\n* a list item\n";
const FORMATTED_PAGE: &str =
    "---\ntitle: About\norder: 2\n---\nFirst sentence.\nSecond sentence.\n\n- a list item\n";

#[test]
fn check_lists_files_that_would_change_and_changes_nothing() {
    let dir = folder(&[("about.md", UNFORMATTED_PAGE), ("ok.md", FORMATTED_PAGE)]);
    let out = run(dir.path(), &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout, "would reformat content/about.md\n");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("content/about.md")).unwrap(),
        UNFORMATTED_PAGE
    );
    // Formatting, then checking again, passes.
    assert_eq!(run(dir.path(), &["fmt"]).status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("content/about.md")).unwrap(),
        FORMATTED_PAGE
    );
    let out = run(dir.path(), &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_malformed_file_is_never_rewritten() {
    let cases = [
        (
            "bad-key.md",
            "---\ntitel: About\n---\nOne. Two.\n",
            "content/bad-key.md:2:1",
        ),
        (
            "unclosed.md",
            "---\ntitle: About\nOne. Two.\n",
            "content/unclosed.md:1:1",
        ),
        (
            "commented.md",
            "---\ntitle: About # the page title\n---\nOne. Two.\n",
            "content/commented.md:2:1",
        ),
        (
            "bad-yaml.md",
            "---\ntitle: [About\n---\nOne. Two.\n",
            "content/bad-yaml.md:",
        ),
    ];
    let mut files: Vec<(&str, &str)> = cases.iter().map(|(f, t, _)| (*f, *t)).collect();
    files.push(("good.md", UNFORMATTED_PAGE));
    let dir = folder(&files);
    let out = run(dir.path(), &["fmt"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (file, text, place) in cases {
        assert!(stderr.contains(place), "{place} not in:\n{stderr}");
        let bytes = std::fs::read(dir.path().join("content").join(file)).unwrap();
        assert_eq!(bytes, text.as_bytes(), "{file} was changed");
    }
    assert!(stderr.contains("YAML comment"), "{stderr}");
    // The good file next to them is formatted all the same.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("content/good.md")).unwrap(),
        FORMATTED_PAGE
    );
}

#[cfg(unix)]
#[test]
fn rewriting_keeps_permissions_and_leaves_no_temporary_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder(&[("about.md", UNFORMATTED_PAGE)]);
    let path = dir.path().join("content/about.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(run(dir.path(), &["fmt"]).status.code(), Some(0));
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    let names: Vec<String> = std::fs::read_dir(dir.path().join("content"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(names, vec!["about.md"]);
}

#[test]
fn single_files_and_windows_line_endings_are_formatted() {
    let dir = folder(&[
        ("about.md", &UNFORMATTED_PAGE.replace('\n', "\r\n")),
        ("other.md", UNFORMATTED_PAGE),
    ]);
    let out = run(dir.path(), &["fmt", "content/about.md"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("content/about.md")).unwrap(),
        FORMATTED_PAGE
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("content/other.md")).unwrap(),
        UNFORMATTED_PAGE
    );
}

#[test]
fn a_path_outside_the_content_folder_is_a_usage_error() {
    let dir = folder(&[("about.md", UNFORMATTED_PAGE)]);
    std::fs::write(dir.path().join("notes.md"), "# Notes\n").unwrap();
    let out = run(dir.path(), &["fmt", "notes.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not inside the content folder"));
    let out = run(dir.path(), &["fmt", "missing.md"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn front_matter_is_ordered_and_quoted_per_kind() {
    let text = "---\nchief_constable:\n  commitments:\n    - text: 'Reducing harm: on roads.'\n      id: roads\n      status: in-progress\ntitle: Safer roads\nnumber: 1\n---\n";
    let out = format_text(
        "safety/01-roads.md",
        Path::new("content/safety/01-roads.md"),
        text,
    )
    .unwrap();
    assert_eq!(
        out,
        "---\nnumber: 1\ntitle: Safer roads\nchief_constable:\n  commitments:\n    - id: roads\n      text: \"Reducing harm: on roads.\"\n      status: in-progress\n---\n"
    );
}
