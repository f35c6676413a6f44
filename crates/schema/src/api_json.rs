//! The schema as the Node API returns it (`loadSchema`, `resolveTypeMap`), serialized to one JSON
//! string: handing JavaScript a string to `JSON.parse` is several times faster than creating its
//! thousands of objects one property at a time across the napi boundary.
//!
//! The shapes are the ones `index.d.ts` declares: the DMMF `datamodel` attributes plus the
//! generated names; absent optional values are left out (as napi leaves out a `None` field);
//! internal data (spans, native types, unique index names) is not part of it. Each document is
//! serialized once per resolved schema and kept with it, so a repeat call only parses.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Serialize;

use crate::{CompositeType, Enum, Field, Model, ModelTypeNames, Schema, SchemaDiagnostic, UnsupportedField};

/// The two documents, each serialized once per schema.
#[derive(Debug, Clone, Default)]
pub(crate) struct Serialized {
    loaded_schema: OnceLock<String>,
    type_map: OnceLock<String>,
}

/// `loadSchema`'s result: the schema with models, enums and types as lists in schema order.
pub fn loaded_schema_json(schema: &Schema) -> &str {
    schema.api_json.loaded_schema.get_or_init(|| serialize_loaded_schema(schema))
}

/// `resolveTypeMap`'s result: models, enums and composite types keyed by name.
pub fn type_map_json(schema: &Schema) -> &str {
    schema.api_json.type_map.get_or_init(|| serialize_type_map(schema))
}

fn serialize_loaded_schema(schema: &Schema) -> String {
    let loaded = LoadedSchema {
        files: &schema.files,
        provider: &schema.provider,
        source_hash: &schema.source_hash,
        preview_features: &schema.preview_features,
        models: schema.models.iter().map(ModelJson).collect(),
        enums: schema.enums.iter().map(EnumJson).collect(),
        types: schema.types.iter().map(CompositeJson).collect(),
        warnings: &schema.warnings,
    };
    to_json(&loaded)
}

fn serialize_type_map(schema: &Schema) -> String {
    let map = TypeMap {
        models: schema.models.iter().map(|m| (m.name.as_str(), ModelJson(m))).collect(),
        enums: schema.enums.iter().map(|e| (e.name.as_str(), EnumJson(e))).collect(),
        types: schema.types.iter().map(|t| (t.name.as_str(), CompositeJson(t))).collect(),
    };
    to_json(&map)
}

fn to_json(value: &impl Serialize) -> String {
    // Serializing plain strings, numbers and maps with string keys cannot fail.
    serde_json::to_string(value).expect("the schema serializes to JSON")
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LoadedSchema<'a> {
    files: &'a [String],
    provider: &'a str,
    source_hash: &'a str,
    preview_features: &'a [String],
    models: Vec<ModelJson<'a>>,
    enums: Vec<EnumJson<'a>>,
    types: Vec<CompositeJson<'a>>,
    warnings: &'a [SchemaDiagnostic],
}

#[derive(Serialize)]
struct TypeMap<'a> {
    models: BTreeMap<&'a str, ModelJson<'a>>,
    enums: BTreeMap<&'a str, EnumJson<'a>>,
    types: BTreeMap<&'a str, CompositeJson<'a>>,
}

/// A model without its internal data.
struct ModelJson<'a>(&'a Model);

impl Serialize for ModelJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let m = self.0;
        ModelShape {
            name: &m.name,
            delegate: &m.delegate,
            db_name: m.db_name.as_deref(),
            is_view: m.is_view,
            id_fields: &m.id_fields,
            unique_fields: &m.unique_fields,
            types: TypeNamesShape(&m.types),
            fields: m.fields.iter().map(FieldJson).collect(),
            required_create_fields: &m.required_create_fields,
            required_unchecked_create_fields: &m.required_unchecked_create_fields,
            unsupported_fields: &m.unsupported_fields,
        }
        .serialize(serializer)
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ModelShape<'a> {
    name: &'a str,
    delegate: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    db_name: Option<&'a str>,
    is_view: bool,
    id_fields: &'a [String],
    unique_fields: &'a [Vec<String>],
    types: TypeNamesShape<'a>,
    fields: Vec<FieldJson<'a>>,
    required_create_fields: &'a [String],
    required_unchecked_create_fields: &'a [String],
    unsupported_fields: &'a [UnsupportedField],
}

/// The generated names; a name Prisma does not generate is left out.
struct TypeNamesShape<'a>(&'a ModelTypeNames);

impl Serialize for TypeNamesShape<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let t = self.0;
        let names: [(&str, Option<&String>); 11] = [
            ("model", Some(&t.model)),
            ("createInput", t.create_input.as_ref()),
            ("uncheckedCreateInput", t.unchecked_create_input.as_ref()),
            ("updateInput", t.update_input.as_ref()),
            ("uncheckedUpdateInput", t.unchecked_update_input.as_ref()),
            ("createManyInput", t.create_many_input.as_ref()),
            ("whereInput", Some(&t.where_input)),
            ("whereUniqueInput", t.where_unique_input.as_ref()),
            ("orderByWithRelationInput", Some(&t.order_by_with_relation_input)),
            ("select", Some(&t.select)),
            ("include", t.include.as_ref()),
        ];
        let mut map = serializer.serialize_map(None)?;
        for (key, name) in names {
            if let Some(name) = name {
                map.serialize_entry(key, name)?;
            }
        }
        map.end()
    }
}

