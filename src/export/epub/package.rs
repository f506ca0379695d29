//! The EPUB's package: the container file, the package document (metadata, manifest and
//! spine), the navigation document, the title page and the stylesheet, zipped into the one
//! file readers download.
//!
//! The metadata is EPUB 3.3's with EPUB Accessibility 1.1's: how the book can be read
//! (`schema:accessMode`, `accessModeSufficient`), what helps (`accessibilityFeature`), that it
//! holds no hazards, a summary in words, and the standard it is made to meet
//! (`dcterms:conformsTo`).
//!
//! The container is written with the `zip` crate, as the EPUB Open Container Format asks:
//! `mimetype` first, stored uncompressed with no extra field, then everything else
//! compressed. Every file's time is the plan's publication date, so the same plan gives the
//! same bytes.

use std::io::{Cursor, Write};

use anyhow::{Context, Result};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::xhtml::{
    self, blank, lang_attributes, or_else, xml, Chapter, Kind, Targets, CSS, NAV_FILE, TITLE_FILE,
};
use crate::render::document::say;
use crate::render::document::Block;

/// The folder in the container that holds the package document and the content.
const ROOT: &str = "EPUB";

/// The standard the book is made to meet, in the words EPUB Accessibility 1.1 gives for it.
pub const CONFORMS_TO: &str = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA";

/// The stylesheet: spacing and table rules only, so reading systems and readers keep control
/// of type, size and colour.
const STYLESHEET: &str = "body { line-height: 1.5; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; }
p.lead { margin-bottom: 0.25em; }
table { border-collapse: collapse; margin: 1em 0; }
caption { font-weight: bold; text-align: left; margin-bottom: 0.5em; }
th, td { border: 1px solid; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
li { margin-bottom: 0.25em; }
.titlepage { text-align: center; }
";

/// An image the book holds: its path in the book beside the documents (`images/map.png`),
/// its media type and its bytes.
pub type BookImage = (String, &'static str, std::sync::Arc<[u8]>);

/// What goes into the book besides its content documents.
pub struct Front<'a> {
    /// The images its documents show.
    pub images: &'a [BookImage],
    /// The plan's name.
    pub title: &'a str,
    /// The line under it.
    pub subtitle: Option<&'a str>,
    /// The years it covers.
    pub period: &'a str,
    /// Whether it is a draft.
    pub draft: bool,
    /// The Commissioner.
    pub creator: &'a str,
    /// The publishing office.
    pub publisher: &'a str,
    /// Publication date, `YYYY-MM-DD`.
    pub published: &'a str,
    /// Publication date in words.
    pub published_words: &'a str,
    /// The licence's name and address.
    pub licence: (&'a str, &'a str),
    /// The language the book is written in (`en-GB`, `cy`).
    pub lang: &'a str,
}

/// Zips the book: `chapters` in reading order after the title page and the contents.
pub fn book(front: &Front, chapters: &[Chapter], targets: &Targets) -> Result<Vec<u8>> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::with_capacity(chapters.len() + 4);
    files.push((
        format!("{ROOT}/package.opf"),
        package(front, chapters).into_bytes(),
    ));
    files.push((
        format!("{ROOT}/{NAV_FILE}"),
        nav(front, chapters).into_bytes(),
    ));
    files.push((format!("{ROOT}/{CSS}"), STYLESHEET.as_bytes().to_vec()));
    files.push((
        format!("{ROOT}/{TITLE_FILE}"),
        title_page(front).into_bytes(),
    ));
    for ch in chapters {
        let text = xhtml::document(ch, front.title, targets, front.lang);
        files.push((format!("{ROOT}/{}", ch.file()), text.into_bytes()));
    }
    for (href, _, bytes) in front.images {
        files.push((format!("{ROOT}/{href}"), bytes.to_vec()));
    }
    zip(front.published, &files)
}

/// The container: `mimetype`, `META-INF/container.xml`, then `files` in order.
fn zip(published: &str, files: &[(String, Vec<u8>)]) -> Result<Vec<u8>> {
    let time = file_time(published);
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(time)
        .unix_permissions(0o644);
    let deflated = stored
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(9));
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let container = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n<rootfiles>\n<rootfile full-path=\"{ROOT}/package.opf\" media-type=\"application/oebps-package+xml\"/>\n</rootfiles>\n</container>\n"
    );
    let mut add = |name: &str, bytes: &[u8], options: SimpleFileOptions| -> Result<()> {
        zip.start_file(name, options)
            .with_context(|| format!("cannot add {name} to the EPUB"))?;
        zip.write_all(bytes)
            .with_context(|| format!("cannot add {name} to the EPUB"))
    };
    add("mimetype", b"application/epub+zip", stored)?;
    add("META-INF/container.xml", container.as_bytes(), deflated)?;
    for (name, bytes) in files {
        add(name, bytes, deflated)?;
    }
    let cursor = zip.finish().context("cannot finish the EPUB")?;
    Ok(cursor.into_inner())
}

