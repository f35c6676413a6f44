//! `missing-abstract-method`: A factory class does not implement an abstract member of the base class (read from the base class source).

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::MissingAbstractMethod,
    default_severity: Severity::Error,
    what: "A factory class does not implement an abstract member of the base class (read from the base class source).",
    why: "The base class calls these members; a missing one is a crash at the first use.",
    example: "class TagDbFactory extends EnhancedDatabaseFactory<tag, Prisma.tagCreateInput> { /* no generateMinimalData */ }",
};
