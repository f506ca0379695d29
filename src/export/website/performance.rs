//! The website's performance pages: the index of statements grouped by aim, one page per
//! statement with its status, charts and tables, and the national policing priorities page.
//!
//! The judgements and sentences come from [`crate::plan::performance`]; this module only
//! gathers them into views for the theme's `performance.html`, `statement.html` and
//! `national-priorities.html` templates, and draws the charts with [`crate::render::chart`].

use serde::Serialize;

use super::{home, page_view, Link, PageContext};
use super::{shelf, DownloadView};
use crate::export::{Download, Shelf};
use crate::plan::performance::Status;
use crate::plan::{Plan, Report, Route, Statement};
use crate::render::chart;
use crate::render::markdown::{render, render_with_images};
use crate::render::performance::{since_last, Arg, DataTable, Say};
use crate::theme::Theme;
use crate::words::decimals_for;

/// The words of `theme`'s language, for the sentences and tables of these pages.
fn say(theme: &Theme) -> Say<'_> {
    Say::new(&theme.words, &theme.language)
}

/// A status as the templates show it: words, a shape and a class.
#[derive(Debug, Clone, Serialize)]
pub(super) struct StatusView {
    id: &'static str,
    label: String,
    icon: &'static str,
}

impl StatusView {
    /// `s` in the reader's words.
    pub(super) fn new(s: Status, say: Say) -> Self {
        StatusView {
            id: s.id(),
            label: say.status(s),
            icon: s.icon(),
        }
    }
}

/// A statement in a list: its link, status and headline figures.
#[derive(Debug, Clone, Serialize)]
pub(super) struct StatementSummary {
    title: String,
    path: String,
    status: StatusView,
    latest: Option<String>,
    target: String,
    sentence: String,
    /// The language of a statement not yet translated into the page's, shown in the plan's
    /// first language.
    lang: Option<String>,
    /// The title of the report its figures come from, when that is not the report the list
    /// is of (a statement the latest report does not give).
    from: Option<String>,
}

impl StatementSummary {
    /// The summary marked as written in `lang` (the plan's first language).
    pub(super) fn in_language(mut self, lang: Option<String>) -> Self {
        self.lang = lang;
        self
    }

    /// The summary of `s` in `say`'s words, linking to its page.
    pub(super) fn new_in(s: &Statement, say: Say) -> Self {
        Self::at(s, Route::Statement(s.id.clone()).path(), say)
    }

    /// The summary of `s`, linking to `path`.
    pub(super) fn at(s: &Statement, path: String, say: Say) -> Self {
        StatementSummary {
            lang: None,
            title: s.measure.clone(),
            path,
            status: StatusView::new(s.status(), say),
            latest: s.latest_text_in(say),
            target: s.target.text.clone(),
            sentence: s.status_sentence_in(say),
            from: None,
        }
    }
}

/// One term and its detail in a statement's summary list, with a shape before the detail
/// that screen readers skip (the words say the same).
#[derive(Debug, Clone, Serialize)]
struct Fact {
    term: String,
    detail: String,
    icon: Option<&'static str>,
    /// The language of the detail when it is not the page's (a fact the translation does not
    /// give, shown as the original gives it).
    lang: Option<String>,
}

impl Fact {
    fn new(term: String, detail: String) -> Self {
        Fact {
            term,
            detail,
            icon: None,
            lang: None,
        }
    }
}

/// A report as a statement's page names it: where its figures come from.
#[derive(Debug, Clone, Serialize)]
pub(super) struct ReportLink {
    /// The period's name.
    pub title: String,
    /// The report's page.
    pub path: String,
    /// "1 April 2021 to 30 June 2021".
    pub period: String,
    /// "15 September 2021", once presented.
    pub presented: Option<String>,
    /// True for a report still being filled in.
    pub draft: bool,
}

impl ReportLink {
    /// The link to `r`, its dates in `say`'s words.
    pub(super) fn new(r: &Report, say: Say) -> Self {
        let date = |iso: &str| say.words.date(say.language, iso);
        ReportLink {
            title: r.title.clone(),
            path: Route::Report(r.id.clone()).path(),
            period: say.text(
                "report-period",
                &[
                    ("start", Arg::Text(date(&r.start))),
                    ("end", Arg::Text(date(&r.end))),
                ],
            ),
            presented: r.presented.as_deref().map(date),
            draft: !r.is_published(),
        }
    }
}

