//! TypeScript targets: every `tsconfig*.json` of every workspace package with its effective
//! `target`, `module`, `moduleResolution` and `lib` (the audit table), and the faults among them:
//! a target below ES2020 for files that use BigInt literals or the id API, test configs that
//! compile differently from the package's own, and module systems that cannot load each other.

use std::path::{Path, PathBuf};

use globset::{GlobSet, GlobSetBuilder};
use serde::Serialize;

use fixture_tsconfig::{Tsconfig, normalize, target_year};

use crate::files::{Files, is_declaration, may_have_bigint_literal};
use crate::finding::{Code, Finding, Severity};
use crate::source::{Want, scan};
use crate::workspace::{Package, Workspace, path_glob};

/// One row of the audit table.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TsconfigRow {
    pub package: String,
    pub file: String,
    /// The files it extends, nearest first (relative to the root).
    pub extends: Vec<String>,
    pub target: String,
    pub module: String,
    pub module_resolution: String,
    pub lib: Vec<String>,
    /// Codes of the findings on this file.
    pub findings: Vec<String>,
}

pub struct Context<'a> {
    pub workspace: &'a Workspace,
    pub files: &'a Files,
    pub id_export: &'a str,
    pub id_package: &'a str,
}

pub fn check(cx: &Context<'_>, findings: &mut Vec<Finding>) -> Vec<TsconfigRow> {
    let mut rows = Vec::new();
    for package in &cx.workspace.packages {
        let configs = tsconfig_files(&package.dir);
        let mut loaded: Vec<(PathBuf, Tsconfig)> = Vec::new();
        for path in configs {
            let before = findings.len();
            match fixture_tsconfig::load(&path) {
                Ok(config) => {
                    for u in &config.unresolved_extends {
                        findings.push(Finding::new(
                            Code::TsconfigExtendsUnresolved,
                            Severity::Warning,
                            &u.file,
                            u.line,
                            format!("\"extends\": \"{}\" resolves to no file, so the options it holds (target, module, lib…) are unknown here", u.specifier),
                            format!("run `{}` so that `{}` is installed, or correct the path", cx.workspace.manager.install(), u.specifier),
                        ));
                    }
                    bigint_usage(cx, &config, findings);
                    loaded.push((path.clone(), config));
                }
                Err(e) => findings.push(Finding::new(
                    Code::TsconfigInvalid,
                    Severity::Error,
                    &e.file,
                    e.line,
                    format!("tsconfig cannot be read: {}", e.message),
                    "fix the JSON at that position (tsc stops on the same error)",
                )),
            }
            let codes: Vec<String> = findings[before..]
                .iter()
                .map(|f| f.code.as_str().to_string())
                .collect();
            let row = match loaded.last().filter(|(p, _)| *p == path) {
                Some((_, c)) => TsconfigRow {
                    package: package.name.clone(),
                    file: cx.workspace.rel(&path),
                    extends: c
                        .chain
                        .iter()
                        .skip(1)
                        .map(|p| cx.workspace.rel(p))
                        .collect(),
                    target: c.effective_target(),
                    module: c.effective_module(),
                    module_resolution: c.effective_module_resolution(),
                    lib: c.effective_lib(),
                    findings: codes,
                },
                None => TsconfigRow {
                    package: package.name.clone(),
                    file: cx.workspace.rel(&path),
                    extends: Vec::new(),
                    target: "?".into(),
                    module: "?".into(),
                    module_resolution: "?".into(),
                    lib: Vec::new(),
                    findings: codes,
                },
            };
            rows.push(row);
        }
        let own = loaded
            .iter()
            .find(|(p, _)| p.file_name().and_then(|n| n.to_str()) == Some("tsconfig.json"))
            .map(|(_, c)| c);
        if let Some(own) = own {
            for (path, test) in loaded.iter().filter(|(p, _)| is_test_tsconfig(p)) {
                let before = findings.len();
                compare_test_config(cx, own, path, test, "the test tsconfig", findings);
                mark(&mut rows, cx, path, &findings[before..]);
            }
            runner_transforms(cx, package, own, findings);
        }
        module_interop(cx, package, own, findings);
    }
    rows
}

