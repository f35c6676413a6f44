//! `--format junit`: one `<testsuite>` per analysed file with diagnostics, one failing
//! `<testcase>` per diagnostic, so CI test reporters show them.

use std::collections::BTreeMap;
use std::path::Path;

use super::text::xml_escape;
use crate::Report;
use crate::diagnostic::Severity;

pub fn render(report: &Report, cwd: &Path) -> String {
    let mut by_file: BTreeMap<String, Vec<&crate::Diagnostic>> = BTreeMap::new();
    for d in &report.diagnostics {
        by_file.entry(super::text::display_path(&d.file, cwd)).or_default().push(d);
    }
    let total = report.diagnostics.len();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"fixture-native validate\" tests=\"{}\" failures=\"{total}\" time=\"{:.3}\">\n",
        total.max(1),
        report.duration_ms / 1000.0
    ));
    if by_file.is_empty() {
        out.push_str("  <testsuite name=\"fixture-native validate\" tests=\"1\" failures=\"0\">\n");
        out.push_str("    <testcase classname=\"fixture-native\" name=\"factories match the schema\"/>\n");
        out.push_str("  </testsuite>\n");
    }
    for (file, diags) in by_file {
        out.push_str(&format!("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\">\n", xml_escape(&file), diags.len(), diags.len()));
        for d in diags {
            let sev = if d.severity == Severity::Error { "error" } else { "warning" };
            out.push_str(&format!(
                "    <testcase classname=\"{}\" name=\"{}:{} {}\">\n      <failure type=\"{}\" message=\"{}\">{} {}:{}:{} {}{}</failure>\n    </testcase>\n",
                xml_escape(&file),
                d.line,
                d.column,
                d.code,
                d.code,
                xml_escape(&d.message),
                sev,
                xml_escape(&file),
                d.line,
                d.column,
                xml_escape(&d.message),
                d.suggestion.as_ref().map(|s| format!(" (suggestion: {})", xml_escape(s))).unwrap_or_default()
            ));
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
