//! `unknown-delegate`: `this.prisma.x` in `getPrismaDelegate()` is no delegate of the PrismaClient; the suggestion is the right one.

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::UnknownDelegate,
    default_severity: Severity::Error,
    what: "`this.prisma.x` in `getPrismaDelegate()` is no delegate of the PrismaClient; the suggestion is the right one.",
    why: "The delegate is typed `any` in the base class, so tsc cannot see it; the factory fails only at run time.",
    example: "protected getPrismaDelegate() { return this.prisma.tags; }",
};
