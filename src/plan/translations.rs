//! A plan in more than one language: each other language's words, kept beside the one model.
//!
//! The plan file names its languages (`languages: [en-GB, cy]`, its own first). The originals
//! hold everything: ids, numbers, dates, figures, statuses, references and the text in the
//! first language. A translation file sits beside its original (`01-victims-voice.cy.md`
//! beside `01-victims-voice.md`) and holds only words: titles, bodies, commitments' texts by
//! the original's ids, outcomes, glossary terms and abbreviations, statements' wording.
//!
//! The model keeps one [`Translation`] per other language: a map from item id to that item's
//! words ([`Translated`]). Nothing else is copied. [`Plan::in_language`] makes the plan as a
//! reader of one language sees it: the same model with each text replaced by its translation
//! where there is one, and a record ([`Reading::untranslated`]) of the texts still shown in the
//! first language, so that every output marks them (`lang`, a note) rather than hiding them.
//! [`Plan::untranslated`] lists those texts for `planpress check`.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::*;
use crate::diagnostics::{nearest, Diagnostic, Diagnostics};
use crate::parse::classify::{is_language_tag, Place};
use crate::parse::kinds::*;
use crate::parse::{front_matter, Split};

/// An item's words in one language, from its translation file.
#[derive(Debug, Clone, Serialize)]
pub struct Translated<T> {
    /// The words of its front matter (a struct of `parse::kinds` holding text only).
    #[serde(skip)]
    pub text: T,
    /// Its body (a foreword, introduction, definition or page text); empty when the
    /// translation gives none, and then the original's is shown.
    pub body: Body,
    /// The translation file.
    pub origin: Origin,
}

/// Every translated text of one language other than the plan's own, by item id.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Translation {
    /// The language tag (`cy`).
    pub language: String,
    /// The plan file's words (`_index.cy.md`).
    pub plan: Option<Translated<PlanText>>,
    /// Aims' words, by aim id.
    pub aims: BTreeMap<String, Translated<AimText>>,
    /// Priorities' words, by priority id.
    pub priorities: BTreeMap<String, Translated<PriorityText>>,
    /// Glossary terms' words, by term id.
    pub glossary: BTreeMap<String, Translated<GlossaryText>>,
    /// Statements' words, by statement id.
    pub statements: BTreeMap<String, Translated<StatementText>>,
    /// Pages' words, by page id.
    pub pages: BTreeMap<String, Translated<PageText>>,
}

/// A text readers see, named by what it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum TextOf {
    /// The plan's title, subtitle and foreword.
    Plan,
    /// An aim's title, outcomes and introduction (by aim id).
    Aim(String),
    /// A priority's title and body (by priority id).
    Priority(String),
    /// One commitment's words (by commitment id).
    Commitment(String),
    /// A glossary term (by id).
    Glossary(String),
    /// A performance statement's wording (by id).
    Statement(String),
    /// One of a translated statement's facts the translation does not give (by statement id
    /// and key: `target`, `lead`, `data_source`, `source`).
    StatementFact(String, &'static str),
    /// A page (by id).
    Page(String),
}

/// Which language a plan is read in, and which of its texts are still in the plan's first
/// language (the website marks each with `lang` and a note in the reader's language).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Reading {
    /// The language the reader chose (`cy`); empty for a plan in one language.
    pub language: String,
    /// The plan's first language (`en-GB`); empty for a plan in one language.
    pub original: String,
    /// The texts shown in the first language because they are not translated yet.
    pub untranslated: BTreeSet<TextOf>,
}

impl Reading {
    /// True when `text` is shown in the plan's first language although the reader chose
    /// another.
    pub fn falls_back(&self, text: &TextOf) -> bool {
        self.untranslated.contains(text)
    }
}

/// A text not yet translated, as `planpress check` lists it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Untranslated {
    /// The language it is missing in.
    pub language: String,
    /// The translation file that should hold it (relative to the content folder).
    pub file: String,
    /// What is missing in that file: `None` for the whole file, or `commitment <id>`,
    /// "outcomes", "body".
    pub what: Option<String>,
}

/// The translation file of the original at `rel` in `language`: `a/01-b.md` → `a/01-b.cy.md`.
pub fn translation_file(rel: &str, language: &str) -> String {
    let stem = rel.strip_suffix(".md").unwrap_or(rel);
    format!("{stem}.{language}.md")
}

/// The keys of an original kind's front matter that hold no words, so a translation never
/// sets them: the first language's values serve every language.
fn language_independent(place: &Place) -> &'static [&'static str] {
    match place {
        Place::Plan => &[
            "period",
            "status",
            "force",
            "commissioner",
            "published",
            "licence",
            "contact",
            "areas",
            "national_priorities",
            "reporting_date",
            "base_url",
            "compare_with",
            "raw_html",
            "voice",
            "languages",
        ],
        Place::Aim(_) => &["order", "covers"],
        Place::Priority { .. } => &[
            "number",
            "commissioner",
            "chief_constable",
            "commitments_by",
            "covers",
        ],
        Place::Glossary(_) => &[],
        Place::Statement(_) => &[
            "unit",
            "better",
            "latest",
            "previous",
            "baseline",
            "change",
            "direction",
            "limits",
            "areas",
            "series",
            "breakdowns",
            "chart_only",
            "priorities",
            "national_priorities",
        ],
        Place::Page(_) => &["order", "covers"],
        Place::Report(_) | Place::Reported { .. } => &[],
    }
}

