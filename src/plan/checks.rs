//! The checks a plan's items get once parsed: ids, dates, figures, commitments.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use rayon::prelude::*;

use super::{Aim, Origin};
use crate::diagnostics::{nearest, Diagnostic, Diagnostics};
use crate::parse::kinds::*;

/// True for ids made of lower-case letters, digits and single hyphens.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

pub(crate) fn id_hint(id: &str) -> String {
    let suggestion = crate::parse::markdown::slug(id);
    if suggestion.is_empty() {
        "use lower-case letters, digits and hyphens".to_string()
    } else {
        format!("use lower-case letters, digits and hyphens, e.g. \"{suggestion}\"")
    }
}

/// What a statement measures, as its figures are checked against it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Measure<'a> {
    /// The unit of its figures.
    pub unit: Unit,
    /// Which way is better, as written.
    pub better: Option<Better>,
    /// What good looks like.
    pub target: &'a TargetFront,
}

impl<'a> Measure<'a> {
    /// The measure a statement's file gives.
    pub fn of(front: &'a StatementFront) -> Self {
        Measure {
            unit: front.unit,
            better: front.better,
            target: &front.target,
        }
    }
}

/// The figures a statement's own file gives (in a plan without reports).
pub(crate) fn figures_of(front: &StatementFront) -> super::Figures {
    super::Figures {
        latest: front.latest.clone(),
        previous: front.previous.clone(),
        baseline: front.baseline.clone(),
        change: front.change.clone(),
        direction: front.direction,
        limits: front.limits.clone(),
        areas: front.areas.clone(),
        series: front.series.clone(),
        breakdowns: front.breakdowns.clone(),
        chart_only: front.chart_only.clone(),
    }
}

/// Checks a statement's file: what it measures, and the figures it gives itself. In a plan
/// with reports (`reporting`) its figures are in the reports, which are checked on their own.
pub(crate) fn check_statement(
    front: &StatementFront,
    origin: &Origin,
    area_ids: &BTreeSet<String>,
    reporting: bool,
    diags: &mut Diagnostics,
) {
    let measure = Measure::of(front);
    check_measure(&measure, origin, diags);
    if !reporting {
        check_figures(
            &figures_of(front),
            &measure,
            origin,
            true,
            true,
            area_ids,
            diags,
        );
    }
}

/// Checks what a statement measures: its target's numbers are usable and agree with its
/// direction.
pub(crate) fn check_measure(m: &Measure, origin: &Origin, diags: &mut Diagnostics) {
    for v in [m.target.value, m.target.change].into_iter().flatten() {
        if !v.is_finite() {
            diags.push(origin.error_at(
                "target:",
                "\"target\" holds a value that is not a usable number",
            ));
        }
    }
    let numeric_target = m.target.value.is_some() || m.target.change.is_some();
    if m.target.value.is_some() && m.target.change.is_some() {
        diags.push(
            origin
                .error_under("target", "change:", "the target has both a \"value\" and a \"change\"")
                .with_hint("give the target as a figure (value) or as a percentage change on the baseline (change), not both"),
        );
    }
    if numeric_target && matches!(m.better, Some(Better::None)) {
        diags.push(
            origin
                .error_at(
                    "better:",
                    "a numeric target needs to say whether higher or lower is better",
                )
                .with_hint(
                    "set \"better: higher\" or \"better: lower\", or remove the target's number",
                ),
        );
    }
}

