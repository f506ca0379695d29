//! The plan's model: the types every output reads. Built and validated by
//! [`super::builder`]; read-only afterwards.

use std::path::PathBuf;

use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::parse::kinds::*;

/// Where an item came from, for messages that point back at the file.
#[derive(Debug, Clone, Serialize)]
pub struct Origin {
    /// The file as shown to the user.
    #[serde(skip)]
    pub display: PathBuf,
    /// The file relative to the content folder.
    pub file: String,
    /// The front matter text, for locating values in messages.
    #[serde(skip)]
    pub front: String,
    /// The file line the front matter starts on.
    #[serde(skip)]
    pub front_line: usize,
}

impl Origin {
    /// The (line, column) of the first place `needle` is written in the front matter, after
    /// the line of `after_key` when given.
    pub fn locate(&self, needle: &str) -> (usize, usize) {
        for (i, line) in self.front.lines().enumerate() {
            if let Some(col) = line.find(needle) {
                return (self.front_line + i, line[..col].chars().count() + 1);
            }
        }
        (self.front_line.saturating_sub(1).max(1), 1)
    }

    pub(crate) fn error_at(&self, needle: &str, message: impl Into<String>) -> Diagnostic {
        let (line, col) = self.locate(needle);
        Diagnostic::new(&self.display, line, col, message)
    }

    /// The (line, column) of `needle` at or after the top-level `key:` line, so that a value
    /// is found under its own key and not where the same words appear earlier.
    pub fn locate_under(&self, key: &str, needle: &str) -> (usize, usize) {
        let prefix = format!("{key}:");
        let lines: Vec<&str> = self.front.lines().collect();
        if let Some(start) = lines.iter().position(|l| l.starts_with(&prefix)) {
            for (i, line) in lines.iter().enumerate().skip(start) {
                let from = if i == start { prefix.len() } else { 0 };
                if let Some(col) = line[from..].find(needle) {
                    let col = from + col;
                    return (self.front_line + i, line[..col].chars().count() + 1);
                }
            }
            return (self.front_line + start, 1);
        }
        self.locate(needle)
    }

    pub(crate) fn error_under(
        &self,
        key: &str,
        needle: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        let (line, col) = self.locate_under(key, needle);
        Diagnostic::new(&self.display, line, col, message)
    }
}

/// A Markdown body and the file line it starts on.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Body {
    /// The Markdown text.
    pub markdown: String,
    /// The 1-based file line of the first body line.
    #[serde(skip)]
    pub line: usize,
}

impl Body {
    /// True when the body has no text.
    pub fn is_empty(&self) -> bool {
        self.markdown.trim().is_empty()
    }
}

/// The plan: its settings, its aims (holding priorities and commitments), the glossary,
/// performance statements and other pages.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// Title, period, status, contact and other settings.
    pub meta: PlanMeta,
    /// The strategic aims, in order.
    pub aims: Vec<Aim>,
    /// Glossary terms, alphabetical.
    pub glossary: Vec<GlossaryTerm>,
    /// Performance statements, by id.
    pub statements: Vec<Statement>,
    /// Other pages, in navigation order.
    pub pages: Vec<Page>,
}

/// The plan's own settings (from `content/_index.md`).
#[derive(Debug, Clone, Serialize)]
pub struct PlanMeta {
    /// The plan's name.
    pub title: String,
    /// An optional line under the title.
    pub subtitle: Option<String>,
    /// The years covered, a range of years written with an en dash ("2021–2025") however the
    /// plan file writes it ([`crate::words::year_range`]).
    pub period: String,
    /// Draft or final.
    pub status: PlanStatus,
    /// The police force area.
    pub area: String,
    /// The force's name: `force`, or the area followed by "Police".
    pub force: String,
    /// The Commissioner.
    pub commissioner: String,
    /// The publishing office.
    pub organisation: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published: String,
    /// The content licence.
    pub licence: Licence,
    /// Contact details.
    pub contact: Contact,
    /// Local policing areas.
    pub areas: Vec<AreaFront>,
    /// National policing priorities, in the plan's order.
    pub national_priorities: Vec<NationalPriorityFront>,
    /// The date delivery is reported at (`YYYY-MM-DD`): `reporting_date`, or `published`.
    pub reporting_date: String,
    /// The git revision the website's "What has changed" page compares with, if set.
    pub compare_with: Option<String>,
    /// What to do with HTML written in the Markdown bodies.
    pub raw_html: RawHtml,
    /// The audio edition's text-to-speech command, if the plan sets one.
    pub voice: Option<String>,
    /// Published address, if set.
    pub base_url: Option<String>,
    /// The foreword.
    pub foreword: Body,
    /// The source file.
    pub origin: Origin,
}

