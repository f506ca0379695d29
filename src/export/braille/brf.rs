//! Lays the plan's linear document out as braille pages: a BRF file, the braille ASCII text
//! that embossers print and braille displays read, page by page.
//!
//! The layout follows the Braille Authority of North America's *Braille Formats* (2016) as
//! UKAAF's braille guidance does for the same things:
//!
//! - A title page and a contents list come first, on preliminary pages numbered `p1`, `p2`,
//!   ...; the body is numbered from 1. Each page's number stands at the right of its last
//!   line, which holds nothing else.
//! - A part of the plan (a level 1 heading) starts a new page with a centred heading and a
//!   blank line after it; level 2 headings start in cell 5, lower ones in cell 7, each after a
//!   blank line. A heading is never the last thing on a page: it moves to the next page with
//!   at least one line of what follows.
//! - Paragraphs are in 3-1 (first line in cell 3, the rest in cell 1), with no blank lines
//!   between them.
//! - Every list is numbered, one item per number in 1-3 (number in cell 1, runovers in cell
//!   3); a list in a list goes two cells further in.
//! - Tables are listed: each row's heading in cell 1, then each entry in cell 3 after its
//!   column's heading ("April: 12%"), empty entries left out, as the large print lists wide
//!   tables.
//! - A word longer than a line is divided with a hyphen at the line's end.
//!
//! Translation is passed in (liblouis in the build, anything in tests), so the layout can be
//! checked on its own. Lines end with CR LF and every page with a form feed, as BRF readers
//! expect.

use anyhow::Result;

use crate::render::document::{plain, Block, Inline, LargePrintDoc};

/// The standard braille page: 40 cells by 25 lines.
pub const DEFAULT_CELLS: usize = 40;
/// The standard braille page: 40 cells by 25 lines.
pub const DEFAULT_LINES: usize = 25;
/// The narrowest line offered: a 20-cell braille display.
pub const MIN_CELLS: usize = 20;
/// The widest line offered.
pub const MAX_CELLS: usize = 100;
/// The fewest lines a page may have: a line for the page number and three of text.
pub const MIN_LINES: usize = 4;
/// The most lines a page may have.
pub const MAX_LINES: usize = 100;

/// The size of a braille page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageSize {
    /// Cells on a line.
    pub cells: usize,
    /// Lines on a page, the page number's line included.
    pub lines: usize,
}

impl Default for PageSize {
    fn default() -> Self {
        PageSize {
            cells: DEFAULT_CELLS,
            lines: DEFAULT_LINES,
        }
    }
}

impl PageSize {
    /// A checked page size.
    pub fn new(cells: usize, lines: usize) -> Result<PageSize, String> {
        if !(MIN_CELLS..=MAX_CELLS).contains(&cells) {
            return Err(format!(
                "{cells} cells is not a braille line planpress lays out: choose {MIN_CELLS} to {MAX_CELLS} (40 is the standard page, 32 and 20 are common display widths)"
            ));
        }
        if !(MIN_LINES..=MAX_LINES).contains(&lines) {
            return Err(format!(
                "{lines} lines is not a braille page planpress lays out: choose {MIN_LINES} to {MAX_LINES} (25 is the standard page)"
            ));
        }
        Ok(PageSize { cells, lines })
    }
}

/// A laid-out braille edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brf {
    /// The file: braille ASCII, CR LF line ends, a form feed after every page.
    pub bytes: Vec<u8>,
    /// Preliminary pages (title page and contents).
    pub preliminary_pages: usize,
    /// Body pages.
    pub pages: usize,
}

impl Brf {
    /// A BRF file this module wrote, read back: `None` when it is not one.
    pub fn read(bytes: Vec<u8>) -> Option<Brf> {
        let text = std::str::from_utf8(&bytes).ok()?;
        let pages: Vec<&str> = text.split_terminator('\x0c').collect();
        if pages.is_empty() || !text.ends_with('\x0c') {
            return None;
        }
        // Preliminary pages are numbered p1, p2, ...: `P` then the number, in braille ASCII.
        let preliminary_pages = pages
            .iter()
            .take_while(|p| {
                p.trim_end()
                    .rsplit("\r\n")
                    .next()
                    .is_some_and(|last| last.trim_start().starts_with('P'))
            })
            .count();
        Some(Brf {
            preliminary_pages,
            pages: pages.len() - preliminary_pages,
            bytes,
        })
    }
}

