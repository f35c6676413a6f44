//! Checks on a factory class: the model named by `super("…")` and by the type arguments, the
//! slots of the type arguments, the delegate `getPrismaDelegate()` returns, and the abstract
//! members of the base class it must implement.

use std::collections::HashMap;

use oxc_ast::ast::*;
use oxc_span::Span;
use serde::{Deserialize, Serialize};

use fixture_schema::TypeNameKind;

use crate::checker::{Checker, FactoryScope, returned_keys};
use crate::summary::{delegate_access, super_model};
use crate::expect::{Expect, InputSpec};
use crate::index::{FactoryClass, Slot};
use crate::names::same_letters;
use crate::rules;
use crate::types::{TypeExpr, lift};

/// A factory class found in a file, as the report lists it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FactoryEntry {
    pub file: String,
    pub class_name: String,
    pub line: u32,
    /// The model it covers; `None` (left out) when `super("…")` names no model. After `line`:
    /// the order JS has always seen (napi set optional properties last).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(skip)]
    pub offset: u32,
    /// The model name as written, when it names no model.
    #[serde(skip)]
    pub named: Option<String>,
}

/// The model a factory covers, by majority of its signals: the `super("…")` model, the model
/// type argument, the models of the input type arguments, the delegate. Ties go to the earlier
/// signal in that order.
fn attribute(super_model: Option<&str>, type_model: Option<&str>, input_models: &[String], delegate: Option<&str>) -> Option<String> {
    let signals: Vec<&str> = super_model.into_iter().chain(type_model).chain(input_models.iter().map(String::as_str)).chain(delegate).collect();
    let votes = |m: &str| signals.iter().filter(|s| **s == m).count();
    let mut best: Option<(&str, usize)> = None;
    for s in &signals {
        let n = votes(s);
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((s, n));
        }
    }
    best.map(|(m, _)| m.to_string())
}

fn kind_fits_slot(kind: &TypeNameKind, slot: Slot) -> bool {
    match slot {
        Slot::Create => matches!(kind, TypeNameKind::CreateInput | TypeNameKind::UncheckedCreateInput),
        Slot::Update => matches!(kind, TypeNameKind::UpdateInput | TypeNameKind::UncheckedUpdateInput),
        Slot::Include => matches!(kind, TypeNameKind::Include),
        Slot::Model | Slot::Other => true,
    }
}

fn slot_kind(slot: Slot) -> Option<TypeNameKind> {
    match slot {
        Slot::Create => Some(TypeNameKind::CreateInput),
        Slot::Update => Some(TypeNameKind::UpdateInput),
        Slot::Include => Some(TypeNameKind::Include),
        _ => None,
    }
}

