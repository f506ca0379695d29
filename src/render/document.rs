//! The plan as one document of simple blocks (headings, paragraphs, lists, tables), in
//! reading order: what every edition read from start to end is written from. The large-print
//! PDF (Typst) and its web page are both written from it, so the two carry the same words in
//! the same order.
//!
//! This is where the transcription rules that concern *content* are applied: emphasis becomes
//! bold, strikethrough and code lose their styling, raw HTML and images are reduced to their
//! text, tables wider than [`MAX_TABLE_COLUMNS`] become lists, headings inside Markdown bodies
//! are moved under the heading of the section that holds them, and commitments stay in their
//! groups ("I will:", "The Chief Constable will be responsible for:").

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::parse::kinds::PlanStatus;
use crate::parse::markdown::{options, IdAllocator};
use crate::plan::{Plan, Priority, Statement};
use crate::words::{format_change, human_due};

/// Tables with more columns than this are turned into lists: at 24 point only about three
/// columns of figures fit across A4 without words breaking.
pub const MAX_TABLE_COLUMNS: usize = 3;

/// The whole edition.
#[derive(Debug, Clone, Hash)]
pub struct LargePrintDoc {
    /// The plan's name.
    pub title: String,
    /// The line under the name, if any.
    pub subtitle: Option<String>,
    /// The years covered.
    pub period: String,
    /// Whether the plan is a draft.
    pub draft: bool,
    /// The publishing office.
    pub organisation: String,
    /// The Commissioner (the document's author).
    pub commissioner: String,
    /// Publication date as `YYYY-MM-DD`.
    pub published: String,
    /// Publication date in words.
    pub published_words: String,
    /// The body, after the title page and the contents list.
    pub blocks: Vec<Block>,
}

/// A block of the edition.
#[derive(Debug, Clone, PartialEq, Hash)]
pub enum Block {
    /// A heading; level 1 starts a part (and a new page in print).
    Heading {
        /// 1 (a part of the plan) to 6.
        level: u8,
        /// A unique anchor.
        id: String,
        /// The words.
        text: String,
        /// Whether it is listed in the contents (every heading is still a PDF bookmark).
        in_contents: bool,
    },
    /// A paragraph.
    Para(Vec<Inline>),
    /// A short bold paragraph that introduces the block after it and is kept on the same page
    /// ("I will:", a row's name above its figures).
    Lead(Vec<Inline>),
    /// A bulleted (`start: None`) or numbered list; each item is a list of blocks.
    List {
        /// The first number of a numbered list.
        start: Option<u64>,
        /// The items.
        items: Vec<Vec<Block>>,
    },
    /// A table narrow enough to keep as a table.
    Table {
        /// What the table shows.
        caption: String,
        /// Column headings.
        head: Vec<Vec<Inline>>,
        /// Rows of cells.
        rows: Vec<Vec<Vec<Inline>>>,
        /// Whether the first cell of each row is the row's heading.
        row_headers: bool,
    },
    /// Quoted text.
    Quote(Vec<Block>),
}

/// Text within a block.
#[derive(Debug, Clone, PartialEq, Hash)]
pub enum Inline {
    /// Plain words.
    Text(String),
    /// Bold words (Markdown emphasis and strong emphasis both end up here).
    Strong(Vec<Inline>),
    /// A link: `url` as written in the content (a site path starting `/` or a full address).
    Link {
        /// The address.
        url: String,
        /// The linked words.
        content: Vec<Inline>,
    },
    /// A forced line break.
    Break,
}

/// The most blocks (headings, paragraphs, list items, table rows) the edition may hold.
/// Typesetting costs time and memory per page, and a page holds few blocks at large-print
/// sizes, so a hostile or runaway file of tens of thousands of one-word list items or headings
/// would take minutes and gigabytes. The shipped plan with every performance statement holds
/// about a tenth of this.
pub const MAX_BLOCKS: usize = 20_000;

