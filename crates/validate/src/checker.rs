//! Phase two: one file's AST walked with the project index at hand. Finds `Prisma.X` type
//! references that do not exist, BigInt literals below ES2020, and every object literal whose
//! declared type is a Prisma input (typed `const`s, `satisfies`, declared return types, class
//! properties, factory methods and `getFixtures()`), and runs the factory checks on classes.
//!
//! An import circle by design (one of the house's two, __test__/architecture.test.mjs): the
//! traversal (this file, `fixtures/`, `factory.rs`, `fix_safety.rs`) calls
//! `rules::<code>::…(checker, …)`, and a rule reads the schema and the file through the checker
//! and reports into it, as Ruff's rules do. Everything else (codes, diagnostics, the index, the
//! summaries) stays outside it.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};

use oxc_ast::ast::*;
use oxc_span::{GetSpan, Span};

use fixture_schema::{InputField, Model, Schema, TypeNameKind};

use crate::config::FixtureCategories;
use crate::diagnostic::Finding;
use crate::expect::{Evaluator, Expect, InputSpec};
use crate::fixtures::Spread;
use crate::index::ProjectIndex;
use crate::types::{TypeExpr, lift};
use crate::walk::{self, Visit};

/// Everything shared by the checks of all files.
pub struct Ctx<'c> {
    pub schema: &'c Schema,
    pub index: &'c ProjectIndex,
    pub summaries: &'c [crate::summary::FileSummary],
    pub categories: &'c FixtureCategories,
    /// `false` when the tsconfig target is below ES2020.
    pub bigint_literals_allowed: bool,
    /// Compound unique names per model (`a_b`, or the `name:` given in the schema).
    pub compounds: &'c HashMap<String, Vec<String>>,
    pub suggester: &'c crate::schema_extras::TypeNameSuggester,
    pub memo: Memo,
}

impl Ctx<'_> {
    pub fn compound_names(&self, model: &Model) -> Vec<String> {
        self.compounds.get(&model.name).cloned().unwrap_or_default()
    }

    /// `input_fields`, computed once per input type and shared by all files.
    pub fn input_fields(&self, model: &str, kind: &TypeNameKind) -> Option<Arc<Vec<InputField>>> {
        let key = (model.to_string(), kind.clone());
        if let Some(hit) = self.memo.fields.read().ok().and_then(|m| m.get(&key).cloned()) {
            return hit;
        }
        let value = fixture_schema::input_fields(self.schema, model, kind).map(Arc::new);
        if let Ok(mut m) = self.memo.fields.write() {
            m.insert(key, value.clone());
        }
        value
    }

    /// The generated name of a model's input type, for messages (computed once per type).
    pub fn type_name(&self, model: &str, kind: &TypeNameKind) -> String {
        let key = (model.to_string(), kind.clone());
        if let Some(hit) = self.memo.names.read().ok().and_then(|m| m.get(&key).cloned()) {
            return hit;
        }
        let value = fixture_schema::type_names::type_name(self.schema, model, kind).unwrap_or_else(|| model.to_string());
        if let Ok(mut m) = self.memo.names.write() {
            m.insert(key, value.clone());
        }
        value
    }
}

type MemoKey = (String, TypeNameKind);

/// Per-run caches of schema answers that every file asks for.
#[derive(Default)]
pub struct Memo {
    fields: RwLock<HashMap<MemoKey, Option<Arc<Vec<InputField>>>>>,
    names: RwLock<HashMap<MemoKey, String>>,
    /// The keys whose uses settle foreign-key fixes (crate::fix_safety), built once per run.
    pub watched_keys: std::sync::OnceLock<rustc_hash::FxHashSet<String>>,
}

/// The factory class being walked.
pub struct FactoryScope {
    /// The model the fixtures are checked against.
    pub model: Option<String>,
    pub create: Option<InputSpec>,
    pub update: Option<InputSpec>,
    /// What `...this.generateMinimalData()` and friends supply.
    pub method_keys: HashMap<String, Spread>,
    /// The base class the factory extends (an index into the project's bases).
    pub base: usize,
}

