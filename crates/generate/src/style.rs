//! The house style of a project's factories, read from the factories it already has: where the base
//! class and the fixtures interface are imported from, how many type arguments the base class takes,
//! the indentation, and whether ids come from the base class (`this.generateId()`) or an import.

use std::path::{Path, PathBuf};

use oxc_allocator::Allocator;
use oxc_ast::ast::{Class, Declaration, ImportDeclarationSpecifier, Statement};
use oxc_parser::Parser;
use oxc_span::SourceType;

/// How a generated factory is written. `Default` is the bundled example's style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Style {
    /// The class factories extend.
    pub base_class: String,
    /// Module specifier of the base class, as a factory in the output folder imports it.
    pub base_import: String,
    /// The fixtures interface `getFixtures()` returns, and where it comes from.
    pub fixtures_type: String,
    pub fixtures_import: String,
    /// Where `Prisma`, `PrismaClient` and the model types come from.
    pub prisma_import: String,
    /// Type arguments of the base class: 2 (model, create input), 3 (+ include) or 4 (+ update input).
    pub type_arguments: usize,
    /// One level of indentation.
    pub indent: String,
    /// `Some((name, specifier))` when ids come from an imported function instead of
    /// `this.generateId()` (a base class without `generateId`).
    pub id_function: Option<(String, String)>,
    /// The members of the fixtures interface as `(name, required)`, when its declaration was
    /// found: `getFixtures()` returns exactly the known ones it declares, and `{}` for other
    /// required ones. `None`: `minimal`, `complete`, `invalid`, `edgeCases`.
    pub fixture_categories: Option<Vec<(String, bool)>>,
    /// Where the style was read from (`None`: defaults).
    pub read_from: Option<PathBuf>,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            base_class: "EnhancedDatabaseFactory".into(),
            base_import: "./EnhancedDatabaseFactory.js".into(),
            fixtures_type: "DbTestFixtures".into(),
            fixtures_import: "./types.js".into(),
            prisma_import: "@prisma/client".into(),
            type_arguments: 4,
            indent: "    ".into(),
            id_function: None,
            fixture_categories: None,
            read_from: None,
        }
    }
}

impl Style {
    /// The expression for a fresh id.
    pub fn id_expression(&self) -> String {
        match &self.id_function {
            Some((name, _)) => format!("{name}()"),
            None => "this.generateId()".into(),
        }
    }
}

/// Reads the style of the factories in `folder` (recursively): the first class extending
/// `base_class` gives the imports and indentation; without one, the files declaring the base class
/// and the fixtures interface give the import paths. Unset parts keep [`Style::default`]'s values.
/// Files that do not parse are skipped (the validator reports them).
pub fn read_style(folder: &Path, base_class: &str) -> Result<Style, String> {
    let mut style = Style { base_class: base_class.to_string(), ..Style::default() };
    if !folder.is_dir() {
        return Ok(style);
    }
    let files = fixture_validate::discover::discover(&[folder.display().to_string()], folder)?;
    let texts: Vec<(PathBuf, String)> =
        files.files.into_iter().filter_map(|p| fixture_validate::discover::read_source(&p).ok().map(|t| (p, t))).collect();
    let base_declaration = format!("class {base_class}");
    let base_file = texts.iter().find(|(_, t)| t.contains(&base_declaration));
    let fixtures_file = texts.iter().find(|(_, t)| {
        t.contains(&format!("interface {}", style.fixtures_type)) || t.contains(&format!("type {} ", style.fixtures_type))
    });
    if let Some((path, _)) = base_file {
        style.base_import = relative_specifier(folder, path);
    }
    if let Some((path, text)) = fixtures_file {
        style.fixtures_import = relative_specifier(folder, path);
        style.fixture_categories = interface_members(path, text, &style.fixtures_type);
    }
    if let Some((path, text)) = base_file {
        if let Some(count) = base_type_parameters(path, text, base_class) {
            style.type_arguments = count.clamp(2, 4);
        }
        if !text.contains("generateId(") {
            style.id_function = Some(("generatePK".into(), "@vrooli/fixture-native/id".into()));
        }
    }
    let extends_base = format!("extends {base_class}");
    for (path, text) in texts.iter().filter(|(_, t)| t.contains(&extends_base)) {
        let Some(found) = factory_style(path, text, base_class) else { continue };
        if let Some(specifier) = found.base_import {
            style.base_import = relocate(folder, path, &specifier);
        }
        if let Some(specifier) = found.fixtures_import {
            style.fixtures_import = relocate(folder, path, &specifier);
        }
        if let Some(specifier) = found.prisma_import {
            style.prisma_import = relocate(folder, path, &specifier);
        }
        if let (Some(specifier), Some(_)) = (found.id_import, &style.id_function) {
            style.id_function = Some(("generatePK".into(), relocate(folder, path, &specifier)));
        }
        if let Some(indent) = found.indent {
            style.indent = indent;
        }
        style.read_from = Some(path.clone());
        break;
    }
    Ok(style)
}