/// Checks a statement's figures against what it measures: areas exist, numbers are usable,
/// and the shapes agree (limits are the right way round, a change target has something to
/// judge it by, and so on). `origin` is the file the figures are in: the statement's own
/// (`in_statement`) or a report's. A draft report's figures are not yet `complete`, so what
/// they do not yet give is not a problem.
pub(crate) fn check_figures(
    front: &super::Figures,
    measure: &Measure,
    origin: &Origin,
    in_statement: bool,
    complete: bool,
    area_ids: &BTreeSet<String>,
    diags: &mut Diagnostics,
) {
    let check_areas = |key: &str, areas: &[AreaValue], diags: &mut Diagnostics| {
        let mut seen = BTreeSet::new();
        for a in areas {
            if !area_ids.contains(&a.area) {
                let d = origin.error_under(
                    key,
                    &a.area,
                    format!("there is no local policing area with the id \"{}\"", a.area),
                );
                diags.push(
                    match nearest(&a.area, area_ids.iter().map(String::as_str)) {
                        Some(n) => d.with_hint(format!("did you mean \"{n}\"?")),
                        None => {
                            d.with_hint("areas are listed under \"areas:\" in content/_index.md")
                        }
                    },
                );
            } else if !seen.insert(a.area.as_str()) {
                diags.push(origin.error_under(
                    key,
                    &a.area,
                    format!("the area \"{}\" is given twice in one list", a.area),
                ));
            }
        }
    };
    check_areas("areas", &front.areas, diags);
    let mut periods = BTreeSet::new();
    for point in &front.series {
        check_areas("series", &point.areas, diags);
        if point.value.is_none() && point.areas.is_empty() {
            diags.push(
                origin
                    .error_under(
                        "series",
                        &point.period,
                        format!("the series point \"{}\" has no figures", point.period),
                    )
                    .with_hint("give it a force-wide \"value\", figures by \"areas\", or both"),
            );
        }
        if !periods.insert(point.period.as_str()) {
            diags.push(origin.error_under(
                "series",
                &point.period,
                format!(
                    "the period \"{}\" appears twice in the series",
                    point.period
                ),
            ));
        }
    }

    // Every number must be a real one.
    let mut numbers: Vec<(&str, f64)> = Vec::new();
    let figures = [
        ("latest", &front.latest),
        ("previous", &front.previous),
        ("baseline", &front.baseline),
    ];
    for (key, f) in figures {
        if let Some(f) = f {
            numbers.push((key, f.value));
        }
    }
    numbers.extend(front.change.as_ref().map(|c| ("change", c.value)));
    if let Some(l) = &front.limits {
        numbers.extend([("limits", l.upper), ("limits", l.lower)]);
    }
    numbers.extend(front.areas.iter().map(|a| ("areas", a.value)));
    for p in &front.series {
        numbers.extend(p.value.map(|v| ("series", v)));
        numbers.extend(p.areas.iter().map(|a| ("series", a.value)));
    }
    for b in &front.breakdowns {
        for i in &b.items {
            numbers.push(("breakdowns", i.value));
            numbers.extend(i.baseline.map(|v| ("breakdowns", v)));
            numbers.extend(i.change.map(|v| ("breakdowns", v)));
            if let Some(l) = &i.limits {
                numbers.extend([("breakdowns", l.upper), ("breakdowns", l.lower)]);
            }
        }
    }
    for (key, v) in &numbers {
        if !v.is_finite() {
            diags.push(origin.error_at(
                &format!("{key}:"),
                format!("\"{key}\" holds a value that is not a usable number"),
            ));
        }
    }

    if measure.unit == Unit::Text {
        let has_figures = front.latest.is_some()
            || front.previous.is_some()
            || front.baseline.is_some()
            || (in_statement && measure.target.value.is_some())
            || front.limits.is_some()
            || !front.areas.is_empty()
            || !front.series.is_empty();
        if has_figures {
            let d = if in_statement {
                origin.error_at(
                    "unit:",
                    "\"unit: text\" is for statements without figures, but this one has figures",
                )
            } else {
                Diagnostic::new(&origin.display, origin.front_line, 1, "the statement is in words only (\"unit: text\" in its file), but this report gives it figures")
            };
            diags.push(d.with_hint("set the unit of the figures: percent, count, rate or seconds"));
        }
    }
    if complete
        && measure.target.change.is_some()
        && front.baseline.is_none()
        && front.change.is_none()
    {
        let d = if in_statement {
            origin.error_under(
                "target",
                "change:",
                "the target is a change, but there is no \"baseline\" or \"change\" to judge it by",
            )
        } else {
            Diagnostic::new(&origin.display, origin.front_line, 1, "the statement's target is a change, but this report gives no \"baseline\" or \"change\" to judge it by")
        };
        diags.push(d.with_hint("add the baseline figure the change is measured from"));
    }
    let check_limits = |key: &str, needle: &str, l: &Limits, diags: &mut Diagnostics| {
        if l.upper < l.lower {
            diags.push(
                origin
                    .error_under(
                        key,
                        needle,
                        format!(
                            "the upper control limit ({}) is below the lower one ({})",
                            l.upper, l.lower
                        ),
                    )
                    .with_hint("swap \"upper\" and \"lower\""),
            );
        }
    };
    if let Some(l) = &front.limits {
        check_limits("limits", "upper:", l, diags);
    }
    for b in &front.breakdowns {
        if b.items.is_empty() {
            diags.push(origin.error_under(
                "breakdowns",
                &b.title,
                format!("the breakdown \"{}\" has no items", b.title),
            ));
        }
        let unit = b.unit.unwrap_or(measure.unit);
        if unit == Unit::Text {
            diags.push(
                origin
                    .error_under(
                        "breakdowns",
                        &b.title,
                        format!("the breakdown \"{}\" needs a unit for its figures", b.title),
                    )
                    .with_hint("add \"unit: percent\" (or count, rate, seconds) to the breakdown"),
            );
        }
        for i in &b.items {
            if let Some(l) = &i.limits {
                check_limits("breakdowns", &i.label, l, diags);
            }
        }
    }
}