impl LargePrintDoc {
    /// How many blocks the edition holds, counting list items, table rows and nested blocks.
    pub fn block_count(&self) -> usize {
        fn count(blocks: &[Block]) -> usize {
            blocks
                .iter()
                .map(|b| match b {
                    Block::List { items, .. } => items.iter().map(|i| 1 + count(i)).sum::<usize>(),
                    Block::Table { rows, .. } => 1 + rows.len(),
                    Block::Quote(inner) => 1 + count(inner),
                    _ => 1,
                })
                .sum()
        }
        count(&self.blocks)
    }
}

impl Inline {
    fn text(s: impl Into<String>) -> Inline {
        Inline::Text(s.into())
    }
}

/// The plain text of some inlines.
pub fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) => out.push_str(t),
            Inline::Strong(c) | Inline::Link { content: c, .. } => out.push_str(&plain(c)),
            Inline::Break => out.push(' '),
        }
    }
    out
}

/// Builds the edition from the plan.
pub fn build(plan: &Plan, with_performance: bool) -> LargePrintDoc {
    let m = &plan.meta;
    let mut b = DocBuilder {
        blocks: Vec::new(),
        ids: IdAllocator::with_taken(["main-content", "contents", "contents-heading"]),
    };

    b.heading(1, "Foreword", true);
    b.markdown(&m.foreword.markdown, 1);
    if !m.commissioner.trim().is_empty() {
        b.para(vec![Inline::Strong(vec![Inline::text(&m.commissioner)])]);
        b.para(vec![Inline::text(format!(
            "Police and Crime Commissioner for {}",
            m.area
        ))]);
    }

    // The same order as the website's navigation: early pages, the aims, later pages,
    // performance, the glossary and finally the contact page.
    let (early, late): (Vec<_>, Vec<_>) = plan
        .pages
        .iter()
        .partition(|p| p.order.is_some_and(|o| o < 5));
    for page in &early {
        b.heading(1, &page.title, true);
        b.markdown(&page.body.markdown, 1);
    }
    let levels = &m.levels;
    for (n, aim) in plan.aims.iter().enumerate() {
        b.heading(1, &aim.title, true);
        if !aim.implicit {
            b.para(vec![Inline::text(format!(
                "{} {} of {}.",
                levels.aim.title(),
                n + 1,
                plan.aims.len()
            ))]);
        }
        b.markdown(&aim.intro.markdown, 1);
        if !aim.outcomes.is_empty() {
            b.heading(2, "Outcomes", false);
            b.para(vec![Inline::text("The outcomes we want to see:")]);
            b.list(
                aim.outcomes
                    .iter()
                    .map(|o| vec![Block::Para(vec![Inline::text(o)])])
                    .collect(),
            );
        }
        for p in &aim.priorities {
            b.priority(plan, p, with_performance);
        }
    }
    for page in late.iter().filter(|p| p.id != "contact") {
        b.heading(1, &page.title, true);
        b.markdown(&page.body.markdown, 1);
    }
    if with_performance && !plan.statements.is_empty() {
        b.heading(1, "Performance", true);
        b.para(vec![Inline::text(
            "How the plan's progress is measured. Each measure gives what good looks like, the latest and previous figures, the figures by local policing area and the key points.",
        )]);
        for s in &plan.statements {
            b.statement(plan, s);
        }
    }
    if !plan.glossary.is_empty() {
        b.heading(1, "Glossary", true);
        for t in &plan.glossary {
            let mut term = t.term.clone();
            if !t.abbreviations.is_empty() {
                term.push_str(&format!(" ({})", t.abbreviations.join(", ")));
            }
            b.heading(2, &term, false);
            if !t.definition.is_empty() {
                b.markdown(&t.definition.markdown, 2);
            }
        }
    }
    match late.iter().find(|p| p.id == "contact") {
        Some(page) => {
            b.heading(1, &page.title, true);
            b.markdown(&page.body.markdown, 1);
        }
        None => {
            b.heading(1, "Contact", true);
            b.contact_details(plan);
        }
    }
    b.heading(2, "About this edition", true);
    b.para(vec![Inline::text(format!(
        "Published by the {} on {}.",
        m.organisation,
        human_due(&m.published)
    ))]);
    b.para(vec![
        Inline::text("You may re-use this information under the "),
        Inline::Link {
            url: m.licence.url.clone(),
            content: vec![Inline::text(&m.licence.name)],
        },
        Inline::text("."),
    ]);
    b.para(vec![Inline::text(
        "This large print edition is made from the same text as the website. It follows the UK Association for Accessible Formats (UKAAF) minimum standards for large print.",
    )]);

    LargePrintDoc {
        title: m.title.clone(),
        subtitle: m.subtitle.clone(),
        period: m.period.clone(),
        draft: m.status == PlanStatus::Draft,
        organisation: m.organisation.clone(),
        commissioner: m.commissioner.clone(),
        published: m.published.clone(),
        published_words: human_due(&m.published),
        blocks: b.blocks,
    }
}

