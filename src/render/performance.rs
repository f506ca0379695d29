//! The words and tables that report a performance statement, shared by every output.
//!
//! A statement's status comes from the model ([`crate::plan::performance`]); the sentences
//! that summarise it or a chart, and the tables of figures behind each chart, are built here
//! once from the model, and each output only lays them out. [`crate::render::chart`] draws
//! the charts described here.

use serde::Serialize;

use crate::parse::kinds::{Better, Breakdown, Figure, Unit};
use crate::plan::performance::{against_limits, against_target, percent_change, Status};
use crate::plan::{Plan, Statement};
use crate::words::{
    change_in_words, decimals_for, format_change, format_fixed, format_value, MONTHS,
};

impl Statement {
    /// A figure in this statement's unit, as readers see it, with as many decimal places as
    /// the statement's most precise figure, so figures read alike: `24.0%` beside `18.1%`.
    pub fn format(&self, v: f64) -> String {
        format_fixed(v, self.unit, self.decimals())
    }

    /// A target or limit as readers see it, without padding decimals: `25%`.
    pub fn format_reference(&self, v: f64) -> String {
        format_value(v, self.unit)
    }

    /// One sentence giving the status and the figures it rests on, e.g. "Not met: the latest
    /// figure, 76%, is below the target of 80%."
    pub fn status_sentence(&self) -> String {
        let status = self.status();
        let label = status.label();
        let latest = self.latest.as_ref().map(|f| self.format(f.value));
        if let Some(t) = self.target.value {
            let target = self.format_reference(t);
            return match (status, latest) {
                (Status::NoFigure, _) | (_, None) => format!(
                    "{label}: there is no latest figure to judge against the target of {target}."
                ),
                (_, Some(l)) => {
                    let v = self.latest.as_ref().map_or(0.0, |f| f.value);
                    let relation = if v == t {
                        "equals".to_string()
                    } else if v > t {
                        "is above".to_string()
                    } else {
                        "is below".to_string()
                    };
                    format!("{label}: the latest figure, {l}, {relation} the target of {target}.")
                }
            };
        }
        if let Some(t) = self.target.change {
            let basis = self
                .change
                .as_ref()
                .map(|c| c.basis.clone())
                .or_else(|| self.baseline.as_ref().map(|b| format!("on {}", b.period)));
            let basis = basis.map_or(String::new(), |b| format!(" ({b})"));
            return match self.achieved_change() {
                Some(c) => format!(
                    "{label}: {}{basis} against a target of {}.",
                    change_in_words(c),
                    change_in_words(t)
                ),
                None => format!(
                    "{label}: there is no figure to judge against the target of {}.",
                    change_in_words(t)
                ),
            };
        }
        if let Some(l) = &self.limits {
            let (lower, upper) = (
                self.format_reference(l.lower),
                self.format_reference(l.upper),
            );
            return match latest {
                Some(v) => {
                    let place = match status {
                        Status::AboveUpperLimit => "above",
                        Status::BelowLowerLimit => "below",
                        _ => "within",
                    };
                    format!(
                        "{label}: the latest figure, {v}, is {place} the control limits of {lower} to {upper}."
                    )
                }
                None => format!(
                    "{label}: there is no latest figure to place against the control limits of {lower} to {upper}."
                ),
            };
        }
        match latest {
            Some(l) => format!(
                "{label}: what good looks like is described in words, so the latest figure, {l}, is not judged against a number."
            ),
            None => format!("{label}: what good looks like is described in words."),
        }
    }

    /// The latest figure in words, or a note that there is none: "76% (Rolling 6 months,
    /// January to June 2021)".
    pub fn latest_text(&self) -> Option<String> {
        self.latest.as_ref().map(|f| self.figure_text(f))
    }

    /// A figure with its period: "74% (Rolling 6 months, October 2020 to March 2021)".
    pub fn figure_text(&self, f: &Figure) -> String {
        format!("{} ({})", self.format(f.value), f.period)
    }

