//! The website's pages about the plan and its formats in Welsh (`tests/fixtures/bilingual`,
//! with national priorities, delivery statuses and the other parts these pages report on
//! added for the test): no English word of the theme's tables is left on them, the templates
//! write no words of their own, counts take the Welsh plural forms, and the Welsh search page
//! searches the Welsh pages and speaks Welsh.

mod common;

use common::Site;

/// The bilingual plan with everything the pages about the plan can show: a national
/// priority evidenced by a statement (translated), delivery statuses with one commitment
/// overdue, a glossary term with no definition and a statement whose figures were published
/// only as a chart.
fn bilingual_with_everything() -> Site {
    let site = Site::from_content("tests/fixtures/bilingual/content");
    site.edit(
        "content/_index.md",
        "languages: [en-GB, cy]\n",
        "languages: [en-GB, cy]\nforce: Testshire Police\nnational_priorities:\n  - id: reduce-harm\n    title: Reduce serious harm\n",
    );
    site.write(
        "content/performance/national-harm.md",
        "---\nmeasure: Serious harm recorded\nunit: count\nbetter: lower\ntarget:\n  text: Fewer offences each year\nlatest:\n  value: 120\n  period: 2023-24\nnational_priorities: [reduce-harm]\nlead: Head of Crime\ndata_source: Police Recorded Crime\nsource: Test force performance report\nchart_only: [monthly figures]\n---\n- Harm fell.\n",
    );
    site.write(
        "content/performance/national-harm.cy.md",
        "---\nmeasure: Niwed difrifol a gofnodwyd\ntarget: Llai o droseddau bob blwyddyn\n---\n- Gostyngodd niwed.\n",
    );
    site.edit(
        "content/safety/01-safer-streets.md",
        "      text: Fund more patrols.\n",
        "      text: Fund more patrols.\n      status: in-progress\n",
    );
    site.edit(
        "content/safety/01-safer-streets.md",
        "      due: 2025-10\n",
        "      due: 2024-01\n      status: at-risk\n",
    );
    site.write(
        "content/glossary/panel.md",
        "---\nterm: Police and Crime Panel\nabbreviations: [PCP]\n---\n",
    );
    site.write(
        "content/glossary/panel.cy.md",
        "---\nterm: Panel Heddlu a Throseddu\n---\n",
    );
    site
}

/// Builds `site` with only the website (no other format), so every word on the pages comes
/// from the theme's templates, its tables or the plan.
fn build_site_only(site: &Site) {
    let out = site.run(&[
        "build",
        "--themes-dir",
        common::repo().join("themes").to_str().unwrap(),
        "--no-large-print",
        "--no-plain-text",
        "--no-epub",
        "--no-data",
        "--no-braille",
        "--no-audio",
    ]);
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

/// The words of each message in a Fluent table, by key: the text outside placeables, in
/// pieces (a message with arguments gives the words between them).
fn table(path: &str) -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(common::repo().join(path)).unwrap();
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (key, value) = match line.split_once(" = ") {
            Some((k, v)) if !line.starts_with(' ') => (Some(k.to_string()), v),
            _ => (None, line.trim()),
        };
        // A variant line, `[one] ...` or `*[other] ...`: its words follow the key.
        let value = match value.trim_start_matches('*').strip_prefix('[') {
            Some(variant) => variant.split_once(']').map_or("", |(_, v)| v),
            None => value,
        };
        // The words outside `{ ... }` and outside markup (`<a href="...">`).
        let mut pieces = Vec::new();
        let mut depth = 0;
        let mut in_tag = false;
        let mut current = String::new();
        for c in value.chars() {
            match c {
                '{' => {
                    depth += 1;
                    pieces.push(std::mem::take(&mut current));
                }
                '}' => depth -= 1,
                '<' if depth == 0 => {
                    in_tag = true;
                    pieces.push(std::mem::take(&mut current));
                }
                '>' if in_tag => in_tag = false,
                _ if depth == 0 && !in_tag => current.push(c),
                _ => {}
            }
        }
        pieces.push(current);
        let pieces: Vec<String> = pieces
            .into_iter()
            .map(|p| {
                p.trim()
                    .trim_matches(|c: char| ",.;:()“”\"".contains(c))
                    .trim()
                    .to_string()
            })
            .filter(|p| p.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .collect();
        match key {
            Some(k) => out.push((k, pieces)),
            None => out.last_mut().unwrap().1.extend(pieces),
        }
    }
    out
}

