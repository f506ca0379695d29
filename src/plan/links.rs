//! Checking every link and heading in the plan's Markdown before anything is written.
//!
//! Site links (`/glossary/#cjs`) must name a page that will be generated and an anchor on it;
//! a body may not add a second level-1 heading, since each page already has its title as one.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag};
use rayon::prelude::*;

use super::{Body, Broken, Origin, Plan, Route};
use crate::diagnostics::{nearest, Diagnostic, Diagnostics};
use crate::render::markdown::{body_problems_visiting, BodyProblem, HeadingIds, RawHtml};

/// What checking found in each file's body, kept between checks of one content folder so that
/// a rebuild parses only the bodies of files that changed (see [`super::PlanCache`]).
#[derive(Default)]
pub(crate) struct LinkCache {
    /// Each body's heading ids, by file.
    headings: HashMap<String, Vec<String>>,
    /// Each body's problems, by file, found against `against`.
    problems: HashMap<String, Diagnostics>,
    /// Every page's anchors, what was broken and the raw-HTML setting when `problems` were found.
    against: Option<(BTreeMap<String, BTreeSet<String>>, Broken, RawHtml)>,
}

/// Every page the website will have, with the anchors each one offers, given the heading ids
/// of every body in [`bodies`]' order.
fn anchors(plan: &Plan, ids: Vec<Vec<String>>) -> BTreeMap<String, BTreeSet<String>> {
    let mut map: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut add = |route: Route, ids: Vec<String>| {
        let entry = map.entry(route.path()).or_default();
        entry.insert("main-content".to_string());
        entry.extend(ids);
    };
    // This walks the plan as `bodies` does, taking each body's ids in turn.
    let mut ids = ids.into_iter();
    let mut next = || ids.next().unwrap_or_default();
    add(Route::Home, next());
    for aim in &plan.aims {
        add(Route::Aim(aim.id.clone()), next());
        for p in &aim.priorities {
            let mut ids = next();
            ids.extend(p.commitments().map(|(_, c)| c.id.clone()));
            add(
                Route::Priority {
                    aim: aim.id.clone(),
                    id: p.id.clone(),
                },
                ids,
            );
        }
    }
    // A glossary term's headings are not anchors: the glossary page shows only its terms.
    for _ in &plan.glossary {
        next();
    }
    add(
        Route::Glossary,
        plan.glossary.iter().map(|t| t.id.clone()).collect(),
    );
    add(Route::Performance, Vec::new());
    for s in &plan.statements {
        add(Route::Statement(s.id.clone()), next());
    }
    for page in &plan.pages {
        add(Route::Page(page.id.clone()), next());
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
    add(Route::Delivery, Vec::new());
    add(Route::Accessibility, Vec::new());
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
    if let Some((cache, changed)) = reuse.as_mut() {
        if recheck_changed_only(plan, broken, raw_html, diags, cache, changed) {
            return;
        }
    }
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
    let pages = anchors(plan, ids);
    // A body's problems depend on it and on every page's anchors: reuse them only when the
    // body's file and the anchors are unchanged.
    let same_context = reuse.as_ref().is_some_and(|(c, _)| {
        c.against
            .as_ref()
            .is_some_and(|(p, b, r)| *p == pages && b == broken && *r == raw_html)
    });
    let known = |origin: &Origin| -> Option<Diagnostics> {
        let (cache, changed) = reuse.as_ref()?;
        if !same_context || changed.contains(&origin.file) {
            return None;
        }
        cache.problems.get(&origin.file).cloned()
    };
    // Each body is checked on its own: on every core, the problems kept in body order.
    let found: Vec<Diagnostics> = bodies
        .par_iter()
        .zip(scans)
        .map(|((body, origin, route), scan)| {
            known(origin).unwrap_or_else(|| {
                let scan = scan.unwrap_or_else(|| self::scan(&body.markdown, raw_html));
                let mut found = Diagnostics::new();
                check_scanned(scan, body, origin, route, &pages, broken, &mut found);
                found
            })
        })
        .collect();
    if let Some((cache, _)) = reuse {
        cache.problems = bodies
            .iter()
            .zip(&found)
            .map(|((_, origin, _), d)| (origin.file.clone(), d.clone()))
            .collect();
        cache.headings = headings;
        cache.against = Some((pages, broken.clone(), raw_html));
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

/// The quick way to check again after a few files changed: when each changed file is a body
/// whose page still offers exactly the anchors it did (the usual edit: words, not headings),
/// and nothing else the checks depend on changed, every other body's problems are as they
/// were, so only the changed bodies are checked. Returns false, having done nothing, when
/// that does not hold.
fn recheck_changed_only(
    plan: &Plan,
    broken: &Broken,
    raw_html: RawHtml,
    diags: &mut Diagnostics,
    cache: &mut LinkCache,
    changed: &HashSet<String>,
) -> bool {
    let Some((pages, was_broken, was_raw_html)) = &cache.against else {
        return false;
    };
    if was_broken != broken || *was_raw_html != raw_html {
        return false;
    }
    let all = bodies(plan);
    if all
        .iter()
        .any(|(_, o, _)| !changed.contains(&o.file) && !cache.problems.contains_key(&o.file))
    {
        return false;
    }
    let mut rechecked = Vec::new();
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
        if pages.get(&route.path()) != Some(&anchors) {
            return false;
        }
        rechecked.push((body, origin, route, ids, scan));
    }
    for (body, origin, route, ids, scan) in rechecked {
        let mut found = Diagnostics::new();
        check_scanned(scan, body, origin, route, pages, broken, &mut found);
        cache.problems.insert(origin.file.clone(), found);
        cache.headings.insert(origin.file.clone(), ids);
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
struct Scan<'a> {
    /// Its heading ids, in order.
    ids: Vec<String>,
    /// Its own problems (see [`body_problems_visiting`]).
    problems: Vec<BodyProblem>,
    /// Its level-1 headings and its links, in order, to be checked against every page's
    /// anchors.
    marks: Vec<Mark<'a>>,
}

/// Something in a body that [`check_scanned`] looks at.
enum Mark<'a> {
    /// A level-1 heading, at this byte offset.
    TopHeading(usize),
    /// A link's or image's address, at this byte offset.
    Link(usize, CowStr<'a>),
}

/// Parses a body once for everything checking it needs.
fn scan(md: &str, raw_html: RawHtml) -> Scan<'_> {
    let mut ids = HeadingIds::new();
    let mut marks = Vec::new();
    let problems = body_problems_visiting(md, raw_html, |event, range| {
        ids.visit(event);
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => marks.push(Mark::TopHeading(range.start)),
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                marks.push(Mark::Link(range.start, dest_url.clone()))
            }
            _ => {}
        }
    });
    Scan {
        ids: ids.finish(),
        problems,
        marks,
    }
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
    diags: &mut Diagnostics,
) {
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
            return;
        }
    }
    for mark in &scan.marks {
        let (offset, problem) = match mark {
            Mark::TopHeading(offset) => (*offset, Some((
                "a level-1 heading (\"# \") in the text; the page title is already the level-1 heading".to_string(),
                Some("use \"## \" for sections and \"### \" for sub-sections".to_string()),
            ))),
            Mark::Link(offset, dest) => (*offset, check_link(dest, route, pages, broken)),
        };
        if let Some((message, hint)) = problem {
            if !report(offset, message, hint) {
                return;
            }
        }
    }
}

