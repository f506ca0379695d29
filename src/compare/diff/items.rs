//! The kinds of item two plans are compared by, each an [`Item`]: how items of the kind are
//! paired, named and placed, and what counts as a change to one. The plan's own settings are
//! compared field by field ([`Context::plan_settings`]).

use std::collections::{BTreeMap, BTreeSet};

use super::text::{
    body, breakdown_item_text, breakdowns_text, change_text, field, figure_text, limits_text,
    or_not_set, reworded, series_text,
};
use super::{compare, pair_items, renamed, reordered, Change, Item, ItemKind, Section};
use crate::parse::kinds::PlanStatus;
use crate::parse::kinds::Unit;
use crate::plan::{
    Aim, Commitment, Figures, GlossaryTerm, Page, Plan, PlanMeta, Priority, Report, Statement,
};
use crate::words::{format_value, human_due};

/// The two plans being compared, and how their aims and priorities pair (which the items
/// inside them are placed by).
pub(super) struct Context<'a> {
    pub(super) old: &'a Plan,
    pub(super) new: &'a Plan,
    /// Old aim id → new aim id, for aims in both plans.
    aim_map: BTreeMap<String, String>,
    /// Old priority id → new priority id, for priorities in both plans.
    priority_map: BTreeMap<String, String>,
}

impl<'a> Context<'a> {
    pub(super) fn new(old: &'a Plan, new: &'a Plan) -> Self {
        let ids = |pairing: super::Pairing, old: Vec<String>, new: Vec<String>| {
            pairing
                .pairs
                .into_iter()
                .map(|(i, j, _)| (old[i].clone(), new[j].clone()))
                .collect()
        };
        let (old_aims, new_aims) = (aims(old), aims(new));
        let aim_map = ids(
            pair_items(&old_aims, &new_aims),
            old_aims.iter().map(|a| a.0.id.clone()).collect(),
            new_aims.iter().map(|a| a.0.id.clone()).collect(),
        );
        let (old_ps, new_ps) = (priorities(old), priorities(new));
        let priority_map = ids(
            pair_items(&old_ps, &new_ps),
            old.priorities().map(|p| p.id.clone()).collect(),
            new.priorities().map(|p| p.id.clone()).collect(),
        );
        Context {
            old,
            new,
            aim_map,
            priority_map,
        }
    }

    /// An old aim's id in the new plan's terms.
    fn new_aim_id(&self, old_id: &str) -> String {
        self.aim_map
            .get(old_id)
            .cloned()
            .unwrap_or_else(|| format!("old:{old_id}"))
    }

