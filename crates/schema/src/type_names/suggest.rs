//! `suggestTypeName`: the real name for a misspelt one. Model names are matched ignoring case and
//! underscores (`CreditAccount`, `creditAccount`, `Credit_Account` all mean `credit_account`); the
//! rest of the name (`CreateInput`, `Include`) is matched the same way against the suffixes Prisma
//! generates for that model. The folded names are computed once per schema.

use std::collections::HashMap;

use crate::Schema;

/// The universe folded once: folded -> the first real name (sorted), and all `(folded, real)` pairs.
#[derive(Debug, Clone, Default)]
pub struct FoldedNames {
    exact: HashMap<String, String>,
    all: Vec<(String, String)>,
    /// Models, longest folded name first.
    models: Vec<(String, String)>,
}

impl FoldedNames {
    fn build(schema: &Schema) -> Self {
        let mut all: Vec<(String, String)> = schema.type_index().names.keys().map(|n| (fold(n), n.clone())).collect();
        all.sort();
        let mut exact = HashMap::new();
        for (folded, name) in &all {
            exact.entry(folded.clone()).or_insert_with(|| name.clone());
        }
        let mut models: Vec<(String, String)> = schema.models.iter().map(|m| (fold(&m.name), m.name.clone())).collect();
        models.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.1.cmp(&b.1)));
        FoldedNames { exact, all, models }
    }
}

/// The name Prisma generates for a misspelt `name` (with or without `Prisma.`), or `None` when the
/// name is already right or nothing close exists.
pub fn suggest(schema: &Schema, name: &str) -> Option<String> {
    let bare = name.strip_prefix("Prisma.").unwrap_or(name);
    if super::exists(schema, bare) || schema.model(bare).is_some() {
        return None;
    }
    let folded = schema.type_index().folded.get_or_init(|| FoldedNames::build(schema));
    let wanted = fold(bare);
    if let Some((_, model)) = folded.models.iter().find(|(f, _)| *f == wanted) {
        return Some(model.clone());
    }
    // Exact match of the folded form against the whole universe (covers every suffix at once).
    if let Some(found) = folded.exact.get(&wanted) {
        return Some(found.clone());
    }
    // Otherwise the closest name by Jaro-Winkler similarity of the folded forms, if close enough.
    let mut best: Option<(f64, &String)> = None;
    for (candidate_folded, candidate) in &folded.all {
        let score = strsim::jaro_winkler(candidate_folded, &wanted);
        if best.is_none_or(|(s, c)| score > s || (score == s && candidate < c)) {
            best = Some((score, candidate));
        }
    }
    best.filter(|(score, _)| *score >= 0.93).map(|(_, candidate)| candidate.clone())
}

/// Lower case without underscores: the spelling differences people make with model names.
pub fn fold(name: &str) -> String {
    name.chars().filter(|c| *c != '_').flat_map(char::to_lowercase).collect()
}
