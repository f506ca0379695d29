//! Performance statements are judged from their figures, drawn as accessible charts with
//! their data tables, checked for broken references, and gathered on the national priorities
//! and delivery pages.

mod common;

use std::fs;

use common::{element_text, stderr, strip_tags, tags, unescape, Site};
use planpress::parse::kinds::{Better, Limits};
use planpress::plan::delivery::{State, Summary};
use planpress::plan::performance::{against_limits, against_target, Status};
use planpress::Plan;

const FIXTURE: &str = "tests/fixtures/performance/content";

fn fixture() -> Site {
    Site::from_content(FIXTURE)
}

fn fixture_plan() -> Plan {
    planpress::read_plan(&common::repo().join(FIXTURE)).unwrap_or_else(|e| panic!("{e}"))
}

fn shipped_plan() -> Plan {
    planpress::read_plan(&common::repo().join("content")).unwrap_or_else(|e| panic!("{e}"))
}

fn status_of(plan: &Plan, id: &str) -> Status {
    plan.statements
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no statement {id}"))
        .status()
}

#[test]
fn exactly_on_target_is_met_whichever_way_is_better() {
    assert_eq!(
        against_target(Some(80.0), 80.0, Better::Higher),
        Status::Met
    );
    assert_eq!(against_target(Some(30.0), 30.0, Better::Lower), Status::Met);
    assert_eq!(
        against_target(Some(79.9), 80.0, Better::Higher),
        Status::NotMet
    );
    assert_eq!(
        against_target(Some(30.1), 30.0, Better::Lower),
        Status::NotMet
    );
}

#[test]
fn lower_is_better_measures_are_met_below_the_target() {
    assert_eq!(against_target(Some(12.0), 30.0, Better::Lower), Status::Met);
    assert_eq!(
        against_target(Some(12.0), 30.0, Better::Higher),
        Status::NotMet
    );
    // A change target: a 6% fall against a 20% fall is not met; a 25% fall is.
    assert_eq!(
        against_target(Some(-6.0), -20.0, Better::Lower),
        Status::NotMet
    );
    assert_eq!(
        against_target(Some(-25.0), -20.0, Better::Lower),
        Status::Met
    );
}

#[test]
fn a_missing_figure_is_reported_as_missing_not_as_missed() {
    assert_eq!(against_target(None, 80.0, Better::Higher), Status::NoFigure);
    assert_eq!(
        against_target(Some(1.0), 80.0, Better::None),
        Status::NoNumericTarget
    );
}

#[test]
fn control_limits_include_their_boundaries() {
    let l = Limits {
        upper: 607.0,
        lower: 307.0,
        basis: None,
    };
    assert_eq!(against_limits(607.0, &l), Status::WithinLimits);
    assert_eq!(against_limits(307.0, &l), Status::WithinLimits);
    assert_eq!(against_limits(607.5, &l), Status::AboveUpperLimit);
    assert_eq!(against_limits(306.9, &l), Status::BelowLowerLimit);
}

#[test]
fn fixture_statements_get_the_status_their_figures_give() {
    let plan = fixture_plan();
    assert_eq!(status_of(&plan, "calls-answered"), Status::Met);
    assert_eq!(
        status_of(&plan, "repeat-rate"),
        Status::Met,
        "30% on a 30% ceiling"
    );
    assert_eq!(status_of(&plan, "hate-crime"), Status::AboveUpperLimit);
    assert_eq!(status_of(&plan, "road-casualties"), Status::NotMet);
    assert_eq!(status_of(&plan, "confidence"), Status::NoFigure);
    assert_eq!(status_of(&plan, "survey"), Status::NoNumericTarget);
    assert_eq!(
        status_of(&plan, "national-violence"),
        Status::NoNumericTarget
    );
    let casualties = plan
        .statements
        .iter()
        .find(|s| s.id == "road-casualties")
        .unwrap();
    assert_eq!(
        casualties.status_sentence(),
        "Not met: a 6% reduction (Year to date on 2022/23) against a target of a 20% reduction."
    );
}

