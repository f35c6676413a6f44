//! The value shape of a literal, and whether a field's generated input type accepts it. Only
//! literals are judged: anything computed (`generatePK()`, a variable) is accepted.

use oxc_ast::ast::{ArrayExpressionElement, ArrowFunctionBody, Expression, ObjectExpression, Statement, UnaryOperator};

use fixture_schema::{Enum, InputShape};

#[derive(Debug, Clone, PartialEq)]
pub enum Literal<'a> {
    String(&'a str),
    /// A template literal (a string whose value we may not know).
    Template,
    Number,
    BigInt,
    Boolean,
    Null,
    Undefined,
    Array,
    Object,
    /// `new Date(…)`
    Date,
    /// A function, class or other value that is never a field value.
    Function,
    Unknown,
}

impl Literal<'_> {
    pub fn describe(&self) -> &'static str {
        match self {
            Literal::String(_) | Literal::Template => "a string",
            Literal::Number => "a number",
            Literal::BigInt => "a bigint",
            Literal::Boolean => "a boolean",
            Literal::Null => "null",
            Literal::Undefined => "undefined",
            Literal::Array => "an array",
            Literal::Object => "an object",
            Literal::Date => "a Date",
            Literal::Function => "a function",
            Literal::Unknown => "a value",
        }
    }
}

pub fn classify<'a>(e: &Expression<'a>) -> Literal<'a> {
    match e.without_parentheses() {
        // `x as T` and `x!` say "trust me": accepted like any computed value.
        Expression::TSSatisfiesExpression(s) => classify(&s.expression),
        Expression::StringLiteral(s) => Literal::String(s.value.as_str()),
        Expression::TemplateLiteral(_) => Literal::Template,
        Expression::NumericLiteral(_) => Literal::Number,
        Expression::BigIntLiteral(_) => Literal::BigInt,
        Expression::BooleanLiteral(_) => Literal::Boolean,
        Expression::NullLiteral(_) => Literal::Null,
        Expression::Identifier(id) if id.name == "undefined" => Literal::Undefined,
        Expression::Identifier(id) if id.name == "NaN" || id.name == "Infinity" => Literal::Number,
        Expression::UnaryExpression(u) if matches!(u.operator, UnaryOperator::UnaryNegation | UnaryOperator::UnaryPlus) => {
            match classify(&u.argument) {
                Literal::Number => Literal::Number,
                Literal::BigInt if u.operator == UnaryOperator::UnaryNegation => Literal::BigInt,
                _ => Literal::Unknown,
            }
        }
        Expression::UnaryExpression(u) if u.operator == UnaryOperator::LogicalNot => Literal::Boolean,
        Expression::UnaryExpression(u) if u.operator == UnaryOperator::Typeof => Literal::Template,
        Expression::ArrayExpression(_) => Literal::Array,
        Expression::ObjectExpression(_) => Literal::Object,
        Expression::NewExpression(n) if n.callee.is_specific_id("Date") => Literal::Date,
        Expression::ArrowFunctionExpression(_) | Expression::FunctionExpression(_) | Expression::ClassExpression(_) => {
            Literal::Function
        }
        _ => Literal::Unknown,
    }
}

/// Why a scalar or enum field rejects this literal, or `None` when it is accepted. `update` inputs
/// also take operation objects (`{ set }`, `{ increment }`, `{ push }`).
pub enum Verdict {
    Ok,
    /// `field-type-mismatch`: the message's "expected" part.
    Mismatch(String),
    /// `invalid-enum-value`
    NotInEnum,
    /// `field-type-mismatch` on a string the type allows but Prisma does not parse (a Decimal that
    /// is no number, a DateTime that is no ISO-8601 date-time): the message's "expected" part.
    Malformed(String),
}

/// A string that certainly is no decimal number for Prisma: empty, or with a character no decimal
/// has (Prisma rejects `" 2 "`, `"NaN"`, `"0x10"`, `"abc"`).
fn not_a_decimal(s: &str) -> bool {
    s.is_empty() || s.chars().any(|c| !(c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | 'e' | 'E')))
}

