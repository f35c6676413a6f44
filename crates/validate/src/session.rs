//! A validation session: the project context (schema, type names, factory index, base classes,
//! tsconfig) built once, then one file checked at a time (an editor's buffer, a linter) or the
//! files a watcher saw change re-checked with the files that import them. Everything is built
//! again when the schema, the config or the tsconfig changes, or a file is added or deleted.
//!
//! Per-file diagnostics are those located in a factory file; `missing-factory`, `schema-error`,
//! the tsconfig's `bigint-literal-target` and coverage belong to the whole report only.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Instant, SystemTime};

use crate::checker::Ctx;
use crate::config::{self, Resolved};
use crate::diagnostic::{self, Diagnostic, Finding};
use crate::index::ProjectIndex;
use crate::schema_extras::LoadedSchema;
use crate::summary::FileSummary;
use crate::{Coverage, FactoryEntry, FileResult, Inputs, Loaded, Options, Overlay, Report, SchemaOption, SchemaSummary, Severity, ValidateError};

/// What an [`Session::update`] changed: diagnostics new since the last report, those gone, and
/// the whole report now.
#[derive(Debug, Clone)]
pub struct Update {
    pub added: Vec<Diagnostic>,
    pub removed: Vec<Diagnostic>,
    pub report: Report,
}

/// The project context and every file's diagnostics, kept between checks.
pub struct Session {
    options: Options,
    state: State,
    /// The diagnostics of the last whole report, for the next update's difference.
    last: Vec<Diagnostic>,
}

enum State {
    Ready(Box<Project>),
    /// Prisma rejects the schema: its errors are the report until it is fixed.
    SchemaInvalid { cfg: Box<Resolved>, schema_path: String, diagnostics: Vec<Diagnostic>, stamps: Stamps },
}

/// Everything a run over the project computed, kept per file.
struct Project {
    cfg: Resolved,
    schema_path: String,
    loaded: Arc<LoadedSchema>,
    paths: Vec<PathBuf>,
    by_path: HashMap<PathBuf, usize>,
    /// The same by real path (symlinks resolved): an editor may name a file either way.
    by_real_path: HashMap<PathBuf, usize>,
    texts: Vec<String>,
    summaries: Vec<FileSummary>,
    parse_errors: Vec<Option<Finding>>,
    bigint_literals_allowed: bool,
    tsconfig_diagnostics: Vec<Diagnostic>,
    index: ProjectIndex,
    /// Phase two's result per file.
    checked: Vec<FileResult>,
    /// `unresolved-import` and `import-cycle` per file.
    imports: Vec<Vec<Finding>>,
    /// Each file's diagnostics and factories, located.
    located: Vec<(Vec<Diagnostic>, Vec<FactoryEntry>)>,
    /// The files importing each file (type-only imports too: types flow through them).
    importers: Vec<Vec<usize>>,
    stamps: Stamps,
}

/// Size and modification time of the files a rebuild depends on besides the factories (the
/// schema, the config candidates, the tsconfig); `None` for a file that does not exist.
type Stamps = Vec<(PathBuf, Option<(SystemTime, u64)>)>;

impl Session {
    /// Builds the project context and checks every file once. Fails as [`crate::validate`] does
    /// (bad options, unreadable input); an invalid schema is a report, not a failure.
    pub fn new(options: Options) -> Result<Session, ValidateError> {
        let started = Instant::now();
        let state = crate::pool().install(|| build(&options))?;
        crate::schema_extras::free_retired();
        let mut session = Session { options, state, last: Vec::new() };
        session.last = session.report_since(started).diagnostics;
        Ok(session)
    }

    /// The whole report, as [`crate::validate`] gives it (`duration_ms`: assembling it).
    pub fn report(&self) -> Report {
        self.report_since(Instant::now())
    }

    /// The whole report, its `duration_ms` counted from `started`.
    pub fn report_since(&self, started: Instant) -> Report {
        match &self.state {
            State::SchemaInvalid { schema_path, diagnostics, .. } => crate::finish(started, schema_path.clone(), None, Vec::new(), diagnostics.clone(), 0),
            State::Ready(p) => p.report(started),
        }
    }

