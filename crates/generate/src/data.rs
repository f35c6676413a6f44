//! The data of a create: every required field of the input with a value of the right type, required
//! relations as a nested `create` of the parent's own required data (recursively, through the
//! `…CreateWithout…` input that leaves the way back out), or as a `connect` where a nested create
//! cannot work (a cycle of required relations, a parent Prisma cannot create). An acyclic chain of
//! parents is created in full, however long.
//!
//! Two relations over one key column (`ticket.rule` over `[ruleId, accountId]` beside
//! `ticket.account` over `[accountId]`) must reach one parent: that parent is *pinned* to a key
//! bound once (`const accountId = …`) and written as a `connectOrCreate` on that key wherever the
//! data reaches it, so whichever nested write Prisma runs first creates it and the other connects.

use std::collections::BTreeSet;

use fixture_schema::{Field, InputField, InputShape, Model, Schema, TypeNameKind, capitalize, input_fields};

use crate::source::{Member, Value};
use crate::output::lower_camel;
use crate::values::ValueContext;

/// Nested creates one data object may hold before further parents are connected instead: a bound
/// on the output where required relations fan out (the largest public schema tried needs 107).
pub const MAX_NESTED_CREATES: usize = 500;

/// One parent every relation to it must reach: `model` with `key` = `expression`.
#[derive(Debug, Clone)]
pub struct Pin {
    pub model: String,
    pub key: String,
    pub expression: String,
    /// The parent exists already (a `createFor…` helper's argument): `connect` only.
    pub existing: bool,
}

pub struct DataBuilder<'a> {
    pub schema: &'a Schema,
    pub values: ValueContext<'a>,
    /// What the generated code cannot do by itself, for the factory's doc comment.
    pub notes: Vec<String>,
    /// `const name = expression;` lines the data needs (keys of pinned parents).
    pub bindings: Vec<(String, String)>,
    pins: Vec<Pin>,
    /// `(model, column, expression)`: a key column two relations of `model` share, and its value,
    /// written into each parent those relations create (`queue.accountId` for `task.queue` over
    /// `[queueId, accountId]`).
    column_values: Vec<(String, String, String)>,
    /// Nested creates written into the current data object.
    creates: usize,
}

impl<'a> DataBuilder<'a> {
    pub fn new(schema: &'a Schema, id: &'a str) -> Self {
        DataBuilder {
            schema,
            values: ValueContext::new(schema, id),
            notes: Vec::new(),
            bindings: Vec::new(),
            pins: Vec::new(),
            column_values: Vec::new(),
            creates: 0,
        }
    }

    /// The required fields of `<model>CreateInput`, and the optional ones a relation references
    /// (a child's `createFor…` helper takes the parent's value of it).
    pub fn minimal(&mut self, model: &Model) -> Vec<Member> {
        let mut path = vec![model.name.clone()];
        self.creates = 0;
        let referenced: Vec<String> = self
            .schema
            .models
            .iter()
            .flat_map(|m| m.relation_fields())
            .filter(|r| r.type_name == model.name)
            .flat_map(|r| r.relation_to_fields.iter().flatten().cloned())
            .collect();
        self.required(model, &TypeNameKind::CreateInput, &mut path, &referenced, &[])
    }

    /// For a `createFor<relation>(parameter)` helper: the members of the model's minimal data that
    /// must change so that `relation`'s parent is the existing one with `key` = `parameter` (with
    /// the bindings they use in `self.bindings`); `None` when no other relation shares its key
    /// (then a `connect` on the relation alone is enough).
    pub fn for_existing_parent(&mut self, model: &Model, relation: &Field, key: &str, parameter: &str) -> Option<Vec<Member>> {
        let shared = self.shared_parents(model, &self.wanted(model, &TypeNameKind::CreateInput));
        if !shared.iter().any(|(m, k, _)| *m == relation.type_name && k == key) {
            return None;
        }
        let pin = Pin { model: relation.type_name.clone(), key: key.to_string(), expression: parameter.to_string(), existing: true };
        self.pins.push(pin);
        let members = self.minimal(model);
        self.pins.pop();
        // Every relation of a shared group: another shared parent (`[feedbackDirectoryId,
        // workspaceId]` beside both) is bound afresh in the helper, and reached by all of its relations.
        let involved: BTreeSet<String> = shared.iter().flat_map(|(_, _, r)| r.iter().cloned()).collect();
        Some(members.into_iter().filter(|m| matches!(m, Member::Property(k, _) if involved.contains(k))).collect())
    }

