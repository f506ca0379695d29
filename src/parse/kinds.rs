//! One struct per kind of content file, exactly as an author writes its front matter.
//!
//! Every struct denies unknown keys, so a misspelt key is an error rather than data silently
//! dropped. These are the raw shapes; [`crate::plan`] checks ids and references between them
//! and builds the validated model.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// `content/_index.md`: the plan itself.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFront {
    /// The plan's name, e.g. "Safer Northshire Plan".
    pub title: String,
    /// An optional line shown under the title.
    #[serde(default)]
    pub subtitle: Option<String>,
    /// The years the plan covers, e.g. "2021-2025".
    pub period: String,
    /// Draft or final.
    pub status: PlanStatus,
    /// The police force area.
    pub area: String,
    /// The force's name as the pages give it, e.g. "Cumbria Constabulary"; without it, the
    /// area followed by "Police".
    #[serde(default)]
    pub force: Option<String>,
    /// The Commissioner's name.
    pub commissioner: String,
    /// The publishing office.
    pub organisation: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published: String,
    /// The licence the content is published under.
    pub licence: Licence,
    /// How readers contact the office.
    pub contact: Contact,
    /// Local policing areas that performance statements report by.
    #[serde(default)]
    pub areas: Vec<AreaFront>,
    /// The national policing priorities that performance statements can evidence, in the
    /// order the plan lists them.
    #[serde(default)]
    pub national_priorities: Vec<NationalPriorityFront>,
    /// The date delivery is reported at, `YYYY-MM-DD`: commitments due before it and not
    /// delivered are overdue. Defaults to `published`.
    #[serde(default)]
    pub reporting_date: Option<String>,
    /// The address the site is published at, for canonical links.
    #[serde(default)]
    pub base_url: Option<String>,
    /// A git revision (tag, branch or commit) to compare the plan with on the website's
    /// "What has changed" page, e.g. `consultation-draft`.
    #[serde(default)]
    pub compare_with: Option<String>,
    /// What to do with HTML written directly in Markdown bodies: clean it down to a safe
    /// allow-list (the default), or refuse it.
    #[serde(default)]
    pub raw_html: RawHtml,
    /// The words readers see for the plan's two levels, when they are not "aim" and
    /// "priority".
    #[serde(default)]
    pub levels: Option<LevelsFront>,
    /// Parties besides the Commissioner and the Chief Constable that make commitments under
    /// priorities (`commitments_by:` in a priority names them by id).
    #[serde(default)]
    pub parties: Vec<PartyFront>,
    /// The office's own look: its logo and colours.
    #[serde(default)]
    pub brand: Option<BrandFront>,
    /// The earlier published revisions of the plan, oldest first, as git revisions (tags,
    /// usually): the website's Atom feed has an entry for each and for this revision, each
    /// linking a report of what changed since the one before.
    #[serde(default)]
    pub history: Vec<String>,
    /// The text-to-speech command the audio edition is spoken with: a program and its
    /// arguments, separated by spaces, that reads text on standard input and writes a WAV
    /// file on standard output. Without it, `espeak-ng -v en-gb -s 160 --stdout`.
    #[serde(default)]
    pub voice: Option<String>,
    /// The languages the plan is written in, its own first (`[en-GB, cy]`); none for a plan
    /// in one language. Each other language's text sits in translation files beside the
    /// originals (`_index.cy.md`); see `plan/translations.rs`.
    #[serde(default)]
    pub languages: Vec<String>,
}

/// The office's own look (`brand:` in `content/_index.md`). Each colour is a value as written
/// (`"#1d2d44"`), checked when the plan is loaded; a key written with no value (a colour left
/// unquoted, which YAML reads as a comment) is kept as `Some(Null)` so that it can be named.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrandFront {
    /// The office's logo, shown in every page's header.
    #[serde(default)]
    pub logo: Option<LogoFront>,
    /// The header's background colour.
    #[serde(default, deserialize_with = "present")]
    pub primary: Option<serde_yaml::Value>,
    /// The colour of links and of the marks of the current page.
    #[serde(default, deserialize_with = "present")]
    pub accent: Option<serde_yaml::Value>,
    /// The colour of the plan's name and the office's name in the header.
    #[serde(default, deserialize_with = "present")]
    pub header_text: Option<serde_yaml::Value>,
}

