//! [`Session`]: a build kept loaded between edits, so the preview rewrites only what an edit
//! changes.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use super::{
    output_summaries, output_warnings, prepare, write_all, BuildOptions, BuildSummary, Progress,
};
use crate::compare::{Comparison, Published};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::export::{website, Download, NewFile, RenderContext, Shelf, Sink};
use crate::load::SourceFile;
use crate::plan::{Plan, PlanCache, Route};
use crate::theme::Theme;

/// A build kept loaded between edits, for the preview: after a file changes, only that file is
/// read and parsed again, only the bodies it affects are checked again, and only the pages
/// that show something from it are rendered again and written over the old ones.
///
/// ```no_run
/// # use planpress::build::{BuildOptions, Session};
/// # fn main() -> anyhow::Result<()> {
/// let mut session = Session::new(BuildOptions::default())?;
/// session.rebuild(&[])?; // the first rebuild builds everything, as `build` does
/// // ... content/victims/01-victims-voice.md is saved ...
/// let changed = [std::path::PathBuf::from("content/victims/01-victims-voice.md")];
/// session.rebuild(&changed)?; // rewrites that page and the pages listing it
/// session.refresh_downloads()?; // then, when there is time, the data files and large print
/// # Ok(())
/// # }
/// ```
///
/// The plan is validated in full on every rebuild, so problems are reported exactly as
/// `planpress build` reports them, and a failed rebuild leaves the output as it was. A change
/// that alters what every page shows (the plan's settings, the glossary, the navigation, the
/// theme) or which pages exist (a file added, removed or renamed) rebuilds everything, as
/// [`build`](super::build()) does. [`Session::rebuild`] leaves the open data files and the
/// large-print edition as they were, with every page's links describing them;
/// [`Session::refresh_downloads`] brings them up to date.
pub struct Session {
    opts: BuildOptions,
    theme: Theme,
    /// The content files as last read, in the order [`crate::load::read_dir`] gives.
    files: Vec<SourceFile>,
    /// The images as last read ([`crate::load::read_images`]).
    images: Vec<crate::load::ImageFile>,
    /// Problems reading the folder, from the last time it was read in full.
    load_problems: Vec<Diagnostic>,
    /// True when the whole folder must be read again before the next rebuild.
    rescan: bool,
    /// True when the next rebuild must write every page.
    everything: bool,
    /// Files whose text changed since the output was last written, by relative path.
    changed: HashSet<String>,
    cache: PlanCache,
    /// What the output folder shows, once something has been written.
    shown: Option<Shown>,
    /// The files the latest rebuild wrote, when it did not write everything.
    last_written: Option<Vec<String>>,
}

/// The plan the output folder was last written from, what it was compared with, and what
/// its pages say about the files made beside them.
struct Shown {
    plan: Plan,
    comparison: Option<Comparison>,
    history: Vec<Published>,
    downloads: Vec<Download>,
}

impl Shown {
    /// What the pages are rendered from.
    fn context<'a>(&'a self, theme: &'a Theme) -> RenderContext<'a> {
        RenderContext {
            plan: &self.plan,
            theme,
            comparison: self.comparison.as_ref(),
            history: &self.history,
            downloads: &self.downloads,
        }
    }
}

impl Session {
    /// A session building `opts.content` into `opts.out`. Nothing is read from the content or
    /// written until the first [`Session::rebuild`]; an error here is about the theme.
    pub fn new(opts: BuildOptions) -> Result<Session> {
        let theme = Theme::load(&opts.themes, &opts.theme)?;
        Ok(Session {
            opts,
            theme,
            files: Vec::new(),
            images: Vec::new(),
            load_problems: Vec::new(),
            rescan: true,
            everything: true,
            changed: HashSet::new(),
            cache: PlanCache::default(),
            shown: None,
            last_written: None,
        })
    }

    /// A session with everything built, as [`build`](super::build()) would.
    pub fn start(opts: BuildOptions) -> Result<Session> {
        let mut session = Session::new(opts)?;
        session.rebuild(&[])?;
        Ok(session)
    }

