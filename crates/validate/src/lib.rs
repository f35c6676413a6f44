//! Fixture factory validator: statically checks hand-written Prisma fixture factories and typed
//! fixture modules against the schema. Parses TypeScript with oxc, analyses files in parallel
//! with rayon, never executes user code. Diagnostics are data; `report/` renders them.
//!
//! Two phases: every file is parsed and summarised (classes, interfaces, imports, exports), the
//! summaries are merged into a project index, then every file is checked with the index at hand,
//! from the tree phase one kept (`parsed_file`): a full run parses each file once.

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
mod parsed_file;
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

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use fixture_schema::{Schema, SchemaErrorKind, SchemaInput};

pub use config::{FixtureCategories, Options, SchemaOption};
pub use diagnostic::{Diagnostic, Edit, Finding, Fix, LineIndex, RuleLevel, Severity};
pub use code::{Code, RuleDoc};
pub use factory::FactoryEntry;
pub(crate) use parsed_file::{FileResult, Kept, Parsed, check_file, check_program, with_parsed};

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

/// The folder holding the base class, searched under `root` (the default `factories`).
pub fn find_base_folder(root: &Path, base_class: &str) -> Option<PathBuf> {
    let files = discover::discover(&[".".to_string()], root).ok()?.files;
    let needle = format!("class {base_class}");
    files
        .par_iter()
        .find_first(|p| discover::read_source(p).is_ok_and(|t| t.contains(&needle)))
        .and_then(|p| p.parent().map(Path::to_path_buf))
}

type Files = (Vec<PathBuf>, Vec<Kept>, Vec<Parsed>);

/// A file that could not be read: its only finding, at the problem (or the file's start).
fn unreadable(problem: discover::Unreadable) -> Parsed {
    let finding = rules::parse_error::finding(problem.offset, problem.offset, &problem.message, Some(&problem.help));
    Parsed { summary: summary::FileSummary::default(), parse_error: Some(finding) }
}

/// Finds, reads and parses (phase one) the files to analyse, keeping each tree for phase two. A
/// file that cannot be read is a finding on that file; only options naming nothing at all fail
/// the run.
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
    let analysed: Vec<(PathBuf, Kept, Parsed)> = read
        .into_par_iter()
        .map(|(path, result)| match result {
            Ok(text) => {
                let (parsed, kept) = Kept::parse(&path, text);
                (path, kept, parsed)
            }
            Err((problem, text)) => (path, Kept::Text(text), unreadable(problem)),
        })
        .collect();
    let (mut paths, mut kept, mut parsed) = (Vec::new(), Vec::new(), Vec::new());
    for (path, one_kept, one) in analysed {
        paths.push(path);
        kept.push(one_kept);
        parsed.push(one);
    }
    Ok((paths, kept, parsed))
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
    let Inputs { cfg, schema_path, loaded, paths, kept, parsed, bigint_literals_allowed, tsconfig_diagnostics } = *inputs;
    let mut report = analyze(started, &cfg, schema_path, &loaded, paths, kept, parsed, bigint_literals_allowed);
    report.diagnostics.extend(tsconfig_diagnostics);
    diagnostic::sort(&mut report.diagnostics);
    Ok(report)
}

/// What a run starts from: the options resolved, the schema loaded, every file read, parsed and
/// summarised (phase one, the trees kept), the tsconfig judged. Shared by [`validate`] and [`session::Session`].
pub(crate) struct Inputs {
    pub(crate) cfg: config::Resolved,
    pub(crate) schema_path: String,
    pub(crate) loaded: std::sync::Arc<schema_extras::LoadedSchema>,
    pub(crate) paths: Vec<PathBuf>,
    pub(crate) kept: Vec<Kept>,
    pub(crate) parsed: Vec<Parsed>,
    pub(crate) bigint_literals_allowed: bool,
    /// `bigint-literal-target` warnings on `extends` that resolve to no file (located in tsconfigs).
    pub(crate) tsconfig_diagnostics: Vec<Diagnostic>,
}

