//! The plan as one document of simple blocks (headings, paragraphs, lists, tables), in
//! reading order: what every edition read from start to end is written from. The large-print
//! PDF (Typst) and its web page are both written from it, so the two carry the same words in
//! the same order; so is the EPUB, from a document built with [`Edition::marked`] set, which
//! marks where each part, priority and commitment starts so that it can split the document
//! into files and link into it.
//!
//! This is where the transcription rules that concern *content* are applied: emphasis becomes
//! bold, strikethrough and code lose their styling, raw HTML and images are reduced to their
//! text, tables wider than [`MAX_TABLE_COLUMNS`] become lists, headings inside Markdown bodies
//! are moved under the heading of the section that holds them, and commitments stay in their
//! groups ("I will:", "The Chief Constable will be responsible for:").

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use std::sync::OnceLock;

use fluent_bundle::FluentArgs;

use crate::parse::kinds::PlanStatus;
use crate::parse::markdown::{options, IdAllocator};
use crate::plan::{Plan, Priority, Report, Statement, TextOf};
use crate::render::performance::{Arg, Say};
use crate::words::tables::{Words, DEFAULT_LANGUAGE};
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
    /// The language it is written in (`en-GB`, `cy`): every word the document writes is in
    /// it, and so is the plan's text but for the parts marked otherwise
    /// ([`Block::Lang`], [`Block::Heading::lang`]).
    pub language: String,
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
        /// The language of the words when not the document's: a heading of the plan not
        /// translated yet, shown in the plan's first language.
        lang: Option<String>,
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
    /// An image of the plan (decoration is left out), shown scaled to the page with its
    /// description as its caption, or, in an edition without pictures, given by its
    /// description.
    Image {
        /// The image's path in the content folder (`images/map.png`), a key of the plan's
        /// images.
        src: String,
        /// Its description.
        alt: String,
        /// The picture in words in the document's language ("Picture: " and the description),
        /// for an edition that does not show it.
        words: String,
    },
    /// Blocks in a language other than the document's: the plan's text not translated yet
    /// into the document's language, shown in its first language. Every format marks it
    /// (`lang`, `xml:lang`, Typst's `lang`) so that it is read and hyphenated as what it is.
    Lang {
        /// The language tag (`en-GB`).
        lang: String,
        /// The blocks.
        blocks: Vec<Block>,
    },
    /// Where an item of the plan starts. Only in a document built with [`Edition::marked`];
    /// it shows nothing itself.
    Mark(Mark),
}

/// Where an item of the plan starts, for an edition that splits the document into files or
/// links into it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Mark {
    /// A part of the plan starts with the heading after the mark.
    Part(Part),
    /// A priority starts with the heading after the mark; its id.
    Priority(String),
    /// The list item this is the first block of is the commitment with this id.
    Commitment(String),
}

/// A part of the plan: what starts with a level 1 heading, or a performance statement.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Part {
    /// The Commissioner's foreword.
    Foreword,
    /// One of the plan's other pages, by id.
    Page(String),
    /// An aim, by id.
    Aim(String),
    /// The introduction to the performance statements.
    Performance,
    /// One performance statement, by id (its heading, level 2, has the statement's id).
    Statement(String),
    /// The glossary (each term's heading, level 2, has the term's id).
    Glossary,
    /// The contact details, when the plan has no contact page.
    Contact,
}

/// How an edition's document is built.
#[derive(Debug, Clone, PartialEq)]
pub struct Edition {
    /// Whether the performance statements are included.
    pub with_performance: bool,
    /// Tables with more columns than this become lists.
    pub max_table_columns: usize,
    /// Whether to put in [`Block::Mark`]s and give each statement's and glossary term's
    /// heading the item's own id (which no other heading is then given).
    pub marked: bool,
    /// The last paragraph of "About this edition": what the edition is.
    pub about: String,
}

impl Edition {
    /// The large-print edition in English: tables no wider than [`MAX_TABLE_COLUMNS`], no
    /// marks.
    pub fn large_print(with_performance: bool) -> Edition {
        Edition::large_print_in(DEFAULT_LANGUAGE, with_performance)
    }

    /// The large-print edition in `language`, its last paragraph in that language.
    pub fn large_print_in(language: &str, with_performance: bool) -> Edition {
        Edition {
            with_performance,
            max_table_columns: MAX_TABLE_COLUMNS,
            marked: false,
            about: say(language, "doc-large-print-note", &[]),
        }
    }
}

/// The shipped word tables (`themes/default/i18n/`), which the editions written from this
/// document take their headings and labels from. A theme's own tables shape the website's
/// words, not these editions'.
pub fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        // The tables are compiled in and read by the test suite, so they always parse; were
        // they ever not to, the key itself is written, never a panic.
        match Words::new(&Words::default_tables()) {
            Ok(w) => w,
            Err(_) => Words::new(&[(DEFAULT_LANGUAGE.to_string(), String::new())])
                .expect("an empty table always reads"),
        }
    })
}

/// The words of `key` in `language` from the shipped tables, with `args` (each a name and
/// its text); the key itself if the tables lack it.
pub fn say(language: &str, key: &str, args: &[(&str, &str)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        fluent.set(*name, value.to_string());
    }
    words()
        .text(language, key, Some(&fluent))
        .unwrap_or_else(|_| key.to_string())
}

/// The language the document of `plan` is written in: the one it is read in
/// ([`Plan::in_language`]), else its first, else British English.
pub fn language_of(plan: &Plan) -> String {
    match plan.reading.language.as_str() {
        "" => plan
            .meta
            .languages
            .first()
            .cloned()
            .unwrap_or_else(|| DEFAULT_LANGUAGE.to_string()),
        l => l.to_string(),
    }
}

