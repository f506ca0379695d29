//! Building the plan from its parsed files: each file parsed into its typed front matter on
//! its own ([`Builder::add`], on every core), then every cross-check between them, once all
//! are in ([`Builder::finish`]).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::checks::{
    check_commitment, check_date, check_statement, id_hint, repeated_commitment_ids, valid_id,
};
use super::links::{self, LinkCache};
use super::reports::{self as reports_of, ReportFile, ReportedFile};
use super::*;
use crate::diagnostics::{nearest, Diagnostic, Diagnostics};
use crate::load::SourceFile;
use crate::parse::classify::{classify_file, Place};
use crate::parse::kinds::*;
use crate::parse::{front_matter, split};

/// What parsing files gathered, before the checks that need every file ([`Builder::finish`]).
#[derive(Default, Clone)]
pub(crate) struct Builder {
    /// The plan file's settings and foreword.
    plan: Option<(PlanFront, Body, Origin)>,
    /// Each aim's `_index.md`, by id.
    aims: BTreeMap<String, (AimFront, Body, Origin)>,
    /// Each priority: its aim, number, id, front matter, body and file.
    pub(crate) priorities: Vec<(String, u32, String, PriorityFront, Body, Origin)>,
    glossary: Vec<GlossaryTerm>,
    statements: Vec<(StatementFront, String, Body, Origin)>,
    reports: Vec<ReportFile>,
    reported: Vec<ReportedFile>,
    pages: Vec<Page>,
    /// Translation files, each with its language, in file order.
    translations: Vec<(String, super::translations::Parsed)>,
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
    fn mark(&mut self, place: &Place) {
        match place {
            Place::Plan => {}
            Place::Page(id) => {
                self.paths.insert(Route::Page(id.clone()).path());
            }
            Place::Aim(id) => {
                self.aims.insert(id.clone());
                self.paths.insert(Route::Aim(id.clone()).path());
            }
            Place::Priority { aim, id, .. } => {
                self.priorities.insert(id.clone());
                self.paths.insert(
                    Route::Priority {
                        aim: aim.clone(),
                        id: id.clone(),
                    }
                    .path(),
                );
            }
            Place::Glossary(_) => self.glossary = true,
            Place::Statement(id) => {
                self.paths.insert(Route::Statement(id.clone()).path());
            }
            Place::Report(id) => {
                self.paths.insert(Route::Report(id.clone()).path());
            }
            Place::Reported { report, statement } => {
                self.paths.insert(
                    Route::ReportStatement {
                        report: report.clone(),
                        id: statement.clone(),
                    }
                    .path(),
                );
            }
        }
    }
}

impl Builder {
    /// Takes in what another builder parsed from files that come after this one's.
    pub(crate) fn merge(&mut self, later: Builder) {
        if later.plan.is_some() {
            self.plan = later.plan;
        }
        self.aims.extend(later.aims);
        self.priorities.extend(later.priorities);
        self.glossary.extend(later.glossary);
        self.statements.extend(later.statements);
        self.reports.extend(later.reports);
        self.reported.extend(later.reported);
        self.pages.extend(later.pages);
        self.translations.extend(later.translations);
        self.broken.paths.extend(later.broken.paths);
        self.broken.priorities.extend(later.broken.priorities);
        self.broken.aims.extend(later.broken.aims);
        self.broken.glossary |= later.broken.glossary;
    }

