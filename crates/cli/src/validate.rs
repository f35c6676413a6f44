//! `fixture-native validate`: checks fixture factories against the Prisma schema.
//!
//! Exit codes: 0 clean, 1 errors (or more warnings than `--max-warnings`), 2 bad usage or
//! unreadable input (no schema, a missing factories folder, an invalid config).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fixture_validate::report::{Format, render};
use fixture_validate::{Code, Options, Report, RuleLevel, SchemaOption, Severity, validate};

use crate::{CliOutput, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE};

/// `--format`'s choices and their help, from the one list in the report module.
fn format_parser() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::TypedValueParser;
    let names = Format::ALL.map(|f| clap::builder::PossibleValue::new(f.as_str()).help(f.help()));
    clap::builder::PossibleValuesParser::new(names).map(|name: String| Format::parse(&name).expect("a possible value is a format"))
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Check only these files (as lint-staged passes them), each with its project's config; the
    /// rest of the project still gives the base classes, imports and coverage.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The Prisma schema: a .prisma file or a folder of them (default: from the config, else found as the Prisma CLI does).
    #[arg(long, value_name = "PATH")]
    schema: Option<PathBuf>,
    /// Factories folder, file or glob; repeatable (default: from the config, else the folder holding the base class).
    #[arg(long, value_name = "PATH|GLOB")]
    factories: Vec<String>,
    /// A fixture-native.config.json (default: found from the working directory upwards, or package.json "fixtureNative").
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_parser = format_parser(), default_value = "pretty")]
    pub(crate) format: Format,
    /// Exit 1 when there are more warnings than this.
    #[arg(long, value_name = "N")]
    max_warnings: Option<usize>,
    /// Report errors only.
    #[arg(long)]
    pub(crate) quiet: bool,
    /// The base class factories extend (default EnhancedDatabaseFactory; abstract classes of the files whose subclasses name a model are bases too).
    #[arg(long, value_name = "NAME")]
    base_class: Option<String>,
    /// The tsconfig.json whose target decides bigint-literal-target (default: the nearest one).
    #[arg(long, value_name = "FILE")]
    tsconfig: Option<PathBuf>,
    /// Severity of a code: CODE=error|warning|off; repeatable.
    #[arg(long, value_name = "CODE=LEVEL")]
    rule: Vec<String>,
    /// Apply every certain fix (atomically, file by file), then report what remains.
    #[arg(long, conflicts_with = "fix_dry_run")]
    fix: bool,
    /// Print the certain fixes as a unified diff instead of writing them.
    #[arg(long)]
    fix_dry_run: bool,
    /// With --fix: also regenerate this generated type map (`typemap --out`) when it is stale.
    #[arg(long, value_name = "FILE")]
    typemap: Option<PathBuf>,
    /// Keep watching: re-check what each change touches, print only what changed and the total (Ctrl-C stops).
    #[arg(long, conflicts_with_all = ["fix", "fix_dry_run", "typemap", "files", "max_warnings"])]
    pub(crate) watch: bool,
}

pub fn run(args: Args, cwd: &Path) -> CliOutput {
    if args.watch {
        // The watch never returns: the `fixture-native` bin runs it (runCli answers once).
        return CliOutput::usage_error("fixture-native validate: --watch runs from the command line (the fixture-native bin), not through runCli; from JS, use watchFactories\n");
    }
    let options = match options_of(&args, cwd) {
        Ok(o) => o,
        Err(out) => return out,
    };
    run_with(args, options, cwd)
}

/// The validator's options from the command line's.
pub(crate) fn options_of(args: &Args, cwd: &Path) -> Result<Options, CliOutput> {
    let mut rules = BTreeMap::new();
    for r in &args.rule {
        let Some((code, level)) = r.split_once('=') else {
            return Err(CliOutput::usage_error(format!("fixture-native validate: --rule takes CODE=LEVEL, got \"{r}\"\n")));
        };
        let Some(level) = RuleLevel::parse(level.trim()) else {
            return Err(CliOutput::usage_error(format!("fixture-native validate: --rule {code}: \"{level}\" is not one of error, warning, off\n")));
        };
        rules.insert(code.trim().to_string(), level);
    }
    Ok(Options {
        cwd: cwd.to_path_buf(),
        config: args.config.as_ref().map(|p| cwd.join(p)),
        schema: args.schema.as_ref().map(|p| SchemaOption::Path(cwd.join(p))),
        factories: args.factories.clone(),
        base_class: args.base_class.clone(),
        tsconfig: args.tsconfig.as_ref().map(|p| cwd.join(p)),
        rules,
        fixture_categories: None,
    })
}

