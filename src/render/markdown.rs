//! Markdown bodies to HTML fragments.
//!
//! On top of pulldown-cmark's HTML we give every heading a stable id (so "on this page"
//! lists and links can point at it), rewrite site links to relative addresses, highlight code,
//! put tables in a labelled, keyboard-scrollable region with column headers marked as such,
//! and sanitise any raw HTML an author wrote down to a safe allow-list.

use std::sync::OnceLock;

use pulldown_cmark::{Alignment, CowStr, Event, Parser, Tag, TagEnd};
use serde::Serialize;

use super::{escape, highlight};
pub use crate::parse::kinds::RawHtml;
use crate::parse::markdown::{image_alt, options, IdAllocator};
use crate::plan::images::{source_of, Images, DECORATIVE};
use crate::plan::Route;

/// A heading in a body, for contents lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The anchor id.
    pub id: String,
    /// The heading's text.
    pub text: String,
}

/// A rendered body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// Its headings, in order.
    pub headings: Vec<Heading>,
}

/// How much code one body may have highlighted; code beyond it is shown plain. Highlighting
/// costs far more per byte than anything else in rendering, and no plan needs this much.
pub const MAX_HIGHLIGHTED_BYTES: usize = 64 * 1024;

/// Renders a body for the page at `from`, with no images to show (an image is cleaned down to
/// its description). See [`render_with_images`].
pub fn render(markdown: &str, from: &Route) -> Rendered {
    render_with_images(markdown, from, &Images::default())
}

/// Renders a body for the page at `from`, each of its images shown from where the website
/// publishes it in `images`, with its description and size. The body must be one of a
/// validated plan's: its nesting, raw HTML and images are checked
/// ([`crate::parse::markdown::body_problems`], [`crate::plan`]) before any output renders it.
pub fn render_with_images(markdown: &str, from: &Route, images: &Images) -> Rendered {
    let mut ids = IdAllocator::with_taken(["main-content"]);
    let mut headings = Vec::new();
    let mut has_raw_html = false;
    let mut tables = 0;
    let mut highlight_budget = MAX_HIGHLIGHTED_BYTES;
    let mut out: Vec<Event> = Vec::new();
    let mut parser = Parser::new_ext(markdown, options());
    while let Some(event) = parser.next() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let mut inner = Vec::new();
                let mut text = String::new();
                for e in parser.by_ref() {
                    match &e {
                        Event::End(TagEnd::Heading(_)) => break,
                        Event::Text(t) | Event::Code(t) => text.push_str(t),
                        _ => {}
                    }
                    has_raw_html |= needs_cleaning(&e);
                    inner.push(rewrite_link(e, from));
                }
                let id = ids.allocate(&text);
                let n = level as u8;
                out.push(Event::Html(format!("<h{n} id=\"{id}\">").into()));
                out.extend(inner);
                out.push(Event::Html(format!("</h{n}>\n").into()));
                headings.push(Heading { level: n, id, text });
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(l) => l.to_string(),
                    pulldown_cmark::CodeBlockKind::Indented => String::new(),
                };
                let mut code = String::new();
                for e in parser.by_ref() {
                    match e {
                        Event::End(TagEnd::CodeBlock) => break,
                        Event::Text(t) => code.push_str(&t),
                        _ => {}
                    }
                }
                let lang = if code.len() <= highlight_budget {
                    highlight_budget -= code.len();
                    lang
                } else {
                    String::new()
                };
                out.push(Event::Html(highlight::code_block(&code, &lang).into()));
            }
            Event::Start(Tag::Table(align)) => {
                tables += 1;
                let caption = take_caption(&mut out).map(|events| {
                    // Heading ids are slugs, which never hold "_", so this one cannot take a
                    // heading's id (which links to headings are checked against).
                    let id = format!("table_{tables}_caption");
                    let mut html = format!("<caption id=\"{id}\">");
                    pulldown_cmark::html::push_html(&mut html, events.into_iter());
                    html.push_str("</caption>");
                    (id, html)
                });
                let mut inner = vec![Event::Start(Tag::Table(align))];
                if let Some((_, html)) = &caption {
                    inner.push(Event::Html(html.clone().into()));
                }
                let mut label = Vec::new();
                let mut in_head = false;
                let mut raw = false;
                for e in parser.by_ref() {
                    let end = matches!(e, Event::End(TagEnd::Table));
                    match &e {
                        Event::Start(Tag::TableHead) => in_head = true,
                        Event::End(TagEnd::TableHead) => in_head = false,
                        Event::Text(t) | Event::Code(t) if in_head => label.push(t.to_string()),
                        Event::Html(_) | Event::InlineHtml(_) => raw = true,
                        _ => {}
                    }
                    has_raw_html |= needs_cleaning(&e);
                    inner.push(rewrite_link(e, from));
                    if end {
                        break;
                    }
                }
                let caption_id = caption.as_ref().map(|(id, _)| id.as_str());
                if raw {
                    out.push(Event::Html(table(inner, &label, caption_id, tables).into()));
                } else {
                    out.push(Event::Html(table_start(&label, caption_id, tables).into()));
                    out.extend(with_cell_classes(inner));
                    out.push(Event::Html("</div>\n".into()));
                }
            }
            Event::Start(Tag::Image {
                ref dest_url,
                ref title,
                ..
            }) if image_of(dest_url, images).is_some() => {
                let Some(image) = image_of(dest_url, images) else {
                    continue;
                };
                let decorative = title.as_ref() == DECORATIVE;
                let alt = image_alt(&mut parser);
                let alt = if decorative { "" } else { alt.trim() };
                out.push(Event::Html(
                    format!(
                        "<img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\" loading=\"lazy\">",
                        escape(&from.href_to(&image.path)),
                        escape(alt),
                        image.width,
                        image.height
                    )
                    .into(),
                ));
            }
            e => {
                has_raw_html |= needs_cleaning(&e);
                out.push(rewrite_link(e, from));
            }
        }
    }
    drop(parser);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    if has_raw_html {
        html = sanitise(&html);
    }
    Rendered { html, headings }
}

