//! `invalid-fixture-accepted`: A member of the `invalid` fixtures that is a valid create input: a test of bad input that tests nothing.
//!
//! The categories of deliberately bad data are those `fixtureCategories.ignore` lists (default
//! `invalid`): never checked as inputs, since they exist to fail. Each of their members written
//! as an object literal is checked silently as a full create input of the factory's model; one
//! in which no rule finds anything would be accepted by Prisma, so the error-path test that uses
//! it passes for the wrong reason (or fails to run the error path at all). A member counts as
//! rejected, and is not reported, when the database rejects it for certain: a value its column
//! cannot hold (`value-exceeds-column`: a string longer than its `VarChar`, a number outside a
//! `SmallInt`), a NOT NULL key left unset, or a row it refers to that no fixture creates (a
//! `connect`, or a foreign key, to a fresh id such as `generatePK()` / `this.generateId()`, or to a
//! literal or a name holding fresh ids that the file never writes as that field of a row). A spread of the factory's own `generateMinimalData()` / `generateCompleteData()`
//! is read through: its keys are supplied, and its values judged as if written in place. What
//! the database rejects only in company (a duplicate of a unique value another row holds) is not
//! seen: such a member is reported, and the help says so. A member holding a type cast
//! (`"Nope" as any`) gets no verdict: the cast hides its value's type from the rules, and it is
//! how such fixtures spell a deliberately wrong value.

use std::collections::HashMap;

use oxc_ast::ast::{Class, ClassElement, Expression, Function, ObjectExpression, ObjectPropertyKind, Statement, UnaryOperator};
use oxc_span::GetSpan;

use fixture_schema::Model;

use crate::checker::Checker;
use crate::code::Severity;
use crate::diagnostic::Finding;
use crate::expect::InputSpec;
use crate::fixtures::Spread;
use crate::code::{Code, RuleDoc};
use crate::literal::object_under_casts;
use crate::walk::{Visit, walk_expression};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::InvalidFixtureAccepted,
    default_severity: Severity::Warning,
    what: "A member of the `invalid` fixtures that is a valid create input: a test of bad input that tests nothing.",
    why: "The fixture exists to be rejected; when Prisma accepts it, the error-path test that uses it passes without exercising the error.",
    example: "invalid: { missingRequired: { id: 1n, tag: \"complete after all\" } } // in a tag factory's getFixtures()",
    fix: "None: make the fixture break one rule (a missing required field, a wrong type, a value its column cannot hold).",
};

/// Whether an expression holds a type cast (`x as T`, `<T>x`) other than `as const`.
#[derive(Default)]
struct CastFinder {
    found: bool,
}

impl<'a> Visit<'a> for CastFinder {
    fn visit_expression(&mut self, e: &Expression<'a>) {
        match e {
            Expression::TSAsExpression(a) if !matches!(&a.type_annotation, oxc_ast::ast::TSType::TSTypeReference(r) if matches!(&r.type_name, oxc_ast::ast::TSTypeName::IdentifierReference(id) if id.name == "const")) => {
                self.found = true
            }
            Expression::TSTypeAssertion(_) => self.found = true,
            _ => walk_expression(self, e),
        }
    }
}

fn holds_cast(fixture: &ObjectExpression<'_>) -> bool {
    let mut finder = CastFinder::default();
    crate::walk::walk_object(&mut finder, fixture);
    finder.found
}

