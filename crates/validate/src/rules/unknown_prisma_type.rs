//! `unknown-prisma-type`: A `Prisma.X` type reference that the generated client does not export for this schema.

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::UnknownPrismaType,
    default_severity: Severity::Error,
    what: "A `Prisma.X` type reference that the generated client does not export for this schema.",
    why: "Type names are derived from model names verbatim; a renamed model or a camelCased spelling breaks every use. The suggestion is the right name.",
    example: "const t: Prisma.TagCreateInput = { tag: \"a\" }; // the model is `tag`: Prisma.tagCreateInput",
};