    /// Brings the output up to date after the files at `changed` were edited, created or
    /// removed (paths as a file watcher gives them: in the content folder or the theme's).
    /// Content problems come back as [`crate::ContentErrors`], exactly as from
    /// [`build`](super::build()), and leave the output as it was. `summary.pages` counts the
    /// pages written.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<BuildSummary> {
        self.rebuild_in_steps(changed, |_| {})
    }

    /// As [`Session::rebuild`], and when the edit shows on other pages too (a priority's
    /// title, say), writes the edited items' own pages first and calls `written` with their
    /// files (paths in the output folder, such as `victims/victims-voice/index.html`) before
    /// writing the others, so a preview can show the page being edited without waiting for
    /// long summary pages. After a successful rebuild, [`Session::last_written`] says what it
    /// wrote in all.
    pub fn rebuild_in_steps(
        &mut self,
        changed: &[PathBuf],
        written: impl FnMut(&[String]),
    ) -> Result<BuildSummary> {
        let start = Instant::now();
        self.last_written = None;
        let result = self.update(changed, written);
        match &result {
            Ok(_) => {
                self.changed.clear();
                self.everything = false;
            }
            Err(e) if e.downcast_ref::<crate::ContentErrors>().is_some() => {}
            Err(_) => {
                // Something failed while the output was being written: it may show some of
                // the new plan and some of the old, so the next rebuild writes everything.
                self.everything = true;
                self.cache.forget_valid();
            }
        }
        Ok(BuildSummary {
            elapsed: start.elapsed(),
            ..result?
        })
    }

    /// The files the latest successful rebuild wrote, as paths in the output folder, or
    /// `None` when it wrote everything (or failed).
    pub fn last_written(&self) -> Option<&[String]> {
        self.last_written.as_deref()
    }

    fn update(
        &mut self,
        changed: &[PathBuf],
        mut written: impl FnMut(&[String]),
    ) -> Result<BuildSummary> {
        self.read_changes(changed)?;
        if let Some(summary) = self.patch(&mut written)? {
            return Ok(summary);
        }
        let mut diags = Diagnostics::new();
        for d in &self.load_problems {
            diags.push(d.clone());
        }
        let plan = Plan::from_files_cached(
            &self.files,
            &self.images,
            &self.opts.content,
            diags,
            &mut self.cache,
        )?
        .published_at(self.opts.base_url.clone());
        let comparison = crate::compare::with_compare_with(&plan)?;
        let history = crate::compare::published_history(&plan)?;
        let routes = match &self.shown {
            Some(shown) if !self.everything => affected(&shown.plan, &plan, &self.changed),
            _ => None,
        };
        match (routes, self.shown.as_mut()) {
            (Some(routes), Some(shown)) => {
                // The old plan is many small allocations: free them off the critical path.
                let old = std::mem::replace(&mut shown.plan, plan);
                std::thread::spawn(move || drop(old));
                shown.comparison = comparison;
                shown.history = history;
                let files = Mutex::new(Vec::new());
                let count = write_routes(shown, &self.theme, &routes, &self.opts.out, &files)?;
                self.last_written =
                    Some(files.into_inner().unwrap_or_else(PoisonError::into_inner));
                Ok(BuildSummary::pages_in_place(count))
            }
            _ => {
                let progress = Progress::start();
                let prepared = prepare(
                    &self.opts.chosen(),
                    &plan,
                    &self.opts.environment(&crate::export::Silent),
                )?;
                let written = write_all(
                    &self.opts,
                    &plan,
                    &self.theme,
                    comparison.as_ref(),
                    &history,
                    &prepared,
                    &progress,
                )?;
                self.cache.prepare_patch(&plan);
                self.shown = Some(Shown {
                    plan,
                    comparison,
                    history,
                    downloads: written.downloads,
                });
                Ok(BuildSummary {
                    pages: written.pages,
                    files: written.files,
                    elapsed: Duration::ZERO,
                    outputs: output_summaries(&prepared),
                    warnings: output_warnings(&prepared),
                    search_index_bytes: written.search_index_bytes,
                })
            }
        }
    }

    /// The quick way, for the usual edit: only priority files' text changed, and the plan
    /// shown was valid. Patches the plan shown ([`PlanCache::patch`]) instead of validating
    /// everything again, then writes the edited pages, calls `written`, and writes the pages
    /// that show the edited priorities elsewhere. `None` when it does not apply or the edit
    /// has problems; the caller then validates in full.
    fn patch(&mut self, written: &mut impl FnMut(&[String])) -> Result<Option<BuildSummary>> {
        let Some(shown) = self.shown.as_mut() else {
            return Ok(None);
        };
        if self.everything || !self.load_problems.is_empty() || self.changed.is_empty() {
            return Ok(None);
        }
        let files: Vec<&SourceFile> = self
            .files
            .iter()
            .filter(|f| self.changed.contains(&f.rel))
            .collect();
        if files.len() != self.changed.len() {
            return Ok(None);
        }
        let Some(olds) = self.cache.patch(&mut shown.plan, &files) else {
            return Ok(None);
        };
        if shown.comparison.is_some() {
            shown.comparison = crate::compare::with_compare_with(&shown.plan)?;
        }
        if shown.history.len() > 1 {
            shown.history = crate::compare::published_history(&shown.plan)?;
        }
        let shown = &*shown;
        let plan = &shown.plan;
        let own: Vec<Route> = olds
            .iter()
            .map(|p| Route::Priority {
                aim: p.aim.clone(),
                id: p.id.clone(),
            })
            .collect();
        let mut others: HashSet<Route> = HashSet::new();
        let mut summaries = false;
        for old in &olds {
            let Some(new) = plan.priorities().find(|p| p.id == old.id) else {
                continue;
            };
            let (before, after) = (shown_elsewhere(old), shown_elsewhere(new));
            if before.is_some() && before == after {
                continue;
            }
            summaries = true;
            others.extend(shown_with(plan, new));
        }
        let out = &self.opts.out;
        let files = Mutex::new(Vec::new());
        let mut count = write_routes(shown, &self.theme, &own, out, &files)?;
        // The search page's index holds every priority's text: it is written after the
        // edited pages, with the pages that show the edited priorities elsewhere.
        let rest: Vec<Route> = website::routes(plan)
            .into_iter()
            .filter(|r| {
                *r == Route::Search
                    || summaries && !own.contains(r) && (others.contains(r) || is_summary(r))
            })
            .collect();
        if !rest.is_empty() {
            written(&files.lock().unwrap_or_else(PoisonError::into_inner));
            count += write_routes(shown, &self.theme, &rest, out, &files)?;
        }
        self.last_written = Some(files.into_inner().unwrap_or_else(PoisonError::into_inner));
        Ok(Some(BuildSummary::pages_in_place(count)))
    }

    /// Remakes every output besides the website (the large-print PDF only when what shapes
    /// it changed) for the plan the output shows, and rewrites the pages that describe them.
    /// Afterwards the output is exactly what [`build`](super::build()) would write.
    pub fn refresh_downloads(&mut self) -> Result<BuildSummary> {
        let start = Instant::now();
        let Some(shown) = self.shown.as_mut() else {
            return self.rebuild(&[]);
        };
        let out = &self.opts.out;
        self.cache.prepare_patch(&shown.plan);
        let prepared = prepare(
            &self.opts.chosen(),
            &shown.plan,
            &self.opts.environment(&crate::export::Silent),
        )?;
        let sink = InPlace {
            out,
            written: Mutex::new(Vec::new()),
        };
        let mut downloads: Vec<Download> =
            prepared.iter().flat_map(|(_, p)| p.downloads()).collect();
        let footer_changed = footer(&downloads) != footer(&shown.downloads);
        let ctx = RenderContext {
            downloads: &downloads,
            ..shown.context(&self.theme)
        };
        let mut late = Vec::new();
        for (_, p) in &prepared {
            late.extend(p.write(&ctx, &sink)?);
        }
        let files = sink
            .written
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
            .len();
        downloads.extend(late);
        shown.downloads = downloads;
        // Every page's footer lists some downloads; only some pages list the others.
        let routes: Vec<Route> = website::routes(&shown.plan)
            .into_iter()
            .filter(|r| footer_changed || website::shows_downloads(r))
            .collect();
        let pages = Mutex::new(Vec::new());
        let written = write_routes(shown, &self.theme, &routes, out, &pages)?;
        self.last_written =
            (!footer_changed).then(|| pages.into_inner().unwrap_or_else(PoisonError::into_inner));
        Ok(BuildSummary {
            pages: written,
            files: written + files,
            elapsed: start.elapsed(),
            outputs: output_summaries(&prepared),
            warnings: output_warnings(&prepared),
            search_index_bytes: None,
        })
    }

    /// Reads what changed: just the edited files when that is safe, else the whole folder.
    fn read_changes(&mut self, changed: &[PathBuf]) -> Result<()> {
        let content = &self.opts.content;
        let theme_dir = self.opts.themes.join(&self.opts.theme);
        let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        let (content_abs, theme_abs) = (absolute(content), absolute(&theme_dir));
        for path in changed {
            let path = absolute(path);
            if path.starts_with(&theme_abs) {
                self.theme = Theme::load(&self.opts.themes, &self.opts.theme)?;
                self.everything = true;
                continue;
            }
            let Ok(within) = path.strip_prefix(&content_abs) else {
                continue;
            };
            // An image changed: every page that shows it, the large print and the data may
            // change with it, and the plan's checks of it: read everything again.
            if within.starts_with(crate::load::IMAGES_FOLDER) {
                self.rescan = true;
                continue;
            }
            if self.rescan || !self.load_problems.is_empty() {
                continue;
            }
            if !could_be_content(&path, within) {
                continue;
            }
            match crate::load::read_one(content, &content.join(within)) {
                Some(Ok(file)) => match self.files.iter_mut().find(|f| f.rel == file.rel) {
                    Some(old) => {
                        if old.text != file.text {
                            self.changed.insert(file.rel.clone());
                            *old = file;
                        }
                    }
                    None => self.rescan = true,
                },
                // Added, removed, unreadable, or not a plain file: read everything again.
                _ => self.rescan = true,
            }
        }
        if self.rescan || !self.load_problems.is_empty() {
            let mut diags = Diagnostics::new();
            let files = crate::load::read_dir(content, &mut diags);
            let before: HashMap<&str, &str> = self
                .files
                .iter()
                .map(|f| (f.rel.as_str(), f.text.as_str()))
                .collect();
            if files.len() != before.len()
                || files.iter().any(|f| !before.contains_key(f.rel.as_str()))
            {
                self.everything = true;
            }
            for f in &files {
                if before.get(f.rel.as_str()) != Some(&f.text.as_str()) {
                    self.changed.insert(f.rel.clone());
                }
            }
            self.files = files;
            self.load_problems = diags.into_sorted();
            let images = crate::load::read_images(content);
            if images != self.images {
                self.images = images;
                self.everything = true;
            }
            self.rescan = false;
        }
        Ok(())
    }
}