pub struct Checker<'c> {
    pub ctx: &'c Ctx<'c>,
    pub file: usize,
    /// The file's text, for suggestions that rewrite a value.
    pub source: &'c str,
    pub findings: Vec<Finding>,
    /// Declared return expectations of the enclosing functions.
    returns: Vec<Expect>,
    /// Parameters typed `Partial<…>` in the enclosing functions.
    partial_params: Vec<HashSet<String>>,
    /// `const x = new C(…)` bindings of the enclosing functions: name -> class.
    instances: Vec<HashMap<String, String>>,
    /// Bindings of the module and the enclosing functions: name -> whether it is a Prisma client.
    bindings: Vec<HashMap<String, bool>>,
    /// Starts of the functions passed to `<client>.$transaction(…)`: their first parameter is a client.
    tx_callbacks: HashSet<u32>,
    /// The enclosing class declarations' names.
    classes: Vec<String>,
    /// Whether the method being walked is static (`this` is then the class).
    in_static: Vec<bool>,
    pub factory: Option<FactoryScope>,
    /// The name of the class method whose function is visited next.
    pending_method: Option<String>,
    /// The model of the factory found for this file's classes (for the report).
    pub found_factories: Vec<crate::factory::FactoryEntry>,
    /// What the factory's data methods (`generateMinimalData`, …) return, key by key, with why
    /// the database rejects a value: read through by the judgement of `invalid` fixtures.
    pub data_methods: crate::rules::invalid_fixture_accepted::DataMethods,
    /// Set while an `invalid` fixture is judged: spreads of the data methods are read through.
    pub reading_through: bool,
    /// The file's tree, for what is read from all of it on first need.
    program: &'c oxc_ast::ast::Program<'c>,
    /// Names the file gives fresh ids (`known_ids`).
    known_ids: std::cell::OnceCell<crate::rules::invalid_fixture_accepted::KnownIds>,
    /// What settles which fixes are safe (crate::fix_safety).
    pub safety: crate::fix_safety::Safety<'c>,
}

impl<'c> Checker<'c> {
    pub fn new(ctx: &'c Ctx<'c>, file: usize, source: &'c str, program: &'c oxc_ast::ast::Program<'c>) -> Self {
        Checker {
            ctx,
            file,
            source,
            program,
            findings: Vec::new(),
            returns: Vec::new(),
            partial_params: Vec::new(),
            instances: vec![HashMap::new()],
            bindings: vec![HashMap::new()],
            tx_callbacks: HashSet::new(),
            classes: Vec::new(),
            in_static: Vec::new(),
            factory: None,
            pending_method: None,
            found_factories: Vec::new(),
            data_methods: Default::default(),
            reading_through: false,
            known_ids: std::cell::OnceCell::new(),
            safety: crate::fix_safety::Safety::default(),
        }
    }

    /// Names the file gives fresh ids, read on first need, from files that have `invalid`
    /// fixtures (none otherwise).
    pub fn known_ids(&self) -> &crate::rules::invalid_fixture_accepted::KnownIds {
        self.known_ids.get_or_init(|| {
            let has_invalid = self.ctx.categories.ignore.iter().any(|c| self.source.contains(c.as_str()));
            if has_invalid { crate::rules::invalid_fixture_accepted::KnownIds::of(self.program, self.source) } else { Default::default() }
        })
    }

    /// Records a finding once: a literal reached twice (a `satisfies` inside a client call) is
    /// reported once.
    pub fn push(&mut self, f: Finding) {
        if !self.findings.iter().any(|g| g.code == f.code && g.start == f.start && g.end == f.end && g.message == f.message) {
            self.findings.push(f);
        }
    }

