//! Command-line arguments, one subcommand per verb, and what each one runs.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};

use planpress::export::large_print;
use planpress::export::large_print::typeset::Typesetter;
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
    /// Validate the content and build the website into the output folder.
    Build(BuildArgs),
    /// Validate the content without writing anything.
    Check(ContentArgs),
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
    /// Act as git's external diff command for one file (see docs/reviewing.md).
    #[arg(long, num_args = 7..=9, value_name = "GIT_ARGS", allow_hyphen_values = true, conflicts_with_all = ["old", "new"])]
    git_external: Option<Vec<String>>,
}

#[derive(Debug, Args)]
struct ExportArgs {
    #[command(subcommand)]
    what: ExportCommand,
}

#[derive(Debug, Subcommand)]
enum ExportCommand {
    /// A large-print edition (UKAAF minimum standard): a tagged PDF/UA-1 file, or one HTML page.
    LargePrint(LargePrintArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LargePrintFormat {
    /// A tagged PDF (PDF/UA-1), A4 portrait.
    Pdf,
    /// One HTML page.
    Html,
}

#[derive(Debug, Args)]
struct LargePrintArgs {
    #[command(flatten)]
    content: ContentArgs,
    /// Body text size in points: 16 is the UKAAF minimum, 18 recommended, 24 giant print.
    #[arg(long, value_name = "PT", default_value = "18", value_parser = parse_size)]
    size: f64,
    /// The file to write [default: large-print.pdf or large-print.html in the current folder].
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// What to produce.
    #[arg(long, value_enum, default_value_t = LargePrintFormat::Pdf)]
    format: LargePrintFormat,
    /// Include the performance statements (as tables and lists with a summary in words).
    #[arg(long)]
    with_performance: bool,
    /// The theme whose large-print.html template to use (HTML only).
    #[arg(long, value_name = "NAME", default_value = "default")]
    theme: String,
    /// The folder holding themes.
    #[arg(long, value_name = "DIR", default_value = "themes", hide = true)]
    themes_dir: PathBuf,
}

/// Parses `--size`, refusing sizes below the UKAAF large-print minimum.
fn parse_size(text: &str) -> Result<f64, String> {
    let size: f64 = text
        .trim()
        .trim_end_matches("pt")
        .parse()
        .map_err(|_| format!("\"{text}\" is not a size in points, such as 18"))?;
    large_print::check_size(size).map_err(|e| e.to_string())
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
    /// Leave out the large-print edition (its PDF and web page), for quick builds of very
    /// large plans.
    #[arg(long)]
    no_large_print: bool,
}

impl BuildArgs {
    fn options(&self) -> BuildOptions {
        BuildOptions {
            content: self.content.content.clone(),
            out: self.out.clone(),
            themes: self.themes_dir.clone(),
            theme: self.theme.clone(),
            base_url: self.base_url.clone(),
            large_print: !self.no_large_print,
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
    /// Leave out the large-print edition (its PDF takes minutes to typeset for very large
    /// plans).
    #[arg(long)]
    no_large_print: bool,
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
            large_print: !self.no_large_print,
        }
    }
}

/// Runs the chosen command.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build(args) => {
            let summary = planpress::build(&args.options())?;
            let large_print = if args.no_large_print {
                "not made".to_string()
            } else if summary.large_print_reused {
                format!(
                    "{} pages, unchanged since the last build",
                    summary.large_print_pages
                )
            } else {
                format!(
                    "{} pages in {} ms",
                    summary.large_print_pages,
                    summary.large_print_elapsed.as_millis()
                )
            };
            println!(
                "Built {} pages ({} files) into {} in {} ms (large print PDF: {large_print})",
                summary.pages,
                summary.files,
                args.out.display(),
                summary.elapsed.as_millis(),
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Check(args) => {
            let plan = planpress::Plan::from_dir(&args.content)?;
            let commitments = plan.commitments().count();
            println!(
                "{}: no problems found ({} aims, {} priorities, {} commitments, {} glossary terms, {} statements, {} pages)",
                args.content.display(),
                plan.aims.len(),
                plan.priorities().count(),
                commitments,
                plan.glossary.len(),
                plan.statements.len(),
                plan.pages.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve(args) => {
            // Returns only on a fatal error; a failed rebuild is reported with the same
            // `report` as a failed build, and the server keeps running.
            planpress::serve::serve(&args.options(), crate::report)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(ExportArgs {
            what: ExportCommand::LargePrint(args),
        }) => export_large_print(&args),
        Command::Fmt(args) => fmt(&args),
        Command::Diff(args) => diff(&args),
    }
}

fn export_large_print(args: &LargePrintArgs) -> Result<ExitCode> {
    use anyhow::Context;
    let start = std::time::Instant::now();
    let plan = planpress::Plan::from_dir(&args.content.content)?;
    let opts = large_print::Options::new(args.size)?
        .with_performance(args.with_performance)
        .with_base_url(plan.meta.base_url.clone());
    let (bytes, what) = match args.format {
        LargePrintFormat::Pdf => {
            let pdf = large_print::pdf_with(&plan, &opts, &Typesetter::program())?;
            for w in &pdf.warnings {
                eprintln!("{w}");
            }
            let what = pdf.link().label;
            (pdf.bytes, what)
        }
        LargePrintFormat::Html => {
            let theme = planpress::theme::Theme::load(&args.themes_dir, &args.theme)?;
            let html =
                large_print::html_page(&plan, &theme, &opts, &large_print::HtmlTarget::Standalone)?;
            let what = format!("HTML, {}", large_print::human_size(html.len()));
            (html.into_bytes(), what)
        }
    };
    let out = args.out.clone().unwrap_or_else(|| {
        PathBuf::from(match args.format {
            LargePrintFormat::Pdf => "large-print.pdf",
            LargePrintFormat::Html => "large-print.html",
        })
    });
    large_print::write_file_atomically(&out, &bytes)
        .with_context(|| format!("cannot write {}", out.display()))?;
    println!(
        "Wrote {} ({} point, {what}) in {} ms",
        out.display(),
        large_print::markup::size_words(args.size),
        start.elapsed().as_millis()
    );
    Ok(ExitCode::SUCCESS)
}

/// True when standard output is a terminal and `NO_COLOR` is unset or empty.
fn stdout_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// Prints problems as `path:line:col: error: message`, each with its hint.
fn print_problems(problems: &[planpress::Diagnostic]) {
    for d in problems {
        eprintln!(
            "{}:{}:{}: error: {}",
            d.path.display(),
            d.line.max(1),
            d.column.max(1),
            d.message
        );
        if let Some(h) = &d.hint {
            eprintln!("  help: {h}");
        }
    }
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
    print_problems(&report.errors);
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
    use planpress::export::diff_report::{self, LoadError, Report};
    use planpress::plan::diff::PlanDiff;
    let content = &args.content.content;
    if let Some(git_args) = &args.git_external {
        print!(
            "{}",
            diff_report::git_external(git_args, content, stdout_color())?
        );
        return Ok(ExitCode::SUCCESS);
    }
    let old_spec = args.old.clone().unwrap_or_default();
    let old = diff_report::load_side(&old_spec, content);
    let new = match &args.new {
        Some(spec) => diff_report::load_side(spec, content),
        None => diff_report::load_source(planpress::git::Source::Dir(content.clone())),
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
            print_problems(&problems);
            eprintln!(
                "{} problem{} found in the content; no comparison was made",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            );
            return Ok(ExitCode::from(1));
        }
    };
    let plan_diff = PlanDiff::between(&old.plan, &new.plan);
    let report = Report {
        diff: &plan_diff,
        old_label: old.source.label(),
        new_label: match &args.new {
            Some(_) => new.source.label(),
            None => "the working tree".to_string(),
        },
        plan_title: new.plan.meta.title.clone(),
        files: diff_report::file_diffs(&old.files, &new.files, &plan_diff),
    };
    let text = match args.format {
        DiffFormat::Text => diff_report::text(&report, args.out.is_none() && stdout_color()),
        DiffFormat::Markdown => diff_report::markdown(&report),
        DiffFormat::Html => diff_report::html(&report),
    };
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
