//! Smoke check on a real fixture folder (never committed here, and absent in CI, so an example
//! rather than a test): `FIXTURE_NATIVE_SMOKE_DIR=<fixtures folder>
//! FIXTURE_NATIVE_SMOKE_SCHEMA=<schema.prisma> cargo run -p fixture-validate --example smoke_real_folder`.
//! Every file must parse and every factory class be recognised (`FIXTURE_NATIVE_SMOKE_FACTORIES`,
//! the expected count), every model counted as covered has a factory named after it, and
//! coverage reaches `FIXTURE_NATIVE_SMOKE_MIN_COVERAGE` models; counts by code are printed.

use std::collections::BTreeMap;
use std::path::PathBuf;

use fixture_validate::{Options, SchemaOption, validate};

fn main() {
    let (Some(dir), Some(schema)) = (std::env::var_os("FIXTURE_NATIVE_SMOKE_DIR"), std::env::var_os("FIXTURE_NATIVE_SMOKE_SCHEMA")) else {
        eprintln!("smoke_real_folder: set FIXTURE_NATIVE_SMOKE_DIR (a fixtures folder) and FIXTURE_NATIVE_SMOKE_SCHEMA (its schema.prisma)");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    let options = Options {
        cwd: dir.clone(),
        schema: Some(SchemaOption::Path(PathBuf::from(schema))),
        factories: vec![dir.display().to_string()],
        ..Default::default()
    };
    let report = validate(&options).expect("the run completes");
    let mut by_code: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &report.diagnostics {
        *by_code.entry(d.code.as_str()).or_default() += 1;
    }
    eprintln!("{} files, {} factories, {:.1} ms, coverage {}/{}", report.files, report.factories.len(), report.duration_ms, report.coverage.covered, report.coverage.total);
    eprintln!("{by_code:#?}");
    if std::env::var_os("FIXTURE_NATIVE_SMOKE_LIST").is_some() {
        for f in &report.factories {
            eprintln!("factory {} -> {:?}", f.class_name, f.model);
        }
        for d in &report.diagnostics {
            eprintln!("{}:{}:{} {} {}", d.file, d.line, d.column, d.code, d.message);
        }
    }
    assert_eq!(by_code.get("parse-error"), None, "every file parses");
    // Every model counted as covered has a factory named after it (its class name without
    // `DbFactory` is in the model's name, or starts with it, ignoring case and underscores): attribution
    // by the types and delegate names no model a factory is not about.
    let fold = |s: &str| s.chars().filter(|c| *c != '_').flat_map(char::to_lowercase).collect::<String>();
    let mut covered: Vec<&str> = report.factories.iter().filter_map(|f| f.model.as_deref()).collect();
    covered.sort_unstable();
    covered.dedup();
    for model in &covered {
        let named = report.factories.iter().filter(|f| f.model.as_deref() == Some(*model)).any(|f| {
            let stem = fold(f.class_name.trim_end_matches("DbFactory").trim_end_matches("Factory"));
            let m = fold(model);
            !stem.is_empty() && (m.contains(&stem) || stem.starts_with(&m))
        });
        assert!(named, "`{model}` is counted as covered by {:?}", report.factories.iter().filter(|f| f.model.as_deref() == Some(*model)).map(|f| &f.class_name).collect::<Vec<_>>());
    }
    if let Some(min) = std::env::var("FIXTURE_NATIVE_SMOKE_MIN_COVERAGE").ok().and_then(|n| n.parse::<usize>().ok()) {
        assert!(report.coverage.covered >= min, "coverage {}/{}: {:?} missing", report.coverage.covered, report.coverage.total, report.coverage.missing);
    }
    if let Some(n) = std::env::var("FIXTURE_NATIVE_SMOKE_FACTORIES").ok().and_then(|n| n.parse::<usize>().ok()) {
        assert_eq!(report.factories.len(), n, "{:#?}", report.factories.iter().map(|f| &f.class_name).collect::<Vec<_>>());
    }
    eprintln!("smoke_real_folder: every check passed");
}