/// The language `text` of `plan` is shown in when it is not the document's: the plan's first,
/// for a text not translated yet into the language the plan is read in.
pub fn untranslated(plan: &Plan, text: &TextOf) -> Option<String> {
    plan.reading
        .falls_back(text)
        .then(|| plan.reading.original.clone())
        .filter(|l| !l.is_empty())
}

/// The plan as a reader of `language` sees it ([`Plan::in_language`]), with the Commissioner's
/// and the Chief Constable's names, headings and lead-ins in `words` of that language where
/// the plan's translation does not give its own: those are the theme's words, not the plan's,
/// unless the plan sets them. What the website's pages in that language and every edition in
/// it are written from.
pub fn plan_in(plan: &Plan, language: &str, words: &Words) -> Plan {
    with_parties_in(plan.in_language(language), plan, language, words)
}

/// `local` (`plan` as read in `language`, [`Plan::in_language`]) with the built-in parties'
/// words of [`plan_in`], for a caller that needs the plan as read before them too.
pub fn with_parties_in(mut local: Plan, plan: &Plan, language: &str, words: &Words) -> Plan {
    for party in local.meta.parties.iter_mut().filter(|p| p.built_in) {
        let Some(before) = plan.meta.parties.iter().find(|p| p.id == party.id) else {
            continue;
        };
        let key = |field: &str| format!("party-{}-{field}", party.id);
        if party.name == before.name {
            party.name = words.word(language, &key("name"));
        }
        if party.heading == before.heading {
            party.heading = words.word(language, &key("heading"));
        }
        if party.lead == before.lead {
            let lead = words.word(language, &key("lead"));
            for g in local
                .aims
                .iter_mut()
                .flat_map(|a| &mut a.priorities)
                .flat_map(|p| &mut p.groups)
                .filter(|g| g.party == party.id && g.lead == before.lead)
            {
                g.lead = lead.clone();
            }
            party.lead = lead;
        }
    }
    local
}

/// `blocks`, marked as in `lang` when it is given.
fn in_lang(lang: Option<String>, blocks: Vec<Block>) -> Vec<Block> {
    match lang {
        Some(lang) if !blocks.is_empty() => vec![Block::Lang { lang, blocks }],
        _ => blocks,
    }
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
    /// Words in a language other than the document's (a statement's own words not translated
    /// yet), marked as [`Block::Lang`] marks blocks.
    Lang {
        /// The language tag (`en-GB`).
        lang: String,
        /// The words.
        content: Vec<Inline>,
    },
}

/// The last paragraph of the edition, on what it is. Another edition written from this
/// document (Braille) puts its own in this paragraph's place.
pub const LARGE_PRINT_NOTE: &str = "This large print edition is made from the same text as the website. It follows the UK Association for Accessible Formats (UKAAF) minimum standards for large print.";

/// The most blocks (headings, paragraphs, list items, table rows) the edition may hold.
/// Typesetting costs time and memory per page, and a page holds few blocks at large-print
/// sizes, so a hostile or runaway file of tens of thousands of one-word list items or headings
/// would take minutes and gigabytes. The shipped plan with every performance statement holds
/// about a tenth of this.
pub const MAX_BLOCKS: usize = 20_000;

/// Roughly how many blocks [`build`] would make for `plan`, found without making them: a block
/// for each line of text in the bodies (a paragraph, list item or table row starts on a line
/// of its own), for each heading and commitment, and for each figure of each statement. The
/// editions that read the plan start to end ask this before building it, so that a plan far
/// too long for them (a runaway list of a quarter of a million items, or a plan of 10,000
/// pages) is left out in a moment, rather than built several times over in memory.
pub fn estimated_blocks(plan: &Plan) -> usize {
    let lines = |body: &crate::plan::Body| {
        body.markdown
            .lines()
            .filter(|l| !l.trim().is_empty())
            .count()
    };
    let mut n = lines(&plan.meta.foreword) + 10;
    for aim in &plan.aims {
        n += 2 + aim.outcomes.len() + lines(&aim.intro);
        for p in &aim.priorities {
            n += 3 + lines(&p.body) + p.commitments().count();
        }
    }
    for s in &plan.statements {
        let breakdowns: usize = s.breakdowns.iter().map(|b| b.items.len() + 2).sum();
        n += 10 + lines(&s.body) + s.areas.len() + s.series.len() + breakdowns;
    }
    n += plan
        .glossary
        .iter()
        .map(|t| 1 + lines(&t.definition))
        .sum::<usize>();
    n += plan.pages.iter().map(|p| 1 + lines(&p.body)).sum::<usize>();
    n
}

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
                    Block::Lang { blocks, .. } => count(blocks),
                    Block::Mark(_) => 0,
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

/// An image in words, for an edition without pictures (plain text, Braille, audio): "Picture:
/// " and its description.
pub fn picture_words(alt: &str) -> String {
    picture_words_in(DEFAULT_LANGUAGE, alt)
}

/// As [`picture_words`], in `language`.
pub fn picture_words_in(language: &str, alt: &str) -> String {
    say(language, "doc-picture", &[("alt", alt)])
}

/// `blocks` with the marks of language taken out ([`Block::Lang`]'s blocks in its place), for
/// an edition that has no way to mark a language (plain text, Braille, speech).
pub fn without_lang(blocks: &[Block]) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        match b {
            Block::Lang { blocks, .. } => out.extend(without_lang(blocks)),
            Block::List { start, items } => out.push(Block::List {
                start: *start,
                items: items.iter().map(|i| without_lang(i)).collect(),
            }),
            Block::Quote(inner) => out.push(Block::Quote(without_lang(inner))),
            other => out.push(other.clone()),
        }
    }
    out
}

