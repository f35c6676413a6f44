//! A session answers as a fresh `validate` would: after building, per file, and after each edit,
//! rename, delete, add and schema break in a copy of the bundled example.

use std::path::Path;

use fixture_validate::session::Session;
use fixture_validate::{Options, Report, validate};
use fixture_test_support::{copy_dir, examples};

fn options(dir: &Path, config: &str) -> Options {
    Options { cwd: dir.to_path_buf(), config: Some(dir.join(config)), ..Default::default() }
}

/// What must agree between two reports (the duration differs).
fn essence(r: &Report) -> String {
    let mut r = r.clone();
    r.duration_ms = 0.0;
    serde_json::to_string_pretty(&r).unwrap()
}

fn codes(r: &Report) -> Vec<String> {
    r.diagnostics.iter().map(|d| format!("{}:{} {}", Path::new(&d.file).file_name().unwrap().to_string_lossy(), d.line, d.code)).collect()
}

#[test]
fn the_whole_report_is_validates() {
    for config in ["fixture-native.config.json", "broken.config.json", "broken-schema.config.json"] {
        let dir = examples();
        let session = Session::new(options(&dir, config)).unwrap();
        let fresh = validate(&options(&dir, config)).unwrap();
        assert_eq!(essence(&session.report()), essence(&fresh), "{config}");
    }
}

#[test]
fn check_file_gives_the_diagnostics_located_in_that_file() {
    let dir = examples();
    let mut session = Session::new(options(&dir, "broken.config.json")).unwrap();
    let fresh = validate(&options(&dir, "broken.config.json")).unwrap();
    let file = dir.join("broken/tagFixtures.ts");
    let one = session.check_file(&file, None).unwrap();
    let expected: Vec<_> = fresh.diagnostics.iter().filter(|d| Path::new(&d.file) == file).cloned().collect();
    assert!(!expected.is_empty());
    assert_eq!(one.diagnostics, expected);
    assert!(!one.ok);
    assert_eq!(one.files, 1);
    // Relative to the session's cwd, too.
    assert_eq!(session.check_file(Path::new("broken/tagFixtures.ts"), None).unwrap().diagnostics, expected);
    // Outside the configured factories: nothing.
    let outside = session.check_file(&dir.join("src/fixtures/db/TagDbFactory.ts"), None).unwrap();
    assert!(outside.diagnostics.is_empty() && outside.ok && outside.files == 0);
}

#[test]
fn an_editor_buffer_stands_in_for_the_file_without_changing_the_session() {
    let dir = examples();
    let mut session = Session::new(options(&dir, "fixture-native.config.json")).unwrap();
    let file = dir.join("src/fixtures/db/tagFixtures.ts");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(session.check_file(&file, Some(&text)).unwrap().diagnostics.is_empty());
    // A typo in a field name: unknown-field, and the field it meant is missing.
    let edited = text.replacen("tag:", "tagg:", 1);
    assert_ne!(edited, text, "the example has a `tag:` field");
    let report = session.check_file(&file, Some(&edited)).unwrap();
    assert_eq!(report.diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["missing-required-field", "unknown-field"], "{:?}", report.diagnostics);
    // A buffer that does not parse: its parse error.
    let broken = session.check_file(&file, Some("export const x = {")).unwrap();
    assert_eq!(broken.diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["parse-error"]);
    // The disk is unchanged: so is the session.
    assert!(session.check_file(&file, None).unwrap().diagnostics.is_empty());
    assert!(session.report().ok);
}

#[test]
fn updates_after_edits_renames_deletes_adds_and_schema_breaks_match_a_fresh_run() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().canonicalize().unwrap();
    copy_dir(&examples(), &dir);
    let config = "fixture-native.config.json";
    let mut session = Session::new(options(&dir, config)).unwrap();
    let agrees = |session: &Session, step: &str| {
        let fresh = validate(&options(&dir, config)).unwrap();
        assert_eq!(essence(&session.report()), essence(&fresh), "after {step}");
    };
    let tags = dir.join("src/fixtures/db/tagFixtures.ts");
    let text = std::fs::read_to_string(&tags).unwrap();

    // An edit.
    std::fs::write(&tags, text.replacen("tag:", "tagg:", 1)).unwrap();
    let u = session.update(std::slice::from_ref(&tags)).unwrap();
    assert_eq!(codes(&Report { diagnostics: u.added.clone(), ..u.report.clone() }), ["tagFixtures.ts:6 missing-required-field", "tagFixtures.ts:8 unknown-field"]);
    assert!(u.removed.is_empty());
    agrees(&session, "an edit");

    // An editor's atomic save: a temp file renamed over the original.
    let temp = dir.join("src/fixtures/db/.tagFixtures.ts.tmp");
    std::fs::write(&temp, &text).unwrap();
    std::fs::rename(&temp, &tags).unwrap();
    let u = session.update(&[temp.clone(), tags.clone()]).unwrap();
    assert!(u.added.is_empty());
    assert_eq!(u.removed.len(), 2);
    assert!(u.report.ok);
    agrees(&session, "a rename-save");

    // A deleted factory: its model has no factory now.
    let team = dir.join("src/fixtures/db/TeamTagDbFactory.ts");
    let team_text = std::fs::read_to_string(&team).unwrap();
    std::fs::remove_file(&team).unwrap();
    let u = session.update(std::slice::from_ref(&team)).unwrap();
    assert!(u.added.iter().any(|d| d.code.as_str() == "missing-factory"), "{:?}", u.added);
    agrees(&session, "a delete");

    // Added back under another name.
    let added = dir.join("src/fixtures/db/TeamTagFactory2.ts");
    std::fs::write(&added, &team_text).unwrap();
    let u = session.update(std::slice::from_ref(&added)).unwrap();
    assert!(u.removed.iter().any(|d| d.code.as_str() == "missing-factory"), "{:?}", u.removed);
    assert!(u.report.ok, "{:?}", u.report.diagnostics);
    agrees(&session, "an add");

    // A schema with a syntax error mid-edit: schema-error, and the session keeps going.
    let schema = dir.join("prisma/schema.prisma");
    let schema_text = std::fs::read_to_string(&schema).unwrap();
    std::fs::write(&schema, format!("{schema_text}\nmodel Broken {{\n  id Int @id\n")).unwrap();
    let u = session.update(std::slice::from_ref(&schema)).unwrap();
    assert!(u.report.diagnostics.iter().all(|d| d.code.as_str() == "schema-error") && !u.report.ok, "{:?}", u.report.diagnostics);
    agrees(&session, "a schema break");
    // check_file notices the schema without an update, and says why nothing else is checked.
    std::fs::write(&schema, &schema_text).unwrap();
    assert!(session.check_file(&tags, None).unwrap().ok);
    std::fs::write(&schema, format!("{schema_text}\nmodel Broken {{\n")).unwrap();
    let r = session.check_file(&tags, None).unwrap();
    assert!(r.diagnostics.iter().any(|d| d.code.as_str() == "schema-error"), "{:?}", r.diagnostics);
    std::fs::write(&schema, &schema_text).unwrap();
    let u = session.update(std::slice::from_ref(&schema)).unwrap();
    assert!(u.report.ok, "{:?}", u.report.diagnostics);
    agrees(&session, "the schema fixed");
}

