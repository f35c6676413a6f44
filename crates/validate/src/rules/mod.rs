//! One module per diagnostic code (oxc style): each holds the code's documentation (what it
//! finds, why it matters, an example, the fix and its tier; docs/codes.md is generated from these) and the
//! constructor of its finding, with its own passing and failing snippets under `#[cfg(test)]`.
//! The traversal that decides *where* to look lives in the analysis modules.

use serde::{Serialize, Serializer};

use crate::diagnostic::Severity;

pub mod bigint_literal_target;
pub mod client_not_generated;
pub mod delegate_mismatch;
pub mod field_type_mismatch;
pub mod import_cycle;
pub mod invalid_fixture_accepted;
pub mod invalid_enum_value;
pub mod missing_abstract_method;
pub mod missing_factory;
pub mod missing_fixture_category;
pub mod missing_required_field;
pub mod mixed_relation_input;
pub mod parse_error;
pub mod schema_error;
pub mod type_model_mismatch;
pub mod unknown_delegate;
pub mod unknown_field;
pub mod unknown_model;
pub mod unknown_prisma_type;
pub mod unresolved_import;
pub mod value_exceeds_column;
pub mod verify_failed;

#[cfg(test)]
pub mod testing;

/// Documentation of one code.
pub struct RuleDoc {
    pub code: Code,
    pub default_severity: Severity,
    /// One line: what the rule finds.
    pub what: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// A failing TypeScript snippet (or schema snippet).
    pub example: &'static str,
    /// The fix the diagnostic carries and its tier (`safe`: `--fix` applies it, it never changes
    /// what the program does at run time; a suggestion: shown, not applied), or what to do.
    pub fix: &'static str,
}

/// The stable diagnostic codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    ParseError,
    SchemaError,
    MissingFactory,
    UnknownModel,
    UnknownPrismaType,
    TypeModelMismatch,
    UnknownDelegate,
    DelegateMismatch,
    MissingAbstractMethod,
    MissingFixtureCategory,
    MissingRequiredField,
    UnknownField,
    MixedRelationInput,
    FieldTypeMismatch,
    InvalidEnumValue,
    BigintLiteralTarget,
    UnresolvedImport,
    ImportCycle,
    InvalidFixtureAccepted,
    ValueExceedsColumn,

    ClientNotGenerated,
    /// Found by `verifyFactories` against a database, never by the static analysis.
    VerifyFailed,
}

impl Code {
    pub const ALL: [Code; 22] = [
        Code::ParseError,
        Code::SchemaError,
        Code::MissingFactory,
        Code::UnknownModel,
        Code::UnknownPrismaType,
        Code::TypeModelMismatch,
        Code::UnknownDelegate,
        Code::DelegateMismatch,
        Code::MissingAbstractMethod,
        Code::MissingFixtureCategory,
        Code::MissingRequiredField,
        Code::UnknownField,
        Code::MixedRelationInput,
        Code::FieldTypeMismatch,
        Code::InvalidEnumValue,
        Code::BigintLiteralTarget,
        Code::UnresolvedImport,
        Code::ImportCycle,
        Code::InvalidFixtureAccepted,
        Code::ValueExceedsColumn,

        Code::ClientNotGenerated,
        Code::VerifyFailed,
    ];

    pub fn as_str(self) -> &'static str {
        self.doc().code_name()
    }

    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == text)
    }

    pub fn default_severity(self) -> Severity {
        self.doc().default_severity
    }

    pub fn doc(self) -> &'static RuleDoc {
        match self {
            Code::ParseError => &parse_error::DOC,
            Code::SchemaError => &schema_error::DOC,
            Code::MissingFactory => &missing_factory::DOC,
            Code::UnknownModel => &unknown_model::DOC,
            Code::UnknownPrismaType => &unknown_prisma_type::DOC,
            Code::TypeModelMismatch => &type_model_mismatch::DOC,
            Code::UnknownDelegate => &unknown_delegate::DOC,
            Code::DelegateMismatch => &delegate_mismatch::DOC,
            Code::MissingAbstractMethod => &missing_abstract_method::DOC,
            Code::MissingFixtureCategory => &missing_fixture_category::DOC,
            Code::MissingRequiredField => &missing_required_field::DOC,
            Code::UnknownField => &unknown_field::DOC,
            Code::MixedRelationInput => &mixed_relation_input::DOC,
            Code::FieldTypeMismatch => &field_type_mismatch::DOC,
            Code::InvalidEnumValue => &invalid_enum_value::DOC,
            Code::BigintLiteralTarget => &bigint_literal_target::DOC,
            Code::UnresolvedImport => &unresolved_import::DOC,
            Code::ImportCycle => &import_cycle::DOC,
            Code::InvalidFixtureAccepted => &invalid_fixture_accepted::DOC,
            Code::ValueExceedsColumn => &value_exceeds_column::DOC,

            Code::ClientNotGenerated => &client_not_generated::DOC,
            Code::VerifyFailed => &verify_failed::DOC,
        }
    }
}

impl RuleDoc {
    fn code_name(&self) -> &'static str {
        match self.code {
            Code::ParseError => "parse-error",
            Code::SchemaError => "schema-error",
            Code::MissingFactory => "missing-factory",
            Code::UnknownModel => "unknown-model",
            Code::UnknownPrismaType => "unknown-prisma-type",
            Code::TypeModelMismatch => "type-model-mismatch",
            Code::UnknownDelegate => "unknown-delegate",
            Code::DelegateMismatch => "delegate-mismatch",
            Code::MissingAbstractMethod => "missing-abstract-method",
            Code::MissingFixtureCategory => "missing-fixture-category",
            Code::MissingRequiredField => "missing-required-field",
            Code::UnknownField => "unknown-field",
            Code::MixedRelationInput => "mixed-relation-input",
            Code::FieldTypeMismatch => "field-type-mismatch",
            Code::InvalidEnumValue => "invalid-enum-value",
            Code::BigintLiteralTarget => "bigint-literal-target",
            Code::UnresolvedImport => "unresolved-import",
            Code::ImportCycle => "import-cycle",
            Code::InvalidFixtureAccepted => "invalid-fixture-accepted",
            Code::ValueExceedsColumn => "value-exceeds-column",

            Code::ClientNotGenerated => "client-not-generated",
            Code::VerifyFailed => "verify-failed",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips_and_documents_itself() {
        for code in Code::ALL {
            assert_eq!(Code::parse(code.as_str()), Some(code));
            let doc = code.doc();
            assert_eq!(doc.code, code, "{code} points at another rule's doc");
            assert!(!doc.what.is_empty() && !doc.why.is_empty() && !doc.example.is_empty() && !doc.fix.is_empty(), "{code} lacks docs");
        }
    }
}
