//! The plan's document as the EPUB's XHTML content documents: one for the foreword, each
//! page, each aim, the performance introduction, each performance statement and the glossary.
//!
//! The document is built with marks ([`Edition::marked`](crate::render::document::Edition))
//! that say where each part, priority and commitment starts; here it is cut at the parts,
//! each part's headings are renumbered from `h1`, commitments become fragment targets (their
//! list items carry their ids), and links to the website are pointed at the document that
//! holds the same item, when the book has it.
//!
//! Everything is XML: every piece of text is escaped, characters XML cannot hold are
//! dropped, and void elements are closed.

use std::collections::{HashMap, HashSet};

use crate::parse::markdown::slug;
use crate::plan::Route;
use crate::render::document::{
    html_list_start, plain, say, Block, Inline, LargePrintDoc, Mark, Part,
};

/// Where the stylesheet is, from the documents.
pub const CSS: &str = "css/plan.css";

/// The title page's file.
pub const TITLE_FILE: &str = "title.xhtml";

/// The navigation document's file.
pub const NAV_FILE: &str = "nav.xhtml";

/// What a content document is, for its `epub:type` and ARIA role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The foreword.
    Foreword,
    /// The glossary.
    Glossary,
    /// Any other part.
    Chapter,
}

impl Kind {
    /// The `epub:type` and the matching DPUB-ARIA role.
    fn semantics(self) -> (&'static str, &'static str) {
        match self {
            Kind::Foreword => ("foreword", "doc-foreword"),
            Kind::Glossary => ("glossary", "doc-glossary"),
            Kind::Chapter => ("chapter", "doc-chapter"),
        }
    }
}

/// One content document: a part of the plan.
#[derive(Debug, Clone)]
pub struct Chapter {
    /// The file name without `.xhtml`, also the manifest id: `aim-victims`.
    pub stem: String,
    /// The part it is, when the document marked one.
    pub part: Option<Part>,
    /// What it is.
    pub kind: Kind,
    /// Its blocks, from its heading on.
    pub blocks: Vec<Block>,
    /// How many levels its headings move up so that the first is `h1`.
    pub shift: u8,
}

impl Chapter {
    /// The file, relative to the package document.
    pub fn file(&self) -> String {
        format!("{}.xhtml", self.stem)
    }

