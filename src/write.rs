//! Atomic output: a build is written into a staging folder beside the output folder and
//! swapped into place only when complete; a single file is written beside itself and
//! renamed into place ([`file_atomically`]); a new file is linked into place only if nothing is
//! there ([`new_file`]).
//!
//! A failed, interrupted or killed build therefore leaves the previous output exactly as it
//! was. On Linux the swap is a single `renameat2(RENAME_EXCHANGE)`, so there is no moment at
//! which the output folder is missing; elsewhere it is two renames. Staging folders left by a
//! killed build are removed by the next one.
//!
//! The output folder holds only what readers may fetch: it is what an office uploads. What
//! planpress keeps about it for the next build (that planpress made it, what its large-print
//! PDF was made from) is kept outside it, in the cache folder ([`cache_folder`]), under
//! `outputs/<a hash of the folder's path>/`: the folder's state ([`state_file`]).
//!
//! planpress replaces only a folder it made ([`Staging::new`]): one that is empty, or the
//! very folder its record names: the same file system, inode and creation time, which a
//! folder made again at the same path (by hand, or by another program) does not share.
//! Files added to a folder planpress made do not change which folder it is: they are
//! replaced with it, as before. A folder an earlier planpress made, which holds the marker
//! [`OLD_MARKER`], is accepted too.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// The file earlier versions of planpress left in every output folder, to know it again: a
/// folder that holds it was made by planpress, and may be replaced. No build writes it now.
pub const OLD_MARKER: &str = ".planpress-output";

/// The file in an output folder's state that names the folder planpress made there.
const FOLDER_RECORD: &str = "folder";

/// A staging folder that becomes the output folder on [`Staging::commit`].
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    /// The output folder as the user named it, for messages.
    shown: PathBuf,
    committed: bool,
    /// The state the outputs keep about this build, saved once it is the output folder.
    state: std::sync::Mutex<Vec<(String, Vec<u8>)>>,
    /// The cache folder, where the state is kept.
    cache: Option<PathBuf>,
}

impl Staging {
    /// Prepares a staging folder for `target`, after checking that `target` is safe to replace.
    pub fn new(target: &Path) -> io::Result<Staging> {
        Staging::with_cache(target, cache_folder())
    }

