//! Which fixes `--fix` applies. A fix is `safe` only when it cannot change what the program does
//! at run time, only what the types say; every other fix is a suggestion, shown and never applied.
//! The reason for each kind is in its rule's documentation (`rules/<code>.rs`).
//!
//! Two kinds need the file around the literal they rewrite:
//! - a foreign key on the relation-style input (`userId: x` -> `user: { connect: { id: x } }`)
//!   changes the object at run time. Prisma treats the two shapes alike, so the rewrite is safe only
//!   when nothing else sees the object's keys: every foreign key of the literal is rewritten (a
//!   half-rewritten literal mixes the shapes, which Prisma rejects), no spread we cannot see into
//!   could bring a key back, each value is a non-null value of the key's type, and no rewritten key
//!   is read or written anywhere else in the file (a member access, a destructuring, a key of
//!   another object literal: an alias, a method such as `validateSpecific(data)` reading
//!   `data.chatId`, a later `message.parentId = …` that would mix the shapes);
//! - where the rewrite is not safe and the literal is the initialiser of a binding declared
//!   `Prisma.<Model>CreateInput` (or `UpdateInput`) that is a valid unchecked input as written, the
//!   certain fix is the declared type (`…UncheckedCreateInput`): the value stays the same.
//!
//! Keys read or written elsewhere are known only once the whole file is walked: the rewrites are
//! settled by [`Checker::settle_fixes`] after the walk.

use std::collections::HashSet;

use oxc_ast::ast::*;
use oxc_span::{GetSpan, Span};

use fixture_schema::{Schema, TypeNameKind};

use crate::checker::Checker;
use crate::expect::InputSpec;
use crate::literal::{Literal, Verdict, classify, judge};

/// A name of a watched key used somewhere in the file, and where.
#[derive(Debug, Clone)]
struct KeyUse<'c> {
    name: &'c str,
    at: u32,
}

/// A foreign-key rewrite offered by `unknown-field`: the finding and the key it rewrites.
#[derive(Debug, Clone)]
struct Rewrite {
    finding: usize,
    /// The finding's span: a check run on the side (another rule's) records rewrites of findings
    /// it then drops, whose indices mean nothing afterwards.
    span: (u32, u32),
    key: String,
    key_start: u32,
}

/// The rewrites of one literal, safe unless `failed` says why not or one of their keys is used
/// elsewhere in the file.
#[derive(Debug, Clone)]
struct Group {
    findings: Vec<usize>,
    keys: Vec<String>,
    fallback: Option<TypeFix>,
    failed: Option<String>,
}

/// The declared type of a binding, rewritten to the unchecked input type.
#[derive(Debug, Clone)]
struct TypeFix {
    start: u32,
    end: u32,
    text: String,
    binding: String,
}

/// `const x: Prisma.<Model>CreateInput = { … }`: where the literal starts and its type is written.
#[derive(Debug, Clone)]
struct Annotated {
    object_start: u32,
    type_span: Span,
    model: String,
    kind: TypeNameKind,
    binding: String,
}

/// How the file refers to a binding whose type a fix would change: every reference, and those
/// that keep working under the other type (`x.key`, `x.key = …`, `data: x`).
#[derive(Debug, Clone, Default)]
struct References {
    all: usize,
    member_or_data: usize,
}

/// What one file's walk gathers for settling its fixes.
#[derive(Default)]
pub struct Safety<'c> {
    uses: Vec<KeyUse<'c>>,
    rewrites: Vec<Rewrite>,
    groups: Vec<Group>,
    annotated: Vec<Annotated>,
    /// Starts of `Prisma.X` names whose certain correction would type a literal that has errors.
    revealing: HashSet<u32>,
    /// References to the annotated bindings, by name (the whole file, any scope).
    references: std::collections::HashMap<String, References>,
}

/// The keys whose uses are recorded: the schema's foreign keys and the relations that hold them.
pub fn watched_keys(schema: &Schema) -> rustc_hash::FxHashSet<String> {
    schema
        .models
        .iter()
        .flat_map(|m| m.relation_fields().filter(|r| r.relation_from_fields.as_ref().is_some_and(|f| !f.is_empty())))
        .flat_map(|r| r.relation_from_fields.iter().flatten().cloned().chain(std::iter::once(r.name.clone())))
        .collect()
}

