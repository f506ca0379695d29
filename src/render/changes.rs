//! A [`PlanDiff`] written for people: the entries every form of the "what changed" report
//! shares (a headline per changed item and a line per change), and the report's body as an
//! HTML fragment, which both the website's "What has changed" page and `planpress diff`'s page
//! show. Rewording is shown word by word with the words labelled, "[deleted: ...]" and
//! "[added: ...]", so no reader depends on colour or strike-through to tell them apart.

use std::fmt::Write as _;

use crate::compare::diff::{Change, ItemDiff, ItemKind, Paragraph, PlanDiff, Status, Word};
use crate::plan::Levels;
use crate::render::escape;
use crate::words::capitalised;

/// A comparison ready to write: the diff, what was compared, and the changed source files.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    /// What changed.
    pub diff: &'a PlanDiff,
    /// How the old version is named ("consultation-draft").
    pub old_label: String,
    /// How the new version is named ("the working tree").
    pub new_label: String,
    /// The plan's title, for the page title.
    pub plan_title: String,
}

/// A piece of a line of the report.
#[derive(Debug, Clone)]
pub(crate) enum Span {
    /// Plain words.
    Text(String),
    /// Emphasised words (what happened to the item).
    Strong(String),
    /// An id or a file name.
    Code(String),
    /// Words taken out.
    Deleted(String),
    /// Words put in.
    Added(String),
}

/// One changed item: a headline, and one line per change (a line may hold sub-lines).
pub(crate) struct Entry {
    /// What happened to which item.
    pub(crate) headline: Vec<Span>,
    /// One line per change.
    pub(crate) lines: Vec<Line>,
}

/// One line of an entry.
pub(crate) struct Line {
    /// Its words.
    pub(crate) spans: Vec<Span>,
    /// Lines under it.
    pub(crate) sub: Vec<Vec<Span>>,
}

impl Line {
    fn new(spans: Vec<Span>) -> Line {
        Line {
            spans,
            sub: Vec::new(),
        }
    }
}

fn t(s: impl Into<String>) -> Span {
    Span::Text(s.into())
}

fn words(ws: &[Word]) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        match w {
            Word::Same(s) => out.push(t(s.clone())),
            Word::Deleted(s) => out.push(Span::Deleted(s.clone())),
            Word::Added(s) => {
                if matches!(ws.get(i.wrapping_sub(1)), Some(Word::Deleted(_))) {
                    out.push(t(" "));
                }
                out.push(Span::Added(s.clone()));
            }
        }
    }
    out
}

fn change_line(change: &Change) -> Line {
    match change {
        Change::Field { field, from, to } => {
            Line::new(vec![t(format!("{}: {from} → {to}", capitalised(field)))])
        }
        Change::Reworded { field, words: ws } => {
            let mut spans = vec![t(format!("{} reworded: ", capitalised(field)))];
            spans.extend(words(ws));
            Line::new(spans)
        }
        Change::Body { field, paragraphs } => Line {
            spans: vec![t(format!("{} changed:", capitalised(field)))],
            sub: paragraphs
                .iter()
                .map(|p| match p {
                    Paragraph::Added(s) => vec![t("New paragraph: "), Span::Added(s.clone())],
                    Paragraph::Removed(s) => {
                        vec![t("Paragraph taken out: "), Span::Deleted(s.clone())]
                    }
                    Paragraph::Reworded(ws) => {
                        let mut v = vec![t("Paragraph reworded: ")];
                        v.extend(words(ws));
                        v
                    }
                })
                .collect(),
        },
        Change::Moved { from, to } => Line::new(vec![t(format!("Moved from {from} to {to}"))]),
        Change::Reordered { from, to, within } => Line::new(vec![t(format!(
            "Moved from position {from} to position {to} in {within}"
        ))]),
        Change::Revised {
            statement,
            field,
            from,
            to,
        } => Line::new(vec![
            Span::Strong("Revised after publication".into()),
            t(format!(": {statement}, {field}: {from} → {to}")),
        ]),
        Change::Renamed { from, to } => Line::new(vec![
            t("File renamed from "),
            Span::Code(from.clone()),
            t(" to "),
            Span::Code(to.clone()),
        ]),
    }
}

