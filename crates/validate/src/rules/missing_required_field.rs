//! `missing-required-field`: A create input lacks a required field (a relation, or its foreign key in an unchecked input), writes one `undefined`, or leaves out an optional relation whose foreign key is NOT NULL.
//!
//! Required is what the generated input type requires, and also what the table requires where
//! the type does not say it: a relation declared optional over a foreign key that is required
//! (`user user? @relation(fields: [userId], …)` with `userId BigInt`, no default) is optional in
//! the checked input, so a create that writes neither `user` nor (unchecked) `userId` compiles,
//! and PostgreSQL rejects it with a NOT NULL violation. A required field written `x: undefined`
//! supplies nothing (tsc agrees under `strict`; Prisma drops it): it is reported at its key.

use std::sync::Arc;

use oxc_span::Span;

use fixture_schema::{InputField, InputShape, Model, TypeNameKind};

use crate::checker::Checker;
use crate::code::Severity;
use crate::diagnostic::Finding;
use crate::expect::InputSpec;
use crate::code::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::MissingRequiredField,
    default_severity: Severity::Error,
    what: "A create input lacks a required field (a relation, or its foreign key in an unchecked input), writes one `undefined`, or leaves out an optional relation whose foreign key is NOT NULL.",
    why: "The insert fails at run time with a Prisma validation error.",
    example: "const t: Prisma.tagCreateInput = { id: 1n }; // tag is required",
    fix: "None: the value is the author's to choose; the help names what each input shape lacks.",
};

impl Checker<'_> {
    /// Foreign-key columns that are NOT NULL without a default, left unset by a checked create
    /// input whose relations over them are all optional: the insert fails although the types
    /// accept it. `fields` is the shape the literal was judged in, `checked` the checked one.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn check_required_keys(
        &mut self,
        model: &Model,
        spec: &InputSpec,
        fields: &Arc<Vec<InputField>>,
        checked: &Arc<Vec<InputField>>,
        supplied: &[String],
        mixed: &[&str],
        anchor: Span,
    ) {
        if !Arc::ptr_eq(fields, checked) {
            return;
        }
        // Keys the parent of a nested create sets.
        let by_parent: Vec<String> = match &spec.kind {
            TypeNameKind::CreateWithout { relation_field } => {
                model.field(relation_field).and_then(|r| r.relation_from_fields.clone()).unwrap_or_default()
            }
            TypeNameKind::CreateInput => Vec::new(),
            _ => return,
        };
        let written = |name: &str| supplied.iter().any(|s| s == name) || mixed.contains(&name);
        let set_by_a_write = |column: &str| {
            by_parent.iter().any(|c| c == column)
                || written(column)
                || model.relation_fields().any(|r| written(&r.name) && r.relation_from_fields.as_deref().is_some_and(|f| f.iter().any(|c| c == column)))
        };
        for rel in model.relation_fields() {
            let Some(from) = rel.relation_from_fields.as_deref().filter(|f| !f.is_empty()) else { continue };
            // Only relations this input offers as optional: a required one is the check above.
            if !fields.iter().any(|f| f.name == rel.name && !f.required) || written(&rel.name) {
                continue;
            }
            let unset: Vec<&str> = from
                .iter()
                .filter(|c| model.field(c).is_some_and(|f| f.is_required && !f.has_default_value && !f.is_list))
                .filter(|c| !set_by_a_write(c))
                .map(String::as_str)
                .collect();
            if unset.is_empty() {
                continue;
            }
            let keys = unset.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
            let type_name = self.ctx.type_name(&spec.model, &spec.kind);
            let target_key = rel.relation_to_fields.as_deref().and_then(|t| t.first()).map_or("id", String::as_str);
            self.push(
                Finding::new(
                    Code::MissingRequiredField,
                    anchor,
                    format!(
                        "`{}` is optional in `Prisma.{type_name}`, but its foreign key {keys} is required (NOT NULL, no default): without `{}` the insert fails with a NOT NULL violation",
                        rel.name, rel.name
                    ),
                )
                .help(format!(
                    "add `{}: {{ connect: {{ {target_key}: … }} }}`; or make the relation required in the schema (`{} {}` without `?`), which the generated type then says too",
                    rel.name, rel.name, rel.type_name
                )),
            );
        }
    }
}

/// A create input that lacks `missing` of `Prisma.<type_name>`; `other` is what the other shape
/// (the unchecked input, by its name) lacks, where the literal leans to neither: either is a fix.
pub(crate) fn missing_fields(c: &mut Checker<'_>, anchor: Span, type_name: &str, missing: &[&InputField], other: Option<(String, Vec<&InputField>)>) {
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
    let mut message = format!("Missing required field{} {} of `Prisma.{type_name}`", if missing.len() == 1 { "" } else { "s" }, names(missing));
    let mut help = format!("add {}", additions(missing));
    if let Some((unchecked_name, other)) = other.filter(|(_, o)| !o.is_empty()) {
        message.push_str(&format!(" (or {} of `Prisma.{unchecked_name}`)", names(&other)));
        help = format!("{help} (checked), or {} (unchecked)", additions(&other));
    }
    c.push(Finding::new(Code::MissingRequiredField, anchor, message).help(help));
}

