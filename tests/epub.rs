//! The EPUB edition, opened up: the container as reading systems expect it, the package
//! document's accessibility metadata, the navigation document, one content document per
//! part, every commitment and statement as a fragment target, `lang` everywhere, links that
//! land, tables with headers, and the same bytes from the same plan. Checked on the shipped
//! plan and on `tests/fixtures/epub` (names full of `&`, `<`, quotes and accents, an empty
//! aim, a wide table), and on plans made hostile in memory. Every XML file is parsed with a
//! real XML parser. The "Other formats" page that lists the book is checked here too.
//!
//! EPUBCheck and DAISY Ace check the same books in `.ci/test` (tests/epub/check.mjs).

mod common;

use std::collections::{BTreeMap, HashSet};
use std::io::{Cursor, Read};

use common::{repo, strip_tags, tags, Site};
use planpress::export::epub::{self, CONFORMS_TO};
use planpress::plan::Plan;
use planpress::words::human_size;

/// Parses XML as reading systems do: XHTML documents start with `<!DOCTYPE html>`.
fn parse(text: &str) -> roxmltree::Document<'_> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(text, opts).unwrap_or_else(|e| panic!("{e}"))
}

/// The plan in `content` (relative to the repository).
fn plan(content: &str) -> Plan {
    planpress::read_plan(&repo().join(content)).expect("the plan is valid")
}

/// The book's entries in the order they are stored: name → text.
struct Book {
    bytes: Vec<u8>,
    entries: Vec<(String, String)>,
}

impl Book {
    fn of(plan: &Plan) -> Book {
        Book::read(epub::book(plan).expect("the book is made").bytes)
    }

    fn read(bytes: Vec<u8>) -> Book {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes.clone())).expect("a zip file");
        let mut entries = Vec::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let mut text = String::new();
            f.read_to_string(&mut text)
                .unwrap_or_else(|e| panic!("{} is not UTF-8: {e}", f.name().unwrap()));
            entries.push((f.name().unwrap().to_string(), text));
        }
        Book { bytes, entries }
    }

    fn get(&self, name: &str) -> &str {
        self.entries
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.as_str())
            .unwrap_or_else(|| panic!("no {name} in the book"))
    }

    /// The content documents in spine order (after the title page and the contents), by their
    /// path in the container.
    fn spine(&self) -> Vec<String> {
        let opf = self.get("EPUB/package.opf");
        let doc = parse(opf);
        let hrefs: BTreeMap<&str, &str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("item"))
            .map(|n| (n.attribute("id").unwrap(), n.attribute("href").unwrap()))
            .collect();
        doc.descendants()
            .filter(|n| n.has_tag_name("itemref"))
            .map(|n| format!("EPUB/{}", hrefs[n.attribute("idref").unwrap()]))
            .collect()
    }

    /// Every XHTML document: path → text.
    fn documents(&self) -> Vec<(&str, &str)> {
        self.entries
            .iter()
            .filter(|(n, _)| n.ends_with(".xhtml"))
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect()
    }

    /// The documents that hold an element with this id.
    fn holding(&self, id: &str) -> Vec<(&str, String)> {
        self.documents()
            .into_iter()
            .filter_map(|(name, text)| {
                tags(text)
                    .into_iter()
                    .find(|t| t.attr("id") == Some(id))
                    .map(|t| (name, t.name))
            })
            .collect()
    }
}

/// The `<meta property=...>` values of the package document, and its Dublin Core elements.
fn metadata(opf: &str) -> BTreeMap<String, Vec<String>> {
    let doc = parse(opf);
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let meta = doc
        .descendants()
        .find(|n| n.has_tag_name("metadata"))
        .unwrap();
    for n in meta.children().filter(|n| n.is_element()) {
        let key = match n.attribute("property") {
            Some(p) if n.attribute("refines").is_none() => p.to_string(),
            Some(_) => continue,
            None => format!("dc:{}", n.tag_name().name()),
        };
        out.entry(key)
            .or_default()
            .push(n.text().unwrap_or_default().to_string());
    }
    out
}

