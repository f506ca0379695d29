//! Reporting periods: each report's figures checked and joined to the statements they are
//! for, and each statement's figures and history taken from the reports.
//!
//! A plan that reports quarter by quarter keeps what a statement measures in its own file
//! (`performance/<id>.md`) and each period's figures in that period's report
//! (`reports/<period>/<id>.md`). A statement's figures are those of the latest published
//! report that gives them; its series over time is every point the published reports give,
//! each period once; and a figure for one period must be the same in every report that gives
//! it, so nothing is typed twice with two values.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

use super::checks::{check_date, check_figures, valid_date, Measure};
use super::performance::Status;
use super::{Body, Figures, Origin, Plan, Quarter, Report, Reported, Statement};
use crate::diagnostics::{nearest, Diagnostic, Diagnostics};
use crate::parse::blanks::Blank;
use crate::parse::kinds::*;

/// A report's `_index.md`, parsed.
#[derive(Clone)]
pub(crate) struct ReportFile {
    pub id: String,
    pub front: ReportFront,
    pub intro: Body,
    pub origin: Origin,
    pub blanks: Vec<Blank>,
}

/// A statement's file in a report, parsed, with the values it leaves blank.
#[derive(Clone)]
pub(crate) struct ReportedFile {
    pub report: String,
    pub statement: String,
    pub front: ReportedFront,
    pub key_points: Body,
    pub origin: Origin,
    pub blanks: Vec<Blank>,
}

/// A report's figures with every figure or item that has a blank part left out: what a
/// draft's pages show until it is filled in.
pub(crate) fn close(front: &ReportedFront) -> Figures {
    let figure = |f: &Option<OpenFigure>| {
        f.as_ref().and_then(|f| {
            Some(Figure {
                value: f.value?,
                period: f.period.clone()?,
            })
        })
    };
    let limits = |l: &Option<OpenLimits>| {
        l.as_ref().and_then(|l| {
            Some(Limits {
                upper: l.upper?,
                lower: l.lower?,
                basis: l.basis.clone(),
            })
        })
    };
    let areas = |a: &[OpenArea]| -> Vec<AreaValue> {
        a.iter()
            .filter_map(|a| {
                Some(AreaValue {
                    area: a.area.clone()?,
                    value: a.value?,
                })
            })
            .collect()
    };
    Figures {
        latest: figure(&front.latest),
        previous: figure(&front.previous),
        baseline: figure(&front.baseline),
        change: front.change.as_ref().and_then(|c| {
            Some(Change {
                value: c.value?,
                basis: c.basis.clone()?,
            })
        }),
        direction: front.direction,
        limits: limits(&front.limits),
        areas: areas(&front.areas),
        series: front
            .series
            .iter()
            .filter_map(|p| {
                let areas = areas(&p.areas);
                (p.value.is_some() || !areas.is_empty()).then_some(())?;
                Some(SeriesPoint {
                    period: p.period.clone()?,
                    value: p.value,
                    areas,
                })
            })
            .collect(),
        breakdowns: front
            .breakdowns
            .iter()
            .filter_map(|b| {
                let items: Vec<BreakdownItem> = b
                    .items
                    .iter()
                    .filter_map(|i| {
                        Some(BreakdownItem {
                            label: i.label.clone()?,
                            value: i.value?,
                            baseline: i.baseline,
                            change: i.change,
                            limits: match &i.limits {
                                Some(_) => Some(limits(&i.limits)?),
                                None => None,
                            },
                            note: i.note.clone(),
                        })
                    })
                    .collect();
                (!items.is_empty()).then_some(())?;
                Some(Breakdown {
                    title: b.title.clone()?,
                    unit: b.unit,
                    period: b.period.clone(),
                    baseline_period: b.baseline_period.clone(),
                    items,
                })
            })
            .collect(),
        chart_only: front.chart_only.clone(),
    }
}

