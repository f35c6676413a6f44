//! `type-model-mismatch`: A factory type argument that belongs to another model than the factory, or a type in the wrong slot.

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::TypeModelMismatch,
    default_severity: Severity::Error,
    what: "A factory type argument that belongs to another model than the factory, or a type in the wrong slot.",
    why: "The factory then checks its fixtures against the wrong shape, or not at all.",
    example: "class TagDbFactory extends EnhancedDatabaseFactory<tag, Prisma.userCreateInput> { constructor(p: PrismaClient) { super(\"tag\", p); } }",
};
