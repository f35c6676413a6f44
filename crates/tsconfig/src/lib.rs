//! Effective tsconfig resolution, as `tsc --showConfig` sees it for the options that matter to
//! fixtures: the file is JSONC (comments, trailing commas; parsed with `jsonc-parser`), `extends`
//! is followed for relative paths, absolute paths and package specifiers (`node_modules` lookup,
//! a package's `tsconfig` field, `tsconfig.json` inside a package), including arrays of extends
//! (later entries win), and `compilerOptions` are merged key by key with the extending file
//! winning. Paths in `paths`, `baseUrl`, `outDir`, `rootDir`, `include`, `exclude` and `files`
//! resolve against the folder of the file that declares them, as tsc does.
//!
//! An `extends` that resolves to no file (a workspace package not yet installed) is not an error:
//! it is recorded in [`Tsconfig::unresolved_extends`] and the rest of the chain still counts, so a
//! caller can warn and go on.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Component, Path, PathBuf};

/// Longest `extends` chain followed before it is called a cycle.
const MAX_DEPTH: usize = 32;

/// A tsconfig that cannot be read or is not JSONC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TsconfigError {
    pub file: PathBuf,
    /// 1-based; 0 when the problem has no position (an unreadable file, a cycle).
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl fmt::Display for TsconfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file.display(),
                self.line,
                self.column,
                self.message
            )
        } else {
            write!(f, "{}: {}", self.file.display(), self.message)
        }
    }
}

impl std::error::Error for TsconfigError {}

/// An `extends` entry that resolves to no file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnresolvedExtends {
    /// The tsconfig that has the `extends`.
    pub file: PathBuf,
    /// 1-based line of its `"extends"` key.
    pub line: u32,
    pub specifier: String,
}

/// A list of patterns (`include`, `exclude`, `files`) and the folder they are relative to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Patterns {
    pub base: PathBuf,
    pub patterns: Vec<String>,
}

/// The compiler options this crate understands, merged over the `extends` chain. `None` means no
/// file of the chain sets the option: the `effective_*` methods give tsc's default then.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompilerOptions {
    pub target: Option<String>,
    pub module: Option<String>,
    pub module_resolution: Option<String>,
    pub lib: Option<Vec<String>>,
    /// `paths` as written, with the folder its targets resolve against (`baseUrl` when set,
    /// else the folder of the tsconfig declaring `paths`).
    pub paths: Option<BTreeMap<String, Vec<String>>>,
    pub paths_base: Option<PathBuf>,
    pub base_url: Option<PathBuf>,
    pub out_dir: Option<PathBuf>,
    pub root_dir: Option<PathBuf>,
}

/// One tsconfig with its chain applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tsconfig {
    pub path: PathBuf,
    pub options: CompilerOptions,
    /// Every file read, the tsconfig itself first, then its bases depth-first.
    pub chain: Vec<PathBuf>,
    pub unresolved_extends: Vec<UnresolvedExtends>,
    pub include: Option<Patterns>,
    pub exclude: Option<Patterns>,
    pub files: Option<Patterns>,
}

impl Tsconfig {
    /// `target` as tsc uses it (default `ES5`), as written in the config (case kept).
    pub fn effective_target(&self) -> String {
        self.options.target.clone().unwrap_or_else(|| "ES5".into())
    }

    /// `module` as tsc uses it: set, or `CommonJS` for targets below ES2015, else `ES2015`.
    pub fn effective_module(&self) -> String {
        if let Some(m) = &self.options.module {
            return m.clone();
        }
        match target_year(&self.effective_target()) {
            Some(y) if y >= 2015 => "ES2015".into(),
            _ => "CommonJS".into(),
        }
    }

    /// `moduleResolution` as tsc uses it: set, or derived from `module` (`node16`/`nodenext`
    /// follow the module, `preserve` gives `bundler`, CommonJS gives `node10`, others `classic`).
    pub fn effective_module_resolution(&self) -> String {
        if let Some(r) = &self.options.module_resolution {
            return r.clone();
        }
        match self.effective_module().to_ascii_lowercase().as_str() {
            "node16" | "node18" | "node20" => "node16".into(),
            "nodenext" => "nodenext".into(),
            "preserve" => "bundler".into(),
            "commonjs" => "node10".into(),
            _ => "classic".into(),
        }
    }