/// The statement's file gives figures: the first key that holds one, for pointing at it.
pub(crate) fn figure_key(front: &StatementFront) -> Option<&'static str> {
    [
        ("latest", front.latest.is_some()),
        ("previous", front.previous.is_some()),
        ("baseline", front.baseline.is_some()),
        ("change", front.change.is_some()),
        ("direction", front.direction.is_some()),
        ("limits", front.limits.is_some()),
        ("areas", !front.areas.is_empty()),
        ("series", !front.series.is_empty()),
        ("breakdowns", !front.breakdowns.is_empty()),
        ("chart_only", !front.chart_only.is_empty()),
    ]
    .into_iter()
    .find(|(_, has)| *has)
    .map(|(k, _)| k)
}

/// A period's name as compared between reports: spaces collapsed.
fn period_key(period: &str) -> String {
    period.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One figure for one period, as the agreement between reports is checked.
struct Fact {
    /// What the figure is of: "" for the force-wide figure, `area <id>`, `<breakdown> / <item>`.
    what: String,
    /// The period, spaces collapsed.
    period: String,
    value: f64,
    /// Where it is written: the key it is under and words on its line.
    key: &'static str,
    needle: String,
}

fn facts(f: &Figures) -> Vec<Fact> {
    let mut out = Vec::new();
    let mut push = |what: String, period: &str, value: f64, key: &'static str, needle: &str| {
        out.push(Fact {
            what,
            period: period_key(period),
            value,
            key,
            needle: needle.to_string(),
        })
    };
    for (key, fig) in [
        ("latest", &f.latest),
        ("previous", &f.previous),
        ("baseline", &f.baseline),
    ] {
        if let Some(fig) = fig {
            push(String::new(), &fig.period, fig.value, key, "value:");
        }
    }
    if let Some(latest) = &f.latest {
        for a in &f.areas {
            push(
                format!("area {}", a.area),
                &latest.period,
                a.value,
                "areas",
                &a.area,
            );
        }
    }
    for p in &f.series {
        if let Some(v) = p.value {
            push(String::new(), &p.period, v, "series", &p.period);
        }
        for a in &p.areas {
            push(
                format!("area {}", a.area),
                &p.period,
                a.value,
                "series",
                &p.period,
            );
        }
    }
    for b in &f.breakdowns {
        for i in &b.items {
            let what = format!("{} / {}", b.title, i.label);
            if let Some(p) = &b.period {
                push(what.clone(), p, i.value, "breakdowns", &i.label);
            }
            if let (Some(p), Some(v)) = (&b.baseline_period, i.baseline) {
                push(format!("{what} (baseline)"), p, v, "breakdowns", &i.label);
            }
        }
    }
    out
}

/// What the reports need from the rest of the plan.
pub(crate) struct Context<'a> {
    pub area_ids: &'a BTreeSet<String>,
    /// Each statement's measure (its unit, target and direction), by id.
    pub measures: HashMap<&'a str, Measure<'a>>,
    /// Each statement's own `source`, by id.
    pub sources: HashMap<&'a str, &'a str>,
}

