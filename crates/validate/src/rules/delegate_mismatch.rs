//! `delegate-mismatch`: The delegate returned by `getPrismaDelegate()` is another model's than the factory's.
//!
//! Fix: a suggestion, never `safe`. The delegate written works, on another table: returning the
//! factory's own changes which table the factory writes.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

use oxc_span::Span;

use crate::checker::Checker;
use crate::diagnostic::Finding;

pub const DOC: RuleDoc = RuleDoc {
    code: Code::DelegateMismatch,
    default_severity: Severity::Error,
    what: "The delegate returned by `getPrismaDelegate()` is another model's than the factory's.",
    why: "The factory would insert its fixtures into another table.",
    example: "class TagDbFactory … { protected getPrismaDelegate() { return this.prisma.user; } }",
    fix: "Suggestion: return the factory's own delegate. Never safe: it changes which table the factory writes.",
};

/// `getPrismaDelegate()` returns the delegate of `model`, the factory's model being `factory_model`
/// (whose delegate is `right`).
pub(crate) fn report(c: &mut Checker<'_>, span: Span, delegate: &str, model: &str, factory_model: &str, right: &str) {
    c.push(
        Finding::new(Code::DelegateMismatch, span, format!("`prisma.{delegate}` is the delegate of model `{model}`, but this factory's model is `{factory_model}`"))
            .suggest(right.to_string())
            .help(format!("the factory writes `{model}` rows through this delegate; return `this.prisma.{right}`")),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        assert!(run_code(Code::DelegateMismatch, &[("tag.ts", TAG_FACTORY)]).is_empty());
    }

    #[test]
    fn fail_at_the_other_models_delegate() {
        let src = TAG_FACTORY.replace("this.prisma.tag;", "this.prisma.user;");
        assert_eq!(run_code(Code::DelegateMismatch, &[("tag.ts", &src)]), vec![find(&src, "user;")]);
    }

    #[test]
    fn suggests_the_factory_models_delegate() {
        let src = TAG_FACTORY.replace("this.prisma.tag;", "this.prisma.user;");
        expect_fix(Code::DelegateMismatch, &[("tag.ts", &src)], Tier::Suggestion, TAG_FACTORY);
    }
}
