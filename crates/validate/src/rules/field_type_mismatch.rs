//! `field-type-mismatch`: A literal of the wrong type for the field, following the generated input types: BigInt takes bigint or number, Decimal number or string, DateTime Date or string, Json any JSON value, nullable fields null.

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::FieldTypeMismatch,
    default_severity: Severity::Error,
    what: "A literal of the wrong type for the field, following the generated input types: BigInt takes bigint or number, Decimal number or string, DateTime Date or string, Json any JSON value, nullable fields null.",
    why: "The insert fails, or worse, is coerced.",
    example: "const t: Prisma.tagCreateInput = { id: 1n, tag: \"a\", bookmarks: \"10\" };",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass_what_the_generated_types_accept() {
        let src = r#"import type { Prisma } from "@prisma/client";
export const u: Prisma.UserCreateInput = {
    id: 1, name: `n${1}`, handle: null, languages: ["en"], balance: "1.50", meta: { a: [1, "x", null] }, createdAt: "2024-01-01T00:00:00Z", isBot: false,
};
export const v: Prisma.UserUpdateInput = { languages: { push: "fr" }, name: { set: "m" }, balance: 2 };
"#;
        assert!(run_code("field-type-mismatch", &[("a.ts", src)]).is_empty());
    }

    #[test]
    fn fail_at_the_value() {
        let src = r#"import type { Prisma } from "@prisma/client";
export const t: Prisma.tagCreateInput = { id: 1n, tag: "a", bookmarks: "3" };
export const u: Prisma.UserCreateInput = { id: "1", name: "n", isBot: "true", languages: "en", meta: null };
"#;
        assert_eq!(
            run_code("field-type-mismatch", &[("a.ts", src)]),
            vec![find(src, "\"3\""), at(src, 3, "\"1\""), find(src, "\"true\""), at(src, 3, "\"en\""), find(src, "null")]
        );
    }
}