    /// The base class whose fixtures interface applies here: the enclosing factory's, else the primary one.
    pub fn fixtures_base(&self) -> &'c crate::index::BaseClass {
        let index = self.ctx.index;
        &index.bases[self.factory.as_ref().map_or(0, |f| f.base)]
    }

    pub fn evaluator(&self) -> Evaluator<'c> {
        Evaluator { schema: self.ctx.schema, index: self.ctx.index }
    }

    pub fn expect_of(&self, ty: &TSType<'_>) -> Expect {
        self.evaluator().eval(&lift(ty))
    }

    /// What a spread inside a checked object supplies.
    pub fn spread_effect(&self, e: &Expression<'_>) -> Spread {
        let e = e.without_parentheses();
        match e {
            Expression::Identifier(id) if self.is_partial(&id.name) => Spread::Nothing,
            Expression::LogicalExpression(l) => match (l.left.without_parentheses(), l.right.without_parentheses()) {
                (Expression::Identifier(id), Expression::ObjectExpression(o)) if self.is_partial(&id.name) && o.properties.is_empty() => {
                    Spread::Nothing
                }
                _ => Spread::Unknown,
            },
            Expression::CallExpression(call) => {
                if let Expression::StaticMemberExpression(m) = call.callee.without_parentheses()
                    && matches!(m.object, Expression::ThisExpression(_))
                    && let Some(scope) = &self.factory
                    && let Some(keys) = scope.method_keys.get(m.property.name.as_str())
                {
                    // An `invalid` fixture is judged by what the method surely returns, the
                    // method's own `...overrides` (a `Partial`) being nothing.
                    if self.reading_through
                        && let Some(Some(entries)) = self.data_methods.get(m.property.name.as_str())
                    {
                        return Spread::Supplies(entries.iter().map(|(k, _)| k.clone()).collect());
                    }
                    return keys.clone();
                }
                Spread::Unknown
            }
            _ => Spread::Unknown,
        }
    }

    /// Whether `e` is a Prisma client (see the README, "Which calls are checked"): `this.prisma`
    /// and `<x>.prisma`/`<x>.db`; a binding typed `PrismaClient`/`Prisma.TransactionClient`,
    /// initialised `new PrismaClient(…)` or `<client>.$extends(…)`, or a `$transaction` callback's
    /// parameter; a binding named `prisma` (whatever its type), or `tx` or `db` untyped or `any`;
    /// an unbound (imported) `prisma` or `db`.
    pub fn is_client(&self, e: &Expression<'_>) -> bool {
        match e.without_parentheses() {
            Expression::Identifier(id) => match self.bindings.iter().rev().find_map(|s| s.get(id.name.as_str())) {
                Some(client) => *client,
                None => matches!(id.name.as_str(), "prisma" | "db"),
            },
            Expression::StaticMemberExpression(m) => matches!(m.property.name.as_str(), "prisma" | "db"),
            Expression::TSAsExpression(a) => self.is_client(&a.expression),
            Expression::TSNonNullExpression(a) => self.is_client(&a.expression),
            Expression::TSSatisfiesExpression(a) => self.is_client(&a.expression),
            _ => false,
        }
    }

    /// Whether a binding is a client, from its name, declared type and initialiser.
    fn client_binding(&self, name: &str, ty: Option<&TSType<'_>>, init: Option<&Expression<'_>>) -> bool {
        if let Some(init) = init.map(|e| e.without_parentheses()) {
            match init {
                Expression::NewExpression(n) if matches!(n.callee.without_parentheses(), Expression::Identifier(id) if id.name == "PrismaClient") => return true,
                Expression::CallExpression(c)
                    if matches!(c.callee.without_parentheses(), Expression::StaticMemberExpression(m) if m.property.name == "$extends" && self.is_client(&m.object)) =>
                {
                    return true;
                }
                _ => {}
            }
        }
        match ty {
            Some(TSType::TSAnyKeyword(_)) | None => matches!(name, "prisma" | "tx" | "db") || init.is_some_and(|i| self.is_client(i)),
            // `prisma` is the client whatever its declared type says (`typeof import("./db").default`).
            Some(_) if name == "prisma" => true,
            Some(t) => {
                let span = t.span();
                self.source.get(span.start as usize..span.end as usize).is_some_and(|text| text.contains("PrismaClient") || text.contains("TransactionClient"))
            }
        }
    }

    /// Declares the parameters of a function in the innermost scope.
    fn bind_params(&mut self, start: u32, params: &FormalParameters<'_>) {
        let tx = self.tx_callbacks.remove(&start);
        for (i, p) in params.items.iter().enumerate() {
            self.note_pattern_uses(&p.pattern);
            let BindingPattern::BindingIdentifier(id) = &p.pattern else { continue };
            let client = (tx && i == 0) || self.client_binding(&id.name, p.type_annotation.as_ref().map(|t| &t.type_annotation), None);
            if let Some(scope) = self.bindings.last_mut() {
                scope.insert(id.name.to_string(), client);
            }
        }
    }

    fn is_partial(&self, name: &str) -> bool {
        self.partial_params.iter().rev().any(|s| s.contains(name))
    }

    /// Params typed `Partial<…>`.
    pub(crate) fn partial_names(params: &FormalParameters<'_>) -> HashSet<String> {
        let mut out = HashSet::new();
        for p in &params.items {
            let Some(t) = &p.type_annotation else { continue };
            let is_partial = matches!(lift(&t.type_annotation), TypeExpr::Ref { ref name, .. } if name == "Partial");
            if is_partial && let BindingPattern::BindingIdentifier(id) = &p.pattern {
                out.insert(id.name.to_string());
            }
        }
        out
    }

    fn check_expression_body(&mut self, e: &Expression<'_>) {
        if let Some(expect) = self.returns.last().cloned()
            && !expect.is_opaque()
        {
            self.check_value(e, &expect, Span::new(e.span().start, e.span().start + 1));
        }
    }
}