fn mark(rows: &mut [TsconfigRow], cx: &Context<'_>, path: &Path, new: &[Finding]) {
    let rel = cx.workspace.rel(path);
    if let Some(row) = rows.iter_mut().find(|r| r.file == rel) {
        row.findings
            .extend(new.iter().map(|f| f.code.as_str().to_string()));
    }
}

/// `tsconfig.json` and `tsconfig.*.json` directly in a package folder.
fn tsconfig_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            p.is_file() && n.starts_with("tsconfig") && n.ends_with(".json")
        })
        .collect();
    out.sort();
    out
}

fn is_test_tsconfig(path: &Path) -> bool {
    let n = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    n != "tsconfig.json" && (n.contains("test") || n.contains("spec"))
}

/// The first file of `config` that needs BigInt (a literal, or an import of the id function or
/// package) while the target is below ES2020.
fn bigint_usage(cx: &Context<'_>, config: &Tsconfig, findings: &mut Vec<Finding>) {
    if config.target_year().is_some_and(|y| y >= 2020) {
        return;
    }
    for file in covered_files(cx, config) {
        if is_declaration(&file) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let uses_id = text.contains(cx.id_export);
        if !uses_id && !may_have_bigint_literal(&text) {
            continue;
        }
        let facts = scan(&file, &text, Want { bigint: true, ..Want::default() });
        let id_import = facts
            .imports
            .iter()
            .find(|i| i.names.iter().any(|n| n == cx.id_export) || i.specifier == cx.id_package);
        let (line, what) = match (facts.bigint_literal_line, id_import) {
            (Some(l), _) => (l, "a BigInt literal".to_string()),
            (None, Some(i)) => (
                i.line,
                format!("the id API (`{}` from \"{}\")", cx.id_export, i.specifier),
            ),
            _ => continue,
        };
        let target = config.effective_target();
        findings.push(Finding::new(
            Code::TargetBelowEs2020,
            Severity::Error,
            &config.path,
            target_line(&config.path),
            format!(
                "target {target} is below ES2020, but {}:{line} uses {what}: tsc reports TS2737 (BigInt literals are not available when targeting lower than ES2020){}",
                cx.workspace.rel(&file),
                if config.lib_has_bigint() { "" } else { " and `bigint` is not in its lib" }
            ),
            format!("set \"compilerOptions\": {{ \"target\": \"ES2020\" }} (or later) in {}{}", cx.workspace.rel(&config.path), if config.options.lib.is_some() && !config.lib_has_bigint() { " and add \"ES2020\" to its \"lib\"" } else { "" }),
        ));
        return;
    }
}

/// The line of `"target"` in a tsconfig (0 when it inherits the target or uses the default).
fn target_line(path: &Path) -> u32 {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.find("\"target\"").map(|at| crate::source::line_at(&text, at as u32)).unwrap_or(0)
}

