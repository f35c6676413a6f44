//! Generating into a project: the options of `fixture-native generate` and `generateFactorySource`
//! resolved against the project (its `fixture-native.config.json`, the folder holding the base
//! class, the Prisma schema found as the Prisma CLI finds it), and the files written.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use fixture_schema::{Schema, SchemaInput};
use fixture_validate::config;
use serde::Serialize;

use crate::{GenerateError, Style, file_name, generate, read_style};

/// What to generate, and where. Relative paths resolve against `cwd`.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub cwd: PathBuf,
    /// A `fixture-native.config.json` (default: found from `cwd` upwards).
    pub config: Option<PathBuf>,
    /// A `.prisma` file or folder (default: the config's, else found as the Prisma CLI does).
    pub schema: Option<PathBuf>,
    /// Schema text instead of a path.
    pub schema_source: Option<String>,
    /// The factories folder (default: the config's `factories` when it is one folder, else the
    /// folder holding the base class).
    pub out: Option<PathBuf>,
    pub models: Vec<String>,
    /// Every model the validator reports without a factory in `out`.
    pub all_missing: bool,
    /// Replace existing files.
    pub force: bool,
    pub base_class: Option<String>,
    /// Import specifiers overriding the ones read from existing factories.
    pub base_import: Option<String>,
    pub fixtures_import: Option<String>,
}

/// Everything resolved before anything is generated.
pub struct Resolved {
    pub schema: Arc<Schema>,
    pub schema_path: String,
    /// Where files go (absolute), or why there is no such folder.
    pub out: Result<PathBuf, RequestError>,
    /// Writes must stay inside this folder (the config's folder, else `cwd`).
    pub root: PathBuf,
    pub style: Style,
    pub factories_option: Vec<String>,
}

/// The result for one model.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileOutcome {
    pub model: String,
    /// Absolute path of the factory file (`None` when no factory could be generated).
    pub file: Option<String>,
    /// `written`, `exists` (left alone: no `force`, a class name the folder already has, or a
    /// factory of another base class in the way), `unchanged` (same text) or `failed`.
    pub status: Status,
    /// Why it failed, or what to check by hand in the generated code.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    Written,
    Unchanged,
    Exists,
    Failed,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub schema: String,
    pub out: String,
    /// The factory the house style was read from (`None`: the defaults).
    pub style_from: Option<String>,
    pub files: Vec<FileOutcome>,
    pub duration_ms: f64,
}

/// A request that cannot run: bad options, no schema, an unknown model, an invalid schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestError(pub String);

impl std::fmt::Display for RequestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RequestError {}

/// Resolves the schema, the output folder and the style.
pub fn resolve(request: &Request) -> Result<Resolved, RequestError> {
    let cwd = &request.cwd;
    let options = fixture_validate::Options {
        cwd: cwd.clone(),
        config: request.config.clone(),
        base_class: request.base_class.clone(),
        ..Default::default()
    };
    let cfg = config::resolve(&options).map_err(RequestError)?;
    let input = match (&request.schema_source, &request.schema, &cfg.schema) {
        (Some(source), _, _) => SchemaInput::Source { source: source.clone(), file_name: None },
        (None, Some(path), _) => SchemaInput::Path(config::absolute(cwd, path)),
        (None, None, Some(fixture_validate::SchemaOption::Path(path))) => SchemaInput::Path(path.clone()),
        (None, None, Some(fixture_validate::SchemaOption::Source(source))) => SchemaInput::Source { source: source.clone(), file_name: None },
        (None, None, None) => SchemaInput::Discover { cwd: cfg.root.clone() },
    };
    let schema_path = match &input {
        SchemaInput::Path(p) => p.display().to_string(),
        SchemaInput::Source { .. } => "schema.prisma".into(),
        SchemaInput::Discover { cwd } => fixture_schema::discover(cwd).map(|p| p.display().to_string()).unwrap_or_default(),
    };
    let schema = fixture_schema::load_shared(&input).map_err(|e| RequestError(e.message))?;
    let out = match &request.out {
        Some(out) => Some(config::absolute(cwd, out)),
        None => default_out(&cfg),
    };
    let no_out = || {
        RequestError(format!(
            "no output folder: pass --out DIR (no \"factories\" folder in the config, and no file under {} declares `class {}`)",
            cfg.root.display(),
            cfg.base_class
        ))
    };
    let mut style = match &out {
        Some(out) => read_style(out, &cfg.base_class).map_err(RequestError)?,
        None => Style { base_class: cfg.base_class.clone(), ..Style::default() },
    };
    if let Some(specifier) = &request.base_import {
        style.base_import = specifier.clone();
    }
    if let Some(specifier) = &request.fixtures_import {
        style.fixtures_import = specifier.clone();
    }
    let factories_option = match (&out, cfg.factories.is_empty()) {
        (Some(out), true) => vec![out.display().to_string()],
        _ => cfg.factories.clone(),
    };
    let out = out.ok_or_else(no_out);
    Ok(Resolved { schema, schema_path, out, root: cfg.root.clone(), style, factories_option })
}

/// The config's `factories` when it names one folder, else the folder holding the base class.
fn default_out(cfg: &config::Resolved) -> Option<PathBuf> {
    if let [only] = cfg.factories.as_slice() {
        let folder = config::absolute(&cfg.factories_base, Path::new(only));
        if folder.is_dir() {
            return Some(folder);
        }
    }
    fixture_validate::find_base_folder(&cfg.root, &cfg.base_class)
}

