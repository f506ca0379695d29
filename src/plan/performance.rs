//! Judging a performance statement, and the words and tables that report it.
//!
//! A statement's status is worked out here from its figures and its target or control
//! limits, never typed in by hand, so the website, the large-print edition and the open data
//! always agree. The same goes for the sentences that summarise a statement or a chart and for
//! the tables of figures behind each chart: they are built once from the model, and each
//! output only lays them out. [`crate::render::chart`] draws the charts described here.

use serde::Serialize;

use super::{Plan, Statement};
use crate::parse::kinds::{Better, Breakdown, Figure, Limits, Unit};

/// How a statement stands against what good looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The latest figure meets the numeric target (exactly on target counts as met).
    Met,
    /// The latest figure misses the numeric target.
    NotMet,
    /// The latest figure lies between the control limits (a figure on a limit is within).
    WithinLimits,
    /// The latest figure is above the upper control limit.
    AboveUpperLimit,
    /// The latest figure is below the lower control limit.
    BelowLowerLimit,
    /// The target is in words only, so there is nothing to judge a figure against.
    NoNumericTarget,
    /// There is a numeric target or control limits, but no figure to judge.
    NoFigure,
}

impl Status {
    /// Every status, in the order reports list them.
    pub const ALL: [Status; 7] = [
        Status::Met,
        Status::NotMet,
        Status::AboveUpperLimit,
        Status::WithinLimits,
        Status::BelowLowerLimit,
        Status::NoNumericTarget,
        Status::NoFigure,
    ];

    /// The status in words.
    pub fn label(self) -> &'static str {
        match self {
            Status::Met => "Met",
            Status::NotMet => "Not met",
            Status::WithinLimits => "Within control limits",
            Status::AboveUpperLimit => "Above upper control limit",
            Status::BelowLowerLimit => "Below lower control limit",
            Status::NoNumericTarget => "No numeric target",
            Status::NoFigure => "No figure published",
        }
    }

    /// A shape that goes with the words (never instead of them).
    pub fn icon(self) -> &'static str {
        match self {
            Status::Met => "✔",
            Status::NotMet => "✘",
            Status::WithinLimits => "●",
            Status::AboveUpperLimit => "▲",
            Status::BelowLowerLimit => "▼",
            Status::NoNumericTarget => "◇",
            Status::NoFigure => "?",
        }
    }

    /// A stable id for data files and CSS classes: `met`, `not-met`, `above-upper-limit`...
    pub fn id(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not-met",
            Status::WithinLimits => "within-limits",
            Status::AboveUpperLimit => "above-upper-limit",
            Status::BelowLowerLimit => "below-lower-limit",
            Status::NoNumericTarget => "no-numeric-target",
            Status::NoFigure => "no-figure",
        }
    }
}

/// Judges `value` against a numeric `target`. Exactly on target is met. `Better::None` gives
/// no judgement (validation refuses a numeric target without a direction).
pub fn against_target(value: Option<f64>, target: f64, better: Better) -> Status {
    match (value, better) {
        (_, Better::None) => Status::NoNumericTarget,
        (None, _) => Status::NoFigure,
        (Some(v), Better::Higher) if v >= target => Status::Met,
        (Some(v), Better::Lower) if v <= target => Status::Met,
        (Some(_), _) => Status::NotMet,
    }
}

/// Places `value` against control limits; a figure on a limit is within it.
pub fn against_limits(value: f64, limits: &Limits) -> Status {
    if value > limits.upper {
        Status::AboveUpperLimit
    } else if value < limits.lower {
        Status::BelowLowerLimit
    } else {
        Status::WithinLimits
    }
}

/// The percentage change from `from` to `to`, when `from` is not zero.
pub fn percent_change(from: f64, to: f64) -> Option<f64> {
    (from != 0.0).then(|| (to - from) / from.abs() * 100.0)
}

