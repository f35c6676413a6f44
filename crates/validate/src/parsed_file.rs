//! One file: parsed, summarised (phase one), checked (phase two). A full run keeps each file's
//! syntax tree from phase one to phase two, so that it parses each file once.
//!
//! oxc builds a tree in an arena that is not thread-safe: neither may be shared between threads.
//! A [`ParsedFile`] owns the text, the arena and the tree together and is only ever moved whole,
//! from the thread that parsed it to the one that checks it.

use std::path::Path;

use oxc_allocator::Allocator;
use oxc_ast::ast::Program;
use oxc_parser::{Parser, ParserReturn};
use oxc_span::SourceType;
use self_cell::self_cell;

use crate::checker::{self, Ctx};
use crate::{FactoryEntry, Finding, rules, summary, walk};

/// What the tree borrows: the text and the arena.
pub(crate) struct Source {
    text: String,
    allocator: Allocator,
}

self_cell!(
    /// A file parsed once: its text, its arena and the tree in it.
    pub(crate) struct ParsedFile {
        owner: Source,
        #[covariant]
        dependent: Program,
    }
);

// SAFETY: a `ParsedFile` owns its arena and every node allocated in it, and nothing outside
// holds a reference into either: `self_cell` hands the tree out only for the length of a borrow
// of the cell. Moving the cell to another thread moves the arena together with everything that
// points into it, so no two threads can ever use the arena at once (what oxc's `Vec: !Send`
// guards against for a `Vec` moved on its own).
unsafe impl Send for ParsedFile {}

/// A file after phase one: kept with its tree when it parsed, its text alone when it did not.
pub(crate) enum Kept {
    Tree(ParsedFile),
    Text(String),
}

impl Kept {
    /// Parses `text` once: phase one's result now, the tree kept for phase two.
    pub(crate) fn parse(path: &Path, text: String) -> (Parsed, Kept) {
        let mut summary = None;
        let kept = ParsedFile::try_new_or_recover(Source { text, allocator: Allocator::default() }, |source| {
            let ret = parse(&source.allocator, path, &source.text)?;
            summary = Some(summary::summarize(&ret.program, &ret.module_record));
            Ok(ret.program)
        });
        match kept {
            Ok(tree) => (Parsed { summary: summary.unwrap_or_default(), parse_error: None }, Kept::Tree(tree)),
            Err((source, finding)) => (Parsed { summary: Default::default(), parse_error: Some(finding) }, Kept::Text(source.text)),
        }
    }

    pub(crate) fn text(&self) -> &str {
        match self {
            Kept::Tree(tree) => &tree.borrow_owner().text,
            Kept::Text(text) => text,
        }
    }

    /// Phase two of file `file` from the kept tree (a file that did not parse has only its
    /// `parse_error`), and the text back for the report.
    pub(crate) fn check(self, ctx: &Ctx<'_>, file: usize, parse_error: Option<&Finding>) -> (FileResult, String) {
        match self {
            Kept::Tree(tree) => {
                let result = tree.with_dependent(|source, program| check_program(ctx, file, &source.text, program));
                (result, tree.into_owner().text)
            }
            Kept::Text(text) => ((parse_error.into_iter().cloned().collect(), Vec::new()), text),
        }
    }
}

/// One file's findings and the factories found in it.
pub(crate) type FileResult = (Vec<Finding>, Vec<FactoryEntry>);

/// One parsed file's phase-one result.
pub(crate) struct Parsed {
    pub(crate) summary: summary::FileSummary,
    /// A syntax error: the file's only finding.
    pub(crate) parse_error: Option<Finding>,
}

/// Parses `text` once and hands `then` the phase-one result and, when it parsed, the program
/// (the session checks an edited file from the same parse).
pub(crate) fn with_parsed<R>(path: &Path, text: &str, then: impl FnOnce(Parsed, Option<&oxc_ast::ast::Program<'_>>) -> R) -> R {
    let allocator = Allocator::default();
    match parse(&allocator, path, text) {
        Ok(ret) => then(Parsed { summary: summary::summarize(&ret.program, &ret.module_record), parse_error: None }, Some(&ret.program)),
        Err(finding) => then(Parsed { summary: summary::FileSummary::default(), parse_error: Some(finding) }, None),
    }
}

/// Parses `text` into `allocator`; a file that does not parse (or nests too deep to) has its
/// syntax error as its only finding.
pub(crate) fn parse<'a>(allocator: &'a Allocator, path: &Path, text: &'a str) -> Result<ParserReturn<'a>, Finding> {
    #[cfg(test)]
    tests::PARSED.lock().expect("the parse log").push(path.to_path_buf());
    // No deeper than its opening brackets: most files are cleared by a count, without the scan.
    let openers = text.bytes().filter(|b| matches!(b, b'(' | b'[' | b'{')).count();
    let (depth, at) = if openers > MAX_NESTING { max_nesting(text) } else { (0, 0) };
    if depth > MAX_NESTING {
        return Err(rules::parse_error::finding(
            at as u32,
            at as u32 + 1,
            &format!("brackets nest {depth} levels deep here; files nesting deeper than {MAX_NESTING} levels are not analysed"),
            Some("split the expression; generated data belongs in a JSON file"),
        ));
    }
    let ret = Parser::new(allocator, text, source_type(path)).parse();
    if ret.panicked || !ret.diagnostics.is_empty() {
        let first = ret.diagnostics.iter().next();
        let (start, end) = first
            .and_then(|d| d.labels.first())
            .map(|l| (l.offset(), l.offset().saturating_add(l.len())))
            .unwrap_or((0, 0));
        let message = first.map(|d| d.message.to_string()).unwrap_or_else(|| "the file could not be parsed".into());
        let help = first.and_then(|d| d.help.as_ref().map(|h| h.to_string()));
        return Err(rules::parse_error::finding(start, end, &message, help.as_deref()));
    }
    Ok(ret)
}

pub(crate) fn check_file<'c>(ctx: &'c checker::Ctx<'c>, file: usize, path: &Path, text: &'c str) -> FileResult {
    let allocator = Allocator::default();
    let ret = Parser::new(&allocator, text, source_type(path)).parse();
    check_program(ctx, file, text, &ret.program)
}

