//! `unknown-model`: A `super("x")` model name or a factory type argument names no model of the schema.

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::UnknownModel,
    default_severity: Severity::Error,
    what: "A `super(\"x\")` model name or a factory type argument names no model of the schema.",
    why: "The factory would create rows through a model that does not exist; `@@map` table names are not model names.",
    example: "class TagDbFactory extends EnhancedDatabaseFactory<tag, Prisma.tagCreateInput> {\n  constructor(prisma: PrismaClient) { super(\"tags\", prisma); }\n}",
};
