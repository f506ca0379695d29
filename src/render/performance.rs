//! The words and tables that report a performance statement, shared by every output.
//!
//! A statement's status comes from the model ([`crate::plan::performance`]); the sentences
//! that summarise it or a chart, and the tables of figures behind each chart, are built here
//! once from the model, and each output only lays them out. [`crate::render::chart`] draws
//! the charts described here.
//!
//! Every word comes from the theme's word tables ([`Words`]) in the reader's language, through
//! [`Say`]; counts go through the tables' plural forms. The functions without `_in` write in
//! the default tables' English, for the outputs still written in one language.

use std::sync::OnceLock;

use fluent_bundle::{FluentArgs, FluentValue};
use serde::Serialize;

use crate::parse::kinds::{Better, Breakdown, Figure, Unit};
use crate::plan::performance::{against_limits, against_target, percent_change, Status};
use crate::plan::{Plan, Statement};
use crate::words::{decimals_for, format_change, format_fixed, format_value, Words, MONTHS};

/// The word tables and the language a statement's words are written in.
#[derive(Debug, Clone, Copy)]
pub struct Say<'w> {
    /// The theme's word tables.
    pub words: &'w Words,
    /// The reader's language (`en-GB`, `cy`).
    pub language: &'w str,
}

impl<'w> Say<'w> {
    /// Words from `words` in `language`.
    pub fn new(words: &'w Words, language: &'w str) -> Self {
        Say { words, language }
    }

    /// The default tables' English.
    pub fn english() -> Say<'static> {
        static DEFAULT: OnceLock<Words> = OnceLock::new();
        let words = DEFAULT.get_or_init(|| {
            Words::new(&Words::default_tables()).expect("the default word tables are valid")
        });
        Say::new(words, crate::words::tables::DEFAULT_LANGUAGE)
    }

    /// The words of `key` with `args`; the key itself when the tables lack it (a theme's
    /// mistake, which the test suite catches for the default theme).
    pub fn text(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            let v: FluentValue = match value {
                Arg::Text(t) => FluentValue::from(t.clone()),
                Arg::Count(n) => FluentValue::from(*n as i64),
            };
            fluent.set(*name, v);
        }
        self.words
            .text(self.language, key, Some(&fluent))
            .unwrap_or_else(|_| key.to_string())
    }

    /// The words of `key` with no arguments.
    pub fn word(&self, key: &str) -> String {
        self.words.word(self.language, key)
    }

    /// A status in words: "Met", "Wedi'i gyrraedd".
    pub fn status(&self, s: Status) -> String {
        self.word(s.key())
    }

    /// A unit in words, for axis titles and column headings.
    pub fn unit(&self, u: Unit) -> String {
        self.word(u.key())
    }

    /// A figure in `unit` with `decimals` places (as many as it needs with `None`), with the
    /// word for seconds in the reader's language.
    pub fn figure(&self, v: f64, unit: Unit, decimals: Option<usize>) -> String {
        let number_unit = if unit == Unit::Seconds {
            Unit::Count
        } else {
            unit
        };
        let number = match decimals {
            Some(d) => format_fixed(v, number_unit, d),
            None => format_value(v, number_unit),
        };
        if unit == Unit::Seconds {
            format!("{number} {}", self.word("perf-seconds-word"))
        } else {
            number
        }
    }

    /// A change in per cent in words: "a 5% reduction", "no change".
    pub fn change(&self, change: f64) -> String {
        let n = format_value(change.abs(), Unit::Count);
        let way = if change < 0.0 {
            "down"
        } else if change > 0.0 {
            "up"
        } else {
            "none"
        };
        self.text(
            "perf-change-in-words",
            &[("way", Arg::text(way)), ("amount", Arg::Text(n))],
        )
    }
}

/// An argument of a message: words, or a count that picks the plural form.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Words (or a figure already written out).
    Text(String),
    /// A count.
    Count(usize),
}

