//! Object literals checked against Prisma input types: unknown fields, missing required fields,
//! foreign keys mixed with relation writes, literal value shapes, and nested relation writes
//! (`create`, `createMany.data`, `connectOrCreate`, `connect`) against the related model.

use std::collections::BTreeSet;

use oxc_ast::ast::{Expression, LogicalOperator, ObjectExpression, ObjectPropertyKind};
use oxc_span::{GetSpan, Span};

use std::sync::Arc;

use fixture_schema::{InputField, InputShape, Model, TypeNameKind};

use crate::checker::Checker;
use crate::diagnostic::Finding;
use crate::expect::{Expect, InputSpec};
use crate::literal::{Literal, Verdict, array_elements, classify, judge};
use crate::names::closest;
use crate::code::Code;

/// What a spread contributes to the required-field check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spread {
    /// These keys, for sure.
    Supplies(Vec<String>),
    /// Nothing for sure (a `Partial<…>`).
    Nothing,
    /// Unknown: the required-field check is skipped for this object.
    Unknown,
}

/// One written property of an object literal.
struct Prop<'b, 'a> {
    name: String,
    key: Span,
    value: &'b Expression<'a>,
    /// Written in a conditional spread (`...(cond && { … })`): checked, but not surely supplied.
    maybe: bool,
}

/// The properties and spreads of an object literal (spread object literals inlined, and the
/// members of conditional spreads too, marked `maybe` unless both branches write them).
fn props<'b, 'a>(obj: &'b ObjectExpression<'a>, out: &mut Vec<Prop<'b, 'a>>, spreads: &mut Vec<&'b Expression<'a>>) {
    props_maybe(obj, out, spreads, false);
}

fn props_maybe<'b, 'a>(obj: &'b ObjectExpression<'a>, out: &mut Vec<Prop<'b, 'a>>, spreads: &mut Vec<&'b Expression<'a>>, maybe: bool) {
    for p in &obj.properties {
        match p {
            ObjectPropertyKind::ObjectProperty(p) => {
                if p.computed {
                    spreads.push(&p.value);
                    continue;
                }
                if let Some(name) = p.key.static_name() {
                    out.push(Prop { name: name.to_string(), key: p.key.span(), value: &p.value, maybe });
                }
            }
            ObjectPropertyKind::SpreadProperty(s) => match s.argument.without_parentheses() {
                Expression::ObjectExpression(inner) => props_maybe(inner, out, spreads, maybe),
                // `...(cond && { … })`: the members may be there. (`...(x || { … })` and `??`
                // spread `x` itself: left to the caller's spread rules.)
                Expression::LogicalExpression(l) if l.operator == LogicalOperator::And && object_of(&l.right).is_some() => {
                    if let Some(inner) = object_of(&l.right) {
                        props_maybe(inner, out, spreads, true);
                    }
                }
                // `...(cond ? { … } : { … })` (a branch may also be `undefined`/`null`): members of
                // both branches are there for sure.
                Expression::ConditionalExpression(c) if branch_object(&c.consequent).is_some() && branch_object(&c.alternate).is_some() => {
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    if let (Some(x), Some(y)) = (branch_object(&c.consequent), branch_object(&c.alternate)) {
                        if let Some(x) = x {
                            props_maybe(x, &mut a, spreads, maybe);
                        }
                        if let Some(y) = y {
                            props_maybe(y, &mut b, spreads, maybe);
                        }
                    }
                    for p in a.iter_mut() {
                        p.maybe = p.maybe || !b.iter().any(|q| q.name == p.name && !q.maybe);
                    }
                    for q in b.iter_mut() {
                        q.maybe = q.maybe || !a.iter().any(|p| p.name == q.name && !p.maybe);
                    }
                    out.extend(a);
                    out.extend(b);
                }
                other => spreads.push(other),
            },
        }
    }
}

/// A conditional spread's branch: an object literal (`Some(Some(o))`), nothing (`undefined`,
/// `null`: `Some(None)`), or something else (`None`).
fn branch_object<'b, 'a>(e: &'b Expression<'a>) -> Option<Option<&'b ObjectExpression<'a>>> {
    match e.without_parentheses() {
        Expression::NullLiteral(_) => Some(None),
        Expression::Identifier(id) if id.name == "undefined" => Some(None),
        other => object_of(other).map(Some),
    }
}

/// `undefined` (or `void 0`): a property that supplies nothing.
fn is_undefined(e: &Expression<'_>) -> bool {
    match e.without_parentheses() {
        Expression::Identifier(id) => id.name == "undefined",
        Expression::UnaryExpression(u) => u.operator == oxc_syntax::operator::UnaryOperator::Void,
        _ => false,
    }
}

pub fn object_of<'b, 'a>(e: &'b Expression<'a>) -> Option<&'b ObjectExpression<'a>> {
    match e.without_parentheses() {
        Expression::ObjectExpression(o) => Some(o),
        Expression::TSSatisfiesExpression(s) => object_of(&s.expression),
        _ => None,
    }
}

/// The unchecked twin of a checked kind (and the same kind when it has none).
pub(crate) fn unchecked_of(kind: &TypeNameKind) -> TypeNameKind {
    match kind {
        TypeNameKind::CreateInput => TypeNameKind::UncheckedCreateInput,
        TypeNameKind::UpdateInput => TypeNameKind::UncheckedUpdateInput,
        TypeNameKind::UpdateManyMutationInput => TypeNameKind::UncheckedUpdateManyInput,
        TypeNameKind::CreateWithout { relation_field } => TypeNameKind::UncheckedCreateWithout { relation_field: relation_field.clone() },
        TypeNameKind::UpdateWithout { relation_field } => TypeNameKind::UncheckedUpdateWithout { relation_field: relation_field.clone() },
        other => other.clone(),
    }
}