#[test]
fn the_container_starts_with_the_mimetype_stored_and_names_the_package() {
    let book = Book::of(&plan("content"));
    let b = &book.bytes;
    // Reading systems sniff the first bytes: a local file header for "mimetype", stored
    // (method 0), with no extra field, and its content right after.
    assert_eq!(&b[0..4], b"PK\x03\x04");
    assert_eq!(u16::from_le_bytes([b[8], b[9]]), 0, "mimetype is stored");
    assert_eq!(u16::from_le_bytes([b[26], b[27]]), 8, "name length");
    assert_eq!(u16::from_le_bytes([b[28], b[29]]), 0, "no extra field");
    assert_eq!(&b[30..38], b"mimetype");
    assert_eq!(&b[38..58], b"application/epub+zip");
    assert_eq!(book.entries[0].0, "mimetype");
    let container = book.get("META-INF/container.xml");
    let doc = parse(container);
    let rootfile = doc
        .descendants()
        .find(|n| n.has_tag_name("rootfile"))
        .unwrap();
    assert_eq!(rootfile.attribute("full-path"), Some("EPUB/package.opf"));
    // The other entries are compressed.
    let mut zip = zip::ZipArchive::new(Cursor::new(b.clone())).unwrap();
    for i in 1..zip.len() {
        let f = zip.by_index(i).unwrap();
        assert_eq!(
            f.compression(),
            zip::CompressionMethod::Deflated,
            "{}",
            f.name().unwrap()
        );
    }
}

#[test]
fn the_package_carries_the_accessibility_metadata_and_dates_from_the_plan() {
    let plan = plan("content");
    let book = Book::of(&plan);
    let m = metadata(book.get("EPUB/package.opf"));
    let one = |k: &str| -> &str {
        let v = m.get(k).unwrap_or_else(|| panic!("no {k} in {m:#?}"));
        assert_eq!(v.len(), 1, "{k}: {v:?}");
        &v[0]
    };
    assert_eq!(one("schema:accessMode"), "textual");
    assert_eq!(one("schema:accessModeSufficient"), "textual");
    assert_eq!(one("schema:accessibilityHazard"), "none");
    assert_eq!(one("dcterms:conformsTo"), CONFORMS_TO);
    assert_eq!(CONFORMS_TO, "EPUB Accessibility 1.1 - WCAG 2.2 Level AA");
    let features: HashSet<&str> = m["schema:accessibilityFeature"]
        .iter()
        .map(String::as_str)
        .collect();
    for f in ["tableOfContents", "readingOrder", "structuralNavigation"] {
        assert!(features.contains(f), "{f} missing from {features:?}");
    }
    let summary = one("schema:accessibilitySummary");
    assert!(summary.contains(&plan.meta.title), "{summary}");
    assert!(summary.len() > 200, "{summary}");
    assert_eq!(one("dc:language"), "en-GB");
    assert_eq!(
        one("dcterms:modified"),
        format!("{}T00:00:00Z", plan.meta.published)
    );
    assert_eq!(one("dc:date"), plan.meta.published);
    assert_eq!(one("dc:creator"), plan.meta.commissioner);
    assert_eq!(one("dc:publisher"), plan.meta.organisation);
    assert!(one("dc:identifier").starts_with("urn:uuid:"));
    assert!(m["dc:title"][0].starts_with(&plan.meta.title));
    // Every file is dated the plan's publication day.
    let mut zip = zip::ZipArchive::new(Cursor::new(book.bytes.clone())).unwrap();
    let (y, rest) = plan.meta.published.split_once('-').unwrap();
    let (mo, d) = rest.split_once('-').unwrap();
    for i in 0..zip.len() {
        let f = zip.by_index(i).unwrap();
        let t = f.last_modified().unwrap();
        assert_eq!(
            (t.year(), t.month(), t.day(), t.hour(), t.minute()),
            (
                y.parse().unwrap(),
                mo.parse().unwrap(),
                d.parse().unwrap(),
                0,
                0
            ),
            "{}",
            f.name().unwrap()
        );
    }
}

