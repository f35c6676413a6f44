//! One module per diagnostic code (oxc and Ruff style). A rule's file holds its documentation
//! (`DOC`: what it finds, why it matters, an example, the fix and its tier; docs/codes.md is
//! generated from it), its verdict and wording (functions the traversal calls with the checker
//! where it walks the construct: message, help, suggestion, fix edits, `safe` or not), and its
//! tests (`run_code`, `expect_fix` from `testing.rs`, by `Code`). Where to look stays with the
//! traversal (checker.rs, fixtures/, factory.rs, imports.rs): one pass yields many rules.
//!
//! Adding a rule, in five lines:
//! 1. `NewRule "new-rule" new_rule,` in `with_codes!` (code.rs): the enum, its name, `Code::ALL`;
//! 2. `pub mod new_rule;` below, and `rules/new_rule.rs` with its `DOC` (the compiler asks for both);
//! 3. there, `pub(crate) fn report(c: &mut Checker<'_>, …)` that words the finding and `c.push`es it;
//! 4. a call `rules::new_rule::report(self, …)` in the traversal, where the construct is walked;
//! 5. tests beside it (`run_code(Code::NewRule, …)` passing and failing, `expect_fix` for a fix), then `node scripts/codes-doc.mjs`.

pub use crate::code::{Code, RuleDoc};

// One module per code: `rule_modules` below fails to compile when a code has none.
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

/// The rule modules and each code's docs, from the one list in `code.rs`.
macro_rules! rule_modules {
    ($($variant:ident $name:literal $module:ident,)*) => {
        // An inherent impl beside the rule modules: `code.rs` stays a leaf that names no rule.
        impl Code {
            pub fn doc(self) -> &'static RuleDoc {
                match self {
                    $(Code::$variant => &$module::DOC,)*
                }
            }
        }
    };
}
crate::code::with_codes!(rule_modules);

impl Code {
    pub fn default_severity(self) -> crate::code::Severity {
        self.doc().default_severity
    }
}

#[cfg(test)]
pub mod testing;

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
