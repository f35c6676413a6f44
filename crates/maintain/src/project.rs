//! One validator run plus what the maintenance commands need beside its report: the schema it
//! checked against and the fixture categories in force.

use fixture_schema::{Schema, SchemaInput};
use fixture_validate::{FixtureCategories, Options, Report, SchemaOption, ValidateError, config, validate};

pub struct Project {
    pub report: Report,
    pub schema: Schema,
    pub categories: FixtureCategories,
    /// The folder relative paths are shown against and writes stay inside.
    pub root: std::path::PathBuf,
}

/// Validates with `options` and loads the same schema. An invalid schema is an error here: the
/// maintenance commands need its models (the validator's report names the problem).
pub fn load(options: &Options) -> Result<Project, ValidateError> {
    let report = validate(options)?;
    let (schema, categories, root) = load_schema(options)?;
    Ok(Project { report, schema, categories, root })
}

/// The schema `options` name (from the config, or found as Prisma does), the fixture
/// categories and the project root.
pub fn load_schema(options: &Options) -> Result<(Schema, FixtureCategories, std::path::PathBuf), ValidateError> {
    let cfg = config::resolve(options)?;
    let input = match &cfg.schema {
        Some(SchemaOption::Path(p)) => SchemaInput::Path(p.clone()),
        Some(SchemaOption::Source(s)) => SchemaInput::Source { source: s.clone(), file_name: None },
        None => SchemaInput::Discover { cwd: cfg.root.clone() },
    };
    let schema = fixture_schema::load(&input).map_err(|e| ValidateError { message: e.message })?;
    Ok((schema, cfg.categories, cfg.root))
}
