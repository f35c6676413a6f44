//! The workspace: its root (found upwards from any folder inside it), its packages (npm/yarn/bun
//! `workspaces`, `pnpm-workspace.yaml`, else `packages/*`), their manifests, and the package
//! manager that the fix commands should name (`packageManager`, else the lockfile).

use std::path::{Path, PathBuf};

use globset::{Glob, GlobBuilder};

#[derive(Debug, Clone)]
pub struct Package {
    pub dir: PathBuf,
    /// `name` of its package.json (the folder name when it has none).
    pub name: String,
    pub manifest: serde_json::Value,
    pub is_root: bool,
}

impl Package {
    pub fn is_esm(&self) -> bool {
        self.manifest.get("type").and_then(|t| t.as_str()) == Some("module")
    }

    /// Names in `dependencies`, `devDependencies` and `peerDependencies`.
    pub fn dependency_names(&self) -> Vec<String> {
        let mut out = Vec::new();
        for key in ["dependencies", "devDependencies", "peerDependencies"] {
            if let Some(o) = self.manifest.get(key).and_then(|v| v.as_object()) {
                out.extend(o.keys().cloned());
            }
        }
        out.sort();
        out.dedup();
        out
    }

    pub fn script(&self, name: &str) -> Option<&str> {
        self.manifest
            .get("scripts")
            .and_then(|s| s.get(name))
            .and_then(|v| v.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackageManager {
    Npm,
    Pnpm,
    Yarn,
    Bun,
}

impl PackageManager {
    pub fn install(self) -> &'static str {
        match self {
            Self::Npm => "npm install",
            Self::Pnpm => "pnpm install",
            Self::Yarn => "yarn install",
            Self::Bun => "bun install",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Npm => "npm",
            Self::Pnpm => "pnpm",
            Self::Yarn => "yarn",
            Self::Bun => "bun",
        }
    }

    /// The manager of the install rooted at `dir`: `packageManager` of its package.json (as
    /// Corepack reads it), else its lockfile or pnpm-workspace.yaml; `None` when nothing says.
    pub fn of(dir: &Path, manifest: &serde_json::Value) -> Option<Self> {
        let declared = manifest
            .get("packageManager")
            .and_then(|v| v.as_str())
            .and_then(|v| v.split('@').next());
        match declared {
            Some("pnpm") => return Some(Self::Pnpm),
            Some("yarn") => return Some(Self::Yarn),
            Some("npm") => return Some(Self::Npm),
            Some("bun") => return Some(Self::Bun),
            _ => {}
        }
        let has = |f: &str| dir.join(f).is_file();
        if has("pnpm-lock.yaml") || has("pnpm-workspace.yaml") {
            Some(Self::Pnpm)
        } else if has("yarn.lock") {
            Some(Self::Yarn)
        } else if has("bun.lock") || has("bun.lockb") {
            Some(Self::Bun)
        } else if has("package-lock.json") || has("npm-shrinkwrap.json") {
            Some(Self::Npm)
        } else {
            None
        }
    }

    /// The command running script `script` of workspace package `name`.
    pub fn run_in(self, name: &str, script: &str, is_root: bool) -> String {
        match (self, is_root) {
            (Self::Npm, true) => format!("npm run {script}"),
            (Self::Pnpm, true) => format!("pnpm run {script}"),
            (Self::Yarn, true) => format!("yarn {script}"),
            (Self::Bun, true) => format!("bun run {script}"),
            (Self::Npm, false) => format!("npm run {script} -w {name}"),
            (Self::Pnpm, false) => format!("pnpm --filter {name} run {script}"),
            (Self::Yarn, false) => format!("yarn workspace {name} {script}"),
            (Self::Bun, false) => format!("bun run --filter {name} {script}"),
        }
    }

    /// `npx`-style runner for a binary, inside package folder `rel_dir` (relative to the root).
    pub fn exec_in(self, rel_dir: &str, command: &str) -> String {
        let runner = match self {
            Self::Npm => "npx",
            Self::Pnpm => "pnpm exec",
            Self::Yarn => "yarn",
            Self::Bun => "bunx",
        };
        if rel_dir.is_empty() || rel_dir == "." {
            format!("{runner} {command}")
        } else {
            format!("(cd {rel_dir} && {runner} {command})")
        }
    }
}

#[derive(Debug, Clone)]
pub struct Workspace {
    pub root: PathBuf,
    /// The root package first, then the workspace packages by path.
    pub packages: Vec<Package>,
    pub manager: PackageManager,
}

impl Workspace {
    pub fn by_name(&self, name: &str) -> Option<&Package> {
        self.packages.iter().find(|p| p.name == name)
    }

    /// The package whose folder holds `path` (the deepest one).
    pub fn package_of(&self, path: &Path) -> Option<&Package> {
        self.packages
            .iter()
            .filter(|p| path.starts_with(&p.dir))
            .max_by_key(|p| p.dir.components().count())
    }

    pub fn rel(&self, path: &Path) -> String {
        let r = path
            .strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string();
        if r.is_empty() { ".".into() } else { r }
    }
}

pub fn read_json(path: &Path) -> Option<serde_json::Value> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(&text)).ok()
}

