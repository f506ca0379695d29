//! Open data: the validated plan as JSON with a JSON Schema beside it, and the commitments,
//! performance figures and reports as CSV.
//!
//! The files are written to `data/` in the site, and the website links to them with their
//! format and size. Everything comes from the same [`Plan`] the website renders, in the plan's
//! own order (aims by order, priorities by number, statements and glossary as the model sorts
//! them), so two builds of the same content give byte-identical files. Ids are the content's
//! own ids, stable across builds. Status, overdue and other judgements are included as
//! derived fields, worked out by [`crate::plan::performance`] and [`crate::plan::delivery`].

use std::collections::HashMap;
use std::io::{BufWriter, Write};

use anyhow::{Context, Result};
use serde::Serialize;

use super::{
    Download, Environment, Exported, Languages, NewFile, Output, Prepared, RenderContext, Shelf,
    Sink,
};
use crate::parse::kinds::{
    AreaFront, AreaValue, Better, Breakdown, Change, Contact, Direction, Element, Evidence, Figure,
    Licence, Limits, NationalPriorityFront, PlanStatus, SeriesPoint, TargetFront, Unit,
};
use crate::plan::delivery::{is_overdue, State};
use crate::plan::performance::Status;
use crate::plan::{
    Aim, CommitmentGroup, Levels, Party, Plan, Priority, Report, Route, Statement, CHIEF_CONSTABLE,
    COMMISSIONER,
};
use crate::theme::Theme;
use crate::words::human_size;

/// The whole plan as JSON.
pub const JSON_PATH: &str = "data/plan.json";
/// The JSON Schema that `plan.json` follows.
pub const SCHEMA_PATH: &str = "data/plan.schema.json";
/// Every commitment, one per row.
pub const COMMITMENTS_PATH: &str = "data/commitments.csv";
/// Every performance figure, one per row.
pub const PERFORMANCE_PATH: &str = "data/performance.csv";
/// Every statement in every report, one per row.
pub const REPORTS_PATH: &str = "data/reports.csv";

/// The schema, written by hand and kept beside the code that writes the JSON.
pub const SCHEMA: &str = include_str!("plan.schema.json");

/// The version of the JSON's shape; it changes when a field is removed or changes meaning.
pub const SCHEMA_VERSION: u32 = 1;

/// The open data as one of the site's outputs: the data files, listed on the performance and
/// delivery pages with their format and size.
pub struct OpenData;

impl Output for OpenData {
    fn name(&self) -> &'static str {
        "data"
    }

    fn about(&self) -> &'static str {
        "the open data: the plan as JSON with its JSON Schema, and the commitments, performance figures and reports as CSV"
    }

    fn prepare(&self, _plan: &Plan, _env: &Environment) -> Result<Box<dyn Prepared>> {
        Ok(Box::new(DataFiles))
    }

    fn export(&self, plan: &Plan, _theme: &Theme, _args: &clap::ArgMatches) -> Result<Exported> {
        let json = json(plan)?;
        let mut files = vec![
            (COMMITMENTS_PATH.to_string(), commitments_csv(plan)?),
            (JSON_PATH.to_string(), json),
            (SCHEMA_PATH.to_string(), SCHEMA.as_bytes().to_vec()),
            (PERFORMANCE_PATH.to_string(), performance_csv(plan)?),
        ];
        if !plan.reports.is_empty() {
            files.push((REPORTS_PATH.to_string(), reports_csv(plan)?));
        }
        let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
        Ok(Exported {
            description: format!("{} files, {}", files.len(), human_size(bytes)),
            files,
            warnings: Vec::new(),
        })
    }
}

/// The data files, ready to write: they need nothing prepared, and their sizes are known only
/// once written.
struct DataFiles;

/// A data file as the website links to it, in each of the plan's languages: its title (from
/// the word tables' `title` key), and its format and size after. `format` is the format's
/// name ("CSV"), or the key of its name in the tables where languages name it differently.
/// `plan.json` holds every language's texts; the other files, the plan's first language's.
fn download(
    languages: &Languages,
    path: &str,
    title: &str,
    format: &str,
    bytes: usize,
    shelves: Vec<Shelf>,
) -> Vec<Download> {
    let none = fluent_bundle::FluentArgs::new();
    languages.each(path == JSON_PATH, |lang| {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set(
            "format",
            match format.starts_with("downloads-") {
                true => super::say_in(lang, format, &none),
                false => format.to_string(),
            },
        );
        args.set("size", super::size_in(lang, bytes));
        Download {
            output: "data",
            path: path.to_string(),
            title: super::say_in(lang, title, &none),
            label: super::say_in(lang, "downloads-file-label", &args),
            bytes,
            shelves: shelves.clone(),
            lang: None,
            content_lang: None,
            purpose: None,
        }
    })
}

impl Prepared for DataFiles {
    fn downloads(&self) -> Vec<Download> {
        Vec::new()
    }

