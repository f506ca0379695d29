//! Faults during a build: killed at any moment, no permission to write, no space left. In
//! each case the previous output folder is left complete and byte-for-byte unchanged, nothing
//! half-written is left beside it, the error says what went wrong, and the next build needs
//! no cleaning up.
//!
//! `PLANPRESS_KILL_RUNS` (default 20) and `PLANPRESS_KILL_SEED` set how many builds are killed
//! and where; the delays are drawn from a fixed seed so a failure can be repeated.

mod common;
mod safety;

use std::fs;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Instant;

use common::{read_tree, repo, stderr, Site};
use safety::notice;

fn planpress(site: &Site) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_planpress"));
    // The cache (which holds planpress's record of the output folders it made) is the site's
    // own, so that a build run as another user below can read it whoever runs the tests.
    cmd.current_dir(site.dir.path())
        .env("NO_COLOR", "1")
        .env("PLANPRESS_CACHE", site.dir.path().join("cache"))
        .args(["build", "--themes-dir"])
        .arg(repo().join("themes"));
    cmd
}

fn run(cmd: &mut Command) -> Output {
    cmd.stdin(Stdio::null()).output().unwrap()
}

/// Folders that killed or failed builds left beside the output (`.public.planpress-<pid>`).
fn leftovers(parent: &Path) -> Vec<String> {
    fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public."))
        .collect()
}

/// A small deterministic generator (xorshift64*), so a failing run can be repeated exactly.
struct Delays(u64);

impl Delays {
    fn next_fraction(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn a_build_killed_at_random_moments_leaves_the_previous_output_intact() {
    let site = Site::shipped();
    let out = run(&mut planpress(&site));
    assert!(out.status.success(), "{}", stderr(&out));
    let before = site.output();

    // A typical build: the large-print PDF is reused from the previous output, so this is
    // what a content author waits for after an edit.
    let start = Instant::now();
    let out = run(&mut planpress(&site));
    let typical = start.elapsed();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.output() == before, "two builds differ");

    let runs = env_number("PLANPRESS_KILL_RUNS", 20);
    let seed = env_number("PLANPRESS_KILL_SEED", 0x5eed_1e55);
    let mut delays = Delays(seed.max(1));
    let mut midway = 0;
    for i in 0..runs {
        let delay = typical.mul_f64(delays.next_fraction());
        let mut child = planpress(&site)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        // SIGKILL: no destructor, no clean-up, as when the machine's owner pulls the plug on
        // the process.
        let _ = child.kill();
        child.wait().unwrap();
        assert!(
            site.output() == before,
            "run {i} (seed {seed:#x}): killed after {delay:?}, public/ changed"
        );
        // This build's staging folder is still there if it was killed while writing.
        if leftovers(site.dir.path()).contains(&format!(".public.planpress-{}", child.id())) {
            midway += 1;
        }
    }
    // The kills must have caught builds while they were writing, or this proved nothing.
    assert!(
        midway > 0 || runs < 5,
        "none of {runs} kills landed while a build was writing (typical build {typical:?})"
    );

    // The next build removes what the killed ones left and succeeds.
    let out = run(&mut planpress(&site));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(leftovers(site.dir.path()), Vec::<String>::new());
    assert!(site.output() == before, "the build after the kills differs");
    notice(&format!(
        "killed {runs} builds (typical build {} ms); {midway} were writing when killed",
        typical.as_millis()
    ));
}

#[test]
fn no_permission_to_write_beside_the_output_changes_nothing() {
    let site = Site::minimal();
    let out = run(planpress(&site).arg("--no-large-print"));
    assert!(out.status.success(), "{}", stderr(&out));
    let before = site.output();
    let dir = site.dir.path();
    set_mode(dir, 0o555);
    let mut cmd = planpress(&site);
    cmd.arg("--no-large-print");
    // SAFETY: getuid has no preconditions.
    if unsafe { libc::getuid() } == 0 {
        // Root may write anywhere whatever the mode says, so build as `nobody`, who can read
        // the plan and the program but not write beside the output.
        if !make_readable_by_all(dir) {
            set_mode(dir, 0o755);
            notice("no_permission_to_write_beside_the_output_changes_nothing: SKIPPED, the temporary folder's parents are closed to other users, so `nobody` cannot reach the plan");
            return;
        }
        cmd.uid(65534).gid(65534);
    }
    let out = run(&mut cmd);
    set_mode(dir, 0o755);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: cannot prepare the output folder public: Permission denied (os error 13)\n"
    );
    assert!(site.output() == before);
    assert_eq!(leftovers(dir), Vec::<String>::new());
}

#[test]
fn an_output_path_through_a_file_gives_a_clear_error_and_writes_nothing() {
    let site = Site::minimal();
    site.write("notes.txt", "not a folder");
    let out = run(planpress(&site).args(["--no-large-print", "--out", "notes.txt/public"]));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!("error: cannot prepare the output folder notes.txt/public: {} is a file, not a folder\n", site.path("notes.txt").display())
    );
    assert_eq!(
        fs::read_to_string(site.path("notes.txt")).unwrap(),
        "not a folder"
    );
}

