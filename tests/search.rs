//! The search page: its A to Z (which needs no JavaScript) lists every aim, priority,
//! commitment, performance statement, glossary term and page, each linked to where it is;
//! the index the page's script searches holds the same items and the words of their text, is
//! the same from build to build and is named in the build's summary; hostile titles cannot
//! break out of the page or the index.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use common::{tags, unescape, Site};
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/publish/content";

/// Builds `site` (website only, and the formats it links) into `<site>/public`; returns the
/// folder and the summary line.
fn build(site: &Site) -> (PathBuf, String) {
    let out = site.run(&[
        "build",
        "--out",
        "public",
        "--no-large-print",
        "--no-braille",
        "--no-audio",
    ]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (
        site.path("public"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// The search page's A to Z: (title, kind, link) of each entry, in order.
fn a_to_z(public: &Path) -> Vec<(String, String, String)> {
    let html = fs::read_to_string(public.join("search/index.html")).unwrap();
    let list = &html[html.find("<h3 id=\"letter-").expect("an A to Z")..];
    let list = &list[..list.find("</main>").unwrap()];
    let mut out = Vec::new();
    for item in list.split("<li><a href=\"").skip(1) {
        let (href, rest) = item.split_once("\">").unwrap();
        let (title, rest) = rest.split_once("</a> <span class=\"kind\">(").unwrap();
        let (kind, _) = rest.split_once(")</span>").unwrap();
        out.push((unescape(title), unescape(kind), unescape(href)));
    }
    out
}

/// The index the search page's script reads: its file name and its value.
fn read_index(public: &Path) -> (String, Value) {
    let html = fs::read_to_string(public.join("search/index.html")).unwrap();
    let scripts: Vec<String> = tags(&html)
        .iter()
        .filter(|t| t.name == "script")
        .filter_map(|t| t.attr("src").map(str::to_string))
        .collect();
    let name = scripts
        .iter()
        .find(|s| s.starts_with("search-index."))
        .expect("the page loads its index")
        .clone();
    assert!(
        scripts.iter().any(|s| s == "../static/search.js"),
        "{scripts:?}"
    );
    let script = fs::read_to_string(public.join("search").join(&name)).unwrap();
    let json = script
        .split_once("var PLANPRESS_SEARCH = ")
        .unwrap()
        .1
        .trim_end()
        .strip_suffix(';')
        .unwrap();
    (name, serde_json::from_str(json).unwrap())
}

/// The items of `index` containing `word`, from its gap-coded postings.
fn items_with(index: &Value, word: &str) -> BTreeSet<usize> {
    let words = index["words"].as_array().unwrap();
    let Some(at) = words.iter().position(|w| w == word) else {
        return BTreeSet::new();
    };
    let mut n = 0;
    index["postings"][at]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            n += g.as_u64().unwrap() as usize;
            n
        })
        .collect()
}

/// The words a reader may type, as the index splits them.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// True when the page a link from the search page leads to exists and has its anchor.
fn resolves(public: &Path, href: &str) -> bool {
    let (file, anchor) = href.split_once('#').unwrap_or((href, ""));
    let Some(file) = file.strip_prefix("../") else {
        return false;
    };
    let Ok(html) = fs::read_to_string(public.join(file)) else {
        return false;
    };
    anchor.is_empty() || tags(&html).iter().any(|t| t.attr("id") == Some(anchor))
}

#[test]
fn the_a_to_z_lists_every_item_of_the_plan_linked_to_where_it_is() {
    let site = Site::from_content(FIXTURE);
    let (public, _) = build(&site);
    let plan = planpress::read_plan(&site.path("content")).unwrap();
    let entries = a_to_z(&public);
    let has = |kind: &str, title: &str| -> String {
        entries
            .iter()
            .find(|(t, k, _)| t == title && k == kind)
            .unwrap_or_else(|| panic!("no {kind} \"{title}\" in the A to Z: {entries:#?}"))
            .2
            .clone()
    };
    let mut wanted = 0;
    for aim in &plan.aims {
        assert_eq!(has("Aim", &aim.title), format!("../{}/index.html", aim.id));
        wanted += 1;
        for p in &aim.priorities {
            let page = format!("../{}/{}/index.html", aim.id, p.id);
            assert_eq!(has("Priority", &p.title), page);
            wanted += 1;
            for c in p.groups.iter().flat_map(|g| &g.commitments) {
                assert_eq!(has("Commitment", &c.text), format!("{page}#{}", c.id));
                wanted += 1;
            }
        }
    }
    for s in &plan.statements {
        has("Performance statement", &s.measure);
        wanted += 1;
    }
    for t in &plan.glossary {
        assert_eq!(
            has("Glossary term", &t.term),
            format!("../glossary/index.html#{}", t.id)
        );
        wanted += 1;
    }
    for p in &plan.pages {
        has("Page", &p.title);
        wanted += 1;
    }
    assert!(wanted >= 10, "the fixture has items of every kind");
    // The pages planpress makes are there too, and nothing else.
    let made = entries.iter().filter(|(_, k, _)| k == "Page").count() - plan.pages.len();
    assert_eq!(entries.len(), wanted + made);
    assert!(made >= 4, "{entries:#?}");
    // Every link leads to a page of the site, and to the item's own anchor.
    for (title, _, href) in &entries {
        assert!(resolves(&public, href), "{title}: {href} does not resolve");
    }
    // In order from A to Z, ignoring case and a leading "The".
    let keys: Vec<String> = entries
        .iter()
        .map(|(t, _, _)| t.trim_start_matches("The ").to_lowercase())
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    // Every page of the site links the search page from its navigation.
    for page in ["index.html", "glossary/index.html", "404.html"] {
        let html = fs::read_to_string(public.join(page)).unwrap();
        assert!(
            tags(&html).iter().any(|t| t.name == "a"
                && t.attr("href")
                    .is_some_and(|h| h.ends_with("search/index.html"))),
            "{page} does not link the search page"
        );
    }
    // With JavaScript off, the search form is hidden and the A to Z is the page.
    let html = fs::read_to_string(public.join("search/index.html")).unwrap();
    let search = tags(&html)
        .into_iter()
        .find(|t| t.attr("id") == Some("search"))
        .unwrap();
    assert!(search.attr("hidden").is_some(), "{search:?}");
    let status = tags(&html)
        .into_iter()
        .find(|t| t.attr("id") == Some("search-status"))
        .unwrap();
    assert_eq!(status.attr("role"), Some("status"));
    assert_eq!(status.attr("aria-live"), Some("polite"));
}

#[test]
fn the_index_holds_the_a_to_z_and_the_words_of_each_item_and_is_the_same_every_build() {
    let site = Site::from_content(FIXTURE);
    let (public, summary) = build(&site);
    let (name, index) = read_index(&public);
    let entries = a_to_z(&public);
    let kinds = index["kinds"].as_array().unwrap();
    let items: Vec<(String, String, String)> = index["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i[1].as_str().unwrap().to_string(),
                kinds[i[0].as_u64().unwrap() as usize]
                    .as_str()
                    .unwrap()
                    .to_string(),
                i[2].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(items, entries);
    // Every word of a priority's text finds it.
    let plan = planpress::read_plan(&site.path("content")).unwrap();
    let mut checked = 0;
    for aim in &plan.aims {
        for p in &aim.priorities {
            let at = items
                .iter()
                .position(|(t, k, _)| t == &p.title && k == "Priority")
                .unwrap();
            let text = planpress::export::website::search::plain_text(&p.body.markdown);
            for w in words(&p.title).into_iter().chain(words(&text)) {
                assert!(items_with(&index, &w).contains(&at), "{w} → {}", p.title);
                checked += 1;
            }
        }
    }
    assert!(checked > 10);
    // A word in no item finds nothing.
    assert!(items_with(&index, "zzzznotaword").is_empty());
    // The summary names its size.
    let bytes = fs::metadata(public.join("search").join(&name))
        .unwrap()
        .len() as usize;
    assert!(
        summary.contains(&format!(
            "search index: {}",
            planpress::words::human_size(bytes)
        )),
        "{summary}"
    );
    // A second build writes the same bytes under the same name.
    let again = Site::from_content(FIXTURE);
    let (public2, _) = build(&again);
    assert_eq!(
        fs::read(public.join("search").join(&name)).unwrap(),
        fs::read(public2.join("search").join(&name)).unwrap()
    );
    assert_eq!(
        fs::read(public.join("search/index.html")).unwrap(),
        fs::read(public2.join("search/index.html")).unwrap()
    );
    // Changed text is a new index under a new name.
    again.edit(
        "content/about.md",
        "More text.",
        "More text about lighthouses.",
    );
    let (public3, _) = build(&again);
    let (name3, index3) = read_index(&public3);
    assert_ne!(name3, name);
    assert!(!items_with(&index3, "lighthouses").is_empty());
    assert!(!public3.join("search").join(&name).exists());
}

#[test]
fn hostile_titles_and_text_cannot_break_out_of_the_page_or_the_index() {
    let site = Site::from_content(FIXTURE);
    let hostile = "</script><script>alert(1)</script> <b>\"x\" & 'y'";
    site.edit(
        "content/about.md",
        "title: About the plan",
        &format!("title: {}", serde_json::to_string(hostile).unwrap()),
    );
    site.edit(
        "content/about.md",
        "More text.",
        "More text with </script> and <!-- in it, \u{2028}\u{2029} and `</script>` in code.",
    );
    let (public, _) = build(&site);
    let html = fs::read_to_string(public.join("search/index.html")).unwrap();
    // In the page, the title is text.
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(a_to_z(&public)
        .iter()
        .any(|(t, k, _)| t == hostile && k == "Page"));
    // The index is one script that cannot be ended early, and gives the title back whole.
    let (name, index) = read_index(&public);
    let script = fs::read_to_string(public.join("search").join(&name)).unwrap();
    assert!(!script.to_lowercase().contains("</script"), "{script}");
    assert!(!script.contains('\u{2028}') && !script.contains('\u{2029}'));
    assert!(index["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i[1] == hostile));
}
