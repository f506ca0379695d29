//! The accessible website: one HTML page per item of the plan, rendered in parallel.
//!
//! Each page gets a view (a plain serialisable struct) built from the plan, which the theme's
//! Tera template turns into HTML. Markdown bodies are rendered to HTML here, with links made
//! relative to the page. Pages are returned in route order, so output is identical run to run.

use std::collections::{BTreeMap, HashMap};

use anyhow::{anyhow, Result};
use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics::chain;
use crate::export::{Download, RenderContext, Shelf, Sink};
use crate::parse::kinds::{Contact, Licence, PlanStatus};
use crate::plan::{Aim, Plan, Priority, Route, Statement, TextOf};
use crate::render::abbreviations::Abbreviations;
use crate::render::markdown::{self, Heading};
use crate::theme::Theme;

mod about;
pub mod address;
mod changes;
mod chrome;
mod delivery;
mod formats;
mod items;
mod languages;
mod listen;
mod performance;
mod reports;
pub mod search;

use chrome::Chrome;
use items::{glossary_letters, AimSummary, PlanSummary, PriorityView};

/// One output file: its path in the output folder and its bytes.
pub type OutputFile = (String, Vec<u8>);

/// Every page and static file of the website of `plan`, with no other outputs to link to,
/// sorted by path. For tests and tools that want the pages in memory.
pub fn render_site(plan: &Plan, theme: &Theme) -> Result<Vec<OutputFile>> {
    let files = crate::export::Memory::default();
    let ctx = RenderContext {
        plan,
        theme,
        comparison: None,
        history: &[],
        downloads: &[],
    };
    render(&ctx, &files, || Ok(Vec::new()))?;
    Ok(files.into_files())
}

/// Renders every page and static file of the website through `sink`, on every core, each
/// page handed over by the thread that made it, so a big site never has to fit in memory.
/// Every page's footer links the downloads in `ctx`. `late` runs beside the pages (the build
/// writes the other outputs there) and returns the downloads known only once written: only
/// the pages that list those wait for it, so a slow output does not hold up the site.
/// Returns how many files were handed over, and the size of the search index.
pub fn render(
    ctx: &RenderContext,
    sink: &dyn Sink,
    late: impl FnOnce() -> Result<Vec<Download>> + Send,
) -> Result<Rendered> {
    // A plan in more than one language: the pages at the root are in its first, and list the
    // downloads in that language (each other's pages list theirs, see [`render_language`]).
    let every = ctx;
    let first = ctx.plan.languages().first().cloned();
    let own: Vec<Download>;
    let ctx = &match &first {
        Some(lang) => {
            own = Download::for_language(ctx.downloads, lang);
            RenderContext {
                downloads: &own,
                ..*ctx
            }
        }
        None => *ctx,
    };
    let mut routes = routes(ctx.plan);
    let pages = Pages::new(ctx, &routes)?;
    // The longest pages first, so that no big page is left for one core at the end while
    // the other has nothing to do.
    routes.sort_by_key(|r| std::cmp::Reverse(weight(r)));
    let (after, before): (Vec<&Route>, Vec<&Route>) =
        routes.iter().partition(|r| shows_downloads(r));
    let all = std::sync::Mutex::new(Vec::new());
    // The pages that list downloads are rendered as soon as the other outputs are made,
    // beside the other pages rather than after them all.
    let (made, rendered) = rayon::join(
        || -> Result<()> {
            let mut downloads = every.downloads.to_vec();
            downloads.extend(late()?);
            match &first {
                Some(lang) => {
                    let own = Download::for_language(&downloads, lang);
                    pages.render(&after, Some(&own), sink)?;
                }
                None => pages.render(&after, Some(&downloads), sink)?,
            }
            *all.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = downloads;
            Ok(())
        },
        || pages.render(&before, None, sink),
    );
    rendered?;
    made?;
    let mut count = routes.len() + pages.render_changes(sink)? + pages.write_search_index(sink)?;
    for (path, bytes) in &ctx.theme.statics {
        if path == crate::theme::LANGUAGES_CSS && ctx.plan.languages().is_empty() {
            continue;
        }
        sink.write(&format!("static/{path}"), bytes)?;
        count += 1;
    }
    // The images the bodies and the logo use, each under its content-named address.
    for image in crate::plan::images::published(ctx.plan) {
        sink.write(&image.path, &image.bytes)?;
        count += 1;
    }
    if let Some(css) = brand_css(&ctx.plan.meta.brand) {
        if ctx.theme.statics.iter().any(|(p, _)| p == BRAND_CSS) {
            anyhow::bail!(
                "the theme has a file static/{BRAND_CSS}, where planpress writes the plan's brand colours; rename the theme's file"
            );
        }
        sink.write(&format!("static/{BRAND_CSS}"), css.as_bytes())?;
        count += 1;
    }
    // Every page but the not-found page, in the site's order, for the sitemap.
    let mut listed: Vec<Route> = website_routes_in_order(ctx.plan);
    listed.extend(pages.extra_routes());
    let mut listed: Vec<String> = listed.iter().map(Route::path).collect();
    // Pages other outputs make (the large-print web page, in each language) are in the footer.
    for d in every.downloads {
        let Some(folder) = d.path.strip_suffix("index.html") else {
            continue;
        };
        if (folder.is_empty() || folder.ends_with('/')) && !listed.iter().any(|l| l == folder) {
            listed.push(folder.to_string());
        }
    }
    // The pages in the plan's other languages, each under its folder, with every download
    // known by now; the sitemap lists them too.
    let all = all
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    for language in ctx.plan.languages().iter().skip(1) {
        count += render_language(every, language, &all, sink)?;
        listed.extend(
            website_routes_in_order(ctx.plan)
                .iter()
                .map(|r| format!("{language}/{}", r.path())),
        );
    }
    count += address::write(ctx.plan, ctx.history, &listed, sink)?;
    Ok(Rendered {
        files: count,
        search_index_bytes: pages.site.search.as_ref().map(|s| s.bytes.len()),
    })
}

