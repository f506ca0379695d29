//! Checking every link and heading in the plan's Markdown before anything is written.
//!
//! Site links (`/glossary/#cjs`) must name a page that will be generated and an anchor on it;
//! a body may not add a second level-1 heading, since each page already has its title as one.

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::{Event, HeadingLevel, Tag};
use rayon::prelude::*;

use super::{Body, Broken, Origin, Plan, Route};
use crate::diagnostics::{line_col, nearest, Diagnostic, Diagnostics};
use crate::render::markdown::{heading_ids, options};

/// Every page the website will have, with the anchors each one offers.
pub fn anchors(plan: &Plan) -> BTreeMap<String, BTreeSet<String>> {
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
            let mut ids = heading_ids(&p.body.markdown);
            ids.extend(p.commitments().map(|(_, c)| c.id.clone()));
            ids
        })
        .collect::<Vec<_>>()
        .into_iter();
    add(Route::Home, heading_ids(&plan.meta.foreword.markdown));
    for aim in &plan.aims {
        add(Route::Aim(aim.id.clone()), heading_ids(&aim.intro.markdown));
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
            heading_ids(&s.body.markdown),
        );
    }
    for page in &plan.pages {
        add(
            Route::Page(page.id.clone()),
            heading_ids(&page.body.markdown),
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

/// Checks links and headings in every body, reporting problems with their file positions.
pub(crate) fn check(plan: &Plan, broken: &Broken, diags: &mut Diagnostics) {
    let pages = anchors(plan);
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
    // Each body is checked on its own: on every core, the problems kept in body order.
    let found: Vec<Diagnostics> = bodies
        .par_iter()
        .map(|(body, origin, route)| {
            let mut found = Diagnostics::new();
            check_body(body, origin, route, &pages, broken, &mut found);
            found
        })
        .collect();
    for found in found {
        diags.extend(found);
    }
}

fn check_body(
    body: &Body,
    origin: &Origin,
    route: &Route,
    pages: &BTreeMap<String, BTreeSet<String>>,
    broken: &Broken,
    diags: &mut Diagnostics,
) {
    let md = &body.markdown;
    let at = |offset: usize| {
        let (line, col) = line_col(md, offset);
        (body.line + line - 1, col)
    };
    for (event, range) in pulldown_cmark::Parser::new_ext(md, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => {
                let (line, col) = at(range.start);
                diags.push(
                    Diagnostic::new(&origin.display, line, col, "a level-1 heading (\"# \") in the text; the page title is already the level-1 heading")
                        .with_hint("use \"## \" for sections and \"### \" for sub-sections"),
                );
            }
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                if let Some(message) = check_link(&dest_url, route, pages, broken) {
                    let (line, col) = at(range.start);
                    diags.push(
                        Diagnostic::new(&origin.display, line, col, message.0)
                            .with_optional_hint(message.1),
                    );
                }
            }
            _ => {}
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
    if lower.contains("://") || lower.starts_with("mailto:") || lower.starts_with("tel:") {
        return None;
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