    /// The blocks of figures to show for this statement, each with a summary sentence and a
    /// table, and a chart where one helps: by area, over time, against control limits, and one
    /// per breakdown.
    pub fn figure_blocks(&self, plan: &Plan) -> Vec<FigureBlock> {
        let mut blocks = Vec::new();
        if let Some(b) = self.by_area(plan) {
            blocks.push(b);
        }
        if let Some(b) = self.over_time(plan) {
            blocks.push(b);
        }
        if let Some(b) = self.against_limits_block() {
            blocks.push(b);
        }
        for (i, b) in self.breakdowns.iter().enumerate() {
            blocks.push(self.breakdown_block(i, b));
        }
        blocks
    }

    fn target_reference(&self, unit: Unit) -> Option<Reference> {
        self.target.value.map(|t| Reference {
            kind: ReferenceKind::Target,
            label: format!("Target {}", format_value(t, unit)),
            value: t,
        })
    }

    fn by_area(&self, plan: &Plan) -> Option<FigureBlock> {
        if self.areas.len() < 2 {
            return None;
        }
        // Plan order, so every statement lists the areas the same way.
        let mut areas: Vec<(&str, f64)> = plan
            .meta
            .areas
            .iter()
            .filter_map(|a| {
                self.areas
                    .iter()
                    .find(|v| v.area == a.id)
                    .map(|v| (a.name.as_str(), v.value))
            })
            .collect();
        if areas.len() != self.areas.len() {
            areas = self
                .areas
                .iter()
                .map(|v| (plan.area_name(&v.area), v.value))
                .collect();
        }
        let mut categories: Vec<String> = areas.iter().map(|(n, _)| n.to_string()).collect();
        let mut values: Vec<Option<f64>> = areas.iter().map(|(_, v)| Some(*v)).collect();
        let mut total = None;
        if let Some(l) = &self.latest {
            total = Some(categories.len());
            categories.push(FORCE_WIDE.to_string());
            values.push(Some(l.value));
        }
        let period = self.latest.as_ref().map(|f| f.period.as_str());
        let title = match period {
            Some(p) => format!(
                "{} by local policing area, {}",
                self.measure,
                lower_first(p)
            ),
            None => format!("{} by local policing area", self.measure),
        };
        // The one-sentence summary: force against target, then the lowest and highest area.
        let mut parts = Vec::new();
        if let Some(l) = &self.latest {
            let mut s = format!("Force-wide {}", self.format(l.value));
            if let Some(t) = self.target.value {
                s.push_str(&format!(
                    " against a target of {}",
                    self.format_reference(t)
                ));
            }
            parts.push(s);
        }
        let lowest = areas.iter().min_by(|a, b| a.1.total_cmp(&b.1));
        let highest = areas.iter().max_by(|a, b| a.1.total_cmp(&b.1));
        if let (Some(lo), Some(hi)) = (lowest, highest) {
            let lo_text = format!("{} lowest at {}", lo.0, self.format(lo.1));
            let hi_text = format!("{} highest at {}", hi.0, self.format(hi.1));
            // Lead with the area that most needs attention.
            parts.push(match self.better {
                Better::Lower => format!("{hi_text} and {lo_text}"),
                _ => format!("{lo_text} and {hi_text}"),
            });
            if let Some(t) = self.target.value {
                let meeting = areas
                    .iter()
                    .filter(|(_, v)| against_target(Some(*v), t, self.better) == Status::Met)
                    .count();
                parts.push(format!(
                    "{meeting} of {} areas {} the target",
                    areas.len(),
                    if meeting == 1 { "meets" } else { "meet" }
                ));
            }
        }
        let summary = format!("{}.", parts.join("; "));
        let column = match period {
            Some(p) => p.to_string(),
            None => "Figure".to_string(),
        };
        let mut rows: Vec<TableRow> = categories
            .iter()
            .zip(&values)
            .map(|(c, v)| TableRow {
                header: c.clone(),
                cells: vec![v.map_or(String::new(), |v| self.format(v))],
            })
            .collect();
        if let Some(t) = self.target.value {
            for (row, v) in rows.iter_mut().zip(&values) {
                row.cells
                    .push(against_target(*v, t, self.better).label().to_string());
            }
        }
        let mut head = vec!["Local policing area".to_string(), column];
        if self.target.value.is_some() {
            head.push("Against the target".to_string());
        }
        let foot = self
            .target
            .value
            .map(|t| {
                let mut cells = vec![self.format_reference(t)];
                cells.push(String::new());
                TableRow {
                    header: "Target".to_string(),
                    cells,
                }
            })
            .into_iter()
            .collect();
        Some(FigureBlock {
            id: "by-area".to_string(),
            heading: "By local policing area".to_string(),
            title: title.clone(),
            summary: summary.clone(),
            chart: Some(ChartSpec {
                kind: ChartKind::Bars,
                title,
                summary,
                unit: self.unit,
                decimals: self.decimals(),
                category_axis: "Local policing area".to_string(),
                value_axis: self.unit.label().to_string(),
                categories,
                series: vec![ChartSeries {
                    name: self.measure.clone(),
                    values,
                }],
                total,
                references: self.target_reference(self.unit).into_iter().collect(),
            }),
            table: DataTable {
                caption: format!("{}: figures by local policing area", self.measure),
                numeric: (0..head.len() - 1).map(|i| i == 0).collect(),
                head,
                rows,
                foot,
            },
        })
    }