    pub(super) fn plan_settings(&self) -> Vec<Change> {
        let (a, b) = (&self.old.meta, &self.new.meta);
        let status = |s: PlanStatus| match s {
            PlanStatus::Draft => "draft",
            PlanStatus::Final => "final",
        };
        let social = |m: &PlanMeta| {
            m.contact
                .social
                .iter()
                .map(|s| format!("{} {}", s.service, s.handle))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let national = |m: &PlanMeta| {
            m.national_priorities
                .iter()
                .map(|n| n.title.clone())
                .collect::<Vec<_>>()
                .join("; ")
        };
        let noun = |n: &crate::words::Noun| format!("{} ({})", n.singular, n.plural);
        let parties = |m: &PlanMeta| {
            m.parties
                .iter()
                .filter(|p| !p.built_in)
                .map(|p| format!("{}: {}, \"{}\"", p.name, p.heading, p.lead))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let brand = |m: &PlanMeta| {
            let b = &m.brand;
            let parts: Vec<String> = [
                ("primary", b.primary),
                ("accent", b.accent),
                ("header text", b.header_text),
            ]
            .into_iter()
            .filter_map(|(name, c)| Some(format!("{name} {}", c?.hex())))
            .collect();
            or_not_set(Some(parts.join(", ").as_str()).filter(|p| !p.is_empty()))
        };
        let areas = |m: &PlanMeta| {
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
                "words for the aims",
                noun(&a.levels.aim),
                noun(&b.levels.aim),
            ),
            field(
                "words for the priorities",
                noun(&a.levels.priority),
                noun(&b.levels.priority),
            ),
            field(
                "other parties that make commitments",
                or_not_set(Some(parties(a).as_str()).filter(|p| !p.is_empty())),
                or_not_set(Some(parties(b).as_str()).filter(|p| !p.is_empty())),
            ),
            field(
                "web address",
                or_not_set(a.base_url.as_deref()),
                or_not_set(b.base_url.as_deref()),
            ),
            field("brand colours", brand(a), brand(b)),
            body("foreword", &a.foreword, &b.foreword),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    pub(super) fn aims(&self) -> Section {
        let (old, new) = (aims(self.old), aims(self.new));
        let pairing = pair_items(&old, &new);
        // Where each aim is in each plan's list, by its id in the new plan's terms.
        let mut old_order: Vec<String> = old.iter().map(|a| a.0.id.clone()).collect();
        for &(i, j, _) in &pairing.pairs {
            if let Some(slot) = old_order.iter_mut().find(|k| **k == old[i].0.id) {
                *slot = new[j].0.id.clone();
            }
        }
        let new_order: Vec<String> = new.iter().map(|a| a.0.id.clone()).collect();
        let kept: BTreeSet<String> = pairing
            .pairs
            .iter()
            .map(|&(_, j, _)| new[j].0.id.clone())
            .collect();
        let mut moved: BTreeMap<usize, Vec<Change>> = BTreeMap::new();
        for (id, from, to) in reordered(&old_order, &new_order, &kept) {
            if let Some(j) = new.iter().position(|a| a.0.id == id) {
                moved.entry(j).or_default().push(Change::Reordered {
                    from,
                    to,
                    within: "the aims".to_string(),
                });
            }
        }
        compare(self, &old, &new, pairing, moved)
    }

    pub(super) fn outcomes(&self) -> Section {
        let old: Vec<Outcome> = self
            .old
            .aims
            .iter()
            .flat_map(|a| {
                let aim = self.new_aim_id(&a.id);
                a.outcomes.iter().map(move |t| Outcome::new(a, t, &aim))
            })
            .collect();
        let new: Vec<Outcome> = self
            .new
            .aims
            .iter()
            .flat_map(|a| a.outcomes.iter().map(move |t| Outcome::new(a, t, &a.id)))
            .collect();
        let pairing = pair_items(&old, &new);
        let mut moved: BTreeMap<usize, Vec<Change>> = BTreeMap::new();
        for aim in &self.new.aims {
            let new_keys: Vec<String> = (0..new.len())
                .filter(|&j| new[j].aim.id == aim.id)
                .map(|j| j.to_string())
                .collect();
            let old_keys: Vec<String> = (0..old.len())
                .filter(|&i| old[i].new_aim == aim.id)
                .map(|i| {
                    pairing
                        .pairs
                        .iter()
                        .find(|p| p.0 == i)
                        .map_or(format!("old:{i}"), |p| p.1.to_string())
                })
                .collect();
            let kept: BTreeSet<String> = pairing
                .pairs
                .iter()
                .filter(|p| new[p.1].aim.id == aim.id && old[p.0].new_aim == aim.id)
                .map(|p| p.1.to_string())
                .collect();
            for (key, from, to) in reordered(&old_keys, &new_keys, &kept) {
                moved
                    .entry(key.parse().unwrap_or(0))
                    .or_default()
                    .push(Change::Reordered {
                        from,
                        to,
                        within: format!("the outcomes of {}", aim_label(self.new, aim)),
                    });
            }
        }
        compare(self, &old, &new, pairing, moved)
    }

    pub(super) fn priorities(&self) -> Section {
        let (old, new) = (priorities(self.old), priorities(self.new));
        let pairing = pair_items(&old, &new);
        compare(self, &old, &new, pairing, BTreeMap::new())
    }

    pub(super) fn commitments(&self) -> Section {
        let all = |plan: &'a Plan, in_new: bool| -> Vec<CommitmentItem<'a>> {
            plan.commitments()
                .map(|(priority, owner, commitment)| CommitmentItem {
                    priority,
                    owner,
                    commitment,
                    new_priority: match in_new {
                        true => priority.id.clone(),
                        false => self
                            .priority_map
                            .get(&priority.id)
                            .cloned()
                            .unwrap_or_else(|| format!("old:{}", priority.id)),
                    },
                })
                .collect()
        };
        let (old, new) = (all(self.old, false), all(self.new, true));
        let pairing = pair_items(&old, &new);
        // Reordering within each group that exists in the new plan.
        let mut moved: BTreeMap<usize, Vec<Change>> = BTreeMap::new();
        for p in self.new.priorities() {
            for group in &p.groups {
                let owner = group.party.as_str();
                let here = |c: &CommitmentItem| c.new_priority == p.id && c.owner == owner;
                let new_keys: Vec<String> = (0..new.len())
                    .filter(|&j| here(&new[j]))
                    .map(|j| j.to_string())
                    .collect();
                let old_keys: Vec<String> = (0..old.len())
                    .filter(|&i| here(&old[i]))
                    .map(|i| {
                        pairing
                            .pairs
                            .iter()
                            .find(|x| x.0 == i)
                            .map_or(format!("old:{i}"), |x| x.1.to_string())
                    })
                    .collect();
                let kept: BTreeSet<String> = pairing
                    .pairs
                    .iter()
                    .filter(|x| here(&old[x.0]) && here(&new[x.1]))
                    .map(|x| x.1.to_string())
                    .collect();
                for (key, from, to) in reordered(&old_keys, &new_keys, &kept) {
                    moved.insert(
                        key.parse().unwrap_or(0),
                        vec![Change::Reordered {
                            from,
                            to,
                            within: format!(
                                "{} of {}",
                                group_label(self.new, owner),
                                priority_label(self.new, p)
                            ),
                        }],
                    );
                }
            }
        }
        compare(self, &old, &new, pairing, moved)
    }

    pub(super) fn statements(&self) -> Section {
        let (old, new) = (&self.old.statements, &self.new.statements);
        compare(self, old, new, pair_items(old, new), BTreeMap::new())
    }

    pub(super) fn reports(&self) -> Section {
        let (old, new) = (&self.old.reports, &self.new.reports);
        compare(self, old, new, pair_items(old, new), BTreeMap::new())
    }

    pub(super) fn glossary(&self) -> Section {
        let (old, new) = (&self.old.glossary, &self.new.glossary);
        compare(self, old, new, pair_items(old, new), BTreeMap::new())
    }

    pub(super) fn pages(&self) -> Section {
        let (old, new) = (&self.old.pages, &self.new.pages);
        compare(self, old, new, pair_items(old, new), BTreeMap::new())
    }

    pub(super) fn images(&self) -> Section {
        let (old, new) = (images(self.old), images(self.new));
        compare(self, &old, &new, pair_items(&old, &new), BTreeMap::new())
    }
}

/// An image the text shows, as compared: by its path in the content folder, its content
/// (a hash of it) and the words that stand for it where it is used.
struct ImageItem {
    source: String,
    sha256: Option<String>,
    alts: Vec<String>,
}

/// The images a plan's text shows, in the order of their paths.
fn images(plan: &Plan) -> Vec<ImageItem> {
    let mut out: Vec<ImageItem> = Vec::new();
    for u in crate::plan::images::uses(plan) {
        let alt = if u.decorative {
            "(decoration)".to_string()
        } else {
            u.alt
        };
        match out.iter_mut().find(|i| i.source == u.image) {
            Some(item) => {
                if !item.alts.contains(&alt) {
                    item.alts.push(alt);
                }
            }
            None => out.push(ImageItem {
                sha256: plan.images.get(&u.image).map(|i| i.sha256.clone()),
                source: u.image,
                alts: vec![alt],
            }),
        }
    }
    out.sort_by(|a, b| a.source.cmp(&b.source));
    out
}

impl Item for ImageItem {
    const KIND: ItemKind = ItemKind::Image;

    fn key(&self) -> String {
        self.source.clone()
    }

    fn words(&self) -> String {
        self.alts.join(" ")
    }

    fn id(&self) -> String {
        self.source.clone()
    }

    fn name(&self, _: &Plan) -> String {
        format!("{} ({})", self.source, self.alts.join("; "))
    }

    fn changes(_: &Context, o: &Self, n: &Self, _moved: Vec<Change>) -> Vec<Change> {
        let picture = (o.sha256 != n.sha256).then(|| Change::Field {
            field: "picture".to_string(),
            from: format!(
                "the file as it was ({})",
                o.sha256.as_deref().unwrap_or("unreadable")
            ),
            to: format!(
                "a changed file ({})",
                n.sha256.as_deref().unwrap_or("unreadable")
            ),
        });
        [
            picture,
            reworded("description", &o.alts.join("; "), &n.alts.join("; ")),
            (o.source != n.source).then(|| Change::Renamed {
                from: o.source.clone(),
                to: n.source.clone(),
            }),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// "Priority 1.2: Title", numbering priorities by their aim's position and their number (or
/// by their number alone in a plan without aims), in the plan's words.
pub fn priority_label(plan: &Plan, p: &Priority) -> String {
    plan.priority_label(p)
}

/// "Aim 1: Title", in the plan's words; the priorities of a plan without aims are simply
/// "Priorities".
fn aim_label(plan: &Plan, aim: &Aim) -> String {
    match aim.implicit {
        true => aim.title.clone(),
        false => plan.aim_label(aim),
    }
}

/// "the Commissioner's commitments": the heading over a party's commitments.
fn group_label(plan: &Plan, party: &str) -> String {
    plan.party(party).heading_in_sentence()
}

/// An aim of a plan, as compared.
struct AimItem<'p>(&'p Aim);

/// The aims readers see: none in a plan without aims.
fn aims(plan: &Plan) -> Vec<AimItem<'_>> {
    plan.aims
        .iter()
        .filter(|a| !a.implicit)
        .map(AimItem)
        .collect()
}

impl Item for AimItem<'_> {
    const KIND: ItemKind = ItemKind::Aim;

    fn key(&self) -> String {
        self.0.id.clone()
    }

    fn words(&self) -> String {
        format!("{} {}", self.0.title, self.0.intro.markdown)
    }

    fn id(&self) -> String {
        self.0.id.clone()
    }

    fn name(&self, plan: &Plan) -> String {
        aim_label(plan, self.0)
    }

    fn changes(_: &Context, o: &Self, n: &Self, moved: Vec<Change>) -> Vec<Change> {
        let (o, n) = (o.0, n.0);
        [
            reworded("title", &o.title, &n.title),
            body("introduction", &o.intro, &n.intro),
            renamed(&o.origin.file, &n.origin.file),
        ]
        .into_iter()
        .flatten()
        .chain(moved)
        .collect()
    }
}

/// An outcome an aim seeks. Outcomes have no ids: they pair by their aim and words.
struct Outcome<'p> {
    aim: &'p Aim,
    text: &'p str,
    /// Its aim's id in the new plan's terms.
    new_aim: String,
}

impl<'p> Outcome<'p> {
    fn new(aim: &'p Aim, text: &'p str, new_aim: &str) -> Self {
        Outcome {
            aim,
            text,
            new_aim: new_aim.to_string(),
        }
    }
}

impl Item for Outcome<'_> {
    const KIND: ItemKind = ItemKind::Outcome;

    fn key(&self) -> String {
        format!("{}\u{0}{}", self.new_aim, self.text)
    }

    fn words(&self) -> String {
        self.text.to_string()
    }

    fn id(&self) -> String {
        String::new()
    }

    fn name(&self, _: &Plan) -> String {
        self.text.to_string()
    }

    fn place(&self, plan: &Plan) -> Option<String> {
        Some(aim_label(plan, self.aim))
    }

    fn changes(ctx: &Context, o: &Self, n: &Self, moved: Vec<Change>) -> Vec<Change> {
        let mut changes: Vec<Change> = reworded("text", o.text, n.text).into_iter().collect();
        if o.new_aim != n.aim.id {
            changes.push(Change::Moved {
                from: aim_label(ctx.old, o.aim),
                to: aim_label(ctx.new, n.aim),
            });
        }
        changes.extend(moved);
        changes
    }
}

/// A priority of a plan, as compared.
struct PriorityItem<'p>(&'p Priority);

