//! What a factory class is made of, read from its source (oxc): its methods, the categories of
//! `getFixtures()` with their named variants, the fields its fixture objects write (for
//! `coverage`) and the relations they set up (for `docs`). The validator finds the factories and
//! their models; this reads each class once more for the facts the validator does not keep.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fixture_schema::Schema;
use fixture_validate::{FactoryEntry, FixtureCategories, LineIndex};
use oxc_ast::ast::{ArrayExpressionElement, Class, ClassElement, Declaration, Expression, ExportDefaultDeclarationKind, MethodDefinitionKind, ObjectExpression, ObjectPropertyKind, Statement};
use serde::Serialize;

/// The facts of one factory class.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct FactoryFacts {
    pub class_name: String,
    pub file: String,
    pub line: u32,
    /// The model, or the name `super("…")` gives when it is no model (then `known_model` is false).
    pub model: String,
    pub known_model: bool,
    /// Methods in source order (the constructor left out).
    pub methods: Vec<Method>,
    /// The members of the object `getFixtures()` returns, in source order.
    pub categories: Vec<Category>,
    /// Relations the fixture objects write, by relation field, with how (`connect`, `create`, …).
    pub relations: Vec<RelationUse>,
    /// Fields written per model (the factory's own and those of nested creates), sorted.
    #[serde(skip)]
    pub fields_written: BTreeMap<String, BTreeSet<String>>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Method {
    pub name: String,
    pub line: u32,
    pub is_static: bool,
    /// `public`, `protected` or `private`.
    pub visibility: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Category {
    pub name: String,
    /// Names of the entries of a collection category (`edgeCases: { withOwner: … }`).
    pub variants: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "camelCase")]
pub struct RelationUse {
    pub field: String,
    pub target: String,
    /// The nested writes used on it, sorted: `connect`, `connectOrCreate`, `create`, `createMany`, …
    pub writes: Vec<String>,
}

const SETS_UP: [&str; 5] = ["connect", "connectOrCreate", "create", "createMany", "set"];

/// Reads the facts of `factories` from their files. Unreadable or unparsable files yield no
/// facts (the validator reports them).
pub fn collect(schema: &Schema, factories: &[FactoryEntry], categories: &FixtureCategories) -> Vec<FactoryFacts> {
    let mut by_file: BTreeMap<&str, Vec<&FactoryEntry>> = BTreeMap::new();
    for f in factories {
        by_file.entry(f.file.as_str()).or_default().push(f);
    }
    let mut out = Vec::new();
    for (file, entries) in by_file {
        let Ok(text) = std::fs::read_to_string(file) else { continue };
        let allocator = oxc_allocator::Allocator::default();
        let source_type = oxc_span::SourceType::from_path(Path::new(file)).unwrap_or_else(|_| oxc_span::SourceType::ts());
        let ret = oxc_parser::Parser::new(&allocator, &text, source_type).parse();
        if ret.panicked {
            continue;
        }
        let lines = LineIndex::new(&text);
        for entry in entries {
            let Some(class) = find_class(&ret.program.body, &entry.class_name) else { continue };
            let model = entry.model.clone().or_else(|| entry.named.clone()).unwrap_or_default();
            let mut facts = class_facts(schema, class, entry, &model, categories, &lines);
            facts.known_model = entry.model.is_some();
            out.push(facts);
        }
    }
    out.sort_by(|a, b| (&a.model, &a.class_name, &a.file).cmp(&(&b.model, &b.class_name, &b.file)));
    out
}

fn find_class<'b, 'a>(body: &'b [Statement<'a>], name: &str) -> Option<&'b Class<'a>> {
    body.iter().find_map(|s| {
        let class = match s {
            Statement::ClassDeclaration(c) => Some(&**c),
            Statement::ExportDeclaration(e) => match &e.declaration {
                Declaration::ClassDeclaration(c) => Some(&**c),
                _ => None,
            },
            Statement::ExportDefaultDeclaration(e) => match &e.declaration {
                ExportDefaultDeclarationKind::ClassDeclaration(c) => Some(&**c),
                _ => None,
            },
            _ => None,
        }?;
        (class.id.as_ref().is_some_and(|id| id.name == name)).then_some(class)
    })
}

