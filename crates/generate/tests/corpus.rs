//! Generates a factory for every model of a schema into a temporary project whose base class and
//! fixtures interface are the bundled example's, then runs the validator over the result: zero
//! errors, and every model covered. Done for the bundled example's schema and, with `--ignored`
//! (CI, where the shared corpus is beside the clone), for Vrooli's 66 models.
//! `FIXTURE_NATIVE_GENERATE_KEEP=<folder>` copies each generated project there (for tsc by hand).

use std::path::{Path, PathBuf};

use fixture_generate::{Style, generate, read_style};
use fixture_schema::{SchemaInput, load};
use fixture_validate::{Options, SchemaOption, validate};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The corpus's Vrooli schema: `../shared/corpus` from the repository root (CI), or the folder
/// `FIXTURE_NATIVE_CORPUS` names (a worktree elsewhere). Absent: the test fails, saying where it looked.
fn vrooli_schema() -> PathBuf {
    let corpus = std::env::var_os("FIXTURE_NATIVE_CORPUS").map(PathBuf::from).unwrap_or_else(|| repo().join("../shared/corpus"));
    let schema = corpus.join("vrooli/schema.prisma");
    assert!(schema.is_file(), "{} is absent (put the shared corpus beside the clone or set FIXTURE_NATIVE_CORPUS)", schema.display());
    schema
}

/// A project folder holding only the example's base class, fixtures interface and id helpers.
fn project_with_base_class() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let example = repo().join("examples/src/fixtures/db");
    for file in ["EnhancedDatabaseFactory.ts", "types.ts", "ids.ts"] {
        std::fs::copy(example.join(file), dir.path().join(file)).unwrap();
    }
    dir
}

/// Generates every creatable model of `schema_path` into a fresh project and validates it.
fn generate_and_validate(schema_path: &Path, expected_models: usize, name: &str) {
    let schema = load(&SchemaInput::Path(schema_path.to_path_buf())).expect("the schema loads");
    assert_eq!(schema.models.len(), expected_models);
    let dir = project_with_base_class();
    let style = read_style(dir.path(), "EnhancedDatabaseFactory").unwrap();
    assert_eq!(style.base_import, "./EnhancedDatabaseFactory.js");
    assert_eq!(style.fixtures_import, "./types.js");
    assert_eq!(style.type_arguments, 4);
    let mut written = 0;
    let mut left_empty: Vec<(String, String)> = Vec::new();
    for model in &schema.models {
        let generated = generate(&schema, &model.name, &style).unwrap_or_else(|e| panic!("{e}"));
        for note in &generated.notes {
            if let Some(category) = note.strip_prefix("`invalid.").and_then(|n| n.split_once("` is left empty:")).map(|(c, _)| c) {
                left_empty.push((generated.file_name.clone(), category.to_string()));
            }
        }
        std::fs::write(dir.path().join(&generated.file_name), &generated.source).unwrap();
        written += 1;
    }
    assert_eq!(written, expected_models);
    let report = validate(&Options {
        cwd: dir.path().to_path_buf(),
        schema: Some(SchemaOption::Path(schema_path.to_path_buf())),
        factories: vec![dir.path().display().to_string()],
        ..Default::default()
    })
    .expect("the validator runs");
    // An `invalid` category the factory leaves empty, saying why, is one the validator rightly
    // calls a test of nothing (a warning): expected exactly there.
    let said = |d: &fixture_validate::Diagnostic| {
        d.code.as_str() == "invalid-fixture-accepted"
            && left_empty.iter().any(|(file, category)| d.file.ends_with(file.as_str()) && d.message.contains(&format!("`{category}`")))
    };
    let problems: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| !said(d))
        .map(|d| format!("{}:{}:{} {} {}", d.file, d.line, d.column, d.code.as_str(), d.message))
        .collect();
    assert!(problems.is_empty(), "{} diagnostics:\n{}", problems.len(), problems.join("\n"));
    assert_eq!(report.coverage.covered, expected_models, "missing: {:?}", report.coverage.missing);
    assert_eq!(report.factories.len(), expected_models);
    if let Some(keep) = std::env::var_os("FIXTURE_NATIVE_GENERATE_KEEP") {
        let target = PathBuf::from(keep).join(name);
        std::fs::create_dir_all(&target).unwrap();
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), target.join(entry.file_name())).unwrap();
        }
    }
}