    fn over_time(&self, plan: &Plan) -> Option<FigureBlock> {
        if self.series.len() < 2 {
            return None;
        }
        let periods: Vec<String> = self.series.iter().map(|p| p.period.clone()).collect();
        let force: Vec<Option<f64>> = self.series.iter().map(|p| p.value).collect();
        // Areas that appear anywhere in the series, in plan order.
        let area_ids: Vec<&str> = plan
            .meta
            .areas
            .iter()
            .map(|a| a.id.as_str())
            .filter(|id| {
                self.series
                    .iter()
                    .any(|p| p.areas.iter().any(|v| v.area == *id))
            })
            .collect();
        let area_values = |id: &str| -> Vec<Option<f64>> {
            self.series
                .iter()
                .map(|p| p.areas.iter().find(|v| v.area == id).map(|v| v.value))
                .collect()
        };
        // The chart draws the force-wide line when there is one, else one line per area.
        let mut lines = Vec::new();
        if force.iter().any(Option::is_some) {
            lines.push(ChartSeries {
                name: FORCE_WIDE.to_string(),
                values: force.clone(),
            });
        } else {
            for id in &area_ids {
                lines.push(ChartSeries {
                    name: plan.area_name(id).to_string(),
                    values: area_values(id),
                });
            }
        }
        let title = format!(
            "{} over time, {} to {}",
            self.measure,
            lower_first(&periods[0]),
            lower_first(&periods[periods.len() - 1])
        );
        let summary = self.series_summary(&lines, &periods);
        // The table: one row per period, a column for force-wide and each area.
        let mut head = vec!["Period".to_string()];
        let has_force = force.iter().any(Option::is_some);
        if has_force {
            head.push(FORCE_WIDE.to_string());
        }
        head.extend(area_ids.iter().map(|id| plan.area_name(id).to_string()));
        let rows = self
            .series
            .iter()
            .map(|p| {
                let mut cells = Vec::new();
                if has_force {
                    cells.push(p.value.map_or(String::new(), |v| self.format(v)));
                }
                for id in &area_ids {
                    cells.push(
                        p.areas
                            .iter()
                            .find(|v| v.area == *id)
                            .map_or(String::new(), |v| self.format(v.value)),
                    );
                }
                TableRow {
                    header: p.period.clone(),
                    cells,
                }
            })
            .collect();
        let foot = self
            .target
            .value
            .map(|t| TableRow {
                header: "Target".to_string(),
                cells: {
                    let mut c = vec![self.format_reference(t)];
                    c.resize(head.len() - 1, String::new());
                    c
                },
            })
            .into_iter()
            .collect();
        Some(FigureBlock {
            id: "over-time".to_string(),
            heading: "Over time".to_string(),
            title: title.clone(),
            summary: summary.clone(),
            chart: Some(ChartSpec {
                kind: ChartKind::Lines,
                title,
                summary,
                unit: self.unit,
                decimals: self.decimals(),
                category_axis: "Period".to_string(),
                value_axis: self.unit.label().to_string(),
                categories: periods,
                series: lines,
                total: None,
                references: self.target_reference(self.unit).into_iter().collect(),
            }),
            table: DataTable {
                caption: format!("{}: figures for each period", self.measure),
                numeric: vec![true; head.len() - 1],
                head,
                rows,
                foot,
            },
        })
    }

