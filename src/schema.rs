//! napi bindings for fixture-schema (see crates/schema): argument conversion and result shapes only.
//! An invalid schema throws an `Error` built here, with `code` and a `diagnostics` array set on it.
//! `loadSchema` and `resolveTypeMap` return `JSON.parse` of a string serialized in Rust
//! (`fixture_schema::api_json`); their `#[napi(object)]` structs here only declare the TypeScript
//! shapes in index.d.ts; crates/schema/tests/api_json_shape.rs holds the JSON to those shapes.

use std::collections::BTreeMap;
use std::sync::Arc;

use fixture_schema::typemap_source::{self, TypeMapFormat};
use fixture_schema::{SchemaError, SchemaErrorKind, SchemaInput};
use napi::bindgen_prelude::{Either, Unknown};
use napi::{Env, Status};

use crate::js_args::{self, SchemaSource};
use crate::serde_js;

// Every function takes `input: Option<Either<String, SchemaSource>>`: a `.prisma` file or a folder
// of them, `{ source }`, or nothing to find the schema from the working directory as the Prisma CLI
// does. (Spelt out in each signature: napi-rs does not resolve type aliases into index.d.ts.)

/// One problem in a schema file (1-based line and column).
#[napi(object)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is the core's serde output
pub struct SchemaDiagnostic {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub message: String,
    #[napi(ts_type = "'error' | 'warning'")]
    pub severity: String,
}

/// A model or view, shaped like the DMMF `datamodel` model plus the generated names.
#[napi(object)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is built as JSON (api_json)
pub struct SchemaModel {
    pub name: String,
    /// The PrismaClient property: first character lower-cased.
    pub delegate: String,
    /// `@@map` name.
    pub db_name: Option<String>,
    pub is_view: bool,
    pub id_fields: Vec<String>,
    /// `@@unique` field lists (single-field `@unique`s are `isUnique` on the field), as in the DMMF.
    pub unique_fields: Vec<Vec<String>>,
    pub types: ModelTypeNames,
    pub fields: Vec<SchemaField>,
    /// Required fields of `<Model>CreateInput`.
    pub required_create_fields: Vec<String>,
    /// Required fields of `<Model>UncheckedCreateInput`.
    pub required_unchecked_create_fields: Vec<String>,
    /// `Unsupported("…")` fields (not in the DMMF, never writable).
    pub unsupported_fields: Vec<UnsupportedField>,
}

/// The exact `Prisma.<name>` type names of a model; `null` where Prisma generates none.
#[napi(object)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is built as JSON (api_json)
pub struct ModelTypeNames {
    pub model: String,
    pub create_input: Option<String>,
    pub unchecked_create_input: Option<String>,
    pub update_input: Option<String>,
    pub unchecked_update_input: Option<String>,
    pub create_many_input: Option<String>,
    pub where_input: String,
    pub where_unique_input: Option<String>,
    pub order_by_with_relation_input: String,
    pub select: String,
    pub include: Option<String>,
}

/// A field as the DMMF `datamodel` lists it.
#[napi(object)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is built as JSON (api_json)
pub struct SchemaField {
    pub name: String,
    #[napi(ts_type = "'scalar' | 'enum' | 'object' | 'unsupported'")]
    pub kind: String,
    #[napi(js_name = "type")]
    pub type_name: String,
    pub is_list: bool,
    pub is_required: bool,
    pub is_id: bool,
    pub is_unique: bool,
    pub is_updated_at: bool,
    pub has_default_value: bool,
    /// As the DMMF shows it: a literal, a list, or `{ name, args }` for a function.
    #[napi(ts_type = "string | number | boolean | { name: string; args: Array<string | number> } | Array<string | number | boolean> | null")]
    pub default: Option<fixture_schema::serde_json::Value>,
    pub db_name: Option<String>,
    pub relation_name: Option<String>,
    pub relation_from_fields: Option<Vec<String>>,
    pub relation_to_fields: Option<Vec<String>>,
    pub is_read_only: bool,
}