/// A key that is there, whatever its value (even none): `Some`, where a missing key is `None`.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<serde_yaml::Value>, D::Error> {
    serde_yaml::Value::deserialize(d).map(Some)
}

/// The office's logo (`brand.logo`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogoFront {
    /// The image, relative to the content folder: `images/logo.svg`.
    pub src: String,
    /// What the logo says, for readers who cannot see it: usually the office's name.
    #[serde(default)]
    pub alt: Option<String>,
}

/// The words for the plan's levels (`levels:` in `content/_index.md`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelsFront {
    /// The top level's word, "aim" when not given: "theme", "objective", "pillar"...
    #[serde(default)]
    pub aim: Option<NounFront>,
    /// The word for the level below, "priority" when not given: "objective", "area of focus"...
    #[serde(default)]
    pub priority: Option<NounFront>,
}

/// A word in the singular and the plural.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NounFront {
    /// One of them: "theme".
    pub singular: String,
    /// More than one: "themes".
    pub plural: String,
}

/// A party that makes commitments, declared once in the plan file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyFront {
    /// Its id: the key its commitments are listed under in a priority's `commitments_by:`.
    pub id: String,
    /// Its name as readers see it where commitments are counted by who makes them, e.g.
    /// "Community Safety Partnerships".
    pub name: String,
    /// The heading over its commitments on a priority's page; "Commitments by `name`" when
    /// not given.
    #[serde(default)]
    pub heading: Option<String>,
    /// The words that introduce its list, e.g. "Partners will:"; "`name` will:" when not
    /// given. A priority may give its own.
    #[serde(default)]
    pub lead: Option<String>,
}

/// The contents a police and crime plan must specify, in the order of the Police Reform and
/// Social Responsibility Act 2011, s.7(1)(a) to (f). Pages, aims and priorities say which they
/// cover with `covers:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Element {
    /// (a) the Commissioner's police and crime objectives.
    Objectives,
    /// (b) the policing of the area the Chief Constable is to provide.
    Policing,
    /// (c) the financial and other resources the Commissioner is to provide to the Chief
    /// Constable.
    Resources,
    /// (d) how the Chief Constable will report to the Commissioner on the policing provided.
    Reporting,
    /// (e) how the Chief Constable's performance in providing policing will be measured.
    Measurement,
    /// (f) the crime and disorder reduction grants the Commissioner is to make, and their
    /// conditions.
    Grants,
}

impl Element {
    /// Every element, in the Act's order.
    pub const ALL: [Element; 6] = [
        Element::Objectives,
        Element::Policing,
        Element::Resources,
        Element::Reporting,
        Element::Measurement,
        Element::Grants,
    ];

    /// The id written in `covers:`.
    pub fn id(self) -> &'static str {
        match self {
            Element::Objectives => "objectives",
            Element::Policing => "policing",
            Element::Resources => "resources",
            Element::Reporting => "reporting",
            Element::Measurement => "measurement",
            Element::Grants => "grants",
        }
    }

    /// The paragraph of s.7(1) that requires it: "a" to "f".
    pub fn paragraph(self) -> &'static str {
        match self {
            Element::Objectives => "a",
            Element::Policing => "b",
            Element::Resources => "c",
            Element::Reporting => "d",
            Element::Measurement => "e",
            Element::Grants => "f",
        }
    }

    /// The key of its words in the word tables (`crate::words::Words`).
    pub fn key(self) -> &'static str {
        match self {
            Element::Objectives => "statutory-objectives",
            Element::Policing => "statutory-policing",
            Element::Resources => "statutory-resources",
            Element::Reporting => "statutory-reporting",
            Element::Measurement => "statutory-measurement",
            Element::Grants => "statutory-grants",
        }
    }

    /// What the plan must specify, in plain words.
    pub fn label(self) -> &'static str {
        match self {
            Element::Objectives => "The Commissioner's police and crime objectives",
            Element::Policing => "The policing the Chief Constable is to provide",
            Element::Resources => {
                "The money and other resources the Commissioner will give the Chief Constable"
            }
            Element::Reporting => {
                "How the Chief Constable will report to the Commissioner on that policing"
            }
            Element::Measurement => "How the Chief Constable's performance will be measured",
            Element::Grants => {
                "The crime and disorder reduction grants the Commissioner will make, and their conditions"
            }
        }
    }
}

