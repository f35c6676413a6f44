//! `--format json`: eslint's JSON formatter shape, one entry per file with diagnostics, so that
//! tools reading eslint output read this too. `severity` is 2 for errors and 1 for warnings;
//! `suggestion` is the replacement of the diagnostic's span; `fix` the same as edits
//! (`{ safe, edits: [{ byteStart, byteEnd, line, column, endLine, endColumn, text }] }`).

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::Report;
use crate::diagnostic::Severity;

pub fn render(report: &Report) -> String {
    let mut by_file: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for d in &report.diagnostics {
        let mut m = json!({
            "ruleId": d.code.as_str(),
            "severity": if d.severity == Severity::Error { 2 } else { 1 },
            "message": d.message,
            "line": d.line,
            "column": d.column,
            "endLine": d.end_line,
            "endColumn": d.end_column,
        });
        if let Some(s) = &d.suggestion {
            m["suggestion"] = json!(s);
        }
        if let Some(h) = &d.help {
            m["help"] = json!(h);
        }
        if let Some(fix) = &d.fix {
            m["fix"] = json!(fix);
        }
        by_file.entry(&d.file).or_default().push(m);
        let c = counts.entry(&d.file).or_default();
        if d.severity == Severity::Error {
            c.0 += 1;
        } else {
            c.1 += 1;
        }
    }
    let files: Vec<Value> = by_file
        .into_iter()
        .map(|(file, messages)| {
            let (e, w) = counts[file];
            json!({ "filePath": file, "messages": messages, "errorCount": e, "warningCount": w })
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&files).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}
