//! The "what changed" report: a [`PlanDiff`] written for people, as terminal text, Markdown (to
//! paste into a pull request or a Panel paper) or an accessible HTML page.
//!
//! All three say the same things in the same order: a sentence per kind of change, a table of
//! counts, then each changed item with its changes. Rewording is shown word by word with the
//! words labelled, "[deleted: ...]" and "[added: ...]", so no reader depends on colour or
//! strike-through to tell them apart. The HTML report ends with an appendix of the source
//! files' unified diff, highlighted by syntect with CSS classes as code blocks are on the site.
//!
//! The website's "What has changed" page ([`website_changes`]) and git's external diff hook
//! ([`git_external`]) reuse the same writers.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::OnceLock;

use anyhow::{anyhow, Context as _, Result};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::git::{self, Source};
use crate::load::SourceFile;
use crate::parse::kinds::{PlanFront, PlanStatus};
use crate::plan::diff::{Change, ItemDiff, ItemKind, Paragraph, PlanDiff, Status, Word};
use crate::plan::Plan;
use crate::render::escape;
use crate::render::highlight::CLASS_PREFIX;

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
    /// The changed source files, for the HTML appendix.
    pub files: Vec<FileDiff>,
}

/// One changed source file, as a unified diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileDiff {
    /// Its path in the old version (relative to the content folder), if it existed.
    pub old_path: Option<String>,
    /// Its path in the new version, if it exists.
    pub new_path: Option<String>,
    /// The unified diff of its text.
    pub unified: String,
}

impl FileDiff {
    /// The name to show for the file.
    pub fn name(&self) -> String {
        match (&self.old_path, &self.new_path) {
            (Some(a), Some(b)) if a != b => format!("{a} → {b}"),
            (_, Some(b)) => b.clone(),
            (Some(a), None) => a.clone(),
            (None, None) => String::new(),
        }
    }
}

/// The unified diffs of the files that differ, pairing renamed files as the plan diff found.
pub fn file_diffs(old: &[SourceFile], new: &[SourceFile], diff: &PlanDiff) -> Vec<FileDiff> {
    let renamed = diff.renamed_files();
    let mut out = Vec::new();
    let mut new_used = std::collections::BTreeSet::new();
    for o in old {
        let target = renamed
            .iter()
            .find(|(from, _)| *from == o.rel)
            .map_or(o.rel.as_str(), |(_, to)| to.as_str());
        let n = new.iter().find(|n| n.rel == target);
        if let Some(n) = n {
            new_used.insert(n.rel.clone());
        }
        let new_text = n.map_or("", |n| n.text.as_str());
        if n.is_some() && o.text == new_text && o.rel == target {
            continue;
        }
        out.push(FileDiff {
            old_path: Some(o.rel.clone()),
            new_path: n.map(|n| n.rel.clone()),
            unified: unified(
                &o.text,
                new_text,
                &o.rel,
                n.map_or("/dev/null", |n| n.rel.as_str()),
            ),
        });
    }
    for n in new.iter().filter(|n| !new_used.contains(&n.rel)) {
        out.push(FileDiff {
            old_path: None,
            new_path: Some(n.rel.clone()),
            unified: unified("", &n.text, "/dev/null", &n.rel),
        });
    }
    out.sort_by_key(|f| f.new_path.clone().or(f.old_path.clone()));
    out
}

fn unified(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    let a = if old_name == "/dev/null" {
        old_name.to_string()
    } else {
        format!("a/{old_name}")
    };
    let b = if new_name == "/dev/null" {
        new_name.to_string()
    } else {
        format!("b/{new_name}")
    };
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&a, &b)
        .to_string()
}

/// A piece of a line of the report.
#[derive(Debug, Clone)]
enum Span {
    Text(String),
    Strong(String),
    Code(String),
    Deleted(String),
    Added(String),
}

/// One changed item: a headline, and one line per change (a line may hold sub-lines).
struct Entry {
    headline: Vec<Span>,
    lines: Vec<Line>,
}

struct Line {
    spans: Vec<Span>,
    sub: Vec<Vec<Span>>,
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

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
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
        Change::Renamed { from, to } => Line::new(vec![
            t("File renamed from "),
            Span::Code(from.clone()),
            t(" to "),
            Span::Code(to.clone()),
        ]),
    }
}

