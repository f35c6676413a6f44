//! Shared fixtures for the rules' own tests: a small schema, the base class, a runner that
//! returns `code line:column` for every diagnostic located in a TypeScript file, `run_code` for
//! one code's locations and `expect_fix` for its fixes (both take the `Code` enum: a misspelt
//! code does not compile, where a string would find nothing and pass).

use std::path::PathBuf;

pub use crate::code::Code;

pub const SCHEMA: &str = r#"
datasource db {
  provider = "postgresql"
}
generator client {
  provider = "prisma-client-js"
}
enum Status {
  Active
  Banned
}
model User {
  id          BigInt    @id
  name        String
  handle      String?   @unique
  status      Status    @default(Active)
  isBot       Boolean   @default(false)
  languages   String[]
  balance     Decimal?
  meta        Json?
  createdAt   DateTime  @default(now())
  invitedById BigInt?
  invitedBy   User?     @relation("invites", fields: [invitedById], references: [id])
  invited     User[]    @relation("invites")
  tags        tag[]
  @@map("user")
}
model tag {
  id           BigInt            @id
  tag          String            @unique
  bookmarks    Int               @default(0)
  createdById  BigInt?
  createdBy    User?             @relation(fields: [createdById], references: [id])
  translations tag_translation[]
}
model tag_translation {
  id          BigInt  @id
  language    String
  description String?
  tagId       BigInt
  tag         tag     @relation(fields: [tagId], references: [id])
  @@unique([tagId, language])
}
"#;

pub const BASE: &str = r#"
export interface DbTestFixtures<TCreate, TUpdate = Partial<TCreate>> {
    minimal: TCreate;
    complete: TCreate;
    invalid: Record<string, unknown>;
    edgeCases: Record<string, TCreate>;
    updates?: Record<string, TUpdate>;
}
export abstract class EnhancedDatabaseFactory<TModel, TCreateInput, TInclude, TUpdateInput> {
    constructor(protected modelName: string, protected prisma: any) {}
    protected generateId(): bigint { return BigInt(1); }
    protected abstract getPrismaDelegate(): any;
    protected abstract generateMinimalData(overrides?: Partial<TCreateInput>): TCreateInput;
    protected abstract generateCompleteData(overrides?: Partial<TCreateInput>): TCreateInput;
    protected abstract getFixtures(): DbTestFixtures<TCreateInput, TUpdateInput>;
}
"#;

/// A correct factory for `tag`; tests replace parts of it.
pub const TAG_FACTORY: &str = r#"import type { Prisma, tag } from "@prisma/client";
import { EnhancedDatabaseFactory, type DbTestFixtures } from "./base.js";
export class TagDbFactory extends EnhancedDatabaseFactory<tag, Prisma.tagCreateInput, Prisma.tagInclude, Prisma.tagUpdateInput> {
    constructor(prisma: any) {
        super("tag", prisma);
    }
    protected getPrismaDelegate() {
        return this.prisma.tag;
    }
    protected generateMinimalData(overrides?: Partial<Prisma.tagCreateInput>): Prisma.tagCreateInput {
        return { id: this.generateId(), tag: "a", ...overrides };
    }
    protected generateCompleteData(overrides?: Partial<Prisma.tagCreateInput>): Prisma.tagCreateInput {
        return { ...this.generateMinimalData(), bookmarks: 3, ...overrides };
    }
    protected getFixtures(): DbTestFixtures<Prisma.tagCreateInput, Prisma.tagUpdateInput> {
        return {
            minimal: this.generateMinimalData(),
            complete: this.generateCompleteData(),
            invalid: { missingTag: { id: 1n } },
            edgeCases: { long: { id: 2n, tag: "x".repeat(100) } },
            updates: { renamed: { tag: "b" } },
        };
    }
}
"#;

/// A schema with a composite foreign key: `Item.order` is keyed by `[orderId, tenantId]`, and
/// `tenantId` is also `Item.tenant`'s key.
pub const COMPOSITE_SCHEMA: &str = r#"
datasource db {
  provider = "postgresql"
}
model Tenant {
  id     Int     @id
  orders Order[]
  items  Item[]
}
model Order {
  id       Int
  tenantId Int
  tenant   Tenant @relation(fields: [tenantId], references: [id])
  items    Item[]
  @@id([id, tenantId])
}
model Category {
  id    Int    @id
  items Item[]
}
model Item {
  id         Int      @id
  orderId    Int
  tenantId   Int
  categoryId Int
  order      Order    @relation(fields: [orderId, tenantId], references: [id, tenantId])
  tenant     Tenant   @relation(fields: [tenantId], references: [id])
  category   Category @relation(fields: [categoryId], references: [id])
}
"#;

/// `code line:column` of every diagnostic of one TypeScript file checked against `schema`.
pub fn run_schema(schema: &str, src: &str) -> Vec<String> {
    let report = crate::validate_sources(schema, vec![(PathBuf::from("/t/a.ts"), src.to_string())], None, None).expect("the run completes");
    report.diagnostics.iter().filter(|d| d.file.ends_with(".ts")).map(|d| format!("{} {}:{}", d.code, d.line, d.column)).collect()
}

