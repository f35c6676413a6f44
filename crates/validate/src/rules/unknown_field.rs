//! `unknown-field`: A property that the input type does not have; the suggestion is the closest field.
//!
//! Fixes, for a foreign key written on the relation-style input:
//! - `userId: x` -> `user: { connect: { id: x } }`, `safe` only when Prisma cannot tell the
//!   difference and nothing else sees the object's keys: every foreign key of the literal is
//!   rewritten, no spread could bring one back, the value is a non-null value of the key's type, and
//!   no foreign key of the model (or the relation written) is read or written elsewhere in the
//!   file; the rewrite changes the object at run time, so any of those could change what the
//!   program does (crate::fix_safety);
//! - else, when the literal initialises a binding declared `Prisma.<Model>CreateInput` (or
//!   `UpdateInput`), is a valid unchecked input as written, and the binding is only read, assigned
//!   members or passed as `data` (or to `Object.assign`): the declared type becomes the unchecked
//!   input, `safe`, since only the type changes;
//! - else a suggestion. A renamed field's closest name is always a suggestion.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

use oxc_ast::ast::Expression;
use oxc_span::{GetSpan, Span};

use fixture_schema::{InputField, InputShape, Model};

use crate::checker::Checker;
use crate::diagnostic::Finding;
use crate::expect::InputSpec;
use crate::names::{closest, closest_field, closest_of_kind};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::UnknownField,
    default_severity: Severity::Error,
    what: "A property that the input type does not have; the suggestion is the closest field.",
    why: "Usually a renamed field, or a foreign key written on the relation-style input (use `relation: { connect: { id } }`).",
    example: "const t: Prisma.tagCreateInput = { id: 1n, tag: \"a\", createdById: 2n };",
    fix: "A foreign key on the relation-style input: `userId: x` becomes `user: { connect: { id: x } }`, **safe** only when nothing else in the file reads or writes the object's keys and every key is rewritten; else, when the literal declares a `Prisma.XCreateInput` binding it fits unchecked, the declared type becomes `XUncheckedCreateInput` (**safe**: only the type changes); else a suggestion. A renamed field's closest name is always a suggestion.",
};

