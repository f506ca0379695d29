//! `planpress init [DIR]`: a small, complete, valid plan to start from, with a README for the
//! office saying what each file is and what to run next.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use super::{checked_text, markdown_file, today, ScaffoldError};
use crate::diagnostics::{ContentErrors, Diagnostics};
use crate::fmt::front::{self, Node};
use crate::load::SourceFile;
use crate::plan::Plan;
use crate::write::new_file as write_new;

/// What the new plan needs from the office: the police force area, the Commissioner's name
/// and the years the plan covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitAnswers {
    /// The police force area, e.g. "Northshire".
    pub area: String,
    /// The Commissioner's name.
    pub commissioner: String,
    /// The years the plan covers, e.g. "2025-2029".
    pub period: String,
}

/// The questions `init` asks on a terminal, in order: the option that answers each, the
/// question, and its default.
pub const QUESTIONS: [(&str, &str); 3] = [
    ("area", "The police force area"),
    ("commissioner", "The Police and Crime Commissioner's name"),
    ("period", "The years the plan covers"),
];

impl InitAnswers {
    /// The answers taken when none are given: a fictional area and name, and the four years
    /// from this one.
    pub fn defaults() -> InitAnswers {
        let year: u32 = today()[..4].parse().unwrap_or(2025);
        InitAnswers {
            area: "Northshire".to_string(),
            commissioner: "Alex Morgan".to_string(),
            period: format!("{year}-{}", year + 4),
        }
    }

    /// The default answer to the question `key` (one of [`QUESTIONS`]).
    pub fn get(&self, key: &str) -> &str {
        match key {
            "area" => &self.area,
            "commissioner" => &self.commissioner,
            _ => &self.period,
        }
    }

    /// Sets the answer to `key`, checked.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), ScaffoldError> {
        let what = match key {
            "area" => "area",
            "commissioner" => "Commissioner's name",
            _ => "period",
        };
        let value = checked_text(what, value)?;
        match key {
            "area" => self.area = value,
            "commissioner" => self.commissioner = value,
            _ => self.period = value,
        }
        Ok(())
    }
}

/// Asks `question` on `output`, showing `default`, and reads the answer from `input`: an
/// empty answer, or the end of the input, takes the default; an answer that cannot be used
/// is explained and the question asked again.
pub fn ask(
    key: &str,
    question: &str,
    answers: &mut InitAnswers,
    input: &mut impl BufRead,
    output: &mut impl Write,
) -> std::io::Result<()> {
    loop {
        write!(output, "{question} [{}]: ", answers.get(key))?;
        output.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            writeln!(output)?;
            return Ok(());
        }
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            return Ok(());
        }
        match answers.set(key, line) {
            Ok(()) => return Ok(()),
            Err(e) => writeln!(output, "{e}")?,
        }
    }
}

/// What `init` did: the files it wrote and those it left as they were.
#[derive(Debug, Clone, Default)]
pub struct InitReport {
    /// Files written, in the order written.
    pub written: Vec<PathBuf>,
    /// Files that were already there, left untouched.
    pub kept: Vec<PathBuf>,
}

/// Writes a new plan into `dir`: refuses a folder that has anything in it (but a `.git`
/// folder) unless `force`, and never replaces a file.
pub fn init(dir: &Path, answers: &InitAnswers, force: bool) -> Result<InitReport, ScaffoldError> {
    if dir.exists() && !dir.is_dir() {
        return Err(ScaffoldError::usage(
            format!("{} is a file, not a folder", dir.display()),
            "give the name of a new folder, such as: planpress init my-plan",
        ));
    }
    if !force && dir.is_dir() {
        let entries = std::fs::read_dir(dir).map_err(|e| {
            ScaffoldError::Io(format!("cannot read the folder {}: {e}", dir.display()))
        })?;
        let mut others = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if name != ".git" {
                others.push(name);
            }
        }
        if !others.is_empty() {
            others.sort();
            others.truncate(5);
            return Err(ScaffoldError::usage(
                format!(
                    "the folder {} is not empty (it holds {})",
                    dir.display(),
                    others.join(", ")
                ),
                "start the plan in a new folder, such as: planpress init my-plan; or add --force to add the starter files that are missing there (no file that is there is ever replaced)",
            ));
        }
    }
    let files = starter_files(answers);
    check(dir, &files)?;
    let mut report = InitReport::default();
    for (rel, text) in files {
        let path = dir.join(&rel);
        if path.exists() {
            report.kept.push(path);
            continue;
        }
        write_new(&path, text.as_bytes())
            .map_err(|e| ScaffoldError::Io(format!("cannot write {}: {e}", path.display())))?;
        report.written.push(path);
    }
    Ok(report)
}

