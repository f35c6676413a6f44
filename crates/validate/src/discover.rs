//! Which files to analyse, and reading them. A folder (recursively, following symlinks), a file,
//! or glob patterns (`*`, `**`, `?`, `{a,b}`, `[ab]`), resolved against a base folder;
//! `node_modules`, dot-folders and `.d.ts` files are skipped. The result is sorted and
//! deduplicated so that runs are reproducible.
//!
//! A file that cannot be read (not UTF-8, no permission, a folder, a dangling symlink, a symlink
//! loop, too large) is not an error of the run: it becomes an [`Unreadable`] entry that the
//! validator reports on that file while every other file is still checked.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use globset::GlobBuilder;
use walkdir::WalkDir;

const EXTENSIONS: [&str; 4] = ["ts", "tsx", "mts", "cts"];

/// Larger source files are reported instead of read: far beyond hand-written code (Vrooli's
/// largest fixture file is under 100 KB), and it bounds the memory and time one file can take.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

pub fn is_source_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.ends_with(".d.ts") || name.ends_with(".d.mts") || name.ends_with(".d.cts") {
        return false;
    }
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.contains(&e))
}

/// Whether a diagnostic's or factory's `file` is one of `files` (as written, or through symlinks):
/// how a run on named files (lint-staged, an editor) keeps its report, and its fixes, to them.
pub fn named_files(files: &[PathBuf]) -> impl Fn(&str) -> bool + use<> {
    let keep: Vec<PathBuf> = files.iter().flat_map(|f| [f.clone(), f.canonicalize().unwrap_or_else(|_| f.clone())]).collect();
    move |file: &str| {
        let p = Path::new(file);
        keep.iter().any(|k| k == p) || p.canonicalize().is_ok_and(|c| keep.contains(&c))
    }
}

/// A file found but not readable as source text: what is wrong and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// Byte offset in the (lossily decoded) text where the problem is; 0 for the whole file.
    pub offset: u32,
    pub message: String,
    pub help: String,
}

/// What [`discover`] found: sorted, deduplicated paths (readable or not).
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    /// Entries that cannot be walked (a symlink loop, a folder that cannot be listed), reported
    /// on their path instead of being read.
    pub unwalkable: Vec<(PathBuf, Unreadable)>,
}

/// Expands `patterns` (relative ones against `base`) into source files. Only a pattern that
/// names nothing at all is an error (a mistyped option); problems of single entries are data.
pub fn discover(patterns: &[String], base: &Path) -> Result<Discovered, String> {
    let mut found = Discovered::default();
    for pattern in patterns {
        let absolute = if Path::new(pattern).is_absolute() { PathBuf::from(pattern) } else { base.join(pattern) };
        // A path that exists is taken literally, as eslint does: Next.js's `[id]` and `(group)`
        // folders look like globs. Only what does not exist is read as a pattern.
        if !has_glob(pattern) || std::fs::symlink_metadata(&absolute).is_ok() {
            if absolute.is_dir() {
                walk(&absolute, &mut found, &mut |p| Some(p.to_path_buf()));
            } else if absolute.is_file() || std::fs::symlink_metadata(&absolute).is_ok() {
                // A file, or a dangling or looping symlink: reading it says what is wrong.
                found.files.push(absolute);
            } else {
                return Err(format!("{}: no such file or folder (from the factories option \"{pattern}\")", absolute.display()));
            }
            continue;
        }
        let (text, root) = literal_prefix(&absolute.to_string_lossy().replace('\\', "/"));
        let glob = GlobBuilder::new(&text)
            .literal_separator(true)
            .build()
            .map_err(|e| format!("the factories pattern \"{pattern}\" is not a valid glob: {e}"))?
            .compile_matcher();
        let before = found.files.len() + found.unwalkable.len();
        walk(Path::new(&root), &mut found, &mut |p| {
            let candidate = p.to_string_lossy().replace('\\', "/");
            glob.is_match(&candidate).then(|| p.to_path_buf())
        });
        if found.files.len() + found.unwalkable.len() == before {
            return Err(format!("nothing to check: the factories pattern \"{pattern}\" matches no TypeScript file (searched under {root}); correct the pattern or pass the factories folder"));
        }
    }
    let mut files: Vec<PathBuf> = found.files.into_iter().map(|p| normalize(&p)).collect();
    files.sort();
    files.dedup();
    // The same file reached through a symlinked folder is analysed once: under its real path
    // when that was found too, else under its first path.
    let real: Vec<Option<PathBuf>> = files.iter().map(|p| std::fs::canonicalize(p).ok()).collect();
    let found_as_real: HashSet<&PathBuf> = files.iter().zip(&real).filter(|(p, r)| r.as_ref() == Some(*p)).map(|(p, _)| p).collect();
    let mut seen = HashSet::new();
    let keep: Vec<bool> = files
        .iter()
        .zip(&real)
        .map(|(p, r)| match r {
            None => true,
            Some(r) if r == p => true,
            Some(r) => !found_as_real.contains(r) && seen.insert(r.clone()),
        })
        .collect();
    let mut keep = keep.into_iter();
    files.retain(|_| keep.next().unwrap_or(true));
    found.files = files;
    found.unwalkable.sort_by(|a, b| a.0.cmp(&b.0));
    found.unwalkable.dedup_by(|a, b| a.0 == b.0);
    Ok(found)
}

