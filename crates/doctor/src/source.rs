//! What doctor needs from one TypeScript/JavaScript file, read with oxc: its imports (specifier,
//! imported names, line), its exported names and re-exports, whether it has BigInt literals, and
//! the string values of its object literals (for Jest/Vitest configs).

use std::collections::BTreeSet;
use std::path::Path;

use oxc_allocator::Allocator;
use oxc_ast::ast::*;
use oxc_parser::config::TokensParserConfig;
use oxc_parser::{Kind, Parser};
use oxc_span::SourceType;
use oxc_syntax::module_record::{ExportExportName, ExportImportName, ImportImportName};

#[derive(Debug, Clone, Default)]
pub struct Import {
    pub specifier: String,
    /// Imported names (`default` for a default import, `*` for a namespace).
    pub names: Vec<String>,
    pub line: u32,
    pub type_only: bool,
}

#[derive(Debug, Clone, Default)]
pub struct SourceFacts {
    pub imports: Vec<Import>,
    /// `export … from` re-exports count as imports too (they load the module).
    pub exports: BTreeSet<String>,
    /// `export * from "x"` specifiers.
    pub star_exports: Vec<String>,
    /// `export { a as b } from "x"`: (exported name, specifier).
    pub named_reexports: Vec<(String, String)>,
    /// Line of the first BigInt literal (`123n`), if any.
    pub bigint_literal_line: Option<u32>,
    /// The file did not parse.
    pub parse_error: Option<String>,
    /// Every string in the file's object literals, with its property path (`test.globalSetup.0`).
    pub config_strings: Vec<(String, String)>,
}