/// `html` without the parts shown in the plan's first language because they are not yet
/// translated (elements with `lang="en-GB"` other than the language link's).
fn less_untranslated(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find(" lang=\"en-GB\"") {
        let start = rest[..at].rfind('<').unwrap();
        let tag: String = rest[start + 1..]
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        out.push_str(&rest[..start]);
        let close = format!("</{tag}>");
        let end = rest[at..]
            .find(&close)
            .map_or(rest.len(), |e| at + e + close.len());
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The English table's words that differ from the Welsh table's for the same key, less the
/// language link's own name, which is English by design.
fn english_words() -> Vec<(String, String)> {
    let english = table("themes/default/i18n/en-GB.ftl");
    let welsh = table("themes/default/i18n/cy.ftl");
    english
        .iter()
        // The labels of a statement's status and direction of change reach the pages
        // through the performance pages' code (`StatementSummary` in performance.rs), which
        // is translated with the performance pages, not here.
        .filter(|(k, _)| {
            k != "language-name" && !k.starts_with("status-") && !k.starts_with("direction-")
        })
        .flat_map(|(k, pieces)| {
            let cy = welsh
                .iter()
                .find(|(w, _)| w == k)
                .map(|(_, p)| p.clone())
                .unwrap_or_default();
            pieces
                .iter()
                .filter(move |p| !cy.contains(p))
                .map(move |p| (k.clone(), p.clone()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// What readers meet on a page: its text (with the `<title>`), the labels and titles screen
/// readers read, and the words the search script says.
fn read_text(html: &str) -> String {
    let rest = less_untranslated(html);
    let mut text = common::unescape(&common::strip_tags(&rest));
    for attribute in [
        "aria-label",
        "title",
        "alt",
        "data-none",
        "data-found-",
        "data-first-",
    ] {
        // `aria-label=`, not `aria-labelledby=` (an id); `data-found-` names several.
        let name = match attribute.ends_with('-') {
            true => attribute.to_string(),
            false => format!(" {attribute}="),
        };
        for part in rest.split(name.as_str()).skip(1) {
            let Some(value) = part.split_once('"').map(|(_, v)| v) else {
                continue;
            };
            text.push('\n');
            text.push_str(&common::unescape(value.split('"').next().unwrap()));
        }
    }
    text
}

/// True when `text` has `word` as a word of its own, not inside a longer one ("plan" is not
/// in "planpress", nor "item" in the Welsh "eitem").
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The Welsh pages this test covers: every page about the plan and its formats, and the
/// plan's own pages the same templates write.
const PAGES: &[&str] = &[
    "index.html",
    "404.html",
    "safety/index.html",
    "safety/safer-streets/index.html",
    "safety/roads/index.html",
    "glossary/index.html",
    "about/index.html",
    "about-this-plan/index.html",
    "accessibility/index.html",
    "other-formats/index.html",
    "listen/index.html",
    "search/index.html",
    "national-priorities/index.html",
    "delivery/index.html",
];

#[test]
fn no_english_table_word_is_left_on_the_welsh_pages_about_the_plan() {
    let site = bilingual_with_everything();
    build_site_only(&site);
    let words = english_words();
    assert!(words.len() > 150, "the table was not read: {}", words.len());
    let mut left = Vec::new();
    for rel in PAGES {
        let html = page(&site, &format!("cy/{rel}"));
        assert!(html.contains("<html lang=\"cy\">"), "cy/{rel}");
        let text = read_text(&html);
        for (key, word) in &words {
            if has_word(&text, word) {
                left.push(format!("cy/{rel}: {word:?} (\"{key}\" in en-GB.ftl)"));
            }
        }
    }
    assert!(
        left.is_empty(),
        "English theme words on Welsh pages:\n{}",
        left.join("\n")
    );
    // The pages really show what the words are for: the parts the fixture was given.
    let delivery = page(&site, "cy/delivery/index.html");
    assert!(delivery.contains("Mewn perygl"), "{delivery}");
    assert!(delivery.contains("Ymrwymiadau hwyr"), "{delivery}");
    assert!(delivery.contains("Ionawr 2024"), "{delivery}");
    let accessibility = page(&site, "cy/accessibility/index.html");
    assert!(
        accessibility.contains("Mae un term geirfa wedi'i roi"),
        "{accessibility}"
    );
    assert!(
        accessibility.contains("mewn un datganiad perfformiad"),
        "{accessibility}"
    );
    let national = page(&site, "cy/national-priorities/index.html");
    assert!(
        national.contains("Niwed difrifol a gofnodwyd"),
        "{national}"
    );
    assert!(national.contains("Cyfeiriad y newid") || national.contains("Arweinydd"));
    let about = page(&site, "cy/about-this-plan/index.html");
    assert!(
        about.contains("Amcanion plismona a throseddu'r Comisiynydd (adran 7(1)(a))"),
        "{about}"
    );
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
    let out = site.run(&[
        "build",
        "--themes-dir",
        common::repo().join("themes").to_str().unwrap(),
        "--no-large-print",
        "--no-plain-text",
        "--no-epub",
        "--no-data",
        "--no-braille",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
const TEMPLATES: &[&str] = &[
    "about-this-plan",
    "accessibility",
    "other-formats",
    "listen",
    "search",
    "national-priorities",
    "delivery",
    "404",
    "base",
    "site-header",
    "site-footer",
    "macros",
    "home",
    "aim",
    "priority",
    "glossary",
    "page",
];

/// `text` without every span from `open` to `close`.
fn without(text: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(open) {
        out.push_str(&rest[..at]);
        out.push(' ');
        rest = match rest[at + open.len()..].find(close) {
            Some(end) => &rest[at + open.len() + end + close.len()..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// The words a template writes of its own: letters left once its Tera tags, comments and
/// HTML tags are taken out, and the values of the attributes that are read aloud or shown.
fn own_words(template: &str) -> Vec<String> {
    let text = without(template, "{#", "#}");
    let text = without(&text, "{{", "}}");
    let text = without(&text, "{%", "%}");
    let mut words = Vec::new();
    let mut rest = text.as_str();
    let mut outside = String::new();
    while let Some(at) = rest.find('<') {
        outside.push_str(&rest[..at]);
        outside.push(' ');
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let tag = &rest[at..end];
        for attribute in [
            "aria-label",
            "title",
            "alt",
            "placeholder",
            "aria-description",
        ] {
            for part in tag.split(&format!(" {attribute}=\"")).skip(1) {
                let value = part.split('"').next().unwrap_or("");
                if value.chars().any(char::is_alphabetic) {
                    words.push(format!("{attribute}=\"{value}\""));
                }
            }
        }
        rest = &rest[end..];
    }
    outside.push_str(rest);
    words.extend(
        outside
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_string),
    );
    words
}

#[test]
fn the_templates_of_the_pages_write_no_words_of_their_own() {
    let mut found = Vec::new();
    for name in TEMPLATES {
        let path = common::repo().join(format!("themes/default/templates/{name}.html"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("{%") || text.contains("{{"), "{name}.html");
        for word in own_words(&text) {
            found.push(format!("{name}.html: {word}"));
        }
    }
    assert!(
        found.is_empty(),
        "words written by the templates, not the tables:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_template_check_finds_a_word_outside_the_tables() {
    // The check itself: a literal word, a read attribute and a word between tags are found;
    // Tera tags, comments and unread attributes are not.
    let words = own_words(
        "{# A comment #}<p class=\"lead\" id=\"x\">{{ t(k=\"a\") }} Overdue</p><nav aria-label=\"Main\">{% if x %}{% endif %}</nav>",
    );
    assert_eq!(words, ["aria-label=\"Main\"", "Overdue"]);
}

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
