//! The id import chain: from the factories, the module they import the id function from
//! (`generatePK` from `@vrooli/shared` by default), resolved as TypeScript and Node would; the
//! files it points at must exist, export the function, be built from current sources, and not
//! sit on an import cycle.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use fixture_tsconfig::normalize;

use crate::files::Files;
use crate::finding::{Code, Finding, Severity};
use crate::resolve::{
    is_relative, package_dir, package_entry, resolve_file, resolve_import, split_package,
    through_paths,
};
use crate::workspace::{Package, Workspace};

pub const SHIM: &str = "@vrooli/fixture-native/id";

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IdChain {
    /// The factory file whose import was followed, and the import.
    pub from: String,
    pub line: u32,
    pub specifier: String,
    /// How the specifier resolved: `relative`, `tsconfig paths`, `node_modules`, `workspace (not linked)`.
    pub resolved_via: Option<String>,
    pub package: Option<String>,
    pub types_entry: Option<String>,
    pub runtime_entry: Option<String>,
    pub source_entry: Option<String>,
    /// The file that declares the id function.
    pub declared_in: Option<String>,
    pub ok: bool,
}

pub struct Context<'a> {
    pub workspace: &'a Workspace,
    pub files: &'a Files,
    pub id_export: &'a str,
    pub id_package: &'a str,
}

fn shim_hint(id_export: &str) -> String {
    format!(
        "or import {{ {id_export} }} from \"{SHIM}\" in the factories (no build step, no cycle)"
    )
}

