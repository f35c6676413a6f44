//! Diagnostics are data: a code, a severity, an exact span and replacement text. Rendering
//! (pretty, JSON, SARIF, JUnit, GitHub) happens later in `report/`; the analysis never prints.

use serde::{Deserialize, Serialize};

use crate::code::Code;

pub use crate::code::Severity;

/// What a user may set per code: `"error" | "warning" | "off"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Error,
    Warning,
    Off,
}

impl RuleLevel {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "error" => Some(Self::Error),
            "warning" | "warn" => Some(Self::Warning),
            "off" => Some(Self::Off),
            _ => None,
        }
    }
}

/// One finding, located in a file with 1-based lines and columns (columns count UTF-16 code
/// units, as editors and tsc do). `end_*` is exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// Absolute path.
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub message: String,
    /// Replacement text for the span, when there is one obvious fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The fix as text edits; `safe` ones are what `--fix` applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// A fix as data: edits of the file's text and whether applying them is certainly right
/// (`safe`: exactly one possible correction) or only a likely guess.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fix {
    pub safe: bool,
    /// Non-overlapping, in text order.
    pub edits: Vec<Edit>,
}

/// Replace `byte_start..byte_end` (UTF-8 offsets into the file as read) with `text`; the same
/// span as 1-based lines and UTF-16 columns (end exclusive). An insertion has an empty span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Edit {
    pub byte_start: u32,
    pub byte_end: u32,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub text: String,
}

/// A finding inside one source text, before it is located: byte offsets into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: Code,
    pub start: u32,
    pub end: u32,
    pub message: String,
    pub suggestion: Option<String>,
    pub help: Option<String>,
    /// Edits other than "the suggestion replaces the span" (byte offsets, replacement).
    pub edits: Option<Vec<(u32, u32, String)>>,
    /// The fix (the suggestion, or `edits`) is certainly right: `--fix` applies it.
    pub safe: bool,
}

impl Finding {
    pub fn new(code: Code, span: oxc_span::Span, message: impl Into<String>) -> Self {
        Self::at(code, span.start, span.end, message)
    }
    pub fn at(code: Code, start: u32, end: u32, message: impl Into<String>) -> Self {
        Self { code, start, end, message: message.into(), suggestion: None, help: None, edits: None, safe: false }
    }
    /// Marks the fix as certain (exactly one right correction), for `--fix`.
    pub fn safe(mut self, safe: bool) -> Self {
        self.safe = safe;
        self
    }
    /// A fix made of edits elsewhere than the span (an insertion, several places).
    pub fn edits(mut self, edits: Vec<(u32, u32, String)>) -> Self {
        self.edits = Some(edits);
        self
    }
    pub fn suggest(mut self, replacement: impl Into<String>) -> Self {
        self.suggestion = Some(replacement.into());
        self
    }
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// Byte offsets to 1-based line and column: one index for the schema and the TypeScript files
/// (here UTF-16 columns, `LineIndex::new`).
pub use fixture_schema::LineIndex;

impl Finding {
    pub fn locate(self, file: &str, lines: &LineIndex<'_>, severity: Severity) -> Diagnostic {
        let (line, column) = lines.locate(self.start);
        let (end_line, end_column) = lines.locate(self.end.max(self.start));
        let edits = match (self.edits, &self.suggestion) {
            (Some(edits), _) => Some(edits),
            (None, Some(s)) => Some(vec![(self.start, self.end.max(self.start), s.clone())]),
            (None, None) => None,
        };
        let fix = edits.map(|mut edits| {
            edits.sort_by_key(|e| (e.0, e.1));
            let edits = edits
                .into_iter()
                .map(|(start, end, text)| {
                    let (line, column) = lines.locate(start);
                    let (end_line, end_column) = lines.locate(end);
                    Edit { byte_start: start, byte_end: end, line, column, end_line, end_column, text }
                })
                .collect();
            Fix { safe: self.safe, edits }
        });
        Diagnostic {
            code: self.code,
            severity,
            file: file.to_string(),
            line,
            column,
            end_line,
            end_column,
            message: self.message,
            suggestion: self.suggestion,
            help: self.help,
            fix,
        }
    }
}

/// Sort key: file, line, column, then code so that the order is total and stable.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.code.as_str(), &a.message).cmp(&(&b.file, b.line, b.column, b.code.as_str(), &b.message))
    });
}
