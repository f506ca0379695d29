//! The large-print edition of the plan: a tagged PDF typeset with Typst, and one HTML page.
//!
//! UKAAF's minimum standard says large print must be *reset* in large type, never enlarged on
//! a photocopier. So the edition is made from the same [`Plan`] as the website:
//! [`document`] turns the plan into simple blocks (applying the content rules), then
//! [`markup`] writes them as Typst markup with the typographic rules in its preamble, and
//! [`world`] compiles that with the bundled Liberation Sans into a PDF/UA-1 file, in this
//! process or in the `planpress-typeset` program ([`typeset`]). The HTML page ([`html_page`])
//! is written from the same blocks. A build reuses the previous PDF when nothing that shapes it
//! has changed (the `cache` module). `docs/large-print.md` lists every rule and how it is enforced.

mod cache;
pub mod html;
pub mod markup;
pub mod typeset;
pub mod world;

use std::any::Any;
use std::fmt;
use std::time::Instant;

use anyhow::{anyhow, Result};
use rayon::prelude::*;
use serde::Serialize;

use super::{Download, Environment, Output, Prepared, RenderContext, Shelf, Sink};
use crate::diagnostics::chain;
use crate::parse::kinds::{Contact, Licence};
use crate::plan::{Plan, Route};
use crate::render::document;
use crate::theme::Theme;
use cache::{LargePrintPdf, PdfFile, PreviousPdf};

pub use cache::KEY_NAME;

/// UKAAF's minimum body size for large print, in points.
pub const MIN_SIZE: f64 = 16.0;
/// UKAAF's recommended body size for large print, in points.
pub const DEFAULT_SIZE: f64 = 18.0;
/// The largest body size offered: above it, headings (1.5 times the body) no longer fit long
/// words across an A4 line.
pub const MAX_SIZE: f64 = 32.0;
/// The body size of a report's Panel paper in standard print, in points.
pub const STANDARD_SIZE: f64 = 12.0;
/// Where `planpress build` publishes the PDF, in the output folder.
pub const PDF_PATH: &str = "large-print.pdf";
/// Where `planpress build` publishes the HTML page, in the output folder.
pub const HTML_PATH: &str = "large-print/index.html";

/// The template of the large-print HTML page, used when the theme does not provide one.
const DEFAULT_TEMPLATE: &str = include_str!("../../../themes/default/templates/large-print.html");

/// How to make the edition.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Body text size in points (16 to 32).
    pub size: f64,
    /// Whether to include the performance statements.
    pub with_performance: bool,
    /// The website's address, for turning site links into full addresses.
    pub base_url: Option<String>,
    /// Standard print rather than large print: a report's Panel paper at [`STANDARD_SIZE`],
    /// beside its large-print one. The typographic rules are the same; only the size is below
    /// the large-print minimum, and the title page says which it is.
    pub standard: bool,
    /// The plan's images the edition shows, by path in the content folder.
    pub images: PrintImages,
}

/// An image the edition shows: where the website publishes it, its size and its bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintImage {
    /// Its path on the website (`images/map.3f2a1b9c0d.png`), which names it in the Typst
    /// source too.
    pub path: String,
    /// Its width in CSS pixels.
    pub width: u64,
    /// Its height in CSS pixels.
    pub height: u64,
    /// The published bytes.
    pub bytes: std::sync::Arc<[u8]>,
}

/// The images an edition shows, by path in the content folder.
pub type PrintImages = std::sync::Arc<std::collections::BTreeMap<String, PrintImage>>;

impl Options {
    /// Options for a checked body size, without performance statements.
    pub fn new(size: f64) -> Result<Options, SizeError> {
        Ok(Options {
            size: check_size(size)?,
            with_performance: false,
            base_url: None,
            standard: false,
            images: Default::default(),
        })
    }

    /// Options for a Panel paper in standard print, at [`STANDARD_SIZE`].
    pub fn standard_print() -> Options {
        Options {
            size: STANDARD_SIZE,
            with_performance: true,
            base_url: None,
            standard: true,
            images: Default::default(),
        }
    }

    /// Shows the images `plan`'s bodies use (decoration is left out of the edition).
    pub fn with_images_of(mut self, plan: &Plan) -> Options {
        self.images = std::sync::Arc::new(
            crate::plan::images::uses(plan)
                .into_iter()
                .filter(|u| !u.decorative)
                .filter_map(|u| {
                    let i = plan.images.get(&u.image)?;
                    Some((
                        u.image,
                        PrintImage {
                            path: i.path.clone(),
                            width: i.width,
                            height: i.height,
                            bytes: i.bytes.clone(),
                        },
                    ))
                })
                .collect(),
        );
        self
    }

