//! Times full validations of a fixture folder in one process, for profiling (`perf record`):
//! `FIXTURE_NATIVE_SMOKE_DIR=<fixtures folder> FIXTURE_NATIVE_SMOKE_SCHEMA=<schema.prisma>
//! cargo run --release -p fixture-validate --example time_validate [runs]`. Each run sees a schema
//! text it has not seen (a trailing comment), as `bench/validate.mjs`'s cold calls do.

use std::path::PathBuf;
use std::time::Instant;

use fixture_validate::{Options, SchemaOption, validate};

// The addon's allocator (src/lib.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let (Some(dir), Some(schema)) = (std::env::var_os("FIXTURE_NATIVE_SMOKE_DIR"), std::env::var_os("FIXTURE_NATIVE_SMOKE_SCHEMA")) else {
        eprintln!("time_validate: set FIXTURE_NATIVE_SMOKE_DIR (a fixtures folder) and FIXTURE_NATIVE_SMOKE_SCHEMA (its schema.prisma)");
        std::process::exit(2);
    };
    let runs: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(50);
    let schema = std::fs::read_to_string(schema).expect("the schema reads");
    let dir = PathBuf::from(dir);
    let mut times = Vec::with_capacity(runs);
    for run in 0..runs {
        let options = Options {
            cwd: dir.clone(),
            schema: Some(SchemaOption::Source(format!("{schema}\n// run {run}\n"))),
            factories: vec![dir.display().to_string()],
            ..Default::default()
        };
        let started = Instant::now();
        let report = validate(&options).expect("the run completes");
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(report);
    }
    times.sort_by(f64::total_cmp);
    println!("{runs} cold runs: median {:.1} ms, min {:.1} ms", times[runs / 2], times[0]);
}
