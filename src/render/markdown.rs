//! Markdown bodies to HTML fragments.
//!
//! On top of pulldown-cmark's HTML we give every heading a stable id (so "on this page"
//! lists and links can point at it), rewrite site links to relative addresses, highlight code,
//! put tables in a labelled, keyboard-scrollable region with column headers marked as such,
//! and sanitise any raw HTML an author wrote down to a safe allow-list.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use pulldown_cmark::{Alignment, CowStr, Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use super::{escape, highlight, slug};
pub use crate::parse::kinds::RawHtml;
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
    /// For each base id handed out, the suffix to try next. Every smaller suffix is taken
    /// (`used` only grows), so a page of many same-named headings costs linear time, not
    /// quadratic.
    next: HashMap<String, usize>,
}

impl IdAllocator {
    /// An allocator that will not hand out any of `taken`.
    pub fn with_taken<'a>(taken: impl IntoIterator<Item = &'a str>) -> Self {
        IdAllocator {
            used: taken.into_iter().map(str::to_string).collect(),
            next: HashMap::new(),
        }
    }

    /// A unique id for a heading: its slug, or the slug with `-2`, `-3`... when taken.
    pub fn allocate(&mut self, text: &str) -> String {
        let base = match slug(text) {
            s if s.is_empty() => "section".to_string(),
            s => s,
        };
        if self.used.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// The ids the headings in `markdown` will get, in order.
pub fn heading_ids(markdown: &str) -> Vec<String> {
    let mut ids = HeadingIds::new();
    for event in Parser::new_ext(markdown, options()) {
        ids.visit(&event);
    }
    ids.finish()
}

/// Finds the ids [`render`] gives a body's headings from its events, shown in order, so that a
/// pass over the events made for another reason can find them without parsing the body again.
#[derive(Debug)]
pub struct HeadingIds {
    ids: IdAllocator,
    found: Vec<String>,
    /// The text of the heading being read, if inside one.
    text: Option<String>,
}

impl Default for HeadingIds {
    fn default() -> Self {
        HeadingIds::new()
    }
}

impl HeadingIds {
    /// Ready for a body's first event.
    pub fn new() -> Self {
        HeadingIds {
            ids: IdAllocator::with_taken(["main-content"]),
            found: Vec::new(),
            text: None,
        }
    }

    /// Takes in the body's next event.
    pub fn visit(&mut self, event: &Event) {
        match event {
            Event::Start(Tag::Heading { .. }) => self.text = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                let id = self.ids.allocate(&self.text.take().unwrap_or_default());
                self.found.push(id);
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(s) = self.text.as_mut() {
                    s.push_str(t);
                }
            }
            _ => {}
        }
    }

    /// The ids of the headings shown so far, in order.
    pub fn finish(self) -> Vec<String> {
        self.found
    }
}

/// How deeply blocks and inline spans (quotes, lists, emphasis, links...) may nest in a body.
/// Real text nests three or four levels; every output walks the nesting, some recursively,
/// so a hostile file nested thousands deep must be refused before any of them sees it.
pub const MAX_NESTING: usize = 32;

/// How many pieces of raw HTML are reported one by one in a body (`raw_html: reject`); the
/// rest are counted in one more problem, so a hostile file cannot flood the report.
pub const MAX_RAW_HTML_REPORTS: usize = 20;

/// How deeply raw HTML elements may nest in a body. The HTML parser behind the sanitiser
/// takes time in proportion to the depth for every element, so thousands of unclosed `<div>`s
/// would take minutes.
pub const MAX_HTML_NESTING: usize = 32;

/// How much code one body may have highlighted; code beyond it is shown plain. Highlighting
/// costs far more per byte than anything else in rendering, and no plan needs this much.
pub const MAX_HIGHLIGHTED_BYTES: usize = 64 * 1024;

/// Something in a body that the plan does not allow, found before anything is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyProblem {
    /// Where, as a byte offset into the Markdown.
    pub offset: usize,
    /// What is wrong, in plain words.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

/// Problems in a body that rendering will not quietly fix: nesting deeper than
/// [`MAX_NESTING`], images from other websites (a request to a third party from every
/// reader's browser), and, when the plan sets `raw_html: reject`, every piece of raw HTML.
/// Links are checked separately, with the plan's pages in hand.
pub fn body_problems(markdown: &str, raw_html: RawHtml) -> Vec<BodyProblem> {
    let mut checker = BodyChecker::new(raw_html);
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        checker.visit(&event, range);
    }
    checker.finish()
}