fn priorities(plan: &Plan) -> Vec<PriorityItem<'_>> {
    plan.priorities().map(PriorityItem).collect()
}

impl Item for PriorityItem<'_> {
    const KIND: ItemKind = ItemKind::Priority;

    fn key(&self) -> String {
        self.0.id.clone()
    }

    fn words(&self) -> String {
        format!("{} {}", self.0.title, self.0.body.markdown)
    }

    fn id(&self) -> String {
        self.0.id.clone()
    }

    fn name(&self, plan: &Plan) -> String {
        priority_label(plan, self.0)
    }

    fn place(&self, plan: &Plan) -> Option<String> {
        plan.aim(&self.0.aim)
            .filter(|a| !a.implicit)
            .map(|a| aim_label(plan, a))
    }

    fn changes(ctx: &Context, o: &Self, n: &Self, _moved: Vec<Change>) -> Vec<Change> {
        let (o, n) = (o.0, n.0);
        let mut changes: Vec<Change> = [
            reworded("title", &o.title, &n.title),
            body("text", &o.body, &n.body),
        ]
        .into_iter()
        .flatten()
        .collect();
        for g in &n.groups {
            if let Some(before) = o.group(&g.party) {
                changes.extend(reworded(
                    &format!("words introducing {}", group_label(ctx.new, &g.party)),
                    &before.lead,
                    &g.lead,
                ));
            }
        }
        let implicit = |plan: &Plan, aim: &str| plan.aim(aim).is_some_and(|a| a.implicit);
        let same_aim = ctx.aim_map.get(&o.aim) == Some(&n.aim)
            || implicit(ctx.old, &o.aim) && implicit(ctx.new, &n.aim);
        let (old_aim, new_aim) = (ctx.old.aim(&o.aim), ctx.new.aim(&n.aim));
        if !same_aim {
            changes.push(Change::Moved {
                from: old_aim.map_or(o.aim.clone(), |a| aim_label(ctx.old, a)),
                to: new_aim.map_or(n.aim.clone(), |a| aim_label(ctx.new, a)),
            });
        } else if o.number != n.number {
            changes.push(Change::Reordered {
                from: o.number as usize,
                to: n.number as usize,
                within: new_aim.map_or(n.aim.clone(), |a| aim_label(ctx.new, a)),
            });
        }
        changes.extend(renamed(&o.origin.file, &n.origin.file));
        changes
    }
}