    /// Includes (or leaves out) the performance statements.
    pub fn with_performance(mut self, yes: bool) -> Options {
        self.with_performance = yes;
        self
    }

    /// Sets the website's address.
    pub fn with_base_url(mut self, url: Option<String>) -> Options {
        self.base_url = url;
        self
    }
}

/// A body size outside what large print allows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SizeError(pub f64);

impl fmt::Display for SizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let size = markup::size_words(self.0);
        if !self.0.is_finite() {
            write!(f, "the size must be a number of points, such as 18")
        } else if self.0 < MIN_SIZE {
            write!(
                f,
                "{size}pt is below the UKAAF minimum of 16pt for large print (18pt is recommended; 24pt is giant print)"
            )
        } else {
            write!(
                f,
                "{size}pt is above the largest size offered, 32pt: larger headings would no longer fit across an A4 page"
            )
        }
    }
}

impl std::error::Error for SizeError {}

/// Checks a body size against the UKAAF minimum and the largest size offered.
pub fn check_size(size: f64) -> Result<f64, SizeError> {
    if size.is_finite() && (MIN_SIZE..=MAX_SIZE).contains(&size) {
        Ok(size)
    } else {
        Err(SizeError(size))
    }
}

/// The Typst typesetter refused the document; every message it gave.
#[derive(Debug, Clone)]
pub struct TypesetError {
    /// The messages, each with its hints.
    pub messages: Vec<String>,
}