/// What the plan does with raw HTML in Markdown bodies (`raw_html:` in `content/_index.md`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RawHtml {
    /// Keep it, cleaned down to a safe allow-list: no scripts, event handlers, frames, forms,
    /// styles or script addresses.
    #[default]
    #[serde(alias = "sanitize")]
    Sanitise,
    /// Refuse it: each piece of raw HTML is an error at its line.
    Reject,
}

/// Whether the plan is a consultation draft or the adopted plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanStatus {
    /// A draft, shown with a banner on every page.
    Draft,
    /// The adopted plan.
    Final,
}

/// A content licence.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Licence {
    /// The licence's name.
    pub name: String,
    /// Where to read it.
    pub url: String,
}

/// Contact details.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Telephone number as written.
    #[serde(default)]
    pub phone: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Postal address, one line per item.
    #[serde(default)]
    pub address: Vec<String>,
    /// Social media accounts.
    #[serde(default)]
    pub social: Vec<Social>,
}

/// A social media account.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Social {
    /// The service, e.g. "Twitter".
    pub service: String,
    /// The account name as shown.
    pub handle: String,
    /// The account's address, if given.
    #[serde(default)]
    pub url: Option<String>,
}

/// A local policing area.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AreaFront {
    /// Its id, used by statements.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// A national policing priority, as the plan words it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NationalPriorityFront {
    /// Its id, used by statements' `national_priorities`.
    pub id: String,
    /// The priority in the plan's words, e.g. "Reduce serious violence".
    pub title: String,
}

/// `content/<aim>/_index.md`: a strategic aim.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AimFront {
    /// The aim's title.
    pub title: String,
    /// Its position among the aims (1 first).
    pub order: u32,
    /// The outcomes the aim seeks.
    #[serde(default)]
    pub outcomes: Vec<String>,
    /// The statutory contents the aim covers, besides the objectives (which an aim with
    /// commitments covers).
    #[serde(default)]
    pub covers: Vec<Element>,
}

/// `content/<aim>/<nn>-<id>.md`: a priority and its commitments.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityFront {
    /// The priority's number within its aim; must match the file name's prefix.
    #[serde(default)]
    pub number: Option<u32>,
    /// The priority's title.
    pub title: String,
    /// What the Commissioner commits to.
    #[serde(default)]
    pub commissioner: Option<GroupFront>,
    /// What the Chief Constable is responsible for.
    #[serde(default)]
    pub chief_constable: Option<GroupFront>,
    /// What the parties declared in the plan file commit to, by party id.
    #[serde(default)]
    pub commitments_by: BTreeMap<String, GroupFront>,
    /// The statutory contents the priority covers, besides the objectives (which a
    /// priority with commitments covers in a plan without aims).
    #[serde(default)]
    pub covers: Vec<Element>,
}

/// A list of commitments by one party.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupFront {
    /// The words introducing the list, e.g. "I will:".
    #[serde(default)]
    pub lead: Option<String>,
    /// The commitments, in order.
    pub commitments: Vec<CommitmentFront>,
}

