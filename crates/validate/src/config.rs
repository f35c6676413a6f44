//! Options: explicit ones, a `fixture-native.config.json`, or a `"fixtureNative"` key in
//! `package.json`. Relative paths in a config file resolve against that file's folder;
//! explicit options win over the file. The tsconfig `target` is read by crates/tsconfig.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::RuleLevel;
use crate::code::Code;

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
    /// The primary base class (the first of `base_classes`): named in help texts and by `generate`.
    pub base_class: String,
    /// Every configured base class (`"baseClass"`: one name or a list). Abstract classes of the
    /// analysed files whose subclasses name a model are bases too, found by the index.
    pub base_classes: Vec<String>,
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
    base_class: Option<OneOrMany>,
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
    let base_classes = match (&options.base_class, file.base_class) {
        (Some(explicit), _) => vec![explicit.clone()],
        (None, Some(OneOrMany::One(s))) => vec![s],
        (None, Some(OneOrMany::Many(v))) if !v.is_empty() => v,
        (None, Some(OneOrMany::Many(_))) => return Err("config \"baseClass\": the list is empty; name at least one class (or leave it out for EnhancedDatabaseFactory)".into()),
        (None, None) => vec!["EnhancedDatabaseFactory".into()],
    };
    Ok(Resolved {
        schema,
        factories,
        factories_base,
        base_class: base_classes[0].clone(),
        base_classes,
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

/// The config `resolve` uses for a folder, found from `start` upwards (the nearest wins).
fn find_config(start: &Path) -> Result<Option<(FileConfig, PathBuf)>, String> {
    let Some(project) = find_project(start) else { return Ok(None) };
    Ok(Some((read_project_config(&project)?, project.dir)))
}

/// Where a project's config is: the folder its relative paths start from, and the file holding
/// it (a `fixture-native.config.json`, or the `package.json` with `"fixtureNative"`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ProjectConfig {
    pub dir: PathBuf,
    pub file: PathBuf,
}

/// The project config `resolve` would find from `start` upwards, without reading a config: the
/// nearest `fixture-native.config.json`, or `package.json` with a `"fixtureNative"` key; a package
/// root without one ends the search. A `package.json` that is not JSON is taken as the project's
/// (reading its config says what is wrong). Cheap to ask for every file of a lint run: a
/// `package.json` is read again only when its size or time changed.
pub fn find_project(start: &Path) -> Option<ProjectConfig> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let candidate = d.join(CONFIG_FILE);
        if candidate.is_file() {
            return Some(ProjectConfig { dir: d.to_path_buf(), file: candidate });
        }
        let manifest = d.join("package.json");
        if let Some(has_section) = manifest_has_section(&manifest) {
            // A package root ends the search: configs above it belong to another package.
            return has_section.then(|| ProjectConfig { dir: d.to_path_buf(), file: manifest });
        }
        dir = d.parent();
    }
    None
}

/// Whether a `package.json` has `"fixtureNative"` (or is not JSON); `None` when there is no
/// readable file. Kept per file by size and modification time.
fn manifest_has_section(manifest: &Path) -> Option<bool> {
    type Known = std::collections::HashMap<PathBuf, (u64, Option<std::time::SystemTime>, bool)>;
    static KNOWN: std::sync::Mutex<Option<Known>> = std::sync::Mutex::new(None);
    let meta = std::fs::metadata(manifest).ok().filter(|m| m.is_file())?;
    let stamp = (meta.len(), meta.modified().ok());
    if let Ok(known) = KNOWN.lock()
        && let Some(&(len, modified, has)) = known.as_ref().and_then(|k| k.get(manifest))
        && (len, modified) == stamp
    {
        return Some(has);
    }
    let text = std::fs::read_to_string(manifest).ok()?;
    let has = serde_json::from_str::<serde_json::Value>(&text).map_or(true, |json| json.get("fixtureNative").is_some());
    if let Ok(mut known) = KNOWN.lock() {
        known.get_or_insert_with(Default::default).insert(manifest.to_path_buf(), (stamp.0, stamp.1, has));
    }
    Some(has)
}

/// The config a [`find_project`] answer names, read.
fn read_project_config(project: &ProjectConfig) -> Result<FileConfig, String> {
    if project.file.file_name().is_some_and(|n| n == CONFIG_FILE) {
        return read_config(&project.file);
    }
    let manifest = &project.file;
    let text = std::fs::read_to_string(manifest).map_err(|e| format!("{}: cannot read package.json: {e}", manifest.display()))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}:{}:{}: package.json is not valid JSON: {e}", manifest.display(), e.line(), e.column()))?;
    match json.get("fixtureNative") {
        Some(section) => serde_json::from_value(section.clone()).map_err(|e| format!("{}: invalid \"fixtureNative\" section: {e}", manifest.display())),
        None => Ok(FileConfig::default()),
    }
}

/// The level the config of the project found from `start` gives each code (`rules`), where it
/// gives a valid one; nothing for a config that cannot be read (the run itself reports it).
pub fn project_rule_levels(start: &Path) -> BTreeMap<String, RuleLevel> {
    let Some(config) = find_project(start).and_then(|p| read_project_config(&p).ok()) else { return BTreeMap::new() };
    config.rules.iter().filter_map(|(code, level)| Some((code.clone(), RuleLevel::parse(level)?))).collect()
}