fn entry(item: &ItemDiff, levels: &Levels) -> Entry {
    let mut headline = vec![Span::Strong(item.status.label().to_string()), t(" ")];
    let quote_name = matches!(item.kind, ItemKind::Commitment | ItemKind::Outcome);
    match item.kind {
        ItemKind::Commitment => {
            headline.push(t("commitment "));
            headline.push(Span::Code(item.id.clone()));
            if let Some(place) = &item.place {
                headline.push(t(format!(" in {place}")));
            }
        }
        ItemKind::Outcome => {
            headline.push(t("outcome"));
            if let Some(place) = &item.place {
                headline.push(t(format!(" of {place}")));
            }
        }
        ItemKind::Aim | ItemKind::Priority => headline.push(t(item.name.clone())),
        kind => {
            headline.push(t(format!("{}: {}", kind.singular(levels), item.name)));
        }
    }
    let mut lines = Vec::new();
    let reworded_text = item
        .changes
        .iter()
        .any(|c| matches!(c, Change::Reworded { field, .. } if field == "text"));
    if quote_name && !reworded_text {
        let words = match item.status {
            Status::Added => Span::Added(item.name.clone()),
            Status::Removed => Span::Deleted(item.name.clone()),
            Status::Changed => t(format!("“{}”", item.name)),
        };
        lines.push(Line::new(vec![t("Text: "), words]));
    }
    if let Some(m) = &item.matched {
        lines.push(Line::new(vec![
            t("Id changed from "),
            Span::Code(m.old_id.clone()),
            t(" to "),
            Span::Code(item.id.clone()),
            t(format!(
                "; paired by its wording ({:.0}% alike)",
                (m.score * 100.0).floor()
            )),
        ]));
    }
    lines.extend(item.changes.iter().map(change_line));
    Entry { headline, lines }
}

/// The rows of the summary table: a heading and its counts, for kinds with changes (all kinds
/// when `all` is set).
pub(crate) fn summary_rows(diff: &PlanDiff, all: bool) -> Vec<(String, [usize; 5])> {
    diff.sections
        .iter()
        .map(|s| {
            let c = s.counts();
            (
                s.kind.heading(&diff.levels),
                [c.added, c.removed, c.reworded, c.moved, c.other],
            )
        })
        .filter(|(_, n)| all || n.iter().any(|n| *n > 0))
        .collect()
}

pub(crate) const COLUMNS: [&str; 5] = ["Added", "Removed", "Reworded", "Moved", "Other changes"];

pub(crate) fn title(report: &Report) -> String {
    format!(
        "What changed between {} and {}",
        report.old_label, report.new_label
    )
}

pub(crate) fn sections(report: &Report) -> Vec<(String, String, Vec<Entry>)> {
    let mut out = Vec::new();
    if !report.diff.plan.is_empty() {
        out.push((
            "The plan's settings and foreword".to_string(),
            "plan".to_string(),
            vec![Entry {
                headline: vec![Span::Strong("Changed".into()), t(" the plan itself")],
                lines: report.diff.plan.iter().map(change_line).collect(),
            }],
        ));
    }
    for s in &report.diff.sections {
        if s.items.is_empty() {
            continue;
        }
        out.push((
            s.kind.heading(&report.diff.levels),
            s.kind.id().to_string(),
            s.items
                .iter()
                .map(|i| entry(i, &report.diff.levels))
                .collect(),
        ));
    }
    out
}

/// Escapes text for HTML, letting long unbroken runs (addresses, table rows, paths) wrap after
/// `/`, `|`, `-`, `_` and `.`, so narrow screens never scroll sideways.
fn escape_wrapping(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    for c in text.chars() {
        out.push_str(&escape(c.encode_utf8(&mut [0; 4])));
        run = if c.is_whitespace() { 0 } else { run + 1 };
        if run > 12 && matches!(c, '/' | '|' | '-' | '_' | '.' | ')' | '#') {
            out.push_str("<wbr>");
        }
    }
    out
}

