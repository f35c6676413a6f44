//! Values of the right type for one scalar or enum field, as TypeScript expressions: fresh ids for
//! ids, values unique per call for unique fields (within the column's declared length), the first
//! enum value (the next one per call for an enum that is a key by itself), `new Date()`. No BigInt
//! literals (`1n`), so the output compiles below ES2020 too.

use std::cell::RefCell;

use fixture_schema::{Field, FieldKind, Model, Schema};

use crate::source::string_literal;

/// What makes a value: the expression for a fresh id (`this.generateId()` or `generatePK()`).
#[derive(Debug, Clone)]
pub struct ValueContext<'a> {
    pub schema: &'a Schema,
    pub id: &'a str,
    /// Module-level state the values use: an enum key's values and the index of the next one.
    pub enum_keys: RefCell<Vec<EnumKey>>,
}

/// An enum field that is a key by itself (`kind Kind @id`): each create takes the next value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumKey {
    pub model: String,
    pub field: String,
    pub enum_name: String,
    pub values: Vec<String>,
    /// The module-level names: the values array and the counter.
    pub values_name: String,
    pub next_name: String,
}

impl EnumKey {
    pub fn expression(&self) -> String {
        format!("{}[{}++ % {}]", self.values_name, self.next_name, self.values.len())
    }

    pub fn declarations(&self) -> String {
        let values: Vec<String> = self.values.iter().map(|v| string_literal(v)).collect();
        let n = self.values.len();
        format!(
            "// `{}.{}` is a key: each create takes the next of these {n} values; once they are used up in one database, the next insert collides.\nconst {} = [{}] as const;\nlet {} = 0;\n",
            self.model,
            self.field,
            self.values_name,
            values.join(", "),
            self.next_name
        )
    }

    pub fn note(&self) -> String {
        let n = self.values.len();
        format!(
            "`{}.{}` is a key over the {n} values of `{}`: each create takes the next one, from the first (children made by other factories share the row of the last); the enum is exhausted after {n} rows in one database, and the next insert collides",
            self.model, self.field, self.enum_name
        )
    }
}

/// Longest base-36 text of a 64-bit id (`u64::MAX` is 13 digits).
const ID36_LENGTH: usize = 13;

impl<'a> ValueContext<'a> {
    pub fn new(schema: &'a Schema, id: &'a str) -> Self {
        ValueContext { schema, id, enum_keys: RefCell::new(Vec::new()) }
    }

    /// A value for `field` of `model` (a list field gets a one-element array). `unique`: no two
    /// calls may produce the same value. `None` for what cannot be written (composites,
    /// unsupported types).
    pub fn value(&self, model: &Model, field: &Field, unique: bool) -> Option<String> {
        let one = self.single(model, field, unique)?;
        Some(if field.is_list { format!("[{one}]") } else { one })
    }

    fn single(&self, model: &Model, field: &Field, unique: bool) -> Option<String> {
        let id = self.id;
        match field.kind {
            FieldKind::Enum => {
                let values = &self.schema.enum_named(&field.type_name)?.values;
                let first = values.first()?;
                if !field.is_list && is_key_by_itself(model, field) {
                    return Some(self.enum_key(model, field, values.iter().map(|v| v.name.clone()).collect()));
                }
                return Some(string_literal(&first.name));
            }
            FieldKind::Scalar => {}
            _ => return None,
        }
        let unique = unique || field.is_id || field.is_unique;
        Some(match field.type_name.as_str() {
            "String" => self.string(field, unique),
            "BigInt" if unique => id.to_string(),
            "BigInt" => "BigInt(1)".to_string(),
            // Unique 32-bit integers: the id's low bits change on every call.
            "Int" if unique => format!("Number({id} % BigInt(2147483647))"),
            "Int" => "1".to_string(),
            "Float" if unique => format!("Number({id} % BigInt(1000000007)) / 8"),
            "Float" => "1.5".to_string(),
            "Decimal" if unique => format!("Number({id} % BigInt(1000000007)) / 4"),
            "Decimal" => "1.5".to_string(),
            "Boolean" => "true".to_string(),
            // In a unique criterion, a date derived from the fresh id: two creates in one
            // millisecond (or, for a `@db.Date` column, one day) must not collide.
            "DateTime" if unique => match field.native_type.as_deref() {
                Some("Date") => format!("new Date(Number({id} % BigInt(2932897)) * 86400000)"),
                Some("Time" | "Timetz") => format!("new Date(Number({id} % BigInt(86400000)))"),
                _ => format!("new Date(Number({id} % BigInt(4102444800000)))"),
            },
            "DateTime" => "new Date()".to_string(),
            "Json" => "{}".to_string(),
            "Bytes" if unique => format!("Uint8Array.from({id}.toString(36), (c) => c.charCodeAt(0))"),
            "Bytes" => "new Uint8Array([1, 2, 3])".to_string(),
            _ => return None,
        })
    }

