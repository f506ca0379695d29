//! The performance statements in the Welsh editions written from the linear document (the
//! EPUB and the large-print page), on the bilingual fixture (`tests/fixtures/bilingual`):
//! each statement's status sentence, facts, figure tables and chart summaries are written in
//! Welsh, with no English word of the tables' performance keys left, and only the words of a
//! statement not translated yet are marked as English.

mod common;

use common::welsh::{english_words_of, less_untranslated, marked_untranslated, message};
use common::{strip_tags, unescape, Site};

/// The English words of the performance keys (`status-`, `direction-`, `unit-`, `perf-`)
/// whose Welsh differs.
fn english_performance_words() -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for (_, w) in english_words_of(&["status-", "direction-", "unit-", "perf-"]) {
        if !words.contains(&w) {
            words.push(w);
        }
    }
    assert!(words.len() > 60, "{words:?}");
    words
}

fn file(book: &[(String, String)], name: &str) -> String {
    book.iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| {
            panic!(
                "{name} not in {:?}",
                book.iter().map(|f| &f.0).collect::<Vec<_>>()
            )
        })
        .1
        .clone()
}

/// The fixture's statements: (id, translated, status key).
const STATEMENTS: [(&str, bool, &str); 3] = [
    ("answer-times", true, "status-above-upper-limit"),
    ("burglaries", true, "status-met"),
    ("calls-answered", false, "status-met"),
];

/// Whether `text` holds `words` as whole words ("rose" is not in "troseddau").
fn contains_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + words.len()..].chars().next();
        !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
    })
}

/// The body of an XHTML document (its head's title names the statement, which the body's
/// heading gives too).
fn body(xhtml: &str) -> &str {
    &xhtml[xhtml.find("<body").unwrap_or(0)..]
}

/// What `markup` (the performance part of a Welsh edition) must say: each statement's status
/// sentence starting with its Welsh status, the facts' Welsh terms, and no English word of the
/// performance keys outside what is marked as English.
fn assert_welsh_figures(what: &str, markup: &str, english_words: &[String]) {
    let text = unescape(markup);
    for (_, _, status) in STATEMENTS {
        let sentence = format!("<p>{}: ", message("cy", status));
        assert!(text.contains(&sentence), "{what}: no {sentence} in\n{text}");
    }
    for key in [
        "doc-fact-latest",
        "doc-fact-limits",
        "doc-fact-unit",
        "doc-fact-direction",
        "unit-seconds",
        "direction-up",
        "perf-by-area",
        "perf-against-limits",
        "perf-upper-limit",
        "perf-lower-limit",
        "perf-force-wide",
        "perf-over-time",
    ] {
        let words = message("cy", key);
        assert!(
            text.contains(&words),
            "{what}: no {key} ({words}) in\n{text}"
        );
    }
    let left: Vec<&String> = {
        let rest = strip_tags(&less_untranslated(markup).0);
        english_words
            .iter()
            .filter(|w| contains_words(&rest, w))
            .collect()
    };
    assert!(
        left.is_empty(),
        "{what}: English words {left:?} in\n{markup}"
    );
}

/// The words of the fixture's breakdown (`answer-times.md`): its title and labels.
const BREAKDOWN_WORDS: [&str; 3] = ["Calls by line", "Web chat", "Textphone"];

/// Asserts that what `markup` marks as English is only the breakdown's words, and that the
/// breakdown's title is marked where it is (but in a table's caption, which has no mark of
/// its own: the heading just above it gives the same words, marked).
fn assert_only_breakdown_words_marked(what: &str, markup: &str) {
    let mut markup = markup.to_string();
    while let (Some(a), Some(b)) = (markup.find("<caption>"), markup.find("</caption>")) {
        markup.replace_range(a..b + "</caption>".len(), "");
    }
    let markup = markup.as_str();
    let marked = marked_untranslated(markup);
    assert!(
        marked.iter().all(|m| BREAKDOWN_WORDS.contains(&m.trim())),
        "{what}: marked as English {marked:?} in\n{markup}"
    );
    if markup.contains(BREAKDOWN_WORDS[0]) {
        assert!(
            less_untranslated(markup)
                .0
                .matches(BREAKDOWN_WORDS[0])
                .count()
                == 0,
            "{what}: the breakdown's title is not marked:\n{markup}"
        );
    }
}

