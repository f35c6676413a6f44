//! One validator run plus what the maintenance commands need beside its report: the schema it
//! checked against and the fixture categories in force.

use fixture_schema::{Schema, SchemaInput};
use fixture_validate::{FixtureCategories, Options, Report, SchemaOption, ValidateError, config, validate};

pub struct Project {
    pub report: Report,
    /// Every analysed file.
    pub files: Vec<std::path::PathBuf>,
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
    let cfg = config::resolve(options)?;
    // The factories' folders when no pattern was given (the validator's default).
    let patterns = if cfg.factories.is_empty() {
        let mut folders: Vec<String> = report.factories.iter().filter_map(|f| std::path::Path::new(&f.file).parent()).map(|p| p.display().to_string()).collect();
        folders.sort();
        folders.dedup();
        folders
    } else {
        cfg.factories.clone()
    };
    let files = fixture_validate::discover::discover(&patterns, &cfg.factories_base).map(|d| d.files).unwrap_or_default();
    Ok(Project { report, files, schema, categories, root })
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