impl fmt::Display for TypesetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the large-print PDF could not be typeset: {}",
            self.messages.join("; ")
        )?;
        if self
            .messages
            .iter()
            .any(|m| m.contains("missing document title"))
        {
            write!(
                f,
                " (the plan has no title: set \"title:\" in content/_index.md)"
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for TypesetError {}

/// A typeset PDF.
#[derive(Debug, Clone)]
pub struct Pdf {
    /// The file.
    pub bytes: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
    /// Typesetting warnings, if any.
    pub warnings: Vec<String>,
}

impl Pdf {
    /// What the website says about the file in its links.
    pub fn link(&self) -> LargePrintLink {
        LargePrintLink::new(self.pages, self.bytes.len())
    }
}

/// The facts the website shows beside its link to the large-print PDF:
/// "Large print version (PDF, 64 pages, 412 KB)".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LargePrintLink {
    /// Pages in the PDF.
    pub pages: usize,
    /// Its size in bytes.
    pub bytes: usize,
    /// Its size for readers: "412 KB", "1.1 MB".
    pub size: String,
    /// "PDF, 64 pages, 412 KB".
    pub label: String,
    /// The PDF, relative to the site root.
    pub pdf: String,
    /// The HTML page, relative to the site root.
    pub html: String,
}

impl LargePrintLink {
    /// The link facts for a PDF of `pages` pages and `bytes` bytes.
    pub fn new(pages: usize, bytes: usize) -> LargePrintLink {
        LargePrintLink::in_language(crate::words::tables::DEFAULT_LANGUAGE, pages, bytes)
    }

    /// As [`LargePrintLink::new`], its label in `lang` ("PDF, 64 tudalen, 412 KB").
    pub fn in_language(lang: &str, pages: usize, bytes: usize) -> LargePrintLink {
        let size = crate::words::human_size(bytes);
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("pages", pages);
        args.set("size", size.clone());
        let label = document::words()
            .text(lang, "edition-pdf-label", Some(&args))
            .unwrap_or_else(|_| format!("PDF, {pages}, {size}"));
        LargePrintLink {
            pages,
            bytes,
            label,
            size,
            pdf: PDF_PATH.to_string(),
            html: HTML_PATH.to_string(),
        }
    }
}

/// The Typst source of the edition (what [`pdf`] compiles), for inspection.
pub fn typst_source(plan: &Plan, opts: &Options) -> String {
    let doc = document::build(plan, opts.with_performance);
    markup::source(&doc, opts)
}

/// Forgets the layout work Typst memoises between compilations in this process, so the next
/// [`pdf`] starts from nothing, as a fresh `planpress` run does. For benchmarks.
pub fn forget_cached_layout() {
    typst::comemo::evict(0);
}

/// Typesets the edition as a tagged PDF/UA-1 file, in this process.
///
/// The same plan and options always give the same bytes: the creation date is the plan's
/// publication date and nothing is read from the machine.
pub fn pdf(plan: &Plan, opts: &Options) -> Result<Pdf, TypesetError> {
    pdf_with(plan, opts, &typeset::Typesetter::in_process())
}

/// Typesets the edition as [`pdf`] does, with `typesetter`: the same bytes whoever typesets.
pub fn pdf_with(
    plan: &Plan,
    opts: &Options,
    typesetter: &typeset::Typesetter,
) -> Result<Pdf, TypesetError> {
    let doc = document::build(plan, opts.with_performance);
    pdf_of(&doc, opts, typesetter)
}

/// Typesets `doc`, the edition's document already built with `opts`, as [`pdf_with`] does.
pub fn pdf_of(
    doc: &document::LargePrintDoc,
    opts: &Options,
    typesetter: &typeset::Typesetter,
) -> Result<Pdf, TypesetError> {
    if !opts.standard {
        check_size(opts.size).map_err(|e| TypesetError {
            messages: vec![e.to_string()],
        })?;
    }
    check_length(doc)?;
    let source = markup::source(doc, opts);
    // The document's date: the plan's publication date, or a report's presentation date.
    let date = parse_ymd(&doc.published);
    let compiled = typesetter
        .typeset(source, date)
        .map_err(|messages| TypesetError { messages })?;
    Ok(Pdf {
        bytes: compiled.bytes,
        pages: compiled.pages,
        warnings: compiled.warnings,
    })
}

/// Refuses an edition too long to typeset in bounded time and memory.
fn check_length(doc: &document::LargePrintDoc) -> Result<(), TypesetError> {
    let blocks = doc.block_count();
    if blocks > document::MAX_BLOCKS {
        return Err(TypesetError {
            messages: vec![format!(
                "the plan is too long to typeset as large print: {blocks} paragraphs, headings, list items and table rows, more than the limit of {}; look for a very long list or a run of headings in the content, or build with --no-large-print",
                document::MAX_BLOCKS
            )],
        });
    }
    Ok(())
}

/// `YYYY-MM-DD` as numbers.
pub(crate) fn parse_ymd(date: &str) -> Option<(i32, u8, u8)> {
    let mut parts = date.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    Some((y, m, d))
}

/// Where the HTML page will live.
#[derive(Debug, Clone)]
pub enum HtmlTarget {
    /// On the website, at [`HTML_PATH`], beside the PDF described by the link (if any).
    Site(Option<LargePrintLink>),
    /// A file on its own, with no website around it.
    Standalone,
}

/// What the `large-print.html` template receives as `lp`.
#[derive(Serialize)]
struct PageView<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    period: &'a str,
    draft: bool,
    organisation: &'a str,
    published: &'a str,
    size: String,
    /// The root font size as a percentage of the browser's default (16px = 12pt).
    font_percent: String,
    root: Option<String>,
    pdf: Option<LargePrintLink>,
    contents: Vec<html::ContentsEntry>,
    body: String,
    contact: &'a Contact,
    licence: &'a Licence,
    /// What the edition holds ([`contents_words`]), as the start of a sentence, in the
    /// page's language.
    holds: String,
    /// The page's language.
    lang: &'a str,
}

/// Renders the large-print HTML page with the theme's `large-print.html` template (or the
/// built-in one).
pub fn html_page(
    plan: &Plan,
    theme: &Theme,
    opts: &Options,
    target: &HtmlTarget,
) -> Result<String> {
    html_page_of(
        &document::build(plan, opts.with_performance),
        plan,
        theme,
        opts,
        target,
    )
}

