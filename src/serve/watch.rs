//! Noticing edits to the content and theme folders.
//!
//! One save in an editor is several file-system events (write, close, rename over the old
//! file, a backup file created and removed), and a `git checkout` is hundreds. Rebuilding on
//! each would build the same site many times and reload the browser while files are still
//! half-written. So events are debounced: a rebuild starts once [`QUIET`] has passed with no
//! new event, and [`LONGEST_WAIT`] makes sure a folder that never stops changing still gets
//! rebuilt.
//!
//! Why [`QUIET`] is 15 ms: an editor's save is one burst, its events microseconds apart.
//! Writing in place (open with truncation, write, close), writing a temporary file and
//! renaming it over the old one, and Vim's default (rename the file to a backup, write a new
//! one, remove the backup) took a median of 0.04–0.17 ms from first step to last when timed
//! on this machine (300 saves of a 4 KB file each, while it was busy compiling: load 9 on 2
//! cores); the tests in this module replay each. A `git checkout` writes file after file with
//! no pause near 15 ms between them, so it still arrives as one burst. The quiet period is
//! the floor of the preview's response time, so it is kept short. On a machine that busy,
//! 1% of saves were paused by the scheduler for 5–40 ms part-way: a save by renaming then
//! splits into two rebuilds, the second bringing the final text, which is harmless; a save
//! in place could be caught after its truncation and shown as broken, so a file written to
//! and not yet closed holds the burst open for up to [`WRITING_WAIT`] more.
//!
//! After a rebuild, once the folders have been quiet for [`IDLE`], the idle callback runs:
//! the preview remakes there what takes longer than a rebuild (the open data files, the
//! large-print edition), when the author has paused rather than between two saves.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

/// How long the folders must be quiet before a rebuild starts.
const QUIET: Duration = Duration::from_millis(15);

/// The longest a burst waits, once quiet, for files being written in place to be closed
/// (where the platform reports closing at all).
const WRITING_WAIT: Duration = Duration::from_millis(250);

/// How long the folders must be quiet after a rebuild before the idle work runs.
const IDLE: Duration = Duration::from_millis(1000);

/// The longest a rebuild waits for the folders to go quiet.
const LONGEST_WAIT: Duration = Duration::from_secs(2);

/// Watches folders; [`Watcher::on_change`] runs a callback after each burst of changes.
pub struct Watcher {
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
}

