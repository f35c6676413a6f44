//! `unknown-field`: A property that the input type does not have; the suggestion is the closest field.

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::UnknownField,
    default_severity: Severity::Error,
    what: "A property that the input type does not have; the suggestion is the closest field.",
    why: "Usually a renamed field, or a foreign key written on the relation-style input (use `relation: { connect: { id } }`).",
    example: "const t: Prisma.tagCreateInput = { id: 1n, tag: \"a\", createdById: 2n };",
};