    fn series_summary(&self, lines: &[ChartSeries], periods: &[String]) -> String {
        let mut parts = Vec::new();
        for line in lines {
            let points: Vec<(usize, f64)> = line
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| (i, v)))
                .collect();
            let (Some(first), Some(last)) = (points.first(), points.last()) else {
                continue;
            };
            let mut s = format!(
                "{} {} in {} and {} in {}",
                line.name,
                self.format(first.1),
                periods[first.0],
                self.format(last.1),
                periods[last.0]
            );
            if let Some(t) = self.target.value {
                let met = points
                    .iter()
                    .filter(|(_, v)| against_target(Some(*v), t, self.better) == Status::Met)
                    .count();
                s.push_str(&format!(
                    ", meeting the target of {} in {met} of {} periods",
                    self.format_reference(t),
                    points.len()
                ));
            }
            parts.push(s);
        }
        if parts.is_empty() {
            "No figures.".to_string()
        } else {
            format!("{}.", parts.join("; "))
        }
    }

    fn against_limits_block(&self) -> Option<FigureBlock> {
        let (limits, latest) = (self.limits.as_ref()?, self.latest.as_ref()?);
        let mut points: Vec<&Figure> = Vec::new();
        points.extend(self.baseline.as_ref());
        points.extend(self.previous.as_ref());
        points.push(latest);
        let status = against_limits(latest.value, limits);
        let mut summary = format!(
            "{} in {}, {}",
            self.format(latest.value),
            latest.period,
            match status {
                Status::AboveUpperLimit => format!(
                    "above the upper control limit of {}",
                    self.format_reference(limits.upper)
                ),
                Status::BelowLowerLimit => format!(
                    "below the lower control limit of {}",
                    self.format_reference(limits.lower)
                ),
                _ => format!(
                    "within the control limits of {} to {}",
                    self.format_reference(limits.lower),
                    self.format_reference(limits.upper)
                ),
            }
        );
        if let Some(b) = &self.baseline {
            summary.push_str(&format!("; {} in {}", self.format(b.value), b.period));
            if let Some(c) = self.achieved_change() {
                summary.push_str(&format!(" ({})", change_in_words(c)));
            }
        }
        summary.push('.');
        let title = format!("{}: figures against the control limits", self.measure);
        let rows = points
            .iter()
            .map(|f| TableRow {
                header: f.period.clone(),
                cells: vec![
                    self.format(f.value),
                    against_limits(f.value, limits).label().to_string(),
                ],
            })
            .collect();
        let foot = vec![
            TableRow {
                header: "Upper control limit".to_string(),
                cells: vec![self.format_reference(limits.upper), String::new()],
            },
            TableRow {
                header: "Lower control limit".to_string(),
                cells: vec![self.format_reference(limits.lower), String::new()],
            },
        ];
        Some(FigureBlock {
            id: "against-limits".to_string(),
            heading: "Against the control limits".to_string(),
            title: title.clone(),
            summary: summary.clone(),
            chart: Some(ChartSpec {
                kind: ChartKind::Bars,
                title,
                summary,
                unit: self.unit,
                decimals: self.decimals(),
                category_axis: "Period".to_string(),
                value_axis: self.unit.label().to_string(),
                categories: points.iter().map(|f| f.period.clone()).collect(),
                series: vec![ChartSeries {
                    name: self.measure.clone(),
                    values: points.iter().map(|f| Some(f.value)).collect(),
                }],
                total: None,
                references: vec![
                    Reference {
                        kind: ReferenceKind::Upper,
                        label: format!("Upper limit {}", self.format_reference(limits.upper)),
                        value: limits.upper,
                    },
                    Reference {
                        kind: ReferenceKind::Lower,
                        label: format!("Lower limit {}", self.format_reference(limits.lower)),
                        value: limits.lower,
                    },
                ],
            }),
            table: DataTable {
                caption: format!("{}: figures and control limits", self.measure),
                numeric: vec![true, false],
                head: vec![
                    "Period".to_string(),
                    self.unit.label().to_string(),
                    "Against the control limits".to_string(),
                ],
                rows,
                foot,
            },
        })
    }

    fn breakdown_block(&self, index: usize, b: &Breakdown) -> FigureBlock {
        let unit = b.unit.unwrap_or(self.unit);
        let decimals = breakdown_decimals(b);
        let fmt = |v: f64| format_fixed(v, unit, decimals);
        let has = |f: fn(&crate::parse::kinds::BreakdownItem) -> bool| b.items.iter().any(f);
        let (has_baseline, has_change, has_limits, has_note) = (
            has(|i| i.baseline.is_some()),
            has(|i| i.change.is_some()),
            has(|i| i.limits.is_some()),
            has(|i| i.note.is_some()),
        );
        let mut head = vec![b.title.clone()];
        head.push(b.period.clone().unwrap_or_else(|| unit.label().to_string()));
        if has_baseline {
            head.push(
                b.baseline_period
                    .clone()
                    .unwrap_or_else(|| "Baseline".to_string()),
            );
        }
        if has_change {
            head.push("Change".to_string());
        }
        if has_limits {
            head.extend([
                "Lower control limit".to_string(),
                "Upper control limit".to_string(),
                "Against the control limits".to_string(),
            ]);
        }
        if has_note {
            head.push("Note".to_string());
        }
        // Figures line up on the right; words (the judgement, the note) read from the left.
        let mut numeric = vec![true];
        numeric.extend(std::iter::repeat_n(
            true,
            usize::from(has_baseline) + usize::from(has_change),
        ));
        if has_limits {
            numeric.extend([true, true, false]);
        }
        if has_note {
            numeric.push(false);
        }
        let rows = b
            .items
            .iter()
            .map(|i| {
                let mut cells = vec![fmt(i.value)];
                if has_baseline {
                    cells.push(i.baseline.map_or(String::new(), fmt));
                }
                if has_change {
                    cells.push(i.change.map_or(String::new(), format_change));
                }
                if has_limits {
                    match &i.limits {
                        Some(l) => cells.extend([
                            format_value(l.lower, unit),
                            format_value(l.upper, unit),
                            against_limits(i.value, l).label().to_string(),
                        ]),
                        None => cells.extend([String::new(), String::new(), String::new()]),
                    }
                }
                if has_note {
                    cells.push(i.note.clone().unwrap_or_default());
                }
                TableRow {
                    header: i.label.clone(),
                    cells,
                }
            })
            .collect();
        let title = match &b.period {
            Some(p) => format!("{}, {}", b.title, lower_first(p)),
            None => b.title.clone(),
        };
        let summary = breakdown_summary(b, unit);
        // A chart helps when there are a few items on one scale; a long table of categories
        // with limits reads better as a table alone.
        let chart = (b.items.len() >= 2 && b.items.len() <= 12 && !has_limits).then(|| ChartSpec {
            kind: ChartKind::Bars,
            title: title.clone(),
            summary: summary.clone(),
            unit,
            decimals,
            category_axis: b.title.clone(),
            value_axis: unit.label().to_string(),
            categories: b.items.iter().map(|i| i.label.clone()).collect(),
            series: vec![ChartSeries {
                name: b.title.clone(),
                values: b.items.iter().map(|i| Some(i.value)).collect(),
            }],
            total: None,
            references: Vec::new(),
        });
        FigureBlock {
            id: format!("breakdown-{}", index + 1),
            heading: b.title.clone(),
            title,
            summary,
            chart,
            table: DataTable {
                caption: b.title.clone(),
                head,
                numeric,
                rows,
                foot: Vec::new(),
            },
        }
    }
}