/// Finds [`body_problems`] from a body's events, shown in order with their byte ranges, so
/// that a pass over the events made for another reason (checking links, rendering) finds
/// them without parsing the body again.
#[derive(Debug)]
pub struct BodyChecker {
    raw_html: RawHtml,
    problems: Vec<BodyProblem>,
    /// How deeply the current event is nested, and whether that has been too deep yet.
    depth: usize,
    too_deep: bool,
    /// How many pieces of raw HTML there have been (counted with `raw_html: reject`).
    raw: usize,
    /// How deeply raw HTML elements nest so far, and whether that has been too deep yet.
    html_depth: usize,
    html_too_deep: bool,
}

impl BodyChecker {
    /// Ready for a body's first event, under the plan's `raw_html` setting.
    pub fn new(raw_html: RawHtml) -> Self {
        BodyChecker {
            raw_html,
            problems: Vec::new(),
            depth: 0,
            too_deep: false,
            raw: 0,
            html_depth: 0,
            html_too_deep: false,
        }
    }

    /// True once a problem has been found.
    pub fn found_any(&self) -> bool {
        !self.problems.is_empty()
    }

    /// Takes in the body's next event, which starts at byte `range.start`.
    pub fn visit(&mut self, event: &Event, range: std::ops::Range<usize>) {
        match event {
            Event::Start(tag) => {
                self.depth += 1;
                if self.depth > MAX_NESTING && !self.too_deep {
                    self.too_deep = true;
                    self.problems.push(BodyProblem {
                        offset: range.start,
                        message: format!(
                            "the text nests more than {MAX_NESTING} levels deep here (quotes, lists or emphasis inside one another)"
                        ),
                        hint: Some("flatten the structure: real text rarely needs more than three levels".to_string()),
                    });
                }
                if let Tag::Image { dest_url, .. } = tag {
                    let lower = dest_url.trim().to_ascii_lowercase();
                    if lower.starts_with("https://")
                        || lower.starts_with("http://")
                        || lower.starts_with("//")
                    {
                        self.problems.push(BodyProblem {
                            offset: range.start,
                            message: format!(
                                "the image \"{dest_url}\" is on another website; showing it would make every reader's browser contact that website"
                            ),
                            hint: Some("link to it instead, [a description](address), or describe what it shows in words".to_string()),
                        });
                    }
                }
            }
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            Event::Html(html) | Event::InlineHtml(html) => match self.raw_html {
                RawHtml::Sanitise => {
                    if self.html_too_deep
                        || html_nesting(html, &mut self.html_depth) <= MAX_HTML_NESTING
                    {
                        return;
                    }
                    self.html_too_deep = true;
                    self.problems.push(BodyProblem {
                        offset: range.start,
                        message: format!(
                            "the HTML here nests more than {MAX_HTML_NESTING} elements deep"
                        ),
                        hint: Some(
                            "close each element you open, or write it in Markdown".to_string(),
                        ),
                    });
                }
                RawHtml::Reject => {
                    self.raw += 1;
                    if self.raw <= MAX_RAW_HTML_REPORTS {
                        self.problems.push(BodyProblem {
                            offset: range.start,
                            message: format!(
                                "raw HTML (\"{}\") is not allowed: the plan sets raw_html: reject",
                                snippet(html)
                            ),
                            hint: Some("write it in Markdown instead".to_string()),
                        });
                    } else if self.raw == MAX_RAW_HTML_REPORTS + 1 {
                        self.problems.push(BodyProblem {
                            offset: range.start,
                            message: "more raw HTML from here on is not allowed either (only the first places are listed)".to_string(),
                            hint: None,
                        });
                    }
                }
            },
            _ => {}
        }
    }

    /// The problems found, in the order of the text.
    pub fn finish(self) -> Vec<BodyProblem> {
        self.problems
    }
}

/// Follows how deeply raw HTML elements nest through one piece of HTML, carrying the depth
/// between pieces in `depth`, and returns the deepest point reached. A rough count, enough to
/// bound the sanitiser's work: void elements, elements whose end tag may be left out (which
/// the parser closes by itself) and comments do not add a level.
fn html_nesting(html: &str, depth: &mut usize) -> usize {
    const NO_LEVEL: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt",
        "rp", "rtc", "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body",
    ];
    let mut deepest = *depth;
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let closing = rest.starts_with('/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - name_start);
        if name_len == 0 {
            continue;
        }
        let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
        if NO_LEVEL.contains(&name.as_str()) {
            continue;
        }
        // (`<div/>` opens a `<div>` like any other: HTML ignores the slash.)
        if closing {
            *depth = depth.saturating_sub(1);
        } else {
            *depth += 1;
            deepest = deepest.max(*depth);
        }
    }
    deepest
}

