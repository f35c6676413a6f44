//! `missing-fixture-category`: The object returned by `getFixtures()` lacks a required category of the fixtures interface.
//!
//! Fix (`edgeCases: {}` after the last member): a suggestion, never `safe`. The base class reads
//! the fixtures object at run time, and a category that was absent becomes an empty one.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

use oxc_ast::ast::ObjectExpression;
use oxc_span::Span;

use crate::checker::Checker;
use crate::diagnostic::Finding;

pub const DOC: RuleDoc = RuleDoc {
    code: Code::MissingFixtureCategory,
    default_severity: Severity::Error,
    what: "The object returned by `getFixtures()` lacks a required category of the fixtures interface.",
    why: "Shared test suites iterate the categories; a missing one silently skips tests.",
    example: "protected getFixtures() { return { minimal: {…}, complete: {…}, invalid: {} }; } // no edgeCases",
    fix: "Suggestion: an empty category (`edgeCases: {}`). Never safe: the base class reads the fixtures object at run time.",
};

/// The fixtures object `obj` lacks the `missing` categories of the base class's interface.
pub(crate) fn report(c: &mut Checker<'_>, obj: &ObjectExpression<'_>, missing: &[&String]) {
    let list = missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ");
    let interface = &c.fixtures_base().fixtures_interface;
    let message = format!("The fixtures object lacks the required categor{} {list} of `{interface}`", if missing.len() == 1 { "y" } else { "ies" });
    let edits = vec![crate::fix_edits::add_empty_members(c.source, obj, missing)];
    c.push(
        Finding::new(Code::MissingFixtureCategory, Span::new(obj.span.start, obj.span.start + 1), message)
            .help(format!("add {list} (use an empty object `{{}}` when there is nothing to list)"))
            .edits(edits),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        assert!(run_code(Code::MissingFixtureCategory, &[("tag.ts", TAG_FACTORY)]).is_empty());
    }

    #[test]
    fn fail_at_the_returned_object() {
        let src = TAG_FACTORY.replace("            edgeCases: { long: { id: 2n, tag: \"x\".repeat(100) } },\n", "");
        let line = line_of(&src, "minimal: this.generateMinimalData()") - 1;
        assert_eq!(run_code(Code::MissingFixtureCategory, &[("tag.ts", &src)]), vec![at(&src, line, "{")]);
    }

    #[test]
    fn suggests_the_empty_category_after_the_last_member() {
        let src = TAG_FACTORY.replace("            edgeCases: { long: { id: 2n, tag: \"x\".repeat(100) } },\n", "");
        let fixed = src.replace("            updates: { renamed: { tag: \"b\" } },\n", "            updates: { renamed: { tag: \"b\" } },\n            edgeCases: {},\n");
        expect_fix(Code::MissingFixtureCategory, &[("tag.ts", &src)], Tier::Suggestion, &fixed);
    }
}
