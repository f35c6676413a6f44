//! `unknown-model`: A `super("x")` model name or a factory type argument names no model of the schema.
//!
//! Fix: a suggestion, never `safe`. The string given to `super("…")` is a value the base class
//! keeps and uses at run time (Vrooli's tracks created records and builds messages with it), so
//! correcting it changes what the program does, even when only its case differs.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

use oxc_span::Span;

use fixture_schema::Model;

use crate::checker::Checker;
use crate::diagnostic::Finding;

pub const DOC: RuleDoc = RuleDoc {
    code: Code::UnknownModel,
    default_severity: Severity::Error,
    what: "A `super(\"x\")` model name or a factory type argument names no model of the schema.",
    why: "The factory would create rows through a model that does not exist; `@@map` table names are not model names.",
    example: "class TagDbFactory extends EnhancedDatabaseFactory<tag, Prisma.tagCreateInput> {\n  constructor(prisma: PrismaClient) { super(\"tags\", prisma); }\n}",
    fix: "Suggestion: the closest model name. Never safe: the `super(\"…\")` string is a value the base class uses at run time.",
};

/// `super("name")` names no model. `similar` is the model it likely means, `by_table` whether
/// `name` is that model's table (`@@map`) name.
pub(crate) fn in_super(c: &mut Checker<'_>, span: Span, name: &str, similar: Option<&Model>, by_table: bool) {
    let mut f = Finding::new(Code::UnknownModel, span, format!("\"{name}\" is not a model of the schema"));
    if let Some(m) = similar {
        if by_table {
            f.message = format!("\"{name}\" is the table (`@@map`) name; the model is `{}`", m.name);
        }
        // Never applied by `--fix`: the string is a value the base class keeps at run time.
        f = f.suggest(format!("\"{}\"", m.name)).help(format!("pass the model name: super(\"{}\", …)", m.name));
    }
    c.push(f);
}

/// The model type argument names no model; `similar` differs from it only in case and underscores.
pub(crate) fn in_type_argument(c: &mut Checker<'_>, span: Span, name: &str, similar: Option<&str>) {
    let mut f = Finding::new(Code::UnknownModel, span, format!("`{name}` is not a model of the schema"));
    if let Some(m) = similar {
        f = f.suggest(m.to_string());
    }
    c.push(f);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        assert!(run_code(Code::UnknownModel, &[("tag.ts", TAG_FACTORY)]).is_empty());
    }

    #[test]
    fn fail_at_the_super_string_and_the_model_type_argument() {
        // `user` is the table (`@@map`) name of the model `User`.
        let src = TAG_FACTORY.replace("super(\"tag\"", "super(\"user\"").replace("<tag,", "<Tag,");
        assert_eq!(run_code(Code::UnknownModel, &[("tag.ts", &src)]), vec![find(&src, "Tag,"), find(&src, "\"user\"")]);
    }

    #[test]
    fn suggests_the_model_name() {
        let src = TAG_FACTORY.replace("super(\"tag\", prisma)", "super(\"Tag\", prisma)");
        expect_fix(Code::UnknownModel, &[("tag.ts", &src)], Tier::Suggestion, TAG_FACTORY);
    }
}
