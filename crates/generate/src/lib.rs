//! `fixture-native generate`: writes a database fixture factory for a Prisma model in the house
//! style of the project (see [`style`]), from the resolved schema (`fixture-schema`).
//!
//! - [`read_style`] reads the style from the factories a project already has.
//! - [`generate`] renders one model's factory: imports, the base class with its type arguments,
//!   `super("<model>", prisma)`, the delegate, `generateMinimalData`, `generateCompleteData`,
//!   `getFixtures()` with every required category, and a `createFor<Relation>(id)` helper per
//!   to-one relation (a child for an existing parent).
//! - [`class_name`] / [`file_name`]: `tag_translation` -> `TagTranslationDbFactory(.ts)`.
//!
//! - [`project::run`] is the command: resolves the schema, the output folder and the style from the
//!   options and the project's config, picks the models (`--all-missing`: the validator's coverage),
//!   and writes each file atomically inside the project root, never over a file without `force`.

mod data;
pub mod names;
pub mod project;
mod render;
pub mod source;
pub mod style;
pub mod values;

pub use render::generate;
pub use style::{Style, read_style};

/// One generated factory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    pub model: String,
    pub class_name: String,
    pub file_name: String,
    pub source: String,
    /// What the generated code could not do by itself (also in its doc comment).
    pub notes: Vec<String>,
}

/// Why no factory was generated for a model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GenerateError {
    /// No model of that name; `suggestion` is the closest one.
    UnknownModel { name: String, suggestion: Option<String> },
    /// A view, or a model Prisma generates no create input for.
    CannotCreate { model: String, reason: String },
}

impl std::fmt::Display for GenerateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GenerateError::UnknownModel { name, suggestion: Some(s) } => {
                write!(f, "the schema has no model `{name}`; did you mean `{s}`?")
            }
            GenerateError::UnknownModel { name, suggestion: None } => write!(f, "the schema has no model `{name}`"),
            GenerateError::CannotCreate { model, reason } => write!(f, "no factory for `{model}`: {reason}"),
        }
    }
}

impl std::error::Error for GenerateError {}

/// The factory class for a model: its name in PascalCase plus `DbFactory`.
pub fn class_name(model: &str) -> String {
    let pascal: String = model
        .split(['_', '-'])
        .filter(|part| !part.is_empty())
        .map(fixture_schema::capitalize)
        .collect();
    format!("{pascal}DbFactory")
}

/// The file a model's factory is written to.
pub fn file_name(model: &str) -> String {
    format!("{}.ts", class_name(model))
}
