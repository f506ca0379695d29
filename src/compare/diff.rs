//! What changed between two versions of a plan, as a reader would describe it.
//!
//! [`PlanDiff::between`] compares two validated [`Plan`]s item by item — never their files or
//! HTML. Each aim, outcome, priority, commitment, performance statement, glossary term and page
//! in the old plan is paired with its counterpart in the new one: by id first, and where an id
//! changed, by the similarity of its words (the match and its score are kept, so a reader can
//! check it). Paired items are compared field by field: wording is diffed word by word, moves
//! (a commitment to another priority or owner, a priority to another aim) and reorderings are
//! named, and settings such as status, due date, targets and figures are listed as
//! "from → to". Unpaired items are added or removed.
//!
//! The result is plain data; [`crate::render::changes`] and [`crate::export::diff_report`]
//! write it for people.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use similar::{Algorithm, ChangeTag, DiffTag, TextDiff};

use crate::parse::kinds::{Figure, PlanStatus};
use crate::plan::{Aim, Body, Commitment, Owner, Plan, Priority, Statement};
use crate::words::{format_value, human_due};

/// How alike two texts must be (0 to 1, by words) for items with different ids to be taken as
/// one item reworded, rather than one removed and another added.
pub const MATCH_THRESHOLD: f32 = 0.5;

/// Everything that changed between two plans.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PlanDiff {
    /// Changes to the plan's own settings and foreword.
    pub plan: Vec<Change>,
    /// One section per kind of item, in a fixed order; sections without changes are empty.
    pub sections: Vec<Section>,
}

/// The changed items of one kind.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// What kind of item.
    pub kind: ItemKind,
    /// Changed, added and removed items: plan order, removed items last.
    pub items: Vec<ItemDiff>,
}

/// The kinds of item a plan holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    /// A strategic aim.
    Aim,
    /// An outcome an aim seeks.
    Outcome,
    /// A priority.
    Priority,
    /// A commitment (the Commissioner's or the Chief Constable's).
    Commitment,
    /// A performance statement.
    Statement,
    /// A glossary term.
    GlossaryTerm,
    /// Any other page.
    Page,
}

impl ItemKind {
    /// Every kind, in report order.
    pub const ALL: [ItemKind; 7] = [
        ItemKind::Aim,
        ItemKind::Outcome,
        ItemKind::Priority,
        ItemKind::Commitment,
        ItemKind::Statement,
        ItemKind::GlossaryTerm,
        ItemKind::Page,
    ];

    /// "commitment".
    pub fn singular(self) -> &'static str {
        match self {
            ItemKind::Aim => "aim",
            ItemKind::Outcome => "outcome",
            ItemKind::Priority => "priority",
            ItemKind::Commitment => "commitment",
            ItemKind::Statement => "performance statement",
            ItemKind::GlossaryTerm => "glossary term",
            ItemKind::Page => "page",
        }
    }

    /// "commitments".
    pub fn plural(self) -> &'static str {
        match self {
            ItemKind::Aim => "aims",
            ItemKind::Outcome => "outcomes",
            ItemKind::Priority => "priorities",
            ItemKind::Commitment => "commitments",
            ItemKind::Statement => "performance statements",
            ItemKind::GlossaryTerm => "glossary terms",
            ItemKind::Page => "pages",
        }
    }

    /// "Commitments", for headings.
    pub fn heading(self) -> &'static str {
        match self {
            ItemKind::Aim => "Aims",
            ItemKind::Outcome => "Outcomes",
            ItemKind::Priority => "Priorities",
            ItemKind::Commitment => "Commitments",
            ItemKind::Statement => "Performance statements",
            ItemKind::GlossaryTerm => "Glossary terms",
            ItemKind::Page => "Pages",
        }
    }
}

/// Whether an item is new, gone, or there in both plans with changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Only in the new plan.
    Added,
    /// Only in the old plan.
    Removed,
    /// In both, with changes.
    Changed,
}

impl Status {
    /// "Added", "Removed", "Changed".
    pub fn label(self) -> &'static str {
        match self {
            Status::Added => "Added",
            Status::Removed => "Removed",
            Status::Changed => "Changed",
        }
    }
}

/// One item that was added, removed or changed.
#[derive(Debug, Clone, Serialize)]
pub struct ItemDiff {
    /// What kind of item.
    pub kind: ItemKind,
    /// Added, removed or changed.
    pub status: Status,
    /// Its id (the new one when it changed); empty for outcomes, which have none.
    pub id: String,
    /// How readers know it: a title, a term, a measure, or a commitment's or outcome's words.
    pub name: String,
    /// Where it is in the plan (where it was, when removed).
    pub place: Option<String>,
    /// When paired by wording because the id changed: the old id and how alike they are.
    pub matched: Option<Matched>,
    /// What changed, for a changed item.
    pub changes: Vec<Change>,
}

impl ItemDiff {
    /// True when the item's words changed.
    pub fn is_reworded(&self) -> bool {
        self.changes
            .iter()
            .any(|c| matches!(c, Change::Reworded { .. } | Change::Body { .. }))
    }

    /// True when the item moved or changed position.
    pub fn is_moved(&self) -> bool {
        self.changes
            .iter()
            .any(|c| matches!(c, Change::Moved { .. } | Change::Reordered { .. }))
    }

    /// True when a setting (status, date, figure...), its file or its id changed.
    pub fn has_other_changes(&self) -> bool {
        self.matched.is_some()
            || self
                .changes
                .iter()
                .any(|c| matches!(c, Change::Field { .. } | Change::Renamed { .. }))
    }
}

/// An item paired with an old one of another id by the likeness of their words.
#[derive(Debug, Clone, Serialize)]
pub struct Matched {
    /// The old id.
    pub old_id: String,
    /// How alike the two are, 0 to 1.
    pub score: f32,
}

