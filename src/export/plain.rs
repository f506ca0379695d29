//! A plain-text edition of the plan, for readers who prefer text to web pages: many screen
//! reader users read long documents in a plain editor, and braille display users load plain
//! text directly.
//!
//! It is written from the same linear document as the large print
//! ([`crate::render::document`]), so it carries the same words in the same order. Nothing is
//! drawn with characters a screen reader would read aloud (no rules of `=` or `-` under
//! headings, no box-drawn tables): headings stand on lines of their own after a blank line,
//! list items start with "•" (read as "bullet") or their number, and tables are read row by
//! row as "heading: value" pairs. Lines are not wrapped, so the text reflows to any width.

use std::any::Any;
use std::fmt::Write as _;

use anyhow::Result;

use super::{Download, Environment, Exported, Output, Prepared, RenderContext, Shelf, Sink};
use crate::plan::Plan;
use crate::render::document::{self, say, without_lang, Block, Inline, LargePrintDoc};
use crate::theme::Theme;
use crate::words::human_size;

/// Where the edition is published, in the output folder. A plan in more than one language
/// has one in each: its first language's here, each other's under its folder
/// (`cy/plain.txt`).
pub const PATH: &str = "plain.txt";

/// The plain-text edition as one of the site's outputs, listed on the "Other formats" page.
pub struct PlainText;

impl Output for PlainText {
    fn name(&self) -> &'static str {
        "plain-text"
    }

    fn about(&self) -> &'static str {
        "the plain-text edition: the whole plan as one text file, for screen readers and braille displays"
    }

    fn prepare(&self, plan: &Plan, _env: &Environment) -> Result<Box<dyn Prepared>> {
        if let Some(left_out) =
            super::left_out_if_too_long(plan, "the plain-text edition", "plain-text")
        {
            return Ok(left_out);
        }
        let mut texts = vec![Text {
            path: PATH.to_string(),
            text: text(plan),
            lang: plan.languages().first().cloned(),
        }];
        for lang in plan.languages().iter().skip(1) {
            let local = in_language(plan, lang, document::words());
            texts.push(Text {
                path: format!("{lang}/{PATH}"),
                text: text(&local),
                lang: Some(lang.clone()),
            });
        }
        Ok(Box::new(Edition(texts)))
    }

    fn export_args(&self) -> Vec<clap::Arg> {
        vec![super::lang_arg()]
    }

    fn export(&self, plan: &Plan, theme: &Theme, args: &clap::ArgMatches) -> Result<Exported> {
        let languages =
            super::export_languages(plan, args.get_one::<String>("lang").map(String::as_str))?;
        let mut files = Vec::new();
        for lang in &languages {
            let text = if plan.languages().first().is_some_and(|f| f != lang) {
                text(&in_language(plan, lang, &theme.words))
            } else {
                text(plan)
            };
            files.push((super::export_name_in(plan, lang, PATH), text.into_bytes()));
        }
        let sizes: Vec<String> = files.iter().map(|(_, t)| human_size(t.len())).collect();
        Ok(Exported {
            description: format!("plain text, {}", sizes.join(", ")),
            files,
            warnings: Vec::new(),
        })
    }
}

/// The plan as a reader of `lang` (not its first language) sees it, its links to the website
/// going to the pages in that language.
fn in_language(plan: &Plan, lang: &str, words: &crate::words::tables::Words) -> Plan {
    let mut local = document::plan_in(plan, lang, words);
    local.meta.base_url = super::base_url_in(local.meta.base_url.as_deref(), lang);
    local
}

/// One language's text.
struct Text {
    path: String,
    text: String,
    /// Its language, for a plan in more than one.
    lang: Option<String>,
}

/// The edition's text in each language, made when the build prepares it (it is quick).
struct Edition(Vec<Text>);

impl Prepared for Edition {
    fn downloads(&self) -> Vec<Download> {
        self.0
            .iter()
            .map(|t| {
                let words = t
                    .lang
                    .as_deref()
                    .unwrap_or(crate::words::tables::DEFAULT_LANGUAGE);
                Download {
                    output: "plain-text",
                    path: t.path.clone(),
                    title: document::say(words, "edition-plain-title", &[]),
                    label: format!("TXT, {}", human_size(t.text.len())),
                    bytes: t.text.len(),
                    shelves: vec![Shelf::OtherFormats],
                    lang: t.lang.clone(),
                    content_lang: None,
                    purpose: Some(document::say(words, "edition-plain-purpose", &[])),
                }
            })
            .collect()
    }