    /// The first heading's words (its title), if it has one.
    pub fn title(&self) -> Option<&str> {
        self.blocks.iter().find_map(|b| match b {
            Block::Heading { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }

    /// The first heading's id.
    fn heading_id(&self) -> Option<&str> {
        self.blocks.iter().find_map(|b| match b {
            Block::Heading { id, .. } => Some(id.as_str()),
            _ => None,
        })
    }
}

/// Cuts the marked document into its parts, in reading order.
pub fn chapters(doc: &LargePrintDoc) -> Vec<Chapter> {
    let mut out: Vec<Chapter> = Vec::new();
    let mut stems: HashSet<String> = ["title", "nav"].map(String::from).into();
    for block in &doc.blocks {
        match block {
            Block::Mark(Mark::Part(part)) => {
                let base = stem_of(part);
                let mut stem = base.clone();
                let mut n = 2;
                while !stems.insert(stem.clone()) {
                    stem = format!("{base}-{n}");
                    n += 1;
                }
                let kind = match part {
                    Part::Foreword => Kind::Foreword,
                    Part::Glossary => Kind::Glossary,
                    _ => Kind::Chapter,
                };
                out.push(Chapter {
                    stem,
                    part: Some(part.clone()),
                    kind,
                    blocks: Vec::new(),
                    shift: 0,
                });
            }
            other => {
                if out.is_empty() {
                    stems.insert("part".to_string());
                    out.push(Chapter {
                        stem: "part".to_string(),
                        part: None,
                        kind: Kind::Chapter,
                        blocks: Vec::new(),
                        shift: 0,
                    });
                }
                if let Some(last) = out.last_mut() {
                    last.blocks.push(other.clone());
                }
            }
        }
    }
    for ch in &mut out {
        let first = ch.blocks.iter().find_map(|b| match b {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        });
        ch.shift = first.unwrap_or(1).saturating_sub(1);
    }
    out
}

/// The file name a part is given, before any is made unique: readable, and a valid XML name.
fn stem_of(part: &Part) -> String {
    let named = |prefix: &str, id: &str| match slug(id) {
        s if s.is_empty() => prefix.to_string(),
        s => format!("{prefix}-{s}"),
    };
    match part {
        Part::Foreword => "foreword".to_string(),
        Part::Page(id) => named("page", id),
        Part::Aim(id) => named("aim", id),
        Part::Performance => "performance".to_string(),
        Part::Statement(id) => named("statement", id),
        Part::Glossary => "glossary".to_string(),
        Part::Contact => "contact".to_string(),
    }
}

/// Where links go: the website's paths that the book holds, each document's ids, and the
/// website's address for the rest.
#[derive(Debug, Default)]
pub struct Targets {
    /// Site path (`victims/victims-voice/`) → the document and the fragment it starts at.
    paths: HashMap<String, (String, Option<String>)>,
    /// Every id in each document.
    ids: HashMap<String, HashSet<String>>,
    /// The website's published address, for links to pages the book does not hold.
    base_url: Option<String>,
    /// Each image's path in the book, by its path in the content folder.
    pub images: HashMap<String, String>,
}

impl Targets {
    /// The targets of `chapters`.
    pub fn new(chapters: &[Chapter], base_url: Option<&str>) -> Targets {
        let mut t = Targets {
            base_url: base_url.map(|b| b.trim_end_matches('/').to_string()),
            ..Targets::default()
        };
        t.paths
            .insert(Route::Home.path(), (TITLE_FILE.to_string(), None));
        for ch in chapters {
            let file = ch.file();
            let route = match &ch.part {
                Some(Part::Page(id)) => Some(Route::Page(id.clone())),
                Some(Part::Aim(id)) => Some(Route::Aim(id.clone())),
                Some(Part::Performance) => Some(Route::Performance),
                Some(Part::Statement(id)) => Some(Route::Statement(id.clone())),
                Some(Part::Glossary) => Some(Route::Glossary),
                Some(Part::Foreword) | Some(Part::Contact) | None => None,
            };
            if let Some(route) = route {
                t.paths.entry(route.path()).or_insert((file.clone(), None));
            }
            let aim = match &ch.part {
                Some(Part::Aim(id)) => Some(id.as_str()),
                _ => None,
            };
            let mut ids = HashSet::new();
            let mut priority: Option<&str> = None;
            collect_ids(&ch.blocks, &mut ids, &mut |mark_priority, heading| {
                if let Some(p) = mark_priority {
                    priority = Some(p);
                }
                let Some(id) = heading else {
                    return;
                };
                if let (Some(p), Some(aim)) = (priority.take(), aim) {
                    let route = Route::Priority {
                        aim: aim.to_string(),
                        id: p.to_string(),
                    };
                    t.paths
                        .entry(route.path())
                        .or_insert((file.clone(), Some(id.to_string())));
                }
            });
            t.ids.insert(file, ids);
        }
        t
    }

    /// Where a link to `url` (as written in the content) goes from the book: full addresses
    /// stay; site paths go to the document holding the same item (and the same fragment,
    /// when that document has it), else to the website when its address is known; `None`
    /// (the words without a link) otherwise.
    pub fn href(&self, url: &str) -> Option<String> {
        let lower = url.to_ascii_lowercase();
        if ["https://", "http://", "mailto:", "tel:"]
            .iter()
            .any(|p| lower.starts_with(p))
        {
            return Some(url_safe(url));
        }
        let site = url.strip_prefix('/').filter(|_| !url.starts_with("//"))?;
        let (path, fragment) = match site.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (site, None),
        };
        let path = path.split('?').next().unwrap_or_default();
        let mut path = path.strip_suffix("index.html").unwrap_or(path).to_string();
        if !path.is_empty() && !path.ends_with('/') {
            path.push('/');
        }
        if let Some((file, start)) = self.paths.get(&path) {
            let held = |f: &&str| self.ids.get(file).is_some_and(|ids| ids.contains(*f));
            let fragment = fragment
                .filter(held)
                .map(str::to_string)
                .or_else(|| start.clone());
            return Some(match fragment {
                Some(f) => format!("{file}#{f}"),
                None => file.clone(),
            });
        }
        let base = self.base_url.as_ref()?;
        Some(url_safe(&format!("{base}/{site}")))
    }
}

/// Walks `blocks` for their ids (headings and commitments), calling `seen` with each
/// priority mark and each heading's id, in order.
fn collect_ids<'a>(
    blocks: &'a [Block],
    ids: &mut HashSet<String>,
    seen: &mut impl FnMut(Option<&'a str>, Option<&'a str>),
) {
    for b in blocks {
        match b {
            Block::Heading { id, .. } => {
                ids.insert(id.clone());
                seen(None, Some(id));
            }
            Block::Mark(Mark::Priority(p)) => seen(Some(p), None),
            Block::Mark(Mark::Commitment(id)) => {
                ids.insert(id.clone());
            }
            Block::List { items, .. } => {
                for item in items {
                    collect_ids(item, ids, seen);
                }
            }
            Block::Quote(inner) | Block::Lang { blocks: inner, .. } => {
                collect_ids(inner, ids, seen)
            }
            Block::Mark(Mark::Part(_))
            | Block::Para(_)
            | Block::Lead(_)
            | Block::Table { .. }
            | Block::Image { .. } => {}
        }
    }
}

/// ` xml:lang="…" lang="…"` for words in `lang` (both, as EPUB 3 asks of XHTML content
/// documents), or nothing.
pub fn lang_attributes(lang: Option<&str>) -> String {
    lang.map_or(String::new(), |l| {
        format!(" xml:lang=\"{0}\" lang=\"{0}\"", xml(l))
    })
}

/// An address with the characters a URL may not hold as they are percent-encoded.
fn url_safe(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' | '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' => {
                out.push_str(&format!("%{:02X}", c as u32))
            }
            c if c.is_control() => {
                let mut buf = [0; 4];
                for byte in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for XML element content and attribute values, dropping the characters XML
/// 1.0 cannot hold (most control characters, unpaired surrogates cannot occur in a `str`).
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `text`, or `fallback` when it has no words (once what XML cannot hold is dropped).
pub fn or_else<'a>(text: &'a str, fallback: &'a str) -> &'a str {
    if blank(text) {
        fallback
    } else {
        text
    }
}

/// True when `text` has no words once what XML cannot hold is dropped.
pub fn blank(text: &str) -> bool {
    xml(text).trim().is_empty()
}

/// The start of every XHTML document, up to and including `<body>`.
pub fn head(title: &str, lang: &str) -> String {
    let lang = xml(lang);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"{lang}\" lang=\"{lang}\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>{}</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"{CSS}\"/>\n</head>\n<body>\n",
        xml(title)
    )
}

/// The end of every XHTML document.
pub const FOOT: &str = "</body>\n</html>\n";

/// The XHTML of one content document.
pub fn document(ch: &Chapter, plan_title: &str, targets: &Targets, lang: &str) -> String {
    let section = say(lang, "edition-untitled-section", &[]);
    let title = or_else(ch.title().unwrap_or_default(), &section);
    let plan = say(lang, "edition-untitled-plan", &[]);
    let mut s = head(&format!("{title} – {}", or_else(plan_title, &plan)), lang);
    let (epub_type, role) = ch.kind.semantics();
    s.push_str(&format!(
        "<section epub:type=\"{epub_type}\" role=\"{role}\""
    ));
    if let Some(id) = ch.heading_id() {
        s.push_str(&format!(" aria-labelledby=\"{}\"", xml(id)));
    }
    s.push_str(">\n");
    let w = Writer {
        targets,
        shift: ch.shift,
        section: say(lang, "edition-untitled-section", &[]),
    };
    for b in &ch.blocks {
        w.block(&mut s, b);
    }
    s.push_str("</section>\n");
    s.push_str(FOOT);
    s
}

/// Writes blocks as XHTML.
struct Writer<'a> {
    targets: &'a Targets,
    shift: u8,
    /// What a heading with no words is called.
    section: String,
}

