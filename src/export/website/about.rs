//! The website's "About this plan" page: what the plan is, each of the contents the law
//! requires of it (worked out by [`crate::plan::statutory`]) with links to where the plan
//! sets it out, and the parts of the site that report on it.

use serde::Serialize;

use super::{home, page_view, Link, PageContext};
use crate::plan::{statutory, Plan, Route};
use crate::theme::Theme;

/// One element of s.7(1) as the page lists it.
#[derive(Serialize)]
struct ElementView {
    /// The element's id, as written in `covers:`.
    id: &'static str,
    /// "a" to "f".
    paragraph: &'static str,
    /// What the plan must set out, in the page's language.
    label: String,
    /// Where the plan sets it out; empty when it does not.
    places: Vec<Link>,
}

/// Renders the "About this plan" page's context, in `theme`'s language.
pub(super) fn about_page(plan: &Plan, theme: &Theme, route: &Route, ctx: &mut PageContext<'_>) {
    ctx.insert(
        "page",
        &page_view(route, &theme.word("about-title"), vec![home()], vec![]),
    );
    let elements: Vec<ElementView> = statutory::coverage(plan)
        .into_iter()
        .map(|(e, covers)| ElementView {
            id: e.id(),
            paragraph: e.paragraph(),
            label: theme.word(e.key()),
            places: covers
                .into_iter()
                .map(|c| Link {
                    title: c.title,
                    path: c.route.path(),
                })
                .collect(),
        })
        .collect();
    ctx.insert("elements", &elements);
    // The parts of the site that report on the plan, where it has them.
    let routes = super::routes(plan);
    let mut reports = Vec::new();
    for (r, title) in [
        (Route::Performance, "nav-performance"),
        (Route::Delivery, "delivery-page-title"),
        (Route::NationalPriorities, "np-title"),
    ] {
        if routes.contains(&r) {
            reports.push(Link {
                title: theme.word(title),
                path: r.path(),
            });
        }
    }
    ctx.insert("reports", &reports);
}
