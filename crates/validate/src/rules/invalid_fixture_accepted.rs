//! `invalid-fixture-accepted`: A member of the `invalid` fixtures that is a valid create input: a test of bad input that tests nothing.
//!
//! The categories of deliberately bad data are those `fixtureCategories.ignore` lists (default
//! `invalid`): never checked as inputs, since they exist to fail. Each of their members written
//! as an object literal is checked silently as a full create input of the factory's model; one
//! in which no rule finds anything would be accepted by Prisma, so the error-path test that uses
//! it passes for the wrong reason (or fails to run the error path at all). What only the database
//! can reject (a string longer than its `VarChar`, a duplicate of a unique value, a missing
//! parent row) is invisible here: such a member is reported too, and the help says so. A member
//! holding a type cast (`"Nope" as any`) gets no verdict: the cast hides its value's type from the
//! rules, and it is how such fixtures spell a deliberately wrong value.

use oxc_ast::ast::{Expression, ObjectExpression, ObjectPropertyKind};
use oxc_span::GetSpan;

use crate::checker::Checker;
use crate::diagnostic::{Finding, Severity};
use crate::expect::InputSpec;
use crate::fixtures::Spread;
use crate::rules::{Code, RuleDoc};
use crate::walk::{Visit, walk_expression};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::InvalidFixtureAccepted,
    default_severity: Severity::Warning,
    what: "A member of the `invalid` fixtures that is a valid create input: a test of bad input that tests nothing.",
    why: "The fixture exists to be rejected; when Prisma accepts it, the error-path test that uses it passes without exercising the error.",
    example: "invalid: { missingRequired: { id: 1n, tag: \"complete after all\" } } // in a tag factory's getFixtures()",
};

fn object_of<'b, 'a>(e: &'b Expression<'a>) -> Option<&'b ObjectExpression<'a>> {
    match e.without_parentheses() {
        Expression::ObjectExpression(o) => Some(o),
        Expression::TSSatisfiesExpression(s) => object_of(&s.expression),
        Expression::TSAsExpression(s) => object_of(&s.expression),
        _ => None,
    }
}

/// Whether an expression holds a type cast (`x as T`, `<T>x`) other than `as const`.
#[derive(Default)]
struct CastFinder {
    found: bool,
}

impl<'a> Visit<'a> for CastFinder {
    fn visit_expression(&mut self, e: &Expression<'a>) {
        match e {
            Expression::TSAsExpression(a) if !matches!(&a.type_annotation, oxc_ast::ast::TSType::TSTypeReference(r) if matches!(&r.type_name, oxc_ast::ast::TSTypeName::IdentifierReference(id) if id.name == "const")) => {
                self.found = true
            }
            Expression::TSTypeAssertion(_) => self.found = true,
            _ => walk_expression(self, e),
        }
    }
}

fn holds_cast(fixture: &ObjectExpression<'_>) -> bool {
    let mut finder = CastFinder::default();
    crate::walk::walk_object(&mut finder, fixture);
    finder.found
}

impl Checker<'_> {
    /// Reports each member of a category of deliberately bad data (`value`, the category's object
    /// literal) that the create-input rules find nothing wrong with.
    pub fn check_invalid_category(&mut self, value: &Expression<'_>, create: &InputSpec) {
        let Some(category) = object_of(value) else { return };
        let spec = InputSpec { partial: false, ..create.clone() };
        for member in &category.properties {
            let ObjectPropertyKind::ObjectProperty(member) = member else { continue };
            let Some(fixture) = object_of(&member.value) else { continue };
            // A spread whose keys are unknown could supply anything or nothing: no verdict.
            let unknown_spread = fixture.properties.iter().any(|p| match p {
                ObjectPropertyKind::SpreadProperty(s) => {
                    object_of(&s.argument).is_none() && self.spread_effect(&s.argument) == Spread::Unknown
                }
                ObjectPropertyKind::ObjectProperty(p) => p.computed,
            });
            if unknown_spread || holds_cast(fixture) {
                continue;
            }
            let outer = std::mem::take(&mut self.findings);
            self.check_input_object(fixture, &spec, member.key.span());
            let found = std::mem::replace(&mut self.findings, outer);
            if found.is_empty() {
                let name = member.key.static_name().map(|n| format!("`{n}`")).unwrap_or_else(|| "this fixture".to_string());
                let type_name = self.ctx.type_name(&spec.model, &spec.kind);
                self.push(
                    Finding::new(
                        Code::InvalidFixtureAccepted,
                        member.key.span(),
                        format!("The invalid fixture {name} is a valid `Prisma.{type_name}`: a test of bad input that tests nothing"),
                    )
                    .help("make it invalid the way its name says (drop a required field, give a field a wrong type), or move it to `edgeCases`; if only the database rejects it (a length limit, a duplicate unique value), turn the rule off (`rules: { \"invalid-fixture-accepted\": \"off\" }`)"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        // Every member is wrong in some way the rules see, or cannot be judged.
        let src = TAG_FACTORY.replace(
            "            invalid: { missingTag: { id: 1n } },",
            "            invalid: { missingTag: { id: 1n }, wrongType: { id: 2n, tag: 5 }, unknownField: { id: 3n, tag: \"a\", nmae: 1 }, opaque: { ...(globalThis as any).x }, cast: { id: 4n, tag: \"Nope\" as any }, notAnObject: 42 },",
        );
        assert_ne!(src, TAG_FACTORY);
        assert!(run_code("invalid-fixture-accepted", &[("tag.ts", &src)]).is_empty());
        assert!(run(&[("tag.ts", &src)]).is_empty(), "invalid fixtures are otherwise never reported");
    }

    #[test]
    fn fail_at_the_member_key() {
        let src = TAG_FACTORY.replace(
            "            invalid: { missingTag: { id: 1n } },",
            "            invalid: { missingTag: { id: 1n, tag: \"a\" }, withCreator: { id: 2n, tag: \"b\", createdBy: { connect: { id: 3n } } }, wrongType: { id: 2n, tag: 5 } },",
        );
        assert_ne!(src, TAG_FACTORY);
        assert_eq!(run(&[("tag.ts", &src)]), vec![
            format!("invalid-fixture-accepted {}", find(&src, "missingTag")),
            format!("invalid-fixture-accepted {}", find(&src, "withCreator")),
        ]);
    }
}
