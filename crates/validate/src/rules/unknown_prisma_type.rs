//! `unknown-prisma-type`: A `Prisma.X` type reference that the generated client does not export for this schema.
//!
//! Fix, `safe` when the name differs from a type of the `Prisma` namespace only by case and
//! underscores: a type annotation is erased at run time, so the corrected name changes nothing the
//! program does. It stays a suggestion when the object literal the name declares would then have
//! errors (tsc reports them on the corrected line), and for any other likely name (a misspelling,
//! a model type, which the client exports beside the namespace, not in it).

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::UnknownPrismaType,
    default_severity: Severity::Error,
    what: "A `Prisma.X` type reference that the generated client does not export for this schema.",
    why: "Type names are derived from model names verbatim; a renamed model or a camelCased spelling breaks every use. The suggestion is the right name.",
    example: "const t: Prisma.TagCreateInput = { tag: \"a\" }; // the model is `tag`: Prisma.tagCreateInput",
    fix: "**Safe** when the name differs from a type of the `Prisma` namespace only by case and underscores (a type is erased at run time) and the corrected type leaves no error on the line; any other likely name is a suggestion.",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        let src = "import type { Prisma } from \"@prisma/client\";\nexport type A = Prisma.UserCreateInput | Prisma.tag_translationWhereUniqueInput | Prisma.JsonValue;\n";
        assert!(run_code("unknown-prisma-type", &[("a.ts", src)]).is_empty());
    }

    #[test]
    fn fail_at_the_type_reference_with_the_generated_name() {
        let src = "import type { Prisma } from \"@prisma/client\";\nexport type A = Prisma.userCreateInput;\nexport type B = Prisma.Tag_TranslationInclude;\nexport type C = Prisma.tag;\n";
        assert_eq!(
            run_code("unknown-prisma-type", &[("a.ts", src)]),
            vec![find(src, "Prisma.userCreateInput"), find(src, "Prisma.Tag_TranslationInclude"), find(src, "Prisma.tag;")]
        );
        let files = [(String::from("/t/a.ts").into(), src.to_string())];
        let r = crate::validate_sources(SCHEMA, files.to_vec(), None, None).unwrap();
        let suggestions: Vec<_> = r.diagnostics.iter().filter(|d| d.file.ends_with("a.ts")).map(|d| d.suggestion.clone()).collect();
        assert_eq!(suggestions, vec![Some("Prisma.UserCreateInput".into()), Some("Prisma.tag_translationInclude".into()), Some("tag".into())]);
    }
}