/// `code line:column` of every diagnostic in the given files (plus the base class file), with
/// a tsconfig `target` when given.
pub fn run_with_target(files: &[(&str, &str)], target: Option<&str>) -> Vec<String> {
    run_schema_target(SCHEMA, files, target)
}

/// `run` against another schema (the base class file included).
pub fn run_schema_with_base(schema: &str, files: &[(&str, &str)]) -> Vec<String> {
    run_schema_target(schema, files, None)
}

fn run_schema_target(schema: &str, files: &[(&str, &str)], target: Option<&str>) -> Vec<String> {
    let mut all: Vec<(PathBuf, String)> = vec![(PathBuf::from("/t/base.ts"), BASE.to_string())];
    all.extend(files.iter().map(|(n, t)| (PathBuf::from(format!("/t/{n}")), t.to_string())));
    let report = crate::validate_sources(schema, all, None, target).expect("the run completes");
    report
        .diagnostics
        .iter()
        .filter(|d| d.file.ends_with(".ts"))
        .map(|d| format!("{} {}:{}", d.code, d.line, d.column))
        .collect()
}

pub fn run(files: &[(&str, &str)]) -> Vec<String> {
    run_with_target(files, None)
}

/// Only the diagnostics of one code: `line:column` each. The code is the enum, so that a
/// misspelt one fails to compile instead of finding nothing and passing.
pub fn run_code(code: Code, files: &[(&str, &str)]) -> Vec<String> {
    let prefix = format!("{code} ");
    run(files).into_iter().filter_map(|d| d.strip_prefix(&prefix).map(str::to_string)).collect()
}

/// Which fixes a test applies: `Safe` ones (what `--fix` applies) or suggestions (shown only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    Safe,
    Suggestion,
}

/// Applies every fix of `code` in `tier` to the first of `files` (checked against [`SCHEMA`]
/// beside the base class, under tsconfig `target`) and asserts the text becomes `fixed`. Fails
/// when there is no such fix, and when a fix of the code in the other tier is there too: the
/// tier is part of what the rule promises.
pub fn expect_fix_target(code: Code, files: &[(&str, &str)], target: Option<&str>, tier: Tier, fixed: &str) {
    let mut all: Vec<(PathBuf, String)> = vec![(PathBuf::from("/t/base.ts"), BASE.to_string())];
    all.extend(files.iter().map(|(n, t)| (PathBuf::from(format!("/t/{n}")), t.to_string())));
    let first = format!("/t/{}", files[0].0);
    let report = crate::validate_sources(SCHEMA, all, None, target).expect("the run completes");
    let of_code: Vec<&crate::Diagnostic> = report.diagnostics.iter().filter(|d| d.code == code && d.file == first).collect();
    let fixes: Vec<&crate::Fix> = of_code.iter().filter_map(|d| d.fix.as_ref()).collect();
    let (wanted, other): (Vec<&crate::Fix>, Vec<&crate::Fix>) = fixes.into_iter().partition(|f| f.safe == (tier == Tier::Safe));
    assert!(!wanted.is_empty(), "no {tier:?} fix of {code} in {first}: {of_code:#?}");
    assert!(other.is_empty(), "{code} also has fixes of the other tier than {tier:?}: {other:#?}");
    let mut edits: Vec<&crate::Edit> = wanted.iter().flat_map(|f| &f.edits).collect();
    edits.sort_by_key(|e| std::cmp::Reverse((e.byte_start, e.byte_end)));
    let mut text = files[0].1.to_string();
    for e in edits {
        text.replace_range(e.byte_start as usize..e.byte_end as usize, &e.text);
    }
    assert_eq!(text, fixed, "{code}'s {tier:?} fixes");
}

/// [`expect_fix_target`] with no tsconfig target (BigInt literals allowed).
pub fn expect_fix(code: Code, files: &[(&str, &str)], tier: Tier, fixed: &str) {
    expect_fix_target(code, files, None, tier, fixed)
}

#[test]
fn the_reference_factory_is_clean() {
    assert_eq!(run(&[("tag.ts", TAG_FACTORY)]), Vec::<String>::new());
}

/// `line:column` of the first `needle` on the 1-based `line` of `text` (ASCII snippets).
pub fn at(text: &str, line: usize, needle: &str) -> String {
    let l = text.lines().nth(line - 1).unwrap_or_else(|| panic!("no line {line}"));
    let col = l.find(needle).unwrap_or_else(|| panic!("`{needle}` not on line {line}: {l}")) + 1;
    format!("{line}:{col}")
}

/// The 1-based line of the first line containing `needle`.
pub fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap_or_else(|| panic!("`{needle}` not found")) + 1
}

/// `at` on the line holding `needle`.
pub fn find(text: &str, needle: &str) -> String {
    at(text, line_of(text, needle), needle)
}
