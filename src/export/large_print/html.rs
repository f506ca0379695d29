//! The large-print edition as one HTML page: the same blocks as the PDF, written as HTML for
//! the theme's `large-print.html` template, which sets the type at the chosen size.
//!
//! Every piece of content text is HTML-escaped here; the template inserts the result with
//! `| safe`. Headings move down one level because the page's only `h1` is the plan's title.

use serde::Serialize;

use crate::plan::Route;
use crate::render::document::{html_list_start, Block, Inline, LargePrintDoc};
use crate::render::escape;

/// An entry in the page's contents list.
#[derive(Debug, Clone, Serialize)]
pub struct ContentsEntry {
    /// The heading's anchor.
    pub id: String,
    /// The heading's words.
    pub text: String,
    /// The language of its words when not the page's (a heading not translated yet).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Entries under it.
    pub children: Vec<ContentsEntry>,
}

/// How links to the website are written.
#[derive(Debug, Clone)]
pub struct Links {
    /// The page's place on the website, when it is part of one.
    pub route: Option<Route>,
    /// The website's published address, if known.
    pub base_url: Option<String>,
    /// The images the page can show (those the website publishes beside it).
    pub images: super::PrintImages,
    /// The way from the page's language's root to the site root, where the images are: `""`,
    /// or `../` for a page under a language's folder (`/cy/`).
    pub up: String,
}

/// The contents list: parts, and the sections listed under them.
pub fn contents(doc: &LargePrintDoc) -> Vec<ContentsEntry> {
    let mut out: Vec<ContentsEntry> = Vec::new();
    for b in &doc.blocks {
        if let Block::Heading {
            level,
            id,
            text,
            in_contents: true,
            lang,
        } = b
        {
            let entry = ContentsEntry {
                id: id.clone(),
                text: text.clone(),
                lang: lang.clone(),
                children: Vec::new(),
            };
            match (level, out.last_mut()) {
                (2, Some(parent)) => parent.children.push(entry),
                _ => out.push(entry),
            }
        }
    }
    out
}

/// The body of the page as HTML.
pub fn body(doc: &LargePrintDoc, links: &Links) -> String {
    let mut s = String::new();
    for b in &doc.blocks {
        block(&mut s, b, links);
    }
    s
}

