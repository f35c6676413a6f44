//! Which files to analyse: a folder (recursively), a file, or glob patterns (`*`, `**`, `?`,
//! `{a,b}`), resolved against a base folder. `node_modules`, dot-folders and `.d.ts` files are
//! skipped. The result is sorted and deduplicated so that runs are reproducible.

use std::path::{Path, PathBuf};

const EXTENSIONS: [&str; 4] = ["ts", "tsx", "mts", "cts"];

pub fn is_source_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.ends_with(".d.ts") || name.ends_with(".d.mts") || name.ends_with(".d.cts") {
        return false;
    }
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.contains(&e))
}

/// Expands `patterns` (relative ones against `base`) into source files.
pub fn discover(patterns: &[String], base: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for pattern in patterns {
        let absolute = if Path::new(pattern).is_absolute() { PathBuf::from(pattern) } else { base.join(pattern) };
        if !has_glob(pattern) {
            if absolute.is_dir() {
                walk(&absolute, &mut |p| out.push(p.to_path_buf()));
            } else if absolute.is_file() {
                out.push(absolute);
            } else {
                return Err(format!("{}: no such file or folder (from the factories option \"{pattern}\")", absolute.display()));
            }
            continue;
        }
        let text = absolute.to_string_lossy().replace('\\', "/");
        let root = glob_root(&text);
        let before = out.len();
        walk(Path::new(&root), &mut |p| {
            let candidate = p.to_string_lossy().replace('\\', "/");
            if glob_match(&text, &candidate) {
                out.push(p.to_path_buf());
            }
        });
        if out.len() == before {
            return Err(format!("the factories pattern \"{pattern}\" matches no TypeScript file (searched under {root})"));
        }
    }
    let mut out: Vec<PathBuf> = out.into_iter().map(|p| normalize(&p)).collect();
    out.sort();
    out.dedup();
    Ok(out)
}

/// Removes `.` and `..` components without touching the file system (no symlink resolution).
pub fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn has_glob(pattern: &str) -> bool {
    pattern.contains(['*', '?', '{', '['])
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

fn walk(dir: &Path, on_file: &mut dyn FnMut(&Path)) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            if name == "node_modules" || name.starts_with('.') {
                continue;
            }
            walk(&path, on_file);
        } else if is_source_file(&path) {
            on_file(&path);
        }
    }
}

/// Matches a `/`-separated path against a glob: `**` spans folders, `*` and `?` stay inside
/// one segment, `{a,b}` is an alternative.
pub fn glob_match(pattern: &str, path: &str) -> bool {
    if let Some(open) = pattern.find('{')
        && let Some(close_rel) = pattern[open..].find('}')
    {
        let close = open + close_rel;
        return pattern[open + 1..close]
            .split(',')
            .any(|alt| glob_match(&format!("{}{}{}", &pattern[..open], alt, &pattern[close + 1..]), path));
    }
    match_from(pattern.as_bytes(), path.as_bytes())
}

fn match_from(p: &[u8], s: &[u8]) -> bool {
    if p.is_empty() {
        return s.is_empty();
    }
    if p.starts_with(b"**") {
        let rest = p[2..].strip_prefix(b"/").unwrap_or(&p[2..]);
        // `**/` matches zero or more whole segments.
        if match_from(rest, s) {
            return true;
        }
        return (0..s.len()).any(|i| s[i] == b'/' && match_from(rest, &s[i + 1..])) || (rest.is_empty());
    }
    match p[0] {
        b'*' => (0..=s.len()).take_while(|&i| i == 0 || s[i - 1] != b'/').any(|i| match_from(&p[1..], &s[i..])),
        b'?' => !s.is_empty() && s[0] != b'/' && match_from(&p[1..], &s[1..]),
        c => !s.is_empty() && s[0] == c && match_from(&p[1..], &s[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("/a/**/*.ts", "/a/b/c/x.ts"));
        assert!(glob_match("/a/**/*.ts", "/a/x.ts"));
        assert!(!glob_match("/a/*.ts", "/a/b/x.ts"));
        assert!(glob_match("/a/*Factory.ts", "/a/TagDbFactory.ts"));
        assert!(glob_match("/a/{b,c}/*.ts", "/a/c/x.ts"));
        assert!(!glob_match("/a/{b,c}/*.ts", "/a/d/x.ts"));
        assert!(glob_match("/a/?.ts", "/a/x.ts"));
        assert!(!glob_match("/a/*.ts", "/a/x.tsx"));
    }

    #[test]
    fn source_files() {
        assert!(is_source_file(Path::new("a/b.ts")));
        assert!(!is_source_file(Path::new("a/b.d.ts")));
        assert!(!is_source_file(Path::new("a/b.js")));
    }
}
