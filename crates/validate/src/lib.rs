//! Fixture factory validator: statically checks hand-written Prisma fixture factories and typed
//! fixture modules against the schema. Parses TypeScript with oxc, analyses files in parallel
//! with rayon, never executes user code. Diagnostics are data; `report/` renders them.
//!
//! Two phases: every file is parsed and summarised (classes, interfaces, imports, exports), the
//! summaries are merged into a project index, then every file is parsed again and checked with
//! the index at hand (oxc's arena ASTs cannot cross threads, and parsing is cheap).

pub mod checker;
pub mod code;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod expect;
pub mod factory;
pub mod fix_edits;
mod fix_safety;
mod names;
pub mod fixtures;
pub mod imports;
pub mod index;
pub mod literal;
pub mod report;
pub mod rules;
pub mod schema_extras;
pub mod session;
pub mod summary;
pub mod types;
pub mod walk;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use oxc_allocator::Allocator;
use oxc_parser::Parser;
use oxc_span::SourceType;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use fixture_schema::{Schema, SchemaErrorKind, SchemaInput};

pub use config::{FixtureCategories, Options, SchemaOption};
pub use diagnostic::{Diagnostic, Edit, Finding, Fix, LineIndex, RuleLevel, Severity};
pub use code::{Code, RuleDoc};
pub use factory::FactoryEntry;

/// The result of a run.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub ok: bool,
    pub duration_ms: f64,
    pub schema: SchemaSummary,
    pub coverage: Coverage,
    pub factories: Vec<FactoryEntry>,
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were analysed.
    pub files: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SchemaSummary {
    pub path: String,
    pub models: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    /// Models (views excluded) in the schema.
    pub total: usize,
    pub covered: usize,
    /// Models without a factory.
    pub missing: Vec<String>,
    /// Model names factories use that the schema does not have.
    pub extra: Vec<String>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }
    pub fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count()
    }
}

/// A run that could not happen: bad options, unreadable files (exit code 2 in the CLI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidateError {
    pub message: String,
}

impl std::fmt::Display for ValidateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ValidateError {}

impl From<String> for ValidateError {
    fn from(message: String) -> Self {
        ValidateError { message }
    }
}

fn source_type(path: &Path) -> SourceType {
    SourceType::from_path(path).unwrap_or_else(|_| SourceType::ts())
}

/// One parsed file's phase-one result.
pub(crate) struct Parsed {
    pub(crate) summary: summary::FileSummary,
    /// A syntax error: the file's only finding.
    pub(crate) parse_error: Option<Finding>,
}

pub(crate) fn parse_and_summarize(path: &Path, text: &str) -> Parsed {
    with_parsed(path, text, |parsed, _| parsed)
}

/// Parses `text` once and hands `then` the phase-one result and, when it parsed, the program
/// (the session checks an edited file from the same parse).
pub(crate) fn with_parsed<R>(path: &Path, text: &str, then: impl FnOnce(Parsed, Option<&oxc_ast::ast::Program<'_>>) -> R) -> R {
    let (depth, at) = max_nesting(text);
    if depth > MAX_NESTING {
        let parsed = Parsed {
            summary: summary::FileSummary::default(),
            parse_error: Some(rules::parse_error::finding(
                at as u32,
                at as u32 + 1,
                &format!("brackets nest {depth} levels deep here; files nesting deeper than {MAX_NESTING} levels are not analysed"),
                Some("split the expression; generated data belongs in a JSON file"),
            )),
        };
        return then(parsed, None);
    }
    let allocator = Allocator::default();
    let ret = Parser::new(&allocator, text, source_type(path)).parse();
    if ret.panicked || !ret.diagnostics.is_empty() {
        let first = ret.diagnostics.iter().next();
        let (start, end) = first
            .and_then(|d| d.labels.first())
            .map(|l| (l.offset(), l.offset().saturating_add(l.len())))
            .unwrap_or((0, 0));
        let message = first.map(|d| d.message.to_string()).unwrap_or_else(|| "the file could not be parsed".into());
        let help = first.and_then(|d| d.help.as_ref().map(|h| h.to_string()));
        let parsed = Parsed {
            summary: summary::FileSummary::default(),
            parse_error: Some(rules::parse_error::finding(start, end, &message, help.as_deref())),
        };
        return then(parsed, None);
    }
    let parsed = Parsed { summary: summary::summarize(&ret.program, &ret.module_record), parse_error: None };
    then(parsed, Some(&ret.program))
}

pub(crate) fn check_file<'c>(ctx: &'c checker::Ctx<'c>, file: usize, path: &Path, text: &'c str) -> (Vec<Finding>, Vec<FactoryEntry>) {
    let allocator = Allocator::default();
    let ret = Parser::new(&allocator, text, source_type(path)).parse();
    check_program(ctx, file, text, &ret.program)
}

