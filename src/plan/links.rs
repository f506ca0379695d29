//! Checking every link and heading in the plan's Markdown before anything is written.
//!
//! Site links (`/glossary/#cjs`) must name a page that will be generated and an anchor on it;
//! a body may not add a second level-1 heading, since each page already has its title as one.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd};
use rayon::prelude::*;

use super::builder::Broken;
use super::{Body, Origin, Plan, Route};
use crate::diagnostics::{nearest, Diagnostic, Diagnostics};
use crate::parse::markdown::{options, BodyChecker, BodyProblem, HeadingIds, RawHtml};

/// What checking found in each file's body, kept between checks of one content folder so that
/// a rebuild parses only the bodies of files that changed (see [`super::PlanCache`]).
#[derive(Default)]
pub(crate) struct LinkCache {
    /// Each body's heading ids, by file.
    headings: HashMap<String, Vec<String>>,
    /// Each body's problems, by file, found against `against`.
    problems: HashMap<String, Diagnostics>,
    /// The pages each body's links point to (as keys of `against`'s anchors), by file: when a
    /// page's anchors change, only the bodies linking to it can gain or lose a problem.
    targets: HashMap<String, Vec<String>>,
    /// Every page's anchors, what was broken, the raw-HTML setting and the images' state
    /// when `problems` were found.
    against: Option<CheckedAgainst>,
}

/// What a body's problems were found against: every page's anchors, what was broken, the
/// raw-HTML setting and the images' state.
type CheckedAgainst = (
    BTreeMap<String, BTreeSet<String>>,
    Broken,
    RawHtml,
    ImageStatus,
);

/// Every page the website will have, with the anchors each one offers, given each body's
/// heading ids (`ids`, one list for each of `bodies`).
fn anchors(
    plan: &Plan,
    bodies: &[(&Body, &Origin, Route)],
    ids: Vec<Vec<String>>,
) -> BTreeMap<String, BTreeSet<String>> {
    let mut map: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut add = |route: Route, ids: Vec<String>| {
        let entry = map.entry(route.path()).or_default();
        entry.insert("main-content".to_string());
        entry.extend(ids);
    };
    for ((_, _, route), ids) in bodies.iter().zip(ids) {
        // A glossary term's headings are not anchors: the glossary page shows only its terms.
        if *route != Route::Glossary {
            add(route.clone(), ids);
        }
    }
    for p in plan.priorities() {
        let route = Route::Priority {
            aim: p.aim.clone(),
            id: p.id.clone(),
        };
        add(route, p.commitments().map(|(_, c)| c.id.clone()).collect());
    }
    // A part the plan has nothing in has no page (see the website's routes).
    if !plan.glossary.is_empty() {
        add(
            Route::Glossary,
            plan.glossary.iter().map(|t| t.id.clone()).collect(),
        );
    }
    if !plan.statements.is_empty() {
        add(Route::Performance, Vec::new());
    }
    if !plan.meta.national_priorities.is_empty() {
        add(
            Route::NationalPriorities,
            plan.meta
                .national_priorities
                .iter()
                .map(|n| n.id.clone())
                .collect(),
        );
    }
    if plan.commitments().next().is_some() {
        add(Route::Delivery, Vec::new());
    }
    add(Route::Accessibility, Vec::new());
    add(Route::Listen, Vec::new());
    add(Route::OtherFormats, Vec::new());
    add(Route::Search, Vec::new());
    add(
        Route::About,
        crate::parse::kinds::Element::ALL
            .iter()
            .map(|e| e.id().to_string())
            .collect(),
    );
    map
}

/// Checks links and headings in every body, reporting problems with their file positions;
/// `raw_html` is the plan's setting for HTML written in Markdown.
///
/// With `reuse`, what its cache found for bodies in files outside its changed set is reused
/// (when every page's anchors are as they were then), and the cache is filled for next time.
pub(crate) fn check_reusing(
    plan: &Plan,
    broken: &Broken,
    raw_html: RawHtml,
    diags: &mut Diagnostics,
    mut reuse: Option<(&mut LinkCache, &HashSet<String>)>,
) {
    check_front_matter_addresses(plan, diags);
    let rechecked = match reuse.as_mut() {
        Some((cache, changed)) => {
            recheck_changed_only(plan, broken, raw_html, diags, cache, changed)
        }
        None => false,
    };
    if !rechecked {
        check_bodies(plan, broken, raw_html, diags, reuse);
    }
    check_translated_bodies(plan, broken, raw_html, diags);
}