impl Writer<'_> {
    fn block(&self, s: &mut String, b: &Block) {
        match b {
            Block::Heading {
                level,
                id,
                text,
                lang,
                ..
            } => {
                let n = level.saturating_sub(self.shift).clamp(1, 6);
                s.push_str(&format!(
                    "<h{n} id=\"{}\"{}>{}</h{n}>\n",
                    xml(id),
                    lang_attributes(lang.as_deref()),
                    xml(or_else(text, &self.section))
                ));
            }
            Block::Lang { lang, blocks } => {
                s.push_str(&format!("<div{}>\n", lang_attributes(Some(lang))));
                for b in blocks {
                    self.block(s, b);
                }
                s.push_str("</div>\n");
            }
            Block::Image { src, alt, words } => match self.targets.images.get(src) {
                Some(href) => s.push_str(&format!(
                    "<figure class=\"image\"><img src=\"{}\" alt=\"{}\"/></figure>\n",
                    xml(href),
                    xml(alt)
                )),
                None => s.push_str(&format!("<p>{}</p>\n", xml(words))),
            },
            Block::Para(inlines) => {
                s.push_str("<p>");
                self.inlines(s, inlines);
                s.push_str("</p>\n");
            }
            Block::Lead(inlines) => {
                s.push_str("<p class=\"lead\"><strong>");
                self.inlines(s, inlines);
                s.push_str("</strong></p>\n");
            }
            Block::List { start, items } => {
                if items.is_empty() {
                    return;
                }
                let (open, tag) = html_list_start(*start);
                s.push_str(&open);
                for item in items {
                    let (id, rest) = match item.as_slice() {
                        [Block::Mark(Mark::Commitment(id)), rest @ ..] => (Some(id), rest),
                        rest => (None, rest),
                    };
                    match id {
                        Some(id) => s.push_str(&format!("<li id=\"{}\">", xml(id))),
                        None => s.push_str("<li>"),
                    }
                    match rest {
                        [Block::Para(inlines)] => self.inlines(s, inlines),
                        blocks => {
                            s.push('\n');
                            for b in blocks {
                                self.block(s, b);
                            }
                        }
                    }
                    s.push_str("</li>\n");
                }
                s.push_str(&format!("</{tag}>\n"));
            }
            Block::Table {
                caption,
                head,
                rows,
                row_headers,
            } => self.table(s, caption, head, rows, *row_headers),
            Block::Quote(blocks) => {
                s.push_str("<blockquote>\n");
                for b in blocks {
                    self.block(s, b);
                }
                s.push_str("</blockquote>\n");
            }
            Block::Mark(_) => {}
        }
    }

    /// A table with its caption, column headers and (when it has them) row headers. Rows
    /// shorter than the header are filled with empty cells, so every column lines up.
    fn table(
        &self,
        s: &mut String,
        caption: &str,
        head: &[Vec<Inline>],
        rows: &[Vec<Vec<Inline>>],
        row_headers: bool,
    ) {
        let columns = head.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
        s.push_str("<table>\n<caption>");
        s.push_str(&xml(caption));
        s.push_str("</caption>\n");
        if !head.is_empty() {
            s.push_str("<thead>\n<tr>");
            for i in 0..columns {
                s.push_str("<th scope=\"col\">");
                match head.get(i) {
                    Some(cell) if !plain(cell).trim().is_empty() => self.inlines(s, cell),
                    // A header cell with no words says what the first column holds.
                    _ if i == 0 => s.push_str("Item"),
                    _ => s.push_str(&format!("Column {}", i + 1)),
                }
                s.push_str("</th>");
            }
            s.push_str("</tr>\n</thead>\n");
        }
        s.push_str("<tbody>\n");
        for row in rows {
            s.push_str("<tr>");
            for i in 0..columns {
                let (open, close) = if i == 0 && row_headers {
                    ("<th scope=\"row\">", "</th>")
                } else {
                    ("<td>", "</td>")
                };
                s.push_str(open);
                if let Some(cell) = row.get(i) {
                    self.inlines(s, cell);
                }
                s.push_str(close);
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</tbody>\n</table>\n");
    }

    fn inlines(&self, s: &mut String, inlines: &[Inline]) {
        for i in inlines {
            match i {
                Inline::Text(t) => s.push_str(&xml(t)),
                Inline::Strong(inner) => {
                    s.push_str("<strong>");
                    self.inlines(s, inner);
                    s.push_str("</strong>");
                }
                Inline::Break => s.push_str("<br/>"),
                Inline::Lang { lang, content } => {
                    s.push_str(&format!("<span{}>", lang_attributes(Some(lang))));
                    self.inlines(s, content);
                    s.push_str("</span>");
                }
                Inline::Link { url, content } => {
                    let href = self
                        .targets
                        .href(url)
                        .filter(|_| !plain(content).trim().is_empty());
                    match href {
                        Some(h) => {
                            s.push_str(&format!("<a href=\"{}\">", xml(&h)));
                            self.inlines(s, content);
                            s.push_str("</a>");
                        }
                        None => self.inlines(s, content),
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_what_xml_cannot_hold_is_dropped() {
        assert_eq!(
            xml("Fish & \"chips\" <b>'n'</b>\u{1}\u{b}é"),
            "Fish &amp; &quot;chips&quot; &lt;b&gt;&#39;n&#39;&lt;/b&gt;é"
        );
    }

    #[test]
    fn addresses_lose_the_characters_a_url_may_not_hold() {
        assert_eq!(
            url_safe("https://example.org/a b\"<c>"),
            "https://example.org/a%20b%22%3Cc%3E"
        );
    }
}
