//! `coverage`: which models have factories, the fixture categories each factory has, and the
//! share of each model's fields that fixture objects write (its factories' `generate*Data`
//! returns and `getFixtures()` entries, typed fixture modules, and nested creates from any of them).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::facts::FactoryFacts;
use crate::project::Project;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CoverageReport {
    /// Models (views excluded), in schema order.
    pub models: Vec<ModelCoverage>,
    pub models_total: usize,
    pub models_with_factory: usize,
    pub fields_total: usize,
    pub fields_written: usize,
    /// `fields_written / fields_total`, in percent rounded to 0.1 (100 for a schema without fields).
    pub percent: f64,
    /// Model names factories use that the schema lacks.
    pub unknown_models: Vec<String>,
    /// Each factory naming a model the schema lacks, and the model it was counted for.
    pub misnamed: Vec<Misnamed>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Misnamed {
    pub class_name: String,
    pub file: String,
    pub line: u32,
    /// The name as `super("…")` writes it.
    pub named: String,
    /// The model it counts for (found by its types or class name); `None`: none.
    pub counted_for: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelCoverage {
    pub model: String,
    /// Factory classes of the model (`[]`: none).
    pub factories: Vec<String>,
    /// Categories of `getFixtures()` over its factories, in source order.
    pub categories: Vec<String>,
    pub fields: usize,
    pub written: usize,
    pub percent: f64,
    /// Fields no fixture writes, in schema order.
    pub unwritten: Vec<String>,
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 { 100.0 } else { (part as f64 * 1000.0 / whole as f64).round() / 10.0 }
}

/// `typed`: fields written by typed fixture modules (`facts::typed_fixture_fields`).
pub fn coverage(project: &Project, facts: &[FactoryFacts], typed: &BTreeMap<String, BTreeSet<String>>) -> CoverageReport {
    let mut written: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (model, fields) in facts.iter().flat_map(|f| &f.fields_written).chain(typed) {
        written.entry(model.as_str()).or_default().extend(fields.iter().map(String::as_str));
    }
    let mut models = Vec::new();
    for m in project.schema.models.iter().filter(|m| !m.is_view) {
        let mine: Vec<&FactoryFacts> = facts.iter().filter(|f| f.model == m.name).collect();
        let mut factories: Vec<String> = project.report.factories.iter().filter(|f| f.model.as_deref() == Some(&m.name)).map(|f| f.class_name.clone()).collect();
        factories.sort();
        factories.dedup();
        let mut categories: Vec<String> = Vec::new();
        for c in mine.iter().flat_map(|f| &f.categories) {
            if !categories.contains(&c.name) {
                categories.push(c.name.clone());
            }
        }
        let set = written.get(m.name.as_str());
        let is_written = |name: &str| set.is_some_and(|s| s.contains(name));
        // Writing every foreign key of a relation (the unchecked input) sets the relation.
        let by_keys = |f: &fixture_schema::Field| f.relation_from_fields.as_ref().is_some_and(|k| !k.is_empty() && k.iter().all(|k| is_written(k)));
        let unwritten: Vec<String> = m.fields.iter().filter(|f| !is_written(&f.name) && !by_keys(f)).map(|f| f.name.clone()).collect();
        let fields = m.fields.len();
        let w = fields - unwritten.len();
        models.push(ModelCoverage { model: m.name.clone(), factories, categories, fields, written: w, percent: percent(w, fields), unwritten });
    }
    let fields_total = models.iter().map(|m| m.fields).sum();
    let fields_written = models.iter().map(|m| m.written).sum();
    CoverageReport {
        models_total: models.len(),
        models_with_factory: models.iter().filter(|m| !m.factories.is_empty()).count(),
        fields_total,
        fields_written,
        percent: percent(fields_written, fields_total),
        unknown_models: project.report.coverage.extra.clone(),
        misnamed: project
            .report
            .factories
            .iter()
            .filter_map(|f| {
                Some(Misnamed { class_name: f.class_name.clone(), file: f.file.clone(), line: f.line, named: f.named.clone()?, counted_for: f.model.clone() })
            })
            .collect(),
        models,
    }
}

impl CoverageReport {
    /// Whether the share of fields written is under `min` percent, exactly (not the rounded share:
    /// 59.17 % is under 59.2).
    pub fn under(&self, min: f64) -> bool {
        self.fields_total > 0 && (self.fields_written as f64) * 100.0 < min * self.fields_total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(written: usize, total: usize) -> CoverageReport {
        CoverageReport { models: Vec::new(), models_total: 0, models_with_factory: 0, fields_total: total, fields_written: written, percent: percent(written, total), unknown_models: Vec::new(), misnamed: Vec::new() }
    }

    #[test]
    fn min_compares_the_exact_share_not_the_rounded_one() {
        // 71 of 120 is 59.1666… %, shown as 59.2.
        let r = report(71, 120);
        assert_eq!(r.percent, 59.2);
        assert!(r.under(59.2));
        assert!(!r.under(59.16));
        assert!(!report(92, 115).under(80.0));
        assert!(!report(0, 0).under(100.0));
    }
}
