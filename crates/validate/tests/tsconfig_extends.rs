//! A tsconfig whose `extends` cannot be resolved (a workspace package not installed yet) is a
//! warning naming it; the run goes on and the rest of the report is kept.

use std::fs;
use std::path::Path;

use fixture_validate::{Options, SchemaOption, Severity, validate};

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("tsconfig-extends-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

const SCHEMA: &str = "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel tag {\n  id  BigInt @id\n  tag String\n}\n";
const FIXTURE: &str = "import type { Prisma } from \"@prisma/client\";\nexport const tag: Prisma.tagCreateInput = { id: 1n, tag: \"a\" };\n";

fn run(dir: &Path, tsconfig: &str) -> fixture_validate::Report {
    fs::write(dir.join("tsconfig.json"), tsconfig).unwrap();
    fs::write(dir.join("tag.ts"), FIXTURE).unwrap();
    let options = Options {
        cwd: dir.to_path_buf(),
        schema: Some(SchemaOption::Source(SCHEMA.into())),
        factories: vec![dir.join("tag.ts").display().to_string()],
        ..Default::default()
    };
    validate(&options).expect("the run goes on")
}

#[test]
fn unresolved_extends_is_a_warning_naming_the_package() {
    let dir = scratch("warning");
    let report = run(&dir, "{\n  // the workspace's shared config, not installed\n  \"extends\": \"@acme/tsconfig\"\n}\n");
    let warnings: Vec<_> = report.diagnostics.iter().filter(|d| d.message.contains("@acme/tsconfig")).collect();
    assert_eq!(warnings.len(), 1, "{:#?}", report.diagnostics);
    assert_eq!(warnings[0].severity, Severity::Warning);
    assert_eq!(warnings[0].line, 3);
    assert!(warnings[0].file.ends_with("tsconfig.json"));
    // The unknown target does not turn the `1n` into an error.
    assert!(report.ok, "{:#?}", report.diagnostics);
}

#[test]
fn a_target_in_the_readable_part_still_counts() {
    let dir = scratch("target");
    let report = run(&dir, r#"{ "extends": "@acme/tsconfig", "compilerOptions": { "target": "ES2019" } }"#);
    let codes: Vec<_> = report.diagnostics.iter().map(|d| (d.code.as_str(), d.severity)).collect();
    assert!(codes.contains(&("bigint-literal-target", Severity::Error)), "{codes:?}");
    assert!(codes.contains(&("bigint-literal-target", Severity::Warning)), "{codes:?}");
}
