//! `planpress serve`: a local preview of the website that rebuilds itself as authors edit.
//!
//! Authors want to see a change in the page they are reading a moment after saving the file, and
//! to see *why* when a change breaks the build. So the preview builds once through a
//! [`Session`] that stays loaded, serves the output folder over HTTP, watches the content and
//! theme folders (`watch`), and on change has the session rewrite only the pages the edit
//! changed, then tells open pages which files were rewritten (`live_reload`): a page reloads
//! when its own file was. An edited priority's page is written and announced before the
//! pages that list it; the open data files and large print are remade when the author pauses.
//! A failed rebuild never stops the server: it prints the problems in the terminal as
//! `planpress build` does, keeps serving the last good build, and lists the problems at the top
//! of every page.
//!
//! The server is deliberately small and strict, because it is a door into the author's machine:
//! it answers only `GET` and `HEAD`, listens on 127.0.0.1 unless told otherwise, serves only
//! files inside the output folder (`site_files`), bounds every request in size and time
//! (`http`), and caps the number of connections. The live-reload script and error banner are
//! added to responses as they are sent; nothing the preview adds is ever written to disk.

/// Prints a line on standard output. A closed terminal (`planpress serve | head`, a dropped SSH
/// session) must never stop the preview, so failures to print are ignored, where `println!`
/// would panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// Like `say!`, on standard error.
macro_rules! warn {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod http;
mod live_reload;
mod site_files;
mod watch;

use std::fs;
use std::io;
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::panic;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context, Result};
use serde::Serialize;

use crate::build::{BuildOptions, Session};
use crate::diagnostics::ContentErrors;
use http::{Method, Request, Response};

/// The port `planpress serve` listens on unless told otherwise.
pub const DEFAULT_PORT: u16 = 1111;

/// Connections handled at once; each has its own thread. Further connections are answered
/// `503` straight away, so a flood of clients cannot exhaust the machine's threads.
const MAX_CONNECTIONS: usize = 64;

/// How many of the latest build states are kept for live-reload streams to catch up with.
const RECENT_STATES: usize = 16;

/// What to preview and where to listen.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The content folder.
    pub content: PathBuf,
    /// Where to build the site. `None` means a new folder in the system's temporary folder,
    /// removed when the server is stopped, so previewing never touches `public/`.
    pub out: Option<PathBuf>,
    /// The folder holding themes.
    pub themes: PathBuf,
    /// The theme's name.
    pub theme: String,
    /// The address to listen on; anything but a loopback address prints a warning.
    pub bind: IpAddr,
    /// The port to listen on; 0 picks a free one.
    pub port: u16,
    /// The outputs to make besides the website, by name, as for
    /// [`BuildOptions::outputs`] (every one on by default; the large-print edition left out
    /// for quick previews of very large plans, whose PDF takes minutes to typeset).
    pub outputs: Vec<&'static str>,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            content: PathBuf::from("content"),
            out: None,
            themes: PathBuf::from("themes"),
            theme: "default".to_string(),
            bind: IpAddr::from([127, 0, 0, 1]),
            port: DEFAULT_PORT,
            outputs: BuildOptions::default().outputs,
        }
    }
}

