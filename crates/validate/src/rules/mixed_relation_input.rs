//! `mixed-relation-input`: Foreign-key scalars and relation writes mixed in one input where Prisma accepts either the checked or the unchecked shape, not both.

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::MixedRelationInput,
    default_severity: Severity::Error,
    what: "Foreign-key scalars and relation writes mixed in one input where Prisma accepts either the checked or the unchecked shape, not both.",
    why: "Prisma rejects the mix at run time; the types report it as an unreadable `never` error.",
    example: "data: { createdById: 1n, translations: { create: [] }, tag: \"a\" } // in a nested create",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        let src = r#"import type { Prisma } from "@prisma/client";
export const a: Prisma.tagCreateInput = { id: 1n, tag: "a", translations: { create: { id: 2n, language: "en" } } };
export const b: Prisma.UserCreateInput = { id: 1n, name: "n", tags: { create: { id: 2n, tag: "t" } } };
"#;
        assert!(run_code("mixed-relation-input", &[("a.ts", src)]).is_empty());
    }

    #[test]
    fn fail_at_the_foreign_key() {
        let src = r#"import type { Prisma } from "@prisma/client";
export const a: Prisma.UserCreateInput = { id: 1n, name: "n", invitedById: 2n, invitedBy: { connect: { id: 2n } } };
"#;
        assert_eq!(run_code("mixed-relation-input", &[("a.ts", src)]), vec![find(src, "invitedById")]);
        assert!(run_code("unknown-field", &[("a.ts", src)]).is_empty());
    }
}