/// What [`render`] made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rendered {
    /// How many files were handed over.
    pub files: usize,
    /// The size of the search page's index in bytes, when the site has a search page.
    pub search_index_bytes: Option<usize>,
}

/// The stylesheet of the plan's own colours, under `static/`, linked after the theme's.
const BRAND_CSS: &str = "brand.css";

/// The stylesheet that puts the plan's own colours (`brand:`) in place of the theme's, when
/// the plan sets any. Every colour was checked for contrast when the plan was loaded
/// ([`crate::plan::brand`]); link hover is the accent a third darker, which on the theme's
/// light backgrounds only adds contrast.
fn brand_css(brand: &crate::plan::brand::BrandColours) -> Option<String> {
    if brand.is_empty() {
        return None;
    }
    let mut css = String::from(
        "/* The office's own colours, from brand: in the plan file, each checked for contrast\n   when the plan was loaded. */\n:root {\n",
    );
    if let Some(c) = brand.primary {
        css.push_str(&format!("  --brand: {};\n", c.hex()));
    }
    if let Some(c) = brand.header_text {
        css.push_str(&format!("  --brand-text: {};\n", c.hex()));
    }
    if let Some(c) = brand.accent {
        css.push_str(&format!(
            "  --link: {};\n  --link-hover: {};\n",
            c.hex(),
            c.darker(1.0 / 3.0).hex()
        ));
    }
    css.push_str("}\n");
    Some(css)
}

/// Every page of [`routes`] but the not-found page, in their order.
fn website_routes_in_order(plan: &Plan) -> Vec<Route> {
    let mut routes = routes(plan);
    routes.retain(|r| *r != Route::NotFound);
    routes
}

/// Renders every page of the site in `language` (one the plan has besides its first) under
/// the language's folder, with every download known. Returns how many files were written.
fn render_language(
    ctx: &RenderContext,
    language: &str,
    downloads: &[Download],
    sink: &dyn Sink,
) -> Result<usize> {
    let theme = ctx.theme.in_language(language);
    // "What has changed" compares the two revisions as this language's readers see them
    // (both read alike, before the theme's words for the built-in parties are put in).
    let read = ctx.plan.in_language(language);
    let comparison = ctx.comparison.map(|c| c.in_language(&read, language));
    let plan = crate::render::document::with_parties_in(read, ctx.plan, language, &theme.words);
    let prefix = format!("{language}/");
    let up = languages::up(&prefix);
    // The downloads in this language (the large print and the EPUB made in it) and in none;
    // those in its folder are reached from its root, the rest from the site root.
    let own = Download::for_language(downloads, language);
    let shift = |path: &str| match path.strip_prefix(&prefix) {
        Some(inside) => inside.to_string(),
        None => format!("{up}{path}"),
    };
    let shifted: Vec<Download> = own
        .iter()
        .map(|d| Download {
            path: shift(&d.path),
            ..d.clone()
        })
        .collect();
    let footer: Vec<Download> = own
        .iter()
        .filter(|d| ctx.downloads.iter().any(|f| f.path == d.path))
        .map(|d| Download {
            path: shift(&d.path),
            ..d.clone()
        })
        .collect();
    let lctx = RenderContext {
        plan: &plan,
        theme: &theme,
        comparison: comparison.as_ref(),
        history: ctx.history,
        downloads: &footer,
    };
    let routes = routes(&plan);
    let pages = Pages::new(&lctx, &routes)?;
    let sink = languages::Prefixed {
        inner: sink,
        prefix,
    };
    pages.render(&routes.iter().collect::<Vec<_>>(), Some(&shifted), &sink)?;
    Ok(routes.len() + pages.render_changes(&sink)? + pages.write_search_index(&sink)?)
}

/// Roughly how long a page takes to render, for ordering: the summary pages grow with the
/// plan, every other page has a size of its own.
fn weight(route: &Route) -> u8 {
    match route {
        Route::Delivery => 3,
        Route::Home => 2,
        Route::Aim(_) | Route::Performance => 1,
        Route::Priority { .. }
        | Route::Statement(_)
        | Route::Reports
        | Route::Report(_)
        | Route::ReportStatement { .. }
        | Route::NationalPriorities
        | Route::Glossary
        | Route::Page(_)
        | Route::Accessibility
        | Route::Listen
        | Route::OtherFormats
        | Route::About
        | Route::NotFound => 0,
        Route::Search => 1,
    }
}

/// Renders only `routes`, with everything they share made as for the whole site and the
/// downloads in `ctx` listed where pages list them, handing each page to `sink` as [`render`]
/// does (and the "What has changed" page, when the plan has one). For rebuilding just the
/// pages an edit affects. Returns how many files were handed over.
pub fn render_routes(ctx: &RenderContext, routes: &[Route], sink: &dyn Sink) -> Result<usize> {
    let pages = Pages::new(ctx, routes)?;
    pages.render(
        &routes.iter().collect::<Vec<_>>(),
        Some(ctx.downloads),
        sink,
    )?;
    Ok(routes.len() + pages.render_changes(sink)? + pages.write_search_index(sink)?)
}

/// What the pages of one build share: the site's values and the template context made of
/// them once, the header and footer of every place the pages are in, and the "What has
/// changed" report when the plan has one.
struct Pages<'a> {
    plan: &'a Plan,
    theme: &'a Theme,
    site: SiteView<'a>,
    shared: tera::Context,
    chrome: Chrome,
    changes: Option<changes::WebsiteChanges>,
    /// The reports of what changed in each published revision.
    revisions: Vec<changes::RevisionChanges>,
}