/// The methods of a model delegate (`prisma.<model>.<method>`).
const DELEGATE_METHODS: [&str; 19] = [
    "create",
    "createMany",
    "createManyAndReturn",
    "update",
    "updateMany",
    "updateManyAndReturn",
    "upsert",
    "delete",
    "deleteMany",
    "findUnique",
    "findUniqueOrThrow",
    "findFirst",
    "findFirstOrThrow",
    "findMany",
    "count",
    "aggregate",
    "groupBy",
    "findRaw",
    "aggregateRaw",
];

/// Client methods whose argument we check (`data`, `create`, `update`, `include`, `select`).
const CLIENT_METHODS: [&str; 15] = [
    "deleteMany",
    "count",
    "create",
    "createMany",
    "createManyAndReturn",
    "update",
    "updateMany",
    "upsert",
    "delete",
    "findUnique",
    "findUniqueOrThrow",
    "findFirst",
    "findFirstOrThrow",
    "findMany",
    "updateManyAndReturn",
];

impl Checker<'_> {
    /// Arguments of calls whose parameter types we know: Prisma client writes
    /// (`prisma.tag.create({ data })`, on any client or transaction object) and methods of the
    /// analysed classes called on `this`, `new C()` or a `const x = new C()`.
    fn check_call(&mut self, call: &CallExpression<'_>) {
        let Expression::StaticMemberExpression(callee) = call.callee.without_parentheses() else { return };
        let method = callee.property.name.as_str();
        // `<client>.$transaction(async (tx) => …)`: `tx` is a client.
        if method == "$transaction" && self.is_client(&callee.object) {
            for a in &call.arguments {
                match a.as_expression().map(|e| e.without_parentheses()) {
                    Some(Expression::ArrowFunctionExpression(f)) => {
                        self.tx_callbacks.insert(f.span.start);
                    }
                    Some(Expression::FunctionExpression(f)) => {
                        self.tx_callbacks.insert(f.span.start);
                    }
                    _ => {}
                }
            }
            return;
        }
        if let Expression::StaticMemberExpression(target) = callee.object.without_parentheses()
            && DELEGATE_METHODS.contains(&method)
            && self.is_client(&target.object)
        {
            let delegate = target.property.name.as_str();
            match self.ctx.schema.model_by_delegate(delegate) {
                Some(model) => {
                    if CLIENT_METHODS.contains(&method)
                        && let Some(arg) = call.arguments.first().and_then(|a| a.as_expression())
                    {
                        self.check_client_write(&model.name.clone(), method, arg);
                    }
                }
                None if !delegate.starts_with('$') => {
                    let receiver = self.source.get(target.object.span().start as usize..target.object.span().end as usize).unwrap_or("prisma").to_string();
                    crate::rules::unknown_delegate::in_client_call(self, &receiver, delegate, target.property.span)
                }
                None => {}
            }
            return;
        }
        let in_static = self.in_static.last().copied().unwrap_or(false);
        let (class, is_static) = match callee.object.without_parentheses() {
            Expression::ThisExpression(_) => (self.classes.last().cloned(), in_static),
            Expression::NewExpression(n) => match n.callee.without_parentheses() {
                Expression::Identifier(id) => (Some(id.name.to_string()), false),
                _ => (None, false),
            },
            Expression::Identifier(id) => match self.instances.iter().rev().find_map(|s| s.get(id.name.as_str()).cloned()) {
                Some(c) => (Some(c), false),
                // `ClassName.method(…)`: a static method.
                None if self.ctx.index.classes.contains_key(id.name.as_str()) => (Some(id.name.to_string()), true),
                None => (None, false),
            },
            _ => (None, false),
        };
        let Some(class) = class.filter(|c| !c.is_empty()) else { return };
        for (i, arg) in call.arguments.iter().enumerate() {
            let Some(arg) = arg.as_expression() else { break };
            if !matches!(arg.without_parentheses(), Expression::ObjectExpression(_) | Expression::ArrayExpression(_)) {
                continue;
            }
            let Some(ty) = self.ctx.index.method_param_type(self.ctx.summaries, self.file, &class, method, is_static, i) else { continue };
            let expect = self.evaluator().eval(&ty);
            if !expect.is_opaque() {
                let start = arg.span().start;
                self.check_value(arg, &expect, Span::new(start, start + 1));
            }
        }
    }

    /// `{ data }`, `{ create, update }` of a client write, each as either the checked or the
    /// unchecked input (Prisma types them `XOR<…>`).
    fn check_client_write(&mut self, model: &str, method: &str, arg: &Expression<'_>) {
        let Expression::ObjectExpression(obj) = arg.without_parentheses() else { return };
        let either = |kind: TypeNameKind| Expect::Input(InputSpec { model: model.to_string(), kind, partial: false, either: true });
        for p in &obj.properties {
            let ObjectPropertyKind::ObjectProperty(p) = p else { continue };
            let Some(key) = p.key.static_name() else { continue };
            let expect = match (method, key.as_ref()) {
                ("create", "data") => either(TypeNameKind::CreateInput),
                ("createMany" | "createManyAndReturn", "data") => {
                    let one = Expect::Input(InputSpec::new(model, TypeNameKind::CreateManyInput));
                    if crate::literal::object_of(&p.value).is_some() { one } else { Expect::Array(Box::new(one)) }
                }
                ("update", "data") | ("upsert", "update") => either(TypeNameKind::UpdateInput),
                ("updateMany", "data") => either(TypeNameKind::UpdateManyMutationInput),
                ("upsert", "create") => either(TypeNameKind::CreateInput),
                ("findUnique" | "findUniqueOrThrow" | "update" | "upsert" | "delete", "where") | (_, "cursor") => {
                    Expect::Where { model: model.to_string(), unique: true }
                }
                (_, "where") => Expect::Where { model: model.to_string(), unique: false },
                (_, "orderBy") => Expect::OrderBy { model: model.to_string() },
                (_, "distinct") => {
                    self.check_distinct(&p.value, model);
                    continue;
                }
                (_, "include") => Expect::Shape { model: model.to_string(), select: false },
                // `count`'s `select` counts fields (`_all`); a plain select shapes a row.
                ("count", "select") => continue,
                (_, "select") => Expect::Shape { model: model.to_string(), select: true },
                _ => continue,
            };
            self.check_value(&p.value, &expect, p.key.span());
        }
    }
}

