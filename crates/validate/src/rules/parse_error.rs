//! `parse-error`: a TypeScript syntax error in an analysed file.

use crate::diagnostic::{Finding, Severity};
use crate::rules::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::ParseError,
    default_severity: Severity::Error,
    what: "A TypeScript syntax error in an analysed file (reported by the oxc parser).",
    why: "A file that does not parse cannot be checked; every other finding in it would be a guess.",
    example: "export const tag: Prisma.tagCreateInput = { tag: \"a\" ;",
};

pub fn finding(start: u32, end: u32, message: &str, help: Option<&str>) -> Finding {
    let f = Finding::at(Code::ParseError, start, end, message.to_string());
    match help {
        Some(h) => f.help(h.to_string()),
        None => f,
    }
}