impl<'a> Pages<'a> {
    /// Everything `routes` (and the "What has changed" page, if any) need.
    fn new(ctx: &RenderContext<'a>, routes: &[Route]) -> Result<Self> {
        let (mut site, changes) = site_view(ctx);
        // The search page's A to Z and index, made once, when it is to be written.
        site.search = routes
            .contains(&Route::Search)
            .then(|| search::Search::new(ctx.plan, ctx.theme));
        let shared = shared_context(&site);
        let revisions = changes::RevisionChanges::all(ctx.plan, ctx.theme, ctx.history);
        let chrome = Chrome::new(
            ctx.theme,
            &site,
            &shared,
            routes
                .iter()
                .chain(&changes.as_ref().map(|_| changes::route()))
                .chain(revisions.iter().map(|r| &r.route)),
        )?;
        Ok(Pages {
            plan: ctx.plan,
            theme: ctx.theme,
            site,
            shared,
            chrome,
            changes,
            revisions,
        })
    }

    /// The pages made besides the routes of [`routes`]: "What has changed" and the reports
    /// of each published revision.
    fn extra_routes(&self) -> Vec<Route> {
        let mut extra: Vec<Route> = self.changes.iter().map(|_| changes::route()).collect();
        extra.extend(self.revisions.iter().map(|r| r.route.clone()));
        extra
    }

    /// Renders `routes` on every core, each page handed to `sink` on the thread that made
    /// it: only the count comes back, so memory holds a page per thread, not the site.
    /// `downloads` are the downloads the pages list, once they are all known.
    fn render(
        &self,
        routes: &[&Route],
        downloads: Option<&[Download]>,
        sink: &dyn Sink,
    ) -> Result<()> {
        routes.par_iter().try_for_each_init(
            || Scratch::new(&self.shared),
            |scratch, route| {
                let html = render_page(
                    self.plan,
                    self.theme,
                    &self.site,
                    &self.chrome,
                    downloads,
                    route,
                    scratch,
                )?;
                sink.write(&route.file(), html)
            },
        )
    }

    /// Hands the search index to `sink` when the search page is written; returns how many
    /// files that was.
    fn write_search_index(&self, sink: &dyn Sink) -> Result<usize> {
        let Some(search) = &self.site.search else {
            return Ok(0);
        };
        sink.write(&search.file, &search.bytes)?;
        Ok(1)
    }

    /// Hands the "What has changed" page to `sink` when the plan has one; returns how many
    /// files that was.
    fn render_changes(&self, sink: &dyn Sink) -> Result<usize> {
        for revision in &self.revisions {
            let (path, bytes) = changes::revision_page(
                self.theme,
                &self.site,
                &self.shared,
                &self.chrome,
                revision,
            )?;
            sink.write(&path, &bytes)?;
        }
        let Some(changes) = &self.changes else {
            return Ok(self.revisions.len());
        };
        let (path, bytes) = changes::page(
            self.plan,
            self.theme,
            &self.site,
            &self.shared,
            &self.chrome,
            changes,
        )?;
        sink.write(&path, &bytes)?;
        Ok(1 + self.revisions.len())
    }
}

/// What every page shares, and the "What has changed" report when the plan is compared with
/// a revision (it adds an item to the navigation).
fn site_view<'a>(ctx: &RenderContext<'a>) -> (SiteView<'a>, Option<changes::WebsiteChanges>) {
    let mut site = SiteView::new(ctx.plan, ctx.theme);
    site.footer = ctx
        .downloads
        .iter()
        .filter(|d| d.on(Shelf::Footer))
        .cloned()
        .collect();
    // "What has changed" (/changes/), when the plan names a revision to compare with.
    let changes = ctx
        .comparison
        .map(|c| changes::WebsiteChanges::new(ctx.plan, ctx.theme, c));
    if changes.is_some() {
        site.nav.push(NavItem {
            title: ctx.theme.word("nav-changes"),
            path: "changes/".into(),
        });
    }
    (site, changes)
}

/// True for the pages that list downloads known only once written (the open data files with
/// their sizes, every other format of the plan), which must wait for the files to be made.
/// Every route is named, so a new one has to be decided here.
pub fn shows_downloads(route: &Route) -> bool {
    match route {
        Route::Performance
        | Route::Statement(_)
        | Route::Report(_)
        | Route::NationalPriorities
        | Route::Delivery
        | Route::Listen
        | Route::Accessibility
        | Route::OtherFormats => true,
        // A report's statement pages list nothing that changes (see `StatementView`).
        Route::ReportStatement { .. } | Route::Reports => false,
        Route::Home
        | Route::Aim(_)
        | Route::Priority { .. }
        | Route::Glossary
        | Route::Page(_)
        | Route::About
        | Route::Search
        | Route::NotFound => false,
    }
}

/// Every page of the site, in a stable order. A part of the plan that has nothing in it (no
/// glossary terms, no performance statements, no commitments) has no page.
pub fn routes(plan: &Plan) -> Vec<Route> {
    let mut r = vec![Route::Home];
    for aim in &plan.aims {
        r.push(Route::Aim(aim.id.clone()));
        for p in &aim.priorities {
            r.push(Route::Priority {
                aim: aim.id.clone(),
                id: p.id.clone(),
            });
        }
    }
    if !plan.glossary.is_empty() {
        r.push(Route::Glossary);
    }
    if !plan.statements.is_empty() {
        r.push(Route::Performance);
    }
    r.extend(
        plan.statements
            .iter()
            .map(|s| Route::Statement(s.id.clone())),
    );
    if !plan.reports.is_empty() {
        r.push(Route::Reports);
    }
    for report in &plan.reports {
        r.push(Route::Report(report.id.clone()));
        r.extend(report.statements.iter().map(|s| Route::ReportStatement {
            report: report.id.clone(),
            id: s.statement.clone(),
        }));
    }
    if !plan.meta.national_priorities.is_empty() {
        r.push(Route::NationalPriorities);
    }
    if plan.commitments().next().is_some() {
        r.push(Route::Delivery);
    }
    r.extend(plan.pages.iter().map(|p| Route::Page(p.id.clone())));
    r.push(Route::Accessibility);
    r.push(Route::Listen);
    r.push(Route::OtherFormats);
    r.push(Route::About);
    r.push(Route::Search);
    r.push(Route::NotFound);
    r
}

