//! `planpress new aim|priority|statement|term|page "Title"`: one well-formed file with the
//! next free number and a unique id made from the title, checked with the rest of the plan
//! before it is written, so the plan stays valid.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{checked_text, markdown_file, ScaffoldError};
use crate::diagnostics::{nearest, ContentErrors, Diagnostic, Diagnostics};
use crate::fmt::front::{self, Node};
use crate::load::SourceFile;
use crate::parse::markdown::slug;
use crate::plan::{valid_id, Plan, RESERVED_IDS};
use crate::write::new_file as write_new;

/// The kinds of item `new` adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewKind {
    /// An aim: a folder with its `_index.md`.
    Aim,
    /// A priority in an aim's folder (or in the one folder of a plan without aims).
    Priority,
    /// A performance statement.
    Statement,
    /// A glossary term.
    Term,
    /// A page.
    Page,
}

impl NewKind {
    /// The kind's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            NewKind::Aim => "aim",
            NewKind::Priority => "priority",
            NewKind::Statement => "statement",
            NewKind::Term => "term",
            NewKind::Page => "page",
        }
    }
}

/// What to add.
#[derive(Debug, Clone)]
pub struct NewRequest {
    /// The kind of item.
    pub kind: NewKind,
    /// For a priority: the id (folder) of its aim; in a plan without aims it may be left out.
    pub aim: Option<String>,
    /// The title (an aim's, priority's or page's), measure (a statement's) or term.
    pub title: String,
    /// The id to use instead of one made from the title.
    pub id: Option<String>,
}

/// The longest id `new` makes from a title, leaving room for a number after it.
const MAX_ID: usize = 60;

/// Adds the item `request` asks for to the plan in `content`, and returns the path of the
/// file written. The plan must be valid before, and is checked with the new file before it
/// is written.
pub fn new_item(content: &Path, request: &NewRequest) -> Result<PathBuf, ScaffoldError> {
    let what = match request.kind {
        NewKind::Statement => "measure",
        NewKind::Term => "term",
        _ => "title",
    };
    let title = checked_text(what, &request.title)?;
    if !content.is_dir() {
        return Err(ScaffoldError::Content(ContentErrors(vec![Diagnostic::new(
            content,
            0,
            0,
            "there is no plan here: the content folder does not exist",
        )
        .with_hint(
            "start a plan with planpress init, or give the folder that holds one with --content",
        )])));
    }
    let mut diags = Diagnostics::new();
    let mut files = crate::load::read_dir(content, &mut diags);
    let images = crate::load::read_images(content);
    let plan = Plan::from_files(&files, &images, content, diags).map_err(|e| {
        let mut problems = e.0;
        if let Some(first) = problems.first_mut() {
            if first.message == "the plan file is missing" {
                first.hint = Some(format!(
                    "start a plan with planpress init, or give the folder that holds it with --content (looked in {})",
                    content.display()
                ));
            }
        }
        ScaffoldError::Content(ContentErrors(problems))
    })?;
    let (rel, text) = match request.kind {
        NewKind::Aim => new_aim(&plan, request, &title)?,
        NewKind::Priority => new_priority(&plan, request, &title)?,
        NewKind::Statement => new_statement(&plan, request, &title)?,
        NewKind::Term => new_term(&plan, request, &title)?,
        NewKind::Page => new_page(&plan, request, &title)?,
    };
    let path = content.join(&rel);
    if path.exists() {
        return Err(ScaffoldError::usage(
            format!("{} is already there", path.display()),
            "give another title, or an id of your own with --id",
        ));
    }
    // The plan with the new file must be as valid as it was without it.
    files.push(SourceFile::new(rel.clone(), path.clone(), &text));
    Plan::from_files(&files, &images, content, Diagnostics::new())
        .map_err(ScaffoldError::Content)?;
    write_new(&path, text.as_bytes())
        .map_err(|e| ScaffoldError::Io(format!("cannot write {}: {e}", path.display())))?;
    Ok(path)
}

