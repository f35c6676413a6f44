//! `import-cycle`: A cycle among the imports of the analysed files.

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::ImportCycle,
    default_severity: Severity::Warning,
    what: "A cycle among the imports of the analysed files.",
    why: "Cycles make module initialisation order-dependent: a fixture can be read before it is defined.",
    example: "// a.ts: import { b } from \"./b.js\";  b.ts: import { a } from \"./a.js\";",
};