/// The spread effect of a factory method: the keys of the object literal it returns.
pub fn returned_keys(checker: &Checker<'_>, f: &Function<'_>) -> Spread {
    let Some(body) = &f.body else { return Spread::Unknown };
    for s in body.statements.iter().rev() {
        if let Statement::ReturnStatement(r) = s
            && let Some(arg) = &r.argument
            && let Expression::ObjectExpression(o) = arg.without_parentheses()
        {
            let mut keys = Vec::new();
            for p in &o.properties {
                match p {
                    ObjectPropertyKind::ObjectProperty(p) => match p.key.static_name() {
                        Some(n) if !p.computed => keys.push(n.to_string()),
                        _ => return Spread::Unknown,
                    },
                    ObjectPropertyKind::SpreadProperty(s) => match checker.spread_effect(&s.argument) {
                        Spread::Supplies(k) => keys.extend(k),
                        Spread::Nothing => {}
                        Spread::Unknown => return Spread::Unknown,
                    },
                }
            }
            return Spread::Supplies(keys);
        }
    }
    Spread::Unknown
}

impl<'a> Visit<'a> for Checker<'_> {
    fn visit_ts_type_reference(&mut self, r: &TSTypeReference<'a>) {
        crate::rules::unknown_prisma_type::check(self, r);
        walk::walk_ts_type_reference(self, r);
    }

    fn visit_expression(&mut self, e: &Expression<'a>) {
        self.note_key_uses(e);
        match e {
            Expression::BigIntLiteral(b) if !self.ctx.bigint_literals_allowed => crate::rules::bigint_literal_target::literal(self, b),
            Expression::CallExpression(call) => self.check_call(call),
            // `{ … } as Prisma.X`: tsc checks no excess or missing property in an assertion,
            // Prisma's runtime rejects unknown fields and wrong values: those are checked,
            // required fields are not (an assertion is how a test writes partial data).
            Expression::TSAsExpression(a) => {
                let expect = match self.expect_of(&a.type_annotation) {
                    Expect::Input(mut spec) => {
                        spec.partial = true;
                        Expect::Input(spec)
                    }
                    other => other,
                };
                if !expect.is_opaque() && crate::literal::object_of(&a.expression).is_some() {
                    let start = a.expression.span().start;
                    self.check_value(&a.expression, &expect, Span::new(start, start + 1));
                }
            }
            Expression::TSSatisfiesExpression(s) => {
                let expect = self.expect_of(&s.type_annotation);
                if !expect.is_opaque() {
                    let start = s.expression.span().start;
                    self.check_value(&s.expression, &expect, Span::new(start, start + 1));
                }
            }
            _ => {}
        }
        walk::walk_expression(self, e);
    }

    fn visit_variable_declarator(&mut self, d: &VariableDeclarator<'a>) {
        if let BindingPattern::BindingIdentifier(id) = &d.id {
            let client = self.client_binding(&id.name, d.type_annotation.as_ref().map(|t| &t.type_annotation), d.init.as_ref());
            if let Some(scope) = self.bindings.last_mut() {
                scope.insert(id.name.to_string(), client);
            }
        }
        if let (BindingPattern::BindingIdentifier(id), Some(Expression::NewExpression(n))) = (&d.id, d.init.as_ref().map(|e| e.without_parentheses()))
            && let Expression::Identifier(class) = n.callee.without_parentheses()
            && self.ctx.index.classes.contains_key(class.name.as_str())
            && let Some(scope) = self.instances.last_mut()
        {
            scope.insert(id.name.to_string(), class.name.to_string());
        }
        self.note_pattern_uses(&d.id);
        if let (Some(t), Some(init)) = (&d.type_annotation, &d.init) {
            self.note_annotated_literal(&d.id, &t.type_annotation, init);
            let expect = self.expect_of(&t.type_annotation);
            if !expect.is_opaque() {
                let anchor = match &d.id {
                    BindingPattern::BindingIdentifier(id) => id.span,
                    other => other.span(),
                };
                self.check_value(init, &expect, anchor);
            }
        }
        walk::walk_variable_declarator(self, d);
    }

    fn visit_property_definition(&mut self, p: &PropertyDefinition<'a>) {
        if let (Some(t), Some(value)) = (&p.type_annotation, &p.value) {
            let expect = self.expect_of(&t.type_annotation);
            if !expect.is_opaque() {
                self.check_value(value, &expect, p.key.span());
            }
        }
        walk::walk_property_definition(self, p);
    }

    fn visit_function(&mut self, f: &Function<'a>) {
        let method = self.pending_method.take();
        let declared = f.return_type.as_ref().map(|t| self.expect_of(&t.type_annotation)).unwrap_or(Expect::Opaque);
        let expect = match (&self.factory, method.as_deref()) {
            // A declared return type wins, as for tsc; the class's type arguments fill in only
            // for an undeclared one.
            _ if f.return_type.is_some() => declared,
            (Some(scope), Some("generateMinimalData" | "generateCompleteData")) => {
                scope.create.clone().map(Expect::Input).unwrap_or(declared)
            }
            (Some(scope), Some("getFixtures")) if scope.create.is_some() || !matches!(declared, Expect::Fixtures { .. }) => {
                Expect::Fixtures { create: scope.create.clone(), update: scope.update.clone() }
            }
            _ => declared,
        };
        self.returns.push(expect);
        self.partial_params.push(Self::partial_names(&f.params));
        self.instances.push(HashMap::new());
        self.bindings.push(HashMap::new());
        self.bind_params(f.span.start, &f.params);
        walk::walk_function(self, f);
        self.bindings.pop();
        self.instances.pop();
        self.partial_params.pop();
        self.returns.pop();
    }

    fn visit_arrow(&mut self, f: &ArrowFunctionExpression<'a>) {
        let expect = f.return_type.as_ref().map(|t| self.expect_of(&t.type_annotation)).unwrap_or(Expect::Opaque);
        self.returns.push(expect);
        self.partial_params.push(Self::partial_names(&f.params));
        self.instances.push(HashMap::new());
        self.bindings.push(HashMap::new());
        self.bind_params(f.span.start, &f.params);
        if let ArrowFunctionBody::FunctionBody(_) = &f.body {
        } else if let Some(e) = f.body.as_expression() {
            self.check_expression_body(e);
        }
        walk::walk_arrow(self, f);
        self.bindings.pop();
        self.instances.pop();
        self.partial_params.pop();
        self.returns.pop();
    }

    fn visit_return(&mut self, r: &ReturnStatement<'a>) {
        if let Some(arg) = &r.argument {
            self.check_expression_body(arg);
            self.visit_expression(arg);
        }
    }

    fn visit_class(&mut self, c: &Class<'a>) {
        let outer = self.factory.take();
        let outer_methods = std::mem::take(&mut self.data_methods);
        self.classes.push(c.id.as_ref().map(|id| id.name.to_string()).unwrap_or_default());
        if let Some(id) = &c.id
            && let Some(factory) = self.ctx.index.factory_at(self.file, &id.name).cloned()
        {
            self.factory = Some(self.check_factory_class(c, &factory));
            self.note_data_methods(c);
        }
        // Walk like `walk_class`, remembering each method's name for `visit_function`.
        walk::walk_type_parameters(self, c.type_parameters.as_deref());
        if let Some(h) = &c.heritage {
            self.visit_expression(&h.expression);
            walk::walk_type_arguments(self, h.type_arguments.as_deref());
        }
        for i in &c.implements {
            walk::walk_type_arguments(self, i.type_arguments.as_deref());
        }
        for el in &c.body.body {
            match el {
                ClassElement::MethodDefinition(m) => {
                    self.pending_method = m.key.static_name().map(|n| n.to_string());
                    self.in_static.push(m.r#static);
                    self.visit_function(&m.value);
                    self.in_static.pop();
                }
                ClassElement::PropertyDefinition(p) => self.visit_property_definition(p),
                ClassElement::StaticBlock(b) => walk::walk_statements(self, &b.body),
                _ => {}
            }
        }
        self.classes.pop();
        self.factory = outer;
        self.data_methods = outer_methods;
    }
}