/// As [`html_page`], from the edition's document already built (by
/// [`document::build`] with `opts.with_performance`) for `plan`.
pub fn html_page_of(
    doc: &document::LargePrintDoc,
    plan: &Plan,
    theme: &Theme,
    opts: &Options,
    target: &HtmlTarget,
) -> Result<String> {
    check_size(opts.size)?;
    let route = Route::Page("large-print".to_string());
    let (root, pdf, links) = match target {
        HtmlTarget::Site(pdf) => (
            Some(route.root()),
            pdf.clone(),
            html::Links {
                route: Some(route),
                base_url: opts.base_url.clone(),
                images: opts.images.clone(),
                up: up_from(&doc.language, plan),
            },
        ),
        HtmlTarget::Standalone => (
            None,
            None,
            html::Links {
                route: None,
                base_url: opts.base_url.clone(),
                images: Default::default(),
                up: String::new(),
            },
        ),
    };
    let m = &plan.meta;
    let view = PageView {
        title: &m.title,
        subtitle: m.subtitle.as_deref(),
        period: &m.period,
        draft: doc.draft,
        organisation: &m.organisation,
        published: &doc.published_words,
        size: markup::size_words(opts.size),
        font_percent: markup::size_words(opts.size / 12.0 * 100.0),
        root,
        pdf,
        contents: html::contents(doc),
        body: html::body(doc, &links),
        contact: &m.contact,
        licence: &m.licence,
        holds: document::say(
            &doc.language,
            if opts.with_performance {
                "edition-holds-with-performance"
            } else {
                "edition-holds-without-performance"
            },
            &[],
        ),
        lang: &doc.language,
    };
    let mut ctx = tera::Context::new();
    ctx.insert("lp", &view);
    let render = |tera: &tera::Tera| {
        tera.render("large-print.html", &ctx)
            .map_err(|e| anyhow!("rendering {HTML_PATH} with large-print.html: {}", chain(&e)))
    };
    if theme
        .tera
        .get_template_names()
        .any(|n| n == "large-print.html")
    {
        render(&theme.tera)
    } else {
        let mut tera = theme.tera.clone();
        tera.add_raw_template("large-print.html", DEFAULT_TEMPLATE)
            .map_err(|e| anyhow!("the large-print template has an error: {}", chain(&e)))?;
        render(&tera)
    }
}

/// The large-print edition as one of the site's outputs: the PDF at [`DEFAULT_SIZE`], with
/// the performance statements, and its web page, both linked from every page's footer. A
/// plan in more than one language has both in each: the first language's at [`PDF_PATH`] and
/// [`HTML_PATH`], each other's under its folder ([`language_path`]).
pub struct LargePrint;

/// Where `planpress build` publishes `path` (one of [`PDF_PATH`], [`HTML_PATH`]) of the
/// edition in `lang`, one of `plan`'s languages: at `path` for its first language (and for a
/// plan in one language), under the language's folder for the others (`cy/large-print.pdf`),
/// beside the website's pages in that language.
pub fn language_path(plan: &Plan, lang: &str, path: &str) -> String {
    match plan.languages().first() {
        Some(first) if first != lang => format!("{lang}/{path}"),
        _ => path.to_string(),
    }
}

/// The way from the root of the website in `lang` up to the site root: `""` for the plan's
/// first language, `../` for another's folder.
fn up_from(lang: &str, plan: &Plan) -> String {
    match plan.reading.original.as_str() {
        "" => String::new(),
        first if first == lang => String::new(),
        _ => "../".to_string(),
    }
}

/// Where `planpress build` publishes a report's Panel paper in large print, in the output
/// folder: beside the report's pages.
pub fn report_pdf_path(report: &str) -> String {
    format!("{}{REPORT_PDF}", Route::Report(report.to_string()).path())
}

/// The file name of a report's Panel paper in large print.
const REPORT_PDF: &str = "large-print.pdf";

/// The file name of a report's Panel paper in standard print.
const REPORT_STANDARD_PDF: &str = "report.pdf";

/// Where `planpress build` publishes a report's Panel paper in standard print.
pub fn report_standard_pdf_path(report: &str) -> String {
    format!(
        "{}{REPORT_STANDARD_PDF}",
        Route::Report(report.to_string()).path()
    )
}

/// The name of the record of a report's Panel paper in the output folder's state (as
/// [`KEY_NAME`] is the plan's edition's).
fn report_key_name(report: &str, standard: bool) -> String {
    if standard {
        format!("report-{report}-standard.pdf.key")
    } else {
        format!("report-{report}.pdf.key")
    }
}

/// What an edition holds, in the words `--help`, `export`'s report, the large-print web page
/// and docs/large-print.md all use: the whole plan with its performance statements (what
/// `planpress build` publishes, and what `export large-print` makes unless told otherwise), or
/// the plan without them (`--without-performance`).
pub fn contents_words(with_performance: bool) -> &'static str {
    if with_performance {
        "the whole plan with its performance statements"
    } else {
        "the plan without its performance statements"
    }
}

