//! `fixture-native generate`: writes database fixture factories for models of the Prisma schema,
//! in the house style of the project's existing factories.
//!
//! Exit codes: 0 every requested factory written (or already identical), 1 some were not (a file
//! exists without `--force`, its class name is taken in the folder, a factory of another base
//! class is in the way, or a model cannot be created: each one explained), 2 bad usage, an
//! unknown model, no or an invalid schema, no output folder.

use std::path::{Path, PathBuf};

use fixture_generate::project::{Outcome, Request, Status, run as generate_run};

use crate::{CliOutput, EXIT_FINDINGS, EXIT_OK};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per file, then a summary.
    Pretty,
    /// `{ schema, out, styleFrom, files: [{ model, file, status, notes }], durationMs }`.
    Json,
}

#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("what").required(true).multiple(true).args(["model", "all_missing"]))]
pub struct Args {
    /// A model to write a factory for; repeatable.
    #[arg(long, value_name = "NAME")]
    model: Vec<String>,
    /// Every model without a factory (the validator's coverage of the output folder).
    #[arg(long)]
    all_missing: bool,
    /// The Prisma schema: a .prisma file or a folder of them (default: from the config, else found as the Prisma CLI does).
    #[arg(long, value_name = "PATH")]
    schema: Option<PathBuf>,
    /// The factories folder to write into (default: the config's "factories" folder, else the folder holding the base class).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Replace factory files that exist (never one holding a factory of another base class).
    #[arg(long)]
    force: bool,
    /// A fixture-native.config.json (default: found from the working directory upwards).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The base class factories extend (default EnhancedDatabaseFactory).
    #[arg(long, value_name = "NAME")]
    base_class: Option<String>,
    /// Import specifier of the base class (default: as the existing factories import it).
    #[arg(long, value_name = "SPECIFIER")]
    base_import: Option<String>,
    /// Import specifier of DbTestFixtures (default: as the existing factories import it).
    #[arg(long, value_name = "SPECIFIER")]
    fixtures_import: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "pretty")]
    format: Format,
}

pub fn run(args: Args, cwd: &Path) -> CliOutput {
    // --all-missing reads the factories already in the folder: a folder that is not there is a
    // mistyped --out (the validator's own message would name its factories option).
    if let Some(out) = &args.out
        && args.all_missing
        && !cwd.join(out).is_dir()
    {
        return CliOutput::usage_error(format!(
            "fixture-native generate: --out {}: no such folder (--all-missing compares the schema with the factories in it): correct the path, or create the folder first\n",
            out.display()
        ));
    }
    let request = Request {
        cwd: cwd.to_path_buf(),
        config: args.config,
        schema: args.schema,
        schema_source: None,
        out: args.out,
        models: args.model,
        all_missing: args.all_missing,
        force: args.force,
        base_class: args.base_class,
        base_import: args.base_import,
        fixtures_import: args.fixtures_import,
    };
    let outcome = match generate_run(&request) {
        Ok(outcome) => outcome,
        Err(error) => {
            let prefix = format!("{}{}", cwd.display(), std::path::MAIN_SEPARATOR);
            return CliOutput::usage_error(format!("fixture-native generate: {}\n", error.0.replace(&prefix, "")));
        }
    };
    let complete = outcome.files.iter().all(|f| matches!(f.status, Status::Written | Status::Unchanged));
    let stdout = match args.format {
        Format::Json => serde_json::to_string_pretty(&outcome).unwrap_or_default() + "\n",
        Format::Pretty => pretty(&outcome, cwd),
    };
    CliOutput { stdout, stderr: String::new(), exit_code: if complete { EXIT_OK } else { EXIT_FINDINGS } }
}

fn pretty(outcome: &Outcome, cwd: &Path) -> String {
    let shown = |path: &str| match Path::new(path).strip_prefix(cwd) {
        Ok(relative) if relative.as_os_str().is_empty() => ".".to_string(),
        Ok(relative) => relative.display().to_string(),
        Err(_) => path.to_string(),
    };
    let mut out = String::new();
    let style = outcome.style_from.as_deref().map(|f| format!("the style of {}", shown(f))).unwrap_or_else(|| "the default style".into());
    out.push_str(&format!("Generating into {} ({style})\n", shown(&outcome.out)));
    for file in &outcome.files {
        let (label, target) = match file.status {
            Status::Written => ("wrote", file.file.as_deref().map(shown)),
            Status::Unchanged => ("up to date", file.file.as_deref().map(shown)),
            Status::Exists => ("skipped", file.file.as_deref().map(shown)),
            Status::Failed => ("failed", None),
        };
        out.push_str(&format!("  {label:<10} {}{}\n", file.model, target.map(|t| format!(" -> {t}")).unwrap_or_default()));
        for note in &file.notes {
            out.push_str(&format!("             {note}\n"));
        }
    }
    let count = |status| outcome.files.iter().filter(|f| f.status == status).count();
    out.push_str(&format!(
        "{} written, {} up to date, {} skipped, {} failed in {:.0} ms\n",
        count(Status::Written),
        count(Status::Unchanged),
        count(Status::Exists),
        count(Status::Failed),
        outcome.duration_ms
    ));
    out
}