#[test]
fn every_model_of_the_bundled_example_validates_clean() {
    generate_and_validate(&repo().join("examples/prisma/schema.prisma"), 12, "example");
}

#[test]
fn every_shape_validates_clean() {
    generate_and_validate(&repo().join("__test__/fixtures/generate/every-shape.prisma"), 7, "every-shape");
}

#[test]
#[ignore = "needs the shared corpus at ../shared/corpus (run with --ignored)"]
fn every_model_of_the_vrooli_corpus_validates_clean() {
    generate_and_validate(&vrooli_schema(), 66, "vrooli");
}

#[test]
fn the_style_is_read_from_existing_factories() {
    let example = repo().join("examples/src/fixtures/db");
    let style = read_style(&example, "EnhancedDatabaseFactory").unwrap();
    assert_eq!(style.base_import, "./EnhancedDatabaseFactory.js");
    assert_eq!(style.fixtures_import, "./types.js");
    assert_eq!(style.indent, "    ");
    assert_eq!(style.id_function, None);
    assert!(style.read_from.is_some_and(|p| p.file_name().unwrap().to_string_lossy().ends_with("DbFactory.ts")));
    // A folder with a factory one level down and two-space indentation.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("base")).unwrap();
    std::fs::create_dir_all(dir.path().join("models")).unwrap();
    std::fs::write(
        dir.path().join("base/Factory.ts"),
        "export abstract class Factory<TModel, TCreate> { constructor(protected name: string, protected prisma: unknown) {} }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("models/TagFactory.ts"),
        "import type { Prisma, tag } from \"../db/client.js\";\nimport { Factory } from \"../base/Factory.js\";\nimport type { DbTestFixtures } from \"../fixtures.js\";\nimport { generatePK } from \"@acme/ids\";\n\nexport class TagFactory extends Factory<tag, Prisma.tagCreateInput> {\n  constructor(prisma: unknown) {\n    super(\"tag\", prisma);\n  }\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("fixtures.ts"),
        "export interface DbTestFixtures<T, U = Partial<T>> {\n  minimal: T;\n  complete: T;\n  invalid: Record<string, unknown>;\n  variants: Record<string, T>;\n  updates?: U;\n}\n",
    )
    .unwrap();
    let style = read_style(dir.path(), "Factory").unwrap();
    let categories = style.fixture_categories.clone().unwrap();
    assert_eq!(categories, [("minimal", true), ("complete", true), ("invalid", true), ("variants", true), ("updates", false)].map(|(n, r)| (n.to_string(), r)));
    // getFixtures() returns what that interface declares: no edgeCases, an empty variants.
    let schema = load(&SchemaInput::Source { source: "datasource db {\n  provider = \"postgresql\"\n}\nmodel tag {\n  id BigInt @id\n}\n".into(), file_name: None }).unwrap();
    let tag = generate(&schema, "tag", &style).unwrap().source;
    assert!(tag.contains("  variants: {},\n") && !tag.contains("edgeCases") && !tag.contains("updates"), "{tag}");
    assert_eq!(style.base_import, "./base/Factory.js");
    assert_eq!(style.prisma_import, "./db/client.js");
    assert_eq!(style.fixtures_import, "./fixtures.js");
    assert_eq!(style.type_arguments, 2);
    assert_eq!(style.indent, "  ");
    assert_eq!(style.id_function, Some(("generatePK".to_string(), "@acme/ids".to_string())));
    assert_eq!(style.id_expression(), "generatePK()");
}

