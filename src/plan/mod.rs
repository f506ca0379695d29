//! The validated plan: one typed model that every output reads.
//!
//! [`Plan::from_files`] takes the loaded files, parses each by its place in the folder,
//! checks ids and every reference between items (statements to priorities and areas, links and
//! anchors in Markdown), and either returns a complete [`Plan`] or every problem found. Outputs
//! (website, large print, data, diff) receive `&Plan` and never re-read the files.

pub mod delivery;
pub mod diff;
mod links;
pub mod performance;
pub mod route;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics::{nearest, ContentErrors, Diagnostic, Diagnostics};
use crate::load::SourceFile;
use crate::parse::kinds::*;
use crate::parse::{front_matter, split};

pub use links::{BodyCheck, BodyScans};
pub use route::Route;

/// When [`Builder::finish`] checks the plan's Markdown bodies.
enum Bodies<'c> {
    /// Now, reusing what the cache knows of the files outside the changed set, if given.
    Now(Option<(&'c mut links::LinkCache, &'c HashSet<String>)>),
    /// As the build renders them ([`BodyCheck`]), unless something else is wrong.
    LaterUnlessProblems,
}

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

    fn error_at(&self, needle: &str, message: impl Into<String>) -> Diagnostic {
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

    fn error_under(&self, key: &str, needle: &str, message: impl Into<String>) -> Diagnostic {
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
    /// The years covered.
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
    /// Published address, if set.
    pub base_url: Option<String>,
    /// The foreword.
    pub foreword: Body,
    /// The source file.
    pub origin: Origin,
}

impl PlanMeta {
    /// The settings as written in `content/_index.md`, before any cross-checks.
    pub fn from_front(front: PlanFront, foreword: Body, origin: Origin) -> Self {
        PlanMeta {
            reporting_date: front
                .reporting_date
                .unwrap_or_else(|| front.published.clone()),
            title: front.title,
            subtitle: front.subtitle,
            period: front.period,
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
/// in [`performance`], so every output words them the same way.
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

/// Ids that name generated pages or folders, so content may not take them.
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
];

impl Plan {
    /// Loads and validates the plan in a content folder.
    pub fn from_dir(dir: &Path) -> Result<Plan, ContentErrors> {
        let (plan, later) = Plan::load_dir(dir, false)?;
        debug_assert!(later.is_none(), "every body is checked");
        Ok(plan)
    }

    /// As [`Plan::from_dir`], except that when nothing else is wrong the Markdown bodies are
    /// not checked yet: the [`BodyCheck`] returned checks them as a build renders them, so
    /// that each is parsed once. When anything else is wrong, every body is checked now and
    /// all the problems come back together, as from [`Plan::from_dir`].
    pub fn from_dir_checking_bodies_later(dir: &Path) -> Result<(Plan, BodyCheck), ContentErrors> {
        let (plan, later) = Plan::load_dir(dir, true)?;
        Ok((
            plan,
            later.expect("a plan without problems leaves its bodies to check"),
        ))
    }

    /// Loads the plan in a content folder, leaving its bodies unchecked when `later` and
    /// nothing else is wrong.
    fn load_dir(dir: &Path, later: bool) -> Result<(Plan, Option<BodyCheck>), ContentErrors> {
        let mut diags = Diagnostics::new();
        if !dir.is_dir() {
            diags.push(
                Diagnostic::new(dir, 0, 0, "the content folder does not exist").with_hint(
                    "run planpress in the folder that holds content/, or pass --content DIR",
                ),
            );
            return Err(ContentErrors(diags.into_sorted()));
        }
        // Each file is read and parsed in one step on one core, and its text freed at once,
        // so a big plan's text is never all in memory beside its parsed model.
        let files = crate::load::list(dir, &mut diags)
            .into_par_iter()
            .map(|(rel, path)| crate::load::read(rel, &path));
        let plan = Plan::from_parallel_files(files, dir, diags, later);
        release_freed_memory();
        plan
    }

    /// Builds and validates the plan from loaded files, adding to the problems already found.
    pub fn from_files(
        files: &[SourceFile],
        root: &Path,
        diags: Diagnostics,
    ) -> Result<Plan, ContentErrors> {
        let (plan, later) =
            Plan::from_parallel_files(files.par_iter().map(Ok), root, diags, false)?;
        debug_assert!(later.is_none(), "every body is checked");
        Ok(plan)
    }

    fn from_parallel_files<F: std::borrow::Borrow<SourceFile> + Send>(
        files: impl IndexedParallelIterator<Item = Result<F, Diagnostic>>,
        root: &Path,
        mut diags: Diagnostics,
        bodies_later: bool,
    ) -> Result<(Plan, Option<BodyCheck>), ContentErrors> {
        // Parsing front matter is most of the work and each file stands alone: parse on every
        // core, each thread into its own builder, then merge them in file order so the
        // result is what parsing one file after another would give.
        let (b, parse_diags) = files
            .fold(
                || (Builder::default(), Diagnostics::new()),
                |(mut b, mut d), file| {
                    match file {
                        Ok(file) => b.add(file.borrow(), &mut d),
                        Err(problem) => d.push(problem),
                    }
                    (b, d)
                },
            )
            .reduce(
                || (Builder::default(), Diagnostics::new()),
                |(mut a, mut da), (b, db)| {
                    a.merge(b);
                    da.extend(db);
                    (a, da)
                },
            );
        diags.extend(parse_diags);
        let bodies = match bodies_later {
            true => Bodies::LaterUnlessProblems,
            false => Bodies::Now(None),
        };
        match b.finish(root, &mut diags, bodies) {
            Some(plan) if diags.is_empty() => Ok(plan),
            _ => Err(ContentErrors(diags.into_sorted())),
        }
    }

    /// As [`Plan::from_files`], reusing what `cache` holds for files whose text has not
    /// changed since it was filled, and keeping what it finds now for next time. The plan and
    /// the problems are exactly those [`Plan::from_files`] gives; only the work is less.
    pub fn from_files_cached(
        files: &[SourceFile],
        root: &Path,
        mut diags: Diagnostics,
        cache: &mut PlanCache,
    ) -> Result<Plan, ContentErrors> {
        let parsed: Vec<(bool, Builder, Diagnostics)> = files
            .par_iter()
            .map(|file| match cache.files.get(&file.rel) {
                Some((display, text, b, d)) if *text == file.text && *display == file.display => {
                    (false, b.clone(), d.clone())
                }
                _ => {
                    let (mut b, mut d) = (Builder::default(), Diagnostics::new());
                    b.add(file, &mut d);
                    (true, b, d)
                }
            })
            .collect();
        let present: HashSet<&str> = files.iter().map(|f| f.rel.as_str()).collect();
        cache.files.retain(|rel, _| present.contains(rel.as_str()));
        let mut changed = HashSet::new();
        let mut builder = Builder::default();
        for (file, (fresh, b, d)) in files.iter().zip(parsed) {
            if fresh {
                changed.insert(file.rel.clone());
                cache.files.insert(
                    file.rel.clone(),
                    (
                        file.display.clone(),
                        file.text.clone(),
                        b.clone(),
                        d.clone(),
                    ),
                );
            }
            builder.merge(b);
            diags.extend(d);
        }
        cache.valid = None;
        let raw_html = builder.plan.as_ref().map(|(front, _, _)| front.raw_html);
        let bodies = Bodies::Now(Some((&mut cache.links, &changed)));
        match builder.finish(root, &mut diags, bodies) {
            Some((plan, _)) if diags.is_empty() => {
                cache.valid = raw_html.map(|raw_html| Valid {
                    raw_html,
                    commitments: None,
                });
                Ok(plan)
            }
            _ => Err(ContentErrors(diags.into_sorted())),
        }
    }

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
}

/// Hands memory freed while loading (file texts, parse trees, link checks) back to the
/// system, so the pages rendered next do not start from the loading peak. Only glibc keeps
/// freed memory from the system like this.
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns unused memory; it is safe to call at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// What parsing and checking found in each file of one content folder, kept between builds
/// so that a rebuild after an edit parses and checks again only the files that changed (see
/// [`Plan::from_files_cached`] and [`crate::build::Session`]).
#[derive(Default)]
pub struct PlanCache {
    /// By file: the name shown in messages, the text, and what parsing it gave.
    files: HashMap<String, (PathBuf, String, Builder, Diagnostics)>,
    links: links::LinkCache,
    /// Set while the plan last made from this cache was valid: what patching it needs.
    valid: Option<Valid>,
}

/// What [`PlanCache::patch`] keeps about the valid plan it patches.
struct Valid {
    /// The plan's `raw_html` setting.
    raw_html: crate::render::markdown::RawHtml,
    /// Every commitment's id, with the file it is in (relative path); made when the first
    /// patch needs it and kept up to date by each patch.
    commitments: Option<HashMap<String, String>>,
}

impl PlanCache {
    /// Brings `plan` up to date after the priority files `changed` were edited in place,
    /// without validating the whole plan again. `plan` must be the plan the latest
    /// [`Plan::from_files_cached`] with this cache returned, and it must have succeeded (its
    /// `meta.base_url` may have been overridden since); every other file must be as it was then.
    ///
    /// A priority's file decides its own page and nothing that other files are checked
    /// against but its page's anchors (its headings and commitment ids) and its commitment ids'
    /// uniqueness. So each changed file is parsed and given the checks that need only itself,
    /// its commitment ids are checked against an index of every other file's, and its links are
    /// checked (every body's links too, through the link cache, when its anchors changed).
    ///
    /// Returns the priorities replaced, in the order of `changed`, when every check passed:
    /// `plan` is then exactly what [`Plan::from_files_cached`] would return for the edited
    /// files, and the cache is as that call would leave it. Returns `None`, with `plan`
    /// unchanged, when a file is not a priority's, when anything is wrong (only a full
    /// validation reports problems, so they read exactly as `planpress build` reports them),
    /// or when the cache holds no valid plan.
    pub fn patch(&mut self, plan: &mut Plan, changed: &[&SourceFile]) -> Option<Vec<Priority>> {
        let raw_html = self.valid.as_ref()?.raw_html;
        if changed.is_empty() {
            return None;
        }
        // Where each changed priority is in the plan, and what its file says now.
        let mut patches = Vec::with_capacity(changed.len());
        let mut seen: HashMap<String, std::sync::Arc<Path>> = HashMap::new();
        for file in changed {
            let (aim_at, at) = plan.aims.iter().enumerate().find_map(|(a, aim)| {
                let at = aim
                    .priorities
                    .iter()
                    .position(|p| p.origin.file == file.rel)?;
                Some((a, at))
            })?;
            let mut parsed = Builder::default();
            let mut diags = Diagnostics::new();
            parsed.add(file, &mut diags);
            let kept = parsed.clone();
            let (aim_id, number, id, front, body, origin) = match parsed.priorities.pop() {
                Some(p) if diags.is_empty() && parsed.priorities.is_empty() => p,
                _ => return None,
            };
            let old = &plan.aims[aim_at].priorities[at];
            if (&aim_id, number, &id) != (&old.aim, old.number, &old.id) {
                return None;
            }
            check_number(&front, &aim_id, number, &id, &origin, &mut diags);
            let priority = priority_from(
                aim_id,
                number,
                id,
                front,
                body,
                origin,
                Some(&mut seen),
                &mut diags,
            );
            if !diags.is_empty() {
                return None;
            }
            patches.push((aim_at, at, priority, kept));
        }
        // No commitment id may be used by another file (within the changed files, `seen`
        // already found any repeat).
        self.prepare_patch(plan);
        let index = self.valid.as_mut()?.commitments.as_mut()?;
        for (_, _, p, _) in &patches {
            for (_, c) in p.commitments() {
                if index
                    .get(&c.id)
                    .is_some_and(|file| !changed.iter().any(|f| &f.rel == file))
                {
                    return None;
                }
            }
        }
        // Put the new priorities in, and check every body's links as a full validation would.
        let mut olds = Vec::with_capacity(patches.len());
        let mut kept = Vec::with_capacity(patches.len());
        for (aim_at, at, priority, builder) in patches {
            let old = std::mem::replace(&mut plan.aims[aim_at].priorities[at], priority);
            olds.push((aim_at, at, old));
            kept.push(builder);
        }
        let rels: HashSet<String> = changed.iter().map(|f| f.rel.clone()).collect();
        let mut diags = Diagnostics::new();
        links::check_reusing(
            plan,
            &Broken::default(),
            raw_html,
            &mut diags,
            Some((&mut self.links, &rels)),
        );
        if !diags.is_empty() {
            // Put the plan back. The link cache holds what it found for the edited files,
            // which stays true of them; the parse cache does not, so a full validation parses
            // them again and reports every problem.
            for (aim_at, at, old) in olds {
                plan.aims[aim_at].priorities[at] = old;
            }
            return None;
        }
        // The index: the old priorities' ids out, the new ones in.
        for (_, _, old) in &olds {
            for (_, c) in old.commitments() {
                index.remove(&c.id);
            }
        }
        for file in changed {
            let p = plan.priorities().find(|p| p.origin.file == file.rel)?;
            for (_, c) in p.commitments() {
                index.insert(c.id.clone(), file.rel.clone());
            }
        }
        for (file, builder) in changed.iter().zip(kept) {
            self.files.insert(
                file.rel.clone(),
                (
                    file.display.clone(),
                    file.text.clone(),
                    builder,
                    Diagnostics::new(),
                ),
            );
        }
        Some(olds.into_iter().map(|(_, _, old)| old).collect())
    }

    /// Makes now what the first [`PlanCache::patch`] would otherwise make (an index of the
    /// plan's commitment ids), for a caller with time to spare; `plan` as for the patch.
    pub fn prepare_patch(&mut self, plan: &Plan) {
        if let Some(valid) = self.valid.as_mut() {
            valid.commitments.get_or_insert_with(|| {
                plan.priorities()
                    .flat_map(|p| {
                        p.commitments()
                            .map(|(_, c)| (c.id.clone(), p.origin.file.clone()))
                    })
                    .collect()
            });
        }
    }

    /// Forgets that the cache's plan was valid, so the next [`PlanCache::patch`] refuses and
    /// the next plan is validated in full (for a caller whose copy of the plan may differ).
    pub fn forget_valid(&mut self) {
        self.valid = None;
    }
}

#[derive(Default, Clone)]
struct Builder {
    plan: Option<(PlanFront, Body, Origin)>,
    aims: BTreeMap<String, (AimFront, Body, Origin)>,
    priorities: Vec<(String, u32, String, PriorityFront, Body, Origin)>,
    glossary: Vec<GlossaryTerm>,
    statements: Vec<(StatementFront, String, Body, Origin)>,
    pages: Vec<Page>,
    broken: Broken,
}

/// Items whose files could not be parsed. References to them are not reported as well: the
/// author already has the file's own error to fix, and a second message would mislead.
#[derive(Default, Clone, PartialEq)]
pub(crate) struct Broken {
    /// Site paths of pages that will be missing.
    pub paths: BTreeSet<String>,
    /// Priority ids that will be missing.
    pub priorities: BTreeSet<String>,
    /// Aim ids whose `_index.md` failed.
    pub aims: BTreeSet<String>,
    /// True when the glossary lost a term, so its anchors are incomplete.
    pub glossary: bool,
}

impl Broken {
    fn mark(&mut self, kind: &Kind) {
        match kind {
            Kind::Plan => {}
            Kind::Page(id) => {
                self.paths.insert(Route::Page(id.clone()).path());
            }
            Kind::Aim(id) => {
                self.aims.insert(id.clone());
                self.paths.insert(Route::Aim(id.clone()).path());
            }
            Kind::Priority { aim, id, .. } => {
                self.priorities.insert(id.clone());
                self.paths.insert(
                    Route::Priority {
                        aim: aim.clone(),
                        id: id.clone(),
                    }
                    .path(),
                );
            }
            Kind::Glossary(_) => self.glossary = true,
            Kind::Statement(id) => {
                self.paths.insert(Route::Statement(id.clone()).path());
            }
        }
    }
}

/// What a file is, from its place in the folder.
enum Kind {
    Plan,
    Page(String),
    Aim(String),
    Priority {
        aim: String,
        number: u32,
        id: String,
    },
    Glossary(String),
    Statement(String),
}

fn classify(rel: &str) -> Result<Kind, (String, Option<String>)> {
    let parts: Vec<&str> = rel.split('/').collect();
    let stem = |name: &str| name.trim_end_matches(".md").to_string();
    match parts.as_slice() {
        ["_index.md"] => Ok(Kind::Plan),
        [name] => Ok(Kind::Page(stem(name))),
        ["glossary", "_index.md"] | ["performance", "_index.md"] => Err((
            "the glossary and performance folders do not take an _index.md".to_string(),
            Some("their index pages are generated; remove this file".to_string()),
        )),
        ["glossary", name] => Ok(Kind::Glossary(stem(name))),
        ["performance", name] => Ok(Kind::Statement(stem(name))),
        [aim, "_index.md"] => Ok(Kind::Aim(aim.to_string())),
        [aim, name] => {
            let s = stem(name);
            match s.split_once('-') {
                Some((n, id))
                    if n.len() >= 2 && n.chars().all(|c| c.is_ascii_digit()) && !id.is_empty() =>
                {
                    Ok(Kind::Priority {
                        aim: aim.to_string(),
                        number: n.parse().unwrap_or(0),
                        id: id.to_string(),
                    })
                }
                _ => Err((
                    "a priority's file name must start with its two-digit number".to_string(),
                    Some(format!(
                        "rename it to {aim}/NN-{s}.md, for example {aim}/01-{s}.md"
                    )),
                )),
            }
        }
        _ => Err((
            "content files may be at most one folder deep".to_string(),
            Some("aims are folders directly inside content/, holding their priorities".to_string()),
        )),
    }
}

/// True for ids made of lower-case letters, digits and single hyphens.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

fn id_hint(id: &str) -> String {
    let suggestion = crate::render::slug(id);
    if suggestion.is_empty() {
        "use lower-case letters, digits and hyphens".to_string()
    } else {
        format!("use lower-case letters, digits and hyphens, e.g. \"{suggestion}\"")
    }
}

impl Builder {
    /// Takes in what another builder parsed from files that come after this one's.
    fn merge(&mut self, later: Builder) {
        if later.plan.is_some() {
            self.plan = later.plan;
        }
        self.aims.extend(later.aims);
        self.priorities.extend(later.priorities);
        self.glossary.extend(later.glossary);
        self.statements.extend(later.statements);
        self.pages.extend(later.pages);
        self.broken.paths.extend(later.broken.paths);
        self.broken.priorities.extend(later.broken.priorities);
        self.broken.aims.extend(later.broken.aims);
        self.broken.glossary |= later.broken.glossary;
    }

    fn add(&mut self, file: &SourceFile, diags: &mut Diagnostics) {
        let path = file.display.as_path();
        let kind = match classify(&file.rel) {
            Ok(k) => k,
            Err((message, hint)) => {
                diags.push(Diagnostic::new(path, 0, 0, message).with_optional_hint(hint));
                return;
            }
        };
        let file_id = match &kind {
            Kind::Plan => None,
            Kind::Page(id)
            | Kind::Aim(id)
            | Kind::Glossary(id)
            | Kind::Statement(id)
            | Kind::Priority { id, .. } => Some(id.clone()),
        };
        if let Some(id) = &file_id {
            if !valid_id(id) {
                diags.push(
                    Diagnostic::new(
                        path,
                        0,
                        0,
                        format!("\"{id}\" cannot be used as an id (it becomes a web address)"),
                    )
                    .with_hint(format!("rename the file or folder: {}", id_hint(id))),
                );
                return;
            }
        }
        if let Kind::Priority { aim, .. } = &kind {
            if !valid_id(aim) {
                diags.push(
                    Diagnostic::new(
                        path,
                        0,
                        0,
                        format!("the aim folder \"{aim}\" cannot be used as an id"),
                    )
                    .with_hint(format!("rename the folder: {}", id_hint(aim))),
                );
                return;
            }
        }
        let parts = match split(&file.text, path) {
            Ok(p) => p,
            Err(d) => {
                diags.push(d);
                self.broken.mark(&kind);
                return;
            }
        };
        let origin = Origin {
            display: file.display.clone(),
            file: file.rel.clone(),
            front: parts.front.to_string(),
            front_line: parts.front_line,
        };
        let body = Body {
            markdown: parts.body.to_string(),
            line: parts.body_line,
        };
        let (yaml, line) = (parts.front, parts.front_line);
        let parsed = match &kind {
            Kind::Plan => front_matter::<PlanFront>(yaml, path, line, diags)
                .map(|front| self.plan = Some((front, body, origin))),
            Kind::Page(id) => front_matter::<PageFront>(yaml, path, line, diags).map(|front| {
                self.pages.push(Page {
                    id: id.clone(),
                    title: front.title,
                    order: front.order,
                    body,
                    origin,
                })
            }),
            Kind::Aim(id) => front_matter::<AimFront>(yaml, path, line, diags)
                .map(|front| drop(self.aims.insert(id.clone(), (front, body, origin)))),
            Kind::Priority { aim, number, id } => {
                front_matter::<PriorityFront>(yaml, path, line, diags).map(|front| {
                    self.priorities
                        .push((aim.clone(), *number, id.clone(), front, body, origin))
                })
            }
            Kind::Glossary(id) => {
                front_matter::<GlossaryFront>(yaml, path, line, diags).map(|front| {
                    self.glossary.push(GlossaryTerm {
                        id: id.clone(),
                        term: front.term,
                        abbreviations: front.abbreviations,
                        definition: body,
                        origin,
                    })
                })
            }
            Kind::Statement(id) => front_matter::<StatementFront>(yaml, path, line, diags)
                .map(|front| self.statements.push((front, id.clone(), body, origin))),
        };
        if parsed.is_none() {
            self.broken.mark(&kind);
        }
    }

    fn finish(
        mut self,
        root: &Path,
        diags: &mut Diagnostics,
        bodies: Bodies,
    ) -> Option<(Plan, Option<BodyCheck>)> {
        let mut broken = std::mem::take(&mut self.broken);
        let Some((front, foreword, origin)) = self.plan else {
            // A plan file that is there but could not be read or parsed has had its own
            // problems reported; calling it missing would send the author looking for a file
            // they can see.
            let path = root.join("_index.md");
            if !diags.iter().any(|d| d.path == path) {
                diags.push(
                    Diagnostic::new(&path, 0, 0, "the plan file is missing")
                        .with_hint("create content/_index.md with the plan's title, period, status and contact (see docs/content-model.md)"),
                );
            }
            return None;
        };
        check_date(&front.published, &front.published, &origin, diags, true);
        if let Some(url) = &front.base_url {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                diags.push(
                    origin
                        .error_at("base_url", "\"base_url\" must be a full web address")
                        .with_hint("e.g. https://www.westmercia-pcc.gov.uk/plan/"),
                );
            }
        }
        if let Some(date) = &front.reporting_date {
            check_date(date, "reporting_date", &origin, diags, true);
        }
        let mut national_ids = BTreeSet::new();
        for n in &front.national_priorities {
            if !valid_id(&n.id) {
                diags.push(
                    origin
                        .error_under(
                            "national_priorities",
                            &n.id,
                            format!("\"{}\" cannot be used as a national priority id", n.id),
                        )
                        .with_hint(id_hint(&n.id)),
                );
            } else if !national_ids.insert(n.id.clone()) {
                diags.push(origin.error_under(
                    "national_priorities",
                    &format!("id: {}", n.id),
                    format!("the national priority id \"{}\" is used twice", n.id),
                ));
            }
            if n.title.trim().is_empty() {
                diags.push(origin.error_under(
                    "national_priorities",
                    &format!("id: {}", n.id),
                    format!("the national priority \"{}\" has an empty title", n.id),
                ));
            }
        }
        let mut area_ids = BTreeSet::new();
        for a in &front.areas {
            if !valid_id(&a.id) {
                diags.push(
                    origin
                        .error_at(&a.id, format!("\"{}\" cannot be used as an area id", a.id))
                        .with_hint(id_hint(&a.id)),
                );
            } else if !area_ids.insert(a.id.clone()) {
                diags.push(origin.error_at(
                    &format!("id: {}", a.id),
                    format!("the area id \"{}\" is used twice", a.id),
                ));
            }
        }

        // Every id becomes part of an address or an anchor: check each namespace once.
        let mut top_ids: BTreeMap<String, PathBuf> = BTreeMap::new();
        let mut claim_top = |id: &str, origin: &Origin, what: &str, diags: &mut Diagnostics| {
            if RESERVED_IDS.contains(&id) {
                diags.push(
                    Diagnostic::new(
                        &origin.display,
                        0,
                        0,
                        format!(
                            "\"{id}\" is reserved for a generated page and cannot name a {what}"
                        ),
                    )
                    .with_hint("rename the file or folder"),
                );
            } else if let Some(other) = top_ids.get(id) {
                diags.push(
                    Diagnostic::new(
                        &origin.display,
                        0,
                        0,
                        format!(
                            "the {what} id \"{id}\" is already used by {}",
                            other.display()
                        ),
                    )
                    .with_hint("two items would share one web address; rename one of them"),
                );
            } else {
                top_ids.insert(id.to_string(), origin.display.clone());
            }
        };
        for (id, (_, _, origin)) in &self.aims {
            claim_top(id, origin, "aim", diags);
        }
        for page in &self.pages {
            claim_top(&page.id, &page.origin, "page", diags);
        }

        // Aims and their priorities.
        let mut aims: Vec<Aim> = Vec::new();
        let mut orders: BTreeMap<u32, String> = BTreeMap::new();
        for (id, (front, intro, origin)) in self.aims {
            if let Some(other) = orders.insert(front.order, id.clone()) {
                diags.push(
                    origin
                        .error_at(
                            "order",
                            format!(
                                "aims \"{other}\" and \"{id}\" both have order {}",
                                front.order
                            ),
                        )
                        .with_hint("give each aim its own order number"),
                );
            }
            aims.push(Aim {
                id,
                title: front.title,
                order: front.order,
                outcomes: front.outcomes,
                intro,
                priorities: Vec::new(),
                origin,
            });
        }
        aims.sort_by(|a, b| a.order.cmp(&b.order).then(a.id.cmp(&b.id)));
        // Looked up once per priority: an index, not a search, so big plans stay linear.
        let aim_index: HashMap<String, usize> = aims
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        // The first priority read with each number in each aim, as a place in `accepted`.
        let mut numbers: HashMap<(usize, u32), usize> = HashMap::new();
        let mut priority_ids: BTreeMap<String, PathBuf> = BTreeMap::new();
        // Where each priority went, in the order the files were read: commitment ids are checked
        // for repeats in that order once all are in (see `repeated_commitment_ids`).
        let mut read_order: Vec<(usize, usize)> = Vec::with_capacity(self.priorities.len());
        let mut in_aim = vec![0usize; aims.len()];
        // The priorities that belong to an aim, in the order the files were read, with it.
        let mut accepted: Vec<(usize, String, u32, String, PriorityFront, Body, Origin)> =
            Vec::with_capacity(self.priorities.len());
        for (aim_id, number, id, front, body, origin) in self.priorities {
            let Some(&aim_at) = aim_index.get(&aim_id) else {
                broken.mark(&Kind::Priority {
                    aim: aim_id.clone(),
                    number,
                    id: id.clone(),
                });
                if broken.aims.contains(&aim_id) {
                    continue;
                }
                diags.push(
                    Diagnostic::new(&origin.display, 0, 0, format!("the aim folder \"{aim_id}\" has no _index.md"))
                        .with_hint(format!("create content/{aim_id}/_index.md with the aim's title, order and outcomes")),
                );
                continue;
            };
            check_number(&front, &aim_id, number, &id, &origin, diags);
            if let Some(&first) = numbers.get(&(aim_at, number)) {
                let other = &accepted[first].6;
                diags.push(
                    Diagnostic::new(
                        &origin.display,
                        0,
                        0,
                        format!(
                            "priority number {number} is also used by {}",
                            other.display.display()
                        ),
                    )
                    .with_hint("number the priorities within an aim 01, 02, 03..."),
                );
            }
            if let Some(other) = priority_ids.insert(id.clone(), origin.display.clone()) {
                diags.push(
                    Diagnostic::new(
                        &origin.display,
                        0,
                        0,
                        format!(
                            "the priority id \"{id}\" is already used by {}",
                            other.display()
                        ),
                    )
                    .with_hint("give each priority file a different name after its number"),
                );
            }
            numbers.entry((aim_at, number)).or_insert(accepted.len());
            read_order.push((aim_at, in_aim[aim_at]));
            in_aim[aim_at] += 1;
            accepted.push((aim_at, aim_id, number, id, front, body, origin));
        }
        // Making each priority and checking its commitments needs nothing from the others, so
        // it is done on every core; the results keep the order the files were read in, and the
        // problems are sorted before anyone sees them.
        let made: Vec<(usize, Priority, Diagnostics)> = accepted
            .into_par_iter()
            .map(|(aim_at, aim_id, number, id, front, body, origin)| {
                let mut found = Diagnostics::new();
                let p = priority_from(aim_id, number, id, front, body, origin, None, &mut found);
                (aim_at, p, found)
            })
            .collect();
        for (aim_at, p, found) in made {
            diags.extend(found);
            aims[aim_at].priorities.push(p);
        }
        repeated_commitment_ids(&aims, &read_order, diags);
        for aim in &mut aims {
            aim.priorities.sort_by_key(|p| p.number);
        }

        // Glossary.
        let mut glossary = self.glossary;
        glossary.sort_by(|a, b| {
            a.term
                .to_lowercase()
                .cmp(&b.term.to_lowercase())
                .then(a.id.cmp(&b.id))
        });
        let mut abbreviations: BTreeMap<String, String> = BTreeMap::new();
        for t in &glossary {
            for a in &t.abbreviations {
                if let Some(other) = abbreviations.insert(a.clone(), t.id.clone()) {
                    diags.push(t.origin.error_at(a, format!("the abbreviation \"{a}\" is also given by the glossary term \"{other}\"")).with_hint("keep it on one term only"));
                }
                if a.trim().is_empty() || a.contains(char::is_whitespace) {
                    diags.push(
                        t.origin
                            .error_at(
                                "abbreviations",
                                format!("\"{a}\" is not a usable abbreviation"),
                            )
                            .with_hint("an abbreviation is one word, such as CJS"),
                    );
                }
            }
        }

        // Statements.
        let priority_names: Vec<&str> = priority_ids.keys().map(String::as_str).collect();
        let mut statements = Vec::new();
        for (front, id, body, origin) in self.statements {
            for p in &front.priorities {
                if !priority_ids.contains_key(p) && !broken.priorities.contains(p) {
                    let d = origin.error_under(
                        "priorities",
                        p,
                        format!("there is no priority with the id \"{p}\""),
                    );
                    diags.push(match nearest(p, priority_names.iter().copied()) {
                        Some(n) => d.with_hint(format!("did you mean \"{n}\"?")),
                        None => d.with_hint("priority ids are the file names without their number, e.g. victims/01-victims-voice.md is \"victims-voice\""),
                    });
                }
            }
            for n in &front.national_priorities {
                if !national_ids.contains(n) {
                    let d = origin.error_under(
                        "national_priorities",
                        n,
                        format!("there is no national policing priority with the id \"{n}\""),
                    );
                    diags.push(match nearest(n, national_ids.iter().map(String::as_str)) {
                        Some(near) => d.with_hint(format!("did you mean \"{near}\"?")),
                        None => d.with_hint(
                            "national priorities are listed under \"national_priorities:\" in content/_index.md",
                        ),
                    });
                }
            }
            check_statement(&front, &origin, &area_ids, diags);
            statements.push(Statement::from_front(id, front, body, origin));
        }
        statements.sort_by(|a, b| a.id.cmp(&b.id));

        let mut pages = self.pages;
        pages.sort_by(|a, b| {
            a.order
                .unwrap_or(u32::MAX)
                .cmp(&b.order.unwrap_or(u32::MAX))
                .then(a.id.cmp(&b.id))
        });

        let raw_html = front.raw_html;
        let plan = Plan {
            meta: PlanMeta::from_front(front, foreword, origin),
            aims,
            glossary,
            statements,
            pages,
        };
        let later = match bodies {
            Bodies::Now(reuse) => {
                links::check_reusing(&plan, &broken, raw_html, diags, reuse);
                None
            }
            Bodies::LaterUnlessProblems => {
                links::check_unless_clean(&plan, &broken, raw_html, diags)
            }
        };
        Some((plan, later))
    }
}

/// Checks that a priority's `number`, when given, agrees with its file name.
fn check_number(
    front: &PriorityFront,
    aim_id: &str,
    number: u32,
    id: &str,
    origin: &Origin,
    diags: &mut Diagnostics,
) {
    if let Some(n) = front.number {
        if n != number {
            diags.push(
                origin
                    .error_at("number", format!("\"number\" is {n} but the file name says {number:02}"))
                    .with_hint(format!("make them agree: rename the file to {aim_id}/{n:02}-{id}.md or set number: {number}")),
            );
        }
    }
}

/// A priority from its parsed file, with the checks that need nothing but the file itself and,
/// when given, the commitment ids seen so far (`commitment_ids`, to which its own are added;
/// a whole-plan load checks them all at once instead, with [`repeated_commitment_ids`]).
#[allow(clippy::too_many_arguments)]
fn priority_from(
    aim_id: String,
    number: u32,
    id: String,
    front: PriorityFront,
    body: Body,
    origin: Origin,
    mut commitment_ids: Option<&mut HashMap<String, std::sync::Arc<Path>>>,
    diags: &mut Diagnostics,
) -> Priority {
    if front.commissioner.is_none() && front.chief_constable.is_none() {
        diags.push(
            Diagnostic::new(&origin.display, origin.front_line, 1, "the priority has no commitments")
                .with_hint("add \"commissioner:\" and/or \"chief_constable:\", each with a \"commitments:\" list"),
        );
    }
    let shared_display: std::sync::Arc<Path> = std::sync::Arc::from(origin.display.as_path());
    let mut group = |g: Option<GroupFront>, owner: Owner, diags: &mut Diagnostics| {
        g.map(|g| {
            if g.commitments.is_empty() {
                let key = match owner {
                    Owner::Commissioner => "commissioner",
                    Owner::ChiefConstable => "chief_constable",
                };
                diags.push(
                    origin
                        .error_at(key, format!("\"{key}\" has an empty list of commitments"))
                        .with_hint("add commitments or remove the group"),
                );
            }
            let commitments = g
                .commitments
                .into_iter()
                .map(|c| {
                    check_commitment(
                        &c,
                        &origin,
                        &shared_display,
                        commitment_ids.as_deref_mut(),
                        diags,
                    );
                    Commitment::from(c)
                })
                .collect();
            CommitmentGroup {
                lead: g.lead.unwrap_or_else(|| owner.default_lead().to_string()),
                commitments,
            }
        })
    };
    let commissioner = group(front.commissioner, Owner::Commissioner, diags);
    let chief_constable = group(front.chief_constable, Owner::ChiefConstable, diags);
    if front.title.trim().is_empty() {
        diags.push(origin.error_at("title", "the priority's title is empty"));
    }
    Priority {
        id,
        aim: aim_id,
        number,
        title: front.title,
        body,
        commissioner,
        chief_constable,
        origin,
    }
}

/// Checks a statement's figures: areas exist, numbers are usable, and the shapes agree
/// (a numeric target needs a direction, limits are the right way round, and so on).
fn check_statement(
    front: &StatementFront,
    origin: &Origin,
    area_ids: &BTreeSet<String>,
    diags: &mut Diagnostics,
) {
    let check_areas = |key: &str, areas: &[AreaValue], diags: &mut Diagnostics| {
        let mut seen = BTreeSet::new();
        for a in areas {
            if !area_ids.contains(&a.area) {
                let d = origin.error_under(
                    key,
                    &a.area,
                    format!("there is no local policing area with the id \"{}\"", a.area),
                );
                diags.push(
                    match nearest(&a.area, area_ids.iter().map(String::as_str)) {
                        Some(n) => d.with_hint(format!("did you mean \"{n}\"?")),
                        None => {
                            d.with_hint("areas are listed under \"areas:\" in content/_index.md")
                        }
                    },
                );
            } else if !seen.insert(a.area.as_str()) {
                diags.push(origin.error_under(
                    key,
                    &a.area,
                    format!("the area \"{}\" is given twice in one list", a.area),
                ));
            }
        }
    };
    check_areas("areas", &front.areas, diags);
    let mut periods = BTreeSet::new();
    for point in &front.series {
        check_areas("series", &point.areas, diags);
        if point.value.is_none() && point.areas.is_empty() {
            diags.push(
                origin
                    .error_under(
                        "series",
                        &point.period,
                        format!("the series point \"{}\" has no figures", point.period),
                    )
                    .with_hint("give it a force-wide \"value\", figures by \"areas\", or both"),
            );
        }
        if !periods.insert(point.period.as_str()) {
            diags.push(origin.error_under(
                "series",
                &point.period,
                format!(
                    "the period \"{}\" appears twice in the series",
                    point.period
                ),
            ));
        }
    }

    // Every number must be a real one.
    let mut numbers: Vec<(&str, f64)> = Vec::new();
    let figures = [
        ("latest", &front.latest),
        ("previous", &front.previous),
        ("baseline", &front.baseline),
    ];
    for (key, f) in figures {
        if let Some(f) = f {
            numbers.push((key, f.value));
        }
    }
    numbers.extend(front.target.value.map(|v| ("target", v)));
    numbers.extend(front.target.change.map(|v| ("target", v)));
    numbers.extend(front.change.as_ref().map(|c| ("change", c.value)));
    if let Some(l) = &front.limits {
        numbers.extend([("limits", l.upper), ("limits", l.lower)]);
    }
    numbers.extend(front.areas.iter().map(|a| ("areas", a.value)));
    for p in &front.series {
        numbers.extend(p.value.map(|v| ("series", v)));
        numbers.extend(p.areas.iter().map(|a| ("series", a.value)));
    }
    for b in &front.breakdowns {
        for i in &b.items {
            numbers.push(("breakdowns", i.value));
            numbers.extend(i.baseline.map(|v| ("breakdowns", v)));
            numbers.extend(i.change.map(|v| ("breakdowns", v)));
            if let Some(l) = &i.limits {
                numbers.extend([("breakdowns", l.upper), ("breakdowns", l.lower)]);
            }
        }
    }
    for (key, v) in &numbers {
        if !v.is_finite() {
            diags.push(origin.error_at(
                &format!("{key}:"),
                format!("\"{key}\" holds a value that is not a usable number"),
            ));
        }
    }

    if front.unit == Unit::Text {
        let has_figures = front.latest.is_some()
            || front.previous.is_some()
            || front.baseline.is_some()
            || front.target.value.is_some()
            || front.limits.is_some()
            || !front.areas.is_empty()
            || !front.series.is_empty();
        if has_figures {
            diags.push(
                origin
                    .error_at("unit:", "\"unit: text\" is for statements without figures, but this one has figures")
                    .with_hint("set the unit of the figures: percent, count, rate or seconds"),
            );
        }
    }
    let numeric_target = front.target.value.is_some() || front.target.change.is_some();
    if front.target.value.is_some() && front.target.change.is_some() {
        diags.push(
            origin
                .error_under("target", "change:", "the target has both a \"value\" and a \"change\"")
                .with_hint("give the target as a figure (value) or as a percentage change on the baseline (change), not both"),
        );
    }
    if front.target.change.is_some() && front.baseline.is_none() && front.change.is_none() {
        diags.push(
            origin
                .error_under("target", "change:", "the target is a change, but there is no \"baseline\" or \"change\" to judge it by")
                .with_hint("add the baseline figure the change is measured from"),
        );
    }
    if numeric_target && matches!(front.better, Some(Better::None)) {
        diags.push(
            origin
                .error_at(
                    "better:",
                    "a numeric target needs to say whether higher or lower is better",
                )
                .with_hint(
                    "set \"better: higher\" or \"better: lower\", or remove the target's number",
                ),
        );
    }
    let check_limits = |key: &str, needle: &str, l: &Limits, diags: &mut Diagnostics| {
        if l.upper < l.lower {
            diags.push(
                origin
                    .error_under(
                        key,
                        needle,
                        format!(
                            "the upper control limit ({}) is below the lower one ({})",
                            l.upper, l.lower
                        ),
                    )
                    .with_hint("swap \"upper\" and \"lower\""),
            );
        }
    };
    if let Some(l) = &front.limits {
        check_limits("limits", "upper:", l, diags);
    }
    for b in &front.breakdowns {
        if b.items.is_empty() {
            diags.push(origin.error_under(
                "breakdowns",
                &b.title,
                format!("the breakdown \"{}\" has no items", b.title),
            ));
        }
        let unit = b.unit.unwrap_or(front.unit);
        if unit == Unit::Text {
            diags.push(
                origin
                    .error_under(
                        "breakdowns",
                        &b.title,
                        format!("the breakdown \"{}\" needs a unit for its figures", b.title),
                    )
                    .with_hint("add \"unit: percent\" (or count, rate, seconds) to the breakdown"),
            );
        }
        for i in &b.items {
            if let Some(l) = &i.limits {
                check_limits("breakdowns", &i.label, l, diags);
            }
        }
    }
}

/// The problem with a commitment id already used, by the file `other` (the file that used it
/// last before this one, which may be the same file).
fn repeated_id(id: &str, origin: &Origin, other: &Path) -> Diagnostic {
    let needle = format!("id: {id}");
    let (line, col) = if *other == *origin.display {
        // Point at the second occurrence within the same file.
        let mut hits = origin
            .front
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim_start().trim_start_matches("- ") == needle);
        hits.next();
        hits.next().map_or(origin.locate(&needle), |(i, l)| {
            let l = l.replacen("- ", "  ", 1);
            (origin.front_line + i, l.len() - l.trim_start().len() + 1)
        })
    } else {
        origin.locate(&needle)
    };
    Diagnostic::new(
        &origin.display,
        line,
        col,
        format!(
            "the commitment id \"{id}\" is already used in {}",
            other.display()
        ),
    )
    .with_hint("commitment ids must be unique across the whole plan; choose another")
}

/// Reports every commitment id used more than once across the plan, exactly as checking the
/// priorities one by one in `read_order` against a growing table of ids would: each repeat
/// names the file that used the id last before it. A big plan has hundreds of thousands of
/// ids, and one table of them all, filled on one core, was the slowest part of loading 50,000
/// pages (its lookups miss the cache). Here the ids are split by hash into shards, in order,
/// and each shard is checked with a small table of its own, on every core.
fn repeated_commitment_ids(aims: &[Aim], read_order: &[(usize, usize)], diags: &mut Diagnostics) {
    use std::hash::BuildHasher;
    const SHARDS: usize = 64;
    // Gathered on every core; `collect` keeps them in read order.
    let ids: Vec<(&str, &Origin)> = read_order
        .par_iter()
        .map(|&(a, i)| &aims[a].priorities[i])
        .flat_map_iter(|p| {
            p.commitments()
                .map(move |(_, c)| (c.id.as_str(), &p.origin))
                .filter(|(id, _)| valid_id(id))
        })
        .collect();
    let hasher = std::hash::RandomState::new();
    let hashes: Vec<u64> = ids.par_iter().map(|(id, _)| hasher.hash_one(id)).collect();
    let mut shards: Vec<Vec<u32>> = vec![Vec::new(); SHARDS];
    for (at, h) in hashes.iter().enumerate() {
        shards[(*h % SHARDS as u64) as usize].push(at as u32);
    }
    // Each shard holds its ids in read order, so the id's previous use is the last one seen.
    let mut repeats: Vec<(u32, u32)> = shards
        .par_iter()
        .flat_map_iter(|shard| {
            let mut last: HashMap<&str, u32> = HashMap::with_capacity(shard.len());
            shard
                .iter()
                .filter_map(|&at| {
                    last.insert(ids[at as usize].0, at)
                        .map(|before| (at, before))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    repeats.sort_unstable();
    for (at, before) in repeats {
        let (id, origin) = ids[at as usize];
        diags.push(repeated_id(id, origin, &ids[before as usize].1.display));
    }
}

fn check_commitment(
    c: &CommitmentFront,
    origin: &Origin,
    display: &std::sync::Arc<Path>,
    seen: Option<&mut HashMap<String, std::sync::Arc<Path>>>,
    diags: &mut Diagnostics,
) {
    // Made only when a problem needs placing.
    let needle = || format!("id: {}", c.id);
    if !valid_id(&c.id) {
        diags.push(
            origin
                .error_at(
                    &needle(),
                    format!("\"{}\" cannot be used as a commitment id", c.id),
                )
                .with_hint(id_hint(&c.id)),
        );
    } else if let Some(other) =
        seen.and_then(|seen| seen.insert(c.id.clone(), std::sync::Arc::clone(display)))
    {
        diags.push(repeated_id(&c.id, origin, &other));
    }
    if c.text.trim().is_empty() {
        diags.push(origin.error_at(
            &needle(),
            format!("the commitment \"{}\" has no text", c.id),
        ));
    }
    if let Some(due) = &c.due {
        check_date(due, due, origin, diags, false);
    }
    for e in &c.evidence {
        if !(e.url.starts_with("https://")
            || e.url.starts_with("http://")
            || e.url.starts_with('/'))
        {
            diags.push(
                origin
                    .error_at(
                        &e.url,
                        format!("the evidence link \"{}\" is not a web address", e.url),
                    )
                    .with_hint("use a full address starting https://, or a site path starting /"),
            );
        }
    }
}

/// Checks `YYYY-MM-DD` (or, when `full` is false, also `YYYY` and `YYYY-MM`).
fn check_date(value: &str, needle: &str, origin: &Origin, diags: &mut Diagnostics, full: bool) {
    if !valid_date(value, full) {
        let expected = if full {
            "YYYY-MM-DD"
        } else {
            "YYYY, YYYY-MM or YYYY-MM-DD"
        };
        diags.push(
            origin
                .error_at(
                    needle,
                    format!("\"{value}\" is not a date in the form {expected}"),
                )
                .with_hint("for example 2023-10-31"),
        );
    }
}

/// The months' names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The number of days in month `m` (1-12) of year `y`.
pub fn days_in_month(y: u32, m: u32) -> u32 {
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// True for a real calendar date written `YYYY-MM-DD` (or a year or month when `full` is false).
pub fn valid_date(value: &str, full: bool) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] if !full => num(y, 4).is_some(),
        [y, m] if !full => num(y, 4).is_some() && num(m, 2).is_some_and(|m| (1..=12).contains(&m)),
        [y, m, d] => match (num(y, 4), num(m, 2), num(d, 2)) {
            (Some(y), Some(m), Some(d)) if (1..=12).contains(&m) => {
                let days = days_in_month(y, m);
                (1..=days).contains(&d)
            }
            _ => false,
        },
        _ => false,
    }
}

impl Plan {
    /// "draft" or "final".
    pub fn status_label(&self) -> &'static str {
        match self.meta.status {
            PlanStatus::Draft => "draft",
            PlanStatus::Final => "final",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_as_calendar_dates() {
        assert!(valid_date("2024-02-29", true));
        assert!(!valid_date("2023-02-29", true));
        assert!(!valid_date("2023-13-01", true));
        assert!(!valid_date("2023", true));
        assert!(valid_date("2023", false));
        assert!(valid_date("2023-10", false));
        assert!(!valid_date("23-10", false));
    }

    #[test]
    fn ids_are_address_safe() {
        assert!(valid_id("victims-voice"));
        assert!(valid_id("a1"));
        assert!(!valid_id("Victims"));
        assert!(!valid_id("a--b"));
        assert!(!valid_id("-a"));
        assert!(!valid_id("a b"));
    }
}
