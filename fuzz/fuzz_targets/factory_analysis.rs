//! Factory analysis (parse, summarise, index, check) of arbitrary text as a TypeScript file,
//! against the bundled example schema: a report or an error, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

const SCHEMA: &str = include_str!("../../examples/prisma/schema.prisma");

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let files = vec![("/fuzz/src/fixtures/db/InputDbFactory.ts".into(), text)];
    let _ = fixture_validate::validate_sources(SCHEMA, files, None, None);
});
