//! napi bindings for the validation session (crates/validate/src/session.rs): the project context
//! built once, one file checked at a time (an editor, the ESLint plugin). Options in, reports out
//! through `serde_js`, as `validateFactories`.

use std::path::PathBuf;

use fixture_validate::session::{Session, Update};
use fixture_validate::{Diagnostic, Report};
use napi::Env;
use napi::bindgen_prelude::Unknown;
use serde::Serialize;

use crate::js_args::type_error;
use crate::serde_js;

/// What changed since the last report: diagnostics new and gone, and the whole report now.
#[napi(object, object_from_js = false, object_to_js = false)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is `JsUpdate`'s serde output
pub struct SessionUpdate {
    pub added: Vec<crate::validate::Diagnostic>,
    pub removed: Vec<crate::validate::Diagnostic>,
    pub report: crate::validate::ValidationReport,
    /// The changed paths this update looked at.
    pub paths: Vec<String>,
    /// From the first file event to this report, in milliseconds (`watchFactories` only).
    pub latency_ms: Option<f64>,
}

/// The serde shape of [`SessionUpdate`].
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct JsUpdate<'u> {
    added: &'u [Diagnostic],
    removed: &'u [Diagnostic],
    report: &'u Report,
    paths: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    latency_ms: Option<f64>,
}

impl<'u> JsUpdate<'u> {
    pub(crate) fn new(update: &'u Update, paths: &[PathBuf], latency_ms: Option<f64>) -> Self {
        JsUpdate {
            added: &update.added,
            removed: &update.removed,
            report: &update.report,
            paths: paths.iter().map(|p| p.display().to_string()).collect(),
            latency_ms,
        }
    }
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
    #[napi(catch_unwind, ts_return_type = "ValidationReport")]
    pub fn check_file<'env>(&mut self, env: &'env Env, path: String, text: Option<String>) -> napi::Result<Unknown<'env>> {
        let report = self.inner.check_file(&PathBuf::from(path), text.as_deref()).map_err(|e| napi::Error::from_reason(e.message))?;
        serde_js::to_js(env, &report)
    }

    /// Re-checks after `paths` changed on disk: those files and the files importing them;
    /// everything when one is the schema, the config or the tsconfig, or a file was added or deleted.
    #[napi(catch_unwind, ts_return_type = "SessionUpdate")]
    pub fn update<'env>(&mut self, env: &'env Env, paths: Vec<String>) -> napi::Result<Unknown<'env>> {
        let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
        let update = self.inner.update(&paths).map_err(|e| napi::Error::from_reason(e.message))?;
        serde_js::to_js(env, &JsUpdate::new(&update, &paths, None))
    }

    /// The whole report, as `validateFactories` gives it.
    #[napi(catch_unwind, ts_return_type = "ValidationReport")]
    pub fn report<'env>(&self, env: &'env Env) -> napi::Result<Unknown<'env>> {
        serde_js::to_js(env, &self.inner.report())
    }
}
