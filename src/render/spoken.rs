//! The plan written for listening: what the audio edition speaks, chapter by chapter.
//!
//! A listener cannot glance back at a heading, a table or an abbreviation, so the text is
//! rewritten as a person reading aloud would say it: each chapter says what it is and how it
//! fits in ("Aim 2 of 4"), headings stand as sentences of their own, every list says how many
//! items it has, tables are read row by row as sentences naming each column, charts are
//! given by the sentence that sums up their figures, glossary abbreviations are said in full
//! ("anti-social behaviour", not "A S B"), and symbols and dates are written as words ("25
//! percent", "9 August 2021", "2021 to 2025"). Paragraphs are separated by blank lines,
//! where a voice pauses.
//!
//! The chapters are the foreword, each aim and the glossary ([`chapters`]): the audio output
//! speaks them, and the website's "Listen to the plan" page lists them with the page each
//! one reads.

use crate::parse::markdown::{slug, IdAllocator};
use crate::plan::{Plan, Priority, Route, Statement};
use crate::render::document::{markdown_blocks, picture_words, plain, Block};
use crate::words::{capitalised, human_due};

/// Where the audio files are, in the site.
pub const AUDIO_FOLDER: &str = "other-formats/audio";

/// One recording of the audio edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chapter {
    /// Its place in reading order, from 1.
    pub number: usize,
    /// Its file name without extension: `01-foreword`, `02-victims`, ...
    pub key: String,
    /// Its title: "Foreword", an aim's title, "Glossary".
    pub title: String,
    /// The page of the website whose text it reads.
    pub route: Route,
    /// What it is made from.
    pub part: Part,
}

/// What a chapter reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The Commissioner's foreword.
    Foreword,
    /// The aim at this place in the plan's list.
    Aim(usize),
    /// The glossary.
    Glossary,
}

impl Chapter {
    /// The chapter's MP3 file in the site.
    pub fn audio_path(&self) -> String {
        format!("{AUDIO_FOLDER}/{}.mp3", self.key)
    }
}

/// The plan's chapters in reading order: the foreword, each aim, and the glossary when there
/// is one.
pub fn chapters(plan: &Plan) -> Vec<Chapter> {
    let mut parts = vec![(Part::Foreword, "Foreword".to_string(), Route::Home)];
    for (i, aim) in plan.aims.iter().enumerate() {
        parts.push((Part::Aim(i), aim.title.clone(), Route::Aim(aim.id.clone())));
    }
    if !plan.glossary.is_empty() {
        parts.push((Part::Glossary, "Glossary".to_string(), Route::Glossary));
    }
    parts
        .into_iter()
        .enumerate()
        .map(|(i, (part, title, route))| {
            let name = match &part {
                Part::Aim(a) => {
                    let s = slug(&plan.aims[*a].id);
                    if s.is_empty() {
                        format!("aim-{}", a + 1)
                    } else {
                        s
                    }
                }
                Part::Foreword => "foreword".to_string(),
                Part::Glossary => "glossary".to_string(),
            };
            Chapter {
                number: i + 1,
                key: format!("{:02}-{name}", i + 1),
                title,
                route,
                part,
            }
        })
        .collect()
}

