//! `value-exceeds-column`: A literal that its column cannot hold: a string longer than its `@db.VarChar(n)` / `@db.Char(n)`, an integer outside its column's range.
//!
//! The generated input types say `string` and `number`, so tsc accepts any length and any
//! integer; the schema says more: `@db.VarChar(128)` holds 128 characters, an `Int` column is
//! 32-bit (`@db.SmallInt` 16-bit), a `BigInt` 64-bit. PostgreSQL rejects the insert ("value too
//! long for type character varying(128)", "integer out of range"). Judged are what the value's
//! text shows for certain: a string literal, `"x".repeat(n)` with a literal `n`, a template or a
//! `+` concatenation whose known parts alone are too long (unknown parts count as empty), and
//! integer literals (`5`, `-5`, `5n`, `BigInt(5)`). Characters are counted as PostgreSQL counts
//! them (code points), and trailing spaces are not counted: PostgreSQL drops excess spaces instead
//! of failing. In an `invalid` fixture the same finding is what makes it invalid, so
//! `invalid-fixture-accepted` does not fire there.

use oxc_ast::ast::Expression;
use oxc_span::GetSpan;

use fixture_schema::Field;

use crate::checker::Checker;
use crate::code::Severity;
use crate::diagnostic::Finding;
use crate::literal::{integer_literal, significant_len_at_least};
use crate::code::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::ValueExceedsColumn,
    default_severity: Severity::Error,
    what: "A literal that its column cannot hold: a string longer than its `@db.VarChar(n)` / `@db.Char(n)`, an integer outside its column's range (`Int`, `@db.SmallInt`, `BigInt`).",
    why: "PostgreSQL rejects the insert (value too long, out of range); the generated types say only `string` or `number`, so tsc cannot see it.",
    example: "const t: Prisma.tagCreateInput = { id: 1n, tag: \"x\".repeat(129) }; // tag String @db.VarChar(128)",
    fix: "None: shorten the value (or widen the column in the schema).",
};

/// The range of an integer column: its SQL name and bounds.
fn integer_range(field: &Field) -> Option<(&'static str, i128, i128)> {
    match (field.type_name.as_str(), field.native_type.as_deref()) {
        ("Int", None | Some("Integer" | "Int")) => Some(("integer", i32::MIN as i128, i32::MAX as i128)),
        ("Int", Some("SmallInt")) => Some(("smallint", i16::MIN as i128, i16::MAX as i128)),
        ("Int", Some("Oid")) => Some(("oid", 0, u32::MAX as i128)),
        ("BigInt", None | Some("BigInt")) => Some(("bigint", i64::MIN as i128, i64::MAX as i128)),
        _ => None,
    }
}

/// The character limit of a string column (`VarChar(n)`, `Char(n)`).
fn length_limit(field: &Field) -> Option<(&'static str, usize)> {
    if field.type_name != "String" {
        return None;
    }
    let sql = match field.native_type.as_deref()? {
        "VarChar" => "VarChar",
        "Char" => "Char",
        _ => return None,
    };
    Some((sql, field.native_type_args.first()?.trim().parse().ok()?))
}

/// Why the column of `field` (a scalar, or one element of a scalar list) cannot hold `value`,
/// or `None` when it can or the value is not known.
pub fn column_overflow(field: &Field, value: &Expression<'_>) -> Option<String> {
    if let Some((sql, limit)) = length_limit(field) {
        // A string of at most `limit` bytes has at most `limit` characters.
        if let Expression::StringLiteral(s) = value.without_parentheses()
            && s.value.len() <= limit
        {
            return None;
        }
        let (len, exact) = significant_len_at_least(value)?;
        if len <= limit {
            return None;
        }
        return Some(format!(
            "`{}` is a `{sql}({limit})` column: this string has {}{len} characters, and PostgreSQL rejects the insert (value too long)",
            field.name,
            if exact { "" } else { "at least " }
        ));
    }
    let (sql, min, max) = integer_range(field)?;
    let v = integer_literal(value)?;
    let article = if sql.starts_with(['i', 'o']) { "an" } else { "a" };
    (v < min || v > max).then(|| format!("`{}` is {article} `{sql}` column ({min} to {max}): {v} is out of its range, and PostgreSQL rejects the insert", field.name))
}