#[test]
fn a_write_that_fails_midway_leaves_the_previous_output_and_no_debris() {
    // Files may be at most 4 KiB, so the first page written fails with "File too large", as
    // a write fails when the disk fills. Works for any user, on any file system.
    let site = Site::minimal();
    let out = run(&mut planpress(&site));
    assert!(out.status.success(), "{}", stderr(&out));
    let before = site.output();
    let mut cmd = planpress(&site);
    // SAFETY: the closure runs between fork and exec and makes two system calls.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 4096,
                rlim_max: 4096,
            };
            libc::setrlimit(libc::RLIMIT_FSIZE, &limit);
            // Without this, the first oversized write kills the process instead of failing.
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            Ok(())
        });
    }
    let out = run(&mut cmd);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: cannot write public/")
            && err.ends_with(": File too large (os error 27)\n"),
        "{err}"
    );
    assert!(site.output() == before);
    assert_eq!(leftovers(site.dir.path()), Vec::<String>::new());
}

#[test]
fn a_full_disk_leaves_the_previous_output_and_no_debris() {
    // A real "No space left on device": a small tmpfs mounted in a private mount namespace
    // (so nothing outlives the test), holding the previous output with room for half of it
    // again. Needs root and unshare(1); the test above covers the same path for everyone.
    // SAFETY: getuid has no preconditions.
    if unsafe { libc::getuid() } != 0 || Command::new("unshare").arg("--help").output().is_err() {
        notice("a_full_disk_leaves_the_previous_output_and_no_debris: SKIPPED, needs root and unshare(1) to mount a small tmpfs");
        return;
    }
    let site = Site::minimal();
    let out = run(planpress(&site).args(["--out", "previous"]));
    assert!(out.status.success(), "{}", stderr(&out));
    let before = read_tree(&site.path("previous"));
    // tmpfs counts whole 4 KiB pages.
    let pages: usize = before
        .iter()
        .map(|(_, b)| b.len().div_ceil(4096).max(1))
        .sum();
    let size_kib = (pages + pages / 2) * 4 + 16;
    let mount = site.path("mnt");
    fs::create_dir(&mount).unwrap();
    // The previous output is built there (a copy would be another folder, which planpress
    // does not replace), then built again.
    let script = r#"
        set -u
        mount -t tmpfs -o "size=${SIZE}k" tmpfs "$MNT" || exit 90
        "$PLANPRESS" build --themes-dir "$THEMES" --out "$MNT/public" >/dev/null 2>first || exit 92
        "$PLANPRESS" build --themes-dir "$THEMES" --out "$MNT/public"
        rc=$?
        cp -a "$MNT/public" after
        ls -A "$MNT" > listing
        exit $rc
    "#;
    let out = run(Command::new("unshare")
        .args(["--mount", "--propagation", "private", "sh", "-c", script])
        .current_dir(site.dir.path())
        .env("SIZE", size_kib.to_string())
        .env("MNT", &mount)
        .env("PLANPRESS", env!("CARGO_BIN_EXE_planpress"))
        .env("THEMES", repo().join("themes"))
        .env("NO_COLOR", "1"));
    assert_ne!(
        out.status.code(),
        Some(92),
        "the first build failed: {}",
        fs::read_to_string(site.path("first")).unwrap_or_default()
    );
    match out.status.code() {
        Some(90) => {
            notice(&format!(
                "a_full_disk_leaves_the_previous_output_and_no_debris: SKIPPED, cannot mount a tmpfs here: {}",
                stderr(&out).trim()
            ));
            return;
        }
        code => assert_eq!(code, Some(1), "{}", stderr(&out)),
    }
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("error: cannot write {}/public/", mount.display()))
            && err.ends_with(": No space left on device (os error 28)\n"),
        "{err}"
    );
    assert!(
        read_tree(&site.path("after")) == before,
        "the output changed"
    );
    assert_eq!(
        fs::read_to_string(site.path("listing")).unwrap(),
        "public\n",
        "debris beside the output"
    );
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// Opens everything in `dir` to reading by anyone (temporary folders are made private).
/// False when a folder above `dir` is closed to other users, which this does not change.
fn make_readable_by_all(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    for entry in walkdir::WalkDir::new(dir).min_depth(1) {
        let entry = entry.unwrap();
        let mode = if entry.file_type().is_dir() {
            0o755
        } else {
            0o644
        };
        fs::set_permissions(entry.path(), fs::Permissions::from_mode(mode)).unwrap();
    }
    dir.ancestors()
        .skip(1)
        .all(|a| fs::metadata(a).is_ok_and(|m| m.permissions().mode() & 0o001 != 0))
}