#[derive(Default)]
struct FoundStyle {
    base_import: Option<String>,
    fixtures_import: Option<String>,
    prisma_import: Option<String>,
    id_import: Option<String>,
    indent: Option<String>,
}

fn parse<'a>(allocator: &'a Allocator, path: &Path, text: &'a str) -> Option<oxc_ast::ast::Program<'a>> {
    let source_type = SourceType::from_path(path).unwrap_or_else(|_| SourceType::ts());
    let ret = Parser::new(allocator, text, source_type).parse();
    (!ret.panicked && ret.diagnostics.is_empty()).then_some(ret.program)
}

/// The imports and indentation of a file holding a class that extends `base_class`.
fn factory_style(path: &Path, text: &str, base_class: &str) -> Option<FoundStyle> {
    let allocator = Allocator::default();
    let program = parse(&allocator, path, text)?;
    let mut found = FoundStyle::default();
    let mut class_start = None;
    for statement in &program.body {
        match statement {
            Statement::ImportDeclaration(import) => {
                let source = import.source.value.to_string();
                for specifier in import.specifiers.iter().flatten() {
                    let imported = match specifier {
                        ImportDeclarationSpecifier::ImportSpecifier(s) => s.imported.name().to_string(),
                        _ => continue,
                    };
                    let slot = match imported.as_str() {
                        name if name == base_class => &mut found.base_import,
                        "DbTestFixtures" => &mut found.fixtures_import,
                        "PrismaClient" | "Prisma" => &mut found.prisma_import,
                        "generatePK" => &mut found.id_import,
                        _ => continue,
                    };
                    slot.get_or_insert_with(|| source.clone());
                }
            }
            Statement::ClassDeclaration(class) if extends(class, base_class) => class_start = Some(class.span.start),
            Statement::ExportDeclaration(export) => {
                if let Declaration::ClassDeclaration(class) = &export.declaration
                    && extends(class, base_class)
                {
                    class_start = Some(class.span.start);
                }
            }
            _ => {}
        }
    }
    let start = class_start? as usize;
    // The first indented line of the class body gives one level of indentation.
    found.indent = text[start..]
        .lines()
        .skip(1)
        .find(|line| line.starts_with([' ', '\t']) && !line.trim().is_empty())
        .map(|line| line.chars().take_while(|c| *c == ' ' || *c == '\t').collect::<String>())
        .filter(|indent| !indent.is_empty() && indent.len() <= 8);
    Some(found)
}

fn extends(class: &Class<'_>, base_class: &str) -> bool {
    class.heritage.as_ref().is_some_and(|h| fixture_validate::summary::expression_name(&h.expression).as_deref() == Some(base_class))
}

/// The property members of `interface <name>` as `(name, required)`.
fn interface_members(path: &Path, text: &str, name: &str) -> Option<Vec<(String, bool)>> {
    let allocator = Allocator::default();
    let program = parse(&allocator, path, text)?;
    program.body.iter().find_map(|statement| {
        let interface = match statement {
            Statement::TSInterfaceDeclaration(i) => i,
            Statement::ExportDeclaration(export) => match &export.declaration {
                Declaration::TSInterfaceDeclaration(i) => i,
                _ => return None,
            },
            _ => return None,
        };
        (interface.id.name == name).then(|| {
            fixture_validate::types::lift_members(&interface.body.body).props.into_iter().map(|p| (p.name, !p.optional)).collect()
        })
    })
}

/// How many type parameters the base class declares.
fn base_type_parameters(path: &Path, text: &str, base_class: &str) -> Option<usize> {
    let allocator = Allocator::default();
    let program = parse(&allocator, path, text)?;
    program.body.iter().find_map(|statement| {
        let class = match statement {
            Statement::ClassDeclaration(class) => class,
            Statement::ExportDeclaration(export) => match &export.declaration {
                Declaration::ClassDeclaration(class) => class,
                _ => return None,
            },
            _ => return None,
        };
        let named = class.id.as_ref().is_some_and(|id| id.name == base_class);
        named.then(|| class.type_parameters.as_ref().map_or(0, |p| p.params.len()))
    })
}

/// A relative import specifier read in `from_file` as seen from `folder` (package names stay).
fn relocate(folder: &Path, from_file: &Path, specifier: &str) -> String {
    if !specifier.starts_with('.') {
        return specifier.to_string();
    }
    let Some(dir) = from_file.parent() else { return specifier.to_string() };
    let target = fixture_validate::discover::normalize(&dir.join(specifier));
    let text = relative_path(folder, &target);
    if text.starts_with('.') { text } else { format!("./{text}") }
}

/// The ESM specifier (`./x.js`) of a `.ts` file as a module in `folder` imports it.
fn relative_specifier(folder: &Path, file: &Path) -> String {
    let js = file.with_extension("js");
    let text = relative_path(folder, &js);
    if text.starts_with('.') { text } else { format!("./{text}") }
}

fn relative_path(from_dir: &Path, to: &Path) -> String {
    let from = fixture_validate::discover::normalize(from_dir);
    match pathdiff::diff_paths(to, &from) {
        Some(rel) => rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"),
        None => to.display().to_string(),
    }
}
