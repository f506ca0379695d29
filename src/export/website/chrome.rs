//! Every page's header and footer, rendered once for each place a page can be rather than
//! once per page.

use std::collections::HashMap;

use anyhow::{anyhow, Result};
use rayon::prelude::*;

use super::languages::{alternates, Alternate};
use super::{page_root, SiteView};
use crate::diagnostics::chain;
use crate::plan::Route;
use crate::theme::Theme;

/// Where a page is, as far as the site's header and footer can tell: the relative way back to
/// the site root, whether the page is frozen (a report's, which a later report must never
/// change, so its footer lists no download whose size changes with the plan), and the path of
/// the navigation item that is the page itself, if any.
#[derive(PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Place {
    root: String,
    frozen: bool,
    current: Option<String>,
    /// The links to this page in the plan's other languages (none for one language), which
    /// the header shows first.
    alternates: Vec<Alternate>,
}

impl Place {
    fn of(route: &Route, site: &SiteView) -> Place {
        // The not-found page is no page of the navigation, though its path is the home
        // page's (web servers show it at any address).
        let path = route.path();
        let current = match route {
            Route::NotFound => None,
            _ => site.nav.iter().any(|n| n.path == path).then_some(path),
        };
        let root = page_root(route, site);
        Place {
            alternates: match site.languages.is_empty() || *route == Route::NotFound {
                true => Vec::new(),
                false => alternates(route, &root, &site.prefix, &site.languages, site.root_url),
            },
            root,
            frozen: matches!(route, Route::Report(_) | Route::ReportStatement { .. }),
            current,
        }
    }
}

/// The theme's `site-header.html`, rendered once for each place a page can be, and its
/// `site-footer.html`, once for each depth. Every page in a place prints the same header and
/// footer, and rendering them with each page repeated the same few hundred lookups (the
/// navigation, the contact details) for every page: about a third of the time spent in
/// templates.
pub(super) struct Chrome {
    headers: HashMap<Place, String>,
    /// By `root` and whether frozen: the footer does not mark the current page.
    footers: HashMap<(String, bool), String>,
}

impl Chrome {
    /// Renders the headers and footers for the places of `routes`.
    pub(super) fn new<'r>(
        theme: &Theme,
        site: &SiteView,
        shared: &tera::Context,
        routes: impl Iterator<Item = &'r Route>,
    ) -> Result<Chrome> {
        let mut places: Vec<Place> = routes.map(|r| Place::of(r, site)).collect();
        places.sort();
        places.dedup();
        // Places are sorted by root and then by being frozen, so the first of each renders
        // its footer.
        let first_at_root: Vec<bool> = (0..places.len())
            .map(|i| {
                i == 0
                    || (&places[i - 1].root, places[i - 1].frozen)
                        != (&places[i].root, places[i].frozen)
            })
            .collect();
        type Pieces = (Place, String, Option<String>);
        let rendered: Vec<Result<Pieces>> = places
            .into_par_iter()
            .zip(first_at_root)
            .map(|(place, first)| {
                let mut ctx = shared.clone();
                ctx.insert("root", &place.root);
                ctx.insert("frozen", &place.frozen);
                let footer = match first {
                    true => Some(render_piece(theme, "site-footer.html", &ctx)?),
                    false => None,
                };
                ctx.insert("current", &place.current);
                ctx.insert("alternates", &place.alternates);
                let header = render_piece(theme, "site-header.html", &ctx)?;
                Ok((place, header, footer))
            })
            .collect();
        let mut chrome = Chrome {
            headers: HashMap::with_capacity(rendered.len()),
            footers: HashMap::new(),
        };
        // The first place's error, whichever thread met it first.
        for pieces in rendered {
            let (place, header, footer) = pieces?;
            if let Some(footer) = footer {
                chrome
                    .footers
                    .insert((place.root.clone(), place.frozen), footer);
            }
            chrome.headers.insert(place, header);
        }
        Ok(chrome)
    }

    /// The header and footer of `route`'s page.
    pub(super) fn of(&self, route: &Route, site: &SiteView) -> Result<(&str, &str)> {
        let place = Place::of(route, site);
        let missing = || anyhow!("no header and footer were made for {}", route.file());
        let footer = self
            .footers
            .get(&(place.root.clone(), place.frozen))
            .ok_or_else(missing)?;
        let header = self.headers.get(&place).ok_or_else(missing)?;
        Ok((header, footer))
    }
}

/// One piece of every page, from `template`.
fn render_piece(theme: &Theme, template: &str, ctx: &tera::Context) -> Result<String> {
    theme
        .tera
        .render(template, ctx)
        .map_err(|e| anyhow!("rendering {template}: {}", chain(&e)))
}
