//! Prisma schema to type map: reads a schema with Prisma's own grammar and rules (psl, published
//! as `saola-psl`) and resolves every model to the names, fields and required create fields
//! TypeScript must use.
//!
//! - [`load`] takes a [`SchemaInput`] (a file, a folder of `.prisma` files, source text, or discovery
//!   from a working directory as the Prisma CLI does) and returns the resolved [`Schema`], or a
//!   [`SchemaError`] whose `diagnostics` give file, line and column.
//! - [`type_names`] knows every name of the generated `Prisma` namespace: `resolve`, `exists`, `suggest`.
//! - [`input_fields`] lists the fields of the create/update input types, to check object literals.
//! - [`typemap_source`] renders the `PRISMA_TYPE_MAP.ts`-style module.
//! - [`api_json`] serializes the schema in the shapes the Node API returns, as one JSON string.
//!
//! Both Prisma lines are accepted: see [`compat`] for the 6.x/7.x divergences and how each is handled.
//!
//! API notes beyond the first sketch (all additive except the last):
//! - `SchemaError` also has `kind` (I/O vs invalid schema); `Schema` adds `source_hash`,
//!   `preview_features` and `warnings`; [`load_shared`] caches by file stamps.
//! - `TypeNameKind` adds `UncheckedUpdateManyWithout` and names the `<Model>CreateMany<Field>Input`
//!   kind `CreateManyNested`; `type_names::type_name(schema, model, kind)` gives the name back.
//! - `Model` adds `unique_indexes`, `primary_key_name`, `compound_unique_keys()` (the
//!   `WhereUniqueInput` keys) and `unsupported_fields`; `Field` adds `native_type`.
//! - `ModelTypeNames::where_unique_input` is an `Option` (a view without a unique criterion has none).

pub mod api_json;
pub mod compat;
mod create_inputs;
mod defaults;
pub mod diagnostics;
pub mod input;
pub mod line_index;
mod load;
pub mod model;
mod nesting;
mod resolve;
pub mod type_names;
pub mod typemap_source;

pub use create_inputs::{InputField, InputShape, capitalize, input_fields};
pub use diagnostics::{SchemaDiagnostic, SchemaError, SchemaErrorKind, Severity};
pub use input::{SchemaInput, discover};
pub use line_index::{ColumnUnit, LineIndex};
pub use load::{load, load_shared, load_sources};
pub use model::*;
pub use resolve::delegate_name;
pub use type_names::{ResolvedTypeName, TypeNameKind};

/// Re-exported so that the napi layer names the same `Value` type as `Field::default`.
pub use serde_json;