/// Reads the workspace rooted at `root`. Errors only when `root` is not a folder.
pub fn load(root: &Path) -> Result<Workspace, String> {
    if !root.is_dir() {
        return Err(format!(
            "{}: no such folder (--root must be the workspace root or a folder inside it)",
            root.display()
        ));
    }
    let manifest = read_json(&root.join("package.json")).unwrap_or(serde_json::Value::Null);
    // A package installed by an enclosing project (no workspace of its own) uses that one's manager.
    let manager = root
        .ancestors()
        .find_map(|d| {
            let m = if d == root {
                manifest.clone()
            } else {
                read_json(&d.join("package.json")).unwrap_or(serde_json::Value::Null)
            };
            PackageManager::of(d, &m)
        })
        .unwrap_or(PackageManager::Npm);
    let mut patterns = workspace_patterns(root, &manifest);
    if patterns.is_empty() {
        patterns.push("packages/*".into());
    }
    let mut packages = vec![Package {
        dir: root.to_path_buf(),
        name: name_of(&manifest, root),
        manifest,
        is_root: true,
    }];
    let (include, exclude): (Vec<&String>, Vec<&String>) =
        patterns.iter().partition(|p| !p.starts_with('!'));
    let exclude: Vec<globset::GlobMatcher> = exclude
        .iter()
        .filter_map(|p| path_glob(p.trim_start_matches('!').trim_end_matches('/')).ok())
        .map(|g| g.compile_matcher())
        .collect();
    let mut dirs = Vec::new();
    for pattern in include {
        let pattern = pattern.trim_start_matches("./").trim_end_matches('/');
        let Ok(glob) = path_glob(pattern) else {
            continue;
        };
        let matcher = glob.compile_matcher();
        let depth = if pattern.contains("**") {
            6
        } else {
            pattern.split('/').count()
        };
        for entry in walkdir::WalkDir::new(root)
            .min_depth(1)
            .max_depth(depth)
            .into_iter()
            .filter_entry(|e| !skip_dir(e.file_name().to_str().unwrap_or("")))
            .flatten()
        {
            if !entry.file_type().is_dir() {
                continue;
            }
            let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
            if matcher.is_match(rel)
                && !exclude.iter().any(|m| m.is_match(rel))
                && entry.path().join("package.json").is_file()
            {
                dirs.push(entry.path().to_path_buf());
            }
        }
    }
    dirs.sort();
    dirs.dedup();
    for dir in dirs {
        let manifest = read_json(&dir.join("package.json")).unwrap_or(serde_json::Value::Null);
        packages.push(Package {
            name: name_of(&manifest, &dir),
            dir,
            manifest,
            is_root: false,
        });
    }
    Ok(Workspace {
        root: root.to_path_buf(),
        packages,
        manager,
    })
}

