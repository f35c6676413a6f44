//! `mixed-relation-input`: Foreign-key scalars and relation writes mixed in one input where Prisma accepts either the checked or the unchecked shape, not both.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

use oxc_span::Span;

use crate::checker::Checker;
use crate::diagnostic::Finding;

pub const DOC: RuleDoc = RuleDoc {
    code: Code::MixedRelationInput,
    default_severity: Severity::Error,
    what: "Foreign-key scalars and relation writes mixed in one input where Prisma accepts either the checked or the unchecked shape, not both.",
    why: "Prisma rejects the mix at run time; the types report it as an unreadable `never` error.",
    example: "data: { createdById: 1n, translations: { create: [] }, tag: \"a\" } // in a nested create",
    fix: "None: write either the relation (`team: { connect: { id } }`) or the foreign key (`teamId`), not both kinds in one input.",
};

/// A foreign key written beside the write of its own relation.
pub(crate) fn key_beside_its_relation(c: &mut Checker<'_>, key: Span, fk: &str, relation: &str) {
    c.push(
        Finding::new(
            Code::MixedRelationInput,
            key,
            format!("`{fk}` is the foreign key of `{relation}`, which is also written here: Prisma takes either the foreign key or the relation write, not both"),
        )
        .help(format!("remove `{fk}` and keep `{relation}: {{ connect: … }}` (or the reverse in an unchecked input)")),
    );
}

/// A foreign key (the unchecked input) beside another relation's write (the checked input).
/// `holder` is the relation over `fk`, `relation_keys` the foreign keys of `relation`.
pub(crate) fn mixed_shapes(c: &mut Checker<'_>, key: Span, fk: &str, relation: &str, holder: Option<&str>, relation_keys: &[String]) {
    let checked_fix = match holder {
        Some(h) => format!("write `{h}: {{ connect: {{ … }} }}` instead of `{fk}`"),
        None => format!("remove `{fk}`"),
    };
    let unchecked_fix = if relation_keys.is_empty() {
        format!("write the other relations by their foreign keys instead of `{relation}`")
    } else {
        format!("write {} instead of `{relation}`", relation_keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", "))
    };
    c.push(
        Finding::new(
            Code::MixedRelationInput,
            key,
            format!("`{fk}` is a foreign key (the unchecked input) and `{relation}` a relation write (the checked input): Prisma takes one shape or the other, not a mix"),
        )
        .help(format!("either {checked_fix} (checked), or {unchecked_fix} (unchecked)")),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        let src = r#"import type { Prisma } from "@prisma/client";
export const a: Prisma.tagCreateInput = { id: 1n, tag: "a", translations: { create: { id: 2n, language: "en" } } };
export const b: Prisma.UserCreateInput = { id: 1n, name: "n", tags: { create: { id: 2n, tag: "t" } } };
"#;
        assert!(run_code(Code::MixedRelationInput, &[("a.ts", src)]).is_empty());
    }

    #[test]
    fn fail_at_the_foreign_key() {
        let src = r#"import type { Prisma } from "@prisma/client";
export const a: Prisma.UserCreateInput = { id: 1n, name: "n", invitedById: 2n, invitedBy: { connect: { id: 2n } } };
"#;
        assert_eq!(run_code(Code::MixedRelationInput, &[("a.ts", src)]), vec![find(src, "invitedById")]);
        assert!(run_code(Code::UnknownField, &[("a.ts", src)]).is_empty());
    }

    /// A foreign key (unchecked shape) beside another relation's write (checked shape), where
    /// either shape is accepted: one `mixed-relation-input` naming the fix for both readings.
    #[test]
    fn a_foreign_key_beside_another_relations_write() {
        let src = r#"import { PrismaClient } from "@prisma/client";
export async function seed(prisma: PrismaClient) {
    await prisma.item.create({ data: { id: 1, orderId: 1, tenantId: 1, category: { connect: { id: 1 } } } });
    await prisma.item.create({ data: { id: 2, orderId: 1, tenantId: 1, categoryId: 1 } });
}
"#;
        assert_eq!(run_schema(COMPOSITE_SCHEMA, src), vec![format!("mixed-relation-input {}", find(src, "orderId")), format!("mixed-relation-input {}", find(src, "tenantId"))]);
        let r = crate::validate_sources(COMPOSITE_SCHEMA, vec![("/t/a.ts".into(), src.to_string())], None, None).unwrap();
        let help = r.diagnostics[0].help.as_deref().unwrap_or_default();
        assert!(help.contains("order: { connect") && help.contains("`categoryId` instead of `category`"), "{help}");
    }
}