const CREATE_OPS: [&str; 4] = ["create", "connectOrCreate", "connect", "createMany"];
const UPDATE_OPS: [&str; 11] =
    ["create", "connectOrCreate", "connect", "createMany", "upsert", "set", "disconnect", "delete", "update", "updateMany", "deleteMany"];

impl<'c> Checker<'c> {
    /// Checks `value` against what it is expected to be. `anchor` is where a finding about the
    /// value as a whole goes (the property key or declaration name, as tsc does).
    pub fn check_value(&mut self, value: &Expression<'_>, expect: &Expect, anchor: Span) {
        let value = value.without_parentheses();
        if let Expression::ConditionalExpression(c) = value {
            self.check_value(&c.consequent, expect, c.consequent.span());
            self.check_value(&c.alternate, expect, c.alternate.span());
            return;
        }
        match expect {
            Expect::Opaque => {}
            Expect::Input(spec) => {
                if let Some(obj) = object_of(value) {
                    self.check_input_object(obj, spec, anchor);
                }
            }
            Expect::Array(inner) => {
                for el in array_elements(value) {
                    self.check_value(el, inner, el.span());
                }
            }
            Expect::Record(inner) => {
                if let Some(obj) = object_of(value) {
                    let (mut ps, mut spreads) = (Vec::new(), Vec::new());
                    props(obj, &mut ps, &mut spreads);
                    for p in ps {
                        self.check_value(p.value, inner, p.key);
                    }
                }
            }
            Expect::Object { props: declared, index } => {
                if let Some(obj) = object_of(value) {
                    let (mut ps, mut spreads) = (Vec::new(), Vec::new());
                    props(obj, &mut ps, &mut spreads);
                    for p in ps {
                        if let Some((_, e)) = declared.iter().find(|(n, _)| *n == p.name) {
                            self.check_value(p.value, e, p.key);
                        } else if let Some(i) = index {
                            self.check_value(p.value, i, p.key);
                        }
                    }
                }
            }
            Expect::Fixtures { create, update } => {
                if let Some(obj) = object_of(value) {
                    self.check_fixtures_object(obj, create.as_ref(), update.as_ref());
                }
            }
            Expect::Shape { model, select } => {
                if let Some(obj) = object_of(value) {
                    self.check_shape(obj, model, *select);
                }
            }
            Expect::Where { model, unique } => {
                if let Some(obj) = object_of(value) {
                    if *unique {
                        self.check_where_unique(obj, model);
                    } else {
                        self.check_where(obj, model);
                    }
                }
            }
            Expect::OrderBy { model } => {
                let model = model.clone();
                self.each_object(value, anchor, |this, o, _| this.check_order_by(o, &model));
            }
        }
    }

    /// `Prisma.<Model>WhereInput`: fields of the model and `AND`/`OR`/`NOT`; relation filters
    /// (`some`/`every`/`none`, `is`/`isNot`, or a where of the related model) recursively.
    pub fn check_where(&mut self, obj: &ObjectExpression<'_>, target: &str) {
        let Some(model) = self.ctx.schema.model(target) else { return };
        let (mut ps, mut sp) = (Vec::new(), Vec::new());
        props(obj, &mut ps, &mut sp);
        for p in &ps {
            if matches!(p.name.as_str(), "AND" | "OR" | "NOT") {
                let t = target.to_string();
                self.each_object(p.value, p.key, |this, o, _| this.check_where(o, &t));
                continue;
            }
            let Some(field) = model.field(&p.name) else {
                let mut f = Finding::new(Code::UnknownField, p.key, format!("`{}` is not a field of `Prisma.{target}WhereInput`", p.name));
                if let Some(c) = crate::names::closest_field(&p.name, p.value, model) {
                    f = f.suggest(c.to_string()).help(format!("did you mean `{c}`?"));
                }
                self.push(f);
                continue;
            };
            if !field.is_relation() {
                continue;
            }
            let Some(inner) = object_of(p.value) else { continue };
            let related = field.type_name.clone();
            let ops: &[&str] = if field.is_list { &["some", "every", "none"] } else { &["is", "isNot"] };
            let (mut qs, mut _sp) = (Vec::new(), Vec::new());
            props(inner, &mut qs, &mut _sp);
            // A to-one relation also takes the related model's where directly.
            let direct = !field.is_list && !qs.iter().any(|q| ops.contains(&q.name.as_str()));
            if direct {
                self.check_where(inner, &related);
                continue;
            }
            for q in &qs {
                if ops.contains(&q.name.as_str()) {
                    if let Some(o) = object_of(q.value) {
                        self.check_where(o, &related);
                    }
                } else {
                    let mut f = Finding::new(
                        Code::UnknownField,
                        q.key,
                        format!("`{}` is not a filter of the relation `{}` ({})", q.name, p.name, ops.join(", ")),
                    );
                    if let Some(c) = closest(&q.name, ops.iter().copied()) {
                        f = f.suggest(c.to_string());
                    }
                    self.push(f);
                }
            }
        }
    }

