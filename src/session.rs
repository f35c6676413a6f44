//! napi bindings for the validation session (crates/validate/src/session.rs): the project context
//! built once, one file checked at a time (an editor, the ESLint plugin). Conversion only.

use std::path::PathBuf;

use fixture_validate::session::{Session, Update};
use napi::Env;
use napi::bindgen_prelude::Unknown;

use crate::js_args::type_error;
use crate::validate::{Diagnostic, ValidationReport};

/// What changed since the last report: diagnostics new and gone, and the whole report now.
#[napi(object)]
pub struct SessionUpdate {
    pub added: Vec<Diagnostic>,
    pub removed: Vec<Diagnostic>,
    pub report: ValidationReport,
    /// The changed paths this update looked at.
    pub paths: Vec<String>,
    /// From the first file event to this report, in milliseconds (`watchFactories` only).
    pub latency_ms: Option<f64>,
}

/// A validation session: the schema, type names, factory index, base classes and tsconfig are
/// built once; `checkFile` then costs only that file's analysis. It notices edits of the schema,
/// the config and the tsconfig by itself (and builds again).
#[napi]
pub struct ValidationSession {
    inner: Session,
}

#[napi]
impl ValidationSession {
    /// Builds the project context and checks every file once (the options of `validateFactories`).
    /// Throws on bad options or unreadable input; an invalid schema is a report (`schema-error`).
    #[napi(constructor, catch_unwind, ts_args_type = "options?: ValidateOptions | undefined | null")]
    pub fn new(env: Env, options: Option<Unknown>) -> napi::Result<Self> {
        let options = crate::validate::options_from_js(options).map_err(|message| type_error(&env, message.replacen("validateFactories:", "ValidationSession:", 1)))?;
        let options = crate::validate::convert_options(options)?;
        let inner = Session::new(options).map_err(|e| napi::Error::from_reason(e.message))?;
        Ok(ValidationSession { inner })
    }

    /// The diagnostics located in `path` (relative to the session's `cwd`, or absolute), with
    /// `text` (an unsaved buffer) in place of the file on disk when given. A file outside the
    /// configured factories gets an empty report (`files: 0`); while the schema is invalid, the
    /// report holds its `schema-error`s.
    #[napi(catch_unwind)]
    pub fn check_file(&mut self, path: String, text: Option<String>) -> napi::Result<ValidationReport> {
        let report = self.inner.check_file(&PathBuf::from(path), text.as_deref()).map_err(|e| napi::Error::from_reason(e.message))?;
        Ok(js(report))
    }

    /// Re-checks after `paths` changed on disk: those files and the files importing them;
    /// everything when one is the schema, the config or the tsconfig, or a file was added or deleted.
    #[napi(catch_unwind)]
    pub fn update(&mut self, paths: Vec<String>) -> napi::Result<SessionUpdate> {
        let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
        let update = self.inner.update(&paths).map_err(|e| napi::Error::from_reason(e.message))?;
        Ok(js_update(update, &paths, None))
    }

    /// The whole report, as `validateFactories` gives it.
    #[napi(catch_unwind)]
    pub fn report(&self) -> ValidationReport {
        js(self.inner.report())
    }
}

/// The one conversion of the session's reports (the same as `validateFactories`').
pub(crate) fn js(report: fixture_validate::Report) -> ValidationReport {
    crate::validate::js_report(report)
}

pub(crate) fn js_update(update: Update, paths: &[PathBuf], latency_ms: Option<f64>) -> SessionUpdate {
    let Update { added, removed, report } = update;
    let diagnostics = |diagnostics| js(fixture_validate::Report { diagnostics, factories: Vec::new(), ..report.clone() }).diagnostics;
    SessionUpdate {
        added: diagnostics(added),
        removed: diagnostics(removed),
        report: js(report),
        paths: paths.iter().map(|p| p.display().to_string()).collect(),
        latency_ms,
    }
}
