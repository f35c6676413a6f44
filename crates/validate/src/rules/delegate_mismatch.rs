//! `delegate-mismatch`: The delegate returned by `getPrismaDelegate()` is another model's than the factory's.

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::DelegateMismatch,
    default_severity: Severity::Error,
    what: "The delegate returned by `getPrismaDelegate()` is another model's than the factory's.",
    why: "The factory would insert its fixtures into another table.",
    example: "class TagDbFactory … { protected getPrismaDelegate() { return this.prisma.user; } }",
};
