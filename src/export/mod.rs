//! The outputs made from a validated [`Plan`], behind one contract.
//!
//! The website ([`website`]) is the site itself; every other output (the large-print edition,
//! the open data, ...) is an [`Output`] named in [`OUTPUTS`]. That one table is where
//! `planpress build`, the preview, the `build --no-<name>` flags, the `export <name>`
//! subcommands and the website's links to other formats all find them, so a new format is one
//! module here and one entry in the table.
//!
//! An output is made in two steps, so the build can keep both cores busy:
//!
//! 1. [`Output::prepare`] reads only the plan (and the previous output folder, to reuse what
//!    has not changed), beside the theme's loading. What it knows then about the files it
//!    will write ([`Prepared::downloads`]) is what every page's footer can link to.
//! 2. [`Prepared::write`] writes the files through a [`Sink`], beside the website's pages,
//!    reading the [`RenderContext`]; the downloads it reports (sizes known only once
//!    written) are listed by the pages that wait for them.
//!
//! No output imports another: what two say alike lives in [`crate::render`] or
//! [`crate::words`].

pub mod audio;
pub mod braille;
pub mod data;
pub mod diff_report;
pub mod epub;
pub mod large_print;
pub mod plain;
pub mod website;

use std::any::Any;
use std::path::Path;

use anyhow::{anyhow, Context as _, Result};
use serde::Serialize;

use crate::compare::{Comparison, Published};
use crate::plan::Plan;
use crate::theme::Theme;

/// The folder `planpress export <name>` writes into unless `--out` says otherwise, in the
/// current folder: one predictable place, never the current folder itself (a plan's
/// repository, where every exported file would show as untracked). A plan's `.gitignore`
/// lists it beside the output folder, `public/`.
pub const EXPORT_FOLDER: &str = "exports";

/// Every output besides the website, in the order the build makes them and lists them.
pub static OUTPUTS: &[&dyn Output] = &[
    &large_print::LargePrint,
    &plain::PlainText,
    &epub::Epub,
    &data::OpenData,
    &braille::Braille,
    &audio::AudioEdition,
];

/// The output named `name` (as in `build --no-<name>`).
pub fn output(name: &str) -> Option<&'static dyn Output> {
    OUTPUTS.iter().copied().find(|o| o.name() == name)
}

/// One output of the plan besides the website: a format readers can download.
pub trait Output: Sync {
    /// Its name in commands: `build --no-<name>`, `export <name>`.
    fn name(&self) -> &'static str;

    /// What it is, in one line, for `--help`.
    fn about(&self) -> &'static str;

    /// How the build's summary line names it ("large print PDF"), if it is named there.
    fn summary_name(&self) -> Option<&'static str> {
        None
    }

    /// Whether `planpress build` makes it unless told not to.
    fn on_by_default(&self) -> bool {
        true
    }

    /// The first step: the work that needs only the validated plan, done beside the theme's
    /// loading.
    fn prepare(&self, plan: &Plan, env: &Environment) -> Result<Box<dyn Prepared>>;

    /// The options `planpress export <name>` takes besides `--content`, `--theme` and `--out`.
    fn export_args(&self) -> Vec<clap::Arg> {
        Vec::new()
    }

    /// Makes the output alone, for `planpress export <name>`, with the options of
    /// [`Output::export_args`].
    fn export(&self, plan: &Plan, theme: &Theme, args: &clap::ArgMatches) -> Result<Exported>;
}

/// What `planpress export <name>` made.
#[derive(Debug, Clone)]
pub struct Exported {
    /// Each file's name (a path relative to where it is written) and bytes.
    pub files: Vec<(String, Vec<u8>)>,
    /// A few words on what was made: "18 point, PDF, 60 pages, 412 KB".
    pub description: String,
    /// Anything the reader of the command should know.
    pub warnings: Vec<String>,
}

/// An output part-made by [`Output::prepare`], ready to write.
pub trait Prepared: Send + Sync {
    /// What the website may say of the files before they are written: the downloads in
    /// every page's footer.
    fn downloads(&self) -> Vec<Download>;

    /// The second step: writes the output's files through `sink`, beside the website's
    /// pages. Returns the downloads known only once written, for the pages that list them.
    fn write(&self, ctx: &RenderContext, sink: &dyn Sink) -> Result<Vec<Download>>;

    /// What the build's summary line says of it ("169 pages in 412 ms").
    fn summary(&self) -> Option<String> {
        None
    }

