//! `diff`: what changed between two schemas (models added, removed, renamed; fields added,
//! removed, retyped, made required or optional; enum values; relations) and, with factories,
//! what each change breaks: the validator runs against both schemas and every diagnostic the
//! new schema adds is attributed to the change its message names.

use std::collections::{BTreeMap, BTreeSet};

use std::path::Path;

use fixture_schema::{Field, Model, Schema, SchemaInput};
use fixture_validate::{Diagnostic, Options, Report, SchemaOption, ValidateError, validate};
use serde::Serialize;

/// One change, flat so that every format can show it; `kind` says which fields are set.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// `model-added`, `model-removed`, `model-renamed`, `field-added`, `field-removed`,
    /// `field-retyped`, `field-required`, `field-optional`, `relation-changed`, `enum-added`,
    /// `enum-removed`, `enum-value-added`, `enum-value-removed`.
    pub kind: &'static str,
    /// The model (its new name for a rename), or the enum.
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The old side (old model name, old type, old relation).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The new side.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// One line for people.
    pub description: String,
    /// The new diagnostics this change causes in the factories.
    pub breaks: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SchemaDiff {
    pub changes: Vec<Change>,
    /// New diagnostics no change explains (or every new one, when no change does).
    pub unattributed: Vec<Diagnostic>,
    /// Whether factories were checked against both sides.
    pub factories_checked: bool,
}

impl SchemaDiff {
    /// New error diagnostics, attributed or not.
    pub fn breaking(&self) -> usize {
        self.changes.iter().flat_map(|c| &c.breaks).chain(&self.unattributed).filter(|d| d.severity == fixture_validate::Severity::Error).count()
    }
}

fn table(m: &Model) -> &str {
    m.db_name.as_deref().unwrap_or(&m.name)
}

fn describe_type(f: &Field) -> String {
    format!("{}{}", f.type_name, if f.is_list { "[]" } else if !f.is_required { "?" } else { "" })
}

fn field_names(m: &Model) -> BTreeSet<&str> {
    m.fields.iter().map(|f| f.name.as_str()).collect()
}

/// Old model name -> new model name, for models in both (same name, same `@@map` table, or
/// similar fields), and the way each rename was recognised.
fn match_models<'s>(old: &'s Schema, new: &'s Schema) -> (BTreeMap<&'s str, &'s str>, BTreeMap<&'s str, &'static str>) {
    let mut pairs: BTreeMap<&str, &str> = BTreeMap::new();
    let mut how: BTreeMap<&str, &'static str> = BTreeMap::new();
    let olds: Vec<&Model> = old.models.iter().filter(|m| !m.is_view).collect();
    let news: Vec<&Model> = new.models.iter().filter(|m| !m.is_view).collect();
    for o in &olds {
        if news.iter().any(|n| n.name == o.name) {
            pairs.insert(&o.name, &o.name);
        }
    }
    let taken = |pairs: &BTreeMap<&str, &str>, n: &str| pairs.values().any(|v| *v == n);
    // The same table under another model name (`@@map` keeps the table).
    let unpaired: Vec<&&Model> = olds.iter().filter(|o| !pairs.contains_key(o.name.as_str())).collect();
    for o in unpaired {
        if let Some(n) = news.iter().find(|n| !taken(&pairs, &n.name) && old.model(&n.name).is_none() && table(n) == table(o)) {
            pairs.insert(&o.name, &n.name);
            how.insert(&n.name, "@@map");
        }
    }
    // Otherwise the most similar field set, if most names are shared.
    let mut candidates: Vec<(f64, &str, &str)> = Vec::new();
    for o in olds.iter().filter(|o| !pairs.contains_key(o.name.as_str())) {
        for n in news.iter().filter(|n| !taken(&pairs, &n.name) && old.model(&n.name).is_none()) {
            let (a, b) = (field_names(o), field_names(n));
            let union = a.union(&b).count().max(1);
            let score = a.intersection(&b).count() as f64 / union as f64;
            if score >= 0.6 {
                candidates.push((score, &o.name, &n.name));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(y.1)).then(x.2.cmp(y.2)));
    for (_, o, n) in candidates {
        if !pairs.contains_key(o) && !taken(&pairs, n) {
            pairs.insert(o, n);
            how.insert(n, "fields");
        }
    }
    (pairs, how)
}