    /// As [`Staging::new`], with planpress's records of the folders it made in `cache`.
    fn with_cache(target: &Path, cache: Option<PathBuf>) -> io::Result<Staging> {
        let shown = target.to_path_buf();
        let target = absolute(target)?;
        let name = target
            .file_name()
            .ok_or_else(|| {
                io::Error::new(io::ErrorKind::InvalidInput, "the output folder has no name")
            })?
            .to_string_lossy()
            .to_string();
        let parent = target.parent().unwrap_or(Path::new("/")).to_path_buf();
        if target.exists() {
            check_replaceable(&target, cache.as_deref())?;
        }
        fs::create_dir_all(&parent).map_err(|e| {
            // "File exists" would not say which file, or why it matters.
            match parent.ancestors().find(|a| a.exists()) {
                Some(file) if !file.is_dir() => io::Error::new(
                    io::ErrorKind::NotADirectory,
                    format!("{} is a file, not a folder", file.display()),
                ),
                _ => e,
            }
        })?;
        remove_stale(&parent, &name);
        let dir = parent.join(format!(".{name}.planpress-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir(&dir)?;
        Ok(Staging {
            dir,
            target,
            shown,
            committed: false,
            state: std::sync::Mutex::new(Vec::new()),
            cache,
        })
    }

    /// Keeps `bytes` as `name` in the output folder's state (see [`state_file`]), outside
    /// the folder: written once this build is the output folder, replacing what earlier
    /// builds kept there.
    pub fn keep_state(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        check_state_name(name)?;
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push((name.to_string(), bytes.to_vec()));
        Ok(())
    }

    /// The staging folder (for tools that write whole trees).
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Puts the file at `from` at `rel` inside the staging folder as a second link to it (a
    /// copy where the file system refuses links), for a big file that is unchanged since the
    /// previous output. As [`Staging::write`], each path may be given once.
    pub fn link(&self, rel: &str, from: &Path) -> io::Result<()> {
        let path = self.prepare(rel)?;
        match fs::hard_link(from, &path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(taken(rel)),
            // Nothing is at `path` (the link would have failed as taken).
            Err(_) => fs::copy(from, &path)
                .map(drop)
                .map_err(|e| self.cannot_write(rel, e)),
        }
    }

    /// Writes one file at `rel` (a relative path with `/` separators) inside the staging folder.
    ///
    /// Each path may be written once: two outputs that map to the same file are an error, not
    /// a silent overwrite. Errors name the file as it will be in the output folder.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        use std::io::Write;
        self.create(rel)?
            .write_all(bytes)
            .map_err(|e| self.cannot_write(rel, e))
    }

    /// Creates the file at `rel` for writing in pieces, as [`Staging::write`] writes it whole.
    pub fn create(&self, rel: &str) -> io::Result<fs::File> {
        let path = self.prepare(rel)?;
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(f) => Ok(f),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(taken(rel)),
            Err(e) => Err(self.cannot_write(rel, e)),
        }
    }

    /// The full path of `rel` inside the staging folder, with the folder it goes in made.
    fn prepare(&self, rel: &str) -> io::Result<PathBuf> {
        let path = self.resolve(rel)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| self.cannot_write(rel, e))?;
        }
        Ok(path)
    }

    /// `e`, saying which file in the output folder could not be written.
    fn cannot_write(&self, rel: &str, e: io::Error) -> io::Error {
        let shown = self.shown.join(rel);
        io::Error::new(e.kind(), format!("cannot write {}: {e}", shown.display()))
    }

    /// The full path of `rel` inside the staging folder, refusing anything that would leave it.
    pub fn resolve(&self, rel: &str) -> io::Result<PathBuf> {
        let p = Path::new(rel);
        if rel.is_empty() || p.components().any(|c| !matches!(c, Component::Normal(_))) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write outside the output folder: {rel:?}"),
            ));
        }
        Ok(self.dir.join(p))
    }

    /// Makes the staged build the output folder, replacing the previous one in one step, and
    /// saves its state.
    ///
    /// Before the swap the record names both folders, the one there and the staged one, so a
    /// build killed at any moment leaves a folder the next build may replace; after it, the
    /// staged one alone. A record that cannot be written (no cache folder, a full disk) costs
    /// the next build its reuse of the large-print PDF, and makes it refuse to replace the
    /// folder, with the reason: the build itself has succeeded.
    pub fn commit(mut self) -> io::Result<()> {
        let state = self
            .cache
            .as_deref()
            .and_then(|c| state_folder(c, &self.target));
        let made = identity(&self.dir);
        if let (Some(state), Some(made)) = (&state, &made) {
            let mut both = vec![made.clone()];
            both.extend(identity(&self.target));
            if save_record(state, &self.target, &both).is_ok() && !same_disk(state, &self.dir) {
                // Flushed below with the staged files when it is on their file system.
                sync_file(&state.join(FOLDER_RECORD));
                sync_dir(state);
            }
        }
        sync_tree(&self.dir);
        if self.target.exists() {
            swap(&self.dir, &self.target)?;
            sync_dir(self.target.parent().unwrap_or(Path::new("/")));
            // `self.dir` now holds the previous output.
            remove_tree(&self.dir);
        } else {
            fs::rename(&self.dir, &self.target)?;
            sync_dir(self.target.parent().unwrap_or(Path::new("/")));
        }
        self.committed = true;
        if let (Some(state), Some(made)) = (&state, made) {
            let kept = std::mem::take(
                &mut *self
                    .state
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner),
            );
            let _ = save_state(state, &self.target, made, &kept);
        }
        Ok(())
    }
}

/// Where planpress keeps the state of the output folder `target` (an absolute path): the
/// `outputs/` folder of the cache folder `cache`, in a folder named by a hash of `target` with
/// its parent folder's links resolved.
fn state_folder(cache: &Path, target: &Path) -> Option<PathBuf> {
    use sha2::{Digest, Sha256};
    let parent = target.parent()?.canonicalize().ok()?;
    let path = parent.join(target.file_name()?);
    let hash = Sha256::digest(path.as_os_str().as_encoded_bytes());
    let name: String = hash[..16].iter().map(|b| format!("{b:02x}")).collect();
    Some(cache.join("outputs").join(name))
}

/// The file `name` of the state planpress keeps about the output folder `out` (see the
/// module's documentation): where an output finds what it kept at the last build, such as
/// what the large-print PDF was made from. `None` when planpress did not make `out` (or has
/// no record of it), so nothing kept for another folder is ever trusted.
pub fn state_file(out: &Path, name: &str) -> Option<PathBuf> {
    state_file_in(&cache_folder()?, out, name)
}

/// As [`state_file`], with the state kept in `cache`.
fn state_file_in(cache: &Path, out: &Path, name: &str) -> Option<PathBuf> {
    check_state_name(name).ok()?;
    let target = absolute(out).ok()?;
    let state = state_folder(cache, &target)?;
    let here = identity(&target)?;
    recorded(&state, &target)?
        .contains(&here)
        .then(|| state.join(name))
}