fn html_spans(spans: &[Span]) -> String {
    let escape = escape_wrapping;
    let mut s = String::new();
    for span in spans {
        match span {
            Span::Text(x) => s.push_str(&escape(x)),
            Span::Strong(x) => {
                let _ = write!(s, "<strong>{}</strong>", escape(x));
            }
            Span::Code(x) => {
                let _ = write!(s, "<code>{}</code>", escape(x));
            }
            Span::Deleted(x) => {
                let _ = write!(
                    s,
                    "<span class=\"change change-deleted\">[deleted: <del>{}</del>]</span>",
                    escape(x)
                );
            }
            Span::Added(x) => {
                let _ = write!(
                    s,
                    "<span class=\"change change-added\">[added: <ins>{}</ins>]</span>",
                    escape(x)
                );
            }
        }
    }
    s
}

/// The body of the report as an HTML fragment whose headings start at `level` (2 when the
/// page has its own `h1`). `ids` prefixes every id, to keep them unique on a page.
pub fn html_fragment(report: &Report, level: u8, ids: &str) -> String {
    let (h, h2) = (level, level + 1);
    let mut out = String::new();
    if report.diff.is_empty() {
        out.push_str("<p>No changes: the two versions of the plan say the same.</p>\n");
        return out;
    }
    out.push_str("<ul class=\"change-summary\">\n");
    for s in report.diff.summary_sentences() {
        let _ = writeln!(out, "<li>{}</li>", escape(&s));
    }
    out.push_str("</ul>\n<p>Deleted words are shown as <span class=\"change change-deleted\">[deleted: <del>words</del>]</span> and added words as <span class=\"change change-added\">[added: <ins>words</ins>]</span>.</p>\n");
    let _ = writeln!(
        out,
        "<section aria-labelledby=\"{ids}summary\">\n<h{h} id=\"{ids}summary\">Summary</h{h}>"
    );
    out.push_str("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"");
    let _ = write!(out, "{ids}summary-caption\" tabindex=\"0\">\n<table class=\"change-counts\">\n<caption id=\"{ids}summary-caption\">Number of items changed, by kind</caption>\n<thead><tr><th scope=\"col\">Kind of item</th>");
    for c in COLUMNS {
        let _ = write!(out, "<th scope=\"col\">{c}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    if !report.diff.plan.is_empty() {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">The plan's settings and foreword</th><td colspan=\"5\">{} change{}</td></tr>",
            report.diff.plan.len(),
            if report.diff.plan.len() == 1 { "" } else { "s" }
        );
    }
    for (name, counts) in summary_rows(report.diff, true) {
        let _ = write!(out, "<tr><th scope=\"row\">{name}</th>");
        for n in counts {
            let _ = write!(out, "<td>{n}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
    for (heading, id, entries) in sections(report) {
        let _ = writeln!(
            out,
            "<section aria-labelledby=\"{ids}{id}\">\n<h{h} id=\"{ids}{id}\">{}</h{h}>\n<ul class=\"changed-items\">",
            escape(&heading)
        );
        for e in entries {
            let _ = write!(
                out,
                "<li>\n<h{h2} class=\"changed-item\">{}</h{h2}>\n",
                html_spans(&e.headline)
            );
            if !e.lines.is_empty() {
                out.push_str("<ul>\n");
                for line in e.lines {
                    let _ = write!(out, "<li>{}", html_spans(&line.spans));
                    if !line.sub.is_empty() {
                        out.push_str("\n<ul>\n");
                        for sub in line.sub {
                            let _ = writeln!(out, "<li>{}</li>", html_spans(&sub));
                        }
                        out.push_str("</ul>\n");
                    }
                    out.push_str("</li>\n");
                }
                out.push_str("</ul>\n");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n</section>\n");
    }
    out
}