#[test]
fn every_part_is_a_document_of_its_own_in_reading_order() {
    let plan = plan("content");
    let book = Book::of(&plan);
    let spine = book.spine();
    assert_eq!(spine[0], "EPUB/title.xhtml");
    assert_eq!(spine[1], "EPUB/nav.xhtml");
    let h1 = |path: &str| -> String {
        let text = book.get(path);
        let start = text
            .find("<h1")
            .unwrap_or_else(|| panic!("{path} has no h1"));
        let end = start + text[start..].find("</h1>").unwrap();
        strip_tags(&text[start..end + 5])
    };
    let titles: Vec<String> = spine[2..].iter().map(|p| h1(p)).collect();
    // Foreword first, each aim in order, each statement, the glossary; and no document has
    // two h1s.
    assert_eq!(titles[0], "Foreword");
    let position = |t: &str| {
        titles
            .iter()
            .position(|x| x == t)
            .unwrap_or_else(|| panic!("no document titled {t:?} in {titles:#?}"))
    };
    let aims: Vec<usize> = plan.aims.iter().map(|a| position(&a.title)).collect();
    assert!(aims.windows(2).all(|w| w[0] < w[1]), "{aims:?}");
    let statements: Vec<usize> = plan
        .statements
        .iter()
        .map(|s| position(&s.measure))
        .collect();
    assert!(statements.windows(2).all(|w| w[0] < w[1]));
    assert!(position("Performance") < statements[0]);
    assert!(position("Glossary") > *statements.last().unwrap());
    assert_eq!(
        spine.len(),
        2 + 1 + plan.pages.len() + plan.aims.len() + 1 + plan.statements.len() + 1,
        "title, contents, foreword, pages, aims, performance, statements, glossary: {titles:#?}"
    );
    for p in &spine {
        assert_eq!(book.get(p).matches("<h1").count(), 1, "{p}");
    }
    // Each aim's priorities are in its own document, with their commitments.
    for aim in &plan.aims {
        let doc = book.get(&spine[2 + position(&aim.title)]);
        for p in &aim.priorities {
            assert!(
                strip_tags(doc).contains(&plan.priority_label(p)),
                "{}",
                aim.id
            );
        }
    }
}

#[test]
fn every_commitment_statement_and_glossary_term_is_a_fragment_target_under_its_own_id() {
    let plan = plan("content");
    let book = Book::of(&plan);
    let spine = book.spine();
    let mut count = 0;
    for aim in &plan.aims {
        for p in &aim.priorities {
            for (_, c) in p.commitments() {
                let held = book.holding(&c.id);
                assert_eq!(held.len(), 1, "{}: {held:?}", c.id);
                let (doc, tag) = &held[0];
                assert_eq!(tag, "li", "{}", c.id);
                let text = strip_tags(book.get(doc));
                assert!(text.contains(&c.text), "{} is not in {doc}", c.id);
                assert!(
                    text.contains(&aim.title),
                    "{} is not in its aim's document",
                    c.id
                );
                count += 1;
            }
        }
    }
    assert_eq!(count, plan.commitments().count());
    assert!(count > 100, "the shipped plan has {count} commitments");
    for s in &plan.statements {
        let held: Vec<_> = book
            .holding(&s.id)
            .into_iter()
            .filter(|(_, tag)| tag == "h1")
            .collect();
        assert_eq!(held.len(), 1, "{}: {held:?}", s.id);
        assert!(spine.contains(&held[0].0.to_string()));
        assert!(held[0].0.contains(&s.id), "{held:?}");
    }
    for t in &plan.glossary {
        let held = book.holding(&t.id);
        assert!(
            held.iter()
                .any(|(doc, tag)| doc.ends_with("glossary.xhtml") && tag == "h2"),
            "{}: {held:?}",
            t.id
        );
    }
}

#[test]
fn the_navigation_document_holds_the_whole_structure() {
    let plan = plan("content");
    let book = Book::of(&plan);
    let nav = book.get("EPUB/nav.xhtml");
    let doc = parse(nav);
    let ops = "http://www.idpf.org/2007/ops";
    let toc = doc
        .descendants()
        .find(|n| n.has_tag_name("nav") && n.attribute((ops, "type")) == Some("toc"))
        .expect("a toc nav");
    let text = |n: roxmltree::Node| -> String {
        n.descendants()
            .filter(|d| d.is_text())
            .map(|d| d.text().unwrap())
            .collect()
    };
    // Each entry's own link, and the entries under it.
    let entry = |label: &str| -> roxmltree::Node {
        toc.descendants()
            .filter(|n| n.has_tag_name("li"))
            .find(|li| {
                li.children()
                    .find(|c| c.has_tag_name("a"))
                    .is_some_and(|a| text(a) == label)
            })
            .unwrap_or_else(|| panic!("no contents entry {label:?}"))
    };
    for aim in &plan.aims {
        let li = entry(&aim.title);
        for p in &aim.priorities {
            let label = plan.priority_label(p);
            assert!(
                entry(&label).ancestors().any(|a| a == li),
                "{label} is not under {}",
                aim.title
            );
        }
    }
    let performance = entry("Performance");
    for s in &plan.statements {
        assert!(entry(&s.measure).ancestors().any(|a| a == performance));
    }
    let glossary = entry("Glossary");
    assert_eq!(
        glossary
            .descendants()
            .filter(|n| n.has_tag_name("li"))
            .count(),
        1 + plan.glossary.len()
    );
    // Every link in the contents lands on a document of the book and an id in it.
    let files: HashSet<String> = book
        .documents()
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    for a in toc.descendants().filter(|n| n.has_tag_name("a")) {
        let href = a.attribute("href").unwrap();
        let (file, fragment) = href.split_once('#').unwrap_or((href, ""));
        let path = format!("EPUB/{file}");
        assert!(files.contains(&path), "{href}");
        if !fragment.is_empty() {
            assert_eq!(
                book.holding(fragment)
                    .iter()
                    .filter(|(d, _)| *d == path)
                    .count(),
                1,
                "{href}"
            );
        }
    }
}

