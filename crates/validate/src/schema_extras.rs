//! What the validator needs from the schema beyond the resolved model: the client-side names
//! of compound unique criteria (`@@unique([a, b], name: "x")` is `x`, else `a_b`), which the
//! `connect` check accepts as keys. Read from the model's own source text.

use std::collections::HashMap;

use fixture_schema::{Schema, SchemaInput};

pub fn compound_unique_names(schema: &Schema, input: &SchemaInput) -> HashMap<String, Vec<String>> {
    let sources: HashMap<String, String> = fixture_schema::input::read_sources(input).unwrap_or_default().into_iter().collect();
    let mut out = HashMap::new();
    for model in &schema.models {
        let mut names: Vec<String> = Vec::new();
        if let Some(span) = &model.span
            && let Some(text) = sources.get(&span.file)
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