/// One change to an item.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Change {
    /// A setting changed: "status: in progress → delivered". "not set" stands for no value.
    Field {
        /// What changed, in words ("status", "due date", "latest figure").
        field: String,
        /// The old value.
        from: String,
        /// The new value.
        to: String,
    },
    /// Words changed, shown word by word.
    Reworded {
        /// What was reworded ("title", "text").
        field: String,
        /// The words, kept, deleted and added.
        words: Vec<Word>,
    },
    /// A Markdown body changed: the paragraphs that differ.
    Body {
        /// Which body ("text", "definition", "foreword").
        field: String,
        /// The changed paragraphs, in order.
        paragraphs: Vec<Paragraph>,
    },
    /// Moved to another place: another priority or owner, another aim.
    Moved {
        /// Where it was.
        from: String,
        /// Where it is.
        to: String,
    },
    /// Same place, new position.
    Reordered {
        /// Old position (1 first).
        from: usize,
        /// New position.
        to: usize,
        /// The list it is in ("the Commissioner's commitments of Priority 1.1", "the aims").
        within: String,
    },
    /// The file was renamed or moved.
    Renamed {
        /// Old path in the content folder.
        from: String,
        /// New path.
        to: String,
    },
}

/// A piece of reworded text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "text", rename_all = "kebab-case")]
pub enum Word {
    /// Text in both versions.
    Same(String),
    /// Text only in the old version.
    Deleted(String),
    /// Text only in the new version.
    Added(String),
}

/// A paragraph of a body that changed.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", content = "text", rename_all = "kebab-case")]
pub enum Paragraph {
    /// A new paragraph.
    Added(String),
    /// A paragraph taken out.
    Removed(String),
    /// A paragraph reworded.
    Reworded(Vec<Word>),
}

/// Counts of changes of one kind of item, for summary tables.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Items added.
    pub added: usize,
    /// Items removed.
    pub removed: usize,
    /// Items reworded.
    pub reworded: usize,
    /// Items moved or reordered.
    pub moved: usize,
    /// Items with other changes (settings, figures, file names, ids).
    pub other: usize,
}

impl Counts {
    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        *self == Counts::default()
    }
}

impl Section {
    /// How many items were added, removed, reworded, moved or otherwise changed.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for item in &self.items {
            match item.status {
                Status::Added => c.added += 1,
                Status::Removed => c.removed += 1,
                Status::Changed => {
                    c.reworded += usize::from(item.is_reworded());
                    c.moved += usize::from(item.is_moved());
                    c.other += usize::from(item.has_other_changes());
                }
            }
        }
        c
    }
}

impl PlanDiff {
    /// Compares two plans.
    pub fn between(old: &Plan, new: &Plan) -> PlanDiff {
        let ctx = Context { old, new };
        let sections = vec![
            ctx.aims(),
            ctx.outcomes(),
            ctx.priorities(),
            ctx.commitments(),
            ctx.statements(),
            ctx.glossary(),
            ctx.pages(),
        ];
        PlanDiff {
            plan: ctx.plan_settings(),
            sections,
        }
    }

    /// True when the two plans say the same.
    pub fn is_empty(&self) -> bool {
        self.plan.is_empty() && self.sections.iter().all(|s| s.items.is_empty())
    }

    /// The section for one kind of item.
    pub fn section(&self, kind: ItemKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// Every file renamed or moved, old path to new path, sorted.
    pub fn renamed_files(&self) -> Vec<(String, String)> {
        let mut out: BTreeSet<(String, String)> = BTreeSet::new();
        for item in self.sections.iter().flat_map(|s| &s.items) {
            for c in &item.changes {
                if let Change::Renamed { from, to } = c {
                    out.insert((from.clone(), to.clone()));
                }
            }
        }
        out.into_iter().collect()
    }

    /// The changes in one plain sentence per kind: "2 commitments reworded, 1 moved."
    pub fn summary_sentences(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.plan.is_empty() {
            let n = self.plan.len();
            out.push(format!(
                "{n} change{} to the plan's settings or foreword.",
                if n == 1 { "" } else { "s" }
            ));
        }
        for s in &self.sections {
            let c = s.counts();
            if c.is_empty() {
                continue;
            }
            let mut parts = Vec::new();
            for (n, what) in [
                (c.added, "added"),
                (c.removed, "removed"),
                (c.reworded, "reworded"),
                (c.moved, "moved"),
                (c.other, "otherwise changed"),
            ] {
                if n > 0 {
                    parts.push(format!("{n} {what}"));
                }
            }
            out.push(format!("{}: {}.", s.kind.heading(), parts.join(", ")));
        }
        out
    }
}

/// The two plans being compared, with the helpers that describe their items.
struct Context<'a> {
    old: &'a Plan,
    new: &'a Plan,
}

/// "Priority 1.2: Title", numbering priorities by their aim's position and their number.
pub fn priority_label(plan: &Plan, p: &Priority) -> String {
    let aim = plan
        .aims
        .iter()
        .position(|a| a.id == p.aim)
        .map_or(0, |i| i + 1);
    format!("Priority {aim}.{}: {}", p.number, p.title)
}

/// "Aim 1: Title".
fn aim_label(plan: &Plan, aim: &Aim) -> String {
    let n = plan
        .aims
        .iter()
        .position(|a| a.id == aim.id)
        .map_or(0, |i| i + 1);
    format!("Aim {n}: {}", aim.title)
}

fn group_label(owner: Owner) -> &'static str {
    match owner {
        Owner::Commissioner => "the Commissioner's commitments",
        Owner::ChiefConstable => "the Chief Constable's responsibilities",
    }
}

/// Text with every run of whitespace made one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How alike two texts are, 0 to 1: the share of their words (ignoring case and punctuation)
/// that the longest common sequence keeps.
pub fn similarity(a: &str, b: &str) -> f32 {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (a, b) = (words(a), words(b));
    if a == b {
        return 1.0;
    }
    let kept: usize = similar::capture_diff_slices(Algorithm::Myers, &a, &b)
        .iter()
        .filter(|op| op.tag() == DiffTag::Equal)
        .map(|op| op.old_range().len())
        .sum();
    (2 * kept) as f32 / (a.len() + b.len()) as f32
}