/// False for paths that reading the folder ignores whatever they are: hidden files and files
/// that are not Markdown (an editor's backup and swap files). A path without an extension may
/// have been a folder, so it counts.
fn could_be_content(path: &Path, within: &Path) -> bool {
    let hidden = within
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    let ext = path.extension().map(|e| e.to_string_lossy().to_string());
    !hidden && (ext.as_deref() == Some("md") || ext.is_none() || path.is_dir())
}

/// The pages to write again after the files in `changed` went from `old` to `new`, or `None`
/// when every page must be (the set of pages, the navigation or what every page shows
/// changed). A change to a priority's or page's text alone shows only on its own page, the
/// common case while writing. Otherwise, besides the pages of the changed items themselves:
/// an aim's page and the home page list its priorities; a priority's neighbours name it in
/// their previous and next links; statements and priorities name each other; and the
/// summary pages (home, glossary, performance, national priorities, delivery, accessibility,
/// not found) are written. The search page, whose index holds every item's text, is written
/// after every edit.
fn affected(old: &Plan, new: &Plan, changed: &HashSet<String>) -> Option<Vec<Route>> {
    let flat: Vec<&crate::plan::Priority> = new.priorities().collect();
    let priority_route = |p: &crate::plan::Priority| Route::Priority {
        aim: p.aim.clone(),
        id: p.id.clone(),
    };
    let mut wanted: HashSet<Route> = HashSet::new();
    let mut summaries = false;
    for rel in changed {
        if rel == "_index.md" || rel.starts_with("glossary/") {
            return None;
        }
        if let Some(page) = new.pages.iter().find(|p| &p.origin.file == rel) {
            let before = old.pages.iter().find(|p| p.id == page.id)?;
            // The "About this plan" page lists pages by title and by what they cover.
            if (&before.title, before.order, &before.covers)
                != (&page.title, page.order, &page.covers)
            {
                return None;
            }
            wanted.insert(Route::Page(page.id.clone()));
        } else if let Some(aim) = new.aims.iter().find(|a| &a.origin.file == rel) {
            summaries = true;
            let before = old.aims.iter().find(|a| a.id == aim.id)?;
            if (&before.title, before.order, &before.covers) != (&aim.title, aim.order, &aim.covers)
            {
                return None;
            }
            wanted.insert(Route::Aim(aim.id.clone()));
        } else if let Some(p) = flat.iter().find(|p| &p.origin.file == rel) {
            wanted.insert(priority_route(p));
            let before = old.priorities().find(|q| q.id == p.id)?;
            if shown_elsewhere(before)? == shown_elsewhere(p)? {
                continue;
            }
            summaries = true;
            wanted.extend(shown_with(new, p));
        } else if let Some(s) = new.statements.iter().find(|s| &s.origin.file == rel) {
            summaries = true;
            wanted.insert(Route::Statement(s.id.clone()));
            let before = old.statements.iter().find(|b| b.id == s.id)?;
            for id in s.priorities.iter().chain(&before.priorities) {
                if let Some(p) = flat.iter().find(|p| &p.id == id) {
                    wanted.insert(priority_route(p));
                }
            }
        } else {
            return None;
        }
    }
    // The search page and its index hold every item's title and text.
    wanted.insert(Route::Search);
    let routes = website::routes(new);
    if summaries && website::routes(old) != routes {
        return None;
    }
    Some(
        routes
            .into_iter()
            .filter(|r| wanted.contains(r) || summaries && is_summary(r))
            .collect(),
    )
}