pub fn check(cx: &Context<'_>, factories: &Path, findings: &mut Vec<Finding>) -> Option<IdChain> {
    let ws = cx.workspace;
    // The first factory import naming the id function; failing that, the first import of the id
    // package (another name from it: the chain is the same, but the line is not the id's).
    let files = cx.files.under(factories);
    let first = |wanted: &dyn Fn(&crate::source::Import) -> bool| {
        files.iter().find_map(|file| {
            let facts = cx.files.facts(file)?;
            let i = facts.imports.iter().find(|i| wanted(i))?;
            Some((file.clone(), i.line, i.specifier.clone()))
        })
    };
    let (from, line, specifier) = first(&|i| i.names.iter().any(|n| n == cx.id_export))
        .or_else(|| first(&|i| i.specifier == cx.id_package))?;
    let before = findings.len();
    let mut chain = IdChain {
        from: ws.rel(&from),
        line,
        specifier: specifier.clone(),
        resolved_via: None,
        package: None,
        types_entry: None,
        runtime_entry: None,
        source_entry: None,
        declared_in: None,
        ok: true,
    };
    if specifier == SHIM {
        return Some(chain);
    }
    let from_dir = from.parent().unwrap_or(Path::new(".")).to_path_buf();
    let importer_esm = ws.package_of(&from).is_some_and(Package::is_esm);
    let runtime_conditions: &[&str] = if importer_esm {
        &["node", "import"]
    } else {
        &["node", "require"]
    };
    let types_conditions: &[&str] = if importer_esm {
        &["types", "node", "import"]
    } else {
        &["types", "node", "require"]
    };

    // Resolve: relative, tsconfig paths (types only), node_modules, the workspace by name.
    let mut pkg: Option<PathBuf> = None;
    let (mut types, mut runtime): (Option<PathBuf>, Option<PathBuf>) = (None, None);
    if is_relative(&specifier) {
        let f = resolve_file(&normalize(&from_dir.join(&specifier)));
        chain.resolved_via = f.as_ref().map(|_| "relative".to_string());
        types = f.clone();
        runtime = f;
    } else {
        let tsconfig =
            fixture_tsconfig::find_nearest(&from_dir).and_then(|p| fixture_tsconfig::load(&p).ok());
        if let Some(f) = tsconfig.as_ref().and_then(|c| through_paths(c, &specifier)) {
            chain.resolved_via = Some(format!(
                "tsconfig paths ({})",
                ws.rel(&tsconfig.as_ref().unwrap().path)
            ));
            types = Some(f);
        }
        let (name, subpath) = split_package(&specifier);
        let dir = match package_dir(&from_dir, &name) {
            Some(d) => {
                chain
                    .resolved_via
                    .get_or_insert_with(|| "node_modules".into());
                Some(d)
            }
            None => match ws.by_name(&name) {
                Some(p) => {
                    findings.push(Finding::new(
                        Code::IdImportUnresolved,
                        Severity::Error,
                        &from,
                        line,
                        format!("\"{specifier}\" is the workspace package at {}, but it is not linked into any node_modules above {}: Node cannot load it at run time", ws.rel(&p.dir), ws.rel(&from_dir)),
                        format!("run `{}` at {} to link the workspace packages, {}", ws.manager.install(), ws.rel(&ws.root), shim_hint(cx.id_export)),
                    ));
                    chain
                        .resolved_via
                        .get_or_insert_with(|| "workspace (not linked)".into());
                    Some(p.dir.clone())
                }
                None => None,
            },
        };
        if dir.is_none() && types.is_none() {
            findings.push(Finding::new(
                Code::IdImportUnresolved,
                Severity::Error,
                &from,
                line,
                format!("\"{specifier}\" resolves to nothing: no tsconfig path, no node_modules/{name} above {}, no workspace package of that name", ws.rel(&from_dir)),
                format!("install it (`{}`) or correct the specifier, {}", ws.manager.install(), shim_hint(cx.id_export)),
            ));
        }
        if let Some(d) = &dir {
            if types.is_none() {
                types = package_entry(d, &subpath, types_conditions, true);
            }
            runtime = package_entry(d, &subpath, runtime_conditions, false);
            if runtime.is_none() {
                findings.push(Finding::new(
                    Code::IdImportUnresolved,
                    Severity::Error,
                    &d.join("package.json"),
                    0,
                    format!("\"exports\" of {name} has no entry for \"{subpath}\" under the conditions {runtime_conditions:?}: Node throws ERR_PACKAGE_PATH_NOT_EXPORTED"),
                    format!("add \"{subpath}\" to \"exports\" in {}, {}", ws.rel(&d.join("package.json")), shim_hint(cx.id_export)),
                ));
            }
        }
        pkg = dir;
    }
    let package = pkg.as_ref().and_then(|d| {
        ws.packages
            .iter()
            .find(|p| same_dir(&p.dir, d))
            .cloned()
            .or_else(|| load_package(d))
    });
    chain.package = package.as_ref().map(|p| p.name.clone());
    chain.types_entry = types.as_ref().map(|p| ws.rel(p));
    chain.runtime_entry = runtime.as_ref().map(|p| ws.rel(p));

    // The entries must exist (an absent build is the usual reason they do not).
    let build = package
        .as_ref()
        .map(|p| build_command(ws, p))
        .unwrap_or_else(|| "build the package".into());
    for (what, entry) in [("run-time", &runtime), ("types", &types)] {
        if let Some(e) = entry
            && !e.is_file()
        {
            findings.push(Finding::new(
                Code::IdEntryMissing,
                Severity::Error,
                &from,
                line,
                format!("\"{specifier}\" points its {what} entry at {}, which does not exist: the package is not built", ws.rel(e)),
                format!("run `{build}`, {}", shim_hint(cx.id_export)),
            ));
        }
    }

    // Sources behind the build output (outDir -> rootDir/src, .js/.d.ts -> .ts).
    let layout = package.as_ref().and_then(|p| BuildLayout::of(&p.dir));
    let source_of = |p: &Path| layout.as_ref().and_then(|l| l.source_of(p));
    let source_entry = runtime
        .as_deref()
        .and_then(source_of)
        .or_else(|| types.as_deref().and_then(source_of))
        .or_else(|| runtime.clone().filter(|r| r.is_file() && is_ts(r)));
    chain.source_entry = source_entry.as_ref().map(|p| ws.rel(p));

    // Does the chain export the id function? Read the types entry, else the run-time one, else the source.
    let read_from = [types.clone(), runtime.clone(), source_entry.clone()]
        .into_iter()
        .flatten()
        .find(|p| p.is_file());
    if let Some(start) = &read_from {
        match declaring_file(cx, start, cx.id_export) {
            Lookup::Found(chain_files) => chain.declared_in = chain_files.last().map(|p| ws.rel(p)),
            Lookup::Missing => findings.push(Finding::new(
                Code::IdExportMissing,
                Severity::Error,
                start,
                0,
                format!("{} (what \"{specifier}\" resolves to) does not export `{}`, directly or through its re-exports", ws.rel(start), cx.id_export),
                format!("export `{}` from {}, {}", cx.id_export, ws.rel(start), shim_hint(cx.id_export)),
            )),
            Lookup::Unknown => {}
        }
    }

    // Is the build older than its sources, along the chain?
    if let (Some(l), Some(r)) = (&layout, &runtime)
        && r.is_file()
        && let Lookup::Found(out_files) = declaring_file(cx, r, cx.id_export)
    {
        for out in out_files {
            let Some(src) = l.source_of(&out) else {
                continue;
            };
            if let (Some(a), Some(b)) = (mtime(&src), mtime(&out))
                && a > b
            {
                findings.push(Finding::new(
                    Code::IdBuildStale,
                    Severity::Error,
                    &out,
                    0,
                    format!(
                        "{} is older than its source {}: the tests run yesterday's {}",
                        ws.rel(&out),
                        ws.rel(&src),
                        chain.package.clone().unwrap_or_default()
                    ),
                    format!("run `{build}`, {}", shim_hint(cx.id_export)),
                ));
                break;
            }
        }
    }

    // Cycles through the source chain.
    if let Some(src) = &source_entry
        && let Lookup::Found(src_chain) = declaring_file(cx, src, cx.id_export)
    {
        let scope = package
            .as_ref()
            .map(|p| p.dir.clone())
            .unwrap_or_else(|| src.parent().unwrap_or(Path::new(".")).to_path_buf());
        for cycle in cycles_through(cx, src, &src_chain, &scope) {
            let shown: Vec<String> = cycle
                .iter()
                .chain(cycle.first())
                .map(|p| ws.rel(p))
                .collect();
            findings.push(Finding::new(
                Code::IdImportCycle,
                Severity::Warning,
                &cycle[0],
                0,
                format!("import cycle through the `{}` chain: {} (a module on a cycle can be read before it is initialised: `{}` is undefined at import time)", cx.id_export, shown.join(" -> "), cx.id_export),
                format!("import the id module directly ({}) instead of through the index, {}", ws.rel(src_chain.last().unwrap_or(src)), shim_hint(cx.id_export)),
            ));
        }
    }
    chain.ok = findings[before..]
        .iter()
        .all(|f| f.severity != Severity::Error);
    Some(chain)
}