    /// Writes every data file, streaming the large ones rather than holding them (a big plan's
    /// `plan.json` is several times the size of its content), and returns their links.
    fn write(&self, ctx: &RenderContext, sink: &dyn Sink) -> Result<Vec<Download>> {
        let plan = ctx.plan;
        let create = |rel: &str| -> Result<Counting<BufWriter<Box<dyn NewFile + '_>>>> {
            Ok(Counting {
                // A large buffer: a big plan's plan.json runs to about 10 KB per page, and
                // with the default 8 KiB buffer writing it was one system call per 8 KiB.
                inner: BufWriter::with_capacity(256 * 1024, sink.create(rel)?),
                bytes: 0,
            })
        };
        let finish = |w: Counting<BufWriter<Box<dyn NewFile + '_>>>| -> Result<usize> {
            w.inner.into_inner().map_err(|e| e.into_error())?.finish()?;
            Ok(w.bytes)
        };
        let languages = Languages::of(plan);
        let json = finish(json_to(plan, create(JSON_PATH)?)?)?;
        sink.write(SCHEMA_PATH, SCHEMA.as_bytes())?;
        // A table of what the plan does not have would hold only its header: it is not made.
        let mut downloads = Vec::new();
        if !plan.statements.is_empty() {
            let performance = performance_csv(plan)?;
            sink.write(PERFORMANCE_PATH, &performance)?;
            downloads.extend(download(
                &languages,
                PERFORMANCE_PATH,
                "downloads-data-performance",
                "CSV",
                performance.len(),
                vec![Shelf::Performance],
            ));
        }
        if !plan.reports.is_empty() {
            let reports = reports_csv(plan)?;
            sink.write(REPORTS_PATH, &reports)?;
            downloads.extend(download(
                &languages,
                REPORTS_PATH,
                "downloads-data-reports",
                "CSV",
                reports.len(),
                vec![Shelf::Performance],
            ));
        }
        if plan.commitments().next().is_some() {
            let commitments = finish(commitments_csv_to(plan, create(COMMITMENTS_PATH)?)?)?;
            downloads.extend(download(
                &languages,
                COMMITMENTS_PATH,
                "downloads-data-commitments",
                "CSV",
                commitments,
                vec![Shelf::Delivery],
            ));
        }
        // In the order the pages list them: each page lists those on its shelf.
        downloads.extend(download(
            &languages,
            JSON_PATH,
            "downloads-data-json",
            "JSON",
            json,
            vec![Shelf::Performance, Shelf::Delivery],
        ));
        downloads.extend(download(
            &languages,
            SCHEMA_PATH,
            "downloads-data-schema",
            "downloads-format-schema",
            SCHEMA.len(),
            vec![Shelf::Performance],
        ));
        Ok(downloads)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A writer that counts what passes through it.
struct Counting<W> {
    inner: W,
    bytes: usize,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n;
        Ok(n)
    }

    // The JSON and CSV writers hand over nearly a million small pieces through `write_all`:
    // passing it on keeps the buffered writer's quick path (a copy into its buffer) instead
    // of the default loop over `write`.
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.inner.write_all(buf)?;
        self.bytes += buf.len();
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// `plan.json`: the whole validated plan, pretty-printed, ending with a newline.
pub fn json(plan: &Plan) -> Result<Vec<u8>> {
    json_to(plan, Vec::new())
}

/// Writes `plan.json` to `w`, returning it.
fn json_to<W: Write>(plan: &Plan, mut w: W) -> Result<W> {
    serde_json::to_writer_pretty(&mut w, &PlanData::new(plan)).context("cannot write plan.json")?;
    w.write_all(b"\n").context("cannot write plan.json")?;
    Ok(w)
}

#[derive(Serialize)]
struct PlanData<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    schema_version: u32,
    plan: MetaData<'a>,
    /// The words readers see for the levels: what the plan calls its aims and priorities.
    levels: &'a Levels,
    /// Who makes commitments: the Commissioner, the Chief Constable and any the plan declares.
    parties: &'a [Party],
    areas: &'a [AreaFront],
    national_priorities: &'a [NationalPriorityFront],
    aims: Vec<AimData<'a>>,
    /// The priorities of a plan without aims (a plan with aims lists them under each aim).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    priorities: Vec<PriorityData<'a>>,
    statements: Vec<StatementData<'a>>,
    /// Reports on each reporting period, oldest first.
    reports: Vec<ReportData<'a>>,
    glossary: Vec<TermData<'a>>,
    pages: Vec<PageData<'a>>,
    /// The images the plan shows, each with where it is used and the words that stand for it
    /// (left out when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    images: Vec<ImageData>,
    /// The plan's languages, the one of every text above first (left out for a plan in one
    /// language).
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    languages: &'a [String],
    /// Every text in each other language, by language tag (left out for a plan in one
    /// language).
    #[serde(skip_serializing_if = "Ordered::is_empty")]
    translations: Ordered<'a, LanguageData<'a>>,
}

