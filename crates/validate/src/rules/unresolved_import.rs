//! `unresolved-import`: A relative import that resolves to no file (`.js` specifiers map to `.ts`), or that names an export the target file lacks.

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::UnresolvedImport,
    default_severity: Severity::Error,
    what: "A relative import that resolves to no file (`.js` specifiers map to `.ts`), or that names an export the target file lacks.",
    why: "A stale import breaks every test that loads the fixture module.",
    example: "import { userFixtures } from \"./usrFixtures.js\";",
};