impl Statement {
    /// The change achieved: the published change if there is one, else the change from the
    /// baseline to the latest figure.
    pub fn achieved_change(&self) -> Option<f64> {
        self.change
            .as_ref()
            .map(|c| c.value)
            .or_else(|| match (&self.baseline, &self.latest) {
                (Some(b), Some(l)) => percent_change(b.value, l.value),
                _ => None,
            })
    }

    /// The statement's status, from its figures and its target or control limits. A numeric
    /// target takes precedence over control limits.
    pub fn status(&self) -> Status {
        let latest = self.latest.as_ref().map(|f| f.value);
        if let Some(t) = self.target.value {
            return against_target(latest, t, self.better);
        }
        if let Some(t) = self.target.change {
            return against_target(self.achieved_change(), t, self.better);
        }
        match (&self.limits, latest) {
            (Some(l), Some(v)) => against_limits(v, l),
            (Some(_), None) => Status::NoFigure,
            (None, _) => Status::NoNumericTarget,
        }
    }

    /// True when the statement has a target given as a number or a change.
    pub fn has_numeric_target(&self) -> bool {
        self.target.value.is_some() || self.target.change.is_some()
    }

    /// A figure in this statement's unit, as readers see it, with as many decimal places as
    /// the statement's most precise figure, so figures read alike: `24.0%` beside `18.1%`.
    pub fn format(&self, v: f64) -> String {
        format_fixed(v, self.unit, self.decimals())
    }

    /// The decimal places the statement's own figures need (targets and limits excluded).
    pub fn decimals(&self) -> usize {
        let mut values: Vec<f64> = Vec::new();
        for f in [&self.latest, &self.previous, &self.baseline]
            .into_iter()
            .flatten()
        {
            values.push(f.value);
        }
        values.extend(self.areas.iter().map(|a| a.value));
        for p in &self.series {
            values.extend(p.value);
            values.extend(p.areas.iter().map(|a| a.value));
        }
        decimals_for(values)
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
                Some(v) => format!(
                    "{label}: the latest figure, {v}, against a lower limit of {lower} and an upper limit of {upper}."
                ),
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
                    "{meeting} of {} areas meet the target",
                    areas.len()
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
        let title = format!("{} against its control limits", self.measure);
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
                rows,
                foot: Vec::new(),
            },
        }
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
            "Of {} with control limits, {} above the upper limit, {within} within and {} below the lower limit",
            judged.len(),
            above.len(),
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

/// A change in per cent in words: "a 29% reduction", "a 56% increase", "no change".
pub fn change_in_words(change: f64) -> String {
    let n = format_value(change.abs(), Unit::Count);
    if change < 0.0 {
        format!("a {n}% reduction")
    } else if change > 0.0 {
        format!("a {n}% increase")
    } else {
        "no change".to_string()
    }
}

/// A change in per cent with its sign: "+56%", "-29%", "0%".
pub fn format_change(change: f64) -> String {
    let n = format_value(change.abs(), Unit::Count);
    if change > 0.0 {
        format!("+{n}%")
    } else if change < 0.0 {
        format!("-{n}%")
    } else {
        "0%".to_string()
    }
}

/// A figure as readers see it: `24.2%`, `1,234`, `12 seconds`. Up to two decimal places,
/// without trailing zeros.
pub fn format_value(v: f64, unit: Unit) -> String {
    format_number(v, unit, None)
}

/// A figure with exactly `decimals` decimal places, so a column of figures lines up and keeps
/// the source's precision: `24.0%` beside `18.1%`.
pub fn format_fixed(v: f64, unit: Unit, decimals: usize) -> String {
    format_number(v, unit, Some(decimals.min(2)))
}