/// The problem with a commitment id already used, by the file `other` (the file that used it
/// last before this one, which may be the same file).
fn repeated_id(id: &str, origin: &Origin, other: &Path) -> Diagnostic {
    let needle = format!("id: {id}");
    let (line, col) = if *other == *origin.display {
        // Point at the second occurrence within the same file.
        let mut hits = origin
            .front
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim_start().trim_start_matches("- ") == needle);
        hits.next();
        hits.next().map_or(origin.locate(&needle), |(i, l)| {
            let l = l.replacen("- ", "  ", 1);
            (origin.front_line + i, l.len() - l.trim_start().len() + 1)
        })
    } else {
        origin.locate(&needle)
    };
    Diagnostic::new(
        &origin.display,
        line,
        col,
        format!(
            "the commitment id \"{id}\" is already used in {}",
            other.display()
        ),
    )
    .with_hint("commitment ids must be unique across the whole plan; choose another")
}

/// Reports every commitment id used more than once across the plan, exactly as checking the
/// priorities one by one in `read_order` against a growing table of ids would: each repeat
/// names the file that used the id last before it. A big plan has hundreds of thousands of
/// ids, and one table of them all, filled on one core, was the slowest part of loading 50,000
/// pages (its lookups miss the cache). Here the ids are split by hash into shards, in order,
/// and each shard is checked with a small table of its own, on every core.
pub(crate) fn repeated_commitment_ids(
    aims: &[Aim],
    read_order: &[(usize, usize)],
    diags: &mut Diagnostics,
) {
    use std::hash::BuildHasher;
    const SHARDS: usize = 64;
    // Gathered on every core; `collect` keeps them in read order.
    let ids: Vec<(&str, &Origin)> = read_order
        .par_iter()
        .map(|&(a, i)| &aims[a].priorities[i])
        .flat_map_iter(|p| {
            p.commitments()
                .map(move |(_, c)| (c.id.as_str(), &p.origin))
                .filter(|(id, _)| valid_id(id))
        })
        .collect();
    let hasher = std::hash::RandomState::new();
    let hashes: Vec<u64> = ids.par_iter().map(|(id, _)| hasher.hash_one(id)).collect();
    let mut shards: Vec<Vec<u32>> = vec![Vec::new(); SHARDS];
    for (at, h) in hashes.iter().enumerate() {
        shards[(*h % SHARDS as u64) as usize].push(at as u32);
    }
    // Each shard holds its ids in read order, so the id's previous use is the last one seen.
    let mut repeats: Vec<(u32, u32)> = shards
        .par_iter()
        .flat_map_iter(|shard| {
            let mut last: HashMap<&str, u32> = HashMap::with_capacity(shard.len());
            shard
                .iter()
                .filter_map(|&at| {
                    last.insert(ids[at as usize].0, at)
                        .map(|before| (at, before))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    repeats.sort_unstable();
    for (at, before) in repeats {
        let (id, origin) = ids[at as usize];
        diags.push(repeated_id(id, origin, &ids[before as usize].1.display));
    }
}

pub(crate) fn check_commitment(
    c: &CommitmentFront,
    origin: &Origin,
    display: &std::sync::Arc<Path>,
    seen: Option<&mut HashMap<String, std::sync::Arc<Path>>>,
    diags: &mut Diagnostics,
) {
    // Made only when a problem needs placing.
    let needle = || format!("id: {}", c.id);
    if !valid_id(&c.id) {
        diags.push(
            origin
                .error_at(
                    &needle(),
                    format!("\"{}\" cannot be used as a commitment id", c.id),
                )
                .with_hint(id_hint(&c.id)),
        );
    } else if let Some(other) =
        seen.and_then(|seen| seen.insert(c.id.clone(), std::sync::Arc::clone(display)))
    {
        diags.push(repeated_id(&c.id, origin, &other));
    }
    if c.text.trim().is_empty() {
        diags.push(origin.error_at(
            &needle(),
            format!("the commitment \"{}\" has no text", c.id),
        ));
    }
    if let Some(due) = &c.due {
        check_date(due, due, origin, diags, false);
    }
    for e in &c.evidence {
        if !(e.url.starts_with("https://")
            || e.url.starts_with("http://")
            || e.url.starts_with('/'))
        {
            diags.push(
                origin
                    .error_at(
                        &e.url,
                        format!("the evidence link \"{}\" is not a web address", e.url),
                    )
                    .with_hint("use a full address starting https://, or a site path starting /"),
            );
        }
    }
}

/// Checks `YYYY-MM-DD` (or, when `full` is false, also `YYYY` and `YYYY-MM`).
pub(crate) fn check_date(
    value: &str,
    needle: &str,
    origin: &Origin,
    diags: &mut Diagnostics,
    full: bool,
) {
    if !valid_date(value, full) {
        let expected = if full {
            "YYYY-MM-DD"
        } else {
            "YYYY, YYYY-MM or YYYY-MM-DD"
        };
        diags.push(
            origin
                .error_at(
                    needle,
                    format!("\"{value}\" is not a date in the form {expected}"),
                )
                .with_hint("for example 2023-10-31"),
        );
    }
}

/// The number of days in month `m` (1-12) of year `y`.
pub fn days_in_month(y: u32, m: u32) -> u32 {
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// True for a real calendar date written `YYYY-MM-DD` (or a year or month when `full` is false).
pub fn valid_date(value: &str, full: bool) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] if !full => num(y, 4).is_some(),
        [y, m] if !full => num(y, 4).is_some() && num(m, 2).is_some_and(|m| (1..=12).contains(&m)),
        [y, m, d] => match (num(y, 4), num(m, 2), num(d, 2)) {
            (Some(y), Some(m), Some(d)) if (1..=12).contains(&m) => {
                let days = days_in_month(y, m);
                (1..=days).contains(&d)
            }
            _ => false,
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_as_calendar_dates() {
        assert!(valid_date("2024-02-29", true));
        assert!(!valid_date("2023-02-29", true));
        assert!(!valid_date("2023-13-01", true));
        assert!(!valid_date("2023", true));
        assert!(valid_date("2023", false));
        assert!(valid_date("2023-10", false));
        assert!(!valid_date("23-10", false));
    }

    #[test]
    fn ids_are_address_safe() {
        assert!(valid_id("victims-voice"));
        assert!(valid_id("a1"));
        assert!(!valid_id("Victims"));
        assert!(!valid_id("a--b"));
        assert!(!valid_id("-a"));
        assert!(!valid_id("a b"));
    }
}
