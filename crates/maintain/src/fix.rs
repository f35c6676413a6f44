//! `validate --fix`: applies the fixes the validator marks safe (exactly one right correction)
//! and nothing else. Edits are the validator's own spans and replacement texts, so formatting
//! and comments outside them stay as they are. Fixing repeats on the edited texts (in memory)
//! until no safe fix is left, so a second `--fix` finds nothing to do; a file whose edited text
//! would not parse is left alone. Files are written only at the end, each atomically.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fixture_validate::{Diagnostic, Fix, Options, Overlay, Report, ValidateError, validate_with_overlay};
use serde::Serialize;

/// Rounds of "validate, apply" before giving up (each round only applies what the previous one
/// revealed; real files settle in two).
const MAX_ROUNDS: usize = 8;

/// What `--fix` did.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FixReport {
    /// Every diagnostic whose fix was applied, located in the text it was found in.
    pub fixed: Vec<Diagnostic>,
    /// The files that changed, in path order.
    pub files: Vec<FixedFile>,
    /// Safe fixes left unapplied, and why.
    pub skipped: Vec<Skipped>,
    /// Files that could not be written (they are unchanged).
    pub write_errors: Vec<String>,
    /// The validator's report on the fixed texts: what remains.
    pub remaining: Report,
    /// The report before any fix.
    #[serde(skip)]
    pub before: Report,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FixedFile {
    pub file: String,
    pub fixes: usize,
    /// Written to disk (false for a dry run or a failed write).
    pub written: bool,
    #[serde(skip)]
    pub before: String,
    #[serde(skip)]
    pub after: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    pub diagnostic: Diagnostic,
    pub reason: String,
}

/// Runs the validator with `options`, applies every safe fix, and (unless `dry_run`) writes the
/// changed files inside `root`. `Err` only when the validator cannot run at all.
pub fn fix(options: &Options, root: &Path, dry_run: bool) -> Result<FixReport, ValidateError> {
    fix_files(options, root, dry_run, None)
}

/// [`fix`] kept to the named `files` (lint-staged's, an editor's): only their safe fixes are
/// applied, and both reports are kept to them; the rest of the project still gives the context.
pub fn fix_files(options: &Options, root: &Path, dry_run: bool, files: Option<&[PathBuf]>) -> Result<FixReport, ValidateError> {
    let named = files.map(fixture_validate::discover::named_files);
    let in_scope = |file: &str| named.as_ref().is_none_or(|n| n(file));
    let keep_to_scope = |report: &mut Report| {
        report.diagnostics.retain(|d| in_scope(&d.file));
        report.factories.retain(|f| in_scope(&f.file));
        report.ok = !report.diagnostics.iter().any(|d| d.severity == fixture_validate::Severity::Error);
    };
    let mut before = validate_with_overlay(options, &Overlay::new())?;
    keep_to_scope(&mut before);
    let mut report = before.clone();
    let mut overlay = Overlay::new();
    let mut originals: BTreeMap<PathBuf, String> = BTreeMap::new();
    let mut counts: BTreeMap<PathBuf, usize> = BTreeMap::new();
    let mut frozen: BTreeSet<PathBuf> = BTreeSet::new();
    let mut fixed = Vec::new();
    let mut skipped = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let mut by_file: BTreeMap<PathBuf, Vec<&Diagnostic>> = BTreeMap::new();
        for d in report.diagnostics.iter().filter(|d| d.fix.as_ref().is_some_and(|f| f.safe)) {
            let path = PathBuf::from(&d.file);
            if !frozen.contains(&path) {
                by_file.entry(path).or_default().push(d);
            }
        }
        let mut changed = false;
        for (path, diagnostics) in by_file {
            let text = match overlay.get(&path) {
                Some(t) => t.clone(),
                None => match std::fs::read_to_string(&path) {
                    Ok(t) => t,
                    Err(e) => {
                        frozen.insert(path.clone());
                        skipped.extend(diagnostics.iter().map(|d| Skipped { diagnostic: (*d).clone(), reason: format!("cannot read the file: {e}") }));
                        continue;
                    }
                },
            };
            let fixes: Vec<&Fix> = diagnostics.iter().filter_map(|d| d.fix.as_ref()).collect();
            let applied = apply_fixes(&text, &fixes);
            if applied.applied.is_empty() || applied.text == text {
                continue;
            }
            if let Some(error) = parse_error(&path, &applied.text) {
                frozen.insert(path.clone());
                skipped.extend(diagnostics.iter().map(|d| Skipped {
                    diagnostic: (*d).clone(),
                    reason: format!("the fixed file would not parse ({error}); the file is left as it is"),
                }));
                continue;
            }
            originals.entry(path.clone()).or_insert(text);
            *counts.entry(path.clone()).or_default() += applied.applied.len();
            fixed.extend(applied.applied.iter().map(|&i| diagnostics[i].clone()));
            overlay.insert(path, applied.text);
            changed = true;
        }
        if !changed {
            break;
        }
        report = validate_with_overlay(options, &overlay)?;
        keep_to_scope(&mut report);
    }
    // Safe fixes still reported after the last round: overlapping ones that never cleared, or a
    // fix that did not remove its own diagnostic.
    for d in report.diagnostics.iter().filter(|d| d.fix.as_ref().is_some_and(|f| f.safe) && !frozen.contains(Path::new(&d.file))) {
        skipped.push(Skipped { diagnostic: d.clone(), reason: "still reported after the fixes were applied; fix it by hand".into() });
    }

    let mut files = Vec::new();
    let mut write_errors = Vec::new();
    for (path, before_text) in originals {
        let after = overlay.remove(&path).unwrap_or_default();
        let written = !dry_run
            && match fixture_write::write_within(root, &path, after.as_bytes()) {
                Ok(()) => true,
                Err(e) => {
                    write_errors.push(e.to_string());
                    false
                }
            };
        files.push(FixedFile { file: path.display().to_string(), fixes: counts.get(&path).copied().unwrap_or(0), written, before: before_text, after });
    }
    fixed.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    Ok(FixReport { fixed, files, skipped, write_errors, remaining: report, before })
}