/// Builds the site, serves it, and rebuilds it on every change until the process is stopped.
///
/// `report` prints an error the way the command line does (it receives [`ContentErrors`] for
/// content problems), so a failed rebuild reads exactly like a failed `planpress build`.
/// Returns only on a fatal error: the port cannot be opened, the output folder cannot be used,
/// or the first build fails for a reason other than the content.
pub fn serve(opts: &ServeOptions, report: fn(&anyhow::Error)) -> Result<()> {
    if !opts.content.is_dir() {
        bail!(
            "there is no content folder at {} (choose one with --content)",
            opts.content.display()
        );
    }
    let theme_dir = opts.themes.join(&opts.theme);
    let listener = TcpListener::bind((opts.bind, opts.port)).with_context(|| {
        format!(
            "cannot listen on {}; choose another port with --port, or --port 0 for any free port",
            SocketAddr::new(opts.bind, opts.port)
        )
    })?;
    let addr = listener.local_addr()?;

    let (out, temporary) = match &opts.out {
        Some(out) => (std::path::absolute(out)?, None),
        None => {
            let dir = temporary_output()
                .context("cannot make a folder for the preview in the temporary folder")?;
            (dir.clone(), Some(RemoveOnDrop(dir)))
        }
    };
    let mut watched = vec![opts.content.clone()];
    if theme_dir.is_dir() {
        watched.push(theme_dir);
    }
    refuse_output_inside(&out, &watched)?;

    let build_opts = BuildOptions {
        content: opts.content.clone(),
        out: out.clone(),
        themes: opts.themes.clone(),
        theme: opts.theme.clone(),
        outputs: opts.outputs.clone(),
        ..BuildOptions::default()
    };
    let preview = Arc::new(Preview::new(out.clone(), opts.bind.is_loopback()));

    if let Some(temporary) = &temporary {
        stop_on_signal(temporary.0.clone(), Arc::clone(&preview));
    }
    // Watch before the first build, so an edit made while it runs still triggers a rebuild.
    let watcher = watch::Watcher::start(&watched);
    let building = preview
        .building
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    // The session stays loaded for the life of the server, so each edit rewrites only what
    // it changes. A build that fails on the content keeps it (it knows what it read).
    let mut session = None;
    let first = catching_panics(|| Ok(start_session(&build_opts, &mut session)?.1));
    drop(building);
    match first {
        Ok(summary) => {
            say!(
                "Built {} pages ({} files) in {} ms",
                summary.pages,
                summary.files,
                summary.elapsed.as_millis()
            );
            preview.record(Ok(None));
        }
        Err(e) if e.downcast_ref::<ContentErrors>().is_some() => {
            report(&e);
            say!("The preview shows the problems until they are fixed; save a file to rebuild.");
            preview.record(Err(&e));
        }
        Err(e) => return Err(e),
    }

    if !opts.bind.is_loopback() {
        warn!(
            "warning: listening on {}, not 127.0.0.1: other machines that can reach this one can read the preview",
            opts.bind
        );
    }
    say!(
        "Serving {} at http://{addr}/ (press Ctrl-C to stop)",
        out.display()
    );
    match watcher {
        Ok(watcher) => {
            let preview = Arc::clone(&preview);
            let watched = Watched {
                content: opts.content.clone(),
                theme: opts.themes.join(&opts.theme),
            };
            let session = Arc::new(Mutex::new(session));
            let idle_session = Arc::clone(&session);
            let idle_preview = Arc::clone(&preview);
            watcher.on_change(
                move |reason, paths| {
                    let mut session = session.lock().unwrap_or_else(PoisonError::into_inner);
                    let paths = watched.paths_for(paths);
                    preview.rebuild(&mut session, &build_opts, report, reason, &paths)
                },
                move || {
                    let mut session = idle_session.lock().unwrap_or_else(PoisonError::into_inner);
                    idle_preview.refresh_downloads(&mut session, report);
                },
            );
        }
        Err(e) => warn!(
            "warning: cannot watch for changes ({e:#}); the preview will not rebuild by itself"
        ),
    }
    let result = accept(listener, preview);
    drop(temporary);
    result
}

/// The preview's shared state: where the site is, how the last build went, who is connected.
struct Preview {
    /// The output folder, absolute.
    out: PathBuf,
    /// Whether to answer only requests addressed to a loopback name (see [`host_allowed`]).
    loopback_only: bool,
    state: Mutex<BuildState>,
    /// The latest states, oldest first, so that a live-reload stream that wakes after two
    /// builds in quick succession can send both (locked after `state`, never before).
    recent: Mutex<std::collections::VecDeque<BuildState>>,
    /// Signalled whenever `state` changes; live-reload streams wait on it.
    changed: Condvar,
    /// Held while a build runs, so stopping never removes a folder mid-build.
    building: Mutex<()>,
    connections: AtomicUsize,
    event_streams: AtomicUsize,
}

/// How the latest build went, as sent to browsers (`/__planpress/status` and the event stream).
#[derive(Debug, Clone, Serialize)]
struct BuildState {
    /// Changes each time the server starts, so pages reload after a restart.
    instance: String,
    /// Counts builds, good or bad.
    attempt: u64,
    /// Counts good builds; a page reloads when this moves past the one it was served from.
    generation: u64,
    /// Whether the latest build succeeded.
    ok: bool,
    /// The files (paths in the output folder) that the latest good build rewrote, when it
    /// rewrote only some; `None` when any page may have changed. A page whose own file is not
    /// listed need not reload when the generation moves on by one.
    pages: Option<Vec<String>>,
    /// What stopped the latest build; empty when it succeeded.
    problems: Vec<Problem>,
}

