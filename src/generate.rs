//! napi bindings for fixture-generate (see crates/generate): option and result conversion only.

use fixture_generate::project::{Request, source_for};
use napi::Env;
use napi::bindgen_prelude::{Either, Unknown};

use crate::js_args::{self, SchemaSource};

#[napi(object)]
#[derive(Default)]
pub struct GenerateOptions {
    /// A `.prisma` file or folder, or `{ source }` (default: from the config, else found as Prisma does).
    pub schema: Option<Either<String, SchemaSource>>,
    /// The factories folder whose house style is followed (default: the config's `factories`
    /// folder, else the folder holding the base class; none: the default style).
    pub out: Option<String>,
    /// The class factories extend (default `"EnhancedDatabaseFactory"`).
    pub base_class: Option<String>,
    /// Import specifier of the base class (default: as the existing factories import it).
    pub base_import: Option<String>,
    /// Import specifier of `DbTestFixtures` (default: as the existing factories import it).
    pub fixtures_import: Option<String>,
    /// A `fixture-native.config.json` (default: found from `cwd` upwards).
    pub config: Option<String>,
    /// Where relative paths and config discovery start (default: `process.cwd()`).
    pub cwd: Option<String>,
}

#[napi(object)]
pub struct GeneratedFactory {
    pub model: String,
    /// `TagTranslationDbFactory`
    pub class_name: String,
    /// `TagTranslationDbFactory.ts`
    pub file_name: String,
    /// The TypeScript source of the factory.
    pub source: String,
    /// What the generated code could not do by itself (also in its doc comment).
    pub notes: Vec<String>,
}

/// The source of a fixture factory for `model`, in the house style of the project's existing
/// factories. Writes nothing; throws when the model is unknown or cannot be created (views, a
/// required `Unsupported` field), with the reason.
#[napi(catch_unwind, ts_args_type = "model: string, options?: GenerateOptions | undefined | null")]
pub fn generate_factory_source(env: Env, model: Unknown, options: Option<GenerateOptions>) -> napi::Result<GeneratedFactory> {
    let model = js_args::text(&env, "generateFactorySource", "model", model)?;
    let options = options.unwrap_or_default();
    let cwd = js_args::cwd_or_process(options.cwd)?;
    let (schema, schema_source) = match options.schema {
        Some(Either::A(path)) => (Some(path.into()), None),
        Some(Either::B(SchemaSource { source, .. })) => (None, Some(source)),
        None => (None, None),
    };
    let request = Request {
        cwd,
        config: options.config.map(Into::into),
        schema,
        schema_source,
        out: options.out.map(Into::into),
        base_class: options.base_class,
        base_import: options.base_import,
        fixtures_import: options.fixtures_import,
        ..Default::default()
    };
    let generated = source_for(&request, &model).map_err(|e| napi::Error::from_reason(e.0))?;
    Ok(GeneratedFactory {
        model: generated.model,
        class_name: generated.class_name,
        file_name: generated.file_name,
        source: generated.source,
        notes: generated.notes,
    })
}