/// Checks what every book must be: every file well-formed XML, `lang` and `xml:lang` on every
/// document, every internal link landing on a document and an id, every table with a caption
/// and column headers, and no empty list or heading.
fn assert_sound(book: &Book) {
    let xhtml = "http://www.w3.org/1999/xhtml";
    let xml_ns = "http://www.w3.org/XML/1998/namespace";
    for (name, text) in &book.entries {
        if name.ends_with(".xhtml") || name.ends_with(".opf") || name.ends_with(".xml") {
            let opts = roxmltree::ParsingOptions {
                allow_dtd: true,
                ..Default::default()
            };
            roxmltree::Document::parse_with_options(text, opts)
                .unwrap_or_else(|e| panic!("{name} is not well-formed XML: {e}"));
        }
    }
    let files: HashSet<&str> = book.documents().iter().map(|(n, _)| *n).collect();
    for (name, text) in book.documents() {
        let doc = parse(text);
        let html = doc.root_element();
        assert_eq!(html.tag_name().namespace(), Some(xhtml), "{name}");
        // Both HTML's `lang` and XML's `xml:lang`, read apart by their namespaces.
        let lang = |ns: Option<&str>| {
            html.attributes()
                .find(|a| a.name() == "lang" && a.namespace() == ns)
                .map(|a| a.value())
        };
        assert_eq!(lang(None), Some("en-GB"), "{name}");
        assert_eq!(lang(Some(xml_ns)), Some("en-GB"), "{name}");
        let title = doc
            .descendants()
            .find(|n| n.has_tag_name("title"))
            .and_then(|n| n.text())
            .unwrap_or_default();
        assert!(!title.trim().is_empty(), "{name} has no title");
        for n in doc.descendants().filter(|n| n.is_element()) {
            let tag = n.tag_name().name();
            let words: String = n
                .descendants()
                .filter(|d| d.is_text())
                .map(|d| d.text().unwrap())
                .collect();
            if matches!(
                tag,
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "a" | "li" | "th"
            ) {
                assert!(!words.trim().is_empty(), "an empty <{tag}> in {name}");
            }
            if matches!(tag, "ul" | "ol") {
                assert!(
                    n.children().any(|c| c.has_tag_name("li")),
                    "an empty list in {name}"
                );
            }
            if tag == "table" {
                assert!(n.children().any(|c| c.has_tag_name("caption")), "{name}");
                let head = n.children().find(|c| c.has_tag_name("thead"));
                let head = head.unwrap_or_else(|| panic!("a table without headers in {name}"));
                assert!(head
                    .descendants()
                    .filter(|c| c.has_tag_name("th"))
                    .all(|th| th.attribute("scope") == Some("col")));
            }
            if let Some(href) = n.attribute("href").filter(|_| tag == "a") {
                if href.contains("://") || href.starts_with("mailto:") || href.starts_with("tel:") {
                    continue;
                }
                let (file, fragment) = href.split_once('#').unwrap_or((href, ""));
                let path = format!("EPUB/{file}");
                assert!(files.contains(path.as_str()), "{href} in {name}");
                if !fragment.is_empty() {
                    assert!(
                        book.holding(fragment).iter().any(|(d, _)| *d == path),
                        "{href} in {name} has no target"
                    );
                }
            }
        }
    }
}

