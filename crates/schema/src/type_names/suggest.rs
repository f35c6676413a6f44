//! `suggestTypeName`: the real name for a misspelt one. Model names are matched ignoring case and
//! underscores (`CreditAccount`, `creditAccount`, `Credit_Account` all mean `credit_account`); the
//! rest of the name (`CreateInput`, `Include`) is matched the same way against the suffixes Prisma
//! generates for that model.

use crate::Schema;

/// The name Prisma generates for a misspelt `name` (with or without `Prisma.`), or `None` when the
/// name is already right or nothing close exists.
pub fn suggest(schema: &Schema, name: &str) -> Option<String> {
    let bare = name.strip_prefix("Prisma.").unwrap_or(name);
    if super::exists(schema, bare) || schema.model(bare).is_some() {
        return None;
    }
    let wanted = fold(bare);
    // Longest model name first, so that `UserProfileCreateInput` prefers `user_profile` over `user`.
    let mut models: Vec<&str> = schema.models.iter().map(|m| m.name.as_str()).collect();
    models.sort_by_key(|m| std::cmp::Reverse(fold(m).len()));
    for model in &models {
        let folded = fold(model);
        if wanted == folded {
            return Some((*model).to_owned());
        }
    }
    // Exact match of the folded form against the whole universe (covers every suffix at once).
    let index = schema.type_index();
    let mut candidates: Vec<&String> = index.names.keys().filter(|candidate| fold(candidate) == wanted).collect();
    candidates.sort();
    if let Some(found) = candidates.first() {
        return Some((*found).clone());
    }
    // Otherwise the closest name by edit distance on the folded forms, if it is close enough.
    let mut best: Option<(f64, &String)> = None;
    for candidate in index.names.keys() {
        let score = strsim::jaro_winkler(&fold(candidate), &wanted);
        if best.is_none_or(|(s, c)| score > s || (score == s && candidate < c)) {
            best = Some((score, candidate));
        }
    }
    best.filter(|(score, _)| *score >= 0.93).map(|(_, candidate)| candidate.clone())
}

/// Lower case without underscores: the spelling differences people make with model names.
fn fold(name: &str) -> String {
    name.chars().filter(|c| *c != '_').flat_map(char::to_lowercase).collect()
}