/// One reason a build failed, ready to show in a page.
#[derive(Debug, Clone, Serialize)]
struct Problem {
    /// `path:line:column`, when the problem is in a content file.
    place: Option<String>,
    message: String,
    hint: Option<String>,
}

impl Preview {
    fn new(out: PathBuf, loopback_only: bool) -> Preview {
        let started = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        Preview {
            out,
            loopback_only,
            state: Mutex::new(BuildState {
                instance: format!("{:x}-{started:x}", std::process::id()),
                attempt: 0,
                generation: 0,
                ok: true,
                pages: None,
                problems: Vec::new(),
            }),
            recent: Mutex::new(std::collections::VecDeque::new()),
            changed: Condvar::new(),
            building: Mutex::new(()),
            connections: AtomicUsize::new(0),
            event_streams: AtomicUsize::new(0),
        }
    }

    fn state(&self) -> MutexGuard<'_, BuildState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Records a build's outcome (with the files it rewrote, `None` for all) and wakes every
    /// live-reload stream.
    fn record(&self, outcome: std::result::Result<Option<Vec<String>>, &anyhow::Error>) {
        let mut state = self.state();
        state.attempt += 1;
        match outcome {
            Ok(pages) => {
                state.generation += 1;
                state.ok = true;
                state.pages = pages;
                state.problems.clear();
            }
            Err(e) => {
                state.ok = false;
                state.problems = problems(e);
            }
        }
        let mut recent = self.recent.lock().unwrap_or_else(PoisonError::into_inner);
        if recent.len() == RECENT_STATES {
            recent.pop_front();
        }
        recent.push_back(state.clone());
        drop(recent);
        drop(state);
        self.changed.notify_all();
    }

    /// Rebuilds after the files at `paths` changed, reporting the outcome in the terminal and
    /// to browsers. Returns whether the downloads are now out of date (the rebuild left them
    /// for [`Preview::refresh_downloads`]).
    ///
    /// The session rewrites only the pages an edit changes; when it writes the edited page
    /// first and the pages that show it elsewhere after, browsers hear of each step, so the
    /// page being edited reloads without waiting for long summary pages. A failure that is not
    /// about the content (or a panic) may have left the session half-updated, so it is
    /// dropped and a fresh one builds everything.
    fn rebuild(
        &self,
        session: &mut Option<Session>,
        opts: &BuildOptions,
        report: fn(&anyhow::Error),
        reason: &str,
        paths: &[PathBuf],
    ) -> bool {
        let _building = self.building.lock().unwrap_or_else(PoisonError::into_inner);
        say!("{reason}; rebuilding");
        let mut notified: Vec<String> = Vec::new();
        let had_session = session.is_some();
        let outcome = catching_panics(|| match session.as_mut() {
            Some(s) => {
                let summary = s.rebuild_in_steps(paths, |files| {
                    notified.extend(files.iter().cloned());
                    self.record(Ok(Some(files.to_vec())));
                })?;
                Ok((summary, s.last_written().map(<[String]>::to_vec)))
            }
            None => Ok((start_session(opts, session)?.1, None)),
        });
        let outcome = match outcome {
            Err(e) if had_session && e.downcast_ref::<ContentErrors>().is_none() => {
                // Not the content's fault: start again from nothing.
                *session = None;
                catching_panics(|| Ok((start_session(opts, session)?.1, None)))
            }
            other => other,
        };
        match outcome {
            Ok((summary, written)) => {
                let partial = written.is_some();
                let rest = written.map(|files| {
                    files
                        .into_iter()
                        .filter(|f| !notified.contains(f))
                        .collect::<Vec<_>>()
                });
                if notified.is_empty() || rest.as_ref().is_none_or(|r| !r.is_empty()) {
                    self.record(Ok(rest));
                }
                say!(
                    "Rebuilt {} pages in {} ms; open pages will reload",
                    summary.pages,
                    summary.elapsed.as_millis()
                );
                partial
            }
            Err(e) => {
                // `report` prints with `eprintln!`, which panics if standard error is closed.
                let _ = panic::catch_unwind(|| report(&e));
                self.record(Err(&e));
                say!(
                    "Still serving the last good build; the problems are shown in the page until they are fixed"
                );
                false
            }
        }
    }