impl PlanMeta {
    /// Settings with nothing set, for a plan made of one file that is not the plan file.
    pub fn empty(origin: Origin) -> Self {
        PlanMeta {
            title: String::new(),
            subtitle: None,
            period: String::new(),
            status: PlanStatus::Draft,
            area: String::new(),
            force: String::new(),
            commissioner: String::new(),
            organisation: String::new(),
            published: String::new(),
            licence: Licence {
                name: String::new(),
                url: String::new(),
            },
            contact: Contact {
                phone: None,
                email: None,
                address: Vec::new(),
                social: Vec::new(),
            },
            areas: Vec::new(),
            national_priorities: Vec::new(),
            reporting_date: String::new(),
            compare_with: None,
            voice: None,
            raw_html: RawHtml::default(),
            base_url: None,
            foreword: Body::default(),
            origin,
        }
    }

    /// The settings as written in `content/_index.md`, before any cross-checks.
    pub fn from_front(front: PlanFront, foreword: Body, origin: Origin) -> Self {
        PlanMeta {
            reporting_date: front
                .reporting_date
                .unwrap_or_else(|| front.published.clone()),
            title: front.title,
            subtitle: front.subtitle,
            period: crate::words::year_range(&front.period),
            status: front.status,
            force: front
                .force
                .unwrap_or_else(|| format!("{} Police", front.area)),
            area: front.area,
            commissioner: front.commissioner,
            organisation: front.organisation,
            published: front.published,
            licence: front.licence,
            contact: front.contact,
            areas: front.areas,
            national_priorities: front.national_priorities,
            compare_with: front.compare_with.filter(|r| !r.trim().is_empty()),
            raw_html: front.raw_html,
            voice: front.voice.filter(|v| !v.trim().is_empty()),
            base_url: front.base_url,
            foreword,
            origin,
        }
    }
}

/// A strategic aim.
#[derive(Debug, Clone, Serialize)]
pub struct Aim {
    /// Id (the folder name).
    pub id: String,
    /// Title.
    pub title: String,
    /// Position among the aims.
    pub order: u32,
    /// Outcomes sought.
    pub outcomes: Vec<String>,
    /// Introduction.
    pub intro: Body,
    /// Priorities, by number.
    pub priorities: Vec<Priority>,
    /// The source file.
    pub origin: Origin,
}

impl Aim {
    /// The aim as written in its `_index.md`, before its priorities are added.
    pub fn from_front(id: String, front: AimFront, intro: Body, origin: Origin) -> Self {
        Aim {
            id,
            title: front.title,
            order: front.order,
            outcomes: front.outcomes,
            intro,
            priorities: Vec::new(),
            origin,
        }
    }
}

/// A priority within an aim.
#[derive(Debug, Clone, Serialize)]
pub struct Priority {
    /// Id (file name without the number).
    pub id: String,
    /// The aim it belongs to.
    pub aim: String,
    /// Number within the aim.
    pub number: u32,
    /// Title.
    pub title: String,
    /// Optional text above the commitments.
    pub body: Body,
    /// The Commissioner's commitments.
    pub commissioner: Option<CommitmentGroup>,
    /// The Chief Constable's responsibilities.
    pub chief_constable: Option<CommitmentGroup>,
    /// The source file.
    pub origin: Origin,
}

