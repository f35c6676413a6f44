//! `unresolved-import`: A relative import that resolves to no file (`.js` specifiers map to `.ts`), or that names an export the target file lacks.
//!
//! Fix (the closest export name): a suggestion, never `safe`: a different name is a different
//! binding at run time.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::UnresolvedImport,
    default_severity: Severity::Error,
    what: "A relative import that resolves to no file (`.js` specifiers map to `.ts`), or that names an export the target file lacks.",
    why: "A stale import breaks every test that loads the fixture module.",
    example: "import { userFixtures } from \"./usrFixtures.js\";",
    fix: "Suggestion: the closest export name. Never safe: another name is another binding at run time.",
};

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        let src = "import { EnhancedDatabaseFactory, type DbTestFixtures } from \"./base.js\";\nimport { x } from \"some-package\";\nexport { EnhancedDatabaseFactory as Base } from \"./base\";\n";
        assert!(run_code("unresolved-import", &[("a.ts", src)]).is_empty());
    }

    #[test]
    fn fail_at_the_specifier_or_the_name() {
        let src = "import { EnhancedDatabaseFactory } from \"./nowhere.js\";\nimport { EnhancedDbFactory } from \"./base.js\";\n";
        assert_eq!(run_code("unresolved-import", &[("a.ts", src)]), vec![find(src, "\"./nowhere.js\""), find(src, "EnhancedDbFactory")]);
    }

    /// Files generated outside the tree, which tsc finds through settings not modelled here:
    /// `prisma-client-js`'s default output and SvelteKit's route types.
    #[test]
    fn generated_elsewhere_is_not_unresolved() {
        let src = "import { PrismaClient } from \"../node_modules/.prisma/client\";\nimport type { PageServerLoad } from \"./$types\";\nimport { gone } from \"./$typo.js\";\n";
        assert_eq!(run_code("unresolved-import", &[("a.ts", src)]), vec![find(src, "\"./$typo.js\"")]);
    }
}