    /// The diagnostics located in `path`, with `text` (an editor's unsaved buffer) standing in for
    /// the file on disk when given. A file outside the configured factories gets an empty report.
    /// Notices a changed schema, config or tsconfig first (and builds again); while the schema is
    /// invalid, the report holds the schema's errors.
    pub fn check_file(&mut self, path: &Path, text: Option<&str>) -> Result<Report, ValidateError> {
        let started = Instant::now();
        if self.inputs_changed() {
            self.rebuild()?;
        }
        let path = config::absolute(&self.options.cwd, path);
        let project = match &self.state {
            State::SchemaInvalid { .. } => return Ok(self.report()),
            State::Ready(p) => p,
        };
        let found = project.by_path.get(&path).or_else(|| std::fs::canonicalize(&path).ok().and_then(|real| project.by_real_path.get(&real)));
        let Some(&i) = found else {
            return Ok(project.file_report(started, Vec::new(), Vec::new(), 0));
        };
        let text = match text {
            Some(t) => t.to_string(),
            None => match crate::discover::read_source(&path) {
                Ok(t) => t,
                // Gone or unreadable: the next update builds again and says why.
                Err(_) => project.texts[i].clone(),
            },
        };
        if text == project.texts[i] {
            let (d, f) = project.located[i].clone();
            return Ok(project.file_report(started, d, f, 1));
        }
        let (diagnostics, factories) = crate::pool().install(|| project.check_text(i, &text));
        Ok(project.file_report(started, diagnostics, factories, 1))
    }

    /// Re-checks after `paths` changed on disk (as a watcher reports them): the changed factory
    /// files and the files importing them; everything when a path is the schema, the config or
    /// the tsconfig, or a factory file was added or deleted.
    pub fn update(&mut self, paths: &[PathBuf]) -> Result<Update, ValidateError> {
        let started = Instant::now();
        let outcome = crate::pool().install(|| self.update_here(paths));
        crate::schema_extras::free_retired();
        outcome?;
        let report = self.report_since(started);
        let (added, removed) = difference(&self.last, &report.diagnostics);
        self.last = report.diagnostics.clone();
        Ok(Update { added, removed, report })
    }

    /// Folders to watch for this session: (folder, recursive).
    pub fn watch_roots(&self) -> Vec<(PathBuf, bool)> {
        let mut roots: BTreeSet<(PathBuf, bool)> = BTreeSet::new();
        let (cfg, stamps) = match &self.state {
            State::Ready(p) => (&p.cfg, &p.stamps),
            State::SchemaInvalid { cfg, stamps, .. } => (&**cfg, stamps),
        };
        for pattern in &cfg.factories {
            let absolute = config::absolute(&cfg.factories_base, Path::new(pattern));
            let literal: PathBuf = absolute.components().take_while(|c| !c.as_os_str().to_string_lossy().contains(['*', '?', '[', '{'])).collect();
            if literal.is_dir() {
                roots.insert((literal, true));
            } else if let Some(parent) = literal.parent() {
                roots.insert((parent.to_path_buf(), false));
            }
        }
        if cfg.factories.is_empty()
            && let State::Ready(p) = &self.state
            && let Some(common) = common_folder(&p.paths)
        {
            roots.insert((common, true));
        }
        for (file, _) in stamps {
            if file.is_dir() {
                roots.insert((file.clone(), true));
            } else if let Some(parent) = file.parent().filter(|d| d.is_dir()) {
                roots.insert((parent.to_path_buf(), false));
            }
        }
        // A recursive root covers what lies below it.
        let recursive: Vec<PathBuf> = roots.iter().filter(|(_, r)| *r).map(|(d, _)| d.clone()).collect();
        roots.into_iter().filter(|(d, r)| !recursive.iter().any(|above| d.starts_with(above) && (d != above || !*r))).collect()
    }