impl Checker<'_> {
    /// Reports a literal that the column of `field` cannot hold.
    pub fn check_column_fit(&mut self, field: &Field, value: &Expression<'_>) {
        if let Some(message) = column_overflow(field, value) {
            self.push(
                Finding::new(Code::ValueExceedsColumn, value.span(), message)
                    .help("make the value fit the column, or widen the column in the schema; a fixture meant to be rejected belongs in `invalid`"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const COLUMNS: &str = r#"
datasource db {
  provider = "postgresql"
}
model tag {
  id      BigInt   @id
  tag     String   @unique @db.VarChar(8)
  code    String?  @db.Char(2)
  note    String?
  rank    Int?     @db.SmallInt
  count   Int      @default(0)
  labels  String[] @db.VarChar(3)
}
"#;

    #[test]
    fn pass() {
        let src = r#"import type { Prisma } from "@prisma/client";
declare const name: string;
export const a: Prisma.tagCreateInput = { id: 9223372036854775807n, tag: "12345678", code: "ab   ", note: "x".repeat(500), rank: -32768, count: 2147483647, labels: ["abc"] };
export const b: Prisma.tagCreateInput = { id: 1n, tag: `${name}-1234`, rank: 32767 };
export const c: Prisma.tagCreateInput = { id: 2n, tag: "é".repeat(8), count: -2147483648 };
export const d: Prisma.tagUpdateInput = { tag: name + "x" };
"#;
        assert_eq!(run_schema(COLUMNS, src), Vec::<String>::new());
    }

    #[test]
    fn fail_at_the_value() {
        let src = r#"import type { Prisma } from "@prisma/client";
declare const name: string;
export const a: Prisma.tagCreateInput = { id: 1n, tag: "123456789" };
export const b: Prisma.tagCreateInput = { id: 2n, tag: "x".repeat(9), code: "abc" };
export const c: Prisma.tagCreateInput = { id: 3n, tag: `${name}-12345678`, rank: 32768 };
export const d: Prisma.tagCreateInput = { id: 9223372036854775808n, tag: "a", count: 3000000000, labels: ["abcd"] };
export const e: Prisma.tagUpdateInput = { tag: "looooooong" + name };
"#;
        assert_eq!(
            run_schema(COLUMNS, src),
            vec![
                format!("value-exceeds-column {}", at(src, 3, "\"123456789\"")),
                format!("value-exceeds-column {}", at(src, 4, "\"x\".repeat")),
                format!("value-exceeds-column {}", at(src, 4, "\"abc\"")),
                format!("value-exceeds-column {}", at(src, 5, "`${name}")),
                format!("value-exceeds-column {}", at(src, 5, "32768")),
                format!("value-exceeds-column {}", at(src, 6, "9223372036854775808n")),
                format!("value-exceeds-column {}", at(src, 6, "3000000000")),
                format!("value-exceeds-column {}", at(src, 6, "\"abcd\"")),
                format!("value-exceeds-column {}", at(src, 7, "\"looooooong\"")),
            ]
        );
        let r = crate::validate_sources(COLUMNS, vec![("/t/a.ts".into(), src.to_string())], None, None).unwrap();
        let messages: Vec<&str> = r.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert!(messages.contains(&"`tag` is a `VarChar(8)` column: this string has 9 characters, and PostgreSQL rejects the insert (value too long)"));
        assert!(messages.contains(&"`tag` is a `VarChar(8)` column: this string has at least 10 characters, and PostgreSQL rejects the insert (value too long)"));
        assert!(messages.contains(&"`rank` is a `smallint` column (-32768 to 32767): 32768 is out of its range, and PostgreSQL rejects the insert"));
    }

    /// In an `invalid` fixture, a value too long for its column is what makes it invalid.
    #[test]
    fn an_invalid_fixture_too_long_for_its_column_tests_something() {
        let schema = SCHEMA.replace("  tag          String            @unique\n", "  tag          String            @unique @db.VarChar(128)\n");
        assert_ne!(schema, SCHEMA);
        let src = TAG_FACTORY.replace(
            "            invalid: { missingTag: { id: 1n } },",
            "            invalid: { missingTag: { id: 1n }, tooLong: { id: 2n, tag: \"x\".repeat(129) } },",
        );
        assert_ne!(src, TAG_FACTORY);
        assert_eq!(run_schema_with_base(&schema, &[("tag.ts", &src)]), Vec::<String>::new());
        // Without the limit the same member is a valid input.
        assert_eq!(run(&[("tag.ts", &src)]), vec![format!("invalid-fixture-accepted {}", find(&src, "tooLong"))]);
        let long = TAG_FACTORY.replace("edgeCases: { long: { id: 2n, tag: \"x\".repeat(100) } },", "edgeCases: { long: { id: 2n, tag: \"x\".repeat(200) } },");
        assert_ne!(long, TAG_FACTORY);
        assert_eq!(run_schema_with_base(&schema, &[("tag.ts", &long)]), vec![format!("value-exceeds-column {}", find(&long, "\"x\".repeat(200)"))]);
    }
}