/// A string that certainly is no ISO-8601 date-time for Prisma: empty, without a digit, with a
/// letter other than the `T` and `Z` of the format, or a date alone (`"2024-01-01"`: Prisma wants
/// the time too).
fn not_a_date_time(s: &str) -> bool {
    let date_only = s.len() == 10 && s.chars().enumerate().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
    s.is_empty() || !s.chars().any(|c| c.is_ascii_digit()) || s.chars().any(|c| c.is_ascii_alphabetic() && !matches!(c, 'T' | 'Z' | 't' | 'z')) || date_only
}

pub fn judge(shape: &InputShape, nullable: bool, value: &Literal<'_>, enum_def: Option<&Enum>) -> Verdict {
    use Literal as L;
    if matches!(value, L::Unknown | L::Undefined) {
        return Verdict::Ok;
    }
    let (is_list, expected): (bool, &str) = match shape {
        InputShape::Scalar { type_name, is_list } => (*is_list, type_name.as_str()),
        InputShape::Enum { is_list, .. } => (*is_list, "enum"),
        InputShape::Composite { .. } => return Verdict::Ok,
        InputShape::Relation { .. } => {
            return match value {
                L::Object => Verdict::Ok,
                _ => Verdict::Mismatch("a relation write such as `{ connect: { … } }` or `{ create: { … } }`".into()),
            };
        }
    };
    if *value == L::Null {
        if nullable {
            return Verdict::Ok;
        }
        return Verdict::Mismatch(if expected == "Json" {
            "a JSON value; for a database NULL use `Prisma.DbNull` (or `Prisma.JsonNull` for JSON null)".into()
        } else {
            format!("{} (the field is not nullable)", type_description(expected, is_list))
        });
    }
    if is_list {
        // Arrays (elements are checked one by one by the caller) or `{ set: … }`.
        return match value {
            L::Array | L::Object => Verdict::Ok,
            _ => Verdict::Mismatch(type_description(expected, true)),
        };
    }
    // Objects: operation inputs (`{ set }`, `{ increment }`), Decimal-like values, JSON objects.
    if *value == L::Object && expected != "Boolean" {
        return Verdict::Ok;
    }
    match (expected, value) {
        ("Decimal", L::String(s)) if not_a_decimal(s) => {
            return Verdict::Malformed("a number, a Decimal or a string of a decimal number such as \"12.50\"".into());
        }
        ("DateTime", L::String(s)) if not_a_date_time(s) => {
            return Verdict::Malformed("a Date or an ISO-8601 date-time string such as \"2024-01-01T00:00:00Z\"".into());
        }
        _ => {}
    }
    let ok = match expected {
        "String" => matches!(value, L::String(_) | L::Template),
        "Int" | "Float" => matches!(value, L::Number),
        "BigInt" => matches!(value, L::BigInt | L::Number),
        "Decimal" => matches!(value, L::Number | L::String(_) | L::Template),
        "DateTime" => matches!(value, L::Date | L::String(_) | L::Template),
        "Boolean" => matches!(value, L::Boolean | L::Object),
        "Json" => !matches!(value, L::BigInt | L::Function | L::Date),
        "Bytes" => false,
        "enum" => {
            return match value {
                L::String(s) => match enum_def {
                    Some(e) if !e.values.iter().any(|v| v.name == *s) => Verdict::NotInEnum,
                    _ => Verdict::Ok,
                },
                L::Template => Verdict::Ok,
                _ => Verdict::Mismatch("one of the enum's values (a string)".into()),
            };
        }
        _ => true,
    };
    if ok { Verdict::Ok } else { Verdict::Mismatch(type_description(expected, false)) }
}

pub fn type_description(type_name: &str, is_list: bool) -> String {
    let one = match type_name {
        "String" => "a string",
        "Int" => "an integer number",
        "Float" => "a number",
        "BigInt" => "a bigint or a number",
        "Decimal" => "a number, a string or a Decimal",
        "DateTime" => "a Date or an ISO date string",
        "Boolean" => "a boolean",
        "Json" => "a JSON value",
        "Bytes" => "a Uint8Array",
        "enum" => "an enum value",
        _ => "a value of the field's type",
    };
    if is_list { format!("an array of {} values (or `{{ set: [...] }}`)", type_name) } else { one.to_string() }
}

/// The elements of an array literal that are plain expressions.
pub fn array_elements<'b, 'a>(e: &'b Expression<'a>) -> Vec<&'b Expression<'a>> {
    let mut out = Vec::new();
    elements_into(e, &mut out);
    out
}