    /// Brings the open data files, the large-print edition and the pages describing them up
    /// to date after quick rebuilds left them (see [`Session::refresh_downloads`]); called
    /// when the folders have been quiet for a moment, since it takes longer than a rebuild.
    fn refresh_downloads(&self, session: &mut Option<Session>, report: fn(&anyhow::Error)) {
        let _building = self.building.lock().unwrap_or_else(PoisonError::into_inner);
        if !self.state().ok {
            return; // The next good rebuild will ask again.
        }
        let Some(s) = session.as_mut() else {
            return;
        };
        match catching_panics(|| s.refresh_downloads()) {
            Ok(summary) => {
                self.record(Ok(s.last_written().map(<[String]>::to_vec)));
                say!(
                    "Remade the downloads and {} pages listing them in {} ms",
                    summary.pages,
                    summary.elapsed.as_millis()
                );
            }
            Err(e) => {
                *session = None;
                let _ = panic::catch_unwind(|| report(&e));
                self.record(Err(&e));
            }
        }
    }
}

/// Where the preview's folders are, to turn a watcher's paths into a session's.
struct Watched {
    content: PathBuf,
    theme: PathBuf,
}

impl Watched {
    /// The changed paths for [`Session::rebuild`]. An empty path means the watcher lost track
    /// of what changed (its queue overflowed): then both folders count as changed, which
    /// makes the session read everything again.
    fn paths_for(&self, paths: &std::collections::BTreeSet<PathBuf>) -> Vec<PathBuf> {
        if paths.iter().any(|p| p.as_os_str().is_empty()) {
            return vec![self.content.clone(), self.theme.clone()];
        }
        paths.iter().cloned().collect()
    }
}

/// Starts a new session and builds everything with it, as `planpress build` would; the
/// session is kept in `slot` even when the content has problems.
fn start_session<'a>(
    opts: &BuildOptions,
    slot: &'a mut Option<Session>,
) -> Result<(&'a mut Session, crate::BuildSummary)> {
    let session = slot.insert(Session::new(opts.clone())?);
    let summary = session.rebuild(&[])?;
    Ok((session, summary))
}

/// Runs a build, turning a panic into an error. A bug in one stage must not stop the watcher
/// thread, or the preview would silently stop rebuilding; the panic's message is printed by the
/// panic hook and shown in the page like any other failure.
fn catching_panics<T>(build: impl FnOnce() -> Result<T>) -> Result<T> {
    panic::catch_unwind(panic::AssertUnwindSafe(build)).unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        bail!("planpress crashed while building (a bug; please report it): {message}")
    })
}

/// Turns a build error into the list shown in pages: one entry per content problem, or the
/// whole error chain as one entry for anything else (a theme template error, a full disk).
fn problems(e: &anyhow::Error) -> Vec<Problem> {
    match e.downcast_ref::<ContentErrors>() {
        Some(errors) => errors
            .0
            .iter()
            .map(|d| Problem {
                place: Some(d.place()),
                message: d.message.clone(),
                hint: d.hint.clone(),
            })
            .collect(),
        None => vec![Problem {
            place: None,
            message: format!("{e:#}"),
            hint: None,
        }],
    }
}

/// Accepts connections for ever, one thread each, up to [`MAX_CONNECTIONS`] at once.
fn accept(listener: TcpListener, preview: Arc<Preview>) -> Result<()> {
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(s) => s,
            Err(e) => {
                // Running out of file descriptors or a connection reset before it was accepted:
                // wait a moment rather than spin, then carry on.
                if !matches!(
                    e.kind(),
                    io::ErrorKind::ConnectionAborted
                        | io::ErrorKind::ConnectionReset
                        | io::ErrorKind::Interrupted
                ) {
                    thread::sleep(Duration::from_millis(50));
                }
                continue;
            }
        };
        if !take_slot(&preview.connections, MAX_CONNECTIONS) {
            http::refuse_busy(stream);
            continue;
        }
        let worker = Arc::clone(&preview);
        let spawned = thread::Builder::new()
            .name("planpress-http".into())
            .spawn(move || {
                let _slot = Slot(&worker.connections);
                handle(stream, &worker);
            });
        if let Err(e) = spawned {
            // The thread never ran, so its slot was never given back.
            preview.connections.fetch_sub(1, Ordering::SeqCst);
            warn!("warning: cannot start a thread for a connection: {e}");
        }
    }
    Ok(())
}

/// Counts one more user of a limited resource, unless `max` are already counted.
fn take_slot(counter: &AtomicUsize, max: usize) -> bool {
    counter
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
            (n < max).then_some(n + 1)
        })
        .is_ok()
}

