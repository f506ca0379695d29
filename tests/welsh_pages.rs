//! The website's pages about the plan and its formats in Welsh (`tests/fixtures/bilingual`,
//! with national priorities, delivery statuses and the other parts these pages report on
//! added for the test): counts take the Welsh plural forms, the Welsh search page searches the
//! Welsh pages and speaks Welsh, the listening page finds its recordings, and what is not
//! translated yet is marked English. (That no English word of the tables is left on any Welsh
//! page, and that no template writes words of its own, is tests/welsh.rs's.)

mod common;

use common::welsh::bilingual_with_everything;
use common::Site;

/// Builds `site` with only the website (no other format), so every word on the pages comes
/// from the theme's templates, its tables or the plan.
fn build_site_only(site: &Site) {
    build_site_and(site, &["--no-audio"]);
}

/// Builds `site` with the website, the recordings and no other format, with `extra` options.
fn build_site_and(site: &Site, extra: &[&str]) {
    let themes = common::repo().join("themes");
    let mut args = vec![
        "build",
        "--themes-dir",
        themes.to_str().unwrap(),
        "--no-large-print",
        "--no-plain-text",
        "--no-epub",
        "--no-data",
        "--no-braille",
    ];
    args.extend_from_slice(extra);
    let out = site.run(&args);
    assert!(
        out.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn page(site: &Site, rel: &str) -> String {
    std::fs::read_to_string(site.path(&format!("public/{rel}")))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn the_welsh_home_page_counts_in_welsh_and_the_english_in_english() {
    let site = Site::from_content("tests/fixtures/bilingual/content");
    // A second aim, so the counts are plural.
    site.write(
        "content/traffic/_index.md",
        "---\ntitle: Safer roads\norder: 2\n---\nRoads.\n",
    );
    site.write(
        "content/traffic/01-speed.md",
        "---\nnumber: 1\ntitle: Slower traffic\ncommissioner:\n  commitments:\n    - id: cameras\n      text: Fund speed cameras.\n---\n",
    );
    build_site_only(&site);
    let en = page(&site, "index.html");
    assert!(
        en.contains("The plan has 2 aims. Each aim has priorities"),
        "{en}"
    );
    let cy = page(&site, "cy/index.html");
    // A noun after a number stays singular in Welsh; the parties' headings read inside the
    // sentence, "a" taking its mutation.
    assert!(cy.contains("Mae gan y cynllun 2 nod."), "{cy}");
    assert!(
        cy.contains("ac ynddynt ymrwymiadau'r Comisiynydd a chyfrifoldebau'r Prif Gwnstabl"),
        "{cy}"
    );
    let aim = page(&site, "cy/safety/index.html");
    assert!(aim.contains("2 ymrwymiad gan y Comisiynydd"), "{aim}");
}

#[test]
fn welsh_counts_take_the_welsh_plural_forms() {
    let words =
        planpress::words::tables::Words::new(&planpress::words::tables::Words::default_tables())
            .unwrap();
    let say = |lang: &str, key: &str, n: i64| {
        let mut a = fluent_bundle::FluentArgs::new();
        a.set("count", n);
        a.set("shown", n.to_string());
        a.set("query", "x");
        a.set("noun", "nod");
        a.set("nouns", "nodau");
        a.set("aim", "nod");
        a.set("priorities", "blaenoriaethau");
        a.set("has_groups", "false");
        a.set("outcomes", "none");
        words.text(lang, key, Some(&a)).unwrap()
    };
    assert_eq!(
        say("cy", "plan-has-one-level", 3),
        "Mae gan y cynllun 3 nod."
    );
    assert_eq!(
        say("cy", "plan-has-one-level", 0),
        "Nid oes gan y cynllun nodau eto."
    );
    assert_eq!(say("en-GB", "plan-has-one-level", 1), "The plan has 1 nod.");
    assert_eq!(
        say("en-GB", "plan-has-one-level", 3),
        "The plan has 3 nodau."
    );
    assert_eq!(say("cy", "search-found", 2), "2 ganlyniad ar gyfer “x”.");
    assert_eq!(say("cy", "search-found", 3), "3 chanlyniad ar gyfer “x”.");
    assert_eq!(say("cy", "search-found", 6), "6 chanlyniad ar gyfer “x”.");
    assert_eq!(say("cy", "search-found", 7), "7 canlyniad ar gyfer “x”.");
    assert_eq!(say("en-GB", "search-found", 1), "1 result for “x”.");
    assert_eq!(
        say("cy", "a11y-limit-terms", 2).split(" yn y").next(),
        Some("Mae 2 derm geirfa wedi'u rhoi")
    );
}

#[test]
fn the_welsh_search_page_searches_the_welsh_pages_in_welsh() {
    let site = bilingual_with_everything();
    build_site_only(&site);
    let en = page(&site, "search/index.html");
    let cy = page(&site, "cy/search/index.html");
    let index_of = |html: &str| -> String {
        let at = html.find("<script src=\"search-index.").unwrap() + "<script src=\"".len();
        html[at..].split('"').next().unwrap().to_string()
    };
    let en_index = page(&site, &format!("search/{}", index_of(&en)));
    let cy_index = page(&site, &format!("cy/search/{}", index_of(&cy)));
    assert_ne!(en_index, cy_index);
    // The Welsh index holds the Welsh titles and kinds, and the pages planpress makes under
    // their Welsh titles.
    for welsh in [
        "Gwneud strydoedd yn fwy diogel",
        "Ymrwymiad",
        "Term geirfa",
        "Datganiad hygyrchedd",
        "Cyflawni ymrwymiadau'r cynllun",
        "Blaenoriaethau plismona cenedlaethol",
    ] {
        assert!(cy_index.contains(welsh), "{welsh} not in {cy_index}");
    }
    assert!(!cy_index.contains("\"Commitment\""), "{cy_index}");
    assert!(!cy_index.contains("Accessibility statement"), "{cy_index}");
    // What the script says, in each Welsh plural form, for it to choose from.
    assert!(
        cy.contains("data-none=\"Dim canlyniadau ar gyfer “{q}”.\""),
        "{cy}"
    );
    for (form, words) in [
        ("one", "{n} canlyniad"),
        ("two", "{n} ganlyniad"),
        ("few", "{n} chanlyniad"),
        ("many", "{n} chanlyniad"),
        ("other", "{n} canlyniad"),
    ] {
        assert!(
            cy.contains(&format!("data-found-{form}=\"{words} ar gyfer “{{q}}”.\"")),
            "{form}: {cy}"
        );
    }
    assert!(
        en.contains("data-found-one=\"{n} result for “{q}”.\""),
        "{en}"
    );
    // The A to Z in the Welsh alphabet: Ch after C, Ll after L.
    let letters: Vec<&str> = cy
        .split("<li><a href=\"#letter-")
        .skip(1)
        .map(|s| s.split('>').nth(1).unwrap().split('<').next().unwrap())
        .collect();
    let at = |l: &str| letters.iter().position(|x| *x == l);
    assert!(at("Ch").is_some() && at("Ch") > at("C"), "{letters:?}");
    assert!(at("Ll").is_some() && at("Ll") > at("L"), "{letters:?}");
    // The script reads its words from the page, not from itself.
    let script = page(&site, "static/search.js");
    assert!(!script.contains("No results"), "{script}");
    assert!(script.contains("Intl.PluralRules"), "{script}");
}

#[test]
fn the_welsh_listen_page_lists_the_recordings_made_at_the_site_root() {
    let site = Site::from_content("tests/fixtures/bilingual/content");
    // The website and the recordings.
    build_site_and(&site, &[]);
    let cy = page(&site, "cy/listen/index.html");
    assert!(cy.contains("<h2 id=\"chapter-1\">1. Rhagair</h2>"), "{cy}");
    assert!(
        cy.contains("src=\"../../other-formats/audio/01-foreword.mp3\""),
        "{cy}"
    );
    // The recordings read the English plan: the page says so, and the links name the language.
    assert!(cy.contains("yn ei iaith wreiddiol"), "{cy}");
    assert!(cy.contains("hreflang=\"en-GB\" download>"), "{cy}");
    let en = page(&site, "listen/index.html");
    assert!(en.contains("<h2 id=\"chapter-1\">1. Foreword</h2>"), "{en}");
    assert!(!en.contains("hreflang=\"en-GB\" download"), "{en}");
}

/// The templates of the pages about the plan and its formats, and the ones every page uses.
#[test]
fn untranslated_items_listed_on_the_welsh_pages_are_marked_english() {
    let site = bilingual_with_everything();
    build_site_only(&site);
    // "Reduce harm on the roads" and "Enforce speed limits." have no Welsh yet.
    let home = page(&site, "cy/index.html");
    assert!(
        home.contains("lang=\"en-GB\">Reduce harm on the roads</a>"),
        "{home}"
    );
    let aim = page(&site, "cy/safety/index.html");
    assert!(
        aim.contains("lang=\"en-GB\">Reduce harm on the roads</a>"),
        "{aim}"
    );
    let search = page(&site, "cy/search/index.html");
    assert!(
        search.contains("lang=\"en-GB\">Enforce speed limits.</a>"),
        "{search}"
    );
    // The index tells the script the same, for its results.
    let at = search.find("<script src=\"search-index.").unwrap() + "<script src=\"".len();
    let index = page(
        &site,
        &format!("cy/search/{}", search[at..].split('"').next().unwrap()),
    );
    assert!(
        index.contains("\"Enforce speed limits.\",\"../safety/roads/index.html#speed-enforcement\",\"\",\"en-GB\"]"),
        "{index}"
    );
    // Translated ones are not marked.
    assert!(
        home.contains("index.html\">Gwneud strydoedd yn fwy diogel</a>"),
        "{home}"
    );
    // The English pages mark nothing.
    let en = page(&site, "index.html");
    assert_eq!(en.matches(" lang=\"en-GB\"").count(), 1, "{en}");
}