/// Phase two of one parsed file.
pub(crate) fn check_program<'c>(ctx: &'c checker::Ctx<'c>, file: usize, text: &'c str, program: &oxc_ast::ast::Program<'_>) -> (Vec<Finding>, Vec<FactoryEntry>) {
    let mut c = checker::Checker::new(ctx, file, text);
    if ctx.categories.ignore.iter().any(|c| text.contains(c.as_str())) {
        c.known_ids = rules::invalid_fixture_accepted::KnownIds::of(program, text);
    }
    walk::walk_program(&mut c, program);
    c.settle_fixes();
    (c.findings, c.found_factories)
}

/// The folder holding the base class, searched under `root` (the default `factories`).
pub fn find_base_folder(root: &Path, base_class: &str) -> Option<PathBuf> {
    let files = discover::discover(&[".".to_string()], root).ok()?.files;
    let needle = format!("class {base_class}");
    files
        .par_iter()
        .find_first(|p| discover::read_source(p).is_ok_and(|t| t.contains(&needle)))
        .and_then(|p| p.parent().map(Path::to_path_buf))
}

type Files = (Vec<PathBuf>, Vec<String>, Vec<Parsed>);

/// A file that could not be read: its only finding, at the problem (or the file's start).
fn unreadable(problem: discover::Unreadable) -> Parsed {
    let finding = rules::parse_error::finding(problem.offset, problem.offset, &problem.message, Some(&problem.help));
    Parsed { summary: summary::FileSummary::default(), parse_error: Some(finding) }
}

/// Finds, reads and parses (phase one) the files to analyse. A file that cannot be read is a
/// finding on that file; only options naming nothing at all fail the run.
pub(crate) fn read_and_parse(cfg: &config::Resolved, overlay: &Overlay) -> Result<Files, ValidateError> {
    let patterns = if cfg.factories.is_empty() {
        let folder = find_base_folder(&cfg.root, &cfg.base_class).ok_or_else(|| {
            format!(
                "no factories given, and no file under {} declares `class {}`: pass the factories folder (--factories or \"factories\" in the config)",
                cfg.root.display(),
                cfg.base_class
            )
        })?;
        vec![folder.display().to_string()]
    } else {
        cfg.factories.clone()
    };
    let found = discover::discover(&patterns, &cfg.factories_base)?;
    let mut read: Vec<(PathBuf, discover::ReadResult)> =
        found.files.into_par_iter().map(|p| {
            let text = match overlay.get(&p) {
                Some(text) => Ok(text.clone()),
                None => discover::read_source(&p),
            };
            (p, text)
        })
        .collect();
    read.extend(found.unwalkable.into_iter().map(|(p, u)| (p, Err((u, String::new())))));
    read.sort_by(|a, b| a.0.cmp(&b.0));
    let analysed: Vec<(PathBuf, String, Parsed)> = read
        .into_par_iter()
        .map(|(path, result)| match result {
            Ok(text) => {
                let parsed = parse_and_summarize(&path, &text);
                (path, text, parsed)
            }
            Err((problem, text)) => (path, text, unreadable(problem)),
        })
        .collect();
    let (mut paths, mut texts, mut parsed) = (Vec::new(), Vec::new(), Vec::new());
    for (path, text, one) in analysed {
        paths.push(path);
        texts.push(text);
        parsed.push(one);
    }
    Ok((paths, texts, parsed))
}