/// Checks the links and headings in every translated body as the originals' are checked, each
/// against the pages of its own language: a translation's headings make the anchors of that
/// language's pages, and its text is shown where the original's would be.
fn check_translated_bodies(
    plan: &Plan,
    broken: &Broken,
    raw_html: RawHtml,
    diags: &mut Diagnostics,
) {
    let image_status = plan.images.status();
    for tr in &plan.translations {
        let bodies = bodies_in(plan, tr);
        let scans: Vec<Scan> = bodies
            .par_iter()
            .map(|(body, _, _, _)| scan(&body.markdown, raw_html))
            .collect();
        let ids = scans.iter().map(|s| s.ids.clone()).collect();
        let plain: Vec<(&Body, &Origin, Route)> = bodies
            .iter()
            .map(|(b, o, r, _)| (*b, *o, r.clone()))
            .collect();
        let pages = anchors(plan, &plain, ids);
        let found: Vec<Diagnostics> = bodies
            .par_iter()
            .zip(scans)
            .filter(|((_, _, _, translated), _)| *translated)
            .map(|((body, origin, route, _), scan)| {
                check_scanned(scan, body, origin, route, &pages, broken, &image_status).0
            })
            .collect();
        for found in found {
            diags.extend(found);
        }
    }
}

/// Every Markdown body a reader of `tr`'s language sees, in plan order: the translation's,
/// with its file, where it gives one (`true`), the original's otherwise (`false`).
fn bodies_in<'a>(
    plan: &'a Plan,
    tr: &'a super::translations::Translation,
) -> Vec<(&'a Body, &'a Origin, Route, bool)> {
    let pick = |given: Option<(&'a Body, &'a Origin)>| given.filter(|(b, _)| !b.is_empty());
    bodies(plan)
        .into_iter()
        .enumerate()
        .map(|(i, (body, origin, route))| {
            let given = match &route {
                Route::Home if i == 0 => tr.plan.as_ref().map(|t| (&t.body, &t.origin)),
                Route::Aim(id) => tr.aims.get(id).map(|t| (&t.body, &t.origin)),
                Route::Priority { id, .. } => tr.priorities.get(id).map(|t| (&t.body, &t.origin)),
                Route::Statement(id) => tr.statements.get(id).map(|t| (&t.body, &t.origin)),
                Route::Page(id) => tr.pages.get(id).map(|t| (&t.body, &t.origin)),
                Route::Glossary => plan
                    .glossary
                    .iter()
                    .find(|g| std::ptr::eq(&g.origin, origin))
                    .and_then(|g| tr.glossary.get(&g.id))
                    .map(|t| (&t.body, &t.origin)),
                _ => None,
            };
            match pick(given) {
                Some((b, o)) => (b, o, route, true),
                None => (body, origin, route, false),
            }
        })
        .collect()
}

