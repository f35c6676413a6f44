//! `fixture-native diff <old-schema> <new-schema> [--factories DIR]`: the changes between two
//! schemas and, with factories (or a config), the exact lines each change breaks. Either side
//! may come from git: `git:REV:path` (path relative to the working directory, read with
//! `git show`; with `--git-dir` or `GIT_DIR`, from that repository's root, a bare one too).
//!
//! Exit codes: 0 nothing breaks, 1 the new schema adds errors in the factories, 2 bad usage,
//! an unreadable or invalid schema, or a failed `git show`.

use std::path::{Path, PathBuf};

use fixture_maintain::diff::{Change, SchemaDiff, Side, diff_sides};
use fixture_validate::report::display_path;
use fixture_validate::{Diagnostic, Options};

use crate::{CliOutput, EXIT_FINDINGS, EXIT_OK};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text for a terminal.
    Pretty,
    /// Markdown, to post on a pull request.
    Markdown,
    /// The diff as JSON.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old schema: a .prisma file or folder, or git:REV:path.
    old: String,
    /// The new schema: a .prisma file or folder, or git:REV:path.
    new: String,
    /// Factories folder, file or glob to check against both schemas; repeatable.
    #[arg(long, value_name = "PATH|GLOB")]
    factories: Vec<String>,
    /// A fixture-native.config.json giving the factories (its schema is replaced by each side).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The base class factories extend (default EnhancedDatabaseFactory; abstract classes of the files whose subclasses name a model are bases too).
    #[arg(long, value_name = "NAME")]
    base_class: Option<String>,
    /// The repository git:REV:path sides are read from, a bare one too (default: GIT_DIR if set,
    /// else the repository around the working directory). With it, a git path is from the
    /// repository's root; without, from the working directory.
    #[arg(long, value_name = "DIR")]
    git_dir: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "pretty")]
    format: Format,
}

pub fn run(args: Args, cwd: &Path) -> CliOutput {
    let usage = |m: String| CliOutput::usage_error(format!("fixture-native diff: {m}\n"));
    let git_dir = args.git_dir.as_deref();
    let (old, new) = match (Side::read_in(&args.old, cwd, git_dir), Side::read_in(&args.new, cwd, git_dir)) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(e), _) | (_, Err(e)) => return usage(e),
    };
    let check = !args.factories.is_empty() || args.config.is_some();
    let factories = check.then(|| Options {
        cwd: cwd.to_path_buf(),
        config: args.config.clone(),
        factories: args.factories.clone(),
        base_class: args.base_class.clone(),
        ..Default::default()
    });
    let result = match diff_sides(&old, &new, factories.as_ref()) {
        Ok(r) => r,
        Err(e) => return usage(e.message),
    };
    let stdout = match args.format {
        Format::Json => serde_json::to_string_pretty(&result).unwrap_or_default() + "\n",
        Format::Pretty => pretty(&result, &args.old, &args.new, cwd),
        Format::Markdown => markdown(&result, &args.old, &args.new, cwd),
    };
    CliOutput { stdout, stderr: String::new(), exit_code: if result.breaking() > 0 { EXIT_FINDINGS } else { EXIT_OK } }
}

fn sign(c: &Change) -> char {
    if c.kind.ends_with("-added") {
        '+'
    } else if c.kind.ends_with("-removed") {
        '-'
    } else {
        '~'
    }
}

fn located(d: &Diagnostic, cwd: &Path) -> String {
    format!("{}:{}:{}", display_path(&d.file, cwd), d.line, d.column)
}

fn totals(r: &SchemaDiff) -> String {
    let new: usize = r.changes.iter().map(|c| c.breaks.len()).sum::<usize>() + r.unattributed.len();
    let files: std::collections::BTreeSet<&str> = r.changes.iter().flat_map(|c| &c.breaks).chain(&r.unattributed).map(|d| d.file.as_str()).collect();
    format!("{new} new problem{} in {} file{} ({} error{})", if new == 1 { "" } else { "s" }, files.len(), if files.len() == 1 { "" } else { "s" }, r.breaking(), if r.breaking() == 1 { "" } else { "s" })
}

fn pretty(r: &SchemaDiff, old: &str, new: &str, cwd: &Path) -> String {
    let mut out = format!("{} schema change{} from {old} to {new}\n", r.changes.len(), if r.changes.len() == 1 { "" } else { "s" });
    for c in &r.changes {
        out.push_str(&format!("\n{} {}\n", sign(c), c.description));
        for d in &c.breaks {
            out.push_str(&format!("    breaks {} {}: {}\n", located(d, cwd), d.code, d.message));
        }
    }
    if !r.unattributed.is_empty() {
        out.push_str("\nNew problems no change explains:\n");
        for d in &r.unattributed {
            out.push_str(&format!("    {} {}: {}\n", located(d, cwd), d.code, d.message));
        }
    }
    if r.factories_checked {
        out.push_str(&format!("\nFactories against the new schema: {}.\n", totals(r)));
    } else {
        out.push_str("\nFactories not checked (pass --factories or --config to see what breaks).\n");
    }
    out
}

