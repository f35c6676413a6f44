//! What the validator needs from the schema beyond the resolved model: the client-side names
//! of compound unique criteria (`@@unique([a, b], name: "x")` is `x`, else `a_b`), which the
//! `connect` check accepts as keys. Read from the model's own source text.

use std::collections::HashMap;

use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use fixture_schema::{Schema, SchemaError, SchemaInput};

/// A loaded schema with what the checks derive from it once.
pub struct LoadedSchema {
    pub schema: Schema,
    pub suggester: TypeNameSuggester,
    pub compounds: HashMap<String, Vec<String>>,
    /// The generators' `output` folders, resolved against the schema file declaring them.
    pub client_outputs: Vec<std::path::PathBuf>,
}

/// The last schema loaded in this process, keyed by the text of its files: a second run over an
/// unchanged schema (watch mode, a test runner's setup called per project) skips psl and the
/// type-name universe.
static LAST: Mutex<Option<(u64, Arc<LoadedSchema>)>> = Mutex::new(None);

pub fn load(input: &SchemaInput) -> Result<Arc<LoadedSchema>, SchemaError> {
    let sources = fixture_schema::input::read_sources(input)?;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    sources.hash(&mut hasher);
    let key = hasher.finish();
    if let Ok(last) = LAST.lock()
        && let Some((k, loaded)) = last.as_ref()
        && *k == key
    {
        return Ok(loaded.clone());
    }
    let schema = fixture_schema::load_sources(sources.clone())?;
    // The name universe every `Prisma.X` check resolves against: built here, beside the parsing
    // of the files, rather than by the first check that needs it.
    schema.type_index();
    let suggester = TypeNameSuggester::default();
    let compounds = compound_unique_names(&schema, &sources);
    let client_outputs = generator_outputs(&sources);
    let loaded = Arc::new(LoadedSchema { schema, suggester, compounds, client_outputs });
    let previous = LAST.lock().ok().and_then(|mut last| last.replace((key, loaded.clone())));
    if let (Some((_, previous)), Ok(mut retired)) = (previous, RETIRED.lock()) {
        *retired = Some(previous);
    }
    Ok(loaded)
}

/// The schema the last load replaced, kept until the run that replaced it is done.
static RETIRED: Mutex<Option<Arc<LoadedSchema>>> = Mutex::new(None);

/// Frees the schema the last load replaced (a watch mode after a schema edit): many small frees,
/// done on a thread of its own once the run's work is over, so neither the run nor its threads
/// wait on them.
pub fn free_retired() {
    let Some(previous) = RETIRED.lock().ok().and_then(|mut retired| retired.take()) else { return };
    if Arc::strong_count(&previous) == 1 {
        // Should the thread not start, the closure (and the schema) is dropped here instead.
        let _ = std::thread::Builder::new().name("fixture-native-free".into()).spawn(move || drop(previous));
    }
}

/// `output = "…"` of every `generator` block, joined to the folder of the file declaring it
/// (as `prisma generate` resolves it). `env("…")` outputs are not followed.
pub fn generator_outputs(sources: &[(String, String)]) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for (file, text) in sources {
        let dir = std::path::Path::new(file).parent().unwrap_or(std::path::Path::new(""));
        let mut in_generator = false;
        for line in text.lines().map(str::trim) {
            if line.starts_with("generator ") {
                in_generator = true;
            } else if in_generator && line.starts_with('}') {
                in_generator = false;
            } else if in_generator
                && let Some(rest) = line.strip_prefix("output")
                && let Some(value) = rest.trim_start().strip_prefix('=')
                && let Some(quoted) = value.trim().strip_prefix('"')
                && let Some(end) = quoted.find('"')
            {
                out.push(crate::discover::normalize(&dir.join(&quoted[..end])));
            }
        }
    }
    out
}

pub fn compound_unique_names(schema: &Schema, sources: &[(String, String)]) -> HashMap<String, Vec<String>> {
    let sources: HashMap<&str, &str> = sources.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let mut out = HashMap::new();
    for model in &schema.models {
        let mut names: Vec<String> = Vec::new();
        if let Some(span) = &model.span
            && let Some(text) = sources.get(span.file.as_str())
            && let Some(block) = text.get(span.start as usize..span.end as usize)
        {
            for line in block.lines().map(str::trim) {
                if !(line.starts_with("@@unique") || line.starts_with("@@id")) {
                    continue;
                }
                if let Some(name) = named_argument(line) {
                    names.push(name);
                } else if let Some(fields) = field_list(line)
                    && fields.len() > 1
                {
                    names.push(fields.join("_"));
                }
            }
        }
        // Compound uniques the text scan missed still get their default name.
        for fields in model.unique_fields.iter().chain(std::iter::once(&model.id_fields)).filter(|f| f.len() > 1) {
            let default = fields.join("_");
            if !names.contains(&default) && !names.iter().any(|n| !n.contains(&fields[0])) {
                names.push(default);
            }
        }
        out.insert(model.name.clone(), names);
    }
    out
}

/// `name: "x"` inside an attribute.
fn named_argument(line: &str) -> Option<String> {
    let i = line.find("name:")?;
    let rest = line[i + 5..].trim_start().strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

/// The fields of `@@unique([a, b(sort: Desc)])`.
fn field_list(line: &str) -> Option<Vec<String>> {
    let open = line.find('[')?;
    let close = line[open..].find(']')? + open;
    Some(
        line[open + 1..close]
            .split(',')
            .map(|f| f.trim().split('(').next().unwrap_or("").trim().to_string())
            .filter(|f| !f.is_empty())
            .collect(),
    )
}

/// `Prisma.X` spelling suggestions: `fixture_schema::type_names::suggest` (which folds the names
/// once per schema, on the first misspelling), memoised per name, since the same wrong name tends
/// to recur across files.
#[derive(Default)]
pub struct TypeNameSuggester {
    cache: Mutex<HashMap<String, Option<String>>>,
}

impl TypeNameSuggester {
    pub fn suggest(&self, schema: &Schema, name: &str) -> Option<String> {
        if let Some(hit) = self.cache.lock().ok().and_then(|c| c.get(name).cloned()) {
            return hit;
        }
        let answer = fixture_schema::type_names::suggest(schema, name);
        if let Ok(mut c) = self.cache.lock() {
            c.insert(name.to_string(), answer.clone());
        }
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_attribute_arguments() {
        assert_eq!(named_argument("@@unique([a, b], name: \"ab_unique\")"), Some("ab_unique".into()));
        assert_eq!(field_list("@@unique([a, b(sort: Desc)], map: \"x\")"), Some(vec!["a".into(), "b".into()]));
        assert_eq!(named_argument("@@id([a, b])"), None);
    }
}
