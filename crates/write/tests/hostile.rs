//! `fixture-write` against what goes wrong in real projects: concurrent writers and readers, a
//! writer killed mid-write, symlinks in and out of the root, folders where files should be, and
//! a root reached through a symlink. The target is whole (old or new) or untouched, every time.

use std::path::Path;

use fixture_write::{WriteError, ensure_within, project_root, write_atomically, write_within};

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn readers_never_see_a_partial_file_while_writers_race() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("map.ts");
    // Each version is one byte repeated: a torn read would mix bytes or have the wrong length.
    let size = 256 * 1024;
    write_atomically(&target, &vec![b'a'; size]).unwrap();
    let writers_done = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for writer in 0..4u8 {
            let (target, writers_done) = (&target, &writers_done);
            scope.spawn(move || {
                for round in 0..25u8 {
                    let byte = b'b' + (writer * 25 + round) % 24;
                    write_within(target.parent().unwrap(), target, &vec![byte; size]).unwrap();
                }
                writers_done.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            });
        }
        let reader = scope.spawn(|| {
            let mut reads = 0;
            while writers_done.load(std::sync::atomic::Ordering::SeqCst) < 4 || reads == 0 {
                let bytes = std::fs::read(&target).unwrap();
                assert_eq!(bytes.len(), size, "a partial file was visible");
                assert!(bytes.iter().all(|b| *b == bytes[0]), "two versions mixed in one file");
                reads += 1;
            }
            reads
        });
        assert!(reader.join().unwrap() > 0);
    });
    assert_eq!(names(dir.path()), vec!["map.ts"], "no temporary file left behind");
}

/// Run as a child by the next test: writes big files over `FIXTURE_WRITE_TARGET` forever. Not a
/// test of its own (without the variable, under `--include-ignored`, it returns at once).
#[test]
#[ignore = "a child-process role: run by a_writer_killed_mid_write_leaves_the_old_file_whole"]
fn child_writer_for_the_kill_test() {
    let Some(target) = std::env::var_os("FIXTURE_WRITE_TARGET") else { return };
    let big = vec![b'n'; 64 << 20];
    loop {
        write_atomically(Path::new(&target), &big).unwrap();
    }
}

#[test]
fn a_writer_killed_mid_write_leaves_the_old_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("map.ts");
    std::fs::write(&target, b"old contents\n").unwrap();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_writer_for_the_kill_test", "--ignored", "--nocapture", "--test-threads=1"])
        .env("FIXTURE_WRITE_TARGET", &target)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it while a temporary file is being filled (one exists beside the target).
    let started = std::time::Instant::now();
    while !names(dir.path()).iter().any(|n| n.ends_with(".tmp")) && started.elapsed().as_secs() < 20 {
        std::thread::yield_now();
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let bytes = std::fs::read(&target).unwrap();
    assert!(bytes == b"old contents\n" || (bytes.len() == 64 << 20 && bytes.iter().all(|b| *b == b'n')), "torn file: {} bytes", bytes.len());
    // What a kill leaves is a hidden temporary file (`.map.ts.*.tmp`), never a damaged target.
    assert!(names(dir.path()).iter().all(|n| n == "map.ts" || (n.starts_with(".map.ts.") && n.ends_with(".tmp"))), "{:?}", names(dir.path()));
}

#[test]
fn a_folder_at_the_target_is_an_error_and_stays() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("map.ts");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("keep.txt"), b"keep").unwrap();
    assert!(matches!(write_within(dir.path(), &folder, b"x"), Err(WriteError::Io { .. })));
    assert_eq!(std::fs::read(folder.join("keep.txt")).unwrap(), b"keep");
    assert_eq!(names(dir.path()), vec!["map.ts"]);
    // A file where a folder is expected on the way.
    std::fs::write(dir.path().join("file"), b"f").unwrap();
    assert!(matches!(write_within(dir.path(), &dir.path().join("file/map.ts"), b"x"), Err(WriteError::Io { .. })));
    // A path naming no file at all.
    assert!(write_atomically(Path::new("/"), b"x").is_err());
}