/// Gives back a place taken by [`take_slot`] when dropped.
struct Slot<'a>(&'a AtomicUsize);

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Handles one connection: one request, one response, then close.
fn handle(mut stream: TcpStream, preview: &Preview) {
    let request = http::read_request(&mut stream);
    let head_only = matches!(&request, Ok(r) if r.method == Method::Head);
    let response = match request {
        Ok(request) => respond(&request, preview),
        Err(refusal) => Some(refusal.into_response()),
    };
    if let Some(response) = response {
        let _ = response.write_to(&mut stream, head_only);
    } else {
        live_reload::stream_events(&mut stream, preview, head_only);
    }
    http::close(stream);
}

/// Decides the response to a well-formed `GET` or `HEAD`; `None` means "open an event stream".
fn respond(request: &Request, preview: &Preview) -> Option<Response> {
    if preview.loopback_only && !host_allowed(request.host.as_deref()) {
        return Some(Response::text(
            421,
            "This preview answers only requests for localhost or 127.0.0.1.\n",
        ));
    }
    let target = match site_files::Target::parse(&request.target) {
        Ok(t) => t,
        Err(status) => return Some(Response::text(status, "Bad request.\n")),
    };
    if let Some(rest) = target.reserved() {
        return live_reload::respond(rest, preview);
    }
    let root = fs::canonicalize(&preview.out).ok();
    let found = root
        .as_deref()
        .map(|root| site_files::resolve(root, &target));
    Some(match found {
        Some(site_files::Found::File(path)) => file_response(&path, root.as_deref(), 200, preview),
        Some(site_files::Found::Redirect(location)) => {
            Response::text(301, "Moved.\n").with_header("Location", location)
        }
        Some(site_files::Found::Nothing) | None => not_found(root.as_deref(), preview),
    })
}

/// A file from the output folder; HTML gets the live-reload script (and the error banner while
/// the build is broken) added on the way out.
fn file_response(path: &Path, root: Option<&Path>, status: u16, preview: &Preview) -> Response {
    let content_type = site_files::content_type(path);
    if content_type.starts_with("text/html") {
        // The state is read before the file, so a rebuild finishing in between makes the page
        // claim an older build than it shows: at worst it reloads once more than needed.
        let state = preview.state().clone();
        let file = root
            .and_then(|root| path.strip_prefix(root).ok())
            .map(|rel| rel.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        return match fs::read(path) {
            Ok(bytes) => {
                let html = String::from_utf8_lossy(&bytes);
                let page = live_reload::inject(&html, &state, &file);
                Response::new(status, content_type, page.into_bytes())
            }
            Err(_) => Response::text(500, "The file could not be read.\n"),
        };
    }
    match fs::File::open(path).and_then(|f| Ok((f.metadata()?.len(), f))) {
        Ok((len, file)) => Response::file(status, content_type, file, len),
        Err(_) => Response::text(500, "The file could not be read.\n"),
    }
}

/// The site's own `404.html` with status 404, or a plain page when there is none yet.
fn not_found(root: Option<&Path>, preview: &Preview) -> Response {
    if let Some(root) = root {
        let page = site_files::Target::parse("/404.html")
            .map(|t| site_files::resolve(root, &t))
            .ok();
        if let Some(site_files::Found::File(path)) = page {
            return file_response(&path, Some(root), 404, preview);
        }
    }
    let state = preview.state();
    let why = if state.generation == 0 {
        "Nothing has been built yet, because the content has problems."
    } else {
        "There is no page at this address."
    };
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>Page not found – planpress preview</title>\n</head>\n<body>\n<main>\n<h1>Page not found</h1>\n<p>{why}</p>\n</main>\n</body>\n</html>\n"
    );
    Response::new(
        404,
        "text/html; charset=utf-8",
        live_reload::inject(&html, &state, "").into_bytes(),
    )
}

/// Whether a request's `Host` names this machine. A page on another site can point a name it
/// controls at 127.0.0.1 ("DNS rebinding") and then read the preview through it; refusing
/// other names closes that door. A request without `Host` (HTTP/1.0) is allowed.
fn host_allowed(host: Option<&str>) -> bool {
    let Some(host) = host else {
        return true;
    };
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host, |(name, _)| name)
    };
    let name = name.to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Refuses an output folder inside a watched folder (every build would trigger another) or one
/// that contains it (a build would replace the content).
fn refuse_output_inside(out: &Path, watched: &[PathBuf]) -> Result<()> {
    let out = real_path(out);
    for dir in watched {
        let dir = real_path(dir);
        if out.starts_with(&dir) || dir.starts_with(&out) {
            bail!(
                "the output folder {} overlaps {}, which the preview watches; choose another --out",
                out.display(),
                dir.display()
            );
        }
    }
    Ok(())
}