/// The file `planpress export large-print` writes, by format: the edition the website
/// publishes is `large-print.<ext>`, the one without performance statements
/// `large-print-without-performance.<ext>`, so exporting both never writes one over the other.
fn export_file_name(with_performance: bool, extension: &str) -> String {
    format!(
        "large-print{}.{extension}",
        if with_performance {
            ""
        } else {
            "-without-performance"
        }
    )
}

/// The edition `planpress build` publishes: the recommended size, with the performance
/// statements.
fn site_options(plan: &Plan) -> Result<Options> {
    Ok(Options::new(DEFAULT_SIZE)?
        .with_performance(true)
        .with_base_url(plan.meta.base_url.clone())
        .with_images_of(plan))
}

impl Output for LargePrint {
    fn name(&self) -> &'static str {
        "large-print"
    }

    fn about(&self) -> &'static str {
        "the large-print edition (UKAAF minimum standard): a tagged PDF/UA-1 file and one web page"
    }

    fn summary_name(&self) -> Option<&'static str> {
        Some("large print PDF")
    }

    fn prepare(&self, plan: &Plan, env: &Environment) -> Result<Box<dyn Prepared>> {
        let opts = site_options(plan)?;
        let previous = PreviousPdf::read(env.previous);
        // The edition in the plan's first language and in each other, typeset side by side.
        let (pdf, others) = rayon::join(
            || -> Result<LargePrintPdf> {
                let start = Instant::now();
                let mut pdf = cache::large_print_pdf(plan, &opts, previous, env.typesetter)?;
                pdf.elapsed = start.elapsed();
                Ok(pdf)
            },
            || -> Result<Vec<InLanguage>> {
                plan.languages()
                    .iter()
                    .skip(1)
                    .collect::<Vec<_>>()
                    .into_par_iter()
                    .map(|lang| InLanguage::prepare(plan, lang, env))
                    .collect()
            },
        );
        let (pdf, others) = (pdf?, others?);
        let first = plan.languages().first().cloned();
        let link = match &first {
            Some(lang) => LargePrintLink::in_language(lang, pdf.pages, pdf.file.len()),
            None => LargePrintLink::new(pdf.pages, pdf.file.len()),
        };
        // Each report as a Panel paper, in standard print and at the edition's size, typeset
        // side by side. A report's paper is made from what that report says, so a later
        // report leaves it as it was.
        let standard = Options::standard_print()
            .with_base_url(plan.meta.base_url.clone())
            .with_images_of(plan);
        let papers = plan
            .reports
            .iter()
            .flat_map(|r| [(r, &standard), (r, &opts)])
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|(r, opts)| {
                let (path, note) = if opts.standard {
                    (
                        report_standard_pdf_path(&r.id),
                        document::REPORT_STANDARD_NOTE,
                    )
                } else {
                    (report_pdf_path(&r.id), document::REPORT_NOTE)
                };
                let key = report_key_name(&r.id, opts.standard);
                let previous = PreviousPdf::read_at(env.previous, &key, &path);
                let doc = document::build_report(plan, r, note);
                let pdf = cache::cached_pdf(doc, opts, previous, env.typesetter)?;
                Ok(Paper {
                    standard: opts.standard,
                    size: markup::size_words(opts.size),
                    link: LargePrintLink::new(pdf.pages, pdf.file.len()),
                    path,
                    key,
                    pdf,
                })
            })
            .collect::<Result<Vec<Paper>>>()?;
        Ok(Box::new(Edition {
            pdf,
            link,
            opts,
            papers,
            lang: first,
            language: document::language_of(plan),
            others,
        }))
    }

    fn export_args(&self) -> Vec<clap::Arg> {
        use clap::{Arg, ArgAction};
        vec![
            Arg::new("size")
                .long("size")
                .value_name("PT")
                .default_value("18")
                .value_parser(parse_size)
                .help("Body text size in points: 16 is the UKAAF minimum, 18 recommended, 24 giant print"),
            Arg::new("format")
                .long("format")
                .value_name("FORMAT")
                .default_value("pdf")
                .value_parser(["pdf", "html"])
                .help("What to produce: a tagged PDF (PDF/UA-1, A4 portrait) or one HTML page"),
            Arg::new("without-performance")
                .long("without-performance")
                .action(ArgAction::SetTrue)
                .help(format!(
                    "Make {}, a shorter edition, written as {} (or .html); the default is {}, as the website publishes it",
                    contents_words(false),
                    export_file_name(false, "pdf"),
                    contents_words(true)
                )),
            super::lang_arg(),
            // The default since the edition the website publishes became the default; kept so
            // that scripts written before still run.
            Arg::new("with-performance")
                .long("with-performance")
                .action(ArgAction::SetTrue)
                .conflicts_with("without-performance")
                .hide(true),
        ]
    }

    fn export(
        &self,
        plan: &Plan,
        theme: &Theme,
        args: &clap::ArgMatches,
    ) -> Result<super::Exported> {
        let size = args.get_one::<f64>("size").copied().unwrap_or(DEFAULT_SIZE);
        let with_performance = !args.get_flag("without-performance");
        let languages =
            super::export_languages(plan, args.get_one::<String>("lang").map(String::as_str))?;
        let words = size;
        let size = markup::size_words(size);
        let holds = contents_words(with_performance);
        let html = args.get_one::<String>("format").map(String::as_str) == Some("html");
        let mut out = super::Exported {
            files: Vec::new(),
            description: String::new(),
            warnings: Vec::new(),
        };
        let mut said = Vec::new();
        for lang in &languages {
            let (local, local_theme);
            let (plan, theme): (&Plan, &Theme) =
                if plan.languages().first().is_some_and(|f| f != lang) {
                    local_theme = theme.in_language(lang);
                    local = document::plan_in(plan, lang, &local_theme.words);
                    (&local, &local_theme)
                } else {
                    (plan, theme)
                };
            let mut base_url = plan.meta.base_url.clone();
            if plan.reading.original != *lang && !plan.reading.original.is_empty() {
                base_url = super::base_url_in(base_url.as_deref(), lang);
            }
            let opts = Options::new(words)?
                .with_performance(with_performance)
                .with_base_url(base_url)
                .with_images_of(plan);
            let tag = if languages.len() > 1 {
                format!(" ({lang})")
            } else {
                String::new()
            };
            if html {
                let page = html_page(plan, theme, &opts, &HtmlTarget::Standalone)?;
                said.push(format!(
                    "{size} point, HTML, {}: {holds}{tag}",
                    crate::words::human_size(page.len())
                ));
                out.files.push((
                    super::export_name_in(plan, lang, &export_file_name(with_performance, "html")),
                    page.into_bytes(),
                ));
                continue;
            }
            let pdf = pdf_with(plan, &opts, &typeset::Typesetter::program())?;
            said.push(format!("{size} point, {}: {holds}{tag}", pdf.link().label));
            out.files.push((
                super::export_name_in(plan, lang, &export_file_name(with_performance, "pdf")),
                pdf.bytes,
            ));
            out.warnings.extend(pdf.warnings);
        }
        out.description = said.join("; ");
        Ok(out)
    }
}

