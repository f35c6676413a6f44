//! `bigint-literal-target`: A `123n` literal while the tsconfig target is below ES2020.
//!
//! Fix (`BigInt(123)`): a suggestion, never `safe`. A literal beyond 2^53 would pass through a
//! `number` and lose digits, and `BigInt` may be shadowed: the value is not certain to stay.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

use oxc_ast::ast::BigIntLiteral;

use crate::checker::Checker;
use crate::diagnostic::{Diagnostic, Finding};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::BigintLiteralTarget,
    default_severity: Severity::Error,
    what: "A `123n` literal while the tsconfig target is below ES2020.",
    why: "tsc rejects BigInt literals below ES2020 (TS2737) and the build fails.",
    example: "const id = 123n; // with \"target\": \"ES2019\"",
    fix: "Suggestion (never applied by `--fix`): `BigInt(123)`. A literal beyond 2^53 would lose digits through a `number`, and `BigInt` may be shadowed; raising the tsconfig `target` to ES2020 or later is the real fix.",
};

/// Whether BigInt literals pass under the tsconfig found: ES2020 or later, no tsconfig, or an
/// `extends` that resolves to no file (it may hold the target: then they are not judged). No
/// target at all is tsc's default, ES5.
pub fn allowed_by(found: Option<&crate::config::TsconfigTarget>) -> bool {
    match found {
        Some(f) if f.target.is_none() && !f.unresolved_extends.is_empty() => true,
        Some(f) => f.target.as_deref().and_then(fixture_tsconfig::target_year).unwrap_or(5) >= 2020,
        None => true,
    }
}

/// Whether BigInt literals pass under a target given by name (`None`: no target to judge by).
pub fn allowed_under(target: Option<&str>) -> bool {
    target.and_then(fixture_tsconfig::target_year).is_none_or(|y| y >= 2020)
}

/// A BigInt literal under a target below ES2020 (the traversal reports it only then).
pub(crate) fn literal(c: &mut Checker<'_>, b: &BigIntLiteral<'_>) {
    c.push(
        Finding::new(Code::BigintLiteralTarget, b.span, format!("BigInt literal `{}` needs a tsconfig target of ES2020 or later", b.raw.as_deref().unwrap_or("n")))
            .help("raise `compilerOptions.target` to ES2020+, or write `BigInt(…)`")
            .suggest(format!("BigInt({})", b.raw.as_deref().unwrap_or("").trim_end_matches('n'))),
    );
}

/// A tsconfig `extends` that resolves to no file: the target may be there, so BigInt literals
/// are not judged; said once, at the `extends` line.
pub fn unresolved_extends(u: &fixture_tsconfig::UnresolvedExtends, severity: Severity) -> Diagnostic {
    Diagnostic {
        code: Code::BigintLiteralTarget,
        severity,
        file: u.file.display().to_string(),
        line: u.line,
        column: 1,
        end_line: u.line,
        end_column: 1,
        message: format!("tsconfig \"extends\": \"{}\" resolves to no file; its compiler options (the target among them) are unknown", u.specifier),
        suggestion: None,
        fix: None,
        help: Some("install the workspace packages (npm install / pnpm install) or fix the path; until then BigInt literals are checked only against a target set in the readable files".into()),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const SRC: &str = "export const a = 123n;\nexport const b = BigInt(5);\n";

    #[test]
    fn pass_from_es2020() {
        assert!(run_with_target(&[("a.ts", SRC)], Some("ES2020")).is_empty());
        assert!(run_with_target(&[("a.ts", SRC)], Some("ESNext")).is_empty());
    }

    #[test]
    fn fail_below_es2020_at_the_literal() {
        assert_eq!(run_with_target(&[("a.ts", SRC)], Some("ES2019")), vec![format!("bigint-literal-target {}", find(SRC, "123n"))]);
    }

    #[test]
    fn suggests_the_bigint_call() {
        expect_fix_target(Code::BigintLiteralTarget, &[("a.ts", SRC)], Some("ES2019"), Tier::Suggestion, &SRC.replace("123n", "BigInt(123)"));
    }
}