/// One report's row in a statement's trend.
#[derive(Debug, Clone, Serialize)]
struct TrendRow {
    title: String,
    /// The statement's page in that report.
    path: String,
    figure: Option<String>,
    period: Option<String>,
    status: StatusView,
    draft: bool,
}

/// A statement report by report: a chart when two or more give a figure, and every row.
#[derive(Debug, Clone, Serialize)]
struct TrendView {
    rows: Vec<TrendRow>,
    svg: Option<String>,
    summary: Option<String>,
    /// How many earlier reports a report's page leaves out (the statement's own page shows
    /// them all).
    earlier: usize,
}

/// The most reports a report's page for a statement shows in its trend: three years of
/// quarters. Every report's page for every statement showing every report before it would
/// grow with the square of the number of reports.
const REPORT_PAGE_TREND: usize = 12;

/// How the statement moved since the report before, for the template to say in words.
#[derive(Debug, Clone, Serialize)]
struct SinceView {
    since: String,
    since_path: String,
    from: Option<String>,
    to: Option<String>,
    movement: &'static str,
    change: Option<String>,
    status_from: StatusView,
    status_to: StatusView,
    status_changed: bool,
    items_up: usize,
    items_down: usize,
    items_level: usize,
    limits_changed: bool,
}

/// A block of figures: summary, optional chart (as SVG) and table.
#[derive(Debug, Clone, Serialize)]
struct BlockView {
    id: String,
    heading: String,
    summary: String,
    svg: Option<String>,
    table: DataTable,
}

/// What `statement.html` receives.
#[derive(Serialize)]
pub(super) struct StatementView {
    /// The report the figures come from, in a plan with reports.
    reported: Option<ReportLink>,
    /// True on a report's own page for the statement (frozen as the report left it).
    in_report: bool,
    /// The statement's page with its latest figures.
    latest_path: String,
    /// Report by report, in a plan with reports.
    trend: Option<TrendView>,
    /// How it moved since the report before.
    since: Option<SinceView>,
    /// What the statement's own file says about the measure.
    about: String,
    measure: String,
    status: StatusView,
    status_sentence: String,
    facts: Vec<Fact>,
    blocks: Vec<BlockView>,
    chart_only: Vec<String>,
    body: String,
    priorities: Vec<Link>,
    national_priorities: Vec<Link>,
    downloads: Vec<DownloadView>,
}

