//! Prisma client freshness. Prisma 7 embeds the schema it generated from, formatted by
//! `prisma format`, as the `inlineSchema` string of the client's runtime config: in `index.js`
//! (and `edge.js`, plus a `schema.prisma` copy) for `prisma-client-js`, and in
//! `internal/class.ts` (or `.js`) for `prisma-client`. The package.json of a `prisma-client-js`
//! output is named `prisma-client-<sha256 of that text>`. Formatting changes only whitespace, so
//! the schema on disk is current when its text equals the embedded one with whitespace removed.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::finding::{Code, Finding, Severity};
use crate::workspace::{Package, Workspace, skip_dir};

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientStatus {
    pub schema: String,
    pub generator: String,
    pub provider: String,
    /// Where the client is (or should be).
    pub output: String,
    pub exists: bool,
    /// `Some(true)` generated from the schema on disk, `Some(false)` from another, `None` unknown.
    pub fresh: Option<bool>,
}

#[derive(Debug, Clone)]
struct Generator {
    name: String,
    provider: String,
    output: Option<String>,
    line: u32,
}

/// The generator blocks of a schema: name, `provider`, `output`. Only these three keys are read,
/// so the schema need not be valid (the validator and `prisma validate` judge that).
fn generators(text: &str) -> Vec<Generator> {
    let mut out = Vec::new();
    let mut current: Option<Generator> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split("//").next().unwrap_or("").trim();
        if let Some(rest) = line.strip_prefix("generator ") {
            let name = rest.trim_end_matches('{').trim().to_string();
            current = Some(Generator {
                name,
                provider: String::new(),
                output: None,
                line: i as u32 + 1,
            });
            continue;
        }
        let Some(g) = current.as_mut() else { continue };
        if line.starts_with('}') {
            out.push(current.take().unwrap());
            continue;
        }
        if let Some((key, value)) = line.split_once('=') {
            let value = value.trim();
            let unquoted = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .map(String::from);
            match key.trim() {
                "provider" => g.provider = unquoted.unwrap_or_else(|| value.to_string()),
                "output" => g.output = unquoted,
                _ => {}
            }
        }
    }
    out
}

