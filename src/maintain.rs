//! napi bindings for fixture-maintain (see crates/maintain): `applyFixes` and `diffSchemas`,
//! converting only.

use fixture_maintain::diff::{Side, diff_sides};
use fixture_validate::{Code, Options, Severity};
use napi::bindgen_prelude::Either;

use crate::schema::SchemaSource;
use crate::validate::{Diagnostic, ValidationReport};

/// A fix as data: `safe` when it is the one right correction (what `applyFixes` and
/// `validate --fix` apply).
#[napi(object)]
pub struct DiagnosticFix {
    pub safe: bool,
    /// Non-overlapping, in text order.
    pub edits: Vec<FixEdit>,
}

/// Replace `byteStart..byteEnd` (UTF-8 offsets into the file) with `text`; the same span as
/// 1-based lines and UTF-16 columns (end exclusive).
#[napi(object)]
pub struct FixEdit {
    pub byte_start: u32,
    pub byte_end: u32,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub text: String,
}

impl From<fixture_validate::Fix> for DiagnosticFix {
    fn from(f: fixture_validate::Fix) -> Self {
        DiagnosticFix {
            safe: f.safe,
            edits: f
                .edits
                .into_iter()
                .map(|e| FixEdit { byte_start: e.byte_start, byte_end: e.byte_end, line: e.line, column: e.column, end_line: e.end_line, end_column: e.end_column, text: e.text })
                .collect(),
        }
    }
}

/// A report's diagnostic from JS back into the core's (for `applyFixes` and `formatValidationReport`).
pub(crate) fn core_diagnostic(d: &Diagnostic) -> napi::Result<fixture_validate::Diagnostic> {
    let code = Code::parse(&d.code).ok_or_else(|| napi::Error::from_reason(format!("{}:{}: \"{}\" is not a diagnostic code; pass a report from validateFactories", d.file, d.line, d.code)))?;
    Ok(fixture_validate::Diagnostic {
        code,
        severity: match d.severity.as_str() {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            other => return Err(napi::Error::from_reason(format!("{}:{}: severity \"{other}\" is not \"error\" or \"warning\"", d.file, d.line))),
        },
        file: d.file.clone(),
        line: d.line,
        column: d.column,
        end_line: d.end_line,
        end_column: d.end_column,
        message: d.message.clone(),
        suggestion: d.suggestion.clone(),
        help: d.help.clone(),
        fix: d.fix.as_ref().map(|f| fixture_validate::Fix {
            safe: f.safe,
            edits: f
                .edits
                .iter()
                .map(|e| fixture_validate::Edit { byte_start: e.byte_start, byte_end: e.byte_end, line: e.line, column: e.column, end_line: e.end_line, end_column: e.end_column, text: e.text.clone() })
                .collect(),
        }),
    })
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
#[napi(catch_unwind)]
pub fn apply_fixes(report: ValidationReport, options: Option<ApplyFixesOptions>) -> napi::Result<ApplyFixesResult> {
    let root = match options.and_then(|o| o.root) {
        Some(r) => std::path::PathBuf::from(r),
        None => std::env::current_dir().map_err(|e| napi::Error::from_reason(format!("cannot read the working directory: {e}")))?,
    };
    let diagnostics = report.diagnostics.iter().map(core_diagnostic).collect::<napi::Result<Vec<_>>>()?;
    let r = fixture_maintain::fix::apply_report(&diagnostics, &root);
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
pub fn diff_schemas(options: DiffSchemasOptions) -> napi::Result<fixture_schema::serde_json::Value> {
    let cwd = match options.cwd {
        Some(c) => std::path::PathBuf::from(c),
        None => std::env::current_dir().map_err(|e| napi::Error::from_reason(format!("cannot read the working directory: {e}")))?,
    };
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
    fixture_schema::serde_json::to_value(&result).map_err(|e| napi::Error::from_reason(e.to_string()))
}
