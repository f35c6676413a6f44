//! napi bindings for the project a file belongs to, found as the validator finds its config
//! (crates/validate/src/config.rs): the ESLint plugin asks for every file it lints, and for the
//! levels `configs.recommended` gives the rules.

use std::path::Path;

use fixture_validate::config;
use napi::Env;
use napi::bindgen_prelude::Unknown;

use crate::serde_js;

/// Where the config of a project is: the folder its relative paths start from, and the file
/// holding it (a `fixture-native.config.json`, or the `package.json` with `"fixtureNative"`).
#[napi(object, object_from_js = false, object_to_js = false)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is `config::ProjectConfig`'s serde output
pub struct FixtureProject {
    pub dir: String,
    pub file: String,
}

/// The project config the validator would use for folder `start` (absolute), found from there
/// upwards; `null` when there is none. A `package.json` is read again only when it changed.
#[napi(catch_unwind, ts_return_type = "FixtureProject | null")]
pub fn find_fixture_project<'env>(env: &'env Env, start: String) -> napi::Result<Unknown<'env>> {
    serde_js::to_js(env, &config::find_project(Path::new(&start)))
}

/// The level the config of the project found from folder `start` gives each diagnostic code
/// (its `rules`, where valid); `{}` without a project or with a config that cannot be read.
#[napi(catch_unwind, ts_return_type = "Partial<Record<DiagnosticCode, 'error' | 'warning' | 'off'>>")]
pub fn fixture_project_rule_levels<'env>(env: &'env Env, start: String) -> napi::Result<Unknown<'env>> {
    serde_js::to_js(env, &config::project_rule_levels(Path::new(&start)))
}
