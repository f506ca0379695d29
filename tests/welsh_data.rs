//! A bilingual plan's data, comparisons and translation checks (`tests/fixtures/bilingual`):
//! a translation may not silently drop a commitment of its original, but may mark one as not
//! translated yet (`text: ~`); translated bodies' links and a language's glossary
//! abbreviations are checked as the originals' are; `plan.json` gives each text in each
//! language; the "What has changed" page and `planpress diff --lang cy` speak Welsh.

mod common;

use common::{stderr, stdout, Site};

fn bilingual() -> Site {
    Site::from_content("tests/fixtures/bilingual/content")
}

const STREETS_CY: &str = "content/safety/01-safer-streets.cy.md";

/// The marker in the fixture: the chief constable's commitment is not translated yet.
const MARKER: &str = "  - id: respond-quickly\n    text: ~\n";

/// Runs `check` on `site`, asserting it fails without a panic, and gives its problems.
fn refused(site: &Site) -> String {
    let out = site.run(&["check"]);
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "accepted: {}{err}",
        stdout(&out)
    );
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn a_translation_that_drops_a_commitment_id_is_an_error_at_its_line() {
    let site = bilingual();
    site.edit(STREETS_CY, MARKER, "");
    let err = refused(&site);
    // At the list of commitments (line 5 of the file), naming the id and the fix.
    assert!(
        err.contains(
            "content/safety/01-safer-streets.cy.md:5:1: error: the translation leaves out the commitment \"respond-quickly\" of safety/01-safer-streets.md"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "mark it as not translated yet with \"- id: respond-quickly\" with \"text: ~\""
        ),
        "{err}"
    );

    // Two left out, and no list at all: both named, at the title.
    let site = bilingual();
    site.write(
        STREETS_CY,
        "---\ntitle: Gwneud strydoedd yn fwy diogel\nleads:\n  commissioner: \"Byddaf yn:\"\n---\n",
    );
    let err = refused(&site);
    assert!(
        err.contains("01-safer-streets.cy.md:2:1: error: the translation leaves out the commitments \"more-patrols\", \"street-lighting\", \"respond-quickly\""),
        "{err}"
    );
}

