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
    let suggester = TypeNameSuggester::new(&schema);
    let compounds = compound_unique_names(&schema, &sources);
    let client_outputs = generator_outputs(&sources);
    let loaded = Arc::new(LoadedSchema { schema, suggester, compounds, client_outputs });
    if let Ok(mut last) = LAST.lock() {
        *last = Some((key, loaded.clone()));
    }
    Ok(loaded)
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

/// `Prisma.X` spelling suggestions, fast: the generated names folded (lower case, no `_`) once,
/// then an exact folded lookup per query, with a Jaro-Winkler fallback over the prefolded names.
/// Same answers as `fixture_schema::type_names::suggest`, which refolds the whole universe on
/// every call (milliseconds each, too slow for a hundred wrong names).
pub struct TypeNameSuggester {
    folded: Vec<(String, String)>,
    exact: HashMap<String, String>,
    models: Vec<(String, String)>,
    /// Answers already given: the same wrong name tends to recur across files.
    cache: std::sync::Mutex<HashMap<String, Option<String>>>,
}

pub fn fold(s: &str) -> String {
    s.chars().filter(|c| *c != '_').flat_map(char::to_lowercase).collect()
}

impl TypeNameSuggester {
    pub fn new(schema: &Schema) -> Self {
        let mut folded: Vec<(String, String)> = schema.type_index().names.keys().map(|n| (fold(n), n.clone())).collect();
        folded.sort();
        let mut exact = HashMap::new();
        for (f, n) in &folded {
            exact.entry(f.clone()).or_insert_with(|| n.clone());
        }
        let mut models: Vec<(String, String)> = schema.models.iter().map(|m| (fold(&m.name), m.name.clone())).collect();
        models.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        Self { folded, exact, models, cache: Default::default() }
    }

    pub fn suggest(&self, name: &str) -> Option<String> {
        if let Some(hit) = self.cache.lock().ok().and_then(|c| c.get(name).cloned()) {
            return hit;
        }
        let answer = self.compute(name);
        if let Ok(mut c) = self.cache.lock() {
            c.insert(name.to_string(), answer.clone());
        }
        answer
    }

    fn compute(&self, name: &str) -> Option<String> {
        let wanted = fold(name);
        if let Some((_, m)) = self.models.iter().find(|(f, _)| *f == wanted) {
            return Some(m.clone());
        }
        if let Some(n) = self.exact.get(&wanted) {
            return Some(n.clone());
        }
        let mut best: Option<(f64, &String)> = None;
        for (f, n) in &self.folded {
            // Jaro-Winkler cannot reach the threshold across a large length difference.
            if f.len().abs_diff(wanted.len()) * 4 > wanted.len().max(4) {
                continue;
            }
            let score = strsim::jaro_winkler(f, &wanted);
            if best.is_none_or(|(s, c)| score > s || (score == s && n < c)) {
                best = Some((score, n));
            }
        }
        best.filter(|(s, _)| *s >= 0.93).map(|(_, n)| n.clone())
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