/// The threads the analysis runs on: rayon's, with stacks large enough for deeply nested code
/// (recursive descent parsing and walking; a stack overflow would abort the Node process).
pub(crate) fn pool() -> &'static rayon::ThreadPool {
    static POOL: std::sync::OnceLock<rayon::ThreadPool> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("fixture-validate-{i}"))
            .stack_size(256 << 20)
            .build()
            .unwrap_or_else(|_| rayon::ThreadPoolBuilder::new().build().expect("a rayon thread pool"))
    })
}

/// Deeper bracket nesting than this is reported instead of parsed (far beyond real code, well
/// within the analysis threads' stacks).
const MAX_NESTING: usize = 4000;

/// The deepest `(`/`[`/`{` nesting of a text, outside strings and comments (roughly: template
/// literals count as strings).
fn max_nesting(text: &str) -> (usize, usize) {
    let b = text.as_bytes();
    let (mut depth, mut max, mut at, mut i) = (0usize, 0usize, 0usize, 0usize);
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            q @ (b'"' | b'\'' | b'`') => {
                i += 1;
                while i < b.len() && b[i] != q {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    if q != b'`' && b[i.min(b.len() - 1)] == b'\n' {
                        break;
                    }
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    max = depth;
                    at = i;
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    (max, at)
}

/// Runs the validator.
pub fn validate(options: &Options) -> Result<Report, ValidateError> {
    validate_with_overlay(options, &Overlay::new())
}

/// Texts that stand in for files on disk, by the path the run finds them at (edits not yet
/// written, such as `--fix-dry-run`'s).
pub type Overlay = std::collections::HashMap<PathBuf, String>;

/// [`validate`], reading the files in `overlay` from there instead of the disk.
pub fn validate_with_overlay(options: &Options, overlay: &Overlay) -> Result<Report, ValidateError> {
    let report = pool().install(|| validate_here(options, overlay));
    schema_extras::free_retired();
    report
}

fn validate_here(options: &Options, overlay: &Overlay) -> Result<Report, ValidateError> {
    let started = Instant::now();
    let inputs = match load_inputs(options, overlay)? {
        Loaded::Inputs(inputs) => inputs,
        Loaded::SchemaInvalid { schema_path, diagnostics } => return Ok(finish(started, schema_path, None, Vec::new(), diagnostics, 0)),
    };
    let Inputs { cfg, schema_path, loaded, paths, texts, parsed, bigint_literals_allowed, tsconfig_diagnostics } = inputs;
    let mut report = analyze(started, &cfg, schema_path, &loaded, paths, texts, parsed, bigint_literals_allowed);
    report.diagnostics.extend(tsconfig_diagnostics);
    diagnostic::sort(&mut report.diagnostics);
    Ok(report)
}

/// What a run starts from: the options resolved, the schema loaded, every file read and
/// summarised (phase one), the tsconfig judged. Shared by [`validate`] and [`session::Session`].
pub(crate) struct Inputs {
    pub(crate) cfg: config::Resolved,
    pub(crate) schema_path: String,
    pub(crate) loaded: std::sync::Arc<schema_extras::LoadedSchema>,
    pub(crate) paths: Vec<PathBuf>,
    pub(crate) texts: Vec<String>,
    pub(crate) parsed: Vec<Parsed>,
    pub(crate) bigint_literals_allowed: bool,
    /// `bigint-literal-target` warnings on `extends` that resolve to no file (located in tsconfigs).
    pub(crate) tsconfig_diagnostics: Vec<Diagnostic>,
}

pub(crate) enum Loaded {
    Inputs(Inputs),
    /// Prisma rejects the schema: its errors are the whole report.
    SchemaInvalid { schema_path: String, diagnostics: Vec<Diagnostic> },
}

/// Where the schema comes from, and its path as reports show it.
pub(crate) fn schema_input(cfg: &config::Resolved) -> (SchemaInput, String) {
    let input = match &cfg.schema {
        Some(SchemaOption::Path(p)) => SchemaInput::Path(p.clone()),
        Some(SchemaOption::Source(s)) => SchemaInput::Source { source: s.clone(), file_name: None },
        None => SchemaInput::Discover { cwd: cfg.root.clone() },
    };
    let schema_path = match &input {
        SchemaInput::Path(p) => p.display().to_string(),
        SchemaInput::Source { .. } => "schema.prisma".to_string(),
        SchemaInput::Discover { cwd } => fixture_schema::discover(cwd).map(|p| p.display().to_string()).unwrap_or_default(),
    };
    (input, schema_path)
}

pub(crate) fn load_inputs(options: &Options, overlay: &Overlay) -> Result<Loaded, ValidateError> {
    let cfg = config::resolve(options)?;
    let (input, schema_path) = schema_input(&cfg);
    // The schema and the files are independent: load one while parsing the other.
    let (loaded, files) = rayon::join(
        || {
            schema_extras::load(&input)
        },
        || read_and_parse(&cfg, overlay),
    );
    let loaded = match loaded {
        Ok(s) => s,
        Err(e) if e.kind == SchemaErrorKind::Invalid => {
            let diagnostics: Vec<Diagnostic> =
                e.diagnostics.iter().filter(|d| d.severity == fixture_schema::Severity::Error).map(rules::schema_error::report).collect();
            return Ok(Loaded::SchemaInvalid { schema_path, diagnostics });
        }
        Err(e) => return Err(ValidateError { message: e.message }),
    };
    let (paths, texts, parsed) = files?;
    let tsconfig = cfg.tsconfig.clone().or_else(|| paths.first().and_then(|p| p.parent()).and_then(config::find_tsconfig));
    let found = tsconfig.as_deref().map(config::tsconfig_target).transpose()?;
    let bigint_literals_allowed = rules::bigint_literal_target::allowed_by(found.as_ref());
    let mut tsconfig_diagnostics = Vec::new();
    for u in found.iter().flat_map(|f| &f.unresolved_extends) {
        let Some(severity) = severity(&cfg, Code::BigintLiteralTarget).map(|_| Severity::Warning) else { continue };
        tsconfig_diagnostics.push(rules::bigint_literal_target::unresolved_extends(u, severity));
    }
    Ok(Loaded::Inputs(Inputs { cfg, schema_path, loaded, paths, texts, parsed, bigint_literals_allowed, tsconfig_diagnostics }))
}

/// Validates source texts held in memory (unsaved editor buffers, tests) against schema text.
/// `target` is the tsconfig target (`None`: BigInt literals allowed).
pub fn validate_sources(schema: &str, files: Vec<(PathBuf, String)>, base_class: Option<&str>, target: Option<&str>) -> Result<Report, ValidateError> {
    let report = pool().install(|| validate_sources_here(schema, files, base_class, target));
    schema_extras::free_retired();
    report
}

fn validate_sources_here(schema: &str, files: Vec<(PathBuf, String)>, base_class: Option<&str>, target: Option<&str>) -> Result<Report, ValidateError> {
    let started = Instant::now();
    let options = Options { cwd: PathBuf::from("/"), base_class: base_class.map(String::from), ..Default::default() };
    let mut cfg = config::resolve(&options)?;
    cfg.schema = Some(SchemaOption::Source(schema.to_string()));
    let input = SchemaInput::Source { source: schema.to_string(), file_name: None };
    let loaded = schema_extras::load(&input).map_err(|e| ValidateError { message: e.message })?;
    let (paths, texts): (Vec<PathBuf>, Vec<String>) = files.into_iter().unzip();
    let parsed: Vec<Parsed> = paths.par_iter().zip(texts.par_iter()).map(|(p, t)| parse_and_summarize(p, t)).collect();
    let bigint_literals_allowed = rules::bigint_literal_target::allowed_under(target);
    Ok(analyze(started, &cfg, "schema.prisma".into(), &loaded, paths, texts, parsed, bigint_literals_allowed))
}

/// One file's findings and the factories found in it.
pub(crate) type FileResult = (Vec<Finding>, Vec<FactoryEntry>);

/// Phase one merged, phase two in parallel, imports, coverage: the report.
#[allow(clippy::too_many_arguments)]
fn analyze(
    started: Instant,
    cfg: &config::Resolved,
    schema_path: String,
    loaded: &schema_extras::LoadedSchema,
    paths: Vec<PathBuf>,
    texts: Vec<String>,
    parsed: Vec<Parsed>,
    bigint_literals_allowed: bool,
) -> Report {
    let (summaries, parse_errors): (Vec<summary::FileSummary>, Vec<Option<Finding>>) = parsed.into_iter().map(|p| (p.summary, p.parse_error)).unzip();
    let schema = &loaded.schema;
    let index = index::ProjectIndex::build(&summaries, &cfg.base_classes, &cfg.categories.required, schema);
    let ctx = context(cfg, loaded, &index, &summaries, bigint_literals_allowed);
    let checked = check_files(&ctx, &paths, &texts, &parse_errors, (0..paths.len()).collect());
    let imports = import_findings(&paths, &summaries, &parse_errors, &loaded.client_outputs);

    let mut diagnostics = Vec::new();
    let mut factories = Vec::new();
    for (i, ((mut findings, found), import)) in checked.into_iter().map(|(_, r)| r).zip(imports).enumerate() {
        findings.extend(import);
        let (d, f) = locate_file(cfg, &paths[i], &texts[i], findings, found);
        diagnostics.extend(d);
        factories.extend(f);
    }
    whole_report(started, cfg, schema_path, schema, factories, diagnostics, paths.len())
}

/// Everything the checks of every file share.
pub(crate) fn context<'c>(
    cfg: &'c config::Resolved,
    loaded: &'c schema_extras::LoadedSchema,
    index: &'c index::ProjectIndex,
    summaries: &'c [summary::FileSummary],
    bigint_literals_allowed: bool,
) -> checker::Ctx<'c> {
    checker::Ctx {
        schema: &loaded.schema,
        index,
        summaries,
        categories: &cfg.categories,
        bigint_literals_allowed,
        compounds: &loaded.compounds,
        suggester: &loaded.suggester,
        memo: Default::default(),
    }
}