/// A commitment, with where it is.
struct CommitmentItem<'p> {
    priority: &'p Priority,
    /// The id of the party that makes it.
    owner: &'p str,
    commitment: &'p Commitment,
    /// Its priority's id in the new plan's terms.
    new_priority: String,
}

impl Item for CommitmentItem<'_> {
    const KIND: ItemKind = ItemKind::Commitment;

    fn key(&self) -> String {
        self.commitment.id.clone()
    }

    fn words(&self) -> String {
        self.commitment.text.clone()
    }

    fn id(&self) -> String {
        self.commitment.id.clone()
    }

    fn name(&self, _: &Plan) -> String {
        self.commitment.text.clone()
    }

    fn place(&self, plan: &Plan) -> Option<String> {
        Some(format!(
            "{}, {}",
            priority_label(plan, self.priority),
            group_label(plan, self.owner)
        ))
    }

    fn changes(ctx: &Context, o: &Self, n: &Self, moved: Vec<Change>) -> Vec<Change> {
        let (oc, nc) = (o.commitment, n.commitment);
        let mut changes: Vec<Change> = reworded("text", &oc.text, &nc.text).into_iter().collect();
        if (&o.new_priority, o.owner) != (&n.priority.id, n.owner) {
            changes.push(Change::Moved {
                from: o.place(ctx.old).unwrap_or_default(),
                to: n.place(ctx.new).unwrap_or_default(),
            });
        }
        changes.extend(moved);
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
        changes
    }
}