fn same_dir(a: &Path, b: &Path) -> bool {
    a == b
        || a.canonicalize()
            .ok()
            .zip(b.canonicalize().ok())
            .is_some_and(|(x, y)| x == y)
}

fn load_package(dir: &Path) -> Option<Package> {
    let manifest = crate::workspace::read_json(&dir.join("package.json"))?;
    let name = manifest
        .get("name")
        .and_then(|n| n.as_str())
        .unwrap_or_default()
        .to_string();
    Some(Package {
        dir: dir.to_path_buf(),
        name,
        manifest,
        is_root: false,
    })
}

fn is_ts(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e, "ts" | "tsx" | "mts" | "cts"))
}

fn mtime(p: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(p).ok()?.modified().ok()
}

fn build_command(ws: &Workspace, p: &Package) -> String {
    if p.script("build").is_some() {
        ws.manager.run_in(&p.name, "build", p.is_root)
    } else {
        ws.manager.exec_in(&ws.rel(&p.dir), "tsc -p tsconfig.json")
    }
}

/// Where a package's build output and its sources are, from its tsconfig.json (`outDir`,
/// `rootDir`, else `src`).
struct BuildLayout {
    out_dir: PathBuf,
    root_dir: PathBuf,
}

impl BuildLayout {
    fn of(dir: &Path) -> Option<Self> {
        let config = fixture_tsconfig::load(&dir.join("tsconfig.json")).ok()?;
        let out_dir = config.options.out_dir.clone()?;
        let root_dir = config
            .options
            .root_dir
            .clone()
            .unwrap_or_else(|| dir.join("src"));
        // Resolve the package folder the way `dir` spells it (a node_modules link or the real one).
        Some(Self { out_dir, root_dir })
    }

    fn source_of(&self, output: &Path) -> Option<PathBuf> {
        let rel = strip_prefix_any(output, &self.out_dir)?;
        let s = rel.display().to_string();
        let stem = s
            .strip_suffix(".d.ts")
            .or_else(|| s.strip_suffix(".js"))
            .or_else(|| s.strip_suffix(".mjs"))
            .or_else(|| s.strip_suffix(".cjs"))?;
        ["ts", "tsx", "mts", "cts"]
            .iter()
            .map(|e| self.root_dir.join(format!("{stem}.{e}")))
            .find(|p| p.is_file())
    }
}

/// `path` relative to `base`, also when one of them goes through a symlink (a workspace link).
fn strip_prefix_any(path: &Path, base: &Path) -> Option<PathBuf> {
    if let Ok(r) = path.strip_prefix(base) {
        return Some(r.to_path_buf());
    }
    let canon_base = base.canonicalize().ok()?;
    let parent = path.parent()?.canonicalize().ok()?;
    let full = parent.join(path.file_name()?);
    full.strip_prefix(&canon_base).ok().map(Path::to_path_buf)
}

enum Lookup {
    /// The files from the start to the one declaring the name.
    Found(Vec<PathBuf>),
    Missing,
    /// A re-export of another package or an unparsable file: cannot tell.
    Unknown,
}

