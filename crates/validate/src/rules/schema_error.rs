//! `schema-error`: the Prisma schema is invalid.

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::SchemaError,
    default_severity: Severity::Error,
    what: "The Prisma schema is invalid; the diagnostic carries Prisma's message and location.",
    why: "Without a valid schema there are no models to check the factories against.",
    example: "model tag {\n  id BigInt @id\n  tag Strin\n}",
};
