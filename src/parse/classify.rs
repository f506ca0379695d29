//! What a content file is, from its place in the folder: the one classifier that loading a
//! plan, formatting files and comparing single files all use, so they never disagree.
//!
//! ```text
//! _index.md                    the plan
//! <id>.md                      a page
//! <aim>/_index.md              an aim
//! <aim>/<nn>-<id>.md           a priority
//! glossary/<id>.md             a glossary term
//! performance/<id>.md          a performance statement
//! reports/<id>/_index.md       a report: one reporting period
//! reports/<id>/<statement>.md  a statement's figures for that period
//! ```
//!
//! A translation sits beside its original with the language before `.md`
//! (`victims/01-victims-voice.cy.md`, `_index.cy.md`, `glossary/asb.cy.md`): [`classify_file`]
//! gives its place (the original's) and its language. Whether the plan has that language,
//! and that the original is there, is the builder's to check (`plan/translations.rs`).

/// The kinds of content file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `_index.md`: the plan.
    Plan,
    /// `<aim>/_index.md`.
    Aim,
    /// `<aim>/<nn>-<id>.md`.
    Priority,
    /// `glossary/<id>.md`.
    Glossary,
    /// `performance/<id>.md`.
    Statement,
    /// `reports/<id>/_index.md`.
    Report,
    /// `reports/<id>/<statement>.md`.
    Reported,
    /// Any other top-level `<id>.md`.
    Page,
}

/// A content file's kind with the ids its place gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// `_index.md`.
    Plan,
    /// `<id>.md`.
    Page(String),
    /// `<aim>/_index.md`.
    Aim(String),
    /// `<aim>/<nn>-<id>.md`.
    Priority {
        /// The aim's id (the folder).
        aim: String,
        /// The number before the id.
        number: u32,
        /// The priority's id.
        id: String,
    },
    /// `glossary/<id>.md`.
    Glossary(String),
    /// `performance/<id>.md`.
    Statement(String),
    /// `reports/<id>/_index.md`.
    Report(String),
    /// `reports/<report>/<statement>.md`.
    Reported {
        /// The report's id (the folder).
        report: String,
        /// The statement's id.
        statement: String,
    },
}

impl Place {
    /// The kind of file at this place.
    pub fn kind(&self) -> Kind {
        match self {
            Place::Plan => Kind::Plan,
            Place::Page(_) => Kind::Page,
            Place::Aim(_) => Kind::Aim,
            Place::Priority { .. } => Kind::Priority,
            Place::Glossary(_) => Kind::Glossary,
            Place::Statement(_) => Kind::Statement,
            Place::Report(_) => Kind::Report,
            Place::Reported { .. } => Kind::Reported,
        }
    }

    /// The id the file's name gives its item (none for the plan).
    pub fn id(&self) -> Option<&str> {
        match self {
            Place::Plan => None,
            Place::Page(id)
            | Place::Aim(id)
            | Place::Glossary(id)
            | Place::Statement(id)
            | Place::Report(id)
            | Place::Reported { statement: id, .. }
            | Place::Priority { id, .. } => Some(id),
        }
    }
}

/// Why a file is not where any content file can be, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misplaced {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

/// A content file: the place of the item it gives text for, and the language of a translation
/// (`None` for an original, written in the plan's first language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classified {
    /// Where the item belongs (for a translation, the original's place).
    pub place: Place,
    /// The language tag of a translation: `cy` in `01-victims-voice.cy.md`.
    pub language: Option<String>,
}