/// ECMAScript year of a tsconfig `target` (`ES5` -> 5, `ES2019` -> 2019, `ESNext` -> max).
pub use fixture_tsconfig::target_year;

/// The nearest `tsconfig.json` from `start` upwards.
pub use fixture_tsconfig::find_nearest as find_tsconfig;

/// The effective `compilerOptions.target` of a tsconfig, following `extends` (crates/tsconfig).
/// `target` is `None` when no readable file of the chain sets it. An `extends` that resolves to no
/// file (a workspace package not installed yet) is not an error: each one comes back as a
/// warning, and the caller goes on without the options that file would have given.
pub fn tsconfig_target(path: &Path) -> Result<TsconfigTarget, String> {
    let config = fixture_tsconfig::load(path).map_err(|e| e.to_string())?;
    Ok(TsconfigTarget { target: config.options.target, unresolved_extends: config.unresolved_extends })
}

/// What [`tsconfig_target`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TsconfigTarget {
    pub target: Option<String>,
    pub unresolved_extends: Vec<fixture_tsconfig::UnresolvedExtends>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        assert_eq!(target_year("ES2019"), Some(2019));
        assert_eq!(target_year("es5"), Some(5));
        assert_eq!(target_year("ESNext"), Some(9999));
    }

    #[test]
    fn the_project_of_a_folder_is_found_as_resolve_finds_its_config() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().canonicalize().unwrap();
        let write = |rel: &str, text: &str| {
            let p = root.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, text).unwrap();
            p
        };
        let deep = root.join("packages/server/src/fixtures");
        std::fs::create_dir_all(&deep).unwrap();
        write("package.json", r#"{ "name": "workspace" }"#);
        // No config below the workspace root's package.json: no project.
        let server_manifest = write("packages/server/package.json", r#"{ "name": "server" }"#);
        assert_eq!(find_project(&deep), None);
        assert!(project_rule_levels(&deep).is_empty());
        // The package gains a section (a new size: the kept answer is read again).
        write("packages/server/package.json", r#"{ "name": "server", "fixtureNative": { "rules": { "missing-factory": "off", "unknown-field": "loud" } } }"#);
        let found = find_project(&deep).unwrap();
        assert_eq!((found.dir.as_path(), found.file.as_path()), (root.join("packages/server").as_path(), server_manifest.as_path()));
        assert_eq!(project_rule_levels(&deep), BTreeMap::from([("missing-factory".to_string(), RuleLevel::Off)]));
        // A config file nearer the folder wins; resolve reads the same one.
        let config = write("packages/server/src/fixture-native.config.json", r#"{ "rules": { "unknown-field": "warn" } }"#);
        assert_eq!(find_project(&deep).map(|p| p.file), Some(config));
        assert_eq!(project_rule_levels(&deep), BTreeMap::from([("unknown-field".to_string(), RuleLevel::Warning)]));
        assert_eq!(resolve(&Options { cwd: deep.clone(), ..Default::default() }).unwrap().severity, BTreeMap::from([(Code::UnknownField, RuleLevel::Warning)]));
        // A package.json that is not JSON is the project's, and resolving says what is wrong.
        std::fs::remove_file(root.join("packages/server/src/fixture-native.config.json")).unwrap();
        write("packages/server/package.json", "{ not json");
        assert_eq!(find_project(&deep).map(|p| p.dir), Some(root.join("packages/server")));
        assert!(project_rule_levels(&deep).is_empty());
        assert!(resolve(&Options { cwd: deep, ..Default::default() }).unwrap_err().contains("package.json is not valid JSON"));
    }

    #[test]
    fn base_class_is_one_name_or_a_list() {
        let dir = std::env::temp_dir().join(format!("fixture-native-config-bases-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let resolve_with = |json: &str, explicit: Option<&str>| {
            std::fs::write(dir.join(CONFIG_FILE), json).unwrap();
            resolve(&Options { cwd: dir.clone(), base_class: explicit.map(String::from), ..Default::default() }).map(|r| (r.base_class, r.base_classes))
        };
        let one = |s: &str| (s.to_string(), vec![s.to_string()]);
        assert_eq!(resolve_with("{}", None), Ok(one("EnhancedDatabaseFactory")));
        assert_eq!(resolve_with(r#"{ "baseClass": "SeedFactory" }"#, None), Ok(one("SeedFactory")));
        assert_eq!(
            resolve_with(r#"{ "baseClass": ["SeedFactory", "FixtureSet"] }"#, None),
            Ok(("SeedFactory".to_string(), vec!["SeedFactory".to_string(), "FixtureSet".to_string()]))
        );
        assert_eq!(resolve_with(r#"{ "baseClass": ["SeedFactory", "FixtureSet"] }"#, Some("Other")), Ok(one("Other")));
        assert!(resolve_with(r#"{ "baseClass": [] }"#, None).unwrap_err().contains("\"baseClass\""));
        std::fs::remove_dir_all(&dir).ok();
    }
}