/// The words of `old` and `new`, kept, deleted and added. A run of changes with only spaces
/// between is shown as one deletion followed by one addition, which reads better than
/// alternating single words.
pub fn word_diff(old: &str, new: &str) -> Vec<Word> {
    let (old, new) = (collapse(old), collapse(new));
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_words(&old, &new);
    let tokens: Vec<(ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value()))
        .collect();
    let mut out: Vec<Word> = Vec::new();
    let push = |out: &mut Vec<Word>, w: Word| match (out.last_mut(), &w) {
        (Some(Word::Same(a)), Word::Same(b)) => a.push_str(b),
        _ => out.push(w),
    };
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].0 == ChangeTag::Equal {
            push(&mut out, Word::Same(tokens[i].1.to_string()));
            i += 1;
            continue;
        }
        let mut last = i;
        let mut j = i;
        while j < tokens.len() {
            match tokens[j].0 {
                ChangeTag::Equal if tokens[j].1.trim().is_empty() => {}
                ChangeTag::Equal => break,
                _ => last = j,
            }
            j += 1;
        }
        let group = &tokens[i..=last];
        let deleted: String = group
            .iter()
            .filter(|(t, _)| *t != ChangeTag::Insert)
            .map(|(_, v)| *v)
            .collect();
        let added: String = group
            .iter()
            .filter(|(t, _)| *t != ChangeTag::Delete)
            .map(|(_, v)| *v)
            .collect();
        // Keep the spaces around the change that the trimmed pieces lose.
        let ends_with_space = |w: &Vec<Word>| match w.last() {
            Some(Word::Same(t)) => t.ends_with(char::is_whitespace),
            _ => w.is_empty(),
        };
        let lead =
            deleted.starts_with(char::is_whitespace) || added.starts_with(char::is_whitespace);
        if lead && !ends_with_space(&out) {
            push(&mut out, Word::Same(" ".to_string()));
        }
        if !deleted.trim().is_empty() {
            out.push(Word::Deleted(deleted.trim().to_string()));
        }
        if !added.trim().is_empty() {
            out.push(Word::Added(added.trim().to_string()));
        }
        let trail = deleted.ends_with(char::is_whitespace) || added.ends_with(char::is_whitespace);
        let next_is_space = tokens
            .get(last + 1)
            .is_none_or(|(_, v)| v.starts_with(char::is_whitespace));
        if trail && !next_is_space {
            push(&mut out, Word::Same(" ".to_string()));
        }
        i = last + 1;
    }
    out
}

/// A `Reworded` change when the texts differ in more than whitespace.
fn reworded(field: &str, old: &str, new: &str) -> Option<Change> {
    (collapse(old) != collapse(new)).then(|| Change::Reworded {
        field: field.to_string(),
        words: word_diff(old, new),
    })
}

/// A `Field` change when the values differ.
fn field(name: &str, old: impl Into<String>, new: impl Into<String>) -> Option<Change> {
    let none = |s: String| if s.is_empty() { "none".to_string() } else { s };
    let (from, to) = (none(old.into()), none(new.into()));
    (from != to).then(|| Change::Field {
        field: name.to_string(),
        from,
        to,
    })
}

fn or_not_set(value: Option<&str>) -> String {
    value.map_or_else(|| "not set".to_string(), str::to_string)
}

/// The paragraphs of a Markdown body, whitespace collapsed.
fn paragraphs(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in markdown.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(collapse(&current));
                current.clear();
            }
        } else {
            current.push_str(line);
            current.push('\n');
        }
    }
    if !current.is_empty() {
        out.push(collapse(&current));
    }
    out
}

/// A `Body` change when two Markdown bodies differ in more than layout.
fn body(field: &str, old: &Body, new: &Body) -> Option<Change> {
    let (a, b) = (paragraphs(&old.markdown), paragraphs(&new.markdown));
    if a == b {
        return None;
    }
    let mut out = Vec::new();
    for op in similar::capture_diff_slices(Algorithm::Patience, &a, &b) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {}
            DiffTag::Delete => out.extend(a[old_range].iter().cloned().map(Paragraph::Removed)),
            DiffTag::Insert => out.extend(b[new_range].iter().cloned().map(Paragraph::Added)),
            DiffTag::Replace => {
                let (olds, news) = (&a[old_range], &b[new_range]);
                let paired = olds.len().min(news.len());
                for k in 0..paired {
                    if similarity(&olds[k], &news[k]) >= MATCH_THRESHOLD {
                        out.push(Paragraph::Reworded(word_diff(&olds[k], &news[k])));
                    } else {
                        out.push(Paragraph::Removed(olds[k].clone()));
                        out.push(Paragraph::Added(news[k].clone()));
                    }
                }
                out.extend(olds[paired..].iter().cloned().map(Paragraph::Removed));
                out.extend(news[paired..].iter().cloned().map(Paragraph::Added));
            }
        }
    }
    Some(Change::Body {
        field: field.to_string(),
        paragraphs: out,
    })
}

