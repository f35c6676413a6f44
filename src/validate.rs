//! napi bindings for fixture-validate (see crates/validate): option and report conversion only.

use std::collections::BTreeMap;

use fixture_validate::{FixtureCategories as CoreCategories, Options, RuleLevel, SchemaOption};
use napi::bindgen_prelude::{Either, JsObjectValue, JsValue, Object, Unknown};
use napi::{Env, ValueType};

use crate::ids::type_name;
use crate::js_args::{absent_or, describe, is_object, is_text, is_texts, property, schema_mismatch, type_error};

use crate::schema::SchemaSource;

/// Which members of the object `getFixtures()` returns hold create inputs, update inputs or
/// nothing to check. Defaults: create `minimal`, `complete`; collections of creates `edgeCases`,
/// `variants`; collections of updates `updates`, `update`; ignored `invalid`; required (when the
/// fixtures interface is not among the analysed files) `minimal`, `complete`, `invalid`, `edgeCases`.
#[napi(object)]
pub struct FixtureCategories {
    pub create: Option<Vec<String>>,
    pub create_collections: Option<Vec<String>>,
    pub update_collections: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub required: Option<Vec<String>>,
}

#[napi(object)]
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
    #[napi(ts_type = "Partial<Record<'parse-error' | 'schema-error' | 'missing-factory' | 'unknown-model' | 'unknown-prisma-type' | 'type-model-mismatch' | 'unknown-delegate' | 'delegate-mismatch' | 'missing-abstract-method' | 'missing-fixture-category' | 'missing-required-field' | 'unknown-field' | 'mixed-relation-input' | 'field-type-mismatch' | 'invalid-enum-value' | 'bigint-literal-target' | 'unresolved-import' | 'import-cycle' | 'invalid-fixture-accepted' | 'value-exceeds-column' | 'client-not-generated' | 'verify-failed', 'error' | 'warning' | 'off'>>")]
    pub rules: Option<BTreeMap<String, String>>,
    pub fixture_categories: Option<FixtureCategories>,
    /// A `fixture-native.config.json` (default: found from `cwd` upwards, or `package.json` `"fixtureNative"`).
    pub config: Option<String>,
    /// Where relative paths and config discovery start (default: `process.cwd()`).
    pub cwd: Option<String>,
}

/// One finding. Lines and columns are 1-based (columns in UTF-16 units); `end*` is exclusive.
#[napi(object)]
pub struct Diagnostic {
    #[napi(ts_type = "'parse-error' | 'schema-error' | 'missing-factory' | 'unknown-model' | 'unknown-prisma-type' | 'type-model-mismatch' | 'unknown-delegate' | 'delegate-mismatch' | 'missing-abstract-method' | 'missing-fixture-category' | 'missing-required-field' | 'unknown-field' | 'mixed-relation-input' | 'field-type-mismatch' | 'invalid-enum-value' | 'bigint-literal-target' | 'unresolved-import' | 'import-cycle' | 'invalid-fixture-accepted' | 'value-exceeds-column' | 'client-not-generated' | 'verify-failed'")]
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
    pub fix: Option<crate::maintain::DiagnosticFix>,
}

#[napi(object)]
pub struct ValidationSchemaSummary {
    pub path: String,
    pub models: u32,
}

#[napi(object)]
pub struct ValidationCoverage {
    /// Models in the schema (views excluded).
    pub total: u32,
    pub covered: u32,
    /// Models without a factory.
    pub missing: Vec<String>,
    /// Model names used by factories that the schema does not have.
    pub extra: Vec<String>,
}

#[napi(object)]
pub struct FactoryInfo {
    pub file: String,
    pub class_name: String,
    /// The model it covers; `null` when `super("…")` names no model.
    pub model: Option<String>,
    pub line: u32,
}