/// The sentence the braille edition says about itself, in place of the large print's.
pub const EDITION_NOTE: &str = "This braille edition is made from the same text as the website. It is in Unified English Braille, grade 2, laid out for a page of {cells} cells by {lines} lines.";

/// Lays `doc` out on pages of `size`, translating print to braille ASCII with `translate`.
pub fn layout(
    doc: &LargePrintDoc,
    size: PageSize,
    translate: &dyn Fn(&str) -> Result<String>,
) -> Result<Brf> {
    let mut body = Pager::new(size, translate);
    body.blocks(&doc.blocks, 0)?;
    let body_pages = body.finish();

    let mut pre = Pager::new(size, translate);
    pre.title_page(doc)?;
    pre.new_page();
    pre.contents(&body.contents)?;
    let pre_pages = pre.finish();

    let mut out = Vec::new();
    let (cells, lines) = (size.cells, size.lines);
    for (prefix, pages) in [("p", &pre_pages), ("", &body_pages)] {
        for (i, page) in pages.iter().enumerate() {
            let number = translate(&format!("{prefix}{}", i + 1))?;
            for line in page {
                out.extend_from_slice(line.as_bytes());
                out.extend_from_slice(b"\r\n");
            }
            for _ in page.len()..lines - 1 {
                out.extend_from_slice(b"\r\n");
            }
            let number: String = number.chars().take(cells).collect();
            out.extend_from_slice(" ".repeat(cells - number.len()).as_bytes());
            out.extend_from_slice(number.as_bytes());
            out.extend_from_slice(b"\r\n\x0c");
        }
    }
    Ok(Brf {
        bytes: out,
        preliminary_pages: pre_pages.len(),
        pages: body_pages.len(),
    })
}

/// A contents entry: heading level, its braille, and the body page it starts on.
struct Entry {
    level: u8,
    braille: String,
    page: usize,
}

/// Fills pages line by line.
struct Pager<'t> {
    size: PageSize,
    translate: &'t dyn Fn(&str) -> Result<String>,
    pages: Vec<Vec<String>>,
    current: Vec<String>,
    contents: Vec<Entry>,
}

impl<'t> Pager<'t> {
    fn new(size: PageSize, translate: &'t dyn Fn(&str) -> Result<String>) -> Self {
        Pager {
            size,
            translate,
            pages: Vec::new(),
            current: Vec::new(),
            contents: Vec::new(),
        }
    }

    /// Lines of text a page holds: all but the page number's.
    fn body_lines(&self) -> usize {
        self.size.lines - 1
    }

    /// Print as braille ASCII: what `translate` gives, trimmed, less anything that is not
    /// braille ASCII.
    fn braille(&self, print: &str) -> Result<String> {
        let out = (self.translate)(print.trim())?;
        Ok(out
            .chars()
            .map(|c| c.to_ascii_uppercase())
            .filter(|c| (' '..='_').contains(c))
            .collect())
    }

    fn new_page(&mut self) {
        if !self.current.is_empty() {
            self.pages.push(std::mem::take(&mut self.current));
        }
    }

    fn finish(&mut self) -> Vec<Vec<String>> {
        self.new_page();
        // Blank lines left at the foot of a page are not written: the page number's line
        // is padded to its place.
        for page in &mut self.pages {
            while page.last().is_some_and(|l| l.is_empty()) {
                page.pop();
            }
        }
        std::mem::take(&mut self.pages)
    }

    /// A blank line, except at the top of a page or after another.
    fn blank(&mut self) {
        if self.current.last().is_some_and(|l| !l.is_empty()) {
            self.put(vec![String::new()]);
        }
    }

    /// Starts a new page unless `n` more lines fit on this one.
    fn keep(&mut self, n: usize) {
        if self.current.len() + n > self.body_lines() {
            self.new_page();
        }
    }

    fn put(&mut self, lines: Vec<String>) {
        for line in lines {
            if self.current.len() == self.body_lines() {
                self.new_page();
            }
            if self.current.is_empty() && line.is_empty() {
                continue;
            }
            self.current.push(line);
        }
    }

    /// `braille` wrapped to the line, its first line starting after `first` blank cells and
    /// the others after `rest`.
    fn wrap(&self, braille: &str, first: usize, rest: usize) -> Vec<String> {
        wrap(braille, self.size.cells, first, rest)
    }

