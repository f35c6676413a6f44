//! The names of the generated client's `Prisma` namespace, parsed back to the model they belong to.
//!
//! The `universe` module derives, from the resolved schema, every name Prisma generates (input, output and
//! enum types of the DMMF, and the TypeScript-only names of `prisma-client-js`: `GetPayload`,
//! `Delegate`, `…Args`, …) plus the fixed exports of the namespace. [`resolve`] looks a name up,
//! [`suggest`] maps a misspelling (`CreditAccountCreateInput`) to the real one.

mod suggest;
mod universe;

use rustc_hash::FxHashMap;

use serde::Serialize;

use crate::Schema;

pub use suggest::{fold, suggest};
pub use universe::FIXED_EXPORTS;

/// What a name of the `Prisma` namespace is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResolvedTypeName {
    /// The model it belongs to; `None` for names shared by all models (`StringFilter`, `JsonValue`, …).
    pub model: Option<String>,
    pub kind: TypeNameKind,
}

/// The kind of a generated name. `relation_field` is always a field of `model` (the relation that
/// leads back to the parent of a nested input), spelled as in the schema.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum TypeNameKind {
    /// `Prisma.<Model>` is not a thing, but `<Model>` is the model type of the client package.
    Model,
    CreateInput,
    UncheckedCreateInput,
    UpdateInput,
    UncheckedUpdateInput,
    CreateManyInput,
    UpdateManyMutationInput,
    UncheckedUpdateManyInput,
    /// `<Model>CreateWithout<Field>Input`
    CreateWithout { relation_field: String },
    /// `<Model>UncheckedCreateWithout<Field>Input`
    UncheckedCreateWithout { relation_field: String },
    /// `<Model>UpdateWithout<Field>Input`
    UpdateWithout { relation_field: String },
    /// `<Model>UncheckedUpdateWithout<Field>Input`
    UncheckedUpdateWithout { relation_field: String },
    /// `<Model>UncheckedUpdateManyWithout<Field>Input`
    UncheckedUpdateManyWithout { relation_field: String },
    /// `<Model>CreateMany<Field>Input`: one row of a `createMany` nested under the parent reached
    /// through `<Field>`.
    CreateManyNested { relation_field: String },
    WhereInput,
    WhereUniqueInput,
    OrderByWithRelationInput,
    Select,
    Include,
    /// Everything else (`GetPayload`, `Delegate`, `CountOutputType`, nested `Create…NestedOne…`,
    /// filters, aggregates, the fixed exports).
    Other,
}

impl TypeNameKind {
    /// A create input: one row a create writes (top-level, nested `…Without…`, or `createMany`).
    pub fn is_create_input(&self) -> bool {
        matches!(
            self,
            Self::CreateInput
                | Self::UncheckedCreateInput
                | Self::CreateManyInput
                | Self::CreateWithout { .. }
                | Self::UncheckedCreateWithout { .. }
                | Self::CreateManyNested { .. }
        )
    }

    /// An update input (top-level, nested `…Without…`, or `updateMany`).
    pub fn is_update_input(&self) -> bool {
        matches!(
            self,
            Self::UpdateInput
                | Self::UncheckedUpdateInput
                | Self::UpdateManyMutationInput
                | Self::UncheckedUpdateManyInput
                | Self::UpdateWithout { .. }
                | Self::UncheckedUpdateWithout { .. }
                | Self::UncheckedUpdateManyWithout { .. }
        )
    }
}

/// Every name of the namespace for this schema, with what it is.
#[derive(Debug, Clone, Default)]
pub struct TypeIndex {
    pub names: FxHashMap<String, ResolvedTypeName>,
    /// `(model, kind)` -> name, for the model-bound kinds other than `Other`.
    pub(crate) by_model_kind: FxHashMap<(String, TypeNameKind), String>,
    /// The names folded for suggestions (lower case, no `_`), built on first use.
    pub(crate) folded: std::sync::OnceLock<suggest::FoldedNames>,
}

/// What `Prisma.<name>` is for this schema; `None` when the generated client has no such name.
pub fn resolve(schema: &Schema, name: &str) -> Option<ResolvedTypeName> {
    let name = name.strip_prefix("Prisma.").unwrap_or(name);
    schema.type_index().names.get(name).cloned()
}

/// Whether `Prisma.<name>` exists for this schema.
pub fn exists(schema: &Schema, name: &str) -> bool {
    let name = name.strip_prefix("Prisma.").unwrap_or(name);
    schema.type_index().names.contains_key(name)
}

/// The exact name of a model-bound type, e.g. `type_name(schema, "User", &CreateInput)`.
pub fn type_name(schema: &Schema, model: &str, kind: &TypeNameKind) -> Option<String> {
    schema.type_index().by_model_kind.get(&(model.to_owned(), kind.clone())).cloned()
}

impl Schema {
    /// The name universe, built on first use.
    pub fn type_index(&self) -> &TypeIndex {
        self.type_index.get_or_init(|| universe::build(self))
    }
}
