//! Schema errors as data (file, 1-based line and column, message), rendered the way Prisma renders
//! them: `error: …`, an arrow to `file:line:column`, then the lines around the offending one.

use serde::{Deserialize, Serialize};

use crate::line_index::{ColumnUnit, LineIndex};

/// How bad a finding is; shared with the validator's diagnostics. Errors sort before warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem in a schema file. Lines and columns are 1-based; columns count characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SchemaDiagnostic {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub message: String,
    pub severity: Severity,
}

/// Why a schema could not be loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SchemaErrorKind {
    /// No schema found, or a file or folder could not be read.
    Io,
    /// Prisma would reject the schema (P1012); `diagnostics` says where and why.
    Invalid,
}

/// A schema that could not be loaded. `message` is the full human-readable text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SchemaError {
    pub message: String,
    pub diagnostics: Vec<SchemaDiagnostic>,
    pub kind: SchemaErrorKind,
}

impl std::fmt::Display for SchemaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SchemaError {}

impl SchemaError {
    pub fn io(message: impl Into<String>) -> Self {
        SchemaError { message: message.into(), diagnostics: Vec::new(), kind: SchemaErrorKind::Io }
    }

    /// An invalid schema: renders every error diagnostic with its source lines.
    pub fn invalid(diagnostics: Vec<SchemaDiagnostic>, sources: &[(String, String)]) -> Self {
        let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        let mut message = format!(
            "Prisma schema validation failed (P1012): {errors} error{}\n",
            if errors == 1 { "" } else { "s" }
        );
        for diagnostic in diagnostics.iter().filter(|d| d.severity == Severity::Error) {
            let text = sources.iter().find(|(file, _)| *file == diagnostic.file).map(|(_, text)| text.as_str());
            render(&mut message, diagnostic, text.unwrap_or(""));
        }
        message.push_str(&format!("\nValidation Error Count: {errors}"));
        SchemaError { message, diagnostics, kind: SchemaErrorKind::Invalid }
    }
}

/// `error: message`, `  -->  file:line:column`, the line before, the line itself, a caret under the
/// span, and any further lines the span covers.
fn render(out: &mut String, diagnostic: &SchemaDiagnostic, text: &str) {
    let lines: Vec<&str> = text.split('\n').collect();
    let width = (diagnostic.end_line as usize + 1).to_string().len().max(2);
    let gutter = |number: Option<usize>| match number {
        Some(n) => format!("{n:>width$} | "),
        None => format!("{:>width$} | ", ""),
    };
    out.push_str(&format!("{}: {}\n", diagnostic.severity.as_str(), diagnostic.message));
    out.push_str(&format!("  -->  {}:{}:{}\n", diagnostic.file, diagnostic.line, diagnostic.column));
    out.push_str(&gutter(None));
    out.push('\n');
    let first = diagnostic.line as usize;
    if first >= 2 {
        out.push_str(&format!("{}{}\n", gutter(Some(first - 1)), lines.get(first - 2).unwrap_or(&"").trim_end_matches('\r')));
    }
    let line_text = lines.get(first.saturating_sub(1)).unwrap_or(&"").trim_end_matches('\r');
    out.push_str(&format!("{}{}\n", gutter(Some(first)), line_text));
    let start_col = diagnostic.column.max(1) as usize;
    let end_col = if diagnostic.end_line == diagnostic.line {
        (diagnostic.end_column as usize).max(start_col + 1)
    } else {
        line_text.chars().count() + 1
    };
    out.push_str(&format!("{}{}{}\n", gutter(None), " ".repeat(start_col - 1), "^".repeat((end_col - start_col).max(1))));
    let last = (diagnostic.end_line as usize).min(first + 3);
    for number in first + 1..=last {
        out.push_str(&format!("{}{}\n", gutter(Some(number)), lines.get(number - 1).unwrap_or(&"").trim_end_matches('\r')));
    }
}

/// 1-based (line, column) of a byte offset; the column counts characters.
/// For a one-off lookup (an error path); many lookups in one text share a [`LineIndex`].
pub fn line_column(text: &str, offset: usize) -> (u32, u32) {
    LineIndex::with_unit(text, ColumnUnit::Chars).locate(offset as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters_from_one() {
        let text = "ab\ncé d\n";
        let index = LineIndex::with_unit(text, ColumnUnit::Chars);
        for (offset, expected) in [(0, (1, 1)), (2, (1, 3)), (3, (2, 1)), (6, (2, 3)), (8, (2, 5)), (9, (3, 1))] {
            assert_eq!(line_column(text, offset), expected, "offset {offset}");
            assert_eq!(index.locate(offset as u32), expected, "indexed, offset {offset}");
        }
    }

    #[test]
    fn rendering_names_the_file_line_column_and_shows_the_line() {
        let sources = vec![("prisma/schema.prisma".to_string(), "model A {\n  id Strin @id\n}\n".to_string())];
        let diagnostic = SchemaDiagnostic {
            file: "prisma/schema.prisma".into(),
            line: 2,
            column: 6,
            end_line: 2,
            end_column: 11,
            message: "Type \"Strin\" is neither a built-in type".into(),
            severity: Severity::Error,
        };
        let error = SchemaError::invalid(vec![diagnostic], &sources);
        assert!(error.message.contains("  -->  prisma/schema.prisma:2:6\n"), "{}", error.message);
        assert!(error.message.contains(" 2 |   id Strin @id\n"), "{}", error.message);
        assert!(error.message.contains("   |      ^^^^^\n"), "{}", error.message);
        assert!(error.message.ends_with("Validation Error Count: 1"));
    }
}
