//! The closest name to a misspelt one. Names are compared by their parts (`resource`, `version`,
//! `translation` in `resource_version_translation` or `resourceVersionTranslation`) as well as by
//! their letters: a name sharing more whole parts wins over one that only looks alike letter by
//! letter (`resource_translation`, not `resource_version_relation`). Where the written value says
//! what kind of field it is (a scalar or a relation), a field of that kind is preferred.

use oxc_ast::ast::{Expression, ObjectPropertyKind};

use fixture_schema::Model;

/// The words of a name, lower case: split at `_`, `-`, digits and lower-to-upper case changes.
fn parts(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if c == '_' || c == '-' || c == '.' {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// How well two words match: 1 when equal, a misspelling of a longer word counts in part.
fn word_similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    if a.len().min(b.len()) < 4 {
        return 0.0;
    }
    let s = strsim::jaro_winkler(a, b);
    if s >= 0.9 { s } else { 0.0 }
}

/// How many words of the two names match (each word used once), and the share of their letters
/// in matching words (0 to 1), 0.1 more when their last words match.
fn parts_score(a: &[String], b: &[String]) -> (usize, f64) {
    if a.is_empty() || b.is_empty() {
        return (0, 0.0);
    }
    let mut used = vec![false; b.len()];
    let (mut words, mut letters) = (0, 0.0);
    for w in a {
        let best = b.iter().enumerate().filter(|(i, _)| !used[*i]).map(|(i, v)| (i, word_similarity(w, v))).max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((i, s)) = best
            && s > 0.0
        {
            used[i] = true;
            words += 1;
            letters += s * (w.len() + b[i].len()) as f64;
        }
    }
    let total: usize = a.iter().chain(b).map(String::len).sum();
    // The last word names the kind of thing (`…_translation`): matching it counts extra.
    let last = match (a.last(), b.last()) {
        (Some(x), Some(y)) if word_similarity(x, y) > 0.0 => 0.1,
        _ => 0.0,
    };
    (words, letters / total as f64 + last)
}

/// Without case and underscores: the one folding the schema's type-name suggester uses too.
use fixture_schema::type_names::fold;

/// The closest of `candidates` to `name`, if one is close enough: by letters (Jaro-Winkler of the
/// names without case and underscores, 0.82 or more) or by whole words (two or more, holding half
/// the letters or more: one shared `id` or `translation` is no likeness); the candidate with the
/// best share of words wins, letters break ties.
pub fn closest<'n>(name: &str, candidates: impl Iterator<Item = &'n str>) -> Option<&'n str> {
    let name_parts = parts(name);
    let folded = fold(name);
    let mut best: Option<((f64, f64), &str)> = None;
    for c in candidates {
        let letters = strsim::jaro_winkler(&folded, &fold(c));
        let (shared, words) = parts_score(&name_parts, &parts(c));
        if letters < 0.82 && (shared < 2 || words < 0.5) {
            continue;
        }
        let score = (words, letters);
        if best.is_none_or(|(s, _)| score.0 > s.0 || (score.0 == s.0 && score.1 > s.1)) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Keys that make an object value a scalar's (filters, orderings, atomic updates), not a relation's.
const SCALAR_KEYS: &[&str] = &[
    "equals", "in", "notIn", "lt", "lte", "gt", "gte", "not", "contains", "startsWith", "endsWith", "mode", "search", "has", "hasSome",
    "hasEvery", "isEmpty", "path", "string_contains", "string_starts_with", "string_ends_with", "array_contains", "sort", "nulls", "set",
    "increment", "decrement", "multiply", "divide", "push", "unset",
];

/// Whether the value written for an unknown key looks like a relation's (an object of nested
/// writes or filters), a scalar's (anything else), or cannot tell (`None`).
fn written_as_relation(value: &Expression<'_>) -> Option<bool> {
    match value.without_parentheses() {
        Expression::ObjectExpression(o) => {
            let keys: Vec<String> = o
                .properties
                .iter()
                .filter_map(|p| match p {
                    ObjectPropertyKind::ObjectProperty(p) => p.key.static_name().map(|n| n.to_string()),
                    ObjectPropertyKind::SpreadProperty(_) => None,
                })
                .collect();
            if keys.is_empty() {
                None
            } else {
                Some(!keys.iter().any(|k| SCALAR_KEYS.contains(&k.as_str())))
            }
        }
        Expression::BooleanLiteral(_) => None,
        _ => Some(false),
    }
}

/// The closest of `candidates` (name, is a relation) for an unknown key written with `value`: one
/// of the kind the value has first, any else.
pub fn closest_of_kind<'n>(name: &str, value: &Expression<'_>, candidates: &[(&'n str, bool)]) -> Option<&'n str> {
    if let Some(relation) = written_as_relation(value)
        && let Some(c) = closest(name, candidates.iter().filter(|(_, r)| *r == relation).map(|(n, _)| *n))
    {
        return Some(c);
    }
    closest(name, candidates.iter().map(|(n, _)| *n))
}

/// [`closest_of_kind`] over the fields of a model.
pub fn closest_field<'m>(name: &str, value: &Expression<'_>, model: &'m Model) -> Option<&'m str> {
    let candidates: Vec<(&str, bool)> = model.fields.iter().map(|f| (f.name.as_str(), f.is_relation())).collect();
    closest_of_kind(name, value, &candidates)
}

/// Whether `a` and `b` differ only in case and underscores.
pub fn same_letters(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_names() {
        assert_eq!(parts("resource_version_translation"), ["resource", "version", "translation"]);
        assert_eq!(parts("fromVersionId"), ["from", "version", "id"]);
        assert_eq!(parts("HTTPServer2"), ["httpserver2"]);
    }

    /// Whole words outweigh letters: the model of `tx.resource_version_translation` is
    /// `resource_translation`, which letters alone rank below `resource_version_relation`.
    #[test]
    fn whole_words_win_over_letters() {
        let delegates = ["resource_version", "resource_version_relation", "resource_translation", "resource", "resource_tag"];
        assert_eq!(closest("resource_version_translation", delegates.into_iter()), Some("resource_translation"));
        assert_eq!(closest("fromId", ["fromVersion", "fromVersionId", "toVersionId"].into_iter()), Some("fromVersionId"));
        // Misspellings still find their name; nothing close is nothing.
        assert_eq!(closest("bookmarsk", ["tag", "bookmarks"].into_iter()), Some("bookmarks"));
        assert_eq!(closest("nmae", ["name", "handle"].into_iter()), Some("name"));
        assert_eq!(closest("zebra", ["name", "handle"].into_iter()), None);
        // One shared generic word is no likeness.
        assert_eq!(closest("projectId", ["id", "name"].into_iter()), None);
        assert_eq!(closest("project_translation", ["chat_translation", "tag"].into_iter()), None);
    }

    /// A filter key written with a scalar value is suggested a scalar field, with a relation
    /// filter a relation (`created` is a part of both `createdBy` and `createdById`).
    #[test]
    fn a_field_of_the_kind_the_value_has() {
        use crate::rules::testing::SCHEMA;
        let src = r#"import { PrismaClient } from "@prisma/client";
export async function f(prisma: PrismaClient) {
    await prisma.tag.findMany({ where: { created: 5n } });
    await prisma.tag.findMany({ where: { created: { is: { name: "n" } } } });
    await prisma.tag.findMany({ where: { created: { in: [1n, 2n] } } });
}
"#;
        let r = crate::validate_sources(SCHEMA, vec![("/t/a.ts".into(), src.to_string())], None, None).unwrap();
        let suggested: Vec<Option<&str>> = r.diagnostics.iter().filter(|d| d.code == crate::Code::UnknownField).map(|d| d.suggestion.as_deref()).collect();
        assert_eq!(suggested, vec![Some("createdById"), Some("createdBy"), Some("createdById")]);
    }
}