#[test]
fn the_shipped_plan_s_book_is_sound_and_gives_charts_as_tables() {
    let plan = plan("content");
    let book = Book::of(&plan);
    assert_sound(&book);
    // Each statement's charts are there as their tables of figures, with their captions.
    for s in &plan.statements {
        let doc = book
            .documents()
            .into_iter()
            .find(|(n, _)| n.ends_with(&format!("statement-{}.xhtml", s.id)))
            .unwrap_or_else(|| panic!("no document for {}", s.id))
            .1;
        let text = strip_tags(doc);
        for block in s.figure_blocks(&plan) {
            assert!(
                text.contains(&block.table.caption),
                "{}",
                block.table.caption
            );
            assert!(text.contains(&block.summary), "{}", block.summary);
        }
    }
}

#[test]
fn hostile_names_are_escaped_and_an_empty_aim_still_has_its_document() {
    let plan = plan("tests/fixtures/epub/content");
    let book = Book::of(&plan);
    assert_sound(&book);
    // The names come back exactly as written once the XML is parsed.
    let title_page = parse(book.get("EPUB/title.xhtml"));
    let h1 = title_page
        .descendants()
        .find(|n| n.has_tag_name("h1"))
        .unwrap();
    assert_eq!(h1.text(), Some(plan.meta.title.as_str()));
    for c in ['&', '<', '"', 'ô'] {
        assert!(
            plan.meta.title.contains(c),
            "the fixture's title has no {c}"
        );
    }
    let m = metadata(book.get("EPUB/package.opf"));
    assert_eq!(
        m["dc:creator"],
        std::slice::from_ref(&plan.meta.commissioner)
    );
    assert!(m["dc:title"][0].starts_with(&plan.meta.title));
    assert!(m["dc:title"][0].ends_with("(draft)"));
    // The aim with nothing in it is a document with its heading and nothing broken.
    let empty = plan.aims.iter().find(|a| a.priorities.is_empty()).unwrap();
    let doc = book.get(&format!("EPUB/aim-{}.xhtml", empty.id));
    assert!(strip_tags(doc).contains(&empty.title));
    // The table wider than large print keeps stays a table, with every column.
    let about = book.get("EPUB/page-about.xhtml");
    assert_eq!(about.matches("<th scope=\"col\">").count(), 5, "{about}");
    // Links: to the book's own documents where it holds the item, to the website otherwise.
    let foreword = book.get("EPUB/foreword.xhtml");
    let hrefs: Vec<String> = tags(foreword)
        .into_iter()
        .filter_map(|t| t.attr("href").map(str::to_string))
        .collect();
    let priority_heading = book
        .holding("better-lighting")
        .first()
        .map(|(d, _)| d.to_string())
        .unwrap();
    assert_eq!(priority_heading, "EPUB/aim-streets.xhtml");
    for want in [
        "aim-streets.xhtml#better-lighting",
        "statement-response-times.xhtml",
        "glossary.xhtml#anti-social-behaviour",
        "page-about.xhtml#figures-by-month",
        "https://plan.example.org/delivery/",
    ] {
        assert!(hrefs.iter().any(|h| h == want), "{want} not in {hrefs:?}");
    }
    assert!(
        hrefs
            .iter()
            .any(|h| h.starts_with("aim-streets.xhtml#priority-1")),
        "{hrefs:?}"
    );
}

#[test]
fn control_characters_and_blank_names_still_make_well_formed_documents() {
    let mut plan = plan("tests/fixtures/epub/content");
    plan.meta.title = "Bell\u{7} & tab\t<plan>\u{1b}".to_string();
    plan.meta.period = String::new();
    plan.meta.subtitle = Some("\u{0}".to_string());
    plan.meta.organisation = String::new();
    plan.aims[1].title = "  ".to_string();
    plan.glossary[0].term = "Form\u{c}feed".to_string();
    plan.statements.clear();
    let book = Book::of(&plan);
    assert_sound(&book);
    assert!(book
        .get("EPUB/title.xhtml")
        .contains("Bell &amp; tab\t&lt;plan&gt;"));
    assert!(!book.entries.iter().any(|(n, _)| n.contains("statement")));
    let m = metadata(book.get("EPUB/package.opf"));
    assert!(!m.contains_key("dc:publisher"), "{m:?}");
}

#[test]
fn the_same_plan_gives_the_same_bytes_and_another_date_other_bytes() {
    let mut plan = plan("tests/fixtures/epub/content");
    let first = epub::book(&plan).unwrap().bytes;
    let second = epub::book(&plan).unwrap().bytes;
    assert!(first == second, "two books of one plan differ");
    plan.meta.published = "2026-01-02".to_string();
    let later = Book::read(epub::book(&plan).unwrap().bytes);
    assert_ne!(later.bytes, first);
    let m = metadata(later.get("EPUB/package.opf"));
    assert_eq!(m["dcterms:modified"], ["2026-01-02T00:00:00Z"]);
}