impl Priority {
    /// Both groups, Commissioner first, with who commits.
    pub fn groups(&self) -> impl Iterator<Item = (Owner, &CommitmentGroup)> {
        self.commissioner
            .iter()
            .map(|g| (Owner::Commissioner, g))
            .chain(
                self.chief_constable
                    .iter()
                    .map(|g| (Owner::ChiefConstable, g)),
            )
    }

    /// Every commitment, Commissioner's first.
    pub fn commitments(&self) -> impl Iterator<Item = (Owner, &Commitment)> {
        self.groups()
            .flat_map(|(o, g)| g.commitments.iter().map(move |c| (o, c)))
    }
}

/// Who makes a commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Owner {
    /// The Police and Crime Commissioner.
    Commissioner,
    /// The Chief Constable.
    ChiefConstable,
}

impl Owner {
    /// The owner in words.
    pub fn label(self) -> &'static str {
        match self {
            Owner::Commissioner => "The Commissioner",
            Owner::ChiefConstable => "The Chief Constable",
        }
    }

    /// The default words introducing this owner's list.
    pub fn default_lead(self) -> &'static str {
        match self {
            Owner::Commissioner => "I will:",
            Owner::ChiefConstable => "The Chief Constable will be responsible for:",
        }
    }
}

/// One party's commitments under a priority.
#[derive(Debug, Clone, Serialize)]
pub struct CommitmentGroup {
    /// The words that introduce the list.
    pub lead: String,
    /// The commitments.
    pub commitments: Vec<Commitment>,
}

/// A commitment.
#[derive(Debug, Clone, Serialize)]
pub struct Commitment {
    /// Stable id.
    pub id: String,
    /// The words.
    pub text: String,
    /// Delivery status, if tracked.
    pub status: Option<DeliveryStatus>,
    /// Due date, if any.
    pub due: Option<String>,
    /// Who delivers it.
    pub owner: Option<String>,
    /// Evidence links.
    pub evidence: Vec<Evidence>,
}

impl From<CommitmentFront> for Commitment {
    /// The commitment as written; its checks are `check_commitment`'s.
    fn from(c: CommitmentFront) -> Self {
        Commitment {
            id: c.id,
            text: c.text,
            status: c.status,
            due: c.due,
            owner: c.owner,
            evidence: c.evidence,
        }
    }
}

/// A glossary term.
#[derive(Debug, Clone, Serialize)]
pub struct GlossaryTerm {
    /// Id (file name).
    pub id: String,
    /// The term.
    pub term: String,
    /// Its abbreviations.
    pub abbreviations: Vec<String>,
    /// The definition.
    pub definition: Body,
    /// The source file.
    pub origin: Origin,
}

/// A performance statement. Its status and the sentences that describe it are worked out
/// in [`crate::plan::performance`] and worded in [`crate::render::performance`], so every
/// output says them the same way.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    /// Id (file name).
    pub id: String,
    /// What is measured.
    pub measure: String,
    /// Unit of the figures.
    pub unit: Unit,
    /// Which way is better.
    pub better: Better,
    /// What good looks like.
    pub target: TargetFront,
    /// Latest figure.
    pub latest: Option<Figure>,
    /// Previous figure.
    pub previous: Option<Figure>,
    /// An earlier figure to compare with (trend start, same quarter two years before).
    pub baseline: Option<Figure>,
    /// A published percentage change.
    pub change: Option<Change>,
    /// The published direction of change.
    pub direction: Option<Direction>,
    /// Control limits.
    pub limits: Option<Limits>,
    /// Figures by area.
    pub areas: Vec<AreaValue>,
    /// Figures over time, oldest first.
    pub series: Vec<SeriesPoint>,
    /// Other breakdowns.
    pub breakdowns: Vec<Breakdown>,
    /// Figures the source gave only as chart images.
    pub chart_only: Vec<String>,
    /// Priorities evidenced.
    pub priorities: Vec<String>,
    /// National policing priorities evidenced.
    pub national_priorities: Vec<String>,
    /// Who leads on the measure.
    pub lead: Option<String>,
    /// Where the underlying data comes from.
    pub data_source: Option<String>,
    /// Source of the figures.
    pub source: String,
    /// Key points.
    pub body: Body,
    /// The source file.
    pub origin: Origin,
}

