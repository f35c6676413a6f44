//! The `fixture-native` command line. Parses arguments and renders results; it never prints
//! itself: the caller (the JS `bin`) writes `stdout`/`stderr` and exits with `exit_code`, so
//! the same code runs in-process and under `cargo test`.

use clap::{Parser, Subcommand};

pub mod coverage;
pub mod diff;
pub mod docs;
pub mod fix;
pub mod generate;

pub mod doctor;
pub mod id;
mod output;
pub mod project_args;
pub mod scope;
pub mod typemap;
pub mod validate;
pub mod watch;

// What every subcommand returns, apart from the dispatcher here, so that the subcommands and
// this file do not import each other.
pub use output::{CliOutput, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE};

#[derive(Debug, Parser)]
#[command(
    name = "fixture-native",
    version,
    about = "Snowflake ids, the Prisma schema type map and a fixture factory validator",
    disable_help_subcommand = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check fixture factories against the Prisma schema.
    Validate(validate::Args),
    /// Write the Prisma type map module for a schema.
    Typemap(typemap::Args),
    /// Generate or decode Snowflake ids.
    Id(id::Args),
    /// Write fixture factories for models of the schema, in the house style of the existing ones.
    Generate(generate::Args),

    /// Find the environment faults behind broken fixtures (tsconfig targets, Prisma client, id imports, runner wiring).
    Doctor(doctor::Args),

    /// Models with and without factories, their fixture categories, and the share of fields fixtures write.
    Coverage(coverage::Args),
    /// Write (or --check) a Markdown reference of every factory.
    Docs(docs::Args),
    /// What changed between two schemas, and the factory lines each change breaks.
    Diff(diff::Args),
}

/// Runs the command line `args` (without the program name). `cwd` resolves relative paths.
/// A panic (a bug) becomes exit code 2 and a message asking for a report, never a crash.
pub fn run(args: &[String], cwd: &std::path::Path) -> CliOutput {
    std::panic::catch_unwind(|| run_unguarded(args, cwd)).unwrap_or_else(|panic| {
        let what = panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_default();
        CliOutput::usage_error(format!(
            "fixture-native: internal error: {what}\nThis is a bug in fixture-native, not in your files: please report it with the command you ran.\n"
        ))
    })
}

/// `fixture-native validate --watch …`: the watch's plan, or what to print and exit with.
pub fn watch_plan(args: &[String], cwd: &std::path::Path) -> Result<watch::Plan, CliOutput> {
    let argv = std::iter::once("fixture-native".to_string()).chain(args.iter().cloned());
    match Cli::try_parse_from(argv) {
        Ok(Cli { command: Command::Validate(args) }) if args.watch => watch::plan(args, cwd),
        Ok(_) => Err(CliOutput::usage_error("fixture-native: --watch goes with validate\n")),
        Err(err) => Err(CliOutput::usage_error(err.render().to_string())),
    }
}

fn run_unguarded(args: &[String], cwd: &std::path::Path) -> CliOutput {
    // A hidden test hook: proves that a panic ends as the message above (see tests/panic.rs).
    if args.first().is_some_and(|a| a == "__panic-for-testing") {
        panic!("a panic forced by `fixture-native __panic-for-testing`");
    }
    let argv = std::iter::once("fixture-native".to_string()).chain(args.iter().cloned());
    let cli = match Cli::try_parse_from(argv) {
        Ok(cli) => cli,
        Err(err) => {
            let text = err.render().to_string();
            return match err.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => CliOutput::ok(text),
                _ => CliOutput::usage_error(text),
            };
        }
    };
    match cli.command {
        Command::Validate(args) => validate::run(args, cwd),
        Command::Typemap(args) => typemap::run(args, cwd),
        Command::Id(args) => id::run(args, cwd),
        Command::Generate(args) => generate::run(args, cwd),

        Command::Doctor(args) => doctor::run(args, cwd),

        Command::Coverage(args) => coverage::run(args, cwd),
        Command::Docs(args) => docs::run(args, cwd),
        Command::Diff(args) => diff::run(args, cwd),
    }
}