/// One commitment.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitmentFront {
    /// Stable id, unique across the plan.
    pub id: String,
    /// The commitment's words.
    pub text: String,
    /// Delivery status.
    #[serde(default)]
    pub status: Option<DeliveryStatus>,
    /// Due date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default)]
    pub due: Option<String>,
    /// Who delivers it.
    #[serde(default)]
    pub owner: Option<String>,
    /// Links to evidence of delivery.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// How far a commitment has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeliveryStatus {
    /// Work has not begun.
    NotStarted,
    /// Work is under way.
    InProgress,
    /// Done.
    Delivered,
    /// Under way but may not be delivered as promised.
    AtRisk,
}

impl DeliveryStatus {
    /// The status in words, for readers.
    pub fn label(self) -> &'static str {
        match self {
            DeliveryStatus::NotStarted => "Not started",
            DeliveryStatus::InProgress => "In progress",
            DeliveryStatus::Delivered => "Delivered",
            DeliveryStatus::AtRisk => "At risk",
        }
    }
}

/// A link to evidence.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// What the link shows.
    pub title: String,
    /// Where it is.
    pub url: String,
}

/// `content/glossary/<id>.md`: a glossary term.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFront {
    /// The term.
    pub term: String,
    /// Its abbreviations, if any.
    #[serde(default)]
    pub abbreviations: Vec<String>,
}

/// `content/performance/<id>.md`: a performance statement.
///
/// One struct covers every shape the force's performance report uses: a figure against a
/// numeric target, figures by local policing area and over time, counts against control
/// limits, qualitative targets, national measures with a direction of change, and
/// breakdowns such as satisfaction by service stage. Every part but the measure, unit,
/// target and source is optional; see `docs/content-model.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementFront {
    /// What is measured.
    pub measure: String,
    /// The unit of the figures.
    pub unit: Unit,
    /// Which direction is better.
    #[serde(default)]
    pub better: Option<Better>,
    /// What good looks like.
    pub target: TargetFront,
    /// The latest figure, force-wide.
    #[serde(default)]
    pub latest: Option<Figure>,
    /// The figure for the period before it.
    #[serde(default)]
    pub previous: Option<Figure>,
    /// An earlier figure to compare with: the start of a trend, or the same quarter two
    /// years before.
    #[serde(default)]
    pub baseline: Option<Figure>,
    /// A published percentage change, such as the year-to-date change.
    #[serde(default)]
    pub change: Option<Change>,
    /// The published direction of change (the report's arrows).
    #[serde(default)]
    pub direction: Option<Direction>,
    /// Statistical control limits the latest figure is judged against.
    #[serde(default)]
    pub limits: Option<Limits>,
    /// Latest figures by local policing area (the same period as `latest`).
    #[serde(default)]
    pub areas: Vec<AreaValue>,
    /// Figures over time, oldest first, force-wide and optionally by area.
    #[serde(default)]
    pub series: Vec<SeriesPoint>,
    /// Figures broken down by something other than area or time.
    #[serde(default)]
    pub breakdowns: Vec<Breakdown>,
    /// Figures the source showed only as chart images, so they are not given here.
    #[serde(default)]
    pub chart_only: Vec<String>,
    /// Priorities this statement evidences, by id.
    #[serde(default)]
    pub priorities: Vec<String>,
    /// National policing priorities this statement evidences, by id.
    #[serde(default)]
    pub national_priorities: Vec<String>,
    /// Who leads on the measure, as the source names them.
    #[serde(default)]
    pub lead: Option<String>,
    /// Where the underlying data comes from, e.g. a survey or police recorded crime.
    #[serde(default)]
    pub data_source: Option<String>,
    /// The publication the figures are taken from. A plan that reports quarter by quarter
    /// gives it in each report instead.
    #[serde(default)]
    pub source: Option<String>,
}

/// The unit a statement's figures are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// Per cent.
    Percent,
    /// A count of things.
    Count,
    /// A rate.
    Rate,
    /// Seconds.
    Seconds,
    /// No numbers: the statement is qualitative.
    Text,
}

