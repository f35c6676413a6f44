//! `unknown-prisma-type`: A `Prisma.X` type reference that the generated client does not export for this schema.
//!
//! Fix, `safe` when the name differs from a type of the `Prisma` namespace only by case and
//! underscores: a type annotation is erased at run time, so the corrected name changes nothing the
//! program does. It stays a suggestion when the object literal the name declares would then have
//! errors (tsc reports them on the corrected line), and for any other likely name (a misspelling,
//! a model type, which the client exports beside the namespace, not in it).

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

use oxc_ast::ast::{TSTypeName, TSTypeReference};

use crate::checker::Checker;
use crate::diagnostic::Finding;

pub const DOC: RuleDoc = RuleDoc {
    code: Code::UnknownPrismaType,
    default_severity: Severity::Error,
    what: "A `Prisma.X` type reference that the generated client does not export for this schema.",
    why: "Type names are derived from model names verbatim; a renamed model or a camelCased spelling breaks every use. The suggestion is the right name.",
    example: "const t: Prisma.TagCreateInput = { tag: \"a\" }; // the model is `tag`: Prisma.tagCreateInput",
    fix: "**Safe** when the name differs from a type of the `Prisma` namespace only by case and underscores (a type is erased at run time) and the corrected type leaves no error on the line; any other likely name is a suggestion.",
};

/// A `Prisma.X` type reference (`r`) the generated client lacks: the model type exported beside
/// the namespace, or the generated name it most likely means.
pub(crate) fn check(c: &mut Checker<'_>, r: &TSTypeReference<'_>) {
    let TSTypeName::QualifiedName(q) = &r.type_name else { return };
    let TSTypeName::IdentifierReference(ns) = &q.left else { return };
    if ns.name != "Prisma" {
        return;
    }
    let name = q.right.name.as_str();
    let span = q.span;
    match fixture_schema::type_names::resolve(c.ctx.schema, name) {
        // Model types are exported beside the namespace (`import type { tag }`), not in it.
        Some(r) if r.kind == fixture_schema::TypeNameKind::Model => {
            c.push(
                Finding::new(Code::UnknownPrismaType, span, format!("`Prisma.{name}` does not exist: the model type `{name}` is exported by the client package, not in the `Prisma` namespace"))
                    .suggest(name.to_string())
                    .help(format!("import type {{ {name} }} from \"@prisma/client\"")),
            );
            return;
        }
        Some(_) => return,
        None => {}
    }
    let mut f = Finding::new(Code::UnknownPrismaType, span, format!("`Prisma.{name}` does not exist for this schema"));
    let suggested = c.ctx.suggester.suggest(c.ctx.schema, name).filter(|s| s != name);
    // A model type is not in the namespace: `Prisma.<model>` would not exist either; the
    // suggestion is the type the client package exports.
    if let Some(s) = suggested.as_ref().filter(|s| fixture_schema::type_names::resolve(c.ctx.schema, s).is_some_and(|r| r.kind == fixture_schema::TypeNameKind::Model)) {
        f.message = format!("`Prisma.{name}` does not exist for this schema; the model type `{s}` is exported by the client package, not in the `Prisma` namespace");
        c.push(f.suggest(s.clone()).help(format!("import type {{ {s} }} from \"@prisma/client\"")));
        return;
    }
    if let Some(s) = suggested {
        f.message = format!("`Prisma.{name}` does not exist for this schema; the generated name is `Prisma.{s}`");
        // Certain only when the names differ by case and underscores alone (one candidate) and
        // the candidate is in the namespace (a model type is not: `Prisma.user` is no fix).
        let in_namespace = fixture_schema::type_names::resolve(c.ctx.schema, &s).is_some_and(|r| r.kind != fixture_schema::TypeNameKind::Model);
        let same_letters = in_namespace && crate::names::same_letters(&s, name);
        // A type name is erased at run time: the correction is certain when only case and
        // underscores differ, unless the literal it types has errors tsc would then report on
        // this line (see the fix notes above).
        let reveals = same_letters && c.correction_reveals_errors(span.start);
        f = f.suggest(format!("Prisma.{s}")).safe(same_letters && !reveals).help(if reveals {
            "Prisma names types after the model name verbatim (case and underscores included); not applied by --fix: the object this type declares has errors under the corrected name, fix them with it"
        } else {
            "Prisma names types after the model name verbatim (case and underscores included)"
        });
    }
    c.push(f);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        let src = "import type { Prisma } from \"@prisma/client\";\nexport type A = Prisma.UserCreateInput | Prisma.tag_translationWhereUniqueInput | Prisma.JsonValue;\n";
        assert!(run_code(Code::UnknownPrismaType, &[("a.ts", src)]).is_empty());
    }

    #[test]
    fn fail_at_the_type_reference_with_the_generated_name() {
        let src = "import type { Prisma } from \"@prisma/client\";\nexport type A = Prisma.userCreateInput;\nexport type B = Prisma.Tag_TranslationInclude;\nexport type C = Prisma.tag;\n";
        assert_eq!(
            run_code(Code::UnknownPrismaType, &[("a.ts", src)]),
            vec![find(src, "Prisma.userCreateInput"), find(src, "Prisma.Tag_TranslationInclude"), find(src, "Prisma.tag;")]
        );
        let files = [(String::from("/t/a.ts").into(), src.to_string())];
        let r = crate::validate_sources(SCHEMA, files.to_vec(), None, None).unwrap();
        let suggestions: Vec<_> = r.diagnostics.iter().filter(|d| d.file.ends_with("a.ts")).map(|d| d.suggestion.clone()).collect();
        assert_eq!(suggestions, vec![Some("Prisma.UserCreateInput".into()), Some("Prisma.tag_translationInclude".into()), Some("tag".into())]);
    }

    #[test]
    fn fixes_case_for_certain_and_a_misspelling_as_a_suggestion() {
        let src = "import type { Prisma } from \"@prisma/client\";\nexport const t: Prisma.TagCreateInput = { id: 1n, tag: \"a\" };\n";
        expect_fix(Code::UnknownPrismaType, &[("a.ts", src)], Tier::Safe, &src.replace("Prisma.TagCreateInput", "Prisma.tagCreateInput"));
        let src = "import type { Prisma } from \"@prisma/client\";\nexport const t: Prisma.tagCreatInput = { id: 1n, tag: \"a\" };\n";
        expect_fix(Code::UnknownPrismaType, &[("a.ts", src)], Tier::Suggestion, &src.replace("Prisma.tagCreatInput", "Prisma.tagCreateInput"));
    }
}