/// The id to use: the one asked for, checked, or one made from `title` that `taken` does not
/// hold (adding `-2`, `-3`... when it does).
fn choose_id(
    request: &NewRequest,
    title: &str,
    taken: &BTreeSet<String>,
) -> Result<String, ScaffoldError> {
    if let Some(id) = &request.id {
        if !valid_id(id) {
            return Err(ScaffoldError::usage(
                format!("\"{id}\" cannot be used as an id"),
                "use lower-case letters, digits and single hyphens, such as \"safer-roads\"",
            ));
        }
        if RESERVED_IDS.contains(&id.as_str()) {
            return Err(ScaffoldError::usage(
                format!("\"{id}\" is the address of a page planpress makes"),
                "give another id",
            ));
        }
        if taken.contains(id) {
            return Err(ScaffoldError::usage(
                format!("the id \"{id}\" is already used"),
                "give another id",
            ));
        }
        return Ok(id.clone());
    }
    let mut base = slug(title);
    if base.len() > MAX_ID {
        // Cut at the last whole word that fits.
        base.truncate(MAX_ID);
        if let Some(at) = base.rfind('-') {
            base.truncate(at);
        }
    }
    if base.is_empty() {
        return Err(ScaffoldError::usage(
            format!(
                "the {} \"{title}\" has no letters or digits to make an id from",
                request.kind.name()
            ),
            "give an id with --id, such as --id safer-roads",
        ));
    }
    let free = |id: &str| !taken.contains(id) && !RESERVED_IDS.contains(&id);
    if free(&base) {
        return Ok(base);
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| free(id))
        .ok_or_else(|| ScaffoldError::Io("no free id".into()))
}

/// The ids that share the site's top level: aims (and the folder of a plan without aims)
/// and pages.
fn top_level_ids(plan: &Plan) -> BTreeSet<String> {
    plan.aims
        .iter()
        .map(|a| a.id.clone())
        .chain(plan.pages.iter().map(|p| p.id.clone()))
        .collect()
}

fn text(s: &str) -> Node {
    Node::Scalar(s.to_string())
}

fn new_aim(
    plan: &Plan,
    request: &NewRequest,
    title: &str,
) -> Result<(String, String), ScaffoldError> {
    if let Some(folder) = plan.aims.iter().find(|a| a.implicit) {
        return Err(ScaffoldError::usage(
            format!(
                "this plan has no {}: its {} are in the folder {}/",
                plan.meta.levels.aim.plural, plan.meta.levels.priority.plural, folder.id
            ),
            format!(
                "add a {} with: planpress new priority \"Title\"",
                plan.meta.levels.priority.singular
            ),
        ));
    }
    let id = choose_id(request, title, &top_level_ids(plan))?;
    let order = plan.aims.iter().map(|a| a.order).max().unwrap_or(0) + 1;
    let front = Node::Map(vec![
        ("title", text(title)),
        ("order", text(&order.to_string())),
    ]);
    Ok((
        format!("{id}/_index.md"),
        markdown_file(
            &front::write(&front, &front::AIM),
            "Write the introduction here: what this aim is for and why it matters.\n",
        ),
    ))
}

fn new_priority(
    plan: &Plan,
    request: &NewRequest,
    title: &str,
) -> Result<(String, String), ScaffoldError> {
    let implicit = plan.aims.iter().find(|a| a.implicit);
    let aim_id = match (&request.aim, implicit) {
        (Some(a), _) => a.clone(),
        (None, Some(folder)) => folder.id.clone(),
        (None, None) if plan.aims.is_empty() => "priorities".to_string(),
        (None, None) => {
            let ids: Vec<&str> = plan.aims.iter().map(|a| a.id.as_str()).collect();
            return Err(ScaffoldError::usage(
                format!(
                    "say which {} the new {} is under",
                    plan.meta.levels.aim.singular, plan.meta.levels.priority.singular
                ),
                format!(
                    "planpress new priority AIM \"Title\", where AIM is one of: {}",
                    ids.join(", ")
                ),
            ));
        }
    };
    let aim = plan.aim(&aim_id);
    if aim.is_none() {
        // A new folder of priorities starts a plan without aims, if the plan has none yet.
        if !plan.aims.is_empty() {
            let ids: Vec<&str> = plan.aims.iter().map(|a| a.id.as_str()).collect();
            let hint = match nearest(&aim_id, ids.iter().copied()) {
                Some(n) => format!("did you mean \"{n}\"?"),
                None => format!(
                    "the plan's {} are: {}",
                    plan.meta.levels.aim.plural,
                    ids.join(", ")
                ),
            };
            return Err(ScaffoldError::usage(
                format!(
                    "there is no {} with the id \"{aim_id}\"",
                    plan.meta.levels.aim.singular
                ),
                hint,
            ));
        }
        if !valid_id(&aim_id) || RESERVED_IDS.contains(&aim_id.as_str()) {
            return Err(ScaffoldError::usage(
                format!("\"{aim_id}\" cannot be used as a folder of priorities"),
                "use lower-case letters, digits and single hyphens, such as \"priorities\"",
            ));
        }
    }
    let taken: BTreeSet<String> = plan.priorities().map(|p| p.id.clone()).collect();
    let id = choose_id(request, title, &taken)?;
    let number = aim
        .and_then(|a| a.priorities.iter().map(|p| p.number).max())
        .unwrap_or(0)
        + 1;
    // The commitment's id must be new to the whole plan.
    let commitment_ids: BTreeSet<String> =
        plan.commitments().map(|(_, _, c)| c.id.clone()).collect();
    let mut commitment = format!("{id}-first-commitment");
    let mut n = 2;
    while commitment_ids.contains(&commitment) {
        commitment = format!("{id}-first-commitment-{n}");
        n += 1;
    }
    let front = Node::Map(vec![
        ("number", text(&number.to_string())),
        ("title", text(title)),
        (
            "commissioner",
            Node::Map(vec![(
                "commitments",
                Node::List(vec![Node::Map(vec![
                    ("id", text(&commitment)),
                    ("text", text("Write the first commitment here.")),
                ])]),
            )]),
        ),
    ]);
    Ok((
        format!("{aim_id}/{number:02}-{id}.md"),
        markdown_file(
            &front::write(&front, &front::PRIORITY),
            "Write what this priority is about here.\n",
        ),
    ))
}