/// Values by key, written as a JSON object in the order given (the plan's order), not sorted.
struct Ordered<'a, T>(Vec<(&'a str, T)>);

impl<T> Ordered<'_, T> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Serialize> Serialize for Ordered<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// The texts of one language other than the plan's own, by the ids of what they belong to,
/// in the plan's order. An item without a translation file is left out of its map; a text a
/// translation does not give is `null` (readers see the first language's); `untranslated`
/// lists both, as `planpress check` does.
#[derive(Serialize)]
struct LanguageData<'a> {
    plan: Option<PlanTextData<'a>>,
    aims: Ordered<'a, AimTextData<'a>>,
    priorities: Ordered<'a, PriorityTextData<'a>>,
    statements: Ordered<'a, StatementTextData<'a>>,
    glossary: Ordered<'a, TermTextData<'a>>,
    pages: Ordered<'a, PageTextData<'a>>,
    untranslated: Vec<UntranslatedData>,
}

#[derive(Serialize)]
struct PlanTextData<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    area: Option<&'a str>,
    organisation: Option<&'a str>,
    foreword: Option<&'a str>,
    /// The words for the levels, when the translation gives them.
    levels: Option<Levels>,
    /// The parties' words the translation gives, by party id, in the plan's order.
    parties: Ordered<'a, PartyTextData<'a>>,
}

#[derive(Serialize)]
struct PartyTextData<'a> {
    name: Option<&'a str>,
    heading: Option<&'a str>,
    lead: Option<&'a str>,
}

#[derive(Serialize)]
struct AimTextData<'a> {
    title: &'a str,
    outcomes: Option<&'a [String]>,
    introduction: Option<&'a str>,
}

#[derive(Serialize)]
struct PriorityTextData<'a> {
    title: &'a str,
    body: Option<&'a str>,
    /// The words introducing each party's commitments, by party id, where given.
    leads: Ordered<'a, &'a str>,
    /// Every commitment of the priority, by id: its words, or `null` when not translated yet.
    commitments: Ordered<'a, Option<&'a str>>,
}

#[derive(Serialize)]
struct StatementTextData<'a> {
    measure: &'a str,
    target: Option<&'a str>,
    lead: Option<&'a str>,
    data_source: Option<&'a str>,
    source: Option<&'a str>,
    key_points: Option<&'a str>,
}

#[derive(Serialize)]
struct TermTextData<'a> {
    term: &'a str,
    abbreviations: &'a [String],
    definition: Option<&'a str>,
}

#[derive(Serialize)]
struct PageTextData<'a> {
    title: &'a str,
    body: Option<&'a str>,
}

#[derive(Serialize)]
struct UntranslatedData {
    /// The translation file that should hold it, relative to the content folder.
    file: String,
    /// What it lacks (`commitment <id>`, `its text`, `its outcomes`); `null` for the whole file.
    what: Option<String>,
}

