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
use crate::plan::{Plan, Route, Statement};
use crate::render::chart;
use crate::render::markdown::render_with_images;
use crate::render::performance::DataTable;

/// A status as the templates show it: words, a shape and a class.
#[derive(Debug, Clone, Serialize)]
pub(super) struct StatusView {
    id: &'static str,
    label: &'static str,
    icon: &'static str,
}

impl From<Status> for StatusView {
    fn from(s: Status) -> Self {
        StatusView {
            id: s.id(),
            label: s.label(),
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
}

impl StatementSummary {
    /// The summary marked as written in `lang` (the plan's first language).
    pub(super) fn in_language(mut self, lang: Option<String>) -> Self {
        self.lang = lang;
        self
    }

    pub(super) fn new(s: &Statement) -> Self {
        StatementSummary {
            lang: None,
            title: s.measure.clone(),
            path: Route::Statement(s.id.clone()).path(),
            status: s.status().into(),
            latest: s.latest_text(),
            target: s.target.text.clone(),
            sentence: s.status_sentence(),
        }
    }
}

/// One term and its detail in a statement's summary list.
#[derive(Debug, Clone, Serialize)]
struct Fact {
    term: &'static str,
    detail: String,
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
    pub(super) fn new(
        plan: &Plan,
        s: &Statement,
        route: &Route,
        downloads: Option<&[Download]>,
    ) -> Self {
        let mut facts = vec![Fact {
            term: "What good looks like",
            detail: s.target.text.clone(),
        }];
        facts.push(Fact {
            term: "Latest",
            detail: s
                .latest_text()
                .unwrap_or_else(|| "No single figure is published".to_string()),
        });
        if let Some(f) = &s.previous {
            facts.push(Fact {
                term: "Previous",
                detail: s.figure_text(f),
            });
        }
        if let Some(f) = &s.baseline {
            facts.push(Fact {
                term: "Earlier figure",
                detail: s.figure_text(f),
            });
        }
        if let Some(c) = &s.change {
            facts.push(Fact {
                term: "Change",
                detail: format!("{} ({})", crate::words::format_change(c.value), c.basis),
            });
        }
        if let Some(d) = s.direction {
            facts.push(Fact {
                term: "Direction of change",
                detail: format!("{} {}", d.arrow(), d.label()),
            });
        }
        if let Some(l) = &s.limits {
            let mut detail = format!(
                "Lower {}, upper {}",
                s.format_reference(l.lower),
                s.format_reference(l.upper)
            );
            if let Some(b) = &l.basis {
                detail.push_str(&format!(" ({b})"));
            }
            facts.push(Fact {
                term: "Control limits",
                detail,
            });
        }
        facts.push(Fact {
            term: "Unit",
            detail: s.unit.label().to_string(),
        });
        if let Some(l) = &s.lead {
            facts.push(Fact {
                term: "Lead",
                detail: l.clone(),
            });
        }
        if let Some(d) = &s.data_source {
            facts.push(Fact {
                term: "Data",
                detail: d.clone(),
            });
        }
        facts.push(Fact {
            term: "Source",
            detail: s.source.clone(),
        });
        let blocks = s
            .figure_blocks(plan)
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
        StatementView {
            measure: s.measure.clone(),
            status: s.status().into(),
            status_sentence: s.status_sentence(),
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
            downloads: shelf(downloads, Shelf::Performance)
                .into_iter()
                .take(1)
                .collect(),
        }
    }
}

/// Renders the statement page's context.
pub(super) fn statement_page(
    plan: &Plan,
    s: &Statement,
    route: &Route,
    downloads: Option<&[Download]>,
    ctx: &mut PageContext<'_>,
) {
    let crumbs = vec![
        home(),
        Link {
            title: "Performance".into(),
            path: Route::Performance.path(),
        },
    ];
    ctx.insert("page", &page_view(route, &s.measure, crumbs, vec![]));
    ctx.insert("statement", &StatementView::new(plan, s, route, downloads));
}

/// A group of statements on the performance index.
#[derive(Debug, Clone, Serialize)]
struct GroupView {
    id: String,
    heading: String,
    statements: Vec<StatementSummary>,
}

/// How many statements have each status.
#[derive(Debug, Clone, Serialize)]
struct StatusCount {
    status: StatusView,
    count: usize,
}

/// The groups of the performance index: one per aim (by each statement's first priority),
/// then statements that evidence only national priorities, then any others.
fn groups(plan: &Plan) -> Vec<GroupView> {
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
    for s in &plan.statements {
        let aim = s
            .priorities
            .iter()
            .find_map(|id| plan.priority(id))
            .map(|p| p.aim.clone());
        match aim.and_then(|a| groups.iter_mut().find(|g| g.id == a)) {
            Some(g) => g.statements.push(StatementSummary::new(s)),
            None if !s.national_priorities.is_empty() => national.push(StatementSummary::new(s)),
            None => other.push(StatementSummary::new(s)),
        }
    }
    groups.push(GroupView {
        id: "national-measures".into(),
        heading: "National policing priorities".into(),
        statements: national,
    });
    groups.push(GroupView {
        id: "other-measures".into(),
        heading: "Other measures".into(),
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
    ctx: &mut PageContext<'_>,
) {
    let groups = groups(plan);
    let toc = groups
        .iter()
        .map(|g| crate::render::markdown::Heading {
            level: 2,
            id: g.id.clone(),
            text: g.heading.clone(),
        })
        .collect();
    ctx.insert("page", &page_view(route, "Performance", vec![home()], toc));
    let counts: Vec<StatusCount> = Status::ALL
        .iter()
        .map(|st| StatusCount {
            status: (*st).into(),
            count: plan.statements.iter().filter(|s| s.status() == *st).count(),
        })
        .filter(|c| c.count > 0)
        .collect();
    ctx.insert("groups", &groups);
    ctx.insert("status_counts", &counts);
    ctx.insert("statement_count", &plan.statements.len());
    ctx.insert(
        "has_national_priorities",
        &!plan.meta.national_priorities.is_empty(),
    );
    ctx.insert("downloads", &shelf(downloads, Shelf::Performance));
}

/// One national priority and the statements that evidence it.
#[derive(Debug, Clone, Serialize)]
struct NationalPriorityView {
    id: String,
    title: String,
    statements: Vec<NationalStatementView>,
}

/// A statement on the national priorities page, with its direction, lead and key points.
#[derive(Debug, Clone, Serialize)]
struct NationalStatementView {
    summary: StatementSummary,
    direction: Option<String>,
    lead: Option<String>,
    data_source: Option<String>,
    key_points: Option<String>,
}

/// Renders the national policing priorities page's context.
pub(super) fn national_page(
    plan: &Plan,
    route: &Route,
    downloads: Option<&[Download]>,
    ctx: &mut PageContext<'_>,
) {
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
                    summary: StatementSummary::new(s),
                    direction: s.direction.map(|d| format!("{} {}", d.arrow(), d.label())),
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
            title: "Performance".into(),
            path: Route::Performance.path(),
        });
    }
    ctx.insert(
        "page",
        &page_view(route, "National policing priorities", crumbs, toc),
    );
    ctx.insert("priorities", &priorities);
    ctx.insert("downloads", &shelf(downloads, Shelf::Performance));
}
