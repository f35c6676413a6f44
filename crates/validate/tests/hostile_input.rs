//! Bad input through `validate()`: a folder of the clean example factories with unreadable
//! entries mixed in. Each bad entry is one `parse-error` on itself; the clean files are checked
//! exactly as without them; nothing throws, panics or hangs.

use std::path::Path;

use fixture_validate::{Options, Report, SchemaOption, validate};
use fixture_test_support::{copy_dir, examples};

fn run(factories: &Path) -> Report {
    let options = Options {
        cwd: factories.to_path_buf(),
        schema: Some(SchemaOption::Path(examples().join("prisma/schema.prisma"))),
        factories: vec![factories.display().to_string()],
        ..Default::default()
    };
    validate(&options).expect("a report, not an error")
}

#[test]
fn bad_entries_are_diagnostics_on_themselves_and_hide_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    copy_dir(&examples().join("src/fixtures/db"), &db);
    let clean = run(&db);
    assert!(clean.ok, "{:?}", clean.diagnostics);

    std::fs::write(db.join("utf16.ts"), b"\xFF\xFEe\0x\0").unwrap();
    std::fs::write(db.join("bom.ts"), "\u{FEFF}export const a: number = 1;\n").unwrap();
    std::fs::File::create(db.join("huge.ts")).unwrap().set_len(50 << 20).unwrap();
    let deep = format!("export const x = {}1{};\n", "{ a: ".repeat(10_000), " }".repeat(10_000));
    std::fs::write(db.join("deep.ts"), deep).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink(db.join("missing.ts"), db.join("dangling.ts")).unwrap();
        symlink(db.join("loop-b.ts"), db.join("loop-a.ts")).unwrap();
        symlink(db.join("loop-a.ts"), db.join("loop-b.ts")).unwrap();
        symlink(&db, db.join("back-up")).unwrap();
    }

    let report = run(&db);
    assert_eq!(report.factories.len(), clean.factories.len());
    let mut bad: Vec<(String, u32, &str)> = report
        .diagnostics
        .iter()
        .map(|d| (Path::new(&d.file).file_name().unwrap().to_string_lossy().into_owned(), d.line, d.code.as_str()))
        .collect();
    bad.sort();
    let mut expected = vec![("deep.ts".to_string(), 1, "parse-error"), ("huge.ts".into(), 1, "parse-error"), ("utf16.ts".into(), 1, "parse-error")];
    if cfg!(unix) {
        expected.extend([
            ("back-up".to_string(), 1, "parse-error"),
            ("dangling.ts".into(), 1, "parse-error"),
            ("loop-a.ts".into(), 1, "parse-error"),
            ("loop-b.ts".into(), 1, "parse-error"),
        ]);
    }
    expected.sort();
    assert_eq!(bad, expected, "{:#?}", report.diagnostics);
    let message = |name: &str| report.diagnostics.iter().find(|d| d.file.ends_with(name)).map(|d| d.message.clone()).unwrap();
    assert!(message("utf16.ts").contains("not UTF-8 text (byte 0xff"));
    assert!(message("huge.ts").contains("files over 10485760 bytes"));
    assert!(message("deep.ts").contains("levels are not analysed"));
    // Every diagnostic of an unreadable file says what to do.
    assert!(report.diagnostics.iter().all(|d| d.help.as_deref().is_some_and(|h| !h.is_empty())));
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_a_diagnostic() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.ts");
    std::fs::write(&locked, "export const a = 1;\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        return; // running as root: permissions do not stop reads here
    }
    let report = run(dir.path());
    assert_eq!(report.diagnostics.len(), 1);
    assert!(report.diagnostics[0].message.contains("Permission denied"));
    assert!(report.diagnostics[0].help.as_deref().unwrap().contains("make it readable"));
}
