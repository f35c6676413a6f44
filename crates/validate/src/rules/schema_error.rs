//! `schema-error`: the Prisma schema is invalid.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

use crate::diagnostic::Diagnostic;

pub const DOC: RuleDoc = RuleDoc {
    code: Code::SchemaError,
    default_severity: Severity::Error,
    what: "The Prisma schema is invalid; the diagnostic carries Prisma's message and location.",
    why: "Without a valid schema there are no models to check the factories against.",
    example: "model tag {\n  id BigInt @id\n  tag Strin\n}",
    fix: "None: Prisma's message says what to change in the schema.",
};

/// One error of the schema, as Prisma reports it (warnings are not the validator's to say).
pub fn report(d: &fixture_schema::SchemaDiagnostic) -> Diagnostic {
    Diagnostic {
        code: Code::SchemaError,
        severity: Severity::Error,
        file: d.file.clone(),
        line: d.line,
        column: d.column,
        end_line: d.end_line,
        end_column: d.end_column,
        message: d.message.clone(),
        suggestion: None,
        help: Some("fix the schema first (`prisma validate` reports the same); factories are not checked against an invalid schema".into()),
        fix: None,
    }
}

#[cfg(test)]
mod tests {
    use crate::{Options, SchemaOption, validate};

    #[test]
    fn an_invalid_schema_is_one_error_at_prismas_location_and_nothing_else() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let schema = "datasource db {\n  provider = \"postgresql\"\n}\nmodel a {\n  id Int @id\n  b Strin\n}\n";
        let options = Options { cwd: dir.clone(), schema: Some(SchemaOption::Source(schema.into())), factories: vec![dir.display().to_string()], ..Default::default() };
        let r = validate(&options).unwrap();
        let got: Vec<(&str, u32)> = r.diagnostics.iter().map(|d| (d.code.as_str(), d.line)).collect();
        assert_eq!(got, vec![("schema-error", 6)]);
        assert!(!r.ok);
    }
}