#[napi(object)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is built as JSON (api_json)
pub struct UnsupportedField {
    pub name: String,
    #[napi(js_name = "type")]
    pub type_name: String,
    pub is_required: bool,
    pub has_default_value: bool,
}

#[napi(object)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is built as JSON (api_json)
pub struct SchemaEnum {
    pub name: String,
    pub db_name: Option<String>,
    pub values: Vec<SchemaEnumValue>,
}

#[napi(object)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is built as JSON (api_json)
pub struct SchemaEnumValue {
    pub name: String,
    pub db_name: Option<String>,
}

/// A MongoDB composite type (`type` block).
#[napi(object)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is built as JSON (api_json)
pub struct SchemaCompositeType {
    pub name: String,
    pub fields: Vec<SchemaField>,
}

/// The resolved schema.
#[napi(object)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is built as JSON (api_json)
pub struct LoadedSchema {
    /// The files read, in reading order.
    pub files: Vec<String>,
    pub provider: String,
    /// SHA-256 of the schema text.
    pub source_hash: String,
    /// The generator's `previewFeatures`.
    pub preview_features: Vec<String>,
    pub models: Vec<SchemaModel>,
    pub enums: Vec<SchemaEnum>,
    pub types: Vec<SchemaCompositeType>,
    /// psl's warnings for a valid schema (deprecated preview features, …).
    pub warnings: Vec<SchemaDiagnostic>,
}

/// `resolveTypeMap`'s result: everything keyed by name.
#[napi(object)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is built as JSON (api_json)
pub struct TypeMap {
    pub models: BTreeMap<String, SchemaModel>,
    pub enums: BTreeMap<String, SchemaEnum>,
    pub types: BTreeMap<String, SchemaCompositeType>,
}

#[napi(object)]
pub struct GenerateTypeMapOptions {
    #[napi(ts_type = "'ts' | 'dts' | 'json'")]
    pub format: Option<String>,
}

fn to_input(input: Option<Either<String, SchemaSource>>) -> napi::Result<SchemaInput> {
    Ok(match input {
        None => SchemaInput::Discover {
            cwd: js_args::cwd_or_process(None)?,
        },
        Some(Either::A(path)) => SchemaInput::Path(path.into()),
        Some(Either::B(SchemaSource { source, file_name })) => SchemaInput::Source { source, file_name },
    })
}

/// Throws `error` as a JS `Error` with `code` and `diagnostics`; returns the pending-exception marker.
fn throw(env: &Env, error: SchemaError) -> napi::Error {
    let code = match error.kind {
        SchemaErrorKind::Io => "ERR_PRISMA_SCHEMA_NOT_FOUND",
        SchemaErrorKind::Invalid => "ERR_PRISMA_SCHEMA_INVALID",
    };
    let build = || -> napi::Result<()> {
        let mut object = env.create_error(napi::Error::new(Status::GenericFailure, error.message.clone()))?;
        object.set("code", code)?;
        object.set("diagnostics", serde_js::to_js(env, &error.diagnostics)?)?;
        env.throw(object)
    };
    match build() {
        Ok(()) => napi::Error::new(Status::PendingException, error.message),
        Err(failed) => failed,
    }
}

/// The schema `function` was given (its JS type checked first), loaded.
fn load(env: &Env, function: &str, input: Option<Unknown>) -> napi::Result<Arc<fixture_schema::Schema>> {
    let input = js_args::schema_input(env, function, input)?;
    fixture_schema::load_shared(&to_input(input)?).map_err(|e| throw(env, e))
}

/// Loads a Prisma schema (a path, `{ source }`, or discovered from the working directory).
/// Throws an `Error` with `code` and `diagnostics` when the schema is invalid or not found.
#[napi(catch_unwind, ts_args_type = "input?: string | SchemaSource | undefined | null", ts_return_type = "LoadedSchema")]
pub fn load_schema<'env>(env: &'env Env, input: Option<Unknown>) -> napi::Result<Unknown<'env>> {
    let schema = load(env, "loadSchema", input)?;
    serde_js::parse(env, fixture_schema::api_json::loaded_schema_json(&schema))
}