    /// What the person building should know, one line each: "the Braille edition was left
    /// out: liblouis was not found; install ...". The build prints each once.
    fn warnings(&self) -> Vec<String> {
        Vec::new()
    }

    /// The prepared output as itself, for tests and benchmarks that look inside.
    fn as_any(&self) -> &dyn Any;
}

/// An edition left out of this build, with the one line that says why.
pub struct LeftOut(pub String);

impl Prepared for LeftOut {
    fn downloads(&self) -> Vec<Download> {
        Vec::new()
    }

    fn write(&self, _ctx: &RenderContext, _sink: &dyn Sink) -> Result<Vec<Download>> {
        Ok(Vec::new())
    }

    fn warnings(&self) -> Vec<String> {
        vec![self.0.clone()]
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// For an edition that reads the whole plan start to end (written from
/// [`crate::render::document`]): the edition left out, with a warning, when the plan is far
/// too long for it (see [`crate::render::document::estimated_blocks`]). `what` names it: "the
/// EPUB edition". The build goes on without it, as with a missing program.
pub fn left_out_if_too_long(plan: &Plan, what: &str, flag: &str) -> Option<Box<dyn Prepared>> {
    use crate::render::document::{estimated_blocks, MAX_BLOCKS};
    let blocks = estimated_blocks(plan);
    (blocks > MAX_BLOCKS).then(|| {
        Box::new(LeftOut(format!(
            "{what} was left out: the plan is too long for it (about {blocks} paragraphs, list items and table rows, more than {MAX_BLOCKS}); build with --no-{flag} to leave it out without this warning"
        ))) as Box<dyn Prepared>
    })
}

/// The languages `export large-print` and `export epub` make the edition in, from `--lang`:
/// the plan's first language unless told otherwise, every language with `--lang all`. A
/// language the plan does not have is an error naming those it has.
pub fn export_languages(plan: &Plan, asked: Option<&str>) -> Result<Vec<String>> {
    let have = plan.languages();
    if have.is_empty() {
        return match asked {
            None | Some("all") => Ok(vec![crate::render::document::language_of(plan)]),
            Some(lang) if *lang == crate::render::document::language_of(plan) => {
                Ok(vec![lang.to_string()])
            }
            Some(lang) => Err(anyhow!(
                "--lang {lang}: the plan is in one language, {}",
                crate::render::document::language_of(plan)
            )),
        };
    }
    match asked {
        None => Ok(have.first().cloned().into_iter().collect()),
        Some("all") => Ok(have.to_vec()),
        Some(lang) if have.is_empty() || have.iter().any(|l| l == lang) => {
            Ok(vec![lang.to_string()])
        }
        Some(lang) => Err(anyhow!(
            "--lang {lang}: the plan has no such language; its languages are {} (or use --lang all)",
            have.join(", ")
        )),
    }
}

/// The file name of an export in `lang`: `name` for the plan's first language (or a plan in
/// one language), `name` with the language before its extension for another
/// (`large-print.cy.pdf`).
pub fn export_name_in(plan: &Plan, lang: &str, name: &str) -> String {
    match plan.languages().first() {
        Some(first) if first != lang => match name.rsplit_once('.') {
            Some((stem, ext)) => format!("{stem}.{lang}.{ext}"),
            None => format!("{name}.{lang}"),
        },
        _ => name.to_string(),
    }
}

/// The address of the website's pages in `lang`, a language other than the plan's first:
/// its folder under the site's address `base_url`. Editions in that language link there.
pub fn base_url_in(base_url: Option<&str>, lang: &str) -> Option<String> {
    base_url.map(|b| format!("{}/{lang}", b.trim_end_matches('/')))
}

/// The `--lang` option of the exports written from the linear document.
pub fn lang_arg() -> clap::Arg {
    clap::Arg::new("lang")
        .long("lang")
        .value_name("LANGUAGE")
        .help("For a plan in more than one language: the language to make it in (a tag the plan's `languages:` names, such as cy), or `all`; the default is the plan's first language. Each other language's file has the tag before its extension")
}

/// What a build gives outputs besides the plan.
#[derive(Clone, Copy)]
pub struct Environment<'a> {
    /// The output folder as the last build left it (it may not exist), for reusing a file
    /// whose inputs have not changed, with what the build remembered of it
    /// ([`crate::write::state_file`]).
    pub previous: &'a Path,
    /// Who typesets PDFs.
    pub typesetter: &'a large_print::typeset::Typesetter,
    /// Where a slow output says how far it has got.
    pub progress: &'a dyn Progress,
}

/// Where a slow output says how far it has got: the build shows it on its progress line
/// (on a terminal only).
pub trait Progress: Sync {
    /// Says what is being done now: "speaking the audio edition: 3 of 9 chapters done".
    fn report(&self, what: &str);
}

/// Progress told to no one.
pub struct Silent;

impl Progress for Silent {
    fn report(&self, _what: &str) {}
}

/// What every output reads: the validated plan, the theme, the comparison with an earlier
/// revision (when the plan names one) and what the outputs have made so far.
#[derive(Clone, Copy)]
pub struct RenderContext<'a> {
    /// The validated plan.
    pub plan: &'a Plan,
    /// The theme.
    pub theme: &'a Theme,
    /// The plan compared with the revision its `compare_with` setting names.
    pub comparison: Option<&'a Comparison>,
    /// The plan's published revisions, newest first (this one first), each with what changed
    /// since the one before ([`crate::compare::published_history`]); empty when not known.
    pub history: &'a [Published],
    /// The files readers can download, as far as they are known.
    pub downloads: &'a [Download],
}

