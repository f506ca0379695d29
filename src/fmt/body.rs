//! Canonical Markdown bodies: one sentence per line, `-` list markers, tidy blank lines.
//!
//! The formatter edits the author's source rather than printing Markdown afresh from a parse
//! tree, so everything it does not mean to change (tables, code, HTML, headings, links,
//! escapes) stays byte for byte as written. It parses the body with the same options as the
//! renderer, and only:
//!
//! - rewraps the text of paragraphs and list items (outside block quotes): the gaps between
//!   sentences become line breaks, every other soft line break becomes a space, and
//!   continuation lines are indented to the item's text; never inside links, code spans or
//!   inline HTML, which are copied as they are;
//! - writes a hard line break as a trailing backslash (trailing spaces are invisible);
//! - writes `*` and `+` bullets as `-` (unless that would join two neighbouring lists);
//! - removes trailing whitespace, runs of blank lines and blank lines at either end, and puts
//!   one blank line between top-level blocks — except inside code blocks, HTML blocks and
//!   block quotes, which are copied untouched.
//!
//! [`same_meaning`] is the safety net: the caller formats, then checks that the two bodies
//! parse to the same Markdown events (treating a soft line break and a space as the same, as
//! HTML does), and keeps the original when they do not.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::sentence;
use crate::parse::markdown::options;

/// Formats a Markdown body. The result is not checked; see [`same_meaning`].
pub fn format(markdown: &str) -> String {
    let edits = edits(markdown);
    let edited = apply(markdown, &edits);
    tidy_lines(&edited)
}

/// One replacement in the source.
#[derive(Debug)]
struct Edit {
    range: Range<usize>,
    with: String,
}

fn apply(src: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(src.len() + 64);
    let mut at = 0;
    for e in edits {
        if e.range.start < at {
            // Overlapping edits cannot both be right; keep the source as it is there.
            continue;
        }
        out.push_str(&src[at..e.range.start]);
        out.push_str(&e.with);
        at = e.range.end;
    }
    out.push_str(&src[at..]);
    out
}

/// A block on the stack while walking the events.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Block {
    Paragraph,
    Item,
    BulletList,
    OrderedList,
    Quote,
    Other,
}

fn block_of(tag: &Tag) -> Option<Block> {
    Some(match tag {
        Tag::Paragraph => Block::Paragraph,
        Tag::Item => Block::Item,
        Tag::List(None) => Block::BulletList,
        Tag::List(Some(_)) => Block::OrderedList,
        Tag::BlockQuote(_) => Block::Quote,
        Tag::Heading { .. }
        | Tag::CodeBlock(_)
        | Tag::HtmlBlock
        | Tag::Table(_)
        | Tag::TableHead
        | Tag::TableRow
        | Tag::TableCell
        | Tag::FootnoteDefinition(_)
        | Tag::DefinitionList
        | Tag::DefinitionListTitle
        | Tag::DefinitionListDefinition
        | Tag::MetadataBlock(_) => Block::Other,
        Tag::Emphasis
        | Tag::Strong
        | Tag::Strikethrough
        | Tag::Superscript
        | Tag::Subscript
        | Tag::Link { .. }
        | Tag::Image { .. } => return None,
    })
}

