//! `unknown-delegate`: `this.prisma.x` in `getPrismaDelegate()`, or `prisma.x.<method>(…)` on a Prisma client, is no delegate of the PrismaClient; the suggestion is the closest one.
//!
//! Fix: a suggestion, never `safe`. The delegate is what the factory calls at run time: the
//! corrected one makes calls that did nothing but throw before now write rows.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

use oxc_span::Span;

use crate::checker::Checker;
use crate::diagnostic::Finding;
use crate::names::{closest, same_letters};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::UnknownDelegate,
    default_severity: Severity::Error,
    what: "`this.prisma.x` in `getPrismaDelegate()`, or `prisma.x.<method>(…)` on a Prisma client, is no delegate of the PrismaClient; the suggestion is the closest one.",
    why: "The delegate is typed `any` in the base class (and often the client too), so tsc cannot see it; the call fails only at run time.",
    example: "protected getPrismaDelegate() { return this.prisma.tags; }",
    fix: "Suggestion: the closest delegate. Never safe: the corrected delegate makes calls that threw before write rows.",
};

/// `<client>.<delegate>.<method>(…)` where the client has no such delegate: the model the name
/// most likely means.
pub(crate) fn in_client_call(c: &mut Checker<'_>, receiver: &str, delegate: &str, span: Span) {
    let schema = c.ctx.schema;
    let receiver = if receiver.contains('\n') { "prisma" } else { receiver };
    let mut f = Finding::new(Code::UnknownDelegate, span, format!("`{receiver}.{delegate}` is not a delegate of the PrismaClient: the schema has no such model"));
    let right = schema
        .models
        .iter()
        .find(|m| same_letters(&m.delegate, delegate) || same_letters(&m.delegate, delegate.trim_end_matches('s')))
        .map(|m| m.delegate.as_str())
        .or_else(|| closest(delegate, schema.models.iter().map(|m| m.delegate.as_str())));
    if let Some(r) = right {
        let help = if same_letters(r, delegate) {
            format!("the delegate is the model name with its first character lower-cased: `{receiver}.{r}`")
        } else {
            format!("did you mean `{receiver}.{r}` (model `{}`)?", schema.model_by_delegate(r).map_or(r, |m| m.name.as_str()))
        };
        f = f.suggest(r.to_string()).help(help);
    }
    c.push(f);
}


/// `getPrismaDelegate()` returns `this.prisma.<delegate>`, which the client lacks: the delegate
/// of the factory's model (`factory_model`), else the one differing only in case and underscores.
pub(crate) fn in_get_prisma_delegate(c: &mut Checker<'_>, delegate: &str, span: Span, factory_model: Option<&str>) {
    let schema = c.ctx.schema;
    let from_model = factory_model.and_then(|m| schema.model(m)).map(|m| m.delegate.clone());
    let right = from_model.or_else(|| schema.models.iter().find(|m| same_letters(&m.delegate, delegate)).map(|m| m.delegate.clone()));
    let mut f = Finding::new(Code::UnknownDelegate, span, format!("`prisma.{delegate}` is not a delegate of the PrismaClient"));
    // A suggestion, never applied by `--fix`: it changes what the factory calls at run time.
    if let Some(r) = right {
        let help = if same_letters(&r, delegate) {
            format!("the delegate is the model name with its first character lower-cased: `this.prisma.{r}`")
        } else {
            format!("this factory's model's delegate is `this.prisma.{r}`")
        };
        f = f.suggest(r.clone()).help(help);
    }
    c.push(f);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        assert!(run_code(Code::UnknownDelegate, &[("tag.ts", TAG_FACTORY)]).is_empty());
    }

    #[test]
    fn fail_at_the_property_with_the_right_delegate() {
        let src = TAG_FACTORY.replace("this.prisma.tag;", "this.prisma.tags;");
        assert_eq!(run_code(Code::UnknownDelegate, &[("tag.ts", &src)]), vec![find(&src, "tags;")]);
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
        assert_eq!(run_code(Code::UnknownDelegate, &[("seed.ts", src)]), vec![find(src, "comment.createMany"), find(src, "tags.")]);
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

    #[test]
    fn suggests_the_factory_models_delegate() {
        let src = TAG_FACTORY.replace("this.prisma.tag;", "this.prisma.tags;");
        expect_fix(Code::UnknownDelegate, &[("tag.ts", &src)], Tier::Suggestion, TAG_FACTORY);
    }
}
