//! Effective options over real files: JSONC, relative and package `extends`, arrays, paths.

use std::fs;
use std::path::Path;

use fixture_tsconfig::{load, resolve_extends, target_year};

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

#[test]
fn jsonc_with_comments_trailing_commas_and_bom() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "tsconfig.json",
        "\u{feff}{\n // a comment\n \"compilerOptions\": { /* x */ \"target\": \"ES2019\", \"lib\": [\"es2019\",], },\n}",
    );
    let c = load(&dir.path().join("tsconfig.json")).unwrap();
    assert_eq!(c.effective_target(), "ES2019");
    assert_eq!(c.options.lib, Some(vec!["es2019".to_string()]));
    assert!(!c.lib_has_bigint());
}

#[test]
fn invalid_jsonc_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "tsconfig.json",
        "{\n  \"compilerOptions\": {\n    \"target\": ES2020\n  }\n}",
    );
    let e = load(&dir.path().join("tsconfig.json")).unwrap_err();
    assert_eq!(e.line, 3);
    assert!(e.to_string().contains("tsconfig.json:3:"), "{e}");
}

#[test]
fn relative_and_package_extends_merge_key_by_key() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(
        r,
        "node_modules/@org/tsconfig/package.json",
        r#"{ "name": "@org/tsconfig", "tsconfig": "base.json" }"#,
    );
    write(
        r,
        "node_modules/@org/tsconfig/base.json",
        r#"{ "compilerOptions": { "target": "ES2017", "module": "commonjs", "lib": ["es2017"] } }"#,
    );
    write(
        r,
        "node_modules/@tsconfig/node20/tsconfig.json",
        r#"{ "compilerOptions": { "target": "ES2022", "moduleResolution": "node16" } }"#,
    );
    write(
        r,
        "tsconfig.base.json",
        r#"{ "extends": "@org/tsconfig", "compilerOptions": { "module": "NodeNext", "baseUrl": ".", "paths": { "@app/*": ["src/*"] } } }"#,
    );
    write(
        r,
        "pkg/tsconfig.json",
        r#"{ "extends": ["@tsconfig/node20/tsconfig.json", "../tsconfig.base"], "compilerOptions": { "outDir": "dist" }, "include": ["src"] }"#,
    );
    let c = load(&r.join("pkg/tsconfig.json")).unwrap();
    // The later array entry (../tsconfig.base -> @org/tsconfig) wins over the earlier one.
    assert_eq!(c.effective_target(), "ES2017");
    assert_eq!(c.effective_module(), "NodeNext");
    assert_eq!(c.effective_module_resolution(), "node16");
    assert_eq!(c.options.paths_base.as_deref(), Some(r));
    assert_eq!(
        c.options.out_dir.as_deref(),
        Some(r.join("pkg/dist").as_path())
    );
    assert_eq!(c.include.as_ref().unwrap().base, r.join("pkg"));
    assert_eq!(c.chain.len(), 4);
    assert!(c.unresolved_extends.is_empty());
}

#[test]
fn unresolved_package_is_recorded_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "tsconfig.json",
        "{\n  \"extends\": \"@vrooli/tsconfig-missing\",\n  \"compilerOptions\": { \"module\": \"esnext\" }\n}",
    );
    let c = load(&dir.path().join("tsconfig.json")).unwrap();
    assert_eq!(c.unresolved_extends.len(), 1);
    assert_eq!(
        c.unresolved_extends[0].specifier,
        "@vrooli/tsconfig-missing"
    );
    assert_eq!(c.unresolved_extends[0].line, 2);
    assert_eq!(c.options.target, None);
    assert_eq!(c.effective_module_resolution(), "classic");
    assert_eq!(
        resolve_extends(dir.path(), "@vrooli/tsconfig-missing"),
        None
    );
}

#[test]
fn extends_cycle_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.json", r#"{ "extends": "./b.json" }"#);
    write(dir.path(), "b.json", r#"{ "extends": "./a" }"#);
    let e = load(&dir.path().join("a.json")).unwrap_err();
    assert!(e.message.contains("cycle"), "{e}");
}

#[test]
fn defaults_follow_tsc() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "tsconfig.json", "{}");
    let c = load(&dir.path().join("tsconfig.json")).unwrap();
    assert_eq!(
        (
            c.effective_target().as_str(),
            c.effective_module().as_str(),
            c.effective_module_resolution().as_str()
        ),
        ("ES5", "CommonJS", "node10")
    );
    assert_eq!(target_year("ESNext"), Some(9999));
    assert_eq!(target_year("es6"), Some(2015));
}

#[test]
fn normalize_folds_dots_keeping_a_relative_path_s_leading_dot_dot_and_stopping_at_the_root() {
    use std::path::{Path, PathBuf};
    assert_eq!(fixture_tsconfig::normalize(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
    assert_eq!(fixture_tsconfig::normalize(Path::new("/a/../../b")), PathBuf::from("/b"));
    assert_eq!(fixture_tsconfig::normalize(Path::new("a/../../b")), PathBuf::from("../b"));
}
