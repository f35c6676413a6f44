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
    /// `fields_written / fields_total`, in percent (100 for a schema without fields).
    pub percent: f64,
    /// Model names factories use that the schema lacks.
    pub unknown_models: Vec<String>,
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
        models,
    }
}