/// Keeps `bytes` as `name` in the state of the output folder `out`, which a build made, for
/// a preview that writes into the folder as it is rather than through a [`Staging`] folder.
pub fn keep_state_of(out: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    check_state_name(name)?;
    let target = absolute(out)?;
    let cache = cache_folder().ok_or_else(no_cache_folder)?;
    let state = state_folder(&cache, &target).ok_or_else(no_cache_folder)?;
    let here = identity(&target)
        .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "the output folder is not there"))?;
    if !recorded(&state, &target).is_some_and(|r| r.contains(&here)) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("planpress has no record of making {}", out.display()),
        ));
    }
    file_atomically(&state.join(name), bytes)
}

/// A state file's name: one plain file name, never the record of the folder itself.
fn check_state_name(name: &str) -> io::Result<()> {
    let plain = Path::new(name)
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
        && !name.is_empty()
        && !name.contains('/');
    if plain && name != FOLDER_RECORD {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{name:?} cannot name a file of an output folder's state"),
        ))
    }
}

fn no_cache_folder() -> io::Error {
    io::Error::new(
        io::ErrorKind::NotFound,
        format!("no cache folder: set {CACHE_VARIABLE}, XDG_CACHE_HOME or HOME"),
    )
}

/// Which folder is at `path`: its file system, inode and creation time (when the file system
/// keeps one), as `dev ino created`. Two folders made one after the other at the same path
/// differ, even where the second reuses the first's inode.
fn identity(path: &Path) -> Option<String> {
    let meta = fs::symlink_metadata(path).ok()?;
    if !meta.is_dir() {
        return None;
    }
    let created = meta
        .created()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or_else(|| "-".to_string(), |d| d.as_nanos().to_string());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(format!("{} {} {created}", meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        Some(format!("- - {created}"))
    }
}

/// The folders the record in `state` says planpress made at `target`: their identities.
fn recorded(state: &Path, target: &Path) -> Option<Vec<String>> {
    let text = fs::read_to_string(state.join(FOLDER_RECORD)).ok()?;
    let mut lines = text.lines();
    // The record names its folder, in case two paths ever shared a hash.
    let named = lines.next()?.strip_prefix("output ")?;
    (Path::new(named) == canonical(target)?).then(|| {
        lines
            .filter_map(|l| l.strip_prefix("made "))
            .map(str::to_string)
            .collect()
    })
}

/// `target` with its parent folder's links resolved, as the record names it.
fn canonical(target: &Path) -> Option<PathBuf> {
    Some(
        target
            .parent()?
            .canonicalize()
            .ok()?
            .join(target.file_name()?),
    )
}

/// True when `a` and `b` are on one file system, which one `syncfs` flushes.
fn same_disk(a: &Path, b: &Path) -> bool {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        let dev = |p: &Path| fs::metadata(p).map(|m| m.dev()).ok();
        dev(a).is_some() && dev(a) == dev(b)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (a, b);
        false
    }
}

/// Flushes one file to disk, ignoring failures.
fn sync_file(path: &Path) {
    if let Ok(f) = fs::File::open(path) {
        let _ = f.sync_all();
    }
}

/// Writes the record naming the folders at `target` that planpress made. It is not flushed
/// to disk here: [`Staging::commit`] flushes the one written before the swap, which names
/// both folders; a later one lost in a crash leaves that one.
fn save_record(state: &Path, target: &Path, made: &[String]) -> io::Result<()> {
    fs::create_dir_all(state)?;
    let mut text = format!(
        "output {}\n",
        canonical(target)
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no output folder"))?
            .display()
    );
    for m in made {
        text.push_str(&format!("made {m}\n"));
    }
    replace_file(&state.join(FOLDER_RECORD), text.as_bytes(), false)
}

/// Saves the state of the output folder at `target` after a build: the record naming the
/// folder `made`, and each of `files`, with anything an earlier build kept removed. None of it
/// is flushed to disk: state lost in a crash costs the next build time (a PDF typeset again,
/// its record never matching another file), never a wrong output.
fn save_state(
    state: &Path,
    target: &Path,
    made: String,
    files: &[(String, Vec<u8>)],
) -> io::Result<()> {
    save_record(state, target, &[made])?;
    for entry in fs::read_dir(state)?.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name != FOLDER_RECORD && !files.iter().any(|(n, _)| *n == name) {
            let _ = fs::remove_file(entry.path());
        }
    }
    for (name, bytes) in files {
        replace_file(&state.join(name), bytes, false)?;
    }
    Ok(())
}

