//! The diagnostic codes, written once, and what documents one: a leaf module (it imports nothing
//! of this crate), so the diagnostics, the config and every rule can name a code without importing
//! each other. `rules/mod.rs` maps each code to its rule module's `DOC` from the same list.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use fixture_schema::Severity;

/// Calls `$then!` with the list of codes: `Variant "kebab-name" rule_module`, in report order.
/// One list feeds the enum here and the rule modules' docs in `rules/mod.rs`.
macro_rules! with_codes {
    ($then:ident) => {
        $then! {
            ParseError "parse-error" parse_error,
            SchemaError "schema-error" schema_error,
            MissingFactory "missing-factory" missing_factory,
            UnknownModel "unknown-model" unknown_model,
            UnknownPrismaType "unknown-prisma-type" unknown_prisma_type,
            TypeModelMismatch "type-model-mismatch" type_model_mismatch,
            UnknownDelegate "unknown-delegate" unknown_delegate,
            DelegateMismatch "delegate-mismatch" delegate_mismatch,
            MissingAbstractMethod "missing-abstract-method" missing_abstract_method,
            MissingFixtureCategory "missing-fixture-category" missing_fixture_category,
            MissingRequiredField "missing-required-field" missing_required_field,
            UnknownField "unknown-field" unknown_field,
            MixedRelationInput "mixed-relation-input" mixed_relation_input,
            FieldTypeMismatch "field-type-mismatch" field_type_mismatch,
            InvalidEnumValue "invalid-enum-value" invalid_enum_value,
            BigintLiteralTarget "bigint-literal-target" bigint_literal_target,
            UnresolvedImport "unresolved-import" unresolved_import,
            ImportCycle "import-cycle" import_cycle,
            InvalidFixtureAccepted "invalid-fixture-accepted" invalid_fixture_accepted,
            ValueExceedsColumn "value-exceeds-column" value_exceeds_column,
            ClientNotGenerated "client-not-generated" client_not_generated,
            // Found by `verifyFactories` against a database, never by the static analysis.
            VerifyFailed "verify-failed" verify_failed,
        }
    };
}
pub(crate) use with_codes;

macro_rules! define_code {
    ($($variant:ident $name:literal $module:ident,)*) => {
        /// The stable diagnostic codes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            pub const ALL: [Code; [$(stringify!($variant)),*].len()] = [$(Code::$variant),*];

            /// The kebab-case name users write (`unknown-field`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }
        }
    };
}

with_codes!(define_code);

impl Code {
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

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

/// From the kebab-case name, as reports are written (a report read back from JSON).
impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Code::parse(&text).ok_or_else(|| {
            let known = Code::ALL.map(Code::as_str).join(", ");
            serde::de::Error::custom(format!("\"{text}\" is not a diagnostic code (known: {known})"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_from_their_names() {
        for code in Code::ALL {
            assert_eq!(Code::parse(code.as_str()), Some(code));
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{code}\""));
            assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), code);
        }
        let err = serde_json::from_str::<Code>("\"unknown-feild\"").unwrap_err().to_string();
        assert!(err.contains("\"unknown-feild\" is not a diagnostic code"), "{err}");
    }
}