impl Statement {
    /// The latest figure in each report of its history, as a line over the reports, when
    /// two or more of them give one. Its title and summary name the reports.
    pub fn trend_chart(&self) -> Option<ChartSpec> {
        let points: Vec<(&str, f64)> = self
            .history
            .iter()
            .filter_map(|q| q.latest.as_ref().map(|f| (q.title.as_str(), f.value)))
            .collect();
        if points.len() < 2 {
            return None;
        }
        let categories: Vec<String> = self.history.iter().map(|q| q.title.clone()).collect();
        let values: Vec<Option<f64>> = self
            .history
            .iter()
            .map(|q| q.latest.as_ref().map(|f| f.value))
            .collect();
        let decimals = decimals_for(values.iter().flatten().copied()).max(self.decimals());
        let fmt = |v: f64| format_fixed(v, self.unit, decimals);
        let (first, last) = (points[0], points[points.len() - 1]);
        let mut summary = format!(
            "{} in {} and {} in {}",
            fmt(first.1),
            first.0,
            fmt(last.1),
            last.0
        );
        if let Some(t) = self.target.value {
            let met = points
                .iter()
                .filter(|(_, v)| against_target(Some(*v), t, self.better) == Status::Met)
                .count();
            summary.push_str(&format!(
                ", meeting the target of {} in {met} of {} reports",
                self.format_reference(t),
                points.len()
            ));
        }
        summary.push('.');
        Some(ChartSpec {
            kind: ChartKind::Lines,
            title: format!("{}: the latest figure in each report", self.measure),
            summary,
            unit: self.unit,
            decimals,
            category_axis: "Report".to_string(),
            value_axis: self.unit.label().to_string(),
            categories,
            series: vec![ChartSeries {
                name: self.measure.clone(),
                values,
            }],
            total: None,
            references: self.target_reference(self.unit).into_iter().collect(),
        })
    }
}

