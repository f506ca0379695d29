//! The website's reports: the list of every report (`/reports/`) and each report's own page
//! (`/reports/<period>/`), which gathers its statements as that report gave them.
//!
//! A report's pages (this one and its statements', see [`super::performance`]) show only what
//! that report and the reports before it say, and list only its own downloads, so a later
//! report never changes them: they stay as they were published.

use serde::Serialize;

use super::performance::{
    contents_of, groups_of, status_counts, GroupView, ReportLink, StatementSummary, StatusCount,
};
use super::{home, page_view, DownloadView, Link, PageContext};
use crate::export::{Download, Shelf};
use crate::plan::{Plan, Report, Route};
use crate::render::markdown::render;
use crate::render::performance::{Arg, Say};
use crate::theme::Theme;

/// A report in the list of reports.
#[derive(Debug, Clone, Serialize)]
struct ReportRow {
    report: ReportLink,
    /// How many statements it gives figures for.
    count: usize,
}

/// Renders the list of reports' context: newest first.
pub(super) fn list_page(plan: &Plan, route: &Route, theme: &Theme, ctx: &mut PageContext<'_>) {
    let say = Say::new(&theme.words, &theme.language);
    let crumbs = vec![
        home(),
        Link {
            title: say.word("perf-title"),
            path: Route::Performance.path(),
        },
    ];
    ctx.insert(
        "page",
        &page_view(route, &say.word("report-list-title"), crumbs, vec![]),
    );
    let rows: Vec<ReportRow> = plan
        .reports
        .iter()
        .rev()
        .map(|r| ReportRow {
            report: ReportLink::new(r, say),
            count: r.statements.len(),
        })
        .collect();
    ctx.insert("reports", &rows);
    ctx.insert(
        "latest",
        &plan.latest_report().map(|r| ReportLink::new(r, say)),
    );
}

/// What `report.html` receives.
#[derive(Serialize)]
struct ReportView {
    report: ReportLink,
    intro: String,
    groups: Vec<GroupView>,
    status_counts: Vec<StatusCount>,
    statement_count: usize,
    /// The published report before it, if any.
    previous: Option<ReportLink>,
    /// Its own downloads: the report as a Panel paper.
    downloads: Vec<DownloadView>,
}

/// Renders a report's page's context.
pub(super) fn report_page(
    plan: &Plan,
    report: &Report,
    route: &Route,
    downloads: Option<&[Download]>,
    theme: &Theme,
    ctx: &mut PageContext<'_>,
) {
    let say = Say::new(&theme.words, &theme.language);
    let statements: Vec<_> = report
        .statements
        .iter()
        .filter_map(|r| plan.statement_in(report, &r.statement))
        .collect();
    let groups = groups_of(
        plan,
        say,
        statements.iter().map(|s| {
            let path = Route::ReportStatement {
                report: report.id.clone(),
                id: s.id.clone(),
            }
            .path();
            (s, StatementSummary::at(s, path, say))
        }),
    );
    let toc = contents_of(&groups);
    let crumbs = vec![
        home(),
        Link {
            title: say.word("report-list-title"),
            path: Route::Reports.path(),
        },
    ];
    let title = say.text(
        "report-page-title",
        &[("title", Arg::Text(report.title.clone()))],
    );
    ctx.insert("page", &page_view(route, &title, crumbs, toc));
    let at = plan
        .reports
        .iter()
        .position(|r| r.id == report.id)
        .unwrap_or(0);
    let folder = route.path();
    let view = ReportView {
        report: ReportLink::new(report, say),
        intro: render(&report.intro.markdown, route).html,
        status_counts: status_counts(statements.iter(), say),
        statement_count: statements.len(),
        groups,
        previous: plan.reports[..at]
            .iter()
            .rev()
            .find(|r| r.is_published())
            .map(|r| ReportLink::new(r, say)),
        downloads: downloads
            .unwrap_or_default()
            .iter()
            // A language's folder gives the papers made at the site root with `../` first.
            .filter(|d| {
                d.on(Shelf::Report) && d.path.trim_start_matches("../").starts_with(&folder)
            })
            .map(|d| DownloadView {
                text: d.title.clone(),
                path: d.path.clone(),
                label: d.label.clone(),
                content_lang: d.content_lang.clone(),
            })
            .collect(),
    };
    ctx.insert("report", &view);
}
