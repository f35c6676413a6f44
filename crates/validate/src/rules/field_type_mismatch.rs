//! `field-type-mismatch`: A literal of the wrong type for the field, following the generated input types: BigInt takes bigint or number, Decimal number or string, DateTime Date or string, Json any JSON value, nullable fields null; and a string Prisma cannot parse as a Decimal or an ISO-8601 DateTime.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

use oxc_ast::ast::Expression;
use oxc_span::{GetSpan, Span};

use crate::checker::Checker;
use crate::diagnostic::Finding;
use crate::literal::Literal;

pub const DOC: RuleDoc = RuleDoc {
    code: Code::FieldTypeMismatch,
    default_severity: Severity::Error,
    what: "A literal of the wrong type for the field, following the generated input types: BigInt takes bigint or number, Decimal number or string, DateTime Date or string, Json any JSON value, nullable fields null; and a string Prisma cannot parse as a Decimal or an ISO-8601 DateTime.",
    why: "The insert fails, or worse, is coerced.",
    example: "const t: Prisma.tagCreateInput = { id: 1n, tag: \"a\", bookmarks: \"10\" };",
    fix: "None: the right value is the author's to choose.",
};

/// A scalar written with a literal of another type (`expected` says what it takes).
pub(crate) fn wrong_type(c: &mut Checker<'_>, span: Span, field: &str, expected: &str, written: &Literal<'_>) {
    c.push(Finding::new(Code::FieldTypeMismatch, span, format!("`{field}` takes {expected}, not {}", written.describe())));
}

/// An element of a scalar or enum list of another type.
pub(crate) fn wrong_element(c: &mut Checker<'_>, span: Span, field: &str, expected: &str, written: &Literal<'_>) {
    c.push(Finding::new(Code::FieldTypeMismatch, span, format!("elements of `{field}` are {expected}, not {}", written.describe())));
}

/// A relation written with something that is no relation write.
pub(crate) fn not_a_relation_write(c: &mut Checker<'_>, span: Span, field: &str, target: &str, expected: &str, written: &Literal<'_>) {
    c.push(Finding::new(Code::FieldTypeMismatch, span, format!("`{field}` is a relation to `{target}` and takes {expected}, not {}", written.describe())));
}

/// An `orderBy` direction that is neither `asc` nor `desc`.
pub(crate) fn not_an_order(c: &mut Checker<'_>, span: Span, field: &str, written: &str) {
    c.push(Finding::new(Code::FieldTypeMismatch, span, format!("`{field}` is ordered by \"asc\" or \"desc\", not \"{written}\"")));
}

/// A string of the right type that Prisma does not parse as the field's value.
pub(crate) fn malformed(c: &mut Checker<'_>, value: &Expression<'_>, field: &str, expected: &str) {
    let text = c.source.get(value.span().start as usize..value.span().end as usize).unwrap_or("this string");
    c.push(Finding::new(
        Code::FieldTypeMismatch,
        value.span(),
        format!("`{field}` takes {expected}; Prisma rejects {text} at run time (the generated type says only `string`)"),
    ));
}

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
        assert!(run_code(Code::FieldTypeMismatch, &[("a.ts", src)]).is_empty());
    }

    #[test]
    fn fail_at_the_value() {
        let src = r#"import type { Prisma } from "@prisma/client";
export const t: Prisma.tagCreateInput = { id: 1n, tag: "a", bookmarks: "3" };
export const u: Prisma.UserCreateInput = { id: "1", name: "n", isBot: "true", languages: "en", meta: null };
"#;
        assert_eq!(
            run_code(Code::FieldTypeMismatch, &[("a.ts", src)]),
            vec![find(src, "\"3\""), at(src, 3, "\"1\""), find(src, "\"true\""), at(src, 3, "\"en\""), find(src, "null")]
        );
    }

    /// Strings the type allows for a Decimal or a DateTime but Prisma does not parse.
    #[test]
    fn strings_prisma_does_not_parse() {
        let ok = r#"import type { Prisma } from "@prisma/client";
export const u: Prisma.UserCreateInput = { id: 1n, name: "n", balance: "-12.50", createdAt: "2024-01-01T00:00:00.000+02:00" };
export const v: Prisma.UserCreateInput = { id: 2n, name: "n", balance: "1e3", createdAt: "2024-01-01t00:00:00z" };
"#;
        assert!(run_code(Code::FieldTypeMismatch, &[("a.ts", ok)]).is_empty());
        let bad = r#"import type { Prisma } from "@prisma/client";
export const u: Prisma.UserCreateInput = { id: 1n, name: "n", balance: "not-a-number", createdAt: "yesterday" };
export const v: Prisma.UserCreateInput = { id: 2n, name: "n", balance: " 2 ", createdAt: "2024-01-01" };
"#;
        assert_eq!(
            run_code(Code::FieldTypeMismatch, &[("a.ts", bad)]),
            vec![at(bad, 2, "\"not-a-number\""), at(bad, 2, "\"yesterday\""), at(bad, 3, "\" 2 \""), at(bad, 3, "\"2024-01-01\"")]
        );
        let r = crate::validate_sources(SCHEMA, vec![("/t/a.ts".into(), bad.to_string())], None, None).unwrap();
        assert_eq!(
            r.diagnostics[0].message,
            "`balance` takes a number, a Decimal or a string of a decimal number such as \"12.50\"; Prisma rejects \"not-a-number\" at run time (the generated type says only `string`)"
        );
    }
}