#[test]
fn a_commitment_marked_not_translated_yet_builds_with_the_english_and_is_listed() {
    let site = bilingual();
    let out = site.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let html =
        std::fs::read_to_string(site.path("public/cy/safety/safer-streets/index.html")).unwrap();
    // The English words, marked as English, among the Welsh ones.
    let at = html
        .find("Responding quickly to calls.")
        .unwrap_or_else(|| panic!("the English text is not shown: {html}"));
    let start = html[..at].rfind('<').unwrap();
    assert!(
        html[start..at].contains("lang=\"en-GB\"") || {
            let li = html[..at].rfind("<li").unwrap();
            html[li..at].contains("lang=\"en-GB\"")
        },
        "the English text is not marked lang=\"en-GB\": {}",
        &html[start.saturating_sub(200)..at + 40]
    );
    assert!(html.contains("Ariannu mwy o batrolau."), "{html}");

    let out = site.run(&["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("content/safety/01-safer-streets.cy.md: commitment respond-quickly"),
        "{}",
        stdout(&out)
    );
    let strict = site.run(&["check", "--strict"]);
    assert_eq!(strict.status.code(), Some(1), "{}", stdout(&strict));

    // `text:` with nothing after it, or no `text` at all, is the same marker.
    for marker in [
        "  - id: respond-quickly\n    text:\n",
        "  - id: respond-quickly\n",
    ] {
        site.edit(STREETS_CY, MARKER, marker);
        let out = site.run(&["check"]);
        assert!(out.status.success(), "{marker:?}: {}", stderr(&out));
        assert!(
            stdout(&out).contains("01-safer-streets.cy.md: commitment respond-quickly"),
            "{marker:?}: {}",
            stdout(&out)
        );
        site.edit(STREETS_CY, marker, MARKER);
    }
}

#[test]
fn malformed_not_translated_markers_are_refused_at_their_line() {
    for (value, line, says) in [
        ("42", 11, "\"text\" has a value that is not allowed: integer `42`, expected the commitment's words, or ~"),
        ("false", 11, "\"text\" has a value that is not allowed: boolean `false`"),
        ("[~]", 11, "\"text\" should be a string but is a list"),
        ("{not: yet}", 11, "\"text\" should be a string"),
        ("\"\"", 10, "the translation of \"respond-quickly\" is empty"),
        ("\"  \"", 10, "the translation of \"respond-quickly\" is empty"),
    ] {
        let site = bilingual();
        site.edit(STREETS_CY, "text: ~", &format!("text: {value}"));
        let err = refused(&site);
        assert!(
            err.contains(&format!("content/safety/01-safer-streets.cy.md:{line}:")),
            "{value}: not at its line: {err}"
        );
        assert!(err.contains(says), "{value}: {err}");
    }
    // An empty text says how to mark it instead.
    let site = bilingual();
    site.edit(STREETS_CY, "text: ~", "text: ''");
    assert!(refused(&site)
        .contains("or write \"text: ~\" to mark \"respond-quickly\" as not translated yet"));

    // A marker under a misspelt key is an unknown key, not a marker.
    let site = bilingual();
    site.edit(STREETS_CY, "text: ~", "txt: ~");
    let err = refused(&site);
    assert!(
        err.contains("01-safer-streets.cy.md:11:5: error: unknown key \"txt\""),
        "{err}"
    );
    // A marker for an id the original does not have is still an unknown id.
    let site = bilingual();
    site.edit(STREETS_CY, "id: respond-quickly", "id: respond-quick");
    let err = refused(&site);
    assert!(
        err.contains("\"respond-quick\" is not a commitment of this priority"),
        "{err}"
    );
    assert!(err.contains("did you mean \"respond-quickly\"?"), "{err}");
}

#[test]
fn broken_links_in_welsh_bodies_are_errors_at_their_line() {
    // An anchor that is not on the page.
    let site = bilingual();
    site.edit("content/about.cy.md", "#more-patrols", "#more-patrol");
    let err = refused(&site);
    assert!(
        err.contains("content/about.cy.md:6:25: error: the link \"/safety/safer-streets/#more-patrol\" points to an anchor \"#more-patrol\" that is not on that page"),
        "{err}"
    );
    assert!(err.contains("did you mean \"#more-patrols\"?"), "{err}");

    // A page that does not exist, in a glossary definition.
    let site = bilingual();
    site.write(
        "content/glossary/court.cy.md",
        "---\nterm: Llys\n---\nLle y gwrandewir achosion.\n\nGweler [y nod](/diogelwch/).\n",
    );
    let err = refused(&site);
    assert!(
        err.contains("content/glossary/court.cy.md:6:8: error: the link \"/diogelwch/\" points to a page that does not exist"),
        "{err}"
    );

    // The foreword, linking to an English heading's anchor the Welsh page does not have: the
    // Welsh page's headings are the translation's ("Pam", not "Why").
    let site = bilingual();
    site.write(
        "content/_index.cy.md",
        &format!(
            "{}\nGweler [pam](/about/#why).\n",
            std::fs::read_to_string(site.path("content/_index.cy.md")).unwrap()
        ),
    );
    let err = refused(&site);
    assert!(
        err.contains("content/_index.cy.md:") && err.contains("points to an anchor \"#why\""),
        "{err}"
    );

    // The same link to the Welsh heading is fine, and the English page's anchors are not
    // changed by it.
    let site = bilingual();
    site.edit(
        "content/about.cy.md",
        "Mwy o destun.",
        "Mwy o destun; gweler [pam](/about/#pam).",
    );
    let out = site.run(&["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_languages_glossary_abbreviations_are_checked_as_the_originals_are() {
    // The same Welsh abbreviation on two terms.
    let site = bilingual();
    site.write(
        "content/glossary/court.cy.md",
        "---\nterm: Llys\nabbreviations: [YGG]\n---\nLle y gwrandewir achosion.\n",
    );
    let err = refused(&site);
    assert!(
        err.contains("error: the abbreviation \"YGG\" is also given by the cy glossary term"),
        "{err}"
    );
    assert!(err.contains("content/glossary/court.cy.md:3:"), "{err}");

    // An abbreviation of more than one word.
    let site = bilingual();
    site.edit(
        "content/glossary/anti-social-behaviour.cy.md",
        "[YGG]",
        "[Y G G]",
    );
    let err = refused(&site);
    assert!(
        err.contains("content/glossary/anti-social-behaviour.cy.md:3:")
            && err.contains("\"Y G G\" is not a usable abbreviation"),
        "{err}"
    );

    // The Welsh pages link the Welsh glossary's abbreviation, the English the English one.
    let site = bilingual();
    site.write(
        "content/about.cy.md",
        "---\ntitle: Am y cynllun\n---\n## Pam\n\nMae YGG yn broblem.\n\n## Sut\n\nMwy o destun.\n",
    );
    site.edit("content/about.md", "More text.", "ASB is a problem.");
    let out = site.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let cy = std::fs::read_to_string(site.path("public/cy/about/index.html")).unwrap();
    assert!(
        cy.contains("<abbr title=\"Ymddygiad gwrthgymdeithasol\">YGG</abbr>"),
        "{cy}"
    );
    let en = std::fs::read_to_string(site.path("public/about/index.html")).unwrap();
    assert!(
        en.contains("<abbr title=\"Anti-social behaviour\">ASB</abbr>"),
        "{en}"
    );
}

#[test]
fn plan_json_gives_each_text_in_each_language() {
    let site = bilingual();
    let out = site.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(site.path("public/data/plan.json")).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(json["languages"], serde_json::json!(["en-GB", "cy"]));
    // The fields above are the first language's.
    assert_eq!(json["plan"]["title"], "Test Plan");
    let cy = &json["translations"]["cy"];
    assert_eq!(cy["plan"]["title"], "Cynllun Prawf", "{cy}");
    assert_eq!(cy["plan"]["levels"]["aim"]["singular"], "nod", "{cy}");
    assert_eq!(cy["aims"]["safety"]["title"], "Cadw pobl yn ddiogel");
    assert_eq!(
        cy["aims"]["safety"]["outcomes"][1],
        "Mae pobl yn teimlo'n fwy diogel."
    );
    let streets = &cy["priorities"]["safer-streets"];
    assert_eq!(streets["title"], "Gwneud strydoedd yn fwy diogel");
    assert_eq!(streets["leads"]["commissioner"], "Byddaf yn:");
    // Every commitment by id, in the plan's order; the one marked `text: ~` is null.
    let commitments = streets["commitments"].as_object().unwrap();
    assert_eq!(commitments.len(), 3, "{streets}");
    let text = String::from_utf8(bytes.clone()).unwrap();
    let translated = &text[text.find("\"translations\"").unwrap()..];
    let at = |id: &str| translated.find(&format!("\"{id}\": ")).unwrap();
    assert!(
        at("more-patrols") < at("street-lighting") && at("street-lighting") < at("respond-quickly")
    );
    assert_eq!(commitments["more-patrols"], "Ariannu mwy o batrolau.");
    assert!(commitments["respond-quickly"].is_null());
    // A priority with no translation file is left out; the body it does not give is null.
    assert!(cy["priorities"].get("roads").is_none(), "{cy}");
    assert!(streets["body"].is_null());
    assert_eq!(
        cy["glossary"]["anti-social-behaviour"]["abbreviations"],
        serde_json::json!(["YGG"])
    );
    assert_eq!(cy["pages"]["about"]["title"], "Am y cynllun");
    let untranslated: Vec<String> = cy["untranslated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| format!("{}: {}", u["file"].as_str().unwrap(), u["what"]))
        .collect();
    assert_eq!(
        untranslated,
        [
            "safety/01-safer-streets.cy.md: \"commitment respond-quickly\"",
            "safety/02-roads.cy.md: null",
            "performance/calls-answered.cy.md: null"
        ]
    );
    // The schema names the new fields (it forbids any it does not name).
    let schema: serde_json::Value = serde_json::from_str(planpress::export::data::SCHEMA).unwrap();
    assert!(schema["properties"]["translations"].is_object());
    assert!(schema["$defs"]["translation"]["properties"]["priorities"].is_object());

    // A plan in one language: neither field.
    let one = Site::minimal();
    assert!(one.build().status.success());
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(one.path("public/data/plan.json")).unwrap()).unwrap();
    assert!(json.get("languages").is_none() && json.get("translations").is_none());
}

/// The bilingual plan in a git repository tagged `base`, then changed in both languages: an
/// English commitment reworded (the Welsh not following), the Welsh aim title reworded, and
/// a Welsh commitment translated; `compare_with: base`.
fn changed_since_base() -> Site {
    let site = bilingual();
    common::git(site.dir.path(), &["init", "-q"]);
    common::git(site.dir.path(), &["add", "."]);
    common::git(site.dir.path(), &["commit", "-q", "-m", "base"]);
    common::git(site.dir.path(), &["tag", "base"]);
    site.edit(
        "content/safety/01-safer-streets.md",
        "Fund more patrols.",
        "Fund more foot patrols.",
    );
    site.edit(
        "content/safety/_index.cy.md",
        "title: Cadw pobl yn ddiogel",
        "title: Cadw pawb yn ddiogel",
    );
    site.edit(
        "content/_index.md",
        "languages:",
        "compare_with: base\nlanguages:",
    );
    site
}

#[test]
fn the_welsh_site_has_its_what_has_changed_page_in_welsh() {
    let site = changed_since_base();
    let out = site.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let cy = std::fs::read_to_string(site.path("public/cy/changes/index.html"))
        .unwrap_or_else(|e| panic!("no Welsh changes page: {e}"));
    assert!(cy.contains("<html lang=\"cy\">"), "{cy}");
    assert!(cy.contains("<h1>Beth sydd wedi newid</h1>"), "{cy}");
    // Its style sheet is the one every language shares, and it links to its English page.
    assert!(
        cy.contains("<link rel=\"stylesheet\" href=\"../../static/style.css\">"),
        "{cy}"
    );
    assert!(
        cy.contains(
            "<link rel=\"alternate\" hreflang=\"en-GB\" href=\"../../changes/index.html\">"
        ),
        "{cy}"
    );
    assert!(
        cy.contains("ers y fersiwn o'r enw “base”"),
        "the lead is not in Welsh: {cy}"
    );
    // What a Welsh reader sees changed: the Welsh title, word by word, labelled in Welsh.
    assert!(
        cy.contains("Cadw <span class=\"change change-deleted\">[dilëwyd: <del>pobl</del>]</span> <span class=\"change change-added\">[ychwanegwyd: <ins>pawb</ins>]</span> yn ddiogel"),
        "{cy}"
    );
    assert!(
        cy.contains("<h2 id=\"changes-summary\">Crynodeb</h2>"),
        "{cy}"
    );
    assert!(
        cy.contains("Nifer yr eitemau a newidiodd, fesul math"),
        "{cy}"
    );
    assert!(
        cy.contains("<li>Nodau: 1 wedi&#39;i aileirio.</li>"),
        "{cy}"
    );
    // Only what changed: the priority's words are the same in both revisions for a Welsh
    // reader (its built-in party's words come from the Welsh table in both).
    assert!(!cy.contains("Blaenoriaethau: "), "{cy}");
    // The English commitment's change is not a change the Welsh reader sees.
    assert!(!cy.contains("foot patrols"), "{cy}");
    // No English word of the report's own on the page.
    let text = common::unescape(&common::strip_tags(&cy));
    for english in [
        "What has changed",
        "What changed",
        "Summary",
        "Kind of item",
        "reworded",
        "[deleted",
        "[added",
        "Deleted words",
        "this version",
    ] {
        assert!(
            !text.contains(english),
            "{english:?} on the Welsh page: {text}"
        );
    }
    // The Welsh home page links to it, in Welsh.
    let home = std::fs::read_to_string(site.path("public/cy/index.html")).unwrap();
    assert!(
        home.contains("changes/index.html\">Beth sydd wedi newid</a>"),
        "{home}"
    );

    // The English page is the English report of the English changes.
    let en = std::fs::read_to_string(site.path("public/changes/index.html")).unwrap();
    assert!(en.contains("<h1>What has changed</h1>"), "{en}");
    assert!(
        en.contains("<link rel=\"alternate\" hreflang=\"cy\" href=\"../cy/changes/index.html\">"),
        "{en}"
    );
    assert!(en.contains("[added: <ins>foot</ins>]"), "{en}");
    assert!(!en.contains("pawb"), "{en}");
}

#[test]
fn the_diff_report_in_welsh_has_welsh_headings_in_every_format() {
    let site = changed_since_base();
    let diff = |format: &str| {
        let out = site.run(&["diff", "base", "--lang", "cy", "--format", format]);
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        stdout(&out)
    };
    let text = diff("text");
    assert!(
        text.starts_with("Beth a newidiodd (base → y goeden waith)"),
        "{text}"
    );
    assert!(text.contains("\nCrynodeb\n"), "{text}");
    assert!(
        text.contains("Ychwanegwyd  Tynnwyd  Aileiriwyd  Symudwyd  Newidiadau eraill"),
        "{text}"
    );
    assert!(
        text.contains(
            "Teitl, wedi'i aileirio: Cadw [dilëwyd: pobl] [ychwanegwyd: pawb] yn ddiogel"
        ),
        "{text}"
    );
    assert!(
        text.contains("Newidiadau i'r testun gwreiddiol nad yw'r cyfieithiad Cymraeg wedi'u dilyn eto\n\n- safety/01-safer-streets.cy.md: ymrwymiad more-patrols"),
        "{text}"
    );

    let markdown = diff("markdown");
    assert!(
        markdown.contains("## Crynodeb\n\n| Math o eitem | Ychwanegwyd |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("Dangosir geiriau a ddilëwyd fel \\[dilëwyd: ~~geiriau~~\\] a geiriau a ychwanegwyd fel \\[ychwanegwyd: **geiriau**\\]."),
        "{markdown}"
    );
    assert!(
        markdown.contains("## Newidiadau i'r testun gwreiddiol nad yw'r cyfieithiad Cymraeg"),
        "{markdown}"
    );

    let html = diff("html");
    assert!(html.contains("<html lang=\"cy\">"), "{html}");
    assert!(html.contains("Neidio i'r prif gynnwys</a>"), "{html}");
    assert!(
        html.contains("<h2 id=\"appendix\">Atodiad: newidiadau i'r ffeiliau ffynhonnell</h2>"),
        "{html}"
    );
    assert!(html.contains("<h2 id=\"not-followed\">Newidiadau i&#39;r testun gwreiddiol nad yw&#39;r cyfieithiad Cymraeg wedi&#39;u dilyn eto</h2>"), "{html}");
    assert!(
        html.contains("<li>safety/01-safer-streets.cy.md: ymrwymiad more-patrols</li>"),
        "{html}"
    );
    assert!(
        html.contains("Yn ôl i&#39;r brig") || html.contains("Yn ôl i'r brig"),
        "{html}"
    );
    for english in [
        "Skip to main content",
        "Summary",
        "Appendix",
        "Back to the top",
        "has not followed",
    ] {
        assert!(!html.contains(english), "{english:?} in the Welsh report");
    }

    // Without --lang the report stays English.
    let out = site.run(&["diff", "base"]);
    assert!(
        stdout(&out).starts_with("What changed between base and the working tree"),
        "{}",
        stdout(&out)
    );
}
