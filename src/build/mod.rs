//! `planpress build`: validate the plan, make every output, and swap them into place.
//!
//! The plan is validated in full before any output reads it ([`read_plan`]). Then each
//! output in [`crate::export::OUTPUTS`] is prepared (the large-print PDF typeset, or the
//! previous one reused when nothing that shapes it changed) beside the theme's loading, and
//! the website's pages are rendered on every core beside the outputs' files, each written into
//! a staging folder by the thread that made it, so memory holds a page per thread rather than
//! the whole site. The staging folder becomes the output folder in one step
//! ([`crate::write`]). Builds that take more than a second show their progress on a terminal.
//! [`Session`] keeps a build loaded so that the preview rewrites only what an edit changes.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::compare::{Comparison, Published};
use crate::diagnostics::{ContentErrors, Diagnostics};
use crate::export::large_print::typeset::Typesetter;
use crate::export::{
    self, website, Download, Environment, NewFile, Output, Prepared, RenderContext, Sink,
};
use crate::plan::Plan;
use crate::theme::Theme;
use crate::write::Staging;

mod session;

pub use session::Session;

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The content folder.
    pub content: PathBuf,
    /// The output folder.
    pub out: PathBuf,
    /// The folder holding themes.
    pub themes: PathBuf,
    /// The theme's name.
    pub theme: String,
    /// Overrides the plan's `base_url`.
    pub base_url: Option<String>,
    /// The outputs to make besides the website, by name (see [`crate::export::OUTPUTS`]):
    /// by default every output that is on by default; `planpress build --no-large-print`
    /// leaves one out.
    pub outputs: Vec<&'static str>,
    /// Who typesets the large-print PDF when it cannot be reused: by default the
    /// `planpress-typeset` program beside this one (see [`export::large_print::typeset`]).
    pub typesetter: Typesetter,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            content: PathBuf::from("content"),
            out: PathBuf::from("public"),
            themes: PathBuf::from("themes"),
            theme: "default".to_string(),
            base_url: None,
            outputs: export::chosen(&[]).iter().map(|o| o.name()).collect(),
            typesetter: Typesetter::program(),
        }
    }
}

impl BuildOptions {
    /// These options less the output named `name`.
    pub fn without(mut self, name: &str) -> Self {
        self.outputs.retain(|n| *n != name);
        self
    }

    /// True when the output named `name` is made.
    pub fn makes(&self, name: &str) -> bool {
        self.outputs.contains(&name)
    }

    /// The outputs to make, in the table's order.
    fn chosen(&self) -> Vec<&'static dyn Output> {
        export::OUTPUTS
            .iter()
            .copied()
            .filter(|o| self.makes(o.name()))
            .collect()
    }

    /// What the outputs are given besides the plan, with `progress` to report to.
    fn environment<'a>(&'a self, progress: &'a dyn export::Progress) -> Environment<'a> {
        Environment {
            previous: &self.out,
            typesetter: &self.typesetter,
            progress,
        }
    }
}

/// What a build produced.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    /// HTML pages written.
    pub pages: usize,
    /// All files written.
    pub files: usize,
    /// Wall time.
    pub elapsed: Duration,
    /// What each output named in the summary line made, in the table's order: its name, how
    /// the summary names it, and what it says of itself (`None` when it was not made).
    pub outputs: Vec<OutputSummary>,
    /// Things the person building should know that did not stop the build (an output left
    /// out and why, a statutory element the plan does not cover), one line each.
    pub warnings: Vec<String>,
    /// The size in bytes of the search page's index, when the build wrote one.
    pub search_index_bytes: Option<usize>,
}

/// One output's part of a [`BuildSummary`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputSummary {
    /// The output's name (`large-print`).
    pub name: &'static str,
    /// How the summary line names it ("large print PDF").
    pub label: &'static str,
    /// What it made ("169 pages in 412 ms"), or `None` when this build did not make it.
    pub made: Option<String>,
}

impl BuildSummary {
    /// `count` pages rewritten in place by a preview rebuild, nothing else made; the caller
    /// sets `elapsed`.
    fn pages_in_place(count: usize) -> BuildSummary {
        BuildSummary {
            pages: count,
            files: count,
            elapsed: Duration::ZERO,
            outputs: Vec::new(),
            warnings: Vec::new(),
            search_index_bytes: None,
        }
    }

    /// What the output named `name` made, if the summary names it and it was made.
    pub fn made(&self, name: &str) -> Option<&str> {
        self.outputs
            .iter()
            .find(|o| o.name == name)
            .and_then(|o| o.made.as_deref())
    }
}