impl Item for Statement {
    const KIND: ItemKind = ItemKind::Statement;

    fn key(&self) -> String {
        self.id.clone()
    }

    fn words(&self) -> String {
        self.measure.clone()
    }

    fn id(&self) -> String {
        self.id.clone()
    }

    fn name(&self, _: &Plan) -> String {
        self.measure.clone()
    }

    fn changes(ctx: &Context, o: &Self, n: &Self, _moved: Vec<Change>) -> Vec<Change> {
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
                "target change",
                o.target.change.map_or("not set".into(), change_text),
                n.target.change.map_or("not set".into(), change_text),
            ),
            field(
                "status",
                o.status().label().to_string(),
                n.status().label().to_string(),
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
                "published change",
                o.change.as_ref().map_or("not set".into(), |c| {
                    format!("{} ({})", change_text(c.value), c.basis)
                }),
                n.change.as_ref().map_or("not set".into(), |c| {
                    format!("{} ({})", change_text(c.value), c.basis)
                }),
            ),
            field(
                "direction",
                o.direction.map_or("not set", |d| d.label()),
                n.direction.map_or("not set", |d| d.label()),
            ),
            field(
                "control limits",
                limits_text(o.limits.as_ref(), o.unit),
                limits_text(n.limits.as_ref(), n.unit),
            ),
            field(
                "figures over time",
                series_text(&o.series, o.unit, ctx.old),
                series_text(&n.series, n.unit, ctx.new),
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
                &format!("figure for {}", ctx.new.area_name(area)),
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
        changes
    }
}