    fn enum_key(&self, model: &Model, field: &Field, values: Vec<String>) -> String {
        let mut keys = self.enum_keys.borrow_mut();
        if let Some(key) = keys.iter().find(|k| k.model == model.name && k.field == field.name) {
            return key.expression();
        }
        let base = format!("{}{}", crate::output::lower_camel(&model.name), fixture_schema::capitalize(&field.name));
        let key = EnumKey {
            model: model.name.clone(),
            field: field.name.clone(),
            enum_name: field.type_name.clone(),
            values,
            values_name: format!("{base}Values"),
            next_name: format!("{base}Next"),
        };
        let expression = key.expression();
        keys.push(key);
        expression
    }

    fn string(&self, field: &Field, unique: bool) -> String {
        let id = self.id;
        if field.native_type.as_deref() == Some("Uuid") {
            // A well-formed version-4 UUID whose last group carries the fresh id.
            return format!("`00000000-0000-4000-8000-${{{id}.toString(16).padStart(12, \"0\").slice(-12)}}`");
        }
        let limit = max_length(field);
        if !unique {
            let text: String = field.name.chars().take(limit.unwrap_or(usize::MAX).max(1)).collect();
            return string_literal(&text);
        }
        match limit {
            // Room for a readable prefix.
            Some(n) if n < field.name.len() + 1 + ID36_LENGTH => {
                if n >= ID36_LENGTH { format!("{id}.toString(36)") } else { format!("{id}.toString(36).slice(-{n})") }
            }
            _ => format!("`{}_${{{id}.toString(36)}}`", field.name.replace(['`', '$'], "")),
        }
    }
}

/// The field is a unique criterion on its own (`@id`, `@unique`, `@@id([f])`, `@@unique([f])`).
pub(crate) fn is_key_by_itself(model: &Model, field: &Field) -> bool {
    let alone = |fields: &[String]| fields.len() == 1 && fields[0] == field.name;
    field.is_id || field.is_unique || alone(&model.id_fields) || model.unique_fields.iter().any(|u| alone(u))
}

/// The declared length of a `@db.VarChar(n)` / `@db.Char(n)` column.
pub fn max_length(field: &Field) -> Option<usize> {
    match field.native_type.as_deref() {
        Some("VarChar" | "Char" | "NVarChar" | "NChar" | "Bit" | "VarBit") => field.native_type_args.first()?.trim().parse().ok(),
        _ => None,
    }
}

/// A value of a wrong type for `field`, for the `invalid.invalidTypes` fixture (`None` for `Json`,
/// which takes anything).
pub fn wrong_value(field: &Field) -> Option<String> {
    if field.is_list {
        return Some("\"not-a-list\"".to_string());
    }
    match (field.kind, field.type_name.as_str()) {
        (FieldKind::Enum, name) => Some(string_literal(&format!("NotA{name}Value"))),
        (_, "String") => Some("12345".to_string()),
        (_, "Int" | "BigInt" | "Float" | "Decimal") => Some("\"not-a-number\"".to_string()),
        (_, "Boolean") => Some("\"not-a-boolean\"".to_string()),
        (_, "DateTime") => Some("12345".to_string()),
        (_, "Bytes") => Some("12345".to_string()),
        _ => None,
    }
}