    /// Parses one file into the builder, by its place in the folder, reporting what is
    /// wrong with it alone.
    pub(crate) fn add(&mut self, file: &SourceFile, diags: &mut Diagnostics) {
        let path = file.display.as_path();
        let (kind, language) = match classify_file(&file.rel) {
            Ok(k) => (k.place, k.language),
            Err(misplaced) => {
                diags.push(
                    Diagnostic::new(path, 0, 0, misplaced.message)
                        .with_optional_hint(misplaced.hint),
                );
                return;
            }
        };
        if let Some(id) = kind.id() {
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
        if let Place::Reported { report, .. } = &kind {
            if !valid_id(report) {
                diags.push(
                    Diagnostic::new(
                        path,
                        0,
                        0,
                        format!("the report folder \"{report}\" cannot be used as an id"),
                    )
                    .with_hint(format!("rename the folder: {}", id_hint(report))),
                );
                return;
            }
        }
        if let Place::Priority { aim, .. } = &kind {
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
        if let Some(language) = language {
            // A translation that cannot be read leaves its original's text in place, so
            // nothing is marked broken.
            if let Some(t) = super::translations::parse(&kind, &parts, body, origin, diags) {
                self.translations.push((language, t));
            }
            return;
        }
        let (yaml, line) = (parts.front, parts.front_line);
        let parsed = match &kind {
            Place::Plan => front_matter::<PlanFront>(yaml, path, line, diags)
                .map(|front| self.plan = Some((front, body, origin))),
            Place::Page(id) => front_matter::<PageFront>(yaml, path, line, diags).map(|front| {
                self.pages.push(Page {
                    id: id.clone(),
                    title: front.title,
                    order: front.order,
                    covers: front.covers,
                    body,
                    origin,
                })
            }),
            Place::Aim(id) => front_matter::<AimFront>(yaml, path, line, diags)
                .map(|front| drop(self.aims.insert(id.clone(), (front, body, origin)))),
            Place::Priority { aim, number, id } => {
                front_matter::<PriorityFront>(yaml, path, line, diags).map(|front| {
                    self.priorities
                        .push((aim.clone(), *number, id.clone(), front, body, origin))
                })
            }
            Place::Glossary(id) => {
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
            Place::Statement(id) => front_matter::<StatementFront>(yaml, path, line, diags)
                .map(|front| self.statements.push((front, id.clone(), body, origin))),
            Place::Report(id) => {
                front_matter::<ReportFront>(yaml, path, line, diags).map(|front| {
                    self.reports.push(ReportFile {
                        id: id.clone(),
                        front,
                        intro: body,
                        blanks: crate::parse::blanks::blanks(yaml, line),
                        origin,
                    })
                })
            }
            Place::Reported { report, statement } => {
                front_matter::<ReportedFront>(yaml, path, line, diags).map(|front| {
                    self.reported.push(ReportedFile {
                        report: report.clone(),
                        statement: statement.clone(),
                        front,
                        key_points: body,
                        blanks: crate::parse::blanks::blanks(yaml, line),
                        origin,
                    })
                })
            }
        };
        if parsed.is_none() {
            self.broken.mark(&kind);
        }
    }

    /// The one folder of priorities of a plan without aims, when this is one: no aim has a
    /// file (none could not be read either), and every priority is in the same folder. Its
    /// title is the plural of the plan's word for a priority.
    fn implicit_aim(&self, root: &Path, front: &PlanFront, broken: &Broken) -> Option<Aim> {
        if !self.aims.is_empty() || !broken.aims.is_empty() {
            return None;
        }
        let folder = &self.priorities.first()?.0;
        if self.priorities.iter().any(|p| &p.0 != folder) {
            return None;
        }
        let title = Levels::from_front(front.levels.as_ref()).priority.titles();
        Some(Aim {
            id: folder.clone(),
            title,
            order: 1,
            outcomes: Vec::new(),
            intro: Body::default(),
            priorities: Vec::new(),
            covers: Vec::new(),
            implicit: true,
            origin: Origin {
                display: root.join(folder),
                file: folder.clone(),
                front: String::new(),
                front_line: 0,
            },
        })
    }

    /// Checks everything between the files, including every Markdown body's links (reusing
    /// what `reuse`'s cache found for files outside its changed set), and gives the plan
    /// when nothing stopped it being made (the plan is valid only if `diags` stays empty).
    pub(crate) fn finish(
        mut self,
        root: &Path,
        diags: &mut Diagnostics,
        reuse: Option<(&mut LinkCache, &HashSet<String>)>,
        images: super::images::Images,
    ) -> Option<Plan> {
        let mut broken = std::mem::take(&mut self.broken);
        let Some((front, foreword, origin)) = self.plan.take() else {
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
                        .with_hint("e.g. https://www.example-pcc.gov.uk/plan/"),
                );
            }
        }
        let mut revisions = BTreeSet::new();
        for revision in &front.history {
            if revision.trim().is_empty() || revision.starts_with('-') {
                diags.push(
                    origin
                        .error_at("history", format!("\"{revision}\" cannot name a revision in \"history\""))
                        .with_hint("list the git tags (or commits) of the earlier published revisions, oldest first, e.g. - consultation-draft"),
                );
            } else if !revisions.insert(revision.as_str()) {
                diags.push(
                    origin
                        .error_under(
                            "history",
                            revision,
                            format!("\"history\" names the revision \"{revision}\" twice"),
                        )
                        .with_hint("list each published revision once, oldest first"),
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

        check_levels(front.levels.as_ref(), &origin, diags);
        check_parties(&front.parties, &origin, diags);
        let mut parties = Party::built_in();
        parties.extend(front.parties.iter().map(Party::declared));

        // A plan of one level: no aim has a file, and every priority is in one folder.
        let implicit = self.implicit_aim(root, &front, &broken);
        if let Some(aim) = &implicit {
            self.aims.insert(
                aim.id.clone(),
                (
                    AimFront {
                        title: aim.title.clone(),
                        order: 1,
                        outcomes: Vec::new(),
                        covers: Vec::new(),
                    },
                    Body::default(),
                    aim.origin.clone(),
                ),
            );
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
            let mut aim = Aim::from_front(id, front, intro, origin);
            aim.implicit = implicit.as_ref().is_some_and(|i| i.id == aim.id);
            aims.push(aim);
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
                broken.mark(&Place::Priority {
                    aim: aim_id.clone(),
                    number,
                    id: id.clone(),
                });
                if broken.aims.contains(&aim_id) {
                    continue;
                }
                diags.push(
                    Diagnostic::new(&origin.display, 0, 0, format!("the aim folder \"{aim_id}\" has no _index.md"))
                        .with_hint(format!("create content/{aim_id}/_index.md with the aim's title, order and outcomes; a plan without aims keeps all its priorities in one folder and has no aim files at all")),
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
                let p = priority_from(
                    aim_id, number, id, front, body, origin, &parties, None, &mut found,
                );
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
        // A plan that reports period by period gives every figure in its reports, never in
        // a statement's own file.
        let reporting = !self.reports.is_empty() || !self.reported.is_empty();
        let first_report = self
            .reports
            .iter()
            .max_by(|a, b| a.front.start.cmp(&b.front.start))
            .map_or("<period>", |r| r.id.as_str())
            .to_string();
        for (front, id, body, origin) in &self.statements {
            if reporting {
                if let Some(key) = reports_of::figure_key(front) {
                    diags.push(
                        origin
                            .error_at(
                                &format!("{key}:"),
                                format!("this plan gives its figures in reports, but the statement's own file gives \"{key}\""),
                            )
                            .with_hint(format!("move the figures (and the \"source\") to content/reports/{first_report}/{id}.md; the statement's file keeps what it measures: measure, unit, better, target, priorities, lead and data source")),
                    );
                }
            } else if front.source.as_deref().is_none_or(|s| s.trim().is_empty()) {
                let (line, _) = origin.locate("measure:");
                diags.push(
                    Diagnostic::new(
                        &origin.display,
                        line,
                        1,
                        "the statement does not say where its figures come from",
                    )
                    .with_hint("add \"source:\", the publication the figures are taken from"),
                );
            }
            let _ = body;
        }
        let measures: HashMap<&str, super::checks::Measure> = self
            .statements
            .iter()
            .map(|(front, id, _, _)| (id.as_str(), super::checks::Measure::of(front)))
            .collect();
        let sources: HashMap<&str, &str> = self
            .statements
            .iter()
            .filter_map(|(front, id, _, _)| Some((id.as_str(), front.source.as_deref()?)))
            .collect();
        let reports = reports_of::build(
            std::mem::take(&mut self.reports),
            std::mem::take(&mut self.reported),
            &reports_of::Context {
                area_ids: &area_ids,
                measures,
                sources,
            },
            diags,
        );
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
            check_statement(&front, &origin, &area_ids, reporting, diags);
            statements.push(Statement::from_front(id, front, body, origin));
        }
        statements.sort_by(|a, b| a.id.cmp(&b.id));
        if reporting {
            reports_of::apply(&reports, &mut statements);
        }

        let mut pages = self.pages;
        pages.sort_by(|a, b| {
            a.order
                .unwrap_or(u32::MAX)
                .cmp(&b.order.unwrap_or(u32::MAX))
                .then(a.id.cmp(&b.id))
        });

        let raw_html = front.raw_html;
        let brand = super::brand::check(front.brand.as_ref(), &origin, diags);
        let logo = check_logo(
            front.brand.as_ref().and_then(|b| b.logo.as_ref()),
            &images,
            &origin,
            diags,
        );
        let mut meta = PlanMeta::from_front(front, foreword, origin);
        meta.brand = brand;
        meta.logo = logo;
        let mut plan = Plan {
            meta,
            aims,
            glossary,
            statements,
            reports,
            pages,
            translations: Vec::new(),
            reading: Reading::default(),
            images,
        };
        plan.translations = super::translations::check(
            &plan.meta.languages,
            &plan.meta.origin,
            self.translations,
            &plan,
            diags,
        );
        links::check_reusing(&plan, &broken, raw_html, diags, reuse);
        Some(plan)
    }
}

/// The plan holding only the item of one file, for comparing two versions of one file (git's
/// external diff): the file is parsed and given the checks that need nothing else; nothing
/// it refers to is checked. A priority is put under an aim named after its folder; an empty
/// text gives an empty plan.
pub fn single_file(file: &SourceFile) -> Result<Plan, Vec<Diagnostic>> {
    let origin = Origin {
        display: file.display.clone(),
        file: file.rel.clone(),
        front: String::new(),
        front_line: 1,
    };
    let mut plan = Plan {
        meta: PlanMeta::empty(origin),
        aims: Vec::new(),
        glossary: Vec::new(),
        statements: Vec::new(),
        reports: Vec::new(),
        pages: Vec::new(),
        translations: Vec::new(),
        reading: Reading::default(),
        images: Default::default(),
    };
    if file.text.trim().is_empty() {
        return Ok(plan);
    }
    let mut b = Builder::default();
    let mut diags = Diagnostics::new();
    b.add(file, &mut diags);
    if !diags.is_empty() {
        return Err(diags.into_sorted());
    }
    if let Some((front, foreword, origin)) = b.plan {
        plan.meta = PlanMeta::from_front(front, foreword, origin);
    }
    for (id, (front, intro, origin)) in b.aims {
        plan.aims.push(Aim::from_front(id, front, intro, origin));
    }
    for (aim, number, id, front, body, origin) in b.priorities {
        let mut unchecked = Diagnostics::new();
        // With no plan file, each party the priority names is taken as declared, named by
        // its id.
        for key in front.commitments_by.keys() {
            if !plan.meta.parties.iter().any(|p| &p.id == key) {
                plan.meta.parties.push(Party::declared(&PartyFront {
                    id: key.clone(),
                    name: key.clone(),
                    heading: None,
                    lead: None,
                }));
            }
        }
        let priority = priority_from(
            aim.clone(),
            number,
            id,
            front,
            body,
            origin.clone(),
            &plan.meta.parties,
            None,
            &mut unchecked,
        );
        plan.aims.push(Aim {
            id: aim.clone(),
            title: aim,
            order: 1,
            outcomes: Vec::new(),
            intro: Body::default(),
            priorities: vec![priority],
            covers: Vec::new(),
            implicit: false,
            origin,
        });
    }
    plan.glossary = b.glossary;
    for (front, id, body, origin) in b.statements {
        plan.statements
            .push(Statement::from_front(id, front, body, origin));
    }
    plan.pages = b.pages;
    Ok(plan)
}

/// Checks that a priority's `number`, when given, agrees with its file name.
pub(crate) fn check_number(
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

/// A priority from its parsed file, with the checks that need nothing but the file itself and
/// the plan's `parties`, and, when given, the commitment ids seen so far (`commitment_ids`, to
/// which its own are added; a whole-plan load checks them all at once instead, with
/// [`repeated_commitment_ids`]).
#[allow(clippy::too_many_arguments)]
pub(crate) fn priority_from(
    aim_id: String,
    number: u32,
    id: String,
    mut front: PriorityFront,
    body: Body,
    origin: Origin,
    parties: &[Party],
    mut commitment_ids: Option<&mut HashMap<String, std::sync::Arc<Path>>>,
    diags: &mut Diagnostics,
) -> Priority {
    let shared_display: std::sync::Arc<Path> = std::sync::Arc::from(origin.display.as_path());
    let mut by_party = std::mem::take(&mut front.commitments_by);
    let mut groups = Vec::new();
    for party in parties {
        let given = match party.id.as_str() {
            COMMISSIONER if party.built_in => front.commissioner.take(),
            CHIEF_CONSTABLE if party.built_in => front.chief_constable.take(),
            _ => by_party.remove(&party.id),
        };
        let Some(g) = given else { continue };
        if g.commitments.is_empty() {
            let d = match party.built_in {
                true => origin.error_at(
                    &format!("{}:", party.key),
                    format!("\"{}\" has an empty list of commitments", party.key),
                ),
                false => origin.error_under(
                    "commitments_by",
                    &format!("{}:", party.key),
                    format!("the commitments by \"{}\" are an empty list", party.key),
                ),
            };
            diags.push(d.with_hint("add commitments or remove the group"));
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
        if let Some(lead) = &g.lead {
            if lead.trim().is_empty() {
                diags.push(
                    origin
                        .error_at("lead:", "the words introducing a list of commitments are empty")
                        .with_hint("write the words, such as \"I will:\", or remove \"lead\" to use the party's own"),
                );
            }
        }
        groups.push(CommitmentGroup {
            party: party.id.clone(),
            lead: g.lead.unwrap_or_else(|| party.lead.clone()),
            commitments,
        });
    }
    // What is left names no party the plan declares.
    let declared: Vec<&str> = parties
        .iter()
        .filter(|p| !p.built_in)
        .map(|p| p.id.as_str())
        .collect();
    for key in by_party.keys() {
        let d = origin.error_under(
            "commitments_by",
            &format!("{key}:"),
            format!("\"{key}\" is not a party the plan declares"),
        );
        let hint = match key.as_str() {
            "commissioner" | "chief_constable" | "chief-constable" => format!(
                "the {} commitments are written at the top of the front matter, as \"{}:\", not under \"commitments_by\"",
                if key == "commissioner" { "Commissioner's" } else { "Chief Constable's" },
                key.replace('-', "_")
            ),
            _ => match nearest(key, declared.iter().copied()) {
                Some(n) => format!("did you mean \"{n}\"?"),
                None if declared.is_empty() => "declare the party once under \"parties:\" in content/_index.md, with its id, name and lead-in".to_string(),
                None => format!(
                    "the plan declares: {}; or add it under \"parties:\" in content/_index.md",
                    declared.join(", ")
                ),
            },
        };
        diags.push(d.with_hint(hint));
    }
    if groups.is_empty() && body.is_empty() {
        diags.push(
            Diagnostic::new(&origin.display, origin.front_line, 1, "the priority has no commitments and no text")
                .with_hint("add \"commissioner:\", \"chief_constable:\" or \"commitments_by:\", each with a \"commitments:\" list, or write the priority's text below the front matter"),
        );
    }
    if front.title.trim().is_empty() {
        diags.push(origin.error_at("title", "the priority's title is empty"));
    }
    Priority {
        id,
        aim: aim_id,
        number,
        title: front.title,
        body,
        groups,
        covers: front.covers,
        origin,
    }
}

/// Checks the logo the plan names (`brand.logo`): an SVG or PNG of the content folder's
/// images, with alternative text.
fn check_logo(
    logo: Option<&LogoFront>,
    images: &super::images::Images,
    origin: &Origin,
    diags: &mut Diagnostics,
) -> Option<super::images::Logo> {
    use crate::parse::image::ImageKind;
    let logo = logo?;
    let at = |key: &str, message: String| {
        let (line, col) = origin.locate_path(&["brand", "logo", key]);
        Diagnostic::new(&origin.display, line, col, message)
    };
    let alt = logo.alt.as_deref().unwrap_or("").trim();
    let mut ok = true;
    if alt.is_empty() {
        ok = false;
        diags.push(
            at("alt", "the logo has no alternative text".to_string())
                .with_hint("give the words the logo shows, usually the office's name: alt: Office of the Police and Crime Commissioner for ..."),
        );
    }
    let source = match super::images::source_of(&logo.src) {
        Ok(s) => s,
        Err((message, hint)) => {
            diags.push(at("src", format!("brand.logo: {message}")).with_optional_hint(hint));
            return None;
        }
    };
    match images.get(&source) {
        Some(image) if matches!(image.kind, ImageKind::Svg | ImageKind::Png) => {}
        Some(image) => {
            ok = false;
            diags.push(
                at(
                    "src",
                    format!(
                        "the logo {source} is a {} image; a logo must be an SVG or a PNG",
                        image.kind.name()
                    ),
                )
                .with_hint("save the logo as SVG (best: it stays sharp at every size) or PNG"),
            );
        }
        None => {
            ok = false;
            let message = match images.bad.get(&source) {
                Some((_, why)) => format!("the logo {source} {why}"),
                None => format!("there is no image {source} for the logo"),
            };
            diags.push(at("src", message).with_hint(
                "put the logo in the content folder's images/ folder and give its path from there: src: images/logo.svg",
            ));
        }
    }
    ok.then(|| super::images::Logo {
        image: source,
        alt: alt.to_string(),
    })
}

/// Checks the words the plan gives for its levels (`levels:`).
fn check_levels(levels: Option<&LevelsFront>, origin: &Origin, diags: &mut Diagnostics) {
    let Some(levels) = levels else { return };
    for (level, noun) in [("aim", &levels.aim), ("priority", &levels.priority)] {
        let Some(noun) = noun else { continue };
        for (form, word) in [("singular", &noun.singular), ("plural", &noun.plural)] {
            if let Some(problem) = level_word_problem(word) {
                let (line, col) = origin.locate_path(&["levels", level, form]);
                let example = match (level, form) {
                    ("aim", "singular") => "theme",
                    ("aim", _) => "themes",
                    (_, "singular") => "area of focus",
                    _ => "areas of focus",
                };
                diags.push(
                    Diagnostic::new(
                        &origin.display,
                        line,
                        col,
                        format!("the {form} word for the {level} level {problem}"),
                    )
                    .with_hint(format!("write the word readers see, such as \"{example}\"")),
                );
            }
        }
    }
}

/// What is wrong with a word for a level, if anything.
fn level_word_problem(word: &str) -> Option<&'static str> {
    if word.trim().is_empty() {
        Some("is empty")
    } else if word.trim() != word {
        Some("starts or ends with a space")
    } else if word.chars().count() > MAX_LEVEL_WORD {
        Some("is longer than 40 characters")
    } else if !word.chars().next().is_some_and(char::is_alphabetic) {
        Some("does not start with a letter")
    } else if word
        .chars()
        .any(|c| c.is_control() || matches!(c, '<' | '>' | '{' | '}'))
    {
        Some("holds a character that cannot be shown in a heading")
    } else {
        None
    }
}

/// The longest word (in characters) a level may be called.
const MAX_LEVEL_WORD: usize = 40;

/// Checks the parties the plan declares (`parties:`).
fn check_parties(parties: &[PartyFront], origin: &Origin, diags: &mut Diagnostics) {
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for (i, p) in parties.iter().enumerate() {
        let at = |field: &str, message: String| {
            let (line, col) = origin.locate_item("parties", i, field);
            Diagnostic::new(&origin.display, line, col, message)
        };
        if p.id == COMMISSIONER || p.id == CHIEF_CONSTABLE || p.id == "chief_constable" {
            diags.push(
                at("id", format!("\"{}\" is built in and cannot be declared", p.id))
                    .with_hint("the Commissioner and the Chief Constable are parties in every plan: list only the others here"),
            );
        } else if !valid_id(&p.id) {
            diags.push(
                at("id", format!("\"{}\" cannot be used as a party id", p.id))
                    .with_hint(id_hint(&p.id)),
            );
        } else if !seen.insert(&p.id) {
            diags.push(
                at("id", format!("the party id \"{}\" is declared twice", p.id))
                    .with_hint("give each party its own id"),
            );
        }
        if p.name.trim().is_empty() {
            diags.push(
                at("name", format!("the party \"{}\" has an empty name", p.id)).with_hint(
                    "give the name readers see, such as \"Community Safety Partnerships\"",
                ),
            );
        }
        for (key, value, what) in [
            ("heading", &p.heading, "heading over its commitments"),
            (
                "lead",
                &p.lead,
                "words introducing its commitments, such as \"Partners will:\"",
            ),
        ] {
            if value.as_ref().is_some_and(|v| v.trim().is_empty()) {
                diags.push(
                    at(key, format!("the party \"{}\" has an empty {key}", p.id))
                        .with_hint(format!("give its {what}, or leave \"{key}\" out")),
                );
            }
        }
    }
}