/// The path with symbolic links resolved as far as it exists.
fn real_path(path: &Path) -> PathBuf {
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => {
            real_path(parent).join(name)
        }
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// A new, empty folder in the system's temporary folder for the preview's output.
///
/// Why not `target/` or `public/`: authors run planpress from a content repository, where
/// `target/` means nothing, and `public/` holds what is about to be published, which a preview
/// must not replace. The temporary folder always exists and is writable, and the operating
/// system clears it. `create_dir` fails if the name is taken, so the preview never writes into
/// a folder someone else made.
fn temporary_output() -> io::Result<PathBuf> {
    let base = std::env::temp_dir();
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .subsec_nanos();
    let mut last = None;
    for n in 0..100u32 {
        let dir = base.join(format!(
            "planpress-serve-{}-{:x}",
            std::process::id(),
            nanos.wrapping_add(n)
        ));
        match fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free name")))
}

/// Removes the temporary output folder when `serve` returns with an error.
struct RemoveOnDrop(PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// On Ctrl-C (or SIGTERM, SIGHUP), removes the temporary output folder `out`, then exits.
///
/// The signal handler only sets a flag (all a handler may safely do); a thread watches the
/// flag, waits for any build in progress to finish (so no staging folder is left behind),
/// removes the folder and exits with the conventional 128 + signal number.
#[cfg(unix)]
fn stop_on_signal(out: PathBuf, preview: Arc<Preview>) {
    use std::sync::atomic::AtomicI32;

    static SIGNAL: AtomicI32 = AtomicI32::new(0);
    extern "C" fn on_signal(signal: libc::c_int) {
        SIGNAL.store(signal, Ordering::SeqCst);
    }
    let handler: extern "C" fn(libc::c_int) = on_signal;
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
        unsafe {
            libc::signal(signal, handler as libc::sighandler_t);
        }
    }
    let spawned = thread::Builder::new()
        .name("planpress-stop".into())
        .spawn(move || loop {
            thread::sleep(Duration::from_millis(100));
            let signal = SIGNAL.load(Ordering::SeqCst);
            if signal != 0 {
                let _building = preview
                    .building
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner);
                say!("Stopped; removing {}", out.display());
                let _ = fs::remove_dir_all(&out);
                std::process::exit(128 + signal);
            }
        });
    if let Err(e) = spawned {
        warn!("warning: the preview folder will not be removed on exit: {e}");
    }
}

/// Elsewhere the process ends on Ctrl-C without cleaning up, and the folder is left for the
/// operating system to clear.
#[cfg(not(unix))]
fn stop_on_signal(_out: PathBuf, _preview: Arc<Preview>) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_names_are_answered_on_loopback() {
        for ok in [
            None,
            Some("localhost"),
            Some("localhost:1111"),
            Some("127.0.0.1:1111"),
            Some("127.1.2.3"),
            Some("[::1]:80"),
            Some("site.localhost:8080"),
        ] {
            assert!(host_allowed(ok), "{ok:?}");
        }
        for bad in [
            Some("evil.example"),
            Some("evil.example:1111"),
            Some("192.168.1.2"),
            Some("localhost.evil.example"),
            Some(""),
        ] {
            assert!(!host_allowed(bad), "{bad:?}");
        }
    }

    #[test]
    fn an_output_folder_inside_the_content_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        fs::create_dir(&content).unwrap();
        assert!(
            refuse_output_inside(&content.join("site"), std::slice::from_ref(&content)).is_err()
        );
        assert!(refuse_output_inside(tmp.path(), std::slice::from_ref(&content)).is_err());
        assert!(refuse_output_inside(&tmp.path().join("site"), &[content]).is_ok());
    }

    #[test]
    fn content_errors_become_one_problem_each() {
        let e = anyhow::Error::new(ContentErrors(vec![crate::Diagnostic::new(
            Path::new("content/a.md"),
            3,
            0,
            "unknown key \"ordr\"",
        )
        .with_hint("did you mean \"order\"?")]));
        let list = problems(&e);
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].place.as_deref(), Some("content/a.md:3:1"));
        assert_eq!(list[0].hint.as_deref(), Some("did you mean \"order\"?"));
        let other = problems(&anyhow::anyhow!("disk full").context("cannot write"));
        assert_eq!(other[0].place, None);
        assert_eq!(other[0].message, "cannot write: disk full");
    }
}