/// The texts of each of the plan's other languages, in the order the plan names them.
fn translations_data(plan: &Plan) -> Ordered<'_, LanguageData<'_>> {
    let untranslated = plan.untranslated();
    fn body(b: &crate::plan::Body) -> Option<&str> {
        (!b.is_empty()).then_some(b.markdown.as_str())
    }
    Ordered(
        plan.translations
            .iter()
            .map(|tr| {
                let data = LanguageData {
                    plan: tr.plan.as_ref().map(|t| PlanTextData {
                        title: &t.text.title,
                        subtitle: t.text.subtitle.as_deref(),
                        area: t.text.area.as_deref(),
                        organisation: t.text.organisation.as_deref(),
                        foreword: body(&t.body),
                        levels: t.text.levels.as_ref().map(|l| Levels::from_front(Some(l))),
                        parties: Ordered(
                            plan.meta
                                .parties
                                .iter()
                                .filter_map(|party| {
                                    let given = t.text.parties.iter().find(|p| p.id == party.id)?;
                                    Some((
                                        party.id.as_str(),
                                        PartyTextData {
                                            name: given.name.as_deref(),
                                            heading: given.heading.as_deref(),
                                            lead: given.lead.as_deref(),
                                        },
                                    ))
                                })
                                .collect(),
                        ),
                    }),
                    aims: Ordered(
                        plan.aims
                            .iter()
                            .filter_map(|a| {
                                let t = tr.aims.get(&a.id)?;
                                Some((
                                    a.id.as_str(),
                                    AimTextData {
                                        title: &t.text.title,
                                        outcomes: t.text.outcomes.as_deref(),
                                        introduction: body(&t.body),
                                    },
                                ))
                            })
                            .collect(),
                    ),
                    priorities: Ordered(
                        plan.priorities()
                            .filter_map(|p| {
                                let t = tr.priorities.get(&p.id)?;
                                let leads = p
                                    .groups
                                    .iter()
                                    .filter_map(|g| {
                                        Some((
                                            g.party.as_str(),
                                            t.text.leads.get(&g.party)?.as_str(),
                                        ))
                                    })
                                    .collect();
                                let commitments = p
                                    .commitments()
                                    .map(|(_, c)| {
                                        let words = t
                                            .text
                                            .commitments
                                            .iter()
                                            .find(|x| x.id == c.id)
                                            .and_then(|x| x.text.as_deref());
                                        (c.id.as_str(), words)
                                    })
                                    .collect();
                                Some((
                                    p.id.as_str(),
                                    PriorityTextData {
                                        title: &t.text.title,
                                        body: body(&t.body),
                                        leads: Ordered(leads),
                                        commitments: Ordered(commitments),
                                    },
                                ))
                            })
                            .collect(),
                    ),
                    statements: Ordered(
                        plan.statements
                            .iter()
                            .filter_map(|s| {
                                let t = tr.statements.get(&s.id)?;
                                Some((
                                    s.id.as_str(),
                                    StatementTextData {
                                        measure: &t.text.measure,
                                        target: t.text.target.as_deref(),
                                        lead: t.text.lead.as_deref(),
                                        data_source: t.text.data_source.as_deref(),
                                        source: t.text.source.as_deref(),
                                        key_points: body(&t.body),
                                    },
                                ))
                            })
                            .collect(),
                    ),
                    glossary: Ordered(
                        plan.glossary
                            .iter()
                            .filter_map(|g| {
                                let t = tr.glossary.get(&g.id)?;
                                Some((
                                    g.id.as_str(),
                                    TermTextData {
                                        term: &t.text.term,
                                        abbreviations: &t.text.abbreviations,
                                        definition: body(&t.body),
                                    },
                                ))
                            })
                            .collect(),
                    ),
                    pages: Ordered(
                        plan.pages
                            .iter()
                            .filter_map(|p| {
                                let t = tr.pages.get(&p.id)?;
                                Some((
                                    p.id.as_str(),
                                    PageTextData {
                                        title: &t.text.title,
                                        body: body(&t.body),
                                    },
                                ))
                            })
                            .collect(),
                    ),
                    untranslated: untranslated
                        .iter()
                        .filter(|u| u.language == tr.language)
                        .map(|u| UntranslatedData {
                            file: u.file.clone(),
                            what: u.what.clone(),
                        })
                        .collect(),
                };
                (tr.language.as_str(), data)
            })
            .collect(),
    )
}

/// An image as the data gives it.
#[derive(Serialize)]
struct ImageData {
    /// Its path in the content folder.
    path: String,
    /// Where the website publishes it.
    published: String,
    /// What it is: png, jpeg, webp or svg.
    format: crate::parse::image::ImageKind,
    width: u64,
    height: u64,
    sha256: String,
    /// Each use, with its description.
    uses: Vec<ImageUseData>,
}

/// One use of an image.
#[derive(Serialize)]
struct ImageUseData {
    /// Its description; empty for decoration.
    alt: String,
    decorative: bool,
    /// The site path of the page that shows it.
    page: String,
}

/// The images the bodies use, in the order of their paths.
fn images_data(plan: &Plan) -> Vec<ImageData> {
    let uses = crate::plan::images::uses(plan);
    let mut out: Vec<ImageData> = Vec::new();
    let mut sources: Vec<&str> = uses.iter().map(|u| u.image.as_str()).collect();
    sources.sort();
    sources.dedup();
    for source in sources {
        let Some(image) = plan.images.get(source) else {
            continue;
        };
        out.push(ImageData {
            path: image.source.clone(),
            published: image.path.clone(),
            format: image.kind,
            width: image.width,
            height: image.height,
            sha256: image.sha256.clone(),
            uses: uses
                .iter()
                .filter(|u| u.image == source)
                .map(|u| ImageUseData {
                    alt: u.alt.clone(),
                    decorative: u.decorative,
                    page: u.page.clone(),
                })
                .collect(),
        });
    }
    out
}

#[derive(Serialize)]
struct MetaData<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    period: &'a str,
    status: PlanStatus,
    area: &'a str,
    force: &'a str,
    commissioner: &'a str,
    organisation: &'a str,
    published: &'a str,
    reporting_date: &'a str,
    licence: &'a Licence,
    contact: &'a Contact,
    base_url: Option<&'a str>,
    foreword: &'a str,
}

#[derive(Serialize)]
struct AimData<'a> {
    id: &'a str,
    path: String,
    title: &'a str,
    order: u32,
    outcomes: &'a [String],
    introduction: &'a str,
    priorities: Vec<PriorityData<'a>>,
    #[serde(skip_serializing_if = "<[Element]>::is_empty")]
    covers: &'a [Element],
}

