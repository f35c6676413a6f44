//! `suggestTypeName`: the real name for a misspelt one. Model names are matched ignoring case and
//! underscores (`CreditAccount`, `creditAccount`, `Credit_Account` all mean `credit_account`); the
//! rest of the name (`CreateInput`, `Include`) is matched the same way against the suffixes Prisma
//! generates for that model. The folded names are computed once per schema.

use hashbrown::HashTable;

use crate::Schema;

/// The universe folded once. Every name and its folded form sit end to end in one string, so that
/// folding a large schema's universe costs a few allocations, not several per name.
#[derive(Debug, Clone, Default)]
pub struct FoldedNames {
    text: String,
    /// One per name, in no particular order.
    entries: Vec<Entry>,
    /// The entries by folded form: for each, the first name by name among those folding alike.
    exact: HashTable<u32>,
    /// Models, longest folded name first.
    models: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
struct Entry {
    /// `text[folded.0..folded.1]`, then the name itself up to `name_end`.
    folded: (u32, u32),
    name_end: u32,
    /// What bounds the similarity of the folded name, read once.
    profile: CharProfile,
}

impl FoldedNames {
    fn build(schema: &Schema) -> Self {
        let names = &schema.type_index().names;
        let mut folded = FoldedNames {
            text: String::with_capacity(names.keys().map(|n| 2 * n.len()).sum()),
            entries: Vec::with_capacity(names.len()),
            exact: HashTable::with_capacity(names.len()),
            ..Default::default()
        };
        // In no particular order: ties are broken by name where it matters, so no sort is needed.
        for name in names.keys() {
            let start = folded.text.len() as u32;
            fold_into(name, &mut folded.text);
            let end = folded.text.len() as u32;
            folded.text.push_str(name);
            let entry = Entry { folded: (start, end), name_end: folded.text.len() as u32, profile: CharProfile::of(&folded.text[start as usize..end as usize]) };
            folded.entries.push(entry);
            let new = folded.entries.len() as u32 - 1;
            let (text, entries) = (&folded.text, &folded.entries);
            let key = entries[new as usize].folded_in(text);
            let hash = hash_of(key);
            match folded.exact.entry(hash, |&i| entries[i as usize].folded_in(text) == key, |&i| hash_of(entries[i as usize].folded_in(text))) {
                // Several names folding alike: the first by name, whatever the map's order.
                hashbrown::hash_table::Entry::Occupied(mut kept) => {
                    if name.as_str() < entries[*kept.get() as usize].name_in(text) {
                        *kept.get_mut() = new;
                    }
                }
                hashbrown::hash_table::Entry::Vacant(slot) => {
                    slot.insert(new);
                }
            }
        }
        folded.models = schema.models.iter().map(|m| (fold(&m.name), m.name.clone())).collect();
        folded.models.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.1.cmp(&b.1)));
        folded
    }

    fn exact(&self, wanted: &str) -> Option<&str> {
        let i = *self.exact.find(hash_of(wanted), |&i| self.entries[i as usize].folded_in(&self.text) == wanted)?;
        Some(self.entries[i as usize].name_in(&self.text))
    }
}

impl Entry {
    fn folded_in<'t>(&self, text: &'t str) -> &'t str {
        &text[self.folded.0 as usize..self.folded.1 as usize]
    }

    fn name_in<'t>(&self, text: &'t str) -> &'t str {
        &text[self.folded.1 as usize..self.name_end as usize]
    }
}

fn hash_of(folded: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(folded)
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
    if let Some(found) = folded.exact(&wanted) {
        return Some(found.to_owned());
    }
    // Otherwise the closest name by Jaro-Winkler similarity of the folded forms, if close enough.
    let wanted_profile = CharProfile::of(&wanted);
    let mut best: Option<(f64, &str)> = None;
    for entry in &folded.entries {
        if !wanted_profile.can_reach_threshold(&entry.profile) {
            continue;
        }
        let candidate = entry.name_in(&folded.text);
        let score = strsim::jaro_winkler(entry.folded_in(&folded.text), &wanted);
        if best.is_none_or(|(s, c)| score > s || (score == s && candidate < c)) {
            best = Some((score, candidate));
        }
    }
    best.filter(|(score, _)| *score >= THRESHOLD).map(|(_, candidate)| candidate.to_owned())
}

/// The least Jaro-Winkler similarity a suggestion needs.
const THRESHOLD: f64 = 0.93;