/// The plain text of some inlines.
pub fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) => out.push_str(t),
            Inline::Strong(c)
            | Inline::Link { content: c, .. }
            | Inline::Lang { content: c, .. } => out.push_str(&plain(c)),
            Inline::Break => out.push(' '),
        }
    }
    out
}

/// Builds the large-print edition from the plan, in the language it is read in.
pub fn build(plan: &Plan, with_performance: bool) -> LargePrintDoc {
    build_edition(
        plan,
        &Edition::large_print_in(&language_of(plan), with_performance),
    )
}

/// Builds the document of `edition` from the plan.
pub fn build_edition(plan: &Plan, edition: &Edition) -> LargePrintDoc {
    let m = &plan.meta;
    let with_performance = edition.with_performance;
    let mut taken = vec!["main-content", "contents", "contents-heading"];
    if edition.marked {
        // Commitments, statements and glossary terms keep their own ids; headings get others.
        taken.extend(plan.commitments().map(|(_, _, c)| c.id.as_str()));
        taken.extend(plan.statements.iter().map(|s| s.id.as_str()));
        taken.extend(plan.glossary.iter().map(|t| t.id.as_str()));
    }
    let lang = language_of(plan);
    let mut b = DocBuilder {
        blocks: Vec::new(),
        ids: IdAllocator::with_taken(taken),
        marked: edition.marked,
        max_table_columns: edition.max_table_columns,
        lang: lang.clone(),
    };
    let l = lang.as_str();
    let foreign = |text: TextOf| untranslated(plan, &text);

    b.mark(Mark::Part(Part::Foreword));
    b.heading(1, &say(l, "doc-foreword", &[]), true);
    b.markdown_in(&m.foreword.markdown, 1, foreign(TextOf::Plan));
    if !m.commissioner.trim().is_empty() {
        b.para(vec![Inline::Strong(vec![Inline::text(&m.commissioner)])]);
        b.para(vec![Inline::text(say(
            l,
            "doc-commissioner-for",
            &[("area", &m.area)],
        ))]);
    }

    // The same order as the website's navigation: early pages, the aims, later pages,
    // performance, the glossary and finally the contact page.
    let (early, late): (Vec<_>, Vec<_>) = plan
        .pages
        .iter()
        .partition(|p| p.order.is_some_and(|o| o < 5));
    for page in &early {
        b.page(plan, page);
    }
    let levels = &m.levels;
    for (n, aim) in plan.aims.iter().enumerate() {
        let aim_lang = foreign(TextOf::Aim(aim.id.clone()));
        b.mark(Mark::Part(Part::Aim(aim.id.clone())));
        b.heading_in(1, &aim.title, true, aim_lang.clone());
        if !aim.implicit {
            b.para(vec![Inline::text(say(
                l,
                "doc-aim-number",
                &[
                    ("aim", &levels.aim.title()),
                    ("number", &(n + 1).to_string()),
                    ("count", &plan.aims.len().to_string()),
                ],
            ))]);
        }
        b.markdown_in(&aim.intro.markdown, 1, aim_lang.clone());
        if !aim.outcomes.is_empty() {
            b.heading(2, &say(l, "doc-outcomes", &[]), false);
            b.para(vec![Inline::text(say(l, "doc-outcomes-lead", &[]))]);
            let list = Block::List {
                start: None,
                items: aim
                    .outcomes
                    .iter()
                    .map(|o| vec![Block::Para(vec![Inline::text(o)])])
                    .collect(),
            };
            b.blocks.extend(in_lang(aim_lang, vec![list]));
        }
        for p in &aim.priorities {
            b.priority(plan, p, with_performance);
        }
    }
    for page in late.iter().filter(|p| p.id != "contact") {
        b.page(plan, page);
    }
    if with_performance && !plan.statements.is_empty() {
        b.mark(Mark::Part(Part::Performance));
        b.heading(1, &say(l, "doc-performance", &[]), true);
        b.para(vec![Inline::text(say(l, "doc-performance-intro", &[]))]);
        for s in &plan.statements {
            b.statement(plan, s);
        }
    }
    if !plan.glossary.is_empty() {
        b.mark(Mark::Part(Part::Glossary));
        b.heading(1, &say(l, "doc-glossary", &[]), true);
        for t in &plan.glossary {
            let term_lang = foreign(TextOf::Glossary(t.id.clone()));
            let mut term = t.term.clone();
            if !t.abbreviations.is_empty() {
                term.push_str(&format!(" ({})", t.abbreviations.join(", ")));
            }
            b.item_heading(2, &t.id, &term, false, term_lang.clone());
            if t.definition.is_empty() {
                b.para(vec![Inline::text(no_definition(l, &t.abbreviations))]);
            } else {
                b.markdown_in(&t.definition.markdown, 2, term_lang);
            }
        }
    }
    match late.iter().find(|p| p.id == "contact") {
        Some(page) => b.page(plan, page),
        None => {
            b.mark(Mark::Part(Part::Contact));
            b.heading(1, &say(l, "doc-contact", &[]), true);
            b.contact_details(plan);
        }
    }
    let published_words = words().date(l, &m.published);
    b.heading(2, &say(l, "doc-about-edition", &[]), true);
    b.para(vec![Inline::text(say(
        l,
        "doc-published-by-on",
        &[
            ("organisation", &m.organisation),
            ("date", &published_words),
        ],
    ))]);
    b.para(licence_para(l, &m.licence.name, &m.licence.url));
    b.para(vec![Inline::text(&edition.about)]);

    LargePrintDoc {
        title: m.title.clone(),
        subtitle: m.subtitle.clone(),
        period: m.period.clone(),
        draft: m.status == PlanStatus::Draft,
        organisation: m.organisation.clone(),
        commissioner: m.commissioner.clone(),
        published: m.published.clone(),
        published_words,
        language: lang,
        blocks: b.blocks,
    }
}