/// A translation file as parsed, before it is checked against its original.
#[derive(Debug, Clone)]
pub(crate) enum Parsed {
    Plan(Translated<PlanText>),
    Aim(String, Translated<AimText>),
    Priority(String, Translated<PriorityText>),
    Glossary(String, Translated<GlossaryText>),
    Statement(String, Translated<StatementText>),
    Page(String, Translated<PageText>),
}

/// Parses a translation file's front matter into the words of its kind, refusing any key
/// that holds no words (at its line, saying where the value comes from).
pub(crate) fn parse(
    place: &Place,
    parts: &Split,
    body: Body,
    origin: Origin,
    diags: &mut Diagnostics,
) -> Option<Parsed> {
    let path = origin.display.clone();
    let independent = language_independent(place);
    let original = original_file(&origin.file);
    let mut refused = false;
    for (i, line) in parts.front.lines().enumerate() {
        let Some((key, _)) = line.split_once(':') else {
            continue;
        };
        if line.starts_with([' ', '-', '#']) || !independent.contains(&key) {
            continue;
        }
        refused = true;
        diags.push(
            Diagnostic::new(
                &path,
                parts.front_line + i,
                1,
                format!("\"{key}\" is the same in every language, so a translation does not set it"),
            )
            .with_hint(format!(
                "remove this line: the value in {original} serves every language; a translation holds only words (titles, texts, bodies)"
            )),
        );
    }
    if refused {
        return None;
    }
    fn read<T: serde::de::DeserializeOwned + crate::parse::kinds::RequiredKeys>(
        parts: &Split,
        body: &Body,
        origin: &Origin,
        diags: &mut Diagnostics,
    ) -> Option<Translated<T>> {
        let text = front_matter::<T>(parts.front, &origin.display, parts.front_line, diags)?;
        Some(Translated {
            text,
            body: body.clone(),
            origin: origin.clone(),
        })
    }
    let (b, o) = (&body, &origin);
    if matches!(place, Place::Report(_) | Place::Reported { .. }) {
        diags.push(
            Diagnostic::new(&path, 0, 0, "a quarterly report cannot be translated yet").with_hint(
                format!("delete this file: readers of every language see {original}"),
            ),
        );
        return None;
    }
    Some(match place {
        Place::Plan => Parsed::Plan(read(parts, b, o, diags)?),
        Place::Aim(id) => Parsed::Aim(id.clone(), read(parts, b, o, diags)?),
        Place::Priority { id, .. } => Parsed::Priority(id.clone(), read(parts, b, o, diags)?),
        Place::Glossary(id) => Parsed::Glossary(id.clone(), read(parts, b, o, diags)?),
        Place::Statement(id) => Parsed::Statement(id.clone(), read(parts, b, o, diags)?),
        Place::Page(id) => Parsed::Page(id.clone(), read(parts, b, o, diags)?),
        Place::Report(_) | Place::Reported { .. } => return None,
    })
}

/// The original's file name of the translation at `rel`: `a/01-b.cy.md` → `a/01-b.md`.
fn original_file(rel: &str) -> String {
    let (dir, name) = match rel.rsplit_once('/') {
        Some((d, n)) => (format!("{d}/"), n),
        None => (String::new(), rel),
    };
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let original = stem.split_once('.').map_or(stem, |(o, _)| o);
    format!("{dir}{original}.md")
}