fn class_facts(schema: &Schema, class: &Class<'_>, entry: &FactoryEntry, model: &str, cats: &FixtureCategories, lines: &LineIndex<'_>) -> FactoryFacts {
    let mut facts = FactoryFacts {
        class_name: entry.class_name.clone(),
        file: entry.file.clone(),
        line: entry.line,
        model: model.to_string(),
        known_model: true,
        methods: Vec::new(),
        categories: Vec::new(),
        relations: Vec::new(),
        fields_written: BTreeMap::new(),
    };
    let mut relations: BTreeMap<String, RelationUse> = BTreeMap::new();
    for el in &class.body.body {
        let ClassElement::MethodDefinition(m) = el else { continue };
        if m.kind == MethodDefinitionKind::Constructor {
            continue;
        }
        let Some(name) = m.key.static_name() else { continue };
        let visibility = m.accessibility.map_or("public", |a| a.as_str()).to_string();
        facts.methods.push(Method { name: name.to_string(), line: lines.locate(m.span.start).0, is_static: m.r#static, visibility });
        let Some(body) = &m.value.body else { continue };
        let returned = returned_objects(&body.statements);
        if name == "getFixtures" {
            for obj in &returned {
                for p in &obj.properties {
                    let ObjectPropertyKind::ObjectProperty(p) = p else { continue };
                    let Some(cat) = p.key.static_name() else { continue };
                    let cat = cat.to_string();
                    let collection = cats.create_collections.contains(&cat) || cats.update_collections.contains(&cat) || cats.ignore.contains(&cat);
                    let mut variants = Vec::new();
                    if collection && let Some(inner) = object_of(&p.value) {
                        for q in &inner.properties {
                            let ObjectPropertyKind::ObjectProperty(q) = q else { continue };
                            let Some(variant) = q.key.static_name() else { continue };
                            variants.push(variant.to_string());
                            if !cats.ignore.contains(&cat) {
                                for o in objects_in(&q.value) {
                                    written(schema, model, o, &mut facts.fields_written, Some(&mut relations));
                                }
                            }
                        }
                    } else if cats.create.contains(&cat) {
                        for o in objects_in(&p.value) {
                            written(schema, model, o, &mut facts.fields_written, Some(&mut relations));
                        }
                    }
                    if !facts.categories.iter().any(|c| c.name == cat) {
                        facts.categories.push(Category { name: cat, variants });
                    }
                }
            }
        } else if name.starts_with("generate") && name.ends_with("Data") {
            for obj in returned {
                written(schema, model, obj, &mut facts.fields_written, Some(&mut relations));
            }
        }
    }
    facts.relations = relations.into_values().collect();
    facts
}

/// The object literals a function body returns (not those of nested functions).
fn returned_objects<'b, 'a>(statements: &'b [Statement<'a>]) -> Vec<&'b ObjectExpression<'a>> {
    let mut out = Vec::new();
    for s in statements {
        match s {
            Statement::ReturnStatement(r) => {
                if let Some(o) = r.argument.as_ref().and_then(object_of) {
                    out.push(o);
                }
            }
            Statement::BlockStatement(b) => out.extend(returned_objects(&b.body)),
            Statement::IfStatement(i) => {
                out.extend(returned_objects(std::slice::from_ref(&i.consequent)));
                if let Some(alt) = &i.alternate {
                    out.extend(returned_objects(std::slice::from_ref(alt)));
                }
            }
            _ => {}
        }
    }
    out
}

fn object_of<'b, 'a>(e: &'b Expression<'a>) -> Option<&'b ObjectExpression<'a>> {
    match e.get_inner_expression() {
        Expression::ObjectExpression(o) => Some(o),
        _ => None,
    }
}

/// An object literal, or the object literals of an array literal.
fn objects_in<'b, 'a>(e: &'b Expression<'a>) -> Vec<&'b ObjectExpression<'a>> {
    match e.get_inner_expression() {
        Expression::ObjectExpression(o) => vec![o],
        Expression::ArrayExpression(a) => a
            .elements
            .iter()
            .filter_map(|el| match el {
                ArrayExpressionElement::SpreadElement(_) | ArrayExpressionElement::Elision(_) => None,
                other => other.as_expression().and_then(object_of),
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Records the fields of `model_name` that `obj` writes, following nested creates into the
/// related models; `relations` (top level only) collects the relation writes.
fn written(schema: &Schema, model_name: &str, obj: &ObjectExpression<'_>, out: &mut BTreeMap<String, BTreeSet<String>>, mut relations: Option<&mut BTreeMap<String, RelationUse>>) {
    let Some(model) = schema.model(model_name) else { return };
    for p in &obj.properties {
        let ObjectPropertyKind::ObjectProperty(p) = p else { continue };
        let Some(key) = p.key.static_name() else { continue };
        let Some(field) = model.field(&key) else { continue };
        let set = out.entry(model.name.clone()).or_default();
        set.insert(field.name.clone());
        if !field.is_relation() {
            continue;
        }
        // Writing the relation sets its foreign keys too.
        for fk in field.relation_from_fields.iter().flatten() {
            set.insert(fk.clone());
        }
        let Some(nested) = object_of(&p.value) else { continue };
        let mut writes = BTreeSet::new();
        for q in &nested.properties {
            let ObjectPropertyKind::ObjectProperty(q) = q else { continue };
            let Some(op) = q.key.static_name() else { continue };
            // What links or makes rows; update-only operations (`deleteMany`, `update`) set nothing up.
            if SETS_UP.contains(&op.as_ref()) {
                writes.insert(op.to_string());
            }
            let created: Vec<&ObjectExpression<'_>> = match op.as_ref() {
                "create" => objects_in(&q.value),
                "createMany" => object_of(&q.value)
                    .and_then(|o| o.properties.iter().find_map(|d| match d {
                        ObjectPropertyKind::ObjectProperty(d) if d.key.static_name().as_deref() == Some("data") => Some(objects_in(&d.value)),
                        _ => None,
                    }))
                    .unwrap_or_default(),
                "connectOrCreate" => objects_in(&q.value)
                    .into_iter()
                    .filter_map(|o| o.properties.iter().find_map(|d| match d {
                        ObjectPropertyKind::ObjectProperty(d) if d.key.static_name().as_deref() == Some("create") => object_of(&d.value),
                        _ => None,
                    }))
                    .collect(),
                _ => Vec::new(),
            };
            for c in created {
                written(schema, &field.type_name, c, out, None);
            }
        }
        if let Some(rel) = relations.as_deref_mut() {
            let entry = rel.entry(field.name.clone()).or_insert_with(|| RelationUse { field: field.name.clone(), target: field.type_name.clone(), writes: Vec::new() });
            for w in writes {
                if !entry.writes.contains(&w) {
                    entry.writes.push(w);
                }
            }
            entry.writes.sort();
        }
    }
}

/// Fields written by typed fixture modules: top-level `const x: Prisma.<Model>CreateInput = {…}`
/// (also `…[]`, `Array<…>`, `Record<string, …>` of them, and update inputs), per model.
pub fn typed_fixture_fields(schema: &Schema, files: &[std::path::PathBuf]) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(file) else { continue };
        if !text.contains("Prisma.") {
            continue;
        }
        let allocator = oxc_allocator::Allocator::default();
        let source_type = oxc_span::SourceType::from_path(file).unwrap_or_else(|_| oxc_span::SourceType::ts());
        let ret = oxc_parser::Parser::new(&allocator, &text, source_type).parse();
        if ret.panicked {
            continue;
        }
        // (declared type, value): typed and `satisfies` consts, and what typed functions return.
        let mut typed: Vec<(&oxc_ast::ast::TSType<'_>, &Expression<'_>)> = Vec::new();
        for s in &ret.program.body {
            let (variables, function) = match s {
                Statement::VariableDeclaration(d) => (Some(&**d), None),
                Statement::FunctionDeclaration(f) => (None, Some(&**f)),
                Statement::ExportDeclaration(e) => match &e.declaration {
                    Declaration::VariableDeclaration(d) => (Some(&**d), None),
                    Declaration::FunctionDeclaration(f) => (None, Some(&**f)),
                    _ => continue,
                },
                _ => continue,
            };
            match (variables, function) {
                (Some(v), _) => {
                    for d in &v.declarations {
                        let Some(init) = &d.init else { continue };
                        match (&d.type_annotation, init) {
                            (Some(annotation), _) => typed.push((&annotation.type_annotation, init)),
                            (None, Expression::TSSatisfiesExpression(s)) => typed.push((&s.type_annotation, &s.expression)),
                            _ => {}
                        }
                    }
                }
                (None, Some(f)) => {
                    let (Some(annotation), Some(body)) = (&f.return_type, &f.body) else { continue };
                    for s in &body.statements {
                        if let Statement::ReturnStatement(r) = s
                            && let Some(arg) = &r.argument
                        {
                            typed.push((&annotation.type_annotation, arg));
                        }
                    }
                }
                _ => {}
            }
        }
        {
            for (annotation, init) in typed {
                let Some((name, collection)) = input_type(annotation) else { continue };
                let Some(resolved) = fixture_schema::type_names::resolve(schema, &name) else { continue };
                let Some(model) = resolved.model else { continue };
                let writes = resolved.kind.is_create_input()
                    || matches!(resolved.kind, fixture_schema::TypeNameKind::UpdateInput | fixture_schema::TypeNameKind::UncheckedUpdateInput);
                if !writes {
                    continue;
                }
                let objects = match collection {
                    Collection::One | Collection::List => objects_in(init),
                    Collection::Record => object_of(init)
                        .map(|o| {
                            o.properties
                                .iter()
                                .filter_map(|p| match p {
                                    ObjectPropertyKind::ObjectProperty(p) => object_of(&p.value),
                                    ObjectPropertyKind::SpreadProperty(_) => None,
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                };
                for o in objects {
                    written(schema, &model, o, &mut out, None);
                }
            }
        }
    }
    out
}

enum Collection {
    One,
    List,
    Record,
}

/// `Prisma.X`, `Prisma.X[]`, `Array<Prisma.X>` or `Record<K, Prisma.X>`: the bare `X`.
fn input_type(t: &oxc_ast::ast::TSType<'_>) -> Option<(String, Collection)> {
    use oxc_ast::ast::{TSType, TSTypeName};
    let prisma = |t: &TSType<'_>| match t {
        TSType::TSTypeReference(r) => match &r.type_name {
            TSTypeName::QualifiedName(q) => match &q.left {
                TSTypeName::IdentifierReference(ns) if ns.name == "Prisma" => Some(q.right.name.to_string()),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    };
    if let Some(name) = prisma(t) {
        return Some((name, Collection::One));
    }
    match t {
        TSType::TSArrayType(a) => prisma(&a.element_type).map(|n| (n, Collection::List)),
        TSType::TSTypeReference(r) => {
            let TSTypeName::IdentifierReference(id) = &r.type_name else { return None };
            let args = r.type_arguments.as_ref()?;
            match (id.name.as_str(), args.params.len()) {
                ("Array", 1) => prisma(&args.params[0]).map(|n| (n, Collection::List)),
                ("Record", 2) => prisma(&args.params[1]).map(|n| (n, Collection::Record)),
                _ => None,
            }
        }
        _ => None,
    }
}
