//! `planpress build`: validate the plan, render every output, and swap them into place.
//!
//! A build without the large-print edition checks the Markdown bodies while rendering them, so
//! that each is parsed once: the plan is loaded with [`Plan::from_dir_checking_bodies_later`],
//! and the output is saved only once the [`BodyCheck`] has passed. A failed check leaves the
//! previous output as it was, like any other failure.
//!
//! Pages are rendered on every core and each is written into the staging folder by the
//! thread that made it, so memory holds a page per thread rather than the whole site. The
//! large-print PDF is the slowest output by far, so it is typeset only when what shapes it has
//! changed: the previous output's PDF is reused when a record beside it shows it was made
//! from the same document by the same code (see [`LARGE_PRINT_KEY_PATH`]). Builds that take
//! more than a second show their progress on a terminal. [`Session`] keeps a build loaded so
//! that the preview rewrites only what an edit changes. docs/performance.md has the numbers.

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::export::large_print::typeset::Typesetter;
use crate::export::{data, large_print, website};
use crate::plan::{BodyCheck, Plan};
use crate::theme::Theme;
use crate::write::{Staging, MARKER};

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
    /// Whether to make the large-print edition (the PDF and its web page). On by default;
    /// `planpress build --no-large-print` turns it off for quick builds of very large plans.
    pub large_print: bool,
    /// Who typesets the large-print PDF when it cannot be reused: by default the
    /// `planpress-typeset` program beside this one (see [`large_print::typeset`]).
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
            large_print: true,
            typesetter: Typesetter::program(),
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

impl BuildSummary {
    /// `count` pages rewritten in place by a preview rebuild, nothing else made; the caller
    /// sets `elapsed`.
    fn pages_in_place(count: usize) -> BuildSummary {
        BuildSummary {
            pages: count,
            files: count,
            elapsed: Duration::ZERO,
            large_print_pages: 0,
            large_print_elapsed: Duration::ZERO,
            large_print_reused: false,
        }
    }
}

/// Loads and validates the plan at `opts.content`, applying option overrides.
pub fn load(opts: &BuildOptions) -> Result<Plan> {
    let mut plan = Plan::from_dir(&opts.content)?;
    apply_overrides(opts, &mut plan);
    Ok(plan)
}

/// Loads the plan for [`build`]. Without the large-print edition, the Markdown bodies are left
/// to check as the pages render them (each is then parsed once, not twice): the returned
/// [`BodyCheck`] must pass before the output is saved. The large-print PDF is typeset before
/// any page is rendered, and it must never see a body that has not been checked, so with the
/// edition the plan is checked in full first.
fn load_for_build(opts: &BuildOptions) -> Result<(Plan, Option<BodyCheck>)> {
    if opts.large_print {
        return Ok((load(opts)?, None));
    }
    let (mut plan, check) = Plan::from_dir_checking_bodies_later(&opts.content)?;
    apply_overrides(opts, &mut plan);
    Ok((plan, Some(check)))
}

/// Applies the build options that override what the plan says.
fn apply_overrides(opts: &BuildOptions, plan: &mut Plan) {
    if let Some(url) = &opts.base_url {
        plan.meta.base_url = Some(url.clone());
    }
}

/// Builds the site. Content problems come back as [`crate::ContentErrors`] inside the error;
/// on any failure the previous output folder is left untouched.
pub fn build(opts: &BuildOptions) -> Result<BuildSummary> {
    let start = Instant::now();
    let progress = Progress::start();
    progress.stage("Reading and checking the content", 0);
    // Compiling the theme's templates takes as long as reading a small plan and checking its
    // large-print PDF is current: do them at once.
    // The previous output's PDF is read and checked against its record meanwhile: it does
    // not depend on the plan, only whether it can be reused does.
    let (loaded, theme) = rayon::join(
        || -> Result<(Plan, Option<BodyCheck>, Option<LargePrintPdf>)> {
            let (plan, previous) =
                rayon::join(|| load_for_build(opts), || PreviousPdf::for_build(opts));
            let (mut plan, bodies) = plan?;
            forget_front_matter_text(&mut plan);
            let pdf = large_print_for(opts, &plan, previous, &progress)?;
            Ok((plan, bodies, pdf))
        },
        || Theme::load(&opts.themes, &opts.theme),
    );
    let ((plan, bodies, pdf), theme) = (loaded?, theme?);
    let written = write_all(opts, &plan, &theme, pdf, bodies, &progress)?;
    // Freeing a big plan's hundreds of thousands of allocations is the last thing a build
    // would wait for (15 ms at 10,000 pages), and nothing depends on it: free them on a
    // thread of their own. If the process exits first, the memory goes back all the same;
    // if no thread can be started, the refused closure frees them here.
    let _ = std::thread::Builder::new().spawn(move || drop((plan, theme)));
    Ok(BuildSummary {
        elapsed: start.elapsed(),
        ..written.summary
    })
}