/// The type map: models (views included, `@@ignore`d left out), enums and composite types by name.
#[napi(catch_unwind, ts_args_type = "input?: string | SchemaSource | undefined | null", ts_return_type = "TypeMap")]
pub fn resolve_type_map<'env>(env: &'env Env, input: Option<Unknown>) -> napi::Result<Unknown<'env>> {
    let schema = load(env, "resolveTypeMap", input)?;
    serde_js::parse(env, fixture_schema::api_json::type_map_json(&schema))
}

/// The real `Prisma.<name>` for a misspelt one (`CreditAccountCreateInput` ->
/// `credit_accountCreateInput`), or `null` when it is right or nothing is close.
#[napi(catch_unwind, ts_args_type = "name: string, input?: string | SchemaSource | undefined | null")]
pub fn suggest_type_name(env: Env, name: Unknown, input: Option<Unknown>) -> napi::Result<Option<String>> {
    let name = js_args::text(&env, "suggestTypeName", "name", name)?;
    let schema = load(&env, "suggestTypeName", input)?;
    Ok(fixture_schema::type_names::suggest(&schema, &name))
}

/// Whether `Prisma.<name>` exists in the client generated for the schema.
#[napi(catch_unwind, ts_args_type = "name: string, input?: string | SchemaSource | undefined | null")]
pub fn prisma_type_exists(env: Env, name: Unknown, input: Option<Unknown>) -> napi::Result<bool> {
    let name = js_args::text(&env, "prismaTypeExists", "name", name)?;
    let schema = load(&env, "prismaTypeExists", input)?;
    Ok(fixture_schema::type_names::exists(&schema, &name))
}

/// The `PRISMA_TYPE_MAP` module text (`format`: `ts` (default), `dts` or `json`), byte-identical
/// for the same schema.
#[napi(catch_unwind, ts_args_type = "input?: string | SchemaSource | undefined | null, options?: GenerateTypeMapOptions | undefined | null")]
pub fn generate_type_map_source(
    env: Env,
    input: Option<Unknown>,
    options: Option<GenerateTypeMapOptions>,
) -> napi::Result<String> {
    let format: TypeMapFormat = match options.and_then(|o| o.format) {
        Some(text) => text.parse().map_err(|e: String| napi::Error::new(Status::InvalidArg, e))?,
        None => TypeMapFormat::Ts,
    };
    let schema = load(&env, "generateTypeMapSource", input)?;
    Ok(typemap_source::render(&schema, format))
}

/// What a `Prisma.<name>` is: the model it belongs to and its kind (`createInput`,
/// `createWithout` with `relationField`, …, `other`); `null` when the client has no such name.
#[napi(object)]
pub struct ResolvedTypeName {
    pub model: Option<String>,
    #[napi(ts_type = "'model' | 'createInput' | 'uncheckedCreateInput' | 'updateInput' | 'uncheckedUpdateInput' | 'createManyInput' | 'updateManyMutationInput' | 'uncheckedUpdateManyInput' | 'createWithout' | 'uncheckedCreateWithout' | 'updateWithout' | 'uncheckedUpdateWithout' | 'uncheckedUpdateManyWithout' | 'createManyNested' | 'whereInput' | 'whereUniqueInput' | 'orderByWithRelationInput' | 'select' | 'include' | 'other'")]
    pub kind: String,
    pub relation_field: Option<String>,
}

/// One field of a create/update input type.
#[napi(object)]
pub struct InputField {
    pub name: String,
    pub required: bool,
    pub nullable: bool,
    #[napi(ts_type = "'scalar' | 'enum' | 'composite' | 'relation'")]
    pub kind: String,
    /// Scalar, enum, composite type or related model name.
    #[napi(js_name = "type")]
    pub type_name: String,
    pub is_list: bool,
    /// For relations: the nested input type (`UserCreateNestedOneWithoutPostsInput`, …).
    pub input_type: Option<String>,
}

fn resolved(name: fixture_schema::ResolvedTypeName) -> ResolvedTypeName {
    let value = fixture_schema::serde_json::to_value(&name.kind).unwrap_or_default();
    ResolvedTypeName {
        model: name.model,
        kind: value["kind"].as_str().unwrap_or("other").to_owned(),
        relation_field: value["relationField"].as_str().map(str::to_owned),
    }
}

