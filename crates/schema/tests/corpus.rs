//! Loads every schema of the shared corpus (`../shared/corpus/` from the repository root).
//! The DMMF comparison itself is `__test__/schema.test.mjs`; here: valid ones load, the invalid
//! one is rejected with a located diagnostic. Ignored unless asked for (`--ignored`, as CI's
//! `npm run test:rust` does): the corpus lives beside the clone, not in it.

use std::path::PathBuf;

use fixture_schema::{SchemaInput, load};

/// `../shared/corpus` from the repository root, or the folder `FIXTURE_NATIVE_CORPUS` names (a
/// worktree elsewhere). Absent: the test fails, saying where it looked.
fn corpus() -> PathBuf {
    let dir = std::env::var_os("FIXTURE_NATIVE_CORPUS").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"));
    assert!(dir.is_dir(), "the shared corpus is not at {} (put it beside the clone or set FIXTURE_NATIVE_CORPUS)", dir.display());
    dir
}

fn schema_path(entry: &std::path::Path) -> PathBuf {
    let folder = entry.join("schema");
    if folder.is_dir() { folder } else { entry.join("schema.prisma") }
}

#[test]
#[ignore = "needs the shared corpus at ../shared/corpus (run with --ignored)"]
fn every_corpus_schema_loads_except_the_invalid_one() {
    let dir = corpus();
    let mut entries: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    entries.sort();
    assert!(entries.len() >= 10, "expected the 10 corpus schemas, found {}", entries.len());
    for entry in entries {
        let name = entry.file_name().unwrap().to_string_lossy().to_string();
        let result = load(&SchemaInput::Path(schema_path(&entry)));
        if name.ends_with("-invalid") {
            let error = result.expect_err(&format!("{name} must be rejected"));
            assert!(!error.diagnostics.is_empty());
            assert!(error.diagnostics.iter().all(|d| d.line > 0 && d.file.ends_with(".prisma")));
        } else {
            let schema = result.unwrap_or_else(|e| panic!("{name}: {}", e.message));
            assert!(!schema.models.is_empty(), "{name} has models");
        }
    }
}