#[derive(Serialize)]
struct PriorityData<'a> {
    id: &'a str,
    path: String,
    number: u32,
    title: &'a str,
    body: &'a str,
    commissioner: Option<GroupData<'a>>,
    chief_constable: Option<GroupData<'a>>,
    /// The commitments of the parties the plan declares, by party id, in the plan's order.
    #[serde(skip_serializing_if = "Declared::is_empty")]
    commitments_by: Declared<'a>,
    statements: Vec<&'a str>,
    #[serde(skip_serializing_if = "<[Element]>::is_empty")]
    covers: &'a [Element],
}

/// The groups of declared parties, written as a JSON object in the plan's order of parties.
struct Declared<'a>(Vec<(&'a str, GroupData<'a>)>);

impl Declared<'_> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Declared<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[derive(Serialize)]
struct GroupData<'a> {
    lead: &'a str,
    commitments: Vec<CommitmentData<'a>>,
}

#[derive(Serialize)]
struct CommitmentData<'a> {
    id: &'a str,
    path: String,
    text: &'a str,
    status: Option<&'static str>,
    due: Option<&'a str>,
    owner: Option<&'a str>,
    evidence: &'a [Evidence],
    overdue: bool,
}

/// A statement's figures for one period, as `plan.json` writes them: in each statement (as the
/// plan's latest report gives them) and in each report's entry for it, in the same fields.
#[derive(Serialize)]
struct FiguresData<'a> {
    latest: Option<&'a Figure>,
    previous: Option<&'a Figure>,
    baseline: Option<&'a Figure>,
    change: Option<&'a Change>,
    direction: Option<Direction>,
    limits: Option<&'a Limits>,
    areas: &'a [AreaValue],
    series: &'a [SeriesPoint],
    breakdowns: &'a [Breakdown],
    chart_only: &'a [String],
}

/// The [`FiguresData`] of anything holding a period's figures under their usual names (a
/// [`Statement`], or a report's [`crate::plan::Figures`]).
macro_rules! figures_data {
    ($f:expr) => {
        FiguresData {
            latest: $f.latest.as_ref(),
            previous: $f.previous.as_ref(),
            baseline: $f.baseline.as_ref(),
            change: $f.change.as_ref(),
            direction: $f.direction,
            limits: $f.limits.as_ref(),
            areas: &$f.areas,
            series: &$f.series,
            breakdowns: &$f.breakdowns,
            chart_only: &$f.chart_only,
        }
    };
}

#[derive(Serialize)]
struct StatementData<'a> {
    id: &'a str,
    path: String,
    measure: &'a str,
    unit: Unit,
    better: Better,
    target: &'a TargetFront,
    #[serde(flatten)]
    figures: FiguresData<'a>,
    priorities: &'a [String],
    national_priorities: &'a [String],
    lead: Option<&'a str>,
    data_source: Option<&'a str>,
    source: &'a str,
    key_points: &'a str,
    reported_in: Option<&'a str>,
    status: &'static str,
    status_label: &'static str,
    status_sentence: String,
}

#[derive(Serialize)]
struct ReportData<'a> {
    id: &'a str,
    path: String,
    title: &'a str,
    start: &'a str,
    end: &'a str,
    presented: Option<&'a str>,
    status: &'static str,
    introduction: &'a str,
    statements: Vec<ReportedData<'a>>,
}

/// One statement in one report: the report's own figures, and the status as it left them.
#[derive(Serialize)]
struct ReportedData<'a> {
    statement: &'a str,
    path: String,
    source: &'a str,
    key_points: &'a str,
    #[serde(flatten)]
    figures: FiguresData<'a>,
    status: &'static str,
    status_label: &'static str,
}

#[derive(Serialize)]
struct TermData<'a> {
    id: &'a str,
    term: &'a str,
    abbreviations: &'a [String],
    definition: &'a str,
}

#[derive(Serialize)]
struct PageData<'a> {
    id: &'a str,
    path: String,
    title: &'a str,
    order: Option<u32>,
    body: &'a str,
    #[serde(skip_serializing_if = "<[Element]>::is_empty")]
    covers: &'a [Element],
}

