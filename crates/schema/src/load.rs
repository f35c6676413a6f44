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
    let sources: Vec<(String, SourceFile)> =
        files.iter().map(|(name, text)| (name.clone(), SourceFile::from(text.as_str()))).collect();
    let validated = saola_psl_core::validate_multi_file(&sources, compat::connectors(), &saola_psl::parser_database::NoExtensionTypes);

    let to_diagnostic = |span: saola_psl::diagnostics::Span, message: &str, severity: Severity| {
        let (file, text) = &files[span.file_id.0 as usize];
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
    if !errors.is_empty() {
        let warnings = validated.diagnostics.warnings().iter().map(|w| to_diagnostic(w.span(), w.message(), Severity::Warning));
        let all = errors.into_iter().chain(warnings).collect();
        return Err(SchemaError::invalid(all, &files));
    }
    let provider = validated.configuration.datasources.first().map(|ds| ds.active_provider).unwrap_or("");
    Ok(resolve::resolve(&validated.db, provider, &files))
}

/// Like [`load`], but reuses the schema resolved for identical file contents (the last few kept):
/// a test run asks for the same schema many times and should parse it once.
pub fn load_shared(input: &SchemaInput) -> Result<std::sync::Arc<Schema>, SchemaError> {
    use std::collections::hash_map::DefaultHasher;
    use std::hash::{Hash, Hasher};
    use std::sync::{Arc, Mutex};

    static CACHE: Mutex<Vec<(u64, Arc<Schema>)>> = Mutex::new(Vec::new());
    const KEPT: usize = 8;

    let files = read_sources(input)?;
    let mut hasher = DefaultHasher::new();
    files.hash(&mut hasher);
    let key = hasher.finish();
    if let Some((_, schema)) = CACHE.lock().unwrap_or_else(|p| p.into_inner()).iter().find(|(k, _)| *k == key) {
        return Ok(schema.clone());
    }
    let schema = Arc::new(load_sources(files)?);
    let mut cache = CACHE.lock().unwrap_or_else(|p| p.into_inner());
    if cache.len() >= KEPT {
        cache.remove(0);
    }
    cache.push((key, schema.clone()));
    Ok(schema)
}