impl<'c> Checker<'c> {
    fn note_use(&mut self, name: &str, at: u32) {
        let ctx = self.ctx;
        if let Some(name) = ctx.memo.watched_keys.get_or_init(|| watched_keys(ctx.schema)).get(name) {
            self.safety.uses.push(KeyUse { name, at });
        }
    }

    /// Records the watched keys an expression reads or writes: `x.key`, `x["key"]`, `x?.key`,
    /// `x.key = …`, `({ key } = x)`, and the keys of object literals.
    pub fn note_key_uses(&mut self, e: &Expression<'_>) {
        if !self.safety.references.is_empty() {
            self.note_references(e);
        }
        match e {
            Expression::StaticMemberExpression(m) => self.note_use(&m.property.name, m.property.span.start),
            Expression::ComputedMemberExpression(m) => {
                if let Some(name) = m.static_property_name() {
                    self.note_use(name.as_str(), m.expression.span().start);
                }
            }
            Expression::ChainExpression(c) => {
                if let Some(m) = c.expression.as_member_expression()
                    && let Some((span, name)) = m.static_property_info()
                {
                    self.note_use(name, span.start);
                }
            }
            Expression::AssignmentExpression(a) => self.note_assignment_target(&a.left),
            Expression::ObjectExpression(o) => {
                for p in &o.properties {
                    if let ObjectPropertyKind::ObjectProperty(p) = p
                        && let Some(name) = p.key.static_name()
                    {
                        self.note_use(&name, p.key.span().start);
                    }
                }
            }
            _ => {}
        }
    }