#[test]
fn a_build_publishes_the_book_and_lists_it_on_the_other_formats_page() {
    let site = Site::from_content("tests/fixtures/epub/content");
    let built = site.run(&[
        "build",
        "--no-large-print",
        "--themes-dir",
        repo().join("themes").to_str().unwrap(),
    ]);
    assert!(built.status.success(), "{}", common::stderr(&built));
    let plan = planpress::read_plan(&site.path("content")).unwrap();
    let documents = epub::book(&plan).unwrap().documents;
    assert!(
        common::stdout(&built).contains(&format!("EPUB: {documents} documents")),
        "{}",
        common::stdout(&built)
    );
    let rel = epub::path(&plan);
    assert!(
        rel.starts_with("other-formats/") && rel.ends_with(".epub"),
        "{rel}"
    );
    let file = std::fs::read(site.path("public").join(&rel)).unwrap();
    assert!(
        file == epub::book(&plan).unwrap().bytes,
        "the build's book differs"
    );

    // `planpress export epub` writes the same bytes.
    let exported = site.run(&["export", "epub", "--out", "book.epub"]);
    assert!(exported.status.success(), "{}", common::stderr(&exported));
    assert!(std::fs::read(site.path("book.epub")).unwrap() == file);

    let page = std::fs::read_to_string(site.path("public/other-formats/index.html")).unwrap();
    let link = tags(&page)
        .into_iter()
        .find(|t| t.name == "a" && t.attr("href").is_some_and(|h| h.ends_with(".epub")))
        .expect("a link to the book");
    let href = link.attr("href").unwrap();
    assert!(site
        .path("public/other-formats")
        .join(href)
        .canonicalize()
        .unwrap()
        .ends_with(&rel));
    let text = strip_tags(&page);
    assert!(
        text.contains(&format!("(EPUB, {})", human_size(file.len()))),
        "{text}"
    );
    assert!(text.contains("For reading on an e-reader"), "{text}");
    assert!(text.contains(plan.meta.contact.email.as_deref().unwrap()));
    assert!(text.contains("Ask for another format"));
    // Without the large print, the page lists only what was made.
    assert!(!text.contains("Large print version"), "{text}");

    // Every page's footer links the page; the accessibility statement names the format.
    for (path, bytes) in site.output() {
        if path.ends_with(".html") {
            let html = String::from_utf8(bytes).unwrap();
            assert!(
                tags(&html).iter().any(|t| t.name == "a"
                    && t.attr("href")
                        .is_some_and(|h| h.ends_with("other-formats/index.html"))),
                "{path} does not link to the other formats page"
            );
        }
    }
    let statement = std::fs::read_to_string(site.path("public/accessibility/index.html")).unwrap();
    assert!(strip_tags(&statement).contains("EPUB ebook (EPUB, "));
}

#[test]
fn no_epub_leaves_the_book_out_and_the_page_says_so() {
    let site = Site::minimal();
    // Every other format left out too, so that the page has none to list.
    let built = site.run(&[
        "build",
        "--no-large-print",
        "--no-epub",
        "--no-plain-text",
        "--no-braille",
        "--no-audio",
        "--themes-dir",
        repo().join("themes").to_str().unwrap(),
    ]);
    assert!(built.status.success(), "{}", common::stderr(&built));
    assert!(!site
        .path("public/other-formats")
        .read_dir()
        .unwrap()
        .any(|e| e.unwrap().path().extension().is_some_and(|x| x == "epub")));
    let page = std::fs::read_to_string(site.path("public/other-formats/index.html")).unwrap();
    assert!(
        strip_tags(&page).contains("No other format was made"),
        "{page}"
    );
    assert!(!page.contains(".epub"));
}

#[test]
fn a_page_cannot_take_the_other_formats_address() {
    let site = Site::minimal();
    site.write("content/other-formats.md", "---\ntitle: Mine\n---\nText.\n");
    let out = site.run(&["check"]);
    assert!(!out.status.success());
    assert!(
        common::stderr(&out).contains("\"other-formats\" is reserved for a generated page"),
        "{}",
        common::stderr(&out)
    );
}