    /// The optional scalar and enum fields of `<model>CreateInput` (ids with a default and
    /// `@updatedAt` fields are left to the database and Prisma, except a column the database fills
    /// without telling Prisma how: `@default(dbgenerated())`).
    pub fn optional_scalars(&self, model: &Model) -> Vec<Member> {
        let unique = unique_fields(model);
        let fields = input_fields(self.schema, &model.name, &TypeNameKind::CreateInput).unwrap_or_default();
        fields
            .iter()
            .filter(|f| !f.required && matches!(f.shape, InputShape::Scalar { .. } | InputShape::Enum { .. }))
            .filter_map(|f| {
                let field = model.field(&f.name)?;
                if (field.is_id && field.has_default_value && !filled_by_database(field)) || field.is_updated_at {
                    return None;
                }
                let value = self.values.value(model, field, unique.contains(&field.name))?;
                Some(Member::Property(f.name.clone(), Value::expr(value)))
            })
            .collect()
    }

    /// The optional fields of `<model>CreateInput` that take `null`.
    pub fn nullable_scalars(&self, model: &Model) -> Vec<String> {
        let fields = input_fields(self.schema, &model.name, &TypeNameKind::CreateInput).unwrap_or_default();
        fields.into_iter().filter(|f| !f.required && f.nullable && !matches!(f.shape, InputShape::Relation { .. })).map(|f| f.name).collect()
    }

    fn wanted(&self, model: &Model, kind: &TypeNameKind) -> Vec<InputField> {
        let fields: Vec<InputField> = input_fields(self.schema, &model.name, kind).unwrap_or_default();
        fields.into_iter().filter(|f| f.required || self.needs_relation(model, f)).collect()
    }