fn format_number(v: f64, unit: Unit, decimals: Option<usize>) -> String {
    let text = fixed_point(v.abs(), decimals.unwrap_or(2));
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = match decimals {
        Some(_) => fraction,
        None => fraction.trim_end_matches('0'),
    };
    // A figure that rounds to zero is shown without a sign.
    let negative = v < 0.0 && text.bytes().any(|b| matches!(b, b'1'..=b'9'));
    let mut number = String::with_capacity(text.len() + whole.len() / 3 + 10);
    if negative {
        number.push('-');
    }
    for (i, c) in whole.char_indices() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            number.push(',');
        }
        number.push(c);
    }
    if !fraction.is_empty() {
        number.push('.');
        number.push_str(fraction);
    }
    match unit {
        Unit::Percent => number.push('%'),
        Unit::Seconds => number.push_str(" seconds"),
        _ => {}
    }
    number
}

/// `x` with `places` decimal places, exactly as `format!("{x:.places$}")` writes it (the exact
/// binary value rounded, halves to even), but for the usual figure by integer arithmetic:
/// formatting a float to a precision is the slow general algorithm, and a large plan's pages
/// format tens of thousands of figures. Where `x` scaled by `10^places` lies so near a half
/// that the multiplication's rounding could decide which way it goes, or is too large to
/// count in whole numbers, `format!` decides.
fn fixed_point(x: f64, places: usize) -> String {
    const SCALE: [f64; 3] = [1.0, 10.0, 100.0];
    // 2^52: below it every whole number, and every half, is a float.
    const WHOLE: f64 = 4_503_599_627_370_496.0;
    if let Some(&scale) = SCALE.get(places) {
        let scaled = x * scale;
        if x.is_sign_positive() && scaled < WHOLE {
            let floor = scaled.floor();
            let fraction = scaled - floor;
            // The product is within half a unit in its last place of the exact one, far less
            // than this margin.
            if (fraction - 0.5).abs() > scaled.max(1.0) * f64::EPSILON * 4.0 {
                let units = floor as u64 + u64::from(fraction > 0.5);
                let mut text = units.to_string();
                if places > 0 {
                    if text.len() <= places {
                        text.insert_str(0, &"0".repeat(places + 1 - text.len()));
                    }
                    text.insert(text.len() - places, '.');
                }
                return text;
            }
        }
    }
    format!("{x:.places$}")
}

/// How many decimal places (0 to 2) show every one of `values` exactly.
pub fn decimals_for(values: impl IntoIterator<Item = f64>) -> usize {
    values
        .into_iter()
        .map(|v| {
            (0..2)
                .find(|d| {
                    let scaled = v * 10f64.powi(*d as i32);
                    (scaled - scaled.round()).abs() < 1e-6
                })
                .unwrap_or(2)
        })
        .max()
        .unwrap_or(0)
}

