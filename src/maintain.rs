//! napi bindings for fixture-maintain (see crates/maintain): `applyFixes` and `diffSchemas`,
//! converting only (reports in and results out through `serde_js`).

use fixture_maintain::diff::{Side, diff_sides};
use fixture_validate::{Diagnostic, Options};
use napi::Env;
use napi::bindgen_prelude::{Either, Unknown};

use crate::js_args::{SchemaSource, cwd_or_process};
use crate::serde_js;

/// What `applyFixes` reads of a report: its diagnostics (the rest may be anything).
#[derive(serde::Deserialize)]
struct Diagnostics {
    diagnostics: Vec<Diagnostic>,
}

#[napi(object)]
pub struct ApplyFixesOptions {
    /// Files outside this folder are not written (default: `process.cwd()`).
    pub root: Option<String>,
}

#[napi(object)]
pub struct ApplyFixesResult {
    /// Fixes applied.
    pub fixed: u32,
    /// Files written, in path order.
    pub files: Vec<String>,
    /// Safe fixes left out because they overlap another: validate again and apply again.
    pub skipped: u32,
    /// Files not written, and why (each names the file).
    pub errors: Vec<String>,
}

/// Applies the safe fixes of a `validateFactories` report to the files on disk, each file
/// atomically (temporary file + rename) and only when its fixed text still parses. Run it on a
/// fresh report: the edits are byte offsets into the files as they were read. Unlike
/// `validate --fix`, this applies one round; a fix a first round reveals needs another report.
#[napi(catch_unwind, ts_args_type = "report: ValidationReport, options?: ApplyFixesOptions | undefined | null")]
pub fn apply_fixes(env: &Env, report: Unknown, options: Option<ApplyFixesOptions>) -> napi::Result<ApplyFixesResult> {
    let root = cwd_or_process(options.and_then(|o| o.root))?;
    let report: Diagnostics = serde_js::from_js(env, "applyFixes: report", report)?;
    let r = fixture_maintain::fix::apply_report(&report.diagnostics, &root);
    Ok(ApplyFixesResult { fixed: r.fixed as u32, files: r.files, skipped: r.skipped as u32, errors: r.errors })
}

#[napi(object)]
pub struct DiffSchemasOptions {
    /// The old schema: a `.prisma` file or folder, `git:REV:path`, or `{ source }`.
    pub old: Either<String, SchemaSource>,
    /// The new schema, the same ways.
    pub new: Either<String, SchemaSource>,
    /// Factories (folder, file, glob, or several) to check against both schemas.
    pub factories: Option<Either<String, Vec<String>>>,
    /// A `fixture-native.config.json` giving the factories (its schema is replaced by each side).
    pub config: Option<String>,
    pub base_class: Option<String>,
    /// Where relative paths (and git) start (default: `process.cwd()`).
    pub cwd: Option<String>,
}

/// The changes between two schemas and, with `factories` or `config`, the new diagnostics each
/// change causes: `{ changes: [{ kind, name, field?, from?, to?, description, breaks: Diagnostic[] }],
/// unattributed: Diagnostic[], factoriesChecked }`. Throws on an unreadable or invalid schema.
#[napi(catch_unwind, ts_return_type = "{ changes: Array<{ kind: string; name: string; field?: string; from?: string; to?: string; description: string; breaks: Diagnostic[] }>; unattributed: Diagnostic[]; factoriesChecked: boolean }")]
pub fn diff_schemas<'env>(env: &'env Env, options: DiffSchemasOptions) -> napi::Result<Unknown<'env>> {
    let cwd = cwd_or_process(options.cwd)?;
    let side = |s: Either<String, SchemaSource>, name: &str| match s {
        Either::A(spec) => Side::read(&spec, &cwd),
        Either::B(src) => Side::source(src.source, name),
    };
    let old = side(options.old, "old schema").map_err(napi::Error::from_reason)?;
    let new = side(options.new, "new schema").map_err(napi::Error::from_reason)?;
    let factories: Vec<String> = match options.factories {
        Some(Either::A(one)) => vec![one],
        Some(Either::B(many)) => many,
        None => Vec::new(),
    };
    let check = !factories.is_empty() || options.config.is_some();
    let template = check.then(|| Options { cwd: cwd.clone(), config: options.config.map(|c| cwd.join(c)), factories, base_class: options.base_class, ..Default::default() });
    let result = diff_sides(&old, &new, template.as_ref()).map_err(|e| napi::Error::from_reason(e.message))?;
    serde_js::to_js(env, &result)
}