/// Pairs old and new items: by id first, then the rest by the likeness of `text`, best pairs
/// first, above [`MATCH_THRESHOLD`]. Returns the pairs (old index, new index, score when paired
/// by wording), the unpaired old indexes and the unpaired new indexes.
fn pair<T>(
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> String,
    text: impl Fn(&T) -> String,
) -> Pairing {
    let mut pairs = Vec::new();
    let new_by_id: BTreeMap<String, usize> =
        new.iter().enumerate().map(|(i, n)| (id(n), i)).collect();
    let mut new_taken = vec![false; new.len()];
    let mut old_left = Vec::new();
    for (i, o) in old.iter().enumerate() {
        match new_by_id.get(&id(o)) {
            Some(&j) if !new_taken[j] => {
                new_taken[j] = true;
                pairs.push((i, j, None));
            }
            _ => old_left.push(i),
        }
    }
    let new_left: Vec<usize> = (0..new.len()).filter(|j| !new_taken[*j]).collect();
    let mut candidates = Vec::new();
    for &i in &old_left {
        let a = text(&old[i]);
        for &j in &new_left {
            let score = similarity(&a, &text(&new[j]));
            if score >= MATCH_THRESHOLD {
                candidates.push((score, i, j));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut old_done = BTreeSet::new();
    let mut new_done = BTreeSet::new();
    for (score, i, j) in candidates {
        if old_done.contains(&i) || new_done.contains(&j) {
            continue;
        }
        old_done.insert(i);
        new_done.insert(j);
        pairs.push((i, j, Some(score)));
    }
    let removed = old_left
        .into_iter()
        .filter(|i| !old_done.contains(i))
        .collect();
    let added = new_left
        .into_iter()
        .filter(|j| !new_done.contains(j))
        .collect();
    pairs.sort_by_key(|p| p.1);
    Pairing {
        pairs,
        removed,
        added,
    }
}

/// Old and new items paired by [`pair`].
struct Pairing {
    /// (old index, new index, score when paired by wording rather than id).
    pairs: Vec<(usize, usize, Option<f32>)>,
    /// Old items with no partner.
    removed: Vec<usize>,
    /// New items with no partner.
    added: Vec<usize>,
}

/// Every priority of both plans, and how they pair.
struct PriorityPairs<'p> {
    old: Vec<&'p Priority>,
    new: Vec<&'p Priority>,
    pairing: Pairing,
}

/// Of items kept in both lists (given by shared keys, in old and in new order), the ones that
/// changed position relative to the rest: (key, old position, new position), 1-based in the
/// full lists.
fn reordered(
    old_full: &[String],
    new_full: &[String],
    kept: &BTreeSet<String>,
) -> Vec<(String, usize, usize)> {
    let old: Vec<&String> = old_full.iter().filter(|k| kept.contains(*k)).collect();
    let new: Vec<&String> = new_full.iter().filter(|k| kept.contains(*k)).collect();
    let mut moved = BTreeSet::new();
    for op in similar::capture_diff_slices(Algorithm::Patience, &old, &new) {
        let (tag, old_range, _) = op.as_tag_tuple();
        if matches!(tag, DiffTag::Delete | DiffTag::Replace) {
            for k in &old[old_range] {
                moved.insert((*k).clone());
            }
        }
    }
    moved
        .into_iter()
        .filter_map(|k| {
            let from = old_full.iter().position(|x| *x == k)? + 1;
            let to = new_full.iter().position(|x| *x == k)? + 1;
            Some((k, from, to))
        })
        .collect()
}

fn renamed(old_file: &str, new_file: &str) -> Option<Change> {
    (old_file != new_file).then(|| Change::Renamed {
        from: old_file.to_string(),
        to: new_file.to_string(),
    })
}

fn matched(old_id: &str, new_id: &str, score: Option<f32>) -> Option<Matched> {
    (old_id != new_id).then(|| Matched {
        old_id: old_id.to_string(),
        score: score.unwrap_or(1.0),
    })
}

/// Orders a section: kept and added items in new-plan order, removed ones after in old order.
fn section(kind: ItemKind, mut kept: Vec<(usize, ItemDiff)>, removed: Vec<ItemDiff>) -> Section {
    kept.sort_by_key(|(i, _)| *i);
    let mut items: Vec<ItemDiff> = kept.into_iter().map(|(_, d)| d).collect();
    items.extend(removed);
    Section { kind, items }
}

fn figure_text(f: Option<&Figure>, unit: crate::parse::kinds::Unit) -> String {
    match f {
        Some(f) => format!("{} ({})", format_value(f.value, unit), f.period),
        None => "not set".to_string(),
    }
}

/// A series of figures as "period: value" pairs.
fn series_text(
    series: &[crate::parse::kinds::SeriesPoint],
    unit: crate::parse::kinds::Unit,
) -> String {
    if series.is_empty() {
        return "none".to_string();
    }
    series
        .iter()
        .map(|p| {
            let value = p
                .value
                .map_or("no figure".to_string(), |v| format_value(v, unit));
            format!("{}: {value}", p.period)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Breakdown tables as "title (label value, ...)".
fn breakdowns_text(breakdowns: &[crate::parse::kinds::Breakdown]) -> String {
    if breakdowns.is_empty() {
        return "none".to_string();
    }
    breakdowns
        .iter()
        .map(|b| {
            let items = b
                .items
                .iter()
                .map(|i| match b.unit {
                    Some(unit) => format!("{} {}", i.label, format_value(i.value, unit)),
                    None => format!("{} {}", i.label, i.value),
                })
                .collect::<Vec<_>>()
                .join(", ");
            format!("{} ({items})", b.title)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl Context<'_> {
    fn plan_settings(&self) -> Vec<Change> {
        let (a, b) = (&self.old.meta, &self.new.meta);
        let status = |s: PlanStatus| match s {
            PlanStatus::Draft => "draft",
            PlanStatus::Final => "final",
        };
        let social = |m: &crate::plan::PlanMeta| {
            m.contact
                .social
                .iter()
                .map(|s| format!("{} {}", s.service, s.handle))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let national = |m: &crate::plan::PlanMeta| {
            m.national_priorities
                .iter()
                .map(|n| n.title.clone())
                .collect::<Vec<_>>()
                .join("; ")
        };
        let areas = |m: &crate::plan::PlanMeta| {
            m.areas
                .iter()
                .map(|a| a.name.clone())
                .collect::<Vec<_>>()
                .join(", ")
        };
        [
            reworded("title", &a.title, &b.title),
            field(
                "subtitle",
                or_not_set(a.subtitle.as_deref()),
                or_not_set(b.subtitle.as_deref()),
            ),
            field("period", &a.period, &b.period),
            field("plan status", status(a.status), status(b.status)),
            field("area", &a.area, &b.area),
            field("force", &a.force, &b.force),
            field("Commissioner", &a.commissioner, &b.commissioner),
            field("organisation", &a.organisation, &b.organisation),
            field("publication date", &a.published, &b.published),
            field("licence", &a.licence.name, &b.licence.name),
            field("licence address", &a.licence.url, &b.licence.url),
            field(
                "phone",
                or_not_set(a.contact.phone.as_deref()),
                or_not_set(b.contact.phone.as_deref()),
            ),
            field(
                "email",
                or_not_set(a.contact.email.as_deref()),
                or_not_set(b.contact.email.as_deref()),
            ),
            field(
                "postal address",
                a.contact.address.join(", "),
                b.contact.address.join(", "),
            ),
            field("social media", social(a), social(b)),
            field("local policing areas", areas(a), areas(b)),
            field("national policing priorities", national(a), national(b)),
            field("reporting date", &a.reporting_date, &b.reporting_date),
            field(
                "web address",
                or_not_set(a.base_url.as_deref()),
                or_not_set(b.base_url.as_deref()),
            ),
            body("foreword", &a.foreword, &b.foreword),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    fn aims(&self) -> Section {
        let (old, new) = (&self.old.aims, &self.new.aims);
        let Pairing {
            pairs,
            removed,
            added,
        } = pair(
            old,
            new,
            |a| a.id.clone(),
            |a| format!("{} {}", a.title, a.intro.markdown),
        );
        let key = |i: usize, j: usize| (old[i].id.clone(), new[j].id.clone());
        let mut old_order: Vec<String> = old.iter().map(|a| a.id.clone()).collect();
        for &(i, j, _) in &pairs {
            let (o, n) = key(i, j);
            if let Some(slot) = old_order.iter_mut().find(|k| **k == o) {
                *slot = n;
            }
        }
        let new_order: Vec<String> = new.iter().map(|a| a.id.clone()).collect();
        let kept: BTreeSet<String> = pairs.iter().map(|&(_, j, _)| new[j].id.clone()).collect();
        let moves = reordered(&old_order, &new_order, &kept);
        let mut items = Vec::new();
        for (i, j, score) in pairs {
            let (o, n) = (&old[i], &new[j]);
            let mut changes: Vec<Change> = [
                reworded("title", &o.title, &n.title),
                body("introduction", &o.intro, &n.intro),
                renamed(&o.origin.file, &n.origin.file),
            ]
            .into_iter()
            .flatten()
            .collect();
            if let Some((_, from, to)) = moves.iter().find(|(k, _, _)| *k == n.id) {
                changes.push(Change::Reordered {
                    from: *from,
                    to: *to,
                    within: "the aims".to_string(),
                });
            }
            let m = matched(&o.id, &n.id, score);
            if !changes.is_empty() || m.is_some() {
                items.push((
                    j,
                    ItemDiff {
                        kind: ItemKind::Aim,
                        status: Status::Changed,
                        id: n.id.clone(),
                        name: aim_label(self.new, n),
                        place: None,
                        matched: m,
                        changes,
                    },
                ));
            }
        }
        for j in added {
            items.push((j, self.whole_aim(self.new, &new[j], Status::Added)));
        }
        let removed = removed
            .into_iter()
            .map(|i| self.whole_aim(self.old, &old[i], Status::Removed))
            .collect();
        section(ItemKind::Aim, items, removed)
    }

    fn whole_aim(&self, plan: &Plan, aim: &Aim, status: Status) -> ItemDiff {
        ItemDiff {
            kind: ItemKind::Aim,
            status,
            id: aim.id.clone(),
            name: aim_label(plan, aim),
            place: None,
            matched: None,
            changes: Vec::new(),
        }
    }

    /// Old aim id → new aim id, for aims in both plans.
    fn aim_map(&self) -> BTreeMap<String, String> {
        let (old, new) = (&self.old.aims, &self.new.aims);
        let Pairing { pairs, .. } = pair(
            old,
            new,
            |a| a.id.clone(),
            |a| format!("{} {}", a.title, a.intro.markdown),
        );
        pairs
            .into_iter()
            .map(|(i, j, _)| (old[i].id.clone(), new[j].id.clone()))
            .collect()
    }

    fn outcomes(&self) -> Section {
        struct Outcome<'p> {
            aim: &'p Aim,
            text: &'p str,
            /// The outcome's aim (in the new plan's terms) and words.
            key: String,
        }
        fn all<'p>(plan: &'p Plan, aim_id: &dyn Fn(&str) -> String) -> Vec<Outcome<'p>> {
            plan.aims
                .iter()
                .flat_map(|a| {
                    a.outcomes.iter().map(move |t| Outcome {
                        aim: a,
                        text: t,
                        key: format!("{}\u{0}{t}", aim_id(&a.id)),
                    })
                })
                .collect()
        }
        let aim_map = self.aim_map();
        let mapped = |id: &str| {
            aim_map
                .get(id)
                .cloned()
                .unwrap_or_else(|| format!("old:{id}"))
        };
        let old = all(self.old, &mapped);
        let new = all(self.new, &|id: &str| id.to_string());
        let Pairing {
            pairs,
            removed,
            added,
        } = pair(&old, &new, |o| o.key.clone(), |o| o.text.to_string());
        let mut items = Vec::new();
        for aim in &self.new.aims {
            let new_keys: Vec<String> = new
                .iter()
                .enumerate()
                .filter(|(_, o)| o.aim.id == aim.id)
                .map(|(j, _)| j.to_string())
                .collect();
            let old_keys: Vec<String> = old
                .iter()
                .enumerate()
                .filter(|(_, o)| mapped(&o.aim.id) == aim.id)
                .map(|(i, _)| {
                    pairs
                        .iter()
                        .find(|p| p.0 == i)
                        .map_or(format!("old:{i}"), |p| p.1.to_string())
                })
                .collect();
            let kept: BTreeSet<String> = pairs
                .iter()
                .filter(|p| new[p.1].aim.id == aim.id && mapped(&old[p.0].aim.id) == aim.id)
                .map(|p| p.1.to_string())
                .collect();
            for (key, from, to) in reordered(&old_keys, &new_keys, &kept) {
                let j: usize = key.parse().unwrap_or(0);
                items.push((
                    j,
                    Change::Reordered {
                        from,
                        to,
                        within: format!("the outcomes of {}", aim_label(self.new, aim)),
                    },
                ));
            }
        }
        let mut kept_items = Vec::new();
        for (i, j, _) in pairs {
            let (o, n) = (&old[i], &new[j]);
            let mut changes: Vec<Change> = reworded("text", o.text, n.text).into_iter().collect();
            if mapped(&o.aim.id) != n.aim.id {
                changes.push(Change::Moved {
                    from: aim_label(self.old, o.aim),
                    to: aim_label(self.new, n.aim),
                });
            }
            changes.extend(
                items
                    .iter()
                    .filter(|(k, _)| *k == j)
                    .map(|(_, c)| c.clone()),
            );
            if !changes.is_empty() {
                kept_items.push((
                    j,
                    ItemDiff {
                        kind: ItemKind::Outcome,
                        status: Status::Changed,
                        id: String::new(),
                        name: n.text.to_string(),
                        place: Some(aim_label(self.new, n.aim)),
                        matched: None,
                        changes,
                    },
                ));
            }
        }
        let whole = |plan: &Plan, o: &Outcome, status: Status| ItemDiff {
            kind: ItemKind::Outcome,
            status,
            id: String::new(),
            name: o.text.to_string(),
            place: Some(aim_label(plan, o.aim)),
            matched: None,
            changes: Vec::new(),
        };
        for j in added {
            kept_items.push((j, whole(self.new, &new[j], Status::Added)));
        }
        let removed = removed
            .into_iter()
            .map(|i| whole(self.old, &old[i], Status::Removed))
            .collect();
        section(ItemKind::Outcome, kept_items, removed)
    }

    /// Every priority of both plans, paired.
    fn priority_pairs(&self) -> PriorityPairs<'_> {
        let old: Vec<&Priority> = self.old.priorities().collect();
        let new: Vec<&Priority> = self.new.priorities().collect();
        let pairing = pair(
            &old,
            &new,
            |p| p.id.clone(),
            |p| format!("{} {}", p.title, p.body.markdown),
        );
        PriorityPairs { old, new, pairing }
    }

    fn priorities(&self) -> Section {
        let aim_map = self.aim_map();
        let PriorityPairs {
            old,
            new,
            pairing:
                Pairing {
                    pairs,
                    removed,
                    added,
                },
        } = self.priority_pairs();
        let mut items = Vec::new();
        for (i, j, score) in pairs {
            let (o, n) = (old[i], new[j]);
            let mut changes: Vec<Change> = [
                reworded("title", &o.title, &n.title),
                body("text", &o.body, &n.body),
            ]
            .into_iter()
            .flatten()
            .collect();
            for owner in [Owner::Commissioner, Owner::ChiefConstable] {
                let lead = |p: &Priority| {
                    p.groups()
                        .find(|(w, _)| *w == owner)
                        .map(|(_, g)| g.lead.clone())
                };
                if let (Some(a), Some(b)) = (lead(o), lead(n)) {
                    changes.extend(reworded(
                        &format!("words introducing {}", group_label(owner)),
                        &a,
                        &b,
                    ));
                }
            }
            let same_aim = aim_map.get(&o.aim) == Some(&n.aim);
            let (old_aim, new_aim) = (self.old.aim(&o.aim), self.new.aim(&n.aim));
            if !same_aim {
                changes.push(Change::Moved {
                    from: old_aim.map_or(o.aim.clone(), |a| aim_label(self.old, a)),
                    to: new_aim.map_or(n.aim.clone(), |a| aim_label(self.new, a)),
                });
            } else if o.number != n.number {
                changes.push(Change::Reordered {
                    from: o.number as usize,
                    to: n.number as usize,
                    within: new_aim.map_or(n.aim.clone(), |a| aim_label(self.new, a)),
                });
            }
            changes.extend(renamed(&o.origin.file, &n.origin.file));
            let m = matched(&o.id, &n.id, score);
            if !changes.is_empty() || m.is_some() {
                items.push((
                    j,
                    ItemDiff {
                        kind: ItemKind::Priority,
                        status: Status::Changed,
                        id: n.id.clone(),
                        name: priority_label(self.new, n),
                        place: new_aim.map(|a| aim_label(self.new, a)),
                        matched: m,
                        changes,
                    },
                ));
            }
        }
        let whole = |plan: &Plan, p: &Priority, status: Status| ItemDiff {
            kind: ItemKind::Priority,
            status,
            id: p.id.clone(),
            name: priority_label(plan, p),
            place: plan.aim(&p.aim).map(|a| aim_label(plan, a)),
            matched: None,
            changes: Vec::new(),
        };
        for j in added {
            items.push((j, whole(self.new, new[j], Status::Added)));
        }
        let removed = removed
            .into_iter()
            .map(|i| whole(self.old, old[i], Status::Removed))
            .collect();
        section(ItemKind::Priority, items, removed)
    }

    fn commitments(&self) -> Section {
        #[derive(Clone, Copy)]
        struct Item<'p> {
            priority: &'p Priority,
            owner: Owner,
            commitment: &'p Commitment,
        }
        fn all(plan: &Plan) -> Vec<Item<'_>> {
            plan.commitments()
                .map(|(priority, owner, commitment)| Item {
                    priority,
                    owner,
                    commitment,
                })
                .collect()
        }
        let PriorityPairs {
            old: old_p,
            new: new_p,
            pairing: Pairing { pairs: p_pairs, .. },
        } = self.priority_pairs();
        let p_map: BTreeMap<&str, &str> = p_pairs
            .iter()
            .map(|&(i, j, _)| (old_p[i].id.as_str(), new_p[j].id.as_str()))
            .collect();
        let (old, new) = (all(self.old), all(self.new));
        let Pairing {
            pairs,
            removed,
            added,
        } = pair(
            &old,
            &new,
            |c| c.commitment.id.clone(),
            |c| c.commitment.text.clone(),
        );
        // Where an old commitment was, in the new plan's terms: (priority id, owner).
        let old_place = |c: &Item| {
            (
                p_map
                    .get(c.priority.id.as_str())
                    .map_or(format!("old:{}", c.priority.id), |s| s.to_string()),
                c.owner,
            )
        };
        let label = |plan: &Plan, c: &Item| {
            format!(
                "{}, {}",
                priority_label(plan, c.priority),
                group_label(c.owner)
            )
        };
        // Reordering within each group that exists in the new plan.
        let mut moves: BTreeMap<usize, Change> = BTreeMap::new();
        for p in self.new.priorities() {
            for (owner, _) in p.groups() {
                let here = (p.id.clone(), owner);
                let new_keys: Vec<String> = new
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.priority.id == p.id && c.owner == owner)
                    .map(|(j, _)| j.to_string())
                    .collect();
                let old_keys: Vec<String> = old
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| old_place(c) == here)
                    .map(|(i, _)| {
                        pairs
                            .iter()
                            .find(|x| x.0 == i)
                            .map_or(format!("old:{i}"), |x| x.1.to_string())
                    })
                    .collect();
                let kept: BTreeSet<String> = pairs
                    .iter()
                    .filter(|x| {
                        old_place(&old[x.0]) == here
                            && new[x.1].priority.id == p.id
                            && new[x.1].owner == owner
                    })
                    .map(|x| x.1.to_string())
                    .collect();
                for (key, from, to) in reordered(&old_keys, &new_keys, &kept) {
                    moves.insert(
                        key.parse().unwrap_or(0),
                        Change::Reordered {
                            from,
                            to,
                            within: format!(
                                "{} of {}",
                                group_label(owner),
                                priority_label(self.new, p)
                            ),
                        },
                    );
                }
            }
        }
        let status = |c: &Commitment| c.status.map_or("not set", |s| s.label()).to_string();
        let due = |c: &Commitment| c.due.as_deref().map_or("not set".to_string(), human_due);
        let evidence = |c: &Commitment| {
            if c.evidence.is_empty() {
                "none".to_string()
            } else {
                c.evidence
                    .iter()
                    .map(|e| format!("{} ({})", e.title, e.url))
                    .collect::<Vec<_>>()
                    .join("; ")
            }
        };
        let mut items = Vec::new();
        for (i, j, score) in pairs {
            let (o, n) = (old[i], new[j]);
            let (oc, nc) = (o.commitment, n.commitment);
            let mut changes: Vec<Change> =
                reworded("text", &oc.text, &nc.text).into_iter().collect();
            if old_place(&o) != (n.priority.id.clone(), n.owner) {
                changes.push(Change::Moved {
                    from: label(self.old, &o),
                    to: label(self.new, &n),
                });
            }
            changes.extend(moves.remove(&j));
            changes.extend(
                [
                    field("status", status(oc), status(nc)),
                    field("due date", due(oc), due(nc)),
                    field(
                        "delivered by",
                        or_not_set(oc.owner.as_deref()),
                        or_not_set(nc.owner.as_deref()),
                    ),
                    field("evidence", evidence(oc), evidence(nc)),
                ]
                .into_iter()
                .flatten(),
            );
            let m = matched(&oc.id, &nc.id, score);
            if !changes.is_empty() || m.is_some() {
                items.push((
                    j,
                    ItemDiff {
                        kind: ItemKind::Commitment,
                        status: Status::Changed,
                        id: nc.id.clone(),
                        name: nc.text.clone(),
                        place: Some(label(self.new, &n)),
                        matched: m,
                        changes,
                    },
                ));
            }
        }
        let whole = |plan: &Plan, c: &Item, status: Status| ItemDiff {
            kind: ItemKind::Commitment,
            status,
            id: c.commitment.id.clone(),
            name: c.commitment.text.clone(),
            place: Some(label(plan, c)),
            matched: None,
            changes: Vec::new(),
        };
        for j in added {
            items.push((j, whole(self.new, &new[j], Status::Added)));
        }
        let removed = removed
            .into_iter()
            .map(|i| whole(self.old, &old[i], Status::Removed))
            .collect();
        section(ItemKind::Commitment, items, removed)
    }

    fn statements(&self) -> Section {
        let (old, new) = (&self.old.statements, &self.new.statements);
        let Pairing {
            pairs,
            removed,
            added,
        } = pair(old, new, |s| s.id.clone(), |s| s.measure.clone());
        let mut items = Vec::new();
        for (i, j, score) in pairs {
            let (o, n) = (&old[i], &new[j]);
            let mut changes: Vec<Change> = [
                reworded("measure", &o.measure, &n.measure),
                field(
                    "unit",
                    format!("{:?}", o.unit).to_lowercase(),
                    format!("{:?}", n.unit).to_lowercase(),
                ),
                field(
                    "better",
                    format!("{:?}", o.better).to_lowercase(),
                    format!("{:?}", n.better).to_lowercase(),
                ),
                field("target", &o.target.text, &n.target.text),
                field(
                    "target figure",
                    o.target
                        .value
                        .map_or("not set".into(), |v| format_value(v, o.unit)),
                    n.target
                        .value
                        .map_or("not set".into(), |v| format_value(v, n.unit)),
                ),
                field(
                    "latest figure",
                    figure_text(o.latest.as_ref(), o.unit),
                    figure_text(n.latest.as_ref(), n.unit),
                ),
                field(
                    "previous figure",
                    figure_text(o.previous.as_ref(), o.unit),
                    figure_text(n.previous.as_ref(), n.unit),
                ),
                field(
                    "baseline figure",
                    figure_text(o.baseline.as_ref(), o.unit),
                    figure_text(n.baseline.as_ref(), n.unit),
                ),
                field(
                    "figures over time",
                    series_text(&o.series, o.unit),
                    series_text(&n.series, n.unit),
                ),
                field(
                    "breakdowns",
                    breakdowns_text(&o.breakdowns),
                    breakdowns_text(&n.breakdowns),
                ),
            ]
            .into_iter()
            .flatten()
            .collect();
            let mut area_ids: Vec<&str> = o.areas.iter().map(|a| a.area.as_str()).collect();
            for a in &n.areas {
                if !area_ids.contains(&a.area.as_str()) {
                    area_ids.push(&a.area);
                }
            }
            for area in area_ids {
                let value = |s: &Statement| {
                    s.areas
                        .iter()
                        .find(|a| a.area == area)
                        .map_or("not set".to_string(), |a| format_value(a.value, s.unit))
                };
                changes.extend(field(
                    &format!("figure for {}", self.new.area_name(area)),
                    value(o),
                    value(n),
                ));
            }
            changes.extend(
                [
                    field(
                        "priorities evidenced",
                        o.priorities.join(", "),
                        n.priorities.join(", "),
                    ),
                    field(
                        "national priorities evidenced",
                        o.national_priorities.join(", "),
                        n.national_priorities.join(", "),
                    ),
                    field(
                        "headline",
                        or_not_set(o.lead.as_deref()),
                        or_not_set(n.lead.as_deref()),
                    ),
                    field(
                        "data source",
                        or_not_set(o.data_source.as_deref()),
                        or_not_set(n.data_source.as_deref()),
                    ),
                    field("source", &o.source, &n.source),
                    body("key points", &o.body, &n.body),
                    renamed(&o.origin.file, &n.origin.file),
                ]
                .into_iter()
                .flatten(),
            );
            let m = matched(&o.id, &n.id, score);
            if !changes.is_empty() || m.is_some() {
                items.push((
                    j,
                    ItemDiff {
                        kind: ItemKind::Statement,
                        status: Status::Changed,
                        id: n.id.clone(),
                        name: n.measure.clone(),
                        place: None,
                        matched: m,
                        changes,
                    },
                ));
            }
        }
        let whole = |s: &Statement, status: Status| ItemDiff {
            kind: ItemKind::Statement,
            status,
            id: s.id.clone(),
            name: s.measure.clone(),
            place: None,
            matched: None,
            changes: Vec::new(),
        };
        for j in added {
            items.push((j, whole(&new[j], Status::Added)));
        }
        let removed = removed
            .into_iter()
            .map(|i| whole(&old[i], Status::Removed))
            .collect();
        section(ItemKind::Statement, items, removed)
    }

    fn glossary(&self) -> Section {
        let (old, new) = (&self.old.glossary, &self.new.glossary);
        let Pairing {
            pairs,
            removed,
            added,
        } = pair(
            old,
            new,
            |t| t.id.clone(),
            |t| format!("{} {}", t.term, t.definition.markdown),
        );
        let mut items = Vec::new();
        for (i, j, score) in pairs {
            let (o, n) = (&old[i], &new[j]);
            let changes: Vec<Change> = [
                reworded("term", &o.term, &n.term),
                field(
                    "abbreviations",
                    if o.abbreviations.is_empty() {
                        "none".into()
                    } else {
                        o.abbreviations.join(", ")
                    },
                    if n.abbreviations.is_empty() {
                        "none".into()
                    } else {
                        n.abbreviations.join(", ")
                    },
                ),
                body("definition", &o.definition, &n.definition),
                renamed(&o.origin.file, &n.origin.file),
            ]
            .into_iter()
            .flatten()
            .collect();
            let m = matched(&o.id, &n.id, score);
            if !changes.is_empty() || m.is_some() {
                items.push((
                    j,
                    ItemDiff {
                        kind: ItemKind::GlossaryTerm,
                        status: Status::Changed,
                        id: n.id.clone(),
                        name: n.term.clone(),
                        place: None,
                        matched: m,
                        changes,
                    },
                ));
            }
        }
        let whole = |t: &crate::plan::GlossaryTerm, status: Status| ItemDiff {
            kind: ItemKind::GlossaryTerm,
            status,
            id: t.id.clone(),
            name: t.term.clone(),
            place: None,
            matched: None,
            changes: Vec::new(),
        };
        for j in added {
            items.push((j, whole(&new[j], Status::Added)));
        }
        let removed = removed
            .into_iter()
            .map(|i| whole(&old[i], Status::Removed))
            .collect();
        section(ItemKind::GlossaryTerm, items, removed)
    }

    fn pages(&self) -> Section {
        let (old, new) = (&self.old.pages, &self.new.pages);
        let Pairing {
            pairs,
            removed,
            added,
        } = pair(
            old,
            new,
            |p| p.id.clone(),
            |p| format!("{} {}", p.title, p.body.markdown),
        );
        let mut items = Vec::new();
        for (i, j, score) in pairs {
            let (o, n) = (&old[i], &new[j]);
            let order = |v: Option<u32>| v.map_or("not set".to_string(), |v| v.to_string());
            let changes: Vec<Change> = [
                reworded("title", &o.title, &n.title),
                field("position in the navigation", order(o.order), order(n.order)),
                body("text", &o.body, &n.body),
                renamed(&o.origin.file, &n.origin.file),
            ]
            .into_iter()
            .flatten()
            .collect();
            let m = matched(&o.id, &n.id, score);
            if !changes.is_empty() || m.is_some() {
                items.push((
                    j,
                    ItemDiff {
                        kind: ItemKind::Page,
                        status: Status::Changed,
                        id: n.id.clone(),
                        name: n.title.clone(),
                        place: None,
                        matched: m,
                        changes,
                    },
                ));
            }
        }
        let whole = |p: &crate::plan::Page, status: Status| ItemDiff {
            kind: ItemKind::Page,
            status,
            id: p.id.clone(),
            name: p.title.clone(),
            place: None,
            matched: None,
            changes: Vec::new(),
        };
        for j in added {
            items.push((j, whole(&new[j], Status::Added)));
        }
        let removed = removed
            .into_iter()
            .map(|i| whole(&old[i], Status::Removed))
            .collect();
        section(ItemKind::Page, items, removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(words: &[Word]) -> String {
        words
            .iter()
            .map(|w| match w {
                Word::Same(t) => t.clone(),
                Word::Deleted(t) => format!("[-{t}-]"),
                Word::Added(t) => format!("{{+{t}+}}"),
            })
            .collect::<Vec<_>>()
            .join("")
    }

    #[test]
    fn rewording_is_shown_as_whole_phrases() {
        let w = word_diff(
            "Ensure compliance from my office and West Mercia Police.",
            "Ensure full compliance from the OPCC and West Mercia Police.",
        );
        assert_eq!(
            show(&w),
            "Ensure {+full+} compliance from [-my office-]{+the OPCC+} and West Mercia Police."
        );
    }

    #[test]
    fn moved_items_are_found_by_sequence_not_by_index() {
        let k = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let kept: BTreeSet<String> = ["a", "b", "c", "d"].iter().map(|s| s.to_string()).collect();
        // "x" was inserted at the front: nothing moved.
        assert!(reordered(
            &k(&["a", "b", "c", "d"]),
            &k(&["x", "a", "b", "c", "d"]),
            &kept
        )
        .is_empty());
        // "d" was moved to the front.
        assert_eq!(
            reordered(&k(&["a", "b", "c", "d"]), &k(&["d", "a", "b", "c"]), &kept),
            vec![("d".to_string(), 4, 1)]
        );
    }

    #[test]
    fn items_with_new_ids_are_paired_by_their_words() {
        let old = [
            "alpha: protect victims of crime",
            "beta: something else entirely",
        ];
        let new = [
            "gamma: protect all victims of crime",
            "delta: unrelated words here",
        ];
        let Pairing {
            pairs,
            removed,
            added,
        } = pair(
            &old,
            &new,
            |s| s.split(':').next().unwrap().to_string(),
            |s| s.split(':').nth(1).unwrap().to_string(),
        );
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].0, pairs[0].1), (0, 0));
        assert!(pairs[0].2.unwrap() > 0.7);
        assert_eq!((removed, added), (vec![1], vec![1]));
    }
}
