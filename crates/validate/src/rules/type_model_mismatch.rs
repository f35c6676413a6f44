//! `type-model-mismatch`: A factory type argument, `super("…")` model or delegate that names another model than the factory's other signals agree on, or a type in the wrong slot.
//!
//! Fix: a suggestion, never `safe`: which of the disagreeing signals is wrong is a guess, and a
//! `super("…")` string is a run-time value.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::TypeModelMismatch,
    default_severity: Severity::Error,
    what: "A factory type argument, `super(\"…\")` model or delegate that names another model than the factory's other signals agree on, or a type in the wrong slot.",
    why: "The factory then checks its fixtures against the wrong shape, or not at all.",
    example: "class TagDbFactory extends EnhancedDatabaseFactory<tag, Prisma.userCreateInput> { constructor(p: PrismaClient) { super(\"tag\", p); } }",
    fix: "Suggestion: the model the other signals agree on. Never safe: which signal is wrong is a guess, and a `super(\"…\")` string is a run-time value.",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        assert!(run_code("type-model-mismatch", &[("tag.ts", TAG_FACTORY)]).is_empty());
    }

    #[test]
    fn fail_at_the_type_argument_of_another_model_or_slot() {
        let src = TAG_FACTORY.replace("Prisma.tagUpdateInput>", "Prisma.UserUpdateInput>").replace("Prisma.tagInclude,", "Prisma.tagCreateInput,");
        let line = line_of(&src, "extends EnhancedDatabaseFactory");
        assert_eq!(
            run_code("type-model-mismatch", &[("tag.ts", &src)]),
            vec![at(&src, line, "Prisma.tagCreateInput, Prisma.UserUpdateInput"), at(&src, line, "Prisma.UserUpdateInput")]
        );
    }

    /// The signals vote: a `super("…")` naming a real but different model is the one finding,
    /// and the factory is checked as the model its types and delegate name.
    #[test]
    fn a_super_string_outvoted_by_the_types_and_delegate_is_reported_once() {
        let src = TAG_FACTORY.replace("super(\"tag\"", "super(\"User\"");
        assert_eq!(run(&[("tag.ts", &src)]), vec![format!("type-model-mismatch {}", find(&src, "\"User\""))]);
    }
}