/// "You may re-use this information under the " and the licence's name, linked, in `lang`.
fn licence_para(lang: &str, name: &str, url: &str) -> Vec<Inline> {
    // The sentence is asked for with a mark where the link goes, then cut there, so that a
    // language may put the licence anywhere in it.
    const HERE: &str = "\u{1}";
    let sentence = say(lang, "doc-licence", &[("licence", HERE)]);
    let (before, after) = sentence.split_once(HERE).unwrap_or((&sentence, ""));
    let mut out = Vec::new();
    if !before.is_empty() {
        out.push(Inline::text(before));
    }
    out.push(Inline::Link {
        url: url.to_string(),
        content: vec![Inline::text(name)],
    });
    if !after.is_empty() {
        out.push(Inline::text(after));
    }
    out
}

/// What the glossary says of a term the plan gives no definition of, in `lang` (rather than
/// restating the abbreviation as if it were one): on the website's glossary and in every
/// edition.
pub fn no_definition(lang: &str, abbreviations: &[String]) -> String {
    match abbreviations {
        [] => say(lang, "doc-no-definition", &[]),
        [one] => say(
            lang,
            "doc-no-definition-abbreviation",
            &[("abbreviation", one)],
        ),
        [rest @ .., last] => say(
            lang,
            "doc-no-definition-abbreviations",
            &[("abbreviations", &rest.join(", ")), ("last", last)],
        ),
    }
}

/// The note at the end of a report's Panel paper in large print, on what it is.
pub const REPORT_NOTE: &str = "This large print edition of the report is made from the same figures as the website's pages for it. It follows the UK Association for Accessible Formats (UKAAF) minimum standards for large print.";

/// The note at the end of a report's Panel paper in standard print.
pub const REPORT_STANDARD_NOTE: &str = "This edition of the report is made from the same figures as the website's pages for it. A large print edition (18 point) is published beside it.";

/// One report as a Panel paper: its introduction, then each statement it reports as that
/// report left it (the figures of the statement pages of the report), then the licence and
/// `note`, on what the edition is. Nothing a later report says changes it.
pub fn build_report(plan: &Plan, report: &Report, note: &str) -> LargePrintDoc {
    let m = &plan.meta;
    let mut b = DocBuilder {
        blocks: Vec::new(),
        ids: IdAllocator::with_taken(vec!["main-content", "contents", "contents-heading"]),
        marked: false,
        max_table_columns: MAX_TABLE_COLUMNS,
        lang: DEFAULT_LANGUAGE.to_string(),
    };
    let period = format!("{} to {}", human_due(&report.start), human_due(&report.end));
    b.heading(1, "About this report", true);
    if !report.is_published() {
        b.para(vec![Inline::Strong(vec![Inline::text(
            "Draft. This report is being filled in and has not been presented to the Police and Crime Panel: its figures may be incomplete and may change.",
        )])]);
    }
    let presented = report.presented.as_deref().map_or(String::new(), |d| {
        format!(
            ", as presented to the Police and Crime Panel on {}",
            human_due(d)
        )
    });
    b.para(vec![Inline::text(format!(
        "The performance of {} against the measures of {} for {period}{presented}.",
        m.force, m.title
    ))]);
    b.markdown(&report.intro.markdown, 1);
    let statements: Vec<Statement> = report
        .statements
        .iter()
        .filter_map(|r| plan.statement_in(report, &r.statement))
        .collect();
    if !statements.is_empty() {
        b.heading(1, "Measures", true);
        for s in &statements {
            b.statement(plan, s);
        }
    }
    b.heading(2, "About this edition", true);
    b.para(vec![Inline::text(format!(
        "Published by the {}{}.",
        m.organisation,
        report
            .presented
            .as_deref()
            .map_or(String::new(), |d| format!(" on {}", human_due(d)))
    ))]);
    b.para(vec![
        Inline::text("You may re-use this information under the "),
        Inline::Link {
            url: m.licence.url.clone(),
            content: vec![Inline::text(&m.licence.name)],
        },
        Inline::text("."),
    ]);
    b.para(vec![Inline::text(note)]);
    // The paper's date: the day it was presented, else the period's last day.
    let published = report
        .presented
        .clone()
        .unwrap_or_else(|| report.end.clone());
    LargePrintDoc {
        title: format!("{} performance report", report.title),
        subtitle: Some(m.title.clone()),
        period,
        draft: false,
        organisation: m.organisation.clone(),
        commissioner: m.commissioner.clone(),
        published_words: human_due(&published),
        published,
        language: DEFAULT_LANGUAGE.to_string(),
        blocks: b.blocks,
    }
}

struct DocBuilder {
    blocks: Vec<Block>,
    ids: IdAllocator,
    /// Whether marks are put in ([`Edition::marked`]).
    marked: bool,
    /// Tables with more columns become lists.
    max_table_columns: usize,
    /// The document's language.
    lang: String,
}

impl DocBuilder {
    fn say(&self, key: &str, args: &[(&str, &str)]) -> String {
        say(&self.lang, key, args)
    }