#[test]
fn shipped_statements_are_judged_from_the_report() {
    let plan = shipped_plan();
    for (id, status) in [
        ("emergency-calls-999", Status::Met),
        ("non-emergency-calls-101", Status::NotMet),
        ("victim-satisfaction-burglary", Status::NotMet),
        ("victims-advice-line-referrals", Status::NotMet),
        ("public-confidence", Status::NoFigure),
        ("hate-crime-recorded", Status::AboveUpperLimit),
        ("vulnerable-adult-recorded", Status::AboveUpperLimit),
        ("child-at-risk-recorded", Status::AboveUpperLimit),
        ("child-sexual-exploitation-recorded", Status::WithinLimits),
        ("domestic-abuse-recorded", Status::WithinLimits),
        ("residential-burglary-recorded", Status::BelowLowerLimit),
        ("killed-or-seriously-injured", Status::NotMet),
        ("outcome-16-victim-linked", Status::NotMet),
        ("national-measure-homicide", Status::NoNumericTarget),
    ] {
        assert_eq!(status_of(&plan, id), status, "{id}");
    }
    // The six national policing priorities, each evidenced by at least one statement.
    assert_eq!(plan.meta.national_priorities.len(), 6);
    for n in &plan.meta.national_priorities {
        assert!(
            plan.statements
                .iter()
                .any(|s| s.national_priorities.contains(&n.id)),
            "nothing evidences {}",
            n.id
        );
    }
    // The published year-to-date changes agree with the figures they compare.
    for s in &plan.statements {
        if let (Some(c), Some(l), Some(b)) = (&s.change, &s.latest, &s.baseline) {
            let computed = (l.value - b.value) / b.value * 100.0;
            assert!(
                (computed - c.value).abs() < 1.0,
                "{}: published change {} but the figures give {computed:.1}",
                s.id,
                c.value
            );
        }
        for b in &s.breakdowns {
            for i in &b.items {
                if let (Some(c), Some(base)) = (i.change, i.baseline) {
                    if base != 0.0 {
                        let computed = (i.value - base) / base * 100.0;
                        assert!(
                            (computed - c).abs() < 1.0,
                            "{} / {}: published change {c} but the figures give {computed:.1}",
                            s.id,
                            i.label
                        );
                    }
                }
            }
        }
    }
}

/// The text of the element with `id` in the page, unescaped.
fn text_of_id(html: &str, id: &str) -> String {
    let marker = format!("id=\"{id}\">");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no element #{id}"))
        + marker.len();
    let end = start + html[start..].find("</").unwrap();
    unescape(&html[start..end])
}

#[test]
fn every_chart_has_a_title_a_summary_and_a_data_table_next_to_it() {
    for site in [fixture(), Site::shipped()] {
        site.build();
        let mut charts = 0;
        for (path, bytes) in site.output() {
            if !path.starts_with("performance/") || !path.ends_with(".html") {
                continue;
            }
            let html = String::from_utf8(bytes).unwrap();
            assert!(!html.contains("<script"), "{path}: no JavaScript");
            assert!(!html.contains(" style=\""), "{path}: no inline styles");
            for section in html.split("<section class=\"figures\"").skip(1) {
                let section = &section[..section.find("</section>").unwrap()];
                if let Some(svg_at) = section.find("<svg") {
                    charts += 1;
                    let t = tags(&section[svg_at..]);
                    let svg = &t[0];
                    assert_eq!(svg.attr("role"), Some("img"), "{path}");
                    let ids: Vec<&str> = svg.attr("aria-labelledby").unwrap().split(' ').collect();
                    assert_eq!(ids.len(), 2, "{path}");
                    let title = text_of_id(section, ids[0]);
                    let desc = text_of_id(section, ids[1]);
                    assert!(!title.trim().is_empty(), "{path}: chart title");
                    assert!(desc.ends_with('.'), "{path}: summary sentence {desc:?}");
                    let caption = section.split("class=\"chart-summary\">").nth(1).unwrap();
                    let caption = strip_tags(&caption[..caption.find("</figcaption>").unwrap()]);
                    assert_eq!(caption, desc, "{path}: the summary is also shown as text");
                    assert!(
                        section.contains(">Per cent<") || section.contains(">Number<"),
                        "{path}: value axis title"
                    );
                    assert!(
                        section.find("<table").is_some_and(|i| i > svg_at),
                        "{path}: a data table follows the chart"
                    );
                }
                let table =
                    element_text(section, "table").unwrap_or_else(|| panic!("{path}: no table"));
                assert!(table.contains("<caption id="), "{path}: caption");
                assert!(
                    table.contains("<th scope=\"col\""),
                    "{path}: column headers"
                );
                assert!(table.contains("<th scope=\"row\">"), "{path}: row headers");
            }
        }
        assert!(charts >= 4, "only {charts} charts");
    }
}

