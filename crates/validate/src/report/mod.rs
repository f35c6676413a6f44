//! Renderers: the report as text for people (`pretty`, tsc-like), and for machines (`json`,
//! eslint-style; `sarif` 2.1.0; `junit`; `github` workflow commands). Each takes the finished
//! report; none does analysis. Paths are shown relative to `cwd` where that is shorter.
//! `render` is the one entry point the CLI and the napi layer share.

use std::path::{Path, PathBuf};

use crate::Report;

pub mod github;
pub mod json;
pub mod junit;
pub mod pretty;
pub mod sarif;
mod text;

// The renderers' shared text helpers live apart, so that the renderers and this dispatcher do not
// import each other.
pub use text::{display_path, xml_escape};

/// The output formats of `fixture-native validate --format` and `formatValidationReport`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pretty,
    Json,
    Sarif,
    Junit,
    Github,
}

impl Format {
    pub const ALL: [Format; 5] = [Format::Pretty, Format::Json, Format::Sarif, Format::Junit, Format::Github];

    /// The name `--format` takes.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pretty => "pretty",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
            Format::Github => "github",
        }
    }

    /// One line for `--help`.
    pub fn help(self) -> &'static str {
        match self {
            Format::Pretty => "tsc-style `file:line:col - error code: message`, code frames and a summary",
            Format::Json => "eslint's JSON formatter shape",
            Format::Sarif => "SARIF 2.1.0",
            Format::Junit => "JUnit XML",
            Format::Github => "GitHub Actions annotations",
        }
    }

    /// The format named `name` as `--format` spells it.
    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == name)
    }

    /// `"pretty", "json", …` for messages naming the choices.
    pub fn names_quoted() -> String {
        Format::ALL.iter().map(|f| format!("\"{}\"", f.as_str())).collect::<Vec<_>>().join(", ")
    }
}

/// The report in `format`. `pretty` reads the files for code frames; `github` makes paths relative
/// to the repository root (`GITHUB_WORKSPACE`, else the git top level above `cwd`).
pub fn render(report: &Report, format: Format, cwd: &Path, quiet: bool) -> String {
    match format {
        Format::Pretty => pretty::render(report, cwd, quiet, &|f| std::fs::read_to_string(f).ok()),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report, cwd),
        Format::Junit => junit::render(report, cwd),
        Format::Github => github::render(report, &annotation_root(cwd, std::env::var_os("GITHUB_WORKSPACE"))),
    }
}

/// What GitHub resolves annotation paths against: the repository root, which is
/// `GITHUB_WORKSPACE` in Actions, else the git top level above `cwd` (a `.git` folder, or the
/// `.git` file of a worktree or submodule), else `cwd`.
pub fn annotation_root(cwd: &Path, github_workspace: Option<std::ffi::OsString>) -> PathBuf {
    if let Some(ws) = github_workspace.filter(|w| !w.is_empty()) {
        let ws = PathBuf::from(ws);
        // Paths in the report are as found from `cwd`: compare in the same spelling.
        let real = ws.canonicalize().unwrap_or_else(|_| ws.clone());
        return if cwd.starts_with(&ws) || !cwd.starts_with(&real) { ws } else { real };
    }
    cwd.ancestors().find(|d| d.join(".git").exists()).unwrap_or(cwd).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_round_trips_its_name() {
        for format in Format::ALL {
            assert_eq!(Format::parse(format.as_str()), Some(format));
        }
        assert_eq!(Format::parse("xml"), None);
        assert_eq!(Format::names_quoted(), "\"pretty\", \"json\", \"sarif\", \"junit\", \"github\"");
    }

    #[test]
    fn annotations_are_relative_to_github_workspace_else_the_git_top_level() {
        let dir = tempfile::tempdir().unwrap();
        let package = dir.path().join("repo/packages/server");
        std::fs::create_dir_all(&package).unwrap();
        assert_eq!(annotation_root(&package, None), package);
        std::fs::create_dir_all(dir.path().join("repo/.git")).unwrap();
        assert_eq!(annotation_root(&package, None), dir.path().join("repo"));
        // A worktree's `.git` is a file.
        std::fs::create_dir_all(dir.path().join("wt/pkg")).unwrap();
        std::fs::write(dir.path().join("wt/.git"), "gitdir: elsewhere\n").unwrap();
        assert_eq!(annotation_root(&dir.path().join("wt/pkg"), None), dir.path().join("wt"));
        assert_eq!(annotation_root(&package, Some(dir.path().into())), dir.path());
        assert_eq!(annotation_root(&package, Some("".into())), dir.path().join("repo"));
        // A schema path found through `"prisma": { "schema": "./src/db/schema.prisma" }`.
        let shown = display_path("/r/packages/server/./src/db/schema.prisma", Path::new("/r"));
        assert_eq!(shown, "packages/server/src/db/schema.prisma");
    }
}
