//! The plan's model: the types every output reads. Built and validated by
//! [`super::builder`]; read-only afterwards.

use std::path::PathBuf;

use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::parse::kinds::*;
use crate::words::Noun;

use super::translations::{Reading, Translation};

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

    /// The (line, column) of the key at the end of `path` (`["levels", "aim", "singular"]`),
    /// each key looked for below the one before it; as near as it gets when one is not found.
    pub fn locate_path(&self, path: &[&str]) -> (usize, usize) {
        let lines: Vec<&str> = self.front.lines().collect();
        let mut at = None;
        let mut from = 0;
        let mut indent = 0;
        for key in path {
            let prefix = format!("{key}:");
            let found = lines.iter().enumerate().skip(from).find_map(|(i, l)| {
                let text = l.trim_start_matches([' ', '-']);
                let depth = l.len() - text.len();
                (text.starts_with(&prefix) && (at.is_none() || depth > indent))
                    .then_some((i, depth))
            });
            match found {
                Some((i, depth)) => {
                    at = Some((i, depth));
                    from = i + 1;
                    indent = depth;
                }
                None => break,
            }
        }
        match at {
            Some((i, depth)) => (self.front_line + i, depth + 1),
            None => self.locate(path.first().copied().unwrap_or("")),
        }
    }

    /// The (line, column) of `field` in the `index`-th item (from 0) of the list under the
    /// top-level `key`, or of the item's first line when `field` is not there.
    pub fn locate_item(&self, key: &str, index: usize, field: &str) -> (usize, usize) {
        let lines: Vec<&str> = self.front.lines().collect();
        let prefix = format!("{key}:");
        let Some(start) = lines.iter().position(|l| l.starts_with(&prefix)) else {
            return self.locate(key);
        };
        // The items are the lines of the list's own indentation that start with "- ".
        let items: Vec<usize> = lines
            .iter()
            .enumerate()
            .skip(start + 1)
            .take_while(|(_, l)| l.starts_with(' ') || l.starts_with('-') || l.is_empty())
            .filter(|(_, l)| l.trim_start().starts_with("- "))
            .map(|(i, _)| i)
            .collect();
        let depth = |i: usize| lines[i].len() - lines[i].trim_start().len();
        let top = items.iter().map(|&i| depth(i)).min().unwrap_or(0);
        let items: Vec<usize> = items.into_iter().filter(|&i| depth(i) == top).collect();
        let Some(&first) = items.get(index) else {
            return (self.front_line + start, 1);
        };
        let end = items.get(index + 1).copied().unwrap_or(lines.len());
        let wanted = format!("{field}:");
        for (i, line) in lines.iter().enumerate().take(end).skip(first) {
            let text = line.trim_start_matches([' ', '-']);
            if text.starts_with(&wanted) {
                return (self.front_line + i, line.len() - text.len() + 1);
            }
        }
        (self.front_line + first, top + 1)
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
    /// Reports, one per reporting period, oldest first. Each statement's figures are those
    /// of the latest published report that gives them.
    pub reports: Vec<Report>,
    /// Other pages, in navigation order.
    pub pages: Vec<Page>,
    /// The words of each language after the plan's first, by item id
    /// ([`crate::plan::translations`]); empty for a plan in one language.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<Translation>,
    /// The language this plan is read in and the texts still in the first language: set by
    /// [`Plan::in_language`]; the default (no language) for a plan in one language.
    #[serde(skip)]
    pub reading: Reading,
    /// Every file of the content folder's `images/` folder, read.
    #[serde(skip)]
    pub images: super::images::Images,
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
    /// The earlier published revisions, oldest first (git revisions).
    pub history: Vec<String>,
    /// The office's own colours, checked for contrast.
    pub brand: super::brand::BrandColours,
    /// The office's logo, checked.
    pub logo: Option<super::images::Logo>,
    /// What to do with HTML written in the Markdown bodies.
    pub raw_html: RawHtml,
    /// The audio edition's text-to-speech command, if the plan sets one.
    pub voice: Option<String>,
    /// Published address, if set.
    pub base_url: Option<String>,
    /// The words readers see for the plan's levels.
    pub levels: Levels,
    /// Every party that can make commitments: the Commissioner, the Chief Constable, then
    /// those the plan declares, in the order the plan gives them.
    pub parties: Vec<Party>,
    /// The foreword.
    pub foreword: Body,
    /// The languages the plan is written in, its own first; empty for one language.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// The source file.
    pub origin: Origin,
}

/// The words readers see for the plan's two levels: "aim" and "priority" unless the plan
/// says otherwise (`levels:` in `content/_index.md`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Levels {
    /// The top level: "aim", "theme", "objective", "pillar"...
    pub aim: Noun,
    /// The level below: "priority", "objective", "area of focus"...
    pub priority: Noun,
}