/// How a statement moved from one report to the next, as data a template puts in words.
#[derive(Debug, Clone, Serialize)]
pub struct SinceLast {
    /// The earlier report's title.
    pub since: String,
    /// Its latest figure, as readers see it.
    pub from: Option<String>,
    /// The later report's latest figure.
    pub to: Option<String>,
    /// `up`, `down` or `level` when both give a figure, else empty.
    pub movement: &'static str,
    /// The size of the change in per cent, without a sign ("6%"), when it can be worked out.
    pub change: Option<String>,
    /// The status in the earlier report.
    pub status_from: Status,
    /// The status in the later one.
    pub status_to: Status,
    /// Of the breakdown items both give (matched by breakdown and label), how many rose,
    /// fell or stayed level.
    pub items_up: usize,
    /// See `items_up`.
    pub items_down: usize,
    /// See `items_up`.
    pub items_level: usize,
    /// True when the control limits differ between the two.
    pub limits_changed: bool,
}

/// How `now` moved since `before`, the same statement as an earlier report gave it.
pub fn since_last(since: &str, before: &Statement, now: &Statement) -> SinceLast {
    let from = before.latest.as_ref().map(|f| f.value);
    let to = now.latest.as_ref().map(|f| f.value);
    let decimals = before.decimals().max(now.decimals());
    let fmt = |v: f64| format_fixed(v, now.unit, decimals);
    let movement = match (from, to) {
        (Some(a), Some(b)) if b > a => "up",
        (Some(a), Some(b)) if b < a => "down",
        (Some(_), Some(_)) => "level",
        _ => "",
    };
    // A change in a percentage is said in points, which the figures already show.
    let change = match (from, to) {
        (Some(a), Some(b)) if now.unit != Unit::Percent && a != b => {
            percent_change(a, b).map(|c| format!("{}%", format_value(c.abs().round(), Unit::Count)))
        }
        _ => None,
    };
    let (mut up, mut down, mut level) = (0, 0, 0);
    for b in &now.breakdowns {
        let Some(old) = before.breakdowns.iter().find(|o| o.title == b.title) else {
            continue;
        };
        for i in &b.items {
            if let Some(o) = old.items.iter().find(|o| o.label == i.label) {
                match i.value.total_cmp(&o.value) {
                    std::cmp::Ordering::Greater => up += 1,
                    std::cmp::Ordering::Less => down += 1,
                    std::cmp::Ordering::Equal => level += 1,
                }
            }
        }
    }
    let limits = |s: &Statement| s.limits.as_ref().map(|l| (l.lower, l.upper));
    SinceLast {
        since: since.to_string(),
        from: from.map(fmt),
        to: to.map(fmt),
        movement,
        change,
        status_from: before.status(),
        status_to: now.status(),
        items_up: up,
        items_down: down,
        items_level: level,
        limits_changed: limits(before).is_some()
            && limits(now).is_some()
            && limits(before) != limits(now),
    }
}