/// A field as the DMMF `datamodel` lists it (no native type or span).
struct FieldJson<'a>(&'a Field);

impl Serialize for FieldJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let f = self.0;
        FieldShape {
            name: &f.name,
            kind: f.kind.as_str(),
            type_name: &f.type_name,
            is_list: f.is_list,
            is_required: f.is_required,
            is_id: f.is_id,
            is_unique: f.is_unique,
            is_updated_at: f.is_updated_at,
            has_default_value: f.has_default_value,
            default: f.default.as_ref(),
            db_name: f.db_name.as_deref(),
            relation_name: f.relation_name.as_deref(),
            relation_from_fields: f.relation_from_fields.as_deref(),
            relation_to_fields: f.relation_to_fields.as_deref(),
            is_read_only: f.is_read_only,
        }
        .serialize(serializer)
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FieldShape<'a> {
    name: &'a str,
    kind: &'a str,
    #[serde(rename = "type")]
    type_name: &'a str,
    is_list: bool,
    is_required: bool,
    is_id: bool,
    is_unique: bool,
    is_updated_at: bool,
    has_default_value: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    default: Option<&'a serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    db_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relation_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relation_from_fields: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relation_to_fields: Option<&'a [String]>,
    is_read_only: bool,
}

/// An enum; a value without `@map` has no `dbName` key.
struct EnumJson<'a>(&'a Enum);

impl Serialize for EnumJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Named<'a> {
            name: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            db_name: Option<&'a str>,
        }
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Shape<'a> {
            name: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            db_name: Option<&'a str>,
            values: Vec<Named<'a>>,
        }
        let e = self.0;
        let values = e.values.iter().map(|v| Named { name: &v.name, db_name: v.db_name.as_deref() }).collect();
        Shape { name: &e.name, db_name: e.db_name.as_deref(), values }.serialize(serializer)
    }
}

struct CompositeJson<'a>(&'a CompositeType);

impl Serialize for CompositeJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shape<'a> {
            name: &'a str,
            fields: Vec<FieldJson<'a>>,
        }
        Shape { name: &self.0.name, fields: self.0.fields.iter().map(FieldJson).collect() }.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SchemaInput, load};

    const SCHEMA: &str = r#"
datasource db {
  provider = "postgresql"
}
generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["views"]
}
enum Role {
  ADMIN @map("admin")
  USER
}
model User {
  id    Int    @id @default(autoincrement())
  email String @unique @map("email_address")
  role  Role   @default(USER)
  posts Post[]
  @@map("users")
}
model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id])
}
view Totals {
  total Int @unique
}
"#;

    fn schema() -> Schema {
        load(&SchemaInput::Source { source: SCHEMA.to_owned(), file_name: None }).unwrap()
    }

    #[test]
    fn type_map_keys_by_name_and_leaves_out_absent_values() {
        let json: serde_json::Value = serde_json::from_str(type_map_json(&schema())).unwrap();
        let user = &json["models"]["User"];
        assert_eq!(user["dbName"], "users");
        assert_eq!(user["types"]["createInput"], "UserCreateInput");
        assert_eq!(user["fields"][1]["dbName"], "email_address");
        assert_eq!(user["fields"][2]["default"], "USER");
        assert_eq!(user["fields"][0]["default"]["name"], "autoincrement");
        let post = &json["models"]["Post"];
        assert!(post.get("dbName").is_none(), "{post}");
        assert!(post["types"].get("include").is_some() && json["models"]["Totals"]["types"].get("createInput").is_none());
        assert!(post["fields"][0].get("relationName").is_none() && post["fields"][0].get("nativeType").is_none());
        assert_eq!(post["fields"][2]["relationFromFields"], serde_json::json!(["authorId"]));
        assert_eq!(json["enums"]["Role"]["values"][0], serde_json::json!({ "name": "ADMIN", "dbName": "admin" }));
        assert_eq!(json["enums"]["Role"]["values"][1], serde_json::json!({ "name": "USER" }));
    }

    #[test]
    fn loaded_schema_lists_models_in_schema_order() {
        let json: serde_json::Value = serde_json::from_str(loaded_schema_json(&schema())).unwrap();
        let names: Vec<&str> = json["models"].as_array().unwrap().iter().map(|m| m["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["User", "Post", "Totals"]);
        assert_eq!(json["provider"], "postgresql");
        assert_eq!(json["sourceHash"].as_str().unwrap().len(), 64);
        assert!(json["warnings"].as_array().unwrap().is_empty());
    }
}
