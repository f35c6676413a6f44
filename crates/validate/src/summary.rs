//! Phase one: what each file declares that other files need (classes and their heritage,
//! interfaces and type aliases, imports and exports), lifted out of the arena as owned data.

use std::collections::BTreeSet;

use oxc_ast::ast::*;
use oxc_span::Span;
use oxc_syntax::module_record::{ExportExportName, ExportImportName, ImportImportName, ModuleRecord};

use crate::types::{TypeDecl, TypeExpr, lift, lift_members, lift_params};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileSummary {
    pub classes: Vec<ClassSummary>,
    pub type_decls: Vec<(String, TypeDecl)>,
    pub imports: Vec<ImportRef>,
    /// Names this file exports (`default` included); star re-exports listed apart.
    pub exports: BTreeSet<String>,
    pub star_exports: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClassSummary {
    pub name: String,
    pub name_start: u32,
    pub name_end: u32,
    pub is_abstract: bool,
    /// `extends X<…>`: the name as written (`X` or `ns.X`) and the type arguments.
    pub extends: Option<(String, Vec<TypeExpr>)>,
    pub type_params: Vec<String>,
    /// Own abstract methods and properties.
    pub abstract_members: Vec<String>,
    /// Own concrete (implemented) members.
    pub members: BTreeSet<String>,
    /// The declared return type of `getFixtures`, if written.
    pub get_fixtures_return: Option<TypeExpr>,
    /// Declared parameter types of the methods (for checking call arguments); `true` for static.
    pub method_params: Vec<(String, bool, Vec<Option<TypeExpr>>)>,
    /// The string the constructor passes to `super("…", …)`, if any.
    pub super_string: Option<String>,
    /// `X` of `return this.prisma.X` in `getPrismaDelegate()`, if any.
    pub delegate: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportRef {
    pub specifier: String,
    pub start: u32,
    pub end: u32,
    /// Named imports: (imported name, start, end); `default` for a default import.
    pub names: Vec<(String, u32, u32)>,
    /// `import type` / `export type … from`: no run-time edge in the module graph.
    pub type_only: bool,
}

pub fn summarize(program: &Program<'_>, module: &ModuleRecord<'_>) -> FileSummary {
    let mut out = FileSummary::default();
    for s in &program.body {
        collect_statement(s, &mut out);
    }
    imports_and_exports(module, &mut out);
    out
}

fn collect_statement(s: &Statement<'_>, out: &mut FileSummary) {
    match s {
        Statement::ClassDeclaration(c) => collect_class(c, out),
        Statement::TSInterfaceDeclaration(i) => collect_interface(i, out),
        Statement::TSTypeAliasDeclaration(t) => collect_alias(t, out),
        Statement::ExportDeclaration(e) => match &e.declaration {
            Declaration::ClassDeclaration(c) => collect_class(c, out),
            Declaration::TSInterfaceDeclaration(i) => collect_interface(i, out),
            Declaration::TSTypeAliasDeclaration(t) => collect_alias(t, out),
            _ => {}
        },
        Statement::ExportDefaultDeclaration(e) => match &e.declaration {
            ExportDefaultDeclarationKind::ClassDeclaration(c) => collect_class(c, out),
            ExportDefaultDeclarationKind::TSInterfaceDeclaration(i) => collect_interface(i, out),
            _ => {}
        },
        _ => {}
    }
}

fn collect_interface(i: &TSInterfaceDeclaration<'_>, out: &mut FileSummary) {
    let decl = TypeDecl {
        params: lift_params(i.type_parameters.as_deref()),
        body: TypeExpr::Object(lift_members(&i.body.body)),
        extends: i
            .extends
            .iter()
            .map(|h| TypeExpr::Ref {
                name: crate::types::type_name_text(&h.type_name),
                args: h.type_arguments.as_ref().map(|a| a.params.iter().map(lift).collect()).unwrap_or_default(),
                start: h.span.start,
                end: h.span.end,
            })
            .collect(),
    };
    out.type_decls.push((i.id.name.to_string(), decl));
}

fn collect_alias(t: &TSTypeAliasDeclaration<'_>, out: &mut FileSummary) {
    let decl = TypeDecl { params: lift_params(t.type_parameters.as_deref()), body: lift(&t.type_annotation), extends: Vec::new() };
    out.type_decls.push((t.id.name.to_string(), decl));
}

pub fn member_name(key: &PropertyKey<'_>) -> Option<String> {
    match key {
        PropertyKey::PrivateIdentifier(p) => Some(format!("#{}", p.name)),
        other => other.static_name().map(|n| n.to_string()),
    }
}

fn collect_class(c: &Class<'_>, out: &mut FileSummary) {
    let Some(id) = &c.id else { return };
    let extends = c.heritage.as_ref().and_then(|h| {
        let name = expression_name(&h.expression)?;
        let args = h.type_arguments.as_ref().map(|a| a.params.iter().map(lift).collect()).unwrap_or_default();
        Some((name, args))
    });
    let mut summary = ClassSummary {
        name: id.name.to_string(),
        name_start: id.span.start,
        name_end: id.span.end,
        is_abstract: c.r#abstract,
        extends,
        type_params: lift_params(c.type_parameters.as_deref()).into_iter().map(|p| p.name).collect(),
        abstract_members: Vec::new(),
        members: BTreeSet::new(),
        get_fixtures_return: None,
        method_params: Vec::new(),
        super_string: super_model(c).map(|(s, _)| s.to_string()),
        delegate: delegate_access(c).map(|(d, _)| d.to_string()),
    };
    for el in &c.body.body {
        let (key, is_abstract) = match el {
            ClassElement::MethodDefinition(m) => {
                if m.kind == MethodDefinitionKind::Constructor {
                    continue;
                }
                if m.value.body.is_none() && m.r#type != MethodDefinitionType::TSAbstractMethodDefinition {
                    // An overload signature implements nothing.
                    continue;
                }
                if m.key.static_name().as_deref() == Some("getFixtures") {
                    summary.get_fixtures_return = m.value.return_type.as_ref().map(|t| lift(&t.type_annotation));
                }
                if m.kind == MethodDefinitionKind::Method
                    && let Some(name) = m.key.static_name()
                {
                    let params = m.value.params.items.iter().map(|p| p.type_annotation.as_ref().map(|t| lift(&t.type_annotation))).collect();
                    summary.method_params.push((name.to_string(), m.r#static, params));
                }
                (&m.key, m.r#type == MethodDefinitionType::TSAbstractMethodDefinition)
            }
            ClassElement::PropertyDefinition(p) => (&p.key, p.r#type == PropertyDefinitionType::TSAbstractPropertyDefinition),
            ClassElement::AccessorProperty(p) => (&p.key, p.r#type == AccessorPropertyType::TSAbstractAccessorProperty),
            _ => continue,
        };
        let Some(name) = member_name(key) else { continue };
        if is_abstract {
            summary.abstract_members.push(name);
        } else {
            summary.members.insert(name);
        }
    }
    out.classes.push(summary);
}

/// `X` or `a.b.X` as written.
pub fn expression_name(e: &Expression<'_>) -> Option<String> {
    match e.without_parentheses() {
        Expression::Identifier(id) => Some(id.name.to_string()),
        Expression::StaticMemberExpression(m) => Some(format!("{}.{}", expression_name(&m.object)?, m.property.name)),
        _ => None,
    }
}

fn imports_and_exports(module: &ModuleRecord<'_>, out: &mut FileSummary) {
    use std::collections::BTreeMap;
    // One entry per statement that requests a module (imports and re-exports alike).
    let mut by_statement: BTreeMap<u32, (ImportRef, bool)> = BTreeMap::new();
    for (specifier, requests) in &module.requested_modules {
        for req in requests {
            by_statement.entry(req.statement_span.start).or_insert((
                ImportRef {
                    specifier: specifier.to_string(),
                    start: req.span.start,
                    end: req.span.end,
                    names: Vec::new(),
                    type_only: req.is_type,
                },
                true,
            ));
        }
    }
    for entry in &module.import_entries {
        if let Some((r, all_types)) = by_statement.get_mut(&entry.statement_span.start) {
            *all_types &= entry.is_type;
            match &entry.import_name {
                ImportImportName::Name(n) => r.names.push((n.name.to_string(), n.span.start, n.span.end)),
                ImportImportName::Default(span) => r.names.push(("default".into(), span.start, span.end)),
                ImportImportName::NamespaceObject => *all_types = false,
            }
        }
    }
    for entry in &module.indirect_export_entries {
        if let ExportImportName::Name(n) = &entry.import_name
            && let Some((r, all_types)) = by_statement.get_mut(&entry.statement_span.start)
        {
            *all_types &= entry.is_type;
            r.names.push((n.name.to_string(), n.span.start, n.span.end));
        }
    }
    out.imports = by_statement
        .into_values()
        .map(|(mut r, all_types)| {
            // `import { type A, type B } from` is erased like `import type`.
            r.type_only |= all_types && !r.names.is_empty();
            r
        })
        .collect();
    for entry in module.local_export_entries.iter().chain(module.indirect_export_entries.iter()) {
        match &entry.export_name {
            ExportExportName::Name(n) => {
                out.exports.insert(n.name.to_string());
            }
            ExportExportName::Default(_) => {
                out.exports.insert("default".into());
            }
            ExportExportName::Null => {}
        }
    }
    for entry in &module.star_export_entries {
        if let Some(req) = &entry.module_request {
            match &entry.export_name {
                ExportExportName::Name(n) => {
                    out.exports.insert(n.name.to_string());
                }
                _ => out.star_exports.push(req.name.to_string()),
            }
        }
    }
}

/// The first string argument of `super(…)` in the constructor.
pub fn super_model<'b>(c: &'b Class<'_>) -> Option<(&'b str, Span)> {
    for el in &c.body.body {
        let ClassElement::MethodDefinition(m) = el else { continue };
        if m.kind != MethodDefinitionKind::Constructor {
            continue;
        }
        let body = m.value.body.as_ref()?;
        for s in &body.statements {
            if let Statement::ExpressionStatement(es) = s
                && let Expression::CallExpression(call) = es.expression.without_parentheses()
                && matches!(call.callee, Expression::Super(_))
            {
                return match call.arguments.first().and_then(|a| a.as_expression()).map(|e| e.without_parentheses()) {
                    Some(Expression::StringLiteral(lit)) => Some((lit.value.as_str(), lit.span)),
                    _ => None,
                };
            }
        }
    }
    None
}

/// `this.prisma.X` inside `getPrismaDelegate()`: the name and its span.
pub fn delegate_access<'b>(c: &'b Class<'_>) -> Option<(&'b str, Span)> {
    for el in &c.body.body {
        let ClassElement::MethodDefinition(m) = el else { continue };
        if m.key.static_name().as_deref() != Some("getPrismaDelegate") {
            continue;
        }
        let body = m.value.body.as_ref()?;
        for s in &body.statements {
            if let Statement::ReturnStatement(r) = s
                && let Some(arg) = &r.argument
            {
                return delegate_in(arg);
            }
        }
    }
    None
}

fn delegate_in<'b>(e: &'b Expression<'_>) -> Option<(&'b str, Span)> {
    match e.without_parentheses() {
        Expression::StaticMemberExpression(m) => {
            let object = m.object.without_parentheses();
            let is_client = match object {
                Expression::StaticMemberExpression(inner) => {
                    matches!(inner.object, Expression::ThisExpression(_)) && inner.property.name == "prisma"
                }
                Expression::TSAsExpression(a) => matches!(a.expression.without_parentheses(), Expression::StaticMemberExpression(inner) if matches!(inner.object, Expression::ThisExpression(_)) && inner.property.name == "prisma"),
                _ => false,
            };
            is_client.then_some((m.property.name.as_str(), m.property.span))
        }
        Expression::TSAsExpression(a) => delegate_in(&a.expression),
        Expression::TSNonNullExpression(a) => delegate_in(&a.expression),
        _ => None,
    }
}