    fn centred(&self, braille: &str) -> Vec<String> {
        let cells = self.size.cells;
        // At least three blank cells either side, as BANA asks of centred headings.
        wrap(braille, cells - 6, 0, 0)
            .into_iter()
            .map(|l| format!("{}{l}", " ".repeat((cells - l.len()) / 2)))
            .collect()
    }

    fn title_page(&mut self, doc: &LargePrintDoc) -> Result<()> {
        let centre = |pager: &mut Pager, text: &str| -> Result<()> {
            let lines = pager.centred(&pager.braille(text)?);
            pager.put(lines);
            Ok(())
        };
        centre(self, &doc.title)?;
        if let Some(s) = &doc.subtitle {
            centre(self, s)?;
        }
        centre(self, &doc.period)?;
        if doc.draft {
            self.blank();
            centre(self, "Draft")?;
        }
        self.blank();
        centre(self, &doc.organisation)?;
        centre(self, &format!("Published {}", doc.published_words))?;
        self.blank();
        centre(self, "Unified English Braille, grade 2")?;
        Ok(())
    }

    fn contents(&mut self, entries: &[Entry]) -> Result<()> {
        let heading = self.centred(&self.braille("Contents")?);
        self.put(heading);
        self.blank();
        let cells = self.size.cells;
        for e in entries {
            let indent = if e.level <= 1 { 0 } else { 2 };
            let number = (self.translate)(&e.page.to_string())?;
            // The entry's last line ends with guide dots (dot 5, `"` in braille ASCII) and
            // the page number at the right margin.
            let mut lines = wrap(&e.braille, cells - number.len() - 3, indent, indent + 2);
            if let Some(last) = lines.last_mut() {
                let dots = cells - last.len() - number.len() - 2;
                last.push(' ');
                last.push_str(&"\"".repeat(dots));
                last.push(' ');
                last.push_str(&number);
            }
            self.put(lines);
        }
        Ok(())
    }

    fn blocks(&mut self, blocks: &[Block], depth: usize) -> Result<()> {
        for b in blocks {
            self.block(b, depth)?;
        }
        Ok(())
    }

    fn block(&mut self, block: &Block, depth: usize) -> Result<()> {
        let indent = (2 * depth).min(self.size.cells / 2);
        match block {
            // Where an item starts, for editions that link to it; braille has no links.
            Block::Mark(_) => {}
            Block::Heading {
                level,
                text,
                in_contents,
                ..
            } => {
                let braille = self.braille(text)?;
                let lines = match level {
                    1 => {
                        self.new_page();
                        self.centred(&braille)
                    }
                    2 => {
                        self.blank();
                        self.wrap(&braille, 4, 4)
                    }
                    _ => {
                        self.blank();
                        self.wrap(&braille, 6, 6)
                    }
                };
                // The heading, the blank line after a centred one, and a line of text.
                self.keep(lines.len() + if *level == 1 { 2 } else { 1 });
                if *in_contents {
                    self.contents.push(Entry {
                        level: *level,
                        braille: braille.clone(),
                        page: self.pages.len() + 1,
                    });
                }
                self.put(lines);
                if *level == 1 {
                    self.put(vec![String::new()]);
                }
            }
            Block::Para(inlines) | Block::Lead(inlines) => {
                let lines = self.wrap(&self.braille(&text(inlines))?, indent + 2, indent);
                self.put(lines);
            }
            Block::Image { words, .. } => {
                let words = words.clone();
                let lines = self.wrap(&self.braille(&words)?, indent + 2, indent);
                self.put(lines);
            }
            Block::List { start, items } => {
                let first = start.unwrap_or(1);
                for (i, item) in items.iter().enumerate() {
                    self.item(first + i as u64, item, depth)?;
                }
            }
            Block::Table {
                caption,
                head,
                rows,
                row_headers,
            } => {
                let lines = self.wrap(&self.braille(caption)?, indent, indent + 2);
                self.put(lines);
                for row in rows {
                    let (label, cells) = match (row_headers, row.split_first()) {
                        (true, Some((first, rest))) => (Some(first), rest),
                        _ => (None, row.as_slice()),
                    };
                    let skip = usize::from(label.is_some());
                    if let Some(label) = label {
                        let lines = self.wrap(&self.braille(&text(label))?, indent, indent + 2);
                        self.put(lines);
                    }
                    for (i, cell) in cells.iter().enumerate() {
                        let value = text(cell);
                        if value.trim().is_empty() {
                            continue;
                        }
                        let name = head.get(i + skip).map(|h| text(h)).unwrap_or_default();
                        let entry = if name.trim().is_empty() {
                            value
                        } else {
                            format!("{name}: {value}")
                        };
                        let lines = self.wrap(&self.braille(&entry)?, indent + 2, indent + 4);
                        self.put(lines);
                    }
                }
            }
            Block::Quote(inner) => {
                self.blank();
                self.blocks(inner, depth + 1)?;
                self.blank();
            }
            Block::Lang { blocks, .. } => self.blocks(blocks, depth)?,
        }
        Ok(())
    }

