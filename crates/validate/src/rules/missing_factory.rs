//! `missing-factory`: a model has no factory class.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

use fixture_schema::Model;

use crate::diagnostic::Diagnostic;

pub const DOC: RuleDoc = RuleDoc {
    code: Code::MissingFactory,
    default_severity: Severity::Warning,
    what: "A model of the schema has no factory class; located at the model in the schema.",
    why: "Tests for that model fall back to hand-written inserts that drift from the schema unnoticed.",
    example: "model reminder_list { id BigInt @id }  // and no class extends the base with this model",
    fix: "`fixture-native generate --model <name>` writes one in the project's style (or `generate --all-missing`).",
};

/// `model` has no factory: located at the model in the schema (`schema_path` line 1 when the
/// schema gave no span), the help naming the `base_class` to extend.
pub fn report(model: &Model, schema_path: &str, base_class: &str, severity: Severity) -> Diagnostic {
    let (file, line, column) = model.span.as_ref().map(|s| (s.file.clone(), s.line, s.column)).unwrap_or((schema_path.to_string(), 1, 1));
    Diagnostic {
        code: Code::MissingFactory,
        severity,
        file,
        line,
        column,
        end_line: line,
        // `model <Name>`
        end_column: column + 5 + model.name.len() as u32 + 1,
        message: format!("Model `{}` has no factory", model.name),
        suggestion: None,
        help: Some(format!("add a class extending `{base_class}` with super(\"{}\", …)", model.name)),
        fix: None,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn one_warning_per_model_without_a_factory_at_the_model() {
        let files = vec![("/t/base.ts".into(), BASE.to_string()), ("/t/tag.ts".into(), TAG_FACTORY.to_string())];
        let r = crate::validate_sources(SCHEMA, files, None, None).unwrap();
        let got: Vec<(u32, &str)> = r.diagnostics.iter().filter(|d| d.code == crate::Code::MissingFactory).map(|d| (d.line, d.severity.as_str())).collect();
        let line = |m: &str| SCHEMA.lines().position(|l| l.starts_with(&format!("model {m} "))).unwrap() as u32 + 1;
        assert_eq!(got, vec![(line("User"), "warning"), (line("tag_translation"), "warning")]);
        assert_eq!((r.coverage.covered, r.coverage.total), (1, 3));
    }

    /// A `super("…")` string that names no model (a near miss, the `@@map` table name) is its
    /// own error; the model the type arguments and delegate agree on is still covered.
    #[test]
    fn a_misnamed_super_string_still_covers_the_model_its_types_name() {
        for named in ["\"Tag\"", "\"tags\""] {
            let src = TAG_FACTORY.replace("\"tag\"", named);
            let files = vec![("/t/base.ts".into(), BASE.to_string()), ("/t/tag.ts".into(), src.clone())];
            let r = crate::validate_sources(SCHEMA, files, None, None).unwrap();
            let missing: Vec<&str> = r.diagnostics.iter().filter(|d| d.code == crate::Code::MissingFactory).map(|d| d.message.as_str()).collect();
            assert!(!missing.iter().any(|m| m.contains("`tag`")), "{named}: {missing:?}");
            assert_eq!(r.coverage.covered, 1, "{named}");
            assert_eq!(r.factories[0].model.as_deref(), Some("tag"));
            assert_eq!(run_code(Code::UnknownModel, &[("tag.ts", &src)]), vec![find(&src, named)], "{named}");
        }
    }
}