/// Checks the links and headings in every body of `plan`, then every body's links against
/// the anchors of every page.
fn check_bodies(
    plan: &Plan,
    broken: &Broken,
    raw_html: RawHtml,
    diags: &mut Diagnostics,
    reuse: Option<(&mut LinkCache, &HashSet<String>)>,
) {
    let bodies = bodies(plan);
    // Each body is parsed once, on every core, for its heading ids (which every body's links
    // are checked against), its own problems and its links; the links are checked once
    // every page's anchors are known. A body whose ids the cache holds is not parsed here.
    let cached_ids = |origin: &Origin| {
        let (cache, changed) = reuse.as_ref()?;
        if changed.contains(&origin.file) {
            return None;
        }
        cache.headings.get(&origin.file).cloned()
    };
    let (ids, scans): (Vec<Vec<String>>, Vec<Option<Scan>>) = bodies
        .par_iter()
        .map(|(body, origin, _)| match cached_ids(origin) {
            Some(ids) => (ids, None),
            None => {
                let mut scan = scan(&body.markdown, raw_html);
                (std::mem::take(&mut scan.ids), Some(scan))
            }
        })
        .unzip();
    // Each body's ids are kept for the cache only when there is one to fill.
    let headings: HashMap<String, Vec<String>> = match reuse {
        Some(_) => bodies
            .iter()
            .zip(&ids)
            .map(|((_, origin, _), ids)| (origin.file.clone(), ids.clone()))
            .collect(),
        None => HashMap::new(),
    };
    let pages = anchors(plan, &bodies, ids);
    let image_status = plan.images.status();
    // A body's problems depend on it and on every page's anchors: reuse them only when the
    // body's file and the anchors are unchanged.
    let same_context = reuse.as_ref().is_some_and(|(c, _)| {
        c.against.as_ref().is_some_and(|(p, b, r, i)| {
            *p == pages && b == broken && *r == raw_html && *i == image_status
        })
    });
    let known = |origin: &Origin| -> Option<Diagnostics> {
        let (cache, changed) = reuse.as_ref()?;
        if !same_context || changed.contains(&origin.file) {
            return None;
        }
        cache.problems.get(&origin.file).cloned()
    };
    // Each body is checked on its own: on every core, the problems kept in body order, with
    // the pages its links point to when there is a cache to keep them in.
    let keep_targets = reuse.is_some();
    let (found, targets): (Vec<Diagnostics>, Vec<Option<Vec<String>>>) = bodies
        .par_iter()
        .zip(scans)
        .map(|((body, origin, route), scan)| {
            let cached = known(origin).map(|found| {
                let targets = reuse
                    .as_ref()
                    .and_then(|(c, _)| c.targets.get(&origin.file));
                (found, targets.cloned())
            });
            cached.unwrap_or_else(|| {
                let scan = scan.unwrap_or_else(|| self::scan(&body.markdown, raw_html));
                let (found, targets) =
                    check_scanned(scan, body, origin, route, &pages, broken, &image_status);
                (found, keep_targets.then_some(targets))
            })
        })
        .unzip();
    if let Some((cache, _)) = reuse {
        cache.problems = bodies
            .iter()
            .zip(&found)
            .map(|((_, origin, _), d)| (origin.file.clone(), d.clone()))
            .collect();
        cache.targets = bodies
            .iter()
            .zip(targets)
            .filter_map(|((_, origin, _), t)| Some((origin.file.clone(), t?)))
            .collect();
        cache.headings = headings;
        cache.against = Some((pages, broken.clone(), raw_html, image_status));
    }
    for found in found {
        diags.extend(found);
    }
}

/// Every Markdown body, with the file it is in and the page it is on, in plan order.
fn bodies(plan: &Plan) -> Vec<(&Body, &Origin, Route)> {
    let mut bodies: Vec<(&Body, &Origin, Route)> =
        vec![(&plan.meta.foreword, &plan.meta.origin, Route::Home)];
    for aim in &plan.aims {
        bodies.push((&aim.intro, &aim.origin, Route::Aim(aim.id.clone())));
        for p in &aim.priorities {
            bodies.push((
                &p.body,
                &p.origin,
                Route::Priority {
                    aim: aim.id.clone(),
                    id: p.id.clone(),
                },
            ));
        }
    }
    for t in &plan.glossary {
        bodies.push((&t.definition, &t.origin, Route::Glossary));
    }
    for s in &plan.statements {
        bodies.push((&s.body, &s.origin, Route::Statement(s.id.clone())));
    }
    for page in &plan.pages {
        bodies.push((&page.body, &page.origin, Route::Page(page.id.clone())));
    }
    bodies
}