#[test]
fn models_that_cannot_be_created_are_explained() {
    let source = "datasource db {\n  provider = \"postgresql\"\n}\nmodel doc {\n  id BigInt @id\n  embedding Unsupported(\"vector(3)\")\n}\nmodel tag {\n  id BigInt @id\n  name String @unique @db.VarChar(8)\n}\n";
    let schema = load(&SchemaInput::Source { source: source.into(), file_name: None }).unwrap();
    let error = generate(&schema, "doc", &Style::default()).unwrap_err().to_string();
    assert!(error.contains("`embedding` (Unsupported(\"vector(3)\"))"), "{error}");
    let unknown = generate(&schema, "Tag", &Style::default()).unwrap_err().to_string();
    assert!(unknown.contains("did you mean `tag`"), "{unknown}");
    // Nothing required: missingRequired is left empty, with a comment and a note saying why.
    let counter = load(&SchemaInput::Source { source: "datasource db {\n  provider = \"postgresql\"\n}\nmodel counter {\n  id Int @id @default(autoincrement())\n  hits Int @default(0)\n}\n".into(), file_name: None }).unwrap();
    let generated = generate(&counter, "counter", &Style::default()).unwrap();
    assert!(generated.notes.iter().any(|n| n.starts_with("`invalid.missingRequired` is left empty: every field of `counter` is optional or has a default")), "{:?}", generated.notes);
    assert!(generated.source.contains("missingRequired: {\n                    // Left empty: every field of `counter`"), "{}", generated.source);
    assert!(generated.source.contains("hits: \"not-a-number\","), "{}", generated.source);
    // Unique values stay within the column's length.
    let tag = generate(&schema, "tag", &Style::default()).unwrap();
    assert!(tag.source.contains("name: this.generateId().toString(36).slice(-8),"), "{}", tag.source);
}

#[test]
fn a_cycle_of_required_relations_connects_and_says_so() {
    let source = "datasource db {\n  provider = \"postgresql\"\n}\nmodel a {\n  id BigInt @id\n  bId BigInt\n  b b @relation(\"ab\", fields: [bId], references: [id])\n  bs b[] @relation(\"ba\")\n}\nmodel b {\n  id BigInt @id\n  aId BigInt\n  a a @relation(\"ba\", fields: [aId], references: [id])\n  as a[] @relation(\"ab\")\n}\n";
    let schema = load(&SchemaInput::Source { source: source.into(), file_name: None }).unwrap();
    let a = generate(&schema, "a", &Style::default()).unwrap();
    assert!(a.source.contains("                    a: {\n                        connect: {\n                            id: this.generateId(),"), "{}", a.source);
    assert_eq!(a.notes.len(), 1, "{:?}", a.notes);
    assert!(a.notes[0].contains("a cycle of required relations (a -> b -> a)"), "{:?}", a.notes);
    assert!(a.source.contains(" * - `b.a` connects to an existing `a`"), "{}", a.source);
    // Still a valid create input for the validator.
    let report = fixture_validate::validate_sources(source, vec![("/t/ADbFactory.ts".into(), a.source.clone())], None, None).unwrap();
    let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.code.as_str() != "missing-factory" && d.code.as_str() != "unresolved-import").map(|d| format!("{} {}", d.code.as_str(), d.message)).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn an_optional_relation_over_a_required_foreign_key_is_still_created() {
    // Prisma's input makes `user` optional, but the NOT NULL `userId` column needs a row.
    let source = "datasource db {\n  provider = \"postgresql\"\n}\nmodel award {\n  id BigInt @id\n  userId BigInt\n  user user? @relation(fields: [userId], references: [id])\n}\nmodel user {\n  id BigInt @id\n  awards award[]\n}\n";
    let schema = load(&SchemaInput::Source { source: source.into(), file_name: None }).unwrap();
    let award = generate(&schema, "award", &Style::default()).unwrap();
    assert!(award.source.contains("            user: {\n                create: {\n                    id: this.generateId(),\n"), "{}", award.source);
}

#[test]
fn an_optional_composite_relation_sharing_a_key_with_a_required_one_is_left_out() {
    // `pinned` is keyed by `[teamId, pinnedTagId]`; `teamId` is also `team`'s key. Creating
    // `pinned` as well would give `teamId` a second value (its own new team's).
    let source = "datasource db {\n  provider = \"postgresql\"\n}\nmodel team {\n  id BigInt @id\n  members member[]\n  tags team_tag[]\n}\nmodel team_tag {\n  teamId BigInt\n  tagId BigInt\n  team team @relation(fields: [teamId], references: [id])\n  pinnedBy member[]\n  @@id([teamId, tagId])\n}\nmodel member {\n  id BigInt @id\n  teamId BigInt\n  pinnedTagId BigInt?\n  team team @relation(fields: [teamId], references: [id])\n  pinned team_tag? @relation(fields: [teamId, pinnedTagId], references: [teamId, tagId])\n}\n";
    let schema = load(&SchemaInput::Source { source: source.into(), file_name: None }).unwrap();
    let member = generate(&schema, "member", &Style::default()).unwrap();
    assert!(member.source.contains("            team: {\n                create: {\n"), "{}", member.source);
    assert!(!member.source.contains("pinned:"), "{}", member.source);
}