    fn write(&self, _ctx: &RenderContext, sink: &dyn Sink) -> Result<Vec<Download>> {
        for t in &self.0 {
            sink.write(&t.path, t.text.as_bytes())?;
        }
        Ok(Vec::new())
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The whole plan as plain text, with the performance statements, in the language it is read
/// in.
pub fn text(plan: &Plan) -> String {
    let doc = document::build(plan, true);
    let mut out = String::new();
    title_page(&doc, plan, &mut out);
    let l = doc.language.as_str();
    blocks(&without_lang(&doc.blocks), plan, l, "", &mut out);
    out.push('\n');
    out
}

fn title_page(doc: &LargePrintDoc, plan: &Plan, out: &mut String) {
    let _ = writeln!(out, "{}", doc.title);
    if let Some(subtitle) = &doc.subtitle {
        let _ = writeln!(out, "{subtitle}");
    }
    let _ = writeln!(out, "{}", doc.period);
    let l = doc.language.as_str();
    if doc.draft {
        let _ = writeln!(out, "\n{}", say(l, "edition-plain-draft", &[]));
    }
    let published = say(
        l,
        "doc-published-by-on",
        &[
            ("organisation", &doc.organisation),
            ("date", &doc.published_words),
        ],
    );
    let _ = writeln!(out, "\n{published}");
    if let Some(url) = &plan.meta.base_url {
        let _ = writeln!(out, "{}", say(l, "edition-plain-website", &[("url", url)]));
    }
    let _ = writeln!(out, "\n{}", say(l, "edition-contents", &[]));
    for b in &doc.blocks {
        if let Block::Heading {
            level: 1,
            text,
            in_contents: true,
            ..
        } = b
        {
            let _ = writeln!(out, "• {text}");
        }
    }
}

/// Writes `list`, each line after `indent`.
fn blocks(list: &[Block], plan: &Plan, l: &str, indent: &str, out: &mut String) {
    for block in list {
        match block {
            // Where an item starts, for editions that link to it; plain text has no links.
            Block::Mark(_) => {}
            Block::Heading { level, text, .. } => {
                out.push_str(if *level == 1 { "\n\n\n" } else { "\n\n" });
                let _ = writeln!(out, "{indent}{text}");
            }
            Block::Para(inlines) | Block::Lead(inlines) => {
                let _ = writeln!(out, "\n{indent}{}", words(inlines, plan));
            }
            Block::Image { words: said, .. } => {
                let _ = writeln!(out, "\n{indent}{said}");
            }
            Block::List { start, items } => {
                out.push('\n');
                for (n, item) in items.iter().enumerate() {
                    let marker = match start {
                        Some(first) => format!("{}. ", first + n as u64),
                        None => "• ".to_string(),
                    };
                    list_item(item, plan, l, indent, &marker, out);
                }
            }
            Block::Table {
                caption,
                head,
                rows,
                ..
            } => {
                let _ = writeln!(
                    out,
                    "\n{indent}{}",
                    say(l, "edition-plain-table", &[("caption", caption)])
                );
                for row in rows {
                    let cells: Vec<String> = row
                        .iter()
                        .enumerate()
                        .map(|(i, cell)| match head.get(i) {
                            Some(h) if !h.is_empty() => {
                                format!("{}: {}", words(h, plan), words(cell, plan))
                            }
                            _ => words(cell, plan),
                        })
                        .collect();
                    let _ = writeln!(out, "{indent}• {}.", cells.join("; "));
                }
            }
            Block::Lang { blocks: inner, .. } => blocks(&without_lang(inner), plan, l, indent, out),
            Block::Quote(inner) => {
                let _ = writeln!(out, "\n{indent}{}", say(l, "edition-plain-quotation", &[]));
                blocks(inner, plan, l, &format!("{indent}    "), out);
                let _ = writeln!(
                    out,
                    "{indent}{}",
                    say(l, "edition-plain-end-of-quotation", &[])
                );
            }
        }
    }
}

/// One list item: its first paragraph after the marker, the rest indented under it.
fn list_item(item: &[Block], plan: &Plan, l: &str, indent: &str, marker: &str, out: &mut String) {
    let inner = format!("{indent}    ");
    let mut rest = item;
    match item.first() {
        Some(Block::Para(inlines)) | Some(Block::Lead(inlines)) => {
            let _ = writeln!(out, "{indent}{marker}{}", words(inlines, plan));
            rest = &item[1..];
        }
        _ => {
            let _ = writeln!(out, "{indent}{}", marker.trim_end());
        }
    }
    if !rest.is_empty() {
        let mut nested = String::new();
        blocks(rest, plan, l, &inner, &mut nested);
        // Paragraphs inside an item follow it without a blank line between.
        out.push_str(nested.trim_start_matches('\n'));
    }
}

/// The words of `inlines`: links give their address after the words when it is one a reader
/// could type (a full address, or a site path when the plan names its web address).
fn words(inlines: &[Inline], plan: &Plan) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) => out.push_str(t),
            Inline::Strong(inner) | Inline::Lang { content: inner, .. } => {
                out.push_str(&words(inner, plan))
            }
            Inline::Link { url, content } => {
                let shown = words(content, plan);
                let address = match url.strip_prefix('/') {
                    Some(path) => plan
                        .meta
                        .base_url
                        .as_ref()
                        .map(|base| format!("{}/{path}", base.trim_end_matches('/'))),
                    None if url.starts_with("http") => Some(url.clone()),
                    None => None,
                };
                out.push_str(&shown);
                if let Some(a) = address.filter(|a| *a != shown) {
                    let _ = write!(out, " ({a})");
                }
            }
            Inline::Break => out.push(' '),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_carries_every_commitment_and_no_drawn_rules() {
        let plan = crate::plan::fixture("tests/fixtures/minimal/content");
        let text = text(&plan);
        assert!(
            text.starts_with(&format!("{}\n", plan.meta.title)),
            "{text}"
        );
        for (_, _, c) in plan.commitments() {
            assert!(text.contains(c.text.trim()), "{}", c.id);
        }
        for line in text.lines() {
            assert!(
                !line.starts_with("===") && !line.starts_with("---") && !line.contains('|'),
                "a line a screen reader would read as symbols: {line:?}"
            );
        }
        assert_eq!(text, super::text(&plan), "the same plan, the same text");
    }
}
