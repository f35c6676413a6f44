//! Values of the right type for one scalar or enum field, as TypeScript expressions: fresh ids for
//! ids, values unique per call for unique fields (within the column's declared length), the first
//! enum value, `new Date()`. No BigInt literals (`1n`), so the output compiles below ES2020 too.

use fixture_schema::{Field, FieldKind, Schema};

use crate::source::string_literal;

/// What makes a value: the expression for a fresh id (`this.generateId()` or `generatePK()`).
#[derive(Debug, Clone)]
pub struct ValueContext<'a> {
    pub schema: &'a Schema,
    pub id: &'a str,
}

/// Longest base-36 text of a 64-bit id (`u64::MAX` is 13 digits).
const ID36_LENGTH: usize = 13;

impl ValueContext<'_> {
    /// A value for `field` (a list field gets a one-element array). `unique`: no two calls may
    /// produce the same value. `None` for what cannot be written (composites, unsupported types).
    pub fn value(&self, field: &Field, unique: bool) -> Option<String> {
        let one = self.single(field, unique)?;
        Some(if field.is_list { format!("[{one}]") } else { one })
    }

    fn single(&self, field: &Field, unique: bool) -> Option<String> {
        let id = self.id;
        match field.kind {
            FieldKind::Enum => {
                let first = self.schema.enum_named(&field.type_name)?.values.first()?;
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
            "DateTime" => "new Date()".to_string(),
            "Json" => "{}".to_string(),
            "Bytes" => "new Uint8Array([1, 2, 3])".to_string(),
            _ => return None,
        })
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
