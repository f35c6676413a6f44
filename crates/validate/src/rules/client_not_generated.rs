//! `client-not-generated`: Imports point into a generator's `output` folder that does not exist yet; said once per run.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

use crate::diagnostic::Finding;

pub const DOC: RuleDoc = RuleDoc {
    code: Code::ClientNotGenerated,
    default_severity: Severity::Warning,
    what: "Imports point into a generator's `output` folder that does not exist yet; said once per run.",
    why: "`prisma generate` has not run: the imports are right (the schema says where the client goes), but tsc cannot check anything typed by the client until it is generated.",
    example: "generator client {\n  provider = \"prisma-client\"\n  output = \"../generated/prisma\"\n}\n// src/seed.ts\nimport { PrismaClient } from \"../generated/prisma/client\";",
    fix: "None: run `prisma generate` (the message names the generator's output folder).",
};

/// An import (`start..end`) into the generator's output folder, which does not exist (`shown`
/// as the import would say it).
pub fn report(start: u32, end: u32, shown: &str) -> Finding {
    Finding::at(Code::ClientNotGenerated, start, end, format!("The Prisma client is not generated: the schema's generator writes it to {shown}, which does not exist yet"))
        .help("run `prisma generate`; imports of the generated client are not reported as unresolved")
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    fn report_in(dir: &std::path::Path, files: &[(&str, &str)]) -> crate::Report {
        let schema = format!("{SCHEMA}\ngenerator other {{\n  provider = \"prisma-client\"\n  output   = \"../generated/prisma\"\n}}\n");
        std::fs::create_dir_all(dir.join("prisma")).unwrap();
        std::fs::create_dir_all(dir.join("src")).unwrap();
        std::fs::write(dir.join("prisma/schema.prisma"), &schema).unwrap();
        for (name, text) in files {
            std::fs::write(dir.join("src").join(name), text).unwrap();
        }
        let options = crate::Options {
            cwd: dir.to_path_buf(),
            schema: Some(crate::SchemaOption::Path(dir.join("prisma/schema.prisma"))),
            factories: vec!["src".into()],
            ..Default::default()
        };
        crate::validate(&options).expect("the run completes")
    }

    fn run_in(dir: &std::path::Path, files: &[(&str, &str)]) -> Vec<String> {
        report_in(dir, files).diagnostics.iter().filter(|d| d.file.ends_with(".ts")).map(|d| format!("{} {} {}:{}", d.code, d.severity.as_str(), d.file.rsplit('/').next().unwrap_or(""), d.line)).collect()
    }

    /// The folder is named as the import names it (relative to the importing file), never by a
    /// path of the machine that ran the check.
    #[test]
    fn the_message_names_the_folder_relative_to_the_importing_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = "import { PrismaClient } from \"../generated/prisma/client\";\nexport const p = new PrismaClient();\n";
        let report = report_in(dir.path(), &[("a.ts", a)]);
        let d = report.diagnostics.iter().find(|d| d.code == crate::Code::ClientNotGenerated).expect("the warning");
        assert!(d.message.contains("writes it to ../generated/prisma, which does not exist yet"), "{}", d.message);
        assert!(!d.message.contains(&dir.path().display().to_string()), "{}", d.message);
    }

    #[test]
    fn once_as_a_warning_and_no_unresolved_import() {
        let dir = tempfile::tempdir().unwrap();
        let a = "import { PrismaClient } from \"../generated/prisma/client\";\nexport const p = new PrismaClient();\n";
        let b = "import type { Prisma } from \"../generated/prisma/client.js\";\nimport { x } from \"./missing.js\";\nexport type T = Prisma.tagCreateInput;\n";
        assert_eq!(run_in(dir.path(), &[("a.ts", a), ("b.ts", b)]), vec!["client-not-generated warning a.ts:1", "unresolved-import error b.ts:2"]);
        // Generated: nothing to say.
        std::fs::create_dir_all(dir.path().join("generated/prisma")).unwrap();
        assert_eq!(run_in(dir.path(), &[("a.ts", a), ("b.ts", b)]), vec!["unresolved-import error b.ts:2"]);
    }
}