/// Generates and writes the requested factories. A model that cannot be generated is reported
/// and the others are still written; an unknown model name stops the run before any write.
pub fn run(request: &Request) -> Result<Outcome, RequestError> {
    let started = std::time::Instant::now();
    let resolved = resolve(request)?;
    let out = resolved.out.clone()?;
    let mut models = request.models.clone();
    let mut existing: Vec<fixture_validate::FactoryEntry> = Vec::new();
    if request.all_missing {
        let report = fixture_validate::validate(&fixture_validate::Options {
            cwd: request.cwd.clone(),
            config: request.config.clone(),
            schema: Some(match &request.schema_source {
                Some(source) => fixture_validate::SchemaOption::Source(source.clone()),
                None => fixture_validate::SchemaOption::Path(PathBuf::from(&resolved.schema_path)),
            }),
            factories: resolved.factories_option.clone(),
            base_class: Some(resolved.style.base_class.clone()),
            ..Default::default()
        })
        .map_err(|e| RequestError(e.message))?;
        models.extend(report.coverage.missing);
        existing = report.factories;
    }
    if models.is_empty() && !request.all_missing {
        return Err(RequestError("nothing to generate: name models with --model, or pass --all-missing".into()));
    }
    let mut seen = std::collections::BTreeSet::new();
    models.retain(|m| seen.insert(m.clone()));
    // Unknown names are usage errors: report them all before writing anything.
    let unknown: Vec<String> = models
        .iter()
        .filter(|m| resolved.schema.model(m).is_none())
        .map(|m| GenerateError::UnknownModel { name: m.clone(), suggestion: crate::render::closest_model(&resolved.schema, m) }.to_string())
        .collect();
    if !unknown.is_empty() {
        return Err(RequestError(unknown.join("\n")));
    }
    let taken = crate::names::taken_names(&out);
    let mut files: Vec<FileOutcome> = models.iter().map(|model| write_one(&resolved, &out, &taken, model, request.force)).collect();
    // A file in the way that holds a factory naming no model: say what is wrong with it.
    for file in files.iter_mut().filter(|f| f.status == Status::Exists) {
        let Some(path) = &file.file else { continue };
        if let Some(entry) = existing.iter().find(|e| Path::new(&e.file) == Path::new(path) && e.model.is_none()) {
            // `--force` only over a factory of the base class generate writes for.
            let normalize = fixture_validate::discover::normalize;
            let base = resolved.style.base_class.as_str();
            let same_base = taken.iter().any(|t| {
                normalize(&t.file) == normalize(Path::new(path)) && t.name == entry.class_name && t.class_extends.as_ref().is_some_and(|b| b.as_deref() == Some(base))
            });
            file.notes.insert(
                0,
                format!(
                    "`{}` there names no model of the schema (`{}`): point it at `{}`{}",
                    entry.class_name,
                    entry.named.as_deref().unwrap_or("?"),
                    file.model,
                    if same_base { ", or replace it with --force" } else { "" }
                ),
            );
        }
    }
    Ok(Outcome {
        schema: resolved.schema_path.clone(),
        out: out.display().to_string(),
        style_from: resolved.style.read_from.as_ref().map(|p| p.display().to_string()),
        files,
        duration_ms: started.elapsed().as_secs_f64() * 1000.0,
    })
}

fn write_one(resolved: &Resolved, out: &Path, taken: &[crate::names::Taken], model: &str, force: bool) -> FileOutcome {
    let path = out.join(file_name(model));
    let failed = |notes: Vec<String>| FileOutcome { model: model.to_string(), file: None, status: Status::Failed, notes };
    let generated = match generate(&resolved.schema, model, &resolved.style) {
        Ok(generated) => generated,
        Err(error) => return failed(vec![error.to_string()]),
    };
    let outcome = |status, notes| FileOutcome { model: model.to_string(), file: Some(path.display().to_string()), status, notes };
    // A name the folder already has, or a factory of another base class in the way: left alone,
    // whatever the flags (a second class of one name breaks the folder's exports).
    if let Some(conflict) = crate::names::conflict(taken, out, &path, &generated.class_name, &resolved.style.base_class) {
        return outcome(Status::Exists, vec![conflict]);
    }
    match std::fs::read_to_string(&path) {
        Ok(old) if old == generated.source => return outcome(Status::Unchanged, generated.notes),
        Ok(_) if !force => return outcome(Status::Exists, vec!["the file exists; pass --force to replace it".into()]),
        Err(_) if path.exists() && !force => return outcome(Status::Exists, vec!["the path exists; pass --force to replace it".into()]),
        _ => {}
    }
    // Checked before the folder is made, so that nothing at all is created outside the root.
    let prepared = fixture_write::ensure_within(&resolved.root, &path)
        .map_err(|e| e.to_string())
        .and_then(|_| path.parent().map_or(Ok(()), |folder| std::fs::create_dir_all(folder).map_err(|e| format!("{}: cannot create the folder: {e}", folder.display()))));
    if let Err(error) = prepared {
        return FileOutcome { file: Some(path.display().to_string()), ..failed(vec![error]) };
    }
    match fixture_write::write_within(&resolved.root, &path, generated.source.as_bytes()) {
        Ok(()) => outcome(Status::Written, generated.notes),
        Err(error) => FileOutcome { file: Some(path.display().to_string()), ..failed(vec![error.to_string()]) },
    }
}

/// The source of one model's factory for the project `request` describes, written nowhere (the
/// default style when there is no factories folder to read it from).
pub fn source_for(request: &Request, model: &str) -> Result<crate::Generated, RequestError> {
    let resolved = resolve(request)?;
    generate(&resolved.schema, model, &resolved.style).map_err(|e| RequestError(e.to_string()))
}
