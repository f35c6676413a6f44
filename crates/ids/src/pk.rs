//! `validatePK` and the string form of ids.

use crate::bigint_text::{self, BigIntValue};
use crate::error::IdError;

/// `@vrooli/shared`'s rule for a string: `BigInt(text)` parses and the value is in 1..=2^64-1.
pub fn is_valid_pk_text(text: &str) -> bool {
    matches!(bigint_text::parse(text), Some(BigIntValue::Positive(_)))
}

/// The same rule for a JS bigint given as sign and 64-bit little-endian words.
pub fn pk_from_bigint_words(negative: bool, words: &[u64]) -> Option<u64> {
    let (low, high) = words.split_first().map_or((0, &[][..]), |(low, high)| (*low, high));
    let fits = high.iter().all(|w| *w == 0);
    (fits && low > 0 && !negative).then_some(low)
}

/// An id given as text, for `decodePK`.
pub fn parse_pk_text(text: &str) -> Result<u64, IdError> {
    match bigint_text::parse(text) {
        Some(BigIntValue::Positive(id)) => Ok(id),
        _ => Err(IdError::PkOutOfRange { got: format!("{text:?}") }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bigint_words_follow_the_same_range() {
        assert_eq!(pk_from_bigint_words(false, &[1]), Some(1));
        assert_eq!(pk_from_bigint_words(false, &[u64::MAX]), Some(u64::MAX));
        assert_eq!(pk_from_bigint_words(false, &[5, 0]), Some(5));
        assert_eq!(pk_from_bigint_words(false, &[0, 1]), None);
        assert_eq!(pk_from_bigint_words(false, &[]), None);
        assert_eq!(pk_from_bigint_words(false, &[0]), None);
        assert_eq!(pk_from_bigint_words(true, &[1]), None);
    }

    #[test]
    fn text_table_from_the_vrooli_cases() {
        for valid in ["1", "123", "1000000000", "999999999999999999", "18446744073709551615", "123\n", " 123 ", "\t789\t", "0x123", "0xFF", "0o377", "0b1111"] {
            assert!(is_valid_pk_text(valid), "{valid:?} should be valid");
        }
        for invalid in [
            "abc", "-123", "", " ", "18446744073709551616", "0", "-1", "123abc", "12.34", "1e10", "Infinity", "NaN",
            "0x0", "123.456", "123e5", "-Infinity", "0x", "0b", "0o",
        ] {
            assert!(!is_valid_pk_text(invalid), "{invalid:?} should be invalid");
        }
        assert!(!is_valid_pk_text(&"9".repeat(100)));
    }

    #[test]
    fn decode_input_errors_say_what_is_allowed() {
        assert_eq!(parse_pk_text("0x10"), Ok(16));
        let err = parse_pk_text("abc").unwrap_err();
        assert!(err.to_string().contains("from 1 to 18446744073709551615"), "{err}");
        assert_eq!(err.kind(), crate::ErrorKind::Range);
    }
}