/// The pages besides its own that show something of priority `p`: its aim's, its neighbours'
/// (their previous and next links name it) and the statements' that name it.
fn shown_with(plan: &Plan, p: &crate::plan::Priority) -> Vec<Route> {
    let flat: Vec<&crate::plan::Priority> = plan.priorities().collect();
    let route = |p: &crate::plan::Priority| Route::Priority {
        aim: p.aim.clone(),
        id: p.id.clone(),
    };
    let mut routes = vec![Route::Aim(p.aim.clone())];
    if let Some(at) = flat.iter().position(|q| q.id == p.id) {
        for q in [at.checked_sub(1), Some(at + 1)]
            .into_iter()
            .flatten()
            .filter_map(|i| flat.get(i))
        {
            routes.push(route(q));
        }
    }
    for s in plan
        .statements
        .iter()
        .filter(|s| s.priorities.contains(&p.id))
    {
        routes.push(Route::Statement(s.id.clone()));
    }
    routes
}

/// The pages that summarise the whole plan (home, glossary, performance, national
/// priorities, delivery, accessibility, not found), as opposed to one item's page.
fn is_summary(route: &Route) -> bool {
    !matches!(
        route,
        Route::Aim(_) | Route::Priority { .. } | Route::Statement(_) | Route::Page(_)
    )
}