/// The error for a second output at `rel`: two things would be written to one file.
fn taken(rel: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("two outputs would be written to the same file, {rel}"),
    )
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Removes the folder `dir` and everything in it, ignoring failures (what is left is a
/// staging folder that a later build removes), with the entries at its top level removed on
/// every core: a site is a few dozen folders of pages, and deleting them one after another is
/// much of the time a small build spends swapping its output into place. Each folder is
/// removed by [`fs::remove_dir_all`], which never follows a link out of it.
fn remove_tree(dir: &Path) {
    use rayon::prelude::*;
    let Ok(entries) = fs::read_dir(dir) else {
        let _ = fs::remove_dir_all(dir);
        return;
    };
    let entries: Vec<fs::DirEntry> = entries.flatten().collect();
    entries.par_iter().for_each(|entry| {
        let _ = match entry.file_type() {
            Ok(t) if t.is_dir() => fs::remove_dir_all(entry.path()),
            _ => fs::remove_file(entry.path()),
        };
    });
    // Anything the loop could not remove (an entry added meanwhile) goes the usual way.
    if fs::remove_dir(dir).is_err() {
        let _ = fs::remove_dir_all(dir);
    }
}

fn absolute(path: &Path) -> io::Result<PathBuf> {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    // Resolve `.` and `..` textually so the parent and name are the real ones.
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    Ok(out)
}

/// Refuses to replace a folder planpress did not make (see the module's documentation), by
/// the records kept in `cache`.
fn check_replaceable(target: &Path, cache: Option<&Path>) -> io::Result<()> {
    if !target.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} exists and is not a folder", target.display()),
        ));
    }
    let empty = fs::read_dir(target)?.next().is_none();
    if empty || target.join(OLD_MARKER).is_file() {
        return Ok(());
    }
    let state = cache.and_then(|c| state_folder(c, target));
    let made = state
        .as_deref()
        .and_then(|s| recorded(s, target))
        .zip(identity(target))
        .is_some_and(|(made, here)| made.contains(&here));
    if made {
        return Ok(());
    }
    let why = match cache {
        Some(cache) => format!(
            "planpress keeps a record of each folder it makes in {}, and has none of this one",
            cache.join("outputs").display()
        ),
        None => format!(
            "planpress keeps a record of each folder it makes in its cache folder, and none is set ({CACHE_VARIABLE}, XDG_CACHE_HOME or HOME)"
        ),
    };
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!(
            "{} already exists and was not made by planpress, so it is not replaced ({why}); if it holds nothing you need, remove it and build again, or choose another --out",
            target.display()
        ),
    ))
}

/// Removes staging folders left by builds that were killed (their process no longer exists).
fn remove_stale(parent: &Path, name: &str) {
    let prefix = format!(".{name}.planpress-");
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().to_string();
        let Some(pid) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        // `<pid>`, or `<pid>.old` while a build swaps by two renames.
        let pid = pid.strip_suffix(".old").unwrap_or(pid);
        let alive = pid.parse::<u32>().is_ok_and(process_alive);
        if !alive {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(unix)]
    {
        // Signal 0 checks for existence without sending anything; EPERM means the process
        // exists but belongs to someone else.
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: kill with signal 0 sends nothing and has no memory effects.
        let found = unsafe { libc::kill(pid, 0) } == 0;
        found || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// Flushes the staged files to disk so a crash after the swap cannot leave empty files.
///
/// On Linux this is one `syncfs` on the staging folder's file system, which writes out every
/// file and folder entry staged (with whatever else is waiting on that file system) in one go:
/// syncing each file on its own costs a journal commit per file, minutes for a big site on a
/// real disk. Elsewhere each file is synced.
fn sync_tree(dir: &Path) {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        if let Ok(d) = fs::File::open(dir) {
            // SAFETY: `d` is an open descriptor for the whole call.
            if unsafe { libc::syncfs(d.as_raw_fd()) } == 0 {
                return;
            }
        }
    }
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if entry.file_type().is_file() {
            if let Ok(f) = fs::File::open(entry.path()) {
                let _ = f.sync_all();
            }
        }
    }
}