/// Frees the front matter text each priority keeps for pointing messages at lines. A
/// one-shot build has reported every problem by the time the plan is valid, and no output
/// reads that text; in a large plan it is about a tenth of the memory the model holds (1.6 KB
/// of a 6 KB priority file). [`Session`] keeps it, because a later edit can report a problem
/// that points into another, unchanged file.
fn forget_front_matter_text(plan: &mut Plan) {
    for aim in &mut plan.aims {
        for priority in &mut aim.priorities {
            priority.origin.front = String::new();
        }
    }
}

/// What [`write_all`] made, besides its files.
struct Written {
    summary: BuildSummary,
    /// What the pages say about the large-print PDF.
    large_print: Option<large_print::LargePrintLink>,
    /// What the pages say about the open data files.
    data: Option<data::DataLinks>,
}

/// The large-print PDF for `plan`, when `opts` asks for the edition: typeset, or `previous`
/// (the output folder's, from [`PreviousPdf::read`]) when what shapes it is unchanged.
fn large_print_for(
    opts: &BuildOptions,
    plan: &Plan,
    previous: Option<PreviousPdf>,
    progress: &Progress,
) -> Result<Option<LargePrintPdf>> {
    if !opts.large_print {
        return Ok(None);
    }
    progress.stage("Typesetting the large-print PDF", 0);
    let start = Instant::now();
    let mut pdf = large_print_pdf(
        plan,
        &large_print_options(plan)?,
        previous,
        &opts.typesetter,
    )?;
    pdf.elapsed = start.elapsed();
    Ok(Some(pdf))
}

