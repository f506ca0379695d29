//! The views of the plan's own items for their templates: the aims listed on the home page
//! and their own pages, each priority with its commitments, and the glossary by letter.

use serde::Serialize;

use super::{performance, Index, Link};
use crate::plan::{Aim, Party, Plan, Priority, Route, TextOf};
use crate::render::markdown::{self, Heading};
use crate::theme::Theme;

#[derive(Serialize)]
pub(super) struct AimSummary<'a> {
    id: &'a str,
    title: &'a str,
    path: String,
    outcomes: &'a [String],
    priorities: Vec<PrioritySummary<'a>>,
    /// True for the priorities of a plan without aims, which readers never see as an aim.
    implicit: bool,
    /// The language of its title when it is shown in the plan's first language because it
    /// is not translated into the page's yet.
    lang: Option<String>,
}

#[derive(Serialize)]
struct PrioritySummary<'a> {
    number: u32,
    title: &'a str,
    path: String,
    /// How many commitments each party makes here, in the plan's order of parties.
    groups: Vec<GroupCount<'a>>,
    /// The language of its title when not translated into the page's (see `AimSummary`).
    lang: Option<String>,
}

/// How many commitments one party makes under a priority.
#[derive(Serialize)]
struct GroupCount<'a> {
    /// The party's id (`commissioner`, `chief-constable` or a declared id).
    party: &'a str,
    /// Its name inside a sentence: "the Commissioner", "Community Safety Partnerships".
    name: String,
    count: usize,
}

/// A party's name for use inside a sentence: "The Commissioner" becomes "the Commissioner".
pub(super) fn name_in_sentence(name: &str) -> String {
    match name.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => name.to_string(),
    }
}

/// True when `party` is the Commissioner or the Chief Constable under the theme's own words
/// for `field` (`name`, `heading`), which the theme also gives inside a sentence.
fn in_theme_words(party: &Party, field: &str, value: &str, theme: &Theme) -> bool {
    party.built_in && theme.word(&format!("party-{}-{field}", party.id)) == value
}

/// `party`'s name inside a sentence, in `theme`'s language: the theme's words for a built-in
/// party that keeps the theme's name ("the Commissioner", "y Comisiynydd"), else the plan's.
fn party_name_in_sentence(party: &Party, theme: &Theme) -> String {
    match in_theme_words(party, "name", &party.name, theme) {
        true => theme.word(&format!("page-party-{}-name-in-sentence", party.id)),
        false => name_in_sentence(&party.name),
    }
}

/// The plan's first language when `text` is shown in it because it is not translated into
/// the language of the page yet.
pub(super) fn untranslated(plan: &Plan, text: TextOf) -> Option<String> {
    plan.reading
        .falls_back(&text)
        .then(|| plan.reading.original.clone())
}

/// The words of `key` in `theme`'s language with `args`.
fn say(theme: &Theme, key: &str, args: &[(&str, &str)]) -> String {
    let mut a = fluent_bundle::FluentArgs::new();
    for (name, value) in args {
        a.set(*name, value.to_string());
    }
    theme
        .words
        .text(&theme.language, key, Some(&a))
        .unwrap_or_default()
}

