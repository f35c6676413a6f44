//! napi bindings for fixture-validate (see crates/validate): options in, reports out and back
//! through `serde_js`. The report structs here only declare the TypeScript shapes of the core's
//! serde output (`fixture_validate::Report`); nothing copies a report field by field.

use std::collections::BTreeMap;

use fixture_validate::report::{Format, render};
use fixture_validate::{FixtureCategories as CoreCategories, Options, Report, RuleLevel, SchemaOption, Severity};
use napi::bindgen_prelude::{Either, JsObjectValue, JsValue, Object, Unknown};
use napi::{Env, ValueType};

use crate::ids::type_name;
use crate::js_args::{SchemaSource, absent_or, cwd_or_process, describe, is_object, is_text, is_texts, property, schema_mismatch, type_error};
use crate::serde_js;

/// The diagnostic codes, each documented by `diagnosticRules()` (a test holds the two equal).
#[napi(string_enum)]
pub enum DiagnosticCode {
    #[napi(value = "parse-error")]
    ParseError,
    #[napi(value = "schema-error")]
    SchemaError,
    #[napi(value = "missing-factory")]
    MissingFactory,
    #[napi(value = "unknown-model")]
    UnknownModel,
    #[napi(value = "unknown-prisma-type")]
    UnknownPrismaType,
    #[napi(value = "type-model-mismatch")]
    TypeModelMismatch,
    #[napi(value = "unknown-delegate")]
    UnknownDelegate,
    #[napi(value = "delegate-mismatch")]
    DelegateMismatch,
    #[napi(value = "missing-abstract-method")]
    MissingAbstractMethod,
    #[napi(value = "missing-fixture-category")]
    MissingFixtureCategory,
    #[napi(value = "missing-required-field")]
    MissingRequiredField,
    #[napi(value = "unknown-field")]
    UnknownField,
    #[napi(value = "mixed-relation-input")]
    MixedRelationInput,
    #[napi(value = "field-type-mismatch")]
    FieldTypeMismatch,
    #[napi(value = "invalid-enum-value")]
    InvalidEnumValue,
    #[napi(value = "bigint-literal-target")]
    BigintLiteralTarget,
    #[napi(value = "unresolved-import")]
    UnresolvedImport,
    #[napi(value = "import-cycle")]
    ImportCycle,
    #[napi(value = "invalid-fixture-accepted")]
    InvalidFixtureAccepted,
    #[napi(value = "value-exceeds-column")]
    ValueExceedsColumn,
    #[napi(value = "client-not-generated")]
    ClientNotGenerated,
    #[napi(value = "verify-failed")]
    VerifyFailed,
}

/// Which members of the object `getFixtures()` returns hold create inputs, update inputs or
/// nothing to check. Defaults: create `minimal`, `complete`; collections of creates `edgeCases`,
/// `variants`; collections of updates `updates`, `update`; ignored `invalid`; required (when the
/// fixtures interface is not among the analysed files) `minimal`, `complete`, `invalid`, `edgeCases`.
#[napi(object)]
#[derive(Default)]
pub struct FixtureCategories {
    pub create: Option<Vec<String>>,
    pub create_collections: Option<Vec<String>>,
    pub update_collections: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub required: Option<Vec<String>>,
}

#[napi(object)]
#[derive(Default)]
pub struct ValidateOptions {
    /// A `.prisma` file or folder, or `{ source }` (default: from the config, else found as Prisma does).
    pub schema: Option<Either<String, SchemaSource>>,
    /// A folder, file or glob, or several (default: from the config, else the folder holding the base class).
    pub factories: Option<Either<String, Vec<String>>>,
    /// The class factories extend (default `"EnhancedDatabaseFactory"`).
    pub base_class: Option<String>,
    /// The tsconfig whose `target` decides `bigint-literal-target` (default: the nearest `tsconfig.json`, following `extends`).
    pub tsconfig: Option<String>,
    /// Severity per diagnostic code.
    #[napi(ts_type = "Partial<Record<DiagnosticCode, 'error' | 'warning' | 'off'>>")]
    pub rules: Option<BTreeMap<String, String>>,
    pub fixture_categories: Option<FixtureCategories>,
    /// A `fixture-native.config.json` (default: found from `cwd` upwards, or `package.json` `"fixtureNative"`).
    pub config: Option<String>,
    /// Where relative paths and config discovery start (default: `process.cwd()`).
    pub cwd: Option<String>,
}

