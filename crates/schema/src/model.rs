//! The resolved schema: what every consumer (type map, validator, codegen, docs) reads.
//!
//! Field names and JSON shapes follow Prisma's DMMF `datamodel` so that the differential
//! test can compare them one to one. Serialized with camelCase keys.

use serde::Serialize;

/// A place in a schema file, for diagnostics (1-based line and column, byte offsets).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SchemaSpan {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Schema {
    /// The files read, in the order Prisma reads them (absolute paths, or `schema.prisma` for `{ source }`).
    pub files: Vec<String>,
    /// `postgresql`, `mysql`, `mongodb`, …
    pub provider: String,
    /// SHA-256 (hex) of the schema text (see `typemap_source::source_hash`).
    pub source_hash: String,
    /// Models and views, in DMMF order; `@@ignore`d models are left out.
    pub models: Vec<Model>,
    pub enums: Vec<Enum>,
    /// Composite types (MongoDB `type` blocks).
    pub types: Vec<CompositeType>,
    /// The generator's `previewFeatures` (they change the generated types: `relationJoins`, …).
    pub preview_features: Vec<String>,
    /// What psl warns about in a valid schema (deprecated preview features, …).
    pub warnings: Vec<crate::SchemaDiagnostic>,
    /// Every name of the generated `Prisma` namespace, built on first use (see `type_names`).
    /// With `api_json` below, an import circle by design (one of the house's two,
    /// __test__/architecture.test.mjs): the schema carries the caches built from it, so that every
    /// holder of a `Schema` shares them, and their builders read the schema.
    #[serde(skip)]
    pub(crate) type_index: std::sync::OnceLock<crate::type_names::TypeIndex>,
    /// Model and relation lookups by name, built on first use.
    #[serde(skip)]
    pub(crate) lookup: std::sync::OnceLock<Lookup>,
    /// The Node API's JSON (`api_json`), serialized on first use: a repeat call only parses it.
    #[serde(skip)]
    pub(crate) api_json: crate::api_json::Serialized,
}

/// Name-keyed indexes over a [`Schema`]: model positions, and each relation field's opposite
/// `(model position, field position)`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lookup {
    models: rustc_hash::FxHashMap<String, usize>,
    opposites: rustc_hash::FxHashMap<(usize, usize), (usize, usize)>,
}

