//! What the plan's Markdown bodies are made of, read without rendering them: the extensions
//! planpress accepts, the ids headings get, and the problems a body may not have.
//!
//! Checking a plan (links to headings, nesting, raw HTML) and rendering it must agree on
//! these, so they live here, below both: [`crate::plan`] checks bodies with them and
//! [`crate::render::markdown`] renders with them.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub use crate::parse::kinds::RawHtml;

/// The Markdown extensions planpress accepts.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// A web-address-safe form of a phrase: lower-case letters, digits and single hyphens.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        let c = match c {
            'à'..='å' | 'À'..='Å' => 'a',
            'è'..='ë' | 'È'..='Ë' => 'e',
            'ì'..='ï' | 'Ì'..='Ï' => 'i',
            'ò'..='ö' | 'Ò'..='Ö' => 'o',
            'ù'..='ü' | 'Ù'..='Ü' => 'u',
            // Welsh and other letters readers' names carry: "Aberdŵr" → "aberdwr".
            'ŵ' | 'Ŵ' => 'w',
            'ŷ' | 'Ŷ' | 'ý' | 'Ý' | 'ÿ' => 'y',
            'ç' | 'Ç' => 'c',
            'ñ' | 'Ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '’' {
            // "Victims' Code" → "victims-code", not "victims--code".
        } else {
            pending_hyphen = true;
        }
    }
    out.truncate(80);
    out.trim_end_matches('-').to_string()
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

/// Finds the ids [`crate::render::markdown::render`] gives a body's headings from its events, shown in order, so that a
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

/// The alternative text of an image whose start tag `events` has just given: the text up to
/// its end tag, with line breaks as spaces. Formatting inside it is dropped, as it is in HTML's
/// `alt`.
pub fn image_alt<'a>(events: &mut impl Iterator<Item = Event<'a>>) -> String {
    let mut alt = String::new();
    for e in events {
        match e {
            Event::End(TagEnd::Image) => break,
            Event::Text(t) | Event::Code(t) => alt.push_str(&t),
            Event::SoftBreak | Event::HardBreak => alt.push(' '),
            _ => {}
        }
    }
    alt
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_address_safe() {
        assert_eq!(slug("Victims' Code"), "victims-code");
        assert_eq!(
            slug("  A value for money approach "),
            "a-value-for-money-approach"
        );
        assert_eq!(slug("999 & 101 calls"), "999-101-calls");
        assert_eq!(slug("Café"), "cafe");
        assert_eq!(slug("Aberdŵr and Ynys Môn"), "aberdwr-and-ynys-mon");
        assert_eq!(slug("Siân Ó Briain’s plan"), "sian-o-briains-plan");
        assert_eq!(slug("!!!"), "");
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
