//! `unknown-delegate`: `this.prisma.x` in `getPrismaDelegate()` is no delegate of the PrismaClient; the suggestion is the right one.

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::UnknownDelegate,
    default_severity: Severity::Error,
    what: "`this.prisma.x` in `getPrismaDelegate()` is no delegate of the PrismaClient; the suggestion is the right one.",
    why: "The delegate is typed `any` in the base class, so tsc cannot see it; the factory fails only at run time.",
    example: "protected getPrismaDelegate() { return this.prisma.tags; }",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        assert!(run_code("unknown-delegate", &[("tag.ts", TAG_FACTORY)]).is_empty());
    }

    #[test]
    fn fail_at_the_property_with_the_right_delegate() {
        let src = TAG_FACTORY.replace("this.prisma.tag;", "this.prisma.tags;");
        assert_eq!(run_code("unknown-delegate", &[("tag.ts", &src)]), vec![find(&src, "tags;")]);
    }
}