impl Default for Levels {
    fn default() -> Self {
        Levels {
            aim: Noun::new("aim", "aims"),
            priority: Noun::new("priority", "priorities"),
        }
    }
}

impl Levels {
    /// The levels as the plan file gives them, with the defaults for any it leaves out.
    pub fn from_front(front: Option<&LevelsFront>) -> Levels {
        let noun = |n: Option<&NounFront>, default: Noun| {
            n.map_or(default, |n| Noun::new(&n.singular, &n.plural))
        };
        let d = Levels::default();
        Levels {
            aim: noun(front.and_then(|l| l.aim.as_ref()), d.aim),
            priority: noun(front.and_then(|l| l.priority.as_ref()), d.priority),
        }
    }
}

/// Someone who makes commitments under priorities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Party {
    /// Its id, stable in the data: `commissioner`, `chief-constable`, or a declared id.
    pub id: String,
    /// The front matter key its commitments are listed under: `commissioner`,
    /// `chief_constable`, or the id under `commitments_by:`.
    #[serde(skip)]
    pub key: String,
    /// Its name: "The Commissioner", "Community Safety Partnerships".
    pub name: String,
    /// The heading over its commitments on a priority's page.
    pub heading: String,
    /// The words that introduce its list when a priority gives none.
    pub lead: String,
    /// True for the Commissioner and the Chief Constable.
    #[serde(skip)]
    pub built_in: bool,
}

/// The id of the Commissioner as a party.
pub const COMMISSIONER: &str = "commissioner";
/// The id of the Chief Constable as a party.
pub const CHIEF_CONSTABLE: &str = "chief-constable";

impl Party {
    /// The two parties every plan has.
    pub fn built_in() -> Vec<Party> {
        vec![
            Party {
                id: COMMISSIONER.to_string(),
                key: "commissioner".to_string(),
                name: "The Commissioner".to_string(),
                heading: "The Commissioner's commitments".to_string(),
                lead: "I will:".to_string(),
                built_in: true,
            },
            Party {
                id: CHIEF_CONSTABLE.to_string(),
                key: "chief_constable".to_string(),
                name: "The Chief Constable".to_string(),
                heading: "The Chief Constable's responsibilities".to_string(),
                lead: "The Chief Constable will be responsible for:".to_string(),
                built_in: true,
            },
        ]
    }

    /// A party as the plan file declares it, with the default heading and lead-in for those
    /// it leaves out.
    pub fn declared(front: &PartyFront) -> Party {
        Party {
            id: front.id.clone(),
            key: front.id.clone(),
            name: front.name.clone(),
            heading: front
                .heading
                .clone()
                .unwrap_or_else(|| format!("Commitments by {}", front.name)),
            lead: front
                .lead
                .clone()
                .unwrap_or_else(|| format!("{} will:", front.name)),
            built_in: false,
        }
    }