/// The downloads every page's footer lists.
fn footer(downloads: &[Download]) -> Vec<&Download> {
    downloads.iter().filter(|d| d.on(Shelf::Footer)).collect()
}

/// Writes the pages at `routes` of the plan `shown` over those in `out`, with what the output
/// shows of the downloads, adding each file written to `files`; returns how many pages were
/// written.
fn write_routes(
    shown: &Shown,
    theme: &Theme,
    routes: &[Route],
    out: &Path,
    files: &Mutex<Vec<String>>,
) -> Result<usize> {
    let sink = InPlace {
        out,
        written: Mutex::new(Vec::new()),
    };
    let count = website::render_routes(&shown.context(theme), routes, &sink)?;
    let written = sink
        .written
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner);
    remove_old_search_indexes(out, &written)?;
    // Pages only: the search index is a file beside its page.
    let pages = count - written.iter().filter(|w| !w.ends_with(".html")).count();
    files
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .extend(written);
    Ok(pages)
}

/// Removes the search indexes an earlier build left in `out` once a new one is among
/// `written`: each is named by its content, so a rebuild in place would otherwise keep them
/// all.
fn remove_old_search_indexes(out: &Path, written: &[String]) -> Result<()> {
    let prefix = format!("{}search-index.", Route::Search.path());
    let Some(new) = written.iter().find(|w| w.starts_with(&prefix)) else {
        return Ok(());
    };
    let folder = out.join(Route::Search.path());
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = format!("{}{name}", Route::Search.path());
        if rel.starts_with(&prefix) && name.ends_with(".js") && &rel != new {
            std::fs::remove_file(entry.path())
                .with_context(|| format!("cannot remove {}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// The preview's output folder as a [`Sink`]: each file written over the one there, through
/// a temporary file renamed into place, so a page being served is never half written.
struct InPlace<'a> {
    out: &'a Path,
    /// The paths written, in the order they were.
    written: Mutex<Vec<String>>,
}

impl InPlace<'_> {
    fn wrote(&self, path: &str) {
        self.written
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(path.to_string());
    }
}

impl Sink for InPlace<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<()> {
        write_in_place(self.out, path, bytes)?;
        self.wrote(path);
        Ok(())
    }

    fn create(&self, path: &str) -> Result<Box<dyn NewFile + '_>> {
        let (tmp, dest) = temporary_beside(self.out, path)?;
        let file = std::fs::File::create(&tmp)
            .with_context(|| format!("cannot write {}", dest.display()))?;
        self.wrote(path);
        Ok(Box::new(RenamedIntoPlace { file, tmp, dest }))
    }

    fn keep(&self, path: &str, from: &Path) -> Result<()> {
        let (tmp, dest) = temporary_beside(self.out, path)?;
        if std::path::absolute(from).ok() != std::path::absolute(&dest).ok() {
            std::fs::copy(from, &tmp)
                .and_then(|_| std::fs::rename(&tmp, &dest))
                .with_context(|| format!("cannot write {}", dest.display()))?;
        }
        self.wrote(path);
        Ok(())
    }

    fn remember(&self, name: &str, bytes: &[u8]) -> Result<()> {
        // Called after the files it describes are written, so a state that cannot be saved
        // leaves an older one naming other files, which the next build does not trust.
        crate::write::keep_state_of(self.out, name, bytes)
            .with_context(|| format!("cannot keep what the next build needs to know ({name})"))
    }
}