/// Writes every output of `plan` into a staging folder and swaps it into place; `pdf` is the
/// large-print PDF from [`large_print_for`]. With `bodies`, the plan's Markdown bodies are
/// checked as the pages render them, and nothing is saved unless they pass.
fn write_all(
    opts: &BuildOptions,
    plan: &Plan,
    theme: &Theme,
    pdf: Option<LargePrintPdf>,
    bodies: Option<BodyCheck>,
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
        .map(|p| large_print::LargePrintLink::new(p.pages, p.file.len()));

    // The open data files are made on one core while the pages are rendered on the others;
    // the pages that give the data files' sizes are rendered once they are known. The files
    // stream straight to disk: a big plan's JSON is several times the size of its content.
    // The large-print web page is one more task for whichever core is free.
    progress.stage("Writing pages", website::routes(plan).len());
    let scans = bodies.as_ref().map(|check| check.scans(plan));
    let export = || -> Result<(data::DataLinks, Option<data::DataLinks>)> {
        let links = data::write_to(plan, staging.path())?;
        let written = std::fs::read_dir(staging.path().join("data"))?.count();
        files.fetch_add(written, Ordering::Relaxed);
        Ok((links.clone(), Some(links)))
    };
    let (site, large_print_page) = rayon::join(
        || {
            website::render_site_alongside(
                plan,
                theme,
                link.as_ref(),
                scans.as_ref(),
                export,
                write,
            )
        },
        || match (&pdf, &link) {
            (Some(pdf), Some(link)) => {
                let place = |file: &PdfFile| -> Result<()> {
                    match file {
                        PdfFile::Made(bytes) => staging.write(large_print::PDF_PATH, bytes)?,
                        PdfFile::Kept { path, .. } => staging.link(large_print::PDF_PATH, path)?,
                    }
                    files.fetch_add(1, Ordering::Relaxed);
                    Ok(())
                };
                write_large_print(plan, theme, &lp_opts, pdf, link, &write, &place)
            }
            _ => Ok(()),
        },
    );
    let (data_links, _) = site?;
    large_print_page?;
    if let (Some(check), Some(scans)) = (bodies, scans) {
        progress.stage("Checking the links and headings in the text", 0);
        check.finish(plan, scans)?;
    }
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

/// Writes the large-print web page, the PDF (with `place`, which puts the file at
/// [`large_print::PDF_PATH`]) and the record of what the PDF was made from.
fn write_large_print(
    plan: &Plan,
    theme: &Theme,
    opts: &large_print::Options,
    pdf: &LargePrintPdf,
    link: &large_print::LargePrintLink,
    write: &impl Fn(&str, &[u8]) -> Result<()>,
    place: &impl Fn(&PdfFile) -> Result<()>,
) -> Result<()> {
    let html = large_print::html_page_of(
        &pdf.doc,
        plan,
        theme,
        opts,
        &large_print::HtmlTarget::Site(Some(link.clone())),
    )?;
    write(large_print::HTML_PATH, html.as_bytes())?;
    place(&pdf.file)?;
    write(LARGE_PRINT_KEY_PATH, pdf.record().as_bytes())
}

/// The record written beside the large-print PDF in the output folder: what the PDF was made
/// from (a hash of its Typst source, publication date, planpress version and fonts), a hash of
/// the PDF itself, its size and its page count. The next build reuses the PDF when the first
/// hash is unchanged and the file is the one recorded: of the recorded size and last modified
/// before the record was written (so not changed since, much as git trusts its index for
/// files older than it), or else with the recorded hash of its bytes.
pub const LARGE_PRINT_KEY_PATH: &str = ".large-print.pdf.key";

/// Raise this when the same document would give a different PDF in a way the code below does
/// not show (a new Typst), so no older PDF is reused.
const LARGE_PRINT_CACHE_VERSION: u32 = 1;

/// The code that turns the large-print document into a PDF: part of what the cached PDF was
/// made from, so that changing it (during development, between releases) typesets again.
const LARGE_PRINT_CODE: [&str; 3] = [
    include_str!("../export/large_print/mod.rs"),
    include_str!("../export/large_print/markup.rs"),
    include_str!("../export/large_print/world.rs"),
];

/// The large-print PDF for this build, typeset now or reused from the previous output.
struct LargePrintPdf {
    /// The edition's document, which the web page shows as well.
    doc: large_print::document::LargePrintDoc,
    file: PdfFile,
    /// [`pdf_digest`] of the file's bytes.
    digest: u64,
    pages: usize,
    /// The hash of everything that shapes the PDF.
    inputs: String,
    reused: bool,
    /// How long typesetting or checking the previous PDF took.
    elapsed: Duration,
}

/// The bytes of the build's large-print PDF.
enum PdfFile {
    /// Typeset by this build.
    Made(Vec<u8>),
    /// The previous output's file, checked to be the one its record describes; it is linked
    /// into the new output (copied where links are refused) rather than read and written.
    Kept {
        /// Where it is.
        path: PathBuf,
        /// Its size in bytes.
        len: u64,
    },
}

impl PdfFile {
    fn len(&self) -> usize {
        match self {
            PdfFile::Made(bytes) => bytes.len(),
            PdfFile::Kept { len, .. } => usize::try_from(*len).unwrap_or(usize::MAX),
        }
    }
}

impl LargePrintPdf {
    /// The text of [`LARGE_PRINT_KEY_PATH`] for this PDF.
    fn record(&self) -> String {
        format!(
            "inputs {}\npdf {:016x}\nsize {}\npages {}\n",
            self.inputs,
            self.digest,
            self.file.len(),
            self.pages
        )
    }
}

/// Typesets the large-print PDF, or reuses `previous` when it was made from the same inputs.
/// Either way the bytes are the same.
fn large_print_pdf(
    plan: &Plan,
    opts: &large_print::Options,
    previous: Option<PreviousPdf>,
    typesetter: &Typesetter,
) -> Result<LargePrintPdf> {
    // The PDF is the Typst source compiled; the source is the edition's document written out
    // by the markup code. So the document, the options and that code (and what compiles the
    // source: the fonts, planpress's version) decide the PDF, and hashing them is several
    // times quicker than writing the source out. The document is hashed as data (its words
    // and the shape around them), not formatted as text first.
    let doc = large_print::document::build(plan, opts.with_performance);
    let mut hash = Digest::default();
    let _ = write!(
        hash,
        "planpress {} large print {LARGE_PRINT_CACHE_VERSION}\npublished {}\nfonts {} {}\n{opts:?}\n",
        env!("CARGO_PKG_VERSION"),
        plan.meta.published,
        large_print::world::FONT_REGULAR.len(),
        large_print::world::FONT_BOLD.len(),
    );
    std::hash::Hash::hash(&doc, &mut hash);
    for code in LARGE_PRINT_CODE {
        let _ = hash.write_str(code);
    }
    let inputs = format!("{:016x}", std::hash::Hasher::finish(&hash));
    if let Some(previous) = previous.filter(|p| p.inputs == inputs) {
        return Ok(LargePrintPdf {
            doc,
            file: PdfFile::Kept {
                path: previous.path,
                len: previous.len,
            },
            digest: previous.digest,
            pages: previous.pages,
            inputs,
            reused: true,
            elapsed: Duration::ZERO,
        });
    }
    let pdf = large_print::pdf_of(&doc, plan, opts, typesetter)?;
    Ok(LargePrintPdf {
        doc,
        digest: pdf_digest(&pdf.bytes),
        file: PdfFile::Made(pdf.bytes),
        pages: pdf.pages,
        inputs,
        reused: false,
        elapsed: Duration::ZERO,
    })
}

/// A large-print PDF in an output folder, intact (its bytes are those its record describes),
/// with what its record says it was made from.
struct PreviousPdf {
    /// The hash of everything that shaped it.
    inputs: String,
    path: PathBuf,
    len: u64,
    digest: u64,
    pages: usize,
}

impl PreviousPdf {
    /// The PDF in the output folder of a build with `opts`, when it makes the edition.
    fn for_build(opts: &BuildOptions) -> Option<PreviousPdf> {
        opts.large_print
            .then(|| PreviousPdf::read(&opts.out))
            .flatten()
    }

    /// The PDF in the output folder `out` (one planpress made), if its record is readable and
    /// the file is still the one it describes. The file is read and hashed only when its size
    /// is not the recorded one or it was modified no earlier than the record was written.
    fn read(out: &Path) -> Option<PreviousPdf> {
        if !out.join(MARKER).is_file() {
            return None;
        }
        let key = out.join(LARGE_PRINT_KEY_PATH);
        let record = std::fs::read_to_string(&key).ok()?;
        let recorded_at = std::fs::metadata(&key).and_then(|m| m.modified()).ok()?;
        let field = |name: &str| {
            record
                .lines()
                .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
        };
        let inputs = field("inputs")?.to_string();
        let pages: usize = field("pages")?.parse().ok()?;
        let digest = u64::from_str_radix(field("pdf")?, 16).ok()?;
        let path = out.join(large_print::PDF_PATH);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        if !meta.is_file() {
            return None;
        }
        let unchanged = field("size") == Some(meta.len().to_string().as_str())
            && meta.modified().is_ok_and(|m| m < recorded_at);
        if !unchanged && pdf_digest(&std::fs::read(&path).ok()?) != digest {
            return None;
        }
        Some(PreviousPdf {
            inputs,
            path,
            len: meta.len(),
            digest,
            pages,
        })
    }
}

/// A 64-bit digest of the PDF's bytes, to tell whether the file in the previous output is
/// still the one the record describes: [`Digest`] of the bytes written to it at once.
fn pdf_digest(bytes: &[u8]) -> u64 {
    let mut digest = Digest::default();
    std::hash::Hasher::write(&mut digest, bytes);
    std::hash::Hasher::finish(&digest)
}

/// A 64-bit digest, fed as text is written to it or data is hashed into it (so the large-print
/// document can be hashed without being written out), stable across runs, machines and Rust
/// versions, which the standard library's hasher does not promise. It detects damage and edits,
/// which is all it is for: it is not a defence against someone crafting input to match.
///
/// Each piece written is taken eight bytes at a time, in the manner of MurmurHash3's 64-bit
/// rounds: each word is mixed on its own (so any change to a word changes what it adds) and
/// folded into the running value by steps that are each reversible (so a change to one word
/// always changes the result); the piece's last bytes are folded in as one padded word, and its
/// length after them. The result is mixed once more at the end. (FNV-1a, used before, takes a
/// multiplication per byte, which over a megabyte of PDF or the large-print document was a
/// noticeable part of a small build.)
struct Digest(u64);

impl Default for Digest {
    fn default() -> Self {
        Digest(0xcbf2_9ce4_8422_2325)
    }
}

impl Digest {
    fn fold(&mut self, w: u64) {
        let mixed = w
            .wrapping_mul(0x87c3_7b91_1142_53d5)
            .rotate_left(31)
            .wrapping_mul(0x4cf5_ad43_2745_937f);
        self.0 = (self.0 ^ mixed)
            .rotate_left(27)
            .wrapping_mul(5)
            .wrapping_add(0x52dc_e729);
    }
}

/// Hashing data (the large-print document) through [`std::hash::Hash`]: numbers are fed as
/// little-endian 64-bit values, so the hash is the same on every machine.
impl std::hash::Hasher for Digest {
    fn finish(&self) -> u64 {
        let mut hash = self.0;
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        hash ^ (hash >> 33)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            let mut le = [0u8; 8];
            le.copy_from_slice(w);
            self.fold(u64::from_le_bytes(le));
        }
        let mut last = [0u8; 8];
        last[..words.remainder().len()].copy_from_slice(words.remainder());
        self.fold(u64::from_le_bytes(last));
        self.0 ^= bytes.len() as u64;
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(n.into());
    }

    fn write_u16(&mut self, n: u16) {
        self.write_u64(n.into());
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(n.into());
    }

    fn write_u64(&mut self, n: u64) {
        self.write(&n.to_le_bytes());
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_i64(&mut self, n: i64) {
        self.write(&n.to_le_bytes());
    }

    fn write_isize(&mut self, n: isize) {
        self.write_i64(n as i64);
    }
}

impl std::fmt::Write for Digest {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        std::hash::Hasher::write(self, s.as_bytes());
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
    fn the_pdf_digest_is_as_it_was_before_it_could_be_fed_in_pieces() {
        // The record of an existing output names the digest of its PDF: the streaming form
        // must give what the one-shot implementation before it gave (these values).
        assert_eq!(pdf_digest(b""), 0x3706_5593_61f3_e0fb);
        assert_eq!(pdf_digest(b"%PDF-1.7"), 0xb999_c8af_71f7_86b0);
    }

    #[test]
    fn the_document_hash_tells_apart_pieces_split_differently_and_numbers_of_every_width() {
        use std::hash::{Hash, Hasher};
        let of = |f: &dyn Fn(&mut Digest)| {
            let mut d = Digest::default();
            f(&mut d);
            d.finish()
        };
        let (a, b) = ("foo".to_string(), "bar".to_string());
        let ab = ("foob".to_string(), "ar".to_string());
        assert_ne!(of(&|d| (&a, &b).hash(d)), of(&|d| (&ab.0, &ab.1).hash(d)));
        assert_eq!(of(&|d| (&a, &b).hash(d)), of(&|d| (&a, &b).hash(d)));
        assert_ne!(of(&|d| 1u8.hash(d)), of(&|d| 2u8.hash(d)));
        assert_ne!(of(&|d| 1u64.hash(d)), of(&|d| (1u64 << 40).hash(d)));
        assert_ne!(of(&|d| Some(0u32).hash(d)), of(&|d| None::<u32>.hash(d)));
    }

    #[test]
    fn the_pdf_digest_changes_with_any_byte_and_with_the_length() {
        let pdf: Vec<u8> = (0..1021u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let digest = pdf_digest(&pdf);
        assert_eq!(
            digest,
            pdf_digest(&pdf.clone()),
            "the same bytes, the same digest"
        );
        let mut seen = std::collections::HashSet::new();
        for i in 0..pdf.len() {
            for bit in 0..8 {
                let mut edited = pdf.clone();
                edited[i] ^= 1 << bit;
                let d = pdf_digest(&edited);
                assert_ne!(d, digest, "byte {i} bit {bit}");
                assert!(seen.insert(d), "two one-bit edits gave the same digest");
            }
        }
        assert_ne!(pdf_digest(&pdf[..1020]), digest);
        assert_ne!(pdf_digest(&[pdf.as_slice(), &[0]].concat()), digest);
        assert_ne!(pdf_digest(b""), pdf_digest(&[0]));
    }
}
