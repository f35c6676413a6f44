//! `unknown-model`: A `super("x")` model name or a factory type argument names no model of the schema.
//!
//! Fix: a suggestion, never `safe`. The string given to `super("…")` is a value the base class
//! keeps and uses at run time (Vrooli's tracks created records and builds messages with it), so
//! correcting it changes what the program does, even when only its case differs.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::UnknownModel,
    default_severity: Severity::Error,
    what: "A `super(\"x\")` model name or a factory type argument names no model of the schema.",
    why: "The factory would create rows through a model that does not exist; `@@map` table names are not model names.",
    example: "class TagDbFactory extends EnhancedDatabaseFactory<tag, Prisma.tagCreateInput> {\n  constructor(prisma: PrismaClient) { super(\"tags\", prisma); }\n}",
    fix: "Suggestion: the closest model name. Never safe: the `super(\"…\")` string is a value the base class uses at run time.",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        assert!(run_code("unknown-model", &[("tag.ts", TAG_FACTORY)]).is_empty());
    }

    #[test]
    fn fail_at_the_super_string_and_the_model_type_argument() {
        // `user` is the table (`@@map`) name of the model `User`.
        let src = TAG_FACTORY.replace("super(\"tag\"", "super(\"user\"").replace("<tag,", "<Tag,");
        assert_eq!(run_code("unknown-model", &[("tag.ts", &src)]), vec![find(&src, "Tag,"), find(&src, "\"user\"")]);
    }
}
