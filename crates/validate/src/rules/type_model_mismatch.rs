//! `type-model-mismatch`: A factory type argument, `super("…")` model or delegate that names another model than the factory's other signals agree on, or a type in the wrong slot.
//!
//! Fix: a suggestion, never `safe`: which of the disagreeing signals is wrong is a guess, and a
//! `super("…")` string is a run-time value.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

use oxc_span::Span;

use crate::checker::Checker;
use crate::diagnostic::Finding;

pub const DOC: RuleDoc = RuleDoc {
    code: Code::TypeModelMismatch,
    default_severity: Severity::Error,
    what: "A factory type argument, `super(\"…\")` model or delegate that names another model than the factory's other signals agree on, or a type in the wrong slot.",
    why: "The factory then checks its fixtures against the wrong shape, or not at all.",
    example: "class TagDbFactory extends EnhancedDatabaseFactory<tag, Prisma.userCreateInput> { constructor(p: PrismaClient) { super(\"tag\", p); } }",
    fix: "Suggestion: the model the other signals agree on. Never safe: which signal is wrong is a guess, and a `super(\"…\")` string is a run-time value.",
};

/// `super("name")` names a model, but the type arguments and the delegate agree on `factory_model`.
pub(crate) fn super_disagrees(c: &mut Checker<'_>, span: Span, name: &str, factory_model: &str) {
    c.push(
        Finding::new(Code::TypeModelMismatch, span, format!("super(\"{name}\") names model `{name}`, but the type arguments and the delegate say `{factory_model}`"))
            .suggest(format!("\"{factory_model}\""))
            .help(format!("the factory is checked as `{factory_model}`'s; pass super(\"{factory_model}\", …) or fix the type arguments and the delegate")),
    );
}

/// The model type argument is another model than the factory's.
pub(crate) fn model_type_disagrees(c: &mut Checker<'_>, span: Span, name: &str, factory_model: &str) {
    c.push(Finding::new(Code::TypeModelMismatch, span, format!("The model type `{name}` is not this factory's model `{factory_model}`")).suggest(factory_model.to_string()));
}

/// An input type argument of another model (`wrong_model`: its model and the factory's), or in
/// the wrong slot (`slot` names it); `right` is the type that belongs there.
pub(crate) fn input_type_disagrees(c: &mut Checker<'_>, span: Span, name: &str, wrong_model: Option<(&str, &str)>, slot: &str, right: Option<String>) {
    let message = if let Some((owner, want_model)) = wrong_model {
        format!("`{name}` belongs to model `{owner}`, but this factory's model is `{want_model}`")
    } else {
        format!("`{name}` does not fit the base class's `{slot}` type parameter slot")
    };
    let mut f = Finding::new(Code::TypeModelMismatch, span, message);
    if let Some(right) = right {
        f = f.suggest(format!("Prisma.{right}"));
    }
    c.push(f);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        assert!(run_code(Code::TypeModelMismatch, &[("tag.ts", TAG_FACTORY)]).is_empty());
    }

    #[test]
    fn fail_at_the_type_argument_of_another_model_or_slot() {
        let src = TAG_FACTORY.replace("Prisma.tagUpdateInput>", "Prisma.UserUpdateInput>").replace("Prisma.tagInclude,", "Prisma.tagCreateInput,");
        let line = line_of(&src, "extends EnhancedDatabaseFactory");
        assert_eq!(
            run_code(Code::TypeModelMismatch, &[("tag.ts", &src)]),
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

    #[test]
    fn suggests_the_factory_models_input_type() {
        let src = TAG_FACTORY.replacen("Prisma.tagCreateInput, Prisma.tagInclude", "Prisma.UserCreateInput, Prisma.tagInclude", 1);
        expect_fix(Code::TypeModelMismatch, &[("tag.ts", &src)], Tier::Suggestion, TAG_FACTORY);
    }
}