/// One finding. Lines and columns are 1-based (columns in UTF-16 units); `end*` is exclusive.
#[napi(object, object_from_js = false, object_to_js = false)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is the core's serde output
pub struct Diagnostic {
    #[napi(ts_type = "DiagnosticCode")]
    pub code: String,
    #[napi(ts_type = "'error' | 'warning'")]
    pub severity: String,
    /// Absolute path.
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub message: String,
    /// Replacement text for the span.
    pub suggestion: Option<String>,
    pub help: Option<String>,
    /// The fix as edits; `applyFixes(report)` applies the `safe` ones.
    pub fix: Option<DiagnosticFix>,
}

/// A fix as data: `safe` when it is the one right correction (what `applyFixes` and
/// `validate --fix` apply).
#[napi(object, object_from_js = false, object_to_js = false)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is the core's serde output
pub struct DiagnosticFix {
    pub safe: bool,
    /// Non-overlapping, in text order.
    pub edits: Vec<FixEdit>,
}

/// Replace `byteStart..byteEnd` (UTF-8 offsets into the file) with `text`; the same span as
/// 1-based lines and UTF-16 columns (end exclusive).
#[napi(object, object_from_js = false, object_to_js = false)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is the core's serde output
pub struct FixEdit {
    pub byte_start: u32,
    pub byte_end: u32,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub text: String,
}

#[napi(object, object_from_js = false, object_to_js = false)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is the core's serde output
pub struct ValidationSchemaSummary {
    pub path: String,
    pub models: u32,
}

#[napi(object, object_from_js = false, object_to_js = false)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is the core's serde output
pub struct ValidationCoverage {
    /// Models in the schema (views excluded).
    pub total: u32,
    pub covered: u32,
    /// Models without a factory.
    pub missing: Vec<String>,
    /// Model names used by factories that the schema does not have.
    pub extra: Vec<String>,
}

#[napi(object, object_from_js = false, object_to_js = false)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is the core's serde output
pub struct FactoryInfo {
    pub file: String,
    pub class_name: String,
    /// The model it covers; `null` when `super("…")` names no model.
    pub model: Option<String>,
    pub line: u32,
}

#[napi(object, object_from_js = false, object_to_js = false)]
#[allow(dead_code)] // declares the TypeScript shape only: the value is the core's serde output
pub struct ValidationReport {
    /// `false` iff an error-severity diagnostic exists.
    pub ok: bool,
    pub duration_ms: f64,
    pub schema: ValidationSchemaSummary,
    pub coverage: ValidationCoverage,
    pub factories: Vec<FactoryInfo>,
    /// Sorted by file, line, column.
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were analysed.
    pub files: u32,
}

/// The documentation of one diagnostic code.
#[napi(object)]
pub struct DiagnosticRule {
    #[napi(ts_type = "DiagnosticCode")]
    pub code: String,
    #[napi(ts_type = "'error' | 'warning'")]
    pub default_severity: String,
    /// What it finds.
    pub what: String,
    /// Why it matters.
    pub why: String,
    /// A snippet that triggers it.
    pub example: String,
    /// The fix the diagnostic carries and its tier (`safe`: applied by `--fix`, never changes what
    /// the program does at run time; a suggestion: shown, not applied), or what to do.
    pub fix: String,
}

/// Every diagnostic code, with its documentation: those `validateFactories` reports, and `verify-failed` (reported by `verifyFactories` against a database).
#[napi(catch_unwind)]
pub fn diagnostic_rules() -> Vec<DiagnosticRule> {
    fixture_validate::Code::ALL
        .iter()
        .map(|c| {
            let doc = c.doc();
            DiagnosticRule {
                code: c.as_str().to_string(),
                default_severity: doc.default_severity.as_str().to_string(),
                what: doc.what.to_string(),
                why: doc.why.to_string(),
                example: doc.example.to_string(),
                fix: doc.fix.to_string(),
            }
        })
        .collect()
}

