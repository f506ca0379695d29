//! The Braille edition of the plan: Unified English Braille grade 2 in a BRF file, for
//! embossers and braille displays.
//!
//! Public bodies offer their plans "in Braille on request"; this makes the edition on every
//! build instead, from the same linear document as the large print
//! ([`crate::render::document`]), so the two carry the same words in the same order.
//! [`louis`] translates each paragraph with liblouis's UEB grade 2 table into braille ASCII,
//! and [`brf`] lays the braille out on pages of 40 cells by 25 lines (or as asked) by
//! BANA's and UKAAF's formatting practice. liblouis is loaded when the build runs: where it is
//! missing, the build says so once, names what to install, and leaves the edition out.

pub mod brf;
pub mod louis;

use std::any::Any;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Result};

use super::{Download, Environment, Exported, Output, Prepared, RenderContext, Shelf, Sink};
use crate::plan::Plan;
use crate::render::document::{self, Block, Inline, LargePrintDoc};
use crate::theme::Theme;
use brf::{Brf, PageSize};
use louis::Louis;

/// The folder of the site that holds the other formats' files.
pub const FOLDER: &str = "other-formats";

/// The Braille edition as one of the site's outputs.
pub struct Braille;

/// The BRF file's name in the site: the plan's title as a file name.
pub fn site_path(plan: &Plan) -> String {
    format!("{FOLDER}/{}", file_name(plan))
}

/// The BRF file's name: `safer-streets-plan.brf`.
fn file_name(plan: &Plan) -> String {
    let stem = crate::parse::markdown::slug(&plan.meta.title);
    let stem = if stem.is_empty() { "plan" } else { &stem };
    format!("{stem}.brf")
}

/// Raise this when the same document would give a different BRF in a way the code hashed
/// in [`cache_key`] does not show.
const CACHE_VERSION: u32 = 1;

/// The code that lays the edition out, part of what a cached edition was made from.
const CODE: [&str; 3] = [
    include_str!("mod.rs"),
    include_str!("brf.rs"),
    include_str!("louis.rs"),
];

/// The edition as `planpress build` and `export braille` make it: from the cache folder
/// ([`crate::write::cache_folder`]) when an edition of the same document at the same size
/// was made before by the same liblouis and planpress, else translated now and kept there.
/// Translating the shipped plan takes about half a second; finding it cached, a few
/// milliseconds.
pub fn edition(plan: &Plan, size: PageSize) -> Result<Brf> {
    let louis = Louis::get().map_err(|e| anyhow!("{e}"))?;
    let doc = braille_document(plan, size);
    let name = format!("{}.brf", cache_key(&doc, size, louis.version()));
    if let Some(brf) = crate::write::read_cached("braille", &name).and_then(Brf::read) {
        return Ok(brf);
    }
    let brf = brf::layout(&doc, size, &|text| {
        louis.translate(text).map_err(|e| anyhow!("{e}"))
    })?;
    // A cache that cannot be written costs the next build time, nothing else.
    let _ = crate::write::write_cached("braille", &name, &brf.bytes);
    Ok(brf)
}

/// What the edition is made from, as a hex SHA-256: the document, the page size, liblouis's
/// version, planpress's version and its layout code.
fn cache_key(doc: &LargePrintDoc, size: PageSize, louis: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    hash.update(format!(
        "planpress {} braille {CACHE_VERSION}\nliblouis {louis} {}\n{} cells, {} lines\n",
        env!("CARGO_PKG_VERSION"),
        louis::TABLES,
        size.cells,
        size.lines
    ));
    for code in CODE {
        hash.update(code);
    }
    hash.update(format!("{doc:?}"));
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The edition of `plan` at `size`, translated by `translate`.
pub fn edition_with(
    plan: &Plan,
    size: PageSize,
    translate: &dyn Fn(&str) -> Result<String>,
) -> Result<Brf> {
    let doc = braille_document(plan, size);
    brf::layout(&doc, size, translate)
}

/// The linear document with the performance statements (as the large print on the site has
/// them), and the edition's own note in place of the large print's.
fn braille_document(plan: &Plan, size: PageSize) -> LargePrintDoc {
    let mut doc = document::build(plan, true);
    let note = brf::EDITION_NOTE
        .replace("{cells}", &size.cells.to_string())
        .replace("{lines}", &size.lines.to_string());
    for b in &mut doc.blocks {
        if let Block::Para(inlines) = b {
            if matches!(inlines.as_slice(), [Inline::Text(t)] if t == document::LARGE_PRINT_NOTE) {
                *inlines = vec![Inline::Text(note.clone())];
            }
        }
    }
    doc
}

/// "BRF, Unified English Braille grade 2, 40 cells by 25 lines, 212 pages, 310 KB", in
/// `lang` from the word tables.
fn label(lang: &str, brf: &Brf, size: PageSize) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("cells", size.cells);
    args.set("lines", size.lines);
    args.set("pages", brf.preliminary_pages + brf.pages);
    args.set("size", super::size_in(lang, brf.bytes.len()));
    super::say_in(lang, "downloads-braille-label", &args)
}

