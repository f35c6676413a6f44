//! `parse-error`: a TypeScript syntax error in an analysed file.

use crate::code::Severity;
use crate::diagnostic::Finding;
use crate::code::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::ParseError,
    default_severity: Severity::Error,
    what: "A TypeScript syntax error in an analysed file (reported by the oxc parser), or a file that cannot be read (not UTF-8, no permission, a dangling symlink, a symlink loop) or is over the size or nesting limits.",
    why: "A file that does not parse cannot be checked; every other finding in it would be a guess.",
    example: "export const tag: Prisma.tagCreateInput = { tag: \"a\" ;",
    fix: "None: fix the syntax (or the file's encoding or permissions) at the location given.",
};

pub fn finding(start: u32, end: u32, message: &str, help: Option<&str>) -> Finding {
    let f = Finding::at(Code::ParseError, start, end, message.to_string());
    match help {
        Some(h) => f.help(h.to_string()),
        None => f,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        assert!(run_code(Code::ParseError, &[("a.ts", "export const a = { b: 1, c: 2 };\n")]).is_empty());
    }

    #[test]
    fn fail_reports_the_first_syntax_error_only() {
        let src = "export const a = {\n    b: 1\n    c: 2,\n};\nconst x: Prisma.NoSuch = 1;\n";
        let got = run(&[("a.ts", src)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].starts_with("parse-error 3:"), "{got:?}");
    }
}