#[test]
fn an_edit_of_a_shared_file_rechecks_the_files_importing_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().canonicalize().unwrap();
    copy_dir(&examples(), &dir);
    let config = "fixture-native.config.json";
    let mut session = Session::new(options(&dir, config)).unwrap();
    // The base class loses an abstract method's implementation requirement: files extending it change.
    let base = dir.join("src/fixtures/db/EnhancedDatabaseFactory.ts");
    let text = std::fs::read_to_string(&base).unwrap();
    let edited = text.replacen("protected abstract", "protected abstract extraRequirement(): void;\n  protected abstract", 1);
    assert_ne!(edited, text, "the base class has an abstract member");
    std::fs::write(&base, &edited).unwrap();
    let u = session.update(std::slice::from_ref(&base)).unwrap();
    assert!(u.added.iter().any(|d| d.code.as_str() == "missing-abstract-method"), "{:?}", u.added);
    let fresh = validate(&options(&dir, config)).unwrap();
    assert_eq!(essence(&u.report), essence(&fresh));
}

#[test]
fn a_folder_of_factories_moved_away_and_back_is_noticed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().canonicalize().unwrap();
    copy_dir(&examples(), &dir);
    let config = "broken.config.json";
    let mut session = Session::new(options(&dir, config)).unwrap();
    let folder = dir.join("broken/parse-error");
    let away = dir.join("parked");
    std::fs::rename(&folder, &away).unwrap();
    assert!(session.concerns(&folder), "a folder of analysed files gone");
    let u = session.update(std::slice::from_ref(&folder)).unwrap();
    assert!(u.removed.iter().any(|d| d.code.as_str() == "parse-error"), "{:?}", u.removed);
    std::fs::rename(&away, &folder).unwrap();
    assert!(session.concerns(&folder), "a folder moved in");
    let u = session.update(std::slice::from_ref(&folder)).unwrap();
    assert!(u.added.iter().any(|d| d.code.as_str() == "parse-error"), "{:?}", u.added);
    assert_eq!(essence(&u.report), essence(&validate(&options(&dir, config)).unwrap()));
    // A folder it knows, touched: no rebuild.
    assert!(!session.concerns(&folder));
}

#[cfg(unix)]
#[test]
fn check_file_finds_a_file_named_through_a_symlink() {
    let tmp = tempfile::tempdir().unwrap();
    let link = tmp.path().join("examples-link");
    std::os::unix::fs::symlink(examples(), &link).unwrap();
    let dir = examples();
    let mut session = Session::new(options(&dir, "broken.config.json")).unwrap();
    let direct = session.check_file(&dir.join("broken/tagFixtures.ts"), None).unwrap();
    let linked = session.check_file(&link.join("broken/tagFixtures.ts"), None).unwrap();
    assert!(!direct.diagnostics.is_empty());
    assert_eq!(linked.diagnostics, direct.diagnostics);
}

#[test]
fn a_config_that_stops_parsing_is_an_error_until_it_is_fixed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().canonicalize().unwrap();
    copy_dir(&examples(), &dir);
    let config = dir.join("fixture-native.config.json");
    let text = std::fs::read_to_string(&config).unwrap();
    let mut session = Session::new(options(&dir, "fixture-native.config.json")).unwrap();
    std::fs::write(&config, &text[..text.len() / 2]).unwrap();
    let error = session.update(std::slice::from_ref(&config)).unwrap_err();
    assert!(error.message.contains("fixture-native.config.json:"), "{}", error.message);
    // Still broken: still an error (not a stale report).
    assert!(session.check_file(&dir.join("src/fixtures/db/tagFixtures.ts"), None).is_err());
    std::fs::write(&config, &text).unwrap();
    assert!(session.update(std::slice::from_ref(&config)).unwrap().report.ok);
}
