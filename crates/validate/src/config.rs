//! Options: explicit ones, a `fixture-native.config.json`, or a `"fixtureNative"` key in
//! `package.json`. Relative paths in a config file resolve against that file's folder;
//! explicit options win over the file. The tsconfig `target` is read following `extends`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::RuleLevel;
use crate::rules::Code;

/// Where the schema comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaOption {
    Path(PathBuf),
    Source(String),
}

/// Which members of the object `getFixtures()` returns hold create inputs, update inputs, or
/// nothing to check. "Direct" members are one input; "collection" members map names to inputs.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FixtureCategories {
    pub create: Vec<String>,
    pub create_collections: Vec<String>,
    pub update_collections: Vec<String>,
    pub ignore: Vec<String>,
    /// Required categories when the fixtures interface is not among the analysed files.
    pub required: Vec<String>,
}

impl Default for FixtureCategories {
    fn default() -> Self {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect();
        Self {
            create: s(&["minimal", "complete"]),
            create_collections: s(&["edgeCases", "variants"]),
            update_collections: s(&["updates", "update"]),
            ignore: s(&["invalid"]),
            required: s(&["minimal", "complete", "invalid", "edgeCases"]),
        }
    }
}

/// Options as the caller gives them (all optional).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Folder that relative options resolve against, and where config discovery starts.
    pub cwd: PathBuf,
    /// An explicit config file.
    pub config: Option<PathBuf>,
    pub schema: Option<SchemaOption>,
    pub factories: Vec<String>,
    pub base_class: Option<String>,
    pub tsconfig: Option<PathBuf>,
    pub rules: BTreeMap<String, RuleLevel>,
    pub fixture_categories: Option<FixtureCategories>,
}

/// Options after merging the config file, with absolute paths.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub schema: Option<SchemaOption>,
    /// Patterns, resolved against `factories_base`.
    pub factories: Vec<String>,
    pub factories_base: PathBuf,
    pub base_class: String,
    pub tsconfig: Option<PathBuf>,
    pub severity: BTreeMap<Code, RuleLevel>,
    pub categories: FixtureCategories,
    /// The folder config discovery and defaults start from.
    pub root: PathBuf,
}

#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FileConfig {
    schema: Option<String>,
    factories: Option<OneOrMany>,
    base_class: Option<String>,
    tsconfig: Option<String>,
    #[serde(default)]
    rules: BTreeMap<String, String>,
    fixture_categories: Option<FixtureCategories>,
    #[serde(rename = "$schema")]
    _json_schema: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

pub const CONFIG_FILE: &str = "fixture-native.config.json";

/// Merges explicit options over the config file (explicit or found from `cwd` upwards).
pub fn resolve(options: &Options) -> Result<Resolved, String> {
    let cwd = &options.cwd;
    let (file, file_dir) = match &options.config {
        Some(path) => {
            let path = absolute(cwd, path);
            (Some(read_config(&path)?), path.parent().map(Path::to_path_buf).unwrap_or_else(|| cwd.clone()))
        }
        None => match find_config(cwd)? {
            Some((config, dir)) => (Some(config), dir),
            None => (None, cwd.clone()),
        },
    };
    let file = file.unwrap_or_default();

    let schema = match &options.schema {
        Some(SchemaOption::Path(p)) => Some(SchemaOption::Path(absolute(cwd, p))),
        Some(other) => Some(other.clone()),
        None => file.schema.as_ref().map(|s| SchemaOption::Path(absolute(&file_dir, Path::new(s)))),
    };
    let (factories, factories_base) = if !options.factories.is_empty() {
        (options.factories.clone(), cwd.clone())
    } else {
        match &file.factories {
            Some(OneOrMany::One(s)) => (vec![s.clone()], file_dir.clone()),
            Some(OneOrMany::Many(v)) => (v.clone(), file_dir.clone()),
            None => (Vec::new(), file_dir.clone()),
        }
    };
    let tsconfig = match &options.tsconfig {
        Some(p) => Some(absolute(cwd, p)),
        None => file.tsconfig.as_ref().map(|s| absolute(&file_dir, Path::new(s))),
    };
    let mut severity = BTreeMap::new();
    for (code, level) in &file.rules {
        let c = Code::parse(code).ok_or_else(|| format!("config \"rules\": unknown diagnostic code \"{code}\" (known: {})", known_codes()))?;
        let l = RuleLevel::parse(level).ok_or_else(|| format!("config \"rules\".\"{code}\": \"{level}\" is not one of \"error\", \"warning\", \"off\""))?;
        severity.insert(c, l);
    }
    for (code, level) in &options.rules {
        let c = Code::parse(code).ok_or_else(|| format!("rules: unknown diagnostic code \"{code}\" (known: {})", known_codes()))?;
        severity.insert(c, *level);
    }
    Ok(Resolved {
        schema,
        factories,
        factories_base,
        base_class: options.base_class.clone().or(file.base_class).unwrap_or_else(|| "EnhancedDatabaseFactory".into()),
        tsconfig,
        severity,
        categories: options.fixture_categories.clone().or(file.fixture_categories).unwrap_or_default(),
        root: file_dir,
    })
}

fn known_codes() -> String {
    Code::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
}

pub fn absolute(base: &Path, path: &Path) -> PathBuf {
    crate::discover::normalize(&if path.is_absolute() { path.to_path_buf() } else { base.join(path) })
}

fn read_config(path: &Path) -> Result<FileConfig, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read the config file: {e}", path.display()))?;
    parse_config(&text, path)
}

fn parse_config(text: &str, path: &Path) -> Result<FileConfig, String> {
    serde_json::from_str(text).map_err(|e| format!("{}:{}:{}: invalid config: {e}", path.display(), e.line(), e.column()))
}