    /// `lib` as written, or the default library of the target (`lib.<target>.full.d.ts`, shown
    /// as the target's name plus `dom`).
    pub fn effective_lib(&self) -> Vec<String> {
        match &self.options.lib {
            Some(l) => l.clone(),
            None => vec![self.effective_target().to_ascii_lowercase(), "dom".into()],
        }
    }

    /// ECMAScript year of the effective target (5 for ES5, 9999 for ESNext).
    pub fn target_year(&self) -> Option<u32> {
        target_year(&self.effective_target())
    }

    /// Whether `lib` declares `BigInt` (an `es2020`-or-later, `esnext` or `es2020.bigint` entry).
    pub fn lib_has_bigint(&self) -> bool {
        self.effective_lib().iter().any(|l| {
            let l = l.to_ascii_lowercase();
            l == "es2020.bigint"
                || l.split('.')
                    .next()
                    .and_then(target_year)
                    .is_some_and(|y| y >= 2020)
        })
    }
}

/// ECMAScript year of a tsconfig `target` or `lib` name (`ES5` -> 5, `ES2019` -> 2019, `ES6` ->
/// 2015, `ESNext` -> 9999); `None` for something else.
pub fn target_year(target: &str) -> Option<u32> {
    let t = target.to_ascii_lowercase();
    match t.as_str() {
        "es3" => Some(3),
        "es5" => Some(5),
        "es6" | "es2015" => Some(2015),
        "esnext" | "latest" => Some(9999),
        _ => t.strip_prefix("es").and_then(|y| y.parse().ok()),
    }
}

/// Parses JSON with comments and trailing commas (tsconfig, jsconfig, VS Code settings).
pub fn parse_jsonc(text: &str, file: &Path) -> Result<serde_json::Value, TsconfigError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // As lenient as tsc and no more: comments and trailing commas, but a missing comma or an
    // unquoted key is an error there too.
    let options = jsonc_parser::ParseOptions {
        allow_missing_commas: false,
        allow_loose_object_property_names: false,
        ..Default::default()
    };
    jsonc_parser::parse_to_serde_value::<serde_json::Value>(text, &options).map_err(|e| {
        TsconfigError {
            file: file.to_path_buf(),
            line: e.line_display() as u32,
            column: e.column_display() as u32,
            message: format!("not valid JSON with comments: {}", e.kind()),
        }
    })
}

/// The nearest `tsconfig.json` in `start` or a parent folder.
pub fn find_nearest(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join("tsconfig.json"))
        .find(|c| c.is_file())
}

/// Reads `path` and applies its `extends` chain.
pub fn load(path: &Path) -> Result<Tsconfig, TsconfigError> {
    let path = normalize(path);
    let mut config = Tsconfig {
        path: path.clone(),
        options: CompilerOptions::default(),
        chain: Vec::new(),
        unresolved_extends: Vec::new(),
        include: None,
        exclude: None,
        files: None,
    };
    apply(&path, &mut config, &mut Vec::new())?;
    Ok(config)
}

