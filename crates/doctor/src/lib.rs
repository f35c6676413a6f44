//! `fixture-native doctor`: finds the environment faults behind broken fixtures before anyone
//! edits a factory, statically: TypeScript targets across the workspace's tsconfigs, Prisma
//! client freshness, the id import chain from the factories, and runner wiring. Findings are
//! data ([`Finding`]: code, file, line, message, the fix); [`report`] renders them.

pub mod files;
pub mod finding;
pub mod idchain;
pub mod prisma;
pub mod report;
pub mod resolve;
pub mod runner;
pub mod source;
pub mod targets;
pub mod workspace;

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

pub use finding::{Code, Finding, Severity};

/// What to examine. Relative paths resolve against `root`.
#[derive(Debug, Clone)]
pub struct Options {
    /// The workspace root, or any folder inside the workspace (a package): the root is found
    /// upwards from it, as the package managers find it.
    pub root: PathBuf,
    /// The factories folder (default: `factories` of a fixture-native.config.json or a
    /// package.json `"fixtureNative"` section in the root or a package).
    pub factories: Option<PathBuf>,
    /// The package the factories are expected to import the id function from.
    pub id_package: String,
    /// The id function's name.
    pub id_export: String,
    /// A Prisma schema (default: found per package as the Prisma CLI does).
    pub schema: Option<PathBuf>,
}

impl Options {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            factories: None,
            id_package: "@vrooli/shared".into(),
            id_export: "generatePK".into(),
            schema: None,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// No error-severity finding.
    pub ok: bool,
    pub duration_ms: f64,
    pub root: String,
    pub packages: Vec<PackageEntry>,
    pub tsconfigs: Vec<targets::TsconfigRow>,
    pub prisma_clients: Vec<prisma::ClientStatus>,
    pub id_chain: Option<idchain::IdChain>,
    pub findings: Vec<Finding>,
    /// What was not examined and why.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PackageEntry {
    pub name: String,
    pub dir: String,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }
    pub fn warnings(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count()
    }
}

/// Runs every check. Fails only when `root` is not a folder or an explicit path is missing.
pub fn doctor(options: &Options) -> Result<Report, String> {
    let started = Instant::now();
    let root = absolute(&std::env::current_dir().unwrap_or_default(), &options.root);
    // Real paths, so that files reached through workspace links compare equal to the workspace's.
    let start = root.canonicalize().unwrap_or(root);
    if !start.is_dir() {
        return Err(format!(
            "{}: no such folder (--root must be the workspace root or a folder inside it)",
            start.display()
        ));
    }
    let root = workspace::find_root(&start);
    let ws = workspace::load(&root)?;
    let explicit = |p: &Option<PathBuf>, what: &str| -> Result<Option<PathBuf>, String> {
        match p {
            Some(p) => {
                let a = absolute(&start, p);
                if a.exists() {
                    Ok(Some(a))
                } else {
                    Err(format!("{}: no such {what}", a.display()))
                }
            }
            None => Ok(None),
        }
    };
    let factories = explicit(&options.factories, "factories folder")?;
    let schema = explicit(&options.schema, "Prisma schema")?;
    let files = files::Files::default();
    let mut notes = Vec::new();
    let schemas = prisma::find_schemas(&ws, schema.as_deref());
    if schemas.is_empty() {
        notes.push("no Prisma schema found (pass --schema): client freshness not checked".into());
    }
    let factories = factories.or_else(|| configured_factories(&ws, &start));
    // Judging the schema with Prisma's rules takes as long as the rest: beside it, not after it.
    let ((prisma_clients, mut findings), (tsconfigs, id_chain, rest)) = rayon::join(
        || {
            let mut found = Vec::new();
            (prisma::check(&ws, &schemas, &mut found), found)
        },
        || {
            let mut found = Vec::new();
            let tcx = targets::Context {
                workspace: &ws,
                files: &files,
                id_export: &options.id_export,
                id_package: &options.id_package,
            };
            let tsconfigs = targets::check(&tcx, &mut found);
            let id_chain = factories.as_ref().and_then(|dir| {
                let icx = idchain::Context {
                    workspace: &ws,
                    files: &files,
                    id_export: &options.id_export,
                    id_package: &options.id_package,
                };
                idchain::check(&icx, dir, &mut found)
            });
            runner::check(&ws, &mut found);
            (tsconfigs, id_chain, found)
        },
    );
    findings.extend(rest);
    match &factories {
        Some(dir) if id_chain.is_none() => notes.push(format!(
            "no file under {} imports `{}` or \"{}\": id import chain not checked",
            ws.rel(dir),
            options.id_export,
            options.id_package
        )),
        Some(_) => {}
        None => notes.push("no factories folder (pass --factories, or set \"factories\" in fixture-native.config.json): id import chain not checked".into()),
    }

    findings.sort_by(|a, b| (&a.file, a.line, a.code).cmp(&(&b.file, b.line, b.code)));
    findings.dedup();
    Ok(Report {
        ok: !findings.iter().any(|f| f.severity == Severity::Error),
        duration_ms: started.elapsed().as_secs_f64() * 1000.0,
        root: root.display().to_string(),
        packages: ws
            .packages
            .iter()
            .map(|p| PackageEntry {
                name: p.name.clone(),
                dir: ws.rel(&p.dir),
            })
            .collect(),
        tsconfigs,
        prisma_clients,
        id_chain,
        findings,
        notes,
    })
}

fn absolute(base: &Path, p: &Path) -> PathBuf {
    fixture_tsconfig::normalize(&if p.is_absolute() {
        p.to_path_buf()
    } else {
        base.join(p)
    })
}

/// `factories` from fixture-native.config.json or package.json `"fixtureNative"` in the package
/// holding `start`, else the root or another package: its first entry, up to the first wildcard.
fn configured_factories(ws: &workspace::Workspace, start: &Path) -> Option<PathBuf> {
    let own = ws.package_of(start).map(|p| p.dir.clone());
    let mut packages: Vec<&workspace::Package> = ws.packages.iter().collect();
    packages.sort_by_key(|p| Some(&p.dir) != own.as_ref());
    for p in packages {
        let config = workspace::read_json(&p.dir.join("fixture-native.config.json"))
            .or_else(|| p.manifest.get("fixtureNative").cloned());
        let Some(f) = config.as_ref().and_then(|c| c.get("factories")) else {
            continue;
        };
        let first = match f {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Array(a) => a.first().and_then(|v| v.as_str()).map(String::from),
            _ => None,
        };
        if let Some(first) = first {
            let literal: Vec<&str> = first
                .split('/')
                .take_while(|s| !s.contains(['*', '?', '[', '{']))
                .collect();
            let dir = absolute(&p.dir, Path::new(&literal.join("/")));
            if dir.exists() {
                return Some(dir);
            }
        }
    }
    None
}
