//! `fixture-native typemap`: writes (or checks) the `PRISMA_TYPE_MAP` module for a schema.
//!
//! Exit codes: 0 written / up to date, 1 `--check` found the file stale (the models that changed are
//! named), 2 bad usage, no schema, an invalid schema (with file:line:column) or an unwritable file.

use std::path::{Path, PathBuf};

use fixture_schema::typemap_source::{self, TypeMapFormat};
use fixture_schema::{SchemaInput, load};

use crate::{CliOutput, EXIT_FINDINGS, EXIT_OK};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The Prisma schema: a .prisma file or a folder of them (default: found as the Prisma CLI does).
    #[arg(long, value_name = "PATH")]
    schema: Option<PathBuf>,
    /// Where to write the module (default: standard output).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// ts, dts or json (default: from the --out extension, else ts).
    #[arg(long, value_name = "FORMAT")]
    format: Option<String>,
    /// Do not write: exit 1 and name the changed models when --out is stale.
    #[arg(long, requires = "out")]
    check: bool,
}

pub fn run(args: Args, cwd: &Path) -> CliOutput {
    let format = match (&args.format, &args.out) {
        (Some(text), _) => match text.parse::<TypeMapFormat>() {
            Ok(format) => format,
            Err(message) => return CliOutput::usage_error(format!("fixture-native typemap: {message}\n")),
        },
        (None, Some(out)) => format_from_extension(out),
        (None, None) => TypeMapFormat::Ts,
    };
    let input = match &args.schema {
        Some(path) => SchemaInput::Path(cwd.join(path)),
        None => SchemaInput::Discover { cwd: cwd.to_path_buf() },
    };
    let schema = match load(&input) {
        Ok(schema) => schema,
        // Paths relative to the working directory read better, as Prisma prints them.
        Err(error) => {
            let prefix = format!("{}{}", cwd.display(), std::path::MAIN_SEPARATOR);
            return CliOutput::usage_error(format!("{}\n", error.message.replace(&prefix, "")));
        }
    };
    let text = typemap_source::render(&schema, format);
    let Some(out) = args.out else { return CliOutput::ok(text) };
    let out_path = cwd.join(&out);
    let shown = out.display();

    if args.check {
        let old = match std::fs::read_to_string(&out_path) {
            Ok(old) => old,
            Err(error) => {
                return CliOutput {
                    stdout: String::new(),
                    stderr: format!("{shown}: cannot read ({error}); run `fixture-native typemap --out {shown}` to create it\n"),
                    exit_code: EXIT_FINDINGS,
                };
            }
        };
        if old == text {
            return CliOutput::ok(format!("{shown} is up to date ({} models)\n", schema.models.len()));
        }
        let mut report = format!("{shown} is stale: regenerate it with `fixture-native typemap --out {shown}`\n");
        match typemap_source::stale_models(&schema, format, &old) {
            Some(changes) if !changes.is_empty() => {
                for (model, change) in changes {
                    report.push_str(&format!("  {change}: {model}\n"));
                }
            }
            Some(_) => report.push_str("  no model entry changed; the header (schema hash) differs\n"),
            None => report.push_str("  the file is not a type map written by fixture-native\n"),
        }
        return CliOutput { stdout: String::new(), stderr: report, exit_code: EXIT_FINDINGS };
    }

    if std::fs::read_to_string(&out_path).is_ok_and(|old| old == text) {
        return CliOutput::ok(format!("{shown} is up to date ({} models)\n", schema.models.len()));
    }
    match fixture_write::write_within(&fixture_write::project_root(cwd), &out_path, text.as_bytes()) {
        Ok(()) => CliOutput { stdout: format!("wrote {shown} ({} models)\n", schema.models.len()), stderr: String::new(), exit_code: EXIT_OK },
        Err(fixture_write::WriteError::Io { error, .. }) => {
            CliOutput::usage_error(format!("{shown}: cannot write ({error}); check that the folder exists and is writable\n"))
        }
        Err(error) => CliOutput::usage_error(format!("{error}\n")),
    }
}

