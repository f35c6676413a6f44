//! `unknown-delegate`: `this.prisma.x` in `getPrismaDelegate()`, or `prisma.x.<method>(…)` on a Prisma client, is no delegate of the PrismaClient; the suggestion is the closest one.
//!
//! Fix: a suggestion, never `safe`. The delegate is what the factory calls at run time: the
//! corrected one makes calls that did nothing but throw before now write rows.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::UnknownDelegate,
    default_severity: Severity::Error,
    what: "`this.prisma.x` in `getPrismaDelegate()`, or `prisma.x.<method>(…)` on a Prisma client, is no delegate of the PrismaClient; the suggestion is the closest one.",
    why: "The delegate is typed `any` in the base class (and often the client too), so tsc cannot see it; the call fails only at run time.",
    example: "protected getPrismaDelegate() { return this.prisma.tags; }",
    fix: "Suggestion: the closest delegate. Never safe: the corrected delegate makes calls that threw before write rows.",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        assert!(run_code("unknown-delegate", &[("tag.ts", TAG_FACTORY)]).is_empty());
    }

    #[test]
    fn fail_at_the_property_with_the_right_delegate() {
        let src = TAG_FACTORY.replace("this.prisma.tag;", "this.prisma.tags;");
        assert_eq!(run_code("unknown-delegate", &[("tag.ts", &src)]), vec![find(&src, "tags;")]);
    }

    #[test]
    fn client_calls_on_a_model_the_schema_lacks() {
        let src = r#"import { PrismaClient } from "@prisma/client";
export async function seed(prisma: PrismaClient, caller: any) {
    await prisma.comment.createMany({ data: [] });
    await prisma.tags.findMany();
    await prisma.tag.findMany();
    await prisma.$queryRaw`SELECT 1`;
    await caller.comment.create({ data: {} });
}
"#;
        assert_eq!(run_code("unknown-delegate", &[("seed.ts", src)]), vec![find(src, "comment.createMany"), find(src, "tags.")]);
        let r = crate::validate_sources(SCHEMA, vec![("/t/seed.ts".into(), src.to_string())], None, None).unwrap();
        let tags = r.diagnostics.iter().find(|d| d.message.contains("`prisma.tags`")).unwrap();
        assert_eq!(tags.suggestion.as_deref(), Some("tag"));
        // Not a case change: the help does not call it one.
        assert_eq!(tags.help.as_deref(), Some("did you mean `prisma.tag` (model `tag`)?"));
        let case = src.replace("prisma.tags.findMany", "prisma.Tag.findMany");
        let r = crate::validate_sources(SCHEMA, vec![("/t/seed.ts".into(), case)], None, None).unwrap();
        let help = r.diagnostics.iter().find(|d| d.message.contains("`prisma.Tag`")).and_then(|d| d.help.clone());
        assert_eq!(help.as_deref(), Some("the delegate is the model name with its first character lower-cased: `prisma.tag`"));
    }
}