/// Applies `path` under what is already in `config` (options already set win: the caller visits
/// the extending file before its bases).
fn apply(
    path: &Path,
    config: &mut Tsconfig,
    stack: &mut Vec<PathBuf>,
) -> Result<(), TsconfigError> {
    if stack.contains(&path.to_path_buf()) || stack.len() >= MAX_DEPTH {
        return Err(TsconfigError {
            file: path.to_path_buf(),
            line: 0,
            column: 0,
            message: format!(
                "\"extends\" cycle or chain longer than {MAX_DEPTH}: {}",
                stack
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(" -> ")
            ),
        });
    }
    let text = std::fs::read_to_string(path).map_err(|e| TsconfigError {
        file: path.to_path_buf(),
        line: 0,
        column: 0,
        message: format!("cannot read tsconfig: {e}"),
    })?;
    let json = parse_jsonc(&text, path)?;
    config.chain.push(path.to_path_buf());
    let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();

    if let Some(co) = json.get("compilerOptions").and_then(|v| v.as_object()) {
        let o = &mut config.options;
        let string = |key: &str| co.get(key).and_then(|v| v.as_str()).map(String::from);
        let dir_of = |key: &str| string(key).map(|s| normalize(&dir.join(s)));
        set_if_none(&mut o.target, string("target"));
        set_if_none(&mut o.module, string("module"));
        set_if_none(&mut o.module_resolution, string("moduleResolution"));
        set_if_none(
            &mut o.lib,
            co.get("lib").and_then(|v| v.as_array()).map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            }),
        );
        set_if_none(&mut o.base_url, dir_of("baseUrl"));
        set_if_none(&mut o.out_dir, dir_of("outDir"));
        set_if_none(&mut o.root_dir, dir_of("rootDir"));
        if o.paths.is_none()
            && let Some(p) = co.get("paths").and_then(|v| v.as_object())
        {
            o.paths = Some(
                p.iter()
                    .map(|(k, v)| {
                        (
                            k.clone(),
                            v.as_array()
                                .map(|a| {
                                    a.iter()
                                        .filter_map(|x| x.as_str().map(String::from))
                                        .collect()
                                })
                                .unwrap_or_default(),
                        )
                    })
                    .collect(),
            );
            o.paths_base = Some(dir.clone());
        }
    }
    let patterns = |key: &str| {
        json.get(key).and_then(|v| v.as_array()).map(|a| Patterns {
            base: dir.clone(),
            patterns: a
                .iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect(),
        })
    };
    set_if_none(&mut config.include, patterns("include"));
    set_if_none(&mut config.exclude, patterns("exclude"));
    set_if_none(&mut config.files, patterns("files"));

    let bases: Vec<String> = match json.get("extends") {
        Some(serde_json::Value::String(s)) => vec![s.clone()],
        // With an array, later entries override earlier ones: visit them last-first.
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .rev()
            .filter_map(|v| v.as_str().map(String::from))
            .collect(),
        _ => Vec::new(),
    };
    stack.push(path.to_path_buf());
    for spec in bases {
        match resolve_extends(&dir, &spec) {
            Some(base) => apply(&base, config, stack)?,
            None => config.unresolved_extends.push(UnresolvedExtends {
                file: path.to_path_buf(),
                line: line_of(&text, "\"extends\""),
                specifier: spec,
            }),
        }
    }
    stack.pop();
    // `baseUrl` set below (in a base) still anchors `paths` declared above it.
    if let (Some(_), Some(base_url)) = (&config.options.paths, &config.options.base_url) {
        config.options.paths_base = Some(base_url.clone());
    }
    Ok(())
}

fn set_if_none<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}

fn line_of(text: &str, needle: &str) -> u32 {
    text.find(needle)
        .map(|at| text[..at].matches('\n').count() as u32 + 1)
        .unwrap_or(1)
}

/// Where an `extends` specifier written in a tsconfig in `dir` points, as tsc resolves it:
/// a relative or absolute path (with `.json` added when missing), else a package under
/// `node_modules` in `dir` or a parent: `<pkg>/<sub path>`, `<pkg>/<sub path>.json`, the
/// package.json `tsconfig` field, or `<pkg>/tsconfig.json`.
pub fn resolve_extends(dir: &Path, spec: &str) -> Option<PathBuf> {
    if spec.starts_with("./")
        || spec.starts_with("../")
        || spec == "."
        || spec == ".."
        || Path::new(spec).is_absolute()
    {
        let p = normalize(&dir.join(spec));
        return file_or_json(&p).or_else(|| Some(p.join("tsconfig.json")).filter(|t| t.is_file()));
    }
    for d in dir.ancestors() {
        let p = d.join("node_modules").join(spec);
        if let Some(found) = file_or_json(&p) {
            return Some(normalize(&found));
        }
        if p.is_dir() {
            let field = std::fs::read_to_string(p.join("package.json"))
                .ok()
                .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
                .and_then(|j| j.get("tsconfig").and_then(|v| v.as_str()).map(String::from));
            if let Some(f) = field.map(|f| p.join(f)).filter(|f| f.is_file()) {
                return Some(normalize(&f));
            }
            let t = p.join("tsconfig.json");
            if t.is_file() {
                return Some(normalize(&t));
            }
        }
    }
    None
}

fn file_or_json(p: &Path) -> Option<PathBuf> {
    if p.is_file() {
        return Some(p.to_path_buf());
    }
    let j = PathBuf::from(format!("{}.json", p.display()));
    j.is_file().then_some(j)
}

/// Removes `.` and `..` components without touching the file system (symlinks are kept as
/// written, as tsc does for config paths). A relative path keeps the `..` it cannot fold; an
/// absolute one stops at the root, as the file system does.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() && !out.has_root() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}
