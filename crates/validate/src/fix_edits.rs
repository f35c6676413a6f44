//! Builders of fix edits that are more than "replace the span with the suggestion": they read the
//! surrounding source so that the edit keeps its formatting (indentation, trailing commas).

use oxc_ast::ast::ObjectExpression;
use oxc_span::GetSpan;

/// Adds `name: {}` for each of `names` to an object literal: after its last member, on a new
/// line with that member's indentation (a trailing comma, if any, stays after the new members),
/// or as `{ name: {} }` for an empty object.
pub fn add_empty_members(source: &str, obj: &ObjectExpression<'_>, names: &[&String]) -> (u32, u32, String) {
    let Some(last) = obj.properties.last() else {
        let members = names.iter().map(|n| format!("{n}: {{}}")).collect::<Vec<_>>().join(", ");
        return (obj.span.start, obj.span.end, format!("{{ {members} }}"));
    };
    let end = last.span().end;
    let start = last.span().start as usize;
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = &source[line_start..start];
    let multiline = before.trim().is_empty();
    let mut text = String::new();
    for n in names {
        if multiline {
            text.push_str(&format!(",\n{before}{n}: {{}}"));
        } else {
            text.push_str(&format!(", {n}: {{}}"));
        }
    }
    (end, end, text)
}