/// The quick way to check again after a few files changed: when each changed file is the one
/// body of its page, and nothing else the checks depend on changed, every other body's problems
/// are as they were, except those of bodies linking to a page whose anchors changed (a
/// heading added or renamed): only the changed bodies and those are checked. Returns false,
/// having done nothing, when that does not hold.
fn recheck_changed_only(
    plan: &Plan,
    broken: &Broken,
    raw_html: RawHtml,
    diags: &mut Diagnostics,
    cache: &mut LinkCache,
    changed: &HashSet<String>,
) -> bool {
    let Some((pages, was_broken, was_raw_html, images)) = &mut cache.against else {
        return false;
    };
    if was_broken != broken || *was_raw_html != raw_html || *images != plan.images.status() {
        return false;
    }
    let images = &*images;
    let all = bodies(plan);
    let known =
        |file: &String| cache.problems.contains_key(file) && cache.targets.contains_key(file);
    if all
        .iter()
        .any(|(_, o, _)| !changed.contains(&o.file) && !known(&o.file))
    {
        return false;
    }
    let mut rechecked = Vec::new();
    let mut moved: HashMap<String, BTreeSet<String>> = HashMap::new();
    for rel in changed {
        // Files without a body of their own page (the glossary's terms share one) change
        // anchors in ways this does not follow.
        let mut on_page = all.iter().filter(|(_, o, _)| &o.file == rel);
        let Some((body, origin, route)) = on_page.next() else {
            return false;
        };
        if on_page.next().is_some() || matches!(route, Route::Glossary | Route::Home) {
            return false;
        }
        let mut scan = scan(&body.markdown, raw_html);
        let ids = std::mem::take(&mut scan.ids);
        let mut anchors: BTreeSet<String> = ids.iter().cloned().collect();
        anchors.insert("main-content".to_string());
        if let Route::Priority { id, .. } = route {
            let Some(p) = plan.priorities().find(|p| &p.id == id) else {
                return false;
            };
            anchors.extend(p.commitments().map(|(_, c)| c.id.clone()));
        }
        match pages.get(&route.path()) {
            Some(was) if *was == anchors => {}
            Some(_) => {
                moved.insert(route.path(), anchors);
            }
            None => return false,
        }
        rechecked.push((*body, *origin, route, Some(ids), Some(scan)));
    }
    // A body elsewhere linking to a page whose anchors changed is checked against them again.
    if !moved.is_empty() {
        for (body, origin, route) in &all {
            let links_to_moved = || {
                cache.targets[&origin.file]
                    .iter()
                    .any(|page| moved.contains_key(page))
            };
            if !changed.contains(&origin.file) && links_to_moved() {
                // Its own headings are unchanged (and already in the cache).
                rechecked.push((*body, *origin, route, None, None));
            }
        }
        pages.extend(moved);
    }
    let found: Vec<(Diagnostics, Vec<String>)> = rechecked
        .par_iter_mut()
        .map(|(body, origin, route, _, scan)| {
            let scan = scan
                .take()
                .unwrap_or_else(|| self::scan(&body.markdown, raw_html));
            check_scanned(scan, body, origin, route, pages, broken, images)
        })
        .collect();
    for ((_, origin, _, ids, _), (found, targets)) in rechecked.into_iter().zip(found) {
        cache.problems.insert(origin.file.clone(), found);
        cache.targets.insert(origin.file.clone(), targets);
        if let Some(ids) = ids {
            cache.headings.insert(origin.file.clone(), ids);
        }
    }
    for (_, origin, _) in &all {
        if let Some(found) = cache.problems.get(&origin.file) {
            for d in found.iter() {
                diags.push(d.clone());
            }
        }
    }
    true
}

/// The web addresses in `content/_index.md` that go into a link on every page: each must be
/// a web address, never `javascript:` or another scheme that runs code when followed.
fn check_front_matter_addresses(plan: &Plan, diags: &mut Diagnostics) {
    let meta = &plan.meta;
    let social = meta.contact.social.iter().filter_map(|s| s.url.as_deref());
    for url in std::iter::once(meta.licence.url.as_str()).chain(social) {
        let lower = url.trim().to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://")) {
            let needle = if url.is_empty() { "url:" } else { url };
            diags.push(
                meta.origin
                    .error_at(needle, format!("\"{url}\" is not a web address"))
                    .with_hint("use a full address starting https://"),
            );
        }
    }
}

/// How many problems are listed for one Markdown body before the rest are summed up.
const MAX_PROBLEMS_PER_BODY: usize = 100;

/// What one parse of a body finds.
#[cfg_attr(test, derive(Debug, PartialEq))]
pub(crate) struct Scan<'a> {
    /// Its heading ids, in order.
    ids: Vec<String>,
    /// Its own problems (see [`crate::parse::markdown::body_problems`]).
    problems: Vec<BodyProblem>,
    /// Its level-1 headings and its links, in order, to be checked against every page's
    /// anchors.
    marks: Vec<Mark<'a>>,
}

