//! `load`: read the files, validate them with psl (through the 6.x/7.x compatibility layer), turn
//! its diagnostics into data, and resolve the walked database into a [`Schema`].

use saola_psl::SourceFile;

use crate::diagnostics::line_column;
use crate::input::{SchemaInput, read_sources};
use crate::{Schema, SchemaDiagnostic, SchemaError, Severity, compat, resolve};

/// Loads and resolves a schema. Errors name the file, line and column (`SchemaError::diagnostics`).
pub fn load(input: &SchemaInput) -> Result<Schema, SchemaError> {
    let files = read_sources(input)?;
    load_sources(files)
}

/// Loads a schema from `(file name, text)` pairs, in the order given.
pub fn load_sources(files: Vec<(String, String)>) -> Result<Schema, SchemaError> {
    if files.is_empty() {
        return Err(SchemaError::io("No schema files were given."));
    }
    crate::nesting::check(&files)?;
    let sources: Vec<(String, SourceFile)> =
        files.iter().map(|(name, text)| (name.clone(), SourceFile::from(text.as_str()))).collect();
    let validated = saola_psl_core::validate_multi_file(&sources, compat::connectors(), &saola_psl::parser_database::NoExtensionTypes);

    let to_diagnostic = |span: saola_psl::diagnostics::Span, message: &str, severity: Severity| {
        // A span outside the files (psl's sentinel ids) is reported at the start of the first file.
        let (file, text) = files.get(span.file_id.0 as usize).unwrap_or(&files[0]);
        let (line, column) = line_column(text, span.start);
        let (end_line, end_column) = line_column(text, span.end);
        SchemaDiagnostic { file: file.clone(), line, column, end_line, end_column, message: message.to_owned(), severity }
    };
    let errors: Vec<SchemaDiagnostic> = validated
        .diagnostics
        .errors()
        .iter()
        .filter(|e| !compat::is_prisma7_accepted_error(e.message()))
        .map(|e| to_diagnostic(e.span(), e.message(), Severity::Error))
        .collect();
    let warnings: Vec<SchemaDiagnostic> =
        validated.diagnostics.warnings().iter().map(|w| to_diagnostic(w.span(), w.message(), Severity::Warning)).collect();
    if !errors.is_empty() {
        let all = errors.into_iter().chain(warnings).collect();
        return Err(SchemaError::invalid(all, &files));
    }
    let provider = validated.configuration.datasources.first().map(|ds| ds.active_provider).unwrap_or("");
    let preview_features = validated.configuration.preview_features().iter().map(|f| f.to_string()).collect();
    let mut schema = resolve::resolve(&validated.db, provider, preview_features, &files);
    schema.warnings = warnings;
    Ok(schema)
}

/// Like [`load`], but reuses the schema resolved for the same files (same paths, sizes and
/// modification times; for `Source`, the same text); the last few are kept. A test run asks for
/// the same schema many times and should parse it once.
pub fn load_shared(input: &SchemaInput) -> Result<std::sync::Arc<Schema>, SchemaError> {
    use std::collections::hash_map::DefaultHasher;
    use std::hash::{Hash, Hasher};
    use std::sync::{Arc, Mutex};

    static CACHE: Mutex<Vec<(u64, Arc<Schema>)>> = Mutex::new(Vec::new());
    const KEPT: usize = 8;

    let mut hasher = DefaultHasher::new();
    match input {
        SchemaInput::Source { source, file_name } => (source, file_name).hash(&mut hasher),
        SchemaInput::Path(path) => file_stamps(path)?.hash(&mut hasher),
        SchemaInput::Discover { cwd } => file_stamps(&crate::input::discover(cwd)?)?.hash(&mut hasher),
    }
    let key = hasher.finish();
    if let Some((_, schema)) = CACHE.lock().unwrap_or_else(|p| p.into_inner()).iter().find(|(k, _)| *k == key) {
        return Ok(schema.clone());
    }
    let schema = Arc::new(load(input)?);
    let mut cache = CACHE.lock().unwrap_or_else(|p| p.into_inner());
    if cache.len() >= KEPT {
        cache.remove(0);
    }
    cache.push((key, schema.clone()));
    Ok(schema)
}

/// `(path, size, modified)` of each schema file under `path`.
fn file_stamps(path: &std::path::Path) -> Result<Vec<(std::path::PathBuf, u64, Option<std::time::SystemTime>)>, SchemaError> {
    let files = crate::input::schema_files(path)?;
    Ok(files
        .into_iter()
        .map(|file| {
            let metadata = std::fs::metadata(&file).ok();
            let size = metadata.as_ref().map(|m| m.len()).unwrap_or(0);
            let modified = metadata.and_then(|m| m.modified().ok());
            (file, size, modified)
        })
        .collect())
}