fn format_from_extension(out: &Path) -> TypeMapFormat {
    let name = out.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    if name.ends_with(".d.ts") {
        TypeMapFormat::Dts
    } else if name.ends_with(".json") {
        TypeMapFormat::Json
    } else {
        TypeMapFormat::Ts
    }
}

#[cfg(test)]
mod tests {
    use crate::run;

    const SCHEMA: &str = "datasource db {\n  provider = \"postgresql\"\n}\nmodel credit_account {\n  id BigInt @id\n  owner User @relation(fields: [ownerId], references: [id])\n  ownerId BigInt\n}\nmodel User {\n  id BigInt @id\n  name String\n  accounts credit_account[]\n}\n";

    fn project(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("fixture-cli-typemap-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("prisma")).unwrap();
        std::fs::write(dir.join("prisma/schema.prisma"), SCHEMA).unwrap();
        dir
    }

    fn cli(dir: &std::path::Path, args: &[&str]) -> crate::CliOutput {
        let args: Vec<String> = std::iter::once("typemap").chain(args.iter().copied()).map(String::from).collect();
        run(&args, dir)
    }

    #[test]
    fn writes_byte_identical_output_and_checks_it() {
        let dir = project("write");
        let first = cli(&dir, &["--out", "PRISMA_TYPE_MAP.ts"]);
        assert_eq!(first.exit_code, 0, "{}", first.stderr);
        let written = std::fs::read_to_string(dir.join("PRISMA_TYPE_MAP.ts")).unwrap();
        assert!(written.contains("credit_accountCreateInput"));
        assert!(written.contains("schema-sha256: "));
        assert_eq!(cli(&dir, &["--out", "PRISMA_TYPE_MAP.ts"]).exit_code, 0);
        assert_eq!(std::fs::read_to_string(dir.join("PRISMA_TYPE_MAP.ts")).unwrap(), written);
        assert_eq!(cli(&dir, &[]).stdout, written, "stdout equals the file");
        assert_eq!(cli(&dir, &["--out", "PRISMA_TYPE_MAP.ts", "--check"]).exit_code, 0);
        // No temporary file is left behind.
        let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()).filter(|e| e.file_name().to_string_lossy().ends_with(".tmp")).collect();
        assert!(leftovers.is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn check_names_the_changed_models() {
        let dir = project("check");
        for out in ["map.ts", "map.json", "map.d.ts"] {
            assert_eq!(cli(&dir, &["--out", out]).exit_code, 0);
        }
        let changed = SCHEMA.replace("  name String\n", "  name String\n  email String\n");
        std::fs::write(dir.join("prisma/schema.prisma"), changed).unwrap();
        for out in ["map.ts", "map.json", "map.d.ts"] {
            let check = cli(&dir, &["--out", out, "--check"]);
            assert_eq!(check.exit_code, 1, "{out}: {}", check.stderr);
            assert!(check.stderr.contains("changed: User"), "{out}: {}", check.stderr);
            assert!(!check.stderr.contains("credit_account"), "{out}: {}", check.stderr);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn bad_usage_and_invalid_schemas_exit_2_with_the_location() {
        let dir = project("bad");
        assert_eq!(cli(&dir, &["--format", "yaml"]).exit_code, 2);
        assert_eq!(cli(&dir, &["--check"]).exit_code, 2, "--check needs --out");
        let missing = cli(&dir, &["--schema", "nope.prisma"]);
        assert_eq!(missing.exit_code, 2);
        assert!(missing.stderr.contains("nope.prisma"), "{}", missing.stderr);
        std::fs::write(dir.join("prisma/schema.prisma"), "model A {\n  id Strin @id\n}\n").unwrap();
        let invalid = cli(&dir, &[]);
        assert_eq!(invalid.exit_code, 2);
        assert!(invalid.stderr.contains("schema.prisma:2:6"), "{}", invalid.stderr);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