/// Midnight on the publication date, as zip stores times; 1 January 1980 (zip's first day)
/// for a date it cannot hold.
fn file_time(published: &str) -> DateTime {
    ymd(published)
        .and_then(|(y, m, d)| DateTime::from_date_and_time(y, m, d, 0, 0, 0).ok())
        .unwrap_or_default()
}

/// `YYYY-MM-DD` as numbers.
fn ymd(date: &str) -> Option<(u16, u8, u8)> {
    let mut parts = date.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    parts.next().is_none().then_some((y, m, d))
}

/// The publication date as `dcterms:modified` wants it, or `None` when it is not a date.
fn modified(published: &str) -> Option<String> {
    let (y, m, d) = ymd(published)?;
    ((1..=12).contains(&m) && (1..=31).contains(&d) && y >= 1000)
        .then(|| format!("{y:04}-{m:02}-{d:02}T00:00:00Z"))
}

/// The book's identifier: a name-based UUID of the plan's name, years and office, so every
/// edition of the same plan has the same identifier (and `dcterms:modified` tells editions
/// apart).
pub fn identifier(front: &Front) -> String {
    let name = format!(
        "planpress plan\n{}\n{}\n{}",
        front.title, front.period, front.publisher
    );
    let uuid = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes());
    format!("urn:uuid:{uuid}")
}

/// What the book offers a reader who cannot see it, in words.
fn summary(front: &Front) -> String {
    let plan = say(front.lang, "edition-plan-word", &[]);
    let name = or_else(&format!("{} {}", front.title, front.period), &plan)
        .trim()
        .to_string();
    say(front.lang, "edition-epub-summary", &[("name", &name)])
}

/// The package document.
pub fn package(front: &Front, chapters: &[Chapter]) -> String {
    let mut m = String::new();
    let line = |m: &mut String, text: String| {
        m.push_str("    ");
        m.push_str(&text);
        m.push('\n');
    };
    line(
        &mut m,
        format!(
            "<dc:identifier id=\"pub-id\">{}</dc:identifier>",
            xml(&identifier(front))
        ),
    );
    line(
        &mut m,
        format!(
            "<dc:title id=\"title\">{}</dc:title>",
            xml(book_title(front).trim())
        ),
    );
    line(
        &mut m,
        "<meta refines=\"#title\" property=\"title-type\">main</meta>".to_string(),
    );
    if let Some(sub) = front.subtitle.filter(|s| !blank(s)) {
        line(
            &mut m,
            format!("<dc:title id=\"subtitle\">{}</dc:title>", xml(sub.trim())),
        );
        line(
            &mut m,
            "<meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>".to_string(),
        );
    }
    line(
        &mut m,
        format!("<dc:language>{}</dc:language>", xml(front.lang)),
    );
    if !blank(front.creator) {
        line(
            &mut m,
            format!("<dc:creator>{}</dc:creator>", xml(front.creator.trim())),
        );
    }
    if !blank(front.publisher) {
        line(
            &mut m,
            format!(
                "<dc:publisher>{}</dc:publisher>",
                xml(front.publisher.trim())
            ),
        );
    }
    let modified = modified(front.published);
    if modified.is_some() {
        line(
            &mut m,
            format!("<dc:date>{}</dc:date>", xml(front.published)),
        );
    }
    if !blank(front.licence.0) {
        line(
            &mut m,
            format!(
                "<dc:rights>{}</dc:rights>",
                xml(&format!(
                    "{} ({})",
                    front.licence.0.trim(),
                    front.licence.1.trim()
                ))
            ),
        );
    }
    line(
        &mut m,
        format!(
            "<meta property=\"dcterms:modified\">{}</meta>",
            modified.unwrap_or_else(|| "1980-01-01T00:00:00Z".to_string())
        ),
    );
    // A book with pictures has them to see as well as text; each has its text alternative,
    // so the text is enough.
    if !front.images.is_empty() {
        for (property, value) in [
            ("schema:accessMode", "visual"),
            ("schema:accessibilityFeature", "alternativeText"),
        ] {
            line(
                &mut m,
                format!("<meta property=\"{property}\">{value}</meta>"),
            );
        }
    }
    for (property, value) in [
        ("schema:accessMode", "textual"),
        ("schema:accessModeSufficient", "textual"),
        ("schema:accessibilityFeature", "tableOfContents"),
        ("schema:accessibilityFeature", "readingOrder"),
        ("schema:accessibilityFeature", "structuralNavigation"),
        ("schema:accessibilityFeature", "displayTransformability"),
        ("schema:accessibilityHazard", "none"),
    ] {
        line(
            &mut m,
            format!("<meta property=\"{property}\">{value}</meta>"),
        );
    }
    line(
        &mut m,
        format!(
            "<meta property=\"schema:accessibilitySummary\">{}</meta>",
            xml(&summary(front))
        ),
    );
    line(
        &mut m,
        format!("<meta property=\"dcterms:conformsTo\">{CONFORMS_TO}</meta>"),
    );
    if !blank(front.publisher) {
        line(
            &mut m,
            format!(
                "<meta property=\"a11y:certifiedBy\">{}</meta>",
                xml(front.publisher.trim())
            ),
        );
    }

    let mut manifest = String::new();
    let mut spine = String::new();
    let item = |manifest: &mut String, id: &str, href: &str, media: &str, props: &str| {
        manifest.push_str(&format!(
            "    <item id=\"{id}\" href=\"{href}\" media-type=\"{media}\"{props}/>\n"
        ));
    };
    item(
        &mut manifest,
        "nav",
        NAV_FILE,
        "application/xhtml+xml",
        " properties=\"nav\"",
    );
    item(&mut manifest, "css", CSS, "text/css", "");
    item(
        &mut manifest,
        "titlepage",
        TITLE_FILE,
        "application/xhtml+xml",
        "",
    );
    spine.push_str("    <itemref idref=\"titlepage\"/>\n    <itemref idref=\"nav\"/>\n");
    for (n, (href, media, _)) in front.images.iter().enumerate() {
        item(&mut manifest, &format!("image-{}", n + 1), href, media, "");
    }
    for ch in chapters {
        item(
            &mut manifest,
            &ch.stem,
            &ch.file(),
            "application/xhtml+xml",
            "",
        );
        spine.push_str(&format!("    <itemref idref=\"{}\"/>\n", ch.stem));
    }
    let lang = xml(front.lang);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"pub-id\" xml:lang=\"{lang}\">\n  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n{m}  </metadata>\n  <manifest>\n{manifest}  </manifest>\n  <spine>\n{spine}  </spine>\n</package>\n"
    )
}