impl Unit {
    /// The unit as content files and data files write it (`percent`, `count`, ...).
    pub fn id(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Count => "count",
            Unit::Rate => "rate",
            Unit::Seconds => "seconds",
            Unit::Text => "text",
        }
    }

    /// The key of its words in the word tables (`crate::words::Words`).
    pub fn key(self) -> &'static str {
        match self {
            Unit::Percent => "unit-percent",
            Unit::Count => "unit-count",
            Unit::Rate => "unit-rate",
            Unit::Seconds => "unit-seconds",
            Unit::Text => "unit-text",
        }
    }

    /// The unit in words, for axis titles and data files.
    pub fn label(self) -> &'static str {
        match self {
            Unit::Percent => "Per cent",
            Unit::Count => "Number",
            Unit::Rate => "Rate",
            Unit::Seconds => "Seconds",
            Unit::Text => "Text",
        }
    }
}

/// Whether a higher or lower figure is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Better {
    /// Higher is better.
    Higher,
    /// Lower is better.
    Lower,
    /// Neither.
    None,
}

/// What good looks like.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TargetFront {
    /// The target in words.
    pub text: String,
    /// The target as a figure, when it is one.
    #[serde(default)]
    pub value: Option<f64>,
    /// The target as a percentage change on the baseline (`-20` for a 20% reduction).
    #[serde(default)]
    pub change: Option<f64>,
}

/// A figure for a period.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The number.
    pub value: f64,
    /// The period it covers.
    pub period: String,
}

/// A published percentage change.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The change in per cent (`-29` for a 29% fall).
    pub value: f64,
    /// What is compared with what, e.g. "Year to date 2021/22 on 2019/20".
    pub basis: String,
}

/// The direction a figure has moved, as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Rising (↑).
    Up,
    /// Falling (↓).
    Down,
    /// About level (↔).
    Level,
}

impl Direction {
    /// The key of its words in the word tables (`crate::words::Words`).
    pub fn key(self) -> &'static str {
        match self {
            Direction::Up => "direction-up",
            Direction::Down => "direction-down",
            Direction::Level => "direction-level",
        }
    }

    /// The direction in words.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Up => "Rising",
            Direction::Down => "Falling",
            Direction::Level => "Level",
        }
    }

    /// The arrow the report uses.
    pub fn arrow(self) -> &'static str {
        match self {
            Direction::Up => "↑",
            Direction::Down => "↓",
            Direction::Level => "↔",
        }
    }
}

/// Upper and lower statistical control limits.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// The upper control limit.
    pub upper: f64,
    /// The lower control limit.
    pub lower: f64,
    /// How the limits were set, e.g. "Two standard deviations either side of the 2019/20 mean".
    #[serde(default)]
    pub basis: Option<String>,
}

/// A figure for one local policing area.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AreaValue {
    /// The area's id.
    pub area: String,
    /// The figure.
    pub value: f64,
}

/// The figures for one period in a series.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesPoint {
    /// The period, e.g. "April 2021".
    pub period: String,
    /// The force-wide figure.
    #[serde(default)]
    pub value: Option<f64>,
    /// Figures by local policing area.
    #[serde(default)]
    pub areas: Vec<AreaValue>,
}

/// Figures broken down by stage, question, category or similar.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Breakdown {
    /// What the breakdown shows, e.g. "Satisfaction by service stage".
    pub title: String,
    /// The unit of its figures, when it differs from the statement's.
    #[serde(default)]
    pub unit: Option<Unit>,
    /// The period of the items' `value`s.
    #[serde(default)]
    pub period: Option<String>,
    /// The period of the items' `baseline`s.
    #[serde(default)]
    pub baseline_period: Option<String>,
    /// The items, in the source's order.
    pub items: Vec<BreakdownItem>,
}

/// One line of a breakdown.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BreakdownItem {
    /// What it is, e.g. "Initial report".
    pub label: String,
    /// Its figure for the breakdown's period.
    pub value: f64,
    /// Its figure for the baseline period.
    #[serde(default)]
    pub baseline: Option<f64>,
    /// The published percentage change.
    #[serde(default)]
    pub change: Option<f64>,
    /// Its control limits.
    #[serde(default)]
    pub limits: Option<Limits>,
    /// A short note, e.g. "up 1% on last quarter".
    #[serde(default)]
    pub note: Option<String>,
}