/// The published image an image's address names, if it names one.
fn image_of<'i>(dest: &str, images: &'i Images) -> Option<&'i crate::plan::images::Image> {
    images.get(&source_of(dest).ok()?)
}

/// True for events whose HTML must go through [`sanitise`]: raw HTML, and links or images
/// whose address is not a plain web, mail, phone or relative one. Validation refuses such
/// links already; cleaning them here as well means no caller of [`render`] can publish one.
fn needs_cleaning(event: &Event) -> bool {
    match event {
        Event::Html(_) | Event::InlineHtml(_) => true,
        Event::Start(Tag::Link { dest_url, .. }) => !plain_address(dest_url),
        Event::Start(Tag::Image { .. }) => true,
        _ => false,
    }
}

/// True for `http(s):`, `mailto:` and `tel:` addresses and for addresses without a scheme.
fn plain_address(url: &str) -> bool {
    match url_scheme(url) {
        Some(scheme) => ["http", "https", "mailto", "tel"]
            .iter()
            .any(|s| scheme.eq_ignore_ascii_case(s)),
        None => !url.trim_start().starts_with("//"),
    }
}

/// The scheme of an address (`https` in `https://...`), if it has one, read as a browser
/// reads it: leading spaces and control characters are skipped and tabs and line breaks
/// anywhere are ignored, so `java&#9;script:` is still `javascript`.
fn url_scheme(url: &str) -> Option<String> {
    let url = url.trim_start_matches(|c: char| c <= ' ');
    let end = url.find(':')?;
    let scheme: String = url[..end]
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let mut chars = scheme.chars();
    (chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
}

fn rewrite_link<'a>(event: Event<'a>, from: &Route) -> Event<'a> {
    match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = match dest_url.strip_prefix('/') {
                Some(site) if !dest_url.starts_with("//") => CowStr::from(from.href_to(site)),
                _ => dest_url,
            };
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        e => e,
    }
}

/// A table's events with each cell's start written out as [`table`] rewrites it: header cells
/// with `scope="col"`, alignment as a class rather than a style. Only for tables without raw
/// HTML, whose HTML can hold those tags nowhere else.
fn with_cell_classes(events: Vec<Event>) -> impl Iterator<Item = Event> {
    let mut align = Vec::new();
    let mut in_head = false;
    let mut column = 0;
    events.into_iter().map(move |e| {
        match &e {
            Event::Start(Tag::Table(a)) => align = a.clone(),
            Event::Start(Tag::TableHead) => {
                in_head = true;
                column = 0;
            }
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => column = 0,
            Event::End(TagEnd::TableCell) => column += 1,
            Event::Start(Tag::TableCell) => {
                let tag = match (in_head, align.get(column)) {
                    (true, Some(Alignment::Left)) => "<th scope=\"col\" class=\"align-left\">",
                    (true, Some(Alignment::Center)) => "<th scope=\"col\" class=\"align-center\">",
                    (true, Some(Alignment::Right)) => "<th scope=\"col\" class=\"align-right\">",
                    (true, _) => "<th scope=\"col\">",
                    (false, Some(Alignment::Left)) => "<td class=\"align-left\">",
                    (false, Some(Alignment::Center)) => "<td class=\"align-center\">",
                    (false, Some(Alignment::Right)) => "<td class=\"align-right\">",
                    (false, _) => "<td>",
                };
                return Event::Html(tag.into());
            }
            _ => {}
        }
        e
    })
}