fn is_block_end(end: &TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// A run of inline events that belong to one paragraph (or one tight list item's text).
struct Run<'a> {
    events: Vec<(Event<'a>, Range<usize>)>,
    indent: usize,
}

fn edits(src: &str) -> Vec<Edit> {
    let events: Vec<(Event, Range<usize>)> =
        Parser::new_ext(src, options()).into_offset_iter().collect();
    let mut out = Vec::new();
    let mut stack: Vec<Block> = Vec::new();
    let mut runs: Vec<Run> = Vec::new();
    let mut current: Option<Run> = None;
    // Bullet lists whose marker we may rewrite, with the index of the list's start event.
    let mut lists: Vec<(usize, Range<usize>)> = Vec::new();
    // For each depth, the kind of the last block that ended there (to spot adjacent lists).
    let mut last_sibling: Vec<Option<(Block, usize)>> = vec![None];
    let mut joined: Vec<usize> = Vec::new();

    for (i, (event, range)) in events.iter().enumerate() {
        let block_event = match event {
            Event::Start(tag) => block_of(tag).is_some(),
            Event::End(end) => is_block_end(end),
            Event::Rule => true,
            Event::Html(_) => true,
            _ => false,
        };
        if block_event {
            if let Some(run) = current.take() {
                runs.push(run);
            }
        }
        match event {
            Event::Start(tag) if block_of(tag).is_some() => {
                let block = block_of(tag).unwrap_or(Block::Other);
                let depth = stack.len();
                if let Some(Some((Block::BulletList, prev))) = last_sibling.get(depth) {
                    if block == Block::BulletList {
                        joined.push(*prev);
                        joined.push(i);
                    }
                }
                if block == Block::BulletList && !stack.contains(&Block::Quote) {
                    lists.push((i, range.clone()));
                }
                stack.push(block);
                if last_sibling.len() <= stack.len() {
                    last_sibling.resize(stack.len() + 1, None);
                }
                last_sibling[stack.len()] = None;
                if block == Block::Item && list_is_bullet(&stack) && !stack.contains(&Block::Quote)
                {
                    if let Some(e) = marker_edit(src, range.start) {
                        out.push((i, e));
                    }
                }
            }
            Event::End(end) if is_block_end(end) => {
                let block = stack.pop().unwrap_or(Block::Other);
                let depth = stack.len();
                let start = if block == Block::BulletList {
                    lists
                        .iter()
                        .rev()
                        .find(|(_, r)| r.start == range.start)
                        .map_or(i, |(s, _)| *s)
                } else {
                    i
                };
                last_sibling[depth] = Some((block, start));
            }
            Event::Rule | Event::Html(_) => {
                let depth = stack.len();
                last_sibling[depth] = Some((Block::Other, i));
            }
            _ if !block_event => {
                let container = stack.last().copied();
                let rewrap = matches!(container, Some(Block::Paragraph | Block::Item))
                    && !stack.contains(&Block::Quote);
                if rewrap {
                    let run = current.get_or_insert_with(|| Run {
                        events: Vec::new(),
                        indent: if stack.contains(&Block::Item) {
                            column(src, range.start)
                        } else {
                            0
                        },
                    });
                    run.events.push((event.clone(), range.clone()));
                }
            }
            _ => {}
        }
    }
    if let Some(run) = current.take() {
        runs.push(run);
    }

    // Marker edits belong to items; drop those in lists that touch another bullet list.
    let mut edits: Vec<Edit> = Vec::new();
    for (item_index, edit) in out {
        let list = lists
            .iter()
            .rev()
            .find(|(start, r)| *start < item_index && r.contains(&edit.range.start));
        if list.is_some_and(|(start, _)| joined.contains(start)) {
            continue;
        }
        edits.push(edit);
    }
    for run in &runs {
        edits.extend(run_edits(src, run));
    }
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    edits
}

/// True when the innermost list on the stack (under the item just pushed) is a bullet list.
fn list_is_bullet(stack: &[Block]) -> bool {
    stack
        .iter()
        .rev()
        .find(|b| matches!(b, Block::BulletList | Block::OrderedList))
        == Some(&Block::BulletList)
}

/// The edit that turns an item's `*` or `+` marker into `-`.
fn marker_edit(src: &str, item_start: usize) -> Option<Edit> {
    let rest = &src[item_start..];
    let offset = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let at = item_start + offset;
    match src.as_bytes().get(at) {
        Some(b'*') | Some(b'+') => Some(Edit {
            range: at..at + 1,
            with: "-".to_string(),
        }),
        _ => None,
    }
}

/// The column (in bytes from the start of its line) at which `offset` sits.
fn column(src: &str, offset: usize) -> usize {
    offset - src[..offset].rfind('\n').map_or(0, |i| i + 1)
}

fn run_edits(src: &str, run: &Run) -> Vec<Edit> {
    let mut edits = Vec::new();
    let Some(first) = run.events.first() else {
        return edits;
    };
    let run_start = first.1.start;
    let newline = format!("\n{}", " ".repeat(run.indent));
    let mut link_depth = 0usize;
    let mut covered_to = run_start;
    let is_blank = |c: char| c == ' ' || c == '\t';
    for (event, range) in &run.events {
        match event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => link_depth += 1,
            Event::End(TagEnd::Link | TagEnd::Image) => link_depth = link_depth.saturating_sub(1),
            Event::SoftBreak | Event::HardBreak => {
                let backslash =
                    matches!(event, Event::HardBreak) && src[range.clone()].starts_with('\\');
                let mut start = range.start;
                if !backslash {
                    start = src[..start]
                        .trim_end_matches(is_blank)
                        .len()
                        .max(covered_to);
                }
                let end = range.end
                    + (src[range.end..].len()
                        - src[range.end..].trim_start_matches(is_blank).len());
                let with = if matches!(event, Event::HardBreak) {
                    format!("\\{newline}")
                } else if link_depth == 0 && sentence::is_break(&src[run_start..start], &src[end..])
                {
                    newline.clone()
                } else {
                    " ".to_string()
                };
                if src[start..end] != *with {
                    edits.push(Edit {
                        range: start..end,
                        with,
                    });
                }
                covered_to = end;
            }
            Event::Text(_) if link_depth == 0 => {
                let text = &src[range.clone()];
                let mut i = 0;
                let bytes = text.as_bytes();
                while i < bytes.len() {
                    if bytes[i] != b' ' {
                        i += 1;
                        continue;
                    }
                    let gap_start = i;
                    while i < bytes.len() && bytes[i] == b' ' {
                        i += 1;
                    }
                    let (start, end) = (range.start + gap_start, range.start + i);
                    if start < covered_to || start == run_start || end >= src.len() {
                        continue;
                    }
                    if src.as_bytes()[end] == b'\n' {
                        continue;
                    }
                    if sentence::is_break(&src[run_start..start], &src[end..]) {
                        edits.push(Edit {
                            range: start..end,
                            with: newline.clone(),
                        });
                        covered_to = end;
                    }
                }
            }
            _ => {}
        }
    }
    edits
}