impl Arg {
    /// Words from a `&str`.
    pub fn text(t: &str) -> Arg {
        Arg::Text(t.to_string())
    }
}

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

    /// A figure in this statement's unit in the reader's language, as [`Statement::format`]
    /// writes it.
    pub fn format_in(&self, v: f64, say: Say) -> String {
        say.figure(v, self.unit, Some(self.decimals()))
    }

    /// A target or limit in the reader's language, as [`Statement::format_reference`]
    /// writes it.
    pub fn format_reference_in(&self, v: f64, say: Say) -> String {
        say.figure(v, self.unit, None)
    }

    /// [`Statement::status_sentence_in`] in English.
    pub fn status_sentence(&self) -> String {
        self.status_sentence_in(Say::english())
    }

    /// One sentence giving the status and the figures it rests on, e.g. "Not met: the latest
    /// figure, 76%, is below the target of 80%."
    pub fn status_sentence_in(&self, say: Say) -> String {
        let status = self.status();
        let label = Arg::Text(say.status(status));
        let latest = self.latest.as_ref().map(|f| self.format_in(f.value, say));
        if let Some(t) = self.target.value {
            let target = Arg::Text(self.format_reference_in(t, say));
            return match (status, latest) {
                (Status::NoFigure, _) | (_, None) => say.text(
                    "perf-sentence-target-no-figure",
                    &[("status", label), ("target", target)],
                ),
                (_, Some(l)) => {
                    let v = self.latest.as_ref().map_or(0.0, |f| f.value);
                    let relation = if v == t {
                        "equals"
                    } else if v > t {
                        "above"
                    } else {
                        "below"
                    };
                    say.text(
                        "perf-sentence-target",
                        &[
                            ("status", label),
                            ("figure", Arg::Text(l)),
                            ("relation", Arg::text(relation)),
                            ("target", target),
                        ],
                    )
                }
            };
        }
        if let Some(t) = self.target.change {
            let basis = self.change.as_ref().map(|c| c.basis.clone()).or_else(|| {
                self.baseline
                    .as_ref()
                    .map(|b| say.text("perf-basis-on", &[("period", Arg::Text(b.period.clone()))]))
            });
            let basis = basis.map_or(String::new(), |b| format!(" ({b})"));
            return match self.achieved_change() {
                Some(c) => say.text(
                    "perf-sentence-change",
                    &[
                        ("status", label),
                        ("achieved", Arg::Text(say.change(c))),
                        ("basis", Arg::Text(basis)),
                        ("target", Arg::Text(say.change(t))),
                    ],
                ),
                None => say.text(
                    "perf-sentence-change-no-figure",
                    &[("status", label), ("target", Arg::Text(say.change(t)))],
                ),
            };
        }
        if let Some(l) = &self.limits {
            let (lower, upper) = (
                Arg::Text(self.format_reference_in(l.lower, say)),
                Arg::Text(self.format_reference_in(l.upper, say)),
            );
            return match latest {
                Some(v) => {
                    let place = match status {
                        Status::AboveUpperLimit => "above",
                        Status::BelowLowerLimit => "below",
                        _ => "within",
                    };
                    say.text(
                        "perf-sentence-limits",
                        &[
                            ("status", label),
                            ("figure", Arg::Text(v)),
                            ("place", Arg::text(place)),
                            ("lower", lower),
                            ("upper", upper),
                        ],
                    )
                }
                None => say.text(
                    "perf-sentence-limits-no-figure",
                    &[("status", label), ("lower", lower), ("upper", upper)],
                ),
            };
        }
        match latest {
            Some(l) => say.text(
                "perf-sentence-words",
                &[("status", label), ("figure", Arg::Text(l))],
            ),
            None => say.text("perf-sentence-words-no-figure", &[("status", label)]),
        }
    }

    /// [`Statement::latest_text_in`] in English.
    pub fn latest_text(&self) -> Option<String> {
        self.latest_text_in(Say::english())
    }

    /// The latest figure in words, or a note that there is none: "76% (Rolling 6 months,
    /// January to June 2021)".
    pub fn latest_text_in(&self, say: Say) -> Option<String> {
        self.latest.as_ref().map(|f| self.figure_text_in(f, say))
    }

    /// [`Statement::figure_text_in`] in English.
    pub fn figure_text(&self, f: &Figure) -> String {
        self.figure_text_in(f, Say::english())
    }

    /// A figure with its period: "74% (Rolling 6 months, October 2020 to March 2021)".
    pub fn figure_text_in(&self, f: &Figure, say: Say) -> String {
        format!("{} ({})", self.format_in(f.value, say), f.period)
    }

    /// [`Statement::figure_blocks_in`] in English.
    pub fn figure_blocks(&self, plan: &Plan) -> Vec<FigureBlock> {
        self.figure_blocks_in(plan, Say::english())
    }

    /// The blocks of figures to show for this statement, each with a summary sentence and a
    /// table, and a chart where one helps: by area, over time, against control limits, and one
    /// per breakdown.
    pub fn figure_blocks_in(&self, plan: &Plan, say: Say) -> Vec<FigureBlock> {
        let mut blocks = Vec::new();
        if let Some(b) = self.by_area(plan, say) {
            blocks.push(b);
        }
        if let Some(b) = self.over_time(plan, say) {
            blocks.push(b);
        }
        if let Some(b) = self.against_limits_block(say) {
            blocks.push(b);
        }
        for (i, b) in self.breakdowns.iter().enumerate() {
            blocks.push(self.breakdown_block(i, b, say));
        }
        blocks
    }

    fn target_reference(&self, unit: Unit, say: Say) -> Option<Reference> {
        self.target.value.map(|t| Reference {
            kind: ReferenceKind::Target,
            label: say.text(
                "perf-chart-target",
                &[("value", Arg::Text(say.figure(t, unit, None)))],
            ),
            value: t,
        })
    }

    fn by_area(&self, plan: &Plan, say: Say) -> Option<FigureBlock> {
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
        let force_wide = say.word("perf-force-wide");
        if let Some(l) = &self.latest {
            total = Some(categories.len());
            categories.push(force_wide.clone());
            values.push(Some(l.value));
        }
        let period = self.latest.as_ref().map(|f| f.period.as_str());
        let measure = Arg::Text(self.measure.clone());
        let title = match period {
            Some(p) => say.text(
                "perf-by-area-title",
                &[
                    ("measure", measure.clone()),
                    ("period", Arg::Text(lower_first(p, say))),
                ],
            ),
            None => say.text(
                "perf-by-area-title-no-period",
                &[("measure", measure.clone())],
            ),
        };
        // The one-sentence summary: force against target, then the lowest and highest area.
        let mut parts = Vec::new();
        if let Some(l) = &self.latest {
            let figure = Arg::Text(self.format_in(l.value, say));
            parts.push(match self.target.value {
                Some(t) => say.text(
                    "perf-area-force-target",
                    &[
                        ("figure", figure),
                        ("target", Arg::Text(self.format_reference_in(t, say))),
                    ],
                ),
                None => say.text("perf-area-force", &[("figure", figure)]),
            });
        }
        let lowest = areas.iter().min_by(|a, b| a.1.total_cmp(&b.1));
        let highest = areas.iter().max_by(|a, b| a.1.total_cmp(&b.1));
        if let (Some(lo), Some(hi)) = (lowest, highest) {
            let at = |key: &str, (name, v): &(&str, f64)| {
                say.text(
                    key,
                    &[
                        ("area", Arg::text(name)),
                        ("figure", Arg::Text(self.format_in(*v, say))),
                    ],
                )
            };
            let (lo_text, hi_text) = (at("perf-area-lowest", lo), at("perf-area-highest", hi));
            // Lead with the area that most needs attention.
            let (first, second) = match self.better {
                Better::Lower => (hi_text, lo_text),
                _ => (lo_text, hi_text),
            };
            parts.push(say.text(
                "perf-both",
                &[("first", Arg::Text(first)), ("second", Arg::Text(second))],
            ));
            if let Some(t) = self.target.value {
                let meeting = areas
                    .iter()
                    .filter(|(_, v)| against_target(Some(*v), t, self.better) == Status::Met)
                    .count();
                parts.push(say.text(
                    "perf-areas-meeting",
                    &[
                        ("meeting", Arg::Count(meeting)),
                        ("count", Arg::Count(areas.len())),
                    ],
                ));
            }
        }
        let summary = format!("{}.", parts.join("; "));
        let column = match period {
            Some(p) => p.to_string(),
            None => say.word("perf-col-figure"),
        };
        let mut rows: Vec<TableRow> = categories
            .iter()
            .zip(&values)
            .map(|(c, v)| TableRow {
                header: c.clone(),
                cells: vec![v.map_or(String::new(), |v| self.format_in(v, say))],
            })
            .collect();
        if let Some(t) = self.target.value {
            for (row, v) in rows.iter_mut().zip(&values) {
                row.cells
                    .push(say.status(against_target(*v, t, self.better)));
            }
        }
        let area_word = say.word("perf-local-policing-area");
        let mut head = vec![area_word.clone(), column];
        if self.target.value.is_some() {
            head.push(say.word("perf-against-target"));
        }
        let foot = self
            .target
            .value
            .map(|t| {
                let mut cells = vec![self.format_reference_in(t, say)];
                cells.push(String::new());
                TableRow {
                    header: say.word("perf-target"),
                    cells,
                }
            })
            .into_iter()
            .collect();
        Some(FigureBlock {
            id: "by-area".to_string(),
            heading: say.word("perf-by-area"),
            title: title.clone(),
            summary: summary.clone(),
            chart: Some(ChartSpec {
                kind: ChartKind::Bars,
                title,
                summary,
                unit: self.unit,
                decimals: self.decimals(),
                seconds: say.word("perf-seconds-word"),
                category_axis: area_word,
                value_axis: say.unit(self.unit),
                categories,
                series: vec![ChartSeries {
                    name: self.measure.clone(),
                    values,
                }],
                total,
                references: self.target_reference(self.unit, say).into_iter().collect(),
            }),
            table: DataTable {
                caption: say.text("perf-by-area-caption", &[("measure", measure)]),
                numeric: (0..head.len() - 1).map(|i| i == 0).collect(),
                head,
                rows,
                foot,
            },
        })
    }

    fn over_time(&self, plan: &Plan, say: Say) -> Option<FigureBlock> {
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
        let force_wide = say.word("perf-force-wide");
        if force.iter().any(Option::is_some) {
            lines.push(ChartSeries {
                name: force_wide.clone(),
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
        let title = say.text(
            "perf-over-time-title",
            &[
                ("measure", Arg::Text(self.measure.clone())),
                ("first", Arg::Text(lower_first(&periods[0], say))),
                (
                    "last",
                    Arg::Text(lower_first(&periods[periods.len() - 1], say)),
                ),
            ],
        );
        let summary = self.series_summary(&lines, &periods, say);
        // The table: one row per period, a column for force-wide and each area.
        let period_word = say.word("perf-period");
        let mut head = vec![period_word.clone()];
        let has_force = force.iter().any(Option::is_some);
        if has_force {
            head.push(force_wide);
        }
        head.extend(area_ids.iter().map(|id| plan.area_name(id).to_string()));
        let rows = self
            .series
            .iter()
            .map(|p| {
                let mut cells = Vec::new();
                if has_force {
                    cells.push(p.value.map_or(String::new(), |v| self.format_in(v, say)));
                }
                for id in &area_ids {
                    cells.push(
                        p.areas
                            .iter()
                            .find(|v| v.area == *id)
                            .map_or(String::new(), |v| self.format_in(v.value, say)),
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
                header: say.word("perf-target"),
                cells: {
                    let mut c = vec![self.format_reference_in(t, say)];
                    c.resize(head.len() - 1, String::new());
                    c
                },
            })
            .into_iter()
            .collect();
        Some(FigureBlock {
            id: "over-time".to_string(),
            heading: say.word("perf-over-time"),
            title: title.clone(),
            summary: summary.clone(),
            chart: Some(ChartSpec {
                kind: ChartKind::Lines,
                title,
                summary,
                unit: self.unit,
                decimals: self.decimals(),
                seconds: say.word("perf-seconds-word"),
                category_axis: period_word,
                value_axis: say.unit(self.unit),
                categories: periods,
                series: lines,
                total: None,
                references: self.target_reference(self.unit, say).into_iter().collect(),
            }),
            table: DataTable {
                caption: say.text(
                    "perf-over-time-caption",
                    &[("measure", Arg::Text(self.measure.clone()))],
                ),
                numeric: vec![true; head.len() - 1],
                head,
                rows,
                foot,
            },
        })
    }

    /// How many of `points` (each a place and a figure) meet the numeric target, as the
    /// arguments a summary's words take (`target`, `met`, `count`); `None` without one.
    fn target_tally<T>(&self, points: &[(T, f64)], say: Say) -> Option<[(&'static str, Arg); 3]> {
        let t = self.target.value?;
        let met = points
            .iter()
            .filter(|(_, v)| against_target(Some(*v), t, self.better) == Status::Met)
            .count();
        Some([
            ("target", Arg::Text(self.format_reference_in(t, say))),
            ("met", Arg::Count(met)),
            ("count", Arg::Count(points.len())),
        ])
    }

    fn series_summary(&self, lines: &[ChartSeries], periods: &[String], say: Say) -> String {
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
            let mut args = vec![
                ("name", Arg::Text(line.name.clone())),
                ("first", Arg::Text(self.format_in(first.1, say))),
                ("first_period", Arg::Text(periods[first.0].clone())),
                ("last", Arg::Text(self.format_in(last.1, say))),
                ("last_period", Arg::Text(periods[last.0].clone())),
            ];
            let key = match self.target_tally(&points, say) {
                Some(tally) => {
                    args.extend(tally);
                    "perf-series-target"
                }
                None => "perf-series",
            };
            parts.push(say.text(key, &args));
        }
        if parts.is_empty() {
            say.word("perf-no-figures")
        } else {
            format!("{}.", parts.join("; "))
        }
    }

    fn against_limits_block(&self, say: Say) -> Option<FigureBlock> {
        let (limits, latest) = (self.limits.as_ref()?, self.latest.as_ref()?);
        let mut points: Vec<&Figure> = Vec::new();
        points.extend(self.baseline.as_ref());
        points.extend(self.previous.as_ref());
        points.push(latest);
        let status = against_limits(latest.value, limits);
        let place = match status {
            Status::AboveUpperLimit => "above",
            Status::BelowLowerLimit => "below",
            _ => "within",
        };
        let (lower, upper) = (
            self.format_reference_in(limits.lower, say),
            self.format_reference_in(limits.upper, say),
        );
        let mut summary = say.text(
            "perf-limits-summary",
            &[
                ("figure", Arg::Text(self.format_in(latest.value, say))),
                ("period", Arg::Text(latest.period.clone())),
                ("place", Arg::text(place)),
                ("lower", Arg::Text(lower.clone())),
                ("upper", Arg::Text(upper.clone())),
            ],
        );
        if let Some(b) = &self.baseline {
            summary.push_str("; ");
            summary.push_str(&say.text(
                "perf-figure-in",
                &[
                    ("figure", Arg::Text(self.format_in(b.value, say))),
                    ("period", Arg::Text(b.period.clone())),
                ],
            ));
            if let Some(c) = self.achieved_change() {
                summary.push_str(&format!(" ({})", say.change(c)));
            }
        }
        summary.push('.');
        let measure = Arg::Text(self.measure.clone());
        let title = say.text("perf-limits-title", &[("measure", measure.clone())]);
        let rows = points
            .iter()
            .map(|f| TableRow {
                header: f.period.clone(),
                cells: vec![
                    self.format_in(f.value, say),
                    say.status(against_limits(f.value, limits)),
                ],
            })
            .collect();
        let foot = vec![
            TableRow {
                header: say.word("perf-upper-limit"),
                cells: vec![upper.clone(), String::new()],
            },
            TableRow {
                header: say.word("perf-lower-limit"),
                cells: vec![lower.clone(), String::new()],
            },
        ];
        let against = say.word("perf-against-limits");
        Some(FigureBlock {
            id: "against-limits".to_string(),
            heading: against.clone(),
            title: title.clone(),
            summary: summary.clone(),
            chart: Some(ChartSpec {
                kind: ChartKind::Bars,
                title,
                summary,
                unit: self.unit,
                decimals: self.decimals(),
                seconds: say.word("perf-seconds-word"),
                category_axis: say.word("perf-period"),
                value_axis: say.unit(self.unit),
                categories: points.iter().map(|f| f.period.clone()).collect(),
                series: vec![ChartSeries {
                    name: self.measure.clone(),
                    values: points.iter().map(|f| Some(f.value)).collect(),
                }],
                total: None,
                references: vec![
                    Reference {
                        kind: ReferenceKind::Upper,
                        label: say.text("perf-chart-upper", &[("value", Arg::Text(upper))]),
                        value: limits.upper,
                    },
                    Reference {
                        kind: ReferenceKind::Lower,
                        label: say.text("perf-chart-lower", &[("value", Arg::Text(lower))]),
                        value: limits.lower,
                    },
                ],
            }),
            table: DataTable {
                caption: say.text("perf-limits-caption", &[("measure", measure)]),
                numeric: vec![true, false],
                head: vec![say.word("perf-period"), say.unit(self.unit), against],
                rows,
                foot,
            },
        })
    }

    fn breakdown_block(&self, index: usize, b: &Breakdown, say: Say) -> FigureBlock {
        let unit = b.unit.unwrap_or(self.unit);
        let decimals = breakdown_decimals(b);
        let fmt = |v: f64| say.figure(v, unit, Some(decimals));
        let has = |f: fn(&crate::parse::kinds::BreakdownItem) -> bool| b.items.iter().any(f);
        let (has_baseline, has_change, has_limits, has_note) = (
            has(|i| i.baseline.is_some()),
            has(|i| i.change.is_some()),
            has(|i| i.limits.is_some()),
            has(|i| i.note.is_some()),
        );
        let mut head = vec![b.title.clone()];
        head.push(b.period.clone().unwrap_or_else(|| say.unit(unit)));
        if has_baseline {
            head.push(
                b.baseline_period
                    .clone()
                    .unwrap_or_else(|| say.word("perf-baseline")),
            );
        }
        if has_change {
            head.push(say.word("perf-change"));
        }
        if has_limits {
            head.extend([
                say.word("perf-lower-limit"),
                say.word("perf-upper-limit"),
                say.word("perf-against-limits"),
            ]);
        }
        if has_note {
            head.push(say.word("perf-note"));
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
                            say.figure(l.lower, unit, None),
                            say.figure(l.upper, unit, None),
                            say.status(against_limits(i.value, l)),
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
            Some(p) => format!("{}, {}", b.title, lower_first(p, say)),
            None => b.title.clone(),
        };
        let summary = breakdown_summary(b, unit, say);
        // A chart helps when there are a few items on one scale; a long table of categories
        // with limits reads better as a table alone.
        let chart = (b.items.len() >= 2 && b.items.len() <= 12 && !has_limits).then(|| ChartSpec {
            kind: ChartKind::Bars,
            title: title.clone(),
            summary: summary.clone(),
            unit,
            decimals,
            seconds: say.word("perf-seconds-word"),
            category_axis: b.title.clone(),
            value_axis: say.unit(unit),
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
    /// [`Statement::trend_chart_in`] in English.
    pub fn trend_chart(&self) -> Option<ChartSpec> {
        self.trend_chart_in(Say::english())
    }

    /// The latest figure in each report of its history, as a line over the reports, when
    /// two or more of them give one. Its title and summary name the reports.
    pub fn trend_chart_in(&self, say: Say) -> Option<ChartSpec> {
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
        let fmt = |v: f64| say.figure(v, self.unit, Some(decimals));
        let (first, last) = (points[0], points[points.len() - 1]);
        let mut args = vec![
            ("first", Arg::Text(fmt(first.1))),
            ("first_report", Arg::text(first.0)),
            ("last", Arg::Text(fmt(last.1))),
            ("last_report", Arg::text(last.0)),
        ];
        let key = match self.target_tally(&points, say) {
            Some(tally) => {
                args.extend(tally);
                "perf-trend-summary-target"
            }
            None => "perf-trend-summary",
        };
        let summary = say.text(key, &args);
        Some(ChartSpec {
            kind: ChartKind::Lines,
            title: say.text(
                "perf-trend-title",
                &[("measure", Arg::Text(self.measure.clone()))],
            ),
            summary,
            unit: self.unit,
            decimals,
            seconds: say.word("perf-seconds-word"),
            category_axis: say.word("perf-col-report"),
            value_axis: say.unit(self.unit),
            categories,
            series: vec![ChartSeries {
                name: self.measure.clone(),
                values,
            }],
            total: None,
            references: self.target_reference(self.unit, say).into_iter().collect(),
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

/// How `now` moved since `before`, the same statement as an earlier report gave it, its
/// figures written for `say`'s reader.
pub fn since_last(since: &str, before: &Statement, now: &Statement, say: Say) -> SinceLast {
    let from = before.latest.as_ref().map(|f| f.value);
    let to = now.latest.as_ref().map(|f| f.value);
    let decimals = before.decimals().max(now.decimals());
    let fmt = |v: f64| say.figure(v, now.unit, Some(decimals));
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

fn breakdown_summary(b: &Breakdown, unit: Unit, say: Say) -> String {
    let decimals = breakdown_decimals(b);
    let fmt = |v: f64| say.figure(v, unit, Some(decimals));
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
        let mut s = say.text(
            "perf-breakdown-limits",
            &[
                ("count", Arg::Count(judged.len())),
                ("above", Arg::Count(above.len())),
                ("within", Arg::Count(within)),
                ("below", Arg::Count(below.len())),
            ],
        );
        for (key, names) in [
            ("perf-breakdown-above", &above),
            ("perf-breakdown-below", &below),
        ] {
            if !names.is_empty() {
                s.push_str("; ");
                s.push_str(&say.text(key, &[("names", Arg::Text(names.join(", ")))]));
            }
        }
        s.push('.');
        return s;
    }
    let hi = b.items.iter().max_by(|a, b| a.value.total_cmp(&b.value));
    let lo = b.items.iter().min_by(|a, b| a.value.total_cmp(&b.value));
    match (hi, lo) {
        (Some(h), Some(l)) if n >= 2 => say.text(
            "perf-breakdown-highest-lowest",
            &[
                ("highest", Arg::Text(h.label.clone())),
                ("highest_figure", Arg::Text(fmt(h.value))),
                ("lowest", Arg::Text(l.label.clone())),
                ("lowest_figure", Arg::Text(fmt(l.value))),
            ],
        ),
        (Some(h), _) => say.text(
            "perf-breakdown-one",
            &[
                ("item", Arg::Text(h.label.clone())),
                ("figure", Arg::Text(fmt(h.value))),
            ],
        ),
        _ => say.word("perf-no-figures"),
    }
}

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
    /// The word written after a figure in seconds, in the reader's language ("seconds").
    pub seconds: String,
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

/// "Year to date 2021/22" → "year to date 2021/22", but "April 2021" stays as it is (a month
/// is a name in English and in the reader's language).
fn lower_first(text: &str, say: Say) -> String {
    let mut words = text.split(' ');
    let first = words.next().unwrap_or("");
    let is_name = MONTHS.contains(&first)
        || (1..=12).any(|m| say.word(&format!("month-{m}")) == first)
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
    fn words_come_from_the_readers_table_and_a_missing_key_is_named() {
        let words = Words::new(&Words::default_tables()).unwrap();
        let (en, cy) = (Say::new(&words, "en-GB"), Say::new(&words, "cy"));
        assert_eq!(en.figure(30.0, Unit::Seconds, Some(1)), "30.0 seconds");
        assert_eq!(cy.figure(30.0, Unit::Seconds, None), "30 eiliad");
        assert_eq!(cy.figure(1234.5, Unit::Percent, Some(1)), "1,234.5%");
        assert_eq!(en.change(-5.0), "a 5% reduction");
        assert_eq!(cy.change(12.0), "cynnydd o 12%");
        assert_eq!(cy.change(0.0), "dim newid");
        assert_eq!(cy.status(Status::NotMet), "Heb ei gyrraedd");
        let areas = |meeting, count| {
            cy.text(
                "perf-areas-meeting",
                &[
                    ("meeting", Arg::Count(meeting)),
                    ("count", Arg::Count(count)),
                ],
            )
        };
        assert_eq!(
            areas(0, 3),
            "nid oes yr un o'r 3 ardal yn cyrraedd y targed"
        );
        assert_eq!(areas(2, 3), "mae 2 o'r 3 ardal yn cyrraedd y targed");
        let meets = |meeting| {
            en.text(
                "perf-areas-meeting",
                &[("meeting", Arg::Count(meeting)), ("count", Arg::Count(2))],
            )
        };
        assert_eq!(meets(1), "1 of 2 areas meets the target");
        assert_eq!(meets(2), "2 of 2 areas meet the target");
        // A theme's table without a word gives its key, which a reader can report.
        assert_eq!(cy.text("perf-no-such-word", &[]), "perf-no-such-word");
    }

    #[test]
    fn periods_lose_a_leading_capital_unless_it_is_a_name() {
        let say = Say::english();
        assert_eq!(
            lower_first("Year to date 2021/22", say),
            "year to date 2021/22"
        );
        assert_eq!(lower_first("April 2021", say), "April 2021");
        assert_eq!(lower_first("Quarter 1 2021/22", say), "Quarter 1 2021/22");
        assert_eq!(lower_first("CSEW 2020", say), "CSEW 2020");
        let words = Words::new(&Words::default_tables()).unwrap();
        let cy = Say::new(&words, "cy");
        assert_eq!(lower_first("Ebrill 2021", cy), "Ebrill 2021");
        assert_eq!(lower_first("Blwyddyn hyd yma", cy), "blwyddyn hyd yma");
    }
}