/// The problem with a link, if any, as (message, hint).
fn check_link(
    dest: &str,
    from: &Route,
    pages: &BTreeMap<String, BTreeSet<String>>,
    broken: &Broken,
) -> Option<(String, Option<String>)> {
    // Schemes are compared without making a lower-case copy of every address.
    let trimmed = dest.trim();
    let starts = |prefix: &str| {
        trimmed
            .as_bytes()
            .get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    if starts("javascript:") || starts("vbscript:") || starts("data:") {
        return Some((
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
        return None;
    }
    if let Some(end) = trimmed.as_bytes().windows(3).position(|w| w == b"://") {
        let scheme = trimmed[..end].to_ascii_lowercase();
        return Some((
            format!("the link \"{dest}\" uses the \"{scheme}:\" scheme, which browsers do not open as a web page"),
            Some("link to a web page (https://...), an email address (mailto:...) or a phone number (tel:...)".to_string()),
        ));
    }
    if dest.is_empty() {
        return Some((
            "a link has no address".to_string(),
            Some("write the address between the brackets: [text](/glossary/)".to_string()),
        ));
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (dest, None),
    };
    if path.split('/').any(|segment| segment == "..") {
        return Some((
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
        return Some((
            format!("the link \"{dest}\" is relative; links between pages start with /"),
            Some(format!(
                "write it from the site root, e.g. \"/{}\"",
                path.trim_start_matches("./")
            )),
        ));
    };
    if broken.paths.contains(&page) || (broken.glossary && page == Route::Glossary.path()) {
        return None;
    }
    let Some(anchors) = pages.get(&page) else {
        let near = nearest(&page, pages.keys().map(String::as_str))
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
