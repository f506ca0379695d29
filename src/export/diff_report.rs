//! The "what changed" report of `planpress diff`: a [`PlanDiff`] written for people, as
//! terminal text, Markdown (to paste into a pull request or a Panel paper) or an accessible
//! HTML page, and git's external diff hook ([`git_external`]).
//!
//! All three say the same things in the same order: a sentence per kind of change, a table of
//! counts, then each changed item with its changes (the entries of [`crate::render::changes`],
//! which the website's "What has changed" page shows too). The HTML report ends with an
//! appendix of the source files' unified diff, highlighted by syntect with CSS classes as
//! code blocks are on the site.

use std::fmt::Write as _;
use std::sync::OnceLock;

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::compare::diff::PlanDiff;
use crate::compare::FilePair;
use crate::load::SourceFile;
use crate::plan::translations::{NotFollowed, Part};
use crate::render::changes::{
    columns, html_fragment, legend, say, sections, summary_rows, summary_sentences, title, Report,
    Span,
};
use crate::render::escape;
use crate::render::highlight::CLASS_PREFIX;

/// `report` (text, Markdown or HTML) followed by the changes to the first language's text
/// that the translation into `language` has not followed yet (`planpress diff --lang`).
pub fn with_not_followed(
    mut report: String,
    html: bool,
    markdown: bool,
    words: &crate::words::Words,
    language: &str,
    not_followed: &[NotFollowed],
) -> String {
    let not_followed: Vec<String> = not_followed
        .iter()
        .map(|n| {
            let id = match &n.part {
                Part::Commitment(id) => id.clone(),
                _ => String::new(),
            };
            let what = say(
                words,
                language,
                n.part.key(),
                &[("id", fluent_bundle::FluentValue::from(id))],
            );
            format!("{}: {what}", n.file)
        })
        .collect();
    // The language named in its own words ("Cymraeg"), as its readers know it.
    let name = words
        .text(language, "language-name", None)
        .unwrap_or_else(|_| language.to_string());
    let name = [("language", fluent_bundle::FluentValue::from(name))];
    let heading = say(words, language, "diff-not-followed", &name);
    let none = say(words, language, "diff-all-followed", &name);
    let section = if html {
        let items: String = not_followed
            .iter()
            .map(|n| format!("<li>{}</li>\n", escape(n)))
            .collect();
        let (heading, none) = (escape(&heading), escape(&none));
        match not_followed.is_empty() {
            true => format!("<section aria-labelledby=\"not-followed\"><h2 id=\"not-followed\">{heading}</h2>\n<p>{none}</p></section>\n"),
            false => format!("<section aria-labelledby=\"not-followed\"><h2 id=\"not-followed\">{heading}</h2>\n<ul>\n{items}</ul></section>\n"),
        }
    } else {
        let mut s = format!("\n{}{heading}\n\n", if markdown { "## " } else { "" });
        if not_followed.is_empty() {
            s.push_str(&format!("{none}\n"));
        }
        for n in not_followed {
            s.push_str(&format!("- {n}\n"));
        }
        s
    };
    match (html, report.rfind("</main>")) {
        (true, Some(at)) => report.insert_str(at, &section),
        _ => report.push_str(&section),
    }
    report
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

// ---------------------------------------------------------------------------------------------
// Text

/// The report as terminal text, with ANSI colours and emphasis when `color` is set.
pub fn text(report: &Report, color: bool) -> String {
    let (bold, red, green, dim, reset) = if color {
        ("\x1b[1m", "\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[0m")
    } else {
        ("", "", "", "", "")
    };
    let (deleted, added) = (
        report.say("changes-deleted", &[]),
        report.say("changes-added", &[]),
    );
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
                    let _ = write!(s, "{red}[{deleted}: {x}]{reset}");
                }
                Span::Added(x) => {
                    let _ = write!(s, "{green}[{added}: {x}]{reset}");
                }
            }
        }
        s
    };
    let mut out = String::new();
    let _ = writeln!(out, "{bold}{}{reset}\n", title(report));
    if report.diff.is_empty() {
        let _ = writeln!(out, "{}", report.say("changes-none", &[]));
        return out;
    }
    for s in summary_sentences(report) {
        let _ = writeln!(out, "{s}");
    }
    let rows = summary_rows(report, false);
    if !rows.is_empty() {
        let columns = columns(report);
        let _ = writeln!(out, "\n{bold}{}{reset}", report.say("changes-summary", &[]));
        let _ = write!(out, "  {:<24}", "");
        for c in &columns {
            let _ = write!(out, "  {c}");
        }
        out.push('\n');
        for (name, counts) in rows {
            let _ = write!(out, "  {name:<24}");
            for (n, c) in counts.iter().zip(&columns) {
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

fn md_spans(report: &Report, spans: &[Span]) -> String {
    let (deleted, added) = (
        md_escape(&report.say("changes-deleted", &[])),
        md_escape(&report.say("changes-added", &[])),
    );
    let mut s = String::new();
    for span in spans {
        match span {
            Span::Text(x) => s.push_str(&md_escape(x)),
            Span::Strong(x) => {
                let _ = write!(s, "**{}**", md_escape(x));
            }
            Span::Code(x) => s.push_str(&md_code(x)),
            Span::Deleted(x) => {
                let _ = write!(s, "\\[{deleted}: ~~{}~~\\]", md_escape(x));
            }
            Span::Added(x) => {
                let _ = write!(s, "\\[{added}: **{}**\\]", md_escape(x));
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
        let _ = writeln!(out, "{}", md_escape(&report.say("changes-none", &[])));
        return out;
    }
    for s in summary_sentences(report) {
        let _ = writeln!(out, "- {}", md_escape(&s));
    }
    let legend = legend(
        report,
        |label, words| format!("\\[{}: ~~{}~~\\]", md_escape(label), md_escape(words)),
        |label, words| format!("\\[{}: **{}**\\]", md_escape(label), md_escape(words)),
    );
    let _ = writeln!(out, "\n{legend}");
    let rows = summary_rows(report, false);
    if !rows.is_empty() {
        let columns = columns(report);
        let _ = write!(
            out,
            "\n## {}\n\n| {} |",
            md_escape(&report.say("changes-summary", &[])),
            md_escape(&report.say("changes-kind-of-item", &[]))
        );
        for c in &columns {
            let _ = write!(out, " {} |", md_escape(c));
        }
        out.push_str("\n|---|");
        out.push_str(&"--:|".repeat(columns.len()));
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
            let _ = writeln!(out, "- {}", md_spans(report, &e.headline));
            for line in e.lines {
                let _ = writeln!(out, "  - {}", md_spans(report, &line.spans));
                for sub in line.sub {
                    let _ = writeln!(out, "    - {}", md_spans(report, &sub));
                }
            }
        }
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

/// The report as one accessible, self-contained HTML page (styles inside, no scripts), with
/// `files` (the changed source files) as an appendix.
pub fn html(report: &Report, files: &[FileDiff]) -> String {
    let mut out = String::new();
    // Words the report writes itself go in as element text: only markup characters escaped.
    let say = |key: &str| {
        report
            .say(key, &[])
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{} – {}</title>\n<style>{REPORT_CSS}</style>\n</head>\n<body>\n<a class=\"skip-link\" href=\"#main-content\">{}</a>\n<header class=\"report-header\"><div class=\"wrap\"><p>{}</p></div></header>\n<div class=\"wrap\">\n<main id=\"main-content\" tabindex=\"-1\">\n<h1>{}</h1>\n",
        escape(&report.language),
        escape(&title(report)),
        escape(&report.plan_title),
        say("skip-link"),
        escape(&report.plan_title),
        escape(&title(report)),
    );
    out.push_str(&html_fragment(report, 2, ""));
    if !files.is_empty() {
        let _ = writeln!(
            out,
            "<section aria-labelledby=\"appendix\">\n<h2 id=\"appendix\">{}</h2>\n<p>{}</p>",
            say("diff-appendix"),
            say("diff-appendix-about")
        );
        for (i, f) in files.iter().enumerate() {
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
    let _ = write!(
        out,
        "</main>\n</div>\n<footer class=\"report-footer\"><div class=\"wrap\"><p>{} <a href=\"#main-content\">{}</a></p></div></footer>\n</body>\n</html>\n",
        say("diff-made-with"),
        say("diff-back-to-top")
    );
    out
}

// ---------------------------------------------------------------------------------------------
// git's external diff

/// What git's external diff hook prints for one changed file ([`crate::compare::file_pair`]):
/// what changed in the items of that file, or, when either version cannot be read as plan
/// content, the problems and a plain unified diff.
pub fn git_external(pair: &FilePair, words: &crate::words::Words, color: bool) -> String {
    let (path, new_path) = (&pair.path, &pair.new_path);
    let mut out = String::new();
    let (bold, reset) = if color {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    match (&pair.old, &pair.new) {
        (Ok(a), Ok(b)) => {
            let diff = PlanDiff::between(a, b);
            let report = Report {
                diff: &diff,
                old_label: format!("a/{path}"),
                new_label: format!("b/{new_path}"),
                plan_title: String::new(),
                words,
                language: crate::words::tables::DEFAULT_LANGUAGE.to_string(),
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
            for problem in [a.as_ref().err(), b.as_ref().err()].into_iter().flatten() {
                for d in problem {
                    let _ = writeln!(out, "planpress: {d}");
                }
            }
            out.push_str(&unified(&pair.old_text, &pair.new_text, path, new_path));
        }
    }
    out
}
