//! Module resolution as Node and TypeScript do it, for the id import chain: relative files (a
//! `.js` specifier maps to the `.ts` source beside it), tsconfig `paths`, and packages under
//! `node_modules` (workspace links included) through `exports` (conditions), `main`, `types`.

use std::path::{Path, PathBuf};

use fixture_tsconfig::{Tsconfig, normalize};

use crate::workspace::read_json;

/// The first existing file for a path without or with a JS extension, as TypeScript looks:
/// `x.js` -> `x.ts`/`x.tsx`/`x.d.ts`, `x` -> `x.ts`, ..., `x/index.ts`.
pub fn resolve_file(base: &Path) -> Option<PathBuf> {
    let text = base.display().to_string();
    let mut candidates: Vec<PathBuf> = Vec::new();
    for (js, ts) in [
        (".js", &[".ts", ".tsx", ".d.ts"][..]),
        (".mjs", &[".mts", ".d.mts"][..]),
        (".cjs", &[".cts", ".d.cts"][..]),
        (".jsx", &[".tsx"][..]),
    ] {
        if let Some(stem) = text.strip_suffix(js) {
            candidates.extend(ts.iter().map(|t| PathBuf::from(format!("{stem}{t}"))));
        }
    }
    candidates.push(base.to_path_buf());
    for ext in [
        ".ts",
        ".tsx",
        ".d.ts",
        ".js",
        ".mjs",
        ".cjs",
        "/index.ts",
        "/index.tsx",
        "/index.d.ts",
        "/index.js",
    ] {
        candidates.push(PathBuf::from(format!("{text}{ext}")));
    }
    candidates.into_iter().find(|c| c.is_file())
}

/// A relative import of `importer`: a JavaScript file loads exactly what it names (Node), a
/// TypeScript file the source behind a `.js` specifier (TypeScript).
pub fn resolve_import(importer: &Path, spec: &str) -> Option<PathBuf> {
    let base = normalize(&importer.parent().unwrap_or(Path::new(".")).join(spec));
    let js = importer
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e, "js" | "mjs" | "cjs"));
    if js && base.is_file() {
        return Some(base);
    }
    resolve_file(&base)
}

pub fn is_relative(spec: &str) -> bool {
    spec.starts_with("./") || spec.starts_with("../") || spec == "." || spec == ".."
}

/// `@scope/name/sub/path` -> (`@scope/name`, `./sub/path`); `name` -> (`name`, `.`).
pub fn split_package(spec: &str) -> (String, String) {
    let parts: Vec<&str> = spec.split('/').collect();
    let n = if spec.starts_with('@') { 2 } else { 1 };
    let name = parts[..n.min(parts.len())].join("/");
    let rest = parts[n.min(parts.len())..].join("/");
    (
        name,
        if rest.is_empty() {
            ".".into()
        } else {
            format!("./{rest}")
        },
    )
}

/// The files `spec` maps to through tsconfig `paths` (first target that exists).
pub fn through_paths(config: &Tsconfig, spec: &str) -> Option<PathBuf> {
    let paths = config.options.paths.as_ref()?;
    let base = config.options.paths_base.clone()?;
    // Exact keys first, then the longest prefix before `*`, as TypeScript picks.
    let mut keys: Vec<(&String, &Vec<String>)> = paths.iter().collect();
    keys.sort_by_key(|(k, _)| {
        std::cmp::Reverse(if k.contains('*') {
            k.find('*').unwrap_or(0)
        } else {
            usize::MAX
        })
    });
    for (key, targets) in keys {
        let captured = match key.split_once('*') {
            None if key == spec => Some(String::new()),
            None => None,
            Some((pre, post)) => spec
                .strip_prefix(pre)
                .and_then(|r| r.strip_suffix(post))
                .map(String::from),
        };
        let Some(c) = captured else { continue };
        for t in targets {
            if let Some(f) = resolve_file(&normalize(&base.join(t.replace('*', &c)))) {
                return Some(f);
            }
        }
    }
    None
}

/// The folder of package `name` in `node_modules` of `from` or a parent (symlinks kept: a
/// workspace link is a symlink into the workspace).
pub fn package_dir(from: &Path, name: &str) -> Option<PathBuf> {
    // Node loads a linked package from its real path (no --preserve-symlinks).
    let found = from
        .ancestors()
        .map(|d| d.join("node_modules").join(name))
        .find(|p| p.join("package.json").is_file())?;
    Some(found.canonicalize().unwrap_or(found))
}

/// Where a package's `subpath` points for the given conditions: `exports` when present (then
/// nothing else counts, as in Node), else `types`/`typings`/`main` for `.`, else the file itself.
/// Returns the path even when the file does not exist (the caller reports that).
pub fn package_entry(
    dir: &Path,
    subpath: &str,
    conditions: &[&str],
    types: bool,
) -> Option<PathBuf> {
    let manifest = read_json(&dir.join("package.json"))?;
    if let Some(exports) = manifest.get("exports") {
        let target = match exports {
            serde_json::Value::Object(o) if o.keys().any(|k| k.starts_with('.')) => {
                match o.get(subpath) {
                    Some(t) => pick(t, conditions, None),
                    None => o.iter().find_map(|(k, t)| {
                        let (pre, post) = k.split_once('*')?;
                        let cap = subpath.strip_prefix(pre)?.strip_suffix(post)?;
                        pick(t, conditions, Some(cap))
                    }),
                }
            }
            other if subpath == "." => pick(other, conditions, None),
            _ => None,
        };
        return target.map(|t| normalize(&dir.join(t)));
    }
    if subpath == "." {
        let keys: &[&str] = if types {
            &["types", "typings", "main"]
        } else {
            &["main"]
        };
        let main = keys
            .iter()
            .find_map(|k| manifest.get(*k).and_then(|v| v.as_str()))
            .unwrap_or("index.js");
        let p = normalize(&dir.join(main));
        return Some(resolve_file(&p).unwrap_or(p));
    }
    let p = normalize(&dir.join(subpath));
    Some(resolve_file(&p).unwrap_or(p))
}

fn pick(target: &serde_json::Value, conditions: &[&str], capture: Option<&str>) -> Option<String> {
    match target {
        serde_json::Value::String(s) => Some(match capture {
            Some(c) => s.replace('*', c),
            None => s.clone(),
        }),
        // Conditions are tried in the caller's priority order, then `default`. Node goes by the
        // key order of the file instead; serde_json's map does not keep it, and for the maps
        // packages write (`types` first, `import`/`require`, `default` last) both agree.
        serde_json::Value::Object(o) => conditions
            .iter()
            .chain(std::iter::once(&"default"))
            .find_map(|c| o.get(*c))
            .and_then(|v| pick(v, conditions, capture)),
        serde_json::Value::Array(a) => a.iter().find_map(|v| pick(v, conditions, capture)),
        _ => None,
    }
}
