//! Every file this tool writes (`typemap --out`, `generate`, `--fix`) goes through here: the text
//! is written to a temporary file in the target's own folder and renamed over the target, so a
//! reader (or a crash) sees the old file or the new one, never a part of either; and a target that
//! resolves outside the project root (through `..` or a symlink) is refused rather than written.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// Why a write did not happen. The target is untouched in every case.
#[derive(Debug)]
pub enum WriteError {
    /// The target (or a symlink on its way) resolves outside `root`.
    OutsideRoot { path: PathBuf, root: PathBuf },
    Io { path: PathBuf, error: std::io::Error },
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::OutsideRoot { path, root } => write!(
                f,
                "{}: refusing to write outside the project root {} (the path or a symlink on it leads out); write inside the project or pass a root that contains it",
                path.display(),
                root.display()
            ),
            WriteError::Io { path, error } => write!(f, "{}: cannot write: {error}", path.display()),
        }
    }
}

impl std::error::Error for WriteError {}

/// Writes `bytes` to `path` atomically: a temporary file beside it, flushed, then renamed over it.
/// A symlink at `path` is replaced by a file, never written through.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let io = |error| WriteError::Io { path: path.to_path_buf(), error };
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| io(std::io::Error::other("the path names no file")))?;
    let prefix = format!(".{}.", name.to_string_lossy());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A new file gets the mode any program's new file gets (0666 under the umask), not the 0600
    // of a temporary file: the file stays after the rename, for the team and CI to read.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temporary = builder.tempfile_in(folder).map_err(io)?;
    #[cfg(feature = "fault-injection")]
    if fault::strikes() {
        // Half the bytes reach the temporary file, then the write "crashes".
        temporary.write_all(&bytes[..bytes.len() / 2]).map_err(io)?;
        return Err(io(std::io::Error::other("injected failure (fault-injection)")));
    }
    temporary.write_all(bytes).map_err(io)?;
    temporary.as_file().sync_data().map_err(io)?;
    // Keep the target's permissions (a script stays executable); new files get the umask default.
    if let Ok(meta) = std::fs::symlink_metadata(path)
        && meta.is_file()
    {
        let _ = std::fs::set_permissions(temporary.path(), meta.permissions());
    }
    // On failure the temporary file is dropped, and with it removed.
    temporary.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// Test-only failure injection (feature `fault-injection`): `fail_write(n)` makes the n-th
/// following write on this thread fail after writing half its bytes to the temporary file.
#[cfg(feature = "fault-injection")]
pub mod fault {
    use std::cell::Cell;

    thread_local! {
        static COUNTDOWN: Cell<usize> = const { Cell::new(0) };
    }

    /// `n` = 1 fails the next write; 0 turns injection off.
    pub fn fail_write(n: usize) {
        COUNTDOWN.with(|c| c.set(n));
    }

    pub(crate) fn strikes() -> bool {
        COUNTDOWN.with(|c| match c.get() {
            0 => false,
            1 => {
                c.set(0);
                true
            }
            n => {
                c.set(n - 1);
                false
            }
        })
    }
}

/// [`write_atomically`], after checking that `path` (resolved against symlinks in every existing
/// ancestor) lies inside `root`.
pub fn write_within(root: &Path, path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    ensure_within(root, path)?;
    write_atomically(path, bytes)
}

/// Fails unless `path` resolves inside `root`. A symlink at `path` itself is fine only when it
/// points inside too (the write replaces the link, but a link out is a sign of a mistake).
pub fn ensure_within(root: &Path, path: &Path) -> Result<(), WriteError> {
    let outside = || WriteError::OutsideRoot { path: path.to_path_buf(), root: root.to_path_buf() };
    let root = std::fs::canonicalize(root).map_err(|error| WriteError::Io { path: root.to_path_buf(), error })?;
    let absolute = if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir().map(|c| c.join(path)).unwrap_or_else(|_| path.to_path_buf()) };
    if !resolve_existing_prefix(&absolute).starts_with(&root) {
        return Err(outside());
    }
    // A dangling symlink at the target does not canonicalize: judge where it points.
    if let Ok(link) = std::fs::read_link(&absolute) {
        let pointee = absolute.parent().map(|p| p.join(&link)).unwrap_or(link);
        if !resolve_existing_prefix(&pointee).starts_with(&root) {
            return Err(outside());
        }
    }
    Ok(())
}

/// The project root writes are confined to when the user names no other: the nearest folder
/// from `start` upwards holding `.git` (a monorepo's packages write into each other, never out of
/// the repository), else `start` itself.
pub fn project_root(start: &Path) -> PathBuf {
    start.ancestors().find(|dir| dir.join(".git").exists()).unwrap_or(start).to_path_buf()
}

/// Canonicalizes the longest existing ancestor of `path` (following symlinks, including one at
/// `path` itself) and appends the rest, with `.` and `..` folded lexically.
fn resolve_existing_prefix(path: &Path) -> PathBuf {
    let mut existing = path.to_path_buf();
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    loop {
        if let Ok(real) = std::fs::canonicalize(&existing) {
            let mut out = real;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return fold_dots(&out);
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => return fold_dots(path),
        }
    }
}

fn fold_dots(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_without_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.ts");
        write_within(dir.path(), &target, b"one").unwrap();
        write_within(dir.path(), &target, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "two");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.ts")]);
    }

    #[cfg(unix)]
    #[test]
    fn refuses_dot_dot_and_symlinks_out_of_the_root() {
        let outside = tempfile::tempdir().unwrap();
        let root = tempfile::tempdir().unwrap();
        let escape = root.path().join("a/../../x.ts");
        assert!(matches!(write_within(root.path(), &escape, b"x"), Err(WriteError::OutsideRoot { .. })));
        std::os::unix::fs::symlink(outside.path(), root.path().join("link")).unwrap();
        let through = root.path().join("link/x.ts");
        assert!(matches!(write_within(root.path(), &through, b"x"), Err(WriteError::OutsideRoot { .. })));
        assert!(!outside.path().join("x.ts").exists());
        std::os::unix::fs::symlink(outside.path().join("y.ts"), root.path().join("y.ts")).unwrap();
        assert!(matches!(write_within(root.path(), &root.path().join("y.ts"), b"y"), Err(WriteError::OutsideRoot { .. })));
        assert!(!outside.path().join("y.ts").exists());
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("missing-folder/out.ts");
        assert!(matches!(write_atomically(&target, b"x"), Err(WriteError::Io { .. })));
    }
}
