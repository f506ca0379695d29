//! `planpress build`: validate the plan, render every output, and swap them into place.
//!
//! Pages are rendered on every core and each is written into the staging folder by the
//! thread that made it, so memory holds a page per thread rather than the whole site. The
//! large-print PDF is the slowest output by far, so it is typeset only when what shapes it has
//! changed: the previous output's PDF is reused when a record beside it shows it was made
//! from the same document by the same code (see [`LARGE_PRINT_KEY_PATH`]). Builds that take
//! more than a second show their progress on a terminal. [`Session`] keeps a build loaded so
//! that the preview rewrites only what an edit changes. docs/performance.md has the numbers.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::export::{data, large_print, website};
use crate::load::SourceFile;
use crate::plan::{Plan, PlanCache, Route};
use crate::theme::Theme;
use crate::write::{Staging, MARKER};

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
    /// Whether to make the large-print edition (the PDF and its web page). On by default;
    /// `planpress build --no-large-print` turns it off for quick builds of very large plans.
    pub large_print: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            content: PathBuf::from("content"),
            out: PathBuf::from("public"),
            themes: PathBuf::from("themes"),
            theme: "default".to_string(),
            base_url: None,
            large_print: true,
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
    /// Pages in the large-print PDF.
    pub large_print_pages: usize,
    /// Time spent typesetting the large-print PDF (part of `elapsed`).
    pub large_print_elapsed: Duration,
    /// True when the previous output's PDF was reused because nothing that shapes it changed.
    pub large_print_reused: bool,
}

/// Loads and validates the plan at `opts.content`, applying option overrides.
pub fn load(opts: &BuildOptions) -> Result<Plan> {
    let mut plan = Plan::from_dir(&opts.content)?;
    if let Some(url) = &opts.base_url {
        plan.meta.base_url = Some(url.clone());
    }
    Ok(plan)
}

/// Builds the site. Content problems come back as [`crate::ContentErrors`] inside the error;
/// on any failure the previous output folder is left untouched.
pub fn build(opts: &BuildOptions) -> Result<BuildSummary> {
    let start = Instant::now();
    let progress = Progress::start();
    progress.stage("Reading and checking the content", 0);
    // Compiling the theme's templates takes as long as reading a small plan and checking its
    // large-print PDF is current: do them at once.
    let (loaded, theme) = rayon::join(
        || -> Result<(Plan, Option<LargePrintPdf>)> {
            let plan = load(opts)?;
            let pdf = large_print_for(opts, &plan, &progress)?;
            Ok((plan, pdf))
        },
        || Theme::load(&opts.themes, &opts.theme),
    );
    let ((plan, pdf), theme) = (loaded?, theme?);
    let written = write_all(opts, &plan, &theme, pdf, &progress)?;
    Ok(BuildSummary {
        elapsed: start.elapsed(),
        ..written.summary
    })
}

/// What [`write_all`] made, besides its files.
struct Written {
    summary: BuildSummary,
    /// What the pages say about the large-print PDF.
    large_print: Option<large_print::LargePrintLink>,
    /// What the pages say about the open data files.
    data: Option<data::DataLinks>,
}

/// The large-print PDF for `plan`, when `opts` asks for the edition: typeset, or reused from
/// the output folder when what shapes it is unchanged.
fn large_print_for(
    opts: &BuildOptions,
    plan: &Plan,
    progress: &Progress,
) -> Result<Option<LargePrintPdf>> {
    if !opts.large_print {
        return Ok(None);
    }
    progress.stage("Typesetting the large-print PDF", 0);
    let start = Instant::now();
    let mut pdf = large_print_pdf(plan, &large_print_options(plan)?, &opts.out)?;
    pdf.elapsed = start.elapsed();
    Ok(Some(pdf))
}

