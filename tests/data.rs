//! The open data files: plan.json follows its JSON Schema, and the JSON and both CSV files hold
//! the same items and numbers as the content, in a stable order, linked from the site with
//! their format and size.

mod common;

use std::collections::BTreeMap;

use common::Site;
use planpress::export::data::{self, COMMITMENT_COLUMNS, PERFORMANCE_COLUMNS, REPORT_COLUMNS};
use planpress::words::human_size;
use planpress::Plan;
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/performance/content";

fn plan_at(site: &Site) -> Plan {
    planpress::read_plan(&site.path("content")).unwrap_or_else(|e| panic!("{e}"))
}

fn plan(content: &str) -> Plan {
    planpress::read_plan(&common::repo().join(content)).unwrap_or_else(|e| panic!("{e}"))
}

/// Validates `value` against `schema` for the subset of JSON Schema 2020-12 that
/// plan.schema.json uses. Any other keyword is refused, so the check can never pass by
/// ignoring part of the schema.
fn validate(root: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let Some(map) = schema.as_object() else {
        errors.push(format!("{at}: the schema is not an object"));
        return;
    };
    for key in map.keys() {
        let known = [
            "$schema",
            "$id",
            "$defs",
            "title",
            "description",
            "format",
            "type",
            "properties",
            "required",
            "additionalProperties",
            "items",
            "enum",
            "const",
            "$ref",
            "anyOf",
            "minimum",
        ];
        assert!(
            known.contains(&key.as_str()),
            "unsupported keyword {key} at {at}"
        );
    }
    if let Some(r) = map.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/").expect("local $ref");
        validate(root, &root["$defs"][name], value, at, errors);
    }
    if let Some(types) = map.get("type") {
        let types: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => panic!("bad type at {at}"),
        };
        let ok = types.iter().any(|t| match *t {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "number" => value.is_number(),
            "integer" => value.is_i64() || value.is_u64(),
            "boolean" => value.is_boolean(),
            "null" => value.is_null(),
            other => panic!("unknown type {other}"),
        });
        if !ok {
            errors.push(format!("{at}: {value} is not of type {types:?}"));
            return;
        }
    }
    if let Some(options) = map.get("enum").and_then(Value::as_array) {
        if !options.contains(value) {
            errors.push(format!("{at}: {value} is not one of {options:?}"));
        }
    }
    if let Some(c) = map.get("const") {
        if c != value {
            errors.push(format!("{at}: {value} is not {c}"));
        }
    }
    if let (Some(min), Some(v)) = (map.get("minimum").and_then(Value::as_f64), value.as_f64()) {
        if v < min {
            errors.push(format!("{at}: {v} is below {min}"));
        }
    }
    if let Some(any) = map.get("anyOf").and_then(Value::as_array) {
        let fits = any.iter().any(|s| {
            let mut e = Vec::new();
            validate(root, s, value, at, &mut e);
            e.is_empty()
        });
        if !fits {
            errors.push(format!("{at}: {value} fits none of the alternatives"));
        }
    }
    if let Some(obj) = value.as_object() {
        let props = map.get("properties").and_then(Value::as_object);
        for req in map
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let req = req.as_str().unwrap();
            if !obj.contains_key(req) {
                errors.push(format!("{at}: missing required {req}"));
            }
        }
        for (k, v) in obj {
            match (
                props.and_then(|p| p.get(k)),
                map.get("additionalProperties"),
            ) {
                (Some(s), _) => validate(root, s, v, &format!("{at}/{k}"), errors),
                (None, Some(Value::Bool(false))) => {
                    errors.push(format!("{at}: unexpected property {k}"))
                }
                // A schema for every other property: each must follow it.
                (None, Some(extra @ Value::Object(_))) => {
                    validate(root, extra, v, &format!("{at}/{k}"), errors)
                }
                (None, _) => {}
            }
        }
    }
    if let (Some(items), Some(arr)) = (map.get("items"), value.as_array()) {
        for (i, v) in arr.iter().enumerate() {
            validate(root, items, v, &format!("{at}/{i}"), errors);
        }
    }
}