impl Checker<'_> {
    pub fn check_factory_class(&mut self, c: &Class<'_>, factory: &FactoryClass) -> FactoryScope {
        let schema = self.ctx.schema;
        let base = &self.ctx.index.bases[factory.base];
        let class_span = c.id.as_ref().map_or(c.span, |id| id.span);

        // The model from `super("…")`; a table (`@@map`) name or a near miss is only a hint.
        let mut super_valid: Option<String> = None;
        let mut super_hint: Option<String> = None;
        let super_given = super_model(c);
        if let Some((name, span)) = super_given {
            if schema.model(name).is_some() {
                super_valid = Some(name.to_string());
            } else {
                let by_table = schema.model_by_db_name(name);
                let similar = by_table.or_else(|| schema.models.iter().find(|m| same_letters(&m.name, name) || m.delegate == name));
                super_hint = similar.map(|m| m.name.clone());
                rules::unknown_model::in_super(self, span, name, similar, by_table.is_some());
            }
        }

        // The type arguments, slot by slot (only where this class names the base itself).
        let direct_args: Vec<&TSType<'_>> = c
            .heritage
            .as_ref()
            .filter(|h| crate::summary::expression_name(&h.expression).is_some_and(|n| n.rsplit('.').next() == Some(base.name.as_str())))
            .and_then(|h| h.type_arguments.as_ref())
            .map(|a| a.params.iter().collect())
            .unwrap_or_default();
        let slot_of = |i: usize| base.slots.get(i).copied().unwrap_or(Slot::Other);
        let model_arg = factory
            .base_args
            .iter()
            .enumerate()
            .find(|(i, _)| slot_of(*i) == Slot::Model)
            .and_then(|(_, t)| match t {
                TypeExpr::Ref { name, args, start, end } if args.is_empty() && !name.contains('.') => Some((name.clone(), Span::new(*start, *end))),
                _ => None,
            });
        let type_model = model_arg.as_ref().and_then(|(n, _)| schema.model(n).map(|m| m.name.clone()));
        // The models the input type arguments belong to (`Prisma.tagCreateInput` -> `tag`).
        let input_models: Vec<String> = factory
            .base_args
            .iter()
            .enumerate()
            .filter(|(i, _)| matches!(slot_of(*i), Slot::Create | Slot::Update | Slot::Include))
            .filter_map(|(_, t)| match t {
                TypeExpr::Ref { name, .. } => name.strip_prefix("Prisma.").and_then(|b| fixture_schema::type_names::resolve(schema, b)).and_then(|r| r.model),
                _ => None,
            })
            .collect();
        let delegate = delegate_access(c);
        let delegate_model = delegate.and_then(|(d, _)| schema.model_by_delegate(d)).map(|m| m.name.clone());
        let fixtures_model = attribute(super_valid.as_deref(), type_model.as_deref(), &input_models, delegate_model.as_deref()).or(super_hint);
        let model = fixtures_model.clone();

        // `super("…")` names a model, but the other signals agree on another one.
        if let (Some(name), Some(fm), Some((_, span))) = (&super_valid, &fixtures_model, super_given)
            && name != fm
        {
            rules::type_model_mismatch::super_disagrees(self, span, name, fm);
        }

        if !direct_args.is_empty() {
            for (i, arg) in direct_args.iter().enumerate() {
                let slot = slot_of(i);
                let TSType::TSTypeReference(r) = arg else { continue };
                let lifted = lift(arg);
                let TypeExpr::Ref { name, .. } = &lifted else { continue };
                if slot == Slot::Model {
                    if name.contains('.') || r.type_arguments.is_some() {
                        continue;
                    }
                    match schema.model(name) {
                        Some(m) => {
                            if let Some(fm) = &fixtures_model
                                && *fm != m.name
                            {
                                rules::type_model_mismatch::model_type_disagrees(self, r.span, name, fm);
                            }
                        }
                        None if !self.ctx.index.type_decls.contains_key(name.as_str()) => {
                            let similar = schema.models.iter().find(|m| same_letters(&m.name, name)).map(|m| m.name.as_str());
                            rules::unknown_model::in_type_argument(self, r.span, name, similar);
                        }
                        None => {}
                    }
                    continue;
                }
                let Some(bare) = name.strip_prefix("Prisma.") else { continue };
                let Some(resolved) = fixture_schema::type_names::resolve(schema, bare) else { continue };
                let Some(owner) = resolved.model.clone() else { continue };
                let wrong_model = fixtures_model.as_ref().is_some_and(|fm| *fm != owner);
                let wrong_slot = !kind_fits_slot(&resolved.kind, slot);
                if !wrong_model && !wrong_slot {
                    continue;
                }
                let want_model = fixtures_model.clone().unwrap_or(owner.clone());
                let want_kind = if wrong_slot { slot_kind(slot) } else { Some(resolved.kind.clone()) };
                let right = want_kind.and_then(|k| fixture_schema::type_names::type_name(schema, &want_model, &k));
                let slot_name = match slot {
                    Slot::Create => "create input",
                    Slot::Update => "update input",
                    Slot::Include => "include",
                    _ => "",
                };
                let models = wrong_model.then_some((owner.as_str(), want_model.as_str()));
                rules::type_model_mismatch::input_type_disagrees(self, r.span, name, models, slot_name, right);
            }
        }

        // Abstract members of the base class.
        for member in &base.abstract_members {
            if !factory.implemented.iter().any(|m| m == member) {
                rules::missing_abstract_method::report(self, class_span, &factory.name, member, &base.name);
            }
        }

        // The delegate.
        if let Some((delegate, span)) = delegate {
            match schema.model_by_delegate(delegate) {
                None => rules::unknown_delegate::in_get_prisma_delegate(self, delegate, span, fixtures_model.as_deref()),
                Some(m) => {
                    if let Some(fm) = &fixtures_model
                        && m.name != *fm
                        && let Some(right) = schema.model(fm)
                    {
                        rules::delegate_mismatch::report(self, span, delegate, &m.name, fm, &right.delegate);
                    }
                }
            }
        }

        // What the fixtures are checked against.
        let evaluator = self.evaluator();
        let spec_at = |slot: Slot| -> Option<InputSpec> {
            let i = base.slots.iter().position(|s| *s == slot)?;
            let arg = factory.base_args.get(i)?;
            match evaluator.eval(arg) {
                Expect::Input(spec) => Some(spec),
                _ => None,
            }
        };
        let create = spec_at(Slot::Create).filter(|s| s.is_create());
        let update = spec_at(Slot::Update).or_else(|| {
            create.clone().map(|mut c| {
                c.partial = true;
                c
            })
        });

        self.found_factories.push(FactoryEntry {
            file: String::new(),
            class_name: factory.name.clone(),
            model: model.clone(),
            line: 0,
            offset: class_span.start,
            named: match super_given {
                Some((name, _)) if super_valid.is_none() => Some(name.to_string()),
                None if type_model.is_none() => model_arg.as_ref().map(|(n, _)| n.clone()).filter(|n| !self.ctx.index.type_decls.contains_key(n.as_str())),
                _ => None,
            },
        });

        let mut scope = FactoryScope { model: fixtures_model, create, update, method_keys: HashMap::new(), base: factory.base };
        // `...this.generateMinimalData()` supplies what that method returns (minimal first: the
        // complete data usually spreads it).
        let outer = self.factory.replace(FactoryScope { model: None, create: None, update: None, method_keys: HashMap::new(), base: factory.base });
        for wanted in ["generateMinimalData", "generateCompleteData"] {
            for el in &c.body.body {
                if let ClassElement::MethodDefinition(m) = el
                    && m.key.static_name().as_deref() == Some(wanted)
                {
                    let keys = returned_keys(self, &m.value);
                    scope.method_keys.insert(wanted.to_string(), keys.clone());
                    if let Some(s) = self.factory.as_mut() {
                        s.method_keys.insert(wanted.to_string(), keys);
                    }
                }
            }
        }
        self.factory = outer;
        scope
    }
}