/// Writes every output of `plan` into a staging folder and swaps it into place; `pdf` is the
/// large-print PDF from [`large_print_for`].
fn write_all(
    opts: &BuildOptions,
    plan: &Plan,
    theme: &Theme,
    pdf: Option<LargePrintPdf>,
    progress: &Progress,
) -> Result<Written> {
    let start = Instant::now();
    let staging = Staging::new(&opts.out)
        .with_context(|| format!("cannot prepare the output folder {}", opts.out.display()))?;
    let files = AtomicUsize::new(0);
    let pages = AtomicUsize::new(0);
    let write = |path: &str, bytes: &[u8]| -> Result<()> {
        staging.write(path, bytes)?;
        files.fetch_add(1, Ordering::Relaxed);
        if path.ends_with(".html") {
            pages.fetch_add(1, Ordering::Relaxed);
            progress.advance();
        }
        Ok(())
    };

    // The large-print PDF is settled first, because every page's footer gives its page count
    // and size.
    let lp_opts = large_print_options(plan)?;
    let link = pdf
        .as_ref()
        .map(|p| large_print::LargePrintLink::new(p.pages, p.bytes.len()));

    // The open data files are made on one core while the pages are rendered on the others;
    // the pages that give the data files' sizes are rendered once they are known. The files
    // stream straight to disk: a big plan's JSON is several times the size of its content.
    // The large-print web page is one more task for whichever core is free.
    progress.stage("Writing pages", website::routes(plan).len());
    let export = || -> Result<(data::DataLinks, Option<data::DataLinks>)> {
        let links = data::write_to(plan, staging.path())?;
        let written = std::fs::read_dir(staging.path().join("data"))?.count();
        files.fetch_add(written, Ordering::Relaxed);
        Ok((links.clone(), Some(links)))
    };
    let (site, large_print_page) = rayon::join(
        || website::render_site_alongside(plan, theme, link.as_ref(), export, write),
        || match (&pdf, &link) {
            (Some(pdf), Some(link)) => write_large_print(plan, theme, &lp_opts, pdf, link, &write),
            _ => Ok(()),
        },
    );
    let (data_links, _) = site?;
    large_print_page?;
    progress.stage("Saving the output folder", 0);
    staging
        .commit()
        .with_context(|| format!("cannot replace the output folder {}", opts.out.display()))?;
    Ok(Written {
        summary: BuildSummary {
            pages: pages.into_inner(),
            files: files.into_inner(),
            elapsed: start.elapsed(),
            large_print_pages: pdf.as_ref().map_or(0, |p| p.pages),
            large_print_elapsed: pdf.as_ref().map_or(Duration::ZERO, |p| p.elapsed),
            large_print_reused: pdf.as_ref().is_some_and(|p| p.reused),
        },
        large_print: link,
        data: Some(data_links),
    })
}

/// The large-print edition `planpress build` publishes: the recommended size, with the
/// performance statements.
fn large_print_options(plan: &Plan) -> Result<large_print::Options> {
    Ok(large_print::Options::new(large_print::DEFAULT_SIZE)?
        .with_performance(true)
        .with_base_url(plan.meta.base_url.clone()))
}

/// Writes the large-print web page, the PDF and the record of what the PDF was made from.
fn write_large_print(
    plan: &Plan,
    theme: &Theme,
    opts: &large_print::Options,
    pdf: &LargePrintPdf,
    link: &large_print::LargePrintLink,
    write: &impl Fn(&str, &[u8]) -> Result<()>,
) -> Result<()> {
    let html = large_print::html_page(
        plan,
        theme,
        opts,
        &large_print::HtmlTarget::Site(Some(link.clone())),
    )?;
    write(large_print::HTML_PATH, html.as_bytes())?;
    write(large_print::PDF_PATH, &pdf.bytes)?;
    write(LARGE_PRINT_KEY_PATH, pdf.record().as_bytes())
}

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
/// [`build`] does. [`Session::rebuild`] leaves the open data files and the large-print
/// edition as they were, with every page's links describing them;
/// [`Session::refresh_downloads`] brings them up to date.
pub struct Session {
    opts: BuildOptions,
    theme: Theme,
    /// The content files as last read, in the order [`crate::load::read_dir`] gives.
    files: Vec<SourceFile>,
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
}

