//! Markdown bodies to HTML fragments.
//!
//! On top of pulldown-cmark's HTML we give every heading a stable id (so "on this page"
//! lists and links can point at it), rewrite site links to relative addresses, highlight code,
//! put tables in a labelled, keyboard-scrollable region with column headers marked as such,
//! and sanitise any raw HTML an author wrote down to a safe allow-list.

use std::collections::HashSet;
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use super::{escape, highlight, slug};
use crate::plan::Route;

/// The Markdown extensions planpress accepts.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

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

/// Gives each heading text a unique id within one page.
#[derive(Debug, Default)]
pub struct IdAllocator {
    used: HashSet<String>,
}

impl IdAllocator {
    /// An allocator that will not hand out any of `taken`.
    pub fn with_taken<'a>(taken: impl IntoIterator<Item = &'a str>) -> Self {
        IdAllocator {
            used: taken.into_iter().map(str::to_string).collect(),
        }
    }

    /// A unique id for a heading.
    pub fn allocate(&mut self, text: &str) -> String {
        let base = match slug(text) {
            s if s.is_empty() => "section".to_string(),
            s => s,
        };
        let mut id = base.clone();
        let mut n = 2;
        while !self.used.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

/// The ids the headings in `markdown` will get, in order.
pub fn heading_ids(markdown: &str) -> Vec<String> {
    let mut ids = IdAllocator::with_taken(["main-content"]);
    let mut out = Vec::new();
    let mut text: Option<String> = None;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Heading { .. }) => text = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                out.push(ids.allocate(&text.take().unwrap_or_default()))
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(s) = text.as_mut() {
                    s.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

/// Renders a body for the page at `from`.
pub fn render(markdown: &str, from: &Route) -> Rendered {
    let mut ids = IdAllocator::with_taken(["main-content"]);
    let mut headings = Vec::new();
    let mut has_raw_html = false;
    let mut tables = 0;
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
                        Event::Html(_) | Event::InlineHtml(_) => has_raw_html = true,
                        _ => {}
                    }
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
                out.push(Event::Html(highlight::code_block(&code, &lang).into()));
            }
            Event::Start(Tag::Table(align)) => {
                tables += 1;
                let mut inner = vec![Event::Start(Tag::Table(align))];
                let mut label = Vec::new();
                let mut in_head = false;
                for e in parser.by_ref() {
                    let end = matches!(e, Event::End(TagEnd::Table));
                    match &e {
                        Event::Start(Tag::TableHead) => in_head = true,
                        Event::End(TagEnd::TableHead) => in_head = false,
                        Event::Text(t) | Event::Code(t) if in_head => label.push(t.to_string()),
                        Event::Html(_) | Event::InlineHtml(_) => has_raw_html = true,
                        _ => {}
                    }
                    inner.push(rewrite_link(e, from));
                    if end {
                        break;
                    }
                }
                out.push(Event::Html(table(inner, &label, tables).into()));
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                has_raw_html = true;
                out.push(event);
            }
            e => out.push(rewrite_link(e, from)),
        }
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    if has_raw_html {
        html = sanitise(&html);
    }
    Rendered { html, headings }
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

fn table(events: Vec<Event>, label: &[String], n: usize) -> String {
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
    let label = if label.is_empty() {
        format!("Table {n}")
    } else {
        format!("Table: {}", label.join(", "))
    };
    format!("<div class=\"table-scroll\" role=\"region\" aria-label=\"{}\" tabindex=\"0\">\n{inner}</div>\n", escape(&label))
}

/// Cleans HTML down to an allow-list of elements and attributes: no scripts, event handlers,
/// frames, forms, styles, or `javascript:`/`data:` addresses survive.
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
            .link_rel(Some("noopener noreferrer"));
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
        assert_eq!(ids, heading_ids(md));
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
    fn raw_html_is_sanitised() {
        let r = render("Hi <script>alert(1)</script><a href=\"javascript:alert(1)\" onclick=\"x()\">x</a> <b>ok</b>", &Route::Home);
        assert!(!r.html.contains("script"), "{}", r.html);
        assert!(!r.html.contains("onclick"), "{}", r.html);
        assert!(!r.html.contains("javascript"), "{}", r.html);
        assert!(r.html.contains("<b>ok</b>"), "{}", r.html);
    }
}