/// The title the book is listed under: the plan's name and years, and "(draft)" for a draft.
fn book_title(front: &Front) -> String {
    let plan = say(front.lang, "edition-untitled-plan", &[]);
    let t = or_else(
        &format!("{} {}", front.title.trim(), front.period.trim()),
        &plan,
    )
    .trim()
    .to_string();
    if front.draft {
        say(front.lang, "edition-draft-title", &[("title", &t)])
    } else {
        t
    }
}

/// The title page.
fn title_page(front: &Front) -> String {
    let plan = say(front.lang, "edition-untitled-plan", &[]);
    let title = or_else(front.title, &plan);
    let mut s = xhtml::head(&book_title(front), front.lang);
    s.push_str("<section epub:type=\"titlepage\" class=\"titlepage\" aria-labelledby=\"title\">\n");
    s.push_str(&format!("<h1 id=\"title\">{}</h1>\n", xml(title)));
    if let Some(sub) = front.subtitle.filter(|s| !blank(s)) {
        s.push_str(&format!("<p>{}</p>\n", xml(sub)));
    }
    if !blank(front.period) {
        s.push_str(&format!("<p>{}</p>\n", xml(front.period)));
    }
    if front.draft {
        s.push_str(&format!(
            "<p><strong>{}</strong> {}</p>\n",
            xml(&say(front.lang, "edition-draft-word", &[])),
            xml(&say(front.lang, "edition-draft-sentence", &[]))
        ));
    }
    if !blank(front.publisher) {
        s.push_str(&format!("<p>{}</p>\n", xml(front.publisher)));
    }
    if !blank(front.published_words) {
        s.push_str(&format!(
            "<p>{}</p>\n",
            xml(&say(
                front.lang,
                "edition-published",
                &[("date", front.published_words)]
            ))
        ));
    }
    s.push_str("</section>\n");
    s.push_str(xhtml::FOOT);
    s
}

/// One entry of the contents.
struct Entry {
    level: u8,
    href: String,
    text: String,
    /// The language of the words when not the book's.
    lang: Option<String>,
    children: Vec<Entry>,
}

