//! The downloads made in one language or none (the Braille edition, the recordings, the data
//! files) as the Welsh pages list them (`tests/fixtures/bilingual`): their titles, labels,
//! purposes, sizes and lengths in Welsh, each link to a file in English marked with
//! `hreflang` and saying so; the English pages as a plan in English alone lists them; and a
//! plan in one language listing them as it always has.

mod common;

use common::welsh::{english_words_of, less_untranslated};
use common::Site;

/// The bilingual fixture, built with every output.
fn built_bilingual() -> Site {
    let site = Site::from_content("tests/fixtures/bilingual/content");
    site.build();
    site
}

fn read(site: &Site, rel: &str) -> String {
    std::fs::read_to_string(site.path(&format!("public/{rel}")))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every HTML page under `folder` of the output, by path from the output folder.
fn pages_under(site: &Site, folder: &str) -> Vec<(String, String)> {
    let root = site.path("public");
    let mut out: Vec<(String, String)> = walkdir::WalkDir::new(root.join(folder))
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e.path().strip_prefix(&root).unwrap();
            (
                rel.to_string_lossy().replace('\\', "/"),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// The English words of the downloads' keys (`downloads-`) that the Welsh table does not share.
fn english_download_words() -> Vec<String> {
    let mut words: Vec<String> = english_words_of(&["downloads-"])
        .into_iter()
        .map(|(_, w)| w)
        .collect();
    assert!(words.len() > 20, "{words:?}");
    words.sort();
    words.dedup();
    words
}

/// True when `text` has `words` as whole words (not inside a longer word).
fn has_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The download links of a page: each `<li>` holding a link, as (href, hreflang, text).
fn download_links(html: &str) -> Vec<(String, Option<String>, String)> {
    html.split("<li>")
        .skip(1)
        .filter_map(|item| {
            let item = item.split("</li>").next()?;
            let tag = common::tags(item).into_iter().find(|t| t.name == "a")?;
            Some((
                tag.attr("href")?.to_string(),
                tag.attr("hreflang").map(str::to_string),
                common::strip_tags(item),
            ))
        })
        .collect()
}

/// What the English pages list as downloads made in one language or none: the words of each
/// link to the Braille edition, the recordings and the data files.
fn english_download_titles(site: &Site) -> Vec<String> {
    let mut titles = Vec::new();
    for rel in [
        "other-formats/index.html",
        "performance/index.html",
        "delivery/index.html",
    ] {
        for (href, _, text) in download_links(&read(site, rel)) {
            let one_language = [".brf", ".m3u8", "listen/index.html", ".csv", ".json"]
                .iter()
                .any(|end| href.ends_with(end));
            if one_language {
                // The link's words before its label in brackets.
                titles.push(text.split(" (").next().unwrap().trim().to_string());
            }
        }
    }
    titles.sort();
    titles.dedup();
    titles
}

#[test]
fn the_welsh_pages_list_the_braille_audio_and_data_downloads_in_welsh() {
    let site = built_bilingual();
    let words = english_download_words();
    assert!(words.len() > 20, "the section was not read: {words:?}");
    let titles = english_download_titles(&site);
    // The English pages list all of them: the Braille edition, the listening page, the
    // playlist and the data files.
    for expected in [
        ".brf",
        ".m3u8",
        "performance.csv",
        "commitments.csv",
        "plan.json",
    ] {
        assert!(
            download_links(&read(&site, "other-formats/index.html"))
                .iter()
                .chain(&download_links(&read(&site, "performance/index.html")))
                .chain(&download_links(&read(&site, "delivery/index.html")))
                .any(|(href, _, _)| href.ends_with(expected)),
            "no English link to {expected}: the fixture did not make it"
        );
    }
    assert!(titles.len() >= 7, "{titles:?}");
    let pages = pages_under(&site, "cy");
    assert!(pages.len() > 10, "{}", pages.len());
    let mut left = Vec::new();
    let mut marked = 0;
    for (rel, html) in &pages {
        assert!(html.contains("<html lang=\"cy\">"), "{rel}");
        // The phrases anywhere on the page; single words ("line", "seconds") in the
        // download links, as the plan's own untranslated figures may use them.
        let text = common::strip_tags(&less_untranslated(html).0);
        for w in words.iter().chain(&titles).filter(|w| w.contains(' ')) {
            if has_words(&text, w) {
                left.push(format!("{rel}: {w:?}"));
            }
        }
        for (href, _, said) in download_links(&less_untranslated(html).0) {
            for w in words.iter().chain(&titles) {
                if has_words(&said, w) {
                    left.push(format!("{rel}: {w:?} in the link to {href}: {said}"));
                }
            }
        }
        // Every link to the Braille edition or a recording is marked as English and says so.
        for (href, hreflang, said) in download_links(html) {
            if href.ends_with(".brf") || href.ends_with(".mp3") {
                assert_eq!(hreflang.as_deref(), Some("en-GB"), "{rel}: {href}");
                marked += 1;
            }
            if href.ends_with(".brf") {
                assert!(said.ends_with("(Saesneg)"), "{rel}: {said}");
            }
        }
    }
    assert!(
        left.is_empty(),
        "English download words on Welsh pages:\n{}",
        left.join("\n")
    );
    // The Braille edition on the Welsh "Other formats" page, and each recording on the Welsh
    // listening page.
    let recordings = pages_under(&site, "other-formats/audio").len()
        + std::fs::read_dir(site.path("public/other-formats/audio"))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "mp3")
            })
            .count();
    assert!(recordings > 0);
    assert!(
        marked > recordings,
        "{marked} links marked, {recordings} recordings"
    );

    // What the Welsh pages say instead, counts and sizes in Welsh.
    let formats = read(&site, "cy/other-formats/index.html");
    let links = download_links(&formats);
    let braille = links.iter().find(|(h, _, _)| h.ends_with(".brf")).unwrap();
    assert!(
        braille.2.starts_with(
            "Fersiwn Braille (BRF, Braille Saesneg Unedig gradd 2, 40 cell wrth 25 llinell, "
        ),
        "{braille:?}"
    );
    assert!(braille.2.contains(" tudalen, "), "{braille:?}");
    let playlist = links.iter().find(|(h, _, _)| h.ends_with(".m3u8")).unwrap();
    assert_eq!(playlist.1.as_deref(), Some("en-GB"), "{playlist:?}");
    assert!(playlist.2.contains("ffeil MP3"), "{playlist:?}");
    // The listening page is made in Welsh: its link goes to the Welsh page, unmarked.
    let listen = links
        .iter()
        .find(|(h, _, _)| h.ends_with("listen/index.html"))
        .unwrap();
    assert_eq!(listen.0, "../listen/index.html", "{listen:?}");
    assert_eq!(listen.1, None, "{listen:?}");
    assert!(listen.2.starts_with("Gwrando ar y cynllun ("), "{listen:?}");
    assert!(listen.2.contains(" i gyd)"), "{listen:?}");
    let listening = read(&site, "cy/listen/index.html");
    assert!(listening.contains(" eiliad, "), "{listening}");
    // plan.json holds every language: its link is not marked; the CSVs hold English texts.
    let performance = download_links(&read(&site, "cy/performance/index.html"));
    let json = performance
        .iter()
        .find(|(h, _, _)| h.ends_with("plan.json"))
        .unwrap();
    assert_eq!(json.1, None, "{json:?}");
    assert!(json
        .2
        .starts_with("Lawrlwytho'r cynllun cyfan fel data agored (JSON, "));
    let csv = performance
        .iter()
        .find(|(h, _, _)| h.ends_with("performance.csv"))
        .unwrap();
    assert_eq!(csv.1.as_deref(), Some("en-GB"), "{csv:?}");
    assert!(csv.2.ends_with("(Saesneg)"), "{csv:?}");
}

