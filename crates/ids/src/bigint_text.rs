//! Reads a string the way JavaScript's `BigInt(string)` does (ECMAScript StringToBigInt), so
//! `validatePK` accepts exactly what `@vrooli/shared`'s `BigInt`-based check accepts: surrounding
//! JS whitespace is ignored, an empty string is 0, decimals may carry a sign, `0x`/`0o`/`0b`
//! prefixes (either case) take no sign; anything else (`1e3`, `1.0`, `1_000`, `Infinity`) is
//! not a BigInt.

/// The value of a BigInt literal, as far as a 64-bit id cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BigIntValue {
    Zero,
    Negative,
    Positive(u64),
    /// Greater than 2^64-1.
    TooLarge,
}

/// JS WhiteSpace and LineTerminator code points (what `String.prototype.trim` removes).
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\u{9}' | '\u{A}' | '\u{B}' | '\u{C}' | '\u{D}' | ' ' | '\u{A0}' | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{FEFF}'
    )
}

/// `None` where `BigInt(text)` would throw a SyntaxError.
pub fn parse(text: &str) -> Option<BigIntValue> {
    let text = text.trim_matches(is_js_space);
    if text.is_empty() {
        return Some(BigIntValue::Zero);
    }
    let bytes = text.as_bytes();
    let prefixed_radix = match bytes {
        [b'0', b'x' | b'X', ..] => Some(16),
        [b'0', b'o' | b'O', ..] => Some(8),
        [b'0', b'b' | b'B', ..] => Some(2),
        _ => None,
    };
    let (negative, radix, digits) = match prefixed_radix {
        Some(radix) => (false, radix, &text[2..]),
        None => match bytes[0] {
            b'-' => (true, 10, &text[1..]),
            b'+' => (false, 10, &text[1..]),
            _ => (false, 10, text),
        },
    };
    if digits.is_empty() {
        return None;
    }
    let mut magnitude: Option<u64> = Some(0);
    for c in digits.chars() {
        let digit = c.to_digit(radix)?;
        magnitude = magnitude.and_then(|m| m.checked_mul(u64::from(radix))).and_then(|m| m.checked_add(u64::from(digit)));
    }
    Some(match (negative, magnitude) {
        (_, Some(0)) => BigIntValue::Zero,
        (true, _) => BigIntValue::Negative,
        (false, Some(m)) => BigIntValue::Positive(m),
        (false, None) => BigIntValue::TooLarge,
    })
}

#[cfg(test)]
mod tests {
    use super::BigIntValue::*;
    use super::*;

    #[test]
    fn literals_read_as_javascript_reads_them() {
        let cases: &[(&str, Option<BigIntValue>)] = &[
            ("123", Some(Positive(123))),
            ("+123", Some(Positive(123))),
            ("-123", Some(Negative)),
            ("-0", Some(Zero)),
            ("0", Some(Zero)),
            ("", Some(Zero)),
            (" \t\n", Some(Zero)),
            ("\u{FEFF}\u{3000} 42 \u{2028}", Some(Positive(42))),
            ("0x0", Some(Zero)),
            ("0xFF", Some(Positive(255))),
            ("0XfF", Some(Positive(255))),
            ("0o377", Some(Positive(255))),
            ("0b1111", Some(Positive(15))),
            ("000123", Some(Positive(123))),
            ("18446744073709551615", Some(Positive(u64::MAX))),
            ("18446744073709551616", Some(TooLarge)),
            ("0x10000000000000000", Some(TooLarge)),
            ("-0x1", None),
            ("+0x1", None),
            ("0x", None),
            ("0b", None),
            ("0o", None),
            ("0b2", None),
            ("-", None),
            ("+", None),
            ("1e3", None),
            ("1.0", None),
            ("1_000", None),
            ("Infinity", None),
            ("NaN", None),
            ("12 3", None),
            ("\u{85}1", None),
            ("١٢٣", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn a_hundred_nines_is_too_large_not_a_syntax_error() {
        assert_eq!(parse(&"9".repeat(100)), Some(TooLarge));
    }
}