/// "Year to date 2021/22" → "year to date 2021/22", but "April 2021" stays as it is.
fn lower_first(text: &str) -> String {
    let mut words = text.split(' ');
    let first = words.next().unwrap_or("");
    let is_name = super::MONTHS.contains(&first)
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

    /// How figures were formatted before `fixed_point`: the oracle for `format_number`.
    fn format_number_by_format(v: f64, unit: Unit, decimals: Option<usize>) -> String {
        let text = format!("{:.*}", decimals.unwrap_or(2), v.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        let fraction = match decimals {
            Some(_) => fraction,
            None => fraction.trim_end_matches('0'),
        };
        let mut number = if fraction.is_empty() {
            grouped
        } else {
            format!("{grouped}.{fraction}")
        };
        if v < 0.0 && number.chars().any(|c| c.is_ascii_digit() && c != '0') {
            number.insert(0, '-');
        }
        match unit {
            Unit::Percent => format!("{number}%"),
            Unit::Seconds => format!("{number} seconds"),
            _ => number,
        }
    }

    #[test]
    fn figures_read_as_they_did_when_format_wrote_them() {
        let units = [
            Unit::Percent,
            Unit::Count,
            Unit::Rate,
            Unit::Seconds,
            Unit::Text,
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut values = vec![
            0.0,
            -0.0,
            -0.004,
            -0.005,
            999.995,
            999_999.5,
            -1234.5,
            f64::NAN,
        ];
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let v = (seed >> 11) as f64 / (1u64 << 53) as f64 * 2e7 - 1e7;
            values.extend([v, (v * 100.0).round() / 100.0, v.round() / 1000.0]);
        }
        for v in values {
            for (unit, decimals) in units
                .iter()
                .flat_map(|u| [None, Some(0), Some(1), Some(2)].map(|d| (u, d)))
            {
                assert_eq!(
                    format_number(v, *unit, decimals),
                    format_number_by_format(v, *unit, decimals),
                    "{v:?} {decimals:?}"
                );
            }
        }
    }

    #[test]
    fn fixed_point_writes_what_format_writes() {
        // Halves (exact in binary, so rounded to even), near-halves on either side, values
        // whose nearest float is just under or over a half, large and tiny values, and a
        // deterministic spread of ordinary figures.
        let mut values = vec![
            0.0,
            0.5,
            1.5,
            2.5,
            0.125,
            0.375,
            2.675,
            1.005,
            1.015,
            0.045,
            0.995,
            9.995,
            99.995,
            0.05,
            0.15,
            0.25,
            0.35,
            1e-300,
            5e-324,
            0.004_999_999_999_999_999,
            0.005,
            1234.565,
            4_503_599_627_370_495.5,
            4_503_599_627_370_496.0,
            1e17,
            1e300,
            f64::MAX,
            f64::INFINITY,
            f64::NAN,
            -0.0,
            -1.25,
            -2.5,
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let magnitude = [1.0, 100.0, 10_000.0, 1e9, 1e15][(seed % 5) as usize];
            let v = (seed >> 11) as f64 / (1u64 << 53) as f64 * magnitude;
            values.push(v);
            // Figures as written in content: a few decimal places, and their halves.
            values.push((v * 1000.0).round() / 1000.0);
            values.push(((v * 100.0).floor() + 0.5) / 100.0);
            values.push(f64::from_bits(((v * 10.0).floor() + 0.5).to_bits() + 1) / 10.0);
        }
        for v in values {
            for places in 0..=2 {
                assert_eq!(
                    fixed_point(v, places),
                    format!("{v:.places$}"),
                    "{v:?} to {places} places"
                );
            }
        }
    }

    #[test]
    fn values_read_naturally() {
        assert_eq!(format_value(24.2, Unit::Percent), "24.2%");
        assert_eq!(format_value(24.0, Unit::Percent), "24%");
        assert_eq!(format_value(12345.0, Unit::Count), "12,345");
        assert_eq!(format_value(-1234.0, Unit::Count), "-1,234");
        assert_eq!(format_value(0.126, Unit::Rate), "0.13");
        assert_eq!(format_value(1.999, Unit::Count), "2");
        assert_eq!(format_value(1234.5, Unit::Count), "1,234.5");
        assert_eq!(format_value(-0.001, Unit::Count), "0");
        assert_eq!(format_fixed(24.0, Unit::Percent, 1), "24.0%");
        assert_eq!(format_fixed(6447.0, Unit::Count, 0), "6,447");
        assert_eq!(decimals_for([24.0, 18.1, 30.2]), 1);
        assert_eq!(decimals_for([9.0, 0.0]), 0);
        assert_eq!(decimals_for([1.26]), 2);
    }

    #[test]
    fn changes_read_naturally() {
        assert_eq!(format_change(56.0), "+56%");
        assert_eq!(format_change(-29.0), "-29%");
        assert_eq!(change_in_words(-6.0), "a 6% reduction");
        assert_eq!(change_in_words(0.0), "no change");
    }

    #[test]
    fn periods_lose_a_leading_capital_unless_it_is_a_name() {
        assert_eq!(lower_first("Year to date 2021/22"), "year to date 2021/22");
        assert_eq!(lower_first("April 2021"), "April 2021");
        assert_eq!(lower_first("Quarter 1 2021/22"), "Quarter 1 2021/22");
        assert_eq!(lower_first("CSEW 2020"), "CSEW 2020");
    }
}
