//! Schema loading (Prisma's grammar and validation, then our type map resolution) on arbitrary
//! text: any outcome is fine except a panic, a hang or a stack overflow.
#![no_main]

use fixture_schema::SchemaInput;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data).into_owned();
    let _ = fixture_schema::load(&SchemaInput::Source { source, file_name: None });
});
