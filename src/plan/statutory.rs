//! Where the plan sets out each of the contents the law requires of a police and crime plan
//! (Police Reform and Social Responsibility Act 2011, s.7(1)(a) to (f); see
//! `docs/statutory-contents.md`).
//!
//! Pages, aims and priorities say what they cover with `covers:`. The objectives are covered
//! without saying so by every aim whose priorities make commitments (in a plan without aims,
//! by every priority that makes commitments). `planpress check --statutory` prints the
//! result, the build warns once when an element is missing, and the website's "About this
//! plan" page links to where each element is covered.

use super::{Plan, Route};
use crate::parse::kinds::Element;

/// One place in the plan that covers an element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cover {
    /// Its page on the website.
    pub route: Route,
    /// What readers know it by: the page's title, "Aim 1: Title", "Priority 2.1: Title".
    pub title: String,
    /// Its file, relative to the content folder (an aim's folder in a plan without aims).
    pub file: String,
    /// True when it says so with `covers:`; false when it covers the objectives by making
    /// commitments.
    pub declared: bool,
}

/// Each element of s.7(1), in the Act's order, with the places that cover it (none when the
/// plan does not set it out).
pub fn coverage(plan: &Plan) -> Vec<(Element, Vec<Cover>)> {
    let mut places: Vec<(Cover, Vec<Element>)> = Vec::new();
    for aim in &plan.aims {
        let commits = aim.priorities.iter().any(|p| !p.groups.is_empty());
        if !aim.implicit {
            let mut covers = aim.covers.clone();
            if commits && !covers.contains(&Element::Objectives) {
                covers.push(Element::Objectives);
            }
            places.push((
                Cover {
                    route: Route::Aim(aim.id.clone()),
                    title: plan.aim_label(aim),
                    file: aim.origin.file.clone(),
                    declared: !aim.covers.is_empty(),
                },
                covers,
            ));
        }
        for p in &aim.priorities {
            let mut covers = p.covers.clone();
            if aim.implicit && !p.groups.is_empty() && !covers.contains(&Element::Objectives) {
                covers.push(Element::Objectives);
            }
            places.push((
                Cover {
                    route: Route::Priority {
                        aim: aim.id.clone(),
                        id: p.id.clone(),
                    },
                    title: plan.priority_label(p),
                    file: p.origin.file.clone(),
                    declared: !p.covers.is_empty(),
                },
                covers,
            ));
        }
    }
    for page in &plan.pages {
        places.push((
            Cover {
                route: Route::Page(page.id.clone()),
                title: page.title.clone(),
                file: page.origin.file.clone(),
                declared: true,
            },
            page.covers.clone(),
        ));
    }
    Element::ALL
        .iter()
        .map(|&e| {
            let found = places
                .iter()
                .filter(|(_, covers)| covers.contains(&e))
                .map(|(cover, _)| {
                    let mut cover = cover.clone();
                    // An aim that names other elements still covers the objectives only by
                    // its commitments, unless it names them too.
                    if e == Element::Objectives {
                        cover.declared = covers_declared(plan, &cover.route);
                    }
                    cover
                })
                .collect();
            (e, found)
        })
        .collect()
}

/// True when the item at `route` names the objectives in its own `covers:`.
fn covers_declared(plan: &Plan, route: &Route) -> bool {
    match route {
        Route::Aim(id) => plan
            .aim(id)
            .is_some_and(|a| a.covers.contains(&Element::Objectives)),
        Route::Priority { id, .. } => plan
            .priority(id)
            .is_some_and(|p| p.covers.contains(&Element::Objectives)),
        _ => true,
    }
}

/// The elements no part of the plan covers, in the Act's order.
pub fn missing(plan: &Plan) -> Vec<Element> {
    coverage(plan)
        .into_iter()
        .filter(|(_, covers)| covers.is_empty())
        .map(|(e, _)| e)
        .collect()
}