    /// `Prisma.<Model>OrderByWithRelationInput`: fields of the model (`asc`/`desc`, `{ sort,
    /// nulls }`), relations ordered by the related model's fields or `_count`, `_relevance`.
    pub fn check_order_by(&mut self, obj: &ObjectExpression<'_>, target: &str) {
        let Some(model) = self.ctx.schema.model(target) else { return };
        let (mut ps, mut sp) = (Vec::new(), Vec::new());
        props(obj, &mut ps, &mut sp);
        for p in &ps {
            if matches!(p.name.as_str(), "_relevance" | "_count") {
                continue;
            }
            match model.field(&p.name) {
                None => {
                    let mut f = Finding::new(Code::UnknownField, p.key, format!("`{}` is not a field of `Prisma.{target}OrderByWithRelationInput`", p.name));
                    if let Some(c) = crate::names::closest_field(&p.name, p.value, model) {
                        f = f.suggest(c.to_string()).help(format!("did you mean `{c}`?"));
                    }
                    self.push(f);
                }
                Some(field) if field.is_relation() && !field.is_list => {
                    if let Some(o) = object_of(p.value) {
                        let related = field.type_name.clone();
                        self.check_order_by(o, &related);
                    }
                }
                Some(field) if !field.is_relation() => {
                    if let Literal::String(s) = classify(p.value)
                        && s != "asc"
                        && s != "desc"
                    {
                        self.push(Finding::new(Code::FieldTypeMismatch, p.value.span(), format!("`{}` is ordered by \"asc\" or \"desc\", not \"{s}\"", p.name)));
                    }
                }
                Some(_) => {}
            }
        }
    }

    /// `distinct: "field"` or `distinct: ["a", "b"]`: scalar fields of the model.
    pub fn check_distinct(&mut self, value: &Expression<'_>, target: &str) {
        let Some(model) = self.ctx.schema.model(target) else { return };
        let mut names: Vec<&Expression<'_>> = array_elements(value);
        if matches!(value.without_parentheses(), Expression::StringLiteral(_)) {
            names.push(value);
        }
        for e in names {
            let Expression::StringLiteral(s) = e.without_parentheses() else { continue };
            if model.field(&s.value).is_some_and(|f| !f.is_relation()) {
                continue;
            }
            let mut f = Finding::new(Code::UnknownField, s.span, format!("\"{}\" is not a scalar field of `{target}` (what `distinct` takes)", s.value));
            if let Some(c) = closest(&s.value, model.fields.iter().filter(|f| !f.is_relation()).map(|f| f.name.as_str())) {
                f = f.suggest(format!("\"{c}\"")).help(format!("did you mean \"{c}\"?"));
            }
            self.push(f);
        }
    }

    /// An `include` (relation fields and `_count`) or `select` (every field and `_count`) of
    /// `model`, nested `include`/`select` of relations checked against the related model.
    pub fn check_shape(&mut self, obj: &ObjectExpression<'_>, model_name: &str, select: bool) {
        let schema = self.ctx.schema;
        let Some(model) = schema.model(model_name) else { return };
        let (mut ps, mut spreads) = (Vec::new(), Vec::new());
        props(obj, &mut ps, &mut spreads);
        let what = if select { "Select" } else { "Include" };
        for p in &ps {
            if p.name == "_count" {
                self.check_count_shape(p.value, model);
                continue;
            }
            let field = model.field(&p.name).filter(|f| select || f.is_relation());
            let Some(field) = field else {
                let candidates = model.fields.iter().filter(|f| select || f.is_relation()).map(|f| f.name.as_str());
                let mut f = Finding::new(Code::UnknownField, p.key, format!("`{}` is not a {} of `Prisma.{model_name}{what}`", p.name, if select { "field" } else { "relation" }));
                if let Some(c) = closest(&p.name, candidates) {
                    f = f.suggest(c.to_string()).help(format!("did you mean `{c}`?"));
                }
                self.push(f);
                continue;
            };
            // `relation: { select: …, include: … }` shapes the related model.
            if field.is_relation()
                && let Some(inner) = object_of(p.value)
            {
                let (mut qs, mut _sp) = (Vec::new(), Vec::new());
                props(inner, &mut qs, &mut _sp);
                for q in qs {
                    match (q.name.as_str(), object_of(q.value)) {
                        ("select", Some(o)) => self.check_shape(o, &field.type_name, true),
                        ("include", Some(o)) => self.check_shape(o, &field.type_name, false),
                        _ => {}
                    }
                }
            }
        }
    }

    /// `_count: { select: { <list relation>: true } }`
    fn check_count_shape(&mut self, value: &Expression<'_>, model: &Model) {
        let Some(obj) = object_of(value) else { return };
        let (mut ps, mut _sp) = (Vec::new(), Vec::new());
        props(obj, &mut ps, &mut _sp);
        for p in ps.iter().filter(|p| p.name == "select") {
            let Some(sel) = object_of(p.value) else { continue };
            let (mut qs, mut _sp2) = (Vec::new(), Vec::new());
            props(sel, &mut qs, &mut _sp2);
            for q in &qs {
                let is_list_relation = model.field(&q.name).is_some_and(|f| f.is_relation() && f.is_list);
                if !is_list_relation {
                    let candidates = model.fields.iter().filter(|f| f.is_relation() && f.is_list).map(|f| f.name.as_str());
                    let mut f = Finding::new(Code::UnknownField, q.key, format!("`{}` is not a list relation of `{}` (what `_count` counts)", q.name, model.name));
                    if let Some(c) = closest(&q.name, candidates) {
                        f = f.suggest(c.to_string());
                    }
                    self.push(f);
                }
            }
        }
    }