impl Watcher {
    /// Starts watching `dirs` and everything below them.
    pub fn start(dirs: &[PathBuf]) -> Result<Watcher> {
        let (tx, events) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(tx)?;
        for dir in dirs {
            watcher
                .watch(dir, RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch {}", dir.display()))?;
        }
        Ok(Watcher { watcher, events })
    }

    /// Calls `rebuild` with a description of the change (`"content/a.md changed"`) and the
    /// paths changed after each burst of relevant changes, on a thread of its own, for as
    /// long as the process runs; then, when `rebuild` returned true and nothing has changed for
    /// [`IDLE`] since, calls `idle` once.
    pub fn on_change(
        self,
        mut rebuild: impl FnMut(&str, &BTreeSet<PathBuf>) -> bool + Send + 'static,
        mut idle: impl FnMut() + Send + 'static,
    ) {
        let spawned = thread::Builder::new()
            .name("planpress-watch".into())
            .spawn(move || {
                let _watcher = self.watcher;
                let mut idle_due = false;
                loop {
                    let first = if idle_due {
                        match self.events.recv_timeout(IDLE) {
                            Ok(event) => event,
                            Err(RecvTimeoutError::Timeout) => {
                                idle_due = false;
                                idle();
                                continue;
                            }
                            Err(RecvTimeoutError::Disconnected) => return,
                        }
                    } else {
                        match self.events.recv() {
                            Ok(event) => event,
                            Err(_) => return,
                        }
                    };
                    let Some(changed) = burst_from(first, &self.events) else {
                        return;
                    };
                    if let Some(reason) = describe(&changed) {
                        idle_due |= rebuild(&reason, &changed);
                    }
                }
            });
        if let Err(e) = spawned {
            warn!(
                "warning: cannot watch for changes ({e}); the preview will not rebuild by itself"
            );
        }
    }
}

/// Collects the burst of events that starts with `first`: every event until the folders
/// have been quiet for [`QUIET`] (or [`LONGEST_WAIT`] has passed); returns the relevant paths
/// it touched (empty when it touched none), or `None` once the watcher has gone.
fn burst_from(
    first: notify::Result<notify::Event>,
    events: &Receiver<notify::Result<notify::Event>>,
) -> Option<BTreeSet<PathBuf>> {
    let mut changed = BTreeSet::new();
    // Files written to and not yet closed: a save in place that a busy machine paused
    // between its truncation and its last write. The burst waits for them to be closed (up
    // to WRITING_WAIT), so that a half-written file is not built and shown as broken.
    let mut writing = BTreeSet::new();
    collect(first, &mut changed, &mut writing);
    let started = Instant::now();
    let mut quiet_since: Option<Instant> = None;
    while started.elapsed() < LONGEST_WAIT {
        match events.recv_timeout(QUIET) {
            Ok(event) => collect(event, &mut changed, &mut writing),
            Err(RecvTimeoutError::Timeout) => {
                let since = *quiet_since.get_or_insert_with(Instant::now);
                if writing.is_empty() || since.elapsed() >= WRITING_WAIT {
                    break;
                }
            }
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
    Some(changed)
}

/// Adds the paths of an event that could change the site to `changed`, and keeps `writing`
/// (files written to and not yet closed) up to date.
fn collect(
    event: notify::Result<notify::Event>,
    changed: &mut BTreeSet<PathBuf>,
    writing: &mut BTreeSet<PathBuf>,
) {
    let event = match event {
        Ok(event) => event,
        Err(e) => {
            // Typically the kernel's event queue overflowed: something may have changed that we
            // did not hear about, so rebuild to be safe.
            warn!("warning: the file watcher reported a problem: {e}");
            changed.extend(e.paths);
            changed.insert(PathBuf::new());
            return;
        }
    };
    if !relevant(&event.kind) {
        return;
    }
    let paths = event.paths.into_iter().filter(|p| !ignored(p));
    match event.kind {
        EventKind::Modify(notify::event::ModifyKind::Data(_)) => {
            for path in paths {
                writing.insert(path.clone());
                changed.insert(path);
            }
        }
        EventKind::Access(AccessKind::Close(AccessMode::Write)) | EventKind::Remove(_) => {
            for path in paths {
                writing.remove(&path);
                changed.insert(path);
            }
        }
        _ => changed.extend(paths),
    }
}

/// Whether an event kind can mean new content. Opening and reading a file (the build itself
/// does that) and metadata changes (reading updates access times) cannot; counting them would
/// make every build trigger another.
fn relevant(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Modify(notify::event::ModifyKind::Metadata(_)) => false,
        _ => true,
    }
}

/// Editors' scratch files: swap, backup and lock files that are not content.
fn ignored(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp", ".bak"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

/// "content/a.md changed", "content/a.md and 3 other files changed"; `None` for nothing.
///
/// Files that no longer exist are left out of the description when others remain: they are
/// mostly an editor's or `sed -i`'s temporary files, renamed over the real one.
fn describe(changed: &BTreeSet<PathBuf>) -> Option<String> {
    let existing: BTreeSet<PathBuf> = changed.iter().filter(|p| p.exists()).cloned().collect();
    let changed = if existing.is_empty() {
        changed
    } else {
        &existing
    };
    let first = changed.iter().find(|p| !p.as_os_str().is_empty());
    match (first, changed.len()) {
        (None, 0) => None,
        (None, _) => Some("Files may have changed".to_string()),
        (Some(path), 1) => Some(format!("{} changed", short(path))),
        (Some(path), n) => Some(format!(
            "{} and {} other file{} changed",
            short(path),
            n - 1,
            if n == 2 { "" } else { "s" }
        )),
    }
}

/// A path relative to the current folder when it is inside it.
fn short(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf));
    relative.as_deref().unwrap_or(path).display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, MetadataKind, ModifyKind};

