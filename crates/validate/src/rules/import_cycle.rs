//! `import-cycle`: A cycle among the imports of the analysed files.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

use crate::diagnostic::Finding;

pub const DOC: RuleDoc = RuleDoc {
    code: Code::ImportCycle,
    default_severity: Severity::Warning,
    what: "A cycle among the imports of the analysed files.",
    why: "Cycles make module initialisation order-dependent: a fixture can be read before it is defined.",
    example: "// a.ts: import { b } from \"./b.js\";  b.ts: import { a } from \"./a.js\";",
    fix: "None: break the cycle (move what both files need into a third).",
};

/// A cycle of imports, at the import (`start..end`) that starts it; `files` names the files in order.
pub fn report(start: u32, end: u32, files: &[String]) -> Finding {
    Finding::at(Code::ImportCycle, start, end, format!("Import cycle: {}", files.join(" -> ")))
        .help("move what both files need into a third module, or make one side an `import type`")
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass_type_only_edges_do_not_count() {
        let a = "import type { B } from \"./b.js\";\nexport type A = { b?: B };\n";
        let b = "import { type A } from \"./a.js\";\nexport type B = { a?: A };\n";
        assert!(run_code(Code::ImportCycle, &[("a.ts", a), ("b.ts", b)]).is_empty());
    }

    #[test]
    fn fail_once_per_cycle_in_its_first_file() {
        let a = "import { b } from \"./b.js\";\nexport const a = () => b;\n";
        let b = "import { c } from \"./c.js\";\nexport const b = () => c;\n";
        let c = "import { a } from \"./a.js\";\nexport const c = () => a;\n";
        let got = run(&[("a.ts", a), ("b.ts", b), ("c.ts", c)]);
        assert_eq!(got, vec![format!("import-cycle {}", find(a, "\"./b.js\""))]);
    }
}