/// Row header → cells of the table whose caption contains `caption`.
fn table_rows(html: &str, caption: &str) -> Vec<(String, Vec<String>)> {
    let at = html
        .find(caption)
        .unwrap_or_else(|| panic!("no table {caption}"));
    let start = html[..at].rfind("<table").unwrap();
    let end = at + html[at..].find("</table>").unwrap();
    html[start..end]
        .split("<tr>")
        .skip(1)
        .filter_map(|row| {
            let header = row.split("<th scope=\"row\">").nth(1)?;
            let header = header[..header.find("</th>")?].to_string();
            // Cells of figures are aligned right, cells of words are not.
            let cells = row
                .split("<td")
                .skip(1)
                .map(|c| {
                    let c = &c[c.find('>').unwrap() + 1..];
                    c[..c.find("</td>").unwrap()].to_string()
                })
                .collect();
            Some((header, cells))
        })
        .collect()
}

#[test]
fn chart_tables_hold_the_same_numbers_as_the_content() {
    let site = Site::shipped();
    site.build();
    let read = |p: &str| fs::read_to_string(site.path(&format!("public/{p}"))).unwrap();
    // Referrals to the Victims Advice Line: by area, year to date, as the report gives them.
    let val = read("performance/victims-advice-line-referrals/index.html");
    let rows = table_rows(&val, "figures by local policing area");
    let expected = [
        ("South Worcestershire", "18.1%"),
        ("North Worcestershire", "26.2%"),
        ("Herefordshire", "30.2%"),
        ("Shropshire", "24.0%"),
        ("Telford and Wrekin", "25.1%"),
        ("Force-wide", "24.2%"),
        ("Target", "25%"),
    ];
    assert_eq!(rows.len(), expected.len(), "{rows:?}");
    for ((h, cells), (eh, ev)) in rows.iter().zip(expected) {
        assert_eq!((h.as_str(), cells[0].as_str()), (eh, ev));
    }
    assert!(val.contains("Force-wide 24.2% against a target of 25%; South Worcestershire lowest at 18.1% and Herefordshire highest at 30.2%"), "summary sentence");
    // By month: every area's monthly figure.
    let rows = table_rows(&val, "figures for each period");
    assert_eq!(rows[0].0, "April 2021");
    assert_eq!(
        rows[0].1,
        ["26.4%", "22.3%", "29.2%", "31.0%", "25.1%", "26.7%"]
    );
    assert_eq!(rows[2].1[0], "22.6%");

    // Every statement: each area figure in the content appears in its area table.
    let plan = shipped_plan();
    for s in plan.statements.iter().filter(|s| s.areas.len() >= 2) {
        let html = read(&format!("performance/{}/index.html", s.id));
        let rows = table_rows(&html, "figures by local policing area");
        for a in &s.areas {
            let name = plan.area_name(&a.area);
            let row = rows.iter().find(|(h, _)| h == name).unwrap();
            assert_eq!(row.1[0], s.format(a.value), "{} {name}", s.id);
        }
    }
    // A count against its control limits.
    let hate = read("performance/hate-crime-recorded/index.html");
    let rows = table_rows(&hate, "figures and control limits");
    assert_eq!(rows[0].1[0], "453");
    assert_eq!(rows[1].1, ["708", "Above upper control limit"]);
    assert_eq!(
        rows[2],
        (
            "Upper control limit".to_string(),
            vec!["607".to_string(), String::new()]
        )
    );
    // Figures the source only charted are said to be missing, not invented.
    let confidence = read("performance/public-confidence/index.html");
    assert!(confidence.contains("Not carried from the source."));
    assert!(confidence.contains("No single figure is published"));
}