/// What every page shares: the plan's name, navigation and footer.
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    period: &'a str,
    draft: bool,
    area: &'a str,
    force: &'a str,
    commissioner: &'a str,
    organisation: &'a str,
    published: &'a str,
    licence: &'a Licence,
    contact: &'a Contact,
    nav: Vec<NavItem>,
    base_url: Option<String>,
    /// The words the theme uses for the plan's levels: `aim`, `aims`, `priority`,
    /// `priorities`, and each with a capital first letter (`Aim`, `Aims`...) to start a
    /// heading or a sentence. Every word the theme takes from the plan's settings is here, by
    /// name, so that a translation of the theme can reach it.
    words: BTreeMap<&'static str, String>,
    /// True for a plan without aims: its priorities sit directly under the plan.
    one_level: bool,
    /// True when the plan has glossary terms (and so a glossary page).
    has_glossary: bool,
    /// True when the plan sets its own colours: pages link `static/brand.css` after the
    /// theme's stylesheet.
    brand_css: bool,
    /// The office's logo, for the header: its path from the site root, its description and
    /// its size.
    logo: Option<LogoView>,
    /// Publication date in words.
    published_in_words: String,
    /// Glossary abbreviations, linked at their first use on each page.
    #[serde(skip)]
    abbreviations: Abbreviations,
    /// The downloads every page's footer links to.
    footer: Vec<Download>,
    /// Lookups built once, so that no page searches the whole plan.
    #[serde(skip)]
    index: Index<'a>,
    /// The language of the pages (`lang` on every page).
    lang: String,
    /// The plan's first language, in which texts not yet translated are shown.
    original_lang: String,
    /// The way from this language's root to the site root, where the files every language
    /// shares are: `""`, or `../` from a language's folder (`/cy/`).
    up: String,
    /// This language's folder (`""` or `cy/`).
    #[serde(skip)]
    prefix: String,
    /// Every language of a multilingual plan; none for a plan in one language.
    #[serde(skip)]
    languages: Vec<languages::Language>,
    /// The address the plan is published at, without a language's folder.
    #[serde(skip)]
    root_url: Option<&'a str>,
    /// The search page's A to Z and index, when this build writes the search page.
    #[serde(skip)]
    search: Option<search::Search>,
}

/// What pages look up in the plan, indexed once per build. Searching the plan from every
/// page instead costs time in proportion to the number of pages squared.
struct Index<'a> {
    /// Every priority with its aim, in plan order (which sets previous and next).
    priorities: Vec<(&'a Aim, &'a Priority)>,
    /// Each priority's place in `priorities`, by id.
    priority_at: HashMap<&'a str, usize>,
    /// The statements evidencing each priority, in statement order, by priority id.
    statements_for: HashMap<&'a str, Vec<&'a Statement>>,
}

impl<'a> Index<'a> {
    fn new(plan: &'a Plan) -> Self {
        let priorities: Vec<(&Aim, &Priority)> = plan
            .aims
            .iter()
            .flat_map(|a| a.priorities.iter().map(move |p| (a, p)))
            .collect();
        let mut priority_at = HashMap::with_capacity(priorities.len());
        for (i, (_, p)) in priorities.iter().enumerate() {
            // The first of any repeated id wins, as a search from the start would find.
            priority_at.entry(p.id.as_str()).or_insert(i);
        }
        let mut statements_for: HashMap<&str, Vec<&Statement>> = HashMap::new();
        for s in &plan.statements {
            let mut seen: Vec<&str> = Vec::new();
            for id in &s.priorities {
                if !seen.contains(&id.as_str()) {
                    seen.push(id);
                    statements_for.entry(id.as_str()).or_default().push(s);
                }
            }
        }
        Index {
            priorities,
            priority_at,
            statements_for,
        }
    }
}

/// The logo as the header shows it.
#[derive(Serialize)]
struct LogoView {
    path: String,
    alt: String,
    width: u64,
    height: u64,
}

#[derive(Serialize)]
struct NavItem {
    title: String,
    path: String,
}