fn markdown(r: &SchemaDiff, old: &str, new: &str, cwd: &Path) -> String {
    let mut out = format!("### Schema changes: `{old}` → `{new}`\n\n");
    if r.changes.is_empty() {
        out.push_str("No model, field or enum changes.\n");
    }
    for c in &r.changes {
        out.push_str(&format!("- {}\n", c.description));
        for d in &c.breaks {
            out.push_str(&format!("  - breaks `{}` **{}**: {}\n", located(d, cwd), d.code, d.message.replace('|', "\\|")));
        }
    }
    if !r.unattributed.is_empty() {
        out.push_str("\nNew problems no change explains:\n\n");
        for d in &r.unattributed {
            out.push_str(&format!("- `{}` **{}**: {}\n", located(d, cwd), d.code, d.message));
        }
    }
    if r.factories_checked {
        out.push_str(&format!("\nFactories against the new schema: {}.\n", totals(r)));
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    fn examples() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples").canonicalize().unwrap()
    }

    fn cli(cwd: &Path, args: &[&str]) -> crate::CliOutput {
        let args: Vec<String> = std::iter::once("diff").chain(args.iter().copied()).map(String::from).collect();
        crate::run(&args, cwd)
    }

    /// The example schema with a model renamed (keeping its table), a new required field, an
    /// enum value removed and a field retyped.
    fn changed_schema() -> String {
        let text = std::fs::read_to_string(examples().join("prisma/schema.prisma")).unwrap();
        let edits = [
            ("model tag_translation {", "model tag_text {"),
            ("translations tag_translation[]", "translations tag_text[]"),
            ("  @@unique([tagId, language])", "  @@unique([tagId, language])\n  @@map(\"tag_translation\")"),
            ("enum MemberRole {\n  Owner\n  Admin\n", "enum MemberRole {\n  Owner\n"),
            ("isPrivate     Boolean         @default(false)", "isPrivate     Int             @default(0)"),
            ("model Payment {\n", "model Payment {\n  reference   String\n"),
        ];
        edits.iter().fold(text, |t, (from, to)| {
            assert_eq!(t.matches(from).count(), 1, "{from}");
            t.replacen(from, to, 1)
        })
    }

    /// `file:line` of every line of an example factory file that contains `needle`.
    fn lines_with(file: &str, needle: &str) -> Vec<String> {
        let text = std::fs::read_to_string(examples().join(file)).unwrap();
        text.lines().enumerate().filter(|(_, l)| l.contains(needle)).map(|(i, _)| format!("{file}:{}", i + 1)).collect()
    }

    fn breaks_of(json: &serde_json::Value, description: &str, code: &str) -> Vec<String> {
        let change = json["changes"].as_array().unwrap().iter().find(|c| c["description"] == description).unwrap_or_else(|| panic!("no change {description} in {json:#}"));
        let root = examples().display().to_string() + "/";
        let mut out: Vec<String> = change["breaks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == code)
            .map(|d| format!("{}:{}", d["file"].as_str().unwrap().trim_start_matches(&root), d["line"]))
            .collect();
        out.dedup();
        out
    }

    #[test]
    fn names_each_change_and_the_factory_lines_it_breaks() {
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("schema.prisma");
        std::fs::write(&new, changed_schema()).unwrap();
        let new = new.to_str().unwrap();
        let out = cli(&examples(), &["prisma/schema.prisma", new, "--config", "fixture-native.config.json", "--format", "json"]);
        assert_eq!(out.exit_code, 1, "{}{}", out.stdout, out.stderr);
        let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        let descriptions: Vec<&str> = json["changes"].as_array().unwrap().iter().map(|c| c["description"].as_str().unwrap()).collect();
        assert_eq!(
            descriptions,
            vec![
                "field `team.isPrivate` retyped: Boolean -> Int",
                "model `tag_translation` renamed to `tag_text` (same table \"tag_translation\")",
                "field `Payment.reference` added (String, required on create)",
                "enum value `MemberRole.Admin` removed",
            ]
        );
        // Every new diagnostic is explained by one of the changes.
        assert_eq!(json["unattributed"], serde_json::json!([]));

        // The retyped field: each `isPrivate: <boolean>` written for a team.
        let mut retyped = lines_with("src/fixtures/db/TeamDbFactory.ts", "isPrivate: true");
        retyped.extend(lines_with("src/fixtures/db/TeamDbFactory.ts", "isPrivate: false"));
        retyped.sort_by_key(|l| l.rsplit(':').next().unwrap().parse::<u32>().unwrap());
        assert_eq!(breaks_of(&json, descriptions[0], "field-type-mismatch"), retyped);
        // The renamed model: the factory's super("…") and its type arguments.
        let renamed = breaks_of(&json, descriptions[1], "unknown-model");
        assert!(renamed.contains(&lines_with("src/fixtures/db/TagTranslationDbFactory.ts", "super(\"tag_translation\"")[0]), "{renamed:?}");
        let types = breaks_of(&json, descriptions[1], "unknown-prisma-type");
        assert!(types.contains(&lines_with("src/fixtures/db/TagTranslationDbFactory.ts", "Prisma.tag_translationCreateInput,")[0]), "{types:?}");
        assert_eq!(breaks_of(&json, descriptions[1], "unknown-delegate"), lines_with("src/fixtures/db/TagTranslationDbFactory.ts", "this.prisma.tag_translation"));
        // The new required field: every Payment create input that lacks it.
        let required = breaks_of(&json, descriptions[2], "missing-required-field");
        assert_eq!(required, vec!["src/fixtures/db/PaymentDbFactory.ts:20", "src/fixtures/db/PaymentDbFactory.ts:51", "src/fixtures/db/billingFixtures.ts:6"]);
        // The removed enum value: each place "Admin" is written as a member role.
        let mut admin = lines_with("src/fixtures/db/MemberDbFactory.ts", "role: \"Admin\"");
        admin.extend(lines_with("src/fixtures/db/TeamDbFactory.ts", "role: \"Admin\""));
        assert_eq!(breaks_of(&json, descriptions[3], "invalid-enum-value"), admin);

        let markdown = cli(&examples(), &["prisma/schema.prisma", new, "--config", "fixture-native.config.json", "--format", "markdown"]).stdout;
        assert!(markdown.starts_with("### Schema changes: `prisma/schema.prisma` → `"), "{markdown}");
        assert!(markdown.contains("- enum value `MemberRole.Admin` removed\n  - breaks `src/fixtures/db/MemberDbFactory.ts:"), "{markdown}");
        let pretty = cli(&examples(), &["prisma/schema.prisma", new, "--config", "fixture-native.config.json"]).stdout;
        assert!(pretty.contains("\n+ field `Payment.reference` added (String, required on create)\n    breaks src/fixtures/db/PaymentDbFactory.ts:20:"), "{pretty}");
        // Without factories: the changes only, exit 0.
        let schema_only = cli(&examples(), &["prisma/schema.prisma", new]);
        assert_eq!(schema_only.exit_code, 0);
        assert!(schema_only.stdout.contains("4 schema changes") && schema_only.stdout.contains("Factories not checked"), "{}", schema_only.stdout);
    }

    #[test]
    fn reads_a_side_from_a_bare_repository_with_git_dir() {
        let dir = tempfile::tempdir().unwrap();
        let work = dir.path().join("work");
        std::fs::create_dir_all(work.join("prisma")).unwrap();
        let git = |cwd: &Path, args: &[&str]| {
            let s = std::process::Command::new("git").args(args).current_dir(cwd).env_remove("GIT_DIR").output().unwrap();
            assert!(s.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&s.stderr));
        };
        git(&work, &["init", "-q"]);
        std::fs::copy(examples().join("prisma/schema.prisma"), work.join("prisma/schema.prisma")).unwrap();
        git(&work, &["add", "."]);
        git(&work, &["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "one"]);
        git(dir.path(), &["clone", "-q", "--bare", "work", "bare.git"]);
        // From a folder outside any work tree, as a CI job holding only the bare repository.
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::fs::write(elsewhere.join("new.prisma"), changed_schema()).unwrap();
        let out = cli(&elsewhere, &["git:HEAD:prisma/schema.prisma", "new.prisma", "--git-dir", "../bare.git", "--format", "json"]);
        assert_eq!(out.exit_code, 0, "{}", out.stderr);
        let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(json["changes"].as_array().unwrap().len(), 4);
        let help = crate::run(&["diff".to_string(), "--help".to_string()], &elsewhere);
        assert!(help.stdout.contains("--git-dir <DIR>") && help.stdout.contains("bare"), "{}", help.stdout);
    }

    #[test]
    fn old_problems_stay_old_and_a_field_s_break_is_filed_under_the_field() {
        let dir = tempfile::tempdir().unwrap();
        let factories = dir.path().join("db");
        std::fs::create_dir_all(&factories).unwrap();
        let base = "datasource db {\n  provider = \"postgresql\"\n}\n";
        // `plan` is a model and a field of user; in the new schema the model is renamed (same
        // table, listed first) and the field removed; `team` (no factory) moves down; the key of the
        // org-seat relation moves from seat to org.
        let old = format!("{base}model user {{\n  id BigInt @id\n  name String\n  plan plan?\n}}\nmodel plan {{\n  id BigInt @id\n  userId BigInt @unique\n  user user @relation(fields: [userId], references: [id])\n}}\nmodel team {{\n  id BigInt @id\n}}\nmodel org {{\n  id BigInt @id\n  seat seat?\n}}\nmodel seat {{\n  id BigInt @id\n  orgId BigInt @unique\n  org org @relation(fields: [orgId], references: [id])\n}}\n");
        let new = format!("{base}\nmodel subscription {{\n  id BigInt @id\n  userId BigInt\n  @@map(\"plan\")\n}}\nmodel user {{\n  id BigInt @id\n  name String\n}}\nmodel team {{\n  id BigInt @id\n}}\nmodel org {{\n  id BigInt @id\n  seatId BigInt? @unique\n  seat seat? @relation(fields: [seatId], references: [id])\n}}\nmodel seat {{\n  id BigInt @id\n  org org?\n}}\n");
        std::fs::write(dir.path().join("old.prisma"), old).unwrap();
        std::fs::write(dir.path().join("new.prisma"), new).unwrap();
        std::fs::write(factories.join("userFixtures.ts"), "import type { Prisma } from \"@prisma/client\";\n\nexport const withPlan: Prisma.userCreateInput = {\n    id: 1n,\n    name: \"a\",\n    plan: { create: { id: 2n } },\n};\n").unwrap();
        let out = cli(dir.path(), &["old.prisma", "new.prisma", "--factories", "db", "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}{}", out.stdout, out.stderr));
        // `team` and `user` had no factory before either: not new.
        let unattributed: Vec<&str> = json["unattributed"].as_array().unwrap().iter().map(|d| d["message"].as_str().unwrap()).collect();
        assert!(unattributed.is_empty(), "{unattributed:?}");
        let change = |d: &str| json["changes"].as_array().unwrap().iter().find(|c| c["description"] == d).unwrap_or_else(|| panic!("{d} not in {json:#}")).clone();
        let removed = change("field `user.plan` removed");
        assert_eq!(removed["breaks"].as_array().unwrap().iter().map(|d| (d["code"].as_str().unwrap(), d["line"].as_u64().unwrap())).collect::<Vec<_>>(), [("unknown-field", 6)], "{json:#}");
        assert!(change("model `plan` renamed to `subscription` (same table \"plan\")")["breaks"].as_array().unwrap().iter().all(|d| d["code"] == "missing-factory"), "{json:#}");
        // A relation whose key moved to the other model: the key list on each side.
        assert_eq!(change("relation `org.seat` changed: seat? (key on seat) -> seat? by seatId")["kind"], "relation-changed");
        assert_eq!(change("relation `seat.org` changed: org by orgId -> org? (key on org)")["kind"], "relation-changed");
    }

    #[test]
    fn reads_a_side_from_git_and_reports_bad_sides_as_usage_errors() {
        let dir = tempfile::tempdir().unwrap();
        let git = |args: &[&str]| {
            let s = std::process::Command::new("git").args(args).current_dir(dir.path()).output().unwrap();
            assert!(s.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&s.stderr));
        };
        git(&["init", "-q"]);
        std::fs::create_dir(dir.path().join("prisma")).unwrap();
        let schema = dir.path().join("prisma/schema.prisma");
        std::fs::copy(examples().join("prisma/schema.prisma"), &schema).unwrap();
        git(&["add", "."]);
        git(&["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "one"]);
        std::fs::write(&schema, changed_schema()).unwrap();
        let out = cli(dir.path(), &["git:HEAD:prisma/schema.prisma", "prisma/schema.prisma", "--format", "json"]);
        assert_eq!(out.exit_code, 0, "{}", out.stderr);
        let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(json["changes"].as_array().unwrap().len(), 4);
        let bad_rev = cli(dir.path(), &["git:no-such-rev:prisma/schema.prisma", "prisma/schema.prisma"]);
        assert_eq!(bad_rev.exit_code, 2);
        assert!(bad_rev.stderr.contains("git show failed"), "{}", bad_rev.stderr);
        assert_eq!(cli(dir.path(), &["git:HEAD", "prisma/schema.prisma"]).exit_code, 2);
        let folder = cli(dir.path(), &["git:HEAD:prisma", "prisma/schema.prisma"]);
        assert_eq!(folder.exit_code, 2);
        assert!(folder.stderr.contains("names a folder"), "{}", folder.stderr);
        assert_eq!(cli(dir.path(), &["no/such.prisma", "prisma/schema.prisma"]).exit_code, 2);
    }
}