impl<'a> AimSummary<'a> {
    pub(super) fn new(plan: &'a Plan, aim: &'a Aim, theme: &Theme) -> Self {
        AimSummary {
            id: &aim.id,
            title: &aim.title,
            path: Route::Aim(aim.id.clone()).path(),
            outcomes: &aim.outcomes,
            implicit: aim.implicit,
            lang: untranslated(plan, TextOf::Aim(aim.id.clone())),
            priorities: aim
                .priorities
                .iter()
                .map(|p| PrioritySummary {
                    number: p.number,
                    title: &p.title,
                    lang: untranslated(plan, TextOf::Priority(p.id.clone())),
                    path: Route::Priority {
                        aim: aim.id.clone(),
                        id: p.id.clone(),
                    }
                    .path(),
                    groups: p
                        .groups
                        .iter()
                        .map(|g| GroupCount {
                            party: &g.party,
                            name: party_name_in_sentence(&plan.party(&g.party), theme),
                            count: g.commitments.len(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// What the home page says of the plan as a whole.
#[derive(Serialize)]
pub(super) struct PlanSummary {
    /// How many aims the plan has, or priorities in a plan without aims: the template words
    /// it with the level's nouns through the word tables' plural forms.
    number: usize,
    /// The headings of the parties' commitments the plan has, inside a sentence: "the
    /// Commissioner's commitments and the Chief Constable's responsibilities".
    groups: String,
    /// True when every aim has outcomes.
    all_outcomes: bool,
    /// True when some aims have outcomes and others do not.
    some_outcomes: bool,
}

impl PlanSummary {
    pub(super) fn new(plan: &Plan, theme: &crate::theme::Theme) -> Self {
        let number = match plan.is_one_level() {
            true => plan.priorities().count(),
            false => plan.aims.len(),
        };
        // Each party's heading inside a sentence, as it reads first or after "and" (a word may
        // change after "and": Welsh "a chyfrifoldebau").
        let groups: Vec<(String, String)> = plan
            .meta
            .parties
            .iter()
            .filter(|party| plan.priorities().any(|p| p.group(&party.id).is_some()))
            .map(|party| {
                let key = format!("page-party-{}-in-sentence", party.id);
                if in_theme_words(party, "heading", &party.heading, theme) {
                    // "the Commissioner's commitments", "the Chief Constable's responsibilities".
                    let first = say(theme, &key, &[("after_and", "false")]);
                    let after = say(theme, &key, &[("after_and", "true")]);
                    (first, after)
                } else if party.built_in {
                    (party.heading_in_sentence(), party.heading_in_sentence())
                } else {
                    let name = party_name_in_sentence(party, theme);
                    let words = say(theme, "commitments-by-party", &[("name", &name)]);
                    (words.clone(), words)
                }
            })
            .collect();
        let with_outcomes = plan.aims.iter().filter(|a| !a.outcomes.is_empty()).count();
        PlanSummary {
            number,
            groups: list_in_words(&groups, theme),
            all_outcomes: with_outcomes > 0 && with_outcomes == plan.aims.len(),
            some_outcomes: with_outcomes > 0 && with_outcomes < plan.aims.len(),
        }
    }
}

/// "a", "a and b", "a, b and c", in `theme`'s language: each item is given as it reads
/// first and as it reads after "and", and the table words the "and" (Welsh "a", or "ac"
/// before a vowel).
fn list_in_words(items: &[(String, String)], theme: &Theme) -> String {
    match items {
        [] => String::new(),
        [(one, _)] => one.clone(),
        [rest @ .., (_, last)] => {
            let rest: Vec<&str> = rest.iter().map(|(first, _)| first.as_str()).collect();
            let vowel = last.chars().next().is_some_and(|c| {
                "aeiouwyâêîôûŵŷáéíóúàèìòù".contains(c.to_lowercase().next().unwrap_or(c))
            });
            say(
                theme,
                "page-list-and",
                &[
                    ("rest", &rest.join(", ")),
                    ("last", last),
                    ("vowel", if vowel { "true" } else { "false" }),
                ],
            )
        }
    }
}

#[derive(Serialize)]
pub(super) struct PriorityView<'a> {
    number: u32,
    title: &'a str,
    aim_title: &'a str,
    aim_path: String,
    aim_priority_count: usize,
    /// True in a plan without aims.
    one_level: bool,
    body: String,
    body_headings: Vec<Heading>,
    groups: Vec<GroupView<'a>>,
    previous: Option<Link>,
    next: Option<Link>,
    statements: Vec<performance::StatementSummary>,
}

#[derive(Serialize)]
struct GroupView<'a> {
    /// The party's id.
    owner: &'a str,
    heading: String,
    heading_id: &'a str,
    /// `None` when the lead would only repeat the heading ([`Party::lead_under_heading`]).
    lead: Option<&'a str>,
    commitments: Vec<CommitmentView<'a>>,
}

#[derive(Serialize)]
struct CommitmentView<'a> {
    id: &'a str,
    text: &'a str,
    status: Option<String>,
    status_class: Option<String>,
    due: Option<String>,
    /// True when the due date has passed at the plan's reporting date and it is not delivered.
    overdue: bool,
    owner: Option<&'a str>,
    evidence: Vec<Link>,
    /// The language of a commitment shown in the plan's first language because it is not
    /// translated into the page's yet.
    lang: Option<String>,
    /// True when any of `status`, `due`, `owner` and `evidence` has something to show, so the
    /// template tests one value rather than looking up four (Tera's dotted lookups are slow).
    has_details: bool,
}

impl<'a> PriorityView<'a> {
    /// The page's "on this page" list: the body's headings, each group of commitments and
    /// the statements that measure it.
    pub(super) fn contents(&self, measured: &str) -> Vec<Heading> {
        let mut toc = self.body_headings.clone();
        toc.extend(self.groups.iter().map(|g| Heading {
            level: 2,
            id: g.heading_id.to_string(),
            text: g.heading.clone(),
        }));
        if !self.statements.is_empty() {
            toc.push(Heading {
                level: 2,
                id: "performance".into(),
                text: measured.to_string(),
            });
        }
        toc
    }

    pub(super) fn new(
        plan: &Plan,
        index: &Index<'a>,
        pos: usize,
        route: &Route,
        theme: &crate::theme::Theme,
    ) -> Self {
        let (aim, p) = index.priorities[pos];
        let body = markdown::render_with_images(&p.body.markdown, route, &plan.images);
        let link = |q: &Priority| Link {
            title: plan.priority_label(q),
            path: Route::Priority {
                aim: q.aim.clone(),
                id: q.id.clone(),
            }
            .path(),
        };
        PriorityView {
            number: p.number,
            title: &p.title,
            aim_title: &aim.title,
            aim_path: Route::Aim(aim.id.clone()).path(),
            aim_priority_count: aim.priorities.len(),
            one_level: aim.implicit,
            body: body.html,
            body_headings: body.headings,
            groups: p
                .groups
                .iter()
                .map(|g| GroupView {
                    owner: &g.party,
                    heading: plan.party(&g.party).heading.clone(),
                    heading_id: &g.party,
                    lead: plan.party(&g.party).lead_under_heading(&g.lead),
                    commitments: g
                        .commitments
                        .iter()
                        .map(|c| CommitmentView::new(c, plan, route, theme))
                        .collect(),
                })
                .collect(),
            previous: pos
                .checked_sub(1)
                .and_then(|i| index.priorities.get(i))
                .map(|(_, q)| link(q)),
            next: index.priorities.get(pos + 1).map(|(_, q)| link(q)),
            statements: index
                .statements_for
                .get(p.id.as_str())
                .into_iter()
                .flatten()
                .map(|s| {
                    let untranslated = plan
                        .reading
                        .falls_back(&crate::plan::TextOf::Statement(s.id.clone()));
                    performance::StatementSummary::new_in(
                        s,
                        crate::render::performance::Say::new(&theme.words, &theme.language),
                    )
                    .in_language(untranslated.then(|| plan.reading.original.clone()))
                })
                .collect(),
        }
    }
}

impl<'a> CommitmentView<'a> {
    fn new(
        c: &'a crate::plan::Commitment,
        plan: &Plan,
        route: &Route,
        theme: &crate::theme::Theme,
    ) -> Self {
        let status = c
            .status
            .map(|_| theme.word(crate::plan::delivery::State::of(c).key()));
        let due = c.due.as_deref().map(|d| theme.date(d));
        let owner = c.owner.as_deref();
        let evidence: Vec<Link> = c
            .evidence
            .iter()
            .map(|e| Link {
                title: e.title.clone(),
                path: match e.url.strip_prefix('/') {
                    Some(site) => route.href_to(site),
                    None => e.url.clone(),
                },
            })
            .collect();
        CommitmentView {
            id: &c.id,
            text: &c.text,
            lang: plan
                .reading
                .falls_back(&crate::plan::TextOf::Commitment(c.id.clone()))
                .then(|| plan.reading.original.clone()),
            has_details: status.is_some()
                || due.is_some()
                || owner.is_some()
                || !evidence.is_empty(),
            status,
            status_class: c.status.map(|s| crate::parse::markdown::slug(s.label())),
            due,
            overdue: crate::plan::delivery::is_overdue(c, &plan.meta.reporting_date),
            owner,
            evidence,
        }
    }
}

#[derive(Serialize)]
pub(super) struct Letter {
    letter: String,
    terms: Vec<TermView>,
}

#[derive(Serialize)]
struct TermView {
    id: String,
    term: String,
    abbreviations: Vec<String>,
    definition: String,
    /// What is said in place of a missing definition, in the page's language
    /// ([`crate::render::document::no_definition`]).
    missing_definition: Option<String>,
    /// The language of a term shown in the plan's first language because it is not translated
    /// into the page's yet.
    lang: Option<String>,
}

pub(super) fn glossary_letters(plan: &Plan, route: &Route) -> Vec<Letter> {
    let mut letters: Vec<Letter> = Vec::new();
    // A translated plan's terms are listed under the letters of its language's alphabet
    // (Welsh "Ll" after "L"), in its collation's order.
    let reading = &plan.reading;
    let language = crate::render::document::language_of(plan);
    let collator = (reading.language != reading.original)
        .then(|| crate::plan::translations::collator(&reading.language));
    for t in &plan.glossary {
        let sort_key = t.term.trim_start_matches("The ").trim_start_matches("the ");
        let letter = match &collator {
            Some(c) => crate::plan::translations::first_letter(&t.term, c),
            None => sort_key
                .chars()
                .next()
                .map(|c| c.to_uppercase().to_string())
                .unwrap_or_default(),
        };
        let view = TermView {
            id: t.id.clone(),
            term: t.term.clone(),
            abbreviations: t.abbreviations.clone(),
            definition: markdown::render_with_images(&t.definition.markdown, route, &plan.images)
                .html,
            missing_definition: t
                .definition
                .is_empty()
                .then(|| crate::render::document::no_definition(&language, &t.abbreviations)),
            lang: reading
                .falls_back(&crate::plan::TextOf::Glossary(t.id.clone()))
                .then(|| reading.original.clone()),
        };
        match letters.iter_mut().find(|l| l.letter == letter) {
            Some(l) => l.terms.push(view),
            None => letters.push(Letter {
                letter,
                terms: vec![view],
            }),
        }
    }
    match &collator {
        Some(c) => letters.sort_by(|a, b| c.compare(&a.letter, &b.letter)),
        None => letters.sort_by(|a, b| a.letter.cmp(&b.letter)),
    }
    letters
}
