//! The website's delivery page: how far the plan's commitments have got, by aim and by
//! owner, with the overdue ones listed. The counting is done by [`crate::plan::delivery`];
//! this module shapes it for the theme's `delivery.html`.

use serde::Serialize;

use super::items::untranslated;
use super::shelf;
use super::{home, page_view, PageContext};
use crate::export::{Download, Shelf};
use crate::plan::delivery::{Counts, Item, State, Summary};
use crate::plan::{Plan, Route, TextOf};
use crate::theme::Theme;

#[derive(Debug, Clone, Serialize)]
struct StateView {
    id: &'static str,
    label: String,
}

#[derive(Debug, Clone, Serialize)]
struct CountsView {
    cells: Vec<usize>,
    overdue: usize,
    total: usize,
}

impl From<&Counts> for CountsView {
    fn from(c: &Counts) -> Self {
        CountsView {
            cells: State::ALL.iter().map(|s| c.get(*s)).collect(),
            overdue: c.overdue,
            total: c.total,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
struct RowView {
    title: String,
    /// The language of the title when it is not translated into the page's yet.
    lang: Option<String>,
    path: Option<String>,
    counts: CountsView,
}

/// One commitment as the template lists it. Its fields are flat and its link is ready to
/// print: on a big plan the page lists hundreds of thousands of them, and every nested
/// lookup or filter in the template's loop is paid that many times.
#[derive(Debug, Clone, Serialize)]
struct ItemView<'a> {
    text: &'a str,
    /// The language of its text when it is not translated into the page's yet.
    lang: Option<String>,
    /// The commitment on its priority's page, from the site's root.
    href: String,
    priority: String,
    /// The language of its priority's title when that is not translated yet.
    priority_lang: Option<String>,
    due: Option<String>,
    state_id: &'static str,
    state_label: String,
    owner: &'a str,
}

impl<'a> ItemView<'a> {
    fn new(plan: &Plan, theme: &Theme, i: &Item<'a>) -> Self {
        let p = i.priority;
        let c = i.commitment;
        let state = State::of(c);
        ItemView {
            text: &c.text,
            lang: untranslated(plan, TextOf::Commitment(c.id.clone())),
            priority_lang: untranslated(plan, TextOf::Priority(p.id.clone())),
            href: {
                let route = Route::Priority {
                    aim: p.aim.clone(),
                    id: p.id.clone(),
                };
                let mut href = route.file();
                href.push('#');
                href.push_str(&c.id);
                href
            },
            priority: plan.priority_label(p),
            due: c.due.as_deref().map(|d| theme.date(d)),
            state_id: state.id(),
            state_label: theme.word(state.key()),
            owner: i.owner(),
        }
    }
}

/// A list of commitments for the template, each shaped as it is serialised: on a big plan
/// the lists run to hundreds of thousands of items, and holding them twice (as views and as
/// the template's values) would double what the page costs in memory.
struct ItemList<'s, 'a>(&'s Plan, &'s Theme, &'s [Item<'a>]);

impl Serialize for ItemList<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.2.iter().map(|i| ItemView::new(self.0, self.1, i)))
    }
}

/// Renders the delivery page's context, its words in `theme`'s language.
pub(super) fn delivery_page(
    plan: &Plan,
    theme: &Theme,
    route: &Route,
    downloads: Option<&[Download]>,
    ctx: &mut PageContext<'_>,
) {
    let summary = Summary::of(plan);
    ctx.insert(
        "page",
        &page_view(
            route,
            &theme.word("delivery-page-title"),
            vec![home()],
            vec![],
        ),
    );
    ctx.insert(
        "states",
        &State::ALL
            .iter()
            .map(|s| StateView {
                id: s.id(),
                label: theme.word(s.key()),
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert("reporting_date", &theme.date(&summary.reporting_date));
    ctx.insert("not_reported", &theme.word(State::NotReported.key()));
    ctx.insert("all", &CountsView::from(&summary.all));
    ctx.insert(
        "reported",
        &(summary.all.total - summary.all.get(State::NotReported)),
    );
    // The first table counts by aim; in a plan without aims, by priority.
    let by_aim: Vec<RowView> = match plan.is_one_level() {
        true => summary
            .by_priority
            .iter()
            .map(|(p, c)| RowView {
                title: plan.priority_label(p),
                lang: untranslated(plan, TextOf::Priority(p.id.clone())),
                path: Some(
                    Route::Priority {
                        aim: p.aim.clone(),
                        id: p.id.clone(),
                    }
                    .path(),
                ),
                counts: c.into(),
            })
            .collect(),
        false => summary
            .by_aim
            .iter()
            .map(|(id, title, c)| RowView {
                title: title.clone(),
                lang: untranslated(plan, TextOf::Aim(id.clone())),
                path: Some(Route::Aim(id.clone()).path()),
                counts: c.into(),
            })
            .collect(),
    };
    ctx.insert("by_aim", &by_aim);
    ctx.insert(
        "by_party",
        &summary
            .by_party
            .iter()
            .map(|(name, c)| RowView {
                title: name.clone(),
                lang: None,
                path: None,
                counts: c.into(),
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "by_owner",
        &summary
            .by_owner
            .iter()
            .map(|(owner, c)| RowView {
                title: owner.clone(),
                lang: None,
                path: None,
                counts: c.into(),
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert("overdue", &ItemList(plan, theme, &summary.overdue));
    ctx.insert("upcoming", &ItemList(plan, theme, &summary.upcoming));
    ctx.insert("downloads", &shelf(downloads, Shelf::Delivery));
}