fn new_statement(
    plan: &Plan,
    request: &NewRequest,
    measure: &str,
) -> Result<(String, String), ScaffoldError> {
    let taken: BTreeSet<String> = plan.statements.iter().map(|s| s.id.clone()).collect();
    let id = choose_id(request, measure, &taken)?;
    let front = Node::Map(vec![
        ("measure", text(measure)),
        ("unit", text("text")),
        (
            "target",
            Node::Map(vec![("text", text("Say what good looks like"))]),
        ),
        ("source", text("Say where the figures come from")),
    ]);
    Ok((
        format!("performance/{id}.md"),
        markdown_file(
            &front::write(&front, &front::STATEMENT),
            "- Write the key points about the measure here.\n",
        ),
    ))
}

fn new_term(
    plan: &Plan,
    request: &NewRequest,
    term: &str,
) -> Result<(String, String), ScaffoldError> {
    let taken: BTreeSet<String> = plan.glossary.iter().map(|t| t.id.clone()).collect();
    let id = choose_id(request, term, &taken)?;
    let front = Node::Map(vec![("term", text(term))]);
    Ok((
        format!("glossary/{id}.md"),
        markdown_file(
            &front::write(&front, &front::GLOSSARY),
            "Write what the term means here.\n",
        ),
    ))
}

fn new_page(
    plan: &Plan,
    request: &NewRequest,
    title: &str,
) -> Result<(String, String), ScaffoldError> {
    let id = choose_id(request, title, &top_level_ids(plan))?;
    let front = Node::Map(vec![("title", text(title))]);
    Ok((
        format!("{id}.md"),
        markdown_file(
            &front::write(&front, &front::PAGE),
            "Write the page here.\n",
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(title: &str, id: Option<&str>) -> NewRequest {
        NewRequest {
            kind: NewKind::Page,
            aim: None,
            title: title.to_string(),
            id: id.map(str::to_string),
        }
    }

    #[test]
    fn ids_come_from_titles_and_never_collide() {
        let taken: BTreeSet<String> = ["safer-roads".to_string()].into();
        let id = |t: &str| choose_id(&request(t, None), t, &taken);
        assert_eq!(id("Safer roads").unwrap(), "safer-roads-2");
        assert_eq!(id("Ynys Môn & Siân's plan").unwrap(), "ynys-mon-sians-plan");
        assert_eq!(
            id("Glossary").unwrap(),
            "glossary-2",
            "a generated page's id"
        );
        assert_eq!(id("Delivery").unwrap(), "delivery-2");
        let long = id(&"word ".repeat(2_000)).unwrap();
        assert!(long.len() <= MAX_ID && valid_id(&long), "{long}");
        for nothing in ["!!!", "“”", "—"] {
            let err = id(nothing).unwrap_err().to_string();
            assert!(err.contains("no letters or digits"), "{err}");
        }
        let given = |i: &str| choose_id(&request("T", Some(i)), "T", &taken);
        assert!(given("Bad Id").is_err());
        assert!(given("glossary")
            .unwrap_err()
            .to_string()
            .contains("page planpress makes"));
        assert!(given("safer-roads")
            .unwrap_err()
            .to_string()
            .contains("already used"));
        assert_eq!(given("my-page").unwrap(), "my-page");
    }
}