/// `content/reports/<id>/_index.md`: a reporting period, such as a quarter, and the report on
/// it presented to the Police and Crime Panel.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportFront {
    /// The period's name, e.g. "Quarter 1 2021/22".
    pub title: String,
    /// The period's first day, `YYYY-MM-DD`.
    pub start: String,
    /// The period's last day, `YYYY-MM-DD`.
    pub end: String,
    /// The day the report was presented to the Police and Crime Panel, `YYYY-MM-DD`; a
    /// published report must give it.
    #[serde(default)]
    pub presented: Option<String>,
    /// Draft (being filled in) or published (presented, and frozen).
    pub status: ReportStatus,
    /// The publication the report's figures are taken from, unless a statement's file in the
    /// report gives its own.
    #[serde(default)]
    pub source: Option<String>,
}

/// Whether a report is still being filled in or has been published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportStatus {
    /// Being filled in: figures may be left blank, and it is not yet the latest report.
    Draft,
    /// Presented to the Panel: every figure given, and its pages frozen.
    Published,
}

impl ReportStatus {
    /// "draft" or "published", as written in the file.
    pub fn id(self) -> &'static str {
        match self {
            ReportStatus::Draft => "draft",
            ReportStatus::Published => "published",
        }
    }
}

/// `content/reports/<report>/<statement>.md`: one statement's figures for the report's period.
///
/// The keys are a statement's figures (see [`StatementFront`]), and every value may be left
/// blank while the report is a draft (`planpress new report` starts each file with the last
/// report's keys and every figure blank): a blank is something to fill in, never a zero. A
/// figure or item with a blank value is left out of the draft's pages until it is filled in.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportedFront {
    /// The latest figure, force-wide.
    #[serde(default)]
    pub latest: Option<OpenFigure>,
    /// The figure for the period before it.
    #[serde(default)]
    pub previous: Option<OpenFigure>,
    /// An earlier figure to compare with.
    #[serde(default)]
    pub baseline: Option<OpenFigure>,
    /// A published percentage change.
    #[serde(default)]
    pub change: Option<OpenChange>,
    /// The published direction of change.
    #[serde(default)]
    pub direction: Option<Direction>,
    /// Statistical control limits.
    #[serde(default)]
    pub limits: Option<OpenLimits>,
    /// Figures by local policing area (the same period as `latest`).
    #[serde(default)]
    pub areas: Vec<OpenArea>,
    /// Figures over time, oldest first.
    #[serde(default)]
    pub series: Vec<OpenPoint>,
    /// Figures broken down by something other than area or time.
    #[serde(default)]
    pub breakdowns: Vec<OpenBreakdown>,
    /// Figures the source showed only as chart images.
    #[serde(default)]
    pub chart_only: Vec<String>,
    /// The publication these figures are taken from, when it is not the report's.
    #[serde(default)]
    pub source: Option<String>,
}

/// A [`Figure`] in a report, whose parts may be blank.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenFigure {
    /// The number.
    #[serde(default)]
    pub value: Option<f64>,
    /// The period it covers.
    #[serde(default)]
    pub period: Option<String>,
}

/// A [`Change`] in a report, whose parts may be blank.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenChange {
    /// The change in per cent.
    #[serde(default)]
    pub value: Option<f64>,
    /// What is compared with what.
    #[serde(default)]
    pub basis: Option<String>,
}

/// [`Limits`] in a report, whose parts may be blank.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenLimits {
    /// The upper control limit.
    #[serde(default)]
    pub upper: Option<f64>,
    /// The lower control limit.
    #[serde(default)]
    pub lower: Option<f64>,
    /// How the limits were set.
    #[serde(default)]
    pub basis: Option<String>,
}

/// An [`AreaValue`] in a report, whose parts may be blank.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenArea {
    /// The area's id.
    #[serde(default)]
    pub area: Option<String>,
    /// The figure.
    #[serde(default)]
    pub value: Option<f64>,
}

