//! Noticing edits to the content and theme folders.
//!
//! One save in an editor is several file-system events (write, close, rename over the old
//! file, a backup file created and removed), and a `git checkout` is hundreds. Rebuilding on
//! each would build the same site many times and reload the browser while files are still
//! half-written. So events are debounced: a rebuild starts once [`QUIET`] has passed with no
//! new event. 100 ms is long enough to cover an editor's burst of events and short enough to
//! feel immediate next to the build itself; [`LONGEST_WAIT`] makes sure a folder that never
//! stops changing still gets rebuilt.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

/// How long the folders must be quiet before a rebuild starts.
const QUIET: Duration = Duration::from_millis(100);

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

    /// Calls `rebuild` with a description of the change (`"content/a.md changed"`) after each
    /// burst of relevant changes, on a thread of its own, for as long as the process runs.
    pub fn on_change(self, rebuild: impl Fn(&str) + Send + 'static) {
        let spawned = thread::Builder::new()
            .name("planpress-watch".into())
            .spawn(move || {
                let _watcher = self.watcher;
                while let Some(changed) = next_burst(&self.events) {
                    if let Some(reason) = describe(&changed) {
                        rebuild(&reason);
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

/// Waits for the next burst of events and returns the relevant paths it touched (empty when
/// it touched none); `None` once the watcher has gone.
fn next_burst(events: &Receiver<notify::Result<notify::Event>>) -> Option<BTreeSet<PathBuf>> {
    let mut changed = BTreeSet::new();
    collect(events.recv().ok()?, &mut changed);
    let started = Instant::now();
    while started.elapsed() < LONGEST_WAIT {
        match events.recv_timeout(QUIET) {
            Ok(event) => collect(event, &mut changed),
            Err(RecvTimeoutError::Timeout) => break,
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
    Some(changed)
}

/// Adds the paths of an event that could change the site.
fn collect(event: notify::Result<notify::Event>, changed: &mut BTreeSet<PathBuf>) {
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
    changed.extend(event.paths.into_iter().filter(|p| !ignored(p)));
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

    #[test]
    fn changes_are_described_briefly() {
        let one: BTreeSet<PathBuf> = [PathBuf::from("/x/a.md")].into();
        assert_eq!(describe(&one).unwrap(), "/x/a.md changed");
        let two: BTreeSet<PathBuf> = [PathBuf::from("/x/a.md"), PathBuf::from("/x/b.md")].into();
        assert_eq!(describe(&two).unwrap(), "/x/a.md and 1 other file changed");
        assert_eq!(describe(&BTreeSet::new()), None);
    }
}
