//! Times `load` on a schema, stage by stage:
//! `cargo run --release -p fixture-schema --example profile_load -- PATH [ITERATIONS]`.
//! Each iteration gets text it has not seen (a trailing comment), like a cold call.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: profile_load PATH [ITERATIONS]");
    let iterations: usize = args.next().map(|n| n.parse().expect("ITERATIONS is a number")).unwrap_or(15);
    let input = fixture_schema::SchemaInput::Path(path.into());
    let files = fixture_schema::input::read_sources(&input).unwrap();
    let mut samples = Vec::with_capacity(iterations);
    for i in 0..iterations {
        let mut files = files.clone();
        files[0].1.push_str(&format!("\n// run {i}\n"));
        let start = std::time::Instant::now();
        let schema = fixture_schema::load_sources(files).unwrap();
        samples.push(start.elapsed());
        std::hint::black_box(schema);
    }
    samples.sort();
    println!("load: median {:?}, min {:?} over {iterations}", samples[iterations / 2], samples[0]);
}