/// True for a language tag a file name may carry: a two- or three-letter language, lower
/// case, optionally followed by a region or script (`cy`, `en-GB`, `sr-Latn`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or("");
    (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Where the file at `rel` (relative to the content folder, `/`-separated) belongs, and its
/// language when it is a translation (`<name>.<language>.md`).
pub fn classify_file(rel: &str) -> Result<Classified, Misplaced> {
    let (dir, name) = match rel.rsplit_once('/') {
        Some((d, n)) => (Some(d), n),
        None => (None, rel),
    };
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let Some((original, tag)) = stem.split_once('.') else {
        return classify(rel).map(|place| Classified {
            place,
            language: None,
        });
    };
    let fix = |message: String, hint: String| {
        Err(Misplaced {
            message,
            hint: Some(hint),
        })
    };
    if tag.contains('.') {
        return fix(
            format!("\"{name}\" has more than one language in its name: a translation is made from the original, never from another translation"),
            format!("name it after the original with one language, such as {original}.cy.md"),
        );
    }
    if !is_language_tag(tag) {
        return fix(
            format!("\"{tag}\" in \"{name}\" is not a language tag"),
            format!("a translation is named after its original with a language tag before .md, such as {original}.cy.md for Welsh; a file that is not a translation has no dot in its name"),
        );
    }
    let original_rel = match dir {
        Some(d) => format!("{d}/{original}.md"),
        None => format!("{original}.md"),
    };
    classify(&original_rel).map(|place| Classified {
        place,
        language: Some(tag.to_string()),
    })
}

/// Where the original file at `rel` (relative to the content folder, `/`-separated) belongs;
/// [`classify_file`] also reads a translation's language.
pub fn classify(rel: &str) -> Result<Place, Misplaced> {
    let parts: Vec<&str> = rel.split('/').collect();
    let stem = |name: &str| name.trim_end_matches(".md").to_string();
    let refuse = |message: &str, hint: String| {
        Err(Misplaced {
            message: message.to_string(),
            hint: Some(hint),
        })
    };
    match parts.as_slice() {
        ["_index.md"] => Ok(Place::Plan),
        [name] => Ok(Place::Page(stem(name))),
        ["glossary", "_index.md"] | ["performance", "_index.md"] => refuse(
            "the glossary and performance folders do not take an _index.md",
            "their index pages are generated; remove this file".to_string(),
        ),
        ["glossary", name] => Ok(Place::Glossary(stem(name))),
        ["performance", name] => Ok(Place::Statement(stem(name))),
        ["reports", "_index.md"] => refuse(
            "the reports folder does not take an _index.md",
            "the list of reports is generated; each report is a folder, reports/<period>/_index.md"
                .to_string(),
        ),
        ["reports", name] => refuse(
            "a report is a folder, not a file",
            format!("move it to reports/{}/_index.md", stem(name)),
        ),
        ["reports", id, "_index.md"] => Ok(Place::Report(id.to_string())),
        ["reports", report, name] => Ok(Place::Reported {
            report: report.to_string(),
            statement: stem(name),
        }),
        [aim, "_index.md"] => Ok(Place::Aim(aim.to_string())),
        [aim, name] => {
            let s = stem(name);
            match s.split_once('-') {
                Some((n, id))
                    if n.len() >= 2 && n.bytes().all(|b| b.is_ascii_digit()) && !id.is_empty() =>
                {
                    Ok(Place::Priority {
                        aim: aim.to_string(),
                        number: n.parse().unwrap_or(0),
                        id: id.to_string(),
                    })
                }
                _ => refuse(
                    "a priority's file name must start with its two-digit number",
                    format!("rename it to {aim}/NN-{s}.md, for example {aim}/01-{s}.md"),
                ),
            }
        }
        ["reports", ..] => refuse(
            "a report's files are directly in its folder",
            "put each statement's figures in reports/<period>/<statement>.md".to_string(),
        ),
        _ => refuse(
            "content files may be at most one folder deep",
            "aims are folders directly inside content/, holding their priorities".to_string(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_is_classified_once() {
        let kind = |rel: &str| classify(rel).map(|p| p.kind()).ok();
        assert_eq!(kind("_index.md"), Some(Kind::Plan));
        assert_eq!(kind("about.md"), Some(Kind::Page));
        assert_eq!(kind("victims/_index.md"), Some(Kind::Aim));
        assert_eq!(kind("victims/01-voice.md"), Some(Kind::Priority));
        assert_eq!(kind("glossary/asb.md"), Some(Kind::Glossary));
        assert_eq!(kind("performance/calls.md"), Some(Kind::Statement));
        assert_eq!(kind("glossary/_index.md"), None);
        assert_eq!(kind("performance/_index.md"), None);
        assert_eq!(kind("victims/1-voice.md"), None);
        assert_eq!(kind("victims/01-.md"), None);
        assert_eq!(kind("victims/voice.md"), None);
        assert_eq!(kind("a/b/c.md"), None);
        let lang = |rel: &str| classify_file(rel).map(|c| (c.place.kind(), c.language));
        assert_eq!(
            lang("victims/01-voice.cy.md"),
            Ok((Kind::Priority, Some("cy".to_string())))
        );
        assert_eq!(lang("_index.cy.md"), Ok((Kind::Plan, Some("cy".into()))));
        assert_eq!(
            lang("glossary/asb.en-GB.md"),
            Ok((Kind::Glossary, Some("en-GB".into())))
        );
        assert_eq!(lang("victims/01-voice.md"), Ok((Kind::Priority, None)));
        assert!(lang("victims/01-voice.cy.cy.md").is_err());
        assert!(lang("victims/01-voice.welsh.md").is_err());
        assert!(lang("victims/01-voice.C.md").is_err());
        assert_eq!(kind("reports/2021-22-q1/_index.md"), Some(Kind::Report));
        assert_eq!(kind("reports/2021-22-q1/calls.md"), Some(Kind::Reported));
        assert_eq!(kind("reports/_index.md"), None);
        assert_eq!(kind("reports/2021-22-q1.md"), None);
        assert_eq!(kind("reports/a/b/c.md"), None);
        assert_eq!(
            classify("reports/q1/calls.md"),
            Ok(Place::Reported {
                report: "q1".into(),
                statement: "calls".into()
            })
        );
        assert_eq!(
            classify("victims/07-voice.md"),
            Ok(Place::Priority {
                aim: "victims".into(),
                number: 7,
                id: "voice".into()
            })
        );
    }
}