/// Makes a rename in `dir` durable, so the swapped-in output survives a crash.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(target_os = "linux")]
fn swap(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes()).map_err(io::Error::other)?;
    let cb = CString::new(b.as_os_str().as_bytes()).map_err(io::Error::other)?;
    // SAFETY: both are valid NUL-terminated paths; AT_FDCWD with absolute paths.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        let err = io::Error::last_os_error();
        // Filesystems without RENAME_EXCHANGE fall back to two renames.
        if err.raw_os_error() == Some(libc::EINVAL) || err.raw_os_error() == Some(libc::ENOSYS) {
            swap_by_renames(a, b)
        } else {
            Err(err)
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn swap(a: &Path, b: &Path) -> io::Result<()> {
    swap_by_renames(a, b)
}

fn swap_by_renames(staged: &Path, target: &Path) -> io::Result<()> {
    // `.public.planpress-<pid>.old`, which `remove_stale` recognises if the build is killed.
    let mut old_name = staged.file_name().unwrap_or_default().to_os_string();
    old_name.push(".old");
    let old = staged.with_file_name(old_name);
    fs::rename(target, &old)?;
    if let Err(e) = fs::rename(staged, target) {
        let _ = fs::rename(&old, target);
        return Err(e);
    }
    fs::rename(&old, staged)
}

/// Writes `bytes` to `path` through a temporary file beside it, renamed into place only once
/// complete, so a failure never leaves a partial file at `path`.
pub fn file_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_file(path, bytes, true)
}

/// As [`file_atomically`]; the file is flushed to disk before it is renamed into place only
/// when `sync`.
fn replace_file(path: &Path, bytes: &[u8], sync: bool) -> io::Result<()> {
    if path.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is a folder; give a file name",
        ));
    }
    let tmp = write_beside(path, bytes, sync)?;
    let result = std::fs::rename(&tmp, path);
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The folder a file path is in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to a temporary file beside `path` (same folder, so a rename or link into
/// place stays on one file system), flushed to disk when `sync`, and returns its path. A
/// failed write leaves no temporary file behind.
fn write_beside(path: &Path, bytes: &[u8], sync: bool) -> io::Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(io::ErrorKind::InvalidInput, "the path does not name a file")
    })?;
    let tmp = folder_of(path).join(format!(
        ".{}.planpress-{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        io::Write::write_all(&mut file, bytes)?;
        if sync {
            file.sync_all()?;
        }
        Ok(())
    })();
    match written {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// The environment variable naming planpress's cache folder.
pub const CACHE_VARIABLE: &str = "PLANPRESS_CACHE";

/// Where planpress keeps what is slow to make and can always be made again (the Braille
/// edition, synthesised speech), by a key naming everything it was made from: the folder
/// `$PLANPRESS_CACHE`, else `$XDG_CACHE_HOME/planpress`, else `~/.cache/planpress`. It is
/// never inside an output folder, so it outlives builds into new folders and is never
/// published. `None` when none of those variables is set.
pub fn cache_folder() -> Option<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var(CACHE_VARIABLE)
        .or_else(|| var("XDG_CACHE_HOME").map(|d| d.join("planpress")))
        .or_else(|| var("HOME").map(|d| d.join(".cache").join("planpress")))
}

/// The cached file `name` in the cache folder's `kind` folder, if there is one.
pub fn read_cached(kind: &str, name: &str) -> Option<Vec<u8>> {
    fs::read(cache_folder()?.join(kind).join(name)).ok()
}

/// Keeps `bytes` as `name` in the cache folder's `kind` folder, written atomically so that a
/// build running beside this one never reads half a file. A cache that cannot be written
/// costs time, not correctness: the error is returned for the caller to ignore or report.
pub fn write_cached(kind: &str, name: &str, bytes: &[u8]) -> io::Result<()> {
    let folder = cache_folder()
        .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no cache folder"))?
        .join(kind);
    fs::create_dir_all(&folder)?;
    file_atomically(&folder.join(name), bytes)
}

/// Writes `bytes` to `path` (making its folder), but only if nothing is there yet: the file
/// is written beside it under a temporary name and linked into place, which fails if `path`
/// exists, so a file is never replaced and never left half written.
pub fn new_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    std::fs::create_dir_all(folder_of(path))?;
    let tmp = write_beside(path, bytes, true)?;
    let result = std::fs::hard_link(&tmp, path);
    let _ = std::fs::remove_file(&tmp);
    result
}