#[test]
fn the_hard_shapes_validate_clean() {
    generate_and_validate(&repo().join("__test__/fixtures/generate/hard-shapes"), 32, "hard-shapes");
}

/// The shapes of `hard-shapes/` one by one, as text (the database test inserts them).
#[test]
fn each_hard_shape_is_written_so_that_it_inserts() {
    let schema = load(&SchemaInput::Path(repo().join("__test__/fixtures/generate/hard-shapes"))).unwrap();
    let style = Style::default();
    let source = |model: &str| generate(&schema, model, &style).unwrap();
    // Two relations over one key column: one account, bound once, reached by both.
    let ticket = source("ticket");
    assert!(ticket.source.contains("        const accountId = `id_${this.generateId().toString(36)}`;\n        return {\n"), "{}", ticket.source);
    assert_eq!(ticket.source.matches("connectOrCreate: {\n").count(), 4, "minimal data and missingRequired, both relations: {}", ticket.source);
    assert!(ticket.source.contains("    async createForAccount(accountId: string, overrides?: Partial<Prisma.ticketCreateInput>) {\n        return this.createMinimal({\n            ...overrides,\n            rule: {\n                create: {\n"), "{}", ticket.source);
    assert_eq!(ticket.source.matches("                        connect: {\n                            id: accountId,\n").count(), 1, "{}", ticket.source);
    // Two shared parents: a helper for one binds the other afresh and rebuilds every relation.
    let source_factory = source("source");
    let helper = &source_factory.source[source_factory.source.find("async createForWorkspace").unwrap()..];
    assert!(helper.contains("        const directoryId = `id_${this.generateId().toString(36)}`;\n        return this.createMinimal({\n            ...overrides,\n"), "{helper}");
    for relation in ["workspace: {", "directory: {", "link: {"] {
        assert!(helper[..helper.find("\n    }\n").unwrap()].contains(relation), "{relation} in {helper}");
    }
    // A shared column a parent holds as a plain scalar takes the shared value; with no parent
    // behind it at all, the value is bound once.
    let task = source("task").source;
    assert!(task.contains("            queue: {\n                create: {\n                    accountId: accountId,\n"), "{task}");
    let stop = source("stop").source;
    assert!(stop.contains("        const stopRegion = `region_${this.generateId().toString(36)}`;\n"), "{stop}");
    let stop_minimal = &stop[stop.find("generateMinimalData").unwrap()..stop.find("generateCompleteData").unwrap()];
    assert_eq!(stop_minimal.matches("region: stopRegion,").count(), 2, "route and depot: {stop}");
    // Dates and bytes in a unique criterion come from the fresh id.
    let period = source("period").source;
    assert!(period.contains("            digest: Uint8Array.from(this.generateId().toString(36), (c) => c.charCodeAt(0)),\n"), "{period}");
    assert!(period.contains("            day: new Date(Number(this.generateId() % BigInt(2932897)) * 86400000),\n            startsAt: new Date(Number(this.generateId() % BigInt(4102444800000))),\n"), "{period}");
    // The field a relation references is set, in the nested parent and in the parent's own data.
    assert!(source("job").source.contains("                instanceId: `instanceId_${this.generateId().toString(36)}`,\n"));
    assert!(source("instance").source.contains("            instanceId: `instanceId_"));
    // An enum key: the next value per create, and a note on when it runs out.
    let channel = source("channel_setting");
    assert!(channel.source.contains("// `channel_setting.channel` is a key: each create takes the next of these 5 values; once they are used up in one database, the next insert collides.\nconst channelSettingChannelValues = [\"Email\", \"Sms\", \"Push\", \"Webhook\", \"Slack\"] as const;\nlet channelSettingChannelNext = 0;\n"), "{}", channel.source);
    assert!(channel.source.contains("channel: channelSettingChannelValues[channelSettingChannelNext++ % 5],"), "{}", channel.source);
    assert!(channel.notes.iter().any(|n| n.contains("exhausted after 5 rows")), "{:?}", channel.notes);
    // Its children share one of its rows: the last value's, connected or created.
    let rule = source("channel_rule");
    assert!(rule.source.contains("            setting: {\n                connectOrCreate: {\n                    where: {\n                        channel: \"Slack\",\n                    },\n                    create: {\n                        channel: \"Slack\",\n                        enabled: true,\n"), "{}", rule.source);
    assert!(!rule.source.contains("Next"), "{}", rule.source);
    // Nine levels of parents, all created; no connect anywhere.
    let last = source("link_9");
    assert_eq!(last.source.matches("create: {").count(), 8 * 2, "minimal data and missingRequired: {}", last.source);
    assert!(!last.source.contains("connect: {\n                                id: "), "{}", last.source);
    assert!(last.notes.is_empty(), "{:?}", last.notes);
    // Invalid fixtures: a wrong-typed connect where there are only relations; an empty category
    // with its reason where nothing can fail; a singleton noted.
    let tag_link = source("tag_link");
    assert!(tag_link.source.contains("                    tag: {\n                        connect: {\n                            id: \"not-a-number\",\n"), "{}", tag_link.source);
    let visit = source("visit");
    assert!(visit.source.contains("missingRequired: {\n                    // Left empty: every field of `visit` is optional or has a default, so no create misses a required one.\n                },"), "{}", visit.source);
    assert!(source("site_config").notes.iter().any(|n| n.starts_with("`site_config` is a singleton table: its key `id` defaults to 1")));
    // A trigger-filled column: noted, and set by createComplete only.
    let invoice = source("invoice");
    assert!(invoice.notes.iter().any(|n| n.starts_with("`number` relies on the database")), "{:?}", invoice.notes);
    let complete = &invoice.source[invoice.source.find("generateCompleteData").unwrap()..];
    let minimal = &invoice.source[invoice.source.find("generateMinimalData").unwrap()..invoice.source.find("generateCompleteData").unwrap()];
    assert!(complete.contains("number: `number_") && !minimal.contains("number:"), "{}", invoice.source);
}