fn entry(item: &ItemDiff) -> Entry {
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
            headline.push(t(format!("{}: {}", kind.singular(), item.name)));
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
fn summary_rows(diff: &PlanDiff, all: bool) -> Vec<(&'static str, [usize; 5])> {
    diff.sections
        .iter()
        .map(|s| {
            let c = s.counts();
            (
                s.kind.heading(),
                [c.added, c.removed, c.reworded, c.moved, c.other],
            )
        })
        .filter(|(_, n)| all || n.iter().any(|n| *n > 0))
        .collect()
}

const COLUMNS: [&str; 5] = ["Added", "Removed", "Reworded", "Moved", "Other changes"];

fn title(report: &Report) -> String {
    format!(
        "What changed between {} and {}",
        report.old_label, report.new_label
    )
}

fn sections(report: &Report) -> Vec<(String, String, Vec<Entry>)> {
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
            s.kind.heading().to_string(),
            crate::render::slug(s.kind.plural()),
            s.items.iter().map(entry).collect(),
        ));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Text

/// The report as terminal text, with ANSI colours and emphasis when `color` is set.
pub fn text(report: &Report, color: bool) -> String {
    let (bold, red, green, dim, reset) = if color {
        ("\x1b[1m", "\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[0m")
    } else {
        ("", "", "", "", "")
    };
    let spans = |spans: &[Span]| {
        let mut s = String::new();
        for span in spans {
            match span {
                Span::Text(x) => s.push_str(x),
                Span::Strong(x) => {
                    let _ = write!(s, "{bold}{x}{reset}");
                }
                Span::Code(x) => {
                    let _ = write!(s, "{dim}{x}{reset}");
                }
                Span::Deleted(x) => {
                    let _ = write!(s, "{red}[deleted: {x}]{reset}");
                }
                Span::Added(x) => {
                    let _ = write!(s, "{green}[added: {x}]{reset}");
                }
            }
        }
        s
    };
    let mut out = String::new();
    let _ = writeln!(out, "{bold}{}{reset}\n", title(report));
    if report.diff.is_empty() {
        out.push_str("No changes: the two versions of the plan say the same.\n");
        return out;
    }
    for s in report.diff.summary_sentences() {
        let _ = writeln!(out, "{s}");
    }
    let rows = summary_rows(report.diff, false);
    if !rows.is_empty() {
        let _ = writeln!(out, "\n{bold}Summary{reset}");
        let _ = write!(out, "  {:<24}", "");
        for c in COLUMNS {
            let _ = write!(out, "  {c}");
        }
        out.push('\n');
        for (name, counts) in rows {
            let _ = write!(out, "  {name:<24}");
            for (n, c) in counts.iter().zip(COLUMNS) {
                let _ = write!(out, "  {n:>w$}", w = c.chars().count());
            }
            out.push('\n');
        }
    }
    for (heading, _, entries) in sections(report) {
        let _ = writeln!(out, "\n{bold}{heading}{reset}");
        for e in entries {
            let _ = writeln!(out, "\n  * {}", spans(&e.headline));
            for line in e.lines {
                let _ = writeln!(out, "    - {}", spans(&line.spans));
                for sub in line.sub {
                    let _ = writeln!(out, "      - {}", spans(&sub));
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Markdown

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn md_code(s: &str) -> String {
    if s.contains('`') {
        format!("`` {s} ``")
    } else {
        format!("`{s}`")
    }
}

fn md_spans(spans: &[Span]) -> String {
    let mut s = String::new();
    for span in spans {
        match span {
            Span::Text(x) => s.push_str(&md_escape(x)),
            Span::Strong(x) => {
                let _ = write!(s, "**{}**", md_escape(x));
            }
            Span::Code(x) => s.push_str(&md_code(x)),
            Span::Deleted(x) => {
                let _ = write!(s, "\\[deleted: ~~{}~~\\]", md_escape(x));
            }
            Span::Added(x) => {
                let _ = write!(s, "\\[added: **{}**\\]", md_escape(x));
            }
        }
    }
    s
}

/// The report as Markdown, for a pull request or a Panel paper.
pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_escape(&title(report)));
    if report.diff.is_empty() {
        out.push_str("No changes: the two versions of the plan say the same.\n");
        return out;
    }
    for s in report.diff.summary_sentences() {
        let _ = writeln!(out, "- {}", md_escape(&s));
    }
    out.push_str("\nDeleted words are shown as \\[deleted: ~~words~~\\] and added words as \\[added: **words**\\].\n");
    let rows = summary_rows(report.diff, false);
    if !rows.is_empty() {
        out.push_str("\n## Summary\n\n| Kind of item |");
        for c in COLUMNS {
            let _ = write!(out, " {c} |");
        }
        out.push_str("\n|---|");
        out.push_str(&"--:|".repeat(COLUMNS.len()));
        out.push('\n');
        for (name, counts) in rows {
            let _ = write!(out, "| {name} |");
            for n in counts {
                let _ = write!(out, " {n} |");
            }
            out.push('\n');
        }
    }
    for (heading, _, entries) in sections(report) {
        let _ = writeln!(out, "\n## {heading}\n");
        for e in entries {
            let _ = writeln!(out, "- {}", md_spans(&e.headline));
            for line in e.lines {
                let _ = writeln!(out, "  - {}", md_spans(&line.spans));
                for sub in line.sub {
                    let _ = writeln!(out, "    - {}", md_spans(&sub));
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// HTML

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

const REPORT_CSS: &str = r#"
:root { color-scheme: light; }
body { margin: 0; overflow-wrap: break-word; font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; font-size: 1.125rem; line-height: 1.5; color: #0b0c0c; background: #fff; }
.wrap { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
.skip-link { position: absolute; left: 0.5rem; top: -10rem; padding: 0.5rem 1rem; background: #fd0; color: #0b0c0c; font-weight: 700; z-index: 10; }
.skip-link:focus { top: 0.5rem; }
a { color: #1d4f91; text-decoration-thickness: max(1px, 0.0625rem); text-underline-offset: 0.15em; }
a:focus, [tabindex]:focus, .skip-link:focus { outline: 3px solid #0b0c0c; outline-offset: 2px; box-shadow: 0 0 0 6px #fd0; }
header.report-header { border-bottom: 4px solid #1d4f91; padding: 1rem 0; }
header.report-header p { margin: 0; font-weight: 700; }
main { padding: 1rem 0 3rem; }
main:focus { outline: none; }
h1 { font-size: 2rem; line-height: 1.2; }
h2 { font-size: 1.5rem; margin-top: 2.5rem; }
h3 { font-size: 1.125rem; margin: 0; }
ul { padding-left: 1.5rem; }
li { margin: 0.25rem 0; }
.changed-items > li { margin: 1rem 0; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.95em; overflow-wrap: anywhere; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 1rem 0; }
caption { text-align: left; font-weight: 700; padding-bottom: 0.5rem; }
th, td { border: 1px solid #505a5f; padding: 0.4rem 0.75rem; text-align: left; }
td { text-align: right; font-variant-numeric: tabular-nums; }
thead th { background: #f3f2f1; }
.change { overflow-wrap: anywhere; }
.change-deleted { color: #7a1010; }
.change-deleted del { background: #fde8e8; text-decoration-thickness: 2px; }
.change-added { color: #0b4d1f; }
.change-added ins { background: #e3f4e8; text-decoration-thickness: 2px; font-weight: 700; }
.code-scroll { overflow-x: auto; margin: 0.5rem 0 1.5rem; }
pre.code { margin: 0; padding: 0.75rem; border: 1px solid #505a5f; background: #fafafa; font-size: 0.95rem; line-height: 1.4; white-space: pre; }
.hl-inserted { color: #0b4d1f; background: #e3f4e8; }
.hl-deleted { color: #7a1010; background: #fde8e8; }
.hl-range, .hl-header, .hl-from-file, .hl-to-file { color: #1d4f91; font-weight: 700; }
footer.report-footer { border-top: 1px solid #b1b4b6; padding: 1rem 0 2rem; font-size: 1rem; }
@media print { .skip-link { display: none; } pre.code { white-space: pre-wrap; } }
@media (forced-colors: active) { del, ins { text-decoration-color: CanvasText; } }
"#;

static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();

/// A unified diff as highlighted HTML, classed like the site's code blocks.
fn highlighted_diff(unified: &str) -> String {
    let syntaxes = SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines);
    let Some(syntax) = syntaxes.find_syntax_by_token("diff") else {
        return escape(unified);
    };
    let mut gen = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        syntaxes,
        ClassStyle::SpacedPrefixed {
            prefix: CLASS_PREFIX,
        },
    );
    for line in LinesWithEndings::from(unified) {
        if gen
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return escape(unified);
        }
    }
    gen.finalize()
}

/// The report as one accessible, self-contained HTML page (styles inside, no scripts).
pub fn html(report: &Report) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{} – {}</title>\n<style>{REPORT_CSS}</style>\n</head>\n<body>\n<a class=\"skip-link\" href=\"#main-content\">Skip to main content</a>\n<header class=\"report-header\"><div class=\"wrap\"><p>{}</p></div></header>\n<div class=\"wrap\">\n<main id=\"main-content\" tabindex=\"-1\">\n<h1>{}</h1>\n",
        escape(&title(report)),
        escape(&report.plan_title),
        escape(&report.plan_title),
        escape(&title(report)),
    );
    out.push_str(&html_fragment(report, 2, ""));
    if !report.files.is_empty() {
        out.push_str("<section aria-labelledby=\"appendix\">\n<h2 id=\"appendix\">Appendix: changes to the source files</h2>\n<p>For editors: the changed files as a unified diff. Paths are relative to the content folder. Lines starting with a minus sign (−) were taken out; lines starting with a plus sign (+) were added; the other lines are unchanged context.</p>\n");
        for (i, f) in report.files.iter().enumerate() {
            let name = escape(&f.name());
            let _ = write!(
                out,
                "<h3 id=\"file-{n}\">{name}</h3>\n<div class=\"code-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"file-{n}\"><pre class=\"code\"><code class=\"language-diff\">{}</code></pre></div>\n",
                highlighted_diff(&f.unified),
                n = i + 1,
            );
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</div>\n<footer class=\"report-footer\"><div class=\"wrap\"><p>Made with planpress diff, which compares the plan item by item. <a href=\"#main-content\">Back to the top</a></p></div></footer>\n</body>\n</html>\n");
    out
}

// ---------------------------------------------------------------------------------------------
// Loading both sides

/// One side of a comparison, loaded and validated.
#[derive(Debug)]
pub struct Side {
    /// Where it came from.
    pub source: Source,
    /// Its files.
    pub files: Vec<SourceFile>,
    /// The validated plan.
    pub plan: Plan,
}

/// Why a side could not be compared.
#[derive(Debug)]
pub enum LoadError {
    /// The revision or folder does not exist or holds no content: a usage error.
    Source(git::SourceError),
    /// The content has problems; each names the revision and `path:line`.
    Content(Vec<Diagnostic>),
}

/// Resolves and loads one side through the same loader and validator as `build`.
pub fn load_side(spec: &str, content: &Path) -> Result<Side, LoadError> {
    let source = git::resolve(spec, content).map_err(LoadError::Source)?;
    load_source(source)
}

/// Loads a resolved source.
pub fn load_source(source: Source) -> Result<Side, LoadError> {
    let (files, diags) = git::read(&source).map_err(LoadError::Source)?;
    match Plan::from_files(&files, &source.root(), diags) {
        Ok(plan) => Ok(Side {
            source,
            files,
            plan,
        }),
        Err(errors) => Err(LoadError::Content(errors.0)),
    }
}

/// The revision named by the plan's `compare_with` key, read from its own front matter.
pub fn compare_with(plan: &Plan) -> Option<String> {
    serde_yaml::from_str::<PlanFront>(&plan.meta.origin.front)
        .ok()?
        .compare_with
        .filter(|r| !r.trim().is_empty())
}

/// The website's "What has changed" page content.
#[derive(Debug, Clone, serde::Serialize)]
pub struct WebsiteChanges {
    /// The revision compared with.
    pub revision: String,
    /// The report as an HTML fragment with headings from `h2`.
    pub html: String,
    /// One sentence per kind of change.
    pub summary: Vec<String>,
}

/// Compares the plan being published with the revision its `compare_with` key names, for the
/// website. `None` when the key is not set, so sites without it need no git at all.
pub fn website_changes(plan: &Plan) -> Result<Option<WebsiteChanges>> {
    let Some(revision) = compare_with(plan) else {
        return Ok(None);
    };
    let content = plan
        .meta
        .origin
        .display
        .parent()
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let old = match load_side(&revision, &content) {
        Ok(side) => side,
        Err(LoadError::Source(e)) => {
            return Err(anyhow!(e)).with_context(|| {
                format!("cannot make the \"What has changed\" page for compare_with: {revision}")
            })
        }
        Err(LoadError::Content(d)) => {
            return Err(anyhow!(crate::ContentErrors(d))).with_context(|| {
                format!("the revision \"{revision}\" named by compare_with has content problems")
            })
        }
    };
    let diff = PlanDiff::between(&old.plan, plan);
    let report = Report {
        diff: &diff,
        old_label: revision.clone(),
        new_label: "this version".to_string(),
        plan_title: plan.meta.title.clone(),
        files: Vec::new(),
    };
    Ok(Some(WebsiteChanges {
        html: html_fragment(&report, 2, "changes-"),
        summary: diff.summary_sentences(),
        revision,
    }))
}

/// The theme's templates, with the default `changes.html` added when the theme lacks one.
pub fn with_changes_template(tera: &tera::Tera) -> Result<std::borrow::Cow<'_, tera::Tera>> {
    if tera.get_template_names().any(|n| n == "changes.html") {
        return Ok(std::borrow::Cow::Borrowed(tera));
    }
    let mut owned = tera.clone();
    owned
        .add_raw_template(
            "changes.html",
            include_str!("../../themes/default/templates/changes.html"),
        )
        .map_err(|e| {
            anyhow!(
                "the changes.html template has an error: {}",
                crate::theme::chain(&e)
            )
        })?;
    Ok(std::borrow::Cow::Owned(owned))
}

// ---------------------------------------------------------------------------------------------
// git's external diff

/// Runs as git's external diff command (`GIT_EXTERNAL_DIFF` or `diff.<driver>.command`) for one
/// changed file: `path old-file old-hex old-mode new-file new-hex new-mode`, optionally followed
/// by the new path and rename details. Prints what changed in the items of that file; a file
/// that cannot be read as plan content falls back to a plain unified diff.
pub fn git_external(args: &[String], content: &Path, color: bool) -> Result<String> {
    let [path, old_file, _old_hex, _old_mode, new_file, _new_hex, _new_mode, rest @ ..] = args
    else {
        return Err(anyhow!(
            "--git-external expects the 7 or 9 arguments git passes to an external diff"
        ));
    };
    let new_path = rest.first().unwrap_or(path);
    let read = |f: &str| -> Result<String> {
        if f == "/dev/null" {
            return Ok(String::new());
        }
        let bytes = std::fs::read(f).with_context(|| format!("cannot read {f}"))?;
        Ok(String::from_utf8_lossy(&bytes).replace("\r\n", "\n"))
    };
    let (old_text, new_text) = (read(old_file)?, read(new_file)?);
    let prefix = content
        .to_string_lossy()
        .trim_start_matches("./")
        .trim_end_matches('/')
        .to_string();
    let rel = |p: &str| {
        p.strip_prefix(&format!("{prefix}/"))
            .unwrap_or(p)
            .to_string()
    };
    let (old_rel, new_rel) = (rel(path), rel(new_path));
    let old_plan = single_file_plan(&old_rel, path, &old_text);
    let new_plan = single_file_plan(&new_rel, new_path, &new_text);
    let mut out = String::new();
    let (bold, reset) = if color {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    match (old_plan, new_plan) {
        (Ok(a), Ok(b)) => {
            let diff = PlanDiff::between(&a, &b);
            let report = Report {
                diff: &diff,
                old_label: format!("a/{path}"),
                new_label: format!("b/{new_path}"),
                plan_title: String::new(),
                files: Vec::new(),
            };
            let _ = writeln!(out, "{bold}planpress diff a/{path} b/{new_path}{reset}");
            let body = text(&report, color);
            // Skip the report's own title line; git already printed which file this is.
            out.push_str(
                body.split_once('\n')
                    .map_or("", |(_, rest)| rest)
                    .trim_start_matches('\n'),
            );
        }
        (a, b) => {
            for problem in [a.err(), b.err()].into_iter().flatten() {
                for d in problem {
                    let _ = writeln!(out, "planpress: {d}");
                }
            }
            out.push_str(&unified(&old_text, &new_text, path, new_path));
        }
    }
    Ok(out)
}

/// A plan holding only the items of one file, for per-file comparisons. Cross-references to
/// other files are not checked; an empty text gives an empty plan.
fn single_file_plan(rel: &str, path: &str, text: &str) -> Result<Plan, Vec<Diagnostic>> {
    use crate::parse::kinds::{Contact, Licence};
    use crate::plan::{
        Aim, Body, Commitment, CommitmentGroup, GlossaryTerm, Origin, Owner, Page, PlanMeta,
        Priority, Statement,
    };
    let display = Path::new(path).to_path_buf();
    let empty_origin = Origin {
        display: display.clone(),
        file: rel.to_string(),
        front: String::new(),
        front_line: 1,
    };
    let mut plan = Plan {
        meta: PlanMeta {
            title: String::new(),
            subtitle: None,
            period: String::new(),
            status: PlanStatus::Draft,
            area: String::new(),
            force: String::new(),
            commissioner: String::new(),
            organisation: String::new(),
            published: String::new(),
            licence: Licence {
                name: String::new(),
                url: String::new(),
            },
            contact: Contact {
                phone: None,
                email: None,
                address: Vec::new(),
                social: Vec::new(),
            },
            areas: Vec::new(),
            national_priorities: Vec::new(),
            reporting_date: String::new(),
            base_url: None,
            foreword: Body::default(),
            origin: empty_origin,
        },
        aims: Vec::new(),
        glossary: Vec::new(),
        statements: Vec::new(),
        pages: Vec::new(),
    };
    if text.trim().is_empty() {
        return Ok(plan);
    }
    let Some(kind) = crate::fmt::Kind::of(rel) else {
        return Err(vec![Diagnostic::new(&display, 0, 0, "not a content file")]);
    };
    let parts = crate::parse::split(text, &display).map_err(|d| vec![d])?;
    let origin = Origin {
        display: display.clone(),
        file: rel.to_string(),
        front: parts.front.to_string(),
        front_line: parts.front_line,
    };
    let body = Body {
        markdown: parts.body.to_string(),
        line: parts.body_line,
    };
    let mut diags = Diagnostics::new();
    let id = rel
        .rsplit('/')
        .next()
        .unwrap_or(rel)
        .trim_end_matches(".md")
        .to_string();
    let folder = rel.split('/').next().unwrap_or("").to_string();
    macro_rules! parse {
        ($t:ty) => {
            crate::parse::front_matter::<$t>(parts.front, &display, parts.front_line, &mut diags)
                .ok_or_else(|| diags.clone().into_sorted())?
        };
    }
    match kind {
        crate::fmt::Kind::Plan => {
            let f = parse!(PlanFront);
            plan.meta = PlanMeta::from_front(f, body, origin);
        }
        crate::fmt::Kind::Aim => {
            let f = parse!(crate::parse::kinds::AimFront);
            plan.aims.push(Aim {
                id: folder,
                title: f.title,
                order: f.order,
                outcomes: f.outcomes,
                intro: body,
                priorities: Vec::new(),
                origin,
            });
        }
        crate::fmt::Kind::Priority => {
            let f = parse!(crate::parse::kinds::PriorityFront);
            let (number, pid) = id.split_once('-').unwrap_or(("0", &id));
            let group = |g: Option<crate::parse::kinds::GroupFront>, owner: Owner| {
                g.map(|g| CommitmentGroup {
                    lead: g.lead.unwrap_or_else(|| owner.default_lead().to_string()),
                    commitments: g.commitments.into_iter().map(Commitment::from).collect(),
                })
            };
            plan.aims.push(Aim {
                id: folder.clone(),
                title: folder.clone(),
                order: 1,
                outcomes: Vec::new(),
                intro: Body::default(),
                priorities: vec![Priority {
                    id: pid.to_string(),
                    aim: folder,
                    number: f.number.unwrap_or_else(|| number.parse().unwrap_or(0)),
                    title: f.title,
                    body,
                    commissioner: group(f.commissioner, Owner::Commissioner),
                    chief_constable: group(f.chief_constable, Owner::ChiefConstable),
                    origin: origin.clone(),
                }],
                origin,
            });
        }
        crate::fmt::Kind::Glossary => {
            let f = parse!(crate::parse::kinds::GlossaryFront);
            plan.glossary.push(GlossaryTerm {
                id,
                term: f.term,
                abbreviations: f.abbreviations,
                definition: body,
                origin,
            });
        }
        crate::fmt::Kind::Statement => {
            let f = parse!(crate::parse::kinds::StatementFront);
            plan.statements
                .push(Statement::from_front(id, f, body, origin));
        }
        crate::fmt::Kind::Page => {
            let f = parse!(crate::parse::kinds::PageFront);
            plan.pages.push(Page {
                id,
                title: f.title,
                order: f.order,
                body,
                origin,
            });
        }
    }
    Ok(plan)
}
