//! The website as a screen reader presents it, beyond what axe checks: every table has a
//! caption that also names its scrolling region, no bold line repeats the heading above it, a
//! glossary entry without a definition says so in words, and decoration drawn by the
//! stylesheet is not read out. (The browser audit, `tests/audit`, reads Chromium's
//! accessibility tree for the last of these; this reads the stylesheet.)

mod common;

use std::sync::OnceLock;

use common::{strip_tags, tags, unescape, Site};
use planpress::Plan;

/// The shipped plan, built once for these tests.
fn shipped() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = Site::shipped();
        site.build();
        site
    })
}

fn page(site: &Site, rel: &str) -> String {
    std::fs::read_to_string(site.path("public").join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn html_pages(site: &Site) -> Vec<(String, String)> {
    site.output()
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect()
}

/// The text of the element with `id`, from its start tag to the next end tag of its kind.
fn text_of_id(html: &str, id: &str) -> Option<String> {
    let at = html.find(&format!("id=\"{id}\""))?;
    let open = html[..at].rfind('<')?;
    let name: String = html[open + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let start = open + html[open..].find('>')? + 1;
    let end = start + html[start..].find(&format!("</{name}>"))?;
    Some(strip_tags(&html[start..end]).trim().to_string())
}

/// Every table, and the scrolling region around it, in the order they come.
fn tables(html: &str) -> Vec<(common::Tag, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<div class=\"table-scroll\"") {
        rest = &rest[i..];
        let region = tags(&rest[..rest.find('>').unwrap() + 1]).remove(0);
        let table_at = rest.find("<table").expect("a table in its region");
        let after = &rest[table_at..];
        let open_end = after.find('>').unwrap() + 1;
        out.push((region, after[open_end..].chars().take(300).collect()));
        rest = &rest[table_at + open_end..];
    }
    out
}

#[test]
fn every_table_has_a_caption_that_names_its_scrolling_region() {
    let site = shipped();
    let mut checked = 0;
    for (path, html) in html_pages(site) {
        for (i, _) in html.match_indices("<table") {
            let open_end = i + html[i..].find('>').unwrap() + 1;
            assert!(
                html[open_end..].trim_start().starts_with("<caption"),
                "{path}: a table without a caption: {}",
                &html[i..(i + 200).min(html.len())]
            );
        }
        for (region, start) in tables(&html) {
            checked += 1;
            let id = region.attr("aria-labelledby").unwrap_or_else(|| {
                panic!(
                    "{path}: a table's region is named {:?}, not by its caption",
                    region.attr("aria-label")
                )
            });
            assert!(
                start
                    .trim_start()
                    .starts_with(&format!("<caption id=\"{id}\">")),
                "{path}: the table does not start with the caption its region names ({id}): {start}"
            );
            let caption = text_of_id(&html, id).unwrap();
            assert!(
                !caption.is_empty() && !caption.starts_with("Table:"),
                "{path}: caption {caption:?}"
            );
        }
    }
    assert!(checked > 30, "only {checked} tables were checked");
    let programme = page(site, "performance/holding-to-account-programme/index.html");
    assert!(
        programme.contains(">Holding to account meetings in 2021/22, by month</caption>"),
        "the holding to account programme's table has its caption"
    );
    assert!(
        !programme.contains("<p>Table:"),
        "the caption line is not also a paragraph"
    );
}

#[test]
fn a_table_caption_line_is_text_however_it_is_written() {
    let site = Site::minimal();
    site.write(
        "content/about.md",
        "---\ntitle: About the plan\norder: 1\n---\nTable: Calls <script>alert(1)</script> & \"more\" <b onclick=\"x()\">bold</b>\n\n| Area | Calls |\n|---|---|\n| North | 3 |\n\nTable:\n\n| Empty | caption |\n|---|---|\n| a | b |\n\nTable: not next to a table\n\nA paragraph.\n\n| No | caption |\n|---|---|\n| c | d |\n",
    );
    site.build();
    let html = page(&site, "about/index.html");
    let found = tables(&html);
    assert_eq!(found.len(), 3, "{html}");
    // The first is captioned, the script and the handler gone, the text kept.
    let id = found[0]
        .0
        .attr("aria-labelledby")
        .expect("named by its caption");
    let caption = text_of_id(&html, id).unwrap();
    let caption = unescape(&caption);
    assert_eq!(
        caption.split_whitespace().collect::<Vec<_>>().join(" "),
        "Calls & \"more\" bold",
        "{html}"
    );
    assert!(
        !html.contains("<script") && !html.contains("onclick"),
        "{html}"
    );
    // "Table:" alone, or away from a table, captions nothing: those regions are named by
    // their column headings, and the lines stay as written.
    assert_eq!(found[1].0.attr("aria-label"), Some("Table: Empty, caption"));
    assert_eq!(found[2].0.attr("aria-label"), Some("Table: No, caption"));
    assert!(html.contains("<p>Table:</p>"), "{html}");
    assert!(html.contains("<p>Table: not next to a table</p>"), "{html}");
}

/// The words of a heading or line that carry its meaning, cut to their stems ("responsible"
/// and "responsibilities" alike), for telling whether one only says the other again.
fn stems(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4 && !["that", "this", "with", "will", "their"].contains(w))
        .map(|w| w.to_lowercase().chars().take(7).collect())
        .collect()
}

/// Each heading followed straight away by a bold line (`<p><strong>` on the large-print
/// page, `<p class="lead-in">` on the website), as (heading, line).
fn headings_with_bold_lines(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for level in 2..=6 {
        let close = format!("</h{level}>");
        let mut rest = html;
        while let Some(i) = rest.find(&format!("<h{level}")) {
            rest = &rest[i..];
            let Some(end) = rest.find(&close) else { break };
            let heading = strip_tags(&rest[..end]);
            let after = rest[end + close.len()..].trim_start();
            for (open, shut) in [
                ("<p><strong>", "</strong></p>"),
                ("<p class=\"lead-in\">", "</p>"),
            ] {
                if let Some(line) = after.strip_prefix(open) {
                    let line = &line[..line.find(shut).unwrap()];
                    out.push((
                        heading.trim().to_string(),
                        strip_tags(line).trim().to_string(),
                    ));
                }
            }
            rest = &rest[end..];
        }
    }
    out
}

#[test]
fn no_bold_line_says_the_heading_above_it_again() {
    let site = shipped();
    let mut pairs = 0;
    for (path, html) in html_pages(site) {
        if !(path == "large-print/index.html" || html.contains("class=\"lead-in\"")) {
            continue;
        }
        for (heading, line) in headings_with_bold_lines(&html) {
            pairs += 1;
            let h = stems(&heading);
            assert!(
                h.is_empty() || !h.iter().all(|w| stems(&line).contains(w)),
                "{path}: the heading {heading:?} is followed by {line:?}, which says it again"
            );
        }
    }
    assert!(
        pairs > 20,
        "only {pairs} headings with a bold line under them"
    );
    // The test can tell: the words the Chief Constable's group used to have under its heading.
    let h = stems("The Chief Constable's responsibilities");
    assert!(h
        .iter()
        .all(|w| stems("The Chief Constable will be responsible for:").contains(w)));
    // What stays: the Commissioner's "I will:" and a lead the plan wrote itself.
    let lp = page(site, "large-print/index.html");
    assert!(lp.contains("<p><strong>I will:</strong></p>"));
    assert!(lp.contains("<p><strong>I will hold the Chief Constable to account to:</strong></p>"));
    assert!(!lp.contains("The Chief Constable will be responsible for:"));
}

#[test]
fn a_glossary_entry_without_a_definition_says_so_in_words() {
    let plan: Plan = planpress::read_plan(&common::repo().join("content")).unwrap();
    let undefined: Vec<_> = plan
        .glossary
        .iter()
        .filter(|t| t.definition.is_empty())
        .collect();
    assert!(
        undefined.len() >= 5,
        "the shipped glossary has entries without definitions"
    );
    let site = shipped();
    let glossary = unescape(&page(site, "glossary/index.html"));
    let large_print = unescape(&page(site, "large-print/index.html"));
    assert!(
        !glossary.contains("Abbreviation: "),
        "no entry only restates its abbreviation"
    );
    for t in undefined {
        let words = planpress::render::document::no_definition("en-GB", &t.abbreviations);
        assert!(
            words.contains(&t.abbreviations[0]) && words.contains("no definition"),
            "{words}"
        );
        let entry = format!(
            "<dt id=\"{}\">{} ({})</dt>\n  <dd><p>{words}</p></dd>",
            t.id,
            t.term,
            t.abbreviations.join(", ")
        );
        assert!(glossary.contains(&entry), "glossary lacks {entry}");
        assert!(
            large_print.contains(&format!("<p>{words}</p>")),
            "large print lacks {words}"
        );
    }
    // The words for none, one and several abbreviations.
    let mut t = plan.glossary[0].clone();
    t.definition = Default::default();
    t.abbreviations = vec![];
    assert_eq!(
        planpress::render::document::no_definition("en-GB", &t.abbreviations),
        "The plan gives no definition of this term."
    );
    t.abbreviations = vec!["A".into(), "B".into(), "C".into()];
    assert_eq!(
        planpress::render::document::no_definition("en-GB", &t.abbreviations),
        "The plan uses the abbreviations A, B and C and gives no definition."
    );
}

#[test]
fn decoration_drawn_by_the_stylesheet_has_empty_alternative_text() {
    let css =
        std::fs::read_to_string(common::repo().join("themes/default/static/style.css")).unwrap();
    let mut decorations = 0;
    for rule in css.split('}') {
        let declarations: Vec<&str> = rule
            .split(['{', ';'])
            .map(str::trim)
            .filter_map(|d| d.strip_prefix("content:"))
            .map(str::trim)
            .collect();
        // A quoted string with no letter or digit in it is decoration: a dash, arrow, symbol.
        let decorative = declarations.iter().any(|v| {
            v.starts_with('"') && v.ends_with('"') && !v.chars().any(char::is_alphanumeric)
        });
        if decorative {
            decorations += 1;
            assert!(
                declarations.iter().any(|v| v.ends_with("/ \"\"")),
                "decoration without empty alternative text, read out by screen readers: {}",
                rule.trim()
            );
        }
    }
    assert!(
        decorations >= 5,
        "only {decorations} decorations found: is the stylesheet read right?"
    );
}

#[test]
fn the_accessibility_statement_lists_what_is_known_not_to_comply() {
    let site = shipped();
    let statement = unescape(&page(site, "accessibility/index.html"));
    let start = statement
        .find("<h3 id=\"known-limitations\">Known limitations</h3>")
        .expect("a section of known limitations");
    let section = &statement[start..start + statement[start..].find("<h3 id=\"burden\"").unwrap()];
    let items = section.matches("<li>").count();
    assert_eq!(items, 3, "{section}");
    assert!(
        section.contains("The PDF files (Large print version) are tagged for PDF/UA-1")
            && section.contains("have not been checked with a complete PDF/UA checker"),
        "{section}"
    );
    assert!(section.contains("older versions of Firefox"), "{section}");
    assert!(
        section.contains("8 glossary terms are given in the plan only with an abbreviation"),
        "{section}"
    );
    // A plan whose glossary defines every term, built without the PDF, says neither.
    let minimal = Site::minimal();
    let out = minimal.run(&[
        "build",
        "--no-large-print",
        "--themes-dir",
        common::repo().join("themes").to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let statement = page(&minimal, "accessibility/index.html");
    assert!(statement.contains("Known limitations"));
    assert!(
        !statement.contains("PDF/UA") && !statement.contains("glossary terms are"),
        "{statement}"
    );
}
