//! Command-line arguments, one subcommand per verb, and what each one runs.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};

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
}

impl BuildArgs {
    fn options(&self) -> BuildOptions {
        BuildOptions {
            content: self.content.content.clone(),
            out: self.out.clone(),
            themes: self.themes_dir.clone(),
            theme: self.theme.clone(),
            base_url: self.base_url.clone(),
        }
    }
}

/// Runs the chosen command.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build(args) => {
            let summary = planpress::build(&args.options())?;
            println!(
                "Built {} pages ({} files) into {} in {} ms",
                summary.pages,
                summary.files,
                args.out.display(),
                summary.elapsed.as_millis()
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
    }
}
