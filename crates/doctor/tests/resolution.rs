//! Small workspaces written by the test: test-runner transforms, tsconfig include globs, and an
//! id import through tsconfig `paths`.

use std::fs;
use std::path::{Path, PathBuf};

use fixture_doctor::{Options, doctor, report};

fn workspace(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("doctor-res-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    for (rel, text) in files {
        let p = dir.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
    dir
}

fn codes(dir: &Path, options: Options) -> Vec<(String, String)> {
    let r = doctor(&options).unwrap();
    let _ = report::pretty(&r);
    r.findings.iter().map(|f| (f.code.as_str().to_string(), Path::new(&f.file).strip_prefix(dir.canonicalize().unwrap()).unwrap().display().to_string())).collect()
}

const ES2022: &str = r#"{ "compilerOptions": { "target": "ES2022", "module": "NodeNext" } }"#;

#[test]
fn ts_jest_and_vitest_targets_are_compared_with_the_package() {
    let dir = workspace(
        "runners",
        &[
            ("package.json", r#"{ "name": "root", "workspaces": ["packages/*"] }"#),
            ("packages/a/package.json", r#"{ "name": "a" }"#),
            ("packages/a/tsconfig.json", ES2022),
            ("packages/a/tsconfig.jest.json", r#"{ "extends": "./tsconfig.json", "compilerOptions": { "target": "ES2019" } }"#),
            ("packages/a/jest.config.cjs", "module.exports = {\n  transform: { '^.+\\\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },\n};\n"),
            ("packages/b/package.json", r#"{ "name": "b", "type": "module" }"#),
            ("packages/b/tsconfig.json", ES2022),
            ("packages/b/vitest.config.ts", "import { defineConfig } from 'vitest/config'\nexport default defineConfig({\n  esbuild: { target: 'es2019' },\n  test: {},\n})\n"),
        ],
    );
    assert_eq!(
        codes(&dir, Options::new(&dir)),
        [("test-config-mismatch".into(), "packages/a/jest.config.cjs".into()), ("test-config-mismatch".into(), "packages/b/vitest.config.ts".into())]
    );
}

#[test]
fn include_star_stays_in_its_folder() {
    let files = |bigint_at: &'static str| {
        vec![
            ("package.json", r#"{ "name": "root" }"#),
            ("tsconfig.json", r#"{ "compilerOptions": { "target": "ES2019" }, "include": ["src/*.ts"] }"#),
            (bigint_at, "export const a = 10n;\n"),
            ("src/plain.ts", "export const b = 10;\n"),
        ]
    };
    let outside = workspace("include-outside", &files("src/sub/a.ts"));
    assert_eq!(codes(&outside, Options::new(&outside)), []);
    let inside = workspace("include-inside", &files("src/a.ts"));
    assert_eq!(codes(&inside, Options::new(&inside)), [("target-below-es2020".into(), "tsconfig.json".into())]);
}

#[test]
fn the_id_import_resolves_through_tsconfig_paths() {
    let dir = workspace(
        "paths",
        &[
            ("package.json", r#"{ "name": "app", "type": "module" }"#),
            ("tsconfig.json", r#"{ "compilerOptions": { "target": "ES2022", "module": "NodeNext", "baseUrl": ".", "paths": { "@app/*": ["lib/*"] } } }"#),
            ("lib/ids.ts", "export function generatePK(): bigint { return 1n; }\n"),
            ("test/factories/user.ts", "import { generatePK } from \"@app/ids\";\nexport const id = generatePK();\n"),
        ],
    );
    let mut o = Options::new(&dir);
    o.factories = Some(dir.join("test/factories"));
    let r = doctor(&o).unwrap();
    assert!(r.findings.is_empty(), "{}", report::pretty(&r));
    let chain = r.id_chain.unwrap();
    assert_eq!(chain.resolved_via.as_deref(), Some("tsconfig paths (tsconfig.json)"));
    assert_eq!(chain.declared_in.as_deref(), Some("lib/ids.ts"));
}