impl<'a> PlanData<'a> {
    fn new(plan: &'a Plan) -> Self {
        let m = &plan.meta;
        let date = m.reporting_date.as_str();
        // The statements naming each priority, in statement order, found in one pass rather
        // than by scanning every statement for every priority.
        let mut statements: HashMap<&str, Vec<&str>> = HashMap::new();
        for s in &plan.statements {
            for p in &s.priorities {
                let ids = statements.entry(p.as_str()).or_default();
                if ids.last() != Some(&s.id.as_str()) {
                    ids.push(&s.id);
                }
            }
        }
        PlanData {
            schema: "plan.schema.json",
            schema_version: SCHEMA_VERSION,
            plan: MetaData {
                title: &m.title,
                subtitle: m.subtitle.as_deref(),
                period: &m.period,
                status: m.status,
                area: &m.area,
                force: &m.force,
                commissioner: &m.commissioner,
                organisation: &m.organisation,
                published: &m.published,
                reporting_date: date,
                licence: &m.licence,
                contact: &m.contact,
                base_url: m.base_url.as_deref(),
                foreword: &m.foreword.markdown,
            },
            levels: &m.levels,
            parties: &m.parties,
            areas: &m.areas,
            national_priorities: &m.national_priorities,
            aims: plan
                .aims
                .iter()
                .filter(|a| !a.implicit)
                .map(|a| AimData {
                    id: &a.id,
                    path: Route::Aim(a.id.clone()).path(),
                    title: &a.title,
                    order: a.order,
                    outcomes: &a.outcomes,
                    introduction: &a.intro.markdown,
                    priorities: priorities_data(plan, a, &statements, date),
                    covers: &a.covers,
                })
                .collect(),
            priorities: plan
                .aims
                .iter()
                .filter(|a| a.implicit)
                .flat_map(|a| priorities_data(plan, a, &statements, date))
                .collect(),
            statements: plan.statements.iter().map(statement_data).collect(),
            reports: plan.reports.iter().map(|r| report_data(plan, r)).collect(),
            images: images_data(plan),
            glossary: plan
                .glossary
                .iter()
                .map(|t| TermData {
                    id: &t.id,
                    term: &t.term,
                    abbreviations: &t.abbreviations,
                    definition: &t.definition.markdown,
                })
                .collect(),
            pages: plan
                .pages
                .iter()
                .map(|p| PageData {
                    id: &p.id,
                    path: Route::Page(p.id.clone()).path(),
                    title: &p.title,
                    order: p.order,
                    body: &p.body.markdown,
                    covers: &p.covers,
                })
                .collect(),
            languages: plan.languages(),
            translations: translations_data(plan),
        }
    }
}

/// The priorities of `aim`, each with the statements that name it.
fn priorities_data<'a>(
    plan: &'a Plan,
    aim: &'a Aim,
    statements: &HashMap<&str, Vec<&'a str>>,
    date: &str,
) -> Vec<PriorityData<'a>> {
    aim.priorities
        .iter()
        .map(|p| {
            let statements = statements.get(p.id.as_str()).cloned().unwrap_or_default();
            priority_data(plan, p, statements, date)
        })
        .collect()
}

fn priority_path(p: &Priority) -> String {
    Route::Priority {
        aim: p.aim.clone(),
        id: p.id.clone(),
    }
    .path()
}

fn priority_data<'a>(
    plan: &'a Plan,
    p: &'a Priority,
    statements: Vec<&'a str>,
    date: &str,
) -> PriorityData<'a> {
    let path = priority_path(p);
    let group = |g: &'a CommitmentGroup| GroupData {
        lead: &g.lead,
        commitments: g
            .commitments
            .iter()
            .map(|c| CommitmentData {
                id: &c.id,
                path: format!("{path}#{}", c.id),
                text: &c.text,
                status: c.status.map(|_| State::of(c).id()),
                due: c.due.as_deref(),
                owner: c.owner.as_deref(),
                evidence: &c.evidence,
                overdue: is_overdue(c, date),
            })
            .collect(),
    };
    let declared = plan
        .meta
        .parties
        .iter()
        .filter(|party| !party.built_in)
        .filter_map(|party| Some((party.id.as_str(), group(p.group(&party.id)?))))
        .collect();
    PriorityData {
        id: &p.id,
        path: path.clone(),
        number: p.number,
        title: &p.title,
        body: &p.body.markdown,
        commissioner: p.group(COMMISSIONER).map(group),
        chief_constable: p.group(CHIEF_CONSTABLE).map(group),
        commitments_by: Declared(declared),
        statements,
        covers: &p.covers,
    }
}

fn statement_data(s: &Statement) -> StatementData<'_> {
    let status = s.status();
    StatementData {
        id: &s.id,
        path: Route::Statement(s.id.clone()).path(),
        measure: &s.measure,
        unit: s.unit,
        better: s.better,
        target: &s.target,
        figures: figures_data!(s),
        priorities: &s.priorities,
        national_priorities: &s.national_priorities,
        lead: s.lead.as_deref(),
        data_source: s.data_source.as_deref(),
        source: &s.source,
        key_points: &s.body.markdown,
        reported_in: s.reported_in.as_deref(),
        status: status.id(),
        status_label: status.label(),
        status_sentence: s.status_sentence(),
    }
}