fn run_with(args: Args, options: Options, cwd: &Path) -> CliOutput {
    if args.typemap.is_some() && !(args.fix || args.fix_dry_run) {
        return CliOutput::usage_error("fixture-native validate: --typemap goes with --fix or --fix-dry-run\n");
    }
    let runs = match crate::scope::runs(&options, cwd, &args.files) {
        Ok(r) => r,
        Err(e) => return CliOutput::usage_error(format!("fixture-native validate: {e}\n")),
    };
    if runs.is_empty() {
        return CliOutput { stdout: String::new(), stderr: "fixture-native validate: no TypeScript source among the files given: nothing to check\n".into(), exit_code: EXIT_OK };
    }
    if args.fix || args.fix_dry_run {
        // From a workspace root: each package's fixes in turn, the worst exit code; with files
        // named, only theirs (lint-staged's `fixture-native validate --fix`).
        return runs.iter().fold(CliOutput::default(), |mut all, run| {
            let one = crate::fix::run(&run.options, run.only.as_deref(), args.format, cwd, args.fix_dry_run, args.typemap.as_deref(), args.quiet);
            all.stdout.push_str(&one.stdout);
            all.stderr.push_str(&one.stderr);
            all.exit_code = all.exit_code.max(one.exit_code);
            all
        });
    }
    let mut reports = Vec::new();
    let mut nothing_to_check = Vec::new();
    for run in runs {
        match validate(&run.options) {
            Ok(mut r) => {
                if let Some(message) = nothing_to_check_in(&mut r, &run.options) {
                    nothing_to_check.push(message);
                }
                reports.push((r, run.only));
            }
            Err(e) => return CliOutput::usage_error(format!("fixture-native validate: {e}\n")),
        }
    }
    let mut report = crate::scope::merge(reports);
    if args.quiet {
        report.diagnostics.retain(|d| d.severity == Severity::Error);
    }
    let stdout = render(&report, args.format, cwd, args.quiet);
    let too_many_warnings = args.max_warnings.is_some_and(|max| report.warnings() > max);
    // A schema Prisma rejects is bad input (as eslint's parse errors of its config), not findings.
    let schema_invalid = report.diagnostics.iter().any(|d| d.code == Code::SchemaError);
    let exit_code = if schema_invalid || !nothing_to_check.is_empty() {
        EXIT_USAGE
    } else if report.errors() > 0 || too_many_warnings {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    };
    let mut stderr: String = nothing_to_check.iter().map(|m| format!("fixture-native validate: {m}\n")).collect();
    if schema_invalid {
        stderr.push_str("fixture-native validate: the Prisma schema is invalid: fix it first (factories are not checked against an invalid schema)\n");
    } else if too_many_warnings && report.errors() == 0 {
        stderr.push_str(&format!("fixture-native validate: {} warnings, more than --max-warnings {}\n", report.warnings(), args.max_warnings.unwrap_or(0)));
    }
    CliOutput { stdout, stderr, exit_code }
}