/// A file an output made for readers to download, as the website links to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Download {
    /// The output that made it.
    pub output: &'static str,
    /// The file, relative to the site root.
    pub path: String,
    /// The link's words: "Large print version", "Download all commitments".
    pub title: String,
    /// What the file is, for the words after the link: "PDF, 64 pages, 412 KB", "CSV, 24 KB".
    pub label: String,
    /// Its size in bytes (0 for a web page).
    pub bytes: usize,
    /// Where the website lists it.
    pub shelves: Vec<Shelf>,
    /// What the format is for and who it suits, in a sentence or two, for the "Other
    /// formats" page, which lists an output's downloads under the title of the first of
    /// them that says. `None` for the rest.
    pub purpose: Option<String>,
    /// For a plan in more than one language, the language of a download made in one of them
    /// (the large print and the EPUB are made in each); `None` for a file in no language or
    /// for a plan in one. The website in each language lists the downloads in its own
    /// language, and those in another only where it has none of its own ([`Download::for_language`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The language of the file's content when it is not the language of the pages that list
    /// this entry (the Braille edition and the recordings, made from the plan's first
    /// language, as listed for the readers of another): the link is marked with `hreflang`
    /// and says which language the file is in. `None` for a plan in one language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_lang: Option<String>,
}

impl Download {
    /// True when the website lists it on `shelf`.
    pub fn on(&self, shelf: Shelf) -> bool {
        self.shelves.contains(&shelf)
    }

    /// The downloads the website in `lang` lists: those in no language, those in `lang`, and
    /// those in another language when `lang` has none from the same output for the same
    /// shelves (a report's Panel paper made only in the plan's first language).
    pub fn for_language(downloads: &[Download], lang: &str) -> Vec<Download> {
        downloads
            .iter()
            .filter(|d| match d.lang.as_deref() {
                None => true,
                Some(l) if l == lang => true,
                Some(_) => !downloads.iter().any(|o| {
                    o.lang.as_deref() == Some(lang)
                        && o.output == d.output
                        && o.shelves == d.shelves
                }),
            })
            .cloned()
            .collect()
    }
}

/// The languages a plan's pages are in, as an output that makes a file in one language (or
/// none) lists it: see [`Languages::each`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Languages {
    /// The plan's languages, its first first (empty for a plan in one language).
    list: Vec<String>,
    /// The language of a plan in one language.
    one: String,
}

impl Languages {
    /// The languages of `plan`.
    pub fn of(plan: &Plan) -> Languages {
        Languages {
            list: plan.languages().to_vec(),
            one: crate::render::document::language_of(plan),
        }
    }

    /// The folder of the website in `lang`, from the site root: none for the plan's first
    /// language (or a plan in one), `cy/` for another.
    pub fn folder(&self, lang: &str) -> String {
        match self.list.first() {
            Some(first) if first != lang => format!("{lang}/"),
            _ => String::new(),
        }
    }

    /// The downloads of one file, one for each language: `make` gives the entry with its
    /// words in the language it is given. For a plan in more than one language each entry
    /// carries its language, and those of a language other than the plan's first (the
    /// language the file is made from) carry the first as [`Download::content_lang`], unless
    /// `in_every_language` (a file that holds every language, such as `plan.json`, or a page
    /// made in each). A plan in
    /// one language gets one entry, in its language, with neither.
    pub fn each(&self, in_every_language: bool, make: impl Fn(&str) -> Download) -> Vec<Download> {
        let Some(first) = self.list.first().filter(|_| self.list.len() > 1) else {
            return vec![make(&self.one)];
        };
        self.list
            .iter()
            .map(|lang| Download {
                lang: Some(lang.clone()),
                content_lang: (lang != first && !in_every_language).then(|| first.clone()),
                ..make(lang)
            })
            .collect()
    }
}