impl<'a> SiteView<'a> {
    fn new(plan: &'a Plan, theme: &Theme) -> Self {
        let m = &plan.meta;
        let languages = languages::languages(plan, theme);
        let lang = match plan.reading.language.as_str() {
            "" => theme.language.clone(),
            l => l.to_string(),
        };
        let prefix = languages
            .iter()
            .skip(1)
            .find(|l| l.lang == lang)
            .map_or(String::new(), |l| l.prefix.clone());
        let mut nav = vec![NavItem {
            title: theme.word("nav-home"),
            path: String::new(),
        }];
        let (before, after): (Vec<_>, Vec<_>) = plan
            .pages
            .iter()
            .partition(|p| p.order.is_some_and(|o| o < 5));
        nav.extend(before.iter().map(|p| NavItem {
            title: p.title.clone(),
            path: Route::Page(p.id.clone()).path(),
        }));
        nav.extend(plan.aims.iter().map(|a| NavItem {
            title: a.title.clone(),
            path: Route::Aim(a.id.clone()).path(),
        }));
        nav.extend(after.iter().filter(|p| p.id != "contact").map(|p| NavItem {
            title: p.title.clone(),
            path: Route::Page(p.id.clone()).path(),
        }));
        if !plan.statements.is_empty() {
            nav.push(NavItem {
                title: theme.word("nav-performance"),
                path: Route::Performance.path(),
            });
        }
        if !plan.glossary.is_empty() {
            nav.push(NavItem {
                title: theme.word("nav-glossary"),
                path: Route::Glossary.path(),
            });
        }
        nav.extend(after.iter().filter(|p| p.id == "contact").map(|p| NavItem {
            title: p.title.clone(),
            path: Route::Page(p.id.clone()).path(),
        }));
        nav.push(NavItem {
            title: theme.word("search-nav"),
            path: Route::Search.path(),
        });
        SiteView {
            title: &m.title,
            subtitle: m.subtitle.as_deref(),
            period: &m.period,
            draft: m.status == PlanStatus::Draft,
            area: &m.area,
            force: &m.force,
            commissioner: &m.commissioner,
            organisation: &m.organisation,
            published: &m.published,
            published_in_words: theme.date(&m.published),
            abbreviations: Abbreviations::new(plan.glossary.iter().flat_map(|t| {
                t.abbreviations
                    .iter()
                    .map(move |a| (a.as_str(), t.term.as_str(), t.id.as_str()))
            })),
            licence: &m.licence,
            contact: &m.contact,
            nav,
            base_url: match prefix.as_str() {
                "" => m.base_url.clone(),
                p => m
                    .base_url
                    .as_deref()
                    .map(|u| format!("{}/{}", u.trim_end_matches('/'), p.trim_end_matches('/'))),
            },
            words: level_words(&m.levels),
            logo: m.logo.as_ref().and_then(|l| {
                let image = plan.images.get(&l.image)?;
                Some(LogoView {
                    path: image.path.clone(),
                    alt: l.alt.clone(),
                    width: image.width,
                    height: image.height,
                })
            }),
            brand_css: !m.brand.is_empty(),
            one_level: plan.is_one_level(),
            has_glossary: !plan.glossary.is_empty(),
            footer: Vec::new(),
            index: Index::new(plan),
            original_lang: match plan.reading.original.as_str() {
                "" => lang.clone(),
                o => o.to_string(),
            },
            up: languages::up(&prefix),
            lang,
            prefix,
            languages,
            root_url: m.base_url.as_deref(),
            search: None,
        }
    }
}

/// The words for the plan's levels as the theme reads them (`site.words`).
fn level_words(levels: &crate::plan::Levels) -> BTreeMap<&'static str, String> {
    BTreeMap::from([
        ("aim", levels.aim.singular.clone()),
        ("aims", levels.aim.plural.clone()),
        ("Aim", levels.aim.title()),
        ("Aims", levels.aim.titles()),
        ("priority", levels.priority.singular.clone()),
        ("priorities", levels.priority.plural.clone()),
        ("Priority", levels.priority.title()),
        ("Priorities", levels.priority.titles()),
    ])
}

/// A download link: where, what and how big.
#[derive(Debug, Clone, Serialize)]
struct DownloadView {
    text: String,
    path: String,
    label: String,
    /// The language of its content when not the page's ([`Download::content_lang`]).
    content_lang: Option<String>,
}

/// The downloads listed on `shelf`, in the order the outputs reported them; none until they
/// are known.
fn shelf(downloads: Option<&[Download]>, shelf: Shelf) -> Vec<DownloadView> {
    downloads
        .unwrap_or_default()
        .iter()
        .filter(|d| d.on(shelf))
        .map(|d| DownloadView {
            text: d.title.clone(),
            path: d.path.clone(),
            label: d.label.clone(),
            content_lang: d.content_lang.clone(),
        })
        .collect()
}

/// A link in breadcrumbs, previous/next and lists.
#[derive(Serialize)]
struct Link {
    title: String,
    path: String,
}

/// What one page's template receives besides `site`.
#[derive(Serialize)]
struct PageView {
    /// The `<title>` text's first part.
    title: String,
    /// This page's site path, for its canonical address; none for the not-found page,
    /// which has no address of its own.
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    /// The relative way back to the site root.
    root: String,
    /// Breadcrumbs above the title, not including the page itself.
    breadcrumbs: Vec<Link>,
    /// The "on this page" list.
    toc: Vec<Heading>,
}

fn page_view(route: &Route, title: &str, breadcrumbs: Vec<Link>, toc: Vec<Heading>) -> PageView {
    let toc = if toc.iter().filter(|h| h.level == 2).count() >= 3 {
        toc.into_iter().filter(|h| h.level == 2).collect()
    } else {
        Vec::new()
    };
    PageView {
        title: title.to_string(),
        path: (*route != Route::NotFound).then(|| route.path()),
        root: route.root(),
        breadcrumbs,
        toc,
    }
}

fn home() -> Link {
    Link {
        title: "Home".into(),
        path: String::new(),
    }
}

/// The relative way from `route`'s page back to the site root (`page.root`).
fn page_root(route: &Route, site: &SiteView) -> String {
    match route {
        // Web servers serve 404.html at any depth, so it links from the site root: the path
        // of `base_url` (`/police-and-crime-plan/`), never its host, so the page asks nothing
        // of another host wherever it is served from; in a language's folder, that folder.
        Route::NotFound => format!("{}{}", site_path(site.root_url), site.prefix),
        _ => route.root(),
    }
}

