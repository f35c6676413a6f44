//! Where a schema comes from, and finding it the way the Prisma CLI does.

use std::path::{Path, PathBuf};

use crate::SchemaError;

/// What to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaInput {
    /// A `.prisma` file, or a folder whose `.prisma` files (searched recursively) form one schema.
    Path(PathBuf),
    /// Schema text; `file_name` (default `schema.prisma`) is used in diagnostics.
    Source { source: String, file_name: Option<String> },
    /// Find the schema from a working directory as the Prisma CLI does: `package.json`'s
    /// `prisma.schema`, then `prisma/schema.prisma`, the `prisma/schema/` folder, `schema.prisma`.
    Discover { cwd: PathBuf },
}

/// The schema files as `(name shown in diagnostics, text)`, in the order Prisma reads them.
pub type SourceFiles = Vec<(String, String)>;

/// Reads the files an input designates.
pub fn read_sources(input: &SchemaInput) -> Result<SourceFiles, SchemaError> {
    match input {
        SchemaInput::Source { source, file_name } => {
            Ok(vec![(file_name.clone().unwrap_or_else(|| "schema.prisma".to_owned()), source.clone())])
        }
        SchemaInput::Path(path) => read_path(path),
        SchemaInput::Discover { cwd } => read_path(&discover(cwd)?),
    }
}

/// The schema location Prisma would use for `cwd`.
pub fn discover(cwd: &Path) -> Result<PathBuf, SchemaError> {
    if let Some(configured) = package_json_schema(cwd)? {
        return Ok(configured);
    }
    let candidates = [cwd.join("prisma").join("schema.prisma"), cwd.join("prisma").join("schema"), cwd.join("schema.prisma")];
    for candidate in &candidates {
        if candidate.is_file() || (candidate.is_dir() && !prisma_files(candidate).unwrap_or_default().is_empty()) {
            return Ok(candidate.clone());
        }
    }
    Err(SchemaError::io(format!(
        "No Prisma schema found from {}: looked at package.json \"prisma.schema\", prisma/schema.prisma, prisma/schema/ and schema.prisma. Pass the schema path explicitly (--schema).",
        cwd.display()
    )))
}

/// `"prisma": { "schema": "…" }` in `cwd/package.json`, resolved against `cwd`.
fn package_json_schema(cwd: &Path) -> Result<Option<PathBuf>, SchemaError> {
    let manifest = cwd.join("package.json");
    let Ok(text) = std::fs::read_to_string(&manifest) else { return Ok(None) };
    let json: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| SchemaError::io(format!("{}:{}:{}: package.json is not valid JSON: {e}", manifest.display(), e.line(), e.column())))?;
    let Some(configured) = json.get("prisma").and_then(|p| p.get("schema")) else { return Ok(None) };
    let Some(configured) = configured.as_str() else {
        return Err(SchemaError::io(format!("{}: \"prisma.schema\" must be a string path", manifest.display())));
    };
    let path = cwd.join(configured);
    if !path.exists() {
        return Err(SchemaError::io(format!(
            "{}: \"prisma.schema\" points to {}, which does not exist. Fix the path in package.json.",
            manifest.display(),
            path.display()
        )));
    }
    Ok(Some(path))
}

/// The files a path designates: itself, or the `.prisma` files of a folder.
pub fn schema_files(path: &Path) -> Result<Vec<PathBuf>, SchemaError> {
    if path.as_os_str().is_empty() {
        return Err(SchemaError::io("The schema path is empty: pass a .prisma file or a folder of them, or nothing to find it as Prisma does."));
    }
    let metadata = std::fs::metadata(path)
        .map_err(|e| SchemaError::io(format!("Cannot read the Prisma schema at {}: {e}. Check the path.", path.display())))?;
    if metadata.is_dir() {
        let files = prisma_files(path)
            .map_err(|e| SchemaError::io(format!("Cannot read the schema folder {}: {e}", path.display())))?;
        if files.is_empty() {
            return Err(SchemaError::io(format!("The folder {} holds no .prisma files.", path.display())));
        }
        Ok(files)
    } else {
        Ok(vec![path.to_path_buf()])
    }
}

fn read_path(path: &Path) -> Result<SourceFiles, SchemaError> {
    schema_files(path)?
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).map_err(|e| {
                SchemaError::io(format!("Cannot read the Prisma schema file {}: {e}. Check the path and permissions.", file.display()))
            })?;
            Ok((file.display().to_string(), text))
        })
        .collect()
}

/// Every `.prisma` file under `dir`, recursively, sorted by path so that the order is stable.
fn prisma_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "prisma") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("fixture-schema-input-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn discovery_prefers_package_json_then_prisma_folder_then_root() {
        let dir = temp_dir("discover");
        std::fs::write(dir.join("schema.prisma"), "").unwrap();
        assert_eq!(discover(&dir).unwrap(), dir.join("schema.prisma"));
        std::fs::create_dir_all(dir.join("prisma")).unwrap();
        std::fs::write(dir.join("prisma/schema.prisma"), "").unwrap();
        assert_eq!(discover(&dir).unwrap(), dir.join("prisma/schema.prisma"));
        std::fs::create_dir_all(dir.join("db")).unwrap();
        std::fs::write(dir.join("db/main.prisma"), "").unwrap();
        std::fs::write(dir.join("package.json"), r#"{"prisma":{"schema":"db/main.prisma"}}"#).unwrap();
        assert_eq!(discover(&dir).unwrap(), dir.join("db/main.prisma"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn discovery_failure_says_where_it_looked() {
        let dir = temp_dir("none");
        let error = discover(&dir).unwrap_err();
        assert!(error.message.contains("prisma/schema.prisma"), "{}", error.message);
        std::fs::write(dir.join("package.json"), r#"{"prisma":{"schema":"nope.prisma"}}"#).unwrap();
        let error = discover(&dir).unwrap_err();
        assert!(error.message.contains("does not exist"), "{}", error.message);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_folder_is_read_recursively_in_path_order() {
        let dir = temp_dir("folder");
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("b.prisma"), "b").unwrap();
        std::fs::write(dir.join("sub/a.prisma"), "a").unwrap();
        std::fs::write(dir.join("notes.txt"), "x").unwrap();
        let files = read_sources(&SchemaInput::Path(dir.clone())).unwrap();
        let texts: Vec<&str> = files.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["b", "a"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