/// The figures written in `text`: every run of digits (with the separators inside it), in
/// order, commas dropped, so "1,200" and "1200" are the same figure.
pub fn figures(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let inside = matches!(c, '.' | ',')
            && !current.is_empty()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() {
            current.push(c);
        } else if inside {
            if c == '.' {
                current.push(c);
            }
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.sort();
    out
}

/// Reports a translated text whose figures are not the original's, at `at` in the translation.
fn check_figures(
    original: &str,
    translated: &str,
    what: &str,
    at: (usize, usize),
    file: &Origin,
    diags: &mut Diagnostics,
) {
    let (want, got) = (figures(original), figures(translated));
    if want == got {
        return;
    }
    let list = |v: &[String]| match v {
        [] => "no figures".to_string(),
        v => v.join(", "),
    };
    diags.push(
        Diagnostic::new(
            &file.display,
            at.0,
            at.1,
            format!(
                "the translation of {what} gives {} where the original gives {}",
                list(&got),
                list(&want)
            ),
        )
        .with_hint(
            "figures are the same in every language: write the original's figures in the translation (change the original first if a figure is wrong)",
        ),
    );
}

/// The line in a body where a figure of `translated` differs from `original`'s, or its first
/// line.
fn body_line(body: &Body, original: &Body) -> (usize, usize) {
    let want = figures(&original.markdown);
    for (i, line) in body.markdown.lines().enumerate() {
        if figures(line).iter().any(|f| !want.contains(f)) {
            return (body.line + i, 1);
        }
    }
    (body.line, 1)
}

/// Checks the plan's `languages` and every translation against its original, and gives the
/// translations by language (in the plan's order of languages).
pub(crate) fn check(
    languages: &[String],
    plan_origin: &Origin,
    parsed: Vec<(String, Parsed)>,
    plan: &Plan,
    diags: &mut Diagnostics,
) -> Vec<Translation> {
    let mut seen = BTreeSet::new();
    for tag in languages {
        if !is_language_tag(tag) && !tag.split('-').next().is_some_and(is_language_tag) {
            diags.push(
                plan_origin
                    .error_under("languages", tag, format!("\"{tag}\" is not a language tag"))
                    .with_hint("write each language as its tag, the plan's own first: languages: [en-GB, cy]"),
            );
        } else if !seen.insert(tag.as_str()) {
            diags.push(
                plan_origin
                    .error_under("languages", tag, format!("\"{tag}\" is listed twice"))
                    .with_hint("name each language once"),
            );
        }
    }
    let mut out: Vec<Translation> = languages
        .iter()
        .skip(1)
        .map(|l| Translation {
            language: l.clone(),
            ..Translation::default()
        })
        .collect();
    for (language, item) in parsed {
        let origin = match &item {
            Parsed::Plan(t) => &t.origin,
            Parsed::Aim(_, t) => &t.origin,
            Parsed::Priority(_, t) => &t.origin,
            Parsed::Glossary(_, t) => &t.origin,
            Parsed::Statement(_, t) => &t.origin,
            Parsed::Page(_, t) => &t.origin,
        }
        .clone();
        let Some(tr) = out.iter_mut().find(|t| t.language == language) else {
            let (message, hint) = match languages.first() {
                Some(first) if *first == language => (
                    format!("\"{language}\" is the plan's own language, so its text is in the original"),
                    format!("put this text in {} and delete this file", original_file(&origin.file)),
                ),
                None => (
                    format!("this is a translation into \"{language}\", but the plan names no languages"),
                    format!("add \"languages: [en-GB, {language}]\" to content/_index.md (its own language first), or delete this file"),
                ),
                Some(_) => (
                    format!("\"{language}\" is not one of the plan's languages ({})", languages.join(", ")),
                    format!("add it to \"languages:\" in content/_index.md, or rename the file with one of {}", languages[1..].join(", ")),
                ),
            };
            diags.push(Diagnostic::new(&origin.display, 0, 0, message).with_hint(hint));
            continue;
        };
        let missing = || {
            Diagnostic::new(
                &origin.display,
                0,
                0,
                format!(
                    "this translates {}, which is not there",
                    original_file(&origin.file)
                ),
            )
            .with_hint("a translation sits beside its original, with the same name and the language before .md; rename it, or create the original first")
        };
        match item {
            Parsed::Plan(t) => {
                for party in &t.text.parties {
                    if !plan.meta.parties.iter().any(|p| p.id == party.id) {
                        let ids: Vec<&str> =
                            plan.meta.parties.iter().map(|p| p.id.as_str()).collect();
                        diags.push(
                            origin
                                .error_under(
                                    "parties",
                                    &party.id,
                                    format!("the plan has no party \"{}\"", party.id),
                                )
                                .with_hint(format!(
                                    "give words for the plan's parties, by their ids: {}",
                                    ids.join(", ")
                                )),
                        );
                    }
                }
                check_figures(
                    &plan.meta.title,
                    &t.text.title,
                    "the title",
                    origin.locate("title"),
                    &origin,
                    diags,
                );
                check_body(&t.body, &plan.meta.foreword, &origin, diags);
                tr.plan = Some(t);
            }
            Parsed::Aim(id, t) => {
                let Some(aim) = plan.aims.iter().find(|a| a.id == id && !a.implicit) else {
                    diags.push(missing());
                    continue;
                };
                check_figures(
                    &aim.title,
                    &t.text.title,
                    "the title",
                    origin.locate("title"),
                    &origin,
                    diags,
                );
                if let Some(outcomes) = &t.text.outcomes {
                    if outcomes.len() != aim.outcomes.len() {
                        diags.push(
                            origin
                                .error_at("outcomes", format!("the translation gives {} outcomes where the original gives {}", outcomes.len(), aim.outcomes.len()))
                                .with_hint("translate each of the original's outcomes, in its order, one for one"),
                        );
                    } else {
                        for (o, (a, b)) in aim.outcomes.iter().zip(outcomes).enumerate() {
                            let at = origin.locate_under(
                                "outcomes",
                                b.split_whitespace().next().unwrap_or(""),
                            );
                            check_figures(a, b, &format!("outcome {}", o + 1), at, &origin, diags);
                        }
                    }
                }
                check_body(&t.body, &aim.intro, &origin, diags);
                tr.aims.insert(id, t);
            }
            Parsed::Priority(id, t) => {
                let Some(p) = plan.priority(&id) else {
                    diags.push(missing());
                    continue;
                };
                check_figures(
                    &p.title,
                    &t.text.title,
                    "the title",
                    origin.locate("title"),
                    &origin,
                    diags,
                );
                let ids: Vec<&str> = p.commitments().map(|(_, c)| c.id.as_str()).collect();
                let mut given = BTreeSet::new();
                for c in &t.text.commitments {
                    let at = origin.locate(&format!("id: {}", c.id));
                    let at_error = |m: String| Diagnostic::new(&origin.display, at.0, at.1, m);
                    match p.commitments().find(|(_, o)| o.id == c.id) {
                        None => {
                            let d = at_error(format!(
                                "\"{}\" is not a commitment of this priority in the original",
                                c.id
                            ));
                            diags.push(match nearest(&c.id, ids.iter().copied()) {
                                Some(n) => d.with_hint(format!("did you mean \"{n}\"? A translation gives words to the original's commitments, by their ids; it cannot add one")),
                                None => d.with_hint(format!("a translation gives words to the original's commitments, by their ids ({}); add a commitment to the original first", ids.join(", "))),
                            });
                        }
                        Some(_) if !given.insert(c.id.as_str()) => diags.push(
                            at_error(format!("the commitment \"{}\" is translated twice", c.id))
                                .with_hint("keep one translation of each commitment"),
                        ),
                        Some((_, o)) => {
                            let Some(text) = &c.text else {
                                // `text: ~`: marked as not translated yet (listed by check).
                                continue;
                            };
                            if text.trim().is_empty() {
                                diags.push(at_error(format!("the translation of \"{}\" is empty", c.id)).with_hint(format!("write its words, or write \"text: ~\" to mark \"{}\" as not translated yet", c.id)));
                            }
                            check_figures(
                                &o.text,
                                text,
                                &format!("the commitment \"{}\"", c.id),
                                at,
                                &origin,
                                diags,
                            );
                        }
                    }
                }
                // Every commitment of the original is named, translated or marked as not yet:
                // one left out silently may have been dropped by mistake.
                let dropped: Vec<&str> = ids
                    .iter()
                    .copied()
                    .filter(|id| !given.contains(id))
                    .collect();
                if !dropped.is_empty() {
                    // At the list of commitments, or at the title when there is none.
                    let at = match origin.front.lines().any(|l| l.starts_with("commitments:")) {
                        true => origin.locate("commitments:"),
                        false => origin.locate("title:"),
                    };
                    let (names, them) = match dropped.as_slice() {
                        [one] => (format!("the commitment \"{one}\""), "it"),
                        many => (
                            format!(
                                "the commitments {}",
                                many.iter()
                                    .map(|id| format!("\"{id}\""))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                            "each",
                        ),
                    };
                    let marker: String = dropped
                        .iter()
                        .map(|id| format!("\"- id: {id}\" with \"text: ~\""))
                        .collect::<Vec<_>>()
                        .join(", ");
                    diags.push(
                        Diagnostic::new(
                            &origin.display,
                            at.0,
                            at.1,
                            format!(
                                "the translation leaves out {names} of {}",
                                original_file(&origin.file)
                            ),
                        )
                        .with_hint(format!(
                            "translate {them} under \"commitments:\", or mark {them} as not translated yet with {marker}; a translation cannot drop a commitment (take it out of the original instead)"
                        )),
                    );
                }
                for party in t.text.leads.keys() {
                    if p.group(party).is_none() {
                        diags.push(
                            origin
                                .error_under("leads", &format!("{party}:"), format!("this priority has no commitments by \"{party}\""))
                                .with_hint(format!("leads are given by the ids of the parties whose commitments the priority lists: {}", p.groups.iter().map(|g| g.party.as_str()).collect::<Vec<_>>().join(", "))),
                        );
                    }
                }
                check_body(&t.body, &p.body, &origin, diags);
                tr.priorities.insert(id, t);
            }
            Parsed::Glossary(id, t) => {
                let Some(term) = plan.glossary.iter().find(|g| g.id == id) else {
                    diags.push(missing());
                    continue;
                };
                for a in &t.text.abbreviations {
                    if a.trim().is_empty() || a.contains(char::is_whitespace) {
                        diags.push(
                            origin
                                .error_under(
                                    "abbreviations",
                                    a,
                                    format!("\"{a}\" is not a usable abbreviation"),
                                )
                                .with_hint("an abbreviation is one word, such as CJS"),
                        );
                    }
                }
                check_body(&t.body, &term.definition, &origin, diags);
                tr.glossary.insert(id, t);
            }
            Parsed::Statement(id, t) => {
                let Some(s) = plan.statements.iter().find(|s| s.id == id) else {
                    diags.push(missing());
                    continue;
                };
                check_figures(
                    &s.measure,
                    &t.text.measure,
                    "the measure",
                    origin.locate("measure"),
                    &origin,
                    diags,
                );
                if let Some(target) = &t.text.target {
                    check_figures(
                        &s.target.text,
                        target,
                        "the target",
                        origin.locate("target"),
                        &origin,
                        diags,
                    );
                }
                check_body(&t.body, &s.body, &origin, diags);
                tr.statements.insert(id, t);
            }
            Parsed::Page(id, t) => {
                let Some(page) = plan.pages.iter().find(|p| p.id == id) else {
                    diags.push(missing());
                    continue;
                };
                check_body(&t.body, &page.body, &origin, diags);
                tr.pages.insert(id, t);
            }
        }
    }
    for tr in &out {
        repeated_abbreviations(tr, diags);
    }
    out
}

/// Reports an abbreviation that two of a language's glossary terms both give, as the
/// original's glossary is checked: each page links an abbreviation to one term only.
fn repeated_abbreviations(tr: &Translation, diags: &mut Diagnostics) {
    let mut given: BTreeMap<&str, &str> = BTreeMap::new();
    for (id, t) in &tr.glossary {
        for a in &t.text.abbreviations {
            if let Some(other) = given.insert(a, id) {
                diags.push(
                    t.origin
                        .error_under(
                            "abbreviations",
                            a,
                            format!(
                                "the abbreviation \"{a}\" is also given by the {} glossary term \"{other}\"",
                                tr.language
                            ),
                        )
                        .with_hint(format!(
                            "keep it on one term only: readers of {} follow it to one definition",
                            tr.language
                        )),
                );
            }
        }
    }
}

/// Checks a translated body's figures against the original's.
fn check_body(body: &Body, original: &Body, origin: &Origin, diags: &mut Diagnostics) {
    if body.is_empty() {
        return;
    }
    check_figures(
        &original.markdown,
        &body.markdown,
        "the text",
        body_line(body, original),
        origin,
        diags,
    );
}

impl Plan {
    /// The plan's languages, its own first; empty for a plan in one language.
    pub fn languages(&self) -> &[String] {
        &self.meta.languages
    }

    /// Every text not yet translated, language by language, file by file.
    pub fn untranslated(&self) -> Vec<Untranslated> {
        let mut out = Vec::new();
        for tr in &self.translations {
            let language = &tr.language;
            let mut missing = |rel: &str, what: Option<String>| {
                out.push(Untranslated {
                    language: language.clone(),
                    file: translation_file(rel, language),
                    what,
                })
            };
            let body = |t: &Body, o: &Body| {
                (t.is_empty() && !o.is_empty()).then(|| "its text".to_string())
            };
            match &tr.plan {
                None => missing(&self.meta.origin.file, None),
                Some(t) => {
                    if let Some(w) = body(&t.body, &self.meta.foreword) {
                        missing(&self.meta.origin.file, Some(w));
                    }
                }
            }
            for aim in self.aims.iter().filter(|a| !a.implicit) {
                match tr.aims.get(&aim.id) {
                    None => missing(&aim.origin.file, None),
                    Some(t) => {
                        if t.text.outcomes.is_none() && !aim.outcomes.is_empty() {
                            missing(&aim.origin.file, Some("its outcomes".into()));
                        }
                        if let Some(w) = body(&t.body, &aim.intro) {
                            missing(&aim.origin.file, Some(w));
                        }
                    }
                }
                for p in &aim.priorities {
                    match tr.priorities.get(&p.id) {
                        None => missing(&p.origin.file, None),
                        Some(t) => {
                            for (_, c) in p.commitments() {
                                let given = t.text.commitments.iter().find(|x| x.id == c.id);
                                if given.and_then(|x| x.text.as_ref()).is_none() {
                                    missing(&p.origin.file, Some(format!("commitment {}", c.id)));
                                }
                            }
                            if let Some(w) = body(&t.body, &p.body) {
                                missing(&p.origin.file, Some(w));
                            }
                        }
                    }
                }
            }
            for g in &self.glossary {
                match tr.glossary.get(&g.id) {
                    None => missing(&g.origin.file, None),
                    Some(t) => {
                        if let Some(w) = body(&t.body, &g.definition) {
                            missing(&g.origin.file, Some(w));
                        }
                    }
                }
            }
            for s in &self.statements {
                match tr.statements.get(&s.id) {
                    None => missing(&s.origin.file, None),
                    Some(t) => {
                        for (given, original, key) in [
                            (t.text.target.is_some(), !s.target.text.is_empty(), "target"),
                            (t.text.lead.is_some(), s.lead.is_some(), "lead"),
                            (
                                t.text.data_source.is_some(),
                                s.data_source.is_some(),
                                "data_source",
                            ),
                            (t.text.source.is_some(), !s.source.is_empty(), "source"),
                        ] {
                            if original && !given {
                                missing(&s.origin.file, Some(format!("its {key}")));
                            }
                        }
                        if let Some(w) = body(&t.body, &s.body) {
                            missing(&s.origin.file, Some(w));
                        }
                    }
                }
            }
            for p in &self.pages {
                match tr.pages.get(&p.id) {
                    None => missing(&p.origin.file, None),
                    Some(t) => {
                        if let Some(w) = body(&t.body, &p.body) {
                            missing(&p.origin.file, Some(w));
                        }
                    }
                }
            }
        }
        out
    }

    /// The plan as a reader of `language` sees it: each text its translation where there is
    /// one, the first language's otherwise (recorded in [`Plan::reading`]), the glossary in
    /// that language's alphabetical order. For the plan's own language, or a language it does
    /// not have, the plan itself with `reading` saying so.
    pub fn in_language(&self, language: &str) -> Plan {
        let mut plan = self.clone();
        plan.translations = Vec::new();
        let original = self.meta.languages.first().cloned().unwrap_or_default();
        plan.reading = Reading {
            language: language.to_string(),
            original,
            untranslated: BTreeSet::new(),
        };
        let Some(tr) = self.translations.iter().find(|t| t.language == language) else {
            plan.reading.language = plan.reading.original.clone();
            return plan;
        };
        let fallback = &mut plan.reading.untranslated;
        fn body_of(fallback: &mut BTreeSet<TextOf>, target: &mut Body, given: &Body, of: TextOf) {
            if !given.is_empty() {
                *target = given.clone();
            } else if !target.is_empty() {
                fallback.insert(of);
            }
        }
        macro_rules! body {
            ($target:expr, $given:expr, $of:expr) => {
                body_of(fallback, $target, $given, $of)
            };
        }
        match &tr.plan {
            Some(t) => {
                plan.meta.title = t.text.title.clone();
                if t.text.subtitle.is_some() {
                    plan.meta.subtitle = t.text.subtitle.clone();
                }
                if let Some(area) = &t.text.area {
                    plan.meta.area = area.clone();
                }
                if let Some(organisation) = &t.text.organisation {
                    plan.meta.organisation = organisation.clone();
                }
                for given in &t.text.parties {
                    let Some(party) = plan.meta.parties.iter_mut().find(|p| p.id == given.id)
                    else {
                        continue;
                    };
                    let old_lead = party.lead.clone();
                    if let Some(name) = &given.name {
                        party.name = name.clone();
                    }
                    if let Some(heading) = &given.heading {
                        party.heading = heading.clone();
                    }
                    if let Some(lead) = &given.lead {
                        party.lead = lead.clone();
                        // Lists that take the party's own lead-in take its translation.
                        for g in plan
                            .aims
                            .iter_mut()
                            .flat_map(|a| &mut a.priorities)
                            .flat_map(|p| &mut p.groups)
                        {
                            if g.party == party.id && g.lead == old_lead {
                                g.lead = lead.clone();
                            }
                        }
                    }
                }
                if let Some(levels) = &t.text.levels {
                    plan.meta.levels = Levels::from_front(Some(levels));
                }
                body!(&mut plan.meta.foreword, &t.body, TextOf::Plan);
            }
            None => {
                fallback.insert(TextOf::Plan);
            }
        }
        for aim in &mut plan.aims {
            match tr.aims.get(&aim.id) {
                Some(t) => {
                    aim.title = t.text.title.clone();
                    match &t.text.outcomes {
                        Some(o) => aim.outcomes = o.clone(),
                        None if !aim.outcomes.is_empty() => {
                            fallback.insert(TextOf::Aim(aim.id.clone()));
                        }
                        None => {}
                    }
                    body!(&mut aim.intro, &t.body, TextOf::Aim(aim.id.clone()));
                }
                None if aim.implicit => aim.title = plan.meta.levels.priority.titles(),
                None => {
                    fallback.insert(TextOf::Aim(aim.id.clone()));
                }
            }
            for p in &mut aim.priorities {
                let Some(t) = tr.priorities.get(&p.id) else {
                    fallback.insert(TextOf::Priority(p.id.clone()));
                    for (_, c) in p.commitments() {
                        fallback.insert(TextOf::Commitment(c.id.clone()));
                    }
                    continue;
                };
                p.title = t.text.title.clone();
                body!(&mut p.body, &t.body, TextOf::Priority(p.id.clone()));
                for g in &mut p.groups {
                    if let Some(lead) = t.text.leads.get(&g.party) {
                        g.lead = lead.clone();
                    }
                    for c in &mut g.commitments {
                        match t
                            .text
                            .commitments
                            .iter()
                            .find(|x| x.id == c.id)
                            .and_then(|x| x.text.as_ref())
                        {
                            Some(text) => c.text = text.clone(),
                            None => {
                                fallback.insert(TextOf::Commitment(c.id.clone()));
                            }
                        }
                    }
                }
            }
        }
        for g in &mut plan.glossary {
            match tr.glossary.get(&g.id) {
                Some(t) => {
                    g.term = t.text.term.clone();
                    g.abbreviations = t.text.abbreviations.clone();
                    body!(&mut g.definition, &t.body, TextOf::Glossary(g.id.clone()));
                }
                None => {
                    fallback.insert(TextOf::Glossary(g.id.clone()));
                }
            }
        }
        sort_glossary(&mut plan.glossary, language);
        for s in &mut plan.statements {
            match tr.statements.get(&s.id) {
                Some(t) => {
                    s.measure = t.text.measure.clone();
                    // A fact the translation leaves out is shown as the original gives it,
                    // and recorded so that outputs mark it as in the first language.
                    let fact = |key| TextOf::StatementFact(s.id.clone(), key);
                    match &t.text.target {
                        Some(target) => s.target.text = target.clone(),
                        None if !s.target.text.is_empty() => {
                            fallback.insert(fact("target"));
                        }
                        None => {}
                    }
                    for (field, given, key) in [
                        (&mut s.lead, &t.text.lead, "lead"),
                        (&mut s.data_source, &t.text.data_source, "data_source"),
                    ] {
                        if given.is_some() {
                            *field = given.clone();
                        } else if field.is_some() {
                            fallback.insert(fact(key));
                        }
                    }
                    match &t.text.source {
                        Some(source) => s.source = source.clone(),
                        None if !s.source.is_empty() => {
                            fallback.insert(fact("source"));
                        }
                        None => {}
                    }
                    body!(&mut s.body, &t.body, TextOf::Statement(s.id.clone()));
                }
                None => {
                    fallback.insert(TextOf::Statement(s.id.clone()));
                }
            }
        }
        for p in &mut plan.pages {
            match tr.pages.get(&p.id) {
                Some(t) => {
                    p.title = t.text.title.clone();
                    body!(&mut p.body, &t.body, TextOf::Page(p.id.clone()));
                }
                None => {
                    fallback.insert(TextOf::Page(p.id.clone()));
                }
            }
        }
        plan
    }
}

/// A text whose first-language words changed while its translation stayed as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotFollowed {
    /// The translation file (relative to the content folder).
    pub file: String,
    /// Which of its texts.
    pub part: Part,
}

/// Which text of a translation file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Its title.
    Title,
    /// The plan's foreword.
    Foreword,
    /// An aim's outcomes.
    Outcomes,
    /// An aim's introduction.
    Introduction,
    /// One commitment, by id.
    Commitment(String),
    /// A glossary term's term.
    Term,
    /// A glossary term's definition.
    Definition,
}