    /// `also`: optional fields to set anyway (what a child's relation references); `fixed`: fields
    /// whose value is given (a shared parent's key, a shared key column), written first.
    fn required(&mut self, model: &Model, kind: &TypeNameKind, path: &mut Vec<String>, also: &[String], fixed: &[(String, String)]) -> Vec<Member> {
        let unique = unique_fields(model);
        let fields: Vec<InputField> = input_fields(self.schema, &model.name, kind).unwrap_or_default();
        // A referenced field with no default, left null, would leave the child's key null too.
        let set_anyway = |f: &InputField| also.contains(&f.name) && model.field(&f.name).is_some_and(|m| !m.has_default_value);
        let wanted: Vec<InputField> = fields.into_iter().filter(|f| f.required || set_anyway(f) || self.needs_relation(model, f)).collect();
        // Parents two relations of this model must share, pinned for this model's subtree.
        let pinned_before = self.pins.len();
        let columns_before = self.column_values.len();
        let shared = self.shared_columns(model, &wanted);
        for (target, key, relations) in self.shared_parents(model, &wanted) {
            if self.pins.iter().any(|p| p.model == target) {
                continue;
            }
            match self.pin_for(&target, &key) {
                Some(pin) => self.pins.push(pin),
                None => self.notes.push(format!(
                    "`{}`'s relations {} share a key column, but `{target}.{key}` cannot be set in a create: pass one `{target}` for all of them in the overrides",
                    model.name,
                    relations.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(" and ")
                )),
            }
        }
        // The shared columns' values: the pinned parent's key, else one bound here.
        for (column, _, parent) in shared {
            let expression = match parent {
                Some((target, _)) => match self.pins.iter().find(|p| p.model == target) {
                    Some(pin) => pin.expression.clone(),
                    None => continue,
                },
                None => {
                    let Some(field) = model.field(&column) else { continue };
                    let Some(value) = self.values.value(model, field, true) else { continue };
                    self.bind(&format!("{}{}", lower_camel(&model.name), capitalize(&column)), value)
                }
            };
            self.column_values.push((model.name.clone(), column, expression));
        }
        let mut members = Vec::new();
        for (key, expression) in fixed {
            members.push(Member::Property(key.clone(), Value::expr(expression)));
        }
        for input in &wanted {
            if fixed.iter().any(|(key, _)| *key == input.name) {
                continue;
            }
            match &input.shape {
                InputShape::Scalar { .. } | InputShape::Enum { .. } => {
                    let Some(field) = model.field(&input.name) else { continue };
                    match self.values.value(model, field, unique.contains(&field.name) || also.contains(&field.name)) {
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
        self.pins.truncate(pinned_before);
        self.column_values.truncate(columns_before);
        members
    }

    /// The key columns two or more of `wanted`'s to-one relations hold: `(column, the relations,
    /// the one parent they all reach through it)`. A relation holding the column directly
    /// (`account` over `[accountId]`) names the parent; a compound one (`rule` over `[ruleId,
    /// accountId]`) reaches it through the referenced column's own relation (`rule.account`); a
    /// compound one over a plain column (`queue.accountId`, no relation) names none.
    fn shared_columns(&self, model: &Model, wanted: &[InputField]) -> Vec<(String, Vec<String>, Option<(String, String)>)> {
        let relations: Vec<&Field> = wanted
            .iter()
            .filter(|f| matches!(f.shape, InputShape::Relation { is_list: false, .. }))
            .filter_map(|f| model.field(&f.name))
            .filter(|f| f.relation_from_fields.as_ref().is_some_and(|k| !k.is_empty()))
            .collect();
        let columns: BTreeSet<&String> = relations.iter().flat_map(|r| r.relation_from_fields.iter().flatten()).collect();
        let mut out = Vec::new();
        for column in columns {
            let holders: Vec<&&Field> = relations.iter().filter(|r| r.relation_from_fields.iter().flatten().any(|c| c == column)).collect();
            if holders.len() < 2 {
                continue;
            }
            let parents: BTreeSet<(String, String)> = holders.iter().filter_map(|r| self.parent_behind(r, column)).collect();
            let parent = match parents.into_iter().collect::<Vec<_>>().as_slice() {
                [one] => Some(one.clone()),
                _ => None,
            };
            out.push((column.clone(), holders.iter().map(|r| r.name.clone()).collect(), parent));
        }
        out
    }

    /// The parents of [`Self::shared_columns`]: `(parent model, its key, the relations)`.
    fn shared_parents(&self, model: &Model, wanted: &[InputField]) -> Vec<(String, String, Vec<String>)> {
        let mut out: Vec<(String, String, Vec<String>)> = Vec::new();
        for (_, relations, parent) in self.shared_columns(model, wanted) {
            if let Some((target, key)) = parent
                && !out.iter().any(|(m, _, _)| *m == target)
            {
                out.push((target, key, relations));
            }
        }
        out
    }

    /// The model and key column that `column` of `relation` finally points at.
    fn parent_behind(&self, relation: &Field, column: &str) -> Option<(String, String)> {
        let from = relation.relation_from_fields.as_ref()?;
        let to = relation.relation_to_fields.as_ref()?;
        let referenced = to.get(from.iter().position(|c| c == column)?)?;
        if from.len() == 1 {
            return Some((relation.type_name.clone(), referenced.clone()));
        }
        let target = self.schema.model(&relation.type_name)?;
        let onward = target.relation_fields().find(|r| r.relation_from_fields.as_deref() == Some(std::slice::from_ref(referenced)))?;
        Some((onward.type_name.clone(), onward.relation_to_fields.as_ref()?.first()?.clone()))
    }

    /// A pin of `target` on `key` with a fresh value bound to a local name, when a create can set
    /// that key.
    fn pin_for(&mut self, target: &str, key: &str) -> Option<Pin> {
        let model = self.schema.model(target)?;
        let field = model.field(key)?;
        let creatable = input_fields(self.schema, target, &TypeNameKind::CreateInput).unwrap_or_default().iter().any(|f| f.name == key);
        if !creatable {
            return None;
        }
        let value = self.values.value(model, field, true)?;
        let name = self.bind(&format!("{}{}", lower_camel(target), capitalize(key)), value);
        Some(Pin { model: target.to_string(), key: key.to_string(), expression: name, existing: false })
    }

    /// `const <name> = value;` for the data, under a name no other binding has; returns the name.
    fn bind(&mut self, name: &str, value: String) -> String {
        let mut name = name.to_string();
        while self.bindings.iter().any(|(n, _)| *n == name) {
            name.push('_');
        }
        self.bindings.push((name.clone(), value));
        name
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

    /// `{ create: … }` for a required to-one relation (`connectOrCreate` / `connect` for a pinned
    /// parent), or `{ connect: … }` where a create cannot work.
    fn relation(&mut self, model: &Model, field_name: &str, target: &str, path: &mut Vec<String>) -> Option<Value> {
        let schema = self.schema;
        let field = model.field(field_name)?;
        let target_model = schema.model(target)?;
        let opposite = schema.opposite_field(model, field)?;
        let referenced = field.relation_to_fields.clone().unwrap_or_default();
        let pin = self.pins.iter().find(|p| p.model == target && referenced == [p.key.clone()]).cloned();
        if let Some(pin) = &pin
            && pin.existing
        {
            return Some(object([("connect", object([(pin.key.as_str(), Value::expr(&pin.expression))]))]));
        }
        let why_not = if path.iter().any(|m| m == target) {
            Some(format!("a cycle of required relations ({} -> {target})", path.join(" -> ")))
        } else if target_model.types.create_input.is_none() {
            Some(format!("Prisma cannot create `{target}` (a required `Unsupported` field without a default)"))
        } else if self.creates >= MAX_NESTED_CREATES {
            let note = format!(
                "required relations fan out: past {MAX_NESTED_CREATES} nested parents in one create, further ones connect to existing rows: pass them in the overrides"
            );
            if !self.notes.contains(&note) {
                self.notes.push(note);
            }
            return Some(object([("connect", self.connect_key(field, target_model))]));
        } else {
            None
        };
        if let Some(reason) = why_not {
            self.notes.push(format!(
                "`{}.{field_name}` connects to an existing `{target}` because of {reason}: pass one in the overrides",
                model.name
            ));
            return Some(object([("connect", self.connect_key(field, target_model))]));
        }
        // A parent keyed by an enum alone has few rows: children share the one of the last value
        // (the parent's own factory takes them from the first), unless each child needs its own
        // parent (one-to-one).
        let shared_enum_row = match (pin.as_ref(), referenced.as_slice(), field.relation_from_fields.as_deref()) {
            (None, [key], Some([column])) => target_model
                .field(key)
                .filter(|k| k.kind == fixture_schema::FieldKind::Enum && !k.is_list)
                .filter(|_| !model.field(column).is_some_and(|c| crate::values::is_key_by_itself(model, c)))
                .and_then(|k| schema.enum_named(&k.type_name)?.values.last())
                .map(|last| Pin { model: target.to_string(), key: key.clone(), expression: crate::source::string_literal(&last.name), existing: false }),
            _ => None,
        };
        let pin = pin.or(shared_enum_row);
        self.creates += 1;
        path.push(target.to_string());
        let kind = TypeNameKind::CreateWithout { relation_field: opposite.name.clone() };
        let mut fixed: Vec<(String, String)> = pin.iter().map(|p| (p.key.clone(), p.expression.clone())).collect();
        // A shared key column the parent holds as a plain scalar takes the shared value.
        let scalars: Vec<String> = input_fields(schema, target, &kind)
            .unwrap_or_default()
            .into_iter()
            .filter(|f| matches!(f.shape, InputShape::Scalar { .. } | InputShape::Enum { .. }))
            .map(|f| f.name)
            .collect();
        for (column, to) in field.relation_from_fields.iter().flatten().zip(&referenced) {
            let shared = self.column_values.iter().rev().find(|(m, c, _)| *m == model.name && c == column);
            if let Some((_, _, expression)) = shared
                && scalars.contains(to)
                && !fixed.iter().any(|(k, _)| k == to)
            {
                fixed.push((to.clone(), expression.clone()));
            }
        }
        let data = self.required(target_model, &kind, path, &referenced, &fixed);
        path.pop();
        let Some(pin) = pin else { return Some(object([("create", Value::Object(data))])) };
        let key = || object([(pin.key.as_str(), Value::expr(&pin.expression))]);
        Some(object([("connectOrCreate", object([("where", key()), ("create", Value::Object(data))]))]))
    }

    /// A `WhereUniqueInput` naming a parent by the fields the relation references.
    fn connect_key(&self, field: &Field, target: &Model) -> Value {
        let referenced = field.relation_to_fields.clone().unwrap_or_default();
        let members = referenced
            .iter()
            .filter_map(|name| {
                let to = target.field(name)?;
                Some(Member::Property(name.clone(), Value::expr(self.values.value(target, to, true)?)))
            })
            .collect();
        Value::Object(members)
    }
}

fn object<const N: usize>(members: [(&str, Value); N]) -> Value {
    Value::Object(members.into_iter().map(|(k, v)| Member::Property(k.to_string(), v)).collect())
}

/// `@default(dbgenerated())` with no expression: the column is filled by the database (a trigger,
/// a default set outside Prisma), and Prisma's own table SQL gives it none.
pub fn filled_by_database(field: &Field) -> bool {
    field.default.as_ref().is_some_and(|d| {
        d.get("name").and_then(|n| n.as_str()) == Some("dbgenerated") && d.get("args").and_then(|a| a.as_array()).is_none_or(|a| a.is_empty())
    })
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
