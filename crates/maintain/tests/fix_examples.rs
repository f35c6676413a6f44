//! `--fix` on a copy of the bundled broken example: exactly the safe fixes are applied, the rest
//! stays reported, a second run changes nothing, and a write that fails halfway leaves every
//! file whole (old or new).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod common;

use common::copy_dir;
use fixture_maintain::fix::{fix, parse_error};
use fixture_validate::{Diagnostic, Options, Report};

/// A fresh copy of `examples/` and the options of its broken config.
fn broken_copy() -> (tempfile::TempDir, PathBuf, Options) {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("examples");
    copy_dir(&examples, &root);
    let root = root.canonicalize().unwrap();
    let options = Options { cwd: root.clone(), config: Some(root.join("broken.config.json")), ..Default::default() };
    (dir, root, options)
}

fn snapshot(root: &Path) -> BTreeMap<PathBuf, String> {
    fn walk(dir: &Path, out: &mut BTreeMap<PathBuf, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.insert(p.clone(), std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, &mut out);
    out
}

/// A diagnostic without its position (fixes above it move it), as a comparable key.
fn key(d: &Diagnostic) -> String {
    format!("{} {} {}", d.file, d.code, d.message)
}

fn keys<'a>(ds: impl IntoIterator<Item = &'a Diagnostic>) -> Vec<String> {
    let mut k: Vec<String> = ds.into_iter().map(key).collect();
    k.sort();
    k
}

#[test]
fn fix_removes_exactly_the_safe_fixes_and_a_second_run_is_a_no_op() {
    let (_dir, root, options) = broken_copy();
    let before_files = snapshot(&root);
    let first = fix(&options, &root, false).unwrap();
    let before: &Report = &first.before;

    // What was fixed is exactly what carried a safe fix, and each such fix is one the issue lists.
    let safe: Vec<&Diagnostic> = before.diagnostics.iter().filter(|d| d.fix.as_ref().is_some_and(|f| f.safe)).collect();
    assert_eq!(keys(first.fixed.iter()), keys(safe.iter().copied()));
    let codes: std::collections::BTreeSet<&str> = first.fixed.iter().map(|d| d.code.as_str()).collect();
    // Only what changes no run-time behaviour: type names, a foreign key nothing else sees, a
    // declared type (super names, delegates and categories are suggestions).
    assert_eq!(codes.into_iter().collect::<Vec<_>>(), vec!["unknown-field", "unknown-prisma-type"]);
    assert!(first.fixed.len() >= 7, "{}", first.fixed.len());
    assert!(first.skipped.is_empty(), "{:?}", first.skipped);
    assert!(first.write_errors.is_empty(), "{:?}", first.write_errors);

    // Everything else remains: the report before, less the fixed ones. Coverage does not move:
    // a misnamed `super("user")` already covers `User` through its type arguments.
    assert_eq!(before.coverage.missing, first.remaining.coverage.missing);
    let fixed_keys = keys(first.fixed.iter());
    let mut expected: Vec<String> = keys(before.diagnostics.iter());
    for k in &fixed_keys {
        let at = expected.iter().position(|e| e == k).unwrap();
        expected.remove(at);
    }
    assert_eq!(keys(first.remaining.diagnostics.iter()), expected);
    assert!(first.remaining.diagnostics.iter().all(|d| d.fix.as_ref().is_none_or(|f| !f.safe)));

    // Only the files with fixes changed; each still parses; the edits were minimal (comments kept).
    let after_files = snapshot(&root);
    let changed: Vec<&PathBuf> = after_files.iter().filter(|(p, t)| before_files.get(*p) != Some(t)).map(|(p, _)| p).collect();
    let fixed_files: Vec<PathBuf> = first.files.iter().map(|f| PathBuf::from(&f.file)).collect();
    assert_eq!(changed.into_iter().cloned().collect::<Vec<_>>(), fixed_files);
    for p in &fixed_files {
        assert_eq!(parse_error(p, &after_files[p]), None, "{}", p.display());
        let old_markers = before_files[p].matches("// expect:").count();
        assert_eq!(after_files[p].matches("// expect:").count(), old_markers, "{}", p.display());
    }
    let tag = &after_files[&root.join("broken/tagFixtures.ts")];
    assert!(tag.contains("export const minimalTag: Prisma.tagCreateInput = { // expect: unknown-prisma-type\n"), "{tag}");
    assert!(tag.contains("    createdBy: { connect: { id: generatePK() } }, // expect: unknown-field\n"), "{tag}");
    // The declared type, where a rewrite would mix shapes with a key added later; untouched, a
    // literal whose key the file reads back, and the suggestions.
    let payment = &after_files[&root.join("broken/paymentSeeds.ts")];
    assert!(payment.contains("    const payment: Prisma.PaymentUncheckedCreateInput = {\n"), "{payment}");
    assert!(payment.contains("        userId, /* fix: safe"), "{payment}");
    for untouched in ["broken/CreditAccountOwnerDbFactory.ts", "broken/MemberDbFactory.ts", "broken/UserDbFactory.ts", "broken/TagTranslationDbFactory.ts"] {
        assert_eq!(after_files[&root.join(untouched)], before_files[&root.join(untouched)], "{untouched}");
    }

    // A second run: nothing to fix, no file touched.
    let second = fix(&options, &root, false).unwrap();
    assert!(second.fixed.is_empty(), "{:?}", second.fixed);
    assert!(second.files.is_empty());
    assert_eq!(snapshot(&root), after_files);
    assert_eq!(keys(second.remaining.diagnostics.iter()), keys(first.remaining.diagnostics.iter()));
}