impl Part {
    /// The key of its words in the word tables (`diff-part-*`); a commitment's takes `id`.
    pub fn key(&self) -> &'static str {
        match self {
            Part::Title => "diff-part-title",
            Part::Foreword => "diff-part-foreword",
            Part::Outcomes => "diff-part-outcomes",
            Part::Introduction => "diff-part-introduction",
            Part::Commitment(_) => "diff-part-commitment",
            Part::Term => "diff-part-term",
            Part::Definition => "diff-part-definition",
        }
    }
}

/// The texts whose first-language words changed between `old` and `new` while their
/// translation into `language` stayed as it was, in plan order. What changed in a text the
/// translation never had is not listed (`check` lists those).
pub fn not_followed(old: &Plan, new: &Plan, language: &str) -> Vec<NotFollowed> {
    let tr = |p: &Plan| {
        p.translations
            .iter()
            .find(|t| t.language == language)
            .cloned()
    };
    let (Some(old_tr), Some(new_tr)) = (tr(old), tr(new)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut check =
        |file: &str, what: Part, was: &str, is: &str, tr_was: Option<&str>, tr_is: Option<&str>| {
            if was != is && tr_is.is_some() && tr_was == tr_is {
                out.push(NotFollowed {
                    file: translation_file(file, language),
                    part: what,
                });
            }
        };
    if let (Some(a), Some(b)) = (&old_tr.plan, &new_tr.plan) {
        check(
            &new.meta.origin.file,
            Part::Title,
            &old.meta.title,
            &new.meta.title,
            Some(&a.text.title),
            Some(&b.text.title),
        );
        check(
            &new.meta.origin.file,
            Part::Foreword,
            &old.meta.foreword.markdown,
            &new.meta.foreword.markdown,
            Some(&a.body.markdown),
            Some(&b.body.markdown),
        );
    }
    for aim in &new.aims {
        let Some(was) = old.aim(&aim.id) else {
            continue;
        };
        let (a, b) = (old_tr.aims.get(&aim.id), new_tr.aims.get(&aim.id));
        check(
            &aim.origin.file,
            Part::Title,
            &was.title,
            &aim.title,
            a.map(|t| t.text.title.as_str()),
            b.map(|t| t.text.title.as_str()),
        );
        check(
            &aim.origin.file,
            Part::Outcomes,
            &was.outcomes.join("\n"),
            &aim.outcomes.join("\n"),
            a.and_then(|t| t.text.outcomes.as_ref())
                .map(|o| o.join("\n"))
                .as_deref(),
            b.and_then(|t| t.text.outcomes.as_ref())
                .map(|o| o.join("\n"))
                .as_deref(),
        );
        check(
            &aim.origin.file,
            Part::Introduction,
            &was.intro.markdown,
            &aim.intro.markdown,
            a.map(|t| t.body.markdown.as_str()),
            b.map(|t| t.body.markdown.as_str()),
        );
        for p in &aim.priorities {
            let Some(was) = old.priority(&p.id) else {
                continue;
            };
            let (a, b) = (old_tr.priorities.get(&p.id), new_tr.priorities.get(&p.id));
            check(
                &p.origin.file,
                Part::Title,
                &was.title,
                &p.title,
                a.map(|t| t.text.title.as_str()),
                b.map(|t| t.text.title.as_str()),
            );
            for (_, c) in p.commitments() {
                let Some((_, before)) = was.commitments().find(|(_, x)| x.id == c.id) else {
                    continue;
                };
                let text = |t: Option<&Translated<PriorityText>>| {
                    t.and_then(|t| t.text.commitments.iter().find(|x| x.id == c.id))
                        .and_then(|x| x.text.clone())
                };
                check(
                    &p.origin.file,
                    Part::Commitment(c.id.clone()),
                    &before.text,
                    &c.text,
                    text(a).as_deref(),
                    text(b).as_deref(),
                );
            }
        }
    }
    for g in &new.glossary {
        let Some(was) = old.glossary.iter().find(|x| x.id == g.id) else {
            continue;
        };
        let (a, b) = (old_tr.glossary.get(&g.id), new_tr.glossary.get(&g.id));
        check(
            &g.origin.file,
            Part::Term,
            &was.term,
            &g.term,
            a.map(|t| t.text.term.as_str()),
            b.map(|t| t.text.term.as_str()),
        );
        check(
            &g.origin.file,
            Part::Definition,
            &was.definition.markdown,
            &g.definition.markdown,
            a.map(|t| t.body.markdown.as_str()),
            b.map(|t| t.body.markdown.as_str()),
        );
    }
    out
}

/// A collator for `language`'s alphabetical order (CLDR's, through ICU4X), at the strength
/// that tells letters apart but not case or accents; the root order when the language is
/// unknown.
pub fn collator(language: &str) -> icu_collator::CollatorBorrowed<'static> {
    use icu_collator::options::{CollatorOptions, Strength};
    let locale: icu_locale_core::Locale =
        language.parse().unwrap_or(icu_locale_core::Locale::UNKNOWN);
    let mut options = CollatorOptions::default();
    options.strength = Some(Strength::Secondary);
    icu_collator::CollatorBorrowed::try_new((&locale).into(), options)
        .or_else(|_| {
            icu_collator::CollatorBorrowed::try_new(
                (&icu_locale_core::Locale::UNKNOWN).into(),
                options,
            )
        })
        .expect("the compiled collation data has the root order")
}