fn block(s: &mut String, b: &Block, links: &Links) {
    match b {
        Block::Heading {
            level,
            id,
            text,
            lang,
            ..
        } => {
            let n = (level + 1).min(6);
            s.push_str(&format!(
                "<h{n} id=\"{}\"{}>{}</h{n}>\n",
                escape(id),
                lang_attribute(lang.as_deref()),
                escape(text)
            ));
        }
        Block::Lang { lang, blocks } => {
            s.push_str(&format!("<div{}>\n", lang_attribute(Some(lang))));
            for b in blocks {
                block(s, b, links);
            }
            s.push_str("</div>\n");
        }
        Block::Para(inlines) => {
            s.push_str("<p>");
            inline_list(s, inlines, links);
            s.push_str("</p>\n");
        }
        Block::Image { src, alt, words } => match (&links.route, links.images.get(src)) {
            (Some(route), Some(image)) => s.push_str(&format!(
                "<figure class=\"image\"><img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\"><figcaption>{}</figcaption></figure>\n",
                escape(&format!("{}{}", links.up, route.href_to(&image.path))),
                escape(alt),
                image.width,
                image.height,
                escape(alt)
            )),
            _ => s.push_str(&format!(
                "<p>{}</p>\n",
                escape(words)
            )),
        },
        Block::Lead(inlines) => {
            s.push_str("<p><strong>");
            inline_list(s, inlines, links);
            s.push_str("</strong></p>\n");
        }
        Block::List { start, items } => {
            let (open, tag) = html_list_start(*start);
            s.push_str(&open);
            for item in items {
                s.push_str("<li>");
                match item.as_slice() {
                    [Block::Para(inlines)] => inline_list(s, inlines, links),
                    blocks => {
                        s.push('\n');
                        for b in blocks {
                            block(s, b, links);
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
        } => {
            s.push_str("<table>\n<caption>");
            s.push_str(&escape(caption));
            s.push_str("</caption>\n");
            if !head.is_empty() {
                s.push_str("<thead><tr>");
                for cell in head {
                    s.push_str("<th scope=\"col\">");
                    inline_list(s, cell, links);
                    s.push_str("</th>");
                }
                s.push_str("</tr></thead>\n");
            }
            s.push_str("<tbody>\n");
            for row in rows {
                s.push_str("<tr>");
                for (i, cell) in row.iter().enumerate() {
                    let (open, close) = if i == 0 && *row_headers {
                        ("<th scope=\"row\">", "</th>")
                    } else {
                        ("<td>", "</td>")
                    };
                    s.push_str(open);
                    inline_list(s, cell, links);
                    s.push_str(close);
                }
                s.push_str("</tr>\n");
            }
            s.push_str("</tbody>\n</table>\n");
        }
        Block::Quote(blocks) => {
            s.push_str("<blockquote>\n");
            for b in blocks {
                block(s, b, links);
            }
            s.push_str("</blockquote>\n");
        } // The edition's document is built without marks.
        Block::Mark(_) => {}
    }
}

/// ` lang="…"` for words in `lang`, or nothing.
fn lang_attribute(lang: Option<&str>) -> String {
    lang.map_or(String::new(), |l| format!(" lang=\"{}\"", escape(l)))
}

fn inline_list(s: &mut String, inlines: &[Inline], links: &Links) {
    for i in inlines {
        match i {
            Inline::Text(t) => s.push_str(&escape(t)),
            Inline::Strong(inner) => {
                s.push_str("<strong>");
                inline_list(s, inner, links);
                s.push_str("</strong>");
            }
            Inline::Break => s.push_str("<br>"),
            Inline::Lang { lang, content } => {
                s.push_str(&format!("<span{}>", lang_attribute(Some(lang))));
                inline_list(s, content, links);
                s.push_str("</span>");
            }
            Inline::Link { url, content } => match href(url, links) {
                Some(h) => {
                    s.push_str(&format!("<a href=\"{}\">", escape(&h)));
                    inline_list(s, content, links);
                    s.push_str("</a>");
                }
                None => inline_list(s, content, links),
            },
        }
    }
}

/// Where a link goes from this page: full addresses stay (for the schemes the website
/// allows), site paths are made relative to the page on the website, or absolute from the
/// published address, or dropped to plain text when neither is known.
fn href(url: &str, links: &Links) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    if ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Some(url.to_string());
    }
    let site = url.strip_prefix('/').filter(|_| !url.starts_with("//"))?;
    match (&links.route, &links.base_url) {
        (Some(route), _) => Some(route.href_to(site)),
        (None, Some(base)) => Some(format!("{}/{}", base.trim_end_matches('/'), site)),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_is_escaped_and_headings_move_down_a_level() {
        let doc = LargePrintDoc {
            title: "T".into(),
            subtitle: None,
            period: "2021".into(),
            draft: false,
            organisation: "O".into(),
            commissioner: "C".into(),
            published: "2021-01-01".into(),
            published_words: "1 January 2021".into(),
            language: "en-GB".into(),
            blocks: vec![
                Block::Heading {
                    level: 1,
                    id: "a".into(),
                    text: "A <b>".into(),
                    in_contents: true,
                    lang: None,
                },
                Block::Para(vec![Inline::Link {
                    url: "/glossary/#cjs".into(),
                    content: vec![Inline::Text("x & y".into())],
                }]),
            ],
        };
        let links = Links {
            route: Some(Route::Page("large-print".into())),
            base_url: None,
            images: Default::default(),
            up: String::new(),
        };
        let html = body(&doc, &links);
        assert!(html.contains("<h2 id=\"a\">A &lt;b&gt;</h2>"), "{html}");
        assert!(
            html.contains("<a href=\"../glossary/index.html#cjs\">x &amp; y</a>"),
            "{html}"
        );
        let plain = body(
            &doc,
            &Links {
                route: None,
                base_url: None,
                images: Default::default(),
                up: String::new(),
            },
        );
        assert!(plain.contains("<p>x &amp; y</p>"), "{plain}");
    }
}
