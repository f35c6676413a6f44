//! `--format github`: GitHub Actions workflow commands, one line per diagnostic, which the
//! runner turns into annotations on the pull request.

use std::path::Path;

use crate::Report;
use crate::diagnostic::Severity;

fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(report: &Report, cwd: &Path) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let kind = if d.severity == Severity::Error { "error" } else { "warning" };
        let mut message = d.message.clone();
        if let Some(s) = &d.suggestion {
            message.push_str(&format!(" (suggestion: {s})"));
        }
        out.push_str(&format!(
            "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape_property(&super::text::display_path(&d.file, cwd)),
            d.line,
            d.column,
            d.end_line,
            d.end_column,
            escape_property(d.code.as_str()),
            escape_data(&message)
        ));
    }
    out
}