/// The words of `key` in `lang` from the shipped word tables, with `args` (counts given as
/// numbers, so that the table chooses each language's plural form); the key itself if the
/// tables lack it.
pub fn say_in(lang: &str, key: &str, args: &fluent_bundle::FluentArgs) -> String {
    crate::render::document::words()
        .text(lang, key, Some(args))
        .unwrap_or_else(|_| key.to_string())
}

/// A file's size for readers in `lang`: "980 bytes", "412 KB", "1.1 MB" (1 KB = 1,024 bytes),
/// as [`crate::words::human_size`] says it in English.
pub fn size_in(lang: &str, bytes: usize) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    let mut args = fluent_bundle::FluentArgs::new();
    if b < KB {
        args.set("bytes", bytes);
        say_in(lang, "downloads-size-bytes", &args)
    } else if b < KB * KB {
        args.set("kb", (b / KB).round().max(1.0) as u64);
        say_in(lang, "downloads-size-kb", &args)
    } else {
        // Given as text: both languages write the one decimal with a point.
        args.set("mb", format!("{:.1}", b / (KB * KB)));
        say_in(lang, "downloads-size-mb", &args)
    }
}

/// A length of time for readers in `lang`, to the second under an hour and to the minute
/// over: "12 minutes 5 seconds", "1 hour 2 minutes" ("12 munud 5 eiliad").
pub fn duration_in(lang: &str, seconds: f64) -> String {
    let s = seconds.round().max(0.0) as u64;
    let unit = |n: u64, key: &str| {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("count", n);
        say_in(lang, key, &args)
    };
    let both = |first: String, second: String| {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("first", first);
        args.set("second", second);
        say_in(lang, "downloads-duration-two", &args)
    };
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    match (h, m) {
        (0, 0) => unit(sec, "downloads-seconds"),
        (0, _) if sec == 0 => unit(m, "downloads-minutes"),
        (0, _) => both(unit(m, "downloads-minutes"), unit(sec, "downloads-seconds")),
        _ if m == 0 => unit(h, "downloads-hours"),
        _ => both(unit(h, "downloads-hours"), unit(m, "downloads-minutes")),
    }
}

/// Where the website lists a download.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Shelf {
    /// Every page's footer: a version of the whole plan.
    Footer,
    /// The performance pages: figures.
    Performance,
    /// The delivery page: commitments.
    Delivery,
    /// The "Other formats" page: a version of the whole plan (EPUB, Braille, audio...), with
    /// what it is for.
    OtherFormats,
    /// A report's page: a version of that report alone (its path is in the report's folder).
    Report,
}

/// Where an output's files go: the build's staging folder, or the preview's output folder.
/// Paths are relative to the site root, with `/` separators.
pub trait Sink: Sync {
    /// Writes one file.
    fn write(&self, path: &str, bytes: &[u8]) -> Result<()>;

    /// Opens one file to write in pieces, for a file too big to hold in memory (a big plan's
    /// JSON). Nothing is at `path` until [`NewFile::finish`].
    fn create(&self, path: &str) -> Result<Box<dyn NewFile + '_>>;

    /// Puts `from`, the previous output's copy of the file, at `path` unchanged.
    fn keep(&self, path: &str, from: &Path) -> Result<()>;

    /// Keeps `bytes` as `name` in the output folder's state, outside the folder and never
    /// published, for the next build to read ([`crate::write::state_file`]): what a file was
    /// made from, say. Saved once the files written beside it are in place. A sink with no
    /// output folder drops it, which costs the next build time, never correctness.
    fn remember(&self, name: &str, bytes: &[u8]) -> Result<()> {
        let _ = (name, bytes);
        Ok(())
    }
}

/// A file being written through a [`Sink`].
pub trait NewFile: std::io::Write + Send {
    /// Completes the file.
    fn finish(self: Box<Self>) -> Result<()>;
}

/// A [`Sink`] that keeps every file in memory, for tests and tools that want an output's
/// files without writing them. What outputs ask it to remember for the next build is dropped.
#[derive(Default)]
pub struct Memory(std::sync::Mutex<Vec<(String, Vec<u8>)>>);