    /// Whether a change of `path` can change the report: an analysed file, a file a rebuild
    /// depends on, or a source file under the watched folders (a new factory file, perhaps).
    pub fn concerns(&self, path: &Path) -> bool {
        let path = config::absolute(&self.options.cwd, path);
        let stamps = match &self.state {
            State::Ready(p) if p.by_path.contains_key(&path) => return true,
            // A folder of analysed files renamed away or deleted.
            State::Ready(p) if !path.exists() && p.paths.iter().any(|f| f.starts_with(&path)) => return true,
            State::Ready(p) => &p.stamps,
            State::SchemaInvalid { stamps, .. } => stamps,
        };
        if stamps.iter().any(|(f, _)| path.starts_with(f)) {
            return true;
        }
        // A source file, or a folder moved in (its files give no events of their own).
        let new_folder = path.is_dir() && !matches!(&self.state, State::Ready(p) if p.paths.iter().any(|f| f.starts_with(&path)));
        (crate::discover::is_source_file(&path) || new_folder) && self.watch_roots().iter().any(|(root, recursive)| if *recursive { path.starts_with(root) } else { path.parent() == Some(root) })
    }

    fn update_here(&mut self, changed: &[PathBuf]) -> Result<(), ValidateError> {
        if self.inputs_changed() {
            return self.rebuild();
        }
        let State::Ready(project) = &mut self.state else { return self.rebuild() };
        let mut edited = Vec::new();
        for path in changed {
            let path = config::absolute(&self.options.cwd, path);
            match project.by_path.get(&path) {
                Some(&i) => match crate::discover::read_source(&path) {
                    Ok(text) if text == project.texts[i] => {}
                    Ok(text) => edited.push((i, text)),
                    // Deleted (or unreadable): discovery decides what is analysed now.
                    Err(_) => return self.rebuild(),
                },
                // Possibly a new factory file, or a folder of them moved in.
                None if crate::discover::is_source_file(&path) && path.is_file() => return self.rebuild(),
                None if path.is_dir() && !project.paths.iter().any(|f| f.starts_with(&path)) => return self.rebuild(),
                // A folder of analysed files renamed away or deleted.
                None if !path.exists() && project.paths.iter().any(|f| f.starts_with(&path)) => return self.rebuild(),
                None => {}
            }
        }
        project.apply(edited);
        Ok(())
    }

    fn rebuild(&mut self) -> Result<(), ValidateError> {
        self.state = crate::pool().install(|| build(&self.options))?;
        Ok(())
    }

    fn inputs_changed(&self) -> bool {
        let stamps = match &self.state {
            State::Ready(p) => &p.stamps,
            State::SchemaInvalid { stamps, .. } => stamps,
        };
        stamps.iter().any(|(path, stamp)| stamp_of(path) != *stamp)
    }
}

fn build(options: &Options) -> Result<State, ValidateError> {
    let inputs = match crate::load_inputs(options, &Overlay::new())? {
        Loaded::Inputs(inputs) => inputs,
        Loaded::SchemaInvalid { schema_path, diagnostics } => {
            let cfg = config::resolve(options)?;
            return Ok(State::SchemaInvalid { stamps: stamps(options, &cfg, &schema_path, None), cfg: Box::new(cfg), schema_path, diagnostics });
        }
    };
    let Inputs { cfg, schema_path, loaded, paths, kept, parsed, bigint_literals_allowed, tsconfig_diagnostics } = *inputs;
    let (summaries, parse_errors): (Vec<FileSummary>, Vec<Option<Finding>>) = parsed.into_iter().map(|p| (p.summary, p.parse_error)).unzip();
    let index = ProjectIndex::build(&summaries, &cfg.base_classes, &cfg.categories.required, &loaded.schema);
    // Every file checked from the tree phase one kept.
    let ctx = crate::context(&cfg, &loaded, &index, &summaries, bigint_literals_allowed);
    let (checked, texts) = crate::check_kept(&ctx, kept, &parse_errors);
    drop(ctx);
    let stamps = stamps(options, &cfg, &schema_path, paths.first());
    let by_path = paths.iter().enumerate().map(|(i, p)| (p.clone(), i)).collect();
    let by_real_path = paths.iter().enumerate().filter_map(|(i, p)| Some((std::fs::canonicalize(p).ok()?, i))).collect();
    let mut project = Project {
        cfg,
        schema_path,
        loaded,
        paths,
        by_path,
        by_real_path,
        texts,
        summaries,
        parse_errors,
        bigint_literals_allowed,
        tsconfig_diagnostics,
        index,
        checked: Vec::new(),
        imports: Vec::new(),
        located: Vec::new(),
        importers: Vec::new(),
        stamps,
    };
    project.checked = vec![Default::default(); checked.len()];
    project.located = vec![Default::default(); checked.len()];
    project.importers = project.importers_of();
    project.recheck(Vec::new(), checked.into_iter().enumerate().collect(), true);
    Ok(State::Ready(Box::new(project)))
}