/// A [`SeriesPoint`] in a report, whose parts may be blank.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenPoint {
    /// The period.
    #[serde(default)]
    pub period: Option<String>,
    /// The force-wide figure.
    #[serde(default)]
    pub value: Option<f64>,
    /// Figures by local policing area.
    #[serde(default)]
    pub areas: Vec<OpenArea>,
}

/// A [`Breakdown`] in a report, whose parts may be blank.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenBreakdown {
    /// What the breakdown shows.
    #[serde(default)]
    pub title: Option<String>,
    /// The unit of its figures, when it differs from the statement's.
    #[serde(default)]
    pub unit: Option<Unit>,
    /// The period of the items' values.
    #[serde(default)]
    pub period: Option<String>,
    /// The period of the items' baselines.
    #[serde(default)]
    pub baseline_period: Option<String>,
    /// The items, in the source's order.
    #[serde(default)]
    pub items: Vec<OpenItem>,
}

/// A [`BreakdownItem`] in a report, whose parts may be blank.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenItem {
    /// What it is.
    #[serde(default)]
    pub label: Option<String>,
    /// Its figure for the breakdown's period.
    #[serde(default)]
    pub value: Option<f64>,
    /// Its figure for the baseline period.
    #[serde(default)]
    pub baseline: Option<f64>,
    /// The published percentage change.
    #[serde(default)]
    pub change: Option<f64>,
    /// Its control limits.
    #[serde(default)]
    pub limits: Option<OpenLimits>,
    /// A short note.
    #[serde(default)]
    pub note: Option<String>,
}

/// Any other page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFront {
    /// The page title.
    pub title: String,
    /// Position in the navigation.
    #[serde(default)]
    pub order: Option<u32>,
    /// The statutory contents the page covers.
    #[serde(default)]
    pub covers: Vec<Element>,
}

/// The top-level keys a kind of file cannot leave out: serde reports only the first one
/// missing, and [`crate::parse::front_matter`] reports the rest from this list. A test checks
/// each list against what serde requires (`every_required_key_list_matches_serde`).
pub trait RequiredKeys {
    /// The keys, in the order the type declares them.
    const REQUIRED: &'static [&'static str];
}

impl RequiredKeys for PlanFront {
    const REQUIRED: &'static [&'static str] = &[
        "title",
        "period",
        "status",
        "area",
        "commissioner",
        "organisation",
        "published",
        "licence",
        "contact",
    ];
}

impl RequiredKeys for AimFront {
    const REQUIRED: &'static [&'static str] = &["title", "order"];
}

impl RequiredKeys for PriorityFront {
    const REQUIRED: &'static [&'static str] = &["title"];
}

impl RequiredKeys for GlossaryFront {
    const REQUIRED: &'static [&'static str] = &["term"];
}

impl RequiredKeys for StatementFront {
    const REQUIRED: &'static [&'static str] = &["measure", "unit", "target"];
}

impl RequiredKeys for ReportFront {
    const REQUIRED: &'static [&'static str] = &["title", "start", "end", "status"];
}

impl RequiredKeys for ReportedFront {
    const REQUIRED: &'static [&'static str] = &[];
}

impl RequiredKeys for PageFront {
    const REQUIRED: &'static [&'static str] = &["title"];
}

/// The text of a translation of `content/_index.md` (`_index.<lang>.md`): only words; every
/// other setting is the original's.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanText {
    /// The plan's name in this language.
    pub title: String,
    /// The line under the title.
    #[serde(default)]
    pub subtitle: Option<String>,
    /// The words for the plan's levels in this language.
    #[serde(default)]
    pub levels: Option<LevelsFront>,
    /// The police force area's name in this language.
    #[serde(default)]
    pub area: Option<String>,
    /// The publishing office's name in this language.
    #[serde(default)]
    pub organisation: Option<String>,
    /// The words for the parties that make commitments (the Commissioner, the Chief
    /// Constable and those the plan declares), by the original's ids.
    #[serde(default)]
    pub parties: Vec<PartyText>,
}

