//! The plan as an accessible EPUB 3 ebook, for e-readers, phones and screen readers: the
//! format a reader can carry, resize, recolour and have read aloud, made on every build so
//! that nobody has to ask for it.
//!
//! The book is written from the same linear document as the large print
//! ([`crate::render::document`]), built with marks so that it can be cut into one XHTML
//! document per part (`xhtml.rs`): the foreword, each page, each aim, each performance
//! statement and the glossary, with commitments and statements as fragment targets under
//! their own ids, tables with their headers and every chart as the table of its figures.
//! `package.rs` adds the navigation document, the EPUB Accessibility 1.1 metadata and the
//! container. `docs/other-formats.md` says how the book is checked (EPUBCheck and DAISY Ace)
//! and what it measures.

mod package;
mod xhtml;

use std::any::Any;
use std::time::{Duration, Instant};

use anyhow::Result;

use super::{Download, Environment, Exported, Output, Prepared, RenderContext, Shelf, Sink};
use crate::parse::kinds::PlanStatus;
use crate::parse::markdown::slug;
use crate::plan::Plan;
use crate::render::document::{self, Edition};
use crate::theme::Theme;
use crate::words::human_size;

pub use package::CONFORMS_TO;

/// The folder of the site that holds the plan in other formats.
pub const DIR: &str = "other-formats";

/// The book's file name: the plan's name and years as a slug, `safer-plan-2021-2025.epub`.
pub fn file_name(plan: &Plan) -> String {
    let m = &plan.meta;
    match slug(&format!("{} {}", m.title, m.period)) {
        s if s.is_empty() => "plan.epub".to_string(),
        s => format!("{s}.epub"),
    }
}

/// Where `planpress build` publishes the book, relative to the site root.
pub fn path(plan: &Plan) -> String {
    format!("{DIR}/{}", file_name(plan))
}

/// Where `planpress build` publishes the book in `lang`, one of `plan`'s languages: at
/// [`path`] for the first, with the language before `.epub` for another
/// (`other-formats/safer-plan-2021-2025.cy.epub`), so each language's book sits beside the
/// first's under the same name.
pub fn path_in(plan: &Plan, lang: &str) -> String {
    format!(
        "{DIR}/{}",
        super::export_name_in(plan, lang, &file_name(plan))
    )
}

/// A made book.
#[derive(Debug, Clone)]
pub struct Book {
    /// The `.epub` file.
    pub bytes: Vec<u8>,
    /// How many content documents it holds (besides the title page and the contents).
    pub documents: usize,
}

/// Makes the book of `plan`, in the language it is read in ([`Plan::in_language`]). The same
/// plan always gives the same bytes.
pub fn book(plan: &Plan) -> Result<Book> {
    let m = &plan.meta;
    let lang = document::language_of(plan);
    let edition = Edition {
        with_performance: true,
        // Reading systems reflow and scroll tables, so every table stays a table.
        max_table_columns: usize::MAX,
        marked: true,
        // What the EPUB edition says of itself in "About this edition".
        about: document::say(&lang, "edition-epub-about", &[]),
    };
    let doc = document::build_edition(plan, &edition);
    let chapters = xhtml::chapters(&doc);
    let mut targets = xhtml::Targets::new(&chapters, m.base_url.as_deref());
    // The images the documents show, beside them in the book.
    let images: Vec<package::BookImage> = crate::plan::images::uses(plan)
        .into_iter()
        .filter(|u| !u.decorative)
        .filter_map(|u| plan.images.get(&u.image))
        .map(|i| (i.path.clone(), (i.kind.media_type(), i.bytes.clone())))
        .collect::<std::collections::BTreeMap<_, _>>()
        .into_iter()
        .map(|(href, (media, bytes))| (href, media, bytes))
        .collect();
    targets.images = crate::plan::images::uses(plan)
        .into_iter()
        .filter_map(|u| Some((u.image.clone(), plan.images.get(&u.image)?.path.clone())))
        .collect();
    let published_words = document::words().date(&lang, &m.published);
    let front = package::Front {
        images: &images,
        title: &m.title,
        subtitle: m.subtitle.as_deref(),
        period: &m.period,
        draft: m.status == PlanStatus::Draft,
        creator: &m.commissioner,
        publisher: &m.organisation,
        published: &m.published,
        published_words: &published_words,
        licence: (&m.licence.name, &m.licence.url),
        lang: &lang,
    };
    Ok(Book {
        bytes: package::book(&front, &chapters, &targets)?,
        documents: chapters.len(),
    })
}