impl Checker<'_> {
    /// Reports each member of a category of deliberately bad data (`value`, the category's object
    /// literal) that the create-input rules find nothing wrong with.
    pub fn check_invalid_category(&mut self, value: &Expression<'_>, create: &InputSpec) {
        let Some(category) = object_under_casts(value) else { return };
        let spec = InputSpec { partial: false, ..create.clone() };
        for member in &category.properties {
            let ObjectPropertyKind::ObjectProperty(member) = member else { continue };
            let Some(fixture) = object_under_casts(&member.value) else { continue };
            // A spread whose keys are unknown could supply anything or nothing: no verdict.
            self.reading_through = true;
            let unknown_spread = fixture.properties.iter().any(|p| match p {
                ObjectPropertyKind::SpreadProperty(s) => {
                    object_under_casts(&s.argument).is_none() && self.spread_effect(&s.argument) == Spread::Unknown
                }
                ObjectPropertyKind::ObjectProperty(p) => p.computed,
            });
            if unknown_spread || holds_cast(fixture) {
                self.reading_through = false;
                continue;
            }
            let outer = std::mem::take(&mut self.findings);
            self.check_input_object(fixture, &spec, member.key.span());
            let found = std::mem::replace(&mut self.findings, outer);
            self.reading_through = false;
            if found.is_empty() && self.rejected_by_database(fixture, &spec.model).is_none() {
                let name = member.key.static_name().map(|n| format!("`{n}`")).unwrap_or_else(|| "this fixture".to_string());
                let type_name = self.ctx.type_name(&spec.model, &spec.kind);
                self.push(
                    Finding::new(
                        Code::InvalidFixtureAccepted,
                        member.key.span(),
                        format!("The invalid fixture {name} is a valid `Prisma.{type_name}`: a test of bad input that tests nothing"),
                    )
                    .help("make it invalid the way its name says (drop a required field, give a field a wrong type), or move it to `edgeCases`; if the database rejects it only beside other rows (a duplicate of a unique value), turn the rule off (`rules: { \"invalid-fixture-accepted\": \"off\" }`)"),
                );
            }
        }
    }
}

/// The data methods of the factory being walked: per method, its returned object's keys in
/// order (later ones win), each with why the database rejects its value, if it does; `None` when
/// a spread in it cannot be seen through.
pub type DataMethods = HashMap<String, Option<Vec<(String, Option<String>)>>>;

const DATA_METHODS: [&str; 2] = ["generateMinimalData", "generateCompleteData"];

/// The object literal a method returns last.
fn returned_object<'b, 'a>(f: &'b Function<'a>) -> Option<&'b ObjectExpression<'a>> {
    f.body.as_ref()?.statements.iter().rev().find_map(|s| match s {
        Statement::ReturnStatement(r) => r.argument.as_ref().and_then(|a| object_under_casts(a)),
        _ => None,
    })
}

/// Whether `e`, the value of unique field `field` of a row a fixture refers to, names a row no
/// fixture creates: a fresh id (`generatePK()`, `this.generateId()`, `nanoid()`, …, or
/// `BigInt(…)`/`.toString()` of one), or a literal or a name (`userId`, `this.runId`,
/// `ids().user1`, `ids.user1`) that the file never writes as that field outside a
/// `connect`/`where`, a name counting only when the file gives it nothing but fresh ids (`known`).
fn names_no_row(e: &Expression<'_>, field: &str, known: &KnownIds, text: &str) -> bool {
    let buf = &mut String::new();
    let e = e.without_parentheses();
    match fresh_value(e) {
        Some(Fresh::Generated) => true,
        Some(Fresh::Literal) => !known.created.contains(&hash_key(buf, &[field, "="], text, Some(e.span()))),
        None => {
            matches!(e, Expression::Identifier(_) | Expression::StaticMemberExpression(_))
                && known.fresh.get(&hash_key(buf, &[], text, Some(e.span()))).copied().unwrap_or(false)
                && !known.created.contains(&hash_key(buf, &[field, "="], text, Some(e.span())))
        }
    }
}

/// What kind of value no row has yet: a fresh id, or a literal (which a fixture may also write).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fresh {
    Generated,
    Literal,
}