/// The decimal places a breakdown's figures need.
fn breakdown_decimals(b: &Breakdown) -> usize {
    decimals_for(
        b.items
            .iter()
            .flat_map(|i| std::iter::once(i.value).chain(i.baseline)),
    )
}

fn breakdown_summary(b: &Breakdown, unit: Unit) -> String {
    let decimals = breakdown_decimals(b);
    let fmt = |v: f64| format_fixed(v, unit, decimals);
    let n = b.items.len();
    if b.items.iter().any(|i| i.limits.is_some()) {
        let judged: Vec<(&str, Status)> = b
            .items
            .iter()
            .filter_map(|i| {
                i.limits
                    .as_ref()
                    .map(|l| (i.label.as_str(), against_limits(i.value, l)))
            })
            .collect();
        let names = |s: Status| -> Vec<&str> {
            judged
                .iter()
                .filter(|(_, st)| *st == s)
                .map(|(n, _)| *n)
                .collect()
        };
        let above = names(Status::AboveUpperLimit);
        let below = names(Status::BelowLowerLimit);
        let within = names(Status::WithinLimits).len();
        let mut s = format!(
            "Of the {} items with control limits, {} {} above the upper limit, {within} within and {} below the lower limit",
            judged.len(),
            above.len(),
            if above.len() == 1 { "is" } else { "are" },
            below.len()
        );
        if !above.is_empty() {
            s.push_str(&format!("; above: {}", above.join(", ")));
        }
        if !below.is_empty() {
            s.push_str(&format!("; below: {}", below.join(", ")));
        }
        s.push('.');
        return s;
    }
    let hi = b.items.iter().max_by(|a, b| a.value.total_cmp(&b.value));
    let lo = b.items.iter().min_by(|a, b| a.value.total_cmp(&b.value));
    match (hi, lo) {
        (Some(h), Some(l)) if n >= 2 => format!(
            "Highest: {} at {}; lowest: {} at {}.",
            h.label,
            fmt(h.value),
            l.label,
            fmt(l.value)
        ),
        (Some(h), _) => format!("{} at {}.", h.label, fmt(h.value)),
        _ => "No figures.".to_string(),
    }
}

/// The name used for the whole force's figure in charts and tables.
pub const FORCE_WIDE: &str = "Force-wide";