/// Puts into a page's context, in a plan with more than one language, the links to the page
/// in the other languages (`alternates`) and the way to the style sheets every language
/// shares (`static_root`).
fn languages_context(ctx: &mut tera::Context, route: &Route, site: &SiteView) {
    if let Some((alternates, static_root)) = language_links(route, site) {
        ctx.insert("alternates", &alternates);
        ctx.insert("static_root", &static_root);
    }
}

/// What [`languages_context`] puts in: `None` for a plan in one language.
fn language_links(route: &Route, site: &SiteView) -> Option<(Vec<languages::Alternate>, String)> {
    if site.languages.is_empty() {
        return None;
    }
    let root = page_root(route, site);
    // The not-found page is served at any address, so it has no one page to link to in
    // the other languages; its style sheet is the site root's.
    let (alternates, static_root) = match route {
        Route::NotFound => (Vec::new(), site_path(site.root_url)),
        _ => (
            languages::alternates(route, &root, &site.prefix, &site.languages, site.root_url),
            format!("{root}{}", site.up),
        ),
    };
    Some((alternates, static_root))
}

/// The path of the site root on its host: `/` without a `base_url`, else the path of
/// `base_url` ending in `/` (`https://example.org/plan` gives `/plan/`).
pub(crate) fn site_path(base_url: Option<&str>) -> String {
    let Some(url) = base_url else {
        return "/".to_string();
    };
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |at| &after_scheme[at..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    format!("/{}/", path.trim_matches('/')).replace("//", "/")
}

/// The Tera context every page starts from: `site`, serialised once per build rather than
/// once per page.
fn shared_context(site: &SiteView) -> tera::Context {
    let mut ctx = tera::Context::new();
    ctx.insert("site", site);
    ctx
}

/// What a thread keeps from one page to the next: the shared context and the buffers a page
/// is rendered into, so that each page neither serialises `site` again nor allocates its
/// buffers afresh.
struct Scratch {
    ctx: tera::Context,
    html: Vec<u8>,
}

/// Buffers that grew beyond this for one big page are given back rather than kept.
const SCRATCH_KEEP_BYTES: usize = 1 << 20;

impl Scratch {
    fn new(shared: &tera::Context) -> Self {
        Scratch {
            ctx: shared.clone(),
            html: Vec::new(),
        }
    }
}

/// One page's additions to the shared context, taken out again when it is dropped, so the
/// next page sees only `site` and what it adds itself.
pub(super) struct PageContext<'c> {
    ctx: &'c mut tera::Context,
    added: Vec<&'static str>,
}

impl<'c> PageContext<'c> {
    fn new(ctx: &'c mut tera::Context) -> Self {
        PageContext {
            ctx,
            added: Vec::new(),
        }
    }

    /// Adds `value` to the page's context as `key`.
    pub(super) fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.ctx.insert(key, value);
        if !self.added.contains(&key) {
            self.added.push(key);
        }
    }
}

impl Drop for PageContext<'_> {
    fn drop(&mut self) {
        for key in &self.added {
            self.ctx.remove(key);
        }
    }
}

