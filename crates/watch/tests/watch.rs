//! A real watch over a copy of the bundled example: the first report, then one per change.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use fixture_validate::Options;
use fixture_validate::session::Session;
use fixture_test_support::{copy_dir, examples};

#[test]
fn edits_and_atomic_saves_each_give_one_report() {
    let tmp = tempfile::tempdir().unwrap();
    let dir: PathBuf = tmp.path().canonicalize().unwrap();
    copy_dir(&examples(), &dir);
    let started = std::time::Instant::now();
    let session = Session::new(Options { cwd: dir.clone(), config: Some(dir.join("fixture-native.config.json")), ..Default::default() }).unwrap();
    let (tx, rx) = mpsc::channel();
    let mut watch = fixture_watch::watch(session, started, Duration::from_millis(20), move |r| tx.send(r).unwrap()).unwrap();
    let next = || rx.recv_timeout(Duration::from_secs(10)).expect("a report arrives").expect("no error");
    assert!(next().update.report.ok);

    let tags = dir.join("src/fixtures/db/tagFixtures.ts");
    let text = std::fs::read_to_string(&tags).unwrap();
    std::fs::write(&tags, text.replacen("tag:", "tagg:", 1)).unwrap();
    let r = next();
    assert_eq!(r.update.added.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["missing-required-field", "unknown-field"]);
    assert_eq!(r.paths, [tags.clone()]);

    let temp = dir.join("src/fixtures/db/tagFixtures.ts.tmp-save");
    std::fs::write(&temp, &text).unwrap();
    std::fs::rename(&temp, &tags).unwrap();
    let r = next();
    assert_eq!(r.update.removed.len(), 2);
    assert!(r.update.report.ok);
    // Nothing else queued: the save was one report.
    assert!(rx.recv_timeout(Duration::from_millis(200)).is_err());
    watch.close();
}