/// Lexical `.`/`..` folding, shared with tsconfig resolution.
pub use fixture_tsconfig::normalize;

fn has_glob(pattern: &str) -> bool {
    pattern.contains(['*', '?', '{', '['])
}

/// The pattern with its longest existing folder prefix escaped (a `[id]` folder is that folder,
/// not a character class), and the folder to walk: that prefix, or the longest one without glob
/// characters.
fn literal_prefix(pattern: &str) -> (String, String) {
    let segments: Vec<&str> = pattern.split('/').collect();
    let mut existing = 0;
    for n in 1..segments.len() {
        let prefix = segments[..n].join("/");
        if prefix.is_empty() || Path::new(&prefix).is_dir() {
            existing = n;
        } else {
            break;
        }
    }
    if !segments[..existing].iter().any(|s| has_glob(s)) {
        return (pattern.to_string(), glob_root(pattern));
    }
    let escape = |s: &str| s.chars().map(|c| if "*?[]{}".contains(c) { format!("[{c}]") } else { c.to_string() }).collect::<String>();
    let escaped: Vec<String> = segments.iter().enumerate().map(|(i, s)| if i < existing { escape(s) } else { s.to_string() }).collect();
    (escaped.join("/"), format!("{}/", segments[..existing].join("/")))
}

/// The longest folder prefix without glob characters.
fn glob_root(pattern: &str) -> String {
    let mut root = String::new();
    for segment in pattern.split('/') {
        if has_glob(segment) {
            break;
        }
        root.push_str(segment);
        root.push('/');
    }
    if root.is_empty() { ".".into() } else { root }
}

/// Walks `dir` following symlinks (walkdir detects loops); `select` decides which source files
/// are kept. Entries that cannot be walked go to `found.unwalkable`.
fn walk(dir: &Path, found: &mut Discovered, select: &mut dyn FnMut(&Path) -> Option<PathBuf>) {
    let entries = WalkDir::new(dir).follow_links(true).sort_by_file_name().into_iter().filter_entry(|e| {
        let skipped = e.depth() > 0 && e.file_type().is_dir() && {
            let name = e.file_name().to_string_lossy();
            name == "node_modules" || name.starts_with('.')
        };
        !skipped
    });
    for entry in entries {
        match entry {
            Ok(entry) => {
                if !entry.file_type().is_dir()
                    && is_source_file(entry.path())
                    && let Some(path) = select(entry.path())
                {
                    found.files.push(path);
                }
            }
            Err(error) => {
                let Some(path) = error.path().map(Path::to_path_buf) else { continue };
                if let Some(ancestor) = error.loop_ancestor() {
                    let unreadable = Unreadable {
                        offset: 0,
                        message: format!("symlink loop: this link leads back to {}, which contains it; it is not followed", ancestor.display()),
                        help: "remove the link, or point it at a folder outside the factories folder".into(),
                    };
                    found.unwalkable.push((path, unreadable));
                } else if is_source_file(&path) {
                    // A dangling symlink or an entry whose type cannot be read: reading it says why.
                    found.files.push(path);
                } else if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
                    let unreadable = Unreadable {
                        offset: 0,
                        message: format!("cannot list this folder: {}", error.io_error().map_or(error.to_string(), |e| e.to_string())),
                        help: "make the folder readable, or leave it out of the factories option".into(),
                    };
                    found.unwalkable.push((path, unreadable));
                }
            }
        }
    }
}