/// `--fix --typemap FILE`: the generated type map at `path` regenerated from `schema` when it is
/// stale (`None` when it is up to date). Only a file this tool generated is replaced.
pub fn stale_typemap(schema: &fixture_schema::Schema, path: &Path) -> Result<Option<FixedFile>, String> {
    use fixture_schema::typemap_source::{self, TypeMapFormat};
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let format = if name.ends_with(".d.ts") {
        TypeMapFormat::Dts
    } else if name.ends_with(".json") {
        TypeMapFormat::Json
    } else {
        TypeMapFormat::Ts
    };
    let old = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read the type map ({e}); create it with `fixture-native typemap --out {}`", path.display(), path.display()))?;
    let new = typemap_source::render(schema, format);
    if old == new {
        return Ok(None);
    }
    if typemap_source::stale_models(schema, format, &old).is_none() {
        return Err(format!("{}: not a type map written by fixture-native; left as it is", path.display()));
    }
    Ok(Some(FixedFile { file: path.display().to_string(), fixes: 1, written: false, before: old, after: new }))
}

/// The result of applying fixes to one text.
pub struct Applied {
    pub text: String,
    /// Indices (into the given fixes) of those applied.
    pub applied: Vec<usize>,
    /// Indices of those left out: overlapping an applied one, or out of the text's bounds.
    pub conflicting: Vec<usize>,
}

/// Applies `fixes` to `text`, earliest first; a fix overlapping one already taken (or whose
/// offsets do not fit the text) is left out whole, never half-applied.
pub fn apply_fixes(text: &str, fixes: &[&Fix]) -> Applied {
    let mut order: Vec<usize> = (0..fixes.len()).collect();
    order.sort_by_key(|&i| fixes[i].edits.first().map(|e| (e.byte_start, e.byte_end)));
    let mut taken: Vec<(usize, usize, &str)> = Vec::new();
    let (mut applied, mut conflicting) = (Vec::new(), Vec::new());
    for i in order {
        let edits: Vec<(usize, usize, &str)> = fixes[i].edits.iter().map(|e| (e.byte_start as usize, e.byte_end as usize, e.text.as_str())).collect();
        let fits = !edits.is_empty()
            && edits.iter().all(|&(s, e, _)| s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e));
        let clashes = |&(s, e, _): &(usize, usize, &str)| {
            taken.iter().any(|&(ts, te, _)| (s < te && ts < e) || (s == e && ts < s && s < te) || (ts == te && s < ts && ts < e) || (s == ts && (s == e || ts == te)))
        };
        let duplicate = edits.iter().all(|edit| taken.iter().any(|t| t == edit));
        if duplicate && fits {
            // The same edit twice (two diagnostics, one fix): counted once, applied once.
            applied.push(i);
            continue;
        }
        if !fits || edits.iter().any(clashes) || edits.windows(2).any(|w| w[0].1 > w[1].0) {
            conflicting.push(i);
            continue;
        }
        taken.extend(edits);
        applied.push(i);
    }
    taken.sort_by_key(|&(s, e, _)| (s, e));
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for (s, e, replacement) in taken {
        out.push_str(&text[at..s]);
        out.push_str(replacement);
        at = e;
    }
    out.push_str(&text[at..]);
    applied.sort_unstable();
    Applied { text: out, applied, conflicting }
}

