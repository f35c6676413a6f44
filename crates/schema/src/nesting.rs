//! A bound on bracket nesting, checked before psl parses.
//!
//! psl's grammar (pest) and its AST builder recurse once per `(`, `[` or `{` level. pest 2.9 probes
//! the stack on every rule call to stop runaway recursion, which costs about a quarter of the parse
//! time, so this crate keeps pest 2.8 (see Cargo.toml) and bounds the depth here instead: a
//! schema nested deeper than any real one is rejected with its position rather than overflowing
//! the stack of the Node process.

use crate::diagnostics::line_column;
use crate::{SchemaDiagnostic, SchemaError, Severity};

/// Deeper than any real schema (a block, an attribute's arguments, a list of function calls
/// needs about five levels) and far below what a 1 MB thread stack can parse.
pub const MAX_NESTING: usize = 256;

/// The byte offset of the first bracket opened beyond [`MAX_NESTING`] levels, skipping strings
/// and `//` comments.
fn too_deep_at(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' && bytes[at] != b'\n' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                while at < bytes.len() && bytes[at] != b'\n' {
                    at += 1;
                }
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(at);
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        at += 1;
    }
    None
}

/// An error naming the file, line and column where `files` nest too deeply to parse safely.
pub fn check(files: &[(String, String)]) -> Result<(), SchemaError> {
    for (file, text) in files {
        if let Some(offset) = too_deep_at(text) {
            let (line, column) = line_column(text, offset);
            let diagnostic = SchemaDiagnostic {
                file: file.clone(),
                line,
                column,
                end_line: line,
                end_column: column + 1,
                message: format!(
                    "Brackets are nested more than {MAX_NESTING} levels deep here; no Prisma schema needs that. Remove the extra nesting."
                ),
                severity: Severity::Error,
            };
            return Err(SchemaError::invalid(vec![diagnostic], files));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_nesting_passes_and_strings_and_comments_do_not_count() {
        let deep_text = "[".repeat(MAX_NESTING + 1);
        let text = format!("model A {{\n  id Int @id @default(dbgenerated(\"{deep_text}\")) // {deep_text}\n}}\n");
        assert_eq!(too_deep_at(&text), None);
        assert_eq!(too_deep_at(&"[".repeat(MAX_NESTING)), None);
    }

    #[test]
    fn excess_nesting_is_reported_at_the_bracket() {
        let text = format!("model A {{\n  x Int[] @default({}{})\n}}\n", "[".repeat(MAX_NESTING), "]".repeat(MAX_NESTING));
        let files = vec![("schema.prisma".to_owned(), text)];
        let error = check(&files).unwrap_err();
        let diagnostic = &error.diagnostics[0];
        // `{` and `(` are two levels, so the (MAX_NESTING - 1)th `[` is one too many.
        assert_eq!((diagnostic.file.as_str(), diagnostic.line, diagnostic.column), ("schema.prisma", 2, 19 + MAX_NESTING as u32 - 1));
        assert!(error.message.contains("schema.prisma:2:"), "{}", error.message);
    }
}
