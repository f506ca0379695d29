//! Judging a performance statement against its target or control limits.
//!
//! A statement's status is worked out here from its figures, never typed in by hand, so the
//! website, the large-print edition and the open data always agree. The sentences and tables
//! that report it are made from this in [`crate::render::performance`].

use serde::Serialize;

use super::Statement;
use crate::parse::kinds::{Better, Limits};
use crate::words::decimals_for;

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

    /// The key of the status's words in the word tables ([`crate::words::Words`]).
    pub fn key(self) -> &'static str {
        match self {
            Status::Met => "status-met",
            Status::NotMet => "status-not-met",
            Status::WithinLimits => "status-within-limits",
            Status::AboveUpperLimit => "status-above-upper-limit",
            Status::BelowLowerLimit => "status-below-lower-limit",
            Status::NoNumericTarget => "status-no-numeric-target",
            Status::NoFigure => "status-no-figure",
        }
    }

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
}