/// Something in a body that [`check_scanned`] looks at.
#[cfg_attr(test, derive(Debug, PartialEq))]
enum Mark<'a> {
    /// A level-1 heading, at this byte offset.
    TopHeading(usize),
    /// A link's address, at this byte offset.
    Link(usize, CowStr<'a>),
    /// An image, at this byte offset.
    Image(usize, ImageMark<'a>),
}

/// An image of a body, as [`check_image`] looks at it.
#[cfg_attr(test, derive(Debug, PartialEq))]
struct ImageMark<'a> {
    dest: CowStr<'a>,
    title: CowStr<'a>,
    /// Its alternative text.
    alt: String,
    /// True when it is a paragraph of its own at the top of the body.
    alone: bool,
}

/// Each file of the images folder, and what is wrong with it (`None` when nothing is).
type ImageStatus = BTreeMap<String, Option<String>>;

/// Finds a body's [`Scan`] from its events, shown in order.
struct Scanner<'a> {
    ids: HeadingIds,
    problems: BodyChecker,
    marks: Vec<Mark<'a>>,
    /// How many blocks and spans are open around the current event.
    open: usize,
    /// The paragraph at the top of the body being read, if any: the marks of its images, and
    /// whether it holds anything else.
    paragraph: Option<(Vec<usize>, bool)>,
    /// The image being read (its mark), until its end.
    in_image: Option<usize>,
}

impl<'a> Scanner<'a> {
    fn new(raw_html: RawHtml) -> Self {
        Scanner {
            ids: HeadingIds::new(),
            problems: BodyChecker::new(raw_html),
            marks: Vec::new(),
            open: 0,
            paragraph: None,
            in_image: None,
        }
    }

    fn finish(self) -> Scan<'a> {
        Scan {
            ids: self.ids.finish(),
            problems: self.problems.finish(),
            marks: self.marks,
        }
    }
}

