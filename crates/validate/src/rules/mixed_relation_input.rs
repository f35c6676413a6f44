//! `mixed-relation-input`: Foreign-key scalars and relation writes mixed in one input where Prisma accepts either the checked or the unchecked shape, not both.

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::MixedRelationInput,
    default_severity: Severity::Error,
    what: "Foreign-key scalars and relation writes mixed in one input where Prisma accepts either the checked or the unchecked shape, not both.",
    why: "Prisma rejects the mix at run time; the types report it as an unreadable `never` error.",
    example: "data: { createdById: 1n, translations: { create: [] }, tag: \"a\" } // in a nested create",
};
