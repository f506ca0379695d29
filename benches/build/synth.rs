//! A synthetic plan of any size, the same every time, for the build benchmark.
//!
//! The shipped plan is about fifty pages; the benchmark needs ten thousand and more, shaped
//! like real content: aims holding priorities, each priority a page with about 4 KB of
//! Markdown (headings, paragraphs, lists, a table, site and outside links, glossary
//! abbreviations) and front matter holding a 10-item list (five Commissioner's commitments
//! and five Chief Constable's) that the page template renders. Glossary terms, performance
//! statements and other pages complete the plan, so every page kind is built.
//!
//! [`Synth::new`] makes the plan as data from a fixed seed; [`Synth::write_planpress`] writes
//! it as a planpress content folder and [`Synth::write_hugo`] as a Hugo site with the same
//! Markdown and front matter and minimal templates that render the same list, so the two
//! tools build the same pages. The generator lives here rather than in the `planpress`
//! binary because only the benchmark needs it; `cargo bench --bench build -- --generate N DIR`
//! writes one for profiling by hand.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

/// The seed every synthetic plan starts from.
const SEED: u64 = 0x5afe_2021_2025_0001;

/// Glossary terms: (id, term, abbreviation).
const GLOSSARY: &[(&str, &str, &str)] = &[
    ("anti-social-behaviour", "Anti-social behaviour", "ASB"),
    ("criminal-justice-system", "Criminal justice system", "CJS"),
    (
        "police-community-support-officer",
        "Police community support officer",
        "PCSO",
    ),
    (
        "violence-against-women-and-girls",
        "Violence against women and girls",
        "VAWG",
    ),
    (
        "serious-and-organised-crime",
        "Serious and organised crime",
        "SOC",
    ),
    (
        "killed-or-seriously-injured",
        "Killed or seriously injured",
        "KSI",
    ),
    (
        "hmicfrs",
        "His Majesty's Inspectorate of Constabulary",
        "HMICFRS",
    ),
    (
        "office-of-the-commissioner",
        "Office of the Police and Crime Commissioner",
        "OPCC",
    ),
    ("community-speed-watch", "Community Speed Watch", "CSW"),
    ("victims-advice-line", "Victims Advice Line", "VAL"),
    (
        "strategic-policing-requirement",
        "Strategic policing requirement",
        "SPR",
    ),
    (
        "national-policing-priorities",
        "National policing priorities",
        "NPP",
    ),
];

const WORDS: &[&str] = &[
    "victims",
    "communities",
    "partners",
    "policing",
    "local",
    "safer",
    "support",
    "services",
    "confidence",
    "crime",
    "prevention",
    "neighbourhood",
    "officers",
    "staff",
    "public",
    "response",
    "justice",
    "roads",
    "rural",
    "urban",
    "young",
    "people",
    "families",
    "vulnerable",
    "harm",
    "reduce",
    "improve",
    "deliver",
    "ensure",
    "work",
    "with",
    "across",
    "the",
    "and",
    "for",
    "our",
    "their",
    "every",
    "more",
    "better",
    "faster",
    "fair",
    "transparent",
    "accountable",
    "effective",
    "efficient",
    "value",
    "money",
    "investment",
    "estate",
    "digital",
    "technology",
    "data",
    "evidence",
    "insight",
    "training",
    "care",
    "compassion",
    "trust",
    "engagement",
    "listening",
    "feedback",
    "complaints",
    "review",
    "outcomes",
    "priorities",
    "commitments",
    "plan",
    "delivery",
    "progress",
    "measures",
    "targets",
    "resources",
    "budget",
    "council",
    "schools",
    "health",
    "housing",
    "charities",
    "volunteers",
    "watch",
    "schemes",
    "patrols",
    "visible",
    "presence",
    "calls",
    "contact",
    "online",
    "fraud",
    "exploitation",
    "drugs",
    "violence",
    "domestic",
    "abuse",
    "hate",
    "burglary",
    "theft",
    "vehicles",
    "speeding",
    "collisions",
    "education",
    "awareness",
    "campaigns",
    "reporting",
    "referrals",
    "safeguarding",
    "protection",
    "wellbeing",
    "diversity",
    "inclusion",
    "recruitment",
    "retention",
    "leadership",
    "culture",
    "ethics",
    "standards",
    "inspection",
    "scrutiny",
    "panel",
    "independent",
    "advisory",
    "groups",
];

/// Where a site link in a body may point: built once, drawn from at random.
struct Target {
    path: String,
    anchor: Option<String>,
}

