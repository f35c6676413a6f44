//! `invalid-enum-value`: A string literal that is not a value of the field's enum.
//!
//! Fix (the closest enum value): a suggestion, never `safe`: another value is another row.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

use oxc_span::Span;

use crate::checker::Checker;
use crate::diagnostic::Finding;
use crate::literal::Literal;
use crate::names::closest;

pub const DOC: RuleDoc = RuleDoc {
    code: Code::InvalidEnumValue,
    default_severity: Severity::Error,
    what: "A string literal that is not a value of the field's enum.",
    why: "Prisma rejects the value at run time.",
    example: "const a: Prisma.awardCreateInput = { category: \"NotACategory\", … };",
    fix: "Suggestion: the closest enum value. Never safe: another value is another row.",
};

/// A string that is no value of the field's enum; the closest value is the suggestion.
pub(crate) fn report(c: &mut Checker<'_>, enum_def: Option<&fixture_schema::Enum>, literal: &Literal<'_>, span: Span, field: &str) {
    let Some(e) = enum_def else { return };
    let Literal::String(s) = literal else { return };
    let values: Vec<&str> = e.values.iter().map(|v| v.name.as_str()).collect();
    let mut f = Finding::new(Code::InvalidEnumValue, span, format!("\"{s}\" is not a value of enum `{}` (field `{field}`); values: {}", e.name, values.join(", ")));
    if let Some(v) = closest(s, values.iter().copied()) {
        f = f.suggest(format!("\"{v}\"")).help(format!("did you mean \"{v}\"?"));
    }
    c.push(f);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        let src = "import type { Prisma } from \"@prisma/client\";\nexport const u: Prisma.UserCreateInput = { id: 1n, name: \"n\", status: \"Banned\" };\n";
        assert!(run_code(Code::InvalidEnumValue, &[("a.ts", src)]).is_empty());
    }

    #[test]
    fn fail_at_the_string_with_the_closest_value() {
        let src = "import type { Prisma } from \"@prisma/client\";\nexport const u: Prisma.UserCreateInput = { id: 1n, name: \"n\", status: \"banned\" };\n";
        assert_eq!(run_code(Code::InvalidEnumValue, &[("a.ts", src)]), vec![find(src, "\"banned\"")]);
        let r = crate::validate_sources(SCHEMA, vec![("/t/a.ts".into(), src.to_string())], None, None).unwrap();
        assert_eq!(r.diagnostics.iter().find(|d| d.code == crate::Code::InvalidEnumValue).and_then(|d| d.suggestion.clone()), Some("\"Banned\"".into()));
    }

    #[test]
    fn suggests_the_closest_value() {
        let src = "import type { Prisma } from \"@prisma/client\";\nexport const u: Prisma.UserCreateInput = { id: 1n, name: \"n\", status: \"Activ\" };\n";
        expect_fix(Code::InvalidEnumValue, &[("a.ts", src)], Tier::Suggestion, &src.replace("\"Activ\"", "\"Active\""));
    }
}
