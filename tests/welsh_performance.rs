//! The performance and reporting pages of a bilingual plan, in Welsh: every word the
//! performance, statement, reports and report pages write (headings, statement sentences,
//! figure tables, chart titles, summaries and axes, status words, units, dates) comes from
//! the Welsh word table (that no English word of the tables is left on any Welsh page is
//! tests/welsh.rs's); counts take Welsh plural forms. Fixtures: `tests/fixtures/bilingual` (statements with control
//! limits, areas, a series and figures in seconds, and one statement not translated) and
//! `tests/fixtures/bilingual-reports` (the same kinds of statement given in three reports,
//! one a draft).

mod common;

use common::welsh::{english_in, english_words};
use common::Site;

fn bilingual() -> Site {
    let site = Site::from_content("tests/fixtures/bilingual/content");
    site.build();
    site
}

fn with_reports() -> Site {
    let site = Site::from_content("tests/fixtures/bilingual-reports/content");
    site.build();
    site
}

fn page(site: &Site, rel: &str) -> String {
    std::fs::read_to_string(site.path(&format!("public/{rel}")))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The Welsh performance and report pages of a built site, relative path and HTML.
fn welsh_performance_pages(site: &Site) -> Vec<(String, String)> {
    site.output()
        .into_iter()
        .filter_map(|(path, bytes)| {
            let rel = path.strip_prefix("cy/")?.to_string();
            let ours = rel.starts_with("performance/") || rel.starts_with("reports/");
            (ours && rel.ends_with(".html")).then(|| (rel, String::from_utf8(bytes).unwrap()))
        })
        .collect()
}

#[test]
fn the_welsh_pages_say_in_welsh_what_the_english_pages_say() {
    let site = with_reports();
    let en = page(&site, "reports/2024-25-q2/answer-times/index.html");
    let cy = page(&site, "cy/reports/2024-25-q2/answer-times/index.html");
    // The same statement sentence, from the same figures, in each language.
    assert!(
        en.contains("Above upper control limit: the latest figure, 95 seconds, is above the control limits of 40 seconds to 92 seconds."),
        "{en}"
    );
    assert!(
        cy.contains("Uwchlaw'r terfyn rheoli uchaf: mae'r ffigur diweddaraf, 95 eiliad, uwchlaw'r terfynau rheoli o 40 eiliad i 92 eiliad."),
        "{cy}"
    );
    // What changed since the report before, and the report's dates in Welsh.
    assert!(en.contains("The latest figure rose from 50 seconds in"));
    assert!(
        cy.contains("Cododd y ffigur diweddaraf o 50 eiliad"),
        "{cy}"
    );
    assert!(cy.contains("(1 Gorffennaf 2024 i 30 Medi 2024)"), "{cy}");
    assert!(cy.contains("3 Rhagfyr 2024"), "{cy}");
    // The figure table's headings and the status words.
    assert!(
        cy.contains("<th scope=\"col\">Cyfnod y ffigur</th>"),
        "{cy}"
    );
    assert!(cy.contains("Terfyn rheoli uchaf"), "{cy}");
    // The draft report's notice, and its tag.
    let draft = page(&site, "cy/reports/2024-25-q3/index.html");
    assert!(
        draft.contains("<strong class=\"tag\">Drafft</strong>"),
        "{draft}"
    );
    assert!(draft.contains("nid yw wedi"), "{draft}");
}

/// The `<title>` and `<desc>` of every chart on a page: what a screen reader reads for it.
fn chart_alternatives(html: &str) -> Vec<(String, String)> {
    let inner = |svg: &str, tag: &str| -> String {
        let open = svg.find(&format!("<{tag} ")).unwrap();
        let start = open + svg[open..].find('>').unwrap() + 1;
        let end = start + svg[start..].find(&format!("</{tag}>")).unwrap();
        common::unescape(&svg[start..end])
    };
    html.split("<svg ")
        .skip(1)
        .map(|svg| {
            let svg = &svg[..svg.find("</svg>").unwrap()];
            (inner(svg, "title"), inner(svg, "desc"))
        })
        .collect()
}

#[test]
fn charts_are_described_in_welsh() {
    let words = english_words();
    let mut charts = Vec::new();
    for site in [bilingual(), with_reports()] {
        for (rel, html) in welsh_performance_pages(&site) {
            for (title, desc) in chart_alternatives(&html) {
                let found = english_in(&format!("{title}\n{desc}"), &words);
                assert!(found.is_empty(), "cy/{rel}: chart \"{title}\": {found:?}");
                charts.push((rel.clone(), title, desc));
            }
            // The labels drawn on the charts too: axes, reference lines, values.
            let drawn: String = html
                .split("<svg ")
                .skip(1)
                .map(|s| common::strip_tags(&format!("<svg {}", &s[..s.find("</svg>").unwrap()])))
                .collect();
            let found = english_in(&common::unescape(&drawn), &words);
            assert!(found.is_empty(), "cy/{rel}: chart labels {found:?}");
        }
    }
    let find = |rel: &str, title_has: &str| {
        charts
            .iter()
            .find(|(r, t, _)| r == rel && t.contains(title_has))
            .unwrap_or_else(|| panic!("no chart \"{title_has}\" on cy/{rel}: {charts:?}"))
            .2
            .clone()
    };
    // Bars by area, lines over time, bars against control limits, one line per report.
    let by_area = find(
        "performance/burglaries/index.html",
        "fesul ardal plismona lleol",
    );
    assert!(
        by_area.starts_with("Yr heddlu cyfan 140 yn erbyn targed o 150"),
        "{by_area}"
    );
    assert!(
        by_area.contains("mae 2 o'r 2 ardal yn cyrraedd y targed"),
        "{by_area}"
    );
    let over_time = find(
        "performance/burglaries/index.html",
        "dros amser, 2022/23 i 2024/25",
    );
    assert!(
        over_time.contains("gan gyrraedd y targed o 150 mewn 1 o'r 3 cyfnod"),
        "{over_time}"
    );
    let limits = find(
        "performance/answer-times/index.html",
        "ffigurau yn erbyn y terfynau rheoli",
    );
    assert!(
        limits.contains("95 eiliad (2024/25), uwchlaw'r terfyn rheoli uchaf o 90 eiliad"),
        "{limits}"
    );
    assert!(limits.contains("(cynnydd o 35.71%)"), "{limits}");
    let by_report = find(
        "performance/burglaries/index.html",
        "y ffigur diweddaraf ym mhob adroddiad",
    );
    assert!(by_report.contains("mewn 1 o'r 2 adroddiad"), "{by_report}");
    // The English page's chart is the same chart in English.
    let en = bilingual();
    let en_charts = chart_alternatives(&page(&en, "performance/burglaries/index.html"));
    assert!(
        en_charts
            .iter()
            .any(|(_, d)| d.starts_with("Force-wide 140 against a target of 150")),
        "{en_charts:?}"
    );
}

#[test]
fn welsh_counts_take_the_welsh_plural_forms() {
    // Two measures and three (a soft mutation after two, none after three), in the pages.
    let reports = with_reports();
    let index = page(&reports, "cy/performance/index.html");
    assert!(index.contains("Mae 2 fesur:"), "{index}");
    let list = page(&reports, "cy/reports/index.html");
    assert!(list.contains("Ffigurau ar gyfer 2 fesur."), "{list}");
    assert!(list.contains("Ffigurau ar gyfer 1 mesur."), "{list}");
    let report = page(&reports, "cy/reports/2024-25-q2/index.html");
    assert!(
        report.contains("Mae'r adroddiad yn rhoi ffigurau ar gyfer 2 fesur:"),
        "{report}"
    );
    let three = page(&bilingual(), "cy/performance/index.html");
    assert!(three.contains("Mae 3 mesur:"), "{three}");
    // The English pages count in English.
    assert!(page(&reports, "performance/index.html").contains("There are 2 measures:"));
    assert!(page(&reports, "reports/index.html").contains("Figures for 1 measure."));

    // And every count through the tables: six forms in Welsh.
    use planpress::words::Words;
    let w = Words::new(&Words::default_tables()).unwrap();
    let say = |key: &str, n: i64| {
        let mut a = fluent_bundle::FluentArgs::new();
        a.set("count", n);
        w.text("cy", key, Some(&a)).unwrap()
    };
    assert_eq!(say("perf-measure-count", 0), "Nid oes mesurau:");
    assert_eq!(say("perf-measure-count", 1), "Mae 1 mesur:");
    assert_eq!(say("perf-measure-count", 2), "Mae 2 fesur:");
    assert_eq!(say("perf-measure-count", 3), "Mae 3 mesur:");
    assert_eq!(say("perf-measure-count", 6), "Mae 6 mesur:");
    assert_eq!(say("report-figures-for", 2), "Ffigurau ar gyfer 2 fesur.");
    assert_eq!(say("report-figures-for", 11), "Ffigurau ar gyfer 11 mesur.");
}

#[test]
fn a_theme_welsh_table_without_the_performance_words_falls_back_and_a_broken_one_is_refused() {
    let site = Site::from_content("tests/fixtures/bilingual/content");
    let themes = site.path("themes");
    common::copy_tree(
        &common::repo().join("themes/default"),
        &themes.join("local"),
    );
    // A Welsh table that has only some of the words: the rest come from the English one.
    let welsh = std::fs::read_to_string(common::repo().join("themes/default/i18n/cy.ftl")).unwrap();
    let ftl = themes.join("local/i18n/cy.ftl");
    std::fs::write(
        &ftl,
        "language-name = Cymraeg\nperf-title = Perfformiad y thema\n",
    )
    .unwrap();
    let out = site.run(&[
        "build",
        "--themes-dir",
        themes.to_str().unwrap(),
        "--theme",
        "local",
    ]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let cy = page(&site, "cy/performance/index.html");
    assert!(cy.contains("<h1>Perfformiad y thema</h1>"), "{cy}");
    assert!(cy.contains("There are 3 measures:"), "{cy}");

    // A message that does not parse (a choice with no default) is an error naming the table
    // and a line of that message; the site built before is left as it was.
    let broken = format!(
        "{welsh}\nperf-title = {{ $count ->\n    [one] un\n}}\nperf-other-measures = Eraill\n"
    );
    std::fs::write(&ftl, &broken).unwrap();
    let first = broken[..broken.find("perf-title = {").unwrap()]
        .matches('\n')
        .count()
        + 1;
    let out = site.run(&[
        "build",
        "--themes-dir",
        themes.to_str().unwrap(),
        "--theme",
        "local",
    ]);
    assert!(!out.status.success());
    let err = common::stderr(&out);
    let at: usize = err
        .split("i18n/cy.ftl:")
        .nth(1)
        .and_then(|rest| rest.split(':').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no line named: {err}"));
    assert!(
        (first..=first + 3).contains(&at),
        "line {at}, not {first} to {}: {err}",
        first + 3
    );
    assert!(page(&site, "cy/performance/index.html").contains("Perfformiad y thema"));
    assert!(!err.contains("panicked"), "{err}");
}
