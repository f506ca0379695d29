//! The editions written from the linear document, per language, on the bilingual fixture
//! (`tests/fixtures/bilingual`): the Welsh EPUB and the Welsh large-print PDF and page are
//! made beside the English ones, with the language in their metadata, every heading and label
//! in Welsh, and what is not translated yet marked as English; each language's pages link to
//! their own editions; `export epub|large-print --lang` makes them alone and refuses a
//! language the plan does not have.

mod common;

use std::path::Path;
use std::process::Command;

use common::welsh::{english_words_of, less_untranslated};
use common::{stderr, strip_tags, Site};

/// The Welsh book and the English one, where the build publishes them.
const WELSH_BOOK: &str = "other-formats/test-plan-2024-2028.cy.epub";
const ENGLISH_BOOK: &str = "other-formats/test-plan-2024-2028.epub";

fn bilingual() -> Site {
    Site::from_content("tests/fixtures/bilingual/content")
}

fn built() -> Site {
    let site = bilingual();
    site.build();
    site
}

fn read(site: &Site, rel: &str) -> String {
    std::fs::read_to_string(site.path(&format!("public/{rel}")))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The English words of the editions' own keys (`doc-`, `edition-` in en-GB.ftl) whose Welsh
/// differs: none may be left in a Welsh edition outside what is marked as English.
fn english_edition_words() -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for (_, w) in english_words_of(&["doc-", "edition-"]) {
        if !words.contains(&w) {
            words.push(w);
        }
    }
    assert!(words.len() > 40, "{words:?}");
    words
}

/// The English edition words found in `text`.
fn english_left(text: &str, words: &[String]) -> Vec<String> {
    words
        .iter()
        .filter(|w| text.contains(w.as_str()))
        .cloned()
        .collect()
}

#[test]
fn the_welsh_ebook_is_in_welsh_and_marks_what_is_not_translated_as_english() {
    let site = built();
    let welsh = common::unzip(&site.path(&format!("public/{WELSH_BOOK}")));
    let english = common::unzip(&site.path(&format!("public/{ENGLISH_BOOK}")));
    let file = |book: &[(String, String)], name: &str| {
        book.iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("{name}"))
            .1
            .clone()
    };
    let opf = file(&welsh, "EPUB/package.opf");
    assert!(opf.contains("<dc:language>cy</dc:language>"), "{opf}");
    assert!(opf.contains("xml:lang=\"cy\""), "{opf}");
    assert!(
        opf.contains("<dc:title id=\"title\">Cynllun Prawf 2024–2028</dc:title>"),
        "{opf}"
    );
    let english_opf = file(&english, "EPUB/package.opf");
    assert!(english_opf.contains("<dc:language>en-GB</dc:language>"));

    let words = english_edition_words();
    let documents: Vec<&(String, String)> = welsh
        .iter()
        .filter(|(n, _)| n.ends_with(".xhtml"))
        .collect();
    assert!(
        documents.len() >= 6,
        "{:?}",
        welsh.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    let mut all = String::new();
    for (name, text) in &documents {
        assert!(
            text.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"cy\" lang=\"cy\">"),
            "{name} is not in Welsh"
        );
        let left = english_left(&strip_tags(&less_untranslated(text).0), &words);
        assert!(left.is_empty(), "{name}: English words {left:?} in\n{text}");
        all.push_str(text);
    }
    // Welsh headings, and the navigation in Welsh.
    let words_of_all = strip_tags(&all);
    for heading in [
        "Rhagair",
        "Geirfa",
        "Ynglŷn â'r argraffiad hwn",
        "Canlyniadau",
    ] {
        assert!(words_of_all.contains(heading), "{heading}");
    }
    let nav = file(&welsh, "EPUB/nav.xhtml");
    assert!(nav.contains(">Cynnwys</h1>"), "{nav}");
    // The priority not translated yet is there, in English, marked as English: its heading
    // in the book and in its contents, its own lead-in and its commitment.
    assert!(
        all.contains(
            " xml:lang=\"en-GB\" lang=\"en-GB\">Blaenoriaeth 1.2: Reduce harm on the roads</h"
        ),
        "{all}"
    );
    assert!(
        nav.contains(
            " xml:lang=\"en-GB\" lang=\"en-GB\">Blaenoriaeth 1.2: Reduce harm on the roads</a>"
        ),
        "{nav}"
    );
    let roads = less_untranslated(&all).0;
    for english in [
        "Reduce harm on the roads",
        "I will hold the Chief Constable to account to:",
        "Enforce speed limits.",
    ] {
        assert!(all.contains(english), "{english}");
        assert!(
            !roads.contains(english),
            "{english} is not marked as English"
        );
    }
    // The Welsh book is not the English one with another name.
    assert!(!all.contains("Foreword"));
    let english_text: String = english.iter().map(|(_, t)| t.as_str()).collect();
    assert!(english_text.contains(">Foreword</h1>"));
    assert!(!english_text.contains("lang=\"cy\""));
}