    /// Counts the references to annotated bindings, and those that stay valid under the unchecked
    /// type: the object of a member access or assignment, the value of `data:`.
    fn note_references(&mut self, e: &Expression<'_>) {
        let refs = &mut self.safety.references;
        let mut kept = |object: &Expression<'_>| {
            if let Expression::Identifier(id) = object.without_parentheses()
                && let Some(r) = refs.get_mut(id.name.as_str())
            {
                r.member_or_data += 1;
            }
        };
        match e {
            Expression::Identifier(id) => {
                if let Some(r) = refs.get_mut(id.name.as_str()) {
                    r.all += 1;
                }
            }
            Expression::StaticMemberExpression(m) => kept(&m.object),
            Expression::ComputedMemberExpression(m) => kept(&m.object),
            Expression::ChainExpression(c) => {
                if let Some(m) = c.expression.as_member_expression() {
                    kept(m.object());
                }
            }
            Expression::AssignmentExpression(a) => {
                if let Some(m) = a.left.as_member_expression() {
                    kept(m.object());
                } else if let AssignmentTarget::AssignmentTargetIdentifier(id) = &a.left
                    && let Some(r) = refs.get_mut(id.name.as_str())
                {
                    // Another value given to the binding.
                    r.all += 1;
                }
            }
            Expression::ObjectExpression(o) => {
                for p in &o.properties {
                    if let ObjectPropertyKind::ObjectProperty(p) = p
                        && !p.shorthand
                        && p.key.static_name().as_deref() == Some("data")
                    {
                        kept(&p.value);
                    }
                }
            }
            // `Object.assign(x, …)` changes `x` in place and type-checks whatever `x`'s type.
            Expression::CallExpression(call) => {
                if let Expression::StaticMemberExpression(m) = call.callee.without_parentheses()
                    && matches!(&m.object, Expression::Identifier(o) if o.name == "Object")
                    && m.property.name == "assign"
                    && let Some(target) = call.arguments.first().and_then(|a| a.as_expression())
                {
                    kept(target);
                }
            }
            _ => {}
        }
    }

    fn note_assignment_target(&mut self, t: &AssignmentTarget<'_>) {
        if let Some(m) = t.as_member_expression() {
            if let Some((span, name)) = m.static_property_info() {
                self.note_use(name, span.start);
            }
            return;
        }
        match t {
            AssignmentTarget::ObjectAssignmentTarget(o) => {
                for p in &o.properties {
                    match p {
                        AssignmentTargetProperty::AssignmentTargetPropertyIdentifier(p) => self.note_use(&p.binding.name, p.span.start),
                        AssignmentTargetProperty::AssignmentTargetPropertyProperty(p) => {
                            if let Some(name) = p.name.static_name() {
                                self.note_use(&name, p.name.span().start);
                            }
                            if let Some(t) = p.binding.as_assignment_target() {
                                self.note_assignment_target(t);
                            }
                        }
                    }
                }
            }
            AssignmentTarget::ArrayAssignmentTarget(a) => {
                for el in a.elements.iter().flatten() {
                    if let Some(t) = el.as_assignment_target() {
                        self.note_assignment_target(t);
                    }
                }
            }
            _ => {}
        }
    }

    /// Records the keys a destructuring pattern reads (`const { key } = x`, parameters).
    pub fn note_pattern_uses(&mut self, p: &BindingPattern<'_>) {
        match p {
            BindingPattern::ObjectPattern(o) => {
                for prop in &o.properties {
                    if let Some(name) = prop.key.static_name() {
                        self.note_use(&name, prop.key.span().start);
                    }
                    self.note_pattern_uses(&prop.value);
                }
            }
            BindingPattern::ArrayPattern(a) => {
                for el in a.elements.iter().flatten() {
                    self.note_pattern_uses(el);
                }
            }
            BindingPattern::AssignmentPattern(a) => self.note_pattern_uses(&a.left),
            BindingPattern::BindingIdentifier(_) => {}
        }
    }

    /// `const x: Prisma.<Model>CreateInput = { … }`: remembered so that a rewrite that is not safe
    /// can fall back to the declared type. A misspelt name whose correction would type the
    /// literal with errors is remembered too: its correction is no certain fix (tsc would report
    /// the literal's errors on the corrected line).
    pub fn note_annotated_literal(&mut self, binding: &BindingPattern<'_>, ty: &TSType<'_>, init: &Expression<'_>) {
        let TSType::TSTypeReference(r) = ty else { return };
        let TSTypeName::QualifiedName(q) = &r.type_name else { return };
        if r.type_arguments.is_some() || !matches!(&q.left, TSTypeName::IdentifierReference(ns) if ns.name == "Prisma") {
            return;
        }
        let Some(obj) = crate::literal::object_of(init) else { return };
        let schema = self.ctx.schema;
        if fixture_schema::type_names::resolve(schema, &q.right.name).is_none() {
            let corrected = self.ctx.suggester.suggest(schema, &q.right.name).and_then(|s| fixture_schema::type_names::resolve(schema, &s));
            if let Some(r) = corrected
                && let Some(model) = &r.model
            {
                let spec = InputSpec::new(model, r.kind.clone());
                if spec.is_checkable() && !self.clean_aside(|c| c.check_input_object(obj, &spec, Span::new(q.span.start, q.span.start + 1))) {
                    self.safety.revealing.insert(q.span.start);
                }
            }
            return;
        }
        let Some(resolved) = fixture_schema::type_names::resolve(schema, &q.right.name) else { return };
        let Some(model) = resolved.model else { return };
        if let BindingPattern::BindingIdentifier(id) = binding
            && matches!(resolved.kind, TypeNameKind::CreateInput | TypeNameKind::UpdateInput)
        {
            let binding = id.name.to_string();
            self.safety.references.entry(binding.clone()).or_default();
            self.safety.annotated.push(Annotated { object_start: obj.span.start, type_span: q.span, model, kind: resolved.kind, binding });
        }
    }

    /// Records that finding `finding` rewrites the foreign key written at `key_start`.
    pub fn note_rewrite(&mut self, finding: usize, key: &str, key_start: u32) {
        let span = self.findings.get(finding).map_or((0, 0), |f| (f.start, f.end));
        self.safety.rewrites.push(Rewrite { finding, span, key: key.to_string(), key_start });
    }

    /// After the properties of `obj` are checked against `spec` (findings from `first` on): the
    /// foreign-key rewrites of its own keys are kept for settling, or made not safe now.
    pub fn settle_literal_rewrites(&mut self, obj: &ObjectExpression<'_>, spec: &InputSpec, first: usize, opaque_spreads: bool) {
        if !self.safety.rewrites.iter().any(|r| r.finding >= first) {
            return;
        }
        let own: Vec<(String, u32, &Expression<'_>)> = obj
            .properties
            .iter()
            .filter_map(|p| match p {
                ObjectPropertyKind::ObjectProperty(p) if !p.computed => p.key.static_name().map(|n| (n.to_string(), p.key.span().start, &p.value)),
                _ => None,
            })
            .collect();
        let group: Vec<Rewrite> = self.safety.rewrites.iter().filter(|r| r.finding >= first && own.iter().any(|(_, s, _)| *s == r.key_start)).cloned().collect();
        if group.is_empty() {
            return;
        }
        let schema = self.ctx.schema;
        let Some(model) = schema.model(&spec.model) else { return };
        let is_foreign_key = |name: &str| model.relation_fields().any(|r| r.relation_from_fields.as_deref().is_some_and(|f| f.iter().any(|k| k == name)));
        let unchecked = self.ctx.input_fields(&spec.model, &crate::fixtures::unchecked_of(&spec.kind));
        // Every foreign key of the literal rewritten, none that a spread could bring back, each
        // value a non-null value of the key's type.
        let all_rewritten = own.iter().filter(|(n, _, _)| is_foreign_key(n)).all(|(_, s, _)| group.iter().any(|r| r.key_start == *s));
        let values_fit = group.iter().all(|r| {
            let Some((_, _, value)) = own.iter().find(|(_, s, _)| *s == r.key_start) else { return false };
            let literal = classify(value);
            if matches!(literal, Literal::Null | Literal::Undefined) {
                return false;
            }
            unchecked
                .as_ref()
                .and_then(|fields| fields.iter().find(|f| f.name == r.key))
                .is_some_and(|f| !matches!(judge(&f.shape, false, &literal, None), Verdict::Mismatch(_)))
        });
        let fallback = self.declared_type_fix(obj, spec);
        let findings: Vec<usize> = group.iter().map(|r| r.finding).collect();
        // Used elsewhere, these would see the change: every foreign key of the model (one added
        // later mixes the shapes) and the relations the rewrite writes.
        let mut keys: Vec<String> = model.relation_fields().filter_map(|r| r.relation_from_fields.as_ref()).flatten().cloned().collect();
        keys.extend(model.relation_fields().filter(|r| r.relation_from_fields.as_deref().is_some_and(|f| group.iter().any(|g| f.contains(&g.key)))).map(|r| r.name.clone()));
        let failed = if !all_rewritten {
            Some("another foreign key of this object cannot be rewritten, and an object with both shapes is rejected by Prisma".to_string())
        } else if opaque_spreads {
            Some("a spread in this object may bring a foreign key back at run time, mixing both shapes".to_string())
        } else if !values_fit {
            Some("the value does not fit a `connect`".to_string())
        } else {
            None
        };
        self.safety.groups.push(Group { findings, keys, fallback, failed });
    }

    /// The declared type of the binding `obj` initialises, as the unchecked input, when `obj` is
    /// a valid unchecked input as written (the same value, other types).
    fn declared_type_fix(&mut self, obj: &ObjectExpression<'_>, spec: &InputSpec) -> Option<TypeFix> {
        let a = self.safety.annotated.iter().find(|a| a.object_start == obj.span.start && a.model == spec.model && a.kind == spec.kind)?.clone();
        let kind = crate::fixtures::unchecked_of(&a.kind);
        let text = format!("Prisma.{}", self.ctx.type_name(&a.model, &kind));
        let unchecked = InputSpec::new(&a.model, kind);
        let clean = self.clean_aside(|c| c.check_input_object(obj, &unchecked, Span::new(a.type_span.start, a.type_span.start + 1)));
        clean.then_some(TypeFix { start: a.type_span.start, end: a.type_span.end, text, binding: a.binding })
    }

    /// Runs a check on the side (nothing of it is reported): whether it finds nothing.
    fn clean_aside(&mut self, check: impl FnOnce(&mut Self)) -> bool {
        let findings = std::mem::take(&mut self.findings);
        let (rewrites, groups) = (self.safety.rewrites.len(), self.safety.groups.len());
        check(self);
        let clean = self.findings.is_empty();
        self.findings = findings;
        self.safety.rewrites.truncate(rewrites);
        self.safety.groups.truncate(groups);
        clean
    }

    /// Whether the `Prisma.X` name starting at `start` would, corrected, type a literal with errors.
    pub fn correction_reveals_errors(&self, start: u32) -> bool {
        self.safety.revealing.contains(&start)
    }

    /// The rewrites of `group` are not safe: the declared type is the fix when there is one,
    /// else they stay as suggestions.
    fn demote(&mut self, group: &Group, why: &str) {
        // The binding used as a whole elsewhere (an argument, a return, an element) would carry
        // the other type there: not certain either.
        let fallback = group.fallback.as_ref().filter(|t| self.safety.references.get(&t.binding).is_some_and(|r| r.all <= r.member_or_data));
        for &i in &group.findings {
            let Some(f) = self.findings.get_mut(i) else { continue };
            match fallback {
                Some(t) => {
                    f.suggestion = Some(t.text.clone());
                    f.edits = Some(vec![(t.start, t.end, t.text.clone())]);
                    f.safe = true;
                    f.help = Some(format!("rewriting it is not certain ({why}); the declared type `{}` takes the foreign keys as written, and the object stays the same at run time", t.text));
                }
                None => {
                    f.safe = false;
                    let old = f.help.take().unwrap_or_default();
                    f.help = Some(format!("not applied by --fix: {why}; {old}"));
                }
            }
        }
    }

    /// After the walk: a rewrite whose key is read or written elsewhere in the file is not safe.
    /// The keys of literals whose own rewrites are applied too do not count; which those are
    /// depends on the others, so groups are dropped until none is left to drop.
    pub fn settle_fixes(&mut self) {
        // Only the rewrites whose findings are still there, each literal once.
        let kept: HashSet<usize> = self
            .safety
            .rewrites
            .iter()
            .filter(|r| self.findings.get(r.finding).is_some_and(|f| f.code == crate::code::Code::UnknownField && (f.start, f.end) == r.span))
            .map(|r| r.finding)
            .collect();
        let mut groups: Vec<(Group, Option<String>)> = Vec::new();
        for g in std::mem::take(&mut self.safety.groups) {
            if g.findings.iter().all(|i| kept.contains(i)) && !groups.iter().any(|(h, _)| h.findings == g.findings) {
                let why = g.failed.clone();
                groups.push((g, why));
            }
        }
        loop {
            let applied: HashSet<u32> = groups
                .iter()
                .filter(|(_, why)| why.is_none())
                .flat_map(|(g, _)| self.safety.rewrites.iter().filter(|r| g.findings.contains(&r.finding)).map(|r| r.key_start))
                .collect();
            let mut changed = false;
            for (g, why) in groups.iter_mut().filter(|(_, why)| why.is_none()) {
                if let Some(u) = self.safety.uses.iter().find(|u| g.keys.iter().any(|k| k == u.name) && !applied.contains(&u.at)) {
                    *why = Some(format!(
                        "`{}` is also read or written elsewhere in this file (line {}), where the rewrite would change what the program does",
                        u.name,
                        crate::diagnostic::LineIndex::new(self.source).locate(u.at).0
                    ));
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        for (g, why) in groups {
            if let Some(why) = why {
                self.demote(&g, &why);
            }
        }
    }
}


#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    /// Notes in rooms, by authors, replying to other notes: three foreign keys.
    const SCHEMA: &str = r#"
datasource db {
  provider = "postgresql"
}
model room {
  id    BigInt @id
  notes note[]
}
model person {
  id    BigInt @id
  notes note[]
}
model note {
  id        BigInt  @id
  text      String
  roomId    BigInt
  authorId  BigInt
  replyToId BigInt?
  room      room    @relation(fields: [roomId], references: [id])
  author    person  @relation(fields: [authorId], references: [id])
  replyTo   note?   @relation("replies", fields: [replyToId], references: [id])
  replies   note[]  @relation("replies")
}
"#;

    /// `line tier: replacement` of every fix in `src`.
    fn fixes(src: &str) -> Vec<String> {
        let report = crate::validate_sources(SCHEMA, vec![(PathBuf::from("/t/notes.ts"), src.to_string())], None, None).unwrap();
        report
            .diagnostics
            .iter()
            .filter_map(|d| {
                let fix = d.fix.as_ref()?;
                let text: Vec<&str> = fix.edits.iter().map(|e| e.text.as_str()).collect();
                Some(format!("{} {}: {}", d.line, if fix.safe { "safe" } else { "suggestion" }, text.join(" | ")))
            })
            .collect()
    }

    const HEAD: &str = "import type { Prisma, PrismaClient } from \"@prisma/client\";\n";

    #[test]
    fn a_literal_nothing_else_touches_is_rewritten() {
        let src = format!("{HEAD}export const n: Prisma.noteCreateInput = {{ id: 1n, text: \"t\", roomId: 2n, authorId: 3n }};\n");
        assert_eq!(fixes(&src), vec!["2 safe: room: { connect: { id: 2n } }", "2 safe: author: { connect: { id: 3n } }"]);
    }

    /// Given another foreign key later, the rewritten object would mix both shapes: the declared
    /// type is the certain fix, the object stays as it is.
    #[test]
    fn a_binding_given_another_foreign_key_later_gets_the_unchecked_type() {
        let src = format!(
            "{HEAD}export async function post(prisma: PrismaClient, reply?: bigint) {{
    const n: Prisma.noteCreateInput = {{ id: 1n, text: \"t\", roomId: 2n, authorId: 3n }};
    if (reply) n.replyToId = reply;
    return prisma.note.create({{ data: n }});
}}
"
        );
        assert_eq!(fixes(&src), vec!["3 safe: Prisma.noteUncheckedCreateInput", "3 safe: Prisma.noteUncheckedCreateInput"]);
        // `Object.assign` changes it in place too.
        let assigned = src.replace("if (reply) n.replyToId = reply;", "Object.assign(n, { replyToId: reply });");
        assert_eq!(fixes(&assigned), vec!["3 safe: Prisma.noteUncheckedCreateInput", "3 safe: Prisma.noteUncheckedCreateInput"]);
        // Handed on as a whole, it would carry the other type there: a suggestion.
        let handed = src.replace("return prisma.note.create({ data: n });", "const all: Prisma.noteCreateInput[] = [];\n    all.push(n);");
        assert_eq!(fixes(&handed), vec!["3 suggestion: room: { connect: { id: 2n } }", "3 suggestion: author: { connect: { id: 3n } }"]);
    }

    /// A method of the file reads the key back: rewritten, the check would fail.
    #[test]
    fn a_key_read_elsewhere_in_the_file_is_a_suggestion() {
        let src = format!(
            "{HEAD}export const notes: Record<string, Prisma.noteCreateInput> = {{ first: {{ id: 1n, text: \"t\", roomId: 2n, authorId: 3n }} }};
export class NoteChecks {{
    validateSpecific(data: {{ roomId?: bigint }}) {{ return data.roomId ? [] : [\"no room\"]; }}
}}
"
        );
        assert_eq!(fixes(&src), vec!["2 suggestion: room: { connect: { id: 2n } }", "2 suggestion: author: { connect: { id: 3n } }"]);
        let report = crate::validate_sources(SCHEMA, vec![(PathBuf::from("/t/notes.ts"), src)], None, None).unwrap();
        let help = report.diagnostics.iter().find_map(|d| d.help.clone().filter(|_| d.code == crate::Code::UnknownField)).unwrap();
        assert!(help.contains("`roomId` is also read or written elsewhere in this file (line 4)"), "{help}");
    }

    #[test]
    fn spreads_half_rewrites_and_null_keys_are_suggestions() {
        let spread = format!("{HEAD}export function make(o: Partial<Prisma.noteCreateInput>): Prisma.noteCreateInput {{ return {{ id: 1n, text: \"t\", roomId: 2n, authorId: 3n, ...o }}; }}\n");
        assert_eq!(fixes(&spread), vec!["2 suggestion: room: { connect: { id: 2n } }", "2 suggestion: author: { connect: { id: 3n } }"]);
        // `authorId`'s value spans lines: not rewritten, so neither is `roomId`; a declared binding
        // takes the unchecked type instead.
        let half = format!("{HEAD}export function make(): Prisma.noteCreateInput {{ return {{ id: 1n, text: \"t\", roomId: 2n, authorId: BigInt(\n    3) }}; }}\n");
        assert_eq!(fixes(&half), vec!["2 suggestion: room: { connect: { id: 2n } }"]);
        let declared = format!("{HEAD}export const n: Prisma.noteCreateInput = {{ id: 1n, text: \"t\", roomId: 2n, authorId: BigInt(\n    3) }};\n");
        assert_eq!(fixes(&declared), vec!["2 safe: Prisma.noteUncheckedCreateInput"]);
        let null = format!("{HEAD}export const n: Prisma.noteCreateInput = {{ id: 1n, text: \"t\", room: {{ connect: {{ id: 2n }} }}, author: {{ connect: {{ id: 3n }} }}, replyToId: null }};\n");
        assert_eq!(fixes(&null), vec!["2 suggestion: replyTo: { connect: { id: null } }"]);
    }

    /// A misspelt type name is certain to correct unless the object it declares then has errors
    /// (tsc would report them on the corrected line).
    #[test]
    fn a_type_name_correction_that_would_show_errors_is_a_suggestion() {
        let src = format!(
            "{HEAD}export const a: Prisma.NoteCreateInput = {{ id: 1n, text: \"t\", room: {{ connect: {{ id: 2n }} }}, author: {{ connect: {{ id: 3n }} }} }};
export const b: Prisma.NoteCreateInput = {{ id: 1n }};
"
        );
        assert_eq!(fixes(&src), vec!["2 safe: Prisma.noteCreateInput", "3 suggestion: Prisma.noteCreateInput"]);
    }
}