/// Phase two for the files `which`, in parallel: each file's findings (its parse error, if it
/// has one) and factories, in the order of `which` sorted.
pub(crate) fn check_files<'c>(ctx: &'c checker::Ctx<'c>, paths: &[PathBuf], texts: &'c [String], parse_errors: &[Option<Finding>], mut which: Vec<usize>) -> Vec<(usize, FileResult)> {
    // Largest files first, one task each: a long file started last would make the run wait on it.
    which.sort_by_key(|&i| std::cmp::Reverse(texts[i].len()));
    let mut checked: Vec<(usize, FileResult)> = which
        .into_par_iter()
        .with_max_len(1)
        .map(|i| {
            let result = match &parse_errors[i] {
                Some(err) => (vec![err.clone()], Vec::new()),
                None => check_file(ctx, i, &paths[i], &texts[i]),
            };
            (i, result)
        })
        .collect();
    checked.sort_unstable_by_key(|(i, _)| *i);
    checked
}

/// The module graph's findings per file (`unresolved-import`, `import-cycle`); none on files
/// that did not parse.
pub(crate) fn import_findings(paths: &[PathBuf], summaries: &[summary::FileSummary], parse_errors: &[Option<Finding>], client_outputs: &[PathBuf]) -> Vec<Vec<Finding>> {
    let ok_parse: Vec<bool> = parse_errors.iter().map(Option::is_none).collect();
    let (import_findings, edges) = imports::check(paths, summaries, &ok_parse, client_outputs);
    let cycle_findings = imports::cycles(paths, &edges);
    let mut per_file: Vec<Vec<Finding>> = import_findings.into_iter().enumerate().map(|(i, f)| if ok_parse[i] { f } else { Vec::new() }).collect();
    for (i, f) in cycle_findings {
        per_file[i].push(f);
    }
    per_file
}