    /// The object `getFixtures()` returns (or one typed as the fixtures interface).
    fn check_fixtures_object(&mut self, obj: &ObjectExpression<'_>, create: Option<&InputSpec>, update: Option<&InputSpec>) {
        let (mut ps, mut spreads) = (Vec::new(), Vec::new());
        props(obj, &mut ps, &mut spreads);
        let categories = self.ctx.categories;
        if spreads.is_empty()
            && let Some(required) = &self.fixtures_base().required_categories
        {
            let missing: Vec<&String> = required.iter().filter(|r| !ps.iter().any(|p| &p.name == *r)).collect();
            if !missing.is_empty() {
                let list = missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ");
                self.push(
                    Finding::new(
                        Code::MissingFixtureCategory,
                        Span::new(obj.span.start, obj.span.start + 1),
                        format!("The fixtures object lacks the required categor{} {list} of `{}`", if missing.len() == 1 { "y" } else { "ies" }, self.fixtures_base().fixtures_interface),
                    )
                    .help(format!("add {} (use an empty object `{{}}` when there is nothing to list)", list))
                    .edits(vec![crate::fix_edits::add_empty_members(self.source, obj, &missing)]),
                );
            }
        }
        for p in ps {
            if categories.ignore.contains(&p.name) {
                if let Some(spec) = create {
                    self.check_invalid_category(p.value, spec);
                }
                continue;
            }
            if categories.create.contains(&p.name) {
                if let Some(spec) = create {
                    self.check_value(p.value, &Expect::Input(spec.clone()), p.key);
                }
            } else if categories.create_collections.contains(&p.name) {
                if let Some(spec) = create {
                    self.check_value(p.value, &Expect::Record(Box::new(Expect::Input(spec.clone()))), p.key);
                }
            } else if categories.update_collections.contains(&p.name)
                && let Some(spec) = update
            {
                self.check_value(p.value, &Expect::Record(Box::new(Expect::Input(spec.clone()))), p.key);
            }
        }
    }

    pub fn check_input_object(&mut self, obj: &ObjectExpression<'_>, spec: &InputSpec, anchor: Span) {
        let first_finding = self.findings.len();
        let schema = self.ctx.schema;
        let Some(model) = schema.model(&spec.model) else { return };
        let Some(checked) = self.ctx.input_fields(&spec.model, &spec.kind) else { return };
        let unchecked = if spec.either { self.ctx.input_fields(&spec.model, &unchecked_of(&spec.kind)) } else { None };

        let (mut ps, mut spreads) = (Vec::new(), Vec::new());
        props(obj, &mut ps, &mut spreads);

        let has = |fields: &[InputField], n: &str| fields.iter().any(|f| f.name == n);
        // What the literal surely supplies (`None`: a spread we cannot see into).
        let supplied: Option<Vec<String>> = {
            // `x: undefined` supplies nothing (as for tsc under `strict`, and for Prisma).
            let mut supplied: Vec<String> = ps.iter().filter(|p| !p.maybe && !is_undefined(p.value)).map(|p| p.name.clone()).collect();
            let mut known = true;
            for s in &spreads {
                match self.spread_effect(s) {
                    // Less the keys a later `x: undefined` takes back.
                    Spread::Supplies(keys) => supplied.extend(
                        keys.into_iter().filter(|k| !ps.iter().any(|p| p.name == *k && is_undefined(p.value) && p.key.start > s.span().start)),
                    ),
                    Spread::Nothing => {}
                    Spread::Unknown => known = false,
                }
            }
            known.then_some(supplied)
        };
        let needs_required = spec.is_create() && !spec.partial;
        // The literal fits a shape when every property is a field of it and, for a create,
        // every required field is supplied.
        let fits = |fields: &[InputField]| {
            ps.iter().all(|p| has(fields, &p.name))
                && (!needs_required || supplied.as_ref().is_none_or(|s| fields.iter().all(|f| !f.required || s.contains(&f.name))))
        };
        // Which variant the literal is written in: one it fits (Prisma accepts either), else
        // the one its properties lean to.
        let mut both_shapes: Vec<(&str, &str)> = Vec::new();
        let fields: Arc<Vec<InputField>> = match &unchecked {
            Some(u) if fits(&checked) => checked.clone(),
            Some(u) if fits(u) => u.clone(),
            Some(u) => {
                let only_unchecked: Vec<&str> = ps.iter().filter(|p| has(u, &p.name) && !has(&checked, &p.name)).map(|p| p.name.as_str()).collect();
                let only_checked: Vec<&str> = ps.iter().filter(|p| has(&checked, &p.name) && !has(u, &p.name)).map(|p| p.name.as_str()).collect();
                if let (Some(fk), Some(rel)) = (only_unchecked.first(), only_checked.first()) {
                    both_shapes.push((fk, rel));
                }
                if !only_unchecked.is_empty() && only_checked.is_empty() { u.clone() } else { checked.clone() }
            }
            None => checked.clone(),
        };

        // Foreign keys beside their own relation write.
        let mut mixed: Vec<&str> = Vec::new();
        for rel in model.relation_fields() {
            let Some(from) = rel.relation_from_fields.as_deref() else { continue };
            if from.is_empty() || !ps.iter().any(|p| p.name == rel.name) {
                continue;
            }
            let rel_maybe = ps.iter().any(|p| p.name == rel.name && p.maybe);
            for p in ps.iter().filter(|p| from.contains(&p.name) && !(p.maybe || rel_maybe)) {
                self.push(
                    Finding::new(
                        Code::MixedRelationInput,
                        p.key,
                        format!(
                            "`{}` is the foreign key of `{}`, which is also written here: Prisma takes either the foreign key or the relation write, not both",
                            p.name, rel.name
                        ),
                    )
                    .help(format!("remove `{}` and keep `{}: {{ connect: … }}` (or the reverse in an unchecked input)", p.name, rel.name)),
                );
                mixed.push(p.name.as_str());
                mixed.push(rel.name.as_str());
            }
        }

        // A foreign key (unchecked shape) beside another relation's write (checked shape).
        if let (Some(rel), Some(u)) = (both_shapes.first().map(|(_, r)| *r), &unchecked) {
            let fks: Vec<&str> = ps.iter().filter(|p| has(u, &p.name) && !has(&checked, &p.name) && !mixed.contains(&p.name.as_str())).map(|p| p.name.as_str()).collect();
            let holder = |k: &str| model.relation_fields().find(|r| r.relation_from_fields.as_deref().is_some_and(|f| f.iter().any(|x| x == k))).map(|r| r.name.as_str());
            let rel_fks = model.field(rel).and_then(|r| r.relation_from_fields.clone()).unwrap_or_default();
            for p in ps.iter().filter(|p| fks.contains(&p.name.as_str())) {
                let checked_fix = match holder(&p.name) {
                    Some(h) => format!("write `{h}: {{ connect: {{ … }} }}` instead of `{}`", p.name),
                    None => format!("remove `{}`", p.name),
                };
                let unchecked_fix = if rel_fks.is_empty() {
                    format!("write the other relations by their foreign keys instead of `{rel}`")
                } else {
                    format!("write {} instead of `{rel}`", rel_fks.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", "))
                };
                self.push(
                    Finding::new(
                        Code::MixedRelationInput,
                        p.key,
                        format!(
                            "`{}` is a foreign key (the unchecked input) and `{rel}` a relation write (the checked input): Prisma takes one shape or the other, not a mix",
                            p.name
                        ),
                    )
                    .help(format!("either {checked_fix} (checked), or {unchecked_fix} (unchecked)")),
                );
                mixed.push(p.name.as_str());
                // The relation the key stands for is not missing: it is written the other way.
                for r in model.relation_fields().filter(|r| r.relation_from_fields.as_deref().is_some_and(|f| f.contains(&p.name))) {
                    mixed.push(r.name.as_str());
                }
            }
        }

