//! `--format pretty`: tsc's layout. `file:line:col - error code: message`, the code frame with
//! the span underlined, the suggestion and help, then a summary (factories, models, coverage,
//! errors, warnings, time).

use std::collections::BTreeSet;
use std::path::Path;

use crate::Report;
use crate::diagnostic::{LineIndex, Severity};

/// `read` returns a file's text for the code frame (`None`: no frame).
pub fn render(report: &Report, cwd: &Path, quiet: bool, read: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    let mut cache: Option<(String, String)> = None;
    for d in &report.diagnostics {
        if quiet && d.severity == Severity::Warning {
            continue;
        }
        let sev = if d.severity == Severity::Error { "error" } else { "warning" };
        out.push_str(&format!("{}:{}:{} - {sev} {}: {}\n", super::text::display_path(&d.file, cwd), d.line, d.column, d.code, d.message));
        if cache.as_ref().is_none_or(|(f, _)| *f != d.file) {
            cache = read(&d.file).map(|t| (d.file.clone(), t));
        }
        if let Some((_, text)) = &cache {
            let lines = LineIndex::new(text);
            let src = lines.line_text(d.line);
            let number = d.line.to_string();
            out.push('\n');
            out.push_str(&format!("{number} {src}\n"));
            let width = if d.end_line == d.line { d.end_column.saturating_sub(d.column).max(1) } else { (src.encode_utf16().count() as u32 + 1).saturating_sub(d.column).max(1) };
            // Tabs stay tabs so that the underline lines up.
            let pad: String = src.chars().take(d.column.saturating_sub(1) as usize).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
            out.push_str(&format!("{} {pad}{}\n", " ".repeat(number.len()), "~".repeat(width as usize)));
        }
        if let Some(s) = &d.suggestion {
            out.push_str(&format!("  suggestion: {s}\n"));
        } else if let Some(fix) = d.fix.as_ref() {
            let edits: Vec<String> = fix.edits.iter().map(|e| format!("`{}`", e.text.trim_start_matches(',').trim())).collect();
            out.push_str(&format!("  fix: insert {}\n", edits.join(", ")));
        }
        if let Some(h) = &d.help {
            out.push_str(&format!("  help: {h}\n"));
        }
        out.push('\n');
    }
    let errors = report.errors();
    let warnings = report.warnings();
    let files: BTreeSet<&str> = report.diagnostics.iter().map(|d| d.file.as_str()).collect();
    let pct = if report.coverage.total == 0 { 100.0 } else { report.coverage.covered as f64 * 100.0 / report.coverage.total as f64 };
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    out.push_str(&format!(
        "{} in {}, {}, coverage {}/{} ({pct:.0}%)\n",
        if report.factories.len() == 1 { "1 factory".to_string() } else { format!("{} factories", report.factories.len()) },
        plural(report.files, "file"),
        plural(report.schema.models, "model"),
        report.coverage.covered,
        report.coverage.total
    ));
    if errors + warnings == 0 {
        out.push_str(&format!("No problems found in {:.1} ms.\n", report.duration_ms));
    } else {
        let fixable = report.diagnostics.iter().filter(|d| !(quiet && d.severity == Severity::Warning) && d.fix.as_ref().is_some_and(|f| f.safe)).count();
        if fixable > 0 {
            out.push_str(&format!("{} fixable with `--fix` (certain fixes only; `--fix-dry-run` shows the diff).\n", plural(fixable, "problem")));
        }
        out.push_str(&format!(
            "Found {} and {} in {} in {:.1} ms.\n",
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(files.len(), "file"),
            report.duration_ms
        ));
    }
    out
}