fn report_data<'a>(plan: &'a Plan, r: &'a Report) -> ReportData<'a> {
    ReportData {
        id: &r.id,
        path: Route::Report(r.id.clone()).path(),
        title: &r.title,
        start: &r.start,
        end: &r.end,
        presented: r.presented.as_deref(),
        status: r.status.id(),
        introduction: &r.intro.markdown,
        statements: r
            .statements
            .iter()
            .map(|rep| {
                let status = reported_status(plan, r, &rep.statement);
                let f = &rep.figures;
                ReportedData {
                    statement: &rep.statement,
                    path: Route::ReportStatement {
                        report: r.id.clone(),
                        id: rep.statement.clone(),
                    }
                    .path(),
                    source: &rep.source,
                    key_points: &rep.key_points.markdown,
                    figures: figures_data!(f),
                    status: status.id(),
                    status_label: status.label(),
                }
            })
            .collect(),
    }
}

/// The status of statement `id` as report `r` left it.
fn reported_status(plan: &Plan, r: &Report, id: &str) -> Status {
    plan.statement_in(r, id)
        .map_or(Status::NoFigure, |s| s.status())
}

/// The columns of `reports.csv`.
pub const REPORT_COLUMNS: [&str; 14] = [
    "report_id",
    "period",
    "start",
    "end",
    "presented",
    "report_status",
    "statement_id",
    "measure",
    "figure_period",
    "value",
    "unit",
    "status",
    "source",
    "path",
];

/// `reports.csv`: one row per statement per report, reports oldest first and statements in
/// id order, each with the report's latest figure for it and its status as that report left
/// it (a draft's blank figure is an empty cell).
pub fn reports_csv(plan: &Plan) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(REPORT_COLUMNS)?;
    for r in &plan.reports {
        for rep in &r.statements {
            let Some(s) = plan.statement_in(r, &rep.statement) else {
                continue;
            };
            let latest = rep.figures.latest.as_ref();
            w.write_record([
                r.id.as_str(),
                r.title.as_str(),
                r.start.as_str(),
                r.end.as_str(),
                r.presented.as_deref().unwrap_or(""),
                r.status.id(),
                s.id.as_str(),
                s.measure.as_str(),
                latest.map_or("", |f| f.period.as_str()),
                &latest.map_or(String::new(), |f| plain_number(f.value)),
                s.unit.id(),
                s.status().id(),
                rep.source.as_str(),
                &Route::ReportStatement {
                    report: r.id.clone(),
                    id: s.id.clone(),
                }
                .path(),
            ])?;
        }
    }
    w.into_inner().context("cannot write reports.csv")
}

/// The columns of `commitments.csv`.
pub const COMMITMENT_COLUMNS: [&str; 15] = [
    "id",
    "aim_id",
    "aim",
    "priority_id",
    "priority_number",
    "priority",
    "party",
    "text",
    "status",
    "due",
    "owner",
    "overdue",
    "evidence_titles",
    "evidence_urls",
    "path",
];

/// `commitments.csv`: one row per commitment, in plan order.
pub fn commitments_csv(plan: &Plan) -> Result<Vec<u8>> {
    commitments_csv_to(plan, Vec::new())
}

/// Writes `commitments.csv` to `out`, returning it.
fn commitments_csv_to<W: Write>(plan: &Plan, out: W) -> Result<W> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COMMITMENT_COLUMNS)?;
    let date = plan.meta.reporting_date.as_str();
    let mut path = String::new();
    // What every commitment of a priority shares is worked out once per priority.
    for p in plan.priorities() {
        // A plan without aims leaves the aim's columns empty.
        let aim = plan.aim(&p.aim).filter(|a| !a.implicit);
        let (aim_id, aim) = aim.map_or(("", ""), |a| (a.id.as_str(), a.title.as_str()));
        let number = p.number.to_string();
        let priority_path = priority_path(p);
        for (party, c) in p.commitments() {
            let join =
                |f: fn(&Evidence) -> &str| c.evidence.iter().map(f).collect::<Vec<_>>().join(" | ");
            path.clear();
            path.push_str(&priority_path);
            path.push('#');
            path.push_str(&c.id);
            w.write_record([
                c.id.as_str(),
                aim_id,
                aim,
                p.id.as_str(),
                &number,
                p.title.as_str(),
                party,
                c.text.as_str(),
                c.status.map_or("", |_| State::of(c).id()),
                c.due.as_deref().unwrap_or(""),
                c.owner.as_deref().unwrap_or(""),
                if is_overdue(c, date) { "yes" } else { "no" },
                &join(|e| e.title.as_str()),
                &join(|e| e.url.as_str()),
                &path,
            ])?;
        }
    }
    w.into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write commitments.csv: {}", e.error()))
}

/// The columns of `performance.csv`.
pub const PERFORMANCE_COLUMNS: [&str; 12] = [
    "statement_id",
    "measure",
    "figure",
    "period",
    "area_id",
    "area",
    "breakdown",
    "item",
    "value",
    "unit",
    "status",
    "source",
];

/// One row of `performance.csv`.
#[derive(Default)]
struct Row {
    figure: &'static str,
    period: String,
    area_id: String,
    breakdown: String,
    item: String,
    value: Option<f64>,
    unit: Option<Unit>,
    status: &'static str,
}