/// The elements of an array literal (and of spread `….map(…)` calls in it), or the values a
/// `xs.map((x) => …)` / `Array.from(xs, (x) => …)` callback returns.
fn elements_into<'b, 'a>(e: &'b Expression<'a>, out: &mut Vec<&'b Expression<'a>>) {
    match e.without_parentheses() {
        Expression::ArrayExpression(a) => {
            for el in &a.elements {
                match el {
                    ArrayExpressionElement::SpreadElement(s) => {
                        if mapped_callback(&s.argument).is_some() {
                            elements_into(&s.argument, out);
                        }
                    }
                    ArrayExpressionElement::Elision(_) => {}
                    other => out.extend(other.as_expression()),
                }
            }
        }
        other => {
            if let Some(cb) = mapped_callback(other) {
                returned_values(cb, out);
            }
        }
    }
}

/// The callback of `xs.map(cb)` or `Array.from(xs, cb)`.
fn mapped_callback<'b, 'a>(e: &'b Expression<'a>) -> Option<&'b Expression<'a>> {
    let Expression::CallExpression(call) = e.without_parentheses() else { return None };
    let Expression::StaticMemberExpression(m) = call.callee.without_parentheses() else { return None };
    let at = match (m.property.name.as_str(), m.object.without_parentheses()) {
        ("map", _) => 0,
        ("from", Expression::Identifier(id)) if id.name == "Array" => 1,
        _ => return None,
    };
    call.arguments.get(at).and_then(|a| a.as_expression()).filter(|cb| matches!(cb.without_parentheses(), Expression::ArrowFunctionExpression(_) | Expression::FunctionExpression(_)))
}

/// The values a function returns: an arrow's expression body, or the arguments of the `return`
/// statements of its body (not of nested functions).
fn returned_values<'b, 'a>(f: &'b Expression<'a>, out: &mut Vec<&'b Expression<'a>>) {
    match f.without_parentheses() {
        Expression::ArrowFunctionExpression(a) => match &a.body {
            ArrowFunctionBody::FunctionBody(b) => returns_in(&b.statements, out),
            other => {
                if let Some(e) = other.as_expression() {
                    push_branches(e, out);
                }
            }
        },
        Expression::FunctionExpression(f) => {
            if let Some(body) = &f.body {
                returns_in(&body.statements, out);
            }
        }
        _ => {}
    }
}

fn push_branches<'b, 'a>(e: &'b Expression<'a>, out: &mut Vec<&'b Expression<'a>>) {
    match e.without_parentheses() {
        Expression::ConditionalExpression(c) => {
            push_branches(&c.consequent, out);
            push_branches(&c.alternate, out);
        }
        other => out.push(other),
    }
}

fn returns_in<'b, 'a>(statements: &'b [Statement<'a>], out: &mut Vec<&'b Expression<'a>>) {
    for s in statements {
        match s {
            Statement::ReturnStatement(r) => {
                if let Some(arg) = &r.argument {
                    push_branches(arg, out);
                }
            }
            Statement::IfStatement(i) => {
                returns_in(std::slice::from_ref(&i.consequent), out);
                if let Some(alt) = &i.alternate {
                    returns_in(std::slice::from_ref(alt), out);
                }
            }
            Statement::BlockStatement(b) => returns_in(&b.body, out),
            _ => {}
        }
    }
}

/// A lower bound of the characters a string expression holds once its trailing spaces are
/// dropped (PostgreSQL stores an over-long value in `varchar(n)`/`char(n)` when the excess is all
/// spaces): exact for a string literal; for a template, a `+` concatenation or `"x".repeat(n)`
/// (literal `n`), the known parts with every unknown part taken as empty. `None` when nothing is
/// known. Characters are Unicode code points, as PostgreSQL counts them in UTF-8.
/// The second value says whether the bound is exact (no unknown part).
pub fn significant_len_at_least(e: &Expression<'_>) -> Option<(usize, bool)> {
    if let Expression::StringLiteral(s) = e.without_parentheses() {
        return Some((s.value.trim_end_matches(' ').chars().count(), true));
    }
    let mut known = String::new();
    let mut exact = true;
    known_text(e, &mut known, &mut exact)?;
    Some((known.trim_end_matches(' ').chars().count(), exact))
}