/// A run that found no factory class at all checked nothing a fixture test relies on (a
/// mistyped folder, the wrong base class): its one-line message, with the per-model
/// `missing-factory` warnings dropped (they would list every model). `None` when factories were
/// found, the schema is invalid, or the project turned `missing-factory` off (seed calls only).
fn nothing_to_check_in(report: &mut Report, options: &Options) -> Option<String> {
    if !report.factories.is_empty() || report.diagnostics.iter().any(|d| d.code == Code::SchemaError) {
        return None;
    }
    let cfg = fixture_validate::config::resolve(options).ok()?;
    if cfg.severity.get(&Code::MissingFactory) == Some(&RuleLevel::Off) {
        return None;
    }
    report.diagnostics.retain(|d| d.code != Code::MissingFactory);
    let patterns = if cfg.factories.is_empty() { "the default factories folder".to_string() } else { cfg.factories.iter().map(|f| format!("\"{f}\"")).collect::<Vec<_>>().join(", ") };
    Some(format!(
        "nothing to check: no factory class (`class … extends {}`) in {} files of {patterns}: pass the factories folder (--factories or \"factories\" in the config) or the base class (--base-class); in a project without factories (seed calls only), turn `missing-factory` off",
        cfg.base_class, report.files
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn examples() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples").canonicalize().unwrap()
    }

    fn cli(args: &[&str]) -> CliOutput {
        let args: Vec<String> = std::iter::once("validate").chain(args.iter().copied()).map(String::from).collect();
        crate::run(&args, &examples())
    }

    #[test]
    fn fix_with_files_named_fixes_only_those_files() {
        let files_in = |diff: &str| diff.lines().filter_map(|l| l.strip_prefix("+++ b/")).map(String::from).collect::<Vec<_>>();
        let all = cli(&["--config", "broken.config.json", "--fix-dry-run"]);
        assert!(files_in(&all.stdout).len() > 1, "the broken set has safe fixes in several files:\n{}", all.stdout);
        let one = cli(&["--config", "broken.config.json", "--fix-dry-run", "broken/tagFixtures.ts"]);
        assert_eq!(files_in(&one.stdout), vec!["broken/tagFixtures.ts".to_string()], "{}{}", one.stdout, one.stderr);
        assert_eq!(one.exit_code, 1, "the named file still has errors: {}", one.stderr);
        let none = cli(&["--config", "broken.config.json", "--fix-dry-run", "src/fixtures/db/TagDbFactory.ts"]);
        assert_eq!(files_in(&none.stdout), Vec::<String>::new(), "{}", none.stdout);
    }

    #[test]
    fn clean_example_exits_0_with_a_summary() {
        let out = cli(&["--config", "fixture-native.config.json"]);
        assert_eq!(out.exit_code, 0, "{}{}", out.stdout, out.stderr);
        assert!(out.stdout.contains("12 factories"), "{}", out.stdout);
        assert!(out.stdout.contains("coverage 12/12 (100%)"), "{}", out.stdout);
        assert!(out.stdout.contains("No problems found"), "{}", out.stdout);
    }

    #[test]
    fn broken_example_exits_1_with_tsc_style_lines_and_frames() {
        let out = cli(&["--config", "broken.config.json"]);
        assert_eq!(out.exit_code, 1);
        // A located line, its code frame with the underline, the suggestion.
        let line = "broken/tagFixtures.ts:13:5 - error unknown-field: ";
        let at = out.stdout.find(line).unwrap_or_else(|| panic!("{line} not in\n{}", out.stdout));
        let after = &out.stdout[at..];
        let frame = format!(
            "13     createdById: generatePK(), // expect: unknown-field\n   {}{}\n  suggestion: createdBy: {{ connect: {{ id: generatePK() }} }}\n",
            " ".repeat(4),
            "~".repeat("createdById: generatePK()".len())
        );
        assert!(after.contains(&frame), "{after}");
        assert!(out.stdout.contains("warning missing-factory"), "{}", out.stdout);
    }

    #[test]
    fn quiet_drops_warnings_and_max_warnings_fails_on_them() {
        let quiet = cli(&["--config", "broken.config.json", "--quiet"]);
        assert!(!quiet.stdout.contains("warning "), "{}", quiet.stdout);
        // Only warnings left (errors turned off): exit 0, unless over --max-warnings.
        let mut args = vec!["--config", "broken.config.json"];
        let offs: Vec<String> = fixture_validate::Code::ALL
            .iter()
            .filter(|c| c.default_severity() == fixture_validate::Severity::Error)
            .map(|c| format!("{c}=off"))
            .collect();
        for o in &offs {
            args.push("--rule");
            args.push(o);
        }
        assert_eq!(cli(&args).exit_code, 0);
        args.extend(["--max-warnings", "0"]);
        let over = cli(&args);
        assert_eq!(over.exit_code, 1);
        assert!(over.stderr.contains("more than --max-warnings 0"), "{}", over.stderr);
    }

    #[test]
    fn an_invalid_schema_exits_2_with_its_location() {
        let out = cli(&["--config", "broken-schema.config.json"]);
        assert_eq!(out.exit_code, 2, "{}{}", out.stdout, out.stderr);
        assert!(out.stdout.contains("broken-schema/schema.prisma:22:"), "{}", out.stdout);
        assert!(out.stderr.contains("the Prisma schema is invalid"), "{}", out.stderr);
    }

    #[test]
    fn no_factory_at_all_is_nothing_to_check_unless_missing_factory_is_off() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("prisma")).unwrap();
        std::fs::copy(examples().join("prisma/schema.prisma"), dir.path().join("prisma/schema.prisma")).unwrap();
        std::fs::create_dir_all(dir.path().join("src/fixtures")).unwrap();
        std::fs::write(dir.path().join("src/fixtures/helpers.ts"), "export const answer = 42;\n").unwrap();
        let run = |args: &[&str]| {
            let args: Vec<String> = ["validate", "--schema", "prisma/schema.prisma"].iter().chain(args).map(|s| s.to_string()).collect();
            crate::run(&args, dir.path())
        };
        let out = run(&["--factories", "src/fixtures"]);
        assert_eq!(out.exit_code, 2, "{}{}", out.stdout, out.stderr);
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
        assert!(out.stderr.contains("nothing to check: no factory class") && out.stderr.contains("turn `missing-factory` off"), "{}", out.stderr);
        assert!(!out.stdout.contains("missing-factory"), "{}", out.stdout);
        // A seed-only project that turned the rule off: a clean run.
        let off = run(&["--factories", "src/fixtures", "--rule", "missing-factory=off"]);
        assert_eq!(off.exit_code, 0, "{}{}", off.stdout, off.stderr);
        // A glob matching nothing: the same words.
        let glob = run(&["--factories", "src/**/*Factory.ts"]);
        assert_eq!(glob.exit_code, 2);
        assert!(glob.stderr.contains("nothing to check: the factories pattern"), "{}", glob.stderr);
    }

    #[test]
    fn bad_usage_and_unreadable_input_exit_2() {
        assert_eq!(cli(&["--config", "no-such.config.json"]).exit_code, 2);
        let out = cli(&["--schema", "prisma/schema.prisma", "--factories", "no/such/folder"]);
        assert_eq!(out.exit_code, 2);
        assert!(out.stderr.contains("no/such/folder"), "{}", out.stderr);
        assert_eq!(cli(&["--config", "fixture-native.config.json", "--rule", "not-a-code=off"]).exit_code, 2);
        assert_eq!(cli(&["--format", "xml"]).exit_code, 2);
    }

    #[test]
    fn machine_formats_parse_and_carry_every_diagnostic() {
        let pretty_count = {
            let dir = examples();
            let r = validate(&Options { cwd: dir.clone(), config: Some(dir.join("broken.config.json")), ..Default::default() }).unwrap();
            r.diagnostics.len()
        };
        let json: serde_json::Value = serde_json::from_str(&cli(&["--config", "broken.config.json", "--format", "json"]).stdout).unwrap();
        let messages: usize = json.as_array().unwrap().iter().map(|f| f["messages"].as_array().unwrap().len()).sum();
        assert_eq!(messages, pretty_count);
        let sarif: serde_json::Value = serde_json::from_str(&cli(&["--config", "broken.config.json", "--format", "sarif"]).stdout).unwrap();
        assert_eq!(sarif["version"], "2.1.0");
        assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), pretty_count);
        let github = cli(&["--config", "broken.config.json", "--format", "github"]).stdout;
        assert_eq!(github.lines().filter(|l| l.starts_with("::error ") || l.starts_with("::warning ")).count(), pretty_count);
        // Annotation paths are relative to the repository root (this checkout's, or GITHUB_WORKSPACE).
        let root = fixture_validate::report::annotation_root(&examples(), std::env::var_os("GITHUB_WORKSPACE"));
        let file = fixture_validate::report::display_path(&examples().join("broken/tagFixtures.ts").display().to_string(), &root);
        assert!(file.ends_with("broken/tagFixtures.ts"), "{file}");
        assert!(github.contains(&format!("::error file={file},line=13,col=5,")), "{github}");
        let junit = cli(&["--config", "broken.config.json", "--format", "junit"]).stdout;
        assert_eq!(junit.matches("<failure ").count(), pretty_count);
        assert!(junit.starts_with("<?xml"));
    }
}