impl StatementView {
    /// The view of `s`: the statement as the plan's latest report gives it, or, with
    /// `report`, as that report left it (`s` is then [`Plan::statement_in`] that report).
    pub(super) fn new(
        plan: &Plan,
        s: &Statement,
        route: &Route,
        downloads: Option<&[Download]>,
        report: Option<&Report>,
        say: Say,
    ) -> Self {
        let term = |key: &str| say.word(key);
        // A fact in the plan's first language because the translation does not give it.
        let original = |key: &'static str| {
            plan.reading
                .falls_back(&crate::plan::TextOf::StatementFact(s.id.clone(), key))
                .then(|| plan.reading.original.clone())
        };
        let mut facts = vec![Fact {
            lang: original("target"),
            ..Fact::new(
                term("perf-fact-what-good-looks-like"),
                s.target.text.clone(),
            )
        }];
        facts.push(Fact::new(
            term("perf-fact-latest"),
            s.latest_text_in(say)
                .unwrap_or_else(|| term("perf-fact-no-figure")),
        ));
        if let Some(f) = &s.previous {
            facts.push(Fact::new(
                term("perf-fact-previous"),
                s.figure_text_in(f, say),
            ));
        }
        if let Some(f) = &s.baseline {
            facts.push(Fact::new(
                term("perf-fact-earlier-figure"),
                s.figure_text_in(f, say),
            ));
        }
        if let Some(c) = &s.change {
            facts.push(Fact::new(
                term("perf-change"),
                format!("{} ({})", crate::words::format_change(c.value), c.basis),
            ));
        }
        if let Some(d) = s.direction {
            facts.push(Fact {
                term: term("perf-fact-direction"),
                detail: say.word(d.key()),
                icon: Some(d.arrow()),
                lang: None,
            });
        }
        if let Some(l) = &s.limits {
            let mut detail = say.text(
                "perf-fact-limits-detail",
                &[
                    ("lower", Arg::Text(s.format_reference_in(l.lower, say))),
                    ("upper", Arg::Text(s.format_reference_in(l.upper, say))),
                ],
            );
            if let Some(b) = &l.basis {
                detail.push_str(&format!(" ({b})"));
            }
            facts.push(Fact::new(term("perf-fact-limits"), detail));
        }
        facts.push(Fact::new(term("perf-fact-unit"), say.unit(s.unit)));
        if let Some(l) = &s.lead {
            facts.push(Fact {
                lang: original("lead"),
                ..Fact::new(term("perf-fact-lead"), l.clone())
            });
        }
        if let Some(d) = &s.data_source {
            facts.push(Fact {
                lang: original("data_source"),
                ..Fact::new(term("perf-fact-data"), d.clone())
            });
        }
        if !s.source.is_empty() {
            facts.push(Fact {
                lang: original("source"),
                ..Fact::new(term("perf-fact-source"), s.source.clone())
            });
        }
        let blocks = s
            .figure_blocks_in(plan, say)
            .into_iter()
            .map(|b| BlockView {
                svg: b
                    .chart
                    .as_ref()
                    .map(|c| chart::svg(c, &format!("chart-{}", b.id))),
                id: b.id,
                heading: b.heading,
                summary: b.summary,
                table: b.table,
            })
            .collect();
        // The report the figures come from: the one asked for, or the statement's own.
        let from = report.or_else(|| s.reported_in.as_deref().and_then(|id| plan.report(id)));
        let since = from.and_then(|r| {
            let (before, then) = plan.previous_report_of(r, &s.id)?;
            let m = since_last(&before.title, &then, s, say);
            Some(SinceView {
                since: m.since,
                since_path: match report {
                    Some(_) => Route::ReportStatement {
                        report: before.id.clone(),
                        id: s.id.clone(),
                    }
                    .path(),
                    None => Route::Report(before.id.clone()).path(),
                },
                from: m.from,
                to: m.to,
                movement: m.movement,
                change: m.change,
                status_changed: m.status_from != m.status_to,
                status_from: StatusView::new(m.status_from, say),
                status_to: StatusView::new(m.status_to, say),
                items_up: m.items_up,
                items_down: m.items_down,
                items_level: m.items_level,
                limits_changed: m.limits_changed,
            })
        });
        StatementView {
            reported: from.map(|r| ReportLink::new(r, say)),
            in_report: report.is_some(),
            latest_path: Route::Statement(s.id.clone()).path(),
            trend: trend(s, report.map(|_| REPORT_PAGE_TREND), say),
            since,
            about: render(&s.about.markdown, route).html,
            measure: s.measure.clone(),
            status: StatusView::new(s.status(), say),
            status_sentence: s.status_sentence_in(say),
            facts,
            blocks,
            chart_only: s.chart_only.clone(),
            body: render_with_images(&s.body.markdown, route, &plan.images).html,
            priorities: s
                .priorities
                .iter()
                .filter_map(|id| plan.priority(id))
                .map(|p| Link {
                    title: plan.priority_label(p),
                    path: Route::Priority {
                        aim: p.aim.clone(),
                        id: p.id.clone(),
                    }
                    .path(),
                })
                .collect(),
            national_priorities: s
                .national_priorities
                .iter()
                .filter_map(|id| plan.meta.national_priorities.iter().find(|n| &n.id == id))
                .map(|n| Link {
                    title: n.title.clone(),
                    path: format!("{}#{}", Route::NationalPriorities.path(), n.id),
                })
                .collect(),
            // A report's own page lists no download: the site's data files change with
            // every later report, and the report's page must not.
            downloads: match report {
                Some(_) => Vec::new(),
                None => shelf(downloads, Shelf::Performance)
                    .into_iter()
                    .take(1)
                    .collect(),
            },
        }
    }
}

/// The statement report by report, as its history gives it: the last `most` reports, when
/// given.
fn trend(s: &Statement, most: Option<usize>, say: Say) -> Option<TrendView> {
    if s.history.is_empty() {
        return None;
    }
    let earlier = most.map_or(0, |m| s.history.len().saturating_sub(m));
    let shortened;
    let s = if earlier > 0 {
        let mut t = s.clone();
        t.history.drain(..earlier);
        shortened = t;
        &shortened
    } else {
        s
    };
    let decimals = decimals_for(
        s.history
            .iter()
            .filter_map(|q| q.latest.as_ref().map(|f| f.value)),
    )
    .max(s.decimals());
    let chart = s.trend_chart_in(say);
    Some(TrendView {
        rows: s
            .history
            .iter()
            .map(|q| TrendRow {
                title: q.title.clone(),
                path: Route::ReportStatement {
                    report: q.report.clone(),
                    id: s.id.clone(),
                }
                .path(),
                figure: q
                    .latest
                    .as_ref()
                    .map(|f| say.figure(f.value, s.unit, Some(decimals))),
                period: q.latest.as_ref().map(|f| f.period.clone()),
                status: StatusView::new(q.judged, say),
                draft: q.status != crate::parse::kinds::ReportStatus::Published,
            })
            .collect(),
        svg: chart.as_ref().map(|c| chart::svg(c, "chart-by-report")),
        summary: chart.map(|c| c.summary),
        earlier,
    })
}

