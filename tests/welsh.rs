//! A plan in English and Welsh (`tests/fixtures/bilingual`): translations beside their
//! originals, checked against them; the Welsh site under /cy/ in Welsh words, sorted by the
//! Welsh alphabet; `check --strict` failing on what is not translated yet; hostile
//! translation files refused with the file, the line and a fix.

mod common;

use common::welsh::{self, english_in, english_words, own_words, read_text};
use common::{stderr, stdout, Site};

fn bilingual() -> Site {
    Site::from_content("tests/fixtures/bilingual/content")
}

fn page(site: &Site, rel: &str) -> String {
    std::fs::read_to_string(site.path(&format!("public/{rel}")))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The ids of the glossary's terms, in the order the page lists them.
fn term_order(html: &str) -> Vec<String> {
    html.split("<dt id=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_string())
        .collect()
}

/// The text of each `<dt>` (the terms as written), in page order.
fn term_texts(html: &str) -> Vec<String> {
    html.split("<dt id=\"")
        .skip(1)
        .map(|rest| {
            let after = &rest[rest.find('>').unwrap() + 1..];
            let text = &after[..after.find("</dt>").unwrap()];
            text.split(" (").next().unwrap().to_string()
        })
        .collect()
}

#[test]
fn the_welsh_glossary_is_in_the_order_of_the_welsh_alphabet() {
    let site = bilingual();
    site.build();
    let html = page(&site, "cy/glossary/index.html");
    let ids = term_order(&html);
    // Welsh order: C before Ch, L before Ll; the digraphs are letters of their own.
    assert_eq!(
        ids,
        [
            "local-area",
            "support",
            "search",
            "lobbying",
            "court",
            "anti-social-behaviour"
        ],
        "{html}"
    );
    // The same terms in English (code point) order would put Chwilio before Cymorth and
    // Llys before Lobïo: the page must not be in that order.
    let texts = term_texts(&html);
    let mut english = texts.clone();
    english.sort_by_key(|t| t.to_lowercase());
    assert_ne!(texts, english, "the Welsh glossary is in English order");
    for letter in ["C", "Ch", "L", "Ll"] {
        assert!(
            html.contains(&format!(">{letter}</a></li>")),
            "no letter {letter} in the A to Z: {html}"
        );
    }
    // The English glossary keeps the English order.
    let en = term_order(&page(&site, "glossary/index.html"));
    assert_eq!(en[0], "anti-social-behaviour");
}

#[test]
fn a_translation_that_changes_a_figure_is_an_error_at_its_line() {
    let site = bilingual();
    site.edit(
        "content/safety/01-safer-streets.cy.md",
        "text: Ariannu mwy o batrolau.",
        "text: Ariannu 300 o batrolau ychwanegol.",
    );
    let out = site.run(&["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("content/safety/01-safer-streets.cy.md:6:"),
        "not at the commitment's line: {err}"
    );
    assert!(
        err.contains("gives 300 where the original gives no figures"),
        "{err}"
    );
    assert!(
        err.contains("help: figures are the same in every language"),
        "{err}"
    );

    // A figure field in a statement's translation is refused at its line.
    let site = bilingual();
    site.write(
        "content/performance/calls-answered.cy.md",
        "---\nmeasure: Galwadau 999 a atebwyd o fewn 10 eiliad\nlatest:\n  value: 95\n  period: Mehefin 2024\n---\n",
    );
    let out = site.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("content/performance/calls-answered.cy.md:3:1: error: \"latest\" is the same in every language"),
        "{err}"
    );
}

#[test]
fn check_lists_what_is_not_translated_and_strict_fails_on_it() {
    let site = bilingual();
    let out = site.run(&["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Not yet translated into cy"), "{text}");
    assert!(
        text.contains("content/safety/01-safer-streets.cy.md: commitment respond-quickly"),
        "{text}"
    );
    assert!(
        text.contains("content/safety/02-roads.cy.md: the file is missing"),
        "{text}"
    );
    let strict = site.run(&["check", "--strict"]);
    assert_eq!(strict.status.code(), Some(1), "{}", stdout(&strict));

    // Translate the rest, and --strict passes.
    site.edit(
        "content/safety/01-safer-streets.cy.md",
        "  - id: respond-quickly\n    text: ~\n",
        "  - id: respond-quickly\n    text: Ymateb yn gyflym i alwadau.\n",
    );
    site.write(
        "content/safety/02-roads.cy.md",
        "---\ntitle: Lleihau niwed ar y ffyrdd\ncommitments:\n  - id: speed-enforcement\n    text: Gorfodi terfynau cyflymder.\n---\n",
    );
    site.write(
        "content/performance/calls-answered.cy.md",
        "---\nmeasure: Galwadau 999 a atebwyd o fewn 10 eiliad\ntarget: 90% wedi'u hateb o fewn 10 eiliad\n---\n- Atebwyd galwadau'n brydlon.\n",
    );
    // A translated statement that leaves out one of its facts (its source) is listed too.
    let strict = site.run(&["check", "--strict"]);
    assert_eq!(strict.status.code(), Some(1), "{}", stdout(&strict));
    assert!(
        stdout(&strict).contains("content/performance/calls-answered.cy.md: its source"),
        "{}",
        stdout(&strict)
    );
    site.edit(
        "content/performance/calls-answered.cy.md",
        "target: 90% wedi'u hateb o fewn 10 eiliad\n",
        "target: 90% wedi'u hateb o fewn 10 eiliad\nsource: Adroddiad perfformiad yr heddlu prawf\n",
    );
    let strict = site.run(&["check", "--strict"]);
    assert!(
        strict.status.success(),
        "{}{}",
        stdout(&strict),
        stderr(&strict)
    );
    assert!(stdout(&strict).contains("Every text is translated into cy."));
}

/// Every Welsh page of a bilingual plan with every kind of page (the plan's own, performance
/// and reports, the pages about the plan and its formats, search, the not-found page), built
/// with every output: what a reader meets on it (its text, the labels screen readers read,
/// the search script's words) has no English word of the theme's tables, less the plan's own
/// text not translated yet, which is marked `lang="en-GB"`.
#[test]
fn no_english_theme_word_is_left_on_any_welsh_page() {
    let words = english_words();
    // Words from each part of the tables are checked: the pages', the reports', the
    // editions', the data's and the downloads'.
    for key in [
        "skip-link",
        "perf-sentence-target",
        "a11y-title",
        "doc-foreword",
        "changes-page-lead",
    ] {
        assert!(
            words.iter().any(|(k, _)| k == key),
            "{key} was not read from the table"
        );
    }
    let everything = welsh::bilingual_with_everything();
    let reports = Site::from_content("tests/fixtures/bilingual-reports/content");
    let mut checked = Vec::new();
    let mut found = Vec::new();
    for (name, site) in [("bilingual", &everything), ("bilingual-reports", &reports)] {
        site.build();
        for (path, bytes) in site.output() {
            let Some(rel) = path.strip_prefix("cy/") else {
                continue;
            };
            if !rel.ends_with(".html") {
                continue;
            }
            let html = String::from_utf8(bytes).unwrap();
            assert!(html.contains("<html lang=\"cy\">"), "{name}: cy/{rel}");
            for english in english_in(&read_text(&html), &words) {
                found.push(format!("{name}: cy/{rel}: {english}"));
            }
            checked.push(rel.to_string());
        }
    }
    assert!(
        found.is_empty(),
        "English theme words on Welsh pages:\n{}",
        found.join("\n")
    );
    for rel in [
        "index.html",
        "404.html",
        "safety/index.html",
        "safety/safer-streets/index.html",
        "glossary/index.html",
        "about/index.html",
        "performance/index.html",
        "performance/answer-times/index.html",
        "reports/index.html",
        "reports/2024-25-q2/index.html",
        "reports/2024-25-q2/answer-times/index.html",
        "national-priorities/index.html",
        "delivery/index.html",
        "large-print/index.html",
        "other-formats/index.html",
        "listen/index.html",
        "search/index.html",
        "accessibility/index.html",
        "about-this-plan/index.html",
    ] {
        assert!(checked.iter().any(|c| c == rel), "cy/{rel} was not checked");
    }
}

/// Every template of the default theme writes no words of its own: each word a page shows
/// comes from the word tables or from the plan.
#[test]
fn no_template_writes_words_of_its_own() {
    let dir = common::repo().join("themes/default/templates");
    let mut checked = 0;
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let own = own_words(&std::fs::read_to_string(&path).unwrap());
        let words: Vec<&str> = own
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        if !words.is_empty() {
            found.push(format!("{}: {words:?}", path.display()));
        }
        checked += 1;
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
    assert!(checked >= 20, "only {checked} templates were read");
    // The scan finds words where there are some.
    assert_eq!(
        own_words("<h1>{{ t(k=\"x\") }}</h1>\n<p>Key points {{ a }}</p><a aria-label=\"Menu\">"),
        " \nKey points   Menu"
    );
}

#[test]
fn every_page_links_to_itself_in_the_other_language_first_in_its_header() {
    let site = bilingual();
    site.build();
    let en = page(&site, "safety/index.html");
    let header = &en[en.find("<header").unwrap()..];
    let first_link = &header[header.find("<a ").unwrap()..];
    assert!(
        first_link.starts_with(
            "<a href=\"../cy/safety/index.html\" hreflang=\"cy\" lang=\"cy\">Cymraeg</a>"
        ),
        "{header}"
    );
    assert!(
        en.contains("<link rel=\"alternate\" hreflang=\"cy\" href=\"../cy/safety/index.html\">")
    );
    let cy = page(&site, "cy/safety/safer-streets/index.html");
    assert!(cy.contains("<html lang=\"cy\">"));
    assert!(cy.contains(
        "<a href=\"../../../safety/safer-streets/index.html\" hreflang=\"en-GB\" lang=\"en-GB\">English</a>"
    ));
    assert!(
        cy.contains("href=\"../../../static/style.css\""),
        "the Welsh pages share the style sheet"
    );
    // The commitment not yet translated is shown in English, marked as English.
    assert!(
        cy.contains("<li id=\"respond-quickly\" lang=\"en-GB\">Responding quickly to calls."),
        "{cy}"
    );
    // A priority with no translation: a note in Welsh, its content marked as English.
    let roads = page(&site, "cy/safety/roads/index.html");
    assert!(roads.contains("<p class=\"untranslated-note\" lang=\"cy\">Nid yw'r rhan hon wedi'i chyfieithu i'r Gymraeg eto"), "{roads}");
    assert!(roads.contains("<div lang=\"en-GB\">"), "{roads}");
    // The not-found page of the Welsh site sends readers back to the Welsh home page.
    let missing = page(&site, "cy/404.html");
    assert!(missing.contains("href=\"/cy/index.html\""), "{missing}");
    // Dates and counts in Welsh words.
    let home = page(&site, "cy/index.html");
    assert!(home.contains("1 Mai 2024"), "{home}");
    let aim = page(&site, "cy/safety/index.html");
    assert!(
        aim.contains("2 ymrwymiad gan Y Comisiynydd") || aim.contains("ymrwymiad gan"),
        "{aim}"
    );
}

#[test]
fn a_plan_in_one_language_has_no_language_folder_or_links() {
    let site = Site::minimal();
    site.build();
    let files = site.output();
    assert!(!files.iter().any(|(p, _)| p.starts_with("cy/")));
    assert!(!files.iter().any(|(p, _)| p.ends_with("languages.css")));
    let home = page(&site, "index.html");
    assert!(home.contains("<html lang=\"en-GB\">"));
    assert!(!home.contains("hreflang"));
}

/// Runs `check` on the bilingual plan with `rel` written as `text`, and gives its problems.
fn refused(rel: &str, text: &str) -> String {
    let site = bilingual();
    site.write(rel, text);
    let out = site.run(&["check"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{rel} was accepted: {}",
        stdout(&out)
    );
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn hostile_translation_files_are_refused_with_the_file_and_a_fix() {
    let err = refused("content/about.fr.md", "---\ntitle: À propos\n---\n");
    assert!(
        err.contains(
            "content/about.fr.md: error: \"fr\" is not one of the plan's languages (en-GB, cy)"
        ),
        "{err}"
    );
    assert!(err.contains("help: add it to \"languages:\""), "{err}");

    let err = refused("content/nowhere.cy.md", "---\ntitle: Unman\n---\n");
    assert!(
        err.contains(
            "content/nowhere.cy.md: error: this translates nowhere.md, which is not there"
        ),
        "{err}"
    );

    let err = refused("content/about.cy.md", "---\ntitle: [Am y cynllun\n---\n");
    assert!(err.contains("content/about.cy.md:2:"), "{err}");

    let err = refused("content/about.cy.md", "---\ntitle: Am y cynllun\n");
    assert!(
        err.contains("content/about.cy.md:1:1: error: the front matter is not closed"),
        "{err}"
    );

    let err = refused("content/about.cy.cy.md", "---\ntitle: Am y cynllun\n---\n");
    assert!(err.contains("content/about.cy.cy.md: error: \"about.cy.cy.md\" has more than one language in its name"), "{err}");

    let err = refused("content/about.welsh.md", "---\ntitle: Am y cynllun\n---\n");
    assert!(
        err.contains("\"welsh\" in \"about.welsh.md\" is not a language tag"),
        "{err}"
    );

    let err = refused("content/about.en-GB.md", "---\ntitle: About\n---\n");
    assert!(
        err.contains("\"en-GB\" is the plan's own language"),
        "{err}"
    );

    let err = refused(
        "content/_index.cy.md",
        "---\ntitle: Cynllun Prawf\nstatus: draft\n---\n",
    );
    assert!(
        err.contains("content/_index.cy.md:3:1: error: \"status\" is the same in every language"),
        "{err}"
    );

    let err = refused(
        "content/safety/01-safer-streets.cy.md",
        "---\ntitle: Strydoedd\ncommitments:\n  - id: more-patrol\n    text: Mwy o batrolau.\n---\n",
    );
    assert!(err.contains("content/safety/01-safer-streets.cy.md:4:5: error: \"more-patrol\" is not a commitment of this priority"), "{err}");
    assert!(err.contains("did you mean \"more-patrols\"?"), "{err}");

    let err = refused(
        "content/safety/01-safer-streets.cy.md",
        "---\ntitle: Strydoedd\ncommitments:\n  - id: more-patrols\n    text: Mwy o batrolau.\n  - id: more-patrols\n    text: Eto.\n---\n",
    );
    assert!(err.contains("is translated twice"), "{err}");

    let err = refused(
        "content/safety/_index.cy.md",
        "---\ntitle: Cadw pobl yn ddiogel\noutcomes:\n  - Un canlyniad.\n---\n",
    );
    assert!(
        err.contains("gives 1 outcomes where the original gives 2"),
        "{err}"
    );

    // A translation in a plan that names no languages.
    let site = Site::minimal();
    site.write("content/about.cy.md", "---\ntitle: Am y cynllun\n---\n");
    let out = site.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the plan names no languages"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn diff_in_welsh_lists_the_english_changes_the_welsh_has_not_followed() {
    let old = bilingual();
    let new = bilingual();
    new.edit(
        "content/safety/01-safer-streets.md",
        "Fund more patrols.",
        "Fund more foot patrols.",
    );
    new.edit(
        "content/safety/_index.cy.md",
        "title: Cadw pobl yn ddiogel",
        "title: Cadw pawb yn ddiogel",
    );
    let old_dir = old.path("content");
    let out = new.run(&["diff", old_dir.to_str().unwrap(), "content", "--lang", "cy"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    // The Welsh reader's change, in Welsh.
    assert!(
        text.contains("Cadw [dilëwyd: pobl] [ychwanegwyd: pawb] yn ddiogel"),
        "{text}"
    );
    // The English change the Welsh has not followed, in the report's language.
    assert!(
        text.contains("Newidiadau i'r testun gwreiddiol nad yw'r cyfieithiad Cymraeg wedi'u dilyn eto\n\n- safety/01-safer-streets.cy.md: ymrwymiad more-patrols"),
        "{text}"
    );
    // Once the Welsh follows, it is no longer listed.
    new.edit(
        "content/safety/01-safer-streets.cy.md",
        "Ariannu mwy o batrolau.",
        "Ariannu mwy o batrolau ar droed.",
    );
    let out = new.run(&["diff", old_dir.to_str().unwrap(), "content", "--lang", "cy"]);
    assert!(
        stdout(&out)
            .contains("Mae'r cyfieithiad Cymraeg yn dilyn pob newid i'r testun gwreiddiol."),
        "{}",
        stdout(&out)
    );
    // A language the plan does not have is refused.
    let out = new.run(&["diff", old_dir.to_str().unwrap(), "content", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("the plan has no translation into \"fr\""));
}

/// Every value the model labels (statuses, delivery states, units, directions, changes, the
/// statutory contents) has its words in both shipped tables: the English the same as the
/// model's own label, the Welsh different from it.
#[test]
fn every_labelled_value_has_words_in_both_tables() {
    use planpress::compare::diff::Status as Change;
    use planpress::parse::kinds::{Direction, Element, Unit};
    use planpress::plan::delivery::State;
    use planpress::plan::performance::Status;
    let words = planpress::words::Words::new(&planpress::words::Words::default_tables()).unwrap();
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    pairs.extend(Status::ALL.iter().map(|s| (s.key(), s.label())));
    pairs.extend(State::ALL.iter().map(|s| (s.key(), s.label())));
    pairs.extend(Element::ALL.iter().map(|s| (s.key(), s.label())));
    for u in [
        Unit::Percent,
        Unit::Count,
        Unit::Rate,
        Unit::Seconds,
        Unit::Text,
    ] {
        pairs.push((u.key(), u.label()));
    }
    for d in [Direction::Up, Direction::Down, Direction::Level] {
        pairs.push((d.key(), d.label()));
    }
    for c in [Change::Added, Change::Removed, Change::Changed] {
        pairs.push((c.key(), c.label()));
    }
    assert_eq!(pairs.len(), 29);
    for (key, label) in pairs {
        assert_eq!(words.text("en-GB", key, None).unwrap(), label, "{key}");
        let welsh = words.text("cy", key, None).unwrap();
        assert!(
            words.keys("cy").contains(&key.to_string()) && welsh != label,
            "{key}: the Welsh table lacks it or says it in English ({welsh})"
        );
    }
}
