//! Times `load` on a schema: `cargo run --release -p fixture-schema --example profile_load -- PATH`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: profile_load PATH");
    let input = fixture_schema::SchemaInput::Path(path.into());
    let files = fixture_schema::input::read_sources(&input).unwrap();
    for _ in 0..3 {
        let start = std::time::Instant::now();
        let sources: Vec<(String, saola_psl::SourceFile)> = files.iter().map(|(n, t)| (n.clone(), saola_psl::SourceFile::from(t.as_str()))).collect();
        let validated = saola_psl::validate_multi_file_without_extensions(&sources);
        let psl = start.elapsed();
        let start2 = std::time::Instant::now();
        let single = saola_psl::SourceFile::from(files[0].1.as_str());
        let parsed = saola_psl::parse_without_validation(single, saola_psl::builtin_connectors::BUILTIN_CONNECTORS, &saola_psl::parser_database::NoExtensionTypes);
        println!("parse only {:?}", start2.elapsed());
        drop(parsed);
        drop(validated);
        let start = std::time::Instant::now();
        let schema = fixture_schema::load_sources(files.clone()).unwrap();
        let all = start.elapsed();
        let start = std::time::Instant::now();
        let names = schema.type_index().names.len();
        let universe = start.elapsed();
        println!("psl {psl:?}, load {all:?}, universe {universe:?} ({names} names)");
    }
}