/// A required field written `name: undefined`, reported at its key, where tsc reports it.
pub(crate) fn undefined_supplies_nothing(c: &mut Checker<'_>, key: Span, name: &str, type_name: &str) {
    c.push(
        Finding::new(Code::MissingRequiredField, key, format!("`{name}: undefined` supplies nothing: `{name}` is a required field of `Prisma.{type_name}`"))
            .help(format!("give `{name}` a value")),
    );
}

/// A `WhereUniqueInput` (at `obj_start`) that names no unique field: one of `unique` or `compounds` is needed.
pub(crate) fn no_unique_criterion(c: &mut Checker<'_>, obj_start: u32, target: &str, unique: &[&str], compounds: &[String]) {
    let names: Vec<String> = unique.iter().map(|s| format!("`{s}`")).chain(compounds.iter().map(|c| format!("`{c}`"))).collect();
    c.push(Finding::new(
        Code::MissingRequiredField,
        Span::new(obj_start, obj_start + 1),
        format!("`Prisma.{target}WhereUniqueInput` needs a unique field: one of {}", names.join(", ")),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        let src = r#"import type { Prisma } from "@prisma/client";
declare const anything: object;
export const t: Prisma.tag_translationCreateInput = { id: 1n, language: "en", tag: { connect: { id: 2n } } };
export const u: Prisma.tag_translationUncheckedCreateInput = { id: 1n, language: "en", tagId: 2n };
export const v: Prisma.tagCreateInput = { id: 1n, ...anything };
export const p: Partial<Prisma.tagCreateInput> = { bookmarks: 1 };
export const up: Prisma.tagUpdateInput = { bookmarks: 1 };
"#;
        assert!(run_code(Code::MissingRequiredField, &[("a.ts", src)]).is_empty());
    }

    #[test]
    fn fail_at_the_declaration_or_the_key_or_the_literal() {
        let src = r#"import type { Prisma } from "@prisma/client";
export const t: Prisma.tag_translationCreateInput = { id: 1n, language: "en" };
export const all: Record<string, Prisma.tagCreateInput> = { noTag: { id: 1n } };
export const n: Prisma.tagCreateInput = { id: 1n, tag: "a", translations: { create: [{ id: 3n }] } };
export function f(overrides: Partial<Prisma.tagCreateInput>): Prisma.tagCreateInput {
    return { id: 1n, ...overrides };
}
"#;
        assert_eq!(
            run_code(Code::MissingRequiredField, &[("a.ts", src)]),
            vec![find(src, "t:"), find(src, "noTag"), at(src, 4, "{ id: 3n }"), at(src, 6, "{ id")]
        );
    }

    #[test]
    fn spreads_follow_typescript() {
        // `...this.generateMinimalData()` supplies that method's fields; `...overrides` (Partial)
        // supplies none; an unresolvable spread silences the check but not an unknown field beside it.
        let src = TAG_FACTORY.replace(
            "            edgeCases: { long: { id: 2n, tag: \"x\".repeat(100) } },",
            "            edgeCases: { fromMinimal: { ...this.generateMinimalData(), bookmarks: 9 }, unknownSpread: { ...(globalThis as any).x, nmae: 1 } },",
        );
        assert_ne!(src, TAG_FACTORY);
        assert_eq!(run(&[("tag.ts", &src)]), vec![format!("unknown-field {}", find(&src, "nmae"))]);
        let partial_only = TAG_FACTORY.replace("return { id: this.generateId(), tag: \"a\", ...overrides };", "return { id: this.generateId(), ...overrides };");
        assert_ne!(partial_only, TAG_FACTORY);
        let line = line_of(&partial_only, "return { id: this.generateId(), ...overrides };");
        assert_eq!(run_code(Code::MissingRequiredField, &[("tag.ts", &partial_only)]), vec![at(&partial_only, line, "{ id")]);
    }

    /// A conditional spread supplies a field only when both branches write it; a `map`
    /// callback's object is checked as an element.
    #[test]
    fn conditional_spreads_and_map_callbacks() {
        let src = r#"import { PrismaClient } from "@prisma/client";
declare const flag: boolean;
declare const langs: string[];
export async function seed(prisma: PrismaClient) {
    await prisma.tag.create({ data: { id: 1n, ...(flag ? { tag: "a" } : { tag: "b" }) } });
    await prisma.tag.create({ data: { id: 2n, ...(flag && { tag: "c" }) } });
    await prisma.tag.create({ data: { id: 3n, ...(flag ? { tag: "d" } : {}) } });
    await prisma.tag.create({ data: { id: 4n, tag: "e", translations: { create: langs.map((l) => ({ language: l })) } } });
    await prisma.tag.create({ data: { id: 5n, ...(rest || {}) } });
    await prisma.tag.create({ data: { id: 6n, ...(flag ? { tag: "f" } : undefined) } });
}
declare const rest: { tag: string };
"#;
        assert_eq!(
            run_code(Code::MissingRequiredField, &[("seed.ts", src)]),
            vec![at(src, 6, "data"), at(src, 7, "data"), at(src, 8, "{ language"), at(src, 10, "data")]
        );
    }

    /// Under a composite foreign key, a nested create may take the unchecked shape, which
    /// leaves out every key field the parent supplies: it is valid if either shape fits.
    #[test]
    fn nested_create_under_a_composite_foreign_key_fits_either_shape() {
        let ok = r#"import { PrismaClient } from "@prisma/client";
export async function seed(prisma: PrismaClient) {
    await prisma.order.create({ data: { id: 1, tenant: { connect: { id: 1 } }, items: { create: [{ id: 5, categoryId: 1 }] } } });
    await prisma.order.create({ data: { id: 2, tenant: { connect: { id: 1 } }, items: { create: [{ id: 6, tenant: { connect: { id: 1 } }, category: { connect: { id: 1 } } }] } } });
}
"#;
        assert_eq!(run_schema(COMPOSITE_SCHEMA, ok), Vec::<String>::new());
        let bad = r#"import { PrismaClient } from "@prisma/client";
export async function seed(prisma: PrismaClient) {
    await prisma.order.create({ data: { id: 1, tenant: { connect: { id: 1 } }, items: { create: [{ id: 5 }] } } });
}
"#;
        assert_eq!(run_schema(COMPOSITE_SCHEMA, bad), vec![format!("missing-required-field {}", at(bad, 3, "{ id: 5 }"))]);
        // Either shape is a fix: the message and help name what each one lacks.
        let r = crate::validate_sources(COMPOSITE_SCHEMA, vec![("/t/a.ts".into(), bad.to_string())], None, None).unwrap();
        let d = r.diagnostics.iter().find(|d| d.code == crate::Code::MissingRequiredField).unwrap();
        assert_eq!(
            d.message,
            "Missing required fields `tenant`, `category` of `Prisma.ItemCreateWithoutOrderInput` (or `categoryId` of `Prisma.ItemUncheckedCreateWithoutOrderInput`)"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("add `tenant: { connect: { id: … } }`, `category: { connect: { id: … } }` (checked), or `categoryId` (unchecked)")
        );
    }

    const OPTIONAL_OVER_REQUIRED: &str = r#"
datasource db {
  provider = "postgresql"
}
model user {
  id      BigInt  @id
  awards  award[]
  devices device[]
}
model award {
  id       BigInt @id
  category String
  userId   BigInt
  user     user?  @relation(fields: [userId], references: [id])
}
model device {
  id     BigInt  @id
  userId BigInt  @default(0)
  user   user?   @relation(fields: [userId], references: [id])
}
"#;

    /// An optional relation over a required foreign key: the checked input lets both out, the
    /// table does not.
    #[test]
    fn an_optional_relation_over_a_required_key() {
        let ok = r#"import type { Prisma } from "@prisma/client";
export const a: Prisma.awardCreateInput = { id: 1n, category: "c", user: { connect: { id: 1n } } };
export const b: Prisma.awardUncheckedCreateInput = { id: 2n, category: "c", userId: 1n };
export const c: Prisma.userCreateInput = { id: 1n, awards: { create: [{ id: 3n, category: "c" }] } };
export const d: Prisma.deviceCreateInput = { id: 1n };
"#;
        assert_eq!(run_schema(OPTIONAL_OVER_REQUIRED, ok), Vec::<String>::new());
        let bad = r#"import type { Prisma } from "@prisma/client";
export const a: Prisma.awardCreateInput = { id: 1n, category: "c" };
"#;
        assert_eq!(run_schema(OPTIONAL_OVER_REQUIRED, bad), vec![format!("missing-required-field {}", at(bad, 2, "a:"))]);
        let r = crate::validate_sources(OPTIONAL_OVER_REQUIRED, vec![("/t/a.ts".into(), bad.to_string())], None, None).unwrap();
        assert_eq!(
            r.diagnostics[0].message,
            "`user` is optional in `Prisma.awardCreateInput`, but its foreign key `userId` is required (NOT NULL, no default): without `user` the insert fails with a NOT NULL violation"
        );
        assert_eq!(
            r.diagnostics[0].help.as_deref(),
            Some("add `user: { connect: { id: … } }`; or make the relation required in the schema (`user user` without `?`), which the generated type then says too")
        );
    }

    /// `x: undefined` supplies nothing; it is reported at its key (where tsc reports it).
    #[test]
    fn undefined_supplies_nothing() {
        let src = r#"import type { Prisma } from "@prisma/client";
declare const base: Prisma.tagCreateInput;
export const t: Prisma.tagCreateInput = { id: undefined, tag: "a" };
export const u: Prisma.tagCreateInput = { id: 1n, tag: "a", createdBy: undefined };
export const v: Prisma.tagCreateInput = { id: undefined, tag: void 0 };
"#;
        assert_eq!(run_code(Code::MissingRequiredField, &[("a.ts", src)]), vec![at(src, 3, "id"), at(src, 5, "id"), at(src, 5, "tag: void")]);
    }
}
