//! The data of a create: every required field of the input with a value of the right type, required
//! relations as a nested `create` of the parent's own required data (recursively, through the
//! `…CreateWithout…` input that leaves the way back out), or as a `connect` where a nested create
//! cannot work (a cycle of required relations, too deep, a parent Prisma cannot create).

use std::collections::BTreeSet;

use fixture_schema::{InputField, InputShape, Model, Schema, TypeNameKind, input_fields};

use crate::source::{Member, Value};
use crate::values::ValueContext;

/// Nested creates deeper than this connect instead.
pub const MAX_DEPTH: usize = 6;

pub struct DataBuilder<'a> {
    pub schema: &'a Schema,
    pub values: ValueContext<'a>,
    /// What the generated code cannot do by itself, for the factory's doc comment.
    pub notes: Vec<String>,
}

impl<'a> DataBuilder<'a> {
    pub fn new(schema: &'a Schema, id: &'a str) -> Self {
        DataBuilder { schema, values: ValueContext { schema, id }, notes: Vec::new() }
    }

    /// The required fields of `<model>CreateInput`.
    pub fn minimal(&mut self, model: &Model) -> Vec<Member> {
        let mut path = vec![model.name.clone()];
        self.required(model, &TypeNameKind::CreateInput, &mut path)
    }

    /// The optional scalar and enum fields of `<model>CreateInput` (ids with a default and
    /// `@updatedAt` fields are left to the database and Prisma).
    pub fn optional_scalars(&self, model: &Model) -> Vec<Member> {
        let unique = unique_fields(model);
        let fields = input_fields(self.schema, &model.name, &TypeNameKind::CreateInput).unwrap_or_default();
        fields
            .iter()
            .filter(|f| !f.required && matches!(f.shape, InputShape::Scalar { .. } | InputShape::Enum { .. }))
            .filter_map(|f| {
                let field = model.field(&f.name)?;
                if (field.is_id && field.has_default_value) || field.is_updated_at {
                    return None;
                }
                let value = self.values.value(field, unique.contains(&field.name))?;
                Some(Member::Property(f.name.clone(), Value::expr(value)))
            })
            .collect()
    }

    /// The optional fields of `<model>CreateInput` that take `null`.
    pub fn nullable_scalars(&self, model: &Model) -> Vec<String> {
        let fields = input_fields(self.schema, &model.name, &TypeNameKind::CreateInput).unwrap_or_default();
        fields.into_iter().filter(|f| !f.required && f.nullable && !matches!(f.shape, InputShape::Relation { .. })).map(|f| f.name).collect()
    }

    fn required(&mut self, model: &Model, kind: &TypeNameKind, path: &mut Vec<String>) -> Vec<Member> {
        let unique = unique_fields(model);
        let fields: Vec<InputField> = input_fields(self.schema, &model.name, kind).unwrap_or_default();
        let mut members = Vec::new();
        let wanted: Vec<&InputField> = fields.iter().filter(|f| f.required || self.needs_relation(model, f)).collect();
        for input in wanted {
            match &input.shape {
                InputShape::Scalar { .. } | InputShape::Enum { .. } => {
                    let Some(field) = model.field(&input.name) else { continue };
                    match self.values.value(field, unique.contains(&field.name)) {
                        Some(value) => members.push(Member::Property(input.name.clone(), Value::expr(value))),
                        None => self.notes.push(format!("`{}.{}` ({}) needs a value this generator cannot write", model.name, field.name, field.type_name)),
                    }
                }
                InputShape::Composite { name, .. } => {
                    self.notes.push(format!("`{}.{}` is a composite type ({name}): fill it in", model.name, input.name));
                }
                InputShape::Relation { model: target, .. } => {
                    if let Some(value) = self.relation(model, &input.name, target, path) {
                        members.push(Member::Property(input.name.clone(), value));
                    }
                }
            }
        }
        members
    }

    /// An optional to-one relation whose foreign key is required (`user user?` over `userId BigInt`):
    /// Prisma's input lets it out, the database's NOT NULL column does not. A required key that a
    /// required relation also holds is set by that one (`member.pinnedTag` over `[teamId,
    /// pinnedTagId]` beside `team` over `teamId`): writing both would give the key two values.
    fn needs_relation(&self, model: &Model, input: &InputField) -> bool {
        let InputShape::Relation { is_list: false, .. } = input.shape else { return false };
        let Some(field) = model.field(&input.name) else { return false };
        let held_by_a_required_relation = |key: &String| {
            model.relation_fields().any(|r| r.name != field.name && r.is_required && r.relation_from_fields.as_deref().is_some_and(|f| f.contains(key)))
        };
        field.relation_from_fields.iter().flatten().any(|key| model.field(key).is_some_and(|k| k.is_required) && !held_by_a_required_relation(key))
    }

    /// `{ create: … }` for a required to-one relation, or `{ connect: … }` where that cannot work.
    fn relation(&mut self, model: &Model, field_name: &str, target: &str, path: &mut Vec<String>) -> Option<Value> {
        let schema = self.schema;
        let field = model.field(field_name)?;
        let target_model = schema.model(target)?;
        let opposite = schema.opposite_field(model, field)?;
        let why_not = if path.iter().any(|m| m == target) {
            Some(format!("a cycle of required relations ({} -> {target})", path.join(" -> ")))
        } else if path.len() > MAX_DEPTH {
            Some(format!("nested creates deeper than {MAX_DEPTH} levels ({} -> {target})", path.join(" -> ")))
        } else if target_model.types.create_input.is_none() {
            Some(format!("Prisma cannot create `{target}` (a required `Unsupported` field without a default)"))
        } else {
            None
        };
        if let Some(reason) = why_not {
            self.notes.push(format!(
                "`{}.{field_name}` connects to an existing `{target}` because of {reason}: pass one in the overrides",
                model.name
            ));
            return Some(Value::Object(vec![Member::Property("connect".into(), self.connect_key(field, target_model))]));
        }
        path.push(target.to_string());
        let kind = TypeNameKind::CreateWithout { relation_field: opposite.name.clone() };
        let data = self.required(target_model, &kind, path);
        path.pop();
        Some(Value::Object(vec![Member::Property("create".into(), Value::Object(data))]))
    }

    /// A `WhereUniqueInput` naming a parent by the fields the relation references.
    fn connect_key(&self, field: &fixture_schema::Field, target: &Model) -> Value {
        let referenced = field.relation_to_fields.clone().unwrap_or_default();
        let members = referenced
            .iter()
            .filter_map(|name| {
                let to = target.field(name)?;
                Some(Member::Property(name.clone(), Value::expr(self.values.value(to, true)?)))
            })
            .collect();
        Value::Object(members)
    }
}

/// Fields in some unique criterion of the model (`@id`, `@unique`, `@@id`, `@@unique`): two
/// creates must not repeat their values.
pub fn unique_fields(model: &Model) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = model.fields.iter().filter(|f| f.is_id || f.is_unique).map(|f| f.name.clone()).collect();
    out.extend(model.id_fields.iter().cloned());
    for index in &model.unique_fields {
        out.extend(index.iter().cloned());
    }
    out
}
