//! What one `validate` covers. The project of the working directory; from a workspace root that
//! has no config or schema of its own, each workspace package that has a config (as the README's
//! CI step runs it); for files named on the command line (lint-staged, editors), the project of
//! each file, its nearest config, with the file added to what is analysed and the report kept to
//! the named files (the rest of the project still gives the base classes, imports and coverage).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fixture_validate::config::{self, CONFIG_FILE};
use fixture_validate::{Options, Report, Severity};

/// One validator run and the files its report is kept to (`None`: all).
#[derive(Debug, Clone)]
pub struct Run {
    pub options: Options,
    pub only: Option<Vec<PathBuf>>,
}

/// The runs for `base` (explicit options, their paths absolute) and the named `files`; none when
/// no named file is a TypeScript source.
pub fn runs(base: &Options, cwd: &Path, files: &[PathBuf]) -> Result<Vec<Run>, String> {
    let explicit = base.config.is_some() || base.schema.is_some() || !base.factories.is_empty();
    if !files.is_empty() {
        let mut named = Vec::new();
        for f in files {
            let path = config::absolute(cwd, f);
            if !path.is_file() {
                return Err(format!("{}: no such file (a file argument)", path.display()));
            }
            // lint-staged may pass every staged file: only TypeScript sources are factories.
            if fixture_validate::discover::is_source_file(&path) {
                named.push(path);
            }
        }
        if named.is_empty() {
            return Ok(Vec::new());
        }
        if explicit {
            return Ok(vec![with_files(base.clone(), named)?]);
        }
        // lint-staged passes the staged files of every package: each goes to its own project.
        let mut by_project: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
        for f in named {
            let dir = f.parent().map(project_dir).unwrap_or_else(|| cwd.to_path_buf());
            by_project.entry(dir).or_default().push(f);
        }
        return by_project
            .into_iter()
            .map(|(dir, files)| with_files(Options { cwd: dir, ..base.clone() }, files))
            .collect();
    }
    if !explicit && let Some(packages) = workspace_packages(cwd)? {
        return Ok(packages
            .into_iter()
            .map(|dir| Run { options: Options { cwd: dir, ..base.clone() }, only: None })
            .collect());
    }
    Ok(vec![Run { options: base.clone(), only: None }])
}

/// `options` analysing its project's factories plus `files`, reporting on `files` only.
fn with_files(mut options: Options, files: Vec<PathBuf>) -> Result<Run, String> {
    let resolved = config::resolve(&options)?;
    let mut patterns: Vec<String> = resolved
        .factories
        .iter()
        .map(|p| if Path::new(p).is_absolute() { p.clone() } else { resolved.factories_base.join(p).display().to_string() })
        .collect();
    if patterns.is_empty()
        && let Some(folder) = fixture_validate::find_base_folder(&resolved.root, &resolved.base_class)
    {
        patterns.push(folder.display().to_string());
    }
    patterns.extend(files.iter().map(|f| f.display().to_string()));
    options.factories = patterns;
    // The config still gives the schema, tsconfig and rules; `factories` above replaces its list.
    if options.schema.is_none() {
        options.schema = resolved.schema.clone();
    }
    Ok(Run { options, only: Some(files) })
}

/// The folder whose config governs files in `dir`: the nearest one at or above it holding a
/// fixture-native.config.json or a package.json (the validator's config search stops there).
fn project_dir(dir: &Path) -> PathBuf {
    dir.ancestors()
        .find(|d| d.join(CONFIG_FILE).is_file() || d.join("package.json").is_file())
        .unwrap_or(dir)
        .to_path_buf()
}

fn has_own_config(dir: &Path) -> bool {
    dir.join(CONFIG_FILE).is_file()
        || fixture_doctor::workspace::read_json(&dir.join("package.json")).is_some_and(|m| m.get("fixtureNative").is_some())
}

/// At a workspace root with no config and no schema of its own: the packages that have a config,
/// or an error saying what to pass. `None` elsewhere.
fn workspace_packages(cwd: &Path) -> Result<Option<Vec<PathBuf>>, String> {
    if !fixture_doctor::workspace::is_workspace_root(cwd) || has_own_config(cwd) || fixture_schema::discover(cwd).is_ok() {
        return Ok(None);
    }
    let ws = fixture_doctor::workspace::load(cwd)?;
    let configured: Vec<PathBuf> = ws.packages.iter().filter(|p| !p.is_root && has_own_config(&p.dir)).map(|p| p.dir.clone()).collect();
    if !configured.is_empty() {
        return Ok(Some(configured));
    }
    let with_schema: Vec<String> = ws.packages.iter().filter(|p| !p.is_root && fixture_schema::discover(&p.dir).is_ok()).map(|p| ws.rel(&p.dir)).collect();
    let hint = match with_schema.first() {
        Some(dir) => format!(
            "add a {CONFIG_FILE} to {dir} (or a \"fixtureNative\" section in its package.json), or run from there, or pass --config {dir}/{CONFIG_FILE}"
        ),
        None => format!("add a {CONFIG_FILE} to the package holding the factories, or pass --schema and --factories"),
    };
    Err(format!("{} is a workspace root, and neither it nor any of its packages has a config: {hint}", cwd.display()))
}

/// The reports of several runs as one: findings, factories and counts together, each run's report
/// kept to its named files first.
pub fn merge(mut reports: Vec<(Report, Option<Vec<PathBuf>>)>) -> Report {
    for (report, only) in &mut reports {
        if let Some(files) = only {
            let named = fixture_validate::discover::named_files(files);
            report.diagnostics.retain(|d| named(&d.file));
            report.factories.retain(|f| named(&f.file));
        }
    }
    let mut iter = reports.into_iter().map(|(r, _)| r);
    let mut merged = iter.next().expect("at least one run");
    for r in iter {
        merged.duration_ms += r.duration_ms;
        if merged.schema.path != r.schema.path {
            merged.schema.path = format!("{}, {}", merged.schema.path, r.schema.path);
            merged.schema.models += r.schema.models;
            merged.coverage.total += r.coverage.total;
            merged.coverage.covered += r.coverage.covered;
            merged.coverage.missing.extend(r.coverage.missing);
            merged.coverage.extra.extend(r.coverage.extra);
        }
        merged.factories.extend(r.factories);
        merged.diagnostics.extend(r.diagnostics);
        merged.files += r.files;
    }
    merged.ok = !merged.diagnostics.iter().any(|d| d.severity == Severity::Error);
    merged
}
