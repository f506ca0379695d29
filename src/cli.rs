//! Command-line arguments, one subcommand per verb, and what each one runs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};

use planpress::export::large_print::typeset::Typesetter;
use planpress::export::{Output, OUTPUTS};

use planpress::BuildOptions;

/// Publishes a Police and Crime Commissioner's plan from Markdown as an accessible website.
#[derive(Debug, Parser)]
#[command(name = "planpress", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Start a new plan in a new folder: a small, complete plan to edit, and a README.
    Init(InitArgs),
    /// Add one item to the plan: an aim, a priority, a performance statement, a glossary term or a page.
    New(NewArgs),
    /// Validate the content and build the website into the output folder.
    Build(BuildArgs),
    /// Validate the content without writing anything.
    Check(CheckArgs),
    /// Build the website, serve it on 127.0.0.1, and rebuild and reload the browser on every change.
    Serve(ServeArgs),
    /// Export the plan in another format.
    Export(ExportArgs),
    /// Rewrite content files in one canonical form (key order, quoting, one sentence per line).
    Fmt(FmtArgs),
    /// Say what changed between two versions of the plan (git revisions or content folders).
    Diff(DiffArgs),
}

#[derive(Debug, Args)]
struct InitArgs {
    /// The folder to start the plan in (made if it is not there) [default: the current folder].
    #[arg(value_name = "DIR", default_value = ".")]
    dir: PathBuf,
    /// The police force area; on a terminal, asked when not given.
    #[arg(long, value_name = "NAME")]
    area: Option<String>,
    /// The Police and Crime Commissioner's name; on a terminal, asked when not given.
    #[arg(long, value_name = "NAME")]
    commissioner: Option<String>,
    /// The years the plan covers, such as 2025-2029; on a terminal, asked when not given.
    #[arg(long, value_name = "YEARS")]
    period: Option<String>,
    /// Add the starter files that are missing to a folder that is not empty (no file is ever replaced).
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Args)]
struct NewArgs {
    #[command(flatten)]
    content: ContentArgs,
    /// What to add.
    #[arg(value_enum, value_name = "KIND")]
    kind: NewKindArg,
    /// The title (a statement's measure, a glossary term's term); for a priority, the id of
    /// its aim first, which a plan without aims may leave out.
    #[arg(value_name = "TITLE", num_args = 1..=2, required = true)]
    words: Vec<String>,
    /// The id to use instead of one made from the title.
    #[arg(long, value_name = "ID")]
    id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum NewKindArg {
    /// An aim: a folder of priorities with its own page.
    Aim,
    /// A priority: planpress new priority AIM "Title".
    Priority,
    /// A performance statement: planpress new statement "Measure".
    Statement,
    /// A glossary term: planpress new term "Term".
    Term,
    /// A page: planpress new page "Title".
    Page,
    /// The next report, from the last one's statements with every figure blank: planpress new report 2021-22-q2.
    Report,
}

#[derive(Debug, Args)]
struct CheckArgs {
    #[command(flatten)]
    content: ContentArgs,
    /// Also list, for each of the contents the law requires of a police and crime plan, the
    /// files that set it out, or "missing".
    #[arg(long)]
    statutory: bool,
    /// Exit with status 1 when any of the contents the law requires is missing (implies
    /// --statutory), or when a text of a plan in more than one language is not yet translated.
    #[arg(long)]
    strict: bool,
}

#[derive(Debug, Args)]
struct FmtArgs {
    #[command(flatten)]
    content: ContentArgs,
    /// Change nothing: list the files that would change, and exit 1 if there are any.
    #[arg(long)]
    check: bool,
    /// Files or folders to format [default: the content folder].
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum DiffFormat {
    /// Text for the terminal (coloured on a terminal unless NO_COLOR is set).
    Text,
    /// Markdown, for a pull request or a Panel paper.
    Markdown,
    /// A standalone, accessible HTML page with the source diff as an appendix.
    Html,
}

#[derive(Debug, Args)]
struct DiffArgs {
    #[command(flatten)]
    content: ContentArgs,
    /// The old version: a git revision (tag, branch, commit) or a content folder.
    #[arg(value_name = "OLD", required_unless_present = "git_external")]
    old: Option<String>,
    /// The new version: a git revision or a content folder [default: the content folder, as it is now].
    #[arg(value_name = "NEW")]
    new: Option<String>,
    /// How to write the report.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    format: DiffFormat,
    /// Write the report to FILE instead of printing it.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Compare the plan in this language (one of its `languages:`, such as cy), and list the
    /// changes to the first language's text that its translation has not followed.
    #[arg(long, value_name = "LANGUAGE")]
    lang: Option<String>,
    /// Act as git's external diff command for one file: git gives the 7 (or, for a renamed
    /// file, 9) arguments itself when `diff.planpress.command` is set (see docs/reviewing.md).
    #[arg(long, num_args = 1.., value_name = "GIT_ARGS", allow_hyphen_values = true, conflicts_with_all = ["old", "new"])]
    git_external: Option<Vec<String>>,
}

/// `planpress export <name>`: one subcommand for each output in the table, with the options
/// every export shares and those of the output.
#[derive(Debug)]
struct ExportArgs {
    /// The output named by the subcommand.
    output: &'static dyn Output,
    /// Every option given, the shared ones and the output's own.
    matches: clap::ArgMatches,
}

impl clap::FromArgMatches for ExportArgs {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        let Some((name, sub)) = matches.subcommand() else {
            return Err(clap::Error::new(clap::error::ErrorKind::MissingSubcommand));
        };
        let output = planpress::export::output(name)
            .ok_or_else(|| clap::Error::new(clap::error::ErrorKind::InvalidSubcommand))?;
        Ok(ExportArgs {
            output,
            matches: sub.clone(),
        })
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Args for ExportArgs {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        use clap::{value_parser, Arg};
        let shared = [
            Arg::new("content")
                .long("content")
                .value_name("DIR")
                .default_value("content")
                .value_parser(value_parser!(PathBuf))
                .help("The folder holding the plan's Markdown files"),
            Arg::new("out")
                .long("out")
                .value_name("PATH")
                .value_parser(value_parser!(PathBuf))
                .help(format!("Where to write: a file when the output is one file, else a folder [default: the folder {}/, made in the current folder]", planpress::export::EXPORT_FOLDER)),
            Arg::new("theme")
                .long("theme")
                .value_name("NAME")
                .default_value("default")
                .help("The theme to use, from the themes/ folder"),
            Arg::new("themes-dir")
                .long("themes-dir")
                .value_name("DIR")
                .default_value("themes")
                .value_parser(value_parser!(PathBuf))
                .hide(true)
                .help("The folder holding themes"),
        ];
        OUTPUTS.iter().fold(
            cmd.subcommand_required(true).arg_required_else_help(true),
            |cmd, o| {
                cmd.subcommand(
                    clap::Command::new(o.name())
                        .about(planpress::words::capitalised(o.about()))
                        .args(shared.clone())
                        .args(o.export_args()),
                )
            },
        )
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

/// `--no-<name>` for each output that is on by default, to leave it out.
#[derive(Debug, Clone, Default)]
struct LeftOut(Vec<&'static str>);

impl clap::FromArgMatches for LeftOut {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        Ok(LeftOut(
            OUTPUTS
                .iter()
                .filter(|o| o.on_by_default())
                .filter(|o| matches.get_flag(&no_flag(o.name())))
                .map(|o| o.name())
                .collect(),
        ))
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Args for LeftOut {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        OUTPUTS
            .iter()
            .filter(|o| o.on_by_default())
            .fold(cmd, |cmd, o| {
                cmd.arg(
                    clap::Arg::new(no_flag(o.name()))
                        .long(no_flag(o.name()))
                        .action(clap::ArgAction::SetTrue)
                        .help(format!("Leave out {}", o.about())),
                )
            })
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

impl LeftOut {
    /// The outputs to make: those on by default, less these.
    fn outputs(&self) -> Vec<&'static str> {
        planpress::export::chosen(&self.0)
            .iter()
            .map(|o| o.name())
            .collect()
    }
}

/// The flag that leaves out the output named `name`.
fn no_flag(name: &str) -> String {
    format!("no-{name}")
}

#[derive(Debug, Args)]
struct ContentArgs {
    /// The folder holding the plan's Markdown files.
    #[arg(long, value_name = "DIR", default_value = "content")]
    content: PathBuf,
}

#[derive(Debug, Args)]
struct BuildArgs {
    #[command(flatten)]
    content: ContentArgs,
    /// Where to write the website (replaced atomically).
    #[arg(long, value_name = "DIR", default_value = "public")]
    out: PathBuf,
    /// The theme to use, from the themes/ folder.
    #[arg(long, value_name = "NAME", default_value = "default")]
    theme: String,
    /// The address the site will be published at (overrides the plan's base_url).
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// The folder holding themes.
    #[arg(long, value_name = "DIR", default_value = "themes", hide = true)]
    themes_dir: PathBuf,
    #[command(flatten)]
    left_out: LeftOut,
}

impl BuildArgs {
    fn options(&self) -> BuildOptions {
        BuildOptions {
            content: self.content.content.clone(),
            out: self.out.clone(),
            themes: self.themes_dir.clone(),
            theme: self.theme.clone(),
            base_url: self.base_url.clone(),
            outputs: self.left_out.outputs(),
            typesetter: Typesetter::program(),
        }
    }
}

#[derive(Debug, Args)]
struct ServeArgs {
    #[command(flatten)]
    content: ContentArgs,
    /// Where to build the preview [default: a new folder in the system's temporary folder,
    /// removed on Ctrl-C; public/ only if you pass --out public].
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The theme to use, from the themes/ folder.
    #[arg(long, value_name = "NAME", default_value = "default")]
    theme: String,
    /// The port to listen on; 0 picks a free port (the address is printed).
    #[arg(long, value_name = "PORT", default_value_t = planpress::serve::DEFAULT_PORT)]
    port: u16,
    /// The address to listen on. Any address but a loopback one lets other machines read the
    /// preview, and prints a warning.
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    #[command(flatten)]
    left_out: LeftOut,
    /// The folder holding themes.
    #[arg(long, value_name = "DIR", default_value = "themes", hide = true)]
    themes_dir: PathBuf,
}

impl ServeArgs {
    fn options(&self) -> planpress::serve::ServeOptions {
        planpress::serve::ServeOptions {
            content: self.content.content.clone(),
            out: self.out.clone(),
            themes: self.themes_dir.clone(),
            theme: self.theme.clone(),
            bind: self.bind,
            port: self.port,
            outputs: self.left_out.outputs(),
        }
    }
}

/// Runs the chosen command.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build(args) => {
            let summary = planpress::build(&args.options())?;
            for w in &summary.warnings {
                eprintln!("warning: {w}");
            }
            let mut outputs: Vec<String> = summary
                .outputs
                .iter()
                .map(|o| format!("{}: {}", o.label, o.made.as_deref().unwrap_or("not made")))
                .collect();
            if let Some(bytes) = summary.search_index_bytes {
                outputs.push(format!(
                    "search index: {}",
                    planpress::words::human_size(bytes)
                ));
            }
            println!(
                "Built {} pages ({} files) into {} in {} ms{}",
                summary.pages,
                summary.files,
                args.out.display(),
                summary.elapsed.as_millis(),
                if outputs.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", outputs.join("; "))
                }
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Check(args) => check(&args),
        Command::Init(args) => init(&args),
        Command::New(args) => new(&args),
        Command::Serve(args) => {
            // Returns only on a fatal error; a failed rebuild is reported with the same
            // `report` as a failed build, and the server keeps running.
            planpress::serve::serve(&args.options(), crate::report)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(args) => export(&args),
        Command::Fmt(args) => fmt(&args),
        Command::Diff(args) => diff(&args),
    }
}

/// `planpress check`: every problem, or a count of what the plan holds; with `--statutory`,
/// where the plan sets out each of the contents the law requires.
fn check(args: &CheckArgs) -> Result<ExitCode> {
    use planpress::words::Noun;
    let content = &args.content.content;
    // `check` never writes, so its problems end without saying that nothing was.
    let plan = match planpress::read_plan(content) {
        Ok(plan) => plan,
        Err(errors) => {
            eprint!(
                "{}",
                planpress::diagnostics::report(&errors.0, stderr_color(), "")
            );
            return Ok(ExitCode::from(1));
        }
    };
    let levels = &plan.meta.levels;
    let mut counts = Vec::new();
    if !plan.is_one_level() {
        counts.push(levels.aim.count(plan.aims.len()));
    }
    counts.push(levels.priority.count(plan.priorities().count()));
    for (noun, n) in [
        (
            Noun::new("commitment", "commitments"),
            plan.commitments().count(),
        ),
        (
            Noun::new("glossary term", "glossary terms"),
            plan.glossary.len(),
        ),
        (Noun::new("statement", "statements"), plan.statements.len()),
        (Noun::new("page", "pages"), plan.pages.len()),
    ] {
        counts.push(noun.count(n));
    }
    if !plan.reports.is_empty() {
        counts.push(Noun::new("report", "reports").count(plan.reports.len()));
    }
    println!(
        "{}: no problems found ({})",
        content.display(),
        counts.join(", ")
    );
    let untranslated = plan.untranslated();
    for language in plan.languages().iter().skip(1) {
        let missing: Vec<_> = untranslated
            .iter()
            .filter(|u| &u.language == language)
            .collect();
        if missing.is_empty() {
            println!("Every text is translated into {language}.");
            continue;
        }
        println!(
            "Not yet translated into {language} ({}; readers see the {} text with a note):",
            Noun::new("text", "texts").count(missing.len()),
            plan.languages()[0]
        );
        for u in missing {
            let file = content.join(&u.file).display().to_string();
            match &u.what {
                None => println!("  {file}: the file is missing"),
                Some(what) => println!("  {file}: {what}"),
            }
        }
    }
    let untranslated_fails = args.strict && !untranslated.is_empty();
    if untranslated_fails {
        println!("--strict: every text must be translated; translate those listed above.");
    }
    // A draft report is filled in over weeks: what it still lacks is listed, not refused.
    for report in plan.reports.iter().filter(|r| !r.is_published()) {
        if report.lacks.is_empty() {
            println!(
                "\nThe draft report {} ({}) has everything filled in: once it has been presented, set \"status: published\".",
                report.title,
                report.origin.display.display()
            );
            continue;
        }
        println!(
            "\nThe draft report {} is incomplete: {} thing{} to fill in.",
            report.title,
            report.lacks.len(),
            if report.lacks.len() == 1 { "" } else { "s" }
        );
        for d in &report.lacks {
            println!("{d}");
        }
    }
    if !(args.statutory || args.strict) {
        return Ok(ExitCode::SUCCESS);
    }
    let coverage = planpress::plan::statutory::coverage(&plan);
    println!("\nThe contents a police and crime plan must set out (Police Reform and Social Responsibility Act 2011, s.7(1)):");
    let mut missing = 0;
    for (element, covers) in &coverage {
        let places = if covers.is_empty() {
            missing += 1;
            "missing".to_string()
        } else {
            covers
                .iter()
                .map(|c| {
                    let file = content.join(&c.file).display().to_string();
                    match c.declared {
                        true => file,
                        false => format!("{file} (by its commitments)"),
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        println!(
            "  ({}) {} [{}]: {places}",
            element.paragraph(),
            element.label(),
            element.id()
        );
    }
    if missing == 0 {
        println!("Every one is set out.");
        return Ok(if untranslated_fails {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    println!(
        "{missing} of {} {} missing: add \"covers: [{}]\" to the page, aim or priority that sets {} out.",
        coverage.len(),
        if missing == 1 { "is" } else { "are" },
        coverage
            .iter()
            .filter(|(_, c)| c.is_empty())
            .map(|(e, _)| e.id())
            .collect::<Vec<_>>()
            .join(", "),
        if missing == 1 { "it" } else { "them" }
    );
    Ok(if args.strict {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// What a scaffold error means for the exit status: 2 for a value that cannot be used, 1 for
/// problems in the plan or with the files.
fn scaffold_failed(e: &planpress::scaffold::ScaffoldError) -> ExitCode {
    eprintln!("{e}");
    match e {
        planpress::scaffold::ScaffoldError::Usage { .. } => ExitCode::from(2),
        _ => ExitCode::from(1),
    }
}

/// `planpress init`: asks for what it is not given when it can (on a terminal), then writes
/// the starter plan.
fn init(args: &InitArgs) -> Result<ExitCode> {
    use planpress::scaffold::{ask, InitAnswers, QUESTIONS};
    use std::io::IsTerminal;
    let mut answers = InitAnswers::defaults();
    let given = [
        ("area", &args.area),
        ("commissioner", &args.commissioner),
        ("period", &args.period),
    ];
    for (key, value) in given {
        if let Some(v) = value {
            if let Err(e) = answers.set(key, v) {
                eprintln!("{e}\n  (from --{key})");
                return Ok(ExitCode::from(2));
            }
        }
    }
    let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    if terminal {
        let stdin = std::io::stdin();
        let mut input = stdin.lock();
        let mut output = std::io::stdout();
        for (key, question) in QUESTIONS {
            if given.iter().any(|(k, v)| *k == key && v.is_some()) {
                continue;
            }
            ask(key, question, &mut answers, &mut input, &mut output)?;
        }
    }
    match planpress::scaffold::init(&args.dir, &answers, args.force) {
        Ok(report) => {
            for p in &report.written {
                println!("wrote {}", p.display());
            }
            for p in &report.kept {
                println!("kept {} (it was already there)", p.display());
            }
            let cd = if args.dir == std::path::Path::new(".") {
                String::new()
            } else {
                format!("cd {} && ", args.dir.display())
            };
            println!(
                "Started the plan for {} in {}. Next: {cd}planpress check, then planpress serve to see it, then planpress build (README.md says more).",
                answers.area,
                args.dir.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Ok(scaffold_failed(&e)),
    }
}

/// `planpress new KIND [AIM] "Title"`: writes one file and prints its path; `planpress new
/// report ID` starts the next report and prints what to fill in.
fn new(args: &NewArgs) -> Result<ExitCode> {
    use planpress::scaffold::{new_item, NewKind, NewRequest};
    if args.kind == NewKindArg::Report {
        let [id] = args.words.as_slice() else {
            eprintln!(
                "error: planpress new report takes the report's id
  hint: planpress new report 2021-22-q2 (the second quarter of 2021/22)"
            );
            return Ok(ExitCode::from(2));
        };
        return match planpress::scaffold::new_report(&args.content.content, id) {
            Ok(made) => {
                print_new_report(&made);
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => Ok(scaffold_failed(&e)),
        };
    }
    let kind = match args.kind {
        NewKindArg::Aim => NewKind::Aim,
        NewKindArg::Priority => NewKind::Priority,
        NewKindArg::Statement => NewKind::Statement,
        NewKindArg::Term => NewKind::Term,
        NewKindArg::Page => NewKind::Page,
        NewKindArg::Report => unreachable!("handled above"),
    };
    let (aim, title) = match (kind, args.words.as_slice()) {
        (NewKind::Priority, [aim, title]) => (Some(aim.clone()), title.clone()),
        (_, [title]) => (None, title.clone()),
        (_, _) => {
            eprintln!(
                "error: planpress new {} takes one title, in quotes\n  hint: planpress new {} \"The title\"",
                kind.name(),
                kind.name()
            );
            return Ok(ExitCode::from(2));
        }
    };
    let request = NewRequest {
        kind,
        aim,
        title,
        id: args.id.clone(),
    };
    match new_item(&args.content.content, &request) {
        Ok(path) => {
            println!("{}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Ok(scaffold_failed(&e)),
    }
}

/// What `new report` made, and the checklist of what to fill in.
fn print_new_report(made: &planpress::scaffold::NewReport) {
    let from = match &made.from {
        Some(t) => format!(" from the statements of {t}"),
        None => String::new(),
    };
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    println!(
        "Started the report for {} in {}{from}: {} file{}, {} value{} to fill in.",
        made.title,
        made.folder.display(),
        made.files.len(),
        plural(made.files.len()),
        made.blanks(),
        plural(made.blanks()),
    );
    println!("\nTo fill in:");
    for (i, (path, n)) in made.files.iter().enumerate() {
        let what = match i {
            0 => "the date it goes to the Police and Crime Panel (presented) and where its figures come from (source); what the report says before its figures goes below the front matter".to_string(),
            _ => format!("{n} value{}, and the key points below the front matter", plural(*n)),
        };
        println!("  [ ] {}: {what}", path.display());
    }
    println!("\nplanpress check lists each blank with its line. When every one is filled in and the report has been presented, set \"status: published\".");
}

fn export(args: &ExportArgs) -> Result<ExitCode> {
    use anyhow::Context;
    use planpress::export::EXPORT_FOLDER;
    let start = std::time::Instant::now();
    let m = &args.matches;
    let out = m.get_one::<PathBuf>("out");
    // Where the files go is said first: making them can take a while.
    println!(
        "Exporting {} to {}",
        args.output.name(),
        match out {
            Some(path) => path.display().to_string(),
            None => format!("{EXPORT_FOLDER}/"),
        }
    );
    let path = |name: &str| m.get_one::<PathBuf>(name).cloned().unwrap_or_default();
    let plan = planpress::read_plan(&path("content"))?;
    let theme_name = m
        .get_one::<String>("theme")
        .map_or("default", String::as_str);
    let theme = planpress::theme::Theme::load(&path("themes-dir"), theme_name)?;
    let made = args.output.export(&plan, &theme, m)?;
    for w in &made.warnings {
        eprintln!("{w}");
    }
    let mut written = Vec::new();
    for (name, bytes) in &made.files {
        // A file named by --out is written where it says, into a folder that must be there;
        // otherwise the files go into a folder (--out's, or the export folder), made as
        // needed with the folders their own paths name.
        let target = match out {
            Some(file) if made.files.len() == 1 => file.clone(),
            Some(dir) => dir.join(name),
            None => Path::new(EXPORT_FOLDER).join(name),
        };
        if made.files.len() > 1 || out.is_none() {
            if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("cannot write {}", target.display()))?;
            }
        }
        planpress::write::file_atomically(&target, bytes)
            .with_context(|| format!("cannot write {}", target.display()))?;
        written.push(target.display().to_string());
    }
    println!(
        "Wrote {} ({}) in {} ms",
        written.join(", "),
        made.description,
        start.elapsed().as_millis()
    );
    Ok(ExitCode::SUCCESS)
}

/// True when standard output is a terminal and `NO_COLOR` is unset or empty.
fn stdout_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// True when standard error is a terminal and `NO_COLOR` is unset or empty.
pub fn stderr_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

fn fmt(args: &FmtArgs) -> Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![args.content.content.clone()]
    } else {
        args.paths.clone()
    };
    let report = match planpress::fmt::run(&args.content.content, &paths, args.check) {
        Ok(r) => r,
        Err(bad) => {
            eprintln!("error: {bad}");
            return Ok(ExitCode::from(2));
        }
    };
    let verb = if args.check {
        "would be reformatted"
    } else {
        "formatted"
    };
    for p in &report.changed {
        println!(
            "{} {}",
            if args.check {
                "would reformat"
            } else {
                "formatted"
            },
            p.display()
        );
    }
    eprint!(
        "{}",
        planpress::diagnostics::problem_lines(&report.errors, false)
    );
    let n = |k: usize| format!("{k} file{}", if k == 1 { "" } else { "s" });
    eprintln!(
        "{} {verb}, {} already formatted{}",
        n(report.changed.len()),
        n(report.unchanged.len()),
        if report.errors.is_empty() {
            String::new()
        } else {
            format!(
                ", {} left unchanged because of the problems above",
                n(report.errors.len())
            )
        }
    );
    let failed = !report.errors.is_empty() || (args.check && !report.changed.is_empty());
    if args.check && !report.changed.is_empty() {
        eprintln!("run planpress fmt to format them");
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn diff(args: &DiffArgs) -> Result<ExitCode> {
    use anyhow::Context;
    use planpress::compare::diff::PlanDiff;
    use planpress::compare::{self, LoadError};
    use planpress::export::diff_report;
    use planpress::render::changes::Report;
    let content = &args.content.content;
    if let Some(git_args) = &args.git_external {
        let pair = compare::file_pair(git_args, content)?;
        let words = planpress::words::Words::new(&planpress::words::Words::default_tables())?;
        print!(
            "{}",
            diff_report::git_external(&pair, &words, stdout_color())
        );
        return Ok(ExitCode::SUCCESS);
    }
    let old_spec = args.old.clone().unwrap_or_default();
    let old = compare::load_side(&old_spec, content);
    let new = match &args.new {
        Some(spec) => compare::load_side(spec, content),
        None => compare::load_source(planpress::load::git::Source::Dir(content.clone())),
    };
    let (old, new) = match (old, new) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            let mut problems = Vec::new();
            for side in [a.err(), b.err()].into_iter().flatten() {
                match side {
                    LoadError::Source(e) => {
                        eprintln!("error: {e}");
                        return Ok(ExitCode::from(2));
                    }
                    LoadError::Content(d) => problems.extend(d),
                }
            }
            eprint!(
                "{}",
                planpress::diagnostics::report(&problems, false, "no comparison was made")
            );
            return Ok(ExitCode::from(1));
        }
    };
    let (old, new, not_followed) = match &args.lang {
        None => (old, new, Vec::new()),
        Some(lang) => {
            if !new.plan.languages().iter().skip(1).any(|l| l == lang) {
                eprintln!(
                    "error: the plan has no translation into \"{lang}\"; its languages are: {}",
                    match new.plan.languages() {
                        [] => "only its own (it names no languages:)".to_string(),
                        l => l.join(", "),
                    }
                );
                return Ok(ExitCode::from(2));
            }
            let not_followed =
                planpress::plan::translations::not_followed(&old.plan, &new.plan, lang);
            let mut old = old;
            let mut new = new;
            old.plan = old.plan.in_language(lang);
            new.plan = new.plan.in_language(lang);
            (old, new, not_followed)
        }
    };
    let plan_diff = PlanDiff::between(&old.plan, &new.plan);
    // The report is in the language compared, or the plan's own.
    let words = planpress::words::Words::new(&planpress::words::Words::default_tables())?;
    let language = match (&args.lang, new.plan.languages().first()) {
        (Some(lang), _) => lang.clone(),
        (None, Some(first)) => first.clone(),
        (None, None) => planpress::words::tables::DEFAULT_LANGUAGE.to_string(),
    };
    let report = Report {
        diff: &plan_diff,
        old_label: old.source.label(),
        new_label: match &args.new {
            Some(_) => new.source.label(),
            None => words.word(&language, "diff-working-tree"),
        },
        plan_title: new.plan.meta.title.clone(),
        words: &words,
        language,
    };
    let mut text = match args.format {
        DiffFormat::Text => diff_report::text(&report, args.out.is_none() && stdout_color()),
        DiffFormat::Markdown => diff_report::markdown(&report),
        DiffFormat::Html => diff_report::html(
            &report,
            &diff_report::file_diffs(&old.files, &new.files, &plan_diff),
        ),
    };
    if let Some(lang) = &args.lang {
        text = diff_report::with_not_followed(
            text,
            args.format == DiffFormat::Html,
            args.format == DiffFormat::Markdown,
            &words,
            lang,
            &not_followed,
        );
    }
    match &args.out {
        Some(path) => {
            std::fs::write(path, text)
                .with_context(|| format!("cannot write the report to {}", path.display()))?;
            eprintln!("Wrote the report to {}", path.display());
        }
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