/// `fixture-native.config.json`, or `package.json` with a `"fixtureNative"` key, in `start` or a
/// parent folder (the nearest wins).
fn find_config(start: &Path) -> Result<Option<(FileConfig, PathBuf)>, String> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let candidate = d.join(CONFIG_FILE);
        if candidate.is_file() {
            return Ok(Some((read_config(&candidate)?, d.to_path_buf())));
        }
        let manifest = d.join("package.json");
        if manifest.is_file()
            && let Ok(text) = std::fs::read_to_string(&manifest)
        {
            let json: serde_json::Value = serde_json::from_str(&text)
                .map_err(|e| format!("{}:{}:{}: package.json is not valid JSON: {e}", manifest.display(), e.line(), e.column()))?;
            if let Some(section) = json.get("fixtureNative") {
                let config = serde_json::from_value(section.clone())
                    .map_err(|e| format!("{}: invalid \"fixtureNative\" section: {e}", manifest.display()))?;
                return Ok(Some((config, d.to_path_buf())));
            }
            // A package root ends the search: configs above it belong to another package.
            return Ok(None);
        }
        dir = d.parent();
    }
    Ok(None)
}

/// ECMAScript year of a tsconfig `target` (`ES5` -> 5, `ES2019` -> 2019, `ESNext` -> max).
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

/// The nearest `tsconfig.json` from `start` upwards.
pub fn find_tsconfig(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let c = d.join("tsconfig.json");
        if c.is_file() {
            return Some(c);
        }
        dir = d.parent();
    }
    None
}

/// The effective `compilerOptions.target` of a tsconfig, following `extends` (relative paths and
/// packages under `node_modules`; with an array, later entries win). `None` when no file in the
/// chain sets it (tsc's default is ES5).
pub fn tsconfig_target(path: &Path) -> Result<Option<String>, String> {
    target_at_depth(path, 0)
}

fn target_at_depth(path: &Path, depth: u32) -> Result<Option<String>, String> {
    if depth > 16 {
        return Err(format!("{}: tsconfig \"extends\" chain is longer than 16 (a cycle?)", path.display()));
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read tsconfig: {e}", path.display()))?;
    let json: serde_json::Value = serde_json::from_str(&strip_jsonc(&text))
        .map_err(|e| format!("{}:{}:{}: tsconfig is not valid JSON: {e}", path.display(), e.line(), e.column()))?;
    if let Some(t) = json.pointer("/compilerOptions/target").and_then(|t| t.as_str()) {
        return Ok(Some(t.to_string()));
    }
    let parents: Vec<String> = match json.get("extends") {
        Some(serde_json::Value::String(s)) => vec![s.clone()],
        Some(serde_json::Value::Array(a)) => a.iter().rev().filter_map(|v| v.as_str().map(String::from)).collect(),
        _ => return Ok(None),
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    for parent in parents {
        let found = resolve_extends(dir, &parent)
            .ok_or_else(|| format!("{}: tsconfig \"extends\": \"{parent}\" resolves to no file", path.display()))?;
        if let Some(t) = target_at_depth(&found, depth + 1)? {
            return Ok(Some(t));
        }
    }
    Ok(None)
}

fn resolve_extends(dir: &Path, spec: &str) -> Option<PathBuf> {
    let with_json = |p: PathBuf| -> Option<PathBuf> {
        if p.is_file() {
            return Some(p);
        }
        let j = PathBuf::from(format!("{}.json", p.display()));
        if j.is_file() {
            return Some(j);
        }
        let t = p.join("tsconfig.json");
        t.is_file().then_some(t)
    };
    if spec.starts_with('.') || Path::new(spec).is_absolute() {
        return with_json(absolute(dir, Path::new(spec)));
    }
    let mut d = Some(dir);
    while let Some(x) = d {
        if let Some(found) = with_json(x.join("node_modules").join(spec)) {
            return Some(found);
        }
        d = x.parent();
    }
    None
}

/// Removes `//` and `/* */` comments and trailing commas (tsconfig is JSON with comments).
pub fn strip_jsonc(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut in_string = false;
    while i < bytes.len() {
        let c = bytes[i];
        if in_string {
            out.push(c as char);
            if c == b'\\' && i + 1 < bytes.len() {
                out.push(bytes[i + 1] as char);
                i += 2;
                continue;
            }
            if c == b'"' {
                in_string = false;
            }
            i += 1;
            continue;
        }
        if c == b'"' {
            in_string = true;
            out.push('"');
            i += 1;
        } else if c == b'/' && bytes.get(i + 1) == Some(&b'/') {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
        } else if c == b'/' && bytes.get(i + 1) == Some(&b'*') {
            i += 2;
            while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
        } else if c == b',' {
            // Drop a comma followed only by whitespace and a closing bracket.
            let mut j = i + 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < bytes.len() && (bytes[j] == b'}' || bytes[j] == b']') {
                i += 1;
            } else {
                out.push(',');
                i += 1;
            }
        } else {
            // Copy one UTF-8 character.
            let len = utf8_len(c);
            out.push_str(&text[i..i + len]);
            i += len;
        }
    }
    out
}

fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonc() {
        let t = "{\n // c\n \"a\": \"x//y\", /* b */ \"b\": [1,2,],\n}";
        let v: serde_json::Value = serde_json::from_str(&strip_jsonc(t)).unwrap();
        assert_eq!(v["a"], "x//y");
        assert_eq!(v["b"][1], 2);
    }

    #[test]
    fn targets() {
        assert_eq!(target_year("ES2019"), Some(2019));
        assert_eq!(target_year("es5"), Some(5));
        assert_eq!(target_year("ESNext"), Some(9999));
    }
}