/// Checks the reports and their files, and makes the plan's reports, oldest first.
pub(crate) fn build(
    mut files: Vec<ReportFile>,
    reported: Vec<ReportedFile>,
    ctx: &Context,
    diags: &mut Diagnostics,
) -> Vec<Report> {
    for f in &files {
        check_front(f, diags);
    }
    let mut lacks: Vec<Vec<Diagnostic>> = Vec::new();
    // Oldest first; a period given twice, or two that overlap, is an error.
    files.sort_by(|a, b| {
        a.front
            .start
            .cmp(&b.front.start)
            .then(a.front.end.cmp(&b.front.end))
            .then(a.id.cmp(&b.id))
    });
    for pair in files.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let dated =
            |f: &ReportFile| valid_date(&f.front.start, true) && valid_date(&f.front.end, true);
        if !(dated(a) && dated(b)) || b.front.start > a.front.end {
            continue;
        }
        let message = if a.front.start == b.front.start && a.front.end == b.front.end {
            format!(
                "this report is for the same period as {} ({} to {})",
                a.origin.display.display(),
                a.front.start,
                a.front.end
            )
        } else {
            format!(
                "this report's period ({} to {}) overlaps that of {} ({} to {})",
                b.front.start,
                b.front.end,
                a.origin.display.display(),
                a.front.start,
                a.front.end
            )
        };
        diags.push(
            b.origin
                .error_at("start:", message)
                .with_hint("each report covers a period of its own: correct its start and end, or remove one of the two"),
        );
    }
    let at: HashMap<&str, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.as_str(), i))
        .collect();
    let mut by_report: Vec<Vec<Reported>> = vec![Vec::new(); files.len()];
    for f in &files {
        let published = f.front.status == ReportStatus::Published;
        lacks.push(blank_problems(&f.blanks, &f.origin, published, diags));
    }
    let mut missing_folders = BTreeSet::new();
    let statement_ids: Vec<&str> = {
        let mut ids: Vec<&str> = ctx.measures.keys().copied().collect();
        ids.sort_unstable();
        ids
    };
    for file in reported {
        let Some(&i) = at.get(file.report.as_str()) else {
            if missing_folders.insert(file.report.clone()) {
                diags.push(
                    Diagnostic::new(
                        &file.origin.display,
                        0,
                        0,
                        format!("the report folder \"{}\" has no _index.md", file.report),
                    )
                    .with_hint(format!(
                        "create content/reports/{}/_index.md with the report's title, start, end and status (planpress new report {} makes one)",
                        file.report, file.report
                    )),
                );
            }
            continue;
        };
        let report = &files[i];
        let Some(measure) = ctx.measures.get(file.statement.as_str()) else {
            let d = Diagnostic::new(
                &file.origin.display,
                0,
                0,
                format!(
                    "there is no performance statement with the id \"{}\" for this report to give figures for",
                    file.statement
                ),
            );
            diags.push(match nearest(&file.statement, statement_ids.iter().copied()) {
                Some(n) => d.with_hint(format!("did you mean \"{n}\"? rename the file to {n}.md")),
                None => d.with_hint(format!(
                    "add the statement first, as content/performance/{}.md (planpress new statement \"Measure\")",
                    file.statement
                )),
            });
            continue;
        };
        let published = report.front.status == ReportStatus::Published;
        let more = blank_problems(&file.blanks, &file.origin, published, diags);
        lacks[i].extend(more);
        let figures = close(&file.front);
        check_figures(
            &figures,
            measure,
            &file.origin,
            false,
            published,
            ctx.area_ids,
            diags,
        );
        let source = file
            .front
            .source
            .clone()
            .filter(|s| !s.trim().is_empty())
            .or_else(|| report.front.source.clone().filter(|s| !s.trim().is_empty()))
            .or_else(|| {
                ctx.sources
                    .get(file.statement.as_str())
                    .map(|s| s.to_string())
                    .filter(|s| !s.trim().is_empty())
            });
        if source.is_none() && published {
            diags.push(
                Diagnostic::new(&file.origin.display, 0, 0, "these figures have no source")
                    .with_hint("give the publication they come from as \"source:\" in the report's _index.md (or in this file, when it differs)"),
            );
        }
        by_report[i].push(Reported {
            statement: file.statement,
            figures,
            source: source.unwrap_or_default(),
            key_points: file.key_points,
            origin: file.origin,
        });
    }
    let mut reports: Vec<Report> = files
        .into_iter()
        .zip(by_report)
        .zip(lacks)
        .map(|((f, mut statements), lacks)| {
            statements.sort_by(|a, b| a.statement.cmp(&b.statement));
            Report {
                id: f.id,
                title: f.front.title,
                start: f.front.start,
                end: f.front.end,
                presented: f.front.presented,
                status: f.front.status,
                intro: f.intro,
                statements,
                lacks,
                origin: f.origin,
            }
        })
        .collect();
    check_agreement(&reports, diags);
    // What a draft still lacks besides its blanks: the date it goes to the Panel, and a file
    // for each statement the report before it gave.
    for i in 0..reports.len() {
        if reports[i].is_published() {
            continue;
        }
        let mut more = Vec::new();
        let blank_date = reports[i]
            .lacks
            .iter()
            .any(|d| d.message == "to fill in: presented");
        if reports[i].presented.is_none() && !blank_date {
            more.push(
                Diagnostic::new(
                    &reports[i].origin.display,
                    reports[i].origin.front_line,
                    1,
                    "to fill in: presented, the date the report goes to the Police and Crime Panel",
                )
                .with_hint("add \"presented: YYYY-MM-DD\""),
            );
        }
        if let Some(before) = i.checked_sub(1).map(|j| &reports[j]) {
            for r in &before.statements {
                if reports[i].reported(&r.statement).is_none() {
                    more.push(
                        Diagnostic::new(
                            &reports[i].origin.display,
                            0,
                            0,
                            format!(
                                "to fill in: no figures for \"{}\", which {} gives",
                                r.statement, before.title
                            ),
                        )
                        .with_hint(format!(
                            "add content/reports/{}/{}.md",
                            reports[i].id, r.statement
                        )),
                    );
                }
            }
        }
        reports[i].lacks.extend(more);
    }
    reports
}

