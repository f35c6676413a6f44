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

const INSTALLED: &str = r#"{ "name": "@vrooli/fixture-native", "exports": { ".": "./index.js", "./jest": "./jest.js", "./vitest": "./vitest.js" } }"#;

#[test]
fn a_jest_config_without_the_global_setup_is_reported() {
    let files = |config: &'static str| {
        vec![
            ("package.json", r#"{ "name": "app", "devDependencies": { "@vrooli/fixture-native": "*" } }"#),
            ("node_modules/@vrooli/fixture-native/package.json", INSTALLED),
            ("jest.config.js", config),
        ]
    };
    let without = workspace("jest-without", &files("module.exports = { testEnvironment: 'node' };\n"));
    assert_eq!(codes(&without, Options::new(&without)), [("runner-global-setup".into(), "jest.config.js".into())]);
    let with = workspace("jest-with", &files("module.exports = { globalSetup: '@vrooli/fixture-native/jest', testEnvironment: 'node' };\n"));
    assert_eq!(codes(&with, Options::new(&with)), []);
}

#[test]
fn prisma_client_js_without_output_is_looked_for_where_prisma_client_is_installed() {
    let schema = "generator client {\n  provider = \"prisma-client-js\"\n}\n\ndatasource db {\n  provider = \"postgresql\"\n}\n\nmodel user {\n  id BigInt @id\n}\n";
    let dir = workspace(
        "client-js-default",
        &[
            ("package.json", r#"{ "name": "app", "scripts": { "generate": "prisma generate" } }"#),
            ("prisma/schema.prisma", schema),
            ("node_modules/@prisma/client/package.json", r#"{ "name": "@prisma/client" }"#),
        ],
    );
    let r = doctor(&Options::new(&dir)).unwrap();
    assert_eq!(r.findings.iter().map(|f| (f.code.as_str(), f.fix.as_str())).collect::<Vec<_>>(), [("prisma-client-missing", "run `npm run generate`")]);
    assert_eq!(r.prisma_clients[0].output, "node_modules/.prisma/client");
    // What prisma-client-js writes there: index.js with the formatted schema as inlineSchema.
    let client = dir.join("node_modules/.prisma/client");
    fs::create_dir_all(&client).unwrap();
    let formatted = schema.replace("  id BigInt @id", "  id BigInt  @id");
    fs::write(client.join("index.js"), format!("const config = {{\n  \"inlineSchema\": {},\n}}\n", serde_json::to_string(&formatted).unwrap())).unwrap();
    let r = doctor(&Options::new(&dir)).unwrap();
    assert!(r.findings.is_empty(), "{}", report::pretty(&r));
    assert_eq!(r.prisma_clients[0].fresh, Some(true));
}