impl Output for Braille {
    fn name(&self) -> &'static str {
        "braille"
    }

    fn about(&self) -> &'static str {
        "the Braille edition: Unified English Braille grade 2 as a BRF file for embossers and braille displays (made with liblouis)"
    }

    fn summary_name(&self) -> Option<&'static str> {
        Some("Braille")
    }

    fn prepare(&self, plan: &Plan, _env: &Environment) -> Result<Box<dyn Prepared>> {
        if let Some(left_out) = super::left_out_if_too_long(plan, "the Braille edition", "braille")
        {
            return Ok(left_out);
        }
        let start = Instant::now();
        let size = PageSize::default();
        let made = match Louis::get() {
            Ok(_) => Ok(edition(plan, size)?),
            Err(missing) => Err(missing.0),
        };
        Ok(Box::new(Edition {
            languages: super::Languages::of(plan),
            path: site_path(plan),
            made,
            size,
            elapsed: start.elapsed(),
        }))
    }

    fn export_args(&self) -> Vec<clap::Arg> {
        use clap::{value_parser, Arg};
        vec![
            Arg::new("cells")
                .long("cells")
                .value_name("N")
                .default_value("40")
                .value_parser(value_parser!(usize))
                .help("Cells on a braille line: 40 for the standard embossed page, or your display's width (20 to 100)"),
            Arg::new("lines")
                .long("lines")
                .value_name("N")
                .default_value("25")
                .value_parser(value_parser!(usize))
                .help("Lines on a braille page, the page number's line included (4 to 100)"),
        ]
    }

    fn export(&self, plan: &Plan, _theme: &Theme, args: &clap::ArgMatches) -> Result<Exported> {
        let get =
            |name: &str, default: usize| args.get_one::<usize>(name).copied().unwrap_or(default);
        let size = PageSize::new(
            get("cells", brf::DEFAULT_CELLS),
            get("lines", brf::DEFAULT_LINES),
        )
        .map_err(|e| anyhow!("{e}"))?;
        let brf = edition(plan, size)?;
        Ok(Exported {
            description: label(&document::language_of(plan), &brf, size),
            files: vec![(file_name(plan), brf.bytes)],
            warnings: Vec::new(),
        })
    }
}

/// The edition made for a build, or why it could not be.
struct Edition {
    /// The plan's languages, which its downloads are listed in.
    languages: super::Languages,
    path: String,
    made: Result<Brf, String>,
    size: PageSize,
    elapsed: Duration,
}

impl Prepared for Edition {
    fn downloads(&self) -> Vec<Download> {
        let Ok(brf) = &self.made else {
            return Vec::new();
        };
        let none = fluent_bundle::FluentArgs::new();
        self.languages.each(false, |lang| Download {
            output: "braille",
            path: self.path.clone(),
            title: super::say_in(lang, "downloads-braille-title", &none),
            label: label(lang, brf, self.size),
            bytes: brf.bytes.len(),
            shelves: vec![Shelf::OtherFormats],
            lang: None,
            content_lang: None,
            purpose: Some(super::say_in(lang, "downloads-braille-purpose", &none)),
        })
    }

    fn write(&self, _ctx: &RenderContext, sink: &dyn Sink) -> Result<Vec<Download>> {
        if let Ok(brf) = &self.made {
            sink.write(&self.path, &brf.bytes)?;
        }
        Ok(Vec::new())
    }

    fn summary(&self) -> Option<String> {
        Some(match &self.made {
            Ok(brf) => format!(
                "{} pages in {} ms",
                brf.preliminary_pages + brf.pages,
                self.elapsed.as_millis()
            ),
            Err(_) => "left out".to_string(),
        })
    }

    fn warnings(&self) -> Vec<String> {
        match &self.made {
            Ok(_) => Vec::new(),
            Err(why) => vec![format!("the Braille edition was left out: {why}")],
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
