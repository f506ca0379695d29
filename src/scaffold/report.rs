//! `planpress new report 2021-22-q2`: the next reporting period, started from the last
//! report's statements with every figure blank, so the office types numbers into files that
//! already have the right shape, and a checklist of what to fill in.
//!
//! The new report is a draft: it builds, shows what is filled in so far, and `planpress check`
//! lists what it still lacks, line by line. Its folder is written whole or not at all: every
//! file is made in a hidden folder beside it, then the folder is renamed into place, which
//! fails rather than replace a report that is already there.

use std::path::{Path, PathBuf};

use super::{markdown_file, ScaffoldError};
use crate::diagnostics::Diagnostics;
use crate::fmt::front::{self, Node};
use crate::load::SourceFile;
use crate::parse::kinds::Unit;
use crate::plan::{valid_date, valid_id, Figures, Plan, Report};

/// What `new report` made.
#[derive(Debug, Clone)]
pub struct NewReport {
    /// The report's folder.
    pub folder: PathBuf,
    /// The report's title, as written in its `_index.md`.
    pub title: String,
    /// The report it was started from, if any.
    pub from: Option<String>,
    /// Its `_index.md`, then each statement's file, each with how many values it leaves
    /// blank.
    pub files: Vec<(PathBuf, usize)>,
}

impl NewReport {
    /// How many values are left to fill in, across every file.
    pub fn blanks(&self) -> usize {
        self.files.iter().map(|(_, n)| n).sum()
    }
}

/// The title and period of the financial-year quarter an id such as `2021-22-q2` names:
/// ("Quarter 2 2021/22", "2021-07-01", "2021-09-30"). UK public bodies' years run from April,
/// so quarter 1 is April to June and quarter 4 is January to March of the next year.
pub fn quarter_of(id: &str) -> Option<(String, String, String)> {
    let b = id.as_bytes();
    if b.len() != 10 || &id[4..5] != "-" || &id[7..9] != "-q" {
        return None;
    }
    let year: u32 = id[..4].parse().ok()?;
    let next: u32 = id[5..7].parse().ok()?;
    let q: u32 = id[9..].parse().ok()?;
    if (year + 1) % 100 != next || !(1..=4).contains(&q) {
        return None;
    }
    let (y, start, end) = match q {
        1 => (year, "04-01", "06-30"),
        2 => (year, "07-01", "09-30"),
        3 => (year, "10-01", "12-31"),
        _ => (year + 1, "01-01", "03-31"),
    };
    Some((
        format!("Quarter {q} {year}/{next:02}"),
        format!("{y}-{start}"),
        format!("{y}-{end}"),
    ))
}

/// The day after `date` (`YYYY-MM-DD`).
fn next_day(date: &str) -> Option<String> {
    let (y, m, d) = ymd(date)?;
    let last = crate::plan::days_in_month(y, m);
    Some(match (d < last, m < 12) {
        (true, _) => format!("{y:04}-{m:02}-{:02}", d + 1),
        (false, true) => format!("{y:04}-{:02}-01", m + 1),
        (false, false) => format!("{:04}-01-01", y + 1),
    })
}

fn ymd(date: &str) -> Option<(u32, u32, u32)> {
    let mut p = date.split('-').map(|s| s.parse::<u32>().ok());
    Some((p.next()??, p.next()??, p.next()??))
}

/// The last day of the three months starting on `start`.
fn three_months_from(start: &str) -> Option<String> {
    let (y, m, _) = ymd(start)?;
    let (y, m) = if m + 2 > 12 {
        (y + 1, m + 2 - 12)
    } else {
        (y, m + 2)
    };
    Some(format!(
        "{y:04}-{m:02}-{:02}",
        crate::plan::days_in_month(y, m)
    ))
}

fn blank() -> Node {
    Node::Blank
}

fn text(s: &str) -> Node {
    Node::Scalar(s.to_string())
}