/// Runs a poppler tool on `pdf`.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed (poppler-utils): {e}"));
    assert!(out.status.success(), "{tool}: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_welsh_large_print_pdf_and_page_are_in_welsh_under_the_welsh_folder() {
    let site = built();
    let pdf = site.path("public/cy/large-print.pdf");
    let bytes = std::fs::read(&pdf).expect("the Welsh large-print PDF is published under cy/");
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(contains(b"/Lang(cy)"), "the catalog's language is Welsh");
    // The parts not translated yet are tagged as English in the structure tree.
    assert!(contains(b"/Lang(en-GB)"), "untranslated parts are tagged");
    let meta = poppler("pdfinfo", &["-meta"], &pdf);
    assert!(
        meta.contains("<dc:language><rdf:Bag><rdf:li>cy</rdf:li>"),
        "{meta}"
    );
    let info = poppler("pdfinfo", &[], &pdf);
    assert!(
        info.contains("Cynllun Prawf 2024–2028 (print bras)"),
        "{info}"
    );
    let text = poppler("pdftotext", &[], &pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for welsh in [
        "Argraffiad print bras (18 pwynt)",
        "Cynnwys",
        "Rhagair",
        "Geirfa",
        "Cysylltu â ni",
        "Ynglŷn â'r argraffiad hwn",
        "Tudalen 1 o",
        "Comisiynydd Heddlu a Throseddu Swydd Brawf",
        "Cyhoeddwyd gan Swyddfa Comisiynydd Heddlu a Throseddu Swydd Brawf ar 1 Mai 2024.",
    ] {
        assert!(text.contains(welsh), "{welsh} not in\n{text}");
    }
    // The English edition's headings and labels are not there (the plan's English text not
    // translated yet is, tagged as such; none of these words is in it).
    for english in [
        "Foreword",
        "Glossary",
        "Contents",
        "About this edition",
        "Outcomes",
        "Page 1 of",
        "Large print edition",
        "Published by",
        "Phone:",
    ] {
        assert!(
            !text.contains(english),
            "{english} in the Welsh PDF:\n{text}"
        );
    }
    let english = std::fs::read(site.path("public/large-print.pdf")).unwrap();
    assert!(english.windows(11).any(|w| w == b"/Lang(en-GB"));

    // The web page beside it: in Welsh, but for what is marked as English.
    let page = read(&site, "cy/large-print/index.html");
    assert!(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"cy\">"),
        "{page}"
    );
    let text = match (page.find("<style>"), page.find("</style>")) {
        (Some(a), Some(b)) => format!("{}{}", &page[..a], &page[b..]),
        _ => page.clone(),
    };
    let left = english_left(
        &strip_tags(&less_untranslated(&text).0),
        &english_edition_words(),
    );
    assert!(
        left.is_empty(),
        "English words {left:?} on the Welsh page:\n{page}"
    );
    assert!(page.contains(" lang=\"en-GB\">Blaenoriaeth 1.2: Reduce harm on the roads</a>"));
    // Its download link is the Welsh PDF beside it, its other links the Welsh pages.
    assert!(page.contains("<a href=\"../large-print.pdf\">lawrlwytho'r fersiwn print bras (PDF, "));
    assert!(page.contains("<a href=\"../accessibility/index.html\">Datganiad hygyrchedd</a>"));
}

#[test]
fn each_language_s_pages_link_to_the_editions_in_that_language() {
    let site = built();
    // Welsh pages: the Welsh large print beside them, the Welsh book, never the English ones.
    let home = read(&site, "cy/index.html");
    assert!(
        home.contains("<a href=\"large-print.pdf\">Fersiwn print bras (PDF, "),
        "{home}"
    );
    assert!(home.contains("<a href=\"large-print/index.html\">Fersiwn print bras (tudalen we)"));
    assert!(!home.contains("../large-print.pdf"), "{home}");
    let formats = read(&site, "cy/other-formats/index.html");
    assert!(
        formats.contains("href=\"../../other-formats/test-plan-2024-2028.cy.epub\""),
        "{formats}"
    );
    assert!(!formats.contains("test-plan-2024-2028.epub\""), "{formats}");
    assert!(formats.contains("E-lyfr EPUB"), "{formats}");
    assert!(formats.contains("href=\"../large-print.pdf\""), "{formats}");
    // English pages: the English editions only.
    let home = read(&site, "index.html");
    assert!(home.contains("<a href=\"large-print.pdf\">Large print version (PDF, "));
    assert!(!home.contains("cy/large-print"), "{home}");
    let formats = read(&site, "other-formats/index.html");
    assert!(
        formats.contains("href=\"../other-formats/test-plan-2024-2028.epub\""),
        "{formats}"
    );
    assert!(!formats.contains(".cy.epub"), "{formats}");
    assert!(!formats.contains("cy/large-print"), "{formats}");
    // The plain text too: the Welsh beside the Welsh pages, each listed in its language.
    let welsh = read(&site, "cy/plain.txt");
    assert!(welsh.starts_with("Cynllun Prawf\n"), "{welsh}");
    assert!(welsh.contains("\nCynnwys\n• Rhagair\n"), "{welsh}");
    assert!(
        !welsh.contains("Contents") && !welsh.contains("Published by"),
        "{welsh}"
    );
    assert!(read(&site, "plain.txt").contains("\nContents\n• Foreword\n"));
    let formats = read(&site, "cy/other-formats/index.html");
    assert!(
        formats.contains("<a href=\"../plain.txt\">Fersiwn testun plaen (TXT, "),
        "{formats}"
    );
    // A plan in one language has no edition in another.
    let one = Site::minimal();
    one.build();
    let files = one.output();
    assert!(files
        .iter()
        .all(|(p, _)| !p.contains(".cy.") && !p.starts_with("cy/")));
}

