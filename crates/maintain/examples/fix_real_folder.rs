//! `--fix` on a copy of a real fixture folder (never committed here, and absent in CI, so an
//! example rather than a test): `FIXTURE_NATIVE_SMOKE_DIR=<fixtures folder>
//! FIXTURE_NATIVE_SMOKE_SCHEMA=<schema.prisma> cargo run -p fixture-maintain --example fix_real_folder`.
//! Every fixed file still parses, no foreign key rewritten to its relation is read or assigned
//! anywhere else in its file (`x.key`, `x["key"]`), a type changed to the unchecked input is the
//! declared type of a binding, and a second run fixes nothing. (tsc judges the fixed copy with
//! `scripts/vrooli-tsc-baseline.mjs`.)

use std::path::{Path, PathBuf};

#[path = "../tests/common/mod.rs"]
mod common;

use common::copy_dir;
use fixture_maintain::fix::{fix, parse_error};
use fixture_validate::{Options, SchemaOption};

/// Whether `text` reads or assigns property `key` of some object: `.key` or `["key"]`.
fn accesses(text: &str, key: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let mut from = 0;
        while let Some(at) = line[from..].find(key).map(|a| a + from) {
            let before = line[..at].trim_end();
            let after = &line[at + key.len()..];
            let whole = !after.starts_with(|c: char| c.is_alphanumeric() || c == '_');
            let member = before.ends_with('.') && !before.ends_with("..");
            let computed = (before.ends_with("[\"") || before.ends_with("['")) && (after.starts_with("\"]") || after.starts_with("']"));
            if whole && (member || computed) {
                lines.push(i + 1);
            }
            from = at + key.len();
        }
    }
    lines
}

fn main() {
    let (Some(dir), Some(schema)) = (std::env::var_os("FIXTURE_NATIVE_SMOKE_DIR"), std::env::var_os("FIXTURE_NATIVE_SMOKE_SCHEMA")) else {
        eprintln!("fix_real_folder: set FIXTURE_NATIVE_SMOKE_DIR (a fixtures folder) and FIXTURE_NATIVE_SMOKE_SCHEMA (its schema.prisma)");
        std::process::exit(2);
    };
    let work = tempfile::tempdir().unwrap();
    let root = work.path().join("fixtures");
    copy_dir(Path::new(&dir), &root);
    let root = root.canonicalize().unwrap();
    let options = Options {
        cwd: root.clone(),
        schema: Some(SchemaOption::Path(PathBuf::from(schema))),
        factories: vec![root.display().to_string()],
        ..Default::default()
    };
    let first = fix(&options, &root, false).expect("the fix run completes");
    eprintln!("{} fixes in {} files", first.fixed.len(), first.files.len());
    assert!(first.write_errors.is_empty(), "{:?}", first.write_errors);
    for file in &first.files {
        assert_eq!(parse_error(Path::new(&file.file), &file.after), None, "{}", file.file);
    }
    for d in &first.fixed {
        let text = std::fs::read_to_string(&d.file).unwrap();
        let edit = &d.fix.as_ref().unwrap().edits[0].text;
        if d.code.as_str() == "unknown-field" && edit.contains(": { connect: {") {
            // The key the rewrite removed: the message names it first.
            let key = d.message.split('`').nth(1).unwrap();
            assert_eq!(accesses(&text, key), Vec::<usize>::new(), "{}:{}: `{key}` was rewritten but is still read or assigned", d.file, d.line);
        } else if d.code.as_str() == "unknown-field" {
            assert!(edit.starts_with("Prisma.") && edit.contains("Unchecked"), "{}:{} {edit}", d.file, d.line);
        }
    }
    let second = fix(&options, &root, false).unwrap();
    assert!(second.fixed.is_empty(), "{:?}", second.fixed.iter().map(|d| format!("{}:{} {}", d.file, d.line, d.code)).collect::<Vec<_>>());
    eprintln!("fix_real_folder: every check passed");
}

#[cfg(test)]
mod tests {
    // `cargo test` runs these (`test = true` in Cargo.toml); `main` needs a real folder.
    #[test]
    fn property_accesses_are_found() {
        let text = "a.chatId = 1;\nconst b = { chatId: 2 };\nif (data[\"chatId\"]) {}\nx.chatIdentifier;\n";
        assert_eq!(super::accesses(text, "chatId"), vec![1, 3]);
    }
}