/// A group of figures shown together: a summary sentence, a table, and a chart where one helps.
#[derive(Debug, Clone, Serialize)]
pub struct FigureBlock {
    /// An id for anchors, unique within the statement: `by-area`, `over-time`...
    pub id: String,
    /// The section heading.
    pub heading: String,
    /// The full title, naming the measure and period.
    pub title: String,
    /// One sentence written from the figures.
    pub summary: String,
    /// The chart, when one helps.
    pub chart: Option<ChartSpec>,
    /// Every figure, as a table.
    pub table: DataTable,
}

/// What a chart shows, independent of how it is drawn.
#[derive(Debug, Clone, Serialize)]
pub struct ChartSpec {
    /// Bars or lines.
    pub kind: ChartKind,
    /// The chart's title.
    pub title: String,
    /// One sentence written from the figures.
    pub summary: String,
    /// The unit of the values.
    pub unit: Unit,
    /// Decimal places for the values' labels.
    pub decimals: usize,
    /// The category axis title ("Local policing area", "Period").
    pub category_axis: String,
    /// The value axis title ("Per cent", "Number").
    pub value_axis: String,
    /// One label per category, in order.
    pub categories: Vec<String>,
    /// The values: one series for bars, one or more lines.
    pub series: Vec<ChartSeries>,
    /// The category that is the force-wide total, drawn with a pattern.
    pub total: Option<usize>,
    /// Lines to compare with: a target or control limits.
    pub references: Vec<Reference>,
}

/// Bars or lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChartKind {
    /// One bar per category.
    Bars,
    /// Lines across the categories (periods).
    Lines,
}

/// One series of values, one per category.
#[derive(Debug, Clone, Serialize)]
pub struct ChartSeries {
    /// Its name, used as its direct label.
    pub name: String,
    /// Values, one per category; `None` where there is no figure.
    pub values: Vec<Option<f64>>,
}

/// A line to compare the values with.
#[derive(Debug, Clone, Serialize)]
pub struct Reference {
    /// What it is.
    pub kind: ReferenceKind,
    /// Its direct label: "Target 25%".
    pub label: String,
    /// Where it is.
    pub value: f64,
}

/// What a reference line means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceKind {
    /// The target.
    Target,
    /// The upper control limit.
    Upper,
    /// The lower control limit.
    Lower,
}

impl ReferenceKind {
    /// A CSS-friendly name.
    pub fn id(self) -> &'static str {
        match self {
            ReferenceKind::Target => "target",
            ReferenceKind::Upper => "upper",
            ReferenceKind::Lower => "lower",
        }
    }
}

/// A table of figures, already formatted for readers.
#[derive(Debug, Clone, Serialize)]
pub struct DataTable {
    /// The caption.
    pub caption: String,
    /// Column headings, the first one heading the row headers.
    pub head: Vec<String>,
    /// For each column after the row headers, true when it holds figures (aligned right, so
    /// they line up) rather than words (aligned left, so they read).
    pub numeric: Vec<bool>,
    /// The rows.
    pub rows: Vec<TableRow>,
    /// Rows for reference values (target, limits), shown after the figures.
    pub foot: Vec<TableRow>,
}

/// One table row: a header cell and data cells.
#[derive(Debug, Clone, Serialize)]
pub struct TableRow {
    /// The row header.
    pub header: String,
    /// The data cells.
    pub cells: Vec<String>,
}

/// "Year to date 2021/22" → "year to date 2021/22", but "April 2021" stays as it is.
fn lower_first(text: &str) -> String {
    let mut words = text.split(' ');
    let first = words.next().unwrap_or("");
    let is_name = MONTHS.contains(&first)
        || first == "Quarter"
        || first.chars().skip(1).any(|c| c.is_uppercase());
    if is_name {
        return text.to_string();
    }
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_lose_a_leading_capital_unless_it_is_a_name() {
        assert_eq!(lower_first("Year to date 2021/22"), "year to date 2021/22");
        assert_eq!(lower_first("April 2021"), "April 2021");
        assert_eq!(lower_first("Quarter 1 2021/22"), "Quarter 1 2021/22");
        assert_eq!(lower_first("CSEW 2020"), "CSEW 2020");
    }
}
