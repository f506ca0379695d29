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
//! Reports on reporting periods are compared too, statement by statement and figure by
//! figure. A figure that changed in a report the old version had already published is a
//! [`Change::Revised`]: the figure was revised after publication, which readers of the
//! published report need told as such, not as new data.
//!
//! The result is plain data; [`crate::render::changes`] and [`crate::export::diff_report`]
//! write it for people.

mod items;
mod text;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use similar::{Algorithm, DiffTag};

use crate::plan::{Levels, Plan};
use crate::words::capitalised;
pub use items::priority_label;
use items::Context;
pub use text::{similarity, word_diff};

/// How alike two texts must be (0 to 1, by words) for items with different ids to be taken as
/// one item reworded, rather than one removed and another added.
pub const MATCH_THRESHOLD: f32 = 0.5;

/// Everything that changed between two plans.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PlanDiff {
    /// The words for the levels of the new plan, which the report names aims and priorities
    /// by.
    pub levels: Levels,
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
    /// A report on one reporting period.
    Report,
    /// A glossary term.
    GlossaryTerm,
    /// Any other page.
    Page,
    /// An image the text shows.
    Image,
}

impl ItemKind {
    /// Every kind, in report order.
    pub const ALL: [ItemKind; 9] = [
        ItemKind::Aim,
        ItemKind::Outcome,
        ItemKind::Priority,
        ItemKind::Commitment,
        ItemKind::Statement,
        ItemKind::Report,
        ItemKind::GlossaryTerm,
        ItemKind::Page,
        ItemKind::Image,
    ];