/// The front matter of a statement's new file: every key the last report's file had, with
/// every figure, period and note blank; breakdown titles, item labels, area ids and the notes
/// on charts not carried are kept, so that only numbers and periods need typing.
fn emptied(f: &Figures) -> (Node, usize) {
    let mut n = 0;
    let mut b = || {
        n += 1;
        blank()
    };
    let mut top: Vec<(&'static str, Node)> = Vec::new();
    for (key, fig) in [
        ("latest", &f.latest),
        ("previous", &f.previous),
        ("baseline", &f.baseline),
    ] {
        if fig.is_some() {
            top.push((key, Node::Map(vec![("value", b()), ("period", b())])));
        }
    }
    if f.change.is_some() {
        top.push(("change", Node::Map(vec![("value", b()), ("basis", b())])));
    }
    if f.direction.is_some() {
        top.push(("direction", b()));
    }
    let limits = |l: &crate::parse::kinds::Limits, b: &mut dyn FnMut() -> Node| {
        let mut entries = vec![("upper", b()), ("lower", b())];
        if let Some(basis) = &l.basis {
            entries.push(("basis", text(basis)));
        }
        Node::Map(entries)
    };
    if let Some(l) = &f.limits {
        top.push(("limits", limits(l, &mut b)));
    }
    let areas = |list: &[crate::parse::kinds::AreaValue], b: &mut dyn FnMut() -> Node| {
        Node::List(
            list.iter()
                .map(|a| Node::Map(vec![("area", text(&a.area)), ("value", b())]))
                .collect(),
        )
    };
    if !f.areas.is_empty() {
        top.push(("areas", areas(&f.areas, &mut b)));
    }
    if !f.series.is_empty() {
        let points = f
            .series
            .iter()
            .map(|p| {
                let mut entries = vec![("period", b())];
                if p.value.is_some() {
                    entries.push(("value", b()));
                }
                if !p.areas.is_empty() {
                    entries.push(("areas", areas(&p.areas, &mut b)));
                }
                Node::Map(entries)
            })
            .collect();
        top.push(("series", Node::List(points)));
    }
    if !f.breakdowns.is_empty() {
        let list = f
            .breakdowns
            .iter()
            .map(|bd| {
                let mut entries = vec![("title", text(&bd.title))];
                if let Some(u) = bd.unit {
                    entries.push(("unit", text(u.id())));
                }
                if bd.period.is_some() {
                    entries.push(("period", b()));
                }
                if bd.baseline_period.is_some() {
                    entries.push(("baseline_period", b()));
                }
                let items = bd
                    .items
                    .iter()
                    .map(|i| {
                        let mut e = vec![("label", text(&i.label)), ("value", b())];
                        if i.baseline.is_some() {
                            e.push(("baseline", b()));
                        }
                        if i.change.is_some() {
                            e.push(("change", b()));
                        }
                        if let Some(l) = &i.limits {
                            e.push(("limits", limits(l, &mut b)));
                        }
                        if i.note.is_some() {
                            e.push(("note", b()));
                        }
                        Node::Map(e)
                    })
                    .collect();
                entries.push(("items", Node::List(items)));
                Node::Map(entries)
            })
            .collect();
        top.push(("breakdowns", Node::List(list)));
    }
    if !f.chart_only.is_empty() {
        top.push((
            "chart_only",
            Node::List(f.chart_only.iter().map(|c| text(c)).collect()),
        ));
    }
    (Node::Map(top), n)
}

/// Starts the report `id` in the plan in `content`, from its last report; returns what it
/// made. The plan must be valid before, and is checked with the new report before anything is
/// written.
pub fn new_report(content: &Path, id: &str) -> Result<NewReport, ScaffoldError> {
    if !valid_id(id) {
        return Err(ScaffoldError::usage(
            format!("\"{id}\" cannot be used as a report's id"),
            "name the period with lower-case letters, digits and hyphens, such as 2021-22-q2 (the second quarter of 2021/22)",
        ));
    }
    let mut diags = Diagnostics::new();
    let mut files = crate::load::read_dir(content, &mut diags);
    let images = crate::load::read_images(content);
    let plan = Plan::from_files(&files, &images, content, diags).map_err(ScaffoldError::Content)?;
    if plan.report(id).is_some() {
        return Err(ScaffoldError::usage(
            format!("the report \"{id}\" is already there"),
            format!("fill it in: content/reports/{id}/; planpress check lists what it lacks"),
        ));
    }
    if plan.reports.is_empty() && plan.statements.iter().any(|s| !s.figures().is_empty()) {
        return Err(ScaffoldError::usage(
            "this plan's statements give their figures in their own files",
            "a plan that reports period by period gives them in reports: move each statement's figures into content/reports/<period>/<statement>.md first (docs/content-model.md says how)",
        ));
    }
    let last: Option<&Report> = plan.reports.last();
    let (title, start, end) = match quarter_of(id) {
        Some(q) => q,
        None => {
            let start = match last.and_then(|r| next_day(&r.end)) {
                Some(s) => s,
                None => {
                    return Err(ScaffoldError::usage(
                        format!("\"{id}\" does not name a quarter, and there is no report before it to follow"),
                        "name a financial year's quarter, such as 2021-22-q1, or write content/reports/<id>/_index.md with its title, start and end",
                    ))
                }
            };
            let end = three_months_from(&start).unwrap_or_else(|| start.clone());
            (format!("Report {id}"), start, end)
        }
    };
    if let Some(l) = last {
        if valid_date(&l.end, true) && start <= l.end {
            return Err(ScaffoldError::usage(
                format!(
                    "the report \"{id}\" ({start} to {end}) would not come after the last one, {} ({} to {})",
                    l.title, l.start, l.end
                ),
                "start the period after the last report's, such as the next quarter",
            ));
        }
    }
    let rel_folder = format!("reports/{id}");
    let folder = content.join(&rel_folder);
    if folder.exists() {
        return Err(ScaffoldError::usage(
            format!("{} is already there", folder.display()),
            "give another id, or fill in the report that is there",
        ));
    }
    // The date it goes to the Panel and its source are left blank, to fill in.
    let index = vec![
        ("title", text(&title)),
        ("start", text(&start)),
        ("end", text(&end)),
        ("presented", blank()),
        ("status", text("draft")),
        ("source", blank()),
    ];
    let mut made: Vec<(String, String, usize)> = vec![(
        format!("{rel_folder}/_index.md"),
        markdown_file(&front::write(&Node::Map(index), &front::REPORT), ""),
        2,
    )];
    // Each statement the last report gave (every statement, for a first report), with the
    // same keys and every value blank.
    let statements: Vec<(&str, Figures)> = match last {
        Some(r) => r
            .statements
            .iter()
            .filter(|s| plan.statements.iter().any(|p| p.id == s.statement))
            .map(|s| (s.statement.as_str(), s.figures.clone()))
            .collect(),
        None => plan
            .statements
            .iter()
            .map(|s| {
                let mut f = Figures::default();
                if s.unit != Unit::Text {
                    f.latest = Some(crate::parse::kinds::Figure {
                        value: 0.0,
                        period: String::new(),
                    });
                }
                (s.id.as_str(), f)
            })
            .collect(),
    };
    for (statement, figures) in &statements {
        let (node, n) = emptied(figures);
        let front_text = front::write(&node, &front::REPORTED);
        made.push((
            format!("{rel_folder}/{statement}.md"),
            markdown_file(&front_text, ""),
            n,
        ));
    }
    // The plan with the new report must be as valid as it was without it.
    for (rel, text, _) in &made {
        files.push(SourceFile::new(rel.clone(), content.join(rel), text));
    }
    Plan::from_files(&files, &images, content, Diagnostics::new())
        .map_err(ScaffoldError::Content)?;
    crate::write::new_folder(
        &folder,
        made.iter()
            .map(|(rel, text, _)| {
                let name = rel.rsplit('/').next().unwrap_or(rel).to_string();
                (name, text.as_bytes().to_vec())
            })
            .collect(),
    )
    .map_err(|e| ScaffoldError::Io(format!("cannot write {}: {e}", folder.display())))?;
    Ok(NewReport {
        folder,
        title,
        from: last.map(|r| r.title.clone()),
        files: made
            .into_iter()
            .map(|(rel, _, n)| (content.join(rel), n))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_of_financial_quarters_name_their_months() {
        assert_eq!(
            quarter_of("2021-22-q2"),
            Some((
                "Quarter 2 2021/22".into(),
                "2021-07-01".into(),
                "2021-09-30".into()
            ))
        );
        assert_eq!(
            quarter_of("2021-22-q4").map(|q| (q.1, q.2)),
            Some(("2022-01-01".into(), "2022-03-31".into()))
        );
        assert_eq!(
            quarter_of("1999-00-q1").map(|q| q.0),
            Some("Quarter 1 1999/00".into())
        );
        for not in ["2021-23-q1", "2021-22-q5", "2021-22", "q2", "2021-22-q10"] {
            assert_eq!(quarter_of(not), None, "{not}");
        }
    }

    #[test]
    fn periods_follow_on() {
        assert_eq!(next_day("2021-06-30").as_deref(), Some("2021-07-01"));
        assert_eq!(next_day("2021-12-31").as_deref(), Some("2022-01-01"));
        assert_eq!(
            three_months_from("2021-11-01").as_deref(),
            Some("2022-01-31")
        );
        assert_eq!(
            three_months_from("2024-01-01").as_deref(),
            Some("2024-03-31")
        );
    }
}