/// The summary line's part for each output it names: what `prepared` made, or that an
/// output was not made.
fn output_summaries(prepared: &[(&'static dyn Output, Box<dyn Prepared>)]) -> Vec<OutputSummary> {
    export::OUTPUTS
        .iter()
        .filter_map(|o| {
            let label = o.summary_name()?;
            let made = prepared
                .iter()
                .find(|(p, _)| p.name() == o.name())
                .and_then(|(_, p)| p.summary());
            Some(OutputSummary {
                name: o.name(),
                label,
                made,
            })
        })
        .collect()
}

/// Every prepared output's warnings, in the table's order.
fn output_warnings(prepared: &[(&'static dyn Output, Box<dyn Prepared>)]) -> Vec<String> {
    prepared.iter().flat_map(|(_, p)| p.warnings()).collect()
}

/// Reads the plan in the content folder `content` and validates it: the plan, or every
/// problem in it. Each file is read and parsed in one step on one core (see
/// [`crate::load::stream`]).
pub fn read_plan(content: &Path) -> Result<Plan, ContentErrors> {
    let mut diags = Diagnostics::new();
    let files = crate::load::stream(content, &mut diags).map_err(|d| ContentErrors(vec![d]))?;
    let images = crate::load::read_images(content);
    let plan = Plan::from_parallel_files(files, &images, content, diags);
    release_freed_memory();
    plan
}

/// Hands memory freed while loading (file texts, parse trees, link checks) back to the
/// system, so the pages rendered next do not start from the loading peak. Only glibc keeps
/// freed memory from the system like this.
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns unused memory; it is safe to call at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Loads and validates the plan at `opts.content`, as published at `opts.base_url` when set.
pub fn load(opts: &BuildOptions) -> Result<Plan> {
    Ok(read_plan(&opts.content)?.published_at(opts.base_url.clone()))
}

/// Each output chosen, prepared.
type PreparedOutputs = Vec<(&'static dyn Output, Box<dyn Prepared>)>;

/// The plan loaded, compared with its `compare_with` revision, its published revisions, and
/// each output prepared.
type Loaded = (Plan, Option<Comparison>, Vec<Published>, PreparedOutputs);

/// Builds the site. Content problems come back as [`crate::ContentErrors`] inside the error;
/// on any failure the previous output folder is left untouched.
pub fn build(opts: &BuildOptions) -> Result<BuildSummary> {
    let start = Instant::now();
    let progress = Progress::start();
    progress.stage("Reading and checking the content", 0);
    // Compiling the theme's templates takes as long as reading a small plan and checking its
    // large-print PDF is current: do them at once.
    let (loaded, theme) = rayon::join(
        || -> Result<Loaded> {
            let mut plan = load(opts)?;
            // A one-shot build has reported every problem by the time the plan is valid.
            plan.forget_front_matter_text();
            let comparison = crate::compare::with_compare_with(&plan)?;
            let history = crate::compare::published_history(&plan)?;
            progress.stage("Typesetting and preparing the other formats", 0);
            let prepared = prepare(&opts.chosen(), &plan, &opts.environment(&progress))?;
            Ok((plan, comparison, history, prepared))
        },
        || Theme::load(&opts.themes, &opts.theme),
    );
    let ((plan, comparison, history, prepared), theme) = (loaded?, theme?);
    let written = write_all(
        opts,
        &plan,
        &theme,
        comparison.as_ref(),
        &history,
        &prepared,
        &progress,
    )?;
    let outputs = output_summaries(&prepared);
    let mut warnings = output_warnings(&prepared);
    warnings.extend(statutory_warning(&plan));
    warnings.extend(image_warnings(&plan));
    if crate::write::cache_folder().is_none() {
        warnings.push(format!(
            "planpress has no cache folder (set {}, XDG_CACHE_HOME or HOME), so it cannot keep its record of making {}: the next build will not replace it",
            crate::write::CACHE_VARIABLE,
            opts.out.display()
        ));
    }
    // Freeing a big plan's hundreds of thousands of allocations is the last thing a build
    // would wait for (15 ms at 10,000 pages), and nothing depends on it: free them on a
    // thread of their own. If the process exits first, the memory goes back all the same;
    // if no thread can be started, the refused closure frees them here.
    let _ = std::thread::Builder::new().spawn(move || drop((plan, theme, prepared)));
    Ok(BuildSummary {
        pages: written.pages,
        files: written.files,
        elapsed: start.elapsed(),
        outputs,
        warnings,
        search_index_bytes: written.search_index_bytes,
    })
}

/// A line for each image the website publishes that is larger than
/// [`crate::plan::images::WARN_IMAGE_BYTES`] (with its size), and for each SVG that had
/// something taken out to be published (with what).
pub fn image_warnings(plan: &Plan) -> Vec<String> {
    use crate::plan::images::{published, WARN_IMAGE_BYTES};
    let mut out = Vec::new();
    for image in published(plan) {
        let file = image.display.display();
        if image.file_bytes > WARN_IMAGE_BYTES {
            out.push(format!(
                "{file} is {}, larger than the {} an image on a web page should be: it is slow to load on a phone; save it smaller (fewer pixels, or more compression)",
                crate::words::human_size(image.file_bytes),
                crate::words::human_size(WARN_IMAGE_BYTES)
            ));
        }
        if !image.removed.is_empty() {
            out.push(format!(
                "{file}: taken out to publish it safely: {}; check that the image still shows what it should",
                image.removed.join(", ")
            ));
        }
    }
    out
}

/// One line saying which of the contents the law requires the plan does not say where it sets
/// out, if any (see [`crate::plan::statutory`]).
pub fn statutory_warning(plan: &Plan) -> Option<String> {
    let missing = crate::plan::statutory::missing(plan);
    if missing.is_empty() {
        return None;
    }
    let ids: Vec<&str> = missing.iter().map(|e| e.id()).collect();
    Some(format!(
        "the plan does not say where it sets out {} of the {} contents the law requires of a police and crime plan ({}); run planpress check --statutory for the list, and mark the pages that cover them with \"covers:\"",
        missing.len(),
        crate::parse::kinds::Element::ALL.len(),
        ids.join(", ")
    ))
}

/// Prepares each of `outputs` for `plan`, on every core.
fn prepare(
    outputs: &[&'static dyn Output],
    plan: &Plan,
    env: &Environment,
) -> Result<PreparedOutputs> {
    use rayon::prelude::*;
    outputs
        .par_iter()
        .map(|o| Ok((*o, o.prepare(plan, env)?)))
        .collect()
}

/// What [`write_all`] wrote.
struct Written {
    pages: usize,
    files: usize,
    /// Every download the outputs made, those in the footer first.
    downloads: Vec<Download>,
    /// The size of the search page's index.
    search_index_bytes: Option<usize>,
}

/// Writes the website and every prepared output of `plan` into a staging folder and swaps it
/// into place.
fn write_all(
    opts: &BuildOptions,
    plan: &Plan,
    theme: &Theme,
    comparison: Option<&Comparison>,
    history: &[Published],
    prepared: &[(&'static dyn Output, Box<dyn Prepared>)],
    progress: &Progress,
) -> Result<Written> {
    use rayon::prelude::*;
    let staging = Staging::new(&opts.out)
        .with_context(|| format!("cannot prepare the output folder {}", opts.out.display()))?;
    let sink = Staged {
        staging: &staging,
        files: AtomicUsize::new(0),
        pages: AtomicUsize::new(0),
        progress,
    };
    // What every page's footer links to is known now; the rest once the outputs are written.
    let footer: Vec<Download> = prepared.iter().flat_map(|(_, p)| p.downloads()).collect();
    let ctx = RenderContext {
        plan,
        theme,
        comparison,
        history,
        downloads: &footer,
    };
    progress.stage("Writing pages", website::routes(plan).len());
    let late = Mutex::new(Vec::new());
    let rendered = website::render(&ctx, &sink, || {
        let made: Vec<Vec<Download>> = prepared
            .par_iter()
            .map(|(_, p)| p.write(&ctx, &sink))
            .collect::<Result<_>>()?;
        let made: Vec<Download> = made.into_iter().flatten().collect();
        *late.lock().unwrap_or_else(PoisonError::into_inner) = made.clone();
        Ok(made)
    })?;
    let (pages, files) = (sink.pages.into_inner(), sink.files.into_inner());
    progress.stage("Saving the output folder", 0);
    staging
        .commit()
        .with_context(|| format!("cannot replace the output folder {}", opts.out.display()))?;
    let mut downloads = footer;
    downloads.extend(late.into_inner().unwrap_or_else(PoisonError::into_inner));
    Ok(Written {
        pages,
        files,
        downloads,
        search_index_bytes: rendered.search_index_bytes,
    })
}

/// The build's staging folder as a [`Sink`], counting what goes in.
struct Staged<'a> {
    staging: &'a Staging,
    files: AtomicUsize,
    pages: AtomicUsize,
    progress: &'a Progress,
}

impl Staged<'_> {
    fn count(&self, path: &str) {
        self.files.fetch_add(1, Ordering::Relaxed);
        if path.ends_with(".html") {
            self.pages.fetch_add(1, Ordering::Relaxed);
            self.progress.advance();
        }
    }
}

impl Sink for Staged<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<()> {
        self.staging.write(path, bytes)?;
        self.count(path);
        Ok(())
    }

    fn create(&self, path: &str) -> Result<Box<dyn NewFile + '_>> {
        let file = self.staging.create(path)?;
        self.count(path);
        Ok(Box::new(StagedFile(file)))
    }

    fn keep(&self, path: &str, from: &Path) -> Result<()> {
        self.staging.link(path, from)?;
        self.count(path);
        Ok(())
    }

    fn remember(&self, name: &str, bytes: &[u8]) -> Result<()> {
        Ok(self.staging.keep_state(name, bytes)?)
    }
}

/// A file being written straight into the staging folder.
struct StagedFile(std::fs::File);

impl std::io::Write for StagedFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

impl NewFile for StagedFile {
    fn finish(self: Box<Self>) -> Result<()> {
        Ok(())
    }
}

/// A one-line progress display on standard error, for builds that take more than a second.
///
/// Drawn only when standard error is a terminal, so logs, pipes and tests see nothing; the
/// line is cleared when the build ends, before any error is printed.
struct Progress {
    shared: Option<Arc<ProgressShared>>,
    thread: Option<JoinHandle<()>>,
}

struct ProgressShared {
    /// The current stage and how many pages it will write (0 when it does not count pages).
    stage: Mutex<(&'static str, usize)>,
    /// What a slow output last said of itself, shown after the stage until the next stage.
    detail: Mutex<String>,
    done: AtomicUsize,
    finished: AtomicBool,
    wake: Condvar,
}

/// How long a build runs before its progress is shown.
const PROGRESS_AFTER: Duration = Duration::from_secs(1);

impl Progress {
    fn start() -> Progress {
        let terminal =
            std::io::stderr().is_terminal() && std::env::var_os("TERM").is_none_or(|t| t != "dumb");
        if !terminal {
            return Progress {
                shared: None,
                thread: None,
            };
        }
        let shared = Arc::new(ProgressShared {
            stage: Mutex::new(("Building", 0)),
            detail: Mutex::new(String::new()),
            done: AtomicUsize::new(0),
            finished: AtomicBool::new(false),
            wake: Condvar::new(),
        });
        let theirs = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("planpress-progress".into())
            .spawn(move || theirs.draw_until_finished())
            .ok();
        Progress {
            shared: Some(shared),
            thread,
        }
    }

    /// Names the stage the build is in; `total` is how many pages it writes, if it writes any.
    fn stage(&self, name: &'static str, total: usize) {
        if let Some(s) = &self.shared {
            *s.stage.lock().unwrap_or_else(PoisonError::into_inner) = (name, total);
            s.detail
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clear();
            s.done.store(0, Ordering::Relaxed);
        }
    }

    /// Counts one page written.
    fn advance(&self) {
        if let Some(s) = &self.shared {
            s.done.fetch_add(1, Ordering::Relaxed);
        }
    }
}

impl export::Progress for Progress {
    fn report(&self, what: &str) {
        if let Some(s) = &self.shared {
            *s.detail.lock().unwrap_or_else(PoisonError::into_inner) = what.to_string();
        }
    }
}

impl ProgressShared {
    fn draw_until_finished(&self) {
        let started = Instant::now();
        let mut drawn = false;
        let mut stage = self.stage.lock().unwrap_or_else(PoisonError::into_inner);
        while !self.finished.load(Ordering::Relaxed) {
            stage = self
                .wake
                .wait_timeout(stage, Duration::from_millis(100))
                .unwrap_or_else(PoisonError::into_inner)
                .0;
            if self.finished.load(Ordering::Relaxed) || started.elapsed() < PROGRESS_AFTER {
                continue;
            }
            let (name, total) = *stage;
            let mut line = if total > 0 {
                let done = self.done.load(Ordering::Relaxed).min(total);
                format!("{name}: {done} of {total}")
            } else {
                format!("{name}...")
            };
            let detail = self.detail.lock().unwrap_or_else(PoisonError::into_inner);
            if !detail.is_empty() {
                line.push_str(&format!(" ({detail})"));
            }
            drop(detail);
            eprint!("\r\x1b[2K{line}");
            drawn = true;
        }
        if drawn {
            eprint!("\r\x1b[2K");
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(s) = &self.shared {
            s.finished.store(true, Ordering::Relaxed);
            let _guard = s.stage.lock().unwrap_or_else(PoisonError::into_inner);
            s.wake.notify_all();
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