#[test]
fn dry_run_writes_nothing_and_describes_the_same_fixes() {
    let (_dir, root, options) = broken_copy();
    let before_files = snapshot(&root);
    let dry = fix(&options, &root, true).unwrap();
    assert_eq!(snapshot(&root), before_files);
    assert!(dry.files.iter().all(|f| !f.written && f.before != f.after));
    let diff = fixture_maintain::fix::unified_diff(&dry.files, &root);
    assert!(diff.contains("--- a/broken/tagFixtures.ts\n+++ b/broken/tagFixtures.ts\n"), "{diff}");
    assert!(diff.contains("-    createdById: generatePK(), // expect: unknown-field\n+    createdBy: { connect: { id: generatePK() } }, // expect: unknown-field\n"), "{diff}");
    let real = fix(&options, &root, false).unwrap();
    assert_eq!(keys(real.fixed.iter()), keys(dry.fixed.iter()));
}

#[test]
fn a_write_failing_halfway_leaves_every_file_old_or_new() {
    let (_dir, root, options) = broken_copy();
    let old = snapshot(&root);
    let planned = fix(&options, &root, true).unwrap();
    let new: BTreeMap<PathBuf, String> = planned.files.iter().map(|f| (PathBuf::from(&f.file), f.after.clone())).collect();
    assert!(new.len() >= 3);
    // The second file's write fails after half its bytes reached the temporary file.
    fixture_write::fault::fail_write(2);
    let result = fix(&options, &root, false).unwrap();
    fixture_write::fault::fail_write(0);
    assert_eq!(result.write_errors.len(), 1, "{:?}", result.write_errors);
    assert!(result.write_errors[0].contains("injected failure"));
    let now = snapshot(&root);
    // No temporary file is left behind, and no file is anything but its old or its new text.
    assert_eq!(now.keys().collect::<Vec<_>>(), old.keys().collect::<Vec<_>>());
    let mut kept_old = 0;
    for (path, text) in &now {
        let is_old = *text == old[path];
        let is_new = new.get(path).is_some_and(|n| n == text);
        assert!(is_old || is_new, "{} is neither its old nor its new text", path.display());
        if new.contains_key(path) && is_old {
            kept_old += 1;
        }
    }
    assert_eq!(kept_old, 1, "exactly the failed file keeps its old text");
    let failed = result.files.iter().filter(|f| !f.written).count();
    assert_eq!(failed, 1);
}