pub(crate) fn convert_options(options: Option<ValidateOptions>) -> napi::Result<Options> {
    let options = options.unwrap_or_default();
    let cwd = cwd_or_process(options.cwd)?;
    let mut rules = BTreeMap::new();
    for (code, level) in options.rules.unwrap_or_default() {
        let parsed = RuleLevel::parse(&level)
            .ok_or_else(|| napi::Error::from_reason(format!("rules[\"{code}\"]: \"{level}\" is not one of \"error\", \"warning\", \"off\"")))?;
        rules.insert(code, parsed);
    }
    let defaults = CoreCategories::default();
    let categories = options.fixture_categories.map(|c| CoreCategories {
        create: c.create.unwrap_or(defaults.create.clone()),
        create_collections: c.create_collections.unwrap_or(defaults.create_collections.clone()),
        update_collections: c.update_collections.unwrap_or(defaults.update_collections.clone()),
        ignore: c.ignore.unwrap_or(defaults.ignore.clone()),
        required: c.required.unwrap_or(defaults.required.clone()),
    });
    Ok(Options {
        schema: options.schema.map(|s| match s {
            Either::A(path) => SchemaOption::Path(cwd.join(path)),
            Either::B(src) => SchemaOption::Source(src.source),
        }),
        factories: match options.factories {
            Some(Either::A(one)) => vec![one],
            Some(Either::B(many)) => many,
            None => Vec::new(),
        },
        base_class: options.base_class,
        tsconfig: options.tsconfig.map(|t| cwd.join(t)),
        rules,
        fixture_categories: categories,
        config: options.config.map(|c| cwd.join(c)),
        cwd,
    })
}

/// Checks fixture factories and typed fixture modules against the Prisma schema, statically
/// (TypeScript is parsed, never run). Throws on bad options or unreadable input; problems in the
/// code are `diagnostics`.
#[napi(catch_unwind, ts_args_type = "options?: ValidateOptions | undefined | null", ts_return_type = "ValidationReport")]
pub fn validate_factories<'env>(env: &'env Env, options: Option<Unknown>) -> napi::Result<Unknown<'env>> {
    let options = options_from_js(options).map_err(|message| type_error(env, message))?;
    let options = convert_options(options)?;
    let report = fixture_validate::validate(&options).map_err(|e| napi::Error::from_reason(e.message))?;
    serde_js::to_js(env, &report)
}

#[napi(object)]
#[derive(Default)]
pub struct FormatReportOptions {
    /// As `fixture-native validate --format` (default `"pretty"`).
    #[napi(ts_type = "'pretty' | 'json' | 'sarif' | 'junit' | 'github'")]
    pub format: Option<String>,
    /// Paths are shown relative to this folder (default: `process.cwd()`).
    pub cwd: Option<String>,
    /// Errors only, as `--quiet`.
    pub quiet: Option<bool>,
}

/// Renders a report of `validateFactories` as `fixture-native validate --format …` prints it
/// (pretty: tsc's layout with code frames; the others for tools). Used by the Jest and Vitest gates.
#[napi(catch_unwind, ts_args_type = "report: ValidationReport, options?: FormatReportOptions | undefined | null")]
pub fn format_validation_report(env: &Env, report: Unknown, options: Option<FormatReportOptions>) -> napi::Result<String> {
    let options = options.unwrap_or_default();
    let format_name = options.format.unwrap_or_else(|| "pretty".into());
    let format = Format::parse(&format_name).ok_or_else(|| napi::Error::from_reason(format!("format: \"{format_name}\" is not one of {}", Format::names_quoted())))?;
    let cwd = cwd_or_process(options.cwd)?;
    let quiet = options.quiet.unwrap_or(false);
    let mut report: Report = serde_js::from_js(env, "formatValidationReport: report", report)?;
    if quiet {
        // As `--quiet`: every format reports errors only.
        report.diagnostics.retain(|d| d.severity == Severity::Error);
    }
    Ok(render(&report, format, &cwd, quiet))
}

