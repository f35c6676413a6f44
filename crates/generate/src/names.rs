//! The names a factories folder already takes: every class its files declare (with the class it
//! extends) and every name they re-export (`export { PhoneDbFactory } from "./phone.js"` in an
//! `index.ts`). A generated factory must not add a second class of a taken name, and a file that
//! holds a factory of another base class is hand-written work that no flag should replace.

use std::path::{Path, PathBuf};

use oxc_allocator::Allocator;
use oxc_ast::ast::{Class, Declaration, ModuleExportName, Statement};
use oxc_parser::Parser;
use oxc_span::SourceType;

/// One name a file of the folder declares or exports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub name: String,
    pub file: PathBuf,
    /// `Some(base)` for a class declaration (`None` inside when it extends nothing); `None` for a
    /// re-export.
    pub class_extends: Option<Option<String>>,
    /// For `export { … } from "./x.js"`: the `.ts` file it names (`x.ts` beside the file).
    pub from: Option<PathBuf>,
}

/// Every class and exported name of the `.ts` files under `folder`. Files that do not parse are
/// skipped (the validator reports them).
pub fn taken_names(folder: &Path) -> Vec<Taken> {
    if !folder.is_dir() {
        return Vec::new();
    }
    let Ok(found) = fixture_validate::discover::discover(&[folder.display().to_string()], folder) else { return Vec::new() };
    let mut out = Vec::new();
    for file in found.files {
        let Ok(text) = fixture_validate::discover::read_source(&file) else { continue };
        names_in(&file, &text, &mut out);
    }
    out
}

fn names_in(file: &Path, text: &str, out: &mut Vec<Taken>) {
    let allocator = Allocator::default();
    let source_type = SourceType::from_path(file).unwrap_or_else(|_| SourceType::ts());
    let parsed = Parser::new(&allocator, text, source_type).parse();
    if parsed.panicked {
        return;
    }
    let class = |class: &Class<'_>, out: &mut Vec<Taken>| {
        if let Some(id) = &class.id {
            let base = class.heritage.as_ref().and_then(|h| fixture_validate::summary::expression_name(&h.expression));
            out.push(Taken { name: id.name.to_string(), file: file.to_path_buf(), class_extends: Some(base), from: None });
        }
    };
    let exported = |name: &ModuleExportName<'_>, from: Option<PathBuf>, out: &mut Vec<Taken>| {
        out.push(Taken { name: name.name().to_string(), file: file.to_path_buf(), class_extends: None, from });
    };
    let module_file = |specifier: &str| {
        let relative = specifier.starts_with('.').then(|| file.parent().map(|dir| dir.join(specifier)))??;
        let text = relative.to_string_lossy();
        let ts = match text.strip_suffix(".js") {
            Some(stem) => PathBuf::from(format!("{stem}.ts")),
            None => relative.with_extension("ts"),
        };
        Some(fixture_validate::discover::normalize(&ts))
    };
    for statement in &parsed.program.body {
        match statement {
            Statement::ClassDeclaration(c) => class(c, out),
            Statement::ExportDeclaration(export) => {
                if let Declaration::ClassDeclaration(c) = &export.declaration {
                    class(c, out);
                }
            }
            Statement::ExportNamedDeclaration(export) => export.specifiers.iter().for_each(|s| exported(&s.exported, None, out)),
            Statement::ExportFromDeclaration(export) => {
                let from = module_file(&export.source.value);
                export.specifiers.iter().for_each(|s| exported(&s.exported, from.clone(), out));
            }
            _ => {}
        }
    }
}

/// Why `class_name` must not be written to `path` in `folder`, if it must not: the name is taken
/// by another file, or the file itself holds a class extending another base than `base_class`.
pub fn conflict(taken: &[Taken], folder: &Path, path: &Path, class_name: &str, base_class: &str) -> Option<String> {
    let normalize = fixture_validate::discover::normalize;
    let shown = |file: &Path| pathdiff::diff_paths(normalize(file), normalize(folder)).unwrap_or_else(|| file.to_path_buf()).display().to_string();
    let same = |file: &Path| normalize(file) == normalize(path);
    // The declaration says most (its base class); a re-export when the folder has only that. A
    // re-export of the file generate writes, or of the class that file declares, is that class.
    let declared_here = taken.iter().any(|t| t.name == class_name && same(&t.file) && t.class_extends.is_some());
    let same_class = |t: &Taken| t.class_extends.is_none() && (declared_here || t.from.as_deref().is_some_and(same));
    let elsewhere = |t: &&Taken| t.name == class_name && !same(&t.file) && !same_class(t);
    if let Some(t) = taken.iter().filter(elsewhere).find(|t| t.class_extends.is_some()).or_else(|| taken.iter().find(elsewhere)) {
        let what = match &t.class_extends {
            Some(Some(base)) => format!("declared in {} (a class extending `{base}`)", shown(&t.file)),
            Some(None) => format!("declared in {}", shown(&t.file)),
            None => format!("exported from {}", shown(&t.file)),
        };
        return Some(format!(
            "`{class_name}` is already {what}: generate writes no second class of that name (the model may have its factory there; if not, rename one of them)"
        ));
    }
    let other = taken.iter().find(|t| same(&t.file) && matches!(&t.class_extends, Some(Some(base)) if base != base_class))?;
    let base = other.class_extends.clone().flatten().unwrap_or_default();
    Some(format!(
        "{} holds `{}`, a class extending `{base}`, not `{base_class}`: hand-written work that generate does not replace, even with --force",
        shown(path),
        other.name
    ))
}
