//! `--format sarif`: SARIF 2.1.0 with one rule per diagnostic code (its documentation as the
//! description) and a fix per suggestion, for code-scanning uploads.

use std::path::Path;

use serde_json::{Value, json};

use crate::Report;
use crate::diagnostic::Severity;
use crate::rules::Code;

pub fn render(report: &Report, cwd: &Path) -> String {
    let rules: Vec<Value> = Code::ALL
        .iter()
        .map(|c| {
            let doc = c.doc();
            json!({
                "id": c.as_str(),
                "shortDescription": { "text": doc.what },
                "fullDescription": { "text": format!("{} {}", doc.what, doc.why) },
                "defaultConfiguration": { "level": if doc.default_severity == Severity::Error { "error" } else { "warning" } },
            })
        })
        .collect();
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let uri = super::text::display_path(&d.file, cwd);
            let region = json!({ "startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": d.end_column });
            let mut r = json!({
                "ruleId": d.code.as_str(),
                "ruleIndex": Code::ALL.iter().position(|c| *c == d.code).unwrap_or(0),
                "level": if d.severity == Severity::Error { "error" } else { "warning" },
                "message": { "text": match &d.help { Some(h) => format!("{} ({h})", d.message), None => d.message.clone() } },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri }, "region": region } }],
            });
            if let Some(fix) = &d.fix {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|e| {
                        let deleted = json!({ "startLine": e.line, "startColumn": e.column, "endLine": e.end_line, "endColumn": e.end_column });
                        json!({ "deletedRegion": deleted, "insertedContent": { "text": e.text } })
                    })
                    .collect();
                let description = match (&d.suggestion, fix.safe) {
                    (Some(s), true) => format!("Replace with `{s}` (safe: `fixture-native validate --fix` applies it)"),
                    (Some(s), false) => format!("Replace with `{s}`"),
                    (None, true) => "Apply the edits (safe: `fixture-native validate --fix` applies them)".to_string(),
                    (None, false) => "Apply the edits".to_string(),
                };
                r["fixes"] = json!([{
                    "description": { "text": description },
                    "artifactChanges": [{ "artifactLocation": { "uri": uri }, "replacements": replacements }],
                }]);
            }
            r
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": { "name": "fixture-native", "version": env!("CARGO_PKG_VERSION"), "rules": rules } },
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}