/// One file's findings as diagnostics (the configured severities, `off` dropped) and its factories, located.
pub(crate) fn locate_file(cfg: &config::Resolved, path: &Path, text: &str, findings: Vec<Finding>, found: Vec<FactoryEntry>) -> (Vec<Diagnostic>, Vec<FactoryEntry>) {
    let file = path.display().to_string();
    let lines = LineIndex::new(text);
    let mut diagnostics = Vec::new();
    for f in findings {
        if let Some(sev) = severity(cfg, f.code) {
            diagnostics.push(f.locate(&file, &lines, sev));
        }
    }
    let factories = found
        .into_iter()
        .map(|mut entry| {
            entry.file = file.clone();
            entry.line = lines.locate(entry.offset).0;
            entry
        })
        .collect();
    (diagnostics, factories)
}

/// The report from every file's located diagnostics and factories: models without a factory
/// (located in the schema), coverage, sorting.
pub(crate) fn whole_report(
    started: Instant,
    cfg: &config::Resolved,
    schema_path: String,
    schema: &Schema,
    factories: Vec<FactoryEntry>,
    mut diagnostics: Vec<Diagnostic>,
    files: usize,
) -> Report {
    // Models without a factory, located at the model in the schema.
    let covered: BTreeSet<&str> = factories.iter().filter_map(|f| f.model.as_deref()).collect();
    for m in schema.models.iter().filter(|m| !m.is_view && !covered.contains(m.name.as_str())) {
        let Some(sev) = severity(cfg, Code::MissingFactory) else { break };
        diagnostics.push(rules::missing_factory::report(m, &schema_path, &cfg.base_class, sev));
    }
    finish(started, schema_path, Some(schema), factories, diagnostics, files)
}

