//! `@default(…)` values as the DMMF shows them: a function becomes `{ name, args }` (with the
//! implied version argument of `uuid()` and `cuid()`), a literal becomes a JSON value of the
//! field's type (BigInt as a string, DateTime normalised to RFC 3339), a list becomes an array.

use saola_psl::parser_database::{ScalarType, ast};
use serde_json::{Value, json};

/// The DMMF `default` of a field of type `scalar` (`None` for enums and composites).
pub fn default_json(expression: &ast::Expression, scalar: Option<ScalarType>) -> Value {
    match expression {
        ast::Expression::Function(name, arguments, _) => {
            // Named arguments (`sequence(start: 10)`) are not listed, as in the DMMF.
            let mut args: Vec<Value> =
                arguments.arguments.iter().filter(|a| a.name.is_none()).map(|a| function_argument(&a.value)).collect();
            // Prisma records the algorithm version these generators use when none is given.
            if args.is_empty() {
                match name.as_str() {
                    "uuid" => args.push(json!(4)),
                    "cuid" => args.push(json!(1)),
                    _ => {}
                }
            }
            json!({ "name": name, "args": args })
        }
        ast::Expression::Array(items, _) => Value::Array(items.iter().map(|item| default_json(item, scalar)).collect()),
        ast::Expression::NumericValue(raw, _) => match scalar {
            Some(ScalarType::BigInt) => Value::String(raw.clone()),
            _ => number(raw),
        },
        ast::Expression::StringValue(raw, _) => match scalar {
            // A decimal may be written as a string; the DMMF shows it as a number.
            Some(ScalarType::Decimal) => number(raw),
            Some(ScalarType::DateTime) => chrono::DateTime::parse_from_rfc3339(raw)
                .map(|dt| Value::String(dt.to_rfc3339()))
                .unwrap_or_else(|_| Value::String(raw.clone())),
            _ => Value::String(raw.clone()),
        },
        ast::Expression::ConstantValue(raw, _) => match (scalar, raw.as_str()) {
            (Some(ScalarType::Boolean), "true") => Value::Bool(true),
            (Some(ScalarType::Boolean), "false") => Value::Bool(false),
            _ => Value::String(raw.clone()),
        },
    }
}

fn function_argument(expression: &ast::Expression) -> Value {
    match expression {
        ast::Expression::NumericValue(raw, _) => number(raw),
        ast::Expression::StringValue(raw, _) | ast::Expression::ConstantValue(raw, _) => Value::String(raw.clone()),
        ast::Expression::Array(items, _) => Value::Array(items.iter().map(function_argument).collect()),
        ast::Expression::Function(name, _, _) => Value::String(name.clone()),
    }
}

fn number(raw: &str) -> Value {
    if let Ok(int) = raw.parse::<i64>() {
        return json!(int);
    }
    raw.parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map(Value::Number)
        .unwrap_or_else(|| Value::String(raw.to_owned()))
}