fn check_against_schema(json: &Value) {
    let schema: Value = serde_json::from_str(data::SCHEMA).unwrap();
    let mut errors = Vec::new();
    validate(&schema, &schema, json, "", &mut errors);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn the_validator_catches_what_the_schema_forbids() {
    let p = plan(FIXTURE);
    let mut json: Value = serde_json::from_slice(&data::json(&p).unwrap()).unwrap();
    check_against_schema(&json);
    let schema: Value = serde_json::from_str(data::SCHEMA).unwrap();
    let mut errors = Vec::new();
    json["statements"][0]["status"] = Value::String("great".into());
    json["aims"][0]["priorities"][0]["surprise"] = Value::Bool(true);
    json["plan"]
        .as_object_mut()
        .unwrap()
        .remove("reporting_date");
    // A declared party's group must be a group.
    json["aims"][0]["priorities"][1]["commitments_by"] =
        serde_json::json!({"partners": {"lead": "Partners will:"}});
    // A report must say whether it is published, and holds only the report's fields.
    json["reports"] = serde_json::json!([{
        "id": "2024-25-q1", "path": "reports/2024-25-q1/", "title": "Quarter 1 2024/25",
        "start": "2024-04-01", "end": "2024-06-30", "presented": null, "status": "final",
        "introduction": "", "statements": [], "surprise": 1
    }]);
    validate(&schema, &schema, &json, "", &mut errors);
    assert_eq!(errors.len(), 6, "{errors:?}");
    assert!(
        errors.iter().any(|e| e.contains("reports/0/status")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("reports/0: unexpected property surprise")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("commitments_by/partners: missing required commitments")),
        "{errors:?}"
    );
}

#[test]
fn plan_json_follows_its_schema_and_holds_every_item() {
    for content in [FIXTURE, "content", "tests/fixtures/bilingual/content"] {
        let p = plan(content);
        let json: Value = serde_json::from_slice(&data::json(&p).unwrap()).unwrap();
        check_against_schema(&json);
        assert_eq!(json["schema_version"], 1);
        let aims = json["aims"].as_array().unwrap();
        assert_eq!(aims.len(), p.aims.len());
        let priorities: Vec<&Value> = aims
            .iter()
            .flat_map(|a| a["priorities"].as_array().unwrap())
            .collect();
        assert_eq!(priorities.len(), p.priorities().count());
        let commitments: Vec<&str> = priorities
            .iter()
            .flat_map(|pr| {
                ["commissioner", "chief_constable"]
                    .into_iter()
                    .flat_map(move |g| {
                        pr[g]["commitments"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .map(|c| c["id"].as_str().unwrap())
                    })
            })
            .collect();
        let expected: Vec<&str> = p.commitments().map(|(_, _, c)| c.id.as_str()).collect();
        assert_eq!(
            commitments, expected,
            "{content}: commitments in plan order"
        );
        let statements: Vec<&str> = json["statements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap())
            .collect();
        let expected: Vec<&str> = p.statements.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(statements, expected);
        for (s, j) in p
            .statements
            .iter()
            .zip(json["statements"].as_array().unwrap())
        {
            assert_eq!(j["status"], s.status().id(), "{}", s.id);
            assert_eq!(j["areas"].as_array().unwrap().len(), s.areas.len());
            assert_eq!(j["series"].as_array().unwrap().len(), s.series.len());
            assert_eq!(
                j["breakdowns"].as_array().unwrap().len(),
                s.breakdowns.len()
            );
            if let Some(l) = &s.latest {
                assert_eq!(j["latest"]["value"].as_f64(), Some(l.value), "{}", s.id);
            }
        }
        assert_eq!(
            json["reports"].as_array().unwrap().len(),
            p.reports.len(),
            "{content}"
        );
        assert_eq!(json["glossary"].as_array().unwrap().len(), p.glossary.len());
        assert_eq!(json["pages"].as_array().unwrap().len(), p.pages.len());
        assert_eq!(
            json["national_priorities"].as_array().unwrap().len(),
            p.meta.national_priorities.len()
        );
    }
}

#[test]
fn plan_json_gives_every_report_with_each_statements_figures_and_status_as_it_left_them() {
    let site = Site::shipped_with_q2();
    let p = plan_at(&site);
    assert_eq!(p.reports.len(), 2, "the shipped report and the fixture's");
    let json: Value = serde_json::from_slice(&data::json(&p).unwrap()).unwrap();
    check_against_schema(&json);
    let reports = json["reports"].as_array().unwrap();
    assert_eq!(reports.len(), p.reports.len());
    for (r, j) in p.reports.iter().zip(reports) {
        assert_eq!(j["id"], r.id.as_str());
        assert_eq!(j["path"], format!("reports/{}/", r.id));
        assert_eq!(j["start"], r.start.as_str());
        assert_eq!(j["status"], r.status.id());
        let statements = j["statements"].as_array().unwrap();
        assert_eq!(statements.len(), r.statements.len(), "{}", r.id);
        for (rep, js) in r.statements.iter().zip(statements) {
            assert_eq!(js["statement"], rep.statement.as_str());
            assert_eq!(
                js["latest"]["value"].as_f64(),
                rep.figures.latest.as_ref().map(|f| f.value),
                "{} in {}",
                rep.statement,
                r.id
            );
            let as_left = p.statement_in(r, &rep.statement).unwrap();
            assert_eq!(js["status"], as_left.status().id());
            assert_eq!(
                js["series"].as_array().unwrap().len(),
                rep.figures.series.len()
            );
        }
    }
    // Each statement names the report its figures come from: the latest that gives it.
    let q2: Vec<&str> = p.reports[1]
        .statements
        .iter()
        .map(|r| r.statement.as_str())
        .collect();
    assert!(q2.contains(&"all-crime"));
    for j in json["statements"].as_array().unwrap() {
        let id = j["id"].as_str().unwrap();
        let expected = if q2.contains(&id) {
            "2021-22-q2"
        } else {
            "2021-22-q1"
        };
        assert_eq!(j["reported_in"], expected, "{id}");
    }
    // The two reports give all crime different figures, and a different status can follow.
    let crime: Vec<&Value> = reports
        .iter()
        .flat_map(|r| r["statements"].as_array().unwrap())
        .filter(|s| s["statement"] == "all-crime")
        .collect();
    assert_eq!(crime.len(), 2);
    assert_ne!(crime[0]["latest"], crime[1]["latest"]);
    // A plan that keeps its figures in its statements has no reports, and says so.
    let fixture: Value = serde_json::from_slice(&data::json(&plan(FIXTURE)).unwrap()).unwrap();
    assert_eq!(fixture["reports"], serde_json::json!([]));
    assert!(fixture["statements"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["reported_in"].is_null()));
}

#[test]
fn reports_csv_has_one_row_per_statement_per_report() {
    let site = Site::shipped_with_q2();
    let p = plan_at(&site);
    let (headers, rows) = read_csv(&data::reports_csv(&p).unwrap());
    assert_eq!(headers, REPORT_COLUMNS);
    let expected: usize = p.reports.iter().map(|r| r.statements.len()).sum();
    assert_eq!(rows.len(), expected);
    let mut at = rows.iter();
    for r in &p.reports {
        for rep in &r.statements {
            let row = at.next().unwrap();
            assert_eq!(row["report_id"], r.id);
            assert_eq!(row["period"], r.title);
            assert_eq!(row["end"], r.end);
            assert_eq!(row["presented"], r.presented.clone().unwrap_or_default());
            assert_eq!(row["report_status"], "published");
            assert_eq!(row["statement_id"], rep.statement);
            match rep.figures.latest.as_ref() {
                Some(latest) => {
                    assert_eq!(row["value"].parse::<f64>().unwrap(), latest.value);
                    assert_eq!(row["figure_period"], latest.period);
                }
                // A statement reported only by breakdowns or areas.
                None => assert_eq!((&*row["value"], &*row["figure_period"]), ("", "")),
            }
            let as_left = p.statement_in(r, &rep.statement).unwrap();
            assert_eq!(row["status"], as_left.status().id());
            assert_eq!(row["path"], format!("reports/{}/{}/", r.id, rep.statement));
        }
    }
    // All crime in both quarters, oldest first.
    let crime: Vec<&BTreeMap<String, String>> = rows
        .iter()
        .filter(|r| r["statement_id"] == "all-crime")
        .collect();
    let periods: Vec<&str> = crime.iter().map(|r| r["report_id"].as_str()).collect();
    assert_eq!(periods, ["2021-22-q1", "2021-22-q2"]);
    assert_ne!(crime[0]["value"], crime[1]["value"]);
}

#[test]
fn a_draft_reports_blank_figures_are_empty_cells() {
    let site = Site::shipped();
    let out = site.run(&["new", "report", "2021-22-q2"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let p = plan_at(&site);
    let (_, rows) = read_csv(&data::reports_csv(&p).unwrap());
    let draft: Vec<&BTreeMap<String, String>> = rows
        .iter()
        .filter(|r| r["report_id"] == "2021-22-q2")
        .collect();
    assert_eq!(draft.len(), p.reports[1].statements.len());
    assert!(!draft.is_empty());
    for row in &draft {
        assert_eq!(row["report_status"], "draft");
        assert_eq!(row["presented"], "");
        assert_eq!(row["value"], "", "{}", row["statement_id"]);
        assert_eq!(row["figure_period"], "");
    }
    let json: Value = serde_json::from_slice(&data::json(&p).unwrap()).unwrap();
    check_against_schema(&json);
    assert_eq!(json["reports"][1]["status"], "draft");
    assert!(json["reports"][1]["presented"].is_null());
}

fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut r = csv::Reader::from_reader(bytes);
    let headers: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .cloned()
                .zip(rec.iter().map(str::to_string))
                .collect()
        })
        .collect();
    (headers, rows)
}

#[test]
fn commitments_csv_has_one_row_per_commitment_with_its_delivery_fields() {
    for content in [FIXTURE, "content"] {
        let p = plan(content);
        let (headers, rows) = read_csv(&data::commitments_csv(&p).unwrap());
        assert_eq!(headers, COMMITMENT_COLUMNS);
        assert_eq!(rows.len(), p.commitments().count(), "{content}");
        for (row, (priority, _, c)) in rows.iter().zip(p.commitments()) {
            assert_eq!(row["id"], c.id);
            assert_eq!(row["text"], c.text, "texts survive quoting");
            assert_eq!(row["priority_id"], priority.id);
            assert_eq!(row["due"], c.due.clone().unwrap_or_default());
        }
    }
    let p = plan(FIXTURE);
    let (_, rows) = read_csv(&data::commitments_csv(&p).unwrap());
    let by_id: BTreeMap<&str, &BTreeMap<String, String>> =
        rows.iter().map(|r| (r["id"].as_str(), r)).collect();
    assert_eq!(by_id["street-lighting"]["status"], "in-progress");
    assert_eq!(by_id["street-lighting"]["overdue"], "yes");
    assert_eq!(by_id["more-patrols"]["overdue"], "no");
    assert_eq!(by_id["more-patrols"]["owner"], "Chief Finance Officer");
    assert_eq!(
        by_id["more-patrols"]["evidence_urls"],
        "https://example.org/decisions/patrols"
    );
    assert_eq!(by_id["care-line"]["status"], "");
    assert_eq!(by_id["respond-quickly"]["party"], "chief-constable");
    assert_eq!(
        rows.iter().filter(|r| r["overdue"] == "yes").count(),
        3,
        "the same overdue count as the delivery page"
    );
}

/// Every number a statement holds, as the content gives it.
fn numbers(s: &planpress::plan::Statement) -> Vec<f64> {
    let mut v: Vec<f64> = Vec::new();
    v.extend(s.target.value);
    v.extend(s.target.change);
    for f in [&s.latest, &s.previous, &s.baseline].into_iter().flatten() {
        v.push(f.value);
    }
    v.extend(s.change.as_ref().map(|c| c.value));
    if let Some(l) = &s.limits {
        v.extend([l.upper, l.lower]);
    }
    v.extend(s.areas.iter().map(|a| a.value));
    for p in &s.series {
        v.extend(p.value);
        v.extend(p.areas.iter().map(|a| a.value));
    }
    for b in &s.breakdowns {
        for i in &b.items {
            v.push(i.value);
            v.extend(i.baseline);
            v.extend(i.change);
            if let Some(l) = &i.limits {
                v.extend([l.upper, l.lower]);
            }
        }
    }
    v.sort_by(f64::total_cmp);
    v
}

#[test]
fn performance_csv_round_trips_every_figure_of_every_statement() {
    for content in [FIXTURE, "content"] {
        let p = plan(content);
        let (headers, rows) = read_csv(&data::performance_csv(&p).unwrap());
        assert_eq!(headers, PERFORMANCE_COLUMNS);
        let status_rows = rows.iter().filter(|r| r["figure"] == "status").count();
        assert_eq!(
            status_rows,
            p.statements.len(),
            "one status row per statement"
        );
        for s in &p.statements {
            let mut from_csv: Vec<f64> = rows
                .iter()
                .filter(|r| r["statement_id"] == s.id && r["figure"] != "status")
                .map(|r| r["value"].parse::<f64>().unwrap())
                .collect();
            from_csv.sort_by(f64::total_cmp);
            assert_eq!(from_csv, numbers(s), "{content}: {}", s.id);
            let status = rows
                .iter()
                .find(|r| r["statement_id"] == s.id && r["figure"] == "status")
                .unwrap();
            assert_eq!(status["status"], s.status().id());
        }
    }
    // Areas carry their names, and series rows their periods.
    let p = plan("content");
    let (_, rows) = read_csv(&data::performance_csv(&p).unwrap());
    let april_south = rows
        .iter()
        .find(|r| {
            r["statement_id"] == "victims-advice-line-referrals"
                && r["figure"] == "series"
                && r["period"] == "April 2021"
                && r["area_id"] == "south-worcestershire"
        })
        .unwrap();
    assert_eq!(april_south["value"], "22.3");
    assert_eq!(april_south["area"], "South Worcestershire");
    assert_eq!(april_south["unit"], "percent");
}

#[test]
fn the_build_writes_the_data_files_and_links_them_with_format_and_size() {
    let site = Site::from_content(FIXTURE);
    site.build();
    let files = site.output();
    let file = |p: &str| {
        files
            .iter()
            .find(|(path, _)| path == p)
            .unwrap_or_else(|| panic!("no {p}"))
            .1
            .clone()
    };
    let json: Value = serde_json::from_slice(&file("data/plan.json")).unwrap();
    check_against_schema(&json);
    assert_eq!(file("data/plan.schema.json"), data::SCHEMA.as_bytes());
    // A plan without reports has no table of them.
    assert!(!files.iter().any(|(p, _)| p == data::REPORTS_PATH));
    let delivery = String::from_utf8(file("delivery/index.html")).unwrap();
    let size = human_size(file("data/commitments.csv").len());
    assert!(
        delivery.contains(&format!(
            "<a href=\"../data/commitments.csv\">Download all commitments (CSV, {size})</a>"
        )),
        "{delivery}"
    );
    let index = String::from_utf8(file("performance/index.html")).unwrap();
    let size = human_size(file("data/performance.csv").len());
    assert!(index.contains(&format!(
        "<a href=\"../data/performance.csv\">Download all performance figures (CSV, {size})</a>"
    )));
    let size = human_size(file("data/plan.json").len());
    assert!(index.contains(&format!(
        "<a href=\"../data/plan.json\">Download the whole plan as open data (JSON, {size})</a>"
    )));
}

/// The data files a build writes for `plan`, made through the export contract in memory.
fn data_files(plan: &Plan) -> Vec<(String, Vec<u8>)> {
    use planpress::export::large_print::typeset::Typesetter;
    use planpress::export::{Environment, Memory, Output, RenderContext};
    let typesetter = Typesetter::program();
    let env = Environment {
        previous: std::path::Path::new("no-previous-output"),
        typesetter: &typesetter,
        progress: &planpress::export::Silent,
    };
    let theme = planpress::theme::Theme::load(&common::repo().join("themes"), "default").unwrap();
    let ctx = RenderContext {
        plan,
        theme: &theme,
        comparison: None,
        history: &[],
        downloads: &[],
    };
    let memory = Memory::default();
    data::OpenData
        .prepare(plan, &env)
        .unwrap()
        .write(&ctx, &memory)
        .unwrap();
    memory.into_files()
}

#[test]
fn data_files_are_byte_identical_from_build_to_build() {
    let p = plan("content");
    let a = data_files(&p);
    let b = data_files(&plan("content"));
    assert_eq!(a, b);
    let paths: Vec<&str> = a.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "data/commitments.csv",
            "data/performance.csv",
            "data/plan.json",
            "data/plan.schema.json",
            "data/reports.csv"
        ]
    );
}