/// The schemas of the workspace: package.json `prisma.schema`, `prisma/schema.prisma`,
/// `prisma/schema/` (multi-file), `schema.prisma`, per package; else any `schema.prisma` in a
/// package's source (not node_modules), three folders deep at most.
pub fn find_schemas(workspace: &Workspace, explicit: Option<&Path>) -> Vec<PathBuf> {
    if let Some(p) = explicit {
        return vec![p.to_path_buf()];
    }
    let mut out = Vec::new();
    for p in &workspace.packages {
        if let Some(s) = declared_schema(p) {
            out.push(s);
            continue;
        }
        let candidates = [
            p.dir.join("prisma/schema.prisma"),
            p.dir.join("prisma/schema"),
            p.dir.join("schema.prisma"),
        ];
        if let Some(c) = candidates.iter().find(|c| c.exists()) {
            out.push(c.clone());
            continue;
        }
        if p.is_root && workspace.packages.len() > 1 {
            continue;
        }
        for e in walkdir::WalkDir::new(&p.dir)
            .max_depth(4)
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0
                    || !(skip_dir(e.file_name().to_str().unwrap_or("")) || e.file_name() == "dist")
            })
            .flatten()
        {
            if e.file_type().is_file() && e.file_name() == "schema.prisma" {
                out.push(e.into_path());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn declared_schema(p: &Package) -> Option<PathBuf> {
    let s = p.manifest.get("prisma")?.get("schema")?.as_str()?;
    let path = fixture_tsconfig::normalize(&p.dir.join(s));
    path.exists().then_some(path)
}

/// The `.prisma` files of a schema path (a file, or a folder read recursively in path order).
fn schema_files(schema: &Path) -> Vec<PathBuf> {
    if schema.is_file() {
        return vec![schema.to_path_buf()];
    }
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(schema)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "prisma"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}

pub fn check(
    workspace: &Workspace,
    schemas: &[PathBuf],
    findings: &mut Vec<Finding>,
) -> Vec<ClientStatus> {
    let mut out = Vec::new();
    for schema in schemas {
        let files = schema_files(schema);
        let texts: Vec<(PathBuf, String)> = files
            .iter()
            .filter_map(|f| std::fs::read_to_string(f).ok().map(|t| (f.clone(), t)))
            .collect();
        let package = workspace.package_of(schema);
        let regenerate = regenerate_command(workspace, package, schema);
        if let Err(e) = fixture_schema::load_shared(&fixture_schema::SchemaInput::Path(schema.clone()))
            && e.kind == fixture_schema::SchemaErrorKind::Invalid
        {
            for d in e
                .diagnostics
                .iter()
                .filter(|d| d.severity == fixture_schema::Severity::Error)
            {
                findings.push(Finding::new(
                    Code::PrismaSchemaInvalid,
                    Severity::Error,
                    Path::new(&d.file),
                    d.line,
                    format!("{} (Prisma rejects this schema: `prisma generate` fails, so no client can match it)", d.message),
                    format!("fix the schema (`prisma validate` reports the same), then run `{regenerate}`"),
                ));
            }
        }
        let Some((gen_file, gens)) = texts
            .iter()
            .map(|(f, t)| (f, generators(t)))
            .find(|(_, g)| !g.is_empty())
        else {
            continue;
        };
        let schema_dir = gen_file.parent().unwrap_or(Path::new(".")).to_path_buf();
        for g in gens
            .iter()
            .filter(|g| g.provider == "prisma-client-js" || g.provider == "prisma-client")
        {
            let output = match &g.output {
                Some(o) => fixture_tsconfig::normalize(&schema_dir.join(o)),
                None => default_output(&schema_dir),
            };
            let embedded = embedded_schema(&output, &g.provider);
            let exists = embedded.is_some() || client_entry(&output, &g.provider).is_some();
            // Only a plain schema text can be compared (Prisma 4 embedded it base64-encoded).
            let fresh = embedded.as_ref().filter(|e| looks_like_schema(e)).map(|e| same_schema(e, &texts));
            let rel_schema = workspace.rel(schema);
            let rel_output = workspace.rel(&output);
            if !exists {
                findings.push(Finding::new(
                    Code::PrismaClientMissing,
                    Severity::Error,
                    gen_file,
                    g.line,
                    format!("generator `{}` ({}) has no generated client at {rel_output}: imports of the client fail before any test runs", g.name, g.provider),
                    format!("run `{regenerate}`"),
                ));
            } else if fresh == Some(false) {
                let near = embedded.as_ref().and_then(|e| first_difference(e, &texts));
                findings.push(Finding::new(
                    Code::PrismaClientStale,
                    Severity::Error,
                    near.as_ref().map(|(f, _)| f.as_path()).unwrap_or(gen_file),
                    near.as_ref().map(|(_, l)| *l).unwrap_or(0),
                    format!("the client at {rel_output} was generated from another version of {rel_schema}: its types and the database no longer agree with the schema (inconsistent prisma generate)"),
                    format!("run `{regenerate}`"),
                ));
            }
            out.push(ClientStatus {
                schema: rel_schema,
                generator: g.name.clone(),
                provider: g.provider.clone(),
                output: rel_output,
                exists,
                fresh,
            });
        }
    }
    out
}

/// Where `prisma-client-js` writes by default: `.prisma/client` beside the `@prisma/client` that
/// Node resolves from the schema's folder, under its real path (pnpm's isolated layout keeps it
/// in `node_modules/.pnpm/@prisma+client@…/node_modules`, where `@prisma/client` requires it
/// from); without an installed `@prisma/client`, `node_modules/.prisma/client` of the package.
fn default_output(schema_dir: &Path) -> PathBuf {
    if let Some(client) = crate::resolve::package_dir(schema_dir, "@prisma/client") {
        // `require(".prisma/client/default")` from there: the node_modules folders Node tries.
        let tried: Vec<PathBuf> = client
            .ancestors()
            .filter(|d| d.file_name().is_none_or(|n| n != "node_modules"))
            .map(|d| d.join("node_modules/.prisma/client"))
            .collect();
        if let Some(found) = tried.iter().find(|c| c.is_dir()) {
            return found.clone();
        }
        // Not generated yet: where `prisma generate` writes it, beside the package.
        if let Some(node_modules) = client.parent().and_then(Path::parent)
            && node_modules.file_name().is_some_and(|n| n == "node_modules")
        {
            return node_modules.join(".prisma/client");
        }
    }
    for d in schema_dir.ancestors() {
        let nm = d.join("node_modules");
        if nm.join(".prisma/client").is_dir() || nm.join("@prisma/client").exists() {
            return nm.join(".prisma/client");
        }
    }
    schema_dir
        .ancestors()
        .find(|d| d.join("package.json").is_file())
        .unwrap_or(schema_dir)
        .join("node_modules/.prisma/client")
}

fn client_entry(output: &Path, provider: &str) -> Option<PathBuf> {
    let names: &[&str] = if provider == "prisma-client-js" {
        &["index.js", "default.js", "index.d.ts"]
    } else {
        &[
            "internal/class.ts",
            "internal/class.js",
            "internal/class.mts",
            "client.ts",
            "client.js",
        ]
    };
    names.iter().map(|n| output.join(n)).find(|p| p.is_file())
}

/// The schema text the client embeds (`inlineSchema`), else the `schema.prisma` copy.
fn embedded_schema(output: &Path, provider: &str) -> Option<String> {
    let entry = client_entry(output, provider)?;
    let text = std::fs::read_to_string(&entry).ok()?;
    inline_schema(&text).or_else(|| std::fs::read_to_string(output.join("schema.prisma")).ok())
}

/// The JSON string after `"inlineSchema":` (or `inlineSchema:`), decoded.
pub fn inline_schema(text: &str) -> Option<String> {
    let at = text
        .find("\"inlineSchema\"")
        .map(|i| i + "\"inlineSchema\"".len())
        .or_else(|| text.find("inlineSchema:").map(|i| i + "inlineSchema".len()))?;
    let rest = text[at..].trim_start().strip_prefix(':')?.trim_start();
    if !rest.starts_with('"') {
        return None;
    }
    let bytes = rest.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return serde_json::from_str(&rest[..=i]).ok(),
            _ => i += 1,
        }
    }
    None
}