/// A fresh id (`generatePK()`, `this.generateId()`, `nanoid()`, …, or `BigInt(…)`/`.toString()`
/// of one) or a literal; `None` for anything else (a name, a computation).
fn fresh_value(e: &Expression<'_>) -> Option<Fresh> {
    match e.without_parentheses() {
        Expression::NumericLiteral(_) | Expression::BigIntLiteral(_) | Expression::StringLiteral(_) => Some(Fresh::Literal),
        Expression::TemplateLiteral(t) if t.expressions.is_empty() => Some(Fresh::Literal),
        Expression::UnaryExpression(u) if u.operator == UnaryOperator::UnaryNegation => fresh_value(&u.argument),
        Expression::CallExpression(call) => match call.callee.without_parentheses() {
            Expression::Identifier(id) if id.name == "BigInt" || id.name == "String" => call.arguments.first().and_then(|a| a.as_expression()).and_then(fresh_value),
            Expression::Identifier(id) => GENERATORS.contains(&id.name.as_str()).then_some(Fresh::Generated),
            Expression::StaticMemberExpression(m) => match m.object.without_parentheses() {
                Expression::ThisExpression(_) => GENERATORS.contains(&m.property.name.as_str()).then_some(Fresh::Generated),
                other if m.property.name == "toString" => fresh_value(other),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

const GENERATORS: [&str; 10] =
    ["generatePK", "generateId", "generateSnowflake", "generatePublicId", "randomUUID", "nanoid", "uuid", "uuidv4", "cuid", "createId"];

/// The key of a name or a `field=value` pair: a hash of `prefix` followed by the text at `span`
/// without whitespace, built in `buf` (the collector reuses one: it sees every property of a file).
fn hash_key(buf: &mut String, prefix: &[&str], text: &str, span: Option<oxc_span::Span>) -> u64 {
    use std::hash::Hasher;
    buf.clear();
    for part in prefix {
        buf.push_str(part);
    }
    if let Some(span) = span {
        buf.extend(text.get(span.start as usize..span.end as usize).unwrap_or("").chars().filter(|c| !c.is_whitespace()));
    }
    let mut h = rustc_hash::FxHasher::default();
    h.write(buf.as_bytes());
    h.finish()
}

/// Names a file gives fresh ids or literals (`const userId = this.generateId()`, `this.runId =
/// generatePK()`, `{ user1: generatePK() }` inside `function ids()` or `const ids = …`) and the
/// values it writes as fields of rows (outside `connect`/`where`): read once per file that has
/// `invalid` fixtures. Keys are hashes of the text without whitespace.
#[derive(Default)]
pub struct KnownIds {
    /// Name -> whether every value the file gives it is fresh.
    fresh: HashMap<u64, bool, rustc_hash::FxBuildHasher>,
    /// `field=value` of every property written outside a `connect`/`where` whose value is a
    /// literal or a name.
    created: std::collections::HashSet<u64, rustc_hash::FxBuildHasher>,
}

impl KnownIds {
    pub fn of(program: &oxc_ast::ast::Program<'_>, text: &str) -> KnownIds {
        let mut c = Collector { text, ids: KnownIds::default(), functions: Vec::new(), in_reference: 0, buf: String::new() };
        crate::walk::walk_program(&mut c, program);
        c.ids
    }
}

struct Collector<'t> {
    text: &'t str,
    ids: KnownIds,
    /// Names of the enclosing function declarations.
    functions: Vec<Option<String>>,
    /// Inside a `connect`/`where`: a value there refers to a row, it does not create one.
    in_reference: u32,
    buf: String,
}

impl Collector<'_> {
    /// Notes a name (given as parts: `ids`, `().`, `user1`) and whether its value is fresh.
    fn note(&mut self, parts: &[&str], fresh: bool) {
        let key = hash_key(&mut self.buf, parts, "", None);
        *self.ids.fresh.entry(key).or_insert(true) &= fresh;
    }

    fn fresh(e: &Expression<'_>) -> bool {
        fresh_value(e).is_some()
    }

    /// A getter returning a fresh id (`get a() { return ids.a ??= generatePK(); }`).
    fn fresh_getter(e: &Expression<'_>) -> bool {
        let Expression::FunctionExpression(f) = e else { return false };
        f.body.as_ref().is_some_and(|b| {
            b.statements.iter().any(|s| match s {
                Statement::ReturnStatement(r) => r.argument.as_ref().is_some_and(|a| match a.without_parentheses() {
                    Expression::AssignmentExpression(x) => Self::fresh(&x.right),
                    other => Self::fresh(other),
                }),
                _ => false,
            })
        })
    }

    /// The members of an object literal named `name` + `call` (`ids`, or `ids` `()` for a
    /// function's): `ids.k`, `ids().k`.
    fn note_members(&mut self, name: &str, call: &str, o: &ObjectExpression<'_>) {
        for p in &o.properties {
            if let ObjectPropertyKind::ObjectProperty(p) = p
                && !p.computed
                && let Some(k) = p.key.static_name()
            {
                let fresh = match p.kind {
                    oxc_ast::ast::PropertyKind::Get => Self::fresh_getter(&p.value),
                    _ => Self::fresh(&p.value),
                };
                self.note(&[name, call, ".", &k], fresh);
            }
        }
    }

    fn note_params(&mut self, params: &oxc_ast::ast::FormalParameters<'_>) {
        for p in &params.items {
            if let oxc_ast::ast::BindingPattern::BindingIdentifier(id) = &p.pattern {
                self.note(&[&id.name], false);
            }
        }
    }
}

impl<'a> Visit<'a> for Collector<'_> {
    /// Types give no value.
    fn visit_ts_type(&mut self, _: &oxc_ast::ast::TSType<'a>) {}

    fn visit_function(&mut self, f: &Function<'a>) {
        self.note_params(&f.params);
        self.functions.push(f.id.as_ref().map(|id| id.name.to_string()));
        crate::walk::walk_function(self, f);
        self.functions.pop();
    }

    fn visit_arrow(&mut self, f: &oxc_ast::ast::ArrowFunctionExpression<'a>) {
        self.note_params(&f.params);
        crate::walk::walk_arrow(self, f);
    }

    fn visit_variable_declarator(&mut self, d: &oxc_ast::ast::VariableDeclarator<'a>) {
        if let (oxc_ast::ast::BindingPattern::BindingIdentifier(id), Some(init)) = (&d.id, &d.init) {
            let fresh = Self::fresh(init);
            self.note(&[&id.name], fresh);
            if let Some(o) = object_under_casts(init) {
                self.note_members(&id.name, "", o);
            }
        }
        crate::walk::walk_variable_declarator(self, d);
    }

    fn visit_property_definition(&mut self, p: &oxc_ast::ast::PropertyDefinition<'a>) {
        if let (Some(k), Some(value)) = (p.key.static_name(), &p.value) {
            let fresh = Self::fresh(value);
            self.note(&["this.", &k], fresh);
        }
        crate::walk::walk_property_definition(self, p);
    }

    fn visit_expression(&mut self, e: &Expression<'a>) {
        match e {
            Expression::AssignmentExpression(a) => {
                if let Some(t) = a.left.as_simple_assignment_target()
                    && let Some(m) = t.as_member_expression()
                    && matches!(m.object(), Expression::ThisExpression(_))
                    && let Some(k) = m.static_property_name()
                {
                    let fresh = Self::fresh(&a.right);
                    self.note(&["this.", k], fresh);
                }
            }
            Expression::ObjectExpression(o) => {
                // `{ user1: generatePK() }` inside `function ids()`: `ids().user1`.
                if let Some(f) = self.functions.last_mut().and_then(Option::take) {
                    self.note_members(&f, "()", o);
                    if let Some(slot) = self.functions.last_mut() {
                        *slot = Some(f);
                    }
                }
                for p in &o.properties {
                    let ObjectPropertyKind::ObjectProperty(p) = p else { continue };
                    let key = p.key.static_name();
                    if self.in_reference == 0
                        && let Some(k) = key.as_deref()
                        && !p.computed
                        && (fresh_value(&p.value) == Some(Fresh::Literal)
                            || matches!(p.value.without_parentheses(), Expression::Identifier(_) | Expression::StaticMemberExpression(_)))
                    {
                        let created = hash_key(&mut self.buf, &[k, "="], self.text, Some(p.value.without_parentheses().span()));
                        self.ids.created.insert(created);
                    }
                    let reference = matches!(key.as_deref(), Some("connect" | "where" | "connectOrCreate"));
                    self.in_reference += u32::from(reference);
                    self.visit_expression(&p.value);
                    self.in_reference -= u32::from(reference);
                }
                for p in &o.properties {
                    if let ObjectPropertyKind::SpreadProperty(s) = p {
                        self.visit_expression(&s.argument);
                    }
                }
                return;
            }
            _ => {}
        }
        walk_expression(self, e);
    }
}

impl Checker<'_> {
    /// Why the database rejects `value` as field `name` of `model` for certain: a value its
    /// column cannot hold, or a row it refers to that no fixture creates (in nested creates too).
    fn rejected_value(&self, model: &Model, name: &str, value: &Expression<'_>) -> Option<String> {
        let schema = self.ctx.schema;
        let field = model.field(name)?;
        if !field.is_relation() {
            if !field.is_list
                && let Some(why) = crate::rules::value_exceeds_column::column_overflow(field, value)
            {
                return Some(why);
            }
            let holder = model.relation_fields().find(|r| r.relation_from_fields.as_deref().is_some_and(|f| f.len() == 1 && f[0] == name))?;
            let referenced = holder.relation_to_fields.as_deref().and_then(|t| t.first()).map_or("id", String::as_str);
            return names_no_row(value, referenced, self.known_ids(), self.source).then(|| format!("`{name}` is the foreign key of `{}`, and no fixture creates that `{}` row", holder.name, holder.type_name));
        }
        let target = schema.model(&field.type_name)?;
        let write = object_under_casts(value)?;
        for op in &write.properties {
            let ObjectPropertyKind::ObjectProperty(op) = op else { continue };
            let objects: Vec<&ObjectExpression<'_>> = match object_under_casts(&op.value) {
                Some(o) => vec![o],
                None => crate::literal::array_elements(&op.value).into_iter().filter_map(|e| object_under_casts(e)).collect(),
            };
            match op.key.static_name().as_deref() {
                Some("connect") => {
                    for criteria in objects {
                        for c in &criteria.properties {
                            if let ObjectPropertyKind::ObjectProperty(c) = c
                                && let Some(key) = c.key.static_name()
                                && target.field(&key).is_some()
                                && names_no_row(&c.value, &key, self.known_ids(), self.source)
                            {
                                return Some(format!("`{name}` connects to a `{}` row that no fixture creates", target.name));
                            }
                        }
                    }
                }
                Some("create") => {
                    for nested in objects {
                        for q in &nested.properties {
                            if let ObjectPropertyKind::ObjectProperty(q) = q
                                && let Some(key) = q.key.static_name()
                                && let Some(why) = self.rejected_value(target, &key, &q.value)
                            {
                                return Some(why);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The keys an object literal writes, in order, each with why its value is rejected: spreads
    /// of object literals and of the factory's data methods read through, a spread of one of
    /// `partial` (the method's own `overrides?: Partial<…>`) is nothing; `None` for another spread.
    fn judged_keys(&self, obj: &ObjectExpression<'_>, model: &Model, partial: &std::collections::HashSet<String>) -> Option<Vec<(String, Option<String>)>> {
        let mut out: Vec<(String, Option<String>)> = Vec::new();
        let set = |out: &mut Vec<(String, Option<String>)>, key: String, why: Option<String>| {
            out.retain(|(k, _)| *k != key);
            out.push((key, why));
        };
        for p in &obj.properties {
            match p {
                ObjectPropertyKind::ObjectProperty(p) => {
                    if let Some(key) = p.key.static_name().filter(|_| !p.computed) {
                        let why = self.rejected_value(model, &key, &p.value);
                        set(&mut out, key.to_string(), why);
                    }
                }
                ObjectPropertyKind::SpreadProperty(s) => {
                    let argument = s.argument.without_parentheses();
                    let own_partial = |e: &Expression<'_>| matches!(e.without_parentheses(), Expression::Identifier(id) if partial.contains(id.name.as_str()));
                    if own_partial(argument) {
                        continue;
                    }
                    if let Expression::LogicalExpression(l) = argument
                        && own_partial(&l.left)
                        && object_under_casts(&l.right).is_some_and(|o| o.properties.is_empty())
                    {
                        continue;
                    }
                    let entries = if let Expression::CallExpression(call) = argument
                        && let Expression::StaticMemberExpression(m) = call.callee.without_parentheses()
                        && matches!(m.object, Expression::ThisExpression(_))
                    {
                        self.data_methods.get(m.property.name.as_str()).cloned().flatten()
                    } else {
                        object_under_casts(argument).and_then(|inner| self.judged_keys(inner, model, partial))
                    };
                    for (k, why) in entries? {
                        set(&mut out, k, why);
                    }
                }
            }
        }
        Some(out)
    }

    /// Reads what the factory's data methods return (minimal first: the complete data usually
    /// spreads it), for the judgement of `invalid` fixtures that spread them.
    pub fn note_data_methods(&mut self, c: &Class<'_>) {
        let Some(model) = self.factory.as_ref().and_then(|f| f.model.as_deref()).and_then(|m| self.ctx.schema.model(m)) else { return };
        for wanted in DATA_METHODS {
            for el in &c.body.body {
                if let ClassElement::MethodDefinition(m) = el
                    && m.key.static_name().as_deref() == Some(wanted)
                {
                    let partial = Checker::partial_names(&m.value.params);
                    let keys = returned_object(&m.value).and_then(|obj| self.judged_keys(obj, model, &partial));
                    self.data_methods.insert(wanted.to_string(), keys);
                }
            }
        }
    }

    /// Why the database rejects this `invalid` fixture for certain, beyond what the rules of a
    /// create input find: the first rejected value among its keys (spreads read through).
    fn rejected_by_database(&self, fixture: &ObjectExpression<'_>, model: &str) -> Option<String> {
        let model = self.ctx.schema.model(model)?;
        self.judged_keys(fixture, model, &Default::default())?.into_iter().find_map(|(_, why)| why)
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        // Every member is wrong in some way the rules see, or cannot be judged.
        let src = TAG_FACTORY.replace(
            "            invalid: { missingTag: { id: 1n } },",
            "            invalid: { missingTag: { id: 1n }, wrongType: { id: 2n, tag: 5 }, unknownField: { id: 3n, tag: \"a\", nmae: 1 }, opaque: { ...(globalThis as any).x }, cast: { id: 4n, tag: \"Nope\" as any }, notAnObject: 42 },",
        );
        assert_ne!(src, TAG_FACTORY);
        assert!(run_code(Code::InvalidFixtureAccepted, &[("tag.ts", &src)]).is_empty());
        assert!(run(&[("tag.ts", &src)]).is_empty(), "invalid fixtures are otherwise never reported");
    }

    #[test]
    fn fail_at_the_member_key() {
        let src = TAG_FACTORY.replace(
            "            invalid: { missingTag: { id: 1n } },",
            "            invalid: { missingTag: { id: 1n, tag: \"a\" }, withCreator: { id: 2n, tag: \"b\", createdBy: { create: { id: 3n, name: \"c\" } } }, wrongType: { id: 2n, tag: 5 } },",
        );
        assert_ne!(src, TAG_FACTORY);
        assert_eq!(run(&[("tag.ts", &src)]), vec![
            format!("invalid-fixture-accepted {}", find(&src, "missingTag")),
            format!("invalid-fixture-accepted {}", find(&src, "withCreator")),
        ]);
    }

    /// A row the fixture refers to that no fixture creates (a fresh id, a literal) is rejected by
    /// the database; a variable may name a row the test created, so that member is reported.
    #[test]
    fn a_reference_to_a_row_nothing_creates_is_rejected() {
        let src = TAG_FACTORY.replace(
            "            invalid: { missingTag: { id: 1n } },",
            "            invalid: { fresh: { id: 2n, tag: \"b\", createdBy: { connect: { id: this.generateId() } } }, literal: { id: 3n, tag: \"c\", createdBy: { connect: { handle: \"nobody\" } } }, nested: { id: 4n, tag: \"d\", createdBy: { create: { id: 5n, name: \"e\", invitedBy: { connect: { id: BigInt(generatePK()) } } } } }, known: { id: 6n, tag: \"f\", createdBy: { connect: { id: ownerId } } } },",
        ) + "declare function generatePK(): bigint;\ndeclare const ownerId: bigint;\n";
        assert_eq!(run(&[("tag.ts", &src)]), vec![format!("invalid-fixture-accepted {}", find(&src, "known"))]);
        // A literal the file also writes as that field (outside a `connect`) may name a row a
        // fixture creates.
        let written = format!("{src}export const nobody = {{ handle: \"nobody\" }};\n");
        assert_eq!(run(&[("tag.ts", &written)]), vec![
            format!("invalid-fixture-accepted {}", find(&written, "literal:")),
            format!("invalid-fixture-accepted {}", find(&written, "known")),
        ]);
    }

    /// Names the file gives only fresh ids count as fresh ids; one it also writes as a created
    /// row's `id`, or gives another value, does not.
    #[test]
    fn names_given_only_fresh_ids() {
        let src = TAG_FACTORY
            .replace(
                "    protected getFixtures(): DbTestFixtures<Prisma.tagCreateInput, Prisma.tagUpdateInput> {\n        return {",
                "    private ownerId = this.generateId();\n    protected getFixtures(): DbTestFixtures<Prisma.tagCreateInput, Prisma.tagUpdateInput> {\n        const creatorId = this.generateId();\n        const sharedId = this.generateId();\n        const knownId = lookUp();\n        return {\n            edgeCasesShared: { id: sharedId, name: \"shared\" },",
            )
            .replace(
                "            invalid: { missingTag: { id: 1n } },",
                "            invalid: { local: { id: 2n, tag: \"b\", createdBy: { connect: { id: creatorId } } }, field: { id: 3n, tag: \"c\", createdBy: { connect: { id: this.ownerId } } }, module: { id: 4n, tag: \"d\", createdBy: { connect: { id: ids().user1 } } }, created: { id: 5n, tag: \"e\", createdBy: { connect: { id: sharedId } } }, other: { id: 6n, tag: \"f\", createdBy: { connect: { id: knownId } } } },",
            )
            + "declare function lookUp(): bigint;\nlet cache: { user1: bigint } | undefined;\nexport function ids() {\n    cache ??= { user1: BigInt(Date.now()) };\n    return cache;\n}\nfunction fresh() {\n    return { user1: generatePK() };\n}\ndeclare function generatePK(): bigint;\n";
        // `ids()` gives `user1` a computed value: not known to be fresh.
        assert_eq!(run_code(Code::InvalidFixtureAccepted, &[("tag.ts", &src)]), vec![find(&src, "module:"), find(&src, "created:"), find(&src, "other:")]);
        let fresh_module = src.replace("cache ??= { user1: BigInt(Date.now()) };", "cache ??= { user1: generatePK() };");
        assert_eq!(run_code(Code::InvalidFixtureAccepted, &[("tag.ts", &fresh_module)]), vec![find(&src, "created:"), find(&src, "other:")]);
    }

    /// A spread of the factory's own `generateMinimalData()` supplies what it returns (its own
    /// `...overrides` being nothing), with the values it writes.
    #[test]
    fn a_spread_of_the_minimal_data_is_read_through() {
        let src = TAG_FACTORY.replace(
            "            invalid: { missingTag: { id: 1n } },",
            "            invalid: { minimalAsIs: { ...this.generateMinimalData() }, noId: { ...this.generateMinimalData(), id: undefined }, wrongCreator: { ...this.generateMinimalData(), createdBy: { connect: { id: this.generateId() } } }, fromComplete: { ...this.generateCompleteData() } },",
        );
        assert_ne!(src, TAG_FACTORY);
        assert_eq!(run(&[("tag.ts", &src)]), vec![
            format!("invalid-fixture-accepted {}", find(&src, "minimalAsIs")),
            format!("invalid-fixture-accepted {}", find(&src, "fromComplete")),
        ]);
        // When the minimal data connects to a row nothing creates, so does every spread of it.
        let connecting = src.replace(
            "return { id: this.generateId(), tag: \"a\", ...overrides };",
            "return { id: this.generateId(), tag: \"a\", createdBy: { connect: { id: this.generateId() } }, ...overrides };",
        );
        assert_ne!(connecting, src);
        assert_eq!(run(&[("tag.ts", &connecting)]), Vec::<String>::new());
    }
}