#[test]
fn plan_json_names_each_image_by_its_path_and_the_words_that_stand_for_it() {
    let p = plan("tests/fixtures/publish/content");
    let json: Value = serde_json::from_slice(&data::json(&p).unwrap()).unwrap();
    check_against_schema(&json);
    let images = json["images"].as_array().unwrap();
    let paths: Vec<&str> = images.iter().map(|i| i["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        ["images/areas.svg", "images/patrols.png", "images/rule.svg"]
    );
    let patrols = &images[1];
    assert_eq!(patrols["format"], "png");
    assert_eq!(
        (patrols["width"].as_u64(), patrols["height"].as_u64()),
        (Some(320), Some(160))
    );
    assert!(patrols["published"]
        .as_str()
        .unwrap()
        .starts_with("images/patrols."));
    assert_eq!(
        patrols["uses"][0]["alt"],
        "Patrol hours a week rose in each of the last four quarters, from 60 to 140"
    );
    assert_eq!(patrols["uses"][0]["page"], "safety/safer-streets/");
    assert_eq!(images[2]["uses"][0]["decorative"], true);
    assert_eq!(images[2]["uses"][0]["alt"], "");
    // A plan without images has no such list.
    let json: Value = serde_json::from_slice(&data::json(&plan(FIXTURE)).unwrap()).unwrap();
    assert!(json.get("images").is_none());
}