/// The navigation document: every heading of the plan, nested as the plan is (statements
/// under Performance, priorities under their aim), and the landmarks.
pub fn nav(front: &Front, chapters: &[Chapter]) -> String {
    let section = say(front.lang, "edition-untitled-section", &[]);
    let mut roots: Vec<Entry> = Vec::new();
    for ch in chapters {
        let file = ch.file();
        let mut first = true;
        walk_headings(&ch.blocks, &mut |level, id, text, lang| {
            let href = if first {
                file.clone()
            } else {
                format!("{file}#{id}")
            };
            first = false;
            insert(
                &mut roots,
                Entry {
                    level,
                    href,
                    text: or_else(text, &section).to_string(),
                    lang: lang.map(str::to_string),
                    children: Vec::new(),
                },
            );
        });
    }
    let contents = say(front.lang, "edition-contents", &[]);
    let plan = say(front.lang, "edition-untitled-plan", &[]);
    let mut s = xhtml::head(
        &format!("{contents} – {}", or_else(front.title, &plan)),
        front.lang,
    );
    s.push_str(&format!("<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\" aria-labelledby=\"toc-heading\">\n<h1 id=\"toc-heading\">{}</h1>\n", xml(&contents)));
    write_entries(&mut s, &roots);
    s.push_str("</nav>\n");
    s.push_str(&format!(
        "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>{}</h2>\n<ol>\n",
        xml(&say(front.lang, "edition-landmarks", &[]))
    ));
    s.push_str(&format!(
        "<li><a epub:type=\"toc\" href=\"{NAV_FILE}#toc\">{}</a></li>\n",
        xml(&contents)
    ));
    if let Some(ch) = chapters.first() {
        s.push_str(&format!(
            "<li><a epub:type=\"bodymatter\" href=\"{}\">{}</a></li>\n",
            ch.file(),
            xml(or_else(
                ch.title().unwrap_or_default(),
                &say(front.lang, "edition-start", &[])
            ))
        ));
    }
    if let Some(ch) = chapters.iter().find(|c| c.kind == Kind::Glossary) {
        s.push_str(&format!(
            "<li><a epub:type=\"glossary\" href=\"{}\">{}</a></li>\n",
            ch.file(),
            xml(&say(front.lang, "doc-glossary", &[]))
        ));
    }
    s.push_str("</ol>\n</nav>\n");
    s.push_str(xhtml::FOOT);
    s
}

/// Calls `f` with each heading's level (as in the whole document), id and words, in order.
fn walk_headings(blocks: &[Block], f: &mut impl FnMut(u8, &str, &str, Option<&str>)) {
    for b in blocks {
        match b {
            Block::Heading {
                level,
                id,
                text,
                lang,
                ..
            } => f(*level, id, text, lang.as_deref()),
            Block::List { items, .. } => {
                for item in items {
                    walk_headings(item, f);
                }
            }
            Block::Quote(inner) | Block::Lang { blocks: inner, .. } => walk_headings(inner, f),
            _ => {}
        }
    }
}

/// Puts `e` under the last entry of a lower level, or at the top.
fn insert(entries: &mut Vec<Entry>, e: Entry) {
    match entries.last_mut() {
        Some(last) if last.level < e.level => insert(&mut last.children, e),
        _ => entries.push(e),
    }
}

fn write_entries(s: &mut String, entries: &[Entry]) {
    if entries.is_empty() {
        return;
    }
    s.push_str("<ol>\n");
    for e in entries {
        s.push_str(&format!(
            "<li><a href=\"{}\"{}>{}</a>",
            xml(&e.href),
            lang_attributes(e.lang.as_deref()),
            xml(&e.text)
        ));
        if !e.children.is_empty() {
            s.push('\n');
            write_entries(s, &e.children);
        }
        s.push_str("</li>\n");
    }
    s.push_str("</ol>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_file_times_and_modified_stamps() {
        assert_eq!(
            modified("2021-08-09").as_deref(),
            Some("2021-08-09T00:00:00Z")
        );
        assert_eq!(modified("2021-13-09"), None);
        assert_eq!(modified("soon"), None);
        let t = file_time("2021-08-09");
        assert_eq!((t.year(), t.month(), t.day()), (2021, 8, 9));
        assert_eq!(file_time("1970-01-01"), DateTime::default());
    }

    #[test]
    fn headings_nest_under_the_last_lower_one() {
        let mut roots = Vec::new();
        for level in [1, 2, 3, 2, 4, 1] {
            insert(
                &mut roots,
                Entry {
                    level,
                    href: String::new(),
                    text: String::new(),
                    lang: None,
                    children: Vec::new(),
                },
            );
        }
        assert_eq!(roots.len(), 2);
        assert_eq!(roots[0].children.len(), 2);
        assert_eq!(roots[0].children[0].children.len(), 1);
        assert_eq!(roots[0].children[1].children[0].level, 4);
    }
}