impl Item for GlossaryTerm {
    const KIND: ItemKind = ItemKind::GlossaryTerm;

    fn key(&self) -> String {
        self.id.clone()
    }

    fn words(&self) -> String {
        format!("{} {}", self.term, self.definition.markdown)
    }

    fn id(&self) -> String {
        self.id.clone()
    }

    fn name(&self, _: &Plan) -> String {
        self.term.clone()
    }

    fn changes(_: &Context, o: &Self, n: &Self, _moved: Vec<Change>) -> Vec<Change> {
        let list = |a: &[String]| {
            if a.is_empty() {
                "none".to_string()
            } else {
                a.join(", ")
            }
        };
        [
            reworded("term", &o.term, &n.term),
            field(
                "abbreviations",
                list(&o.abbreviations),
                list(&n.abbreviations),
            ),
            body("definition", &o.definition, &n.definition),
            renamed(&o.origin.file, &n.origin.file),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

impl Item for Page {
    const KIND: ItemKind = ItemKind::Page;

    fn key(&self) -> String {
        self.id.clone()
    }

    fn words(&self) -> String {
        format!("{} {}", self.title, self.body.markdown)
    }

    fn id(&self) -> String {
        self.id.clone()
    }

    fn name(&self, _: &Plan) -> String {
        self.title.clone()
    }

    fn changes(_: &Context, o: &Self, n: &Self, _moved: Vec<Change>) -> Vec<Change> {
        let order = |v: Option<u32>| v.map_or("not set".to_string(), |v| v.to_string());
        [
            reworded("title", &o.title, &n.title),
            field("position in the navigation", order(o.order), order(n.order)),
            body("text", &o.body, &n.body),
            renamed(&o.origin.file, &n.origin.file),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

impl Item for Report {
    const KIND: ItemKind = ItemKind::Report;

    fn key(&self) -> String {
        self.id.clone()
    }

    fn words(&self) -> String {
        format!("{} {} {}", self.title, self.start, self.end)
    }

    fn id(&self) -> String {
        self.id.clone()
    }

    fn name(&self, _: &Plan) -> String {
        self.title.clone()
    }

    /// The report's own settings, then each statement's figures: changes to a report the old
    /// version had published are revisions after publication; to a draft, filling it in.
    fn changes(ctx: &Context, o: &Self, n: &Self, _moved: Vec<Change>) -> Vec<Change> {
        let period = |r: &Report| format!("{} to {}", human_due(&r.start), human_due(&r.end));
        let presented = |r: &Report| r.presented.as_deref().map_or("not set".into(), human_due);
        let mut changes: Vec<Change> = [
            reworded("title", &o.title, &n.title),
            field("period", period(o), period(n)),
            field("presented", presented(o), presented(n)),
            field("status", o.status.id(), n.status.id()),
            body("introduction", &o.intro, &n.intro),
        ]
        .into_iter()
        .flatten()
        .collect();
        let published = o.is_published();
        // The statements of the new report in its order, then those it no longer gives.
        let mut ids: Vec<&str> = n.statements.iter().map(|r| r.statement.as_str()).collect();
        ids.extend(
            o.statements
                .iter()
                .map(|r| r.statement.as_str())
                .filter(|id| n.reported(id).is_none()),
        );
        for id in ids {
            let statement = ctx
                .new
                .statements
                .iter()
                .chain(&ctx.old.statements)
                .find(|s| s.id == id);
            let measure = statement.map_or(id.to_string(), |s| s.measure.clone());
            let unit = statement.map_or(Unit::Count, |s| s.unit);
            let (was, is) = (o.reported(id), n.reported(id));
            let figures = |r: Option<&crate::plan::Reported>| {
                r.map_or_else(Vec::new, |r| figure_texts(&r.figures, unit, ctx))
            };
            let (from, to) = (figures(was), figures(is));
            let mut lines: Vec<(String, String, String)> = Vec::new();
            if was.is_none() || is.is_none() {
                let said = |r: Option<&crate::plan::Reported>| {
                    if r.is_some() {
                        "reported"
                    } else {
                        "not reported"
                    }
                    .to_string()
                };
                lines.push(("figures".into(), said(was), said(is)));
            } else {
                // Every figure either version gives, in the new version's order.
                let mut names: Vec<&String> = to.iter().map(|(k, _)| k).collect();
                names.extend(
                    from.iter()
                        .map(|(k, _)| k)
                        .filter(|k| !to.iter().any(|(t, _)| t == *k)),
                );
                for name in names {
                    let value = |list: &[(String, String)]| {
                        list.iter()
                            .find(|(k, _)| k == name)
                            .map_or("not set".to_string(), |(_, v)| v.clone())
                    };
                    let (a, b) = (value(&from), value(&to));
                    if a != b {
                        lines.push((name.clone(), a, b));
                    }
                }
            }
            for (figure, a, b) in lines {
                changes.push(if published {
                    Change::Revised {
                        statement: measure.clone(),
                        field: figure,
                        from: a,
                        to: b,
                    }
                } else {
                    Change::Field {
                        field: format!("{measure}: {figure}"),
                        from: a,
                        to: b,
                    }
                });
            }
            if let (Some(w), Some(i)) = (was, is) {
                changes.extend(
                    [
                        field(&format!("{measure}: source"), &w.source, &i.source),
                        body(
                            &format!("{measure}: key points"),
                            &w.key_points,
                            &i.key_points,
                        ),
                        renamed(&w.origin.file, &i.origin.file),
                    ]
                    .into_iter()
                    .flatten(),
                );
            }
        }
        changes.extend(renamed(&o.origin.file, &n.origin.file));
        changes
    }
}

/// Each figure a report gives for a statement, named and written out, one by one: the
/// latest, previous and baseline figures, the change, direction and limits, each area, each
/// period of the series and each breakdown item.
fn figure_texts(f: &Figures, unit: Unit, ctx: &Context) -> Vec<(String, String)> {
    let mut out = vec![
        (
            "latest figure".to_string(),
            figure_text(f.latest.as_ref(), unit),
        ),
        (
            "previous figure".to_string(),
            figure_text(f.previous.as_ref(), unit),
        ),
        (
            "baseline figure".to_string(),
            figure_text(f.baseline.as_ref(), unit),
        ),
        (
            "published change".to_string(),
            f.change.as_ref().map_or("not set".into(), |c| {
                format!("{} ({})", change_text(c.value), c.basis)
            }),
        ),
        (
            "direction".to_string(),
            f.direction.map_or("not set", |d| d.label()).to_string(),
        ),
        (
            "control limits".to_string(),
            limits_text(f.limits.as_ref(), unit),
        ),
    ];
    for a in &f.areas {
        out.push((
            format!("figure for {}", ctx.new.area_name(&a.area)),
            format_value(a.value, unit),
        ));
    }
    for p in &f.series {
        out.push((
            format!("figure for {}", p.period),
            series_text(std::slice::from_ref(p), unit, ctx.new)
                .split_once(": ")
                .map_or(String::new(), |(_, v)| v.to_string()),
        ));
    }
    for b in &f.breakdowns {
        for i in &b.items {
            out.push((
                format!("{} › {}", b.title, i.label),
                breakdown_item_text(b, i),
            ));
        }
    }
    out
}
