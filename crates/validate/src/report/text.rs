//! Text helpers every renderer shares: paths as shown, XML escaping.

use std::path::Path;

/// `file` relative to `cwd` when it lies below it, else as is; always with `/`.
pub fn display_path(file: &str, cwd: &Path) -> String {
    // Lexically normal first: a schema found through package.json `"prisma.schema": "./db/…"`.
    let p = &crate::discover::normalize(Path::new(file));
    let shown = p.strip_prefix(cwd).map(|r| r.to_path_buf()).unwrap_or_else(|_| p.to_path_buf());
    shown.to_string_lossy().replace('\\', "/")
}

/// Minimal XML escaping for attribute and text content.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' && c != '\r' => {}
            c => out.push(c),
        }
    }
    out
}