#[test]
fn status_is_shown_in_words_with_a_shape_on_every_statement_page() {
    let site = fixture();
    site.build();
    let plan = fixture_plan();
    for s in &plan.statements {
        let html =
            fs::read_to_string(site.path(&format!("public/performance/{}/index.html", s.id)))
                .unwrap();
        let st = s.status();
        assert!(
            html.contains(&format!(
                "<span class=\"status-icon\" aria-hidden=\"true\">{}</span> <strong>{}</strong>",
                st.icon(),
                st.label()
            )),
            "{}",
            s.id
        );
    }
}

#[test]
fn priority_pages_list_their_statements_and_statements_link_back() {
    let site = fixture();
    site.build();
    let priority = fs::read_to_string(site.path("public/safety/safer-streets/index.html")).unwrap();
    for id in ["calls-answered", "hate-crime", "confidence"] {
        assert!(
            priority.contains(&format!("../../performance/{id}/index.html")),
            "{id}"
        );
    }
    assert!(
        priority.contains("Above upper control limit"),
        "status shown beside the link"
    );
    let statement =
        fs::read_to_string(site.path("public/performance/calls-answered/index.html")).unwrap();
    assert!(statement.contains("../../safety/safer-streets/index.html#performance"));
}

#[test]
fn the_national_priorities_page_gathers_each_priorities_measures() {
    let site = fixture();
    site.build();
    let html = fs::read_to_string(site.path("public/national-priorities/index.html")).unwrap();
    let violence = html.find("<h2 id=\"reduce-serious-violence\">").unwrap();
    let satisfaction = html
        .find("<h2 id=\"improve-victim-satisfaction\">")
        .unwrap();
    let national = html
        .find("National measure: Reduce serious violence")
        .unwrap();
    let repeat = html.find(">Repeat victim rate<").unwrap();
    assert!(violence < national && national < satisfaction && satisfaction < repeat);
    // The arrow is a picture of the words after it: screen readers skip it.
    assert!(
        html.contains("<span aria-hidden=\"true\">↔</span> Level") && html.contains("Test lead"),
        "{html}"
    );
    assert!(
        html.contains("Hospital admissions are few."),
        "the measure's comments"
    );
    let statement =
        fs::read_to_string(site.path("public/performance/repeat-rate/index.html")).unwrap();
    assert!(statement.contains("../../national-priorities/index.html#improve-victim-satisfaction"));
    // A plan without national priorities has no such page.
    let minimal = Site::minimal();
    minimal.build();
    assert!(!minimal
        .path("public/national-priorities/index.html")
        .exists());
}

#[test]
fn a_statement_naming_an_unknown_priority_or_national_priority_is_a_located_error() {
    let site = fixture();
    site.edit(
        "content/performance/repeat-rate.md",
        "priorities: [victim-care]",
        "priorities: [victim-cares]",
    );
    site.edit(
        "content/performance/repeat-rate.md",
        "national_priorities: [improve-victim-satisfaction]",
        "national_priorities: [improve-victim-satisfactoin, tackle-cybercrime]",
    );
    let out = site.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for line in [
        "content/performance/repeat-rate.md:11:14: error: there is no priority with the id \"victim-cares\"",
        "  help: did you mean \"victim-care\"?",
        "content/performance/repeat-rate.md:12:23: error: there is no national policing priority with the id \"improve-victim-satisfactoin\"",
        "  help: did you mean \"improve-victim-satisfaction\"?",
        "content/performance/repeat-rate.md:12:52: error: there is no national policing priority with the id \"tackle-cybercrime\"",
        "  help: national priorities are listed under \"national_priorities:\" in content/_index.md",
    ] {
        assert!(err.lines().any(|l| l == line), "expected\n  {line}\nin\n{err}");
    }
}