/// `performance.csv`: a tidy table with one row per figure in the content, and one `status`
/// row per statement giving its judged status. Statements are in id order.
pub fn performance_csv(plan: &Plan) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(PERFORMANCE_COLUMNS)?;
    for s in &plan.statements {
        for r in figure_rows(s) {
            let unit = r.unit.unwrap_or(s.unit);
            let area = if r.area_id.is_empty() {
                ""
            } else {
                plan.area_name(&r.area_id)
            };
            w.write_record([
                s.id.as_str(),
                s.measure.as_str(),
                r.figure,
                r.period.as_str(),
                r.area_id.as_str(),
                area,
                r.breakdown.as_str(),
                r.item.as_str(),
                &r.value.map_or(String::new(), plain_number),
                unit.id(),
                r.status,
                s.source.as_str(),
            ])?;
        }
    }
    w.into_inner().context("cannot write performance.csv")
}

/// A number as data: no grouping, no trailing zeros.
fn plain_number(v: f64) -> String {
    let s = format!("{v}");
    s.trim_end_matches(".0").to_string()
}

/// Every figure of a statement as rows, in a fixed order.
fn figure_rows(s: &Statement) -> Vec<Row> {
    let mut rows = vec![Row {
        figure: "status",
        period: s
            .latest
            .as_ref()
            .map(|f| f.period.clone())
            .unwrap_or_default(),
        status: s.status().id(),
        unit: Some(s.unit),
        ..Row::default()
    }];
    let percent = Some(Unit::Percent);
    if let Some(v) = s.target.value {
        rows.push(Row {
            figure: "target",
            value: Some(v),
            ..Row::default()
        });
    }
    if let Some(v) = s.target.change {
        rows.push(Row {
            figure: "target-change",
            value: Some(v),
            unit: percent,
            ..Row::default()
        });
    }
    for (figure, f) in [
        ("latest", &s.latest),
        ("previous", &s.previous),
        ("baseline", &s.baseline),
    ] {
        if let Some(f) = f {
            rows.push(Row {
                figure,
                period: f.period.clone(),
                value: Some(f.value),
                ..Row::default()
            });
        }
    }
    if let Some(c) = &s.change {
        rows.push(Row {
            figure: "change",
            period: c.basis.clone(),
            value: Some(c.value),
            unit: percent,
            ..Row::default()
        });
    }
    if let Some(l) = &s.limits {
        rows.push(Row {
            figure: "upper-limit",
            period: l.basis.clone().unwrap_or_default(),
            value: Some(l.upper),
            ..Row::default()
        });
        rows.push(Row {
            figure: "lower-limit",
            period: l.basis.clone().unwrap_or_default(),
            value: Some(l.lower),
            ..Row::default()
        });
    }
    let latest_period = s
        .latest
        .as_ref()
        .map(|f| f.period.clone())
        .unwrap_or_default();
    for a in &s.areas {
        rows.push(Row {
            figure: "area",
            period: latest_period.clone(),
            area_id: a.area.clone(),
            value: Some(a.value),
            ..Row::default()
        });
    }
    for p in &s.series {
        if let Some(v) = p.value {
            rows.push(Row {
                figure: "series",
                period: p.period.clone(),
                value: Some(v),
                ..Row::default()
            });
        }
        for a in &p.areas {
            rows.push(Row {
                figure: "series",
                period: p.period.clone(),
                area_id: a.area.clone(),
                value: Some(a.value),
                ..Row::default()
            });
        }
    }
    for b in &s.breakdowns {
        let unit = b.unit.or(Some(s.unit));
        for i in &b.items {
            let row = |figure, period: &Option<String>, value, unit| Row {
                figure,
                period: period.clone().unwrap_or_default(),
                breakdown: b.title.clone(),
                item: i.label.clone(),
                value: Some(value),
                unit,
                ..Row::default()
            };
            rows.push(Row {
                status: i.limits.as_ref().map_or("", |l| {
                    crate::plan::performance::against_limits(i.value, l).id()
                }),
                ..row("breakdown", &b.period, i.value, unit)
            });
            if let Some(v) = i.baseline {
                rows.push(row("breakdown-baseline", &b.baseline_period, v, unit));
            }
            if let Some(v) = i.change {
                rows.push(row("breakdown-change", &None, v, percent));
            }
            if let Some(l) = &i.limits {
                rows.push(row("breakdown-upper-limit", &l.basis, l.upper, unit));
                rows.push(row("breakdown-lower-limit", &l.basis, l.lower, unit));
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_plainly() {
        assert_eq!(plain_number(24.0), "24");
        assert_eq!(plain_number(24.2), "24.2");
        assert_eq!(plain_number(-29.0), "-29");
        assert_eq!(plain_number(84806.0), "84806");
    }

    #[test]
    fn the_schema_is_json() {
        let v: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
        assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    }
}
