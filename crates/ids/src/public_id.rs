//! Public ids: short strings of `0-9a-z` from the operating system's random source, as
//! `@vrooli/shared`'s `generatePublicId` / `validatePublicId` / `nanoid` define them.

use crate::error::{IdError, describe_number, integer_in};

pub const ALPHABET: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
pub const DEFAULT_LENGTH: usize = 12;
pub const MIN_VALID_LENGTH: usize = 10;
pub const MAX_VALID_LENGTH: usize = 12;
pub use crate::error::MAX_PUBLIC_ID_LENGTH as MAX_LENGTH;

/// 252 = 7 * 36: bytes at or above it are redrawn so every character is equally likely.
const UNBIASED_LIMIT: u8 = 252;

/// A random string of `length` characters (a JS number, checked here).
pub fn generate(length: f64) -> Result<String, IdError> {
    let length = integer_in(length, 1, MAX_LENGTH)
        .ok_or_else(|| IdError::PublicIdLengthOutOfRange { got: describe_number(length) })? as usize;
    random_string(length)
}

/// Twelve random characters (`@vrooli/shared`'s `nanoid()`).
pub fn nanoid() -> Result<String, IdError> {
    random_string(DEFAULT_LENGTH)
}

fn random_string(length: usize) -> Result<String, IdError> {
    let mut out = String::with_capacity(length);
    // A few bytes extra so one draw usually suffices (about 1.6% of bytes are redrawn).
    let mut buffer = vec![0u8; length + length / 8 + 4];
    while out.len() < length {
        getrandom::fill(&mut buffer).map_err(|e| IdError::Random { message: e.to_string() })?;
        for byte in buffer.iter().copied().filter(|b| *b < UNBIASED_LIMIT) {
            if out.len() == length {
                break;
            }
            out.push(ALPHABET[usize::from(byte % 36)] as char);
        }
    }
    Ok(out)
}

/// 10 to 12 characters, all from the alphabet.
pub fn is_valid(text: &str) -> bool {
    (MIN_VALID_LENGTH..=MAX_VALID_LENGTH).contains(&text.len()) && text.bytes().all(|b| ALPHABET.contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_have_the_length_and_alphabet() {
        for length in [1.0, 10.0, 12.0, 100.0] {
            let id = generate(length).unwrap();
            assert_eq!(id.len(), length as usize);
            assert!(id.bytes().all(|b| ALPHABET.contains(&b)), "{id}");
        }
        assert!(is_valid(&nanoid().unwrap()));
    }

    #[test]
    fn every_character_of_the_alphabet_turns_up() {
        let text = generate(1024.0).unwrap();
        for c in ALPHABET {
            assert!(text.as_bytes().contains(c), "{} never drawn in 1024 characters", *c as char);
        }
    }

    #[test]
    fn bad_lengths_are_range_errors_that_say_what_is_allowed() {
        for bad in [0.0, -1.0, 1.5, f64::NAN, 1025.0] {
            let err = generate(bad).unwrap_err();
            assert!(err.to_string().contains("from 1 to 1024"), "{err}");
        }
    }

    #[test]
    fn validation_table_from_the_vrooli_cases() {
        for valid in ["abcdefghij", "0123456789ab", "a1b2c3d4e5f"] {
            assert!(is_valid(valid), "{valid}");
        }
        for invalid in ["ABC", "ABCDEFGHIJ", "123456789", "1234567890123", "abcd!123456", "", "abcdefghi é", "abcdefghi-"] {
            assert!(!is_valid(invalid), "{invalid}");
        }
    }
}