/// Phase two of one parsed file.
pub(crate) fn check_program<'c>(ctx: &'c checker::Ctx<'c>, file: usize, text: &'c str, program: &'c Program<'c>) -> FileResult {
    let mut c = checker::Checker::new(ctx, file, text, program);
    walk::walk_program(&mut c, program);
    c.settle_fixes();
    (c.findings, c.found_factories)
}

fn source_type(path: &Path) -> SourceType {
    SourceType::from_path(path).unwrap_or_else(|_| SourceType::ts())
}

/// Deeper bracket nesting than this is reported instead of parsed (far beyond real code, well
/// within the analysis threads' stacks).
const MAX_NESTING: usize = 4000;

/// The deepest `(`/`[`/`{` nesting of a text, outside strings and comments (roughly: template
/// literals count as strings).
fn max_nesting(text: &str) -> (usize, usize) {
    let b = text.as_bytes();
    let (mut depth, mut max, mut at, mut i) = (0usize, 0usize, 0usize, 0usize);
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            q @ (b'"' | b'\'' | b'`') => {
                i += 1;
                while i < b.len() && b[i] != q {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    if q != b'`' && b[i.min(b.len() - 1)] == b'\n' {
                        break;
                    }
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    max = depth;
                    at = i;
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    (max, at)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    /// Every path `parse` was called with, by every test of this binary.
    pub(crate) static PARSED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

    fn parses_under(dir: &Path) -> std::collections::BTreeMap<PathBuf, usize> {
        let mut counts = std::collections::BTreeMap::new();
        for p in PARSED.lock().unwrap().iter().filter(|p| p.starts_with(dir)) {
            *counts.entry(p.clone()).or_insert(0) += 1;
        }
        counts
    }

    #[test]
    fn a_full_run_and_a_session_parse_each_file_once() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().canonicalize().unwrap();
        fixture_test_support::copy_dir(&fixture_test_support::examples(), &dir);
        let options = crate::Options { cwd: dir.clone(), config: Some(dir.join("broken.config.json")), ..Default::default() };
        let report = crate::validate(&options).unwrap();
        assert!(report.files > 3 && !report.diagnostics.is_empty(), "{} files", report.files);
        let once = parses_under(&dir);
        assert_eq!(once.len(), report.files, "{once:?}");
        assert!(once.values().all(|&n| n == 1), "{once:?}");

        let session = crate::session::Session::new(options).unwrap();
        assert_eq!(session.report().diagnostics, report.diagnostics);
        assert!(parses_under(&dir).values().all(|&n| n == 2), "{:?}", parses_under(&dir));
    }

    #[test]
    fn nesting_depth_ignores_strings_and_comments() {
        assert_eq!(max_nesting("f([{}])").0, 3);
        assert_eq!(max_nesting("const s = \"(((\"; // [[[\n/* {{{ */ g(`(${1})`)").0, 1);
    }

    #[test]
    fn absurdly_deep_nesting_is_a_parse_error_not_a_crash() {
        let deep = format!("export const x = {}1{};\n", "(".repeat(50_000), ")".repeat(50_000));
        let r = crate::validate_sources("datasource db {\n  provider = \"postgresql\"\n}\n", vec![("/t/deep.ts".into(), deep)], None, None).unwrap();
        assert_eq!(r.diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), vec!["parse-error"]);
        // Deep but under the limit: parsed and walked on the analysis threads' large stacks.
        let nested = format!("export const y = {}1{};\n", "[(".repeat(MAX_NESTING / 2 - 1), ")]".repeat(MAX_NESTING / 2 - 1));
        let r = crate::validate_sources("datasource db {\n  provider = \"postgresql\"\n}\n", vec![("/t/nested.ts".into(), nested)], None, None).unwrap();
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    }
}