/// What `chapter` says, as paragraphs separated by blank lines.
pub fn script(plan: &Plan, chapter: &Chapter) -> String {
    let mut s = Script::new(plan);
    let m = &plan.meta;
    match chapter.part {
        Part::Foreword => {
            s.say(&format!("{}, {}.", m.title, m.period));
            if let Some(sub) = &m.subtitle {
                s.say(&format!("{sub}."));
            }
            s.say(&format!(
                "Published by the {} on {}.",
                m.organisation,
                human_due(&m.published)
            ));
            let levels = &plan.meta.levels;
            let body = if plan.is_one_level() {
                format!("the plan's {}", levels.priority.plural)
            } else if plan.aims.len() == 1 {
                format!("the plan's one {}", levels.aim.singular)
            } else {
                format!(
                    "each of the plan's {} {}",
                    plan.aims.len(),
                    levels.aim.plural
                )
            };
            let glossary = if plan.glossary.is_empty() {
                ""
            } else {
                ", and the glossary"
            };
            s.say(&format!(
                "This recording is the plan read aloud by a computer voice, in {} parts: the foreword, {body}{glossary}. This is part 1, the foreword.",
                chapters(plan).len(),
            ));
            s.heading("Foreword");
            s.markdown(&m.foreword.markdown);
            if !m.commissioner.trim().is_empty() {
                s.say(&format!(
                    "{}, Police and Crime Commissioner for {}.",
                    m.commissioner, m.area
                ));
            }
        }
        Part::Aim(a) => {
            let aim = &plan.aims[a];
            s.say(&format!("{}, {}.", m.title, m.period));
            // A plan of one level has no aims to number: its part is its priorities.
            if aim.implicit {
                s.heading(&aim.title);
            } else {
                s.heading(&format!(
                    "{} {} of {}: {}",
                    capitalised(&plan.meta.levels.aim.singular),
                    a + 1,
                    plan.aims.len(),
                    aim.title
                ));
            }
            s.markdown(&aim.intro.markdown);
            if !aim.outcomes.is_empty() {
                s.heading("Outcomes");
                s.list(
                    &format!(
                        "The outcomes we want to see. There {}:",
                        count(aim.outcomes.len(), "outcome", "outcomes")
                    ),
                    aim.outcomes.iter().map(String::as_str),
                );
            }
            for p in &aim.priorities {
                s.priority(plan, p, aim.priorities.len());
            }
        }
        Part::Glossary => {
            s.say(&format!("{}, {}.", m.title, m.period));
            s.heading("Glossary");
            s.say(&format!(
                "The glossary explains {} used in the plan.",
                count(plan.glossary.len(), "term", "terms")
            ));
            for t in &plan.glossary {
                let mut term = format!("{}.", t.term);
                if !t.abbreviations.is_empty() {
                    let letters: Vec<String> = t.abbreviations.iter().map(|a| spelled(a)).collect();
                    term = format!("{}, written {}.", t.term, letters.join(" or "));
                }
                s.paragraph(term);
                if !t.definition.is_empty() {
                    s.markdown(&t.definition.markdown);
                }
            }
        }
    }
    s.say(&format!("End of {}.", chapter_name(plan, chapter)));
    s.finish()
}

/// How a chapter's end names it: "the foreword", "aim 2, Building a more secure ...", "the
/// priorities" (in a plan of one level).
fn chapter_name(plan: &Plan, chapter: &Chapter) -> String {
    match chapter.part {
        Part::Foreword => "the foreword".to_string(),
        Part::Aim(a) if plan.aims[a].implicit => {
            format!("the {}", plan.meta.levels.priority.plural)
        }
        Part::Aim(a) => format!(
            "{} {}, {}",
            plan.meta.levels.aim.singular,
            a + 1,
            plan.aims[a].title
        ),
        Part::Glossary => "the glossary".to_string(),
    }
}

/// "1 commitment", "8 commitments".
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("is 1 {one}")
    } else {
        format!("are {n} {many}")
    }
}

/// An abbreviation as its letters, which a voice spells out: "A S B".
fn spelled(abbreviation: &str) -> String {
    let letters: Vec<String> = abbreviation
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(String::from)
        .collect();
    letters.join(" ")
}

/// A chapter's text being written.
struct Script<'p> {
    plan: &'p Plan,
    /// Each glossary abbreviation with what it stands for, longest first.
    abbreviations: Vec<(String, String)>,
    paragraphs: Vec<String>,
}

impl<'p> Script<'p> {
    fn new(plan: &'p Plan) -> Self {
        let mut abbreviations: Vec<(String, String)> = plan
            .glossary
            .iter()
            .flat_map(|t| {
                t.abbreviations
                    .iter()
                    .filter(|a| !a.trim().is_empty())
                    .map(|a| (a.clone(), t.term.clone()))
            })
            .collect();
        abbreviations.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Script {
            plan,
            abbreviations,
            paragraphs: Vec::new(),
        }
    }