/// The blanks of a report's file: each an error in a published report, or else something
/// the draft lacks (returned).
fn blank_problems(
    blanks: &[Blank],
    origin: &Origin,
    published: bool,
    diags: &mut Diagnostics,
) -> Vec<Diagnostic> {
    let mut lacks = Vec::new();
    for b in blanks {
        if published {
            diags.push(
                Diagnostic::new(
                    &origin.display,
                    b.line,
                    b.column,
                    format!("\"{}\" is blank in a published report", b.describe()),
                )
                .with_hint("fill it in, or remove the line if the report gives none; a report being filled in has \"status: draft\""),
            );
        } else {
            lacks.push(Diagnostic::new(
                &origin.display,
                b.line,
                b.column,
                format!("to fill in: {}", b.describe()),
            ));
        }
    }
    lacks
}

/// Checks a report's own settings.
fn check_front(f: &ReportFile, diags: &mut Diagnostics) {
    let o = &f.origin;
    if f.front.title.trim().is_empty() {
        diags.push(
            o.error_at("title", "the report's title is empty")
                .with_hint("name the period, such as \"Quarter 1 2021/22\""),
        );
    }
    check_date(&f.front.start, "start:", o, diags, true);
    check_date(&f.front.end, "end:", o, diags, true);
    let dated = valid_date(&f.front.start, true) && valid_date(&f.front.end, true);
    if dated && f.front.end < f.front.start {
        diags.push(
            o.error_at(
                "end:",
                format!(
                    "the period ends ({}) before it starts ({})",
                    f.front.end, f.front.start
                ),
            )
            .with_hint("swap \"start\" and \"end\""),
        );
    }
    match &f.front.presented {
        Some(p) => {
            check_date(p, "presented:", o, diags, true);
            if dated && valid_date(p, true) && *p < f.front.end {
                diags.push(
                    o.error_at(
                        "presented:",
                        format!(
                            "the report is presented ({p}) before its period ends ({})",
                            f.front.end
                        ),
                    )
                    .with_hint("a report on a period is presented to the Panel after the period ends: check the dates"),
                );
            }
        }
        None if f.front.status == ReportStatus::Published => diags.push(
            o.error_at(
                "status:",
                "a published report must say when it was presented to the Panel",
            )
            .with_hint("add \"presented: YYYY-MM-DD\", the date of the Panel meeting"),
        ),
        None => {}
    }
}

/// A figure for one period must be the same in every report that gives it.
fn check_agreement(reports: &[Report], diags: &mut Diagnostics) {
    // (statement, what, period) → (value, file, line) of the first report to give it.
    let mut seen: HashMap<(&str, String, String), (f64, PathBuf, usize)> = HashMap::new();
    for report in reports {
        let mut this: HashSet<(&str, String, String)> = HashSet::new();
        for r in &report.statements {
            for fact in facts(&r.figures) {
                let key = (r.statement.as_str(), fact.what.clone(), fact.period.clone());
                let (line, column) = r.origin.locate_under(fact.key, &fact.needle);
                match seen.get(&key) {
                    Some((value, file, at)) if !this.contains(&key) && *value != fact.value => {
                        let what = if fact.what.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", fact.what)
                        };
                        diags.push(
                            Diagnostic::new(
                                &r.origin.display,
                                line,
                                column,
                                format!(
                                    "the figure for \"{}\"{what} is {} here but {} in {}:{at}",
                                    fact.period,
                                    crate::words::format_value(fact.value, Unit::Count),
                                    crate::words::format_value(*value, Unit::Count),
                                    file.display()
                                ),
                            )
                            .with_hint("a figure for one period must be the same in every report: correct the one that is wrong (a published figure revised later is changed in its own report, and planpress diff shows it as revised after publication)"),
                        );
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(key.clone(), (fact.value, r.origin.display.clone(), line));
                    }
                }
                this.insert(key);
            }
        }
    }
}