/// The plan the output folder was last written from, and what its pages say about the files
/// made beside them.
struct Shown {
    plan: Plan,
    large_print: Option<large_print::LargePrintLink>,
    data: Option<data::DataLinks>,
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
            load_problems: Vec::new(),
            rescan: true,
            everything: true,
            changed: HashSet::new(),
            cache: PlanCache::default(),
            shown: None,
        })
    }

    /// A session with everything built, as [`build`] would.
    pub fn start(opts: BuildOptions) -> Result<Session> {
        let mut session = Session::new(opts)?;
        session.rebuild(&[])?;
        Ok(session)
    }

    /// Brings the output up to date after the files at `changed` were edited, created or
    /// removed (paths as a file watcher gives them: in the content folder or the theme's).
    /// Content problems come back as [`crate::ContentErrors`], exactly as from [`build`],
    /// and leave the output as it was. `summary.pages` counts the pages written.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<BuildSummary> {
        let start = Instant::now();
        self.read_changes(changed)?;
        let mut diags = Diagnostics::new();
        for d in &self.load_problems {
            diags.push(d.clone());
        }
        let mut plan =
            Plan::from_files_cached(&self.files, &self.opts.content, diags, &mut self.cache)?;
        if let Some(url) = &self.opts.base_url {
            plan.meta.base_url = Some(url.clone());
        }
        let routes = match &self.shown {
            Some(shown) if !self.everything => affected(&shown.plan, &plan, &self.changed),
            _ => None,
        };
        let summary = match (routes, self.shown.as_mut()) {
            (Some(routes), Some(shown)) => {
                let out = &self.opts.out;
                let written = website::render_routes_to(
                    &plan,
                    &self.theme,
                    shown.large_print.as_ref(),
                    shown.data.as_ref(),
                    &routes,
                    |path, bytes| write_in_place(out, path, bytes),
                )?;
                // The old plan is many small allocations: free them off the critical path.
                let old = std::mem::replace(&mut shown.plan, plan);
                std::thread::spawn(move || drop(old));
                BuildSummary {
                    pages: written,
                    files: written,
                    elapsed: start.elapsed(),
                    large_print_pages: 0,
                    large_print_elapsed: Duration::ZERO,
                    large_print_reused: false,
                }
            }
            _ => {
                let progress = Progress::start();
                let pdf = large_print_for(&self.opts, &plan, &progress)?;
                let written = write_all(&self.opts, &plan, &self.theme, pdf, &progress)?;
                self.shown = Some(Shown {
                    plan,
                    large_print: written.large_print,
                    data: written.data,
                });
                written.summary
            }
        };
        self.changed.clear();
        self.everything = false;
        Ok(BuildSummary {
            elapsed: start.elapsed(),
            ..summary
        })
    }

    /// Remakes the open data files and the large-print edition (the PDF only when what shapes
    /// it changed) for the plan the output shows, and rewrites the pages that describe them.
    /// Afterwards the output is exactly what [`build`] would write.
    pub fn refresh_downloads(&mut self) -> Result<BuildSummary> {
        let start = Instant::now();
        let Some(shown) = self.shown.as_mut() else {
            return self.rebuild(&[]);
        };
        let out = &self.opts.out;
        let write = |path: &str, bytes: &[u8]| write_in_place(out, path, bytes);
        let plan = &shown.plan;
        // Written beside the output, then each file renamed into place.
        let beside = out.join(format!(".planpress-data-{}", std::process::id()));
        let links = data::write_to(plan, &beside)?;
        let mut data_files = 0;
        for entry in std::fs::read_dir(beside.join("data"))? {
            let entry = entry?;
            std::fs::create_dir_all(out.join("data"))?;
            std::fs::rename(entry.path(), out.join("data").join(entry.file_name()))?;
            data_files += 1;
        }
        let _ = std::fs::remove_dir_all(&beside);
        let mut large_print_pages = 0;
        let mut large_print_reused = false;
        let link = if self.opts.large_print {
            let lp_opts = large_print_options(plan)?;
            let pdf = large_print_pdf(plan, &lp_opts, out)?;
            let link = large_print::LargePrintLink::new(pdf.pages, pdf.bytes.len());
            write_large_print(plan, &self.theme, &lp_opts, &pdf, &link, &write)?;
            large_print_pages = pdf.pages;
            large_print_reused = pdf.reused;
            Some(link)
        } else {
            None
        };
        // Every page's footer describes the PDF; only some pages list the data files.
        let routes: Vec<Route> = website::routes(plan)
            .into_iter()
            .filter(|r| link != shown.large_print || website::shows_downloads(r))
            .collect();
        let written = website::render_routes_to(
            plan,
            &self.theme,
            link.as_ref(),
            Some(&links),
            &routes,
            write,
        )?;
        shown.large_print = link;
        shown.data = Some(links);
        Ok(BuildSummary {
            pages: written,
            files: written + data_files,
            elapsed: start.elapsed(),
            large_print_pages,
            large_print_elapsed: Duration::ZERO,
            large_print_reused,
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
/// not found) are written.
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
            if (&before.title, before.order) != (&page.title, page.order) {
                return None;
            }
            wanted.insert(Route::Page(page.id.clone()));
        } else if let Some(aim) = new.aims.iter().find(|a| &a.origin.file == rel) {
            summaries = true;
            let before = old.aims.iter().find(|a| a.id == aim.id)?;
            if (&before.title, before.order) != (&aim.title, aim.order) {
                return None;
            }
            wanted.insert(Route::Aim(aim.id.clone()));
        } else if let Some(at) = flat.iter().position(|p| &p.origin.file == rel) {
            let p = flat[at];
            wanted.insert(priority_route(p));
            let before = old.priorities().find(|q| q.id == p.id)?;
            if shown_elsewhere(before)? == shown_elsewhere(p)? {
                continue;
            }
            summaries = true;
            wanted.insert(Route::Aim(p.aim.clone()));
            for q in [at.checked_sub(1), Some(at + 1)]
                .into_iter()
                .flatten()
                .filter_map(|i| flat.get(i))
            {
                wanted.insert(priority_route(q));
            }
            for s in new
                .statements
                .iter()
                .filter(|s| s.priorities.contains(&p.id))
            {
                wanted.insert(Route::Statement(s.id.clone()));
            }
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
    let routes = website::routes(new);
    if summaries && website::routes(old) != routes {
        return None;
    }
    Some(
        routes
            .into_iter()
            .filter(|r| {
                wanted.contains(r)
                    || summaries
                        && !matches!(
                            r,
                            Route::Aim(_)
                                | Route::Priority { .. }
                                | Route::Statement(_)
                                | Route::Page(_)
                        )
            })
            .collect(),
    )
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

/// Writes one file over the one in the output folder, through a temporary file renamed into
/// place, so a page being served is never half written.
fn write_in_place(out: &Path, rel: &str, bytes: &[u8]) -> Result<()> {
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
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, &path))
        .with_context(|| format!("cannot write {}", path.display()))
}

/// The record written beside the large-print PDF in the output folder: what the PDF was made
/// from (a hash of its Typst source, publication date, planpress version and fonts), a hash of
/// the PDF itself, and its page count. The next build reuses the PDF when the first hash is
/// unchanged and the second still matches the file.
pub const LARGE_PRINT_KEY_PATH: &str = ".large-print.pdf.key";

/// Raise this when the same document would give a different PDF in a way the code below does
/// not show (a new Typst), so no older PDF is reused.
const LARGE_PRINT_CACHE_VERSION: u32 = 1;

/// The code that turns the large-print document into a PDF: part of what the cached PDF was
/// made from, so that changing it (during development, between releases) typesets again.
const LARGE_PRINT_CODE: [&str; 3] = [
    include_str!("export/large_print/mod.rs"),
    include_str!("export/large_print/markup.rs"),
    include_str!("export/large_print/world.rs"),
];

/// The large-print PDF for this build, typeset now or reused from the previous output.
struct LargePrintPdf {
    bytes: Vec<u8>,
    pages: usize,
    /// The hash of everything that shapes the PDF.
    inputs: String,
    reused: bool,
    /// How long typesetting or checking the previous PDF took.
    elapsed: Duration,
}

impl LargePrintPdf {
    /// The text of [`LARGE_PRINT_KEY_PATH`] for this PDF.
    fn record(&self) -> String {
        format!(
            "inputs {}\npdf {:016x}\npages {}\n",
            self.inputs,
            fnv1a(&[&self.bytes]),
            self.pages
        )
    }
}

/// Typesets the large-print PDF, or reuses the one in `previous_out` when it was made from the
/// same inputs. Either way the bytes are the same.
fn large_print_pdf(
    plan: &Plan,
    opts: &large_print::Options,
    previous_out: &Path,
) -> Result<LargePrintPdf> {
    // The PDF is the Typst source compiled; the source is the edition's document written out
    // by the markup code. So the document, the options and that code (and what compiles the
    // source: the fonts, planpress's version) decide the PDF, and hashing them is several
    // times quicker than writing the source out.
    let doc = large_print::document::build(plan, opts.with_performance);
    let mut hash = Fnv1a::default();
    let _ = write!(
        hash,
        "planpress {} large print {LARGE_PRINT_CACHE_VERSION}\npublished {}\nfonts {} {}\n{opts:?}\n{doc:?}",
        env!("CARGO_PKG_VERSION"),
        plan.meta.published,
        large_print::world::FONT_REGULAR.len(),
        large_print::world::FONT_BOLD.len(),
    );
    for code in LARGE_PRINT_CODE {
        let _ = hash.write_str(code);
    }
    let inputs = format!("{:016x}", hash.0);
    if let Some(pdf) = previous_large_print(previous_out, &inputs) {
        return Ok(pdf);
    }
    let pdf = large_print::pdf(plan, opts)?;
    Ok(LargePrintPdf {
        bytes: pdf.bytes,
        pages: pdf.pages,
        inputs,
        reused: false,
        elapsed: Duration::ZERO,
    })
}

/// The previous output's PDF, if it was made from `inputs` and is intact.
fn previous_large_print(out: &Path, inputs: &str) -> Option<LargePrintPdf> {
    if !out.join(MARKER).is_file() {
        return None;
    }
    let record = std::fs::read_to_string(out.join(LARGE_PRINT_KEY_PATH)).ok()?;
    let field = |name: &str| {
        record
            .lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
            .map(str::to_string)
    };
    if field("inputs")? != inputs {
        return None;
    }
    let pages: usize = field("pages")?.parse().ok()?;
    let bytes = std::fs::read(out.join(large_print::PDF_PATH)).ok()?;
    if field("pdf")? != format!("{:016x}", fnv1a(&[&bytes])) {
        return None;
    }
    Some(LargePrintPdf {
        bytes,
        pages,
        inputs: inputs.to_string(),
        reused: true,
        elapsed: Duration::ZERO,
    })
}

/// 64-bit FNV-1a over the parts in turn: stable across runs, machines and Rust versions,
/// which the standard library's hasher does not promise.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash = Fnv1a::default();
    for part in parts {
        hash.add(part);
    }
    hash.0
}

/// FNV-1a, fed as text is written to it (so a document can be hashed as it is formatted,
/// without holding the text).
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

impl std::fmt::Write for Fnv1a {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.add(s.as_bytes());
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
            let line = if total > 0 {
                let done = self.done.load(Ordering::Relaxed).min(total);
                format!("{name}: {done} of {total}")
            } else {
                format!("{name}...")
            };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        assert_eq!(fnv1a(&[b""]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(&[b"a"]), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(&[b"foo", b"bar"]), fnv1a(&[b"foobar"]));
    }
}