    /// One numbered list item: its number before its first paragraph, in 1-3.
    fn item(&mut self, number: u64, item: &[Block], depth: usize) -> Result<()> {
        let indent = (2 * depth).min(self.size.cells / 2);
        let mut rest = item;
        match item.first() {
            Some(Block::Para(inlines) | Block::Lead(inlines)) => {
                let print = format!("{number}. {}", text(inlines));
                let lines = self.wrap(&self.braille(&print)?, indent, indent + 2);
                self.put(lines);
                rest = &item[1..];
            }
            _ => {
                let lines = self.wrap(&self.braille(&format!("{number}."))?, indent, indent);
                self.put(lines);
            }
        }
        for b in rest {
            match b {
                Block::Para(inlines) | Block::Lead(inlines) => {
                    let lines = self.wrap(&self.braille(&text(inlines))?, indent + 2, indent + 2);
                    self.put(lines);
                }
                other => self.block(other, depth + 1)?,
            }
        }
        Ok(())
    }
}

/// The words of some inlines, as the braille reads them: emphasis is not marked (it shows
/// the terms of the performance facts, which their colons already set apart) and links are
/// their words.
fn text(inlines: &[Inline]) -> String {
    plain(inlines)
}

/// `braille` in lines of at most `cells` cells, the first after `first` blank cells and the
/// others after `rest`. Lines break between words; a word longer than a line is divided with
/// a hyphen.
pub fn wrap(braille: &str, cells: usize, first: usize, rest: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = " ".repeat(first.min(cells.saturating_sub(2)));
    let mut empty = true;
    let rest = rest.min(cells.saturating_sub(2));
    for word in braille.split(' ').filter(|w| !w.is_empty()) {
        let gap = usize::from(!empty);
        if line.len() + gap + word.len() <= cells {
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
            empty = false;
            continue;
        }
        if !empty {
            lines.push(std::mem::replace(&mut line, " ".repeat(rest)));
        }
        let mut word = word;
        // A word too long for a whole line is divided, a hyphen ending each part.
        while line.len() + word.len() > cells {
            let take = cells - line.len() - 1;
            let (head, tail) = word.split_at(take.min(word.len()));
            line.push_str(head);
            line.push('-');
            lines.push(std::mem::replace(&mut line, " ".repeat(rest)));
            word = tail;
        }
        line.push_str(word);
        empty = word.is_empty();
    }
    if !empty {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upper(s: &str) -> Result<String> {
        Ok(s.to_ascii_uppercase())
    }

    fn doc(blocks: Vec<Block>) -> LargePrintDoc {
        LargePrintDoc {
            title: "A Plan".into(),
            subtitle: None,
            period: "2024-2028".into(),
            draft: true,
            organisation: "The Office".into(),
            commissioner: "C".into(),
            published: "2024-01-01".into(),
            published_words: "1 January 2024".into(),
            language: "en-GB".into(),
            blocks,
        }
    }

    fn para(s: &str) -> Block {
        Block::Para(vec![Inline::Text(s.into())])
    }

    fn pages(brf: &Brf) -> Vec<Vec<String>> {
        let text = String::from_utf8(brf.bytes.clone()).unwrap();
        let mut pages: Vec<&str> = text.split('\x0c').collect();
        assert_eq!(pages.pop(), Some(""), "every page ends with a form feed");
        pages
            .iter()
            .map(|p| {
                let p = p.strip_suffix("\r\n").unwrap();
                p.split("\r\n").map(String::from).collect()
            })
            .collect()
    }

    #[test]
    fn lines_break_between_words_and_long_words_are_divided() {
        assert_eq!(
            wrap("AB CD EF", 6, 0, 1),
            vec!["AB CD".to_string(), " EF".to_string()]
        );
        let lines = wrap("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 10, 2, 0);
        assert_eq!(lines[0], "  ABCDEFG-");
        assert!(lines.iter().all(|l| l.len() <= 10), "{lines:?}");
        assert_eq!(
            lines.concat().replace(['-', ' '], ""),
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        );
        assert!(wrap("   ", 10, 2, 0).is_empty());
    }

    #[test]
    fn every_page_has_its_lines_and_its_number_on_the_last_line() {
        let blocks: Vec<Block> = std::iter::once(Block::Heading {
            level: 1,
            id: "a".into(),
            text: "Part one".into(),
            in_contents: true,
            lang: None,
        })
        .chain((0..60).map(|i| {
            para(&format!(
                "Paragraph {i} says a number of words about policing the area."
            ))
        }))
        .collect();
        let size = PageSize::new(20, 6).unwrap();
        let brf = layout(&doc(blocks), size, &upper).unwrap();
        let pages = pages(&brf);
        assert_eq!(pages.len(), brf.preliminary_pages + brf.pages);
        assert!(brf.pages > 10);
        for (i, page) in pages.iter().enumerate() {
            assert_eq!(page.len(), 6, "page {i}: {page:?}");
            assert!(page.iter().all(|l| l.len() <= 20), "page {i}: {page:?}");
        }
        let last = |p: &Vec<String>| p.last().unwrap().trim().to_string();
        assert_eq!(last(&pages[0]), "P1");
        assert_eq!(last(&pages[brf.preliminary_pages]), "1");
        assert_eq!(last(pages.last().unwrap()), brf.pages.to_string());
        // The contents list gives the part's page, after guide dots.
        let contents = pages[1..brf.preliminary_pages].concat().join("\n");
        assert!(contents.contains("PART ONE \"\"\""), "{contents}");
    }

    #[test]
    fn a_heading_is_kept_with_the_text_after_it_and_lists_are_numbered() {
        let mut blocks = vec![para(
            "One two three four five six seven eight nine ten eleven.",
        )];
        blocks.push(Block::Heading {
            level: 2,
            id: "h".into(),
            text: "Heading".into(),
            in_contents: false,
            lang: None,
        });
        blocks.push(Block::List {
            start: None,
            items: vec![vec![para("first")], vec![para("second")]],
        });
        let brf = layout(&doc(blocks), PageSize::new(20, 5).unwrap(), &upper).unwrap();
        let pages = pages(&brf);
        let body = &pages[brf.preliminary_pages..];
        // Four lines of text a page: the paragraph's three and a blank would leave the
        // heading alone at the foot, so it starts the next page with its first item.
        assert!(!body[0].iter().any(|l| l.contains("HEADING")), "{body:?}");
        assert_eq!(body[1][0], "    HEADING");
        assert_eq!(body[1][1], "1. FIRST");
        assert_eq!(body[1][2], "2. SECOND");
    }

    #[test]
    fn tables_are_listed_with_their_column_headings() {
        let cell = |s: &str| vec![Inline::Text(s.into())];
        let table = Block::Table {
            caption: "Crimes".into(),
            head: vec![cell("Area"), cell("April"), cell("May")],
            rows: vec![vec![cell("North"), cell("12%"), cell("")]],
            row_headers: true,
        };
        let brf = layout(&doc(vec![table]), PageSize::default(), &upper).unwrap();
        let pages = pages(&brf);
        let body = &pages[brf.preliminary_pages];
        assert_eq!(body[..3], ["CRIMES", "NORTH", "  APRIL: 12%"]);
        assert!(
            body[3].is_empty(),
            "the empty May entry is left out: {body:?}"
        );
    }

    #[test]
    fn a_brf_read_back_has_the_page_counts_it_was_written_with() {
        let blocks = (0..40)
            .map(|i| para(&format!("Paragraph {i} of the plan.")))
            .collect();
        let brf = layout(&doc(blocks), PageSize::new(20, 5).unwrap(), &upper).unwrap();
        assert!(brf.preliminary_pages >= 2 && brf.pages > 5, "{brf:?}");
        assert_eq!(Brf::read(brf.bytes.clone()), Some(brf));
        assert_eq!(Brf::read(b"not braille".to_vec()), None);
    }

    #[test]
    fn page_sizes_outside_what_is_offered_are_refused() {
        assert!(PageSize::new(40, 25).is_ok());
        assert!(PageSize::new(19, 25).unwrap_err().contains("20 to 100"));
        assert!(PageSize::new(40, 3).unwrap_err().contains("4 to 100"));
    }
}
