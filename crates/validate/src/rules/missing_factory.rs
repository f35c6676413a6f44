//! `missing-factory`: a model has no factory class.

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::MissingFactory,
    default_severity: Severity::Warning,
    what: "A model of the schema has no factory class; located at the model in the schema.",
    why: "Tests for that model fall back to hand-written inserts that drift from the schema unnoticed.",
    example: "model reminder_list { id BigInt @id }  // and no class extends the base with this model",
};
