//! `missing-fixture-category`: The object returned by `getFixtures()` lacks a required category of the fixtures interface.

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::MissingFixtureCategory,
    default_severity: Severity::Error,
    what: "The object returned by `getFixtures()` lacks a required category of the fixtures interface.",
    why: "Shared test suites iterate the categories; a missing one silently skips tests.",
    example: "protected getFixtures() { return { minimal: {…}, complete: {…}, invalid: {} }; } // no edgeCases",
};