impl Lookup {
    fn build(schema: &Schema) -> Self {
        let models: rustc_hash::FxHashMap<String, usize> =
            schema.models.iter().enumerate().map(|(i, m)| (m.name.clone(), i)).collect();
        let mut opposites = rustc_hash::FxHashMap::default();
        for (mi, model) in schema.models.iter().enumerate() {
            for (fi, field) in model.fields.iter().enumerate() {
                let Some(relation_name) = field.relation_name.as_deref() else { continue };
                let Some(&oi) = models.get(&field.type_name) else { continue };
                let other = &schema.models[oi];
                let found = other.fields.iter().position(|candidate| {
                    candidate.relation_name.as_deref() == Some(relation_name)
                        && candidate.type_name == model.name
                        && !(oi == mi && candidate.name == field.name)
                });
                if let Some(ofi) = found {
                    opposites.insert((mi, fi), (oi, ofi));
                }
            }
        }
        Lookup { models, opposites }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    Scalar,
    Enum,
    Object,
    Unsupported,
}

impl FieldKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FieldKind::Scalar => "scalar",
            FieldKind::Enum => "enum",
            FieldKind::Object => "object",
            FieldKind::Unsupported => "unsupported",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Model {
    pub name: String,
    /// The PrismaClient property: the model name with its first character lower-cased.
    pub delegate: String,
    /// `@@map` name, or null.
    pub db_name: Option<String>,
    pub is_view: bool,
    /// Fields of `@id` or `@@id`.
    pub id_fields: Vec<String>,
    /// `@@unique` attributes as field lists (single-field `@unique` shows as the field's `isUnique`),
    /// as the DMMF's `uniqueFields`.
    pub unique_fields: Vec<Vec<String>>,
    /// `@@unique` attributes with their client name (`name:`), as the DMMF's `uniqueIndexes`.
    pub unique_indexes: Vec<UniqueIndex>,
    /// The `name:` of a compound `@@id`.
    pub primary_key_name: Option<String>,
    pub types: ModelTypeNames,
    pub fields: Vec<Field>,
    /// Required fields of `<Model>CreateInput`, in field order (empty when Prisma generates none).
    pub required_create_fields: Vec<String>,
    /// Required fields of `<Model>UncheckedCreateInput`, in field order.
    pub required_unchecked_create_fields: Vec<String>,
    /// `Unsupported("…")` fields: absent from the DMMF and from every input type, but a required
    /// one without a default means Prisma generates no create inputs for the model.
    pub unsupported_fields: Vec<UnsupportedField>,
    #[serde(skip)]
    pub span: Option<SchemaSpan>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UniqueIndex {
    pub name: Option<String>,
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UnsupportedField {
    pub name: String,
    /// The text inside `Unsupported("…")`.
    #[serde(rename = "type")]
    pub type_name: String,
    pub is_required: bool,
    pub has_default_value: bool,
}

/// The exact names the generated client uses for a model (`Prisma.<name>`); `None` where
/// Prisma generates no such type (no create inputs for a model it cannot create, no
/// `Include` for a model without relations).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
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

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Field {
    pub name: String,
    pub kind: FieldKind,
    /// Scalar name (`String`, `BigInt`, …), enum name, model or composite type name.
    #[serde(rename = "type")]
    pub type_name: String,
    pub is_list: bool,
    pub is_required: bool,
    pub is_id: bool,
    pub is_unique: bool,
    pub is_updated_at: bool,
    pub has_default_value: bool,
    /// As the DMMF shows it: a literal, a list, or `{ name, args }` for a function.
    pub default: Option<serde_json::Value>,
    pub db_name: Option<String>,
    pub relation_name: Option<String>,
    pub relation_from_fields: Option<Vec<String>>,
    pub relation_to_fields: Option<Vec<String>>,
    pub is_read_only: bool,
    /// The `@db.<Type>` attribute's type name (`Uuid`, `VarChar`, …).
    pub native_type: Option<String>,
    /// The `@db.<Type>(…)` arguments as written (`["12"]` for `VarChar(12)`); not in the API JSON.
    #[serde(skip)]
    pub native_type_args: Vec<String>,
    #[serde(skip)]
    pub span: Option<SchemaSpan>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Enum {
    pub name: String,
    pub db_name: Option<String>,
    pub values: Vec<EnumValue>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnumValue {
    pub name: String,
    pub db_name: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompositeType {
    pub name: String,
    pub fields: Vec<Field>,
}

impl Schema {
    fn lookup(&self) -> &Lookup {
        self.lookup.get_or_init(|| Lookup::build(self))
    }

    /// The position of a model in `models`.
    pub fn model_position(&self, name: &str) -> Option<usize> {
        self.lookup().models.get(name).copied()
    }

    /// The model (or view) with this exact name.
    pub fn model(&self, name: &str) -> Option<&Model> {
        self.model_position(name).map(|i| &self.models[i])
    }

    /// The model behind a PrismaClient property (`prisma.credit_account` -> `credit_account`).
    pub fn model_by_delegate(&self, delegate: &str) -> Option<&Model> {
        self.models.iter().find(|m| m.delegate == delegate)
    }

    /// The model stored in this table: its `@@map` name, or its own name when unmapped.
    pub fn model_by_db_name(&self, db_name: &str) -> Option<&Model> {
        self.models.iter().find(|m| m.db_name.as_deref().unwrap_or(&m.name) == db_name)
    }

    pub fn enum_named(&self, name: &str) -> Option<&Enum> {
        self.enums.iter().find(|e| e.name == name)
    }

    pub fn composite_type(&self, name: &str) -> Option<&CompositeType> {
        self.types.iter().find(|t| t.name == name)
    }

    /// The field on the other side of a relation field (`None` for scalar fields).
    pub fn opposite_field(&self, model: &Model, field: &Field) -> Option<&Field> {
        field.relation_name.as_ref()?;
        let mi = self.model_position(&model.name)?;
        let fi = field_position(&self.models[mi], field)?;
        let (oi, ofi) = self.opposite_position(mi, fi)?;
        Some(&self.models[oi].fields[ofi])
    }

    /// `(model position, field position)` of the opposite of relation field `fi` of model `mi`.
    pub(crate) fn opposite_position(&self, mi: usize, fi: usize) -> Option<(usize, usize)> {
        self.lookup().opposites.get(&(mi, fi)).copied()
    }
}

/// The position of `field` in `model.fields`: by address when it is one of them, else by name.
pub(crate) fn field_position(model: &Model, field: &Field) -> Option<usize> {
    let base = model.fields.as_ptr() as usize;
    let address = field as *const Field as usize;
    let size = std::mem::size_of::<Field>();
    if address >= base && address < base + model.fields.len() * size && (address - base).is_multiple_of(size) {
        return Some((address - base) / size);
    }
    model.fields.iter().position(|f| f.name == field.name)
}

impl Model {
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The keys of compound unique criteria in `WhereUniqueInput` (`connect`, `where`): the
    /// `name:` of a compound `@@id` / `@@unique`, else its fields joined with `_`, each with its
    /// fields. Primary key first, then `@@unique`s in declaration order.
    pub fn compound_unique_keys(&self) -> Vec<(String, Vec<String>)> {
        let primary = (self.id_fields.len() > 1).then(|| (self.primary_key_name.clone(), self.id_fields.clone()));
        let uniques = self.unique_indexes.iter().filter(|u| u.fields.len() > 1).map(|u| (u.name.clone(), u.fields.clone()));
        primary.into_iter().chain(uniques).map(|(name, fields)| (name.unwrap_or_else(|| fields.join("_")), fields)).collect()
    }

    /// Relation fields (`kind: object` pointing at a model; composite fields excluded).
    pub fn relation_fields(&self) -> impl Iterator<Item = &Field> {
        self.fields.iter().filter(|f| f.relation_name.is_some())
    }
}

impl Field {
    pub fn is_relation(&self) -> bool {
        self.relation_name.is_some()
    }
}
