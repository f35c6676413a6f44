//! What a run makes: the generated factory, why none could be, and the names generated code
//! takes (classes, files, variables), which the renderer and the value builder both use.

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

/// A model name as a variable: `tag_translation` -> `tagTranslation`.
pub(crate) fn lower_camel(name: &str) -> String {
    use fixture_schema::capitalize;
    let pascal: String = name.split(['_', '-']).filter(|p| !p.is_empty()).map(capitalize).collect();
    let mut chars = pascal.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}