impl<'a> Scanner<'a> {
    fn event(&mut self, event: &Event<'a>, range: std::ops::Range<usize>) {
        self.ids.visit(event);
        if let Some(at) = self.in_image {
            match event {
                Event::End(TagEnd::Image) => self.in_image = None,
                Event::Text(t) | Event::Code(t) => {
                    if let Mark::Image(_, image) = &mut self.marks[at] {
                        image.alt.push_str(t);
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    if let Mark::Image(_, image) = &mut self.marks[at] {
                        image.alt.push(' ');
                    }
                }
                _ => {}
            }
        } else if let Some((_, other)) = &mut self.paragraph {
            // Anything but the image and the spaces around it.
            let blank = match event {
                Event::Text(t) => t.trim().is_empty(),
                Event::SoftBreak | Event::End(TagEnd::Paragraph) => true,
                Event::Start(Tag::Image { .. }) => true,
                _ => false,
            };
            *other |= !blank;
        }
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => self.marks.push(Mark::TopHeading(range.start)),
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.marks.push(Mark::Link(range.start, dest_url.clone()))
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let at = self.marks.len();
                // In a paragraph at the top of the body, it may be alone (known at its end).
                let top = self.open == 1 && self.paragraph.is_some();
                if let Some((images, _)) = self.paragraph.as_mut().filter(|_| top) {
                    images.push(at);
                }
                self.marks.push(Mark::Image(
                    range.start,
                    ImageMark {
                        dest: dest_url.clone(),
                        title: title.clone(),
                        alt: String::new(),
                        alone: top,
                    },
                ));
                self.in_image = Some(at);
            }
            Event::Start(Tag::Paragraph) if self.open == 0 => {
                self.paragraph = Some((Vec::new(), false));
            }
            Event::End(TagEnd::Paragraph) if self.open == 1 => {
                if let Some((images, other)) = self.paragraph.take() {
                    if other || images.len() > 1 {
                        for at in images {
                            if let Mark::Image(_, image) = &mut self.marks[at] {
                                image.alone = false;
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        match event {
            Event::Start(_) => self.open += 1,
            Event::End(_) => self.open = self.open.saturating_sub(1),
            _ => {}
        }
        self.problems.visit(event, range);
    }
}

/// Parses a body once for everything checking it needs.
fn scan(md: &str, raw_html: RawHtml) -> Scan<'_> {
    let mut scanner = Scanner::new(raw_html);
    for (event, range) in Parser::new_ext(md, options()).into_offset_iter() {
        scanner.event(&event, range);
    }
    scanner.finish()
}

/// Reports the problems of a scanned body: its own, then those of its headings and links, in
/// that order, as two passes over it would.
fn check_scanned(
    scan: Scan,
    body: &Body,
    origin: &Origin,
    route: &Route,
    pages: &BTreeMap<String, BTreeSet<String>>,
    broken: &Broken,
    images: &ImageStatus,
) -> (Diagnostics, Vec<String>) {
    let mut diags = Diagnostics::new();
    let mut targets = Vec::new();
    let md = &body.markdown;
    // Where each line starts, so that a body with thousands of problems finds each one's line
    // by binary search instead of counting from the top every time; found only for a body
    // with a problem.
    let mut line_starts: Option<Vec<usize>> = None;
    let mut at = |offset: usize| {
        let line_starts = line_starts.get_or_insert_with(|| {
            std::iter::once(0)
                .chain(md.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let line = line_starts.partition_point(|&start| start <= offset).max(1);
        let start = line_starts[line - 1];
        let col = md.get(start..offset).map_or(1, |t| t.chars().count() + 1);
        (body.line + line - 1, col)
    };
    // A hostile or mangled file can hold a problem on every line; list the first ones and say
    // that more follow, so the report stays readable and checking stays quick.
    let mut found = 0;
    let mut report = |offset: usize, message: String, hint: Option<String>| -> bool {
        found += 1;
        let (line, col) = at(offset);
        if found <= MAX_PROBLEMS_PER_BODY {
            diags.push(
                Diagnostic::new(&origin.display, line, col, message).with_optional_hint(hint),
            );
        } else {
            diags.push(
                Diagnostic::new(
                    &origin.display,
                    line,
                    col,
                    format!("more problems from here on are not listed (only the first {MAX_PROBLEMS_PER_BODY} in the text are)"),
                )
                .with_hint("fix these and check again"),
            );
        }
        found <= MAX_PROBLEMS_PER_BODY
    };
    for problem in scan.problems {
        if !report(problem.offset, problem.message, problem.hint) {
            return (diags, targets);
        }
    }
    for mark in &scan.marks {
        let (offset, problem) = match mark {
            Mark::TopHeading(offset) => (*offset, Some((
                "a level-1 heading (\"# \") in the text; the page title is already the level-1 heading".to_string(),
                Some("use \"## \" for sections and \"### \" for sub-sections".to_string()),
            ))),
            Mark::Image(offset, image) => (*offset, check_image(image, images)),
            Mark::Link(offset, dest) => (
                *offset,
                match site_page(dest, route) {
                    Err(problem) => Some(problem),
                    Ok(None) => None,
                    Ok(Some((page, anchor))) => {
                        let problem = check_site_link(dest, &page, anchor, pages, broken);
                        if !targets.contains(&page) {
                            targets.push(page);
                        }
                        problem
                    }
                },
            ),
        };
        if let Some((message, hint)) = problem {
            if !report(offset, message, hint) {
                return (diags, targets);
            }
        }
    }
    (diags, targets)
}

/// A link's problem, as (message, hint).
type LinkProblem = (String, Option<String>);

/// The page of the site a link on page `from` points to (as a key of the anchors map) and the
/// anchor it names, or `None` for a link out of the site; a problem when the address cannot
/// be followed whatever pages there are.
fn site_page<'a>(
    dest: &'a str,
    from: &Route,
) -> Result<Option<(String, Option<&'a str>)>, LinkProblem> {
    // Schemes are compared without making a lower-case copy of every address.
    let trimmed = dest.trim();
    let starts = |prefix: &str| {
        trimmed
            .as_bytes()
            .get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    if starts("javascript:") || starts("vbscript:") || starts("data:") {
        return Err((
            format!("the link \"{dest}\" would run code or embed data"),
            Some("link to a web page instead".to_string()),
        ));
    }
    if starts("https://")
        || starts("http://")
        || starts("//")
        || starts("mailto:")
        || starts("tel:")
    {
        return Ok(None);
    }
    if let Some(end) = trimmed.as_bytes().windows(3).position(|w| w == b"://") {
        let scheme = trimmed[..end].to_ascii_lowercase();
        return Err((
            format!("the link \"{dest}\" uses the \"{scheme}:\" scheme, which browsers do not open as a web page"),
            Some("link to a web page (https://...), an email address (mailto:...) or a phone number (tel:...)".to_string()),
        ));
    }
    if dest.is_empty() {
        return Err((
            "a link has no address".to_string(),
            Some("write the address between the brackets: [text](/glossary/)".to_string()),
        ));
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (dest, None),
    };
    if path.split('/').any(|segment| segment == "..") {
        return Err((
            format!("the link \"{dest}\" climbs folders with \"..\"; links between pages give the page's address from the site root"),
            Some("write the address from the site root, e.g. \"/glossary/\"".to_string()),
        ));
    }
    let page = if path.is_empty() {
        from.path()
    } else if let Some(p) = path.strip_prefix('/') {
        let p = p.strip_suffix("index.html").unwrap_or(p);
        let mut page = String::with_capacity(p.len() + 1);
        page.push_str(p);
        if !(p.is_empty() || p.ends_with('/')) {
            page.push('/');
        }
        page
    } else {
        return Err((
            format!("the link \"{dest}\" is relative; links between pages start with /"),
            Some(format!(
                "write it from the site root, e.g. \"/{}\"",
                path.trim_start_matches("./")
            )),
        ));
    };
    Ok(Some((page, anchor)))
}

/// The problem with an image of a body, if any, as (message, hint): it must be a file of the
/// images folder that planpress publishes, described by its alternative text (or marked as
/// decoration, with none), and be a paragraph of its own.
fn check_image(image: &ImageMark, images: &ImageStatus) -> Option<LinkProblem> {
    use super::images::{source_of, DECORATIVE};
    let dest = image.dest.as_ref();
    // An image from another website is reported with the body's own problems.
    let lower = dest.trim().to_ascii_lowercase();
    if ["https://", "http://", "//"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return None;
    }
    let source = match source_of(dest) {
        Ok(source) => source,
        Err(problem) => return Some(problem),
    };
    match images.get(&source) {
        None => {
            let near = nearest(&source, images.keys().map(String::as_str))
                .map(|n| format!("did you mean \"{n}\"?"))
                .unwrap_or_else(|| {
                    "put the image in the content folder's images/ folder".to_string()
                });
            return Some((
                format!("there is no image \"{source}\" in the content folder"),
                Some(near),
            ));
        }
        Some(Some(why)) => {
            return Some((format!("the image \"{source}\" {why}"), None));
        }
        Some(None) => {}
    }
    let alt = image.alt.trim();
    let title = image.title.trim();
    let decorative = title == DECORATIVE;
    if !decorative && !title.is_empty() {
        return Some((
            format!("the image \"{source}\" has a title (\"{title}\"), which readers see only by pointing a mouse at it"),
            Some(format!("put those words in the text or the description; the only title an image may have is \"{DECORATIVE}\", for decoration")),
        ));
    }
    if decorative && !alt.is_empty() {
        return Some((
            format!("the image \"{source}\" is marked \"{DECORATIVE}\" but has a description"),
            Some(format!("decoration has no description: write ![]({dest} \"{DECORATIVE}\"), or remove \"{DECORATIVE}\" if the image tells the reader something")),
        ));
    }
    if !decorative && alt.is_empty() {
        return Some((
            format!("the image \"{source}\" has no description (alternative text) for readers who cannot see it"),
            Some(format!("describe what it shows between the brackets: ![A map of the policing areas]({dest}); if it is only decoration, mark it: ![]({dest} \"{DECORATIVE}\")")),
        ));
    }
    if !image.alone {
        return Some((
            format!("the image \"{source}\" is not a paragraph of its own"),
            Some("put the image on a line of its own with a blank line before and after it, outside lists, tables, headings, quotes and links".to_string()),
        ));
    }
    None
}

/// The problem with a link to `page` (and `anchor` on it) of the site, if any, as (message, hint).
fn check_site_link(
    dest: &str,
    page: &str,
    anchor: Option<&str>,
    pages: &BTreeMap<String, BTreeSet<String>>,
    broken: &Broken,
) -> Option<LinkProblem> {
    if broken.paths.contains(page) || (broken.glossary && page == Route::Glossary.path()) {
        return None;
    }
    let Some(anchors) = pages.get(page) else {
        let near = nearest(page, pages.keys().map(String::as_str))
            .map(|n| format!("did you mean \"/{n}\"?"));
        return Some((
            format!("the link \"{dest}\" points to a page that does not exist"),
            near.or_else(|| Some("check the address against docs/content-model.md".to_string())),
        ));
    };
    if let Some(anchor) = anchor {
        if !anchors.contains(anchor) {
            let near = nearest(anchor, anchors.iter().map(String::as_str))
                .map(|n| format!("did you mean \"#{n}\"?"));
            return Some((format!("the link \"{dest}\" points to an anchor \"#{anchor}\" that is not on that page"), near));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The problems a check from nothing finds in `plan`, as text.
    fn full_check(plan: &Plan) -> String {
        let mut diags = Diagnostics::new();
        check_reusing(
            plan,
            &Broken::default(),
            RawHtml::Sanitise,
            &mut diags,
            None,
        );
        format!("{:?}", diags.into_sorted())
    }

    fn body_of<'p>(plan: &'p mut Plan, file: &str) -> &'p mut String {
        let page = plan.pages.iter_mut().map(|p| (&p.origin, &mut p.body));
        let priorities = plan
            .aims
            .iter_mut()
            .flat_map(|a| a.priorities.iter_mut())
            .map(|p| (&p.origin, &mut p.body));
        let (_, body) = page
            .chain(priorities)
            .find(|(origin, _)| origin.file == file)
            .expect("a body in that file");
        &mut body.markdown
    }

    #[test]
    fn a_renamed_heading_rechecks_only_the_bodies_linking_to_its_page_and_finds_what_broke() {
        let mut plan = crate::plan::fixture("tests/fixtures/minimal/content");
        let (roads, about) = ("safety/02-roads.md", "about.md");
        let mut cache = LinkCache::default();
        let check = |plan: &Plan, cache: &mut LinkCache, file: &str| {
            let mut diags = Diagnostics::new();
            let changed = HashSet::from([file.to_string()]);
            let quick = recheck_changed_only(
                plan,
                &Broken::default(),
                RawHtml::Sanitise,
                &mut diags,
                cache,
                &changed,
            );
            (quick, format!("{:?}", diags.into_sorted()))
        };
        let rename = |plan: &mut Plan, from: &str, to: &str| {
            let text = body_of(plan, roads).replace(from, to);
            *body_of(plan, roads) = text;
        };
        // Filled by a first check, with nothing to go on yet.
        assert!(!check(&plan, &mut cache, roads).0);
        let mut diags = Diagnostics::new();
        let everything = HashSet::new();
        let reuse = Some((&mut cache, &everything));
        check_reusing(
            &plan,
            &Broken::default(),
            RawHtml::Sanitise,
            &mut diags,
            reuse,
        );
        assert!(diags.is_empty());

        // A heading added, a link to it from another page, the heading renamed (breaking the
        // link), and named back: each time the quick way, with the problems of a full check.
        body_of(&mut plan, roads).push_str("\n## Speed\n\nWhy speed matters.\n");
        assert_eq!(check(&plan, &mut cache, roads), (true, full_check(&plan)));
        body_of(&mut plan, about).push_str("\nAbout [speed](/safety/roads/#speed).\n");
        assert_eq!(check(&plan, &mut cache, about), (true, full_check(&plan)));
        rename(&mut plan, "## Speed", "## Speeding");
        let (quick, found) = check(&plan, &mut cache, roads);
        assert!(quick);
        assert_eq!(found, full_check(&plan));
        assert!(
            found.contains("about.md") && found.contains("did you mean \\\"#speeding\\\"?"),
            "{found}"
        );
        rename(&mut plan, "## Speeding", "## Speed");
        assert_eq!(check(&plan, &mut cache, roads), (true, "[]".to_string()));
    }
}
