//! Each known Prisma 6.x / 7.x divergence, handled on purpose (see `src/compat.rs`).

use fixture_schema::{SchemaInput, Severity, load};

fn source(text: &str) -> SchemaInput {
    SchemaInput::Source { source: text.to_owned(), file_name: None }
}

const MODEL: &str = "model User {\n  id   BigInt @id\n  name String @db.VarChar(64)\n}\n";

#[test]
fn prisma7_datasource_without_url_keeps_the_connector() {
    // Without the compatibility layer psl drops the datasource and `@db.VarChar` fails.
    let schema = load(&source(&format!("datasource db {{\n  provider = \"postgresql\"\n}}\n{MODEL}"))).unwrap();
    assert_eq!(schema.provider, "postgresql");
    assert_eq!(schema.model("User").unwrap().fields.len(), 2);
}

#[test]
fn prisma6_datasource_with_url_and_direct_url_is_accepted() {
    let text = format!(
        "datasource db {{\n  provider  = \"postgresql\"\n  url       = env(\"DATABASE_URL\")\n  directUrl = env(\"DIRECT_URL\")\n}}\n{MODEL}"
    );
    assert_eq!(load(&source(&text)).unwrap().provider, "postgresql");
}

#[test]
fn prisma7_only_preview_feature_is_accepted_and_unknown_ones_are_not() {
    let with = |feature: &str| {
        format!(
            "generator client {{\n  provider = \"prisma-client-js\"\n  previewFeatures = [\"{feature}\"]\n}}\ndatasource db {{\n  provider = \"postgresql\"\n}}\n{MODEL}"
        )
    };
    load(&source(&with("partialIndexes"))).unwrap();
    // Removed in 7.x, deprecated (a warning only) in 6.x: accepted.
    load(&source(&with("metrics"))).unwrap();
    let error = load(&source(&with("noSuchFeature"))).unwrap_err();
    assert_eq!(error.diagnostics[0].severity, Severity::Error);
    assert!(error.diagnostics[0].message.contains("noSuchFeature"), "{}", error.message);
    assert_eq!(error.diagnostics[0].line, 3);
}

#[test]
fn other_datasource_errors_are_still_reported() {
    let error = load(&source(&format!("datasource db {{\n  url = env(\"X\")\n}}\n{MODEL}"))).unwrap_err();
    assert!(error.message.contains("provider"), "{}", error.message);
    assert!(error.message.contains("schema.prisma:1:1"), "{}", error.message);
}

#[test]
fn warnings_of_a_valid_schema_are_kept_with_their_location() {
    let text = format!(
        "generator client {{\n  provider = \"prisma-client-js\"\n  previewFeatures = [\"metrics\"]\n}}\ndatasource db {{\n  provider = \"postgresql\"\n}}\n{MODEL}"
    );
    let schema = load(&source(&text)).unwrap();
    assert_eq!(schema.warnings.len(), 1, "{:?}", schema.warnings);
    assert_eq!((schema.warnings[0].severity, schema.warnings[0].line), (Severity::Warning, 3));
    assert!(schema.warnings[0].message.contains("metrics"));
}
