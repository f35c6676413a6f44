//! Name resolution, suggestions and input fields on a small schema whose Prisma names are known
//! (checked against the DMMF for the corpus by `__test__/schema.test.mjs`).

use fixture_schema::type_names::{exists, resolve, suggest, type_name};
use fixture_schema::typemap_source::{TypeMapFormat, render, stale_models};
use fixture_schema::{InputShape, SchemaInput, TypeNameKind, input_fields, load};

const SCHEMA: &str = r#"
datasource db {
  provider = "postgresql"
}

model user {
  id        BigInt   @id
  email     String   @unique
  name      String?
  tags      String[]
  updatedAt DateTime @updatedAt
  posts     post[]
}

model post {
  id       Int    @id @default(autoincrement())
  title    String
  author   user   @relation(fields: [authorId], references: [id])
  authorId BigInt
}
"#;

fn schema() -> fixture_schema::Schema {
    load(&SchemaInput::Source { source: SCHEMA.to_owned(), file_name: None }).unwrap()
}

#[test]
fn generated_names_resolve_to_their_model_and_kind() {
    let schema = schema();
    let kind = |name: &str| resolve(&schema, name).map(|r| (r.model, r.kind));
    assert_eq!(kind("userCreateInput"), Some((Some("user".into()), TypeNameKind::CreateInput)));
    assert_eq!(kind("Prisma.postUncheckedCreateInput"), Some((Some("post".into()), TypeNameKind::UncheckedCreateInput)));
    assert_eq!(
        kind("postCreateWithoutAuthorInput"),
        Some((Some("post".into()), TypeNameKind::CreateWithout { relation_field: "author".into() }))
    );
    assert_eq!(
        kind("userCreateWithoutPostsInput"),
        Some((Some("user".into()), TypeNameKind::CreateWithout { relation_field: "posts".into() }))
    );
    assert_eq!(
        kind("postCreateManyAuthorInput"),
        Some((Some("post".into()), TypeNameKind::CreateManyNested { relation_field: "author".into() }))
    );
    assert_eq!(kind("userInclude"), Some((Some("user".into()), TypeNameKind::Include)));
    assert_eq!(kind("StringNullableListFilter"), Some((None, TypeNameKind::Other)));
    assert_eq!(kind("JsonValue"), Some((None, TypeNameKind::Other)));
    // Capitalised model names in aggregate and relation-filter names, as Prisma spells them.
    assert!(exists(&schema, "AggregateUser"));
    assert!(exists(&schema, "UserScalarRelationFilter"));
    assert!(exists(&schema, "PostListRelationFilter"));
    for missing in ["UserCreateInput", "userCreateWithoutAuthorInput", "postInclude_", "JsonFilter", "userCreateManyPostsInput"] {
        assert!(!exists(&schema, missing), "{missing} must not exist");
    }
    assert_eq!(type_name(&schema, "post", &TypeNameKind::WhereUniqueInput).as_deref(), Some("postWhereUniqueInput"));
}

#[test]
fn misspellings_get_the_generated_name() {
    let schema = schema();
    assert_eq!(suggest(&schema, "UserCreateInput").as_deref(), Some("userCreateInput"));
    assert_eq!(suggest(&schema, "Prisma.PostInclude").as_deref(), Some("postInclude"));
    assert_eq!(suggest(&schema, "User").as_deref(), Some("user"));
    assert_eq!(suggest(&schema, "userCreateInput"), None);
    assert_eq!(suggest(&schema, "Invoice"), None);
}

#[test]
fn create_inputs_follow_prismas_checked_and_unchecked_rules() {
    let schema = schema();
    let names = |kind: TypeNameKind| -> Vec<(String, bool, bool)> {
        input_fields(&schema, "post", &kind).unwrap().into_iter().map(|f| (f.name, f.required, f.nullable)).collect()
    };
    // Checked: the relation, not its foreign key, and no autoincrement id.
    assert_eq!(names(TypeNameKind::CreateInput), [("title".into(), true, false), ("author".into(), true, false)]);
    // Unchecked: every scalar, the foreign key required, the id optional.
    assert_eq!(
        names(TypeNameKind::UncheckedCreateInput),
        [("id".into(), false, false), ("title".into(), true, false), ("authorId".into(), true, false)]
    );
    let user = input_fields(&schema, "user", &TypeNameKind::CreateInput).unwrap();
    let by_name = |n: &str| user.iter().find(|f| f.name == n).unwrap().clone();
    assert!(by_name("name").nullable && !by_name("name").required);
    assert!(!by_name("updatedAt").required, "@updatedAt is optional in create");
    assert!(!by_name("tags").required, "lists are optional");
    assert_eq!(
        by_name("posts").shape,
        InputShape::Relation { model: "post".into(), is_list: true, input_type: "postCreateNestedManyWithoutAuthorInput".into() }
    );
    assert_eq!(schema.model("post").unwrap().required_create_fields, ["title", "author"]);
    assert!(input_fields(&schema, "post", &TypeNameKind::WhereInput).is_none());
}

#[test]
fn type_map_source_is_stable_and_check_finds_changed_models() {
    let schema = schema();
    for format in [TypeMapFormat::Ts, TypeMapFormat::Dts, TypeMapFormat::Json] {
        let text = render(&schema, format);
        assert_eq!(text, render(&schema, format));
        assert!(text.contains(&schema.source_hash));
        assert_eq!(stale_models(&schema, format, &text), Some(vec![]));
        let changed = load(&SchemaInput::Source { source: SCHEMA.replace("  title    String\n", "  title    String?\n"), file_name: None }).unwrap();
        assert_eq!(stale_models(&changed, format, &text), Some(vec![("post".to_owned(), "changed")]), "{format:?}");
        assert_eq!(stale_models(&schema, format, "// something else"), None);
    }
}

#[test]
fn compound_unique_keys_use_the_name_or_the_joined_fields() {
    let source = r#"
datasource db {
  provider = "postgresql"
}
model member {
  teamId BigInt
  userId BigInt
  slot   Int
  @@id([teamId, userId])
  @@unique([teamId, slot], name: "member_team_slot")
  @@unique([userId, slot])
}
"#;
    let schema = load(&SchemaInput::Source { source: source.to_owned(), file_name: None }).unwrap();
    let keys = schema.model("member").unwrap().compound_unique_keys();
    let names: Vec<&str> = keys.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["teamId_userId", "member_team_slot", "userId_slot"]);
    assert_eq!(keys[1].1, ["teamId", "slot"]);
}

#[test]
fn an_enum_no_field_uses_is_not_in_the_prisma_namespace() {
    let source = format!("{SCHEMA}\nenum Role {{\n  ADMIN\n  MEMBER\n}}\n\nenum Unused {{\n  A\n}}\n\nmodel member {{\n  id   Int  @id\n  role Role\n}}\n");
    let schema = load(&SchemaInput::Source { source, file_name: None }).unwrap();
    assert!(exists(&schema, "Role"), "an enum a field uses is in the query schema and the namespace");
    assert!(!exists(&schema, "Unused"), "an enum no field uses is only a top-level export of the client");
}
