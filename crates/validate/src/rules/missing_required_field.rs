//! `missing-required-field`: A create input lacks a required field (a relation, or its foreign key in an unchecked input).

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::MissingRequiredField,
    default_severity: Severity::Error,
    what: "A create input lacks a required field (a relation, or its foreign key in an unchecked input).",
    why: "The insert fails at run time with a Prisma validation error.",
    example: "const t: Prisma.tagCreateInput = { id: 1n }; // tag is required",
};

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
        assert!(run_code("missing-required-field", &[("a.ts", src)]).is_empty());
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
            run_code("missing-required-field", &[("a.ts", src)]),
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
        assert_eq!(run_code("missing-required-field", &[("tag.ts", &partial_only)]), vec![at(&partial_only, line, "{ id")]);
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
            run_code("missing-required-field", &[("seed.ts", src)]),
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
        let d = r.diagnostics.iter().find(|d| d.code.as_str() == "missing-required-field").unwrap();
        assert_eq!(
            d.message,
            "Missing required fields `tenant`, `category` of `Prisma.ItemCreateWithoutOrderInput` (or `categoryId` of `Prisma.ItemUncheckedCreateWithoutOrderInput`)"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("add `tenant: { connect: { id: … } }`, `category: { connect: { id: … } }` (checked), or `categoryId` (unchecked)")
        );
    }
}
