//! Smoke test on a real fixture folder, when one is given (never committed here):
//! `FIXTURE_NATIVE_SMOKE_DIR=<fixtures folder> FIXTURE_NATIVE_SMOKE_SCHEMA=<schema.prisma>`.
//! Every file must parse and every factory class be recognised; counts by code are printed.

use std::collections::BTreeMap;
use std::path::PathBuf;

use fixture_validate::{Options, SchemaOption, validate};

#[test]
fn real_fixture_folder_parses_and_factories_are_recognised() {
    let (Some(dir), Some(schema)) = (std::env::var_os("FIXTURE_NATIVE_SMOKE_DIR"), std::env::var_os("FIXTURE_NATIVE_SMOKE_SCHEMA")) else {
        eprintln!("skipped: set FIXTURE_NATIVE_SMOKE_DIR and FIXTURE_NATIVE_SMOKE_SCHEMA to run the smoke test");
        return;
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
    if let Some(n) = std::env::var("FIXTURE_NATIVE_SMOKE_FACTORIES").ok().and_then(|n| n.parse::<usize>().ok()) {
        assert_eq!(report.factories.len(), n, "{:#?}", report.factories.iter().map(|f| &f.class_name).collect::<Vec<_>>());
    }
}