fn declaring_file(cx: &Context<'_>, start: &Path, name: &str) -> Lookup {
    fn go(
        cx: &Context<'_>,
        file: &Path,
        name: &str,
        seen: &mut BTreeSet<PathBuf>,
        depth: usize,
    ) -> Lookup {
        if depth > 32 || !seen.insert(file.to_path_buf()) {
            return Lookup::Missing;
        }
        let Some(facts) = cx.files.facts(file) else {
            return Lookup::Unknown;
        };
        if facts.parse_error.is_some() && facts.exports.is_empty() {
            return Lookup::Unknown;
        }
        let named: Vec<&String> = facts
            .named_reexports
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, s)| s)
            .collect();
        if facts.exports.contains(name) && named.is_empty() {
            return Lookup::Found(vec![file.to_path_buf()]);
        }
        let mut unknown = false;
        for spec in named.into_iter().chain(facts.star_exports.iter()) {
            if !is_relative(spec) {
                unknown = true;
                continue;
            }
            let Some(next) = resolve_import(file, spec) else {
                continue;
            };
            match go(cx, &next, name, seen, depth + 1) {
                Lookup::Found(mut rest) => {
                    rest.insert(0, file.to_path_buf());
                    return Lookup::Found(rest);
                }
                Lookup::Unknown => unknown = true,
                Lookup::Missing => {}
            }
        }
        if unknown {
            Lookup::Unknown
        } else {
            Lookup::Missing
        }
    }
    go(cx, start, name, &mut BTreeSet::new(), 0)
}

/// Cycles (strongly connected components) of the run-time relative import graph reachable from
/// `entry` inside `scope` that contain a file of `chain`, each as a path through its files.
fn cycles_through(
    cx: &Context<'_>,
    entry: &Path,
    chain: &[PathBuf],
    scope: &Path,
) -> Vec<Vec<PathBuf>> {
    // The reachable graph.
    let mut index: HashMap<PathBuf, usize> = HashMap::new();
    let mut nodes: Vec<PathBuf> = Vec::new();
    let mut edges: Vec<Vec<usize>> = Vec::new();
    // Breadth-first, each level's files parsed in parallel (parsing is most of doctor's time).
    let mut frontier = vec![entry.to_path_buf()];
    index.insert(entry.to_path_buf(), 0);
    nodes.push(entry.to_path_buf());
    edges.push(Vec::new());
    while !frontier.is_empty() {
        let level: Vec<(PathBuf, Option<std::sync::Arc<crate::source::SourceFacts>>)> =
            frontier.par_iter().map(|f| (f.clone(), cx.files.facts(f))).collect();
        frontier = Vec::new();
        for (file, facts) in level {
            let i = index[&file];
            let Some(facts) = facts else { continue };
            for imp in facts.imports.iter().filter(|i| !i.type_only && is_relative(&i.specifier)) {
                let Some(next) = resolve_import(&file, &imp.specifier) else { continue };
                if !next.starts_with(scope) {
                    continue;
                }
                let j = *index.entry(next.clone()).or_insert_with(|| {
                    nodes.push(next.clone());
                    edges.push(Vec::new());
                    frontier.push(next.clone());
                    nodes.len() - 1
                });
                edges[i].push(j);
            }
        }
    }
    let mut out = Vec::new();
    for comp in strongly_connected(&edges) {
        let self_loop = comp.len() == 1 && edges[comp[0]].contains(&comp[0]);
        if comp.len() > 1 || self_loop {
            // Start at the cycle's file nearest the entry along the chain, for a stable report.
            let Some(start) = chain
                .iter()
                .filter_map(|p| index.get(p).copied())
                .find(|i| comp.contains(i))
            else {
                continue;
            };
            out.push(
                cycle_path(&edges, &comp, start)
                    .into_iter()
                    .map(|i| nodes[i].clone())
                    .collect(),
            );
        }
    }
    out
}

/// A simple cycle inside component `comp` starting at `start` (breadth-first back to it).
fn cycle_path(edges: &[Vec<usize>], comp: &[usize], start: usize) -> Vec<usize> {
    let inside: BTreeSet<usize> = comp.iter().copied().collect();
    let mut prev: HashMap<usize, usize> = HashMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        for &m in &edges[n] {
            if !inside.contains(&m) {
                continue;
            }
            if m == start {
                let mut path = vec![n];
                let mut at = n;
                while at != start {
                    at = prev[&at];
                    path.push(at);
                }
                path.reverse();
                return path;
            }
            if let std::collections::hash_map::Entry::Vacant(e) = prev.entry(m) {
                e.insert(n);
                queue.push_back(m);
            }
        }
    }
    vec![start]
}

/// The strongly connected components of the graph `edges` describes (node `i`'s targets at `i`).
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let mut graph = petgraph::graph::DiGraph::<(), ()>::with_capacity(edges.len(), 0);
    for _ in edges {
        graph.add_node(());
    }
    graph.extend_with_edges(edges.iter().enumerate().flat_map(|(from, out)| out.iter().map(move |&to| (from as u32, to as u32))));
    petgraph::algo::tarjan_scc(&graph).into_iter().map(|comp| comp.into_iter().map(|n| n.index()).collect()).collect()
}