impl Memory {
    /// The files given, sorted by path.
    pub fn into_files(self) -> Vec<(String, Vec<u8>)> {
        let mut files = self
            .0
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        files.sort_by(|a, b| a.0.cmp(&b.0));
        files
    }
}

impl Sink for Memory {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<()> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push((path.to_string(), bytes.to_vec()));
        Ok(())
    }

    fn create(&self, path: &str) -> Result<Box<dyn NewFile + '_>> {
        Ok(Box::new(MemoryFile {
            sink: self,
            path: path.to_string(),
            bytes: Vec::new(),
        }))
    }

    fn keep(&self, path: &str, from: &Path) -> Result<()> {
        let bytes =
            std::fs::read(from).with_context(|| format!("cannot read {}", from.display()))?;
        self.write(path, &bytes)
    }
}

/// A file being written into a [`Memory`].
struct MemoryFile<'a> {
    sink: &'a Memory,
    path: String,
    bytes: Vec<u8>,
}

impl std::io::Write for MemoryFile<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl NewFile for MemoryFile<'_> {
    fn finish(self: Box<Self>) -> Result<()> {
        self.sink.write(&self.path, &self.bytes)
    }
}

impl std::fmt::Debug for dyn Output {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The outputs a build makes: those on by default, less those named in `left_out`.
pub fn chosen(left_out: &[&str]) -> Vec<&'static dyn Output> {
    OUTPUTS
        .iter()
        .copied()
        .filter(|o| o.on_by_default() && !left_out.contains(&o.name()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_lengths_are_said_in_english_as_before() {
        for bytes in [
            0,
            1,
            980,
            1023,
            1024,
            1536,
            412 * 1024,
            1024 * 1024,
            1_200_000_000,
        ] {
            assert_eq!(size_in("en-GB", bytes), crate::words::human_size(bytes));
        }
        assert_eq!(duration_in("en-GB", 0.4), "0 seconds");
        assert_eq!(duration_in("en-GB", 1.0), "1 second");
        assert_eq!(duration_in("en-GB", 725.0), "12 minutes 5 seconds");
        assert_eq!(duration_in("en-GB", 60.0), "1 minute");
        assert_eq!(duration_in("en-GB", 3725.0), "1 hour 2 minutes");
        assert_eq!(duration_in("en-GB", 7200.0), "2 hours");
        assert_eq!(duration_in("en-GB", -5.0), "0 seconds");
    }

    #[test]
    fn sizes_and_lengths_are_said_in_welsh_with_its_plural_forms() {
        assert_eq!(size_in("cy", 980), "980 beit");
        assert_eq!(size_in("cy", 7 * 1024), "7 KB");
        assert_eq!(size_in("cy", 3 * 1024 * 1024 / 2), "1.5 MB");
        // A noun after a figure stays singular in Welsh; "munud" softens after two.
        assert_eq!(duration_in("cy", 1.0), "1 eiliad");
        assert_eq!(duration_in("cy", 120.0), "2 funud");
        assert_eq!(duration_in("cy", 191.0), "3 munud 11 eiliad");
        assert_eq!(duration_in("cy", 3725.0), "1 awr 2 funud");
        assert_eq!(duration_in("cy", 7200.0), "2 awr");
    }

    #[test]
    fn a_file_is_listed_once_in_a_plan_of_one_language_and_once_in_each_of_two() {
        let make = |lang: &str| Download {
            output: "test",
            path: "file".to_string(),
            title: lang.to_string(),
            label: String::new(),
            bytes: 0,
            shelves: vec![Shelf::OtherFormats],
            purpose: None,
            lang: None,
            content_lang: None,
        };
        let one = Languages {
            list: Vec::new(),
            one: "en-GB".to_string(),
        };
        assert_eq!(one.each(false, make), vec![make("en-GB")]);
        assert_eq!(one.folder("en-GB"), "");
        let two = Languages {
            list: vec!["en-GB".to_string(), "cy".to_string()],
            one: "en-GB".to_string(),
        };
        let listed = two.each(false, make);
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[0].lang.as_deref(), Some("en-GB"));
        assert_eq!(listed[0].content_lang, None);
        assert_eq!(listed[1].title, "cy");
        assert_eq!(listed[1].content_lang.as_deref(), Some("en-GB"));
        assert_eq!(
            Download::for_language(&listed, "cy"),
            vec![listed[1].clone()]
        );
        // A file in every language is not marked as in another.
        assert!(two
            .each(true, make)
            .iter()
            .all(|d| d.content_lang.is_none()));
        assert_eq!(two.folder("cy"), "cy/");
    }
}
