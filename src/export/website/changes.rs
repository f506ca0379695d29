//! The website's "What has changed" page: the plan compared with the revision its
//! `compare_with` setting names ([`crate::compare`]), written as the "what changed" report's
//! body ([`crate::render::changes`]) inside the site's header and footer.

use anyhow::{anyhow, Result};

use super::address::revision_route;
use super::{home, languages_context, page_view, Chrome, OutputFile, SiteView};
use crate::compare::{Comparison, Published};
use crate::diagnostics::chain;
use crate::plan::{Plan, Route};
use crate::render::changes::{html_fragment, summary_sentences, Report};
use crate::theme::Theme;

/// The website's "What has changed" page content.
#[derive(Debug, Clone, serde::Serialize)]
pub(super) struct WebsiteChanges {
    /// The revision compared with.
    pub revision: String,
    /// The report as an HTML fragment with headings from `h2`.
    pub html: String,
    /// One sentence per kind of change.
    pub summary: Vec<String>,
}

impl WebsiteChanges {
    /// The page's content for `plan` compared as `comparison` says, in the theme's language.
    pub(super) fn new(plan: &Plan, theme: &Theme, comparison: &Comparison) -> Self {
        let report = Report {
            diff: &comparison.diff,
            old_label: comparison.revision.clone(),
            new_label: theme.word("changes-this-version"),
            plan_title: plan.meta.title.clone(),
            words: &theme.words,
            language: theme.language.clone(),
        };
        WebsiteChanges {
            html: html_fragment(&report, 2, "changes-"),
            summary: summary_sentences(&report),
            revision: comparison.revision.clone(),
        }
    }
}

/// What the theme's `revision.html` receives as `revision`: the report of what changed in
/// one published revision since the one before it.
#[derive(Debug, Clone, serde::Serialize)]
pub(super) struct RevisionChanges {
    /// Its publication date in words.
    pub published: String,
    /// The publication date of the revision before it, in words.
    pub since: String,
    /// Whether it was published as a draft.
    pub draft: bool,
    /// The report as an HTML fragment with headings from `h2`.
    pub html: String,
    /// The page's route.
    #[serde(skip)]
    pub route: Route,
}

impl RevisionChanges {
    /// The report pages of `history` (newest first): one for each revision with one before it.
    pub(super) fn all(plan: &Plan, theme: &Theme, history: &[Published]) -> Vec<RevisionChanges> {
        let date = |iso: &str| theme.words.date(&theme.language, iso);
        let label = |iso: &str| {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("date", date(iso));
            theme
                .words
                .text(&theme.language, "changes-revision-label", Some(&args))
                .unwrap_or_else(|_| date(iso))
        };
        history
            .iter()
            .zip(history.iter().skip(1))
            .filter_map(|(revision, before)| {
                let diff = revision.changes.as_ref()?;
                let report = Report {
                    diff,
                    old_label: label(&before.published),
                    new_label: label(&revision.published),
                    plan_title: plan.meta.title.clone(),
                    words: &theme.words,
                    language: theme.language.clone(),
                };
                Some(RevisionChanges {
                    published: date(&revision.published),
                    since: date(&before.published),
                    draft: revision.draft,
                    html: html_fragment(&report, 2, "changes-"),
                    route: revision_route(&revision.published),
                })
            })
            .collect()
    }
}

/// The page of one published revision's changes, from the theme's `revision.html`.
pub(super) fn revision_page(
    theme: &Theme,
    site: &SiteView,
    shared: &tera::Context,
    chrome: &Chrome,
    revision: &RevisionChanges,
) -> Result<OutputFile> {
    let route = &revision.route;
    let mut ctx = shared.clone();
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("date", revision.published.clone());
    let title = theme
        .words
        .text(&theme.language, "changes-revision-title", Some(&args))
        .map_err(|e| anyhow!("{e}"))?;
    ctx.insert("page", &page_view(route, &title, vec![home()], vec![]));
    ctx.insert("revision", revision);
    languages_context(&mut ctx, route, site);
    let (header, footer) = chrome.of(route, site)?;
    ctx.insert("site_header", header);
    ctx.insert("site_footer", footer);
    let html = theme.tera.render("revision.html", &ctx).map_err(|e| {
        anyhow!(
            "rendering {} with revision.html: {}",
            route.file(),
            chain(&e)
        )
    })?;
    Ok((route.file(), html.into_bytes()))
}

/// The "What has changed" page at /changes/, from the theme's `changes.html`.
pub(super) fn page(
    plan: &Plan,
    theme: &Theme,
    site: &SiteView,
    shared: &tera::Context,
    chrome: &Chrome,
    changes: &WebsiteChanges,
) -> Result<OutputFile> {
    let route = route();
    if let Some(p) = plan.pages.iter().find(|p| p.id == "changes") {
        return Err(anyhow!(
            "{} uses the address /changes/, which the \"What has changed\" page needs because the plan sets compare_with; rename the page",
            p.origin.display.display()
        ));
    }
    let mut ctx = shared.clone();
    ctx.insert(
        "page",
        &page_view(&route, &theme.word("nav-changes"), vec![home()], vec![]),
    );
    ctx.insert("changes", changes);
    languages_context(&mut ctx, &route, site);
    let (header, footer) = chrome.of(&route, site)?;
    ctx.insert("site_header", header);
    ctx.insert("site_footer", footer);
    let tera = with_changes_template(&theme.tera)?;
    let html = tera.render("changes.html", &ctx).map_err(|e| {
        anyhow!(
            "rendering {} with changes.html: {}",
            route.file(),
            chain(&e)
        )
    })?;
    Ok((route.file(), html.into_bytes()))
}

/// The "What has changed" page's route.
pub(super) fn route() -> Route {
    Route::Page("changes".into())
}

/// The theme's templates, with the default `changes.html` added when the theme lacks one.
fn with_changes_template(tera: &tera::Tera) -> Result<std::borrow::Cow<'_, tera::Tera>> {
    if tera.get_template_names().any(|n| n == "changes.html") {
        return Ok(std::borrow::Cow::Borrowed(tera));
    }
    let mut owned = tera.clone();
    owned
        .add_raw_template(
            "changes.html",
            include_str!("../../../themes/default/templates/changes.html"),
        )
        .map_err(|e| anyhow!("the changes.html template has an error: {}", chain(&e)))?;
    Ok(std::borrow::Cow::Owned(owned))
}
