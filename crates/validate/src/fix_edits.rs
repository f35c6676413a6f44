//! Builders of fix edits that are more than "replace the span with the suggestion": they read the
//! surrounding source so that the edit keeps its formatting (indentation, trailing commas).

use oxc_ast::ast::ObjectExpression;
use oxc_span::GetSpan;

/// Adds `name: {}` for each of `names` to an object literal: after its last member, on a new
/// line with that member's indentation (a trailing comma, if any, stays after the new members),
/// or as `{ name: {} }` for an empty object.
pub fn add_empty_members(source: &str, obj: &ObjectExpression<'_>, names: &[&String]) -> (u32, u32, String) {
    let Some(last) = obj.properties.last() else {
        let members = names.iter().map(|n| format!("{n}: {{}}")).collect::<Vec<_>>().join(", ");
        return (obj.span.start, obj.span.end, format!("{{ {members} }}"));
    };
    let end = last.span().end;
    let start = last.span().start as usize;
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = &source[line_start..start];
    let multiline = before.trim().is_empty();
    let mut text = String::new();
    for n in names {
        if multiline {
            text.push_str(&format!(",\n{before}{n}: {{}}"));
        } else {
            text.push_str(&format!(", {n}: {{}}"));
        }
    }
    (end, end, text)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::rules::testing::{BASE, SCHEMA, TAG_FACTORY};

    /// `code safe|guess: replacement` for each fix in `files`.
    fn fixes(files: &[(&str, &str)]) -> Vec<String> {
        let mut all: Vec<(PathBuf, String)> = vec![(PathBuf::from("/t/base.ts"), BASE.to_string())];
        all.extend(files.iter().map(|(n, t)| (PathBuf::from(format!("/t/{n}")), t.to_string())));
        let report = crate::validate_sources(SCHEMA, all, None, None).unwrap();
        report
            .diagnostics
            .iter()
            .filter_map(|d| {
                let fix = d.fix.as_ref()?;
                let texts: Vec<&str> = fix.edits.iter().map(|e| e.text.as_str()).collect();
                Some(format!("{} {}: {}", d.code, if fix.safe { "safe" } else { "guess" }, texts.join(" | ")))
            })
            .collect()
    }

    #[test]
    fn type_names_are_certain_only_for_a_namespace_type_differing_in_case_or_underscores() {
        let src = "import type { Prisma } from \"@prisma/client\";\n\
                   export const a: Prisma.TagCreateInput = { id: 1n, tag: \"a\" };\n\
                   export const b: Prisma.TagTranslation | null = null;\n\
                   export const c: Prisma.tagCreatInput = { id: 1n, tag: \"a\" };\n";
        assert_eq!(
            fixes(&[("t.ts", src)]),
            vec![
                "unknown-prisma-type safe: Prisma.tagCreateInput",
                // The model type is no member of the namespace: the suggestion is the client's
                // export (a name that exists), not a fix to apply blindly.
                "unknown-prisma-type guess: tag_translation",
                // A misspelling has a likely candidate, not a certain one.
                "unknown-prisma-type guess: Prisma.tagCreateInput",
            ]
        );
    }

    /// A model name passed to `super`, a delegate, an inserted category: values the program uses
    /// at run time, so suggestions only (see rules/unknown_model.rs and the others).
    #[test]
    fn super_names_delegates_and_categories_change_run_time_values_so_are_suggestions() {
        let case = TAG_FACTORY.replace("super(\"tag\"", "super(\"TAG\"").replace("this.prisma.tag;", "this.prisma.Tags;");
        assert_eq!(fixes(&[("tag.ts", &case)]), vec!["unknown-model guess: \"tag\"", "unknown-delegate guess: tag"]);
        let other = TAG_FACTORY.replace("super(\"tag\"", "super(\"user\"");
        assert!(fixes(&[("tag.ts", &other)]).contains(&"unknown-model guess: \"User\"".to_string()));
        let delegate = TAG_FACTORY.replace("this.prisma.tag;", "this.prisma.user;");
        assert_eq!(fixes(&[("tag.ts", &delegate)]), vec!["delegate-mismatch guess: tag"]);
    }

    /// A foreign key rewritten to its relation is certain only where nothing else sees the
    /// object's keys (crate::fix_safety has the cases): a spread of `overrides` may bring one back.
    #[test]
    fn foreign_keys_beside_a_spread_are_suggestions_alone_they_are_rewritten() {
        let fk = TAG_FACTORY.replace("tag: \"a\", ...overrides", "tag: \"a\", createdById: 5n, ...overrides");
        assert_eq!(fixes(&[("tag.ts", &fk)]), vec!["unknown-field guess: createdBy: { connect: { id: 5n } }"]);
        let alone = "import type { Prisma } from \"@prisma/client\";\nexport const t: Prisma.tagCreateInput = { id: 1n, tag: \"a\", createdById: 5n };\n";
        assert_eq!(fixes(&[("t.ts", alone)]), vec!["unknown-field safe: createdBy: { connect: { id: 5n } }"]);
    }

    #[test]
    fn missing_categories_are_inserted_after_the_last_member() {
        let one_line = TAG_FACTORY.replace("            edgeCases: { long: { id: 2n, tag: \"x\".repeat(100) } },\n", "");
        assert_eq!(fixes(&[("tag.ts", &one_line)]), vec!["missing-fixture-category guess: ,\n            edgeCases: {}"]);
        let inline = TAG_FACTORY.replace(
            "return {\n            minimal: this.generateMinimalData(),\n            complete: this.generateCompleteData(),\n            invalid: { missingTag: { id: 1n } },\n            edgeCases: { long: { id: 2n, tag: \"x\".repeat(100) } },\n            updates: { renamed: { tag: \"b\" } },\n        };",
            "return { minimal: this.generateMinimalData(), complete: this.generateCompleteData() };",
        );
        assert_eq!(fixes(&[("tag.ts", &inline)]), vec!["missing-fixture-category guess: , invalid: {}, edgeCases: {}"]);
    }
}
