//! Checking every link and heading in the plan's Markdown before anything is written.
//!
//! Site links (`/glossary/#cjs`) must name a page that will be generated and an anchor on it;
//! a body may not add a second level-1 heading, since each page already has its title as one.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use pulldown_cmark::{Event, HeadingLevel, Tag};
use rayon::prelude::*;

use super::{Body, Broken, Origin, Plan, Route};
use crate::diagnostics::{nearest, Diagnostic, Diagnostics};
use crate::render::markdown::{body_problems_visiting, heading_ids, RawHtml};

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

/// Every page the website will have, with the anchors each one offers, taking the heading ids
/// of bodies in files outside `reuse`'s changed set from its cache; also returns every body's
/// heading ids, by file.
fn anchors_reusing(
    plan: &Plan,
    reuse: Option<(&LinkCache, &HashSet<String>)>,
) -> (
    BTreeMap<String, BTreeSet<String>>,
    HashMap<String, Vec<String>>,
) {
    let known = |origin: &Origin| {
        let (cache, changed) = reuse?;
        if changed.contains(&origin.file) {
            return None;
        }
        cache.headings.get(&origin.file).cloned()
    };
    // Each body's ids are kept for the cache only when there is one to fill.
    let headings = std::sync::Mutex::new(HashMap::new());
    let heading_ids = |body: &Body, origin: &Origin| {
        let ids = known(origin).unwrap_or_else(|| heading_ids(&body.markdown));
        if reuse.is_some() {
            headings
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .insert(origin.file.clone(), ids.clone());
        }
        ids
    };
    let map = anchors_with(plan, &heading_ids);
    let headings = headings
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    (map, headings)
}

/// Every page's anchors, with `heading_ids` giving those of each body.
fn anchors_with(
    plan: &Plan,
    heading_ids: &(dyn Fn(&Body, &Origin) -> Vec<String> + Sync),
) -> BTreeMap<String, BTreeSet<String>> {
    let mut map: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut add = |route: Route, ids: Vec<String>| {
        let entry = map.entry(route.path()).or_default();
        entry.insert("main-content".to_string());
        entry.extend(ids);
    };
    // Heading ids come from parsing each body. Priorities are nearly all of a big plan's
    // bodies, so theirs are found on every core first, in plan order.
    let priorities: Vec<&super::Priority> = plan.priorities().collect();
    let mut priority_anchors = priorities
        .into_par_iter()
        .map(|p| {
            let mut ids = heading_ids(&p.body, &p.origin);
            ids.extend(p.commitments().map(|(_, c)| c.id.clone()));
            ids
        })
        .collect::<Vec<_>>()
        .into_iter();
    add(
        Route::Home,
        heading_ids(&plan.meta.foreword, &plan.meta.origin),
    );
    for aim in &plan.aims {
        add(
            Route::Aim(aim.id.clone()),
            heading_ids(&aim.intro, &aim.origin),
        );
        for p in &aim.priorities {
            let ids = priority_anchors.next().unwrap_or_default();
            add(
                Route::Priority {
                    aim: aim.id.clone(),
                    id: p.id.clone(),
                },
                ids,
            );
        }
    }
    add(
        Route::Glossary,
        plan.glossary.iter().map(|t| t.id.clone()).collect(),
    );
    add(Route::Performance, Vec::new());
    for s in &plan.statements {
        add(
            Route::Statement(s.id.clone()),
            heading_ids(&s.body, &s.origin),
        );
    }
    for page in &plan.pages {
        add(
            Route::Page(page.id.clone()),
            heading_ids(&page.body, &page.origin),
        );
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
    let (pages, headings) = anchors_reusing(plan, reuse.as_ref().map(|(c, ch)| (&**c, *ch)));
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
    let bodies = bodies(plan);
    // Each body is checked on its own: on every core, the problems kept in body order.
    let found: Vec<Diagnostics> = bodies
        .par_iter()
        .map(|(body, origin, route)| {
            known(origin).unwrap_or_else(|| {
                let mut found = Diagnostics::new();
                check_body(body, origin, route, &pages, broken, raw_html, &mut found);
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
        let ids = heading_ids(&body.markdown);
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
        rechecked.push((body, origin, route, ids));
    }
    for (body, origin, route, ids) in rechecked {
        let mut found = Diagnostics::new();
        check_body(body, origin, route, pages, broken, raw_html, &mut found);
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

fn check_body(
    body: &Body,
    origin: &Origin,
    route: &Route,
    pages: &BTreeMap<String, BTreeSet<String>>,
    broken: &Broken,
    raw_html: RawHtml,
    diags: &mut Diagnostics,
) {
    let md = &body.markdown;
    // Where each line starts, so that a body with thousands of problems finds each one's line
    // by binary search instead of counting from the top every time.
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(md.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let at = |offset: usize| {
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
    // One parse finds both the body's own problems and those of its headings and links; they
    // are reported in that order, the first before the second, as two passes would. No more
    // than can be listed is kept.
    let mut link_problems = Vec::new();
    let problems = body_problems_visiting(md, raw_html, |event, range| {
        if link_problems.len() > MAX_PROBLEMS_PER_BODY {
            return;
        }
        let problem = match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => Some((
                "a level-1 heading (\"# \") in the text; the page title is already the level-1 heading".to_string(),
                Some("use \"## \" for sections and \"### \" for sub-sections".to_string()),
            )),
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                check_link(dest_url, route, pages, broken)
            }
            _ => None,
        };
        if let Some((message, hint)) = problem {
            link_problems.push((range.start, message, hint));
        }
    });
    for problem in problems {
        if !report(problem.offset, problem.message, problem.hint) {
            return;
        }
    }
    for (offset, message, hint) in link_problems {
        if !report(offset, message, hint) {
            return;
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
    let lower = dest.trim().to_ascii_lowercase();
    if lower.starts_with("javascript:")
        || lower.starts_with("vbscript:")
        || lower.starts_with("data:")
    {
        return Some((
            format!("the link \"{dest}\" would run code or embed data"),
            Some("link to a web page instead".to_string()),
        ));
    }
    if lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("//")
        || lower.starts_with("mailto:")
        || lower.starts_with("tel:")
    {
        return None;
    }
    if let Some((scheme, _)) = lower.split_once("://") {
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
        if p.is_empty() || p.ends_with('/') {
            p.to_string()
        } else {
            format!("{p}/")
        }
    } else {
        return Some((
            format!("the link \"{dest}\" is relative; links between pages start with /"),
            Some(format!(
                "write it from the site root, e.g. \"/{}\"",
                path.trim_start_matches("./")
            )),
        ));
    };
    if broken.paths.contains(&page) || (page == Route::Glossary.path() && broken.glossary) {
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