/// A party's words in a translation of the plan file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyText {
    /// The party's id: `commissioner`, `chief-constable`, or a declared party's.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// The heading over its commitments.
    #[serde(default)]
    pub heading: Option<String>,
    /// The words introducing its commitments.
    #[serde(default)]
    pub lead: Option<String>,
}

/// The text of a translation of an aim's `_index.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AimText {
    /// The aim's title.
    pub title: String,
    /// Its outcomes, as many as the original has, in the same order.
    #[serde(default)]
    pub outcomes: Option<Vec<String>>,
}

/// The text of a translation of a priority: its title and, by id, its commitments' words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityText {
    /// The priority's title.
    pub title: String,
    /// The words introducing each party's commitments, by party id (`commissioner`,
    /// `chief-constable`, or a declared party's id).
    #[serde(default)]
    pub leads: BTreeMap<String, String>,
    /// The commitments' words, each under the id the original gives it.
    #[serde(default)]
    pub commitments: Vec<CommitmentText>,
}

/// One commitment's words in a translation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitmentText {
    /// The original commitment's id.
    pub id: String,
    /// Its words in this language; `None` (`text: ~`, or no `text`) marks the commitment as
    /// not translated yet, so readers see the original's words with a note.
    #[serde(default, deserialize_with = "words_or_not_yet")]
    pub text: Option<String>,
}

/// A translated commitment's `text`: words, or `~` for "not translated yet". A bare number or
/// `true`/`false` is refused, since it is neither (a mistyped marker reads as one).
fn words_or_not_yet<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    use serde::de::{Error, Unexpected, Visitor};
    const EXPECTED: &str = "the commitment's words, or ~ to mark it as not translated yet";
    struct Words;
    impl<'de> Visitor<'de> for Words {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_bool<E: Error>(self, v: bool) -> Result<Self::Value, E> {
            Err(E::invalid_value(Unexpected::Bool(v), &EXPECTED))
        }
        fn visit_i64<E: Error>(self, v: i64) -> Result<Self::Value, E> {
            Err(E::invalid_value(Unexpected::Signed(v), &EXPECTED))
        }
        fn visit_u64<E: Error>(self, v: u64) -> Result<Self::Value, E> {
            Err(E::invalid_value(Unexpected::Unsigned(v), &EXPECTED))
        }
        fn visit_f64<E: Error>(self, v: f64) -> Result<Self::Value, E> {
            Err(E::invalid_value(Unexpected::Float(v), &EXPECTED))
        }
    }
    d.deserialize_any(Words)
}

/// The text of a translation of a glossary term.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryText {
    /// The term in this language.
    pub term: String,
    /// Its abbreviations in this language (Welsh has its own for many English ones).
    #[serde(default)]
    pub abbreviations: Vec<String>,
}

/// The text of a translation of a performance statement: its wording, never its figures.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementText {
    /// What is measured.
    pub measure: String,
    /// The target in words.
    #[serde(default)]
    pub target: Option<String>,
    /// Who leads on the measure.
    #[serde(default)]
    pub lead: Option<String>,
    /// Where the underlying data comes from.
    #[serde(default)]
    pub data_source: Option<String>,
    /// The source of the figures.
    #[serde(default)]
    pub source: Option<String>,
}

/// The text of a translation of a page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageText {
    /// The page title.
    pub title: String,
}

impl RequiredKeys for PlanText {
    const REQUIRED: &'static [&'static str] = &["title"];
}

impl RequiredKeys for AimText {
    const REQUIRED: &'static [&'static str] = &["title"];
}

impl RequiredKeys for PriorityText {
    const REQUIRED: &'static [&'static str] = &["title"];
}

impl RequiredKeys for GlossaryText {
    const REQUIRED: &'static [&'static str] = &["term"];
}

impl RequiredKeys for StatementText {
    const REQUIRED: &'static [&'static str] = &["measure"];
}

impl RequiredKeys for PageText {
    const REQUIRED: &'static [&'static str] = &["title"];
}