    /// A paragraph as written here (no abbreviations to expand).
    fn paragraph(&mut self, text: String) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            self.paragraphs.push(text);
        }
    }

    /// A paragraph of the plan's words, made ready to speak.
    fn say(&mut self, text: &str) {
        let spoken = spoken(text, &self.abbreviations);
        self.paragraph(spoken);
    }

    /// A heading, as a sentence of its own.
    fn heading(&mut self, text: &str) {
        let text = text.trim();
        if text.ends_with(['.', '?', '!', ':']) {
            self.say(text);
        } else {
            self.say(&format!("{text}."));
        }
    }

    /// A list, with how many items it has in `intro`, and each item numbered.
    fn list<'a>(&mut self, intro: &str, items: impl Iterator<Item = &'a str>) {
        self.say(intro);
        for (i, item) in items.enumerate() {
            self.say(&format!("{}. {}", i + 1, sentence(item)));
        }
    }

    fn markdown(&mut self, markdown: &str) {
        let blocks = markdown_blocks(markdown, 1, &mut IdAllocator::default());
        self.blocks(&blocks);
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            self.block(b);
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            // Where an item starts, for editions that link to it; nothing to say.
            Block::Mark(_) => {}
            Block::Heading { text, .. } => self.heading(text),
            Block::Para(inlines) | Block::Lead(inlines) => self.say(&plain(inlines)),
            Block::Image { alt, .. } => self.say(&format!("{}.", picture_words(alt))),
            Block::Lang { blocks, .. } => self.blocks(blocks),
            Block::List { items, .. } => {
                self.say(&format!(
                    "A list of {} item{}.",
                    items.len(),
                    if items.len() == 1 { "" } else { "s" }
                ));
                for (i, item) in items.iter().enumerate() {
                    let mut first = true;
                    for b in item {
                        match (first, b) {
                            (true, Block::Para(inl) | Block::Lead(inl)) => {
                                self.say(&format!("{}. {}", i + 1, plain(inl)));
                            }
                            (true, other) => {
                                self.say(&format!("{}.", i + 1));
                                self.block(other);
                            }
                            (false, other) => self.block(other),
                        }
                        first = false;
                    }
                }
            }
            Block::Table {
                caption,
                head,
                rows,
                row_headers,
            } => {
                self.say(&format!(
                    "A table, {}, of {} row{}, read row by row.",
                    caption.trim_end_matches('.'),
                    rows.len(),
                    if rows.len() == 1 { "" } else { "s" }
                ));
                for row in rows {
                    let mut parts = Vec::new();
                    let mut cells = row.iter().enumerate();
                    let mut lead = String::new();
                    if *row_headers {
                        if let Some((_, first)) = cells.next() {
                            lead = plain(first);
                        }
                    }
                    for (i, cell) in cells {
                        let value = plain(cell);
                        if value.trim().is_empty() {
                            continue;
                        }
                        match head.get(i).map(|h| plain(h)) {
                            Some(h) if !h.trim().is_empty() => parts.push(format!("{h}, {value}")),
                            _ => parts.push(value),
                        }
                    }
                    let line = match (lead.trim().is_empty(), parts.is_empty()) {
                        (true, _) => format!("{}.", parts.join("; ")),
                        (false, true) => format!("{lead}: no figures."),
                        (false, false) => format!("{lead}: {}.", parts.join("; ")),
                    };
                    self.say(&line);
                }
            }
            Block::Quote(inner) => {
                self.paragraph("Quote.".to_string());
                self.blocks(inner);
                self.paragraph("End of quote.".to_string());
            }
        }
    }

    fn priority(&mut self, plan: &Plan, p: &Priority, of: usize) {
        self.heading(&format!(
            "{} {} of {of}: {}",
            capitalised(&plan.meta.levels.priority.singular),
            p.number,
            p.title
        ));
        self.markdown(&p.body.markdown);
        for group in &p.groups {
            let party = plan.party(&group.party);
            self.heading(&party.heading);
            let n = group.commitments.len();
            // The Chief Constable's list is of responsibilities; every other party's, of
            // commitments.
            let what = match party.id.as_str() {
                crate::plan::CHIEF_CONSTABLE => ("responsibility", "responsibilities"),
                _ => ("commitment", "commitments"),
            };
            self.say(&format!(
                "There {}. {}",
                count(n, what.0, what.1),
                group.lead.trim()
            ));
            for (i, c) in group.commitments.iter().enumerate() {
                let mut text = format!("{}. {}", i + 1, sentence(&c.text));
                if let Some(s) = c.status {
                    text.push_str(&format!(" Status: {}.", s.label()));
                }
                if let Some(d) = &c.due {
                    text.push_str(&format!(" Due {}.", human_due(d)));
                }
                if let Some(o) = &c.owner {
                    text.push_str(&format!(" Led by {}.", sentence_end_trimmed(o)));
                }
                self.say(&text);
            }
        }
        let statements: Vec<&Statement> = plan
            .statements
            .iter()
            .filter(|s| s.priorities.contains(&p.id))
            .collect();
        if !statements.is_empty() {
            self.heading("How progress is measured");
            self.say(&format!(
                "There {}.",
                count(statements.len(), "measure", "measures")
            ));
            for (i, s) in statements.iter().enumerate() {
                self.say(&format!("Measure {}: {}", i + 1, sentence(&s.measure)));
                self.say(&s.status_sentence());
                // A chart is given by the sentence that sums up its figures.
                for block in s.figure_blocks(self.plan) {
                    if block.chart.is_some() {
                        self.say(&block.summary);
                    }
                }
            }
        }
    }

    fn finish(self) -> String {
        let mut out = self.paragraphs.join("\n\n");
        out.push('\n');
        out
    }
}

