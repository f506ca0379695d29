//! Comparing words: texts word by word, Markdown bodies paragraph by paragraph, and settings
//! and figures as "from → to".

use similar::{Algorithm, ChangeTag, DiffTag, TextDiff};

use super::{Change, Paragraph, Word, MATCH_THRESHOLD};
use crate::parse::kinds::{Breakdown, BreakdownItem, Figure, Limits, SeriesPoint, Unit};
use crate::plan::{Body, Plan};
use crate::words::format_value;

/// Text with every run of whitespace made one space.
pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How alike two texts are, 0 to 1: the share of their words (ignoring case and punctuation)
/// that the longest common sequence keeps.
pub fn similarity(a: &str, b: &str) -> f32 {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (a, b) = (words(a), words(b));
    if a == b {
        return 1.0;
    }
    let kept: usize = similar::capture_diff_slices(Algorithm::Myers, &a, &b)
        .iter()
        .filter(|op| op.tag() == DiffTag::Equal)
        .map(|op| op.old_range().len())
        .sum();
    (2 * kept) as f32 / (a.len() + b.len()) as f32
}

/// The words of `old` and `new`, kept, deleted and added. A run of changes with only spaces
/// between is shown as one deletion followed by one addition, which reads better than
/// alternating single words.
pub fn word_diff(old: &str, new: &str) -> Vec<Word> {
    let (old, new) = (collapse(old), collapse(new));
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_words(&old, &new);
    let tokens: Vec<(ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value()))
        .collect();
    let mut out: Vec<Word> = Vec::new();
    let push = |out: &mut Vec<Word>, w: Word| match (out.last_mut(), &w) {
        (Some(Word::Same(a)), Word::Same(b)) => a.push_str(b),
        _ => out.push(w),
    };
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].0 == ChangeTag::Equal {
            push(&mut out, Word::Same(tokens[i].1.to_string()));
            i += 1;
            continue;
        }
        let mut last = i;
        let mut j = i;
        while j < tokens.len() {
            match tokens[j].0 {
                ChangeTag::Equal if tokens[j].1.trim().is_empty() => {}
                ChangeTag::Equal => break,
                _ => last = j,
            }
            j += 1;
        }
        let group = &tokens[i..=last];
        let deleted: String = group
            .iter()
            .filter(|(t, _)| *t != ChangeTag::Insert)
            .map(|(_, v)| *v)
            .collect();
        let added: String = group
            .iter()
            .filter(|(t, _)| *t != ChangeTag::Delete)
            .map(|(_, v)| *v)
            .collect();
        // Keep the spaces around the change that the trimmed pieces lose.
        let ends_with_space = |w: &Vec<Word>| match w.last() {
            Some(Word::Same(t)) => t.ends_with(char::is_whitespace),
            _ => w.is_empty(),
        };
        let lead =
            deleted.starts_with(char::is_whitespace) || added.starts_with(char::is_whitespace);
        if lead && !ends_with_space(&out) {
            push(&mut out, Word::Same(" ".to_string()));
        }
        if !deleted.trim().is_empty() {
            out.push(Word::Deleted(deleted.trim().to_string()));
        }
        if !added.trim().is_empty() {
            out.push(Word::Added(added.trim().to_string()));
        }
        let trail = deleted.ends_with(char::is_whitespace) || added.ends_with(char::is_whitespace);
        let next_is_space = tokens
            .get(last + 1)
            .is_none_or(|(_, v)| v.starts_with(char::is_whitespace));
        if trail && !next_is_space {
            push(&mut out, Word::Same(" ".to_string()));
        }
        i = last + 1;
    }
    out
}

/// A `Reworded` change when the texts differ in more than whitespace.
pub(super) fn reworded(field: &str, old: &str, new: &str) -> Option<Change> {
    (collapse(old) != collapse(new)).then(|| Change::Reworded {
        field: field.to_string(),
        words: word_diff(old, new),
    })
}

/// A `Field` change when the values differ.
pub(super) fn field(name: &str, old: impl Into<String>, new: impl Into<String>) -> Option<Change> {
    let none = |s: String| if s.is_empty() { "none".to_string() } else { s };
    let (from, to) = (none(old.into()), none(new.into()));
    (from != to).then(|| Change::Field {
        field: name.to_string(),
        from,
        to,
    })
}

pub(super) fn or_not_set(value: Option<&str>) -> String {
    value.map_or_else(|| "not set".to_string(), str::to_string)
}