/// What starts the paragraph that captions the table after it ("Table: Meetings by month").
pub const CAPTION_PREFIX: &str = "Table:";

/// Takes the caption of the table about to start from the end of `events`: a paragraph that
/// starts with [`CAPTION_PREFIX`] and comes just before the table. Returns its inline events
/// without the prefix, or `None` (leaving `events` alone) when there is no such paragraph.
fn take_caption(events: &mut Vec<Event>) -> Option<Vec<Event<'static>>> {
    if !matches!(events.last(), Some(Event::End(TagEnd::Paragraph))) {
        return None;
    }
    let start = events
        .iter()
        .rposition(|e| matches!(e, Event::Start(Tag::Paragraph)))?;
    let Some(Event::Text(first)) = events.get(start + 1) else {
        return None;
    };
    let rest = first.strip_prefix(CAPTION_PREFIX)?.trim_start().to_string();
    let paragraph = &events[start + 2..events.len() - 1];
    if rest.is_empty() && paragraph.is_empty() {
        return None;
    }
    let mut caption: Vec<Event<'static>> = Vec::with_capacity(paragraph.len() + 1);
    if !rest.is_empty() {
        caption.push(Event::Text(rest.into()));
    }
    caption.extend(paragraph.iter().map(|e| e.clone().into_static()));
    events.truncate(start);
    Some(caption)
}

/// The start of the scrolling region a table is put in: named by the table's caption when
/// it has one, else by its column headings.
fn table_start(label: &[String], caption_id: Option<&str>, n: usize) -> String {
    if let Some(id) = caption_id {
        return format!(
            "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"{id}\" tabindex=\"0\">\n"
        );
    }
    let label = if label.is_empty() {
        format!("Table {n}")
    } else {
        format!("Table: {}", label.join(", "))
    };
    format!(
        "<div class=\"table-scroll\" role=\"region\" aria-label=\"{}\" tabindex=\"0\">\n",
        escape(&label)
    )
}

/// A table with raw HTML in it, rendered on its own and rewritten as [`with_cell_classes`]
/// does, in its scrolling region.
fn table(events: Vec<Event>, label: &[String], caption_id: Option<&str>, n: usize) -> String {
    let mut inner = String::new();
    pulldown_cmark::html::push_html(&mut inner, events.into_iter());
    let inner = inner
        .replace("<th>", "<th scope=\"col\">")
        .replace(
            "<th style=\"text-align: left\">",
            "<th scope=\"col\" class=\"align-left\">",
        )
        .replace(
            "<th style=\"text-align: center\">",
            "<th scope=\"col\" class=\"align-center\">",
        )
        .replace(
            "<th style=\"text-align: right\">",
            "<th scope=\"col\" class=\"align-right\">",
        )
        .replace(
            "<td style=\"text-align: left\">",
            "<td class=\"align-left\">",
        )
        .replace(
            "<td style=\"text-align: center\">",
            "<td class=\"align-center\">",
        )
        .replace(
            "<td style=\"text-align: right\">",
            "<td class=\"align-right\">",
        );
    format!("{}{inner}</div>\n", table_start(label, caption_id, n))
}