/// `text` ending with a full stop (or the mark it already ends with).
fn sentence(text: &str) -> String {
    let t = text.trim();
    if t.ends_with(['.', '?', '!', ':', ';']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

fn sentence_end_trimmed(text: &str) -> &str {
    text.trim().trim_end_matches('.')
}

/// `text` as it is said: abbreviations in full, symbols and dates in words, whitespace
/// collapsed. The plan's own words are otherwise left as they are.
pub fn spoken(text: &str, abbreviations: &[(String, String)]) -> String {
    let tokens = tokens(text);
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let next = tokens.get(i + 1).map(String::as_str);
        let after = tokens.get(i + 2).map(String::as_str);
        let said: String = match t.as_str() {
            "&" => "and".to_string(),
            "%" if out.ends_with(|c: char| c.is_ascii_digit()) => " percent".to_string(),
            "£" if next.is_some_and(is_number) => {
                // "£3.5m" and "£3.5 million": the amount, then "pounds".
                let amount = next.unwrap_or_default().to_string();
                i += 2;
                let mut words = amount;
                match tokens.get(i).map(String::as_str) {
                    Some("m") => {
                        words.push_str(" million");
                        i += 1;
                    }
                    Some("bn") => {
                        words.push_str(" billion");
                        i += 1;
                    }
                    Some("k") => {
                        words.push_str(" thousand");
                        i += 1;
                    }
                    _ => {
                        if tokens.get(i).is_some_and(|s| s == " ") {
                            if let Some(scale @ ("million" | "billion" | "thousand")) =
                                tokens.get(i + 1).map(String::as_str)
                            {
                                words.push(' ');
                                words.push_str(scale);
                                i += 2;
                            }
                        }
                    }
                }
                out.push_str(&words);
                out.push_str(" pounds");
                continue;
            }
            // A date written as 2021-08-09.
            w if is_iso_date(w) => human_due(w),
            // Ranges: 2021-25, 2021-2025, 2021/22, 10-15.
            w if is_number(w)
                && matches!(next, Some("-" | "–" | "/"))
                && after.is_some_and(is_number)
                && !(next == Some("/") && w.len() != 4) =>
            {
                let end = after.unwrap_or_default();
                let end = if w.len() == 4 && end.len() == 2 && next != Some("/") {
                    format!("{}{end}", &w[..2])
                } else {
                    end.to_string()
                };
                i += 3;
                out.push_str(&format!("{w} to {end}"));
                continue;
            }
            // "e.g.", "i.e." and "etc.", as words.
            "e" | "i"
                if next == Some(".")
                    && after == Some(if t == "e" { "g" } else { "e" })
                    && tokens.get(i + 3).is_some_and(|d| d == ".") =>
            {
                out.push_str(if t == "e" { "for example" } else { "that is" });
                i += 4;
                continue;
            }
            "etc" if next == Some(".") => {
                out.push_str("et cetera");
                i += 2;
                continue;
            }
            w => match abbreviations.iter().find(|(a, _)| a == w) {
                Some((_, term)) => term.clone(),
                None => match w
                    .strip_suffix('s')
                    .and_then(|stem| abbreviations.iter().find(|(a, _)| a == stem))
                {
                    // "PCSOs": the term, plural where it ends with a noun ("killed or
                    // seriously injured" stays as it is).
                    Some((_, term)) if term.ends_with("ed") || term.ends_with('s') => term.clone(),
                    Some((_, term)) => format!("{term}s"),
                    None => w.to_string(),
                },
            },
        };
        out.push_str(&said);
        i += 1;
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` cut into words, numbers (digits with `.` and `,` inside, or a whole `2021-08-09`),
/// runs of spaces (as one space), and single other characters.
fn tokens(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_whitespace() {
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            out.push(" ".to_string());
            continue;
        }
        if c.is_ascii_digit() {
            i += 1;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], '.' | ',')
                        && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())))
            {
                i += 1;
            }
            // An ISO date is one token.
            if i - start == 4
                && chars.get(i) == Some(&'-')
                && chars.len() >= start + 10
                && chars[start..start + 10].iter().enumerate().all(|(k, d)| {
                    if k == 4 || k == 7 {
                        *d == '-'
                    } else {
                        d.is_ascii_digit()
                    }
                })
                && chars.get(start + 10).is_none_or(|d| !d.is_alphanumeric())
            {
                i = start + 10;
            }
            out.push(chars[start..i].iter().collect());
            continue;
        }
        if c.is_alphanumeric() {
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
            continue;
        }
        out.push(c.to_string());
        i += 1;
    }
    out
}

fn is_number(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

fn is_iso_date(s: &str) -> bool {
    s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn abbr() -> Vec<(String, String)> {
        vec![
            ("ASB".to_string(), "anti-social behaviour".to_string()),
            (
                "PCSO".to_string(),
                "police community support officer".to_string(),
            ),
        ]
    }

    #[test]
    fn abbreviations_are_said_in_full_and_only_as_whole_words() {
        assert_eq!(
            spoken("Cut ASB, with more PCSOs. BASB stays.", &abbr()),
            "Cut anti-social behaviour, with more police community support officers. BASB stays."
        );
    }

    #[test]
    fn symbols_dates_and_ranges_are_words() {
        let s = |t: &str| spoken(t, &[]);
        assert_eq!(
            s("Up 25% & down 3.5%"),
            "Up 25 percent and down 3.5 percent"
        );
        assert_eq!(
            s("£3.5m and £200 and £2 million"),
            "3.5 million pounds and 200 pounds and 2 million pounds"
        );
        assert_eq!(
            s("The 2021-25 plan, 2021-2025, 2021/22"),
            "The 2021 to 2025 plan, 2021 to 2025, 2021 to 22"
        );
        assert_eq!(s("Due 2023-03-31."), "Due 31 March 2023.");
        assert_eq!(
            s("10-15 officers, e.g. these, i.e. those, etc."),
            "10 to 15 officers, for example these, that is those, et cetera"
        );
        assert_eq!(s("999 and 101 calls"), "999 and 101 calls");
    }

    #[test]
    fn odd_text_is_kept_and_never_panics() {
        for t in [
            "",
            "%",
            "£",
            "2021-",
            "2021-08",
            "e.g",
            "😀 ∑ 中文\u{202e}",
            "1.2.3-4/5",
            "...",
        ] {
            let _ = spoken(t, &abbr());
        }
        assert_eq!(spoken("  a \n\t b ", &[]), "a b");
    }

    #[test]
    fn the_shipped_plan_has_a_chapter_for_the_foreword_each_aim_and_the_glossary() {
        let plan = crate::plan::fixture("content");
        let ch = chapters(&plan);
        assert_eq!(ch.len(), plan.aims.len() + 2);
        assert_eq!(ch[0].key, "01-foreword");
        assert_eq!(ch.last().unwrap().route, Route::Glossary);
        let s = script(&plan, &ch[1]);
        assert!(s.starts_with(&plan.meta.title), "{s}");
        assert!(s.contains(&format!("Aim 1 of {}", plan.aims.len())), "{s}");
        assert!(s.contains("There are "), "lists say their count: {s}");
        assert!(!s.contains("ASB"), "{s}");
    }
}
