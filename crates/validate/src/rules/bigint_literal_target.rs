//! `bigint-literal-target`: A `123n` literal while the tsconfig target is below ES2020.

use crate::diagnostic::Severity;
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::BigintLiteralTarget,
    default_severity: Severity::Error,
    what: "A `123n` literal while the tsconfig target is below ES2020.",
    why: "tsc rejects BigInt literals below ES2020 (TS2737) and the build fails.",
    example: "const id = 123n; // with \"target\": \"ES2019\"",
};
