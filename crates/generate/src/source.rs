//! A TypeScript object literal as a small tree, rendered with the house indentation. Values are
//! TypeScript expressions already (`this.generateId()`, `"Active"`, `new Date()`).

/// One member of an object literal.
#[derive(Debug, Clone, PartialEq)]
pub enum Member {
    /// `key: value`
    Property(String, Value),
    /// `...expression`
    Spread(String),
    /// `// text` on a line of its own (why a member is left empty).
    Comment(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Expression(String),
    Object(Vec<Member>),
}

impl Value {
    pub fn expr(text: impl Into<String>) -> Self {
        Value::Expression(text.into())
    }

    /// Renders at nesting `level` (the first line is not indented; the closing brace is).
    pub fn render(&self, indent: &str, level: usize) -> String {
        match self {
            Value::Expression(text) => text.clone(),
            Value::Object(members) if members.is_empty() => "{}".to_string(),
            Value::Object(members) => {
                let inner = indent.repeat(level + 1);
                let mut out = String::from("{\n");
                for member in members {
                    out.push_str(&inner);
                    if let Member::Comment(text) = member {
                        out.push_str("// ");
                        out.push_str(text);
                        out.push('\n');
                        continue;
                    }
                    match member {
                        Member::Comment(_) => {}
                        Member::Property(key, value) => {
                            out.push_str(&property_key(key));
                            out.push_str(": ");
                            out.push_str(&value.render(indent, level + 1));
                        }
                        Member::Spread(expression) => {
                            out.push_str("...");
                            out.push_str(expression);
                        }
                    }
                    out.push_str(",\n");
                }
                out.push_str(&indent.repeat(level));
                out.push('}');
                out
            }
        }
    }
}

/// A property key: bare when it is an identifier, quoted otherwise.
pub fn property_key(name: &str) -> String {
    let mut chars = name.chars();
    let identifier = chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if identifier { name.to_string() } else { string_literal(name) }
}

/// A double-quoted TypeScript string literal.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_nested_objects_with_the_given_indent() {
        let value = Value::Object(vec![
            Member::Property("id".into(), Value::expr("this.generateId()")),
            Member::Property("tag".into(), Value::Object(vec![Member::Property("create".into(), Value::Object(vec![]))])),
            Member::Property("two words".into(), Value::expr("1")),
            Member::Spread("overrides".into()),
        ]);
        assert_eq!(
            value.render("  ", 1),
            "{\n    id: this.generateId(),\n    tag: {\n      create: {},\n    },\n    \"two words\": 1,\n    ...overrides,\n  }"
        );
        assert_eq!(string_literal("a\"b\\"), "\"a\\\"b\\\\\"");
    }
}
