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
use crate::render::document::{self, without_lang, Block, Inline, LargePrintDoc};
use crate::theme::Theme;
use crate::words::human_size;

/// Where the edition is published, in the output folder.
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
        Ok(Box::new(Edition(text(plan))))
    }

    fn export(&self, plan: &Plan, _theme: &Theme, _args: &clap::ArgMatches) -> Result<Exported> {
        let text = text(plan);
        Ok(Exported {
            description: format!("plain text, {}", human_size(text.len())),
            files: vec![(PATH.to_string(), text.into_bytes())],
            warnings: Vec::new(),
        })
    }
}

/// The edition's text, made when the build prepares it (it is quick).
struct Edition(String);

impl Prepared for Edition {
    fn downloads(&self) -> Vec<Download> {
        vec![Download {
            output: "plain-text",
            path: PATH.to_string(),
            title: "Plain text version".to_string(),
            label: format!("TXT, {}", human_size(self.0.len())),
            bytes: self.0.len(),
            shelves: vec![Shelf::OtherFormats],
            lang: None,
            purpose: Some(
                "For reading with a screen reader, a braille display or any text editor: the whole plan as one text file, with no layout to get in the way. Headings stand on lines of their own and tables are read row by row.".to_string(),
            ),
        }]
    }

    fn write(&self, _ctx: &RenderContext, sink: &dyn Sink) -> Result<Vec<Download>> {
        sink.write(PATH, self.0.as_bytes())?;
        Ok(Vec::new())
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The whole plan as plain text, with the performance statements.
pub fn text(plan: &Plan) -> String {
    let doc = document::build(plan, true);
    let mut out = String::new();
    title_page(&doc, plan, &mut out);
    blocks(&without_lang(&doc.blocks), plan, "", &mut out);
    out.push('\n');
    out
}

fn title_page(doc: &LargePrintDoc, plan: &Plan, out: &mut String) {
    let _ = writeln!(out, "{}", doc.title);
    if let Some(subtitle) = &doc.subtitle {
        let _ = writeln!(out, "{subtitle}");
    }
    let _ = writeln!(out, "{}", doc.period);
    if doc.draft {
        let _ = writeln!(out, "\nDraft for consultation: this plan is not final.");
    }
    let _ = writeln!(
        out,
        "\nPublished by the {} on {}.",
        doc.organisation, doc.published_words
    );
    if let Some(url) = &plan.meta.base_url {
        let _ = writeln!(out, "Website: {url}");
    }
    out.push_str("\nContents\n");
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
fn blocks(list: &[Block], plan: &Plan, indent: &str, out: &mut String) {
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
                    list_item(item, plan, indent, &marker, out);
                }
            }
            Block::Table {
                caption,
                head,
                rows,
                ..
            } => {
                let _ = writeln!(out, "\n{indent}Table: {caption}");
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
            Block::Lang { blocks: inner, .. } => blocks(&without_lang(inner), plan, indent, out),
            Block::Quote(inner) => {
                let _ = writeln!(out, "\n{indent}Quotation:");
                blocks(inner, plan, &format!("{indent}    "), out);
                let _ = writeln!(out, "{indent}End of quotation.");
            }
        }
    }
}

/// One list item: its first paragraph after the marker, the rest indented under it.
fn list_item(item: &[Block], plan: &Plan, indent: &str, marker: &str, out: &mut String) {
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
        blocks(rest, plan, &inner, &mut nested);
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
            Inline::Strong(inner) => out.push_str(&words(inner, plan)),
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