#[cfg(test)]
mod tests {
    use crate::run;

    const SCHEMA: &str = "datasource db {\n  provider = \"postgresql\"\n}\nmodel account {\n  id BigInt @id\n  owner User @relation(fields: [ownerId], references: [id])\n  ownerId BigInt\n}\nmodel User {\n  id BigInt @id\n  name String @unique @db.VarChar(8)\n  accounts account[]\n}\nmodel doc {\n  id BigInt @id\n  embedding Unsupported(\"vector(3)\")\n}\n";

    fn project() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("prisma")).unwrap();
        std::fs::create_dir_all(dir.path().join("src/db")).unwrap();
        std::fs::write(dir.path().join("prisma/schema.prisma"), SCHEMA).unwrap();
        std::fs::write(dir.path().join("src/db/Base.ts"), "export abstract class EnhancedDatabaseFactory<A, B, C, D> { protected generateId(): bigint { return BigInt(1); } }\n").unwrap();
        dir
    }

    fn cli(dir: &std::path::Path, args: &[&str]) -> crate::CliOutput {
        let args: Vec<String> = std::iter::once("generate").chain(args.iter().copied()).map(String::from).collect();
        run(&args, dir)
    }

    #[test]
    fn a_missing_out_folder_with_all_missing_names_out() {
        let dir = project();
        let out = cli(dir.path(), &["--all-missing", "--out", "src/no-such-folder"]);
        assert_eq!(out.exit_code, 2);
        assert!(out.stderr.contains("--out src/no-such-folder: no such folder"), "{}", out.stderr);
        assert!(!out.stderr.contains("factories option"), "{}", out.stderr);
    }

    #[test]
    fn writes_into_the_base_class_folder_and_never_overwrites_without_force() {
        let dir = project();
        let first = cli(dir.path(), &["--model", "account"]);
        assert_eq!(first.exit_code, 0, "{}{}", first.stdout, first.stderr);
        let file = dir.path().join("src/db/AccountDbFactory.ts");
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("import { EnhancedDatabaseFactory } from \"./Base.js\";"), "{text}");
        assert!(text.contains("super(\"account\", prisma);"));
        assert!(first.stdout.contains("wrote      account -> src/db/AccountDbFactory.ts"), "{}", first.stdout);
        // Same text again: up to date. Different text without --force: left alone, exit 1.
        assert_eq!(cli(dir.path(), &["--model", "account"]).exit_code, 0);
        std::fs::write(&file, "// edited by hand\n").unwrap();
        let again = cli(dir.path(), &["--model", "account"]);
        assert_eq!(again.exit_code, 1);
        assert!(again.stdout.contains("pass --force"), "{}", again.stdout);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "// edited by hand\n");
        assert_eq!(cli(dir.path(), &["--model", "account", "--force"]).exit_code, 0);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    }

    #[test]
    fn all_missing_uses_the_validators_coverage_and_explains_what_cannot_be_created() {
        let dir = project();
        let out = cli(dir.path(), &["--all-missing", "--format", "json"]);
        assert_eq!(out.exit_code, 1, "doc cannot be created: {}{}", out.stdout, out.stderr);
        let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        let statuses: Vec<(String, String)> = json["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["model"].as_str().unwrap().to_string(), f["status"].as_str().unwrap().to_string()))
            .collect();
        assert_eq!(statuses, [("account".into(), "written".into()), ("User".into(), "written".into()), ("doc".into(), "failed".into())]);
        assert!(json["files"][2]["notes"][0].as_str().unwrap().contains("Unsupported(\"vector(3)\")"));
        // Now only doc is missing.
        let second = cli(dir.path(), &["--all-missing", "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&second.stdout).unwrap();
        assert_eq!(json["files"].as_array().unwrap().len(), 1);
        // A file in the way whose factory names no model is explained, and left alone.
        let drifted = "import { EnhancedDatabaseFactory } from \"./Base.js\";\nexport class AccountDbFactory extends EnhancedDatabaseFactory<any, any, any, any> {\n    constructor(prisma: any) {\n        super(\"Ledger\", prisma);\n    }\n}\n";
        std::fs::write(dir.path().join("src/db/AccountDbFactory.ts"), drifted).unwrap();
        let blocked = cli(dir.path(), &["--all-missing"]);
        assert_eq!(blocked.exit_code, 1);
        assert!(blocked.stdout.contains("`AccountDbFactory` there names no model of the schema (`Ledger`): point it at `account`"), "{}", blocked.stdout);
        assert_eq!(std::fs::read_to_string(dir.path().join("src/db/AccountDbFactory.ts")).unwrap(), drifted);
    }

    #[test]
    fn never_a_second_class_of_a_taken_name_nor_force_over_another_base_class() {
        let dir = project();
        let db = dir.path().join("src/db");
        // `UserDbFactory` is a hand-written factory of another base class, in a file of another
        // name, re-exported from the folder's index; `AccountDbFactory.ts` holds a factory of a
        // third base class.
        let people = "export abstract class EnhancedDbFactory<T> { constructor(protected name: string) {} }\nexport class UserDbFactory extends EnhancedDbFactory<unknown> {\n    constructor() {\n        super(\"User\");\n    }\n}\n";
        let account = "export abstract class DatabaseFixtureFactory { constructor(protected name: string) {} }\nexport class AccountDbFactory extends DatabaseFixtureFactory {\n    constructor() {\n        super(\"account\");\n    }\n}\n";
        std::fs::write(db.join("people.ts"), people).unwrap();
        std::fs::write(db.join("index.ts"), "export { UserDbFactory } from \"./people.js\";\n").unwrap();
        std::fs::write(db.join("AccountDbFactory.ts"), account).unwrap();
        for force in [false, true] {
            let args: &[&str] = if force { &["--model", "User", "--model", "account", "--force"] } else { &["--model", "User", "--model", "account"] };
            let out = cli(dir.path(), args);
            assert_eq!(out.exit_code, 1, "{}{}", out.stdout, out.stderr);
            assert!(out.stdout.contains("`UserDbFactory` is already declared in people.ts (a class extending `EnhancedDbFactory`): generate writes no second class of that name"), "{}", out.stdout);
            assert!(out.stdout.contains("AccountDbFactory.ts holds `AccountDbFactory`, a class extending `DatabaseFixtureFactory`, not `EnhancedDatabaseFactory`"), "{}", out.stdout);
            assert!(!out.stdout.contains("pass --force"), "no --force advice over another base class: {}", out.stdout);
            assert!(!db.join("UserDbFactory.ts").exists(), "no second UserDbFactory");
            assert_eq!(std::fs::read_to_string(db.join("AccountDbFactory.ts")).unwrap(), account);
        }
        // Re-exported only (the declaring file outside the folder): still taken.
        std::fs::remove_file(db.join("people.ts")).unwrap();
        let out = cli(dir.path(), &["--model", "User"]);
        assert_eq!(out.exit_code, 1, "{}", out.stdout);
        assert!(out.stdout.contains("`UserDbFactory` is already exported from index.ts"), "{}", out.stdout);
        // The index re-exporting the very file generate writes is no conflict, before and after.
        std::fs::write(db.join("index.ts"), "export { UserDbFactory } from \"./UserDbFactory.js\";\n").unwrap();
        let first = cli(dir.path(), &["--model", "User"]);
        assert_eq!(first.exit_code, 0, "{}", first.stdout);
        let again = cli(dir.path(), &["--model", "User", "--force"]);
        assert_eq!(again.exit_code, 0, "{}", again.stdout);
        assert!(again.stdout.contains("up to date"), "{}", again.stdout);
        // A file of the target's own name that holds a factory of another base class, re-exported
        // from the index: named as such (not as a clash with the index).
        std::fs::write(db.join("UserDbFactory.ts"), people).unwrap();
        let other = cli(dir.path(), &["--model", "User"]);
        assert!(other.stdout.contains("UserDbFactory.ts holds `UserDbFactory`, a class extending `EnhancedDbFactory`"), "{}", other.stdout);
        assert!(!other.stdout.contains("pass --force"), "{}", other.stdout);
    }

    #[test]
    fn usage_errors_exit_2() {
        let dir = project();
        assert_eq!(cli(dir.path(), &[]).exit_code, 2, "a model or --all-missing is required");
        let unknown = cli(dir.path(), &["--model", "user"]);
        assert_eq!(unknown.exit_code, 2);
        assert!(unknown.stderr.contains("did you mean `User`"), "{}", unknown.stderr);
        let name = format!("elsewhere-{}", std::process::id());
        let outside = cli(dir.path(), &["--model", "User", "--out", &format!("../{name}")]);
        assert_eq!(outside.exit_code, 1);
        assert!(outside.stdout.contains("outside the project root"), "{}{}", outside.stdout, outside.stderr);
        assert!(!dir.path().parent().unwrap().join(&name).exists(), "not even the folder is made");
        assert_eq!(cli(dir.path(), &["--model", "User", "--schema", "nope.prisma"]).exit_code, 2);
    }
}
