//! `field-type-mismatch`: A literal of the wrong type for the field, following the generated input types: BigInt takes bigint or number, Decimal number or string, DateTime Date or string, Json any JSON value, nullable fields null.

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::FieldTypeMismatch,
    default_severity: Severity::Error,
    what: "A literal of the wrong type for the field, following the generated input types: BigInt takes bigint or number, Decimal number or string, DateTime Date or string, Json any JSON value, nullable fields null.",
    why: "The insert fails, or worse, is coerced.",
    example: "const t: Prisma.tagCreateInput = { id: 1n, tag: \"a\", bookmarks: \"10\" };",
};
