//! `missing-required-field`: A create input lacks a required field (a relation, or its foreign key in an unchecked input).

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::MissingRequiredField,
    default_severity: Severity::Error,
    what: "A create input lacks a required field (a relation, or its foreign key in an unchecked input).",
    why: "The insert fails at run time with a Prisma validation error.",
    example: "const t: Prisma.tagCreateInput = { id: 1n }; // tag is required",
};