/// Renders the statement page's context: its latest figures, or, with `report`, the
/// figures of that report (`s` is then the statement as that report left it).
pub(super) fn statement_page(
    plan: &Plan,
    s: &Statement,
    route: &Route,
    downloads: Option<&[Download]>,
    report: Option<&Report>,
    theme: &Theme,
    ctx: &mut PageContext<'_>,
) {
    let say = say(theme);
    let crumbs = match report {
        None => vec![
            home(),
            Link {
                title: say.word("perf-title"),
                path: Route::Performance.path(),
            },
        ],
        Some(r) => vec![
            home(),
            Link {
                title: say.word("report-list-title"),
                path: Route::Reports.path(),
            },
            Link {
                title: r.title.clone(),
                path: Route::Report(r.id.clone()).path(),
            },
        ],
    };
    // A report's page for the statement is named by the report too, so that no two pages
    // share a title.
    let title = match report {
        Some(r) => say.text(
            "perf-statement-in-report-title",
            &[
                ("measure", Arg::Text(s.measure.clone())),
                ("report", Arg::Text(r.title.clone())),
            ],
        ),
        None => s.measure.clone(),
    };
    ctx.insert("page", &page_view(route, &title, crumbs, vec![]));
    ctx.insert(
        "statement",
        &StatementView::new(plan, s, route, downloads, report, say),
    );
}

/// A group of statements on the performance index.
#[derive(Debug, Clone, Serialize)]
pub(super) struct GroupView {
    pub(super) id: String,
    pub(super) heading: String,
    statements: Vec<StatementSummary>,
}

/// The "On this page" list of a page of statement groups: one entry per group.
pub(super) fn contents_of(groups: &[GroupView]) -> Vec<crate::render::markdown::Heading> {
    groups
        .iter()
        .map(|g| crate::render::markdown::Heading {
            level: 2,
            id: g.id.clone(),
            text: g.heading.clone(),
        })
        .collect()
}

/// How many statements have each status.
#[derive(Debug, Clone, Serialize)]
pub(super) struct StatusCount {
    status: StatusView,
    count: usize,
}

/// The groups of the performance index: one per aim (by each statement's first priority),
/// then statements that evidence only national priorities, then any others.
fn groups(plan: &Plan, say: Say) -> Vec<GroupView> {
    let latest = plan.latest_report().map(|r| r.id.as_str());
    groups_of(
        plan,
        say,
        plan.statements.iter().map(|s| {
            let mut summary = StatementSummary::new_in(s, say);
            // A statement the latest report does not give shows the report its figures are
            // from.
            if latest.is_some() && s.reported_in.as_deref() != latest {
                summary.from = s
                    .reported_in
                    .as_deref()
                    .and_then(|id| plan.report(id))
                    .map(|r| r.title.clone());
            }
            (s, summary)
        }),
    )
}

/// The groups of a list of statements, each with its summary, as [`groups`] makes them; a
/// statement not yet translated into the reader's language is marked with the language it is
/// shown in.
pub(super) fn groups_of<'s>(
    plan: &Plan,
    say: Say,
    statements: impl Iterator<Item = (&'s Statement, StatementSummary)>,
) -> Vec<GroupView> {
    let mut groups: Vec<GroupView> = plan
        .aims
        .iter()
        .map(|a| GroupView {
            id: a.id.clone(),
            heading: a.title.clone(),
            statements: Vec::new(),
        })
        .collect();
    let mut national = Vec::new();
    let mut other = Vec::new();
    for (s, summary) in statements {
        // A statement not yet translated is shown in the plan's first language, marked so.
        let untranslated = plan
            .reading
            .falls_back(&crate::plan::TextOf::Statement(s.id.clone()));
        let summary = summary.in_language(untranslated.then(|| plan.reading.original.clone()));
        let aim = s
            .priorities
            .iter()
            .find_map(|id| plan.priority(id))
            .map(|p| p.aim.clone());
        match aim.and_then(|a| groups.iter_mut().find(|g| g.id == a)) {
            Some(g) => g.statements.push(summary),
            None if !s.national_priorities.is_empty() => national.push(summary),
            None => other.push(summary),
        }
    }
    groups.push(GroupView {
        id: "national-measures".into(),
        heading: say.word("np-title"),
        statements: national,
    });
    groups.push(GroupView {
        id: "other-measures".into(),
        heading: say.word("perf-other-measures"),
        statements: other,
    });
    groups.retain(|g| !g.statements.is_empty());
    groups
}