/// The source files a tsconfig compiles: `files`, else `include` (default `**/*`), minus
/// `exclude` (default node_modules and `outDir`).
fn covered_files(cx: &Context<'_>, config: &Tsconfig) -> Vec<PathBuf> {
    let dir = config.path.parent().unwrap_or(Path::new(".")).to_path_buf();
    if let Some(files) = &config.files
        && config.include.is_none()
    {
        return files
            .patterns
            .iter()
            .map(|f| normalize(&files.base.join(f)))
            .filter(|p| p.is_file())
            .collect();
    }
    let (base, patterns) = match &config.include {
        Some(i) => (i.base.clone(), i.patterns.clone()),
        None => (dir.clone(), vec!["**/*".to_string()]),
    };
    let include = globs(&base, &patterns);
    let exclude = match &config.exclude {
        Some(e) => globs(&e.base, &e.patterns),
        None => {
            let mut p = vec![
                "node_modules".to_string(),
                "bower_components".into(),
                "jspm_packages".into(),
            ];
            if let Some(out) = &config.options.out_dir {
                p.push(out.display().to_string());
            }
            globs(&dir, &p)
        }
    };
    // Walk the literal prefix of each pattern (`src/**/*.ts` -> src), within the package's reach.
    let mut roots: Vec<PathBuf> = patterns.iter().map(|p| literal_prefix(&base, p)).collect();
    roots.sort();
    roots.dedup();
    let mut out = Vec::new();
    for root in roots {
        for f in cx.files.under(&root).iter() {
            if include.is_match(f) && !exclude.is_match(f) {
                out.push(f.clone());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn literal_prefix(base: &Path, pattern: &str) -> PathBuf {
    let mut p = base.to_path_buf();
    for part in pattern.split('/') {
        if part.contains(['*', '?', '[', '{']) {
            break;
        }
        p.push(part);
    }
    let p = normalize(&p);
    if p.is_file() {
        p.parent().map(Path::to_path_buf).unwrap_or(p)
    } else {
        p
    }
}

/// tsconfig include/exclude patterns as globs over absolute paths: a pattern without a wildcard
/// or extension in its last part is a folder (everything below it).
fn globs(base: &Path, patterns: &[String]) -> GlobSet {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let abs = normalize(&base.join(p));
        let s = abs.display().to_string();
        let last = s.rsplit('/').next().unwrap_or("");
        let full = if s.ends_with("**") {
            format!("{s}/*")
        } else if !last.contains(['*', '?', '.']) {
            format!("{s}/**/*")
        } else {
            s.clone()
        };
        for g in [full, s] {
            if let Ok(g) = path_glob(&g) {
                b.add(g);
            }
        }
    }
    b.build().unwrap_or_else(|_| GlobSet::empty())
}

/// Reports the options a test config compiles with differently from the package's tsconfig.json.
fn compare_test_config(
    cx: &Context<'_>,
    own: &Tsconfig,
    file: &Path,
    test: &Tsconfig,
    what: &str,
    findings: &mut Vec<Finding>,
) {
    let mut differences = Vec::new();
    let year = |c: &Tsconfig| c.target_year().map(|y| y.min(9999));
    if year(own) != year(test) {
        differences.push(("target", test.effective_target(), own.effective_target()));
    }
    if !own
        .effective_module()
        .eq_ignore_ascii_case(&test.effective_module())
    {
        differences.push(("module", test.effective_module(), own.effective_module()));
    }
    if !own
        .effective_module_resolution()
        .eq_ignore_ascii_case(&test.effective_module_resolution())
    {
        differences.push((
            "moduleResolution",
            test.effective_module_resolution(),
            own.effective_module_resolution(),
        ));
    }
    if differences.is_empty() {
        return;
    }
    let said: Vec<String> = differences
        .iter()
        .map(|(k, t, o)| format!("{k} {t} (the package: {o})"))
        .collect();
    let edit: Vec<String> = differences
        .iter()
        .map(|(k, _, o)| format!("\"{k}\": \"{o}\""))
        .collect();
    findings.push(Finding::new(
        Code::TestConfigMismatch,
        Severity::Warning,
        file,
        0,
        format!("{what} compiles with {}: tests then see other types and module semantics than the build", said.join(", ")),
        format!("set \"compilerOptions\": {{ {} }} in {} (or extend \"./tsconfig.json\" and drop the overrides)", edit.join(", "), cx.workspace.rel(file)),
    ));
}

/// Jest `transform` (ts-jest `tsconfig`, @swc/jest `jsc.target`) and Vitest `esbuild.target`
/// settings, where the config file states them literally.
fn runner_transforms(
    cx: &Context<'_>,
    package: &Package,
    own: &Tsconfig,
    findings: &mut Vec<Finding>,
) {
    for config in crate::runner::runner_configs(package) {
        for (key, value) in &config.strings {
            let parts: Vec<&str> = key.split('.').collect();
            // transform.<pattern>.1.tsconfig = "path"  |  globals.ts-jest.tsconfig = "path"
            let is_ts_jest_tsconfig = (parts.first() == Some(&"transform")
                && parts.ends_with(&["1", "tsconfig"])
                && parts.len() >= 3)
                || key == "globals.ts-jest.tsconfig";
            if is_ts_jest_tsconfig && value.ends_with(".json") {
                let path = normalize(
                    &config
                        .dir
                        .join(value.replace("<rootDir>/", "").replace("<rootDir>", ".")),
                );
                if let Ok(test) = fixture_tsconfig::load(&path) {
                    compare_test_config(
                        cx,
                        own,
                        &config.file,
                        &test,
                        &format!("ts-jest (tsconfig {value})"),
                        findings,
                    );
                }
                continue;
            }
            let is_target = (key.ends_with(".jsc.target") && parts.first() == Some(&"transform"))
                || key == "esbuild.target"
                || key == "test.esbuild.target";
            if is_target {
                let year = target_year(value);
                let own_year = own.target_year();
                if year.is_some()
                    && own_year.is_some()
                    && year != own_year
                    && (year < Some(2020) || own_year < Some(2020))
                {
                    findings.push(Finding::new(
                        Code::TestConfigMismatch,
                        Severity::Warning,
                        &config.file,
                        config.line_of(value),
                        format!(
                            "the test transform targets {value} while {} targets {}",
                            cx.workspace.rel(&own.path),
                            own.effective_target()
                        ),
                        format!(
                            "set `{key}` to \"{}\" in {}",
                            own.effective_target().to_ascii_lowercase(),
                            cx.workspace.rel(&config.file)
                        ),
                    ));
                }
            }
        }
    }
}

/// A package emitting CommonJS that depends on an ESM-only workspace package: `require()` of an
/// ES module fails (ERR_REQUIRE_ESM before Node 22.12; TS1479 in tsc).
fn module_interop(
    cx: &Context<'_>,
    package: &Package,
    own: Option<&Tsconfig>,
    findings: &mut Vec<Finding>,
) {
    let emits_cjs = match own.map(|c| c.effective_module().to_ascii_lowercase()) {
        Some(m) if m == "commonjs" => true,
        Some(m) if m.starts_with("node") => !package.is_esm(),
        Some(_) => false,
        None => false,
    };
    if !emits_cjs {
        return;
    }
    let manifest_path = package.dir.join("package.json");
    let manifest_text = std::fs::read_to_string(&manifest_path).unwrap_or_default();
    for dep in package.dependency_names() {
        let Some(d) = cx.workspace.by_name(&dep) else {
            continue;
        };
        if d.dir == package.dir || !esm_only(d) {
            continue;
        }
        let line = manifest_text
            .find(&format!("\"{dep}\""))
            .map(|at| crate::source::line_at(&manifest_text, at as u32))
            .unwrap_or(0);
        findings.push(Finding::new(
            Code::ModuleInterop,
            Severity::Error,
            &manifest_path,
            line,
            format!(
                "{} compiles to CommonJS (module {}) but depends on {dep}, which is ESM only (\"type\": \"module\", no \"require\" export): require() of it fails with ERR_REQUIRE_ESM on Node before 22.12 and tsc reports TS1479",
                package.name,
                own.map(|c| c.effective_module()).unwrap_or_default()
            ),
            format!("make {} ESM: \"type\": \"module\" in {} with \"module\": \"NodeNext\"; or give {dep} a \"require\" export", package.name, cx.workspace.rel(&manifest_path)),
        ));
    }
}

fn esm_only(p: &Package) -> bool {
    if !p.is_esm() {
        return false;
    }
    fn has_require(v: &serde_json::Value) -> bool {
        match v {
            serde_json::Value::Object(o) => o
                .iter()
                .any(|(k, v)| k == "require" || (k.ends_with(".cjs")) || has_require(v)),
            serde_json::Value::String(s) => s.ends_with(".cjs"),
            serde_json::Value::Array(a) => a.iter().any(has_require),
            _ => false,
        }
    }
    match p.manifest.get("exports") {
        Some(e) => !has_require(e),
        None => !p
            .manifest
            .get("main")
            .and_then(|m| m.as_str())
            .is_some_and(|m| m.ends_with(".cjs")),
    }
}
