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

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    fn examples() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples").canonicalize().unwrap()
    }

    fn cli(cwd: &Path, args: &[&str]) -> crate::CliOutput {
        let args: Vec<String> = std::iter::once("docs").chain(args.iter().copied()).map(String::from).collect();
        crate::run(&args, cwd)
    }

    #[test]
    fn reference_lists_every_factory_with_methods_categories_variants_and_relations() {
        let out = cli(&examples(), &["--config", "fixture-native.config.json"]);
        assert_eq!(out.exit_code, 0, "{}", out.stderr);
        let md = out.stdout;
        assert!(md.contains("12 factories for 12 of 12 models."), "{md}");
        assert_eq!(md.matches("\n## ").count(), 12);
        let team = &md[md.find("\n## TeamDbFactory\n").unwrap()..];
        let team = &team[..team[1..].find("\n## ").map_or(team.len(), |i| i + 1)];
        assert!(team.contains("Model `team`, in `src/fixtures/db/TeamDbFactory.ts:6`."), "{team}");
        assert!(team.contains("- `generateCompleteData()` (protected)\n"), "{team}");
        assert!(team.contains("- `edgeCases`: `nullConfig`, `manyMembersAtOnce`\n"), "{team}");
        assert!(team.contains("- `variants`: `privateTeam`\n"), "{team}");
        assert!(team.contains("- `minimal`\n"), "{team}");
        assert!(team.contains("- `members` → `member` by `create`, `createMany`\n"), "{team}");
        assert!(team.contains("- `creditAccount` → `credit_account` by `create`\n"), "{team}");
        // Stable: the same text from another working directory.
        let elsewhere = tempfile::tempdir().unwrap();
        let config = examples().join("fixture-native.config.json");
        assert_eq!(cli(elsewhere.path(), &["--config", config.to_str().unwrap()]).stdout, md);
        // A factory whose super("…") names no model is listed under the model its types name.
        let broken = cli(&examples(), &["--config", "broken.config.json"]).stdout;
        assert!(broken.contains("| `User` | [`UserDbFactory`](#userdbfactory) | `broken/UserDbFactory.ts:"), "{broken}");
        assert!(broken.contains("8 factories for 7 of 12 models."), "{broken}");
    }

    #[test]
    fn out_writes_and_check_reports_a_stale_or_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let config = examples().join("fixture-native.config.json");
        let config = config.to_str().unwrap();
        let missing = cli(dir.path(), &["--config", config, "--out", "FIXTURES.md", "--check"]);
        assert_eq!(missing.exit_code, 1, "{}", missing.stderr);
        assert!(!dir.path().join("FIXTURES.md").exists());
        let wrote = cli(dir.path(), &["--config", config, "--out", "FIXTURES.md"]);
        assert_eq!(wrote.exit_code, 0, "{}", wrote.stderr);
        let fresh = cli(dir.path(), &["--config", config, "--out", "FIXTURES.md", "--check"]);
        assert_eq!(fresh.exit_code, 0, "{}", fresh.stderr);
        let path = dir.path().join("FIXTURES.md");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("`privateTeam`", "`publicTeam`")).unwrap();
        let stale = cli(dir.path(), &["--config", config, "--out", "FIXTURES.md", "--check"]);
        assert_eq!(stale.exit_code, 1);
        assert!(stale.stderr.contains("FIXTURES.md is stale"), "{}", stale.stderr);
        assert!(stale.stdout.contains("-- `variants`: `publicTeam`\n+- `variants`: `privateTeam`\n"), "{}", stale.stdout);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text.replace("`privateTeam`", "`publicTeam`"), "--check never writes");
        assert_eq!(cli(dir.path(), &["--config", config, "--out", "../outside.md"]).exit_code, 2);
    }
}
