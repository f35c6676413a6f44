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