/// Renders one page into `scratch`'s buffers and returns its bytes.
fn render_page<'s>(
    plan: &Plan,
    theme: &Theme,
    site: &SiteView,
    chrome: &Chrome,
    downloads: Option<&[Download]>,
    route: &Route,
    scratch: &'s mut Scratch,
) -> Result<&'s [u8]> {
    let mut ctx = PageContext::new(&mut scratch.ctx);
    let template = match route {
        Route::Home => {
            let foreword =
                markdown::render_with_images(&plan.meta.foreword.markdown, route, &plan.images);
            ctx.insert(
                "page",
                &page_view(
                    route,
                    &format!("{} {}", plan.meta.title, plan.meta.period),
                    vec![],
                    vec![],
                ),
            );
            ctx.insert("foreword", &foreword.html);
            ctx.insert(
                "aims",
                &plan
                    .aims
                    .iter()
                    .map(|a| AimSummary::new(plan, a, theme))
                    .collect::<Vec<_>>(),
            );
            ctx.insert("summary", &PlanSummary::new(plan, theme));
            "home.html"
        }
        Route::Aim(id) => {
            let aim = plan.aim(id).ok_or_else(|| anyhow!("no aim {id}"))?;
            let intro = markdown::render_with_images(&aim.intro.markdown, route, &plan.images);
            ctx.insert(
                "page",
                &page_view(route, &aim.title, vec![home()], intro.headings.clone()),
            );
            ctx.insert("aim", &AimSummary::new(plan, aim, theme));
            ctx.insert("intro", &intro.html);
            "aim.html"
        }
        Route::Priority { id, .. } => {
            let at = *site
                .index
                .priority_at
                .get(id.as_str())
                .ok_or_else(|| anyhow!("no priority {id}"))?;
            let (aim, p) = site.index.priorities[at];
            let view = PriorityView::new(plan, &site.index, at, route, theme);
            let toc = view.contents(&theme.word("how-progress-is-measured"));
            let crumbs = vec![
                home(),
                Link {
                    title: aim.title.clone(),
                    path: Route::Aim(aim.id.clone()).path(),
                },
            ];
            ctx.insert(
                "page",
                &page_view(route, &plan.priority_label(p), crumbs, toc),
            );
            ctx.insert("priority", &view);
            "priority.html"
        }
        Route::Glossary => {
            ctx.insert(
                "page",
                &page_view(route, &theme.word("glossary"), vec![home()], vec![]),
            );
            ctx.insert("letters", &glossary_letters(plan, route));
            "glossary.html"
        }
        Route::Performance => {
            performance::index_page(plan, route, downloads, theme, &mut ctx);
            "performance.html"
        }
        Route::Statement(id) => {
            let s = plan
                .statements
                .iter()
                .find(|s| &s.id == id)
                .ok_or_else(|| anyhow!("no statement {id}"))?;
            performance::statement_page(plan, s, route, downloads, None, theme, &mut ctx);
            "statement.html"
        }
        Route::Reports => {
            reports::list_page(plan, route, theme, &mut ctx);
            "reports.html"
        }
        Route::Report(id) => {
            let report = plan.report(id).ok_or_else(|| anyhow!("no report {id}"))?;
            reports::report_page(plan, report, route, downloads, theme, &mut ctx);
            "report.html"
        }
        Route::ReportStatement { report, id } => {
            let report = plan
                .report(report)
                .ok_or_else(|| anyhow!("no report {report}"))?;
            let s = plan
                .statement_in(report, id)
                .ok_or_else(|| anyhow!("no statement {id} in report {}", report.id))?;
            performance::statement_page(plan, &s, route, downloads, Some(report), theme, &mut ctx);
            "statement.html"
        }
        Route::Page(id) => {
            let page = plan
                .pages
                .iter()
                .find(|p| &p.id == id)
                .ok_or_else(|| anyhow!("no page {id}"))?;
            let body = markdown::render_with_images(&page.body.markdown, route, &plan.images);
            ctx.insert(
                "page",
                &page_view(route, &page.title, vec![home()], body.headings.clone()),
            );
            ctx.insert("body", &body.html);
            "page.html"
        }
        Route::NationalPriorities => {
            performance::national_page(plan, route, downloads, theme, &mut ctx);
            "national-priorities.html"
        }
        Route::Delivery => {
            delivery::delivery_page(plan, theme, route, downloads, &mut ctx);
            "delivery.html"
        }
        Route::Accessibility => {
            ctx.insert(
                "page",
                &page_view(route, &theme.word("a11y-page-title"), vec![home()], vec![]),
            );
            // What the statement lists as known limitations: the PDFs the build publishes
            // and the glossary terms the plan gives no definition for.
            let pdfs: Vec<&str> = site
                .footer
                .iter()
                .filter(|d| d.path.ends_with(".pdf"))
                .map(|d| d.title.as_str())
                .collect();
            ctx.insert("pdfs", &pdfs);
            ctx.insert(
                "graphics_only",
                &plan
                    .statements
                    .iter()
                    .filter(|s| !s.chart_only.is_empty())
                    .count(),
            );
            ctx.insert(
                "undefined_terms",
                &plan
                    .glossary
                    .iter()
                    .filter(|t| t.definition.is_empty())
                    .count(),
            );
            ctx.insert("formats", &formats::formats(downloads));
            "accessibility.html"
        }
        Route::Listen => {
            ctx.insert(
                "page",
                &page_view(route, &theme.word("listen-title"), vec![home()], vec![]),
            );
            ctx.insert("listen", &listen::view(plan, theme, route, downloads));
            "listen.html"
        }
        Route::OtherFormats => {
            formats::page(route, theme, downloads, &mut ctx);
            "other-formats.html"
        }
        Route::About => {
            about::about_page(plan, theme, route, &mut ctx);
            "about-this-plan.html"
        }
        Route::Search => {
            let search = site
                .search
                .as_ref()
                .ok_or_else(|| anyhow!("the search page was not prepared"))?;
            ctx.insert(
                "page",
                &page_view(route, &theme.word("search-title"), vec![home()], vec![]),
            );
            ctx.insert("letters", &search.letters);
            ctx.insert("count", &search.len());
            ctx.insert("kinds", &search::kinds_in_words(plan, theme));
            ctx.insert("says", &search.says);
            // The index's address from the search page, which is in its folder.
            ctx.insert(
                "index_script",
                search
                    .file
                    .strip_prefix(&Route::Search.path())
                    .unwrap_or(&search.file),
            );
            "search.html"
        }
        Route::NotFound => {
            let mut view = page_view(route, &theme.word("not-found-title"), vec![], vec![]);
            view.root = page_root(route, site);
            ctx.insert("page", &view);
            "404.html"
        }
    };
    if let Some((alternates, static_root)) = language_links(route, site) {
        ctx.insert("alternates", &alternates);
        ctx.insert("static_root", &static_root);
        let text = match route {
            Route::Home => Some(TextOf::Plan),
            Route::Aim(id) => Some(TextOf::Aim(id.clone())),
            Route::Priority { id, .. } => Some(TextOf::Priority(id.clone())),
            Route::Statement(id) => Some(TextOf::Statement(id.clone())),
            Route::Page(id) => Some(TextOf::Page(id.clone())),
            _ => None,
        };
        if text.is_some_and(|t| plan.reading.falls_back(&t)) {
            ctx.insert("untranslated", &true);
        }
    }
    let (header, footer) = chrome.of(route, site)?;
    ctx.insert("site_header", header);
    ctx.insert("site_footer", footer);
    if scratch.html.capacity() > SCRATCH_KEEP_BYTES {
        scratch.html = Vec::new();
    }
    scratch.html.clear();
    theme
        .tera
        .render_to(template, ctx.ctx, &mut scratch.html)
        .map_err(|e| anyhow!("rendering {} with {template}: {}", route.file(), chain(&e)))?;
    // The page's own values are dropped before its text is worked on: for the biggest pages
    // they are larger than the page.
    drop(ctx);
    let not_utf8 = |e| {
        anyhow!(
            "rendering {} with {template} gave text that is not UTF-8: {e}",
            route.file()
        )
    };
    match route {
        // The glossary and the A to Z are lists of terms: no term there links to the glossary.
        Route::Glossary | Route::Search | Route::NotFound => {
            std::str::from_utf8(&scratch.html).map_err(not_utf8)?;
        }
        _ => site
            .abbreviations
            .link_first_uses_in(&mut scratch.html, &route.href_to(&Route::Glossary.path()))
            .map_err(not_utf8)?,
    }
    Ok(&scratch.html)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The minimal fixture plan, and a theme "probe" whose templates are the default theme's
    /// with `templates` (file name, text) put in their place.
    fn minimal_plan_with_probe_theme(templates: &[(&str, &str)]) -> (Plan, Theme) {
        let plan = crate::plan::fixture("tests/fixtures/minimal/content");
        let themes = tempfile::tempdir().unwrap();
        let dir = themes.path().join("probe/templates");
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in templates {
            std::fs::write(dir.join(name), text).unwrap();
        }
        let theme = Theme::load(themes.path(), "probe").unwrap();
        (plan, theme)
    }

    /// A theme template that asks whether a variable is defined must not see what the page
    /// rendered before it on the same thread added to the shared context.
    #[test]
    fn a_page_sees_nothing_left_from_the_page_before_it() {
        let (plan, theme) = minimal_plan_with_probe_theme(&[(
            "aim.html",
            "<main>{% if priority is defined %}left over{% else %}clean{% endif %} {{ aim.title }}</main>",
        )]);
        let ctx = RenderContext {
            plan: &plan,
            theme: &theme,
            comparison: None,
            history: &[],
            downloads: &[],
        };
        let (site, _) = site_view(&ctx);
        let shared = shared_context(&site);
        let aim = &plan.aims[0];
        let priority = Route::Priority {
            aim: aim.id.clone(),
            id: aim.priorities[0].id.clone(),
        };
        let aim_route = Route::Aim(aim.id.clone());
        let chrome =
            Chrome::new(&theme, &site, &shared, [&aim_route, &priority].into_iter()).unwrap();
        let fresh = render_page(
            &plan,
            &theme,
            &site,
            &chrome,
            None,
            &aim_route,
            &mut Scratch::new(&shared),
        )
        .unwrap()
        .to_vec();
        let mut scratch = Scratch::new(&shared);
        render_page(&plan, &theme, &site, &chrome, None, &priority, &mut scratch).unwrap();
        let after = render_page(
            &plan,
            &theme,
            &site,
            &chrome,
            None,
            &aim_route,
            &mut scratch,
        )
        .unwrap();
        let after = String::from_utf8(after.to_vec()).unwrap();
        assert!(after.starts_with("<main>clean "), "{after}");
        assert_eq!(after.as_bytes(), fresh.as_slice());
        assert_eq!(scratch.ctx.clone().into_json(), shared.clone().into_json());
    }

    /// The header and footer are theme templates like any other, rendered for each place a
    /// page can be: a theme that edits them sees its edits on every page, in the right place.
    #[test]
    fn a_theme_edits_the_header_and_footer_as_templates() {
        let (plan, theme) = minimal_plan_with_probe_theme(&[
            (
                "site-header.html",
                "[{{ root }}|{% if current is string %}<{{ current }}>{% else %}elsewhere{% endif %}]",
            ),
            ("site-footer.html", "[{{ site.title }}]"),
        ]);
        let files = render_site(&plan, &theme).unwrap();
        let page = |path: &str| {
            let (_, bytes) = files.iter().find(|(p, _)| p == path).unwrap();
            String::from_utf8(bytes.clone()).unwrap()
        };
        let aim = &plan.aims[0];
        let aim_page = page(&format!("{}/index.html", aim.id));
        assert!(
            aim_page.contains(&format!("[../|<{}/>]", aim.id)),
            "{aim_page}"
        );
        assert!(
            aim_page.contains(&format!("[{}]", plan.meta.title)),
            "{aim_page}"
        );
        let priority = page(&format!("{}/{}/index.html", aim.id, aim.priorities[0].id));
        assert!(priority.contains("[../../|elsewhere]"), "{priority}");
        // The 404 page's path is Home's, but it is not the home page.
        let not_found = page("404.html");
        assert!(not_found.contains("[/|elsewhere]"), "{not_found}");
    }

    #[test]
    fn the_not_found_page_links_from_the_site_root_path_and_has_no_canonical_address() {
        let plan = crate::plan::fixture("tests/fixtures/minimal/content").published_at(Some(
            "https://www.example-pcc.gov.uk/police-and-crime-plan".into(),
        ));
        let theme = Theme::load(std::path::Path::new("/nonexistent"), "default").unwrap();
        let files = render_site(&plan, &theme).unwrap();
        let page = |path: &str| {
            let (_, bytes) = files.iter().find(|(p, _)| p == path).unwrap();
            String::from_utf8(bytes.clone()).unwrap()
        };
        let not_found = page("404.html");
        assert!(
            not_found.contains("href=\"/police-and-crime-plan/static/style.css\""),
            "{not_found}"
        );
        assert!(!not_found.contains("example-pcc"), "{not_found}");
        assert!(!not_found.contains("rel=\"canonical\""), "{not_found}");
        assert!(!not_found.contains("aria-current"), "{not_found}");
        // Every other page has its canonical address, and the home page is current on itself.
        let home = page("index.html");
        assert!(
            home.contains("<link rel=\"canonical\" href=\"https://www.example-pcc.gov.uk/police-and-crime-plan/\">"),
            "{home}"
        );
        assert!(home.contains("aria-current=\"page\""), "{home}");
    }

    #[test]
    fn the_site_path_is_the_path_of_the_base_url() {
        for (url, path) in [
            (None, "/"),
            (Some("https://example.org"), "/"),
            (Some("https://example.org/"), "/"),
            (Some("https://example.org/plan"), "/plan/"),
            (Some("https://example.org/a/plan/"), "/a/plan/"),
            (Some("https://example.org/plan/?x=1#y"), "/plan/"),
        ] {
            assert_eq!(site_path(url), path, "{url:?}");
        }
    }
}