/// Parses `--size`, refusing sizes below the UKAAF large-print minimum.
fn parse_size(text: &str) -> Result<f64, String> {
    let size: f64 = text
        .trim()
        .trim_end_matches("pt")
        .parse()
        .map_err(|_| format!("\"{text}\" is not a size in points, such as 18"))?;
    check_size(size).map_err(|e| e.to_string())
}

/// The edition prepared for a build: its PDF typeset (or the previous one found current),
/// and each report's Panel paper.
struct Edition {
    pdf: LargePrintPdf,
    link: LargePrintLink,
    opts: Options,
    papers: Vec<Paper>,
    /// The plan's first language, for a plan in more than one.
    lang: Option<String>,
    /// The plan's language, for a plan in one: the words of its Panel papers' links.
    language: String,
    /// The edition in each of the plan's other languages.
    others: Vec<InLanguage>,
}

/// The edition in one of the plan's languages after its first: its PDF and web page under
/// the language's folder, written from the plan as that language's reader sees it. The
/// Panel papers of reports are made in the first language only.
struct InLanguage {
    lang: String,
    pdf: LargePrintPdf,
    link: LargePrintLink,
    opts: Options,
}

impl InLanguage {
    fn prepare(plan: &Plan, lang: &str, env: &Environment) -> Result<InLanguage> {
        let local = document::plan_in(plan, lang, document::words());
        // Its links to the website go to the pages in its language.
        let base_url = super::base_url_in(local.meta.base_url.as_deref(), lang);
        let opts = site_options(&local)?.with_base_url(base_url);
        let pdf_path = language_path(plan, lang, PDF_PATH);
        let key = format!("{lang}.{KEY_NAME}");
        let previous = PreviousPdf::read_at(env.previous, &key, &pdf_path);
        let start = Instant::now();
        let mut pdf = cache::large_print_pdf(&local, &opts, previous, env.typesetter)?;
        pdf.elapsed = start.elapsed();
        Ok(InLanguage {
            lang: lang.to_string(),
            link: LargePrintLink::in_language(lang, pdf.pages, pdf.file.len()),
            pdf,
            opts,
        })
    }
}

