//! `fixture-native validate --fix` / `--fix-dry-run`: applies the validator's certain fixes
//! (fixture-maintain) and reports what was fixed and what remains.
//!
//! Exit codes: 0 nothing left to report, 1 errors remain (for `--fix-dry-run`: the files as they
//! are have errors), 2 bad usage or a file that could not be written (it is left unchanged).

use std::path::{Path, PathBuf};

use fixture_maintain::fix::{FixReport, fix_files, stale_typemap, unified_diff};
use fixture_maintain::project::load_schema;
use fixture_validate::Options;
use fixture_validate::report::{Format, display_path, render};

use crate::{CliOutput, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE};

pub fn run(options: &Options, only: Option<&[PathBuf]>, format: Format, cwd: &Path, dry_run: bool, typemap: Option<&Path>, quiet: bool) -> CliOutput {
    let root = fixture_validate::config::resolve(options).map(|r| r.root).unwrap_or_else(|_| cwd.to_path_buf());
    let mut result = match fix_files(options, &root, dry_run, only) {
        Ok(r) => r,
        Err(e) => return CliOutput::usage_error(format!("fixture-native validate: {e}\n")),
    };
    if let Some(typemap) = typemap {
        let path = cwd.join(typemap);
        let stale = load_schema(options).map_err(|e| e.message).and_then(|(schema, _, _)| stale_typemap(&schema, &path));
        match stale {
            Ok(Some(mut file)) => {
                file.written = !dry_run && fixture_write::write_within(&root, &path, file.after.as_bytes()).map_err(|e| result.write_errors.push(e.to_string())).is_ok();
                result.files.push(file);
            }
            Ok(None) => {}
            Err(e) => return CliOutput::usage_error(format!("fixture-native validate: {e}\n")),
        }
    }
    let summary = summary(&result, cwd, dry_run);
    if quiet {
        result.remaining.diagnostics.retain(|d| d.severity == fixture_validate::Severity::Error);
    }
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
        Format::Pretty => (format!("{}\n{summary}", render(&result.remaining, format, cwd, quiet)), String::new()),
        other => (render(&result.remaining, other, cwd, quiet), summary),
    };
    let stderr = result.write_errors.iter().fold(stderr, |acc, e| acc + &format!("fixture-native validate: {e}\n"));
    CliOutput { stdout, stderr, exit_code }
}

fn summary(r: &FixReport, cwd: &Path, dry_run: bool) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let verb = if dry_run { "Would fix" } else { "Fixed" };
    let typemaps = r.files.iter().filter(|f| !r.fixed.iter().any(|d| d.file == f.file)).count();
    let stale = if typemaps > 0 { " and a stale type map" } else { "" };
    let mut out = format!("{verb} {}{stale} in {}.\n", plural(r.fixed.len(), "problem"), plural(r.files.len(), "file"));
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use fixture_test_support::copy_dir;

    fn cli(cwd: &Path, args: &[&str]) -> crate::CliOutput {
        crate::run(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>(), cwd)
    }

    #[test]
    fn fix_regenerates_a_stale_type_map_and_dry_run_shows_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("examples");
        copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples"), &root);
        assert_eq!(cli(&root, &["typemap", "--schema", "prisma/schema.prisma", "--out", "typemap.ts"]).exit_code, 0);
        let schema = root.join("prisma/schema.prisma");
        let text = std::fs::read_to_string(&schema).unwrap();
        std::fs::write(&schema, text.replace("model email {\n", "model email {\n  label        String?\n")).unwrap();
        let check = ["typemap", "--schema", "prisma/schema.prisma", "--out", "typemap.ts", "--check"];
        assert_eq!(cli(&root, &check).exit_code, 1);

        let fix = ["validate", "--config", "fixture-native.config.json", "--typemap", "typemap.ts"];
        let dry = cli(&root, &[&fix[..], &["--fix-dry-run"]].concat());
        assert_eq!(dry.exit_code, 0, "{}", dry.stderr);
        assert!(dry.stdout.starts_with("--- a/typemap.ts\n+++ b/typemap.ts\n"), "{}", dry.stdout);
        assert!(dry.stderr.starts_with("Would fix 0 problems and a stale type map in 1 file.\n"), "{}", dry.stderr);
        assert_eq!(cli(&root, &check).exit_code, 1, "a dry run writes nothing");

        let fixed = cli(&root, &[&fix[..], &["--fix"]].concat());
        assert_eq!(fixed.exit_code, 0, "{}{}", fixed.stdout, fixed.stderr);
        assert!(fixed.stdout.contains("Fixed 0 problems and a stale type map in 1 file.\n  typemap.ts: 1 fix\n"), "{}", fixed.stdout);
        assert_eq!(cli(&root, &check).exit_code, 0);
        let again = cli(&root, &[&fix[..], &["--fix"]].concat());
        assert!(again.stdout.contains("Fixed 0 problems in 0 files.\n"), "{}", again.stdout);

        // A file that is no type map of ours is never overwritten.
        std::fs::write(root.join("other.ts"), "export const x = 1;\n").unwrap();
        let foreign = cli(&root, &["validate", "--config", "fixture-native.config.json", "--typemap", "other.ts", "--fix"]);
        assert_eq!(foreign.exit_code, 2);
        assert!(foreign.stderr.contains("not a type map written by fixture-native"), "{}", foreign.stderr);
        assert_eq!(std::fs::read_to_string(root.join("other.ts")).unwrap(), "export const x = 1;\n");
        assert_eq!(cli(&root, &["validate", "--config", "fixture-native.config.json", "--typemap", "typemap.ts"]).exit_code, 2);
    }
}