#[test]
fn required_relations_that_fan_out_are_bounded_and_say_so() {
    // n<k> has two required parents of n<k-1>: n10 would nest 2 + 4 + … + 1024 creates.
    let mut source = String::from("datasource db {\n  provider = \"postgresql\"\n}\nmodel n0 {\n  id BigInt @id\n  a n1[] @relation(\"n1a\")\n  b n1[] @relation(\"n1b\")\n}\n");
    for k in 1..=10 {
        let (up, down) = (k - 1, k + 1);
        source.push_str(&format!(
            "model n{k} {{\n  id BigInt @id\n  aId BigInt\n  bId BigInt\n  a n{up} @relation(\"n{k}a\", fields: [aId], references: [id])\n  b n{up} @relation(\"n{k}b\", fields: [bId], references: [id])\n"
        ));
        if k < 10 {
            source.push_str(&format!("  ca n{down}[] @relation(\"n{down}a\")\n  cb n{down}[] @relation(\"n{down}b\")\n"));
        }
        source.push_str("}\n");
    }
    let schema = load(&SchemaInput::Source { source, file_name: None }).unwrap();
    let small = generate(&schema, "n5", &Style::default()).unwrap();
    assert!(small.notes.is_empty(), "62 creates are written in full: {:?}", small.notes);
    let big = generate(&schema, "n10", &Style::default()).unwrap();
    let minimal = &big.source[big.source.find("generateMinimalData").unwrap()..big.source.find("generateCompleteData").unwrap()];
    assert_eq!(minimal.matches("create: {").count(), 500, "{}", big.notes.join("\n"));
    assert_eq!(big.notes, ["required relations fan out: past 500 nested parents in one create, further ones connect to existing rows: pass them in the overrides"]);
}