/// The EPUB edition as one of the site's outputs: one file in [`DIR`], listed on the "Other
/// formats" page.
pub struct Epub;

impl Output for Epub {
    fn name(&self) -> &'static str {
        "epub"
    }

    fn about(&self) -> &'static str {
        "the EPUB 3 ebook (EPUB Accessibility 1.1, WCAG 2.2 AA) for e-readers, phones and screen readers"
    }

    fn summary_name(&self) -> Option<&'static str> {
        Some("EPUB")
    }

    /// Makes the whole book: it takes a few milliseconds, and its size is then known to the
    /// pages that list it.
    fn prepare(&self, plan: &Plan, _env: &Environment) -> Result<Box<dyn Prepared>> {
        if let Some(left_out) = super::left_out_if_too_long(plan, "the EPUB edition", "epub") {
            return Ok(left_out);
        }
        // The book in the plan's first language, then in each other.
        let first = plan.languages().first().cloned();
        let mut books = Vec::new();
        for lang in plan.languages().iter().skip(1) {
            let start = Instant::now();
            let local = document::plan_in(plan, lang, document::words());
            books.push(Made {
                path: path_in(plan, lang),
                book: book(&local)?,
                elapsed: start.elapsed(),
                lang: Some(lang.clone()),
            });
        }
        let start = Instant::now();
        let book = book(plan)?;
        books.insert(
            0,
            Made {
                path: path(plan),
                book,
                elapsed: start.elapsed(),
                lang: first,
            },
        );
        Ok(Box::new(Books(books)))
    }

    fn export_args(&self) -> Vec<clap::Arg> {
        vec![super::lang_arg()]
    }

    fn export(&self, plan: &Plan, theme: &Theme, args: &clap::ArgMatches) -> Result<Exported> {
        let languages =
            super::export_languages(plan, args.get_one::<String>("lang").map(String::as_str))?;
        let mut out = Exported {
            files: Vec::new(),
            description: String::new(),
            warnings: Vec::new(),
        };
        let mut said = Vec::new();
        for lang in &languages {
            let made = if plan.languages().first().is_some_and(|f| f != lang) {
                book(&document::plan_in(plan, lang, &theme.words))?
            } else {
                book(plan)?
            };
            said.push(if languages.len() > 1 {
                format!("{} ({lang})", describe(&made))
            } else {
                describe(&made)
            });
            out.files.push((
                super::export_name_in(plan, lang, &file_name(plan)),
                made.bytes,
            ));
        }
        out.description = said.join("; ");
        Ok(out)
    }
}

/// "EPUB 3, 31 documents, 212 KB".
fn describe(book: &Book) -> String {
    format!(
        "EPUB 3, {} documents, {}",
        book.documents,
        human_size(book.bytes.len())
    )
}

/// A book made for a build.
struct Made {
    path: String,
    book: Book,
    elapsed: Duration,
    /// Its language, for a plan in more than one.
    lang: Option<String>,
}

/// The books made for a build: the first language's, then each other's.
struct Books(Vec<Made>);

impl Prepared for Books {
    fn downloads(&self) -> Vec<Download> {
        self.0
            .iter()
            .map(|made| {
                let words = made
                    .lang
                    .as_deref()
                    .unwrap_or(crate::words::tables::DEFAULT_LANGUAGE);
                Download {
                    output: "epub",
                    path: made.path.clone(),
                    title: document::say(words, "edition-epub-title", &[]),
                    label: format!("EPUB, {}", human_size(made.book.bytes.len())),
                    bytes: made.book.bytes.len(),
                    shelves: vec![Shelf::OtherFormats],
                    lang: made.lang.clone(),
                    content_lang: None,
                    purpose: Some(document::say(words, "edition-epub-purpose", &[])),
                }
            })
            .collect()
    }

    fn write(&self, _ctx: &RenderContext, sink: &dyn Sink) -> Result<Vec<Download>> {
        for made in &self.0 {
            sink.write(&made.path, &made.book.bytes)?;
        }
        Ok(Vec::new())
    }

    fn summary(&self) -> Option<String> {
        let said: Vec<String> = self
            .0
            .iter()
            .enumerate()
            .map(|(i, made)| {
                let what = format!(
                    "{} documents, {} in {} ms",
                    made.book.documents,
                    human_size(made.book.bytes.len()),
                    made.elapsed.as_millis()
                );
                match (&made.lang, i) {
                    (Some(lang), i) if i > 0 => format!("{lang}: {what}"),
                    _ => what,
                }
            })
            .collect();
        Some(said.join("; "))
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
