//! `fixture-native doctor`: the environment faults behind broken fixtures (TypeScript targets,
//! Prisma client freshness, the id import chain, runner wiring).
//!
//! Exit codes: 0 no error (warnings allowed), 1 errors found, 2 bad usage or a missing path.

use std::path::{Path, PathBuf};

use fixture_doctor::{Options, doctor, report};

use crate::{CliOutput, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One block per finding with its fix, then a summary.
    Pretty,
    /// The whole report as JSON.
    Json,
    /// The audit tables (tsconfigs, Prisma clients, id chain) and the findings, as Markdown.
    Markdown,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace root, or a folder inside it: the root is found upwards, as the package managers find it (default: the working directory).
    #[arg(long, value_name = "DIR")]
    root: Option<PathBuf>,
    /// The factories folder (default: "factories" of fixture-native.config.json).
    #[arg(long, value_name = "DIR")]
    factories: Option<PathBuf>,
    /// The package the factories import the id function from.
    #[arg(long, value_name = "NAME", default_value = "@vrooli/shared")]
    id_package: String,
    /// The id function's name.
    #[arg(long, value_name = "NAME", default_value = "generatePK")]
    id_export: String,
    /// The Prisma schema (default: found in each package as the Prisma CLI does).
    #[arg(long, value_name = "PATH")]
    schema: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "pretty")]
    format: Format,
    /// Write the output to this file (inside the working directory) instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(args: Args, cwd: &Path) -> CliOutput {
    let root = args
        .root
        .as_ref()
        .map(|r| cwd.join(r))
        .unwrap_or_else(|| cwd.to_path_buf());
    let options = Options {
        root: root.clone(),
        factories: args.factories.as_ref().map(|f| cwd.join(f)),
        id_package: args.id_package,
        id_export: args.id_export,
        schema: args.schema.as_ref().map(|s| cwd.join(s)),
    };
    let report = match doctor(&options) {
        Ok(r) => r,
        Err(e) => return CliOutput::usage_error(format!("fixture-native doctor: {e}\n")),
    };
    let text = match args.format {
        // Run inside a package, say which root the paths below are relative to.
        Format::Pretty if !Path::new(&report.root).eq(&cwd.canonicalize().unwrap_or_else(|_| cwd.to_path_buf())) => {
            format!("workspace root: {} (paths are relative to it)\n\n{}", report.root, report::pretty(&report))
        }
        Format::Pretty => report::pretty(&report),
        Format::Json => report::json(&report),
        Format::Markdown => report::markdown(&report),
    };
    let exit_code = if report.ok { EXIT_OK } else { EXIT_FINDINGS };
    match args.out {
        Some(out) => match fixture_write::write_within(cwd, &cwd.join(&out), text.as_bytes()) {
            Ok(()) => CliOutput {
                stdout: String::new(),
                stderr: format!("wrote {}\n", out.display()),
                exit_code,
            },
            Err(e) => CliOutput {
                stdout: String::new(),
                stderr: format!("fixture-native doctor: {e}\n"),
                exit_code: EXIT_USAGE,
            },
        },
        None => CliOutput {
            stdout: text,
            stderr: String::new(),
            exit_code,
        },
    }
}