/// The length of a folded name in chars (what Jaro counts) and how often each char occurs in it
/// (`a`-`z`, `0`-`9`, any other; `None` past 255 of one), for an upper bound on its similarity.
#[derive(Debug, Clone)]
struct CharProfile {
    chars: usize,
    counts: Option<[u8; 37]>,
}

impl CharProfile {
    fn of(folded: &str) -> Self {
        let mut counts = [0u8; 37];
        let mut chars = 0;
        let mut saturated = false;
        for c in folded.chars() {
            chars += 1;
            let bucket = match c {
                'a'..='z' => c as usize - 'a' as usize,
                '0'..='9' => 26 + (c as usize - '0' as usize),
                _ => 36,
            };
            match counts[bucket].checked_add(1) {
                Some(n) => counts[bucket] = n,
                None => saturated = true,
            }
        }
        CharProfile { chars, counts: (!saturated).then_some(counts) }
    }

    /// Whether the two names can reach `THRESHOLD` at all. Jaro is at most
    /// `(m/|a| + m/|b| + 1) / 3` for `m` matched chars (none transposed), and `m` is at most the
    /// chars the two have in common (the shorter length, without counts); Winkler's prefix bonus
    /// adds at most `0.4 * (1 - jaro)`. An upper bound, so skipping by it changes no answer; it
    /// spares most of a large schema's names.
    fn can_reach_threshold(&self, other: &CharProfile) -> bool {
        let (a, b) = (self.chars, other.chars);
        if a == 0 || b == 0 {
            return true;
        }
        let common = match (&self.counts, &other.counts) {
            // A bucket holding several different chars (`other`) only overcounts: still a bound.
            (Some(x), Some(y)) => x.iter().zip(y).map(|(p, q)| usize::from(*p.min(q))).sum(),
            _ => a.min(b),
        };
        let m = common as f64;
        let jaro = (m / a as f64 + m / b as f64 + 1.0) / 3.0;
        jaro + 0.4 * (1.0 - jaro) >= THRESHOLD - 1e-12
    }
}

/// Lower case without underscores: the spelling differences people make with model names.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    fold_into(name, &mut out);
    out
}

fn fold_into(name: &str, out: &mut String) {
    // Prisma names are ASCII but for quoted identifiers; bytes are much faster than chars.
    if name.is_ascii() {
        out.extend(name.bytes().filter(|b| *b != b'_').map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.extend(name.chars().filter(|c| *c != '_').flat_map(char::to_lowercase));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bound never skips a pair that reaches the threshold: pairs of strings over a small
    /// alphabet up to 9 chars apart in length, from a fixed pseudo-random sequence.
    #[test]
    fn the_length_bound_skips_no_pair_that_reaches_the_threshold() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut word = |len: usize| (0..len).map(|_| (b'a' + (next() % 3) as u8) as char).collect::<String>();
        let mut reached_near_the_bound = 0;
        for short in 1..=14 {
            for extra in 0..=9 {
                for _ in 0..300 {
                    let (a, b) = (word(short), word(short + extra));
                    // Share a prefix often, as misspellings do, so the Winkler bonus is in play.
                    let b = format!("{}{}", &a[..short.min(4)], &b[short.min(4)..]);
                    let score = strsim::jaro_winkler(&a, &b);
                    if !CharProfile::of(&a).can_reach_threshold(&CharProfile::of(&b)) {
                        assert!(score < THRESHOLD, "{a} / {b}: {score} reached the threshold the bound ruled out");
                    } else if score >= THRESHOLD && extra > 0 {
                        reached_near_the_bound += 1;
                    }
                }
            }
        }
        // Not vacuous: pairs of different lengths do reach it where the bound allows.
        assert!(reached_near_the_bound > 0);
    }

    #[test]
    fn the_bound_admits_near_names_and_rules_out_far_ones() {
        let reach = |a: &str, b: &str| CharProfile::of(a).can_reach_threshold(&CharProfile::of(b));
        assert!(reach("creditaccountcreateinput", "creditaccountcreateinput"));
        assert!(reach("teamcreateinput", "teamscreateinput"));
        // Too different in length, or in the chars they hold.
        assert!(!reach("tagcreateinput", "tagcreatewithouttranslationsinput"));
        assert!(!reach("projectcreateinput", "userupdatemanymutationinput"));
        // Past 255 of one char the counts are not kept, and the length alone bounds.
        let long = "a".repeat(300);
        assert!(CharProfile::of(&long).counts.is_none() && reach(&long, &long));
    }
}