impl Statement {
    /// The statement as written in its file, before any cross-checks.
    pub fn from_front(id: String, front: StatementFront, body: Body, origin: Origin) -> Self {
        Statement {
            id,
            measure: front.measure,
            unit: front.unit,
            better: front.better.unwrap_or(Better::Higher),
            target: front.target,
            latest: front.latest,
            previous: front.previous,
            baseline: front.baseline,
            change: front.change,
            direction: front.direction,
            limits: front.limits,
            areas: front.areas,
            series: front.series,
            breakdowns: front.breakdowns,
            chart_only: front.chart_only,
            priorities: front.priorities,
            national_priorities: front.national_priorities,
            lead: front.lead,
            data_source: front.data_source,
            source: front.source,
            body,
            origin,
        }
    }
}

/// Any other page.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    /// Id (file name).
    pub id: String,
    /// Title.
    pub title: String,
    /// Navigation position.
    pub order: Option<u32>,
    /// Text.
    pub body: Body,
    /// The source file.
    pub origin: Origin,
}

/// Ids that name generated pages, folders or anchors, so content may not take them.
pub const RESERVED_IDS: &[&str] = &[
    "glossary",
    "performance",
    "accessibility",
    "static",
    "data",
    "large-print",
    "national-priorities",
    "delivery",
    "index",
    "404",
    // Anchors on the generated pages that aims' ids sit beside (the performance page lists
    // the measures of each aim under the aim's id).
    "at-a-glance",
    "national-measures",
    "other-measures",
    "contents-heading",
    "main-content",
];

impl Plan {
    /// Every priority, in plan order.
    pub fn priorities(&self) -> impl Iterator<Item = &Priority> {
        self.aims.iter().flat_map(|a| a.priorities.iter())
    }

    /// Every commitment with its priority and owner, in plan order.
    pub fn commitments(&self) -> impl Iterator<Item = (&Priority, Owner, &Commitment)> {
        self.priorities()
            .flat_map(|p| p.commitments().map(move |(o, c)| (p, o, c)))
    }

    /// The priority with this id.
    pub fn priority(&self, id: &str) -> Option<&Priority> {
        self.priorities().find(|p| p.id == id)
    }

    /// The aim with this id.
    pub fn aim(&self, id: &str) -> Option<&Aim> {
        self.aims.iter().find(|a| a.id == id)
    }

    /// The name of a local policing area.
    pub fn area_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.meta
            .areas
            .iter()
            .find(|a| a.id == id)
            .map_or(id, |a| a.name.as_str())
    }

    /// The plan as published at `base_url` instead of the address it names (`planpress build
    /// --base-url`), when given.
    pub fn published_at(mut self, base_url: Option<String>) -> Plan {
        if base_url.is_some() {
            self.meta.base_url = base_url;
        }
        self
    }

    /// Frees the front matter text each priority keeps for pointing messages at lines. A
    /// one-shot build has reported every problem by the time the plan is valid, and no output
    /// reads that text; in a large plan it is about a tenth of the memory the model holds
    /// (1.6 KB of a 6 KB priority file). The preview keeps it, because a later edit can report
    /// a problem that points into another, unchanged file.
    pub fn forget_front_matter_text(&mut self) {
        for aim in &mut self.aims {
            for priority in &mut aim.priorities {
                priority.origin.front = String::new();
            }
        }
    }

    /// "draft" or "final".
    pub fn status_label(&self) -> &'static str {
        match self.meta.status {
            PlanStatus::Draft => "draft",
            PlanStatus::Final => "final",
        }
    }
}
