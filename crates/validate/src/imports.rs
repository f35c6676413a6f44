//! The module graph of the analysed files: relative imports that resolve to no file (`.js`
//! specifiers map to `.ts`, as TypeScript's NodeNext resolution does) or name a missing export
//! (`unresolved-import`), and cycles among run-time imports (`import-cycle`).

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::diagnostic::Finding;
use crate::rules;
use crate::summary::FileSummary;

/// Where a relative specifier points: an analysed file (its index), another existing file, or nothing.
pub enum Target {
    Analysed(usize),
    Elsewhere,
    Missing,
}

pub fn resolve(from: &Path, specifier: &str, files: &HashMap<PathBuf, usize>) -> Target {
    let dir = from.parent().unwrap_or(Path::new("."));
    let base = crate::discover::normalize(&dir.join(specifier));
    let text = base.to_string_lossy().to_string();
    let mut candidates: Vec<PathBuf> = Vec::new();
    for (js, ts) in [(".js", &[".ts", ".tsx", ".d.ts"][..]), (".mjs", &[".mts", ".d.mts"][..]), (".cjs", &[".cts", ".d.cts"][..]), (".jsx", &[".tsx"][..])] {
        if let Some(stem) = text.strip_suffix(js) {
            candidates.extend(ts.iter().map(|t| PathBuf::from(format!("{stem}{t}"))));
        }
    }
    candidates.push(base.clone());
    for ext in [".ts", ".tsx", ".d.ts", "/index.ts", "/index.tsx", "/index.d.ts"] {
        candidates.push(PathBuf::from(format!("{text}{ext}")));
    }
    for c in &candidates {
        if let Some(&i) = files.get(c) {
            return Target::Analysed(i);
        }
    }
    if candidates.iter().any(|c| c.is_file()) { Target::Elsewhere } else { Target::Missing }
}

fn is_relative(specifier: &str) -> bool {
    specifier.starts_with("./") || specifier.starts_with("../") || specifier == "." || specifier == ".."
}

/// Whether `file` exports `name`, following `export * from` among analysed files.
fn exports(file: usize, name: &str, paths: &[PathBuf], summaries: &[FileSummary], index: &HashMap<PathBuf, usize>, seen: &mut BTreeSet<usize>) -> bool {
    if !seen.insert(file) {
        return false;
    }
    let s = &summaries[file];
    if s.exports.contains(name) {
        return true;
    }
    s.star_exports.iter().any(|spec| match resolve(&paths[file], spec, index) {
        Target::Analysed(j) => exports(j, name, paths, summaries, index, seen),
        // A star re-export of something we do not analyse may provide anything.
        _ => true,
    })
}

/// A run-time import edge: (target file, start and end of the specifier).
pub type Edge = (usize, u32, u32);