fn looks_like_schema(text: &str) -> bool {
    text.contains("generator") || text.contains("datasource") || text.contains("model")
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every file of the schema appears in the embedded text, and nothing else does.
fn same_schema(embedded: &str, files: &[(PathBuf, String)]) -> bool {
    let e = squeeze(embedded);
    let parts: Vec<String> = files.iter().map(|(_, t)| squeeze(t)).collect();
    parts.iter().map(|p| p.len()).sum::<usize>() == e.len()
        && parts.iter().all(|p| e.contains(p.as_str()))
}

/// The first line of the schema on disk that the embedded schema does not have (whitespace
/// ignored), to point at what changed.
fn first_difference(embedded: &str, files: &[(PathBuf, String)]) -> Option<(PathBuf, u32)> {
    let known: std::collections::HashSet<String> = embedded.lines().map(squeeze).collect();
    for (file, text) in files {
        for (i, line) in text.lines().enumerate() {
            let s = squeeze(line);
            if !s.is_empty() && !known.contains(&s) {
                return Some((file.clone(), i as u32 + 1));
            }
        }
    }
    None
}

fn regenerate_command(workspace: &Workspace, package: Option<&Package>, schema: &Path) -> String {
    if let Some(p) = package {
        let scripts = p.manifest.get("scripts").and_then(|s| s.as_object());
        if let Some((name, _)) = scripts.and_then(|s| {
            s.iter()
                .find(|(_, v)| v.as_str().is_some_and(|v| v.contains("prisma generate")))
        }) {
            return workspace.manager.run_in(&p.name, name, p.is_root);
        }
        let rel = schema
            .strip_prefix(&p.dir)
            .map(|r| r.display().to_string())
            .unwrap_or_else(|_| schema.display().to_string());
        return workspace.manager.exec_in(
            &workspace.rel(&p.dir),
            &format!("prisma generate --schema {rel}"),
        );
    }
    workspace.manager.exec_in(
        ".",
        &format!("prisma generate --schema {}", workspace.rel(schema)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_generators_and_inline_schema() {
        let g = generators(
            "generator client {\n  provider = \"prisma-client\" // ts\n  output   = \"../gen\"\n}\n",
        );
        assert_eq!(
            (
                g[0].name.as_str(),
                g[0].provider.as_str(),
                g[0].output.as_deref(),
                g[0].line
            ),
            ("client", "prisma-client", Some("../gen"), 1)
        );
        let js =
            "const config = {\n  \"inlineSchema\": \"model a {\\n  id Int @id \\\"x\\\"\\n}\",\n}";
        assert_eq!(
            inline_schema(js).as_deref(),
            Some("model a {\n  id Int @id \"x\"\n}")
        );
    }

    #[test]
    fn whitespace_only_changes_are_fresh() {
        let disk = vec![(
            PathBuf::from("s.prisma"),
            "model a {\n id Int @id\n name String\n}\n".to_string(),
        )];
        assert!(same_schema(
            "model a {\n  id   Int    @id\n  name String\n}\n",
            &disk
        ));
        assert!(!same_schema("model a {\n  id   Int    @id\n}\n", &disk));
        assert_eq!(
            first_difference("model a {\n  id   Int    @id\n}\n", &disk),
            Some((PathBuf::from("s.prisma"), 3))
        );
    }
}