pub(crate) fn severity(cfg: &config::Resolved, code: Code) -> Option<Severity> {
    match cfg.severity.get(&code) {
        Some(RuleLevel::Off) => None,
        Some(RuleLevel::Error) => Some(Severity::Error),
        Some(RuleLevel::Warning) => Some(Severity::Warning),
        None => Some(code.default_severity()),
    }
}

pub(crate) fn finish(
    started: Instant,
    schema_path: String,
    schema: Option<&Schema>,
    mut factories: Vec<FactoryEntry>,
    mut diagnostics: Vec<Diagnostic>,
    files: usize,
) -> Report {
    diagnostic::sort(&mut diagnostics);
    factories.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    let models: Vec<&str> = schema.map(|s| s.models.iter().filter(|m| !m.is_view).map(|m| m.name.as_str()).collect()).unwrap_or_default();
    let covered: BTreeSet<&str> = factories.iter().filter_map(|f| f.model.as_deref()).collect();
    let mut extra: Vec<String> = factories.iter().filter_map(|f| f.named.clone()).collect();
    extra.sort();
    extra.dedup();
    let coverage = Coverage {
        total: models.len(),
        covered: models.iter().filter(|m| covered.contains(*m)).count(),
        missing: models.iter().filter(|m| !covered.contains(*m)).map(|m| m.to_string()).collect(),
        extra,
    };
    let ok = !diagnostics.iter().any(|d| d.severity == Severity::Error);
    Report {
        ok,
        duration_ms: started.elapsed().as_secs_f64() * 1000.0,
        schema: SchemaSummary { path: schema_path, models: schema.map_or(0, |s| s.models.len()) },
        coverage,
        factories,
        diagnostics,
        files,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_depth_ignores_strings_and_comments() {
        assert_eq!(max_nesting("f([{}])").0, 3);
        assert_eq!(max_nesting("const s = \"(((\"; // [[[\n/* {{{ */ g(`(${1})`)").0, 1);
    }

    #[test]
    fn absurdly_deep_nesting_is_a_parse_error_not_a_crash() {
        let deep = format!("export const x = {}1{};\n", "(".repeat(50_000), ")".repeat(50_000));
        let r = validate_sources("datasource db {\n  provider = \"postgresql\"\n}\n", vec![("/t/deep.ts".into(), deep)], None, None).unwrap();
        assert_eq!(r.diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), vec!["parse-error"]);
        // Deep but under the limit: parsed and walked on the analysis threads' large stacks.
        let nested = format!("export const y = {}1{};\n", "[(".repeat(MAX_NESTING / 2 - 1), ")]".repeat(MAX_NESTING / 2 - 1));
        let r = validate_sources("datasource db {\n  provider = \"postgresql\"\n}\n", vec![("/t/nested.ts".into(), nested)], None, None).unwrap();
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    }
}