/// The start of a piece of HTML, on one line, for a message.
fn snippet(html: &str) -> String {
    let line = html.trim().lines().next().unwrap_or("");
    match line.char_indices().nth(40) {
        Some((i, _)) => format!("{}...", &line[..i]),
        None => line.to_string(),
    }
}

/// Renders a body for the page at `from`.
pub fn render(markdown: &str, from: &Route) -> Rendered {
    render_watched(markdown, from, &mut ())
}

/// Something shown each event of a body, with its byte range, as [`render_watched`] renders
/// it: a check of the body that shares rendering's one parse of it.
pub trait Watch<'a> {
    /// Takes in the body's next event.
    fn event(&mut self, event: &Event<'a>, range: std::ops::Range<usize>);

    /// True when what has been seen means the body will not be published (a problem that
    /// stops the build): rendering then leaves out cleaning its raw HTML, the one step such a
    /// body can make slow (see [`MAX_HTML_NESTING`]), and gives no HTML.
    fn refused(&self) -> bool;
}

/// Watching nothing.
impl Watch<'_> for () {
    fn event(&mut self, _: &Event<'_>, _: std::ops::Range<usize>) {}

    fn refused(&self) -> bool {
        false
    }
}

/// As [`render`], showing `watch` every event of the body on the way.
pub fn render_watched<'a>(markdown: &'a str, from: &Route, watch: &mut impl Watch<'a>) -> Rendered {
    let mut ids = IdAllocator::with_taken(["main-content"]);
    let mut headings = Vec::new();
    let mut has_raw_html = false;
    let mut tables = 0;
    let mut highlight_budget = MAX_HIGHLIGHTED_BYTES;
    let mut out: Vec<Event> = Vec::new();
    let mut parser =
        Parser::new_ext(markdown, options())
            .into_offset_iter()
            .map(|(event, range)| {
                watch.event(&event, range);
                event
            });
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
                let mut inner = vec![Event::Start(Tag::Table(align))];
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
                if raw {
                    out.push(Event::Html(table(inner, &label, tables).into()));
                } else {
                    out.push(Event::Html(table_start(&label, tables).into()));
                    out.extend(with_cell_classes(inner));
                    out.push(Event::Html("</div>\n".into()));
                }
            }
            e => {
                has_raw_html |= needs_cleaning(&e);
                out.push(rewrite_link(e, from));
            }
        }
    }
    drop(parser);
    if watch.refused() {
        return Rendered::default();
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    if has_raw_html {
        html = sanitise(&html);
    }
    Rendered { html, headings }
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

/// The start of the scrolling region a table is put in.
fn table_start(label: &[String], n: usize) -> String {
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
    format!("{}{inner}</div>\n", table_start(label, n))
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
            .link_rel(Some("noopener noreferrer"))
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
                    expected.push(Event::Html(table(inner, &label, n).into()));
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
    fn many_same_named_headings_get_the_same_ids_as_before_in_linear_time() {
        let mut ids = IdAllocator::with_taken(["main-content", "a-3"]);
        let got: Vec<String> = (0..5).map(|_| ids.allocate("A")).collect();
        assert_eq!(got, vec!["a", "a-2", "a-4", "a-5", "a-6"]);
        assert_eq!(ids.allocate("A 5"), "a-5-2");
        let md = "## a\n\n".repeat(20_000);
        let start = std::time::Instant::now();
        assert_eq!(heading_ids(&md).last().unwrap(), "a-20000");
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
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
    }

    #[test]
    fn body_problems_find_deep_nesting_raw_html_and_third_party_images() {
        let deep = format!("{} deep", ">".repeat(40));
        let p = body_problems(&deep, RawHtml::Sanitise);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].offset, MAX_NESTING);
        let divs = "<div>".repeat(40);
        assert_eq!(body_problems(&divs, RawHtml::Sanitise).len(), 1);
        assert!(body_problems("<p>a<p>b<br><img src=x>", RawHtml::Sanitise).is_empty());
        let raw = body_problems("a <b>b</b>", RawHtml::Reject);
        let places: Vec<usize> = raw.iter().map(|p| p.offset).collect();
        assert_eq!(places, vec![2, 6]);
        let img = body_problems("![a](//t.example/p.gif) ![b](/x.png)", RawHtml::Sanitise);
        assert_eq!(img.len(), 1, "{img:?}");
    }

    #[test]
    fn a_run_of_unclosed_angle_brackets_is_counted_in_linear_time() {
        let mut depth = 0;
        let start = std::time::Instant::now();
        html_nesting(&"<a".repeat(200_000), &mut depth);
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }
}