/// Removes trailing whitespace and extra blank lines, and separates top-level blocks with one
/// blank line, leaving code blocks, HTML blocks and block quotes as they are.
fn tidy_lines(src: &str) -> String {
    let mut protected: Vec<Range<usize>> = Vec::new();
    let mut top_level_starts: Vec<usize> = Vec::new();
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(src, options()).into_offset_iter() {
        match &event {
            Event::Start(tag) if block_of(tag).is_some() => {
                if depth == 0 {
                    top_level_starts.push(range.start);
                }
                depth += 1;
                if matches!(tag, Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::BlockQuote(_)) {
                    protected.push(range.clone());
                }
            }
            Event::End(end) if is_block_end(end) => depth = depth.saturating_sub(1),
            Event::Rule if depth == 0 => top_level_starts.push(range.start),
            Event::Html(_) if depth == 0 => {
                top_level_starts.push(range.start);
                protected.push(range.clone());
            }
            _ => {}
        }
    }
    let is_protected = |start: usize, end: usize| {
        protected
            .iter()
            .any(|r| r.start < end.max(start + 1) && start < r.end)
    };
    let mut lines: Vec<String> = Vec::new();
    // Whether each kept line is blank and unprotected.
    let mut blank: Vec<bool> = Vec::new();
    let mut offset = 0;
    for line in src.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let text = line.strip_suffix('\n').unwrap_or(line);
        let starts_block = top_level_starts
            .iter()
            .any(|s| (start..start + text.len().max(1)).contains(s));
        if is_protected(start, start + text.len()) {
            if starts_block && lines.last().is_some_and(|l| !l.is_empty()) {
                lines.push(String::new());
                blank.push(true);
            }
            lines.push(text.to_string());
            blank.push(false);
            continue;
        }
        let trimmed = text.trim_end_matches([' ', '\t']);
        if trimmed.is_empty() {
            if lines.is_empty() || blank.last() == Some(&true) {
                continue;
            }
            lines.push(String::new());
            blank.push(true);
            continue;
        }
        if starts_block && blank.last() == Some(&false) {
            lines.push(String::new());
            blank.push(true);
        }
        lines.push(trimmed.to_string());
        blank.push(false);
    }
    while blank.last() == Some(&true) {
        lines.pop();
        blank.pop();
    }
    if lines.is_empty() {
        return String::new();
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// Checks that two bodies mean the same: the same Markdown events, with soft line breaks read
/// as spaces and runs of spaces in text read as one (as browsers do). On a difference, says
/// where it is in words.
pub fn same_meaning(before: &str, after: &str) -> Result<(), String> {
    let a = normalised_events(before);
    let b = normalised_events(after);
    for (i, (x, y)) in a.iter().zip(b.iter()).enumerate() {
        if x != y {
            return Err(format!("event {}: {x:?} became {y:?}", i + 1));
        }
    }
    if a.len() != b.len() {
        return Err(format!("{} events became {}", a.len(), b.len()));
    }
    Ok(())
}

/// The body's Markdown events with text merged and whitespace normalised.
pub fn normalised_events(markdown: &str) -> Vec<Event<'static>> {
    let mut out: Vec<Event<'static>> = Vec::new();
    let mut text: Option<String> = None;
    let flush = |text: &mut Option<String>, out: &mut Vec<Event<'static>>| {
        if let Some(t) = text.take() {
            let mut collapsed = String::with_capacity(t.len());
            let mut space = false;
            for c in t.chars() {
                if c == ' ' || c == '\n' || c == '\t' {
                    space = true;
                } else {
                    if space {
                        collapsed.push(' ');
                        space = false;
                    }
                    collapsed.push(c);
                }
            }
            if space {
                collapsed.push(' ');
            }
            out.push(Event::Text(collapsed.into()));
        }
    };
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) => text.get_or_insert_with(String::new).push_str(&t),
            Event::SoftBreak => text.get_or_insert_with(String::new).push(' '),
            e => {
                flush(&mut text, &mut out);
                out.push(e.into_static());
            }
        }
    }
    flush(&mut text, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(md: &str) -> String {
        let out = format(md);
        same_meaning(md, &out).unwrap_or_else(|e| panic!("{e}\n---\n{md}\n---\n{out}"));
        assert_eq!(format(&out), out, "not idempotent:\n{out}");
        out
    }

    #[test]
    fn paragraphs_get_one_sentence_per_line() {
        assert_eq!(
            fmt("First one. Second one, e.g. this.\nStill second? Yes!\n"),
            "First one.\nSecond one, e.g. this.\nStill second?\nYes!\n"
        );
    }

    #[test]
    fn list_items_are_rewrapped_under_their_text() {
        assert_eq!(
            fmt("* One. Two.\n* Three\n  continued.\n  1. Nested. Item.\n"),
            "- One.\n  Two.\n- Three continued.\n  1. Nested.\n     Item.\n"
        );
    }

    #[test]
    fn links_code_and_html_are_never_broken() {
        let md = "See [the code. Of practice](/glossary/#victims-code). Then `code. Here` and <span title=\"a. B\">x</span>. Done.\n";
        assert_eq!(
            fmt(md),
            "See [the code. Of practice](/glossary/#victims-code).\nThen `code. Here` and <span title=\"a. B\">x</span>.\nDone.\n"
        );
    }

    #[test]
    fn tables_headings_and_code_blocks_are_copied_as_written() {
        let md = "## A heading. With two\n\n| S. Northshire | 1. |\n|---|---|\n| a. B | c |\n\n```text\nOne. Two.   \n\n\n```\n";
        assert_eq!(fmt(md), md);
    }

    #[test]
    fn hard_breaks_become_backslashes_and_blank_lines_are_tidied() {
        assert_eq!(
            fmt("\n\nName  \nStreet\\\nTown\n\n\n\n## Next   \nText.\n\n\n"),
            "Name\\\nStreet\\\nTown\n\n## Next\n\nText.\n"
        );
    }

    #[test]
    fn adjacent_lists_with_different_markers_stay_apart() {
        let md = "- a\n- b\n\n* c\n";
        assert_eq!(fmt(md), md);
    }

    #[test]
    fn block_quotes_are_left_alone() {
        let md = "> Quoted. Text  \n> here.\n";
        assert_eq!(fmt(md), md);
    }

    #[test]
    fn comments_definitions_setext_headings_and_nested_lists_survive() {
        let md = "<!-- a note. Kept as written -->\n\nTitle. Here\n=====\n\nSee [the code][code]. Then more.\n\n[code]: /glossary/#victims-code\n\n1. First. Second.\n   * inner. Item.\n10. Tenth  \n    line.\n";
        assert_eq!(
            fmt(md),
            "<!-- a note. Kept as written -->\n\nTitle. Here\n=====\n\nSee [the code][code].\nThen more.\n\n[code]: /glossary/#victims-code\n\n1. First.\n   Second.\n   - inner.\n     Item.\n10. Tenth\\\n    line.\n"
        );
    }

    #[test]
    fn same_meaning_notices_a_changed_word() {
        assert!(same_meaning("One two.\n", "One\ntwo.\n").is_ok());
        assert!(same_meaning("One two.\n", "One too.\n").is_err());
        assert!(same_meaning("- a\n- b\n", "- a\n\n- b\n").is_err());
    }
}