/// `unresolved-import` findings per file, and the run-time edges of the graph.
/// `client_outputs`: the generators' output folders; an import into one is the generated
/// client, not a missing file (said once, as `client-not-generated`, when the folder is absent).
pub fn check(paths: &[PathBuf], summaries: &[FileSummary], parsed: &[bool], client_outputs: &[PathBuf]) -> (Vec<Vec<Finding>>, Vec<Vec<Edge>>) {
    let index: HashMap<PathBuf, usize> = paths.iter().enumerate().map(|(i, p)| (p.clone(), i)).collect();
    let mut findings = vec![Vec::new(); paths.len()];
    let mut edges = vec![Vec::new(); paths.len()];
    let mut not_generated: Option<(usize, u32, u32, PathBuf)> = None;
    for (i, s) in summaries.iter().enumerate() {
        for imp in &s.imports {
            if !is_relative(&imp.specifier) || is_generated_elsewhere(&imp.specifier) {
                continue;
            }
            match resolve(&paths[i], &imp.specifier, &index) {
                Target::Missing if let Some(output) = client_output(&paths[i], &imp.specifier, client_outputs) => {
                    if !output.is_dir() && not_generated.is_none() {
                        not_generated = Some((i, imp.start, imp.end, output.to_path_buf()));
                    }
                }
                Target::Missing => findings[i].push(rules::unresolved_import::no_such_file(imp.start, imp.end, &imp.specifier)),
                Target::Elsewhere => {}
                Target::Analysed(j) => {
                    if !imp.type_only {
                        edges[i].push((j, imp.start, imp.end));
                    }
                    // A file that did not parse has unknown exports.
                    if !parsed[j] {
                        continue;
                    }
                    for (name, start, end) in &imp.names {
                        if exports(j, name, paths, summaries, &index, &mut BTreeSet::new()) {
                            continue;
                        }
                        findings[i].push(rules::unresolved_import::no_such_export(*start, *end, &imp.specifier, name, summaries[j].exports.iter()));
                    }
                }
            }
        }
    }
    if let Some((i, start, end, output)) = not_generated {
        // Said as the import would say it: relative to the importing file's folder.
        let shown = paths[i].parent().and_then(|dir| pathdiff::diff_paths(&output, dir)).map_or_else(
            || output.display().to_string(),
            |rel| {
                let rel = rel.to_string_lossy().replace('\\', "/");
                if rel.starts_with("..") { rel } else { format!("./{rel}") }
            },
        );
        findings[i].push(rules::client_not_generated::report(start, end, &shown));
    }
    (findings, edges)
}

/// Relative imports of files a tool generates outside the analysed tree, which tsc finds through
/// settings we do not model: `prisma-client-js`'s default output (`…/node_modules/.prisma/client`)
/// and SvelteKit's route types (`./$types`, found through the `rootDirs` of its generated tsconfig).
fn is_generated_elsewhere(specifier: &str) -> bool {
    specifier.contains("node_modules/.prisma/") || specifier.ends_with("node_modules/.prisma") || specifier.rsplit('/').next() == Some("$types")
}

/// The generator output folder a relative import from `from` points into, if any.
fn client_output<'o>(from: &Path, specifier: &str, outputs: &'o [PathBuf]) -> Option<&'o PathBuf> {
    let dir = from.parent().unwrap_or(Path::new("."));
    let target = crate::discover::normalize(&dir.join(specifier));
    outputs.iter().find(|o| target.starts_with(o))
}

/// One finding per cycle (strongly connected component of more than one file, or a file
/// importing itself), at the import in the cycle's first file (by path) that stays in the cycle.
pub fn cycles(paths: &[PathBuf], edges: &[Vec<Edge>]) -> Vec<(usize, Finding)> {
    let mut graph = petgraph::graph::DiGraph::<(), ()>::with_capacity(paths.len(), 0);
    for _ in paths {
        graph.add_node(());
    }
    graph.extend_with_edges(edges.iter().enumerate().flat_map(|(from, out)| out.iter().map(move |e| (from as u32, e.0 as u32))));
    let components = petgraph::algo::tarjan_scc(&graph).into_iter().map(|comp| comp.into_iter().map(|n| n.index()).collect::<Vec<usize>>());
    let mut out = Vec::new();
    for mut comp in components {
        let self_loop = comp.len() == 1 && edges[comp[0]].iter().any(|e| e.0 == comp[0]);
        if comp.len() < 2 && !self_loop {
            continue;
        }
        comp.sort_by(|a, b| paths[*a].cmp(&paths[*b]));
        let first = comp[0];
        let Some(&(to, start, end)) = edges[first].iter().find(|e| comp.contains(&e.0)) else { continue };
        // Describe the cycle by walking from `first` inside the component.
        let mut order = vec![first, to];
        let mut cur = to;
        while cur != first && order.len() <= comp.len() {
            match edges[cur].iter().find(|e| comp.contains(&e.0) && (e.0 == first || !order.contains(&e.0))) {
                Some(e) => {
                    cur = e.0;
                    order.push(cur);
                }
                None => break,
            }
        }
        let names: Vec<String> = order
            .iter()
            .map(|&i| paths[i].file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default())
            .collect();
        out.push((first, rules::import_cycle::report(start, end, &names)));
    }
    out
}