/// The `<main>` element of a page.
fn main_of(html: &str) -> String {
    let main = common::element_text(html, "main").unwrap_or_else(|| panic!("no <main>: {html}"));
    main.to_string()
}

#[test]
fn the_english_pages_list_the_downloads_as_a_plan_in_english_alone_does() {
    let both = built_bilingual();
    let alone = Site::from_content("tests/fixtures/bilingual/content");
    alone.edit("content/_index.md", "languages: [en-GB, cy]\n", "");
    for e in walkdir::WalkDir::new(alone.path("content")) {
        let e = e.unwrap();
        if e.file_name().to_string_lossy().ends_with(".cy.md") {
            std::fs::remove_file(e.path()).unwrap();
        }
    }
    alone.build();
    assert!(!alone.path("public/cy").exists());
    for rel in [
        "other-formats/index.html",
        "performance/index.html",
        "delivery/index.html",
        "listen/index.html",
    ] {
        let (a, b) = (read(&both, rel), read(&alone, rel));
        // Sizes aside: plan.json holds the Welsh texts too.
        let links = |html: &str| -> Vec<(String, Option<String>, String)> {
            download_links(&main_of(html))
                .into_iter()
                .map(|(h, l, t)| (h, l, common::normalise_download_sizes(&t)))
                .collect()
        };
        let (a, b) = (links(&a), links(&b));
        assert!(!a.is_empty(), "{rel}");
        assert_eq!(a, b, "{rel}");
        assert!(
            a.iter().all(|(_, hreflang, _)| hreflang.is_none()),
            "{rel}: {a:?}"
        );
    }
}