#[test]
fn inconsistent_statement_figures_are_located_errors() {
    let site = fixture();
    site.edit(
        "content/performance/hate-crime.md",
        "upper: 607",
        "upper: 207",
    );
    site.edit(
        "content/performance/calls-answered.md",
        "better: higher",
        "better: none",
    );
    site.edit(
        "content/performance/national-violence.md",
        "direction: level",
        "direction: level\nlatest:\n  value: 3\n  period: 2024",
    );
    site.edit(
        "content/performance/calls-answered.md",
        "  - area: south\n    value: 88.5",
        "  - area: sout\n    value: 88.5",
    );
    let out = site.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for line in [
        "content/performance/hate-crime.md:17:3: error: the upper control limit (207) is below the lower one (307)",
        "content/performance/calls-answered.md:4:1: error: a numeric target needs to say whether higher or lower is better",
        "content/performance/national-violence.md:3:1: error: \"unit: text\" is for statements without figures, but this one has figures",
        "content/performance/calls-answered.md:17:11: error: there is no local policing area with the id \"sout\"",
    ] {
        assert!(err.lines().any(|l| l == line), "expected\n  {line}\nin\n{err}");
    }
}

#[test]
fn delivery_is_counted_by_aim_and_owner_with_overdue_items_at_the_reporting_date() {
    let plan = fixture_plan();
    assert_eq!(plan.meta.reporting_date, "2026-01-15");
    let summary = Summary::of(&plan);
    let all = &summary.all;
    assert_eq!(all.total, 6);
    assert_eq!(
        State::ALL.map(|s| all.get(s)),
        [1, 1, 1, 2, 1],
        "not started, in progress, at risk, delivered, not reported"
    );
    assert_eq!(all.overdue, 3);
    let overdue: Vec<&str> = summary
        .overdue
        .iter()
        .map(|i| i.commitment.id.as_str())
        .collect();
    // street-lighting was due October 2025; speed-enforcement in 2025; care-line by 31
    // December 2025. respond-quickly (2026) is not yet due; more-patrols is delivered.
    assert_eq!(
        overdue,
        ["street-lighting", "speed-enforcement", "care-line"]
    );
    let by_aim: Vec<(&str, usize, usize)> = summary
        .by_aim
        .iter()
        .map(|(id, _, c)| (id.as_str(), c.total, c.overdue))
        .collect();
    assert_eq!(by_aim, [("safety", 4, 2), ("support", 2, 1)]);
    let by_owner: Vec<(&str, usize)> = summary
        .by_owner
        .iter()
        .map(|(o, c)| (o.as_str(), c.total))
        .collect();
    assert_eq!(
        by_owner,
        [
            ("Chief Finance Officer", 1),
            ("Partnerships team", 1),
            ("The Chief Constable", 1),
            ("The Commissioner", 3)
        ]
    );

    let site = fixture();
    site.build();
    let html = fs::read_to_string(site.path("public/delivery/index.html")).unwrap();
    let rows = table_rows(&html, "Commitments by aim and delivery status");
    assert_eq!(rows[0].1, ["1", "1", "1", "1", "0", "2", "4"]);
    assert!(html.contains("reported on 15 January 2026"));
    assert!(html.contains("5 of 6 commitments have a delivery status; 3 are overdue."));
    let overdue =
        &html[html.find("id=\"overdue\"").unwrap()..html.find("id=\"due-dates\"").unwrap()];
    assert!(overdue.contains("../safety/safer-streets/index.html#street-lighting"));
    assert!(!overdue.contains("respond-quickly"));
    // The priority page shows each status in words, with the overdue mark.
    let priority = fs::read_to_string(site.path("public/safety/safer-streets/index.html")).unwrap();
    assert!(priority.contains("<span class=\"status status-in-progress\">In progress</span>"));
    assert!(priority.contains("class=\"overdue-tag\">Overdue<"));
}

#[test]
fn the_shipped_plan_reports_no_delivery_status_and_nothing_overdue() {
    let plan = shipped_plan();
    let summary = Summary::of(&plan);
    assert_eq!(summary.all.get(State::NotReported), 149);
    assert_eq!(summary.all.overdue, 0);
    assert_eq!(summary.reporting_date, "2021-08-09");
}