/// The package globs of a workspace root: package.json `workspaces` (an array, or yarn's
/// `{ packages }`) and the `packages:` list of pnpm-workspace.yaml.
fn workspace_patterns(root: &Path, manifest: &serde_json::Value) -> Vec<String> {
    let mut patterns: Vec<String> = match manifest.get("workspaces") {
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(String::from))
            .collect(),
        Some(serde_json::Value::Object(o)) => o
            .get("packages")
            .and_then(|p| p.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    if let Ok(text) = std::fs::read_to_string(root.join("pnpm-workspace.yaml")) {
        patterns.extend(pnpm_packages(&text));
    }
    patterns
}

/// Whether `dir` is a workspace root: a `pnpm-workspace.yaml`, or `workspaces` in its package.json.
pub fn is_workspace_root(dir: &Path) -> bool {
    dir.join("pnpm-workspace.yaml").is_file()
        || read_json(&dir.join("package.json")).is_some_and(|m| m.get("workspaces").is_some())
}

/// The root of the workspace that `start` is in: the nearest folder at or above it whose
/// `pnpm-workspace.yaml` or package.json `workspaces` lists `start` (or is `start` itself), as
/// the package managers find it when run inside a package; else `start`.
pub fn find_root(start: &Path) -> PathBuf {
    for dir in start.ancestors() {
        let manifest = read_json(&dir.join("package.json")).unwrap_or(serde_json::Value::Null);
        let patterns = workspace_patterns(dir, &manifest);
        if patterns.is_empty() && !dir.join("pnpm-workspace.yaml").is_file() {
            continue;
        }
        if dir == start {
            return dir.to_path_buf();
        }
        let rel = start.strip_prefix(dir).unwrap_or(start);
        let matches = |pattern: &str, path: &Path| {
            path_glob(pattern.trim_start_matches("./").trim_end_matches('/'))
                .is_ok_and(|g| g.compile_matcher().is_match(path))
        };
        // `start` may be a folder inside a package rather than the package itself.
        let listed = rel.ancestors().filter(|a| !a.as_os_str().is_empty()).any(|a| {
            patterns.iter().any(|p| !p.starts_with('!') && matches(p, a))
                && !patterns
                    .iter()
                    .any(|p| p.strip_prefix('!').is_some_and(|p| matches(p, a)))
        });
        if listed {
            return dir.to_path_buf();
        }
    }
    start.to_path_buf()
}

/// A glob over paths as tsconfig and workspaces mean it: `*` stays within one folder, `**` crosses them.
pub fn path_glob(pattern: &str) -> Result<Glob, globset::Error> {
    GlobBuilder::new(pattern).literal_separator(true).build()
}

/// Folders never searched: installed packages, VCS data, build caches.
pub fn skip_dir(name: &str) -> bool {
    name == "node_modules" || (name.starts_with('.') && name.len() > 1 && name != "..")
}

fn name_of(manifest: &serde_json::Value, dir: &Path) -> String {
    manifest
        .get("name")
        .and_then(|n| n.as_str())
        .map(String::from)
        .unwrap_or_else(|| {
            dir.file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default()
        })
}

/// The `packages:` list of a pnpm-workspace.yaml. Only that list is read (a YAML sequence of
/// strings); other keys are ignored, so a full YAML parser is not needed.
fn pnpm_packages(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_list = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if !line.starts_with(' ') && !line.starts_with('-') {
            in_list = trimmed.starts_with("packages:");
            continue;
        }
        if in_list && let Some(item) = trimmed.strip_prefix('-') {
            let item = item
                .split(" #")
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches(|c| c == '\'' || c == '"');
            if !item.is_empty() {
                out.push(item.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn pnpm_list() {
        let t = "packages:\n  - packages/*\n  - 'apps/*' # apps\n  - \"!**/test/**\"\nignoredBuiltDependencies:\n  - prisma\n";
        assert_eq!(
            super::pnpm_packages(t),
            vec!["packages/*", "apps/*", "!**/test/**"]
        );
    }
}