struct DocBuilder {
    blocks: Vec<Block>,
    ids: IdAllocator,
}

impl DocBuilder {
    fn heading(&mut self, level: u8, text: &str, in_contents: bool) {
        self.blocks.push(Block::Heading {
            level,
            id: self.ids.allocate(text),
            text: text.to_string(),
            in_contents,
        });
    }

    fn para(&mut self, inlines: Vec<Inline>) {
        self.blocks.push(Block::Para(inlines));
    }

    fn list(&mut self, items: Vec<Vec<Block>>) {
        self.blocks.push(Block::List { start: None, items });
    }

    /// Adds a Markdown body whose headings sit below a heading of level `under`.
    fn markdown(&mut self, markdown: &str, under: u8) {
        let blocks = markdown_blocks(markdown, under, &mut self.ids);
        self.blocks.extend(blocks);
    }

    fn priority(&mut self, plan: &Plan, p: &Priority, with_performance: bool) {
        self.heading(2, &plan.priority_label(p), true);
        self.markdown(&p.body.markdown, 2);
        if p.groups.is_empty() {
            self.para(vec![Inline::text(format!(
                "No commitments are listed under this {}.",
                plan.meta.levels.priority.singular
            ))]);
        }
        for group in &p.groups {
            self.heading(3, &plan.party(&group.party).heading, false);
            self.blocks
                .push(Block::Lead(vec![Inline::text(&group.lead)]));
            let items = group
                .commitments
                .iter()
                .map(|c| {
                    let mut item = vec![Block::Para(vec![Inline::text(&c.text)])];
                    let mut details = Vec::new();
                    if let Some(s) = c.status {
                        details.push(format!("Status: {}.", s.label()));
                    }
                    if let Some(d) = &c.due {
                        details.push(format!("Due: {}.", human_due(d)));
                    }
                    if let Some(o) = &c.owner {
                        details.push(format!("Owner: {o}."));
                    }
                    if !details.is_empty() {
                        item.push(Block::Para(vec![Inline::text(details.join(" "))]));
                    }
                    if !c.evidence.is_empty() {
                        let mut para = vec![Inline::text("Evidence: ")];
                        for (i, e) in c.evidence.iter().enumerate() {
                            if i > 0 {
                                para.push(Inline::text("; "));
                            }
                            para.push(Inline::Link {
                                url: e.url.clone(),
                                content: vec![Inline::text(&e.title)],
                            });
                        }
                        para.push(Inline::text("."));
                        item.push(Block::Para(para));
                    }
                    item
                })
                .collect();
            self.list(items);
        }
        let statements: Vec<&Statement> = plan
            .statements
            .iter()
            .filter(|s| s.priorities.contains(&p.id))
            .collect();
        if with_performance && !statements.is_empty() {
            self.heading(3, "How progress is measured", false);
            self.para(vec![Inline::text(
                "These measures are set out in the Performance part of this document:",
            )]);
            self.list(
                statements
                    .iter()
                    .map(|s| vec![Block::Para(vec![Inline::text(&s.measure)])])
                    .collect(),
            );
        }
    }