/// What each option must be, for the `TypeError` a wrong JS type gets.
enum Expected {
    Text,
    TextOrTexts,
    Schema,
    LevelRecord,
    Categories,
}

const OPTION_TYPES: [(&str, Expected, &str); 8] = [
    ("schema", Expected::Schema, "a path (string) or { source: string, fileName?: string }"),
    ("factories", Expected::TextOrTexts, "a folder, file or glob (string) or an array of them"),
    ("baseClass", Expected::Text, "a class name (string)"),
    ("tsconfig", Expected::Text, "a path (string)"),
    ("rules", Expected::LevelRecord, "an object mapping codes to 'error' | 'warning' | 'off'"),
    ("fixtureCategories", Expected::Categories, "an object of string arrays (create, createCollections, updateCollections, ignore, required)"),
    ("config", Expected::Text, "a path (string)"),
    ("cwd", Expected::Text, "a folder path (string)"),
];

/// `validateFactories`' options with their JS types checked first, so that a wrong type is a
/// `TypeError` naming the option and what it takes, not napi's generic conversion message.
pub(crate) fn options_from_js(options: Option<Unknown>) -> Result<Option<ValidateOptions>, String> {
    let Some(value) = options.filter(|v| !matches!(v.get_type(), Ok(ValueType::Undefined | ValueType::Null))) else {
        return Ok(None);
    };
    if value.get_type().ok() != Some(ValueType::Object) || value.is_array().unwrap_or(false) {
        return Err(format!("validateFactories: options must be an object such as {{ schema, factories }}; got {}", describe(&value)));
    }
    // SAFETY: the value was just checked to be an object.
    let object = unsafe { value.cast::<Object>() }.map_err(|e| e.reason)?;
    for (name, expected, what) in OPTION_TYPES {
        let field: Unknown = object.get_named_property(name).map_err(|e| e.reason)?;
        let wrong = |got: String| format!("validateFactories: options.{name} must be {what}; got {got}");
        match field.get_type() {
            Ok(ValueType::Undefined) => continue,
            Ok(ValueType::Null) => return Err(format!("{} (leave it out to use the default)", wrong("null".into()))),
            _ => {}
        }
        let fits = match expected {
            Expected::Text => is_text(&field),
            Expected::TextOrTexts => is_text(&field) || is_texts(&field),
            Expected::Schema => schema_mismatch(&field).is_none(),
            Expected::LevelRecord => is_object(&field) && {
                // SAFETY: checked to be an object.
                let record = unsafe { field.cast::<Object>() }.map_err(|e| e.reason)?;
                let keys = record.get_property_names().map_err(|e| e.reason)?;
                let count = keys.get_array_length().map_err(|e| e.reason)?;
                for i in 0..count {
                    let key: String = keys.get_element(i).map_err(|e| e.reason)?;
                    let level: Unknown = record.get_named_property(&key).map_err(|e| e.reason)?;
                    if !is_text(&level) {
                        return Err(format!("validateFactories: options.rules[\"{key}\"] must be 'error', 'warning' or 'off'; got {}", type_name(&level)));
                    }
                }
                true
            },
            Expected::Categories => is_object(&field) && {
                for category in ["create", "createCollections", "updateCollections", "ignore", "required"] {
                    let list = property(&field, category)?;
                    if !absent_or(&list, is_texts) {
                        return Err(format!("validateFactories: options.fixtureCategories.{category} must be an array of strings; got {}", type_name(&list)));
                    }
                }
                true
            },
        };
        if !fits {
            return Err(wrong(describe(&field)));
        }
    }
    // SAFETY: the value is an object whose fields were checked above.
    unsafe { value.cast::<ValidateOptions>() }.map(Some).map_err(|e| format!("validateFactories: {}", e.reason))
}