/// The footer's and the "Other formats" page's downloads of the edition in `lang`: the PDF and
/// its web page, at `pdf` and `html`.
fn edition_downloads(
    lang: Option<&str>,
    link: &LargePrintLink,
    opts: &Options,
    pdf: String,
    html: String,
) -> Vec<Download> {
    let words = lang.unwrap_or(crate::words::tables::DEFAULT_LANGUAGE);
    let title = document::say(words, "edition-download-title", &[]);
    let size = markup::size_words(opts.size);
    vec![
        Download {
            output: "large-print",
            path: pdf,
            title: title.clone(),
            label: link.label.clone(),
            bytes: link.bytes,
            shelves: vec![Shelf::Footer, Shelf::OtherFormats],
            purpose: Some(document::say(
                words,
                "edition-download-purpose",
                &[("size", &size)],
            )),
            lang: lang.map(str::to_string),
            content_lang: None,
        },
        Download {
            output: "large-print",
            path: html,
            title,
            label: document::say(words, "edition-download-web-page", &[]),
            bytes: 0,
            shelves: vec![Shelf::Footer, Shelf::OtherFormats],
            purpose: None,
            lang: lang.map(str::to_string),
            content_lang: None,
        },
    ]
}

/// A report's Panel paper in large print.
struct Paper {
    /// Whether it is the standard-print paper (else the large-print one).
    standard: bool,
    /// Its print size in points, for its link's words: "18".
    size: String,
    /// Where it goes in the site.
    path: String,
    /// The name of its record in the output folder's state.
    key: String,
    /// Its pages and size.
    link: LargePrintLink,
    /// The PDF, typeset or the previous build's.
    pdf: LargePrintPdf,
}