    /// One of the plan's pages: its heading and body.
    fn page(&mut self, plan: &Plan, page: &crate::plan::Page) {
        let lang = untranslated(plan, &TextOf::Page(page.id.clone()));
        self.mark(Mark::Part(Part::Page(page.id.clone())));
        self.heading_in(1, &page.title, true, lang.clone());
        self.markdown_in(&page.body.markdown, 1, lang);
    }

    /// Puts in `mark` when the edition is marked.
    fn mark(&mut self, mark: Mark) {
        if self.marked {
            self.blocks.push(Block::Mark(mark));
        }
    }

    /// A heading for an item of the plan with an id of its own: with that id when the
    /// edition is marked (the id was kept from every other heading), else as [`Self::heading`].
    fn item_heading(
        &mut self,
        level: u8,
        item_id: &str,
        text: &str,
        in_contents: bool,
        lang: Option<String>,
    ) {
        if !self.marked {
            return self.heading_in(level, text, in_contents, lang);
        }
        self.blocks.push(Block::Heading {
            level,
            id: item_id.to_string(),
            text: text.to_string(),
            in_contents,
            lang,
        });
    }

    fn heading(&mut self, level: u8, text: &str, in_contents: bool) {
        self.heading_in(level, text, in_contents, None);
    }

    /// A heading whose words are in `lang` when not the document's language.
    fn heading_in(&mut self, level: u8, text: &str, in_contents: bool, lang: Option<String>) {
        self.blocks.push(Block::Heading {
            level,
            id: self.ids.allocate(text),
            text: text.to_string(),
            in_contents,
            lang,
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
        self.markdown_in(markdown, under, None);
    }

    /// As [`Self::markdown`], for a body in `lang` when not the document's language (its
    /// few words of ours, such as "Picture:", are then in that language too).
    fn markdown_in(&mut self, markdown: &str, under: u8, lang: Option<String>) {
        let words_lang = lang.clone().unwrap_or_else(|| self.lang.clone());
        let blocks = blocks_of(
            markdown,
            under,
            &mut self.ids,
            self.max_table_columns,
            &words_lang,
        );
        self.blocks.extend(in_lang(lang, blocks));
    }

    fn priority(&mut self, plan: &Plan, p: &Priority, with_performance: bool) {
        let lang = untranslated(plan, &TextOf::Priority(p.id.clone()));
        self.mark(Mark::Priority(p.id.clone()));
        self.heading_in(2, &plan.priority_label(p), true, lang.clone());
        self.markdown_in(&p.body.markdown, 2, lang);
        if p.groups.is_empty() {
            self.para(vec![Inline::text(self.say(
                "doc-no-commitments",
                &[("priority", &plan.meta.levels.priority.singular)],
            ))]);
        }
        for group in &p.groups {
            let party = plan.party(&group.party);
            self.heading(3, &party.heading, false);
            if let Some(lead) = party.lead_under_heading(&group.lead) {
                // A lead-in of the priority's own (not the party's) is its text.
                let lang = untranslated(plan, &TextOf::Priority(p.id.clone()))
                    .filter(|_| group.lead != party.lead);
                let lead = vec![Block::Lead(vec![Inline::text(lead)])];
                self.blocks.extend(in_lang(lang, lead));
            }
            let items = group
                .commitments
                .iter()
                .map(|c| {
                    let mut item = Vec::new();
                    if self.marked {
                        item.push(Block::Mark(Mark::Commitment(c.id.clone())));
                    }
                    item.extend(in_lang(
                        untranslated(plan, &TextOf::Commitment(c.id.clone())),
                        vec![Block::Para(vec![Inline::text(&c.text)])],
                    ));
                    let mut details = Vec::new();
                    if c.status.is_some() {
                        let key = crate::plan::delivery::State::of(c).key();
                        let status = words().word(&self.lang, key);
                        details.push(self.say("doc-status", &[("status", &status)]));
                    }
                    if let Some(d) = &c.due {
                        let date = words().date(&self.lang, d);
                        details.push(self.say("doc-due", &[("date", &date)]));
                    }
                    if let Some(o) = &c.owner {
                        details.push(self.say("doc-owner", &[("owner", o)]));
                    }
                    if !details.is_empty() {
                        item.push(Block::Para(vec![Inline::text(details.join(" "))]));
                    }
                    if !c.evidence.is_empty() {
                        const HERE: &str = "\u{1}";
                        let sentence = self.say("doc-evidence", &[("links", HERE)]);
                        let (before, after) = sentence.split_once(HERE).unwrap_or((&sentence, ""));
                        let mut para = vec![Inline::text(before)];
                        for (i, e) in c.evidence.iter().enumerate() {
                            if i > 0 {
                                para.push(Inline::text("; "));
                            }
                            para.push(Inline::Link {
                                url: e.url.clone(),
                                content: vec![Inline::text(&e.title)],
                            });
                        }
                        para.push(Inline::text(after));
                        para.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
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
            self.heading(3, &self.say("doc-how-measured", &[]), false);
            self.para(vec![Inline::text(self.say("doc-how-measured-lead", &[]))]);
            self.list(
                statements
                    .iter()
                    .map(|s| {
                        in_lang(
                            untranslated(plan, &TextOf::Statement(s.id.clone())),
                            vec![Block::Para(vec![Inline::text(&s.measure)])],
                        )
                    })
                    .collect(),
            );
        }
    }

    /// A performance statement: its status in words, its facts, then each of its charts as
    /// the chart's summary sentence and the table of figures behind it, then the key points.
    /// The sentences and tables come from [`crate::render::performance`] in the document's
    /// language, as on the website. Only words still in the plan's first language are marked
    /// as such: the statement's own words while it is not translated, and the words no
    /// translation gives (periods, bases, a breakdown's words) in an edition in another.
    fn statement(&mut self, plan: &Plan, s: &Statement) {
        let lang = untranslated(plan, &TextOf::Statement(s.id.clone()));
        // The words of a statement that no translation gives (what a chart shows besides
        // its figures, a breakdown's words) are in the plan's first language.
        let original = (!plan.reading.original.is_empty()
            && plan.reading.language != plan.reading.original)
            .then(|| plan.reading.original.clone());
        let language = self.lang.clone();
        let say = Say::new(words(), &language);
        self.mark(Mark::Part(Part::Statement(s.id.clone())));
        self.item_heading(2, &s.id, &s.measure, true, lang.clone());
        self.para(vec![Inline::text(s.status_sentence_in(say))]);
        let items: Vec<Vec<Block>> = statement_facts_in(say, s)
            .into_iter()
            .map(|fact| {
                // The statement's own words, while its translation does not give them.
                let own_lang = fact.own.and_then(|key| {
                    lang.clone()
                        .or_else(|| untranslated(plan, &TextOf::StatementFact(s.id.clone(), key)))
                });
                let mut detail = match own_lang {
                    Some(lang) => vec![
                        Inline::text(" "),
                        Inline::Lang {
                            lang,
                            content: vec![Inline::text(fact.detail)],
                        },
                    ],
                    None => vec![Inline::text(format!(" {}", fact.detail))],
                };
                if let Some(words) = fact.original {
                    match original
                        .clone()
                        .filter(|_| words.chars().any(char::is_alphabetic))
                    {
                        Some(lang) => detail.extend([
                            Inline::text(" ("),
                            Inline::Lang {
                                lang,
                                content: vec![Inline::text(words)],
                            },
                            Inline::text(")"),
                        ]),
                        None => detail.push(Inline::text(format!(" ({words})"))),
                    }
                }
                let mut para = vec![Inline::Strong(vec![Inline::text(format!(
                    "{}:",
                    fact.term
                ))])];
                para.extend(merge_text(detail));
                vec![Block::Para(para)]
            })
            .collect();
        self.list(items);
        if !s.chart_only.is_empty() {
            self.blocks.push(Block::Lead(vec![Inline::text(
                self.say("doc-chart-only", &[]),
            )]));
            let list = Block::List {
                start: None,
                items: s
                    .chart_only
                    .iter()
                    .map(|c| vec![Block::Para(vec![Inline::text(c)])])
                    .collect(),
            };
            self.blocks.extend(in_lang(original.clone(), vec![list]));
        }
        // So are the periods its figures are for.
        let periods: Vec<&str> = [&s.latest, &s.previous, &s.baseline]
            .into_iter()
            .flatten()
            .map(|f| f.period.as_str())
            .chain(s.series.iter().map(|p| p.period.as_str()))
            .chain(
                s.breakdowns
                    .iter()
                    .flat_map(|b| b.period.iter().chain(&b.baseline_period))
                    .map(String::as_str),
            )
            .collect();
        for block in s.figure_blocks_in(plan, say) {
            // A breakdown's title, labels and notes are its own words, which no translation
            // gives: in the plan's first language whatever the reader's.
            let breakdown = block
                .id
                .strip_prefix("breakdown-")
                .and_then(|n| n.parse::<usize>().ok())
                .and_then(|n| s.breakdowns.get(n.wrapping_sub(1)));
            let theirs = |text: &str| {
                text.chars().any(char::is_alphabetic)
                    && (periods.contains(&text)
                        || breakdown.is_some_and(|b| {
                            text == b.title
                                || b.items
                                    .iter()
                                    .any(|i| i.label == text || i.note.as_deref() == Some(text))
                        }))
            };
            let cell = |text: String| match original.clone().filter(|_| theirs(&text)) {
                Some(lang) => vec![Inline::Lang {
                    lang,
                    content: vec![Inline::Text(text)],
                }],
                None => vec![Inline::Text(text)],
            };
            let heading_lang = original.clone().filter(|_| theirs(&block.heading));
            self.heading_in(3, &block.heading, false, heading_lang);
            self.para(vec![Inline::text(&block.summary)]);
            let t = block.table;
            let caption_lang = original.clone().filter(|_| theirs(&t.caption));
            let rows = t
                .rows
                .into_iter()
                .chain(t.foot)
                .map(|r| std::iter::once(r.header).chain(r.cells).map(cell).collect())
                .collect();
            let head: Vec<Vec<Inline>> = t.head.into_iter().map(cell).collect();
            let start = self.blocks.len();
            self.blocks.extend(table_blocks(
                Some(t.caption),
                head,
                rows,
                self.max_table_columns,
                &self.lang,
            ));
            // A caption led in before a table made a list is marked as the cells are.
            if let (Some(lang), Some(Block::Lead(lead))) =
                (caption_lang, self.blocks.get_mut(start))
            {
                let content = std::mem::take(lead);
                lead.push(Inline::Lang { lang, content });
            }
        }
        if !s.body.is_empty() {
            self.heading(3, &self.say("doc-key-points", &[]), false);
            self.markdown_in(&s.body.markdown, 3, lang);
        }
        let priorities: Vec<Vec<Block>> = s
            .priorities
            .iter()
            .filter_map(|id| plan.priority(id))
            .map(|p| {
                in_lang(
                    untranslated(plan, &TextOf::Priority(p.id.clone())),
                    vec![Block::Para(vec![Inline::text(plan.priority_label(p))])],
                )
            })
            .collect();
        if !priorities.is_empty() {
            self.blocks.push(Block::Lead(vec![Inline::text(self.say(
                "doc-priorities-evidenced",
                &[("priorities", &plan.meta.levels.priority.titles())],
            ))]));
            self.list(priorities);
        }
        let national: Vec<Vec<Block>> = s
            .national_priorities
            .iter()
            .filter_map(|id| plan.meta.national_priorities.iter().find(|n| &n.id == id))
            .map(|n| {
                // The national priorities' titles are the plan's, in its first language only.
                let original = &plan.reading.original;
                let lang = (!original.is_empty() && plan.reading.language != *original)
                    .then(|| original.clone());
                in_lang(lang, vec![Block::Para(vec![Inline::text(&n.title)])])
            })
            .collect();
        if !national.is_empty() {
            self.blocks.push(Block::Lead(vec![Inline::text(
                self.say("doc-national-evidenced", &[]),
            )]));
            self.list(national);
        }
    }

    fn contact_details(&mut self, plan: &Plan) {
        let c = &plan.meta.contact;
        let mut items = Vec::new();
        if let Some(p) = &c.phone {
            items.push(self.say("doc-phone", &[("phone", p)]));
        }
        if let Some(e) = &c.email {
            items.push(self.say("doc-email", &[("email", e)]));
        }
        for s in &c.social {
            items.push(format!("{}: {}", s.service, s.handle));
        }
        if !c.address.is_empty() {
            items.push(self.say("doc-post", &[("address", &c.address.join(", "))]));
        }
        self.list(
            items
                .into_iter()
                .map(|i| vec![Block::Para(vec![Inline::Text(i)])])
                .collect(),
        );
    }
}

/// One of the things a statement says besides its figures: a term and its detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// What it is: "Latest", "Target".
    pub term: String,
    /// What the statement says of it.
    pub detail: String,
    /// When the detail is the statement's own words (its target in words, who leads, its
    /// sources), which of them (`target`, `lead`, `data_source`, `source`, as
    /// [`TextOf::StatementFact`] names them): in the plan's first language until the
    /// statement's translation gives them. `None` for a figure, a change, a direction or a
    /// unit, which are written in the reader's language.
    pub own: Option<&'static str>,
    /// Words of the statement written in brackets after the detail (a figure's period, the
    /// basis of a change or of control limits): words no translation gives, so in the plan's
    /// first language whatever the reader's.
    pub original: Option<String>,
}

/// What a statement says besides its figures, in the website's order, in English.
pub fn statement_facts(s: &Statement) -> Vec<Fact> {
    statement_facts_in(Say::new(words(), DEFAULT_LANGUAGE), s)
}

/// As [`statement_facts`], the terms and the details of ours in `say`'s language.
pub fn statement_facts_in(say: Say, s: &Statement) -> Vec<Fact> {
    let fact = |key: &str, detail: String, own: Option<&'static str>| Fact {
        term: say.word(key),
        detail,
        own,
        original: None,
    };
    let figure = |key: &str, f: &crate::parse::kinds::Figure| Fact {
        original: Some(f.period.clone()),
        ..fact(key, s.format_in(f.value, say), None)
    };
    let mut facts = vec![fact(
        "doc-fact-target",
        s.target.text.clone(),
        Some("target"),
    )];
    facts.push(match &s.latest {
        Some(f) => figure("doc-fact-latest", f),
        None => fact("doc-fact-latest", say.word("doc-no-single-figure"), None),
    });
    if let Some(f) = &s.previous {
        facts.push(figure("doc-fact-previous", f));
    }
    if let Some(f) = &s.baseline {
        facts.push(figure("doc-fact-baseline", f));
    }
    if let Some(c) = &s.change {
        facts.push(Fact {
            original: Some(c.basis.clone()),
            ..fact("doc-fact-change", format_change(c.value), None)
        });
    }
    if let Some(d) = s.direction {
        facts.push(fact("doc-fact-direction", say.word(d.key()), None));
    }
    if let Some(l) = &s.limits {
        let detail = say.text(
            "doc-limits",
            &[
                ("lower", Arg::Text(s.format_reference_in(l.lower, say))),
                ("upper", Arg::Text(s.format_reference_in(l.upper, say))),
            ],
        );
        facts.push(Fact {
            original: l.basis.clone(),
            ..fact("doc-fact-limits", detail, None)
        });
    }
    facts.push(fact("doc-fact-unit", say.unit(s.unit), None));
    if let Some(l) = &s.lead {
        facts.push(fact("doc-fact-lead", l.clone(), Some("lead")));
    }
    if let Some(d) = &s.data_source {
        facts.push(fact("doc-fact-data", d.clone(), Some("data_source")));
    }
    facts.push(fact("doc-fact-source", s.source.clone(), Some("source")));
    facts
}

/// Parses a Markdown body into blocks, placing its headings below level `under`.
pub fn markdown_blocks(markdown: &str, under: u8, ids: &mut IdAllocator) -> Vec<Block> {
    blocks_of(markdown, under, ids, MAX_TABLE_COLUMNS, DEFAULT_LANGUAGE)
}

/// As [`markdown_blocks`], with tables of more than `max_table_columns` made lists.
fn blocks_of(
    markdown: &str,
    under: u8,
    ids: &mut IdAllocator,
    max_table_columns: usize,
    lang: &str,
) -> Vec<Block> {
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
        max_table_columns,
        lang,
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
    max_table_columns: usize,
    /// The language of the body, for the few words of ours in it ("Picture:").
    lang: &'i str,
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
                Event::Start(Tag::Paragraph)
                    if matches!(self.events.peek(), Some(Event::Start(Tag::Image { .. }))) =>
                {
                    self.image_paragraph()
                }
                Event::Start(Tag::Paragraph) => Some(Block::Para(self.inlines(TagEnd::Paragraph))),
                Event::Start(Tag::Heading { level, .. }) => {
                    let text = plain(&self.inlines(TagEnd::Heading(level)));
                    let level = (heading_number(level) + self.shift).min(6);
                    Some(Block::Heading {
                        level,
                        id: self.ids.allocate(&text),
                        text,
                        in_contents: false,
                        lang: None,
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
                    if !loose.is_empty() {
                        out.push(Block::Para(std::mem::take(&mut loose)));
                    }
                    let caption = take_caption(&mut out);
                    let lang = self.lang;
                    let mut table = self.table(caption, lang);
                    let last = table.pop();
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

    /// Reads a paragraph that starts with an image: the image as a block when it is the whole
    /// paragraph (as the plan's checks require), left out when it is decoration; any other
    /// paragraph as text.
    fn image_paragraph(&mut self) -> Option<Block> {
        let Some(Event::Start(Tag::Image {
            dest_url, title, ..
        })) = self.events.next()
        else {
            return None;
        };
        let alt = plain(&self.inlines(TagEnd::Image)).trim().to_string();
        let mut rest = self.inlines(TagEnd::Paragraph);
        let alone = plain(&rest).trim().is_empty();
        let source = crate::plan::images::source_of(&dest_url);
        match (alone, source) {
            (true, Ok(src)) if title.as_ref() == crate::plan::images::DECORATIVE => {
                let _ = src;
                None
            }
            (true, Ok(src)) => Some(Block::Image {
                words: picture_words_in(self.lang, &alt),
                src,
                alt,
            }),
            _ => {
                if !alt.is_empty() {
                    let words = say(self.lang, "doc-picture-inline", &[("alt", &alt)]);
                    rest.insert(0, Inline::text(format!("{words} ")));
                }
                Some(Block::Para(merge_text(rest)))
            }
        }
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
                    out.push(Inline::text(say(
                        self.lang,
                        "doc-picture-inline",
                        &[("alt", &alt)],
                    )));
                }
            }
            Event::TaskListMarker(done) => {
                let key = if done {
                    "doc-task-done"
                } else {
                    "doc-task-to-do"
                };
                out.push(Inline::text(format!("{} ", say(self.lang, key, &[]))))
            }
            Event::FootnoteReference(r) => {
                out.push(Inline::text(say(self.lang, "doc-note", &[("note", &r)])))
            }
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

    fn table(&mut self, caption: Option<String>, lang: &str) -> Vec<Block> {
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
        table_blocks(caption, head, rows, self.max_table_columns, lang)
    }
}

/// Takes the caption of the table about to start from the end of `blocks`: the paragraph just
/// before it, when it starts with "Table:" (as the website reads it, see
/// [`crate::render::markdown::CAPTION_PREFIX`]).
fn take_caption(blocks: &mut Vec<Block>) -> Option<String> {
    let Some(Block::Para(inlines)) = blocks.last() else {
        return None;
    };
    let text = plain(inlines);
    let caption = text
        .trim_start()
        .strip_prefix(crate::render::markdown::CAPTION_PREFIX)?
        .trim()
        .to_string();
    if caption.is_empty() {
        return None;
    }
    blocks.pop();
    Some(caption)
}

/// A table, or, when it has more than `max_columns` columns (too wide for large print), a
/// list with one item per row that names each figure by its column heading (after the
/// caption, when there is one).
fn table_blocks(
    caption: Option<String>,
    head: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
    max_columns: usize,
    lang: &str,
) -> Vec<Block> {
    if head.len() <= max_columns {
        let caption = caption.unwrap_or_else(|| {
            let names: Vec<String> = head.iter().map(|h| plain(h)).collect();
            say(lang, "doc-table", &[("columns", &names.join(", "))])
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

/// The HTML start tag of a list of the document, and its element's name to close it with:
/// `<ol>` for a list numbered from 1, `<ol start="n">` from another number, `<ul>` for a
/// list of bullets. The print-like outputs written as HTML (the large-print page, the EPUB)
/// open their lists with it.
pub fn html_list_start(start: Option<u64>) -> (String, &'static str) {
    match start {
        Some(1) => ("<ol>\n".to_string(), "ol"),
        Some(n) => (format!("<ol start=\"{n}\">\n"), "ol"),
        None => ("<ul>\n".to_string(), "ul"),
    }
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
    fn a_table_line_before_a_table_is_its_caption_in_large_print_too() {
        let b = md(
            "Table: Calls by area\n\n| Area | Calls |\n|---|---|\n| North | 3 |\n",
            1,
        );
        assert_eq!(b.len(), 1, "{b:?}");
        assert!(matches!(&b[0], Block::Table { caption, .. } if caption == "Calls by area"));
        // A wide table's caption leads the list it becomes.
        let b = md(
            "Table: Calls by month\n\n| Area | April | May | June |\n|---|---|---|---|\n| North | 1 | 2 | 3 |\n",
            1,
        );
        assert_eq!(b[0], Block::Lead(vec![Inline::text("Calls by month")]));
        assert!(matches!(&b[1], Block::List { .. }));
        // Not captions: "Table:" alone, and a "Table:" line with a paragraph before the table.
        let b = md("Table:\n\n| Area |\n|---|\n| North |\n", 1);
        assert_eq!(b[0], Block::Para(vec![Inline::text("Table:")]));
        assert!(matches!(&b[1], Block::Table { caption, .. } if caption == "Table: Area"));
        let b = md("Table: Calls\n\nText.\n\n| Area |\n|---|\n| North |\n", 1);
        assert_eq!(b.len(), 3, "{b:?}");
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