#[cfg(unix)]
#[test]
fn a_symlink_inside_the_root_is_replaced_not_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.ts");
    std::fs::write(&real, b"real").unwrap();
    let link = dir.path().join("link.ts");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    write_within(dir.path(), &link, b"new").unwrap();
    assert!(std::fs::symlink_metadata(&link).unwrap().is_file(), "the link became a file");
    assert_eq!(std::fs::read(&real).unwrap(), b"real", "the pointee is untouched");
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_root_are_refused_wherever_they_are() {
    let outside = tempfile::tempdir().unwrap();
    let root = tempfile::tempdir().unwrap();
    let r = root.path();
    std::fs::create_dir_all(r.join("a/b")).unwrap();
    // A link deep in the path, a chain of links ending outside, a dangling link pointing outside.
    std::os::unix::fs::symlink(outside.path(), r.join("a/b/out")).unwrap();
    std::os::unix::fs::symlink(r.join("a/b/out"), r.join("chain")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("not-yet.ts"), r.join("dangling.ts")).unwrap();
    for path in [r.join("a/b/out/x.ts"), r.join("chain/x.ts"), r.join("chain/new/deeper/x.ts"), r.join("dangling.ts"), r.join("a/../../x.ts")] {
        assert!(matches!(write_within(r, &path, b"x"), Err(WriteError::OutsideRoot { .. })), "{}", path.display());
    }
    assert!(names(outside.path()).is_empty(), "nothing written outside: {:?}", names(outside.path()));
    // A link that stays inside is fine.
    std::os::unix::fs::symlink(r.join("a"), r.join("inside")).unwrap();
    write_within(r, &r.join("inside/b/x.ts"), b"x").unwrap();
    assert_eq!(std::fs::read(r.join("a/b/x.ts")).unwrap(), b"x");
    let message = write_within(r, &r.join("chain/x.ts"), b"x").unwrap_err().to_string();
    assert!(message.contains("refusing to write outside the project root"), "{message}");
}

#[cfg(unix)]
#[test]
fn a_root_reached_through_a_symlink_still_contains_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real-root");
    std::fs::create_dir(&real).unwrap();
    let alias = dir.path().join("alias");
    std::os::unix::fs::symlink(&real, &alias).unwrap();
    write_within(&alias, &alias.join("x.ts"), b"x").unwrap();
    write_within(&alias, &real.join("y.ts"), b"y").unwrap();
    assert_eq!(names(&real), vec!["x.ts", "y.ts"]);
    assert!(matches!(ensure_within(&alias.join("missing-root"), &alias.join("x.ts")), Err(WriteError::Io { .. })));
}

#[cfg(unix)]
#[test]
fn keeps_the_permissions_of_the_file_it_replaces() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("gen.sh");
    std::fs::write(&script, b"#!/bin/sh\n").unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o750)).unwrap();
    write_within(dir.path(), &script, b"#!/bin/sh\necho\n").unwrap();
    assert_eq!(std::fs::metadata(&script).unwrap().permissions().mode() & 0o777, 0o750);
}

#[cfg(unix)]
#[test]
fn a_new_file_gets_the_usual_mode_under_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // What any program's new file gets here: 0666 under this process's umask.
    let usual = dir.path().join("usual.txt");
    std::fs::write(&usual, b"").unwrap();
    let expected = std::fs::metadata(&usual).unwrap().permissions().mode() & 0o777;
    let written = dir.path().join("UserDbFactory.ts");
    write_within(dir.path(), &written, b"export {};\n").unwrap();
    assert_eq!(std::fs::metadata(&written).unwrap().permissions().mode() & 0o777, expected);
    assert_ne!(expected, 0o600, "a umask of 077 would hide the difference");
    // A rewrite keeps the file's own mode, narrower or wider than the usual.
    std::fs::set_permissions(&written, std::fs::Permissions::from_mode(0o600)).unwrap();
    write_within(dir.path(), &written, b"export const a = 1;\n").unwrap();
    assert_eq!(std::fs::metadata(&written).unwrap().permissions().mode() & 0o777, 0o600);
}

#[test]
fn the_project_root_is_the_repository_else_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let package = dir.path().join("packages/server/src");
    std::fs::create_dir_all(&package).unwrap();
    assert_eq!(project_root(&package), package);
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    assert_eq!(project_root(&package), dir.path());
    // A worktree or submodule has a `.git` file, not a folder.
    std::fs::write(dir.path().join("packages/.git"), b"gitdir: elsewhere\n").unwrap();
    assert_eq!(project_root(&package), dir.path().join("packages"));
}