    /// A performance statement: its status in words, its facts, then each of its charts as
    /// the chart's summary sentence and the table of figures behind it, then the key points.
    /// The sentences and tables come from [`crate::plan::performance`], as on the website.
    fn statement(&mut self, plan: &Plan, s: &Statement) {
        self.heading(2, &s.measure, true);
        self.para(vec![Inline::text(s.status_sentence())]);
        let items: Vec<Vec<Block>> = statement_facts(s)
            .into_iter()
            .map(|(term, detail)| {
                vec![Block::Para(vec![
                    Inline::Strong(vec![Inline::text(format!("{term}:"))]),
                    Inline::text(format!(" {detail}")),
                ])]
            })
            .collect();
        self.list(items);
        if !s.chart_only.is_empty() {
            self.blocks.push(Block::Lead(vec![Inline::text(
                "Not carried from the source. The report showed these only as chart images, so their figures are not given here:",
            )]));
            self.list(
                s.chart_only
                    .iter()
                    .map(|c| vec![Block::Para(vec![Inline::text(c)])])
                    .collect(),
            );
        }
        for block in s.figure_blocks(plan) {
            self.heading(3, &block.heading, false);
            self.para(vec![Inline::text(&block.summary)]);
            let t = block.table;
            let rows = t
                .rows
                .into_iter()
                .chain(t.foot)
                .map(|r| {
                    std::iter::once(r.header)
                        .chain(r.cells)
                        .map(|c| vec![Inline::Text(c)])
                        .collect()
                })
                .collect();
            let head: Vec<Vec<Inline>> =
                t.head.into_iter().map(|h| vec![Inline::Text(h)]).collect();
            self.blocks
                .extend(table_blocks(Some(t.caption), head, rows));
        }
        if !s.body.is_empty() {
            self.heading(3, "Key points", false);
            self.markdown(&s.body.markdown, 3);
        }
        let priorities: Vec<Vec<Block>> = s
            .priorities
            .iter()
            .filter_map(|id| plan.priority(id))
            .map(|p| vec![Block::Para(vec![Inline::text(plan.priority_label(p))])])
            .collect();
        if !priorities.is_empty() {
            self.blocks.push(Block::Lead(vec![Inline::text(format!(
                "{} this measure evidences:",
                plan.meta.levels.priority.titles()
            ))]));
            self.list(priorities);
        }
        let national: Vec<Vec<Block>> = s
            .national_priorities
            .iter()
            .filter_map(|id| plan.meta.national_priorities.iter().find(|n| &n.id == id))
            .map(|n| vec![Block::Para(vec![Inline::text(&n.title)])])
            .collect();
        if !national.is_empty() {
            self.blocks.push(Block::Lead(vec![Inline::text(
                "National policing priorities this measure evidences:",
            )]));
            self.list(national);
        }
    }

    fn contact_details(&mut self, plan: &Plan) {
        let c = &plan.meta.contact;
        let mut items = Vec::new();
        if let Some(p) = &c.phone {
            items.push(format!("Phone: {p}"));
        }
        if let Some(e) = &c.email {
            items.push(format!("Email: {e}"));
        }
        for s in &c.social {
            items.push(format!("{}: {}", s.service, s.handle));
        }
        if !c.address.is_empty() {
            items.push(format!("Post: {}", c.address.join(", ")));
        }
        self.list(
            items
                .into_iter()
                .map(|i| vec![Block::Para(vec![Inline::Text(i)])])
                .collect(),
        );
    }
}

/// What a statement says besides its figures, as (term, detail) pairs, in the website's
/// order and words.
pub fn statement_facts(s: &Statement) -> Vec<(&'static str, String)> {
    let mut facts = vec![("What good looks like", s.target.text.clone())];
    facts.push((
        "Latest",
        s.latest_text()
            .unwrap_or_else(|| "No single figure is published".to_string()),
    ));
    if let Some(f) = &s.previous {
        facts.push(("Previous", s.figure_text(f)));
    }
    if let Some(f) = &s.baseline {
        facts.push(("Earlier figure", s.figure_text(f)));
    }
    if let Some(c) = &s.change {
        facts.push((
            "Change",
            format!("{} ({})", format_change(c.value), c.basis),
        ));
    }
    if let Some(d) = s.direction {
        facts.push(("Direction of change", d.label().to_string()));
    }
    if let Some(l) = &s.limits {
        let mut detail = format!(
            "Lower {}, upper {}",
            s.format_reference(l.lower),
            s.format_reference(l.upper)
        );
        if let Some(b) = &l.basis {
            detail.push_str(&format!(" ({b})"));
        }
        facts.push(("Control limits", detail));
    }
    facts.push(("Unit", s.unit.label().to_string()));
    if let Some(l) = &s.lead {
        facts.push(("Lead", l.clone()));
    }
    if let Some(d) = &s.data_source {
        facts.push(("Data", d.clone()));
    }
    facts.push(("Source", s.source.clone()));
    facts
}