/// Appends the known text of a string expression (unknown parts as nothing); `None` when the
/// expression is not a string built of known parts at all.
fn known_text(e: &Expression<'_>, out: &mut String, exact: &mut bool) -> Option<()> {
    match e.without_parentheses() {
        Expression::StringLiteral(s) => out.push_str(&s.value),
        Expression::TSSatisfiesExpression(s) => known_text(&s.expression, out, exact)?,
        Expression::TemplateLiteral(t) => {
            // In order, each unknown expression taken as empty.
            for (i, q) in t.quasis.iter().enumerate() {
                out.push_str(q.value.cooked.as_deref().unwrap_or(""));
                if let Some(x) = t.expressions.get(i) {
                    let mut inner = String::new();
                    if known_text(x, &mut inner, exact).is_some() {
                        out.push_str(&inner);
                    } else {
                        *exact = false;
                    }
                }
            }
        }
        Expression::BinaryExpression(b) if b.operator == oxc_syntax::operator::BinaryOperator::Addition => {
            let mut left = String::new();
            let l = known_text(&b.left, &mut left, exact);
            let mut right = String::new();
            let r = known_text(&b.right, &mut right, exact);
            // A `+` is a string only when one side is: `1 + 2` is a number.
            l.or(r)?;
            if l.is_none() || r.is_none() {
                *exact = false;
            }
            out.push_str(&left);
            out.push_str(&right);
        }
        Expression::CallExpression(call) => {
            let Expression::StaticMemberExpression(m) = call.callee.without_parentheses() else { return None };
            if m.property.name != "repeat" {
                return None;
            }
            let mut unit = String::new();
            known_text(&m.object, &mut unit, exact)?;
            let count = match call.arguments.first().and_then(|a| a.as_expression()).map(|a| a.without_parentheses()) {
                Some(Expression::NumericLiteral(n)) if n.value >= 0.0 && n.value.fract() == 0.0 && n.value <= 1e7 => n.value as usize,
                _ => {
                    *exact = false;
                    0
                }
            };
            out.push_str(&unit.repeat(count));
        }
        _ => return None,
    }
    Some(())
}

/// The value of an integer literal (`5`, `-5`, `5n`, `BigInt(5)`, `BigInt("5")`), `None` for
/// anything else or a number that is not an integer.
pub fn integer_literal(e: &Expression<'_>) -> Option<i128> {
    match e.without_parentheses() {
        Expression::TSSatisfiesExpression(s) => integer_literal(&s.expression),
        Expression::NumericLiteral(n) if n.value.fract() == 0.0 && n.value.abs() < 1e38 => Some(n.value as i128),
        Expression::BigIntLiteral(b) => b.raw.as_deref()?.trim_end_matches('n').replace('_', "").parse().ok(),
        Expression::UnaryExpression(u) if u.operator == UnaryOperator::UnaryNegation => integer_literal(&u.argument).map(|v| -v),
        Expression::CallExpression(call) if call.callee.is_specific_id("BigInt") && call.arguments.len() == 1 => {
            match call.arguments[0].as_expression().map(|a| a.without_parentheses()) {
                Some(Expression::StringLiteral(s)) => s.value.trim().parse().ok(),
                Some(other) => integer_literal(other),
                None => None,
            }
        }
        _ => None,
    }
}

/// The object literal a checked value is, through parentheses and `satisfies` (an `as`
/// assertion is not seen through: tsc checks no missing property under one).
pub fn object_of<'b, 'a>(e: &'b Expression<'a>) -> Option<&'b ObjectExpression<'a>> {
    object_through(e, false)
}

/// [`object_of`], also through `as` assertions: for what the object holds at run time
/// (an `invalid` fixture written `{ … } as any` still reaches Prisma).
pub fn object_under_casts<'b, 'a>(e: &'b Expression<'a>) -> Option<&'b ObjectExpression<'a>> {
    object_through(e, true)
}

fn object_through<'b, 'a>(e: &'b Expression<'a>, through_as: bool) -> Option<&'b ObjectExpression<'a>> {
    match e.without_parentheses() {
        Expression::ObjectExpression(o) => Some(o),
        Expression::TSSatisfiesExpression(s) => object_through(&s.expression, through_as),
        Expression::TSAsExpression(s) if through_as => object_through(&s.expression, true),
        _ => None,
    }
}