/// The first syntax error of `text` parsed as the file at `path` is, if any.
pub fn parse_error(path: &Path, text: &str) -> Option<String> {
    let allocator = oxc_allocator::Allocator::default();
    let source_type = oxc_span::SourceType::from_path(path).unwrap_or_else(|_| oxc_span::SourceType::ts());
    let ret = oxc_parser::Parser::new(&allocator, text, source_type).parse();
    if ret.panicked || !ret.diagnostics.is_empty() {
        return Some(ret.diagnostics.first().map(|d| d.message.to_string()).unwrap_or_else(|| "unparsable".into()));
    }
    None
}

/// A unified diff of every changed file (paths shown relative to `cwd`), `--fix-dry-run`'s output.
pub fn unified_diff(files: &[FixedFile], cwd: &Path) -> String {
    let mut out = String::new();
    for f in files {
        let shown = Path::new(&f.file).strip_prefix(cwd).map(|p| p.display().to_string()).unwrap_or_else(|_| f.file.clone());
        let diff = similar::TextDiff::from_lines(&f.before, &f.after);
        out.push_str(&diff.unified_diff().context_radius(3).header(&format!("a/{shown}"), &format!("b/{shown}")).to_string());
    }
    out
}

/// Applies the safe fixes of `diagnostics` (a report from an earlier run) to the files on disk
/// once, each file atomically and only when its fixed text parses: JS `applyFixes(report)`.
pub fn apply_report(diagnostics: &[Diagnostic], root: &Path) -> ApplyReport {
    let mut by_file: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for d in diagnostics.iter().filter(|d| d.fix.as_ref().is_some_and(|f| f.safe)) {
        by_file.entry(d.file.as_str()).or_default().push(d);
    }
    let mut result = ApplyReport::default();
    for (file, ds) in by_file {
        let path = Path::new(file);
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                result.errors.push(format!("{file}: cannot read: {e}"));
                continue;
            }
        };
        let fixes: Vec<&Fix> = ds.iter().filter_map(|d| d.fix.as_ref()).collect();
        let applied = apply_fixes(&text, &fixes);
        if applied.applied.is_empty() || applied.text == text {
            continue;
        }
        if let Some(error) = parse_error(path, &applied.text) {
            result.errors.push(format!("{file}: not fixed: the fixed text would not parse ({error}); was the file edited after the report? run the validator again"));
            continue;
        }
        match fixture_write::write_within(root, path, applied.text.as_bytes()) {
            Ok(()) => {
                result.fixed += applied.applied.len();
                result.files.push(file.to_string());
            }
            Err(e) => result.errors.push(e.to_string()),
        }
        result.skipped += applied.conflicting.len();
    }
    result
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplyReport {
    /// Fixes applied.
    pub fixed: usize,
    /// Files written.
    pub files: Vec<String>,
    /// Safe fixes left out because they overlap another (run the validator and apply again).
    pub skipped: usize,
    /// Files not written, and why.
    pub errors: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use fixture_validate::Edit;

    fn fix(edits: &[(u32, u32, &str)]) -> Fix {
        Fix {
            safe: true,
            edits: edits
                .iter()
                .map(|&(s, e, t)| Edit { byte_start: s, byte_end: e, line: 1, column: s + 1, end_line: 1, end_column: e + 1, text: t.into() })
                .collect(),
        }
    }

    #[test]
    fn applies_edits_and_leaves_overlaps_out_whole() {
        let text = "const a: Prisma.TagCreateInput = {}; // keep me";
        let one = fix(&[(9, 30, "Prisma.tagCreateInput")]);
        let overlapping = fix(&[(16, 19, "tag")]);
        let insert = fix(&[(34, 34, " x: 1 ")]);
        let r = apply_fixes(text, &[&overlapping, &one, &insert]);
        assert_eq!(r.text, "const a: Prisma.tagCreateInput = { x: 1 }; // keep me");
        assert_eq!(r.applied, vec![1, 2]);
        assert_eq!(r.conflicting, vec![0]);
        // The same edit from two diagnostics is applied once.
        let twice = apply_fixes(text, &[&one, &one.clone()]);
        assert_eq!(twice.text, "const a: Prisma.tagCreateInput = {}; // keep me");
        assert_eq!(twice.applied.len(), 2);
    }

    #[test]
    fn out_of_bounds_and_split_characters_are_refused() {
        let text = "é = 1";
        let split = fix(&[(1, 2, "x")]);
        let beyond = fix(&[(3, 99, "x")]);
        let r = apply_fixes(text, &[&split, &beyond]);
        assert_eq!(r.text, text);
        assert_eq!(r.conflicting.len(), 2);
    }
}
