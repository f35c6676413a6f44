//! `missing-abstract-method`: A factory class does not implement an abstract member of the base class (read from the base class source).

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

use oxc_span::Span;

use crate::checker::Checker;
use crate::diagnostic::Finding;

pub const DOC: RuleDoc = RuleDoc {
    code: Code::MissingAbstractMethod,
    default_severity: Severity::Error,
    what: "A factory class does not implement an abstract member of the base class (read from the base class source).",
    why: "The base class calls these members; a missing one is a crash at the first use.",
    example: "class TagDbFactory extends EnhancedDatabaseFactory<tag, Prisma.tagCreateInput> { /* no generateMinimalData */ }",
    fix: "None: implement the member the base class declares abstract.",
};

/// The factory `class` (its name at `span`) lacks the abstract `member` of `base`.
pub(crate) fn report(c: &mut Checker<'_>, span: Span, class: &str, member: &str, base: &str) {
    c.push(
        Finding::new(Code::MissingAbstractMethod, span, format!("`{class}` does not implement the abstract member `{member}` of `{base}`"))
            .help(format!("add `protected {member}(…)` to the class")),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass_including_through_an_intermediate_class() {
        assert!(run_code(Code::MissingAbstractMethod, &[("tag.ts", TAG_FACTORY)]).is_empty());
        let middle = "import { EnhancedDatabaseFactory } from \"./base.js\";\nexport abstract class Middle<A, B, C, D> extends EnhancedDatabaseFactory<A, B, C, D> {\n    protected getPrismaDelegate() { return this.prisma.tag; }\n}\n";
        let src = TAG_FACTORY.replace("extends EnhancedDatabaseFactory<", "extends Middle<").replace(
            "    protected getPrismaDelegate() {\n        return this.prisma.tag;\n    }\n",
            "",
        );
        let got = run(&[("middle.ts", middle), ("tag.ts", &src)]);
        assert!(!got.iter().any(|d| d.starts_with("missing-abstract-method")), "{got:?}");
        // The type arguments reach the base through the middle class: fixtures are still checked.
        // (No return annotation: only the factory's type arguments say what the method returns.)
        let wrong = src.replace(
            "Prisma.tagCreateInput>): Prisma.tagCreateInput {\n        return { id: this.generateId(), tag: \"a\"",
            "Prisma.tagCreateInput>) {\n        return { id: this.generateId(), tga: \"a\"",
        );
        assert_ne!(wrong, src);
        let got = run(&[("middle.ts", middle), ("tag.ts", &wrong)]);
        assert!(got.iter().any(|d| d.starts_with("unknown-field")), "{got:?}");
    }

    #[test]
    fn fail_at_the_class_name_once_per_member() {
        let src = TAG_FACTORY.replace("protected generateCompleteData(", "protected generateFullData(");
        assert_eq!(run_code(Code::MissingAbstractMethod, &[("tag.ts", &src)]), vec![find(&src, "TagDbFactory")]);
    }
}
