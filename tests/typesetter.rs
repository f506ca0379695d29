//! The large-print PDF is typeset by `planpress-typeset`, a program of its own that
//! `planpress` runs (see `planpress::export::large_print::typeset`): checked from the outside,
//! with the real binaries, including what a user sees when the program is missing or fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use planpress::export::large_print::{self, Options};

const PLANPRESS: &str = env!("CARGO_BIN_EXE_planpress");
const TYPESETTER: &str = env!("CARGO_BIN_EXE_planpress-typeset");

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A `PATH` with the system's programs (a typesetting script's shell) and no
/// `planpress-typeset`, so that a test sees only the programs it places itself.
fn system_path() -> &'static Path {
    Path::new("/usr/bin:/bin")
}

/// Runs `program build` on the shipped plan into `out`, with `env` set (and `PATH` set to
/// [`system_path`] unless `env` sets it).
fn build(program: &Path, out: &Path, extra: &[&str], env: &[(&str, &Path)]) -> Output {
    build_plan(&repo().join("content"), program, out, extra, env)
}

/// As [`build`], of the small fixture plan (quicker to typeset).
fn build_small(program: &Path, out: &Path, env: &[(&str, &Path)]) -> Output {
    let content = repo().join("tests/fixtures/minimal/content");
    build_plan(&content, program, out, &[], env)
}

fn build_plan(
    content: &Path,
    program: &Path,
    out: &Path,
    extra: &[&str],
    env: &[(&str, &Path)],
) -> Output {
    let mut cmd = Command::new(program);
    cmd.env("PATH", system_path())
        .env("PLANPRESS_CACHE", repo().join("target").join("test-cache"));
    cmd.arg("build")
        .arg("--content")
        .arg(content)
        .arg("--themes-dir")
        .arg(repo().join("themes"))
        .arg("--out")
        .arg(out)
        .args(extra)
        .env_remove("PLANPRESS_TYPESETTER");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run planpress")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under `dir` with its bytes, in order.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

/// `planpress` copied alone into a new folder, without `planpress-typeset` beside it.
fn planpress_alone() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let program = dir.path().join("planpress");
    std::fs::copy(PLANPRESS, &program).unwrap();
    (dir, program)
}

/// An output folder built without the large-print edition, for a failed build to leave alone.
fn previous_output(program: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let built = build(program, &out, &["--no-large-print"], &[]);
    assert!(built.status.success(), "{}", stderr(&built));
    (dir, out)
}

#[test]
fn the_program_makes_the_pdf_the_library_typesets() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("edition.pdf");
    let out = Command::new(PLANPRESS)
        .args([
            "export",
            "large-print",
            "--without-performance",
            "--content",
        ])
        .arg(repo().join("content"))
        .arg("--out")
        .arg(&file)
        .env_remove("PLANPRESS_TYPESETTER")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let plan = planpress::read_plan(&repo().join("content")).unwrap();
    let opts = Options::new(18.0)
        .unwrap()
        .with_base_url(plan.meta.base_url.clone());
    let here = large_print::pdf(&plan, &opts).unwrap();
    assert!(std::fs::read(&file).unwrap() == here.bytes);
}

#[test]
fn the_planpress_program_leaves_typst_out() {
    // A sentence of Typst's PDF writer: in the typesetting program, and nowhere in
    // `planpress`, which would start a few milliseconds slower with Typst linked in.
    let typst_only = b"try reducing the complexity of your document";
    let holds = |program: &str| {
        let bytes = std::fs::read(program).unwrap();
        memchr::memmem::find(&bytes, typst_only).is_some()
    };
    assert!(holds(TYPESETTER), "the typesetter should hold Typst");
    assert!(!holds(PLANPRESS), "planpress should not hold Typst");
}