fn change(kind: &'static str, name: &str, field: Option<&str>, from: Option<String>, to: Option<String>, description: String) -> Change {
    Change { kind, name: name.to_string(), field: field.map(String::from), from, to, description, breaks: Vec::new() }
}

/// The changes from `old` to `new`, models in the new schema's order, then removed ones, then enums.
pub fn changes(old: &Schema, new: &Schema) -> Vec<Change> {
    let (pairs, how) = match_models(old, new);
    let new_of_old: BTreeMap<&str, &str> = pairs.clone();
    let old_of_new: BTreeMap<&str, &str> = pairs.iter().map(|(o, n)| (*n, *o)).collect();
    let rename = |model: &str| new_of_old.get(model).copied().unwrap_or(model).to_string();
    let mut out = Vec::new();
    for n in new.models.iter().filter(|m| !m.is_view) {
        let Some(o) = old_of_new.get(n.name.as_str()).and_then(|o| old.model(o)) else {
            out.push(change("model-added", &n.name, None, None, None, format!("model `{}` added", n.name)));
            continue;
        };
        if o.name != n.name {
            let by = match how.get(n.name.as_str()) {
                Some(&"@@map") => format!("same table \"{}\"", table(n)),
                _ => "similar fields".to_string(),
            };
            out.push(change("model-renamed", &n.name, None, Some(o.name.clone()), Some(n.name.clone()), format!("model `{}` renamed to `{}` ({by})", o.name, n.name)));
        }
        for nf in &n.fields {
            let Some(of) = o.field(&nf.name) else {
                let needed = nf.is_required && !nf.is_list && !nf.has_default_value && !nf.is_updated_at && !nf.is_relation();
                let note = if needed { ", required on create" } else { "" };
                out.push(change("field-added", &n.name, Some(&nf.name), None, Some(describe_type(nf)), format!("field `{}.{}` added ({}{note})", n.name, nf.name, describe_type(nf))));
                continue;
            };
            if nf.is_relation() || of.is_relation() {
                // Compared with the old target under its new name: a renamed model is not a changed relation.
                let describe = |f: &Field, target: String| {
                    // A back-relation (no `fields:` on this side) has its key on the other model.
                    let keys = match f.relation_from_fields.as_deref() {
                        Some(k) if !k.is_empty() => format!(" by {}", k.join(", ")),
                        _ => format!(" (key on {target})"),
                    };
                    format!("{target}{}{keys}", if f.is_list { "[]" } else if !f.is_required { "?" } else { "" })
                };
                let is = describe(nf, nf.type_name.clone());
                if describe(of, rename(&of.type_name)) != is {
                    let was = describe(of, of.type_name.clone());
                    out.push(change("relation-changed", &n.name, Some(&nf.name), Some(was.clone()), Some(is.clone()), format!("relation `{}.{}` changed: {was} -> {is}", n.name, nf.name)));
                }
                continue;
            }
            if of.type_name != nf.type_name || of.is_list != nf.is_list {
                out.push(change("field-retyped", &n.name, Some(&nf.name), Some(describe_type(of)), Some(describe_type(nf)), format!("field `{}.{}` retyped: {} -> {}", n.name, nf.name, describe_type(of), describe_type(nf))));
            } else if !of.is_list && of.is_required != nf.is_required {
                let (kind, what) = if nf.is_required { ("field-required", "made required") } else { ("field-optional", "made optional") };
                out.push(change(kind, &n.name, Some(&nf.name), Some(describe_type(of)), Some(describe_type(nf)), format!("field `{}.{}` {what}", n.name, nf.name)));
            }
        }
        for of in o.fields.iter().filter(|f| n.field(&f.name).is_none()) {
            out.push(change("field-removed", &n.name, Some(&of.name), Some(describe_type(of)), None, format!("field `{}.{}` removed", n.name, of.name)));
        }
    }
    for o in old.models.iter().filter(|m| !m.is_view && !new_of_old.contains_key(m.name.as_str())) {
        out.push(change("model-removed", &o.name, None, None, None, format!("model `{}` removed", o.name)));
    }
    for ne in &new.enums {
        let Some(oe) = old.enums.iter().find(|e| e.name == ne.name) else {
            out.push(change("enum-added", &ne.name, None, None, None, format!("enum `{}` added", ne.name)));
            continue;
        };
        for v in ne.values.iter().filter(|v| !oe.values.iter().any(|w| w.name == v.name)) {
            out.push(change("enum-value-added", &ne.name, None, None, Some(v.name.clone()), format!("enum value `{}.{}` added", ne.name, v.name)));
        }
        for v in oe.values.iter().filter(|v| !ne.values.iter().any(|w| w.name == v.name)) {
            out.push(change("enum-value-removed", &ne.name, None, Some(v.name.clone()), None, format!("enum value `{}.{}` removed", ne.name, v.name)));
        }
    }
    for oe in old.enums.iter().filter(|e| !new.enums.iter().any(|n| n.name == e.name)) {
        out.push(change("enum-removed", &oe.name, None, None, None, format!("enum `{}` removed", oe.name)));
    }
    out
}