/// Renders the performance index's context.
pub(super) fn index_page(
    plan: &Plan,
    route: &Route,
    downloads: Option<&[Download]>,
    theme: &Theme,
    ctx: &mut PageContext<'_>,
) {
    let say = say(theme);
    let groups = groups(plan, say);
    let toc = contents_of(&groups);
    ctx.insert(
        "page",
        &page_view(route, &say.word("perf-title"), vec![home()], toc),
    );
    let counts = status_counts(plan.statements.iter(), say);
    ctx.insert(
        "report",
        &plan.latest_report().map(|r| ReportLink::new(r, say)),
    );
    ctx.insert("has_reports", &!plan.reports.is_empty());
    ctx.insert("groups", &groups);
    ctx.insert("status_counts", &counts);
    ctx.insert("statement_count", &plan.statements.len());
    ctx.insert(
        "has_national_priorities",
        &!plan.meta.national_priorities.is_empty(),
    );
    ctx.insert("downloads", &shelf(downloads, Shelf::Performance));
}

/// How many of `statements` have each status, for the statuses any has.
pub(super) fn status_counts<'s>(
    statements: impl Iterator<Item = &'s Statement>,
    say: Say,
) -> Vec<StatusCount> {
    let statuses: Vec<Status> = statements.map(Statement::status).collect();
    Status::ALL
        .iter()
        .map(|st| StatusCount {
            status: StatusView::new(*st, say),
            count: statuses.iter().filter(|s| *s == st).count(),
        })
        .filter(|c| c.count > 0)
        .collect()
}

/// One national priority and the statements that evidence it.
#[derive(Debug, Clone, Serialize)]
struct NationalPriorityView {
    id: String,
    title: String,
    statements: Vec<NationalStatementView>,
}

/// A direction of change: an arrow screen readers skip, and its words.
#[derive(Debug, Clone, Serialize)]
struct DirectionView {
    arrow: &'static str,
    label: String,
}

/// A statement on the national priorities page, with its direction, lead and key points.
#[derive(Debug, Clone, Serialize)]
struct NationalStatementView {
    summary: StatementSummary,
    direction: Option<DirectionView>,
    lead: Option<String>,
    data_source: Option<String>,
    key_points: Option<String>,
}

/// Renders the national policing priorities page's context.
pub(super) fn national_page(
    plan: &Plan,
    route: &Route,
    downloads: Option<&[Download]>,
    theme: &Theme,
    ctx: &mut PageContext<'_>,
) {
    let say = say(theme);
    let priorities: Vec<NationalPriorityView> = plan
        .meta
        .national_priorities
        .iter()
        .map(|n| NationalPriorityView {
            id: n.id.clone(),
            title: n.title.clone(),
            statements: plan
                .statements
                .iter()
                .filter(|s| s.national_priorities.contains(&n.id))
                .map(|s| NationalStatementView {
                    summary: StatementSummary::new_in(s, say),
                    direction: s.direction.map(|d| DirectionView {
                        arrow: d.arrow(),
                        label: say.word(d.key()),
                    }),
                    lead: s.lead.clone(),
                    data_source: s.data_source.clone(),
                    // The national measure itself (the statement with a named lead) carries
                    // the comments the statement publishes; other measures link to theirs.
                    key_points: (s.lead.is_some() && !s.body.is_empty())
                        .then(|| render_with_images(&s.body.markdown, route, &plan.images).html),
                })
                .collect(),
        })
        .collect();
    let toc = priorities
        .iter()
        .map(|p| crate::render::markdown::Heading {
            level: 2,
            id: p.id.clone(),
            text: p.title.clone(),
        })
        .collect();
    let mut crumbs = vec![home()];
    // A plan without statements has no performance page to go back to.
    if !plan.statements.is_empty() {
        crumbs.push(Link {
            title: say.word("perf-title"),
            path: Route::Performance.path(),
        });
    }
    ctx.insert(
        "page",
        &page_view(route, &say.word("np-title"), crumbs, toc),
    );
    ctx.insert("priorities", &priorities);
    ctx.insert("downloads", &shelf(downloads, Shelf::Performance));
}