pub(crate) enum Loaded {
    Inputs(Box<Inputs>),
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
    let (paths, kept, parsed) = files?;
    let tsconfig = cfg.tsconfig.clone().or_else(|| paths.first().and_then(|p| p.parent()).and_then(config::find_tsconfig));
    let found = tsconfig.as_deref().map(config::tsconfig_target).transpose()?;
    let bigint_literals_allowed = rules::bigint_literal_target::allowed_by(found.as_ref());
    let mut tsconfig_diagnostics = Vec::new();
    for u in found.iter().flat_map(|f| &f.unresolved_extends) {
        let Some(severity) = severity(&cfg, Code::BigintLiteralTarget).map(|_| Severity::Warning) else { continue };
        tsconfig_diagnostics.push(rules::bigint_literal_target::unresolved_extends(u, severity));
    }
    Ok(Loaded::Inputs(Box::new(Inputs { cfg, schema_path, loaded, paths, kept, parsed, bigint_literals_allowed, tsconfig_diagnostics })))
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
    let (parsed, kept): (Vec<Parsed>, Vec<Kept>) = paths.par_iter().zip(texts).map(|(p, t)| Kept::parse(p, t)).unzip();
    let bigint_literals_allowed = rules::bigint_literal_target::allowed_under(target);
    Ok(analyze(started, &cfg, "schema.prisma".into(), &loaded, paths, kept, parsed, bigint_literals_allowed))
}

/// Phase one merged, phase two in parallel, imports, coverage: the report.
#[allow(clippy::too_many_arguments)]
fn analyze(
    started: Instant,
    cfg: &config::Resolved,
    schema_path: String,
    loaded: &schema_extras::LoadedSchema,
    paths: Vec<PathBuf>,
    kept: Vec<Kept>,
    parsed: Vec<Parsed>,
    bigint_literals_allowed: bool,
) -> Report {
    let (summaries, parse_errors): (Vec<summary::FileSummary>, Vec<Option<Finding>>) = parsed.into_iter().map(|p| (p.summary, p.parse_error)).unzip();
    let schema = &loaded.schema;
    let index = index::ProjectIndex::build(&summaries, &cfg.base_classes, &cfg.categories.required, schema);
    let ctx = context(cfg, loaded, &index, &summaries, bigint_literals_allowed);
    let (checked, texts) = check_kept(&ctx, kept, &parse_errors);
    let imports = import_findings(&paths, &summaries, &parse_errors, &loaded.client_outputs);
    let located: Vec<(Vec<Diagnostic>, Vec<FactoryEntry>)> = checked
        .into_par_iter()
        .zip(imports)
        .enumerate()
        .map(|(i, ((mut findings, found), import))| {
            findings.extend(import);
            locate_file(cfg, &paths[i], &texts[i], findings, found)
        })
        .collect();
    let (mut diagnostics, mut factories) = (Vec::new(), Vec::new());
    for (d, f) in located {
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

/// Phase two for every file, in parallel, from the trees phase one kept: each file's result and
/// its text back, in file order.
pub(crate) fn check_kept<'c>(ctx: &'c checker::Ctx<'c>, kept: Vec<Kept>, parse_errors: &[Option<Finding>]) -> (Vec<FileResult>, Vec<String>) {
    let kept: Vec<(usize, Kept)> = kept.into_iter().enumerate().collect();
    largest_first(kept, Kept::text, |i, k| k.check(ctx, i, parse_errors[i].as_ref())).into_iter().map(|(_, checked)| checked).unzip()
}

/// Phase two for the files `which`, parsed again, in parallel: each file's findings (its parse
/// error, if it has one) and factories, in the order of `which` sorted.
pub(crate) fn check_files<'c>(ctx: &'c checker::Ctx<'c>, paths: &[PathBuf], texts: &'c [String], parse_errors: &[Option<Finding>], which: Vec<usize>) -> Vec<(usize, FileResult)> {
    let which: Vec<(usize, &str)> = which.into_iter().map(|i| (i, texts[i].as_str())).collect();
    largest_first(which, |text| text, |i, text| match &parse_errors[i] {
        Some(err) => (vec![err.clone()], Vec::new()),
        None => check_file(ctx, i, &paths[i], text),
    })
}

/// `check` of every file `(index, item)` in parallel, one task each and the largest text first (a
/// long file started last would make the run wait on it); the results in index order.
fn largest_first<T: Send, R: Send>(mut files: Vec<(usize, T)>, text: impl Fn(&T) -> &str, check: impl Fn(usize, T) -> R + Sync + Send) -> Vec<(usize, R)> {
    files.sort_by_key(|(_, item)| std::cmp::Reverse(text(item).len()));
    let mut checked: Vec<(usize, R)> = files.into_par_iter().with_max_len(1).map(|(i, item)| (i, check(i, item))).collect();
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