/// The identifiers a message names: text in backticks or double quotes.
fn named(message: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for quote in ['`', '"'] {
        let mut parts = message.split(quote);
        parts.next();
        while let (Some(inside), _) = (parts.next(), parts.next()) {
            out.push(inside);
        }
    }
    out
}

/// Whether `token` names `model`: the model itself, a Prisma type of it (`Prisma.tagCreateInput`)
/// or its client delegate on any client (`prisma.tag`, `db.tag`, `this.prisma.tag`).
fn names_model(token: &str, model: &str) -> bool {
    if let Some((client, delegate)) = token.rsplit_once('.')
        && client != "Prisma"
    {
        return delegate == fixture_schema::delegate_name(model);
    }
    let bare = token.strip_prefix("Prisma.").unwrap_or(token);
    bare == model || bare.strip_prefix(model).is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// Codes about one field of an input: a field's change explains them before a model's.
const FIELD_LEVEL: [&str; 5] = ["unknown-field", "missing-required-field", "field-type-mismatch", "mixed-relation-input", "invalid-enum-value"];

/// How strongly `change` explains `d` (0: not at all).
fn score(change: &Change, d: &Diagnostic) -> u32 {
    let tokens = named(&d.message);
    let has = |s: &str| tokens.contains(&s);
    let model_named = |m: &str| tokens.iter().any(|t| names_model(t, m));
    let code = d.code.as_str();
    match change.kind {
        "model-renamed" | "model-removed" => {
            let old = change.from.as_deref().unwrap_or(&change.name);
            // A field-level problem (`x` is not a field of …) is a field's change; a model's
            // old name among its words (a field named like the model) explains it only when no
            // field change does.
            if FIELD_LEVEL.contains(&code) {
                return u32::from(model_named(old));
            }
            let mut s = 0;
            if model_named(old) || has(old) {
                s += 4;
            }
            if change.kind == "model-renamed" && code == "missing-factory" && has(&change.name) {
                s += 4;
            }
            s
        }
        "model-added" => u32::from(code == "missing-factory" && has(&change.name)) * 4,
        "field-added" | "field-required" | "relation-changed" if code == "missing-required-field" => {
            let field = change.field.as_deref().unwrap_or("");
            u32::from(has(field)) * (2 + 2 * u32::from(model_named(&change.name)))
        }
        "field-removed" | "relation-changed" if matches!(code, "unknown-field" | "mixed-relation-input") => {
            let field = change.field.as_deref().unwrap_or("");
            u32::from(has(field)) * (2 + 2 * u32::from(model_named(&change.name)))
        }
        "field-retyped" | "field-optional" | "field-required" if code == "field-type-mismatch" => u32::from(has(change.field.as_deref().unwrap_or(""))) * 2,
        "enum-value-removed" if code == "invalid-enum-value" => {
            u32::from(has(&change.name)) * (2 + 2 * u32::from(change.from.as_deref().is_some_and(has)))
        }
        "enum-removed" => u32::from(has(&change.name) || model_named(&change.name)) * 3,
        _ => 0,
    }
}

/// A diagnostic's identity across the two runs: its place and text in a factory file (the same
/// file on both sides); its text alone in the schema (another file or text on each side, where
/// lines move: `missing-factory` for a model untouched by the change is the same problem).
fn identity(d: &Diagnostic, schemas: &[&str]) -> (String, u32, u32, &'static str, String) {
    if schemas.contains(&d.file.as_str()) || d.file.ends_with(".prisma") {
        return (String::new(), 0, 0, d.code.as_str(), d.message.clone());
    }
    (d.file.clone(), d.line, d.column, d.code.as_str(), d.message.clone())
}

/// Attributes every diagnostic of `after` that `before` lacks to the change that best explains it.
pub fn attribute(changes: &mut [Change], before: &Report, after: &Report) -> Vec<Diagnostic> {
    let schemas = [before.schema.path.as_str(), after.schema.path.as_str()];
    let identity = |d: &Diagnostic| identity(d, &schemas);
    let seen: BTreeSet<_> = before.diagnostics.iter().map(identity).collect();
    let mut unattributed = Vec::new();
    for d in after.diagnostics.iter().filter(|d| !seen.contains(&identity(d))) {
        let best = changes.iter().enumerate().map(|(i, c)| (score(c, d), i)).filter(|(s, _)| *s > 0).max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        match best {
            Some((_, i)) => changes[i].breaks.push(d.clone()),
            None => unattributed.push(d.clone()),
        }
    }
    unattributed
}

/// One side of a diff: what the validator is given, and the loaded schema.
pub struct Side {
    pub option: SchemaOption,
    pub schema: Schema,
}

impl Side {
    /// A `.prisma` file or folder (relative to `cwd`), or `git:REV:path`, read with `git show`
    /// (the path relative to `cwd`, as in `git show REV:./path`; with `GIT_DIR` set, see [`Side::read_in`]).
    pub fn read(spec: &str, cwd: &Path) -> Result<Side, String> {
        Side::read_in(spec, cwd, None)
    }

    /// [`Side::read`] with the repository named (`--git-dir`, else `GIT_DIR`): a bare repository
    /// has no work tree, so a `git:` path is then from the repository's root.
    pub fn read_in(spec: &str, cwd: &Path, git_dir: Option<&Path>) -> Result<Side, String> {
        let Some(rest) = spec.strip_prefix("git:") else {
            let path = cwd.join(spec);
            let schema = fixture_schema::load(&SchemaInput::Path(path.clone())).map_err(|e| e.message)?;
            return Ok(Side { option: SchemaOption::Path(path), schema });
        };
        let Some((rev, path)) = rest.split_once(':') else {
            return Err(format!("\"{spec}\": a git side is git:REV:path, e.g. git:HEAD~1:prisma/schema.prisma"));
        };
        let git_dir = git_dir.map(Path::to_path_buf).or_else(|| std::env::var_os("GIT_DIR").filter(|d| !d.is_empty()).map(std::path::PathBuf::from)).map(|d| cwd.join(d));
        let path = match &git_dir {
            Some(_) => path.trim_start_matches("./").to_string(),
            None if path.starts_with("./") || path.starts_with("../") => path.to_string(),
            None => format!("./{path}"),
        };
        let mut git = std::process::Command::new("git");
        if let Some(dir) = &git_dir {
            git.arg("--git-dir").arg(dir);
        }
        let output = git
            .args(["show", &format!("{rev}:{path}")])
            .current_dir(cwd)
            .output()
            .map_err(|e| format!("{spec}: cannot run git: {e}"))?;
        if !output.status.success() {
            return Err(format!("{spec}: git show failed: {}", String::from_utf8_lossy(&output.stderr).trim()));
        }
        let source = String::from_utf8(output.stdout).map_err(|_| format!("{spec}: not UTF-8 text"))?;
        if source.starts_with("tree ") {
            return Err(format!("{spec}: names a folder; a git side must name one .prisma file"));
        }
        Side::source(source, spec)
    }

    /// Schema text; `name` names it in errors.
    pub fn source(source: String, name: &str) -> Result<Side, String> {
        let schema = fixture_schema::load(&SchemaInput::Source { source: source.clone(), file_name: Some(name.to_string()) })
            .map_err(|e| format!("{name}: {}", e.message))?;
        Ok(Side { option: SchemaOption::Source(source), schema })
    }
}

/// The diff of two sides; with `factories` (options whose schema is replaced by each side's)
/// the validator runs against both and the new diagnostics are attributed.
pub fn diff_sides(old: &Side, new: &Side, factories: Option<&Options>) -> Result<SchemaDiff, ValidateError> {
    let Some(options) = factories else { return Ok(diff(&old.schema, &new.schema, None)) };
    let with = |side: &Side| Options { schema: Some(side.option.clone()), ..options.clone() };
    let before = validate(&with(old))?;
    let after = validate(&with(new))?;
    Ok(diff(&old.schema, &new.schema, Some((&before, &after))))
}

/// The diff of two loaded schemas, with breaks when both reports are given.
pub fn diff(old: &Schema, new: &Schema, reports: Option<(&Report, &Report)>) -> SchemaDiff {
    let mut changes = changes(old, new);
    let unattributed = match reports {
        Some((before, after)) => attribute(&mut changes, before, after),
        None => Vec::new(),
    };
    SchemaDiff { changes, unattributed, factories_checked: reports.is_some() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema(text: &str) -> Schema {
        fixture_schema::load(&fixture_schema::SchemaInput::Source { source: format!("datasource db {{\n  provider = \"postgresql\"\n}}\n{text}"), file_name: None }).unwrap()
    }

    #[test]
    fn finds_each_kind_of_change() {
        let old = schema(
            "enum Role {\n  A\n  B\n}\nmodel tag {\n  id BigInt @id\n  name String\n  note String?\n  role Role\n}\nmodel old_thing {\n  id BigInt @id\n  a Int\n  b Int\n  c Int\n}\nmodel gone {\n  id BigInt @id\n}\n",
        );
        let new = schema(
            "enum Role {\n  A\n  C\n}\nmodel Label {\n  id BigInt @id\n  name Int\n  note String\n  role Role\n  extra String\n  @@map(\"tag\")\n}\nmodel new_thing {\n  id BigInt @id\n  a Int\n  b Int\n  c Int\n  d Int\n}\n",
        );
        let got: Vec<String> = changes(&old, &new).iter().map(|c| c.description.clone()).collect();
        assert_eq!(
            got,
            vec![
                "model `tag` renamed to `Label` (same table \"tag\")",
                "field `Label.name` retyped: String -> Int",
                "field `Label.note` made required",
                "field `Label.extra` added (String, required on create)",
                "model `old_thing` renamed to `new_thing` (similar fields)",
                "field `new_thing.d` added (Int, required on create)",
                "model `gone` removed",
                "enum value `Role.C` added",
                "enum value `Role.B` removed",
            ]
        );
    }

    #[test]
    fn message_tokens_name_models_and_fields() {
        assert_eq!(named("`a` is not a field of `Prisma.tagCreateInput`"), vec!["a", "Prisma.tagCreateInput"]);
        assert_eq!(named("\"B\" is not a value of enum `Role` (field `role`)"), vec!["Role", "role", "B"]);
        assert!(names_model("Prisma.tagCreateInput", "tag"));
        assert!(!names_model("Prisma.tag_translationCreateInput", "tag"));
        assert!(names_model("db.plan", "plan") && names_model("this.prisma.plan", "plan"));
        assert!(!names_model("db.planItem", "plan"));
    }
}
