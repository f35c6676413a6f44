//! Source files of the workspace: walked once per folder, scanned once per file (shared by the
//! tsconfig audit and the id chain).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::source::{SourceFacts, Want, scan};
use crate::workspace::skip_dir;

const SOURCE_EXTENSIONS: [&str; 6] = ["ts", "tsx", "mts", "cts", "js", "mjs"];

#[derive(Default)]
pub struct Files {
    walked: Mutex<HashMap<PathBuf, std::sync::Arc<Vec<PathBuf>>>>,
    scanned: Mutex<HashMap<PathBuf, std::sync::Arc<SourceFacts>>>,
}

impl Files {
    /// Source files under `dir` (not in node_modules or dot folders), sorted.
    pub fn under(&self, dir: &Path) -> std::sync::Arc<Vec<PathBuf>> {
        if let Some(hit) = self.walked.lock().unwrap().get(dir) {
            return hit.clone();
        }
        let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !skip_dir(e.file_name().to_str().unwrap_or("")))
            .flatten()
            .filter(|e| e.file_type().is_file() && is_source(e.path()))
            .map(|e| e.into_path())
            .collect();
        out.sort();
        let out = std::sync::Arc::new(out);
        self.walked
            .lock()
            .unwrap()
            .insert(dir.to_path_buf(), out.clone());
        out
    }

    /// The facts of one file; `None` when it cannot be read.
    pub fn facts(&self, path: &Path) -> Option<std::sync::Arc<SourceFacts>> {
        if let Some(hit) = self.scanned.lock().unwrap().get(path) {
            return Some(hit.clone());
        }
        let text = std::fs::read_to_string(path).ok()?;
        let facts = std::sync::Arc::new(scan(path, &text, Want::default()));
        self.scanned
            .lock()
            .unwrap()
            .insert(path.to_path_buf(), facts.clone());
        Some(facts)
    }
}

pub fn is_source(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| SOURCE_EXTENSIONS.contains(&e))
}

pub fn is_declaration(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".d.ts") || name.ends_with(".d.mts") || name.ends_with(".d.cts")
}

/// Whether the text may hold a BigInt literal (a digit followed by `n` not followed by an
/// identifier character): a cheap filter before parsing.
pub fn may_have_bigint_literal(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(3).any(|w| {
        w[0].is_ascii_digit()
            && w[1] == b'n'
            && !(w[2].is_ascii_alphanumeric() || w[2] == b'_' || w[2] == b'$')
    }) || b.ends_with(b"n") && b.len() >= 2 && b[b.len() - 2].is_ascii_digit()
}