impl Project {
    fn ctx(&self) -> Ctx<'_> {
        crate::context(&self.cfg, &self.loaded, &self.index, &self.summaries, self.bigint_literals_allowed)
    }

    /// Phase two for `which` (`done`: results already had), the module graph again when what the
    /// files declare or import changed, and what changed located.
    fn recheck(&mut self, which: Vec<usize>, done: Vec<(usize, FileResult)>, graph_changed: bool) {
        let mut relocate: BTreeSet<usize> = which.iter().copied().chain(done.iter().map(|(i, _)| *i)).collect();
        let ctx = self.ctx();
        let checked = crate::check_files(&ctx, &self.paths, &self.texts, &self.parse_errors, which);
        drop(ctx);
        for (i, result) in checked.into_iter().chain(done) {
            self.checked[i] = result;
        }
        if graph_changed {
            let imports = crate::import_findings(&self.paths, &self.summaries, &self.parse_errors, &self.loaded.client_outputs);
            for (i, found) in imports.iter().enumerate() {
                if self.imports.get(i) != Some(found) {
                    relocate.insert(i);
                }
            }
            self.imports = imports;
        }
        for i in relocate {
            let (mut findings, found) = self.checked[i].clone();
            findings.extend(self.imports[i].iter().cloned());
            self.located[i] = crate::locate_file(&self.cfg, &self.paths[i], &self.texts[i], findings, found);
        }
    }

    /// Files edited on disk: parsed again (once: a file whose declarations did not change is
    /// checked from the same parse); the files importing them (all of them when the base
    /// classes changed) re-checked too.
    fn apply(&mut self, edited: Vec<(usize, String)>) {
        if edited.is_empty() {
            return;
        }
        let ctx = self.ctx();
        let parsed: Vec<(usize, String, crate::Parsed, Option<FileResult>)> = edited
            .into_iter()
            .map(|(i, text)| {
                let (parsed, result) = crate::with_parsed(&self.paths[i], &text, |parsed, program| {
                    let same = parsed.summary == self.summaries[i] && self.parse_errors[i].is_none();
                    let result = program.filter(|_| same).map(|program| crate::check_program(&ctx, i, &text, program));
                    (parsed, result)
                });
                (i, text, parsed, result)
            })
            .collect();
        drop(ctx);
        let mut summaries_changed = false;
        let mut graph_changed = false;
        let mut which: BTreeSet<usize> = BTreeSet::new();
        let mut done = Vec::new();
        for (i, text, parsed, result) in parsed {
            summaries_changed |= parsed.summary != self.summaries[i];
            graph_changed |= parsed.summary != self.summaries[i] || parsed.parse_error.is_some() != self.parse_errors[i].is_some();
            self.summaries[i] = parsed.summary;
            self.parse_errors[i] = parsed.parse_error;
            self.texts[i] = text;
            match result {
                Some(result) => done.push((i, result)),
                None => {
                    which.insert(i);
                }
            }
        }
        if summaries_changed {
            // Results from the old index do not hold.
            which.extend(done.drain(..).map(|(i, _)| i));
            let index = ProjectIndex::build(&self.summaries, &self.cfg.base_classes, &self.cfg.categories.required, &self.loaded.schema);
            let bases_changed = base_key(&index) != base_key(&self.index);
            self.index = index;
            // Before and after the edit: a file that stopped importing one is affected too.
            let before = std::mem::take(&mut self.importers);
            self.importers = self.importers_of();
            if bases_changed {
                which.extend(0..self.paths.len());
            } else {
                let mut stack: Vec<usize> = which.iter().copied().collect();
                while let Some(i) = stack.pop() {
                    for &j in before[i].iter().chain(&self.importers[i]) {
                        if which.insert(j) {
                            stack.push(j);
                        }
                    }
                }
            }
        }
        self.recheck(which.into_iter().collect(), done, graph_changed);
    }

    fn importers_of(&self) -> Vec<Vec<usize>> {
        let mut importers = vec![Vec::new(); self.paths.len()];
        for (i, s) in self.summaries.iter().enumerate() {
            for imp in &s.imports {
                if !imp.specifier.starts_with('.') {
                    continue;
                }
                if let crate::imports::Target::Analysed(j) = crate::imports::resolve(&self.paths[i], &imp.specifier, &self.by_path)
                    && !importers[j].contains(&i)
                {
                    importers[j].push(i);
                }
            }
        }
        importers
    }

    /// File `i` checked with `text` in place of what the session holds, without keeping it
    /// (one parse).
    fn check_text(&self, i: usize, text: &str) -> (Vec<Diagnostic>, Vec<FactoryEntry>) {
        crate::with_parsed(&self.paths[i], text, |parsed, program| {
            let Some(program) = program else {
                return crate::locate_file(&self.cfg, &self.paths[i], text, parsed.parse_error.into_iter().collect(), Vec::new());
            };
            let (mut findings, found, imports) = if parsed.summary == self.summaries[i] && self.parse_errors[i].is_none() {
                let ctx = self.ctx();
                let (findings, found) = crate::check_program(&ctx, i, text, program);
                (findings, found, self.imports[i].clone())
            } else {
                // What the file declares changed: the index and the module graph with its new summary.
                let mut summaries = self.summaries.clone();
                summaries[i] = parsed.summary;
                let index = ProjectIndex::build(&summaries, &self.cfg.base_classes, &self.cfg.categories.required, &self.loaded.schema);
                let ctx = crate::context(&self.cfg, &self.loaded, &index, &summaries, self.bigint_literals_allowed);
                let (findings, found) = crate::check_program(&ctx, i, text, program);
                let mut parse_errors = self.parse_errors.clone();
                parse_errors[i] = None;
                let imports = crate::import_findings(&self.paths, &summaries, &parse_errors, &self.loaded.client_outputs).swap_remove(i);
                (findings, found, imports)
            };
            findings.extend(imports);
            crate::locate_file(&self.cfg, &self.paths[i], text, findings, found)
        })
    }

    fn report(&self, started: Instant) -> Report {
        let mut diagnostics: Vec<Diagnostic> = self.located.iter().flat_map(|(d, _)| d.iter().cloned()).collect();
        let factories: Vec<FactoryEntry> = self.located.iter().flat_map(|(_, f)| f.iter().cloned()).collect();
        diagnostics.extend(self.tsconfig_diagnostics.iter().cloned());
        crate::whole_report(started, &self.cfg, self.schema_path.clone(), &self.loaded.schema, factories, diagnostics, self.paths.len())
    }

    /// A report of one file: its diagnostics and factories; schema and coverage as the whole report's.
    fn file_report(&self, started: Instant, mut diagnostics: Vec<Diagnostic>, factories: Vec<FactoryEntry>, files: usize) -> Report {
        diagnostic::sort(&mut diagnostics);
        let schema = &self.loaded.schema;
        let models: Vec<&str> = schema.models.iter().filter(|m| !m.is_view).map(|m| m.name.as_str()).collect();
        let covered: BTreeSet<&str> = self.located.iter().flat_map(|(_, f)| f.iter().filter_map(|f| f.model.as_deref())).collect();
        Report {
            ok: !diagnostics.iter().any(|d| d.severity == Severity::Error),
            duration_ms: started.elapsed().as_secs_f64() * 1000.0,
            schema: SchemaSummary { path: self.schema_path.clone(), models: schema.models.len() },
            coverage: Coverage {
                total: models.len(),
                covered: models.iter().filter(|m| covered.contains(*m)).count(),
                missing: models.iter().filter(|m| !covered.contains(*m)).map(|m| m.to_string()).collect(),
                extra: Vec::new(),
            },
            factories,
            diagnostics,
            files,
        }
    }
}