/// A key of a create or update input that is no field of its type: a foreign key where the
/// relation is written (rewritten to `connect`), a relation where the foreign key is written, or
/// a misspelling (the closest field not already written).
#[allow(clippy::too_many_arguments)]
pub(crate) fn in_input(c: &mut Checker<'_>, model: &Model, spec: &InputSpec, fields: &[InputField], name: &str, key: Span, value: &Expression<'_>, written: &[&str]) {
    let type_name = c.ctx.type_name(&spec.model, &spec.kind);
    let mut finding = Finding::new(Code::UnknownField, key, format!("`{name}` is not a field of `Prisma.{type_name}`"));
    let schema_field = model.field(name);
    // A foreign key on the relation-style input: the relation is the way to write it.
    let holder = model.relation_fields().find(|r| r.relation_from_fields.as_deref().is_some_and(|f| f.iter().any(|k| k == name)));
    if let (Some(_), Some(rel)) = (schema_field, holder) {
        finding.message = format!("`{name}` is a foreign key, which `Prisma.{type_name}` does not take: write the relation `{}` instead", rel.name);
        let target_key = rel.relation_to_fields.as_deref().and_then(|t| (t.len() == 1).then(|| t[0].clone()));
        let single_fk = rel.relation_from_fields.as_deref().is_some_and(|f| f.len() == 1);
        let value_span = value.span();
        let value_text = c.source.get(value_span.start as usize..value_span.end as usize);
        match (target_key, single_fk, value_text) {
            // The fix rewrites the whole property: `createdById: x` -> `createdBy: { connect: { id: x } }`.
            (Some(target), true, Some(value)) if !value.contains('\n') => {
                finding.start = key.start;
                finding.end = value_span.end;
                finding = finding
                    .suggest(format!("{}: {{ connect: {{ {target}: {value} }} }}", rel.name))
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
        finding.message = format!("`{name}` is a relation, which `Prisma.{type_name}` does not take: write its foreign key instead");
        if fks.len() == 1 {
            finding = finding.suggest(fks[0].clone());
        }
        finding = finding.help(format!("set {} directly, or use the checked input type", fks.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")));
    } else if let Some(s) = closest_of_kind(
        name,
        value,
        &fields.iter().filter(|f| !written.contains(&f.name.as_str())).map(|f| (f.name.as_str(), matches!(f.shape, InputShape::Relation { .. }))).collect::<Vec<_>>(),
    ) {
        finding = finding.suggest(s.to_string()).help(format!("did you mean `{s}`?"));
    }
    // Whether the rewrite is safe is settled with the rest of the file (crate::fix_safety).
    let rewrite = finding.safe;
    let before = c.findings.len();
    c.push(finding);
    if rewrite && c.findings.len() > before {
        c.note_rewrite(before, name, key.start);
    }
}

/// A key of a where or orderBy (`Prisma.<type_name>`) that is no field of `model`: the closest
/// field of the kind the value is written as.
pub(crate) fn not_a_model_field(c: &mut Checker<'_>, key: Span, name: &str, value: &Expression<'_>, model: &Model, type_name: &str) {
    let mut f = Finding::new(Code::UnknownField, key, format!("`{name}` is not a field of `Prisma.{type_name}`"));
    if let Some(s) = closest_field(name, value, model) {
        f = f.suggest(s.to_string()).help(format!("did you mean `{s}`?"));
    }
    c.push(f);
}

/// A key of a `WhereUniqueInput` that is neither a field nor a compound unique name.
pub(crate) fn not_in_where_unique(c: &mut Checker<'_>, key: Span, name: &str, target: &str, unique: &[&str], compounds: &[String]) {
    let mut f = Finding::new(Code::UnknownField, key, format!("`{name}` is not a field of `Prisma.{target}WhereUniqueInput`"));
    if let Some(s) = closest(name, unique.iter().copied().chain(compounds.iter().map(String::as_str))) {
        f = f.suggest(s.to_string()).help(format!("did you mean `{s}`?"));
    }
    c.push(f);
}

/// A key under a relation filter that is none of its operators (`ops`).
pub(crate) fn not_a_relation_filter(c: &mut Checker<'_>, key: Span, name: &str, relation: &str, ops: &[&str]) {
    let mut f = Finding::new(Code::UnknownField, key, format!("`{name}` is not a filter of the relation `{relation}` ({})", ops.join(", ")));
    if let Some(s) = closest(name, ops.iter().copied()) {
        f = f.suggest(s.to_string());
    }
    c.push(f);
}

/// A `distinct` string (at `span`) that is no scalar field of `model`.
pub(crate) fn not_distinct(c: &mut Checker<'_>, span: Span, name: &str, model: &Model, target: &str) {
    let mut f = Finding::new(Code::UnknownField, span, format!("\"{name}\" is not a scalar field of `{target}` (what `distinct` takes)"));
    if let Some(s) = closest(name, model.fields.iter().filter(|f| !f.is_relation()).map(|f| f.name.as_str())) {
        f = f.suggest(format!("\"{s}\"")).help(format!("did you mean \"{s}\"?"));
    }
    c.push(f);
}

/// A key of an `include` (relations) or `select` (fields) that `model` does not have.
pub(crate) fn not_in_shape(c: &mut Checker<'_>, key: Span, name: &str, model: &Model, model_name: &str, select: bool) {
    let what = if select { "Select" } else { "Include" };
    let candidates = model.fields.iter().filter(|f| select || f.is_relation()).map(|f| f.name.as_str());
    let mut f = Finding::new(Code::UnknownField, key, format!("`{name}` is not a {} of `Prisma.{model_name}{what}`", if select { "field" } else { "relation" }));
    if let Some(s) = closest(name, candidates) {
        f = f.suggest(s.to_string()).help(format!("did you mean `{s}`?"));
    }
    c.push(f);
}

/// A key of `_count.select` that is no list relation of `model`.
pub(crate) fn not_counted(c: &mut Checker<'_>, key: Span, name: &str, model: &Model) {
    let candidates = model.fields.iter().filter(|f| f.is_relation() && f.is_list).map(|f| f.name.as_str());
    let mut f = Finding::new(Code::UnknownField, key, format!("`{name}` is not a list relation of `{}` (what `_count` counts)", model.name));
    if let Some(s) = closest(name, candidates) {
        f = f.suggest(s.to_string());
    }
    c.push(f);
}

/// A key of a `ScalarWhereInput` (nested `deleteMany`, `updateMany.where`) that is no scalar field.
pub(crate) fn not_a_scalar_filter(c: &mut Checker<'_>, key: Span, name: &str, model: &Model, target: &str) {
    let mut f = Finding::new(
        Code::UnknownField,
        key,
        format!("`{name}` is not a scalar field of `{target}`: `Prisma.{target}ScalarWhereInput` filters by scalar fields only"),
    );
    if let Some(rel) = model.field(name).filter(|f| f.is_relation())
        && let Some(fk) = rel.relation_from_fields.as_deref().filter(|f| f.len() == 1)
    {
        f = f.help(format!("filter by the foreign key `{}` instead", fk[0]));
    } else if let Some(s) = closest(name, model.fields.iter().filter(|f| !f.is_relation()).map(|f| f.name.as_str())) {
        f = f.suggest(s.to_string()).help(format!("did you mean `{s}`?"));
    }
    c.push(f);
}

/// A key under a relation field that is none of the writes `allowed` (the list-only ones left out
/// of the message for a to-one relation).
pub(crate) fn not_a_relation_write(c: &mut Checker<'_>, key: Span, name: &str, relation: &str, allowed: &[&str], is_list: bool) {
    let here: Vec<&str> = allowed.iter().filter(|o| is_list || !matches!(**o, "createMany" | "set" | "updateMany" | "deleteMany")).copied().collect();
    let mut f = Finding::new(Code::UnknownField, key, format!("`{name}` is not a relation write of `{relation}` ({})", here.join(", ")));
    if let Some(s) = closest(name, allowed.iter().copied()) {
        f = f.suggest(s.to_string());
    }
    c.push(f);
}

/// A key of a nested write's envelope (`of`: "`connectOrCreate`", "a nested `update`", …) that is
/// none of its `members`.
pub(crate) fn not_a_member(c: &mut Checker<'_>, key: Span, name: &str, of: &str, members: &str) {
    c.push(Finding::new(Code::UnknownField, key, format!("`{name}` is not a member of {of} ({members})")));
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        let src = "import type { Prisma } from \"@prisma/client\";\nexport const t: Prisma.tagCreateInput = { id: 1n, tag: \"a\", createdBy: { connect: { handle: \"h\" } } };\nexport const u: Prisma.tagUncheckedCreateInput = { id: 1n, tag: \"a\", createdById: 2n };\n";
        assert!(run_code(Code::UnknownField, &[("a.ts", src)]).is_empty());
    }

    #[test]
    fn fail_at_the_property_also_beside_a_spread_and_in_nested_writes() {
        let src = r#"import type { Prisma } from "@prisma/client";
declare const rest: Prisma.tagCreateInput;
export const t: Prisma.tagCreateInput = { ...rest, nmae: "x" };
export const u: Prisma.tagCreateInput = { id: 1n, tag: "a", createdById: 2n };
export const v: Prisma.tagCreateInput = { id: 1n, tag: "a", translations: { create: [{ id: 3n, language: "en", lang: "x" }] } };
export const w: Prisma.tagCreateInput = { id: 1n, tag: "a", createdBy: { connect: { email: "x" } } };
"#;
        assert_eq!(
            run_code(Code::UnknownField, &[("a.ts", src)]),
            vec![find(src, "nmae"), find(src, "createdById"), find(src, "lang:"), find(src, "email")]
        );
    }

    #[test]
    fn include_and_select_shapes() {
        let src = r#"import type { Prisma } from "@prisma/client";
export const ok: Prisma.tagInclude = { createdBy: { select: { name: true, handle: true } }, translations: true, _count: { select: { translations: true } } };
export const bad: Prisma.tagInclude = { bookmarks: true, createdBy: { select: { nick: true } }, _count: { select: { createdBy: true } } };
declare const db: any;
db.tag.findMany({ include: { translation: true } });
"#;
        assert_eq!(
            run_code(Code::UnknownField, &[("a.ts", src)]),
            vec![at(src, 3, "bookmarks"), at(src, 3, "nick"), at(src, 3, "createdBy: true"), find(src, "translation: true")]
        );
    }

    #[test]
    fn nested_deletemany_filters_by_scalars() {
        let src = r#"import type { Prisma } from "@prisma/client";
export const ok: Prisma.tagUpdateInput = { translations: { deleteMany: { language: "en" }, updateMany: { where: { tagId: 1n }, data: { description: "d" } } } };
export const bad: Prisma.tagUpdateInput = { translations: { deleteMany: { tag: { id: 1n } } } };
"#;
        assert_eq!(run_code(Code::UnknownField, &[("a.ts", src)]), vec![at(src, 3, "tag: {")]);
    }

    /// Only calls on a Prisma client are checked: a tRPC caller or any other object with
    /// `<model>.update(…)` members has the same shape and gets no diagnostic.
    #[test]
    fn client_calls_only_on_prisma_clients() {
        let src = r#"import { PrismaClient, Prisma } from "@prisma/client";
import { appRouter } from "./router";
const prisma = new PrismaClient();
export async function seed(client: PrismaClient, helper: { tag: { create(a: unknown): void } }, prismaAny: any, db: { tag: { create(a: unknown): void } }) {
    let prisma: typeof import("./db").default;
    await prisma.tag.create({ data: { id: 9n, tags: "typeof" } });
    await db.tag.create({ data: { tags: "db typed as something else" } });
    await prisma.tag.create({ data: { id: 1n, tags: "a" } });
    await client.tag.update({ where: { id: 1n }, data: { tags: "b" } });
    await prisma.$transaction(async (t) => { await t.tag.create({ data: { id: 2n, tags: "c" } }); });
    const caller = appRouter.createCaller({});
    await caller.tag.update({ where: { id: 1n }, data: { tags: "d" } });
    helper.tag.create({ data: { tags: "e" } });
    await prismaAny.tag.create({ data: { tags: "f" } });
}
export class Seeder {
    constructor(private prisma: any) {}
    run(tx: any) {
        this.prisma.tag.create({ data: { id: 3n, tags: "g" } });
        return tx.tag.create({ data: { id: 4n, tags: "h" } });
    }
}
"#;
        assert_eq!(
            run_code(Code::UnknownField, &[("a.ts", src)]),
            vec![find(src, "tags: \"typeof\""), find(src, "tags: \"a\""), find(src, "tags: \"b\""), find(src, "tags: \"c\""), find(src, "tags: \"g\""), find(src, "tags: \"h\"")]
        );
    }

    /// A method's declared return type is what its literal is checked against, not the class's
    /// type arguments.
    #[test]
    fn a_declared_return_type_wins_over_the_class_type_arguments() {
        let unchecked = TAG_FACTORY
            .replace("protected getFixtures(): DbTestFixtures<Prisma.tagCreateInput, Prisma.tagUpdateInput>", "protected getFixtures(): DbTestFixtures<Prisma.tagUncheckedCreateInput, Prisma.tagUpdateInput>")
            .replace("long: { id: 2n, tag: \"x\".repeat(100) }", "long: { id: 2n, tag: \"x\".repeat(100), createdById: 5n }, rel: { id: 3n, tag: \"y\", createdBy: { connect: { id: 5n } } }");
        assert_eq!(run_code(Code::UnknownField, &[("tag.ts", &unchecked)]), vec![find(&unchecked, "createdBy: {")]);
        let undeclared = unchecked.replace("protected getFixtures(): DbTestFixtures<Prisma.tagUncheckedCreateInput, Prisma.tagUpdateInput>", "protected getFixtures()");
        assert_eq!(run_code(Code::UnknownField, &[("tag.ts", &undeclared)]), vec![find(&undeclared, "createdById")]);
    }

    /// Objects returned by `map` callbacks inside an input, and the members of conditional
    /// spreads, are checked like written ones.
    #[test]
    fn map_callbacks_and_conditional_spreads() {
        let src = r#"import { PrismaClient, Prisma } from "@prisma/client";
declare const langs: string[];
declare const flag: boolean;
export async function seed(prisma: PrismaClient) {
    await prisma.tag.create({ data: { id: 1n, tag: "a", translations: { create: langs.map((l, i) => ({ id: BigInt(i), language: l, lang: l })) } } });
    await prisma.tag_translation.createMany({ data: langs.map((l) => { return { id: 1n, tagId: 1n, language: l, text: "x" }; }) });
    await prisma.tag.create({ data: { id: 2n, tag: "b", ...(flag && { bookmark: 1 }), ...(flag ? { bookmarks: 2 } : {}) } });
    await prisma.tag.create({ data: { id: 3n, tag: "c", translations: { create: [...langs.map((l) => ({ id: 4n, language: l, descr: "d" }))] } } });
}
"#;
        assert_eq!(run_code(Code::UnknownField, &[("seed.ts", src)]), vec![find(src, "lang: l"), find(src, "text:"), find(src, "bookmark:"), find(src, "descr:")]);
    }

    /// `where`, `orderBy`, `cursor` and `distinct`, in client calls and typed as
    /// `Prisma.<Model>WhereInput` / `WhereUniqueInput` / `OrderByWithRelationInput`.
    #[test]
    fn filters_orderings_cursors_and_distinct() {
        let ok = r#"import { PrismaClient, Prisma } from "@prisma/client";
export const w: Prisma.tagWhereInput = { tag: { contains: "a" }, createdBy: { is: { name: "n" } }, translations: { some: { language: "en" } }, OR: [{ bookmarks: 1 }] };
export const u: Prisma.tagWhereUniqueInput = { id: 1n, bookmarks: 2 };
export const o: Prisma.tagOrderByWithRelationInput = { createdBy: { name: "asc" }, translations: { _count: "desc" } };
export async function f(prisma: PrismaClient) {
    await prisma.tag.findMany({ where: { createdBy: { name: "n" } }, orderBy: [{ tag: "asc" }, { bookmarks: { sort: "desc", nulls: "last" } }], cursor: { id: 1n }, distinct: ["tag"], take: 2 });
    await prisma.tag.count({ where: { tag: "a" }, select: { _all: true } });
    await prisma.tag.deleteMany({ where: { translations: { none: {} } } });
}
"#;
        assert!(run_code(Code::UnknownField, &[("a.ts", ok)]).is_empty(), "{:?}", run(&[("a.ts", ok)]));
        let bad = r#"import { PrismaClient, Prisma } from "@prisma/client";
export const w: Prisma.tagWhereInput = { tags: "a", translations: { any: { language: "en" } }, createdBy: { is: { nick: "n" } } };
export const u: Prisma.tagWhereUniqueInput = { id: 1n, nmae: "x" };
export const o: Prisma.tagOrderByWithRelationInput = { bookmark: "asc" };
export async function f(prisma: PrismaClient) {
    await prisma.tag.findMany({ where: { OR: [{ tga: "a" }] }, orderBy: [{ createdAt: "asc" }], cursor: { key: 1n }, distinct: ["tag", "tags"] });
    await prisma.tag.deleteMany({ where: { bookmarsk: 1 } });
}
"#;
        assert_eq!(
            run_code(Code::UnknownField, &[("a.ts", bad)]),
            vec![
                at(bad, 2, "tags"),
                at(bad, 2, "any"),
                at(bad, 2, "nick"),
                at(bad, 3, "nmae"),
                at(bad, 4, "bookmark"),
                at(bad, 6, "tga"),
                at(bad, 6, "createdAt"),
                at(bad, 6, "key"),
                at(bad, 6, "\"tags\""),
                at(bad, 7, "bookmarsk"),
            ]
        );
    }

    /// Nested `update`, `upsert`, `updateMany`, `set`, `disconnect` bodies inside update inputs.
    #[test]
    fn nested_update_bodies() {
        let ok = r#"import type { Prisma } from "@prisma/client";
export const a: Prisma.tagUpdateInput = {
    createdBy: { update: { name: "n" } },
    translations: {
        update: [{ where: { id: 1n }, data: { description: "d" } }],
        upsert: { where: { id: 2n }, update: { language: "fr" }, create: { id: 2n, language: "fr" } },
        updateMany: { where: { language: "en" }, data: { description: null } },
        set: [{ id: 3n }],
        disconnect: { id: 4n },
    },
};
export const b: Prisma.tagUpdateInput = { createdBy: { update: { where: { name: "x" }, data: { handle: "h" } }, disconnect: true } };
"#;
        assert!(run_code(Code::UnknownField, &[("a.ts", ok)]).is_empty(), "{:?}", run(&[("a.ts", ok)]));
        let bad = r#"import type { Prisma } from "@prisma/client";
export const a: Prisma.tagUpdateInput = {
    createdBy: { update: { nmae: "n" } },
    translations: {
        update: [{ where: { id: 1n }, data: { descr: "d" } }],
        upsert: { where: { id: 2n }, update: { lang: "fr" }, create: { id: 2n, language: "fr", tagg: 1 } },
        updateMany: { where: { language: "en" }, data: { desc: null } },
        set: [{ ident: 3n }],
        disconnect: { idd: 4n },
    },
};
"#;
        assert_eq!(
            run_code(Code::UnknownField, &[("a.ts", bad)]),
            vec![find(bad, "nmae"), find(bad, "descr"), find(bad, "lang:"), find(bad, "tagg"), find(bad, "desc:"), find(bad, "ident"), find(bad, "idd")]
        );
    }

    /// `as Prisma.X`: unknown fields are checked (Prisma rejects them at run time), missing
    /// required ones are not (tsc lets an assertion drop them, and so do tests on purpose).
    #[test]
    fn type_assertions_follow_the_prisma_runtime_for_unknown_fields() {
        let src = r#"import type { Prisma } from "@prisma/client";
export const a = { id: 1n, tagg: "a" } as Prisma.tagCreateInput;
export const b = { id: 1n } as Prisma.tagCreateInput;
export const c = { id: 1n, tag: "a" } satisfies Prisma.tagCreateInput;
"#;
        assert_eq!(run(&[("a.ts", src)]), vec![format!("unknown-field {}", find(src, "tagg"))]);
    }

    #[test]
    fn fixes_a_foreign_key_for_certain_and_a_misspelling_as_a_suggestion() {
        let src = "import type { Prisma } from \"@prisma/client\";\nexport const t: Prisma.tagCreateInput = { id: 1n, tag: \"a\", createdById: 2n };\n";
        let fixed = src.replace("createdById: 2n", "createdBy: { connect: { id: 2n } }");
        expect_fix(Code::UnknownField, &[("a.ts", src)], Tier::Safe, &fixed);
        let src = "import type { Prisma } from \"@prisma/client\";\nexport const t: Prisma.tagCreateInput = { id: 1n, tag: \"a\", bookmarsk: 1 };\n";
        expect_fix(Code::UnknownField, &[("a.ts", src)], Tier::Suggestion, &src.replace("bookmarsk", "bookmarks"));
    }
}