/// A file written beside its place in the preview's output folder, renamed into place when
/// finished (and removed if it never is).
struct RenamedIntoPlace {
    file: std::fs::File,
    tmp: PathBuf,
    dest: PathBuf,
}

impl std::io::Write for RenamedIntoPlace {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

impl NewFile for RenamedIntoPlace {
    fn finish(self: Box<Self>) -> Result<()> {
        std::fs::rename(&self.tmp, &self.dest)
            .with_context(|| format!("cannot write {}", self.dest.display()))
    }
}

impl Drop for RenamedIntoPlace {
    fn drop(&mut self) {
        // Renamed already when finished; otherwise this clears the half-written file.
        let _ = std::fs::remove_file(&self.tmp);
    }
}

/// Everything about a priority that pages other than its own may show: all of it but its
/// text (and where it came from). As data, so that a field added later is compared too.
fn shown_elsewhere(p: &crate::plan::Priority) -> Option<serde_json::Value> {
    let mut value = serde_json::to_value(p).ok()?;
    let fields = value.as_object_mut()?;
    fields.remove("body");
    fields.remove("origin");
    Some(value)
}

/// The place of `rel` in the output folder `out` (its folder made) and a temporary name
/// beside it, refusing any path that would leave the folder.
fn temporary_beside(out: &Path, rel: &str) -> Result<(PathBuf, PathBuf)> {
    let within = Path::new(rel);
    if rel.is_empty()
        || within
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
    {
        anyhow::bail!("refusing to write outside the output folder: {rel:?}");
    }
    let path = out.join(within);
    let parent = path.parent().unwrap_or(out);
    std::fs::create_dir_all(parent)
        .with_context(|| format!("cannot create {}", parent.display()))?;
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().to_string());
    let tmp = parent.join(format!(".{name}.planpress-{}", std::process::id()));
    Ok((tmp, path))
}

/// Writes one file over the one in the output folder, through a temporary file renamed into
/// place, so a page being served is never half written.
fn write_in_place(out: &Path, rel: &str, bytes: &[u8]) -> Result<()> {
    let (tmp, path) = temporary_beside(out, rel)?;
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, &path))
        .with_context(|| format!("cannot write {}", path.display()))
}