#[napi(object)]
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
    #[napi(ts_type = "'parse-error' | 'schema-error' | 'missing-factory' | 'unknown-model' | 'unknown-prisma-type' | 'type-model-mismatch' | 'unknown-delegate' | 'delegate-mismatch' | 'missing-abstract-method' | 'missing-fixture-category' | 'missing-required-field' | 'unknown-field' | 'mixed-relation-input' | 'field-type-mismatch' | 'invalid-enum-value' | 'bigint-literal-target' | 'unresolved-import' | 'import-cycle' | 'invalid-fixture-accepted' | 'value-exceeds-column' | 'client-not-generated' | 'verify-failed'")]
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
    let options = options.unwrap_or(ValidateOptions {
        schema: None,
        factories: None,
        base_class: None,
        tsconfig: None,
        rules: None,
        fixture_categories: None,
        config: None,
        cwd: None,
    });
    let cwd = match options.cwd {
        Some(c) => std::path::PathBuf::from(c),
        None => std::env::current_dir().map_err(|e| napi::Error::from_reason(format!("cannot read the working directory: {e}")))?,
    };
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
#[napi(catch_unwind, ts_args_type = "options?: ValidateOptions | undefined | null")]
pub fn validate_factories(env: Env, options: Option<Unknown>) -> napi::Result<ValidationReport> {
    let options = options_from_js(options).map_err(|message| type_error(&env, message))?;
    let options = convert_options(options)?;
    let report = fixture_validate::validate(&options).map_err(|e| napi::Error::from_reason(e.message))?;
    Ok(js_report(report))
}

/// The core's report as JS sees it (also the session's and the watch's, src/session.rs).
pub(crate) fn js_report(report: fixture_validate::Report) -> ValidationReport {
    ValidationReport {
        ok: report.ok,
        duration_ms: report.duration_ms,
        schema: ValidationSchemaSummary { path: report.schema.path, models: report.schema.models as u32 },
        coverage: ValidationCoverage {
            total: report.coverage.total as u32,
            covered: report.coverage.covered as u32,
            missing: report.coverage.missing,
            extra: report.coverage.extra,
        },
        factories: report
            .factories
            .into_iter()
            .map(|f| FactoryInfo { file: f.file, class_name: f.class_name, model: f.model, line: f.line })
            .collect(),
        diagnostics: report
            .diagnostics
            .into_iter()
            .map(|d| Diagnostic {
                code: d.code.as_str().to_string(),
                severity: d.severity.as_str().to_string(),
                file: d.file,
                line: d.line,
                column: d.column,
                end_line: d.end_line,
                end_column: d.end_column,
                message: d.message,
                suggestion: d.suggestion,
                help: d.help,
                fix: d.fix.map(crate::maintain::DiagnosticFix::from),
            })
            .collect(),
        files: report.files as u32,
    }
}

#[napi(object)]
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
#[napi(catch_unwind)]
pub fn format_validation_report(report: ValidationReport, options: Option<FormatReportOptions>) -> napi::Result<String> {
    let (format, cwd, quiet) = match options {
        Some(o) => (o.format, o.cwd, o.quiet.unwrap_or(false)),
        None => (None, None, false),
    };
    let format_name = format.unwrap_or_else(|| "pretty".into());
    let format = fixture_cli::validate::Format::parse(&format_name)
        .ok_or_else(|| napi::Error::from_reason(format!("format: \"{format_name}\" is not one of \"pretty\", \"json\", \"sarif\", \"junit\", \"github\"")))?;
    let cwd = match cwd {
        Some(c) => std::path::PathBuf::from(c),
        None => std::env::current_dir().map_err(|e| napi::Error::from_reason(format!("cannot read the working directory: {e}")))?,
    };
    let mut core = core_report(report)?;
    if quiet {
        // As `--quiet`: every format reports errors only.
        core.diagnostics.retain(|d| d.severity == fixture_validate::Severity::Error);
    }
    Ok(fixture_cli::validate::render(&core, format, &cwd, quiet))
}

/// The napi report back into the core's, so the core's reporters render it.
fn core_report(report: ValidationReport) -> napi::Result<fixture_validate::Report> {
    let diagnostics = report.diagnostics.iter().map(crate::maintain::core_diagnostic).collect::<napi::Result<Vec<_>>>()?;
    Ok(fixture_validate::Report {
        ok: report.ok,
        duration_ms: report.duration_ms,
        schema: fixture_validate::SchemaSummary { path: report.schema.path, models: report.schema.models as usize },
        coverage: fixture_validate::Coverage {
            total: report.coverage.total as usize,
            covered: report.coverage.covered as usize,
            missing: report.coverage.missing,
            extra: report.coverage.extra,
        },
        factories: report
            .factories
            .into_iter()
            .map(|f| fixture_validate::FactoryEntry { file: f.file, class_name: f.class_name, model: f.model, line: f.line, offset: 0, named: None })
            .collect(),
        diagnostics,
        files: report.files as usize,
    })
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

