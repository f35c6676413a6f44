//! `fixture-native validate --watch`: the first report as `validate` prints it, then per change
//! only what changed (new diagnostics in full, fixed ones in a line each) and the total. With
//! `--format json`, one line of JSON per report. The `fixture-native` bin runs the watch and
//! writes what these functions render; Ctrl-C ends it with exit code 130.

use std::path::{Path, PathBuf};

use fixture_validate::session::Update;
use fixture_validate::report::{self, Format, render};
use fixture_validate::{Options, Report, Severity};

use crate::CliOutput;
use crate::validate::Args;

/// A watch about to start: the options and how to print its reports.
pub struct Plan {
    pub options: Options,
    format: Format,
    quiet: bool,
    cwd: PathBuf,
}

pub(crate) fn plan(args: Args, cwd: &Path) -> Result<Plan, CliOutput> {
    if !matches!(args.format, Format::Pretty | Format::Json) {
        return Err(CliOutput::usage_error("fixture-native validate --watch: --format takes pretty or json (one JSON line per report)\n"));
    }
    let options = crate::validate::options_of(&args, cwd)?;
    let mut runs = crate::scope::runs(&options, cwd, &[]).map_err(|e| CliOutput::usage_error(format!("fixture-native validate: {e}\n")))?;
    if runs.len() != 1 {
        return Err(CliOutput::usage_error(format!(
            "fixture-native validate --watch: {} projects here; watch one at a time (run it in the package's folder, or pass --config)\n",
            runs.len()
        )));
    }
    Ok(Plan { options: runs.remove(0).options, format: args.format, quiet: args.quiet, cwd: cwd.to_path_buf() })
}

impl Plan {
    /// What to print for one report: `first` is the watch's first (the whole report).
    pub fn render(&self, update: &Update, changed: &[PathBuf], latency_ms: f64, first: bool) -> String {
        let keep = |d: &&fixture_validate::Diagnostic| !self.quiet || d.severity == Severity::Error;
        let added: Vec<_> = update.added.iter().filter(keep).cloned().collect();
        let removed: Vec<_> = update.removed.iter().filter(keep).cloned().collect();
        let total = &update.report;
        if self.format == Format::Json {
            let show = |p: &PathBuf| report::display_path(&p.display().to_string(), &self.cwd);
            let line = serde_json::json!({
                "changed": changed.iter().map(show).collect::<Vec<_>>(),
                "added": added,
                "removed": removed,
                "errorCount": total.errors(),
                "warningCount": total.warnings(),
                "files": total.files,
                "ok": total.ok,
                "latencyMs": latency_ms,
            });
            return format!("{line}\n");
        }
        if first {
            let mut whole = total.clone();
            if self.quiet {
                whole.diagnostics.retain(|d| d.severity == Severity::Error);
            }
            return format!("{}Watching for changes (Ctrl-C to stop)\n", render(&whole, Format::Pretty, &self.cwd, self.quiet));
        }
        let mut out = String::new();
        let names: Vec<String> = changed.iter().map(|p| report::display_path(&p.display().to_string(), &self.cwd)).collect();
        out.push_str(&format!("\n{} changed ({latency_ms:.1} ms)\n", names.join(", ")));
        if !added.is_empty() {
            out.push('\n');
            out.push_str(&diagnostics_only(&Report { diagnostics: added, ..total.clone() }, &self.cwd, self.quiet));
        }
        for d in &removed {
            out.push_str(&format!("fixed: {}:{}:{} {}\n", report::display_path(&d.file, &self.cwd), d.line, d.column, d.code));
        }
        if update.added.is_empty() && update.removed.is_empty() {
            out.push_str("no change in the diagnostics\n");
        }
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        out.push_str(&format!("total: {}, {} in {}\n", plural(total.errors(), "error"), plural(total.warnings(), "warning"), plural(total.files, "file")));
        out
    }

    /// What to print when a run cannot happen (a config that stops parsing): the watch goes on.
    pub fn render_error(&self, message: &str) -> String {
        format!("fixture-native validate: {message}\n(still watching)\n")
    }
}

/// The pretty rendering of the report's diagnostics, without its summary.
fn diagnostics_only(report: &Report, cwd: &Path, quiet: bool) -> String {
    let rendered = render(report, Format::Pretty, cwd, quiet);
    let summary = render(&Report { diagnostics: Vec::new(), ..report.clone() }, Format::Pretty, cwd, quiet);
    let first_line = summary.lines().next().unwrap_or_default();
    match rendered.rfind(first_line) {
        Some(at) if !first_line.is_empty() => rendered[..at].to_string(),
        _ => rendered,
    }
}
