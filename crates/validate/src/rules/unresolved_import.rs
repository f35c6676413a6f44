//! `unresolved-import`: A relative import that resolves to no file (`.js` specifiers map to `.ts`), or that names an export the target file lacks.
//!
//! Fix (the closest export name): a suggestion, never `safe`: a different name is a different
//! binding at run time.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

use crate::diagnostic::Finding;

pub const DOC: RuleDoc = RuleDoc {
    code: Code::UnresolvedImport,
    default_severity: Severity::Error,
    what: "A relative import that resolves to no file (`.js` specifiers map to `.ts`), or that names an export the target file lacks.",
    why: "A stale import breaks every test that loads the fixture module.",
    example: "import { userFixtures } from \"./usrFixtures.js\";",
    fix: "Suggestion: the closest export name. Never safe: another name is another binding at run time.",
};

/// A relative import (`start..end`) that resolves to no file.
pub fn no_such_file(start: u32, end: u32, specifier: &str) -> Finding {
    Finding::at(Code::UnresolvedImport, start, end, format!("Cannot find module '{specifier}': no such file"))
        .help("a `.js` specifier resolves to the `.ts` file beside it; check the path and the file name's case")
}

/// An imported `name` (`start..end`) that the file `specifier` names does not export; the
/// closest of its `exports` is the suggestion.
pub fn no_such_export<'e>(start: u32, end: u32, specifier: &str, name: &str, exports: impl Iterator<Item = &'e String>) -> Finding {
    let mut f = Finding::at(Code::UnresolvedImport, start, end, format!("'{specifier}' has no export named '{name}'"));
    // Letters only, case folded, 0.85: not `names::closest`, whose whole-word likeness would offer
    // the class `BookmarkDbFactory` for a missing function `createBookmarkDbFactory` (Vrooli's
    // fixtures/db/index.ts): another binding, not a misspelling of this one.
    let best = exports
        .map(|e| (strsim::jaro_winkler(&e.to_ascii_lowercase(), &name.to_ascii_lowercase()), e))
        .filter(|(s, _)| *s >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    if let Some((_, e)) = best {
        f = f.suggest(e.clone()).help(format!("did you mean '{e}'?"));
    }
    f
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        let src = "import { EnhancedDatabaseFactory, type DbTestFixtures } from \"./base.js\";\nimport { x } from \"some-package\";\nexport { EnhancedDatabaseFactory as Base } from \"./base\";\n";
        assert!(run_code(Code::UnresolvedImport, &[("a.ts", src)]).is_empty());
    }

    #[test]
    fn fail_at_the_specifier_or_the_name() {
        let src = "import { EnhancedDatabaseFactory } from \"./nowhere.js\";\nimport { EnhancedDbFactory } from \"./base.js\";\n";
        assert_eq!(run_code(Code::UnresolvedImport, &[("a.ts", src)]), vec![find(src, "\"./nowhere.js\""), find(src, "EnhancedDbFactory")]);
    }

    /// Files generated outside the tree, which tsc finds through settings not modelled here:
    /// `prisma-client-js`'s default output and SvelteKit's route types.
    #[test]
    fn generated_elsewhere_is_not_unresolved() {
        let src = "import { PrismaClient } from \"../node_modules/.prisma/client\";\nimport type { PageServerLoad } from \"./$types\";\nimport { gone } from \"./$typo.js\";\n";
        assert_eq!(run_code(Code::UnresolvedImport, &[("a.ts", src)]), vec![find(src, "\"./$typo.js\"")]);
    }

    #[test]
    fn suggests_the_closest_export() {
        let src = "import { TagDbFactroy } from \"./tag.js\";\nexport const f = TagDbFactroy;\n";
        let fixed = src.replacen("TagDbFactroy", "TagDbFactory", 1);
        expect_fix(Code::UnresolvedImport, &[("a.ts", src), ("tag.ts", TAG_FACTORY)], Tier::Suggestion, &fixed);
    }
}