pub fn line_at(text: &str, offset: u32) -> u32 {
    text.as_bytes()[..(offset as usize).min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count() as u32
        + 1
}

/// What to read beyond imports and exports.
#[derive(Debug, Clone, Copy, Default)]
pub struct Want {
    /// BigInt literals (needs the token list, which costs parse time).
    pub bigint: bool,
    /// Strings of object literals (runner configs).
    pub config_strings: bool,
}

/// Reads `text` as the file `path` (its extension decides TS/JS/JSX). Never fails: a file that
/// does not parse has `parse_error` set and what could be read.
pub fn scan(path: &Path, text: &str, want: Want) -> SourceFacts {
    let source_type = SourceType::from_path(path).unwrap_or_else(|_| SourceType::ts());
    let allocator = Allocator::default();
    let ret = if want.bigint {
        Parser::new(&allocator, text, source_type).with_config(TokensParserConfig).parse()
    } else {
        Parser::new(&allocator, text, source_type).parse()
    };
    let mut facts = SourceFacts::default();
    if ret.panicked || !ret.diagnostics.is_empty() {
        facts.parse_error = ret
            .diagnostics
            .first()
            .map(|d| d.to_string())
            .or(Some("syntax error".into()));
    }
    facts.bigint_literal_line = ret
        .tokens
        .iter()
        .find(|t| {
            matches!(
                t.kind(),
                Kind::DecimalBigInt | Kind::BinaryBigInt | Kind::OctalBigInt | Kind::HexBigInt
            )
        })
        .map(|t| line_at(text, t.start()));

    let module = &ret.module_record;
    let mut by_specifier: Vec<Import> = Vec::new();
    for entry in &module.import_entries {
        let spec = entry.module_request.name.to_string();
        let name = match &entry.import_name {
            ImportImportName::Name(n) => n.name.to_string(),
            ImportImportName::NamespaceObject => "*".into(),
            ImportImportName::Default(_) => "default".into(),
        };
        match by_specifier.iter_mut().find(|i| i.specifier == spec) {
            Some(i) => i.names.push(name),
            None => by_specifier.push(Import {
                specifier: spec,
                names: vec![name],
                line: line_at(text, entry.module_request.span.start),
                type_only: entry.is_type,
            }),
        }
    }
    // Side-effect imports and re-exports: every requested module.
    for (spec, requests) in &module.requested_modules {
        if by_specifier.iter().any(|i| i.specifier == spec.as_str()) {
            continue;
        }
        let first = requests.first();
        by_specifier.push(Import {
            specifier: spec.to_string(),
            names: Vec::new(),
            line: first.map(|r| line_at(text, r.span.start)).unwrap_or(1),
            type_only: requests.iter().all(|r| r.is_type),
        });
    }
    by_specifier.sort_by_key(|i| i.line);
    facts.imports = by_specifier;

    for e in &module.local_export_entries {
        if let ExportExportName::Name(n) = &e.export_name {
            facts.exports.insert(n.name.to_string());
        } else if matches!(e.export_name, ExportExportName::Default(_)) {
            facts.exports.insert("default".into());
        }
    }
    for e in &module.indirect_export_entries {
        let Some(req) = &e.module_request else {
            continue;
        };
        if let ExportExportName::Name(n) = &e.export_name {
            facts
                .named_reexports
                .push((n.name.to_string(), req.name.to_string()));
            facts.exports.insert(n.name.to_string());
        }
    }
    for e in &module.star_export_entries {
        let Some(req) = &e.module_request else {
            continue;
        };
        match (&e.export_name, &e.import_name) {
            // `export * as ns from`: one name.
            (ExportExportName::Name(n), _) => {
                facts.exports.insert(n.name.to_string());
            }
            (_, ExportImportName::AllButDefault | ExportImportName::All) => {
                facts.star_exports.push(req.name.to_string())
            }
            _ => {}
        }
    }
    if want.config_strings {
        for s in &ret.program.body {
            statement_strings(s, &mut facts.config_strings);
        }
    }
    facts
}

fn statement_strings(s: &Statement<'_>, out: &mut Vec<(String, String)>) {
    match s {
        Statement::ExportDefaultDeclaration(d) => {
            if let Some(e) = d.declaration.as_expression() {
                expression_strings(e, "", out);
            }
        }
        Statement::ExpressionStatement(e) => expression_strings(&e.expression, "", out),
        Statement::VariableDeclaration(v) => {
            for d in &v.declarations {
                if let Some(init) = &d.init {
                    expression_strings(init, "", out);
                }
            }
        }
        Statement::ExportDeclaration(n) => {
            if let Declaration::VariableDeclaration(v) = &n.declaration {
                for d in &v.declarations {
                    if let Some(init) = &d.init {
                        expression_strings(init, "", out);
                    }
                }
            }
        }
        _ => {}
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Flattens the object literals of a config into (property path, string) pairs; call arguments
/// (`defineConfig({…})`), assignments (`module.exports = {…}`), `satisfies`/`as` and arrow bodies
/// returning an object are looked through.
fn expression_strings(e: &Expression<'_>, path: &str, out: &mut Vec<(String, String)>) {
    match e {
        Expression::StringLiteral(s) => out.push((path.to_string(), s.value.to_string())),
        Expression::TemplateLiteral(t) if t.expressions.is_empty() => {
            if let Some(q) = t.quasis.first() {
                out.push((path.to_string(), q.value.raw.to_string()));
            }
        }
        Expression::BooleanLiteral(b) => out.push((path.to_string(), b.value.to_string())),
        Expression::ObjectExpression(o) => {
            for p in &o.properties {
                let ObjectPropertyKind::ObjectProperty(p) = p else {
                    continue;
                };
                let key = match &p.key {
                    PropertyKey::StaticIdentifier(id) => id.name.to_string(),
                    PropertyKey::StringLiteral(s) => s.value.to_string(),
                    _ => continue,
                };
                expression_strings(&p.value, &join(path, &key), out);
            }
        }
        Expression::ArrayExpression(a) => {
            for (i, el) in a.elements.iter().enumerate() {
                if let Some(x) = el.as_expression() {
                    expression_strings(x, &join(path, &i.to_string()), out);
                }
            }
        }
        Expression::CallExpression(c) => {
            for a in &c.arguments {
                if let Some(x) = a.as_expression() {
                    expression_strings(x, path, out);
                }
            }
        }
        Expression::AssignmentExpression(a) => expression_strings(&a.right, path, out),
        Expression::TSSatisfiesExpression(s) => expression_strings(&s.expression, path, out),
        Expression::TSAsExpression(s) => expression_strings(&s.expression, path, out),
        Expression::ParenthesizedExpression(p) => expression_strings(&p.expression, path, out),
        Expression::ArrowFunctionExpression(f) => match &f.body {
            ArrowFunctionBody::FunctionBody(b) => {
                for s in &b.statements {
                    if let Statement::ReturnStatement(r) = s
                        && let Some(arg) = &r.argument
                    {
                        expression_strings(arg, path, out);
                    }
                }
            }
            other => {
                if let Some(e) = other.as_expression() {
                    expression_strings(e, path, out);
                }
            }
        },
        _ => {}
    }
}