    #[test]
    fn reads_and_metadata_are_not_changes() {
        assert!(!relevant(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!relevant(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(!relevant(&EventKind::Modify(ModifyKind::Metadata(
            MetadataKind::Any
        ))));
        assert!(relevant(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(relevant(&EventKind::Modify(ModifyKind::Data(
            DataChange::Any
        ))));
        assert!(relevant(&EventKind::Create(CreateKind::File)));
    }

    #[test]
    fn editor_scratch_files_are_ignored() {
        for name in [".a.md.swp", "a.md~", "#a.md#", "4913", ".#a.md", "a.md.tmp"] {
            assert!(ignored(Path::new(name)), "{name}");
        }
        assert!(!ignored(Path::new("content/a.md")));
        assert!(!ignored(Path::new("themes/default/static/style.css")));
    }

    /// A way of saving, by name: what it does to `a.md` in the folder given.
    type Save = (&'static str, fn(&Path));

    /// Three ways editors save a file, each ending with the new text in `a.md`.
    fn saves() -> Vec<Save> {
        vec![
            ("written in place", |dir| {
                std::fs::write(dir.join("a.md"), "new text\n").unwrap();
            }),
            ("a temporary file renamed over it", |dir| {
                std::fs::write(dir.join(".a.md.tmp"), "new text\n").unwrap();
                std::fs::rename(dir.join(".a.md.tmp"), dir.join("a.md")).unwrap();
            }),
            ("vim's backup, then a new file", |dir| {
                std::fs::rename(dir.join("a.md"), dir.join("a.md~")).unwrap();
                std::fs::write(dir.join("a.md"), "new text\n").unwrap();
                std::fs::remove_file(dir.join("a.md~")).unwrap();
            }),
        ]
    }

    #[test]
    fn each_way_of_saving_is_one_burst_naming_the_file() {
        for (how, save) in saves() {
            let tmp = tempfile::tempdir().unwrap();
            let dir = tmp.path().canonicalize().unwrap();
            std::fs::write(dir.join("a.md"), "old text\n").unwrap();
            let watcher = Watcher::start(std::slice::from_ref(&dir)).unwrap();
            save(&dir);
            let first = watcher
                .events
                .recv_timeout(Duration::from_secs(10))
                .unwrap_or_else(|_| panic!("{how}: no event"));
            let burst = burst_from(first, &watcher.events).unwrap();
            assert_eq!(
                burst,
                BTreeSet::from([dir.join("a.md")]),
                "{how}: scratch files are left out"
            );
            assert_eq!(
                describe(&burst).unwrap(),
                format!("{} changed", short(&dir.join("a.md")))
            );
        }
    }

    /// Prints how far apart the first and last events of each way of saving arrive, which
    /// [`QUIET`] must exceed (`cargo test --lib serve::watch -- --ignored --nocapture`).
    #[test]
    #[ignore = "a measurement, not a check"]
    fn how_long_a_save_takes() {
        for (how, save) in saves() {
            let mut spans = Vec::new();
            for _ in 0..50 {
                let tmp = tempfile::tempdir().unwrap();
                let dir = tmp.path().canonicalize().unwrap();
                std::fs::write(dir.join("a.md"), "old text\n").unwrap();
                let watcher = Watcher::start(std::slice::from_ref(&dir)).unwrap();
                save(&dir);
                let first = watcher
                    .events
                    .recv_timeout(Duration::from_secs(10))
                    .unwrap();
                let start = Instant::now();
                drop(first);
                let mut last = start;
                while watcher
                    .events
                    .recv_timeout(Duration::from_millis(200))
                    .is_ok()
                {
                    last = Instant::now();
                }
                spans.push(last - start);
            }
            spans.sort();
            eprintln!(
                "{how}: first to last event, median {:?}, max {:?}",
                spans[spans.len() / 2],
                spans[spans.len() - 1]
            );
        }
    }

    #[test]
    fn changes_are_described_briefly() {
        let one: BTreeSet<PathBuf> = [PathBuf::from("/x/a.md")].into();
        assert_eq!(describe(&one).unwrap(), "/x/a.md changed");
        let two: BTreeSet<PathBuf> = [PathBuf::from("/x/a.md"), PathBuf::from("/x/b.md")].into();
        assert_eq!(describe(&two).unwrap(), "/x/a.md and 1 other file changed");
        assert_eq!(describe(&BTreeSet::new()), None);
    }
}