/// One priority page.
pub struct Priority {
    /// The aim's index.
    pub aim: usize,
    /// Its number within the aim.
    pub number: usize,
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Ten commitments: (id, text, due, status), five by each owner.
    pub commitments: Vec<(String, String, Option<String>, Option<&'static str>)>,
    /// The Markdown body.
    pub body: String,
}

/// A performance statement.
pub struct Statement {
    /// Its id.
    pub id: String,
    /// What it measures.
    pub measure: String,
    /// Latest and previous figures, in per cent.
    pub figures: (f64, f64),
    /// The priorities it evidences.
    pub priorities: Vec<String>,
    /// Its key points.
    pub body: String,
}

/// Another page.
pub struct Page {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its body.
    pub body: String,
}

/// A synthetic plan.
pub struct Synth {
    /// Aim titles.
    pub aims: Vec<String>,
    /// Every priority, in aim then number order.
    pub priorities: Vec<Priority>,
    /// Performance statements.
    pub statements: Vec<Statement>,
    /// Other pages.
    pub pages: Vec<Page>,
}

/// A small, fast, well-mixed generator (SplitMix64); the same seed gives the same plan.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn word(&mut self) -> &'static str {
        WORDS[self.below(WORDS.len())]
    }

    fn words(&mut self, n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(self.word());
        }
        s
    }

    fn title(&mut self, n: usize) -> String {
        capitalise(&self.words(n))
    }

    fn sentence(&mut self) -> String {
        let n = 8 + self.below(12);
        let mut s = capitalise(&self.words(n));
        // One sentence in four names a glossary abbreviation, as real plans do.
        if self.below(4) == 0 {
            let (_, _, abbr) = GLOSSARY[self.below(GLOSSARY.len())];
            let _ = write!(s, " through the {abbr} work");
        }
        s.push('.');
        s
    }

    fn paragraph(&mut self, sentences: usize) -> String {
        (0..sentences)
            .map(|_| self.sentence())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Pages planpress makes besides aims, priorities, statements and other pages: home,
/// glossary, performance, accessibility, not found, and the large-print page.
const FIXED_PAGES: usize = 6;

impl Synth {
    /// A plan whose website has about `pages` HTML pages.
    pub fn new(pages: usize) -> Synth {
        let mut rng = Rng(SEED);
        let aims_n = (pages / 100).clamp(4, 10);
        let statements_n = (pages / 100).max(2);
        let pages_n = 3;
        let priorities_n = pages
            .saturating_sub(FIXED_PAGES + aims_n + statements_n + pages_n)
            .max(aims_n);
        let aims: Vec<String> = (0..aims_n).map(|_| rng.title(3)).collect();

        // Ids and titles first, so bodies can link to any priority.
        let mut priorities: Vec<Priority> = (0..priorities_n)
            .map(|i| {
                let aim = i * aims_n / priorities_n;
                let first = aim_first(aim, aims_n, priorities_n);
                let slug = format!("{}-{}", rng.word(), rng.word());
                Priority {
                    aim,
                    number: i - first + 1,
                    id: format!("p{i:05}-{slug}"),
                    title: rng.title(6),
                    commitments: Vec::new(),
                    body: String::new(),
                }
            })
            .collect();
        let mut targets: Vec<Target> = Vec::new();
        for p in &priorities {
            let path = format!("/aim-{:02}/{}/", p.aim + 1, p.id);
            targets.push(Target {
                path: path.clone(),
                anchor: None,
            });
            targets.push(Target {
                path,
                anchor: Some(format!("{}-c03", p.id)),
            });
        }
        for (id, _, _) in GLOSSARY {
            targets.push(Target {
                path: "/glossary/".into(),
                anchor: Some(id.to_string()),
            });
        }
        for p in &mut priorities {
            p.commitments = (1..=10)
                .map(|k| {
                    // A third have a due date within the plan's period; since the plan
                    // is published in May 2024, about one in fifteen of those is overdue.
                    let due = (rng.below(3) == 0)
                        .then(|| format!("{}-{:02}", 2024 + rng.below(5), 1 + rng.below(12)));
                    let status = match rng.below(5) {
                        0 => Some("in-progress"),
                        1 => Some("delivered"),
                        _ => None,
                    };
                    let n = 12 + rng.below(8);
                    let text = format!("{}.", capitalise(&rng.words(n)));
                    (format!("{}-c{k:02}", p.id), text, due, status)
                })
                .collect();
            p.body = body(&mut rng, &targets, 4000);
        }

        let statements = (0..statements_n)
            .map(|i| {
                let ids = (0..3)
                    .map(|_| priorities[rng.below(priorities.len())].id.clone())
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                let mut body = String::new();
                for _ in 0..4 {
                    let _ = writeln!(body, "- {}", rng.sentence());
                }
                Statement {
                    id: format!("measure-{i:04}-{}", rng.word()),
                    measure: rng.title(7),
                    figures: (
                        (rng.below(1000) as f64) / 10.0,
                        (rng.below(1000) as f64) / 10.0,
                    ),
                    priorities: ids,
                    body,
                }
            })
            .collect();
        let pages = ["introduction", "resources", "contact"]
            .iter()
            .map(|id| Page {
                id: id.to_string(),
                title: capitalise(id),
                body: body(&mut rng, &targets, 4000),
            })
            .collect();
        Synth {
            aims,
            priorities,
            statements,
            pages,
        }
    }

    /// Writes the plan as a planpress content folder at `dir`.
    pub fn write_planpress(&self, dir: &Path) -> io::Result<()> {
        fs::create_dir_all(dir)?;
        fs::write(
            dir.join("_index.md"),
            "---\ntitle: Synthetic Plan\nperiod: 2024-2028\nstatus: final\narea: Benchshire\n\
             commissioner: Sam Example\norganisation: Office of the Police and Crime Commissioner for Benchshire\n\
             published: 2024-05-01\nlicence:\n  name: Open Government Licence v3.0\n  \
             url: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/\n\
             contact:\n  phone: 01234 567890\n  email: opcc@example.org\n  address:\n    - Police Headquarters\n    - Benchtown\n\
             areas:\n  - id: north\n    name: North Benchshire\n  - id: south\n    name: South Benchshire\n---\n\
             This synthetic plan exists to measure how fast planpress builds. See [the glossary](/glossary/).\n",
        )?;
        for (i, title) in self.aims.iter().enumerate() {
            let aim = dir.join(format!("aim-{:02}", i + 1));
            fs::create_dir_all(&aim)?;
            fs::write(
                aim.join("_index.md"),
                format!(
                    "---\ntitle: {title}\norder: {}\noutcomes:\n  - People are safer.\n  - People feel safer.\n---\nThe introduction to {title}.\n",
                    i + 1
                ),
            )?;
        }
        for p in &self.priorities {
            let mut text = format!("---\ntitle: {}\n", p.title);
            for (owner, range) in [("commissioner", 0..5), ("chief_constable", 5..10)] {
                let _ = writeln!(text, "{owner}:\n  commitments:");
                for (id, words, due, status) in &p.commitments[range] {
                    let _ = writeln!(text, "    - id: {id}\n      text: {words}");
                    if let Some(due) = due {
                        let _ = writeln!(text, "      due: {due}");
                    }
                    if let Some(status) = status {
                        let _ = writeln!(text, "      status: {status}");
                    }
                }
            }
            text.push_str("---\n");
            text.push_str(&p.body);
            fs::write(
                dir.join(format!("aim-{:02}/{:04}-{}.md", p.aim + 1, p.number, p.id)),
                text,
            )?;
        }
        fs::create_dir_all(dir.join("glossary"))?;
        for (id, term, abbr) in GLOSSARY {
            fs::write(
                dir.join(format!("glossary/{id}.md")),
                format!("---\nterm: {term}\nabbreviations: [{abbr}]\n---\nWhat {term} means in this plan.\n"),
            )?;
        }
        fs::create_dir_all(dir.join("performance"))?;
        for s in &self.statements {
            fs::write(
                dir.join(format!("performance/{}.md", s.id)),
                format!(
                    "---\nmeasure: {}\nunit: percent\nbetter: higher\ntarget:\n  text: 80%\n  value: 80\n\
                     latest:\n  value: {}\n  period: 2024 Q1\nprevious:\n  value: {}\n  period: 2023 Q4\n\
                     priorities: [{}]\nsource: Synthetic quarterly report\n---\n{}",
                    s.measure,
                    s.figures.0,
                    s.figures.1,
                    s.priorities.join(", "),
                    s.body
                ),
            )?;
        }
        for (i, p) in self.pages.iter().enumerate() {
            fs::write(
                dir.join(format!("{}.md", p.id)),
                format!(
                    "---\ntitle: {}\norder: {}\n---\n{}",
                    p.title,
                    10 + i,
                    p.body
                ),
            )?;
        }
        Ok(())
    }

    /// Writes the same pages as a Hugo site at `dir`: the same Markdown and front matter,
    /// with minimal templates that render the commitments list, the aims' lists of
    /// priorities and the same navigation.
    pub fn write_hugo(&self, dir: &Path) -> io::Result<()> {
        let content = dir.join("content");
        fs::create_dir_all(&content)?;
        fs::write(
            dir.join("config.toml"),
            "baseURL = \"https://example.org/\"\ntitle = \"Synthetic Plan\"\nlanguageCode = \"en-gb\"\n\
             disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\"]\n\
             disableHugoGeneratorInject = true\n",
        )?;
        let layouts = dir.join("layouts/_default");
        fs::create_dir_all(&layouts)?;
        fs::write(layouts.join("baseof.html"), HUGO_BASEOF)?;
        fs::write(layouts.join("single.html"), HUGO_SINGLE)?;
        fs::write(layouts.join("list.html"), HUGO_LIST)?;
        fs::write(dir.join("layouts/index.html"), HUGO_HOME)?;
        fs::write(dir.join("layouts/404.html"), HUGO_404)?;
        fs::write(
            content.join("_index.md"),
            "---\ntitle: Synthetic Plan\n---\nThis synthetic plan exists to measure how fast Hugo builds. See [the glossary](/glossary/).\n",
        )?;
        for (i, title) in self.aims.iter().enumerate() {
            let aim = content.join(format!("aim-{:02}", i + 1));
            fs::create_dir_all(&aim)?;
            fs::write(
                aim.join("_index.md"),
                format!(
                    "---\ntitle: {title}\nweight: {}\noutcomes:\n  - People are safer.\n  - People feel safer.\n---\nThe introduction to {title}.\n",
                    i + 1
                ),
            )?;
        }
        for p in &self.priorities {
            let mut text = format!("---\ntitle: {}\nweight: {}\n", p.title, p.number);
            for (owner, range) in [("commissioner", 0..5), ("chief_constable", 5..10)] {
                let _ = writeln!(text, "{owner}:\n  commitments:");
                for (id, words, due, status) in &p.commitments[range] {
                    let _ = writeln!(text, "    - id: {id}\n      text: {words}");
                    if let Some(due) = due {
                        let _ = writeln!(text, "      due: {due}");
                    }
                    if let Some(status) = status {
                        let _ = writeln!(text, "      status: {status}");
                    }
                }
            }
            text.push_str("---\n");
            text.push_str(&p.body);
            fs::write(
                content.join(format!("aim-{:02}/{}.md", p.aim + 1, p.id)),
                text,
            )?;
        }
        let mut glossary = String::from("---\ntitle: Glossary\n---\n");
        for (id, term, abbr) in GLOSSARY {
            let _ = write!(
                glossary,
                "## {term} ({abbr}) {{#{id}}}\n\nWhat {term} means in this plan.\n\n"
            );
        }
        fs::write(content.join("glossary.md"), glossary)?;
        fs::write(
            content.join("accessibility.md"),
            "---\ntitle: Accessibility statement\n---\nThis website aims to meet WCAG 2.2 AA.\n",
        )?;
        fs::write(
            content.join("large-print.md"),
            "---\ntitle: Large print\n---\nThe whole plan in large print.\n",
        )?;
        let perf = content.join("performance");
        fs::create_dir_all(&perf)?;
        fs::write(
            perf.join("_index.md"),
            "---\ntitle: Performance\n---\nHow progress is measured.\n",
        )?;
        for s in &self.statements {
            fs::write(
                perf.join(format!("{}.md", s.id)),
                format!(
                    "---\ntitle: {}\nlatest: {}\nprevious: {}\ntarget: 80%\npriorities: [{}]\n---\n{}",
                    s.measure,
                    s.figures.0,
                    s.figures.1,
                    s.priorities.join(", "),
                    s.body
                ),
            )?;
        }
        for (i, p) in self.pages.iter().enumerate() {
            fs::write(
                content.join(format!("{}.md", p.id)),
                format!(
                    "---\ntitle: {}\nweight: {}\n---\n{}",
                    p.title,
                    10 + i,
                    p.body
                ),
            )?;
        }
        Ok(())
    }

    /// Every Markdown file's bytes, summed (bodies and front matter), for reporting.
    pub fn markdown_bytes(&self) -> usize {
        self.priorities.iter().map(|p| p.body.len()).sum::<usize>()
            + self.pages.iter().map(|p| p.body.len()).sum::<usize>()
    }
}

/// The index of the first priority of aim `aim` when `total` priorities are spread over
/// `aims` aims as `i * aims / total`.
fn aim_first(aim: usize, aims: usize, total: usize) -> usize {
    (aim * total).div_ceil(aims)
}

/// A body of at least `min_len` bytes: headings, paragraphs, a bulleted and a numbered list,
/// a table, and links to other pages, anchors, the glossary and outside sites.
fn body(rng: &mut Rng, targets: &[Target], min_len: usize) -> String {
    let link = |rng: &mut Rng| {
        let t = &targets[rng.below(targets.len())];
        let text = rng.words(3);
        match &t.anchor {
            Some(a) => format!("[{text}]({}#{a})", t.path),
            None => format!("[{text}]({})", t.path),
        }
    };
    let mut s = String::with_capacity(min_len + 1024);
    let _ = writeln!(s, "{} {}\n", rng.paragraph(2), link(rng));
    let _ = writeln!(s, "## Why this matters\n\n{}\n", rng.paragraph(4));
    let _ = writeln!(s, "{}\n", rng.paragraph(3));
    let _ = writeln!(s, "## What will happen\n");
    for _ in 0..5 {
        let _ = writeln!(s, "- {} {}", rng.sentence(), link(rng));
    }
    let _ = writeln!(s, "\n### Milestones\n");
    for i in 1..=4 {
        let _ = writeln!(s, "{i}. {}", rng.sentence());
    }
    let _ = writeln!(s, "\n## How it will be measured\n");
    let _ = writeln!(
        s,
        "| Measure | Baseline | Target | Latest |\n|---|--:|--:|--:|"
    );
    for _ in 0..5 {
        let _ = writeln!(
            s,
            "| {} | {}% | {}% | {}% |",
            capitalise(&rng.words(3)),
            rng.below(100),
            rng.below(100),
            rng.below(100)
        );
    }
    let _ = writeln!(
        s,
        "\nThe figures are published on [GOV.UK](https://www.gov.uk/government/statistics/police-recorded-crime) and by {}.\n",
        link(rng)
    );
    let _ = writeln!(s, "## Working with partners\n");
    while s.len() < min_len {
        let _ = writeln!(s, "{}\n", rng.paragraph(3));
    }
    s
}

const HUGO_BASEOF: &str = r##"<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ .Site.Title }}</title>
<link rel="stylesheet" href="/static/style.css">
</head>
<body>
<a class="skip-link" href="#main-content">Skip to main content</a>
<header class="site-header">
<p class="site-name"><a href="/">{{ .Site.Title }}</a></p>
<nav class="site-nav" aria-label="Main"><ul>
<li><a href="/">Home</a></li>
{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}<li><a href="/glossary/">Glossary</a></li>
</ul></nav>
</header>
<main id="main-content" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
<ul class="footer-links"><li><a href="/accessibility/">Accessibility statement</a></li><li><a href="/glossary/">Glossary</a></li></ul>
<p class="licence">Published under the Open Government Licence v3.0.</p>
</footer>
</body>
</html>
"##;

const HUGO_SINGLE: &str = r##"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{ with .Params.commissioner }}<section><h2 id="commissioner">The Commissioner's commitments</h2>
<ul class="commitments">
{{ range .commitments }}<li id="{{ .id }}">{{ .text }}{{ if or .due .status }}<dl class="delivery">{{ with .status }}<div><dt>Status</dt><dd>{{ . }}</dd></div>{{ end }}{{ with .due }}<div><dt>Due</dt><dd>{{ . }}</dd></div>{{ end }}</dl>{{ end }}</li>
{{ end }}</ul></section>{{ end }}
{{ with .Params.chief_constable }}<section><h2 id="chief-constable">The Chief Constable's responsibilities</h2>
<ul class="commitments">
{{ range .commitments }}<li id="{{ .id }}">{{ .text }}{{ if or .due .status }}<dl class="delivery">{{ with .status }}<div><dt>Status</dt><dd>{{ . }}</dd></div>{{ end }}{{ with .due }}<div><dt>Due</dt><dd>{{ . }}</dd></div>{{ end }}</dl>{{ end }}</li>
{{ end }}</ul></section>{{ end }}
<nav class="pager" aria-label="Previous and next priority"><ul>
{{ with .PrevInSection }}<li><a href="{{ .RelPermalink }}" rel="prev">{{ .Title }}</a></li>{{ end }}
{{ with .NextInSection }}<li><a href="{{ .RelPermalink }}" rel="next">{{ .Title }}</a></li>{{ end }}
</ul></nav>
{{ end }}
"##;

const HUGO_LIST: &str = r##"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{ with .Params.outcomes }}<ul class="outcomes">{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
<ol class="priorities">
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ol>
{{ end }}
"##;

const HUGO_HOME: &str = r##"{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
{{ .Content }}
{{ range .Site.Sections }}<section><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ol></section>
{{ end }}
{{ end }}
"##;

const HUGO_404: &str = r##"{{ define "main" }}
<h1>Page not found</h1>
<p><a href="/">Go to the home page</a></p>
{{ end }}
"##;
