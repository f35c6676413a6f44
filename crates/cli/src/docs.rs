//! `fixture-native docs --out FILE.md`: writes the factory reference; `--check` compares instead.
//!
//! Exit codes: 0 written / up to date, 1 `--check` found the file stale or missing, 2 bad usage,
//! unreadable input or an unwritable file.

use std::path::{Path, PathBuf};

use fixture_maintain::{docs, facts, project};

use crate::project_args::ProjectArgs;
use crate::{CliOutput, EXIT_FINDINGS, EXIT_OK};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    project: ProjectArgs,
    /// The Markdown file to write (default: standard output).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Do not write: exit 1 when --out differs from what would be written.
    #[arg(long, requires = "out")]
    check: bool,
}

pub fn run(args: Args, cwd: &Path) -> CliOutput {
    let project = match project::load(&args.project.options(cwd)) {
        Ok(p) => p,
        Err(e) => return CliOutput::usage_error(format!("fixture-native docs: {e}\n")),
    };
    let facts = facts::collect(&project.schema, &project.report.factories, &project.categories);
    let text = docs::render(&project, &facts);
    let Some(out) = args.out else { return CliOutput::ok(text) };
    let path = cwd.join(&out);
    if args.check {
        return match std::fs::read_to_string(&path) {
            Ok(existing) if existing == text => CliOutput::ok(format!("{} is up to date ({} factories).\n", out.display(), facts.len())),
            Ok(existing) => {
                let diff = similar::TextDiff::from_lines(&existing, &text);
                let shown = out.display().to_string();
                let patch = diff.unified_diff().context_radius(2).header(&shown, &format!("{shown} (generated)")).to_string();
                CliOutput {
                    stdout: patch,
                    stderr: format!("fixture-native docs: {} is stale; run `fixture-native docs --out {}` and commit it\n", out.display(), out.display()),
                    exit_code: EXIT_FINDINGS,
                }
            }
            Err(e) => CliOutput {
                stdout: String::new(),
                stderr: format!("fixture-native docs: {}: cannot read ({e}); run `fixture-native docs --out {}` first\n", out.display(), out.display()),
                exit_code: EXIT_FINDINGS,
            },
        };
    }
    match fixture_write::write_within(cwd, &path, text.as_bytes()) {
        Ok(()) => CliOutput { stdout: String::new(), stderr: format!("wrote {} ({} factories)\n", out.display(), facts.len()), exit_code: EXIT_OK },
        Err(e) => CliOutput::usage_error(format!("fixture-native docs: {e}\n")),
    }
}