impl Prepared for Edition {
    fn downloads(&self) -> Vec<Download> {
        // The Panel papers, made in the first language: listed in each language in its
        // words, those of another language marked as in the first.
        let paper = |p: &Paper, lang: Option<&str>| {
            let words = lang.unwrap_or(&self.language);
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("size", p.size.clone());
            let key = match p.standard {
                true => "downloads-paper-standard",
                false => "downloads-paper-large",
            };
            Download {
                output: "large-print",
                path: p.path.clone(),
                title: super::say_in(words, key, &args),
                label: match lang {
                    Some(lang) => {
                        LargePrintLink::in_language(lang, p.link.pages, p.link.bytes).label
                    }
                    None => p.link.label.clone(),
                },
                bytes: p.link.bytes,
                shelves: vec![Shelf::Report],
                purpose: None,
                lang: lang.map(str::to_string),
                content_lang: match lang {
                    Some(lang) if Some(lang) != self.lang.as_deref() => self.lang.clone(),
                    _ => None,
                },
            }
        };
        let papers: Vec<Download> = self
            .papers
            .iter()
            .flat_map(|p| {
                std::iter::once(paper(p, self.lang.as_deref()))
                    .chain(self.others.iter().map(|o| paper(p, Some(&o.lang))))
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut downloads = edition_downloads(
            self.lang.as_deref(),
            &self.link,
            &self.opts,
            PDF_PATH.to_string(),
            HTML_PATH.to_string(),
        );
        downloads.extend(papers);
        for o in &self.others {
            downloads.extend(edition_downloads(
                Some(&o.lang),
                &o.link,
                &o.opts,
                format!("{}/{PDF_PATH}", o.lang),
                format!("{}/{HTML_PATH}", o.lang),
            ));
        }
        downloads
    }

    fn write(&self, ctx: &RenderContext, sink: &dyn Sink) -> Result<Vec<Download>> {
        let html = html_page_of(
            &self.pdf.doc,
            ctx.plan,
            ctx.theme,
            &self.opts,
            &HtmlTarget::Site(Some(self.link.clone())),
        )?;
        sink.write(HTML_PATH, html.as_bytes())?;
        match &self.pdf.file {
            PdfFile::Made(bytes) => sink.write(PDF_PATH, bytes)?,
            PdfFile::Kept { path, .. } => sink.keep(PDF_PATH, path)?,
        }
        sink.remember(KEY_NAME, self.pdf.record().as_bytes())?;
        for o in &self.others {
            let theme = ctx.theme.in_language(&o.lang);
            let local = document::plan_in(ctx.plan, &o.lang, &theme.words);
            let html = html_page_of(
                &o.pdf.doc,
                &local,
                &theme,
                &o.opts,
                &HtmlTarget::Site(Some(o.link.clone())),
            )?;
            sink.write(&format!("{}/{HTML_PATH}", o.lang), html.as_bytes())?;
            let path = format!("{}/{PDF_PATH}", o.lang);
            match &o.pdf.file {
                PdfFile::Made(bytes) => sink.write(&path, bytes)?,
                PdfFile::Kept { path: from, .. } => sink.keep(&path, from)?,
            }
            sink.remember(&format!("{}.{KEY_NAME}", o.lang), o.pdf.record().as_bytes())?;
        }
        for p in &self.papers {
            match &p.pdf.file {
                PdfFile::Made(bytes) => sink.write(&p.path, bytes)?,
                PdfFile::Kept { path, .. } => sink.keep(&p.path, path)?,
            }
            sink.remember(&p.key, p.pdf.record().as_bytes())?;
        }
        Ok(Vec::new())
    }

    fn summary(&self) -> Option<String> {
        let mut said = if self.pdf.reused {
            format!("{} pages, unchanged since the last build", self.pdf.pages)
        } else {
            format!(
                "{} pages in {} ms",
                self.pdf.pages,
                self.pdf.elapsed.as_millis()
            )
        };
        // Two papers a report: standard and large print.
        let (n, reused) = (
            self.papers.len(),
            self.papers.iter().filter(|p| p.pdf.reused).count(),
        );
        let papers = format!(
            "the Panel papers of {} report{}",
            n / 2,
            if n == 2 { "" } else { "s" }
        );
        match reused {
            _ if n == 0 => {}
            0 => said.push_str(&format!(", and {papers}")),
            k if k == n => said.push_str(&format!(", and {papers}, unchanged")),
            k => said.push_str(&format!(", and {papers} ({k} of {n} unchanged)")),
        }
        for o in &self.others {
            if o.pdf.reused {
                said.push_str(&format!("; {}: {} pages, unchanged", o.lang, o.pdf.pages));
            } else {
                said.push_str(&format!(
                    "; {}: {} pages in {} ms",
                    o.lang,
                    o.pdf.pages,
                    o.pdf.elapsed.as_millis()
                ));
            }
        }
        Some(said)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_below_the_ukaaf_minimum_are_refused() {
        assert!(check_size(15.9).is_err());
        assert!(check_size(16.0).is_ok());
        assert!(check_size(24.0).is_ok());
        assert!(check_size(f64::NAN).is_err());
        assert!(check_size(40.0).is_err());
        assert!(SizeError(15.0)
            .to_string()
            .contains("UKAAF minimum of 16pt"));
    }

    #[test]
    fn the_link_gives_pages_and_size() {
        assert_eq!(
            LargePrintLink::new(64, 421_888).label,
            "PDF, 64 pages, 412 KB"
        );
    }
}

#[cfg(test)]
mod length_tests {
    use super::*;
    use document::{Block, Inline, LargePrintDoc};

    fn doc(blocks: Vec<Block>) -> LargePrintDoc {
        LargePrintDoc {
            title: "T".into(),
            subtitle: None,
            period: "2024".into(),
            draft: false,
            organisation: "O".into(),
            commissioner: "C".into(),
            published: "2024-01-01".into(),
            published_words: "1 January 2024".into(),
            language: "en-GB".into(),
            blocks,
        }
    }

    #[test]
    fn a_runaway_list_is_refused_before_typesetting() {
        let item = vec![Block::Para(vec![Inline::Text("x".into())])];
        let list = Block::List {
            start: None,
            items: vec![item; document::MAX_BLOCKS / 2 + 1],
        };
        let err = check_length(&doc(vec![list])).unwrap_err();
        assert!(
            err.messages[0].contains("too long to typeset"),
            "{:?}",
            err.messages
        );
        assert!(check_length(&doc(vec![Block::Para(vec![Inline::Text("x".into())])])).is_ok());
    }

    #[test]
    fn the_shipped_plan_is_well_within_the_limit() {
        let plan = crate::plan::fixture("content");
        let blocks = document::build(&plan, true).block_count();
        assert!(blocks * 5 < document::MAX_BLOCKS, "{blocks}");
    }
}