/// The paragraphs of a Markdown body, whitespace collapsed.
fn paragraphs(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in markdown.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(collapse(&current));
                current.clear();
            }
        } else {
            current.push_str(line);
            current.push('\n');
        }
    }
    if !current.is_empty() {
        out.push(collapse(&current));
    }
    out
}

/// A `Body` change when two Markdown bodies differ in more than layout.
pub(super) fn body(field: &str, old: &Body, new: &Body) -> Option<Change> {
    let (a, b) = (paragraphs(&old.markdown), paragraphs(&new.markdown));
    if a == b {
        return None;
    }
    let mut out = Vec::new();
    for op in similar::capture_diff_slices(Algorithm::Patience, &a, &b) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {}
            DiffTag::Delete => out.extend(a[old_range].iter().cloned().map(Paragraph::Removed)),
            DiffTag::Insert => out.extend(b[new_range].iter().cloned().map(Paragraph::Added)),
            DiffTag::Replace => {
                let (olds, news) = (&a[old_range], &b[new_range]);
                let paired = olds.len().min(news.len());
                for k in 0..paired {
                    if similarity(&olds[k], &news[k]) >= MATCH_THRESHOLD {
                        out.push(Paragraph::Reworded(word_diff(&olds[k], &news[k])));
                    } else {
                        out.push(Paragraph::Removed(olds[k].clone()));
                        out.push(Paragraph::Added(news[k].clone()));
                    }
                }
                out.extend(olds[paired..].iter().cloned().map(Paragraph::Removed));
                out.extend(news[paired..].iter().cloned().map(Paragraph::Added));
            }
        }
    }
    Some(Change::Body {
        field: field.to_string(),
        paragraphs: out,
    })
}

pub(super) fn figure_text(f: Option<&Figure>, unit: Unit) -> String {
    match f {
        Some(f) => format!("{} ({})", format_value(f.value, unit), f.period),
        None => "not set".to_string(),
    }
}

/// A percentage change with its sign: "+5%", "-29%".
pub(super) fn change_text(change: f64) -> String {
    crate::words::format_change(change)
}

/// Control limits as "lower to upper (basis)".
pub(super) fn limits_text(limits: Option<&Limits>, unit: Unit) -> String {
    match limits {
        None => "not set".to_string(),
        Some(l) => {
            let range = format!(
                "{} to {}",
                format_value(l.lower, unit),
                format_value(l.upper, unit)
            );
            match &l.basis {
                Some(basis) => format!("{range} ({basis})"),
                None => range,
            }
        }
    }
}

/// A series of figures as "period: value" pairs, each area's figure after the force-wide one.
pub(super) fn series_text(series: &[SeriesPoint], unit: Unit, plan: &Plan) -> String {
    if series.is_empty() {
        return "none".to_string();
    }
    series
        .iter()
        .map(|p| {
            let mut text = format!(
                "{}: {}",
                p.period,
                p.value
                    .map_or("no figure".to_string(), |v| format_value(v, unit))
            );
            for a in &p.areas {
                text.push_str(&format!(
                    ", {} {}",
                    plan.area_name(&a.area),
                    format_value(a.value, unit)
                ));
            }
            text
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Breakdown tables as "title, period on baseline period (label value against baseline
/// (change) with limits lower to upper: note, ...)".
pub(super) fn breakdowns_text(breakdowns: &[Breakdown]) -> String {
    if breakdowns.is_empty() {
        return "none".to_string();
    }
    breakdowns
        .iter()
        .map(|b| {
            let items = b
                .items
                .iter()
                .map(|i| format!("{} {}", i.label, breakdown_item_text(b, i)))
                .collect::<Vec<_>>()
                .join(", ");
            let periods = [b.period.as_deref(), b.baseline_period.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" on ");
            match periods.is_empty() {
                true => format!("{} ({items})", b.title),
                false => format!("{}, {periods} ({items})", b.title),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One item of a breakdown table, without its label: "2641 against 2775 (-5%) with limits
/// 2279 to 3295: note".
pub(super) fn breakdown_item_text(b: &Breakdown, i: &BreakdownItem) -> String {
    let number = |v: f64| match b.unit {
        Some(unit) => format_value(v, unit),
        None => v.to_string(),
    };
    let mut text = number(i.value);
    if let Some(v) = i.baseline {
        text.push_str(&format!(" against {}", number(v)));
    }
    if let Some(c) = i.change {
        text.push_str(&format!(" ({})", change_text(c)));
    }
    if let Some(l) = &i.limits {
        text.push_str(&format!(
            " with limits {} to {}",
            number(l.lower),
            number(l.upper)
        ));
    }
    if let Some(note) = &i.note {
        text.push_str(&format!(": {note}"));
    }
    text
}