    /// The lead to print under the party's heading, or `None` when it would only say the
    /// heading again and a screen reader would read the same thing twice. The Chief
    /// Constable's default lead is its heading in other words; a lead that begins the
    /// sentence each commitment ends ("I will:", "Partners will:") or that the plan wrote
    /// itself stays.
    pub fn lead_under_heading<'a>(&self, lead: &'a str) -> Option<&'a str> {
        let repeats = self.built_in && self.id == CHIEF_CONSTABLE && lead.trim() == self.lead;
        (!repeats).then_some(lead)
    }

    /// The heading over its commitments for use inside a sentence: "the Commissioner's
    /// commitments", "what our partners will do". Only a first word that is not a name is
    /// made lower case ("Dunmere Council's commitments" stays as it is).
    pub fn heading_in_sentence(&self) -> String {
        const NOT_NAMES: [&str; 7] = ["The", "What", "Commitments", "Our", "How", "Where", "Who"];
        let first = self.heading.split(' ').next().unwrap_or("");
        if NOT_NAMES.contains(&first) {
            let mut chars = self.heading.chars();
            chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect())
                .unwrap_or_default()
        } else {
            self.heading.clone()
        }
    }
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
            history: Vec::new(),
            brand: Default::default(),
            logo: None,
            voice: None,
            raw_html: RawHtml::default(),
            base_url: None,
            levels: Levels::default(),
            parties: Party::built_in(),
            foreword: Body::default(),
            languages: Vec::new(),
            origin,
        }
    }

    /// The settings as written in `content/_index.md`, before any cross-checks.
    pub fn from_front(front: PlanFront, foreword: Body, origin: Origin) -> Self {
        let mut parties = Party::built_in();
        parties.extend(front.parties.iter().map(Party::declared));
        PlanMeta {
            levels: Levels::from_front(front.levels.as_ref()),
            parties,
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
            history: front.history,
            brand: Default::default(),
            logo: None,
            raw_html: front.raw_html,
            voice: front.voice.filter(|v| !v.trim().is_empty()),
            base_url: front.base_url,
            languages: front.languages,
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
    /// The statutory contents it says it covers.
    pub covers: Vec<Element>,
    /// True for the one folder of priorities of a plan without aims: it has no file of its
    /// own, its title is the plural of the priority's word, and readers never see it as an
    /// aim.
    pub implicit: bool,
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
            covers: front.covers,
            implicit: false,
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
    /// Each party's commitments, in the order of the plan's parties (the Commissioner's
    /// first); a party with none has no group.
    pub groups: Vec<CommitmentGroup>,
    /// The statutory contents it says it covers.
    pub covers: Vec<Element>,
    /// The source file.
    pub origin: Origin,
}

impl Priority {
    /// The group of the party with this id, if it has one here.
    pub fn group(&self, party: &str) -> Option<&CommitmentGroup> {
        self.groups.iter().find(|g| g.party == party)
    }

    /// Every commitment with the id of the party that makes it, group by group.
    pub fn commitments(&self) -> impl Iterator<Item = (&str, &Commitment)> {
        self.groups
            .iter()
            .flat_map(|g| g.commitments.iter().map(move |c| (g.party.as_str(), c)))
    }
}

/// One party's commitments under a priority.
#[derive(Debug, Clone, Serialize)]
pub struct CommitmentGroup {
    /// The id of the party that makes them (see [`Party`]).
    pub party: String,
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
///
/// What the statement measures comes from its own file; its figures, source and key points
/// come from the latest published report that gives them (in a plan without reports, from its
/// own file). [`Plan::statement_in`] gives the statement as a given report left it.
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
    /// Figures over time, oldest first: in a plan with reports, every point each report up
    /// to this one gave, each period once.
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
    /// Source of the figures (empty when no report gives the statement yet).
    pub source: String,
    /// Key points: the report's words on its figures.
    pub body: Body,
    /// What the statement's own file says about the measure, in a plan with reports (whose
    /// key points are in each report).
    pub about: Body,
    /// The id of the report its figures come from, in a plan with reports.
    pub reported_in: Option<String>,
    /// The statement in each published report that gives it, oldest first (up to the report
    /// the statement is as of).
    pub history: Vec<Quarter>,
    /// The source file.
    pub origin: Origin,
}

/// A statement's figures for one reporting period: what a report's file for the statement
/// gives (or, in a plan without reports, the statement's own file).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Figures {
    /// Latest figure.
    pub latest: Option<Figure>,
    /// Previous figure.
    pub previous: Option<Figure>,
    /// An earlier figure to compare with.
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
}

impl Figures {
    /// True when there is no figure at all (chart-only notes aside).
    pub fn is_empty(&self) -> bool {
        self.latest.is_none()
            && self.previous.is_none()
            && self.baseline.is_none()
            && self.change.is_none()
            && self.direction.is_none()
            && self.limits.is_none()
            && self.areas.is_empty()
            && self.series.is_empty()
            && self.breakdowns.is_empty()
    }
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
            source: front.source.unwrap_or_default(),
            body,
            about: Body::default(),
            reported_in: None,
            history: Vec::new(),
            origin,
        }
    }

    /// Its figures.
    pub fn figures(&self) -> Figures {
        Figures {
            latest: self.latest.clone(),
            previous: self.previous.clone(),
            baseline: self.baseline.clone(),
            change: self.change.clone(),
            direction: self.direction,
            limits: self.limits.clone(),
            areas: self.areas.clone(),
            series: self.series.clone(),
            breakdowns: self.breakdowns.clone(),
            chart_only: self.chart_only.clone(),
        }
    }

    /// Puts `figures` in place of its own.
    pub fn set_figures(&mut self, figures: Figures) {
        self.latest = figures.latest;
        self.previous = figures.previous;
        self.baseline = figures.baseline;
        self.change = figures.change;
        self.direction = figures.direction;
        self.limits = figures.limits;
        self.areas = figures.areas;
        self.series = figures.series;
        self.breakdowns = figures.breakdowns;
        self.chart_only = figures.chart_only;
    }
}