/// A file's text, or why it cannot be analysed with the text read so far (empty, or lossily
/// decoded for a file that is not UTF-8).
pub type ReadResult = Result<String, (Unreadable, String)>;

/// Reads a source file as UTF-8 text (a byte order mark is dropped, as tsc does). Every failure
/// says what is wrong and what to do; a file that is not UTF-8 comes back with its lossy text so
/// that the problem can be located at the first bad byte.
pub fn read_source(path: &Path) -> ReadResult {
    let fail = |message: String, help: &str| Err((Unreadable { offset: 0, message, help: help.to_string() }, String::new()));
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(error) => {
            if let Ok(link) = std::fs::read_link(path) {
                return if error.kind() == std::io::ErrorKind::NotFound {
                    fail(
                        format!("a symlink to {}, which does not exist", link.display()),
                        "restore the target, or remove the link",
                    )
                } else {
                    fail(format!("cannot follow this symlink to {}: {error}", link.display()), "fix or remove the link (a link to itself or a cycle of links never ends)")
                };
            }
            return fail(format!("cannot read this file: {error}"), "check that it exists and is readable");
        }
    };
    if meta.is_dir() {
        return fail(
            "this is a folder, not a file, though it is named like a TypeScript file".into(),
            "rename the folder, or leave it out of the factories option",
        );
    }
    if meta.len() > MAX_FILE_BYTES {
        return fail(
            format!("this file is {} bytes; files over {} bytes (10 MB) are not analysed", meta.len(), MAX_FILE_BYTES),
            "generated data belongs in a JSON file; leave generated files out of the factories option",
        );
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::PermissionDenied => {
            return fail(format!("cannot read this file: {error}"), "make it readable by this user (chmod), or leave it out of the factories option");
        }
        Err(error) => return fail(format!("cannot read this file: {error}"), "check that it exists and is readable"),
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").map(<[u8]>::to_vec).unwrap_or(bytes);
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let byte = error.as_bytes()[at];
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let unreadable = Unreadable {
                offset: at as u32,
                message: format!("this file is not UTF-8 text (byte 0x{byte:02x} here is not valid UTF-8)"),
                help: "save the file as UTF-8 (TypeScript sources are UTF-8)".into(),
            };
            Err((unreadable, text))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, path: &str) -> bool {
        GlobBuilder::new(pattern).literal_separator(true).build().unwrap().compile_matcher().is_match(path)
    }

    #[test]
    fn globs() {
        assert!(matches("/a/**/*.ts", "/a/b/c/x.ts"));
        assert!(matches("/a/**/*.ts", "/a/x.ts"));
        assert!(!matches("/a/*.ts", "/a/b/x.ts"));
        assert!(matches("/a/*Factory.ts", "/a/TagDbFactory.ts"));
        assert!(matches("/a/{b,c}/*.ts", "/a/c/x.ts"));
        assert!(!matches("/a/{b,c}/*.ts", "/a/d/x.ts"));
        assert!(matches("/a/?.ts", "/a/x.ts"));
        assert!(!matches("/a/*.ts", "/a/x.tsx"));
    }

    #[test]
    fn source_files() {
        assert!(is_source_file(Path::new("a/b.ts")));
        assert!(!is_source_file(Path::new("a/b.d.ts")));
        assert!(!is_source_file(Path::new("a/b.js")));
    }

    #[test]
    fn a_path_that_exists_is_literal_even_when_it_looks_like_a_glob() {
        let dir = tempfile::tempdir().unwrap();
        let route = dir.path().join("app/api/[id]/(group){a,b}");
        std::fs::create_dir_all(&route).unwrap();
        std::fs::write(route.join("route.test.ts"), "").unwrap();
        std::fs::write(dir.path().join("app/api/x.ts"), "").unwrap();
        for pattern in ["app/api/[id]/(group){a,b}/route.test.ts", "app/api/[id]", "app/api/[id]/(group){a,b}"] {
            let found = discover(&[pattern.to_string()], dir.path()).unwrap_or_else(|e| panic!("{pattern}: {e}"));
            assert_eq!(found.files, vec![route.join("route.test.ts")], "{pattern}");
        }
        // Inside a glob, an existing `[id]` folder is that folder.
        assert_eq!(discover(&["app/api/[id]/**/*.ts".to_string()], dir.path()).unwrap().files, vec![route.join("route.test.ts")]);
        // A pattern that names no existing path is still a glob.
        assert_eq!(discover(&["app/api/[xy].ts".to_string()], dir.path()).unwrap().files, vec![dir.path().join("app/api/x.ts")]);
    }

    #[test]
    fn a_hostile_glob_is_an_error_or_fast_never_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.ts"), "").unwrap();
        // Backtracking matchers take exponential time on this; globset compiles it to an automaton.
        let pattern = format!("{}a.ts", "**/".repeat(40));
        assert_eq!(discover(&[pattern], dir.path()).unwrap().files.len(), 1);
        let error = discover(&["[z-a].ts".to_string()], dir.path()).unwrap_err();
        assert!(error.contains("is not a valid glob"), "{error}");
    }

    #[test]
    fn reads_bom_as_text_and_locates_bad_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let bom = dir.path().join("bom.ts");
        std::fs::write(&bom, b"\xEF\xBB\xBFexport const a = 1;\n").unwrap();
        assert_eq!(read_source(&bom).unwrap(), "export const a = 1;\n");
        let latin1 = dir.path().join("latin1.ts");
        std::fs::write(&latin1, b"// ok\nconst s = \"caf\xE9\";\n").unwrap();
        let (unreadable, text) = read_source(&latin1).unwrap_err();
        assert_eq!(unreadable.offset, 20);
        assert!(unreadable.message.contains("not UTF-8") && unreadable.message.contains("0xe9"), "{unreadable:?}");
        assert!(text.starts_with("// ok\nconst s = \"caf"));
    }

    #[test]
    fn a_folder_or_an_oversized_file_is_unreadable_not_an_error_of_the_run() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("folder.ts")).unwrap();
        assert!(read_source(&dir.path().join("folder.ts")).unwrap_err().0.message.contains("is a folder"));
        let big = std::fs::File::create(dir.path().join("big.ts")).unwrap();
        big.set_len(MAX_FILE_BYTES + 1).unwrap();
        let (unreadable, _) = read_source(&dir.path().join("big.ts")).unwrap_err();
        assert!(unreadable.message.contains("10485761 bytes"), "{unreadable:?}");
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_dangling_looping_and_into_folders() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("real")).unwrap();
        std::fs::write(root.join("real/a.ts"), "export const a = 1;\n").unwrap();
        symlink(root.join("real"), root.join("linked")).unwrap(); // the same file twice: kept once
        symlink(root.join("nowhere.ts"), root.join("dangling.ts")).unwrap();
        symlink(root.join("self.ts"), root.join("self.ts")).unwrap();
        symlink(root, root.join("real/up")).unwrap(); // a folder loop
        let found = discover(&[".".to_string()], root).unwrap();
        let names: Vec<_> = found.files.iter().map(|p| p.strip_prefix(root).unwrap().to_string_lossy().to_string()).collect();
        assert_eq!(names, vec!["dangling.ts", "real/a.ts", "self.ts"]);
        assert_eq!(found.unwalkable.len(), 2, "{:?}", found.unwalkable); // real/up, and linked/up
        assert!(found.unwalkable.iter().all(|(_, u)| u.message.starts_with("symlink loop")));
        assert!(read_source(&root.join("dangling.ts")).unwrap_err().0.message.contains("does not exist"));
        assert!(read_source(&root.join("self.ts")).unwrap_err().0.message.contains("cannot follow this symlink"));
    }
}