    /// A stable name for the kind, for anchors and data: "aims", "priorities".
    pub fn id(self) -> &'static str {
        match self {
            ItemKind::Aim => "aims",
            ItemKind::Outcome => "outcomes",
            ItemKind::Priority => "priorities",
            ItemKind::Commitment => "commitments",
            ItemKind::Statement => "performance-statements",
            ItemKind::Report => "reports",
            ItemKind::GlossaryTerm => "glossary-terms",
            ItemKind::Page => "pages",
            ItemKind::Image => "images",
        }
    }

    /// "commitment"; aims and priorities in the plan's own words (`levels`).
    pub fn singular(self, levels: &Levels) -> String {
        match self {
            ItemKind::Aim => levels.aim.singular.clone(),
            ItemKind::Outcome => "outcome".into(),
            ItemKind::Priority => levels.priority.singular.clone(),
            ItemKind::Commitment => "commitment".into(),
            ItemKind::Statement => "performance statement".into(),
            ItemKind::Report => "report".into(),
            ItemKind::GlossaryTerm => "glossary term".into(),
            ItemKind::Page => "page".into(),
            ItemKind::Image => "image".into(),
        }
    }

    /// "commitments"; aims and priorities in the plan's own words.
    pub fn plural(self, levels: &Levels) -> String {
        match self {
            ItemKind::Aim => levels.aim.plural.clone(),
            ItemKind::Outcome => "outcomes".into(),
            ItemKind::Priority => levels.priority.plural.clone(),
            ItemKind::Commitment => "commitments".into(),
            ItemKind::Statement => "performance statements".into(),
            ItemKind::Report => "reports".into(),
            ItemKind::GlossaryTerm => "glossary terms".into(),
            ItemKind::Page => "pages".into(),
            ItemKind::Image => "images".into(),
        }
    }

    /// "Commitments", for headings; aims and priorities in the plan's own words.
    pub fn heading(self, levels: &Levels) -> String {
        capitalised(&self.plural(levels))
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
    /// The key of the words in the word tables ([`crate::words::Words`]).
    pub fn key(self) -> &'static str {
        match self {
            Status::Added => "change-added",
            Status::Removed => "change-removed",
            Status::Changed => "change-changed",
        }
    }

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
            || self.changes.iter().any(|c| {
                matches!(
                    c,
                    Change::Field { .. } | Change::Renamed { .. } | Change::Revised { .. }
                )
            })
    }

    /// How many of its figures were revised after their report was published.
    pub fn revisions(&self) -> usize {
        self.changes
            .iter()
            .filter(|c| matches!(c, Change::Revised { .. }))
            .count()
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
    /// A figure of a report the old version had published, changed since: revised after
    /// publication.
    Revised {
        /// Whose figure: the statement's measure.
        statement: String,
        /// Which figure ("latest figure", "figure for April 2021").
        field: String,
        /// As published.
        from: String,
        /// As revised.
        to: String,
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
        let ctx = Context::new(old, new);
        let mut sections = vec![
            ctx.aims(),
            ctx.outcomes(),
            ctx.priorities(),
            ctx.commitments(),
            ctx.statements(),
        ];
        // Plans that keep their figures in their statements have no reports to compare, and
        // their comparisons no section for them.
        if !old.reports.is_empty() || !new.reports.is_empty() {
            sections.push(ctx.reports());
        }
        sections.extend([ctx.glossary(), ctx.pages()]);
        // Images have a section only when either plan shows any: most plans have none, and a
        // row of noughts for them would say nothing.
        if !crate::plan::images::uses(old).is_empty() || !crate::plan::images::uses(new).is_empty()
        {
            sections.push(ctx.images());
        }
        PlanDiff {
            levels: new.meta.levels.clone(),
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
}

/// One kind of item two plans are compared by (aims, outcomes, priorities, commitments,
/// statements, glossary terms, pages): what [`compare`] needs to pair them and to say what
/// changed.
trait Item {
    /// Which kind of item.
    const KIND: ItemKind;

    /// What items are paired by first: their id, in the new plan's terms.
    fn key(&self) -> String;

    /// What items are paired by when their keys differ: their words.
    fn words(&self) -> String;

    /// The id shown for the item (empty for items without one).
    fn id(&self) -> String;

    /// How readers know the item in `plan`: a title, a term, a commitment's words.
    fn name(&self, plan: &Plan) -> String;

    /// Where the item is in `plan`, when that is part of how readers find it.
    fn place(&self, _plan: &Plan) -> Option<String> {
        None
    }

    /// What changed from `old` to `new`; `moved` holds the changes of position the list as
    /// a whole showed for it, for the kind to place among its other changes.
    fn changes(ctx: &Context, old: &Self, new: &Self, moved: Vec<Change>) -> Vec<Change>;
}

/// Compares one kind of item: `old` and `new` paired as `pairing` says, `moved` giving each
/// new item's changes of position (by its index in `new`). Kept items that changed and added
/// items come in the new plan's order, removed ones after in the old plan's.
fn compare<T: Item>(
    ctx: &Context,
    old: &[T],
    new: &[T],
    pairing: Pairing,
    mut moved: BTreeMap<usize, Vec<Change>>,
) -> Section {
    let whole = |plan: &Plan, item: &T, status: Status| ItemDiff {
        kind: T::KIND,
        status,
        id: item.id(),
        name: item.name(plan),
        place: item.place(plan),
        matched: None,
        changes: Vec::new(),
    };
    let mut items = Vec::new();
    for (i, j, score) in pairing.pairs {
        let (o, n) = (&old[i], &new[j]);
        let changes = T::changes(ctx, o, n, moved.remove(&j).unwrap_or_default());
        let matched = matched(&o.id(), &n.id(), score);
        if !changes.is_empty() || matched.is_some() {
            items.push((
                j,
                ItemDiff {
                    matched,
                    changes,
                    ..whole(ctx.new, n, Status::Changed)
                },
            ));
        }
    }
    for j in pairing.added {
        items.push((j, whole(ctx.new, &new[j], Status::Added)));
    }
    let removed = pairing
        .removed
        .into_iter()
        .map(|i| whole(ctx.old, &old[i], Status::Removed))
        .collect();
    section(T::KIND, items, removed)
}

/// Pairs two lists of items by [`Item::key`], then by [`Item::words`].
fn pair_items<T: Item>(old: &[T], new: &[T]) -> Pairing {
    pair(old, new, T::key, T::words)
}

/// Pairs old and new items: by id first, then the rest by the likeness of `text`, best pairs
/// first, above [`MATCH_THRESHOLD`]. Returns the pairs (old index, new index, score when paired
/// by wording), the unpaired old indexes and the unpaired new indexes.
fn pair<T: ?Sized, I: std::borrow::Borrow<T>>(
    old: &[I],
    new: &[I],
    id: impl Fn(&T) -> String,
    text: impl Fn(&T) -> String,
) -> Pairing {
    let mut pairs = Vec::new();
    let new_by_id: BTreeMap<String, usize> = new
        .iter()
        .enumerate()
        .map(|(i, n)| (id(n.borrow()), i))
        .collect();
    let mut new_taken = vec![false; new.len()];
    let mut old_left = Vec::new();
    for (i, o) in old.iter().enumerate() {
        match new_by_id.get(&id(o.borrow())) {
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
        let a = text(old[i].borrow());
        for &j in &new_left {
            let score = similarity(&a, &text(new[j].borrow()));
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
pub(super) struct Pairing {
    /// (old index, new index, score when paired by wording rather than id).
    pub(super) pairs: Vec<(usize, usize, Option<f32>)>,
    /// Old items with no partner.
    pub(super) removed: Vec<usize>,
    /// New items with no partner.
    pub(super) added: Vec<usize>,
}

/// Of items kept in both lists (given by shared keys, in old and in new order), the ones that
/// changed position relative to the rest: (key, old position, new position), 1-based in the
/// full lists.
pub(super) fn reordered(
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

pub(super) fn renamed(old_file: &str, new_file: &str) -> Option<Change> {
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
            "Ensure compliance from my office and Northshire Police.",
            "Ensure full compliance from the OPCC and Northshire Police.",
        );
        assert_eq!(
            show(&w),
            "Ensure {+full+} compliance from [-my office-]{+the OPCC+} and Northshire Police."
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
            |s: &str| s.split(':').next().unwrap().to_string(),
            |s: &str| s.split(':').nth(1).unwrap().to_string(),
        );
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].0, pairs[0].1), (0, 0));
        assert!(pairs[0].2.unwrap() > 0.7);
        assert_eq!((removed, added), (vec![1], vec![1]));
    }
}