/// Gives each statement the figures of the latest published report that gives it, the
/// series of every published report, and its history report by report.
pub(crate) fn apply(reports: &[Report], statements: &mut [Statement]) {
    let mut given: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (at, report) in reports.iter().enumerate() {
        if report.is_published() {
            for r in &report.statements {
                given.entry(r.statement.as_str()).or_default().push(at);
            }
        }
    }
    for s in statements.iter_mut() {
        s.about = std::mem::take(&mut s.body);
        let Some(ats) = given.get(s.id.as_str()) else {
            continue;
        };
        let history: Vec<Quarter> = ats.iter().map(|&at| quarter(s, &reports[at], at)).collect();
        let last = *ats.last().unwrap_or(&0);
        let report = &reports[last];
        if let Some(r) = report.reported(&s.id) {
            as_reported(s, report, r);
        }
        s.series = series(reports, ats, &s.id);
        s.history = history;
    }
}

/// `s` with the figures, source and key points of `r`, given by `report`.
fn as_reported(s: &mut Statement, report: &Report, r: &Reported) {
    s.set_figures(r.figures.clone());
    s.source = r.source.clone();
    s.body = r.key_points.clone();
    s.reported_in = Some(report.id.clone());
}

/// The statement's place in one report: the report's latest figure and the status it gives.
fn quarter(s: &Statement, report: &Report, at: usize) -> Quarter {
    let mut judged = s.clone();
    let reported = report.reported(&s.id);
    if let Some(r) = reported {
        judged.set_figures(r.figures.clone());
    }
    Quarter {
        report: report.id.clone(),
        title: report.title.clone(),
        status: report.status,
        latest: reported.and_then(|r| r.figures.latest.clone()),
        judged: if reported.is_some() {
            judged.status()
        } else {
            Status::NoFigure
        },
        at,
    }
}

/// Every series point the reports at `ats` give for statement `id`, in report order, each
/// period once.
fn series(reports: &[Report], ats: &[usize], id: &str) -> Vec<SeriesPoint> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for &at in ats {
        if let Some(r) = reports[at].reported(id) {
            for p in &r.figures.series {
                if seen.insert(period_key(&p.period)) {
                    out.push(p.clone());
                }
            }
        }
    }
    out
}

impl Plan {
    /// The report with this id.
    pub fn report(&self, id: &str) -> Option<&Report> {
        self.reports.iter().find(|r| r.id == id)
    }

    /// The latest published report: the one the performance pages show.
    pub fn latest_report(&self) -> Option<&Report> {
        self.reports.iter().rev().find(|r| r.is_published())
    }

    /// The statement with this id as `report` left it: that report's figures and key points,
    /// the series of the published reports up to it (and its own), and its history up to it.
    /// Nothing a later report says changes it. `None` when the report does not give it.
    pub fn statement_in(&self, report: &Report, id: &str) -> Option<Statement> {
        let at = self.reports.iter().position(|r| r.id == report.id)?;
        let base = self
            .statements
            .binary_search_by(|s| s.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.statements[i])?;
        let r = report.reported(id)?;
        let mut s = base.clone();
        as_reported(&mut s, report, r);
        let ats: Vec<usize> = (0..=at)
            .filter(|&i| i == at || self.reports[i].is_published())
            .filter(|&i| self.reports[i].reported(id).is_some())
            .collect();
        s.series = series(&self.reports, &ats, id);
        s.history = base.history.iter().filter(|q| q.at < at).cloned().collect();
        s.history.push(quarter(&s, report, at));
        Some(s)
    }

    /// The report before `report` that gives the statement with this id and is published,
    /// with the statement as that report left it: what "what changed since the last report"
    /// compares with.
    pub fn previous_report_of(&self, report: &Report, id: &str) -> Option<(&Report, Statement)> {
        let at = self.reports.iter().position(|r| r.id == report.id)?;
        self.reports[..at]
            .iter()
            .rev()
            .filter(|r| r.is_published())
            .find_map(|r| Some((r, self.statement_in(r, id)?)))
    }
}
