//! Jest and Vitest configs of a package (config files and package.json `"jest"`), read
//! statically, and whether they run this package's `globalSetup` when the installed package
//! provides one (`@vrooli/fixture-native/jest`, `/vitest`).

use std::path::{Path, PathBuf};

use crate::finding::{Code, Finding, Severity};
use crate::source::{Want, line_at, scan};
use crate::workspace::{Package, Workspace, read_json};

pub const THIS_PACKAGE: &str = "@vrooli/fixture-native";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runner {
    Jest,
    Vitest,
}

impl Runner {
    pub fn name(self) -> &'static str {
        match self {
            Self::Jest => "jest",
            Self::Vitest => "vitest",
        }
    }
}

#[derive(Debug, Clone)]
pub struct RunnerConfig {
    pub runner: Runner,
    pub file: PathBuf,
    pub dir: PathBuf,
    /// (property path, string value) of every literal in the config.
    pub strings: Vec<(String, String)>,
    text: String,
}

impl RunnerConfig {
    pub fn line_of(&self, value: &str) -> u32 {
        self.text
            .find(value)
            .map(|at| line_at(&self.text, at as u32))
            .unwrap_or(0)
    }
}

/// `jest.config.*`, `vitest.config.*`, `vite.config.*` (when it has a `test` section) directly in
/// the package folder, and package.json `"jest"`.
pub fn runner_configs(package: &Package) -> Vec<RunnerConfig> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&package.dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let runner = if name.starts_with("jest.config.") {
            Runner::Jest
        } else if name.starts_with("vitest.config.") || name.starts_with("vite.config.") {
            Runner::Vitest
        } else {
            continue;
        };
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let strings = if name.ends_with(".json") {
            let mut v = Vec::new();
            if let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) {
                flatten_json(&json, "", &mut v);
            }
            v
        } else {
            scan(&path, &text, Want { config_strings: true, ..Want::default() }).config_strings
        };
        if name.starts_with("vite.config.") && !strings.iter().any(|(k, _)| k.starts_with("test."))
        {
            continue;
        }
        out.push(RunnerConfig {
            runner,
            file: path,
            dir: package.dir.clone(),
            strings,
            text,
        });
    }
    if let Some(jest) = package.manifest.get("jest") {
        let mut strings = Vec::new();
        flatten_json(jest, "", &mut strings);
        let file = package.dir.join("package.json");
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        out.push(RunnerConfig {
            runner: Runner::Jest,
            file,
            dir: package.dir.clone(),
            strings,
            text,
        });
    }
    out
}

fn flatten_json(v: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
    let join = |k: &str| {
        if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        }
    };
    match v {
        serde_json::Value::String(s) => out.push((path.to_string(), s.clone())),
        serde_json::Value::Bool(b) => out.push((path.to_string(), b.to_string())),
        serde_json::Value::Object(o) => o.iter().for_each(|(k, v)| flatten_json(v, &join(k), out)),
        serde_json::Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, v)| flatten_json(v, &join(&i.to_string()), out)),
        _ => {}
    }
}

/// The installed copy of this package as `from` resolves it (node_modules upwards).
fn installed_manifest(from: &Path) -> Option<serde_json::Value> {
    from.ancestors()
        .map(|d| {
            d.join("node_modules")
                .join(THIS_PACKAGE)
                .join("package.json")
        })
        .find(|p| p.is_file())
        .and_then(|p| read_json(&p))
}

pub fn check(workspace: &Workspace, findings: &mut Vec<Finding>) {
    for package in &workspace.packages {
        if !package.dependency_names().iter().any(|d| d == THIS_PACKAGE) {
            continue;
        }
        let Some(installed) = installed_manifest(&package.dir) else {
            continue;
        };
        let exports = installed.get("exports");
        for config in runner_configs(package) {
            let subpath = format!("./{}", config.runner.name());
            if exports.and_then(|e| e.get(&subpath)).is_none() {
                continue; // the installed version has no globalSetup for this runner
            }
            let specifier = format!("{THIS_PACKAGE}/{}", config.runner.name());
            let wired = config
                .strings
                .iter()
                .any(|(k, v)| k.split('.').any(|p| p == "globalSetup") && v.contains(&specifier));
            if wired {
                continue;
            }
            let (message, fix) = match config.runner {
                Runner::Jest => (
                    format!(
                        "this Jest config does not run {specifier} as its globalSetup: schema, client and ids are not checked before the tests start"
                    ),
                    format!(
                        "add `globalSetup: \"{specifier}\"` to {} (or call createGlobalSetup() from your own globalSetup)",
                        workspace.rel(&config.file)
                    ),
                ),
                Runner::Vitest => (
                    format!(
                        "this Vitest config does not run {specifier} in test.globalSetup: schema, client and ids are not checked before the tests start"
                    ),
                    format!(
                        "add \"{specifier}\" to `test.globalSetup` in {}",
                        workspace.rel(&config.file)
                    ),
                ),
            };
            findings.push(Finding::new(
                Code::RunnerGlobalSetup,
                Severity::Warning,
                &config.file,
                0,
                message,
                fix,
            ));
        }
    }
}