#[test]
fn without_its_typesetter_planpress_says_what_to_do_and_keeps_the_output() {
    let (_bin, alone) = planpress_alone();
    let (_dir, out) = previous_output(&alone);
    let before = tree(&out);
    let failed = build(&alone, &out, &[], &[]);
    assert_eq!(failed.status.code(), Some(1));
    let message = stderr(&failed);
    let folder = alone.parent().unwrap().display().to_string();
    for needed in [
        "the large-print PDF could not be typeset",
        &format!(
            "planpress-typeset, the program that typesets it, is not in {folder} beside planpress, nor on the PATH"
        ),
        "cargo install --locked --path .",
        "cargo build --release",
        "PLANPRESS_TYPESETTER",
        "--no-large-print",
    ] {
        assert!(
            message.contains(needed),
            "{needed:?} missing from: {message}"
        );
    }
    assert!(tree(&out) == before, "the previous output changed");

    // Named by the variable, the program is found wherever it is.
    let named = build(
        &alone,
        &out,
        &[],
        &[("PLANPRESS_TYPESETTER", Path::new(TYPESETTER))],
    );
    assert!(named.status.success(), "{}", stderr(&named));
    assert!(out.join("large-print.pdf").is_file());
}

#[test]
fn a_planpress_without_its_typesetter_beside_it_finds_one_on_the_path() {
    // `planpress` on its own in one folder (copied, or linked by a packager), the typesetter
    // installed in another on the PATH.
    let (_bin, alone) = planpress_alone();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::copy(TYPESETTER, elsewhere.path().join("planpress-typeset")).unwrap();
    let path = format!("{}:{}", elsewhere.path().display(), system_path().display());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let built = build_small(&alone, &out, &[("PATH", Path::new(&path))]);
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(out.join("large-print.pdf").is_file());
}

#[test]
fn run_from_target_planpress_finds_the_typesetter_cargo_built_beside_it() {
    // The test programs are cargo's own build of both, in target/<profile>/: the PATH holds
    // neither, so the typesetter used is the one beside planpress.
    assert_eq!(
        Path::new(PLANPRESS).parent(),
        Path::new(TYPESETTER).parent()
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let built = build_small(Path::new(PLANPRESS), &out, &[]);
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(out.join("large-print.pdf").is_file());
}

#[test]
fn a_variable_naming_no_program_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let nowhere = dir.path().join("no-such-typesetter");
    let (_out_dir, out) = previous_output(Path::new(PLANPRESS));
    let before = tree(&out);
    let failed = build(
        Path::new(PLANPRESS),
        &out,
        &[],
        &[("PLANPRESS_TYPESETTER", &nowhere)],
    );
    assert_eq!(failed.status.code(), Some(1));
    let message = stderr(&failed);
    assert!(
        message.contains(&format!(
            "PLANPRESS_TYPESETTER names {}, which is not a file",
            nowhere.display()
        )),
        "{message}"
    );
    assert!(tree(&out) == before, "the previous output changed");
}

#[cfg(unix)]
#[test]
fn a_typesetter_that_dies_is_reported_with_its_last_words_and_the_output_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (_out_dir, out) = previous_output(Path::new(PLANPRESS));
    let before = tree(&out);
    for (name, script, expected) in [
        (
            "killed",
            "#!/bin/sh\ncat >/dev/null\necho 'out of memory' >&2\nkill -9 $$\n",
            "stopped without an answer (ended by signal 9): out of memory",
        ),
        (
            "garbled",
            "#!/bin/sh\ncat >/dev/null\necho 'not an answer'\nexit 0\n",
            "stopped without an answer (exit status 0)",
        ),
        (
            "deaf",
            "#!/bin/sh\nexit 3\n",
            "stopped without an answer (exit status 3)",
        ),
    ] {
        let program = dir.path().join(name);
        std::fs::write(&program, script).unwrap();
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
        let failed = build(
            Path::new(PLANPRESS),
            &out,
            &[],
            &[("PLANPRESS_TYPESETTER", &program)],
        );
        assert_eq!(failed.status.code(), Some(1), "{name}");
        let message = stderr(&failed);
        assert!(
            message.contains(&format!("{} {expected}", program.display())),
            "{name}: {message}"
        );
        assert!(tree(&out) == before, "{name}: the previous output changed");
    }
}

#[test]
fn the_typesetter_run_by_hand_says_what_it_is_for() {
    let out = Command::new(TYPESETTER).arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("it is not meant to be run by hand"));
    assert!(stderr(&out).contains("planpress build"));
    // The command it names for the PDF alone is one planpress has.
    assert!(stderr(&out).contains("`planpress export large-print`"));
    let help = Command::new(env!("CARGO_BIN_EXE_planpress"))
        .args(["export", "large-print", "--help"])
        .output()
        .unwrap();
    assert!(help.status.success(), "{}", stderr(&help));
}