/// Checks the starter plan as a build would, before anything is written.
fn check(dir: &Path, files: &[(String, String)]) -> Result<(), ScaffoldError> {
    let root = dir.join("content");
    let sources: Vec<SourceFile> = files
        .iter()
        .filter_map(|(rel, text)| {
            let rel = rel.strip_prefix("content/")?;
            Some(SourceFile::new(rel, root.join(rel), text))
        })
        .collect();
    Plan::from_files(&sources, &[], &root, Diagnostics::new())
        .map(drop)
        .map_err(|ContentErrors(problems)| ScaffoldError::Usage {
            message: format!(
                "the plan made from these answers would not be valid:\n{}",
                crate::diagnostics::problem_lines(&problems, false)
            ),
            hint: Some("change the answers that the problems name".to_string()),
        })
}

fn text(s: &str) -> Node {
    Node::Scalar(s.to_string())
}

fn map(entries: Vec<(&'static str, Node)>) -> Node {
    Node::Map(entries)
}

fn list(items: Vec<Node>) -> Node {
    Node::List(items)
}

fn commitment(id: &str, words: &str) -> Node {
    map(vec![("id", text(id)), ("text", text(words))])
}

/// Every file of the starter plan, by its path in the new folder.
fn starter_files(a: &InitAnswers) -> Vec<(String, String)> {
    let title = "Police and Crime Plan";
    let plan = map(vec![
        ("title", text(title)),
        ("period", text(&a.period)),
        ("status", text("draft")),
        ("area", text(&a.area)),
        ("commissioner", text(&a.commissioner)),
        (
            "organisation",
            text(&format!(
                "Office of the Police and Crime Commissioner for {}",
                a.area
            )),
        ),
        ("published", text(&today())),
        (
            "licence",
            map(vec![
                ("name", text("Open Government Licence v3.0")),
                (
                    "url",
                    text("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"),
                ),
            ]),
        ),
        (
            "contact",
            map(vec![("email", text("office@example.org"))]),
        ),
    ]);
    let foreword = format!(
        "This is the foreword: the Commissioner's introduction to the plan.\n\
         Replace it with why the plan matters to the people of {} and what it will change.\n\n\
         The plan sets out the police and crime objectives, the policing the Chief Constable will provide, and how progress will be measured and reported.\n",
        a.area
    );
    let aim = map(vec![
        ("title", text("Safer communities")),
        ("order", text("1")),
        (
            "outcomes",
            list(vec![text(
                "People feel safe where they live, work and travel.",
            )]),
        ),
    ]);
    let priority = map(vec![
        ("number", text("1")),
        ("title", text("Visible neighbourhood policing")),
        (
            "commissioner",
            map(vec![(
                "commitments",
                list(vec![commitment(
                    "fund-neighbourhood-teams",
                    "Fund a neighbourhood policing team for every part of the area.",
                )]),
            )]),
        ),
        (
            "chief_constable",
            map(vec![(
                "commitments",
                list(vec![commitment(
                    "neighbourhood-teams-known-locally",
                    "Keep each neighbourhood team in its area, known to the people it serves.",
                )]),
            )]),
        ),
        ("covers", Node::List(vec![text("policing")])),
    ]);
    let term = map(vec![
        ("term", text("Police and Crime Commissioner")),
        ("abbreviations", list(vec![text("PCC")])),
    ]);
    let statement = map(vec![
        ("measure", text("Public confidence in local policing")),
        ("unit", text("percent")),
        ("better", text("higher")),
        (
            "target",
            map(vec![(
                "text",
                text("More people confident in local policing each year"),
            )]),
        ),
        ("priorities", list(vec![text("neighbourhood-policing")])),
        (
            "source",
            text("Replace with the survey or report the figures come from"),
        ),
    ]);
    let page = map(vec![
        ("title", text("Resources and accountability")),
        (
            "covers",
            list(
                ["resources", "reporting", "measurement", "grants"]
                    .map(text)
                    .to_vec(),
            ),
        ),
    ]);
    let page_body = "## Resources\n\n\
         Replace this text with the money and other resources the Commissioner will give the Chief Constable.\n\n\
         ## How the Chief Constable reports\n\n\
         Replace this text with how the Chief Constable will report to the Commissioner on the policing provided.\n\n\
         ## How performance is measured\n\n\
         Replace this text with how the Chief Constable's performance will be measured.\n\
         The plan's measures are on the [performance pages](/performance/).\n\n\
         ## Crime and disorder reduction grants\n\n\
         Replace this text with the grants the Commissioner will make to reduce crime and disorder, and their conditions.\n";
    vec![
        ("README.md".to_string(), readme(a, title)),
        (".gitignore".to_string(), "public/\nexports/\n".to_string()),
        (
            "content/_index.md".to_string(),
            markdown_file(&front::write(&plan, &front::PLAN), &foreword),
        ),
        (
            "content/resources-and-accountability.md".to_string(),
            markdown_file(&front::write(&page, &front::PAGE), page_body),
        ),
        (
            "content/safer-communities/_index.md".to_string(),
            markdown_file(
                &front::write(&aim, &front::AIM),
                "Replace this text with the aim's introduction: what it is for and why it matters.\n",
            ),
        ),
        (
            "content/safer-communities/01-neighbourhood-policing.md".to_string(),
            markdown_file(
                &front::write(&priority, &front::PRIORITY),
                "Replace this text with what this priority is about.\n\
                 Its commitments are in the settings at the top of the file.\n",
            ),
        ),
        (
            "content/glossary/police-and-crime-commissioner.md".to_string(),
            markdown_file(
                &front::write(&term, &front::GLOSSARY),
                "The person elected to hold the police to account for the area, set the police budget and issue the police and crime plan.\n",
            ),
        ),
        (
            "content/performance/public-confidence.md".to_string(),
            markdown_file(
                &front::write(&statement, &front::STATEMENT),
                "- Replace this list with the key points about the measure.\n",
            ),
        ),
    ]
}

/// The README for the office: what each file is and the next three commands.
fn readme(a: &InitAnswers, title: &str) -> String {
    format!(
        "# {title} {period}\n\n\
         This folder holds the police and crime plan for {area} as plain text files. \
         planpress turns them into an accessible website, a large-print edition and open data.\n\n\
         ## What each file is\n\n\
         Every file in `content/` starts with its settings between two `---` lines; the text after them is the file's text, in Markdown.\n\n\
         | file | what it is |\n\
         |---|---|\n\
         | `content/_index.md` | the plan: its title, years, Commissioner and contact details; its text is the foreword |\n\
         | `content/safer-communities/_index.md` | an aim: a folder with an `_index.md`, giving the aim's title, order and outcomes; its text is the aim's introduction |\n\
         | `content/safer-communities/01-neighbourhood-policing.md` | a priority under that aim, with the Commissioner's commitments and the Chief Constable's responsibilities |\n\
         | `content/performance/public-confidence.md` | a performance statement: a measure, what good looks like and its figures |\n\
         | `content/glossary/police-and-crime-commissioner.md` | a glossary term; its text is the definition |\n\
         | `content/resources-and-accountability.md` | a page; `covers:` says which of the contents the law requires of the plan it sets out |\n\
         | `.gitignore` | tells git not to keep the built website (`public/`) or single exports (`exports/`) |\n\n\
         Replace the example text in each file with the plan's own. \
         The settings every kind of file takes are described in planpress's `docs/content-model.md`.\n\n\
         ## The next three commands\n\n\
         1. `planpress check` checks every file and says what to fix, with the file and the line.\n\
         2. `planpress serve` shows the website on this computer (it prints the address) and updates it each time a file is saved.\n\
         3. `planpress build` writes the website into `public/`, ready to publish.\n\n\
         To add an item, run `planpress new aim \"Title\"`, `planpress new priority AIM \"Title\"`, \
         `planpress new statement \"Measure\"`, `planpress new term \"Term\"` or `planpress new page \"Title\"`: \
         each writes one file and prints its name. \
         `planpress check --statutory` lists where the plan sets out each of the contents the Police Reform and Social Responsibility Act 2011 requires.\n",
        period = a.period,
        area = a.area,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_take_defaults_and_ask_again_after_a_bad_answer() {
        let mut answers = InitAnswers::defaults();
        let mut out = Vec::new();
        ask("area", "Area", &mut answers, &mut "\n".as_bytes(), &mut out).unwrap();
        assert_eq!(answers.area, "Northshire");
        let mut input = format!("{}\nYnys Môn & Dyfed\n", "x".repeat(400));
        ask(
            "area",
            "Area",
            &mut answers,
            &mut input.as_bytes(),
            &mut out,
        )
        .unwrap();
        assert_eq!(answers.area, "Ynys Môn & Dyfed");
        let shown = String::from_utf8(out).unwrap();
        assert!(shown.contains("Area [Northshire]: "), "{shown}");
        assert!(shown.contains("400 characters long"), "{shown}");
        input = String::new();
        ask(
            "period",
            "Years",
            &mut answers,
            &mut input.as_bytes(),
            &mut Vec::new(),
        )
        .unwrap();
        assert_eq!(answers.period, InitAnswers::defaults().period);
    }

    #[test]
    fn the_starter_plan_is_valid_with_any_names() {
        for area in [
            "Northshire",
            "Dyfed-Powys",
            "Ynys Môn",
            "\"Quoted\" & co: yes",
            "#1 - no",
        ] {
            let answers = InitAnswers {
                area: area.to_string(),
                commissioner: "Siân Ó Briain".to_string(),
                period: "2025-2029".to_string(),
            };
            check(Path::new("x"), &starter_files(&answers)).unwrap();
        }
    }
}