#[test]
fn the_welsh_editions_write_statements_figures_in_welsh_and_mark_only_untranslated_words() {
    let site = Site::from_content("tests/fixtures/bilingual/content");
    site.build();
    let english_words = english_performance_words();

    // The EPUB: the performance part and one file per statement.
    let book = common::unzip(&site.path("public/other-formats/test-plan-2024-2028.cy.epub"));
    let mut part = body(&file(&book, "EPUB/performance.xhtml")).to_string();
    for (id, translated, _) in STATEMENTS {
        let page = file(&book, &format!("EPUB/statement-{id}.xhtml"));
        if translated {
            // A translated statement has nothing marked as English but its breakdown's
            // words, which no translation gives.
            assert_only_breakdown_words_marked(id, &page);
        }
        part.push_str(body(&page));
    }
    assert_welsh_figures("EPUB", &part, &english_words);
    // The statement not translated yet: its own words are there, marked as English.
    let calls = file(&book, "EPUB/statement-calls-answered.xhtml");
    for own in [
        " xml:lang=\"en-GB\" lang=\"en-GB\">999 calls answered within 10 seconds</h",
        "<span xml:lang=\"en-GB\" lang=\"en-GB\">90% answered within 10 seconds</span>",
        "<span xml:lang=\"en-GB\" lang=\"en-GB\">Test force performance report</span>",
        // The period is the statement's words; the figure before it is ours, not marked.
        " 93% (<span xml:lang=\"en-GB\" lang=\"en-GB\">June 2024</span>)",
    ] {
        assert!(calls.contains(own), "{own} not in\n{calls}");
    }
    assert!(
        less_untranslated(&calls)
            .0
            .contains(&message("cy", "doc-fact-latest")),
        "the facts' terms are Welsh, not marked:\n{calls}"
    );

    // The large-print page: from the performance heading to the glossary's.
    let page = std::fs::read_to_string(site.path("public/cy/large-print/index.html")).unwrap();
    let heading = |key: &str| {
        let h = format!(">{}</h", message("cy", key));
        page.find(&h)
            .unwrap_or_else(|| panic!("{h} not in\n{page}"))
    };
    let part = &page[heading("doc-performance")..heading("doc-glossary")];
    assert_welsh_figures("large-print page", part, &english_words);
    for own in [
        " lang=\"en-GB\">999 calls answered within 10 seconds</h",
        "<span lang=\"en-GB\">90% answered within 10 seconds</span>",
    ] {
        assert!(part.contains(own), "{own} not in\n{part}");
    }
    // The translated statements come before it, with nothing marked as English.
    let untranslated = part
        .find(" lang=\"en-GB\">999 calls answered")
        .expect("the untranslated statement");
    let translated = &part[..untranslated];
    assert!(unescape(translated).contains(&message("cy", "status-above-upper-limit")));
    assert_only_breakdown_words_marked("large-print page", translated);

    // The English editions stay English.
    let book = common::unzip(&site.path("public/other-formats/test-plan-2024-2028.epub"));
    let statement = unescape(&file(&book, "EPUB/statement-answer-times.xhtml"));
    let sentence = format!("<p>{}: ", message("en-GB", "status-above-upper-limit"));
    assert!(statement.contains(&sentence), "{statement}");
    let page =
        unescape(&std::fs::read_to_string(site.path("public/large-print/index.html")).unwrap());
    assert!(page.contains(&sentence), "{page}");
    assert!(!page.contains("lang=\"cy\""));
}
