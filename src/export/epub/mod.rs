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
use crate::words::{human_due, human_size};

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

/// A made book.
#[derive(Debug, Clone)]
pub struct Book {
    /// The `.epub` file.
    pub bytes: Vec<u8>,
    /// How many content documents it holds (besides the title page and the contents).
    pub documents: usize,
}

/// What the EPUB edition says of itself in "About this edition".
const ABOUT: &str = "This EPUB edition is made from the same text as the website. It is an EPUB 3 ebook made to meet EPUB Accessibility 1.1 at WCAG 2.2 level AA: it has a table of contents and a heading for every part, and gives every chart as a table of its figures.";

/// Makes the book of `plan`. The same plan always gives the same bytes.
pub fn book(plan: &Plan) -> Result<Book> {
    let m = &plan.meta;
    let edition = Edition {
        with_performance: true,
        // Reading systems reflow and scroll tables, so every table stays a table.
        max_table_columns: usize::MAX,
        marked: true,
        about: ABOUT.to_string(),
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
    let published_words = human_due(&m.published);
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
        let start = Instant::now();
        let book = book(plan)?;
        Ok(Box::new(Made {
            path: path(plan),
            book,
            elapsed: start.elapsed(),
        }))
    }

    fn export(&self, plan: &Plan, _theme: &Theme, _args: &clap::ArgMatches) -> Result<Exported> {
        let book = book(plan)?;
        Ok(Exported {
            description: describe(&book),
            files: vec![(file_name(plan), book.bytes)],
            warnings: Vec::new(),
        })
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

/// The book made for a build.
struct Made {
    path: String,
    book: Book,
    elapsed: Duration,
}

impl Prepared for Made {
    fn downloads(&self) -> Vec<Download> {
        vec![Download {
            output: "epub",
            path: self.path.clone(),
            title: "EPUB ebook".to_string(),
            label: format!("EPUB, {}", human_size(self.book.bytes.len())),
            bytes: self.book.bytes.len(),
            shelves: vec![Shelf::OtherFormats],
            purpose: Some(
                "For reading on an e-reader, tablet or phone, in any EPUB reading app. The text reflows to fit the screen, and you can change its size, font and colours or have it read aloud; with a screen reader you can move by heading or use the table of contents. Charts are given as tables of their figures.".to_string(),
            ),
        }]
    }

    fn write(&self, _ctx: &RenderContext, sink: &dyn Sink) -> Result<Vec<Download>> {
        sink.write(&self.path, &self.book.bytes)?;
        Ok(Vec::new())
    }

    fn summary(&self) -> Option<String> {
        Some(format!(
            "{} documents, {} in {} ms",
            self.book.documents,
            human_size(self.book.bytes.len()),
            self.elapsed.as_millis()
        ))
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