/// Parses a Markdown body into blocks, placing its headings below level `under`.
pub fn markdown_blocks(markdown: &str, under: u8, ids: &mut IdAllocator) -> Vec<Block> {
    let events: Vec<Event> = Parser::new_ext(markdown, options()).collect();
    let top = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(heading_number(*level)),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let mut reader = Reader {
        events: events.into_iter().peekable(),
        shift: (under + 1).saturating_sub(top),
        ids,
    };
    reader.blocks(None)
}

fn heading_number(level: HeadingLevel) -> u8 {
    level as u8
}

struct Reader<'a, 'i> {
    events: std::iter::Peekable<std::vec::IntoIter<Event<'a>>>,
    shift: u8,
    ids: &'i mut IdAllocator,
}

impl<'a> Reader<'a, '_> {
    /// Reads blocks until the end tag `until` (consumed) or the end of the events.
    fn blocks(&mut self, until: Option<TagEnd>) -> Vec<Block> {
        let mut out = Vec::new();
        let mut loose: Vec<Inline> = Vec::new();
        while let Some(event) = self.events.next() {
            if let Event::End(end) = &event {
                if Some(*end) == until {
                    break;
                }
            }
            let block = match event {
                Event::Start(Tag::Paragraph) => Some(Block::Para(self.inlines(TagEnd::Paragraph))),
                Event::Start(Tag::Heading { level, .. }) => {
                    let text = plain(&self.inlines(TagEnd::Heading(level)));
                    let level = (heading_number(level) + self.shift).min(6);
                    Some(Block::Heading {
                        level,
                        id: self.ids.allocate(&text),
                        text,
                        in_contents: false,
                    })
                }
                Event::Start(Tag::List(start)) => {
                    let mut items = Vec::new();
                    while let Some(e) = self.events.next() {
                        match e {
                            Event::Start(Tag::Item) => items.push(self.blocks(Some(TagEnd::Item))),
                            Event::End(TagEnd::List(_)) => break,
                            _ => {}
                        }
                    }
                    Some(Block::List { start, items })
                }
                Event::Start(Tag::BlockQuote(kind)) => {
                    Some(Block::Quote(self.blocks(Some(TagEnd::BlockQuote(kind)))))
                }
                Event::Start(Tag::CodeBlock(_)) => {
                    let mut para = Vec::new();
                    for e in self.events.by_ref() {
                        match e {
                            Event::End(TagEnd::CodeBlock) => break,
                            Event::Text(t) => {
                                for (i, line) in t.trim_end_matches('\n').split('\n').enumerate() {
                                    if i > 0 {
                                        para.push(Inline::Break);
                                    }
                                    para.push(Inline::text(line));
                                }
                            }
                            _ => {}
                        }
                    }
                    Some(Block::Para(para))
                }
                Event::Start(Tag::Table(_)) => {
                    let mut table = self.table();
                    let last = table.pop();
                    if !loose.is_empty() {
                        out.push(Block::Para(std::mem::take(&mut loose)));
                    }
                    out.extend(table);
                    last
                }
                Event::Start(Tag::HtmlBlock) => {
                    self.skip(TagEnd::HtmlBlock);
                    None
                }
                Event::Start(Tag::FootnoteDefinition(_)) => {
                    let inner = self.blocks(Some(TagEnd::FootnoteDefinition));
                    out.extend(inner);
                    None
                }
                Event::Rule | Event::End(_) => None,
                other => {
                    // Inline content directly inside a tight list item or similar.
                    self.inline_event(other, &mut loose);
                    None
                }
            };
            if let Some(block) = block {
                if !loose.is_empty() {
                    out.push(Block::Para(std::mem::take(&mut loose)));
                }
                out.push(block);
            }
        }
        if !loose.is_empty() {
            out.push(Block::Para(loose));
        }
        out.retain(|b| !matches!(b, Block::Para(p) if p.is_empty()));
        out
    }

    /// Reads inline content up to `end` (consumed).
    fn inlines(&mut self, end: TagEnd) -> Vec<Inline> {
        let mut out = Vec::new();
        while let Some(e) = self.events.next() {
            if matches!(&e, Event::End(x) if *x == end) {
                break;
            }
            self.inline_event(e, &mut out);
        }
        merge_text(out)
    }

    fn inline_event(&mut self, event: Event<'a>, out: &mut Vec<Inline>) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                out.push(Inline::text(t.as_ref()))
            }
            Event::SoftBreak => out.push(Inline::text(" ")),
            Event::HardBreak => out.push(Inline::Break),
            Event::Start(Tag::Emphasis) => {
                let inner = self.inlines(TagEnd::Emphasis);
                out.push(Inline::Strong(inner));
            }
            Event::Start(Tag::Strong) => {
                let inner = self.inlines(TagEnd::Strong);
                out.push(Inline::Strong(inner));
            }
            Event::Start(Tag::Strikethrough) => out.extend(self.inlines(TagEnd::Strikethrough)),
            Event::Start(Tag::Superscript) => out.extend(self.inlines(TagEnd::Superscript)),
            Event::Start(Tag::Subscript) => out.extend(self.inlines(TagEnd::Subscript)),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let content = self.inlines(TagEnd::Link);
                out.push(Inline::Link {
                    url: dest_url.to_string(),
                    content,
                });
            }
            Event::Start(Tag::Image { .. }) => {
                // Pictures are not reproduced; their description is.
                let alt = plain(&self.inlines(TagEnd::Image));
                if !alt.trim().is_empty() {
                    out.push(Inline::text(format!("(Picture: {alt})")));
                }
            }
            Event::TaskListMarker(done) => {
                out.push(Inline::text(if done { "Done: " } else { "To do: " }))
            }
            Event::FootnoteReference(r) => out.push(Inline::text(format!("(note {r})"))),
            // Raw HTML is not carried into large print.
            Event::Html(_) | Event::InlineHtml(_) | Event::Rule => {}
            Event::Start(_) | Event::End(_) => {}
        }
    }

    fn skip(&mut self, end: TagEnd) {
        for e in self.events.by_ref() {
            if matches!(&e, Event::End(x) if *x == end) {
                break;
            }
        }
    }

    fn table(&mut self) -> Vec<Block> {
        let mut head: Vec<Vec<Inline>> = Vec::new();
        let mut rows: Vec<Vec<Vec<Inline>>> = Vec::new();
        let mut in_head = false;
        while let Some(e) = self.events.next() {
            match e {
                Event::Start(Tag::TableHead) => in_head = true,
                Event::End(TagEnd::TableHead) => in_head = false,
                Event::Start(Tag::TableRow) => rows.push(Vec::new()),
                Event::Start(Tag::TableCell) => {
                    let cell = self.inlines(TagEnd::TableCell);
                    if in_head {
                        head.push(cell);
                    } else if let Some(row) = rows.last_mut() {
                        row.push(cell);
                    }
                }
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        table_blocks(None, head, rows)
    }
}

/// A table, or, when it is too wide for large print, a list with one item per row that
/// names each figure by its column heading (after the caption, when there is one).
fn table_blocks(
    caption: Option<String>,
    head: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
) -> Vec<Block> {
    if head.len() <= MAX_TABLE_COLUMNS {
        let caption = caption.unwrap_or_else(|| {
            let names: Vec<String> = head.iter().map(|h| plain(h)).collect();
            format!("Table: {}", names.join(", "))
        });
        return vec![Block::Table {
            caption,
            head,
            rows,
            row_headers: true,
        }];
    }
    let items = rows
        .into_iter()
        .map(|row| {
            let mut cells = row.into_iter();
            let first = cells.next().unwrap_or_default();
            let mut label = head.first().cloned().unwrap_or_default();
            label.push(Inline::text(": "));
            label.extend(first);
            // An empty cell says nothing, so it is left out rather than read as "May: ".
            let details = cells
                .enumerate()
                .filter(|(_, cell)| !plain(cell).trim().is_empty())
                .map(|(i, cell)| {
                    let mut p = head.get(i + 1).cloned().unwrap_or_default();
                    p.push(Inline::text(": "));
                    p.extend(cell);
                    vec![Block::Para(merge_text(p))]
                })
                .collect();
            vec![
                Block::Lead(merge_text(label)),
                Block::List {
                    start: None,
                    items: details,
                },
            ]
        })
        .collect();
    let mut out: Vec<Block> = caption
        .map(|c| Block::Lead(vec![Inline::Text(c)]))
        .into_iter()
        .collect();
    out.push(Block::List { start: None, items });
    out
}

/// Joins neighbouring text runs.
fn merge_text(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for i in inlines {
        match (out.last_mut(), i) {
            (Some(Inline::Text(a)), Inline::Text(b)) => a.push_str(&b),
            (_, i) => out.push(i),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str, under: u8) -> Vec<Block> {
        markdown_blocks(text, under, &mut IdAllocator::default())
    }

    #[test]
    fn emphasis_becomes_bold_and_headings_move_under_their_section() {
        let b = md("## Money\n\nSome *careful* words.\n", 1);
        assert!(matches!(&b[0], Block::Heading { level: 2, text, .. } if text == "Money"));
        assert_eq!(
            b[1],
            Block::Para(vec![
                Inline::text("Some "),
                Inline::Strong(vec![Inline::text("careful")]),
                Inline::text(" words."),
            ])
        );
        let b = md("# Top\n\n### Lower\n", 3);
        assert!(matches!(&b[0], Block::Heading { level: 4, .. }));
        assert!(matches!(&b[1], Block::Heading { level: 6, .. }));
    }

    #[test]
    fn tight_list_items_become_paragraphs() {
        let b = md("- one\n- **two**\n", 1);
        let Block::List { start: None, items } = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(items[0], vec![Block::Para(vec![Inline::text("one")])]);
        assert_eq!(
            items[1],
            vec![Block::Para(vec![Inline::Strong(vec![Inline::text("two")])])]
        );
    }

    #[test]
    fn wide_tables_become_lists_and_narrow_ones_stay_tables() {
        let b = md(
            "| LPA | April | May | June |\n|---|---|---|---|\n| Herefs | 1% | 2% | 3% |\n",
            1,
        );
        let Block::List { items, .. } = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(items[0][0], Block::Lead(vec![Inline::text("LPA: Herefs")]));
        let Block::List { items: figures, .. } = &items[0][1] else {
            panic!("{:?}", items[0])
        };
        assert_eq!(
            figures[2],
            vec![Block::Para(vec![Inline::text("June: 3%")])]
        );
        let b = md(
            "| LPA | April | May | June |\n|---|---|---|---|\n| Force | 1% | | 3% |\n",
            1,
        );
        let Block::List { items, .. } = &b[0] else {
            panic!("{b:?}")
        };
        let Block::List { items: figures, .. } = &items[0][1] else {
            panic!("{:?}", items[0])
        };
        assert_eq!(figures.len(), 2, "the empty May cell is left out");
        let b = md("| Area | Latest |\n|---|---|\n| Herefs | 1% |\n", 1);
        assert!(matches!(&b[0], Block::Table { rows, .. } if rows.len() == 1));
    }

    #[test]
    fn raw_html_and_images_are_reduced_to_text() {
        let b = md(
            "Hi <b>there</b> ![A map of the area](map.png)\n\n<div>gone</div>\n",
            1,
        );
        assert_eq!(
            b,
            vec![Block::Para(vec![Inline::text(
                "Hi there (Picture: A map of the area)"
            )])]
        );
    }
}