/// Makes the folder `path` holding `files` (names and bytes), all at once: they are written
/// into a hidden folder beside it, which is then renamed into place. Fails, writing nothing,
/// when anything is already at `path`.
pub fn new_folder(path: &Path, files: Vec<(String, Vec<u8>)>) -> io::Result<()> {
    if path.exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "a file or folder is already there",
        ));
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::create_dir_all(parent)?;
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path does not name a folder",
        )
    })?;
    let tmp = parent.join(format!(
        ".{}.planpress-{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        fs::create_dir(&tmp)?;
        for (file, bytes) in &files {
            let mut f = fs::File::create(tmp.join(file))?;
            io::Write::write_all(&mut f, bytes)?;
            f.sync_all()?;
        }
        // A folder made at `path` meanwhile (even an empty one) is never replaced.
        if path.exists() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "a file or folder is already there",
            ));
        }
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_folder_is_made_whole_and_never_replaces_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reports/q2");
        let files = vec![
            ("a.md".to_string(), b"A".to_vec()),
            ("b.md".to_string(), b"B".to_vec()),
        ];
        super::new_folder(&path, files.clone()).unwrap();
        assert_eq!(std::fs::read(path.join("b.md")).unwrap(), b"B");
        assert!(super::new_folder(&path, files).is_err());
        let names: Vec<_> = std::fs::read_dir(dir.path().join("reports"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["q2"], "nothing is left beside it");
    }

    #[test]
    fn a_file_that_is_there_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b.md");
        new_file(&path, b"first").unwrap();
        let err = new_file(&path, b"second").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        let left: Vec<_> = std::fs::read_dir(dir.path().join("a")).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left");
    }

    use super::*;

    /// A staging folder for `target`, with the records of the folders planpress made in
    /// `cache` (a test's own, never the user's).
    fn staging(target: &Path, cache: &Path) -> io::Result<Staging> {
        Staging::with_cache(target, Some(cache.to_path_buf()))
    }

    #[test]
    fn a_linked_file_is_the_same_file_and_one_on_another_file_system_is_copied() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let old = tmp.path().join("old.pdf");
        fs::write(&old, b"%PDF kept").unwrap();
        let s = Staging::new(&tmp.path().join("public")).unwrap();
        s.link("large-print.pdf", &old).unwrap();
        let linked = s.path().join("large-print.pdf");
        assert_eq!(
            fs::metadata(&linked).unwrap().ino(),
            fs::metadata(&old).unwrap().ino()
        );
        // A second output at the same path is refused, as for written files.
        let err = s.link("large-print.pdf", &old).unwrap_err();
        assert!(err.to_string().contains("two outputs"), "{err}");

        // Links cannot cross file systems: the memory file system holds the file here, and
        // the staging folder is on the temporary folder's disk.
        let shm = tempfile::tempdir_in("/dev/shm").expect("a folder in /dev/shm");
        let elsewhere = shm.path().join("old.pdf");
        fs::write(&elsewhere, b"%PDF from elsewhere").unwrap();
        let dev = |p: &Path| fs::metadata(p).unwrap().dev();
        assert_ne!(
            dev(&elsewhere),
            dev(s.path()),
            "/dev/shm and the temporary folder share a file system"
        );
        s.link("copied.pdf", &elsewhere).unwrap();
        let copied = s.path().join("copied.pdf");
        assert_eq!(fs::read(&copied).unwrap(), b"%PDF from elsewhere");
        assert_ne!(
            fs::metadata(&copied).unwrap().ino(),
            fs::metadata(&elsewhere).unwrap().ino()
        );
    }

    #[test]
    fn commit_replaces_and_drop_discards() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        let cache = cache.path();
        let out = tmp.path().join("public");
        let s = staging(&out, cache).unwrap();
        s.write("a/index.html", b"one").unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read(out.join("a/index.html")).unwrap(), b"one");

        let s = staging(&out, cache).unwrap();
        s.write("a/index.html", b"two").unwrap();
        drop(s);
        assert_eq!(fs::read(out.join("a/index.html")).unwrap(), b"one");

        let s = staging(&out, cache).unwrap();
        s.write("b.html", b"three").unwrap();
        s.commit().unwrap();
        assert!(!out.join("a/index.html").exists());
        assert_eq!(fs::read(out.join("b.html")).unwrap(), b"three");
        let leftovers: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("public")]);
    }

    #[cfg(unix)]
    #[test]
    fn removing_the_previous_output_deletes_its_links_not_what_they_point_to() {
        let tmp = tempfile::tempdir().unwrap();
        let keep = tmp.path().join("keep");
        fs::create_dir_all(keep.join("inner")).unwrap();
        fs::write(keep.join("inner/precious.txt"), "x").unwrap();
        let old = tmp.path().join("old");
        fs::create_dir_all(old.join("a/b/c")).unwrap();
        fs::write(old.join("a/b/c/index.html"), "x").unwrap();
        fs::write(old.join("index.html"), "x").unwrap();
        std::os::unix::fs::symlink(&keep, old.join("link")).unwrap();
        std::os::unix::fs::symlink(&keep, old.join("a/link")).unwrap();
        remove_tree(&old);
        assert!(!old.exists());
        assert_eq!(fs::read(keep.join("inner/precious.txt")).unwrap(), b"x");
        remove_tree(&tmp.path().join("missing"));
    }

    #[test]
    fn writes_outside_the_folder_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let s = Staging::new(&tmp.path().join("out")).unwrap();
        for bad in ["../x", "/etc/x", "a/../../x", ""] {
            assert!(s.write(bad, b"x").is_err(), "{bad}");
        }
    }

    #[test]
    fn two_outputs_to_one_file_are_an_error_not_an_overwrite() {
        let tmp = tempfile::tempdir().unwrap();
        let s = Staging::new(&tmp.path().join("out")).unwrap();
        s.write("a/index.html", b"first").unwrap();
        let err = s.write("a/index.html", b"second").unwrap_err();
        assert!(
            err.to_string().contains("the same file, a/index.html"),
            "{err}"
        );
        assert_eq!(fs::read(s.path().join("a/index.html")).unwrap(), b"first");
    }

    #[test]
    fn staging_folders_of_dead_builds_are_removed_and_live_ones_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let dead = tmp.path().join(".out.planpress-999999999");
        let dead_old = tmp.path().join(".out.planpress-999999999.old");
        let live = tmp
            .path()
            .join(format!(".out.planpress-{}", std::process::id()));
        let other = tmp.path().join(".other.planpress-999999999");
        for d in [&dead, &dead_old, &live, &other] {
            fs::create_dir(d).unwrap();
        }
        remove_stale(tmp.path(), "out");
        assert!(!dead.exists() && !dead_old.exists());
        assert!(live.exists() && other.exists());
    }

    #[test]
    fn a_file_in_the_way_of_the_output_folder_is_named() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join("file"), "x").unwrap();
        let err = Staging::new(&tmp.path().join("file/sub/out")).unwrap_err();
        assert!(
            err.to_string().ends_with("file is a file, not a folder"),
            "{err}"
        );
    }

    #[test]
    fn a_folder_planpress_did_not_make_is_not_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("mine");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("notes.txt"), "precious").unwrap();
        let err = Staging::new(&out).unwrap_err();
        assert!(err.to_string().contains("not made by planpress"), "{err}");
        assert_eq!(
            fs::read_to_string(out.join("notes.txt")).unwrap(),
            "precious"
        );
    }
}

