//! The id parsers behind `decodePK` and `validatePK` on arbitrary text: they agree with each
//! other, and an accepted id decodes and round-trips through its decimal form.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let parsed = fixture_ids::pk::parse_pk_text(text);
    assert_eq!(parsed.is_ok(), fixture_ids::pk::is_valid_pk_text(text), "{text:?}");
    if let Ok(id) = parsed {
        assert!(id > 0);
        assert_eq!(fixture_ids::pk::parse_pk_text(&id.to_string()).ok(), Some(id));
        let _ = fixture_ids::process::decode_pk(id);
    }
    let _ = fixture_ids::public_id::is_valid(text);
});