#[test]
fn a_plan_in_one_language_lists_its_downloads_as_before() {
    let site = Site::minimal();
    site.build();
    let words = english_download_words();
    let formats = read(&site, "other-formats/index.html");
    let links = download_links(&main_of(&formats));
    let braille = links
        .iter()
        .find(|(h, _, _)| h.ends_with(".brf"))
        .expect("the minimal plan has a Braille edition");
    assert_eq!(
        common::normalise_download_sizes(&braille.2),
        common::normalise_download_sizes(
            "Braille version (BRF, Unified English Braille grade 2, 40 cells by 25 lines, 9 pages, 5 KB)"
        ),
        "{braille:?}"
    );
    let listen = links
        .iter()
        .find(|(h, _, _)| h.ends_with("listen/index.html"))
        .expect("the minimal plan has recordings");
    assert_eq!(listen.0, "../listen/index.html");
    assert!(listen.2.starts_with("Listen to the plan ("), "{listen:?}");
    assert!(listen.2.contains(" MP3 recording"), "{listen:?}");
    assert!(listen.2.ends_with(" in all)"), "{listen:?}");
    // No link is marked with another language, and none says which language it is in.
    for (rel, html) in pages_under(&site, "") {
        assert!(!html.contains("hreflang="), "{rel}");
        for w in ["(in English)", "(in Welsh)", "(Saesneg)"] {
            assert!(!html.contains(w), "{rel}: {w}");
        }
    }
    let footer = read(&site, "index.html");
    let footer = &footer[footer.find("<footer").unwrap()..];
    let titles: Vec<String> = download_links(footer)
        .into_iter()
        .filter(|(h, _, _)| !h.ends_with("index.html") || h.contains("large-print"))
        .map(|(_, _, t)| common::normalise_download_sizes(&t))
        .collect();
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Large print version (PDF, ")),
        "{titles:?}"
    );
    // The data files' links as before.
    let delivery = download_links(&read(&site, "delivery/index.html"));
    let commitments = delivery
        .iter()
        .find(|(h, _, _)| h.ends_with("commitments.csv"))
        .unwrap();
    assert!(
        commitments.2.starts_with("Download all commitments (CSV, "),
        "{commitments:?}"
    );
    assert!(commitments.2.ends_with(" KB)") || commitments.2.ends_with(" bytes)"));
    // The English words are the table's: the section is read.
    assert!(words.iter().any(|w| w == "Braille version"), "{words:?}");
}

#[test]
fn a_welsh_report_page_lists_its_panel_papers_in_welsh_marked_as_english() {
    let site = Site::from_content("tests/fixtures/bilingual-reports/content");
    site.build();
    let words = english_download_words();
    let mut papers = 0;
    for (rel, html) in pages_under(&site, "reports") {
        let english = download_links(&main_of(&html));
        let english: Vec<_> = english
            .iter()
            .filter(|(h, _, _)| h.ends_with(".pdf"))
            .collect();
        let welsh_html = read(&site, &format!("cy/{rel}"));
        let welsh: Vec<_> = download_links(&main_of(&welsh_html))
            .into_iter()
            .filter(|(h, _, _)| h.ends_with(".pdf"))
            .collect();
        // The same papers, the same files, in each language.
        assert_eq!(english.len(), welsh.len(), "{rel}");
        for ((en_href, en_lang, en_text), (cy_href, cy_lang, cy_text)) in english.iter().zip(&welsh)
        {
            assert_eq!(
                en_href.trim_start_matches("../"),
                cy_href.trim_start_matches("../"),
                "{rel}"
            );
            assert_eq!(*en_lang, None, "{rel}: {en_text}");
            assert_eq!(cy_lang.as_deref(), Some("en-GB"), "cy/{rel}: {cy_text}");
            assert!(
                cy_text.starts_with("Yr adroddiad hwn"),
                "cy/{rel}: {cy_text}"
            );
            assert!(cy_text.ends_with("(Saesneg)"), "cy/{rel}: {cy_text}");
            assert!(en_text.starts_with("This report"), "{rel}: {en_text}");
            for w in &words {
                assert!(!has_words(cy_text, w), "cy/{rel}: {w:?} in {cy_text}");
            }
            papers += 1;
        }
    }
    assert!(papers >= 2, "no Panel paper was listed: {papers}");
}