#[cfg(test)]
mod state_tests {
    use super::*;

    /// Every file and folder under `dir`, relative, sorted.
    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .flatten()
            .map(|e| e.path().strip_prefix(dir).unwrap().display().to_string())
            .collect();
        names.sort();
        names
    }

    /// Builds `files` into `out` with the records in `cache`, keeping `state`.
    fn build(out: &Path, cache: &Path, files: &[&str], state: &[(&str, &str)]) -> io::Result<()> {
        let s = Staging::with_cache(out, Some(cache.to_path_buf()))?;
        for f in files {
            s.write(f, b"x")?;
        }
        for (name, text) in state {
            s.keep_state(name, text.as_bytes())?;
        }
        s.commit()
    }

    #[test]
    fn the_output_folder_holds_only_what_was_written_and_its_state_is_kept_outside() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        build(
            &out,
            cache.path(),
            &["index.html", "a/index.html"],
            &[("pdf.key", "one")],
        )
        .unwrap();
        assert_eq!(listing(&out), ["a", "a/index.html", "index.html"]);
        assert_eq!(
            listing(tmp.path()),
            [
                "public",
                "public/a",
                "public/a/index.html",
                "public/index.html"
            ]
        );
        let key = state_file_in(cache.path(), &out, "pdf.key").unwrap();
        assert!(
            key.starts_with(cache.path().join("outputs")),
            "{}",
            key.display()
        );
        assert_eq!(fs::read_to_string(&key).unwrap(), "one");

        // The next build replaces the folder and its state: what it did not keep is gone.
        build(&out, cache.path(), &["index.html"], &[("other", "two")]).unwrap();
        assert_eq!(listing(&out), ["index.html"]);
        assert!(!key.exists());
        let other = state_file_in(cache.path(), &out, "other").unwrap();
        assert_eq!(fs::read_to_string(other).unwrap(), "two");
        // The record names the one folder there now, and the folder it is for.
        let record = fs::read_to_string(key.with_file_name(FOLDER_RECORD)).unwrap();
        assert_eq!(
            record.lines().filter(|l| l.starts_with("made ")).count(),
            1,
            "{record}"
        );
        assert_eq!(
            record.lines().next(),
            Some(format!("output {}", out.canonicalize().unwrap().display()).as_str())
        );
    }

    #[test]
    fn a_folder_made_again_at_the_same_path_is_not_replaced_and_keeps_no_state() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        build(&out, cache.path(), &["index.html"], &[("pdf.key", "one")]).unwrap();
        // Files added to the folder planpress made leave it planpress's.
        fs::write(out.join("notes.txt"), "added").unwrap();
        assert!(state_file_in(cache.path(), &out, "pdf.key").is_some());
        build(&out, cache.path(), &["index.html"], &[("pdf.key", "two")]).unwrap();
        assert_eq!(listing(&out), ["index.html"]);

        // The folder removed and made again by hand, with a file of the user's in it: the
        // record names another folder, so it is not replaced and its state is not trusted.
        fs::remove_dir_all(&out).unwrap();
        fs::create_dir(&out).unwrap();
        fs::write(out.join("precious.txt"), "mine").unwrap();
        assert!(state_file_in(cache.path(), &out, "pdf.key").is_none());
        let err = build(&out, cache.path(), &["index.html"], &[]).unwrap_err();
        assert!(
            err.to_string().contains("was not made by planpress"),
            "{err}"
        );
        assert!(
            err.to_string()
                .contains(&cache.path().join("outputs").display().to_string()),
            "{err}"
        );
        assert_eq!(
            fs::read_to_string(out.join("precious.txt")).unwrap(),
            "mine"
        );

        // Emptied, it may be used: there is nothing in it to lose.
        fs::remove_file(out.join("precious.txt")).unwrap();
        build(&out, cache.path(), &["index.html"], &[]).unwrap();
    }

    #[test]
    fn a_folder_is_not_replaced_when_its_record_is_lost_or_there_is_no_cache() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        build(&out, cache.path(), &["index.html"], &[]).unwrap();
        // Another cache folder (another user, or the cache cleared) has no record of it.
        let elsewhere = tempfile::tempdir().unwrap();
        let err = build(&out, elsewhere.path(), &["index.html"], &[]).unwrap_err();
        assert!(
            err.to_string().contains("remove it and build again"),
            "{err}"
        );
        let err = Staging::with_cache(&out, None).unwrap_err();
        assert!(
            err.to_string()
                .contains("PLANPRESS_CACHE, XDG_CACHE_HOME or HOME"),
            "{err}"
        );
        assert_eq!(listing(&out), ["index.html"]);
    }

    #[test]
    fn a_folder_an_earlier_planpress_made_is_replaced_without_its_marker() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        fs::create_dir(&out).unwrap();
        fs::write(out.join(OLD_MARKER), "made by planpress").unwrap();
        fs::write(out.join(".large-print.pdf.key"), "inputs 1").unwrap();
        build(&out, cache.path(), &["index.html"], &[]).unwrap();
        assert_eq!(listing(&out), ["index.html"]);
    }

    #[test]
    fn a_state_name_is_one_plain_file_name() {
        let tmp = tempfile::tempdir().unwrap();
        let s =
            Staging::with_cache(&tmp.path().join("out"), Some(tmp.path().join("cache"))).unwrap();
        for bad in ["", "../x", "a/b", "/etc/passwd", FOLDER_RECORD, "."] {
            assert!(s.keep_state(bad, b"x").is_err(), "{bad:?}");
        }
        assert!(s.keep_state("large-print.pdf.key", b"x").is_ok());
    }

    #[test]
    fn a_build_killed_during_the_swap_leaves_a_folder_the_next_build_may_replace() {
        // Before the swap the record names the folder there and the staged one: whichever
        // is at the path when the build is killed, the next build knows it.
        let tmp = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        build(&out, cache.path(), &["index.html"], &[]).unwrap();
        let state = state_folder(cache.path(), &out).unwrap();
        let staged = Staging::with_cache(&out, Some(cache.path().to_path_buf())).unwrap();
        staged.write("index.html", b"new").unwrap();
        let both = [identity(staged.path()).unwrap(), identity(&out).unwrap()];
        save_record(&state, &out, &both).unwrap();
        // Killed now, before the swap: the old folder is still known...
        assert!(check_replaceable(&out, Some(cache.path())).is_ok());
        // ...and after it (the swap done by hand, as a rename would), so is the new one.
        let old = tmp.path().join("old");
        fs::rename(&out, &old).unwrap();
        fs::rename(staged.path(), &out).unwrap();
        assert!(check_replaceable(&out, Some(cache.path())).is_ok());
        std::mem::forget(staged);
    }
}