        for p in &ps {
            if mixed.contains(&p.name.as_str()) {
                continue;
            }
            match fields.iter().find(|f| f.name == p.name) {
                Some(field) => self.check_field_value(model, field, p.value, spec),
                None => self.unknown_field(model, spec, &fields, p, &ps),
            }
        }
        self.settle_literal_rewrites(obj, spec, first_finding, !spreads.is_empty());

        if needs_required {
            let Some(supplied) = supplied else { return };
            fn missing_in<'f>(fields: &'f [InputField], supplied: &[String], mixed: &[&str]) -> Vec<&'f InputField> {
                fields.iter().filter(|f| f.required && !supplied.contains(&f.name) && !mixed.contains(&f.name.as_str())).collect()
            }
            let names = |fields: &[&InputField]| fields.iter().map(|f| format!("`{}`", f.name)).collect::<Vec<_>>().join(", ");
            let additions = |fields: &[&InputField]| {
                fields
                    .iter()
                    .map(|f| match &f.shape {
                        InputShape::Relation { .. } => format!("`{}: {{ connect: {{ id: … }} }}`", f.name),
                        _ => format!("`{}`", f.name),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            // A required field written `x: undefined`: reported at its key, where tsc reports it.
            let undefined_keys: Vec<&Prop<'_, '_>> = ps.iter().filter(|p| !p.maybe && is_undefined(p.value)).collect();
            for p in &undefined_keys {
                if fields.iter().any(|f| f.required && f.name == p.name) && !supplied.contains(&p.name) {
                    let type_name = self.ctx.type_name(&spec.model, &spec.kind);
                    self.push(
                        Finding::new(
                            Code::MissingRequiredField,
                            p.key,
                            format!("`{}: undefined` supplies nothing: `{}` is a required field of `Prisma.{type_name}`", p.name, p.name),
                        )
                        .help(format!("give `{}` a value", p.name)),
                    );
                }
            }
            let missing: Vec<&InputField> =
                missing_in(&fields, &supplied, &mixed).into_iter().filter(|f| !undefined_keys.iter().any(|p| p.name == f.name)).collect();
            self.check_required_keys(model, spec, &fields, &checked, &supplied, &mixed, anchor);
            if !missing.is_empty() {
                let type_name = self.ctx.type_name(&spec.model, &spec.kind);
                let mut message = format!("Missing required field{} {} of `Prisma.{type_name}`", if missing.len() == 1 { "" } else { "s" }, names(&missing));
                let mut help = format!("add {}", additions(&missing));
                // Where Prisma takes either shape and the literal leans to neither, name what the
                // other one lacks too: either is a fix.
                if let Some(u) = unchecked.as_ref().filter(|u| !Arc::ptr_eq(u, &fields) && ps.iter().all(|p| has(u, &p.name))) {
                    let other = missing_in(u, &supplied, &mixed);
                    if !other.is_empty() {
                        let unchecked_name = self.ctx.type_name(&spec.model, &unchecked_of(&spec.kind));
                        message.push_str(&format!(" (or {} of `Prisma.{unchecked_name}`)", names(&other)));
                        help = format!("{help} (checked), or {} (unchecked)", additions(&other));
                    }
                }
                self.push(Finding::new(Code::MissingRequiredField, anchor, message).help(help));
            }
        }
    }

    fn unknown_field(&mut self, model: &Model, spec: &InputSpec, fields: &[InputField], p: &Prop<'_, '_>, all: &[Prop<'_, '_>]) {
        let type_name = self.ctx.type_name(&spec.model, &spec.kind);
        let mut finding = Finding::new(Code::UnknownField, p.key, format!("`{}` is not a field of `Prisma.{type_name}`", p.name));
        let schema_field = model.field(&p.name);
        // A foreign key on the relation-style input: the relation is the way to write it.
        let holder = model
            .relation_fields()
            .find(|r| r.relation_from_fields.as_deref().is_some_and(|f| f.contains(&p.name)));
        if let (Some(_), Some(rel)) = (schema_field, holder) {
            finding.message = format!(
                "`{}` is a foreign key, which `Prisma.{type_name}` does not take: write the relation `{}` instead",
                p.name, rel.name
            );
            let target_key = rel.relation_to_fields.as_deref().and_then(|t| (t.len() == 1).then(|| t[0].clone()));
            let single_fk = rel.relation_from_fields.as_deref().is_some_and(|f| f.len() == 1);
            let value_span = p.value.span();
            let value_text = self.source.get(value_span.start as usize..value_span.end as usize);
            match (target_key, single_fk, value_text) {
                // The fix rewrites the whole property: `createdById: x` -> `createdBy: { connect: { id: x } }`.
                (Some(key), true, Some(value)) if !value.contains('\n') => {
                    finding.start = p.key.start;
                    finding.end = value_span.end;
                    finding = finding
                        .suggest(format!("{}: {{ connect: {{ {key}: {value} }} }}", rel.name))
                        .safe(true)
                        .help("or use the unchecked input type, which takes foreign keys");
                }
                _ => {
                    finding = finding.help(format!("`{}: {{ connect: {{ id: … }} }}`, or use the unchecked input type", rel.name));
                }
            }
        } else if let Some(f) = schema_field.filter(|f| f.is_relation()) {
            // A relation on an unchecked input: write its foreign key.
            let fks = f.relation_from_fields.clone().unwrap_or_default();
            finding.message = format!("`{}` is a relation, which `Prisma.{type_name}` does not take: write its foreign key instead", p.name);
            if fks.len() == 1 {
                finding = finding.suggest(fks[0].clone());
            }
            finding = finding.help(format!("set {} directly, or use the checked input type", fks.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")));
        } else if let Some(c) = crate::names::closest_of_kind(
            &p.name,
            p.value,
            &fields.iter().filter(|f| !all.iter().any(|q| q.name == f.name)).map(|f| (f.name.as_str(), matches!(f.shape, InputShape::Relation { .. }))).collect::<Vec<_>>(),
        ) {
            finding = finding.suggest(c.to_string()).help(format!("did you mean `{c}`?"));
        }
        let rewrite = finding.safe;
        let before = self.findings.len();
        self.push(finding);
        if rewrite && self.findings.len() > before {
            self.note_rewrite(before, &p.name, p.key.start);
        }
    }

    fn check_field_value(&mut self, model: &Model, field: &InputField, value: &Expression<'_>, spec: &InputSpec) {
        let literal = classify(value);
        if let InputShape::Relation { model: target, is_list, .. } = &field.shape {
            if let Verdict::Mismatch(expected) = judge(&field.shape, field.nullable, &literal, None) {
                self.push(Finding::new(
                    Code::FieldTypeMismatch,
                    value.span(),
                    format!("`{}` is a relation to `{target}` and takes {expected}, not {}", field.name, literal.describe()),
                ));
                return;
            }
            if let Some(obj) = object_of(value) {
                self.check_relation_write(model, &field.name, target, *is_list, obj, spec.is_create());
            }
            return;
        }
        let enum_def = match &field.shape {
            InputShape::Enum { name, .. } => self.ctx.schema.enum_named(name),
            _ => None,
        };
        match judge(&field.shape, field.nullable, &literal, enum_def) {
            Verdict::Ok => {}
            Verdict::Mismatch(expected) => self.push(Finding::new(
                Code::FieldTypeMismatch,
                value.span(),
                format!("`{}` takes {expected}, not {}", field.name, literal.describe()),
            )),
            Verdict::NotInEnum => self.enum_finding(enum_def, &literal, value.span(), &field.name),
            Verdict::Malformed(expected) => self.malformed(value, &field.name, &expected),
        }
        let column = model.field(&field.name).filter(|f| !f.is_relation());
        if let Some(column) = column.filter(|c| !c.is_list) {
            self.check_column_fit(column, value);
        }
        // Elements of a scalar or enum list.
        if literal == Literal::Array {
            let element_shape = match &field.shape {
                InputShape::Scalar { type_name, .. } => InputShape::Scalar { type_name: type_name.clone(), is_list: false },
                InputShape::Enum { name, .. } => InputShape::Enum { name: name.clone(), is_list: false },
                _ => return,
            };
            for el in array_elements(value) {
                let l = classify(el);
                match judge(&element_shape, false, &l, enum_def) {
                    Verdict::Ok => {}
                    Verdict::Mismatch(expected) => self.push(Finding::new(
                        Code::FieldTypeMismatch,
                        el.span(),
                        format!("elements of `{}` are {expected}, not {}", field.name, l.describe()),
                    )),
                    Verdict::NotInEnum => self.enum_finding(enum_def, &l, el.span(), &field.name),
                    Verdict::Malformed(expected) => self.malformed(el, &field.name, &expected),
                }
                if let Some(column) = column {
                    self.check_column_fit(column, el);
                }
            }
        }
    }

    /// A string of the right type that Prisma does not parse as the field's value.
    fn malformed(&mut self, value: &Expression<'_>, field: &str, expected: &str) {
        let text = self.source.get(value.span().start as usize..value.span().end as usize).unwrap_or("this string");
        self.push(Finding::new(
            Code::FieldTypeMismatch,
            value.span(),
            format!("`{field}` takes {expected}; Prisma rejects {text} at run time (the generated type says only `string`)"),
        ));
    }

    fn enum_finding(&mut self, enum_def: Option<&fixture_schema::Enum>, literal: &Literal<'_>, span: Span, field: &str) {
        let Some(e) = enum_def else { return };
        let Literal::String(s) = literal else { return };
        let values: Vec<&str> = e.values.iter().map(|v| v.name.as_str()).collect();
        let mut f = Finding::new(
            Code::InvalidEnumValue,
            span,
            format!("\"{s}\" is not a value of enum `{}` (field `{field}`); values: {}", e.name, values.join(", ")),
        );
        if let Some(c) = closest(s, values.iter().copied()) {
            f = f.suggest(format!("\"{c}\"")).help(format!("did you mean \"{c}\"?"));
        }
        self.push(f);
    }

    /// `{ create, connect, connectOrCreate, createMany, … }` under relation field `relation` of `model`.
    fn check_relation_write(&mut self, model: &Model, relation: &str, target: &str, is_list: bool, obj: &ObjectExpression<'_>, create: bool) {
        let schema = self.ctx.schema;
        let Some(field) = model.field(relation) else { return };
        let Some(back) = schema.opposite_field(model, field) else { return };
        let back = back.name.clone();
        let allowed: &[&str] = if create { &CREATE_OPS } else { &UPDATE_OPS };
        let (mut ps, mut spreads) = (Vec::new(), Vec::new());
        props(obj, &mut ps, &mut spreads);
        let create_spec = InputSpec { model: target.to_string(), kind: TypeNameKind::CreateWithout { relation_field: back.clone() }, partial: false, either: true };
        for p in &ps {
            let valid = allowed.contains(&p.name.as_str()) && (is_list || !matches!(p.name.as_str(), "createMany" | "set" | "updateMany" | "deleteMany"));
            if !valid {
                let mut f = Finding::new(
                    Code::UnknownField,
                    p.key,
                    format!("`{}` is not a relation write of `{relation}` ({})", p.name, allowed.iter().filter(|o| is_list || !matches!(**o, "createMany" | "set" | "updateMany" | "deleteMany")).copied().collect::<Vec<_>>().join(", ")),
                );
                if let Some(c) = closest(&p.name, allowed.iter().copied()) {
                    f = f.suggest(c.to_string());
                }
                self.push(f);
                continue;
            }
            match p.name.as_str() {
                "create" => self.each_object(p.value, p.key, |this, o, anchor| this.check_input_object(o, &create_spec, anchor)),
                "connect" => self.each_object(p.value, p.key, |this, o, _| this.check_where_unique(o, target)),
                "connectOrCreate" => self.each_object(p.value, p.key, |this, o, _| {
                    let (mut inner, mut sp) = (Vec::new(), Vec::new());
                    props(o, &mut inner, &mut sp);
                    for q in inner {
                        match q.name.as_str() {
                            "where" => {
                                if let Some(w) = object_of(q.value) {
                                    this.check_where_unique(w, target);
                                }
                            }
                            "create" => {
                                if let Some(c) = object_of(q.value) {
                                    this.check_input_object(c, &create_spec, q.key);
                                }
                            }
                            _ => this.push(Finding::new(Code::UnknownField, q.key, format!("`{}` is not a member of `connectOrCreate` (where, create)", q.name))),
                        }
                    }
                }),
                "createMany" => {
                    if let Some(o) = object_of(p.value) {
                        let (mut inner, mut sp) = (Vec::new(), Vec::new());
                        props(o, &mut inner, &mut sp);
                        let spec = InputSpec::new(target, TypeNameKind::CreateManyNested { relation_field: back.clone() });
                        for q in inner {
                            match q.name.as_str() {
                                "data" => self.each_object(q.value, q.key, |this, d, anchor| this.check_input_object(d, &spec, anchor)),
                                "skipDuplicates" => {}
                                _ => self.push(Finding::new(Code::UnknownField, q.key, format!("`{}` is not a member of `createMany` (data, skipDuplicates)", q.name))),
                            }
                        }
                    }
                }
                // `deleteMany: { … }` and `updateMany: { where: … }` filter the related rows by
                // their scalar fields (`<Model>ScalarWhereInput`).
                "deleteMany" => self.each_object(p.value, p.key, |this, o, _| this.check_scalar_where(o, target)),
                "updateMany" => self.each_object(p.value, p.key, |this, o, _| {
                    let (mut inner, mut sp) = (Vec::new(), Vec::new());
                    props(o, &mut inner, &mut sp);
                    let data = InputSpec { model: target.to_string(), kind: TypeNameKind::UpdateManyMutationInput, partial: false, either: true };
                    for q in inner {
                        match (q.name.as_str(), object_of(q.value)) {
                            ("where", Some(w)) => this.check_scalar_where(w, target),
                            ("data", Some(d)) => this.check_input_object(d, &data, q.key),
                            _ => {}
                        }
                    }
                }),
                // `update: { where, data }` (each, on a list; `where` optional on a to-one) or
                // the update itself (to-one).
                "update" => {
                    let update_spec = InputSpec { model: target.to_string(), kind: TypeNameKind::UpdateWithout { relation_field: back.clone() }, partial: false, either: true };
                    self.each_object(p.value, p.key, |this, o, anchor| {
                        let (mut inner, mut sp) = (Vec::new(), Vec::new());
                        props(o, &mut inner, &mut sp);
                        let enveloped = is_list || inner.iter().any(|q| q.name == "data");
                        if !enveloped {
                            this.check_input_object(o, &update_spec, anchor);
                            return;
                        }
                        for q in inner {
                            match (q.name.as_str(), object_of(q.value)) {
                                ("where", Some(w)) if is_list => this.check_where_unique(w, target),
                                ("where", Some(w)) => this.check_where(w, target),
                                ("data", Some(d)) => this.check_input_object(d, &update_spec, q.key),
                                ("where" | "data", None) => {}
                                _ => this.push(Finding::new(Code::UnknownField, q.key, format!("`{}` is not a member of a nested `update` (where, data)", q.name))),
                            }
                        }
                    })
                }
                "upsert" => {
                    let update_spec = InputSpec { model: target.to_string(), kind: TypeNameKind::UpdateWithout { relation_field: back.clone() }, partial: false, either: true };
                    self.each_object(p.value, p.key, |this, o, _| {
                        let (mut inner, mut sp) = (Vec::new(), Vec::new());
                        props(o, &mut inner, &mut sp);
                        for q in inner {
                            match (q.name.as_str(), object_of(q.value)) {
                                ("where", Some(w)) if is_list => this.check_where_unique(w, target),
                                ("where", Some(w)) => this.check_where(w, target),
                                ("create", Some(c)) => this.check_input_object(c, &create_spec, q.key),
                                ("update", Some(u)) => this.check_input_object(u, &update_spec, q.key),
                                ("where" | "create" | "update", None) => {}
                                _ => this.push(Finding::new(Code::UnknownField, q.key, format!("`{}` is not a member of a nested `upsert` (where, create, update)", q.name))),
                            }
                        }
                    })
                }
                // `set`, `disconnect`, `delete`: unique criteria of related rows (a list), or
                // `true` / a where of the related row (a to-one).
                "set" | "disconnect" | "delete" => self.each_object(p.value, p.key, |this, o, _| {
                    if is_list {
                        this.check_where_unique(o, target);
                    } else {
                        this.check_where(o, target);
                    }
                }),
                _ => {}
            }
        }
    }

    /// `<Model>ScalarWhereInput`: scalar fields of the model and `AND`/`OR`/`NOT`.
    fn check_scalar_where(&mut self, obj: &ObjectExpression<'_>, target: &str) {
        let Some(model) = self.ctx.schema.model(target) else { return };
        let (mut ps, mut sp) = (Vec::new(), Vec::new());
        props(obj, &mut ps, &mut sp);
        for p in &ps {
            let scalar = model.field(&p.name).is_some_and(|f| !f.is_relation());
            if scalar || matches!(p.name.as_str(), "AND" | "OR" | "NOT") {
                continue;
            }
            let mut f = Finding::new(
                Code::UnknownField,
                p.key,
                format!("`{}` is not a scalar field of `{target}`: `Prisma.{target}ScalarWhereInput` filters by scalar fields only", p.name),
            );
            if let Some(rel) = model.field(&p.name).filter(|f| f.is_relation())
                && let Some(fk) = rel.relation_from_fields.as_deref().filter(|f| f.len() == 1)
            {
                f = f.help(format!("filter by the foreign key `{}` instead", fk[0]));
            } else if let Some(c) = closest(&p.name, model.fields.iter().filter(|f| !f.is_relation()).map(|f| f.name.as_str())) {
                f = f.suggest(c.to_string()).help(format!("did you mean `{c}`?"));
            }
            self.push(f);
        }
    }

    /// Calls `f` on an object literal, or on each object literal of an array literal.
    pub fn each_object(&mut self, value: &Expression<'_>, key: Span, mut f: impl FnMut(&mut Self, &ObjectExpression<'_>, Span)) {
        if let Some(o) = object_of(value) {
            f(self, o, key);
            return;
        }
        for el in array_elements(value) {
            if let Some(o) = object_of(el) {
                f(self, o, Span::new(o.span.start, o.span.start + 1));
            }
        }
    }

    /// `connect: { … }` and `connectOrCreate.where`: fields of the related model, compound unique
    /// names, `AND`/`OR`/`NOT`; at least one unique criterion.
    pub fn check_where_unique(&mut self, obj: &ObjectExpression<'_>, target: &str) {
        let schema = self.ctx.schema;
        let Some(model) = schema.model(target) else { return };
        let (mut ps, mut spreads) = (Vec::new(), Vec::new());
        props(obj, &mut ps, &mut spreads);
        let compounds = self.ctx.compound_names(model);
        let unique_single: Vec<&str> = model
            .id_fields
            .iter()
            .filter(|_| model.id_fields.len() == 1)
            .map(String::as_str)
            .chain(model.unique_fields.iter().filter(|u| u.len() == 1).map(|u| u[0].as_str()))
            .chain(model.fields.iter().filter(|f| f.is_unique || f.is_id).map(|f| f.name.as_str()))
            .collect::<BTreeSet<&str>>()
            .into_iter()
            .collect();
        for p in &ps {
            let known = model.field(&p.name).is_some() || compounds.contains(&p.name) || matches!(p.name.as_str(), "AND" | "OR" | "NOT");
            if !known {
                let mut f = Finding::new(Code::UnknownField, p.key, format!("`{}` is not a field of `Prisma.{target}WhereUniqueInput`", p.name));
                let candidates: Vec<&str> = unique_single.iter().copied().chain(compounds.iter().map(String::as_str)).collect();
                if let Some(c) = closest(&p.name, candidates.into_iter()) {
                    f = f.suggest(c.to_string()).help(format!("did you mean `{c}`?"));
                }
                self.push(f);
            }
        }
        let has_unique = ps.iter().any(|p| unique_single.contains(&p.name.as_str()) || compounds.contains(&p.name));
        if !has_unique && spreads.is_empty() && !ps.is_empty() && ps.iter().all(|p| model.field(&p.name).is_some()) {
            let names: Vec<String> = unique_single.iter().map(|s| format!("`{s}`")).chain(compounds.iter().map(|c| format!("`{c}`"))).collect();
            self.push(Finding::new(
                Code::MissingRequiredField,
                Span::new(obj.span.start, obj.span.start + 1),
                format!("`Prisma.{target}WhereUniqueInput` needs a unique field: one of {}", names.join(", ")),
            ));
        }
    }
}