/// Sorts glossary terms by `language`'s alphabet, ignoring a leading "The", ties by id.
pub fn sort_glossary(terms: &mut [GlossaryTerm], language: &str) {
    let collator = collator(language);
    terms.sort_by(|a, b| {
        collator
            .compare(sort_key(&a.term), sort_key(&b.term))
            .then(a.id.cmp(&b.id))
    });
}

/// The part of a term it is sorted and listed under: without a leading "The".
pub fn sort_key(term: &str) -> &str {
    term.trim_start_matches("The ").trim_start_matches("the ")
}

/// The letter of `language`'s alphabet a term is listed under in an A–Z: its first letter,
/// or its first two when the language's collation treats them as one letter (Welsh "Ch",
/// "Dd", "Ll", "Ng"...), found by asking the collator whether the pair sorts among the words
/// that begin with its first letter.
pub fn first_letter(term: &str, collator: &icu_collator::CollatorBorrowed<'_>) -> String {
    let key = sort_key(term);
    let mut chars = key.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let one: String = first.to_lowercase().collect();
    if let Some(second) = chars.next().filter(|c| c.is_alphabetic()) {
        let two: String = format!("{one}{}", second.to_lowercase());
        let after = format!("{one}zzz");
        let among = collator.compare(&one, &two).is_lt() && collator.compare(&two, &after).is_lt();
        if !among {
            let mut letter: String = first.to_uppercase().collect();
            letter.extend(second.to_lowercase());
            return letter;
        }
    }
    first.to_uppercase().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_read_as_written() {
        assert_eq!(
            figures("recruit 1,200 officers by 2025"),
            vec!["1200", "2025"]
        );
        assert_eq!(figures("a 2.5% rise, then 3."), vec!["2.5", "3"]);
        assert!(figures("no figures").is_empty());
    }

    #[test]
    fn welsh_digraphs_are_letters_of_their_own() {
        let cy = collator("cy");
        assert_eq!(first_letter("Llys", &cy), "Ll");
        assert_eq!(first_letter("chwilio", &cy), "Ch");
        assert_eq!(first_letter("Cyngor", &cy), "C");
        assert_eq!(first_letter("Ngwent", &cy), "Ng");
        let en = collator("en-GB");
        assert_eq!(first_letter("Llama", &en), "L");
        assert_eq!(first_letter("Church", &en), "C");
    }

    #[test]
    fn translation_files_sit_beside_their_originals() {
        assert_eq!(
            translation_file("victims/01-voice.md", "cy"),
            "victims/01-voice.cy.md"
        );
        assert_eq!(
            original_file("victims/01-voice.cy.md"),
            "victims/01-voice.md"
        );
        assert_eq!(original_file("_index.cy.md"), "_index.md");
    }
}