/// Resolves `Prisma.<name>` (with or without the `Prisma.` prefix) for the schema.
#[napi(catch_unwind, ts_args_type = "name: string, input?: string | SchemaSource | undefined | null")]
pub fn resolve_prisma_type_name(env: Env, name: Unknown, input: Option<Unknown>) -> napi::Result<Option<ResolvedTypeName>> {
    let name = js_args::text(&env, "resolvePrismaTypeName", "name", name)?;
    let schema = load(&env, "resolvePrismaTypeName", input)?;
    Ok(fixture_schema::type_names::resolve(&schema, &name).map(resolved))
}

/// Every name of the generated `Prisma` namespace for the schema, sorted.
#[napi(catch_unwind, ts_args_type = "input?: string | SchemaSource | undefined | null")]
pub fn prisma_type_names(env: Env, input: Option<Unknown>) -> napi::Result<Vec<String>> {
    let schema = load(&env, "prismaTypeNames", input)?;
    let mut names: Vec<String> = schema.type_index().names.keys().cloned().collect();
    names.sort();
    Ok(names)
}

fn input_field(f: fixture_schema::InputField) -> InputField {
    use fixture_schema::InputShape;
    let (kind, type_name, is_list, input_type) = match f.shape {
        InputShape::Scalar { type_name, is_list } => ("scalar", type_name, is_list, None),
        InputShape::Enum { name, is_list } => ("enum", name, is_list, None),
        InputShape::Composite { name, is_list } => ("composite", name, is_list, None),
        InputShape::Relation { model, is_list, input_type } => ("relation", model, is_list, Some(input_type)),
    };
    InputField { name: f.name, required: f.required, nullable: f.nullable, kind: kind.to_owned(), type_name, is_list, input_type }
}

/// The fields of a create/update input type (`userCreateInput`, `postCreateWithoutAuthorInput`, …);
/// `null` when the name is not such an input for this schema.
#[napi(catch_unwind, ts_args_type = "typeName: string, input?: string | SchemaSource | undefined | null")]
pub fn prisma_input_fields(env: Env, type_name: Unknown, input: Option<Unknown>) -> napi::Result<Option<Vec<InputField>>> {
    let type_name = js_args::text(&env, "prismaInputFields", "typeName", type_name)?;
    let schema = load(&env, "prismaInputFields", input)?;
    let Some(name) = fixture_schema::type_names::resolve(&schema, &type_name) else { return Ok(None) };
    let Some(model) = name.model.as_deref() else { return Ok(None) };
    Ok(fixture_schema::input_fields(&schema, model, &name.kind).map(|fields| fields.into_iter().map(input_field).collect()))
}

/// One name of the `Prisma` namespace, described.
#[napi(object)]
pub struct PrismaTypeDescription {
    pub name: String,
    pub resolved: ResolvedTypeName,
    /// For create/update inputs: their fields.
    pub input_fields: Option<Vec<InputField>>,
}

/// Every name of the `Prisma` namespace for the schema, sorted, each resolved (and with its fields
/// for create/update inputs): the whole universe in one call.
#[napi(catch_unwind, ts_args_type = "input?: string | SchemaSource | undefined | null")]
pub fn describe_prisma_types(env: Env, input: Option<Unknown>) -> napi::Result<Vec<PrismaTypeDescription>> {
    let schema = load(&env, "describePrismaTypes", input)?;
    let mut names: Vec<(&String, &fixture_schema::ResolvedTypeName)> = schema.type_index().names.iter().collect();
    names.sort_by(|a, b| a.0.cmp(b.0));
    Ok(names
        .into_iter()
        .map(|(name, resolved_name)| {
            let input_fields = resolved_name
                .model
                .as_deref()
                .and_then(|model| fixture_schema::input_fields(&schema, model, &resolved_name.kind))
                .map(|fields| fields.into_iter().map(input_field).collect());
            PrismaTypeDescription { name: name.clone(), resolved: resolved(resolved_name.clone()), input_fields }
        })
        .collect())
}
