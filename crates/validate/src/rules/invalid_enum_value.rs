//! `invalid-enum-value`: A string literal that is not a value of the field's enum.

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::InvalidEnumValue,
    default_severity: Severity::Error,
    what: "A string literal that is not a value of the field's enum.",
    why: "Prisma rejects the value at run time.",
    example: "const a: Prisma.awardCreateInput = { category: \"NotACategory\", … };",
};