/// Cleans HTML down to an allow-list of elements and attributes: no scripts, event handlers,
/// frames, objects, forms, styles (elements or attributes), or `javascript:`/`vbscript:`/`data:`
/// addresses survive. Images survive only with a relative address, so a page never makes a
/// reader's browser contact another website (and the site's Content-Security-Policy,
/// `img-src 'self'`, would block it anyway).
pub fn sanitise(html: &str) -> String {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER
        .get_or_init(|| {
            let mut b = ammonia::Builder::default();
            b.add_generic_attributes([
                "id",
                "class",
                "lang",
                "dir",
                "role",
                "tabindex",
                "aria-label",
                "aria-labelledby",
                "aria-describedby",
            ])
            .add_tag_attributes("th", ["scope"])
            .add_tags([
                "abbr",
                "figure",
                "figcaption",
                "ins",
                "del",
                "mark",
                "section",
                "aside",
            ])
            .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
            // Links keep no `rel` of their own: a body with raw HTML gives its links the same
            // attributes as one without (browsers already open new windows without an opener).
            .link_rel(None)
            .attribute_filter(|element, attribute, value| {
                // A link is followed only if the reader chooses to; an image is fetched by
                // every browser that shows the page, so it must come from this site.
                let elsewhere = url_scheme(value).is_some() || value.trim_start().starts_with("//");
                if element == "img" && attribute == "src" && elsewhere {
                    None
                } else {
                    Some(value.into())
                }
            });
            b
        })
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> Route {
        Route::Priority {
            aim: "victims".into(),
            id: "voice".into(),
        }
    }

    #[test]
    fn headings_get_unique_ids_matching_heading_ids() {
        let md = "## Outcomes\n\ntext\n\n## Outcomes\n\n### Main content\n";
        let r = render(md, &page());
        let ids: Vec<_> = r.headings.iter().map(|h| h.id.clone()).collect();
        assert_eq!(ids, vec!["outcomes", "outcomes-2", "main-content-2"]);
        assert_eq!(ids, crate::parse::markdown::heading_ids(md));
        assert!(
            r.html.contains("<h2 id=\"outcomes-2\">Outcomes</h2>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn site_links_become_relative_to_the_page() {
        let r = render(
            "[Glossary](/glossary/#cjs) and [GOV.UK](https://www.gov.uk/)",
            &page(),
        );
        assert!(
            r.html.contains("href=\"../../glossary/index.html#cjs\""),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("href=\"https://www.gov.uk/\""),
            "{}",
            r.html
        );
    }

    #[test]
    fn tables_scroll_in_a_labelled_focusable_region_without_inline_styles() {
        let r = render(
            "| LPA | June |\n|---|--:|\n| Herefs | 29.8% |\n",
            &Route::Home,
        );
        assert!(
            r.html
                .contains("role=\"region\" aria-label=\"Table: LPA, June\" tabindex=\"0\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("<th scope=\"col\">LPA</th>"), "{}", r.html);
        assert!(r.html.contains("class=\"align-right\""), "{}", r.html);
        assert!(!r.html.contains("style="), "{}", r.html);
    }

    #[test]
    fn a_table_paragraph_before_a_table_becomes_its_caption_and_names_its_region() {
        for md in [
            "Table: Meetings *by* month\n\n| Month | Type |\n|---|---|\n| May | Public |\n",
            // Raw HTML in the table takes the other path.
            "Table: Meetings *by* month\n\n| Month | Type |\n|---|---|\n| May | <b>Public</b> |\n",
        ] {
            let r = render(md, &Route::Home);
            assert!(
                r.html.contains(
                    "role=\"region\" aria-labelledby=\"table_1_caption\" tabindex=\"0\">\n<table><caption id=\"table_1_caption\">Meetings <em>by</em> month</caption>"
                ),
                "{}",
                r.html
            );
            assert!(!r.html.contains("<p>Table:"), "{}", r.html);
        }
        // Not a caption: a "Table:" paragraph with a paragraph between it and the table, a
        // paragraph that only mentions a table, and an empty "Table:".
        for md in [
            "Table: Meetings\n\nIn order.\n\n| Month |\n|---|\n| May |\n",
            "See the table:\n\n| Month |\n|---|\n| May |\n",
            "Table:\n\n| Month |\n|---|\n| May |\n",
        ] {
            let r = render(md, &Route::Home);
            assert!(!r.html.contains("<caption"), "{md}: {}", r.html);
            assert!(
                r.html.contains("aria-label=\"Table: Month\""),
                "{md}: {}",
                r.html
            );
        }
    }

    #[test]
    fn tables_written_cell_by_cell_match_the_rewritten_html() {
        for md in [
            "| LPA | June |\n|---|--:|\n| Herefs | 29.8% |\n",
            "| a | b | c | d |\n|:--|:-:|--:|---|\n| *x* | `y` | [z](/glossary/) | |\n| 1 | 2 | 3 | 4 | 5 |\n",
            "| a |\n|---|\n",
            "x\n\n| a | b |\n|--:|:--|\n| 1 |\n\ny\n\n| c |\n|:-:|\n| 2 |\n",
        ] {
            let events: Vec<Event> = Parser::new_ext(md, options())
                .map(|e| rewrite_link(e, &Route::Home))
                .collect();
            // The old way: render each table on its own and rewrite its tags.
            let mut expected = Vec::new();
            let (mut n, mut i) = (0, 0);
            while i < events.len() {
                if let Event::Start(Tag::Table(_)) = events[i] {
                    let end = (i..events.len())
                        .find(|&j| matches!(events[j], Event::End(TagEnd::Table)))
                        .unwrap();
                    let inner = events[i..=end].to_vec();
                    let mut label = Vec::new();
                    let mut in_head = false;
                    for e in &inner {
                        match e {
                            Event::Start(Tag::TableHead) => in_head = true,
                            Event::End(TagEnd::TableHead) => in_head = false,
                            Event::Text(t) | Event::Code(t) if in_head => {
                                label.push(t.to_string())
                            }
                            _ => {}
                        }
                    }
                    n += 1;
                    expected.push(Event::Html(table(inner, &label, None, n).into()));
                    i = end + 1;
                } else {
                    expected.push(events[i].clone());
                    i += 1;
                }
            }
            let mut html = String::new();
            pulldown_cmark::html::push_html(&mut html, expected.into_iter());
            assert_eq!(render(md, &Route::Home).html, html, "{md}");
        }
    }

    #[test]
    fn raw_html_is_sanitised() {
        let r = render("Hi <script>alert(1)</script><a href=\"javascript:alert(1)\" onclick=\"x()\">x</a> <b>ok</b>", &Route::Home);
        assert!(!r.html.contains("script"), "{}", r.html);
        assert!(!r.html.contains("onclick"), "{}", r.html);
        assert!(!r.html.contains("javascript"), "{}", r.html);
        assert!(r.html.contains("<b>ok</b>"), "{}", r.html);
    }

    #[test]
    fn markdown_links_with_script_addresses_are_cleaned_even_without_raw_html() {
        for md in [
            "[x](javascript:alert(1))",
            "[x](<java\tscript:alert(1)>)",
            "[x](VBScript:x)",
            "![x](data:image/png;base64,AA)",
            "![x](https://tracker.example/p.gif)",
        ] {
            let html = render(md, &Route::Home).html;
            let address = html
                .split(['"', ' '])
                .skip_while(|a| !a.ends_with("href=") && !a.ends_with("src="))
                .nth(1);
            // Gone, or made harmless (a tab percent-encoded is no longer part of a scheme).
            if let Some(address) = address {
                assert_eq!(url_scheme(address), None, "{md}: {html}");
            }
            assert!(!html.contains("tracker"), "{md}: {html}");
        }
        let html = render(
            "[GOV.UK](https://www.gov.uk/) [a](/glossary/)",
            &Route::Home,
        )
        .html;
        assert!(
            !html.contains("noopener"),
            "plain links are left alone: {html}"
        );
        // A body with raw HTML in it, which goes through the cleaner, gives its links the
        // same attributes.
        let html = render(
            "[GOV.UK](https://www.gov.uk/) [a](/glossary/) <b>bold</b>",
            &Route::Home,
        )
        .html;
        assert!(html.contains("<b>bold</b>"), "{html}");
        assert!(!html.contains("rel="), "{html}");
    }

    #[test]
    fn the_anchors_links_are_checked_against_are_the_ids_rendering_gives_headings() {
        let pieces = [
            "## Heading with [a link](/glossary/#asb) and `code`\n",
            "# A second title\n",
            "| a | [b](/about/) |\n|---|---|\n| <b>c</b> | ![d](/d.png) |\n",
            "```rust\n[not a link](/nowhere/)\n# not a heading\n```\n",
            "<div><div>raw</div></div>\n",
            "- [one](/a/)\n  - [two](javascript:x)\n",
            "## Heading with [a link](/glossary/#asb) and `code`\n",
            "### Main content\n",
            "[ref]: /about/#how\n\nSee [ref] and <https://example.org>.\n",
        ];
        // Every pair of pieces in each order.
        for (a, b) in pieces
            .iter()
            .flat_map(|a| pieces.iter().map(move |b| (a, b)))
        {
            let md = format!("{a}\n{b}");
            let rendered = render(&md, &Route::Glossary);
            let ids: Vec<String> = rendered.headings.into_iter().map(|h| h.id).collect();
            assert_eq!(ids, crate::parse::markdown::heading_ids(&md), "{md}");
        }
    }
}
