//! `fixture-native validate --fix` / `--fix-dry-run`: applies the validator's certain fixes
//! (fixture-maintain) and reports what was fixed and what remains.
//!
//! Exit codes: 0 nothing left to report, 1 errors remain (for `--fix-dry-run`: the files as they
//! are have errors), 2 bad usage or a file that could not be written (it is left unchanged).

use std::path::Path;

use fixture_maintain::fix::{FixReport, fix, unified_diff};
use fixture_validate::Options;
use fixture_validate::report::display_path;

use crate::validate::{Format, render};
use crate::{CliOutput, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE};

pub fn run(options: &Options, format: Format, cwd: &Path, dry_run: bool) -> CliOutput {
    let root = fixture_validate::config::resolve(options).map(|r| r.root).unwrap_or_else(|_| cwd.to_path_buf());
    let result = match fix(options, &root, dry_run) {
        Ok(r) => r,
        Err(e) => return CliOutput::usage_error(format!("fixture-native validate: {e}\n")),
    };
    let summary = summary(&result, cwd, dry_run);
    let exit_code = if !result.write_errors.is_empty() {
        EXIT_USAGE
    } else if (if dry_run { result.before.errors() } else { result.remaining.errors() }) > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    };
    if dry_run {
        // The diff alone on stdout, so that it can be piped to `git apply`.
        return CliOutput { stdout: unified_diff(&result.files, cwd), stderr: summary, exit_code };
    }
    let (stdout, stderr) = match format {
        Format::Json => (serde_json::to_string_pretty(&result).unwrap_or_default() + "\n", String::new()),
        Format::Pretty => (format!("{}\n{summary}", render(&result.remaining, format, cwd, false)), String::new()),
        other => (render(&result.remaining, other, cwd, false), summary),
    };
    let stderr = result.write_errors.iter().fold(stderr, |acc, e| acc + &format!("fixture-native validate: {e}\n"));
    CliOutput { stdout, stderr, exit_code }
}

fn summary(r: &FixReport, cwd: &Path, dry_run: bool) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let verb = if dry_run { "Would fix" } else { "Fixed" };
    let mut out = format!("{verb} {} in {}.\n", plural(r.fixed.len(), "problem"), plural(r.files.len(), "file"));
    for f in &r.files {
        let failed = if !dry_run && !f.written { " (not written)" } else { "" };
        out.push_str(&format!("  {}: {}{failed}\n", display_path(&f.file, cwd), if f.fixes == 1 { "1 fix".to_string() } else { format!("{} fixes", f.fixes) }));
    }
    for s in &r.skipped {
        let d = &s.diagnostic;
        out.push_str(&format!("  not fixed: {}:{}:{} {}: {}\n", display_path(&d.file, cwd), d.line, d.column, d.code, s.reason));
    }
    let (errors, warnings) = if dry_run { (r.before.errors(), r.before.warnings()) } else { (r.remaining.errors(), r.remaining.warnings()) };
    let left = r.remaining.diagnostics.len();
    if dry_run {
        out.push_str(&format!("Now {} and {}; after the fixes {} would remain (none of them certain to fix).\n", plural(errors, "error"), plural(warnings, "warning"), plural(left, "problem")));
    } else {
        out.push_str(&format!("Remaining: {} and {} (not fixed automatically: no certain fix).\n", plural(errors, "error"), plural(warnings, "warning")));
    }
    out
}