/// What decides the checks of every file: the base classes and what they require.
fn base_key(index: &ProjectIndex) -> String {
    format!("{:?}", index.bases)
}

/// The common folder of `paths`.
fn common_folder(paths: &[PathBuf]) -> Option<PathBuf> {
    let mut common = paths.first()?.parent()?.to_path_buf();
    for p in paths {
        while !p.starts_with(&common) {
            common = common.parent()?.to_path_buf();
        }
    }
    Some(common)
}

fn stamp_of(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// The files whose change means building again: the schema (every `.prisma` file of a schema
/// folder, and the folder), the config file and the places one could appear, the tsconfig.
fn stamps(options: &Options, cfg: &Resolved, schema_path: &str, first_file: Option<&PathBuf>) -> Stamps {
    let mut files: Vec<PathBuf> = Vec::new();
    let schema = match &cfg.schema {
        Some(SchemaOption::Source(_)) => None,
        Some(SchemaOption::Path(p)) => Some(p.clone()),
        None => Some(PathBuf::from(schema_path)).filter(|p| !p.as_os_str().is_empty()),
    };
    if let Some(schema) = schema {
        if schema.is_dir() {
            files.extend(
                walkdir::WalkDir::new(&schema)
                    .into_iter()
                    .filter_map(Result::ok)
                    .filter(|e| e.file_type().is_dir() || e.path().extension().is_some_and(|x| x == "prisma"))
                    .map(|e| e.path().to_path_buf()),
            );
        } else {
            files.push(schema);
        }
    }
    match &options.config {
        Some(c) => files.push(config::absolute(&options.cwd, c)),
        None => {
            // As config discovery looks: up to the first package.json.
            for dir in options.cwd.ancestors() {
                files.push(dir.join(config::CONFIG_FILE));
                let manifest = dir.join("package.json");
                let stop = manifest.is_file();
                files.push(manifest);
                if stop {
                    break;
                }
            }
        }
    }
    if let Some(tsconfig) = cfg.tsconfig.clone().or_else(|| first_file.and_then(|p| p.parent()).and_then(config::find_tsconfig)) {
        files.push(tsconfig);
    }
    files.into_iter().map(|f| {
        let stamp = stamp_of(&f);
        (f, stamp)
    }).collect()
}

/// Diagnostics in `now` and not in `before`, and the other way round (as multisets).
fn difference(before: &[Diagnostic], now: &[Diagnostic]) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let key = |d: &Diagnostic| (d.file.clone(), d.line, d.column, d.end_line, d.end_column, d.code, d.message.clone());
    let mut counts: HashMap<_, i64> = HashMap::new();
    for d in before {
        *counts.entry(key(d)).or_default() -= 1;
    }
    for d in now {
        *counts.entry(key(d)).or_default() += 1;
    }
    let mut added = Vec::new();
    let mut left = counts.clone();
    for d in now {
        let c = left.get_mut(&key(d)).expect("counted");
        if *c > 0 {
            *c -= 1;
            added.push(d.clone());
        }
    }
    let mut removed = Vec::new();
    for d in before {
        let c = counts.get_mut(&key(d)).expect("counted");
        if *c < 0 {
            *c += 1;
            removed.push(d.clone());
        }
    }
    (added, removed)
}