#[test]
fn export_makes_the_edition_in_the_language_asked_and_refuses_others() {
    let site = bilingual();
    let run = |args: &[&str]| {
        let mut all = vec!["export"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--content", "content"]);
        site.run(&all)
    };
    // Without --out, each file goes into the export folder under its own name.
    let out = run(&["epub", "--lang", "cy"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let book = common::unzip(&site.path("exports/test-plan-2024-2028.cy.epub"));
    assert!(book
        .iter()
        .any(|(n, t)| n == "EPUB/package.opf" && t.contains("<dc:language>cy</dc:language>")));
    assert!(!site.path("exports/test-plan-2024-2028.epub").exists());
    // The default is the plan's first language; `all` makes every one.
    let out = run(&["epub"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.path("exports/test-plan-2024-2028.epub").exists());
    let english = common::unzip(&site.path("exports/test-plan-2024-2028.epub"));
    assert!(english
        .iter()
        .any(|(n, t)| n == "EPUB/package.opf" && t.contains("<dc:language>en-GB</dc:language>")));
    let out = run(&["epub", "--lang", "all", "--out", "all"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.path("all/test-plan-2024-2028.epub").exists());
    assert!(site.path("all/test-plan-2024-2028.cy.epub").exists());
    // The large-print page alone, in Welsh.
    let out = run(&["large-print", "--format", "html", "--lang", "cy"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(site.path("exports/large-print.cy.html")).unwrap();
    assert!(page.contains("<html lang=\"cy\">"), "{page}");
    assert!(page.contains(">Rhagair</h2>"), "{page}");
    // Hostile languages: one the plan lacks, a path, an empty tag. Each is refused with the
    // languages the plan has, and nothing is written.
    for bad in ["fr", "../cy", "", "cy/../../x"] {
        for output in ["epub", "large-print"] {
            let out = run(&[output, "--lang", bad, "--out", "bad"]);
            assert_eq!(
                out.status.code(),
                Some(1),
                "--lang {bad:?}: {}",
                stderr(&out)
            );
            let err = stderr(&out);
            assert!(
                err.contains("the plan has no such language; its languages are en-GB, cy"),
                "--lang {bad:?}: {err}"
            );
        }
    }
    assert!(!site.path("bad").exists());
}

#[test]
fn hostile_words_in_a_translation_are_escaped_in_every_welsh_edition() {
    let site = bilingual();
    // A Welsh translation of the untranslated priority whose words are markup in each
    // format: HTML and XML tags and entities, Typst's markup and code characters, quotes.
    site.write(
        "content/safety/02-roads.cy.md",
        "---\ntitle: \"Ffyrdd <b>&amp; #strong[x] $y$ \\\\ ] \\\" *z* @ref\"\ncommitments:\n  - id: speed-enforcement\n    text: \"Gorfodi <script>alert(x)</script> #pagebreak() ]]> terfynau.\"\n---\n",
    );
    site.build();
    let page = read(&site, "cy/large-print/index.html");
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(page
        .contains("Gorfodi &lt;script&gt;alert(x)&lt;/script&gt; #pagebreak() ]]&gt; terfynau."));
    let book = common::unzip(&site.path(&format!("public/{WELSH_BOOK}")));
    let all: String = book.iter().map(|(_, t)| t.as_str()).collect();
    assert!(!all.contains("<script>"), "raw markup in the book");
    for (name, text) in book
        .iter()
        .filter(|(n, _)| n.ends_with(".xhtml") || n.ends_with(".opf"))
    {
        let options = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        };
        roxmltree::Document::parse_with_options(text, options)
            .unwrap_or_else(|e| panic!("{name}: {e}\n{text}"));
    }
    // Now translated, the priority is no longer marked as English anywhere.
    assert!(!all.contains("Reduce harm on the roads"));
    let text = poppler("pdftotext", &[], &site.path("public/cy/large-print.pdf"))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Gorfodi <script>alert(x)</script> #pagebreak() ]]> terfynau."),
        "{text}"
    );
    assert!(text.contains("Ffyrdd <b>&amp; #strong[x] $y$"), "{text}");
}