/// A report on one reporting period (`content/reports/<id>/`): the figures of the statements
/// it gives, as presented to the Police and Crime Panel.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Id (the folder's name), e.g. `2021-22-q1`.
    pub id: String,
    /// The period's name, e.g. "Quarter 1 2021/22".
    pub title: String,
    /// The period's first day, `YYYY-MM-DD`.
    pub start: String,
    /// The period's last day, `YYYY-MM-DD`.
    pub end: String,
    /// The day it was presented to the Panel, `YYYY-MM-DD`.
    pub presented: Option<String>,
    /// Draft or published.
    pub status: ReportStatus,
    /// What the report says before its figures.
    pub intro: Body,
    /// The statements it gives figures for, in statement id order.
    pub statements: Vec<Reported>,
    /// What a draft still lacks, one problem per thing to fill in (a published report may
    /// lack nothing: each would be an error).
    #[serde(skip)]
    pub lacks: Vec<Diagnostic>,
    /// The source file (`_index.md`).
    pub origin: Origin,
}

impl Report {
    /// True once it has been published.
    pub fn is_published(&self) -> bool {
        self.status == ReportStatus::Published
    }

    /// Its figures for the statement with this id.
    pub fn reported(&self, statement: &str) -> Option<&Reported> {
        self.statements
            .binary_search_by(|r| r.statement.as_str().cmp(statement))
            .ok()
            .map(|i| &self.statements[i])
    }
}

/// One statement's figures in one report (`content/reports/<report>/<statement>.md`).
#[derive(Debug, Clone, Serialize)]
pub struct Reported {
    /// The statement's id.
    pub statement: String,
    /// The figures (in a draft, only those filled in).
    pub figures: Figures,
    /// Where the figures come from: the file's `source`, else the report's, else the
    /// statement's.
    pub source: String,
    /// The report's key points on them.
    pub key_points: Body,
    /// The source file.
    pub origin: Origin,
}

/// A statement in one report, for its trend from report to report.
#[derive(Debug, Clone, Serialize)]
pub struct Quarter {
    /// The report's id.
    pub report: String,
    /// The report's title (the period's name).
    pub title: String,
    /// Draft or published.
    pub status: ReportStatus,
    /// The report's latest figure for the statement.
    pub latest: Option<Figure>,
    /// The statement's status in that report.
    pub judged: crate::plan::performance::Status,
    /// The report's place in [`Plan::reports`].
    #[serde(skip)]
    pub at: usize,
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
    /// The statutory contents it says it covers.
    pub covers: Vec<Element>,
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
    "other-formats",
    "static",
    "data",
    "large-print",
    "national-priorities",
    "delivery",
    "about-this-plan",
    "reports",
    "index",
    "404",
    "search",
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

    /// Every commitment with its priority and the id of the party that makes it, in plan
    /// order.
    pub fn commitments(&self) -> impl Iterator<Item = (&Priority, &str, &Commitment)> {
        self.priorities()
            .flat_map(|p| p.commitments().map(move |(o, c)| (p, o, c)))
    }

    /// The party with this id. A checked plan has every party its commitments name; for any
    /// other id, one is made up that is named by its id.
    pub fn party(&self, id: &str) -> std::borrow::Cow<'_, Party> {
        match self.meta.parties.iter().find(|p| p.id == id) {
            Some(p) => std::borrow::Cow::Borrowed(p),
            None => std::borrow::Cow::Owned(Party {
                id: id.to_string(),
                key: id.to_string(),
                name: id.to_string(),
                heading: id.to_string(),
                lead: String::new(),
                built_in: false,
            }),
        }
    }

    /// True for a plan of one level: its priorities sit directly under the plan, with no
    /// aims (see [`Aim::implicit`]).
    pub fn is_one_level(&self) -> bool {
        self.aims.iter().any(|a| a.implicit)
    }

    /// A priority's number as readers see it: "2.1" (its aim's place, then its own number),
    /// or "3" in a plan of one level.
    pub fn priority_number(&self, p: &Priority) -> String {
        if self.is_one_level() {
            return p.number.to_string();
        }
        let aim = self
            .aims
            .iter()
            .position(|a| a.id == p.aim)
            .map_or(0, |i| i + 1);
        format!("{aim}.{}", p.number)
    }

    /// "Priority 2.1: Title", in the plan's word for its priorities.
    pub fn priority_label(&self, p: &Priority) -> String {
        format!(
            "{} {}: {}",
            self.meta.levels.priority.title(),
            self.priority_number(p),
            p.title
        )
    }

    /// "Aim 1: Title", in the plan's word for its aims.
    pub fn aim_label(&self, aim: &Aim) -> String {
        let n = self
            .aims
            .iter()
            .position(|a| a.id == aim.id)
            .map_or(0, |i| i + 1);
        format!("{} {n}: {}", self.meta.levels.aim.title(), aim.title)
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
